"""The ballot on worked examples: the numbers of TQ-2.1b and every kind of tie."""

from __future__ import annotations

from fractions import Fraction

import pytest

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
)
from dienhinh.voting import (
    Ballot,
    BallotResult,
    BallotRule,
    BallotStatus,
    Candidate,
    Cap,
    Comparison,
    Council,
    Denominator,
    OutcomeStatus,
    TieBreak,
    count_votes,
    resolve,
)
from tests.ballot_rules import TQ_BALLOT, TQ_CAP, TQ_RULE, tq_rule


def council(n: int) -> Council:
    return Council([f"m{i:02}" for i in range(1, n + 1)], chair="m01")


def ballots_for(c: Council, approvals: dict[str, int], *, written: int = 0) -> list[Ballot]:
    """Ballots in which nominee ``x`` gets exactly ``approvals[x]`` approvals (from the first members)."""
    out = []
    for i, m in enumerate(c.members):
        approve = [n for n, k in approvals.items() if i < k]
        out.append(Ballot(m, approve, "written" if i >= len(c.members) - written else "in_meeting"))
    return out


def codes(result_outcome: object) -> list[str]:
    return [r.code for r in result_outcome.reasons]  # type: ignore[attr-defined]


class TestThresholdTQ21b:
    """TQ-2.1b: approvals of at least 90 % of the council's total membership."""

    @pytest.mark.parametrize(
        ("members", "needed"),
        [
            (9, 9),
            (10, 9),
            (11, 10),
            (15, 14),
            (19, 18),
            (20, 18),
            (21, 19),
            (25, 23),
            (30, 27),
            (31, 28),
        ],
    )
    def test_approvals_needed_for_each_council_size(self, members: int, needed: int) -> None:
        """ceil(9/10 × members), in exact arithmetic: the table of domain §7."""
        assert tq_rule().needed(members) == needed

    def test_nineteen_members_need_eighteen_approvals(self) -> None:
        """With 19 members, 18 approvals are recognised and 17 are not."""
        c = council(19)
        result = count_votes(c, ["a", "b"], ballots_for(c, {"a": 18, "b": 17}), rule=TQ_RULE)
        assert result.needed == 18
        assert result.recognised == ("a",)
        assert result.outcome("b").status is OutcomeStatus.NOT_RECOGNISED
        assert codes(result.outcome("b")) == ["ballot.below_threshold"]

    def test_absent_member_without_opinion_counts_against(self) -> None:
        """A-7: 18 of 19 members vote and all approve: 18/19 meets; 17 voting and approving does not."""
        c = council(19)
        ballots = [Ballot(m, ["a"]) for m in c.members[:17]]
        result = count_votes(c, ["a"], ballots, rule=TQ_RULE)
        assert result.denominator == 19
        assert result.tally[0].rate == "17/19"
        assert result.recognised == ()
        assert "ballot.absent_silent" in [r.code for r in result.reasons]

    def test_written_opinions_count_like_votes_in_the_meeting(self) -> None:
        """TQ-2.1b: an absent member's written opinion is counted."""
        c = council(10)
        result = count_votes(c, ["a"], ballots_for(c, {"a": 9}, written=3), rule=TQ_RULE)
        assert result.recognised == ("a",)
        assert "ballot.written_opinions" in [r.code for r in result.reasons]

    def test_more_than_ninety_percent_variant(self) -> None:
        """§9 (State Audit): “strictly more than 90 %” of 10 members needs all 10."""
        rule = tq_rule(comparison=Comparison.MORE_THAN)
        c = council(10)
        assert count_votes(c, ["a"], ballots_for(c, {"a": 9}), rule=rule).recognised == ()
        assert count_votes(c, ["a"], ballots_for(c, {"a": 10}), rule=rule).recognised == ("a",)

    def test_votes_cast_variant_with_quorum(self) -> None:
        """§9 (education sector): 70 % of those who voted, with a two-thirds quorum."""
        rule = tq_rule(threshold="7/10", denominator=Denominator.VOTES_CAST, quorum="2/3")
        c = council(12)
        ballots = [Ballot(m, ["a"] if i < 6 else []) for i, m in enumerate(c.members[:8])]
        result = count_votes(c, ["a"], ballots, rule=rule)
        assert (result.denominator, result.needed) == (8, 6)
        assert result.recognised == ("a",)
        few = count_votes(c, ["a"], ballots[:7], rule=rule)
        assert few.status is BallotStatus.NO_QUORUM
        assert few.recognised == ()
        assert codes(few.outcome("a")) == ["ballot.no_quorum"]

    def test_statutory_seats_reading(self) -> None:
        """A-8: with vacancies, the alternative reading counts the founding decision's seats."""
        c = Council(["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"], chair="m1", seats=11)
        ballots = [Ballot(m, ["a"]) for m in c.members]
        assert count_votes(c, ["a"], ballots, rule=TQ_RULE).recognised == ("a",)
        strict = count_votes(
            c, ["a"], ballots, readings=Readings().choose("A-8", "statutory-seats"), rule=TQ_RULE
        )
        assert (strict.needed, strict.recognised) == (10, ())

    def test_threshold_is_exact_not_float(self) -> None:
        """A float threshold is refused: 0.9 as a float is not nine tenths."""
        with pytest.raises(InvalidTypeError):
            tq_rule(threshold=0.9)
        assert tq_rule(threshold="0.9").threshold == Fraction(9, 10)


class TestCapTQ62b:
    """TQ-6.2b: no more than 15 a year; nominees ranked by approvals fill the cap."""

    def test_cap_takes_the_highest(self) -> None:
        """Three meet the threshold for two slots without a tie: the two highest are recognised."""
        c = council(10)
        result = count_votes(
            c,
            ["a", "b", "c"],
            ballots_for(c, {"a": 10, "b": 10, "c": 9}),
            cap=Cap(2, TQ_CAP),
            rule=TQ_RULE,
        )
        assert result.recognised == ("a", "b")
        assert codes(result.outcome("c")) == ["ballot.meets_threshold", "ballot.over_cap"]
        assert result.outcome("c").reasons[1].rule == TQ_CAP

    def test_a_cap_of_zero_recognises_nobody(self) -> None:
        """A cap of 0 leaves no slot, and no tie to decide."""
        c = council(9)
        result = count_votes(c, ["a", "b"], ballots_for(c, {"a": 9, "b": 9}), cap=0, rule=TQ_RULE)
        assert (result.status, result.recognised, result.ties) == (BallotStatus.FINAL, (), ())

    def test_per_kind_cap_reading(self) -> None:
        """A-9: the alternative gives collectives and individuals a cap each."""
        c = council(9)
        nominees = [
            Candidate("t1", "collective"),
            Candidate("t2", "collective"),
            Candidate("i1"),
            Candidate("i2"),
        ]
        ballots = ballots_for(c, {"t1": 9, "t2": 9, "i1": 9, "i2": 9})
        together = count_votes(c, nominees, ballots, cap=4, rule=TQ_RULE)
        assert together.recognised == ("i1", "i2", "t1", "t2")
        per_kind = count_votes(
            c, nominees, ballots, cap=1, readings=Readings().choose("A-9", "per-kind"), rule=TQ_RULE
        )
        assert per_kind.status is BallotStatus.AWAITING_CHAIR
        assert [(t.kind.value if t.kind else None, t.candidates) for t in per_kind.ties] == [
            ("collective", ("t1", "t2")),
            ("individual", ("i1", "i2")),
        ]
        done = resolve(per_kind, ["t2", "i1"])
        assert done.recognised == ("i1", "t2")


class TestTieAtTheLastSlot:
    """TQ-2.1b: at the last slot, equal votes are decided by the chair (A-5, A-6, A-20)."""

    def test_tie_at_the_last_slot_awaits_the_chair(self) -> None:
        """Two tied for the one slot left: the result names the group and asks for one."""
        c = council(19)
        result = count_votes(
            c, ["a", "b", "c"], ballots_for(c, {"a": 19, "b": 18, "c": 18}), cap=2, rule=TQ_RULE
        )
        assert result.status is BallotStatus.AWAITING_CHAIR
        assert result.recognised == ("a",)
        assert result.tie is not None
        assert (result.tie.candidates, result.tie.open_slots) == (("b", "c"), 1)
        assert result.outcome("b").status is OutcomeStatus.AWAITING_CHAIR
        final = resolve(result, ["c"])
        assert (final.status, final.recognised) == (BallotStatus.FINAL, ("a", "c"))
        assert codes(final.outcome("b"))[-1] == "ballot.not_chosen_in_tie"

    def test_two_slots_three_tied_the_chair_picks_two(self) -> None:
        """A-5: the chair chooses as many of the tied group as slots remain."""
        c = council(10)
        result = count_votes(
            c, ["a", "b", "c"], ballots_for(c, {"a": 9, "b": 9, "c": 9}), cap=2, rule=TQ_RULE
        )
        assert result.tie is not None
        assert result.tie.open_slots == 2
        assert resolve(result, ["a", "c"]).recognised == ("a", "c")

    def test_last_slot_only_reading_hands_a_wider_tie_back(self) -> None:
        """A-5 alternative: with two slots left the chair does not decide; it is handed back."""
        c = council(10)
        readings = Readings().choose("A-5", "last-slot-only")
        result = count_votes(
            c,
            ["a", "b", "c"],
            ballots_for(c, {"a": 9, "b": 9, "c": 9}),
            cap=2,
            readings=readings,
            rule=TQ_RULE,
        )
        assert result.status is BallotStatus.UNDECIDED
        assert result.outcome("a").status is OutcomeStatus.UNDECIDED

    def test_tie_that_fits_needs_no_decision(self) -> None:
        """A-20: tied nominees that all fit are all recognised."""
        c = council(10)
        result = count_votes(
            c, ["a", "b", "c"], ballots_for(c, {"a": 10, "b": 9, "c": 9}), cap=3, rule=TQ_RULE
        )
        assert (result.status, result.recognised) == (BallotStatus.FINAL, ("a", "b", "c"))

    def test_chair_confirms_reading_asks_even_when_all_fit(self) -> None:
        """A-20 alternative: a tie at the last slot goes to the chair even when all fit."""
        c = council(10)
        readings = Readings().choose("A-20", "chair-confirms")
        result = count_votes(
            c,
            ["a", "b", "c"],
            ballots_for(c, {"a": 10, "b": 9, "c": 9}),
            cap=3,
            readings=readings,
            rule=TQ_RULE,
        )
        assert result.status is BallotStatus.AWAITING_CHAIR
        with pytest.raises(ChairChoiceError):
            resolve(result, ["b"])
        assert resolve(result, ["b", "c"]).recognised == ("a", "b", "c")

    def test_ties_below_the_threshold_never_matter(self) -> None:
        """A-6: nominees under the threshold do not compete, tied or not."""
        c = council(10)
        result = count_votes(
            c, ["a", "b", "c"], ballots_for(c, {"a": 9, "b": 8, "c": 8}), cap=2, rule=TQ_RULE
        )
        assert (result.status, result.recognised, result.ties) == (BallotStatus.FINAL, ("a",), ())

    def test_rank_first_reading_reports_a_moot_tie(self) -> None:
        """A-6 alternative: a tie among all nominees is reported, but nobody under the threshold wins."""
        c = council(10)
        readings = Readings().choose("A-6", "rank-first")
        result = count_votes(
            c,
            ["a", "b", "c"],
            ballots_for(c, {"a": 9, "b": 8, "c": 8}),
            cap=2,
            readings=readings,
            rule=TQ_RULE,
        )
        assert result.status is BallotStatus.AWAITING_CHAIR
        assert resolve(result, ["b"]).recognised == ("a",)

    def test_women_first_settles_a_tie_by_itself(self) -> None:
        """Decree 152/2025 Art. 4.6: the one woman of the tied group takes the last slot."""
        c = council(10)
        nominees = [Candidate("a"), Candidate("b", women_priority=True), Candidate("c")]
        rule = tq_rule(tie_break=TieBreak.WOMEN_FIRST)
        result = count_votes(
            c, nominees, ballots_for(c, {"a": 10, "b": 9, "c": 9}), cap=2, rule=rule
        )
        assert (result.status, result.recognised) == (BallotStatus.FINAL, ("a", "b"))
        assert codes(result.outcome("b"))[-1] == "ballot.women_priority"
        assert codes(result.outcome("c"))[-1] == "ballot.not_preferred_in_tie"

    def test_women_first_then_the_chair(self) -> None:
        """Two women tied for one slot: the chair chooses between them; the man is out."""
        c = council(10)
        nominees = [
            Candidate("a", women_priority=True),
            Candidate("b", women_priority=True),
            Candidate("c"),
        ]
        rule = tq_rule(tie_break=TieBreak.WOMEN_FIRST)
        result = count_votes(
            c, nominees, ballots_for(c, {"a": 9, "b": 9, "c": 9}), cap=1, rule=rule
        )
        assert result.tie is not None
        assert result.tie.candidates == ("a", "b")
        with pytest.raises(ChairChoiceError):
            resolve(result, ["c"])
        assert resolve(result, ["b"]).recognised == ("b",)

    def test_undecided_policy_hands_the_tie_back(self) -> None:
        """Tie-break ``undecided``: no rule settles the tie; a person decides."""
        c = council(10)
        rule = tq_rule(tie_break=TieBreak.UNDECIDED)
        result = count_votes(c, ["a", "b"], ballots_for(c, {"a": 9, "b": 9}), cap=1, rule=rule)
        assert result.status is BallotStatus.UNDECIDED
        assert resolve(result, ["a"]).recognised == ("a",)

    def test_a_tied_reason_refers_to_its_tie_and_names_a_small_group(self) -> None:
        """A tied nominee's reason points at its tie in ``ties`` and names the others."""
        c = council(19)
        result = count_votes(
            c, ["a", "b", "c"], ballots_for(c, {"a": 19, "b": 18, "c": 18}), cap=2, rule=TQ_RULE
        )
        reason = result.outcome("b").reasons[-1]
        assert reason.code == "ballot.tie_at_cutoff"
        assert (reason.params["tie"], reason.params["group_en"]) == (0, "c")
        assert result.to_json()["ties"][reason.params["tie"]]["group"] == ["b", "c"]
        chosen = resolve(result, ["c"]).outcome("c").reasons[-1]
        assert (chosen.code, chosen.params["tie"]) == ("ballot.chosen_in_tie", 0)
        assert chosen.en == "The chair chose this nominee from the tied group b, c."

    def test_a_large_tie_is_named_once_in_the_record(self) -> None:
        """25 tied for one slot: each reason names 10 of the others and counts the rest."""
        c = council(10)
        ids = [f"n{i:02}" for i in range(26)]
        result = count_votes(
            c, ids, ballots_for(c, {"n00": 10} | dict.fromkeys(ids[1:], 9)), cap=2, rule=TQ_RULE
        )
        assert result.tie is not None
        assert len(result.tie.group) == 25
        reason = result.outcome("n05").reasons[-1]
        shown = ", ".join(i for i in ids[1:12] if i != "n05")
        assert reason.params["group_en"] == f"{shown} and 14 others"
        assert reason.params["group_vi"] == f"{shown} và 14 đề cử khác"
        assert reason.en.startswith(f"Tied on 9 approvals with {shown} and 14 others for")
        assert not any(isinstance(v, list) for v in reason.params.values())


class TestChairChoiceIsChecked:
    """TQ-2.1b: the chair chooses exactly the slots left, only from the tied group."""

    @pytest.fixture
    def awaiting(self) -> BallotResult:
        c = council(10)
        return count_votes(
            c,
            ["a", "b", "c", "d"],
            ballots_for(c, {"a": 10, "b": 9, "c": 9, "d": 9}),
            cap=2,
            rule=TQ_RULE,
        )

    @pytest.mark.parametrize(
        ("choice", "error"),
        [
            (["b", "c"], ChairChoiceError),  # two for one slot
            ([], ChairChoiceError),  # none for one slot
            (["a"], ChairChoiceError),  # outside the tied group
            (["z"], UnknownNomineeError),  # not a nominee at all
            (["b", "b"], DuplicateIdError),
        ],
    )
    def test_a_bad_choice_is_refused(
        self, awaiting: BallotResult, choice: list[str], error: type[Exception]
    ) -> None:
        """A choice of the wrong size, outside the group, unknown or repeated is an error."""
        with pytest.raises(error):
            resolve(awaiting, choice)

    def test_a_choice_without_a_tie_is_refused(self) -> None:
        """A chair's choice when nothing is tied is an error, not silently ignored."""
        c = council(9)
        with pytest.raises(ChairChoiceError, match="no tie"):
            count_votes(c, ["a"], ballots_for(c, {"a": 9}), cap=1, chair_choice=["a"], rule=TQ_RULE)


class TestInvalidInput:
    """Every invalid ballot input is its own clear error."""

    def test_ballot_from_someone_not_on_the_roster(self) -> None:
        """Only members vote."""
        with pytest.raises(UnknownMemberError, match="m99"):
            count_votes(council(3), ["a"], [Ballot("m99", ["a"])], rule=TQ_RULE)

    def test_two_ballots_from_one_member(self) -> None:
        """Each member votes once."""
        with pytest.raises(DoubleVoteError, match="m01"):
            count_votes(council(3), ["a"], [Ballot("m01", ["a"]), Ballot("m01", [])], rule=TQ_RULE)

    def test_approval_of_an_unknown_nominee(self) -> None:
        """An approval names a nominee."""
        with pytest.raises(UnknownNomineeError, match="zz"):
            count_votes(council(3), ["a"], [Ballot("m01", ["zz"])], rule=TQ_RULE)

    @pytest.mark.parametrize("ids", [["a", "a"], ["Nguyễn", "Nguye\u0302\u0303n"]])
    def test_duplicate_nominee_after_nfc(self, ids: list[str]) -> None:
        """Ids are compared after NFC: a decomposed “Nguyễn” is the same nominee."""
        with pytest.raises(DuplicateIdError):
            count_votes(council(3), ids, [], rule=TQ_RULE)

    def test_nfc_ids_match_across_inputs(self) -> None:
        """An approval typed decomposed counts for the nominee typed precomposed."""
        c = Council(["Trần Thị Hà"], chair="Tra\u0302\u0300n Thi\u0323 Ha\u0300")
        result = count_votes(
            c, ["Nguyễn"], [Ballot("Trần Thị Hà", ["Nguye\u0302\u0303n"])], rule=TQ_RULE
        )
        assert result.recognised == ("Nguyễn",)

    def test_duplicate_member(self) -> None:
        """A roster names each member once."""
        with pytest.raises(DuplicateIdError):
            Council(["m1", "m1"], chair="m1")

    def test_chair_not_on_the_roster(self) -> None:
        """The chair is a member."""
        with pytest.raises(UnknownMemberError, match="chair"):
            Council(["m1"], chair="m2")

    def test_empty_roster(self) -> None:
        """A council has members."""
        with pytest.raises(InvalidValueError, match="empty"):
            Council([], chair="m1")

    @pytest.mark.parametrize("threshold", ["0", "-1/2", "11/10", "abc", "1/0"])
    def test_threshold_outside_the_unit_interval(self, threshold: str) -> None:
        """A threshold is a fraction in (0, 1]."""
        with pytest.raises(InvalidValueError):
            tq_rule(threshold=threshold)

    @pytest.mark.parametrize("slots", [-1, 1.5, True, "3"])
    def test_negative_or_non_integer_slots(self, slots: object) -> None:
        """A cap is a whole number of slots."""
        with pytest.raises(InvalidValueError):
            Cap(slots)

    @pytest.mark.parametrize("bad", ["", " m1", 7])
    def test_blank_or_padded_or_non_string_ids(self, bad: object) -> None:
        """An id is a non-empty string without surrounding whitespace."""
        with pytest.raises((InvalidValueError, InvalidTypeError)):
            Candidate(bad)

    def test_unknown_kind(self) -> None:
        """A nominee is a collective, an individual or a household."""
        with pytest.raises(InvalidValueError, match="collective, individual, household"):
            Candidate("a", "company")


def test_nominees_may_be_given_as_strings() -> None:
    """A bare id is an individual nominee."""
    result = count_votes(council(1), ("b", "a"), [Ballot("m01", ["a"])], rule=TQ_RULE)
    assert result.recognised == ("a",)
    assert [t.nominee for t in result.tally] == ["a", "b"]


class TestTheVotingPackageKnowsNoProvince:
    """Issue 9: the ballot rule has no province's defaults built in; the caller gives its source."""

    def test_a_ballot_rule_needs_its_source_and_its_threshold(self) -> None:
        """No rule id, citation or threshold is built in: leaving one out is refused."""
        with pytest.raises(TypeError, match="rule"):
            BallotRule(threshold="9/10")  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="threshold"):
            BallotRule(rule=TQ_BALLOT)  # type: ignore[call-arg]

    def test_the_remaining_defaults_are_neutral(self) -> None:
        """At the fraction, of the total membership, no quorum, no tie-break rule (a person decides)."""
        rule = BallotRule(rule=TQ_BALLOT, threshold="9/10")
        assert (rule.comparison, rule.denominator, rule.quorum, rule.tie_break) == (
            Comparison.AT_LEAST,
            Denominator.TOTAL_MEMBERSHIP,
            None,
            TieBreak.UNDECIDED,
        )
        c = council(10)
        tied = count_votes(
            c, ["a", "b"], ballots_for(c, {"a": 9, "b": 9}), rule=rule, cap=Cap(1, TQ_CAP)
        )
        assert tied.status is BallotStatus.UNDECIDED

    def test_no_province_rule_is_named_in_the_voting_package(self) -> None:
        """No string in the voting package's code (docstrings aside) is a province's rule id."""
        import ast
        import re
        from pathlib import Path

        import dienhinh.voting

        folder = Path(dienhinh.voting.__file__).parent
        found = []
        for path in sorted(folder.glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {  # every bare string statement: module, class, function, attribute
                id(node.value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            }
            found += [
                f"{path.name}:{node.lineno}: {node.value!r}"
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and re.search(r"\b(TQ|KT|BK|NT)-\d", node.value)
            ]
        assert found == []
        assert not {"TQ_BALLOT", "TQ_CAP"} & set(dir(dienhinh.voting))

    def test_a_chair_choice_outside_the_tie_names_the_rule_counted_under(self) -> None:
        """The refusal names the caller's rule, not TQ-2.1b."""
        mine = BallotRule(
            rule=Rule("MY-7", Citation("My council's rules", article="7")),
            threshold="9/10",
            tie_break=TieBreak.CHAIR,
        )
        c = council(10)
        result = count_votes(
            c, ["a", "b", "c"], ballots_for(c, {"a": 10, "b": 9, "c": 9}), rule=mine, cap=Cap(2)
        )
        with pytest.raises(ChairChoiceError) as raised:
            resolve(result, ["a"])
        assert raised.value.rule == "MY-7"
