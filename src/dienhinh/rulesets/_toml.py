"""Reading and writing ruleset TOML: one reader per table, the writer beside them.

Split from :mod:`dienhinh.rulesets._load`, which keeps the public entry points; like
the rest of :mod:`dienhinh.rulesets` it loads on first use, not by ``import dienhinh``.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from pathlib import PurePath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar

from dienhinh._documents import is_slug
from dienhinh._errors import (
    DienhinhError,
    InvalidValueError,
    Problem,
    RulesetError,
)
from dienhinh._provenance import Citation, Rule
from dienhinh._text import MAX_DIGITS, MAX_TEXT, decode_utf8, did_you_mean
from dienhinh.calendar import (
    DateRange,
    Deadline,
    Milestone,
    Quarter,
    QuarterPart,
    WindowPolicy,
    Wording,
)
from dienhinh.criteria import Catalogue, parse_catalogue
from dienhinh.rulesets._cache import parsed
from dienhinh.rulesets._national import NationalDocument, NationalLaw, NationalProvision, Subject
from dienhinh.rulesets._parts import (
    Benefits,
    CashMultipliers,
    Dated,
    Document,
    Effective,
    Floor,
    FloorCount,
    Posthumous,
    Successor,
    Timeline,
    timeline_problems,
)
from dienhinh.rulesets._procedure import Check, CheckKind, DeadlineRole, DossierPart, NotComputed
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import BallotRule, Cap, Comparison, Denominator, TieBreak

if TYPE_CHECKING:
    from pathlib import Path

    from dienhinh.calendar import Deadline, Milestone, WindowPolicy
    from dienhinh.rulesets._parts import (
        Benefits,
        CashMultipliers,
        Document,
        Effective,
        Floor,
        Posthumous,
        Successor,
        Timeline,
    )
    from dienhinh.voting import BallotRule, Cap

T = TypeVar("T")

FORMAT: Final = 1
_CATALOGUE_SUFFIX: Final = ".criteria.toml"


def _read(path: Path, where: str, source: str) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)  # /dev/zero would never end
    except FileNotFoundError:
        message = "no such file"
    except IsADirectoryError:
        message = "is a directory, not a file"
    except OSError as exc:
        message = f"cannot be read ({exc.strerror})"
    except ValueError:  # a NUL in the path: no file has that name
        message = "is not a file name (it holds a NUL character)"
    else:
        if len(data) > MAX_FILE:
            message = f"is larger than {MAX_FILE // 2**20} MB; a ruleset is a few kilobytes"
            raise RulesetError(f"{source}: does not load", [Problem(where, message, source=source)])
        try:
            return decode_utf8(data, source=source)
        except InvalidValueError as exc:
            message = str(exc).removeprefix(f"{source}: ")
    raise RulesetError(f"{source}: does not load", [Problem(where, message, source=source)])


def _load_file(path: Path) -> Ruleset:
    source = str(path)
    data = parsed(_read(path, "$", source), source, _toml)
    return _ruleset(data, source, path.parent)


MAX_FILE: Final = 16 * 2**20
"""The most bytes of a ruleset or catalogue file read."""

_LONG_DIGITS: Final = re.compile(r"[0-9_]{4000,}")


def _toml(text: str, source: str) -> dict[str, Any]:
    """The TOML data of ``text``; integers and strings are bounded, every problem has its place."""
    import tomllib  # here: a shipped file's kept copy (rulesets._cache) needs no parser

    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        problem = Problem("$", f"is not valid TOML: {exc}", source=source)
    except RecursionError:
        problem = Problem("$", "is not valid TOML: nested too deeply", source=source)
    except ValueError:
        # Python refuses to read an integer of over 4,300 digits (tomllib lets it escape).
        match = _LONG_DIGITS.search(text)
        at = ""
        if match is not None:
            line = text.count("\n", 0, match.start()) + 1
            at = f" at line {line}, column {match.start() - text.rfind(chr(10), 0, match.start())}"
        problem = Problem(
            "$", f"holds an integer of thousands of digits{at}", f"at most {MAX_DIGITS} digits",
            source=source,
        )  # fmt: skip
    else:
        problems = list(_bounded(data, source))
        if not problems:
            return data
        raise RulesetError(f"{source}: does not load", problems)
    raise RulesetError(f"{source}: does not load", [problem])


def _bounded(data: Any, source: str) -> Iterator[Problem]:
    """A problem for every integer of more than :data:`MAX_DIGITS` digits (also hexadecimal:
    ``str()`` of it would fail) and every string no input may hold, at its key path."""
    todo: list[tuple[str, Any]] = [("", data)]
    while todo:
        path, value = todo.pop()
        where = path or "$"
        if isinstance(value, int) and not isinstance(value, bool):
            if not -(10**MAX_DIGITS) < value < 10**MAX_DIGITS:
                yield Problem(
                    where, f"is an integer of {value.bit_length():,} bits",
                    f"at most {MAX_DIGITS} digits", source=source,
                )  # fmt: skip
        elif isinstance(value, str):
            # TOML itself refuses lone surrogates and most control characters.
            if len(value) > MAX_TEXT:
                yield Problem(
                    where, f"the string is {len(value):,} characters long",
                    f"at most {MAX_TEXT:,}", source=source,
                )  # fmt: skip
        elif isinstance(value, dict):
            for key, item in value.items():
                if len(key) > MAX_TEXT:
                    yield Problem(
                        where, "a key is too long", f"at most {MAX_TEXT:,}", source=source
                    )
                else:
                    todo.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            todo.extend((f"{where}[{i}]", item) for i, item in enumerate(value))


def _freeze(value: Any) -> Any:
    """Read-only raw data: tables become mappings, arrays tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


# -- the strict reader ----------------------------------------------------------------------------


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()


class _Bad(Exception):
    """A value of the wrong shape; the reader turns it into a :class:`Problem`."""


class _Reader:
    """Collects every problem of one file."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.code = "?"
        self.division = "article"

    def add(
        self, where: str, message: str, allowed: str | None = None, kind: str = "invalid"
    ) -> None:
        self.problems.append(Problem(where or "$", message, allowed, self.source, kind))

    def build(
        self, where: str, make: Callable[..., T], /, *args: Any, **kwargs: Any
    ) -> T | _Missing:
        """``make(*args, **kwargs)``, with a domain error recorded as a problem at ``where``."""
        try:
            return make(*args, **kwargs)
        except DienhinhError as exc:
            self.add(where, str(exc))
            return MISSING


class _Table:
    def __init__(self, reader: _Reader, data: Mapping[str, Any], path: str) -> None:
        self.r = reader
        self.data = data
        self.path = path
        self.seen: set[str] = set()

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return key in self.data

    def need(self, key: str, check: Callable[[Any], T], allowed: str) -> T | _Missing:
        self.seen.add(key)
        if key not in self.data:
            self.r.add(self.where(key), "is required", allowed, kind="missing_key")
            return MISSING
        return self._check(key, check, allowed)

    def maybe(self, key: str, check: Callable[[Any], T], allowed: str) -> T | _Missing | None:
        self.seen.add(key)
        if key not in self.data:
            return None
        return self._check(key, check, allowed)

    def _check(self, key: str, check: Callable[[Any], T], allowed: str) -> T | _Missing:
        try:
            return check(self.data[key])
        except _Bad as exc:
            self.r.add(self.where(key), str(exc), allowed)
            return MISSING

    def table(self, key: str, *, required: bool = False) -> _Table | _Missing | None:
        self.seen.add(key)
        if key not in self.data:
            if required:
                self.r.add(self.where(key), "is required", "a table", kind="missing_key")
                return MISSING
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            self.r.add(self.where(key), f"is {_kind(value)}, not a table", "a table")
            return MISSING
        return _Table(self.r, value, self.where(key))

    def tables(self, key: str) -> list[_Table] | _Missing:
        self.seen.add(key)
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.r.add(
                self.where(key),
                f"is {_kind(value)}, not an array of tables",
                f"[[{self.where(key)}]] tables",
            )
            return MISSING
        return [_Table(self.r, v, f"{self.where(key)}[{i}]") for i, v in enumerate(value)]

    def close(self, allowed: tuple[str, ...]) -> None:
        """Report every key the format does not define here."""
        for key in self.data:
            if key not in allowed:
                self.r.add(
                    self.where(key),
                    "is not a key of this table",
                    ", ".join(allowed),
                    kind="unknown_key",
                )

    def rule(self, prefix: str = "") -> Rule | _Missing:
        """The ``rule`` id and its ``citation`` (or ``<prefix>rule`` / ``<prefix>citation``)."""
        rid = self.need(f"{prefix}rule", _string, "a rule id, e.g. 'TQ-6.2a'")
        cite = self.table(f"{prefix}citation")
        if cite is None:
            self.r.add(
                self.where(f"{prefix}citation"),
                "is missing: every value needs its citation",
                "{ article = '6', clause = '2', point = 'a', quote = '…' }",
                kind="missing_key",
            )
            return MISSING
        if isinstance(cite, _Missing):
            return MISSING
        citation = self.citation(cite)
        if isinstance(rid, _Missing) or isinstance(citation, _Missing):
            return MISSING
        return self.r.build(self.where(f"{prefix}rule"), Rule, rid, citation)

    def citation(self, t: _Table) -> Citation | _Missing:
        document = t.maybe("document", _string, "the document's name; default: [document].code")
        division = t.maybe(
            "division", _choice("article", "section", "opening"), "article, section, opening"
        )
        parts = {
            k: t.maybe(k, _string, "a string, e.g. '6'") for k in ("article", "clause", "point")
        }
        quote = t.maybe("quote", _string, "a short quotation of the provision")
        t.close(("document", "division", "article", "clause", "point", "quote"))
        values = [document, division, quote, *parts.values()]
        if any(isinstance(v, _Missing) for v in values):
            return MISSING
        made = self.r.build(
            t.path,
            Citation,
            document or self.r.code,
            quote=quote,
            division=division or self.r.division,
            **parts,
        )
        # A national document cited by its name carries the title the national file declares.
        return national_law().titled(made) if document and isinstance(made, Citation) else made


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"is {_kind(value)}, not a string")
    if not value.strip():
        raise _Bad("is blank")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"is {_kind(value)}, not an integer")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"is {_kind(value)}, not true or false")
    return value


def _date(value: Any) -> dt.date:
    # tomllib gives a `date` for 2023-07-01, a `datetime` for 2023-07-01T00:00:00.
    if type(value) is not dt.date:
        raise _Bad(f"is {_kind(value)}, not a date")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise _Bad(f"is {_kind(value)}, not an array of strings")
    return [_string(v) for v in value]


def _choice(*names: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise _Bad(f"is {_kind(value)}, not a string")
        if value not in names:
            raise _Bad(f"{value!r} is not one of the choices")
        return value

    return check


_FRACTION: Final = r"(0|[1-9]\d{0,8})(?:/[1-9]\d{0,8}|\.\d{1,9})?"


def _fraction(value: Any) -> Fraction:
    """An exact number: an integer, or a string such as ``"9/10"`` or ``"1.5"``; never a float."""
    if isinstance(value, float):
        raise _Bad("is a float, which is not exact; write it as a string such as '9/10' or '0.9'")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _Bad(f"is {_kind(value)}, not an exact number")
    if isinstance(value, int):
        if not 0 <= value < 10**9:
            raise _Bad("is out of range")
        return Fraction(value)
    if re.fullmatch(_FRACTION, value) is None:
        raise _Bad(f"{value!r} is not an exact number")
    return Fraction(value)


_FRACTION_ALLOWED = "an integer, or a string such as '9/10' or '1.5'"


# -- tables -----------------------------------------------------------------------------------------

_TOP: Final = (
    "format",
    "id",
    "criteria",
    "document",
    "effective",
    "ballot",
    "cap",
    "floors",
    "window",
    "deadlines",
    "milestones",
    "posthumous",
    "benefits",
    "successor",
    "checks",
    "not_computed",
)


def _ruleset(data: dict[str, Any], source: str, directory: Path | None) -> Ruleset:
    r = _Reader(source)
    top = _Table(r, data, "")
    fmt = top.need("format", _integer, f"{FORMAT}")
    if not isinstance(fmt, _Missing) and fmt != FORMAT:
        r.add("format", f"{fmt} is not a format this version reads", str(FORMAT))
    rid = top.need("id", _string, "a lower-case id, e.g. 'my-province-2024'")
    if isinstance(rid, str) and not is_slug(rid):
        r.add("id", f"{rid!r} is not an id", "lower-case a-z, 0-9 and single hyphens")
        rid = MISSING
    criteria = top.maybe("criteria", _criteria_value, "a catalogue file name, or false")
    document = _document(top)
    ballot = _ballot(top)
    parts: dict[str, Any] = {
        "effective": _effective(top),
        "ballot": None if isinstance(ballot, Timeline) else ballot,
        "national_ballot": ballot if isinstance(ballot, Timeline) else None,
        "cap": _cap(top),
        "floors": _floors(top),
        "window": _window(top),
        "deadlines": _deadlines(top),
        "milestones": _milestones(top),
        "posthumous": _posthumous(top),
        "benefits": _benefits(top),
        "successor": _successor(top),
        "checks": _checks(top),
        "not_computed": _not_computed(top),
        "deadline_roles": _deadline_roles(top),
    }
    top.close(_TOP)
    catalogue: tuple[Mapping[str, Any], Catalogue] | None = None
    if isinstance(criteria, str) and directory is not None:
        catalogue = _catalogue(r, directory, criteria)
    if r.problems or isinstance(rid, _Missing) or isinstance(document, _Missing):
        raise RulesetError(f"{source}: does not load ({len(r.problems)} problem(s))", r.problems)
    if any(isinstance(v, _Missing) for v in parts.values()) or isinstance(criteria, _Missing):
        raise RulesetError(
            f"{source}: does not load", r.problems
        )  # pragma: no cover - reported above
    ruleset = r.build(
        "$",
        Ruleset,
        id=rid,
        document=document,
        criteria_file=criteria if isinstance(criteria, str) else None,
        own_criteria=criteria is not False,
        criteria=None if catalogue is None else catalogue[0],
        catalogue=None if catalogue is None else catalogue[1],
        source=source,
        **parts,
    )
    if isinstance(ruleset, _Missing):
        raise RulesetError(f"{source}: does not load", r.problems)
    for where, message, allowed in ruleset.procedure_problems():
        r.add(where, message, allowed)
    if r.problems:
        raise RulesetError(f"{source}: does not load ({len(r.problems)} problem(s))", r.problems)
    return ruleset


def _criteria_value(value: Any) -> str | bool:
    if value is False:
        return False
    if value is True:
        raise _Bad(
            "is true; name the catalogue file, or write false for a document without criteria"
        )
    name = _string(value)
    if PurePath(name).is_absolute() or ".." in PurePath(name).parts:
        raise _Bad(f"{name!r} is not a file name beside the ruleset")
    return name


def _catalogue(
    r: _Reader, directory: Path, name: str
) -> tuple[Mapping[str, Any], Catalogue] | None:
    """The companion catalogue, read and checked once, when its ruleset loads.

    A broken catalogue is a problem of the ruleset (each problem with the
    catalogue's path), so no command that loads the ruleset can miss it.
    """
    path = directory / name
    try:
        text = _read(path, "$", str(path))
        data: Mapping[str, Any] = _freeze(parsed(text, str(path), _toml))
        return data, parse_catalogue(data, source=str(path))
    except RulesetError as exc:
        for p in exc.problems:
            inside = "" if p.where == "$" else f" at {p.where}"
            r.add(
                "criteria",
                f"the catalogue {name!r}{inside} {p.message}",
                p.allowed or "a criteria catalogue beside the ruleset (docs/criteria-format.md)",
            )
        return None


_DOCUMENT: Final = (
    "code",
    "province",
    "form",
    "title",
    "issuer",
    "status",
    "as_printed",
    "number",
    "signed_on",
    "division",
    "note_vi",
    "note_en",
    "blank",
)


def _blank(t: _Table, allowed: tuple[str, ...]) -> set[str] | _Missing:
    names = t.maybe("blank", _strings, f"keys the document leaves blank: {', '.join(allowed)}")
    if isinstance(names, _Missing):
        return MISSING
    out = set(names or ())
    for name in sorted(out - set(allowed)):
        t.r.add(t.where("blank"), f"{name!r} cannot be blank", ", ".join(allowed))
    for name in allowed:
        if name in out and t.has(name):
            t.r.add(t.where(name), "is given, and also listed in blank", "one of the two")
        if name not in out and not t.has(name):
            t.r.add(
                t.where(name),
                "is required, or list it in blank = [...] when the document leaves it blank",
                f"a value, or blank = [{name!r}]",
                kind="missing_key",
            )
    return out


def _document(top: _Table) -> Document | _Missing:
    t = top.table("document", required=True)
    if not isinstance(t, _Table):
        return MISSING

    r = t.r
    code = t.need("code", _string, "the document's short code, e.g. 'TQ'")
    division = t.maybe("division", _choice("article", "section"), "article, section")
    if isinstance(code, str):
        r.code = code
    if isinstance(division, str):
        r.division = division
    values: dict[str, Any] = {
        "province": t.need("province", _string, "the province's name"),
        "form": t.need("form", _string, "the form of the document, e.g. 'Kế hoạch'"),
        "title": t.need("title", _string, "the document's title"),
        "issuer": t.need("issuer", _string, "who issued it"),
        "status": t.need("status", _choice("draft", "issued"), "draft, issued"),
        "as_printed": t.need("as_printed", _string, "the number and date lines as printed"),
        "number": t.maybe("number", _string, "the document's number"),
        "signed_on": t.maybe("signed_on", _date, "a date, e.g. 2021-07-19"),
        "note_vi": t.maybe("note_vi", _string, "a note in Vietnamese"),
        "note_en": t.maybe("note_en", _string, "a note in English"),
    }
    blank = _blank(t, ("number", "signed_on"))
    t.close(_DOCUMENT)
    if any(isinstance(v, _Missing) for v in (code, division, blank, *values.values())):
        return MISSING
    return r.build(t.path, Document, code=code, division=division or "article", **values)


def _effective(top: _Table) -> Effective | _Missing:
    t = top.table("effective", required=True)
    if not isinstance(t, _Table):
        return MISSING

    start = t.maybe("from", _date, "the first day in force, e.g. 2023-03-01")
    end = t.maybe("until", _date, "the last day in force; omit when no end is stated")
    named = t.maybe(
        "named_from",
        _date,
        "the first day of the period a document without a commencement clause names (A-42)",
    )
    blank = _blank(t, ("from",))
    rule = t.rule()
    t.close(("from", "until", "named_from", "blank", "rule", "citation"))
    if any(isinstance(v, _Missing) for v in (start, end, named, blank, rule)):
        return MISSING
    return t.r.build(t.path, Effective, rule, start, end, named_start=named)


def _ballot(top: _Table) -> BallotRule | Timeline[BallotRule] | _Missing | None:
    """The document's own rule, or ``national = [...]``: borrowed national provisions, dated."""
    t = top.table("ballot")
    if not isinstance(t, _Table):
        return t
    if t.has("national"):
        return _national_ballot(t)

    def choice(enum: Any) -> Callable[[Any], str]:
        return _choice(*(m.value for m in enum))

    def allowed(enum: Any) -> str:
        return ", ".join(m.value for m in enum)

    values: dict[str, Any] = {
        "threshold": t.need("threshold", _fraction, _FRACTION_ALLOWED),
        "comparison": t.need("comparison", choice(Comparison), allowed(Comparison)),
        "denominator": t.need("denominator", choice(Denominator), allowed(Denominator)),
        "tie_break": t.need("tie_break", choice(TieBreak), allowed(TieBreak)),
        "quorum": t.maybe("quorum", _fraction, _FRACTION_ALLOWED + "; omit for no quorum"),
        "rule": t.rule(),
    }
    t.close(("threshold", "comparison", "denominator", "tie_break", "quorum", "rule", "citation"))
    if any(isinstance(v, _Missing) for v in values.values()):
        return MISSING
    return t.r.build(t.path, BallotRule, **values)


def _national_ballot(t: _Table) -> Timeline[BallotRule] | _Missing:
    """``national = ["NĐ91-45.8", …]``: each provision's rule, in force while its document is."""
    law = national_law()
    allowed = ", ".join(law.ids(Subject.BALLOT))
    ids = t.need("national", _strings, f"national ballot provisions' ids: {allowed}")
    t.close(("national",))
    if isinstance(ids, _Missing):
        return MISSING
    if not ids:
        t.r.add(t.where("national"), "is empty", f"one or more of: {allowed}")
        return MISSING
    entries: list[Dated[BallotRule]] = []
    for i, rid in enumerate(ids):
        p = _national_provision(t, f"national[{i}]", rid, Subject.BALLOT)
        if isinstance(p, _Missing):
            return MISSING
        assert p.ballot is not None  # a ballot provision has its parameters (checked at load)
        entries.append(Dated(p.document.start, p.document.end, p.ballot, p.rule))
    entries.sort(key=lambda e: e.start)
    for i, _key, message in timeline_problems(tuple(entries)):
        t.r.add(
            t.where("national"),
            f"{entries[i].rule.id}: {message}",
            "provisions of documents that replace one another, without a gap",
        )
        return MISSING
    return t.r.build(t.where("national"), Timeline, entries)


def _national_provision(
    t: _Table, where: str, rid: str, subject: Subject
) -> NationalProvision | _Missing:
    law = national_law()
    try:
        return law.provision(rid, subject)
    except DienhinhError:
        allowed = law.ids(subject)
        t.r.add(
            t.where(where),
            f"{rid!r} is not a national {subject.value} provision{did_you_mean(rid, allowed)}",
            ", ".join(allowed),
        )
        return MISSING


def _cap(top: _Table) -> Cap | _Missing | None:
    t = top.table("cap")
    if not isinstance(t, _Table):
        return t

    slots = t.need("slots", _integer, "a whole number of slots ≥ 0")
    rule = t.rule()
    t.close(("slots", "rule", "citation"))
    if isinstance(slots, _Missing) or isinstance(rule, _Missing):
        return MISSING
    return t.r.build(t.where("slots"), Cap, slots, rule)


def _unique(r: _Reader, tables: list[_Table], key: str) -> None:
    first: dict[str, str] = {}
    for t in tables:
        name = t.data.get(key)
        if isinstance(name, str):
            if name in first:
                r.add(t.where(key), f"{name!r} is already used by {first[name]}", "a unique name")
            else:
                first[name] = t.path


_COUNTS: Final = tuple(c.value for c in FloorCount)


def _floors(top: _Table) -> tuple[Floor, ...] | _Missing:
    tables = top.tables("floors")
    if isinstance(tables, _Missing):
        return MISSING

    out: list[Floor | _Missing] = []
    for t in tables:
        values: dict[str, Any] = {
            "scope": t.need("scope", _string, "an id, e.g. 'commune-people-committee'"),
            "scope_vi": t.need("scope_vi", _string, "whom the floor binds, in Vietnamese"),
            "scope_en": t.need("scope_en", _string, "whom the floor binds, in English"),
            "minimum": t.need("minimum", _integer, "a whole number ≥ 1"),
            "counts": t.need("counts", _choice(*_COUNTS), ", ".join(_COUNTS)),
            "question": t.maybe("question", _choice("A-22", "A-23"), "A-22, A-23"),
            "overlaps": t.maybe("overlaps", _string, "the scope of the floor this one overlaps"),
            "until": t.maybe("until", _date, "the last day the floor applies (A-15)"),
            "rule": t.rule(),
        }
        until_rule: Rule | _Missing | None = None
        if t.has("until") or t.has("until_rule") or t.has("until_citation"):
            until_rule = t.rule("until_")
        t.close(
            (
                "scope",
                "scope_vi",
                "scope_en",
                "minimum",
                "counts",
                "question",
                "overlaps",
                "until",
                "until_rule",
                "until_citation",
                "rule",
                "citation",
            )
        )
        if any(isinstance(v, _Missing) for v in (*values.values(), until_rule)):
            out.append(MISSING)
            continue
        out.append(t.r.build(t.path, Floor, until_rule=until_rule, **values))
    _unique(top.r, tables, "scope")
    return MISSING if any(isinstance(f, _Missing) for f in out) else tuple(out)  # type: ignore[arg-type]


def _window(top: _Table) -> WindowPolicy | _Missing | None:
    t = top.table("window")
    if not isinstance(t, _Table):
        return t

    month = t.need("start_month", _integer, "1–12")
    day = t.need("start_day", _integer, "1–31, a day every year has")
    rule = t.rule()
    t.close(("start_month", "start_day", "rule", "citation"))
    if any(isinstance(v, _Missing) for v in (month, day, rule)):
        return MISSING
    return t.r.build(t.path, WindowPolicy, month, day, rule)


def _deadlines(top: _Table) -> tuple[Deadline, ...] | _Missing:
    tables = top.tables("deadlines")
    if isinstance(tables, _Missing):
        return MISSING

    out: list[Deadline | _Missing] = []
    for t in tables:
        values: dict[str, Any] = {
            "name": t.need("name", _string, "an id, e.g. 'dossier-submission'"),
            "month": t.need("month", _integer, "1–12"),
            "day": t.need("day", _integer, "1–31, a day every year has"),
            "wording": t.need(
                "wording", _choice(*(w.value for w in Wording)), ", ".join(w.value for w in Wording)
            ),
            "title_vi": t.need("title_vi", _string, "a title in Vietnamese"),
            "title_en": t.need("title_en", _string, "a title in English"),
            "rule": t.rule(),
        }
        t.maybe("role", _choice(*_ROLES), ", ".join(_ROLES))
        t.close(
            ("name", "month", "day", "wording", "title_vi", "title_en", "role", "rule", "citation")
        )
        if any(isinstance(v, _Missing) for v in values.values()):
            out.append(MISSING)
            continue
        out.append(t.r.build(t.path, Deadline, **values))
    _unique(top.r, tables, "name")
    return MISSING if any(isinstance(d, _Missing) for d in out) else tuple(out)  # type: ignore[arg-type]


_ROLES: Final = tuple(r.value for r in DeadlineRole)
_KINDS: Final = tuple(k.value for k in CheckKind)
_PARTS: Final = ", ".join(p.value for p in DossierPart)


def _deadline_roles(top: _Table) -> tuple[tuple[str, str], ...] | _Missing:
    """The ``role`` of each deadline that has one (checked with the deadlines themselves)."""
    value = top.data.get("deadlines", [])
    if not isinstance(value, list):
        return MISSING  # reported by _deadlines
    out: list[tuple[str, str]] = []
    first: dict[str, str] = {}
    for i, d in enumerate(value):
        if isinstance(d, dict) and isinstance(d.get("role"), str) and d["role"] in _ROLES:
            if d["role"] in first:
                top.r.add(
                    f"deadlines[{i}].role",
                    f"{d['role']!r} is already the role of {first[d['role']]}",
                    "one deadline per role",
                )
                return MISSING
            first[d["role"]] = f"deadlines[{i}]"
            if isinstance(d.get("name"), str):
                out.append((d["role"], d["name"]))
    return tuple(out)


_CHECK_KEYS: Final = (
    "check", "levels", "role", "parts", "signer_vi", "signer_en", "minimum", "rule", "citation",
)  # fmt: skip


def _checks(top: _Table) -> tuple[Check, ...] | _Missing:
    tables = top.tables("checks")
    if isinstance(tables, _Missing):
        return MISSING

    out: list[Check | _Missing] = []
    for t in tables:
        kind = t.need("check", _choice(*_KINDS), ", ".join(_KINDS))
        values: dict[str, Any] = {
            "levels": t.maybe("levels", _strings, "council levels: province, unit"),
            "role": t.maybe("role", _choice(*_ROLES), "a deadline role: " + ", ".join(_ROLES)),
            "parts": t.maybe("parts", _strings, "dossier parts: " + _PARTS),
            "signer_vi": t.maybe("signer_vi", _string, "who signs, in Vietnamese"),
            "signer_en": t.maybe("signer_en", _string, "who signs, in English"),
            "minimum": t.maybe("minimum", _integer, "events a year, a whole number ≥ 1"),
        }
        table = None if isinstance(kind, _Missing) else CheckKind(kind).cited_by_table
        rule: Rule | _Missing | None = None
        if table is None or t.has("rule") or t.has("citation"):
            rule = t.rule()
        t.close(_CHECK_KEYS)
        if any(isinstance(v, _Missing) for v in (kind, rule, *values.values())):
            out.append(MISSING)
            continue
        values["parts"] = values["parts"] or ()
        out.append(t.r.build(t.path, Check, kind, rule, **values))
    return MISSING if any(isinstance(c, _Missing) for c in out) else tuple(out)  # type: ignore[arg-type]


def _milestones(top: _Table) -> tuple[Milestone, ...] | _Missing:
    tables = top.tables("milestones")
    if isinstance(tables, _Missing):
        return MISSING

    out: list[Milestone | _Missing] = []
    for t in tables:
        mid = t.need("id", _string, "an id, e.g. 'five-year-review'")
        title_vi = t.need("title_vi", _string, "a title in Vietnamese")
        title_en = t.need("title_en", _string, "a title in English")
        rule = t.rule()
        when: Quarter | DateRange | _Missing = MISSING
        by_quarter = t.has("year") or t.has("quarter") or t.has("part")
        by_days = t.has("start") or t.has("end")
        if by_quarter and by_days:
            t.r.add(
                t.path, "gives both a quarter and days", "year + quarter [+ part], or start + end"
            )
        elif by_days:
            start = t.need("start", _date, "the first day")
            end = t.need("end", _date, "the last day")
            if not isinstance(start, _Missing) and not isinstance(end, _Missing):
                when = t.r.build(t.path, DateRange, start, end)
        else:
            year = t.need("year", _integer, "a year, e.g. 2023")
            number = t.need("quarter", _integer, "1–4")
            part = t.maybe(
                "part",
                _choice(*(p.value for p in QuarterPart)),
                ", ".join(p.value for p in QuarterPart),
            )
            if not any(isinstance(v, _Missing) for v in (year, number, part)):
                when = t.r.build(t.path, Quarter, year, number, part or "whole")
        t.close(
            (
                "id",
                "title_vi",
                "title_en",
                "year",
                "quarter",
                "part",
                "start",
                "end",
                "rule",
                "citation",
            )
        )
        if any(isinstance(v, _Missing) for v in (mid, title_vi, title_en, rule, when)):
            out.append(MISSING)
            continue
        out.append(t.r.build(t.path, Milestone, mid, title_vi, title_en, when, rule))
    _unique(top.r, tables, "id")
    return MISSING if any(isinstance(m, _Missing) for m in out) else tuple(out)  # type: ignore[arg-type]


def _posthumous(top: _Table) -> Posthumous | _Missing | None:
    t = top.table("posthumous")
    if not isinstance(t, _Table):
        return t

    allowed = t.need("allowed", _boolean, "true, false")
    rule = t.rule()
    t.close(("allowed", "rule", "citation"))
    if isinstance(allowed, _Missing) or isinstance(rule, _Missing):
        return MISSING
    return t.r.build(t.path, Posthumous, allowed, rule)


def _successor(top: _Table) -> Successor | _Missing | None:
    t = top.table("successor")
    if not isinstance(t, _Table):
        return t

    province = t.need("province", _string, "the successor province's name")
    formed = t.need("formed_from", _strings, "the provinces merged into it")
    start = t.need("from", _date, "the day the successor took over, e.g. 2025-07-01")
    rule = t.rule()
    t.close(("province", "formed_from", "from", "rule", "citation"))
    if any(isinstance(v, _Missing) for v in (province, formed, start, rule)):
        return MISSING
    return t.r.build(t.path, Successor, province, formed, start, rule)


def _not_computed(top: _Table) -> tuple[NotComputed, ...] | _Missing:
    """``[[not_computed]]``: provisions no round computes, each with why (KT-4)."""
    tables = top.tables("not_computed")
    if isinstance(tables, _Missing):
        return MISSING
    out: list[NotComputed | _Missing] = []
    for t in tables:
        why_vi = t.need("why_vi", _string, "why no round computes it, in Vietnamese")
        why_en = t.need("why_en", _string, "why no round computes it, in English")
        rule = t.rule()
        t.close(("why_vi", "why_en", "rule", "citation"))
        if any(isinstance(v, _Missing) for v in (why_vi, why_en, rule)):
            out.append(MISSING)
            continue
        out.append(t.r.build(t.path, NotComputed, rule, why_vi, why_en))
    return MISSING if any(isinstance(n, _Missing) for n in out) else tuple(out)  # type: ignore[arg-type]


def _dated(
    r: _Reader,
    top: _Table,
    key: str,
    read: Callable[[_Table], Any],
    keys: tuple[str, ...],
    national: Subject | None = None,
) -> Timeline[Any] | _Missing:
    """Dated rows; with ``national``, a row may cite a national provision by id
    (``national = "NĐ98-merit-cash"``) instead of its ``rule`` and ``citation``: the row
    must lie within that document's period of effect."""

    tables = top.tables(key)
    if isinstance(tables, _Missing):
        return MISSING
    if not tables:
        r.add(
            top.where(key),
            "is required",
            f"[[{top.where(key)}]] tables, one per period",
            kind="missing_key",
        )
        return MISSING
    entries: list[Dated[Any] | _Missing] = []
    for t in tables:
        start = t.need("from", _date, "the first day in force")
        end = t.maybe("until", _date, "the last day in force; omit on the last value")
        value = read(t)
        rule: Rule | _Missing
        if national is not None and t.has("national"):
            rule = _national_row(t, national, start, end)
            t.close(("from", "until", *keys, "national"))
        else:
            rule = t.rule()
            t.close(("from", "until", *keys, "rule", "citation"))
        if any(isinstance(v, _Missing) for v in (start, end, value, rule)):
            entries.append(MISSING)
            continue
        entries.append(r.build(t.path, Dated, start, end, value, rule))
    if any(isinstance(e, _Missing) for e in entries):
        return MISSING
    checked = tuple(e for e in entries if isinstance(e, Dated))
    problems = timeline_problems(checked)
    for i, k, message in problems:
        r.add(
            tables[i].where(k),
            message,
            "periods in order, each starting the day after the last ends",
        )
    if problems:
        return MISSING
    return r.build(top.where(key), Timeline, checked)


def _national_row(
    t: _Table, subject: Subject, start: dt.date | _Missing, end: dt.date | _Missing | None
) -> Rule | _Missing:
    """The rule of a row citing ``national = "<id>"``, checked against the document's period."""
    rid = t.need("national", _string, ", ".join(national_law().ids(subject)))
    if isinstance(rid, _Missing):
        return MISSING
    p = _national_provision(t, "national", rid, subject)
    if isinstance(p, _Missing) or isinstance(start, _Missing) or isinstance(end, _Missing):
        return MISSING
    doc = p.document
    last = end if end is not None else dt.date.max
    if start < doc.start or (doc.end is not None and last > doc.end):
        t.r.add(
            t.where("from" if start < doc.start else "until"),
            f"{start} … {'(open)' if end is None else end} is outside the period of "
            f"{doc.name_en} ({doc.period}), which {rid} cites",
            f"a period within {doc.period}",
        )  # the load fails; the row is kept so that its overlaps are reported too
    return p.rule


def _salary(t: _Table) -> int | _Missing:
    value = t.need("value", _integer, "an amount in VND")
    if isinstance(value, int) and value <= 0:
        t.r.add(t.where("value"), "must be positive", "an amount in VND > 0")
        return MISSING
    return value


_MULTIPLIER_KEYS: Final = ("individual", "collective", "household", "round_up_to")


def _multipliers(t: _Table) -> CashMultipliers | _Missing:

    values: dict[str, Any] = {
        "individual": t.need("individual", _fraction, "× the base salary: " + _FRACTION_ALLOWED),
        "collective": t.maybe(
            "collective", _fraction, "× the individual amount: " + _FRACTION_ALLOWED
        ),
        "household": t.maybe(
            "household", _fraction, "× the individual amount: " + _FRACTION_ALLOWED
        ),
        "round_up_to": t.need("round_up_to", _integer, "a step in VND, e.g. 10000"),
    }
    if any(isinstance(v, _Missing) for v in values.values()):
        return MISSING
    return t.r.build(t.path, CashMultipliers, **values)


def _benefits(top: _Table) -> Benefits | _Missing | None:
    t = top.table("benefits")
    if not isinstance(t, _Table):
        return t

    r = t.r
    values: dict[str, Any] = {
        "certificate_vi": t.need("certificate_vi", _string, "the certificate's name in Vietnamese"),
        "certificate_en": t.need("certificate_en", _string, "the certificate's name in English"),
        "excluded_title_vi": t.maybe(
            "excluded_title_vi", _string, "a title whose holder gets neither"
        ),
        "rule": t.rule(),
        "base_salary": _dated(r, t, "base_salary", _salary, ("value",), Subject.BASE_SALARY),
        "multipliers": _dated(
            r, t, "multipliers", _multipliers, _MULTIPLIER_KEYS, Subject.CASH_MULTIPLIERS
        ),
    }
    t.close(
        (
            "certificate_vi",
            "certificate_en",
            "excluded_title_vi",
            "rule",
            "citation",
            "base_salary",
            "multipliers",
        )
    )
    if any(isinstance(v, _Missing) for v in values.values()):
        return MISSING
    return r.build(t.path, Benefits, **values)


# -- national documents (data/national/decrees.toml) -----------------------------------------------

NATIONAL_FILE: Final = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "data", "national", "decrees.toml"
)


@functools.cache
def national_law() -> NationalLaw:
    """The national documents and provisions shipped with the package, read once (strictly)."""
    source = NATIONAL_FILE
    with open(source, encoding="utf-8") as f:
        data = parsed(f.read(), source, _toml)
    return _national_law(data, source)


def _national_law(data: dict[str, Any], source: str) -> NationalLaw:
    r = _Reader(source)
    top = _Table(r, data, "")
    fmt = top.need("format", _integer, f"{FORMAT}")
    if not isinstance(fmt, _Missing) and fmt != FORMAT:
        r.add("format", f"{fmt} is not a format this version reads", str(FORMAT))
    documents: dict[str, NationalDocument] = {}
    tables = top.tables("documents")
    for t in [] if isinstance(tables, _Missing) else tables:
        values: dict[str, Any] = {
            "number": t.need("number", _string, "the document's number, e.g. '98/2023/NĐ-CP'"),
            "form": t.need("form", _string, "its form, e.g. 'Nghị định'"),
            "title_vi": t.need("title_vi", _string, "its title in Vietnamese"),
            "title_en": t.need("title_en", _string, "its title in English"),
            "start": t.need("from", _date, "the first day in force"),
            "end": t.maybe("until", _date, "the last day in force; omit while in force"),
            "signed_on": t.maybe("signed_on", _date, "the day it was signed"),
            "replaced_by": t.maybe("replaced_by", _string, "the number of its successor"),
            "verify": t.maybe("verify", _strings, "the fields to verify"),
            "blank": t.maybe("blank", _strings, "the fields not recorded"),
        }
        t.close(
            (
                "number", "form", "title_vi", "title_en", "from", "until", "signed_on",
                "replaced_by", "verify", "blank",
            )
        )  # fmt: skip
        if any(isinstance(v, _Missing) for v in values.values()):
            continue
        values["verify"] = tuple(values["verify"] or ())
        values["blank"] = tuple(values["blank"] or ())
        doc = r.build(t.path, NationalDocument, **values)
        if isinstance(doc, NationalDocument):
            if doc.number in documents:
                r.add(t.where("number"), f"{doc.number!r} is declared twice", "a unique number")
            documents[doc.number] = doc
    provisions: list[NationalProvision] = []
    tables = top.tables("provisions")
    for t in [] if isinstance(tables, _Missing) else tables:
        rid = t.need("rule", _string, "a rule id, e.g. 'NĐ91-45.8'")
        number = t.need("document", _string, ", ".join(documents) or "a declared document")
        subject = t.need(
            "subject", _choice(*(m.value for m in Subject)), ", ".join(m.value for m in Subject)
        )
        verify = t.need("verify", _boolean, "true when the provision could not be checked here")
        parts = {
            k: t.maybe(k, _string, "a string, e.g. '45'") for k in ("article", "clause", "point")
        }
        quote = t.maybe("quote", _string, "a short quotation of the provision")
        params = t.table("ballot")
        t.close(
            (
                "rule",
                "document",
                "subject",
                "verify",
                "article",
                "clause",
                "point",
                "quote",
                "ballot",
            )
        )
        read = [rid, number, subject, verify, quote, params, *parts.values()]
        if any(isinstance(v, _Missing) for v in read):
            continue
        assert isinstance(number, str)
        assert isinstance(rid, str)
        assert isinstance(subject, str)
        of = documents.get(number)
        if of is None:
            r.add(
                t.where("document"), f"{number!r} is not a declared document", ", ".join(documents)
            )
            continue
        citation = r.build(
            t.path, Citation, of.name, quote=quote, title_vi=of.cited_title_vi,
            title_en=of.cited_title_en, **parts,
        )  # fmt: skip
        rule = (
            r.build(t.where("rule"), Rule, rid, citation)
            if isinstance(citation, Citation)
            else MISSING
        )
        if isinstance(rule, _Missing):
            continue
        ballot: BallotRule | _Missing | None = None
        if Subject(subject) is Subject.BALLOT:
            if not isinstance(params, _Table):
                r.add(
                    t.where("ballot"),
                    "is required for a ballot provision",
                    "{ threshold = '9/10', … }",
                )
                continue
            ballot = _ballot_parameters(params, rule)
        elif params is not None:
            r.add(t.where("ballot"), "is only for a ballot provision", "subject = 'ballot'")
            continue
        if isinstance(ballot, _Missing):
            continue
        made = r.build(t.path, NationalProvision, rule, of, Subject(subject), verify, ballot)
        if isinstance(made, NationalProvision):
            if made.rule.id in {p.rule.id for p in provisions}:
                r.add(t.where("rule"), f"{rid!r} is declared twice", "a unique rule id")
            provisions.append(made)
    top.close(("format", "documents", "provisions"))
    law = r.build("$", NationalLaw, tuple(documents.values()), tuple(provisions))
    if r.problems or isinstance(law, _Missing):
        raise RulesetError(f"{source}: does not load ({len(r.problems)} problem(s))", r.problems)
    return law


def _ballot_parameters(t: _Table, rule: Rule) -> BallotRule | _Missing:
    """A national ballot provision's parameters (its rule is the provision's)."""

    def choice(enum: Any) -> Callable[[Any], str]:
        return _choice(*(m.value for m in enum))

    def allowed(enum: Any) -> str:
        return ", ".join(m.value for m in enum)

    values: dict[str, Any] = {
        "threshold": t.need("threshold", _fraction, _FRACTION_ALLOWED),
        "comparison": t.need("comparison", choice(Comparison), allowed(Comparison)),
        "denominator": t.need("denominator", choice(Denominator), allowed(Denominator)),
        "tie_break": t.need("tie_break", choice(TieBreak), allowed(TieBreak)),
        "quorum": t.maybe("quorum", _fraction, _FRACTION_ALLOWED + "; omit for no quorum"),
    }
    t.close(("threshold", "comparison", "denominator", "tie_break", "quorum"))
    if any(isinstance(v, _Missing) for v in values.values()):
        return MISSING
    return t.r.build(t.path, BallotRule, rule=rule, **values)


# -- the writer ------------------------------------------------------------------------------------


def _q(value: str) -> str:
    """A TOML basic string."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _v(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _q(value)
    if isinstance(value, Fraction):
        return _q(
            str(value.numerator)
            if value.denominator == 1
            else f"{value.numerator}/{value.denominator}"
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_v(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")  # pragma: no cover - the writer's own bug


class _Writer:
    def __init__(self, ruleset: Ruleset) -> None:
        self.rs = ruleset
        self.lines: list[str] = []

    def kv(self, key: str, value: Any) -> None:
        if value is not None:
            self.lines.append(f"{key} = {_v(value)}")

    def head(self, name: str, array: bool = False) -> None:
        self.lines.append("")
        self.lines.append(f"[[{name}]]" if array else f"[{name}]")

    def rule(self, rule: Rule, prefix: str = "") -> None:
        doc = self.rs.document
        c = rule.citation
        parts = [
            ("document", c.document if c.document != doc.code else None),
            ("division", c.division if c.division != doc.division else None),
            ("article", c.article),
            ("clause", c.clause),
            ("point", c.point),
            ("quote", c.quote),
        ]
        inline = ", ".join(f"{k} = {_v(v)}" for k, v in parts if v is not None)
        self.kv(f"{prefix}rule", rule.id)
        self.lines.append(
            f"{prefix}citation = {{ {inline} }}" if inline else f"{prefix}citation = {{}}"
        )

    def rule_or_national(self, rule: Rule, subject: Subject) -> None:
        """``national = "<id>"`` for a national provision's own rule, else rule and citation."""
        try:
            p = national_law().provision(rule.id, subject)
        except DienhinhError:
            p = None
        if p is not None and p.rule == rule and p.rule.citation.quote == rule.citation.quote:
            self.kv("national", rule.id)
        else:
            self.rule(rule)

    def check(self, c: Check) -> None:
        self.head("checks", array=True)
        self.kv("check", c.kind.value)
        self.kv("levels", None if c.levels is None else list(c.levels))
        self.kv("role", None if c.role is None else c.role.value)
        self.kv("parts", [p.value for p in c.parts] or None)
        self.kv("signer_vi", c.signer_vi)
        self.kv("signer_en", c.signer_en)
        self.kv("minimum", c.minimum)
        if c.rule is not None:
            self.rule(c.rule)

    def text(self) -> str:
        rs, doc = self.rs, self.rs.document
        self.lines += [f"# Ruleset {rs.id}: written by dienhinh.dump_ruleset", f"format = {FORMAT}"]
        self.kv("id", rs.id)
        if not rs.own_criteria:
            self.kv("criteria", False)
        else:
            self.kv("criteria", rs.criteria_file)
        self.head("document")
        for key in ("code", "province", "form", "title", "issuer"):
            self.kv(key, getattr(doc, key))
        self.kv("status", doc.status.value)
        self.kv("number", doc.number)
        self.kv("signed_on", doc.signed_on)
        self.kv("as_printed", doc.as_printed)
        self.kv("division", doc.division)
        self.kv("note_vi", doc.note_vi)
        self.kv("note_en", doc.note_en)
        if doc.blank:
            self.kv("blank", list(doc.blank))
        eff = rs.effective
        self.head("effective")
        self.kv("from", eff.start)
        self.kv("until", eff.end)
        self.kv("named_from", eff.named_start)
        if eff.blank:
            self.kv("blank", list(eff.blank))
        self.rule(eff.rule)
        if rs.ballot is not None:
            b = rs.ballot
            self.head("ballot")
            self.kv("threshold", b.threshold)
            self.kv("comparison", b.comparison.value)
            self.kv("denominator", b.denominator.value)
            self.kv("tie_break", b.tie_break.value)
            self.kv("quorum", b.quorum)
            self.rule(b.rule)
        if rs.national_ballot is not None:
            self.head("ballot")
            self.kv("national", [e.rule.id for e in rs.national_ballot.entries])
        if rs.cap is not None:
            self.head("cap")
            self.kv("slots", rs.cap.slots)
            if rs.cap.rule is None:
                raise InvalidValueError(
                    "has no rule; a ruleset file cites every value",
                    field="cap",
                    value=rs.cap,
                    allowed="a Cap with its rule, e.g. Cap(20, rule=...)",
                )
            self.rule(rs.cap.rule)
        for f in rs.floors:
            self.head("floors", array=True)
            for key in ("scope", "scope_vi", "scope_en", "minimum"):
                self.kv(key, getattr(f, key))
            self.kv("counts", f.counts.value)
            self.kv("question", f.question)
            self.kv("overlaps", f.overlaps)
            self.kv("until", f.until)
            if f.until_rule is not None:
                self.rule(f.until_rule, "until_")
            self.rule(f.rule)
        if rs.window is not None:
            self.head("window")
            self.kv("start_month", rs.window.start_month)
            self.kv("start_day", rs.window.start_day)
            self.rule(rs.window.rule)
        roles = {name: role.value for role, name in rs.deadline_roles}
        for d in rs.deadlines:
            self.head("deadlines", array=True)
            for key in ("name", "month", "day"):
                self.kv(key, getattr(d, key))
            self.kv("wording", d.wording.value)
            self.kv("title_vi", d.title_vi)
            self.kv("title_en", d.title_en)
            self.kv("role", roles.get(d.name))
            self.rule(d.rule)
        for m in rs.milestones:
            self.head("milestones", array=True)
            self.kv("id", m.id)
            self.kv("title_vi", m.title_vi)
            self.kv("title_en", m.title_en)
            when: Any = m.when
            if hasattr(when, "number"):
                self.kv("year", when.year)
                self.kv("quarter", when.number)
                if when.part.value != "whole":
                    self.kv("part", when.part.value)
            else:
                self.kv("start", when.start)
                self.kv("end", when.end)
            self.rule(m.rule)
        if rs.posthumous is not None:
            self.head("posthumous")
            self.kv("allowed", rs.posthumous.allowed)
            self.rule(rs.posthumous.rule)
        if rs.benefits is not None:
            b2 = rs.benefits
            self.head("benefits")
            self.kv("certificate_vi", b2.certificate_vi)
            self.kv("certificate_en", b2.certificate_en)
            self.kv("excluded_title_vi", b2.excluded_title_vi)
            self.rule(b2.rule)
            for e in b2.base_salary.entries:
                self.head("benefits.base_salary", array=True)
                self.kv("from", e.start)
                self.kv("until", e.end)
                self.kv("value", e.value)
                self.rule_or_national(e.rule, Subject.BASE_SALARY)
            for m2 in b2.multipliers.entries:
                self.head("benefits.multipliers", array=True)
                self.kv("from", m2.start)
                self.kv("until", m2.end)
                for key in _MULTIPLIER_KEYS:
                    self.kv(key, getattr(m2.value, key))
                self.rule_or_national(m2.rule, Subject.CASH_MULTIPLIERS)
        for c in rs.checks:
            self.check(c)
        for n in rs.not_computed:
            self.head("not_computed", array=True)
            self.kv("why_vi", n.why_vi)
            self.kv("why_en", n.why_en)
            self.rule(n.rule)
        if rs.successor is not None:
            s = rs.successor
            self.head("successor")
            self.kv("province", s.province)
            self.kv("formed_from", list(s.formed_from))
            self.kv("from", s.start)
            self.rule(s.rule)
        return "\n".join(self.lines) + "\n"
