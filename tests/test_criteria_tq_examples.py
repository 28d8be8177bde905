"""Tuyên Quang (TQ-3.1, TQ-3.2 a–q): one example per verdict of every criterion, as sentences.

The measurable leaves have hand-written cases; the qualitative leaves (met only
by a signed attestation) and the combinators get cases built from the same
evidence, with sentences generated from the rule id. The last test checks that
every rule id of the catalogue is named by a case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from dienhinh import NomineeKind, Readings
from dienhinh.criteria import (
    Attestation,
    Award,
    Catalogue,
    Certificate,
    Contribution,
    Evidence,
    Initiative,
    Invention,
    Nominee,
    Ocop,
    Project,
)
from dienhinh.rulesets import load_catalogue
from tests.catalogue_coverage import (
    Case,
    Expected,
    attestation_cases,
    check,
    composite_cases,
    coverage_gaps,
    evidence_for,
    sentence,
)

TQ: Catalogue = load_catalogue("tuyen-quang-2023")
D = dt.date
IN = D(2024, 3, 15)
"""A day inside the examples' window (01/10/2023 – 15/12/2024)."""
BEFORE = D(2023, 9, 30)
"""The day before the window starts (TQ-3.3: from 01/10 of the previous year)."""


def attest(cid: str, *, on: D = IN, holds: bool = True) -> Attestation:
    return Attestation(
        cid, "UBND xã Tân Trào", "Chủ tịch UBND xã", on, f"Xác nhận về {cid}.", holds=holds
    )


def _field_of(cid: str) -> str:
    for f in TQ.fields:
        for root in f.standard:
            if cid == root or cid in _subtree(root):
                return f.id
    return "agriculture"  # a general-standard criterion: any field will do


def _subtree(cid: str) -> set[str]:
    node = TQ.criteria[cid]
    out = set(node.children)
    for c in node.children:
        out |= _subtree(c)
    return out


def _kind(cid: str) -> NomineeKind:
    kinds = TQ.criteria[cid].applies_to
    return NomineeKind.COLLECTIVE if NomineeKind.COLLECTIVE in kinds else NomineeKind.INDIVIDUAL


def who(cid: str, evidence: Sequence[Evidence] = (), *, complete: Sequence[str] = ()) -> Nominee:
    """A nominee of a kind ``cid`` applies to, declaring the field ``cid`` belongs to."""
    return Nominee(_kind(cid), [_field_of(cid)], evidence, complete=complete)


# -- the measurable leaves: (met, not met, unknown), each with its evidence ---------------

Evid = tuple[Evidence, ...]
MEASURABLE: dict[str, tuple[tuple[str, Evid, tuple[str, ...]], ...]] = {
    "TQ-3.1c.initiative": (
        (
            "a unit whose initiative a provincial council recognised in the window meets TQ-3.1c.initiative",
            (Initiative("Quy trình số hóa hồ sơ", "Hội đồng sáng kiến tỉnh", "province", IN),),
            (),
        ),
        (
            "a unit that declares its initiatives complete, the only one recognised before the window, "
            "does not meet TQ-3.1c.initiative",
            (Initiative("Quy trình số hóa hồ sơ", "Hội đồng sáng kiến tỉnh", "province", BEFORE),),
            ("initiative",),
        ),
        (
            "a unit whose only initiative was recognised the day before the window (TQ-3.3) is unknown on "
            "TQ-3.1c.initiative",
            (Initiative("Quy trình số hóa hồ sơ", "Hội đồng sáng kiến tỉnh", "province", BEFORE),),
            (),
        ),
    ),
    "TQ-3.2c.ocop": (
        (
            "a cooperative with a 3-star OCOP product in the window meets TQ-3.2c.ocop",
            (Ocop("Chè Shan tuyết", 3, IN, "UBND tỉnh Tuyên Quang"),),
            (),
        ),
        (
            "a cooperative whose OCOP products, declared complete, reach only 2 stars does not meet TQ-3.2c.ocop",
            (Ocop("Chè Shan tuyết", 2, IN, "UBND tỉnh Tuyên Quang"),),
            ("ocop",),
        ),
        (
            "a cooperative with a 2-star OCOP product and no word on others is unknown on TQ-3.2c.ocop",
            (Ocop("Chè Shan tuyết", 2, IN, "UBND tỉnh Tuyên Quang"),),
            (),
        ),
    ),
    "TQ-3.2c.fsc": (
        (
            "a forest owner granted an FSC certificate in the window meets TQ-3.2c.fsc",
            (Certificate("fsc", "Rừng keo 120 ha", IN, "FSC"),),
            (),
        ),
        (
            "a forest owner whose certificates, declared complete, are VietGAP only does not meet TQ-3.2c.fsc",
            (Certificate("vietgap", "Cam sành", IN, "Trung tâm chứng nhận"),),
            ("certificate",),
        ),
        (
            "a forest owner whose FSC certificate was issued before the window is unknown on TQ-3.2c.fsc",
            (Certificate("fsc", "Rừng keo 120 ha", BEFORE, "FSC"),),
            (),
        ),
    ),
    "TQ-3.2đ.students": (
        (
            "a school whose pupils won a provincial contest prize in the window meets TQ-3.2đ.students",
            (Award("province", "education", "competition", IN, "Sở Giáo dục và Đào tạo"),),
            (),
        ),
        (
            "a school whose contest prizes, declared complete, are at district level does not meet "
            "TQ-3.2đ.students",
            (Award("district", "education", "competition", IN, "UBND huyện Yên Sơn"),),
            ("award",),
        ),
        (
            "a school with a provincial commendation but no contest prize is unknown on TQ-3.2đ.students",
            (Award("province", "education", "commendation", IN, "UBND tỉnh Tuyên Quang"),),
            (),
        ),
    ),
    "TQ-3.2g.award": (
        (
            "an institute with a provincial S&T prize in the window meets TQ-3.2g.award",
            (Award("province", "science_technology", "prize", IN, "UBND tỉnh Tuyên Quang"),),
            (),
        ),
        (
            "an institute whose awards, declared complete, hold only a district S&T prize does not meet "
            "TQ-3.2g.award",
            (Award("district", "science_technology", "prize", IN, "UBND huyện Sơn Dương"),),
            ("award",),
        ),
        (
            "an institute with a provincial press prize but no S&T prize is unknown on TQ-3.2g.award",
            (Award("province", "press_communication", "prize", IN, "Hội Nhà báo tỉnh"),),
            (),
        ),
    ),
    "TQ-3.2g.invention": (
        (
            "an engineer whose patent granted in the window is applied in practice meets TQ-3.2g.invention",
            (Invention("Máy sấy chè", "Bằng độc quyền sáng chế 1-0034567", IN, applied=True),),
            (),
        ),
        (
            "an engineer whose only patent, declared complete, is not applied does not meet TQ-3.2g.invention",
            (Invention("Máy sấy chè", "Bằng độc quyền sáng chế 1-0034567", IN, applied=False),),
            ("invention",),
        ),
        (
            "an engineer whose patent says nothing of its use is unknown on TQ-3.2g.invention",
            (Invention("Máy sấy chè", "Bằng độc quyền sáng chế 1-0034567", IN),),
            (),
        ),
    ),
    "TQ-3.2g.project": (
        (
            "a scientist whose provincial project was accepted as “pass” in the window meets TQ-3.2g.project",
            (Project("Giống chè mới", "province", "pass", IN),),
            (),
        ),
        (
            "a scientist whose only project, declared complete, was rated “fail” does not meet TQ-3.2g.project",
            (Project("Giống chè mới", "province", "fail", IN),),
            ("project",),
        ),
        (
            "a scientist whose provincial project was accepted before the window is unknown on TQ-3.2g.project",
            (Project("Giống chè mới", "province", "excellent", BEFORE),),
            (),
        ),
    ),
    "TQ-3.2h.sport": (
        (
            "an athlete with a district-level competition result in March 2024 meets TQ-3.2h.sport",
            (Award("district", "sport", "competition", IN, "UBND huyện Hàm Yên"),),
            (),
        ),
        (
            "an athlete whose results, declared complete, are at commune level only does not meet TQ-3.2h.sport",
            (Award("commune", "sport", "competition", IN, "UBND xã Tân Trào"),),
            ("award",),
        ),
        ("an athlete with no competition result reported is unknown on TQ-3.2h.sport", (), ()),
    ),
    "TQ-3.2i.press": (
        (
            "a journalist with a provincial press prize in the window meets TQ-3.2i.press",
            (Award("province", "press_communication", "prize", IN, "Hội Nhà báo tỉnh"),),
            (),
        ),
        (
            "a journalist whose prizes, declared complete, are all in sport does not meet TQ-3.2i.press",
            (Award("province", "sport", "competition", IN, "Sở Văn hóa"),),
            ("award",),
        ),
        (
            "a journalist whose provincial press prize predates the window is unknown on TQ-3.2i.press",
            (Award("province", "press_communication", "prize", BEFORE, "Hội Nhà báo tỉnh"),),
            (),
        ),
    ),
    "TQ-3.2q.site-clearance": (
        (
            "a person who donated 120 m² of land for site clearance in the window meets TQ-3.2q.site-clearance",
            (Contribution("land", 120, "site_clearance", IN),),
            (),
        ),
        (
            "a person whose contributions, declared complete, were money to charity does not meet "
            "TQ-3.2q.site-clearance",
            (Contribution("money", 5_000_000, "charity", IN),),
            ("contribution",),
        ),
        (
            "a person whose land donation predates the window is unknown on TQ-3.2q.site-clearance",
            (Contribution("land", 120, "site_clearance", BEFORE),),
            (),
        ),
    ),
}
_VERDICT_ORDER: tuple[Expected, ...] = ("met", "not_met", "unknown")


def _measurable_cases() -> list[Case]:
    out = []
    for cid, triple in MEASURABLE.items():
        for verdict, (text, evidence, complete) in zip(_VERDICT_ORDER, triple, strict=True):
            missing = (f"criteria.ask.{TQ.criteria[cid].evidence}",) if verdict == "unknown" else ()
            nominee = who(cid, evidence, complete=complete)
            out.append(Case(text, cid, verdict, nominee, missing=missing))
    return out


def _attestation_cases() -> list[Case]:
    return attestation_cases(TQ, who=who, attest=attest, kind_of=_kind)


# -- combinators: evidence for every leaf below, or against, or none --------------------


def _evidence_for(
    cid: str, verdict: Expected, kind: NomineeKind = NomineeKind.COLLECTIVE
) -> tuple[list[Evidence], set[str]]:
    return evidence_for(TQ, MEASURABLE, attest, cid, verdict, kind)


def _composite_cases() -> list[Case]:
    return composite_cases(TQ, measurable=MEASURABLE, who=who, attest=attest, kind_of=_kind)


def _standing_cases() -> list[Case]:
    general, _ = _evidence_for("TQ-3.1", "met", NomineeKind.COLLECTIVE)
    ocop = Ocop("Chè Shan tuyết", 3, IN, "UBND tỉnh Tuyên Quang")
    coop = Nominee("collective", ["agriculture"], [*general, ocop])
    sport = Award("district", "sport", "competition", D(2025, 3, 1), "UBND huyện Hàm Yên")
    late = (D(2024, 10, 1), D(2025, 12, 15))
    national = Nominee(
        "individual",
        ["science-technology"],
        [Project("Giống chè mới", "national", "pass", IN)],
        complete=["project"],
    )
    return [
        Case("a cooperative with a 3-star OCOP product in the window meets TQ-3.2c", "TQ-3.2c", "met",
             Nominee("collective", ["agriculture"], [ocop])),
        Case("a cooperative meeting all four points of TQ-3.1 and TQ-3.2c meets TQ-3", "TQ-3", "met", coop),
        Case("a cooperative meeting TQ-3.2c meets the field group TQ-3.2", "TQ-3.2", "met", coop),
        Case("a cooperative with a 3-star OCOP product but no statement on TQ-3.1 is unknown on TQ-3",
             "TQ-3", "unknown", Nominee("collective", ["agriculture"], [ocop])),
        Case("a cooperative whose statement denies TQ-3.1a does not meet TQ-3 whatever its fields",
             "TQ-3", "not_met", Nominee("collective", ["agriculture"], [attest("TQ-3.1a", holds=False), ocop])),
        Case("a 3-star OCOP rating dated the day before the window (TQ-3.3) leaves TQ-3.2c.ocop unknown",
             "TQ-3.2c.ocop", "unknown",
             Nominee("collective", ["agriculture"], [Ocop("Chè", 3, BEFORE, "UBND tỉnh")])),
        Case("a 3-star OCOP rating dated on the first day of the window (TQ-3.3) meets TQ-3.2c.ocop",
             "TQ-3.2c.ocop", "met",
             Nominee("collective", ["agriculture"], [Ocop("Chè", 3, D(2023, 10, 1), "UBND tỉnh")])),
        Case("a 3-star OCOP rating dated on the consideration date (TQ-3.3) meets TQ-3.2c.ocop",
             "TQ-3.2c.ocop", "met",
             Nominee("collective", ["agriculture"], [Ocop("Chè", 3, D(2024, 12, 15), "UBND tỉnh")])),
        Case("under A-15 province-after-reform, for a window ending after 01/07/2025, a district result "
             "declared complete does not meet TQ-3.2h.sport",
             "TQ-3.2h.sport", "not_met", Nominee("individual", ["culture-sport"], [sport], complete=["award"]),
             late, Readings().choose("A-15", "province-after-reform")),
        Case("under A-15 keep-level, a district result of March 2025 still meets TQ-3.2h.sport in a window "
             "ending after 01/07/2025",
             "TQ-3.2h.sport", "met", Nominee("individual", ["culture-sport"], [sport]), late),
        Case("under A-14 semicolon-or, one attested half of TQ-3.2a meets TQ-3.2a",
             "TQ-3.2a", "met", Nominee("individual", ["party-building"], [attest("TQ-3.2a.building")]),
             readings=Readings().choose("A-14", "semicolon-or")),
        Case("under A-14 semicolon-and, one attested half of TQ-3.2a leaves TQ-3.2a unknown",
             "TQ-3.2a", "unknown", Nominee("individual", ["party-building"], [attest("TQ-3.2a.building")])),
        Case("under A-36 province-or-above, a national project rated “pass” in the window meets "
             "TQ-3.2g.project", "TQ-3.2g.project", "met", national),
        Case("under A-36 provincial-only, a national project, the only one declared, does not meet "
             "TQ-3.2g.project", "TQ-3.2g.project", "not_met", national,
             readings=Readings().choose("A-36", "provincial-only")),
    ]  # fmt: skip


CASES = _measurable_cases() + _attestation_cases() + _composite_cases() + _standing_cases()


@pytest.mark.parametrize("case", CASES, ids=sentence)
def test_example(case: Case) -> None:
    """The criterion named by the sentence gets the verdict the sentence states (TQ-3.1, TQ-3.2)."""
    check(case, TQ)


def test_every_rule_id_of_the_tq_catalogue_has_a_test_naming_it() -> None:
    """Each leaf has a met, a not-met and an unknown example; every other rule id is named."""
    assert coverage_gaps(TQ, CASES) == []


def test_the_catalogue_has_the_sixteen_fields_of_tq_3_2() -> None:
    """TQ-3.2 has sixteen fields, a–q without f and j, each with its own point."""
    points = [f.citation.point for f in TQ.fields]
    assert points == [*"abcd", "đ", *"eghiklmnopq"]
    assert [f.standard for f in TQ.fields] == [(f"TQ-3.2{p}",) for p in points]
    assert TQ.general == ("TQ-3.1",)
    assert TQ.criteria["TQ-3.1"].children == ("TQ-3.1a", "TQ-3.1b", "TQ-3.1c", "TQ-3.1d")


def test_every_criterion_cites_article_3_of_tq() -> None:
    """Every node cites TQ Regulation Art. 3, the clause of its standard and, below the clause, its point."""
    for node in TQ.criteria.values():
        c = node.citation
        assert (c.document, c.article) == ("TQ", "3")
        assert c.clause == node.id[5], node.id
        letter = node.id.split(".")[1][1:] if node.id.count(".") else ""
        if letter:
            assert c.point == letter, node.id


def test_each_semicolon_read_as_alternatives_says_why() -> None:
    """A-14: a “;”-list read as “or” carries a note in both languages; “hoặc” is always “or”."""
    for node in TQ.criteria.values():
        if node.joined_by == ";" and node.structure == "any_of":
            assert node.note_vi, node.id
            assert node.note_en, node.id
        if node.joined_by == "hoặc":
            assert node.structure == "any_of", node.id
