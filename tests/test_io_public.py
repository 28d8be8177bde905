"""The public readers and writers of `dienhinh.io`: text, bytes or a path in; the same value back."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import dienhinh
from dienhinh import run_round
from dienhinh.calendar import achievement_window
from dienhinh.criteria import assess
from dienhinh.io import (
    Record,
    demo,
    read_ballot,
    read_nominee,
    read_record,
    read_round,
    record_document,
    schema_names,
    schema_text,
    write_ballot,
    write_nominee,
    write_record,
    write_round,
)
from dienhinh.rulesets import load_catalogue
from dienhinh.voting import count
from tests.schemas import validate

ROOT = Path(__file__).resolve().parent.parent
ROUND = ROOT / "examples" / "rounds" / "small-tuyen-quang.json"
BALLOT = ROOT / "examples" / "ballot" / "tie-at-last-slot.json"
NOMINEE = ROOT / "examples" / "nominees" / "tq-ocop.json"


def test_text_bytes_and_path_read_alike() -> None:
    text = ROUND.read_text(encoding="utf-8")
    a, b, c = read_round(text), read_round(text.encode()), read_round(ROUND)
    assert a == b == c
    assert read_ballot(BALLOT) == read_ballot(BALLOT.read_bytes())
    assert read_nominee(NOMINEE) == read_nominee(NOMINEE.read_text(encoding="utf-8"))


def test_writers_round_trip() -> None:
    inputs = read_round(ROUND)
    assert read_round(write_round(inputs)) == inputs
    ballot = read_ballot(BALLOT)
    assert read_ballot(write_ballot(ballot)) == ballot
    nominee = read_nominee(NOMINEE)
    assert read_nominee(write_nominee(nominee)) == nominee
    validate(json.loads(write_round(inputs)), "round-input")
    validate(json.loads(write_ballot(ballot)), "ballot-input")
    validate(json.loads(write_nominee(nominee)), "nominee")


def test_every_record_reads_back_as_itself(tmp_path: Path) -> None:
    window = achievement_window(dienhinh.load_ruleset("tuyen-quang-2023"), dt.date(2024, 12, 20))
    records: list[Record] = [
        run_round(read_round(ROUND)),
        count(read_ballot(BALLOT)),
        assess(
            read_nominee(NOMINEE),
            load_catalogue("tuyen-quang-2023"),
            window=(window.start, window.end),
        ),
    ]
    for record in records:
        path = tmp_path / "record.json"
        text = write_record(record, path)
        assert path.read_text(encoding="utf-8") == text
        assert json.loads(text) == json.loads(json.dumps(record_document(record)))
        assert read_record(path) == record
        assert read_record(text.encode()) == record


def test_a_tampered_record_is_refused() -> None:
    doc = json.loads(write_record(count(read_ballot(BALLOT))))
    doc["recognised"] = [*doc["recognised"][:-1], "someone else"]
    with pytest.raises(dienhinh.VerificationError, match="'recognised'"):
        read_record(json.dumps(doc))


def test_demo_gives_the_shipped_round() -> None:
    awaiting, final = run_round(demo(chair=False)), run_round(demo())
    assert awaiting.status.value == "awaiting_chair"
    assert final.status.value == "final"
    assert demo().chair_choice is not None
    assert demo(chair=False).chair_choice is None


@pytest.mark.parametrize(
    ("source", "error", "match"),
    [
        (Path("no/such/file.json"), dienhinh.UnreadableFileError, "no such file"),
        (Path("examples"), dienhinh.UnreadableFileError, "folder"),
        (b"\xff\xfe{}", dienhinh.MalformedJSONError, "not UTF-8"),
        ("examples/rounds/small-tuyen-quang.json", dienhinh.MalformedJSONError, "pathlib.Path"),
        ("[1, 2]", dienhinh.InvalidInputError, r"expected a JSON object, got list"),
        ('"{}"', dienhinh.InvalidInputError, r"expected a JSON object, got str"),
        (42, dienhinh.InvalidTypeError, "is not JSON text, bytes or a path"),
    ],
)
def test_what_cannot_be_read_says_why(source: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error) as info:
        read_round(source)  # type: ignore[arg-type]
    text = str(info.value) + " ".join(str(p) for p in getattr(info.value, "problems", ()))
    assert re.search(match, text), text


def test_a_bad_field_is_named_by_its_json_path() -> None:
    doc = json.loads(BALLOT.read_text(encoding="utf-8"))
    doc["ballots"][1]["approve"] = "abc"
    with pytest.raises(dienhinh.InvalidInputError) as info:
        read_ballot(json.dumps(doc))
    assert [p.where for p in info.value.problems] == ["$.ballots[1].approve"]


def test_the_schemas_are_package_data_with_stable_ids() -> None:
    names = schema_names()
    assert {"round-input", "round-output", "ballot-input", "ballot-output", "nominee",
            "assessment", "reason"} <= set(names)  # fmt: skip
    for name in names:
        s = json.loads(schema_text(name))
        assert s["$id"] == f"https://dienhinh.dev/schemas/{name}.json"
    with pytest.raises(dienhinh.UnknownIdError, match="round-input"):
        schema_text("nope")
