"""`dienhinh round` and `dienhinh verify` on a round: the JSON contract and its errors."""

from __future__ import annotations

import copy
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dienhinh.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rounds" / "small-tuyen-quang.json"


def run(
    capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None
) -> tuple[int, Any, str]:
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return status, (json.loads(out) if out else None), err


def example() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return doc


def round_of(capsys: pytest.CaptureFixture[str], doc: dict[str, Any]) -> tuple[int, Any, str]:
    return run(capsys, "round", "-", stdin=json.dumps(doc, ensure_ascii=False))


def tied(doc: dict[str, Any]) -> dict[str, Any]:
    """Sixteen copies of the example's nominee: fourteen with 10 approvals, two with 9, for 15 slots."""
    base = doc["nominations"][0]
    ids = [f"HTX-{i:02}" for i in range(16)]
    doc["nominations"] = [{**copy.deepcopy(base), "id": i} for i in ids]
    doc["dossiers"][0]["reports"] = ids
    members = doc["council"]["members"]
    doc["ballots"] = [{"member": m, "approve": ids if m != "m10" else ids[:14]} for m in members]
    doc["national_pool_size"] = None
    return doc


class TestRound:
    """`dienhinh round FILE|-` prints the decision record as JSON and exits 0."""

    def test_the_example_round_prints_its_decision(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The small example: HTX Chè Mỹ Bằng recognised with 9 of 10 approvals (TQ-2.1b), exit 0, nothing on stderr."""
        status, out, err = run(capsys, "round", str(EXAMPLE))
        assert (status, err) == (0, "")
        assert out["kind"] == "round"
        assert out["status"] == "final"
        assert out["recognised"] == ["HTX-MY-BANG"]
        assert out["digest"].startswith("sha256:")
        assert len(out["digest"]) == len("sha256:") + 64

    def test_every_outcome_lists_its_reasons_as_cited_cards(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each outcome: nominee, outcome, and reasons with code, citation, vi and en (TQ-2.1a first)."""
        _, out, _ = run(capsys, "round", str(EXAMPLE))
        (outcome,) = out["outcomes"]
        assert (outcome["nominee"], outcome["outcome"]) == ("HTX-MY-BANG", "recognised")
        for reason in outcome["reasons"]:
            assert {"code", "citation", "vi", "en"} <= reason.keys()
            assert reason["vi"]
            assert reason["en"]
        first = outcome["reasons"][0]
        assert (first["code"], first["rule"]) == ("round.consent", "TQ-2.1a")
        assert first["citation"]["vi"] == "điểm a khoản 1 Điều 2 Quy định (TQ)"

    def test_benefits_pool_and_floors_follow_the_documents(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """TQ-7.1d: a collective signed 26/12/2024 gets 2 × 2,340,000 = 4,680,000 VND; TQ-2.2 pool of 1;
        TQ-6.2a: the district's 4 of at least 5 is 1 short."""
        _, out, _ = run(capsys, "round", str(EXAMPLE))
        (benefit,) = out["benefits"]
        assert (benefit["nominee"], benefit["certificate"], benefit["cash_vnd"]) == (
            "HTX-MY-BANG", True, 4_680_000,
        )  # fmt: skip
        assert out["national_pool"]["candidates"] == ["HTX-MY-BANG"]
        assert out["national_pool"]["size"] == 1
        (floor,) = out["floors"]
        assert (floor["status"], floor["count"], floor["minimum"], floor["shortfall"]) == (
            "short", 4, 5, 1,
        )  # fmt: skip
        assert floor["reason"]["rule"] == "TQ-6.2a"

    def test_the_draft_is_visible_in_the_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A-18: the output names the ruleset as a draft, its blank fields, and opens with the warning."""
        _, out, _ = run(capsys, "round", str(EXAMPLE))
        assert out["ruleset"]["status"] == "draft"
        assert out["ruleset"]["blank"] == [
            "document.number",
            "document.signed_on",
            "effective.from",
        ]
        assert out["reasons"][0]["code"] == "ruleset.draft"
        assert {"id": "A-18", "reading": "allowed-visible", "default": True} in out[
            "interpretations"
        ]

    def test_standard_input_gives_the_same_record_as_the_file(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`-` reads standard input: the same document gives the same digest."""
        _, from_file, _ = run(capsys, "round", str(EXAMPLE))
        _, from_stdin, _ = run(capsys, "round", "-", stdin=EXAMPLE.read_text(encoding="utf-8"))
        assert from_stdin == from_file

    def test_a_tie_at_the_last_slot_awaits_the_chair_with_exit_0(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """TQ-2.1b: two tied for the 15th slot — status awaiting_chair, still a computed result (exit 0)."""
        status, out, _ = round_of(capsys, tied(example()))
        assert status == 0
        assert out["status"] == "awaiting_chair"
        assert len(out["recognised"]) == 14
        waiting = [o["nominee"] for o in out["outcomes"] if o["outcome"] == "awaiting_chair"]
        assert waiting == ["HTX-14", "HTX-15"]

    def test_the_chairs_choice_in_the_input_finishes_the_round(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """TQ-2.1b: "chair_choice": ["HTX-15"] — final, fifteen recognised, HTX-14 not."""
        doc = {**tied(example()), "chair_choice": ["HTX-15"]}
        status, out, _ = round_of(capsys, doc)
        assert (status, out["status"]) == (0, "final")
        assert len(out["recognised"]) == 15
        assert "HTX-15" in out["recognised"]
        assert "HTX-14" not in out["recognised"]

    def test_a_kon_tum_round_has_no_window(self, capsys: pytest.CaptureFixture[str]) -> None:
        """KT: the guidance letter sets no criteria or window — the round runs, "window": null."""
        doc = {**example(), "ruleset": "kon-tum-2022", "units": []}
        status, out, err = round_of(capsys, doc)
        assert (status, err) == (0, "")
        assert out["window"] is None
        assert out["ruleset"]["status"] == "issued"

    @pytest.mark.parametrize(
        ("readings", "outcome", "used"),
        [({}, "recognised", "reported"), ({"A-31": "ineligible"}, "ineligible", "ineligible")],
    )
    def test_tq_6_1a_a_late_unit_council_read_from_the_json_readings(
        self, capsys: pytest.CaptureFixture[str], readings: dict[str, str], outcome: str, used: str
    ) -> None:
        """TQ-6.1a, A-31 from the round input's `readings`: Yên Sơn's council met on 15/10/2024 —
        recognised with a warning by default, ineligible under `ineligible`; the record lists
        the reading it used, verifiably."""
        doc = example()
        doc["dossiers"][0]["unit_considered_on"] = "2024-10-15"
        doc["readings"] = readings
        doc["national_pool_size"] = None  # nobody may be recognised under `ineligible`
        status, out, err = round_of(capsys, doc)
        assert (status, err) == (0, "")
        (card,) = out["outcomes"]
        assert card["outcome"] == outcome
        late = "round.unit_consideration_late" if used == "reported" else "deadline.late"
        assert late in [r["code"] for r in card["reasons"]]
        assert {"id": "A-31", "reading": used, "default": used == "reported"} in out[
            "interpretations"
        ]
        status, _, err = run(capsys, "verify", "-", stdin=json.dumps(out, ensure_ascii=False))
        assert (status, err) == (0, "")

    def test_tq_6_1a_a_late_unit_council_read_from_the_command_line(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """TQ-6.1a, A-31 `--read A-31=ineligible`: Yên Sơn's council met on 15/10/2024, and the
        nominee is ineligible as the command line chooses."""
        doc = example()
        doc["dossiers"][0]["unit_considered_on"] = "2024-10-15"
        doc["national_pool_size"] = None
        stdin = json.dumps(doc, ensure_ascii=False)
        status, out, err = run(capsys, "round", "-", "--read", "A-31=ineligible", stdin=stdin)
        assert (status, err) == (0, "")
        assert out["outcomes"][0]["outcome"] == "ineligible"
        assert {"id": "A-31", "reading": "ineligible", "default": False} in out["interpretations"]

    @pytest.mark.parametrize(
        ("readings", "outcome"),
        [({}, "incomplete"), ({"A-30": "counts-to-consideration"}, "recognised")],
    )
    def test_tq_8_3_evidence_after_the_dossier_read_from_the_json_readings(
        self, capsys: pytest.CaptureFixture[str], readings: dict[str, str], outcome: str
    ) -> None:
        """TQ-8.3, A-30 from the round input's `readings` (A-3 literal, so the window runs to
        20/12/2024): the dossier reached the province on 28/10/2024, the TQ-3.1d attestation is
        signed on 05/11/2024 — set aside by default (incomplete), counted under
        `counts-to-consideration` (recognised); the record lists A-30 and verifies."""
        doc = example()
        (item,) = [e for e in doc["nominations"][0]["evidence"] if e.get("criterion") == "TQ-3.1d"]
        item["date"] = "2024-11-05"
        doc["readings"] = {"A-3": "literal", **readings}
        doc["national_pool_size"] = None
        status, out, err = round_of(capsys, doc)
        assert (status, err) == (0, "")
        (card,) = out["outcomes"]
        assert card["outcome"] == outcome
        late = [r for r in card["reasons"] if r["code"] == "round.evidence_after_dossier"]
        assert len(late) == (0 if readings else 1)
        used = readings.get("A-30", "ignored")
        assert {"id": "A-30", "reading": used, "default": not readings} in out["interpretations"]
        status, _, err = run(capsys, "verify", "-", stdin=json.dumps(out, ensure_ascii=False))
        assert (status, err) == (0, "")

    def test_tq_7_1d_certificate_kept_read_from_the_json_readings(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """TQ-7.1d, A-28 `cash-only-withheld` from the round input's `readings`: an individual named
        among the year's Công dân tiêu biểu (`exemplary_citizens`) gets the certificate, 0 VND."""
        doc = example()
        doc["nominations"][0]["kind"] = "individual"
        doc["nominations"][0]["fields"] = ["agriculture"]
        doc["exemplary_citizens"] = ["HTX-MY-BANG"]
        doc["readings"] = {"A-28": "cash-only-withheld"}
        status, out, err = round_of(capsys, doc)
        assert (status, err) == (0, "")
        (benefit,) = out["benefits"]
        assert (benefit["certificate"], benefit["cash_vnd"]) == (True, 0)
        assert benefit["reasons"][0]["code"] == "round.exemplary_citizen_cash_withheld"
        assert {"id": "A-28", "reading": "cash-only-withheld", "default": False} in out[
            "interpretations"
        ]


class TestVerify:
    """`dienhinh verify` re-derives a round's record from its inputs."""

    def test_the_output_of_round_verifies(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The record `dienhinh round` printed is accepted, with its digest."""
        _, out, _ = run(capsys, "round", str(EXAMPLE))
        path = tmp_path / "record.json"
        path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        status, verdict, err = run(capsys, "verify", str(path))
        assert (status, err) == (0, "")
        assert verdict == {"verified": True, "kind": "round", "digest": out["digest"]}

    @pytest.mark.parametrize(
        ("name", "tamper", "key"),
        [
            ("outcome", lambda d: d["outcomes"][0].update(outcome="not_recognised"), "outcomes"),
            ("cash", lambda d: d["benefits"][0].update(cash_vnd=5_000_000), "benefits"),
            ("recognised", lambda d: d.update(recognised=[]), "recognised"),
            ("status", lambda d: d.update(status="awaiting_chair"), "status"),
            ("floor", lambda d: d["floors"][0].update(shortfall=0), "floors"),
            ("draft", lambda d: d["ruleset"].update(status="issued"), "ruleset"),
            ("digest", lambda d: d.update(digest="sha256:" + "0" * 64), "digest"),
            # The inputs changed, the rest left: the digest (over the inputs) is the first to differ.
            ("inputs", lambda d: d["inputs"].update(exemplary_citizens=["CDTB-01"]), "digest"),
        ],
    )
    def test_a_tampered_record_is_refused(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        name: str,
        tamper: Callable[[dict[str, Any]], object],
        key: str,
    ) -> None:
        """Any changed value — an outcome, the cash, the status, a floor, the draft flag, the inputs — exit 2, one line naming the key."""
        _, out, _ = run(capsys, "round", str(EXAMPLE))
        tamper(out)
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        status, verdict, err = run(capsys, "verify", str(path))
        assert (status, verdict) == (2, None)
        assert err.count("\n") == 1
        assert err.startswith("dienhinh verify: error:")
        assert repr(key) in err


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], object]:
    def change(doc: dict[str, Any]) -> object:
        *parents, last = path.split(".")
        target: Any = doc
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        target[int(last) if last.isdigit() else last] = value
        return None

    return change


def _duplicate_nomination(doc: dict[str, Any]) -> object:
    doc["nominations"].append(copy.deepcopy(doc["nominations"][0]))
    return None


def _outside_tie(doc: dict[str, Any]) -> object:
    doc.update(tied(copy.deepcopy(doc)), chair_choice=["HTX-00"])
    return None


INVALID: list[tuple[str, Callable[[dict[str, Any]], object] | str, str]] = [
    ("malformed-json", '{"ruleset": "tuyen-quang-2023",', "not valid JSON"),
    ("unknown-key", _set("colour", "red"), "colour"),
    ("unknown-key-in-nomination", _set("nominations.0.colour", "red"), "colour"),
    ("unknown-nominee-in-ballot", _set("ballots.0.approve", ["NOBODY"]), "NOBODY"),
    ("duplicate-nomination", _duplicate_nomination, "HTX-MY-BANG"),
    ("impossible-date", _set("considered_on", "2024-02-30"), "2024-02-30"),
    ("impossible-timestamp", _set("dossiers.0.received", "2024-10-32T09:00:00+07:00"), "received"),
    ("naive-timestamp", _set("dossiers.0.received", "2024-10-28T09:15:00"), "UTC offset"),
    ("unknown-ruleset", _set("ruleset", "no-such-ruleset"), "no-such-ruleset"),
    # Issue 9: a round under bac-kan-2021 no longer fails for want of a window (A-21 reads one);
    # the case "ruleset-without-window" that stood here is gone (tests/test_procedure.py).
    ("unknown-floor-scope", _set("units.0.scope", "ward"), "ward"),
    ("chair-choice-outside-the-tie", _outside_tie, "outside the tied group"),
    ("chair-choice-of-nobody", _set("chair_choice", ["NOBODY"]), "NOBODY"),
    ("chair-choice-without-a-tie", _set("chair_choice", ["HTX-MY-BANG"]), "no tie"),
    ("decided-before-considered", _set("decided_on", "2024-12-19"), "decided_on"),
    ("pool-larger-than-candidates", _set("national_pool_size", 2), "TQ-6.3"),
    ("unknown-reading", _set("readings", {"A-1": "lenient"}), "lenient"),
    ("wrong-type", _set("council", ["m01"]), "council"),
    ("not-an-object", lambda d: d.clear(), "required key missing"),
]


@pytest.mark.parametrize(("name", "change", "expected"), INVALID, ids=[i[0] for i in INVALID])
def test_an_invalid_round_exits_2_with_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str],
    name: str,
    change: Callable[[dict[str, Any]], object] | str,
    expected: str,
) -> None:
    """Each invalid input is named in one line on stderr, exit 2, nothing on stdout."""
    if isinstance(change, str):
        text = change
    else:
        doc = example()
        change(doc)
        text = json.dumps(doc, ensure_ascii=False)
    status, out, err = run(capsys, "round", "-", stdin=text)
    assert (status, out) == (2, None)
    assert err.count("\n") == 1
    assert err.startswith("dienhinh round: error:")
    assert expected in err


@pytest.mark.parametrize("text", ["[]", "3", '"round"', "null"])
def test_a_document_that_is_not_an_object_exits_2(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A JSON value that is not an object is refused in one line, not with a traceback."""
    status, out, err = run(capsys, "round", "-", stdin=text)
    assert (status, out) == (2, None)
    assert "expected a JSON object" in err


def test_a_missing_file_exits_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that is not there: exit 3 (a file that cannot be read), one line naming it."""
    status, _, err = run(capsys, "round", str(tmp_path / "nope.json"))
    assert status == 3
    assert "no such file" in err


def test_the_json_of_round_and_ballot_is_printed_without_importing_the_report() -> None:
    """`dienhinh round FILE` and `dienhinh ballot FILE` print JSON: the text report (and its
    modules) is imported only for --text; the languages the commands offer are the report's."""
    import subprocess

    from dienhinh.cli._common import LANGUAGES
    from dienhinh.report import LANGUAGES as REPORT_LANGUAGES

    assert LANGUAGES == REPORT_LANGUAGES
    code = (
        "import sys, io, contextlib\n"
        "from dienhinh.cli._main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    a = main(['round', sys.argv[1]])\n"
        "    b = main(['ballot', sys.argv[2]])\n"
        "print(a, b, json.loads(out.getvalue().split('\\n}\\n')[0] + '}')['kind'],\n"
        "      sorted(m for m in sys.modules if m.startswith('dienhinh.report')))\n"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", "import json\n" + code,
         str(root / "examples/rounds/small-tuyen-quang.json"),
         str(root / "examples/ballot/tie-at-last-slot.json")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.split() == ["0", "0", "round", "[]"]
    text = subprocess.run(
        [sys.executable, "-m", "dienhinh", "round", "--text", "en",
         str(root / "examples/rounds/small-tuyen-quang.json")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert text.stdout.strip()


def test_a_record_goes_to_stdout_in_utf8_whatever_its_encoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """JSON is UTF-8 (RFC 8259, 8.1): the record goes to the binary stream under stdout, after
    what was printed before, even where stdout's text encoding could not write Vietnamese; a
    stdout with no binary stream under it (a StringIO) takes the text."""
    from dienhinh.cli._common import emit

    doc = {"vi": "Tuyên Quang", "n": [1, 2]}
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", latin)
    latin.write("before\n")
    assert emit(doc) == 0
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert raw.getvalue() == b"before\n" + text.encode("utf-8")
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stdout", plain)
    assert emit(doc) == 0
    assert plain.getvalue() == text
