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

import datetime as dt
import enum
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from dienhinh._canonical import digest_of
from dienhinh._documents import draft_notice
from dienhinh._errors import (
    ChairChoiceError,
    InvalidValueError,
    UnknownNomineeError,
    VerificationError,
)
from dienhinh._html import table
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Citation, Rule
from dienhinh._reasons import Reason, Severity
from dienhinh._text import identifier
from dienhinh.calendar import achievement_window, check_deadline
from dienhinh.criteria import Title, assess, parse_catalogue
from dienhinh.criteria._vocab import TitleName
from dienhinh.round import _codes as codes
from dienhinh.round._inputs import CouncilLevel, Dossier, Nomination, Priority, RoundInputs
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import BallotInputs, BallotRule, Candidate, count

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

if TYPE_CHECKING:
    from dienhinh.rulesets._parts import Floor

NATIONAL_BALLOT = Rule(
    "NĐ91-45.8",
    Citation("Nghị định 91/2017/NĐ-CP", article="45", clause="8"),
)
"""The national council wording (90 % of total membership) used where a ruleset sets no ballot rule."""


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


@attrs.frozen
class NominationOutcome:
    """One nomination's outcome with every reason, and what to ask for when incomplete."""

    nomination: str
    unit: str
    kind: NomineeKind
    outcome: RoundOutcome
    reasons: tuple[Reason, ...]
    missing: tuple[Reason, ...] = ()
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "nominee": self.nomination,
            "name": self.name,
            "unit": self.unit,
            "kind": self.kind.value,
            "outcome": self.outcome.value,
            "reasons": [r.to_json() for r in self.reasons],
            "missing": [r.to_json() for r in self.missing],
        }


@attrs.frozen
class Benefit:
    """What a recognised nominee receives (TQ-7.1d): certificate and cash, or why not."""

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


@attrs.frozen
class NationalPool:
    """Who may be introduced for national propagation (TQ-2.2); the number is an input (TQ-6.3)."""

    candidates: tuple[str, ...]
    size: int | None
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "candidates": list(self.candidates),
            "size": self.size,
            "reasons": [r.to_json() for r in self.reasons],
        }


@attrs.frozen
class FloorCheck:
    """One unit against one floor: met, short by how many, unknown, or no longer in force (A-10, A-15)."""

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


@attrs.frozen
class RoundDecision:
    """A round's decision record: every nominee's outcome, the ballot, benefits, pool, floors."""

    inputs: RoundInputs
    status: RoundStatus
    window: tuple[dt.date, dt.date] | None
    """The achievement window; ``None`` under a ruleset with neither criteria nor window (KT)."""
    outcomes: tuple[NominationOutcome, ...]
    ballot: Any  # dienhinh.voting.BallotResult (kept untyped here so the import stays lazy)
    benefits: tuple[Benefit, ...]
    national_pool: NationalPool | None
    floors: tuple[FloorCheck, ...]
    reasons: tuple[Reason, ...]
    used: tuple[UsedReading, ...]
    digest: str

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
        ruleset = self.inputs.ruleset
        ballot = self.ballot.to_json()
        ballot.pop("inputs")
        return {
            "kind": "round",
            "status": self.status.value,
            "ruleset": {
                "id": ruleset.id,
                "status": ruleset.status.value,
                "blank": list(ruleset.blank),
            },
            "level": self.inputs.level.value,
            "considered_on": self.inputs.considered_on.isoformat(),
            "window": None
            if self.window is None
            else {"start": self.window[0].isoformat(), "end": self.window[1].isoformat()},
            "recognised": list(self.recognised),
            "outcomes": [o.to_json() for o in self.outcomes],
            "ballot": ballot,
            "benefits": [b.to_json() for b in self.benefits],
            "national_pool": None if self.national_pool is None else self.national_pool.to_json(),
            "floors": [f.to_json() for f in self.floors],
            "reasons": [r.to_json() for r in self.reasons],
            "interpretations": [u.to_json() for u in self.used],
            "inputs": self.inputs.to_json(),
            "digest": self.digest,
        }

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat row per nomination, for ``pandas.DataFrame(decision.to_rows())``."""
        tally = {t.nominee: t for t in self.ballot.tally}
        cash = {b.nomination: b.cash for b in self.benefits}
        rows = []
        for o in self.outcomes:
            t = tally.get(o.nomination)
            rows.append({
                "nominee": o.nomination,
                "name": o.name,
                "unit": o.unit,
                "kind": o.kind.value,
                "outcome": o.outcome.value,
                "approvals": None if t is None else t.approvals,
                "rank": None if t is None else t.rank,
                "cash_vnd": cash.get(o.nomination),
                "first_reason": next((r.code for r in o.reasons if r.severity in (Severity.FAIL, Severity.PENDING)), None),
                "missing": [m.en for m in o.missing],
            })  # fmt: skip
        return rows

    def _repr_html_(self) -> str:

        return table(
            self.to_rows(), caption=f"Round {self.inputs.ruleset.id} — {self.status.value}"
        )


# ---------------------------------------------------------------------------------------------


def run_round(inputs: RoundInputs) -> RoundDecision:
    """Run a council's round for a year under its ruleset; see the module docstring.

    >>> from dienhinh import load_ruleset, RoundInputs, run_round
    >>> from dienhinh.voting import Council
    >>> council = Council(["m1", "m2"], chair="m1")
    >>> decision = run_round(RoundInputs(load_ruleset("tuyen-quang-2023"), council,
    ...                                  dt.date(2024, 12, 20), nominations=[], ballots=[]))
    >>> decision.status.value, [r.code for r in decision.reasons][:2]
    ('final', ['ruleset.draft', 'round.consideration_date'])
    """

    ruleset, readings = inputs.ruleset, inputs.readings
    used: list[UsedReading] = []
    draft_used, notes = draft_notice(ruleset, readings)
    used += draft_used
    level = inputs.level
    names = {d.name for d in ruleset.deadlines}
    own_deadline = (
        "province-consideration" if level is CouncilLevel.PROVINCE else "unit-consideration"
    )

    level_vi = {"province": "tỉnh", "unit": "cơ quan, đơn vị"}[level.value]
    round_reasons: list[Reason] = [*notes]
    catalogue = _catalogue(ruleset)

    # The window of the consideration date (TQ-3.3; ). It is only needed to read
    # the evidence against a catalogue: a ruleset with neither (Kon Tum's guidance letter) runs
    # without one; a ruleset with criteria but no window cannot be applied, and says why.
    span: tuple[dt.date, dt.date] | None = None
    if ruleset.window is not None:
        window = achievement_window(
            ruleset, inputs.considered_on, readings=readings,
            deadline=own_deadline if own_deadline in names and readings["A-2"] == "deadline-date" else None,
        )  # fmt: skip
        used += window.readings
        span = (window.start, window.end)
        round_reasons.append(
            codes.CONSIDERATION(window.rule, level_vi=level_vi, level_en=level.value, day=inputs.considered_on,
                                start=span[0], end=span[1])
        )  # fmt: skip
    elif catalogue is not None:
        raise InvalidValueError(
            "has criteria but defines no achievement window, which a round needs to read the "
            "evidence against them",
            field="ruleset", value=ruleset.id, allowed="a ruleset with a [window] table",
        )  # fmt: skip
    else:
        round_reasons.append(
            codes.CONSIDERATION_NO_WINDOW(None, level_vi=level_vi, level_en=level.value,
                                          day=inputs.considered_on, ruleset=ruleset.id)
        )  # fmt: skip

    # The consideration itself on time (TQ-6.1a / TQ-6.1b): a late council fails everyone.
    late_round: Reason | None = None
    if own_deadline in names:
        check = check_deadline(
            ruleset, own_deadline, inputs.considered_on.year, inputs.considered_on,
            readings=readings, days_off=inputs.days_off,
        )  # fmt: skip
        used += check.readings
        verdict = check.reasons[-1]
        round_reasons.append(verdict)
        if not check.on_time:
            late_round = verdict

    if catalogue is None:
        round_reasons.append(codes.NO_CATALOGUE(None, ruleset=ruleset.id))

    dossiers = {d.unit: d for d in inputs.dossiers}
    procedural = level is CouncilLevel.PROVINCE and "dossier-submission" in names
    eligible: list[Nomination] = []
    pending: dict[str, tuple[list[Reason], list[Reason], RoundOutcome]] = {}
    # A unit's dossier is judged once, however many nominees it carries.
    judged: dict[tuple[str, int, dt.date | dt.datetime], Any] = {}

    def check_once(
        ruleset: Ruleset, name: str, year: int, at: dt.date | dt.datetime, **kw: Any
    ) -> Any:
        key = (name, year, at)
        if key not in judged:
            judged[key] = check_deadline(ruleset, name, year, at, **kw)
        return judged[key]

    for nom in inputs.nominations:
        reasons, missing = _eligibility(nom, inputs, ruleset, dossiers.get(nom.unit), procedural, span,
                                        catalogue, used, check_once)  # fmt: skip
        if late_round is not None:
            reasons.append(late_round)
        if any(r.severity is Severity.FAIL for r in reasons):
            state = RoundOutcome.INELIGIBLE
        elif any(r.severity is Severity.PENDING for r in reasons):
            state = RoundOutcome.INCOMPLETE
        else:
            state = RoundOutcome.NOT_RECOGNISED
            eligible.append(nom)
        pending[nom.id] = (reasons, missing, state)

    # The ballot among the eligible (TQ-2.1b, TQ-4.3) with the ruleset's rule and cap (TQ-6.2b; A-19).
    rule = ruleset.ballot if ruleset.ballot is not None else BallotRule(rule=NATIONAL_BALLOT)
    used += readings.used("A-19")
    if level is CouncilLevel.UNIT and readings["A-19"] == "province-only":
        rule = BallotRule(
            threshold="1/2", comparison="more_than", rule=Rule("A-19", rule.rule.citation)
        )
    cap = ruleset.cap if level is CouncilLevel.PROVINCE else None
    ids = {n.id for n in eligible}
    all_ids = {n.id for n in inputs.nominations}
    ignored: dict[str, int] = {}
    ballots = []
    for b in inputs.ballots:
        unknown = b.approve - all_ids
        if unknown:
            raise UnknownNomineeError(
                f"ballot of {b.member!r} approves {sorted(unknown)!r}, who are not nominations of this round"
            )
        dropped = b.approve - ids
        for n in dropped:
            ignored[n] = ignored.get(n, 0) + 1
        ballots.append(attrs.evolve(b, approve=b.approve & ids) if dropped else b)
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
            ballots=ballots, rule=rule, cap=cap, chair_choice=choice, readings=readings,
        )
    )  # fmt: skip
    used += ballot.used
    status = RoundStatus(ballot.status.value)

    by_ballot = {o.nominee: o for o in ballot.outcomes}
    outcomes: list[NominationOutcome] = []
    for nom in inputs.nominations:
        reasons, missing, state = pending[nom.id]
        if nom.id in by_ballot:
            b_out = by_ballot[nom.id]
            reasons = [*reasons, *b_out.reasons]
            state = RoundOutcome(b_out.status.value)
        elif nom.id in ignored:
            reasons = [*reasons, codes.VOTES_NOT_COUNTED(None, approvals=ignored[nom.id])]
        outcomes.append(
            NominationOutcome(
                nom.id, nom.unit, nom.kind, state, tuple(reasons), tuple(missing), nom.nominee.name
            )
        )

    # After the vote: who signs (TQ-5), benefits (TQ-7.1), the national pool (TQ-2.2, TQ-6.3).
    if level is CouncilLevel.PROVINCE:
        round_reasons.append(codes.SIGNS(_cite(codes.AUTHORITY, ruleset), authority_vi="Chủ tịch Ủy ban nhân dân tỉnh",
                                         authority_en="The chairman of the provincial People's Committee"))  # fmt: skip
    else:
        round_reasons.append(codes.SIGNS(_cite(codes.AUTHORITY, ruleset), authority_vi="Người đứng đầu cơ quan, tổ chức, đơn vị",
                                         authority_en="The head of the unit (on the proposal of its council)"))  # fmt: skip
    chosen = set(ballot.recognised)
    recognised = [n for n in inputs.nominations if n.id in chosen]
    benefits = tuple(_benefit(n, inputs, used) for n in recognised)
    final = status is RoundStatus.FINAL
    pool = _pool(inputs, ballot.recognised, final) if level is CouncilLevel.PROVINCE else None
    floors = _floors(inputs, chosen, used)

    order = list(readings)
    kept = sorted({u.id: u for u in used}.values(), key=lambda u: order.index(u.id))
    return RoundDecision(
        inputs=inputs,
        status=status,
        window=span,
        outcomes=tuple(outcomes),
        ballot=ballot,
        benefits=benefits,
        national_pool=pool,
        floors=floors,
        reasons=tuple(round_reasons),
        used=tuple(kept),
        digest=round_digest(inputs),
    )


def round_digest(inputs: RoundInputs) -> str:
    """SHA-256 over the round's canonical inputs, its ruleset and the library version."""
    doc = inputs.to_json()
    parameters = {"ruleset": inputs.ruleset.to_json(), "criteria": inputs.ruleset.criteria,
                  "readings": inputs.readings.to_json()}  # fmt: skip
    return digest_of("round", doc, parameters)


def _catalogue(ruleset: Ruleset) -> Any:
    """The ruleset's criteria catalogue (a few ms to parse, once per round); None where it has none (KT)."""
    if ruleset.criteria is None:
        return None

    return parse_catalogue(ruleset.criteria, source=ruleset.criteria_file or ruleset.id)


def _eligibility(
    nom: Nomination,
    inputs: RoundInputs,
    ruleset: Ruleset,
    dossier: Dossier | None,
    procedural: bool,
    span: tuple[dt.date, dt.date] | None,
    catalogue: Any,
    used: list[UsedReading],
    check_deadline: Any,
) -> tuple[list[Reason], list[Reason]]:
    """Each check a cited reason: FAIL makes the nominee ineligible, PENDING incomplete."""
    readings = inputs.readings
    reasons: list[Reason] = []
    missing: list[Reason] = []

    # TQ-2.1a: recognition is voluntary.
    if nom.consent is True:
        reasons.append(codes.CONSENTED(_cite(codes.CONSENT, ruleset)))
    elif nom.consent is False:
        reasons.append(codes.NO_CONSENT(_cite(codes.CONSENT, ruleset)))
    else:
        reasons.append(r := codes.CONSENT_UNKNOWN(_cite(codes.CONSENT, ruleset)))
        missing.append(r)

    # TQ-2.1c: no posthumous recognition where the ruleset says so.
    if (
        nom.died_on is not None
        and ruleset.posthumous is not None
        and not ruleset.posthumous.allowed
    ):
        used += readings.used("A-11")
        before_decision = readings["A-11"] == "before-decision"
        day = inputs.decision_day if before_decision else inputs.considered_on
        if nom.died_on < day:
            reasons.append(codes.POSTHUMOUS(
                ruleset.posthumous.rule, died_on=nom.died_on, day=day,
                before_vi="ngày ký quyết định" if before_decision else "thời điểm xét tặng",
                before_en="the decision is signed" if before_decision else "the consideration date",
            ))  # fmt: skip

    if procedural:
        # TQ-4.2: chosen by the head of its unit from the unit's own exemplars.
        if nom.selected_by_head is True:
            reasons.append(codes.HEAD_SELECTED(_cite(codes.HEAD, ruleset), unit=nom.unit))
        elif nom.selected_by_head is False:
            reasons.append(codes.HEAD_NOT_SELECTED(_cite(codes.HEAD, ruleset), unit=nom.unit))
        else:
            reasons.append(r := codes.HEAD_UNKNOWN(_cite(codes.HEAD, ruleset), unit=nom.unit))
            missing.append(r)
        # TQ-8.3a: letter, minutes, a report per nominee; TQ-8.3b: received on time; TQ-6.1a.
        if dossier is None:
            reasons.append(r := codes.NO_DOSSIER(_cite(codes.DOSSIER, ruleset), unit=nom.unit))
            missing.append(r)
        else:
            lacking = [
                (vi, en)
                for ok, vi, en in (
                    (dossier.submission_letter, "tờ trình", "the submission letter"),
                    (dossier.council_minutes, "biên bản họp Hội đồng", "the council's minutes"),
                    (nom.id in dossier.reports, f"báo cáo thành tích của {nom.id}", f"the achievement report of {nom.id}"),
                )
                if not ok
            ]  # fmt: skip
            if lacking:
                reasons.append(r := codes.DOSSIER_MISSING(
                    _cite(codes.DOSSIER, ruleset), unit=nom.unit,
                    missing_vi=[vi for vi, _ in lacking], missing_en=[en for _, en in lacking],
                ))  # fmt: skip
                missing.append(r)
            else:
                reasons.append(codes.DOSSIER_COMPLETE(_cite(codes.DOSSIER, ruleset)))
            check = check_deadline(ruleset, "dossier-submission", inputs.considered_on.year, dossier.received,
                                   readings=readings, days_off=inputs.days_off)  # fmt: skip
            used += check.readings
            reasons.append(check.reasons[-1])
            if "unit-consideration" in {d.name for d in ruleset.deadlines}:
                if dossier.unit_considered_on is None:
                    reasons.append(
                        r := codes.UNIT_DATE_UNKNOWN(
                            ruleset.deadline("unit-consideration").rule, unit=nom.unit
                        )
                    )
                    missing.append(r)
                else:
                    # The deadline of the round's year: a unit council meeting in another
                    # year is judged against the deadline it had to meet, not its own year's.
                    check = check_deadline(ruleset, "unit-consideration", inputs.considered_on.year,
                                           dossier.unit_considered_on, readings=readings, days_off=inputs.days_off)  # fmt: skip
                    used += check.readings
                    reasons.append(check.reasons[-1])

    # TQ-3, TQ-4.1: the standards, on the window of the consideration date.
    if catalogue is not None and span is not None:
        result = assess(nom.nominee, catalogue, window=span, readings=readings)
        used += result.used
        if result.verdict.value == "met":
            reasons.append(
                codes.CRITERIA_MET(_cite(codes.STANDARDS, ruleset), start=span[0], end=span[1])
            )
        elif result.verdict.value == "not_met":
            # The failing points one level below the general and field standards (TQ-3.1c, TQ-3.2c …).
            failed = [
                g.id
                for c in result.tree.children
                if c.verdict.value == "not_met"
                for g in ([k for k in c.children if k.verdict.value == "not_met"] or [c])
            ]
            reasons.append(codes.CRITERIA_NOT_MET(_cite(codes.STANDARDS, ruleset), failed=failed or [result.tree.id],
                                                  start=span[0], end=span[1]))  # fmt: skip
        else:
            asks = list(result.missing)
            reasons.append(codes.CRITERIA_UNKNOWN(
                _cite(codes.STANDARDS, ruleset), ask_vi=_asks(asks, "vi"), ask_en=_asks(asks, "en"),
            ))  # fmt: skip
            missing += asks

    # KT-1 … KT-3: the stage and priority are reported; an award above the record is not proposed.
    if nom.stage is not None:
        reasons.append(
            codes.KT_STAGE(codes.KT_STAGES, stage_vi=nom.stage.vi, stage_en=nom.stage.value)
        )
    if nom.supports is not None and _rank(nom.supports) < _rank(inputs.level):
        reasons.append(codes.KT_BELOW_LEVEL(
            codes.KT_LEVEL, supports_vi=_LEVEL_VI[nom.supports], supports_en=nom.supports.value,
            level_vi=_LEVEL_VI[inputs.level], level_en=inputs.level.value,
        ))  # fmt: skip
    if nom.priority:
        groups = sorted(nom.priority, key=lambda p: p.value)
        reasons.append(codes.KT_PRIORITY_GROUP(
            codes.KT_PRIORITY, groups_vi=[_PRIORITY_VI[p] for p in groups], groups_en=[p.value for p in groups],
        ))  # fmt: skip
    return reasons, missing


_LEVEL_VI = {CouncilLevel.UNIT: "cơ quan, đơn vị", CouncilLevel.PROVINCE: "tỉnh"}
_PRIORITY_VI = {
    Priority.SMALL_COLLECTIVE: "tập thể nhỏ",
    Priority.DIRECT_WORKER: "người trực tiếp lao động, sản xuất",
}


def _rank(level: CouncilLevel) -> int:
    return 0 if level is CouncilLevel.UNIT else 1


def _cite(rule: Rule, ruleset: Ruleset) -> Rule | None:
    """A Tuyên Quang provision, cited only in a round under that document.

    The procedural checks come from the normative core (domain §3) and apply to every
    round; under another province's ruleset no text of that province states them, so
    the reason names no provision rather than someone else's.
    """
    return rule if rule.citation.document == ruleset.document.code else None


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


def _asks(asks: list[Reason], lang: str) -> list[str]:
    # Each ask is a sentence; the reason's template adds the final full stop.
    return [
        f"{a.rule.id if a.rule else ''}: {getattr(a, lang)}".lstrip(": ").rstrip(".") for a in asks
    ]


def _benefit(nom: Nomination, inputs: RoundInputs, used: list[UsedReading]) -> Benefit:
    """TQ-7.1d: certificate and cash, except an individual who is Công dân tiêu biểu that year (A-12)."""
    ruleset = inputs.ruleset
    benefits = ruleset.benefits
    if inputs.level is CouncilLevel.UNIT:
        return Benefit(
            nom.id, False, 0, (codes.UNIT_BENEFIT(_cite(codes.UNIT_REWARD, inputs.ruleset)),)
        )
    if benefits is None:
        # A ruleset without a benefits table (KT) computes none, rather than borrow TQ-7.1c.
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
            reason = codes.NO_CASH_CITIZEN(
                benefits.rule, title=benefits.excluded_title_vi, year=year
            )
            return Benefit(nom.id, False, 0, (reason,))
    cash = benefits.cash(nom.kind, day)
    reason = codes.CASH(
        benefits.rule, certificate_vi=benefits.certificate_vi, certificate_en=benefits.certificate_en,
        amount_vi=_vnd(cash.amount, "."), amount_en=_vnd(cash.amount, ","),
        multiplier_vi=_times(cash.multiplier, ","), multiplier_en=_times(cash.multiplier, "."),
        base_vi=_vnd(cash.base_salary.value, "."), base_en=_vnd(cash.base_salary.value, ","),
        step_vi=_vnd(cash.decree.value.round_up_to, "."), step_en=_vnd(cash.decree.value.round_up_to, ","),
    )  # fmt: skip
    return Benefit(nom.id, True, cash.amount, (reason,))


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


def _pool(inputs: RoundInputs, recognised: Iterable[str], final: bool) -> NationalPool:
    """TQ-2.2: the recognised of the year and the year's Công dân tiêu biểu individuals.

    The number to introduce (TQ-6.3) is checked against the candidates once the ballot is
    final: while a tie awaits the chair, the candidates are not all known yet.
    """
    candidates = tuple(sorted({*recognised, *inputs.exemplary_citizens}))
    size = inputs.national_pool_size
    reasons = (codes.POOL_CANDIDATES(
        _cite(codes.POOL, inputs.ruleset), count=len(candidates),
        size_vi="chưa quyết định" if size is None else f"đã quyết định {size}",
        size_en="not decided yet" if size is None else f"decided: {size}",
    ),)  # fmt: skip
    if final and size is not None and size > len(candidates):
        raise InvalidValueError(
            f"exceeds the {len(candidates)} candidates of the pool", field="national_pool_size",
            value=size, allowed=f"0 … {len(candidates)}", rule="TQ-6.3",
        )  # fmt: skip
    return NationalPool(candidates, size, reasons)


def _floors(
    inputs: RoundInputs, recognised: set[str], used: list[UsedReading]
) -> tuple[FloorCheck, ...]:
    """TQ-6.2a, BK-IV.1, NT-V.1đ: each unit against its floor; a shortfall is reported, never filled (A-10)."""
    if not inputs.units:
        return ()
    readings = inputs.readings
    used += readings.used("A-10", "A-15")
    counted = readings["A-10"]
    floors: dict[str, list[Floor]] = {}
    for f in inputs.ruleset.floors:
        floors.setdefault(f.scope, []).append(f)
    out = []
    for unit in inputs.units:
        for floor in floors[unit.scope]:
            if not floor.applies_on(inputs.considered_on):
                reason = codes.FLOOR_ENDED(floor.until_rule or floor.rule, unit=unit.id, scope_vi=floor.scope_vi,
                                           scope_en=floor.scope_en, until=floor.until)  # fmt: skip
                out.append(
                    FloorCheck(
                        unit.id, unit.scope, floor.minimum, counted, None, "ended", 0, reason
                    )
                )
                continue
            n: int | None
            if counted == "introduced":
                n = (
                    unit.introduced
                    if unit.introduced is not None
                    else sum(1 for x in inputs.nominations if x.unit == unit.id)
                )
            else:
                n = unit.recognised
            if n is None:
                reason = codes.FLOOR_UNKNOWN(floor.rule, unit=unit.id, minimum=floor.minimum,
                                             counted_vi="được công nhận", counted_en="recognised")  # fmt: skip
                out.append(
                    FloorCheck(
                        unit.id, unit.scope, floor.minimum, counted, None, "unknown", 0, reason
                    )
                )
                continue
            short = max(0, floor.minimum - n)
            code = codes.FLOOR_SHORT if short else codes.FLOOR_MET
            params: dict[str, Any] = {"unit": unit.id, "count": n, "minimum": floor.minimum,
                                      "scope_vi": floor.scope_vi, "scope_en": floor.scope_en}  # fmt: skip
            if short:
                params["shortfall"] = short
            out.append(FloorCheck(unit.id, unit.scope, floor.minimum, counted, n, "short" if short else "met",
                                  short, code(floor.rule, **params)))  # fmt: skip
    return tuple(out)


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
