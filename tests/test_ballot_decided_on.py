"""`dienhinh ballot --decided-on DATE` (issue 10): a ballot run alone gets its decision date.

A ballot under a ruleset is tested against the document's period of effect on its decision date
(A-32) and, where the document borrows the national ballot rule, counted under — and citing —
the decree in force that day (A-34); a ballot document may say `decided_on` itself, and the flag
says it from the command line, the same logic either way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_records import assert_cites_and_verifies, run

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ballot" / "tie-at-last-slot.json"


def _ballot(tmp_path: Path, **more: Any) -> Path:
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc.update(more)
    path = tmp_path / "ballot.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("day", "cited"),
    [("2023-12-26", "NĐ91-45.8"), ("2024-12-26", "NĐ98-ballot"), ("2025-07-01", "NĐ152-ballot")],
)
def test_a_34_kt_decided_on_picks_the_decree_in_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, day: str, cited: str
) -> None:
    """Kon Tum's letter sets no ballot rule: `--decided-on` picks the national one in force, the
    record says the day, cites that decree, and `verify` re-derives it."""
    path = _ballot(tmp_path, ruleset="kon-tum-2022")
    status, out, err = run(capsys, "ballot", str(path), "--decided-on", day)
    assert (status, err) == (0, "")
    assert_cites_and_verifies(capsys, tmp_path, out, day, cited)


def test_a_34_kt_without_a_decision_date_the_ballot_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "ballot", str(_ballot(tmp_path, ruleset="kon-tum-2022")))
    assert (status, out) == (2, "")
    assert "decided_on=None: borrows a dated national ballot rule" in err


def test_a_32_bk_decided_on_tests_the_period_of_effect(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Bắc Kạn's plan runs “giai đoạn 2021-2025”: a ballot decided in 2026 carries the notice
    (and names the successor), one decided in 2025 does not; under A-32 `refuse` it exits 2."""
    path = _ballot(tmp_path, ruleset="bac-kan-2021")

    def codes(day: str) -> list[str]:
        status, out, err = run(capsys, "ballot", str(path), "--decided-on", day)
        assert (status, err) == (0, "")
        return [r["code"] for r in json.loads(out)["reasons"]]

    late = codes("2026-03-02")
    assert "ruleset.outside_effect" in late
    assert "ruleset.successor" in late
    assert "ruleset.outside_effect" not in codes("2025-12-20")
    args = ("ballot", str(path), "--decided-on", "2026-03-02", "--read", "A-32=refuse")
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert "2025-12-31" in err


def test_decided_on_agrees_with_the_document_or_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The flag says the day once more, never another one: a contradiction names both."""
    path = _ballot(tmp_path, ruleset="kon-tum-2022", decided_on="2024-12-26")
    status, out, _ = run(capsys, "ballot", str(path), "--decided-on", "2024-12-26")
    assert status == 0
    assert json.loads(out)["inputs"]["decided_on"] == "2024-12-26"
    status, out, err = run(capsys, "ballot", str(path), "--decided-on", "2025-07-01")
    assert (status, out) == (2, "")
    assert err == (
        "dienhinh ballot: error: --decided-on='2025-07-01': contradicts the document's "
        f"decided_on='2024-12-26' ({path})\n"
    )


@pytest.mark.parametrize("bad", ["2024-02-30", "26/12/2024", "2024-W51-5", "２０２４-12-26"])
def test_decided_on_must_be_a_calendar_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bad: str
) -> None:
    path = _ballot(tmp_path, ruleset="kon-tum-2022")
    status, out, err = run(capsys, "ballot", str(path), "--decided-on", bad)
    assert (status, out) == (2, "")
    assert err.startswith(f"dienhinh ballot: error: --decided-on={bad!r}: is not a calendar date")
    assert "YYYY-MM-DD" in err
