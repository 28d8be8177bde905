"""Calendar benchmark: window and deadline checks per second, and the import time of dienhinh.

The import time is measured in fresh interpreters (several runs each, interleaved, median),
beside ``import attrs, dateutil.relativedelta``. Goal: ``import dienhinh`` within 1.25× of it.
Two settings are measured: with a warm bytecode cache (an installed package: the .pyc files
exist; written here to a temporary ``PYTHONPYCACHEPREFIX``), and as this environment runs
Python (e.g. ``PYTHONDONTWRITEBYTECODE=1``: every module compiled from source each time).

Run: ``uv run python benchmarks/deadlines.py [--checks N] [--runs R]``
"""

from __future__ import annotations

import os
import sys

# This file's name shadows the standard library's `calendar` (which dateutil imports): run as a
# script, its own directory must not be on the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

from dienhinh import Readings, load_ruleset  # noqa: E402
from dienhinh.calendar import achievement_window, check_deadline  # noqa: E402

BASELINE = "import attrs, dateutil.relativedelta"
SUBJECT = "import dienhinh"


def rate(n: int, fn: Callable[[int], object]) -> float:
    """Calls per second of ``fn(i)`` for ``i`` in ``range(n)``, best of three."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for i in range(n):
            fn(i)
        best = min(best, time.perf_counter() - start)
    return n / best


def import_times(env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median seconds of the baseline and of ``import dienhinh``, measured inside fresh interpreters."""

    def once(stmt: str) -> float:
        code = f"import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return float(out.stdout)

    once(BASELINE), once(SUBJECT)  # warm the bytecode cache and the file system
    base, subject = [], []
    for _ in range(runs):
        base.append(once(BASELINE))
        subject.append(once(SUBJECT))
    return statistics.median(base), statistics.median(subject)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--checks", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    tq = load_ruleset("tuyen-quang-2023")
    first = dt.date(2024, 1, 1)
    days = [first + dt.timedelta(days=i % 730) for i in range(args.checks)]
    moments = [
        dt.datetime(2024, 10, 29, tzinfo=dt.UTC) + dt.timedelta(minutes=17 * i)
        for i in range(args.checks)
    ]
    emulation = Readings({"A-3": "emulation-year"})
    roll = Readings({"A-1": "inclusive", "A-17": "roll-over"})
    print(
        f"window checks (default readings):        {rate(args.checks, lambda i: achievement_window(tq, days[i])):>10,.0f} /s"
    )
    print(
        f"window checks (A-3 emulation-year):      {rate(args.checks, lambda i: achievement_window(tq, days[i], readings=emulation)):>10,.0f} /s"
    )
    print(
        f"deadline checks (date):                  {rate(args.checks, lambda i: check_deadline(tq, 'dossier-submission', 2024, days[i])):>10,.0f} /s"
    )
    print(
        f"deadline checks (timestamp, A-16):       {rate(args.checks, lambda i: check_deadline(tq, 'dossier-submission', 2024, moments[i])):>10,.0f} /s"
    )
    print(
        f"deadline checks (A-17 roll-over):        {rate(args.checks, lambda i: check_deadline(tq, 'dossier-submission', 2000 + i % 100, days[i], readings=roll)):>10,.0f} /s"
    )

    warm = dict(os.environ)
    warm.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="dienhinh-pyc-") as cache:
        warm["PYTHONPYCACHEPREFIX"] = cache
        settings = [("bytecode cached", warm), ("as configured", dict(os.environ))]
        for label, env in settings:
            base, subject = import_times(env, args.runs)
            print(
                f"import ({label:15}): {BASELINE} {base * 1000:6.1f} ms; "
                f"{SUBJECT} {subject * 1000:6.1f} ms; ratio {subject / base:.2f}× (goal ≤ 1.25×)"
            )


if __name__ == "__main__":
    main()
