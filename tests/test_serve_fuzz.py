"""Malformed bodies posted to ``dienhinh serve``: every answer is the result or a 4xx problem.

Hypothesis posts arbitrary JSON, arbitrary bytes, and valid bodies with one part broken (a key
dropped, a value replaced by any JSON value, an unknown key added) to every POST endpoint of a
real server process. Whatever the body, the server answers 200 with JSON, or a 4xx
``application/problem+json`` document with a one-line message and a stable code — never a 5xx.
"""

from __future__ import annotations

import copy
import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.serve_process import Reply, Server, serve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = json.loads(
    (ROOT / "src" / "dienhinh" / "cli" / "serve-examples.json").read_text(encoding="utf-8")
)
ENDPOINTS = [
    "/round",
    "/ballot",
    "/resolve",
    "/assess",
    "/verify",
    "/window",
    "/deadline",
    "/floors",
]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve("--max-body", "200000") as s:
        yield s


@pytest.fixture(scope="module")
def bodies(server: Server) -> dict[str, Any]:
    """A valid body for each endpoint (the OpenAPI examples, answered by the server)."""
    ballot = server.post("/ballot", EXAMPLES["ballot"]).json()
    out = {
        "/round": EXAMPLES["round"],
        "/ballot": EXAMPLES["ballot"],
        "/resolve": {"record": ballot, "chair_choice": EXAMPLES["resolve_choice"]},
        "/assess": EXAMPLES["assess"],
        "/verify": ballot,
        "/window": EXAMPLES["window"],
        "/deadline": EXAMPLES["deadline"],
        "/floors": EXAMPLES["floors"],
    }
    for path, body in out.items():
        assert server.post(path, body).status == 200, path
    return out


def check(reply: Reply) -> None:
    """The result, or a 4xx problem document; never a server error."""
    assert reply.status < 500, reply.body[:500]
    if reply.status == 200:
        assert reply.type == "application/json"
        json.loads(reply.body)
        return
    assert 400 <= reply.status < 500
    assert reply.type == "application/problem+json"
    doc = reply.json()
    assert doc["status"] == reply.status
    assert isinstance(doc["code"], str)
    assert doc["code"]
    assert isinstance(doc["detail"], str)
    assert "\n" not in doc["detail"]
    assert doc["code"] != "internal_error"


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(
        ["", "2024-12-20", "2024-02-30", "9/10", "tuyen-quang-2023", "../x.toml", "m01"]
    )
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*at, i))


@st.composite
def broken(draw: st.DrawFn, body: Any) -> Any:
    """``body`` with one part broken: a value replaced, a key dropped, or a key added."""
    doc = copy.deepcopy(body)
    paths = [p for p in _paths(doc) if p]
    path = draw(st.sampled_from(paths))
    parent: Any = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    how = draw(st.sampled_from(["replace", "drop", "add"]))
    if how == "replace":
        parent[last] = draw(json_values)
    elif how == "drop":
        del parent[last]
    elif isinstance(parent, dict):
        parent[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    else:
        parent.append(draw(json_values))
    return doc


@pytest.mark.parametrize("path", ENDPOINTS)
@given(body=json_values)
def test_any_json_body_is_a_result_or_a_problem(server: Server, path: str, body: Any) -> None:
    check(server.post(path, body))


@pytest.mark.parametrize("path", ENDPOINTS)
@given(data=st.data())
def test_a_valid_body_broken_in_one_place_is_a_result_or_a_problem(
    server: Server, bodies: dict[str, Any], path: str, data: st.DataObject
) -> None:
    check(server.post(path, data.draw(broken(bodies[path]))))


@given(path=st.sampled_from(ENDPOINTS), raw=st.binary(max_size=64))
def test_any_bytes_are_a_result_or_a_problem(server: Server, path: str, raw: bytes) -> None:
    reply = server.request("POST", path, raw)
    check(reply)
    assert reply.status != 200 or raw.strip()


@given(query=st.dictionaries(st.sampled_from(["ruleset", "year", "reading", "roll_over", "day_off", "read", "x"]),
                             st.text(max_size=12), max_size=5))  # fmt: skip
def test_any_calendar_query_is_a_result_or_a_problem(server: Server, query: dict[str, str]) -> None:
    check(server.get("/calendar?" + urlencode(query)))


def test_a_body_larger_than_the_limit_is_413_with_or_without_a_length(server: Server) -> None:
    reply = server.request("POST", "/round", b"[" + b" " * 300000 + b"]")
    check(reply)
    assert reply.status == 413
    conn = http.client.HTTPConnection(server.host, server.port, timeout=300)
    try:  # chunked: no content-length to refuse up front
        chunks = iter([b"[", *([b" " * 10000] * 30), b"]"])
        conn.request("POST", "/round", body=chunks, encode_chunked=True,
                     headers={"content-type": "application/json"})  # fmt: skip
        r = conn.getresponse()
        chunked = Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()
    check(chunked)
    assert chunked.status == 413
