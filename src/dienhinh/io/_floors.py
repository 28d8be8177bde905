"""The floors' JSON input (the floors-input schema) and output (floors-output): ``dienhinh floors``.

A floors document names a ruleset (a built-in id, or a province's own file
relative to the document), the day the floors are judged on, and the units
with their counts of the year (``recognised``, ``introduced``,
``propagated``) and, for an ``honouring`` check (NT-IV.3b), the days of their
honouring events; each floor reads the count its document counts (A-10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from dienhinh._effect import document_notices
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings
from dienhinh.io._json import parse_json, structure
from dienhinh.io._round import UnitDoc, _ruleset
from dienhinh.round import FloorCheck, Unit, check_floors
from dienhinh.round._floors import floor_readings
from dienhinh.round._honouring import honouring_checks
from dienhinh.rulesets._ruleset import Ruleset

__all__ = ["FloorsDocument", "floors_document", "parse_floors"]


@frozen
class FloorsDocument:
    DOCUMENT = "floors input"

    ruleset: str
    on: dt.date
    units: list[UnitDoc]
    readings: dict[str, str] = attrs.Factory(dict)


@frozen
class FloorsInputs:
    """What :func:`dienhinh.round.check_floors` is given."""

    ruleset: Ruleset
    on: dt.date
    units: tuple[Unit, ...]
    readings: Readings


def parse_floors(
    data: str | bytes | Mapping[str, Any],
    *,
    source: str = "<input>",
    ruleset: Ruleset | None = None,
) -> FloorsInputs:
    """The floors inputs from JSON text or parsed data; ``ruleset``: the one the document names
    (by its id; a document never names a path)."""
    raw = parse_json(data, source=source) if isinstance(data, str | bytes) else data
    doc = structure(raw, FloorsDocument, source=source)
    units = tuple(
        Unit(u.id, u.scope, recognised=u.recognised, introduced=u.introduced,
             propagated=u.propagated, honouring_events=u.honouring_events)
        for u in doc.units
    )  # fmt: skip
    return FloorsInputs(_ruleset(doc.ruleset, ruleset), doc.on, units, Readings(doc.readings))


def floors_document(inputs: FloorsInputs, checks: tuple[FloorCheck, ...]) -> dict[str, Any]:
    """The output of ``dienhinh floors`` (the floors-output schema)."""
    rs = inputs.ruleset
    used, notes = document_notices(rs, inputs.readings, inputs.on)
    order = list(inputs.readings)
    readings = sorted(
        {*used, *floor_readings(inputs.readings, rs)}, key=lambda u: order.index(u.id)
    )
    return {
        "kind": "floors",
        "ruleset": {"id": rs.id, "status": rs.status.value, "blank": list(rs.blank)},
        "on": inputs.on.isoformat(),
        "floors": [c.to_json() for c in checks],
        "short": sum(1 for c in checks if c.status == "short"),
        "reasons": [r.to_json() for r in notes],
        "interpretations": [u.to_json() for u in readings],
    }


def run_floors(inputs: FloorsInputs) -> tuple[FloorCheck, ...]:
    return check_floors(inputs.ruleset, inputs.units, inputs.on, readings=inputs.readings,
                        honouring=honouring_checks(inputs.ruleset))  # fmt: skip
