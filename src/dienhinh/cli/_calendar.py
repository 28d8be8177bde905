"""``dienhinh window``, ``dienhinh deadline``, ``dienhinh calendar`` and ``dienhinh rulesets``.

Every reading can be chosen with ``--read A-n=READING`` (repeatable); the
shorthands ``--policy`` (A-3), ``--reading`` (A-1) and ``--roll-over`` (A-17)
say the same and may not contradict it. Dates are ``YYYY-MM-DD``; ``--at``
also takes a timestamp with its UTC offset (``2024-10-29T18:30:00Z``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dienhinh.calendar import achievement_window, check_deadline, year_schedule
from dienhinh.calendar._time import parse_day, parse_moment
from dienhinh.cli._common import CommandError, add_read_option, emit, year
from dienhinh.cli._common import readings as readings_of
from dienhinh.rulesets import builtin_rulesets, load_ruleset

DEFAULT_RULESET = "tuyen-quang-2023"


def deadline_names() -> str:
    """The deadlines of each built-in ruleset, one ruleset a line (``dienhinh deadline --help``)."""
    lines = []
    for rid in builtin_rulesets():
        names = [d.name for d in load_ruleset(rid).deadlines]
        lines.append(f"  {rid}: {', '.join(names) if names else '(none)'}")
    return "\n".join(lines)


def register(sub: Any) -> None:
    w = sub.add_parser("window", help="the achievement window for a consideration date (TQ-3.3)")
    w.add_argument("date", metavar="DATE", help="the consideration date, YYYY-MM-DD")
    w.add_argument(
        "--ruleset",
        default=DEFAULT_RULESET,
        metavar="ID|PATH",
        help=f"a built-in ruleset id or a ruleset file (default: {DEFAULT_RULESET})",
    )
    w.add_argument(
        "--policy",
        metavar="emulation-year|literal",
        help="the A-3 reading: emulation-year (default: one year, 01/10 → 30/09 capped at DATE) "
        "or literal (01/10 → DATE, however long)",
    )
    w.add_argument(
        "--deadline",
        metavar="NAME",
        help="the level's consideration deadline, read under A-2 = deadline-date",
    )
    add_read_option(w)
    w.set_defaults(run=_window)

    d = sub.add_parser("deadline", help="check a submission date or timestamp against a deadline")
    d.add_argument("--ruleset", required=True, metavar="ID|PATH")
    d.add_argument("--deadline", required=True, metavar="NAME", help="e.g. dossier-submission")
    d.add_argument(
        "--year", required=True, type=year, metavar="YYYY", help="the year of the deadline"
    )
    d.add_argument(
        "--at",
        required=True,
        metavar="DATE|TIMESTAMP",
        help="YYYY-MM-DD, or an ISO timestamp with Z or ±HH:MM (judged in Vietnam time)",
    )
    _deadline_options(d)
    add_read_option(d)
    d.set_defaults(run=_deadline)

    c = sub.add_parser("calendar", help="the year's deadlines and milestones of a ruleset")
    c.add_argument("--ruleset", required=True, metavar="ID|PATH")
    c.add_argument("--year", required=True, type=year, metavar="YYYY")
    c.add_argument("--ics", metavar="FILE", help="also write the events as an iCalendar file")
    _deadline_options(c)
    add_read_option(c)
    c.set_defaults(run=_calendar)

    r = sub.add_parser("rulesets", help="list the built-in rulesets")
    r.set_defaults(run=_rulesets)


def _deadline_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reading", metavar="strict|inclusive", help="the A-1 reading of “trước ngày X”"
    )
    p.add_argument(
        "--roll-over",
        action="store_true",
        help="A-17: a last day on a weekend or holiday moves to the next working day",
    )
    p.add_argument(
        "--day-off",
        action="append",
        default=[],
        metavar="DATE",
        help="a day off to add to the public holidays (with --roll-over); repeatable",
    )


def _days_off(args: argparse.Namespace) -> list[Any]:

    return [parse_day(d, field="--day-off") for d in args.day_off]


def _window(args: argparse.Namespace) -> int:

    readings = readings_of(args, **{"A-3": args.policy})
    window = achievement_window(
        load_ruleset(args.ruleset),
        parse_day(args.date, field="DATE"),
        readings=readings,
        deadline=args.deadline,
    )
    return emit(window.to_json())


def _deadline(args: argparse.Namespace) -> int:

    readings = readings_of(
        args, **{"A-1": args.reading, "A-17": "roll-over" if args.roll_over else None}
    )
    check = check_deadline(
        load_ruleset(args.ruleset),
        args.deadline,
        args.year,
        parse_moment(args.at, field="--at"),
        readings=readings,
        days_off=_days_off(args),
    )
    return emit(check.to_json())


def _calendar(args: argparse.Namespace) -> int:

    readings = readings_of(
        args, **{"A-1": args.reading, "A-17": "roll-over" if args.roll_over else None}
    )
    schedule = year_schedule(
        load_ruleset(args.ruleset), args.year, readings=readings, days_off=_days_off(args)
    )
    if args.ics is not None:
        data = schedule.to_ics()
        try:
            Path(args.ics).write_bytes(data)
        except OSError as exc:
            raise CommandError(f"{args.ics}: cannot write ({exc.strerror})") from None
    return emit(schedule.events_json())


def _rulesets(args: argparse.Namespace) -> int:

    return emit([load_ruleset(i).summary() for i in builtin_rulesets()])
