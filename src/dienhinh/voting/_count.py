"""Counting, selection, tie-breaking and verification of a council's ballot.

The rule counted under is the caller's (:class:`BallotRule` carries its own
source); the steps follow the form of TQ-2.1b, the fullest of the documents,
quoted: “theo thứ tự từ cao xuống thấp và đạt tỷ lệ
phiếu đồng ý từ 90% trở lên tính trên tổng số thành viên … Trường hợp đến chỉ
tiêu cuối cùng mà có 02 tập thể, cá nhân trở lên có số phiếu bằng nhau, thì do
Chủ tịch Hội đồng … quyết định lựa chọn lấy 01”.

1. Count each nominee's approvals over the denominator (A-7, A-8).
2. Only nominees meeting the threshold compete (A-6).
3. Rank them by approvals and fill the cap (TQ-6.2b; one cap for all kinds, A-9).
4. A group tied at the cutoff with more members than slots left is handed to
   the tie-break: the chair chooses as many as slots remain (A-5); a group that
   fits entirely needs no decision (A-20).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, repeat
from operator import neg
from typing import Any, NamedTuple

import attrs

from dienhinh._batch import batch
from dienhinh._canonical import digest_of
from dienhinh._errors import ChairChoiceError, VerificationError
from dienhinh._interpretations import INTERPRETATIONS, Readings, UsedReading
from dienhinh._kinds import NomineeKind
from dienhinh._reasons import Reason
from dienhinh.voting import _codes as codes
from dienhinh.voting._council import Ballot, Candidate, Cast, Council
from dienhinh.voting._result import (
    BallotInputs,
    BallotResult,
    BallotStatus,
    Outcome,
    OutcomeStatus,
    Tally,
    Tie,
)
from dienhinh.voting._rule import BallotRule, Cap, Comparison, Denominator, TieBreak

__all__ = ["count", "count_votes", "resolve", "verify"]

_CHAIR, _PERSON = "chair", "person"


def count_votes(
    council: Council,
    nominees: Iterable[Candidate | str],
    ballots: Iterable[Ballot],
    *,
    rule: BallotRule,
    cap: Cap | int | None = None,
    chair_choice: Iterable[str] | None = None,
    readings: Readings | Mapping[str, str] | None = None,
) -> BallotResult:
    """Count a council's ballot and select the recognised nominees.

    Arguments are checked at the door: a wrong type is an
    :class:`~dienhinh.InvalidTypeError` (a ``TypeError``) naming the argument;
    ``readings`` may be a plain mapping of choices (``{"A-7": "excluded"}``).
    ``rule`` is required: the package knows no province's ballot rule (a
    ruleset's ``ballot``, or the caller's own :class:`BallotRule`).

    >>> from dienhinh import Citation, Rule
    >>> mine = BallotRule(rule=Rule("MY-1", Citation("My council's rules")), threshold="9/10")
    >>> council = Council(["m1", "m2", "m3"], chair="m1")
    >>> ballots = [Ballot("m1", ["a", "b"]), Ballot("m2", ["a", "b"]), Ballot("m3", ["a"], cast="written")]
    >>> result = count_votes(council, ["a", "b"], ballots, rule=mine)
    >>> result.status.value, result.recognised, result.needed
    ('final', ('a',), 3)
    """
    return count(
        BallotInputs(
            council=council,
            nominees=nominees,
            ballots=ballots,
            rule=rule,
            cap=Cap(cap) if isinstance(cap, int) and not isinstance(cap, bool) else cap,
            chair_choice=chair_choice,
            readings=readings if readings is not None else Readings(),
        )
    )


def resolve(result: BallotResult, chair_choice: Iterable[str]) -> BallotResult:
    """Finish a ballot awaiting a decision with the chair's (or the person's) choice."""
    if not result.ties:
        raise ChairChoiceError(
            "there is no tie to decide", field="chair_choice", value=sorted(chair_choice)
        )
    return count(attrs.evolve(result.inputs, chair_choice=chair_choice))


def _denominator(inputs: BallotInputs) -> tuple[int, list[str]]:
    """The number the threshold is a fraction of, and the readings that decided it."""
    rule, readings = inputs.rule, inputs.readings
    if rule.denominator is Denominator.VOTES_CAST:
        return len(inputs.ballots), []
    if readings["A-7"] == "excluded":
        return len(inputs.ballots), ["A-7"]
    if readings["A-8"] == "statutory-seats" and inputs.council.seats is not None:
        return inputs.council.seats, ["A-7", "A-8"]
    return inputs.council.size, ["A-7", "A-8"]


def _approvals(ids: list[str], ballots: Sequence[Ballot]) -> list[int]:
    """Each nominee's approvals, in the order of ``ids``, counted in C.

    Dense ballots (a national council approves most nominees) are counted by
    membership, one test per nominee and ballot, which walks the ids in order;
    sparse ones by a Counter over the marks.
    """
    if not ballots:
        return [0] * len(ids)
    marks = sum(len(b.approve) for b in ballots)
    if 2 * marks < len(ids) * len(ballots):
        got = Counter(chain.from_iterable(b.approve for b in ballots)).get
        return list(map(got, ids, repeat(0)))
    return list(map(sum, zip(*[map(b.approve.__contains__, ids) for b in ballots], strict=True)))


@batch
def count(inputs: BallotInputs) -> BallotResult:
    """The ballot's result for validated ``inputs`` (see :func:`count_votes`).

    A national ballot makes a tally row per nominee (10^5); the cyclic collector
    would re-scan the ballots' approval sets each time those allocations trigger it,
    so the count runs with it paused (:func:`~dienhinh._batch.batch`).
    """
    rule, readings = inputs.rule, inputs.readings
    denominator, used = _denominator(inputs)
    needed = rule.needed(denominator)
    nominees = inputs.nominees  # sorted by id
    approvals = _approvals([n.id for n in nominees], inputs.ballots)
    # Ranked by approvals, then id: the sort is stable and the nominees are sorted by id.
    order = sorted(range(len(nominees)), key=approvals.__getitem__, reverse=True)
    ranked = list(map(nominees.__getitem__, order))
    ranked_ids = [n.id for n in ranked]
    ranked_approvals = list(map(approvals.__getitem__, order))

    # Equal approvals form runs (at most one per possible count): ranks and the
    # threshold are settled per run, not per nominee.
    ranks: list[int] = []
    meets: list[bool] = []
    met = at_floor = 0
    floor = 0 if readings["A-6"] == "rank-first" else needed
    for value, size in sorted(Counter(approvals).items(), reverse=True):
        ranks += [len(ranks) + 1] * size
        meets += [value >= needed] * size
        met += size if value >= needed else 0
        at_floor += size if value >= floor else 0
    tally = tuple(
        map(
            tuple.__new__,
            repeat(Tally),
            zip(ranked_ids, ranked_approvals, repeat(denominator), meets, ranks),
        )
    )

    recognised: list[str] = []
    ties: list[Tie] = []
    status = BallotStatus.FINAL
    if rule.quorum is not None and _present(inputs.ballots) < _required(rule, inputs.council):
        status = BallotStatus.NO_QUORUM
        if inputs.chair_choice is not None:
            raise ChairChoiceError(
                "there is no tie to decide: the meeting had no quorum",
                field="chair_choice",
                value=sorted(inputs.chair_choice),
            )
    else:
        used += ["A-6"]
        # Those in the running are a prefix of the ranking (approvals ≥ floor).
        running = _Running(ranked[:at_floor], ranked_approvals[:at_floor])
        if inputs.cap is None:
            recognised = ranked_ids[:met]  # every one in the running who meets the threshold
        else:
            used += ["A-5", "A-9", "A-20"]
            chosen, ties = _fill_cap(running, inputs.cap.slots, rule.tie_break, readings)
            chosen += _decide(ties, inputs.chair_choice, inputs.rule.rule.id)
            deciders = {t.decider for t in ties if t.open_slots > 0}
            if inputs.chair_choice is None and deciders:
                status = (
                    BallotStatus.UNDECIDED if _PERSON in deciders else BallotStatus.AWAITING_CHAIR
                )
            recognised = list(filter(set(chosen).__contains__, ranked_ids[:met]))
        if inputs.chair_choice is not None and not ties:
            raise ChairChoiceError(
                "there is no tie to decide", field="chair_choice", value=sorted(inputs.chair_choice)
            )

    return BallotResult(
        inputs=inputs,
        status=status,
        denominator=denominator,
        needed=needed,
        tally=tally,
        recognised=tuple(recognised),
        ties=tuple(ties),
        used=_with_rule(readings.used(*used), rule),
    )


def _with_rule(used: tuple[UsedReading, ...], rule: BallotRule) -> tuple[UsedReading, ...]:
    """The count's readings and the rule's own (A-41, :attr:`BallotRule.used`), in register order."""
    if not rule.used:
        return used
    return tuple(sorted({*used, *rule.used}, key=lambda u: _ORDER[u.id]))


_ORDER = {id: n for n, id in enumerate(INTERPRETATIONS)}


def ballot_digest(inputs: BallotInputs) -> str:
    """SHA-256 over the canonical inputs, the rule and cap, the readings and the version."""
    doc = inputs.to_json()
    doc.pop("rule", None)
    parameters = {"rule": inputs.rule.to_json(), **{k: doc.pop(k) for k in ("cap", "readings")}}
    return digest_of("ballot", doc, parameters)


def _present(ballots: Sequence[Ballot]) -> int:
    return sum(1 for b in ballots if b.cast is Cast.IN_MEETING)


def _required(rule: BallotRule, council: Council) -> int:
    assert rule.quorum is not None
    return -(-rule.quorum.numerator * council.size // rule.quorum.denominator)


class _Running(NamedTuple):
    """The nominees in the running, ranked, with their approvals (parallel lists)."""

    nominees: list[Candidate]
    approvals: list[int]


def _fill_cap(
    running: _Running, slots: int, tie_break: TieBreak, readings: Readings
) -> tuple[list[str], list[Tie]]:
    if readings["A-9"] == "per-kind":
        chosen: list[str] = []
        ties: list[Tie] = []
        for kind in NomineeKind:
            picked = [i for i, n in enumerate(running.nominees) if n.kind is kind]
            group = _Running(
                list(map(running.nominees.__getitem__, picked)),
                list(map(running.approvals.__getitem__, picked)),
            )
            got, tie = _fill(group, slots, tie_break, readings, kind)
            chosen += got
            ties += tie
        return chosen, ties
    return _fill(running, slots, tie_break, readings, None)


def _fill(
    running: _Running,
    slots: int,
    tie_break: TieBreak,
    readings: Readings,
    kind: NomineeKind | None,
) -> tuple[list[str], list[Tie]]:
    """Fill ``slots`` from the ranked ``running``; a tie at the cutoff becomes a :class:`Tie`."""
    nominees, approvals = running
    if slots == 0:
        return [], []
    if len(nominees) < slots:
        return [n.id for n in nominees], []
    cutoff = approvals[slots - 1]
    # Approvals are descending: those above the cutoff and the tied group are two slices.
    above = bisect_left(approvals, -cutoff, key=neg)
    upto = bisect_right(approvals, -cutoff, key=neg)
    group = nominees[above:upto]
    left = slots - above
    straddles = len(group) > left
    confirm = readings["A-20"] == "chair-confirms" and len(group) >= 2
    if not straddles and not confirm:
        return [n.id for n in nominees[:upto]], []
    tie = _tie(group, left, cutoff, tie_break, readings, kind)
    return [n.id for n in nominees[:above]], [tie]


def _tie(
    group: list[Candidate],
    left: int,
    approvals: int,
    tie_break: TieBreak,
    readings: Readings,
    kind: NomineeKind | None,
) -> Tie:
    ids = tuple(sorted(n.id for n in group))
    preferred: tuple[str, ...] = ()
    candidates, open_slots = ids, left
    if tie_break is TieBreak.WOMEN_FIRST:
        # Decree 152/2025 Art. 4.6: among equals, the woman, or the collective with ≥ 70 % women.
        women = tuple(sorted(n.id for n in group if n.women_priority))
        if len(women) <= left:
            preferred = women
            taken = set(women)
            candidates = tuple(i for i in ids if i not in taken)
            open_slots = left - len(women)
        else:
            candidates = women
    handed_back = tie_break is TieBreak.UNDECIDED or (
        readings["A-5"] == "last-slot-only" and open_slots > 1
    )
    decider = "rule" if open_slots == 0 else _PERSON if handed_back else _CHAIR
    return Tie(
        ids, left, approvals, candidates if open_slots else (), open_slots, decider, preferred, kind
    )


def _decide(ties: list[Tie], choice: frozenset[str] | None, rule: str) -> list[str]:
    """The nominees taken in ties: those a rule preferred, plus the checked choice."""
    taken = [p for t in ties for p in t.preferred]
    open_ties = [t for t in ties if t.open_slots > 0]
    if choice is None:
        return taken
    if not open_ties:
        raise ChairChoiceError(
            "there is no tie to decide", field="chair_choice", value=sorted(choice)
        )
    in_ties = set(chain.from_iterable(t.candidates for t in open_ties))
    outside = sorted(choice - in_ties)
    if outside:
        raise ChairChoiceError(
            "names nominees outside the tied group",
            field="chair_choice",
            value=outside,
            allowed=f"a choice from {sorted(in_ties)}",
            rule=rule,
        )
    for t in open_ties:
        picked = choice & set(t.candidates)
        if len(picked) != t.open_slots:
            raise ChairChoiceError(
                f"picks {len(picked)} of the tied group {list(t.candidates)}",
                field="chair_choice",
                value=sorted(choice),
                allowed=f"exactly {t.open_slots} of {list(t.candidates)}",
                rule=rule,
            )
        taken += sorted(picked)
    return taken


def verify(record: BallotResult) -> BallotResult:
    """Re-derive ``record`` from its inputs; raise :class:`VerificationError` on any mismatch.

    Returns the record, so ``verify(result).recognised`` reads naturally.
    """
    fresh = count(record.inputs)
    for name in (a.name for a in attrs.fields(BallotResult)):  # every field, present and future
        if getattr(fresh, name) != getattr(record, name):
            raise VerificationError(
                f"the record's {name} does not re-derive from its inputs",
                field=name,
                value=getattr(record, name),
                allowed=f"{getattr(fresh, name)!r}",
            )
    return record


# ---------------------------------------------------------------------------
# Explanations: derived on first use from a result's stored fields.


def _words(result: BallotResult) -> dict[str, Any]:
    rule = result.inputs.rule
    at_least = rule.comparison is Comparison.AT_LEAST
    total = (
        rule.denominator is Denominator.TOTAL_MEMBERSHIP
        and result.inputs.readings["A-7"] != "excluded"
    )
    return {
        "comparison_vi": "từ" if at_least else "trên",
        "comparison_en": "at least" if at_least else "more than",
        "threshold": rule.threshold,
        "denominator_vi": "tổng số thành viên Hội đồng" if total else "số thành viên đã biểu quyết",
        "denominator_en": "the council's total membership" if total else "the members who voted",
    }


def explain_ballot(result: BallotResult) -> tuple[Reason, ...]:
    """The reasons that hold for the ballot as a whole."""
    inputs, rule = result.inputs, result.inputs.rule.rule
    reasons = [
        codes.THRESHOLD(rule, needed=result.needed, members=result.denominator, **_words(result))
    ]
    voted = {b.member for b in inputs.ballots}
    silent = [m for m in inputs.council.members if m not in voted]
    if silent and any(u.id == "A-7" and u.reading == "counts-against" for u in result.used):
        reasons.append(codes.ABSENT_SILENT(rule, members=silent))
    written = [b.member for b in inputs.ballots if b.cast is Cast.WRITTEN]
    if written:
        reasons.append(codes.WRITTEN(rule, members=written))
    if result.status is BallotStatus.NO_QUORUM:
        reasons.append(_no_quorum(result))
    return tuple(reasons)


def _no_quorum(result: BallotResult) -> Reason:
    inputs = result.inputs
    return codes.NO_QUORUM(
        inputs.rule.rule,
        present=_present(inputs.ballots),
        members=inputs.council.size,
        required=_required(inputs.rule, inputs.council),
    )


_DECIDER = {
    _CHAIR: ("Chủ tịch Hội đồng", "chair"),
    _PERSON: ("Người có thẩm quyền", "competent person"),
}


def _shown(names: Sequence[str], total: int) -> dict[str, str]:
    """``group_vi``/``group_en``: the names listed, and how many of ``total`` are not."""
    listed = ", ".join(names) if names else "—"
    rest = total - len(names)
    if rest <= 0:
        return {"group_vi": listed, "group_en": listed}
    return {"group_vi": f"{listed} và {rest} đề cử khác", "group_en": f"{listed} and {rest} others"}


class _TieView:
    """What the reasons of one tie need, computed once for the whole group."""

    def __init__(self, index: int, tie: Tie) -> None:
        self.index, self.tie = index, tie
        self.preferred = frozenset(tie.preferred)
        self.candidates = frozenset(tie.candidates)
        self.group = _shown(tie.group[: codes.LISTED], len(tie.group))
        self.chosen_from = _shown(tie.candidates[: codes.LISTED], len(tie.candidates))

    def others(self, nominee: str) -> dict[str, str]:
        """The other candidates, as a tied nominee's reason names them."""
        head = [n for n in self.tie.candidates[: codes.LISTED + 1] if n != nominee]
        return _shown(head[: codes.LISTED], len(self.tie.candidates) - 1)


@batch
def explain(result: BallotResult) -> tuple[Outcome, ...]:
    """Each nominee's outcome and reasons, in tally order.

    A tied nominee's reason refers to its tie (``tie``, the position in ``ties``)
    and names at most :data:`~dienhinh.voting._codes.LISTED` of the group: the
    outcomes stay linear in the number of nominees, whatever the tie's size.
    """
    inputs = result.inputs
    rule, cap = inputs.rule.rule, inputs.cap
    women = inputs.rule.tie_rule or rule  # the provision a women-first tie-break applies
    kinds = {n.id: n.kind for n in inputs.nominees}
    recognised = set(result.recognised)
    waiting = inputs.chair_choice is None
    views = [_TieView(i, t) for i, t in enumerate(result.ties)]
    tie_of = {n: v for v in views for n in v.tie.group}
    # The threshold's reason depends on the approvals alone (members and needed are the
    # ballot's): made once per count of approvals, not once per nominee.
    threshold: dict[tuple[int, int, bool], Reason] = {}
    outcomes = []
    for t in result.tally:
        reasons: list[Reason] = []
        status = (
            OutcomeStatus.RECOGNISED if t.nominee in recognised else OutcomeStatus.NOT_RECOGNISED
        )
        if result.status is BallotStatus.NO_QUORUM:
            reasons.append(_no_quorum(result))
            outcomes.append(Outcome(t.nominee, kinds[t.nominee], status, tuple(reasons)))
            continue
        key = (t.approvals, t.members, t.meets_threshold)
        verdict = threshold.get(key)
        if verdict is None:
            params = {"approvals": t.approvals, "members": t.members, "needed": result.needed}
            verdict = threshold[key] = (codes.MEETS if t.meets_threshold else codes.BELOW)(
                rule, **params
            )
        reasons.append(verdict)
        view = tie_of.get(t.nominee)
        if view is None:
            if cap is not None and t.meets_threshold:
                code = codes.WITHIN_CAP if t.nominee in recognised else codes.OVER_CAP
                reasons.append(code(cap.rule or rule, rank=t.rank, slots=cap.slots))
        elif t.nominee in view.preferred:
            reasons.append(codes.WOMEN(women, tie=view.index, **view.group))
        elif t.nominee not in view.candidates:
            reasons.append(
                codes.NOT_PREFERRED(women, tie=view.index, slots=view.tie.slots, **view.group)
            )
        elif waiting:
            tie, others = view.tie, view.others(t.nominee)
            if tie.decider == _PERSON:
                reasons.append(
                    codes.HANDED_BACK(
                        rule, approvals=t.approvals, tie=view.index, slots=tie.open_slots, **others
                    )
                )
                status = OutcomeStatus.UNDECIDED
            else:
                reasons.append(
                    codes.TIE(
                        rule, approvals=t.approvals, tie=view.index, slots=tie.open_slots, **others
                    )
                )
                status = OutcomeStatus.AWAITING_CHAIR
        else:
            vi, en = _DECIDER[view.tie.decider]
            code = codes.CHOSEN if t.nominee in recognised else codes.NOT_CHOSEN
            reasons.append(
                code(rule, tie=view.index, decider_vi=vi, decider_en=en, **view.chosen_from)
            )
        outcomes.append(Outcome(t.nominee, kinds[t.nominee], status, tuple(reasons)))
    return tuple(outcomes)
