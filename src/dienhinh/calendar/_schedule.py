"""The year's schedule: every deadline and milestone of a ruleset as dated events.

Milestones are written by quarter in the plans (BK-IV: “trong Quý III năm
2021”, “Quý I năm 2023”, “đầu Quý II năm 2023”): a quarter becomes its date
range (Q1 2023 is 2023-01-01 … 2023-03-31). “Đầu quý” (early in the quarter)
is not a date: by default (A-33 ``first-month``) it is **read as the quarter's
first month** (early Q2 2023 is 2023-04-01 … 2023-04-30); A-33 ``whole-quarter``
reads it as the whole quarter. The event's note says which.

A deadline becomes a one-day event on its last day on time under the caller's
readings (A-1, A-17); the day the text names is kept beside it.

>>> from dienhinh import load_ruleset
>>> s = year_schedule(load_ruleset("bac-kan-2021"), 2023)
>>> [(e.id, e.start.isoformat(), e.end.isoformat()) for e in s.events]
[('preliminary-review', '2023-01-01', '2023-03-31'),
 ('preliminary-review-education', '2023-04-01', '2023-04-30'),
 ('provincial-conference', '2023-04-01', '2023-06-30')]
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
from dateutil.relativedelta import relativedelta

from dienhinh._convert import to_enum
from dienhinh._documents import DocumentStatus, draft_notice, slug, text
from dienhinh._effect import effect_period, year_notices
from dienhinh._errors import InvalidTypeError, InvalidValueError, MissingExtraError
from dienhinh._frozen import frozen
from dienhinh._interpretations import INTERPRETATIONS, Readings, UsedReading
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason, day_vi
from dienhinh.calendar import _codes as codes
from dienhinh.calendar._deadline import _last_day
from dienhinh.calendar._holidays import days_off_of
from dienhinh.calendar._time import FIRST_YEAR, LAST_YEAR, as_readings, as_year

if TYPE_CHECKING:
    from dienhinh.calendar._rules import CalendarRules

__all__ = [
    "DateRange",
    "Event",
    "EventKind",
    "Milestone",
    "Quarter",
    "QuarterPart",
    "Schedule",
    "year_schedule",
]

_ROMAN: Final = ("I", "II", "III", "IV")


class QuarterPart(enum.Enum):
    """Which part of a quarter a text names."""

    WHOLE = "whole"
    """“Quý II”: the whole quarter."""
    EARLY = "early"
    """“Đầu Quý II”: the quarter's first month, or the whole quarter (A-33)."""


def _year(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not FIRST_YEAR <= value <= LAST_YEAR
    ):
        raise InvalidValueError(
            "is not a year the calendar handles",
            field="quarter.year",
            value=value,
            allowed=f"{FIRST_YEAR}–{LAST_YEAR}",
        )


def _number(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise InvalidValueError(
            "is not a quarter", field="quarter.number", value=value, allowed="1–4"
        )


def _part(value: object) -> QuarterPart:
    return to_enum(QuarterPart, value, "quarter.part")


@frozen
class Quarter:
    """A quarter of a year, or its early part, as a plan names a milestone.

    ``end`` and the notes are those of A-33's default (``first-month``); :meth:`read` gives
    them under either reading.

    >>> Quarter(2023, 2, QuarterPart.EARLY).end
    datetime.date(2023, 4, 30)
    >>> Quarter(2023, 2, QuarterPart.EARLY).read("whole-quarter")[1]
    datetime.date(2023, 6, 30)
    """

    year: int = attrs.field(validator=_year)
    number: int = attrs.field(validator=_number)
    part: QuarterPart = attrs.field(default=QuarterPart.WHOLE, converter=_part)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        return self.read(INTERPRETATIONS["A-33"].default)[1]

    def read(self, reading: str) -> tuple[dt.date, dt.date, str | None, str | None]:
        """First and last day, and the notes (vi, en), under the A-33 ``reading``."""
        INTERPRETATIONS["A-33"].reading(reading)  # an unknown reading is refused
        if self.part is not QuarterPart.EARLY:
            return self.start, self.start + relativedelta(months=3, days=-1), None, None
        if reading == "whole-quarter":
            return (
                self.start,
                self.start + relativedelta(months=3, days=-1),
                "“Đầu quý” không định ngày: mốc này tính cả quý (A-33 “whole-quarter”).",
                "“Early in the quarter” sets no day: the milestone covers the whole quarter "
                "(A-33 “whole-quarter”).",
            )
        return (
            self.start,
            self.start + relativedelta(months=1, days=-1),
            "“Đầu quý” được hiểu là tháng đầu tiên của quý (A-33 “first-month”).",
            "“Early in the quarter” is read as the quarter's first month (A-33 “first-month”).",
        )

    @property
    def vi(self) -> str:
        head = "Đầu Quý" if self.part is QuarterPart.EARLY else "Quý"
        return f"{head} {_ROMAN[self.number - 1]} năm {self.year}"

    @property
    def en(self) -> str:
        head = "early Q" if self.part is QuarterPart.EARLY else "Q"
        return f"{head}{self.number} {self.year}"

    @property
    def note_vi(self) -> str | None:
        return self.read(INTERPRETATIONS["A-33"].default)[2]

    @property
    def note_en(self) -> str | None:
        return self.read(INTERPRETATIONS["A-33"].default)[3]

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "quarter": self.number, "part": self.part.value}


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError("must be a datetime.date", field="date", value=value)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InvalidValueError("is not in a year the calendar handles", field="date", value=value)
    return value


def _after_start(inst: DateRange, _a: attrs.Attribute[Any], value: dt.date) -> None:
    if value < inst.start:
        raise InvalidValueError(
            "ends before it starts", field="end", value=value, allowed=f"≥ {inst.start}"
        )


@frozen
class DateRange:
    """Days from ``start`` through ``end``, both included."""

    start: dt.date = attrs.field(converter=_date)
    end: dt.date = attrs.field(converter=_date, validator=_after_start)

    @property
    def vi(self) -> str:
        if self.start == self.end:
            return f"ngày {self.start:%d/%m/%Y}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    @property
    def en(self) -> str:
        return self.start.isoformat() if self.start == self.end else f"{self.start} to {self.end}"

    @property
    def note_vi(self) -> str | None:
        return None

    @property
    def note_en(self) -> str | None:
        return None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def _milestone_id(value: object) -> str:
    return slug(value, "milestone.id")


def _mtitle_vi(value: object) -> str:
    return text(value, "milestone.title_vi")


def _mtitle_en(value: object) -> str:
    return text(value, "milestone.title_en")


def _when(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Quarter | DateRange):
        raise InvalidTypeError(
            "must be a Quarter or a DateRange", field="milestone.when", value=value
        )


def _rule(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        raise InvalidTypeError("must be a dienhinh.Rule", field="milestone.rule", value=value)


@frozen
class Milestone:
    """Something a plan schedules once (BK-IV), over a quarter or a range of days."""

    id: str = attrs.field(converter=_milestone_id)
    title_vi: str = attrs.field(converter=_mtitle_vi)
    title_en: str = attrs.field(converter=_mtitle_en)
    when: Quarter | DateRange = attrs.field(validator=_when)
    rule: Rule = attrs.field(validator=_rule)

    @property
    def start(self) -> dt.date:
        return self.when.start

    @property
    def end(self) -> dt.date:
        return self.when.end

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "when": self.when.to_json(),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "rule": self.rule.to_json(),
        }


class EventKind(enum.Enum):
    DEADLINE = "deadline"
    MILESTONE = "milestone"


@frozen
class Event:
    """One dated entry of the year's schedule, with the rule it comes from."""

    id: str
    kind: EventKind
    start: dt.date
    end: dt.date
    title_vi: str
    title_en: str
    written_vi: str
    """When the text says it happens, as the text says it (“trước ngày 15/10/2024”, “Quý I năm 2023”)."""
    rule: Rule
    note_vi: str | None = None
    note_en: str | None = None
    deadline: dt.date | None = None
    """For a deadline: the day the text names (the event sits on the last day on time)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "written_vi": self.written_vi,
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "note_vi": self.note_vi,
            "note_en": self.note_en,
            "rule": self.rule.id,
            "citation": self.rule.citation.to_json(),
        }


@frozen
class Schedule:
    """A ruleset's events in one year, sorted by start, end and id."""

    ruleset: str
    status: DocumentStatus
    year: int
    events: tuple[Event, ...]
    readings: tuple[UsedReading, ...]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "ruleset": {"id": self.ruleset, "status": self.status.value},
            "year": self.year,
            "events": [e.to_json() for e in self.events],
            "readings": [u.to_json() for u in self.readings],
            "reasons": [r.to_json() for r in self.reasons],
        }

    def events_json(self) -> list[dict[str, Any]]:
        """What ``dienhinh calendar`` prints: each event with its ruleset, whose ``notices`` are
        the schedule's reasons (the draft, A-18; the period of effect, A-32; the successor, A-15)."""
        notices = [r.to_json() for r in self.reasons]
        ruleset = {"id": self.ruleset, "status": self.status.value, "notices": notices}
        return [{**e.to_json(), "ruleset": ruleset} for e in self.events]

    def to_ics(self) -> bytes:
        """The schedule as an iCalendar file (all-day events); needs the ``ics`` extra.

        The output is deterministic: each event's UID is built from the ruleset,
        the year and the event id, and DTSTAMP is 1 January of the year (UTC) —
        never the current time.
        """
        try:
            import icalendar
        except ImportError:
            raise MissingExtraError("iCalendar export", "ics", "icalendar") from None
        cal: Any = icalendar.Calendar()
        cal.add("prodid", "-//dienhinh//calendar//VI")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"{self.ruleset} {self.year}")
        stamp = dt.datetime(self.year, 1, 1, tzinfo=dt.UTC)
        draft = " [DỰ THẢO / draft]" if self.status is DocumentStatus.DRAFT else ""
        for e in self.events:
            event: Any = icalendar.Event()
            event.add("uid", f"{self.year}-{e.id}@{self.ruleset}.dienhinh")
            event.add("dtstamp", stamp)
            event.add("dtstart", e.start)
            event.add(
                "dtend", e.end + dt.timedelta(days=1)
            )  # DTEND of an all-day event is exclusive
            event.add("summary", f"{e.title_vi}{draft}")
            lines = [e.title_en, e.written_vi, f"{e.rule.id}: {e.rule.citation.vi}"]
            lines += [n for n in (e.note_vi, e.note_en) if n]
            event.add("description", "\n".join(lines))
            cal.add_component(event)
        data: bytes = cal.to_ical()
        return data


def year_schedule(
    ruleset: CalendarRules,
    year: int,
    *,
    readings: Readings | None = None,
    days_off: Iterable[dt.date] = (),
) -> Schedule:
    """Every deadline of ``year`` and every milestone that touches it, as sorted events."""
    chosen = as_readings(readings)
    used, notes = draft_notice(ruleset, chosen)
    as_year(year)
    effect_used, effect_notes = year_notices(ruleset, year, chosen)
    used += effect_used
    notes += effect_notes
    extra = days_off_of(days_off)
    if extra and chosen["A-17"] != "roll-over":
        raise InvalidValueError(
            "are given, but A-17 reads 'no-roll-over', so no day off can move a deadline",
            field="days_off",
            value=sorted(extra),
            allowed="no days off, or A-17 = roll-over",
        )
    events: list[Event] = []
    reasons: list[Reason] = []
    used_more: list[UsedReading] = []
    for d in ruleset.deadlines:
        last, u, _ = _last_day(d, year, chosen, extra)
        used_more += u
        due = d.on(year)
        events.append(
            Event(
                id=d.name,
                kind=EventKind.DEADLINE,
                start=last,
                end=last,
                title_vi=d.title_vi,
                title_en=d.title_en,
                written_vi=f"{d.wording.vi} {due:%d/%m/%Y}",
                rule=d.rule,
                deadline=due,
            )
        )
    first, last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for m in ruleset.milestones:
        if isinstance(m.when, Quarter):
            start, end, note_vi, note_en = m.when.read(chosen["A-33"])
        else:
            start, end, note_vi, note_en = m.start, m.end, m.when.note_vi, m.when.note_en
        if end < first or start > last_day:
            continue
        if isinstance(m.when, Quarter) and m.when.part is QuarterPart.EARLY:
            used_more += chosen.used("A-33")
        events.append(
            Event(
                id=m.id,
                kind=EventKind.MILESTONE,
                start=start,
                end=end,
                title_vi=m.title_vi,
                title_en=m.title_en,
                written_vi=m.when.vi,
                rule=m.rule,
                note_vi=note_vi,
                note_en=note_en,
            )
        )
    events.sort(key=lambda e: (e.start, e.end, e.id))
    eff = effect_period(ruleset, chosen)  # its start under A-42 (year_notices lists it)
    if (eff.start is not None and last_day < eff.start) or (
        eff.end is not None and first > eff.end
    ):
        period = f"{eff.start or '…'} – {eff.end or '…'}"
        period_vi = " – ".join("…" if d is None else day_vi(d) for d in (eff.start, eff.end))
        reasons.append(codes.OUTSIDE(eff.rule, year=year, period=period, period_vi=period_vi))
    order = list(chosen)
    return Schedule(
        ruleset=ruleset.id,
        status=ruleset.status,
        year=year,
        events=tuple(events),
        readings=tuple(sorted({*used, *used_more}, key=lambda u: order.index(u.id))),
        reasons=(*notes, *reasons),
    )
