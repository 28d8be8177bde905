"""The criteria engine's behaviour that mutation testing found unpinned (docs/mutation.md).

Each test states what a provision, a reading of the register or the format of a catalogue
(docs/criteria-format.md) makes the engine do, on cases small enough to check by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dienhinh import DienhinhError, InvalidTypeError, Readings
from dienhinh._canonical import canonical_json
from dienhinh.criteria import (
    Attestation,
    Award,
    AwardCategory,
    AwardField,
    Certificate,
    CertificateTest,
    Contribution,
    ContributionKind,
    Figure,
    FigureTest,
    Grade,
    Initiative,
    Invention,
    Level,
    Metric,
    Nominee,
    Ocop,
    Period,
    Project,
    ProjectRating,
    Purpose,
    Rating,
    RatingTest,
    Scheme,
    Title,
    TitleName,
    TitleTest,
    Verdict,
    all_of,
    any_of,
    assess,
    assess_many,
)
from dienhinh.criteria._catalogue import Catalogue, Criterion, _leaf, _Reader
from dienhinh.criteria._evidence import EVIDENCE_TYPES
from dienhinh.criteria._nominee import read_nominee as read_nominee_fast
from dienhinh.io import read_nominee
from dienhinh.rulesets import load_catalogue
from tests.test_achievement_window import attestation

CATALOGUES = ("tuyen-quang-2023", "bac-kan-2021", "ninh-thuan-2023")  # every shipped catalogue

M, N, U = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN


# -- Kleene's strong logic (docs/criteria.md) ---------------------------------------------------


@pytest.mark.parametrize(
    ("verdicts", "conjunction", "disjunction"),
    [
        ([], M, N),  # nothing to fail: *all of* holds; nothing to meet: *any of* does not
        ([M], M, M),
        ([N], N, N),
        ([U], U, U),
        ([M, U], U, M),
        ([N, U], N, U),
        ([M, N], N, M),
        ([U, M, N], N, M),
        ([U, U], U, U),
    ],
)
def test_all_of_and_any_of_are_kleenes_conjunction_and_disjunction(
    verdicts: list[Verdict], conjunction: Verdict, disjunction: Verdict
) -> None:
    assert all_of(verdicts) is conjunction
    assert any_of(verdicts) is disjunction
    assert all_of(iter(verdicts)) is conjunction  # any iterable, read once
    assert any_of(iter(verdicts)) is disjunction


@pytest.mark.parametrize("combine", [all_of, any_of])
@pytest.mark.parametrize("bad", [["met"], [M, None], [1], None])
def test_a_value_that_is_not_a_verdict_is_named_with_what_is_allowed(
    combine: Any, bad: object
) -> None:
    with pytest.raises(InvalidTypeError) as raised:
        combine(bad)
    assert raised.value.field == "verdicts"
    assert raised.value.allowed == "Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN"
    assert str(raised.value).startswith(f"verdicts={bad!r}: must be Verdict members")


# -- a leaf's parameters, as the catalogue lists and digests them ------------------------------


def _leaves(catalogue: Catalogue) -> list[tuple[str, Criterion]]:
    """Every leaf of the catalogue, with the leaves its declared readings put in their place."""
    found = []
    for node in catalogue.criteria.values():
        for name, alt in (("", node), *sorted(node.alternatives.items())):
            if alt.test is not None:
                found.append((f"{node.id}{'/' + name if name else ''}", alt))
    return found


@pytest.mark.parametrize("catalogue_id", CATALOGUES)
def test_a_leafs_listed_parameters_read_back_to_the_same_test(catalogue_id: str) -> None:
    """``params`` in a catalogue's JSON (its listing, its digest) is the leaf's table as the
    format writes it: read by the catalogue's own reader, it makes the same test."""
    for where, node in _leaves(load_catalogue(catalogue_id)):
        assert node.test is not None
        # Each leaf as shipped, and asking for two items where it counts them (every shipped
        # leaf asks for one, the default a lost count would fall back on).
        shipped: Any = node.test
        counted = [attrs.evolve(shipped, count=2)] if hasattr(shipped, "count") else []
        for test in (shipped, *counted):
            params = test.to_json()
            reader = _Reader("test")
            again = _leaf(
                reader, {k: v for k, v in params.items() if v is not None}, where, test.TYPE
            )
            assert reader.problems == [], (where, params)
            assert again == test, (where, params)


def test_the_shipped_catalogues_list_a_leaf_of_every_evidence_type() -> None:
    """What the test above reads back: a leaf of every evidence type, look-backs of years and
    since a year (for titles, ratings and figures), and a rating both with and without one."""
    tests = [n.test for c in CATALOGUES for _, n in _leaves(load_catalogue(c)) if n.test]
    assert {t.TYPE for t in tests} == set(EVIDENCE_TYPES)
    yearly = [t for t in tests if isinstance(t, TitleTest | RatingTest | FigureTest)]
    lookbacks = [t.lookback for t in yearly if t.lookback is not None]
    assert {type(t) for t in yearly if t.lookback is not None} == {
        TitleTest,
        RatingTest,
        FigureTest,
    }
    assert any(lb.since is not None for lb in lookbacks)
    assert any(lb.years is not None for lb in lookbacks)
    assert any(isinstance(t, RatingTest) and t.lookback is None for t in tests)


# -- the readings an assessment relies on (docs/interpretations.md) -----------------------------

TQ = load_catalogue("tuyen-quang-2023")
WINDOW = (dt.date(2023, 10, 1), dt.date(2024, 9, 30))


def used_ids(nominee: Nominee, **kw: Any) -> list[str]:
    """The ids of the readings an assessment relied on, worked out afresh: the engine remembers
    them per catalogue and readings, so each call brings readings of its own."""
    return [u.id for u in assess(nominee, TQ, window=WINDOW, readings=Readings(), **kw).used]


@pytest.mark.parametrize(
    ("field", "relied_on"),
    [
        # TQ-3.2h: an attestation “hoặc” an award “từ cấp huyện trở lên”, a district level:
        # A-15 (the reform of 2025); no item is joined by “;”, so A-14 has nothing to decide.
        ("culture-sport", ["A-13", "A-15"]),
        # TQ-3.2i: an attestation “hoặc” a prize “từ cấp tỉnh trở lên”: neither A-14 nor A-15.
        ("information-communications", ["A-13"]),
        # TQ-3.2e: two attested items joined by “;”, neither of them a level.
        ("health", ["A-13", "A-14"]),
    ],
)
def test_an_assessment_relies_on_the_readings_its_evaluated_criteria_raise(
    field: str, relied_on: list[str]
) -> None:
    """A-13 always (standing on one field or every field), A-14 where an evaluated field
    standard joins items by “;”, A-15 where an evaluated leaf asks for the district level."""
    assert used_ids(Nominee("collective", [field], [])) == relied_on


def test_nominees_of_one_kind_and_fields_share_the_readings_they_rely_on() -> None:
    """The readings follow from the kind and fields (and from the few items whose dates two
    readings judge differently), so a batch of 10^5 nominees keeps one tuple of them per kind
    and fields, not one each."""
    first, second, other = assess_many(
        [Nominee("collective", ["health"], []), Nominee("collective", ["health"], []),
         Nominee("collective", ["culture-sport"], [])],
        TQ, window=WINDOW,
    )  # fmt: skip
    assert first.used is second.used
    assert other.used != first.used


def test_a27_and_a40_add_themselves_to_the_readings_the_nominee_relies_on_otherwise() -> None:
    """An attestation signed after the window, stating no period, under a due date (A-27), and
    a period partly inside the window (A-40), each add their reading to what the criteria
    read rely on, taking none of it away."""
    health = ["health"]
    late = attestation(dt.date(2024, 10, 8))
    straddling = attestation(
        dt.date(2024, 10, 8), period=Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    )
    due = dt.date(2024, 10, 29)
    assert used_ids(Nominee("collective", health, [])) == ["A-13", "A-14"]
    assert used_ids(Nominee("collective", health, [late]), dossier_due=due) == [
        "A-13",
        "A-14",
        "A-27",
    ]
    assert used_ids(Nominee("collective", health, [late])) == ["A-13", "A-14"]  # no due date
    assert used_ids(Nominee("collective", health, [straddling])) == ["A-13", "A-14", "A-40"]


def test_a_certificate_of_several_schemes_is_asked_for_as_any_one_of_them() -> None:
    """A leaf that accepts several schemes (a province's catalogue may accept VietGAP or
    GlobalGAP) asks for any one of them: their names sorted, joined by “hoặc” and “or”."""
    test = CertificateTest(frozenset({Scheme.VIETGAP, Scheme.GLOBALGAP}))
    assert test.need_vi() == "được cấp chứng nhận GlobalGAP hoặc chứng nhận VietGAP"
    assert test.need_en() == "a certificate: GLOBALGAP or VIETGAP"


# -- evidence and nominees: what they write is what they are read back as ----------------------

D = dt.date
DAYS = st.dates(D(2023, 1, 1), D(2025, 6, 30))  # before the reform: a district level exists
REF = st.none() | st.just("Số 12/QĐ-UBND")


@st.composite
def _achievement(draw: st.DrawFn, day: dt.date) -> dict[str, Any]:
    """Nothing, a day or a period, none after the document's date; and a reference or none."""
    kw: dict[str, Any] = {"ref": draw(REF)}
    shape = draw(st.sampled_from(["none", "day", "period"]))
    if shape == "day":
        kw["achieved_on"] = draw(st.dates(D(2022, 1, 1), day))
    elif shape == "period":
        first = draw(st.dates(D(2022, 1, 1), day))
        kw["period"] = Period(first, draw(st.dates(first, day)))
    return kw


@st.composite
def any_evidence(draw: st.DrawFn) -> Any:
    """One item of any type, with every optional part drawn."""
    day = draw(DAYS)
    kw = draw(_achievement(day))
    year = draw(st.integers(1945, 2100))
    pick = st.sampled_from
    makers: dict[str, Callable[[], Any]] = {
        "award": lambda: Award(draw(pick(list(Level))), draw(pick(list(AwardField))),
                               draw(pick(list(AwardCategory))), day, "UBND tỉnh",
                               name=draw(st.none() | st.just("Giải Nhất")), **kw),
        "initiative": lambda: Initiative("SK1", "Hội đồng", draw(pick(list(Level))), day, **kw),
        "ocop": lambda: Ocop("Chè", draw(st.integers(1, 5)), day, "UBND tỉnh", **kw),
        "certificate": lambda: Certificate(
            draw(pick(list(Scheme))), "Rừng", day, "FSC",
            expires=draw(st.none() | st.dates(day, D(2030, 1, 1))), **kw),
        "invention": lambda: Invention("Máy", "Bằng 1", day,
                                       applied=draw(pick([True, False, None])), **kw),
        "project": lambda: Project("ĐT1", draw(pick(list(Level))), draw(pick(list(ProjectRating))),
                                   day, **kw),
        "title": lambda: Title(draw(pick(list(TitleName))), year, "UBND",
                               date=draw(st.none() | st.just(day)), ref=kw["ref"]),
        "rating": lambda: Rating(draw(pick(list(Grade))), year, "UBND",
                                 date=draw(st.none() | st.just(day)), ref=kw["ref"]),
        "figure": lambda: Figure(draw(pick(list(Metric))), year, draw(st.integers(0, 10**12))),
        "contribution": lambda: Contribution(
            draw(pick(list(ContributionKind))), draw(st.integers(1, 10_000)),
            draw(pick(list(Purpose))), day, recipient=draw(st.none() | st.just("Xã Tân Trào")),
            **kw),
        "attestation": lambda: Attestation("TQ-3.1a", "UBND xã", "Chủ tịch", day, "Đạt.",
                                           holds=draw(st.booleans()), **kw),
    }  # fmt: skip
    return makers[draw(pick(sorted(makers)))]()


@given(
    st.lists(any_evidence(), max_size=6, unique_by=lambda e: canonical_json(e.to_json())),
    st.none() | st.just("Hợp tác xã Tân Trào"),
)
def test_a_nominee_and_its_evidence_are_read_back_from_their_json_as_they_are(
    items: list[Any], name: str | None
) -> None:
    """The JSON a nominee writes (the ``nominee`` schema) reads back to an equal nominee, every
    item of evidence with its type's every part: what a record holds is what was assessed."""
    nominee = Nominee("collective", ["agriculture"], items, complete=["ocop"], name=name)
    again = read_nominee(json.dumps(nominee.to_json(), ensure_ascii=False))
    assert again == nominee
    assert again.name == nominee.name
    assert [e.to_json() for e in again.evidence] == [e.to_json() for e in nominee.evidence]


# -- bad evidence: the error names the field, the value and what is allowed (src/dienhinh/_errors.py)

_BAD_EVIDENCE: list[tuple[Any, str]] = [
    (lambda: Title("cultural_family", "2024", "UBND"),  # type: ignore[arg-type]
     "title.year='2024': must be an integer year"),
    (lambda: Rating("excellent", True, "UBND"), "rating.year=True: must be an integer year"),
    (lambda: Figure("revenue", 1944, 1),
     "figure.year=1944: is not a plausible year; allowed: 1945 … 2100"),
    (lambda: Title("cultural_family", 2101, "UBND"),
     "title.year=2101: is not a plausible year; allowed: 1945 … 2100"),
    (lambda: Period(dt.datetime(2024, 1, 1, 8, 0), D(2024, 2, 1)),
     "period.from=datetime.datetime(2024, 1, 1, 8, 0): must be a datetime.date (a day, not a timestamp)"),
    (lambda: Period(D(2024, 1, 1), "2024-02-01"),  # type: ignore[arg-type]
     "period.to='2024-02-01': must be a datetime.date (a day, not a timestamp)"),
    (lambda: Period(D(2024, 9, 30), D(2023, 10, 1)),
     "period.to='2023-10-01': ends before it starts; allowed: a day on or after 2024-09-30"),
    (lambda: Certificate("fsc", "Rừng", D(2024, 5, 2), "FSC", expires=D(2024, 5, 1)),
     "certificate.expires='2024-05-01': expires before it was issued; allowed: a date on or after 2024-05-02"),
    # no district body decided anything from 01/07/2025.
    (lambda: Project("ĐT1", "district", "pass", D(2025, 7, 1)),
     "project.level='district': the district level did not exist on 2025-07-01; allowed: district only for dates before 2025-07-01 (rule A-15)"),
    (lambda: Rating("nope", 2024, "UBND"),
     "rating.grade='nope': is not a Grade; allowed: not_completed, completed, good, excellent"),
    (lambda: Certificate("nope", "Rừng", D(2024, 5, 2), "FSC"),
     "certificate.scheme='nope': is not a Scheme; allowed: fsc, vietgap, globalgap, organic"),
    (lambda: Figure("nope", 2024, 1),
     "figure.metric='nope': is not a Metric; allowed: household_income, revenue, budget_paid, profit"),
    (lambda: Title("nope", 2024, "UBND"), "title.title='nope': is not a TitleName; allowed: "
     "advanced_worker, emulation_fighter, advanced_collective, excellent_collective, cultural_family, "
     "cultural_residential_area, cultural_unit, exemplary_citizen, clean_strong_party, comprehensive_strong_unit"),
    (lambda: Award("province", "education", "competition", D(2024, 5, 2), "UBND",
                   achieved_on=D(2024, 5, 1), period=Period(D(2024, 1, 1), D(2024, 2, 1))),
     "award.achieved_on='2024-05-01': gives both achieved_on and period; allowed: one of achieved_on (a day) or period (from, to)"),
    (lambda: Ocop("Chè", 3, D(2024, 5, 2), "UBND", achieved_on=D(2024, 5, 3)),
     "ocop.achieved_on='2024-05-03': is after the date of the document that records it; allowed: a day on or before 2024-05-02"),
    (lambda: Contribution("land", 5, "site_clearance", D(2024, 5, 2),
                          period=Period(D(2024, 1, 1), D(2024, 5, 3))),
     "contribution.period.to='2024-05-03': is after the date of the document that records it; allowed: a day on or before 2024-05-02"),
    (lambda: Award("nope", "education", "competition", D(2024, 5, 2), "UBND"),  # type: ignore[arg-type]
     "level='nope': is not a Level; allowed: unit, commune, district, province, central, national, international"),
    (lambda: Award("province", "nope", "competition", D(2024, 5, 2), "UBND"),  # type: ignore[arg-type]
     "award.field='nope': is not an AwardField; allowed: general, science_technology, press_communication, "
     "sport, culture_arts, tourism, education, health, agriculture, industry_trade, finance, "
     "defence_security, social, other"),
    (lambda: Award("province", "education", "nope", D(2024, 5, 2), "UBND"),  # type: ignore[arg-type]
     "award.category='nope': is not an AwardCategory; allowed: commendation, prize, competition"),
    (lambda: Award("district", "education", "competition", D(2025, 7, 1), "UBND"),
     "award.level='district': the district level did not exist on 2025-07-01; allowed: district only for dates before 2025-07-01 (rule A-15)"),
    (lambda: Initiative("SK", "HĐ", "district", D(2025, 7, 2)),
     "initiative.level='district': the district level did not exist on 2025-07-02; allowed: district only for dates before 2025-07-01 (rule A-15)"),
    (lambda: Project("ĐT1", "province", "nope", D(2024, 5, 2)),
     "project.rating='nope': is not a ProjectRating; allowed: fail, pass, good, excellent"),
    (lambda: Contribution("nope", 5, "site_clearance", D(2024, 5, 2)),
     "contribution.kind='nope': is not a ContributionKind; allowed: land, money, labour, crops, assets"),
    (lambda: Contribution("land", 5, "nope", D(2024, 5, 2)),
     "contribution.purpose='nope': is not a Purpose; allowed: site_clearance, new_rural, charity, other"),
    (lambda: Contribution("land", 2.5, "site_clearance", D(2024, 5, 2)),  # type: ignore[arg-type]
     "contribution.amount=2.5: must be a whole number"),
    (lambda: Ocop("Chè", "3", D(2024, 5, 2), "UBND"),  # type: ignore[arg-type]
     "ocop.stars='3': must be a whole number"),
    (lambda: Figure("revenue", 2024, True), "figure.amount=True: must be a whole number"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "message"), _BAD_EVIDENCE)
def test_bad_evidence_is_refused_naming_the_field_the_value_and_what_is_allowed(
    make: Any, message: str
) -> None:
    with pytest.raises(DienhinhError) as raised:
        make()
    assert str(raised.value) == message


def test_the_bounds_of_evidence_are_allowed() -> None:
    """The edges the errors above name are inside: the first and last plausible years, a
    certificate expiring the day it is issued, a period of one day, an achievement on the
    document's own day, a district project the day before the reform (A-15)."""
    assert Figure("revenue", 1945, 0).year == 1945
    assert Title("cultural_family", 2100, "UBND").year == 2100
    day = D(2024, 5, 2)
    assert Certificate("fsc", "Rừng", day, "FSC", expires=day).expires == day
    assert Period(day, day).end == day
    assert Ocop("Chè", 3, day, "UBND", achieved_on=day).achieved_on == day
    assert Project("ĐT1", "district", "pass", D(2025, 6, 30)).level is Level.DISTRICT


def test_the_readers_way_to_a_nominee_takes_any_iterable_as_the_public_constructor_does() -> None:
    """``read_nominee`` is ``Nominee(...)`` made faster for the lists the JSON reader gives;
    given anything else (here, iterators) it is the public constructor itself."""
    items = [Ocop("Chè", 3, D(2024, 3, 1), "UBND tỉnh"), Rating("excellent", 2024, "UBND tỉnh")]
    public = Nominee("individual", ["agriculture"], items, complete=["ocop"], name="Hợp tác xã")
    shapes = [
        (iter(["agriculture"]), items, ["ocop"]),
        (["agriculture"], iter(items), ["ocop"]),
        (["agriculture"], items, iter(["ocop"])),
    ]
    for fields, evidence, complete in shapes:
        read = read_nominee_fast("individual", fields, evidence, complete, "Hợp tác xã")  # type: ignore[arg-type]
        assert read == public
        assert read.name == "Hợp tác xã"


def test_a_nominee_reads_in_one_line_in_a_notebook() -> None:
    """A notebook shows a nominee by its name (or that it has none), kind, fields and the size
    of its dossier, never the dossier itself."""
    ocop = Ocop("Chè", 3, D(2024, 3, 1), "UBND tỉnh")
    named = Nominee("collective", ["agriculture", "education"], [ocop], name="HTX Tân Trào")
    assert (
        repr(named)
        == "<Nominee HTX Tân Trào: collective, fields agriculture, education, 1 evidence>"
    )
    assert repr(Nominee("individual", ["health"], [])) == (
        "<Nominee (no name): individual, fields health, 0 evidence>"
    )
