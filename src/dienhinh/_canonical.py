"""Plain JSON values, canonical JSON and digests.

Records serialise to plain JSON (dicts, lists, strings, ints, bools, None) so
any front end can read them. Exact values keep their exactness in text:
a :class:`~fractions.Fraction` is ``"a/b"``, a date ``"YYYY-MM-DD"``.
A digest is SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8,
NFC strings) of a record's inputs, parameters and the library version.
A record writer's tree may hold one part in many places (:class:`SharedList`,
:class:`SharedDict`, made by a :class:`Sharing`): its text is made once, and to
everything else it is the list or dict it is.
"""

from __future__ import annotations

import datetime as dt
import enum
import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from typing import Any, Final

import attrs

from dienhinh._version import __version__

__all__ = [
    "MARK",
    "SharedDict",
    "SharedList",
    "Sharing",
    "Stream",
    "canonical_chunks",
    "canonical_json",
    "digest_of",
    "plain",
]


class SharedList(list[Any]):
    """A list of plain JSON data that several places of one record's tree hold (one object).

    A national record repeats itself: a unit's nominees share their evidence, most nominees a
    whole list of reasons. To :mod:`json`, ``==`` and the digest it is the list it is; the
    record writer (``io._write``) writes it once per depth and copies that text after. It is
    made for one tree and never changed once made, so one change cannot show in every place.
    """

    __slots__ = ()


class SharedDict(dict[str, Any]):
    """A dict of plain JSON data shared as :class:`SharedList` is (a card's labels, an item of
    evidence that a unit's nominees share)."""

    __slots__ = ()


class Sharing:
    """What one record's tree shares, made as the tree is built: one :class:`SharedList` for
    lists of the same objects (by identity), one :class:`SharedDict` per key.

    Only a tree for the record writer is built with one (``io._public.record_tree``): a
    document handed to a caller (``to_json``) shares nothing, so no change to one of its
    parts shows in another.
    """

    __slots__ = ("_dicts", "_lists", "_made")

    def __init__(self) -> None:
        self._lists: dict[tuple[object, ...], SharedList] = {}
        self._dicts: dict[tuple[Any, ...], SharedDict] = {}
        self._made: dict[int, tuple[object, SharedDict]] = {}

    def list_of(self, items: Iterable[Any]) -> SharedList:
        """The shared list of ``items`` (objects the tree holds), made the first time; it is
        found again by the items' identities (it holds them, so an identity stays theirs)."""
        items = tuple(items)
        key = (False, *map(id, items))
        known = self._lists.get(key)
        if known is None:
            known = self._lists[key] = SharedList(items)
        return known

    def documents_of(self, values: Iterable[Any]) -> SharedList:
        """The shared list of each value's :meth:`json_of` (a nominee's evidence), found again
        by the values' identities (:meth:`json_of` holds them)."""
        values = tuple(values)
        key = (True, *map(id, values))
        known = self._lists.get(key)
        if known is None:
            known = self._lists[key] = SharedList(map(self.json_of, values))
        return known

    def dict_for(self, key: tuple[Any, ...], make: Callable[..., dict[str, Any]]) -> SharedDict:
        """The shared dict ``make(*key)`` (a card's labels, by its outcome, kind, status and
        verdict), made the first time."""
        known = self._dicts.get(key)
        if known is None:
            known = self._dicts[key] = SharedDict(make(*key))
        return known

    def json_of(self, value: Any) -> SharedDict:
        """``value.to_json()`` shared by the value's identity (an item of evidence that a
        unit's nominees hold alike), made the first time; the value is held with it."""
        known = self._made.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        made = SharedDict(value.to_json())
        self._made[id(value)] = (value, made)
        return made


class Stream:
    """A list whose items are made one by one as a digest reads them, never held all at once.

    Its text is the text of the list it stands for: a record's digest over a
    national year's nominations makes each nomination's JSON, hashes it and
    lets it go, instead of building the whole document first.

    >>> canonical_json({"a": Stream(lambda: iter([1, {"b": 2}]))})
    '{"a":[1,{"b":2}]}'
    """

    __slots__ = ("_items", "small")

    def __init__(self, items: Callable[[], Iterable[Any]], *, small: bool = False) -> None:
        self._items = items
        self.small = small
        """Every item is small (a nomination, not a list of thousands): handed to the C encoder
        a slice at a time without looking inside it. The text is the same either way."""

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items())


def plain(value: Any) -> Any:
    """``value`` as plain JSON data; sets become sorted lists, so order never leaks in.

    >>> from fractions import Fraction
    >>> plain({"rate": Fraction(18, 19), "on": dt.date(2024, 10, 29), "ids": frozenset({"b", "a"})})
    {'rate': '18/19', 'on': '2024-10-29', 'ids': ['a', 'b']}
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if type(value) is list and all(type(v) is str for v in value):
        return value[:]  # the common bulk case (approvals, ids): no call per item
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(
        value, numbers.Rational
    ):  # a Fraction (ints returned above); no import of fractions
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return plain(to_json())
    if attrs.has(type(value)):
        return {a.name: plain(getattr(value, a.name)) for a in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, Set):
        return sorted((plain(v) for v in value), key=canonical_json)
    if isinstance(value, list | tuple | Stream):
        return [plain(v) for v in value]
    raise TypeError(f"no plain JSON form for {type(value).__name__}: {value!r}")


def _default(value: Any) -> Any:
    # Called by the C encoder only for what JSON lacks (fractions, dates, enums,
    # sets, attrs classes), so plain data of any size is encoded at C speed.
    return plain(value)


def canonical_json(value: Any) -> str:
    """The one text of ``value``: sorted keys, no insignificant spaces, UTF-8 as is.

    >>> from fractions import Fraction
    >>> canonical_json({"b": Fraction(1, 2), "a": [frozenset({"y", "x"})]})
    '{"a":[["x","y"]],"b":"1/2"}'
    """
    encode = _ENCODE
    if encode is None:
        encode = _encoder()
    return encode(value)


_ENCODE: Callable[[Any], str] | None = None
"""The canonical encoder, made on first use (``json.dumps`` with options makes a new encoder
per call; `import dienhinh` does not import json)."""


def _encoder() -> Callable[[Any], str]:
    global _ENCODE
    import json

    _ENCODE = json.JSONEncoder(
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    ).encode
    return _ENCODE


_SLICE = 2048
"""Items of a long list handed to the C encoder at once when a digest streams a record."""

_FLAT = frozenset({str, int, bool, float, type(None)})
"""The types of a list's items that never hold a large container."""

_SHARED: Final = frozenset({SharedList, SharedDict})

MARK: Final = "\x00"
"""Stands for a value written apart in the one call of the C encoder that writes the rest of
its dict (here a shared part; in the record writer, any value but a scalar). A collision with
a text of the dict itself is seen (one mark too many), and the dict written the long way."""

_MARKED: Final = '"\\u0000"'
"""The mark as the C encoder writes it."""


def _large(value: Any) -> bool:
    """A container worth walking (a long list, or a dict holding one or a shared part, whose
    text is made once) rather than encoding whole."""
    if type(value) is dict:
        if len(value) > _SLICE:
            return True
        for v in value.values():
            t = type(v)
            if t is Stream or t in _SHARED or (t in (list, tuple, dict) and len(v) > _SLICE):
                return True
        return False
    return type(value) is Stream or (type(value) in (list, tuple) and len(value) > _SLICE)


_KEYS: Final = frozenset({str})


def _small_shared(value: dict[str, Any]) -> bool:
    """A dict that holds a shared part and nothing large (see :func:`_large`)."""
    found = False
    for v in value.values():
        t = type(v)
        if t in _SHARED:
            found = True
        elif (
            t is Stream
            or (t in (list, tuple, dict) and len(v) > _SLICE)
            or (t is dict and _large(v))
        ):
            return False
    return found


def canonical_chunks(value: Any) -> Iterator[str]:
    """The text of :func:`canonical_json` in pieces, for a digest to stream.

    Large lists and dicts are walked in Python and their small parts handed to
    the C encoder a slice at a time, so a national record is hashed without
    its whole text (or the encoder's list of pieces) ever being held at once.

    >>> "".join(canonical_chunks({"b": [1, 2], "a": "x"})) == canonical_json({"b": [1, 2], "a": "x"})
    True
    """
    from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]

    if c_make_encoder is None:  # pragma: no cover - CPython always has it
        import json

        encode: Callable[[Any], str] = json.JSONEncoder(
            sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
        ).encode
    else:
        # The encoder json.dumps makes per call (of the same options), made once; no check for
        # cycles, which a record's tree never has (one would be a RecursionError).
        parts = c_make_encoder(None, _default, encode_basestring, None, ":", ",", True, False, True)

        def encode(value: Any) -> str:
            return "".join(parts(value, 0))

    # The text of each shared part (SharedList, SharedDict: a unit's evidence), once.
    texts: dict[int, tuple[Any, str]] = {}

    def shared(value: Any) -> str:
        known = texts.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if type(value) is SharedList and _SHARED.issuperset(map(type, value)):
            text = "[" + ",".join(map(shared, value)) + "]"
        else:
            text = encode(value)
        texts[id(value)] = (value, text)  # held with its text: its id is not reused
        return text

    def marked(value: dict[str, Any]) -> str | None:
        """A dict of small values, some shared: the rest by one call of the C encoder, each
        shared part's text where its mark is; None when the marks are ambiguous."""
        keys = sorted(k for k, v in value.items() if type(v) in _SHARED)
        if not keys:
            return None
        blank = value.copy()
        for k in keys:
            blank[k] = MARK
        parts = encode(blank).split(_MARKED)
        if len(parts) != len(keys) + 1:
            return None
        out = [parts[0]]
        for k, part in zip(keys, parts[1:]):  # noqa: B905 - lengths checked above
            out.append(shared(value[k]))
            out.append(part)
        return "".join(out)

    def whole(value: Any) -> str | None:
        """The text of a dict (a nomination) that holds shared parts and nothing large, in one
        piece (:func:`marked`); None for anything else, which is walked."""
        if (
            type(value) is dict
            and not _SHARED.isdisjoint(map(type, value.values()))
            and _KEYS.issuperset(map(type, value))
            and _small_shared(value)
        ):
            return marked(value)
        return None

    def walk(value: Any) -> Iterator[str]:
        if type(value) is dict and _KEYS.issuperset(map(type, value)):
            if not value:
                yield "{}"
                return
            text = whole(value)
            if text is not None:
                yield text
                return
            sep = "{"
            for key in sorted(value):
                yield sep + encode(key) + ":"
                sep = ","
                item = value[key]
                if type(item) in (dict, list, tuple, Stream):
                    yield from walk(item)
                else:
                    yield encode(item)
            yield "}"
        elif type(value) in (list, tuple) and _FLAT.issuperset(map(type, value)):
            if len(value) <= _SLICE:
                yield encode(value)
                return
            # Ids, marks, numbers: slices straight to the C encoder.
            sep = "["
            for start in range(0, len(value), _SLICE):
                yield sep + encode(value[start : start + _SLICE])[1:-1]
                sep = ","
            yield "]"
        elif type(value) in (list, tuple) and (len(value) > _SLICE or any(map(_large, value))):
            sep = "["
            start = 0
            while start < len(value):
                item = value[start]
                if _large(item):
                    text = whole(item)  # a nomination holding its shared evidence: one piece
                    if text is None:
                        yield sep
                        yield from walk(item)
                    else:
                        yield sep + text
                    start += 1
                else:
                    stop = start + 1
                    while stop < len(value) and stop - start < _SLICE and not _large(value[stop]):
                        stop += 1
                    yield sep + encode(value[start:stop])[1:-1]
                    start = stop
                sep = ","
            yield "]"
        elif type(value) is Stream:
            # Items as they come: a slice of small ones to the C encoder at once.
            sep = "["
            pending: list[Any] = []
            small = value.small
            for item in value:
                if not small and _large(item):
                    if pending:
                        yield sep + encode(pending)[1:-1]
                        sep, pending = ",", []
                    yield sep
                    yield from walk(item)
                    sep = ","
                    continue
                pending.append(item)
                if len(pending) >= _SLICE:
                    yield sep + encode(pending)[1:-1]
                    sep, pending = ",", []
            if pending:
                yield sep + encode(pending)[1:-1]
            elif sep == "[":
                yield "["
            yield "]"
        else:
            yield encode(value)

    def pieces() -> Iterator[str]:
        try:
            yield from walk(value)
        finally:
            # The functions above hold one another (`shared` calls itself), so what `texts`
            # keeps would wait for the cyclic collector (which a command leaves off).
            texts.clear()

    return pieces()


def digest_of(kind: str, inputs: Any, parameters: Any) -> str:
    """``sha256:<hex>`` over the canonical JSON of kind, inputs, parameters and version.

    The text is hashed as it is made (:func:`canonical_chunks`), never held whole.
    """
    import hashlib

    h = hashlib.sha256()
    doc = {"kind": kind, "inputs": inputs, "parameters": parameters, "version": __version__}
    for chunk in canonical_chunks(doc):
        h.update(chunk.encode("utf-8"))
    return "sha256:" + h.hexdigest()
