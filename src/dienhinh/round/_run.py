"""The annual recognition round: nominations → eligibility → ballot → decision.

It composes the parts and re-implements none of them: the window and the
deadlines come from :mod:`dienhinh.calendar`, the standards from
:mod:`dienhinh.criteria`, the vote from :mod:`dienhinh.voting`, every number
from the :class:`~dienhinh.Ruleset`. Its own rules are the procedural ones of
TQ-2.1a, TQ-2.1c, TQ-4, TQ-5, TQ-7.1, TQ-8.3, the floors and KT-1 … KT-3.

A nominee that fails a check never reaches the ballot (*ineligible*); one
whose check cannot be settled on what was given is *incomplete*, with the
facts to ask for — never silently rejected, never silently passed.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import operator
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from dienhinh._batch import batch, remember
from dienhinh._canonical import Sharing, Stream, digest_of
from dienhinh._effect import document_notices
from dienhinh._errors import (
    ChairChoiceError,
    InvalidValueError,
    UnknownNomineeError,
    VerificationError,
)
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._kinds import NomineeKind
from dienhinh._labels import labels
from dienhinh._provenance import Citation, Rule
from dienhinh._reasons import Reason, Severity, listed
from dienhinh._repr import short as _short
from dienhinh._text import identifier
from dienhinh.calendar import achievement_window, last_day_on_time
from dienhinh.criteria import Title
from dienhinh.criteria._vocab import TitleName
from dienhinh.round import _codes as codes
from dienhinh.round import _views
from dienhinh.round._checks import (
    LEVEL_VI,
    NOMINEE_CHECKS,
    Context,
    NomineeCheck,
    is_nominee_check,
)
from dienhinh.round._floors import FloorCheck, check_floors, floor_readings
from dienhinh.round._inputs import (
    CouncilLevel,
    Nomination,
    RoundInputs,
    document,
    nomination_json,
)
from dienhinh.round._views import FloorRow, Lang, OutcomeRow, ReasonRow
from dienhinh.rulesets._procedure import Check, CheckKind, DeadlineRole, NotComputed, check_ids
from dienhinh.voting import Ballot, BallotInputs, BallotResult, Candidate, Cap, Outcome, count

__all__ = [
    "Benefit",
    "FloorCheck",
    "NationalPool",
    "NominationOutcome",
    "RoundDecision",
    "RoundOutcome",
    "RoundStatus",
    "resolve_round",
    "run_round",
    "verify_round",
]


class RoundOutcome(enum.Enum):
    RECOGNISED = "recognised"
    NOT_RECOGNISED = "not_recognised"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"
    AWAITING_CHAIR = "awaiting_chair"
    UNDECIDED = "undecided"


class RoundStatus(enum.Enum):
    FINAL = "final"
    AWAITING_CHAIR = "awaiting_chair"
    UNDECIDED = "undecided"
    NO_QUORUM = "no_quorum"


@frozen
class NominationOutcome:
    """One nomination's outcome with every reason, and what to ask for when incomplete."""

    def __repr__(self) -> str:
        return _short(
            f"<NominationOutcome {self.nomination!r} {self.outcome.value}: {len(self.reasons)} reasons, {len(self.missing)} missing>"
        )

    nomination: str
    unit: str
    kind: NomineeKind
    outcome: RoundOutcome
    reasons: tuple[Reason, ...]
    missing: tuple[Reason, ...] = ()
    name: str | None = None

    def to_html(self, lang: Lang = "vi") -> str:
        """The card of this nomination: its outcome, every reason, what to ask for."""
        return _views.outcome_html(self, lang)

    def _repr_html_(self) -> str:
        return _views.outcome_html(self, "vi")

    def to_json(self) -> dict[str, Any]:
        return self._tree(self.reasons)

    def _tree(self, reasons: Iterable[Reason], share: Sharing | None = None) -> dict[str, Any]:
        """:meth:`to_json` with ``reasons`` in place of its own; with ``share``, the record
        writer's tree: each list of reasons the shared list of the Reasons themselves."""
        return {
            "nominee": self.nomination,
            "name": self.name,
            "unit": self.unit,
            "kind": self.kind.value,
            "outcome": self.outcome.value,
            "reasons": listed(reasons, share),
            "missing": listed(self.missing, share),
        }


def _labels(outcome: str, kind: str, status: str, threshold: str) -> dict[str, Any]:
    """A card's labels, in both languages (``docs/cards.md``)."""
    return {"outcome": labels("outcome", outcome), "kind": labels("kind", kind),
            "status": labels("status", status), "threshold": labels("threshold", threshold)}  # fmt: skip


@frozen
class Benefit:
    """What a recognised nominee receives (TQ-7.1d): certificate and cash, or why not."""

    def __repr__(self) -> str:
        return _short(
            f"<Benefit {self.nomination!r}: certificate={self.certificate}, cash {self.cash:,} VND>"
        )

    nomination: str
    certificate: bool
    cash: int
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "nominee": self.nomination,
            "certificate": self.certificate,
            "cash_vnd": self.cash,
            "reasons": [r.to_json() for r in self.reasons],
        }


@frozen
class NationalPool:
    """Who may be introduced for national propagation (TQ-2.2); the number is an input (TQ-6.3)."""

    def __repr__(self) -> str:
        return _short(f"<NationalPool {len(self.candidates)} candidates, size {self.size}>")

    candidates: tuple[str, ...]
    size: int | None
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "candidates": list(self.candidates),
            "size": self.size,
            "reasons": [r.to_json() for r in self.reasons],
        }


@frozen
class RoundDecision:
    """A round's decision record: every nominee's outcome, the ballot, benefits, pool, floors."""

    def __repr__(self) -> str:
        return _short(
            f"<RoundDecision {self.inputs.ruleset.id} {self.status.value}: {len(self.recognised)} recognised of {len(self.outcomes)}, {len(self.floors)} floors; {self.digest[:19]}…>"
        )

    inputs: RoundInputs
    status: RoundStatus
    window: tuple[dt.date, dt.date] | None
    """The achievement window; ``None`` under a ruleset with neither criteria nor window (KT)."""
    outcomes: tuple[NominationOutcome, ...]
    ballot: BallotResult
    benefits: tuple[Benefit, ...]
    national_pool: NationalPool | None
    floors: tuple[FloorCheck, ...]
    reasons: tuple[Reason, ...]
    used: tuple[UsedReading, ...]
    applied: tuple[str, ...] = ()
    """The checks the round applied, as the ruleset declares them for its level."""
    not_declared: tuple[str, ...] = ()
    """Every check a round at this level can apply that the ruleset does not declare."""
    not_computed: tuple[NotComputed, ...] = ()
    """The document's provisions no round computes, each with why (KT-4): the ruleset's list."""

    @functools.cached_property
    def digest(self) -> str:
        """``sha256:…`` over the round's canonical inputs (:func:`round_digest`): worked out on
        first use and kept, so a national batch that never reads it never hashes its year."""
        return round_digest(self.inputs)

    @property
    def recognised(self) -> tuple[str, ...]:
        """The recognised nominations, in rank order."""
        return tuple(self.ballot.recognised)

    def outcome(self, nomination: str) -> NominationOutcome:
        """The outcome of one nomination (its id NFC-normalised, as the inputs' ids are)."""
        key = identifier(nomination, field="nomination")
        for o in self.outcomes:
            if o.nomination == key:
                return o
        raise UnknownNomineeError(f"nomination={key!r} is not in this round")

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``dienhinh round`` (``docs/schemas/round-output.json``)."""
        return self._tree()

    def _tree(self, share: Sharing | None = None) -> dict[str, Any]:
        """:meth:`to_json`; with ``share``, the record writer's tree, which keeps each Reason
        itself and shares what repeats (lists of reasons, labels, evidence), to write its text
        once (``io._write``)."""
        ruleset = self.inputs.ruleset
        ballot = self.ballot._tree(share, inputs=False)
        inputs = self.inputs._document(share)
        try:
            digest: str = _DIGEST_SLOT.__get__(self)  # read as it is kept: never worked out here
        except AttributeError:
            # Not read yet: hashed from the document the record writes, each nomination's JSON
            # made once for both (the same text round_digest streams), and kept as a first
            # read keeps it (attrs keeps a slotted class's cached property in its slot).
            digest = document_digest(self.inputs, inputs)
            object.__setattr__(self, "digest", digest)
        return {
            "kind": "round",
            "status": self.status.value,
            "ruleset": {
                "id": ruleset.id,
                "status": ruleset.status.value,
                "blank": list(ruleset.blank),
                "digest": ruleset_digest(ruleset),
            },
            "level": self.inputs.level.value,
            "considered_on": self.inputs.considered_on.isoformat(),
            "window": None
            if self.window is None
            else {"start": self.window[0].isoformat(), "end": self.window[1].isoformat()},
            "recognised": list(self.recognised),
            "outcomes": self._cards(share),
            "ballot": ballot,
            "benefits": [b.to_json() for b in self.benefits],
            "national_pool": None if self.national_pool is None else self.national_pool.to_json(),
            "floors": [f.to_json() for f in self.floors],
            "reasons": listed(self.reasons, share),
            "checks": {
                "applied": list(self.applied),
                "not_declared": list(self.not_declared),
                "not_computed": [n.to_json() for n in self.not_computed],
            },
            "interpretations": [u.to_json() for u in self.used],
            "inputs": inputs,
            "digest": digest,
        }

    def _cards(self, share: Sharing | None) -> list[dict[str, Any]]:
        """Each outcome as a card a front end draws as it comes (``docs/cards.md``): its labels
        in both languages, its approvals, rank and threshold verdict, its certificate and cash,
        and its reasons by severity (fail, pending, warning, pass, info), then in procedure order."""
        tally = {t.nominee: t for t in self.ballot.tally}
        benefits = {b.nomination: b for b in self.benefits}
        status = self.status.value
        cards = []
        # Nominees share their reasons (made once, ReasonCode interns them), and most share a
        # whole list: each list is sorted once, found again by its reasons' identities (held
        # by this decision while the cards are made).
        ranked: dict[tuple[int, ...], list[Reason]] = {}
        for o in self.outcomes:
            key = tuple(map(id, o.reasons))
            reasons = ranked.get(key)
            if reasons is None:
                reasons = sorted(o.reasons, key=_by_severity)
                ranked[key] = reasons = reasons if share is None else share.list_of(reasons)
            doc = o._tree(reasons, share)
            t, b = tally.get(o.nomination), benefits.get(o.nomination)
            threshold = "not_voted" if t is None else "met" if t.meets_threshold else "not_met"
            shown = (o.outcome.value, o.kind.value, status, threshold)  # what the labels name
            doc.update({
                "labels": _labels(*shown) if share is None else share.dict_for(shown, _labels),
                "approvals": None if t is None else t.approvals,
                "members": None if t is None else t.members,
                "rank": None if t is None else t.rank,
                "threshold": threshold,
                "certificate": None if b is None else b.certificate,
                "cash_vnd": None if b is None else b.cash,
            })  # fmt: skip
            cards.append(doc)
        return cards

    def to_rows(self, lang: Lang = "vi") -> list[OutcomeRow]:
        """One row per nomination, one type per column (dates as ``date``, counts as ``int``), for
        ``pandas.DataFrame(decision.to_rows())``; texts and labels in ``lang``."""
        return _views.rows(self, lang)

    def reason_rows(self, lang: Lang = "vi") -> list[ReasonRow]:
        """Long format: one row per reason (of each nomination, its benefit, the round)."""
        return _views.reason_rows(self, lang)

    def floor_rows(self, lang: Lang = "vi") -> list[FloorRow]:
        """Long format: one row per unit and floor."""
        return _views.floor_rows(self, lang)

    def to_html(self, lang: Lang = "vi") -> str:
        """The notebook view: a summary, then a compact table (Jupyter shows it by itself)."""
        return _views.round_html(self, lang)

    def _repr_html_(self) -> str:
        return _views.round_html(self, "vi")


# -- the pipeline ------------------------------------------------------------------------------


_SEVERITY_ORDER: Final = {
    s: i
    for i, s in enumerate(
        (Severity.FAIL, Severity.PENDING, Severity.WARNING, Severity.PASS, Severity.INFO)
    )
}


def _by_severity(reason: Reason) -> int:
    """A card's order: what decides first (sorted() is stable: procedure order within)."""
    return _SEVERITY_ORDER[reason.severity]


@batch
def run_round(inputs: RoundInputs) -> RoundDecision:
    """Run a council's round for a year under its ruleset; see the module docstring.

    Each step is one function; each eligibility check one function of
    :mod:`dienhinh.round._checks`, run because the ruleset declares it.

    >>> from dienhinh import load_ruleset, RoundInputs, run_round
    >>> from dienhinh.voting import Council
    >>> council = Council(["m1", "m2"], chair="m1")
    >>> decision = run_round(RoundInputs(load_ruleset("tuyen-quang-2023"), council,
    ...                                  dt.date(2024, 12, 20), nominations=[], ballots=[]))
    >>> decision.status.value, [r.code for r in decision.reasons][:2]
    ('final', ['ruleset.draft', 'round.consideration_date'])
    >>> decision.not_declared
    ('stage', 'award-level-match', 'priority-groups', 'honouring')
    """
    _check_procedure(inputs)
    checks = inputs.ruleset.checks_at(inputs.level.value)
    used: list[UsedReading] = []
    # the draft, the period of effect and the successor, for the decision day.
    draft_used, notes = document_notices(inputs.ruleset, inputs.readings, inputs.decision_day)
    if not (inputs.level is CouncilLevel.UNIT and inputs.readings["A-19"] == "province-only"):
        # A borrowed national ballot rule says so (the A-19 majority cites the reading instead).
        notes += inputs.ruleset.ballot_notices(_ballot_day(inputs))
    if inputs.ruleset.national_ballot is not None:
        used += inputs.readings.used("A-34")
    used += draft_used
    span, window_reasons, window_used = _window(inputs, checks)
    used += window_used
    late, own_reasons, own_used = _own_deadline(inputs, checks)
    used += own_used
    ctx = _context(inputs, checks, span)
    # The checks that judge each nomination, with their functions: chosen once per round.
    per_nominee = tuple(
        NOMINEE_CHECKS[c.kind](c, ctx) for c in checks if is_nominee_check(c, inputs.level)
    )
    # The readings the checks relied on, each tuple once (most are shared by many nominees).
    relied: dict[int, tuple[UsedReading, ...]] = {}
    judged = [_judge(nom, per_nominee, late, relied) for nom in inputs.nominations]
    for found_used in relied.values():
        used += found_used
    eligible = [n for n, j in zip(inputs.nominations, judged, strict=True) if j[2] is None]
    ballot, ignored = _ballot(inputs, checks, eligible)
    used += (*inputs.readings.used("A-19"), *ballot.used)
    status = RoundStatus(ballot.status.value)
    by_ballot = {o.nominee: o for o in ballot.outcomes}
    outcomes = tuple(
        _outcome(n, j, by_ballot, ignored) for n, j in zip(inputs.nominations, judged, strict=True)
    )
    del judged
    chosen = set(ballot.recognised)
    recognised = [n for n in inputs.nominations if n.id in chosen]
    benefit = _benefits(inputs, checks, used)
    benefits = tuple(benefit(n) for n in recognised)
    pool = _pool(inputs, checks, ballot.recognised, status is RoundStatus.FINAL)
    floors = _floors(inputs, checks, chosen, status, used)
    applied, not_declared = _declared(inputs, checks)
    reasons = (
        *notes, *window_reasons, *own_reasons, *_no_catalogue(inputs, checks),
        *_signer(inputs, checks), *_not_declared_reason(inputs, not_declared),
    )  # fmt: skip
    return RoundDecision(
        inputs=inputs,
        status=status,
        window=span,
        outcomes=outcomes,
        ballot=ballot,
        benefits=benefits,
        national_pool=pool,
        floors=floors,
        reasons=reasons,
        used=_in_order(used, inputs.readings),
        applied=applied,
        not_declared=not_declared,
        not_computed=inputs.ruleset.not_computed,
    )


_DIGEST_SLOT: Any = vars(RoundDecision)["digest"]
"""The slot attrs keeps :attr:`RoundDecision.digest` in once worked out (empty until then)."""


def ruleset_digest(ruleset: Any) -> str:
    """SHA-256 over a ruleset's parameters and its catalogue's data: what a record was made under."""
    return digest_of("ruleset", ruleset.to_json(), {"criteria": ruleset.criteria})


def round_digest(inputs: RoundInputs) -> str:
    """SHA-256 over the round's canonical inputs, its ruleset and the library version.

    The nominations are streamed (:class:`~dienhinh._canonical.Stream`): each one's JSON is
    made, hashed and let go, so the digest never holds a second copy of a national year."""
    doc = document(inputs, Stream(lambda: map(nomination_json, inputs.nominations), small=True))
    return document_digest(inputs, doc)


def document_digest(inputs: RoundInputs, doc: dict[str, Any]) -> str:
    """:func:`round_digest` over ``doc``, the input document of ``inputs`` already made
    (``inputs.to_json()``, or with its nominations streamed): a record that writes the
    document anyway hashes the same text without making each nomination's JSON twice."""
    parameters = {"ruleset": inputs.ruleset.to_json(), "criteria": inputs.ruleset.criteria,
                  "readings": inputs.readings.to_json()}  # fmt: skip
    return digest_of("round", doc, parameters)


def _in_order(used: Iterable[UsedReading], readings: Readings) -> tuple[UsedReading, ...]:
    order = list(readings)
    return tuple(sorted({u.id: u for u in used}.values(), key=lambda u: order.index(u.id)))


def _declares(checks: tuple[Check, ...], kind: CheckKind) -> Check | None:
    return next((c for c in checks if c.kind is kind), None)


def _level_text(inputs: RoundInputs) -> dict[str, str]:
    return {"level_vi": LEVEL_VI[inputs.level], "level_en": inputs.level.value}


# -- before the nominees: the window and the level's own deadline --------------------------------


def _own_role(level: CouncilLevel) -> DeadlineRole:
    if level is CouncilLevel.PROVINCE:
        return DeadlineRole.PROVINCE_CONSIDERATION
    return DeadlineRole.UNIT_CONSIDERATION


def _window(
    inputs: RoundInputs, checks: tuple[Check, ...]
) -> tuple[tuple[dt.date, dt.date] | None, tuple[Reason, ...], tuple[UsedReading, ...]]:
    """The window of the consideration date (TQ-3.3; A-2, A-3, A-4), or A-21's for a plan.

    It is needed only to read the evidence against a catalogue: a ruleset
    that declares no ``standards`` check (Kon Tum's letter) runs without one.
    """
    ruleset, readings, day = inputs.ruleset, inputs.readings, inputs.considered_on
    if ruleset.window is None:
        if _declares(checks, CheckKind.STANDARDS) is None:
            reason = codes.CONSIDERATION_NO_WINDOW(
                None, day=day, ruleset=ruleset.id, **_level_text(inputs)
            )
            return None, (reason,), ()
        return _plan_window(inputs)
    own = ruleset.deadline_for(_own_role(inputs.level))
    by_deadline = own is not None and readings["A-2"] == "deadline-date"
    window = achievement_window(
        ruleset, day, readings=readings, deadline=own.name if by_deadline and own else None
    )
    span = (window.start, window.end)
    reason = codes.CONSIDERATION(
        window.rule, day=day, start=span[0], end=span[1], **_level_text(inputs)
    )
    # A-3 literal: a window past the “01 năm” says so in the record that uses it.
    long = tuple(r for r in window.reasons if r.code == "window.longer_than_a_year")
    return span, (reason, *long), window.readings


def _plan_window(
    inputs: RoundInputs,
) -> tuple[tuple[dt.date, dt.date], tuple[Reason, ...], tuple[UsedReading, ...]]:
    """A-21: a plan with criteria and yearly floors, but no period of achievement (BK, NT)."""
    day, readings = inputs.considered_on, inputs.readings
    if readings["A-21"] == "twelve-months":
        start = _year_before(day)
        how = ("mười hai tháng tính đến thời điểm xét", "the twelve months up to the consideration")
    else:
        start = dt.date(day.year, 1, 1)
        how = ("năm dương lịch của thời điểm xét", "the calendar year of the consideration")
    reason = codes.PLAN_WINDOW(None, day=day, ruleset=inputs.ruleset.id, start=start, end=day,
                               how_vi=how[0], how_en=how[1], **_level_text(inputs))  # fmt: skip
    return (start, day), (reason,), readings.used("A-21")


def _year_before(day: dt.date) -> dt.date:
    """The day after the same day a year earlier (29/02 → 01/03)."""
    try:
        return day.replace(year=day.year - 1) + dt.timedelta(days=1)
    except ValueError:
        return dt.date(day.year - 1, 3, 1)


def _own_deadline(
    inputs: RoundInputs, checks: tuple[Check, ...]
) -> tuple[Reason | None, tuple[Reason, ...], tuple[UsedReading, ...]]:
    """TQ-6.1a / TQ-6.1b: the consideration itself on time; a late council fails everyone."""
    role = _own_role(inputs.level)
    if not any(c.role is role for c in checks):
        return None, (), ()
    ctx = Context(inputs, None, None, {}, frozenset())
    judged = ctx.deadline(role, inputs.considered_on)
    verdict = judged.reasons[-1]
    return (None if judged.on_time else verdict), (verdict,), judged.readings


def _check_procedure(inputs: RoundInputs) -> None:
    """A ruleset built in Python is checked here, as a file is when it loads."""
    for where, message, allowed in inputs.ruleset.procedure_problems()[:1]:
        raise InvalidValueError(
            f"{where}: {message}", field="ruleset", value=inputs.ruleset.id, allowed=allowed
        )


def _context(
    inputs: RoundInputs, checks: tuple[Check, ...], span: tuple[dt.date, dt.date] | None
) -> Context:
    catalogue = inputs.ruleset.catalogue
    if _declares(checks, CheckKind.STANDARDS) is not None and catalogue is None:
        raise InvalidValueError(
            "declares the standards check, but its criteria catalogue was not loaded",
            field="ruleset", value=inputs.ruleset.id,
            allowed="a ruleset loaded from its file, beside its catalogue",
        )  # fmt: skip
    dossiers = {d.unit: d for d in inputs.dossiers}
    return Context(
        inputs, span, catalogue, dossiers, frozenset(c.kind for c in checks),
        dossier_due=_dossier_due(inputs),
    )  # fmt: skip


def _dossier_due(inputs: RoundInputs) -> dt.date | None:
    return dossier_due(
        inputs.ruleset, inputs.considered_on, readings=inputs.readings, days_off=inputs.days_off
    )


def dossier_due(
    ruleset: Any,
    considered_on: dt.date,
    *,
    readings: Readings | None = None,
    days_off: Iterable[dt.date] = (),
) -> dt.date | None:
    """The last day a unit's dossier could reach the council: the ruleset's ``dossier-submission``
    deadline of the consideration date's year (TQ-8.3b; A-1, A-17), never after that date.

    The criteria read attestations that state no period against it (A-27); a ruleset without
    such a deadline has none, and its attestations are judged on their signing dates.

    >>> from dienhinh import load_ruleset
    >>> dossier_due(load_ruleset("tuyen-quang-2023"), dt.date(2024, 12, 20))
    datetime.date(2024, 10, 29)
    >>> print(dossier_due(load_ruleset("bac-kan-2021"), dt.date(2024, 12, 20)))
    None
    """
    deadline = ruleset.deadline_for(DeadlineRole.DOSSIER_SUBMISSION)
    if deadline is None:
        return None
    last = last_day_on_time(
        ruleset, deadline.name, considered_on.year, readings=readings, days_off=days_off
    )
    return min(last, considered_on)


def _no_catalogue(inputs: RoundInputs, checks: tuple[Check, ...]) -> tuple[Reason, ...]:
    if _declares(checks, CheckKind.STANDARDS) is not None:
        return ()
    return (codes.NO_CATALOGUE(None, ruleset=inputs.ruleset.id),)


# -- each nominee -------------------------------------------------------------------------------


Judged = tuple[tuple[Reason, ...], tuple[Reason, ...], "RoundOutcome | None"]
"""What the checks found of one nomination: its reasons, the facts to ask for, its state."""


def _judge(
    nom: Nomination,
    checks: tuple[NomineeCheck, ...],
    late: Reason | None,
    relied: dict[int, tuple[UsedReading, ...]],
) -> Judged:
    """Every declared check of the nominee, in the ruleset's order; a late council fails all.

    The readings the checks relied on go to ``relied``, each tuple once by its identity (the
    dict keeps it alive): the round records them, the nominee's outcome does not."""
    reasons: list[Reason] = []
    missing: list[Reason] = []
    for judge in checks:
        its_reasons, asks, used = judge(nom)  # a Found, unpacked at once
        reasons += its_reasons
        if asks:
            missing += asks
        if used:
            relied[id(used)] = used
    if late is not None:
        reasons.append(late)
    return tuple(reasons), tuple(missing), _state(reasons)


_SEVERITY: Final = operator.attrgetter("severity")


def _state(reasons: Iterable[Reason]) -> RoundOutcome | None:
    """INELIGIBLE on a FAIL, INCOMPLETE on a PENDING; ``None``: the nominee reaches the ballot."""
    # By identity, in C: `in` over a list compares identity first (an enum hashes in Python).
    severities = list(map(_SEVERITY, reasons))
    if Severity.FAIL in severities:
        return RoundOutcome.INELIGIBLE
    if Severity.PENDING in severities:
        return RoundOutcome.INCOMPLETE
    return None


_BY_STATUS: Final = {o.value: o for o in RoundOutcome}


def _outcome(
    nom: Nomination, judged: Judged, by_ballot: Mapping[str, Outcome], ignored: Mapping[str, int]
) -> NominationOutcome:
    """One nomination's outcome; ``by_ballot`` indexes the ballot's outcomes once per round,
    ``judged`` is what :func:`_judge` found."""
    reasons, missing, state = judged
    outcome = state or RoundOutcome.NOT_RECOGNISED
    voted = by_ballot.get(nom.id)
    if voted is not None:
        reasons += tuple(voted.reasons)
        outcome = _BY_STATUS[voted.status._value_]
    elif nom.id in ignored:
        reasons += (codes.VOTES_NOT_COUNTED(None, approvals=ignored[nom.id]),)
    nominee = nom.nominee
    return NominationOutcome(nom.id, nom.unit, nominee.kind, outcome, reasons, missing,
                             nominee.name)  # fmt: skip


# -- the ballot among the eligible (TQ-2.1b, TQ-4.3) --------------------------------------------


def _ballot(
    inputs: RoundInputs, checks: tuple[Check, ...], eligible: list[Nomination]
) -> tuple[BallotResult, dict[str, int]]:
    """The ruleset's rule (A-19 at a unit), its cap or the unit's own quota (TQ-6.2; A-9)."""
    ids = {n.id for n in eligible}
    ballots, ignored = _counted_ballots(inputs, ids)
    choice = inputs.chair_choice
    if choice is not None and choice - ids:
        raise ChairChoiceError(
            "names nominations that did not reach the ballot", field="chair_choice",
            value=sorted(choice - ids), allowed="nominations in the tied group",
        )  # fmt: skip
    ballot = count(
        BallotInputs(
            council=inputs.council,
            nominees=[Candidate(n.id, n.kind, women_priority=n.women_priority) for n in eligible],
            ballots=ballots, rule=_ballot_rule(inputs), cap=_cap(inputs, checks), chair_choice=choice,
            readings=inputs.readings,
        )
    )  # fmt: skip
    return ballot, ignored


def _ballot_rule(inputs: RoundInputs) -> Any:
    # The province's own rule, or the national one in force on the decision date (the day
    # the decision is signed; the consideration date where none is given).
    rule = inputs.ruleset.ballot_on(_ballot_day(inputs), inputs.readings)
    if rule is None:
        raise InvalidValueError(
            "defines no ballot rule, which a round needs", field="ruleset",
            value=inputs.ruleset.id, allowed="a ruleset with a [ballot] table (docs/rulesets.md)",
        )  # fmt: skip
    if inputs.level is CouncilLevel.UNIT and inputs.readings["A-19"] == "province-only":
        # Not in the documents: the rule cites the reading, never TQ Art. 2(1)(b)'s “từ 90%”.
        return attrs.evolve(rule, threshold="1/2", comparison="more_than", rule=_A19_MAJORITY)
    return rule


def _ballot_day(inputs: RoundInputs) -> dt.date:
    """A-34: the day that picks a borrowed national ballot rule (decision date by default)."""
    if inputs.readings["A-34"] == "consideration-date":
        return inputs.considered_on
    return inputs.decision_day


_A19_MAJORITY: Final = Rule(
    "A-19",
    Citation(
        "Cách hiểu A-19 “province-only” (không có trong văn bản: đa số quá bán tổng số thành viên "
        "Hội đồng cấp cơ sở)"
    ),
)


def _cap(inputs: RoundInputs, checks: tuple[Check, ...]) -> Cap | None:
    if inputs.level is CouncilLevel.PROVINCE:
        return inputs.ruleset.cap
    if inputs.quota is None:
        return None
    quota = _declares(checks, CheckKind.UNIT_QUOTA)
    if quota is None:
        raise InvalidValueError(
            "is given, but the ruleset declares no unit quota", field="quota", value=inputs.quota,
            allowed=f"no quota, or a ruleset declaring check = 'unit-quota' ({inputs.ruleset.id} does not)",
        )  # fmt: skip
    return Cap(inputs.quota, rule=quota.rule)


def _counted_ballots(inputs: RoundInputs, ids: set[str]) -> tuple[list[Ballot], dict[str, int]]:
    """Each ballot's approvals of the eligible; the approvals of the others are not counted."""
    all_ids = {n.id for n in inputs.nominations}
    others = all_ids - ids  # the few who did not reach the ballot
    ignored: dict[str, int] = {}
    ballots = []
    for b in inputs.ballots:
        if not b.approve <= all_ids:
            unknown = b.approve - all_ids
            raise UnknownNomineeError(
                f"ballot of {b.member!r} approves {sorted(unknown)!r}, who are not nominations of this round"
            )
        dropped = b.approve & others  # C iterates the smaller set
        for n in dropped:
            ignored[n] = ignored.get(n, 0) + 1
        ballots.append(_approving(b, b.approve - dropped) if dropped else b)
    return ballots, ignored


def _approving(ballot: Ballot, approve: frozenset[str]) -> Ballot:
    """``ballot`` approving ``approve``, a subset of its own approvals: attrs.evolve would run the
    converter again (NFC of every id) on ids the ballot already holds checked."""
    kept = copy.copy(ballot)
    object.__setattr__(kept, "approve", approve)
    return kept


# -- after the vote: who signs, benefits, the pool, floors, what was not declared ---------------


def _signer(inputs: RoundInputs, checks: tuple[Check, ...]) -> tuple[Reason, ...]:
    """TQ-5: who signs at this level, as the ruleset declares."""
    signer = _declares(checks, CheckKind.SIGNER)
    if signer is None:
        return ()
    return (codes.SIGNS(signer.rule, authority_vi=signer.signer_vi, authority_en=signer.signer_en),)


def _vnd(amount: int, separator: str) -> str:
    """4680000 → ``4.680.000`` (Vietnamese) or ``4,680,000`` (English)."""
    return f"{amount:,}".replace(",", separator)


def _times(multiplier: Fraction, point: str) -> str:
    """2 → ``2``; 3/2 → ``1,5`` / ``1.5``; exact, never through a float."""
    whole, rest = divmod(multiplier.numerator, multiplier.denominator)
    if rest == 0:
        return str(whole)
    digits = []
    for _ in range(6):  # the multipliers of the decrees are tenths or hundredths
        rest *= 10
        digit, rest = divmod(rest, multiplier.denominator)
        digits.append(str(digit))
        if rest == 0:
            return f"{whole}{point}{''.join(digits)}"
    return f"{multiplier.numerator}/{multiplier.denominator}"


def _benefits(
    inputs: RoundInputs, checks: tuple[Check, ...], used: list[UsedReading]
) -> Callable[[Nomination], Benefit]:
    """:func:`_benefit` with what the round declares looked up once."""
    unit_reward = _declares(checks, CheckKind.UNIT_REWARD)
    declared = _declares(checks, CheckKind.BENEFITS) is not None
    return lambda nom: _benefit(nom, inputs, unit_reward, declared, used)


def _benefit(
    nom: Nomination,
    inputs: RoundInputs,
    unit_reward: Check | None,
    declared: bool,
    used: list[UsedReading],
) -> Benefit:
    """TQ-7.1d: certificate and cash, except an individual who is Công dân tiêu biểu that year
    (A-12: which year; A-28: both withheld, or the cash only). ``unit_reward`` and ``declared``:
    the round's ``unit-reward`` check and whether it declares ``benefits``."""
    ruleset = inputs.ruleset
    if unit_reward is not None:
        return Benefit(nom.id, False, 0, (codes.UNIT_BENEFIT(unit_reward.rule),))
    benefits = ruleset.benefits if declared else None
    if benefits is None:
        # A ruleset that declares no benefits at this level (KT) computes none, rather than borrow.
        return Benefit(nom.id, False, 0, (codes.NO_BENEFITS(None, ruleset=ruleset.id),))
    day = inputs.decision_day
    if nom.kind is NomineeKind.INDIVIDUAL and benefits.excluded_title_vi is not None:
        used += inputs.readings.used("A-12")
        # Listed among the round's Công dân tiêu biểu (TQ-2.2), or holding the title on the
        # evidence in the year A-12 reads.
        year = (
            inputs.considered_on.year
            if nom.id in inputs.exemplary_citizens
            else _citizen_year(nom, day, inputs.readings)
        )
        if year is not None:
            used += inputs.readings.used("A-28")
            if inputs.readings["A-28"] == "cash-only-withheld":
                kept = codes.CASH_WITHHELD_CITIZEN(
                    benefits.rule, title=benefits.excluded_title_vi, year=year,
                    certificate_vi=benefits.certificate_vi, certificate_en=benefits.certificate_en,
                )  # fmt: skip
                return Benefit(nom.id, True, 0, (kept,))
            reason = codes.NO_CASH_CITIZEN(
                benefits.rule, title=benefits.excluded_title_vi, year=year
            )
            return Benefit(nom.id, False, 0, (reason,))
    certificate, amount, reason = _cash(benefits, nom.kind, day)
    return Benefit(nom.id, certificate, amount, (reason,))


_CASH: dict[tuple[int, NomineeKind, dt.date], tuple[Any, tuple[bool, int, Reason]]] = {}
"""Each ruleset's certificate and cash of a kind on a day, worked out once (keyed by the
benefits' identity, which the entry keeps alive)."""


def _cash(benefits: Any, kind: NomineeKind, day: dt.date) -> tuple[bool, int, Reason]:
    """TQ-7.1d: the certificate and the cash of ``kind`` decided on ``day``, with its reason."""
    key = (id(benefits), kind, day)
    hit = _CASH.get(key)
    if hit is not None and hit[0] is benefits:
        return hit[1]
    found = _work_out_cash(benefits, kind, day)
    remember(_CASH, key, (benefits, found), 256)
    return found


def _work_out_cash(benefits: Any, kind: NomineeKind, day: dt.date) -> tuple[bool, int, Reason]:
    decree = benefits.multipliers.at(day)
    if decree.value.of_base(kind) is None:
        # A kind the decree table has no amount for (a household before Decree 152/2025, A-29).
        reason = codes.NO_CASH_AMOUNT(
            decree.rule, certificate_vi=benefits.certificate_vi,
            certificate_en=benefits.certificate_en, kind_vi=kind.vi, kind_en=kind.value,
            day=day,
        )  # fmt: skip
        return True, 0, reason
    cash = benefits.cash(kind, day)
    reason = codes.CASH(
        benefits.rule, certificate_vi=benefits.certificate_vi, certificate_en=benefits.certificate_en,
        amount_vi=_vnd(cash.amount, "."), amount_en=_vnd(cash.amount, ","),
        multiplier_vi=_times(cash.multiplier, ","), multiplier_en=_times(cash.multiplier, "."),
        base_vi=_vnd(cash.base_salary.value, "."), base_en=_vnd(cash.base_salary.value, ","),
        step_vi=_vnd(cash.decree.value.round_up_to, "."), step_en=_vnd(cash.decree.value.round_up_to, ","),
        amount=cash.amount, multiplier=str(cash.multiplier), base=cash.base_salary.value,
        step=cash.decree.value.round_up_to,
    )  # fmt: skip
    return True, cash.amount, reason


def _citizen_year(nom: Nomination, day: dt.date, readings: Readings) -> int | None:
    """The year of a Công dân tiêu biểu title that shares the recognition's year (A-12), if any."""

    for e in nom.nominee.evidence:
        if isinstance(e, Title) and e.title is TitleName.EXEMPLARY_CITIZEN:
            if readings["A-12"] == "calendar-year":
                if e.year == day.year:
                    return e.year
            else:
                # The emulation year 01/10 → 30/09 that contains the decision day.
                start = dt.date(day.year if day.month >= 10 else day.year - 1, 10, 1)
                on = e.date if e.date is not None else dt.date(e.year, 12, 31)
                if start <= on <= dt.date(start.year + 1, 9, 30):
                    return e.year
    return None


def _pool(
    inputs: RoundInputs, checks: tuple[Check, ...], recognised: Iterable[str], final: bool
) -> NationalPool | None:
    """TQ-2.2: the recognised of the year and the year's Công dân tiêu biểu individuals.

    The number to introduce (TQ-6.3) is checked against the candidates once the ballot is
    final: while a tie awaits the chair, the candidates are not all known yet.
    """
    pool = _declares(checks, CheckKind.NATIONAL_POOL)
    if pool is None:
        return None
    candidates = tuple(sorted({*recognised, *inputs.exemplary_citizens}))
    size = inputs.national_pool_size
    reasons = (codes.POOL_CANDIDATES(
        pool.rule, count=len(candidates),
        size_vi="chưa quyết định" if size is None else f"đã quyết định {size}",
        size_en="not decided yet" if size is None else f"decided: {size}",
    ),)  # fmt: skip
    limit = _declares(checks, CheckKind.NATIONAL_POOL_SIZE)
    if limit is not None and final and size is not None and size > len(candidates):
        raise InvalidValueError(
            f"exceeds the {len(candidates)} candidates of the pool", field="national_pool_size",
            value=size, allowed=f"0 … {len(candidates)}", rule=limit.rule.id if limit.rule else None,
        )  # fmt: skip
    return NationalPool(candidates, size, reasons)


def _floors(
    inputs: RoundInputs,
    checks: tuple[Check, ...],
    chosen: set[str],
    status: RoundStatus,
    used: list[UsedReading],
) -> tuple[FloorCheck, ...]:
    """TQ-6.2a, BK-IV.1, NT-V.1đ: each unit against its floors; a shortfall is reported, never filled (A-10).

    The round knows two counts a unit may leave out: its nominations here (introduced
    to this council) and, in the unit's own round once final, its recognitions.
    """
    honouring = tuple(c for c in checks if c.kind is CheckKind.HONOURING)  # NT-IV.3b
    if not inputs.units or (_declares(checks, CheckKind.FLOORS) is None and not honouring):
        return ()
    used += floor_readings(inputs.readings, inputs.ruleset)
    introduced: dict[str, int] = {}
    recognised: dict[str, int] = {}
    for n in inputs.nominations:
        introduced[n.unit] = introduced.get(n.unit, 0) + 1
        if n.id in chosen:
            recognised[n.unit] = recognised.get(n.unit, 0) + 1
    counts: dict[str, Mapping[str, int]] = {
        "introduced": {u.id: introduced.get(u.id, 0) for u in inputs.units}
    }
    if inputs.level is CouncilLevel.UNIT and status is RoundStatus.FINAL:
        units = {n.unit for n in inputs.nominations}
        counts["recognised"] = {
            u.id: recognised.get(u.id, 0) for u in inputs.units if u.id in units
        }
    return check_floors(inputs.ruleset, inputs.units, inputs.considered_on, readings=inputs.readings,
                        counts=counts, honouring=honouring)  # fmt: skip


def _declared(
    inputs: RoundInputs, checks: tuple[Check, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The checks applied, and every check of this level the ruleset does not declare."""
    applied = tuple(c.id for c in checks)
    return applied, tuple(i for i in check_ids(inputs.level.value) if i not in applied)


def _not_declared_reason(inputs: RoundInputs, not_declared: tuple[str, ...]) -> tuple[Reason, ...]:
    if not not_declared:
        return ()
    return (codes.CHECKS_NOT_DECLARED(None, ruleset=inputs.ruleset.id, checks=list(not_declared)),)


def resolve_round(decision: RoundDecision, chair_choice: Iterable[str]) -> RoundDecision:
    """Finish a round awaiting the chair with the chair's choice from the tied group."""
    if not decision.ballot.open_ties:
        raise ChairChoiceError(
            "there is no tie to decide", field="chair_choice", value=sorted(chair_choice)
        )
    return run_round(attrs.evolve(decision.inputs, chair_choice=chair_choice))


def verify_round(decision: RoundDecision) -> RoundDecision:
    """Re-derive ``decision`` from its inputs; :class:`VerificationError` on any difference."""
    fresh = run_round(decision.inputs)
    for a in attrs.fields(RoundDecision):
        if getattr(fresh, a.name) != getattr(decision, a.name):
            raise VerificationError(
                f"the record's {a.name} does not re-derive from its inputs", field=a.name
            )
    return decision
