"""The JSON boundary's fast paths say what the precise paths say.

Reading: a text the quick scans call clean has no key or string the precise walk refuses.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dienhinh._errors import MalformedJSONError
from dienhinh._text import MAX_TEXT
from dienhinh.io._json import _clean, _strings_problem, parse_json

# Characters near every edge the walk draws: controls, DEL, C1 (and U+0085, allowed), line
# and paragraph separators, surrogates, astral characters, Vietnamese, quotes and backslashes.
edge_chars = st.sampled_from(
    '\x00\x08\t\n\x0c\r\x1f\x7f\x80\x84\x85\x86\x9f\xa0\u2028\u2029\ud800\udfff\U0001f600"\\/ễĐabfu'
)
strings = st.text(alphabet=edge_chars | st.characters(), max_size=12)
documents = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | strings,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(strings, inner, max_size=5),
    max_leaves=20,
)


@given(documents, st.booleans())
def test_a_text_called_clean_holds_no_string_the_walk_refuses(doc: Any, ascii_: bool) -> None:
    text = json.dumps(doc, ensure_ascii=ascii_)
    data = json.loads(text)
    if _clean(text):
        assert _strings_problem(data) is None


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("x" * MAX_TEXT, None),
        ("x" * (MAX_TEXT + 1), "10,001 characters long"),
        ("a\x85b", None),
        ("a\u2028b", None),
        ("a\x7fb", "U+007F"),
        ("a\x9fb", "U+009F"),
        ("a\x0cb", "U+000C"),
    ],
)
@pytest.mark.parametrize("ascii_", [False, True])
def test_a_string_is_judged_alike_on_both_paths(
    value: str, found: str | None, ascii_: bool
) -> None:
    text = json.dumps({"nominations": [{"name": value}]}, ensure_ascii=ascii_)
    if found is None:
        assert parse_json(text) == {"nominations": [{"name": value}]}
    else:
        assert not _clean(text)
        with pytest.raises(MalformedJSONError, match=re.escape(found)):
            parse_json(text)


def test_a_long_string_split_by_an_escaped_quote_is_still_refused() -> None:
    value = "x" * 6000 + '"' + "y" * 6000
    with pytest.raises(MalformedJSONError, match="12,001 characters long"):
        parse_json(json.dumps([value]))


def test_every_character_the_walk_refuses_makes_the_text_unclean() -> None:
    # Every code point up to U+3000 (ASCII, C1, Latin, Vietnamese, the separators), the
    # surrogates, the last ones; alone in a string, raw and escaped.
    points = [*range(0x3000), *range(0xD7F0, 0xE010), *range(0x10FFF0, 0x110000)]
    missed = []
    for point in points:
        value = f"a{chr(point)}b"
        refused = _strings_problem([value]) is not None
        for ascii_ in (False, True):
            if refused and _clean(json.dumps([value], ensure_ascii=ascii_)):
                missed.append((hex(point), ascii_))
    assert missed == []
