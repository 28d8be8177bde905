"""``dienhinh schema [NAME]``: the JSON Schemas shipped with this version."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from dienhinh.io import schema_names, schema_text


def register(sub: Any) -> None:
    p = sub.add_parser("schema", help="list the shipped JSON Schemas, or print one")
    p.add_argument(
        "name", metavar="NAME", nargs="?", help="a schema name, e.g. round-input; omit to list them"
    )
    p.set_defaults(run=_schema)


def _schema(args: argparse.Namespace) -> int:
    if args.name is None:
        sys.stdout.write("".join(f"{n}\n" for n in schema_names()))
        return 0
    text = schema_text(args.name)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
