"""The long fuzz run (issue 14): COUNT malformed inputs through every command and reader.

    uv run python tools/fuzz.py 100000            # half commands, half library readers
    uv run python tools/fuzz.py 2000 --tamper     # also every single-field tampering of a round record

Each input is an example document with one to three mutations, or its bytes damaged
(``tests/fuzz.py`` says which). A command must exit 0, or 2 (3 for bytes that are not
UTF-8, like a file that cannot be read) with exactly one line on stderr, under 300
characters, naming the input; a library reader must return or raise a ``DienhinhError``.
Failures are collected, not stopped at: the run prints how many inputs it tried, how many
failed, and the first few failures with their input. Exit status 1 when any failed.
The fast profile of the same properties runs in the default test suite
(``tests/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from tests import fuzz  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many inputs to try (e.g. 100000)")
    parser.add_argument("--tamper", action="store_true", help="also tamper every field of a round")
    args = parser.parse_args(argv)
    failures: list[dict[str, Any]] = []
    tried = {"commands": 0, "readers": 0}
    config = settings(
        max_examples=args.count // 2,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )

    def record(kind: str, case: Any) -> None:
        failures.append(
            {"kind": kind, "input": repr(case)[:600], "error": traceback.format_exc()[-1200:]}
        )

    @config
    @given(fuzz.commands())
    def commands(case: tuple[list[str], bytes, str]) -> None:
        tried["commands"] += 1
        try:
            fuzz.check_cli(*case[:2], names=case[2])
        except Exception:
            record("command", case)

    @config
    @given(fuzz.reader_inputs())
    def readers(case: tuple[str, bytes]) -> None:
        tried["readers"] += 1
        try:
            fuzz.check_reader(*case)
        except Exception:
            record("reader", case)

    start = time.monotonic()
    commands()
    readers()
    if args.tamper:
        import os

        import pytest

        os.environ["DIENHINH_TAMPER_ALL"] = "1"
        status = pytest.main(["-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_fuzz.py"),
                              "-k", "tampering"])  # fmt: skip
        if status != 0:
            failures.append({"kind": "tamper", "input": "round record", "error": "see above"})
    elapsed = time.monotonic() - start
    summary = {
        "inputs": tried["commands"] + tried["readers"],
        "commands": tried["commands"],
        "readers": tried["readers"],
        "failures": len(failures),
        "seconds": round(elapsed),
        "first_failures": failures[:10],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
