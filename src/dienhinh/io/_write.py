"""Writing a record: the text of ``json.dumps(plain(value), ensure_ascii=False, indent=2)``, fast.

A round's record is mostly reasons (each with its full citation), and a round's reasons are
few distinct ones shared by many nominees: the ~280,000 reasons of a 30,000-nomination round
are about a thousand distinct texts. :func:`write_indented` writes each distinct reason once
per depth and copies its text after that, and so each list or dict a record's tree holds in
several places (:class:`~dienhinh._canonical.SharedList`, a unit's evidence, a card's list of
reasons); a list of strings (ids, approvals) is written by one C-level join. What is copied
is kept encoded, so most of a national record is never encoded to UTF-8 again. The text is
the same, byte for byte, as the plain encoder's (``tests/test_io_fast_paths.py`` compares
them).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from operator import add, itemgetter
from typing import Any, Final

from dienhinh._canonical import MARK, SharedDict, SharedList, plain
from dienhinh._reasons import Reason

__all__ = ["indented_text", "write_indented"]

_ONCE: Final = frozenset({Reason, SharedList, SharedDict})
"""What a tree holds in many places, by identity: written once per depth, then copied."""

_PIECES: Final = 2048
"""Parts gathered before they are joined and handed on as one piece."""

_ATOMS: Final[dict[Any, str]] = {True: "true", False: "false", None: "null"}

_FLAT: Final = frozenset({str, int, bool, type(None)})
"""The scalars of plain JSON data (a float never is: exact values are strings)."""

_MARKED: Final = encode_basestring(MARK).encode()
"""The mark as the C encoder writes it (``"\\u0000"``), encoded."""

_UNPLANNED: Final[tuple[Any, ...]] = ("not planned yet",)

_ROWS: Final = 256
"""Objects of a long list (cards, tally rows, nominations) whose scalars are encoded at once."""

_ROWS_FROM: Final = 8
"""The length from which a list of objects is written by :data:`_ROWS` (shorter: one by one)."""

_SEP: Final = "\x00"
"""The C encoder's item separator when it writes many objects' scalars in one list: never in
its output otherwise (it writes U+0000 as ``\\u0000``), so a split gives each scalar's text."""

_KEYS: Final = frozenset({str})
"""The keys the C encoder writes as the writer does (it writes ``True`` as ``"true"``)."""


def _shape(card: dict[Any, Any]) -> tuple[Any, ...] | None:
    """What ``==`` does not see of a reason's card: the order of its keys and the types of its
    values (``True == 1``), its ``params`` and ``citation`` included; ``None`` when a value is
    a container other than those two (then the card is written, not copied)."""
    params, citation = card.get("params"), card["citation"]
    kinds = tuple(map(type, card.values()))
    if type(params) is not dict or not _FLAT.issuperset(map(type, params.values())):
        return None
    if citation is not None and (
        type(citation) is not dict or not _FLAT.issuperset(map(type, citation.values()))
    ):
        return None
    if kinds.count(dict) != (1 if citation is None else 2) or not _FLAT.issuperset(
        k for k in kinds if k is not dict
    ):
        return None
    return (
        tuple(card),
        kinds,
        tuple(params),
        tuple(map(type, params.values())),
        None if citation is None else (tuple(citation), tuple(map(type, citation.values()))),
    )


def _heads(keys: tuple[Any, ...], inner: str) -> tuple[str, ...]:
    """Each key of an object, quoted as ``plain`` names it, with what comes before it: the
    opening brace or a comma, then a new line at ``inner``."""
    return tuple(
        ("{" if i == 0 else ",") + inner + encode_basestring(k if type(k) is str else str(k)) + ": "
        for i, k in enumerate(keys)
    )


class _Layout:
    """How the objects of one shape in a long list are written (see ``rows``): ``get`` takes
    an object's ``count`` scalars; with ``segments`` None they are all it holds, its text each
    of ``heads`` (the separator and key before a value) beside its scalar's, then ``close``;
    otherwise each segment is a run of heads for scalars, then the key (None at the end) and
    head of a value written apart."""

    __slots__ = ("close", "count", "get", "heads", "segments")

    def __init__(
        self,
        get: Callable[[dict[str, Any]], tuple[Any, ...]],
        count: int,
        heads: tuple[str, ...],
        segments: tuple[tuple[tuple[str, ...], str | None, str], ...] | None,
        close: str,
    ) -> None:
        self.get, self.count, self.heads, self.segments, self.close = (
            get, count, heads, segments, close,
        )  # fmt: skip

    @classmethod
    def of(cls, keys: tuple[Any, ...], kinds: tuple[type, ...], pad: str) -> _Layout | None:
        """The layout of objects with ``keys`` and values of ``kinds`` at ``pad``; None for
        keys the C encoder would not write as given, or a reason's card (copied by ``card``)."""
        if not _KEYS.issuperset(map(type, keys)) or {"citation", "code", "vi", "en"} <= set(keys):
            return None
        heads = _heads(keys, pad + "  ")
        taken = [k for k, t in zip(keys, kinds, strict=True) if t in _FLAT]
        get: Callable[[dict[str, Any]], tuple[Any, ...]]
        if len(taken) > 1:
            get = itemgetter(*taken)
        elif taken:
            only = taken[0]
            get = lambda d: (d[only],)  # noqa: E731 - itemgetter of one key gives no tuple
        else:
            get = lambda d: ()  # noqa: E731
        if len(taken) == len(keys):
            return cls(get, len(taken), heads, None, pad + "}")
        segments: list[tuple[tuple[str, ...], str | None, str]] = []
        run: list[str] = []
        for key, kind, head in zip(keys, kinds, heads, strict=True):
            if kind in _FLAT:
                run.append(head)
            else:
                segments.append((tuple(run), key, head))
                run = []
        segments.append((tuple(run), None, ""))
        return cls(get, len(taken), (), tuple(segments), pad + "}")


def write_indented(value: Any, sink: Callable[[bytes], object]) -> None:
    """Hand the indented JSON text of ``value``, encoded in UTF-8, to ``sink`` in pieces of
    about :data:`_PIECES` parts (a binary file's ``write``, a list's ``append``), never holding
    the whole text.

    >>> parts: list[bytes] = []
    >>> write_indented({"a": [1, True, None], "b": {}, "c": ["x", "y"]}, parts.append)
    >>> b"".join(parts)
    b'{\\n  "a": [\\n    1,\\n    true,\\n    null\\n  ],\\n  "b": {},\\n  "c": [\\n    "x",\\n    "y"\\n  ]\\n}'
    """
    quote = encode_basestring  # ensure_ascii=False; the C function when available
    atoms = _ATOMS
    once_types = _ONCE
    # `chunks` holds the text written so far, encoded; `out` the str written after it, which
    # is encoded into `chunks` (`encode`) before an encoded text (a copy) follows it.
    out: list[str] = []
    append = out.append
    chunks: list[bytes] = []
    # A reason's card already written at a depth: (its dict, its text), by what names it.
    seen: dict[tuple[Any, ...], tuple[dict[str, Any], tuple[Any, ...], bytes]] = {}
    # What the tree holds in many places (a Reason, a SharedList or SharedDict) is written once
    # per depth, its text kept by its identity (the object is held with it, so no id is reused).
    said: dict[str, dict[int, tuple[object, bytes]]] = {}
    held = 0  # > 0 while a text is being kept: no piece is handed on in its middle

    # Scalars only (a list of ids, approvals; an object of labels, a tally, a citation under
    # string keys) are one call of the C encoder, its separators set for their depth:
    # `["a", "b"]` at two spaces is `[` + `\n    "a",\n    "b"` + `\n  ]`.
    flat = _FLAT.issuperset
    keyed = _KEYS.issuperset
    encoders: dict[str, Callable[[Any], str]] = {}
    separators: dict[str, tuple[bytes, bytes]] = {}

    def encoder(pad: str) -> Callable[[Any], str]:
        inner = pad + "  "
        if c_make_encoder is None:  # pragma: no cover - CPython always has it
            return json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode
        parts = c_make_encoder(
            None, plain, encode_basestring, None, ": ", "," + inner, False, False, True
        )

        def encode(v: Any) -> str:
            return "".join(parts(v, 0))

        encoders[pad] = encode
        return encode

    def enclosed(opening: str, v: Any, pad: str, closing: str) -> str:
        """``v`` (a dict or list of scalars) at ``pad`` by one call of the C encoder: its items
        one to a line, two spaces in, between ``opening`` and ``closing``."""
        return opening + pad + "  " + (encoders.get(pad) or encoder(pad))(v)[1:-1] + pad + closing

    def encode() -> None:
        chunks.append("".join(out).encode())
        out.clear()

    def copy(text: bytes) -> None:
        """An encoded text (a copy, or a part already encoded) after what was written."""
        if out:
            encode()
        chunks.append(text)

    def hand_on() -> None:
        """Everything written so far, to ``sink`` as one piece."""
        encode()
        sink(b"".join(chunks))
        chunks.clear()

    def once(x: Any, pad: str) -> bytes:
        """The text of ``x`` (one of :data:`_ONCE`) at ``pad``, written the first time."""
        nonlocal held
        texts = said.get(pad)
        if texts is None:
            texts = said[pad] = {}
        known = texts.get(id(x))
        if known is not None and known[0] is x:
            return known[1]
        if out:
            encode()
        start = len(chunks)
        held += 1
        if type(x) is Reason:
            mapping(x.to_json(), pad)
        elif not x:
            append("{}" if type(x) is SharedDict else "[]")
        elif type(x) is SharedDict:
            mapping(x, pad)
        else:
            sequence(x, pad)
        held -= 1
        if out:
            encode()
        text = b"".join(chunks[start:])
        del chunks[start:]
        texts[id(x)] = (x, text)
        return text

    def card(v: dict[Any, Any], pad: str) -> bool:
        """Copy a reason's card (a plain dict) already written, or write it and keep its text;
        False when ``v`` is no card whose text may be copied."""
        key = (pad, v["code"], v["vi"], v["en"])
        like = _shape(v)
        if like is None or not (str is type(key[1]) is type(key[2]) is type(key[3])):
            return False
        known = seen.get(key)
        if known is not None and known[1] == like and known[0] == v:
            text = known[2]
        else:
            if out:
                encode()
            start = len(chunks)  # a card _shape accepts holds no list: nothing is handed on
            members(v, pad)  # while it is written
            if out:
                encode()
            text = b"".join(chunks[start:])
            del chunks[start:]
            if known is None:
                seen[key] = (v, like, text)
        copy(text)
        return True

    # A mapping's keys at a depth, each with the separator before it: the record's objects
    # (cards, tallies, nominations) share a few shapes, so a key is quoted once per shape.
    heads: dict[tuple[str, tuple[Any, ...], tuple[type, ...]], tuple[str, ...]] = {}

    def mapping(v: dict[Any, Any], pad: str) -> None:
        """A non-empty dict."""
        if keyed(map(type, v)) and flat(map(type, v.values())):
            # An object of scalars (a tally, a citation): one call of the C encoder.
            append(enclosed("{", v, pad, "}"))
            return
        if "citation" in v and "code" in v and "vi" in v and "en" in v and card(v, pad):
            return
        members(v, pad)

    # Which values of a dict the C encoder may not write (containers, shared parts, objects
    # plain() makes JSON of), by the dict's depth, keys and value types: a record's cards and
    # nominations share a few shapes. None: keys the C encoder writes otherwise.
    plans: dict[tuple[str, tuple[Any, ...], tuple[type, ...]], tuple[Any, ...] | None] = {}

    def members(v: dict[Any, Any], pad: str) -> None:
        """A non-empty dict: its scalars by one call of the C encoder, with a mark in place of
        each other value, which is written where its mark is (key by key when a mark is
        ambiguous, that is, a value or key of the dict is the mark itself)."""
        keys = tuple(v)
        inner = pad + "  "
        kinds = tuple(map(type, v.values()))
        plan = plans.get((pad, keys, kinds), _UNPLANNED)
        if plan is _UNPLANNED:
            plan = plans[pad, keys, kinds] = (
                tuple(k for k, t in zip(keys, kinds, strict=True) if t not in _FLAT)
                if keyed(map(type, keys))
                else None
            )
        if plan is not None:
            blank = v.copy()
            for k in plan:
                blank[k] = MARK
            parts = enclosed("{", blank, pad, "}").encode().split(_MARKED)
            if len(parts) == len(plan) + 1:
                # Encoded at once, beside the shared texts (already encoded) it holds.
                copy(parts[0])
                for k, part in zip(plan, parts[1:]):  # noqa: B905 - lengths checked above
                    x = v[k]
                    t = type(x)
                    if t in once_types:
                        chunks.append(once(x, inner))
                    elif (t is list or t is tuple) and not x:
                        chunks.append(b"[]")
                    elif t is dict and not x:
                        chunks.append(b"{}")
                    elif (t is list or t is tuple) and flat(map(type, x)):
                        # Scalars only (a nominee's fields), as sequence() writes them.
                        chunks.append(enclosed("[", x, inner, "]").encode())
                    else:
                        walk(x, inner)
                        encode()
                    chunks.append(part)
                return
        named = (pad, keys, tuple(map(type, keys)))  # True == 1, but "True" is not "1"
        shape = heads.get(named)
        if shape is None:
            shape = heads[named] = _heads(keys, inner)
        for head, x in zip(shape, v.values(), strict=True):
            t = type(x)
            if t is str:
                append(head + quote(x))
            elif t is dict:
                if x:
                    append(head)
                    mapping(x, inner)
                else:
                    append(head + "{}")
            elif t is list or t is tuple:
                if x:
                    append(head)
                    sequence(x, inner)
                else:
                    append(head + "[]")
            elif t is int:
                append(head + int.__repr__(x))
            elif t is bool or x is None:
                append(head + atoms[x])
            elif t in once_types:
                append(head)
                copy(once(x, inner))
            else:
                append(head)
                walk(x, inner)
        append(pad + "}")

    # The shape of a long list's objects at a depth, by their keys and value types: how to
    # take their scalars, the text before each, and where the other values go (Layout).
    layouts: dict[tuple[str, tuple[Any, ...], tuple[type, ...]], _Layout | None] = {}
    scalars = (
        None
        if c_make_encoder is None
        else c_make_encoder(None, plain, encode_basestring, None, ":", _SEP, False, False, True)
    )

    def rows(v: list[Any] | tuple[Any, ...], pad: str) -> None:
        """A long list of objects: the scalars of :data:`_ROWS` of them by one call of the C
        encoder, each object's text its keys' texts beside its scalars' and the rest written
        where it goes (shared parts copied)."""
        inner = pad + "  "
        keys_pad = inner + "  "
        sep = "[" + inner
        keys: tuple[Any, ...] = ()
        kinds: tuple[type, ...] = ()
        last: _Layout | None = None
        for start in range(0, len(v), _ROWS):
            part = v[start : start + _ROWS]
            shapes: list[_Layout | None] = []
            values: list[Any] = []
            for x in part:
                # None: an object written by itself (not a dict, empty, a key not a str, a
                # reason's card). The shape of the object before is the likeliest.
                if type(x) is dict and x:
                    these, types = tuple(x), tuple(map(type, x.values()))
                    if these != keys or types != kinds:
                        keys, kinds = these, types
                        named = (inner, keys, kinds)
                        if named in layouts:
                            last = layouts[named]
                        else:
                            last = layouts[named] = _Layout.of(keys, kinds, inner)
                    shape = last
                else:
                    shape = None
                shapes.append(shape)
                if shape is not None:
                    values += shape.get(x)
            assert scalars is not None
            pieces = "".join(scalars(values, 0))[1:-1].split(_SEP) if values else []
            at = 0
            for x, shape in zip(part, shapes):  # noqa: B905 - made from part
                if shape is None:
                    append(sep)
                    walk(x, inner)
                elif shape.segments is None:
                    stop = at + shape.count
                    append(sep + "".join(map(add, shape.heads, pieces[at:stop])) + shape.close)
                    at = stop
                else:
                    append(sep)
                    for heads, key, head in shape.segments:
                        if heads:
                            stop = at + len(heads)
                            append("".join(map(add, heads, pieces[at:stop])))
                            at = stop
                        if key is not None:
                            append(head)
                            walk(x[key], keys_pad)  # a shared part copied, as walk copies it
                    append(shape.close)
                sep = "," + inner
                if len(out) + len(chunks) >= _PIECES and not held:
                    hand_on()
        append(pad + "]")

    def sequence(v: list[Any] | tuple[Any, ...], pad: str) -> None:
        """A non-empty list or tuple."""
        inner = pad + "  "
        if flat(map(type, v)):
            append(enclosed("[", v, pad, "]"))
            return
        if len(v) >= _ROWS_FROM and type(v[0]) is dict and scalars is not None:
            rows(v, pad)
            return
        # Separators before an item, encoded, for a run of copied texts (a list of reasons).
        first, then = separators.get(inner) or separators.setdefault(
            inner, (("[" + inner).encode(), ("," + inner).encode())
        )
        sep = "[" + inner
        texts = said.get(inner)
        for x in v:
            t = type(x)
            if t in once_types:
                known = None if texts is None else texts.get(id(x))
                if known is None or known[0] is not x:
                    text = once(x, inner)
                    texts = said[inner]
                else:
                    text = known[1]
                copy(first)
                chunks.append(text)  # apart: a long text is copied only by the join
            elif t is str:
                append(sep + quote(x))
            elif t is int:
                append(sep + int.__repr__(x))
            elif t is bool or x is None:
                append(sep + atoms[x])
            else:
                append(sep)
                if t is dict and x:
                    mapping(x, inner)
                elif (t is list or t is tuple) and x:
                    sequence(x, inner)
                else:
                    walk(x, inner)
                if len(out) + len(chunks) >= _PIECES and not held:
                    hand_on()
            sep = "," + inner
            first = then
        append(pad + "]")

    def walk(v: Any, pad: str) -> None:
        t = type(v)
        if t is str:
            append(quote(v))
        elif t is dict:
            if v:
                mapping(v, pad)
            else:
                append("{}")
        elif t is list or t is tuple:
            if v:
                sequence(v, pad)
            else:
                append("[]")
        elif t is int:
            append(int.__repr__(v))
        elif t is bool or v is None:
            append(atoms[v])
        elif t in once_types:
            copy(once(v, pad))
        else:
            made = plain(v)
            if made is v:  # a str or int subclass, which plain keeps and json writes as such
                append(quote(v) if isinstance(v, str) else int.__repr__(v))
            else:
                walk(made, pad)

    try:
        walk(value, "\n")
        hand_on()
    finally:
        # The functions above hold one another, so what they kept would wait for the cyclic
        # collector (which a command leaves off): let it go now.
        said.clear()
        seen.clear()
        layouts.clear()


def indented_text(value: Any) -> str:
    """The whole text :func:`write_indented` writes.

    >>> indented_text({"a": [1, True, None], "b": {}, "c": "x"})
    '{\\n  "a": [\\n    1,\\n    true,\\n    null\\n  ],\\n  "b": {},\\n  "c": "x"\\n}'
    """
    parts: list[bytes] = []
    write_indented(value, parts.append)
    return b"".join(parts).decode()
