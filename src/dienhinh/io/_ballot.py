"""The ballot's JSON input format (``the ballot-input schema``), read strictly.

Shorthands (``threshold``, ``slots``, …) and full objects (``rule``, ``cap``,
as a result's ``inputs`` carries them) are both accepted, never mixed: a
document says each thing once. Imported by the CLI only (it needs cattrs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import attrs

from dienhinh._documents import draft_notice
from dienhinh._effect import document_notices
from dienhinh._errors import InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._interpretations import INTERPRETATIONS, Readings
from dienhinh._provenance import Citation, Rule
from dienhinh.io._council import BallotDoc, CouncilDoc
from dienhinh.io._json import (
    NULLABLE,
    converter,
    named,
    object_reader,
    parse_json,
    register_fast,
    register_hook,
    structure,
)
from dienhinh.rulesets._load import load_ruleset
from dienhinh.rulesets._toml import national_law
from dienhinh.voting._council import Ballot, Candidate, Council
from dienhinh.voting._result import BallotInputs
from dienhinh.voting._rule import BallotRule, Cap

__all__ = ["BallotDocument", "ballot_inputs", "parse_ballot"]


@frozen
class CitationDoc:
    document: str
    division: str = "article"
    article: Annotated[str | None, NULLABLE] = None
    clause: Annotated[str | None, NULLABLE] = None
    point: Annotated[str | None, NULLABLE] = None
    quote: Annotated[str | None, NULLABLE] = None
    en: str | None = None
    vi: str | None = None
    title_vi: Annotated[str | None, NULLABLE] = None
    title_en: Annotated[str | None, NULLABLE] = None

    def build(self) -> Citation:
        citation = national_law().titled(
            Citation(
                self.document,
                self.article,
                self.clause,
                self.point,
                self.quote,
                division=self.division,  # type: ignore[arg-type]
            )
        )  # a national decree's citation carries the title the national file declares
        rendered = citation.to_json()
        for name in ("en", "vi", "title_vi", "title_en"):
            given = getattr(self, name)
            if given is not None and given != rendered[name]:
                raise InvalidValueError(
                    "does not match the citation's parts",
                    field=f"citation.{name}",
                    value=given,
                    allowed=repr(rendered[name]),
                )
        return citation


@frozen
class RuleRefDoc:
    id: str
    citation: CitationDoc

    def build(self) -> Rule:
        return Rule(self.id, self.citation.build())


@frozen
class RuleDoc:
    threshold: str
    comparison: str = "at_least"
    denominator: str = "total_membership"
    quorum: Annotated[str | None, NULLABLE] = None
    tie_break: str = "undecided"
    rule: Annotated[RuleRefDoc | None, NULLABLE] = None
    tie_rule: Annotated[RuleRefDoc | None, NULLABLE] = None


@frozen
class CapDoc:
    slots: int
    rule: Annotated[RuleRefDoc | None, NULLABLE] = None


@frozen
class NomineeDoc:
    id: str
    kind: str = "individual"
    women_priority: bool = False


@frozen
class BallotDocument:
    """A ballot input document, as read; :func:`ballot_inputs` turns it into domain objects."""

    DOCUMENT = "ballot input"

    council: CouncilDoc
    nominees: list[NomineeDoc]
    ballots: list[BallotDoc]
    chair_choice: Annotated[list[str] | None, NULLABLE] = None
    readings: dict[str, str] = attrs.Factory(dict)
    ruleset: Annotated[str | None, NULLABLE] = None
    rule: Annotated[RuleDoc | None, NULLABLE] = None
    cap: Annotated[CapDoc | None, NULLABLE] = None
    slots: Annotated[int | None, NULLABLE] = None
    threshold: Annotated[str | None, NULLABLE] = None
    comparison: Annotated[str | None, NULLABLE] = None
    denominator: Annotated[str | None, NULLABLE] = None
    quorum: Annotated[str | None, NULLABLE] = None
    tie_break: Annotated[str | None, NULLABLE] = None
    decided_on: Annotated[dt.date | None, NULLABLE] = None


def _nominee_hook() -> Callable[[Any, Any], NomineeDoc]:
    made: list[Callable[[Any, Any], NomineeDoc]] = []  # generated on first use, not at import

    def hook(value: Any, type_: Any) -> NomineeDoc:
        # A nominee may be written as its bare id.
        if isinstance(value, str):
            return NomineeDoc(value)
        if not made:
            from cattrs.gen import make_dict_structure_fn  # the slow path only (io._json)

            made.append(
                make_dict_structure_fn(NomineeDoc, converter(), _cattrs_forbid_extra_keys=True)
            )
        return made[0](value, type_)

    return hook


register_hook(NomineeDoc, _nominee_hook())
_nominee_object = object_reader(NomineeDoc)
register_fast(
    NomineeDoc, lambda value: NomineeDoc(value) if type(value) is str else _nominee_object(value)
)

_SHORTHANDS = ("threshold", "comparison", "denominator", "quorum", "tie_break")

RulesetLookup = Callable[[str, dt.date | None, Readings | None], tuple[BallotRule, Cap | None]]

INPUT_RULE = Rule("INPUT-ballot", Citation("ballot input"))
"""The source of a rule whose parameters the document gives without a provision to cite.

The package knows no province's ballot rule, so a document's own threshold is
cited as what it is: the input's, not TQ-2.1b's (or any document's).
"""

_NO_RULE = (
    "a 'ruleset' id, a 'rule' object (with its 'threshold' and, to cite a provision, its "
    "'rule'), or the shorthand keys threshold/comparison/denominator/quorum/tie_break"
)


def ballot_inputs(doc: BallotDocument, *, ruleset: RulesetLookup | None = None) -> BallotInputs:
    """Domain inputs from a document; ``ruleset`` resolves ``"ruleset": "<id>"``."""
    shorthand = {k: getattr(doc, k) for k in _SHORTHANDS if getattr(doc, k) is not None}
    sources = [
        name
        for name, given in (("ruleset", doc.ruleset), ("rule", doc.rule), ("threshold…", shorthand))
        if given
    ]
    if len(sources) > 1:
        raise InvalidValueError(
            "says the ballot rule twice",
            field="rule",
            value=sources,
            allowed="one of: " + _NO_RULE,
        )
    if not sources:
        raise InvalidValueError(
            "names no ballot rule (no rule is built in)",
            field="rule",
            value=None,
            allowed=_NO_RULE,
        )
    if doc.cap is not None and doc.slots is not None:
        raise InvalidValueError(
            "gives the cap twice ('cap' and 'slots')", field="slots", value=doc.slots
        )
    cap: Cap | None = None
    if doc.ruleset is not None:
        if ruleset is None:  # pragma: no cover - every caller in the package passes one
            raise InvalidValueError(
                "rulesets are not available here", field="ruleset", value=doc.ruleset
            )
        rule, cap = ruleset(doc.ruleset, doc.decided_on, Readings(doc.readings))
    elif doc.rule is not None:
        r = doc.rule
        rule = BallotRule(
            threshold=r.threshold,
            comparison=r.comparison,
            denominator=r.denominator,
            quorum=r.quorum,
            tie_break=r.tie_break,
            rule=r.rule.build() if r.rule is not None else INPUT_RULE,
            tie_rule=r.tie_rule.build() if r.tie_rule is not None else None,
        )
    else:
        if "threshold" not in shorthand:
            raise InvalidValueError(
                "gives the rule's parameters without its threshold",
                field="threshold",
                value=None,
                allowed="a fraction such as '9/10' (no threshold is built in)",
            )
        rule = BallotRule(rule=INPUT_RULE, **shorthand)
    if doc.cap is not None:
        cap = Cap(doc.cap.slots, doc.cap.rule.build() if doc.cap.rule is not None else None)
    elif doc.slots is not None:
        cap = Cap(doc.slots)  # the caller's own number: no provision to cite
    return BallotInputs(
        council=Council(doc.council.members, doc.council.chair, seats=doc.council.seats),
        nominees=[Candidate(n.id, n.kind, women_priority=n.women_priority) for n in doc.nominees],
        ballots=[Ballot(b.member, b.approve, b.cast) for b in doc.ballots],
        rule=rule,
        cap=cap,
        chair_choice=doc.chair_choice,
        readings=Readings(doc.readings),
        ruleset=doc.ruleset,
        decided_on=doc.decided_on,
    )


def parse_ballot(
    data: str | bytes | Mapping[str, Any],
    *,
    source: str = "<input>",
    ruleset: RulesetLookup | None = None,
) -> BallotInputs:
    """Ballot inputs from JSON text or already-parsed data."""
    with named(source):
        raw = parse_json(data, source=source) if isinstance(data, str | bytes) else data
        return ballot_inputs(structure(raw, BallotDocument, source=source), ruleset=ruleset)


_ORDER = {id: n for n, id in enumerate(INTERPRETATIONS)}


def ballot_document(result: Any, given: Any = None) -> dict[str, Any]:
    """The result's JSON; under a ruleset, with its status — a draft is visible (A-18).

    ``given`` is the ruleset counted under when it is not a built-in one (a file).
    """
    doc: dict[str, Any] = result.to_json()
    if result.inputs.ruleset is not None:
        ruleset = given if given is not None else load_ruleset(result.inputs.ruleset)
        day = result.inputs.decided_on
        # A-18; with a decision date, also for that day (a ballot without one has
        # no day to test).
        if day is None:
            used, notes = draft_notice(ruleset, result.inputs.readings)
        else:
            used, notes = document_notices(ruleset, result.inputs.readings, day)
        notes += ruleset.ballot_notices(day)
        if used:  # the readings those notices relied on, as a round lists them
            listed = {*result.used, *used}
            doc["interpretations"] = [
                u.to_json() for u in sorted(listed, key=lambda u: _ORDER[u.id])
            ]
        doc["ruleset"] = {
            "id": ruleset.id,
            "status": ruleset.status.value,
            "blank": list(ruleset.blank),
        }
        doc["reasons"] = [r.to_json() for r in notes] + doc["reasons"]
    return doc
