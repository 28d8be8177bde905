"""The exit statuses and the one error line of every command: all the command line's entry
point needs before it knows which command runs (so that ``import dienhinh.cli`` loads no
command, and a command's modules load inside :func:`~dienhinh.cli.main`)."""

from __future__ import annotations

from typing import Final

from dienhinh._errors import InvalidInputError, clip

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_UNREADABLE", "MAX_LINE", "CommandError", "one_line"]

EXIT_OK: Final = 0
"""A result was computed and printed (also a ballot or round awaiting the chair)."""
EXIT_INVALID: Final = 2
"""Invalid input or arguments: one line on stderr names the problem."""
EXIT_UNREADABLE: Final = 3
"""A file could not be read or written (missing, a folder, not permitted, not UTF-8)."""

MAX_LINE: Final = 299
"""The longest error line a command prints (characters)."""


class CommandError(Exception):
    """A problem with the command's arguments (outside the domain): one line, exit 2."""


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
