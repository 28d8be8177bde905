"""The criteria engine: standing (A-13), readings (A-14, A-15), the window, evidence, errors, records."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

from dienhinh import (
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    Readings,
    UnknownCriterionError,
    UnknownFieldError,
    UnknownRulesetError,
)
from dienhinh.criteria import (
    Attestation,
    Award,
    Catalogue,
    Certificate,
    Contribution,
    Figure,
    Initiative,
    Invention,
    Nominee,
    Ocop,
    Project,
    Rating,
    Title,
    Verdict,
    assess,
    parse_catalogue,
)
from dienhinh.io._nominee import assessment_document
from dienhinh.rulesets import load_catalogue
from tests.schemas import validate

TQ = load_catalogue("tuyen-quang-2023")
D = dt.date
WINDOW = (D(2023, 10, 1), D(2024, 12, 15))
IN = D(2024, 3, 15)
DOCS = Path(__file__).resolve().parent.parent / "docs"


def attest(
    cid: str, *, on: D = IN, holds: bool = True, authority: str = "UBND xã Tân Trào"
) -> Attestation:
    return Attestation(cid, authority, "Chủ tịch", on, f"Xác nhận {cid}.", holds=holds)


GENERAL = [attest("TQ-3.1a"), attest("TQ-3.1b"), attest("TQ-3.1c.model"), attest("TQ-3.1d")]
OCOP = Ocop("Chè Shan tuyết", 3, IN, "UBND tỉnh Tuyên Quang")


def doc_example() -> Catalogue:
    """The small complete catalogue of docs/criteria-format.md, parsed."""
    text = (DOCS / "criteria-format.md").read_text(encoding="utf-8")
    block = re.search(r"## 5\. A small complete example\n\n```toml\n(.*?)```", text, re.S)
    assert block is not None
    return parse_catalogue(tomllib.loads(block.group(1)), source="criteria-format.md")


# -- standing ------------------------------------------------------------------------------


def test_a_cooperative_meeting_the_general_standard_and_agriculture_is_an_exemplar() -> None:
    """TQ-3.1 (all four points) and TQ-3.2c together make the standing TQ-3 met."""
    a = assess(Nominee("collective", ["agriculture"], [*GENERAL, OCOP]), TQ, window=WINDOW)
    assert a.verdict is Verdict.MET
    assert a.missing == ()
    assert [c.id for c in a.tree.children] == ["TQ-3.1", "TQ-3.2"]
    assert a.tree.find("TQ-3.2").children[0].field == "agriculture"


def test_a13_one_field_is_enough_by_default_and_every_field_is_the_alternative() -> None:
    """A-13: standing needs one declared field's standard (one-field); every-field needs them all."""
    n = Nominee("collective", ["agriculture", "finance"], [*GENERAL, OCOP])
    one = assess(n, TQ, window=WINDOW)
    every = assess(n, TQ, window=WINDOW, readings=Readings().choose("A-13", "every-field"))
    assert (one.verdict, every.verdict) == (Verdict.MET, Verdict.UNKNOWN)
    assert {m.rule.id for m in every.missing if m.rule} == {"TQ-3.2d.banking", "TQ-3.2d.budget"}
    assert [(u.id, u.reading) for u in every.used if u.id == "A-13"] == [("A-13", "every-field")]


def test_a_general_standard_not_met_settles_the_standing_whatever_is_missing() -> None:
    """Kleene: all-of is not met as soon as one point is not met, and then asks for nothing."""
    n = Nominee("collective", ["agriculture"], [attest("TQ-3.1a", holds=False)])
    a = assess(n, TQ, window=WINDOW)
    assert a.verdict is Verdict.NOT_MET
    assert a.missing == ()


def test_fields_are_evaluated_in_catalogue_order_whatever_the_declaration_order() -> None:
    """The field group lists the declared fields in the order of TQ-3.2 (a … q)."""
    n1 = Nominee("collective", ["social-life", "agriculture"], [OCOP])
    n2 = Nominee("collective", ["agriculture", "social-life"], [OCOP])
    a1, a2 = assess(n1, TQ, window=WINDOW), assess(n2, TQ, window=WINDOW)
    assert [c.id for c in a1.tree.find("TQ-3.2").children] == ["TQ-3.2c", "TQ-3.2q"]
    assert a1.to_json() == a2.to_json()


# -- readings ----------------------------------------------------------------------------


def test_a14_semicolon_or_reads_a_conjunction_of_tq_3_2a_as_alternatives() -> None:
    """A-14: under semicolon-or a “;”-list read as all-of becomes any-of, with a warning reason."""
    n = Nominee("individual", ["party-building"], [*GENERAL, attest("TQ-3.2a.integrity")])
    default = assess(n, TQ, window=WINDOW)
    alt = assess(n, TQ, window=WINDOW, readings=Readings().choose("A-14", "semicolon-or"))
    assert default.tree.find("TQ-3.2a").read_as == "all_of"
    assert default.verdict is Verdict.UNKNOWN
    node = alt.tree.find("TQ-3.2a")
    assert (node.read_as, node.joined_by, alt.verdict) == ("any_of", ";", Verdict.MET)
    assert "criteria.semicolon_or" in {r.code for r in node.reasons}
    assert ("A-14", "semicolon-or") in {(u.id, u.reading) for u in alt.used}


def test_a14_a_semicolon_list_the_catalogue_reads_as_alternatives_says_why() -> None:
    """A-14: TQ-3.2c's “;”-list is read as “or” under both readings, and the result quotes the note."""
    n = Nominee("collective", ["agriculture"], [OCOP])
    for readings in (Readings(), Readings().choose("A-14", "semicolon-or")):
        node = assess(n, TQ, window=WINDOW, readings=readings).tree.find("TQ-3.2c")
        assert (node.verdict, node.read_as) == (Verdict.MET, "any_of")
        assert "criteria.semicolon_alternatives" in {r.code for r in node.reasons}


def test_a15_a_district_award_keeps_its_level_by_default() -> None:
    """A-15 keep-level: a district-level sport result before 01/07/2025 meets “cấp huyện trở lên”."""
    award = Award("district", "sport", "competition", D(2025, 3, 1), "UBND huyện Hàm Yên")
    n = Nominee("individual", ["culture-sport"], [award], complete=["award"])
    window = (D(2024, 10, 1), D(2025, 12, 15))
    keep = assess(n, TQ, window=window)
    reform = assess(
        n, TQ, window=window, readings=Readings().choose("A-15", "province-after-reform")
    )
    assert keep.tree.find("TQ-3.2h.sport").verdict is Verdict.MET
    node = reform.tree.find("TQ-3.2h.sport")
    assert node.verdict is Verdict.NOT_MET
    assert node.ignored[0].reason.code == "criteria.level_below"
    assert "criteria.district_read_as_province" in {r.code for r in node.reasons}
    assert ("A-15", "province-after-reform") in {(u.id, u.reading) for u in reform.used}


def test_a15_province_after_reform_changes_nothing_for_a_window_ending_before_the_reform() -> None:
    """A-15: the alternative reading applies only when the consideration date is on or after 01/07/2025."""
    award = Award("district", "sport", "competition", IN, "UBND huyện Hàm Yên")
    n = Nominee("individual", ["culture-sport"], [award])
    a = assess(n, TQ, window=WINDOW, readings=Readings().choose("A-15", "province-after-reform"))
    assert a.tree.find("TQ-3.2h.sport").verdict is Verdict.MET


def test_a15_a_district_level_that_no_longer_existed_is_refused() -> None:
    """A-15: an award “at district level” dated on or after 01/07/2025 is an error, not a guess."""
    with pytest.raises(InvalidValueError, match="district level did not exist") as e:
        Award("district", "sport", "competition", D(2025, 7, 1), "UBND huyện Hàm Yên")
    assert e.value.rule == "A-15"
    Award("district", "sport", "competition", D(2025, 6, 30), "UBND huyện Hàm Yên")


# -- the window --------------------------------------------------------------------------


@attrs.frozen
class Span:
    start: D
    end: D


def test_the_window_may_be_any_object_with_start_and_end() -> None:
    """TQ-3.3: the window is a parameter; a pair and an object with .start/.end give one result."""
    n = Nominee("collective", ["agriculture"], [OCOP])
    assert assess(n, TQ, window=Span(*WINDOW)).to_json() == assess(n, TQ, window=WINDOW).to_json()


@pytest.mark.parametrize(
    ("window", "error"),
    [
        ((dt.datetime(2023, 10, 1), D(2024, 12, 15)), InvalidTypeError),
        ((D(2024, 12, 15), D(2023, 10, 1)), InvalidValueError),
        ((D(2024, 12, 15),), InvalidValueError),
        ("2023-10-01/2024-12-15", InvalidTypeError),
    ],
    ids=["a timestamp is not a day", "a window ending before it starts", "one date is not a window",
         "text is not a window"],
)  # fmt: skip
def test_a_bad_window_is_refused(window: Any, error: type[Exception]) -> None:
    """A window is two days, the first not after the last; nothing else is guessed at."""
    with pytest.raises(error):
        assess(Nominee("collective", ["agriculture"], []), TQ, window=window)


def test_evidence_outside_the_window_is_reported_as_ignored_citing_tq_3_3() -> None:
    """TQ-3.3: an OCOP rating before 01/10 of the previous year is ignored, with the reason and rule."""
    old = Ocop("Mật ong", 4, D(2023, 9, 30), "UBND tỉnh")
    node = assess(Nominee("collective", ["agriculture"], [old]), TQ, window=WINDOW).tree.find(
        "TQ-3.2c.ocop"
    )
    (ignored,) = node.ignored
    assert ignored.reason.code == "criteria.outside_window"
    assert ignored.reason.rule is not None
    assert ignored.reason.rule.id == "TQ-3.3"
    assert "2023-09-30" in ignored.reason.en


# -- leaves --------------------------------------------------------------------------------


def test_conflicting_attestations_are_unknown_and_ask_to_resolve() -> None:
    """Two statements on TQ-3.1a, one for and one against: unknown, never a silent pick."""
    n = Nominee(
        "collective",
        ["agriculture"],
        [attest("TQ-3.1a"), attest("TQ-3.1a", holds=False, authority="Công an xã")],
    )
    node = assess(n, TQ, window=WINDOW).tree.find("TQ-3.1a")
    assert node.verdict is Verdict.UNKNOWN
    assert [m.code for m in node.missing] == ["criteria.ask.conflict"]
    assert "Công an xã" in node.missing[0].vi


def test_an_attestation_type_declared_complete_makes_a_missing_statement_not_met() -> None:
    """With "complete": ["attestation"], a qualitative criterion without a statement is not met."""
    n = Nominee("collective", ["agriculture"], [OCOP], complete=["attestation"])
    a = assess(n, TQ, window=WINDOW)
    assert a.tree.find("TQ-3.1a").verdict is Verdict.NOT_MET
    assert a.verdict is Verdict.NOT_MET


def test_an_invention_whose_use_is_not_stated_asks_for_it() -> None:
    """TQ-3.2g.invention: applied=None is unknown, asking whether it is applied, even if complete."""
    inv = Invention("Máy sấy chè", "Bằng 1-0034567", IN)
    n = Nominee("individual", ["science-technology"], [inv], complete=["invention"])
    node = assess(n, TQ, window=WINDOW).tree.find("TQ-3.2g.invention")
    assert node.verdict is Verdict.UNKNOWN
    assert "criteria.ask.applied" in {m.code for m in node.missing}


def test_a_contribution_amount_is_a_total_of_the_window() -> None:
    """An amount_at_least leaf adds up the qualifying contributions inside the window."""
    data = _example_data()
    assert data["criterion"][2]["id"] == "EX-1.2a-collective.ocop"
    data["criterion"][2] = {
        "id": "EX-1.2a-collective.ocop", "title_vi": "Hiến đất", "title_en": "Land",
        "citation": {"article": "1"}, "evidence": "contribution", "kinds": ["land"], "amount_at_least": 100,
    }  # fmt: skip
    cat2 = parse_catalogue(data, source="t")
    small = [
        Contribution("land", 60, "site_clearance", IN),
        Contribution("land", 30, "new_rural", IN),
    ]
    node = assess(Nominee("collective", ["agriculture"], small), cat2, window=WINDOW).tree.find(
        "EX-1.2a-collective.ocop"
    )
    assert node.verdict is Verdict.UNKNOWN
    assert "criteria.contribution_below" in {r.code for r in node.reasons}
    more = [*small, Contribution("land", 10, "other", IN)]
    node = assess(Nominee("collective", ["agriculture"], more), cat2, window=WINDOW).tree.find(
        "EX-1.2a-collective.ocop"
    )
    assert node.verdict is Verdict.MET


def _example_data() -> dict[str, Any]:
    text = (DOCS / "criteria-format.md").read_text(encoding="utf-8")
    block = re.search(r"## 5\. A small complete example\n\n```toml\n(.*?)```", text, re.S)
    assert block is not None
    return tomllib.loads(block.group(1))


class TestLookBack:
    """Look-back on purpose: “this year higher than last year”, “every year” (BK-III.2.4 style)."""

    CAT = doc_example()
    HOUSEHOLD_WINDOW = (D(2024, 10, 1), D(2025, 9, 30))

    def assess_household(self, *evidence: Any, complete: tuple[str, ...] = ()) -> Any:
        n = Nominee("household", ["agriculture"], evidence, complete=complete)
        return assess(n, self.CAT, window=self.HOUSEHOLD_WINDOW)

    def test_income_this_year_above_last_year_meets_the_figure_leaf(self) -> None:
        """Two yearly figures of the window-end year and the year before, growing: met, years stated."""
        a = self.assess_household(
            Figure("household_income", 2024, 90), Figure("household_income", 2025, 100)
        )
        node = a.tree.find("EX-1.2a-household.income")
        assert (node.verdict, node.years) == (Verdict.MET, (2024, 2025))

    def test_income_not_above_last_year_is_not_met_with_the_figures(self) -> None:
        """An equal figure is not growth: not met, and the reason names both years and amounts."""
        a = self.assess_household(
            Figure("household_income", 2024, 100), Figure("household_income", 2025, 100)
        )
        node = a.tree.find("EX-1.2a-household.income")
        assert node.verdict is Verdict.NOT_MET
        (reason,) = [r for r in node.reasons if r.code == "criteria.not_growing"]
        assert reason.params["year"] == 2025
        assert reason.params["previous"] == 2024

    def test_a_missing_year_is_asked_for_by_year(self) -> None:
        """Only this year's income: unknown, asking for last year's figure."""
        node = self.assess_household(Figure("household_income", 2025, 100)).tree.find(
            "EX-1.2a-household.income"
        )
        assert node.verdict is Verdict.UNKNOWN
        assert [m.code for m in node.missing] == ["criteria.ask.figure"]
        assert "2024" in node.missing[0].en

    def test_figures_outside_the_years_are_ignored_with_the_reason(self) -> None:
        """A figure of 2020 is outside the look-back years: ignored, with those years named."""
        node = self.assess_household(Figure("household_income", 2020, 1)).tree.find(
            "EX-1.2a-household.income"
        )
        assert node.ignored[0].reason.code == "criteria.outside_years"

    def test_a_title_every_year_needs_each_year(self) -> None:
        """“Gia đình văn hóa” for 2022 and 2024 but not 2023: unknown, asking for 2023 only."""
        titles = [Title("cultural_family", y, "UBND xã") for y in (2022, 2024)]
        node = self.assess_household(*titles).tree.find("EX-1.2a-household.family")
        assert node.verdict is Verdict.UNKNOWN
        assert node.years == (2022, 2023, 2024)
        assert [m.code for m in node.missing] == ["criteria.ask.title"]
        assert "2023" in node.missing[0].en
        complete = self.assess_household(*titles, complete=("title",)).tree.find(
            "EX-1.2a-household.family"
        )
        assert complete.verdict is Verdict.NOT_MET

    def test_a_title_every_year_is_met_by_the_three_years(self) -> None:
        """Three consecutive years of the title, the year of the window's end not included: met."""
        titles = [Title("cultural_family", y, "UBND xã") for y in (2022, 2023, 2024)]
        node = self.assess_household(*titles).tree.find("EX-1.2a-household.family")
        assert node.verdict is Verdict.MET
        assert len(node.used) == 3


def test_a_rating_every_year_fails_on_one_low_year() -> None:
    """A rating leaf with look-back: one year below the grade settles it, whatever else is missing."""
    data = _example_data()
    data["criterion"][-1] = {
        "id": "EX-1.2a-household.family", "title_vi": "HTXSNV", "title_en": "Excellent",
        "citation": {"article": "1"}, "evidence": "rating", "grade_at_least": "excellent",
        "lookback": {"years": 3},
    }  # fmt: skip
    cat = parse_catalogue(data, source="t")
    n = Nominee("household", ["agriculture"], [Rating("good", 2024, "UBND xã")])
    node = assess(n, cat, window=(D(2024, 1, 1), D(2024, 12, 31))).tree.find(
        "EX-1.2a-household.family"
    )
    assert node.verdict is Verdict.NOT_MET
    assert node.ignored[0].reason.code == "criteria.grade_below"


def test_an_undated_title_in_a_window_leaf_asks_for_its_date() -> None:
    """A title without a decision date cannot be placed in the window: unknown, asking for the date."""
    data = _example_data()
    data["criterion"][-1] = {
        "id": "EX-1.2a-household.family", "title_vi": "GĐVH", "title_en": "Cultural family",
        "citation": {"article": "1"}, "evidence": "title", "titles": ["cultural_family"],
    }  # fmt: skip
    cat = parse_catalogue(data, source="t")
    n = Nominee(
        "household",
        ["agriculture"],
        [Title("cultural_family", 2024, "UBND xã")],
        complete=["title"],
    )
    node = assess(n, cat, window=WINDOW).tree.find("EX-1.2a-household.family")
    assert node.verdict is Verdict.UNKNOWN
    assert {m.code for m in node.missing} == {"criteria.ask.title", "criteria.ask.date"}
    dated = Nominee(
        "household", ["agriculture"], [Title("cultural_family", 2024, "UBND xã", date=IN)]
    )
    assert (
        assess(dated, cat, window=WINDOW).tree.find("EX-1.2a-household.family").verdict
        is Verdict.MET
    )


# -- errors ----------------------------------------------------------------------------------


def test_a_nominee_without_a_declared_field_is_told_the_fields() -> None:
    """A-13 needs a declared field: none is an UnknownFieldError listing the ruleset's fields."""
    with pytest.raises(UnknownFieldError, match=r"agriculture \(TQ-3\.2c Nông nghiệp\)"):
        assess(Nominee("collective", [], [OCOP]), TQ, window=WINDOW)


def test_an_unknown_field_is_told_the_fields() -> None:
    """A field slug the catalogue lacks is an UnknownFieldError naming it and listing the fields."""
    with pytest.raises(
        UnknownFieldError, match=r"'farming' is not a field of tuyen-quang-2023.*social-life"
    ):
        assess(Nominee("collective", ["farming"], [OCOP]), TQ, window=WINDOW)


def test_a_field_without_a_standard_for_the_kind_is_refused() -> None:
    """TQ-3.2o speaks of a person: a collective declaring it is refused, told the fields open to it."""
    with pytest.raises(UnknownFieldError, match="no standard for a collective") as e:
        assess(Nominee("collective", ["ethnic-religious"], []), TQ, window=WINDOW)
    assert "ethnic-religious" not in str(e.value).split("fields for a collective:")[1]


def test_a_kind_the_ruleset_does_not_recognise_is_refused() -> None:
    """TQ names collectives and individuals (TQ-1.1): a household is refused with the kinds allowed."""
    with pytest.raises(InvalidValueError, match="collective, individual"):
        assess(Nominee("household", ["agriculture"], []), TQ, window=WINDOW)


def test_an_attestation_of_a_criterion_the_catalogue_lacks_is_an_unknown_criterion() -> None:
    """An attestation naming TQ-3.9 is an UnknownCriterionError listing the attestable criteria."""
    with pytest.raises(UnknownCriterionError, match=r"TQ-3\.9.*TQ-3\.1a, TQ-3\.1b"):
        assess(Nominee("collective", ["agriculture"], [attest("TQ-3.9")]), TQ, window=WINDOW)


@pytest.mark.parametrize(
    "cid", ["TQ-3.2c.ocop", "TQ-3.2c"], ids=["a measurable leaf", "a combinator"]
)
def test_an_attestation_of_a_criterion_met_otherwise_is_refused(cid: str) -> None:
    """Only qualitative criteria are met by attestation; a statement for an OCOP leaf is an error."""
    with pytest.raises(InvalidValueError, match="is not met by an attestation"):
        assess(Nominee("collective", ["agriculture"], [attest(cid)]), TQ, window=WINDOW)


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: Ocop("Chè", 6, IN, "UBND"), InvalidValueError, "1 to 5 stars"),
        (lambda: Ocop("Chè", 0, IN, "UBND"), InvalidValueError, "1 to 5 stars"),
        (lambda: Ocop("Chè", True, IN, "UBND"), InvalidTypeError, "whole number"),
        (lambda: Award("county", "sport", "prize", IN, "UBND"), InvalidValueError, "is not a Level"),  # type: ignore[arg-type]
        (lambda: Award("province", "sport", "medal", IN, "UBND"), InvalidValueError, "AwardCategory"),  # type: ignore[arg-type]
        (lambda: Contribution("money", -5, "charity", IN), InvalidValueError, "positive amount"),
        (lambda: Contribution("money", 0, "charity", IN), InvalidValueError, "positive amount"),
        (lambda: Figure("revenue", 2024, -1), InvalidValueError, "only a profit can be negative"),
        (lambda: Figure("household_income", 2024, 1.5),  # type: ignore[arg-type]
         InvalidTypeError, "whole number"),
        (lambda: Ocop("Chè", 3, dt.datetime(2024, 3, 1), "UBND"), InvalidTypeError, "not a timestamp"),
        (lambda: Title("cultural_family", 1900, "UBND"), InvalidValueError, "plausible year"),
        (lambda: Title("gia_dinh_van_hoa", 2024, "UBND"), InvalidValueError, "TitleName"),
        (lambda: Rating("excellent", 2024, "  "), InvalidValueError, "blank"),
        (lambda: Certificate("fsc", "Rừng", IN, "FSC", expires=D(2020, 1, 1)), InvalidValueError, "expires"),
        (lambda: Initiative("SK", "HĐ", "district", D(2025, 8, 1)), InvalidValueError, "A-15"),
        (lambda: Project("ĐT", "province", "very good", IN), InvalidValueError, "ProjectRating"),
    ],
    ids=[
        "six OCOP stars", "zero OCOP stars", "true as a number of stars", "a level that does not exist",
        "an award category that does not exist", "negative money", "a contribution of nothing",
        "a negative revenue", "a fraction of a dong", "a timestamp for a day", "a year before 1945",
        "a title spelt in Vietnamese", "a blank issuer", "a certificate expiring before issue",
        "a district initiative after the reform", "a project rating that does not exist",
    ],
)  # fmt: skip
def test_bad_evidence_is_its_own_clear_error(
    make: Any, error: type[Exception], message: str
) -> None:
    """Each impossible item of evidence is refused on construction with a message naming the rule."""
    with pytest.raises(error, match=message):
        make()


def test_a_negative_profit_is_a_loss_not_an_error() -> None:
    """Only a profit may be negative: a loss of 150 million VND is a valid figure."""
    assert Figure("profit", 2024, -150_000_000).amount == -150_000_000


def test_the_same_evidence_twice_is_refused() -> None:
    """An item given twice would count twice: refused as a duplicate."""
    with pytest.raises(DuplicateIdError):
        Nominee("collective", ["agriculture"], [OCOP, OCOP])


def test_two_ratings_for_one_year_are_refused() -> None:
    """Two ratings of 2024 would leave the answer to whichever was read last: refused."""
    with pytest.raises(DuplicateIdError, match="two ratings"):
        Nominee(
            "individual",
            ["agriculture"],
            [Rating("good", 2024, "A"), Rating("excellent", 2024, "B")],
        )


def test_complete_names_evidence_types_only() -> None:
    """ "complete" lists evidence types; a misspelt type is an error listing them."""
    with pytest.raises(InvalidValueError, match="award, initiative"):
        Nominee("collective", ["agriculture"], [], complete=["awards"])


def test_load_catalogue_names_the_catalogues_for_an_unknown_ruleset() -> None:
    """An unknown ruleset id is an UnknownRulesetError listing the catalogues there are."""
    with pytest.raises(UnknownRulesetError, match="tuyen-quang-2023"):
        load_catalogue("ha-giang-2024")


def test_kon_tum_has_no_criteria_of_its_own() -> None:
    """KT is guidance without criteria: asking for its catalogue says so rather than inventing one."""
    with pytest.raises(UnknownRulesetError, match="no criteria of its own"):
        load_catalogue("kon-tum-2022")


# -- the record ------------------------------------------------------------------------------


def test_the_record_is_json_of_the_published_schema() -> None:
    """The assessment JSON and the nominee inside it validate against the shipped schemas."""
    n = Nominee(
        "collective",
        ["agriculture", "culture-sport"],
        [*GENERAL, OCOP, Ocop("Mật", 4, D(2022, 1, 1), "U")],
    )
    data = assessment_document(assess(n, TQ, window=WINDOW))
    validate(data, "assessment")
    validate(data["inputs"]["nominee"], "nominee")
    assert data["verdict"] == "met"


def test_evidence_no_assessed_criterion_looks_at_is_listed_as_unused() -> None:
    """Nothing is dropped silently: a statement for an undeclared field's criterion is listed unused."""
    n = Nominee("collective", ["agriculture"], [OCOP, attest("TQ-3.2k")])
    a = assess(n, TQ, window=WINDOW)
    assert [n.evidence[i] for i in a.unused] == [attest("TQ-3.2k")]
    assert a.to_json()["unused"][0]["reason"]["code"] == "criteria.not_looked_at"


def test_render_speaks_vietnamese_and_english() -> None:
    """The readable account gives the verdict, the tree with citations and the missing facts."""
    a = assess(Nominee("collective", ["agriculture"], [OCOP]), TQ, window=WINDOW)
    vi, en = a.render("vi"), a.render("en")
    assert "Kết quả: chưa đủ căn cứ" in vi
    assert "điểm c khoản 2 Điều 3 Quy định (TQ)" in vi
    assert "Cần bổ sung:" in vi
    assert "Verdict: unknown" in en
    assert "TQ Regulation Art. 3(2)(c)" in en
    assert "Missing facts:" in en
    with pytest.raises(InvalidValueError):
        a.render("fr")


def test_rows_and_html_show_one_row_per_node() -> None:
    """to_rows() flattens the tree; _repr_html_ is a table of the same rows."""
    a = assess(Nominee("collective", ["agriculture"], [OCOP]), TQ, window=WINDOW)
    rows = a.to_rows()
    assert len(rows) == len(a.tree.walk())
    assert rows[0]["id"] == "TQ-3"
    assert a._repr_html_().startswith("<table><caption>tuyen-quang-2023: unknown")


def test_the_digest_depends_on_inputs_and_readings_only() -> None:
    """Same inputs, same digest; another reading, another digest."""
    n = Nominee("collective", ["agriculture"], [OCOP])
    a, b = assess(n, TQ, window=WINDOW), assess(n, TQ, window=WINDOW)
    c = assess(n, TQ, window=WINDOW, readings=Readings().choose("A-14", "semicolon-or"))
    assert a.digest == b.digest != c.digest
    assert a.digest.startswith("sha256:")


def test_the_format_documents_example_parses_and_its_nominee_is_assessed() -> None:
    """docs/criteria-format.md: the small complete example is a valid catalogue and nominee."""
    import json

    from dienhinh.io._nominee import parse_nominee

    text = (DOCS / "criteria-format.md").read_text(encoding="utf-8")
    block = re.search(
        r"A nominee \(JSON, see the schema\) for it:\n\n```json\n(.*?)```", text, re.S
    )
    assert block is not None
    validate(json.loads(block.group(1)), "nominee")
    a = assess(parse_nominee(block.group(1)), doc_example(), window=WINDOW)
    assert a.verdict is Verdict.MET
