"""The calendar's behaviour that mutation testing found unpinned (docs/mutation.md).

Each test states what a provision (or a reading of the register) makes the calendar do, on
dates checked by hand.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest

from dienhinh import (
    Citation,
    ImpossibleDateError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    NaiveDatetimeError,
    Readings,
    Rule,
    Ruleset,
    load_ruleset,
)
from dienhinh.calendar import (
    DateRange,
    Deadline,
    EventKind,
    Milestone,
    Quarter,
    QuarterPart,
    WindowPolicy,
    Wording,
    achievement_window,
    check_deadline,
    last_day_on_time,
    local_day,
    roll_over,
    year_schedule,
)
from dienhinh.calendar._holidays import days_off_of
from dienhinh.calendar._time import as_day, as_readings, as_year, parse_day, parse_moment

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
        chosen = read(A_4="previous-emulation-year", A_3="literal")
        w = achievement_window(tq, D(2024, 10, 1), readings=chosen)
        assert (w.start, w.end) == (D(2023, 10, 1), D(2024, 10, 1))
        day_before = achievement_window(tq, D(2024, 9, 30), readings=chosen)
        assert day_before.start == D(2022, 10, 1)

    def test_calendar_year_on_01_10_itself(self, tq: Ruleset) -> None:
        """A-4 default ``calendar-year``: 01/10 of the year before the end's year (A-3 literal:
        through 01/10 itself; the default one year stops the day before)."""
        w = achievement_window(tq, D(2024, 10, 1), readings=read(A_3="literal"))
        assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2024, 10, 1), 367)
        w = achievement_window(tq, D(2024, 10, 1))
        assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2024, 9, 30), 366)


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
        for chosen in (read(A_3="literal"), read(), read(A_3="emulation-year")):
            w = achievement_window(tq, D(2024, 9, 30), readings=chosen)
            assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2024, 9, 30), 366)
            assert "window.longer_than_a_year" not in [r.code for r in w.reasons]

    def test_the_literal_window_past_30_09_says_it_is_longer(self, tq: Ruleset) -> None:
        """A-2, A-3: a window to 01/10 is one day longer than “01 năm”, and the reason names
        30/09 as the day it passed."""
        w = achievement_window(tq, D(2024, 10, 1), readings=read(A_3="literal"))
        long = [r for r in w.reasons if r.code == "window.longer_than_a_year"]
        assert len(long) == 1
        assert long[0].params["anniversary"] == "2024-09-30"


R = Rule("TQ-8.3b", Citation("TQ", "8", "3", "b"))
BK = load_ruleset("bac-kan-2021")
TQ = load_ruleset("tuyen-quang-2023")


class TestMessages:
    """Bad input is a specific error whose one line names the field, the value, what is wrong
    and what is allowed (src/dienhinh/_errors.py); a naive timestamp names A-16."""

    CASES: ClassVar[dict[str, tuple[Callable[[], object], type[Exception], str]]] = {
        "year_bool": (
            lambda: as_year(True),
            InvalidTypeError,
            "year=True: must be an integer year",
        ),
        "year_str": (
            lambda: as_year("2024"),
            InvalidTypeError,
            "year='2024': must be an integer year",
        ),
        "year_low": (
            lambda: as_year(1899),
            InvalidValueError,
            "year=1899: is outside the years the calendar handles; allowed: 1900–2199",
        ),
        "year_high": (
            lambda: as_year(2200),
            InvalidValueError,
            "year=2200: is outside the years the calendar handles; allowed: 1900–2199",
        ),
        "day_dt": (
            lambda: as_day(dt.datetime(2024, 1, 1), field="x"),
            InvalidTypeError,
            "x=datetime.datetime(2024, 1, 1, 0, 0): is a datetime where a date is meant; pass value.date() or a timestamp where one is accepted",
        ),
        "day_str": (
            lambda: as_day("2024-01-01", field="x"),
            InvalidTypeError,
            "x='2024-01-01': must be a datetime.date",
        ),
        "day_year": (
            lambda: as_day(D(1800, 1, 1), field="x"),
            InvalidValueError,
            "x.year=1800: is outside the years the calendar handles; allowed: 1900–2199",
        ),
        "readings": (
            lambda: as_readings({}),
            InvalidTypeError,
            "readings={}: must be a dienhinh.Readings",
        ),
        "local_notdt": (
            lambda: local_day(D(2024, 1, 1)),  # type: ignore[arg-type]
            InvalidTypeError,
            "at=datetime.date(2024, 1, 1): must be an aware datetime.datetime",
        ),
        "local_naive": (
            lambda: local_day(dt.datetime(2024, 1, 1)),
            NaiveDatetimeError,
            "at=datetime.datetime(2024, 1, 1, 0, 0): has no UTC offset; judging it would be a guess (A-16); allowed: an aware datetime, e.g. 2024-10-29T18:30:00Z or ...+07:00",
        ),
        "parse_day_len": (
            lambda: parse_day("2024-1-1"),
            ImpossibleDateError,
            "date='2024-1-1': is not a calendar date; allowed: YYYY-MM-DD that exists",
        ),
        "parse_day_bad": (
            lambda: parse_day("2024-02-30"),
            ImpossibleDateError,
            "date='2024-02-30': is not a calendar date; allowed: YYYY-MM-DD that exists",
        ),
        "parse_moment_bad": (
            lambda: parse_moment("2024-02-30T00:00"),
            ImpossibleDateError,
            "at='2024-02-30T00:00': is neither a date nor a timestamp; allowed: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z or ±HH:MM",
        ),
        "parse_moment_naive": (
            lambda: parse_moment("2024-02-03T00:00"),
            NaiveDatetimeError,
            "at='2024-02-03T00:00': has no UTC offset; judging it would be a guess (A-16); allowed: a timestamp ending in Z or ±HH:MM",
        ),
        "days_off_str": (
            lambda: days_off_of("2024-01-01"),
            InvalidTypeError,
            "days_off='2024-01-01': must be a collection of dates",
        ),
        "days_off_int": (
            lambda: days_off_of(5),  # type: ignore[arg-type]
            InvalidTypeError,
            "days_off=5: must be a collection of dates",
        ),
        "dl_month": (
            lambda: Deadline("x", 13, 1, R, "a", "b"),
            ImpossibleDateError,
            "deadline.month=13: is not a month; allowed: 1–12",
        ),
        "dl_month_bool": (
            lambda: Deadline("x", True, 1, R, "a", "b"),
            ImpossibleDateError,
            "deadline.month=True: is not a month; allowed: 1–12",
        ),
        "dl_day": (
            lambda: Deadline("x", 1, 32, R, "a", "b"),
            ImpossibleDateError,
            "deadline.day=32: is not a day of a month; allowed: 1–31",
        ),
        "dl_day0": (
            lambda: Deadline("x", 1, 0, R, "a", "b"),
            ImpossibleDateError,
            "deadline.day=0: is not a day of a month; allowed: 1–31",
        ),
        "dl_rule": (
            lambda: Deadline("x", 1, 1, "R", "a", "b"),  # type: ignore[arg-type]
            InvalidTypeError,
            "deadline.rule='R': must be a dienhinh.Rule",
        ),
        "dl_feb29": (
            lambda: Deadline("x", 2, 29, R, "a", "b"),
            ImpossibleDateError,
            "deadline.day=29: is not a day of every year; allowed: a day that month 2 has in every year (29/02 is not)",
        ),
        "dl_apr31": (
            lambda: Deadline("x", 4, 31, R, "a", "b"),
            ImpossibleDateError,
            "deadline.day=31: is not a day of every year; allowed: a day that month 4 has in every year (29/02 is not)",
        ),
        "dl_wording": (
            lambda: Deadline("x", 1, 1, R, "a", "b", "soon"),
            InvalidValueError,
            "deadline.wording='soon': is not a Wording; allowed: before, no-later-than",
        ),
        "wp_month": (
            lambda: WindowPolicy(0, 1, R),
            ImpossibleDateError,
            "window.start_month=0: is not a month; allowed: 1–12",
        ),
        "wp_day": (
            lambda: WindowPolicy(1, 0, R),
            ImpossibleDateError,
            "window.start_day=0: is not a day of a month; allowed: 1–31",
        ),
        "wp_rule": (
            lambda: WindowPolicy(1, 1, "R"),  # type: ignore[arg-type]
            InvalidTypeError,
            "window.rule='R': must be a dienhinh.Rule",
        ),
        "wp_feb29": (
            lambda: WindowPolicy(2, 29, R),
            ImpossibleDateError,
            "window.start_day=29: is not a day of every year; allowed: a day that month 2 has in every year (29/02 is not)",
        ),
        "check_type": (
            lambda: check_deadline(TQ, "dossier-submission", 2024, "2024-10-01"),  # type: ignore[arg-type]
            InvalidTypeError,
            "submitted='2024-10-01': must be a datetime.date or an aware datetime.datetime",
        ),
        "check_days_off": (
            lambda: check_deadline(
                TQ, "dossier-submission", 2024, D(2024, 10, 1), days_off=[D(2024, 10, 2)]
            ),
            InvalidValueError,
            "days_off=[datetime.date(2024, 10, 2)]: are given, but A-17 reads 'no-roll-over', so no day off can move a deadline; allowed: no days off, or A-17 = roll-over",
        ),
        "window_none": (
            lambda: achievement_window(BK, D(2024, 1, 1)),
            InvalidValueError,
            "ruleset='bac-kan-2021': defines no achievement window; allowed: a ruleset with a [window] table, e.g. tuyen-quang-2023",
        ),
        "window_needs_deadline": (
            lambda: achievement_window(
                TQ, D(2024, 1, 1), readings=Readings().choose("A-2", "deadline-date")
            ),
            InvalidValueError,
            "deadline: is needed: A-2 reads the window's end as the level's consideration deadline; allowed: unit-consideration, dossier-submission, province-consideration",
        ),
        "window_deadline_without": (
            lambda: achievement_window(TQ, D(2024, 1, 1), deadline="x"),
            InvalidValueError,
            "deadline='x': is read only under A-2 = deadline-date; allowed: no deadline, or readings A-2 = deadline-date",
        ),
        "window_in_dt": (
            lambda: dt.datetime(2024, 1, 1) in achievement_window(TQ, D(2024, 1, 1)),
            InvalidTypeError,
            "day=datetime.datetime(2024, 1, 1, 0, 0): must be a datetime.date (not a datetime)",
        ),
        "window_in_str": (
            lambda: "x" in achievement_window(TQ, D(2024, 1, 1)),
            InvalidTypeError,
            "day='x': must be a datetime.date (not a datetime)",
        ),
        "q_year": (
            lambda: Quarter(1800, 1),
            InvalidValueError,
            "quarter.year=1800: is not a year the calendar handles; allowed: 1900–2199",
        ),
        "q_year_bool": (
            lambda: Quarter(True, 1),
            InvalidValueError,
            "quarter.year=True: is not a year the calendar handles; allowed: 1900–2199",
        ),
        "q_num": (
            lambda: Quarter(2024, 5),
            InvalidValueError,
            "quarter.number=5: is not a quarter; allowed: 1–4",
        ),
        "q_num0": (
            lambda: Quarter(2024, 0),
            InvalidValueError,
            "quarter.number=0: is not a quarter; allowed: 1–4",
        ),
        "q_part": (
            lambda: Quarter(2024, 1, "late"),
            InvalidValueError,
            "quarter.part='late': is not a QuarterPart; allowed: whole, early",
        ),
        "dr_type": (
            lambda: DateRange("2024-01-01", D(2024, 1, 1)),
            InvalidTypeError,
            "date='2024-01-01': must be a datetime.date",
        ),
        "dr_dt": (
            lambda: DateRange(dt.datetime(2024, 1, 1), D(2024, 1, 1)),
            InvalidTypeError,
            "date=datetime.datetime(2024, 1, 1, 0, 0): must be a datetime.date",
        ),
        "dr_year": (
            lambda: DateRange(D(1800, 1, 1), D(2024, 1, 1)),
            InvalidValueError,
            "date=datetime.date(1800, 1, 1): is not in a year the calendar handles",
        ),
        "dr_order": (
            lambda: DateRange(D(2024, 1, 2), D(2024, 1, 1)),
            InvalidValueError,
            "end=datetime.date(2024, 1, 1): ends before it starts; allowed: ≥ 2024-01-02",
        ),
        "ms_when": (
            lambda: Milestone("x", "a", "b", "Q1", R),  # type: ignore[arg-type]
            InvalidTypeError,
            "milestone.when='Q1': must be a Quarter or a DateRange",
        ),
        "ms_rule": (
            lambda: Milestone("x", "a", "b", Quarter(2024, 1), "R"),  # type: ignore[arg-type]
            InvalidTypeError,
            "milestone.rule='R': must be a dienhinh.Rule",
        ),
        "sched_days_off": (
            lambda: year_schedule(TQ, 2024, days_off=[D(2024, 1, 1)]),
            InvalidValueError,
            "days_off=[datetime.date(2024, 1, 1)]: are given, but A-17 reads 'no-roll-over', so no day off can move a deadline; allowed: no days off, or A-17 = roll-over",
        ),
        "sched_year": (
            lambda: year_schedule(TQ, 1800),
            InvalidValueError,
            "year=1800: is outside the years the calendar handles; allowed: 1900–2199",
        ),
    }

    @pytest.mark.parametrize("case", list(CASES))
    def test_the_message(self, case: str) -> None:
        make, error, message = self.CASES[case]
        with pytest.raises(error) as raised:
            make()
        assert str(raised.value) == message

    def test_a_timestamp_beyond_the_calendar(self) -> None:
        """A moment whose Vietnam day overflows Python's dates is an input error, not a crash."""
        far = dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
        with pytest.raises(InvalidValueError, match="outside the years the calendar handles"):
            local_day(far)

    def test_the_edges_of_what_is_allowed(self) -> None:
        """1900 and 2199 are handled years; 31 is a day of January; 12 and 4 are a month and a
        quarter; a range of one day ends where it starts."""
        assert as_year(1900) == 1900
        assert as_year(2199) == 2199
        assert Deadline("x", 12, 31, R, "a", "b").on(2199) == D(2199, 12, 31)
        assert Deadline("x", 1, 1, R, "a", "b").on(1900) == D(1900, 1, 1)
        assert WindowPolicy(12, 31, R).start_in(2024) == D(2024, 12, 31)
        assert Quarter(2199, 4).end == D(2199, 12, 31)
        assert Quarter(1900, 1).start == D(1900, 1, 1)
        assert DateRange(D(2024, 1, 1), D(2024, 1, 1)).en == "2024-01-01"
        assert as_day(D(1900, 1, 1), field="x") == D(1900, 1, 1)


CITATION_TQ_33 = TQ.window.rule.citation.to_json() if TQ.window else {}


class TestTheRecords:
    """The JSON of a window, a deadline, a schedule (docs/calendar.md, docs/schemas/)."""

    def test_the_window_json(self) -> None:
        """TQ-3.3 on 20/12/2024, A-3 literal: 447 days from 01/10/2023, longer than a year (A-2,
        A-3)."""
        doc = achievement_window(TQ, D(2024, 12, 20), readings=read(A_3="literal")).to_json()
        assert {k: doc[k] for k in ("start", "end", "consideration", "days", "policy")} == {
            "start": "2023-10-01",
            "end": "2024-12-20",
            "consideration": "2024-12-20",
            "days": 447,
            "policy": "literal",
        }
        assert doc["rule"] == {"id": "TQ-3.3", "citation": CITATION_TQ_33}
        assert doc["ruleset"] == {"id": "tuyen-quang-2023", "status": "draft"}
        assert [(u["id"], u["reading"]) for u in doc["readings"]] == [
            ("A-2", "meeting-date"),
            ("A-3", "literal"),
            ("A-4", "calendar-year"),
            ("A-18", "allowed-visible"),
        ]
        assert [r["code"] for r in doc["reasons"]] == [
            "ruleset.draft",
            "window.period",
            "window.longer_than_a_year",
        ]
        period = doc["reasons"][1]
        assert period["vi"] == (
            "Thành tích được tính từ 01/10/2023 đến 20/12/2024 (447 ngày): từ ngày 01/10 năm "
            "trước đến thời điểm xét tặng."
        )
        assert period["en"] == (
            "Achievements count from 2023-10-01 to 2024-12-20 (447 days): from 01/10 of the "
            "previous year to the consideration date."
        )

    def test_the_emulation_year_in_words(self) -> None:
        """A-3 ``emulation-year``: the reason says the year runs through 30/09 and is capped."""
        w = achievement_window(TQ, D(2024, 12, 20), readings=read(A_3="emulation-year"))
        period = next(r for r in w.reasons if r.code == "window.period")
        assert period.params["how_vi"] == (
            "năm thi đua từ ngày 01/10 năm trước đến hết ngày 30/09/2024, không vượt quá thời "
            "điểm xét tặng"
        )
        assert period.params["how_en"] == (
            "the emulation year from 01/10 of the previous year through 2024-09-30, capped at "
            "the consideration date"
        )
        assert w.policy == "emulation-year"

    def test_the_window_policy(self) -> None:
        """TQ-3.3: the window starts on 01/10 each year."""
        policy = TQ.window
        assert policy is not None
        assert policy.start_text == "01/10"
        assert policy.to_json() == {
            "start_month": 10,
            "start_day": 1,
            "rule": {"id": "TQ-3.3", "citation": CITATION_TQ_33},
        }

    def test_a_deadline_and_its_json(self) -> None:
        """TQ-8.3b “trước 30/10 hằng năm”."""
        deadline = TQ.deadline("dossier-submission")
        assert deadline.to_json() == {
            "name": "dossier-submission",
            "month": 10,
            "day": 30,
            "wording": "before",
            "title_vi": "Gửi hồ sơ đề nghị về Sở Nội vụ",
            "title_en": "Dossiers reach the Department of Home Affairs",
            "rule": deadline.rule.to_json(),
        }
        assert deadline.rule.id == "TQ-8.3b"
        assert (Wording.BEFORE.vi, Wording.BEFORE.en) == ("trước ngày", "before")
        assert (Wording.NO_LATER_THAN.vi, Wording.NO_LATER_THAN.en) == (
            "chậm nhất ngày",
            "no later than",
        )

    def test_the_check_of_a_timestamp(self) -> None:
        """TQ-8.3b with A-1 strict and A-16: 18:30 UTC on 29/10 is 30/10 in Vietnam, a day late."""
        at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.UTC)
        doc = check_deadline(TQ, "dossier-submission", 2024, at).to_json()
        assert {k: v for k, v in doc.items() if k not in ("rule", "readings", "reasons")} == {
            "name": "dossier-submission",
            "year": 2024,
            "deadline": "2024-10-30",
            "last_day_on_time": "2024-10-29",
            "submitted_on": "2024-10-30",
            "submitted_at": "2024-10-29T18:30:00+00:00",
            "on_time": False,
            "days_early": 0,
            "days_late": 1,
            "ruleset": {"id": "tuyen-quang-2023", "status": "draft"},
        }
        assert doc["rule"]["id"] == "TQ-8.3b"
        assert [u["id"] for u in doc["readings"]] == ["A-1", "A-16", "A-17", "A-18"]
        stamp = doc["reasons"][1]
        assert stamp["code"] == "deadline.timestamp"
        assert stamp["vi"] == (
            "Thời điểm 01:30 ngày 30/10/2024 (giờ Việt Nam) là ngày 30/10/2024 theo giờ Việt Nam (UTC+7) (A-16)."
        )
        utc = check_deadline(TQ, "dossier-submission", 2024, at, readings=read(A_16="utc"))
        assert utc.submitted_on == D(2024, 10, 29)
        assert utc.on_time
        assert utc.reasons[1].params["zone_en"] == "UTC"
        assert utc.reasons[1].params["zone_vi"] == "giờ UTC"
        last = next(r for r in utc.reasons if r.code == "deadline.last_day")
        assert last.params["reading_en"] == "“before” read strictly: the day itself is late, A-1"
        on_time = next(r for r in utc.reasons if r.code == "deadline.on_time")
        assert dict(on_time.params) == {
            "submitted": "2024-10-29",
            "last_day": "2024-10-29",
            "days": 0,
            "act_vi": "Nộp",
            "act_en": "Submitted",
        }

    def test_a_day_checked_without_a_timestamp(self) -> None:
        """A day needs no A-16; its JSON has no timestamp."""
        c = check_deadline(TQ, "dossier-submission", 2024, D(2024, 10, 20))
        assert c.to_json()["submitted_at"] is None
        assert (c.on_time, c.days_early, c.days_late) == (True, 9, 0)
        assert "A-16" not in [u.id for u in c.readings]
        inclusive = check_deadline(
            TQ, "dossier-submission", 2024, D(2024, 10, 30), readings=read(A_1="inclusive")
        )
        assert inclusive.on_time
        last = next(r for r in inclusive.reasons if r.code == "deadline.last_day")
        assert last.params["reading_vi"] == "“trước ngày” hiểu là không muộn hơn ngày đó, A-1"

    def test_the_bac_kan_schedule_json(self) -> None:
        """BK-IV.2: Q1 2023, early Q2 2023 (read as April, A-33) and Q2 2023."""
        doc = year_schedule(BK, 2023).to_json()
        assert doc["ruleset"] == {"id": "bac-kan-2021", "status": "issued"}
        a33 = [{"id": "A-33", "reading": "first-month", "default": True}]
        assert (doc["year"], doc["readings"], doc["reasons"]) == (2023, a33, [])
        early = doc["events"][1]
        assert {k: v for k, v in early.items() if k != "citation"} == {
            "id": "preliminary-review-education",
            "kind": "milestone",
            "start": "2023-04-01",
            "end": "2023-04-30",
            "title_vi": "Ngành Giáo dục và Đào tạo sơ kết công tác xây dựng điển hình tiên tiến",
            "title_en": "Preliminary review in the education sector",
            "written_vi": "Đầu Quý II năm 2023",
            "deadline": None,
            "note_vi": "“Đầu quý” được hiểu là tháng đầu tiên của quý (A-33 “first-month”).",
            "note_en": "“Early in the quarter” is read as the quarter's first month (A-33 “first-month”).",
            "rule": "BK-IV.2",
        }
        assert early["citation"] == BK.milestones[2].rule.citation.to_json()
        assert [e["written_vi"] for e in doc["events"]] == [
            "Quý I năm 2023",
            "Đầu Quý II năm 2023",
            "Quý II năm 2023",
        ]
        assert doc["events"][0]["note_vi"] is None

    def test_a_milestone_and_its_quarter(self) -> None:
        """BK-IV.1 “trong Quý III năm 2021”."""
        milestone = BK.milestones[0]
        doc = milestone.to_json()
        assert {k: v for k, v in doc.items() if k != "rule"} == {
            "id": "unit-plans",
            "title_vi": "Các đơn vị, địa phương ban hành Kế hoạch xây dựng điển hình tiên tiến",
            "title_en": "Units issue their plans for building exemplars",
            "when": {"year": 2021, "quarter": 3, "part": "whole"},
            "start": "2021-07-01",
            "end": "2021-09-30",
        }
        assert doc["rule"]["id"] == "BK-IV.1"
        early = Quarter(2023, 2, QuarterPart.EARLY)
        assert (early.vi, early.en) == ("Đầu Quý II năm 2023", "early Q2 2023")
        assert early.to_json() == {"year": 2023, "quarter": 2, "part": "early"}
        whole = Quarter(2023, 4)
        assert (whole.vi, whole.en, whole.note_vi, whole.note_en) == (
            "Quý IV năm 2023",
            "Q4 2023",
            None,
            None,
        )

    def test_a_milestone_on_a_range_of_days(self) -> None:
        """NT-III.2 “đến hết năm 2025”: a one-day milestone on 31/12/2025."""
        milestone = load_ruleset("ninh-thuan-2023").milestones[0]
        assert milestone.to_json()["when"] == {"start": "2025-12-31", "end": "2025-12-31"}
        assert milestone.when.vi == "ngày 31/12/2025"
        assert (milestone.when.note_vi, milestone.when.note_en) == (None, None)
        span = DateRange(D(2025, 1, 1), D(2025, 12, 31))
        assert span.vi == "từ ngày 01/01/2025 đến ngày 31/12/2025"
        assert span.en == "2025-01-01 to 2025-12-31"
        schedule = year_schedule(load_ruleset("ninh-thuan-2023"), 2025)
        event = schedule.events[-1]
        assert (event.id, event.written_vi, event.kind) == (
            "plan-period-end",
            "ngày 31/12/2025",
            EventKind.MILESTONE,
        )

    def test_a_deadline_event(self) -> None:
        """TQ-6.1a “Trước ngày 15/10”: under A-1 strict the event sits on 14/10."""
        doc = year_schedule(TQ, 2024).to_json()
        first = doc["events"][0]
        assert {k: v for k, v in first.items() if k != "citation"} == {
            "id": "unit-consideration",
            "kind": "deadline",
            "start": "2024-10-14",
            "end": "2024-10-14",
            "title_vi": "Xét công nhận điển hình tiên tiến cơ quan, tổ chức, đơn vị",
            "title_en": "Unit-level consideration",
            "written_vi": "trước ngày 15/10/2024",
            "deadline": "2024-10-15",
            "note_vi": None,
            "note_en": None,
            "rule": "TQ-6.1a",
        }
        assert first["citation"] == TQ.deadlines[0].rule.citation.to_json()
        assert doc["ruleset"] == {"id": "tuyen-quang-2023", "status": "draft"}
        assert [u["id"] for u in doc["readings"]] == ["A-1", "A-17", "A-18"]
        assert [r["code"] for r in doc["reasons"]] == ["ruleset.draft"]


class TestMoreMessages:
    """The same error contract for ids, titles, and the edges of time (A-16)."""

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (
                lambda: Milestone("Bad Id", "a", "b", Quarter(2024, 1), R),
                "milestone.id='Bad Id': is not an id; allowed: lower-case a-z, 0-9 and single hyphens",
            ),
            (
                lambda: Milestone("x", "", "b", Quarter(2024, 1), R),
                "milestone.title_vi='': must not be blank",
            ),
            (
                lambda: Milestone("x", "a", "", Quarter(2024, 1), R),
                "milestone.title_en='': must not be blank",
            ),
            (
                lambda: Deadline("Bad Id", 1, 1, R, "a", "b"),
                "deadline.name='Bad Id': is not an id; allowed: lower-case a-z, 0-9 and single hyphens",
            ),
            (lambda: Deadline("x", 1, 1, R, "", "b"), "deadline.title_vi='': must not be blank"),
            (lambda: Deadline("x", 1, 1, R, "a", ""), "deadline.title_en='': must not be blank"),
            (
                lambda: roll_over(dt.datetime(2024, 1, 1)),
                "day=datetime.datetime(2024, 1, 1, 0, 0): is a datetime where a date is meant; "
                "pass value.date() or a timestamp where one is accepted",
            ),
            (
                lambda: local_day(dt.datetime(2199, 12, 31, 20, 0, tzinfo=dt.UTC)),
                "at.year=2200: is outside the years the calendar handles; allowed: 1900–2199",
            ),
            (
                lambda: last_day_on_time(TQ, "dossier-submission", 2200),
                "year=2200: is outside the years the calendar handles; allowed: 1900–2199",
            ),
        ],
    )
    def test_the_message(self, make: Callable[[], object], message: str) -> None:
        with pytest.raises((InvalidValueError, InvalidTypeError)) as raised:
            make()
        assert str(raised.value) == message

    def test_a_zone_without_an_offset_is_naive(self) -> None:
        """A-16: a ``tzinfo`` whose offset is ``None`` leaves the moment naive (Python's own
        definition of an aware datetime): judging it would be a guess."""

        class NoOffset(dt.tzinfo):
            def utcoffset(self, _: dt.datetime | None) -> dt.timedelta | None:
                return None

            def dst(self, _: dt.datetime | None) -> dt.timedelta | None:
                return None

            def tzname(self, _: dt.datetime | None) -> str | None:
                return None

        with pytest.raises(NaiveDatetimeError, match=r"A-16"):
            local_day(dt.datetime(2024, 1, 1, tzinfo=NoOffset()))

    def test_an_unsupported_timestamp_field_is_named(self) -> None:
        """The field a caller names is the one the message names."""
        with pytest.raises(InvalidTypeError, match=r"^submitted=datetime\.date"):
            local_day(D(2024, 1, 1), field="submitted")  # type: ignore[arg-type]
        with pytest.raises(ImpossibleDateError, match=r"^when="):
            parse_day("2024-13-01", field="when")
        with pytest.raises(ImpossibleDateError, match=r"^when="):
            parse_moment("2024-13-01T00:00Z", field="when")
        assert parse_moment("2024-10-29") == D(2024, 10, 29)
        moment = parse_moment("2024-10-29T18:30:00+07:00")
        assert isinstance(moment, dt.datetime)
        assert moment.utcoffset() == dt.timedelta(hours=7)


def with_plan(ruleset: Ruleset, **changes: Any) -> Ruleset:
    """``ruleset`` with other deadlines, milestones or period, as a province could write."""
    return attrs.evolve(ruleset, **changes)


class TestScheduleEdges:
    """The year's schedule takes every deadline, and every milestone that touches the year."""

    def test_days_off_move_a_deadline_under_roll_over(self) -> None:
        """A-17 ``roll-over`` (Civil Code Art. 148(5)): an added day off on the last day on time,
        Monday 14/10/2024, moves the unit-level deadline (TQ-6.1a) to Tuesday 15/10."""
        chosen = read(A_17="roll-over")
        s = year_schedule(TQ, 2024, readings=chosen, days_off=[D(2024, 10, 14)])
        assert (s.events[0].id, s.events[0].start) == ("unit-consideration", D(2024, 10, 15))
        assert ("A-17", "roll-over") in [(u.id, u.reading) for u in s.readings]

    def test_a_milestone_touching_1_january_and_31_december(self) -> None:
        """A range ending on 01/01 touches that year; one ending on 31/12 of the year before
        does not; deadlines of both wordings record their readings."""
        touching = Milestone("jan", "a", "b", DateRange(D(2023, 12, 20), D(2024, 1, 1)), R)
        before = Milestone("dec", "a", "b", DateRange(D(2023, 12, 1), D(2023, 12, 31)), R)
        after = Milestone("next", "a", "b", DateRange(D(2025, 1, 1), D(2025, 1, 2)), R)
        last = Milestone("eve", "a", "b", DateRange(D(2024, 12, 31), D(2025, 1, 2)), R)
        no_later = Deadline("late-no", 11, 5, R, "t", "t", Wording.NO_LATER_THAN)
        plan = with_plan(
            TQ, milestones=(touching, before, after, last), deadlines=(TQ.deadlines[0], no_later)
        )
        s = year_schedule(plan, 2024)
        assert [(e.id, e.start, e.written_vi) for e in s.events] == [
            ("jan", D(2023, 12, 20), "từ ngày 20/12/2023 đến ngày 01/01/2024"),
            ("unit-consideration", D(2024, 10, 14), "trước ngày 15/10/2024"),
            ("late-no", D(2024, 11, 5), "chậm nhất ngày 05/11/2024"),
            ("eve", D(2024, 12, 31), "từ ngày 31/12/2024 đến ngày 02/01/2025"),
        ]
        assert [u.id for u in s.readings] == ["A-1", "A-17", "A-18"]
        assert s.events[0].title_en == "b"

    @pytest.mark.parametrize(
        ("ruleset", "year", "period", "period_vi"),
        [
            ("bac-kan-2021", 2027, "2021-07-19 – 2025-12-31", "19/07/2021 – 31/12/2025"),
            ("ninh-thuan-2023", 2026, "… – 2025-12-31", "… – 31/12/2025"),
            ("kon-tum-2022", 2021, "2022-11-29 – …", "29/11/2022 – …"),
        ],
    )
    def test_a_year_outside_the_document(
        self, ruleset: str, year: int, period: str, period_vi: str
    ) -> None:
        """A plan's period (BK, NT-III.2, KT): a year outside it is warned about, with the
        period as the document gives it (an open end as “…”), dd/mm/yyyy in Vietnamese."""
        rs = load_ruleset(ruleset)
        reason = year_schedule(rs, year).reasons[-1]
        assert reason.code == "schedule.outside_effect"
        assert dict(reason.params) == {"year": year, "period": period, "period_vi": period_vi}
        assert reason.vi == f"Năm {year} nằm ngoài thời gian áp dụng của văn bản ({period_vi})."
        assert reason.en == f"The year {year} is outside the document's period ({period})."
        assert reason.rule == rs.effective.rule

    def test_a_year_sharing_one_day_with_the_document_is_inside(self) -> None:
        """A document in force from 31/12 or until 01/01 of a year applies in that year."""
        bk = load_ruleset("bac-kan-2021")
        late = with_plan(bk, effective=attrs.evolve(bk.effective, start=D(2027, 12, 31), end=None))
        early = with_plan(bk, effective=attrs.evolve(bk.effective, end=D(2027, 1, 1)))
        # Inside: no outside-effect notice; 2027 is after 01/07/2025, so the successor is named.
        assert [r.code for r in year_schedule(late, 2027).reasons] == ["ruleset.successor"]
        assert [r.code for r in year_schedule(early, 2027).reasons] == ["ruleset.successor"]
        assert year_schedule(early, 2028).reasons[-1].code == "schedule.outside_effect"


class TestIcs:
    """``Schedule.to_ics``: one all-day event per entry, stable and without the current time."""

    def test_the_calendar_file(self) -> None:
        icalendar = pytest.importorskip("icalendar")
        cal = icalendar.Calendar.from_ical(year_schedule(BK, 2023).to_ics())
        assert str(cal["PRODID"]) == "-//dienhinh//calendar//VI"
        assert str(cal["VERSION"]) == "2.0"
        assert str(cal["X-WR-CALNAME"]) == "bac-kan-2021 2023"
        events = list(cal.walk("VEVENT"))
        assert [str(e["UID"]) for e in events] == [
            "2023-preliminary-review@bac-kan-2021.dienhinh",
            "2023-preliminary-review-education@bac-kan-2021.dienhinh",
            "2023-provincial-conference@bac-kan-2021.dienhinh",
        ]
        early = events[1]
        assert early.decoded("DTSTAMP") == dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
        assert early.decoded("DTSTART") == D(2023, 4, 1)
        assert early.decoded("DTEND") == D(2023, 5, 1)
        assert str(early["SUMMARY"]) == (
            "Ngành Giáo dục và Đào tạo sơ kết công tác xây dựng điển hình tiên tiến"
        )
        assert str(early["DESCRIPTION"]).split("\n") == [
            "Preliminary review in the education sector",
            "Đầu Quý II năm 2023",
            f"BK-IV.2: {BK.milestones[2].rule.citation.vi}",
            "“Đầu quý” được hiểu là tháng đầu tiên của quý (A-33 “first-month”).",
            "“Early in the quarter” is read as the quarter's first month (A-33 “first-month”).",
        ]
        assert str(events[0]["DESCRIPTION"]).split("\n") == [
            "Preliminary review of the work on exemplars",
            "Quý I năm 2023",
            f"BK-IV.2: {BK.milestones[1].rule.citation.vi}",
        ]

    def test_a_draft_says_so_in_every_summary(self) -> None:
        """A-18: events read from the Tuyên Quang draft are marked as such."""
        icalendar = pytest.importorskip("icalendar")
        cal = icalendar.Calendar.from_ical(year_schedule(TQ, 2024).to_ics())
        summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
        assert summaries[0] == (
            "Xét công nhận điển hình tiên tiến cơ quan, tổ chức, đơn vị [DỰ THẢO / draft]"
        )
        assert all(s.endswith(" [DỰ THẢO / draft]") for s in summaries)

    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without ``icalendar`` the error names the feature, the extra and the package."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(MissingExtraError) as raised:
            year_schedule(BK, 2023).to_ics()
        assert str(raised.value) == (
            "iCalendar export needs the optional package 'icalendar'; "
            "install it with: pip install 'dienhinh[ics]'"
        )


class TestNumbersThatAreNotDays:
    """A month is 1–12, a day 1–31, a quarter 1–4 — as integers: ``True`` is not 1 and ``"5"``
    is not 5 (the texts' dates are numbers; a boolean in a ruleset file is a mistake)."""

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (
                lambda: Deadline("x", 1, True, R, "a", "b"),
                "deadline.day=True: is not a day of a month",
            ),
            (
                lambda: Deadline("x", 1, "5", R, "a", "b"),  # type: ignore[arg-type]
                "deadline.day='5': is not a day of a month",
            ),
            (lambda: Deadline("x", "5", 1, R, "a", "b"), "deadline.month='5': is not a month"),  # type: ignore[arg-type]
            (lambda: WindowPolicy(True, 1, R), "window.start_month=True: is not a month"),
            (lambda: WindowPolicy("5", 1, R), "window.start_month='5': is not a month"),  # type: ignore[arg-type]
            (lambda: WindowPolicy(13, 1, R), "window.start_month=13: is not a month"),
            (lambda: WindowPolicy(1, True, R), "window.start_day=True: is not a day of a month"),
            (lambda: WindowPolicy(1, "5", R), "window.start_day='5': is not a day of a month"),  # type: ignore[arg-type]
            (lambda: WindowPolicy(1, 32, R), "window.start_day=32: is not a day of a month"),
            (lambda: Quarter(2024, True), "quarter.number=True: is not a quarter"),
            (lambda: Quarter(2024, "2"), "quarter.number='2': is not a quarter"),  # type: ignore[arg-type]
            (lambda: Quarter("2024", 2), "quarter.year='2024': is not a year the calendar handles"),  # type: ignore[arg-type]
        ],
    )
    def test_refused(self, make: Callable[[], object], message: str) -> None:
        with pytest.raises(InvalidValueError) as raised:
            make()
        assert str(raised.value).startswith(message + ";")


class TestEdgesOfTheCalendar:
    """The handled years, the fields a caller names, a one-day window."""

    def test_the_handled_years_bound_a_date_range(self) -> None:
        """1900 and 2199 are the calendar's first and last years (src/dienhinh/calendar/_time.py)."""
        span = DateRange(D(1900, 1, 1), D(2199, 12, 31))
        assert (span.start, span.end) == (D(1900, 1, 1), D(2199, 12, 31))
        with pytest.raises(InvalidValueError, match="not in a year"):
            DateRange(D(2024, 1, 1), D(2200, 1, 1))

    def test_a_timestamp_beyond_python_names_the_field_and_value(self) -> None:
        far = dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
        with pytest.raises(InvalidValueError) as raised:
            local_day(far, field="submitted")
        assert (raised.value.field, raised.value.value) == ("submitted", far)
        assert str(raised.value).startswith("submitted=datetime.datetime(9999, 12, 31, 23, 0")
        assert str(raised.value).endswith(": is outside the years the calendar handles")

    def test_a_day_outside_the_years_names_its_field(self) -> None:
        with pytest.raises(InvalidValueError, match=r"^date\.year=1800: is outside"):
            parse_day("1800-01-01")
        with pytest.raises(InvalidValueError, match=r"^when\.year=1800: is outside"):
            parse_moment("1800-01-01", field="when")
        with pytest.raises(ImpossibleDateError, match=r"^when='2024-13-01'"):
            parse_moment("2024-13-01", field="when")

    def test_days_off_move_the_last_day_on_time(self) -> None:
        """A-17 ``roll-over``: an added day off on Monday 14/10/2024 moves TQ-6.1a's last day."""
        chosen = read(A_17="roll-over")
        day = last_day_on_time(
            TQ, "unit-consideration", 2024, readings=chosen, days_off=[D(2024, 10, 14)]
        )
        assert day == D(2024, 10, 15)

    def test_a_window_of_one_day_and_one_that_ends_before_it_starts(self) -> None:
        """A window is a closed interval: one day is a window; an end before the start is not."""
        w = achievement_window(TQ, D(2024, 12, 20))
        assert attrs.evolve(w, end=w.start).days == 1
        with pytest.raises(InvalidValueError) as raised:
            attrs.evolve(w, end=D(2023, 9, 30))
        assert str(raised.value) == (
            "end=datetime.date(2023, 9, 30): is before the window's start; allowed: ≥ 2023-10-01"
        )


class TestRollOverReasons:
    """A-17 ``roll-over`` (Civil Code Art. 148(5)): the reasons name the days skipped and why."""

    ROLL = read(A_17="roll-over")

    def test_a_weekend_moves_the_dossier_deadline(self) -> None:
        """TQ-8.3b in 2022: the last day on time, Saturday 29/10, moves to Monday 31/10."""
        c = check_deadline(TQ, "dossier-submission", 2022, D(2022, 10, 31), readings=self.ROLL)
        assert c.on_time
        last, rolled, on_time = c.reasons[1:]
        assert last.code == "deadline.last_day"
        assert dict(last.params) == {
            "title_vi": "Gửi hồ sơ đề nghị về Sở Nội vụ",
            "title_en": "Dossiers reach the Department of Home Affairs",
            "wording_vi": "trước ngày",
            "wording_en": "before",
            "due": "2022-10-30",
            "last_day": "2022-10-29",
            "reading_vi": "“trước ngày” hiểu theo nghĩa chặt: chính ngày đó đã muộn, A-1",
            "reading_en": "“before” read strictly: the day itself is late, A-1",
        }
        assert last.rule is not None
        assert last.rule.id == "TQ-8.3b"
        assert rolled.code == "deadline.rolled_over"
        assert rolled.rule is not None
        assert rolled.rule.id == "BLDS-148.5"
        assert dict(rolled.params) == {
            "day": "2022-10-29",
            "to": "2022-10-31",
            "skipped_vi": ["29/10/2022 Thứ Bảy", "30/10/2022 Chủ Nhật"],
            "skipped_en": ["2022-10-29 Saturday", "2022-10-30 Sunday"],
        }
        assert on_time.code == "deadline.on_time"
        assert on_time.rule is not None
        assert on_time.rule.id == "TQ-8.3b"
        assert dict(on_time.params) == {
            "submitted": "2022-10-31",
            "last_day": "2022-10-31",
            "days": 0,
            "act_vi": "Nộp",
            "act_en": "Submitted",
        }

    def test_a_holiday_and_an_added_day_off(self) -> None:
        """A deadline “chậm nhất ngày 01/01” (no A-1) on New Year's Day 2025, with 02/01 added
        as a day off: it moves to Friday 03/01; the holiday has its English name."""
        no_later = Deadline("new-year", 1, 1, R, "Năm mới", "New year", Wording.NO_LATER_THAN)
        plan = with_plan(TQ, deadlines=(no_later,))
        c = check_deadline(
            plan, "new-year", 2025, D(2025, 1, 3), readings=self.ROLL, days_off=[D(2025, 1, 2)]
        )
        assert c.last_day_on_time == D(2025, 1, 3)
        assert [u.id for u in c.readings] == ["A-17", "A-18"]
        last, rolled = c.reasons[1:3]
        assert (last.params["reading_vi"], last.params["reading_en"]) == (
            "chính ngày đó vẫn đúng hạn",
            "the day itself is on time",
        )
        assert (last.params["wording_vi"], last.params["wording_en"]) == (
            "chậm nhất ngày",
            "no later than",
        )
        assert (last.params["due"], last.params["last_day"]) == ("2025-01-01", "2025-01-01")
        vi, en = rolled.params["skipped_vi"], rolled.params["skipped_en"]
        assert (vi[1], en[1]) == ("02/01/2025 ngày nghỉ bổ sung", "2025-01-02 an added day off")
        holidays = pytest.importorskip("holidays")
        names = {
            language: holidays.country_holidays("VN", years=2025, language=language)[D(2025, 1, 1)]
            for language in ("vi", "en_US")
        }
        assert (vi[0], en[0]) == (f"01/01/2025 {names['vi']}", f"2025-01-01 {names['en_US']}")
        assert names["vi"] != names["en_US"]

    def test_the_first_and_last_handled_days_roll_over_or_stay(self) -> None:
        """1900 and 2199 are handled years: a working day in them stays where it is."""
        assert roll_over(D(1900, 1, 1)) == D(1900, 1, 1)
        assert roll_over(D(2199, 12, 31)) == D(2199, 12, 31)
        assert roll_over(D(2199, 12, 28)) == D(2199, 12, 30)


class TestTheCheckSaysWhy:
    """The check's reasons and messages for late submissions, and the field ``submitted``."""

    def test_late_by_two_days(self) -> None:
        """TQ-8.3b, A-1 strict: a dossier on 31/10/2024 is two days after the last day, 29/10."""
        c = check_deadline(TQ, "dossier-submission", 2024, D(2024, 10, 31))
        late = c.reasons[-1]
        assert late.code == "deadline.late"
        assert dict(late.params) == {
            "submitted": "2024-10-31",
            "last_day": "2024-10-29",
            "days": 2,
            "act_vi": "Nộp",
            "act_en": "Submitted",
        }
        assert (c.days_late, c.days_early, c.on_time) == (2, 0, False)

    def test_the_zone_in_english(self) -> None:
        """A-16: the timestamp's reason says which clock decided its day."""
        at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.UTC)
        stamp = check_deadline(TQ, "dossier-submission", 2024, at).reasons[1]
        assert stamp.params["zone_en"] == "Vietnam time (UTC+7)"
        assert stamp.params["zone_vi"] == "giờ Việt Nam (UTC+7)"

    @pytest.mark.parametrize(
        ("submitted", "message"),
        [
            (
                dt.datetime(2024, 1, 1),
                "submitted=datetime.datetime(2024, 1, 1, 0, 0): has no UTC offset; judging it "
                "would be a guess (A-16); allowed: an aware datetime, e.g. 2024-10-29T18:30:00Z "
                "or ...+07:00",
            ),
            (
                D(1800, 1, 1),
                "submitted.year=1800: is outside the years the calendar handles; allowed: 1900–2199",
            ),
        ],
    )
    def test_a_bad_submission_names_the_field(self, submitted: D, message: str) -> None:
        with pytest.raises(InvalidValueError) as raised:
            check_deadline(TQ, "dossier-submission", 2024, submitted)
        assert str(raised.value) == message

    def test_a_timestamp_field_that_is_not_one(self) -> None:
        check = check_deadline(TQ, "dossier-submission", 2024, D(2024, 10, 1))
        with pytest.raises(InvalidTypeError) as raised:
            attrs.evolve(check, submitted_at="x")
        assert str(raised.value) == "submitted_at='x': must be a datetime or None"
