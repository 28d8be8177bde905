"""The ``dienhinh`` command: JSON in, JSON out.

Every subcommand prints JSON on stdout and exits 0 when it computed a result
(also a ballot awaiting the chair); any invalid input exits 2 with one line on
stderr naming the problem — never a traceback. The subcommands live in small
``dienhinh.cli._*`` modules; each exposes ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dienhinh._errors import DienhinhError
from dienhinh._version import __version__
from dienhinh.cli import _ballot, _calendar, _criteria, _round
from dienhinh.cli._common import CommandError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:

    parser = argparse.ArgumentParser(
        prog="dienhinh",
        description="Recognition of advanced exemplars (điển hình tiên tiến) as citable rules.",
    )
    parser.add_argument("--version", action="version", version=f"dienhinh {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (_ballot, _calendar, _criteria, _round):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 done, 2 invalid input)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except (DienhinhError, CommandError) as exc:
        message = " ".join(str(exc).split())
        print(f"dienhinh {args.command}: error: {message}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `dienhinh demo | head`
        return 0
    return status
