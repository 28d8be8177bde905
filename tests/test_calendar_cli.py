"""`dienhinh window`, `deadline`, `calendar`, `rulesets`, and `"ruleset"` in the ballot JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dienhinh.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rulesets" / "my-province.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out else None), err


def test_window_default_ruleset(capsys: pytest.CaptureFixture[str]) -> None:
    """TQ-3.3 by default: 2024-12-20 counts the one year 01/10/2023 – 30/09/2024 (A-3), from the
    draft (A-18)."""
    status, out, _ = run(capsys, "window", "2024-12-20")
    assert status == 0
    assert (out["start"], out["end"], out["policy"]) == (
        "2023-10-01",
        "2024-09-30",
        "emulation-year",
    )
    assert out["days"] == 366
    assert out["reasons"][0]["code"] == "ruleset.draft"
    assert "window.longer_than_a_year" not in [r["code"] for r in out["reasons"]]
    assert [r["id"] for r in out["readings"]] == ["A-2", "A-3", "A-4", "A-18"]


def test_window_emulation_year(capsys: pytest.CaptureFixture[str]) -> None:
    """A-3 emulation-year through --policy (the default, said explicitly): a December date stops at
    30/09."""
    _, out, _ = run(capsys, "window", "2024-12-31", "--policy", "emulation-year")
    assert (out["start"], out["end"], out["policy"]) == (
        "2023-10-01",
        "2024-09-30",
        "emulation-year",
    )


def test_tq_3_3_window_literal_through_policy(capsys: pytest.CaptureFixture[str]) -> None:
    """A-3 literal through --policy: 2024-12-20 counts from 2023-10-01 to 2024-12-20 (447 days),
    and says the window is longer than the “01 năm”."""
    _, out, _ = run(capsys, "window", "2024-12-20", "--policy", "literal")
    assert (out["start"], out["end"], out["policy"], out["days"]) == (
        "2023-10-01",
        "2024-12-20",
        "literal",
        447,
    )
    assert "window.longer_than_a_year" in [r["code"] for r in out["reasons"]]


def test_window_with_read_options_and_a_ruleset_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A-2 deadline-date and A-4 through --read; a ruleset file by path (window from 01/01)."""
    _, out, _ = run(
        capsys,
        "window",
        "2024-11-01",
        "--read",
        "A-2=deadline-date",
        "--deadline",
        "province-consideration",
        "--policy",
        "literal",
    )
    assert out["end"] == "2024-12-30"
    _, out, _ = run(capsys, "window", "2024-06-01", "--ruleset", str(EXAMPLE))
    assert (out["start"], out["ruleset"]) == (
        "2023-01-01",
        {"id": "my-province-2024", "status": "issued"},
    )


def test_deadline_timestamp(capsys: pytest.CaptureFixture[str]) -> None:
    """A-16: 2024-10-29T18:30:00Z is 30/10 in Vietnam: late for “trước 30/10” (A-1 strict)."""
    status, out, _ = run(
        capsys,
        "deadline",
        "--ruleset",
        "tuyen-quang-2023",
        "--deadline",
        "dossier-submission",
        "--year",
        "2024",
        "--at",
        "2024-10-29T18:30:00Z",
    )
    assert status == 0
    assert {
        k: out[k] for k in ("on_time", "deadline", "last_day_on_time", "submitted_on", "days_late")
    } == {
        "on_time": False,
        "deadline": "2024-10-30",
        "last_day_on_time": "2024-10-29",
        "submitted_on": "2024-10-30",
        "days_late": 1,
    }


def test_deadline_inclusive_roll_over(capsys: pytest.CaptureFixture[str]) -> None:
    """A-1 inclusive + A-17 roll-over: Saturday 30/10/2027 → on time through Monday 01/11/2027."""
    _, out, _ = run(
        capsys,
        "deadline",
        "--ruleset",
        "tuyen-quang-2023",
        "--deadline",
        "dossier-submission",
        "--year",
        "2027",
        "--at",
        "2027-11-01",
        "--reading",
        "inclusive",
        "--roll-over",
    )
    assert (out["on_time"], out["last_day_on_time"], out["days_late"]) == (True, "2027-11-01", 0)
    assert "deadline.rolled_over" in [r["code"] for r in out["reasons"]]


def test_deadline_added_days_off(capsys: pytest.CaptureFixture[str]) -> None:
    """A-17: --day-off adds a civil-service day off to the holidays."""
    _, out, _ = run(
        capsys,
        "deadline",
        "--ruleset",
        "tuyen-quang-2023",
        "--deadline",
        "dossier-submission",
        "--year",
        "2024",
        "--at",
        "2024-10-30",
        "--roll-over",
        "--day-off",
        "2024-10-29",
    )
    assert (out["last_day_on_time"], out["on_time"]) == ("2024-10-30", True)


def test_calendar_json_and_ics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The year's events as a JSON list with id, start, end, titles and citation; --ics writes a file."""
    ics = tmp_path / "bk.ics"
    status, out, _ = run(
        capsys, "calendar", "--ruleset", "bac-kan-2021", "--year", "2023", "--ics", str(ics)
    )
    assert status == 0
    assert [(e["id"], e["start"], e["end"]) for e in out] == [
        ("preliminary-review", "2023-01-01", "2023-03-31"),
        ("preliminary-review-education", "2023-04-01", "2023-04-30"),
        ("provincial-conference", "2023-04-01", "2023-06-30"),
    ]
    for e in out:
        assert {"id", "start", "end", "title_vi", "title_en", "citation", "rule", "ruleset"} <= set(
            e
        )
    assert out[0]["citation"]["vi"] == "khoản 2 Mục IV Kế hoạch số 458/KH-UBND (BK)"
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_rulesets_listing(capsys: pytest.CaptureFixture[str]) -> None:
    """`dienhinh rulesets` lists the four built-ins with province, document, status and effective dates."""
    status, out, _ = run(capsys, "rulesets")
    assert status == 0
    assert [(r["id"], r["province"], r["status"]) for r in out] == [
        ("bac-kan-2021", "Bắc Kạn", "issued"),
        ("kon-tum-2022", "Kon Tum", "issued"),
        ("ninh-thuan-2023", "Ninh Thuận", "issued"),
        ("tuyen-quang-2023", "Tuyên Quang", "draft"),
    ]
    assert out[3]["blank"] == ["document.number", "document.signed_on", "effective.from"]
    # BK names its period, “giai đoạn 2021-2025”, and states no commencement of its own: its
    # signing date (A-42's default start), the period's last day, and the period's first day
    # (the start under A-42 ``named-period``).
    assert out[0]["effective"] == {
        "from": "2021-07-19", "until": "2025-12-31", "named_from": "2021-01-01",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["window", "2024-02-30"], "is not a calendar date"),
        (["window", "2024-12-20", "--policy", "yearly"], "is not a reading of A-3"),
        (
            ["window", "2024-12-20", "--policy", "literal", "--read", "A-3=emulation-year"],
            "contradicts",
        ),
        (["window", "2024-12-20", "--read", "A3"], "A-n=READING"),
        (["window", "2024-12-20", "--ruleset", "bac-kan-2021"], "no achievement window"),
        (["window", "2024-12-20", "--ruleset", "nowhere-2024"], "not a built-in ruleset"),
        (["window", "2024-12-20", "--read", "A-18=refuse"], "draft"),
        (
            [
                "deadline",
                "--ruleset",
                "tuyen-quang-2023",
                "--deadline",
                "dossier-submission",
                "--year",
                "2024",
                "--at",
                "2024-10-29T18:30:00",
            ],
            "no UTC offset",
        ),
        (
            [
                "deadline",
                "--ruleset",
                "tuyen-quang-2023",
                "--deadline",
                "nope",
                "--year",
                "2024",
                "--at",
                "2024-10-29",
            ],
            "dossier-submission",
        ),
        (
            [
                "deadline",
                "--ruleset",
                "tuyen-quang-2023",
                "--deadline",
                "dossier-submission",
                "--year",
                "2024",
                "--at",
                "2024-10-29",
                "--day-off",
                "2024-10-28",
            ],
            "no-roll-over",
        ),
        (
            ["calendar", "--ruleset", "tuyen-quang-2023", "--year", "99999"],
            "years the calendar handles",
        ),
        (["calendar", "--ruleset", "./missing.toml", "--year", "2024"], "no such file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    """Invalid input exits 2 with one line on stderr naming the problem, nothing on stdout."""
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, None)
    assert err.count("\n") == 1, err
    assert fragment in err, err


def test_ballot_takes_rule_and_cap_from_a_ruleset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The ballot JSON's "ruleset": "tuyen-quang-2023" applies TQ-2.1b and the cap of 15 (TQ-6.2b)."""
    members = [f"m{i:02}" for i in range(1, 11)]
    nominees = [f"n{i:02}" for i in range(1, 18)]
    doc = {
        "ruleset": "tuyen-quang-2023",
        "council": {"members": members, "chair": "m01"},
        "nominees": nominees,
        "ballots": [{"member": m, "approve": nominees[: 17 - i]} for i, m in enumerate(members)],
    }
    path = tmp_path / "ballot.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    status, out, _ = run(capsys, "ballot", str(path))
    assert status == 0
    assert out["needed"] == 9
    assert out["inputs"]["ruleset"] == "tuyen-quang-2023"  # the rule (TQ-2.1b) is re-read from it
    assert out["reasons"][0]["code"] == "ruleset.draft"
    assert any(r["rule"] == "TQ-2.1b" for r in out["reasons"])
    assert out["inputs"]["cap"]["slots"] == 15
    assert out["inputs"]["cap"]["rule"]["id"] == "TQ-6.2b"
    record = tmp_path / "record.json"
    record.write_text(json.dumps(out), encoding="utf-8")
    assert run(capsys, "verify", str(record))[1]["verified"] is True
    doc["ruleset"] = "kon-tum-2022"
    doc["decided_on"] = "2023-12-26"
    path.write_text(json.dumps(doc), encoding="utf-8")
    status, out, _ = run(capsys, "ballot", str(path))
    # Issue 9: Kon Tum's letter sets no ballot rule, and its ruleset now cites the national
    # decree's wording as its own document (before issue 9 it had none, and this exited 2).
    # Issue 10: the decree in force on the decision date (required), and the reasons say so.
    assert status == 0
    assert any(r["rule"] == "NĐ91-45.8" for r in out["reasons"])
    notice = next(r for r in out["reasons"] if r["code"] == "ruleset.national_ballot")
    assert "Kon Tum letter (KT) sets no ballot rule" in notice["en"]
    assert out["inputs"]["cap"] is None
