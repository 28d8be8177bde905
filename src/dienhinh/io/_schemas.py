"""The JSON Schemas of every command's input and output, shipped in the package.

Read through :mod:`importlib.resources`, so they are there wherever the package is
installed (the wheel carries them). Each has a stable ``$id``,
``https://dienhinh.dev/schemas/<name>.json``; references between them are relative
(``reason.json``), so a validator given all of them resolves every ``$ref``.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Final

from dienhinh._errors import UnknownIdError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["SCHEMA_BASE", "schema", "schema_names", "schema_text"]

SCHEMA_BASE: Final = "https://dienhinh.dev/schemas/"
"""The prefix of every schema's ``$id``: ``SCHEMA_BASE + name + ".json"``."""


def _folder() -> Traversable:
    # Imported here: importlib.resources brings tempfile, shutil, zipfile… into every command.
    from importlib.resources import files

    return files("dienhinh.io").joinpath("schemas")


@functools.cache
def schema_names() -> tuple[str, ...]:
    """The names of the shipped schemas (``round-input``, ``round-output``, …), sorted."""
    return tuple(
        sorted(
            p.name.removesuffix(".json") for p in _folder().iterdir() if p.name.endswith(".json")
        )
    )


def schema_text(name: str) -> str:
    """The schema ``name`` as the JSON text shipped (``dienhinh schema NAME`` prints it)."""
    if name not in schema_names():
        raise UnknownIdError(
            "is not a schema of this version",
            field="schema",
            value=name,
            allowed=", ".join(schema_names()),
        )
    text: str = _folder().joinpath(f"{name}.json").read_text(encoding="utf-8")
    return text


def schema(name: str) -> dict[str, object]:
    """The schema ``name`` as a JSON value (a fresh copy: changing it changes nothing shipped).

    >>> s = schema("round-output")
    >>> s["$id"]
    'https://dienhinh.dev/schemas/round-output.json'
    """
    value: dict[str, object] = json.loads(schema_text(name))
    return value
