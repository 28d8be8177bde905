"""The JSON boundary: text → plain data → typed input documents, with precise errors.

Only the CLI and the JSON helpers import this module: ``import dienhinh`` stays light.
``cattrs`` is loaded only when a document leaves the fast path (:func:`fast`), so a
well-formed document (``dienhinh demo``'s) is read without it. Structuring is strict — an unknown key, a
string where a list is meant, ``1`` where a string is meant, ``true`` where a
number is meant: each is reported with its path (``$.ballots[2].member``),
all problems of a document at once, as one :class:`~dienhinh.InvalidInputError`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from dienhinh._errors import (
    DienhinhError,
    DuplicateIdError,
    InvalidInputError,
    InvalidTypeError,
    MalformedJSONError,
    MissingKeyError,
    Problem,
    UnknownKeyError,
    clip,
)
from dienhinh._text import MAX_DIGITS, MAX_TEXT, decode_utf8, nfc_each, text_problem
from dienhinh.calendar._time import parse_day

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "NULLABLE",
    "Unsure",
    "converter",
    "fast",
    "named",
    "object_reader",
    "parse_json",
    "register_fast",
    "register_hook",
    "structure",
]

T = TypeVar("T")


_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
"""The tokens of JSON text that parsed: strings, punctuation, and bare words (numbers, literals)."""

_SUSPECT_ESCAPE: Final = re.compile(
    r'\\(?:["bf]|u(?:00[01]|007[fF]|008[0-46-9a-fA-F]|009|[dD][89a-fA-F]))'
)
"""An escape that may stand for a character no input may hold (a control character, half of a
surrogate pair), or an escaped quote (which would split a long string in two for
:data:`_LONG_RUN`); matching ``\\\\b`` too only costs the slow path."""

_LONG_RUN: Final = re.compile(f'"[^"]{{{MAX_TEXT + 1}}}')
"""A quote followed by more characters than any string may hold, up to the next quote. Every
search starts at a quote and stops at the next one, so it is linear in the text."""

_RAW_C1: Final = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")
"""A C1 control character (other than U+0085 NEXT LINE, a line break) in UTF-8: the text is
scanned encoded, where a literal byte is found at C speed (a class of characters searched in
the str took twice the time of encoding and both scans)."""

NULLABLE: Final = "nullable"
"""Marks an optional field whose schema allows ``null`` (``Annotated[X | None, NULLABLE]``);
every other optional field is omitted when absent, and ``null`` is refused there."""


class _Located(Exception):
    """A problem the JSON decoder's hooks found; the text is scanned again to place it."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail


def parse_json(text: str | bytes, *, source: str = "<input>") -> Any:
    """Plain data from JSON text; malformed text is a :class:`MalformedJSONError` with its place.

    Bytes are decoded as strict UTF-8; a leading byte-order mark is accepted.
    Refused, each with its line and column: a key given twice in one object
    (the last one would silently win), ``NaN`` and ``Infinity``, an integer of
    more than :data:`~dienhinh._text.MAX_DIGITS` digits; and with its JSON
    path, a string holding a lone surrogate or a control character, or longer
    than :data:`~dienhinh._text.MAX_TEXT`.
    """
    if isinstance(text, bytes | bytearray):
        text = decode_utf8(bytes(text), source=source)
    elif not isinstance(text, str):
        raise InvalidTypeError("must be JSON text (str or bytes)", field=source, value=text)
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_int=_int
        )
    except json.JSONDecodeError as exc:
        raise MalformedJSONError(
            f"{source}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except _Located as exc:
        raise MalformedJSONError(f"{source}: {_locate(text, exc)}") from None
    except RecursionError:
        raise MalformedJSONError(
            f"{source}: JSON nested too deeply", allowed="at most a few hundred levels"
        ) from None
    problem = None if _clean(text) else _strings_problem(data)
    if problem is not None:
        raise MalformedJSONError(f"{source}: {problem}")
    return data


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):  # a key came twice: the first one that did is named
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Located("duplicate", key)
            seen.add(key)
    return out


def _no_constant(name: str) -> Any:
    raise _Located("constant", name)


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Located("integer", digits)
    return int(digits)


def _place(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line} column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _locate(text: str, problem: _Located) -> str:
    """The message of a hook's problem, with the line and column of the token that caused it."""
    offset = None
    if problem.kind == "duplicate":
        # A stack of the keys seen in each open object; a string before ':' is a key.
        stack: list[set[str] | None] = []
        tokens = list(_TOKEN.finditer(text))
        for i, token in enumerate(tokens):
            word = token.group()
            if word in "{[":
                stack.append(set() if word == "{" else None)
            elif word in "}]":
                stack.pop()
            elif word.startswith('"') and i + 1 < len(tokens) and tokens[i + 1].group() == ":":
                keys = stack[-1]
                key = json.loads(word)
                if keys is not None and key in keys:
                    offset = token.start()
                    break
                if keys is not None:
                    keys.add(key)
        what = f"the key {clip(repr(problem.detail))} appears twice in one object"
        allowed = "each key once"
    else:
        for token in _TOKEN.finditer(text):
            if token.group() == problem.detail:
                offset = token.start()
                break
        if problem.kind == "constant":
            what = f"{problem.detail} is not a JSON number"
            allowed = "a finite number"
        else:
            what = f"an integer of {len(problem.detail.lstrip('-')):,} digits"
            allowed = f"at most {MAX_DIGITS} digits"
    at = f" at {_place(text, offset)}" if offset is not None else ""
    return f"{what}{at}; allowed: {allowed}"


def _clean(text: str) -> bool:
    """True when no key or string parsed from ``text`` can hold what :func:`_strings_problem`
    refuses: a few scans of the text at C speed instead of a call per string.

    A string's characters are either the text's own (a raw control character below U+0020 is
    already refused by the parser; U+007F, the C1 controls and lone surrogates are looked for
    here) or escapes (:data:`_SUSPECT_ESCAPE`); a string is never longer than its token
    (:data:`_LONG_RUN`). ``False`` only means the precise walk must look.
    """
    if _SUSPECT_ESCAPE.search(text) or _LONG_RUN.search(text):
        return False
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return b"\x7f" not in raw and _RAW_C1.search(raw) is None


def _strings_problem(data: Any) -> str | None:
    """The first key or string of ``data`` that no input may hold, with its JSON path."""
    todo: list[tuple[str, Any]] = [("$", data)]
    while todo:
        path, value = todo.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                return f"{path}: the string {problem}"
        elif isinstance(value, dict):
            for key, item in value.items():
                problem = text_problem(key)
                if problem is not None:
                    return f"{path}: the key {problem}"
                todo.append((f"{path}.{clip(key, 60)}", item))
        elif isinstance(value, list):
            todo.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
    return None


def _strict(kind: type[Any], name: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _type: Any) -> Any:
        # bool is an int in Python, never in a JSON document of ours.
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise TypeError(f"expected {name}, got {type(value).__name__} {clip(repr(value), 80)}")
        return value

    return hook


def _date(value: Any, _type: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date 'YYYY-MM-DD', got {clip(repr(value))}")
    return parse_day(value, field="date")


def _make() -> cattrs.Converter:
    import cattrs  # loaded on the slow path only (module docstring)
    from cattrs.cols import list_structure_factory

    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _strict(str, "a string"))
    c.register_structure_hook(int, _strict(int, "an integer"))
    c.register_structure_hook(bool, _strict(bool, "true or false"))
    c.register_structure_hook(dt.date, _date)

    def is_list(t: Any) -> bool:
        return typing.get_origin(t) is list or t is list

    def list_hook(t: Any) -> Callable[[Any, Any], Any]:
        base = list_structure_factory(t, c)
        args = typing.get_args(t)
        scalar = bool(args) and args[0] in (str, dt.date)

        def hook(value: Any, type_: Any) -> Any:
            # cattrs would iterate a string into its characters: "abc" is not ["a", "b", "c"].
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            out = base(value, type_)
            if scalar:
                # A repeated item is a mistake every list refuses (an id is compared in NFC).
                seen: dict[Any, int] = {}
                for i, item in enumerate(out):
                    key = unicodedata.normalize("NFC", item) if isinstance(item, str) else item
                    if key in seen:
                        raise DuplicateIdError(
                            f"is given twice in the list (items {seen[key]} and {i})",
                            field=f"[{i}]",
                            value=item,
                            allowed="each item once",
                        )
                    seen[key] = i
            return out

        return hook

    def is_optional(t: Any) -> bool:
        args = typing.get_args(t)
        return typing.get_origin(t) in (typing.Union, types.UnionType) and type(None) in args

    def optional_hook(t: Any) -> Callable[[Any, Any], Any]:
        (inner,) = [a for a in typing.get_args(t) if a is not type(None)]

        def hook(value: Any, _type: Any) -> Any:
            if value is None:
                raise TypeError("null is not allowed here; leave the key out instead")
            return c.structure(value, inner)

        return hook

    def is_nullable(t: Any) -> bool:
        return typing.get_origin(t) is typing.Annotated and NULLABLE in t.__metadata__

    def nullable_hook(t: Any) -> Callable[[Any, Any], Any]:
        (inner,) = [a for a in typing.get_args(t.__origin__) if a is not type(None)]

        def hook(value: Any, _type: Any) -> Any:
            return None if value is None else c.structure(value, inner)

        return hook

    c.register_structure_hook_factory(is_list, list_hook)
    c.register_structure_hook_factory(is_optional, optional_hook)
    c.register_structure_hook_factory(is_nullable, nullable_hook)
    for kind, hook in _HOOKS.items():
        c.register_structure_hook(kind, hook)
    return c


_HOOKS: dict[type[Any], Callable[[Any, Any], Any]] = {}
"""The structure hooks the document modules add (:func:`register_hook`), in their order."""

_CONVERTER: list[cattrs.Converter] = []


def register_hook(kind: type[Any], hook: Callable[[Any, Any], Any]) -> None:
    """A structure hook for ``kind`` in the converter (made on first use, or now if made)."""
    _HOOKS[kind] = hook
    if _CONVERTER:
        _CONVERTER[0].register_structure_hook(kind, hook)


def converter() -> cattrs.Converter:
    """The one strict converter of the package's input documents, made on first use."""
    if not _CONVERTER:
        _CONVERTER.append(_make())
    return _CONVERTER[0]


def structure(data: Any, cls: type[T], *, source: str = "<input>") -> T:
    """``data`` as ``cls``, or one :class:`InvalidInputError` listing every problem with its path."""
    if attrs.has(cls) and not isinstance(data, dict):
        # cattrs would call .keys() on it and raise AttributeError, not a structuring error.
        raise InvalidInputError(
            f"{source}: invalid {_name(cls)}",
            [Problem("$", f"expected a JSON object, got {type(data).__name__}", source=source)],
        )
    try:
        read: T = fast(data, cls)  # the common case; anything unusual is the converter's
        return read
    except Unsure:
        pass
    from cattrs.errors import (  # the slow path only
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    try:
        return converter().structure(data, cls)
    except (ClassValidationError, IterableValidationError, ForbiddenExtraKeysError) as exc:
        problems = _problems(exc, source)
        kinds = {p.kind for p in problems}
        error = (
            _BY_KIND.get(kinds.pop(), InvalidInputError) if len(kinds) == 1 else InvalidInputError
        )
        raise error(f"{source}: invalid {_name(cls)}", problems) from None
    except DienhinhError:
        raise
    except (TypeError, ValueError, KeyError) as exc:
        raise InvalidInputError(
            f"{source}: invalid {_name(cls)}", [Problem("$", str(exc), source=source)]
        ) from None


# -- the fast path ------------------------------------------------------------------------------


class Unsure(Exception):
    """The fast reader met something it does not vouch for: the converter reads it again and
    words the problem (or, at worst, accepts what the fast reader was unsure of)."""


_Reader = Callable[[Any], Any]
_READERS: dict[Any, _Reader] = {}
"""A reader per type: plain data → the value the converter would make, or :class:`Unsure`."""


def register_fast(kind: Any, reader: _Reader) -> None:
    """A reader for ``kind`` the fast path uses where the converter has a hook of its own."""
    _READERS[kind] = reader


def fast(data: Any, kind: Any) -> Any:
    """``data`` as ``kind`` when it is exactly what the converter accepts, else :class:`Unsure`.

    The converter's rules, stated again for the common case: a string is a ``str``, an
    integer an ``int`` (never a ``bool``), a date a valid ``YYYY-MM-DD``, a list a ``list``
    (one of strings or dates without a repeat, compared in NFC), an object has only its
    class's keys and every required one; ``null`` only where a field is nullable. Anything
    else, and any error, is the converter's to read and to word.
    """
    reader = _READERS.get(kind)
    if reader is None:
        reader = _READERS[kind] = _reader(kind)
    return reader(data)


def _slow(_value: Any) -> Any:
    raise Unsure


def _exact(kind: type[Any]) -> _Reader:
    def read(value: Any) -> Any:
        if type(value) is not kind:
            raise Unsure
        return value

    _EXACT[read] = kind
    return read


_EXACT: dict[_Reader, type[Any]] = {}
"""The readers :func:`_exact` made, with their type: an object's reader checks such a field
itself (``type(value) is kind``) instead of calling it."""
_TEXTS: Final = frozenset({str})


def _day(value: Any) -> dt.date:
    if type(value) is not str:
        raise Unsure
    try:
        return parse_day(value, field="date")
    except DienhinhError:
        raise Unsure from None


def _reader(kind: Any) -> _Reader:
    known = _READERS.get(kind)
    if known is not None:  # a registered one (evidence by its type), or one made already
        return known
    if kind in (str, int, bool):
        return _exact(kind)
    if kind is dt.date:
        return _day
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Annotated and NULLABLE in kind.__metadata__:
        inner = [a for a in typing.get_args(kind.__origin__) if a is not type(None)]
        if len(inner) != 1:
            return _slow
        nullable = _reader(inner[0])
        return lambda value: None if value is None else nullable(value)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            return _slow
        optional = _reader(inner[0])  # null refused: the key is left out instead

        def read_optional(value: Any) -> Any:
            if value is None:
                raise Unsure
            return optional(value)

        return read_optional
    if origin is list and len(args) == 1:
        return _list(args[0])
    if origin is dict and args == (str, str):

        def read_texts(value: Any) -> dict[str, str]:
            if (
                type(value) is not dict
                or not _TEXTS.issuperset(map(type, value))
                or not _TEXTS.issuperset(map(type, value.values()))
            ):
                raise Unsure
            return dict(value)

        return read_texts
    if isinstance(kind, type) and attrs.has(kind):
        return object_reader(kind)
    return _slow


def _list(item: Any) -> _Reader:
    if item is str:

        def read_texts(value: Any) -> list[str]:
            if type(value) is not list or not _TEXTS.issuperset(map(type, value)):
                raise Unsure
            if len(value) > 1 and len(set(nfc_each(value))) != len(value):
                raise Unsure  # a repeated item
            return value[:]

        return read_texts
    each = _reader(item)
    unique = item is dt.date

    def read_items(value: Any) -> list[Any]:
        if type(value) is not list:
            raise Unsure
        out = [each(x) for x in value]
        if unique and len(set(out)) != len(out):
            raise Unsure
        return out

    return read_items


def object_reader(cls: type[Any]) -> _Reader:
    """The fast reader of an attrs document class by its fields (for a hook that wraps it)."""
    try:
        hints = typing.get_type_hints(cls, include_extras=True)
    except (NameError, TypeError):  # pragma: no cover - every document class resolves
        return _slow
    fields = [
        (a.name, a.alias, _reader(hints[a.name]), a.default is attrs.NOTHING)
        for a in attrs.fields(cls)
        if a.init
    ]
    names = frozenset(name for name, _, _, _ in fields)
    required = frozenset(name for name, _, _, needed in fields if needed)
    # Each key's argument name, its reader, and the type its reader checks (when it only checks
    # the type: then the check is made here, not called).
    plan = {name: (alias, each, _EXACT.get(each)) for name, alias, each, _ in fields}

    def read(value: Any) -> Any:
        if type(value) is not dict or not names.issuperset(value) or not value.keys() >= required:
            raise Unsure
        given = {}
        for name, x in value.items():
            alias, each, kind = plan[name]
            if kind is None:
                given[alias] = each(x)
            elif type(x) is kind:
                given[alias] = x
            else:
                raise Unsure
        return cls(**given)

    return read


def _name(cls: type[Any]) -> str:
    return getattr(cls, "DOCUMENT", cls.__name__)


_BY_KIND: dict[str, type[InvalidInputError]] = {
    "unknown_key": UnknownKeyError,
    "missing_key": MissingKeyError,
}


def _problems(exc: Exception, source: str) -> list[Problem]:
    from cattrs.v import transform_error  # the slow path only

    out = []
    for line in transform_error(exc, format_exception=_format):
        message, _, where = line.rpartition(" @ ")
        kind = "invalid"
        if message.startswith("unknown key"):
            kind = "unknown_key"
        elif message.startswith("required key missing"):
            kind = "missing_key"
        out.append(Problem(where or "$", message or line, source=source, kind=kind))
    return out


def _format(exc: BaseException, type_: Any) -> str:
    from cattrs.errors import ForbiddenExtraKeysError  # the slow path only

    if isinstance(exc, DienhinhError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s) {sorted(exc.extra_fields)}; the format does not define them"
    return str(exc) or type(exc).__name__


@contextmanager
def named(source: str) -> Iterator[None]:
    """Inside: a package error whose message does not name ``source`` gets it as a prefix, so
    every message of a reader says which input it is about."""
    try:
        yield
    except DienhinhError as exc:
        if exc.args and isinstance(exc.args[0], str) and not exc.args[0].startswith(source):
            exc.args = (f"{source}: {exc.args[0]}", *exc.args[1:])
        raise
