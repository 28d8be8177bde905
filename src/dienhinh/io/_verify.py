"""Verifying a decision record given as JSON: re-derive it and compare every key."""

from __future__ import annotations

from typing import Any

from dienhinh._errors import InvalidValueError, VerificationError
from dienhinh.io._ballot import ballot_document, parse_ballot
from dienhinh.io._json import parse_json
from dienhinh.io._nominee import assessment_document, reassess
from dienhinh.io._round import parse_round
from dienhinh.round._run import run_round
from dienhinh.rulesets._load import ballot_parameters
from dienhinh.voting import count

__all__ = ["verify_document"]


def verify_document(text: str, *, source: str = "<input>") -> dict[str, Any]:
    """Re-derive the record in ``text`` from its ``inputs``; any difference is an error."""
    doc = parse_json(text, source=source)
    if not isinstance(doc, dict) or "kind" not in doc or "inputs" not in doc:
        raise InvalidValueError(
            "is not a decision record",
            field=source,
            allowed="a JSON object with 'kind' and 'inputs'",
        )
    kind = doc["kind"]
    if kind == "ballot":
        inputs = parse_ballot(doc["inputs"], source=f"{source}: inputs", ruleset=ballot_parameters)
        fresh = ballot_document(count(inputs))
    elif kind == "criteria-assessment":
        fresh = assessment_document(reassess(doc["inputs"], source=f"{source}: inputs"))
    elif kind == "round":
        fresh = run_round(parse_round(doc["inputs"], source=f"{source}: inputs")).to_json()
    else:
        raise InvalidValueError(
            "is not a kind of record this version verifies",
            field="kind",
            value=kind,
            allowed="ballot, criteria-assessment, round",
        )
    for key in sorted(set(doc) | set(fresh)):
        if doc.get(key) != fresh.get(key):
            raise VerificationError(
                f"{source}: the record's {key!r} does not re-derive from its inputs", field=key
            )
    return {"verified": True, "kind": kind, "digest": fresh["digest"]}
