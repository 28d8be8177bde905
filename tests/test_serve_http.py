"""``dienhinh serve`` through real HTTP: the same JSON as the command line, problems, limits, CORS.

The server runs as a process on a free localhost port (tests/serve_process.py); each answer is
compared with what ``dienhinh`` prints for the same input, run in this process.
"""

from __future__ import annotations

import ast
import copy
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi

from dienhinh.cli import main
from dienhinh.io import schema, schema_names, schema_text
from tests.schemas import validate
from tests.serve_process import Server, serve

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ROUND = EXAMPLES / "rounds" / "small-tuyen-quang.json"
BALLOT = EXAMPLES / "ballot" / "tie-at-last-slot.json"
NOMINEE = EXAMPLES / "nominees" / "tq-award.json"
PROVINCE = EXAMPLES / "rulesets" / "my-province.toml"
FLOORS = EXAMPLES / "floors" / "bac-kan-2024.json"
LAC_SON = EXAMPLES / "rulesets" / "lac-son"
DATA = ROOT / "src" / "dienhinh" / "data"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve("--ruleset", str(PROVINCE), "--ruleset", str(LAC_SON / "lac-son-2025.toml")) as s:
        yield s


def cli(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None
) -> tuple[int, Any, str]:
    """What ``dienhinh ARGS`` prints: (status, parsed JSON or None, stderr)."""
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out.strip() else None), err


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def demo_input() -> Any:
    return load(DATA / "demo-tuyen-quang-2024.json")


def assert_problem(reply: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert reply.status == status, reply.body[:300]
    assert reply.type == PROBLEM
    doc: dict[str, Any] = reply.json()
    assert doc["status"] == status
    assert doc["type"] == f"urn:dienhinh:problem:{doc['code']}"
    assert doc["detail"]
    assert "\n" not in doc["detail"]
    if code is not None:
        assert doc["code"] == code, doc
    return doc


# -- the same JSON as the command line ----------------------------------------------------------


def test_healthz_names_the_rulesets_including_those_loaded_at_start(server: Server) -> None:
    doc = server.get("/healthz").json()
    assert doc["status"] == "ok"
    assert "tuyen-quang-2023" in doc["rulesets"]
    assert "my-province-2024" in doc["rulesets"]


def test_round_is_the_cli_record(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    reply = server.post("/round", ROUND.read_text(encoding="utf-8"))
    assert reply.status == 200
    assert reply.type == "application/json"
    status, expected, _ = cli(capsys, "round", str(ROUND))
    assert status == 0
    assert reply.json() == expected
    validate(reply.json(), "round-output")


def test_ballot_is_the_cli_record(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    reply = server.post("/ballot", BALLOT.read_text(encoding="utf-8"))
    _, expected, _ = cli(capsys, "ballot", str(BALLOT))
    assert reply.status == 200
    assert reply.json() == expected
    assert expected["status"] == "awaiting_chair"
    validate(reply.json(), "ballot-output")


def test_demo_round_resolves_to_the_record_dienhinh_demo_prints(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    served = server.get("/demo").json()
    assert served == demo_input()
    awaiting = server.post("/round", served).json()
    assert awaiting["status"] == "awaiting_chair"
    assert len(awaiting["outcomes"]) == 40
    choice = load(DATA / "demo-tuyen-quang-2024.chair.json")["chair_choice"]
    reply = server.post("/resolve", {"record": awaiting, "chair_choice": choice})
    assert reply.status == 200, reply.body[:300]
    _, expected, _ = cli(capsys, "demo", "--json", "-")
    assert reply.json() == expected
    assert reply.json()["status"] == "final"


def test_resolve_a_ballot_is_the_ballot_with_the_chairs_choice(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    awaiting = server.post("/ballot", load(BALLOT)).json()
    choice = ["Nguyễn Thị Hoa", "Trường THPT Chuyên Tuyên Quang"]
    reply = server.post("/resolve", {"record": awaiting, "chair_choice": choice})
    assert reply.status == 200, reply.body[:300]
    chosen = tmp_path / "chosen.json"
    chosen.write_text(json.dumps({**load(BALLOT), "chair_choice": choice}), encoding="utf-8")
    _, expected, _ = cli(capsys, "ballot", str(chosen))
    assert reply.json() == expected
    assert reply.json()["status"] == "final"


def test_resolve_refuses_a_choice_outside_the_tie_and_a_final_record(server: Server) -> None:
    awaiting = server.post("/ballot", load(BALLOT)).json()
    doc = assert_problem(
        server.post("/resolve", {"record": awaiting, "chair_choice": ["HTX Chè Mỹ Bằng"]}), 422
    )
    assert doc["code"] == "chair_choice"
    final = server.post("/round", load(ROUND)).json()
    doc = assert_problem(server.post("/resolve", {"record": final, "chair_choice": ["x"]}), 422)
    assert doc["code"] == "chair_choice"
    assert doc["path"] == "$.record.status"


def test_resolve_refuses_a_record_that_does_not_rederive(server: Server) -> None:
    awaiting = server.post("/ballot", load(BALLOT)).json()
    forged = copy.deepcopy(awaiting)
    forged["needed"] = 1
    doc = assert_problem(
        server.post("/resolve", {"record": forged, "chair_choice": ["Nguyễn Thị Hoa"]}), 422
    )
    assert doc["code"] == "verification"


def test_verify_is_the_cli_answer(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record = server.post("/round", load(ROUND)).json()
    reply = server.post("/verify", record)
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    _, expected, _ = cli(capsys, "verify", str(path))
    assert reply.status == 200
    assert reply.json() == expected
    record["recognised"] = []
    assert_problem(server.post("/verify", record), 422, "verification")
    ballot = server.post("/ballot", load(BALLOT)).json()
    path.write_text(json.dumps(ballot, ensure_ascii=False), encoding="utf-8")
    _, expected, _ = cli(capsys, "verify", str(path))
    assert server.post("/verify", ballot).json() == expected
    assert expected["kind"] == "ballot"


def test_assess_is_the_cli_assessment(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    body = {"ruleset": "tuyen-quang-2023", "on": "2024-12-20", "nominee": load(NOMINEE)}
    reply = server.post("/assess", body)
    _, expected, _ = cli(capsys, "assess", str(NOMINEE), "--ruleset", "tuyen-quang-2023",
                         "--on", "2024-12-20")  # fmt: skip
    assert reply.status == 200
    assert reply.json() == expected
    validate(reply.json(), "assessment")
    explicit = {**body, "window": {"start": "2023-10-01", "end": "2024-12-20"}}
    del explicit["on"]
    _, expected, _ = cli(capsys, "assess", str(NOMINEE), "--ruleset", "tuyen-quang-2023",
                         "--from", "2023-10-01", "--to", "2024-12-20")  # fmt: skip
    assert server.post("/assess", explicit).json() == expected
    assert_problem(server.post("/assess", {**body, **explicit}), 422)


def test_window_deadline_calendar_are_the_cli_answers(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    _, expected, _ = cli(capsys, "window", "2024-12-20", "--policy", "emulation-year")
    assert (
        server.post("/window", {"date": "2024-12-20", "policy": "emulation-year"}).json()
        == expected
    )
    args = ["--ruleset", "tuyen-quang-2023", "--deadline", "dossier-submission", "--year", "2024"]
    _, expected, _ = cli(
        capsys, "deadline", *args, "--at", "2024-10-29T18:30:00Z", "--reading", "inclusive"
    )
    body = {"ruleset": "tuyen-quang-2023", "deadline": "dossier-submission", "year": 2024,
            "at": "2024-10-29T18:30:00Z", "reading": "inclusive"}  # fmt: skip
    assert server.post("/deadline", body).json() == expected
    _, expected, _ = cli(capsys, "calendar", "--ruleset", "tuyen-quang-2023", "--year", "2024",
                         "--roll-over", "--day-off", "2024-10-14")  # fmt: skip
    reply = server.get(
        "/calendar?ruleset=tuyen-quang-2023&year=2024&roll_over=true&day_off=2024-10-14"
    )
    assert reply.status == 200
    assert reply.json() == expected


def test_rulesets_and_criteria_are_the_cli_listings(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    _, expected, _ = cli(capsys, "rulesets")
    served = server.get("/rulesets").json()
    assert served[: len(expected)] == expected
    assert [r["id"] for r in served[len(expected) :]] == ["lac-son-2025", "my-province-2024"]
    one = server.get("/rulesets/tuyen-quang-2023").json()
    assert one == next(r for r in expected if r["id"] == "tuyen-quang-2023")
    _, expected, _ = cli(capsys, "criteria", "--ruleset", "tuyen-quang-2023")
    assert server.get("/rulesets/tuyen-quang-2023/criteria").json() == expected
    assert_problem(server.get("/rulesets/nowhere"), 404, "unknown_ruleset")
    assert_problem(server.get("/rulesets/nowhere/criteria"), 404, "unknown_ruleset")


def test_interpretations_is_the_register(server: Server) -> None:
    """A-1, A-33: GET /interpretations is every entry of the register, in order, each with its
    default first among its readings (the register page is built from it)."""
    from dienhinh import INTERPRETATIONS

    served = server.get("/interpretations").json()
    assert served == [i.to_json() for i in INTERPRETATIONS.values()]
    assert [e["id"] for e in served][:2] == ["A-1", "A-2"]
    assert all(e["default"] == e["readings"][0]["name"] for e in served)
    a33 = next(e for e in served if e["id"] == "A-33")
    assert [r["name"] for r in a33["readings"]] == ["first-month", "whole-quarter"]


def test_floors_is_the_cli_answer(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    reply = server.post("/floors", FLOORS.read_text(encoding="utf-8"))
    status, expected, _ = cli(capsys, "floors", str(FLOORS))
    assert status == 0
    assert reply.status == 200, reply.body[:300]
    assert reply.json() == expected
    assert expected["short"] >= 1
    validate(reply.json(), "floors-output")
    doc = assert_problem(server.post("/floors", {**load(FLOORS), "ruleset": "../x.toml"}), 422)
    assert doc["code"] == "unknown_ruleset"


def test_a_ruleset_named_at_start_serves_by_its_id(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    _, expected, _ = cli(capsys, "window", "2024-12-20", "--ruleset", str(PROVINCE))
    reply = server.post("/window", {"date": "2024-12-20", "ruleset": "my-province-2024"})
    assert reply.status == 200
    assert reply.json() == expected


def test_a_round_and_floors_under_a_file_named_at_start_are_the_cli_records(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The documents name the file; the request names its id; the records are the same."""
    for command, name in (("round", "round.json"), ("floors", "floors.json")):
        body = {**load(LAC_SON / name), "ruleset": "lac-son-2025"}
        reply = server.post(f"/{command}", body)
        assert reply.status == 200, reply.body[:300]
        # A document names its ruleset by id; the command line is given the file (issue 14).
        own = str(LAC_SON / "lac-son-2025.toml")
        _, expected, _ = cli(capsys, command, "--ruleset", own, str(LAC_SON / name))
        assert reply.json() == expected
    record = server.post(
        "/round", {**load(LAC_SON / "round.json"), "ruleset": "lac-son-2025"}
    ).json()
    reply = server.post("/verify", record)
    assert reply.status == 200, reply.body[:300]
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    _, expected, _ = cli(
        capsys, "verify", str(path), "--ruleset", str(LAC_SON / "lac-son-2025.toml")
    )
    assert reply.json() == expected


def test_a_ballot_and_an_assessment_under_a_file_named_at_start_are_the_cli_records(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    lac_son = str(LAC_SON / "lac-son-2025.toml")
    reply = server.post("/ballot", load(LAC_SON / "ballot.json"))
    assert reply.status == 200, reply.body[:300]
    _, expected, _ = cli(capsys, "ballot", str(LAC_SON / "ballot.json"), "--ruleset", lac_son)
    assert reply.json() == expected
    assert server.post("/verify", reply.json()).json()["verified"] is True
    body = {
        "ruleset": "lac-son-2025",
        "on": "2025-12-15",
        "nominee": load(LAC_SON / "nominee.json"),
    }
    reply = server.post("/assess", body)
    assert reply.status == 200, reply.body[:300]
    _, expected, _ = cli(capsys, "assess", str(LAC_SON / "nominee.json"), "--ruleset", lac_son,
                         "--on", "2025-12-15")  # fmt: skip
    assert reply.json() == expected


def test_a_request_never_names_a_file(server: Server, tmp_path: Path) -> None:
    """A path where a ruleset id goes is refused unread, in a round, a record or a query."""
    body = {**load(ROUND), "ruleset": str(PROVINCE)}
    doc = assert_problem(server.post("/round", body), 422, "unknown_ruleset")
    assert doc["path"] == "$.ruleset"
    assert_problem(server.post("/window", {"date": "2024-12-20", "ruleset": str(PROVINCE)}), 422)
    record = server.post("/round", load(ROUND)).json()
    record["inputs"]["ruleset"] = str(PROVINCE)
    assert_problem(server.post("/verify", record), 422, "unknown_ruleset")
    assert_problem(server.get(f"/calendar?ruleset={PROVINCE}&year=2024"), 422, "unknown_ruleset")


# -- problems -------------------------------------------------------------------------------


def test_a_bad_round_is_the_cli_message_with_its_path(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    body = load(ROUND)
    body["nominationz"] = body.pop("nominations")
    text = json.dumps(body, ensure_ascii=False)
    status, _, err = cli(capsys, "round", "-", stdin=text)
    assert status == 2
    doc = assert_problem(server.post("/round", text), 422, "invalid_input")
    message = err.strip().removeprefix("dienhinh round: error: ")
    assert doc["detail"] == message.replace("<stdin>", "request")
    assert {(e["path"], e["kind"]) for e in doc["errors"]} == {
        ("$.nominations", "missing_key"),
        ("$", "unknown_key"),
    }
    assert doc["path"] == "$.nominations"
    del body["nominationz"]
    doc = assert_problem(server.post("/round", body), 422, "missing_key")


def test_malformed_json_and_non_utf8_are_400(server: Server) -> None:
    doc = assert_problem(server.post("/round", '{"ruleset": '), 400, "malformed_json")
    assert "line 1" in doc["detail"]
    assert_problem(server.post("/ballot", b"\xff\xfe{}"), 400, "malformed_json")
    assert_problem(server.post("/round", '{"a": 1, "a": 2}'), 400, "malformed_json")


def test_unknown_routes_and_methods_are_problems(server: Server) -> None:
    assert_problem(server.get("/nowhere"), 404, "not_found")
    assert_problem(server.get("/round"), 405, "method_not_allowed")
    assert_problem(server.get("/schemas/nowhere"), 404, "not_found")


def test_schemas_are_served_as_published(server: Server) -> None:
    assert len(schema_names()) >= 7
    for name in schema_names():
        reply = server.get(f"/schemas/{name}")
        assert reply.status == 200
        assert reply.type == "application/schema+json"
        assert reply.body.decode("utf-8") == schema_text(name)


def test_body_size_limit_is_413() -> None:
    with serve("--max-body", "2000") as small:
        assert_problem(small.post("/round", ROUND.read_text(encoding="utf-8") + " " * 2000), 413,
                       "body_too_large")  # fmt: skip
        assert small.post("/ballot", BALLOT.read_text(encoding="utf-8")).status == 200


def test_time_limit_is_a_problem_not_a_hang() -> None:
    with serve("--time-limit", "0.000001") as hasty:
        doc = assert_problem(hasty.post("/round", demo_input()), 503, "time_limit")
        assert "0.000001" in doc["detail"] or "1e-06" in doc["detail"]


def test_cors_is_off_unless_an_origin_is_named(server: Server) -> None:
    origin = {"origin": "https://cards.example.vn"}
    reply = server.request("GET", "/healthz", headers=origin)
    assert "access-control-allow-origin" not in reply.headers
    with serve("--cors", "https://cards.example.vn") as open_:
        reply = open_.request("GET", "/healthz", headers=origin)
        assert reply.headers["access-control-allow-origin"] == "https://cards.example.vn"
        other = open_.request("GET", "/healthz", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
        pre = open_.request("OPTIONS", "/round", headers={
            **origin, "access-control-request-method": "POST",
            "access-control-request-headers": "content-type"})  # fmt: skip
        assert pre.status == 200
        assert pre.headers["access-control-allow-origin"] == "https://cards.example.vn"


def test_a_bad_option_or_ruleset_file_at_start_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\nid = 'x'\n", encoding="utf-8")
    for args in (
        ["--ruleset", str(bad)],
        ["--cors", "example.vn"],
        ["--ruleset", str(tmp_path / "none.toml")],
    ):
        out = subprocess.run([sys.executable, "-m", "dienhinh", "serve", "--port", "0", *args],
                             capture_output=True, text=True, timeout=120)  # fmt: skip
        assert out.returncode == 2, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert out.stderr.startswith("dienhinh serve: error: ")


def test_without_the_extra_serve_says_what_to_install() -> None:
    code = "import sys; sys.modules['starlette'] = None\nfrom dienhinh.cli import main\nraise SystemExit(main(['serve']))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "pip install 'dienhinh[serve]'" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_the_command_line_does_not_import_the_extra() -> None:
    code = ("import sys, dienhinh.cli; dienhinh.cli._main._parser();"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'starlette', 'uvicorn', 'anyio'}))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_the_server_module_imports_starlette_and_uvicorn() -> None:
    users = set()
    for path in (ROOT / "src" / "dienhinh").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])  # fmt: skip
            if any(n.split(".")[0] in ("starlette", "uvicorn", "anyio") for n in names):
                users.add(path.name)
    assert users == {"_serve.py"}


# -- OpenAPI ----------------------------------------------------------------------------------


def test_openapi_is_valid_3_1_with_an_example_per_operation(server: Server) -> None:
    reply = server.get("/openapi.json")
    assert reply.status == 200
    spec = reply.json()
    assert spec["openapi"].startswith("3.1")
    validate_openapi(spec)
    operations = [(p, m, op) for p, item in spec["paths"].items() for m, op in item.items()]
    served = {(m, p) for p, m, _ in operations}
    for path in ("/round", "/ballot", "/resolve", "/assess", "/verify", "/window", "/deadline",
                 "/floors"):  # fmt: skip
        assert ("post", path) in served
    for path in ("/rulesets", "/rulesets/{id}", "/rulesets/{id}/criteria", "/calendar",
                 "/interpretations", "/schemas/{name}", "/openapi.json", "/healthz"):  # fmt: skip
        assert ("get", path) in served
    for path, method, op in operations:
        if path == "/openapi.json":
            continue
        answer_doc = op["responses"]["200"]["content"]["application/json"]
        assert "example" in answer_doc, path
        _conforms(spec, answer_doc["schema"], answer_doc["example"])
        if method == "post":
            request_doc = op["requestBody"]["content"]["application/json"]
            _conforms(spec, request_doc["schema"], request_doc["example"])
        assert "application/problem+json" in op["responses"]["4XX"]["content"]
        if method == "post":
            example = op["requestBody"]["content"]["application/json"]["example"]
            answer = server.post(path, example)
            assert answer.status == 200, (path, answer.body[:300])
            assert answer.json() == op["responses"]["200"]["content"]["application/json"]["example"]


def test_openapi_embeds_the_published_schemas(server: Server) -> None:
    spec = server.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert len(schema_names()) >= 7
    for name in schema_names():
        published: Any = schema(name)
        # The same schema, keyword for keyword: only its identity and where its $refs point moved.
        assert _shape(schemas[name]) == _shape(published)
    refs = list(_refs(spec["components"]))
    assert refs
    for ref in refs:  # every $ref points inside the document, at something there
        assert ref.startswith("#/"), ref
        node: Any = spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    op = spec["paths"]["/round"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/round-input"
    }


def _conforms(spec: dict[str, Any], schema: dict[str, Any], instance: Any) -> None:
    """``instance`` is valid against ``schema`` (a $ref into the description's components)."""
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "components": spec["components"], **schema}  # fmt: skip
    jsonschema.Draft202012Validator(root).validate(instance)


def _shape(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: "<ref>" if k == "$ref" else _shape(v) for k, v in node.items()
                if k not in ("$id", "$schema")}  # fmt: skip
    if isinstance(node, list):
        return [_shape(v) for v in node]
    return node


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


# -- the page -----------------------------------------------------------------------------------


def test_the_page_is_served_with_nothing_from_outside(server: Server) -> None:
    page = server.get("/")
    assert page.status == 200
    assert page.type.startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("/app.js", "/app.css"):
        assert server.get(name).status == 200
    web = ROOT / "src" / "dienhinh" / "cli" / "web"
    for path in web.iterdir():
        text = path.read_text(encoding="utf-8")
        for outside in ("http://", "https://", "//cdn", "@import"):
            assert outside not in text, (path, outside)
