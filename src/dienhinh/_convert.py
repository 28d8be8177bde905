"""Converters shared by the value objects: they turn a bad value into a clear error."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeVar

from dienhinh._errors import InvalidValueError

__all__ = ["enum_of"]

E = TypeVar("E", bound=enum.Enum)


def enum_of(cls: type[E], field: str) -> Callable[[object], E]:
    """A converter accepting a member of ``cls`` or its value; anything else names the choices."""

    def convert(value: object) -> E:
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

    return convert
