"""Ballot benchmark: tally + select for 10^5 nominees × 31 members, beside a bare Counter.

The figure is the ratio: the library's whole count (validation of every
reference, tally, rank, threshold, cap, digest) over a bare
``collections.Counter`` of the same approval marks. Goal: within 3×.
Also prints the time of ``import dienhinh`` in a fresh interpreter.

Run: ``uv run python benchmarks/ballot.py [--nominees N] [--members M] [--repeat R]``
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from itertools import chain

from dienhinh.voting import Ballot, BallotInputs, Cap, Council, count
from dienhinh.voting._count import ballot_digest


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def import_time(module: str, runs: int = 7) -> float:
    """Median wall time of ``import module`` in a fresh interpreter, minus a bare start-up."""

    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(runs))
    return statistics.median(once(f"import {module}") for _ in range(runs)) - bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nominees", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=31)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rnd = random.Random(2024)
    nominees = [f"n{i:06}" for i in range(args.nominees)]
    members = [f"m{i:02}" for i in range(args.members)]
    # Each member approves about 95 % of the nominees: realistic for a 90 % rule.
    ballots = [Ballot(m, [n for n in nominees if rnd.random() < 0.95]) for m in members]
    marks = sum(len(b.approve) for b in ballots)
    inputs = BallotInputs(
        council=Council(members, chair=members[0]), nominees=nominees, ballots=ballots, cap=Cap(15)
    )

    bare = best_of(args.repeat, lambda: Counter(chain.from_iterable(b.approve for b in ballots)))
    ours = best_of(args.repeat, lambda: count(inputs))
    digest = best_of(args.repeat, lambda: ballot_digest(inputs))
    build = best_of(
        1,
        lambda: BallotInputs(
            council=inputs.council, nominees=nominees, ballots=ballots, cap=Cap(15)
        ),
    )
    result = count(inputs)

    print(f"ballot: {args.nominees:,} nominees × {args.members} members, {marks:,} approval marks")
    print(f"  bare Counter over the marks   {bare * 1000:9.1f} ms")
    print(f"  dienhinh count, whole record  {ours * 1000:9.1f} ms   ratio {ours / bare:.2f}×")
    print(
        f"    of which the digest         {digest * 1000:9.1f} ms   (canonical JSON of every mark)"
    )
    print(
        f"    tally + select alone        {(ours - digest) * 1000:9.1f} ms   ratio {(ours - digest) / bare:.2f}× (goal ≤ 3×)"
    )
    print(
        f"  building + checking inputs    {build * 1000:9.1f} ms   (once per ballot, not in the ratio)"
    )
    print(
        f"  result: {result.status.value}, {len(result.recognised)} recognised, needed {result.needed}"
    )
    print(
        f"import dienhinh: {import_time('dienhinh') * 1000:.1f} ms (fresh interpreter, median of 7)"
    )


if __name__ == "__main__":
    main()
