"""The round's JSON input format (``the round-input schema``), read strictly.

A nomination is the nominee document of :mod:`dienhinh.criteria` (kind,
fields, evidence, complete, name) plus what the round's checks read. The
ruleset is a built-in id or a path to a province's own file (relative to the
input file). Imported by the CLI only (it needs cattrs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from dienhinh._errors import DienhinhError, InvalidInputError, InvalidValueError, Problem
from dienhinh._interpretations import Readings
from dienhinh.calendar._time import parse_moment
from dienhinh.io._ballot import BallotDoc, CouncilDoc
from dienhinh.io._json import parse_json, structure
from dienhinh.io._nominee import EvidenceDoc, NomineeDocument, nominee_from
from dienhinh.round._inputs import Dossier, Nomination, RoundInputs, Unit
from dienhinh.rulesets._load import builtin_rulesets, load_ruleset
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import Ballot, Council

__all__ = ["RoundDocument", "parse_round", "round_inputs"]


@attrs.frozen
class NominationDoc:
    id: str
    unit: str
    kind: str
    fields: list[str]
    evidence: list[EvidenceDoc]
    complete: list[str] = attrs.Factory(list)
    name: str | None = None
    consent: bool | None = None
    selected_by_head: bool | None = None
    died_on: dt.date | None = None
    women_priority: bool = False
    stage: str | None = None
    priority: list[str] = attrs.Factory(list)
    supports: str | None = None


@attrs.frozen
class DossierDoc:
    unit: str
    received: str
    submission_letter: bool
    council_minutes: bool
    reports: list[str]
    unit_considered_on: dt.date | None = None


@attrs.frozen
class UnitDoc:
    id: str
    scope: str
    recognised: int | None = None
    introduced: int | None = None
    propagated: int | None = None


@attrs.frozen
class RoundDocument:
    DOCUMENT = "round input"

    ruleset: str
    council: CouncilDoc
    considered_on: dt.date
    nominations: list[NominationDoc]
    ballots: list[BallotDoc]
    dossiers: list[DossierDoc] = attrs.Factory(list)
    level: str = "province"
    decided_on: dt.date | None = None
    chair_choice: list[str] | None = None
    exemplary_citizens: list[str] = attrs.Factory(list)
    national_pool_size: int | None = None
    units: list[UnitDoc] = attrs.Factory(list)
    days_off: list[dt.date] = attrs.Factory(list)
    readings: dict[str, str] = attrs.Factory(dict)
    quota: int | None = None


def _moment(text: str, where: str) -> dt.date | dt.datetime:
    """A day (``YYYY-MM-DD``) or a timestamp with its offset (``…T18:30:00Z``); a naive
    timestamp is refused here, as everywhere (A-16)."""

    return parse_moment(text, field=where)


def _ruleset(name: str, base: Path | None, given: Ruleset | None = None) -> Ruleset:
    if given is not None:
        # The caller's own ruleset (``--ruleset FILE``): it must be the one the document names,
        # by its id or by the path of its file.
        named = Path(name) if base is None or Path(name).is_absolute() else base / name
        same_file = given.source is not None and named.resolve() == Path(given.source).resolve()
        if name != given.id and not same_file:
            raise InvalidValueError(
                f"names ruleset {name!r}, but the ruleset given is {given.id!r}",
                field="ruleset", value=name, allowed=given.id,
            )  # fmt: skip
        return given
    if name in builtin_rulesets():
        return load_ruleset(name)
    if "\0" in name:
        # No file is named with a NUL; the OS would raise a bare ValueError.
        raise InvalidValueError(
            "is neither a built-in ruleset id nor a file path", field="ruleset", value=name
        )
    path = Path(name)
    if base is not None and not path.is_absolute():
        path = base / path
    return load_ruleset(path)


def round_inputs(
    doc: RoundDocument,
    *,
    source: str = "<input>",
    base: Path | None = None,
    ruleset: Ruleset | None = None,
) -> RoundInputs:
    """Domain inputs from a document; every nomination's problem is reported at once."""
    problems: list[Problem] = []
    nominations: list[Nomination] = []
    for i, n in enumerate(doc.nominations):
        try:
            nominee = nominee_from(
                NomineeDocument(n.kind, n.fields, n.evidence, n.complete, n.name),
                source=f"{source}: nominations[{i}]",
            )
            nominations.append(Nomination(
                n.id, n.unit, nominee, consent=n.consent, selected_by_head=n.selected_by_head,
                died_on=n.died_on, women_priority=n.women_priority, stage=n.stage,
                priority=n.priority, supports=n.supports,
            ))  # fmt: skip
        except InvalidInputError as exc:
            problems += [
                attrs.evolve(p, where=f"$.nominations[{i}]{p.where.removeprefix('$')}")
                for p in exc.problems
            ]
        except DienhinhError as exc:
            problems.append(Problem(f"$.nominations[{i}]", str(exc), source=source))
    if problems:
        raise InvalidInputError(f"{source}: invalid round input", problems)
    return RoundInputs(
        ruleset=_ruleset(doc.ruleset, base, ruleset),
        council=Council(doc.council.members, doc.council.chair, seats=doc.council.seats),
        considered_on=doc.considered_on,
        nominations=nominations,
        ballots=[Ballot(b.member, b.approve, b.cast) for b in doc.ballots],
        dossiers=[
            Dossier(
                d.unit,
                _moment(d.received, f"dossiers[{i}].received"),
                d.submission_letter,
                d.council_minutes,
                d.reports,
                unit_considered_on=d.unit_considered_on,
            )
            for i, d in enumerate(doc.dossiers)
        ],
        level=doc.level,
        decided_on=doc.decided_on,
        chair_choice=doc.chair_choice,
        exemplary_citizens=doc.exemplary_citizens,
        national_pool_size=doc.national_pool_size,
        units=[
            Unit(
                u.id,
                u.scope,
                recognised=u.recognised,
                introduced=u.introduced,
                propagated=u.propagated,
            )
            for u in doc.units
        ],
        days_off=doc.days_off,
        readings=Readings(doc.readings),
        quota=doc.quota,
    )


def parse_round(
    data: str | Mapping[str, Any],
    *,
    source: str = "<input>",
    base: Path | None = None,
    ruleset: Ruleset | None = None,
) -> RoundInputs:
    """Round inputs from JSON text or already-parsed data; ``ruleset``: the one the document names."""
    raw = parse_json(data, source=source) if isinstance(data, str) else data
    doc = structure(raw, RoundDocument, source=source)
    return round_inputs(doc, source=source, base=base, ruleset=ruleset)
