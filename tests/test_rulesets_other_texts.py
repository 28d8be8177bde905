"""Rule ids the rulesets take from texts other than the four documents, each named by a test.

The 2025 reform (A-15) ends the district level and merges provinces; the Tuyên Quang
Decision's own Art. 2 sets the effective date its draft leaves blank (A-18).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dienhinh import builtin_rulesets, load_ruleset

REFORM = dt.date(2025, 7, 1)


@pytest.mark.parametrize("ruleset", ["tuyen-quang-2023", "bac-kan-2021", "ninh-thuan-2023"])
def test_a_district_floor_ends_on_30_june_2025_under_lcqdp_2025(ruleset: str) -> None:
    """LCQĐP-2025: the floors for district People's Committees apply up to 30/06/2025 and not
    from 01/07/2025, when the district level ends (A-15); the other floors go on."""
    floors = load_ruleset(ruleset).floors
    district = [f for f in floors if f.scope == "district-people-committee"]
    assert len(district) == 1
    floor = district[0]
    assert floor.until == REFORM - dt.timedelta(days=1)
    assert floor.until_rule is not None
    assert floor.until_rule.id == "LCQĐP-2025"
    assert floor.until_rule.citation.document.startswith("Luật Tổ chức chính quyền địa phương")
    assert floor.applies_on(dt.date(2025, 6, 30))
    assert not floor.applies_on(REFORM)
    others = [f for f in floors if f is not floor]
    assert others
    assert all(f.until is None and f.applies_on(REFORM) for f in others)


def test_each_province_names_its_successor_from_1_july_2025_under_nq202_2025() -> None:
    """NQ202-2025: from 01/07/2025 Tuyên Quang merges with Hà Giang, Bắc Kạn goes into Thái
    Nguyên, Kon Tum into Quảng Ngãi and Ninh Thuận into Khánh Hòa (domain §8, A-15)."""
    successors = {}
    for name in builtin_rulesets():
        successor = load_ruleset(name).successor
        assert successor is not None
        assert (successor.start, successor.rule.id) == (REFORM, "NQ202-2025")
        assert successor.rule.citation.vi == "Điều 1 Nghị quyết 202/2025/QH15"
        successors[name] = (successor.province, successor.formed_from)
    assert successors == {
        "tuyen-quang-2023": ("Tuyên Quang", ("Tuyên Quang", "Hà Giang")),
        "bac-kan-2021": ("Thái Nguyên", ("Bắc Kạn", "Thái Nguyên")),
        "kon-tum-2022": ("Quảng Ngãi", ("Kon Tum", "Quảng Ngãi")),
        "ninh-thuan-2023": ("Khánh Hòa", ("Ninh Thuận", "Khánh Hòa")),
    }


def test_the_tuyen_quang_draft_leaves_its_effective_date_blank_under_tq_qd_2() -> None:
    """TQ-QĐ.2 (the Decision's Art. 2, “có hiệu lực thi hành kể từ ngày ……”): the draft's
    effective date is listed as blank, never guessed (A-18)."""
    tq = load_ruleset("tuyen-quang-2023")
    assert tq.effective.rule.id == "TQ-QĐ.2"
    assert tq.effective.rule.citation.vi == "Điều 2 Quyết định (TQ)"
    assert tq.effective.start is None
    assert tq.effective.end is None
    assert "effective.from" in tq.blank
    assert "có hiệu lực thi hành" in (tq.effective.rule.citation.quote or "")
