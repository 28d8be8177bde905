"""Documents in time: the period of effect (A-32) and the successor province (A-15).

A ruleset records when its document applies (``[effective]``: from/until, with
the provision that says so) and the province that took over after the 2025
arrangement of provinces (``[successor]``, Resolution 202/2025/QH15, from
01/07/2025). A result made for a day outside the period of effect carries the
``ruleset.outside_effect`` notice, citing the effect provision (A-32
``notice``), or is refused (A-32 ``refuse``); a document with no commencement
clause of its own starts on its signing date or on the first day of the period
it names (A-42, :func:`effect_period`); a result for a day on or after
the successor's start carries the ``ruleset.successor`` notice, citing the
ruleset's ``[successor]``. :func:`document_notices` puts the draft notice
(A-18) and these two together: every result calls it where it states its
document.

Which day is tested: a round's decision day (its consideration date when no
decision date is given), a window's consideration date, a deadline's day in
its year, a floors check's day, an assessment's window end, a ballot's decision
date (when it gives one); a year's calendar
tests the whole year (:func:`year_notices`: a year sharing one day with the
period is inside it).
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Protocol, TypeGuard, runtime_checkable

import attrs

from dienhinh._documents import Source, draft_notice
from dienhinh._errors import InvalidValueError
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason, ReasonCode, Severity

__all__ = [
    "NOTICE_CODES",
    "OUTSIDE_EFFECT",
    "SUCCESSOR",
    "EffectPeriod",
    "Governed",
    "SuccessorProvince",
    "document_notices",
    "effect_notices",
    "effect_period",
    "year_notices",
]


class EffectPeriod(Protocol):
    """When a document applies (``None``: blank, or no end set), with its rule."""

    @property
    def rule(self) -> Rule: ...

    @property
    def start(self) -> dt.date | None: ...

    @property
    def end(self) -> dt.date | None: ...


class SuccessorProvince(Protocol):
    """The province that took over from ``start`` on, formed from ``formed_from``, with its rule."""

    @property
    def province(self) -> str: ...

    @property
    def formed_from(self) -> tuple[str, ...]: ...

    @property
    def start(self) -> dt.date: ...

    @property
    def rule(self) -> Rule: ...


@runtime_checkable
class Governed(Source, Protocol):
    """A document with its period of effect and its successor (a ruleset is one)."""

    @property
    def effective(self) -> EffectPeriod: ...

    @property
    def successor(self) -> SuccessorProvince | None: ...


OUTSIDE_EFFECT: Final = ReasonCode(
    "ruleset.outside_effect",
    Severity.WARNING,
    "Ngoài thời gian hiệu lực của văn bản",
    "Outside the document's period of effect",
    "Bộ quy tắc {ruleset} được áp dụng cho ngày {day}, nằm ngoài thời gian hiệu lực của văn bản "
    "({period_vi}). Kết quả vẫn được tính theo văn bản và chỉ có giá trị tham khảo (A-32).",
    "Ruleset {ruleset} is applied to {day}, outside the document's period of effect "
    "({period_en}). The result is computed under it all the same and is indicative only (A-32).",
    data=("start", "until"),
)
SUCCESSOR: Final = ReasonCode(
    "ruleset.successor",
    Severity.WARNING,
    "Tỉnh kế thừa sau sắp xếp đơn vị hành chính",
    "Successor province after the 2025 arrangement",
    "Từ ngày {start}, các tỉnh {formed_from} hợp nhất thành tỉnh {province}; tỉnh kế thừa là "
    "tỉnh {province}. Bộ quy tắc {ruleset} được áp dụng cho ngày {day} như văn bản còn hiệu lực "
    "cho đến khi được thay thế (A-15).",
    "From {start}, the provinces {formed_from} are merged into the province of {province}, the "
    "successor. Ruleset {ruleset} is applied to {day} as a document that stays in force until "
    "it is replaced (A-15).",
)


NOTICE_CODES: Final = (OUTSIDE_EFFECT.code, SUCCESSOR.code)
"""The codes of the notices a report shows at its top, beside the draft notice (A-18)."""


def _period(eff: EffectPeriod) -> tuple[str, str]:
    start_vi = "ngày để trống" if eff.start is None else f"{eff.start:%d/%m/%Y}"
    start_en = "a blank day" if eff.start is None else eff.start.isoformat()
    end_vi = "khi được thay thế" if eff.end is None else f"hết ngày {eff.end:%d/%m/%Y}"
    end_en = "until replaced" if eff.end is None else f"through {eff.end.isoformat()}"
    return f"từ {start_vi} đến {end_vi}", f"from {start_en} {end_en}"


def _outside(eff: EffectPeriod, first: dt.date, last: dt.date) -> bool:
    """No day of ``first`` … ``last`` is in the period (a blank start is no bound)."""
    return (eff.start is not None and last < eff.start) or (eff.end is not None and first > eff.end)


@attrs.frozen
class _Read:
    """A period of effect with the start A-42 chose."""

    rule: Rule
    start: dt.date | None
    end: dt.date | None


def _named_start(eff: EffectPeriod) -> dt.date | None:
    """The first day of the period a document names for itself, where its ruleset declares one
    (``[effective] named_from``): the start under A-42 ``named-period``."""
    named: dt.date | None = getattr(eff, "named_start", None)
    return named


def effect_period(ruleset: Governed, readings: Readings) -> EffectPeriod:
    """The ruleset's period of effect under ``readings`` (A-42).

    A document with no commencement clause of its own applies from the day it was signed
    (``[effective] from``, the default ``signing-date``), or, under ``named-period``, from the
    first day of the period it names (``named_from``, declared in the ruleset's data: BK's
    “giai đoạn 2021-2025” from 01/01/2021). A ruleset that declares no ``named_from`` has one
    start under either reading.
    """
    eff = ruleset.effective
    named = _named_start(eff)
    if named is None or readings["A-42"] != "named-period":
        return eff
    return _Read(eff.rule, named, eff.end)


def _start_used(
    ruleset: Governed, readings: Readings, first: dt.date, last: dt.date
) -> tuple[UsedReading, ...]:
    """A-42, where it decides: the ruleset declares two starts and, under one of them at least,
    ``first`` … ``last`` is outside the period (the notice, or its absence, or the period it
    states, then depends on the reading)."""
    eff = ruleset.effective
    named = _named_start(eff)
    if named is None:
        return ()
    if _outside(eff, first, last) or _outside(_Read(eff.rule, named, eff.end), first, last):
        return readings.used("A-42")
    return ()


def _refuse(eff: EffectPeriod, id: str, what: str) -> InvalidValueError:
    period = _period(eff)[1]
    return InvalidValueError(
        f"is applied to {what}, outside its document's period of effect ({period}; "
        f"{eff.rule.id}), and A-32 is read as 'refuse'",
        field="ruleset",
        value=id,
        allowed="a day in the period, or A-32 = notice",
    )


_NOTICE: Final = Readings().used("A-32")


def effect_notices(
    ruleset: Governed, day: dt.date, readings: Readings
) -> tuple[tuple[UsedReading, ...], tuple[Reason, ...]]:
    """The period of effect (A-32, its start under A-42) and the successor (A-15) for a result
    made for ``day``."""
    eff, reasons = effect_period(ruleset, readings), []
    used: tuple[UsedReading, ...] = _start_used(ruleset, readings, day, day)
    if _outside(eff, day, day):
        if readings["A-32"] == "refuse":
            raise _refuse(eff, ruleset.id, day.isoformat())
        vi, en = _period(eff)
        reasons.append(
            OUTSIDE_EFFECT(
                eff.rule,
                ruleset=ruleset.id,
                day=day,
                period_vi=vi,
                period_en=en,
                start=eff.start,
                until=eff.end,
            )
        )
        used = (*_NOTICE, *used)
    if ruleset.successor is not None and day >= ruleset.successor.start:
        reasons.append(_successor(ruleset, day))
    return used, tuple(reasons)


def _successor(ruleset: Governed, day: dt.date) -> Reason:
    s = ruleset.successor
    assert s is not None
    return SUCCESSOR(
        s.rule, ruleset=ruleset.id, day=day, start=s.start, province=s.province,
        formed_from=list(s.formed_from),
    )  # fmt: skip


def year_notices(
    ruleset: Governed, year: int, readings: Readings
) -> tuple[tuple[UsedReading, ...], tuple[Reason, ...]]:
    """A year's calendar: refused under A-32 ``refuse`` when no day of the year is in the period;
    the successor named when the year reaches its start (the notice's day is the first day of
    the year the successor holds). The calendar states its own ``schedule.outside_effect``."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    eff = effect_period(ruleset, readings)
    used: tuple[UsedReading, ...] = _start_used(ruleset, readings, first, last)
    if _outside(eff, first, last):
        if readings["A-32"] == "refuse":
            raise _refuse(eff, ruleset.id, f"the year {year}")
        used = (*_NOTICE, *used)
    s = ruleset.successor
    if s is not None and last >= s.start:
        return used, (_successor(ruleset, max(first, s.start)),)
    return used, ()


_GOVERNED: dict[type, bool] = {}
"""Per attrs class, whether it is :class:`Governed` (a protocol's isinstance looks up every
member: slow, and called per result; an attrs class has its members on every instance)."""


def _governed(ruleset: Source) -> TypeGuard[Governed]:
    kind = type(ruleset)
    known = _GOVERNED.get(kind)
    if known is not None:
        return known
    verdict = isinstance(ruleset, Governed)
    if attrs.has(kind):
        _GOVERNED[kind] = verdict
    return verdict


def document_notices(
    ruleset: Source, readings: Readings, day: dt.date
) -> tuple[tuple[UsedReading, ...], tuple[Reason, ...]]:
    """Every notice a result made for ``day`` under ``ruleset`` carries: the draft (A-18), the
    period of effect (A-32) and the successor (A-15), in that order.

    A :class:`~dienhinh._documents.Source` that records no period (a test's own object) gets
    the draft notice only.
    """
    used, notes = draft_notice(ruleset, readings)
    if not _governed(ruleset):
        return used, notes
    more_used, more = effect_notices(ruleset, day, readings)
    return (*used, *more_used), (*notes, *more)
