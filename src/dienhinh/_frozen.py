"""Frozen value classes, made cheaply: ``attrs.frozen`` with shared ``repr()``, ``==`` and
``hash()``.

attrs writes the source of each class's ``__repr__``, ``__eq__`` and ``__hash__`` and compiles
it as the class is made: over half the cost of a class, and the command line makes a hundred
classes before it starts. :func:`frozen` is ``attrs.frozen`` (the type checker sees exactly
that) whose three methods are shared functions reading the class's fields, with the same
results: the same ``repr()`` text (a value met again inside itself shows as ``...``), equal
when of the same class and equal field by field (fields with ``eq=False`` left out), the
hash of those compared fields with ``hash=True`` or default. A method the class defines
itself is kept, as attrs keeps it; a class asking attrs for an ``eq``, ``order``, ``hash`` or
``repr`` option is made by attrs alone.

>>> import attrs
>>> @frozen
... class Point:
...     x: int
...     y: str = attrs.field(repr=lambda v: v.upper())
...     z: int = attrs.field(default=0, repr=False, eq=False)
>>> Point(1, "a")
Point(x=1, y=A)
>>> Point(1, "a", z=1) == Point(1, "a"), hash(Point(1, "a", z=1)) == hash(Point(1, "a"))
(True, True)
>>> Point(1, "b") != Point(1, "a")
True
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

import attr._compat
import attrs

__all__ = ["assembled", "frozen"]

_C = TypeVar("_C")


def assembled(cls: type[_C], **values: object) -> _C:
    """An instance of the frozen class ``cls`` holding ``values`` (every field), made without
    its ``__init__``: for a reader's path whose values are checked as the converters would
    check them (each such path is compared with the public constructor by a property test).
    """
    made = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(made, name, value)
    return made


_SHOWING: Any = getattr(attr._compat, "repr_context", None) or threading.local()
"""The ids of the values whose ``repr()`` is being made in this thread: attrs' own record, so
that a value met again inside itself shows as ``...`` wherever attrs' methods would show it."""

_OPTIONS = frozenset(("eq", "order", "hash", "unsafe_hash", "cache_hash", "cmp"))
"""Options that change ``==`` or ``hash()``: a class given one is made by attrs alone."""


def _repr_of(cls: type) -> Callable[[object], str]:
    """The ``__repr__`` attrs would generate for ``cls``: the same text, the same guard."""
    shown = tuple(
        (a.name, None if a.repr is True else a.repr, a.init)
        for a in attrs.fields(cls)
        if a.repr is not False
    )

    def __repr__(self: object) -> str:
        showing: set[int] | None = getattr(_SHOWING, "already_repring", None)
        if showing is None:
            showing = _SHOWING.already_repring = set()
        if id(self) in showing:
            return "..."
        showing.add(id(self))
        try:
            parts = []
            for name, show, init in shown:
                value = getattr(self, name) if init else getattr(self, name, attrs.NOTHING)
                parts.append(f"{name}={value!r}" if show is None else f"{name}={show(value)}")
            return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
        finally:
            showing.remove(id(self))

    return __repr__


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function giving the tuple of an object's attributes ``names`` (in C, for two or more)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


def _eq_of(cls: type) -> Callable[[object, object], bool]:
    fields = attrs.fields(cls)
    if any(a.eq_key is not None for a in fields):
        raise TypeError(f"{cls.__qualname__}: a field compares by a key; use attrs.frozen")
    compared = _values(tuple(a.name for a in fields if a.eq))

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compared(self) == compared(other)

    return __eq__


def _hash_of(cls: type) -> Callable[[object], int]:
    fields = attrs.fields(cls)
    hashed = _values(tuple(a.name for a in fields if (a.eq if a.hash is None else a.hash)))
    salt = hash(f"{cls.__module__}.{cls.__qualname__}")

    def __hash__(self: object) -> int:
        return hash((salt, *hashed(self)))

    return __hash__


def __ne__(self: object, other: object) -> bool:
    """The negation of ``==`` (``NotImplemented`` passed on), as attrs defines it."""
    result = self.__eq__(other)
    if result is NotImplemented:
        return NotImplemented
    return not result


def _method(cls: type, method: Callable[..., Any]) -> Callable[..., Any]:
    method.__module__ = cls.__module__
    method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
    method.__doc__ = f"Method generated by attrs for class {cls.__qualname__}."
    return method


if TYPE_CHECKING:
    from attrs import frozen as frozen
else:

    def frozen(maybe_cls: type | None = None, /, **options: Any) -> Any:
        """``attrs.frozen`` (the same options), with the shared methods."""

        def wrap(cls: type) -> type:
            own = cls.__dict__
            share_repr = "__repr__" not in own and "repr" not in options
            share_eq = not (
                {"__eq__", "__ne__", "__hash__"} & own.keys() or _OPTIONS & options.keys()
            )
            made = attrs.frozen(
                cls,
                **options,
                **({"repr": False} if share_repr else {}),
                **({"eq": False} if share_eq else {}),
            )
            if share_repr:
                made.__repr__ = _method(made, _repr_of(made))
            if share_eq:
                made.__eq__ = _method(made, _eq_of(made))
                made.__ne__ = __ne__
                made.__hash__ = _method(made, _hash_of(made))
            return made

        return wrap if maybe_cls is None else wrap(maybe_cls)
