"""What every subcommand shares: reading input strictly, argument types, writing JSON, the exit
statuses, the one error line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Final

from dienhinh._canonical import indented_json
from dienhinh._errors import DienhinhError, InvalidInputError, UnreadableFileError, clip
from dienhinh._text import ascii_integer, utf8_error
from dienhinh.io._public import read_text as _read_source

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "MAX_INPUT",
    "MAX_LINE",
    "CommandError",
    "emit",
    "one_line",
    "read_text",
    "year",
]

EXIT_OK: Final = 0
"""A result was computed and printed (also a ballot or round awaiting the chair)."""
EXIT_INVALID: Final = 2
"""Invalid input or arguments: one line on stderr names the problem."""
EXIT_UNREADABLE: Final = 3
"""A file could not be read or written (missing, a folder, not permitted, not UTF-8)."""

MAX_LINE: Final = 299
"""The longest error line a command prints (characters)."""

MAX_INPUT: Final = 64 * 1024 * 1024
"""The most bytes read from standard input: a round of thousands of nominations is a few MB."""


class CommandError(Exception):
    """A problem with the command's arguments (outside the domain): one line, exit 2."""


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


def year(text: str) -> int:
    """An ``argparse`` type: a year in ASCII digits (``２０２４`` is refused, not read as 2024).

    The message echoes at most a short part of the value (argparse would echo it whole).
    """
    try:
        return ascii_integer(text, field="--year", allowed="a year in ASCII digits, e.g. 2024")
    except DienhinhError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--year=")) from None


def emit(value: Any) -> int:
    """Print ``value`` as indented JSON (UTF-8, Vietnamese as is) and return exit status 0."""
    sys.stdout.write(indented_json(value) + "\n")
    return 0


def one_line(command: str, exc: BaseException) -> str:
    """The one error line of ``dienhinh COMMAND``, whitespace folded, at most :data:`MAX_LINE`
    characters: a document's every problem when they fit, else its first and how many more."""
    head = f"dienhinh {command}: error: "
    text = " ".join(str(exc).split())
    long = len(head) + len(text) > MAX_LINE
    if long and isinstance(exc, InvalidInputError) and len(exc.problems) > 1:
        first = " ".join(str(exc.problems[0]).split())
        text = f"{exc.summary}: {first} (and {len(exc.problems) - 1} more)"
    if not text.isprintable():  # a control or bidi character of a file name: shown escaped
        text = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return clip(head + text, MAX_LINE)
