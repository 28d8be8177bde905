"""The ballot's behaviour that mutation testing found unpinned (docs/mutation.md).

Each test states what a provision (or a reading of the register) makes the ballot do, on
numbers small enough to check by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from fractions import Fraction
from typing import ClassVar

import attrs
import pytest

import dienhinh
from dienhinh import (
    ChairChoiceError,
    Citation,
    DoubleVoteError,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    Readings,
    Rule,
    UnknownMemberError,
    UnknownNomineeError,
    VerificationError,
)
from dienhinh.io import read_ballot
from dienhinh.voting import (
    Ballot,
    BallotInputs,
    BallotResult,
    BallotStatus,
    Candidate,
    Cap,
    Comparison,
    Council,
    Denominator,
    OutcomeStatus,
    TieBreak,
    count,
    count_votes,
    resolve,
    verify,
)
from dienhinh.voting._rule import parse_fraction
from tests.ballot_rules import TQ_BALLOT, TQ_CAP, TQ_RULE, tq_rule


def council(n: int) -> Council:
    return Council([f"m{i:02}" for i in range(1, n + 1)], chair="m01")


def ballots_for(c: Council, approvals: dict[str, int], *, written: int = 0) -> list[Ballot]:
    """Ballots in which nominee ``x`` gets ``approvals[x]`` approvals, from the first members;
    the last ``written`` members vote in writing."""
    return [
        Ballot(
            m,
            [n for n, k in approvals.items() if i < k],
            "written" if i >= len(c.members) - written else "in_meeting",
        )
        for i, m in enumerate(c.members)
    ]


class TestNoQuorum:
    """Domain §9 (education sector): a two-thirds quorum of members in the meeting."""

    RULE = tq_rule(threshold="7/10", denominator=Denominator.VOTES_CAST, quorum="2/3")

    def test_the_reason_names_who_attended_and_who_was_required(self) -> None:
        """9 members, 5 in the meeting and 2 in writing: ⌈2/3 × 9⌉ = 6 must attend; 5 did."""
        c = council(9)
        ballots = [Ballot(m, ["a"], "in_meeting") for m in c.members[:5]]
        ballots += [Ballot(m, ["a"], "written") for m in c.members[5:7]]
        result = count_votes(c, ["a"], ballots, rule=self.RULE)
        assert result.status is BallotStatus.NO_QUORUM
        assert result.recognised == ()
        quorum = [r for r in result.reasons if r.code == "ballot.no_quorum"]
        assert len(quorum) == 1
        assert dict(quorum[0].params) == {"present": 5, "members": 9, "required": 6}
        assert quorum[0].vi == ("Chỉ 5/9 thành viên dự họp, cần ít nhất 6: phiên họp không hợp lệ.")
        outcome = result.outcome("a")
        assert outcome.status is OutcomeStatus.NOT_RECOGNISED
        assert [r.code for r in outcome.reasons] == ["ballot.no_quorum"]
        assert outcome.reasons[0].params == quorum[0].params

    def test_exactly_the_quorum_decides(self) -> None:
        """6 of 9 in the meeting is the two-thirds quorum itself: the meeting decides."""
        c = council(9)
        ballots = ballots_for(c, {"a": 6})[:6]
        result = count_votes(c, ["a"], ballots, rule=self.RULE)
        assert result.status is BallotStatus.FINAL
        assert result.recognised == ("a",)
        assert "ballot.no_quorum" not in [r.code for r in result.reasons]

    def test_written_opinions_do_not_make_the_quorum(self) -> None:
        """The quorum counts attendance: 5 in the meeting and 4 in writing is still no quorum."""
        c = council(9)
        result = count_votes(c, ["a"], ballots_for(c, {"a": 9}, written=4), rule=self.RULE)
        assert result.status is BallotStatus.NO_QUORUM

    def test_a_chair_choice_without_a_quorum_is_refused(self) -> None:
        """TQ-2.1b gives the chair a tie to decide; a meeting without quorum decides nothing."""
        c = council(9)
        with pytest.raises(ChairChoiceError, match="no quorum"):
            count_votes(
                c,
                ["a", "b"],
                ballots_for(c, {"a": 5, "b": 5})[:5],
                rule=self.RULE,
                cap=1,
                chair_choice=["a"],
            )


class TestHandedBack:
    """Tie-break ``undecided`` (domain §9) and A-5 ``last-slot-only``: a person decides."""

    def test_each_tied_nominee_is_undecided_with_the_handed_back_reason(self) -> None:
        """10 members, a and b both 9/10, one slot: no rule picks, the tie is handed back."""
        c = council(10)
        rule = tq_rule(tie_break=TieBreak.UNDECIDED)
        result = count_votes(c, ["a", "b"], ballots_for(c, {"a": 9, "b": 9}), cap=1, rule=rule)
        assert result.status is BallotStatus.UNDECIDED
        assert result.tie is not None
        assert result.tie.decider == "person"
        for nominee, other in (("a", "b"), ("b", "a")):
            outcome = result.outcome(nominee)
            assert outcome.status is OutcomeStatus.UNDECIDED
            assert [r.code for r in outcome.reasons] == [
                "ballot.meets_threshold",
                "ballot.tie_handed_back",
            ]
            handed = outcome.reasons[1]
            assert dict(handed.params) == {
                "approvals": 9,
                "tie": 0,
                "slots": 1,
                "group_vi": other,
                "group_en": other,
            }

    def test_the_chair_decides_with_the_chair_reason(self) -> None:
        """TQ-2.1b: the same tie under the default tie-break awaits the chair."""
        c = council(10)
        result = count_votes(c, ["a", "b"], ballots_for(c, {"a": 9, "b": 9}), cap=1, rule=TQ_RULE)
        assert result.status is BallotStatus.AWAITING_CHAIR
        assert result.tie is not None
        assert result.tie.decider == "chair"
        outcome = result.outcome("a")
        assert outcome.status is OutcomeStatus.AWAITING_CHAIR
        assert [r.code for r in outcome.reasons] == [
            "ballot.meets_threshold",
            "ballot.tie_at_cutoff",
        ]

    def test_last_slot_only_hands_back_two_open_slots_but_not_one(self) -> None:
        """A-5 ``last-slot-only``: the chair's power covers one last slot, not two."""
        c = council(10)
        last_slot = Readings().choose("A-5", "last-slot-only")
        wide = count_votes(
            c,
            list("abc"),
            ballots_for(c, {"a": 9, "b": 9, "c": 9}),
            cap=2,
            readings=last_slot,
            rule=TQ_RULE,
        )
        assert wide.status is BallotStatus.UNDECIDED
        narrow = count_votes(
            c,
            list("abc"),
            ballots_for(c, {"a": 10, "b": 9, "c": 9}),
            cap=2,
            readings=last_slot,
            rule=TQ_RULE,
        )
        assert narrow.status is BallotStatus.AWAITING_CHAIR
        assert narrow.recognised == ("a",)


class TestIntegerThresholds:
    """The threshold is an exact fraction (domain §9); an integer is a whole fraction."""

    def test_one_means_every_member(self) -> None:
        """A threshold of 1 (all of the membership) needs every one of 19 approvals."""
        rule = tq_rule(threshold=1)
        assert rule.threshold == Fraction(1)
        assert rule.needed(19) == 19
        c = council(19)
        assert count_votes(c, ["a"], ballots_for(c, {"a": 18}), rule=rule).recognised == ()
        assert count_votes(c, ["a"], ballots_for(c, {"a": 19}), rule=rule).recognised == ("a",)

    @pytest.mark.parametrize("value", [0, 2, -1])
    def test_an_integer_outside_the_unit_interval_is_refused(self, value: int) -> None:
        """A fraction of the membership lies in (0, 1]."""
        with pytest.raises(InvalidValueError, match="outside"):
            tq_rule(threshold=value)

    @pytest.mark.parametrize("value", [True, 0.9])
    def test_a_boolean_or_a_float_is_not_a_threshold(self, value: object) -> None:
        """``True`` is not the number one, and 0.9 as a float is not nine tenths."""
        with pytest.raises(InvalidTypeError, match="exact"):
            tq_rule(threshold=value)

    def test_more_than_the_whole_membership_cannot_be_met(self) -> None:
        """“trên” 1 of 10 asks for 11 approvals: nobody can meet it."""
        rule = tq_rule(threshold=1, comparison=Comparison.MORE_THAN)
        assert rule.needed(10) == 11


class TestRanks:
    """TQ-2.1b ranks “theo thứ tự từ cao xuống thấp”: equal counts share a rank (1, 2, 2, 4)."""

    def test_a_top_nominee_with_one_approval_ranks_first(self) -> None:
        c = council(3)
        result = count_votes(c, ["a", "b"], [Ballot("m01", ["a"])], rule=TQ_RULE)
        assert [(t.nominee, t.approvals, t.rank) for t in result.tally] == [
            ("a", 1, 1),
            ("b", 0, 2),
        ]

    def test_a_top_nominee_with_no_approval_ranks_first(self) -> None:
        c = council(3)
        result = count_votes(c, ["a", "b"], [Ballot("m01", [])], rule=TQ_RULE)
        assert [(t.nominee, t.rank) for t in result.tally] == [("a", 1), ("b", 1)]

    def test_equal_counts_share_a_rank_and_the_next_skips(self) -> None:
        c = council(4)
        result = count_votes(
            c, list("abcd"), ballots_for(c, {"a": 4, "b": 3, "c": 3, "d": 1}), rule=TQ_RULE
        )
        assert [t.rank for t in result.tally] == [1, 2, 2, 4]


class TestMessages:
    """Bad input is a specific error whose one line names the field, the value, what is wrong,
    what is allowed and, where a provision is the reason, its rule (src/dienhinh/_errors.py)."""

    C10 = council(10)

    @staticmethod
    def tied() -> BallotResult:
        c = council(10)
        return count_votes(
            c, list("abcd"), ballots_for(c, {"a": 9, "b": 9, "c": 9, "d": 8}), cap=1, rule=TQ_RULE
        )

    CASES: ClassVar[dict[str, tuple[Callable[[], object], type[Exception], str]]] = {
        "a choice on a final ballot": (
            lambda: resolve(count_votes(council(3), list("a"), [], rule=TQ_RULE), ["a"]),
            ChairChoiceError,
            "chair_choice=['a']: there is no tie to decide",
        ),
        "a choice where no cap makes a tie": (
            lambda: count_votes(
                council(10),
                list("ab"),
                ballots_for(council(10), {"a": 9, "b": 9}),
                chair_choice=["a"],
                rule=TQ_RULE,
            ),
            ChairChoiceError,
            "chair_choice=['a']: there is no tie to decide",
        ),
        "a choice where women first settled the tie": (
            lambda: count_votes(
                council(10),
                [Candidate("a", women_priority=True), "b"],
                ballots_for(council(10), {"a": 9, "b": 9}),
                cap=1,
                rule=tq_rule(tie_break=TieBreak.WOMEN_FIRST),
                chair_choice=["a"],
            ),
            ChairChoiceError,
            "chair_choice=['a']: there is no tie to decide",
        ),
        "a choice outside the tied group": (
            lambda: resolve(TestMessages.tied(), ["d"]),
            ChairChoiceError,
            "chair_choice=['d']: names nominees outside the tied group; "
            "allowed: a choice from ['a', 'b', 'c'] (rule TQ-2.1b)",
        ),
        "a choice of two for one slot": (
            lambda: resolve(TestMessages.tied(), ["a", "b"]),
            ChairChoiceError,
            "chair_choice=['a', 'b']: picks 2 of the tied group ['a', 'b', 'c']; "
            "allowed: exactly 1 of ['a', 'b', 'c'] (rule TQ-2.1b)",
        ),
        "a choice of nobody": (
            lambda: resolve(TestMessages.tied(), []),
            ChairChoiceError,
            "chair_choice=[]: picks 0 of the tied group ['a', 'b', 'c']; "
            "allowed: exactly 1 of ['a', 'b', 'c'] (rule TQ-2.1b)",
        ),
        "a choice naming a nominee twice": (
            lambda: count_votes(
                council(3), list("ab"), [], cap=1, chair_choice=["a", "a"], rule=TQ_RULE
            ),
            DuplicateIdError,
            "chair_choice='a': names a nominee twice",
        ),
        "a choice naming no nominee": (
            lambda: count_votes(
                council(3), list("ab"), [], cap=1, chair_choice=["q"], rule=TQ_RULE
            ),
            UnknownNomineeError,
            "chair_choice names ['q'], who are not nominees",
        ),
        "a member listed twice": (
            lambda: Council(["m1", "m1"], chair="m1"),
            DuplicateIdError,
            "council.members='m1': is given twice (ids are compared after NFC)",
        ),
        "a roster given as one string": (
            lambda: Council("m1", chair="m1"),
            InvalidValueError,
            "members='m1': must be a list of member ids, not one string",
        ),
        "an empty roster": (
            lambda: Council([], chair="m1"),
            InvalidValueError,
            "council.members=(): the roster is empty; allowed: at least one member",
        ),
        "a chair off the roster": (
            lambda: Council(["m1", "m2"], chair="m3"),
            UnknownMemberError,
            "council.chair='m3' is not on the roster; the chair must be a member (members: m1, m2)",
        ),
        "fewer seats than members": (
            lambda: Council(["m1", "m2"], chair="m1", seats=1),
            InvalidValueError,
            "council.seats=1: must be a whole number of seats, at least the roster's size; "
            "allowed: an integer ≥ 2",
        ),
        "seats given as a boolean": (
            lambda: Council(["m1"], chair="m1", seats=True),
            InvalidValueError,
            "council.seats=True: must be a whole number of seats, at least the roster's size; "
            "allowed: an integer ≥ 1",
        ),
        "an unknown kind of nominee": (
            lambda: Candidate("a", "team"),
            InvalidValueError,
            "nominee.kind='team': is not a NomineeKind; allowed: collective, individual, household",
        ),
        "an unknown way to cast": (
            lambda: Ballot("m1", [], "phone"),
            InvalidValueError,
            "ballot.cast='phone': is not a Cast; allowed: in_meeting, written",
        ),
        "approvals given as one string": (
            lambda: Ballot("m1", "ab"),
            InvalidValueError,
            "ballot.approve='ab': must be a list of nominee ids, not one string",
        ),
        "an approval that is not a string": (
            lambda: Ballot("m1", [1]),
            InvalidTypeError,
            "ballot.approve=[1]: must list nominee ids as strings",
        ),
        "an approval given twice after NFC": (
            lambda: Ballot("m1", (x for x in ["Lê", "Le\u0302"])),
            DuplicateIdError,
            "ballot.approve='Lê': is given twice (ids are compared after NFC)",
        ),
        "a nominee given twice": (
            lambda: count_votes(council(3), ["a", "a"], [], rule=TQ_RULE),
            DuplicateIdError,
            "nominees='a': is nominated twice (ids are compared after NFC)",
        ),
        "a ballot from outside the roster": (
            lambda: count_votes(council(2), list("a"), [Ballot("x1", ["a"])], rule=TQ_RULE),
            UnknownMemberError,
            "ballot.member='x1' is not on the council's roster; only members vote (TQ-2.1b); "
            "roster: m01, m02",
        ),
        "two ballots from one member": (
            lambda: count_votes(
                council(2), list("a"), [Ballot("m01", ["a"]), Ballot("m01", [])], rule=TQ_RULE
            ),
            DoubleVoteError,
            "ballot.member='m01': cast two ballots; each member votes once",
        ),
        "an approval of nobody nominated": (
            lambda: count_votes(council(2), list("a"), [Ballot("m01", ["z", "y"])], rule=TQ_RULE),
            UnknownNomineeError,
            "ballot of 'm01' approves ['y', 'z'], who are not nominees of this ballot",
        ),
        "the outcome of nobody nominated": (
            lambda: count_votes(council(2), list("a"), [], rule=TQ_RULE).outcome("zz"),
            UnknownNomineeError,
            "nominee='zz' is not a nominee of this ballot",
        ),
        "a float threshold": (
            lambda: tq_rule(threshold=0.5),
            InvalidTypeError,
            "threshold=0.5: must be exact: a fraction such as '9/10' or a decimal string such as "
            "'0.9'",
        ),
        "a float quorum": (
            lambda: tq_rule(quorum=0.5),
            InvalidTypeError,
            "quorum=0.5: must be exact: a fraction such as '9/10' or a decimal string such as "
            "'0.9'",
        ),
        "a threshold that is no number": (
            lambda: tq_rule(threshold="x"),
            InvalidValueError,
            "threshold='x': is not an exact fraction; allowed: 'a/b' or a decimal string",
        ),
        "a threshold over zero": (
            lambda: tq_rule(threshold="1/0"),
            InvalidValueError,
            "threshold='1/0': is not an exact fraction; allowed: 'a/b' or a decimal string",
        ),
        "a threshold of another type": (
            lambda: tq_rule(threshold=[1]),
            InvalidValueError,
            "threshold=[1]: is not an exact fraction; allowed: 'a/b' or a decimal string",
        ),
        "a zero threshold": (
            lambda: tq_rule(threshold="0"),
            InvalidValueError,
            "threshold='0': is outside (0, 1]; allowed: 0 < fraction ≤ 1",
        ),
        "a quorum over the whole": (
            lambda: tq_rule(quorum="3/2"),
            InvalidValueError,
            "quorum='3/2': is outside (0, 1]; allowed: 0 < fraction ≤ 1",
        ),
        "a negative denominator": (
            lambda: tq_rule().needed(-1),
            InvalidValueError,
            "denominator=-1: must not be negative",
        ),
        "negative slots": (
            lambda: Cap(-1),
            InvalidValueError,
            "slots=-1: must be a whole number of slots; allowed: an integer ≥ 0",
        ),
        "slots given as a boolean": (
            lambda: Cap(True),
            InvalidValueError,
            "slots=True: must be a whole number of slots; allowed: an integer ≥ 0",
        ),
        "an unknown comparison": (
            lambda: tq_rule(comparison="most"),
            InvalidValueError,
            "comparison='most': is not a Comparison; allowed: at_least, more_than",
        ),
        "an unknown denominator": (
            lambda: tq_rule(denominator="x"),
            InvalidValueError,
            "denominator='x': is not a Denominator; allowed: total_membership, votes_cast",
        ),
        "an unknown tie-break": (
            lambda: tq_rule(tie_break="x"),
            InvalidValueError,
            "tie_break='x': is not a TieBreak; allowed: chair, women_first, undecided",
        ),
    }

    @pytest.mark.parametrize("case", list(CASES))
    def test_the_message(self, case: str) -> None:
        make, error, message = self.CASES[case]
        with pytest.raises(error) as raised:
            make()
        assert str(raised.value) == message

    def test_the_error_carries_its_data(self) -> None:
        """A program reacts on ``field``, ``value``, ``allowed`` and ``rule``, not on the text."""
        with pytest.raises(ChairChoiceError) as raised:
            resolve(self.tied(), ["a", "b"])
        error = raised.value
        assert (error.field, error.value, error.rule) == ("chair_choice", ["a", "b"], "TQ-2.1b")
        assert error.allowed == "exactly 1 of ['a', 'b', 'c']"
        with pytest.raises(ChairChoiceError) as raised:
            resolve(self.tied(), ["d", "a"])
        assert (raised.value.field, raised.value.value) == ("chair_choice", ["d"])

    def test_exactly_as_many_seats_as_members_is_allowed(self) -> None:
        """A-8: a founding decision may set as many seats as the roster has (no vacancy)."""
        assert Council(["m1", "m2"], chair="m1", seats=2).seats == 2


def sample() -> BallotResult:
    """10 members (m10 in writing); a 10/10, b and c 9/10 each, d 8/10; two slots (TQ-6.2b)."""
    c = council(10)
    nominees: list[Candidate | str] = [
        Candidate("a", "collective"),
        "b",
        Candidate("c", women_priority=True),
        "d",
    ]
    ballots = ballots_for(c, {"a": 10, "b": 9, "c": 9, "d": 8}, written=1)
    return count_votes(c, nominees, ballots, cap=Cap(2, TQ_CAP), rule=TQ_RULE)


CITATION_TQ_21B = TQ_BALLOT.citation.to_json()
CITATION_TQ_62B = TQ_CAP.citation.to_json()


class TestTheRecord:
    """The ballot's record (docs/ballot.md, docs/schemas/ballot-output.json): what a reader of
    the JSON sees, on the sample counted by hand."""

    def test_the_json_of_a_tie_at_the_last_slot(self) -> None:
        """TQ-2.1b: b and c tie at 9/10 for the second of two slots; the chair must choose."""
        doc = sample().to_json()
        row = {"members": 10, "meets_threshold": True}
        tie = {
            "nominees": ["b", "c"],
            "slots": 1,
            "decider": "chair",
            "approvals": 9,
            "group": ["b", "c"],
            "group_slots": 1,
            "preferred": [],
            "kind": None,
        }
        assert {k: doc[k] for k in ("kind", "status", "recognised", "needed", "denominator")} == {
            "kind": "ballot",
            "status": "awaiting_chair",
            "recognised": ["a"],
            "needed": 9,
            "denominator": 10,
        }
        assert doc["tally"] == [
            {"nominee": "a", "approvals": 10, "rate": "10/10", "rank": 1, **row},
            {"nominee": "b", "approvals": 9, "rate": "9/10", "rank": 2, **row},
            {"nominee": "c", "approvals": 9, "rate": "9/10", "rank": 2, **row},
            {
                "nominee": "d",
                "approvals": 8,
                "rate": "8/10",
                "rank": 4,
                **row,
                "meets_threshold": False,
            },
        ]
        assert doc["tie"] == tie
        assert doc["ties"] == [tie]
        assert [o["outcome"] for o in doc["outcomes"]] == [
            "recognised",
            "awaiting_chair",
            "awaiting_chair",
            "not_recognised",
        ]
        assert doc["outcomes"][0]["nominee"] == "a"
        assert doc["outcomes"][0]["kind"] == "collective"
        assert [r["code"] for r in doc["outcomes"][0]["reasons"]] == [
            "ballot.meets_threshold",
            "ballot.within_cap",
        ]
        assert [r["code"] for r in doc["reasons"]] == [
            "ballot.threshold",
            "ballot.written_opinions",
        ]
        assert [(u["id"], u["reading"], u["default"]) for u in doc["interpretations"]] == [
            ("A-5", "remaining-slots", True),
            ("A-6", "threshold-first", True),
            ("A-7", "counts-against", True),
            ("A-8", "roster", True),
            ("A-9", "combined", True),
            ("A-20", "no-decision", True),
        ]

    def test_the_inputs_in_the_record(self) -> None:
        """The record keeps its inputs in the input format, so ``dienhinh ballot`` re-runs them."""
        inputs = sample().to_json()["inputs"]
        assert inputs["council"] == {"members": [f"m{i:02}" for i in range(1, 11)], "chair": "m01"}
        assert inputs["nominees"] == [
            {"id": "a", "kind": "collective"},
            {"id": "b", "kind": "individual"},
            {"id": "c", "kind": "individual", "women_priority": True},
            {"id": "d", "kind": "individual"},
        ]
        assert inputs["ballots"][8] == {
            "member": "m09",
            "approve": ["a", "b", "c"],
            "cast": "in_meeting",
        }
        assert inputs["ballots"][9] == {"member": "m10", "approve": ["a"], "cast": "written"}
        assert inputs["rule"] == {
            "threshold": "9/10",
            "comparison": "at_least",
            "denominator": "total_membership",
            "quorum": None,
            "tie_break": "chair",
            "rule": {"id": "TQ-2.1b", "citation": CITATION_TQ_21B},
        }
        assert inputs["cap"] == {"slots": 2, "rule": {"id": "TQ-6.2b", "citation": CITATION_TQ_62B}}
        assert (inputs["chair_choice"], inputs["readings"]) == (None, {})
        seats = Council(["m1"], chair="m1", seats=3)
        quorum = tq_rule(quorum="2/3")
        other = count_votes(seats, ["a"], [], rule=quorum, cap=Cap(1), chair_choice=None)
        assert other.to_json()["inputs"]["council"] == {
            "members": ["m1"],
            "chair": "m1",
            "seats": 3,
        }
        assert other.to_json()["inputs"]["rule"]["quorum"] == "2/3"
        assert other.to_json()["inputs"]["cap"] == {"slots": 1, "rule": None}
        resolved = resolve(sample(), ["c"]).to_json()["inputs"]
        assert resolved["chair_choice"] == ["c"]

    def test_the_digest_follows_the_documented_recipe(self) -> None:
        """src/dienhinh/_canonical.py: SHA-256 over the canonical JSON (sorted keys, no spaces,
        UTF-8) of the kind, the inputs, the parameters (rule, cap, readings) and the version —
        so anyone can recompute it from the printed record."""
        for result in (sample(), resolve(sample(), ["b"])):
            inputs = result.to_json()["inputs"]
            parameters = {k: inputs.pop(k) for k in ("rule", "cap", "readings")}
            text = json.dumps(
                {
                    "kind": "ballot",
                    "inputs": inputs,
                    "parameters": parameters,
                    "version": dienhinh.__version__,
                },
                sort_keys=True,
                separators=(",", ":"),
                ensure_ascii=False,
            )
            assert result.digest == "sha256:" + hashlib.sha256(text.encode()).hexdigest()

    def test_rows_for_a_data_frame(self) -> None:
        """One flat row per nominee in tally order, with its outcome."""
        rows = sample().to_rows()
        assert rows[0] == {
            "nominee": "a",
            "kind": "collective",
            "approvals": 10,
            "members": 10,
            "rate": "10/10",
            "meets_threshold": True,
            "rank": 1,
            "outcome": "recognised",
        }
        assert [(r["nominee"], r["outcome"], r["meets_threshold"]) for r in rows[1:]] == [
            ("b", "awaiting_chair", True),
            ("c", "awaiting_chair", True),
            ("d", "not_recognised", False),
        ]

    def test_the_notebook_table(self) -> None:
        """In Jupyter the record shows as a table captioned with its status and threshold."""
        html = sample()._repr_html_()
        assert "<caption>Ballot — awaiting_chair; 9/10 needed</caption>" in html
        assert html.count("<tr>") == 5
        assert "<td>collective</td>" in html

    def test_the_chair_chooses(self) -> None:
        """TQ-2.1b: the chair's choice of c settles the last slot; the reasons name the chair."""
        result = resolve(sample(), ["c"])
        assert result.status is BallotStatus.FINAL
        assert result.recognised == ("a", "c")
        assert result.tie is None
        assert result.open_ties == ()
        assert len(result.ties) == 1
        chosen, passed = result.outcome("c").reasons[1], result.outcome("b").reasons[1]
        assert (chosen.code, passed.code) == (
            "ballot.chosen_in_tie",
            "ballot.not_chosen_in_tie",
        )
        assert dict(chosen.params) == {
            "tie": 0,
            "decider_vi": "Chủ tịch Hội đồng",
            "decider_en": "chair",
            "group_vi": "b, c",
            "group_en": "b, c",
        }
        assert result.outcome("b").status is OutcomeStatus.NOT_RECOGNISED
        assert result.outcome("a").reasons[1].code == "ballot.within_cap"
        assert dict(result.outcome("a").reasons[1].params) == {"rank": 1, "slots": 2}

    def test_a_person_chooses_a_tie_handed_back(self) -> None:
        """Tie-break ``undecided``: the chosen nominee's reason names the competent person."""
        c = council(10)
        rule = tq_rule(tie_break=TieBreak.UNDECIDED)
        result = count_votes(c, list("ab"), ballots_for(c, {"a": 9, "b": 9}), cap=1, rule=rule)
        reason = resolve(result, ["b"]).outcome("b").reasons[1]
        assert reason.params["decider_vi"] == "Người có thẩm quyền"
        assert reason.params["decider_en"] == "competent person"

    def test_over_the_cap(self) -> None:
        """TQ-6.2b: a nominee meeting the threshold but ranked past the cap is not recognised."""
        c = council(10)
        result = count_votes(
            c, list("ab"), ballots_for(c, {"a": 10, "b": 9}), cap=Cap(1, TQ_CAP), rule=TQ_RULE
        )
        reason = result.outcome("b").reasons[1]
        assert (reason.code, dict(reason.params)) == ("ballot.over_cap", {"rank": 2, "slots": 1})
        assert reason.rule is not None
        assert reason.rule.id == "TQ-6.2b"
        uncited = count_votes(c, list("ab"), ballots_for(c, {"a": 10, "b": 9}), cap=1, rule=TQ_RULE)
        rule = uncited.outcome("b").reasons[1].rule
        assert rule is not None
        assert rule.id == "TQ-2.1b"

    def test_women_first_reasons(self) -> None:
        """Decree 152/2025 Art. 4.6: among b and c tied, c (a woman) is taken by the rule; the
        reasons cite the rule's ``tie_rule`` (a ruleset gives the national one by date)."""
        c = council(10)
        nominees: list[Candidate | str] = ["a", "b", Candidate("c", women_priority=True)]
        nd152 = Rule("NĐ152-4.6", Citation("Nghị định 152/2025/NĐ-CP", article="4", clause="6"))
        rule = tq_rule(tie_break=TieBreak.WOMEN_FIRST, tie_rule=nd152)
        result = count_votes(
            c, nominees, ballots_for(c, {"a": 10, "b": 9, "c": 9}), cap=2, rule=rule
        )
        assert result.status is BallotStatus.FINAL
        assert result.recognised == ("a", "c")
        women, other = result.outcome("c").reasons[1], result.outcome("b").reasons[1]
        group = {"tie": 0, "group_vi": "b, c", "group_en": "b, c"}
        assert (women.code, dict(women.params)) == ("ballot.women_priority", group)
        assert (other.code, dict(other.params)) == (
            "ballot.not_preferred_in_tie",
            {**group, "slots": 1},
        )
        assert women.rule is not None
        assert women.rule.id == "NĐ152-4.6"
        assert other.rule is nd152
        assert result.ties[0].to_json()["preferred"] == ["c"]
        # Without a tie_rule the package cites no decree: the rule's own source.
        own = count_votes(
            c, nominees, ballots_for(c, {"a": 10, "b": 9, "c": 9}), cap=2,
            rule=tq_rule(tie_break=TieBreak.WOMEN_FIRST),
        )  # fmt: skip
        assert own.recognised == ("a", "c")
        assert {r.rule.id for r in own.outcome("c").reasons[1:2] if r.rule} == {"TQ-2.1b"}
        assert result.ties[0].to_json()["nominees"] == []
        assert result.ties[0].to_json()["decider"] == "rule"


class TestBallotReasons:
    """The reasons of the ballot as a whole: the threshold in words, absences, written opinions."""

    def test_the_threshold_of_tq_2_1b(self) -> None:
        """TQ-2.1b “từ 90% trở lên tính trên tổng số thành viên”."""
        reason = sample().reasons[0]
        assert (
            reason.vi == "Cần ít nhất 9/10 phiếu đồng ý (từ 9/10 của tổng số thành viên Hội đồng)."
        )
        assert reason.en == (
            "At least 9 of 10 approvals are needed (at least 9/10 of the council's total membership)."
        )

    def test_more_than_of_the_members_who_voted(self) -> None:
        """Domain §9: “trên” 70 % of the members who voted."""
        c = council(10)
        rule = tq_rule(threshold="7/10", comparison="more_than", denominator="votes_cast")
        result = count_votes(c, ["a"], ballots_for(c, {"a": 8})[:9], rule=rule)
        assert (result.denominator, result.needed) == (9, 7)
        reason = result.reasons[0]
        assert (
            reason.vi == "Cần ít nhất 7/9 phiếu đồng ý (trên 7/10 của số thành viên đã biểu quyết)."
        )
        assert reason.en == (
            "At least 7 of 9 approvals are needed (more than 7/10 of the members who voted)."
        )
        assert "ballot.absent_silent" not in [r.code for r in result.reasons]
        assert [u.id for u in result.used] == ["A-6"]

    def test_a7_excluded_counts_the_members_who_voted(self) -> None:
        """A-7 ``excluded``: a silent absentee is left out of the denominator, and the words say so."""
        c = council(10)
        excluded = Readings().choose("A-7", "excluded")
        result = count_votes(
            c, ["a"], ballots_for(c, {"a": 8})[:9], readings=excluded, rule=TQ_RULE
        )
        assert (result.denominator, result.needed, result.recognised) == (9, 9, ())
        assert result.reasons[0].params["denominator_en"] == "the members who voted"
        assert "ballot.absent_silent" not in [r.code for r in result.reasons]
        assert [u.id for u in result.used] == ["A-6", "A-7"]

    def test_a_silent_absentee_is_named(self) -> None:
        """A-7 default: m09 and m10 sent nothing; they count in the total, not as approvals."""
        c = council(10)
        result = count_votes(c, ["a"], ballots_for(c, {"a": 8})[:8], rule=TQ_RULE)
        silent = [r for r in result.reasons if r.code == "ballot.absent_silent"]
        assert len(silent) == 1
        assert silent[0].params["members"] == ["m09", "m10"]
        assert "ballot.written_opinions" not in [r.code for r in result.reasons]
        assert [u.id for u in result.used] == ["A-6", "A-7", "A-8"]

    def test_statutory_seats_without_seats_uses_the_roster(self) -> None:
        """A-8 ``statutory-seats`` with no seats given: the roster is all there is to count."""
        c = council(10)
        seats = Readings().choose("A-8", "statutory-seats")
        result = count_votes(c, ["a"], ballots_for(c, {"a": 9}), readings=seats, rule=TQ_RULE)
        assert (result.denominator, result.recognised) == (10, ("a",))


class TestCapsAndTies:
    """TQ-6.2b's cap and the readings A-9 (per kind) and A-20 (a tie that fits)."""

    def test_per_kind_caps_report_the_kind_of_each_tie(self) -> None:
        """A-9 ``per-kind``: one slot for collectives and one for individuals; each kind ties."""
        c = council(10)
        nominees: list[Candidate | str] = [
            Candidate("t1", "collective"),
            Candidate("t2", "collective"),
            "p1",
            "p2",
        ]
        per_kind = Readings().choose("A-9", "per-kind")
        ballots = ballots_for(c, {"t1": 9, "t2": 9, "p1": 10, "p2": 10})
        result = count_votes(c, nominees, ballots, cap=1, readings=per_kind, rule=TQ_RULE)
        assert [(t.kind.value if t.kind else None, t.group) for t in result.ties] == [
            ("individual", ("p1", "p2")),
            ("collective", ("t1", "t2")),
        ] or [(t.kind.value if t.kind else None, t.group) for t in result.ties] == [
            ("collective", ("t1", "t2")),
            ("individual", ("p1", "p2")),
        ]
        assert {t.to_json()["kind"] for t in result.ties} == {"collective", "individual"}
        assert result.tie is result.open_ties[0]
        final = resolve(result, ["t2", "p1"])
        assert final.recognised == ("p1", "t2")

    def test_fewer_candidates_than_slots_all_pass(self) -> None:
        """TQ-6.2b “không quá”: a cap above the number who meet the threshold takes them all."""
        c = council(10)
        result = count_votes(
            c, list("abc"), ballots_for(c, {"a": 9, "b": 9, "c": 1}), cap=5, rule=TQ_RULE
        )
        assert result.recognised == ("a", "b")
        assert result.ties == ()
        exactly = count_votes(c, list("ab"), ballots_for(c, {"a": 9, "b": 9}), cap=2, rule=TQ_RULE)
        assert (exactly.recognised, exactly.ties) == (("a", "b"), ())

    def test_a_zero_cap_leaves_no_tie(self) -> None:
        """A cap of 0 recognises nobody and asks nobody to choose."""
        c = council(10)
        result = count_votes(c, list("ab"), ballots_for(c, {"a": 9, "b": 9}), cap=0, rule=TQ_RULE)
        assert (result.status, result.recognised, result.ties) == (BallotStatus.FINAL, (), ())


class TestVerify:
    """docs/ballot.md: ``verify()`` re-derives a record and rejects any that does not match."""

    def test_the_message_names_the_field_and_the_value_that_re_derives(self) -> None:
        record = sample()
        tampered = attrs.evolve(record, recognised=("a", "b"))
        with pytest.raises(VerificationError) as raised:
            verify(tampered)
        assert raised.value.field == "recognised"
        assert raised.value.value == ("a", "b")
        assert str(raised.value) == (
            "recognised=('a', 'b'): the record's recognised does not re-derive from its inputs; "
            "allowed: ('a',)"
        )
        assert verify(record) is record


POINT_B = TQ_BALLOT.citation
POINT_C = attrs.evolve(TQ_BALLOT.citation, point="c")


class TestCitationsInABallotDocument:
    """A ballot document may repeat a citation's rendered texts (as records print them); they
    must say what the parts say — TQ-2.1b is point b of clause 1 of Article 2, not another point."""

    @staticmethod
    def document(**texts: str) -> str:
        citation = {"document": "TQ", "article": "2", "clause": "1", "point": "b", **texts}
        return json.dumps(
            {
                "council": {"members": ["m1", "m2"], "chair": "m1"},
                "nominees": ["a"],
                "ballots": [{"member": "m1", "approve": ["a"]}],
                "rule": {"threshold": "9/10", "rule": {"id": "TQ-2.1b", "citation": citation}},
            },
            ensure_ascii=False,
        )

    @pytest.mark.parametrize(
        ("texts", "message"),
        [
            (
                {"vi": POINT_C.vi, "en": POINT_B.en},
                f"citation.vi={POINT_C.vi!r}: does not match the citation's parts; "
                f"allowed: {POINT_B.vi!r}",
            ),
            (
                {"vi": POINT_B.vi, "en": POINT_C.en},
                f"citation.en={POINT_C.en!r}: does not match the citation's parts; "
                f"allowed: {POINT_B.en!r}",
            ),
        ],
    )
    def test_a_text_that_contradicts_the_parts_is_refused(
        self, texts: dict[str, str], message: str
    ) -> None:
        with pytest.raises(InvalidValueError) as raised:
            read_ballot(self.document(**texts))
        assert message in str(raised.value)

    @pytest.mark.parametrize(
        "texts",
        [
            {},
            {"vi": POINT_B.vi},
            {"en": POINT_B.en, "vi": POINT_B.vi},
        ],
    )
    def test_texts_that_agree_or_are_absent_are_accepted(self, texts: dict[str, str]) -> None:
        inputs = read_ballot(self.document(**texts))
        assert inputs.rule.rule.citation.vi == POINT_B.vi
        assert inputs.rule.rule.citation.en == POINT_B.en


class TestCitedAndNamed:
    """Every reason carries its provision (TQ-2.1b); a bad id names the field it came in."""

    def test_the_ballot_reasons_cite_tq_2_1b(self) -> None:
        result = sample()
        assert result.reasons[0].rule is not None
        assert result.reasons[0].rule.id == "TQ-2.1b"
        c = council(9)
        rule = tq_rule(threshold="7/10", denominator=Denominator.VOTES_CAST, quorum="2/3")
        few = count_votes(c, ["a"], ballots_for(c, {"a": 5})[:5], rule=rule)
        quorum = next(r for r in few.reasons if r.code == "ballot.no_quorum")
        assert quorum.rule is not None
        assert quorum.rule.id == "TQ-2.1b"

    def test_the_digest_is_in_the_json(self) -> None:
        result = sample()
        assert result.to_json()["digest"] == result.digest

    def test_a_blank_id_asked_for_an_outcome(self) -> None:
        with pytest.raises(InvalidValueError, match=r"^nominee=''"):
            sample().outcome("")


class TestEveryOutcomeCites:
    """Every reason of every outcome carries its provision: TQ-2.1b for the count and the tie,
    Decree 152/2025 Art. 4.6 for women first; without a quorum every nominee gets the reason."""

    @staticmethod
    def rules(result: BallotResult) -> set[str | None]:
        return {r.rule.id if r.rule else None for o in result.outcomes for r in o.reasons}

    def test_the_count_and_the_tie(self) -> None:
        assert self.rules(sample()) == {"TQ-2.1b", "TQ-6.2b"}
        assert self.rules(resolve(sample(), ["b"])) == {"TQ-2.1b", "TQ-6.2b"}
        c = council(10)
        undecided = tq_rule(tie_break=TieBreak.UNDECIDED)
        handed = count_votes(c, list("ab"), ballots_for(c, {"a": 9, "b": 9}), cap=1, rule=undecided)
        assert self.rules(handed) == {"TQ-2.1b"}
        assert handed.outcome("a").reasons[1].params["slots"] == 1

    def test_women_first(self) -> None:
        c = council(10)
        nominees: list[Candidate | str] = ["a", "b", "d", Candidate("c", women_priority=True)]
        nd152 = Rule("NĐ152-4.6", Citation("Nghị định 152/2025/NĐ-CP", article="4", clause="6"))
        rule = tq_rule(tie_break=TieBreak.WOMEN_FIRST, tie_rule=nd152)
        result = count_votes(
            c, nominees, ballots_for(c, {"a": 10, "b": 9, "c": 9, "d": 9}), cap=2, rule=rule
        )
        assert self.rules(result) == {"TQ-2.1b", "NĐ152-4.6"}

    def test_no_quorum_for_every_nominee(self) -> None:
        c = council(9)
        rule = tq_rule(threshold="7/10", denominator=Denominator.VOTES_CAST, quorum="2/3")
        few = count_votes(c, list("abc"), ballots_for(c, {"a": 5, "b": 4, "c": 1})[:5], rule=rule)
        assert [(o.nominee, [r.code for r in o.reasons]) for o in few.outcomes] == [
            ("a", ["ballot.no_quorum"]),
            ("b", ["ballot.no_quorum"]),
            ("c", ["ballot.no_quorum"]),
        ]


class TestLargeTies:
    """A tied nominee's reason names at most ten of the others and counts the rest, so the
    outcomes of a national batch stay short (src/dienhinh/voting/_codes.py, ``LISTED``)."""

    @staticmethod
    def tied(n: int) -> BallotResult:
        c = council(10)
        ids = [f"n{i:02}" for i in range(1, n + 1)]
        return count_votes(c, ids, ballots_for(c, dict.fromkeys(ids, 9)), cap=1, rule=TQ_RULE)

    def test_ten_others_are_named_in_full(self) -> None:
        reason = self.tied(11).outcome("n05").reasons[1]
        others = "n01, n02, n03, n04, n06, n07, n08, n09, n10, n11"
        assert (reason.params["group_vi"], reason.params["group_en"]) == (others, others)

    def test_one_more_is_counted(self) -> None:
        reason = self.tied(12).outcome("n12").reasons[1]
        ten = "n01, n02, n03, n04, n05, n06, n07, n08, n09, n10"
        assert reason.params["group_vi"] == f"{ten} và 1 đề cử khác"
        assert reason.params["group_en"] == f"{ten} and 1 others"

    def test_the_chosen_names_ten_of_the_group(self) -> None:
        reason = resolve(self.tied(13), ["n01"]).outcome("n01").reasons[1]
        ten = "n01, n02, n03, n04, n05, n06, n07, n08, n09, n10"
        assert reason.params["group_en"] == f"{ten} and 3 others"


class TestKindsAndWomen:
    """A-9 ``per-kind`` with each kind's own cap; Decree 152/2025 Art. 4.6 in each kind."""

    PER_KIND = Readings().choose("A-9", "per-kind")

    def test_each_kind_fills_its_own_slot(self) -> None:
        c = council(10)
        nominees: list[Candidate | str] = [Candidate("t1", "collective"), "p1", "p2"]
        ballots = ballots_for(c, {"t1": 9, "p1": 10, "p2": 9})
        result = count_votes(c, nominees, ballots, cap=1, readings=self.PER_KIND, rule=TQ_RULE)
        assert result.recognised == ("p1", "t1")
        assert result.status is BallotStatus.FINAL

    def test_women_first_in_a_kind(self) -> None:
        c = council(10)
        nominees: list[Candidate | str] = [
            Candidate("t1", "collective"),
            Candidate("t2", "collective", women_priority=True),
            "p1",
        ]
        rule = tq_rule(tie_break=TieBreak.WOMEN_FIRST)
        ballots = ballots_for(c, {"t1": 9, "t2": 9, "p1": 9})
        result = count_votes(c, nominees, ballots, cap=1, rule=rule, readings=self.PER_KIND)
        assert result.recognised == ("p1", "t2")
        assert result.status is BallotStatus.FINAL

    def test_a_woman_first_then_the_chair_for_the_slot_left(self) -> None:
        """Two slots, three tied, one woman: she takes one slot, the chair picks the other."""
        c = council(10)
        nominees: list[Candidate | str] = ["a", "b", Candidate("c", women_priority=True)]
        rule = tq_rule(tie_break=TieBreak.WOMEN_FIRST)
        result = count_votes(c, nominees, ballots_for(c, dict.fromkeys("abc", 9)), cap=2, rule=rule)
        assert result.tie is not None
        assert (result.tie.preferred, result.tie.candidates, result.tie.open_slots) == (
            ("c",),
            ("a", "b"),
            1,
        )
        assert resolve(result, ["b"]).recognised == ("b", "c")


class TestUnderARuleset:
    """A ballot read from a ruleset keeps its id in place of the rule (docs/ballot.md)."""

    def test_the_record_names_the_ruleset_and_has_a_digest(self) -> None:
        c = council(10)
        inputs = BallotInputs(
            council=c,
            nominees=["a"],
            ballots=ballots_for(c, {"a": 9}),
            ruleset="tuyen-quang-2023",
            rule=TQ_RULE,
        )
        result = count(inputs)
        doc = result.to_json()["inputs"]
        assert doc["ruleset"] == "tuyen-quang-2023"
        assert "rule" not in doc
        assert result.digest.startswith("sha256:")
        assert result.digest != count(attrs.evolve(inputs, ruleset=None)).digest


class TestBallotReasonsCite:
    """The reasons of the ballot as a whole cite TQ-2.1b; written opinions name their members."""

    def test_every_ballot_reason(self) -> None:
        c = council(10)
        result = count_votes(c, ["a"], ballots_for(c, {"a": 8}, written=1)[1:], rule=TQ_RULE)
        assert [r.code for r in result.reasons] == [
            "ballot.threshold",
            "ballot.absent_silent",
            "ballot.written_opinions",
        ]
        assert {r.rule.id if r.rule else None for r in result.reasons} == {"TQ-2.1b"}
        assert result.reasons[1].params["members"] == ["m01"]
        assert result.reasons[2].params["members"] == ["m10"]


class TestLastSurvivors:
    """A-6 with nominees nobody approved, the sparse count, and two more messages."""

    def test_rank_first_ranks_nominees_nobody_approved(self) -> None:
        """A-6 ``rank-first``: the ranking comes before the threshold, so b and c, with no
        approval at all, tie for the second slot (a moot tie: neither can be recognised)."""
        c = council(10)
        rank_first = Readings().choose("A-6", "rank-first")
        result = count_votes(
            c, list("abc"), ballots_for(c, {"a": 9}), cap=2, readings=rank_first, rule=TQ_RULE
        )
        assert result.recognised == ("a",)
        assert [(t.group, t.open_slots) for t in result.ties] == [(("b", "c"), 1)]

    def test_few_marks_among_many_nominees(self) -> None:
        """One approval among four nominees and two ballots is counted like any other."""
        result = count_votes(
            council(3), list("abcd"), [Ballot("m01", ["a"]), Ballot("m02", [])], rule=TQ_RULE
        )
        assert [(t.nominee, t.approvals, t.rank) for t in result.tally] == [
            ("a", 1, 1),
            ("b", 0, 2),
            ("c", 0, 2),
            ("d", 0, 2),
        ]

    def test_a_blank_member(self) -> None:
        with pytest.raises(InvalidValueError, match=r"^ballot\.member='': must be a non-empty"):
            Ballot("", [])

    def test_a_choice_without_a_quorum_in_full(self) -> None:
        c = council(9)
        rule = tq_rule(threshold="7/10", denominator=Denominator.VOTES_CAST, quorum="2/3")
        with pytest.raises(ChairChoiceError) as raised:
            count_votes(
                c,
                list("ab"),
                ballots_for(c, {"a": 5, "b": 5})[:5],
                rule=rule,
                cap=1,
                chair_choice=["a"],
            )
        assert str(raised.value) == (
            "chair_choice=['a']: there is no tie to decide: the meeting had no quorum"
        )


class TestTheRemainingSurvivors:
    """The last survivors of the voting run (docs/mutation.md): the empty council, the field a
    message names, and a chair's choice given as one id."""

    def test_nobody_to_count_needs_one_approval(self) -> None:
        """``BallotRule.needed``: with nobody to count (d = 0) nobody can meet the threshold."""
        assert tq_rule().needed(0) == 1
        assert tq_rule(comparison=Comparison.MORE_THAN).needed(0) == 1

    @pytest.mark.parametrize(
        ("make", "start"),
        [
            (lambda: Council(["m1"], chair=""), "council.chair=''"),
            (lambda: Candidate(""), "nominee.id=''"),
            (lambda: Council(["m1", ""], chair="m1"), "council.members=''"),
            (
                lambda: count_votes(
                    council(3), ["a", "b"], [], cap=1, chair_choice=[""], rule=TQ_RULE
                ),
                "chair_choice=''",
            ),
            (lambda: parse_fraction(0.5), "threshold=0.5"),
        ],
    )
    def test_the_field_in_the_message(self, make: Callable[[], object], start: str) -> None:
        with pytest.raises((InvalidValueError, InvalidTypeError)) as raised:
            make()
        assert str(raised.value).startswith(start + ":")

    def test_a_repeated_choice_names_the_repeat(self) -> None:
        with pytest.raises(DuplicateIdError, match=r"^chair_choice='a': names a nominee twice"):
            count_votes(
                council(3), ["a", "b"], [], cap=1, chair_choice=["b", "a", "a"], rule=TQ_RULE
            )

    def test_a_choice_given_as_one_id(self) -> None:
        """TQ-2.1b: the chair picks one of the tied group; one id is a choice of one."""
        assert resolve(sample(), "c").recognised == ("a", "c")

    def test_the_tie_reason_counts_the_slots_left(self) -> None:
        """TQ-2.1b: b and c tie for the one slot left."""
        assert sample().outcome("b").reasons[1].params["slots"] == 1
