"""`dienhinh ballot` and `dienhinh verify`: the JSON contract, its schemas, its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dienhinh.cli import main
from tests.schemas import validate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ballot"


def run(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None
) -> tuple[int, Any, str]:
    if stdin is not None:
        import io

        sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out else None), err


def doc(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "council": {"members": ["m01", "m02"], "chair": "m01"},
        "nominees": [{"id": "n01", "kind": "individual"}, {"id": "n02", "kind": "collective"}],
        "ballots": [
            {"member": "m01", "approve": ["n01"], "cast": "in_meeting"},
            {"member": "m02", "approve": ["n01", "n02"], "cast": "written"},
        ],
    }
    if not {
        "ruleset",
        "rule",
        "threshold",
        "comparison",
        "denominator",
        "quorum",
        "tie_break",
    } & set(changes):
        base["threshold"] = "9/10"  # no rule is built in: the document gives its own
    base.update(changes)
    return base


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_example_input_is_valid_and_its_output_matches_the_schema(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    """The shipped examples follow the input schema, and their results the output schema."""
    validate(json.loads(path.read_text(encoding="utf-8")), "ballot-input")
    status, out, err = run(capsys, "ballot", str(path))
    assert (status, err) == (0, "")
    validate(out, "ballot-output")


def test_the_issue_example_computes(capsys: pytest.CaptureFixture[str]) -> None:
    """The input shown in the issue is accepted; with nominees as plain strings too."""
    status, out, _ = run(capsys, "ballot", "-", stdin=json.dumps(doc(slots=15, threshold="9/10")))
    assert status == 0
    assert out["status"] == "final"
    assert out["recognised"] == ["n01"]
    status, out, _ = run(capsys, "ballot", "-", stdin=json.dumps(doc(nominees=["n01", "n02"])))
    assert out["tally"][0] == {
        "nominee": "n01",
        "approvals": 2,
        "members": 2,
        "rate": "2/2",
        "meets_threshold": True,
        "rank": 1,
    }


def test_output_verifies_and_a_tampered_output_does_not(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`dienhinh verify` re-derives a record; changing any value makes it exit 2."""
    _, out, _ = run(capsys, "ballot", str(EXAMPLES / "tie-at-last-slot.json"))
    good = tmp_path / "good.json"
    good.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    status, verdict, _ = run(capsys, "verify", str(good))
    assert status == 0
    assert verdict["verified"] is True
    assert verdict["digest"] == out["digest"]
    out["tally"][0]["approvals"] += 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(out), encoding="utf-8")
    status, _, err = run(capsys, "verify", str(bad))
    assert status == 2
    assert "tally" in err


def test_a_record_with_a_forged_digest_does_not_verify(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The digest is worked out on first read, not a field one could set: a record whose digest
    was changed is still refused, because verify re-derives it from the inputs."""
    _, out, _ = run(capsys, "ballot", str(EXAMPLES / "tie-at-last-slot.json"))
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**out, "digest": "sha256:" + "0" * 64}), encoding="utf-8")
    status, _, err = run(capsys, "verify", str(forged))
    assert status == 2
    assert "digest" in err


def test_the_awaiting_result_resolves_with_chair_choice(capsys: pytest.CaptureFixture[str]) -> None:
    """The example ties three for two slots; the chair's choice finishes it."""
    data = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    _, out, _ = run(capsys, "ballot", "-", stdin=json.dumps(data))
    assert out["status"] == "awaiting_chair"
    assert out["tie"]["slots"] == 2
    data["chair_choice"] = ["Nguyễn Thị Hoa", "Trường THPT Chuyên Tuyên Quang"]
    _, out, _ = run(capsys, "ballot", "-", stdin=json.dumps(data))
    assert out["status"] == "final"
    assert out["recognised"] == ["Nguyễn Thị Hoa", "Trường THPT Chuyên Tuyên Quang"]


BAD_INPUTS = {
    "malformed JSON": ('{"council": ', "not valid JSON"),
    "a ballot from someone not on the roster": (
        doc(ballots=[{"member": "m99", "approve": []}]),
        "m99",
    ),
    "two ballots from one member": (
        doc(ballots=[{"member": "m01", "approve": []}, {"member": "m01", "approve": ["n01"]}]),
        "two ballots",
    ),
    "approval of an unknown nominee": (doc(ballots=[{"member": "m01", "approve": ["zz"]}]), "zz"),
    "duplicate nominee ids after NFC": (doc(nominees=["Nguyễn", "Nguye\u0302\u0303n"]), "twice"),
    "duplicate member ids": (doc(council={"members": ["m01", "m01"], "chair": "m01"}), "twice"),
    "a chair not on the roster": (doc(council={"members": ["m01"], "chair": "m02"}), "chair"),
    "an empty roster": (doc(council={"members": [], "chair": "m01"}), "empty"),
    "a threshold of zero": (doc(threshold="0"), "(0, 1]"),
    "a threshold above one": (doc(threshold="3/2"), "(0, 1]"),
    "a threshold as a float": (doc(threshold=0.9), "expected a string"),
    "negative slots": (doc(slots=-1), "slots"),
    "non-integer slots": (doc(slots=1.5), "expected an integer"),
    "a chair's choice with no tie": (doc(slots=1, chair_choice=["n01"]), "no tie"),
    "an unknown key": (doc(slot=3), "unknown key"),
    "a string where a list is meant": (
        doc(ballots=[{"member": "m01", "approve": "n01"}]),
        "expected a list",
    ),
    "a number where an id is meant": (
        doc(council={"members": [1], "chair": "m01"}),
        "expected a string",
    ),
    "a missing key": (
        {"council": {"members": ["m01"], "chair": "m01"}, "nominees": []},
        "required",
    ),
    "an unknown reading": (doc(readings={"A-5": "coin-toss"}), "A-5"),
    "the rule given twice": (doc(threshold="9/10", rule={"threshold": "1/2"}), "twice"),
    "a duplicate key": ('{"council": {}, "council": {}}', "twice"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS), ids=str)
def test_invalid_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], case: str) -> None:
    """Each invalid input is named in one line on stderr, exit 2, nothing on stdout."""
    data, expected = BAD_INPUTS[case]
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    status, out, err = run(capsys, "ballot", "-", stdin=text)
    assert status == 2
    assert out is None
    assert err.count("\n") == 1
    assert err.startswith("dienhinh ballot: error:")
    assert expected in err


def test_a_chair_choice_outside_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    """A choice outside the tied group, or of the wrong size, exits 2."""
    data = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    for choice, expected in (
        (["HTX Chè Mỹ Bằng", "Nguyễn Thị Hoa"], "outside"),
        (["Nguyễn Thị Hoa"], "exactly 2"),
    ):
        data["chair_choice"] = choice
        status, _, err = run(capsys, "ballot", "-", stdin=json.dumps(data))
        assert status == 2
        assert expected in err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that does not exist is one line, exit 3 (a file that cannot be read)."""
    status, _, err = run(capsys, "ballot", str(tmp_path / "nope.json"))
    assert status == 3
    assert "no such file" in err


def test_python_dash_m_works_the_same() -> None:
    """`python -m dienhinh ballot` is the same command."""
    proc = subprocess.run(
        [sys.executable, "-m", "dienhinh", "ballot", str(EXAMPLES / "tie-at-last-slot.json")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["status"] == "awaiting_chair"


def test_a_ballot_under_a_draft_ruleset_says_so_and_verifies(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A-18: a ballot taking its rule from the draft TQ ruleset shows the draft, and still re-derives."""
    status, out, _ = run(capsys, "ballot", "-", stdin=json.dumps(doc(ruleset="tuyen-quang-2023")))
    assert status == 0
    validate(out, "ballot-output")
    assert out["ruleset"] == {
        "id": "tuyen-quang-2023",
        "status": "draft",
        "blank": out["ruleset"]["blank"],
    }
    assert out["reasons"][0]["code"] == "ruleset.draft"
    assert out["inputs"]["ruleset"] == "tuyen-quang-2023"
    assert out["inputs"]["cap"]["slots"] == 15
    record = tmp_path / "record.json"
    record.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    status, verdict, _ = run(capsys, "verify", str(record))
    assert (status, verdict["verified"]) == (0, True)


def test_a_document_that_names_no_ballot_rule_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 9: no rule is built in; a document with no ruleset, rule or threshold exits 2."""
    bare = doc()
    del bare["threshold"]
    status, out, err = run(capsys, "ballot", "-", stdin=json.dumps(bare))
    assert (status, out) == (2, None)
    assert "names no ballot rule (no rule is built in); allowed: a 'ruleset' id" in err
    status, _, err = run(capsys, "ballot", "-", stdin=json.dumps(doc(tie_break="chair")))
    assert status == 2
    assert "threshold=None: gives the rule's parameters without its threshold" in err


def test_a_documents_own_threshold_cites_the_input_not_a_province(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A threshold the document gives is the input's: never cited to TQ-2.1b."""
    status, out, _ = run(capsys, "ballot", "-", stdin=json.dumps(doc(threshold="7/10")))
    assert status == 0
    assert out["inputs"]["rule"]["rule"]["id"] == "INPUT-ballot"
    assert out["inputs"]["rule"]["rule"]["citation"]["document"] == "ballot input"
    assert out["inputs"]["rule"]["tie_break"] == "undecided"
    cited = {r["rule"] for r in out["reasons"]}
    assert "TQ-2.1b" not in cited
