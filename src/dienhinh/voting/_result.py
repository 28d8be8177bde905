"""What a ballot decides: the inputs it was given, the tally, the selection, the reasons."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import attrs

from dienhinh._canonical import Sharing
from dienhinh._convert import instance_of, items_of
from dienhinh._errors import (
    DoubleVoteError,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    UnknownMemberError,
    UnknownNomineeError,
    describe,
)
from dienhinh._frozen import frozen
from dienhinh._html import table
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._kinds import NomineeKind
from dienhinh._reasons import Reason, listed
from dienhinh._repr import short as _short
from dienhinh._text import did_you_mean, identifier
from dienhinh.voting._council import Ballot, Candidate, Council, approvals_in_order
from dienhinh.voting._rule import BallotRule, Cap

__all__ = [
    "BallotInputs",
    "BallotResult",
    "BallotStatus",
    "Outcome",
    "OutcomeStatus",
    "Tally",
    "Tie",
]


class BallotStatus(enum.Enum):
    FINAL = "final"
    """Every slot is settled."""
    AWAITING_CHAIR = "awaiting_chair"
    """A tie straddles the cutoff and the chair must choose (TQ-2.1b, A-5)."""
    UNDECIDED = "undecided"
    """A tie that no rule settles was handed back to a person (tie-break ``undecided``, A-5)."""
    NO_QUORUM = "no_quorum"
    """Too few members attended for the meeting to decide (the rule's quorum)."""


class OutcomeStatus(enum.Enum):
    RECOGNISED = "recognised"
    NOT_RECOGNISED = "not_recognised"
    AWAITING_CHAIR = "awaiting_chair"
    UNDECIDED = "undecided"


def _nominees(value: Iterable[Candidate | str]) -> tuple[Candidate, ...]:
    if isinstance(value, str):
        # A string is iterable: "abc" would silently be three nominees a, b, c.
        raise InvalidValueError(
            "must be a list of nominees, not one string", field="nominees", value=value
        )
    given = items_of(value, object, "nominees", "nominee ids or voting.Candidate")
    items = [v if isinstance(v, Candidate) else Candidate(v) for v in given]
    seen: set[str] = set()
    for n in items:
        if n.id in seen:
            raise DuplicateIdError(
                "is nominated twice (ids are compared after NFC)", field="nominees", value=n.id
            )
        seen.add(n.id)
    return tuple(sorted(items, key=lambda n: n.id))


def _ballots(value: Iterable[Ballot]) -> tuple[Ballot, ...]:
    items = items_of(value, Ballot, "ballots", "a voting.Ballot, e.g. Ballot('m01', ['A'])")
    return tuple(sorted(items, key=lambda b: b.member))


def _council(value: object) -> Council:
    return instance_of(value, Council, "council", "a voting.Council")


def _decided_on(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(
            "must be a datetime.date (a day, not a timestamp)", field="decided_on", value=value
        )
    return value


def _rule(value: object) -> BallotRule:
    return instance_of(value, BallotRule, "rule", "a voting.BallotRule")


def _cap(value: object) -> Cap | None:
    if value is None:
        return None
    return instance_of(value, Cap, "cap", "a voting.Cap, a whole number of slots, or None")


def _readings(value: object) -> Readings:
    """A :class:`Readings`, or a mapping of choices made into one (``{"A-7": "excluded"}``)."""
    if isinstance(value, Readings):
        return value
    if isinstance(value, Mapping):
        return Readings(value)
    raise InvalidTypeError(
        "must be a dienhinh.Readings or a mapping of interpretation ids to readings",
        field="readings", value=value,
    )  # fmt: skip


def _choice(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    items = [identifier(v, field="chair_choice") for v in value]
    choice = frozenset(items)
    if len(choice) != len(items):
        dup = next(i for i in items if items.count(i) > 1)
        raise DuplicateIdError("names a nominee twice", field="chair_choice", value=dup)
    return choice


@frozen
class BallotInputs:
    """Everything a ballot is computed from; kept in the record so it can be re-derived.

    Ids are NFC and every collection is sorted, so inputs given in any order
    are equal and digest alike. Cross-references are checked here: every
    ballot's member is on the roster and votes once, every approval names a
    nominee.
    """

    def __repr__(self) -> str:
        return _short(
            f"<BallotInputs {len(self.nominees)} nominees, {len(self.ballots)} ballots, council of {len(self.council.members)}, rule {self.rule.rule.id}>"
        )

    council: Council = attrs.field(converter=_council)
    nominees: tuple[Candidate, ...] = attrs.field(converter=_nominees)
    ballots: tuple[Ballot, ...] = attrs.field(converter=_ballots)
    rule: BallotRule = attrs.field(converter=_rule)
    """The ballot rule, with its source: required (the package knows no province's rule)."""
    cap: Cap | None = attrs.field(default=None, converter=_cap)
    chair_choice: frozenset[str] | None = attrs.field(default=None, converter=_choice)
    readings: Readings = attrs.field(factory=Readings, converter=_readings)
    ruleset: str | None = attrs.field(default=None, kw_only=True)
    """The id of the ruleset the rule (and, unless overridden, the cap) came from."""
    decided_on: dt.date | None = attrs.field(default=None, kw_only=True, converter=_decided_on)
    """The decision date, when given: under a ruleset whose ballot rule is dated (a borrowed
    national provision), it picks the rule in force, and re-deriving reads it again."""

    def __attrs_post_init__(self) -> None:
        roster = set(self.council.members)
        ids = {n.id for n in self.nominees}
        previous = None
        for ballot in self.ballots:  # sorted by member: a repeat is adjacent
            if ballot.member not in roster:
                raise UnknownMemberError(
                    f"ballot.member={describe(ballot.member)} is not on the council's roster"
                    f"{did_you_mean(ballot.member, self.council.members)}; only members vote "
                    f"({self.rule.rule.id}); roster: {', '.join(self.council.members)}"
                )
            if ballot.member == previous:
                raise DoubleVoteError(
                    "cast two ballots; each member votes once",
                    field="ballot.member",
                    value=ballot.member,
                )
            previous = ballot.member
            unknown = ballot.approve - ids
            if unknown:
                first = sorted(unknown)[0]
                raise UnknownNomineeError(
                    f"ballot of {describe(ballot.member)} approves {describe(sorted(unknown))}, "
                    f"who are not nominees of this ballot{did_you_mean(first, sorted(ids))}"
                )
        if self.chair_choice is not None and self.chair_choice - ids:
            stray = sorted(self.chair_choice - ids)
            raise UnknownNomineeError(
                f"chair_choice names {describe(stray)}, who are not nominees"
                f"{did_you_mean(stray[0], sorted(ids))}"
            )

    def to_json(self) -> dict[str, Any]:
        """The inputs in the ballot's JSON input format (so ``dienhinh ballot`` can re-run them)."""
        ids = [n.id for n in self.nominees]
        return {
            "council": {
                "members": list(self.council.members),
                "chair": self.council.chair,
                **({"seats": self.council.seats} if self.council.seats is not None else {}),
            },
            "nominees": [
                {
                    "id": n.id,
                    "kind": n.kind.value,
                    **({"women_priority": True} if n.women_priority else {}),
                }
                for n in self.nominees
            ],
            # Approvals in nominee order (the nominees are sorted, and every approval is one):
            # one pass over the ids instead of a sort per ballot, once per ballot.
            "ballots": [
                {
                    "member": b.member,
                    "approve": approvals_in_order(b, ids),
                    "cast": b.cast.value,
                }
                for b in self.ballots
            ],
            # Under a ruleset, its id stands for the rule: re-deriving reloads it.
            **(
                {"ruleset": self.ruleset}
                if self.ruleset is not None
                else {"rule": self.rule.to_json()}
            ),
            "cap": None if self.cap is None else self.cap.to_json(),
            "chair_choice": None if self.chair_choice is None else sorted(self.chair_choice),
            "readings": self.readings.to_json(),
            # Only when given: a ballot without a date keeps its JSON and its digest.
            **({} if self.decided_on is None else {"decided_on": self.decided_on.isoformat()}),
        }


class Tally(NamedTuple):
    """One nominee's count: approvals out of the denominator, and its rank (1, 2, 2, 4 …).

    A tuple, not an attrs class: a national ballot makes 10^5 of them, built in C.
    """

    nominee: str
    approvals: int
    members: int
    meets_threshold: bool
    rank: int

    @property
    def rate(self) -> str:
        """The rate as counted, ``"approvals/members"`` (not reduced: 18/20, not 9/10)."""
        return f"{self.approvals}/{self.members}"

    def to_json(self) -> dict[str, Any]:
        return {
            "nominee": self.nominee,
            "approvals": self.approvals,
            "members": self.members,
            "rate": self.rate,
            "meets_threshold": self.meets_threshold,
            "rank": self.rank,
        }


@frozen
class Tie:
    """Nominees with equal approvals at the cutoff, more of them than ``slots`` left.

    ``preferred`` are those a tie-break rule took by itself (women first,
    Decree 152/2025 Art. 4.6); ``candidates`` are those still to choose
    from, for ``open_slots`` slots, by the ``decider``: ``"chair"``
    (TQ-2.1b) or ``"person"`` (handed back). A tie with no open slot was
    settled by the rule alone.
    """

    def __repr__(self) -> str:
        return _short(
            f"<Tie {len(self.group)} on {self.approvals} approvals for {self.open_slots} open slot(s), decider {self.decider}>"
        )

    group: tuple[str, ...]
    slots: int
    approvals: int
    candidates: tuple[str, ...]
    open_slots: int
    decider: str
    preferred: tuple[str, ...] = ()
    kind: NomineeKind | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "nominees": list(self.candidates),
            "slots": self.open_slots,
            "decider": self.decider,
            "approvals": self.approvals,
            "group": list(self.group),
            "group_slots": self.slots,
            "preferred": list(self.preferred),
            "kind": None if self.kind is None else self.kind.value,
        }


@frozen
class Outcome:
    """One nominee's outcome with all its reasons: what a card shows."""

    def __repr__(self) -> str:
        return _short(
            f"<Outcome {self.nominee!r} {self.status.value}: {len(self.reasons)} reasons>"
        )

    nominee: str
    kind: NomineeKind
    status: OutcomeStatus
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return self._tree()

    def _tree(self, share: Sharing | None = None) -> dict[str, Any]:
        """:meth:`to_json`; with ``share``, the record writer's tree, which keeps each Reason
        itself in a list shared with the other outcomes that list the same ones."""
        return {
            "nominee": self.nominee,
            "kind": self.kind.value,
            "outcome": self.status.value,
            "reasons": listed(self.reasons, share),
        }


@frozen
class BallotResult:
    """A ballot's decision record: frozen, serialisable, and verifiable.

    ``outcomes`` and ``reasons`` are derived from the stored fields on first
    use, so counting a national batch does not format a million sentences it
    may never show.
    """

    def __repr__(self) -> str:
        return _short(
            f"<BallotResult {self.status.value}: {len(self.recognised)} recognised of {len(self.tally)}, {self.needed}/{self.denominator} needed; {self.digest[:19]}…>"
        )

    inputs: BallotInputs
    status: BallotStatus
    denominator: int
    needed: int
    tally: tuple[Tally, ...]
    recognised: tuple[str, ...]
    ties: tuple[Tie, ...]
    used: tuple[UsedReading, ...]

    @functools.cached_property
    def digest(self) -> str:
        """``sha256:…`` over the canonical inputs, the rule and cap, the readings and the version
        (``voting._count.ballot_digest``): worked out on first use and kept."""
        from dienhinh.voting._count import ballot_digest

        return ballot_digest(self.inputs)

    @property
    def open_ties(self) -> tuple[Tie, ...]:
        """The ties still waiting for a decision (none once a choice was supplied)."""
        if self.inputs.chair_choice is not None:
            return ()
        return tuple(t for t in self.ties if t.open_slots > 0)

    @property
    def tie(self) -> Tie | None:
        """The tie waiting for a decision, if any (with ``per-kind`` caps, A-9, the first)."""
        return self.open_ties[0] if self.open_ties else None

    @functools.cached_property
    def outcomes(self) -> tuple[Outcome, ...]:
        from dienhinh.voting._count import explain

        return explain(self)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        from dienhinh.voting._count import explain_ballot

        return explain_ballot(self)

    def outcome(self, nominee: str) -> Outcome:
        """The outcome of one nominee (NFC-normalised id)."""
        key = identifier(nominee, field="nominee")
        for o in self.outcomes:
            if o.nominee == key:
                return o
        raise UnknownNomineeError(
            f"nominee={describe(key)} is not a nominee of this ballot"
            f"{did_you_mean(key, [n.id for n in self.inputs.nominees])}"
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``dienhinh ballot`` (see ``docs/schemas/ballot-output.json``)."""
        return self._tree()

    def _tree(self, share: Sharing | None = None, *, inputs: bool = True) -> dict[str, Any]:
        """:meth:`to_json` (with ``share``, the record writer's tree, as :meth:`Outcome._tree`),
        without ``inputs`` when not asked (a round's record states its inputs once)."""
        doc: dict[str, Any] = {
            "kind": "ballot",
            "status": self.status.value,
            "recognised": list(self.recognised),
            "needed": self.needed,
            "denominator": self.denominator,
            "tally": [t.to_json() for t in self.tally],
            "tie": None if self.tie is None else self.tie.to_json(),
            "ties": [t.to_json() for t in self.ties],
            "outcomes": [o._tree(share) for o in self.outcomes],
            "reasons": listed(self.reasons, share),
            "interpretations": [u.to_json() for u in self.used],
        }
        if inputs:
            doc["inputs"] = self.inputs.to_json()
        doc["digest"] = self.digest
        return doc

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat row per nominee, for ``pandas.DataFrame(result.to_rows())``."""
        by_id = {o.nominee: o for o in self.outcomes}
        return [
            {
                "nominee": t.nominee,
                "kind": by_id[t.nominee].kind.value,
                "approvals": t.approvals,
                "members": t.members,
                "rate": t.rate,
                "meets_threshold": t.meets_threshold,
                "rank": t.rank,
                "outcome": by_id[t.nominee].status.value,
            }
            for t in self.tally
        ]

    def _repr_html_(self) -> str:

        return table(
            self.to_rows(),
            caption=f"Ballot — {self.status.value}; {self.needed}/{self.denominator} needed",
        )
