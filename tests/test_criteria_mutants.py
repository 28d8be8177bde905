"""The criteria engine's behaviour that mutation testing found unpinned (docs/mutation.md).

Each test states what a provision, a reading of the register or the format of a catalogue
(docs/criteria-format.md) makes the engine do, on cases small enough to check by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from dienhinh import InvalidTypeError, Readings
from dienhinh.criteria import (
    Attestation,
    CertificateTest,
    FigureTest,
    Nominee,
    Period,
    RatingTest,
    Scheme,
    TitleTest,
    Verdict,
    all_of,
    any_of,
    assess,
    assess_many,
)
from dienhinh.criteria._catalogue import Catalogue, Criterion, _leaf, _Reader
from dienhinh.criteria._evidence import EVIDENCE_TYPES
from dienhinh.rulesets import load_catalogue

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


def attest(day: dt.date, **when: Any) -> Attestation:
    return Attestation("TQ-3.1a", "UBND huyện", "Chủ tịch", day, "Đạt.", **when)


def test_a27_and_a40_add_themselves_to_the_readings_the_nominee_relies_on_otherwise() -> None:
    """An attestation signed after the window, stating no period, under a due date (A-27), and
    a period partly inside the window (A-40), each add their reading to what the criteria
    read rely on, taking none of it away."""
    health = ["health"]
    late = attest(dt.date(2024, 10, 8))
    straddling = attest(
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
