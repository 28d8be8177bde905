"""Ninh Thuận, Plan of 02/2023 (NT-IV.2b, NT-IV.2c): one example per verdict of every criterion.

NT-IV.2b has four points, one of them measurable (a rating "hoàn thành xuất sắc nhiệm vụ"
in the window); NT-IV.2c names fourteen fields and leaves their standards to each unit, so a
field is met by the nominating unit's attestation. The plan sets no achievement window: the
examples choose 01/10/2023 – 15/12/2024.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from dienhinh import NomineeKind, Readings
from dienhinh.criteria import (
    Attestation,
    Catalogue,
    Evidence,
    Nominee,
    Rating,
)
from dienhinh.rulesets import load_catalogue
from tests.catalogue_coverage import (
    WINDOW,
    Case,
    Expected,
    attestation_cases,
    check,
    composite_cases,
    coverage_gaps,
    evidence_for,
    sentence,
)

NT: Catalogue = load_catalogue("ninh-thuan-2023")
D = dt.date
IN = D(2024, 3, 15)
"""A day inside the examples' window (01/10/2023 – 15/12/2024)."""
AUTHORITY = "UBND phường Phủ Hà"

EXCELLENT_2024 = Rating("excellent", 2024, "Sở Nội vụ", date=D(2024, 12, 10))
GOOD_2024 = Rating("good", 2024, "Sở Nội vụ", date=D(2024, 12, 10))
EXCELLENT_2022 = Rating("excellent", 2022, "Sở Nội vụ", date=D(2022, 12, 10))


def attest(cid: str, *, on: D = IN, holds: bool = True) -> Attestation:
    return Attestation(
        cid, AUTHORITY, "Chủ tịch UBND phường", on, f"Xác nhận về {cid}.", holds=holds
    )


def _subtree(cid: str) -> set[str]:
    node = NT.criteria[cid]
    out = set(node.children)
    for c in node.children:
        out |= _subtree(c)
    return out


def _field_of(cid: str) -> str:
    for f in NT.fields:
        for root in f.standard:
            if cid == root or cid in _subtree(root):
                return f.id
    return "social-life"  # a general-standard criterion: any field will do


def who(
    cid: str,
    evidence: Sequence[Evidence] = (),
    *,
    complete: Sequence[str] = (),
    kind: NomineeKind = NomineeKind.COLLECTIVE,
) -> Nominee:
    """A nominee (a collective unless said otherwise) declaring the field ``cid`` belongs to."""
    return Nominee(kind, [_field_of(cid)], list(dict.fromkeys(evidence)), complete=complete)


# -- the measurable leaf: (met, not met, unknown) ----------------------------------------

Evid = tuple[Evidence, ...]
MEASURABLE: dict[str, tuple[tuple[str, Evid, tuple[str, ...]], ...]] = {
    "NT-IV.2b.excellent": (
        ("a unit rated 'hoàn thành xuất sắc nhiệm vụ' for 2024 on 10/12/2024 meets NT-IV.2b.excellent",
         (EXCELLENT_2024,), ()),
        ("a unit whose ratings, declared complete, reach only 'hoàn thành tốt nhiệm vụ' for 2024 does not "
         "meet NT-IV.2b.excellent", (GOOD_2024,), ("rating",)),
        ("a unit whose only 'hoàn thành xuất sắc' rating (2022) was decided before the window is unknown on "
         "NT-IV.2b.excellent", (EXCELLENT_2022,), ()),
    ),
}  # fmt: skip
_VERDICT_ORDER: tuple[Expected, ...] = ("met", "not_met", "unknown")


def _measurable_cases() -> list[Case]:
    out = []
    for cid, triple in MEASURABLE.items():
        for verdict, (text, evidence, complete) in zip(_VERDICT_ORDER, triple, strict=True):
            missing = (f"criteria.ask.{NT.criteria[cid].evidence}",) if verdict == "unknown" else ()
            out.append(
                Case(text, cid, verdict, who(cid, evidence, complete=complete), missing=missing)
            )
    return out


def _attestation_cases() -> list[Case]:
    return attestation_cases(
        NT, who=who, attest=attest, kind_of=lambda _cid: NomineeKind.COLLECTIVE
    )


# -- combinators -------------------------------------------------------------------------


def _evidence_for(
    cid: str, verdict: Expected, kind: NomineeKind = NomineeKind.COLLECTIVE
) -> tuple[list[Evidence], set[str]]:
    return evidence_for(NT, MEASURABLE, attest, cid, verdict, kind)


def _composite_cases() -> list[Case]:
    return composite_cases(
        NT,
        measurable=MEASURABLE,
        who=who,
        attest=attest,
        kind_of=lambda _cid: NomineeKind.COLLECTIVE,
    )


def _standing_cases() -> list[Case]:
    general, _ = _evidence_for("NT-IV.2b", "met")
    press = attest("NT-IV.2c.ict.press")
    newspaper = Nominee("collective", ["information-communications"], [*general, press])
    household_attested = [
        attest(c) for c in ("NT-IV.2b.compliance", "NT-IV.2b.innovation", "NT-IV.2b.solidarity")
    ]
    semicolon_or = Readings().choose("A-14", "semicolon-or")
    return [
        Case("a newspaper meeting the four points of NT-IV.2b and exemplary in the press meets NT-IV.2",
             "NT-IV.2", "met", newspaper),
        Case("a newspaper exemplary in the press meets the field group NT-IV.2c", "NT-IV.2c", "met", newspaper),
        Case("a newspaper exemplary in the press but with no statement on NT-IV.2b is unknown on NT-IV.2",
             "NT-IV.2", "unknown", Nominee("collective", ["information-communications"], [press])),
        Case("a newspaper whose statement denies NT-IV.2b.compliance does not meet NT-IV.2 whatever its field",
             "NT-IV.2", "not_met",
             Nominee("collective", ["information-communications"],
                     [attest("NT-IV.2b.compliance", holds=False), press])),
        Case("under A-14 semicolon-and, a newspaper exemplary in the press alone meets NT-IV.2c.ict, "
             "whose ';' separates two kinds of exemplar", "NT-IV.2c.ict", "met",
             Nominee("collective", ["information-communications"], [press])),
        Case("under A-14 semicolon-or, a newspaper exemplary in the press alone still meets NT-IV.2c.ict",
             "NT-IV.2c.ict", "met", Nominee("collective", ["information-communications"], [press]),
             WINDOW, semicolon_or),
        Case("a household with three points of NT-IV.2b attested but no rating 'hoàn thành xuất sắc' is "
             "unknown on NT-IV.2b (households are held to the general standard too)",
             "NT-IV.2b", "unknown", Nominee("household", ["social-life"], household_attested),
             missing=("criteria.ask.rating",)),
        Case("under A-14 semicolon-or, the four points of NT-IV.2b are still all required: one attested "
             "point leaves NT-IV.2b unknown", "NT-IV.2b", "unknown",
             Nominee("individual", ["health"], [attest("NT-IV.2b.compliance")]), WINDOW, semicolon_or),
    ]  # fmt: skip


CASES = _measurable_cases() + _attestation_cases() + _composite_cases() + _standing_cases()


@pytest.mark.parametrize("case", CASES, ids=sentence)
def test_example(case: Case) -> None:
    """The criterion named by the sentence gets the verdict the sentence states (NT-IV.2)."""
    check(case, NT)


def test_every_rule_id_of_the_nt_catalogue_has_a_test_naming_it() -> None:
    """Each leaf has a met, a not-met and an unknown example; every other rule id is named."""
    assert coverage_gaps(NT, CASES) == []


def test_the_catalogue_has_the_fourteen_fields_of_nt_iv_2c() -> None:
    """NT-IV.2c names fourteen fields, in the text's order; NT-IV.2b has four points."""
    assert [f.id for f in NT.fields] == [
        "party-government",
        "defence-security",
        "industry-construction-transport",
        "agriculture",
        "finance-banking",
        "health",
        "education",
        "science-technology",
        "culture-arts-sport",
        "foreign-affairs",
        "information-communications",
        "administrative-reform",
        "social-security",
        "social-life",
    ]
    assert NT.general == ("NT-IV.2b",)
    assert len(NT.criteria["NT-IV.2b"].children) == 4
    every = frozenset(NomineeKind)  # collectives, individuals and households
    for f in NT.fields:
        (root,) = f.standard
        assert NT.criteria[root].applies_to == every, f.id


def test_every_criterion_cites_section_iv_2_of_nt() -> None:
    """Every node cites NT section IV, clause 2, point b (general standard) or c (fields), with a quote."""
    for node in NT.criteria.values():
        c = node.citation
        assert (c.document, c.division, c.article, c.clause) == ("NT", "section", "IV", "2"), (
            node.id
        )
        assert c.point == node.id.removeprefix("NT-IV.2")[0], node.id
        assert c.quote, node.id


def test_each_semicolon_read_as_alternatives_says_why() -> None:
    """Each “;” of NT-IV.2c read as “or” separates places to look and carries a note in both languages."""
    alternatives = {n.id for n in NT.criteria.values() if n.joined_by == ";"}
    assert alternatives == {
        "NT-IV.2c.defence",
        "NT-IV.2c.industry",
        "NT-IV.2c.finance",
        "NT-IV.2c.science",
        "NT-IV.2c.ict",
    }
    for cid in alternatives:
        node = NT.criteria[cid]
        assert node.structure == "any_of", cid
        assert node.note_vi, cid
        assert node.note_en, cid
