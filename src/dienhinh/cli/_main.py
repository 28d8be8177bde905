"""The ``dienhinh`` command: JSON in, JSON out.

Every subcommand prints its result on stdout (JSON, or a readable report where asked
with ``--text``) and exits 0 when it computed a result (also a ballot awaiting the
chair); ``--output FILE`` writes that result to FILE instead of stdout. Nothing else
is ever written. Exit statuses:

- 0 — done;
- 2 — invalid input or arguments: one line on stderr names the problem (never a
  traceback, never a usage block);
- 3 — a file could not be read or written (missing, a folder, not permitted, not UTF-8).

The subcommands live in small ``dienhinh.cli._*`` modules; each exposes
``register(subparsers)``. Every subcommand's ``--help`` says what it reads, what it
prints, and shows an example.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib
import io
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Final, NoReturn

from dienhinh._batch import batch
from dienhinh._errors import DienhinhError, UnreadableFileError, clip
from dienhinh._version import __version__
from dienhinh.cli._status import EXIT_INVALID, EXIT_UNREADABLE, MAX_LINE, CommandError, one_line

__all__ = ["main", "run"]

EPILOG: Final = """\
exit status: 0 done; 2 invalid input or arguments (one line on stderr);
3 a file could not be read or written."""


class _ArgumentError(Exception):
    """An argument the command line cannot parse (one line, exit 2)."""


class _Parser(argparse.ArgumentParser):
    """One line for a bad argument, not a usage block; help texts laid out as written."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(f"{self.prog}: error: {message} (see {self.prog} --help)")


MODULES: Final = ("_round", "_ballot", "_criteria", "_calendar", "_floors", "_schema", "_serve_cmd")
"""The modules of the subcommands (``dienhinh.cli._round`` …), in the order ``--help`` lists them."""

COMMANDS: Final = {
    "round": "_round", "demo": "_round", "ballot": "_ballot", "verify": "_ballot",
    "criteria": "_criteria", "assess": "_criteria", "window": "_calendar",
    "deadline": "_calendar", "calendar": "_calendar", "rulesets": "_calendar",
    "floors": "_floors", "schema": "_schema", "serve": "_serve_cmd",
}  # fmt: skip
"""Each subcommand and the module that registers it: a run imports only its command's module
(and what that imports), not every command's."""


def _deadline_names() -> str:
    from dienhinh.cli._calendar import deadline_names

    return deadline_names()


HELP: Final[dict[str, tuple[str, str]]] = {
    "demo": (
        "Runs the Tuyên Quang 2024 round shipped in the package (sample data, made up) through\n"
        "the same path as `dienhinh round`: the council's ballot stops at a tie for the last\n"
        "slot, the chair's choice finishes it. Reads nothing. Prints the readable report of both\n"
        "stages (Vietnamese, or English with --lang en), or with --json the final decision\n"
        "record (round-output schema). Writes no file unless asked (--output FILE).",
        "dienhinh demo --lang en",
    ),
    "round": (
        "Reads a round input document (round-input schema: `dienhinh schema round-input`):\n"
        "the ruleset, the council, nominations with their evidence, dossiers, ballots. Prints\n"
        "the decision record (round-output schema), or with --text vi|en the readable report.",
        "dienhinh round examples/rounds/small-tuyen-quang.json --text en",
    ),
    "ballot": (
        "Reads a ballot input document (ballot-input schema): the council, nominees, each\n"
        "member's approvals, and a ruleset id or the rule. Prints the ballot record\n"
        "(ballot-output schema), or with --text vi|en a readable account.",
        "dienhinh ballot examples/ballot/tie-at-last-slot.json",
    ),
    "verify": (
        "Reads a record printed by `dienhinh round`, `ballot` or `assess`, re-derives it from\n"
        "its own inputs and compares every key. Prints {verified, kind, digest}\n"
        "(verify-output schema); a record that does not re-derive exits 2 naming the key.",
        "dienhinh round examples/rounds/small-tuyen-quang.json --output r.json"
        " && dienhinh verify r.json",
    ),
    "assess": (
        "Reads one nominee document (nominee schema): kind, declared fields, dated evidence.\n"
        "Assesses it against the ruleset's criteria inside the achievement window (--on DATE,\n"
        "or --from DATE --to DATE). Prints the assessment record (assessment schema), or with\n"
        "--text vi|en a readable account: each criterion met, not met or unknown, and what to\n"
        "ask for.",
        "dienhinh assess --ruleset tuyen-quang-2023 --on 2024-12-20 examples/nominees/tq-ocop.json",
    ),
    "floors": (
        "Reads a floors input document (floors-input schema): the ruleset, the day, the units\n"
        "with their counts of the year. Prints each unit against each floor of its scope — met,\n"
        "short by how many, unknown, or ended — counting what each floor's document counts\n"
        "(A-10): introduced, recognised or propagated (floors-output schema).",
        "dienhinh floors examples/floors/bac-kan-2024.json",
    ),
    "criteria": (
        "Reads nothing. Prints a ruleset's criteria catalogue: every criterion with its rule\n"
        "id, citation, titles and parameters (criteria-output schema).",
        "dienhinh criteria --ruleset bac-kan-2021",
    ),
    "window": (
        "Reads nothing. Prints the achievement window for a consideration date under the\n"
        "ruleset's TQ-3.3 policy: first and last day, the reading used, the reasons\n"
        "(window-output schema).",
        "dienhinh window 2024-12-20 --ruleset tuyen-quang-2023",
    ),
    "deadline": (
        "Reads nothing. Judges a submission day or timestamp against one of the ruleset's\n"
        "deadlines, in Vietnam time. Prints the check: on time or late, the last day, the\n"
        "reasons (deadline-output schema). Deadline names by ruleset:\n{deadlines}",
        "dienhinh deadline --ruleset tuyen-quang-2023 --deadline dossier-submission"
        " --year 2024 --at 2024-10-29",
    ),
    "calendar": (
        "Reads nothing. Prints the year's deadlines and milestones of a ruleset, each with its\n"
        "day and provision (calendar-output schema); --ics FILE also writes them as iCalendar.",
        "dienhinh calendar --ruleset tuyen-quang-2023 --year 2024",
    ),
    "rulesets": (
        "Reads nothing. Prints the built-in rulesets: id, province, document, status (a draft\n"
        "is marked), dates (rulesets-output schema).",
        "dienhinh rulesets",
    ),
    "schema": (
        "Reads nothing. Prints the names of the JSON Schemas shipped with this version, one\n"
        "a line; with NAME, that schema (JSON).",
        "dienhinh schema round-output",
    ),
    "serve": (
        "Reads nothing but the ruleset files named with --ruleset FILE, at start. Prints only\n"
        "its log: it serves over HTTP every computation of the command line with the same JSON\n"
        "(POST /round, /ballot, /resolve, /assess, /verify, /window, /deadline, /floors; GET\n"
        "/rulesets, /calendar, /interpretations, /schemas/NAME), the OpenAPI 3.1 description at\n"
        "/openapi.json, the card page at / (/?demo runs the demo; its register view chooses the\n"
        "readings). Refusals are application/problem+json. Needs the extra:\n"
        "pip install 'dienhinh[serve]'. See docs/serve.md.",
        "dienhinh serve --port 8000 --cors https://cards.example.vn",
    ),
}
"""Each command's description (what it reads and prints) and one example."""

_LAZY: Final[dict[str, Callable[[], str]]] = {"deadlines": _deadline_names}


class _HelpParser(_Parser):
    """A subcommand's parser: its description may name things known only at run time."""

    def format_help(self) -> str:
        for key, make in _LAZY.items():
            if self.description and "{" + key + "}" in self.description:
                self.description = self.description.replace("{" + key + "}", make())
        return super().format_help()


def _modules(argv: Sequence[str] | None) -> list[ModuleType]:
    """The command modules a parse of ``argv`` needs: the named subcommand's only, when
    ``argv`` starts with one; else all of them (``--help``, ``--version``, a wrong command)."""
    first = argv[0] if argv else None
    names = [COMMANDS[first]] if isinstance(first, str) and first in COMMANDS else MODULES
    return [importlib.import_module(f"dienhinh.cli.{name}") for name in names]


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given ``argv``, with only the subcommand it names (the same
    parser for that subcommand: its options, help and errors are those of the whole one)."""
    parser = _Parser(
        prog="dienhinh",
        description="Recognition of advanced exemplars (điển hình tiên tiến) as citable rules.\n"
        "JSON in, JSON out; `dienhinh COMMAND --help` says what each command reads and prints.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"dienhinh {__version__}")
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_HelpParser
    )
    for module in _modules(argv):
        module.register(sub)
    for name, p in sub.choices.items():
        if name in HELP and not p.description:
            description, example = HELP[name]
            p.description = description
            p.epilog = f"example:\n  {example}\n\n{EPILOG}"
        if not any("--output" in a.option_strings for a in p._actions):
            p.add_argument(
                "--output",
                metavar="FILE",
                help="write the result to FILE instead of printing it",
            )
    return parser


@batch
def main(argv: Sequence[str] | None = None, *, keep: list[object] | None = None) -> int:
    """Run the command line; returns the exit status (0 done, 2 invalid, 3 unreadable file).

    ``keep``: where a command leaves what it made (a national record) instead of freeing it,
    when the process ends right after (:func:`run`); None (the default) frees it as usual.
    """
    if argv is None:
        argv = sys.argv[1:]
    parser = _parser(argv)
    try:
        args = parser.parse_args(argv)
    except _ArgumentError as exc:
        print(clip(" ".join(str(exc).split()), MAX_LINE), file=sys.stderr)
        return EXIT_INVALID
    args.keep = keep
    output: str | None = getattr(args, "output", None)
    stdout = sys.stdout
    buffer = io.StringIO()
    if output is not None:
        sys.stdout = buffer
    try:
        status: int = args.run(args)
        if output is not None:
            _write(output, buffer.getvalue())
    except UnreadableFileError as exc:
        return _fail(args.command, exc, EXIT_UNREADABLE)
    except (DienhinhError, CommandError) as exc:
        return _fail(args.command, exc, EXIT_INVALID)
    except BrokenPipeError:  # pragma: no cover - e.g. `dienhinh demo | head`
        return 0
    finally:
        sys.stdout = stdout
    return status


def run() -> NoReturn:
    """The ``dienhinh`` program (and ``python -m dienhinh``): :func:`main` on the process's
    arguments, then exit with its status.

    The cyclic collector stays off to the end: the command keeps what it makes until it exits
    (see :mod:`dienhinh._batch`), and turned back on after the command it would only scan it
    all once more before the process ends. The process then ends without the interpreter's
    finalization, which frees every module, class and object one by one (30–50 ms of
    ``dienhinh demo``'s 0.2 s), as mypy's does: its output flushed and the exit handlers run
    first, so nothing written or registered is lost (each file a command writes is closed as
    it is written). A command that made a national record (millions of objects) leaves it in
    ``keep``, so that it is not freed when the command returns either (0.15 s of a
    30,000-nomination round). With another thread still running, the process exits as Python
    does, waiting for it.
    """
    gc.disable()
    kept: list[object] = []
    status = main(keep=kept)
    if threading.active_count() == 1:
        _leave(status)
    sys.exit(status)


def _leave(status: int) -> NoReturn:
    """End the process now, what it holds left to the operating system to reclaim."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken stream
            stream.flush()
    atexit._run_exitfuncs()  # what Python runs at exit (coverage's data, a caller's hooks)
    os._exit(status)


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except IsADirectoryError:
        raise UnreadableFileError(path, "is a folder; cannot write the output there") from None
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot write the output ({exc.strerror})") from None


def _fail(command: str, exc: Exception, status: int) -> int:
    print(one_line(command, exc), file=sys.stderr)
    return status
