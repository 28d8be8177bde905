"""``--read A-n=READING``: every command that computes with readings takes it, from one place.

A document that carries ``readings`` (round, ballot, floors inputs) merges the command line's
choices with its own; a contradiction is an error naming both. ``verify`` never re-reads a
record under other readings: ``--read`` there checks the readings the record states.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from dienhinh.cli import main
from dienhinh.cli._main import _parser

ROOT = Path(__file__).resolve().parent.parent
ROUND = ROOT / "examples" / "rounds" / "small-tuyen-quang.json"
BALLOT = ROOT / "examples" / "ballot" / "tie-at-last-slot.json"
FLOORS = ROOT / "examples" / "floors" / "bac-kan-2024.json"


def run(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None
) -> tuple[int, Any, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out.startswith(("{", "[")) else out), err


def doc(path: Path, **changes: Any) -> str:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return json.dumps({**data, **changes}, ensure_ascii=False)


def used(out: dict[str, Any]) -> dict[str, str]:
    return {u["id"]: u["reading"] for u in out["interpretations"]}


def late_dossier() -> str:
    """The small round with its dossier received on 30/10/2024, the day of “trước 30/10”
    (without the national pool, which a late dossier would leave empty)."""
    data: dict[str, Any] = json.loads(ROUND.read_text(encoding="utf-8"))
    data["dossiers"][0]["received"] = "2024-10-30T09:00:00+07:00"
    del data["national_pool_size"]
    return json.dumps(data, ensure_ascii=False)


def outcome(out: dict[str, Any]) -> str:
    return str(out["outcomes"][0]["outcome"])


# -- one option, every command -----------------------------------------------------------------

COMPUTING = ("round", "ballot", "floors", "verify", "demo", "assess", "window", "deadline",
             "calendar")  # fmt: skip


def test_every_command_that_computes_takes_read() -> None:
    """Each command computing with readings has the same ``--read A-n=READING`` option."""
    sub = next(a for a in _parser()._actions if a.dest == "command")
    choices: dict[str, Any] = sub.choices  # type: ignore[assignment]
    for name in COMPUTING:
        options = {o: a for a in choices[name]._actions for o in a.option_strings}
        assert "--read" in options, name
        assert options["--read"].metavar == "A-n=READING", name
        assert options["--read"].default == [], name


# -- round: A-1 through --read, merged with the document ---------------------------------------


def test_tq_8_3b_round_read_inclusive_makes_the_30_october_dossier_on_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A-1: ``dienhinh round --read A-1=inclusive`` — a dossier received on 30/10 ("trước
    30/10", TQ-8.3b) is late by default and on time read inclusively; the record says so."""
    _, default, _ = run(capsys, "round", "-", stdin=late_dossier())
    status, inclusive, err = run(capsys, "round", "-", "--read", "A-1=inclusive",
                                 stdin=late_dossier())  # fmt: skip
    assert status == 0, err
    assert outcome(default) == "ineligible"
    assert outcome(inclusive) == "recognised"
    assert used(inclusive)["A-1"] == "inclusive"
    assert inclusive["inputs"]["readings"] == {"A-1": "inclusive"}


def test_round_read_merges_with_the_documents_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A-1 and A-7: a document choosing A-7 and ``--read A-1=…`` are both applied; the same
    choice given twice (document and command line) is no contradiction."""
    text = late_dossier()
    data = json.loads(text)
    data["readings"] = {"A-7": "excluded", "A-1": "inclusive"}
    status, out, err = run(capsys, "round", "-", "--read", "A-1=inclusive",
                           stdin=json.dumps(data, ensure_ascii=False))  # fmt: skip
    assert status == 0, err
    assert out["inputs"]["readings"] == {"A-1": "inclusive", "A-7": "excluded"}
    assert outcome(out) == "recognised"


def test_round_read_contradicting_the_document_is_an_error_naming_both(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A-1: the document says strict, the command line inclusive: exit 2, one line, both named."""
    status, out, err = run(capsys, "round", "-", "--read", "A-1=inclusive",
                           stdin=doc(ROUND, readings={"A-1": "strict"}))  # fmt: skip
    assert (status, out) == (2, "")
    assert "--read=" in err
    assert "A-1=inclusive" in err
    assert "readings['A-1']='strict'" in err
    assert "contradicts" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("read", "fragment"),
    [
        ("A-1", "is not an interpretation and a reading"),
        ("A-1=lenient", "is not a reading of A-1"),
        ("A-999=x", "is not an interpretation id"),
    ],
)
def test_round_read_refused_before_the_document_is_read(
    capsys: pytest.CaptureFixture[str], read: str, fragment: str
) -> None:
    """A-1: a bad ``--read`` is refused (exit 2) even when the input is not JSON at all."""
    status, _, err = run(capsys, "round", "-", "--read", read, stdin="not json")
    assert status == 2
    assert fragment in err


def test_round_read_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """A-1: one interpretation chosen twice on the command line is an error."""
    status, _, err = run(capsys, "round", str(ROUND), "--read", "A-1=inclusive",
                         "--read", "A-1=strict")  # fmt: skip
    assert status == 2
    assert "chooses a reading twice" in err


# -- ballot: A-5 -------------------------------------------------------------------------------


def test_tq_2_1b_ballot_read_last_slot_only_hands_the_tie_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A-5: the example's tie over the last slots awaits the chair by default; with
    ``--read A-5=last-slot-only`` the ballot is handed back undecided."""
    _, default, _ = run(capsys, "ballot", str(BALLOT))
    status, other, err = run(capsys, "ballot", str(BALLOT), "--read", "A-5=last-slot-only")
    assert status == 0, err
    assert (default["status"], other["status"]) == ("awaiting_chair", "undecided")
    assert used(other)["A-5"] == "last-slot-only"


def test_ballot_read_contradicting_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    """A-7: a ballot document choosing ``excluded`` and ``--read A-7=counts-against`` → exit 2."""
    status, _, err = run(capsys, "ballot", "-", "--read", "A-7=counts-against",
                         stdin=doc(BALLOT, readings={"A-7": "excluded"}))  # fmt: skip
    assert status == 2
    assert "readings['A-7']='excluded'" in err
    assert "A-7=counts-against" in err


# -- floors: A-10 ------------------------------------------------------------------------------


def test_bk_iv_1_floors_read_counts_recognitions(capsys: pytest.CaptureFixture[str]) -> None:
    """A-10: ``dienhinh floors --read A-10=recognised`` counts every floor by recognitions: the
    floors' counted quantity changes and the record lists the reading."""
    _, default, _ = run(capsys, "floors", str(FLOORS))
    status, other, err = run(capsys, "floors", str(FLOORS), "--read", "A-10=recognised")
    assert status == 0, err
    assert used(default)["A-10"] == "declared"
    assert used(other)["A-10"] == "recognised"
    assert {f["counted"] for f in default["floors"]} == {"introduced"}
    assert {f["counted"] for f in other["floors"]} == {"recognised"}


def test_floors_read_contradicting_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    """A-23: the document says sector, the command line department → exit 2 naming both."""
    status, _, err = run(capsys, "floors", "-", "--read", "A-23=department",
                         stdin=doc(FLOORS, readings={"A-23": "sector"}))  # fmt: skip
    assert status == 2
    assert "readings['A-23']='sector'" in err
    assert "A-23=department" in err


# -- verify: the record states its readings ----------------------------------------------------


def test_verify_read_checks_the_records_readings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A-1: a record made under A-1 inclusive verifies with ``--read A-1=inclusive``; with
    ``--read A-1=strict`` (the default) it is refused, naming the record's reading."""
    record = tmp_path / "r.json"
    status, _, err = run(capsys, "round", str(ROUND), "--read", "A-1=inclusive",
                         "--output", str(record))  # fmt: skip
    assert status == 0, err
    status, out, err = run(capsys, "verify", str(record), "--read", "A-1=inclusive")
    assert (status, out["verified"]) == (0, True), err
    status, out, err = run(capsys, "verify", str(record), "--read", "A-1=strict")
    assert (status, out) == (2, "")
    assert "made under A-1=inclusive" in err
    assert "A-1=strict" in err


def test_verify_read_of_a_default_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A-5: a ballot record made under the defaults states A-5 remaining-slots: ``--read
    A-5=remaining-slots`` passes, ``--read A-5=last-slot-only`` is refused."""
    record = tmp_path / "b.json"
    assert run(capsys, "ballot", str(BALLOT), "--output", str(record))[0] == 0
    assert run(capsys, "verify", str(record), "--read", "A-5=remaining-slots")[0] == 0
    status, _, err = run(capsys, "verify", str(record), "--read", "A-5=last-slot-only")
    assert status == 2
    assert "made under A-5=remaining-slots" in err


# -- demo --------------------------------------------------------------------------------------


def test_tq_6_2b_demo_read_per_kind_caps(capsys: pytest.CaptureFixture[str]) -> None:
    """A-9: the demo under ``--read A-9=per-kind`` recognises more than under the combined cap
    of 15 (TQ-6.2b), and its record lists the reading."""
    _, default, _ = run(capsys, "demo", "--json")
    status, other, err = run(capsys, "demo", "--json", "--read", "A-9=per-kind")
    assert status == 0, err
    assert len(default["recognised"]) == 15
    assert len(other["recognised"]) > 15
    assert used(other)["A-9"] == "per-kind"


def test_demo_read_that_changes_the_tie_leaves_it_to_the_chair(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A-13: under ``every-field`` the demo's tie is not the one the shipped chair's choice
    decides: the demo stops awaiting the chair instead of applying a choice made for another
    tie."""
    status, out, err = run(capsys, "demo", "--json", "--read", "A-13=every-field")
    assert status == 0, err
    assert out["status"] == "awaiting_chair"
    assert used(out)["A-13"] == "every-field"


def test_demo_report_names_the_chosen_reading(capsys: pytest.CaptureFixture[str]) -> None:
    """A-9: the readable report lists the reading the demo was run under."""
    status, out, err = run(capsys, "demo", "--lang", "en", "--read", "A-9=per-kind")
    assert status == 0, err
    assert "A-9 per-kind" in out


# -- the calendar and criteria commands keep theirs (one implementation) -----------------------


def test_window_read_and_its_shorthand_agree(capsys: pytest.CaptureFixture[str]) -> None:
    """A-3: ``--policy`` and ``--read A-3=…`` say the same; they may agree."""
    status, out, err = run(capsys, "window", "2024-12-20", "--policy", "emulation-year",
                           "--read", "A-3=emulation-year")  # fmt: skip
    assert status == 0, err
    assert out["end"] == "2024-09-30"


def test_assess_read_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """A-14: ``assess`` refuses one interpretation chosen twice, as every command does."""
    status, _, err = run(capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", "--on",
                         "2024-12-15", "--read", "A-14=semicolon-or", "--read",
                         "A-14=semicolon-and", stdin="{}")  # fmt: skip
    assert status == 2
    assert "chooses a reading twice" in err
