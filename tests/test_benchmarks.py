"""The benchmarks run: each script in ``--quick`` mode, at small sizes (no figure is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.mark.parametrize(
    ("script", "expect"),
    [
        ("ballot.py", ["tally + select", "growth exponents"]),
        ("criteria.py", ["assessments/s", "results kept"]),
        (
            "round.py",
            [
                "import dienhinh",
                "demo:",
                "growth exponents",
                "above the fixed",
                "dienhinh round FILE",
            ],
        ),
    ],
)
def test_a_benchmark_runs_in_quick_mode(script: str, expect: list[str]) -> None:
    """The script exits 0 and prints each of its figures (their values are not judged here)."""
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--quick"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    for line in expect:
        assert line in run.stdout
