"""Running the command line in a test, and what a ballot record under borrowed law must say.

Shared by the tests of national ballot rules (A-34) and of ``dienhinh ballot --decided-on``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dienhinh.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The exit status, standard output and standard error of ``dienhinh ARGS``."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_cites_and_verifies(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out: str, day: str, cited: str
) -> None:
    """A ballot record decided on ``day`` under a borrowed national rule: it keeps the day, its
    notice and every threshold reason cite ``cited``, and ``dienhinh verify`` re-derives it."""
    record = json.loads(out)
    assert record["inputs"]["decided_on"] == day
    notice = next(r for r in record["reasons"] if r["code"] == "ruleset.national_ballot")
    assert notice["rule"] == cited
    assert {r["rule"] for r in record["reasons"] if r["code"] == "ballot.threshold"} == {cited}
    saved = tmp_path / "record.json"
    saved.write_text(out, encoding="utf-8")
    status, verified, _ = run(capsys, "verify", str(saved))
    assert status == 0
    assert json.loads(verified)["verified"] is True
