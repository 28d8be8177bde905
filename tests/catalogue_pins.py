"""Pins of the shipped data: every number and every piece of logic of each shipped TOML file.

A *pin* is one entry of a shipped file — a criterion, a field, the standing, a floor, a
deadline, the ballot … — reduced to what decides an outcome: its combinator and children,
evidence type, thresholds, counts, levels, look-backs, kinds; a ruleset's threshold, cap,
floors, deadlines, window, amounts and multipliers. Wording (titles, quotes, notes, who
attests) is left out: it changes nothing a round computes. Each pin carries the provision it
reads, so a difference is reported by rule id and citation.

The reviewed snapshots live in ``tests/snapshots/<file>.json`` (the review, and the readings
where a catalogue departs from the literal text: ``tests/snapshots/REVIEW.md``);
``tests/test_catalogue_pins.py`` compares the shipped files with them. After a change of a shipped file that the text really
calls for, review it against the text and rewrite the snapshots with
``uv run python -m tests.catalogue_pins``.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import importlib.resources
import json
import tomllib
from collections.abc import Iterator, Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"

CATALOGUES = (
    "tuyen-quang-2023.criteria.toml",
    "bac-kan-2021.criteria.toml",
    "ninh-thuan-2023.criteria.toml",
)
RULESETS = (
    "tuyen-quang-2023.toml",
    "kon-tum-2022.toml",
    "bac-kan-2021.toml",
    "ninh-thuan-2023.toml",
)

WORDING = frozenset({"title", "quote", "as_printed", "issuer", "form", "id"})
"""Keys that hold wording (and ``id``, which names the pin itself), left out of every pin."""

ARRAY_KEYS = {"floors": "scope", "deadlines": "name", "milestones": "id"}
"""Arrays of tables in a ruleset and the key that names each entry."""

Pin = dict[str, Any]
Pins = dict[str, Pin]


def _find(root: Traversable, name: str) -> Traversable | None:
    for item in root.iterdir():
        if item.is_file() and item.name == name:
            return item
        if item.is_dir() and not item.name.startswith(("_", ".")):
            found = _find(item, name)
            if found is not None:
                return found
    return None


@functools.cache
def _read(name: str) -> dict[str, Any]:
    found = _find(importlib.resources.files("dienhinh"), name)
    assert found is not None, f"{name} is not shipped in the dienhinh package"
    return tomllib.loads(found.read_text(encoding="utf-8"))


def shipped(name: str) -> dict[str, Any]:
    """The shipped file ``name``, found anywhere in the ``dienhinh`` package, as TOML data (a
    fresh copy: a caller may change it in memory)."""
    return copy.deepcopy(_read(name))


def _is_wording(key: str) -> bool:
    return key in WORDING or key.endswith(("_vi", "_en"))


def provision(citation: Mapping[str, Any] | None, *, document: str, division: str) -> str:
    """A citation as one short line: ``TQ Art. 3, cl. 2, pt. o`` or ``BK Sec. IV, cl. 1``."""
    if not citation:
        return document
    doc = citation.get("document", document)
    div = citation.get("division", division)
    parts = []
    if "article" in citation:
        parts.append(("Art. " if div == "article" else "Sec. ") + str(citation["article"]))
    if "clause" in citation:
        parts.append(f"cl. {citation['clause']}")
    if "point" in citation:
        parts.append(f"pt. {citation['point']}")
    return f"{doc} {', '.join(parts)}".strip()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _values(table: Mapping[str, Any], *, document: str, division: str) -> Pin:
    """A table's deciding values; each nested ``*citation`` becomes a ``*provision`` line."""
    out: Pin = {}
    for key, value in table.items():
        if _is_wording(key):
            continue
        if key.endswith("citation"):
            out[key.replace("citation", "provision")] = provision(
                value, document=document, division=division
            )
        elif isinstance(value, dict):
            out[key] = _values(value, document=document, division=division)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out[key] = [_values(v, document=document, division=division) for v in value]
        else:
            out[key] = _plain(value)
    return out


def catalogue_pins(data: Mapping[str, Any]) -> Pins:
    """One pin per criterion id, per field, for the standing, the field group and the top level."""
    document = str(data.get("document", ""))
    division = str(data.get("division", "article"))
    cite = {"document": document, "division": division}
    pins: Pins = {
        "(catalogue)": {
            "provision": document,
            **{
                k: _plain(v)
                for k, v in data.items()
                if k not in ("standing", "field", "criterion", "window") and not _is_wording(k)
            },
        }
    }
    if "window" in data:
        window = data["window"]
        pins[f"(window) {window['id']}"] = _values(window, **cite)
    standing = dict(data["standing"])
    group = standing.pop("fields")
    pins[f"(standing) {standing['id']}"] = _values(standing, **cite)
    pins[f"(field group) {group['id']}"] = _values(group, **cite)
    for field in data["field"]:
        pins[f"(field) {field['id']}"] = _values(field, **cite)
    for criterion in data["criterion"]:
        pins[str(criterion["id"])] = _values(criterion, **cite)
    return pins


def ruleset_pins(data: Mapping[str, Any]) -> Pins:
    """One pin per top-level table of a ruleset, per entry of its arrays of tables."""
    document = str(data["document"]["code"])
    division = str(data["document"].get("division", "article"))
    cite = {"document": document, "division": division}
    pins: Pins = {
        "(ruleset)": {
            "provision": document,
            **{k: _plain(v) for k, v in data.items() if not isinstance(v, dict | list)},
        }
    }
    for key, value in data.items():
        if isinstance(value, dict):
            table = dict(value)
            for sub, items in value.items():
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    del table[sub]
                    for entry in items:
                        pins[f"{key}.{sub}[{_plain(entry.get('from', '?'))}]"] = _values(
                            entry, **cite
                        )
            pins[key] = _values(table, **cite)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for i, entry in enumerate(value):
                name = entry.get(ARRAY_KEYS.get(key, ""), i)
                pins[f"{key}[{name}]"] = _values(entry, **cite)
    return pins


def pins_of(name: str, data: Mapping[str, Any]) -> Pins:
    """The pins of the shipped file ``name`` (a catalogue or a ruleset) read as ``data``."""
    return catalogue_pins(data) if name.endswith(".criteria.toml") else ruleset_pins(data)


def _where(key: str, pin: Pin) -> str:
    rule = pin.get("rule")
    label = key if rule is None or rule == key else f"{key} ({rule})"
    return f"{label}, {pin.get('provision', '?')}"


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k in sorted(value):
            yield from _leaves(value[k], f"{path}.{k}" if path else k)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{path}[{i}]")
    else:
        yield path, value


def differences(snapshot: Pins, current: Pins) -> list[str]:
    """One line per difference, naming the pin (rule id), its provision, the key and both values."""
    out: list[str] = []
    for key in sorted(snapshot.keys() | current.keys()):
        if key not in current:
            out.append(f"{_where(key, snapshot[key])}: removed from the shipped file")
            continue
        if key not in snapshot:
            out.append(f"{_where(key, current[key])}: new in the shipped file, not in the snapshot")
            continue
        old, new = dict(_leaves(snapshot[key])), dict(_leaves(current[key]))
        for path in sorted(old.keys() | new.keys()):
            if old.get(path, "(absent)") != new.get(path, "(absent)"):
                out.append(
                    f"{_where(key, snapshot[key])}: {path} was {json.dumps(old.get(path, '(absent)'), ensure_ascii=False)}"
                    f", is now {json.dumps(new.get(path, '(absent)'), ensure_ascii=False)}"
                )
    return out


def snapshot_path(name: str) -> Path:
    return SNAPSHOTS / f"{name.removesuffix('.toml')}.json"


def render(name: str, data: Mapping[str, Any]) -> str:
    doc = {"file": name, "pins": pins_of(name, data)}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load_snapshot(name: str) -> Pins:
    """The reviewed snapshot of ``name`` (a fresh copy)."""
    return copy.deepcopy(_snapshot(name))


@functools.cache
def _snapshot(name: str) -> Pins:
    pins: Pins = json.loads(snapshot_path(name).read_text(encoding="utf-8"))["pins"]
    return pins


def main() -> None:
    SNAPSHOTS.mkdir(exist_ok=True)
    for name in (*CATALOGUES, *RULESETS):
        snapshot_path(name).write_text(render(name, shipped(name)), encoding="utf-8")
        print(f"wrote {snapshot_path(name).relative_to(SNAPSHOTS.parent.parent)}")


if __name__ == "__main__":
    main()
