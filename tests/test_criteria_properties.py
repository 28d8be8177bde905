"""Properties of the criteria engine, grouped by the provision each protects."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
from typing import Any

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from dienhinh import NomineeKind, Readings
from dienhinh._canonical import canonical_json
from dienhinh.criteria import (
    Attestation,
    AttestationTest,
    Award,
    AwardCategory,
    AwardField,
    Certificate,
    Contribution,
    ContributionKind,
    Evidence,
    Initiative,
    Invention,
    Level,
    Nominee,
    Ocop,
    Project,
    ProjectRating,
    Purpose,
    Scheme,
    Verdict,
    all_of,
    any_of,
    assess,
    parse_catalogue,
)
from dienhinh.io._nominee import assessment_document
from dienhinh.rulesets import load_catalogue
from tests.schemas import validate

TQ = load_catalogue("tuyen-quang-2023")
D = dt.date
WINDOW = (D(2023, 10, 1), D(2024, 12, 15))
ATTESTABLE = sorted(c.id for c in TQ.leaves if isinstance(c.test, AttestationTest))
verdicts = st.sampled_from(list(Verdict))

# -- strategies -------------------------------------------------------------------------------

days = st.dates(D(2022, 1, 1), D(2025, 12, 31))


def _levelled_date(draw: st.DrawFn) -> tuple[Level, D]:
    level = draw(st.sampled_from(list(Level)))
    hi = D(2025, 6, 30) if level is Level.DISTRICT else D(2025, 12, 31)  # no district after
    return level, draw(st.dates(D(2022, 1, 1), hi))


@st.composite
def awards(draw: st.DrawFn, when: st.SearchStrategy[D] | None = None) -> Award:
    level, day = _levelled_date(draw)
    if when is not None:
        day = draw(when)
        if level is Level.DISTRICT and day >= D(2025, 7, 1):
            level = Level.PROVINCE
    return Award(level, draw(st.sampled_from(list(AwardField))), draw(st.sampled_from(list(AwardCategory))),
                 day, "UBND")  # fmt: skip


@st.composite
def initiatives(draw: st.DrawFn, when: st.SearchStrategy[D] | None = None) -> Initiative:
    level, day = _levelled_date(draw)
    if when is not None:
        day = draw(when)
        if level is Level.DISTRICT and day >= D(2025, 7, 1):
            level = Level.COMMUNE
    return Initiative(draw(st.sampled_from(["SK1", "SK2"])), "Hội đồng sáng kiến", level, day)


@st.composite
def projects(draw: st.DrawFn, when: st.SearchStrategy[D] | None = None) -> Project:
    level, day = _levelled_date(draw)
    if when is not None:
        day = draw(when)
        if level is Level.DISTRICT and day >= D(2025, 7, 1):
            level = Level.NATIONAL
    return Project(
        draw(st.sampled_from(["ĐT1", "ĐT2"])),
        level,
        draw(st.sampled_from(list(ProjectRating))),
        day,
    )


def positive_evidence(when: st.SearchStrategy[D] = days) -> st.SearchStrategy[Evidence]:
    """Evidence that can only help a criterion: statements that hold, awards, ratings, …"""
    return st.one_of(
        st.builds(lambda c, d: Attestation(c, "UBND xã", "Chủ tịch", d, "Xác nhận."),
                  st.sampled_from(ATTESTABLE), when),
        awards(when), initiatives(when), projects(when),
        st.builds(Ocop, st.sampled_from(["Chè", "Mật ong"]), st.integers(1, 5), when, st.just("UBND tỉnh")),
        st.builds(Certificate, st.sampled_from(list(Scheme)), st.just("Rừng"), when, st.just("FSC")),
        st.builds(lambda d, a: Invention("Máy", "Bằng 1", d, applied=a), when, st.sampled_from([True, False, None])),
        st.builds(Contribution, st.sampled_from(list(ContributionKind)), st.integers(1, 10_000),
                  st.sampled_from(list(Purpose)), when),
    )  # fmt: skip


def evidence_lists(min_size: int = 0, max_size: int = 10) -> st.SearchStrategy[list[Evidence]]:
    return st.lists(
        positive_evidence(), min_size=min_size, max_size=max_size,
        unique_by=lambda e: canonical_json(e.to_json()),
    )  # fmt: skip


@st.composite
def nominees(draw: st.DrawFn, evidence: st.SearchStrategy[list[Evidence]] | None = None) -> Nominee:
    kind = draw(st.sampled_from([NomineeKind.COLLECTIVE, NomineeKind.INDIVIDUAL]))
    open_fields = [
        f.id for f in TQ.fields if any(kind in TQ.criteria[s].applies_to for s in f.standard)
    ]
    fields = draw(st.lists(st.sampled_from(open_fields), min_size=1, max_size=3, unique=True))
    complete = draw(st.lists(st.sampled_from(["award", "ocop", "attestation", "invention", "contribution"]),
                             unique=True, max_size=2))  # fmt: skip
    items = draw(evidence if evidence is not None else evidence_lists())
    return Nominee(kind, fields, items, complete=complete)


readings = st.builds(
    lambda a13, a14, a15: Readings({"A-13": a13, "A-14": a14, "A-15": a15}),
    st.sampled_from(["one-field", "every-field"]),
    st.sampled_from(["semicolon-and", "semicolon-or"]),
    st.sampled_from(["keep-level", "province-after-reform"]),
)
windows = st.dates(D(2023, 1, 1), D(2025, 12, 31)).map(lambda end: (D(end.year - 1, 10, 1), end))


def verdict_map(a: Any) -> dict[str, Verdict]:
    return {node.id: node.verdict for node in a.tree.walk()}


# -- Kleene ------------------------------------------------------------------------------------


class TestKleeneCombinators:
    """The issue's rule for the combinators: “all-of is unknown when nothing failed and something is
    unknown; any-of is met as soon as one branch is met” — Kleene's strong three-valued logic."""

    @given(st.lists(verdicts, max_size=6), st.randoms())
    def test_both_are_commutative(self, vs: list[Verdict], rnd: Any) -> None:
        """The order of the children never matters."""
        shuffled = list(vs)
        rnd.shuffle(shuffled)
        assert all_of(vs) == all_of(shuffled)
        assert any_of(vs) == any_of(shuffled)

    @given(verdicts, verdicts, verdicts)
    def test_both_are_associative(self, a: Verdict, b: Verdict, c: Verdict) -> None:
        """Grouping never matters: (a ∧ b) ∧ c = a ∧ (b ∧ c), and the same for ∨."""
        assert all_of([all_of([a, b]), c]) == all_of([a, all_of([b, c])]) == all_of([a, b, c])
        assert any_of([any_of([a, b]), c]) == any_of([a, any_of([b, c])]) == any_of([a, b, c])

    @given(st.lists(verdicts, max_size=6))
    @example([Verdict.UNKNOWN, Verdict.NOT_MET])
    @example([Verdict.MET, Verdict.UNKNOWN])
    def test_not_met_absorbs_all_of_and_met_absorbs_any_of(self, vs: list[Verdict]) -> None:
        """One failure fails an all-of and one success meets an any-of, whatever is unknown."""
        assert all_of([*vs, Verdict.NOT_MET]) is Verdict.NOT_MET
        assert any_of([*vs, Verdict.MET]) is Verdict.MET

    @given(st.lists(st.sampled_from([Verdict.MET, Verdict.UNKNOWN]), min_size=1, max_size=6))
    def test_unknown_is_absorbing_when_nothing_settles(self, vs: list[Verdict]) -> None:
        """All-of with nothing failed and something unknown is unknown; dually for any-of."""
        assume(Verdict.UNKNOWN in vs)
        assert all_of(vs) is Verdict.UNKNOWN
        flipped = [Verdict.NOT_MET if v is Verdict.MET else v for v in vs]
        assert any_of(flipped) is Verdict.UNKNOWN

    @given(st.lists(verdicts, max_size=6))
    def test_de_morgan(self, vs: list[Verdict]) -> None:
        """Negating met/not met swaps all-of and any-of (unknown stays unknown)."""
        neg = {
            Verdict.MET: Verdict.NOT_MET,
            Verdict.NOT_MET: Verdict.MET,
            Verdict.UNKNOWN: Verdict.UNKNOWN,
        }
        assert neg[all_of(vs)] == any_of([neg[v] for v in vs])


Tree = Any  # "L" or ("all_of" | "any_of", [Tree, ...])

trees = st.recursive(
    st.just("L"),
    lambda kids: st.tuples(
        st.sampled_from(["all_of", "any_of"]), st.lists(kids, min_size=2, max_size=3)
    ),
    max_leaves=10,
)


def _catalogue_of(tree: Tree) -> tuple[Any, list[str]]:
    """A catalogue whose general standard is ``tree`` over attestation leaves; its leaf ids."""
    criteria: list[dict[str, Any]] = []
    leaves: list[str] = []
    counter = itertools.count(1)

    def add(t: Tree) -> str:
        cid = f"SX-1.{next(counter)}"
        base = {"id": cid, "title_vi": cid, "title_en": cid, "citation": {"article": "1"}}
        if t == "L":
            criteria.append({**base, "evidence": "attestation"})
            leaves.append(cid)
        else:
            op, kids = t
            criteria.append({**base, op: [add(k) for k in kids]})
        return cid

    root = add(tree)
    criteria.append({"id": "SX-2", "title_vi": "f", "title_en": "f", "citation": {"article": "2"},
                     "evidence": "attestation"})  # fmt: skip
    data = {
        "format": 1, "catalogue": "synthetic", "document": "SX", "title_vi": "x", "title_en": "x",
        "kinds": ["individual"],
        "standing": {"id": "SX-0", "title_vi": "s", "title_en": "s", "citation": {"article": "0"},
                     "general": root,
                     "fields": {"id": "SX-0.f", "title_vi": "f", "title_en": "f", "citation": {"article": "0"}}},
        "field": [{"id": "f", "title_vi": "f", "title_en": "f", "citation": {"article": "2"}, "standard": "SX-2"}],
        "criterion": criteria,
    }  # fmt: skip
    return parse_catalogue(data, source="synthetic"), leaves


class TestEngineIsKleene:
    """The engine evaluates a catalogue's all-of/any-of trees exactly as Kleene's logic says."""

    @given(trees, st.data())
    def test_every_node_agrees_with_the_oracle(self, tree: Tree, data: st.DataObject) -> None:
        """Random trees over attested / denied / missing statements: each node's verdict is the oracle's."""
        cat, leaves = _catalogue_of(tree)
        state = {leaf: data.draw(st.sampled_from(["yes", "no", "none"])) for leaf in leaves}
        state["SX-2"] = "yes"  # the one field's standard
        evidence = [Attestation(leaf, "UBND", "Chủ tịch", D(2024, 1, 1), "x", holds=s == "yes")
                    for leaf, s in state.items() if s != "none"]  # fmt: skip
        a = assess(Nominee("individual", ["f"], evidence), cat, window=WINDOW)
        leaf_verdict = {"yes": Verdict.MET, "no": Verdict.NOT_MET, "none": Verdict.UNKNOWN}

        def oracle(cid: str) -> Verdict:
            node = cat.criteria[cid]
            if node.test is not None:
                return leaf_verdict[state[cid]]
            combine = all_of if node.structure == "all_of" else any_of
            return combine(oracle(c) for c in node.children)

        for node in a.tree.walk():
            if node.id in cat.criteria:
                assert node.verdict is oracle(node.id), node.id
        assert a.verdict is oracle(cat.general[0])


# -- evidence and its window --------------------------------------------------------------------


class TestPositiveEvidenceIsMonotone:
    """TQ-3.1 and TQ-3.2 are positive standards: more evidence of achievement never takes away."""

    @given(nominees(), positive_evidence(), readings, windows)
    def test_adding_evidence_never_turns_met_into_not_met(
        self, n: Nominee, extra: Evidence, r: Readings, w: tuple[D, D]
    ) -> None:
        """Every node met before an item is added is still met after."""
        assume(
            canonical_json(extra.to_json()) not in {canonical_json(e.to_json()) for e in n.evidence}
        )
        before = verdict_map(assess(n, TQ, window=w, readings=r))
        after = verdict_map(assess(Nominee(n.kind, n.fields, [*n.evidence, extra], complete=n.complete),
                                   TQ, window=w, readings=r))  # fmt: skip
        for cid, v in before.items():
            if v is Verdict.MET:
                assert after[cid] is Verdict.MET, cid


class TestWindowTQ33:
    """TQ-3.3: “Thành tích … được tính trong thời gian 01 năm, tính từ ngày 01/10 năm trước đến thời
    điểm xét tặng” — evidence outside the window never counts."""

    outside = st.one_of(
        st.dates(D(2021, 1, 1), D(2023, 9, 30)), st.dates(D(2024, 12, 16), D(2025, 12, 31))
    )

    @given(nominees(), st.lists(positive_evidence(outside), min_size=1, max_size=4), readings)
    @example(
        Nominee("collective", ["agriculture"], []),
        [Ocop("Chè", 5, D(2023, 9, 30), "UBND tỉnh"), Ocop("Chè", 5, D(2024, 12, 16), "UBND tỉnh")],
        Readings(),
    )
    def test_evidence_outside_the_window_never_changes_a_verdict(
        self, n: Nominee, extra: list[Evidence], r: Readings
    ) -> None:
        """Adding items dated the day before 01/10 or after the consideration date changes no verdict."""
        keys = {canonical_json(e.to_json()) for e in n.evidence}
        extra = [e for e in extra if canonical_json(e.to_json()) not in keys]
        assume(len({canonical_json(e.to_json()) for e in extra}) == len(extra))
        before = assess(n, TQ, window=WINDOW, readings=r)
        after = assess(Nominee(n.kind, n.fields, [*n.evidence, *extra], complete=n.complete),
                       TQ, window=WINDOW, readings=r)  # fmt: skip
        assert verdict_map(before) == verdict_map(after)
        assert [m.code for m in before.missing] == [m.code for m in after.missing]


class TestMissingFacts:
    """“An unknown answer lists the missing facts … Missing is never silently false nor silently true.”"""

    @given(nominees(), readings, windows)
    def test_unknown_always_comes_with_a_missing_fact_and_only_unknown(
        self, n: Nominee, r: Readings, w: tuple[D, D]
    ) -> None:
        """Every unknown node lists at least one missing fact naming a criterion; no other node lists any."""
        a = assess(n, TQ, window=w, readings=r)
        for node in a.tree.walk():
            if node.verdict is Verdict.UNKNOWN:
                assert node.missing, node.id
                assert all(m.rule is not None and m.rule.id in TQ.criteria for m in node.missing)
            else:
                assert node.missing == (), node.id
        assert (a.verdict is Verdict.UNKNOWN) == bool(a.missing)


class TestDeterminism:
    """A decision record is exact and deterministic: same inputs, same record, whatever the order."""

    @given(nominees(), st.randoms(), readings)
    def test_the_result_is_independent_of_evidence_order(
        self, n: Nominee, rnd: Any, r: Readings
    ) -> None:
        """Shuffling the evidence and the fields gives the same JSON, digest included."""
        items, fields = list(n.evidence), list(n.fields)
        rnd.shuffle(items)
        rnd.shuffle(fields)
        shuffled = Nominee(n.kind, fields, items, complete=sorted(n.complete, reverse=True))
        assert (
            assess(n, TQ, window=WINDOW, readings=r).to_json()
            == assess(shuffled, TQ, window=WINDOW, readings=r).to_json()
        )

    @settings(max_examples=25)
    @given(nominees(), readings, windows)
    def test_inputs_are_never_mutated(self, n: Nominee, r: Readings, w: tuple[D, D]) -> None:
        """Neither the JSON document, the nominee, the catalogue nor the readings change by assessing."""
        from dienhinh.io._nominee import parse_nominee

        document = n.to_json()
        kept = copy.deepcopy(document)
        catalogue_before, readings_before = TQ.to_json(), r.to_json()
        parsed = parse_nominee(document)
        a = assess(parsed, TQ, window=w, readings=r)
        a.to_json()
        assert document == kept
        assert parsed.to_json() == kept
        assert TQ.to_json() == catalogue_before
        assert r.to_json() == readings_before

    @settings(max_examples=20)
    @given(nominees(), readings, windows)
    def test_every_record_is_json_of_the_schema(
        self, n: Nominee, r: Readings, w: tuple[D, D]
    ) -> None:
        """Whatever the evidence, the record validates against the assessment schema."""
        data = json.loads(json.dumps(assessment_document(assess(n, TQ, window=w, readings=r))))
        validate(data, "assessment")
