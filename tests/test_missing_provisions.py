"""Provisions that were recorded but not applied: NT-IV.3b, BK-IV.1's four stages, KT-4 (issue 10).

- NT-IV.3b (Mục IV, khoản 3, điểm b): “các cơ quan, đơn vị, địa phương tổ chức ít nhất 01
  lần/năm … để biểu dương, tôn vinh các điển hình tiên tiến” — an ``honouring`` check on the
  units' dated honouring events, reported beside the floors.
- BK-IV.1: “chỉ đạo thực hiện đồng bộ cả 4 khâu: Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng
  điển hình tiên tiến” — Bắc Kạn's own ``stage`` check, cited to Bắc Kạn, never to Kon Tum.
- KT-4: “tập trung khen thưởng thành tích theo đợt (hoặc chuyên đề); quan tâm khen thưởng theo
  hình thức phát hiện” — no round input records it; a Kon Tum round's record says so.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from dienhinh import Readings, RoundDecision, Unit, load_ruleset, run_round, verify_round
from dienhinh.cli import main
from dienhinh.criteria import Nominee
from dienhinh.io import parse_round
from dienhinh.io._floors import floors_document, parse_floors, run_floors
from dienhinh.round import check_floors
from dienhinh.round._honouring import check_honouring
from dienhinh.rulesets import dump_ruleset, parse_ruleset
from tests.round_builders import CONSIDERED, D, attest, make_round, nomination

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
NT = load_ruleset("ninh-thuan-2023")
BK = load_ruleset("bac-kan-2021")
KT = load_ruleset("kon-tum-2022")
DEPARTMENT = "department-under-provincial-committee"
COMMUNE = "commune-people-committee"
BK_GENERAL = [f"BK-III.1.{p}" for p in ("achievement", "leading", "compliance", "solidarity")]


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", text.replace("*", ""))


def _cited(decision: RoundDecision) -> set[str]:
    reasons = [*decision.reasons, *(r for o in decision.outcomes for r in o.reasons)]
    return {r.rule.id for r in reasons if r.rule is not None}


# -- NT-IV.3b ----------------------------------------------------------------------------------


class TestNtIv3b:
    """NT-IV.3b “ít nhất 01 lần/năm”: each unit's honouring events in the year, at least one."""

    def test_nt_iv_3b_is_declared_as_an_honouring_check_with_its_quotation(self) -> None:
        (check,) = [c for c in NT.checks if c.id == "honouring"]
        assert (check.minimum, check.rule.id if check.rule else None) == (1, "NT-IV.3b")
        assert check.rule is not None
        assert check.rule.citation.vi.startswith("điểm b khoản 3 Mục IV")
        quote = check.rule.citation.quote
        assert quote is not None
        assert "ít nhất 01 lần/năm" in quote
        if SEEDS.is_dir():
            assert quote in _seed("004")

    def test_nt_iv_3b_a_unit_with_no_event_in_the_year_is_one_short(self) -> None:
        """An event on 28/12/2023 does not count for 2024: 0 of at least 1, short by 1."""
        units = [
            Unit("Sở A", DEPARTMENT, honouring_events=[D(2024, 5, 19)]),
            Unit("Xã B", COMMUNE, honouring_events=[D(2023, 12, 28)]),
            Unit("Xã C", COMMUNE, honouring_events=[D(2024, 1, 3), D(2024, 11, 20)]),
        ]
        rows = check_honouring(NT, units, D(2024, 12, 20))
        got = [(r.unit, r.count, r.status, r.shortfall, r.reason.code) for r in rows]
        assert got == [
            ("Sở A", 1, "met", 0, "round.honouring_met"),
            ("Xã B", 0, "short", 1, "round.honouring_short"),
            ("Xã C", 2, "met", 0, "round.honouring_met"),
        ]
        short = rows[1].reason
        assert short.rule is not None
        assert short.rule.id == "NT-IV.3b"
        assert short.vi == (
            "Xã B: 0 lần biểu dương, tôn vinh điển hình tiên tiến trong năm 2024 / ít nhất 1 "
            "lần/năm — thiếu 1."
        )
        assert {r.counted for r in rows} == {"honouring-events"}

    def test_nt_iv_3b_events_not_given_are_unknown_never_met(self) -> None:
        (row,) = check_honouring(NT, [Unit("Xã D", COMMUNE)], D(2024, 12, 20))
        assert (row.status, row.count, row.reason.code) == (
            "unknown",
            None,
            "round.honouring_unknown",
        )
        (empty,) = check_honouring(NT, [Unit("Xã D", COMMUNE, honouring_events=[])], D(2024, 6, 1))
        assert (empty.status, empty.shortfall) == ("short", 1)

    def test_nt_iv_3b_is_ninh_thuans_only(self) -> None:
        """A ruleset that does not declare it reports nothing of it (BK, TQ, KT)."""
        unit = Unit("Công an tỉnh", "police-military-education-health", honouring_events=[])
        assert check_honouring(BK, [unit], D(2024, 12, 1)) == ()
        assert all(
            r.counted != "honouring-events" for r in check_floors(BK, [unit], D(2024, 12, 1))
        )

    def test_nt_iv_3b_in_a_round_beside_the_floors_and_re_derived(self) -> None:
        unit = Unit("Xã B", COMMUNE, propagated=2, honouring_events=[D(2023, 12, 28)])
        decision = run_round(make_round([], ruleset=NT, dossiers=[], units=[unit]))
        rows = [(f.counted, f.status) for f in decision.floors]
        assert rows == [("propagated", "met"), ("honouring-events", "short")]
        assert "honouring" in decision.applied
        assert "NT-IV.3b" in {f.reason.rule.id for f in decision.floors if f.reason.rule}
        assert decision.to_json()["inputs"]["units"][0]["honouring_events"] == ["2023-12-28"]
        assert verify_round(decision) is decision

    def test_nt_iv_3b_from_json_in_the_floors_command(self, tmp_path: Path) -> None:
        doc = {
            "ruleset": "ninh-thuan-2023",
            "on": "2024-12-20",
            "units": [
                {"id": "Xã B", "scope": COMMUNE, "propagated": 2, "honouring_events": []},
                {"id": "Xã C", "scope": COMMUNE, "propagated": 2,
                 "honouring_events": ["2024-03-08"]},
            ],
        }  # fmt: skip
        inputs = parse_floors(doc)
        out = floors_document(inputs, run_floors(inputs))
        honour = [
            (f["unit"], f["status"]) for f in out["floors"] if f["counted"] == "honouring-events"
        ]
        assert honour == [("Xã B", "short"), ("Xã C", "met")]
        assert out["short"] == 1
        path = tmp_path / "floors.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert main(["floors", str(path)]) == 0

    def test_nt_iv_3b_a_day_given_twice_is_refused(self) -> None:
        doc = {"ruleset": "ninh-thuan-2023", "on": "2024-12-20",
               "units": [{"id": "Xã B", "scope": COMMUNE,
                          "honouring_events": ["2024-03-08", "2024-03-08"]}]}  # fmt: skip
        with pytest.raises(ValueError, match="twice"):
            parse_floors(doc)

    def test_nt_iv_3b_in_a_round_input_document(self) -> None:
        unit = Unit("Xã B", COMMUNE, propagated=2, honouring_events=[D(2024, 9, 2)])
        inputs = make_round([], ruleset=NT, dossiers=[], units=[unit])
        again = parse_round(inputs.to_json())
        assert again.units[0].honouring_events == (D(2024, 9, 2),)

    def test_nt_iv_3b_minimum_survives_the_toml_round_trip(self) -> None:
        again = parse_ruleset(dump_ruleset(NT))
        assert [c.minimum for c in again.checks if c.id == "honouring"] == [1]
        assert again == NT

    def test_nt_iv_3b_an_honouring_check_without_its_minimum_does_not_load(self) -> None:
        text = dump_ruleset(NT).replace('minimum = 1\nrule = "NT-IV.3b"', 'rule = "NT-IV.3b"')
        with pytest.raises(ValueError, match="minimum"):
            parse_ruleset(text)


# -- BK-IV.1: the four stages --------------------------------------------------------------------


class TestBkIv1Stages:
    """BK-IV.1 “đồng bộ cả 4 khâu”: Bắc Kạn's own stage check, cited to Bắc Kạn."""

    def test_bk_iv_1_stages_are_declared_with_the_plans_own_words(self) -> None:
        (check,) = [c for c in BK.checks if c.id == "stage"]
        assert check.rule is not None
        assert check.rule.id == "BK-IV.1"
        assert check.rule.citation.vi.startswith("khoản 1 Mục IV")
        quote = check.rule.citation.quote
        assert quote == (
            "chỉ đạo thực hiện đồng bộ cả 4 khâu: Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng "
            "điển hình tiên tiến"
        )
        if SEEDS.is_dir():
            assert quote in _seed("003")

    def test_bk_iv_1_stages_a_bk_rounds_stage_reason_cites_bk(self) -> None:
        on = D(2024, 6, 1)
        nominee = Nominee("individual", ["charity"],
                          [attest(c, on) for c in (*BK_GENERAL, "BK-III.2.12.relief",
                                                   "BK-III.2.12.helped")])  # fmt: skip
        decision = run_round(
            make_round([nomination("B1", nominee=nominee, stage="foster")], ruleset=BK, dossiers=[])
        )
        (stage,) = [r for r in decision.outcome("B1").reasons if r.code == "round.stage"]
        assert stage.rule is not None
        assert (stage.rule.id, stage.rule.citation.document) == ("BK-IV.1", "BK")
        assert not any(rid.startswith("KT") for rid in _cited(decision))

    def test_bk_iv_1_stages_a_kt_rounds_stage_reason_cites_kt(self) -> None:
        decision = run_round(
            make_round([nomination("K1", stage="replicate")], ruleset=KT, dossiers=[])
        )
        (stage,) = [r for r in decision.outcome("K1").reasons if r.code == "round.stage"]
        assert stage.rule is not None
        assert stage.rule.id == "KT-1"
        assert not any(rid.startswith("BK") for rid in _cited(decision))


# -- KT-4: listed as not computed in the record ---------------------------------------------------


class TestKt4:
    """KT-4: rewards by campaign and by discovery — not computed, and the record says why."""

    def test_kt_4_a_kon_tum_round_lists_it_as_not_computed_with_the_reason(self) -> None:
        decision = run_round(make_round([nomination("K1")], ruleset=KT, dossiers=[]))
        (item,) = decision.to_json()["checks"]["not_computed"]
        assert item["rule"] == "KT-4"
        assert item["citation"]["quote"] == (
            "tập trung khen thưởng thành tích theo đợt (hoặc chuyên đề); quan tâm khen thưởng theo "
            "hình thức phát hiện"
        )
        assert "theo đợt" in item["why_vi"]
        assert "ngoài đợt xét công nhận hằng năm" in item["why_vi"]
        assert "outside the annual round" in item["why_en"]
        if SEEDS.is_dir():
            assert item["citation"]["quote"] in _seed("002")

    def test_kt_4_is_kon_tums_only(self) -> None:
        """No other province's record names KT-4; a TQ round lists nothing as not computed."""
        tq = run_round(make_round([nomination("N1")]))
        assert tq.to_json()["checks"]["not_computed"] == []
        assert all(not rs.not_computed for rs in (NT, BK, load_ruleset("tuyen-quang-2023")))

    def test_kt_4_survives_the_toml_round_trip_and_the_record_re_derives(self) -> None:
        again = parse_ruleset(dump_ruleset(KT))
        assert again.not_computed == KT.not_computed
        decision = run_round(
            make_round([nomination("K1")], ruleset=KT, dossiers=[], considered_on=CONSIDERED,
                       readings=Readings())
        )  # fmt: skip
        assert verify_round(decision) is decision

    def test_kt_4_an_entry_without_its_reason_does_not_load(self) -> None:
        text = dump_ruleset(KT)
        start = text.index("why_en = ")
        broken = text[:start] + text[text.index("\n", start) + 1 :]
        with pytest.raises(ValueError, match="why_en"):
            parse_ruleset(broken)
