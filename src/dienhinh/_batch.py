"""Batch work: a national year assesses 10^5 nominees and keeps every record.

The records are trees of tuples and frozen values with no reference cycle, so
reference counting frees them; the cyclic garbage collector only re-scans the
growing heap of kept results again and again (7 s of a 10^5 round). Batch
entry points run with it paused and restore it as they found it.

What batch work remembers to save work (a checked id, a shared reason, an evidence item
read before) is kept in module stores of a bounded size, each emptied when full
(:func:`remember`), so a long-lived process never grows with what it has seen.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["batch", "remember"]

_P = ParamSpec("_P")
_T = TypeVar("_T")
_K = TypeVar("_K")


def batch(fn: Callable[_P, _T]) -> Callable[_P, _T]:
    """Run ``fn`` with the cyclic garbage collector paused (reference counting still frees).

    >>> import gc
    >>> @batch
    ... def probe() -> bool:
    ...     return gc.isenabled()
    >>> probe(), gc.isenabled()
    (False, True)
    """

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return run


def remember(store: dict[_K, _T], key: _K, value: _T, at_most: int) -> None:
    """Keep ``value`` under ``key`` in ``store``, a module's memory of work already done (what
    a reader checked, a unit's id): emptied when it holds ``at_most``, since it only saves work.

    >>> store: dict[str, int] = {}
    >>> for n, key in enumerate("abc"):
    ...     remember(store, key, n, at_most=2)
    >>> store
    {'c': 2}
    """
    if len(store) >= at_most:
        store.clear()
    store[key] = value
