"""The nominee JSON format (``the nominee schema``), read strictly.

Two steps, every problem reported with its path: the text is structured into
plain documents by the package's strict converter (an unknown key, a string
where a number is meant, an impossible date, an unknown evidence ``type``),
then each item is built into its evidence type, whose checks speak the law
(stars 1–5, levels that exist, amounts never negative). Imported by the CLI
only (it needs cattrs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final, cast

import attrs

from dienhinh._batch import remember
from dienhinh._effect import document_notices
from dienhinh._errors import (
    DienhinhError,
    InvalidInputError,
    InvalidValueError,
    Problem,
    VerificationError,
)
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings
from dienhinh._text import a_or_an
from dienhinh.calendar._time import parse_day
from dienhinh.criteria._engine import assess
from dienhinh.criteria._evidence import (
    EVIDENCE_TYPES,
    Attestation,
    Award,
    Certificate,
    Contribution,
    Evidence,
    Figure,
    Initiative,
    Invention,
    Ocop,
    Period,
    Project,
    Rating,
    Title,
)
from dienhinh.criteria._nominee import Nominee, read_nominee
from dienhinh.criteria._vocab import AwardCategoryName, AwardFieldName, LevelName
from dienhinh.io._json import (
    NULLABLE,
    Unsure,
    converter,
    fast,
    named,
    parse_json,
    register_fast,
    register_hook,
    structure,
)
from dienhinh.rulesets._load import load_catalogue, load_ruleset

__all__ = ["NomineeDocument", "nominee_from", "parse_nominee"]


@frozen
class PeriodDoc:
    """``{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}``: the days an achievement covers."""

    from_: dt.date
    to: dt.date

    def build(self) -> Period:
        return Period(self.from_, self.to)


def _period_hook() -> Callable[[Any, Any], Any]:
    # Generated when a document first holds a period, as the evidence types' are (start-up).
    made: list[Callable[[Any, Any], Any]] = []

    def hook(value: Any, type_: Any) -> Any:
        if not made:
            from cattrs.gen import make_dict_structure_fn, override  # the slow path only

            made.append(make_dict_structure_fn(
                PeriodDoc, converter(), _cattrs_forbid_extra_keys=True,
                from_=override(rename="from"),
            ))  # fmt: skip
        return made[0](value, type_)

    return hook


register_hook(PeriodDoc, _period_hook())


def _achieved(doc: Any) -> dict[str, Any]:
    """The optional achievement keys of an item, as the evidence's keyword arguments."""
    return {
        "achieved_on": doc.achieved_on,
        "period": None if doc.period is None else doc.period.build(),
    }


@frozen
class AwardDoc:
    type: str
    level: str
    field: str
    category: str
    date: dt.date
    issuer: str
    name: str | None = None
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        # The strings are checked by the evidence's own converters (a precise error with the path).
        return Award(
            cast(LevelName, self.level),
            cast(AwardFieldName, self.field),
            cast(AwardCategoryName, self.category),
            self.date,
            self.issuer,
            name=self.name,
            ref=self.ref,
            **_achieved(self),
        )


@frozen
class InitiativeDoc:
    type: str
    name: str
    authority: str
    level: str
    date: dt.date
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        return Initiative(
            self.name,
            self.authority,
            cast(LevelName, self.level),
            self.date,
            ref=self.ref,
            **_achieved(self),
        )


@frozen
class OcopDoc:
    type: str
    product: str
    stars: int
    date: dt.date
    issuer: str
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        return Ocop(
            self.product, self.stars, self.date, self.issuer, ref=self.ref, **_achieved(self)
        )


@frozen
class CertificateDoc:
    type: str
    scheme: str
    subject: str
    date: dt.date
    issuer: str
    expires: dt.date | None = None
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        return Certificate(
            self.scheme,
            self.subject,
            self.date,
            self.issuer,
            expires=self.expires,
            ref=self.ref,
            **_achieved(self),
        )


@frozen
class InventionDoc:
    type: str
    name: str
    protection: str
    date: dt.date
    applied: Annotated[bool | None, NULLABLE] = None
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        return Invention(
            self.name,
            self.protection,
            self.date,
            applied=self.applied,
            ref=self.ref,
            **_achieved(self),
        )


@frozen
class ProjectDoc:
    type: str
    name: str
    level: str
    rating: str
    date: dt.date
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        return Project(
            self.name,
            cast(LevelName, self.level),
            self.rating,
            self.date,
            ref=self.ref,
            **_achieved(self),
        )


@frozen
class TitleDoc:
    type: str
    title: str
    year: int
    issuer: str
    date: dt.date | None = None
    ref: str | None = None

    def build(self) -> Evidence:
        return Title(self.title, self.year, self.issuer, date=self.date, ref=self.ref)


@frozen
class RatingDoc:
    type: str
    grade: str
    year: int
    issuer: str
    date: dt.date | None = None
    ref: str | None = None

    def build(self) -> Evidence:
        return Rating(self.grade, self.year, self.issuer, date=self.date, ref=self.ref)


@frozen
class FigureDoc:
    type: str
    metric: str
    year: int
    amount: int

    def build(self) -> Evidence:
        return Figure(self.metric, self.year, self.amount)


@frozen
class ContributionDoc:
    type: str
    kind: str
    amount: int
    purpose: str
    date: dt.date
    unit: str | None = None
    recipient: str | None = None
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        item = Contribution(
            self.kind,
            self.amount,
            self.purpose,
            self.date,
            recipient=self.recipient,
            ref=self.ref,
            **_achieved(self),
        )
        if self.unit is not None and self.unit != item.kind.unit:
            raise InvalidValueError(
                f"is not the unit of {a_or_an(item.kind.value)} contribution", field="contribution.unit",
                value=self.unit, allowed=item.kind.unit,
            )  # fmt: skip
        return item


@frozen
class AttestationDoc:
    type: str
    criterion: str
    authority: str
    signer: str
    date: dt.date
    statement: str
    holds: bool = True
    ref: str | None = None
    achieved_on: dt.date | None = None
    period: PeriodDoc | None = None

    def build(self) -> Evidence:
        return Attestation(
            self.criterion,
            self.authority,
            self.signer,
            self.date,
            self.statement,
            holds=self.holds,
            ref=self.ref,
            **_achieved(self),
        )


_DOCS: dict[str, type[Any]] = {
    "award": AwardDoc, "initiative": InitiativeDoc, "ocop": OcopDoc, "certificate": CertificateDoc,
    "invention": InventionDoc, "project": ProjectDoc, "title": TitleDoc, "rating": RatingDoc,
    "figure": FigureDoc, "contribution": ContributionDoc, "attestation": AttestationDoc,
}  # fmt: skip
assert set(_DOCS) == set(EVIDENCE_TYPES)


class EvidenceDoc:
    """Marker type: one evidence item of any type, dispatched on its ``type`` key."""


def _evidence_hook() -> Callable[[Any, Any], Any]:
    # Each type's structuring function is generated when a document first holds that type
    # (generating all eleven at import was a tenth of `dienhinh demo`).
    hooks: dict[str, Callable[[Any, Any], Any]] = {}

    def hook(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an evidence object, got {type(value).__name__}")
        kind = value.get("type")
        if kind not in _DOCS:
            raise InvalidValueError(
                "is not an evidence type", field="type", value=kind, allowed=", ".join(_DOCS)
            )
        made = hooks.get(kind)
        if made is None:
            from cattrs.gen import make_dict_structure_fn  # the slow path only (io._json)

            made = hooks[kind] = make_dict_structure_fn(
                _DOCS[kind], converter(), _cattrs_forbid_extra_keys=True
            )
        return made(value, _DOCS[kind])

    return hook


register_hook(EvidenceDoc, _evidence_hook())


def _fast_evidence(value: Any) -> Any:
    kind = value.get("type") if type(value) is dict else None
    if type(kind) is not str or kind not in _DOCS:
        raise Unsure
    # A round's nominees repeat the same items (a unit's attestations): an item given again is
    # the document read before (frozen), found by its keys, their values and the values' types.
    values = tuple(value.values())
    key = (tuple(value), tuple(map(type, values)), values)
    try:
        doc = _READ.get(key)
    except TypeError:  # a list or an object among the values: read it afresh
        return fast(value, _DOCS[kind])
    if doc is None:
        doc = fast(value, _DOCS[kind])
        remember(_READ, key, doc, _KEPT)
    return doc


_READ: dict[tuple[Any, ...], Any] = {}
"""Evidence documents read, by what they were read from (see :func:`_fast_evidence`)."""
_BUILT: dict[Any, Evidence] = {}
"""Evidence built, by its document (frozen, compared by value): the same item is one value."""
_BUILT_BY_ID: dict[int, tuple[Any, Evidence]] = {}
"""The same, by the document's identity (the document kept with it, so an id is never reused)."""
_KEPT: Final = 100_000
"""Entries each store keeps (emptied when full: they only save work)."""


register_fast(EvidenceDoc, _fast_evidence)


@frozen
class NomineeDocument:
    """A nominee input document, as read; :func:`nominee_from` builds the :class:`Nominee`."""

    DOCUMENT = "nominee"

    kind: str
    fields: list[str]
    evidence: list[EvidenceDoc]
    complete: list[str] = attrs.Factory(list)
    name: str | None = None


def nominee_from(doc: NomineeDocument, *, source: str = "<input>") -> Nominee:
    """The :class:`Nominee` of a document; every item's problem is reported at once."""
    problems: list[Problem] = []
    items: list[Evidence] = []
    for i, item in enumerate(doc.evidence):
        try:
            # A document the fast reader shares (an item given again) is found by identity
            # first: hashing a frozen document hashes every field.
            same = _BUILT_BY_ID.get(id(item))
            if same is not None and same[0] is item:
                items.append(same[1])
                continue
            built = _BUILT.get(item)
            if built is None:
                built = item.build()  # type: ignore[attr-defined]
                remember(_BUILT, item, built, _KEPT)
            remember(_BUILT_BY_ID, id(item), (item, built), _KEPT)
            items.append(built)
        except DienhinhError as exc:
            problems.append(Problem(f"$.evidence[{i}]", str(exc), source=source))
    if problems:
        raise InvalidInputError(f"{source}: invalid nominee", problems)
    # The public constructor's checks, with what was checked before remembered (the same value).
    return read_nominee(doc.kind, doc.fields, items, doc.complete, doc.name)


def parse_nominee(data: str | bytes | Mapping[str, Any], *, source: str = "<input>") -> Nominee:
    """A :class:`Nominee` from JSON text or already-parsed data (strict; see the schema)."""
    with named(source):
        raw = parse_json(data, source=source) if isinstance(data, str | bytes) else data
        return nominee_from(structure(raw, NomineeDocument, source=source), source=source)


def reassess(inputs: Mapping[str, Any], *, source: str = "<input>", ruleset: Any = None) -> Any:
    """The assessment a record's ``inputs`` describe, computed afresh (for ``dienhinh verify``).

    The record names its catalogue by ruleset id and digest; a catalogue that
    changed since is a :class:`~dienhinh.VerificationError`, not a silent re-run.
    """
    try:
        given, ruleset, digest = ruleset, inputs["ruleset"], inputs["catalogue_digest"]
        window = inputs["window"]
        start = parse_day(window["start"], field="inputs.window.start")
        end = parse_day(window["end"], field="inputs.window.end")
        readings = Readings(dict(inputs.get("readings", {})))
        due = inputs.get("dossier_due")
        dossier_due = None if due is None else parse_day(due, field="inputs.dossier_due")
        nominee_doc = inputs["nominee"]
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidValueError(
            "is not the inputs of an assessment", field=f"{source}: inputs", value=repr(exc)
        ) from None
    catalogue = _catalogue_of(ruleset, given)
    if catalogue.digest != digest:
        raise VerificationError(
            f"{source}: the catalogue of {ruleset} is not the one assessed against "
            f"(record {digest}, now {catalogue.digest})",
            field="catalogue_digest",
        )
    nominee = parse_nominee(nominee_doc, source=f"{source}: inputs.nominee")
    return assess(
        nominee, catalogue, window=(start, end), readings=readings, dossier_due=dossier_due
    )


def _catalogue_of(name: str, given: Any) -> Any:
    """The catalogue of the ruleset ``name``: the caller's own ruleset (``--ruleset FILE``), or a built-in."""
    if given is None:
        return load_catalogue(name)
    if given.id != name or given.catalogue is None:
        raise InvalidValueError(
            f"names ruleset {name!r}, but the ruleset given is {given.id!r}"
            + ("" if given.catalogue is not None else ", which has no criteria catalogue"),
            field="ruleset", value=name, allowed=given.id,
        )  # fmt: skip
    return given.catalogue


def assessment_document(assessment: Any, ruleset: Any = None) -> dict[str, Any]:
    """The assessment's JSON with its ruleset's status: a draft is visible in every result (A-18).

    ``ruleset`` is the ruleset assessed under, when it is not a built-in one (a file).
    """

    doc: dict[str, Any] = assessment.to_json()
    if ruleset is None:
        ruleset = load_ruleset(assessment.catalogue.id)
    # for the window's end (the consideration date, or the day it is capped at)
    _, notes = document_notices(ruleset, assessment.readings, assessment.window_end)
    doc["ruleset"] = {
        "id": ruleset.id,
        "status": ruleset.status.value,
        "blank": list(ruleset.blank),
    }
    doc["reasons"] = [r.to_json() for r in notes]
    return doc
