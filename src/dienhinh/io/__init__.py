"""The JSON boundary: documents in, records out — and the only user of cattrs.

The readers take JSON text (``str``), UTF-8 bytes, or a path (:class:`pathlib.Path`)
and are strict: an unknown key, a repeated key, a float where a fraction is meant, a
string where a list is meant — each a :class:`~dienhinh.InvalidInputError` naming the
JSON path; a file that cannot be read is an :class:`~dienhinh.UnreadableFileError`.
The writers give back the JSON text the command line prints. :func:`read_record`
re-derives a printed record from its inputs; :func:`demo` gives the shipped round.
Every document has a JSON Schema shipped in the package (:func:`schema`).

>>> from pathlib import Path
>>> from dienhinh import run_round
>>> from dienhinh.io import read_record, read_round, write_record
>>> decision = run_round(read_round(Path("examples/rounds/small-tuyen-quang.json")))
>>> text = write_record(decision)
>>> read_record(text) == decision
True
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from dienhinh.io._ballot import ballot_document, parse_ballot
    from dienhinh.io._json import parse_json
    from dienhinh.io._nominee import assessment_document, parse_nominee
    from dienhinh.io._public import (
        JSONSource,
        Record,
        demo,
        read_ballot,
        read_nominee,
        read_record,
        read_round,
        record_document,
        write_ballot,
        write_nominee,
        write_record,
        write_round,
    )
    from dienhinh.io._round import parse_round
    from dienhinh.io._schemas import SCHEMA_BASE, schema, schema_names, schema_text
    from dienhinh.io._verify import verify_document

# Each name loads its module on first use: a command reading a round does not make the ballot
# document's readers, the schemas' index or the verifier (`dienhinh demo` loads what it runs).
_LAZY: _typing.Final = {
    "SCHEMA_BASE": "_schemas", "JSONSource": "_public", "Record": "_public",
    "assessment_document": "_nominee", "ballot_document": "_ballot", "demo": "_public",
    "parse_ballot": "_ballot", "parse_json": "_json", "parse_nominee": "_nominee",
    "parse_round": "_round", "read_ballot": "_public", "read_nominee": "_public",
    "read_record": "_public", "read_round": "_public", "record_document": "_public",
    "schema": "_schemas", "schema_names": "_schemas", "schema_text": "_schemas",
    "verify_document": "_verify", "write_ballot": "_public", "write_nominee": "_public",
    "write_record": "_public", "write_round": "_public",
}  # fmt: skip


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dienhinh.io' has no attribute {name!r}")
    value = getattr(_importlib.import_module(f"dienhinh.io.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "SCHEMA_BASE",
    "JSONSource",
    "Record",
    "assessment_document",
    "ballot_document",
    "demo",
    "parse_ballot",
    "parse_json",
    "parse_nominee",
    "parse_round",
    "read_ballot",
    "read_nominee",
    "read_record",
    "read_round",
    "record_document",
    "schema",
    "schema_names",
    "schema_text",
    "verify_document",
    "write_ballot",
    "write_nominee",
    "write_record",
    "write_round",
]
