"""examples/cards/: the static card page reads only what the round-output schema documents.

Every field the page reads from an outcome, its labels and its reasons is a property the
schema defines, and the demo's record has it; so the page draws the demo's JSON as documented
(a browser is not needed to check which fields it reads)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dienhinh import run_round
from dienhinh.io import demo, schema

PAGE = Path(__file__).resolve().parent.parent / "examples" / "cards"


def _read(name: str, script: str) -> set[str]:
    return set(re.findall(rf"\b{name}\.([a-z_]+)\b", script))


def test_the_page_reads_only_documented_fields() -> None:
    script = (PAGE / "cards.js").read_text(encoding="utf-8")
    out: Any = schema("round-output")
    outcome: dict[str, Any] = out["$defs"]["outcome"]["properties"]
    reason: Any = schema("reason")["properties"]
    used_outcome = _read("outcome", script)
    used_reason = _read("reason", script) | _read("r", script)
    assert used_outcome
    assert used_outcome <= set(outcome)
    assert _read("labels", script) <= set(outcome["labels"]["properties"])
    assert used_reason <= set(reason)
    assert _read("record", script) <= set(out["properties"])
    html = (PAGE / "index.html").read_text(encoding="utf-8")
    assert '<script src="cards.js"></script>' in html


def test_the_demo_record_has_every_field_the_page_reads() -> None:
    script = (PAGE / "cards.js").read_text(encoding="utf-8")
    doc = json.loads(json.dumps(run_round(demo()).to_json()))
    assert doc["kind"] == "round"
    for o in doc["outcomes"]:
        assert _read("outcome", script) <= set(o)
        assert _read("labels", script) <= set(o["labels"])
        for label in o["labels"].values():
            assert set(label) == {"vi", "en"}
        for r in o["reasons"] + o["missing"]:
            assert {"severity", "rule", "citation", "vi", "en"} <= set(r)
