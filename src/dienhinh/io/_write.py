"""Writing a record: the text of ``json.dumps(plain(value), ensure_ascii=False, indent=2)``, fast.

A round's record is mostly reasons (each with its full citation), and a round's reasons are
few distinct ones shared by many nominees: the ~280,000 reasons of a 30,000-nomination round
are about a thousand distinct texts. :func:`write_indented` writes each distinct reason once
per depth and copies its text after that; a list of strings (ids, approvals) is written by
one C-level join. The text is the same, byte for byte, as the plain encoder's
(``tests/test_io_fast_paths.py`` compares them).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, Final

from dienhinh._canonical import plain
from dienhinh._reasons import Reason

__all__ = ["indented_text", "write_indented"]

_PIECES: Final = 1 << 16
"""Parts gathered before they are joined and handed on as one piece."""

_ATOMS: Final[dict[Any, str]] = {True: "true", False: "false", None: "null"}

_FLAT: Final = frozenset({str, int, bool, type(None)})
"""The scalars of plain JSON data (a float never is: exact values are strings)."""

_WRITTEN: Final = 100_000
"""Texts of objects of scalars one write keeps to copy (it only saves work)."""

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


def write_indented(value: Any, sink: Callable[[str], object]) -> None:
    """Hand the indented JSON text of ``value`` to ``sink`` in pieces of about :data:`_PIECES`
    parts (a file's ``write``, a list's ``append``), never holding the whole text.

    >>> parts: list[str] = []
    >>> write_indented({"a": [1, True, None], "b": {}, "c": ["x", "y"]}, parts.append)
    >>> "".join(parts)
    '{\\n  "a": [\\n    1,\\n    true,\\n    null\\n  ],\\n  "b": {},\\n  "c": [\\n    "x",\\n    "y"\\n  ]\\n}'
    """
    quote = encode_basestring  # ensure_ascii=False; the C function when available
    atoms = _ATOMS
    out: list[str] = []
    append = out.append
    # A reason's card already written at a depth: (its dict, its text), by what names it.
    seen: dict[tuple[Any, ...], tuple[dict[str, Any], tuple[Any, ...], str]] = {}
    # A Reason itself (a record's tree for the writer, :func:`record_tree`) is written once per
    # depth, its text kept by its identity (the reason is held with it, so no id is reused).
    said: dict[str, dict[int, tuple[Reason, str]]] = {}
    held = 0  # > 0 while a text is being kept: no piece is handed on in its middle

    # Scalars only (a list of ids, approvals; an object of labels, a tally, a citation under
    # string keys) are one call of the C encoder, its separators set for their depth:
    # `["a", "b"]` at two spaces is `[` + `\n    "a",\n    "b"` + `\n  ]`.
    flat = _FLAT.issuperset
    keyed = _KEYS.issuperset
    encoders: dict[str, Callable[[Any], str]] = {}

    def encoder(pad: str) -> Callable[[Any], str]:
        inner = pad + "  "
        if c_make_encoder is None:  # pragma: no cover - CPython always has it
            return json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode
        chunks = c_make_encoder(
            None, plain, encode_basestring, None, ": ", "," + inner, False, False, True
        )

        def encode(v: Any) -> str:
            return "".join(chunks(v, 0))

        encoders[pad] = encode
        return encode

    def reason(r: Reason, pad: str) -> str:
        nonlocal held
        texts = said.get(pad)
        if texts is None:
            texts = said[pad] = {}
        known = texts.get(id(r))
        if known is not None and known[0] is r:
            return known[1]
        start = len(out)
        held += 1
        mapping(r.to_json(), pad)
        held -= 1
        text = "".join(out[start:])
        del out[start:]
        texts[id(r)] = (r, text)
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
            append(known[2])
            return True
        start = len(out)  # a card _shape accepts holds no list: no piece is
        members(v, pad)  # handed on while it is written
        if known is None:
            seen[key] = (v, like, "".join(out[start:]))
        return True

    # A mapping's keys at a depth, each with the separator before it: the record's objects
    # (cards, tallies, nominations) share a few shapes, so a key is quoted once per shape.
    heads: dict[tuple[str, tuple[Any, ...]], tuple[str, ...]] = {}
    written: dict[tuple[str, tuple[Any, ...], tuple[type, ...]], str] = {}

    def mapping(v: dict[Any, Any], pad: str) -> None:
        """A non-empty dict."""
        if keyed(map(type, v)) and flat(map(type, v.values())):
            # Objects of scalars recur (a card's labels, a unit's attestations in the inputs):
            # each one's text is kept by its items and their types (True == 1), and copied.
            key = (pad, tuple(v.items()), tuple(map(type, v.values())))
            text = written.get(key)
            if text is None:
                text = "{" + pad + "  " + (encoders.get(pad) or encoder(pad))(v)[1:-1] + pad + "}"
                if len(written) < _WRITTEN:
                    written[key] = text
            append(text)
            return
        if "citation" in v and "code" in v and "vi" in v and "en" in v and card(v, pad):
            return
        members(v, pad)

    def members(v: dict[Any, Any], pad: str) -> None:
        """A non-empty dict, key by key."""
        keys = tuple(v)
        inner = pad + "  "
        shape = heads.get((pad, keys))
        if shape is None:
            shape = heads[pad, keys] = tuple(
                ("{" if i == 0 else ",") + inner + quote(k if type(k) is str else str(k)) + ": "
                for i, k in enumerate(keys)
            )
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
            elif t is Reason:
                append(head)
                append(reason(x, inner))
            else:
                append(head)
                walk(x, inner)
        append(pad + "}")

    def sequence(v: list[Any] | tuple[Any, ...], pad: str) -> None:
        """A non-empty list or tuple."""
        inner = pad + "  "
        if flat(map(type, v)):
            append("[" + inner + (encoders.get(pad) or encoder(pad))(v)[1:-1] + pad + "]")
            return
        sep = "[" + inner
        texts = said.get(inner)
        for x in v:
            t = type(x)
            if t is Reason:
                known = None if texts is None else texts.get(id(x))
                append(sep)  # apart: a reason's text is long, and is copied only by the join
                if known is not None and known[0] is x:
                    append(known[1])
                else:
                    append(reason(x, inner))
                    texts = said[inner]
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
                if len(out) >= _PIECES and not held:
                    sink("".join(out))
                    out.clear()
            sep = "," + inner
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
        elif t is Reason:
            append(reason(v, pad))
        else:
            made = plain(v)
            if made is v:  # a str or int subclass, which plain keeps and json writes as such
                append(quote(v) if isinstance(v, str) else int.__repr__(v))
            else:
                walk(made, pad)

    walk(value, "\n")
    sink("".join(out))


def indented_text(value: Any) -> str:
    """The whole text :func:`write_indented` writes.

    >>> indented_text({"a": [1, True, None], "b": {}, "c": "x"})
    '{\\n  "a": [\\n    1,\\n    true,\\n    null\\n  ],\\n  "b": {},\\n  "c": "x"\\n}'
    """
    parts: list[str] = []
    write_indented(value, parts.append)
    return "".join(parts)
