"""The batch paths of issue 13 equal the plain paths they replace.

A national year runs through shortcuts — the round's digest streamed, shared reasons, values
built without re-validating what was validated already. Each test here states that the
shortcut's result is the result of the slow, obvious computation on the same inputs.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dienhinh import Readings, RoundInputs, _canonical, _reasons, _text, run_round
from dienhinh._canonical import canonical_json, digest_of
from dienhinh._errors import InvalidTypeError, InvalidValueError, UnknownCriterionError
from dienhinh._reasons import ReasonCode, Severity
from dienhinh.criteria import Attestation, Nominee, _engine, assess, assess_many
from dienhinh.io._public import record_tree
from dienhinh.round import _checks, _run
from dienhinh.round._run import round_digest
from dienhinh.voting import Ballot
from tests.test_criteria_properties import TQ, WINDOW, nominees, readings, windows
from tests.test_round_properties import Case, cases


def _whole_digest(inputs: RoundInputs) -> str:
    """The round digest as first written: over the whole input document, built at once."""
    parameters = {"ruleset": inputs.ruleset.to_json(), "criteria": inputs.ruleset.criteria,
                  "readings": inputs.readings.to_json()}  # fmt: skip
    return digest_of("round", inputs.to_json(), parameters)


@given(cases(), st.booleans())
def test_the_streamed_round_digest_is_the_digest_of_the_whole_document(
    case: Case, stray: bool
) -> None:
    """Nominations streamed one by one, approvals listed in one pass over the sorted ids: the
    digest of the document built whole (also where a ballot approves someone who is not a
    nomination, which the inputs hold and the round later refuses)."""
    inputs, _ = case
    if stray and inputs.ballots:
        first = inputs.ballots[0]
        ballots = [Ballot(first.member, [*first.approve, "ZZ-not-nominated"]), *inputs.ballots[1:]]
        inputs = RoundInputs(inputs.ruleset, inputs.council, inputs.considered_on,
                             inputs.nominations, ballots, inputs.dossiers, readings=inputs.readings)  # fmt: skip
    assert round_digest(inputs) == _whole_digest(inputs)
    doc = inputs.to_json()
    for b, written in zip(inputs.ballots, doc["ballots"], strict=True):
        assert written["approve"] == sorted(b.approve)


@given(cases(), st.sampled_from([1, 2, _canonical._SLICE]))
def test_a_records_digest_hashed_from_the_inputs_it_writes_is_round_digest(
    case: Case, slice_: int
) -> None:
    """A record built before its digest is read hashes the input document it writes (each
    nomination's JSON made once for both): the digest is round_digest of the inputs, never
    worked out by round_digest itself, and the record is the record of a digest read first
    (also where the canonical walk hands the encoder lists a slice of one or two at a time)."""
    inputs, _ = case
    expected = round_digest(inputs)
    shared, written, plain = run_round(inputs), run_round(inputs), run_round(inputs)
    assert plain.digest == expected  # the plain path: the lazy property, read first
    with (
        mock.patch.object(_canonical, "_SLICE", slice_),
        mock.patch.object(_run, "round_digest", side_effect=AssertionError("hashed twice")),
    ):
        with pytest.raises(AttributeError):
            _run._DIGEST_SLOT.__get__(shared)  # not worked out by run_round
        tree = shared.to_json()
        # The writer's tree hashes its document with the shared parts' texts made once.
        writers = record_tree(written)
    assert tree["digest"] == expected
    assert shared.digest == expected
    assert tree == plain.to_json()
    assert canonical_json(tree) == canonical_json(plain.to_json())
    assert isinstance(writers, dict)
    assert writers["digest"] == written.digest == expected
    assert canonical_json(writers) == canonical_json(tree)


# -- criteria: one plan per catalogue and readings, evidence grouped per assessment -------------


@given(nominees())
def test_the_engine_groups_evidence_as_the_nominee_does(nominee: Nominee) -> None:
    """The per-assessment grouping holds what ``Nominee.by_type`` and ``.attestations`` hold."""
    by_type, attest = _engine._groups(nominee)
    assert {k: tuple(v) for k, v in by_type.items()} == dict(nominee.by_type)
    assert {k: tuple(v) for k, v in attest.items()} == dict(nominee.attestations)


@given(st.lists(nominees(), min_size=1, max_size=4), readings, windows)
def test_a_planned_batch_is_each_nominee_assessed_afresh(
    batch: list[Nominee], chosen: Readings, window: tuple[dt.date, dt.date]
) -> None:
    """``assess_many`` on one cached plan gives, nominee by nominee, what ``assess`` gives with
    every cache emptied first; the readings used are those its evaluated nodes name."""
    many = assess_many(batch, TQ, window=window, readings=chosen)
    for nominee, got in zip(batch, many, strict=True):
        _engine._PLANS.clear()
        fresh = assess(nominee, TQ, window=window, readings=chosen)
        assert got == fresh
        assert got.to_json() == fresh.to_json()
        assert got.used == chosen.used(*_engine.used_interpretations(got))


@given(st.lists(nominees(), min_size=2, max_size=5), readings, windows)
def test_leaf_results_shared_across_a_batch_are_each_nominee_s_own(
    batch: list[Nominee], chosen: Readings, window: tuple[dt.date, dt.date]
) -> None:
    """A leaf met by one item alone is one evaluation per leaf and index, shared by every
    nominee it is the result of: each tree is what a catalogue compiled afresh for that nominee
    alone gives (a new Catalogue object has no compiled trees, so nothing is shared)."""
    many = assess_many(batch, TQ, window=window, readings=chosen)
    for nominee, got in zip(batch, many, strict=True):
        alone = assess(nominee, attrs.evolve(TQ), window=window, readings=chosen)
        assert got.to_json() == alone.to_json()
        assert got.raw == alone.raw


def test_a_leaf_met_by_one_item_is_one_evaluation_for_every_nominee() -> None:
    """Two nominees whose attestation of TQ-3.1a is their item 0 share that leaf's evaluation
    (a batch keeps every tree); one whose leaf also set an item aside has its own."""

    def leaf(a: Any, cid: str) -> Any:
        todo = [a.raw]
        while todo:
            e = todo.pop()
            if e[0].id == cid:
                return e
            todo.extend(e[2])
        raise AssertionError(cid)

    def attest(cid: str, day: dt.date) -> Attestation:
        return Attestation(cid, "UBND xã", "Chủ tịch", day, "Xác nhận.")

    inside, outside = WINDOW[1], WINDOW[0] - dt.timedelta(days=1)
    one, two = (Nominee("individual", ["education"], [attest("TQ-3.1a", inside)]) for _ in "ab")
    first, second = assess_many([one, two], TQ, window=WINDOW)
    assert leaf(first, "TQ-3.1a") is leaf(second, "TQ-3.1a")
    assert leaf(first, "TQ-3.1a")[1] == _engine.MET
    aside = Nominee("individual", ["education"],
                    [attest("TQ-3.1a", inside), attest("TQ-3.1a", outside)])  # fmt: skip
    third = assess(aside, TQ, window=WINDOW)
    assert leaf(third, "TQ-3.1a")[1] == _engine.MET
    assert leaf(third, "TQ-3.1a") is not leaf(first, "TQ-3.1a")


def relied_on_a27(a: Any) -> bool:
    """The oracle: whether an evaluated attestation leaf read an attestation stating no period or
    day, signed after the window's end (the only ones A-27's readings judge differently), found
    by walking the evaluation after the fact."""
    from dienhinh.criteria._catalogue import Criterion
    from dienhinh.criteria._leaves import AttestationTest

    late = {
        i for i, ev in enumerate(a.nominee.evidence)
        if isinstance(ev, Attestation) and ev.period is None and ev.achieved_on is None
        and ev.date > a.window_end
    }  # fmt: skip

    def visit(e: Any) -> bool:
        node = e[0]
        attests = isinstance(node, Criterion) and isinstance(node.test, AttestationTest)
        if attests and late.intersection((*e[3], *(g[0] for g in e[4]))):
            return True
        return any(visit(c) for c in e[2])

    return bool(late) and visit(a.raw)


@given(nominees(), readings, windows, st.integers(0, 90))
def test_a27_noted_as_the_leaves_run_is_the_walk_over_the_evaluation(
    nominee: Nominee, chosen: Readings, window: tuple[dt.date, dt.date], after: int
) -> None:
    """The attestation leaves note whether they read an item A-27's readings judge differently:
    the walk over the evaluated tree finds the same, and the readings used follow from it."""
    due = window[1] + dt.timedelta(days=after)
    a = assess(nominee, TQ, window=window, readings=chosen, dossier_due=due)
    assert a.relied_on_a27 == relied_on_a27(a)
    assert a.read_periods or not _engine._relied_on_a40(a)  # the walk is skipped only when idle
    ids = _engine.used_interpretations(a)
    assert a.used == chosen.used(*ids, *(["A-27"] if a.relied_on_a27 else []))


@given(st.lists(st.sampled_from(["A-1", "A-27", "A-13", "A-2"]), unique=True), readings)
def test_shared_used_readings_are_the_records_made_afresh(ids: list[str], chosen: Readings) -> None:
    """``Readings.used`` shares its records per readings and ids: what it returns is what it
    would make from nothing, in register order."""
    from dienhinh import _interpretations

    first = chosen.used(*ids)
    _interpretations._USED.clear()
    fresh = chosen.used(*ids)
    assert (
        first
        == fresh
        == tuple(
            _interpretations.UsedReading(i, chosen[i])
            for i in _interpretations.INTERPRETATIONS
            if i in ids
        )
    )
    assert chosen.used(*ids) is fresh


@given(nominees(), st.randoms(use_true_random=False))
def test_evidence_keyed_only_where_its_type_repeats_is_in_the_canonical_order(
    nominee: Nominee, rnd: random.Random
) -> None:
    """The evidence in any order comes out by type, then by canonical JSON: what sorting every
    item by (type, JSON) gives, the JSON made only for types given more than once."""
    from dienhinh._canonical import canonical_json
    from dienhinh.criteria import _nominee

    items = list(nominee.evidence)
    rnd.shuffle(items)
    _nominee._KEYS.clear()
    plain = sorted(items, key=lambda e: (_nominee._ORDER[e.TYPE], canonical_json(e.to_json())))
    again = Nominee(nominee.kind, nominee.fields, items, complete=nominee.complete)
    assert again.evidence == tuple(plain) == nominee.evidence
    assert [e.to_json() for e in again.evidence] == [e.to_json() for e in plain]


_texts = st.text(st.characters(codec="utf-8"), min_size=1, max_size=6)


@given(
    _texts, _texts, _texts, st.dates(dt.date(2023, 1, 1), dt.date(2024, 12, 31)), _texts,
    st.booleans(), st.none() | _texts, st.none() | st.integers(0, 200), st.integers(-1, 60),
)  # fmt: skip
def test_an_attestations_key_written_field_by_field_is_its_canonical_json(
    criterion: str, authority: str, signer: str, date: dt.date, statement: str, holds: bool,
    ref: str | None, back: int | None, length: int,
) -> None:  # fmt: skip
    """The sort key of an attestation, written field by field, is ``canonical_json`` of its JSON
    (quotes, backslashes, controls and any Unicode escaped alike; with or without a day, a
    period and a reference)."""
    from dienhinh import DienhinhError
    from dienhinh._canonical import canonical_json
    from dienhinh.criteria import Period
    from dienhinh.criteria._nominee import _attestation_text

    achieved = None if back is None or length >= 0 else date - dt.timedelta(days=back)
    period = None
    if back is not None and length >= 0:
        first = date - dt.timedelta(days=back + length)
        period = Period(first, first + dt.timedelta(days=length))
    try:
        a = Attestation(criterion, authority, signer, date, statement, holds=holds, ref=ref,
                        achieved_on=achieved, period=period)  # fmt: skip
    except DienhinhError:
        assume(False)
        raise
    assert _attestation_text(a) == canonical_json(a.to_json())


@given(st.lists(st.one_of(st.integers(), st.text(max_size=3),
                          st.lists(st.integers(), max_size=3000).map(lambda v: {"v": v})),
                max_size=40))  # fmt: skip
def test_a_stream_of_small_items_digests_as_the_list_it_stands_for(items: list[Any]) -> None:
    """A stream declared small (each nomination handed to the C encoder without looking inside
    it) has the text and the digest of its list, even where an item is in fact large."""
    from dienhinh._canonical import Stream, canonical_chunks, canonical_json

    doc = {"a": Stream(lambda: iter(items), small=True)}
    assert "".join(canonical_chunks(doc)) == canonical_json({"a": items})
    assert digest_of("x", doc, {}) == digest_of("x", {"a": items}, {})


def test_the_canonical_encoder_is_json_dumps_sorted_and_compact() -> None:
    """One encoder made once writes what ``json.dumps`` with the canonical options writes."""
    import json
    from fractions import Fraction

    from dienhinh._canonical import canonical_json

    value = {"b": [1, "đ", None, True], "a": {"z": Fraction(1, 3), "y": dt.date(2024, 1, 2)}}
    assert canonical_json(value) == json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_canonical.plain
    )


@given(nominees(), readings, windows, st.integers(0, 90))
def test_missing_facts_from_the_unknown_nodes_are_the_trees(
    nominee: Nominee, chosen: Readings, window: tuple[dt.date, dt.date], after: int
) -> None:
    """What an assessment asks for, walked from its unknown nodes alone, is its tree's."""
    due = window[1] + dt.timedelta(days=after)
    a = assess(nominee, TQ, window=window, readings=chosen, dossier_due=due)
    fresh = assess(nominee, TQ, window=window, readings=chosen, dossier_due=due)
    assert a.missing == _engine.explain(fresh).missing == fresh.tree.missing
    assert [m.to_json() for m in a.missing] == [m.to_json() for m in fresh.tree.missing]


@pytest.mark.parametrize("position", [0, 1])
def test_a_batch_refuses_a_bad_nominee_as_assess_does(position: int) -> None:
    """An attestation of a criterion the catalogue lacks: the batch raises assess's error, wherever
    the nominee stands, and a check that failed is never remembered as passed."""
    good = Nominee("individual", ["education"], [])
    bad = Nominee("individual", ["education"],
                  [Attestation("no-such-criterion", "UBND xã", "Chủ tịch", WINDOW[1], "Xác nhận.")])  # fmt: skip
    with pytest.raises(UnknownCriterionError) as single:
        assess(bad, TQ, window=WINDOW)
    batch = [good, good]
    batch.insert(position, bad)
    for _ in range(2):
        with pytest.raises(UnknownCriterionError) as many:
            assess_many(batch, TQ, window=WINDOW)
        assert str(many.value) == str(single.value)


@pytest.mark.parametrize("position", [0, 1, 2])
def test_a_batch_refuses_what_is_not_a_nominee_wherever_it_stands(position: int) -> None:
    """What is not a nominee (None) in a batch: assess's own error, first or later; an empty
    batch is empty without a look at its catalogue (checked with the first nominee)."""
    good = Nominee("individual", ["education"], [])
    with pytest.raises(InvalidTypeError) as single:
        assess(None, TQ, window=WINDOW)  # type: ignore[arg-type]
    batch: list[Any] = [good, good]
    batch.insert(position, None)
    with pytest.raises(InvalidTypeError) as many:
        assess_many(iter(batch), TQ, window=WINDOW)
    assert str(many.value) == str(single.value)
    assert assess_many(iter([]), "not a catalogue", window=WINDOW) == ()  # type: ignore[arg-type]


# -- reasons: one made reason shared by every call with the same scalar parameters -----------

_PAIR = ReasonCode("demo.pair", Severity.INFO, "Cặp", "Pair", "{a} và {b}", "{a} and {b}")
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.text(max_size=3),
    st.dates(dt.date(2024, 1, 1), dt.date(2024, 1, 3)),
)  # fmt: skip


@given(scalars, scalars, st.booleans())
def test_a_shared_reason_is_the_reason_made_afresh(a: object, b: object, swap: bool) -> None:
    """Whatever the order the parameters are named in: the shared reason equals a fresh one,
    keeps its own values (True is not 1), and a second call returns the very same object."""
    params = {"b": b, "a": a} if swap else {"a": a, "b": b}
    shared = _PAIR(None, **params)
    fresh = _PAIR._make(None, dict(params))
    assert shared == fresh
    assert (shared.en, shared.vi) == (fresh.en, fresh.vi)
    assert [type(v) for v in shared.params.values()] == [type(v) for v in fresh.params.values()]
    assert _PAIR(None, **params) is shared


# -- the round: every per-round and per-process store only saves work ---------------------------


@given(cases())
def test_a_round_with_its_stores_warm_is_the_round_made_from_nothing(case: Case) -> None:
    """Reasons shared, plans and cash worked out once: run again with every store emptied, the
    round gives the same decision, record and digest."""
    inputs, _ = case
    warm = run_round(inputs)
    _reasons._MADE.clear()
    _engine._PLANS.clear()
    _run._CASH.clear()
    cold = run_round(inputs)
    assert warm == cold
    assert warm.to_json() == cold.to_json()


@given(cases())
def test_checks_prepared_once_per_round_judge_each_nominee_as_if_alone(case: Case) -> None:
    """The checks are prepared once per round and remember what depends only on a unit (its
    dossier, its deadlines, its head's choice) or a kind: each nominee judged by checks shared
    with the round's other nominees gets what checks prepared for it alone give."""
    inputs, _ = case
    checks = inputs.ruleset.checks_at(inputs.level.value)
    span, _, _ = _run._window(inputs, checks)
    late = _run._own_deadline(inputs, checks)[0]
    ctx = _run._context(inputs, checks, span)
    nominee_checks = [c for c in checks if _checks.is_nominee_check(c, inputs.level)]
    shared = tuple(_checks.NOMINEE_CHECKS[c.kind](c, ctx) for c in nominee_checks)
    for nom in inputs.nominations:
        alone_ctx = _run._context(inputs, checks, span)
        alone = tuple(_checks.NOMINEE_CHECKS[c.kind](c, alone_ctx) for c in nominee_checks)
        relied: dict[int, Any] = {}
        relied_alone: dict[int, Any] = {}
        assert _run._judge(nom, shared, late, relied) == _run._judge(nom, alone, late, relied_alone)
        assert set(relied.values()) == set(relied_alone.values())


# -- ids: printable ASCII passes as itself, an id checked once is remembered --------------------


def _identifier_slow(value: object) -> str | type[Exception]:
    """``identifier`` as first written: every check, every time (or the error it raises)."""
    if not isinstance(value, str):
        return InvalidTypeError
    if _text.text_problem(value, identifier=True) is not None:
        return InvalidValueError
    text = unicodedata.normalize("NFC", value)
    return text if text and text == text.strip() else InvalidValueError


@given(st.one_of(st.text(max_size=8), st.text(alphabet=" abđ\u0301\t\u200b", max_size=4),
                 st.text(min_size=199, max_size=202, alphabet="ab"), st.integers()))  # fmt: skip
def test_an_id_checked_fast_is_the_id_checked_in_full(value: object) -> None:
    """The fast paths of ``identifier`` accept exactly the ids the full check accepts, giving
    the same NFC text, the first time and from memory; every other value raises as before."""
    expected = _identifier_slow(value)
    for _ in range(2):
        if isinstance(expected, str):
            assert _text.identifier(value) == expected
        else:
            with pytest.raises(expected):
                _text.identifier(value)


# -- batch entry points: the cyclic collector is paused while they run, restored after ----------


def _collector_during(monkeypatch: pytest.MonkeyPatch, module: object, inner: str) -> list[bool]:
    """Spy on ``module.inner``: whether the cyclic collector was enabled at each call."""
    import gc

    seen: list[bool] = []
    real = getattr(module, inner)

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, inner, spy)
    return seen


def test_batch_entry_points_pause_the_cyclic_collector_and_restore_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A national ballot, batch or round allocates a row per nominee; each entry point runs
    with the collector paused (the records hold no cycle) and leaves it as it found it."""
    import gc

    from dienhinh.rulesets import load_ruleset
    from dienhinh.voting import BallotInputs, Council, _count, count

    rule = load_ruleset("tuyen-quang-2023").ballot
    assert rule is not None
    assert gc.isenabled()
    inputs = BallotInputs(council=Council(["m1", "m2"], chair="m1"), nominees=["a", "b"],
                          ballots=[Ballot("m1", ["a"]), Ballot("m2", ["a", "b"])], rule=rule)  # fmt: skip
    counted = _collector_during(monkeypatch, _count, "_denominator")
    assessed = _collector_during(monkeypatch, _engine, "_assess")
    judged = _collector_during(monkeypatch, _run, "_context")
    for run, seen in ((lambda: count(inputs), counted),
                      (lambda: assess_many([Nominee("individual", ["education"], [])], TQ,
                                           window=WINDOW), assessed),
                      (lambda: run_round(RoundInputs(load_ruleset("tuyen-quang-2023"),
                                                     Council(["m1"], chair="m1"),
                                                     dt.date(2024, 12, 20), [], [])), judged)):  # fmt: skip
        seen.clear()
        run()
        assert seen
        assert not any(seen)
        assert gc.isenabled()


# -- a ballot's marks: NFC of thousands of ids, at once when they are ASCII ---------------------


@given(st.lists(st.text(alphabet="an0\u0301\u0303ễ\u1ec5", max_size=4), max_size=6)
       | st.lists(st.text(alphabet="abc019-", max_size=4), max_size=6))  # fmt: skip
def test_marks_normalised_at_once_are_each_mark_normalised(texts: list[str]) -> None:
    """``nfc_each`` gives each text in NFC: the list itself where every text is ASCII."""
    got = _text.nfc_each(texts)
    assert list(got) == [unicodedata.normalize("NFC", t) for t in texts]
    assert (got is texts) == all(t.isascii() for t in texts)


def test_a_mark_that_is_no_text_is_refused_as_before() -> None:
    """Not a string among the marks: a TypeError (the reader's and the ballot's own message)."""
    with pytest.raises(TypeError):
        _text.nfc_each(["n1", 2])  # type: ignore[list-item]
    with pytest.raises(InvalidTypeError, match="must list nominee ids as strings"):
        Ballot("m1", ["n1", 2])


@given(st.sets(st.sampled_from(["n1", "n2", "n3", "n4", "ễ"]), max_size=5),
       st.sets(st.sampled_from(["n1", "n2", "n3", "n4", "ễ", "x"]), max_size=6))  # fmt: skip
def test_a_ballot_s_approvals_in_order_are_its_approvals_sorted(
    approve: set[str], ids: set[str]
) -> None:
    """``approvals_in_order``: ``sorted(ballot.approve)`` whatever ``ids`` holds, the first time
    and from memory, a new list each time (a document's list may be changed by its reader)."""
    from dienhinh.voting._council import approvals_in_order

    ballot = Ballot("m1", approve)
    first = approvals_in_order(ballot, sorted(ids))
    first.append("changed")
    again = approvals_in_order(ballot, sorted(ids | approve))
    assert again == sorted(ballot.approve)
    assert first[:-1] == again
    assert approvals_in_order(Ballot("m1", approve), []) == sorted(approve)
