"""`dienhinh._frozen.frozen`: every value class's shared ``repr()``, ``==`` and ``hash()`` give
what attrs' generated methods give (compared with the methods attrs writes for that class)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import attr._make as attrs_make  # the methods attrs would generate, to compare with
import attrs
import pytest

import dienhinh
from dienhinh import _frozen


@_frozen.frozen
class _Probe:
    x: int


_SHARED_EQ = _Probe.__eq__.__code__
_SHARED_REPR = _Probe.__repr__.__code__


def _classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(dienhinh.__path__, "dienhinh."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an extra that is not installed (serve)
            continue
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == info.name:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


CLASSES = _classes()
SHARED = [c for c in CLASSES if getattr(c.__eq__, "__code__", None) is _SHARED_EQ]
REPRS = [c for c in CLASSES if getattr(c.__repr__, "__code__", None) is _SHARED_REPR]


def _generated(cls: type, make: Callable[..., tuple[str, dict[str, Any]]], *args: Any) -> Any:
    script, globs = make(*args)
    namespace: dict[str, Any] = {}
    exec(compile(script, f"<attrs {cls.__qualname__}>", "exec"), globs, namespace)
    (method,) = namespace.values()
    return method


def _made(cls: type, values: dict[str, Any]) -> Any:
    obj: Any = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


def _values(cls: type, tag: str = "x") -> dict[str, Any]:
    return {a.name: (tag, i) for i, a in enumerate(attrs.fields(cls))}


def _variants(cls: type) -> Iterator[tuple[str, Any]]:
    for a in attrs.fields(cls):
        yield a.name, _made(cls, {**_values(cls), a.name: ("y", a.name)})


def _outcome(fn: Callable[[], object]) -> object:
    try:
        return fn()
    except Exception as exc:  # a field's own repr function may refuse the probe's value
        return type(exc)


def test_the_shared_methods_are_used_by_most_classes() -> None:
    assert len(SHARED) >= 80, len(SHARED)
    assert len(REPRS) >= 60, len(REPRS)


@pytest.mark.parametrize("cls", REPRS, ids=lambda c: c.__qualname__)
def test_repr_is_the_text_attrs_gives(cls: type) -> None:
    reference = _generated(cls, attrs_make._make_repr_script, attrs.fields(cls), None)
    obj = _made(cls, _values(cls))
    assert _outcome(lambda: repr(obj)) == _outcome(lambda: reference(obj))
    first = attrs.fields(cls)[0].name
    itself = _made(cls, _values(cls))
    object.__setattr__(itself, first, (itself, "inside"))  # met again inside itself
    assert _outcome(lambda: repr(itself)) == _outcome(lambda: reference(itself))


@pytest.mark.parametrize("cls", SHARED, ids=lambda c: c.__qualname__)
def test_eq_and_hash_are_those_attrs_gives(cls: type) -> None:
    fields = list(attrs.fields(cls))
    eq = _generated(cls, attrs_make._make_eq_script, fields)
    hash_ = _generated(cls, attrs_make._make_hash_script, cls, fields, True, False)
    a, b = _made(cls, _values(cls)), _made(cls, _values(cls))
    assert (a == b, hash(a) == hash(b)) == (eq(a, b), hash_(a) == hash_(b)) == (True, True)
    assert a.__eq__(object()) is NotImplemented is eq(a, object())
    for name, other in _variants(cls):
        assert (a == other) is eq(a, other), name
        assert (a != other) is not eq(a, other), name
        assert (hash(a) == hash(other)) is (hash_(a) == hash_(other)), name


def test_a_class_defining_its_own_methods_keeps_them() -> None:
    @_frozen.frozen
    class Own:
        x: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = object.__hash__

    assert repr(Own(1)) == "own"
    assert Own(1) == Own(2)
    assert Own.__dict__["__hash__"] is object.__hash__


def test_a_class_asking_attrs_for_eq_options_is_made_by_attrs() -> None:
    @_frozen.frozen(eq=False)
    class Identity:
        x: int

    assert Identity(1) != Identity(1)
    assert Identity.__eq__ is object.__eq__
