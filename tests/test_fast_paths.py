"""The batch paths of issue 13 equal the plain paths they replace.

A national year runs through shortcuts — the round's digest streamed, shared reasons, values
built without re-validating what was validated already. Each test here states that the
shortcut's result is the result of the slow, obvious computation on the same inputs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dienhinh import Readings, RoundInputs
from dienhinh._canonical import digest_of
from dienhinh._errors import UnknownCriterionError
from dienhinh.criteria import Attestation, Nominee, _engine, assess, assess_many
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
