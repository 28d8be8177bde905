"""Issue 9: a province's whole procedure as data — declared checks, deadline roles, floors, plans.

Each test reads one provision of the shipped rulesets or one rule of the ruleset format
(``docs/rulesets.md``): a check runs only because the ruleset declares it, with the rule it
declares; deadlines are found by role; floors count what their document counts (BK-IV.1
introductions, TQ-6.2a the unit's own recognitions, NT-V.1đ propagations); BK and NT rounds
run on the window of A-21; a unit round applies its own quota and its own floor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from dienhinh import (
    CouncilLevel,
    InvalidValueError,
    Readings,
    RoundDecision,
    RoundOutcome,
    RoundStatus,
    RulesetError,
    Unit,
    load_ruleset,
    parse_ruleset,
    run_round,
    verify_round,
)
from dienhinh._reasons import Reason
from dienhinh.criteria import Nominee
from dienhinh.round import check_floors
from dienhinh.rulesets import Check, CheckKind
from tests.round_builders import (
    CONSIDERED,
    UNIT,
    attest,
    evidence_day,
    floor_unit,
    make_round,
    nomination,
)

D = dt.date
DATA = Path(__file__).resolve().parent.parent / "src" / "dienhinh" / "rulesets" / "data"
TQ_TEXT = (DATA / "tuyen-quang-2023.toml").read_text(encoding="utf-8")
TQ = load_ruleset("tuyen-quang-2023")
BK = load_ruleset("bac-kan-2021")
NT = load_ruleset("ninh-thuan-2023")
KT = load_ruleset("kon-tum-2022")


def codes(reasons: Sequence[Reason]) -> list[str]:
    return [r.code for r in reasons]


def every_reason(decision: RoundDecision) -> list[Reason]:
    out = list(decision.reasons)
    for o in decision.outcomes:
        out += o.reasons
    for b in decision.benefits:
        out += b.reasons
    out += [f.reason for f in decision.floors]
    if decision.national_pool is not None:
        out += decision.national_pool.reasons
    return out


def cited(decision: RoundDecision) -> set[str]:
    """The rule ids every reason of a round cites."""
    return {r.rule.id for r in every_reason(decision) if r.rule is not None}


def tq_file(tmp_path: Path, text: str) -> Path:
    """A copy of TQ's file (with its catalogue beside it) under a changed text."""
    (tmp_path / "tuyen-quang-2023.criteria.toml").write_bytes(
        (DATA / "tuyen-quang-2023.criteria.toml").read_bytes()
    )
    path = tmp_path / "tq.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the procedure is declared ---------------------------------------------------------------------


class TestDeclaredChecks:
    """A round applies a check only because its ruleset declares it, citing what it declares."""

    def test_the_tuyen_quang_procedure_is_its_regulation(self) -> None:
        """TQ-2.1a, TQ-2.1c, TQ-4.2, TQ-8.3a, TQ-8.3b, TQ-6.1a, TQ-6.1b, TQ-4.1, TQ-5, TQ-7.1, TQ-2.2, TQ-6.3, TQ-6.2a."""
        assert [c.id for c in TQ.checks_at("province")] == [
            "consent", "posthumous", "head-selection", "dossier", "deadline:dossier-submission",
            "deadline:unit-consideration", "deadline:province-consideration", "standards",
            "signer:province", "benefits", "national-pool", "national-pool-size", "floors",
        ]  # fmt: skip
        assert [c.id for c in TQ.checks_at("unit")] == [
            "consent", "posthumous", "deadline:unit-consideration", "standards", "unit-quota",
            "signer:unit", "unit-reward", "floors",
        ]  # fmt: skip
        rules = {c.id: c.rule.id for c in TQ.checks if c.rule is not None}
        assert rules["consent"] == "TQ-2.1a"
        assert rules["head-selection"] == "TQ-4.2"
        assert rules["dossier"] == "TQ-8.3a"
        assert rules["signer:province"] == rules["signer:unit"] == "TQ-5"

    def test_every_shipped_procedure_in_one_line(self) -> None:
        """BK (BK-III, BK-IV.1 stages and floors), NT (NT-IV.2b, NT-V.1đ, NT-IV.3b), KT (KT-1, KT-2,
        KT-3): only their own provisions."""
        assert [c.id for c in BK.checks] == ["standards", "stage", "floors"]
        assert [c.id for c in NT.checks] == ["standards", "floors", "honouring"]
        assert [c.id for c in KT.checks] == ["stage", "award-level-match", "priority-groups"]

    def test_a_round_lists_what_it_applied_and_what_the_ruleset_does_not_declare(self) -> None:
        """TQ: KT-1 … KT-3 are not Tuyên Quang's — listed as not declared, never silently skipped."""
        decision = run_round(make_round([nomination("N1")]))
        assert decision.applied == tuple(c.id for c in TQ.checks_at("province"))
        assert decision.not_declared == (
            "stage", "award-level-match", "priority-groups", "honouring",
        )  # fmt: skip
        out = decision.to_json()
        assert out["checks"] == {
            "applied": list(decision.applied),
            "not_declared": ["stage", "award-level-match", "priority-groups", "honouring"],
            "not_computed": [],
        }
        (note,) = [r for r in decision.reasons if r.code == "round.checks_not_declared"]
        assert note.params["checks"] == [
            "stage", "award-level-match", "priority-groups", "honouring",
        ]  # fmt: skip

    def test_kon_tums_round_applies_no_tuyen_quang_check(self) -> None:
        """KT: consent, the head's selection, dossiers, signers are not in the letter — none applies."""
        noms = [nomination("N1", consent=False, selected_by_head=False)]
        decision = run_round(make_round(noms, ruleset=KT, dossiers=[]))
        assert decision.recognised == ("N1",)
        assert {"consent", "head-selection", "dossier", "signer:province"} <= set(
            decision.not_declared
        )
        assert "round.authority" not in codes(decision.reasons)
        assert not any(rule.startswith("TQ") for rule in cited(decision))

    def test_a_tuyen_quang_round_never_cites_kon_tum(self) -> None:
        """KT-2 has no force in Tuyên Quang: a record that supports only the unit level is not judged by it."""
        decision = run_round(
            make_round([nomination("N1", supports=CouncilLevel.UNIT, stage="foster")])
        )
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert not any(rule.startswith("KT") for rule in cited(decision))

    @pytest.mark.parametrize("ruleset", [BK, NT])
    def test_a_plans_round_cites_only_its_plan_and_the_national_decree(
        self, ruleset: object
    ) -> None:
        """BK, NT: every reason cites the plan itself, the reform law or the national decree."""
        assert ruleset in (BK, NT)
        rs = BK if ruleset is BK else NT
        decision = run_round(
            make_round([], ruleset=rs, dossiers=[], units=[Unit("X", rs.floors[0].scope)])
        )
        code = rs.document.code
        assert all(r.startswith((code, "LCQĐP", "NĐ")) for r in cited(decision))

    def test_the_signer_is_the_rulesets_declaration(self) -> None:
        """TQ-5: the province's chairman signs, quoted from Article 5; at a unit, the head of the unit."""
        (signs,) = [r for r in run_round(make_round([])).reasons if r.code == "round.authority"]
        assert signs.rule is not None
        assert signs.rule.citation.quote is not None
        assert "Chủ tịch Ủy ban nhân dân tỉnh công nhận" in signs.rule.citation.quote


class TestAwardLevelKT2:
    """KT-2 “hình thức, mức hạng nào thì xét … mức hạng đó”: no higher, and no lower, than the record."""

    def _kt(self, supports: CouncilLevel, level: CouncilLevel) -> RoundOutcome:
        day = CONSIDERED if level is CouncilLevel.PROVINCE else D(2024, 10, 10)
        inputs = make_round(
            [nomination("N1", supports=supports, on=D(2024, 6, 1))],
            ruleset=KT, dossiers=[], level=level, considered_on=day,
        )  # fmt: skip
        self.decision = run_round(inputs)
        return self.decision.outcome("N1").outcome

    def test_a_record_above_the_unit_level_is_not_proposed_for_a_unit_award(self) -> None:
        """KT-2, the other direction: a record that supports the province is ineligible in a unit round."""
        assert self._kt(CouncilLevel.PROVINCE, CouncilLevel.UNIT) is RoundOutcome.INELIGIBLE
        reasons = self.decision.outcome("N1").reasons
        (below,) = [r for r in reasons if r.code == "round.award_below_record"]
        assert below.rule is not None
        assert below.rule.id == "KT-2"

    def test_a_record_matching_the_level_passes_and_says_so(self) -> None:
        """KT-2: the record supports exactly the level of the council."""
        assert self._kt(CouncilLevel.PROVINCE, CouncilLevel.PROVINCE) is RoundOutcome.RECOGNISED
        assert "round.award_matches_record" in codes(self.decision.outcome("N1").reasons)


# -- deadlines by role; load errors -----------------------------------------------------------------


class TestRoles:
    """A round finds its deadlines by role, never by name; a wrong role is a load error."""

    def test_a_renamed_dossier_deadline_still_judges_a_late_dossier(self, tmp_path: Path) -> None:
        """TQ-8.3b: renamed to “nop-ho-so”, the deadline keeps its role — a dossier of 30/10 is late."""
        text = TQ_TEXT.replace('name = "dossier-submission"', 'name = "nop-ho-so"')
        renamed = load_ruleset(tq_file(tmp_path, text))
        assert renamed.deadline_for("dossier-submission") == renamed.deadline("nop-ho-so")
        from tests.round_builders import dossier

        noms = [nomination("N1")]
        late = make_round(
            noms, ruleset=renamed, dossiers=[dossier(UNIT, ["N1"], received=D(2024, 10, 30))]
        )
        out = run_round(late).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert "deadline.late" in codes(out.reasons)

    def test_a_check_reading_a_role_no_deadline_has_does_not_load(self) -> None:
        """Without `role = "dossier-submission"`, the check that reads it is a load error, not a skip."""
        text = TQ_TEXT.replace('role = "dossier-submission"', "", 1)
        with pytest.raises(RulesetError) as info:
            parse_ruleset(text, source="tq.toml")
        (problem,) = [p for p in info.value.problems if p.where.endswith(".role")]
        assert "dossier-submission" in problem.message
        assert "unit-consideration" in (problem.allowed or "")

    def test_an_unknown_role_is_a_load_error_listing_the_roles(self) -> None:
        """The roles are a closed list (docs/rulesets.md)."""
        text = TQ_TEXT.replace('role = "province-consideration"', 'role = "council-meeting"', 1)
        with pytest.raises(RulesetError) as info:
            parse_ruleset(text, source="tq.toml")
        problem = next(p for p in info.value.problems if p.where.startswith("deadlines"))
        assert problem.allowed == "unit-consideration, dossier-submission, province-consideration"

    def test_an_unknown_check_is_a_load_error_listing_the_checks(self) -> None:
        """The checks are a closed list (rulesets.CheckKind)."""
        text = TQ_TEXT.replace('check = "consent"', 'check = "loyalty"', 1)
        with pytest.raises(RulesetError) as info:
            parse_ruleset(text, source="tq.toml")
        problem = next(p for p in info.value.problems if p.where.endswith(".check"))
        assert problem.allowed is not None
        assert "consent" in problem.allowed
        assert "award-level-match" in problem.allowed

    def test_a_table_no_check_reads_is_a_load_error(self) -> None:
        """[posthumous] given but the posthumous check dropped: the ban would be silently off."""
        text = TQ_TEXT.replace(
            'check = "posthumous"', 'check = "stage"\nrule = "TQ-2.1c"\ncitation = {}', 1
        )
        with pytest.raises(RulesetError) as info:
            parse_ruleset(text, source="tq.toml")
        assert "[posthumous]" in {p.where for p in info.value.problems}

    def test_a_check_declares_its_rule_or_reads_its_tables(self) -> None:
        """A self-standing check needs its rule; one that reads a table cites that table's."""
        with pytest.raises(InvalidValueError, match="rule"):
            Check(CheckKind.CONSENT)
        with pytest.raises(InvalidValueError, match="posthumous"):
            Check(CheckKind.POSTHUMOUS, rule=TQ.checks[0].rule)
        with pytest.raises(InvalidValueError, match="level"):
            Check(
                CheckKind.DOSSIER,
                rule=TQ.checks[0].rule,
                parts=["submission-letter"],
                levels=["unit"],
            )


# -- floors count what each document counts --------------------------------------------------------


class TestFloors:
    """BK-IV.1 counts introductions, TQ-6.2a recognitions at the unit's level, NT-V.1đ propagations (A-10)."""

    def test_a_bac_kan_district_that_introduced_9_is_1_short(self) -> None:
        """BK-IV.1a “ít nhất 10”: 9 introduced — 1 short."""
        (c,) = check_floors(
            BK, [Unit("Huyện Ba Bể", "district-people-committee", introduced=9)], D(2024, 12, 1)
        )
        assert (c.counted, c.count, c.status, c.shortfall) == ("introduced", 9, "short", 1)
        assert c.reason.rule is not None
        assert c.reason.rule.id == "BK-IV.1a"

    def test_a_bac_kan_department_that_introduced_3_meets_its_floor(self) -> None:
        """BK-IV.1b “mỗi đơn vị ít nhất 03”: 3 introduced — met."""
        unit = Unit("Sở Tư pháp", "department-front-association-enterprise", introduced=3)
        (c,) = check_floors(BK, [unit], D(2024, 12, 1))
        assert (c.minimum, c.count, c.status, c.shortfall) == (3, 3, "met", 0)

    def test_ninh_thuan_with_14_province_wide_is_1_short(self) -> None:
        """NT-V.1đ “Toàn tỉnh có ít nhất 15”: 14 propagated — 1 short."""
        (c,) = check_floors(NT, [Unit("Ninh Thuận", "province", propagated=14)], D(2024, 12, 1))
        assert (c.counted, c.minimum, c.count, c.shortfall) == ("propagated", 15, 14, 1)

    def test_a_police_sector_that_introduced_10_meets_its_floor_though_2_were_recognised(
        self,
    ) -> None:
        """BK-IV.1a counts introductions: 10 introduced, 2 recognised — met (the old default said 8 short)."""
        unit = Unit("Công an tỉnh", "police-military-education-health", introduced=10, recognised=2)
        (c,) = check_floors(BK, [unit], D(2024, 12, 1))
        assert (c.status, c.count) == ("met", 10)
        (old,) = check_floors(
            BK, [unit], D(2024, 12, 1), readings=Readings().choose("A-10", "recognised")
        )
        assert (old.status, old.shortfall) == ("short", 8)

    def test_a_tuyen_quang_floor_counts_the_units_own_recognitions(self) -> None:
        """TQ-6.2a “ít nhất 02 … xã”: 2 recognised at the commune's level, 5 introduced — counted 2."""
        unit = Unit("UBND xã Tân Trào", "commune-people-committee", recognised=2, introduced=5)
        (c,) = check_floors(TQ, [unit], D(2024, 12, 1))
        assert (c.counted, c.count, c.status) == ("recognised", 2, "met")

    def test_the_ninh_thuan_departments_floor_binds_each_by_default_or_all_together(self) -> None:
        """A-22: two departments with 6 and 5 — each short by default; together 11 of 10 under the alternative."""
        scope = "provincial-department-front-organisation"
        units = [Unit("Sở A", scope, propagated=6), Unit("Sở B", scope, propagated=5)]
        each = check_floors(NT, units, D(2024, 12, 1))
        assert [(c.unit, c.shortfall) for c in each] == [("Sở A", 4), ("Sở B", 5)]
        (together,) = check_floors(
            NT, units, D(2024, 12, 1), readings=Readings().choose("A-22", "together")
        )
        assert (together.count, together.status) == (11, "met")

    def test_bac_kans_education_sector_answers_to_the_sector_floor_or_the_department_floor(
        self,
    ) -> None:
        """A-23: the education sector with 4 introduced — 6 short of BK-IV.1a's 10; met under BK-IV.1b's 3."""
        unit = Unit("Sở Giáo dục và Đào tạo", "police-military-education-health", introduced=4)
        (sector,) = check_floors(BK, [unit], D(2024, 12, 1))
        assert (sector.minimum, sector.shortfall) == (10, 6)
        (dept,) = check_floors(
            BK, [unit], D(2024, 12, 1), readings=Readings().choose("A-23", "department")
        )
        assert (dept.minimum, dept.status) == (3, "met")
        assert dept.reason.rule is not None
        assert dept.reason.rule.id == "BK-IV.1b"

    def test_a_unit_of_a_scope_without_a_floor_is_refused(self) -> None:
        """A scope is one of the ruleset's floor scopes; another is an error naming them."""
        with pytest.raises(Exception, match="province"):
            check_floors(NT, [Unit("X", "ward")], D(2024, 12, 1))


# -- Bắc Kạn and Ninh Thuận rounds run (A-21) ------------------------------------------------------


BK_GENERAL = [f"BK-III.1.{p}" for p in ("achievement", "leading", "compliance", "solidarity")]


class TestPlanRounds:
    """BK and NT set criteria and floors but no achievement window: a round reads A-21's."""

    @pytest.mark.parametrize("ruleset", ["bac-kan-2021", "ninh-thuan-2023"])
    def test_a_plans_round_with_only_units_runs(self, ruleset: str) -> None:
        """A-21 calendar-year: a round of 20/12/2024 reads 01/01/2024 – 20/12/2024; its floors are checked."""
        rs = load_ruleset(ruleset)
        unit = Unit("U", rs.floors[1].scope, introduced=0, propagated=0)
        decision = run_round(make_round([], ruleset=rs, dossiers=[], units=[unit]))
        assert decision.status is RoundStatus.FINAL
        assert decision.window == (D(2024, 1, 1), CONSIDERED)
        assert "round.plan_window" in codes(decision.reasons)
        assert ("A-21", "calendar-year") in {(u.id, u.reading) for u in decision.used}
        floors = [f.status for f in decision.floors if f.counted != "honouring-events"]
        assert floors == ["short"]
        # NT-IV.3b: the unit gives no honouring events, so that check is unknown (never skipped).
        honouring = [f.status for f in decision.floors if f.counted == "honouring-events"]
        assert honouring == (["unknown"] if ruleset == "ninh-thuan-2023" else [])
        assert verify_round(decision) is decision

    def test_the_twelve_months_reading_of_a_plans_window(self) -> None:
        """A-21 twelve-months: 21/12/2023 – 20/12/2024."""
        inputs = make_round(
            [], ruleset=BK, dossiers=[], readings=Readings().choose("A-21", "twelve-months")
        )
        assert run_round(inputs).window == (D(2023, 12, 21), CONSIDERED)

    def test_a_bac_kan_round_recognises_on_its_own_criteria_and_the_national_ballot(self) -> None:
        """BK-III.1, BK-III.2.12; NĐ98-ballot: met — recognised with 9 of 10; a household lacking one point is incomplete."""
        on = evidence_day(CONSIDERED)
        met = Nominee("individual", ["charity"],
                      [attest(c, on) for c in (*BK_GENERAL, "BK-III.2.12.relief", "BK-III.2.12.helped")])  # fmt: skip
        unproven = Nominee(
            "household", ["charity"], [attest(c, on) for c in (*BK_GENERAL, "BK-III.2.12.relief")]
        )
        inputs = make_round(
            [nomination("B1", nominee=met), nomination("B2", nominee=unproven)],
            {"B1": 9, "B2": 10}, ruleset=BK, dossiers=[],
            units=[floor_unit("police-military-education-health", id="Công an tỉnh")],
        )  # fmt: skip
        decision = run_round(inputs)
        assert decision.recognised == ("B1",)
        assert decision.outcome("B2").outcome is RoundOutcome.INCOMPLETE
        assert "NĐ98-ballot" in cited(decision)  # decided in 2024 (issue 10: it cited NĐ91-45.8)
        (floor,) = decision.floors
        # BK-IV.1a counts introductions: “Công an tỉnh” introduced none of this round's two.
        assert (floor.counted, floor.count, floor.shortfall) == ("introduced", 0, 10)


# -- unit rounds: the unit's own quota and floor ---------------------------------------------------

UNIT_DAY = D(2024, 10, 10)


def unit_round(approvals: dict[str, int], **more: Any) -> RoundDecision:
    noms = [nomination(n, on=D(2024, 6, 1)) for n in approvals]
    return run_round(
        make_round(
            noms, approvals, level=CouncilLevel.UNIT, considered_on=UNIT_DAY, dossiers=[], **more
        )
    )


class TestUnitRound:
    """TQ-6.2a “Do cơ quan, tổ chức, đơn vị quy định”: the unit's own quota, and its own floor."""

    def test_the_units_quota_applies_the_last_slot_tie_rule(self) -> None:
        """TQ-6.2a, TQ-2.1b: quota 2, approvals 10, 9, 9 — one recognised, the tie for the last slot awaits the chair."""
        decision = unit_round({"U1": 10, "U2": 9, "U3": 9}, quota=2)
        assert decision.status is RoundStatus.AWAITING_CHAIR
        assert decision.recognised == ("U1",)
        cap = decision.ballot.inputs.cap
        assert cap is not None
        assert cap.slots == 2
        assert cap.rule is not None
        assert cap.rule.id == "TQ-6.2a"

    def test_without_a_quota_a_unit_round_has_no_cap(self) -> None:
        """A unit that sets no number: everyone over the threshold is recognised."""
        assert unit_round({"U1": 10, "U2": 9, "U3": 9}).recognised == ("U1", "U2", "U3")

    def test_a_quota_is_refused_at_the_province_and_under_a_ruleset_without_one(self) -> None:
        """The province's number is the ruleset's cap; Kon Tum declares no unit quota."""
        with pytest.raises(InvalidValueError, match="quota"):
            make_round([], quota=3)
        with pytest.raises(InvalidValueError, match="unit-quota"):
            unit_round({"U1": 10}, quota=1, ruleset=KT)

    def test_a_unit_round_counts_its_recognitions_against_its_own_floor(self) -> None:
        """TQ-6.2a “ít nhất 02” for a commune: its round recognises 1 of 2 — 1 short."""
        commune = "UBND xã Tân Trào"
        noms = [nomination(n, unit=commune, on=D(2024, 6, 1)) for n in ("U1", "U2")]
        inputs = make_round(
            noms, {"U1": 10, "U2": 5}, level=CouncilLevel.UNIT, considered_on=UNIT_DAY, dossiers=[],
            units=[Unit(commune, "commune-people-committee")],
        )  # fmt: skip
        (floor,) = run_round(inputs).floors
        assert (floor.counted, floor.count, floor.shortfall) == ("recognised", 1, 1)
