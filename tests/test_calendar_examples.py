"""The calendar on the documents' own dates: the window, the deadlines, roll-over, the schedule."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest

from dienhinh import (
    INTERPRETATIONS,
    DocumentStatus,
    ImpossibleDateError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    NaiveDatetimeError,
    Readings,
    Ruleset,
    UnknownDeadlineError,
    load_ruleset,
)
from dienhinh.calendar import (
    VIETNAM_TIME,
    Deadline,
    EventKind,
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
from dienhinh.calendar._time import parse_moment

D = dt.date
UTC = dt.UTC


@pytest.fixture(scope="module")
def tq() -> Ruleset:
    return load_ruleset("tuyen-quang-2023")


def read(**choices: str) -> Readings:
    return Readings({k.replace("_", "-"): v for k, v in choices.items()})


def codes(result: Any) -> list[str]:
    return [r.code for r in result.reasons]


class TestWindowTQ33:
    """TQ-3.3: “tính từ ngày 01/10 năm trước đến thời điểm xét tặng”."""

    @pytest.mark.parametrize(
        ("consideration", "start", "end"),
        [
            (D(2024, 9, 30), D(2023, 10, 1), D(2024, 9, 30)),  # before 01/10
            (D(2024, 10, 1), D(2023, 10, 1), D(2024, 10, 1)),  # on 01/10
            (D(2024, 2, 29), D(2023, 10, 1), D(2024, 2, 29)),  # 29/02
            (D(2024, 12, 31), D(2023, 10, 1), D(2024, 12, 31)),  # 31/12
            (D(2024, 1, 1), D(2023, 10, 1), D(2024, 1, 1)),
        ],
    )
    def test_tq_3_3_literal_window_under_a3_literal(
        self, tq: Ruleset, consideration: D, start: D, end: D
    ) -> None:
        """A-3 literal (A-2, A-4 defaults): 01/10 of the calendar year before, through the
        consideration date."""
        w = achievement_window(tq, consideration, readings=read(A_3="literal"))
        assert (w.start, w.end, w.policy) == (start, end, "literal")
        assert consideration in w

    @pytest.mark.parametrize(
        ("consideration", "end"),
        [
            (D(2024, 9, 30), D(2024, 9, 30)),
            (D(2024, 10, 1), D(2024, 9, 30)),
            (D(2024, 2, 29), D(2024, 2, 29)),
            (D(2024, 12, 31), D(2024, 9, 30)),
            (D(2024, 1, 1), D(2024, 1, 1)),
        ],
    )
    def test_tq_3_3_default_window_is_one_year_capped_at_the_consideration_date(
        self, tq: Ruleset, consideration: D, end: D
    ) -> None:
        """A-3 emulation-year, the default: “trong thời gian 01 năm” — 01/10 → the earlier of the
        consideration date and 30/09; the same with the reading named."""
        for chosen in (None, read(A_3="emulation-year")):
            w = achievement_window(tq, consideration, readings=chosen)
            assert (w.start, w.end, w.policy) == (D(2023, 10, 1), end, "emulation-year")
            assert ("A-3", "emulation-year") in [(u.id, u.reading) for u in w.readings]

    def test_tq_3_3_a_december_consideration_is_longer_than_a_year_only_when_literal(
        self, tq: Ruleset
    ) -> None:
        """A-3: a province-level meeting on 20/12/2024 judges 366 days by default; read literally
        it stretches the “01 năm” window to 447 days, and says so."""
        default = achievement_window(tq, D(2024, 12, 20))
        assert (default.end, default.days) == (D(2024, 9, 30), 366)
        assert "window.longer_than_a_year" not in codes(default)
        w = achievement_window(tq, D(2024, 12, 20), readings=read(A_3="literal"))
        assert w.days == 447
        assert "window.longer_than_a_year" in codes(w)
        on_30_09 = achievement_window(tq, D(2024, 9, 30), readings=read(A_3="literal"))
        assert "window.longer_than_a_year" not in codes(on_30_09)

    def test_previous_emulation_year_goes_two_years_back_before_october(self, tq: Ruleset) -> None:
        """A-4 previous-emulation-year: a March date starts the window on 01/10 two years back."""
        chosen = read(A_4="previous-emulation-year")
        assert achievement_window(tq, D(2024, 3, 15), readings=chosen).start == D(2022, 10, 1)
        assert achievement_window(tq, D(2024, 10, 15), readings=chosen).start == D(2023, 10, 1)
        both = read(A_4="previous-emulation-year", A_3="emulation-year")
        w = achievement_window(tq, D(2024, 3, 15), readings=both)
        assert (w.start, w.end) == (D(2022, 10, 1), D(2023, 9, 30))

    def test_tq_3_3_a4_previous_emulation_year_with_literal_gives_up_to_two_years(
        self, tq: Ruleset
    ) -> None:
        """A-4 previous-emulation-year with A-3 literal: 29/09/2025 counts from 01/10/2023 — 730
        days, as its register entry says ("up to two years"), and says it is longer than a year."""
        chosen = read(A_4="previous-emulation-year", A_3="literal")
        w = achievement_window(tq, D(2025, 9, 29), readings=chosen)
        assert (w.start, w.end, w.days) == (D(2023, 10, 1), D(2025, 9, 29), 730)
        assert "window.longer_than_a_year" in codes(w)
        assert "up to two years" in INTERPRETATIONS["A-4"].reading("previous-emulation-year").en

    def test_deadline_date_ends_the_window_at_the_level_deadline(self, tq: Ruleset) -> None:
        """A-2 deadline-date: the end is the last day of the level's deadline (A-1 decides which);
        A-3 literal runs to it, the default one year stops at 30/09 before it."""
        one_year = achievement_window(
            tq,
            D(2024, 11, 5),
            readings=read(A_2="deadline-date"),
            deadline="province-consideration",
        )
        assert (one_year.start, one_year.end) == (D(2023, 10, 1), D(2024, 9, 30))
        chosen = read(A_2="deadline-date", A_3="literal")
        w = achievement_window(
            tq, D(2024, 11, 5), readings=chosen, deadline="province-consideration"
        )
        assert (w.start, w.end) == (D(2023, 10, 1), D(2024, 12, 30))
        inclusive = read(A_2="deadline-date", A_1="inclusive", A_3="literal")
        assert achievement_window(
            tq, D(2024, 11, 5), readings=inclusive, deadline="province-consideration"
        ).end == D(2024, 12, 31)
        assert {u.id for u in w.readings} >= {"A-1", "A-2", "A-17"}

    def test_a_deadline_needs_the_deadline_date_reading_and_vice_versa(self, tq: Ruleset) -> None:
        """A-2: the level's deadline is read only under deadline-date; without it that reading is an error."""
        with pytest.raises(InvalidValueError, match="A-2"):
            achievement_window(tq, D(2024, 11, 5), readings=read(A_2="deadline-date"))
        with pytest.raises(InvalidValueError, match="deadline-date"):
            achievement_window(tq, D(2024, 11, 5), deadline="province-consideration")

    def test_the_window_records_its_readings_rule_and_draft_status(self, tq: Ruleset) -> None:
        """A-18: a window read from the TQ draft says so; its reason cites TQ-3.3."""
        w = achievement_window(tq, D(2024, 12, 20))
        assert [u.id for u in w.readings] == ["A-2", "A-3", "A-4", "A-18"]
        assert w.status is DocumentStatus.DRAFT
        assert codes(w)[:2] == ["ruleset.draft", "window.period"]
        assert w.reasons[1].rule is not None
        assert w.reasons[1].rule.id == "TQ-3.3"
        assert w.to_json()["start"] == "2023-10-01"

    def test_a_draft_is_refused_under_a18_refuse(self, tq: Ruleset) -> None:
        """A-18 refuse: computing from a draft ruleset is an error."""
        with pytest.raises(InvalidValueError, match="draft"):
            achievement_window(tq, D(2024, 12, 20), readings=read(A_18="refuse"))

    def test_a_datetime_is_not_a_consideration_date(self, tq: Ruleset) -> None:
        """A datetime where a date is meant is a type error, not a silently dropped time."""
        with pytest.raises(InvalidTypeError, match="datetime where a date"):
            achievement_window(tq, dt.datetime(2024, 12, 20, 9, 0))
        with pytest.raises(InvalidTypeError):
            _ = dt.datetime(2024, 1, 1, tzinfo=UTC) in achievement_window(tq, D(2024, 12, 20))

    def test_a_ruleset_without_a_window_says_so(self) -> None:
        """Bắc Kạn's plan sets no achievement window: asking for one is an error naming the ruleset."""
        with pytest.raises(InvalidValueError, match="bac-kan-2021"):
            achievement_window(load_ruleset("bac-kan-2021"), D(2024, 12, 20))

    def test_a_window_policy_cannot_start_on_29_february(self, tq: Ruleset) -> None:
        """The window's start must be a day every year has."""
        with pytest.raises(ImpossibleDateError):
            WindowPolicy(2, 29, tq.window.rule if tq.window else None)  # type: ignore[arg-type]


class TestDeadlinesTQ61TQ83b:
    """TQ-6.1a “Trước ngày 15/10”, TQ-6.1b “Trước ngày 31/12”, TQ-8.3b “trước 30/10” hằng năm."""

    @pytest.mark.parametrize(
        ("name", "rule", "due"),
        [
            ("unit-consideration", "TQ-6.1a", D(2024, 10, 15)),
            ("dossier-submission", "TQ-8.3b", D(2024, 10, 30)),
            ("province-consideration", "TQ-6.1b", D(2024, 12, 31)),
        ],
    )
    def test_each_deadline_of_the_document(self, tq: Ruleset, name: str, rule: str, due: D) -> None:
        """A-1: strictly before X by default (last day X-1), X itself under inclusive."""
        d = tq.deadline(name)
        assert (d.rule.id, d.on(2024), d.wording) == (rule, due, Wording.BEFORE)
        assert last_day_on_time(tq, name, 2024) == due - dt.timedelta(days=1)
        assert last_day_on_time(tq, name, 2024, readings=read(A_1="inclusive")) == due
        on_x = check_deadline(tq, name, 2024, due)
        assert (on_x.on_time, on_x.days_late) == (False, 1)
        assert check_deadline(tq, name, 2024, due, readings=read(A_1="inclusive")).on_time

    def test_a_timestamp_is_judged_in_vietnam_time(self, tq: Ruleset) -> None:
        """A-16: 2024-10-29T18:30:00Z is 30/10 01:30 in Vietnam: late under the strict reading."""
        at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=UTC)
        c = check_deadline(tq, "dossier-submission", 2024, at)
        assert (c.submitted_on, c.on_time, c.days_late, c.days_early) == (
            D(2024, 10, 30),
            False,
            1,
            0,
        )
        assert c.submitted_at == at
        assert "deadline.timestamp" in codes(c)
        utc = check_deadline(tq, "dossier-submission", 2024, at, readings=read(A_16="utc"))
        assert (utc.submitted_on, utc.on_time) == (D(2024, 10, 29), True)

    def test_the_cli_form_of_the_timestamp(self) -> None:
        """A-16: the ISO text with Z parses to an aware timestamp on 30/10 in Vietnam."""
        at = parse_moment("2024-10-29T18:30:00Z")
        assert isinstance(at, dt.datetime)
        assert local_day(at) == D(2024, 10, 30)
        assert parse_moment("2024-10-29") == D(2024, 10, 29)

    def test_a_naive_timestamp_is_an_error_not_a_guess(self, tq: Ruleset) -> None:
        """A-16: a timestamp without a UTC offset is refused."""
        with pytest.raises(NaiveDatetimeError):
            check_deadline(tq, "dossier-submission", 2024, dt.datetime(2024, 10, 29, 18, 30))
        with pytest.raises(NaiveDatetimeError):
            parse_moment("2024-10-29T18:30:00")
        with pytest.raises(ImpossibleDateError):
            parse_moment("2024-02-30")

    def test_early_and_late_by_days(self, tq: Ruleset) -> None:
        """A-1 strict: the last day on time for the 30/10 dossiers is 29/10; counts are whole days."""
        early = check_deadline(tq, "dossier-submission", 2024, D(2024, 10, 20))
        assert (early.on_time, early.days_early, early.days_late) == (True, 9, 0)
        late = check_deadline(tq, "dossier-submission", 2024, D(2024, 11, 5))
        assert (late.on_time, late.days_early, late.days_late) == (False, 0, 7)
        assert codes(late)[-1] == "deadline.late"
        assert late.reasons[-1].rule is not None
        assert late.reasons[-1].rule.id == "TQ-8.3b"

    def test_the_deadline_json(self, tq: Ruleset) -> None:
        """The result carries the deadline as written, the last day on time and the Vietnam day."""
        j = check_deadline(
            tq, "dossier-submission", 2024, dt.datetime(2024, 10, 29, 18, 30, tzinfo=UTC)
        ).to_json()
        assert {
            k: j[k]
            for k in ("on_time", "deadline", "last_day_on_time", "submitted_on", "days_late")
        } == {
            "on_time": False,
            "deadline": "2024-10-30",
            "last_day_on_time": "2024-10-29",
            "submitted_on": "2024-10-30",
            "days_late": 1,
        }
        assert j["ruleset"] == {"id": "tuyen-quang-2023", "status": "draft"}
        json.dumps(j)

    def test_an_unknown_deadline_lists_the_known_ones(self, tq: Ruleset) -> None:
        """An unknown deadline name is an UnknownDeadlineError naming the ruleset's deadlines."""
        with pytest.raises(UnknownDeadlineError, match="dossier-submission"):
            check_deadline(tq, "dossier", 2024, D(2024, 10, 1))

    def test_bad_inputs_are_typed_errors(self, tq: Ruleset) -> None:
        """A string date, a bool year and a year out of range are refused with a clear error."""
        with pytest.raises(InvalidTypeError):
            check_deadline(tq, "dossier-submission", 2024, "2024-10-01")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError):
            check_deadline(tq, "dossier-submission", True, D(2024, 10, 1))
        with pytest.raises(InvalidValueError):
            check_deadline(tq, "dossier-submission", 10_000, D(2024, 10, 1))
        plain: object = {"A-1": "inclusive"}
        with pytest.raises(InvalidTypeError):
            check_deadline(tq, "dossier-submission", 2024, D(2024, 10, 1), readings=plain)  # type: ignore[arg-type]

    def test_no_later_than_is_inclusive_under_every_reading(self, tq: Ruleset) -> None:
        """A-1 does not apply to a deadline worded “chậm nhất ngày X”: X itself is on time."""
        d = Deadline(
            "x", 11, 15, tq.deadline("dossier-submission").rule, "x", "x", Wording.NO_LATER_THAN
        )
        rs = tq.variant("tq-no-later-than", deadlines=(d,))
        assert last_day_on_time(rs, "x", 2024) == D(2024, 11, 15)
        assert [u.id for u in check_deadline(rs, "x", 2024, D(2024, 11, 15)).readings] == [
            "A-17",
            "A-18",
        ]

    def test_a_deadline_cannot_fall_on_29_february(self, tq: Ruleset) -> None:
        """A yearly deadline must exist every year: 29/02 and 31/04 are refused."""
        rule = tq.deadline("dossier-submission").rule
        for month, day in ((2, 29), (4, 31), (13, 1), (1, 0)):
            with pytest.raises(ImpossibleDateError):
                Deadline("x", month, day, rule, "x", "x")


class TestRollOverA17:
    """A-17: a last day on a weekend or public holiday rolls to the next working day only when asked."""

    def test_the_saturday_example(self, tq: Ruleset) -> None:
        """A-1 inclusive + A-17 roll-over: 30/10/2027 is a Saturday, so Monday 01/11/2027 is on time."""
        chosen = read(A_1="inclusive", A_17="roll-over")
        c = check_deadline(tq, "dossier-submission", 2027, D(2027, 11, 1), readings=chosen)
        assert (c.due, c.last_day_on_time, c.on_time) == (D(2027, 10, 30), D(2027, 11, 1), True)
        assert "deadline.rolled_over" in codes(c)
        assert not check_deadline(
            tq, "dossier-submission", 2027, D(2027, 11, 2), readings=chosen
        ).on_time
        default = check_deadline(
            tq, "dossier-submission", 2027, D(2027, 11, 1), readings=read(A_1="inclusive")
        )
        assert (default.last_day_on_time, default.on_time) == (D(2027, 10, 30), False)

    def test_public_holidays_and_added_days_off(self) -> None:
        """A-17: Vietnamese public holidays (02/09 and its adjacent day) and caller-added days off roll over."""
        assert roll_over(D(2027, 9, 2)) == D(2027, 9, 6)  # Thu 2, Fri 3 holidays; Sat, Sun
        assert roll_over(D(2027, 10, 28)) == D(2027, 10, 28)
        assert roll_over(D(2027, 10, 28), days_off=[D(2027, 10, 28), D(2027, 10, 29)]) == D(
            2027, 11, 1
        )

    def test_days_off_without_roll_over_are_an_error(self, tq: Ruleset) -> None:
        """A-17 no-roll-over: days off would change nothing, so passing them is an error, not ignored."""
        with pytest.raises(InvalidValueError, match="roll-over"):
            check_deadline(
                tq, "dossier-submission", 2027, D(2027, 10, 1), days_off=[D(2027, 10, 29)]
            )
        with pytest.raises(InvalidTypeError):
            roll_over(D(2027, 10, 1), days_off=[dt.datetime(2027, 10, 29, tzinfo=UTC)])

    def test_a_year_of_days_off_is_an_input_error(self) -> None:
        """A-17: an endless run of days off is refused rather than looping."""
        start = D(2027, 1, 4)
        with pytest.raises(InvalidValueError):
            roll_over(start, days_off=[start + dt.timedelta(days=i) for i in range(400)])

    def test_without_the_extra_roll_over_names_what_to_install(
        self, tq: Ruleset, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A-17 roll-over without the `holidays` package is a MissingExtraError naming dienhinh[holidays]."""
        from dienhinh.calendar import _holidays

        _holidays._public_holidays.cache_clear()
        monkeypatch.setitem(sys.modules, "holidays", None)
        with pytest.raises(MissingExtraError, match=r"dienhinh\[holidays\]"):
            check_deadline(
                tq, "dossier-submission", 2031, D(2031, 10, 1), readings=read(A_17="roll-over")
            )
        # Without roll-over nothing needs the package.
        assert check_deadline(tq, "dossier-submission", 2031, D(2031, 10, 1)).on_time
        _holidays._public_holidays.cache_clear()


class TestScheduleBKIV:
    """BK-IV: milestones by quarter (“Quý I năm 2023”, “đầu Quý II năm 2023”) and TQ's yearly deadlines."""

    def test_bac_kan_2023(self) -> None:
        """A quarter is its date range; “đầu Quý II” is read as April, with a note saying so."""
        s = year_schedule(load_ruleset("bac-kan-2021"), 2023)
        got = [(e.id, e.start, e.end, e.rule.id) for e in s.events]
        assert got == [
            ("preliminary-review", D(2023, 1, 1), D(2023, 3, 31), "BK-IV.2"),
            ("preliminary-review-education", D(2023, 4, 1), D(2023, 4, 30), "BK-IV.2"),
            ("provincial-conference", D(2023, 4, 1), D(2023, 6, 30), "BK-IV.2"),
        ]
        assert s.events[1].note_en is not None
        assert "first month" in s.events[1].note_en
        assert s.events[1].written_vi == "Đầu Quý II năm 2023"

    def test_bk_iv_2_early_q2_is_the_whole_quarter_under_a33_whole_quarter(self) -> None:
        """A-33: “sơ kết vào đầu Quý II năm 2023” (BK-IV.2) — April by default, 01/04 → 30/06
        read as the whole quarter; the note and the schedule's readings say which."""
        bk = load_ruleset("bac-kan-2021")
        default = year_schedule(bk, 2023)
        whole = year_schedule(bk, 2023, readings=read(A_33="whole-quarter"))
        early = [e for e in whole.events if e.id == "preliminary-review-education"]
        assert [(e.start, e.end) for e in early] == [(D(2023, 4, 1), D(2023, 6, 30))]
        assert default.events[1].end == D(2023, 4, 30)
        assert "A-33 “whole-quarter”" in (early[0].note_en or "")
        assert "A-33 “whole-quarter”" in (early[0].note_vi or "")
        assert [(u.id, u.reading) for u in whole.readings] == [("A-33", "whole-quarter")]
        assert [(u.id, u.reading) for u in default.readings] == [("A-33", "first-month")]
        # the other milestones of BK-IV are whole quarters under either reading
        same = [(e.id, e.start, e.end) for e in whole.events if e.id != early[0].id]
        assert same == [(e.id, e.start, e.end) for e in default.events if e.id != early[0].id]

    def test_bk_iv_a33_is_recorded_only_where_an_early_quarter_is_scheduled(self) -> None:
        """A-33: a year with no “đầu Quý” milestone (2025: Q2 and Q3) relies on no A-33 reading."""
        s = year_schedule(load_ruleset("bac-kan-2021"), 2025, readings=read(A_33="whole-quarter"))
        assert "A-33" not in {u.id for u in s.readings}

    def test_bk_iv_2_calendar_command_reads_a33(self) -> None:
        """A-33: ``dienhinh calendar --read A-33=whole-quarter`` ends the education sector's
        review on 30/06/2023; ``--read A-33=early`` is refused with the register's readings."""
        from dienhinh.cli import main

        out = subprocess.run(
            [sys.executable, "-m", "dienhinh", "calendar", "--ruleset", "bac-kan-2021",
             "--year", "2023", "--read", "A-33=whole-quarter"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        events = {e["id"]: e for e in json.loads(out)}
        assert events["preliminary-review-education"]["end"] == "2023-06-30"
        assert main(["calendar", "--ruleset", "bac-kan-2021", "--year", "2023",
                     "--read", "A-33=early"]) == 2  # fmt: skip

    @pytest.mark.parametrize(
        ("year", "expected"),
        [
            (2021, [("unit-plans", D(2021, 7, 1), D(2021, 9, 30))]),
            (2022, []),
            (
                2025,
                [
                    ("five-year-review", D(2025, 4, 1), D(2025, 6, 30)),
                    ("emulation-congress", D(2025, 7, 1), D(2025, 9, 30)),
                ],
            ),
        ],
    )
    def test_every_bac_kan_milestone(self, year: int, expected: list[tuple[str, D, D]]) -> None:
        """BK-IV.1 plans in Q3 2021; BK-IV.3 the five-year review in Q2 2025 and the congress in Q3 2025."""
        s = year_schedule(load_ruleset("bac-kan-2021"), year)
        assert [(e.id, e.start, e.end) for e in s.events] == expected

    def test_tuyen_quang_deadlines_sit_on_their_last_day(self, tq: Ruleset) -> None:
        """A-1: each deadline event sits on its last day on time; the written day is kept beside it."""
        s = year_schedule(tq, 2024)
        assert [(e.id, e.start, e.deadline) for e in s.events] == [
            ("unit-consideration", D(2024, 10, 14), D(2024, 10, 15)),
            ("dossier-submission", D(2024, 10, 29), D(2024, 10, 30)),
            ("province-consideration", D(2024, 12, 30), D(2024, 12, 31)),
        ]
        assert {e.kind for e in s.events} == {EventKind.DEADLINE}
        assert "ruleset.draft" in codes(s)
        rolled = year_schedule(tq, 2027, readings=read(A_1="inclusive", A_17="roll-over"))
        assert rolled.events[1].start == D(2027, 11, 1)

    def test_ninh_thuan_plan_end_and_kon_tum_nothing(self) -> None:
        """NT-III.2: the plan runs to the end of 2025; KT sets no date at all."""
        nt = year_schedule(load_ruleset("ninh-thuan-2023"), 2025)
        assert [(e.id, e.start, e.end) for e in nt.events] == [
            ("plan-period-end", D(2025, 12, 31), D(2025, 12, 31))
        ]
        assert year_schedule(load_ruleset("kon-tum-2022"), 2024).events == ()

    def test_a_year_outside_the_plan_is_flagged(self) -> None:
        """A schedule for a year the document does not cover carries a warning."""
        assert "schedule.outside_effect" in codes(year_schedule(load_ruleset("bac-kan-2021"), 2027))
        assert "schedule.outside_effect" not in codes(
            year_schedule(load_ruleset("bac-kan-2021"), 2023)
        )

    def test_quarter_text_and_ranges(self) -> None:
        """Each quarter's range, in every year (Q1 of a leap year ends 31/03 all the same)."""
        assert [(Quarter(2024, q).start, Quarter(2024, q).end) for q in (1, 2, 3, 4)] == [
            (D(2024, 1, 1), D(2024, 3, 31)),
            (D(2024, 4, 1), D(2024, 6, 30)),
            (D(2024, 7, 1), D(2024, 9, 30)),
            (D(2024, 10, 1), D(2024, 12, 31)),
        ]
        assert Quarter(2023, 4, QuarterPart.EARLY).end == D(2023, 10, 31)
        assert (Quarter(2021, 3).vi, Quarter(2021, 3).en) == ("Quý III năm 2021", "Q3 2021")
        with pytest.raises(InvalidValueError):
            Quarter(2023, 5)

    def test_ics_export_is_deterministic(self) -> None:
        """The .ics has one all-day event per milestone, stable UIDs, and no current-time stamp."""
        s = year_schedule(load_ruleset("bac-kan-2021"), 2023)
        first, second = s.to_ics(), s.to_ics()
        assert first == second
        text = first.decode()
        assert text.count("BEGIN:VEVENT") == 3
        assert "DTSTART;VALUE=DATE:20230401" in text
        assert "DTEND;VALUE=DATE:20230501" in text
        assert "UID:2023-preliminary-review@bac-kan-2021.dienhinh" in text

    def test_ics_without_the_extra_names_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Exporting .ics without `icalendar` is a MissingExtraError naming dienhinh[ics]."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(MissingExtraError, match=r"dienhinh\[ics\]"):
            year_schedule(load_ruleset("bac-kan-2021"), 2023).to_ics()


class TestVietnamTimeA16:
    """A-16: Asia/Ho_Chi_Minh is UTC+7 with no daylight saving."""

    def test_the_fixed_offset(self) -> None:
        """A-16: Vietnam time is a fixed +07:00 offset, the same in January and July."""
        for month in (1, 7):
            assert VIETNAM_TIME.utcoffset(dt.datetime(2024, month, 1)) == dt.timedelta(hours=7)

    def test_around_midnight(self) -> None:
        """A-16: 16:59:59Z is still the same day in Vietnam; 17:00:00Z is the next."""
        assert local_day(dt.datetime(2024, 10, 29, 16, 59, 59, tzinfo=UTC)) == D(2024, 10, 29)
        assert local_day(dt.datetime(2024, 10, 29, 17, 0, tzinfo=UTC)) == D(2024, 10, 30)
        plus7 = dt.timezone(dt.timedelta(hours=7))
        assert local_day(dt.datetime(2024, 10, 30, 0, 0, tzinfo=plus7)) == D(2024, 10, 30)


def test_import_dienhinh_never_imports_the_optional_extras() -> None:
    """`import dienhinh` loads neither holidays nor icalendar, nor the calendar or TOML machinery."""
    code = (
        "import sys, json, dienhinh;"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'holidays', 'icalendar', 'tomllib', 'cattrs', 'dateutil'} "
        "or m.startswith(('dienhinh.calendar', 'dienhinh.voting', 'dienhinh.rulesets._parts')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_using_the_calendar_imports_holidays_only_for_roll_over() -> None:
    """A-17: checking a deadline without roll-over never imports holidays; with roll-over it does."""
    code = (
        "import sys, datetime as dt, dienhinh;"
        "from dienhinh.calendar import check_deadline;"
        "tq = dienhinh.load_ruleset('tuyen-quang-2023');"
        "check_deadline(tq, 'dossier-submission', 2024, dt.date(2024, 10, 1));"
        "a = 'holidays' in sys.modules;"
        "r = dienhinh.Readings({'A-17': 'roll-over'});"
        "check_deadline(tq, 'dossier-submission', 2024, dt.date(2024, 10, 1), readings=r);"
        "print(a, 'holidays' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
