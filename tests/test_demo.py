"""``dienhinh demo``: the shipped Tuyên Quang 2024 round, its report, its JSON, and its generator."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import sys
import types
from collections import Counter
from importlib.resources import files
from pathlib import Path

import attrs
import pytest

from dienhinh import CouncilLevel, DocumentStatus, InvalidValueError, RoundDecision, run_round
from dienhinh.cli import main
from dienhinh.cli._round import DEMO_CHAIR, DEMO_JSON, DEMO_ROUND, demo_decision, demo_round
from dienhinh.criteria import assess
from dienhinh.criteria._catalogue import parse_catalogue
from dienhinh.io._round import parse_round
from dienhinh.report._text import _T, render_report
from dienhinh.round._run import dossier_due
from tests.schemas import validate

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "examples" / "make_demo_data.py"
STAGES = ("s1", "s2", "s3", "s4", "s5", "s6", "s7")


@functools.cache
def generator() -> types.ModuleType:
    """``examples/make_demo_data.py`` as a module (``examples`` is not a package)."""
    spec = importlib.util.spec_from_file_location("make_demo_data", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rounds() -> tuple[RoundDecision, RoundDecision]:
    return demo_round()


@pytest.fixture(scope="module")
def awaiting(rounds: tuple[RoundDecision, RoundDecision]) -> RoundDecision:
    return rounds[0]


@pytest.fixture(scope="module")
def final(rounds: tuple[RoundDecision, RoundDecision]) -> RoundDecision:
    return rounds[1]


def outcomes(decision: RoundDecision) -> dict[str, str]:
    return {o.nomination: o.outcome.value for o in decision.outcomes}


class TestTheStory:
    """The demo round ends as its generator says each nomination should."""

    def test_every_nomination_ends_as_intended(self, final: RoundDecision) -> None:
        """Each of the 40 nominations gets the final outcome written beside it in the generator."""
        assert outcomes(final) == generator().INTENDED

    def test_before_the_chair_the_tie_awaits(self, awaiting: RoundDecision) -> None:
        """Before the chair chooses, the round awaits the chair and the three tied nominees wait."""
        assert awaiting.status.value == "awaiting_chair"
        assert outcomes(awaiting) == generator().INTENDED_BEFORE_CHAIR

    def test_the_counts_per_outcome(self, final: RoundDecision) -> None:
        """15 recognised, 16 not recognised, 6 ineligible, 3 incomplete; 40 from 13 units."""
        assert Counter(outcomes(final).values()) == {
            "recognised": 15,
            "not_recognised": 16,
            "ineligible": 6,
            "incomplete": 3,
        }
        assert len({o.unit for o in final.outcomes}) == 13
        assert final.status.value == "final"

    def test_the_sixteen_fields_of_tq_3_2_are_all_nominated(self, final: RoundDecision) -> None:
        """The nominations declare every one of the catalogue's sixteen fields."""
        catalogue = parse_catalogue(final.inputs.ruleset.criteria or {}, source="tq")
        declared = {f for n in final.inputs.nominations for f in n.nominee.fields}
        assert declared == {f.id for f in catalogue.fields}
        assert len(declared) == 16

    def test_each_eligibility_reason_appears(self, final: RoundDecision) -> None:
        """No consent, posthumous, not selected, late, criteria not met; missing report and evidence."""
        codes = {
            r.code
            for o in final.outcomes
            for r in o.reasons
            if r.severity.value in ("fail", "pending")
        }
        assert {
            "round.no_consent",
            "round.posthumous",
            "round.not_selected_by_head",
            "deadline.late",
            "round.criteria_not_met",
            "round.dossier_incomplete",
            "round.criteria_unknown",
        } <= codes

    def test_more_than_fifteen_reach_the_threshold_and_three_tie_for_the_last_slot(
        self, final: RoundDecision
    ) -> None:
        """17 reach 18 of 19; 14 are unanimous; three tie on 18 for the 15th slot (TQ-2.1b, TQ-6.2b)."""
        ballot = final.ballot
        assert ballot.needed == 18
        assert sum(t.meets_threshold for t in ballot.tally) == 17
        (tie,) = ballot.ties
        assert (tie.approvals, tie.slots, tie.group) == (18, 1, ("HY01", "LB01", "NH01"))

    def test_one_run_with_the_choice_up_front_gives_the_same_record(
        self, final: RoundDecision
    ) -> None:
        """``--json -`` runs once with the chair's choice given: the record resolve_round gives."""
        assert demo_decision() == final
        assert demo_decision().digest == final.digest

    def test_the_chair_chooses_from_the_tied_group(self, final: RoundDecision) -> None:
        """The shipped choice names one nominee of the tie, who is recognised in the 15th slot."""
        chair = json.loads(
            files("dienhinh").joinpath("data", DEMO_CHAIR).read_text(encoding="utf-8")
        )
        assert chair == {"chair_choice": ["LB01"]}
        assert final.inputs.chair_choice == frozenset({"LB01"})
        assert final.recognised[-1] == "LB01"
        assert len(final.recognised) == 15

    def test_the_exemplary_citizen_is_recognised_without_cash(self, final: RoundDecision) -> None:
        """SD02, Công dân tiêu biểu 2024, gets neither certificate nor cash (TQ-7.1d, A-12)."""
        cash = {b.nomination: (b.certificate, b.cash) for b in final.benefits}
        assert cash["SD02"] == (False, 0)
        assert final.outcome("SD02").outcome.value == "recognised"
        assert sum(c for _, c in cash.values()) == 9 * 4_680_000 + 5 * 2_340_000

    def test_floors_short_met_and_unreported(self, final: RoundDecision) -> None:
        """Of 15 units, 4 fall short (5 in all), 1 reports no count, the rest meet their floor."""
        states = Counter(f.status for f in final.floors)
        assert states == {"met": 10, "short": 4, "unknown": 1}
        assert sum(f.shortfall for f in final.floors) == 5

    def test_the_national_pool_and_its_size(self, final: RoundDecision) -> None:
        """The pool is the 15 recognised and the 2024 Công dân tiêu biểu; 5 are to be introduced."""
        pool = final.national_pool
        assert pool is not None
        assert pool.size == 5
        assert set(pool.candidates) == set(final.recognised) | set(final.inputs.exemplary_citizens)
        assert len(pool.candidates) == 17


class TestTheData:
    """The shipped file is valid, reproducible, and every piece of evidence counts."""

    def test_the_generator_reproduces_the_shipped_files(self) -> None:
        """Re-running examples/make_demo_data.py gives the shipped data byte for byte."""
        data = files("dienhinh").joinpath("data")
        for name, text in generator().files().items():
            assert data.joinpath(name).read_text(encoding="utf-8") == text, name
        assert set(generator().files()) == {DEMO_ROUND, DEMO_CHAIR}

    def test_the_shipped_round_matches_the_input_schema(self) -> None:
        """The data file is a round input document (the round-input schema)."""
        doc = json.loads(files("dienhinh").joinpath("data", DEMO_ROUND).read_text(encoding="utf-8"))
        validate(doc, "round-input")

    def test_every_evidence_item_is_read_and_only_the_intended_ones_are_set_aside(
        self, final: RoundDecision
    ) -> None:
        """Every item is read by a criterion (SD02's title by TQ-7.1d); four are set aside on purpose."""
        catalogue = parse_catalogue(final.inputs.ruleset.criteria or {}, source="tq")
        assert final.window is not None
        set_aside: set[tuple[str, str]] = set()
        unused: list[tuple[str, str]] = []
        for n in final.inputs.nominations:
            # As the round reads them: attestations against the dossier's due date.
            due = dossier_due(final.inputs.ruleset, final.inputs.considered_on)
            result = assess(n.nominee, catalogue, window=final.window, dossier_due=due)
            unused += [(n.id, type(n.nominee.evidence[i]).__name__) for i in result.unused]
            set_aside |= {
                (n.id, type(i.evidence).__name__)
                for node in result.tree.walk()
                for i in node.ignored
            }
        assert unused == [("SD02", "Title")]  # Công dân tiêu biểu 2024: no cash
        assert set_aside == {
            ("CH03", "Award"),  # a district medal of 2023-08, before the window
            ("HY01", "Certificate"),  # VietGAP, not the FSC certificate TQ-3.2c names
            ("KH02", "Invention"),  # not stated to be applied in practice
            ("YS04", "Ocop"),  # two stars, three needed
        }


class TestTheReport:
    """The report: a table per stage, in Vietnamese or English, a draft boxed (A-18)."""

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_each_stage_has_its_heading(
        self, final: RoundDecision, awaiting: RoundDecision, lang: str
    ) -> None:
        """The seven stage headings appear, in order, in the language asked for."""
        report = render_report(final, lang=lang, awaiting=awaiting)
        places = [report.index(_T[lang][s]) for s in STAGES]
        assert places == sorted(places)

    def test_vietnamese_is_the_default(self, final: RoundDecision) -> None:
        """Without ``lang`` the report is in Vietnamese."""
        assert render_report(final) == render_report(final, lang="vi")
        assert "KẾT QUẢ BỎ PHIẾU" in render_report(final)

    def test_the_draft_is_boxed_at_the_top_and_recalled_at_the_end(
        self, final: RoundDecision
    ) -> None:
        """The TQ draft's warning is the first thing after the title, and the last line repeats it."""
        lines = render_report(final, lang="en").splitlines()
        assert lines[3].startswith("+--")
        assert lines[4].startswith("| DRAFT (A-18)")
        assert "DRAFT" in lines[-1]

    def test_an_issued_ruleset_shows_no_draft(self, final: RoundDecision) -> None:
        """Under an issued document the report has no draft box and no reminder."""
        tq = final.inputs.ruleset
        issued = tq.variant(
            "tq-issued", document=attrs.evolve(tq.document, status=DocumentStatus.ISSUED)
        )
        decision = run_round(attrs.evolve(final.inputs, ruleset=issued))
        report = render_report(decision, lang="en")
        assert "DRAFT" not in report
        assert "(Ủy ban nhân dân tỉnh Tuyên Quang; issued)" in " ".join(report.split())

    def test_both_stages_of_the_tie_are_shown(
        self, final: RoundDecision, awaiting: RoundDecision
    ) -> None:
        """The tie section says where the round stood before the chair and whom the chair chose."""
        report = render_report(final, lang="en", awaiting=awaiting)
        tie = report[report.index(_T["en"]["s3"]) : report.index(_T["en"]["s4"])]
        assert "3 nominees tied on 18 approvals for the 1 slot(s) left (slot 15 of 15)" in tie
        assert "Before the chair's choice the round stood “awaiting the chair's decision”" in tie
        assert "The chair (tv01) chose: LB01 Cô Lò Thị Hoa" in tie

    def test_a_round_awaiting_the_chair_says_whom_to_choose_from(
        self, awaiting: RoundDecision
    ) -> None:
        """Rendered alone, the awaiting round names the tied group and cannot be signed yet."""
        report = render_report(awaiting, lang="vi")
        assert "Đang chờ Chủ tịch Hội đồng (tv01) chọn 1 trong số: HY01, LB01, NH01." in report
        assert "Chưa thể trình ký" in report

    def test_ineligible_and_incomplete_nominees_have_their_reasons_and_asks(
        self, final: RoundDecision
    ) -> None:
        """Each held-back nominee is listed with its cited reason; incomplete ones with what to ask for."""
        report = render_report(final, lang="en")
        details = report[
            report.index("Reasons, and what to ask for:") : report.index(_T["en"]["s2"])
        ]
        for nid in ("HY03", "NH02", "TP03", "ND01", "ND02", "YS04", "SD04", "GD04", "KH02"):
            assert f"- {nid} " in details
        assert "[TQ-2.1c — TQ Regulation Art. 2(1)(c)]" in details
        assert (
            "→ Needed: whether the invention “Máy sấy chè tiết kiệm năng lượng” is applied"
            in details
        )

    def test_cash_is_in_vnd_in_each_language(self, final: RoundDecision) -> None:
        """Amounts use the Vietnamese and the English digit grouping, with the total."""
        assert "Tổng tiền thưởng: 53.820.000 đ cho 14 tập thể, cá nhân." in render_report(
            final, lang="vi"
        )
        assert "Cash in total: 53,820,000 VND for 14 collectives and individuals." in render_report(
            final, lang="en"
        )

    @pytest.mark.parametrize(
        "path", sorted((ROOT / "examples" / "rounds").glob("*.json")), ids=lambda p: p.name
    )
    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_every_example_round_renders(self, path: Path, lang: str) -> None:
        """Each round of examples/rounds renders in both languages, every stage heading present."""
        decision = run_round(parse_round(path.read_text(encoding="utf-8"), source=str(path)))
        report = render_report(decision, lang=lang)
        assert all(_T[lang][s] in report for s in STAGES)

    def test_a_unit_level_round_renders_with_the_units_own_reward(
        self, final: RoundDecision
    ) -> None:
        """At unit level (A-19) the head of the unit signs, rewards are the unit's, and there is no pool."""
        unit = run_round(attrs.evolve(final.inputs, level=CouncilLevel.UNIT, considered_on=dt.date(2024, 10, 10),
                                      decided_on=None, chair_choice=None, national_pool_size=None))  # fmt: skip
        report = " ".join(render_report(unit, lang="en").split())
        assert "RECOGNITION OF ADVANCED EXEMPLARS — UNIT LEVEL" in report
        assert "Who signs: The head of the unit (on the proposal of its council) signs" in report
        assert "6. POOL FOR NATIONAL PROPAGATION ================================ None." in report

    def test_an_unknown_language_is_refused(self, final: RoundDecision) -> None:
        """``lang`` is vi or en; anything else is an InvalidValueError naming both."""
        with pytest.raises(InvalidValueError, match="allowed: vi, en"):
            render_report(final, lang="fr")

    def test_the_awaiting_round_must_be_the_same_round(self, final: RoundDecision) -> None:
        """A decision of another round is refused as the 'before' stage."""
        other = run_round(attrs.evolve(final.inputs, chair_choice=None, national_pool_size=4))
        with pytest.raises(InvalidValueError, match="not the same round"):
            render_report(final, awaiting=other)


class TestTheCommand:
    """``dienhinh demo``: the report with where the JSON went, or the JSON alone."""

    def test_json_dash_prints_only_a_record_verify_accepts(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, final: RoundDecision
    ) -> None:
        """``--json -`` prints the decision JSON and nothing else; ``dienhinh verify`` re-derives it."""
        assert main(["demo", "--json", "-"]) == 0
        out = capsys.readouterr().out
        doc = json.loads(out)
        assert doc == json.loads(json.dumps(final.to_json(), ensure_ascii=False))
        validate(doc, "round-output")
        record = tmp_path / "record.json"
        record.write_text(out, encoding="utf-8")
        assert main(["verify", str(record)]) == 0
        assert json.loads(capsys.readouterr().out)["verified"] is True

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_the_report_ends_with_where_the_json_was_written(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str
    ) -> None:
        """The last line names the file, which holds the final decision."""
        path = tmp_path / "out.json"
        assert main(["demo", "--lang", lang, "--json", str(path)]) == 0
        last = capsys.readouterr().out.rstrip("\n").splitlines()[-1]
        assert last.endswith(str(path.resolve()))
        assert json.loads(path.read_text(encoding="utf-8"))["status"] == "final"

    def test_without_json_nothing_is_written(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without ``--json PATH`` no file is written (there was ./dienhinh-demo.json once)."""
        monkeypatch.chdir(tmp_path)
        assert main(["demo"]) == 0
        assert list(tmp_path.iterdir()) == []
        assert not (tmp_path / DEMO_JSON).exists()
        out = capsys.readouterr().out
        assert out.startswith("=" * 20)
        assert str(tmp_path) not in out

    def test_an_unwritable_path_is_one_line_on_stderr(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A path that cannot be written exits 3 with one line, and prints no report."""
        assert main(["demo", "--json", str(tmp_path / "no" / "such" / "dir.json")]) == 3
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith("dienhinh demo: error:")
        assert captured.err.count("\n") == 1
