"""`dienhinh criteria` and `dienhinh assess`: the JSON contract, its schemas, the examples, the errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from dienhinh.cli import main
from tests.schemas import validate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "nominees"
RULESET_OF = {"tq": "tuyen-quang-2023", "bk": "bac-kan-2021"}
WINDOW_OF = {"tq": ["--on", "2024-12-15"], "bk": ["--from", "2024-10-01", "--to", "2025-09-30"]}


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
    try:
        data = json.loads(out) if out else None
    except json.JSONDecodeError:
        data = out
    return status, data, err


def nominee(*evidence: dict[str, Any], **extra: Any) -> str:
    return json.dumps(
        {"kind": "collective", "fields": ["agriculture"], "evidence": list(evidence), **extra}
    )


OCOP = {"type": "ocop", "product": "Chè", "stars": 3, "date": "2024-03-15", "issuer": "UBND tỉnh"}


def test_criteria_lists_the_catalogue_with_citations_and_kinds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`dienhinh criteria --ruleset ID` prints every criterion with id, citation, titles and kinds."""
    status, data, _ = run(capsys, "criteria", "--ruleset", "tuyen-quang-2023")
    assert status == 0
    first = data[0]
    assert {"id", "citation", "title_vi", "title_en", "applies_to"} <= set(first)
    assert first["id"] == "TQ-3.1"
    by_id = {c["id"]: c for c in data}
    assert by_id["TQ-3.2c.ocop"]["params"]["stars_at_least"] == 3
    assert by_id["TQ-3.2c.ocop"]["citation"]["vi"] == "điểm c khoản 2 Điều 3 Quy định (TQ)"
    assert by_id["TQ-3.2o"]["applies_to"] == ["individual"]
    assert by_id["TQ-3.2đ"]["field"] == "education"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_example_validates_and_assesses(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    """Each example nominee (one per evidence type) is valid JSON of the schema and runs through assess."""
    validate(json.loads(path.read_text(encoding="utf-8")), "nominee")
    prefix = path.name.split("-")[0]
    status, data, err = run(
        capsys, "assess", str(path), "--ruleset", RULESET_OF[prefix], *WINDOW_OF[prefix]
    )
    assert (status, err) == (0, "")
    validate(data, "assessment")
    assert data["verdict"] in ("met", "not_met", "unknown")
    assert (data["verdict"] == "unknown") == bool(data["missing"])


def test_the_examples_cover_every_evidence_type() -> None:
    """examples/nominees holds at least one item of each evidence type."""
    from dienhinh.criteria import EVIDENCE_TYPES

    seen = {
        e["type"]
        for p in EXAMPLES.glob("*.json")
        for e in json.loads(p.read_text(encoding="utf-8"))["evidence"]
    }
    assert seen == set(EVIDENCE_TYPES)


def test_the_attestation_example_is_an_exemplar(capsys: pytest.CaptureFixture[str]) -> None:
    """The fully attested foreign-affairs official meets TQ-3 on 15/12/2024."""
    status, data, _ = run(capsys, "assess", str(EXAMPLES / "tq-attestation.json"), "--ruleset",
                          "tuyen-quang-2023", "--on", "2024-12-15")  # fmt: skip
    assert (status, data["verdict"], data["missing"]) == (0, "met", [])
    assert data["window"]["start"] == "2023-10-01"
    assert data["window"]["rule"]["id"] == "TQ-3.3"


def test_assess_reads_stdin_and_an_explicit_window(capsys: pytest.CaptureFixture[str]) -> None:
    """`-` reads the nominee from stdin; --from/--to give the window (both days included)."""
    status, data, _ = run(capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", "--from", "2024-03-15",
                          "--to", "2024-03-15", stdin=nominee(OCOP))  # fmt: skip
    assert status == 0
    ocop = next(
        c
        for c in data["tree"]["children"][1]["children"][0]["children"]
        if c["id"] == "TQ-3.2c.ocop"
    )
    assert ocop["verdict"] == "met"


def test_assess_takes_readings(capsys: pytest.CaptureFixture[str]) -> None:
    """--read A-13=every-field is applied and listed among the interpretations used (A-13)."""
    status, data, _ = run(capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", "--on", "2024-12-15",
                          "--read", "A-13=every-field", stdin=nominee(OCOP))  # fmt: skip
    assert status == 0
    assert {"id": "A-13", "reading": "every-field", "default": False} in data["interpretations"]


def test_assess_text_renders_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    """--text vi prints the readable account instead of JSON."""
    status, out, _ = run(capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", "--on", "2024-12-15",
                         "--text", "vi", stdin=nominee(OCOP))  # fmt: skip
    assert status == 0
    assert "Kết quả: chưa đủ căn cứ" in out


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"type": "medal", "date": "2024-01-01"}, "type='medal': is not an evidence type; allowed: award"),
        ({**OCOP, "date": "2024-02-30"}, "$.evidence[0].date: date='2024-02-30': is not a calendar date"),
        ({**OCOP, "stars": 6}, "ocop.stars=6: an OCOP rating has 1 to 5 stars"),
        ({"type": "award", "level": "county", "field": "sport", "category": "competition",
          "date": "2024-01-01", "issuer": "U"}, "level='county': is not a Level; allowed: unit, commune, district"),
        ({"type": "attestation", "criterion": "TQ-3.9", "authority": "A", "signer": "S", "date": "2024-01-01",
          "statement": "x"}, "attestation.criterion='TQ-3.9' is not a criterion of tuyen-quang-2023"),
        ({"type": "contribution", "kind": "money", "amount": -5, "purpose": "charity", "date": "2024-01-01"},
         "contribution.amount=-5: a contribution is a positive amount"),
        ({"type": "figure", "metric": "revenue", "year": 2024, "amount": -1}, "only a profit can be negative"),
        ({**OCOP, "stars": "3"}, "expected an integer, got str '3'"),
        ({**OCOP, "colour": "green"}, "unknown key(s) ['colour']"),
        ({"type": "contribution", "kind": "land", "amount": 5, "unit": "ha", "purpose": "other",
          "date": "2024-01-01"}, "contribution.unit='ha': is not the unit of a land contribution"),
    ],
    ids=["an unknown evidence type", "an impossible date", "stars outside 1 to 5", "a level that does not exist",
         "an unknown criterion id in an attestation", "negative money", "a negative revenue",
         "stars as text", "an unknown key", "a unit that is not the kind's"],
)  # fmt: skip
def test_bad_input_is_one_clear_line_and_exit_2(capsys: pytest.CaptureFixture[str], evidence: dict[str, Any],
                                                message: str) -> None:  # fmt: skip
    """Each kind of bad evidence exits 2 with one line on stderr naming the problem; nothing dropped."""
    status, out, err = run(capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", "--on", "2024-12-15",
                           stdin=nominee(evidence))  # fmt: skip
    assert (status, out) == (2, None)
    assert err.count("\n") == 1
    assert err.startswith("dienhinh assess: error: ")
    assert message in err, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "2024-12-15", "--from", "2024-01-01"], "either --on DATE or --from DATE --to DATE"),
        ([], "the window is needed"),
        (["--from", "2024-01-01"], "the window is needed"),
        (["--on", "2024-13-01"], "--on='2024-13-01': is not a calendar date"),
        (["--on", "2024-12-15", "--read", "A-14"], "is not an interpretation and a reading"),
        (["--on", "2024-12-15", "--read", "A-14=maybe"], "is not a reading of A-14"),
    ],
    ids=["two windows", "no window", "half a window", "an impossible consideration date",
         "a reading without its name", "a reading that does not exist"],
)  # fmt: skip
def test_bad_options_are_refused(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """The window and the readings are checked before anything is assessed."""
    status, _, err = run(
        capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", *args, stdin=nominee(OCOP)
    )
    assert status == 2
    assert message in err, err


def test_unknown_field_and_no_catalogue_are_clear_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown field lists the fields; a ruleset without criteria (Kon Tum) says so."""
    doc = json.dumps({"kind": "collective", "fields": ["farming"], "evidence": []})
    status, _, err = run(
        capsys, "assess", "-", "--ruleset", "tuyen-quang-2023", "--on", "2024-12-15", stdin=doc
    )
    assert status == 2
    assert "'farming' is not a field of tuyen-quang-2023" in err
    status, _, err = run(capsys, "criteria", "--ruleset", "kon-tum-2022")
    assert status == 2
    assert "no criteria of its own" in err


def test_a_record_re_derives_from_its_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    """An assessment record's inputs re-derive it exactly; a changed catalogue digest is refused."""
    from dienhinh import VerificationError
    from dienhinh.io._nominee import assessment_document, reassess

    status, data, _ = run(capsys, "assess", str(EXAMPLES / "tq-ocop.json"), "--ruleset", "tuyen-quang-2023",
                          "--on", "2024-12-15", "--read", "A-14=semicolon-or")  # fmt: skip
    assert status == 0
    assert assessment_document(reassess(data["inputs"])) == data
    assert data["ruleset"]["status"] == "draft"
    assert [r["code"] for r in data["reasons"]] == ["ruleset.draft"]  # visible in the result
    with pytest.raises(VerificationError, match="not the one assessed against"):
        reassess({**data["inputs"], "catalogue_digest": "sha256:" + "0" * 64})
