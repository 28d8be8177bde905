"""The JSON boundary: text → plain data → typed input documents, with precise errors.

Only the CLI and the JSON helpers import this module (and so ``cattrs``):
``import dienhinh`` stays light. Structuring is strict — an unknown key, a
string where a list is meant, ``1`` where a string is meant, ``true`` where a
number is meant: each is reported with its path (``$.ballots[2].member``),
all problems of a document at once, as one :class:`~dienhinh.InvalidInputError`.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import list_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import transform_error

from dienhinh._errors import (
    DienhinhError,
    ImpossibleDateError,
    InvalidInputError,
    MalformedJSONError,
    MissingKeyError,
    Problem,
    UnknownKeyError,
)

__all__ = ["converter", "parse_json", "structure"]

T = TypeVar("T")


def parse_json(text: str, *, source: str = "<input>") -> Any:
    """Plain data from JSON text; malformed text is a :class:`MalformedJSONError` with its place.

    Duplicate keys in one object are refused too: the last one would silently win.
    """

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise MalformedJSONError(f"{source}: the key {key!r} appears twice in one object")
            out[key] = value
        return out

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise MalformedJSONError(
            f"{source}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise MalformedJSONError(f"{source}: JSON nested too deeply") from None


def _no_constant(name: str) -> Any:
    raise MalformedJSONError(f"{name} is not a JSON number")


def _strict(kind: type[Any], name: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _type: Any) -> Any:
        # bool is an int in Python, never in a JSON document of ours.
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise TypeError(f"expected {name}, got {type(value).__name__} {value!r}"[:120])
        return value

    return hook


def _date(value: Any, _type: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date 'YYYY-MM-DD', got {value!r}")
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ImpossibleDateError(
            "is not a calendar date", field="date", value=value, allowed="'YYYY-MM-DD' that exists"
        ) from None


def _make() -> cattrs.Converter:
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _strict(str, "a string"))
    c.register_structure_hook(int, _strict(int, "an integer"))
    c.register_structure_hook(bool, _strict(bool, "true or false"))
    c.register_structure_hook(dt.date, _date)

    def is_list(t: Any) -> bool:
        return typing.get_origin(t) is list or t is list

    def list_hook(t: Any) -> Callable[[Any, Any], Any]:
        base = list_structure_factory(t, c)

        def hook(value: Any, type_: Any) -> Any:
            # cattrs would iterate a string into its characters: "abc" is not ["a", "b", "c"].
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            return base(value, type_)

        return hook

    c.register_structure_hook_factory(is_list, list_hook)
    return c


converter: cattrs.Converter = _make()
"""The one strict converter of the package's input documents."""


def structure(data: Any, cls: type[T], *, source: str = "<input>") -> T:
    """``data`` as ``cls``, or one :class:`InvalidInputError` listing every problem with its path."""
    if attrs.has(cls) and not isinstance(data, dict):
        # cattrs would call .keys() on it and raise AttributeError, not a structuring error.
        raise InvalidInputError(
            f"{source}: invalid {_name(cls)}",
            [Problem("$", f"expected a JSON object, got {type(data).__name__}", source=source)],
        )
    try:
        return converter.structure(data, cls)
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


def _name(cls: type[Any]) -> str:
    return getattr(cls, "DOCUMENT", cls.__name__)


_BY_KIND: dict[str, type[InvalidInputError]] = {
    "unknown_key": UnknownKeyError,
    "missing_key": MissingKeyError,
}


def _problems(exc: Exception, source: str) -> list[Problem]:
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
    if isinstance(exc, DienhinhError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required key missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s) {sorted(exc.extra_fields)}; the format does not define them"
    return str(exc) or type(exc).__name__
