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
