"""The ballot rule as parameters; the caller says whose rule it is.

The package knows no province: a rule's source (its rule id and citation) and
its threshold are always given by the caller — a ruleset's ``[ballot]`` table
(Tuyên Quang's TQ-2.1b, “đạt tỷ lệ phiếu đồng ý từ 90% trở lên tính trên tổng
số thành viên …”; a national decree that another province borrows), or the
caller's own. Bodies use different forms (domain §9): “at least 90 %” of the
total membership, “strictly more than 90 %”, or 70 % of the members who voted
with a two-thirds quorum. Each is the same rule with other parameters, so the
rule is data and the arithmetic is exact.

The remaining defaults are neutral and read no document: the threshold is met
*at* the fraction (``at_least``), it is a fraction of the council's total
membership, there is no quorum, and no rule breaks a tie (``undecided``: a tie
at the cutoff is handed back to a person).
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Any

import attrs

from dienhinh._convert import is_a, items_of, to_enum
from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._interpretations import UsedReading
from dienhinh._provenance import Rule

__all__ = [
    "BallotRule",
    "Cap",
    "Comparison",
    "Denominator",
    "TieBreak",
    "parse_fraction",
]


class Comparison(enum.Enum):
    """“từ 90% trở lên” (at least) or “trên 90%” (strictly more than)."""

    AT_LEAST = "at_least"
    MORE_THAN = "more_than"


class Denominator(enum.Enum):
    """What the threshold is a fraction of."""

    TOTAL_MEMBERSHIP = "total_membership"
    """The council's total membership (TQ-2.1b); see A-7 and A-8."""
    VOTES_CAST = "votes_cast"
    """The members who voted, in the meeting or in writing (other national variants)."""


class TieBreak(enum.Enum):
    """Who settles a tie that straddles the cutoff."""

    CHAIR = "chair"
    """The chair chooses from the tied group (TQ-2.1b)."""
    WOMEN_FIRST = "women_first"
    """Women (or collectives with ≥ 70 % women) first, then the chair (Decree 152/2025 Art. 4.6).

    The package knows no decree: the provision it applies is the rule's ``tie_rule`` (a ruleset
    gives the national one in force on the decision date), else the rule's own source."""
    UNDECIDED = "undecided"
    """No rule decides: the tie is handed back to a person."""


def parse_fraction(value: object, *, field: str = "threshold") -> Fraction:
    """An exact fraction from ``"9/10"``, ``"0.9"``, a :class:`Fraction` or an ``int``.

    Floats are refused: ``0.9`` as a float is not nine tenths.

    >>> parse_fraction("9/10"), parse_fraction("0.9")
    (Fraction(9, 10), Fraction(9, 10))
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool | float):
        raise InvalidTypeError(
            "must be exact: a fraction such as '9/10' or a decimal string such as '0.9'",
            field=field,
            value=value,
        )
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            pass
    raise InvalidValueError(
        "is not an exact fraction", field=field, value=value, allowed="'a/b' or a decimal string"
    )


def _threshold(value: object) -> Fraction:
    return parse_fraction(value, field="threshold")


def _unit_interval(_inst: object, attribute: attrs.Attribute[Any], value: Fraction | None) -> None:
    if value is not None and not 0 < value <= 1:
        raise InvalidValueError(
            "is outside (0, 1]", field=attribute.name, value=f"{value}", allowed="0 < fraction ≤ 1"
        )


def _comparison(value: object) -> Comparison:
    return to_enum(Comparison, value, "comparison")


def _denominator(value: object) -> Denominator:
    return to_enum(Denominator, value, "denominator")


def _tie_break(value: object) -> TieBreak:
    return to_enum(TieBreak, value, "tie_break")


def _quorum(value: object) -> Fraction | None:
    return None if value is None else parse_fraction(value, field="quorum")


def _used(value: object) -> tuple[UsedReading, ...]:
    return items_of(value, UsedReading, "used", "dienhinh.UsedReading records")


@frozen
class BallotRule:
    """A ballot rule: its source (``rule``) and its ``threshold`` are required.

    Every argument is keyword-only. The other parameters default to neutral
    values that read no document (see the module's docstring): ``at_least``,
    ``total_membership``, no quorum, tie-break ``undecided``.

    >>> from dienhinh import Citation, Rule
    >>> mine = Rule("MY-1", Citation("My council's rules", article="3"))
    >>> rule = BallotRule(rule=mine, threshold="9/10")
    >>> [rule.needed(n) for n in (9, 10, 11, 15, 19, 20, 21, 30, 31)]
    [9, 9, 10, 14, 18, 18, 19, 27, 28]
    >>> BallotRule(rule=mine, threshold="9/10", comparison=Comparison.MORE_THAN).needed(10)
    10
    >>> rule.tie_break.value
    'undecided'
    """

    rule: Rule = attrs.field(kw_only=True, validator=is_a(Rule, "a dienhinh.Rule"))
    """Whose rule this is: the rule id and the provision it reads (required)."""
    threshold: Fraction = attrs.field(kw_only=True, converter=_threshold, validator=_unit_interval)
    comparison: Comparison = attrs.field(
        kw_only=True, default=Comparison.AT_LEAST, converter=_comparison
    )
    denominator: Denominator = attrs.field(
        kw_only=True, default=Denominator.TOTAL_MEMBERSHIP, converter=_denominator
    )
    quorum: Fraction | None = attrs.field(
        kw_only=True, default=None, converter=_quorum, validator=_unit_interval
    )
    """Fraction of the total membership that must attend the meeting in person, if any."""
    tie_break: TieBreak = attrs.field(
        kw_only=True, default=TieBreak.UNDECIDED, converter=_tie_break
    )
    tie_rule: Rule | None = attrs.field(
        kw_only=True,
        default=None,
        validator=attrs.validators.optional(is_a(Rule, "a dienhinh.Rule")),
    )
    """The provision the tie-break applies, when it is not the rule's own (a women-first
    tie-break: Decree 152/2025 Art. 4.6, given by the ruleset for the decision date)."""
    used: tuple[UsedReading, ...] = attrs.field(kw_only=True, default=(), converter=_used)
    """The readings of the register that made the rule what it is, listed in every ballot
    counted under it (A-41: a ruleset's women-first tie-break on a day before its decree).
    A ruleset sets them for the decision date; they follow from the ruleset, the day and the
    readings a record states, so they are not part of the rule's JSON."""

    def needed(self, denominator: int) -> int:
        """The fewest approvals that meet the threshold, in exact integer arithmetic.

        “At least t” of d needs ⌈t·d⌉; “more than t” needs ⌊t·d⌋ + 1. With
        nobody to count (d = 0) nobody can meet it: one approval is asked for.
        """
        if denominator < 0:
            raise InvalidValueError("must not be negative", field="denominator", value=denominator)
        num, den = self.threshold.numerator * denominator, self.threshold.denominator
        needed = -(-num // den) if self.comparison is Comparison.AT_LEAST else num // den + 1
        return max(needed, 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "threshold": f"{self.threshold.numerator}/{self.threshold.denominator}",
            "comparison": self.comparison.value,
            "denominator": self.denominator.value,
            "quorum": None
            if self.quorum is None
            else f"{self.quorum.numerator}/{self.quorum.denominator}",
            "tie_break": self.tie_break.value,
            "rule": self.rule.to_json(),
            **({} if self.tie_rule is None else {"tie_rule": self.tie_rule.to_json()}),
        }


def _slots(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(
            "must be a whole number of slots", field="slots", value=value, allowed="an integer ≥ 0"
        )
    return value


@frozen
class Cap:
    """A cap on how many are recognised (chỉ tiêu), with the rule that sets it (e.g. TQ-6.2b)."""

    slots: int = attrs.field(converter=_slots)
    rule: Rule | None = None

    def to_json(self) -> dict[str, Any]:
        return {"slots": self.slots, "rule": None if self.rule is None else self.rule.to_json()}
