"""A ruleset's criteria catalogue: the general standard, the fields and their criteria trees.

The format is ``docs/criteria-format.md``. :func:`parse_catalogue` reads
plain data (a parsed TOML file) and reports **every** problem at once in one
:class:`~dienhinh.RulesetError`; :func:`load_catalogue` reads a built-in
companion file ``dienhinh/rulesets/<ruleset-id>.criteria.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import attrs

from dienhinh._canonical import digest_of
from dienhinh._errors import (
    DienhinhError,
    Problem,
    RulesetError,
    UnknownFieldError,
)
from dienhinh._frozen import frozen
from dienhinh._interpretations import INTERPRETATIONS, Interpretation, Readings
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Citation, Rule
from dienhinh._text import a_or_an, nfc
from dienhinh.criteria._leaves import (
    AttestationTest,
    AwardTest,
    CertificateTest,
    ContributionTest,
    FigureTest,
    InitiativeTest,
    InventionTest,
    LeafTest,
    Lookback,
    OcopTest,
    ProjectTest,
    RatingTest,
    TitleTest,
)
from dienhinh.criteria._vocab import (
    AwardCategory,
    AwardField,
    ContributionKind,
    Grade,
    Level,
    Metric,
    ProjectRating,
    Purpose,
    Scheme,
    TitleName,
)

if TYPE_CHECKING:
    from dienhinh.criteria._engine import Compiled

__all__ = ["Catalogue", "Criterion", "Field", "Group", "parse_catalogue"]

FORMAT = 1
Structure = Literal["all_of", "any_of", "evidence"]
_JOINS = ("hoặc", ";", ",")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
E = TypeVar("E")


@frozen
class Group:
    """A node the catalogue names but does not test itself: the standing, the field group."""

    rule: Rule
    title_vi: str
    title_en: str

    @property
    def id(self) -> str:
        return self.rule.id


def _freeze_nodes(value: Mapping[str, Criterion]) -> Mapping[str, Criterion]:
    return MappingProxyType(dict(value))


@frozen
class Criterion:
    """One node of a criteria tree: a rule with its titles, kinds and structure.

    ``structure`` is ``"all_of"``/``"any_of"`` (then ``children`` are criterion
    ids and ``joined_by`` records the words of the text it reads, A-14) or
    ``"evidence"`` (then ``test`` says what evidence meets it).
    """

    rule: Rule
    title_vi: str
    title_en: str
    applies_to: frozenset[NomineeKind]
    structure: Structure
    children: tuple[str, ...] = ()
    joined_by: str | None = None
    test: LeafTest | None = None
    note_vi: str | None = None
    note_en: str | None = None
    ask_vi: str | None = None
    ask_en: str | None = None
    reading: str | None = None
    alternatives: Mapping[str, Criterion] = attrs.field(
        factory=dict, converter=_freeze_nodes, hash=False
    )
    also_reads: tuple[str, ...] = ()
    """Further entries the alternatives depend on, with ``reading`` (``reading = ["A-26",
    "A-39"]``): an alternative is then keyed by the non-default readings chosen, joined by "+"."""

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def entries(self) -> tuple[str, ...]:
        """Every register entry the node's structure depends on (``reading``, ``also_reads``)."""
        return () if self.reading is None else (self.reading, *self.also_reads)

    def choice(self, readings: Readings) -> str:
        """The key of the alternative ``readings`` choose: the non-default readings of the
        node's entries, in their order, joined by "+" ("" when every one reads its default)."""
        return "+".join(
            name for e in self.entries if (name := readings[e]) != INTERPRETATIONS[e].default
        )

    def read(self, readings: Readings) -> Criterion:
        """The node as ``readings`` read it: itself, or the alternative its readings chose."""
        if self.reading is None:
            return self
        return self.alternatives.get(self.choice(readings), self)

    @property
    def citation(self) -> Citation:
        return self.rule.citation

    @property
    def evidence(self) -> str | None:
        """The evidence type a leaf tests (``None`` for a composite)."""
        return None if self.test is None else self.test.TYPE

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "citation": self.citation.to_json(),
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "applies_to": sorted(k.value for k in self.applies_to),
            "structure": self.structure,
            "children": list(self.children),
            "joined_by": self.joined_by,
            "evidence": self.evidence,
            "params": None if self.test is None else self.test.to_json(),
            "note_vi": self.note_vi,
            "note_en": self.note_en,
        }
        if self.reading is not None:
            out["reading"] = [*self.entries] if self.also_reads else self.reading
        if self.alternatives:
            out["alternatives"] = {k: v.to_json() for k, v in self.alternatives.items()}
        if self.test is not None:
            out["needs_vi"] = self.ask_vi or self.test.need_vi()
            out["needs_en"] = self.ask_en or self.test.need_en()
        return out


@frozen
class Field:
    """A field of work (lĩnh vực): its slug, titles, citation and standard (per-kind variants)."""

    id: str
    title_vi: str
    title_en: str
    citation: Citation
    standard: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "citation": self.citation.to_json(),
            "standard": list(self.standard),
        }


@frozen
class KindReading:
    """A kind of nominee the catalogue judges only under one reading of the register.

    Under ``reading`` read as ``admitted`` the kind is judged on the general standard and
    the standards of ``fields``; under any other reading it is refused, citing ``refused``
    (A-29: a family under TQ-3.2q).
    """

    kind: NomineeKind
    reading: str
    admitted: str
    fields: tuple[str, ...]
    refused: Rule

    def admits(self, readings: Readings) -> bool:
        return readings[self.reading] == self.admitted

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "reading": self.reading,
            "admitted": self.admitted,
            "fields": list(self.fields),
            "refused": self.refused.to_json(),
        }


def _freeze(value: Mapping[str, Criterion]) -> Mapping[str, Criterion]:
    return MappingProxyType(dict(value))


@frozen
class Catalogue:
    """The criteria of one ruleset, checked whole; build it with :func:`parse_catalogue`.

    ``criteria`` maps every criterion id to its node, in file order.
    """

    id: str
    document: str
    title_vi: str
    title_en: str
    kinds: frozenset[NomineeKind]
    standing: Group
    field_group: Group
    general: tuple[str, ...]
    fields: tuple[Field, ...]
    criteria: Mapping[str, Criterion] = attrs.field(converter=_freeze, hash=False)
    window_rule: Rule | None = None
    source: str = attrs.field(default="<catalogue>", eq=False)
    kind_readings: tuple[KindReading, ...] = ()
    """Kinds judged only under a reading (``[[kind_reading]]``); ``kinds`` are the others."""

    def kind_reading(self, kind: NomineeKind) -> KindReading | None:
        """The reading that decides whether ``kind`` is judged at all, if the catalogue has one."""
        return next((k for k in self.kind_readings if k.kind is kind), None)

    def field(self, id: str) -> Field:
        """The field with slug ``id`` (see :attr:`fields`)."""
        for f in self.fields:
            if f.id == id:
                return f

        raise UnknownFieldError(
            f"field={id!r} is not a field of {self.id}; fields: {self.describe_fields()}"
        )

    def describe_fields(self, kind: NomineeKind | None = None) -> str:
        """``"agriculture (TQ-3.2c Nông nghiệp), …"`` — the fields open to ``kind`` (all if None)."""
        out = []
        for f in self.fields:
            if kind is None or any(kind in self.criteria[s].applies_to for s in f.standard):
                out.append(f"{f.id} ({', '.join(f.standard)} {f.title_vi})")
        return ", ".join(out) or "none"

    def roots(self) -> tuple[str, ...]:
        """Every root: the general standard's and each field's, in catalogue order."""
        return self.general + tuple(s for f in self.fields for s in f.standard)

    def walk(self) -> Iterable[tuple[Criterion, int, str | None]]:
        """Every criterion in tree order with its depth and its parent's id."""

        def visit(
            cid: str, depth: int, parent: str | None
        ) -> Iterable[tuple[Criterion, int, str | None]]:
            node = self.criteria[cid]
            yield node, depth, parent
            for child in node.children:
                yield from visit(child, depth + 1, cid)

        for root in self.roots():
            yield from visit(root, 0, None)

    @functools.cached_property
    def leaves(self) -> tuple[Criterion, ...]:
        """Every leaf criterion, in tree order."""
        return tuple(node for node, _, _ in self.walk() if node.test is not None)

    @functools.cached_property
    def digest(self) -> str:
        """``sha256:…`` over the catalogue's content: an assessment's digest includes it."""
        return digest_of("criteria-catalogue", self.to_json(), {})

    @functools.cached_property
    def compiled(self) -> Compiled:
        """The trees compiled once for evaluation (internal; see ``_engine``)."""
        from dienhinh.criteria._engine import compile_catalogue

        return compile_catalogue(self)

    @functools.cached_property
    def readings_declared(self) -> tuple[str, ...]:
        """The register ids the catalogue's nodes declare (``reading = "A-n"``), in register order."""
        ids = {e for n in self.criteria.values() for e in n.entries}
        ids |= {k.reading for k in self.kind_readings}
        return tuple(i for i in INTERPRETATIONS if i in ids)

    @functools.cached_property
    def _read_as(self) -> dict[tuple[tuple[str, str], ...], Compiled]:
        return {}

    @functools.cached_property
    def _with_readings(self) -> tuple[tuple[str, Criterion], ...]:
        """The criteria a reading can change (found once, not per assessment)."""
        return tuple((cid, n) for cid, n in self.criteria.items() if n.reading is not None)

    def compiled_for(self, readings: Readings) -> Compiled:
        """The trees compiled with each declared reading's alternative chosen (internal)."""
        chosen = tuple(
            (cid, key)
            for cid, n in self._with_readings
            if (key := n.choice(readings)) in n.alternatives
        )
        if not chosen:
            return self.compiled
        if chosen not in self._read_as:
            from dienhinh.criteria._engine import compile_catalogue

            criteria = dict(self.criteria)
            for cid, name in chosen:
                criteria[cid] = criteria[cid].alternatives[name]
            self._read_as[chosen] = compile_catalogue(attrs.evolve(self, criteria=criteria))
        return self._read_as[chosen]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "kinds": sorted(k.value for k in self.kinds),
            "window_rule": None if self.window_rule is None else self.window_rule.to_json(),
            "standing": {"id": self.standing.id, "citation": self.standing.rule.citation.to_json()},
            "general": list(self.general),
            "fields": [f.to_json() for f in self.fields],
            "criteria": [c.to_json() for c in self.criteria.values()],
            **({"kind_readings": [k.to_json() for k in self.kind_readings]}
               if self.kind_readings else {}),
        }  # fmt: skip

    def listing(self) -> list[dict[str, Any]]:
        """One JSON object per criterion in tree order (``dienhinh criteria``)."""
        role: dict[str, tuple[str, str | None]] = dict.fromkeys(self.general, ("general", None))
        for f in self.fields:
            for s in f.standard:
                role[s] = ("field", f.id)
        out = []
        for node, depth, parent in self.walk():
            item = node.to_json()
            kind, field = role.get(node.id, (None, None))
            item.update({"parent": parent, "depth": depth, "role": kind, "field": field})
            out.append(item)
        return out


# ---------------------------------------------------------------------------
# Parsing: every problem of a file, at once.


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(
        self, where: str, message: str, allowed: str | None = None, kind: str = "invalid"
    ) -> None:
        self.problems.append(
            Problem(where, message, allowed=allowed, source=self.source, kind=kind)
        )

    def table(self, value: object, where: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(where, f"expected a table, got {type(value).__name__}")
            return None
        return value

    def keys(
        self, table: Mapping[str, Any], where: str, required: Iterable[str], optional: Iterable[str]
    ) -> None:
        req, opt = set(required), set(optional)
        for key in sorted(set(table) - req - opt):
            self.add(f"{where}.{key}", "unknown key; the format does not define it",
                     allowed=", ".join(sorted(req | opt)), kind="unknown_key")  # fmt: skip
        for key in sorted(req - set(table)):
            self.add(f"{where}.{key}", "required key missing", kind="missing_key")

    def text(
        self, table: Mapping[str, Any], key: str, where: str, *, required: bool = True
    ) -> str | None:
        if key not in table:
            return None  # reported by keys()
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            self.add(f"{where}.{key}", f"expected a non-blank string, got {value!r}"[:120])
            return None
        return nfc(value.strip())

    def integer(
        self, table: Mapping[str, Any], key: str, where: str, default: int | None = None
    ) -> int | None:
        if key not in table:
            return default
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(f"{where}.{key}", f"expected an integer, got {value!r}")
            return None
        return value

    def strings(self, table: Mapping[str, Any], key: str, where: str) -> list[str] | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, str):
            return [nfc(value)]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
            self.add(
                f"{where}.{key}",
                f"expected a string or a non-empty list of strings, got {value!r}"[:120],
            )
            return None
        return [nfc(v) for v in value]

    def enum(self, cls: type[E], value: object, where: str) -> E | None:
        try:
            return cls(value)  # type: ignore[call-arg]
        except ValueError:
            allowed = ", ".join(str(m.value) for m in cls)  # type: ignore[attr-defined]
            self.add(where, f"{value!r} is not {a_or_an(cls.__name__)}", allowed=allowed)
            return None

    def enums(
        self, cls: type[E], table: Mapping[str, Any], key: str, where: str
    ) -> frozenset[E] | None:
        names = self.strings(table, key, where)
        if names is None:
            return frozenset() if key not in table else None
        out = [self.enum(cls, n, f"{where}.{key}") for n in names]
        if any(o is None for o in out):
            return None
        return frozenset(o for o in out if o is not None)

    def build(self, where: str, make: Callable[[], E]) -> E | None:
        try:
            return make()
        except (DienhinhError, ValueError, TypeError) as exc:
            self.add(where, str(exc) if isinstance(exc, DienhinhError) else str(exc.args[0]))
            return None

    def citation(
        self, table: Mapping[str, Any], where: str, document: str, division: str
    ) -> Citation | None:
        if "citation" not in table:
            return None  # reported by keys()
        raw = self.table(table["citation"], f"{where}.citation")
        if raw is None:
            return None
        w = f"{where}.citation"
        self.keys(raw, w, (), ("document", "division", "article", "clause", "point", "quote"))
        parts = {k: raw[k] for k in ("article", "clause", "point", "quote") if k in raw}
        for k, v in parts.items():
            if not isinstance(v, str):
                self.add(f"{w}.{k}", f"expected a string, got {v!r}")
                return None
        if "article" not in parts:
            self.add(
                f"{w}.article",
                "a citation names at least the article or section",
                kind="missing_key",
            )
            return None
        doc = raw.get("document", document)
        div = raw.get("division", division)
        if div not in ("article", "section"):
            self.add(f"{w}.division", f"{div!r} is not a division", allowed="article, section")
            return None
        return self.build(w, lambda: Citation(doc, division=div, **parts))

    def rule(
        self, table: Mapping[str, Any], where: str, document: str, division: str
    ) -> Rule | None:
        rid = self.text(table, "id", where)
        citation = self.citation(table, where, document, division)
        if rid is None or citation is None:
            return None
        if not rid.startswith(f"{document}-"):
            self.add(
                f"{where}.id",
                f"{rid!r} does not start with the catalogue's document prefix {document!r}-",
            )
            return None
        return self.build(f"{where}.id", lambda: Rule(rid, citation))


_COMMON = ("id", "title_vi", "title_en", "citation")
_OPTIONAL = ("applies_to", "note_vi", "note_en")
_LEAF_KEYS: dict[str, tuple[str, ...]] = {
    "award": ("level_at_least", "fields", "categories", "count"),
    "initiative": ("level_at_least", "count"),
    "ocop": ("stars_at_least", "count"),
    "certificate": ("schemes", "count"),
    "invention": ("count",),
    "project": ("level_at_least", "level_at_most", "rating_at_least", "count"),
    "title": ("titles", "lookback", "count"),
    "rating": ("grade_at_least", "lookback", "count"),
    "figure": ("metric", "lookback"),
    "contribution": ("kinds", "purposes", "amount_at_least", "count"),
    "attestation": ("by_vi", "by_en"),
}
_LEAF_REQUIRED: dict[str, tuple[str, ...]] = {
    "award": ("level_at_least",),
    "ocop": ("stars_at_least",),
    "certificate": ("schemes",),
    "project": ("level_at_least",),
    "title": ("titles",),
    "rating": ("grade_at_least",),
    "figure": ("metric", "lookback"),
}


def _lookback(r: _Reader, t: Mapping[str, Any], where: str) -> Lookback | None:
    if "lookback" not in t:
        return None
    raw = r.table(t["lookback"], f"{where}.lookback")
    if raw is None:
        return None
    w = f"{where}.lookback"
    r.keys(raw, w, () if "since" in raw else ("years",), ("years", "through", "since"))
    years, since = r.integer(raw, "years", w), r.integer(raw, "since", w)
    through = raw.get("through", "window-end")
    if years is None and since is None:
        return None
    return r.build(w, lambda: Lookback(years, through, since=since))


# -- leaves: one reader per evidence type --

_Make = Callable[[], LeafTest]


def _level(r: _Reader, t: Mapping[str, Any], where: str, key: str) -> Level | None:
    return r.enum(Level, t[key], f"{where}.{key}") if key in t else None


def _award_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    lv, fs = _level(r, t, where, "level_at_least"), r.enums(AwardField, t, "fields", where)
    cs = r.enums(AwardCategory, t, "categories", where)
    if lv is None or fs is None or cs is None:
        return None
    return lambda: AwardTest(lv, fs, cs, count)


def _initiative_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    lv = _level(r, t, where, "level_at_least") if "level_at_least" in t else Level.COMMUNE
    if lv is None:
        return None
    return lambda: InitiativeTest(lv, count)


def _ocop_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    stars = r.integer(t, "stars_at_least", where)
    if stars is None:
        return None
    return lambda: OcopTest(stars, count)


def _certificate_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    ss = r.enums(Scheme, t, "schemes", where)
    if not ss:
        return None
    return lambda: CertificateTest(ss, count)


def _invention_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    return lambda: InventionTest(count)


def _project_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    lv = _level(r, t, where, "level_at_least")
    pr: ProjectRating | None = (
        r.enum(ProjectRating, t["rating_at_least"], f"{where}.rating_at_least")
        if "rating_at_least" in t
        else ProjectRating.PASS
    )
    most = _level(r, t, where, "level_at_most")
    if lv is None or pr is None or ("level_at_most" in t and most is None):
        return None
    return lambda: ProjectTest(lv, pr, count, level_at_most=most)


def _title_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    ts, lb = r.enums(TitleName, t, "titles", where), _lookback(r, t, where)
    if not ts or ("lookback" in t and lb is None):
        return None
    return lambda: TitleTest(ts, lb, count)


def _rating_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    g = (
        r.enum(Grade, t["grade_at_least"], f"{where}.grade_at_least")
        if "grade_at_least" in t
        else None
    )
    lb = _lookback(r, t, where)
    if g is None or ("lookback" in t and lb is None):
        return None
    return lambda: RatingTest(g, lb, count)


def _figure_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    m = r.enum(Metric, t["metric"], f"{where}.metric") if "metric" in t else None
    lb = _lookback(r, t, where)
    if m is None or lb is None:
        return None
    return lambda: FigureTest(m, lb)


def _contribution_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    ks, ps = r.enums(ContributionKind, t, "kinds", where), r.enums(Purpose, t, "purposes", where)
    amount = r.integer(t, "amount_at_least", where, 1)
    if ks is None or ps is None or amount is None:
        return None
    return lambda: ContributionTest(ks, ps, amount, count=count)


def _attestation_leaf(r: _Reader, t: Mapping[str, Any], where: str, count: int) -> _Make | None:
    by_vi, by_en = r.text(t, "by_vi", where), r.text(t, "by_en", where)
    if ("by_vi" in t) != ("by_en" in t):
        r.add(f"{where}.by_vi", "by_vi and by_en are given together or not at all")
        return None
    if by_vi and by_en:
        return lambda: AttestationTest(by_vi, by_en)
    return AttestationTest


_LEAF_READERS: dict[str, Callable[[_Reader, Mapping[str, Any], str, int], _Make | None]] = {
    "award": _award_leaf,
    "initiative": _initiative_leaf,
    "ocop": _ocop_leaf,
    "certificate": _certificate_leaf,
    "invention": _invention_leaf,
    "project": _project_leaf,
    "title": _title_leaf,
    "rating": _rating_leaf,
    "figure": _figure_leaf,
    "contribution": _contribution_leaf,
    "attestation": _attestation_leaf,
}


def _leaf(r: _Reader, t: Mapping[str, Any], where: str, kind: str) -> LeafTest | None:
    count = r.integer(t, "count", where, 1)
    if count is None:
        return None
    make = _LEAF_READERS[kind](r, t, where, count)
    if make is None:
        return None
    return cast("LeafTest | None", r.build(where, make))


def _kinds(r: _Reader, t: Mapping[str, Any], key: str, where: str) -> frozenset[NomineeKind] | None:
    out = r.enums(NomineeKind, t, key, where)
    if out is not None and not out and key in t:
        return None
    return out


# -- criteria --


def _shape(r: _Reader, t: Mapping[str, Any], where: str, nested: bool = False) -> str | None:
    """The node's structure, its keys checked against it (``None``: reported).

    ``nested``: the node is an alternative (it declares no reading of its own).
    """
    optional = _OPTIONAL if nested else (*_OPTIONAL, "reading", "alternatives")
    shapes = [k for k in ("all_of", "any_of", "evidence") if k in t]
    if len(shapes) != 1:
        r.add(
            where,
            f"a criterion has exactly one of all_of, any_of, evidence; found {shapes or 'none'}",
        )
        return None
    shape = shapes[0]
    if shape != "evidence":
        r.keys(t, where, (*_COMMON, shape), (*optional, "joined_by"))
        return shape
    kind = t["evidence"]
    if kind not in _LEAF_KEYS:
        r.add(
            f"{where}.evidence", f"{kind!r} is not an evidence type", allowed=", ".join(_LEAF_KEYS)
        )
        return None
    required = (*_COMMON, "evidence", *_LEAF_REQUIRED.get(kind, ()))
    r.keys(t, where, required, (*optional, *_LEAF_KEYS[kind], "ask_vi", "ask_en"))
    return shape


def _joined_by(r: _Reader, t: Mapping[str, Any], where: str, shape: str) -> str | None:
    joined = t.get("joined_by")
    if joined is not None and joined not in _JOINS:
        r.add(f"{where}.joined_by", f"{joined!r} is not a connective", allowed="hoặc, ;, ,")
    elif joined == "hoặc" and shape != "any_of":
        r.add(f"{where}.joined_by", "“hoặc” is a disjunction: use any_of")
    elif joined == ";" and shape == "any_of" and "note_vi" not in t:
        r.add(f"{where}.note_vi", "a “;”-list read as alternatives needs note_vi/note_en saying why (A-14)",
              kind="missing_key")  # fmt: skip
    return cast("str | None", joined)


def _children(r: _Reader, t: Mapping[str, Any], where: str, shape: str) -> tuple[str, ...] | None:
    kids = r.strings(t, shape, where)
    if kids is None:
        return None
    if len(kids) < 2:
        r.add(f"{where}.{shape}", "a combinator has at least two children")
    if len(set(kids)) != len(kids):
        r.add(f"{where}.{shape}", "names a child twice")
    return tuple(kids)


def _texts(r: _Reader, t: Mapping[str, Any], where: str) -> dict[str, str | None]:
    names = ("title_vi", "title_en", "note_vi", "note_en", "ask_vi", "ask_en")
    out = {name: r.text(t, name, where) for name in names}
    if ("note_vi" in t) != ("note_en" in t) or ("ask_vi" in t) != ("ask_en" in t):
        r.add(where, "note_vi/note_en and ask_vi/ask_en come in pairs")
    return out


def _criterion(
    r: _Reader,
    t: Mapping[str, Any],
    where: str,
    document: str,
    division: str,
    nested: bool = False,
) -> tuple[Criterion | None, frozenset[NomineeKind] | None]:
    shape = _shape(r, t, where, nested)
    if shape is None:
        return None, None
    rule = r.rule(t, where, document, division)
    texts = _texts(r, t, where)
    kinds = _kinds(r, t, "applies_to", where) if "applies_to" in t else None
    test: LeafTest | None = None
    children: tuple[str, ...] | None = ()
    joined = None
    if shape == "evidence":
        test = _leaf(r, t, where, t["evidence"])
        if test is None:
            return None, None
    else:
        children = _children(r, t, where, shape)
        if children is None:
            return None, None
        joined = _joined_by(r, t, where, shape)
    title_vi, title_en = texts["title_vi"], texts["title_en"]
    if rule is None or title_vi is None or title_en is None:
        return None, None
    if "applies_to" in t and kinds is None:
        return None, None
    node = Criterion(
        rule=rule, title_vi=title_vi, title_en=title_en, applies_to=frozenset(),
        structure=shape, children=children, joined_by=joined, test=test,  # type: ignore[arg-type]
        note_vi=texts["note_vi"], note_en=texts["note_en"], ask_vi=texts["ask_vi"],
        ask_en=texts["ask_en"],
    )  # fmt: skip
    if nested or ("reading" not in t and "alternatives" not in t):
        return node, kinds
    alternatives = _alternatives(r, t, where, (document, division), node)
    if alternatives is None:
        return None, None
    reading, alts, also = alternatives
    return attrs.evolve(node, reading=reading, alternatives=alts, also_reads=also), kinds


# -- a node's readings (docs/criteria-format.md, "Readings") --

_INHERITED = ("id", "title_vi", "title_en", "citation", "applies_to")


def _entries(r: _Reader, t: Mapping[str, Any], where: str) -> list[Interpretation] | None:
    """The register entries a node declares: ``reading = "A-n"``, or a list of distinct ids."""
    if "reading" not in t or "alternatives" not in t:
        r.add(where, "reading and alternatives are given together", kind="missing_key")
        return None
    given = t["reading"]
    ids = given if isinstance(given, list) and given else [given]
    out: list[Interpretation] = []
    for rid in ids:
        if not isinstance(rid, str) or rid not in INTERPRETATIONS:
            r.add(f"{where}.reading", f"{rid!r} is not an entry of the interpretation register",
                  allowed=", ".join(INTERPRETATIONS))  # fmt: skip
            return None
        out.append(INTERPRETATIONS[rid])
    if len({e.id for e in out}) != len(out):
        r.add(f"{where}.reading", f"names an entry twice: {ids}")
        return None
    return out


def _combinations(entries: list[Interpretation]) -> list[str] | None:
    """The alternatives' keys: each choice of readings with at least one non-default, its
    non-default names in the entries' order joined by "+" (``None``: two choices collide)."""
    keys = [""]
    for e in entries:
        keys = [
            k if n is None else f"{k}+{n}" if k else n for k in keys for n in (None, *e.names[1:])
        ]
    keys = [k for k in keys if k]
    return keys if len(set(keys)) == len(keys) else None


def _alternatives(
    r: _Reader, t: Mapping[str, Any], where: str, doc: tuple[str, str], node: Criterion
) -> tuple[str, dict[str, Criterion], tuple[str, ...]] | None:
    """The register entries a node declares and its structure under each other reading."""
    entries = _entries(r, t, where)
    raw = r.table(t["alternatives"], f"{where}.alternatives") if entries is not None else None
    if entries is None or raw is None:
        return None
    expected = _combinations(entries)
    ids = [e.id for e in entries]
    if expected is None:
        r.add(f"{where}.reading", f"the readings of {', '.join(ids)} share a name")
        return None
    if sorted(raw) != sorted(expected):
        what = (f"{ids[0]} needs one alternative for each reading but its default" if len(ids) == 1
                else f"{' and '.join(ids)} need one alternative for each combination of readings "
                "but the defaults")  # fmt: skip
        r.add(f"{where}.alternatives", f"names {sorted(raw)}; {what}",
              allowed=", ".join(expected))  # fmt: skip
        return None
    out: dict[str, Criterion] = {}
    for name in expected:
        alt = _alternative(r, t, raw[name], f"{where}.alternatives.{name}", doc, node)
        if alt is None:
            return None
        out[name] = attrs.evolve(alt, reading=ids[0], also_reads=tuple(ids[1:]))
    return ids[0], out, tuple(ids[1:])


def _alternative(
    r: _Reader, t: Mapping[str, Any], raw: object, where: str, doc: tuple[str, str], node: Criterion
) -> Criterion | None:
    alt = r.table(raw, where)
    if alt is None:
        return None
    for key in sorted(set(alt) & set(_INHERITED)):
        r.add(f"{where}.{key}", "an alternative keeps the node's id, titles, citation and kinds",
              kind="unknown_key")  # fmt: skip
    merged = {k: t[k] for k in _INHERITED if k in t} | {
        k: v for k, v in alt.items() if k not in _INHERITED
    }
    sub, _ = _criterion(r, merged, where, *doc, nested=True)
    if sub is not None and sorted(sub.children) != sorted(node.children):
        r.add(where, f"an alternative keeps the node's children {sorted(node.children)}")
        return None
    return sub


def _group(
    r: _Reader,
    t: Mapping[str, Any],
    where: str,
    document: str,
    division: str,
    extra: Iterable[str] = (),
) -> Group | None:
    r.keys(t, where, _COMMON, extra)
    rule = r.rule(t, where, document, division)
    vi, en = r.text(t, "title_vi", where), r.text(t, "title_en", where)
    if rule is None or vi is None or en is None:
        return None
    return Group(rule, vi, en)


def _thaw(value: Any) -> Any:
    """Plain dicts and lists from read-only data (a ruleset keeps its catalogue frozen)."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


# -- the file, part by part --

_TOP = ("format", "catalogue", "document", "title_vi", "title_en", "kinds", "standing", "field",
        "criterion")  # fmt: skip
_TOP_OPTIONAL = ("division", "window", "kind_reading")


@frozen
class _Header:
    id: str | None
    document: str
    division: str
    title_vi: str | None
    title_en: str | None
    kinds: frozenset[NomineeKind] | None


def _top_keys(r: _Reader, data: Mapping[str, Any]) -> None:
    for key in sorted(set(data) - set(_TOP) - set(_TOP_OPTIONAL)):
        r.add(key, "unknown key; the format does not define it",
              allowed=", ".join(sorted({*_TOP, *_TOP_OPTIONAL})), kind="unknown_key")  # fmt: skip
    for key in _TOP:
        if key not in data:
            r.add(key, "required key missing", kind="missing_key")
    if data.get("format", FORMAT) != FORMAT:
        r.add(
            "format",
            f"{data.get('format')!r} is not a format this version reads",
            allowed=str(FORMAT),
        )


def _header(r: _Reader, data: Mapping[str, Any]) -> _Header:
    cid = r.text(data, "catalogue", "$")
    document = r.text(data, "document", "$") or "?"
    division = data.get("division", "article")
    if division not in ("article", "section"):
        r.add("division", f"{division!r} is not a division", allowed="article, section")
        division = "article"
    title_vi, title_en = r.text(data, "title_vi", "$"), r.text(data, "title_en", "$")
    kinds = _kinds(r, data, "kinds", "$") if "kinds" in data else None
    if cid is not None and not _SLUG.match(cid):
        r.add("catalogue", f"{cid!r} is not a ruleset id", allowed="lower-case words joined by '-'")
    return _Header(cid, document, division, title_vi, title_en, kinds)


def _window_rule(r: _Reader, data: Mapping[str, Any], h: _Header) -> Rule | None:
    if "window" not in data:
        return None
    w = r.table(data["window"], "window")
    if w is None:
        return None
    r.keys(w, "window", ("id", "citation"), ())
    return r.rule(w, "window", h.document, h.division)


def _standing(
    r: _Reader, data: Mapping[str, Any], h: _Header
) -> tuple[Group | None, Group | None, tuple[str, ...]]:
    if "standing" not in data or (st := r.table(data["standing"], "standing")) is None:
        return None, None, ()
    standing = _group(r, st, "standing", h.document, h.division, ("general", "fields"))
    g = r.strings(st, "general", "standing")
    if "general" not in st:
        r.add("standing.general", "required key missing", kind="missing_key")
    field_group = None
    if "fields" not in st:
        r.add("standing.fields", "required key missing", kind="missing_key")
    elif (fg := r.table(st["fields"], "standing.fields")) is not None:
        field_group = _group(r, fg, "standing.fields", h.document, h.division)
    return standing, field_group, tuple(g or ())


def _array(r: _Reader, data: Mapping[str, Any], key: str) -> list[Any]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        r.add(key, f"expected an array of tables [[{key}]]")
        return []
    return raw


@attrs.define
class _Nodes:
    """The criteria read so far: the good ones, the broken ids, the kinds each declares."""

    nodes: dict[str, Criterion] = attrs.Factory(dict)
    broken: set[str] = attrs.Factory(set)
    declared: dict[str, frozenset[NomineeKind] | None] = attrs.Factory(dict)


def _criteria(r: _Reader, data: Mapping[str, Any], h: _Header) -> _Nodes:
    out = _Nodes()
    for i, raw in enumerate(_array(r, data, "criterion")):
        where = f"criterion[{i}]"
        t = r.table(raw, where)
        if t is None:
            continue
        if isinstance(t.get("id"), str):
            where = f"criterion[{i}]({nfc(t['id'])})"
        node, node_kinds = _criterion(r, t, where, h.document, h.division)
        if node is None:
            if isinstance(t.get("id"), str):
                out.broken.add(nfc(t["id"]))  # reported already: no cascade of "not a criterion"
            continue
        if node.id in out.nodes:
            r.add(f"{where}.id", f"{node.id!r} is given twice")
            continue
        out.nodes[node.id] = node
        out.declared[node.id] = node_kinds
    return out


def _field(
    r: _Reader, t: Mapping[str, Any], where: str, h: _Header, seen: set[str]
) -> Field | None:
    r.keys(t, where, ("id", "title_vi", "title_en", "citation", "standard"), ())
    fid = r.text(t, "id", where)
    if fid is not None and not _SLUG.match(fid):
        r.add(
            f"{where}.id", f"{fid!r} is not a field slug", allowed="lower-case words joined by '-'"
        )
    if fid in seen:
        r.add(f"{where}.id", f"{fid!r} is given twice")
    vi, en = r.text(t, "title_vi", where), r.text(t, "title_en", where)
    citation = r.citation(t, where, h.document, h.division)
    std = r.strings(t, "standard", where)
    if fid is None or vi is None or en is None or citation is None or std is None:
        return None
    seen.add(fid)
    return Field(fid, vi, en, citation, tuple(std))


def _fields(r: _Reader, data: Mapping[str, Any], h: _Header) -> list[Field]:
    out: list[Field] = []
    seen: set[str] = set()
    for i, raw in enumerate(_array(r, data, "field")):
        t = r.table(raw, f"field[{i}]")
        if t is not None and (f := _field(r, t, f"field[{i}]", h, seen)) is not None:
            out.append(f)
    return out


def _kind_readings(
    r: _Reader, data: Mapping[str, Any], h: _Header, fields: list[Field]
) -> tuple[KindReading, ...]:
    """``[[kind_reading]]``: a kind judged only under one reading (A-29), and the rule refusing it."""
    out: list[KindReading] = []
    known = {f.id for f in fields}
    for i, raw in enumerate(_array(r, data, "kind_reading")):
        where = f"kind_reading[{i}]"
        t = r.table(raw, where)
        if t is None:
            continue
        r.keys(t, where, ("kind", "reading", "admitted", "fields", "refused"), ())
        kind = r.enum(NomineeKind, t.get("kind"), f"{where}.kind") if "kind" in t else None
        if kind is not None and h.kinds is not None and kind in h.kinds:
            r.add(f"{where}.kind", f"{kind.value!r} is already among the catalogue's kinds",
                  allowed="a kind not in kinds")  # fmt: skip
            kind = None
        if kind is not None and any(k.kind is kind for k in out):
            r.add(f"{where}.kind", f"{kind.value!r} has two kind readings")
            kind = None
        reading, admitted = r.text(t, "reading", where), r.text(t, "admitted", where)
        if reading is not None and reading not in INTERPRETATIONS:
            r.add(f"{where}.reading", f"{reading!r} is not an interpretation of the register",
                  allowed=f"A-1 … {list(INTERPRETATIONS)[-1]}")  # fmt: skip
            reading = None
        if (
            reading is not None
            and admitted is not None
            and (admitted not in INTERPRETATIONS[reading].names)
        ):
            r.add(f"{where}.admitted", f"{admitted!r} is not a reading of {reading}",
                  allowed=", ".join(INTERPRETATIONS[reading].names))  # fmt: skip
            admitted = None
        names = r.strings(t, "fields", where)
        for name in names or ():
            if name not in known:
                r.add(f"{where}.fields", f"{name!r} is not a field of this catalogue",
                      allowed=", ".join(sorted(known)))  # fmt: skip
                names = None
                break
        refused_raw = r.table(t["refused"], f"{where}.refused") if "refused" in t else None
        refused = None
        if refused_raw is not None:
            r.keys(refused_raw, f"{where}.refused", ("id", "citation"), ())
            refused = r.rule(refused_raw, f"{where}.refused", h.document, h.division)
        if kind and reading and admitted and names and refused:
            out.append(KindReading(kind, reading, admitted, tuple(names), refused))
    return tuple(out)


class _Trees:
    """The trees' checks: references, single parents, reachability, kinds, variants."""

    def __init__(self, r: _Reader, nodes: _Nodes, kinds: frozenset[NomineeKind]) -> None:
        self.r = r
        self.nodes = nodes.nodes
        self.broken = nodes.broken
        self.declared = nodes.declared
        self.all_kinds = kinds
        self.parents: dict[str, str] = {}
        self.resolved: dict[str, frozenset[NomineeKind]] = {}
        self.roots: set[str] = set()

    def link(self) -> None:
        for node in self.nodes.values():
            for child in node.children:
                self._link(node.id, child)

    def _link(self, parent: str, child: str) -> None:
        if child in self.broken:
            return
        if child not in self.nodes:
            self.r.add(
                f"criterion({parent}).children", f"{child!r} is not a criterion of this catalogue"
            )
        elif child in self.parents:
            self.r.add(f"criterion({child})", f"is a child of both {self.parents[child]!r} and {parent!r}; "
                       "each criterion has one parent (one path to cite)")  # fmt: skip
        else:
            self.parents[child] = parent

    def root(self, rid: str, where: str, extra: frozenset[NomineeKind] = frozenset()) -> None:
        if rid not in self.nodes:
            if rid not in self.broken:
                self.r.add(where, f"{rid!r} is not a criterion of this catalogue")
        elif rid in self.parents:
            self.r.add(where, f"{rid!r} is a child of {self.parents[rid]!r}; a standard is a root")
        elif rid in self.roots:
            self.r.add(where, f"{rid!r} is the standard of two places")
        else:
            self.roots.add(rid)
            self.resolve(rid, self.all_kinds | extra)

    def resolve(self, cid: str, inherited: frozenset[NomineeKind]) -> None:
        node = self.nodes[cid]
        own = self.declared.get(cid)
        if own is not None and not own <= inherited:
            self.r.add(f"criterion({cid}).applies_to",
                       f"{sorted(k.value for k in own)} is not within its parent's {sorted(k.value for k in inherited)}")  # fmt: skip
        here = own if own is not None else inherited
        self.resolved[cid] = here
        for child in node.children:
            if child in self.nodes and self.parents.get(child) == cid:
                self.resolve(child, here)
        if node.children:
            self._covered(node, here)

    def _covered(self, node: Criterion, here: frozenset[NomineeKind]) -> None:
        for k in sorted(here, key=lambda k: k.value):
            if not any(
                c in self.nodes and k in (self.declared.get(c) or here) for c in node.children
            ):
                self.r.add(f"criterion({node.id})", f"no child applies to the kind {k.value!r}")

    def unreachable(self) -> None:
        for nid in self.nodes:
            if nid not in self.resolved and nid not in self.parents and nid not in self.roots:
                self.r.add(
                    f"criterion({nid})", "is not reachable from the general standard or any field"
                )

    def variants(self, ids: Iterable[str], where: str, *, cover: bool) -> None:
        owner: dict[NomineeKind, str] = {}
        for sid in ids:
            for k in self.resolved.get(sid, frozenset()):
                if k in owner:
                    self.r.add(where, f"{owner[k]!r} and {sid!r} both apply to {k.value!r}; variants do not overlap")  # fmt: skip
                owner[k] = sid
        if cover:
            for k in sorted(self.all_kinds - set(owner), key=lambda k: k.value):
                self.r.add(where, f"no general standard applies to the kind {k.value!r}")


def _check_trees(
    r: _Reader, nodes: _Nodes, kinds: frozenset[NomineeKind], general: tuple[str, ...],
    fields: list[Field], conditional: tuple[KindReading, ...] = (),
) -> dict[str, frozenset[NomineeKind]]:  # fmt: skip
    trees = _Trees(r, nodes, kinds)
    trees.link()
    # A kind judged under a reading joins the general standard and its fields' standards only.
    for g in general:
        trees.root(g, "standing.general", frozenset(k.kind for k in conditional))
    for f in fields:
        extra = frozenset(k.kind for k in conditional if f.id in k.fields)
        for s in f.standard:
            trees.root(s, f"field({f.id}).standard", extra)
    trees.unreachable()
    trees.variants(general, "standing.general", cover=True)
    for f in fields:
        trees.variants(f.standard, f"field({f.id}).standard", cover=False)
    return trees.resolved


def _resolved(node: Criterion, kinds: frozenset[NomineeKind]) -> Criterion:
    alternatives = {k: attrs.evolve(a, applies_to=kinds) for k, a in node.alternatives.items()}
    return attrs.evolve(node, applies_to=kinds, alternatives=alternatives)


def parse_catalogue(data: Mapping[str, Any], *, source: str = "<catalogue>") -> Catalogue:
    """A :class:`Catalogue` from plain data, or one :class:`RulesetError` listing every problem.

    >>> parse_catalogue({"format": 1}, source="x.toml")
    Traceback (most recent call last):
    ...
    dienhinh._errors.RulesetError: x.toml: not a criteria catalogue: catalogue: required key missing; ...
    """
    data = _thaw(data)
    r = _Reader(source)
    _top_keys(r, data)
    h = _header(r, data)
    window_rule = _window_rule(r, data, h)
    standing, field_group, general = _standing(r, data, h)
    nodes = _criteria(r, data, h)
    fields = _fields(r, data, h)
    conditional = _kind_readings(r, data, h, fields)
    resolved = _check_trees(r, nodes, h.kinds or frozenset(), general, fields, conditional)
    cid, title_vi, title_en, kinds = h.id, h.title_vi, h.title_en, h.kinds
    if (
        r.problems
        or cid is None
        or title_vi is None
        or title_en is None
        or kinds is None
        or standing is None
        or field_group is None
    ):
        if not r.problems:
            r.add("$", "incomplete catalogue")
        raise RulesetError(f"{source}: not a criteria catalogue", r.problems)
    final = {k: _resolved(n, resolved[k]) for k, n in nodes.nodes.items() if k in resolved}
    return Catalogue(
        id=cid, document=h.document, title_vi=title_vi, title_en=title_en, kinds=kinds,
        standing=standing, field_group=field_group, general=general, fields=tuple(fields),
        criteria=final, window_rule=window_rule, source=source, kind_readings=conditional,
    )  # fmt: skip
