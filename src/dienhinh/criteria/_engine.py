"""The engine: compile a catalogue's trees once, evaluate a nominee in three values.

Verdicts are small integers while evaluating, ordered ``NOT_MET < UNKNOWN <
MET``, so Kleene's strong conjunction is ``min`` and disjunction is ``max``:
*all of* is not met as soon as one child is not met, unknown when nothing
failed and something is unknown; *any of* is met as soon as one child is met.

Evaluation keeps only what a verdict needs — indices of evidence used and
ignored, the code of each missing fact — and :func:`explain` turns that into
the public :class:`~dienhinh.criteria.CriterionResult` tree only when someone
reads it, so a batch of assessments does not format sentences nobody shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from dienhinh._batch import batch, remember
from dienhinh._errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownCriterionError,
    UnknownFieldError,
    describe,
)
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._kinds import NomineeKind
from dienhinh._reasons import Reason, ReasonCode
from dienhinh._text import a_or_an, did_you_mean
from dienhinh.criteria import _codes as codes
from dienhinh.criteria._catalogue import Catalogue, Criterion, Group
from dienhinh.criteria._evidence import Attestation, Evidence, Rating, Title
from dienhinh.criteria._leaves import (
    AttestationTest,
    AwardTest,
    CertificateTest,
    ContributionTest,
    FigureTest,
    InitiativeTest,
    InventionTest,
    LeafTest,
    OcopTest,
    ProjectTest,
    RatingTest,
    TitleTest,
    window_en,
    window_vi,
)
from dienhinh.criteria._nominee import Nominee
from dienhinh.criteria._result import Assessment, CriterionResult, EvidenceUse, IgnoredEvidence
from dienhinh.criteria._verdict import BY_RANK
from dienhinh.criteria._vocab import DISTRICT_LEVEL_ENDED, Grade, Level, ProjectRating

__all__ = ["MET", "NOT_MET", "UNKNOWN", "WindowLike", "assess", "compile_catalogue", "explain"]

NOT_MET, UNKNOWN, MET = 0, 1, 2


class WindowLike(Protocol):
    """Anything with a first and a last day: the achievement window (TQ-3.3), both days included."""

    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


class _Ctx:
    """One assessment's facts, shared by every node."""

    __slots__ = (
        "a14_or", "a27", "attest", "by_type", "complete", "due", "end", "kind", "overlap",
        "periods", "shift", "start",
    )  # fmt: skip

    def __init__(
        self,
        nominee: Nominee,
        start: dt.date,
        end: dt.date,
        plan: _Plan,
        groups: tuple[dict[str, list[tuple[int, Any]]], dict[str, list[tuple[int, Any]]]],
        due: dt.date | None = None,
    ) -> None:
        self.start = start
        self.end = end
        # A-27 "covers-window": an attestation stating no period, signed in (start, due], speaks
        # for the window; under "signing-date" (or with no due date) its own date must be in it.
        self.due = due if plan.a27_covers else None
        # A-40 "overlaps": a stated period sharing a day with the window counts; by default
        # ("wholly-inside") only a period wholly inside it does.
        self.overlap = plan.a40_overlaps
        self.kind = nominee.kind
        # Typed loosely on purpose: each leaf reads the attributes of the one type it selects.
        self.by_type: Mapping[str, Sequence[tuple[int, Any]]] = groups[0]
        self.attest: Mapping[str, Sequence[tuple[int, Any]]] = groups[1]
        self.complete = nominee.complete
        self.a14_or = plan.a14_or
        # A-15 "province-after-reform": from 01/07/2025 "từ cấp huyện trở lên"
        # reads as "từ cấp tỉnh trở lên"; the consideration date decides.
        self.shift = plan.a15_province and end >= DISTRICT_LEVEL_ENDED
        # Set by an attestation leaf that read an item A-27's readings judge differently.
        self.a27 = False
        # Set by a leaf that read an item stating a period (the only items A-40 can decide).
        self.periods = False


def _groups(
    nominee: Nominee,
) -> tuple[dict[str, list[tuple[int, Any]]], dict[str, list[tuple[int, Any]]]]:
    """The evidence by type and the attestations by criterion, each item with its index.

    What ``nominee.by_type`` and ``nominee.attestations`` hold, made in one pass for this
    assessment and let go with it: a batch keeps its nominees, and would otherwise keep two
    indexes of each one's evidence too.
    """
    by_type: dict[str, list[tuple[int, Any]]] = {}
    attest: dict[str, list[tuple[int, Any]]] = {}
    for pair in enumerate(nominee.evidence):
        ev: Any = pair[1]
        kind = ev.TYPE
        group = by_type.get(kind)
        if group is None:
            by_type[kind] = [pair]
        else:
            group.append(pair)
        if kind == "attestation":
            same = attest.get(ev.criterion)
            if same is None:
                attest[ev.criterion] = [pair]
            else:
                same.append(pair)
    return by_type, attest


class _Plan:
    """What an assessment reads from its catalogue and readings, found once per pair.

    The compiled trees with each declared reading's alternative chosen (A-25), the readings
    the engine branches on (A-13, A-14, A-15), and what was already checked: the kinds and
    fields (with their trees, in the catalogue's order), the criteria attested. A batch of
    10^5 nominees under one catalogue and one set of readings looks these up once, not ten
    times per nominee.
    """

    __slots__ = (
        "a14_or", "a15_province", "a27_covers", "a40_overlaps", "attested_ok", "catalogue",
        "compiled", "every_field", "readings", "trees", "used",
    )  # fmt: skip

    def __init__(self, catalogue: Catalogue, readings: Readings) -> None:
        self.catalogue = catalogue
        self.readings = readings
        self.compiled: Compiled = catalogue.compiled_for(readings)
        self.a14_or = readings["A-14"] == "semicolon-or"
        self.a15_province = readings["A-15"] == "province-after-reform"
        self.a27_covers = readings["A-27"] == "covers-window"
        self.a40_overlaps = readings["A-40"] == "overlaps"
        self.every_field = readings["A-13"] == "every-field"
        # The general standard's tree and the declared fields' trees, by the kind's value and
        # the fields as declared: each pair checked once.
        self.trees: dict[tuple[str, tuple[str, ...]], tuple[Run, tuple[Run, ...]]] = {}
        self.attested_ok: set[str] = set()
        # The readings used per kind (its value) and fields: without A-27, and with it.
        self.used: dict[
            tuple[str, tuple[str, ...]], tuple[tuple[UsedReading, ...], tuple[UsedReading, ...]]
        ] = {}


_PLANS: dict[tuple[int, int], _Plan] = {}
_PLANS_AT_MOST = 256


def _plan(catalogue: Catalogue, readings: Readings) -> _Plan:
    """The plan of ``catalogue`` under ``readings``, keyed by identity (the plan keeps both
    alive, so an id is never reused while its entry stands)."""
    key = (id(catalogue), id(readings))
    plan = _PLANS.get(key)
    if plan is None or plan.catalogue is not catalogue or plan.readings is not readings:
        plan = _Plan(catalogue, readings)
        remember(_PLANS, key, plan, _PLANS_AT_MOST)
    return plan


Ignored = tuple[int, ReasonCode, "dict[str, Any] | None"]
Ask = tuple[ReasonCode, "dict[str, Any] | None"]


# A node's evaluation, as a plain tuple (built ~20 times per assessment, so it must be cheap):
# (node, verdict, children, used, ignored, asks, notes, years).
_Eval = tuple[
    "Criterion | Group",
    int,
    "Sequence[_Eval]",
    "Sequence[int]",
    "Sequence[Ignored]",
    "Sequence[Ask]",
    "Sequence[Ask]",
    "tuple[int, ...] | None",
]


Run = Callable[[_Ctx], _Eval]


# ---------------------------------------------------------------------------
# Leaves


def _need_level(test: AwardTest | InitiativeTest | ProjectTest, shift: bool) -> Level:
    level = test.level_at_least
    return Level.PROVINCE if level is Level.DISTRICT and shift else level


Judge = Callable[[Any, _Ctx], "tuple[ReasonCode, dict[str, Any] | None] | None"]


def _at_least(level: Level) -> tuple[Level, ...]:
    # Tuples, not sets: membership compares identity first and never hashes an enum.
    return tuple(lv for lv in Level if lv.rank >= level.rank)


def _levels(
    test: AwardTest | InitiativeTest | ProjectTest,
) -> tuple[tuple[Level, ...], tuple[Level, ...]]:
    """The levels that count, as written and as read under A-15 ``province-after-reform``."""
    return _at_least(test.level_at_least), _at_least(_need_level(test, True))


def _judge(test: LeafTest) -> Judge:
    """Why an item inside the window does not count (``None``: it counts)."""
    if isinstance(test, AwardTest):
        ok, shifted = _levels(test)
        fields, cats = tuple(test.fields), tuple(test.categories)

        def award(ev: Any, ctx: _Ctx) -> Any:
            if ev.level not in (shifted if ctx.shift else ok):
                return codes.LEVEL_BELOW, _level_params(ev.level, _need_level(test, ctx.shift))
            if fields and ev.field not in fields:
                allowed = sorted(f.value for f in fields)
                return codes.FIELD_MISMATCH, {"field": ev.field.value, "allowed": allowed}
            if cats and ev.category not in cats:
                allowed = sorted(c.value for c in cats)
                return codes.CATEGORY_MISMATCH, {"category": ev.category.value, "allowed": allowed}
            return None

        return award
    if isinstance(test, InitiativeTest | ProjectTest):
        ok, shifted = _levels(test)
        ratings: tuple[ProjectRating, ...] = ()
        if isinstance(test, ProjectTest):
            ratings = tuple(r for r in ProjectRating if r.rank >= test.rating_at_least.rank)

        most = test.level_at_most if isinstance(test, ProjectTest) else None

        def levelled(ev: Any, ctx: _Ctx) -> Any:
            if ev.level not in (shifted if ctx.shift else ok):
                return codes.LEVEL_BELOW, _level_params(ev.level, _need_level(test, ctx.shift))
            if most is not None and ev.level.rank > most.rank:  # A-36 provincial-only
                return codes.LEVEL_ABOVE, _level_params(ev.level, most)
            if isinstance(test, ProjectTest) and ev.rating not in ratings:
                r = test.rating_at_least
                return codes.RATING_BELOW, {"rating": ev.rating.value, "rating_vi": ev.rating.vi,
                                            "required": r.value, "required_vi": r.vi}  # fmt: skip
            return None

        return levelled
    if isinstance(test, OcopTest):
        stars = test.stars_at_least

        def ocop(ev: Any, ctx: _Ctx) -> Any:
            if ev.stars >= stars:
                return None
            return codes.STARS_BELOW, {"stars": ev.stars, "required": stars}

        return ocop
    if isinstance(test, CertificateTest):
        schemes = tuple(test.schemes)

        def certificate(ev: Any, ctx: _Ctx) -> Any:
            if ev.scheme in schemes:
                return None
            allowed = sorted(s.value for s in schemes)
            return codes.SCHEME_MISMATCH, {"scheme": ev.scheme.value, "allowed": allowed}

        return certificate
    if isinstance(test, InventionTest):

        def invention(ev: Any, ctx: _Ctx) -> Any:
            if ev.applied is True:
                return None
            return (
                (codes.NOT_APPLIED, None) if ev.applied is False else (codes.APPLIED_UNKNOWN, None)
            )

        return invention
    if isinstance(test, TitleTest):
        titles = tuple(test.titles)

        def title(ev: Any, ctx: _Ctx) -> Any:
            if ev.title in titles:
                return None
            return codes.TITLE_MISMATCH, _title_params(ev, test.titles)

        return title
    if isinstance(test, RatingTest):
        need = test.grade_at_least
        grades = tuple(g for g in Grade if g.rank >= need.rank)

        def rating(ev: Any, ctx: _Ctx) -> Any:
            if ev.grade in grades:
                return None
            return codes.GRADE_BELOW, _grade_params(ev, need)

        return rating
    if isinstance(test, ContributionTest):
        kinds, purposes = tuple(test.kinds), tuple(test.purposes)

        def contribution(ev: Any, ctx: _Ctx) -> Any:
            if (kinds and ev.kind not in kinds) or (purposes and ev.purpose not in purposes):
                allowed = sorted(k.value for k in kinds) + sorted(p.value for p in purposes)
                return codes.CONTRIBUTION_MISMATCH, {"kind": ev.kind.value, "purpose": ev.purpose.value,
                                                     "allowed": allowed}  # fmt: skip
            return None

        return contribution
    raise AssertionError(test)  # pragma: no cover


def _level_params(level: Level, need: Level) -> dict[str, Any]:
    return {"level_vi": level.vi.capitalize(), "level_en": level.en, "required_vi": need.vi,
            "required_en": need.en}  # fmt: skip


def _title_params(ev: Title, titles: frozenset[Any]) -> dict[str, Any]:
    return {"title": ev.title.value, "title_vi": ev.title.vi, "allowed": sorted(t.value for t in titles),
            "allowed_vi": sorted(t.vi for t in titles)}  # fmt: skip


def _grade_params(ev: Rating, need: Any) -> dict[str, Any]:
    return {"year": ev.year, "grade": ev.grade.value, "grade_vi": ev.grade.vi, "required": need.value,
            "required_vi": need.vi}  # fmt: skip


def _dated_leaf(node: Criterion, test: LeafTest) -> Run:
    """A leaf counting items dated inside the window (TQ-3.3) that pass the test."""
    type_ = test.TYPE
    judge = _judge(test)
    count = getattr(test, "count", 1)
    amount = test.amount_at_least if isinstance(test, ContributionTest) else 0
    unit = (
        next(iter(test.kinds)).unit
        if isinstance(test, ContributionTest) and len(test.kinds) == 1
        else ""
    )

    # Nothing of the type at all is the common case: its two answers are built once.
    nothing = (node, UNKNOWN, (), (), (), [(codes.ASK[type_], None)], (), None)
    nothing_complete = (node, NOT_MET, (), (), (), (), [(codes.NOTHING_QUALIFIES, None)], None)
    met_by = _MetBy(node)

    def run(ctx: _Ctx) -> _Eval:
        items = ctx.by_type.get(type_)
        if items is None:
            return nothing_complete if type_ in ctx.complete else nothing
        # The items used and set aside, the dates asked for, the amount counted, and a note for
        # each item counted under A-40 "overlaps" whose period is only partly inside. One loop
        # in this function, not a helper's: a batch runs it for each leaf of each nominee.
        start, end = ctx.start, ctx.end
        used: list[int] = []
        ignored: list[Ignored] = []
        asks: list[Ask] = []
        partial: list[Ask] = []
        total = 0
        for i, ev in items:
            # The achievement's days, else the document's (TQ-3.3).
            period = ev.period
            if period is not None:
                ctx.periods = True
                first, last = period.start, period.end
            else:
                first = last = ev.achieved_on or ev.date
                if first is None:
                    ignored.append((i, codes.UNDATED, None))
                    asks.append((codes.ASK_DATE, {"index": i}))
                    continue
            overlapping = False
            if first < start or last > end:
                overlapping = _overlaps(ctx, ev, first, last)
                if not overlapping:
                    ignored.append((i, _outside(ev), None))
                    continue
            why = judge(ev, ctx)
            if why is None:
                used.append(i)
                if overlapping:
                    partial.append((codes.PERIOD_OVERLAPS_WINDOW, {"index": i}))
                if amount:
                    total += ev.amount
                continue
            ignored.append((i, why[0], why[1]))
            if why[0] is codes.APPLIED_UNKNOWN:
                asks.append((codes.ASK_APPLIED, {"name": ev.name}))
        if len(used) >= count and total >= amount:
            if len(used) == 1 and not ignored and not partial:
                return met_by[used[0]]
            # The empty sequences shared: a batch keeps every tree.
            return (node, MET, (), used, ignored or (), (), partial or (), None)
        notes: list[Ask] = partial
        if amount and used:
            notes.append(
                (codes.CONTRIBUTION_BELOW, {"total": total, "required": amount, "unit": unit})
            )
        if not asks and type_ in ctx.complete:
            notes.append((codes.NOTHING_QUALIFIES, None))
            return (node, NOT_MET, (), used, ignored, (), notes, None)
        asks.insert(0, (codes.ASK[type_], None))
        return (node, UNKNOWN, (), used, ignored, asks, notes, None)

    return run


class _MetBy(dict[int, _Eval]):
    """A leaf's evaluations met by one item alone, nothing set aside or noted, by the item's
    index: the commonest evaluation, the same for every nominee whose item ``i`` it is, so
    made on first use and shared (a batch keeps every tree). Found in C once made; it holds as
    many as a dossier has items."""

    __slots__ = ("node",)

    def __init__(self, node: Criterion) -> None:
        super().__init__()
        self.node = node

    def __missing__(self, i: int) -> _Eval:
        met = self[i] = (self.node, MET, (), (i,), (), (), (), None)
        return met


def _overlaps(ctx: _Ctx, ev: Any, first: dt.date, last: dt.date) -> bool:
    """A-40 "overlaps": an item's stated period, not wholly inside the window, shares a day
    with it (by default, "wholly-inside", such a period is set aside)."""
    return ctx.overlap and ev.period is not None and first <= ctx.end and last >= ctx.start


def _outside(ev: Any) -> ReasonCode:
    """Why an item is outside the window: its achievement's day or period, or its own date."""
    if ev.period is not None:
        return codes.PERIOD_OUTSIDE_WINDOW
    return codes.OUTSIDE_WINDOW if ev.achieved_on is None else codes.ACHIEVED_OUTSIDE_WINDOW


def _attestation_leaf(node: Criterion) -> Run:
    """Met only by a signed statement naming this criterion, for the window (TQ-3.3; A-27)."""
    cid = node.id
    nothing = (node, UNKNOWN, (), (), (), [(codes.ASK["attestation"], None)], (), None)
    nothing_complete = (node, NOT_MET, (), (), (), (), [(codes.NOTHING_QUALIFIES, None)], None)
    met_by = _MetBy(node)

    def run(ctx: _Ctx) -> _Eval:
        items = ctx.attest.get(cid)
        if items is None:
            return nothing_complete if "attestation" in ctx.complete else nothing
        start, end, due = ctx.start, ctx.end, ctx.due
        if len(items) == 1:
            # One attestation stating no period or day (the common case): what the loop below
            # finds of it, without its lists; any other case takes the loop.
            i, ev = items[0]
            day = ev.date
            # Its sequences are tuples, the empty ones shared: a batch keeps every tree.
            if ev.period is None and ev.achieved_on is None:
                one: tuple[Ask, ...] | None = None
                if start <= day <= end:
                    one = ()
                elif day > end and due is not None and day <= due:
                    ctx.a27 = True
                    one = ((codes.ATTESTATION_COVERS_WINDOW, {"indices": [i]}),)
                if one is not None:
                    if ev.holds:
                        if one:
                            return (node, MET, (), (i,), (), (), one, None)
                        return met_by[i]
                    one += ((codes.ATTESTED_NOT, {"indices": [i]}),)
                    return (node, NOT_MET, (), (i,), (), (), one, None)
        yes: list[int] = []
        no: list[int] = []
        ignored: list[Ignored] = []
        covered: list[int] = []
        partial: list[Ask] = []
        for i, ev in items:
            period = ev.period  # the achievement's days, else the document's: always dated
            if period is not None:
                ctx.periods = True
                first, last = period.start, period.end
            else:
                first = last = ev.achieved_on or ev.date
            if first < start or last > end:
                # no period stated, signed after the window opened and by the dossier's due
                # date: it speaks for the window.
                unstated = period is None and ev.achieved_on is None
                if unstated and ev.date > end:
                    ctx.a27 = True  # the only items A-27's readings judge differently
                if unstated and due is not None and start < ev.date <= due:
                    covered.append(i)
                elif _overlaps(ctx, ev, first, last):
                    partial.append((codes.PERIOD_OVERLAPS_WINDOW, {"index": i}))
                else:
                    ignored.append((i, _outside(ev), None))
                    continue
            if ev.holds:
                yes.append(i)
            else:
                no.append(i)
        notes: list[Ask] = (
            [(codes.ATTESTATION_COVERS_WINDOW, {"indices": covered})] if covered else []
        )
        notes += partial
        if yes and no:
            return (
                node,
                UNKNOWN,
                (),
                yes + no,
                ignored,
                [(codes.ASK_CONFLICT, {"indices": yes + no})],
                notes,
                None,
            )
        if yes:
            return (node, MET, (), yes, ignored or (), (), notes or (), None)
        if no:
            notes.append((codes.ATTESTED_NOT, {"indices": no}))
            return (node, NOT_MET, (), no, ignored, (), notes, None)
        if "attestation" in ctx.complete:
            return (node, NOT_MET, (), (), ignored, (), [(codes.NOTHING_QUALIFIES, None)], None)
        return (node, UNKNOWN, (), (), ignored, [(codes.ASK["attestation"], None)], (), None)

    return run


def _yearly_leaf(node: Criterion, test: TitleTest | RatingTest) -> Run:
    """A title held, or a rating reached, in **every** year of the look-back (on purpose)."""
    assert test.lookback is not None
    lookback = test.lookback
    type_ = test.TYPE
    judge = _judge(test)
    grading = isinstance(test, RatingTest)

    def run(ctx: _Ctx) -> _Eval:
        years = lookback.years_for(ctx.end)
        used: list[int] = []
        ignored: list[Ignored] = []
        held: set[int] = set()
        failed = False
        for i, ev in ctx.by_type.get(type_, ()):
            if ev.year not in years:
                ignored.append((i, codes.OUTSIDE_YEARS, None))
                continue
            why = judge(ev, ctx)
            if why is None:
                used.append(i)
                held.add(ev.year)
            else:
                ignored.append((i, why[0], why[1]))
                failed = failed or grading  # a rating below the grade settles the year
        if failed:
            return (node, NOT_MET, (), used, ignored, (), (), years)
        missing = [y for y in years if y not in held]
        if not missing:
            return (node, MET, (), used, ignored, (), (), years)
        if type_ in ctx.complete:
            return (node, NOT_MET, (), used, ignored, (), [(codes.NOTHING_QUALIFIES, None)], years)
        asks: list[Ask] = [(codes.ASK[type_], {"year": y}) for y in missing]
        return (node, UNKNOWN, (), used, ignored, asks, (), years)

    return run


def _figure_leaf(node: Criterion, test: FigureTest) -> Run:
    """A yearly figure strictly growing from each year of the look-back to the next."""
    metric, lookback = test.metric, test.lookback

    def run(ctx: _Ctx) -> _Eval:
        years = lookback.years_for(ctx.end)
        used: list[int] = []
        ignored: list[Ignored] = []
        amounts: dict[int, int] = {}
        for i, ev in ctx.by_type.get("figure", ()):
            if ev.metric is not metric:
                continue  # another metric is another fact, not this one set aside
            if ev.year not in years:
                ignored.append((i, codes.OUTSIDE_YEARS, None))
                continue
            used.append(i)
            amounts[ev.year] = ev.amount
        notes: list[Ask] = []
        for y in years[1:]:
            if y in amounts and y - 1 in amounts and amounts[y] <= amounts[y - 1]:
                notes.append((codes.NOT_GROWING, {"metric_vi": metric.vi.capitalize(),
                              "metric_en": metric.en.capitalize(), "year": y, "amount": amounts[y],
                              "previous": y - 1, "previous_amount": amounts[y - 1]}))  # fmt: skip
        if notes:
            return (node, NOT_MET, (), used, ignored, (), notes, years)
        missing = [y for y in years if y not in amounts]
        if not missing:
            return (node, MET, (), used, ignored, (), (), years)
        if "figure" in ctx.complete:
            return (node, NOT_MET, (), used, ignored, (), [(codes.NOTHING_QUALIFIES, None)], years)
        asks: list[Ask] = [(codes.ASK["figure"], {"year": y}) for y in missing]
        return (node, UNKNOWN, (), used, ignored, asks, (), years)

    return run


def _leaf(node: Criterion) -> Run:
    test = node.test
    assert test is not None
    if isinstance(test, AttestationTest):
        return _attestation_leaf(node)
    if isinstance(test, FigureTest):
        return _figure_leaf(node, test)
    if isinstance(test, TitleTest | RatingTest) and test.lookback is not None:
        return _yearly_leaf(node, test)
    return _dated_leaf(node, test)


# ---------------------------------------------------------------------------
# Composites and the catalogue


def _composite(node: Criterion, kids: tuple[Run, ...]) -> Run:
    is_any = node.structure == "any_of"
    semicolon = node.joined_by == ";" and not is_any

    def run(ctx: _Ctx) -> _Eval:
        # One loop, no comprehension: a comprehension is a call of its own (Python 3.11), and
        # a batch runs five composites per nominee.
        results: list[_Eval] = []
        keep = results.append
        if is_any or (semicolon and ctx.a14_or):
            v = NOT_MET
            for k in kids:
                keep(r := k(ctx))
                if r[1] > v:
                    v = r[1]
        else:
            v = MET
            for k in kids:
                keep(r := k(ctx))
                if r[1] < v:
                    v = r[1]
        return (node, v, results, (), (), (), (), None)

    return run


class Compiled:
    """A catalogue's trees as closures, one set per kind of nominee (children already chosen)."""

    __slots__ = ("catalogue", "field_of", "fields", "general", "general_of", "order")

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        criteria = catalogue.criteria
        runs: dict[tuple[str, NomineeKind], Run] = {}

        def build(cid: str, kind: NomineeKind) -> Run:
            key = (cid, kind)
            if key not in runs:
                node = criteria[cid]
                if node.test is not None:
                    runs[key] = _leaf(node)
                else:
                    kids = tuple(
                        build(c, kind) for c in node.children if kind in criteria[c].applies_to
                    )
                    runs[key] = _composite(node, kids)
            return runs[key]

        self.general: dict[NomineeKind, Run] = {}
        for g in catalogue.general:
            for k in criteria[g].applies_to:
                self.general[k] = build(g, k)
        self.fields: dict[str, dict[NomineeKind, Run]] = {}
        for f in catalogue.fields:
            per: dict[NomineeKind, Run] = {}
            for s in f.standard:
                for k in criteria[s].applies_to:
                    per[k] = build(s, k)
            self.fields[f.id] = per
        self.order = {f.id: i for i, f in enumerate(catalogue.fields)}
        # The same trees keyed by the kind's value (an enum hashes in Python), as assessing reads.
        self.general_of = {k._value_: run for k, run in self.general.items()}
        self.field_of = {
            (f, k._value_): run for f, per in self.fields.items() for k, run in per.items()
        }


def compile_catalogue(catalogue: Catalogue) -> Compiled:
    return Compiled(catalogue)


# ---------------------------------------------------------------------------
# The entry point


def _window(window: WindowLike | tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    if isinstance(window, tuple):
        if len(window) != 2:
            raise InvalidValueError("must be (start, end)", field="window", value=window)
        start, end = window
    else:
        try:
            start, end = window.start, window.end
        except AttributeError:
            raise InvalidTypeError(
                "must be a (start, end) pair of dates or have .start and .end",
                field="window",
                value=window,
            ) from None
    for name, d in (("window.start", start), ("window.end", end)):
        if isinstance(d, dt.datetime) or not isinstance(d, dt.date):
            raise InvalidTypeError("must be a datetime.date", field=name, value=d)
    if start > end:
        raise InvalidValueError(
            "the window starts after it ends",
            field="window",
            value=(start.isoformat(), end.isoformat()),
        )
    return start, end


def _trees(nominee: Nominee, plan: _Plan, attested: Iterable[str]) -> tuple[Run, tuple[Run, ...]]:
    """The trees of the nominee's general standard and declared fields (in the catalogue's
    order), once its kind and fields are known to exist in the catalogue and what it attests
    to be attestable; each pair of kind and fields, and each criterion, checked once per plan."""
    kind = nominee.kind._value_
    key = (kind, nominee.fields)
    trees = plan.trees.get(key)
    if trees is None:
        compiled = plan.compiled
        _check_fields(nominee, compiled, plan.readings)
        declared = sorted(nominee.fields, key=compiled.order.__getitem__)
        trees = plan.trees[key] = (
            compiled.general_of[kind],
            tuple(compiled.field_of[f, kind] for f in declared),
        )
    ok = plan.attested_ok
    for cid in attested:
        if cid not in ok:
            _check_attested(cid, plan.compiled)
            ok.add(cid)
    return trees


def _check_fields(nominee: Nominee, compiled: Compiled, readings: Readings) -> None:
    catalogue = compiled.catalogue  # as read: an alternative may test other evidence
    kind = nominee.kind
    kr = catalogue.kind_reading(kind)
    if kind not in catalogue.kinds and (kr is None or not kr.admits(readings)):
        under = (
            ""
            if kr is None
            else (
                f" under {kr.reading} “{readings[kr.reading]}” ({kr.refused.id}: "
                f"“{kr.refused.citation.quote}”)"
            )
        )
        also = "" if kr is None else f"; a {kind.value} under {kr.reading} “{kr.admitted}”"
        raise InvalidValueError(
            f"is not a kind of nominee {catalogue.id} recognises{under}", field="nominee.kind",
            value=kind.value, allowed=", ".join(sorted(k.value for k in catalogue.kinds)) + also,
        )  # fmt: skip
    if not nominee.fields:
        raise UnknownFieldError(
            f"nominee.fields=(): a nominee declares at least one field (A-13); "
            f"fields of {catalogue.id}: {catalogue.describe_fields(kind)}"
        )
    for f in nominee.fields:
        per = compiled.fields.get(f)
        if per is None or kind not in per:
            what = "is not a field of" if per is None else f"has no standard for {_a(kind)} in"
            near = did_you_mean(f, list(compiled.fields)) if per is None else ""
            raise UnknownFieldError(
                f"nominee.fields: {describe(f)} {what} {catalogue.id}{near}; "
                f"fields for {_a(kind)}: {catalogue.describe_fields(kind)}"
            )


def _check_attested(cid: str, compiled: Compiled) -> None:
    catalogue = compiled.catalogue
    criteria = catalogue.criteria
    node = criteria.get(cid)
    if node is None:
        attestable = ", ".join(
            c.id for c in catalogue.leaves if isinstance(c.test, AttestationTest)
        )
        raise UnknownCriterionError(
            f"attestation.criterion={describe(cid)} is not a criterion of {catalogue.id}"
            f"{did_you_mean(cid, list(criteria))}; criteria met by attestation: {attestable}"
        )
    if not isinstance(node.test, AttestationTest):
        raise InvalidValueError(
            f"is not met by an attestation: it tests {node.evidence or 'its sub-criteria'}",
            field="attestation.criterion", value=cid,
            allowed="a criterion whose evidence is an attestation",
        )  # fmt: skip


def assess(
    nominee: Nominee,
    catalogue: Catalogue,
    *,
    window: WindowLike | tuple[dt.date, dt.date],
    readings: Readings | Mapping[str, str] | None = None,
    dossier_due: dt.date | None = None,
) -> Assessment:
    """Assess ``nominee`` against ``catalogue`` on the evidence dated inside ``window``.

    Standing is the general standard **and** the field standard of at least one
    declared field (A-13 ``one-field``; ``every-field``: of every one). The
    window is any object with ``.start`` and ``.end`` dates, or a pair; both
    days count. An item is judged on its achievement's day or period when it
    gives one, else on its document's date. ``dossier_due`` is the last day the
    dossier could be handed in (a round passes its ruleset's dossier-submission
    deadline): under A-27 ``covers-window`` an attestation stating no period,
    signed after the window opens and no later than that day, speaks for the
    window; without it, an attestation is judged on its signing date.
    """
    _nominee(nominee)
    plan, start, end = _prepare(catalogue, window, readings)
    return _assess(nominee, plan, start, end, _due(dossier_due))


def assessor(
    catalogue: Catalogue,
    *,
    window: WindowLike | tuple[dt.date, dt.date],
    readings: Readings | Mapping[str, str] | None = None,
    dossier_due: dt.date | None = None,
) -> Callable[[Nominee], Assessment]:
    """:func:`assess` on one catalogue, window, readings and due date, checked once: what a
    round calls for each of its nominees.

    >>> from dienhinh.rulesets import load_catalogue
    >>> one = assessor(load_catalogue("tuyen-quang-2023"),
    ...                window=(dt.date(2023, 10, 1), dt.date(2024, 12, 15)))
    >>> one(Nominee("individual", ["education"], [])).verdict.value
    'unknown'
    """
    plan, start, end = _prepare(catalogue, window, readings)
    due = _due(dossier_due)

    def one(nominee: Nominee) -> Assessment:
        _nominee(nominee)
        return _assess(nominee, plan, start, end, due)

    return one


def _nominee(nominee: object) -> None:
    if not isinstance(nominee, Nominee):
        raise InvalidTypeError(
            "must be a criteria.Nominee (kind, fields, evidence); a voting.Candidate is a "
            "ballot's nominee, not a dossier", field="nominee", value=nominee,
        )  # fmt: skip


def _prepare(
    catalogue: Catalogue,
    window: WindowLike | tuple[dt.date, dt.date],
    readings: Readings | Mapping[str, str] | None,
) -> tuple[_Plan, dt.date, dt.date]:
    """The checked catalogue, readings and window of an assessment, and their plan."""
    if not isinstance(catalogue, Catalogue):
        raise InvalidTypeError(
            "must be a criteria.Catalogue, e.g. load_catalogue('tuyen-quang-2023')",
            field="catalogue", value=catalogue,
        )  # fmt: skip
    if readings is None:
        readings = _DEFAULT
    elif not isinstance(readings, Readings):
        if not isinstance(readings, Mapping):
            raise InvalidTypeError("must be a dienhinh.Readings", field="readings", value=readings)
        readings = Readings(readings)
    start, end = _window(window)
    return _plan(catalogue, readings), start, end


def _due(dossier_due: object) -> dt.date | None:
    if dossier_due is not None and (
        isinstance(dossier_due, dt.datetime) or not isinstance(dossier_due, dt.date)
    ):
        raise InvalidTypeError("must be a datetime.date", field="dossier_due", value=dossier_due)
    return dossier_due


def _assess(
    nominee: Nominee, plan: _Plan, start: dt.date, end: dt.date, due: dt.date | None = None
) -> Assessment:
    """One assessment on a checked plan and window (the nominee is a Nominee)."""
    groups = _groups(nominee)
    general_tree, field_trees = _trees(nominee, plan, groups[1])
    ctx = _Ctx(nominee, start, end, plan, groups, due)
    general = general_tree(ctx)
    fields = [run(ctx) for run in field_trees]
    fv = (min if plan.every_field else max)(map(_VERDICT, fields))
    catalogue = plan.catalogue
    group = (catalogue.field_group, fv, fields, (), (), (), (), None)
    root = (catalogue.standing, min(general[1], fv), [general, group], (), (), (), (), None)
    # Positionally, in the order of Assessment's fields: keywords cost a third of the call.
    return Assessment(
        catalogue, nominee, start, end, plan.readings, _VERDICTS[root[1]], root, dossier_due=due,
        relied_on_a27=ctx.a27, read_periods=ctx.periods,
    )  # fmt: skip


@batch
def assess_many(
    nominees: Iterable[Nominee],
    catalogue: Catalogue,
    *,
    window: WindowLike | tuple[dt.date, dt.date],
    readings: Readings | None = None,
    dossier_due: dt.date | None = None,
) -> tuple[Assessment, ...]:
    """:func:`assess` each of ``nominees`` on one window: a batch, whose results are all kept.

    The cyclic garbage collector is paused meanwhile (the records hold no cycle):
    re-scanning the kept results would otherwise cost more than assessing them. The
    catalogue, window and readings are checked once, when the first nominee is assessed.

    >>> from dienhinh.criteria import Nominee
    >>> from dienhinh.rulesets import load_catalogue
    >>> tq = load_catalogue("tuyen-quang-2023")
    >>> batch = assess_many([Nominee("individual", ["education"], [])] * 3, tq,
    ...                     window=(dt.date(2023, 10, 1), dt.date(2024, 12, 15)))
    >>> [a.verdict.value for a in batch]
    ['unknown', 'unknown', 'unknown']
    """
    due = _due(dossier_due)
    each = iter(nominees)
    first = next(each, _NONE)
    if first is _NONE:
        return ()
    _nominee(first)
    plan, start, end = _prepare(catalogue, window, readings)
    out = [_assess(first, plan, start, end, due)]
    for nominee in each:
        if not isinstance(nominee, Nominee):
            _nominee(nominee)  # raises
        out.append(_assess(nominee, plan, start, end, due))
    return tuple(out)


_NONE: Any = object()
"""No first nominee (``next``'s default: ``None`` is a nominee of the wrong type)."""


_DEFAULT = Readings()
_VERDICTS = BY_RANK  # NOT_MET, UNKNOWN, MET are its indices
_VERDICT = operator.itemgetter(1)
"""An evaluation's verdict, in C (for ``min``/``max`` over a list of evaluations)."""


# ---------------------------------------------------------------------------
# Explanation, on demand


def explain(a: Assessment) -> CriterionResult:
    """The public result tree of an assessment, built from its evaluation."""
    return _Explainer(a).build(a.raw)


def missing_facts(a: Assessment) -> tuple[Reason, ...]:
    """``explain(a).missing``, made from the unknown nodes of the evaluation alone."""
    if a.verdict is not _VERDICTS[UNKNOWN]:
        return ()
    return _Explainer(a).missing(a.raw)


def _item(ev: Evidence) -> tuple[str, str]:
    """An undated item named in Vietnamese and English (for a request for its date): a title or
    a rating, the only evidence a dated leaf reads that may lack a date (each is given for a
    year; a figure is read by its own leaf)."""
    if isinstance(ev, Title):
        return (
            f"danh hiệu “{ev.title.vi}” năm {ev.year}",
            f"the title {ev.title.value} for {ev.year}",
        )
    assert isinstance(ev, Rating), ev
    return (f"kết quả xếp loại “{ev.grade.vi}” năm {ev.year}",
            f"the rating {ev.grade.value} for {ev.year}")  # fmt: skip


class _Explainer:
    """Turns one assessment's evaluation into its public result tree, one node at a time."""

    def __init__(self, a: Assessment) -> None:
        self.a = a
        self.evidence = a.nominee.evidence
        self.start, self.end = a.window_start, a.window_end
        self.catalogue = a.catalogue
        self.window_rule = a.catalogue.window_rule
        self.shift = (
            a.readings["A-15"] == "province-after-reform" and self.end >= DISTRICT_LEVEL_ENDED
        )
        self.a14_or = a.readings["A-14"] == "semicolon-or"

    # -- the reasons of one leaf --

    def ignored_reason(
        self,
        i: int,
        code: ReasonCode,
        params: dict[str, Any] | None,
        node: Criterion,
        years: tuple[int, ...] | None,
    ) -> Reason:
        ev = self.evidence[i]
        if code is codes.OUTSIDE_WINDOW:
            return code(self.window_rule or node.rule, date=ev.date, start=self.start, end=self.end)
        if code is codes.ACHIEVED_OUTSIDE_WINDOW:
            return code(self.window_rule or node.rule, achieved_on=ev.achieved_on, date=ev.date,
                        start=self.start, end=self.end)  # fmt: skip
        if code is codes.PERIOD_OUTSIDE_WINDOW:
            period = ev.period
            assert period is not None
            return code(self.window_rule or node.rule, first=period.start, last=period.end,
                        date=ev.date, start=self.start, end=self.end)  # fmt: skip
        if code is codes.OUTSIDE_YEARS:
            return code(node.rule, year=getattr(ev, "year", None), years=list(years or ()))
        return code(node.rule, **(params or {}))

    def _names(self, params: dict[str, Any] | None) -> list[str]:
        assert params is not None
        return sorted({_authority(self.evidence[i]) for i in params["indices"]})

    def ask(
        self,
        code: ReasonCode,
        params: dict[str, Any] | None,
        node: Criterion,
    ) -> Reason:
        if code is codes.ASK_DATE:
            assert params is not None
            vi, en = _item(self.evidence[params["index"]])
            return code(node.rule, item_vi=vi, item_en=en)
        if code is codes.ASK_APPLIED:
            return code(node.rule, **(params or {}))
        if code is codes.ASK_CONFLICT:
            return code(node.rule, id=node.id, authorities=self._names(params))
        need_vi, need_en = self._need(node, params)
        return code(node.rule, need_vi=need_vi, need_en=need_en)

    def _need(self, node: Criterion, params: dict[str, Any] | None) -> tuple[str, str]:
        """What a leaf asks for, in both languages, with the window or year it asks about."""
        test = node.test
        assert test is not None
        level = (
            _need_level(test, self.shift)
            if isinstance(test, AwardTest | InitiativeTest | ProjectTest)
            else None
        )
        need_vi = node.ask_vi or test.need_vi(level)
        need_en = node.ask_en or test.need_en(level)
        start, end = self.start, self.end
        if isinstance(test, AttestationTest):
            due = self.a.dossier_due
            if due is not None and due > end and self.a.readings["A-27"] == "covers-window":
                end = due  # signed by the dossier's due date, it speaks for the window
            return (
                f"{need_vi} rằng: {node.title_vi} ({node.id}), ký {_window_short_vi(start, end)}",
                f"{need_en} that: {node.title_en} ({node.id}), signed {_window_short_en(start, end)}",
            )
        if params is None or "year" not in params:
            return f"{need_vi}, {window_vi(start, end)}", f"{need_en}, {window_en(start, end)}"
        year = params["year"]
        if isinstance(test, FigureTest):
            return (
                f"số liệu {test.metric.vi} năm {year} (để xét: {need_vi})",
                f"the {test.metric.en} figure for {year} (to show: {need_en})",
            )
        return f"{need_vi} của năm {year}", f"{need_en} for {year}"

    def note(self, code: ReasonCode, params: dict[str, Any] | None, node: Criterion) -> Reason:
        if code is codes.NOTHING_QUALIFIES:
            assert node.test is not None
            return code(
                node.rule,
                type=node.test.TYPE,
                need_vi=node.test.need_vi(),
                need_en=node.test.need_en(),
            )
        if code is codes.ATTESTED_NOT:
            return code(node.rule, authority=", ".join(self._names(params)), id=node.id)
        if code is codes.PERIOD_OVERLAPS_WINDOW:
            assert params is not None
            ev = self.evidence[params["index"]]
            return code(self.window_rule or node.rule, first=ev.period.start, last=ev.period.end,
                        date=ev.date, start=self.start, end=self.end)  # fmt: skip
        if code is codes.ATTESTATION_COVERS_WINDOW:
            assert params is not None
            assert self.a.dossier_due is not None
            dates = sorted({self.evidence[i].date for i in params["indices"]})
            return code(self.window_rule or node.rule, dates=dates, due=self.a.dossier_due,
                        start=self.start, end=self.end)  # fmt: skip
        return code(node.rule, **(params or {}))

    # -- a node --

    def _node_reasons(self, node: Criterion, e: _Eval) -> list[Reason]:
        """A criterion's verdict, its notes (A-14, A-15, the catalogue's) and its leaf notes."""
        reasons = [_verdict_reason(node, e[1])]
        if node.joined_by == ";" and node.structure == "any_of":
            reasons.append(codes.SEMICOLON_EXCEPTION(node.rule, id=node.id, note_vi=node.note_vi or "",
                                                     note_en=node.note_en or ""))  # fmt: skip
        else:
            if node.joined_by == ";" and self.a14_or:
                reasons.append(codes.SEMICOLON_OR(node.rule, id=node.id))
            if node.note_vi and node.note_en:
                reasons.append(codes.NOTE(node.rule, note_vi=node.note_vi, note_en=node.note_en))
        if (
            self.shift
            and isinstance(node.test, AwardTest | InitiativeTest | ProjectTest)
            and node.test.level_at_least is Level.DISTRICT
        ):
            reasons.append(codes.LEVEL_READ_AS_PROVINCE(node.rule, end=self.end))
        reasons.extend(self.note(c, p, node) for c, p in e[6])
        return reasons

    def _evidence(
        self, node: Criterion, e: _Eval
    ) -> tuple[tuple[EvidenceUse, ...], tuple[IgnoredEvidence, ...], tuple[Reason, ...]]:
        """A criterion's evidence used and set aside, and what it asks for when unknown."""
        evidence, years = self.evidence, e[7]
        used = tuple(EvidenceUse(i, evidence[i]) for i in e[3])
        ignored = tuple(
            IgnoredEvidence(i, evidence[i], self.ignored_reason(i, c, p, node, years))
            for i, c, p in e[4]
        )
        missing = tuple(self.ask(c, p, node) for c, p in e[5]) if e[1] == UNKNOWN else ()
        return used, ignored, missing

    def _structure(self, node: Criterion | Group) -> tuple[str, str | None]:
        """The node's structure and how it is read (A-13, A-14)."""
        structure: str
        if isinstance(node, Criterion):
            structure = node.structure
            semicolon_or = node.joined_by == ";" and self.a14_or
        else:
            structure = "all_of" if node is self.catalogue.standing else _group_op(self.a)
            semicolon_or = False
        if structure not in ("all_of", "any_of"):
            return structure, None
        return structure, "any_of" if structure == "any_of" or semicolon_or else "all_of"

    def missing(self, e: _Eval) -> tuple[Reason, ...]:
        """The ``missing`` of the node :meth:`build` makes of ``e``: its own requests when it is
        an unknown leaf, its children's (each once) when it is an unknown composite."""
        if e[1] != UNKNOWN:
            return ()
        if e[2]:
            return _missing_once(self.missing(c) for c in e[2])
        node = e[0]
        if isinstance(node, Criterion):
            return tuple(self.ask(c, p, node) for c, p in e[5])
        return ()

    @functools.cached_property
    def field_of(self) -> dict[str, str]:
        return {s: f.id for f in self.catalogue.fields for s in f.standard}

    def build(self, e: _Eval) -> CriterionResult:
        node, e_verdict = e[0], e[1]
        children = tuple(self.build(c) for c in e[2])
        used: tuple[EvidenceUse, ...] = ()
        ignored: tuple[IgnoredEvidence, ...] = ()
        missing: tuple[Reason, ...] = ()
        if isinstance(node, Criterion):
            reasons = self._node_reasons(node, e)
            used, ignored, missing = self._evidence(node, e)
        else:
            reasons = [_verdict_reason(node, e_verdict)]
        if e_verdict == UNKNOWN and children:
            missing = _children_missing(children)
        structure, read_as = self._structure(node)
        return CriterionResult(
            rule=node.rule, title_vi=node.title_vi, title_en=node.title_en,
            verdict=_VERDICTS[e_verdict], structure=structure, read_as=read_as,
            joined_by=node.joined_by if isinstance(node, Criterion) else None,
            evidence_type=node.evidence if isinstance(node, Criterion) else None,
            years=e[7], used=used, ignored=ignored, missing=missing, reasons=tuple(reasons),
            children=children, field=self.field_of.get(node.id),
        )  # fmt: skip


def _verdict_reason(node: Criterion | Group, verdict: int) -> Reason:
    return _VERDICT_CODE[verdict](
        node.rule, id=node.id, title_vi=node.title_vi, title_en=node.title_en
    )


def _children_missing(children: tuple[CriterionResult, ...]) -> tuple[Reason, ...]:
    """The children's requests, each once, in order."""
    return _missing_once(child.missing for child in children)


def _missing_once(groups: Iterable[tuple[Reason, ...]]) -> tuple[Reason, ...]:
    seen: set[tuple[str, str | None, str]] = set()
    out: list[Reason] = []
    for missing in groups:
        for m in missing:
            key = (m.code, None if m.rule is None else m.rule.id, m.en)
            if key not in seen:
                seen.add(key)
                out.append(m)
    return tuple(out)


def _a(kind: NomineeKind) -> str:
    """``"an individual"``, ``"a collective"``: the kind with its article."""
    return a_or_an(kind.value)


def _group_op(a: Assessment) -> str:
    return "all_of" if a.readings["A-13"] == "every-field" else "any_of"


def _window_short_vi(start: dt.date, end: dt.date) -> str:
    return f"trong khoảng {start:%d/%m/%Y} – {end:%d/%m/%Y}"


def _window_short_en(start: dt.date, end: dt.date) -> str:
    return f"between {start.isoformat()} and {end.isoformat()}"


def _authority(ev: Evidence) -> str:
    return ev.authority if isinstance(ev, Attestation) else ""


_VERDICT_CODE = {MET: codes.MET, NOT_MET: codes.NOT_MET, UNKNOWN: codes.UNKNOWN}


def used_readings(a: Assessment) -> tuple[UsedReading, ...]:
    """The readings an assessment relied on: they follow from the nodes its kind and fields
    evaluate, which every nominee of that kind and those fields shares (found once per plan),
    and A-27 (A-40) where an evaluated item was one its readings judge differently."""
    plan = _plan(a.catalogue, a.readings)
    key = (a.nominee.kind._value_, a.nominee.fields)
    both = plan.used.get(key)
    if both is None:
        used = a.readings.used(*used_interpretations(a))
        both = plan.used[key] = (used, a.readings.used(*(u.id for u in used), "A-27"))
    used = both[1] if a.dossier_due is not None and a.relied_on_a27 else both[0]
    if a.read_periods and _relied_on_a40(a):  # no item with a period read: A-40 decided nothing
        return a.readings.used(*(u.id for u in used), "A-40")
    return used


def _relied_on_a40(a: Assessment) -> bool:
    """Whether A-40 decided about an evaluated item: one whose stated period shares a day with
    the window without lying wholly inside it, set aside for that (``wholly-inside``) or counted
    (``overlaps``) by a leaf."""
    start, end = a.window_start, a.window_end
    partial = {
        i for i, ev in enumerate(a.nominee.evidence)
        if (p := ev.period) is not None  # every type has one (None where it states none)
        and p.start <= end and p.end >= start and (p.start < start or p.end > end)
    }  # fmt: skip
    if not partial:
        return False

    def visit(e: _Eval) -> bool:
        if partial.intersection(e[3]) or any(
            g[0] in partial and g[1] is codes.PERIOD_OUTSIDE_WINDOW for g in e[4]
        ):
            return True
        return any(visit(c) for c in e[2])

    return visit(a.raw)


def used_interpretations(a: Assessment) -> tuple[str, ...]:
    """The ids of the ambiguities an assessment's evaluated nodes relied on."""
    ids = {"A-13"}

    def visit(e: _Eval) -> None:
        node, children = e[0], e[2]
        if isinstance(node, Criterion):
            if node.joined_by == ";":
                ids.add("A-14")
            ids.update(node.entries)
            t = node.test
            if (
                isinstance(t, AwardTest | InitiativeTest | ProjectTest)
                and t.level_at_least is Level.DISTRICT
            ):
                ids.add("A-15")
        for c in children:
            visit(c)

    visit(a.raw)
    if (kind_reading := a.catalogue.kind_reading(a.nominee.kind)) is not None:
        ids.add(kind_reading.reading)  # the reading that admitted the kind
    return tuple(sorted(ids))
