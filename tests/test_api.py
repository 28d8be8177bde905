"""The public API: each façade exports exactly its ``__all__``, and importing stays light."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import types

import pytest

FACADES = [
    "dienhinh",
    "dienhinh.voting",
    "dienhinh.calendar",
    "dienhinh.criteria",
    "dienhinh.rulesets",
    "dienhinh.round",
    "dienhinh.io",
    "dienhinh.report",
    "dienhinh.cli",
]


def _facades() -> list[str]:
    found = []
    for name in FACADES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        found.append(name)
    return found


@pytest.mark.parametrize("name", _facades())
def test_all_is_exactly_the_public_names(name: str) -> None:
    """Every public name of a façade is in ``__all__`` and every ``__all__`` entry exists."""
    module = importlib.import_module(name)
    # dir(), not vars(): the root's upper-layer entry points load on first use.
    public = {
        n
        for n in dir(module)
        if not n.startswith("_") and not isinstance(getattr(module, n), types.ModuleType)
    }
    assert set(module.__all__) == public | ({"__version__"} & set(module.__all__))
    assert len(module.__all__) == len(set(module.__all__))


@pytest.mark.parametrize("name", _facades())
def test_public_names_are_not_private_modules_leaking(name: str) -> None:
    """Nothing in ``__all__`` is a module: one import path per concept."""
    module = importlib.import_module(name)
    for n in module.__all__:
        assert not isinstance(getattr(module, n), types.ModuleType), n


def test_import_dienhinh_is_light() -> None:
    """`import dienhinh` loads none of the JSON, TOML or optional-extra machinery."""
    code = (
        "import sys, json, dienhinh, dienhinh.voting;"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'cattrs', 'holidays', 'icalendar', 'tomllib', 'jsonschema', 'starlette', 'uvicorn',"
        " 'anyio'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_every_error_is_a_dienhinh_error_and_a_builtin() -> None:
    """Each public exception derives from DienhinhError and from the builtin a caller catches."""
    import dienhinh

    errors = [getattr(dienhinh, n) for n in dienhinh.__all__ if n.endswith("Error")]
    assert errors
    for cls in errors:
        assert issubclass(cls, dienhinh.DienhinhError)
        if cls is dienhinh.UnreadableFileError:
            # A file that cannot be read is what `except OSError` already catches.
            assert issubclass(cls, OSError), cls
        elif cls is not dienhinh.DienhinhError:
            assert issubclass(cls, ValueError | TypeError | LookupError | ImportError), cls


def test_the_error_tree_in_the_docstring_names_every_error() -> None:
    """The tree drawn in the errors module lists every exception class."""
    import dienhinh
    from dienhinh import _errors

    doc = _errors.__doc__ or ""
    for n in dienhinh.__all__:
        if n.endswith("Error"):
            assert n in doc, n
