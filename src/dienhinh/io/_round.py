"""The round's JSON input format (``the round-input schema``), read strictly.

A nomination is the nominee document of :mod:`dienhinh.criteria` (kind,
fields, evidence, complete, name) plus what the round's checks read. The
ruleset is a built-in id or the id of the ruleset the caller gave (``--ruleset
FILE``, ``ruleset=``); never a path. Imported by the CLI only (it needs cattrs).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Annotated, Any

import attrs

from dienhinh._errors import (
    DienhinhError,
    InvalidInputError,
    InvalidTypeError,
    InvalidValueError,
    Problem,
    UnknownRulesetError,
    describe,
)
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings
from dienhinh._text import did_you_mean
from dienhinh.calendar._time import parse_moment
from dienhinh.io._council import BallotDoc, CouncilDoc
from dienhinh.io._json import NULLABLE, named, parse_json, structure
from dienhinh.io._nominee import EvidenceDoc, NomineeDocument, nominee_from
from dienhinh.round._inputs import Dossier, Nomination, RoundInputs, Unit, read_nomination
from dienhinh.rulesets._load import builtin_rulesets, load_ruleset
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import Ballot, Council

__all__ = ["RoundDocument", "parse_round", "round_inputs"]


@frozen
class NominationDoc:
    id: str
    unit: str
    kind: str
    fields: list[str]
    evidence: list[EvidenceDoc]
    complete: list[str] = attrs.Factory(list)
    name: Annotated[str | None, NULLABLE] = None
    consent: Annotated[bool | None, NULLABLE] = None
    selected_by_head: Annotated[bool | None, NULLABLE] = None
    died_on: Annotated[dt.date | None, NULLABLE] = None
    women_priority: bool = False
    stage: Annotated[str | None, NULLABLE] = None
    priority: list[str] = attrs.Factory(list)
    supports: Annotated[str | None, NULLABLE] = None


@frozen
class DossierDoc:
    unit: str
    received: str
    submission_letter: bool
    council_minutes: bool
    reports: list[str]
    unit_considered_on: Annotated[dt.date | None, NULLABLE] = None


@frozen
class UnitDoc:
    id: str
    scope: str
    recognised: Annotated[int | None, NULLABLE] = None
    introduced: Annotated[int | None, NULLABLE] = None
    propagated: Annotated[int | None, NULLABLE] = None
    honouring_events: Annotated[list[dt.date] | None, NULLABLE] = None


@frozen
class RoundDocument:
    DOCUMENT = "round input"

    ruleset: str
    council: CouncilDoc
    considered_on: dt.date
    nominations: list[NominationDoc]
    ballots: list[BallotDoc]
    dossiers: list[DossierDoc] = attrs.Factory(list)
    level: str = "province"
    decided_on: Annotated[dt.date | None, NULLABLE] = None
    chair_choice: Annotated[list[str] | None, NULLABLE] = None
    exemplary_citizens: list[str] = attrs.Factory(list)
    national_pool_size: Annotated[int | None, NULLABLE] = None
    units: list[UnitDoc] = attrs.Factory(list)
    days_off: list[dt.date] = attrs.Factory(list)
    readings: dict[str, str] = attrs.Factory(dict)
    quota: Annotated[int | None, NULLABLE] = None


def _moment(text: str, where: str) -> dt.date | dt.datetime:
    """A day (``YYYY-MM-DD``) or a timestamp with its offset (``…T18:30:00Z``); a naive
    timestamp is refused here, as everywhere (A-16)."""

    return parse_moment(text, field=where)


def _ruleset(name: str, given: Ruleset | None = None) -> Ruleset:
    """The ruleset a document names: a built-in id, or the id of the ruleset the caller gave.

    A document never names a path: ``"ruleset": "/dev/zero"`` would read until memory
    runs out, ``"/etc/passwd"`` would tell whether a file exists. No file is touched here.
    """
    if given is not None:
        # The caller's own ruleset (``--ruleset FILE``): it must be the one the document names,
        # by its id (or by the very text of the file's name: compared, never opened).
        same_file = given.source is not None and os.path.normpath(name) == os.path.normpath(
            given.source
        )
        if name != given.id and not same_file:
            raise InvalidValueError(
                f"names ruleset {describe(name)}, but the ruleset given is {given.id!r}",
                field="ruleset", value=name, allowed=given.id,
            )  # fmt: skip
        return given
    known = builtin_rulesets()
    if name in known:
        return load_ruleset(name)
    raise UnknownRulesetError(
        f"ruleset={describe(name)}: a document names a built-in ruleset, or one given with "
        f"--ruleset FILE, by its id — never a path{did_you_mean(name, known)}; "
        f"built in: {', '.join(known)}"
    )


def round_inputs(
    doc: RoundDocument,
    *,
    source: str = "<input>",
    ruleset: Ruleset | None = None,
) -> RoundInputs:
    """Domain inputs from a document; every nomination's problem is reported at once.

    ``ruleset`` is the caller's own (loaded from a file the caller named): the document's
    ``"ruleset"`` must be its id, or a built-in id when none is given.
    """
    problems: list[Problem] = []
    nominations: list[Nomination] = []
    for i, n in enumerate(doc.nominations):
        try:
            nominee = nominee_from(
                NomineeDocument(n.kind, n.fields, n.evidence, n.complete, n.name),
                source=f"{source}: nominations[{i}]",
            )
            nominations.append(read_nomination(
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
        ruleset=_ruleset(doc.ruleset, ruleset),
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
                honouring_events=u.honouring_events,
            )
            for u in doc.units
        ],
        days_off=doc.days_off,
        readings=Readings(doc.readings),
        quota=doc.quota,
    )


def parse_round(
    data: str | bytes | Mapping[str, Any],
    *,
    source: str = "<input>",
    ruleset: Ruleset | None = None,
) -> RoundInputs:
    """Round inputs from JSON text or already-parsed data; ``ruleset``: the one the document names."""
    if ruleset is not None and not isinstance(ruleset, Ruleset):
        raise InvalidTypeError("must be a dienhinh.Ruleset or None", field="ruleset", value=ruleset)
    with named(source):
        raw = parse_json(data, source=source) if isinstance(data, str | bytes) else data
        doc = structure(raw, RoundDocument, source=source)
        return round_inputs(doc, source=source, ruleset=ruleset)
