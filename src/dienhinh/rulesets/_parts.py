"""The parts of a ruleset: identity, dates, floors, benefits and dated values.

Re-exported by :mod:`dienhinh.rulesets`, which loads on first use, not by
``import dienhinh`` (each frozen class costs import time, and most programs
that import the package never read a ruleset).
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import math
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, Generic, TypeVar

import attrs

from dienhinh._convert import one_of
from dienhinh._documents import DocumentStatus, day_or_none, flag, opt_text, slug, status_of, text
from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Division, Rule
from dienhinh._text import a_or_an

__all__ = [
    "Benefits",
    "CashMultipliers",
    "CashReward",
    "Dated",
    "Document",
    "Effective",
    "Floor",
    "FloorCount",
    "Posthumous",
    "Successor",
    "Timeline",
    "timeline_problems",
]

T = TypeVar("T")


def _rule(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        raise InvalidTypeError("must be a dienhinh.Rule", field=attribute.name, value=value)


def _opt_rule(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _rule(_inst, attribute, value)


def _positive(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError("must be a whole number ≥ 1", field=attribute.name, value=value)


# -- identity ---------------------------------------------------------------------------------


def _code(value: object) -> str:
    return text(value, "document.code")


def _province(value: object) -> str:
    return text(value, "document.province")


def _form(value: object) -> str:
    return text(value, "document.form")


def _title(value: object) -> str:
    return text(value, "document.title")


def _issuer(value: object) -> str:
    return text(value, "document.issuer")


def _printed(value: object) -> str:
    return text(value, "document.as_printed")


def _number(value: object) -> str | None:
    return opt_text(value, "document.number")


def _signed_on(value: object) -> dt.date | None:
    return day_or_none(value, "document.signed_on")


def _note_vi(value: object) -> str | None:
    return opt_text(value, "note_vi")


def _note_en(value: object) -> str | None:
    return opt_text(value, "note_en")


@frozen
class Document:
    """The document a ruleset reads, as its header prints it.

    ``number`` and ``signed_on`` are ``None`` where the document leaves them
    blank (a draft, or a copy without its number): :attr:`blank` lists them,
    so a blank is visible rather than guessed (A-18). ``as_printed`` quotes
    the number and date lines. ``code`` is the prefix of the rule ids (``TQ``)
    and the default ``document`` of every citation; ``division`` the default
    way its citations count (articles, or a plan's sections).
    """

    code: str = attrs.field(converter=_code)
    province: str = attrs.field(converter=_province)
    form: str = attrs.field(converter=_form)
    title: str = attrs.field(converter=_title)
    issuer: str = attrs.field(converter=_issuer)
    status: DocumentStatus = attrs.field(converter=status_of)
    as_printed: str = attrs.field(converter=_printed)
    number: str | None = attrs.field(default=None, converter=_number)
    signed_on: dt.date | None = attrs.field(default=None, converter=_signed_on)
    division: Division = attrs.field(default="article", validator=one_of("article", "section"))
    note_vi: str | None = attrs.field(default=None, converter=_note_vi)
    note_en: str | None = attrs.field(default=None, converter=_note_en)

    @property
    def blank(self) -> tuple[str, ...]:
        """The header fields the document leaves blank."""
        return tuple(n for n in ("number", "signed_on") if getattr(self, n) is None)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "province": self.province,
            "form": self.form,
            "title": self.title,
            "issuer": self.issuer,
            "status": self.status.value,
            "number": self.number,
            "signed_on": None if self.signed_on is None else self.signed_on.isoformat(),
            "as_printed": self.as_printed,
            "blank": list(self.blank),
            "division": self.division,
            "note_vi": self.note_vi,
            "note_en": self.note_en,
        }


def _eff_start(value: object) -> dt.date | None:
    return day_or_none(value, "effective.from")


def _eff_end(value: object) -> dt.date | None:
    return day_or_none(value, "effective.until")


def _eff_named(value: object) -> dt.date | None:
    return day_or_none(value, "effective.named_from")


@frozen
class Effective:
    """When the document applies: ``start`` is ``None`` where the text leaves it blank,
    ``end`` is ``None`` where the text sets no end (until replaced).

    ``named_start`` (TOML ``named_from``) is set for a document that states no commencement of
    its own but names the period it covers: the first day of that period, the start under A-42
    ``named-period`` (``start``, its signing date, is the default's)."""

    rule: Rule = attrs.field(validator=_rule)
    start: dt.date | None = attrs.field(default=None, converter=_eff_start)
    end: dt.date | None = attrs.field(default=None, converter=_eff_end)
    named_start: dt.date | None = attrs.field(default=None, converter=_eff_named, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidValueError(
                "ends before it starts",
                field="effective.until",
                value=self.end,
                allowed=f"a day on or after {self.start}",
            )
        if self.named_start is None:
            return
        if self.start is None:
            raise InvalidValueError(
                "names the period's first day of a document whose start is blank",
                field="effective.named_from",
                value=self.named_start,
                allowed="a 'from' day (the signing date) beside it, or no named_from",
            )
        if self.named_start == self.start or (self.end is not None and self.named_start > self.end):
            raise InvalidValueError(
                "must be another day than 'from', within the period",
                field="effective.named_from",
                value=self.named_start,
                allowed=f"a day other than {self.start}"
                + ("" if self.end is None else f", on or before {self.end}"),
            )

    @property
    def blank(self) -> tuple[str, ...]:
        return ("from",) if self.start is None else ()

    def to_json(self) -> dict[str, Any]:
        return {
            "from": None if self.start is None else self.start.isoformat(),
            "until": None if self.end is None else self.end.isoformat(),
            **({} if self.named_start is None else {"named_from": self.named_start.isoformat()}),
            "rule": self.rule.to_json(),
        }


# -- floors, posthumous, successor --------------------------------------------------------------


def _scope(value: object) -> str:
    return slug(value, "floor.scope")


def _scope_vi(value: object) -> str:
    return text(value, "floor.scope_vi")


def _scope_en(value: object) -> str:
    return text(value, "floor.scope_en")


def _until(value: object) -> dt.date | None:
    return day_or_none(value, "floor.until")


class FloorCount(enum.Enum):
    """What a floor counts, as its document words it (A-10)."""

    INTRODUCED = "introduced"
    """Exemplars the unit selects and introduces to the council above (BK-IV.1: “giới thiệu”)."""
    RECOGNISED = "recognised"
    """Exemplars recognised at the unit's own level (TQ-6.2a: “điển hình tiên tiến cơ quan”)."""
    PROPAGATED = "propagated"
    """Exemplars the unit has propagated and replicated (NT-V.1đ: “được phổ biến, nhân rộng”)."""

    @property
    def vi(self) -> str:
        return {
            "introduced": "được giới thiệu",
            "recognised": "được công nhận",
            "propagated": "được phổ biến, nhân rộng",
        }[self.value]


def _counts(value: object) -> FloorCount:
    if isinstance(value, FloorCount):
        return value
    for c in FloorCount:
        if value == c.value:
            return c
    raise InvalidValueError(
        "is not what a floor can count",
        field="floor.counts",
        value=value,
        allowed=", ".join(c.value for c in FloorCount),
    )


_FLOOR_QUESTIONS = ("A-22", "A-23")


def _question(value: object) -> str | None:
    if value is not None and value not in _FLOOR_QUESTIONS:
        raise InvalidValueError(
            "is not a question about overlapping floors",
            field="floor.question",
            value=value,
            allowed=", ".join(_FLOOR_QUESTIONS),
        )
    return str(value) if value is not None else None


def _overlaps(value: object) -> str | None:
    return None if value is None else slug(value, "floor.overlaps")


@frozen
class Floor:
    """A floor (“ít nhất”): each unit of ``scope`` must have at least ``minimum`` exemplars.

    A floor is a compliance check, reported as a shortfall; it never forces
    anyone in (A-10). ``until`` is the last day it applies, with the rule that
    ends it — district floors end on 30/06/2025, when the district level
    ended (A-15).
    """

    scope: str = attrs.field(converter=_scope)
    scope_vi: str = attrs.field(converter=_scope_vi)
    scope_en: str = attrs.field(converter=_scope_en)
    minimum: int = attrs.field(validator=_positive)
    rule: Rule = attrs.field(validator=_rule)
    until: dt.date | None = attrs.field(default=None, converter=_until)
    until_rule: Rule | None = attrs.field(default=None, validator=_opt_rule)
    counts: FloorCount = attrs.field(default=FloorCount.RECOGNISED, converter=_counts)
    """What the floor counts (A-10): introductions, recognitions at the unit's level, propagations."""
    question: str | None = attrs.field(default=None, converter=_question)
    """The register entry asking how this floor applies where floors overlap (A-22, A-23)."""
    overlaps: str | None = attrs.field(default=None, converter=_overlaps)
    """The scope of the floor this one overlaps (read under A-23)."""

    def __attrs_post_init__(self) -> None:
        if (self.until is None) != (self.until_rule is None):
            raise InvalidValueError(
                "an end date needs the rule that ends the floor, and a rule needs its date",
                field="floor.until_rule",
                value=self.until_rule,
            )

        if (self.question == "A-23") != (self.overlaps is not None):
            raise InvalidValueError(
                "a floor overlapping another names its scope and question A-23, both or neither",
                field="floor.overlaps",
                value=self.overlaps,
            )

    def applies_on(self, day: dt.date) -> bool:
        """Whether the floor applies on ``day``."""
        return self.until is None or day <= self.until

    def to_json(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "scope_vi": self.scope_vi,
            "scope_en": self.scope_en,
            "minimum": self.minimum,
            "counts": self.counts.value,
            "question": self.question,
            "overlaps": self.overlaps,
            "until": None if self.until is None else self.until.isoformat(),
            "until_rule": None if self.until_rule is None else self.until_rule.to_json(),
            "rule": self.rule.to_json(),
        }


@frozen
class Posthumous:
    """Whether posthumous recognition (truy tặng) is allowed, and the rule that says so (TQ-2.1c)."""

    allowed: bool = attrs.field(validator=flag)
    rule: Rule = attrs.field(validator=_rule)

    def to_json(self) -> dict[str, Any]:
        return {"allowed": self.allowed, "rule": self.rule.to_json()}


def _successor_province(value: object) -> str:
    return text(value, "successor.province")


def _formed_from(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "must be a list of province names", field="successor.formed_from", value=value
        )
    names = tuple(text(v, "successor.formed_from") for v in value)
    if len(names) < 2 or len(set(names)) != len(names):
        raise InvalidValueError(
            "must name at least two different provinces", field="successor.formed_from", value=names
        )
    return names


def _successor_start(value: object) -> dt.date:
    day = day_or_none(value, "successor.from")
    if day is None:
        raise InvalidTypeError("must be a datetime.date", field="successor.from", value=value)
    return day


@frozen
class Successor:
    """The province that took over after the 2025 reform (A-15), from ``start`` on.

    The document stays valid until the successor replaces it (domain §9).
    """

    province: str = attrs.field(converter=_successor_province)
    formed_from: tuple[str, ...] = attrs.field(converter=_formed_from)
    start: dt.date = attrs.field(converter=_successor_start)
    rule: Rule = attrs.field(validator=_rule)

    def to_json(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "formed_from": list(self.formed_from),
            "from": self.start.isoformat(),
            "rule": self.rule.to_json(),
        }


# -- dated values -------------------------------------------------------------------------------


def _dated_start(value: object) -> dt.date:
    day = day_or_none(value, "from")
    if day is None:
        raise InvalidTypeError("must be a datetime.date", field="from", value=value)
    return day


def _dated_end(value: object) -> dt.date | None:
    return day_or_none(value, "until")


@frozen
class Dated(Generic[T]):
    """A value in force from ``start`` through ``end`` (``None``: until replaced), with its rule."""

    start: dt.date = attrs.field(converter=_dated_start)
    end: dt.date | None = attrs.field(converter=_dated_end)
    value: T
    rule: Rule = attrs.field(validator=_rule)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidValueError(
                "ends before it starts",
                field="until",
                value=self.end,
                allowed=f"a day on or after {self.start}",
            )

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def to_json(self) -> dict[str, Any]:
        value: Any = self.value
        to_json = getattr(value, "to_json", None)
        return {
            "from": self.start.isoformat(),
            "until": None if self.end is None else self.end.isoformat(),
            "value": to_json() if callable(to_json) else value,
            "rule": self.rule.to_json(),
        }


def timeline_problems(entries: tuple[Dated[Any], ...]) -> list[tuple[int, str, str]]:
    """Every problem of a sequence of dated values: ``(index, key, message)``.

    The periods must follow one another without a gap or an overlap, in
    order; only the last may be open-ended; every value has the same type.
    """
    out: list[tuple[int, str, str]] = []
    if not entries:
        return [(0, "from", "a dated table needs at least one value")]
    kind = type(entries[0].value)
    for i, entry in enumerate(entries):
        if type(entry.value) is not kind:
            out.append(
                (
                    i,
                    "value",
                    f"is {a_or_an(type(entry.value).__name__)}, the first value {a_or_an(kind.__name__)}",
                )
            )
        if i == 0:
            continue
        prev = entries[i - 1]
        if prev.end is None:
            out.append(
                (i - 1, "until", f"is open-ended, but a later value starts on {entry.start}")
            )
            continue
        expected = prev.end + dt.timedelta(days=1)
        if entry.start < expected:
            out.append(
                (
                    i,
                    "from",
                    f"{entry.start} overlaps the previous value, in force through {prev.end}",
                )
            )
        elif entry.start > expected:
            out.append(
                (
                    i,
                    "from",
                    f"{entry.start} leaves a gap after the previous value, in force through "
                    f"{prev.end}; the next value must start on {expected}",
                )
            )
    return out


def _timeline_entries(value: object) -> tuple[Dated[Any], ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a sequence of Dated values", field="timeline", value=value)
    entries = tuple(value)
    for entry in entries:
        if not isinstance(entry, Dated):
            raise InvalidTypeError("must hold Dated values", field="timeline", value=entry)
    problems = timeline_problems(entries)
    if problems:
        i, key, message = problems[0]
        raise InvalidValueError(message, field=f"timeline[{i}].{key}")
    return entries


@frozen
class Timeline(Generic[T]):
    """Values that change on given days, like OpenFisca's parameters, but type-checked.

    >>> from dienhinh import Citation
    >>> r = Rule("NĐ73-3.2", Citation("Nghị định 73/2024/NĐ-CP", article="3", clause="2"))
    >>> base = Timeline([Dated(dt.date(2023, 7, 1), dt.date(2024, 6, 30), 1_800_000, r),
    ...                  Dated(dt.date(2024, 7, 1), None, 2_340_000, r)])
    >>> base.at(dt.date(2024, 6, 30)).value, base.at(dt.date(2024, 7, 1)).value
    (1800000, 2340000)
    """

    entries: tuple[Dated[T], ...] = attrs.field(converter=_timeline_entries)

    def at(self, day: dt.date) -> Dated[T]:
        """The value in force on ``day``, with its period and rule."""
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise InvalidTypeError("must be a datetime.date", field="on", value=day)
        i = bisect.bisect_right([e.start for e in self.entries], day) - 1
        if i < 0 or not self.entries[i].covers(day):
            last = self.entries[-1].end
            raise InvalidValueError(
                "has no value in force",
                field="on",
                value=day,
                allowed=f"{self.entries[0].start} … {'(open)' if last is None else last}",
            )
        return self.entries[i]

    def to_json(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.entries]


# -- benefits -----------------------------------------------------------------------------------


def _multiplier(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, Fraction | int):
        raise InvalidTypeError("must be an exact Fraction", field="multiplier", value=value)
    out = Fraction(value)
    if out <= 0:
        raise InvalidValueError("must be positive", field="multiplier", value=f"{out}")
    return out


def _opt_multiplier(value: object) -> Fraction | None:
    return None if value is None else _multiplier(value)


@frozen
class CashMultipliers:
    """The cash reward of one decree: ``individual`` × base salary, the others × the individual amount.

    ``None`` where the decree, as recorded here, states no amount for that
    kind of nominee. Amounts are rounded **up** to a multiple of ``round_up_to`` VND.
    """

    individual: Fraction = attrs.field(converter=_multiplier)
    round_up_to: int = attrs.field(validator=_positive)
    collective: Fraction | None = attrs.field(default=None, converter=_opt_multiplier)
    household: Fraction | None = attrs.field(default=None, converter=_opt_multiplier)

    def of_base(self, kind: NomineeKind) -> Fraction | None:
        """The multiple of the base salary for ``kind``, or ``None`` if none is stated."""
        if kind is NomineeKind.INDIVIDUAL:
            return self.individual
        relative = self.collective if kind is NomineeKind.COLLECTIVE else self.household
        return None if relative is None else self.individual * relative

    def to_json(self) -> dict[str, Any]:
        def show(f: Fraction | None) -> str | None:
            return None if f is None else f"{f.numerator}/{f.denominator}"

        return {
            "individual": show(self.individual),
            "collective": show(self.collective),
            "household": show(self.household),
            "round_up_to": self.round_up_to,
        }


@frozen
class CashReward:
    """A cash reward: ``multiplier`` × the base salary in force when the decision is signed,
    rounded up — with every rule it applied."""

    kind: NomineeKind
    signed_on: dt.date
    amount: int
    multiplier: Fraction
    base_salary: Dated[int]
    decree: Dated[CashMultipliers]
    rule: Rule

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "signed_on": self.signed_on.isoformat(),
            "amount": self.amount,
            "currency": "VND",
            "multiplier": f"{self.multiplier.numerator}/{self.multiplier.denominator}",
            "base_salary": self.base_salary.value,
            "rules": [
                self.rule.to_json(),
                self.decree.rule.to_json(),
                self.base_salary.rule.to_json(),
            ],
        }


def _cert_vi(value: object) -> str:
    return text(value, "benefits.certificate_vi")


def _cert_en(value: object) -> str:
    return text(value, "benefits.certificate_en")


def _excluded(value: object) -> str | None:
    return opt_text(value, "benefits.excluded_title_vi")


def _timeline(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Timeline):
        raise InvalidTypeError("must be a Timeline", field=attribute.name, value=value)


@frozen
class Benefits:
    """The certificate and cash reward of a recognised exemplar (TQ-7.1d), with dated tables.

    The base salary and the multipliers are national figures (domain §9),
    dated and replaceable: **verify them** against the decree in force before
    relying on an amount. ``excluded_title_vi`` names the title whose holder in
    the same year receives neither certificate nor cash (TQ-7.1d, A-12).

    >>> from dienhinh import load_ruleset
    >>> tq = load_ruleset("tuyen-quang-2023")
    >>> tq.benefits.cash(NomineeKind.INDIVIDUAL, dt.date(2025, 7, 1)).amount
    3510000
    """

    certificate_vi: str = attrs.field(converter=_cert_vi)
    certificate_en: str = attrs.field(converter=_cert_en)
    rule: Rule = attrs.field(validator=_rule)
    base_salary: Timeline[int] = attrs.field(validator=_timeline)
    multipliers: Timeline[CashMultipliers] = attrs.field(validator=_timeline)
    excluded_title_vi: str | None = attrs.field(default=None, converter=_excluded)

    def cash(self, kind: NomineeKind, signed_on: dt.date) -> CashReward:
        """The cash reward for ``kind`` on a decision signed on ``signed_on`` (exact, in VND)."""
        if not isinstance(kind, NomineeKind):
            raise InvalidTypeError("must be a NomineeKind", field="kind", value=kind)
        base = self.base_salary.at(signed_on)
        decree = self.multipliers.at(signed_on)
        multiplier = decree.value.of_base(kind)
        if multiplier is None:
            raise InvalidValueError(
                f"has no cash amount in the decree in force on {signed_on} ({decree.rule.id})",
                field="kind",
                value=kind.value,
                allowed=", ".join(
                    k.value for k in NomineeKind if decree.value.of_base(k) is not None
                ),
            )
        step = decree.value.round_up_to
        # Rounded up to the next multiple of `step` VND, in exact arithmetic.
        amount = math.ceil(multiplier * base.value / step) * step
        return CashReward(kind, signed_on, amount, multiplier, base, decree, self.rule)

    def to_json(self) -> dict[str, Any]:
        return {
            "certificate_vi": self.certificate_vi,
            "certificate_en": self.certificate_en,
            "excluded_title_vi": self.excluded_title_vi,
            "rule": self.rule.to_json(),
            "base_salary": self.base_salary.to_json(),
            "multipliers": self.multipliers.to_json(),
        }
