"""The round's JSON contract: the round-input schema, round-output.json and the cards."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dienhinh import CouncilLevel, Priority, RoundOutcome, RoundStatus, Stage
from dienhinh.cli import main
from dienhinh.io import schema
from tests.schemas import validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "rounds").glob("*.json")) + sorted(
    p
    for p in (ROOT / "src" / "dienhinh" / "data").glob("*.json")
    if "nominations" in p.read_text("utf-8")
)
"""The round inputs shipped as examples, and the demo's round in the package data."""
SMALL = ROOT / "examples" / "rounds" / "small-tuyen-quang.json"


def run(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, Any, str]:
    status = main(["round", str(path)])
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out else None), err


def small() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SMALL.read_text(encoding="utf-8"))
    return doc


def cards(value: Any) -> Iterator[dict[str, Any]]:
    """Every reason object (a card) of an output, wherever it sits; not inside ``inputs``."""
    if isinstance(value, dict):
        if {"code", "severity", "citation"} <= value.keys():
            yield value
            return
        for key, item in value.items():
            if key != "inputs":
                yield from cards(item)
    elif isinstance(value, list):
        for item in value:
            yield from cards(item)


def write(tmp_path: Path, doc: dict[str, Any], name: str = "round.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


# -- variants of the small example, one per branch of the output ------------------------------------


def _tied_sixteen() -> dict[str, Any]:
    """Sixteen equally good nominees with equal votes for fifteen slots (TQ-2.1b, TQ-6.2b)."""
    doc = small()
    base = doc["nominations"][0]
    ids = [f"HTX-{i:02}" for i in range(1, 17)]
    doc["nominations"] = [{**copy.deepcopy(base), "id": i, "name": f"HTX {i}"} for i in ids]
    doc["dossiers"][0]["reports"] = ids
    for ballot in doc["ballots"]:
        ballot["approve"] = ids
    doc["national_pool_size"] = None
    return doc


def _eligibility_failures() -> dict[str, Any]:
    """Every eligibility reason: consent (TQ-2.1a), death (TQ-2.1c), head (TQ-4.2), dossier
    (TQ-8.3a), criteria unknown (TQ-4.1), KT-1 … KT-3; an individual who is Công dân tiêu biểu;
    an eligible nominee under the threshold."""
    doc = small()
    base = doc["nominations"][0]
    individual = {
        **copy.deepcopy(base), "id": "NGUYEN-VAN-AN", "kind": "individual",
        "name": "Nguyễn Văn An", "fields": ["agriculture"],
    }  # fmt: skip
    doc["nominations"] += [
        individual,
        {**copy.deepcopy(base), "id": "NO-CONSENT", "consent": False},
        {**copy.deepcopy(base), "id": "CONSENT-UNKNOWN", "consent": None},
        {**copy.deepcopy(base), "id": "DIED", "died_on": "2024-11-01"},
        {**copy.deepcopy(base), "id": "NOT-SELECTED", "selected_by_head": False},
        {**copy.deepcopy(base), "id": "NO-REPORT"},
        {**copy.deepcopy(base), "id": "NO-EVIDENCE", "evidence": []},
        {
            **copy.deepcopy(base), "id": "UNIT-RECORD", "stage": "replicate", "supports": "unit",
            "priority": ["small_collective", "direct_worker"],
        },
        {**copy.deepcopy(base), "id": "OTHER-UNIT", "unit": "UBND huyện Sơn Dương"},
        {**copy.deepcopy(base), "id": "FEW-VOTES"},
    ]  # fmt: skip
    doc["dossiers"][0]["reports"] = [
        n["id"] for n in doc["nominations"] if n["id"] not in {"NO-REPORT", "OTHER-UNIT"}
    ]
    for i, ballot in enumerate(doc["ballots"]):
        ballot["approve"] = [
            n["id"] for n in doc["nominations"] if n["id"] != "FEW-VOTES" or i < 5
        ]  # 5 of 10 approvals for FEW-VOTES: under the 9 needed (TQ-2.1b)
    doc["exemplary_citizens"] = ["NGUYEN-VAN-AN", "TRAN-THI-BINH"]
    doc["national_pool_size"] = None
    doc["units"] = [
        {"id": "UBND huyện Yên Sơn", "scope": "district-people-committee", "recognised": 6},
        {"id": "UBND xã Mỹ Bằng", "scope": "commune-people-committee"},
    ]
    return doc


def _late_council() -> dict[str, Any]:
    """A province council meeting on 31/12: not “trước ngày 31/12” (TQ-6.1b, A-1)."""
    doc = small()
    doc["considered_on"] = "2024-12-31"
    doc["decided_on"] = "2025-01-05"
    doc["national_pool_size"] = None  # nobody is recognised: a size of 1 exceeds the pool (TQ-6.3)
    return doc


def _unit_round() -> dict[str, Any]:
    """A unit's council (A-19) after the 2025 reform: the district floor has ended (A-15)."""
    doc = small()
    doc["level"] = "unit"
    doc["considered_on"] = "2025-10-10"
    doc["decided_on"] = None
    doc["dossiers"] = []
    doc["national_pool_size"] = None
    doc["readings"] = {"A-10": "introduced"}
    return doc


def _kon_tum() -> dict[str, Any]:
    """Kon Tum's guidance letter: no criteria, no window, no benefits table (KT-1 … KT-3)."""
    doc = small()
    doc["ruleset"] = "kon-tum-2022"
    doc["nominations"][0]["stage"] = "summarise"
    doc["units"] = []
    doc["national_pool_size"] = None
    return doc


VARIANTS = {
    "tie-at-the-fifteenth-slot": _tied_sixteen,
    "every-eligibility-reason": _eligibility_failures,
    "late-council": _late_council,
    "unit-round": _unit_round,
    "kon-tum": _kon_tum,
}


# -- the tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_round_example_is_json_of_the_input_schema(path: Path) -> None:
    """Each shipped round input (examples/rounds, the demo's) follows round-input.json."""
    validate(json.loads(path.read_text(encoding="utf-8")), "round-input")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_dienhinh_round_prints_json_of_the_output_schema(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    """`dienhinh round` on each example exits 0 and prints a record of round-output.json."""
    status, out, err = run(capsys, path)
    assert (status, err) == (0, "")
    validate(out, "round-output")


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_branch_of_the_output_is_json_of_the_schemas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """Ties, every eligibility reason, a late council, a unit round and Kon Tum: input and output
    both follow their schemas, and every card in the output follows reason.json."""
    doc = VARIANTS[name]()
    validate(doc, "round-input")
    status, out, err = run(capsys, write(tmp_path, doc))
    assert (status, err) == (0, "")
    validate(out, "round-output")
    found = list(cards(out))
    assert found
    for card in found:
        validate(card, "reason")


def test_the_variants_reach_every_outcome_status_and_floor_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Between them the variants print every outcome, round status and floor status the schema
    names, except the statuses the Tuyên Quang ballot rule cannot reach (no quorum, a tie
    handed back undecided), and a record with and one without a window."""
    outcomes, statuses, floors, windows = set(), set(), set(), set()
    for name, make in sorted(VARIANTS.items()):
        _, out, _ = run(capsys, write(tmp_path, make(), f"{name}.json"))
        outcomes |= {o["outcome"] for o in out["outcomes"]}
        statuses.add(out["status"])
        floors |= {f["status"] for f in out["floors"]}
        windows.add(out["window"] is None)
    assert outcomes == {o.value for o in RoundOutcome} - {"undecided"}
    assert statuses == {"final", "awaiting_chair"}
    assert floors == {"met", "short", "unknown", "ended"}
    assert windows == {True, False}


@pytest.mark.parametrize("name", ["small", *sorted(VARIANTS)])
def test_the_records_inputs_are_a_round_input_that_re_derives_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """A record's `inputs` is JSON of round-input.json and, run again, gives the same digest."""
    doc = small() if name == "small" else VARIANTS[name]()
    _, first, _ = run(capsys, write(tmp_path, doc, "first.json"))
    validate(first["inputs"], "round-input")
    status, again, err = run(capsys, write(tmp_path, first["inputs"], "again.json"))
    assert (status, err) == (0, "")
    assert again["digest"] == first["digest"]
    assert again == first


def test_the_cards_of_the_small_example_follow_reason_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each reason of the small example's record is a self-contained card (reason.json)."""
    _, out, _ = run(capsys, SMALL)
    found = list(cards(out))
    assert {c["code"] for c in found} >= {
        "ruleset.draft", "round.consent", "round.criteria_met", "ballot.meets_threshold",
        "round.cash_reward", "round.national_pool", "round.floor_short", "round.authority",
    }  # fmt: skip
    for card in found:
        validate(card, "reason")


def _schema(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = schema(name)
    return doc


def test_the_schemas_enums_are_the_codes_enums() -> None:
    """Outcomes, statuses, levels, stages and priority groups: the schemas list exactly the
    values the code has."""
    out, inp = _schema("round-output"), _schema("round-input")
    nomination = inp["$defs"]["nomination"]["properties"]
    assert out["$defs"]["outcome"]["properties"]["outcome"]["enum"] == [
        o.value for o in RoundOutcome
    ]
    assert out["properties"]["status"]["enum"] == [s.value for s in RoundStatus]
    assert out["properties"]["level"]["enum"] == [lv.value for lv in CouncilLevel]
    assert inp["properties"]["level"]["enum"] == [lv.value for lv in CouncilLevel]
    assert nomination["stage"]["enum"] == [s.value for s in Stage] + [None]
    assert nomination["supports"]["enum"] == [lv.value for lv in CouncilLevel] + [None]
    assert nomination["priority"]["items"]["enum"] == [p.value for p in Priority]


BAD: dict[str, tuple[str, Any]] = {
    "an unknown key": ("chairman", "m01"),
    "a consent that is not true, false or null": ("nominations.0.consent", "yes"),
    "a level that does not exist": ("level", "district"),
    "a dossier received without an offset": ("dossiers.0.received", "2024-10-28T09:15:00"),
    "a negative pool size": ("national_pool_size", -1),
    "a stage that does not exist": ("nominations.0.stage", "celebrate"),
}


def _set(doc: dict[str, Any], where: str, value: Any) -> None:
    *path, last = where.split(".")
    target: Any = doc
    for key in path:
        target = target[int(key)] if key.isdigit() else target[key]
    target[last] = value


@pytest.mark.parametrize("case", sorted(BAD))
def test_what_the_schema_refuses_the_command_refuses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    """An input the schema rejects is also rejected by `dienhinh round` (exit 2, one line)."""
    doc = small()
    _set(doc, *BAD[case])
    with pytest.raises(jsonschema.ValidationError):
        validate(doc, "round-input")
    status, out, err = run(capsys, write(tmp_path, doc))
    assert (status, out) == (2, None)
    assert err.startswith("dienhinh round: error:")
    assert err.count("\n") == 1
