"""What the package does not load on the way to a result, and the small stand-ins that let it:
each stand-in gives what the standard library's function gives."""

from __future__ import annotations

import html
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from dienhinh._html import escape


@given(st.text())
def test_escape_is_html_escape(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_the_report_still_loads_when_asked_for() -> None:
    loaded = _loaded(
        "import io, contextlib\n"
        "from dienhinh.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['demo', '--lang', 'en']) == 0"
    )
    assert "dienhinh.report._render" in loaded


def _loaded(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(*sorted(sys.modules))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return out.stdout.split()


def test_the_demo_loads_only_what_it_runs() -> None:
    """`dienhinh demo --json -` reads a round and writes its record: the ballot document's
    readers, the verifier, the schemas' index, the readable report, difflib (an error's "did
    you mean") and the html package (every entity's name, for unescaping) stay unloaded."""
    loaded = _loaded(
        "import io, contextlib\n"
        "from dienhinh.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['demo', '--json', '-']) == 0"
    )
    assert "dienhinh.io._round" in loaded
    unloaded = {
        "dienhinh.io._ballot", "dienhinh.io._verify", "dienhinh.io._schemas", "dienhinh.report",
        "difflib", "html",
    }  # fmt: skip
    assert unloaded.isdisjoint(loaded), unloaded & set(loaded)


def test_importing_the_command_line_loads_no_command() -> None:
    """`import dienhinh.cli` loads its entry point only: a command's modules load when
    :func:`main` runs it (with the cyclic collector paused, as the command runs)."""
    loaded = [m for m in _loaded("import dienhinh.cli") if m.startswith("dienhinh.")]
    assert "dienhinh.cli._main" in loaded
    for package in ("io", "rulesets", "round", "report", "criteria", "voting", "calendar"):
        assert not any(m.startswith(f"dienhinh.{package}") for m in loaded), package
    assert not any(m.startswith("dienhinh.cli._") for m in loaded if m not in _ENTRY), loaded


_ENTRY = {"dienhinh.cli._main", "dienhinh.cli._status"}


def _program(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter (it ends the way the program ends), its output
    captured."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_a_round_s_program_ends_without_freeing_its_record_and_loses_nothing() -> None:
    """`dienhinh round FILE` leaves its record to the operating system (``keep``, ``_leave``):
    the record is on stdout whole, what was printed before it first, the exit handlers run
    with the collector still off, the status is the command's (an invalid command's too);
    ``main`` frees as usual."""
    import json
    from pathlib import Path

    from dienhinh.cli import _main

    path = Path(__file__).resolve().parent.parent / "examples/rounds/small-tuyen-quang.json"
    code = (
        "import atexit, gc, os, sys\n"
        "from dienhinh.cli import _main\n"
        "left = _main._leave\n"
        "_main._leave = lambda status: (print('leaving', status, file=sys.stderr), left(status))\n"
        "atexit.register(lambda: print('collecting', gc.isenabled(), file=sys.stderr))\n"
        "print('before', flush=False)\n"
        f"sys.argv = ['dienhinh', 'round', {str(path)!r}]\n"
        "_main.run()"
    )
    out = _program(code)
    assert out.returncode == 0, out.stderr
    assert out.stderr.split("\n")[:2] == ["leaving 0", "collecting False"]
    head, _, record = out.stdout.partition("\n")
    assert head == "before"
    assert json.loads(record)["kind"] == "round"
    kept: list[object] = []
    assert _main.main(["round", str(path), "--output", "/dev/null"], keep=kept) == 0
    assert [type(k).__name__ for k in kept] == ["RoundDecision", "dict"]
    bad = _program(code.replace("'round'", "'nonsense'"))
    assert bad.returncode == 2
    assert bad.stderr.split("\n")[-3:] == ["leaving 2", "collecting False", ""]
    assert bad.stderr.startswith("dienhinh: error: argument COMMAND: invalid choice: 'nonsense'")


def test_the_program_waits_for_a_thread_still_running() -> None:
    """With another thread still running when the command returns, the program exits as
    Python does (the thread finishes and its output is kept), not through ``_leave``."""
    code = (
        "import sys, threading\n"
        "from dienhinh.cli import _main\n"
        "done, leave = threading.Event(), sys.exit\n"
        "sys.exit = lambda status: (done.set(), leave(status))  # the thread ends after run()\n"
        "_main._leave = lambda status: sys.exit(f'left with a thread running ({status})')\n"
        "def late():\n"
        "    done.wait()\n"
        "    print('thread done', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "sys.argv = ['dienhinh', 'rulesets']\n"
        "_main.run()"
    )
    out = _program(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.rstrip().endswith("thread done")


def test_the_program_leaves_the_collector_off_to_its_end() -> None:
    """`dienhinh` (the program) exits with the command's status, the collector still off:
    turned on after the command, it would only scan what the command kept once more."""
    code = (
        "import atexit, gc, sys\n"
        "from dienhinh.cli._main import run\n"
        "atexit.register(lambda: print('collecting', gc.isenabled()))\n"
        "sys.argv = ['dienhinh', 'rulesets']\n"
        "run()"
    )
    out = _program(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.rstrip().endswith("collecting False")
    bad = _program(code.replace("'rulesets'", "'nonsense'"))
    assert bad.returncode == 2
