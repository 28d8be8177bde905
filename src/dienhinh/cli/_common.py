"""What every subcommand shares: reading input strictly, argument types, writing JSON, the exit
statuses, the one error line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from dienhinh._errors import (
    DienhinhError,
    InvalidValueError,
    UnreadableFileError,
)
from dienhinh._interpretations import Readings
from dienhinh._text import ascii_integer, utf8_error
from dienhinh.cli._status import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    MAX_LINE,
    CommandError,
    one_line,
)
from dienhinh.io._json import parse_json
from dienhinh.io._public import read_text as _read_source
from dienhinh.io._write import write_indented

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "LANGUAGES",
    "MAX_INPUT",
    "MAX_LINE",
    "READ_HELP",
    "CommandError",
    "add_read_option",
    "chosen_readings",
    "emit",
    "keep",
    "one_line",
    "read_text",
    "readings",
    "with_readings",
    "year",
]

LANGUAGES: Final = ("vi", "en")
"""The languages of ``--text`` and ``--lang``: :data:`dienhinh.report.LANGUAGES` (a test keeps
them equal), named here so that a command printing JSON never imports the report."""

MAX_INPUT: Final = 64 * 1024 * 1024
"""The most bytes read from standard input: a round of thousands of nominations is a few MB."""


def read_text(path: str) -> tuple[str, str]:
    """The text of ``path`` (``-`` reads standard input) and a name for messages.

    A file that cannot be read is an :class:`~dienhinh.UnreadableFileError` (exit 3).
    """
    if path == "-":
        return _stdin(), "<stdin>"
    text, source, _ = _read_source(Path(path), name=path)
    return text, source


def _stdin() -> str:
    """Standard input decoded as strict UTF-8, as a file is: invalid bytes are refused with
    their line and column (exit 3, like a file that is not UTF-8), never replaced."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(MAX_INPUT + 1)
    else:  # a text stream put in its place (a test, an embedding program)
        data = sys.stdin.read(MAX_INPUT + 1).encode("utf-8", "surrogatepass")
    if len(data) > MAX_INPUT:
        raise UnreadableFileError("<stdin>", f"larger than {MAX_INPUT // 2**20} MB; not read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFileError("<stdin>", utf8_error(data, exc)) from None


READ_HELP: Final = (
    "choose a reading of the interpretation register (docs/interpretations.md), e.g. "
    "A-1=inclusive; repeatable, each interpretation once"
)


def add_read_option(p: argparse.ArgumentParser, *, help: str = READ_HELP) -> None:
    """``--read A-n=READING`` (repeatable): the one way every command chooses a reading."""
    p.add_argument("--read", action="append", default=[], metavar="A-n=READING", help=help)


def chosen_readings(args: argparse.Namespace) -> dict[str, str]:
    """The ``--read`` choices as given (``{"A-1": "inclusive"}``), checked against the register.

    A choice that is not ``A-n=READING``, an interpretation chosen twice, an unknown id or a
    reading the register does not have is an :class:`~dienhinh.InvalidValueError` (exit 2).
    """
    chosen: dict[str, str] = {}
    for item in getattr(args, "read", None) or []:
        key, sep, value = (part.strip() for part in item.partition("="))
        if not sep or not key or not value:
            raise InvalidValueError(
                "is not an interpretation and a reading", field="--read", value=item,
                allowed="A-n=READING, e.g. A-1=inclusive",
            )  # fmt: skip
        if key in chosen:
            raise InvalidValueError("chooses a reading twice", field="--read", value=item)
        chosen[key] = value
    Readings(chosen)  # an unknown id or reading is refused here, before any input is read
    return chosen


def readings(args: argparse.Namespace, **shorthand: str | None) -> Readings:
    """The readings of ``--read`` with a command's shorthands (``--policy`` = A-3, …) added;
    a shorthand that contradicts a ``--read`` is an error naming both."""
    chosen = chosen_readings(args)
    for key, value in shorthand.items():
        if value is None:
            continue
        if key in chosen and chosen[key] != value:
            raise InvalidValueError(
                f"contradicts --read {key}={chosen[key]}", field=key, value=value
            )
        chosen[key] = value
    return Readings(chosen)


def with_readings(text: str, source: str, args: argparse.Namespace) -> str | Mapping[str, Any]:
    """An input document with the ``--read`` choices merged into its ``readings``.

    Without ``--read`` the text is returned untouched. A document that chooses another reading
    of the same interpretation is refused, naming both; a document whose ``readings`` is not
    an object is left to its reader to report.
    """
    chosen = chosen_readings(args)
    if not chosen:
        return text
    doc: object = parse_json(text, source=source)
    if not isinstance(doc, dict):
        return text  # the reader reports what it is
    given = doc.get("readings", {})
    if not isinstance(given, dict):
        return text
    for key, value in chosen.items():
        if key in given and given[key] != value:
            raise InvalidValueError(
                f"contradicts the document's readings[{key!r}]={given[key]!r} ({source})",
                field="--read", value=f"{key}={value}",
            )  # fmt: skip
    return {**doc, "readings": {**given, **chosen}}


def year(text: str) -> int:
    """An ``argparse`` type: a year in ASCII digits (``２０２４`` is refused, not read as 2024).

    The message echoes at most a short part of the value (argparse would echo it whole).
    """
    try:
        return ascii_integer(text, field="--year", allowed="a year in ASCII digits, e.g. 2024")
    except DienhinhError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--year=")) from None


def keep(args: argparse.Namespace, *made: object) -> None:
    """Leave what a command made to the process's end, where ``run`` asks for it (``keep``):
    a national record is millions of objects, which the operating system reclaims at once."""
    kept: list[object] | None = getattr(args, "keep", None)
    if kept is not None:
        kept.extend(made)


def emit(value: Any) -> int:
    """Print ``value`` as indented JSON (UTF-8, Vietnamese as is) and return exit status 0.

    The text goes in pieces (a national record is hundreds of MB), already encoded, to the
    binary stream under stdout: JSON is UTF-8 whatever the terminal's encoding (RFC 8259,
    8.1). A stdout with no binary stream under it (``--output``'s buffer) takes the text.
    """
    out = sys.stdout
    binary = getattr(out, "buffer", None)
    if binary is None:
        write_indented(value, lambda piece: out.write(piece.decode()))
        out.write("\n")
        return 0
    out.flush()  # what was printed before comes first
    write_indented(value, binary.write)
    binary.write(b"\n")
    binary.flush()
    return 0
