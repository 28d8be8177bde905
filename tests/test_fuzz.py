"""Robustness (issue 14): no input crashes a reader or a command, no document reads a file,
no tampering verifies. The fast profile runs here; ``tools/fuzz.py COUNT`` is the long run."""

from __future__ import annotations

import contextlib
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dienhinh import (
    DienhinhError,
    InvalidTypeError,
    InvalidValueError,
    Readings,
    UnknownIdError,
    VerificationError,
    load_ruleset,
)
from dienhinh.io import parse_round, verify_document
from tests import fuzz
from tests.ballot_rules import TQ_RULE

FAST = settings(
    max_examples=int(os.environ.get("DIENHINH_FUZZ_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(fuzz.commands())
def test_no_command_input_gives_a_traceback(case: tuple[list[str], bytes, str]) -> None:
    """Every command exits 0, or 2 with one line under 300 characters naming its input."""
    argv, stdin, names = case
    fuzz.check_cli(argv, stdin, names=names)


@FAST
@given(fuzz.reader_inputs())
def test_no_reader_raises_anything_but_a_package_error(case: tuple[str, bytes]) -> None:
    fuzz.check_reader(*case)


# -- the reproducers of the issue, each a one-line exit 2 naming the input and the place -------


def _line(argv: list[str], stdin: bytes = b"", status: int = 2) -> str:
    got, _, err = fuzz.run_cli(argv, stdin)
    assert got == status, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert len(lines[0]) < fuzz.MAX_LINE, err
    return lines[0]


def _ballot(**change: Any) -> bytes:
    return fuzz.dump({**fuzz.BALLOT, **change})


def test_an_integer_of_5000_digits_in_json_names_its_line_and_column() -> None:
    line = _line(
        ["ballot", "-"], _ballot(slots=0).replace(b'"slots": 0', b'"slots": ' + b"9" * 5000)
    )
    assert "<stdin>" in line
    assert "5,000 digits at line 1 column" in line
    assert "at most 18" in line


@pytest.mark.parametrize("value", ["1" * 5000, "0x" + "f" * 5000])
def test_a_huge_toml_integer_decimal_or_hex_is_refused(tmp_path: Any, value: str) -> None:
    text = fuzz.RULESET_TOML.replace("format = 1", f"format = {value}", 1)
    (tmp_path / "p.toml").write_text(text, encoding="utf-8")
    line = _line(["calendar", "--ruleset", str(tmp_path / "p.toml"), "--year", "2024"])
    assert "p.toml" in line
    assert "at most 18 digits" in line
    assert "line 6" in line or "format:" in line


def test_a_lone_surrogate_is_refused_with_its_json_path() -> None:
    doc = {**fuzz.BALLOT, "nominees": [*fuzz.BALLOT["nominees"], "\ud800"]}
    line = _line(["ballot", "-"], json.dumps(doc).encode())  # written as the escape \ud800
    assert "<stdin>: $.nominees[4]" in line
    assert "U+D800" in line


@pytest.mark.parametrize("where", ["-", "file"])
def test_invalid_utf8_is_refused_with_its_place_on_stdin_as_from_a_file(
    tmp_path: Any, where: str
) -> None:
    data = fuzz.dump(fuzz.BALLOT).replace(b"m01", b"m\xff1", 1)
    name = "<stdin>"
    if where == "file":
        name = str(tmp_path / "bad.json")
        (tmp_path / "bad.json").write_bytes(data)
    # Exit 3, as for every file that cannot be read as text (the command line's contract).
    line = _line(["ballot", "-" if where == "-" else name], data if where == "-" else b"", 3)
    assert f"{name}: not UTF-8 text: invalid start byte 0xff at line 1 column" in line


def test_a_byte_order_mark_is_accepted() -> None:
    status, out, _ = fuzz.run_cli(["ballot", "-"], b"\xef\xbb\xbf" + fuzz.dump(fuzz.BALLOT))
    assert status == 0
    assert json.loads(out)["kind"] == "ballot"


def test_a_citation_division_that_is_neither_article_nor_section_is_a_package_error() -> None:
    doc = {k: v for k, v in fuzz.BALLOT.items() if k not in ("threshold", "ruleset")}
    doc["rule"] = {
        "threshold": "9/10",
        "rule": {"id": "X-1", "citation": {"document": "TQ", "division": "chapter"}},
    }
    line = _line(["ballot", "-"], fuzz.dump(doc))
    assert "<stdin>" in line
    assert "citation.division='chapter'" in line
    assert "article, section" in line


def test_a_ruleset_id_of_300_characters_and_a_nul_are_clean_errors() -> None:
    line = _line(["calendar", "--ruleset", "a" * 300, "--year", "2024"])
    assert "is not a built-in ruleset" in line
    with pytest.raises(DienhinhError, match="NUL"):
        load_ruleset("\0x")


@pytest.mark.parametrize("path", ["/dev/zero", "/etc/passwd", "../../etc/passwd", "x.toml"])
def test_a_round_document_never_makes_the_program_read_a_file(path: str) -> None:
    line = _line(["round", "-"], fuzz.dump({**fuzz.ROUND, "ruleset": path}))
    assert f"ruleset={path!r}" in line
    assert "never a path" in line
    assert "tuyen-quang-2023" in line


def test_a_round_document_names_a_callers_ruleset_by_its_id() -> None:
    mine = load_ruleset(fuzz.EXAMPLES / "rulesets" / "my-province.toml")
    doc = {**fuzz.ROUND, "ruleset": mine.id}
    with pytest.raises(UnknownIdError, match="never a path"):
        parse_round(json.dumps(doc), source="r.json")
    assert parse_round(json.dumps(doc), source="r.json", ruleset=mine).ruleset is mine


def test_a_million_character_id_is_not_echoed() -> None:
    line = _line(["ballot", "-"], _ballot(ruleset="x" * 1_000_000))
    assert "1,000,000 characters long" in line


@pytest.mark.parametrize(
    ("text", "needle"),
    [(b'"slots": NaN', "NaN is not a JSON number at line 1 column"),
     (b'"slots": 2, "slots": 3', "the key 'slots' appears twice in one object at line 1 column")],
)  # fmt: skip
def test_nan_and_a_repeated_key_name_their_line(text: bytes, needle: str) -> None:
    line = _line(["ballot", "-"], fuzz.dump(fuzz.BALLOT).replace(b'"slots": 2', text))
    assert "<stdin>" in line
    assert needle in line


def test_an_approval_typed_without_diacritics_gets_a_did_you_mean() -> None:
    doc = json.loads(json.dumps(fuzz.BALLOT))
    doc["ballots"][0]["approve"] = ["Nguyen Thi Hoa"]
    line = _line(["ballot", "-"], fuzz.dump(doc))
    assert "<stdin>" in line
    assert "did you mean 'Nguyễn Thị Hoa'?" in line


@pytest.mark.parametrize(
    "argv",
    [["window", "2024-W51-5"],
     ["calendar", "--ruleset", "tuyen-quang-2023", "--year", "２０２４"],
     ["deadline", "--ruleset", "tuyen-quang-2023", "--deadline", "dossier-submission",
      "--year", "2024", "--at", "2024-11-01T10:00+07"]],
)  # fmt: skip
def test_week_dates_full_width_digits_and_short_offsets_are_refused_in_arguments(
    argv: list[str],
) -> None:
    status, _, err = fuzz.run_cli(argv)
    assert status == 2
    assert "Traceback" not in err
    assert len(err.splitlines()[-1]) < fuzz.MAX_LINE


def _round_with(change: Any) -> bytes:
    doc = json.loads(json.dumps(fuzz.ROUND))
    change(doc)
    return fuzz.dump(doc)


@pytest.mark.parametrize(
    ("change", "needle"),
    [(lambda d: d.update(considered_on="2024-W51-5"), "$.considered_on"),
     (lambda d: d["dossiers"][0].update(received="2024-11-01T10:00:00+07"), "dossiers[0].received"),
     (lambda d: d["dossiers"][0]["reports"].append(d["dossiers"][0]["reports"][0]),
      "$.dossiers[0].reports"),
     (lambda d: d["nominations"][0].update(complete=["ocop", "ocop"]), "complete"),
     (lambda d: d["nominations"][0]["evidence"][0].update(ref=None), "ref: null is not allowed"),
     (lambda d: d["council"]["members"].__setitem__(1, "m\u200b02"), "U+200B ZERO WIDTH SPACE"),
     (lambda d: d["council"]["members"].__setitem__(1, "m\u202e02"), "RIGHT-TO-LEFT OVERRIDE"),
     (lambda d: d["council"]["members"].__setitem__(1, "m\n02"), "U+000A"),
     (lambda d: d["council"]["members"].__setitem__(1, "m\x0002"), "U+0000")],
)  # fmt: skip
def test_what_was_accepted_though_invalid_is_refused(change: Any, needle: str) -> None:
    line = _line(["round", "-"], _round_with(change))
    assert "<stdin>" in line
    assert needle in line


# -- the public API checks its arguments at the door ---------------------------------------------


def test_the_api_refuses_wrong_types_with_package_errors_that_are_builtin_errors() -> None:
    from dienhinh.criteria import any_of, assess
    from dienhinh.rulesets import load_catalogue
    from dienhinh.voting import Ballot, Candidate, Council, count_votes

    council = Council(["m1", "m2", "m3"], chair="m1")
    ballots = [Ballot("m1", ["a"]), Ballot("m2", ["a"]), Ballot("m3", ["a"])]
    with pytest.raises(InvalidTypeError, match="cap"):
        count_votes(council, ["a"], ballots, cap="15", rule=TQ_RULE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"ballots\[0\]"):
        count_votes(council, ["a"], [("m1", ["a"])], rule=TQ_RULE)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Candidate"):
        assess(
            Candidate("a"),  # type: ignore[arg-type]
            load_catalogue("tuyen-quang-2023"),
            window=(fuzz_day(2024, 1, 1), fuzz_day(2024, 12, 1)),
        )
    with pytest.raises(InvalidTypeError, match="Verdict"):
        any_of(["met"])  # type: ignore[list-item]
    with pytest.raises(LookupError, match="A-99"):
        Readings().used("A-99")
    with pytest.raises(KeyError):
        Readings()["A-99"]
    assert Readings().get("A-99") is None
    # A plain mapping of choices is read as Readings (no KeyError for the ids not chosen).
    result = count_votes(council, ["a"], ballots, readings={"A-7": "excluded"}, rule=TQ_RULE)
    assert result.inputs.readings == Readings({"A-7": "excluded"})


def fuzz_day(y: int, m: int, d: int) -> Any:
    import datetime as dt

    return dt.date(y, m, d)


def test_a_message_printing_a_3000_deep_list_does_not_recurse() -> None:
    deep: Any = []
    for _ in range(3000):
        deep = [deep]
    with pytest.raises(InvalidValueError) as caught:
        raise InvalidValueError("is wrong", field="x", value=deep)
    assert len(str(caught.value)) < 200


# -- verify compares canonical JSON; no single-field tampering verifies -------------------------


def _leaves(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _leaves(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _leaves(v, (*path, i))
    return out


def _tamperings(value: Any) -> list[Any]:
    """Values one field could be changed to; each differs from ``value`` as JSON."""
    if isinstance(value, bool):
        return [not value, int(value)]
    if isinstance(value, int):
        return [value + 1, float(value), value == 1]
    if isinstance(value, str):
        return [value + "x", None]
    if value is None:
        return [0, ""]
    if isinstance(value, list):
        return [value[:-1]] if value else [[None]]
    return []


def _every_tampering(record: Any) -> list[tuple[str, Any]]:
    """Every single-field tampering of ``record``: a changed value, a removed key, an added
    key (``null``) in every object."""
    out: list[tuple[str, Any]] = []
    for path in _leaves(record):
        if not path:
            continue
        parent: Any = record
        for step in path[:-1]:
            parent = parent[step]
        value = parent[path[-1]]
        for new in _tamperings(value):
            out.append((f"{path} -> {new!r}", (path, "set", new)))
        if isinstance(parent, dict):
            out.append((f"{path} removed", (path, "del", None)))
        if isinstance(value, dict):
            out.append((f"{path} + null key", ((*path, "added"), "set", None)))
    out.append(("+ top-level null key", (("added",), "set", None)))
    return out


def _apply(record: Any, change: tuple[tuple[Any, ...], str, Any]) -> Any:
    doc = json.loads(json.dumps(record))
    path, action, new = change
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    if action == "del":
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return doc


@pytest.mark.parametrize("kind", ["ballot", "criteria-assessment", "round"])
def test_no_single_field_tampering_of_a_record_verifies(kind: str) -> None:
    """Every field of an example record, one at a time: verify refuses, never crashes.

    The round record is large; every tampering of its non-``inputs`` part is tried, and of its
    ``inputs`` every top-level key and every field of one nomination, dossier and ballot.
    ``tools/fuzz.py --tamper`` tries every field of every record.
    """
    record = fuzz.record(kind)
    cases = _every_tampering(record)
    if kind == "round" and not os.environ.get("DIENHINH_TAMPER_ALL"):
        cases = [c for c in cases if _kept(c[1][0])]
    assert len(cases) > 50
    verified: list[str] = []
    unnamed: list[str] = []
    for name, change in cases:
        doc = _apply(record, change)
        try:
            verify_document(json.dumps(doc, ensure_ascii=False), source="r.json")
        except VerificationError as exc:
            unnamed.extend([] if "r.json" in str(exc) else [name])
            continue
        except DienhinhError:
            continue
        verified.append(name)
    assert verified == []
    assert unnamed == []


def _kept(path: tuple[Any, ...]) -> bool:
    if not path or path[0] != "inputs":
        return len(path) < 3 or path[1] in (0, "recognised", "ballot") or path[2] == 0
    return len(path) <= 2 or path[2] == 0


# -- bad calls to the public API: only package errors ---------------------------------------------

_ODD: list[Any] = [None, 1, -1, True, 1.5, "x", "", b"m1", [], {}, ("m1", ["a"]), [("m1",)],
                   ["m1", None], {"A-7": "excluded"}, {"A-99": "x"}, object(), [[]], "15"]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(range(len(_ODD))), min_size=7, max_size=7), st.integers(0, 6))
def test_bad_calls_to_the_ballot_api_raise_package_errors(picks: list[int], which: int) -> None:
    """One argument of a valid call replaced by an odd value: a package error or a result."""
    from dienhinh.voting import Ballot, Council, count_votes

    good: list[Any] = [
        ["m1", "m2", "m3"],
        "m1",
        ["a", "b"],
        [["m1", ["a"]], ["m2", ["a", "b"]]],
        None,
        1,
        None,
    ]
    args = list(good)
    args[which] = _ODD[picks[which]]
    members, chair, nominees, ballots, rule, cap, readings = args
    with contextlib.suppress(DienhinhError):
        council = Council(members, chair=chair)
        made = (
            [Ballot(*b) if isinstance(b, list) and len(b) == 2 else b for b in ballots]
            if isinstance(ballots, list)
            else ballots
        )
        count_votes(council, nominees, made, rule=rule, cap=cap, readings=readings)


@FAST
@given(st.sampled_from(range(len(_ODD))), st.integers(0, 3))
def test_bad_calls_to_the_criteria_api_raise_package_errors(pick: int, which: int) -> None:
    import datetime as dt

    from dienhinh.criteria import Nominee, all_of, any_of, assess
    from dienhinh.rulesets import load_catalogue

    odd = _ODD[pick]
    args: list[Any] = [
        Nominee("individual", ["agriculture"], []),
        load_catalogue("tuyen-quang-2023"),
        (dt.date(2024, 1, 1), dt.date(2024, 12, 1)),
        None,
    ]
    args[which] = odd
    calls: list[Any] = [
        lambda: assess(args[0], args[1], window=args[2], readings=args[3]),
        lambda: any_of(odd if isinstance(odd, list) else [odd]),
        lambda: all_of(odd if isinstance(odd, list) else [odd]),
        lambda: Readings(odd),
        lambda: Readings().used(odd),
        lambda: Nominee(odd, ["agriculture"], []),
        lambda: Nominee("individual", odd, []),
        lambda: Nominee("individual", ["agriculture"], odd),
    ]
    for call in calls:
        with contextlib.suppress(DienhinhError):
            call()
