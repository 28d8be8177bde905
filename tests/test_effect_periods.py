"""Periods of effect (A-32) and successor provinces (A-15) in every result (issue 10).

Bắc Kạn's plan runs “giai đoạn 2021-2025” (to 31/12/2025), Ninh Thuận's “đến hết năm 2025”
(NT-III.2); from 01/07/2025 (Nghị quyết 202/2025/QH15) Tuyên Quang and Hà Giang form Tuyên
Quang, Bắc Kạn joins Thái Nguyên, Kon Tum joins Quảng Ngãi, Ninh Thuận joins Khánh Hòa. The day a
result is tested on: a round's decision day (its consideration date when none is given), a
window's consideration date, a deadline's day in its year, a calendar's year, floors' day, an
assessment's window end.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dienhinh import InvalidValueError, Readings, RoundDecision, Ruleset, load_ruleset, run_round
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason
from dienhinh.calendar import achievement_window, check_deadline, year_schedule
from dienhinh.cli import main
from dienhinh.criteria import Nominee, assess
from dienhinh.io._floors import floors_document, parse_floors, run_floors
from dienhinh.io._nominee import assessment_document
from dienhinh.report import render_report
from dienhinh.round._views import round_html
from tests.round_builders import D, make_round

TQ = load_ruleset("tuyen-quang-2023")
BK = load_ruleset("bac-kan-2021")
NT = load_ruleset("ninh-thuan-2023")
KT = load_ruleset("kon-tum-2022")
REFUSE = Readings().choose("A-32", "refuse")
REFORM = D(2025, 7, 1)


def _codes(reasons: Iterable[Reason]) -> list[str]:
    return [r.code for r in reasons]


def _notice(reasons: Iterable[Reason], code: str = "ruleset.outside_effect") -> Reason:
    (found,) = [r for r in reasons if r.code == code]
    return found


def _rule(reason: Reason) -> Rule:
    assert reason.rule is not None
    return reason.rule


def _round(ruleset: Ruleset, day: dt.date, **more: Any) -> RoundDecision:
    return run_round(make_round([], ruleset=ruleset, dossiers=[], considered_on=day, **more))


def _ending(ruleset: Ruleset, end: dt.date) -> Ruleset:
    """The ruleset, as if its document ended on ``end`` (TQ and KT set no end)."""
    return attrs.evolve(ruleset, effective=attrs.evolve(ruleset.effective, end=end))


# -- the period of effect ----------------------------------------------------------------


class TestA32Notice:
    """A-32 ``notice`` (default): computed, with a notice citing the effect provision."""

    def test_a_32_bk_round_of_2026_carries_the_notice_cited_to_bk(self) -> None:
        decision = _round(BK, D(2026, 3, 2))
        reason = _notice(decision.reasons)
        assert _rule(reason).id == "BK"
        assert _rule(reason).citation.quote == (
            "UBND tỉnh ban hành Kế hoạch xây dựng, nhân rộng mô hình, gương điển hình tiên tiến "
            "trên địa bàn tỉnh, giai đoạn 2021-2025"
        )
        assert _rule(reason).citation.vi == "phần trích yếu và mở đầu Kế hoạch số 458/KH-UBND (BK)"
        assert dict(reason.params) == {
            "ruleset": "bac-kan-2021",
            "day": "2026-03-02",
            "period_vi": "từ 19/07/2021 đến hết ngày 31/12/2025",
            "period_en": "from 2021-07-19 through 2025-12-31",
            "start": "2021-07-19",
            "until": "2025-12-31",
        }
        assert reason.vi.startswith(
            "Bộ quy tắc bac-kan-2021 được áp dụng cho ngày 02/03/2026, nằm ngoài thời gian hiệu lực"
        )
        assert ("A-32", "notice") in {(u.id, u.reading) for u in decision.used}

    def test_a_32_nt_iii_2_round_of_2026_cites_nt_iii_2(self) -> None:
        """NT-III.2 “đến hết năm 2025”, its start blank (“từ ngày ban hành”)."""
        reason = _notice(_round(NT, D(2026, 1, 1)).reasons)
        assert _rule(reason).id == "NT-III.2"
        assert reason.params["period_vi"] == "từ ngày để trống đến hết ngày 31/12/2025"

    def test_a_32_the_last_day_of_the_period_is_inside(self) -> None:
        """31/12/2025 is “hết năm 2025”: no notice (and A-32 not relied on); 01/01/2026 is out."""
        inside = _round(BK, D(2025, 12, 31))
        assert "ruleset.outside_effect" not in _codes(inside.reasons)
        assert "A-32" not in {u.id for u in inside.used}
        assert "ruleset.outside_effect" in _codes(_round(BK, D(2026, 1, 1)).reasons)

    def test_a_32_a_round_tests_its_decision_day(self) -> None:
        """Considered 20/12/2025, decided 05/01/2026: the decision applies the plan after its end."""
        decision = _round(BK, D(2025, 12, 20), decided_on=D(2026, 1, 5))
        assert _notice(decision.reasons).params["day"] == "2026-01-05"
        assert "ruleset.outside_effect" not in _codes(_round(BK, D(2025, 12, 20)).reasons)

    def test_a_32_kt_before_the_letter_was_signed(self) -> None:
        """KT applies from its signature (29/11/2022): a round of 2022-06-01 is before it."""
        reason = _notice(_round(KT, D(2022, 6, 1)).reasons)
        assert _rule(reason).id == "KT"
        assert reason.params["period_en"] == "from 2022-11-29 until replaced"

    def test_a_32_window_tests_its_consideration_date(self) -> None:
        ended = _ending(TQ, D(2025, 12, 31))
        window = achievement_window(ended, D(2026, 3, 1))
        reason = _notice(window.reasons)
        assert (_rule(reason).id, reason.params["day"]) == ("TQ-QĐ.2", "2026-03-01")
        assert "ruleset.outside_effect" not in _codes(
            achievement_window(ended, D(2025, 12, 1)).reasons
        )

    def test_a_32_deadline_tests_the_deadlines_day_of_its_year(self) -> None:
        """The 2026 dossier deadline (30/10/2026) is after an end of 31/12/2025; 2025's is not."""
        ended = _ending(TQ, D(2025, 12, 31))
        late = check_deadline(ended, "dossier-submission", 2026, D(2026, 10, 1))
        assert _notice(late.reasons).params["day"] == "2026-10-30"
        inside = check_deadline(ended, "dossier-submission", 2025, D(2026, 1, 2))
        assert "ruleset.outside_effect" not in _codes(inside.reasons)

    def test_a_32_calendar_year_relies_on_the_reading(self) -> None:
        schedule = year_schedule(BK, 2026)
        assert "schedule.outside_effect" in _codes(schedule.reasons)
        assert ("A-32", "notice") in {(u.id, u.reading) for u in schedule.readings}
        assert "A-32" not in {u.id for u in year_schedule(BK, 2025).readings}

    def test_a_32_floors_on_a_day_after_the_plan(self) -> None:
        doc = {"ruleset": "bac-kan-2021", "on": "2026-03-01",
               "units": [{"id": "Công an tỉnh", "scope": "police-military-education-health",
                          "introduced": 10}]}  # fmt: skip
        inputs = parse_floors(doc)
        out = floors_document(inputs, run_floors(inputs))
        assert [r["code"] for r in out["reasons"]] == [
            "ruleset.outside_effect",
            "ruleset.successor",
        ]
        assert out["reasons"][0]["rule"] == "BK"
        assert {"id": "A-32", "reading": "notice", "default": True} in out["interpretations"]

    def test_a_32_assessment_tests_its_window_end(self) -> None:
        assert BK.catalogue is not None
        nominee = Nominee("individual", ["charity"], [])
        late = assess(nominee, BK.catalogue, window=(D(2026, 1, 1), D(2026, 3, 1)))
        codes = [r["code"] for r in assessment_document(late, BK)["reasons"]]
        assert codes == ["ruleset.outside_effect", "ruleset.successor"]
        early = assess(nominee, BK.catalogue, window=(D(2024, 1, 1), D(2024, 12, 1)))
        assert assessment_document(early, BK)["reasons"] == []


class TestA32Refuse:
    """A-32 ``refuse``: a result for a day outside the period is an error naming the period."""

    def test_a_32_refuse_a_round(self) -> None:
        with pytest.raises(InvalidValueError, match=r"from 2021-07-19 through 2025-12-31; BK"):
            _round(BK, D(2026, 3, 2), readings=REFUSE)
        assert "ruleset.outside_effect" not in _codes(
            _round(BK, D(2025, 3, 2), readings=REFUSE).reasons
        )

    def test_a_32_refuse_window_deadline_calendar(self) -> None:
        ended = _ending(TQ, D(2025, 12, 31))
        with pytest.raises(InvalidValueError, match="A-32"):
            achievement_window(ended, D(2026, 3, 1), readings=REFUSE)
        with pytest.raises(InvalidValueError, match="A-32"):
            check_deadline(ended, "dossier-submission", 2026, D(2026, 10, 1), readings=REFUSE)
        with pytest.raises(InvalidValueError, match="the year 2026"):
            year_schedule(BK, 2026, readings=REFUSE)
        assert year_schedule(BK, 2025, readings=REFUSE).year == 2025

    def test_a_32_refuse_exits_2_on_the_command_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        doc = make_round([], ruleset=NT, dossiers=[], considered_on=D(2026, 2, 1)).to_json()
        path = tmp_path / "round.json"
        path.write_text(json.dumps({**doc, "readings": {"A-32": "refuse"}}), encoding="utf-8")
        assert main(["round", str(path)]) == 2
        err = capsys.readouterr().err
        assert "2025-12-31" in err
        assert "A-32" in err
        path.write_text(json.dumps(doc), encoding="utf-8")
        assert main(["round", str(path)]) == 0


# -- the successor province ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ruleset", "province", "formed_from"),
    [
        (TQ, "Tuyên Quang", ["Tuyên Quang", "Hà Giang"]),
        (BK, "Thái Nguyên", ["Bắc Kạn", "Thái Nguyên"]),
        (KT, "Quảng Ngãi", ["Kon Tum", "Quảng Ngãi"]),
        (NT, "Khánh Hòa", ["Ninh Thuận", "Khánh Hòa"]),
    ],
    ids=["tuyen-quang", "bac-kan", "kon-tum", "ninh-thuan"],
)
def test_nq202_2025_every_round_from_1_july_2025_names_the_successor(
    ruleset: Ruleset, province: str, formed_from: list[str]
) -> None:
    """NQ202-2025 (A-15): a round decided on 01/07/2025 or later names the successor province,
    cited to the ruleset's [successor]; one decided on 30/06/2025 does not."""
    reason = _notice(_round(ruleset, REFORM).reasons, "ruleset.successor")
    assert _rule(reason).id == "NQ202-2025"
    assert _rule(reason).citation.vi == "Điều 1 Nghị quyết 202/2025/QH15"
    assert reason.params["province"] == province
    assert reason.params["formed_from"] == formed_from
    assert f"tỉnh kế thừa là tỉnh {province}" in reason.vi
    assert "ruleset.successor" not in _codes(_round(ruleset, D(2025, 6, 30)).reasons)


def test_nq202_2025_window_deadline_and_calendar_name_tuyen_quang() -> None:
    window = achievement_window(TQ, D(2025, 12, 20))
    assert _notice(window.reasons, "ruleset.successor").params["province"] == "Tuyên Quang"
    check = check_deadline(TQ, "dossier-submission", 2025, D(2025, 10, 28))
    assert "ruleset.successor" in _codes(check.reasons)
    assert "ruleset.successor" not in _codes(achievement_window(TQ, D(2025, 6, 30)).reasons)
    assert "ruleset.successor" in _codes(year_schedule(TQ, 2025).reasons)
    assert "ruleset.successor" not in _codes(year_schedule(TQ, 2024).reasons)


def test_nq202_2025_the_calendar_command_carries_the_notices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["calendar", "--ruleset", "tuyen-quang-2023", "--year", "2026"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert events
    for event in events:
        notices = [n["code"] for n in event["ruleset"]["notices"]]
        assert notices == ["ruleset.draft", "ruleset.successor"]


def test_a_32_and_nq202_2025_the_reports_show_the_notices() -> None:
    """The text report boxes each notice at its top; the HTML view shows it as a banner."""
    decision = _round(BK, D(2026, 3, 2))
    langs: tuple[Literal["vi", "en"], ...] = ("vi", "en")
    for lang in langs:
        text = render_report(decision, lang=lang)
        page = round_html(decision, lang)
        for code in ("ruleset.outside_effect", "ruleset.successor"):
            reason = _notice(decision.reasons, code)
            shown = reason.vi if lang == "vi" else reason.en
            assert " ".join(shown.split()[:6]) in " ".join(text.split())
            assert shown.split(",")[0] in page
    assert "Thái Nguyên" in render_report(decision, lang="en")


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31)))
def test_a_32_and_a_15_a_window_is_noticed_exactly_outside_the_period(day: dt.date) -> None:
    """A-32, A-15: for any consideration date, the outside-effect notice appears exactly when the
    day is outside [from, until], and the successor notice exactly from 01/07/2025."""
    ruleset = _ending(attrs.evolve(TQ, effective=attrs.evolve(TQ.effective, start=D(2023, 9, 1))),
                      D(2025, 12, 31))  # fmt: skip
    codes = _codes(achievement_window(ruleset, day).reasons)
    assert ("ruleset.outside_effect" in codes) == (not D(2023, 9, 1) <= day <= D(2025, 12, 31))
    assert ("ruleset.successor" in codes) == (day >= REFORM)
    refused = not D(2023, 9, 1) <= day <= D(2025, 12, 31)
    try:
        achievement_window(ruleset, day, readings=REFUSE)
    except InvalidValueError:
        assert refused
    else:
        assert not refused


def test_a_32_and_nq202_2025_a_ballot_under_a_ruleset_tests_its_decision_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ballot under a ruleset, decided on 10/01/2026: Bắc Kạn's plan has ended and Thái Nguyên
    is its successor; decided on 10/06/2025, neither notice. A-32 refuse exits 2."""
    members = [f"m{i:02}" for i in range(1, 11)]
    doc = {"ruleset": "bac-kan-2021", "council": {"members": members, "chair": "m01"},
           "nominees": ["n01"], "ballots": [{"member": m, "approve": ["n01"]} for m in members],
           "decided_on": "2026-01-10"}  # fmt: skip
    path = tmp_path / "ballot.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["ballot", str(path)]) == 0
    codes = [r["code"] for r in json.loads(capsys.readouterr().out)["reasons"]]
    assert codes[:2] == ["ruleset.outside_effect", "ruleset.successor"]
    path.write_text(json.dumps({**doc, "decided_on": "2025-06-10"}), encoding="utf-8")
    assert main(["ballot", str(path)]) == 0
    codes = [r["code"] for r in json.loads(capsys.readouterr().out)["reasons"]]
    assert "ruleset.outside_effect" not in codes
    assert "ruleset.successor" not in codes
    path.write_text(json.dumps({**doc, "readings": {"A-32": "refuse"}}), encoding="utf-8")
    assert main(["ballot", str(path)]) == 2
    assert "A-32" in capsys.readouterr().err
