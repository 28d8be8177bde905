"""Issue 9: a province written from docs/rulesets.md alone runs every command.

``examples/rulesets/lac-son/`` is an invented province, Tỉnh Lạc Sơn (code LS), that shares no
file with the shipped rulesets: its document, its procedure (``[[checks]]``), its deadlines under
names of its own with their roles, its floors (each saying what it counts), its benefits and
its criteria catalogue. Each command is run on it as a user would; a record made under the file
re-derives under the same file and is refused under another.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dienhinh import load_ruleset
from dienhinh.cli import main
from dienhinh.rulesets import builtin_rulesets
from dienhinh.rulesets._load import BUILTIN_DIR

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "examples" / "rulesets" / "lac-son"
RULESET = HERE / "lac-son-2025.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, (json.loads(out) if status == 0 else out), err


def test_the_province_shares_no_file_with_the_shipped_rulesets() -> None:
    """Its files are its own; its id, code and catalogue are none of the built-ins'."""
    shipped = {p.read_bytes() for p in Path(BUILTIN_DIR).rglob("*") if p.is_file()}
    assert all(p.read_bytes() not in shipped for p in HERE.iterdir())
    rs = load_ruleset(RULESET)
    assert rs.id not in builtin_rulesets()
    assert rs.document.code == "LS"
    assert rs.catalogue is not None
    assert rs.deadline_for("dossier-submission") == rs.deadline("nop-ho-so")


def test_round_and_verify(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """LS-2.1, LS-6.4, LS-6.2, LS-3, LS-4.2 (3/4 of 8 = 6), LS-8, LS-7, LS-5.2: the round reads only LS rules."""
    status, out, _ = run(capsys, "round", "--ruleset", RULESET, HERE / "round.json")
    assert status == 0
    assert out["recognised"] == ["GV-LAN"]
    outcomes = {o["nominee"]: o for o in out["outcomes"]}
    assert outcomes["GV-MINH"]["outcome"] == "incomplete"  # consent not stated (LS-2.1)
    lan = [(r["code"], r["rule"]) for r in outcomes["GV-LAN"]["reasons"]]
    assert lan[:4] == [
        ("round.consent", "LS-2.1"), ("round.dossier_parts_complete", "LS-6.4"),
        ("deadline.on_time", "LS-6.2"), ("round.criteria_met", "LS-3"),
    ]  # fmt: skip
    assert out["benefits"][0]["cash_vnd"] == 3510000  # 1.5 × 2,340,000 (NĐ152, NĐ73)
    assert [f["status"] for f in out["floors"]] == ["met", "short"]
    assert "head-selection" in out["checks"]["not_declared"]
    rules = {r["rule"] for o in out["outcomes"] for r in o["reasons"]} | {
        r["rule"] for r in out["reasons"]
    }
    assert all(r is None or r.startswith(("LS", "NĐ")) for r in rules)
    record = tmp_path / "round.json"
    record.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    # Without its file the record cannot be re-derived, and says what to give.
    status, _, err = run(capsys, "verify", record)
    assert status == 2
    assert "--ruleset FILE" in err
    status, verdict, _ = run(capsys, "verify", "--ruleset", RULESET, record)
    assert (status, verdict["verified"]) == (0, True)


def test_verify_refuses_another_file_under_the_same_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The record carries its ruleset's digest: the same id with a cap of 11 is another ruleset."""
    status, out, _ = run(capsys, "round", "--ruleset", RULESET, HERE / "round.json")
    record = tmp_path / "round.json"
    record.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "lac-son-2025.toml"
    other.write_text(
        RULESET.read_text(encoding="utf-8").replace("slots = 10", "slots = 11"), encoding="utf-8"
    )
    (tmp_path / "lac-son-2025.criteria.toml").write_bytes(
        (HERE / "lac-son-2025.criteria.toml").read_bytes()
    )
    status, _, err = run(capsys, "verify", "--ruleset", other, record)
    assert status == 2
    assert "another ruleset" in err


def test_round_takes_the_ruleset_file_as_an_option(capsys: pytest.CaptureFixture[str]) -> None:
    """`--ruleset FILE` names the same ruleset the document names (by its id); another is refused."""
    status, out, _ = run(capsys, "round", "--ruleset", RULESET, HERE / "round.json")
    assert (status, out["ruleset"]["id"]) == (0, "lac-son-2025")
    status, _, err = run(capsys, "round", "--ruleset", "tuyen-quang-2023", HERE / "round.json")
    assert status == 2
    # The document names its ruleset by id (a document never names a path, issue 14).
    assert "names ruleset 'lac-son-2025'" in err


def test_ballot_and_verify(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """LS-4.2 “từ 75% trở lên”: 6 of 8 approve B — recognised, with A (8 of 8)."""
    status, out, _ = run(capsys, "ballot", "--ruleset", RULESET, HERE / "ballot.json")
    assert status == 0
    assert (out["needed"], out["recognised"]) == (6, ["A", "B"])
    record = tmp_path / "ballot.json"
    record.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "verify", "--ruleset", RULESET, record)[1]["verified"] is True


def test_criteria_assess_and_verify(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """LS-3.1, LS-3.3a: the catalogue is listed; an attested teacher meets it on the LS-3.2 window."""
    status, listing, _ = run(capsys, "criteria", "--ruleset", RULESET)
    assert status == 0
    assert {c["id"] for c in listing} >= {"LS-3.1", "LS-3.3a"}
    status, out, _ = run(
        capsys, "assess", "--ruleset", RULESET, "--on", "2025-12-10", HERE / "nominee.json"
    )
    assert (status, out["verdict"]) == (0, "met")
    record = tmp_path / "assessment.json"
    record.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "verify", "--ruleset", RULESET, record)[1]["verified"] is True


def test_window_deadline_calendar_floors(capsys: pytest.CaptureFixture[str]) -> None:
    """LS-3.2 (from 01/01 of the previous year: one year by default, A-3; to the consideration
    date under A-3 literal), LS-6.2 “chậm nhất 20/10”, LS-5.2 floors."""
    status, window, _ = run(capsys, "window", "2025-12-10", "--ruleset", RULESET)
    assert (status, window["start"], window["end"]) == (0, "2024-01-01", "2024-12-31")
    status, window, _ = run(
        capsys, "window", "2025-12-10", "--ruleset", RULESET, "--policy", "literal"
    )
    assert (status, window["start"], window["end"]) == (0, "2024-01-01", "2025-12-10")
    status, check, _ = run(
        capsys, "deadline", "--ruleset", RULESET, "--deadline", "nop-ho-so",
        "--year", "2025", "--at", "2025-10-20",
    )  # fmt: skip
    assert (status, check["on_time"]) == (0, True)
    status, events, _ = run(capsys, "calendar", "--ruleset", RULESET, "--year", "2025")
    assert status == 0
    assert [e["id"] for e in events] == ["hop-xet-co-so", "nop-ho-so", "hop-xet-tinh"]
    status, floors, _ = run(capsys, "floors", "--ruleset", RULESET, HERE / "floors.json")
    assert status == 0
    assert [(f["unit"], f["counted"], f["status"]) for f in floors["floors"]] == [
        ("Sở Y tế", "recognised", "met"), ("UBND xã Hòa Bình", "introduced", "short"),
    ]  # fmt: skip
    assert floors["short"] == 1
