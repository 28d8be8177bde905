"""Three answers, not two: met, not met, unknown — combined by Kleene's strong logic.

>>> all_of([Verdict.MET, Verdict.UNKNOWN]), any_of([Verdict.NOT_MET, Verdict.UNKNOWN])
(<Verdict.UNKNOWN: 'unknown'>, <Verdict.UNKNOWN: 'unknown'>)
>>> all_of([Verdict.UNKNOWN, Verdict.NOT_MET]), any_of([Verdict.UNKNOWN, Verdict.MET])
(<Verdict.NOT_MET: 'not_met'>, <Verdict.MET: 'met'>)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from dienhinh._errors import InvalidTypeError

__all__ = ["Verdict", "all_of", "any_of"]


class Verdict(enum.Enum):
    """The answer to a criterion; *unknown* means evidence is missing, never "probably not"."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @property
    def vi(self) -> str:
        return _VI[self]


_VI = {Verdict.MET: "đạt", Verdict.NOT_MET: "không đạt", Verdict.UNKNOWN: "chưa đủ căn cứ"}
# Kleene's order: not met < unknown < met; "and" is the minimum, "or" the maximum.
_RANK = {Verdict.NOT_MET: 0, Verdict.UNKNOWN: 1, Verdict.MET: 2}
BY_RANK = (Verdict.NOT_MET, Verdict.UNKNOWN, Verdict.MET)


def all_of(verdicts: Iterable[Verdict]) -> Verdict:
    """Kleene conjunction: not met if any is, else unknown if any is, else met (empty: met)."""
    try:
        return BY_RANK[min((_RANK[v] for v in verdicts), default=2)]
    except (KeyError, TypeError):
        raise _not_verdicts(verdicts) from None


def any_of(verdicts: Iterable[Verdict]) -> Verdict:
    """Kleene disjunction: met if any is, else unknown if any is, else not met (empty: not met).

    >>> any_of(["met"])
    Traceback (most recent call last):
    ...
    dienhinh._errors.InvalidTypeError: verdicts=['met']: must be Verdict members; allowed: Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
    """
    try:
        return BY_RANK[max((_RANK[v] for v in verdicts), default=0)]
    except (KeyError, TypeError):
        raise _not_verdicts(verdicts) from None


def _not_verdicts(verdicts: object) -> InvalidTypeError:
    return InvalidTypeError(
        "must be Verdict members",
        field="verdicts",
        value=verdicts,
        allowed="Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN",
    )
