"""Verifying a decision record given as JSON: re-derive it and compare every key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dienhinh._canonical import plain
from dienhinh._errors import InvalidValueError, VerificationError, clip
from dienhinh.round._run import ruleset_digest
from dienhinh.rulesets._load import builtin_rulesets
from dienhinh.rulesets._ruleset import Ruleset

__all__ = ["compare", "first_difference", "same_ruleset", "verify_document"]


def compare(doc: Mapping[str, object], fresh: Mapping[str, object], *, source: str) -> None:
    """Raise :class:`VerificationError` naming the first place where ``doc`` and ``fresh`` differ.

    The comparison is of JSON values, types included: ``9`` is not ``9.0``, ``true`` is not
    ``1``, and a key added or removed — ``null`` or not — is a change. The message names the
    top-level key and the JSON path of the first difference.
    """
    where = first_difference(doc, plain(fresh))
    if where is not None:
        key = where.removeprefix("$.").split(".")[0].split("[")[0]
        raise VerificationError(
            f"{source}: the record's {key!r} does not re-derive from its inputs "
            f"(first difference at {where})",
            field=key,
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
    text: str | bytes, *, source: str = "<input>", ruleset: Ruleset | None = None
) -> dict[str, Any]:
    """Re-derive the record in ``text`` from its ``inputs``; any difference is an error."""
    from dienhinh.io._public import read_record, record_document

    record = read_record(text, name=source, ruleset=ruleset)
    fresh = record_document(record, ruleset)
    return {"verified": True, "kind": fresh["kind"], "digest": fresh["digest"]}


def first_difference(given: Any, fresh: Any) -> str | None:
    """The JSON path of the first place where two JSON values differ, or ``None``.

    Types count: ``9`` and ``9.0``, ``true`` and ``1`` differ; so does a key present in one
    object only, whatever its value.

    >>> first_difference({"a": [1, 2]}, {"a": [1, 2.0]})
    '$.a[1]'
    >>> first_difference({"tie": None}, {}), first_difference(True, 1)
    ('$.tie', '$')
    """
    todo: list[tuple[str, Any, Any]] = [("$", given, fresh)]
    while todo:
        path, a, b = todo.pop()
        if type(a) is not type(b):
            return path
        if isinstance(a, dict):
            keys = sorted(set(a) | set(b), reverse=True)
            for key in keys:
                if key not in a or key not in b:
                    return f"{path}.{clip(key, 60)}"
            todo.extend((f"{path}.{clip(key, 60)}", a[key], b[key]) for key in keys)
        elif isinstance(a, list):
            if len(a) != len(b):
                return path
            todo.extend(
                (f"{path}[{i}]", x, y)
                for i, (x, y) in reversed(list(enumerate(zip(a, b, strict=True))))
            )
        elif a != b:
            return path
    return None
