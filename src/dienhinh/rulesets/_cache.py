"""The shipped TOML files' parsed data, kept beside the bytecode (as Python keeps a module's).

Parsing TOML is pure Python: the Tuyên Quang ruleset, its catalogue and the national decrees
take longer to parse than the rest of ``dienhinh demo`` to run. So the data of a file shipped
in ``rulesets/data/`` is parsed once, checked (:func:`dienhinh.rulesets._toml._toml`), and
kept where the interpreter keeps bytecode — ``__pycache__/`` beside the file, or under
``sys.pycache_prefix`` (``PYTHONPYCACHEPREFIX``) — as :mod:`marshal` data named by the
file's SHA-256: a copy is used only for the very text it was made from (an edited file is
parsed again), a copy that cannot be read is ignored, and none is written when bytecode is
not (``PYTHONDONTWRITEBYTECODE``) or where the folder is read-only. Files given by path
(``load_ruleset("./my.toml")``, ``parse_ruleset``) are always parsed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
import sys
from collections.abc import Callable
from typing import Any, Final

from dienhinh._text import MAX_DIGITS, MAX_TEXT

__all__ = ["DATA_DIR", "cache_path", "parsed"]

DATA_DIR: Final = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
"""The shipped files' folder: only files inside it are cached."""

_MAGIC: Final = ("dienhinh-toml", 1, MAX_DIGITS, MAX_TEXT)
"""What a copy was made by: its format and the bounds its data was checked against."""

_WHEN: Final[dict[str, Any]] = {"date": dt.date, "datetime": dt.datetime, "time": dt.time}
"""The TOML values marshal cannot hold, kept as ISO text and their place."""


def cache_path(path: str) -> str | None:
    """Where the copy of ``path``'s data is kept (as ``importlib.util.cache_from_source`` places
    bytecode), or None for an interpreter that keeps no bytecode."""
    tag = sys.implementation.cache_tag
    if tag is None:
        return None
    head, name = os.path.split(os.path.abspath(path))
    if sys.pycache_prefix is not None:
        inside = os.path.splitdrive(head)[1].lstrip(os.sep + (os.altsep or ""))
        folder = os.path.join(sys.pycache_prefix, inside)
    else:
        folder = os.path.join(head, "__pycache__")
    return os.path.join(folder, f"{name}.{tag}.marshal")


def parsed(text: str, source: str, parse: Callable[[str, str], dict[str, Any]]) -> dict[str, Any]:
    """``parse(text, source)`` — from the kept copy when ``source`` is a shipped file whose copy
    was made from this very text; else parsed, and for a shipped file kept."""
    folder = os.path.dirname(os.path.abspath(source))
    shipped = folder == DATA_DIR or folder.startswith(DATA_DIR + os.sep)
    where = cache_path(source) if shipped else None
    if where is None:
        return parse(text, source)
    import hashlib

    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    kept = _read(where, key)
    if kept is not None:
        return kept
    data = parse(text, source)
    if not sys.dont_write_bytecode:
        _write(where, key, data)
    return data


def _read(where: str, key: bytes) -> dict[str, Any] | None:
    try:
        with open(where, "rb") as f:
            magic, made_from, data, when = marshal.loads(f.read())
        if tuple(magic) != _MAGIC or made_from != key or not isinstance(data, dict):
            return None
        for place, kind, iso in when:
            *inside, last = place
            container = data
            for step in inside:
                container = container[step]
            container[last] = _WHEN[kind].fromisoformat(iso)
    except Exception:  # missing, unreadable, from another version, damaged: parse the text
        return None
    return data


def _write(where: str, key: bytes, data: dict[str, Any]) -> None:
    when: list[tuple[tuple[str | int, ...], str, str]] = []
    plain = _plain(data, (), when)
    temporary = f"{where}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(where), exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(marshal.dumps((_MAGIC, key, plain, when)))
        os.replace(temporary, where)  # whole or not at all, also with another process writing
    except (OSError, ValueError):  # a read-only install: parse each time, as without bytecode
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _plain(value: Any, place: tuple[str | int, ...], when: list[Any]) -> Any:
    """``value`` with each date, datetime or time replaced by None and listed in ``when``."""
    if isinstance(value, dict):
        return {k: _plain(v, (*place, k), when) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, (*place, i), when) for i, v in enumerate(value)]
    for kind, cls in (("datetime", dt.datetime), ("date", dt.date), ("time", dt.time)):
        if isinstance(value, cls):
            when.append((place, kind, value.isoformat()))
            return None
    return value
