"""Mutation testing of one package with mutmut, and its score (docs/mutation.md).

    uv run python tools/mutation.py voting      # or: calendar, criteria, kernel
    uv run python tools/mutation.py voting --show   # also print the diff of every survivor
    uv run python tools/mutation.py voting --again  # re-test only the last run's survivors

The project is copied to ``.mutation/<package>/`` (ignored by git), mutmut is configured there
for that package alone — the files it mutates and the only test files it runs for each
mutant — and run with the Hypothesis profile ``mutation`` (fixed examples, see
tests/conftest.py). The score is ``killed / (mutants - equivalent survivors)``, where the
equivalent survivors are the mutant names listed in the table of docs/mutation.md. A timeout
counts as killed; "no tests" counts as survived. Exit status 0 when the score reaches
``--fail-under`` (90 by default), 1 otherwise.

``--again`` keeps the last run's copy, refreshes its tests and re-tests only the mutants that
survived: a quick loop while writing tests. Adding a test cannot revive a killed mutant, but a
change to the source can, so the figure to report comes from a fresh run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "mutation.md"


class Target(NamedTuple):
    """What mutmut mutates for a package, and the only tests it runs against each mutant."""

    mutate: list[str]
    skip: list[str]
    tests: list[str]

    def files(self) -> list[Path]:
        """The source files mutated (the patterns expanded)."""
        return sorted(
            {p for pattern in self.mutate for p in ROOT.glob(pattern) if p.suffix == ".py"}
        )

    def modules(self) -> list[str]:
        """The dotted names of the modules mutated: every mutant's name starts with one."""
        src = ROOT / "src"
        return [".".join(p.relative_to(src).with_suffix("").parts) for p in self.files()]


TARGETS = {
    "voting": Target(
        mutate=["src/dienhinh/voting/*"],
        skip=[],
        tests=[
            "tests/test_voting_examples.py",
            "tests/test_voting_properties.py",
            "tests/test_voting_mutants.py",
        ],
    ),
    "criteria": Target(
        # The evaluation (the leaves' tests, the composites, the window, the verdicts) and what
        # it reads (the evidence and the nominee, with their checks). Not (yet) the catalogue's
        # model and checks, the assessment's record or the reasons' texts.
        mutate=[
            "src/dienhinh/criteria/_engine.py",
            "src/dienhinh/criteria/_leaves.py",
            "src/dienhinh/criteria/_verdict.py",
            "src/dienhinh/criteria/_evidence.py",
            "src/dienhinh/criteria/_nominee.py",
        ],
        skip=[],
        tests=[
            "tests/test_criteria_engine.py",
            "tests/test_criteria_properties.py",
            "tests/test_criteria_tq_examples.py",
            "tests/test_criteria_bac_kan.py",
            "tests/test_criteria_ninh_thuan.py",
            "tests/test_criteria_catalogue.py",
            "tests/test_achievement_window.py",
            "tests/test_catalogue_pins.py",
            "tests/test_catalogue_readings.py",
            "tests/test_fast_paths.py",
            "tests/test_api_door_attrs.py",
            "tests/test_nominee_read_path.py",
            "tests/test_criteria_mutants.py",
        ],
    ),
    "kernel": Target(
        # The package root's logic every layer relies on: canonical digests, readings, reasons,
        # citations, documents in time and their notices, text, errors, converters, batches.
        # Not the value classes' plumbing (_frozen, tested by test_frozen), the labels, the
        # HTML and repr helpers.
        mutate=[
            f"src/dienhinh/{m}.py"
            for m in (
                "_batch",
                "_canonical",
                "_convert",
                "_documents",
                "_effect",
                "_errors",
                "_interpretations",
                "_provenance",
                "_reasons",
                "_text",
            )
        ],
        skip=[],
        tests=[
            "tests/test_canonical.py",
            "tests/test_text_examples.py",
            "tests/test_reasons_sharing.py",
            "tests/test_citations.py",
            "tests/test_effect_commencement.py",
            "tests/test_effect_periods.py",
            "tests/test_dates_vi.py",
            "tests/test_wording.py",
            "tests/test_fast_paths.py",
            "tests/test_io_fast_paths.py",
            "tests/test_api.py",
            "tests/test_national.py",
            "tests/test_catalogue_readings.py",
            "tests/test_kernel_mutants.py",
        ],
    ),
    "calendar": Target(
        mutate=["src/dienhinh/calendar/*"],
        skip=[],
        tests=[
            "tests/test_calendar_examples.py",
            "tests/test_calendar_properties.py",
            "tests/test_calendar_mutants.py",
        ],
    ),
}

COPIED = ["src", "tests", "docs", "examples", "pyproject.toml", "README.md"]
DETECTED = {"killed", "timeout", "caught by type check"}
EQUIVALENT_ROW = re.compile(r"^\|\s*`(dienhinh\.[^`]+__mutmut_\d+)`\s*\|")


def equivalents(package: str) -> set[str]:
    """The mutant names docs/mutation.md judges equivalent for ``package``."""
    prefixes = tuple(f"{m}." for m in TARGETS[package].modules())
    names: set[str] = set()
    if not DOC.exists():
        return names
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = EQUIVALENT_ROW.match(line)
        if match and match.group(1).startswith(prefixes):
            names.add(match.group(1))
    return names


def prepare(package: str, work: Path, without: list[str]) -> None:
    """A fresh copy of the project in ``work`` with mutmut configured for ``package``."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, work / name)
    target = TARGETS[package]
    tests = [test for test in target.tests if (ROOT / test).exists() and test not in without]
    config = "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["src"]',
            # Tests read the docs and examples they check (mutmut copies src and tests only).
            'also_copy = ["docs", "examples", "README.md"]',
            f"only_mutate = {json.dumps(target.mutate)}",
            f"do_not_mutate = {json.dumps(target.skip)}",
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]',
            "use_git_change_detection = false",
            # A mutant that loops for ever is stopped after 6× its tests' time (mutmut's
            # default, 30×, spent five minutes of a worker on each such mutant of the kernel).
            "timeout_multiplier = 3.0",
            "",
        ]
    )
    with (work / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write(config)


def refresh_tests(work: Path, without: list[str]) -> None:
    """The current tests in the kept copy (mutmut copies them on into ``mutants/``)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore, dirs_exist_ok=True)
    shutil.copy2(ROOT / "tests" / "conftest.py", work / "tests" / "conftest.py")
    if without:
        print("--again keeps the selection of the first run; --without is ignored")


def verdicts(package: str, work: Path) -> dict[str, str]:
    """Each mutant's status, read from the ``.meta`` files mutmut leaves beside its copies."""
    from mutmut.stats import status_by_exit_code

    result = {}
    for source in TARGETS[package].files():
        meta = work / "mutants" / source.relative_to(ROOT).with_name(source.name + ".meta")
        if not meta.exists():
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data["exit_code_by_key"].items():
            result[name] = status_by_exit_code[code]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", choices=sorted(TARGETS))
    parser.add_argument("--show", action="store_true", help="print the diff of every survivor")
    parser.add_argument("--fail-under", type=float, default=90.0, metavar="PERCENT")
    parser.add_argument(
        "--again", action="store_true", help="re-test only the survivors of the last run"
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="TEST_FILE",
        help="leave a test file out of the selection (to measure what it adds)",
    )
    args = parser.parse_args(argv)
    package: str = args.package

    work = ROOT / ".mutation" / package
    again: list[str] = []
    if args.again:
        previous = verdicts(package, work) if work.exists() else {}
        again = sorted(name for name, verdict in previous.items() if verdict not in DETECTED)
        if not previous:
            print("no earlier run to go on from: a fresh run")
        elif not again:
            print("the earlier run left no survivor: a fresh run")
    if again:
        refresh_tests(work, args.without)
    else:
        prepare(package, work, args.without)
    log = work / "mutmut.log"
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "mutmut",
                "run",
                "--max-children",
                str(args.max_children),
                *again,
            ],
            cwd=work,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    elapsed = time.monotonic() - started
    status = verdicts(package, work)
    if run.returncode != 0 or not status:
        print(f"mutmut failed (exit {run.returncode}); see {log}", file=sys.stderr)
        return 2

    counts = Counter(status.values())
    survivors = sorted(name for name, verdict in status.items() if verdict not in DETECTED)
    judged = equivalents(package)
    equivalent = [name for name in survivors if name in judged]
    stale = sorted(judged - set(survivors))
    detected = sum(counts[verdict] for verdict in DETECTED)
    scored = len(status) - len(equivalent)
    score = 100 * detected / scored
    raw = 100 * detected / len(status)

    what = f"{len(again)} survivors re-tested" if again else "a fresh run"
    print(f"{package}: {len(status)} mutants ({what}, {elapsed:.0f} s)")
    print("  " + ", ".join(f"{verdict} {n}" for verdict, n in sorted(counts.items())))
    print(f"  raw score {raw:.1f} % ({detected}/{len(status)})")
    print(f"  equivalent survivors (docs/mutation.md): {len(equivalent)}")
    for name in stale:
        print(f"  listed as equivalent but not a survivor now: {name}")
    print(f"  score {score:.1f} % ({detected}/{scored})")
    others = [name for name in survivors if name not in judged]
    if others:
        print(f"  survivors not judged equivalent: {len(others)}")
        for name in others:
            print(f"    {name}: {status[name]}")
            if args.show:
                diff = subprocess.run(
                    [sys.executable, "-m", "mutmut", "show", name],
                    cwd=work,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                print("      " + diff.stdout.strip().replace("\n", "\n      "))
    return 0 if score >= args.fail_under else 1


if __name__ == "__main__":
    sys.exit(main())
