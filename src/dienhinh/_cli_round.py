"""``dienhinh round``: a whole recognition round from a JSON document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dienhinh._cli_common import emit, read_text


def register(sub: Any) -> None:
    p = sub.add_parser("round", help="run a council's recognition round (JSON in, JSON out)")
    p.add_argument("path", metavar="FILE", help="a round input JSON file, or - for stdin")
    p.set_defaults(run=_round)


def _round(args: argparse.Namespace) -> int:
    from dienhinh._round import run_round
    from dienhinh._round_json import parse_round

    text, source = read_text(args.path)
    base = None if args.path == "-" else Path(args.path).resolve().parent
    return emit(run_round(parse_round(text, source=source, base=base)).to_json())
