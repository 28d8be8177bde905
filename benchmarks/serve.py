"""``dienhinh serve`` benchmark: requests per second and p50/p99 latency over real HTTP.

Starts ``python -m dienhinh serve`` on a free localhost port (one uvicorn worker, as
``dienhinh serve`` runs) and posts, over keep-alive connections:

1. ``POST /round`` with the shipped demo round (40 nominations, 19 council members; the
   answer is the ~0.4 MB record awaiting the chair);
2. ``POST /ballot`` with a 40-nominee ballot of a 19-member council under the TQ ruleset
   (each member approves each nominee with probability 0.9; seeded).

Each is measured with one client (latency of a request alone) and with ``--clients``
concurrent clients (throughput; the computation is pure Python, so one process uses one
core whatever the number of clients). Latency is the wall time from sending the request to
having read the whole answer, on the client's side.

Run: ``uv run python benchmarks/serve.py [--requests N] [--clients N]``
"""

from __future__ import annotations

import os
import sys

# benchmarks/calendar.py shadows the standard library's `calendar`: run as a script, this
# file's directory must not be on the import path.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from importlib.resources import files  # noqa: E402
from typing import Any  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ballot_40(seed: int = 2024) -> dict[str, Any]:
    rng = random.Random(seed)
    members = [f"m{i:02d}" for i in range(1, 20)]
    nominees = [f"N{i:02d}" for i in range(1, 41)]
    ballots = [
        {"member": m, "approve": [n for n in nominees if rng.random() < 0.9]} for m in members
    ]
    return {
        "ruleset": "tuyen-quang-2023",
        "council": {"members": members, "chair": members[0]},
        "nominees": nominees,
        "ballots": ballots,
        "chair_choice": None,
    }


def demo_round() -> bytes:
    return files("dienhinh").joinpath("data").joinpath("demo-tuyen-quang-2024.json").read_bytes()


def client(port: int, path: str, body: bytes, n: int, out: list[float]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    headers = {"content-type": "application/json"}
    try:
        for _ in range(n):
            start = time.perf_counter()
            conn.request("POST", path, body=body, headers=headers)
            r = conn.getresponse()
            r.read()
            out.append(time.perf_counter() - start)
            if r.status != 200:
                raise RuntimeError(f"{path}: HTTP {r.status}")
    finally:
        conn.close()


def measure(port: int, path: str, body: bytes, requests: int, clients: int) -> dict[str, float]:
    client(port, path, body, 3, [])  # warm up: caches, first-use imports
    latencies: list[float] = []
    per = max(1, requests // clients)
    threads = [
        threading.Thread(target=client, args=(port, path, body, per, latencies))
        for _ in range(clients)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50_ms": q[49] * 1000,
        "p99_ms": q[98] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per measurement")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dienhinh", "serve", "--port", str(port), "--log-level", "warning"]
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        ballot = json.dumps(ballot_40()).encode()
        cases = [("POST /round (demo, 40 nominations)", "/round", demo_round()),
                 ("POST /ballot (40 nominees, 19 members)", "/ballot", ballot)]  # fmt: skip
        print(f"dienhinh serve, one process; {args.requests} requests per line")
        print(f"{'request':<40} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
        for name, path, body in cases:
            for clients in (1, args.clients):
                m = measure(port, path, body, args.requests, clients)
                print(f"{name:<40} {clients:>7} {m['rps']:>8.1f} {m['p50_ms']:>8.1f} "
                      f"{m['p99_ms']:>8.1f}")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
