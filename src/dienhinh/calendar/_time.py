"""Days and timestamps: a ``date`` is a day, an aware ``datetime`` is a moment (A-16).

A deadline is judged on a calendar day. A day is a :class:`datetime.date`; a
timestamp is an *aware* :class:`datetime.datetime`, turned into its day in
Vietnam time (UTC+7; Vietnam has kept no daylight saving since 1975, so a
fixed offset needs no time-zone database). A naive timestamp would be a guess
and is refused; a ``datetime`` passed where a day is meant is refused too —
it is a subclass of ``date`` and would otherwise slip through with its time
silently dropped.

>>> import datetime as dt
>>> local_day(dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.timezone.utc))
datetime.date(2024, 10, 30)
>>> local_day(dt.datetime(2024, 10, 29, 18, 30))
Traceback (most recent call last):
...
dienhinh._errors.NaiveDatetimeError: at=datetime.datetime(2024, 10, 29, 18, 30): ...
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from dienhinh._errors import (
    ImpossibleDateError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
)
from dienhinh._interpretations import Readings

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "VIETNAM_TIME",
    "as_day",
    "as_readings",
    "as_year",
    "local_day",
    "parse_day",
    "parse_moment",
]

VIETNAM_TIME: Final = dt.timezone(dt.timedelta(hours=7), "UTC+07:00")
"""Vietnam time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving (A-16)."""

FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2199
"""The years the calendar computes in; a wider range only invites overflow, never a use."""


def as_year(value: object, *, field: str = "year") -> int:
    """``value`` as a year the calendar handles; ``True`` is not a year."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("must be an integer year", field=field, value=value)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidValueError(
            "is outside the years the calendar handles",
            field=field,
            value=value,
            allowed=f"{FIRST_YEAR}–{LAST_YEAR}",
        )
    return value


def as_day(value: object, *, field: str) -> dt.date:
    """``value`` as a day: a ``date`` that is not a ``datetime``, in the handled years."""
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            "is a datetime where a date is meant; pass value.date() or a timestamp where one "
            "is accepted",
            field=field,
            value=value,
        )
    if not isinstance(value, dt.date):
        raise InvalidTypeError("must be a datetime.date", field=field, value=value)
    as_year(value.year, field=f"{field}.year")
    return value


def as_readings(value: object) -> Readings:
    """The caller's readings, or every default when ``None``."""
    if value is None:
        return Readings()
    if not isinstance(value, Readings):
        raise InvalidTypeError("must be a dienhinh.Readings", field="readings", value=value)
    return value


def local_day(
    moment: dt.datetime, *, readings: Readings | None = None, field: str = "at"
) -> dt.date:
    """The calendar day of an aware timestamp: in Vietnam time by default, in UTC under A-16 ``utc``."""
    if not isinstance(moment, dt.datetime):
        raise InvalidTypeError("must be an aware datetime.datetime", field=field, value=moment)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NaiveDatetimeError(
            "has no UTC offset; judging it would be a guess (A-16)",
            field=field,
            value=moment,
            allowed="an aware datetime, e.g. 2024-10-29T18:30:00Z or ...+07:00",
        )
    zone = VIETNAM_TIME if as_readings(readings)["A-16"] == "vietnam-time" else dt.UTC
    try:
        day = moment.astimezone(zone).date()
    except OverflowError:
        raise InvalidValueError(
            "is outside the years the calendar handles", field=field, value=moment
        ) from None
    return as_day(day, field=field)


_FULL_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?"
)
_DAY_ALLOWED: Final = "YYYY-MM-DD that exists"
_MOMENT_ALLOWED: Final = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z or ±HH:MM"


def parse_day(text: str, *, field: str = "date") -> dt.date:
    """A day from ``YYYY-MM-DD`` text (RFC 3339 full-date); anything else is an
    :class:`ImpossibleDateError` — an ISO week date (``2024-W51-5``), an ordinal
    date, full-width digits.

    >>> parse_day("2024-W51-5")
    Traceback (most recent call last):
    ...
    dienhinh._errors.ImpossibleDateError: date='2024-W51-5': is not a calendar date; allowed: YYYY-MM-DD that exists
    """
    if not isinstance(text, str):
        raise InvalidTypeError("must be a string 'YYYY-MM-DD'", field=field, value=text)
    if not _FULL_DATE.fullmatch(text):
        raise ImpossibleDateError(
            "is not a calendar date", field=field, value=text, allowed=_DAY_ALLOWED
        )
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ImpossibleDateError(
            "is not a calendar date", field=field, value=text, allowed=_DAY_ALLOWED
        ) from None
    return as_day(day, field=field)


def parse_moment(text: str, *, field: str = "at") -> dt.date | dt.datetime:
    """A day (``YYYY-MM-DD``) or a timestamp (RFC 3339: a UTC offset ``±HH:MM`` or ``Z``) from text.

    >>> parse_moment("2024-10-29T18:30:00Z")
    datetime.datetime(2024, 10, 29, 18, 30, tzinfo=datetime.timezone.utc)
    >>> parse_moment("2024-10-29T18:30+07")
    Traceback (most recent call last):
    ...
    dienhinh._errors.ImpossibleDateError: at='2024-10-29T18:30+07': is neither a date nor a timestamp; allowed: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z or ±HH:MM
    """
    if not isinstance(text, str):
        raise InvalidTypeError("must be a date or timestamp string", field=field, value=text)
    if _FULL_DATE.fullmatch(text):
        return parse_day(text, field=field)
    match = _DATE_TIME.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ImpossibleDateError(
            "is neither a date nor a timestamp", field=field, value=text, allowed=_MOMENT_ALLOWED
        ) from None
    if moment.tzinfo is None:
        raise NaiveDatetimeError(
            "has no UTC offset; judging it would be a guess (A-16)",
            field=field,
            value=text,
            allowed="a timestamp ending in Z or ±HH:MM",
        )
    as_year(moment.year, field=f"{field}.year")
    return moment
