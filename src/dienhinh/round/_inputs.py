"""What a recognition round is given: nominations with their dossiers, the council, the ballots.

A round is one council's whole procedure for one year at one level (A-19):
the province's council (TQ-4, TQ-6.1b, TQ-8.3) or a unit's council (TQ-5,
TQ-6.1a). Everything here is a frozen value, normalised (NFC ids, sorted
collections), so the same round given in any order is the same round.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from dienhinh._batch import remember
from dienhinh._canonical import Sharing
from dienhinh._convert import is_a, to_enum
from dienhinh._errors import (
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    UnknownIdError,
    UnknownNomineeError,
)
from dienhinh._frozen import assembled, frozen
from dienhinh._interpretations import Readings
from dienhinh._repr import short as _short
from dienhinh._text import a_or_an, identifier
from dienhinh.criteria import Nominee
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import Ballot, Council
from dienhinh.voting._council import approvals_in_order

if TYPE_CHECKING:
    from dienhinh.criteria import Nominee
    from dienhinh.rulesets._ruleset import Ruleset
    from dienhinh.voting import Ballot, Council

__all__ = ["CouncilLevel", "Dossier", "Nomination", "RoundInputs", "Stage", "Unit"]


class CouncilLevel(enum.Enum):
    """The council's level (A-19): it decides the deadlines, the cap and who signs (TQ-5)."""

    PROVINCE = "province"
    UNIT = "unit"


class Stage(enum.Enum):
    """Where a nominee's record stands in the work of KT-1 (phát hiện → bồi dưỡng → tổng kết → nhân rộng)."""

    DISCOVER = "discover"
    FOSTER = "foster"
    SUMMARISE = "summarise"
    REPLICATE = "replicate"

    @property
    def vi(self) -> str:
        return {"discover": "phát hiện", "foster": "bồi dưỡng", "summarise": "tổng kết",
                "replicate": "nhân rộng"}[self.value]  # fmt: skip


class Priority(enum.Enum):
    """KT-3's priority groups: reported on, never used to filter."""

    SMALL_COLLECTIVE = "small_collective"
    """A small collective (tập thể nhỏ)."""
    DIRECT_WORKER = "direct_worker"
    """An individual who works directly: labour, production, study, work or combat."""


def _day(value: object, field: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(
            "must be a datetime.date (a day, not a timestamp)", field=field, value=value
        )
    return value


def _opt_day(value: object, field: str) -> dt.date | None:
    return None if value is None else _day(value, field)


def _opt_bool(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidTypeError(
            "must be true, false or unknown (None)", field=attribute.name, value=value
        )


def _nomination_id(value: object) -> str:
    return identifier(value, field="nomination.id")


def _unit_id(value: object) -> str:
    return identifier(value, field="nomination.unit")


def _died_on(value: object) -> dt.date | None:
    return _opt_day(value, "nomination.died_on")


def _stage(value: object) -> Stage | None:
    return None if value is None else to_enum(Stage, value, "nomination.stage")


def _priorities(value: Iterable[object]) -> frozenset[Priority]:
    if isinstance(value, str):
        raise InvalidValueError(
            "must be a list of priority groups", field="nomination.priority", value=value
        )
    return frozenset(to_enum(Priority, v, "nomination.priority") for v in value)


def _supports(value: object) -> CouncilLevel | None:
    return None if value is None else to_enum(CouncilLevel, value, "nomination.supports")


@frozen
class Nomination:
    """One nominee put forward by its unit, with what the eligibility checks read.

    ``consent`` (TQ-2.1a) and ``selected_by_head`` (TQ-4.2) are ``None`` when
    the dossier does not say: the nominee is then *incomplete*, never silently
    eligible or rejected. ``supports`` is the highest level whose standard the
    record meets, when a unit states it (KT-2).
    """

    def __repr__(self) -> str:
        return _short(
            f"<Nomination {self.id!r} of {self.unit!r}: {self.nominee.kind.value}, {len(self.nominee.evidence)} evidence>"
        )

    id: str = attrs.field(converter=_nomination_id)
    unit: str = attrs.field(converter=_unit_id)
    nominee: Nominee = attrs.field()
    consent: bool | None = attrs.field(default=None, validator=_opt_bool, kw_only=True)
    selected_by_head: bool | None = attrs.field(default=None, validator=_opt_bool, kw_only=True)
    died_on: dt.date | None = attrs.field(default=None, converter=_died_on, kw_only=True)
    women_priority: bool = attrs.field(
        default=False, kw_only=True, validator=is_a(bool, "true or false")
    )
    stage: Stage | None = attrs.field(default=None, converter=_stage, kw_only=True)
    priority: frozenset[Priority] = attrs.field(
        factory=frozenset, converter=_priorities, kw_only=True
    )
    supports: CouncilLevel | None = attrs.field(default=None, converter=_supports, kw_only=True)

    @nominee.validator
    def _check_nominee(self, _a: attrs.Attribute[Any], value: object) -> None:

        if not isinstance(value, Nominee):
            raise InvalidTypeError(
                "must be a dienhinh.criteria.Nominee", field="nomination.nominee", value=value
            )

    @property
    def kind(self) -> Any:
        return self.nominee.kind

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "unit": self.unit,
            "nominee": self.nominee.to_json(),
            "consent": self.consent,
            "selected_by_head": self.selected_by_head,
            "died_on": None if self.died_on is None else self.died_on.isoformat(),
            "women_priority": self.women_priority,
            "stage": None if self.stage is None else self.stage.value,
            "priority": sorted(p.value for p in self.priority),
            "supports": None if self.supports is None else self.supports.value,
        }


_UNITS: dict[str, str] = {}
"""Unit ids as a reader gives them → as checked (a round's nominations name a few hundred)."""
_UNITS_KEPT: Final = 10_000


def read_nomination(
    id: Any,
    unit: Any,
    nominee: Any,
    *,
    consent: Any,
    selected_by_head: Any,
    died_on: Any,
    women_priority: Any,
    stage: Any,
    priority: Any,
    supports: Any,
) -> Nomination:
    """``Nomination(...)``, made for a reader: the plain case (no stage, priority or level
    stated, flags as bools) without the converters' calls, a unit's id checked once; anything
    else goes through the public constructor, which raises its own error. Either way the value,
    and any error, is the constructor's (``tests/test_nominee_read_path.py`` compares them).
    """
    if not (
        type(id) is str
        and type(unit) is str
        and type(nominee) is Nominee
        and (consent is None or type(consent) is bool)
        and (selected_by_head is None or type(selected_by_head) is bool)
        and (died_on is None or type(died_on) is dt.date)
        and type(women_priority) is bool
        and stage is None
        and supports is None
        and type(priority) is list
        and not priority
    ):
        return Nomination(
            id, unit, nominee, consent=consent, selected_by_head=selected_by_head,
            died_on=died_on, women_priority=women_priority, stage=stage, priority=priority,
            supports=supports,
        )  # fmt: skip
    nomination_id = _nomination_id(id)  # first, as the constructor checks it first
    unit_id = _UNITS.get(unit)
    if unit_id is None:
        unit_id = _unit_id(unit)
        remember(_UNITS, unit, unit_id, _UNITS_KEPT)
    return assembled(
        Nomination, id=nomination_id, unit=unit_id, nominee=nominee, consent=consent,
        selected_by_head=selected_by_head, died_on=died_on, women_priority=women_priority,
        stage=None, priority=frozenset(), supports=None,
    )  # fmt: skip


def _received(value: object) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime):
        # a timestamp without an offset cannot be placed on a day; refused here, not
        # only where a deadline happens to be judged (a unit without nominations, a unit round).
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(
                "has no UTC offset; judging it would be a guess (A-16)",
                field="dossier.received", value=value,
                allowed="an aware datetime, e.g. 2024-10-29T18:30:00Z or ...+07:00",
            )  # fmt: skip
        return value
    if isinstance(value, dt.date):
        return value
    raise InvalidTypeError(
        "must be a date or an aware datetime", field="dossier.received", value=value
    )


def _reports(value: Iterable[object]) -> frozenset[str]:
    if isinstance(value, str):
        raise InvalidValueError(
            "must be a list of nomination ids", field="dossier.reports", value=value
        )
    return frozenset(identifier(v, field="dossier.reports") for v in value)


def _dossier_unit(value: object) -> str:
    return identifier(value, field="dossier.unit")


def _unit_considered_on(value: object) -> dt.date | None:
    return _opt_day(value, "dossier.unit_considered_on")


@frozen
class Dossier:
    """A unit's dossier to the province (TQ-8.3a) and when it arrived (TQ-8.3b).

    ``reports`` are the nominations with an achievement report (báo cáo thành
    tích); ``unit_considered_on`` is the day of the unit council's meeting
    recorded in its minutes (TQ-6.1a).
    """

    def __repr__(self) -> str:
        return _short(
            f"<Dossier of {self.unit!r}: received {self.received}, {len(self.reports)} reports>"
        )

    unit: str = attrs.field(converter=_dossier_unit)
    received: dt.date | dt.datetime = attrs.field(converter=_received)
    submission_letter: bool = attrs.field(validator=is_a(bool, "true or false"))
    council_minutes: bool = attrs.field(validator=is_a(bool, "true or false"))
    reports: frozenset[str] = attrs.field(converter=_reports)
    unit_considered_on: dt.date | None = attrs.field(
        default=None, converter=_unit_considered_on, kw_only=True
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "received": self.received.isoformat(),
            "submission_letter": self.submission_letter,
            "council_minutes": self.council_minutes,
            "reports": sorted(self.reports),
            "unit_considered_on": None
            if self.unit_considered_on is None
            else self.unit_considered_on.isoformat(),
        }


def _scope(value: object) -> str:
    return identifier(value, field="unit.scope")


def _unit_key(value: object) -> str:
    return identifier(value, field="unit.id")


def _count(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError(
            "must be a whole number ≥ 0", field=f"unit.{attribute.name}", value=value
        )


def _events(value: object) -> tuple[dt.date, ...] | None:
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "must be a list of days (or None: not given)",
            field="unit.honouring_events",
            value=value,
        )
    return tuple(sorted(_day(v, "unit.honouring_events") for v in value))


@frozen
class Unit:
    """A unit subject to a floor (TQ-6.2a, BK-IV.1, NT-V.1đ): its scope and its year's counts.

    ``scope`` is a floor scope of the ruleset (``district-people-committee`` …);
    ``recognised``, ``introduced`` and ``propagated`` are the unit's counts for
    the year, each read by the floors that count it (A-10). Left ``None``,
    ``introduced`` is counted from this round's nominations, and in a unit's
    own round ``recognised`` from the round's recognitions. ``honouring_events``
    are the days the unit held an event honouring its exemplars (a ceremony, a
    conference that honours them), read by an ``honouring`` check (NT-IV.3b);
    ``None``: not given.
    """

    id: str = attrs.field(converter=_unit_key)
    scope: str = attrs.field(converter=_scope)
    recognised: int | None = attrs.field(default=None, validator=_count, kw_only=True)
    introduced: int | None = attrs.field(default=None, validator=_count, kw_only=True)
    propagated: int | None = attrs.field(default=None, validator=_count, kw_only=True)
    honouring_events: tuple[dt.date, ...] | None = attrs.field(
        default=None, converter=_events, kw_only=True
    )

    def count(self, counts: str) -> int | None:
        """The unit's given count of ``counts`` (``introduced``, ``recognised``, ``propagated``)."""
        value: int | None = getattr(self, counts)
        return value

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "scope": self.scope,
            "recognised": self.recognised,
            "introduced": self.introduced,
            "propagated": self.propagated,
        } | _events_json(self.honouring_events)


def _events_json(events: tuple[dt.date, ...] | None) -> dict[str, Any]:
    """Only when given: a unit that names no events keeps the document (and digest) it had."""
    return {} if events is None else {"honouring_events": [d.isoformat() for d in events]}


def _level(value: object) -> CouncilLevel:
    return to_enum(CouncilLevel, value, "level")


def _considered_on(value: object) -> dt.date:
    return _day(value, "considered_on")


def _decided_on(value: object) -> dt.date | None:
    return _opt_day(value, "decided_on")


def _items(value: object, kind: type[Any], field: str) -> list[Any]:
    """The items of a collection, each a ``kind``: a wrong type is an error, never an AttributeError."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"must be a list of {kind.__name__}", field=field, value=value)
    items = list(value)
    for item in items:
        if not isinstance(item, kind):
            raise InvalidTypeError(f"must hold {kind.__name__} objects", field=field, value=item)
    return items


def _nominations(value: Iterable[Nomination]) -> tuple[Nomination, ...]:
    return tuple(sorted(_items(value, Nomination, "nominations"), key=lambda x: x.id))


def _units(value: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(sorted(_items(value, Unit, "units"), key=lambda x: x.id))


def _sorted_by_unit(value: Iterable[Dossier]) -> tuple[Dossier, ...]:
    return tuple(sorted(_items(value, Dossier, "dossiers"), key=lambda d: d.unit))


def _ballots(value: Iterable[Ballot]) -> tuple[Ballot, ...]:

    return tuple(sorted(_items(value, Ballot, "ballots"), key=lambda b: b.member))


def _listed(value: object, field: str) -> list[str]:
    """NFC ids from a collection of ids: one string is not a list of its characters, and a
    repeat is an error, not silently dropped."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError("must be a list of ids", field=field, value=value)
    items = [identifier(v, field=field) for v in value]
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise DuplicateIdError("names one id twice (after NFC)", field=field, value=item)
        seen.add(item)
    return items


def _ids(value: Iterable[object] | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(_listed(value, "chair_choice"))


def _citizens(value: Iterable[object]) -> tuple[str, ...]:
    return tuple(sorted(_listed(value, "exemplary_citizens")))


def _pool_size(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError(
            "must be a whole number ≥ 0", field="national_pool_size", value=value
        )


def _quota(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError("must be a whole number ≥ 0", field="quota", value=value)


def _days_off(value: Iterable[object]) -> tuple[dt.date, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a list of days", field="days_off", value=value)
    return tuple(sorted({_day(v, "days_off") for v in value}))


@frozen
class RoundInputs:
    """Everything a round is computed from; kept in its decision record.

    ``decided_on`` is the day the decision is signed: it dates the base salary
    of the cash reward (TQ-7.1d) and, under A-11 ``before-decision``, the
    posthumous check. Left ``None`` it is the consideration day. ``quota`` is
    the number a unit sets for its own exemplars (TQ-6.2a “Do cơ quan, tổ chức,
    đơn vị quy định”): a unit round only, under a ruleset declaring ``unit-quota``.
    """

    def __repr__(self) -> str:
        return _short(
            f"<RoundInputs {self.ruleset.id} {self.level.value} on {self.considered_on}: {len(self.nominations)} nominations, {len(self.ballots)} ballots, council of {len(self.council.members)}>"
        )

    ruleset: Ruleset
    council: Council
    considered_on: dt.date = attrs.field(converter=_considered_on)
    nominations: tuple[Nomination, ...] = attrs.field(converter=_nominations)
    ballots: tuple[Ballot, ...] = attrs.field(converter=_ballots)
    dossiers: tuple[Dossier, ...] = attrs.field(default=(), converter=_sorted_by_unit)
    level: CouncilLevel = attrs.field(default=CouncilLevel.PROVINCE, converter=_level)
    decided_on: dt.date | None = attrs.field(default=None, converter=_decided_on)
    chair_choice: frozenset[str] | None = attrs.field(default=None, converter=_ids)
    exemplary_citizens: tuple[str, ...] = attrs.field(default=(), converter=_citizens)
    national_pool_size: int | None = attrs.field(default=None, validator=_pool_size)
    units: tuple[Unit, ...] = attrs.field(default=(), converter=_units)
    days_off: tuple[dt.date, ...] = attrs.field(default=(), converter=_days_off)
    readings: Readings = attrs.field(factory=Readings)
    quota: int | None = attrs.field(default=None, validator=_quota, kw_only=True)

    def __attrs_post_init__(self) -> None:
        self._check_types()
        self._check_decided()
        self._check_unique()
        self._check_reports()
        self._check_chair()
        self._check_quota()
        self._check_scopes()

    def _check_types(self) -> None:
        for name, kind in (("ruleset", Ruleset), ("council", Council), ("readings", Readings)):
            if not isinstance(getattr(self, name), kind):
                raise InvalidTypeError(
                    f"must be {a_or_an(kind.__name__)}", field=name, value=getattr(self, name)
                )

    def _check_decided(self) -> None:
        if self.decided_on is not None and self.decided_on < self.considered_on:
            raise InvalidValueError(
                "is before the consideration: a decision is signed after the council considers",
                field="decided_on", value=self.decided_on,
                allowed=f"{self.considered_on} or later",
            )  # fmt: skip

    def _check_unique(self) -> None:
        for name, items, key in (
            ("nominations", self.nominations, "id"),
            ("dossiers", self.dossiers, "unit"),
            ("units", self.units, "id"),
        ):
            seen: set[str] = set()
            for item in items:
                value = getattr(item, key)
                if value in seen:
                    raise DuplicateIdError(
                        "is given twice (ids are compared after NFC)",
                        field=f"{name}.{key}",
                        value=value,
                    )
                seen.add(value)

    def _check_reports(self) -> None:
        by_unit: dict[str, set[str]] = {}  # one pass: linear in nominations + dossiers
        for n in self.nominations:
            by_unit.setdefault(n.unit, set()).add(n.id)
        for dossier in self.dossiers:
            stray = sorted(dossier.reports - by_unit.get(dossier.unit, set()))
            if stray:
                raise UnknownNomineeError(
                    f"dossier of {dossier.unit!r} has achievement reports for {stray!r}, "
                    "who are not nominations of that unit"
                )

    def _check_chair(self) -> None:
        ids = {n.id for n in self.nominations}
        if self.chair_choice is not None and self.chair_choice - ids:
            raise UnknownNomineeError(
                f"chair_choice names {sorted(self.chair_choice - ids)!r}, who are not nominations"
            )

    def _check_quota(self) -> None:
        if self.quota is not None and self.level is not CouncilLevel.UNIT:
            raise InvalidValueError(
                "is a unit's own quota: the province's number is the ruleset's cap",
                field="quota", value=self.quota, allowed="a quota with level = unit",
            )  # fmt: skip

    def _check_scopes(self) -> None:
        scopes = {f.scope for f in self.ruleset.floors}
        for unit in self.units:
            if unit.scope not in scopes:
                raise UnknownIdError(
                    f"unit.scope={unit.scope!r} of unit {unit.id!r} is not a floor scope of "
                    f"{self.ruleset.id}; its scopes: {', '.join(sorted(scopes)) or 'none'}"
                )

    @property
    def decision_day(self) -> dt.date:
        return self.decided_on if self.decided_on is not None else self.considered_on

    def to_json(self) -> dict[str, Any]:
        """The round input document (``docs/schemas/round-input.json``) that re-derives this round.

        The ruleset is named by its id: a record of a round under a province's own
        file re-derives where that id loads the same ruleset.
        """
        return self._document()

    def _document(self, share: Sharing | None = None) -> dict[str, Any]:
        """:meth:`to_json`; with ``share``, a record writer's tree, which shares the evidence
        that nominations hold alike (a unit's attestations)."""
        return document(self, [nomination_json(n, share) for n in self.nominations])


def nomination_json(n: Nomination, share: Sharing | None = None) -> dict[str, Any]:
    """A nomination as the round input document writes it: its nominee's fields inline."""
    return {"id": n.id, "unit": n.unit, **n.nominee._tree(share), "consent": n.consent,
            "selected_by_head": n.selected_by_head,
            "died_on": None if n.died_on is None else n.died_on.isoformat(),
            "women_priority": n.women_priority, "stage": None if n.stage is None else n.stage.value,
            "priority": sorted(p.value for p in n.priority),
            "supports": None if n.supports is None else n.supports.value}  # fmt: skip


def document(inputs: RoundInputs, nominations: Any) -> dict[str, Any]:
    """The round input document with ``nominations`` as given (a list, or a digest's stream)."""
    ids = [n.id for n in inputs.nominations] if inputs.ballots else []
    return {
        "ruleset": inputs.ruleset.id,
        "level": inputs.level.value,
        "council": {"members": list(inputs.council.members), "chair": inputs.council.chair,
                    "seats": inputs.council.seats},
        "considered_on": inputs.considered_on.isoformat(),
        "decided_on": None if inputs.decided_on is None else inputs.decided_on.isoformat(),
        "nominations": nominations,
        "dossiers": [d.to_json() for d in inputs.dossiers],
        "ballots": [{"member": b.member, "approve": approvals_in_order(b, ids),
                     "cast": b.cast.value} for b in inputs.ballots],
        "chair_choice": None if inputs.chair_choice is None else sorted(inputs.chair_choice),
        "exemplary_citizens": list(inputs.exemplary_citizens),
        "national_pool_size": inputs.national_pool_size,
        "units": [u.to_json() for u in inputs.units],
        "days_off": [d.isoformat() for d in inputs.days_off],
        "readings": inputs.readings.to_json(),
        **({} if inputs.quota is None else {"quota": inputs.quota}),
    }  # fmt: skip
