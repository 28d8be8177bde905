"""Converters shared by the value objects: they turn a bad value into a clear error."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh._text import a_or_an

__all__ = ["instance_of", "is_a", "items_of", "one_of", "to_enum"]

E = TypeVar("E", bound=enum.Enum)


def to_enum(cls: type[E], value: object, field: str) -> E:
    """A member of ``cls`` from itself or its value; anything else names the choices.

    attrs converters call it from a small named function (mypy's attrs plugin
    understands named converters, not closures).
    """
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        raise InvalidValueError(
            f"is not {a_or_an(cls.__name__)}",
            field=field,
            value=value,
            allowed=", ".join(str(m.value) for m in cls),
        ) from None


T = TypeVar("T")


def instance_of(value: object, cls: type[T] | tuple[type[T], ...], field: str, what: str) -> T:
    """``value`` if it is a ``cls``; otherwise an :class:`InvalidTypeError` saying what is meant.

    The public API checks its arguments at the door: a string where a
    :class:`~dienhinh.voting.Cap` is meant is a ``TypeError`` naming the
    argument, not an ``AttributeError`` deep inside.
    """
    if not isinstance(value, cls):
        raise InvalidTypeError(f"must be {what}", field=field, value=value)
    return value


def items_of(value: object, cls: type[T], field: str, what: str) -> tuple[T, ...]:
    """The items of an iterable (not a string, not a mapping), each a ``cls``."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"must be a list of {what}", field=field, value=value)
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise InvalidTypeError(f"must be {what}", field=f"{field}[{i}]", value=item)
    return items


def is_a(cls: type[Any], what: str) -> Any:
    """An attrs validator: a value that is not a ``cls`` is an :class:`InvalidTypeError`
    naming the field (attrs' own ``instance_of`` raises a bare ``TypeError``)."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise InvalidTypeError(f"must be {what}", field=attribute.name, value=value)

    return check


def one_of(*allowed: str) -> Any:
    """An attrs validator: a value outside ``allowed`` is an :class:`InvalidValueError`."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise InvalidValueError(
                "is not allowed", field=attribute.name, value=value, allowed=", ".join(allowed)
            )

    return check
