"""``dienhinh serve``'s options; the server itself (:mod:`dienhinh.cli._serve`) loads only to run.

Registering the subcommand imports nothing of the ``serve`` extra: starlette and
uvicorn are imported when ``dienhinh serve`` runs, and their absence is one line
naming the extra to install.
"""

from __future__ import annotations

import argparse
from typing import Any

from dienhinh._errors import InvalidValueError, MissingExtraError


def _positive(kind: type[int] | type[float]) -> Any:
    def convert(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text!r} is not positive")
        return value

    return convert


def register(sub: Any) -> None:
    s = sub.add_parser(
        "serve",
        help="serve every computation over HTTP as JSON, and the card page (needs dienhinh[serve])",
    )
    s.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)"
    )
    s.add_argument(
        "--port", type=int, default=8000, help="the port (default 8000; 0 picks a free one)"
    )
    s.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                   help="allow cross-origin requests from ORIGIN (repeatable); off by default")  # fmt: skip
    s.add_argument("--ruleset", action="append", default=[], metavar="FILE",
                   help="also serve the ruleset in FILE, by its id (repeatable)")  # fmt: skip
    s.add_argument("--max-body", type=_positive(int), default=4 * 1024 * 1024, metavar="BYTES",
                   help="the largest request body accepted (default 4 MiB)")  # fmt: skip
    s.add_argument("--time-limit", type=_positive(float), default=30.0, metavar="SECONDS",
                   help="the longest a computation may take (default 30)")  # fmt: skip
    s.add_argument("--forwarded-allow-ips", default="127.0.0.1", metavar="IPS",
                   help="proxies trusted for X-Forwarded-* headers (default 127.0.0.1)")  # fmt: skip
    s.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"))  # fmt: skip
    s.set_defaults(run=_serve)


def _serve(args: argparse.Namespace) -> int:
    for origin in args.cors:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise InvalidValueError(
                "is not an origin", field="--cors", value=origin,
                allowed="scheme://host[:port], e.g. https://cards.example.vn, or *",
            )  # fmt: skip
    try:
        from dienhinh.cli import _serve
    except ImportError as exc:
        if exc.name not in ("starlette", "uvicorn", "anyio") and not (exc.name or "").startswith(
            ("starlette.", "uvicorn.", "anyio.")
        ):
            raise
        raise MissingExtraError("dienhinh serve", "serve", exc.name or "starlette") from None
    return _serve.run(args)
