"""Verifying a decision record given as JSON: re-derive it and compare every key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dienhinh._errors import InvalidValueError, VerificationError
from dienhinh.round._run import ruleset_digest
from dienhinh.rulesets._load import builtin_rulesets
from dienhinh.rulesets._ruleset import Ruleset

__all__ = ["compare", "same_ruleset", "verify_document"]


def compare(doc: Mapping[str, object], fresh: Mapping[str, object], *, source: str) -> None:
    """Raise :class:`VerificationError` naming the first key where ``doc`` and ``fresh`` differ."""
    for key in sorted(set(doc) | set(fresh)):
        if doc.get(key) != fresh.get(key):
            raise VerificationError(
                f"{source}: the record's {key!r} does not re-derive from its inputs", field=key
            )


def same_ruleset(doc: Mapping[str, Any], given: Ruleset | None, *, source: str) -> Ruleset | None:
    """The ruleset a round record is re-derived under: ``given`` if it is the one the record names.

    A record carries the digest of the ruleset it was made under: a different file is refused,
    never silently used; a record made under a file needs that file (``--ruleset FILE``).
    """
    named = doc.get("ruleset")
    digest = named.get("digest") if isinstance(named, Mapping) else None
    rid = named.get("id") if isinstance(named, Mapping) else None
    if given is None:
        if isinstance(rid, str) and rid not in builtin_rulesets():
            raise InvalidValueError(
                f"was made under ruleset {rid!r}, which is not built in: give its file",
                field=f"{source}: ruleset", value=rid, allowed="--ruleset FILE",
            )  # fmt: skip
        return None
    if digest != ruleset_digest(given):
        raise VerificationError(
            f"{source}: the record was made under another ruleset than {given.source or given.id} "
            f"(record {digest}, this file {ruleset_digest(given)})",
            field="ruleset",
        )
    return given


def verify_document(
    text: str, *, source: str = "<input>", ruleset: Ruleset | None = None
) -> dict[str, Any]:
    """Re-derive the record in ``text`` from its ``inputs``; any difference is an error."""
    from dienhinh.io._public import read_record, record_document

    record = read_record(text, name=source, ruleset=ruleset)
    fresh = record_document(record, ruleset)
    return {"verified": True, "kind": fresh["kind"], "digest": fresh["digest"]}
