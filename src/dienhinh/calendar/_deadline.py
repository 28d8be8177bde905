"""Deadlines: a day of the year with its rule, and the check of a submission against it.

TQ-6.1a “Trước ngày 15/10 hằng năm”, TQ-6.1b “Trước ngày 31/12 hằng năm”,
TQ-8.3b “gửi về Sở Nội vụ trước 30/10 hằng năm”. Three readings shape the
answer, each recorded in the result:

* A-1 — “trước ngày X”: strictly before X (the default: the last day on time
  is the day before X) or no later than X (``inclusive``). A deadline worded
  “no later than” (``Wording.NO_LATER_THAN``) has no such ambiguity.
* A-16 — a timestamp counts on its day in Vietnam time (UTC+7), or in UTC.
* A-17 — a last day that is a weekend or a public holiday stays (the
  default) or rolls over to the next working day.

>>> from dienhinh import load_ruleset
>>> tq = load_ruleset("tuyen-quang-2023")
>>> c = check_deadline(tq, "dossier-submission", 2024, dt.date(2024, 10, 30))
>>> c.on_time, c.last_day_on_time, c.days_late
(False, datetime.date(2024, 10, 29), 1)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from dienhinh._convert import to_enum
from dienhinh._documents import DocumentStatus, slug, text
from dienhinh._effect import document_notices
from dienhinh._errors import ImpossibleDateError, InvalidTypeError, InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason, day_vi
from dienhinh.calendar import _codes as codes
from dienhinh.calendar._holidays import CIVIL_CODE_148, days_off_of, skipped_days
from dienhinh.calendar._time import as_day, as_readings, as_year, local_day

if TYPE_CHECKING:
    from dienhinh.calendar._rules import CalendarRules

__all__ = ["Deadline", "DeadlineCheck", "Wording", "check_deadline", "last_day_on_time"]


class Wording(enum.Enum):
    """How the text words a deadline."""

    BEFORE = "before"
    """“trước ngày X”: ambiguous, read under A-1."""
    NO_LATER_THAN = "no-later-than"
    """“chậm nhất ngày X”, “trước hoặc trong ngày X”: day X itself is on time."""

    @property
    def vi(self) -> str:
        return "trước ngày" if self is Wording.BEFORE else "chậm nhất ngày"

    @property
    def en(self) -> str:
        return "before" if self is Wording.BEFORE else "no later than"


def _name(value: object) -> str:
    return slug(value, "deadline.name")


def _month(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise ImpossibleDateError(
            "is not a month", field="deadline.month", value=value, allowed="1–12"
        )


def _day(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 31:
        raise ImpossibleDateError(
            "is not a day of a month", field="deadline.day", value=value, allowed="1–31"
        )


def _title_vi(value: object) -> str:
    return text(value, "deadline.title_vi")


def _title_en(value: object) -> str:
    return text(value, "deadline.title_en")


def _wording(value: object) -> Wording:
    return to_enum(Wording, value, "deadline.wording")


def _rule(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        raise InvalidTypeError("must be a dienhinh.Rule", field="deadline.rule", value=value)


@frozen
class Deadline:
    """A day of the year by which something must happen, every year, with its rule.

    >>> from dienhinh import Citation, Rule
    >>> d = Deadline("dossier-submission", 10, 30, Rule("TQ-8.3b", Citation("TQ", "8", "3", "b")),
    ...              "Hạn gửi hồ sơ", "Dossier submission")
    >>> d.on(2024)
    datetime.date(2024, 10, 30)
    >>> Deadline("leap", 2, 29, d.rule, "x", "x")
    Traceback (most recent call last):
    ...
    dienhinh._errors.ImpossibleDateError: deadline.day=29: is not a day of every year; ...
    """

    name: str = attrs.field(converter=_name)
    month: int = attrs.field(validator=_month)
    day: int = attrs.field(validator=_day)
    rule: Rule = attrs.field(validator=_rule)
    title_vi: str = attrs.field(converter=_title_vi)
    title_en: str = attrs.field(converter=_title_en)
    wording: Wording = attrs.field(default=Wording.BEFORE, converter=_wording)

    def __attrs_post_init__(self) -> None:
        try:
            dt.date(2023, self.month, self.day)  # 2023: not a leap year
        except ValueError:
            raise ImpossibleDateError(
                "is not a day of every year",
                field="deadline.day",
                value=self.day,
                allowed=f"a day that month {self.month} has in every year (29/02 is not)",
            ) from None

    def on(self, year: int) -> dt.date:
        """The deadline day in ``year``, as the text names it."""
        return dt.date(as_year(year), self.month, self.day)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "month": self.month,
            "day": self.day,
            "wording": self.wording.value,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "rule": self.rule.to_json(),
        }


def _last_day(
    deadline: Deadline, year: int, readings: Readings, days_off: frozenset[dt.date]
) -> tuple[dt.date, list[UsedReading], list[Reason]]:
    due = deadline.on(year)
    used: list[UsedReading] = []
    if deadline.wording is Wording.BEFORE:
        # “trước ngày X” — strictly before X by default; X itself under `inclusive`.
        reading = readings["A-1"]
        used += readings.used("A-1")
        last = due - dt.timedelta(days=1) if reading == "strict" else due
        how_vi, how_en = (
            (
                "“trước ngày” hiểu theo nghĩa chặt: chính ngày đó đã muộn, A-1",
                "“before” read strictly: the day itself is late, A-1",
            )
            if reading == "strict"
            else (
                "“trước ngày” hiểu là không muộn hơn ngày đó, A-1",
                "“before” read as no later than that day, A-1",
            )
        )
    else:
        last = due
        how_vi, how_en = "chính ngày đó vẫn đúng hạn", "the day itself is on time"
    reasons = [
        codes.LAST_DAY(
            deadline.rule,
            title_vi=deadline.title_vi,
            title_en=deadline.title_en,
            wording_vi=deadline.wording.vi,
            wording_en=deadline.wording.en,
            due=due,
            last_day=last,
            reading_vi=how_vi,
            reading_en=how_en,
        )
    ]
    used += readings.used("A-17")
    if readings["A-17"] == "roll-over":
        # Civil Code Art. 148(5), applied to a fixed date only under A-17 `roll-over`:
        # “thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó”.
        rolled, skipped = skipped_days(last, days_off)
        if skipped:
            reasons.append(
                codes.ROLLED(
                    CIVIL_CODE_148,
                    day=last,
                    to=rolled,
                    skipped_vi=[f"{day_vi(d)} {vi}" for d, vi, _ in skipped],
                    skipped_en=[f"{d.isoformat()} {en}" for d, _, en in skipped],
                )
            )
        last = rolled
    elif days_off:
        raise InvalidValueError(
            "are given, but A-17 reads 'no-roll-over', so no day off can move a deadline",
            field="days_off",
            value=sorted(days_off),
            allowed="no days off, or A-17 = roll-over",
        )
    return last, used, reasons


def last_day_on_time(
    ruleset: CalendarRules,
    deadline: str,
    year: int,
    *,
    readings: Readings | None = None,
    days_off: Iterable[dt.date] = (),
) -> dt.date:
    """The last day on time for ``deadline`` in ``year`` under ``readings`` (A-1, A-17)."""
    return _last_day(
        ruleset.deadline(deadline), as_year(year), as_readings(readings), days_off_of(days_off)
    )[0]


def _opt_moment(value: object) -> dt.datetime | None:
    if value is not None and not isinstance(value, dt.datetime):
        raise InvalidTypeError("must be a datetime or None", field="submitted_at", value=value)
    return value


@frozen
class DeadlineCheck:
    """A submission checked against a deadline: on time or late, by how many days, and why."""

    deadline: Deadline
    year: int
    last_day_on_time: dt.date
    submitted_on: dt.date
    ruleset: str
    status: DocumentStatus
    readings: tuple[UsedReading, ...]
    reasons: tuple[Reason, ...]
    submitted_at: dt.datetime | None = attrs.field(default=None, converter=_opt_moment)
    """The timestamp as given, when one was (``submitted_on`` is its day under A-16)."""

    @property
    def due(self) -> dt.date:
        """The deadline day as the text names it (X in “trước ngày X”)."""
        return self.deadline.on(self.year)

    @property
    def on_time(self) -> bool:
        return self.submitted_on <= self.last_day_on_time

    @property
    def days_early(self) -> int:
        return max(0, (self.last_day_on_time - self.submitted_on).days)

    @property
    def days_late(self) -> int:
        return max(0, (self.submitted_on - self.last_day_on_time).days)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.deadline.name,
            "year": self.year,
            "deadline": self.due.isoformat(),
            "last_day_on_time": self.last_day_on_time.isoformat(),
            "submitted_on": self.submitted_on.isoformat(),
            "submitted_at": None if self.submitted_at is None else self.submitted_at.isoformat(),
            "on_time": self.on_time,
            "days_early": self.days_early,
            "days_late": self.days_late,
            "rule": self.deadline.rule.to_json(),
            "ruleset": {"id": self.ruleset, "status": self.status.value},
            "readings": [u.to_json() for u in self.readings],
            "reasons": [r.to_json() for r in self.reasons],
        }


_MEETING_ROLES = frozenset({"unit-consideration", "province-consideration"})
"""The deadline roles whose day is a council's meeting (TQ-6.1a, TQ-6.1b), not a submission."""


def _act(ruleset: CalendarRules, rule: Deadline) -> dict[str, str]:
    """What the checked day is: a council's meeting (a consideration deadline) or a submission.

    The deadline's role in a round says it (``role = "unit-consideration"`` on a deadline called
    ``hop-xet-co-so``); a deadline with no role is a meeting when its name says consideration.
    """
    roles = {name: getattr(role, "value", role) for role, name in _roles(ruleset)}
    role = roles.get(rule.name)
    if role in _MEETING_ROLES or (role is None and "consideration" in rule.name):
        return {"act_vi": "Họp xét", "act_en": "Considered"}
    return {"act_vi": "Nộp", "act_en": "Submitted"}


def _roles(ruleset: CalendarRules) -> tuple[tuple[object, str], ...]:
    # A Ruleset binds deadlines to round roles (rulesets/ sits above the calendar, so the roles
    # are read by their values here); a bare CalendarRules has none.
    roles = getattr(ruleset, "deadline_roles", ())
    return tuple(roles) if isinstance(roles, tuple) else ()


def check_deadline(
    ruleset: CalendarRules,
    deadline: str,
    year: int,
    submitted: dt.date | dt.datetime,
    *,
    readings: Readings | None = None,
    days_off: Iterable[dt.date] = (),
) -> DeadlineCheck:
    """Check a submission (a day, or an aware timestamp) against ``deadline`` of ``year``.

    ``days_off`` are days off the caller adds to the public holidays; they
    count only under A-17 ``roll-over`` (given otherwise, they are an error,
    not silently ignored).
    """
    chosen = as_readings(readings)
    rule = ruleset.deadline(deadline)
    used, notes = document_notices(ruleset, chosen, rule.on(as_year(year)))
    last, more_used, reasons = _last_day(rule, as_year(year), chosen, days_off_of(days_off))
    at: dt.datetime | None = None
    if isinstance(submitted, dt.datetime):
        at = submitted
        day = local_day(submitted, readings=chosen, field="submitted")
        vietnam = chosen["A-16"] == "vietnam-time"
        more_used += chosen.used("A-16")
        reasons.insert(
            0,
            codes.TIMESTAMP(
                None,
                at=submitted,
                day=day,
                zone_vi="giờ Việt Nam (UTC+7)" if vietnam else "giờ UTC",
                zone_en="Vietnam time (UTC+7)" if vietnam else "UTC",
            ),
        )
    elif isinstance(submitted, dt.date):
        day = as_day(submitted, field="submitted")
    else:
        raise InvalidTypeError(
            "must be a datetime.date or an aware datetime.datetime",
            field="submitted",
            value=submitted,
        )
    act = _act(ruleset, rule)
    if day <= last:
        reasons.append(
            codes.ON_TIME(rule.rule, submitted=day, last_day=last, days=(last - day).days, **act)
        )
    else:
        reasons.append(
            codes.LATE(rule.rule, submitted=day, last_day=last, days=(day - last).days, **act)
        )
    order = list(chosen)
    readings_used = tuple(sorted({*used, *more_used}, key=lambda u: order.index(u.id)))
    return DeadlineCheck(
        deadline=rule,
        year=year,
        last_day_on_time=last,
        submitted_on=day,
        ruleset=ruleset.id,
        status=ruleset.status,
        readings=readings_used,
        reasons=(*notes, *reasons),
        submitted_at=at,
    )
