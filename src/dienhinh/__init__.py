"""dienhinh: Vietnamese provinces' rules on recognising advanced exemplars, as code.

The package root holds what every part shares: errors, citations, the
register of interpretations, reasons — and the rulesets: each province's
document as validated, cited, dated data (:class:`Ruleset`, :func:`load_ruleset`;
its parts in :mod:`dienhinh.rulesets`).
The annual round composes them all (:class:`RoundInputs` → :func:`run_round` →
:class:`RoundDecision`). Each domain has its subpackage: :mod:`dienhinh.voting` (the council's ballot),
:mod:`dienhinh.calendar` (the achievement window, deadlines, the year's schedule).
"""

from dienhinh._errors import (
    ChairChoiceError,
    DienhinhError,
    DoubleVoteError,
    DuplicateIdError,
    ImpossibleDateError,
    InvalidInputError,
    InvalidTypeError,
    InvalidValueError,
    MalformedJSONError,
    MissingExtraError,
    MissingKeyError,
    NaiveDatetimeError,
    Problem,
    RulesetError,
    UnknownCriterionError,
    UnknownDeadlineError,
    UnknownFieldError,
    UnknownIdError,
    UnknownKeyError,
    UnknownMemberError,
    UnknownNomineeError,
    UnknownRulesetError,
    VerificationError,
)
from dienhinh._interpretations import (
    INTERPRETATIONS,
    Interpretation,
    Reading,
    Readings,
    UsedReading,
)
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Citation, Rule
from dienhinh._reasons import Reason, ReasonCode, Severity
from dienhinh._round import (
    Benefit,
    FloorCheck,
    NationalPool,
    NominationOutcome,
    RoundDecision,
    RoundOutcome,
    RoundStatus,
    resolve_round,
    run_round,
    verify_round,
)
from dienhinh._round_model import Dossier, Level, Nomination, Priority, RoundInputs, Stage, Unit
from dienhinh._ruleset import DocumentStatus, Ruleset
from dienhinh._ruleset_load import builtin_rulesets, dump_ruleset, load_ruleset, parse_ruleset
from dienhinh._version import __version__

__all__ = [
    "INTERPRETATIONS",
    "Benefit",
    "ChairChoiceError",
    "Citation",
    "DienhinhError",
    "DocumentStatus",
    "Dossier",
    "DoubleVoteError",
    "DuplicateIdError",
    "FloorCheck",
    "ImpossibleDateError",
    "Interpretation",
    "InvalidInputError",
    "InvalidTypeError",
    "InvalidValueError",
    "Level",
    "MalformedJSONError",
    "MissingExtraError",
    "MissingKeyError",
    "NaiveDatetimeError",
    "NationalPool",
    "Nomination",
    "NominationOutcome",
    "NomineeKind",
    "Priority",
    "Problem",
    "Reading",
    "Readings",
    "Reason",
    "ReasonCode",
    "RoundDecision",
    "RoundInputs",
    "RoundOutcome",
    "RoundStatus",
    "Rule",
    "Ruleset",
    "RulesetError",
    "Severity",
    "Stage",
    "Unit",
    "UnknownCriterionError",
    "UnknownDeadlineError",
    "UnknownFieldError",
    "UnknownIdError",
    "UnknownKeyError",
    "UnknownMemberError",
    "UnknownNomineeError",
    "UnknownRulesetError",
    "UsedReading",
    "VerificationError",
    "__version__",
    "builtin_rulesets",
    "dump_ruleset",
    "load_ruleset",
    "parse_ruleset",
    "resolve_round",
    "run_round",
    "verify_round",
]
