"""What every subcommand shares: reading input, writing JSON, the exit statuses."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Final

from dienhinh._canonical import indented_json
from dienhinh.io._public import read_text as _read_source

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "CommandError",
    "emit",
    "read_text",
]

EXIT_OK: Final = 0
"""A result was computed and printed (also a ballot or round awaiting the chair)."""
EXIT_INVALID: Final = 2
"""Invalid input or arguments: one line on stderr names the problem."""
EXIT_UNREADABLE: Final = 3
"""A file could not be read or written (missing, a folder, not permitted, not UTF-8)."""


class CommandError(Exception):
    """A problem with the command's arguments (outside the domain): one line, exit 2."""


def read_text(path: str) -> tuple[str, str]:
    """The text of ``path`` (``-`` reads standard input) and a name for messages.

    A file that cannot be read is an :class:`~dienhinh.UnreadableFileError` (exit 3).
    """
    if path == "-":
        return sys.stdin.read(), "<stdin>"
    text, source, _ = _read_source(Path(path), name=path)
    return text, source


def emit(value: Any) -> int:
    """Print ``value`` as indented JSON (UTF-8, Vietnamese as is) and return exit status 0."""
    sys.stdout.write(indented_json(value) + "\n")
    return 0
