"""``dienhinh criteria`` (a ruleset's catalogue) and ``dienhinh assess`` (one nominee).

``assess`` takes the achievement window either from the consideration date
(``--on DATE``: the window of the ruleset's TQ-3.3 policy, computed by
:func:`dienhinh.calendar.achievement_window`) or explicitly (``--from DATE
--to DATE``, both days included). Readings are chosen with ``--read
A-n=READING`` (repeatable), as in the calendar commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from dienhinh._interpretations import Readings
from dienhinh.calendar import achievement_window
from dienhinh.calendar._time import parse_day
from dienhinh.cli._common import CommandError, add_read_option, emit, read_text
from dienhinh.cli._common import readings as readings_of
from dienhinh.criteria import assess
from dienhinh.io._json import named
from dienhinh.io._nominee import assessment_document, parse_nominee
from dienhinh.round._run import dossier_due
from dienhinh.rulesets import load_catalogue, load_ruleset


def register(sub: Any) -> None:
    c = sub.add_parser("criteria", help="list a ruleset's criteria catalogue (JSON)")
    c.add_argument(
        "--ruleset",
        required=True,
        metavar="ID|PATH",
        help="a built-in ruleset id or a ruleset file",
    )
    c.set_defaults(run=_criteria)

    a = sub.add_parser("assess", help="assess one nominee's evidence against a ruleset's criteria")
    a.add_argument(
        "path",
        metavar="FILE",
        help="a nominee JSON file (the nominee schema), or - for stdin",
    )
    a.add_argument(
        "--ruleset",
        required=True,
        metavar="ID|PATH",
        help="a built-in ruleset id or a ruleset file",
    )
    a.add_argument(
        "--on", metavar="DATE", help="the consideration date: the window is the ruleset's (TQ-3.3)"
    )
    a.add_argument("--from", dest="start", metavar="DATE", help="first day of an explicit window")
    a.add_argument("--to", dest="end", metavar="DATE", help="last day of an explicit window")
    a.add_argument(
        "--dossier-due",
        metavar="DATE",
        help="the last day the dossier could be handed in (A-27: an attestation stating no period, "
        "signed after the window opens and by this day, speaks for the window); with --on it is "
        "the ruleset's dossier-submission deadline, capped at DATE",
    )
    add_read_option(a)
    a.add_argument("--text", choices=("vi", "en"), metavar="vi|en",
                   help="print a readable account instead of JSON")  # fmt: skip
    a.set_defaults(run=_assess)


def _criteria(args: argparse.Namespace) -> int:

    return emit(load_catalogue(args.ruleset).listing())


def _date(text: str, option: str) -> dt.date:
    return parse_day(text, field=option)  # RFC 3339 full-date: no week dates, ASCII digits


def _window(args: argparse.Namespace, readings: Readings) -> tuple[dt.date, dt.date]:
    explicit = args.start is not None or args.end is not None
    if args.on is not None and explicit:
        raise CommandError("give either --on DATE or --from DATE --to DATE, not both")
    if args.on is not None:
        w = achievement_window(
            load_ruleset(args.ruleset), _date(args.on, "--on"), readings=readings
        )
        return w.start, w.end
    if args.start is None or args.end is None:
        raise CommandError("the window is needed: --on DATE, or both --from DATE and --to DATE")
    return _date(args.start, "--from"), _date(args.end, "--to")


def _assess(args: argparse.Namespace) -> int:

    readings = readings_of(args)
    ruleset = load_ruleset(args.ruleset)
    catalogue = load_catalogue(args.ruleset) if ruleset.catalogue is None else ruleset.catalogue
    window = _window(args, readings)
    due = None if args.dossier_due is None else _date(args.dossier_due, "--dossier-due")
    if due is None and args.on is not None:
        due = dossier_due(ruleset, _date(args.on, "--on"), readings=readings)
    text, source = read_text(args.path)
    with named(source):  # a nominee the catalogue refuses is a problem of this input
        nominee = parse_nominee(text, source=source)
        result = assess(nominee, catalogue, window=window, readings=readings, dossier_due=due)
    if args.text:
        print(result.render(args.text), end="")
        return 0
    return emit(assessment_document(result, ruleset))
