"""A council's ballot: tally, threshold, cap, ties, verification.

The package knows no province: the rule counted under is always given, with
its source — a ruleset's ``ballot`` (e.g. Tuyên Quang's TQ-2.1b), or the
caller's own.

>>> from dienhinh import Citation, Rule
>>> from dienhinh.voting import Ballot, BallotRule, Council, count_votes
>>> rule = BallotRule(rule=Rule("MY-1", Citation("My council's rules")), threshold="9/10")
>>> council = Council([f"m{i:02}" for i in range(1, 20)], chair="m01")
>>> ballots = [Ballot(m, ["a"] if m != "m19" else []) for m in council.members]
>>> result = count_votes(council, ["a"], ballots, rule=rule)
>>> result.needed, result.tally[0].rate, result.recognised
(18, '18/19', ('a',))
"""

from dienhinh.voting._council import Ballot, Candidate, Cast, Council
from dienhinh.voting._count import count, count_votes, resolve, verify
from dienhinh.voting._result import (
    BallotInputs,
    BallotResult,
    BallotStatus,
    Outcome,
    OutcomeStatus,
    Tally,
    Tie,
)
from dienhinh.voting._rule import (
    BallotRule,
    Cap,
    Comparison,
    Denominator,
    TieBreak,
)

__all__ = [
    "Ballot",
    "BallotInputs",
    "BallotResult",
    "BallotRule",
    "BallotStatus",
    "Candidate",
    "Cap",
    "Cast",
    "Comparison",
    "Council",
    "Denominator",
    "Outcome",
    "OutcomeStatus",
    "Tally",
    "Tie",
    "TieBreak",
    "count",
    "count_votes",
    "resolve",
    "verify",
]
