"""``dienhinh round``: a whole recognition round from a JSON document; ``dienhinh demo``: the sample round.

``dienhinh demo`` runs the Tuyên Quang 2024 round shipped in the package
(:func:`dienhinh.io.demo`; the data in ``dienhinh/data/``, made by
``examples/make_demo_data.py``) through the same path as ``dienhinh round``: the
round stops at a tie for the last slot, the chair's choice finishes it, and the
report (:func:`dienhinh.report.render_report`) shows both stages. It writes no
file unless asked: ``--json`` prints the decision JSON (one line) instead of the
report, ``--json PATH`` writes it to PATH and says so in the report's last line,
``--output FILE`` writes what would be printed to FILE.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from dienhinh._canonical import plain
from dienhinh._interpretations import Readings
from dienhinh.cli._common import (
    LANGUAGES,
    add_read_option,
    chosen_readings,
    emit,
    keep,
    read_text,
    with_readings,
)
from dienhinh.io._json import named
from dienhinh.io._public import DEMO_CHAIR, DEMO_ROUND, demo, record_tree, write_record
from dienhinh.io._round import parse_round
from dienhinh.round._inputs import RoundInputs
from dienhinh.round._run import RoundDecision, run_round
from dienhinh.rulesets import load_ruleset

__all__ = ["DEMO_CHAIR", "DEMO_ROUND", "demo_decision", "demo_round", "register"]

DEMO_JSON: Final = "dienhinh-demo.json"
"""The name the demo's decision JSON had when it was written unasked (kept for old scripts)."""


def register(sub: Any) -> None:
    p = sub.add_parser("round", help="run a council's recognition round (JSON in, JSON out)")
    p.add_argument("path", metavar="FILE", help="a round input JSON file, or - for stdin")
    p.add_argument(
        "--ruleset", metavar="ID|PATH",
        help="the ruleset the document names, given as a built-in id or a ruleset file",
    )  # fmt: skip
    p.add_argument(
        "--text", choices=LANGUAGES, metavar="vi|en", help="print the readable report instead"
    )
    add_read_option(
        p,
        help="choose a reading (docs/interpretations.md), merged with the document's "
        "`readings`: a contradiction is an error; repeatable",
    )
    p.set_defaults(run=_round)
    d = sub.add_parser(
        "demo",
        help="run a realistic Tuyên Quang round (sample data in the package) and print its report",
    )
    d.add_argument(
        "--lang", choices=LANGUAGES, default="vi", help="the report's language (default vi)"
    )
    d.add_argument(
        "--json", metavar="PATH", nargs="?", const="-",
        help="print the decision JSON instead of the report (--json or --json -), "
        "or write it to PATH as well as printing the report",
    )  # fmt: skip
    add_read_option(
        d,
        help="run the demo under another reading (docs/interpretations.md); repeatable. The "
        "chair's shipped choice is kept only where the tie it decides is still the same",
    )
    d.set_defaults(run=_demo)


def _round(args: argparse.Namespace) -> int:
    text, source = read_text(args.path)
    ruleset = None if args.ruleset is None else load_ruleset(args.ruleset)
    document = with_readings(text, source, args)
    with named(source):  # a round the checks refuse is a problem of this input
        decision = run_round(parse_round(document, source=source, ruleset=ruleset))
    if args.text:
        from dienhinh.cli._report import render_report  # only for the text, not JSON

        sys.stdout.write(render_report(decision, lang=args.text))
        return 0
    tree = record_tree(decision)
    status = emit(tree)
    keep(args, decision, tree)
    return status


def _demo_inputs(chair: bool, readings: Mapping[str, str]) -> RoundInputs:
    inputs = demo(chair=chair)
    if not readings:
        return inputs
    return attrs.evolve(inputs, readings=Readings({**inputs.readings.choices, **readings}))


def demo_round(
    readings: Mapping[str, str] | None = None,
) -> tuple[RoundDecision, RoundDecision]:
    """The demo round as the council left it (awaiting the chair) and once the chair chose.

    Under other ``readings`` (``{"A-7": "excluded"}``) the shipped chair's choice is applied
    only if the council's tie is still the one it decides; otherwise both records are the
    round awaiting the chair (or final, when no tie is left).
    """
    chosen = dict(readings or {})
    awaiting = run_round(_demo_inputs(False, chosen))
    if not awaiting.ballot.open_ties:
        return awaiting, awaiting
    shipped = run_round(demo(chair=False))
    if chosen and _ties(awaiting) != _ties(shipped):
        return awaiting, awaiting
    return awaiting, run_round(_demo_inputs(True, chosen))


def _ties(decision: RoundDecision) -> object:
    return plain([t.to_json() for t in decision.ballot.open_ties])


def demo_decision(readings: Mapping[str, str] | None = None) -> RoundDecision:
    """The demo's final decision in one run: the record :func:`demo_round` ends with."""
    if not readings:
        return run_round(demo())
    return demo_round(readings)[1]


def _demo(args: argparse.Namespace) -> int:
    chosen = chosen_readings(args)
    if args.json == "-":
        # One line, by the C encoder: indenting makes json use its Python encoder, several
        # times slower on a record this size (~0.3 MB). Pipe it to `jq` to read it.
        doc = demo_decision(chosen).to_json()
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, default=plain) + "\n")
        return 0
    from dienhinh.cli._report import json_written, render_report

    awaiting, decision = demo_round(chosen)
    written = ""
    if args.json is not None:
        path = Path(args.json)
        write_record(decision, path)
        written = json_written(str(path.resolve()), lang=args.lang)
    report = render_report(decision, lang=args.lang, awaiting=awaiting)
    sys.stdout.write(report + (written + "\n" if written else ""))
    return 0
