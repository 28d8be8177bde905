"""Properties of the calendar, grouped by the provision (or reading) they follow from."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from dienhinh import Readings, Ruleset, load_ruleset
from dienhinh.calendar import (
    VIETNAM_TIME,
    achievement_window,
    check_deadline,
    local_day,
    roll_over,
)

D = dt.date
TQ: Ruleset = load_ruleset("tuyen-quang-2023")
DAYS = st.dates(D(1902, 1, 1), D(2199, 12, 30))  # a day later stays in range
HOLIDAY_YEARS = st.dates(D(1960, 1, 1), D(2090, 12, 31))
WINDOW_READINGS = st.builds(
    lambda a3, a4: Readings({"A-3": a3, "A-4": a4}),
    st.sampled_from(["literal", "emulation-year"]),
    st.sampled_from(["calendar-year", "previous-emulation-year"]),
)
DEADLINE_READINGS = st.builds(
    lambda a1: Readings({"A-1": a1}), st.sampled_from(["strict", "inclusive"])
)


class TestWindowTQ33:
    """TQ-3.3: achievements count “từ ngày 01/10 năm trước đến thời điểm xét tặng” (A-2, A-3, A-4)."""

    @given(DAYS, WINDOW_READINGS)
    @example(D(2024, 9, 30), Readings())
    @example(D(2024, 10, 1), Readings())
    @example(D(2024, 2, 29), Readings({"A-3": "emulation-year"}))
    @example(D(2024, 12, 31), Readings({"A-3": "emulation-year"}))
    def test_the_window_starts_on_01_10_and_is_never_empty(
        self, day: D, readings: Readings
    ) -> None:
        """Under every A-3/A-4 reading the window starts on 01/10 and holds at least one day."""
        w = achievement_window(TQ, day, readings=readings)
        assert (w.start.month, w.start.day) == (10, 1)
        assert w.start <= w.end
        assert w.days >= 1
        assert w.start in w
        assert w.end in w

    @given(DAYS, WINDOW_READINGS)
    def test_the_window_never_passes_the_consideration_date(
        self, day: D, readings: Readings
    ) -> None:
        """A-2 meeting-date: the window ends on the consideration date (literal) or before it (A-3)."""
        w = achievement_window(TQ, day, readings=readings)
        assert w.end <= day
        if readings["A-3"] == "literal":
            assert w.end == day

    @given(DAYS, st.sampled_from(["literal", "emulation-year"]))
    def test_the_literal_window_contains_the_previous_emulation_year_end(
        self, day: D, a3: str
    ) -> None:
        """A-4 calendar-year: the window starts on 01/10 of the year before the consideration date's."""
        w = achievement_window(TQ, day, readings=Readings({"A-3": a3}))
        assert w.start == D(day.year - 1, 10, 1)
        assert D(day.year - 1, 12, 31) in w

    @given(DAYS, WINDOW_READINGS)
    @example(D(2024, 12, 31), Readings())
    @example(D(2025, 9, 29), Readings({"A-4": "previous-emulation-year"}))
    def test_tq_3_3_the_default_window_never_exceeds_one_year(
        self, day: D, readings: Readings
    ) -> None:
        """A-3 emulation-year (the default, whatever A-4 says): “trong thời gian 01 năm” — never
        more than 366 days, never a “longer than a year” notice."""
        readings = readings.choose("A-3", "emulation-year")
        w = achievement_window(TQ, day, readings=readings)
        assert w.days <= 366
        assert w.end < D(w.start.year + 1, w.start.month, w.start.day)
        assert "window.longer_than_a_year" not in [r.code for r in w.reasons]
        assert achievement_window(TQ, day, readings=readings.choose("A-3", "emulation-year")) == w
        default = achievement_window(TQ, day, readings=Readings({"A-4": readings["A-4"]}))
        assert (default.start, default.end) == (w.start, w.end)

    @given(DAYS, st.sampled_from(["calendar-year", "previous-emulation-year"]))
    def test_tq_3_3_the_literal_window_contains_the_one_year_window(self, day: D, a4: str) -> None:
        """A-3: the literal window holds every day of the one-year window (same start, later or
        equal end), and is longer than a year exactly when it says so."""
        one = achievement_window(TQ, day, readings=Readings({"A-4": a4}))
        literal = achievement_window(TQ, day, readings=Readings({"A-4": a4, "A-3": "literal"}))
        assert literal.start == one.start
        assert literal.end >= one.end
        assert one.start in literal
        assert one.end in literal
        long = "window.longer_than_a_year" in [r.code for r in literal.reasons]
        assert long == (literal.end > one.end)

    @given(DAYS)
    def test_the_emulation_year_is_at_most_one_year(self, day: D) -> None:
        """A-3 emulation-year: the window never holds more than one 01/10 → 30/09 year."""
        w = achievement_window(TQ, day, readings=Readings({"A-3": "emulation-year"}))
        assert w.end <= D(w.start.year + 1, 9, 30)


class TestDeadlinesA1:
    """TQ-6.1a, TQ-6.1b, TQ-8.3b: “trước ngày X hằng năm”, read under A-1."""

    @given(
        st.sampled_from(["unit-consideration", "dossier-submission", "province-consideration"]),
        st.integers(1902, 2198),
        DAYS,
        DEADLINE_READINGS,
    )
    @example("dossier-submission", 2024, D(2024, 10, 29), Readings())
    @example("dossier-submission", 2024, D(2024, 10, 30), Readings({"A-1": "inclusive"}))
    def test_a_day_later_is_never_more_on_time(
        self, name: str, year: int, day: D, readings: Readings
    ) -> None:
        """Submitting a day later never turns late into on time, nor lowers the days late."""
        now = check_deadline(TQ, name, year, day, readings=readings)
        later = check_deadline(TQ, name, year, day + dt.timedelta(days=1), readings=readings)
        assert not (later.on_time and not now.on_time)
        assert later.days_late >= now.days_late
        assert later.days_early <= now.days_early
        assert now.on_time == (now.days_late == 0)

    @given(st.integers(1902, 2198), DAYS)
    def test_inclusive_is_never_stricter_than_strict(self, year: int, day: D) -> None:
        """A-1: whatever is on time under strict is on time under inclusive, one day apart at most."""
        strict = check_deadline(TQ, "dossier-submission", year, day)
        inclusive = check_deadline(
            TQ, "dossier-submission", year, day, readings=Readings({"A-1": "inclusive"})
        )
        assert inclusive.last_day_on_time - strict.last_day_on_time == dt.timedelta(days=1)
        assert not strict.on_time or inclusive.on_time


def _naive_vietnam_day(moment: dt.datetime) -> D:
    """The oracle: UTC wall clock plus seven hours, by hand."""
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return (utc + dt.timedelta(hours=7)).date()


class TestVietnamTimeA16:
    """A-16: a timestamp counts on its day in Vietnam time, UTC+7, no daylight saving."""

    @given(
        st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2150, 1, 1)),
        st.integers(-14 * 60, 14 * 60),
    )
    @example(dt.datetime(2024, 10, 29, 18, 30), 0)
    @example(dt.datetime(2024, 10, 29, 16, 59, 59, 999999), 0)
    @example(dt.datetime(2024, 10, 29, 17, 0), 0)
    @example(dt.datetime(2024, 12, 31, 23, 59, 59), 7 * 60)
    def test_agrees_with_the_naive_oracle(self, wall: dt.datetime, offset_minutes: int) -> None:
        """The Vietnam day equals UTC + 7 h computed by hand, for any offset the timestamp carries."""
        moment = wall.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes)))
        assert local_day(moment) == _naive_vietnam_day(moment)
        assert local_day(moment) == moment.astimezone(VIETNAM_TIME).date()

    @given(
        st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1)).map(
            lambda d: d.replace(hour=16)
        )
    )
    def test_midnight_in_vietnam_is_17_00_utc(self, wall: dt.datetime) -> None:
        """A-16: the Vietnam day turns at 17:00 UTC."""
        before = wall.replace(minute=59, second=59, microsecond=999999, tzinfo=dt.UTC)
        after = before + dt.timedelta(microseconds=1)
        assert local_day(after) == local_day(before) + dt.timedelta(days=1)


class TestRollOverA17:
    """A-17: a last day on a day off moves to the next working day (Civil Code Art. 148(5))."""

    @given(HOLIDAY_YEARS, st.lists(HOLIDAY_YEARS, max_size=5))
    @example(D(2027, 10, 30), [])
    @example(D(2027, 9, 2), [])
    def test_roll_over_never_moves_earlier_and_lands_on_a_working_day(
        self, day: D, days_off: list[D]
    ) -> None:
        """The rolled day is on or after the day, on a weekday that is not an added day off."""
        rolled = roll_over(day, days_off=days_off)
        assert rolled >= day
        assert rolled.weekday() < 5
        assert rolled not in days_off
        assert roll_over(rolled, days_off=days_off) == rolled

    @given(st.integers(1960, 2090), DEADLINE_READINGS)
    def test_roll_over_never_makes_a_deadline_earlier(self, year: int, readings: Readings) -> None:
        """A-17 roll-over: the last day on time is never before the one without roll-over."""
        plain = check_deadline(TQ, "dossier-submission", year, D(year, 10, 1), readings=readings)
        rolled = check_deadline(
            TQ,
            "dossier-submission",
            year,
            D(year, 10, 1),
            readings=readings.choose("A-17", "roll-over"),
        )
        assert rolled.last_day_on_time >= plain.last_day_on_time
