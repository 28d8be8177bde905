"""Round benchmark: import, the demo as a process, a national batch, and the command line.

Each figure is a ratio to a plain yardstick measured in the same run, or a bound:

1. ``import dienhinh`` beside ``import attrs, dateutil.relativedelta`` (its two runtime
   dependencies a plain script would load): fresh interpreters run in turn, bytecode cached
   (a temporary ``PYTHONPYCACHEPREFIX``, warmed once), medians and the median of the
   ratios, each run of ours beside the mean of the yardstick's runs before and after it.
   Goal: within 1.25×.
2. ``python -m dienhinh demo --json -`` in a fresh interpreter, bytecode cached: the median
   wall time, and its CPU time (wall time on a shared machine counts the other loads).
   Goal: ≤ 0.25 s.
3. A national batch in-process: ``--nominations`` (10^5) synthetic, valid Tuyên Quang
   nominations from 700 units through eligibility and the ballot of a 19-member council in
   one :func:`~dienhinh.run_round`, each size in a fresh process (so its peak memory is its
   own). About 2 % have no consent, 2 % come from units whose dossier was late, 2 % lack an
   attestation; each member approves each nominee with a probability between 0.75 and 1.
   The batch pools many councils' nominations, so it runs under the TQ ruleset without the
   provincial cap of 15 (a variant). Each size runs in ``--batch-runs`` (3) fresh processes
   one after another, and each figure is their median: one run on a shared machine can fall in
   a slow spell of its own. Printed: building the inputs and ``run_round`` at
   10^3, 10^4 and 10^5 with their growth exponents, and the process's peak memory
   (``ru_maxrss``: interpreter, inputs and record together), whose growth is also given above
   the fixed share (the peak once the inputs of one nomination were built: the interpreter,
   the library's modules, the ruleset).
   Goals: 10^5 within 4 s and 500 MiB; exponents ≈ 1.
4. ``dienhinh round FILE`` over ``--cli`` (30,000) nominations under the shipped ruleset
   (cap 15: thousands tie at the last slot), beside ``json.load`` of the same file and a
   bare ``Counter`` of its approval marks, in turn (``--cli-runs``, 9, runs of ours, each
   between two of the yardstick's). Goal: within 8×.

Run: ``uv run python benchmarks/round.py [--runs N] [--nominations N] [--batch-runs N] [--cli N]
[--cli-runs N] [--quick] [--only start|batch|cli]`` (``--quick``: small sizes, to check that it runs; ``--only``: one
part — 1 and 2, 3, or 4.)
"""

from __future__ import annotations

import os
import sys

# A script directory on the import path could shadow the standard library (a `calendar.py`,
# which dateutil imports, once did): run as a script, this file's directory is taken off it.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import Any  # noqa: E402

DEMO_GOAL = 0.25
"""Seconds: the demo end to end as a process."""

COUNT = (
    "import json, sys\n"
    "from collections import Counter\n"
    "from itertools import chain\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    data = json.load(f)\n"
    "Counter(chain.from_iterable(b['approve'] for b in data['ballots']))\n"
)
"""The yardstick of the command line: read the file, count its marks."""


def run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def in_turn(
    a: Sequence[str], b: Sequence[str], runs: int, env: dict[str, str]
) -> tuple[float, float, float, float, tuple[float, float]]:
    """Median wall of a, of b, median of the runs' wall ratios and of their CPU ratios, and
    the least and greatest CPU ratio (the spread the shared machine gives).

    b runs before and after each run of a (b a b a … b), and each a is compared with the mean
    of the two b beside it: the shared machine's speed drifts by a third within minutes, and a
    yardstick on one side only would carry that drift into the ratio."""
    wa: list[float] = []
    wb: list[float] = []
    ca: list[float] = []
    cb: list[float] = []
    w, c = run(b, env)
    wb.append(w)
    cb.append(c)
    for _ in range(runs):
        for (w, c), walls, cpus in ((run(a, env), wa, ca), (run(b, env), wb, cb)):
            walls.append(w)
            cpus.append(c)
    rw = [x / ((wb[i] + wb[i + 1]) / 2) for i, x in enumerate(wa)]
    rc = [x / ((cb[i] + cb[i + 1]) / 2) for i, x in enumerate(ca)]
    return (
        statistics.median(wa),
        statistics.median(wb),
        statistics.median(rw),
        statistics.median(rc),
        (min(rc), max(rc)),
    )


def cached_env(cache: str) -> dict[str, str]:
    """A user's setting: bytecode cached after the first run, here in a temporary prefix."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def import_and_demo(runs: int, cache: str) -> None:
    env = cached_env(cache)
    py = sys.executable
    ours = [py, "-c", "import dienhinh"]
    yardstick = [py, "-c", "import attrs, dateutil.relativedelta"]
    demo = [py, "-m", "dienhinh", "demo", "--json", "-"]
    for argv in (ours, yardstick, demo):
        run(argv, env)  # warm-up: writes the bytecode cache a user's first run writes
    t_ours, t_yard, wall_ratio, cpu_ratio, _ = in_turn(ours, yardstick, runs, env)
    print(f"import, fresh interpreters in turn, bytecode cached, median of {runs}:")
    print(f"  import dienhinh                          {t_ours * 1000:7.1f} ms")
    print(f"  import attrs, dateutil.relativedelta     {t_yard * 1000:7.1f} ms")
    print(f"  ratio {wall_ratio:.2f}× wall, {cpu_ratio:.2f}× CPU (goal ≤ 1.25×)")
    demo_runs = [run(demo, env) for _ in range(runs)]
    wall = statistics.median(w for w, _ in demo_runs)
    cpu = statistics.median(c for _, c in demo_runs)
    print(f"demo: `python -m dienhinh demo --json -`, median of {runs}, bytecode cached:")
    print(
        f"  {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU (goal ≤ {DEMO_GOAL * 1000:.0f} ms)"
    )


# -- the national batch -------------------------------------------------------------------------


def build(n: int, capped: bool) -> Any:
    """The synthetic round's inputs for ``n`` nominations (see the module docstring)."""
    from dienhinh import Dossier, Nomination, RoundInputs, load_ruleset
    from dienhinh.criteria import Attestation, Nominee, Ocop
    from dienhinh.voting import Ballot, Cast, Council

    rnd = random.Random(2024)
    ruleset = load_ruleset("tuyen-quang-2023")
    if not capped:
        ruleset = ruleset.variant("tuyen-quang-2023-national-batch", cap=None)
    units = [f"Đơn vị {i:03}" for i in range(700)]
    late = set(units[::50])  # 14 units, 2 %
    day = dt.date(2024, 10, 8)

    def nominee(i: int, unit: str) -> Nominee:
        criteria = ["TQ-3.1a", "TQ-3.1b", "TQ-3.1c.model", "TQ-3.1d"]
        if rnd.random() < 0.02:
            criteria.remove("TQ-3.1d")  # incomplete: the round asks for it
        evidence: list[Any] = [
            Attestation(c, unit, "Thủ trưởng đơn vị", day, "Đạt.") for c in criteria
        ]
        if i % 2:
            evidence.append(Ocop(f"Sản phẩm {i}", 3 + i % 3, dt.date(2024, 5, 1), "UBND tỉnh"))
            return Nominee("collective", ["agriculture"], evidence, name=f"Hợp tác xã {i}")
        evidence.append(Attestation("TQ-3.2l", unit, "Thủ trưởng đơn vị", day, "Đạt."))
        return Nominee("individual", ["administrative-reform"], evidence, name=f"Cá nhân {i}")

    nominations = [
        Nomination(f"n{i:06}", units[i % len(units)], nominee(i, units[i % len(units)]),
                   consent=rnd.random() >= 0.02, selected_by_head=True)
        for i in range(n)
    ]  # fmt: skip
    support = [(x.id, rnd.uniform(0.75, 1.0)) for x in nominations]
    members = [f"tv{i:02}" for i in range(1, 20)]
    ballots = [
        Ballot(m, [x for x, p in support if rnd.random() < p],
               Cast.WRITTEN if m in ("tv07", "tv13") else Cast.IN_MEETING)
        for m in members
    ]  # fmt: skip
    reports: dict[str, list[str]] = {u: [] for u in units}
    for x in nominations:
        reports[x.unit].append(x.id)
    dossiers = [
        Dossier(u, dt.date(2024, 10, 30 if u in late else 25), True, True, reports[u],
                unit_considered_on=day)
        for u in units
    ]  # fmt: skip
    return RoundInputs(ruleset, Council(members, "tv01"), dt.date(2024, 12, 20), nominations,
                       ballots, dossiers, decided_on=dt.date(2024, 12, 26))  # fmt: skip


def child(n: int) -> None:
    """One size in this fresh process: print build and run seconds and the peak memory."""
    from dienhinh import run_round

    build(1, capped=False)  # the library's modules and the ruleset loaded: the fixed share
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start, cpu_start = time.perf_counter(), time.process_time()
    inputs = build(n, capped=False)
    built, cpu_built = time.perf_counter(), time.process_time()
    decision = run_round(inputs)
    done, cpu_done = time.perf_counter(), time.process_time()
    outcomes: dict[str, int] = {}
    for o in decision.outcomes:
        outcomes[o.outcome.value] = outcomes.get(o.outcome.value, 0) + 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"build": built - start, "run": done - built, "peak": peak, "base": base,
                      "build_cpu": cpu_built - cpu_start, "run_cpu": cpu_done - cpu_built,
                      "outcomes": outcomes, "status": decision.status.value}))  # fmt: skip


def exponent(sizes: Sequence[float], values: Sequence[float]) -> float:
    """The least-squares slope of log value over log size (1 linear, 2 quadratic)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def national_batch(sizes: list[int], runs: int) -> None:
    print(
        f"national batch, in-process run_round, each size in {runs} fresh processes in turn "
        "(median):"
    )
    figures = []
    for n in sizes:
        each = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(n)],
                check=True,
                capture_output=True,
                text=True,
            )
            each.append(json.loads(out.stdout))
        # The median of each figure; the peak is the greatest (it is the same in every run).
        f = {k: statistics.median(e[k] for e in each) for k in TIMES}
        f.update(peak=max(e["peak"] for e in each), base=max(e["base"] for e in each))
        f.update(outcomes=each[0]["outcomes"], status=each[0]["status"])
        assert all((e["outcomes"], e["status"]) == (f["outcomes"], f["status"]) for e in each)
        figures.append(f)
        print(
            f"  {n:>7,} nominations: inputs {f['build']:6.2f} s ({f['build_cpu']:.2f} CPU), "
            f"run_round {f['run']:6.2f} s ({f['run_cpu']:.2f} CPU), "
            f"peak {f['peak'] / 2**20:6.0f} MiB; {f['status']}, "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(f["outcomes"].items()))
        )
        if runs > 1:
            print(
                "           the runs: run_round "
                + ", ".join(f"{e['run']:.2f}" for e in each)
                + " s; inputs "
                + ", ".join(f"{e['build']:.2f}" for e in each)
                + " s"
            )
    last = figures[-1]
    print(
        f"  at {sizes[-1]:,}: run_round {last['run']:.2f} s, {last['run_cpu']:.2f} s CPU (goal ≤ 4 s), "
        f"peak {last['peak'] / 2**20:.0f} MiB (goal ≤ 500 MiB)"
    )
    print(
        f"  growth exponents over {', '.join(f'{s:,}' for s in sizes)}: inputs "
        f"{exponent(sizes, [f['build'] for f in figures]):.2f}, run_round "
        f"{exponent(sizes, [f['run'] for f in figures]):.2f} (CPU "
        f"{exponent(sizes, [f['run_cpu'] for f in figures]):.2f}), peak memory "
        f"{exponent(sizes, [f['peak'] for f in figures]):.2f}, above the fixed "
        f"{statistics.median(f['base'] for f in figures) / 2**20:.0f} MiB "
        f"{exponent(sizes, [f['peak'] - f['base'] for f in figures]):.2f} (1 is linear)"
    )


TIMES = ("build", "run", "build_cpu", "run_cpu")
"""The timed figures of a child process (see :func:`child`)."""


def command_line(n: int, runs: int, cache: str) -> None:
    from dienhinh.io import write_round

    env = cached_env(cache)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "round.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(write_round(build(n, capped=True)))
        size = os.path.getsize(path)
        ours = [sys.executable, "-m", "dienhinh", "round", path]
        bare = [sys.executable, "-c", COUNT, path]
        run(ours, env)
        t_ours, t_bare, wall_ratio, cpu_ratio, spread = in_turn(ours, bare, runs, env)
    print(
        f"command line: {n:,} nominations, a {size / 1e6:.1f} MB file, in turn, median of {runs}:"
    )
    print(f"  dienhinh round FILE                  {t_ours:7.2f} s")
    print(f"  json.load + Counter of the marks     {t_bare:7.2f} s")
    print(
        f"  ratio {wall_ratio:.2f}× wall, {cpu_ratio:.2f}× CPU (goal ≤ 8×); "
        f"the runs' CPU ratios {spread[0]:.2f}–{spread[1]:.2f}×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each process (median)")
    parser.add_argument("--nominations", type=int, default=100_000)
    parser.add_argument(
        "--batch-runs", type=int, default=3, help="fresh processes per size of the batch (median)"
    )
    parser.add_argument("--cli", type=int, default=30_000, help="nominations in the CLI's file")
    parser.add_argument("--cli-runs", type=int, default=9, help="runs of the command line (median)")
    parser.add_argument("--quick", action="store_true", help="small sizes: check that it runs")
    parser.add_argument(
        "--only", choices=("start", "batch", "cli"),
        help="run one part: start-up (import and demo), the national batch, or the command line",
    )  # fmt: skip
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    if args.quick:
        args.runs, args.nominations, args.cli, args.cli_runs = 1, 3_000, 1_000, 1
        args.batch_runs = 1
    n = args.nominations
    with tempfile.TemporaryDirectory() as cache:
        if args.only in (None, "start"):
            import_and_demo(args.runs, cache)
        if args.only in (None, "batch"):
            national_batch([n // 100, n // 10, n], args.batch_runs)
        if args.only in (None, "cli"):
            command_line(args.cli, args.cli_runs, cache)


if __name__ == "__main__":
    main()
