"""Honouring events (NT-IV.3b): each unit honours its exemplars at least so many times a year.

Ninh Thuận's plan asks every agency, unit and locality to hold, “ít nhất 01
lần/năm”, an event that commends and honours its exemplars (in person, online
or within a review conference). A ruleset declares it as an ``honouring``
check with its ``minimum`` (``[[checks]]``, ``docs/rulesets.md``); each unit
gives the days of its honouring events (``Unit.honouring_events``). The check
counts, for every unit, the events in the year of the day it is judged on and
reports the unit as met, short by how many, or unknown (no list given) — a
compliance report beside the floors, never a filter on anyone.

>>> import datetime as dt
>>> from dienhinh import load_ruleset
>>> nt = load_ruleset("ninh-thuan-2023")
>>> unit = Unit("Sở A", "department-under-provincial-committee",
...             honouring_events=[dt.date(2023, 12, 28)])
>>> [(c.unit, c.status, c.count) for c in check_honouring(nt, [unit], dt.date(2024, 12, 20))]
[('Sở A', 'short', 0)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from dienhinh._errors import InvalidTypeError
from dienhinh.round import _codes as codes
from dienhinh.round._inputs import Unit
from dienhinh.rulesets._procedure import Check, CheckKind

if TYPE_CHECKING:
    from dienhinh.round._floors import FloorCheck
    from dienhinh.rulesets._ruleset import Ruleset

__all__ = ["COUNTED", "check_honouring", "honouring_checks"]

COUNTED = "honouring-events"
"""What an honouring row counts (a floor row's ``counted``)."""


def honouring_checks(ruleset: Ruleset) -> tuple[Check, ...]:
    """The ``honouring`` checks a ruleset declares (at any level)."""
    return tuple(c for c in ruleset.checks if c.kind is CheckKind.HONOURING)


def check_honouring(
    ruleset: Ruleset,
    units: Iterable[Unit],
    on: dt.date,
    *,
    checks: Iterable[Check] | None = None,
) -> tuple[FloorCheck, ...]:
    """Each unit's honouring events in the year of ``on`` against each ``honouring`` check.

    ``checks`` are the honouring checks to apply (a round passes those of its level);
    ``None``: every one the ruleset declares.
    """
    if isinstance(units, str | bytes):
        raise InvalidTypeError("must be a list of Unit", field="units", value=units)
    from dienhinh.round._floors import FloorCheck  # a cycle inside round: _floors calls this

    chosen = honouring_checks(ruleset) if checks is None else tuple(checks)
    out: list[FloorCheck] = []
    for check in chosen:
        minimum, rule = check.minimum, check.rule
        assert minimum is not None  # Check's own invariant: an honouring check has both
        assert rule is not None
        for unit in sorted(units, key=lambda u: u.id):
            base = {"unit": unit.id, "year": on.year, "minimum": minimum}
            if unit.honouring_events is None:
                reason = codes.HONOURING_UNKNOWN(rule, **base)
                out.append(FloorCheck(unit.id, unit.scope, minimum, COUNTED, None, "unknown", 0,
                                      reason))  # fmt: skip
                continue
            n = sum(1 for day in unit.honouring_events if day.year == on.year)
            short = max(0, minimum - n)
            if short:
                reason = codes.HONOURING_SHORT(rule, count=n, shortfall=short, **base)
            else:
                reason = codes.HONOURING_MET(rule, count=n, **base)
            status = "short" if short else "met"
            out.append(FloorCheck(unit.id, unit.scope, minimum, COUNTED, n, status, short, reason))
    return tuple(out)
