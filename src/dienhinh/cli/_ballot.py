"""``dienhinh ballot`` and ``dienhinh verify``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any

from dienhinh._errors import InvalidValueError
from dienhinh.calendar._time import parse_day
from dienhinh.cli._common import (
    LANGUAGES,
    add_read_option,
    chosen_readings,
    emit,
    read_text,
    with_readings,
)
from dienhinh.criteria import Assessment
from dienhinh.io._ballot import ballot_document, parse_ballot
from dienhinh.io._json import named, parse_json
from dienhinh.io._public import read_record, record_document
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
        "--decided-on",
        metavar="DATE",
        help="the decision date, YYYY-MM-DD (the document's `decided_on`; a different one is an "
        "error): it tests the ruleset's period of effect (A-32) and picks a borrowed national "
        "ballot rule (A-34)",
    )
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
    document = with_decided_on(with_readings(text, source, args), source, args.decided_on)
    with named(source):  # a ballot the count refuses is a problem of this input
        result = count(parse_ballot(document, source=source, ruleset=lookup))
    if args.text:
        from dienhinh.cli._report import render_report  # only for the text, not JSON

        sys.stdout.write(render_report(result, lang=args.text))
        return 0
    return emit(ballot_document(result, given))


def with_decided_on(
    document: str | Mapping[str, Any], source: str, given: str | None
) -> str | Mapping[str, Any]:
    """The ballot document with ``--decided-on`` as its ``decided_on``: the same day as the
    document's, or the document's when it gives none; another day is an error naming both."""
    if given is None:
        return document
    day = parse_day(given, field="--decided-on").isoformat()
    doc = parse_json(document, source=source) if isinstance(document, str) else document
    if not isinstance(doc, Mapping):
        return document  # the reader reports what it is
    stated = doc.get("decided_on")
    if stated is not None and stated != day:
        raise InvalidValueError(
            f"contradicts the document's decided_on={stated!r} ({source})",
            field="--decided-on", value=day,
        )  # fmt: skip
    return {**doc, "decided_on": day}


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
