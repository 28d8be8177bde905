"""``dienhinh ballot`` and ``dienhinh verify``."""

from __future__ import annotations

import argparse
from typing import Any

from dienhinh._cli_common import emit, read_text


def register(sub: Any) -> None:
    p = sub.add_parser("ballot", help="count a council's ballot (JSON in, JSON out)")
    p.add_argument("path", metavar="PATH", help="a ballot input JSON file, or - for stdin")
    p.set_defaults(run=_ballot)
    v = sub.add_parser("verify", help="re-derive a decision record and check its digest")
    v.add_argument("path", metavar="PATH", help="a record printed by dienhinh, or - for stdin")
    v.set_defaults(run=_verify)


def _ballot(args: argparse.Namespace) -> int:
    from dienhinh._ruleset_load import ballot_parameters
    from dienhinh.voting import count
    from dienhinh.voting._json import ballot_document, parse_ballot

    text, source = read_text(args.path)
    return emit(ballot_document(count(parse_ballot(text, source=source, ruleset=ballot_parameters))))


def _verify(args: argparse.Namespace) -> int:
    from dienhinh._verify import verify_document

    text, source = read_text(args.path)
    return emit(verify_document(text, source=source))
