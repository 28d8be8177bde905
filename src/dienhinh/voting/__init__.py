"""The council's ballot (TQ-2.1b, TQ-4.3, TQ-6.2b): tally, threshold, cap, ties, verification.

>>> from dienhinh.voting import Ballot, Council, count_votes
>>> council = Council([f"m{i:02}" for i in range(1, 20)], chair="m01")
>>> ballots = [Ballot(m, ["a"] if m != "m19" else []) for m in council.members]
>>> result = count_votes(council, ["a"], ballots)
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
    TQ_BALLOT,
    TQ_CAP,
    WOMEN_FIRST,
    BallotRule,
    Cap,
    Comparison,
    Denominator,
    TieBreak,
)

__all__ = [
    "TQ_BALLOT",
    "TQ_CAP",
    "WOMEN_FIRST",
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
