"""The JSON boundary's fast paths say what the precise paths say.

Reading: a text the quick scans call clean has no key or string the precise walk refuses.
Structuring: the fast reader makes what the converter makes, or leaves the document to it.
Writing: the record writer's text is ``json.dumps(plain(value), ensure_ascii=False, indent=2)``,
byte for byte, although it copies each reason's text after writing it once.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dienhinh import run_round
from dienhinh._canonical import SharedDict, SharedList, plain
from dienhinh._errors import MalformedJSONError
from dienhinh._reasons import Reason
from dienhinh._text import MAX_TEXT
from dienhinh.cli._round import demo_round
from dienhinh.io._ballot import BallotDocument
from dienhinh.io._json import Unsure, _clean, _strings_problem, converter, fast, parse_json
from dienhinh.io._nominee import NomineeDocument
from dienhinh.io._public import record_tree
from dienhinh.io._round import RoundDocument
from dienhinh.io._write import indented_text, write_indented
from tests.test_round_properties import RICH, Case, cases, mutated

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


def _dumps(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, indent=2)


def test_the_demo_records_are_written_as_the_plain_encoder_writes_them() -> None:
    for decision in demo_round():
        doc = decision.to_json()
        assert indented_text(doc) == _dumps(doc)
        pieces: list[bytes] = []
        write_indented(doc, pieces.append)
        assert b"".join(pieces) == _dumps(doc).encode()


@given(cases())
def test_a_generated_round_is_written_as_the_plain_encoder_writes_it(case: Case) -> None:
    inputs, _ = case
    doc = run_round(inputs).to_json()
    assert indented_text(doc) == _dumps(doc)
    assert indented_text(inputs.to_json()) == _dumps(inputs.to_json())


def test_a_round_s_record_tree_is_its_document_and_is_written_as_it() -> None:
    # The writer's tree keeps each shared Reason itself; its plain form is the document, and
    # its text the plain encoder's text of the document, pieces handed on or not.
    for decision in demo_round():
        tree, doc = record_tree(decision), decision.to_json()
        assert isinstance(tree, dict)
        assert any(type(r) is Reason for r in tree["outcomes"][0]["reasons"])
        assert plain(tree) == doc
        assert indented_text(tree) == _dumps(doc)


def _types(value: Any) -> set[type]:
    found = {type(value)}
    for v in (
        value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    ):
        found |= _types(v)
    return found


def test_a_document_shares_nothing_and_the_writer_s_tree_shares_what_repeats() -> None:
    # A caller may change a part of to_json() without changing another; the writer's tree is
    # never handed out, and holds one object for what repeats (labels, reasons, evidence).
    decision = demo_round()[1]
    doc, tree = decision.to_json(), record_tree(decision)
    assert not _types(doc) & {SharedList, SharedDict, Reason}
    first, second = doc["outcomes"][0], doc["outcomes"][1]
    assert first["labels"]["status"] == second["labels"]["status"]
    first["labels"]["status"]["vi"] = "changed"
    assert second["labels"]["status"]["vi"] != "changed"
    assert isinstance(tree, dict)
    cards = tree["outcomes"]
    alike = [c for c in cards if c["labels"] == cards[0]["labels"]]
    assert len(alike) > 1
    assert all(c["labels"] is alike[0]["labels"] for c in alike)
    assert all(type(c["labels"]) is SharedDict and type(c["reasons"]) is SharedList for c in cards)
    items = [e for n in tree["inputs"]["nominations"] for e in n["evidence"]]
    assert items
    assert all(type(e) is SharedDict for e in items)
    assert len({id(e) for e in items}) < len(items)  # a unit's attestations, held once


@given(cases())
def test_a_generated_round_s_record_tree_is_written_as_its_document(case: Case) -> None:
    decision = run_round(case[0])
    assert indented_text(record_tree(decision)) == _dumps(decision.to_json())


def test_a_reason_is_written_alike_at_every_depth_and_in_small_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dienhinh.io import _write

    reason = demo_round()[1].outcomes[0].reasons[0]
    values = [reason, {"deep": [reason, [reason]], "again": reason}, [[[reason]]], reason]
    monkeypatch.setattr(_write, "_PIECES", 1)
    pieces: list[bytes] = []
    write_indented(values, pieces.append)
    assert len(pieces) > 1
    assert b"".join(pieces) == _dumps(values).encode()


def test_an_object_of_scalars_is_copied_only_where_it_is_the_same_text() -> None:
    # Its text is kept by its items and their types: True beside 1, None beside 0, a reordered
    # key, another depth are each written for themselves.
    row = {"vi": "Đạt", "en": "Met", "n": 1}
    values = [
        row, {**row, "n": True}, dict(reversed(row.items())), row, {**row, "n": None},
        {"deeper": [row, {**row, "n": 0}, {**row}]}, [[row]], {**row, "n": 1},
    ]  # fmt: skip
    assert indented_text(values) == json.dumps(values, ensure_ascii=False, indent=2)


def test_a_reason_is_copied_only_where_it_is_the_same_text() -> None:
    # What `==` does not tell apart is written apart: True beside 1, a reordered key, a
    # citation's type; a list among the params is written, never copied.
    card = demo_round()[1].outcomes[0].reasons[0].to_json()
    card["params"] = {"days": 1}
    flag = {**card, "params": {"days": True}}
    reordered = dict(reversed(card.items()))
    noted = {**card, "params": {"days": None}}
    listed = {**card, "params": {"days": [1]}}
    listed_bool = {**card, "params": {"days": [True]}}
    values = [card, flag, reordered, card, noted, listed, listed_bool, [card, flag]]
    assert indented_text(values) == json.dumps(values, ensure_ascii=False, indent=2)


def test_a_reason_s_object_is_a_fresh_copy_each_time() -> None:
    reason = demo_round()[1].outcomes[0].reasons[0]
    first = reason.to_json()
    first["params"]["days"] = "changed"
    first["citation"]["quote"] = "changed"
    first["code"] = "changed"
    again = reason.to_json()
    assert again["code"] == reason.code
    assert "changed" not in again["params"].values()
    assert again["citation"] is None or again["citation"]["quote"] != "changed"


def test_pieces_handed_on_early_join_to_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # A piece is handed on every few parts, between the items of long lists.
    from dienhinh.io import _write

    monkeypatch.setattr(_write, "_PIECES", 3)
    doc = demo_round()[1].to_json()
    pieces: list[bytes] = []
    write_indented(doc, pieces.append)
    assert len(pieces) > 100
    assert b"".join(pieces) == _dumps(doc).encode()


def _both(doc: Any, cls: type[Any]) -> None:
    """The fast reader's value is the converter's; where it is unsure, nothing is claimed."""
    try:
        quick = fast(doc, cls)
    except Unsure:
        return
    assert quick == converter().structure(doc, cls)


@given(mutated())
def test_the_fast_reader_reads_a_mutated_round_as_the_converter_does(doc: Any) -> None:
    _both(doc, RoundDocument)


def test_the_fast_reader_reads_the_rich_example_itself() -> None:
    assert fast(RICH, RoundDocument) == converter().structure(RICH, RoundDocument)
    nominee = {k: RICH["nominations"][0][k] for k in ("kind", "fields", "evidence")}
    assert fast(nominee, NomineeDocument) == converter().structure(nominee, NomineeDocument)


@pytest.mark.parametrize(
    "change",
    [
        {"considered_on": "2024-02-30"},  # not a day
        {"quota": None},  # null where the format allows it: read, not left
        {"level": None},  # null refused
        {"exemplary_citizens": ["a", "a"]},  # a repeat
        {"exemplary_citizens": ["e\u0302", "\u00ea"]},  # a repeat in NFC
        {"days_off": ["2024-01-01", "2024-01-01"]},
        {"national_pool_size": True},  # a bool is no integer
        {"readings": {"A-1": 1}},
        {"unknown": 1},
        {"ballots": [{"member": "m01"}]},  # a required key missing
    ],
)
def test_the_fast_reader_leaves_what_it_cannot_vouch_for(change: dict[str, Any]) -> None:
    doc = {**RICH, **json.loads(json.dumps(change))}
    _both(doc, RoundDocument)
    if "quota" not in change:
        with pytest.raises(Unsure):
            fast(doc, RoundDocument)


def test_a_ballot_nominee_may_be_its_bare_id_on_both_paths() -> None:
    doc = {
        "council": {"members": ["m01", "m02"], "chair": "m01"},
        "nominees": ["N1", {"id": "N2", "kind": "collective"}],
        "ballots": [{"member": "m01", "approve": ["N1"]}],
    }
    assert fast(doc, BallotDocument) == converter().structure(doc, BallotDocument)


def test_the_demo_reads_its_round_without_cattrs() -> None:
    """The shipped round is well formed: the fast readers read it all, cattrs is never loaded,
    and the record printed is the one the converter's reading gives."""
    code = (
        "import sys, io, contextlib;"
        "from dienhinh.cli._main import main;"
        "out = io.StringIO();"
        "ctx = contextlib.redirect_stdout(out);"
        "ctx.__enter__(); status = main(['demo', '--json', '-']); ctx.__exit__(None, None, None);"
        "print(status, sorted(m for m in sys.modules if m.split('.')[0] == 'cattrs'), len(out.getvalue()) > 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "[]", "True"]


def test_a_document_off_the_fast_path_loads_the_converter_with_every_hook() -> None:
    """A nominee given by its bare id: the converter
    (made on first use, once) reads it with the hook its document module registered."""
    code = (
        "import sys;"
        "from dienhinh.io._json import converter, _CONVERTER;"
        "from dienhinh.io._ballot import NomineeDoc;"
        "a = 'cattrs' in sys.modules or bool(_CONVERTER);"
        "c = converter();"
        "print(a, 'cattrs' in sys.modules, c.get_structure_hook(NomineeDoc)('n1', NomineeDoc).id,"
        " c is converter())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "n1", "True"]


def test_writing_a_record_leaves_nothing_for_the_cyclic_collector() -> None:
    # A command leaves the collector off: what the writer or the digest kept for one record
    # (texts of shared parts, by their objects) must go when they are done, not at exit.
    import gc

    from dienhinh.io import write_record

    decision = demo_round()[1]
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        fresh = run_round(decision.inputs)  # its digest is worked out by the record
        write_record(fresh)
        del fresh
        gc.collect()
        kept = {type(o) for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert not kept & {SharedList, SharedDict, Reason, bytes}
