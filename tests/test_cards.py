"""Cards a front end draws as they come: labels, votes, benefit, reasons in a documented order,
numbers as numbers, Vietnamese dates dd/mm/yyyy, failing criteria named by their titles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from dienhinh import run_round
from dienhinh._labels import LABELS
from dienhinh.io import demo
from dienhinh.rulesets import load_catalogue
from tests.round_builders import make_round, nomination, record
from tests.schemas import validate

SEVERITY_ORDER = ["fail", "pending", "warning", "pass", "info"]
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def awaiting_and_final() -> tuple[dict[str, Any], dict[str, Any]]:
    return run_round(demo(chair=False)).to_json(), run_round(demo()).to_json()


def _texts(doc: object, key: str) -> Iterator[str]:
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _texts(v, key)
    elif isinstance(doc, list):
        for v in doc:
            yield from _texts(v, key)


def test_every_card_carries_its_labels_votes_and_benefit(
    awaiting_and_final: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    for doc in awaiting_and_final:
        validate(doc, "round-output")
        tally = {t["nominee"]: t for t in doc["ballot"]["tally"]}
        benefits = {b["nominee"]: b for b in doc["benefits"]}
        for card in doc["outcomes"]:
            labels = card["labels"]
            assert labels["outcome"] == LABELS["outcome"][card["outcome"]]
            assert labels["kind"] == LABELS["kind"][card["kind"]]
            assert labels["status"] == LABELS["status"][doc["status"]]
            assert labels["threshold"] == LABELS["threshold"][card["threshold"]]
            t = tally.get(card["nominee"])
            if t is None:
                assert (card["approvals"], card["rank"], card["threshold"]) == (
                    None,
                    None,
                    "not_voted",
                )
            else:
                assert (card["approvals"], card["members"], card["rank"]) == (
                    t["approvals"], t["members"], t["rank"],
                )  # fmt: skip
                assert card["threshold"] == ("met" if t["meets_threshold"] else "not_met")
            b = benefits.get(card["nominee"])
            assert (card["certificate"], card["cash_vnd"]) == (
                (None, None) if b is None else (b["certificate"], b["cash_vnd"])
            )
            assert (card["outcome"] == "recognised") == (b is not None)


def test_a_cards_reasons_come_by_severity_then_in_procedure_order(
    awaiting_and_final: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    final = run_round(demo())
    doc = awaiting_and_final[1]
    seen: set[str] = set()
    for card, outcome in zip(doc["outcomes"], final.outcomes, strict=True):
        ranks = [SEVERITY_ORDER.index(r["severity"]) for r in card["reasons"]]
        assert ranks == sorted(ranks)
        seen.update(r["severity"] for r in card["reasons"])
        # The same reasons as the outcome's, and in procedure order within a severity.
        procedure = [r.to_json() for r in outcome.reasons]
        for severity in SEVERITY_ORDER:
            assert [r for r in card["reasons"] if r["severity"] == severity] == [
                r for r in procedure if r["severity"] == severity
            ]
    assert {"fail", "pass"} <= seen


def test_vietnamese_texts_write_dates_dd_mm_yyyy(
    awaiting_and_final: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    doc = awaiting_and_final[1]
    vi = list(_texts(doc, "vi"))
    assert any(re.search(r"\b\d{2}/\d{2}/\d{4}\b", t) for t in vi)
    assert [t for t in vi if ISO_DATE.search(t)] == []
    # English keeps ISO dates, and params keep them as data.
    assert any(ISO_DATE.search(t) for t in _texts(doc, "en"))


def test_the_cash_reward_keeps_its_numbers_as_numbers(
    awaiting_and_final: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    reasons = [r for b in awaiting_and_final[1]["benefits"] for r in b["reasons"]
               if r["code"] == "round.cash_reward"]  # fmt: skip
    assert reasons
    for b in awaiting_and_final[1]["benefits"]:
        for r in b["reasons"]:
            if r["code"] != "round.cash_reward":
                continue
            p = r["params"]
            assert p["amount"] == b["cash_vnd"]
            assert isinstance(p["amount"], int)
            assert isinstance(p["base"], int)
            assert isinstance(p["step"], int)
            assert p["amount_vi"] == f"{p['amount']:,}".replace(",", ".")
            assert p["amount_en"] == f"{p['amount']:,}"
            assert p["amount"] % p["step"] == 0
            assert re.fullmatch(r"\d+(/\d+)?", p["multiplier"])


def test_a_failing_criterion_is_named_by_its_title() -> None:
    """TQ-3.1d attested as not holding: the card names TQ-3.1d and its title in both languages."""
    decision = run_round(make_round([nomination("N1", nominee=record(failing=["TQ-3.1d"]))]))
    (reason,) = [r for r in decision.outcome("N1").reasons if r.code == "round.criteria_not_met"]
    (criterion,) = [c for c, _, _ in load_catalogue("tuyen-quang-2023").walk() if c.id == "TQ-3.1d"]
    assert reason.params["failed"] == ["TQ-3.1d"]
    assert f"TQ-3.1d ({criterion.title_vi})" in reason.vi
    assert f"TQ-3.1d ({criterion.title_en})" in reason.en
    card = json.loads(json.dumps(decision.to_json()))["outcomes"][0]
    assert card["reasons"][0]["code"] == "round.criteria_not_met"
    assert card["labels"]["outcome"] == {"vi": "không đủ điều kiện", "en": "ineligible"}
