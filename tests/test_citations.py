"""Citations and wording read exactly as the documents write them (issue 10).

The excerpts below are copied from the four source documents (Tuyên Quang's draft decision and
regulation, Kon Tum's letter 4054/UBND-NC, Bắc Kạn's plan 458/KH-UBND, Ninh Thuận's plan),
whitespace folded: a quotation or a title the library prints must be found in them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dienhinh import Citation, InvalidInputError, UnknownFieldError, load_ruleset
from dienhinh._provenance import document_title
from dienhinh.calendar import check_deadline
from dienhinh.criteria import Initiative, Nominee, Verdict, assess
from dienhinh.rulesets import load_catalogue

# -- the documents, as written ------------------------------------------------------------------

TQ_HEADING = """QUYẾT ĐỊNH
Ban hành Quy định về đối tượng, tiêu chuẩn điển hình tiên tiến
trên địa bàn tỉnh Tuyên Quang"""
TQ_2_1A = (
    "a) Việc xét công nhận điển hình tiên tiến phải trên cơ sở tự nguyện của tập thể, cá nhân; "
    "bảo đảm dân chủ, khách quan, công bằng, công khai, minh bạch"
)
TQ_3_1C = (
    "c) Có sáng kiến, giải pháp sáng tạo trong công tác được cấp có thẩm quyền công nhận hoặc có "
    "mô hình mới, cách làm hay, giải pháp sáng tạo, mang lại hiệu quả thiết thực."
)
KT_SUBJECT = """Số: 4054 /UBND-NC

Kon Tum, ngày 29 tháng 11 năm 2022

V/v phát hiện - bồi dưỡng - tổng
kết - nhân rộng điển hình tiên
tiên, mô hình mới tiêu biểu
trong phong trào thi đua"""
KT_OPENING = (
    "Thời gian qua, công tác “*Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng điển hình tiên "
    "tiến*” của các cơ quan, tổ chức, địa phương trên địa bàn tỉnh"
)
KT_POINT_1 = "1. Thủ trưởng các cơ quan, đơn vị thành viên Cụm, Khối thi đua thuộc tỉnh:"
BK_HEADING = """Số: **458** /KH-UBND

Bắc Kạn, ngày 19 tháng 7 năm 2021

KẾ HOẠCH
Xây dựng, nhân rộng mô hình,
gương điển hình tiên tiến giai đoạn 2021-2025"""
BK_OPENING = (
    "Nhằm tiếp tục phát huy vai trò của các mô hình, gương điển hình tiên tiến trong việc phát "
    "triển kinh tế - xã hội, bảo đảm an ninh, trật tự trên địa bàn tỉnh, UBND tỉnh ban hành Kế "
    "hoạch xây dựng, nhân rộng mô hình, gương điển hình tiên tiến trên địa bàn tỉnh, giai đoạn "
    "2021-2025 với những nội dung sau:"
)
NT_HEADING = """KẾ HOẠCH
Tổ chức thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến
giai đoạn 2022 - 2025” trên địa bàn tỉnh Ninh Thuận"""


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


# -- TQ: the Regulation and the Decision ----------------------------------------------------------


def test_tq_2_1b_is_cited_as_a_point_of_the_attached_quy_dinh() -> None:
    """TQ-2.1b: “điểm b khoản 1 Điều 2 Quy định …”, the Vietnamese convention, point first."""
    c = Citation("TQ", article="2", clause="1", point="b")
    assert c.vi == "điểm b khoản 1 Điều 2 Quy định (TQ)"
    assert c.en == "TQ Regulation Art. 2(1)(b)"


def test_tq_qd_2_the_decisions_own_article_is_cited_as_the_decision() -> None:
    """TQ-QĐ-2: “Quyết định này có hiệu lực thi hành kể từ ngày …” is Article 2 of the Decision."""
    effective = load_ruleset("tuyen-quang-2023").effective
    assert effective is not None
    assert effective.rule.citation.vi == "Điều 2 Quyết định (TQ)"
    assert effective.rule.citation.en == "TQ Decision Art. 2"


@pytest.mark.parametrize(
    ("code", "heading", "words"),
    [
        ("TQ", TQ_HEADING, "Quy định về đối tượng, tiêu chuẩn điển hình tiên tiến trên địa bàn tỉnh Tuyên Quang"),
        ("TQ (Quyết định)", TQ_HEADING, "Quy định về đối tượng, tiêu chuẩn điển hình tiên tiến trên địa bàn tỉnh Tuyên Quang"),
        ("KT", KT_SUBJECT, "V/v phát hiện - bồi dưỡng - tổng kết - nhân rộng điển hình tiên tiên, mô hình mới tiêu biểu trong phong trào thi đua"),
        ("BK", BK_HEADING, "xây dựng, nhân rộng mô hình, gương điển hình tiên tiến giai đoạn 2021-2025"),
        ("NT", NT_HEADING, "tổ chức thực hiện Đề án “Tuyên truyền gương điển hình tiên tiến giai đoạn 2022 - 2025” trên địa bàn tỉnh Ninh Thuận"),
    ],
)  # fmt: skip
def test_every_citation_carries_its_documents_title(code: str, heading: str, words: str) -> None:
    """TQ, KT, BK, NT: a citation's JSON carries the document's title, in the document's words."""
    data = Citation(code, article="1").to_json()
    title = document_title(code)
    assert title is not None
    assert (data["title_vi"], data["title_en"]) == title
    assert words in title[0]
    assert words.lower() in fold(heading).lower()


def test_a_national_decree_has_no_provincial_title() -> None:
    """NĐ91-45.8: a national document is cited by its own name, point and clause first."""
    c = Citation("Nghị định 91/2017/NĐ-CP ngày 31/7/2017", article="45", clause="8")
    assert c.vi == "khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP ngày 31/7/2017"
    assert c.to_json()["title_vi"] is None


# -- quotations ----------------------------------------------------------------------------------


def test_tq_2_1a_quotes_tren_co_so_tu_nguyen_as_the_text_writes_it() -> None:
    """TQ-2.1a: the consent check quotes “trên cơ sở tự nguyện”, not a capitalised heading."""
    rules = [c.rule for c in load_ruleset("tuyen-quang-2023").checks if c.rule is not None]
    consent = next(r for r in rules if r.id == "TQ-2.1a")
    assert consent.citation.quote == "trên cơ sở tự nguyện"
    assert consent.citation.quote in TQ_2_1A
    assert consent.citation.vi == "điểm a khoản 1 Điều 2 Quy định (TQ)"


def test_kt_1_is_cited_to_the_letters_subject_and_opening_not_to_point_1() -> None:
    """KT-1: “Phát hiện - Bồi dưỡng - Tổng kết - Nhân rộng” is in the opening, before point 1."""
    rules = [c.rule for c in load_ruleset("kon-tum-2022").checks if c.rule is not None]
    c = next(r for r in rules if r.id == "KT-1").citation
    assert (c.division, c.article) == ("opening", None)
    assert c.vi == "phần trích yếu và mở đầu Công văn số 4054/UBND-NC (KT)"
    assert c.en == "KT letter 4054/UBND-NC, subject line and opening"
    assert c.quote is not None
    assert c.quote in fold(KT_OPENING)
    assert c.quote not in KT_POINT_1


def test_bk_the_period_of_effect_is_cited_to_the_plans_opening() -> None:
    """BK: “giai đoạn 2021-2025” is set where the plan is issued, in its opening paragraph
    before Mục I; dated “ngày 19 tháng 7 năm 2021”, it runs to 31/12/2025."""
    effective = load_ruleset("bac-kan-2021").effective
    assert effective is not None
    c = effective.rule.citation
    assert (effective.start, effective.end) == (dt.date(2021, 7, 19), dt.date(2025, 12, 31))
    assert (c.division, c.article) == ("opening", None)
    assert c.vi == "phần trích yếu và mở đầu Kế hoạch số 458/KH-UBND (BK)"
    assert c.en == "BK plan 458/KH-UBND, subject line and opening"
    assert c.quote is not None
    assert "giai đoạn 2021-2025" in c.quote
    assert c.quote in fold(BK_OPENING)
    assert "ngày 19 tháng 7 năm 2021" in BK_HEADING


def test_kt_the_period_of_effect_is_cited_to_the_letters_date_before_point_1() -> None:
    """KT: the letter sets no period; it applies from its date, “ngày 29 tháng 11 năm 2022”,
    written above its subject line (its opening), with no end."""
    effective = load_ruleset("kon-tum-2022").effective
    assert effective is not None
    c = effective.rule.citation
    assert (effective.start, effective.end) == (dt.date(2022, 11, 29), None)
    assert (c.division, c.article) == ("opening", None)
    assert c.vi == "phần trích yếu và mở đầu Công văn số 4054/UBND-NC (KT)"
    assert c.quote == "Kon Tum, ngày 29 tháng 11 năm 2022"
    assert c.quote in fold(KT_SUBJECT)
    assert c.quote not in KT_POINT_1


# -- wording -------------------------------------------------------------------------------------


def test_tq_3_1c_asks_for_an_initiative_recognised_by_a_competent_authority() -> None:
    """TQ-3.1c: “được cấp có thẩm quyền công nhận” — no level added; a school's own council counts."""
    tq = load_catalogue("tuyen-quang-2023")
    leaf = tq.criteria["TQ-3.1c.initiative"]
    assert leaf.test is not None
    assert "được cấp có thẩm quyền công nhận" in leaf.test.need_vi()
    assert leaf.test.need_vi() in fold(TQ_3_1C).lower()
    assert "cấp xã" not in leaf.test.need_vi()
    own = Initiative("Sổ điểm điện tử", "Hội đồng sáng kiến Trường THPT Tân Trào", "unit",
                     dt.date(2024, 5, 10))  # fmt: skip
    window = (dt.date(2023, 10, 1), dt.date(2024, 12, 15))
    node = assess(Nominee("individual", ["education"], [own]), tq, window=window)
    assert node.tree.find("TQ-3.1c.initiative").verdict is Verdict.MET


def test_tq_3_2_a_kind_without_a_standard_reads_an_individual() -> None:
    """BK-III.2.4: the error names “an individual”, not “a individual”."""
    bk = load_catalogue("bac-kan-2021")
    window = (dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    with pytest.raises(UnknownFieldError, match="has no standard for an individual in"):
        assess(Nominee("individual", ["household-economy"], []), bk, window=window)


@pytest.mark.parametrize(
    ("deadline", "act_vi", "act_en"),
    [("unit-consideration", "Họp xét ngày", "Considered on"),
     ("province-consideration", "Họp xét ngày", "Considered on"),
     ("dossier-submission", "Nộp ngày", "Submitted on")],
)  # fmt: skip
def test_tq_6_1_a_council_meeting_is_not_reported_as_a_submission(
    deadline: str, act_vi: str, act_en: str
) -> None:
    """TQ-6.1a, TQ-6.1b, TQ-8.3b: a council's meeting date is “Họp xét ngày”, a dossier's “Nộp ngày”."""
    check = check_deadline(load_ruleset("tuyen-quang-2023"), deadline, 2024, dt.date(2024, 10, 10))
    last = check.reasons[-1]
    assert last.vi.startswith(act_vi)
    assert last.en.startswith(act_en)


def test_a_level_outside_the_vocabulary_is_still_refused() -> None:
    """TQ-3.1c: ``unit`` joins the levels; an unknown level stays an error naming them all."""
    from dienhinh.io import read_nominee

    with pytest.raises(InvalidInputError, match="allowed: unit, commune, district"):
        read_nominee('{"kind": "individual", "fields": ["education"], "evidence": [{"type": '
                     '"initiative", "name": "x", "authority": "y", "level": "school", '
                     '"date": "2024-05-10"}]}')  # fmt: skip
