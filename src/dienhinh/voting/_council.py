"""Who votes and on whom: the council, the nominees and the ballots."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from dienhinh._batch import remember
from dienhinh._convert import is_a, items_of, to_enum
from dienhinh._errors import (
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    UnknownMemberError,
)
from dienhinh._frozen import frozen
from dienhinh._kinds import NomineeKind
from dienhinh._text import identifier, nfc_each

__all__ = ["Ballot", "Candidate", "Cast", "Council", "approvals_in_order"]


class Cast(enum.Enum):
    """How a ballot reached the council (TQ-2.1b: an absent member gives a written opinion)."""

    IN_MEETING = "in_meeting"
    WRITTEN = "written"


def unique_ids(values: Iterable[object], *, field: str) -> tuple[str, ...]:
    """NFC ids, sorted; a repeat (after NFC) is a :class:`DuplicateIdError`."""
    seen: set[str] = set()
    for raw in items_of(values, object, field, "ids (strings)"):
        text = identifier(raw, field=field)
        if text in seen:
            raise DuplicateIdError(
                "is given twice (ids are compared after NFC)", field=field, value=text
            )
        seen.add(text)
    return tuple(sorted(seen))


def _members(value: Iterable[object]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidValueError(
            "must be a list of member ids, not one string", field="members", value=value
        )
    return unique_ids(value, field="council.members")


def _chair(value: object) -> str:
    return identifier(value, field="council.chair")


def _nominee_id(value: object) -> str:
    return identifier(value, field="nominee.id")


def _member(value: object) -> str:
    return identifier(value, field="ballot.member")


def _kind(value: object) -> NomineeKind:
    return to_enum(NomineeKind, value, "nominee.kind")


def _cast(value: object) -> Cast:
    return to_enum(Cast, value, "ballot.cast")


@frozen
class Council:
    """A council (Hội đồng Thi đua - Khen thưởng): its roster and its chair.

    ``seats`` is the number of seats its founding decision sets, used only
    under the A-8 reading ``statutory-seats``; by default the roster is the
    total membership.

    >>> Council(["m02", "m01"], chair="m01").members
    ('m01', 'm02')
    >>> Council([], chair="m01")
    Traceback (most recent call last):
    ...
    dienhinh._errors.InvalidValueError: council.members=(): the roster is empty; allowed: at least one member
    """

    members: tuple[str, ...] = attrs.field(converter=_members)
    chair: str = attrs.field(converter=_chair)
    seats: int | None = attrs.field(default=None, kw_only=True)

    @members.validator
    def _check_members(self, _a: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidValueError(
                "the roster is empty",
                field="council.members",
                value=value,
                allowed="at least one member",
            )

    @chair.validator
    def _check_chair(self, _a: attrs.Attribute[Any], value: str) -> None:
        if value not in self.members:
            raise UnknownMemberError(
                f"council.chair={value!r} is not on the roster; the chair must be a member "
                f"(members: {', '.join(self.members)})"
            )

    @seats.validator
    def _check_seats(self, _a: attrs.Attribute[Any], value: int | None) -> None:
        if value is None:
            return
        if type(value) is not int or value < len(self.members):
            raise InvalidValueError(
                "must be a whole number of seats, at least the roster's size",
                field="council.seats",
                value=value,
                allowed=f"an integer ≥ {len(self.members)}",
            )

    @property
    def size(self) -> int:
        return len(self.members)


@frozen
class Candidate:
    """A nominee as the ballot sees it.

    ``women_priority`` marks a woman, or a collective with at least 70 % women:
    the tie-break of Decree 152/2025 Art. 4.6 prefers them.
    """

    id: str = attrs.field(converter=_nominee_id)
    kind: NomineeKind = attrs.field(default=NomineeKind.INDIVIDUAL, converter=_kind)
    women_priority: bool = attrs.field(
        default=False, kw_only=True, validator=is_a(bool, "true or false")
    )


def _approvals(value: Iterable[object]) -> frozenset[str]:
    """NFC ids approved; this runs once per mark, so it stays in C (``nfc_each`` + frozenset).

    Blank or padded ids need no check of their own here: every approved id must
    be a nominee's id, and those are checked, so such an id is an unknown nominee.
    """
    if isinstance(value, str):
        raise InvalidValueError(
            "must be a list of nominee ids, not one string", field="ballot.approve", value=value
        )
    items = value if isinstance(value, list | tuple | frozenset | set) else list(value)
    try:
        approved = frozenset(nfc_each(items))  # type: ignore[arg-type]  # a TypeError if not
    except TypeError:
        raise InvalidTypeError(
            "must list nominee ids as strings", field="ballot.approve", value=value
        ) from None
    if len(approved) != len(items):
        unique_ids(items, field="ballot.approve")  # raises DuplicateIdError naming the repeat
    return approved


@frozen
class Ballot:
    """One member's ballot: the nominees approved, and how it was cast.

    A member of the roster with no ballot is absent without a written
    opinion: counted in the total membership, not as an approval (A-7).
    """

    member: str = attrs.field(converter=_member)
    approve: frozenset[str] = attrs.field(converter=_approvals)
    cast: Cast = attrs.field(default=Cast.IN_MEETING, converter=_cast)


def approvals_in_order(ballot: Ballot, ids: list[str]) -> list[str]:
    """``sorted(ballot.approve)``, a new list, by one pass over ``ids`` (sorted, holding every
    approval: else by a sort), remembered by the ballot's identity. A round's record lists
    its ballots' approvals, and the digest of its council's ballot those of the same ballots:
    a national year's marks, listed once."""
    known = _IN_ORDER.get(id(ballot))
    if known is None or known[0] is not ballot:
        marks = list(filter(ballot.approve.__contains__, ids))
        if len(marks) != len(ballot.approve):
            marks = sorted(ballot.approve)  # an approval outside ids: refused by the caller
        known = (ballot, marks)
        remember(_IN_ORDER, id(ballot), known, 256)
    return known[1][:]


_IN_ORDER: dict[int, tuple[Ballot, list[str]]] = {}
"""Each ballot's approvals in order, by its identity (held with it: its id is not reused)."""
