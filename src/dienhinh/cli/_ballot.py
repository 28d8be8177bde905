"""``dienhinh ballot`` and ``dienhinh verify``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from dienhinh._errors import InvalidValueError
from dienhinh.cli._common import add_read_option, chosen_readings, emit, read_text, with_readings
from dienhinh.criteria import Assessment
from dienhinh.io._ballot import ballot_document, parse_ballot
from dienhinh.io._json import named
from dienhinh.io._public import read_record, record_document
from dienhinh.report import LANGUAGES, render_report
from dienhinh.rulesets import load_ruleset
from dienhinh.rulesets._load import ballot_lookup, ballot_parameters
from dienhinh.voting import count


def register(sub: Any) -> None:
    p = sub.add_parser("ballot", help="count a council's ballot (JSON in, JSON out)")
    p.add_argument("path", metavar="PATH", help="a ballot input JSON file, or - for stdin")
    p.add_argument(
        "--ruleset", metavar="ID|PATH",
        help="the ruleset the document names, given as a built-in id or a ruleset file",
    )  # fmt: skip
    p.add_argument(
        "--text", choices=LANGUAGES, metavar="vi|en", help="print a readable account instead"
    )
    add_read_option(
        p,
        help="choose a reading (docs/interpretations.md), merged with the document's "
        "`readings`: a contradiction is an error; repeatable",
    )
    p.set_defaults(run=_ballot)
    v = sub.add_parser("verify", help="re-derive a decision record and check its digest")
    v.add_argument("path", metavar="PATH", help="a record printed by dienhinh, or - for stdin")
    v.add_argument(
        "--ruleset", metavar="ID|PATH",
        help="the ruleset file the record was made under, when it is not a built-in one",
    )  # fmt: skip
    add_read_option(
        v,
        help="also check that the record was made under this reading (a record states its "
        "readings and is never re-read under others): one it contradicts exits 2; repeatable",
    )
    v.set_defaults(run=_verify)


def _ballot(args: argparse.Namespace) -> int:
    text, source = read_text(args.path)
    given = None if args.ruleset is None else load_ruleset(args.ruleset)
    lookup = ballot_parameters if given is None else ballot_lookup(given)
    document = with_readings(text, source, args)
    with named(source):  # a ballot the count refuses is a problem of this input
        result = count(parse_ballot(document, source=source, ruleset=lookup))
    if args.text:
        sys.stdout.write(render_report(result, lang=args.text))
        return 0
    return emit(ballot_document(result, given))


def _verify(args: argparse.Namespace) -> int:

    expected = chosen_readings(args)
    text, source = read_text(args.path)
    ruleset = None if args.ruleset is None else load_ruleset(args.ruleset)
    record = read_record(text, name=source, ruleset=ruleset)
    fresh = record_document(record, ruleset)
    made = record.readings if isinstance(record, Assessment) else record.inputs.readings
    for key, reading in expected.items():
        if made[key] != reading:
            raise InvalidValueError(
                f"contradicts the record, made under {key}={made[key]} ({source})",
                field="--read", value=f"{key}={reading}",
            )  # fmt: skip
    return emit({"verified": True, "kind": fresh["kind"], "digest": fresh["digest"]})
