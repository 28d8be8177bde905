"""Every ``curl`` example of docs/serve.md runs against a real server and prints what it shows."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve_process import Server, serve

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "serve.md"
DOCUMENTED = "http://127.0.0.1:8000"


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ curl``/``$ jq`` line of the console blocks."""
    out: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S):
        lines = block.splitlines()
        commands = [i for i, line in enumerate(lines) if line.startswith("$ ")]
        if not all(lines[i][2:].startswith(("curl ", "jq ")) for i in commands):
            continue  # installing and starting the server: what the fixture does
        for n, i in enumerate(commands):
            end = commands[n + 1] if n + 1 < len(commands) else len(lines)
            out.append((lines[i][2:], "\n".join(lines[i + 1 : end]).strip()))
    return out


EXAMPLES = examples()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where the examples' relative paths (examples/…) resolve, for the files they write."""
    here = tmp_path_factory.mktemp("serve-docs")
    (here / "examples").symlink_to(ROOT / "examples")
    return here


def test_the_document_has_an_example_of_every_endpoint() -> None:
    text = " ".join(c for c, _ in EXAMPLES)
    for path in ("/round", "/ballot", "/resolve", "/assess", "/verify", "/window", "/deadline", "/floors",
                 "/rulesets", "/rulesets/tuyen-quang-2023/criteria", "/calendar", "/schemas/",
                 "/openapi.json", "/healthz", "/demo", "/interpretations"):  # fmt: skip
        assert f"{DOCUMENTED}{path}" in text, path


@pytest.mark.skipif(not (shutil.which("curl") and shutil.which("jq")), reason="needs curl and jq")
@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c[:60] for c, _ in EXAMPLES])
def test_each_example_prints_what_the_document_shows(
    server: Server, workdir: Path, command: str, expected: str
) -> None:
    run = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(DOCUMENTED, server.url)],
        cwd=workdir, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == expected
