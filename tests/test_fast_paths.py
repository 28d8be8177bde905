"""The batch paths of issue 13 equal the plain paths they replace.

A national year runs through shortcuts — the round's digest streamed, shared reasons, values
built without re-validating what was validated already. Each test here states that the
shortcut's result is the result of the slow, obvious computation on the same inputs.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dienhinh import RoundInputs
from dienhinh._canonical import digest_of
from dienhinh.round._run import round_digest
from dienhinh.voting import Ballot
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
