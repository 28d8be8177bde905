"""``dienhinh floors``: each unit against its ruleset's floors, without a round (issue 9)."""

from __future__ import annotations

import argparse
from typing import Any

from dienhinh.cli._common import add_read_option, emit, read_text, with_readings
from dienhinh.io._floors import floors_document, parse_floors, run_floors
from dienhinh.rulesets import load_ruleset


def register(sub: Any) -> None:
    p = sub.add_parser("floors", help="check units against a ruleset's floors (JSON in, JSON out)")
    p.add_argument("path", metavar="FILE", help="a floors input JSON file, or - for stdin")
    p.add_argument(
        "--ruleset", metavar="ID|PATH",
        help="the ruleset the document names, given as a built-in id or a ruleset file",
    )  # fmt: skip
    add_read_option(
        p,
        help="choose a reading (docs/interpretations.md), merged with the document's "
        "`readings`: a contradiction is an error; repeatable",
    )
    p.set_defaults(run=_floors)


def _floors(args: argparse.Namespace) -> int:
    text, source = read_text(args.path)
    ruleset = None if args.ruleset is None else load_ruleset(args.ruleset)
    inputs = parse_floors(with_readings(text, source, args), source=source, ruleset=ruleset)
    return emit(floors_document(inputs, run_floors(inputs)))
