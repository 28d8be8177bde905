"""The calendar's behaviour that mutation testing found unpinned (docs/mutation.md).

Each test states what a provision (or a reading of the register) makes the calendar do, on
dates checked by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dienhinh import Readings, Ruleset, load_ruleset
from dienhinh.calendar import achievement_window

D = dt.date


@pytest.fixture(scope="module")
def tq() -> Ruleset:
    return load_ruleset("tuyen-quang-2023")


def read(**choices: str) -> Readings:
    readings = Readings()
    for key, value in choices.items():
        readings = readings.choose(key.replace("_", "-"), value)
    return readings


class TestWindowOnTheFirstOfOctober:
    """TQ-3.3 “từ ngày 01/10 năm trước”; A-4 says which 01/10 for an end before 01/10."""

    def test_previous_emulation_year_on_01_10_itself(self, tq: Ruleset) -> None:
        """On 01/10/2024 the emulation year 2024–2025 has begun: “năm trước” is 01/10/2023.

        A-4 ``previous-emulation-year`` goes two calendar years back only for an end *before*
        01/10; 01/10 itself is not before it.
        """
        chosen = read(A_4="previous-emulation-year")
        w = achievement_window(tq, D(2024, 10, 1), readings=chosen)
        assert (w.start, w.end) == (D(2023, 10, 1), D(2024, 10, 1))
        day_before = achievement_window(tq, D(2024, 9, 30), readings=chosen)
        assert day_before.start == D(2022, 10, 1)

    def test_calendar_year_on_01_10_itself(self, tq: Ruleset) -> None:
        """A-4 default ``calendar-year``: 01/10 of the year before the end's year."""
        w = achievement_window(tq, D(2024, 10, 1))
        assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2024, 10, 1), 367)


class TestEmulationYearA3:
    """A-3 ``emulation-year``: 01/10 of the previous year through 30/09, capped at the end."""

    def test_the_emulation_year_includes_30_09(self, tq: Ruleset) -> None:
        """2023-10-01 … 2024-09-30 is one year of 366 days (2024 is a leap year); 30/09 is in it
        and 01/10 is not."""
        chosen = read(A_3="emulation-year")
        w = achievement_window(tq, D(2024, 12, 20), readings=chosen)
        assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2024, 9, 30), 366)
        assert D(2024, 9, 30) in w
        assert D(2024, 10, 1) not in w
        assert D(2023, 9, 30) not in w
        assert "window.longer_than_a_year" not in [r.code for r in w.reasons]

    def test_a_consideration_on_30_09_ends_the_year_on_it(self, tq: Ruleset) -> None:
        """On 30/09 both readings of A-3 give the same window, and it is not too long."""
        for chosen in (read(), read(A_3="emulation-year")):
            w = achievement_window(tq, D(2024, 9, 30), readings=chosen)
            assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2024, 9, 30), 366)
            assert "window.longer_than_a_year" not in [r.code for r in w.reasons]

    def test_the_literal_window_past_30_09_says_it_is_longer(self, tq: Ruleset) -> None:
        """A-2, A-3: a window to 01/10 is one day longer than “01 năm”, and the reason names
        30/09 as the day it passed."""
        w = achievement_window(tq, D(2024, 10, 1))
        long = [r for r in w.reasons if r.code == "window.longer_than_a_year"]
        assert len(long) == 1
        assert long[0].params["anniversary"] == "2024-09-30"
