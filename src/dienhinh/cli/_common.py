"""What every subcommand shares: reading input, writing JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from dienhinh._canonical import plain

__all__ = ["CommandError", "emit", "read_text"]


class CommandError(Exception):
    """A problem outside the domain (an unreadable file): still one line, exit 2."""


def read_text(path: str) -> tuple[str, str]:
    """The text of ``path`` (``-`` reads standard input) and a name for messages."""
    if path == "-":
        return sys.stdin.read(), "<stdin>"
    try:
        return Path(path).read_text(encoding="utf-8"), path
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror})") from None


def emit(value: Any) -> int:
    """Print ``value`` as indented JSON (UTF-8, Vietnamese as is) and return exit status 0."""
    sys.stdout.write(json.dumps(plain(value), ensure_ascii=False, indent=2) + "\n")
    return 0
