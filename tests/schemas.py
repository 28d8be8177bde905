"""The JSON Schemas shipped in the package (``dienhinh.io.schema``), as validators for the tests."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema
from referencing import Registry, Resource

from dienhinh.io import schema, schema_names

SCHEMA_NAMES = schema_names()


@functools.cache
def _registry() -> Registry:
    resources = []
    for name in SCHEMA_NAMES:
        s = schema(name)
        resources.append((str(s["$id"]), Resource.from_contents(s)))
    return Registry().with_resources(resources)


def validate(instance: Any, name: str) -> None:
    """Validate ``instance`` against the shipped schema ``name``; raises on the first error."""
    s = schema(name)
    cls = jsonschema.validators.validator_for(s)
    cls.check_schema(s)
    cls(s, registry=_registry()).validate(instance)
