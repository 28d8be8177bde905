"""The command line's contract: every command's output follows its shipped schema; `--output`;
one line per error; exit 3 for a file that cannot be read; every `--help` says what it reads
and prints and shows an example; `dienhinh demo` writes nothing unasked."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dienhinh.cli import main
from dienhinh.cli._main import _parser
from dienhinh.io import schema, schema_names
from tests.schemas import validate

ROOT = Path(__file__).resolve().parent.parent
ROUND = "examples/rounds/small-tuyen-quang.json"
BALLOT = "examples/ballot/tie-at-last-slot.json"

# command → the examples it is run on, and the schema of what it prints.
COMMANDS: dict[str, tuple[list[list[str]], str]] = {
    "round": ([["round", ROUND]], "round-output"),
    "floors": (
        [
            ["floors", "examples/floors/bac-kan-2024.json"],
            [
                "floors",
                "--ruleset",
                "examples/rulesets/lac-son/lac-son-2025.toml",
                "examples/rulesets/lac-son/floors.json",
            ],
        ],
        "floors-output",
    ),
    "ballot": ([["ballot", BALLOT]], "ballot-output"),
    "assess": (
        [
            [
                "assess",
                *(
                    ["--ruleset", "bac-kan-2021", "--from", "2023-01-01", "--to", "2024-12-31"]
                    if p.name.startswith("bk-")
                    else ["--ruleset", "tuyen-quang-2023", "--on", "2024-12-20"]
                ),
                str(p.relative_to(ROOT)),
            ]
            for p in sorted((ROOT / "examples" / "nominees").glob("*.json"))
        ],
        "assessment",
    ),
    "criteria": (
        [
            ["criteria", "--ruleset", r]
            for r in ("tuyen-quang-2023", "bac-kan-2021", "ninh-thuan-2023")
        ],
        "criteria-output",
    ),
    "window": (
        [["window", "2024-12-20"], ["window", "2024-12-20", "--policy", "emulation-year"]],
        "window-output",
    ),
    "deadline": (
        [
            [
                "deadline",
                "--ruleset",
                "tuyen-quang-2023",
                "--deadline",
                "dossier-submission",
                "--year",
                "2024",
                "--at",
                at,
            ]
            for at in ("2024-10-29", "2024-10-31T09:00:00+07:00")
        ],
        "deadline-output",
    ),
    "calendar": (
        [
            ["calendar", "--ruleset", r, "--year", y]
            for r, y in (("tuyen-quang-2023", "2024"), ("kon-tum-2022", "2023"))
        ],
        "calendar-output",
    ),
    "rulesets": ([["rulesets"]], "rulesets-output"),
    "demo": ([["demo", "--json"]], "round-output"),
}
NOT_JSON = {
    "schema": "prints a schema (checked against the metaschema below) or the list of names",
    "serve": "an HTTP server, not a one-shot output",
}


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def _subcommands() -> dict[str, object]:
    parser = _parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return dict(sub.choices)  # type: ignore[arg-type]


def test_every_command_has_a_schema_for_what_it_prints() -> None:
    missing = set(_subcommands()) - set(COMMANDS) - set(NOT_JSON) - {"verify"}
    assert not missing, f"add these commands (and their schemas) to COMMANDS: {sorted(missing)}"
    for _, name in COMMANDS.values():
        assert name in schema_names()


@pytest.mark.parametrize(
    "args", [a for runs, _ in COMMANDS.values() for a in runs], ids=lambda a: " ".join(a)[:60]
)
def test_the_output_follows_its_schema(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(ROOT)
    status, out, err = _run(capsys, args)
    assert (status, err) == (0, "")
    validate(json.loads(out), COMMANDS[args[0]][1])


@pytest.mark.parametrize("record", [["round", ROUND], ["ballot", BALLOT]])
def test_verify_output_follows_its_schema(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    record: list[str],
) -> None:
    monkeypatch.chdir(ROOT)
    path = tmp_path / "record.json"
    assert _run(capsys, [*record, "--output", str(path)])[:2] == (0, "")
    status, out, _ = _run(capsys, ["verify", str(path)])
    assert status == 0
    validate(json.loads(out), "verify-output")


def test_schema_lists_and_prints_the_shipped_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, ["schema"])
    assert status == 0
    assert tuple(out.splitlines()) == schema_names()
    for name in schema_names():
        status, out, _ = _run(capsys, ["schema", name])
        assert status == 0
        doc = json.loads(out)
        assert doc == schema(name)
        jsonschema.validators.validator_for(doc).check_schema(doc)
    status, out, err = _run(capsys, ["schema", "no-such"])
    assert (status, out) == (2, "")
    assert "round-input" in err
    assert err.count("\n") == 1


def test_output_writes_the_file_and_prints_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    printed = _run(capsys, ["round", ROUND])[1]
    path = tmp_path / "out.json"
    assert _run(capsys, ["round", ROUND, "--output", str(path)]) == (0, "", "")
    assert path.read_text(encoding="utf-8") == printed
    text = tmp_path / "report.txt"
    assert _run(capsys, ["round", ROUND, "--text", "vi", "--output", str(text)]) == (0, "", "")
    assert text.read_text(encoding="utf-8").startswith("=" * 20)


def test_every_command_takes_output() -> None:
    for name, p in _subcommands().items():
        assert any("--output" in a.option_strings for a in p._actions), name  # type: ignore[attr-defined]


def test_an_unwritable_output_exits_3_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = _run(capsys, ["rulesets", "--output", str(tmp_path / "no" / "f.json")])
    assert (status, out) == (3, "")
    assert err.startswith("dienhinh rulesets: error:")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "status", "needle"),
    [
        (["round", "no-such-file.json"], 3, "no such file"),
        (["round", "examples"], 3, "folder"),
        (["ballot", "no-such-file.json"], 3, "no such file"),
        (["verify", "no-such-file.json"], 3, "no such file"),
        (["round"], 2, "the following arguments are required: FILE"),
        (["round", ROUND, "--text", "fr"], 2, "invalid choice"),
        (["window", "2024-12-20", "--bogus"], 2, "unrecognized arguments: --bogus"),
        (["no-such-command"], 2, "invalid choice"),
        ([], 2, "required: COMMAND"),
    ],
)
def test_errors_are_one_line_and_an_unreadable_file_exits_3(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    status: int,
    needle: str,
) -> None:
    monkeypatch.chdir(ROOT)
    got, out, err = _run(capsys, args)
    assert (got, out) == (status, "")
    assert needle in err
    assert err.count("\n") == 1, err
    assert err.startswith("dienhinh")


def test_a_file_that_is_not_utf8_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Nguy\xean"}'.encode("latin-1"))
    status, _, err = _run(capsys, ["round", str(path)])
    assert status == 3
    assert "not UTF-8" in err


def test_every_help_says_what_it_reads_and_prints_and_shows_an_example() -> None:
    for name, p in _subcommands().items():
        text = p.format_help()  # type: ignore[attr-defined]
        assert "Reads" in text, name
        assert "Prints" in text, name
        example = text.split("example:\n  ", 1)[1].split("\n", 1)[0]
        assert f"dienhinh {name}" in example, name
        assert "exit status" in text, name
    deadline = _subcommands()["deadline"].format_help()  # type: ignore[attr-defined]
    assert "dossier-submission" in deadline
    assert "province-consideration" in deadline


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"demo"}))
def test_the_help_example_runs(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example each `--help` shows is a command that works (exit 0)."""
    monkeypatch.chdir(ROOT)
    text = _subcommands()[name].format_help()  # type: ignore[attr-defined]
    example = text.split("example:\n  ", 1)[1].split("\n", 1)[0]
    args = shlex.split(example)[1:]
    assert main(args) == 0, example
    capsys.readouterr()


@pytest.mark.parametrize("args", [["demo"], ["demo", "--lang", "en"], ["demo", "--json"]])
def test_demo_in_an_empty_folder_leaves_it_empty(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "dienhinh", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert list(tmp_path.iterdir()) == []


# -- a run imports only its command's module -------------------------------------------------------


def test_each_command_parses_alone_as_in_the_whole_parser() -> None:
    """A run builds the parser of its command only: the same options, help and errors."""
    from dienhinh.cli._main import COMMANDS as MODULE_OF

    whole = _subcommands()
    assert set(MODULE_OF) == set(whole)
    for name, full in whole.items():
        (sub,) = [a for a in _parser([name])._actions if a.dest == "command"]
        alone: dict[str, Any] = sub.choices  # type: ignore[assignment]
        assert alone[name].format_help() == full.format_help(), name  # type: ignore[attr-defined]
        assert set(alone) == {n for n, m in MODULE_OF.items() if m == MODULE_OF[name]}, name


def test_the_demo_imports_no_other_command() -> None:
    """`dienhinh demo --json -` loads its command's module, none of the others' (nor what only
    they need: the floors reader)."""
    code = (
        "import sys, io, contextlib;"
        "from dienhinh.cli import main;"
        "out = io.StringIO();"
        "ctx = contextlib.redirect_stdout(out);"
        "ctx.__enter__(); status = main(['demo', '--json', '-']); ctx.__exit__(None, None, None);"
        "print(status, *sorted(m for m in sys.modules if m.startswith('dienhinh.cli.')"
        " or m == 'dienhinh.io._floors'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [
        "0", "dienhinh.cli._common", "dienhinh.cli._main", "dienhinh.cli._round",
        "dienhinh.cli._status",
    ]  # fmt: skip
