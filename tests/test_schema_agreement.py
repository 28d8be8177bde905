"""The JSON readers and the published schemas agree: the same keys, the same required keys,
and ``null`` accepted exactly where the schema allows it (issue 14: "schema and code agree")."""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

from dienhinh.io import _ballot, _council, _nominee, _round
from dienhinh.io._json import NULLABLE

SCHEMAS = Path(__file__).resolve().parent.parent / "src" / "dienhinh" / "io" / "schemas"


def _schema(name: str) -> Any:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def resolve(node: Any, here: str) -> tuple[Any, str]:
    """Follow ``$ref`` (also into another schema file) until a node without one."""
    while "$ref" in node:
        ref = node["$ref"]
        file, _, pointer = ref.partition("#")
        here = file or here
        node = _schema(here)
        for part in pointer.strip("/").split("/"):
            if part:
                node = node[part]
    return node, here


def unwrap(node: Any, here: str) -> tuple[bool, Any, str]:
    """(whether ``null`` is allowed, the non-null schema, its file)."""
    node, here = resolve(node, here)
    nullable = False
    for key in ("oneOf", "anyOf"):
        if key in node:
            options = [resolve(o, here) for o in node[key]]
            rest = [(o, h) for o, h in options if o.get("type") != "null"]
            nullable = len(rest) < len(options)
            if len(rest) == 1:
                return nullable, rest[0][0], rest[0][1]
            return nullable, node, here
    kind = node.get("type")
    if isinstance(kind, list) and "null" in kind:
        nullable = True
    if "enum" in node and None in node["enum"]:
        nullable = True
    return nullable, node, here


def object_node(node: Any, here: str) -> tuple[Any, str]:
    """The object schema of ``node``: itself, its non-null option, or its object option."""
    _, node, here = unwrap(node, here)
    if node.get("type") == "array":
        return object_node(node["items"], here)
    for key in ("oneOf", "anyOf"):
        for option in node.get(key, []):
            opt, h = resolve(option, here)
            if opt.get("type") == "object":
                return opt, h
    return node, here


def at(file: str, *path: str) -> tuple[Any, str]:
    node: Any = _schema(file)
    for part in path:
        node = node[part]
    return object_node(node, file)


PAIRS: list[tuple[type[Any], tuple[Any, str]]] = [
    (_ballot.BallotDocument, at("ballot-input.json")),
    (_council.CouncilDoc, at("ballot-input.json", "properties", "council")),
    (_ballot.NomineeDoc, at("ballot-input.json", "properties", "nominees")),
    (_council.BallotDoc, at("ballot-input.json", "properties", "ballots")),
    (_ballot.RuleDoc, at("ballot-input.json", "properties", "rule")),
    (_ballot.CapDoc, at("ballot-input.json", "properties", "cap")),
    (_ballot.RuleRefDoc, at("reason.json", "$defs", "rule")),
    (_ballot.CitationDoc, at("reason.json", "$defs", "citation")),
    (_nominee.NomineeDocument, at("nominee.json")),
    *((cls, at("nominee.json", "$defs", name)) for name, cls in _nominee._DOCS.items()),
    (_round.RoundDocument, at("round-input.json")),
    (_round.NominationDoc, at("round-input.json", "$defs", "nomination")),
    (_round.DossierDoc, at("round-input.json", "$defs", "dossier")),
    (_round.UnitDoc, at("round-input.json", "$defs", "unit")),
]


def nullable_in_code(annotation: Any) -> bool:
    return typing.get_origin(annotation) is typing.Annotated and NULLABLE in annotation.__metadata__


def optional_in_code(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = annotation.__origin__
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(annotation)


@pytest.mark.parametrize(("cls", "node"), PAIRS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_document_class_and_its_schema_agree(cls: type[Any], node: tuple[Any, str]) -> None:
    schema, here = node
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {a.name: a for a in attrs.fields(cls)}
    assert set(fields) == set(schema["properties"]), cls.__name__
    required = {n for n, a in fields.items() if a.default is attrs.NOTHING}
    if cls is _ballot.CitationDoc:
        # reason.json describes the citation a record prints, every key present; a hand-written
        # input may leave out the parts it does not have (they default as in Citation).
        assert required <= set(schema["required"])
    else:
        assert required == set(schema.get("required", [])), cls.__name__
    for name, prop in schema["properties"].items():
        nullable, _, _ = unwrap(prop, here)
        assert nullable_in_code(hints[name]) == nullable, f"{cls.__name__}.{name}"
        if nullable:
            assert optional_in_code(hints[name]), f"{cls.__name__}.{name}"


def _is_scalar_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = annotation.__origin__
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        (annotation,) = [a for a in typing.get_args(annotation) if a is not type(None)]
    args = typing.get_args(annotation)
    return typing.get_origin(annotation) is list and args[0] in (str, dt.date)


@pytest.mark.parametrize(("cls", "node"), PAIRS, ids=lambda v: getattr(v, "__name__", ""))
def test_every_list_the_reader_refuses_repeats_in_says_unique_items(
    cls: type[Any], node: tuple[Any, str]
) -> None:
    """The reader refuses a repeated item in every list of ids, names or dates (after NFC)."""
    schema, here = node
    hints = typing.get_type_hints(cls, include_extras=True)
    for name, prop in schema["properties"].items():
        if _is_scalar_list(hints[name]):
            _, array, _ = unwrap(prop, here)
            assert array.get("uniqueItems") is True, f"{cls.__name__}.{name}"
