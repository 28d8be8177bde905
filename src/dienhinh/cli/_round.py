"""``dienhinh round``: a whole recognition round from a JSON document; ``dienhinh demo``: the sample round.

``dienhinh demo`` runs the Tuyên Quang 2024 round shipped in the package
(``dienhinh/data/demo-tuyen-quang-2024.json``, made by
``examples/make_demo_data.py``): the round stops at a tie for the last slot,
the chair's choice (``demo-tuyen-quang-2024.chair.json``) finishes it, and the
report shows both stages. It writes the decision JSON to ``--json PATH``
(default ``dienhinh-demo.json``) and says where in the report's last line;
``--json -`` prints the decision JSON (one line) instead of the report.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from dienhinh._canonical import plain
from dienhinh.cli._common import CommandError, emit, read_text
from dienhinh.io._json import parse_json
from dienhinh.io._round import parse_round
from dienhinh.report._text import json_written, render_report
from dienhinh.round._run import resolve_round, run_round

if TYPE_CHECKING:
    from dienhinh.round._inputs import RoundInputs
    from dienhinh.round._run import RoundDecision

DEMO_ROUND: Final = "demo-tuyen-quang-2024.json"
DEMO_CHAIR: Final = "demo-tuyen-quang-2024.chair.json"
DEMO_JSON: Final = "dienhinh-demo.json"


def register(sub: Any) -> None:
    p = sub.add_parser("round", help="run a council's recognition round (JSON in, JSON out)")
    p.add_argument("path", metavar="FILE", help="a round input JSON file, or - for stdin")
    p.set_defaults(run=_round)
    d = sub.add_parser(
        "demo",
        help="run a realistic Tuyên Quang round (sample data in the package) and print its report",
    )
    d.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="the report's language (default vi)"
    )
    d.add_argument(
        "--json", metavar="PATH", default=DEMO_JSON,
        help=f"where to write the decision JSON (default {DEMO_JSON}); - prints it instead of the report",
    )  # fmt: skip
    d.set_defaults(run=_demo)


def _round(args: argparse.Namespace) -> int:

    text, source = read_text(args.path)
    base = None if args.path == "-" else Path(args.path).resolve().parent
    return emit(run_round(parse_round(text, source=source, base=base)).to_json())


def _demo_inputs() -> tuple[RoundInputs, list[str]]:
    """The shipped round (without the chair's choice) and the chair's choice, kept apart."""

    data = files("dienhinh").joinpath("data")
    text = data.joinpath(DEMO_ROUND).read_text(encoding="utf-8")
    inputs = parse_round(text, source=f"dienhinh/data/{DEMO_ROUND}")
    chair = parse_json(data.joinpath(DEMO_CHAIR).read_text(encoding="utf-8"), source=DEMO_CHAIR)
    return inputs, chair["chair_choice"]


def demo_round() -> tuple[RoundDecision, RoundDecision]:
    """The demo round as the council left it (awaiting the chair) and once the chair chose."""

    inputs, choice = _demo_inputs()
    first = run_round(inputs)
    if not first.ballot.open_ties:
        return first, first
    return first, resolve_round(first, choice)


def demo_decision() -> RoundDecision:
    """The demo's final decision in one run: the record :func:`demo_round` ends with.

    :func:`~dienhinh.resolve_round` re-runs the round with the chair's choice; with nothing to
    show of the stage before it (``--json -``), the choice is given up front.
    """
    inputs, choice = _demo_inputs()
    return run_round(attrs.evolve(inputs, chair_choice=choice))


def _demo(args: argparse.Namespace) -> int:

    if args.json == "-":
        # One line, by the C encoder: indenting makes json use its Python encoder, several
        # times slower on a record this size (~0.3 MB). Pipe it to `jq` to read it.
        doc = demo_decision().to_json()
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, default=plain) + "\n")
        return 0
    awaiting, decision = demo_round()
    path = Path(args.json)
    text = json.dumps(plain(decision.to_json()), ensure_ascii=False, indent=2) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"{path}: cannot write the decision JSON ({exc.strerror})") from None
    report = render_report(decision, lang=args.lang, awaiting=awaiting)
    sys.stdout.write(report + json_written(str(path.resolve()), lang=args.lang) + "\n")
    return 0
