"""The achievement window (TQ-3.3): the days whose achievements count.

TQ-3.3 (quoted): “Thành tích … được tính trong thời gian 01 năm, tính từ ngày
01/10 năm trước đến thời điểm xét tặng.” Three ambiguities, each a reading:

* A-2 — the end, “thời điểm xét tặng”, is the date the council considers
  (``meeting-date``, the default) or the last day of the level's
  consideration deadline (``deadline-date``, e.g. TQ-6.1b for the province).
* A-3 — the window is the “01 năm” of the same sentence: the emulation year
  01/10 → 30/09 capped at that end (``emulation-year``, the default), or it
  runs on to that end however long (``literal``: 14–15 months for a December
  consideration, and the window then says it is longer than a year).
* A-4 — for an end before 01/10, “năm trước” is the calendar year before the
  end's year (``calendar-year``, the default) or the year before the current
  emulation year (``previous-emulation-year``, two calendar years back).

>>> from dienhinh import load_ruleset
>>> w = achievement_window(load_ruleset("tuyen-quang-2023"), dt.date(2024, 12, 20))
>>> w.start, w.end, w.policy
(datetime.date(2023, 10, 1), datetime.date(2024, 9, 30), 'emulation-year')
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta

from dienhinh._documents import DocumentStatus
from dienhinh._effect import document_notices
from dienhinh._errors import ImpossibleDateError, InvalidTypeError, InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason, day_vi
from dienhinh.calendar import _codes as codes
from dienhinh.calendar._deadline import _last_day
from dienhinh.calendar._time import as_day, as_readings

if TYPE_CHECKING:
    from dienhinh.calendar._rules import CalendarRules

__all__ = ["Window", "WindowPolicy", "achievement_window"]

_ONE_YEAR = relativedelta(years=1)
_DAY = dt.timedelta(days=1)


def _month(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise ImpossibleDateError(
            "is not a month", field="window.start_month", value=value, allowed="1–12"
        )


def _day(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 31:
        raise ImpossibleDateError(
            "is not a day of a month", field="window.start_day", value=value, allowed="1–31"
        )


def _rule(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        raise InvalidTypeError("must be a dienhinh.Rule", field="window.rule", value=value)


@frozen
class WindowPolicy:
    """Where a ruleset's achievement window starts each year (01/10 in TQ-3.3), with its rule.

    The emulation year (A-3) is the year that starts on that day.
    """

    start_month: int = attrs.field(validator=_month)
    start_day: int = attrs.field(validator=_day)
    rule: Rule = attrs.field(validator=_rule)

    def __attrs_post_init__(self) -> None:
        try:
            dt.date(2023, self.start_month, self.start_day)  # 2023: not a leap year
        except ValueError:
            raise ImpossibleDateError(
                "is not a day of every year",
                field="window.start_day",
                value=self.start_day,
                allowed=f"a day that month {self.start_month} has in every year (29/02 is not)",
            ) from None

    @property
    def start_text(self) -> str:
        """The start as a Vietnamese text writes it: ``01/10``."""
        return f"{self.start_day:02}/{self.start_month:02}"

    def start_in(self, year: int) -> dt.date:
        return dt.date(year, self.start_month, self.start_day)

    def to_json(self) -> dict[str, Any]:
        return {
            "start_month": self.start_month,
            "start_day": self.start_day,
            "rule": self.rule.to_json(),
        }


def _ordered(inst: Window, _a: attrs.Attribute[Any], value: dt.date) -> None:
    if value < inst.start:
        raise InvalidValueError(
            "is before the window's start", field="end", value=value, allowed=f"≥ {inst.start}"
        )


@frozen
class Window:
    """The closed interval of days whose achievements count, and how it was read.

    ``policy`` is the A-3 reading used (``"emulation-year"`` or ``"literal"``);
    ``readings`` lists every reading the window relied on.
    """

    start: dt.date
    end: dt.date = attrs.field(validator=_ordered)
    consideration: dt.date
    policy: str
    rule: Rule
    ruleset: str
    status: DocumentStatus
    readings: tuple[UsedReading, ...]
    reasons: tuple[Reason, ...]

    @property
    def days(self) -> int:
        """How many days the window holds (both ends count)."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise InvalidTypeError(
                "must be a datetime.date (not a datetime)", field="day", value=day
            )
        return self.start <= day <= self.end

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "consideration": self.consideration.isoformat(),
            "days": self.days,
            "policy": self.policy,
            "rule": self.rule.to_json(),
            "ruleset": {"id": self.ruleset, "status": self.status.value},
            "readings": [u.to_json() for u in self.readings],
            "reasons": [r.to_json() for r in self.reasons],
        }


def achievement_window(
    ruleset: CalendarRules,
    consideration: dt.date,
    *,
    readings: Readings | None = None,
    deadline: str | None = None,
) -> Window:
    """The achievement window for a consideration date under the ruleset's policy (TQ-3.3).

    ``deadline`` names the level's consideration deadline; it is needed, and
    read, only under A-2 ``deadline-date``.
    """
    chosen = as_readings(readings)
    day = as_day(consideration, field="consideration")
    used, notes = document_notices(ruleset, chosen, day)
    policy = ruleset.window
    if policy is None:
        raise InvalidValueError(
            "defines no achievement window",
            field="ruleset",
            value=ruleset.id,
            allowed="a ruleset with a [window] table, e.g. tuyen-quang-2023",
        )
    used += chosen.used("A-2", "A-3", "A-4")
    reasons: list[Reason] = []

    # the window ends at “thời điểm xét tặng”.
    if chosen["A-2"] == "deadline-date":
        if deadline is None:
            raise InvalidValueError(
                "is needed: A-2 reads the window's end as the level's consideration deadline",
                field="deadline",
                allowed=", ".join(d.name for d in ruleset.deadlines) or "none in this ruleset",
            )
        end, deadline_used, deadline_reasons = _last_day(
            ruleset.deadline(deadline), day.year, chosen, frozenset()
        )
        used += tuple(deadline_used)
        reasons += deadline_reasons
        end_vi = f"thời điểm xét tặng đọc là ngày cuối cùng của thời hạn “{deadline}”"
        end_en = f"the consideration date read as the last day of the “{deadline}” deadline"
    elif deadline is not None:
        raise InvalidValueError(
            "is read only under A-2 = deadline-date",
            field="deadline",
            value=deadline,
            allowed="no deadline, or readings A-2 = deadline-date",
        )
    else:
        end, end_vi, end_en = day, "thời điểm xét tặng", "the consideration date"

    # which 01/10 is “01/10 năm trước”.
    this_year = policy.start_in(end.year)
    if chosen["A-4"] == "calendar-year" or end >= this_year:
        start = policy.start_in(end.year - 1)
    else:
        start = policy.start_in(end.year - 2)
    anniversary = start + _ONE_YEAR - _DAY
    head_vi = f"từ ngày {policy.start_text} năm trước"
    head_en = f"from {policy.start_text} of the previous year"

    # the emulation year capped at the end (one year), or the literal interval.
    if chosen["A-3"] == "emulation-year":
        end = min(end, anniversary)
        how_vi = (
            f"năm thi đua {head_vi} đến hết ngày {day_vi(anniversary)}, không vượt quá {end_vi}"
        )
        how_en = f"the emulation year {head_en} through {anniversary}, capped at {end_en}"
    else:
        how_vi, how_en = f"{head_vi} đến {end_vi}", f"{head_en} to {end_en}"
    days = (end - start).days + 1
    reasons.insert(
        0, codes.WINDOW(policy.rule, start=start, end=end, days=days, how_vi=how_vi, how_en=how_en)
    )
    if end > anniversary:
        reasons.append(codes.WINDOW_LONG(policy.rule, anniversary=anniversary))
    order = list(chosen)
    return Window(
        start=start,
        end=end,
        consideration=day,
        policy=chosen["A-3"],
        rule=policy.rule,
        ruleset=ruleset.id,
        status=ruleset.status,
        readings=tuple(sorted(set(used), key=lambda u: order.index(u.id))),
        reasons=(*notes, *reasons),
    )
