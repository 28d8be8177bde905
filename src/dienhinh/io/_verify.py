"""Verifying a decision record given as JSON: re-derive it and compare every key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dienhinh._errors import VerificationError

__all__ = ["compare", "verify_document"]


def compare(doc: Mapping[str, object], fresh: Mapping[str, object], *, source: str) -> None:
    """Raise :class:`VerificationError` naming the first key where ``doc`` and ``fresh`` differ."""
    for key in sorted(set(doc) | set(fresh)):
        if doc.get(key) != fresh.get(key):
            raise VerificationError(
                f"{source}: the record's {key!r} does not re-derive from its inputs", field=key
            )


def verify_document(text: str, *, source: str = "<input>") -> dict[str, Any]:
    """Re-derive the record in ``text`` from its ``inputs``; any difference is an error."""
    from dienhinh.io._public import read_record, record_document

    record = read_record(text, name=source)
    fresh = record_document(record)
    return {"verified": True, "kind": fresh["kind"], "digest": fresh["digest"]}
