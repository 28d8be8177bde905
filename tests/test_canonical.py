"""Canonical JSON and digests: the streamed text is the one text, the digest its SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dienhinh import _canonical
from dienhinh._canonical import (
    SharedDict,
    SharedList,
    Sharing,
    Stream,
    canonical_chunks,
    canonical_json,
    digest_of,
    plain,
)
from dienhinh._version import __version__
from dienhinh.io import _write
from dienhinh.io._write import indented_text

leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.just("\x00")  # the mark that stands for a shared part in one call of the C encoder
    | st.fractions(max_denominator=50)
    | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=8)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=4) | st.just("\x00"), inner, max_size=6)
        | st.frozensets(st.text(max_size=3), max_size=4)
    ),
    max_leaves=40,
)


@given(values, st.integers(min_value=1, max_value=4))
def test_the_streamed_text_is_the_canonical_text(value: Any, slice_: int) -> None:
    """Walked in slices of any size, the pieces join to exactly ``canonical_json``."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_canonical, "_SLICE", slice_)
        assert "".join(canonical_chunks(value)) == canonical_json(value)


def _streamed(value: Any, draw: Any) -> Any:
    """``value`` with some of its lists (at any depth) made into streams of the same items."""
    if isinstance(value, dict):
        return {k: _streamed(v, draw) for k, v in value.items()}
    if isinstance(value, list | tuple):
        items = [_streamed(v, draw) for v in value]
        return Stream(lambda: iter(items)) if draw(st.booleans()) else items
    return value


@given(values, st.integers(min_value=1, max_value=4), st.data())
def test_a_stream_writes_the_text_of_its_list(value: Any, slice_: int, data: st.DataObject) -> None:
    """A list made item by item as the digest reads it writes exactly the list's text, whole
    (``canonical_json``) or streamed in slices of any size: the round digest relies on it."""
    streamed = _streamed(value, data.draw)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_canonical, "_SLICE", slice_)
        assert "".join(canonical_chunks(streamed)) == canonical_json(value)
        assert "".join(canonical_chunks({"inputs": [streamed, 1]})) == canonical_json(
            {"inputs": [value, 1]}
        )
    assert canonical_json(streamed) == canonical_json(value)
    assert plain(streamed) == plain(value)
    assert digest_of("k", streamed, {}) == digest_of("k", value, {})


@given(values)
def test_the_digest_is_the_sha256_of_the_canonical_text(value: Any) -> None:
    """Streaming changes no digest: it is the hash of the whole text, as before."""
    text = canonical_json({"kind": "k", "inputs": value, "parameters": {}, "version": __version__})
    expected = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert digest_of("k", value, {}) == expected


def test_a_large_record_streams_in_bounded_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """10^4 marks in slices of 256: no piece holds more than a fraction of the text."""
    monkeypatch.setattr(_canonical, "_SLICE", 256)
    doc = {"ballots": [{"member": f"m{i}", "approve": [f"n{j:05}" for j in range(2_000)]} for i in range(5)],
           "rate": Fraction(9, 10)}  # fmt: skip
    pieces = list(canonical_chunks(doc))
    assert "".join(pieces) == canonical_json(doc)
    assert max(map(len, pieces)) < len(canonical_json(doc)) // 5


@given(values)
def test_the_indented_text_is_the_standard_librarys(value: Any) -> None:
    """The record writer (``io._write.indented_text``) writes what ``json.dumps(…, indent=2)`` does."""
    expected = json.dumps(plain(value), ensure_ascii=False, indent=2)
    assert indented_text(value) == expected
    assert indented_text({"outer": [value, {"k": value}]}) == json.dumps(
        plain({"outer": [value, {"k": value}]}), ensure_ascii=False, indent=2
    )


def _shared(value: Any, draw: Any) -> Any:
    """``value`` with some of its lists and dicts (at any depth) made shared parts."""
    if isinstance(value, dict):
        made = {k: _shared(v, draw) for k, v in value.items()}
        return SharedDict(made) if draw(st.booleans()) else made
    if isinstance(value, list):
        items = [_shared(v, draw) for v in value]
        return SharedList(items) if draw(st.booleans()) else items
    return value


@given(values, st.integers(min_value=1, max_value=4), st.data())
def test_a_shared_part_writes_the_text_of_what_it_holds_wherever_it_is(
    value: Any, slice_: int, data: st.DataObject
) -> None:
    """One object held in many places, at many depths, beside texts and keys that are the
    writers' mark: the digest's text and the record's indented text are the plain value's."""
    part = _shared(value, data.draw)
    tree = {
        "a": part,
        "b": [part, {"c": part, "\x00": [part, "\x00"]}],
        "d": SharedList([part, part]),
    }
    same = {"a": value, "b": [value, {"c": value, "\x00": [value, "\x00"]}], "d": [value, value]}
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_canonical, "_SLICE", slice_)
        assert "".join(canonical_chunks(tree)) == canonical_json(same)
    assert indented_text(tree) == json.dumps(plain(same), ensure_ascii=False, indent=2)
    assert plain(tree) == plain(same)


# Objects as a long list holds them: a few shapes (a card, a tally row, a nomination), scalars
# of every kind (None in one row, a number in the next), containers among them, a reason's card.
keys = st.sampled_from(["id", "n", "\x00", "ễ", "code", "vi", "en", "citation", 1, True, None])
objects = st.dictionaries(keys, values, max_size=6) | st.dictionaries(
    keys, leaves, min_size=1, max_size=6
)
rows = st.lists(objects | values, min_size=1, max_size=12)


@given(rows, st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=3),
       st.data())  # fmt: skip
def test_a_long_list_of_objects_is_written_as_the_plain_encoder_writes_it(
    items: list[Any], slice_: int, from_: int, data: st.DataObject
) -> None:
    """Many objects' scalars are encoded by one call and each object's text put back together
    from theirs (``io._write``'s rows): the text is ``json.dumps``'s, whatever the shapes, at
    any depth, with shared parts among the values and the separator itself among the texts."""
    tree = _shared(items, data.draw)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_write, "_ROWS", slice_)
        m.setattr(_write, "_ROWS_FROM", from_)
        assert indented_text(tree) == json.dumps(plain(items), ensure_ascii=False, indent=2)
        assert indented_text({"k": [tree, {"x": tree}]}) == json.dumps(
            plain({"k": [items, {"x": items}]}), ensure_ascii=False, indent=2
        )


def test_keys_equal_in_python_but_not_in_json_are_written_as_themselves() -> None:
    """``True == 1``, but a record's key ``True`` is ``"True"`` and ``1`` is ``"1"`` (``plain``):
    the writer quoted the keys of the second object as the first's (found by the property
    above)."""
    items = [{1: None}, {True: None}, {1.0: 2}]
    assert indented_text(items) == json.dumps(plain(items), ensure_ascii=False, indent=2)
    assert indented_text([*items] * 4) == json.dumps(plain([*items] * 4), ensure_ascii=False,
                                                     indent=2)  # fmt: skip


def test_a_mark_in_a_dict_with_a_shared_part_is_written_as_itself() -> None:
    """Where a text or key of the dict is the mark itself, the dict is written key by key."""
    part = SharedList(["x"])
    for doc in ({"a": part, "b": "\x00"}, {"\x00": part}, {"a": part, "b": {"c": "\x00"}}):
        same = {k: (["x"] if v is part else v) for k, v in doc.items()}
        assert "".join(canonical_chunks([doc, doc])) == canonical_json([same, same])
        assert indented_text([doc, doc]) == json.dumps([same, same], ensure_ascii=False, indent=2)


def test_sharing_gives_one_part_per_set_of_objects() -> None:
    """The same objects give the same list, the same key the same dict, the same value the
    same document; other objects (equal or not) their own."""
    share = Sharing()
    a, b = ["a"], ["a"]
    assert share.list_of([a, b]) is share.list_of((a, b))
    assert share.list_of([a, b]) is not share.list_of([b, a])
    assert share.list_of([a, b]) == [a, b]
    made: list[tuple[Any, ...]] = []

    def labels(*key: Any) -> dict[str, Any]:
        made.append(key)
        return {"k": list(key)}

    assert share.dict_for(("x", 1), labels) is share.dict_for(("x", 1), labels)
    assert share.dict_for(("x", 2), labels) == {"k": ["x", 2]}
    assert made == [("x", 1), ("x", 2)]

    class Item:
        def __init__(self, n: int) -> None:
            self.n = n

        def to_json(self) -> dict[str, Any]:
            return {"n": self.n}

    one, other = Item(1), Item(1)
    assert share.json_of(one) is share.json_of(one)
    assert share.json_of(one) is not share.json_of(other)
    assert type(share.json_of(one)) is SharedDict
    assert share.json_of(one) == {"n": 1}
