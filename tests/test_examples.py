"""Every example program runs, and prints what its docstring promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dienhinh.cli import main
from tests.schemas import validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEMO_ROUND = ROOT / "src" / "dienhinh" / "data" / "demo-tuyen-quang-2024.json"

RUN_HERE = ("embed_round.py", "notebook_analysis.py", "new_province.py", "rulesets/what_if.py")
"""The examples this module runs; any other must be run by a test that names it."""


def run(name: str, *args: str) -> str:
    """Run ``examples/<name>`` as a user would (a fresh interpreter); its standard output."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout


def test_every_example_program_runs_in_the_test_suite() -> None:
    """Each examples/**/*.py is run here or by a test module that names it."""
    others = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "tests").glob("test_*.py")
        if p.name != "test_examples.py"
    )
    for path in sorted(EXAMPLES.rglob("*.py")):
        name = path.relative_to(EXAMPLES).as_posix()
        assert name in RUN_HERE or path.name in others, f"examples/{name} runs in no test"


def test_embedding_the_round_finishes_the_tie_and_writes_a_verifiable_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """embed_round.py: cards for the nominees not recognised, the tie at the last slot finished
    with the chair's choice, and a record that follows the schema and re-derives."""
    record = tmp_path / "decision.json"
    out = run("embed_round.py", "--json", str(record))
    assert out.startswith("status: awaiting_chair; recognised: 14\n")
    assert "HS-17 HTX Lúa Nếp Cái Hoa Vàng — ineligible" in out
    assert "✗ No consent: The nominee does not consent" in out
    assert "HS-18 HTX Vịt Bầu Minh Hương — incomplete" in out
    assert "→ ask for: The dossier does not say whether the nominee consents" in out
    assert "tie at the cutoff: HS-15, HS-16 for 1 slot(s)\nthe chair chose HS-16: final\n" in out
    assert "cash rewards: 70.200.000 VND for 15 certificates" in out
    assert "UBND huyện Sơn Dương: 3 of at least 5" in out
    doc = json.loads(record.read_text(encoding="utf-8"))
    validate(doc, "round-output")
    assert (doc["status"], len(doc["recognised"]), doc["inputs"]["chair_choice"]) == (
        "final", 15, ["HS-16"],
    )  # fmt: skip
    capsys.readouterr()
    assert main(["verify", str(record)]) == 0
    assert json.loads(capsys.readouterr().out)["verified"] is True


def test_embedding_the_round_prints_cards_in_vietnamese() -> None:
    """embed_round.py --lang vi: the cards' titles, texts and citations in Vietnamese."""
    out = run("embed_round.py", "--lang", "vi")
    assert "✗ Không đồng ý: Tập thể, cá nhân không đồng ý được xét" in out
    assert "[điểm a khoản 1 Điều 2 Quy định (TQ)]" in out


def test_the_notebook_analysis_counts_every_nominee_once(tmp_path: Path) -> None:
    """notebook_analysis.py on the demo round: the counts by outcome and by unit add up to the
    nominations, and they agree with what `dienhinh round` prints for the same round."""
    out = run("notebook_analysis.py")
    nominations = json.loads(DEMO_ROUND.read_text(encoding="utf-8"))["nominations"]
    assert out.startswith(f"tuyen-quang-2023: {len(nominations)} nominations, status final\n")
    total = next(line for line in out.splitlines() if line.startswith("total "))
    assert total.split()[-1] == str(len(nominations))
    chair = json.loads((DEMO_ROUND.parent / "demo-tuyen-quang-2024.chair.json").read_text("utf-8"))
    doc = {**json.loads(DEMO_ROUND.read_text(encoding="utf-8")), **chair}
    (tmp_path / "demo.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    record = json.loads(
        subprocess.run(
            [sys.executable, "-m", "dienhinh", "round", str(tmp_path / "demo.json")],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True,
        ).stdout
    )  # fmt: skip
    for outcome in {o["outcome"] for o in record["outcomes"]}:
        n = sum(o["outcome"] == outcome for o in record["outcomes"])
        assert f"\n{outcome:16} {n}\n" in out
    assert "HTML table: 41 rows" in out


def test_the_notebook_analysis_reads_any_round_file() -> None:
    """notebook_analysis.py FILE: the small example, one nominee, recognised."""
    out = run("notebook_analysis.py", "examples/rounds/small-tuyen-quang.json")
    assert out.startswith("tuyen-quang-2023: 1 nominations, status final\n")
    assert "\nrecognised       1\n" in out
    assert "UBND huyện Yên Sơn: 4 of 5 (TQ-6.2a)" in out


def test_a_new_provinces_ruleset_loads_varies_and_runs() -> None:
    """new_province.py: the template loads with the province's values, a file without a
    citation is refused, the what-if variant changes who the same votes recognise, a round
    runs under the province's own file, and the variant is written back as equal TOML."""
    out = run("new_province.py")
    assert "tinh-mau-2024: Quy định về đối tượng" in out
    assert "ballot: more_than 2/3 of votes_cast, quorum 2/3, ties: women_first [EX-2.1]" in out
    assert "cap: 12 a year [EX-6.2]" in out
    assert "refused: broken.toml: does not load (1 problem(s)): cap.citation: is missing" in out
    assert (
        "tinh-mau-2024: 5 approvals needed of 7; recognised Lò Thị Hoa, Vàng A Sử, Hà Văn Lâm"
        in out
    )
    assert "tinh-mau-2024-tq-ballot: 9 approvals needed of 9; recognised nobody" in out
    assert "round under tinh-mau-2024: final, recognised ('HOA',)" in out
    assert "round.no_criteria" in out
    assert "written and read back equal: True" in out


def test_the_what_if_example_reads_a_deadline_three_ways() -> None:
    """rulesets/what_if.py: the dossier deadline under three readings, and a cap raised to 20."""
    out = run("rulesets/what_if.py")
    assert out.count("last day") == 3
    assert "cap: 15 → 20 (tuyen-quang-2023-cap-20)" in out
