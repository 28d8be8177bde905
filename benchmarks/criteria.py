"""Criteria benchmark: assessments per second against the Tuyên Quang catalogue.

One nominee with 10 items of evidence (attestations for the four points of
the general standard, an OCOP rating, an FSC certificate, an award, an
initiative, a contribution, one item outside the window) declaring two
fields, assessed again and again on one core. An assessment here is what
``assess`` returns: the verdict, with the tree, the missing facts and the
digest derived on first use. The second figure includes ``to_json()`` of every
result (tree, reasons in both languages, digest). The third is a batch: ``--batch``
(10^4) distinct nominees assessed by :func:`~dienhinh.criteria.assess_many` with every
result kept, beside the same list comprehension over :func:`~dienhinh.criteria.assess`
(where the cyclic garbage collector re-scans the kept results). Goal: ≥ 50,000
assessments/s, in the batch with results kept.

Run: ``uv run python benchmarks/criteria.py [--n N] [--batch N] [--repeat R] [--quick]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable

from dienhinh.criteria import (
    Attestation,
    Award,
    Certificate,
    Contribution,
    Initiative,
    Nominee,
    Ocop,
    assess,
    assess_many,
)
from dienhinh.rulesets import load_catalogue

D = dt.date


def nominee() -> Nominee:
    """A cooperative with ten items of evidence, one of them outside the window."""

    def attest(cid: str, on: D) -> Attestation:
        return Attestation(cid, "UBND xã Tân Trào", "Chủ tịch UBND xã", on, f"Xác nhận {cid}.")

    return Nominee(
        "collective",
        ["agriculture", "culture-sport"],
        [
            attest("TQ-3.1a", D(2024, 9, 20)),
            attest("TQ-3.1b", D(2024, 9, 20)),
            attest("TQ-3.1d", D(2024, 9, 20)),
            Initiative(
                "Quy trình chế biến chè", "Hội đồng sáng kiến tỉnh", "province", D(2024, 4, 2)
            ),
            Ocop("Chè Shan tuyết", 3, D(2024, 3, 15), "UBND tỉnh Tuyên Quang"),
            Ocop("Mật ong bạc hà", 4, D(2022, 5, 1), "UBND tỉnh Tuyên Quang"),  # outside
            Certificate("fsc", "Rừng keo 120 ha", D(2024, 1, 10), "FSC"),
            Award("district", "sport", "competition", D(2024, 6, 1), "UBND huyện Sơn Dương"),
            Contribution("land", 120, "site_clearance", D(2024, 2, 1)),
            attest("TQ-3.2h.achievement", D(2024, 9, 20)),
        ],
    )


def rate(n: int, repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, time.perf_counter() - start)
    return n / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small sizes: check that it runs")
    args = parser.parse_args()
    if args.quick:
        args.n, args.batch, args.repeat = 500, 500, 1
    catalogue = load_catalogue("tuyen-quang-2023")
    who = nominee()
    window = (D(2023, 10, 1), D(2024, 12, 15))
    result = assess(who, catalogue, window=window)
    assert result.verdict.value == "met", result.render("en")
    assert len(who.evidence) == 10
    per_second = rate(args.n, args.repeat, lambda: assess(who, catalogue, window=window))
    print(
        f"assess: {per_second:,.0f} assessments/s ({1e6 / per_second:.1f} µs each; goal ≥ 50,000/s)"
    )
    full = rate(
        max(args.n // 50, 100), args.repeat, lambda: assess(who, catalogue, window=window).to_json()
    )
    print(f"assess + to_json (tree, texts, digest): {full:,.0f}/s ({1e6 / full:.0f} µs each)")
    nominees = [nominee() for _ in range(args.batch)]
    kept_loop, kept_batch, kept_cpu = [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        loop = [assess(n, catalogue, window=window) for n in nominees]
        mid, cpu_mid = time.perf_counter(), time.process_time()
        many = assess_many(nominees, catalogue, window=window)
        end, cpu_end = time.perf_counter(), time.process_time()
        assert [a.verdict for a in loop] == [a.verdict for a in many]
        kept_loop.append(args.batch / (mid - start))
        kept_batch.append(args.batch / (end - mid))
        kept_cpu.append(args.batch / (cpu_end - cpu_mid))
        del loop, many
    print(
        f"batch of {args.batch:,} nominees, results kept: assess_many "
        f"{statistics.median(kept_batch):,.0f}/s ({statistics.median(kept_cpu):,.0f}/s CPU; "
        f"goal ≥ 50,000/s); a loop of assess "
        f"{statistics.median(kept_loop):,.0f}/s"
    )


if __name__ == "__main__":
    main()
