"""A notebook-style analysis of a round: load it, run it, tabulate the decision.

Each ``# %%`` cell is what one would type in Jupyter. The decision turns into flat rows with
``to_rows()`` — in a notebook, ``pandas.DataFrame(decision.to_rows())`` — and, shown as the last
expression of a cell, the decision renders itself as an HTML table (``_repr_html_``). The
library does not depend on pandas; this example does without it, with ``collections.Counter``.

It analyses the Tuyên Quang 2024 round that ``dienhinh demo`` runs (shipped in the package), or
any round input file given on the command line.

Run: ``uv run python examples/notebook_analysis.py [ROUND.json]``
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dienhinh import RoundDecision, resolve_round, run_round
from dienhinh.io import demo, read_round


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """A plain-text table (what ``DataFrame.to_string()`` would print)."""
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += [
        "  ".join(str(r[c]).ljust(w) for c, w in zip(columns, widths, strict=True)) for r in rows
    ]
    return "\n".join(lines)


def crosstab(rows: Sequence[Mapping[str, Any]], index: str, column: str) -> list[dict[str, Any]]:
    """Counts of ``index`` × ``column``, with totals: ``pd.crosstab(df[index], df[column], margins=True)``."""
    counts = Counter((r[index], r[column]) for r in rows)
    columns = sorted({r[column] for r in rows})
    out: list[dict[str, Any]] = []
    for key in sorted({r[index] for r in rows}):
        line: dict[str, Any] = {index: key, **{c: counts[(key, c)] for c in columns}}
        line["total"] = sum(counts[(key, c)] for c in columns)
        out.append(line)
    totals = {c: sum(line[c] for line in out) for c in columns}
    out.append({index: "total", **totals, "total": len(rows)})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)

    # %% Load the round and run it; a tie at the last slot waits for the chair's choice.
    if args:
        inputs = read_round(Path(args[0]))
        choice: list[str] = []
    else:
        final = demo()  # the shipped round, with the chair's choice at the tie
        assert final.chair_choice is not None
        inputs, choice = demo(chair=False), sorted(final.chair_choice)
    decision: RoundDecision = run_round(inputs)
    if decision.ballot.open_ties and choice:
        decision = resolve_round(decision, choice)
    print(
        f"{inputs.ruleset.id}: {len(inputs.nominations)} nominations, status {decision.status.value}"
    )

    # %% One row per nominee.  In Jupyter:  df = pandas.DataFrame(decision.to_rows())
    rows = decision.to_rows()
    print(table(rows[:5], ["nominee", "unit", "kind", "outcome", "approvals", "rank", "cash_vnd"]))

    # %% Outcomes, overall.  pandas:  df["outcome"].value_counts()
    for outcome, n in Counter(r["outcome"] for r in rows).most_common():
        print(f"{outcome:16} {n}")

    # %% Outcomes by unit.  pandas:  pd.crosstab(df["unit"], df["outcome"], margins=True)
    print(
        table(
            crosstab(rows, "unit", "outcome"),
            ["unit", *sorted({r["outcome"] for r in rows}), "total"],
        )
    )

    # %% Why nominees did not reach the ballot.  pandas:  df["first_reason"].value_counts()
    stopped = [r for r in rows if r["outcome"] in ("ineligible", "incomplete")]
    for code, n in sorted(Counter(r["first_reason"] for r in stopped).items()):
        print(f"{code:32} {n}")

    # %% Cash by kind of nominee.  pandas:  df.groupby("kind")["cash_vnd"].sum()
    cash: Counter[str] = Counter()
    for r in rows:
        cash[r["kind"]] += r["cash_vnd"] or 0
    for kind, amount in sorted(cash.items()):
        print(f"{kind:12} {amount:>14,} VND")

    # %% Floors short.  pandas:  pandas.DataFrame([f.to_json() for f in decision.floors])
    for floor in decision.floors:
        if floor.status == "short":
            print(
                f"{floor.unit}: {floor.count} of {floor.minimum} ({floor.reason.rule.id if floor.reason.rule else '—'})"
            )

    # %% In Jupyter, the last expression of a cell shows the decision as a table:
    #     decision
    html = decision._repr_html_()
    print(f"HTML table: {html.count('<tr')} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
