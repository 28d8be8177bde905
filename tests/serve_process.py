"""``dienhinh serve`` started as a real process on a free localhost port, and plain HTTP to it."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@attrs.frozen
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def type(self) -> str:
        return self.headers.get("content-type", "")

    def json(self) -> Any:
        return json.loads(self.body)


@attrs.frozen
class Server:
    host: str
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | Any = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        if body is not None and not isinstance(body, bytes | str):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
        try:
            sent = {"content-type": "application/json"} if body is not None else {}
            conn.request(method, path, body=body, headers={**sent, **(headers or {})})
            r = conn.getresponse()
            return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post(self, path: str, body: Any) -> Reply:
        return self.request("POST", path, body)


@contextmanager
def serve(*options: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    """A ``dienhinh serve`` process with ``options``, ready once ``/healthz`` answers."""
    port = free_port()
    cmd: Sequence[str] = [sys.executable, "-m", "dienhinh", "serve", "--port", str(port),
                          "--log-level", "warning", *options]  # fmt: skip
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    server = Server("127.0.0.1", port, process)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                err = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"dienhinh serve exited {process.returncode}: {err}")
            try:
                if server.get("/healthz").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("dienhinh serve did not answer /healthz")
            time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
