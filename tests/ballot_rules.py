"""Tuyên Quang's ballot rule and cap for the voting tests, read from the shipped ruleset.

The voting package knows no province (its :class:`~dienhinh.voting.BallotRule`
needs a source): the tests that count under TQ-2.1b take it from the data, so
the rule the tests count under is the one a Tuyên Quang round uses.
"""

from __future__ import annotations

from typing import Any

import attrs

from dienhinh.rulesets import load_ruleset
from dienhinh.voting import BallotRule, Cap

_TQ = load_ruleset("tuyen-quang-2023")
assert _TQ.ballot is not None
assert _TQ.cap is not None
assert _TQ.cap.rule is not None

TQ_RULE: BallotRule = _TQ.ballot
"""TQ-2.1b: at least 9/10 of the total membership, the chair breaks a tie."""
TQ_BALLOT = TQ_RULE.rule
TQ_CAP = _TQ.cap.rule
"""TQ-6.2b: no more than 15 a year (the rule; a test gives its own number of slots)."""
TQ_SLOTS: Cap = _TQ.cap


def tq_rule(**changes: Any) -> BallotRule:
    """TQ-2.1b with some parameters changed (the citation stays TQ-2.1b's)."""
    return attrs.evolve(TQ_RULE, **changes)
