"""Ballot benchmark: tally + select beside a bare Counter; ties beside the same ballot untied.

1. Tally and selection for ``--nominees`` (10^5) × ``--members`` (31): the library's
   :func:`~dienhinh.voting.count` with the digest left out (validation happened when the
   inputs were built) over a bare ``collections.Counter`` of the same approval marks held
   as plain lists of strings, the plainest way to count them. The two run in turn and the
   figure is the median of the pairs' ratios. Goal: within 3×. The digest is timed on its
   own beside it.
2. Ties: the whole record (count, outcomes with their reasons, ``to_json``, JSON text) of a
   ballot where every nominee but the first 14 ties at the cutoff for the 15th slot, over
   the same ballot where those nominees stay below the cutoff without a tie, in time and in
   output size, at 10^3, 10^4 and 10^5 nominees, each time the median of ``--tie-repeat`` (3)
   pairs run in turn (a single pair on a shared machine can fall in a slow spell); and the
   growth exponent of each (the slope of log time over log size: 1 is linear, 2 quadratic).
   Goal: within 2×, exponents ≈ 1.

Run: ``uv run python benchmarks/ballot.py [--nominees N] [--members M] [--repeat R]
[--tie-repeat R] [--quick]``
(``--quick``: small sizes, to check that it runs.)
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import math
import random
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain
from unittest import mock

from dienhinh._canonical import digest_of
from dienhinh.rulesets import load_ruleset
from dienhinh.voting import Ballot, BallotInputs, BallotRule, Cap, Council, _count, count


def paired(
    repeat: int, a: Callable[[], object], b: Callable[[], object]
) -> tuple[float, float, float]:
    """Median time of ``a``, of ``b``, and the median of the ratios a/b, run in turn."""
    ta, tb, ratios = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        a()
        mid = time.perf_counter()
        b()
        end = time.perf_counter()
        ta.append(mid - start)
        tb.append(end - mid)
        ratios.append((mid - start) / (end - mid))
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios)


def _tq_rule() -> BallotRule:
    """TQ-2.1b, read from the shipped ruleset (the voting package knows no province)."""
    rule = load_ruleset("tuyen-quang-2023").ballot
    assert rule is not None
    return rule


def tally_and_select(nominees: int, members: int, repeat: int) -> None:
    rnd = random.Random(2024)
    ids = [f"n{i:06}" for i in range(nominees)]
    roster = [f"m{i:02}" for i in range(members)]
    # Each member approves about 95 % of the nominees: realistic for a 90 % rule.
    marks = [[n for n in ids if rnd.random() < 0.95] for _ in roster]
    ballots = [Ballot(m, approve) for m, approve in zip(roster, marks, strict=True)]
    inputs = BallotInputs(
        council=Council(roster, chair=roster[0]),
        nominees=ids,
        ballots=ballots,
        rule=_tq_rule(),
        cap=Cap(15),
    )

    def ours() -> object:
        with mock.patch.object(_count, "ballot_digest", return_value=""):
            return count(inputs)

    def bare() -> object:
        return Counter(chain.from_iterable(marks))

    t_ours, t_bare, ratio = paired(repeat, ours, bare)
    t_digest, _, digest_ratio = paired(repeat, lambda: _count.ballot_digest(inputs), bare)
    doc = inputs.to_json()

    def streamed() -> object:
        return digest_of("ballot", doc, {})

    def dumped() -> object:
        return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()

    t_stream, t_dumps, stream_ratio = paired(repeat, streamed, dumped)
    peaks = []
    for fn in (streamed, dumped):
        tracemalloc.start()
        fn()
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    result = count(inputs)
    total = sum(map(len, marks))
    print(f"ballot: {nominees:,} nominees × {members} members, {total:,} approval marks")
    print(f"  bare Counter over plain lists   {t_bare * 1000:9.1f} ms")
    print(
        f"  tally + select (no digest)      {t_ours * 1000:9.1f} ms   ratio {ratio:.2f}× (goal ≤ 3×)"
    )
    print(
        f"  the digest alone                {t_digest * 1000:9.1f} ms   ratio {digest_ratio:.2f}×"
    )
    print(
        f"  digest of the inputs' JSON: streamed {t_stream * 1000:.1f} ms, peak "
        f"{peaks[0] / 2**20:.1f} MiB; json.dumps + sha256 of the same {t_dumps * 1000:.1f} ms, "
        f"peak {peaks[1] / 2**20:.1f} MiB; time ratio {stream_ratio:.2f}×"
    )
    print(
        f"  result: {result.status.value}, {len(result.recognised)} recognised, "
        f"needed {result.needed}, {len(result.ties)} tie(s)"
    )


def tie_ballot(nominees: int, tied: bool) -> BallotInputs:
    """15 slots, 31 members: 14 approved by all; the rest on 29 (tied) or 29/28 alternately.

    Untied, the rest meet the threshold (28) but stay beyond the cap: the same nominees,
    members and (nearly) the same marks, with the same outcome for all but the 15th slot.
    """
    roster = [f"m{i:02}" for i in range(31)]
    ids = [f"n{i:06}" for i in range(nominees)]
    top, rest = ids[:14], ids[14:]
    if tied:
        approve = [top + rest] * 29 + [top] * 2
    else:
        # The 15th gets 30: it takes the last slot alone; the others alternate 29 and 28.
        odd = rest[1::2]
        approve = [top + rest] * 28 + [top + rest[:1] + odd, top + rest[:1]] + [top]
    ballots = [Ballot(m, a) for m, a in zip(roster, approve, strict=True)]
    return BallotInputs(
        council=Council(roster, chair=roster[0]),
        nominees=ids,
        ballots=ballots,
        rule=_tq_rule(),
        cap=Cap(15),
    )


def record(inputs: BallotInputs) -> str:
    return json.dumps(count(inputs).to_json(), ensure_ascii=False, indent=2)


def exponent(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The least-squares slope of log value over log size."""
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def ties(sizes: list[int], repeat: int) -> None:
    print(
        "ties: the whole record (count, outcomes, to_json, JSON text), tied vs untied, "
        f"median of {repeat} pair(s) in turn"
    )
    times, untimed, lengths, unlengths = [], [], [], []
    for n in sizes:
        tied, untied = tie_ballot(n, True), tie_ballot(n, False)
        result = count(tied)
        assert result.tie is not None
        assert len(result.tie.group) == n - 14
        assert count(untied).tie is None
        t_tied, t_untied, ratio = paired(
            repeat, functools.partial(record, tied), functools.partial(record, untied)
        )
        size, unsize = len(record(tied).encode()), len(record(untied).encode())
        times.append(t_tied)
        untimed.append(t_untied)
        lengths.append(size)
        unlengths.append(unsize)
        print(
            f"  {n:>7,} nominees, {n - 14:>7,} tied: {t_tied * 1000:8.1f} ms vs "
            f"{t_untied * 1000:8.1f} ms, ratio {ratio:.2f}× (goal ≤ 2×); output "
            f"{size / 1e6:7.2f} MB vs {unsize / 1e6:7.2f} MB, ratio {size / unsize:.2f}× (goal ≤ 2×)"
        )
    print(
        f"  growth exponents over {', '.join(f'{s:,}' for s in sizes)}: "
        f"time {exponent(sizes, times):.2f} tied, {exponent(sizes, untimed):.2f} untied; "
        f"output {exponent(sizes, lengths):.2f} tied, {exponent(sizes, unlengths):.2f} untied "
        "(1 is linear)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nominees", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=31)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tie-repeat", type=int, default=3, help="pairs per size of the ties")
    parser.add_argument("--quick", action="store_true", help="small sizes: check that it runs")
    parser.add_argument("--no-ties", action="store_true", help="only the tally and selection")
    args = parser.parse_args()
    if args.quick:
        tally_and_select(2_000, args.members, 3)
        ties([100, 300, 1_000], 1)
        return
    tally_and_select(args.nominees, args.members, args.repeat)
    if not args.no_ties:
        ties([1_000, 10_000, 100_000], args.tie_repeat)


if __name__ == "__main__":
    main()
