"""The annual recognition round: nominations → eligibility → ballot → decision.

A round composes the domain packages under one :class:`~dienhinh.Ruleset`:
:class:`RoundInputs` (units, dossiers, nominations, the council and its
ballots) go through :func:`run_round` to a :class:`RoundDecision` whose every
outcome carries its reasons. :func:`resolve_round` applies the chair's choice
at a tie; :func:`verify_round` re-derives a decision from its inputs.
"""

from dienhinh.round._floors import FloorCheck, check_floors
from dienhinh.round._inputs import (
    CouncilLevel,
    Dossier,
    Nomination,
    Priority,
    RoundInputs,
    Stage,
    Unit,
)
from dienhinh.round._run import (
    Benefit,
    NationalPool,
    NominationOutcome,
    RoundDecision,
    RoundOutcome,
    RoundStatus,
    resolve_round,
    run_round,
    verify_round,
)
from dienhinh.round._views import FloorRow, OutcomeRow, ReasonRow

__all__ = [
    "Benefit",
    "CouncilLevel",
    "Dossier",
    "FloorCheck",
    "FloorRow",
    "NationalPool",
    "Nomination",
    "NominationOutcome",
    "OutcomeRow",
    "Priority",
    "ReasonRow",
    "RoundDecision",
    "RoundInputs",
    "RoundOutcome",
    "RoundStatus",
    "Stage",
    "Unit",
    "check_floors",
    "resolve_round",
    "run_round",
    "verify_round",
]
