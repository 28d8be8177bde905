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
from typing import Any, Literal, TypeVar, cast

import attrs

from dienhinh._canonical import digest_of
from dienhinh._errors import (
    DienhinhError,
    Problem,
    RulesetError,
    UnknownFieldError,
)
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Citation, Rule
from dienhinh._text import nfc
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

__all__ = ["Catalogue", "Criterion", "Field", "Group", "parse_catalogue"]

FORMAT = 1
Structure = Literal["all_of", "any_of", "evidence"]
_JOINS = ("hoặc", ";", ",")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
E = TypeVar("E")


@attrs.frozen
class Group:
    """A node the catalogue names but does not test itself: the standing, the field group."""

    rule: Rule
    title_vi: str
    title_en: str

    @property
    def id(self) -> str:
        return self.rule.id


@attrs.frozen
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

    @property
    def id(self) -> str:
        return self.rule.id

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
        if self.test is not None:
            out["needs_vi"] = self.ask_vi or self.test.need_vi()
            out["needs_en"] = self.ask_en or self.test.need_en()
        return out


@attrs.frozen
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


def _freeze(value: Mapping[str, Criterion]) -> Mapping[str, Criterion]:
    return MappingProxyType(dict(value))


@attrs.frozen
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
    def compiled(self) -> Any:
        """The trees compiled once for evaluation (internal; see ``_engine``)."""
        from dienhinh.criteria._engine import compile_catalogue

        return compile_catalogue(self)

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
        }

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
            self.add(where, f"{value!r} is not a {cls.__name__}", allowed=allowed)
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
    "project": ("level_at_least", "rating_at_least", "count"),
    "title": ("titles", "lookback", "count"),
    "rating": ("grade_at_least", "lookback", "count"),
    "figure": ("metric", "lookback"),
    "contribution": ("kinds", "purposes", "amount_at_least"),
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
    r.keys(raw, f"{where}.lookback", ("years",), ("through",))
    years = r.integer(raw, "years", f"{where}.lookback")
    through = raw.get("through", "window-end")
    if years is None:
        return None
    return r.build(f"{where}.lookback", lambda: Lookback(years, through))


def _leaf(r: _Reader, t: Mapping[str, Any], where: str, kind: str) -> LeafTest | None:
    def level(key: str, default: Level | None = None) -> Level | None:
        if key not in t:
            return default
        return r.enum(Level, t[key], f"{where}.{key}")

    lv: Level | None

    count = r.integer(t, "count", where, 1)
    if count is None:
        return None
    make: Callable[[], LeafTest]
    if kind == "award":
        lv, fs = level("level_at_least"), r.enums(AwardField, t, "fields", where)
        cs = r.enums(AwardCategory, t, "categories", where)
        if lv is None or fs is None or cs is None:
            return None
        award_level = lv
        make = lambda: AwardTest(award_level, fs, cs, count)  # noqa: E731
    elif kind == "initiative":
        lv = level("level_at_least", Level.COMMUNE)
        if lv is None:
            return None
        initiative_level = lv
        make = lambda: InitiativeTest(initiative_level, count)  # noqa: E731
    elif kind == "ocop":
        stars = r.integer(t, "stars_at_least", where)
        if stars is None:
            return None
        make = lambda: OcopTest(stars, count)  # noqa: E731
    elif kind == "certificate":
        ss = r.enums(Scheme, t, "schemes", where)
        if not ss:
            return None
        make = lambda: CertificateTest(ss, count)  # noqa: E731
    elif kind == "invention":
        make = lambda: InventionTest(count)  # noqa: E731
    elif kind == "project":
        lv = level("level_at_least")
        pr: ProjectRating | None = (
            r.enum(ProjectRating, t["rating_at_least"], f"{where}.rating_at_least")
            if "rating_at_least" in t
            else ProjectRating.PASS
        )
        if lv is None or pr is None:
            return None
        project_level, project_rating = lv, pr
        make = lambda: ProjectTest(project_level, project_rating, count)  # noqa: E731
    elif kind == "title":
        ts, lb = r.enums(TitleName, t, "titles", where), _lookback(r, t, where)
        if not ts or ("lookback" in t and lb is None):
            return None
        make = lambda: TitleTest(ts, lb, count)  # noqa: E731
    elif kind == "rating":
        g = (
            r.enum(Grade, t["grade_at_least"], f"{where}.grade_at_least")
            if "grade_at_least" in t
            else None
        )
        lb = _lookback(r, t, where)
        if g is None or ("lookback" in t and lb is None):
            return None
        make = lambda: RatingTest(g, lb, count)  # noqa: E731
    elif kind == "figure":
        m = r.enum(Metric, t["metric"], f"{where}.metric") if "metric" in t else None
        lb = _lookback(r, t, where)
        if m is None or lb is None:
            return None
        make = lambda: FigureTest(m, lb)  # noqa: E731
    elif kind == "contribution":
        ks, ps = (
            r.enums(ContributionKind, t, "kinds", where),
            r.enums(Purpose, t, "purposes", where),
        )
        amount = r.integer(t, "amount_at_least", where, 1)
        if ks is None or ps is None or amount is None:
            return None
        make = lambda: ContributionTest(ks, ps, amount)  # noqa: E731
    else:  # attestation
        by_vi, by_en = r.text(t, "by_vi", where), r.text(t, "by_en", where)
        if ("by_vi" in t) != ("by_en" in t):
            r.add(f"{where}.by_vi", "by_vi and by_en are given together or not at all")
            return None
        make = (lambda: AttestationTest(by_vi, by_en)) if by_vi and by_en else AttestationTest
    return cast("LeafTest | None", r.build(where, make))


def _kinds(r: _Reader, t: Mapping[str, Any], key: str, where: str) -> frozenset[NomineeKind] | None:
    out = r.enums(NomineeKind, t, key, where)
    if out is not None and not out and key in t:
        return None
    return out


def _criterion(
    r: _Reader, t: Mapping[str, Any], where: str, document: str, division: str
) -> tuple[Criterion | None, frozenset[NomineeKind] | None]:
    shapes = [k for k in ("all_of", "any_of", "evidence") if k in t]
    if len(shapes) != 1:
        r.add(
            where,
            f"a criterion has exactly one of all_of, any_of, evidence; found {shapes or 'none'}",
        )
        return None, None
    shape = shapes[0]
    extra: tuple[str, ...] = ("ask_vi", "ask_en")
    if shape == "evidence":
        kind = t["evidence"]
        if kind not in _LEAF_KEYS:
            r.add(
                f"{where}.evidence",
                f"{kind!r} is not an evidence type",
                allowed=", ".join(_LEAF_KEYS),
            )
            return None, None
        r.keys(
            t,
            where,
            (*_COMMON, "evidence", *_LEAF_REQUIRED.get(kind, ())),
            (*_OPTIONAL, *_LEAF_KEYS[kind], *extra),
        )
    else:
        r.keys(t, where, (*_COMMON, shape), (*_OPTIONAL, "joined_by"))
    rule = r.rule(t, where, document, division)
    title_vi, title_en = r.text(t, "title_vi", where), r.text(t, "title_en", where)
    note_vi, note_en = r.text(t, "note_vi", where), r.text(t, "note_en", where)
    ask_vi, ask_en = r.text(t, "ask_vi", where), r.text(t, "ask_en", where)
    if ("note_vi" in t) != ("note_en" in t) or ("ask_vi" in t) != ("ask_en" in t):
        r.add(where, "note_vi/note_en and ask_vi/ask_en come in pairs")
    kinds = _kinds(r, t, "applies_to", where) if "applies_to" in t else None
    test: LeafTest | None = None
    children: tuple[str, ...] = ()
    joined = None
    if shape == "evidence":
        test = _leaf(r, t, where, t["evidence"])
        if test is None:
            return None, None
    else:
        kids = r.strings(t, shape, where)
        if kids is None:
            return None, None
        if len(kids) < 2:
            r.add(f"{where}.{shape}", "a combinator has at least two children")
        if len(set(kids)) != len(kids):
            r.add(f"{where}.{shape}", "names a child twice")
        children = tuple(kids)
        joined = t.get("joined_by")
        if joined is not None and joined not in _JOINS:
            r.add(f"{where}.joined_by", f"{joined!r} is not a connective", allowed="hoặc, ;, ,")
        elif joined == "hoặc" and shape != "any_of":
            r.add(f"{where}.joined_by", "“hoặc” is a disjunction: use any_of")
        elif joined == ";" and shape == "any_of" and "note_vi" not in t:
            r.add(f"{where}.note_vi", "a “;”-list read as alternatives needs note_vi/note_en saying why (A-14)",
                  kind="missing_key")  # fmt: skip
    if (
        rule is None
        or title_vi is None
        or title_en is None
        or ("applies_to" in t and kinds is None)
    ):
        return None, None
    node = Criterion(
        rule=rule, title_vi=title_vi, title_en=title_en, applies_to=frozenset(),
        structure=shape, children=children, joined_by=joined, test=test,  # type: ignore[arg-type]
        note_vi=note_vi, note_en=note_en, ask_vi=ask_vi, ask_en=ask_en,
    )  # fmt: skip
    return node, kinds


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


def parse_catalogue(data: Mapping[str, Any], *, source: str = "<catalogue>") -> Catalogue:
    """A :class:`Catalogue` from plain data, or one :class:`RulesetError` listing every problem.

    >>> parse_catalogue({"format": 1}, source="x.toml")
    Traceback (most recent call last):
    ...
    dienhinh._errors.RulesetError: x.toml: not a criteria catalogue: catalogue: required key missing; ...
    """
    data = _thaw(data)
    r = _Reader(source)
    top = (
        "format",
        "catalogue",
        "document",
        "title_vi",
        "title_en",
        "kinds",
        "standing",
        "field",
        "criterion",
    )
    for key in sorted(set(data) - set(top) - {"division", "window"}):
        r.add(key, "unknown key; the format does not define it",
              allowed=", ".join(sorted({*top, "division", "window"})), kind="unknown_key")  # fmt: skip
    for key in top:
        if key not in data:
            r.add(key, "required key missing", kind="missing_key")
    if data.get("format", FORMAT) != FORMAT:
        r.add(
            "format",
            f"{data.get('format')!r} is not a format this version reads",
            allowed=str(FORMAT),
        )
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

    window_rule = None
    if "window" in data:
        w = r.table(data["window"], "window")
        if w is not None:
            r.keys(w, "window", ("id", "citation"), ())
            window_rule = r.rule(w, "window", document, division)

    standing = field_group = None
    general: tuple[str, ...] = ()
    if "standing" in data and (st := r.table(data["standing"], "standing")) is not None:
        standing = _group(r, st, "standing", document, division, ("general", "fields"))
        g = r.strings(st, "general", "standing")
        if "general" not in st:
            r.add("standing.general", "required key missing", kind="missing_key")
        general = tuple(g or ())
        if "fields" not in st:
            r.add("standing.fields", "required key missing", kind="missing_key")
        elif (fg := r.table(st["fields"], "standing.fields")) is not None:
            field_group = _group(r, fg, "standing.fields", document, division)

    nodes: dict[str, Criterion] = {}
    broken: set[str] = set()
    declared: dict[str, frozenset[NomineeKind] | None] = {}
    raw_nodes = data.get("criterion", [])
    if not isinstance(raw_nodes, list):
        r.add("criterion", "expected an array of tables [[criterion]]")
        raw_nodes = []
    for i, raw in enumerate(raw_nodes):
        where = f"criterion[{i}]"
        t = r.table(raw, where)
        if t is None:
            continue
        if isinstance(t.get("id"), str):
            where = f"criterion[{i}]({nfc(t['id'])})"
        node, node_kinds = _criterion(r, t, where, document, division)
        if node is None:
            if isinstance(t.get("id"), str):
                broken.add(nfc(t["id"]))  # reported already: no cascade of "not a criterion"
            continue
        if node.id in nodes:
            r.add(f"{where}.id", f"{node.id!r} is given twice")
            continue
        nodes[node.id] = node
        declared[node.id] = node_kinds

    fields: list[Field] = []
    raw_fields = data.get("field", [])
    if not isinstance(raw_fields, list):
        r.add("field", "expected an array of tables [[field]]")
        raw_fields = []
    seen_fields: set[str] = set()
    for i, raw in enumerate(raw_fields):
        where = f"field[{i}]"
        t = r.table(raw, where)
        if t is None:
            continue
        r.keys(t, where, ("id", "title_vi", "title_en", "citation", "standard"), ())
        fid = r.text(t, "id", where)
        if fid is not None and not _SLUG.match(fid):
            r.add(
                f"{where}.id",
                f"{fid!r} is not a field slug",
                allowed="lower-case words joined by '-'",
            )
        if fid in seen_fields:
            r.add(f"{where}.id", f"{fid!r} is given twice")
        vi, en = r.text(t, "title_vi", where), r.text(t, "title_en", where)
        citation = r.citation(t, where, document, division)
        std = r.strings(t, "standard", where)
        if fid is None or vi is None or en is None or citation is None or std is None:
            continue
        seen_fields.add(fid)
        fields.append(Field(fid, vi, en, citation, tuple(std)))

    # -- the trees: references, single parents, reachability, kinds --
    all_kinds = kinds or frozenset()
    parents: dict[str, str] = {}
    for node in nodes.values():
        for child in node.children:
            if child in broken:
                continue
            if child not in nodes:
                r.add(
                    f"criterion({node.id}).children",
                    f"{child!r} is not a criterion of this catalogue",
                )
            elif child in parents:
                r.add(f"criterion({child})", f"is a child of both {parents[child]!r} and {node.id!r}; "
                      "each criterion has one parent (one path to cite)")  # fmt: skip
            else:
                parents[child] = node.id
    roots: list[tuple[str, str]] = [(g, "standing.general") for g in general]
    roots += [(s, f"field({f.id}).standard") for f in fields for s in f.standard]
    resolved: dict[str, frozenset[NomineeKind]] = {}

    def resolve(cid: str, inherited: frozenset[NomineeKind], where: str) -> None:
        node = nodes.get(cid)
        if node is None:
            return
        own = declared.get(cid)
        if own is not None and not own <= inherited:
            r.add(f"criterion({cid}).applies_to",
                  f"{sorted(k.value for k in own)} is not within its parent's {sorted(k.value for k in inherited)}")  # fmt: skip
        kinds_here = own if own is not None else inherited
        resolved[cid] = kinds_here
        for child in node.children:
            if child in nodes and parents.get(child) == cid:
                resolve(child, kinds_here, where)
        if node.children:
            for k in sorted(kinds_here, key=lambda k: k.value):
                kids = [
                    c for c in node.children if c in nodes and k in (declared.get(c) or kinds_here)
                ]
                if not kids:
                    r.add(f"criterion({cid})", f"no child applies to the kind {k.value!r}")

    seen_roots: set[str] = set()
    for rid, where in roots:
        if rid not in nodes:
            if rid not in broken:
                r.add(where, f"{rid!r} is not a criterion of this catalogue")
            continue
        if rid in parents:
            r.add(where, f"{rid!r} is a child of {parents[rid]!r}; a standard is a root")
            continue
        if rid in seen_roots:
            r.add(where, f"{rid!r} is the standard of two places")
            continue
        seen_roots.add(rid)
        resolve(rid, all_kinds, where)
    for nid in nodes:
        if nid not in resolved and nid not in parents and nid not in seen_roots:
            r.add(f"criterion({nid})", "is not reachable from the general standard or any field")

    def variants(ids: Iterable[str], where: str, *, cover: bool) -> None:
        owner: dict[NomineeKind, str] = {}
        for sid in ids:
            for k in resolved.get(sid, frozenset()):
                if k in owner:
                    r.add(
                        where,
                        f"{owner[k]!r} and {sid!r} both apply to {k.value!r}; variants do not overlap",
                    )
                owner[k] = sid
        if cover:
            for k in sorted(all_kinds - set(owner), key=lambda k: k.value):
                r.add(where, f"no general standard applies to the kind {k.value!r}")

    variants(general, "standing.general", cover=True)
    for f in fields:
        variants(f.standard, f"field({f.id}).standard", cover=False)

    if r.problems or None in (cid, title_vi, title_en, kinds, standing, field_group):
        if not r.problems:
            r.add("$", "incomplete catalogue")
        raise RulesetError(f"{source}: not a criteria catalogue", r.problems)
    assert cid is not None
    assert title_vi is not None
    assert title_en is not None
    assert kinds is not None
    assert standing is not None
    assert field_group is not None
    final = {
        cid_: attrs.evolve(node, applies_to=resolved[cid_])
        for cid_, node in nodes.items()
        if cid_ in resolved
    }
    return Catalogue(
        id=cid, document=document, title_vi=title_vi, title_en=title_en, kinds=kinds,
        standing=standing, field_group=field_group, general=general, fields=tuple(fields),
        criteria=final, window_rule=window_rule, source=source,
    )  # fmt: skip
