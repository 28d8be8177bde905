"""A-42: when a document without its own commencement clause takes effect (issue 10).

Bắc Kạn's plan 458/KH-UBND (signed 19/07/2021, “giai đoạn 2021-2025”) and Kon Tum's letter
4054/UBND-NC (signed 29/11/2022) state no “có hiệu lực từ ngày …”. By default they apply from the
day they were signed; under ``named-period`` from the first day of the period the document names
for itself, which the ruleset declares (``[effective] named_from``: BK 2021-01-01; KT none).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from dienhinh import (
    InvalidValueError,
    Readings,
    RoundDecision,
    Ruleset,
    RulesetError,
    dump_ruleset,
    load_ruleset,
    parse_ruleset,
    run_round,
)
from dienhinh.calendar import year_schedule
from dienhinh.cli import main
from tests.round_builders import D, make_round

BK = load_ruleset("bac-kan-2021")
KT = load_ruleset("kon-tum-2022")
NAMED = Readings().choose("A-42", "named-period")
REFUSE = Readings().choose("A-32", "refuse")


def _round(ruleset: Ruleset, day: dt.date, readings: Readings | None = None) -> RoundDecision:
    return run_round(
        make_round([], ruleset=ruleset, dossiers=[], considered_on=day, readings=readings)
    )


def _outside(decision: RoundDecision) -> list[dict[str, Any]]:
    return [dict(r.params) for r in decision.reasons if r.code == "ruleset.outside_effect"]


def _listed(decision: RoundDecision) -> dict[str, str]:
    return {u.id: u.reading for u in decision.used}


def test_bk_a_42_the_plan_declares_the_period_it_names() -> None:
    """The data, not Python, hold both starts: signed 19/07/2021, the period from 01/01/2021."""
    assert (BK.effective.start, BK.effective.named_start) == (D(2021, 7, 19), D(2021, 1, 1))
    assert BK.effective.end == D(2025, 12, 31)
    assert BK.document.signed_on == BK.effective.start


def test_bk_a_42_signing_date_a_round_of_june_2021_is_outside_the_plan() -> None:
    """Decided on 01/06/2021, between the two starts: by default (signing-date) the plan is not
    yet in force, the round carries the notice “từ 19/07/2021 …” and lists A-42 and A-32."""
    decision = _round(BK, D(2021, 6, 1))
    (notice,) = _outside(decision)
    assert notice["period_vi"] == "từ 19/07/2021 đến hết ngày 31/12/2025"
    assert notice["start"] == "2021-07-19"
    assert _listed(decision)["A-42"] == "signing-date"
    assert _listed(decision)["A-32"] == "notice"


def test_bk_a_42_named_period_a_round_of_june_2021_is_inside_the_plan() -> None:
    """Under named-period the plan “giai đoạn 2021-2025” applies from 01/01/2021: the same round
    carries no notice, relies on no A-32, and lists A-42 (it decided that the day is inside)."""
    decision = _round(BK, D(2021, 6, 1), NAMED)
    assert _outside(decision) == []
    assert _listed(decision)["A-42"] == "named-period"
    assert "A-32" not in _listed(decision)
    listed = decision.to_json()["interpretations"]
    assert {"id": "A-42", "reading": "named-period", "default": False} in listed


def test_bk_a_42_before_both_starts_the_notice_states_the_start_read() -> None:
    """Decided on 15/12/2020, before both starts: outside either way, and the period the notice
    states is the one A-42 reads."""
    default = _outside(_round(BK, D(2020, 12, 15)))
    named = _outside(_round(BK, D(2020, 12, 15), NAMED))
    assert [n["period_vi"] for n in default] == ["từ 19/07/2021 đến hết ngày 31/12/2025"]
    assert [n["period_vi"] for n in named] == ["từ 01/01/2021 đến hết ngày 31/12/2025"]
    assert _listed(_round(BK, D(2020, 12, 15), NAMED))["A-42"] == "named-period"


@pytest.mark.parametrize("readings", [None, NAMED], ids=["signing-date", "named-period"])
def test_bk_a_42_inside_both_periods_the_reading_decides_nothing(readings: Readings | None) -> None:
    """Decided on 19/07/2021 (the signature) or in 2024: inside under either start, no notice, and
    A-42 is not listed."""
    for day in (D(2021, 7, 19), D(2024, 12, 20)):
        decision = _round(BK, day, readings)
        assert _outside(decision) == []
        assert "A-42" not in _listed(decision)


def test_bk_a_42_under_a_32_refuse_the_reading_decides_whether_the_round_is_computed() -> None:
    """A-32 refuse, decided on 01/06/2021: refused under signing-date, computed under named-period."""
    with pytest.raises(InvalidValueError, match=r"from 2021-07-19 through 2025-12-31; BK"):
        _round(BK, D(2021, 6, 1), REFUSE)
    both = Readings({"A-32": "refuse", "A-42": "named-period"})
    assert _outside(_round(BK, D(2021, 6, 1), both)) == []
    with pytest.raises(InvalidValueError, match=r"from 2021-01-01 through 2025-12-31; BK"):
        _round(BK, D(2020, 12, 15), both)


@pytest.mark.parametrize("readings", [None, NAMED], ids=["signing-date", "named-period"])
def test_kt_a_42_the_letter_names_no_period_of_its_own(readings: Readings | None) -> None:
    """KT's “giai đoạn 2021-2025” is the movement's, not the letter's: no `named_from`, 29/11/2022
    under either reading; a round of 01/06/2022 has the same notice and does not list A-42."""
    assert KT.effective.named_start is None
    decision = _round(KT, D(2022, 6, 1), readings)
    assert [n["period_en"] for n in _outside(decision)] == ["from 2022-11-29 until replaced"]
    assert "A-42" not in _listed(decision)


def test_bk_a_42_a_calendar_year_before_the_plan_lists_the_reading() -> None:
    """The calendar of 2020: outside under either start, its warning states the start A-42 reads."""
    default, named = year_schedule(BK, 2020), year_schedule(BK, 2020, readings=NAMED)
    periods = [
        [r.params["period_vi"] for r in s.reasons if r.code == "schedule.outside_effect"]
        for s in (default, named)
    ]
    assert periods == [["19/07/2021 – 31/12/2025"], ["01/01/2021 – 31/12/2025"]]
    assert {u.id: u.reading for u in named.readings}["A-42"] == "named-period"
    assert "A-42" not in {u.id for u in year_schedule(BK, 2021, readings=NAMED).readings}


def test_bk_a_42_the_round_command_reads_the_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dienhinh round FILE --read A-42=named-period`, decided on 01/06/2021: no notice; without
    `--read`, the notice of the signing date."""
    doc = make_round([], ruleset=BK, dossiers=[], considered_on=D(2021, 6, 1)).to_json()
    path = tmp_path / "round.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    records = {}
    for read in ((), ("--read", "A-42=named-period")):
        assert main(["round", str(path), *read]) == 0
        records[read] = json.loads(capsys.readouterr().out)
    default, named = records[()], records[("--read", "A-42=named-period")]
    notices = [r for r in default["reasons"] if r["code"] == "ruleset.outside_effect"]
    assert [n["params"]["start"] for n in notices] == ["2021-07-19"]
    assert {"id": "A-42", "reading": "signing-date", "default": True} in default["interpretations"]
    assert "ruleset.outside_effect" not in {r["code"] for r in named["reasons"]}
    assert {"id": "A-42", "reading": "named-period", "default": False} in named["interpretations"]


def test_bk_a_42_named_from_is_data_written_and_checked() -> None:
    """`named_from` survives a dump and a reload; one equal to `from`, or after `until`, is a load
    error naming the field."""
    text = dump_ruleset(BK)
    assert "named_from = 2021-01-01" in text
    assert parse_ruleset(text).effective == BK.effective
    for bad in ("2021-07-19", "2026-01-01"):
        wrong = text.replace("named_from = 2021-01-01", f"named_from = {bad}")
        with pytest.raises(RulesetError, match=r"effective\.named_from"):
            parse_ruleset(wrong)


def test_bk_a_42_a_ballot_record_lists_the_readings_of_its_notices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`dienhinh ballot` under bac-kan-2021, decided on 01/06/2021: by default the record carries
    the notice and lists A-42 `signing-date` and A-32; with `--read A-42=named-period` no notice,
    A-42 listed; decided on 01/06/2024 neither. `dienhinh verify` re-derives each record."""
    ballot = (
        Path(__file__).resolve().parent.parent / "examples" / "ballot" / "tie-at-last-slot.json"
    )
    doc = json.loads(ballot.read_text(encoding="utf-8"))
    doc["ruleset"] = "bac-kan-2021"
    path = tmp_path / "ballot.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    records = {}
    for day, read in (
        ("2021-06-01", ()), ("2021-06-01", ("--read", "A-42=named-period")), ("2024-06-01", ()),
    ):  # fmt: skip
        assert main(["ballot", str(path), "--decided-on", day, *read]) == 0
        out = capsys.readouterr().out
        records[day, read] = json.loads(out)
        record = tmp_path / "record.json"
        record.write_text(out, encoding="utf-8")
        assert main(["verify", str(record)]) == 0
        capsys.readouterr()

    def listed(r: dict[str, Any]) -> dict[str, str]:
        return {u["id"]: u["reading"] for u in r["interpretations"]}

    def codes(r: dict[str, Any]) -> set[str]:
        return {x["code"] for x in r["reasons"]}

    default = records["2021-06-01", ()]
    assert "ruleset.outside_effect" in codes(default)
    assert (listed(default)["A-42"], listed(default)["A-32"]) == ("signing-date", "notice")
    ids = [u["id"] for u in default["interpretations"]]
    assert ids == sorted(ids, key=lambda i: int(i.removeprefix("A-")))
    named = records["2021-06-01", ("--read", "A-42=named-period")]
    assert "ruleset.outside_effect" not in codes(named)
    assert listed(named)["A-42"] == "named-period"
    assert "A-32" not in listed(named)
    later = records["2024-06-01", ()]
    assert "ruleset.outside_effect" not in codes(later)
    assert "A-42" not in listed(later)
