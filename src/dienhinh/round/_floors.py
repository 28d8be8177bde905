"""Floors (“ít nhất”): each unit against the floors of its scope, counting what each floor counts.

A floor is a compliance report: met, short by how many, unknown (the count
was not given), or no longer in force (A-15). It never pulls anyone in
(A-10). Each floor declares what it counts (``rulesets.FloorCount``): BK-IV.1
the models a unit *introduces* to the provincial council, TQ-6.2a the unit's
own *recognised* exemplars, NT-V.1đ the exemplars *propagated*. Floors run on
their own (:func:`check_floors`, ``dienhinh floors``) and inside a round.

>>> import datetime as dt
>>> from dienhinh import load_ruleset
>>> bk = load_ruleset("bac-kan-2021")
>>> (c,) = check_floors(bk, [Unit("Huyện A", "district-people-committee", introduced=9)],
...                     dt.date(2024, 12, 1))
>>> c.status, c.count, c.shortfall, c.counted
('short', 9, 1, 'introduced')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from dienhinh._errors import InvalidTypeError, UnknownIdError
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._reasons import Reason
from dienhinh._repr import short as _short
from dienhinh.round import _codes as codes
from dienhinh.round._honouring import check_honouring
from dienhinh.round._inputs import Unit
from dienhinh.rulesets._parts import Floor, FloorCount
from dienhinh.rulesets._procedure import Check
from dienhinh.rulesets._ruleset import Ruleset

__all__ = ["FloorCheck", "check_floors", "floor_readings"]


@frozen
class FloorCheck:
    """One unit against one floor: met, short by how many, unknown, or no longer in force (A-10, A-15)."""

    def __repr__(self) -> str:
        return _short(
            f"<FloorCheck {self.unit!r} {self.scope}: {self.count} of at least {self.minimum}, {self.status}>"
        )

    unit: str
    scope: str
    minimum: int
    counted: str
    count: int | None
    status: str
    shortfall: int
    reason: Reason

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "scope": self.scope,
            "minimum": self.minimum,
            "counted": self.counted,
            "count": self.count,
            "status": self.status,
            "shortfall": self.shortfall,
            "reason": self.reason.to_json(),
        }


def floor_readings(readings: Readings, ruleset: Ruleset) -> tuple[UsedReading, ...]:
    """The readings a floor check relies on: A-10, A-15, and the overlap questions its floors ask."""
    questions = {f.question for f in ruleset.floors if f.question is not None}
    return readings.used("A-10", "A-15", *sorted(questions))


def _counted(floor: Floor, readings: Readings) -> FloorCount:
    """A-10: what the floor counts — as its document declares (default), or one count for all."""
    reading = readings["A-10"]
    return floor.counts if reading == "declared" else FloorCount(reading)


def _floors_of(ruleset: Ruleset, unit: Unit, readings: Readings) -> list[Floor]:
    """The floors a unit answers to; A-23 may move a unit onto the floor its scope overlaps."""
    own = [f for f in ruleset.floors if f.scope == unit.scope]
    if readings["A-23"] == "department":
        by_scope = {f.scope: f for f in ruleset.floors}
        return [
            by_scope[f.overlaps] if f.question == "A-23" and f.overlaps in by_scope else f
            for f in own
        ]
    return own


def _check(
    floor: Floor,
    unit: Unit,
    n: int | None,
    counted: FloorCount,
    on: dt.date,
) -> FloorCheck:
    scope_vi, scope_en = floor.scope_vi, floor.scope_en
    if not floor.applies_on(on):
        reason = codes.FLOOR_ENDED(floor.until_rule or floor.rule, unit=unit.id, scope_vi=scope_vi,
                                   scope_en=scope_en, until=floor.until)  # fmt: skip
        return FloorCheck(
            unit.id, floor.scope, floor.minimum, counted.value, None, "ended", 0, reason
        )
    if n is None:
        reason = codes.FLOOR_UNKNOWN(floor.rule, unit=unit.id, minimum=floor.minimum,
                                     counted_vi=counted.vi, counted_en=counted.value)  # fmt: skip
        return FloorCheck(
            unit.id, floor.scope, floor.minimum, counted.value, None, "unknown", 0, reason
        )
    short = max(0, floor.minimum - n)
    params: dict[str, Any] = {"unit": unit.id, "count": n, "minimum": floor.minimum,
                              "scope_vi": scope_vi, "scope_en": scope_en}  # fmt: skip
    if short:
        params["shortfall"] = short
    code = codes.FLOOR_SHORT if short else codes.FLOOR_MET
    status = "short" if short else "met"
    return FloorCheck(unit.id, floor.scope, floor.minimum, counted.value, n, status, short,
                      code(floor.rule, **params))  # fmt: skip


def _together(floor: Floor, units: list[Unit], counted: FloorCount) -> Unit:
    """A-22 together: the units of one scope as one, their counts summed (unknown if any is)."""
    counts = [u.count(counted.value) for u in units]
    total = None if any(c is None for c in counts) else sum(c for c in counts if c is not None)
    return Unit(f"{floor.scope_vi} (chung)", floor.scope, **{counted.value: total})


def check_floors(
    ruleset: Ruleset,
    units: Iterable[Unit],
    on: dt.date,
    *,
    readings: Readings | None = None,
    counts: Mapping[str, Mapping[str, int]] | None = None,
    honouring: Iterable[Check] = (),
) -> tuple[FloorCheck, ...]:
    """Each unit against each floor of its scope on ``on`` (TQ-6.2a, BK-IV.1, NT-V.1đ), then
    against each ``honouring`` check (NT-IV.3b, :mod:`dienhinh.round._honouring`).

    ``counts`` are the counts a round knows of (``{"introduced": {unit: n}}``:
    the round's nominations; ``{"recognised": {unit: n}}``: a unit round's own
    recognitions), used where a unit does not give its own. ``honouring``: the
    honouring checks to apply (a round's at its level; ``dienhinh floors``: all the ruleset
    declares, :func:`~dienhinh.round._honouring.honouring_checks`); none by default.
    """
    chosen = Readings() if readings is None else readings
    if not isinstance(ruleset, Ruleset):
        raise InvalidTypeError("must be a dienhinh.Ruleset", field="ruleset", value=ruleset)
    given = sorted(_units(units), key=lambda u: u.id)
    _check_scopes(ruleset, given)
    known = counts or {}
    out: list[FloorCheck] = []
    together: set[str] = set()
    for unit in given:
        for floor in _floors_of(ruleset, unit, chosen):
            counted = _counted(floor, chosen)
            if floor.question == "A-22" and chosen["A-22"] == "together":
                out += _together_once(floor, unit, given, counted, on, together)
                continue
            n = unit.count(counted.value)
            if n is None:
                n = known.get(counted.value, {}).get(unit.id)
            out.append(_check(floor, unit, n, counted, on))
    out += check_honouring(ruleset, given, on, checks=honouring)
    return tuple(out)


def _check_scopes(ruleset: Ruleset, units: list[Unit]) -> None:
    scopes = {f.scope for f in ruleset.floors}
    for unit in units:
        if unit.scope not in scopes:
            raise UnknownIdError(
                f"unit.scope={unit.scope!r} of unit {unit.id!r} is not a floor scope of "
                f"{ruleset.id}; its scopes: {', '.join(sorted(scopes)) or 'none'}"
            )


def _together_once(
    floor: Floor, unit: Unit, given: list[Unit], counted: FloorCount, on: dt.date, done: set[str]
) -> list[FloorCheck]:
    """A-22 together: one check for the scope's units, the first time the scope comes up."""
    if floor.scope in done:
        return []
    done.add(floor.scope)
    group = _together(floor, [u for u in given if u.scope == unit.scope], counted)
    return [_check(floor, group, group.count(counted.value), counted, on)]


def _units(value: Iterable[Unit]) -> list[Unit]:
    if isinstance(value, str | bytes):
        raise InvalidTypeError("must be a list of Unit", field="units", value=value)
    items = list(value)
    for item in items:
        if not isinstance(item, Unit):
            raise InvalidTypeError("must hold Unit objects", field="units", value=item)
    return items
