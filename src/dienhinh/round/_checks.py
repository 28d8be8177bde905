"""One function per eligibility check a ruleset can declare (``rulesets.CheckKind``).

Each check reads one nomination in its round's context and returns what it
found: reasons (a FAIL makes the nominee ineligible, a PENDING incomplete),
the facts to ask for, and the readings it relied on. Every reason cites the
rule of the ruleset's own declaration, never a provision of another document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Final, NamedTuple

import attrs

from dienhinh._frozen import frozen
from dienhinh._interpretations import UsedReading
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason
from dienhinh.calendar import DeadlineCheck, check_deadline
from dienhinh.criteria import Assessment, Catalogue, Evidence, Nominee, Verdict
from dienhinh.criteria._engine import assessor, used_readings
from dienhinh.round import _codes as codes
from dienhinh.round._inputs import CouncilLevel, Dossier, Nomination, Priority, RoundInputs
from dienhinh.rulesets._procedure import Check, CheckKind, DeadlineRole, DossierPart

__all__ = ["NOMINEE_CHECKS", "Context", "Found", "NomineeCheck", "is_nominee_check"]


class Found(NamedTuple):
    """What one check found about one nomination.

    A named tuple, not an attrs class: one is made for every check of every nominee (10^6
    in a national year), and it is only read, field by field, by the round that made it.
    """

    reasons: tuple[Reason, ...] = ()
    missing: tuple[Reason, ...] = ()
    used: tuple[UsedReading, ...] = ()


_Key = tuple[DeadlineRole, dt.date | dt.datetime]


@frozen
class Context:
    """What every check of one round reads: the inputs, the window, the catalogue, the dossiers.

    ``judged`` keeps each deadline check made, so a unit's dossier is judged
    once however many nominees it carries.
    """

    inputs: RoundInputs
    span: tuple[dt.date, dt.date] | None
    catalogue: Catalogue | None
    dossiers: Mapping[str, Dossier]
    declared: frozenset[CheckKind]
    judged: dict[_Key, DeadlineCheck] = attrs.field(factory=dict, eq=False)
    dossier_due: dt.date | None = attrs.field(default=None, kw_only=True)
    """The last day of the ruleset's dossier-submission deadline, capped at the consideration
    date: what the criteria read an attestation stating no period against (A-27)."""

    def deadline(self, role: DeadlineRole, at: dt.date | dt.datetime) -> DeadlineCheck:
        """The check of ``at`` against the deadline of ``role`` in the round's year."""
        key = (role, at)
        if key not in self.judged:
            ruleset, inputs = self.inputs.ruleset, self.inputs
            deadline = ruleset.deadline_for(role)
            assert deadline is not None  # the ruleset checked it when it loaded
            self.judged[key] = check_deadline(
                ruleset, deadline.name, inputs.considered_on.year, at,
                readings=inputs.readings, days_off=inputs.days_off,
            )  # fmt: skip
        return self.judged[key]


def _rule(check: Check) -> Rule:
    assert check.rule is not None  # a check without a table of its own has its rule (Check)
    return check.rule


NomineeCheck = Callable[[Nomination], Found]
"""One declared check, prepared for one round: it judges one nomination."""

_NOTHING: Final = Found()


def _consent(check: Check, ctx: Context) -> NomineeCheck:
    """TQ-2.1a: recognition is voluntary."""
    rule = _rule(check)
    given, refused = Found((codes.CONSENTED(rule),)), Found((codes.NO_CONSENT(rule),))
    r = codes.CONSENT_UNKNOWN(rule)
    unknown = Found((r,), (r,))

    def judge(nom: Nomination) -> Found:
        if nom.consent is True:
            return given
        return refused if nom.consent is False else unknown

    return judge


def _posthumous(check: Check, ctx: Context) -> NomineeCheck:
    """TQ-2.1c: no posthumous recognition where the ruleset says so (A-11)."""
    posthumous = ctx.inputs.ruleset.posthumous
    assert posthumous is not None  # the ruleset checked it when it loaded
    readings = ctx.inputs.readings

    def judge(nom: Nomination) -> Found:
        if nom.died_on is None or posthumous.allowed:
            return _NOTHING
        reading = readings["A-11"]
        used = readings.used("A-11")
        if reading == "before-consideration":
            day, refused = ctx.inputs.considered_on, nom.died_on < ctx.inputs.considered_on
        else:  # on-or-before-decision (≤, the default) or before-decision (<)
            day = ctx.inputs.decision_day
            refused = (
                nom.died_on <= day if reading == "on-or-before-decision" else nom.died_on < day
            )
        if not refused:
            return Found(used=used)
        before_vi, before_en = _POSTHUMOUS_WHEN[reading]
        reason = codes.POSTHUMOUS(
            posthumous.rule, died_on=nom.died_on, day=day, before_vi=before_vi, before_en=before_en
        )
        return Found((reason,), used=used)

    return judge


_POSTHUMOUS_WHEN = {
    "on-or-before-decision": ("trước hoặc đúng ngày ký quyết định", "on or before the day the decision is signed"),
    "before-decision": ("trước ngày ký quyết định", "before the decision is signed"),
    "before-consideration": ("trước thời điểm xét tặng", "before the consideration date"),
}  # fmt: skip


def _head_selection(check: Check, ctx: Context) -> NomineeCheck:
    """TQ-4.2: chosen by the head of its unit from the unit's own exemplars."""
    rule = _rule(check)
    known: dict[tuple[str, bool | None], Found] = {}  # what a unit's head did, stated once

    def state(unit: str, selected: bool | None) -> Found:
        if selected is True:
            return Found((codes.HEAD_SELECTED(rule, unit=unit),))
        if selected is False:
            return Found((codes.HEAD_NOT_SELECTED(rule, unit=unit),))
        r = codes.HEAD_UNKNOWN(rule, unit=unit)
        return Found((r,), (r,))

    def judge(nom: Nomination) -> Found:
        key = (nom.unit, nom.selected_by_head)
        found = known.get(key)
        if found is None:
            found = known[key] = state(*key)
        return found

    return judge


_PART_TEXT = {
    DossierPart.SUBMISSION_LETTER: ("tờ trình", "the submission letter"),
    DossierPart.COUNCIL_MINUTES: ("biên bản họp Hội đồng", "the council's minutes"),
}


def _lacking(check: Check, nom: Nomination, dossier: Dossier) -> list[tuple[str, str]]:
    out = []
    for part in check.parts:
        if part is DossierPart.ACHIEVEMENT_REPORT:
            if nom.id not in dossier.reports:
                out.append(
                    (f"báo cáo thành tích của {nom.id}", f"the achievement report of {nom.id}")
                )
        elif not getattr(dossier, part.value.replace("-", "_")):
            out.append(_PART_TEXT[part])
    return out


def _dossier(check: Check, ctx: Context) -> NomineeCheck:
    """TQ-8.3a: the unit's dossier, with each part the ruleset requires."""
    rule = _rule(check)
    reports = DossierPart.ACHIEVEMENT_REPORT in check.parts
    # What a unit's dossier says of every nominee whose achievement report it holds (or of
    # every nominee, where the ruleset asks for no report): found once per unit.
    by_unit: dict[str, Found] = {}

    def state(nom: Nomination, dossier: Dossier | None) -> Found:
        if dossier is None:
            r = codes.NO_DOSSIER(rule, unit=nom.unit)
            return Found((r,), (r,))
        lacking = _lacking(check, nom, dossier)
        if lacking:
            r = codes.DOSSIER_MISSING(
                rule, unit=nom.unit,
                missing_vi=[vi for vi, _ in lacking], missing_en=[en for _, en in lacking],
            )  # fmt: skip
            return Found((r,), (r,))
        if set(check.parts) == set(DossierPart):
            return Found((codes.DOSSIER_COMPLETE(rule),))
        vi = [
            _PART_TEXT.get(p, ("báo cáo thành tích", "the achievement report"))[0]
            for p in check.parts
        ]
        en = [
            _PART_TEXT.get(p, ("báo cáo thành tích", "the achievement report"))[1]
            for p in check.parts
        ]
        return Found((codes.DOSSIER_PARTS_COMPLETE(rule, parts_vi=vi, parts_en=en),))

    def judge(nom: Nomination) -> Found:
        dossier = ctx.dossiers.get(nom.unit)
        if reports and dossier is not None and nom.id not in dossier.reports:
            return state(nom, dossier)  # names the nominee's missing report
        found = by_unit.get(nom.unit)
        if found is None:
            found = by_unit[nom.unit] = state(nom, dossier)
        return found

    return judge


def _deadline(check: Check, ctx: Context) -> NomineeCheck:
    """TQ-8.3b, TQ-6.1a at the province: the dossier's arrival and the unit council's meeting.

    It reads the unit's dossier only: judged once per unit."""
    by_unit: dict[str, Found] = {}

    def judge(nom: Nomination) -> Found:
        found = by_unit.get(nom.unit)
        if found is None:
            found = by_unit[nom.unit] = _deadline_of(check, nom.unit, ctx)
        return found

    return judge


def _deadline_of(check: Check, unit: str, ctx: Context) -> Found:
    role = check.role
    assert role is not None
    dossier = ctx.dossiers.get(unit)
    if dossier is None:
        if CheckKind.DOSSIER in ctx.declared:
            return _NOTHING  # the dossier check asks for it
        deadline = ctx.inputs.ruleset.deadline_for(role)
        assert deadline is not None
        r = codes.NO_DOSSIER(deadline.rule, unit=unit)
        return Found((r,), (r,))
    at: dt.date | dt.datetime | None = dossier.received
    if role is DeadlineRole.UNIT_CONSIDERATION:
        at = dossier.unit_considered_on
        if at is None:
            deadline = ctx.inputs.ruleset.deadline_for(role)
            assert deadline is not None
            r = codes.UNIT_DATE_UNKNOWN(deadline.rule, unit=unit)
            return Found((r,), (r,))
    assert at is not None
    # The deadline of the round's year: a unit council meeting in another year is judged
    # against the deadline it had to meet, not its own year's.
    judged = ctx.deadline(role, at)
    if role is DeadlineRole.UNIT_CONSIDERATION and not judged.on_time:
        return _unit_late(unit, ctx, judged)
    return Found((judged.reasons[-1],), used=judged.readings)


def _unit_late(unit: str, ctx: Context, judged: DeadlineCheck) -> Found:
    """A-31: a unit council that met after TQ-6.1a's time, seen from the province.

    TQ-6.1a sets the time of unit-level recognition; TQ-8.3 conditions the province
    dossier. By default the lateness is a warning citing TQ-6.1a; under ``ineligible``
    it is the deadline's own ``deadline.late`` (a fail).
    """
    readings = ctx.inputs.readings
    used = (*judged.readings, *readings.used("A-31"))
    if readings["A-31"] == "ineligible":
        return Found((judged.reasons[-1],), used=used)
    reason = codes.UNIT_LATE_REPORTED(
        judged.deadline.rule, unit=unit, met=judged.submitted_on, days=judged.days_late,
        last_day=judged.last_day_on_time,
    )  # fmt: skip
    return Found((reason,), used=used)


def _standards(check: Check, ctx: Context) -> NomineeCheck:
    """TQ-3, TQ-4.1 (BK-III, NT-IV.2): the standards, on the window of the consideration date."""
    catalogue, span, readings = ctx.catalogue, ctx.span, ctx.inputs.readings
    assert catalogue is not None  # the round checked it
    assert span is not None
    rule = _rule(check)
    assess_one = assessor(catalogue, window=span, readings=readings, dossier_due=ctx.dossier_due)
    met_only = (codes.CRITERIA_MET(rule, start=span[0], end=span[1]),)
    refusals: dict[str, Found | None] = {}  # by kind (its value: an enum hashes in Python)
    cutoffs: dict[str, tuple[dt.date, Rule, bool] | None] = {}  # A-30, by unit

    def refusal(kind: NomineeKind) -> Found | None:
        kind_reading = catalogue.kind_reading(kind)
        if kind_reading is None or kind_reading.admits(readings):
            return None
        # a kind the catalogue judges only under one reading; refused under the others.
        reason = codes.KIND_NOT_RECOGNISED(
            kind_reading.refused, kind_vi=kind.vi, kind_en=kind.value,
            reading=kind_reading.reading, name=readings[kind_reading.reading],
        )  # fmt: skip
        return Found((reason,), used=readings.used(kind_reading.reading))

    def judge(nom: Nomination) -> Found:
        kind = nom.nominee.kind
        key = kind._value_
        if key in refusals:
            refused = refusals[key]
        else:
            refused = refusals[key] = refusal(kind)
        if refused is not None:
            return refused
        unit = nom.unit
        if unit in cutoffs:
            cutoff = cutoffs[unit]
        else:
            cutoff = cutoffs[unit] = dossier_cutoff(nom, ctx)
        nominee, after = _after_dossier(nom, ctx, cutoff)
        found = _standards_found(rule, span, assess_one(nominee), met_only)
        if after is _NOTHING:
            return found
        return Found((*after.reasons, *found.reasons), found.missing, (*after.used, *found.used))

    return judge


def _standards_found(
    rule: Rule, span: tuple[dt.date, dt.date], result: Assessment, met: tuple[Reason]
) -> Found:
    """The standards' verdict as the round's reason (and, when unknown, what to ask for);
    ``met`` is the reason of a met nominee, made once per round.

    The readings relied on are worked out here, not read from ``Assessment.used``: a cached
    property's first read costs three times as much, 10^5 times in a national year."""
    if result.verdict is Verdict.MET:
        return Found(met, (), used_readings(result))  # positionally: a third faster
    if result.verdict is Verdict.NOT_MET:
        # The failing points one level below the general and field standards (TQ-3.1c, TQ-3.2c …).
        failed = [
            g
            for c in result.tree.children
            if c.verdict is Verdict.NOT_MET
            for g in ([k for k in c.children if k.verdict is Verdict.NOT_MET] or [c])
        ] or [result.tree]
        # Each failing criterion by its id and its title, so a card needs no look-up.
        reason = codes.CRITERIA_NOT_MET(
            rule,
            failed=[g.id for g in failed],
            failed_vi=[f"{g.id} ({g.title_vi})" for g in failed],
            failed_en=[f"{g.id} ({g.title_en})" for g in failed],
            start=span[0],
            end=span[1],
        )
        return Found((reason,), used=used_readings(result))
    asks = tuple(result.missing)
    reason = codes.CRITERIA_UNKNOWN(rule, ask_vi=_asks(asks, "vi"), ask_en=_asks(asks, "en"))
    return Found((reason,), asks, used_readings(result))


# -- the document's date against the dossier's receipt ------------------------------------


def document_date(item: Evidence) -> dt.date | None:
    """The date of the document that records an item of evidence (``None``: a yearly figure, an
    undated title or rating) — what A-30 compares with the dossier's receipt."""
    day = getattr(item, "date", None)
    return day if isinstance(day, dt.date) else None


def dossier_cutoff(nom: Nomination, ctx: Context) -> tuple[dt.date, Rule, bool] | None:
    """The last day a document of ``nom``'s dossier may bear (A-30), the rule of the dossier's
    deadline, and whether the day is the receipt (``False``: its last day on time).

    ``None`` where no dossier goes to the council: a unit's own round, or a ruleset that
    declares no ``dossier-submission`` deadline.
    """
    inputs, role = ctx.inputs, DeadlineRole.DOSSIER_SUBMISSION
    if inputs.level is not CouncilLevel.PROVINCE or CheckKind.DEADLINE not in ctx.declared:
        return None
    deadline = inputs.ruleset.deadline_for(role)
    if deadline is None:
        return None
    dossier = ctx.dossiers.get(nom.unit)
    if dossier is not None:
        # The day of receipt as the deadline check reads it (a timestamp in Vietnam time, A-16).
        return ctx.deadline(role, dossier.received).submitted_on, deadline.rule, True
    return ctx.deadline(role, inputs.considered_on).last_day_on_time, deadline.rule, False


def _after_dossier(
    nom: Nomination, ctx: Context, cutoff: tuple[dt.date, Rule, bool] | None
) -> tuple[Nominee, Found]:
    """A-30: the nominee's evidence without the documents dated after its dossier (``ignored``),
    or all of it (``counts-to-consideration``); the reading is recorded only when it decides.
    ``cutoff`` is :func:`dossier_cutoff` of the nomination."""
    if cutoff is None:
        return nom.nominee, _NOTHING
    day, rule, received = cutoff
    evidence = nom.nominee.evidence
    # document_date, inline: every evidence type has a ``date`` (a day, or None).
    late = [i for i, e in enumerate(evidence) if (d := e.date) is not None and d > day]
    if not late:
        return nom.nominee, _NOTHING
    readings = ctx.inputs.readings
    used = readings.used("A-30")
    if readings["A-30"] == "counts-to-consideration":
        return nom.nominee, Found(used=used)
    items = [(evidence[i], document_date(evidence[i])) for i in late]
    reason = codes.EVIDENCE_AFTER_DOSSIER(
        rule, count=len(late), cutoff=day, indexes=late,
        cutoff_vi="ngày hồ sơ được tiếp nhận" if received else "ngày cuối cùng của hạn nộp hồ sơ",
        cutoff_en="the day the dossier was received" if received else "the dossier's last day on time",
        items_vi=[f"#{i} {e.TYPE} ({d:%d/%m/%Y})" for i, (e, d) in zip(late, items, strict=True)],
        items_en=[f"#{i} {e.TYPE} ({d:%Y-%m-%d})" for i, (e, d) in zip(late, items, strict=True)],
    )  # fmt: skip
    dropped = set(late)
    kept = [e for i, e in enumerate(evidence) if i not in dropped]
    return attrs.evolve(nom.nominee, evidence=kept), Found((reason,), used=used)


def _asks(asks: tuple[Reason, ...], lang: str) -> list[str]:
    # Each ask is a sentence; the reason's template adds the final full stop.
    return [
        f"{a.rule.id if a.rule else ''}: {getattr(a, lang)}".lstrip(": ").rstrip(".") for a in asks
    ]


def _stage(check: Check, ctx: Context) -> NomineeCheck:
    """KT-1, BK-IV.1: the stage of the record is reported, cited to the ruleset that declares the
    check, and changes nothing."""

    def judge(nom: Nomination) -> Found:
        if nom.stage is None:
            return _NOTHING
        stage = nom.stage
        return Found((codes.KT_STAGE(_rule(check), stage_vi=stage.vi, stage_en=stage.value),))

    return judge


LEVEL_VI = {CouncilLevel.UNIT: "cơ quan, đơn vị", CouncilLevel.PROVINCE: "tỉnh"}
_RANK = {CouncilLevel.UNIT: 0, CouncilLevel.PROVINCE: 1}


def _award_level(check: Check, ctx: Context) -> NomineeCheck:
    """KT-2: the award the record supports, no higher and no lower."""
    return lambda nom: _award_level_of(check, nom, ctx)


def _award_level_of(check: Check, nom: Nomination, ctx: Context) -> Found:
    supports, level = nom.supports, ctx.inputs.level
    if supports is None:
        return _NOTHING
    if supports is level:
        return Found(
            (
                codes.AWARD_MATCHES_RECORD(
                    _rule(check), level_vi=LEVEL_VI[level], level_en=level.value
                ),
            )
        )
    code = codes.KT_BELOW_LEVEL if _RANK[supports] < _RANK[level] else codes.AWARD_BELOW_RECORD
    reason = code(
        _rule(check), supports_vi=LEVEL_VI[supports], supports_en=supports.value,
        level_vi=LEVEL_VI[level], level_en=level.value,
    )  # fmt: skip
    return Found((reason,))


_PRIORITY_VI = {
    Priority.SMALL_COLLECTIVE: "tập thể nhỏ",
    Priority.DIRECT_WORKER: "người trực tiếp lao động, sản xuất",
}


def _priority(check: Check, ctx: Context) -> NomineeCheck:
    """KT-3: priority groups are reported, never used to filter."""
    return lambda nom: _priority_of(check, nom)


def _priority_of(check: Check, nom: Nomination) -> Found:
    if not nom.priority:
        return _NOTHING
    groups = sorted(nom.priority, key=lambda p: p.value)
    reason = codes.KT_PRIORITY_GROUP(
        _rule(check), groups_vi=[_PRIORITY_VI[p] for p in groups], groups_en=[p.value for p in groups],
    )  # fmt: skip
    return Found((reason,))


NOMINEE_CHECKS: Mapping[CheckKind, Callable[[Check, Context], NomineeCheck]] = {
    CheckKind.CONSENT: _consent,
    CheckKind.POSTHUMOUS: _posthumous,
    CheckKind.HEAD_SELECTION: _head_selection,
    CheckKind.DOSSIER: _dossier,
    CheckKind.DEADLINE: _deadline,
    CheckKind.STANDARDS: _standards,
    CheckKind.STAGE: _stage,
    CheckKind.AWARD_LEVEL_MATCH: _award_level,
    CheckKind.PRIORITY_GROUPS: _priority,
}
"""Each kind's check, prepared once per round (what depends only on the round, a unit or a kind
of nominee is found once): the function it returns judges one nomination."""


def is_nominee_check(check: Check, level: CouncilLevel) -> bool:
    """Whether ``check`` judges each nomination (rather than the round as a whole).

    A deadline judges the nominee when it dates the nominee's dossier: the dossier's
    arrival and, at the province, the unit council's meeting. The level's own
    consideration deadline judges the round.
    """
    if check.kind is not CheckKind.DEADLINE:
        return check.kind in NOMINEE_CHECKS
    return level is CouncilLevel.PROVINCE and check.role is not DeadlineRole.PROVINCE_CONSIDERATION
