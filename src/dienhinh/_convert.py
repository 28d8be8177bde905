"""Converters shared by the value objects: they turn a bad value into a clear error."""

from __future__ import annotations

import enum
from typing import TypeVar

from dienhinh._errors import InvalidValueError

__all__ = ["to_enum"]

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
            f"is not a {cls.__name__}",
            field=field,
            value=value,
            allowed=", ".join(str(m.value) for m in cls),
        ) from None
