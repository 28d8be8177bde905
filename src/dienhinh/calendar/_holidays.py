"""Roll-over (A-17): a last day that is a day off moves to the next working day.

Civil Code 2015 Art. 148(5) moves the end of a *period* whose last day is a
weekend or public holiday to the next working day; whether it applies to a
fixed calendar date is unsettled, so the library rolls over only when the
caller reads A-17 as ``roll-over``. Public holidays come from the optional
``holidays`` package (Vietnam's calendar: lunar Tết, Hùng Kings, substitute
days, the government's swaps) — imported here, on first use, never by
``import dienhinh``. Days off the caller adds (a longer civil-service Tết
break) count too. Make-up working Saturdays are not modelled.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any, Final

from dienhinh._errors import InvalidTypeError, InvalidValueError, MissingExtraError
from dienhinh._provenance import Citation, Rule
from dienhinh.calendar._time import FIRST_YEAR, LAST_YEAR, as_day

__all__ = ["CIVIL_CODE_148", "days_off_of", "roll_over", "skipped_days"]

CIVIL_CODE_148 = Rule(
    "BLDS-148.5",
    Citation(
        "Bộ luật Dân sự 2015",
        article="148",
        clause="5",
        quote="Trường hợp ngày cuối cùng của thời hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ thì "
        "thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó",
    ),
)
"""Civil Code Art. 148(5): a period ending on a day off ends on the next working day (A-17)."""

_WEEKDAYS_VI: Final = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
_MAX_SKIP: Final = 366
"""A year of consecutive days off is an input error, not a calendar."""


def days_off_of(value: Iterable[object]) -> frozenset[dt.date]:
    """The caller's extra days off, as days (a ``datetime`` is refused)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a collection of dates", field="days_off", value=value)
    return frozenset(as_day(v, field="days_off") for v in value)


@functools.lru_cache(maxsize=512)
def _public_holidays(year: int) -> tuple[dict[dt.date, str], dict[dt.date, str]]:
    try:
        import holidays
    except ImportError:
        raise MissingExtraError(
            "Rolling a deadline over (A-17 roll-over)", "holidays", "holidays"
        ) from None
    vi: Any = holidays.country_holidays("VN", years=year, language="vi")
    en: Any = holidays.country_holidays("VN", years=year, language="en_US")
    return dict(vi.items()), dict(en.items())


def _why(day: dt.date, extra: frozenset[dt.date]) -> tuple[str, str] | None:
    """Why ``day`` is a day off, in Vietnamese and English; ``None`` for a working day."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidValueError("is outside the years the calendar handles", field="day", value=day)
    vi, en = _public_holidays(day.year)
    if day in vi:
        return vi[day], en.get(day, vi[day])
    if day.weekday() >= 5:
        return _WEEKDAYS_VI[day.weekday()], day.strftime("%A")
    if day in extra:
        return "ngày nghỉ bổ sung", "an added day off"
    return None


def skipped_days(
    day: dt.date, days_off: frozenset[dt.date]
) -> tuple[dt.date, tuple[tuple[dt.date, str, str], ...]]:
    """The first working day on or after ``day``, and the days off skipped on the way."""
    skipped: list[tuple[dt.date, str, str]] = []
    current = day
    while (why := _why(current, days_off)) is not None:
        skipped.append((current, *why))
        if len(skipped) > _MAX_SKIP:
            raise InvalidValueError(
                "starts a run of more than a year of days off", field="days_off", value=day
            )
        current += dt.timedelta(days=1)
    return current, tuple(skipped)


def roll_over(day: dt.date, *, days_off: Iterable[dt.date] = ()) -> dt.date:
    """``day`` if it is a working day, else the next working day (weekends, Vietnamese public
    holidays, and ``days_off``). Needs the ``holidays`` extra.

    >>> roll_over(dt.date(2027, 10, 30))  # a Saturday
    datetime.date(2027, 11, 1)
    """
    return skipped_days(as_day(day, field="day"), days_off_of(days_off))[0]
