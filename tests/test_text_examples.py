"""The documents' own examples, written by hand: each test reads one sentence of a text.

Nothing here is derived from a catalogue's structure: the nominees, the evidence and the
verdicts are written out from the text, so flipping a combinator or moving a threshold in a
shipped file fails a test here as well as the snapshot pin (``tests/test_catalogue_pins.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from dienhinh import RoundOutcome, load_ruleset, run_round
from dienhinh.criteria import (
    Attestation,
    Award,
    Evidence,
    Figure,
    LevelName,
    Nominee,
    Ocop,
    Project,
    Rating,
    Title,
    Verdict,
    assess,
)
from dienhinh.rulesets import load_catalogue
from tests.round_builders import make_round, nomination

D = dt.date
TQ = load_catalogue("tuyen-quang-2023")
BK = load_catalogue("bac-kan-2021")
NT = load_catalogue("ninh-thuan-2023")
TQ_WINDOW = (D(2023, 10, 1), D(2024, 12, 15))
"""TQ-3.3: from 01/10 of the previous year, for a province-level consideration on 15/12/2024."""
IN = D(2024, 3, 15)
BK_WINDOW = (D(2022, 10, 1), D(2023, 6, 15))
"""A consideration at the BK plan's provincial conference (Q2 2023, BK-IV.2)."""


def signed(cid: str, *, holds: bool = True, on: D = IN) -> Attestation:
    return Attestation(cid, "UBND xã Tân Trào", "Chủ tịch UBND xã", on, f"Về {cid}.", holds=holds)


def verdict_tq(
    cid: str, kind: str, field: str, evidence: Sequence[Evidence], complete: Sequence[str] = ()
) -> Verdict:
    nominee = Nominee(kind, [field], evidence, complete=complete)
    return assess(nominee, TQ, window=TQ_WINDOW).tree.find(cid).verdict


# -- Tuyên Quang, Article 3 of the Regulation -------------------------------------------------

O_PARTS = ("TQ-3.2o.customs", "TQ-3.2o.movements", "TQ-3.2o.community")


@pytest.mark.parametrize("holding", O_PARTS)
def test_tq_3_2o_a_person_meeting_one_part_only_is_not_met(holding: str) -> None:
    """TQ-3.2o: "Là người tiêu biểu …; tích cực tham gia …; có nhiều đóng góp …" — all three, joined by ";"."""
    evidence = [signed(p, holds=p == holding) for p in O_PARTS]
    assert verdict_tq("TQ-3.2o", "individual", "ethnic-religious", evidence) is Verdict.NOT_MET


def test_tq_3_2o_a_person_meeting_all_three_parts_is_met() -> None:
    """TQ-3.2o: the three ";"-parts together meet point o."""
    evidence = [signed(p) for p in O_PARTS]
    assert verdict_tq("TQ-3.2o", "individual", "ethnic-religious", evidence) is Verdict.MET


def test_tq_3_1_three_of_the_four_general_points_are_not_enough() -> None:
    """TQ-3.1 (A-13): points a, b, c and d are all required; d disproved fails the general standard."""
    evidence = [
        signed("TQ-3.1a"),
        signed("TQ-3.1b"),
        signed("TQ-3.1c.model"),
        signed("TQ-3.1d", holds=False),
    ]
    assert verdict_tq("TQ-3.1", "individual", "ethnic-religious", evidence) is Verdict.NOT_MET
    evidence[-1] = signed("TQ-3.1d")
    assert verdict_tq("TQ-3.1", "individual", "ethnic-religious", evidence) is Verdict.MET


def test_tq_3_1c_a_new_model_alone_meets_point_c() -> None:
    """TQ-3.1c: "sáng kiến … được cấp có thẩm quyền công nhận hoặc có mô hình mới …" — either one."""
    evidence = [signed("TQ-3.1c.model")]
    assert verdict_tq("TQ-3.1c", "collective", "agriculture", evidence) is Verdict.MET


def test_tq_3_2b_outstanding_trade_without_technology_is_not_met() -> None:
    """TQ-3.2b: "(trade hoặc works); thrift; technology" — trade alone, technology disproved: not met."""
    base = [signed("TQ-3.2b.trade"), signed("TQ-3.2b.thrift")]
    no_tech = [*base, signed("TQ-3.2b.technology", holds=False)]
    assert verdict_tq("TQ-3.2b", "collective", "industry-trade", no_tech) is Verdict.NOT_MET
    with_tech = [*base, signed("TQ-3.2b.technology")]
    assert verdict_tq("TQ-3.2b", "collective", "industry-trade", with_tech) is Verdict.MET


@pytest.mark.parametrize(
    ("stars", "verdict"), [(3, Verdict.MET), (2, Verdict.NOT_MET), (5, Verdict.MET)]
)
def test_tq_3_2c_ocop_from_three_stars(stars: int, verdict: Verdict) -> None:
    """TQ-3.2c: "có sản phẩm đạt tiêu chuẩn OCOP từ ba sao trở lên" — 3 stars meets, 2 does not."""
    ocop = [Ocop("Chè Shan tuyết Hồng Thái", stars, IN, "UBND tỉnh Tuyên Quang")]
    got = verdict_tq("TQ-3.2c.ocop", "collective", "agriculture", ocop, complete=["ocop"])
    assert got is verdict


def test_tq_3_2c_a_three_star_ocop_product_alone_meets_the_agriculture_standard() -> None:
    """TQ-3.2c (read with its note): a tea cooperative with a 3-star product needs no FSC forest."""
    ocop = [Ocop("Chè Shan tuyết Hồng Thái", 3, IN, "UBND tỉnh Tuyên Quang")]
    assert verdict_tq("TQ-3.2c", "collective", "agriculture", ocop) is Verdict.MET


@pytest.mark.parametrize(
    ("level", "verdict"),
    [("province", Verdict.MET), ("national", Verdict.MET), ("district", Verdict.NOT_MET)],
)
def test_tq_3_2g_a_science_prize_from_provincial_level(level: LevelName, verdict: Verdict) -> None:
    """TQ-3.2g: "được giải thưởng về khoa học và công nghệ từ cấp tỉnh trở lên"."""
    award = [Award(level, "science_technology", "prize", IN, "UBND tỉnh Tuyên Quang")]
    got = verdict_tq("TQ-3.2g.award", "individual", "science-technology", award, complete=["award"])
    assert got is verdict


def test_tq_3_2g_a_provincial_project_rated_pass_alone_meets_point_g() -> None:
    """TQ-3.2g: "… hoặc có đề tài, dự án khoa học và công nghệ cấp tỉnh xếp loại đạt trở lên"."""
    project = [Project("Chọn tạo giống cam sành", "province", "pass", IN)]
    assert verdict_tq("TQ-3.2g", "collective", "science-technology", project) is Verdict.MET


@pytest.mark.parametrize(
    ("level", "verdict"), [("district", Verdict.MET), ("commune", Verdict.NOT_MET)]
)
def test_tq_3_2h_sport_results_from_district_level(level: LevelName, verdict: Verdict) -> None:
    """TQ-3.2h: "thi đấu đạt thành tích cao trong các cuộc thi thể dục, thể thao từ cấp huyện trở lên"."""
    award = [Award(level, "sport", "competition", D(2024, 3, 15), "UBND huyện Sơn Dương")]
    got = verdict_tq("TQ-3.2h.sport", "individual", "culture-sport", award, complete=["award"])
    assert got is verdict


def test_tq_3_2n_rising_out_of_poverty_alone_meets_point_n() -> None:
    """TQ-3.2n: "… hoặc là tấm gương tiêu biểu vươn lên thoát nghèo bền vững"."""
    evidence = [signed("TQ-3.2n.escape")]
    assert verdict_tq("TQ-3.2n", "individual", "poverty-social-security", evidence) is Verdict.MET


def test_tq_3_2n_poverty_work_needs_both_its_parts() -> None:
    """TQ-3.2n: "thành tích xuất sắc trong công tác giảm nghèo …; có nhiều đóng góp thiết thực …"."""
    evidence = [signed("TQ-3.2n.reduction"), signed("TQ-3.2n.charity", holds=False)]
    assert verdict_tq("TQ-3.2n.work", "collective", "poverty-social-security", evidence) is (
        Verdict.NOT_MET
    )


def test_tq_3_3_an_achievement_of_30_september_is_outside_the_window() -> None:
    """TQ-3.3: "tính từ ngày 01/10 năm trước": a 3-star rating of 30/09/2023 does not count in 2024."""
    ocop = [Ocop("Chè Shan tuyết Hồng Thái", 3, D(2023, 9, 30), "UBND tỉnh Tuyên Quang")]
    assert verdict_tq("TQ-3.2c.ocop", "collective", "agriculture", ocop) is not Verdict.MET
    ocop = [Ocop("Chè Shan tuyết Hồng Thái", 3, D(2023, 10, 1), "UBND tỉnh Tuyên Quang")]
    assert verdict_tq("TQ-3.2c.ocop", "collective", "agriculture", ocop) is Verdict.MET


# -- Tuyên Quang: the numbers of the Regulation ------------------------------------------------


@pytest.mark.parametrize(
    ("members", "needed"),
    [
        (9, 9),
        (10, 9),
        (11, 10),
        (15, 14),
        (19, 18),
        (20, 18),
        (21, 19),
        (25, 23),
        (30, 27),
        (31, 28),
    ],
)
def test_tq_2_1b_ninety_percent_of_the_total_membership(members: int, needed: int) -> None:
    """TQ-2.1b: "từ 90% trở lên tính trên tổng số thành viên" — the figures of domain §7."""
    ballot = load_ruleset("tuyen-quang-2023").ballot
    assert ballot is not None
    assert ballot.needed(members) == needed


def test_tq_the_numbers_of_articles_2_3_6_and_8() -> None:
    """TQ-6.2b cap 15; TQ-6.2a floors 05/02/01; TQ-6.1a 15/10, TQ-8.3b 30/10, TQ-6.1b 31/12; TQ-3.3 01/10."""
    tq = load_ruleset("tuyen-quang-2023")
    assert tq.cap is not None
    assert tq.cap.slots == 15
    assert [(f.rule.id, f.minimum) for f in tq.floors] == [
        ("TQ-6.2a", 5),
        ("TQ-6.2a", 2),
        ("TQ-6.2a", 1),
    ]
    assert {(d.rule.id, d.month, d.day) for d in tq.deadlines} == {
        ("TQ-6.1a", 10, 15), ("TQ-8.3b", 10, 30), ("TQ-6.1b", 12, 31)}  # fmt: skip
    assert tq.window is not None
    assert (tq.window.start_month, tq.window.start_day) == (10, 1)
    assert tq.posthumous is not None
    assert tq.posthumous.allowed is False  # TQ-2.1c "không áp dụng hình thức truy tặng"


# -- Bắc Kạn, Section III.2 ------------------------------------------------------------------

COMMUNE = "UBND xã Đồng Thắng"


def household(evidence: Sequence[Evidence], complete: Sequence[str] = ()) -> Verdict:
    nominee = Nominee("household", ["household-economy"], evidence, complete=complete)
    return assess(nominee, BK, window=BK_WINDOW).tree.find("BK-III.2.4").verdict


HOUSEHOLD_QUALITATIVE = ("production", "environment", "jobs", "compliance", "social")


def test_bk_iii_2_4_income_growth_alone_is_not_a_household_exemplar() -> None:
    """BK-III.2.4: seven ";"-parts, all required: income higher than last year and nothing else is not enough."""
    income = [
        Figure("household_income", 2021, 90_000_000),
        Figure("household_income", 2022, 120_000_000),
    ]
    family = [Title("cultural_family", y, COMMUNE, date=D(y, 12, 20)) for y in (2021, 2022)]
    others = [
        signed(f"BK-III.2.4.{p}", holds=False, on=D(2023, 3, 15)) for p in HOUSEHOLD_QUALITATIVE
    ]
    assert household([*income, *family, *others]) is Verdict.NOT_MET
    held = [signed(f"BK-III.2.4.{p}", on=D(2023, 3, 15)) for p in HOUSEHOLD_QUALITATIVE]
    assert household([*income, *family, *held]) is Verdict.MET


def test_bk_iii_2_4_income_no_higher_than_the_year_before_fails() -> None:
    """BK-III.2.4: "thu nhập của gia đình năm sau cao hơn năm trước" — equal income is not higher."""
    income = [
        Figure("household_income", 2021, 90_000_000),
        Figure("household_income", 2022, 90_000_000),
    ]
    nominee = Nominee("household", ["household-economy"], income)
    got = assess(nominee, BK, window=BK_WINDOW).tree.find("BK-III.2.4.income").verdict
    assert got is Verdict.NOT_MET


def test_bk_iii_2_4_cultural_family_every_year_means_each_year() -> None:
    """BK-III.2.4: "hằng năm đạt danh hiệu Gia đình văn hóa" — 2022 alone leaves 2021 open."""
    only_2022 = [Title("cultural_family", 2022, COMMUNE, date=D(2022, 12, 20))]
    nominee = Nominee("household", ["household-economy"], only_2022)
    got = assess(nominee, BK, window=BK_WINDOW).tree.find("BK-III.2.4.family").verdict
    assert got is not Verdict.MET


def test_bk_iii_2_3_revenue_must_grow_every_year() -> None:
    """BK-III.2.3: "các chỉ tiêu về doanh thu … hằng năm tăng trưởng" — a dip in one year fails."""

    def revenue(*amounts: int) -> Verdict:
        figures = [Figure("revenue", 2020 + i, a) for i, a in enumerate(amounts)]
        nominee = Nominee("collective", ["production-business"], figures)
        return (
            assess(nominee, BK, window=BK_WINDOW).tree.find("BK-III.2.3-collective.revenue").verdict
        )

    assert revenue(10_000, 12_000, 15_000) is Verdict.MET
    assert revenue(10_000, 9_000, 15_000) is Verdict.NOT_MET


def test_bk_iii_2_7_a_student_need_not_meet_the_staff_item() -> None:
    """BK-III.2.7: the two "+" items describe staff and learners: a learner meets the learners' item."""
    parts = ("movement", "effort", "discipline", "deeds")
    evidence = [signed(f"BK-III.2.7-student.{p}", on=D(2023, 3, 15)) for p in parts]
    nominee = Nominee("individual", ["education"], evidence)
    got = assess(nominee, BK, window=BK_WINDOW).tree.find("BK-III.2.7-individual").verdict
    assert got is Verdict.MET


# -- Ninh Thuận, Section IV.2 ----------------------------------------------------------------


def nt(cid: str, evidence: Sequence[Evidence], complete: Sequence[str] = ()) -> Verdict:
    nominee = Nominee("collective", ["defence-security"], evidence, complete=complete)
    return assess(nominee, NT, window=TQ_WINDOW).tree.find(cid).verdict


NT_QUALITATIVE = ("NT-IV.2b.compliance", "NT-IV.2b.innovation", "NT-IV.2b.solidarity")


def test_nt_iv_2b_excellent_completion_is_one_of_four_required_points() -> None:
    """NT-IV.2b: "Hoàn thành xuất sắc các nhiệm vụ được giao" — a unit rated only 'good' fails the general standard."""
    qualitative = [signed(c) for c in NT_QUALITATIVE]
    good = [Rating("good", 2024, "Sở Nội vụ", date=D(2024, 12, 10))]
    assert nt("NT-IV.2b", [*qualitative, *good], complete=["rating"]) is Verdict.NOT_MET
    excellent = [Rating("excellent", 2024, "Sở Nội vụ", date=D(2024, 12, 10))]
    assert nt("NT-IV.2b", [*qualitative, *excellent]) is Verdict.MET


@pytest.mark.parametrize("place", ["NT-IV.2c.defence.readiness", "NT-IV.2c.defence.crime"])
def test_nt_iv_2c_defence_either_place_suffices(place: str) -> None:
    """NT-IV.2c (defence and security): training and readiness; fighting crime — either one."""
    other = next(p for p in ("NT-IV.2c.defence.readiness", "NT-IV.2c.defence.crime") if p != place)
    assert nt("NT-IV.2c.defence", [signed(place), signed(other, holds=False)]) is Verdict.MET


# -- the floors of BK-IV.1 and NT-V.1đ --------------------------------------------------------


def test_bk_iv_1_and_nt_v_1d_floors() -> None:
    """BK-IV.1a at least 10, BK-IV.1b at least 03; NT-V.1đ 10, 01, 15, 05, 02, 01."""
    bk = load_ruleset("bac-kan-2021")
    assert [(f.rule.id, f.minimum) for f in bk.floors] == [
        ("BK-IV.1a", 10), ("BK-IV.1a", 10), ("BK-IV.1b", 3)]  # fmt: skip
    assert [f.minimum for f in load_ruleset("ninh-thuan-2023").floors] == [10, 1, 15, 5, 2, 1]


# -- TQ-4.3: approved by the provincial council at the rate of TQ-2.1b --------------------------


@pytest.mark.parametrize(
    ("approvals", "outcome", "code"),
    [
        (9, RoundOutcome.RECOGNISED, "ballot.meets_threshold"),
        (8, RoundOutcome.NOT_RECOGNISED, "ballot.below_threshold"),
    ],
    ids=["TQ-4.3 9 of 10 approve", "TQ-4.3 8 of 10 approve"],
)
def test_tq_4_3_an_eligible_nominee_is_recognised_only_at_the_rate_of_tq_2_1b(
    approvals: int, outcome: RoundOutcome, code: str
) -> None:
    """TQ-4.3 "đạt tỷ lệ phiếu theo quy định tại điểm b khoản 1 Điều 2": 9 of a council of 10 (90 %)."""
    decision = run_round(make_round([nomination("N1")], {"N1": approvals}))
    out = decision.outcome("N1")
    assert out.outcome is outcome
    (reason,) = [r for r in out.reasons if r.code == code]
    # the rate TQ-4.3 refers to: point b, clause 1, Article 2 (TQ-2.1b)
    rule = reason.rule
    assert rule is not None
    assert rule.id == "TQ-2.1b"
    assert (rule.citation.article, rule.citation.clause, rule.citation.point) == ("2", "1", "b")
