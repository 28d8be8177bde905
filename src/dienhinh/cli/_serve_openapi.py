"""The OpenAPI 3.1 description of ``dienhinh serve``, built from the published JSON Schemas.

One source of truth: the request and response bodies that have a JSON Schema
(``round-input``, ``round-output``, ``ballot-input``, ``ballot-output``,
``nominee``, ``assessment``, ``reason``) are those very files, embedded under
``components/schemas`` with their ``$ref``s pointed inside the document. The
few bodies of the server alone (the problem document, the requests of the
endpoints whose CLI takes options rather than a file) are described here.
Every operation has an example request and response; the responses are
computed by the server from the example requests when the description is
built, so they cannot drift from what it answers.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from importlib.resources import files
from typing import Any, Final

from dienhinh._canonical import plain
from dienhinh._version import __version__
from dienhinh.cli._serve_api import Service, demo_input, problem
from dienhinh.io import schema, schema_names

__all__ = ["EXAMPLES", "openapi", "schema_files"]

EXAMPLES: Final = "serve-examples.json"


def schema_files() -> dict[str, Any]:
    """Every schema shipped in the package (:func:`dienhinh.io.schema`) by name."""
    return {name: schema(name) for name in schema_names()}


_REF: Final = re.compile(r"^(?:[^#]*/)?(?P<file>[^/#]+)\.json(?P<frag>#.*)?$")


def _embed(name: str, schema: Any) -> Any:
    """``schema`` with its ``$ref``s pointing into ``#/components/schemas`` (no ``$id`` left)."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in ("$id", "$schema"):
                    continue
                if key == "$ref" and isinstance(value, str):
                    out[key] = _target(name, value)
                else:
                    out[key] = walk(value)
            return out
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)


def _target(name: str, ref: str) -> str:
    if ref.startswith("#"):
        return f"#/components/schemas/{name}{ref[1:]}"
    m = _REF.match(ref)
    if m is None:  # pragma: no cover - every published $ref is to a sibling file
        raise ValueError(f"schema {name}: cannot embed $ref {ref!r}")
    frag = (m.group("frag") or "#")[1:]
    return f"#/components/schemas/{m.group('file')}{frag}"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_DATE: Final = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_READINGS: Final = {
    "type": "object",
    "description": 'Readings of the interpretation register chosen, e.g. {"A-1": "inclusive"}.',
    "additionalProperties": {"type": "string"},
}

OWN_SCHEMAS: Final[dict[str, Any]] = {
    "problem": {
        "type": "object",
        "description": "An RFC 9457 problem document (application/problem+json).",
        "required": ["type", "title", "status", "detail", "code", "path"],
        "properties": {
            "type": {"type": "string", "description": "urn:dienhinh:problem:<code>"},
            "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string", "description": "The command line's one-line message."},
            "code": {"type": "string", "description": "A stable machine code."},
            "path": {"type": ["string", "null"], "description": "The JSON path of the bad value."},
            "instance": {"type": "string"},
            "errors": {
                "type": "array",
                "description": "Every problem of a document, each with its JSON path.",
                "items": {
                    "type": "object",
                    "required": ["path", "message"],
                    "properties": {
                        "path": {"type": "string"},
                        "message": {"type": "string"},
                        "allowed": {"type": ["string", "null"]},
                        "kind": {"type": "string"},
                    },
                },
            },
        },
    },
    "resolve-request": {
        "type": "object",
        "additionalProperties": False,
        "required": ["record", "chair_choice"],
        "properties": {
            "record": {
                "description": "A round or ballot record awaiting the chair, as returned.",
                **_ref("record"),
            },
            "chair_choice": {"type": "array", "items": {"type": "string"}},
        },
    },
    "assess-request": {
        "type": "object",
        "additionalProperties": False,
        "required": ["ruleset", "nominee"],
        "properties": {
            "ruleset": {"type": "string", "description": "A built-in ruleset id."},
            "nominee": _ref("nominee"),
            "on": {**_DATE, "description": "The consideration date: the window is the ruleset's."},
            "window": {
                "type": "object",
                "additionalProperties": False,
                "required": ["start", "end"],
                "properties": {"start": _DATE, "end": _DATE},
            },
            "readings": _READINGS,
        },
    },
    "window-request": {
        "type": "object",
        "additionalProperties": False,
        "required": ["date"],
        "properties": {
            "date": _DATE,
            "ruleset": {"type": "string", "default": "tuyen-quang-2023"},
            "policy": {
                "type": "string",
                "description": "The A-3 reading: emulation-year (the default, one year) or literal.",
            },
            "deadline": {"type": "string"},
            "readings": _READINGS,
        },
    },
    "deadline-request": {
        "type": "object",
        "additionalProperties": False,
        "required": ["ruleset", "deadline", "year", "at"],
        "properties": {
            "ruleset": {"type": "string"},
            "deadline": {"type": "string", "description": "e.g. dossier-submission"},
            "year": {"type": "integer"},
            "at": {"type": "string", "description": "YYYY-MM-DD or an ISO timestamp with offset"},
            "reading": {"type": "string", "description": "The A-1 reading."},
            "roll_over": {"type": "boolean", "description": "A-17 roll-over."},
            "days_off": {"type": "array", "items": _DATE},
            "readings": _READINGS,
        },
    },
    "record": {"anyOf": [_ref("round-output"), _ref("ballot-output")]},
    "any-record": {
        "description": "A decision record the server or the command line printed.",
        "anyOf": [_ref("round-output"), _ref("ballot-output"), _ref("assessment")],
    },
    "health": {
        "type": "object",
        "required": ["status", "version", "rulesets"],
        "properties": {
            "status": {"const": "ok"},
            "version": {"type": "string"},
            "rulesets": {"type": "array", "items": {"type": "string"}},
        },
    },
    "interpretations": {
        "type": "array",
        "description": "The interpretation register (docs/interpretations.md): every ambiguity "
        "with its readings, the first being the default. A computation takes the choices as "
        '`"readings": {"A-1": "inclusive"}` (the calendar as `read=A-1=inclusive`).',
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "title", "rules", "question", "default", "readings"],
            "properties": {
                "id": {"type": "string", "pattern": "^A-[0-9]+$"},
                "title": {"type": "string"},
                "rules": {"type": "array", "items": {"type": "string"}},
                "question": {"type": "string"},
                "default": {"type": "string", "description": "The name of the default reading."},
                "readings": {
                    "type": "array",
                    "minItems": 2,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["name", "en", "vi"],
                        "properties": {
                            "name": {"type": "string"},
                            "en": {"type": "string"},
                            "vi": {"type": "string"},
                        },
                    },
                },
            },
        },
    },
    "json": {"description": "A JSON value (a JSON Schema, for /schemas/{name})."},
}


def _examples() -> dict[str, Any]:
    text = files("dienhinh.cli").joinpath(EXAMPLES).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _schema_or(name: str, fallback: str = "json", *, item: bool = False) -> str:
    """``name`` if a schema of that name is shipped (``item``: its array's items), else ``fallback``."""
    if name not in schema_names():
        return fallback
    return f"{name}/items" if item else name


def operations(service: Service) -> Iterator[dict[str, Any]]:
    """Each operation: method, path, id, summary, request and response schema, examples."""
    ex = _examples()
    ballot_out = service.ballot(ex["ballot"])
    resolve = {"record": ballot_out, "chair_choice": ex["resolve_choice"]}

    def post(
        path: str, op: str, summary: str, request: str, response: str, body: Any,
        run: Callable[[Any], Any],
    ) -> dict[str, Any]:  # fmt: skip
        return {"method": "post", "path": path, "id": op, "summary": summary, "request": request,
                "response": response, "example": body, "answer": run(body)}  # fmt: skip

    def get(
        path: str, op: str, summary: str, response: str, answer: Any, **extra: Any
    ) -> dict[str, Any]:
        return {"method": "get", "path": path, "id": op, "summary": summary, "response": response,
                "answer": answer, **extra}  # fmt: skip

    yield post("/round", "round", "Run a recognition round (dienhinh round)",
               "round-input", "round-output", ex["round"], service.round)  # fmt: skip
    yield post("/ballot", "ballot", "Count a council's ballot (dienhinh ballot)",
               "ballot-input", "ballot-output", ex["ballot"], service.ballot)  # fmt: skip
    yield post("/resolve", "resolve", "Finish a record awaiting the chair with the chair's choice",
               "resolve-request", "record", resolve, service.resolve)  # fmt: skip
    yield post("/assess", "assess", "Assess one nominee against a ruleset's criteria (dienhinh assess)",
               "assess-request", "assessment", ex["assess"], service.assess)  # fmt: skip
    yield post("/verify", "verify", "Re-derive a record and check its digest (dienhinh verify)",
               "any-record", _schema_or("verify-output"), ballot_out, service.verify)  # fmt: skip
    yield post("/window", "window", "The achievement window for a consideration date (dienhinh window)",
               "window-request", _schema_or("window-output"), ex["window"], service.window)  # fmt: skip
    yield post("/deadline", "deadline", "Check a submission against a deadline (dienhinh deadline)",
               "deadline-request", _schema_or("deadline-output"), ex["deadline"], service.deadline)  # fmt: skip
    yield post("/floors", "floors", "Each unit against its ruleset's floors (dienhinh floors)",
               _schema_or("floors-input"), _schema_or("floors-output"), ex["floors"], service.floors)  # fmt: skip
    yield get("/rulesets", "rulesets", "The rulesets this server knows (dienhinh rulesets)",
              _schema_or("rulesets-output"), service.rulesets())  # fmt: skip
    first = service.ids()[0]
    yield get("/rulesets/{id}", "ruleset", "One ruleset's summary",
              _schema_or("rulesets-output", item=True),
              service.ruleset_summary(first), params=[("id", "path", first)])  # fmt: skip
    yield get("/rulesets/{id}/criteria", "criteria", "A ruleset's criteria catalogue (dienhinh criteria)",
              _schema_or("criteria-output"), service.criteria(first), params=[("id", "path", first)])  # fmt: skip
    query = {"ruleset": [first], "year": ["2024"]}
    yield get("/calendar", "calendar", "The year's deadlines and milestones (dienhinh calendar)",
              _schema_or("calendar-output"), service.calendar(query),
              params=[("ruleset", "query", first), ("year", "query", "2024"),
                      ("reading", "query", None), ("roll_over", "query", None),
                      ("day_off", "query", None), ("read", "query", None)])  # fmt: skip
    yield get("/interpretations", "interpretations",
              "The interpretation register: every reading a computation can choose",
              "interpretations", service.interpretations())  # fmt: skip
    yield get("/schemas/{name}", "schema", "A published JSON Schema", "json",
              schema_files()["reason"], params=[("name", "path", "reason")])  # fmt: skip
    yield get("/demo", "demo", "The shipped demo round's input (dienhinh demo)", "round-input",
              demo_input())  # fmt: skip
    yield get("/healthz", "health", "Liveness", "health", service.health())


def openapi(service: Service) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the server."""
    schemas: dict[str, Any] = {n: _embed(n, s) for n, s in schema_files().items()}
    schemas.update(copy.deepcopy(OWN_SCHEMAS))
    paths: dict[str, Any] = {}
    problem_response = {
        "description": "The input is refused (the command line's one-line message).",
        "content": {
            "application/problem+json": {
                "schema": _ref("problem"),
                "example": problem(422, "unknown_key", "request: invalid round input: "
                                   "$.nominationz: is not a key of round input", path="$.nominationz"),
            }
        },
    }  # fmt: skip
    for op in operations(service):
        item: dict[str, Any] = {
            "operationId": op["id"],
            "summary": op["summary"],
            "responses": {
                "200": {
                    "description": "The command's JSON.",
                    "content": {
                        "application/json": {
                            "schema": _ref(op["response"]),
                            "example": plain(op["answer"]),
                        }
                    },
                },
                "4XX": problem_response,
            },
        }
        if op["method"] == "post":
            item["requestBody"] = {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": _ref(op["request"]),
                        "example": op["example"],
                    }
                },
            }
        params = []
        for name, where, example in op.get("params", []):
            param: dict[str, Any] = {
                "name": name,
                "in": where,
                "required": where == "path" or name in ("ruleset", "year"),
                "schema": {"type": "string"},
            }
            if name in ("day_off", "read"):
                param["schema"] = {"type": "array", "items": {"type": "string"}}
                param["explode"] = True
            if example is not None:
                param["example"] = example
            params.append(param)
        if params:
            item["parameters"] = params
        paths.setdefault(op["path"], {})[op["method"]] = item
    paths["/openapi.json"] = {"get": {"operationId": "openapi", "summary": "This description",
                                      "responses": {"200": {"description": "OpenAPI 3.1",
                                                            "content": {"application/json": {}}}}}}  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "dienhinh",
            "version": __version__,
            "summary": "Recognition of advanced exemplars (điển hình tiên tiến) as citable rules.",
            "description": "Every computation of the dienhinh command line, with the same JSON "
            "bodies. Refusals are application/problem+json (RFC 9457) with the command line's "
            "one-line message, the JSON path of the bad value and a stable code.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "paths": paths,
        "components": {"schemas": schemas},
    }
