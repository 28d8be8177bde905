"""Bắc Kạn, Plan 458/KH-UBND (BK-III.1, BK-III.2.1 … 2.12): one example per verdict of every criterion.

The measurable leaves (ratings, titles, yearly figures, contributions) have hand-written
cases; the qualitative leaves (met only by a signed attestation) and the combinators get
cases built from the same evidence, with sentences generated from the rule id. The plan sets
no achievement window of its own, so the examples choose one: 01/10/2022 – 15/06/2023, a
consideration on 15/06/2023 (the provincial conference of Q2 2023, BK-IV.2). "Every year"
then means 2021 and 2022, the two calendar years before the consideration year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from dienhinh import NomineeKind, Readings, UnknownFieldError
from dienhinh.criteria import (
    Attestation,
    Catalogue,
    Contribution,
    Evidence,
    Figure,
    FigureTest,
    Nominee,
    Rating,
    RatingTest,
    Title,
    TitleTest,
    assess,
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

BK: Catalogue = load_catalogue("bac-kan-2021")
D = dt.date
ON = D(2023, 6, 15)
"""The consideration date of the examples: the provincial conference of Q2 2023 (BK-IV.2)."""
WINDOW = (D(2022, 10, 1), ON)
"""The examples' achievement window (the plan sets none; the caller chooses)."""
IN = D(2023, 3, 15)
"""A day inside the window."""
BEFORE = D(2022, 9, 30)
"""The day before the window starts."""
COMMUNE = "UBND xã Đồng Thắng"

# The canonical yearly items: every case that needs a year's rating or title uses these, so
# the evidence of several leaves can be put together without two ratings for one year.
EXCELLENT_2021 = Rating("excellent", 2021, "Sở Nội vụ", date=D(2021, 12, 20))
EXCELLENT_2022 = Rating("excellent", 2022, "Sở Nội vụ", date=D(2022, 12, 20))
GOOD_2022 = Rating("good", 2022, "Sở Nội vụ", date=D(2022, 12, 20))


def title(name: str, year: int) -> Title:
    return Title(name, year, COMMUNE, date=D(year, 12, 20))


def attest(cid: str, *, on: D = IN, holds: bool = True) -> Attestation:
    return Attestation(cid, COMMUNE, "Chủ tịch UBND xã", on, f"Xác nhận về {cid}.", holds=holds)


def _subtree(cid: str) -> set[str]:
    node = BK.criteria[cid]
    out = set(node.children)
    for c in node.children:
        out |= _subtree(c)
    return out


def _kind(cid: str) -> NomineeKind:
    kinds = BK.criteria[cid].applies_to
    for kind in (NomineeKind.COLLECTIVE, NomineeKind.INDIVIDUAL, NomineeKind.HOUSEHOLD):
        if kind in kinds:
            return kind
    raise AssertionError(cid)  # pragma: no cover


def _field_of(cid: str, kind: NomineeKind) -> str:
    for f in BK.fields:
        for root in f.standard:
            if cid == root or cid in _subtree(root):
                return f.id
    # A criterion of the general standard: any field open to the kind will do.
    for f in BK.fields:
        if any(kind in BK.criteria[s].applies_to for s in f.standard):
            return f.id
    raise AssertionError(cid)  # pragma: no cover


def who(
    cid: str,
    evidence: Sequence[Evidence] = (),
    *,
    complete: Sequence[str] = (),
    kind: NomineeKind | None = None,
) -> Nominee:
    """A nominee of a kind ``cid`` applies to, declaring the field ``cid`` belongs to."""
    kind = kind or _kind(cid)
    unique = list(dict.fromkeys(evidence))
    return Nominee(kind, [_field_of(cid, kind)], unique, complete=complete)


# -- the measurable leaves: (met, not met, unknown), each with its evidence ---------------

Evid = tuple[Evidence, ...]
Triple = tuple[tuple[str, Evid, tuple[str, ...]], ...]


def rated_in_window(cid: str, nominee: str) -> Triple:
    """'Hoàn thành xuất sắc nhiệm vụ' without "every year": one rating decided in the window."""
    return (
        (f"{nominee} rated 'hoàn thành xuất sắc nhiệm vụ' for 2022 on 20/12/2022 meets {cid}",
         (EXCELLENT_2022,), ()),
        (f"{nominee} whose ratings, declared complete, reach only 'hoàn thành tốt nhiệm vụ' "
         f"does not meet {cid}", (GOOD_2022,), ("rating",)),
        (f"{nominee} whose only 'hoàn thành xuất sắc' rating was decided before the window "
         f"is unknown on {cid}", (EXCELLENT_2021,), ()),
    )  # fmt: skip


def rated_every_year(cid: str, nominee: str) -> Triple:
    """'Hằng năm / luôn hoàn thành xuất sắc nhiệm vụ': excellent for 2021 and for 2022."""
    return (
        (f"{nominee} rated 'hoàn thành xuất sắc nhiệm vụ' for both 2021 and 2022 meets {cid}",
         (EXCELLENT_2021, EXCELLENT_2022), ()),
        (f"{nominee} rated excellent for 2021 but only 'hoàn thành tốt nhiệm vụ' for 2022 "
         f"does not meet {cid}", (EXCELLENT_2021, GOOD_2022), ()),
        (f"{nominee} rated excellent for 2022 with no rating given for 2021 is unknown on {cid}",
         (EXCELLENT_2022,), ()),
    )  # fmt: skip


def held_every_year(cid: str, nominee: str, name: str, vi: str) -> Triple:
    """A title held "hằng năm" / "luôn": for 2021 and for 2022."""
    return (
        (f"{nominee} holding '{vi}' for both 2021 and 2022 meets {cid}",
         (title(name, 2021), title(name, 2022)), ()),
        (f"{nominee} whose titles, declared complete, include '{vi}' for 2022 only does not meet {cid}",
         (title(name, 2022),), ("title",)),
        (f"{nominee} holding '{vi}' for 2022 with 2021 not stated is unknown on {cid}",
         (title(name, 2022),), ()),
    )  # fmt: skip


def growing(cid: str, metric: str, what: str) -> Triple:
    """Revenue, budget paid, profit "hằng năm tăng trưởng": 2020 < 2021 < 2022."""
    return (
        (f"an enterprise whose {what} grew from 2020 to 2021 and from 2021 to 2022 meets {cid}",
         (Figure(metric, 2020, 10_000_000_000), Figure(metric, 2021, 11_000_000_000),
          Figure(metric, 2022, 12_500_000_000)), ()),
        (f"an enterprise whose {what} grew in 2021 but stayed flat in 2022 does not meet {cid}",
         (Figure(metric, 2020, 10_000_000_000), Figure(metric, 2021, 11_000_000_000),
          Figure(metric, 2022, 11_000_000_000)), ()),
        (f"an enterprise that gives its {what} for 2021 and 2022 but not 2020 is unknown on {cid}",
         (Figure(metric, 2021, 11_000_000_000), Figure(metric, 2022, 12_500_000_000)), ()),
    )  # fmt: skip


def contributed(cid: str, kind: str, amount: int, what: str) -> Triple:
    """A contribution to new rural construction, in the window."""
    return (
        (f"a household that {what} for new rural construction in the window meets {cid}",
         (Contribution(kind, amount, "new_rural", IN),), ()),
        (f"a household whose contributions, declared complete, were {kind} for charity "
         f"does not meet {cid}", (Contribution(kind, amount, "charity", IN),), ("contribution",)),
        (f"a household whose only such contribution predates the window is unknown on {cid}",
         (Contribution(kind, amount, "new_rural", BEFORE),), ()),
    )  # fmt: skip


MEASURABLE: dict[str, Triple] = {
    # 2.1, 2.7–2.10: "hoàn thành xuất sắc nhiệm vụ" in the window
    "BK-III.2.1-collective.excellent": rated_in_window(
        "BK-III.2.1-collective.excellent", "an agency"
    ),
    "BK-III.2.1-individual.excellent": rated_in_window(
        "BK-III.2.1-individual.excellent", "a civil servant"
    ),
    "BK-III.2.7-staff.excellent": rated_in_window("BK-III.2.7-staff.excellent", "a teacher"),
    "BK-III.2.8-collective.excellent": rated_in_window(
        "BK-III.2.8-collective.excellent", "a health centre"
    ),
    "BK-III.2.8-individual.excellent": rated_in_window(
        "BK-III.2.8-individual.excellent", "a doctor"
    ),
    "BK-III.2.9-collective.excellent": rated_in_window(
        "BK-III.2.9-collective.excellent", "a police station"
    ),
    "BK-III.2.9-individual.excellent": rated_in_window(
        "BK-III.2.9-individual.excellent", "a soldier"
    ),
    "BK-III.2.10-party.excellent": rated_in_window("BK-III.2.10-party.excellent", "a party cell"),
    "BK-III.2.10-association.excellent": rated_in_window(
        "BK-III.2.10-association.excellent", "a farmers' association"
    ),
    # "hằng năm" / "luôn" ratings: every year of the look-back
    "BK-III.2.6-individual.excellent": rated_every_year(
        "BK-III.2.6-individual.excellent", "a civil servant"
    ),
    "BK-III.2.7-collective.excellent": rated_every_year(
        "BK-III.2.7-collective.excellent", "a school"
    ),
    "BK-III.2.10-individual.excellent": rated_every_year(
        "BK-III.2.10-individual.excellent", "a Party member"
    ),
    # titles every year
    "BK-III.2.4.family": held_every_year(
        "BK-III.2.4.family", "a household", "cultural_family", "Gia đình văn hóa"
    ),
    "BK-III.2.6-collective.culture": held_every_year(
        "BK-III.2.6-collective.culture", "an agency", "cultural_unit", "Cơ quan văn hóa"
    ),
    "BK-III.2.6-collective.excellent": held_every_year(
        "BK-III.2.6-collective.excellent",
        "an agency",
        "excellent_collective",
        "Tập thể lao động xuất sắc",
    ),
    "BK-III.2.6-collective.party": held_every_year(
        "BK-III.2.6-collective.party", "an agency", "clean_strong_party", "trong sạch, vững mạnh"
    ),
    # titles in the window (Decree 122/2018/NĐ-CP; the party organisation of an association)
    "BK-III.2.5-collective": (
        (
            "a village awarded 'Thôn văn hóa' for 2022 on 20/12/2022 meets BK-III.2.5-collective",
            (title("cultural_residential_area", 2022),),
            (),
        ),
        (
            "a village whose titles, declared complete, hold 'Thôn văn hóa' only for 2021 (decided before "
            "the window) does not meet BK-III.2.5-collective",
            (title("cultural_residential_area", 2021),),
            ("title",),
        ),
        (
            "a village whose only 'Thôn văn hóa' title was decided before the window is unknown on "
            "BK-III.2.5-collective",
            (title("cultural_residential_area", 2021),),
            (),
        ),
    ),
    "BK-III.2.5-household": (
        (
            "a family awarded 'Gia đình văn hóa' for 2022 on 20/12/2022 meets BK-III.2.5-household",
            (title("cultural_family", 2022),),
            (),
        ),
        (
            "a family whose titles, declared complete, are 'Thôn văn hóa' of its village only does not meet "
            "BK-III.2.5-household",
            (title("cultural_residential_area", 2022),),
            ("title",),
        ),
        ("a family with no title given is unknown on BK-III.2.5-household", (), ()),
    ),
    "BK-III.2.10-association.party": (
        (
            "an association whose party cell was rated 'trong sạch, vững mạnh' for 2022 in the window meets "
            "BK-III.2.10-association.party",
            (title("clean_strong_party", 2022),),
            (),
        ),
        (
            "an association whose titles, declared complete, are 'Tập thể lao động xuất sắc' only does not "
            "meet BK-III.2.10-association.party",
            (title("excellent_collective", 2022),),
            ("title",),
        ),
        (
            "an association with no word on its party cell is unknown on BK-III.2.10-association.party",
            (),
            (),
        ),
    ),
    # 2.3: revenue, budget paid, profit growing every year
    "BK-III.2.3-collective.revenue": growing("BK-III.2.3-collective.revenue", "revenue", "revenue"),
    "BK-III.2.3-collective.budget": growing(
        "BK-III.2.3-collective.budget", "budget_paid", "State budget payments"
    ),
    "BK-III.2.3-collective.profit": growing("BK-III.2.3-collective.profit", "profit", "profit"),
    # 2.4: income this year higher than last year
    "BK-III.2.4.income": (
        (
            "a household whose income was 90 million VND in 2021 and 120 million VND in 2022 meets "
            "BK-III.2.4.income",
            (
                Figure("household_income", 2021, 90_000_000),
                Figure("household_income", 2022, 120_000_000),
            ),
            (),
        ),
        (
            "a household whose income fell from 120 million VND in 2021 to 100 million VND in 2022 does not "
            "meet BK-III.2.4.income",
            (
                Figure("household_income", 2021, 120_000_000),
                Figure("household_income", 2022, 100_000_000),
            ),
            (),
        ),
        (
            "a household that gives its income for 2022 only is unknown on BK-III.2.4.income",
            (Figure("household_income", 2022, 120_000_000),),
            (),
        ),
    ),
    # 2.2: households' contributions to rural infrastructure
    "BK-III.2.2-individual-household.land": contributed(
        "BK-III.2.2-individual-household.land", "land", 150, "donated 150 m² of land"
    ),
    "BK-III.2.2-individual-household.money": contributed(
        "BK-III.2.2-individual-household.money", "money", 5_000_000, "gave 5 million VND"
    ),
    "BK-III.2.2-individual-household.labour": contributed(
        "BK-III.2.2-individual-household.labour", "labour", 20, "gave 20 labour days"
    ),
}
_VERDICT_ORDER: tuple[Expected, ...] = ("met", "not_met", "unknown")
_KIND_OF: dict[str, NomineeKind] = {
    cid: NomineeKind.HOUSEHOLD
    for cid in MEASURABLE
    if cid.startswith("BK-III.2.2-individual-household")
}


def _measurable_cases() -> list[Case]:
    out = []
    for cid, triple in MEASURABLE.items():
        for verdict, (text, evidence, complete) in zip(_VERDICT_ORDER, triple, strict=True):
            missing = (f"criteria.ask.{BK.criteria[cid].evidence}",) if verdict == "unknown" else ()
            nominee = who(cid, evidence, complete=complete, kind=_KIND_OF.get(cid))
            out.append(Case(text, cid, verdict, nominee, WINDOW, missing=missing))
    return out


def _attestation_cases() -> list[Case]:
    return attestation_cases(BK, who=who, attest=attest, kind_of=_kind, window=WINDOW)


# -- combinators: evidence for every leaf below, or against, or none --------------------


def _evidence_for(
    cid: str, verdict: Expected, kind: NomineeKind = NomineeKind.HOUSEHOLD
) -> tuple[list[Evidence], set[str]]:
    return evidence_for(BK, MEASURABLE, attest, cid, verdict, kind)


def _composite_cases() -> list[Case]:
    return composite_cases(
        BK, measurable=MEASURABLE, who=who, attest=attest, kind_of=_kind, window=WINDOW
    )


def _household(evidence: Sequence[Evidence], field: str = "household-economy") -> Nominee:
    return Nominee("household", [field], list(dict.fromkeys(evidence)))


def _standing_cases() -> list[Case]:
    general, _ = _evidence_for("BK-III.1", "met", NomineeKind.HOUSEHOLD)
    economy, _ = _evidence_for("BK-III.2.4", "met", NomineeKind.HOUSEHOLD)
    income_and_family = [
        *MEASURABLE["BK-III.2.4.income"][0][1],
        *MEASURABLE["BK-III.2.4.family"][0][1],
    ]
    semicolon_or = Readings().choose("A-14", "semicolon-or")
    land = Contribution("land", 150, "new_rural", IN)
    loss = (
        Figure("profit", 2020, -900_000_000),
        Figure("profit", 2021, -300_000_000),
        Figure("profit", 2022, 50_000_000),
    )
    return [
        Case("a household meeting every part of BK-III.1 and of BK-III.2.4 meets BK-III", "BK-III", "met",
             _household([*general, *economy]), WINDOW),
        Case("a household meeting BK-III.2.4 meets the field group BK-III.2", "BK-III.2", "met",
             _household(economy), WINDOW),
        Case("a household meeting BK-III.2.4 but with no statement on BK-III.1 is unknown on BK-III",
             "BK-III", "unknown", _household(economy), WINDOW),
        Case("a household whose statement denies BK-III.1.solidarity does not meet BK-III whatever its field",
             "BK-III", "not_met", _household([attest("BK-III.1.solidarity", holds=False), *economy]), WINDOW),
        Case("a household whose income rose and that held 'Gia đình văn hóa' every year, with no statement "
             "on the rest, is unknown on BK-III.2.4 (A-14 semicolon-and)",
             "BK-III.2.4", "unknown", _household(income_and_family), WINDOW),
        Case("under A-14 semicolon-or, a household whose income rose and that held 'Gia đình văn hóa' "
             "every year meets BK-III.2.4",
             "BK-III.2.4", "met", _household(income_and_family), WINDOW, semicolon_or),
        Case("a household that only donated land for new rural construction meets "
             "BK-III.2.2-individual-household (a comma list of forms of contribution)",
             "BK-III.2.2-individual-household", "met", _household([land], "new-rural"), WINDOW),
        Case("an enterprise whose loss shrank from 2020 to 2021 and turned to profit in 2022 meets "
             "BK-III.2.3-collective.profit", "BK-III.2.3-collective.profit", "met",
             Nominee("collective", ["production-business"], list(loss)), WINDOW),
        Case("a household whose 'Gia đình văn hóa' titles are for 2020 and 2021 (not 2022) is unknown on "
             "BK-III.2.4.family on 15/06/2023", "BK-III.2.4.family", "unknown",
             _household([title("cultural_family", 2020), title("cultural_family", 2021)]),
             WINDOW, missing=("criteria.ask.title",)),
        Case("under A-14 semicolon-or, a civil servant with only a good practice attested still needs the "
             "'Đồng thời' part of BK-III.2.11-individual, which is unknown",
             "BK-III.2.11-individual", "unknown",
             Nominee("individual", ["administrative-reform"], [attest("BK-III.2.11-individual.practice")]),
             WINDOW, semicolon_or),
    ]  # fmt: skip


CASES = _measurable_cases() + _attestation_cases() + _composite_cases() + _standing_cases()


@pytest.mark.parametrize("case", CASES, ids=sentence)
def test_example(case: Case) -> None:
    """The criterion named by the sentence gets the verdict the sentence states (BK-III)."""
    check(case, BK)


def test_every_rule_id_of_the_bk_catalogue_has_a_test_naming_it() -> None:
    """Each leaf has a met, a not-met and an unknown example; every other rule id is named."""
    assert coverage_gaps(BK, CASES) == []


def test_the_catalogue_has_the_twelve_fields_of_bk_iii_2_with_their_variants() -> None:
    """BK-III.2 has twelve fields, points 1 … 12; 2.4 is for households and 2.12 for everyone."""
    assert [f.citation.point for f in BK.fields] == [str(i) for i in range(1, 13)]
    assert BK.general == ("BK-III.1",)
    by_kind = {
        f.citation.point: {k.value: s for s in f.standard for k in BK.criteria[s].applies_to}
        for f in BK.fields
    }
    both = {"collective", "individual"}
    for point in ("1", "3", "6", "7", "8", "9", "10", "11"):
        assert set(by_kind[point]) == both, point
        assert by_kind[point]["collective"] == f"BK-III.2.{point}-collective"
        assert by_kind[point]["individual"] == f"BK-III.2.{point}-individual"
    assert by_kind["2"] == {
        "collective": "BK-III.2.2-collective",
        "individual": "BK-III.2.2-individual-household",
        "household": "BK-III.2.2-individual-household",
    }
    assert by_kind["4"] == {"household": "BK-III.2.4"}
    assert by_kind["5"] == {
        "collective": "BK-III.2.5-collective",
        "household": "BK-III.2.5-household",
    }
    assert by_kind["12"] == dict.fromkeys(("collective", "household", "individual"), "BK-III.2.12")


def test_every_criterion_cites_section_iii_of_bk_at_its_point() -> None:
    """Every node cites BK section III, clause 1 (BK-III.1) or clause 2 and the point of its field."""
    for node in BK.criteria.values():
        c = node.citation
        assert (c.document, c.division, c.article) == ("BK", "section", "III"), node.id
        if node.id.startswith("BK-III.1"):
            assert (c.clause, c.point) == ("1", None), node.id
        else:
            point = node.id.removeprefix("BK-III.2.").split("-")[0].split(".")[0]
            assert (c.clause, c.point) == ("2", point), node.id
        assert c.quote, node.id


def test_the_every_year_leaves_look_back_at_2021_and_2022_on_15_june_2023() -> None:
    """'Hằng năm' and 'luôn' read as the two years before the consideration year; growth compares three."""
    lookback = {
        leaf.id: leaf.test.lookback.years_for(ON)
        for leaf in BK.leaves
        if isinstance(leaf.test, RatingTest | TitleTest | FigureTest)
        and leaf.test.lookback is not None
    }
    growth = {
        "BK-III.2.3-collective.revenue",
        "BK-III.2.3-collective.budget",
        "BK-III.2.3-collective.profit",
    }
    assert {k for k, v in lookback.items() if v == (2020, 2021, 2022)} == growth
    assert {k for k, v in lookback.items() if v == (2021, 2022)} == {
        "BK-III.2.4.income",
        "BK-III.2.4.family",
        "BK-III.2.6-collective.culture",
        "BK-III.2.6-collective.excellent",
        "BK-III.2.6-collective.party",
        "BK-III.2.6-individual.excellent",
        "BK-III.2.7-collective.excellent",
        "BK-III.2.10-individual.excellent",
    }
    assert set(lookback) == growth | {k for k, v in lookback.items() if v == (2021, 2022)}


def test_the_results_of_an_every_year_leaf_list_the_years_it_looked_at() -> None:
    """An assessment of BK-III.2.4.family on 15/06/2023 names the years 2021 and 2022."""
    a = assess(_household([title("cultural_family", 2022)]), BK, window=WINDOW)
    assert a.tree.find("BK-III.2.4.family").years == (2021, 2022)


def test_no_semicolon_list_of_bk_is_read_as_alternatives() -> None:
    """Section III has no “hoặc”; every “;”-list is a conjunction, alternatives are kinds of nominee."""
    for node in BK.criteria.values():
        assert node.joined_by != "hoặc", node.id
        if node.joined_by == ";":
            assert node.structure == "all_of", node.id
    alternatives = {n.id for n in BK.criteria.values() if n.structure == "any_of"}
    assert alternatives == {
        "BK-III.2.2-individual-household",
        "BK-III.2.7-individual",
        "BK-III.2.10-collective",
    }


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("individual", "household-economy"),
        ("individual", "cultural-areas-families"),
        ("household", "education"),
    ],
)
def test_a_field_without_a_variant_for_the_kind_is_a_clear_error(kind: str, field: str) -> None:
    """BK-III.2.4 is for households, 2.5 for areas and families, 2.7 for schools and people: others are refused."""
    nominee = Nominee(kind, [field], [])
    with pytest.raises(UnknownFieldError, match=field):
        assess(nominee, BK, window=WINDOW)
