"""The annual round as sentences a reviewer can check against the documents.

Each test changes one thing in a Tuyên Quang round that otherwise recognises everyone
(``tests/round_builders.py``): one eligibility reason (TQ-2.1a, TQ-2.1c, TQ-4.2, TQ-8.3a,
TQ-8.3b, TQ-6.1a, TQ-6.1b, TQ-3/TQ-4.1), one outcome, one benefit, one floor, one reading.
Cash amounts are computed here by hand from the ruleset's dated tables (base salary 1,800,000
VND from 01/07/2023, 2,340,000 VND from 01/07/2024; Decree 98/2023 1 × for an individual and
2 × that for a collective until 30/06/2025; Decree 152/2025 1.5 × from 01/07/2025).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Any

import attrs
import pytest

from dienhinh import (
    ChairChoiceError,
    Citation,
    CouncilLevel,
    DocumentStatus,
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    Nomination,
    Priority,
    Readings,
    RoundDecision,
    RoundInputs,
    RoundOutcome,
    RoundStatus,
    Rule,
    Ruleset,
    Stage,
    Unit,
    UnknownIdError,
    UnknownNomineeError,
    load_ruleset,
    resolve_round,
    run_round,
    verify_round,
)
from dienhinh._reasons import Reason, Severity
from dienhinh.criteria import Nominee, Title
from dienhinh.rulesets import Dated, Posthumous, Timeline
from dienhinh.voting import Cap
from tests.round_builders import (
    CONSIDERED,
    GENERAL,
    OTHER_UNIT,
    TQ,
    UNIT,
    attest,
    council,
    dossier,
    dossiers_for,
    evidence_day,
    floor_unit,
    make_round,
    nomination,
    record,
    votes,
)

D = dt.date
NT_RULES = load_ruleset("ninh-thuan-2023")
DECIDED = D(2024, 12, 26)
STRICT_DOSSIER_LAST_DAY = D(2024, 10, 29)
"""TQ-8.3b “trước 30/10”, read strictly (A-1 default): the last day on time is 29/10."""


def codes(reasons: Sequence[Reason]) -> list[str]:
    return [r.code for r in reasons]


def one(reasons: Sequence[Reason], code: str) -> Reason:
    found = [r for r in reasons if r.code == code]
    assert len(found) == 1, f"{code} appears {len(found)} times in {codes(reasons)}"
    return found[0]


def rule_of(reason: Reason) -> str | None:
    return None if reason.rule is None else reason.rule.id


def solo(**nomination_changes: Any) -> RoundDecision:
    """A round of one nominee, "N1", of the default unit, with one change to its nomination."""
    return run_round(make_round([nomination("N1", **nomination_changes)]))


# -- the baseline -------------------------------------------------------------------------------


class TestBaseline:
    """The default round is what the other tests vary: everyone eligible, nine of ten approve."""

    def test_a_nominee_passing_every_check_with_nine_of_ten_approvals_is_recognised(self) -> None:
        """TQ-2.1b, TQ-4: consent, head's selection, complete and timely dossier, standards met, 9/10 ≥ 90 %."""
        decision = run_round(make_round([nomination("N1")], {"N1": 9}))
        out = decision.outcome("N1")
        assert (decision.status, out.outcome) == (RoundStatus.FINAL, RoundOutcome.RECOGNISED)
        assert decision.recognised == ("N1",)
        assert codes(out.reasons)[:7] == [
            "round.consent",
            "round.selected_by_head",
            "round.dossier_complete",
            "deadline.on_time",
            "deadline.on_time",
            "round.criteria_met",
            "ballot.meets_threshold",
        ]
        assert [rule_of(r) for r in out.reasons[:6]] == [
            "TQ-2.1a", "TQ-4.2", "TQ-8.3a", "TQ-8.3b", "TQ-6.1a", "TQ-4.1",
        ]  # fmt: skip
        assert out.missing == ()

    def test_the_window_runs_from_1_october_of_the_previous_year_to_the_consideration(self) -> None:
        """TQ-3.3 (A-2, A-3, A-4 defaults): a consideration on 20/12/2024 reads the one year
        01/10/2023 – 30/09/2024; under A-3 literal, 01/10/2023 – 20/12/2024, saying it is longer."""
        decision = solo()
        assert decision.window == (D(2023, 10, 1), D(2024, 9, 30))
        assert one(decision.reasons, "round.consideration_date").params["start"] == "2023-10-01"
        assert "window.longer_than_a_year" not in [r.code for r in decision.reasons]
        literal = run_round(
            make_round([nomination("N1")], readings=Readings().choose("A-3", "literal"))
        )
        assert literal.window == (D(2023, 10, 1), D(2024, 12, 20))
        assert "window.longer_than_a_year" in [r.code for r in literal.reasons]

    def test_the_provincial_chairman_signs_a_province_level_recognition(self) -> None:
        """TQ-5: “do Chủ tịch Ủy ban nhân dân tỉnh công nhận”."""
        signs = one(solo().reasons, "round.authority")
        assert rule_of(signs) == "TQ-5"
        assert "Chủ tịch Ủy ban nhân dân tỉnh" in signs.vi


# -- eligibility: TQ-2.1a consent ---------------------------------------------------------------


class TestConsentTQ21a:
    """TQ-2.1a “Tự nguyện”: recognition is voluntary."""

    def test_a_nominee_who_consents_passes_the_check(self) -> None:
        """TQ-2.1a: consent given is a passing reason and the nominee reaches the ballot."""
        out = solo(consent=True).outcome("N1")
        assert one(out.reasons, "round.consent").severity is Severity.PASS
        assert out.outcome is RoundOutcome.RECOGNISED

    def test_a_nominee_who_declines_is_ineligible(self) -> None:
        """TQ-2.1a: a nominee who does not consent is ineligible, citing Art. 2(1)(a)."""
        decision = solo(consent=False)
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        reason = one(out.reasons, "round.no_consent")
        assert (reason.severity, rule_of(reason)) == (Severity.FAIL, "TQ-2.1a")
        assert decision.recognised == ()

    def test_a_nominee_whose_consent_is_not_stated_is_incomplete_and_asked_for_it(self) -> None:
        """TQ-2.1a: consent unknown makes the nominee incomplete, with consent among what to ask for."""
        out = solo(consent=None).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        assert codes(out.missing) == ["round.consent_unknown"]
        assert "ask for it" in out.missing[0].en


# -- eligibility: TQ-2.1c posthumous (A-11) -----------------------------------------------------


class TestPosthumousTQ21c:
    """TQ-2.1c “không áp dụng hình thức truy tặng”, read under A-11."""

    def test_a_nominee_who_died_before_the_consideration_is_ineligible_under_both_readings(
        self,
    ) -> None:
        """A-11: died 10/12/2024, considered 20/12, signed 26/12 — ineligible under either reading."""
        for reading in ("before-consideration", "before-decision"):
            inputs = make_round(
                [nomination("N1", died_on=D(2024, 12, 10))],
                decided_on=DECIDED,
                readings=Readings().choose("A-11", reading),
            )
            out = run_round(inputs).outcome("N1")
            assert out.outcome is RoundOutcome.INELIGIBLE, reading
            assert rule_of(one(out.reasons, "round.posthumous")) == "TQ-2.1c"

    def test_a_death_between_consideration_and_signature_is_eligible_before_consideration(
        self,
    ) -> None:
        """A-11 before-consideration: died 22/12/2024 after the council's 20/12 vote — recognised."""
        inputs = make_round(
            [nomination("N1", died_on=D(2024, 12, 22))],
            decided_on=DECIDED,
            readings=Readings().choose("A-11", "before-consideration"),
        )
        decision = run_round(inputs)
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert ("A-11", "before-consideration") in {(u.id, u.reading) for u in decision.used}

    def test_a_death_between_consideration_and_signature_is_ineligible_before_decision(
        self,
    ) -> None:
        """A-11 before-decision: died 22/12/2024, before the 26/12 signature — ineligible."""
        inputs = make_round(
            [nomination("N1", died_on=D(2024, 12, 22))],
            decided_on=DECIDED,
            readings=Readings().choose("A-11", "before-decision"),
        )
        decision = run_round(inputs)
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert one(out.reasons, "round.posthumous").params["day"] == "2024-12-26"
        assert ("A-11", "before-decision") in {(u.id, u.reading) for u in decision.used}

    def test_a_death_on_the_consideration_day_itself_is_not_before_it(self) -> None:
        """A-11 before-consideration: “died before the consideration date” — 20/12 is not before 20/12."""
        inputs = make_round(
            [nomination("N1", died_on=CONSIDERED)],
            readings=Readings().choose("A-11", "before-consideration"),
        )
        assert run_round(inputs).outcome("N1").outcome is RoundOutcome.RECOGNISED

    def test_tq_2_1c_by_default_a_death_after_the_council_before_the_signature_is_refused(
        self,
    ) -> None:
        """A-11 default (on-or-before-decision): died 22/12, considered 20/12, signed 26/12 — the
        recognition would be truy tặng (the Chairman decides, TQ Art. 5): ineligible."""
        decision = run_round(
            make_round([nomination("N1", died_on=D(2024, 12, 22))], decided_on=DECIDED)
        )
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert one(out.reasons, "round.posthumous").params["day"] == "2024-12-26"
        assert ("A-11", "on-or-before-decision") in {(u.id, u.reading) for u in decision.used}

    def test_tq_2_1c_a_death_on_the_day_of_signature_is_refused_by_default_only(self) -> None:
        """A-11: died on 26/12, the day of signature — refused on or before it (≤, the default);
        the old strict reading (before-decision, <) still recognises."""

        def run(readings: Readings) -> RoundOutcome:
            inputs = make_round(
                [nomination("N1", died_on=DECIDED)], decided_on=DECIDED, readings=readings
            )
            return run_round(inputs).outcome("N1").outcome

        assert run(Readings()) is RoundOutcome.INELIGIBLE
        assert run(Readings().choose("A-11", "before-decision")) is RoundOutcome.RECOGNISED
        assert run(Readings().choose("A-11", "before-consideration")) is RoundOutcome.RECOGNISED

    def test_a_ruleset_that_allows_posthumous_recognition_does_not_exclude_the_dead(self) -> None:
        """TQ-2.1c is a ruleset flag, not a law of nature (domain §9): allowed, the dead are not excluded."""
        assert TQ.posthumous is not None
        allowing = TQ.variant(
            "tq-posthumous-allowed", posthumous=Posthumous(True, TQ.posthumous.rule)
        )
        inputs = make_round([nomination("N1", died_on=D(2024, 6, 1))], ruleset=allowing)
        out = run_round(inputs).outcome("N1")
        assert out.outcome is RoundOutcome.RECOGNISED
        assert "round.posthumous" not in codes(out.reasons)


# -- eligibility: TQ-4.2 selected by the head of the unit ---------------------------------------


class TestHeadSelectionTQ42:
    """TQ-4.2 “Được người đứng đầu … lựa chọn … và đề nghị công nhận”."""

    def test_a_nominee_selected_by_its_head_passes(self) -> None:
        """TQ-4.2: selected by the head of UBND huyện Yên Sơn — a passing reason naming the unit."""
        reason = one(solo(selected_by_head=True).outcome("N1").reasons, "round.selected_by_head")
        assert reason.params["unit"] == UNIT

    def test_a_nominee_the_head_did_not_select_is_ineligible(self) -> None:
        """TQ-4.2: not selected by the head of its unit — ineligible."""
        out = solo(selected_by_head=False).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert rule_of(one(out.reasons, "round.not_selected_by_head")) == "TQ-4.2"

    def test_a_nominee_whose_selection_is_not_stated_is_incomplete(self) -> None:
        """TQ-4.2: the dossier does not show the head's selection — incomplete, ask for it."""
        out = solo(selected_by_head=None).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        assert codes(out.missing) == ["round.selection_unknown"]


# -- eligibility: TQ-8.3a the dossier -----------------------------------------------------------


class TestDossierTQ83a:
    """TQ-8.3a: the unit's submission letter, its council's minutes, an achievement report per nominee."""

    def test_a_nominee_whose_unit_sent_no_dossier_is_incomplete(self) -> None:
        """TQ-8.3a: no dossier from the unit — incomplete, naming the unit; nothing is checked for lateness."""
        out = run_round(make_round([nomination("N1")], dossiers=[])).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        reason = one(out.missing, "round.no_dossier")
        assert (rule_of(reason), reason.params["unit"]) == ("TQ-8.3a", UNIT)
        assert "deadline.on_time" not in codes(out.reasons)

    @pytest.mark.parametrize(
        ("letter", "minutes", "report", "lacks"),
        [
            (False, True, True, ["the submission letter"]),
            (True, False, True, ["the council's minutes"]),
            (True, True, False, ["the achievement report of N1"]),
            (
                False,
                False,
                False,
                ["the submission letter", "the council's minutes", "the achievement report of N1"],
            ),
        ],
        ids=["letter", "minutes", "report", "all-three"],
    )
    def test_a_dossier_lacking_a_part_makes_the_nominee_incomplete_naming_the_part(
        self, letter: bool, minutes: bool, report: bool, lacks: list[str]
    ) -> None:
        """TQ-8.3a: each missing part (tờ trình, biên bản, báo cáo thành tích) is named in what to ask for."""
        d = dossier(UNIT, ["N1"] if report else [], letter=letter, minutes=minutes)
        out = run_round(make_round([nomination("N1")], dossiers=[d])).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        reason = one(out.missing, "round.dossier_incomplete")
        assert reason.params["missing_en"] == lacks

    def test_a_report_for_another_nominee_of_the_unit_does_not_cover_this_one(self) -> None:
        """TQ-8.3a “báo cáo thành tích của tập thể, cá nhân được đề nghị”: one report per nominee."""
        noms = [nomination("N1"), nomination("N2")]
        decision = run_round(make_round(noms, dossiers=[dossier(UNIT, ["N2"])]))
        assert decision.outcome("N1").outcome is RoundOutcome.INCOMPLETE
        assert decision.outcome("N2").outcome is RoundOutcome.RECOGNISED

    def test_an_achievement_report_for_someone_not_nominated_by_the_unit_is_refused(self) -> None:
        """TQ-8.3a: a report for a nomination of another unit is an error in the input, not a pass."""
        noms = [nomination("N1"), nomination("N2", unit=OTHER_UNIT)]
        with pytest.raises(UnknownNomineeError, match="N2"):
            make_round(noms, dossiers=[dossier(UNIT, ["N1", "N2"])])


# -- eligibility: TQ-8.3b dossier on time (A-1, A-16) -------------------------------------------


class TestDossierDeadlineTQ83b:
    """TQ-8.3b “gửi về Sở Nội vụ trước 30/10 hằng năm”, read under A-1 and A-16."""

    def _received(
        self, received: dt.date | dt.datetime, readings: Readings | None = None
    ) -> RoundDecision:
        d = dossier(UNIT, ["N1"], received=received)
        return run_round(make_round([nomination("N1")], dossiers=[d], readings=readings))

    def test_a_dossier_received_on_29_october_is_on_time(self) -> None:
        """TQ-8.3b, A-1 strict: 29/10 is the last day on time."""
        out = self._received(STRICT_DOSSIER_LAST_DAY).outcome("N1")
        assert out.outcome is RoundOutcome.RECOGNISED
        on_time = [r for r in out.reasons if rule_of(r) == "TQ-8.3b"]
        assert codes(on_time) == ["deadline.on_time"]
        assert on_time[0].params["last_day"] == "2024-10-29"

    def test_a_dossier_received_on_30_october_is_late_and_the_nominee_ineligible(self) -> None:
        """TQ-8.3b, A-1 strict (default): received on 30/10 itself is late by one day — ineligible."""
        out = self._received(D(2024, 10, 30)).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        late = one(out.reasons, "deadline.late")
        assert (rule_of(late), late.params["days"]) == ("TQ-8.3b", 1)

    def test_a_dossier_received_on_30_october_is_on_time_read_inclusively(self) -> None:
        """A-1 inclusive: “trước 30/10” read as no later than 30/10 — on time."""
        decision = self._received(D(2024, 10, 30), Readings().choose("A-1", "inclusive"))
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED

    def test_a_timestamp_of_29_october_1830_utc_is_30_october_in_vietnam_and_late(self) -> None:
        """A-16 vietnam-time: 2024-10-29T18:30Z is 01:30 on 30/10 in Vietnam — late under A-1 strict."""
        at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.UTC)
        out = self._received(at).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert one(out.reasons, "deadline.late").params["submitted"] == "2024-10-30"

    def test_the_same_timestamp_judged_in_utc_is_on_time(self) -> None:
        """A-16 utc: the same 2024-10-29T18:30Z is on 29/10 in UTC — on time."""
        at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.UTC)
        decision = self._received(at, Readings().choose("A-16", "utc"))
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED

    def test_one_second_before_midnight_in_vietnam_is_still_29_october(self) -> None:
        """A-16: 2024-10-29T16:59:59Z is 23:59:59 on 29/10 in Vietnam (UTC+7) — on time; a second later, late."""
        early = dt.datetime(2024, 10, 29, 16, 59, 59, tzinfo=dt.UTC)
        late = dt.datetime(2024, 10, 29, 17, 0, 0, tzinfo=dt.UTC)
        assert self._received(early).outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert self._received(late).outcome("N1").outcome is RoundOutcome.INELIGIBLE

    def test_a_timestamp_without_an_offset_is_refused(self) -> None:
        """A-16: a naive timestamp cannot be placed on a day — refused, even for a unit with no nominee."""
        with pytest.raises(NaiveDatetimeError):
            dossier(OTHER_UNIT, [], received=dt.datetime(2024, 10, 28, 9, 15))


# -- the achievement report's documents and the dossier's receipt: TQ-8.3 (A-30) ---------------


class TestEvidenceAfterTheDossierA30:
    """TQ-8.3a/b: the achievement report is part of the dossier due “trước 30/10”; a document
    dated after the dossier was received was not in it (A-30). The window is read literally
    (A-3 ``literal``, to the consideration date 20/12/2024) so that only A-30 decides."""

    SUMMER = D(2024, 8, 31)
    NOVEMBER = D(2024, 11, 5)

    def _round(
        self, *, readings: Readings | None = None, dossiers: list[Any] | None = None,
        level: CouncilLevel = CouncilLevel.PROVINCE, signed: dt.date = NOVEMBER,
    ) -> RoundDecision:  # fmt: skip
        """N1's general standard attested on 31/08/2024, its field point TQ-3.2n on ``signed``;
        the dossier received on 28/10/2024 unless ``dossiers`` says otherwise."""
        items = [attest(c, self.SUMMER) for c in GENERAL] + [attest("TQ-3.2n.escape", signed)]
        nominee = Nominee("individual", ["poverty-social-security"], items)
        received = dossier(UNIT, ["N1"], received=D(2024, 10, 28))
        inputs = make_round(
            [nomination("N1", nominee=nominee)], level=level,
            dossiers=[received] if dossiers is None else dossiers,
            readings=(readings or Readings()).choose("A-3", "literal"),
        )  # fmt: skip
        return run_round(inputs)

    def test_tq_8_3_a_document_dated_after_the_dossiers_receipt_is_ignored(self) -> None:
        """A-30 ignored (default): received 28/10/2024, TQ-3.2n attested on 05/11/2024 — set aside
        with a warning citing TQ-8.3b, so the field standard is unproven and N1 incomplete."""
        decision = self._round()
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        late = one(out.reasons, "round.evidence_after_dossier")
        assert (late.severity, rule_of(late)) == (Severity.WARNING, "TQ-8.3b")
        assert (late.params["count"], late.params["cutoff"], late.params["indexes"]) == (
            1, "2024-10-28", [4],
        )  # fmt: skip
        assert "05/11/2024" in late.vi
        assert ("A-30", "ignored") in {(u.id, u.reading) for u in decision.used}

    def test_tq_8_3_a_document_dated_after_the_receipt_counts_to_the_consideration(self) -> None:
        """A-30 counts-to-consideration: the same attestation of 05/11/2024 counts (it is in the
        literal window to 20/12/2024) — N1 is recognised, and the record lists the reading."""
        decision = self._round(readings=Readings().choose("A-30", "counts-to-consideration"))
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.RECOGNISED
        assert "round.evidence_after_dossier" not in codes(out.reasons)
        assert ("A-30", "counts-to-consideration") in {(u.id, u.reading) for u in decision.used}

    def test_tq_8_3_a_document_of_the_day_of_receipt_counts(self) -> None:
        """A-30 ignored, A-16: received at 2024-10-28T18:30Z, 01:30 on 29/10 in Vietnam — a
        document dated 29/10/2024 was in the dossier; N1 is recognised, A-30 not listed."""
        at = dt.datetime(2024, 10, 28, 18, 30, tzinfo=dt.UTC)
        decision = self._round(
            dossiers=[dossier(UNIT, ["N1"], received=at)], signed=D(2024, 10, 29)
        )
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert "A-30" not in {u.id for u in decision.used}

    def test_tq_8_3_with_no_dossier_the_due_date_is_the_limit(self) -> None:
        """A-30 ignored, TQ-8.3b “trước 30/10” (A-1 strict: 29/10): no dossier recorded — a document
        of 30/10/2024 is set aside against the dossier's last day on time, 29/10/2024."""
        out = self._round(dossiers=[], signed=D(2024, 10, 30)).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        late = one(out.reasons, "round.evidence_after_dossier")
        assert late.params["cutoff"] == "2024-10-29"
        assert "the dossier's last day on time" in late.en

    def test_tq_8_3_a_units_own_round_has_no_dossier_to_compare(self) -> None:
        """A-30: a unit council's own round (TQ-6.1a) receives no dossier; its evidence of
        05/11/2024, after the province dossier's last day 29/10/2024, is judged on the window
        alone, and A-30 is not listed."""
        decision = self._round(level=CouncilLevel.UNIT, dossiers=[])
        assert "round.criteria_met" in codes(decision.outcome("N1").reasons)
        assert "round.evidence_after_dossier" not in codes(decision.outcome("N1").reasons)
        assert "A-30" not in {u.id for u in decision.used}


# -- eligibility: TQ-6.1a the unit's consideration, TQ-6.1b the province's ----------------------


class TestConsiderationDeadlinesTQ61:
    """TQ-6.1 “Thời gian xét”: units before 15/10, the province before 31/12, every year (A-1)."""

    def _unit_met(self, day: dt.date | None, readings: Readings | None = None) -> RoundDecision:
        d = dossier(UNIT, ["N1"], unit_considered_on=day)
        if day is None:
            d = attrs.evolve(d, unit_considered_on=None)
        return run_round(make_round([nomination("N1")], dossiers=[d], readings=readings))

    def test_a_unit_council_meeting_on_14_october_is_on_time(self) -> None:
        """TQ-6.1a, A-1 strict: “trước ngày 15/10” — 14/10 is the last day on time."""
        assert self._unit_met(D(2024, 10, 14)).outcome("N1").outcome is RoundOutcome.RECOGNISED

    def test_tq_6_1a_a_unit_council_on_15_october_is_reported_not_disqualifying(self) -> None:
        """TQ-6.1a, A-31 reported (default), A-1 strict: the unit's council considered on 15/10
        itself, one day after 14/10 — a warning citing TQ-6.1a, and the province nominee, whose
        dossier meets TQ-8.3, is recognised. A-31 is listed among the readings used."""
        decision = self._unit_met(D(2024, 10, 15))
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.RECOGNISED
        late = one(out.reasons, "round.unit_consideration_late")
        assert late.severity is Severity.WARNING
        assert rule_of(late) == "TQ-6.1a"
        assert (late.params["met"], late.params["days"], late.params["last_day"]) == (
            "2024-10-15", 1, "2024-10-14",
        )  # fmt: skip
        assert "deadline.late" not in codes(out.reasons)
        assert ("A-31", "reported") in {(u.id, u.reading) for u in decision.used}

    def test_tq_6_1a_a_unit_council_on_15_october_makes_its_nominees_ineligible_when_read_so(
        self,
    ) -> None:
        """TQ-6.1a, A-31 ineligible, A-1 strict: the unit's council considered on 15/10 itself —
        late, and its nominee ineligible at the province."""
        decision = self._unit_met(D(2024, 10, 15), Readings().choose("A-31", "ineligible"))
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert rule_of(one(out.reasons, "deadline.late")) == "TQ-6.1a"
        assert ("A-31", "ineligible") in {(u.id, u.reading) for u in decision.used}

    def test_tq_6_1a_an_on_time_unit_council_does_not_use_a_31(self) -> None:
        """TQ-6.1a: a unit council on 14/10 is on time under either reading of A-31, which the
        record therefore does not list."""
        for reading in ("reported", "ineligible"):
            decision = self._unit_met(D(2024, 10, 14), Readings().choose("A-31", reading))
            assert "A-31" not in {u.id for u in decision.used}
            on_time = [r for r in decision.outcome("N1").reasons if r.code == "deadline.on_time"]
            assert [rule_of(r) for r in on_time] == ["TQ-8.3b", "TQ-6.1a"]

    def test_a_unit_council_meeting_in_the_next_year_is_late_for_this_years_round(self) -> None:
        """TQ-6.1a, A-31 ineligible: a unit meeting on 05/01/2025 for the 2024 round is judged against 15/10/2024, not 15/10/2025."""
        out = self._unit_met(D(2025, 1, 5), Readings().choose("A-31", "ineligible")).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        late = one(out.reasons, "deadline.late")
        assert late.params["last_day"] == "2024-10-14"
        reported = one(self._unit_met(D(2025, 1, 5)).outcome("N1").reasons,
                       "round.unit_consideration_late")  # fmt: skip
        assert reported.params["last_day"] == "2024-10-14"

    def test_minutes_without_the_meeting_day_make_the_nominee_incomplete(self) -> None:
        """TQ-6.1a: the day of the unit's council is not stated — incomplete, ask for it."""
        out = self._unit_met(None).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        assert codes(out.missing) == ["round.unit_consideration_unknown"]

    def test_a_province_council_meeting_on_31_december_makes_everyone_ineligible(self) -> None:
        """TQ-6.1b, A-1 strict: the council itself considers on 31/12 — late, so no nominee can be recognised."""
        noms = [nomination("N1"), nomination("N2", unit=OTHER_UNIT)]
        decision = run_round(make_round(noms, considered_on=D(2024, 12, 31)))
        assert rule_of(one(decision.reasons, "deadline.late")) == "TQ-6.1b"
        for n in ("N1", "N2"):
            out = decision.outcome(n)
            assert out.outcome is RoundOutcome.INELIGIBLE
            assert rule_of(one(out.reasons, "deadline.late")) == "TQ-6.1b"
        assert decision.recognised == ()
        assert decision.ballot.inputs.nominees == ()

    def test_a_province_council_meeting_on_31_december_is_on_time_read_inclusively(self) -> None:
        """TQ-6.1b, A-1 inclusive: 31/12 itself is on time."""
        inputs = make_round(
            [nomination("N1")],
            considered_on=D(2024, 12, 31),
            readings=Readings().choose("A-1", "inclusive"),
        )
        decision = run_round(inputs)
        assert decision.recognised == ("N1",)
        assert "deadline.on_time" in codes(decision.reasons)


# -- eligibility: TQ-3, TQ-4.1 the standards -----------------------------------------------------


class TestStandardsTQ41:
    """TQ-4.1 “đạt các tiêu chuẩn tại Điều 3”: met, not met, or not yet known."""

    def test_a_nominee_meeting_the_general_and_field_standards_passes(self) -> None:
        """TQ-3.1 a–d and TQ-3.2n attested inside the window — standards met (TQ-4.1)."""
        reason = one(solo().outcome("N1").reasons, "round.criteria_met")
        assert (rule_of(reason), reason.params["end"]) == ("TQ-4.1", "2024-09-30")

    def test_a_nominee_attested_not_to_meet_a_point_is_ineligible(self) -> None:
        """TQ-3.1d attested as not holding — the general standard fails at that point: ineligible."""
        out = solo(nominee=record(failing=["TQ-3.1d"])).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert one(out.reasons, "round.criteria_not_met").params["failed"] == ["TQ-3.1d"]

    def test_a_nominee_with_a_point_unproven_is_incomplete_and_asked_for_it(self) -> None:
        """TQ-3.1d without any evidence — “incomplete, ask for: TQ-3.1d …”, never rejected."""
        out = solo(nominee=record(lacking=["TQ-3.1d"])).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        reason = one(out.reasons, "round.criteria_unknown")
        assert reason.severity is Severity.PENDING
        assert "ask for: TQ-3.1d:" in reason.en
        assert "cần bổ sung: TQ-3.1d:" in reason.vi
        assert [rule_of(m) for m in out.missing] == ["TQ-3.1d"]

    def test_evidence_dated_before_the_window_does_not_count(self) -> None:
        """TQ-3.3: an attestation of 30/09/2023, the day before the window opens — unproven, incomplete."""
        nominee = record(lacking=["TQ-3.1a"], extra=[attest("TQ-3.1a", D(2023, 9, 30))])
        out = solo(nominee=nominee).outcome("N1")
        assert out.outcome is RoundOutcome.INCOMPLETE
        assert [rule_of(m) for m in out.missing] == ["TQ-3.1a"]


# -- the outcomes ------------------------------------------------------------------------------


class TestOutcomes:
    """Every outcome a nominee can have: recognised, not recognised, ineligible, incomplete,
    awaiting the chair, undecided."""

    def test_an_eligible_nominee_short_of_90_percent_is_not_recognised(self) -> None:
        """TQ-2.1b: 8 of 10 members approve, 9 are needed (90 % of the total membership) — not recognised."""
        decision = run_round(make_round([nomination("N1")], {"N1": 8}))
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.NOT_RECOGNISED
        assert decision.ballot.needed == 9
        assert "ballot.below_threshold" in codes(out.reasons)

    def test_absent_members_without_a_written_opinion_still_count_in_the_total(self) -> None:
        """TQ-2.1b, A-7 counts-against: 9 approve, 1 absent without writing — 9 of 10, recognised; 8 + 2 absent — not."""
        c = council(10)
        nine = [b for b in votes(c, {"N1": 9}) if b.approve]
        eight = [b for b in votes(c, {"N1": 8}) if b.approve]
        base = make_round([nomination("N1")])
        assert run_round(attrs.evolve(base, ballots=nine)).recognised == ("N1",)
        assert run_round(attrs.evolve(base, ballots=eight)).recognised == ()

    def test_a_tie_at_the_fifteenth_slot_awaits_the_chair(self) -> None:
        """TQ-2.1b, TQ-6.2b: 14 with 10 approvals and 2 with 9 for the last of 15 slots — awaiting the chair."""
        decision = run_round(self._tie_at_fifteen())
        assert decision.status is RoundStatus.AWAITING_CHAIR
        assert len(decision.recognised) == 14
        waiting = [
            o.nomination for o in decision.outcomes if o.outcome is RoundOutcome.AWAITING_CHAIR
        ]
        assert waiting == ["T14", "T15"]
        tie = decision.ballot.tie
        assert tie is not None
        assert tie.candidates == ("T14", "T15")
        assert tie.open_slots == 1

    def test_the_chairs_choice_finishes_the_round(self) -> None:
        """TQ-2.1b “Chủ tịch Hội đồng … quyết định lựa chọn 01”: resolve_round with T15 recognises 15, T14 not."""
        waiting = run_round(self._tie_at_fifteen())
        final = resolve_round(waiting, ["T15"])
        assert final.status is RoundStatus.FINAL
        assert len(final.recognised) == 15
        assert "T15" in final.recognised
        assert final.outcome("T14").outcome is RoundOutcome.NOT_RECOGNISED
        assert final.outcome("T15").outcome is RoundOutcome.RECOGNISED
        assert final.inputs.chair_choice == frozenset({"T15"})
        assert verify_round(final) is final

    def test_the_chair_may_only_choose_within_the_tie(self) -> None:
        """TQ-2.1b: choosing T00, already recognised outright, is refused."""
        waiting = run_round(self._tie_at_fifteen())
        with pytest.raises(ChairChoiceError):
            resolve_round(waiting, ["T00"])

    def test_the_chair_must_choose_exactly_the_open_slots(self) -> None:
        """TQ-2.1b “lựa chọn 01”: choosing both T14 and T15 for the one slot is refused."""
        waiting = run_round(self._tie_at_fifteen())
        with pytest.raises(ChairChoiceError):
            resolve_round(waiting, ["T14", "T15"])

    def test_a_finished_round_has_no_tie_to_resolve(self) -> None:
        """TQ-2.1b: resolve_round on a final round is refused — there is no tie to decide."""
        with pytest.raises(ChairChoiceError, match="no tie"):
            resolve_round(solo(), ["N1"])

    def test_the_chair_cannot_choose_a_nominee_who_never_reached_the_ballot(self) -> None:
        """TQ-2.1b, TQ-4: a chair's choice naming an ineligible nominee is refused, not counted."""
        inputs = self._tie_at_fifteen()
        noms = [*inputs.nominations, nomination("X", consent=False)]
        with pytest.raises(ChairChoiceError, match="did not reach the ballot"):
            run_round(
                attrs.evolve(
                    inputs,
                    nominations=noms,
                    dossiers=dossiers_for(noms),
                    chair_choice=["X"],
                )
            )

    def test_a_tie_over_two_slots_is_handed_back_undecided_under_last_slot_only(self) -> None:
        """A-5 last-slot-only: 13 sure and 3 tied for the last 2 of 15 slots — undecided, handed back."""
        ids = [f"T{i:02}" for i in range(16)]
        approvals = {i: (10 if k < 13 else 9) for k, i in enumerate(ids)}
        inputs = make_round(
            [nomination(i) for i in ids],
            approvals,
            readings=Readings().choose("A-5", "last-slot-only"),
        )
        decision = run_round(inputs)
        assert decision.status is RoundStatus.UNDECIDED
        undecided = {o.nomination for o in decision.outcomes if o.outcome is RoundOutcome.UNDECIDED}
        assert undecided == {"T13", "T14", "T15"}
        assert len(decision.recognised) == 13

    def test_the_same_tie_under_remaining_slots_awaits_the_chair(self) -> None:
        """A-5 remaining-slots (default): the same 3 tied for 2 slots await the chair, who picks two."""
        ids = [f"T{i:02}" for i in range(16)]
        approvals = {i: (10 if k < 13 else 9) for k, i in enumerate(ids)}
        decision = run_round(make_round([nomination(i) for i in ids], approvals))
        assert decision.status is RoundStatus.AWAITING_CHAIR
        assert resolve_round(decision, ["T13", "T15"]).recognised[-2:] == ("T13", "T15")

    def test_one_round_reaches_every_outcome_at_once(self) -> None:
        """Recognised, not recognised, ineligible, incomplete and awaiting the chair sit side by side."""
        ids = [f"T{i:02}" for i in range(16)]
        approvals = {i: (10 if k < 14 else 9) for k, i in enumerate(ids)}
        noms = [
            *(nomination(i) for i in ids),
            nomination("LOW"),
            nomination("NO", consent=False),
            nomination("ASK", consent=None),
        ]
        decision = run_round(make_round(noms, {**approvals, "LOW": 5, "NO": 10, "ASK": 10}))
        seen = {o.outcome for o in decision.outcomes}
        assert seen == set(RoundOutcome) - {RoundOutcome.UNDECIDED}

    def _tie_at_fifteen(self) -> RoundInputs:
        ids = [f"T{i:02}" for i in range(16)]
        approvals = {i: (10 if k < 14 else 9) for k, i in enumerate(ids)}
        return make_round([nomination(i) for i in ids], approvals)


class TestBallotAmongTheEligibleTQ43:
    """TQ-4.3 (and TQ-2.1b): only eligible nominees are voted on; the cap counts only them."""

    def test_votes_for_an_ineligible_nominee_are_not_counted(self) -> None:
        """TQ-4: ten approvals for a nominee who did not consent are reported as not counted; it is not ranked."""
        decision = run_round(make_round([nomination("N1"), nomination("X", consent=False)]))
        out = decision.outcome("X")
        assert out.outcome is RoundOutcome.INELIGIBLE
        assert one(out.reasons, "round.votes_not_counted").params["approvals"] == 10
        assert [t.nominee for t in decision.ballot.tally] == ["N1"]
        assert all("X" not in b.approve for b in decision.ballot.inputs.ballots)

    def test_an_ineligible_nominee_takes_no_slot_of_the_cap(self) -> None:
        """TQ-6.2b: 15 eligible with 9 approvals and one ineligible with 10 — all 15 eligible fill the cap."""
        ids = [f"E{i:02}" for i in range(15)]
        noms = [*(nomination(i) for i in ids), nomination("X", selected_by_head=False)]
        decision = run_round(make_round(noms, {**dict.fromkeys(ids, 9), "X": 10}))
        assert decision.status is RoundStatus.FINAL
        assert sorted(decision.recognised) == ids

    def test_the_cap_of_fifteen_leaves_the_sixteenth_unrecognised(self) -> None:
        """TQ-6.2b “không quá 15”, A-9 combined: 16 approved nominees with distinct counts — 15 recognised."""
        ids = [f"E{i:02}" for i in range(16)]
        # A council of 25 needs 23 (ceil(0.9 × 25)): fifteen with 25 approvals, the sixteenth
        # with 24 — above the threshold, but ranked sixteenth and outside the cap, no tie.
        approvals = {i: 25 if i != "E15" else 24 for i in ids}
        decision = run_round(make_round([nomination(i) for i in ids], approvals, council_size=25))
        assert len(decision.recognised) == 15
        assert decision.outcome("E15").outcome is RoundOutcome.NOT_RECOGNISED


# -- benefits: TQ-7.1d (A-12) -------------------------------------------------------------------


def _benefit(decision: RoundDecision, nominee: str) -> tuple[bool, int, str]:
    (b,) = [b for b in decision.benefits if b.nomination == nominee]
    return b.certificate, b.cash, b.reasons[0].code


def _recognised_on(kind: str, considered: dt.date, decided: dt.date, **more: Any) -> RoundDecision:
    n = nomination("N1", kind=kind, on=evidence_day(considered))
    return run_round(make_round([n], considered_on=considered, decided_on=decided, **more))


class TestCashRewardTQ71d:
    """TQ-7.1d: certificate of merit and cash, a multiple of the base salary on the day of signing."""

    @pytest.mark.parametrize(
        ("kind", "considered", "decided", "cash"),
        [
            # 1,800,000 base salary (Decree 24/2023) × 1 (Decree 98/2023).
            ("individual", D(2024, 6, 20), D(2024, 6, 28), 1_800_000),
            # 2 × the individual amount of 1,800,000.
            ("collective", D(2024, 6, 20), D(2024, 6, 30), 3_600_000),
            # From 01/07/2024 the base salary is 2,340,000 (Decree 73/2024) × 1.
            ("individual", D(2024, 6, 20), D(2024, 7, 1), 2_340_000),
            ("collective", D(2024, 12, 20), D(2024, 12, 26), 4_680_000),
            # Decree 98/2023 still applies on 30/06/2025.
            ("individual", D(2025, 6, 20), D(2025, 6, 30), 2_340_000),
            # Decree 152/2025 from 01/07/2025: 1.5 × 2,340,000 = 3,510,000 (already a multiple of 10,000).
            ("individual", D(2025, 6, 20), D(2025, 7, 1), 3_510_000),
            # A collective 2 × the individual amount: 2 × 3,510,000.
            ("collective", D(2025, 12, 20), D(2025, 12, 26), 7_020_000),
        ],
        ids=["ind-2024-06-28", "col-2024-06-30", "ind-2024-07-01", "col-2024-12-26",
             "ind-2025-06-30", "ind-2025-07-01", "col-2025-12-26"],
    )  # fmt: skip
    def test_the_cash_follows_the_tables_in_force_on_the_day_of_signing(
        self, kind: str, considered: dt.date, decided: dt.date, cash: int
    ) -> None:
        """TQ-7.1d: the amount is the multiplier in force × the base salary in force on the signing day."""
        decision = _recognised_on(kind, considered, decided)
        assert decision.recognised == ("N1",)
        assert _benefit(decision, "N1") == (True, cash, "round.cash_reward")
        assert rule_of(decision.benefits[0].reasons[0]) == "TQ-7.1d"

    def test_without_a_signing_day_the_consideration_day_dates_the_cash(self) -> None:
        """TQ-7.1d: decided_on left out, the 20/06/2024 consideration dates the base salary — 1,800,000."""
        inputs = make_round(
            [nomination("N1", on=evidence_day(D(2024, 6, 20)))], considered_on=D(2024, 6, 20)
        )
        assert _benefit(run_round(inputs), "N1") == (True, 1_800_000, "round.cash_reward")

    def test_an_amount_between_two_steps_is_rounded_up_to_the_next_10000(self) -> None:
        """TQ-7.1d (domain §9): with a hypothetical base salary of 2,345,000, 1.5 × = 3,517,500 → 3,520,000."""
        assert TQ.benefits is not None
        hypothetical: Timeline[int] = Timeline(
            [Dated(D(2025, 7, 1), None, 2_345_000, Rule("WHAT-IF", Citation("what-if")))]
        )
        benefits = attrs.evolve(
            TQ.benefits,
            base_salary=hypothetical,
            multipliers=Timeline([TQ.benefits.multipliers.entries[-1]]),
        )
        what_if = TQ.variant("tq-what-if-salary", benefits=benefits)
        # A collective: 2 × 1.5 × 2,345,000 = 7,035,000 → 7,040,000.
        for kind, multiple, cash in (
            ("individual", "1.5", 3_520_000),
            ("collective", "3", 7_040_000),
        ):
            decision = _recognised_on(kind, D(2025, 12, 20), D(2025, 12, 26), ruleset=what_if)
            assert _benefit(decision, "N1")[1] == cash, kind
            reason = decision.benefits[0].reasons[0]
            assert (reason.params["multiplier_en"], reason.params["base_en"]) == (
                multiple,
                "2,345,000",
            )
            assert reason.params["base_vi"] == "2.345.000"
            assert f"{cash:,} VND ({multiple} × the base salary of 2,345,000 VND" in reason.en

    def test_only_the_recognised_receive_a_benefit(self) -> None:
        """TQ-7.1d “Điển hình tiên tiến tỉnh”: a not-recognised nominee gets no benefit entry."""
        decision = run_round(make_round([nomination("N1"), nomination("N2")], {"N1": 9, "N2": 8}))
        assert [b.nomination for b in decision.benefits] == ["N1"]


class TestExemplaryCitizenA12:
    """TQ-7.1d “trừ cá nhân đã được tặng danh hiệu Công dân tiêu biểu tỉnh Tuyên Quang trong năm”, A-12."""

    @staticmethod
    def _citizen(year: int, on: dt.date) -> list[Title]:
        return [Title("exemplary_citizen", year, "UBND tỉnh Tuyên Quang", date=on)]

    def _round(
        self, title: list[Title], decided: dt.date, reading: str, kind: str = "individual"
    ) -> RoundDecision:
        nominee = record(kind, extra=title)
        inputs = make_round(
            [nomination("N1", nominee=nominee)],
            decided_on=decided,
            readings=Readings().choose("A-12", reading),
        )
        return run_round(inputs)

    def test_an_individual_titled_in_the_same_calendar_year_gets_no_certificate_or_cash(
        self,
    ) -> None:
        """A-12 calendar-year: titled 01/05/2024, recognised on 26/12/2024 — no certificate, no cash."""
        decision = self._round(self._citizen(2024, D(2024, 5, 1)), DECIDED, "calendar-year")
        assert decision.recognised == ("N1",)
        assert _benefit(decision, "N1") == (False, 0, "round.exemplary_citizen_same_year")
        assert ("A-12", "calendar-year") in {(u.id, u.reading) for u in decision.used}

    def test_the_same_title_in_an_earlier_emulation_year_keeps_the_cash(self) -> None:
        """A-12 emulation-year: 01/05/2024 lies in the emulation year ending 30/09/2024, not the one of 26/12/2024 — cash 2,340,000."""
        decision = self._round(self._citizen(2024, D(2024, 5, 1)), DECIDED, "emulation-year")
        assert _benefit(decision, "N1") == (True, 2_340_000, "round.cash_reward")

    def test_a_title_of_november_2024_with_a_signature_in_january_2025(self) -> None:
        """A-12: titled 15/11/2024, signed 05/01/2025 — cash 2,340,000 under calendar-year, none under emulation-year."""
        title = self._citizen(2024, D(2024, 11, 15))
        calendar = self._round(title, D(2025, 1, 5), "calendar-year")
        emulation = self._round(title, D(2025, 1, 5), "emulation-year")
        assert _benefit(calendar, "N1") == (True, 2_340_000, "round.cash_reward")
        assert _benefit(emulation, "N1") == (False, 0, "round.exemplary_citizen_same_year")

    def test_an_individual_titled_in_an_earlier_year_receives_the_cash(self) -> None:
        """A-12 calendar-year: titled in 2023, recognised in 2024 — certificate and 2,340,000 VND."""
        decision = self._round(self._citizen(2023, D(2023, 12, 1)), DECIDED, "calendar-year")
        assert _benefit(decision, "N1") == (True, 2_340_000, "round.cash_reward")

    def test_an_individual_listed_among_the_years_exemplary_citizens_gets_no_cash(self) -> None:
        """TQ-7.1d, TQ-2.2: a recognised individual named in the round's Công dân tiêu biểu list gets neither."""
        inputs = make_round(
            [nomination("N1"), nomination("N2")], decided_on=DECIDED, exemplary_citizens=["N1"]
        )
        decision = run_round(inputs)
        assert _benefit(decision, "N1") == (False, 0, "round.exemplary_citizen_same_year")
        assert _benefit(decision, "N2") == (True, 2_340_000, "round.cash_reward")

    def test_tq_7_1d_by_default_certificate_and_cash_are_both_withheld(self) -> None:
        """TQ-7.1d, A-28 both-withheld (default), A-12 calendar-year: titled 01/05/2024, signed
        26/12/2024 — recognised, no certificate, no cash; A-28 is listed."""
        decision = self._round(self._citizen(2024, D(2024, 5, 1)), DECIDED, "calendar-year")
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert _benefit(decision, "N1") == (False, 0, "round.exemplary_citizen_same_year")
        assert ("A-28", "both-withheld") in {(u.id, u.reading) for u in decision.used}

    def test_tq_7_1d_certificate_kept_cash_withheld(self) -> None:
        """TQ-7.1d, A-28 cash-only-withheld (TQ-8.3, TQ-9.3: the Bằng khen is the instrument of
        recognition), A-12 calendar-year: titled 01/05/2024, signed 26/12/2024 — the certificate
        is given, the 2,340,000 VND are not."""
        nominee = record("individual", extra=self._citizen(2024, D(2024, 5, 1)))
        readings = Readings().choose("A-28", "cash-only-withheld")
        decision = run_round(make_round([nomination("N1", nominee=nominee)], decided_on=DECIDED,
                                        readings=readings))  # fmt: skip
        assert _benefit(decision, "N1") == (True, 0, "round.exemplary_citizen_cash_withheld")
        (b,) = decision.benefits
        assert rule_of(b.reasons[0]) == "TQ-7.1d"
        assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in b.reasons[0].vi
        assert ("A-28", "cash-only-withheld") in {(u.id, u.reading) for u in decision.used}
        card = decision.to_json()["outcomes"][0]
        assert (card["certificate"], card["cash_vnd"]) == (True, 0)

    def test_tq_7_1d_a_28_does_not_touch_an_individual_without_the_title(self) -> None:
        """TQ-7.1d, A-28 cash-only-withheld: an individual titled in 2023 is paid 2,340,000 VND as
        under the default, and the record does not list A-28."""
        nominee = record("individual", extra=self._citizen(2023, D(2023, 12, 1)))
        readings = Readings().choose("A-28", "cash-only-withheld")
        decision = run_round(make_round([nomination("N1", nominee=nominee)], decided_on=DECIDED,
                                        readings=readings))  # fmt: skip
        assert _benefit(decision, "N1") == (True, 2_340_000, "round.cash_reward")
        assert "A-28" not in {u.id for u in decision.used}

    def test_the_exception_is_for_individuals_only(self) -> None:
        """TQ-7.1d “trừ cá nhân”: a collective recognised the same year is paid, 4,680,000 VND."""
        decision = run_round(make_round([nomination("C1", kind="collective")], decided_on=DECIDED))
        assert _benefit(decision, "C1") == (True, 4_680_000, "round.cash_reward")


# -- households: TQ-3.2q, TQ-4.1 (A-29) --------------------------------------------------------


class TestFamiliesA29:
    """TQ-3.2q “Gia đình, cá nhân tiêu biểu trong các thôn” against TQ-4.1 “Là tập thể, cá nhân”."""

    @staticmethod
    def _round(readings: Readings, considered: dt.date = CONSIDERED, **more: Any) -> RoundDecision:
        on = evidence_day(considered)
        family = Nominee("household", ["social-life"],
                         [attest(c, on) for c in (*GENERAL, "TQ-3.2q.culture")])  # fmt: skip
        noms = [nomination("H1", nominee=family), nomination("N1", on=on)]
        return run_round(make_round(noms, considered_on=considered, readings=readings, **more))

    def test_tq_4_1_a_household_is_ineligible_by_default_citing_the_provision(self) -> None:
        """A-29 not-exemplars (default): the household H1 is ineligible, its reason citing TQ-4.1
        (“Là tập thể, cá nhân tiêu biểu, xuất sắc”); the individual N1 beside it is recognised,
        and the round lists A-29."""
        decision = self._round(Readings())
        out = decision.outcome("H1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        refused = one(out.reasons, "round.kind_not_recognised")
        assert rule_of(refused) == "TQ-4.1"
        assert refused.rule is not None
        assert refused.rule.citation.quote is not None
        assert "tập thể, cá nhân" in refused.rule.citation.quote
        assert decision.recognised == ("N1",)
        assert ("A-29", "not-exemplars") in {(u.id, u.reading) for u in decision.used}

    def test_tq_3_2q_a_family_is_recognised_under_families_under_3_2q(self) -> None:
        """A-29 families-under-3.2q: the household meets TQ-3.1 and TQ-3.2q and is recognised in
        2024; Decree 98/2023 as the ruleset records it has no household amount, so the
        certificate is given and the cash is a warning to settle (0 VND)."""
        decision = self._round(Readings().choose("A-29", "families-under-3.2q"), decided_on=DECIDED)
        assert set(decision.recognised) == {"H1", "N1"}
        assert _benefit(decision, "H1") == (True, 0, "round.cash_amount_not_recorded")
        (b,) = [b for b in decision.benefits if b.nomination == "H1"]
        assert rule_of(b.reasons[0]) == "NĐ98-merit-cash"  # issue 10: was "NĐ98"
        assert b.reasons[0].severity is Severity.WARNING
        assert ("A-29", "families-under-3.2q") in {(u.id, u.reading) for u in decision.used}

    def test_tq_3_2q_a_family_recognised_in_december_2025_is_paid_as_decree_152_says(self) -> None:
        """A-29 families-under-3.2q, Decree 152/2025 as the ruleset records it (an individual 1.5 ×
        the base salary, a household 1.5 × the individual's amount): considered 20/12/2025, signed
        26/12/2025 — 1.5 × 1.5 × 2,340,000 = 5,265,000, rounded up to 5,270,000 VND."""
        decision = self._round(Readings().choose("A-29", "families-under-3.2q"),
                               considered=D(2025, 12, 20), decided_on=D(2025, 12, 26))  # fmt: skip
        assert _benefit(decision, "H1") == (True, 5_270_000, "round.cash_reward")


class TestHouseholdsA38:
    """NT Mục IV.2a “tập thể, cá nhân, hộ gia đình” against IV.2b “Tiêu chuẩn chung của tập thể,
    cá nhân”: a Ninh Thuận round with a household meeting the general standard and a field."""

    @staticmethod
    def _round(readings: Readings) -> RoundDecision:
        from dienhinh.criteria import Attestation, Rating

        on = D(2024, 6, 1)
        evidence: list[Any] = [
            Attestation(c, "UBND xã Phước Dân", "Chủ tịch UBND xã", on, f"Xác nhận về {c}.")
            for c in ("NT-IV.2b.compliance", "NT-IV.2b.innovation", "NT-IV.2b.solidarity",
                      "NT-IV.2c.social")
        ]  # fmt: skip
        evidence.append(Rating("excellent", 2024, "UBND xã Phước Dân", date=D(2024, 5, 30)))
        household = Nominee("household", ["social-life"], evidence)
        inputs = make_round([nomination("H1", nominee=household)], ruleset=NT_RULES,
                            considered_on=D(2024, 12, 15), readings=readings)  # fmt: skip
        return run_round(inputs)

    def test_nt_iv_2b_a_household_is_recognised_by_default(self) -> None:
        """A-38 general-standard (default): the household meets NT-IV.2b and NT-IV.2c's social
        life, and every member approves: recognised; the round lists A-38."""
        decision = self._round(Readings())
        assert decision.recognised == ("H1",)
        assert ("A-38", "general-standard") in {(u.id, u.reading) for u in decision.used}

    def test_nt_iv_2b_a_household_is_ineligible_under_not_exemplars(self) -> None:
        """A-38 not-exemplars: the same household is ineligible, its reason citing NT-IV.2b
        (“Tiêu chuẩn chung của tập thể, cá nhân điển hình tiên tiến”)."""
        decision = self._round(Readings().choose("A-38", "not-exemplars"))
        out = decision.outcome("H1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        refused = one(out.reasons, "round.kind_not_recognised")
        assert rule_of(refused) == "NT-IV.2b"
        assert refused.rule is not None
        assert (
            refused.rule.citation.quote
            == "Tiêu chuẩn chung của tập thể, cá nhân điển hình tiên tiến"
        )
        assert ("A-38", "not-exemplars") in {(u.id, u.reading) for u in decision.used}


# -- the national pool: TQ-2.2, TQ-6.3 ----------------------------------------------------------


class TestNationalPoolTQ22:
    """TQ-2.2: chosen from the year's Công dân tiêu biểu and recognised exemplars; TQ-6.3: the number is an input."""

    def test_the_pool_is_the_recognised_and_the_years_exemplary_citizens(self) -> None:
        """TQ-2.2: N1 recognised, N2 not, N3 ineligible, CDTB-01 an exemplary citizen — pool {CDTB-01, N1}."""
        noms = [nomination("N1"), nomination("N2"), nomination("N3", consent=False)]
        inputs = make_round(noms, {"N1": 9, "N2": 8, "N3": 10}, exemplary_citizens=["CDTB-01"])
        pool = run_round(inputs).national_pool
        assert pool is not None
        assert pool.candidates == ("CDTB-01", "N1")
        assert pool.size is None
        assert rule_of(pool.reasons[0]) == "TQ-2.2"
        assert "not decided yet" in pool.reasons[0].en

    def test_the_number_chosen_is_reported(self) -> None:
        """TQ-6.3: the number decided by the provincial chairman (2 of 2 candidates) is kept and shown."""
        inputs = make_round(
            [nomination("N1")], exemplary_citizens=["CDTB-01"], national_pool_size=2
        )
        pool = run_round(inputs).national_pool
        assert pool is not None
        assert pool.size == 2
        assert "decided: 2" in pool.reasons[0].en

    def test_a_number_larger_than_the_pool_is_refused(self) -> None:
        """TQ-6.3: 3 to introduce from 2 candidates is an error naming the rule."""
        inputs = make_round(
            [nomination("N1")], exemplary_citizens=["CDTB-01"], national_pool_size=3
        )
        with pytest.raises(InvalidValueError) as caught:
            run_round(inputs)
        assert caught.value.rule == "TQ-6.3"

    def test_the_number_is_checked_once_the_chair_has_chosen(self) -> None:
        """TQ-6.3: 15 to introduce while 14 are recognised and a tie awaits the chair — kept; after the choice, 15 fit."""
        ids = [f"T{i:02}" for i in range(16)]
        approvals = {i: (10 if k < 14 else 9) for k, i in enumerate(ids)}
        inputs = make_round([nomination(i) for i in ids], approvals, national_pool_size=15)
        waiting = run_round(inputs)
        assert waiting.status is RoundStatus.AWAITING_CHAIR
        assert waiting.national_pool is not None
        assert (len(waiting.national_pool.candidates), waiting.national_pool.size) == (14, 15)
        final = resolve_round(waiting, ["T14"])
        assert final.national_pool is not None
        assert len(final.national_pool.candidates) == 15
        with pytest.raises(InvalidValueError, match=r"TQ-6\.3"):
            resolve_round(run_round(attrs.evolve(inputs, national_pool_size=16)), ["T14"])

    def test_a_recognised_exemplary_citizen_is_one_candidate(self) -> None:
        """TQ-2.2: an individual both recognised and listed is counted once."""
        inputs = make_round([nomination("N1")], exemplary_citizens=["N1"])
        pool = run_round(inputs).national_pool
        assert pool is not None
        assert pool.candidates == ("N1",)


# -- floors: TQ-6.2a (A-10, A-15) ----------------------------------------------------------------


DISTRICT = "district-people-committee"
COMMUNE = "commune-people-committee"


class TestFloorsTQ62a:
    """TQ-6.2a “ít nhất”: a compliance report per unit; a floor never pulls anyone in (A-10)."""

    def _floors(self, *units: Unit, readings: Readings | None = None) -> RoundDecision:
        return run_round(
            make_round(
                [nomination("N1"), nomination("N2"), nomination("N3")],
                {"N1": 9, "N2": 8, "N3": 10},
                units=units,
                readings=readings,
            )
        )

    def test_a_district_with_five_recognitions_meets_its_floor(self) -> None:
        """TQ-6.2a, A-10 recognised: at least 5 for a district People's Committee — 5 is met."""
        (check,) = self._floors(floor_unit(DISTRICT, recognised=5)).floors
        assert (check.status, check.count, check.minimum, check.shortfall) == ("met", 5, 5, 0)
        assert (check.reason.code, rule_of(check.reason)) == ("round.floor_met", "TQ-6.2a")

    def test_a_district_with_four_recognitions_is_one_short(self) -> None:
        """TQ-6.2a, A-10 recognised: 4 of at least 5 — short by 1, reported with its citation."""
        (check,) = self._floors(floor_unit(DISTRICT, recognised=4)).floors
        assert (check.status, check.shortfall) == ("short", 1)
        assert check.reason.code == "round.floor_short"
        assert check.reason.params["shortfall"] == 1

    def test_a_commune_and_a_provincial_unit_have_their_own_floors(self) -> None:
        """TQ-6.2a: at least 2 for a commune (1 given: short by 1), at least 1 for a provincial unit (met)."""
        checks = self._floors(
            floor_unit(COMMUNE, id="UBND xã Tân Trào", recognised=1),
            floor_unit("provincial-unit", id="Sở Nội vụ", recognised=1),
        ).floors
        by_unit = {c.unit: (c.minimum, c.status, c.shortfall) for c in checks}
        assert by_unit == {"UBND xã Tân Trào": (2, "short", 1), "Sở Nội vụ": (1, "met", 0)}

    def test_a_count_not_given_is_reported_unknown_not_short(self) -> None:
        """A-10 recognised: the unit's count of recognitions not given — status unknown, nobody declared short."""
        (check,) = self._floors(floor_unit(DISTRICT)).floors
        assert (check.status, check.count, check.shortfall) == ("unknown", None, 0)
        assert check.reason.severity is Severity.PENDING

    def test_under_the_introduced_reading_the_rounds_nominations_are_counted(self) -> None:
        """A-10 introduced: three nominations from the district, count not given — 3 of 5, short by 2."""
        (check,) = self._floors(
            floor_unit(DISTRICT), readings=Readings().choose("A-10", "introduced")
        ).floors
        assert (check.counted, check.count, check.status, check.shortfall) == (
            "introduced", 3, "short", 2,
        )  # fmt: skip

    def test_under_the_introduced_reading_a_given_count_is_used(self) -> None:
        """A-10 introduced: the unit states 6 introductions — met."""
        (check,) = self._floors(
            floor_unit(DISTRICT, introduced=6), readings=Readings().choose("A-10", "introduced")
        ).floors
        assert (check.count, check.status) == (6, "met")

    def test_a_floor_never_pulls_anyone_in(self) -> None:
        """A-10: the district is short, yet N2 (8 of 10) stays not recognised — outcomes as without the floor."""
        short = self._floors(floor_unit(DISTRICT, recognised=0))
        without = self._floors()
        assert short.floors[0].status == "short"
        assert short.outcomes == without.outcomes
        assert short.recognised == without.recognised == ("N3", "N1")
        assert short.outcome("N2").outcome is RoundOutcome.NOT_RECOGNISED

    def test_a_unit_of_a_scope_the_ruleset_has_no_floor_for_is_refused(self) -> None:
        """TQ-6.2a: a scope outside the ruleset's floors is an error listing its scopes."""
        with pytest.raises(UnknownIdError, match="district-people-committee"):
            make_round([nomination("N1")], units=[floor_unit("ward")])


class TestTheReformA15:
    """A-15: since 01/07/2025 Vietnam has no district level; district floors end, cash follows Decree 152/2025."""

    def _round(self, considered: dt.date, decided: dt.date) -> RoundDecision:
        units = [
            floor_unit(DISTRICT, recognised=3),
            floor_unit(COMMUNE, id=OTHER_UNIT, recognised=3),
        ]
        n = nomination("N1", on=evidence_day(considered))
        return run_round(make_round([n], considered_on=considered, decided_on=decided, units=units))

    def test_a_round_before_1_july_2025_checks_the_district_floor(self) -> None:
        """A-15: considered 20/06/2025 — the district floor of 5 still applies (3: short by 2); cash 2,340,000."""
        decision = self._round(D(2025, 6, 20), D(2025, 6, 30))
        by_unit = {c.unit: (c.status, c.shortfall) for c in decision.floors}
        assert by_unit == {UNIT: ("short", 2), OTHER_UNIT: ("met", 0)}
        assert _benefit(decision, "N1")[1] == 2_340_000

    def test_a_round_after_1_july_2025_reports_the_district_floor_as_ended(self) -> None:
        """A-15: considered 20/12/2025 — the district floor no longer applies; the commune floor does; cash 3,510,000."""
        decision = self._round(D(2025, 12, 20), D(2025, 12, 26))
        by_unit = {c.unit: (c.status, c.shortfall) for c in decision.floors}
        assert by_unit == {UNIT: ("ended", 0), OTHER_UNIT: ("met", 0)}
        ended = next(c for c in decision.floors if c.unit == UNIT)
        assert ended.reason.code == "round.floor_ended"
        assert ended.reason.params["until"] == "2025-06-30"
        assert _benefit(decision, "N1")[1] == 3_510_000
        assert ("A-15", "keep-level") in {(u.id, u.reading) for u in decision.used}

    def test_the_last_day_of_the_district_level_still_has_its_floor(self) -> None:
        """A-15: considered on 30/06/2025, the district level's last day — the floor applies."""
        decision = self._round(D(2025, 6, 30), D(2025, 6, 30))
        assert {c.unit: c.status for c in decision.floors}[UNIT] == "short"


# -- a draft ruleset ------------------------------------------------------------------------


class TestDraftRulesetA18:
    """A-18: the TQ text is a draft (DỰ THẢO); using it is allowed and visible in every result."""

    def test_a_round_under_the_draft_says_so_first(self) -> None:
        """A-18 allowed-visible: the first reason is the draft warning naming the blank fields."""
        decision = solo()
        first = decision.reasons[0]
        assert (first.code, first.severity) == ("ruleset.draft", Severity.WARNING)
        assert first.params["blank"] == ["document.number", "document.signed_on", "effective.from"]
        assert ("A-18", "allowed-visible") in {(u.id, u.reading) for u in decision.used}
        assert decision.to_json()["ruleset"]["status"] == "draft"

    @pytest.mark.parametrize("kind", ["final", "awaiting", "unit", "all-ineligible"])
    def test_every_kind_of_result_shows_the_draft(self, kind: str) -> None:
        """A-18: a final round, one awaiting the chair, a unit round, a round with nobody eligible — each warns."""
        if kind == "final":
            inputs = make_round([nomination("N1")])
        elif kind == "awaiting":
            inputs = make_round([nomination("A"), nomination("B")], ruleset=_capped(1))
        elif kind == "unit":
            inputs = make_round(
                [nomination("N1")], level=CouncilLevel.UNIT, considered_on=D(2024, 10, 10)
            )
        else:
            inputs = make_round([nomination("N1", consent=False)])
        out = run_round(inputs).to_json()
        assert out["reasons"][0]["code"] == "ruleset.draft"
        # Issue 9: the record also carries the digest of the ruleset it was made under.
        assert out["ruleset"].pop("digest").startswith("sha256:")
        assert out["ruleset"] == {
            "id": inputs.ruleset.id,
            "status": "draft",
            "blank": ["document.number", "document.signed_on", "effective.from"],
        }

    def test_a_round_under_the_draft_is_refused_when_drafts_are(self) -> None:
        """A-18 refuse: a draft ruleset is refused, naming the reading."""
        with pytest.raises(InvalidValueError, match="A-18"):
            run_round(make_round([nomination("N1")], readings=Readings().choose("A-18", "refuse")))

    def test_an_issued_document_carries_no_draft_warning(self) -> None:
        """A-18: the same rules read from an issued document — no warning, A-18 not relied on."""
        issued = TQ.variant(
            "tq-as-issued", document=attrs.evolve(TQ.document, status=DocumentStatus.ISSUED)
        )
        decision = run_round(make_round([nomination("N1")], ruleset=issued))
        assert "ruleset.draft" not in codes(decision.reasons)
        assert "A-18" not in {u.id for u in decision.used}


def _capped(slots: int) -> Ruleset:
    assert TQ.cap is not None
    return TQ.variant(f"tq-cap-{slots}", cap=Cap(slots, rule=TQ.cap.rule))


# -- a unit's council ------------------------------------------------------------------------


UNIT_DAY = D(2024, 10, 10)
"""A unit council's consideration, before 15/10 (TQ-6.1a)."""


class TestUnitRoundA19:
    """A-19: a unit's council recognises its own exemplars, under its own deadline and no cap."""

    def _unit_round(self, approvals: dict[str, int], reading: str = "every-level") -> RoundDecision:
        noms = [nomination(n, on=D(2024, 6, 1)) for n in approvals]
        return run_round(
            make_round(
                noms,
                approvals,
                level=CouncilLevel.UNIT,
                considered_on=UNIT_DAY,
                dossiers=[],
                readings=Readings().choose("A-19", reading),
            )
        )

    def test_a_unit_council_uses_the_90_percent_rule_by_default(self) -> None:
        """A-19 every-level: 9 of 10 recognised, 8 of 10 not (“của cấp xét công nhận”)."""
        decision = self._unit_round({"U1": 9, "U2": 8})
        assert decision.recognised == ("U1",)
        assert decision.ballot.needed == 9
        assert ("A-19", "every-level") in {(u.id, u.reading) for u in decision.used}

    def test_a_unit_council_uses_a_simple_majority_under_province_only(self) -> None:
        """A-19 province-only: more than half of 10 members — 6 recognised, 5 not."""
        decision = self._unit_round({"U1": 6, "U2": 5}, "province-only")
        assert decision.recognised == ("U1",)
        assert decision.ballot.needed == 6

    def test_tq_2_1b_the_simple_majority_of_a19_cites_the_reading_not_tq_2_1b(self) -> None:
        """A-19 province-only: the simple majority is in no document; its reasons cite the reading,
        never TQ Art. 2(1)(b) (“từ 90% trở lên”), so no card says 6/10 next to a 90 % quotation."""
        decision = self._unit_round({"U1": 6, "U2": 5}, "province-only")
        cited = [r for o in decision.outcomes for r in o.reasons if r.code.startswith("ballot.")]
        assert cited
        for reason in cited:
            assert reason.rule is not None
            assert reason.rule.id == "A-19"
            assert "90%" not in (reason.rule.citation.quote or "")
            assert "Cách hiểu A-19" in reason.rule.citation.vi

    def test_every_ballot_reasons_threshold_agrees_with_the_rule_it_cites(self) -> None:
        """TQ-2.1b: a reason citing “từ 90% trở lên” counts against 9/10; one citing A-19, 1/2."""
        for reading, threshold in (("every-level", "9/10"), ("province-only", "1/2")):
            decision = self._unit_round({"U1": 9, "U2": 5}, reading)
            assert str(decision.ballot.inputs.rule.threshold) == threshold
            for o in decision.outcomes:
                for r in o.reasons:
                    if r.rule is None or not r.code.startswith("ballot."):
                        continue
                    quote = r.rule.citation.quote or ""
                    if "90%" in quote:
                        assert threshold == "9/10", (reading, r.en)
                    if r.rule.id == "A-19":
                        assert threshold == "1/2", (reading, r.en)

    def test_the_province_council_keeps_90_percent_under_province_only(self) -> None:
        """A-19 province-only binds only units: the province's council still needs 9 of 10."""
        inputs = make_round(
            [nomination("N1"), nomination("N2")],
            {"N1": 9, "N2": 8},
            readings=Readings().choose("A-19", "province-only"),
        )
        assert run_round(inputs).recognised == ("N1",)

    def test_a_unit_round_asks_for_no_dossier_and_has_no_cap(self) -> None:
        """TQ-6.2a/TQ-8.3: a unit council needs no dossier to the province, and sixteen may all be recognised."""
        decision = self._unit_round({f"U{i:02}": 10 for i in range(16)})
        assert len(decision.recognised) == 16
        assert all("round.no_dossier" not in codes(o.reasons) for o in decision.outcomes)
        assert decision.ballot.inputs.cap is None

    def test_a_unit_round_is_signed_by_the_head_and_rewarded_by_the_unit(self) -> None:
        """TQ-5, TQ-7.1c: the unit's head recognises; the reward is the unit's own, no provincial cash; no national pool."""
        decision = self._unit_round({"U1": 10})
        signs = one(decision.reasons, "round.authority")
        assert "head of the unit" in signs.en
        assert _benefit(decision, "U1") == (False, 0, "round.unit_reward")
        assert rule_of(decision.benefits[0].reasons[0]) == "TQ-7.1c"
        assert decision.national_pool is None

    def test_a_unit_council_meeting_on_15_october_is_late(self) -> None:
        """TQ-6.1a, A-1 strict: a unit's council on 15/10 itself — every nominee ineligible."""
        inputs = make_round(
            [nomination("U1", on=D(2024, 6, 1))],
            level=CouncilLevel.UNIT,
            considered_on=D(2024, 10, 15),
            dossiers=[],
        )
        decision = run_round(inputs)
        assert rule_of(one(decision.reasons, "deadline.late")) == "TQ-6.1a"
        assert decision.outcome("U1").outcome is RoundOutcome.INELIGIBLE


# -- Kon Tum's guidance: KT-1, KT-2, KT-3 ----------------------------------------------------------


KT = load_ruleset("kon-tum-2022")


def kt_solo(**nomination_changes: Any) -> RoundDecision:
    """A Kon Tum round of one nominee, "N1" (issue 9: KT-1 … KT-3 are Kon Tum's, so they run
    under kon-tum-2022; before issue 9 these tests ran them in a Tuyên Quang round)."""
    return run_round(make_round([nomination("N1", **nomination_changes)], ruleset=KT, dossiers=[]))


class TestKonTumGuidance:
    """KT-1 stages are reported, KT-2 no award above the record, KT-3 priorities reported, never a filter."""

    def test_the_stage_of_the_record_is_reported_and_changes_nothing(self) -> None:
        """KT-1: a record at the “nhân rộng” (replicate) stage is reported as such; still recognised."""
        out = kt_solo(stage=Stage.REPLICATE).outcome("N1")
        stage = one(out.reasons, "round.stage")
        assert (rule_of(stage), stage.severity, stage.params["stage_vi"]) == (
            "KT-1", Severity.INFO, "nhân rộng",
        )  # fmt: skip
        assert out.outcome is RoundOutcome.RECOGNISED

    def test_a_record_that_supports_only_a_unit_award_is_not_proposed_for_the_province(
        self,
    ) -> None:
        """KT-2: “đủ tiêu chuẩn … mức hạng nào thì xét … mức hạng đó” — a unit-level record is ineligible for the province."""
        out = kt_solo(supports=CouncilLevel.UNIT).outcome("N1")
        assert out.outcome is RoundOutcome.INELIGIBLE
        reason = one(out.reasons, "round.award_above_record")
        assert (rule_of(reason), reason.params["supports_en"]) == ("KT-2", "unit")

    def test_a_record_that_supports_the_province_is_proposed_for_it(self) -> None:
        """KT-2: a province-level record in a province round — no objection, recognised."""
        out = kt_solo(supports=CouncilLevel.PROVINCE).outcome("N1")
        assert "round.award_above_record" not in codes(out.reasons)
        assert out.outcome is RoundOutcome.RECOGNISED

    def test_a_record_that_supports_a_unit_award_is_proposed_to_the_units_council(self) -> None:
        """KT-2: the same unit-level record before its unit's council — eligible and recognised."""
        inputs = make_round(
            [nomination("U1", supports=CouncilLevel.UNIT, on=D(2024, 6, 1))],
            level=CouncilLevel.UNIT,
            considered_on=UNIT_DAY,
            dossiers=[],
            ruleset=KT,
        )
        assert run_round(inputs).recognised == ("U1",)

    def test_a_priority_group_is_reported_but_does_not_lift_a_nominee_over_the_threshold(
        self,
    ) -> None:
        """KT-3: a direct worker with 8 of 10 is not recognised; a non-priority nominee with 9 is."""
        noms = [
            nomination("P1", priority=[Priority.DIRECT_WORKER]),
            nomination("N1"),
        ]
        decision = run_round(make_round(noms, {"P1": 8, "N1": 9}, ruleset=KT, dossiers=[]))
        p1 = decision.outcome("P1")
        reason = one(p1.reasons, "round.priority_group")
        assert (rule_of(reason), reason.params["groups_en"]) == ("KT-3", ["direct_worker"])
        assert p1.outcome is RoundOutcome.NOT_RECOGNISED
        assert decision.recognised == ("N1",)

    def test_a_priority_group_does_not_filter_anyone_out(self) -> None:
        """KT-3: with and without the priority mark, the same nominees are recognised."""
        marked = [nomination("P1", priority=[Priority.SMALL_COLLECTIVE], kind="collective")]
        plain = [nomination("P1", kind="collective")]
        assert (
            run_round(make_round(marked, ruleset=KT, dossiers=[])).recognised
            == run_round(make_round(plain, ruleset=KT, dossiers=[])).recognised
        )


class TestKonTumRuleset:
    """The kon-tum-2022 ruleset is a guidance letter: no criteria, window, deadline, ballot rule or benefits."""

    def _kt_round(
        self, *noms: Nomination, approvals: dict[str, int] | None = None
    ) -> RoundDecision:
        return run_round(make_round(noms, approvals, ruleset=KT, dossiers=[]))

    def test_a_kon_tum_round_runs_without_a_window_and_says_why(self) -> None:
        """KT: no criteria of its own — the round reads no evidence, reports no window, and says so."""
        decision = self._kt_round(nomination("N1", nominee=record(lacking=["TQ-3.1d"])))
        assert decision.window is None
        assert decision.to_json()["window"] is None
        assert {"round.consideration_no_window", "round.no_criteria"} <= set(
            codes(decision.reasons)
        )
        out = decision.outcome("N1")
        assert out.outcome is RoundOutcome.RECOGNISED
        assert not {"round.criteria_met", "round.criteria_unknown"} & set(codes(out.reasons))

    def test_a_kon_tum_round_uses_the_national_90_percent_rule(self) -> None:
        """KT sets no ballot rule: the national decree's — 9 of 10 needed. Decided in 2024, the
        decree in force is 98/2023 (issue 10: before, Decree 91/2017 Art. 45.8 was cited)."""
        decision = self._kt_round(nomination("N1"), nomination("N2"), approvals={"N1": 9, "N2": 8})
        assert decision.recognised == ("N1",)
        assert (
            rule_of(one(decision.outcome("N1").reasons, "ballot.meets_threshold")) == "NĐ98-ballot"
        )
        assert decision.ballot.inputs.cap is None

    @pytest.mark.parametrize(
        ("considered_on", "decided_on", "cited", "decree"),
        [
            (D(2023, 12, 20), None, "NĐ91-45.8", "Nghị định 91/2017/NĐ-CP"),
            (D(2023, 12, 28), D(2024, 1, 5), "NĐ98-ballot", "Nghị định 98/2023/NĐ-CP"),
            (D(2024, 12, 20), D(2024, 12, 26), "NĐ98-ballot", "Nghị định 98/2023/NĐ-CP"),
            (D(2025, 6, 25), D(2025, 7, 1), "NĐ152-ballot", "Nghị định 152/2025/NĐ-CP"),
        ],
    )
    def test_kt_a_round_cites_the_national_decree_in_force_on_its_decision_date(
        self, considered_on: D, decided_on: D | None, cited: str, decree: str
    ) -> None:
        """KT sets no ballot rule: Decree 91/2017 Art. 45.8 to 31/12/2023, Decree 98/2023 from
        01/01/2024, Decree 152/2025 from 01/07/2025 — picked by the decision (signing) date, the
        consideration date where none is given; the round says the threshold is borrowed."""
        inputs = make_round(
            [nomination("N1", on=considered_on - dt.timedelta(days=60))],
            {"N1": 9},
            ruleset=KT,
            dossiers=[],
            considered_on=considered_on,
            decided_on=decided_on,
        )
        decision = run_round(inputs)
        assert decision.recognised == ("N1",)
        ballot = [r for r in decision.outcome("N1").reasons if r.code.startswith("ballot.")]
        assert ballot
        assert {rule_of(r) for r in ballot} == {cited}
        notice = one(decision.reasons, "ruleset.national_ballot")
        assert rule_of(notice) == cited
        assert notice.rule is not None
        assert notice.rule.citation.document == decree
        assert notice.en.startswith(
            "The Kon Tum letter (KT) sets no ballot rule; the threshold 9/10"
        )
        assert "không quy định cách bỏ phiếu; ngưỡng 9/10 là của" in notice.vi
        to_verify = cited != "NĐ91-45.8"  # only Art. 45.8's wording is given (domain §9)
        assert ("national law, to verify" in notice.en) is to_verify
        assert ("pháp luật quốc gia, cần kiểm chứng" in notice.vi) is to_verify

    @pytest.mark.parametrize(
        ("reading", "cited", "day"),
        [
            ("decision-date", "NĐ98-ballot", D(2024, 1, 5)),
            ("consideration-date", "NĐ91-45.8", D(2023, 12, 28)),
        ],
    )
    def test_kt_a34_considered_under_decree_91_and_signed_under_decree_98(
        self, reading: str, cited: str, day: D
    ) -> None:
        """A-34: considered 28/12/2023 (Decree 91/2017 in force), signed 05/01/2024 (Decree
        98/2023): the decision date picks Decree 98/2023 by default, the council's day Decree
        91/2017 under `consideration-date`; the record lists the reading."""
        inputs = make_round(
            [nomination("N1", on=D(2023, 10, 1))], {"N1": 9}, ruleset=KT, dossiers=[],
            considered_on=D(2023, 12, 28), decided_on=D(2024, 1, 5),
            readings=Readings().choose("A-34", reading),
        )  # fmt: skip
        decision = run_round(inputs)
        assert rule_of(one(decision.outcome("N1").reasons, "ballot.meets_threshold")) == cited
        notice = one(decision.reasons, "ruleset.national_ballot")
        assert (rule_of(notice), notice.params["day"]) == (cited, day.isoformat())
        assert ("A-34", reading) in {(u.id, u.reading) for u in decision.used}

    def test_a34_is_not_listed_where_the_ruleset_has_its_own_rule(self) -> None:
        """TQ-2.1b is Tuyên Quang's own: no national rule is picked, A-34 is not used."""
        decision = run_round(make_round([nomination("N1")]))
        assert "A-34" not in {u.id for u in decision.used}
        assert "ruleset.national_ballot" not in codes(decision.reasons)

    def test_kt_every_ballot_reasons_threshold_agrees_with_the_national_rule_it_cites(
        self,
    ) -> None:
        """Issue 10: under each dated national entry, every ballot reason cites the entry in force
        and counts against its threshold (9 of 10 at 9/10)."""
        assert KT.national_ballot is not None
        for entry in KT.national_ballot.entries:
            day = entry.start + dt.timedelta(days=30)
            decision = run_round(
                make_round(
                    [nomination("N1", on=day - dt.timedelta(days=60)), nomination("N2", on=day - dt.timedelta(days=60))],
                    {"N1": 9, "N2": 8}, ruleset=KT, dossiers=[], considered_on=day,
                )
            )  # fmt: skip
            rule = decision.ballot.inputs.rule
            assert rule.rule == entry.rule
            assert rule.threshold == entry.value.threshold
            for o in decision.outcomes:
                for r in o.reasons:
                    if r.code.startswith("ballot."):
                        assert r.rule == entry.rule, (entry.rule.id, r.en)
            threshold = one(decision.ballot.reasons, "ballot.threshold")
            t = entry.value.threshold
            assert threshold.rule == entry.rule
            assert threshold.params["threshold"] == f"{t.numerator}/{t.denominator}"
            assert threshold.params["needed"] == entry.value.needed(10) == 9
            notice = one(decision.reasons, "ruleset.national_ballot")
            assert notice.params["threshold"] == threshold.params["threshold"]

    def test_a_kon_tum_round_computes_no_cash_it_has_no_table_for(self) -> None:
        """KT sets no benefits: the recognised get no computed certificate or cash, and no borrowed TQ-7.1c."""
        decision = self._kt_round(nomination("N1"))
        assert _benefit(decision, "N1") == (False, 0, "round.no_benefits")
        assert decision.benefits[0].reasons[0].rule is None

    def test_a_kon_tum_round_does_not_apply_tuyen_quangs_posthumous_ban(self) -> None:
        """TQ-2.1c is Tuyên Quang's own (domain §9): under Kon Tum's letter a nominee who died is not excluded."""
        decision = self._kt_round(nomination("N1", died_on=D(2024, 6, 1)))
        assert decision.recognised == ("N1",)
        assert "A-11" not in {u.id for u in decision.used}

    def test_a_kon_tum_round_reports_stage_record_and_priority(self) -> None:
        """KT-1, KT-2, KT-3 under their own letter: stage and priority reported, an award above the record refused."""
        decision = self._kt_round(
            nomination("N1", stage=Stage.FOSTER, priority=[Priority.DIRECT_WORKER]),
            nomination("N2", supports=CouncilLevel.UNIT),
        )
        n1, n2 = decision.outcome("N1"), decision.outcome("N2")
        assert {"round.stage", "round.priority_group"} <= set(codes(n1.reasons))
        assert n1.outcome is RoundOutcome.RECOGNISED
        assert n2.outcome is RoundOutcome.INELIGIBLE
        assert verify_round(decision) is decision


# -- Bắc Kạn and Ninh Thuận ----------------------------------------------------------------------


class TestPlansWithoutAWindow:
    """BK and NT are plans: criteria and floors, but no achievement window, deadline, ballot rule or cap."""

    # Issue 9 changed what a round under these plans does: it no longer refuses for want of a
    # window but reads the criteria on the window of A-21 (tests/test_procedure.py).

    def test_a_plan_given_a_window_as_a_what_if_reads_its_own_criteria_and_floors(self) -> None:
        """BK-III.1, BK-III.2.12, BK-IV.1a (A-10 introduced): with TQ's window policy added, BK's round runs."""
        bk = load_ruleset("bac-kan-2021").variant("bk-with-window", window=TQ.window)
        on = evidence_day(CONSIDERED)
        general = [f"BK-III.1.{p}" for p in ("achievement", "leading", "compliance", "solidarity")]
        met = Nominee(
            "individual",
            ["charity"],
            [attest(c, on) for c in (*general, "BK-III.2.12.relief", "BK-III.2.12.helped")],
        )
        unproven = Nominee("household", ["charity"],
                           [attest(c, on) for c in (*general, "BK-III.2.12.relief")])  # fmt: skip
        inputs = make_round(
            [nomination("B1", nominee=met), nomination("B2", nominee=unproven)],
            ruleset=bk,
            dossiers=[],
            units=[floor_unit("police-military-education-health", id="Công an tỉnh")],
            readings=Readings().choose("A-10", "introduced"),
        )
        decision = run_round(inputs)
        assert decision.window == (D(2023, 10, 1), D(2024, 9, 30))  # TQ's policy, one year
        assert decision.recognised == ("B1",)
        b2 = decision.outcome("B2")
        assert b2.outcome is RoundOutcome.INCOMPLETE
        assert [rule_of(m) for m in b2.missing] == ["BK-III.2.12.helped"]
        (check,) = decision.floors
        # BK-IV.1a: at least 10 introduced a year; “Công an tỉnh” introduced none in this round.
        assert (check.minimum, check.count, check.shortfall) == (10, 0, 10)
        assert rule_of(check.reason) == "BK-IV.1a"


# -- the inputs -------------------------------------------------------------------------------------


class TestInputs:
    """RoundInputs refuses what would make a record ambiguous or impossible, with a DienhinhError."""

    def test_an_outcome_is_found_by_its_id_in_any_unicode_form(self) -> None:
        """Ids are NFC: “NGUYỄN” typed in decomposed form (NFD) finds the same nomination."""
        decision = run_round(make_round([nomination("NGUYỄN")]))
        decomposed = unicodedata.normalize("NFD", "NGUYỄN")
        assert decomposed != "NGUYỄN"
        assert decision.outcome(decomposed).nomination == "NGUYỄN"

    def test_a_nomination_id_given_twice_is_refused(self) -> None:
        """Ids are compared after NFC: two nominations “N1” are one too many."""
        with pytest.raises(DuplicateIdError):
            make_round([nomination("N1"), nomination("N1", unit=OTHER_UNIT)])

    def test_a_decision_signed_before_the_consideration_is_refused(self) -> None:
        """TQ-5 after TQ-4.3: a decision cannot be signed on 19/12 for a consideration on 20/12."""
        with pytest.raises(InvalidValueError, match="decided_on"):
            make_round([nomination("N1")], decided_on=D(2024, 12, 19))

    def test_a_chair_choice_naming_one_nominee_twice_is_refused(self) -> None:
        """TQ-2.1b: the chair's choice is a set of distinct nominees, a repeat is an error."""
        with pytest.raises(DuplicateIdError):
            make_round([nomination("N1")], chair_choice=["N1", "N1"])

    def test_a_chair_choice_given_as_one_string_is_refused(self) -> None:
        """TQ-2.1b: "T14" is not the list ["T", "1", "4"]."""
        with pytest.raises(InvalidValueError):
            make_round([nomination("T14")], chair_choice="T14")

    def test_a_ruleset_given_by_its_id_string_is_a_type_error(self) -> None:
        """The Python API takes a Ruleset object: an id string is an InvalidTypeError, not an AttributeError."""
        base = make_round([nomination("N1")])
        with pytest.raises(InvalidTypeError, match="ruleset"):
            attrs.evolve(base, ruleset="tuyen-quang-2023")  # type: ignore[arg-type]

    def test_a_nomination_that_is_not_a_nomination_is_a_type_error(self) -> None:
        """RoundInputs.nominations holds Nomination objects; a dict is an InvalidTypeError."""
        base = make_round([nomination("N1")])
        with pytest.raises(InvalidTypeError, match="nominations"):
            attrs.evolve(base, nominations=[{"id": "N1"}])  # type: ignore[list-item]
