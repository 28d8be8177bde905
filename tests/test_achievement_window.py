"""TQ-3.3: the window judges the achievement, not the paper; A-27: an attestation stating no period.

“Thành tích … được tính trong thời gian 01 năm, tính từ ngày 01/10 năm trước đến thời điểm xét
tặng.” An item's ``date`` is its document's; ``achieved_on`` or ``period`` say when the
achievement itself happened, and the window tests that. A unit's attestation signed on 08/10
about the year that ended on 30/09 is evidence for that year: under A-27 ``covers-window`` an
attestation stating no period speaks for the window when signed after the window opens and no
later than the dossier is due (TQ-8.3b, “trước 30/10”: 29/10 under A-1 ``strict``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from dienhinh import (
    DienhinhError,
    InvalidTypeError,
    InvalidValueError,
    Readings,
    RoundOutcome,
    load_ruleset,
    run_round,
)
from dienhinh.calendar import achievement_window
from dienhinh.cli import main
from dienhinh.criteria import Attestation, Award, Nominee, Ocop, Period, Verdict, assess
from dienhinh.io import demo
from dienhinh.io._nominee import assessment_document, parse_nominee, reassess
from dienhinh.io._round import parse_round
from dienhinh.round._run import dossier_due
from dienhinh.rulesets import load_catalogue
from tests.round_builders import CONSIDERED, FIELD, FIELD_LEAF, GENERAL, make_round, nomination
from tests.schemas import validate

D = dt.date
TQ = load_ruleset("tuyen-quang-2023")
CATALOGUE = load_catalogue("tuyen-quang-2023")
WINDOW = (D(2023, 10, 1), D(2024, 9, 30))
"""The default window of a consideration on 20/12/2024: one year (A-3 ``emulation-year``)."""
DUE = D(2024, 10, 29)
"""TQ-8.3b “trước 30/10 hằng năm”, A-1 ``strict``: the last day a dossier is on time in 2024."""
SIGNING = Readings({"A-27": "signing-date"})
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def attestation(on: dt.date, cid: str = "TQ-3.1a", **when: Any) -> Attestation:
    return Attestation(cid, "UBND huyện Yên Sơn", "Chủ tịch UBND huyện", on, "Gương mẫu.", **when)


def leaf(items: list[Any], cid: str = "TQ-3.1a", **kw: Any) -> Any:
    a = assess(Nominee("collective", ["agriculture"], items), CATALOGUE, window=WINDOW, **kw)
    return a, a.tree.find(cid)


def ocop_leaf(item: Ocop) -> Any:
    """TQ-3.2c's OCOP branch: a rating of three stars or more, judged on the window."""
    a = assess(Nominee("collective", ["agriculture"], [item]), CATALOGUE, window=WINDOW)
    return next(n for n in a.tree.walk() if n.evidence_type == "ocop")


def codes(node: Any) -> list[str]:
    return [r.code for r in node.reasons] + [i.reason.code for i in node.ignored]


# -- the evidence model -------------------------------------------------------------------------


class TestTheAchievementNotThePaper:
    """TQ-3.3 tests the achievement's day or period when the item gives one, else its date."""

    def test_tq_3_3_an_ocop_rating_decided_after_the_window_for_a_product_rated_within_it(
        self,
    ) -> None:
        """Decided on 15/11/2024 (after 30/09/2024) for the evaluation of 20/09/2024: it counts;
        without ``achieved_on`` the document's date is outside the window."""
        paper_only = Ocop("Chè Mỹ Bằng", 4, D(2024, 11, 15), "UBND tỉnh")
        node = ocop_leaf(paper_only)
        assert node.verdict is not Verdict.MET
        assert "criteria.outside_window" in codes(node)
        achieved = attrs.evolve(paper_only, achieved_on=D(2024, 9, 20))
        assert ocop_leaf(achieved).verdict is Verdict.MET

    def test_tq_3_3_an_achievement_before_the_window_does_not_count_on_a_recent_paper(
        self,
    ) -> None:
        """Decided on 10/05/2024 (inside) for a product rated on 15/09/2023 (before 01/10/2023):
        set aside, the reason naming both days."""
        item = Ocop("Chè Mỹ Bằng", 4, D(2024, 5, 10), "UBND tỉnh", achieved_on=D(2023, 9, 15))
        node = ocop_leaf(item)
        assert node.verdict is not Verdict.MET
        (ignored,) = [i.reason for i in node.ignored]
        assert ignored.code == "criteria.achieved_outside_window"
        assert ignored.params == {
            "achieved_on": "2023-09-15", "date": "2024-05-10",
            "start": "2023-10-01", "end": "2024-09-30",
        }  # fmt: skip
        assert "15/09/2023" in ignored.vi
        assert ignored.rule is not None
        assert ignored.rule.id == "TQ-3.3"

    @pytest.mark.parametrize(
        ("first", "last", "counts"),
        [
            (D(2023, 10, 1), D(2024, 9, 30), True),  # the window itself
            (D(2024, 1, 1), D(2024, 6, 30), True),  # inside it
            (D(2023, 1, 1), D(2023, 12, 31), False),  # starts before it
            (D(2024, 6, 1), D(2024, 10, 5), False),  # ends after it
            (D(2022, 10, 1), D(2023, 9, 30), False),  # the year before
        ],
    )
    def test_tq_3_3_a_period_counts_only_wholly_inside_the_window(
        self, first: dt.date, last: dt.date, counts: bool
    ) -> None:
        """A-40 ``wholly-inside`` (default): a period partly outside the window is an achievement
        partly outside it; one document cannot be split, so it is set aside
        (``criteria.period_outside_window``)."""
        a, node = leaf([attestation(D(2024, 10, 8), period=Period(first, last))], dossier_due=DUE)
        assert (node.verdict is Verdict.MET) == counts
        if not counts:
            (ignored,) = [i.reason for i in node.ignored]
            assert ignored.code == "criteria.period_outside_window"
            assert ignored.params["first"] == first.isoformat()
            assert ignored.params["last"] == last.isoformat()
        # A stated period is the period: A-27 never reads it as the window.
        assert "A-27" not in {u.id for u in a.used}

    def test_tq_3_3_an_achievement_never_ends_after_its_document(self) -> None:
        """The achievement is recorded by the document: it cannot end after the document's date."""
        with pytest.raises(InvalidValueError, match=r"ocop\.achieved_on='2024-05-11'"):
            Ocop("Chè", 4, D(2024, 5, 10), "UBND tỉnh", achieved_on=D(2024, 5, 11))
        with pytest.raises(InvalidValueError, match=r"attestation\.period\.to='2024-10-09'"):
            attestation(D(2024, 10, 8), period=Period(D(2023, 10, 1), D(2024, 10, 9)))
        same_day = attestation(D(2024, 10, 8), period=Period(D(2023, 10, 1), D(2024, 10, 8)))
        assert same_day.period is not None

    def test_tq_3_3_a_day_or_a_period_not_both_and_well_formed(self) -> None:
        """``achieved_on`` and ``period`` exclude each other; a period does not end before it
        starts; the types are checked."""
        with pytest.raises(InvalidValueError, match="gives both achieved_on and period"):
            attestation(D(2024, 10, 8), achieved_on=D(2024, 9, 1),
                        period=Period(D(2023, 10, 1), D(2024, 9, 30)))  # fmt: skip
        with pytest.raises(InvalidValueError, match=r"period\.to='2023-09-30': ends before"):
            Period(D(2023, 10, 1), D(2023, 9, 30))
        with pytest.raises(InvalidTypeError, match=r"period\.from"):
            Period(dt.datetime(2023, 10, 1), D(2024, 9, 30))
        with pytest.raises(InvalidTypeError, match=r"award\.period"):
            Award("province", "general", "commendation", D(2024, 5, 1), "UBND",
                  period=(D(2024, 1, 1), D(2024, 2, 1)))  # type: ignore[arg-type]  # fmt: skip
        with pytest.raises(InvalidTypeError, match=r"ocop\.achieved_on"):
            Ocop("Chè", 4, D(2024, 5, 10), "UBND", achieved_on="2024-05-01")  # type: ignore[arg-type]


class TestTheJsonFormat:
    """The nominee format: ``achieved_on`` and ``period`` are optional keys; old files read as before."""

    DOC: dict[str, Any] = {  # noqa: RUF012
        "kind": "collective",
        "fields": ["agriculture"],
        "evidence": [
            {"type": "ocop", "product": "Chè", "stars": 4, "date": "2024-11-15",
             "issuer": "UBND tỉnh", "achieved_on": "2024-09-20"},
            {"type": "attestation", "criterion": "TQ-3.1a", "authority": "UBND huyện Yên Sơn",
             "signer": "Chủ tịch", "date": "2024-10-08", "statement": "Gương mẫu.", "holds": True,
             "period": {"from": "2023-10-01", "to": "2024-09-30"}},
        ],
    }  # fmt: skip

    def test_tq_3_3_the_achievement_keys_round_trip_and_match_the_schema(self) -> None:
        nominee = parse_nominee(json.dumps(self.DOC))
        ocop, attest = sorted(nominee.evidence, key=lambda e: e.TYPE)[::-1]
        assert isinstance(ocop, Ocop)
        assert ocop.achieved_on == D(2024, 9, 20)
        assert isinstance(attest, Attestation)
        assert attest.period == Period(D(2023, 10, 1), D(2024, 9, 30))
        assert parse_nominee(nominee.to_json()) == nominee
        validate(nominee.to_json(), "nominee")
        validate(self.DOC, "nominee")

    def test_tq_3_3_an_item_without_them_writes_the_json_it_always_did(self) -> None:
        item = attestation(D(2024, 10, 8))
        assert set(item.to_json()) == {
            "type", "criterion", "authority", "signer", "date", "statement", "holds",
        }  # fmt: skip

    def test_tq_3_3_a_round_document_reads_the_achievement_keys(self) -> None:
        """A round input's nominees read ``achieved_on`` and ``period`` as a nominee file does
        (the round's fast reader and the converter agree)."""
        doc = json.loads((EXAMPLES / "rounds" / "small-tuyen-quang.json").read_text("utf-8"))
        items = doc["nominations"][0]["evidence"]
        items[1]["period"] = {"from": "2023-10-01", "to": "2024-09-30"}
        items[0]["achieved_on"] = "2024-05-01"
        read = parse_round(doc).nominations[0].nominee
        alone = parse_nominee({"kind": "collective", "fields": ["agriculture"], "evidence": items})
        assert read.evidence == alone.evidence
        assert Period(D(2023, 10, 1), D(2024, 9, 30)) in [e.period for e in read.evidence]
        items[1]["period"] = {"from": "2023-10-01", "until": "2024-09-30"}
        with pytest.raises(DienhinhError, match=r"evidence\[1\]\.period"):
            parse_round(doc)

    @pytest.mark.parametrize(
        ("period", "where"),
        [
            ({"from": "2023-10-01"}, "$.evidence[1].period.to"),
            ({"from": "2023-10-01", "to": "2024-09-30", "until": "x"}, "$.evidence[1].period"),
            ({"from": "2024-09-30", "to": "2023-10-01"}, "$.evidence[1]"),
            ({"from": "2023-10-01", "to": "2024-12-01"}, "$.evidence[1]"),
        ],
    )
    def test_tq_3_3_a_bad_period_is_refused_with_its_path(self, period: Any, where: str) -> None:
        doc = json.loads(json.dumps(self.DOC))
        doc["evidence"][1]["period"] = period
        with pytest.raises(DienhinhError) as caught:
            parse_nominee(json.dumps(doc))
        assert where in str(caught.value)


# -- an attestation that states no period --------------------------------------------------


class TestA27:
    """A-27 ``covers-window`` (default) and ``signing-date``."""

    def test_tq_3_3_a27_an_october_attestation_covers_the_year_that_ended(self) -> None:
        """Signed 08/10/2024, stating no period, the dossier due 29/10/2024: it speaks for
        01/10/2023 – 30/09/2024, and the record says so and lists A-27."""
        a, node = leaf([attestation(D(2024, 10, 8))], dossier_due=DUE)
        assert node.verdict is Verdict.MET
        (note,) = [r for r in node.reasons if r.code == "criteria.attestation_covers_window"]
        assert note.params == {
            "dates": ["2024-10-08"], "due": "2024-10-29", "start": "2023-10-01", "end": "2024-09-30",
        }  # fmt: skip
        assert "08/10/2024" in note.vi
        assert "29/10/2024" in note.vi
        assert ("A-27", "covers-window") in {(u.id, u.reading) for u in a.used}

    def test_tq_3_3_a27_signing_date_sets_the_october_attestation_aside(self) -> None:
        """A-27 ``signing-date``: 08/10/2024 is after the window's end; nothing counts, and the
        request asks for a statement signed within the window."""
        a, node = leaf([attestation(D(2024, 10, 8))], dossier_due=DUE, readings=SIGNING)
        assert node.verdict is Verdict.UNKNOWN
        assert [i.reason.code for i in node.ignored] == ["criteria.outside_window"]
        assert ("A-27", "signing-date") in {(u.id, u.reading) for u in a.used}
        assert "2024-09-30" in node.missing[0].en

    @pytest.mark.parametrize(
        ("signed", "default", "signing"),
        [
            (D(2023, 10, 1), True, True),  # the window's first day: in the window
            (D(2023, 9, 30), False, False),  # before the window opens
            (D(2024, 9, 30), True, True),  # the window's last day
            (D(2024, 10, 1), True, False),  # after the window, before the dossier is due
            (D(2024, 10, 29), True, False),  # the last day the dossier is on time
            (D(2024, 10, 30), False, False),  # after the dossier was due
        ],
    )
    def test_tq_8_3b_a27_the_signing_day_against_the_window_and_the_due_date(
        self, signed: dt.date, default: bool, signing: bool
    ) -> None:
        _, node = leaf([attestation(signed)], dossier_due=DUE)
        assert (node.verdict is Verdict.MET) == default
        _, node = leaf([attestation(signed)], dossier_due=DUE, readings=SIGNING)
        assert (node.verdict is Verdict.MET) == signing

    def test_tq_3_3_a27_without_a_due_date_the_signing_date_decides(self) -> None:
        """``assess`` without ``dossier_due`` (no dossier-submission deadline, e.g. a plan):
        nothing to read the attestation against, so its own date must be in the window."""
        a, node = leaf([attestation(D(2024, 10, 8))])
        assert node.verdict is Verdict.UNKNOWN
        assert "A-27" not in {u.id for u in a.used}
        with pytest.raises(InvalidTypeError, match="dossier_due"):
            leaf([], dossier_due=dt.datetime(2024, 10, 29))

    def test_tq_3_3_a27_a_statement_that_it_does_not_hold_is_read_the_same_way(self) -> None:
        """A statement that the criterion does *not* hold, signed 08/10, also speaks for the
        window: the criterion is not met (not merely unknown)."""
        _, node = leaf([attestation(D(2024, 10, 8)).__class__(
            "TQ-3.1a", "UBND huyện Yên Sơn", "Chủ tịch", D(2024, 10, 8), "Không.", holds=False
        )], dossier_due=DUE)  # fmt: skip
        assert node.verdict is Verdict.NOT_MET

    def test_tq_3_3_a27_the_record_keeps_the_due_date_and_re_derives(self) -> None:
        """The assessment's inputs carry ``dossier_due``; ``dienhinh verify`` re-derives it."""
        a, _ = leaf([attestation(D(2024, 10, 8))], dossier_due=DUE)
        doc = assessment_document(a)
        assert doc["inputs"]["dossier_due"] == "2024-10-29"
        validate(doc, "assessment")
        again = reassess(doc["inputs"])
        assert again.digest == a.digest
        assert again.verdict is a.verdict
        without, _ = leaf([attestation(D(2024, 10, 8))])
        assert "dossier_due" not in assessment_document(without)["inputs"]
        assert without.digest != a.digest


class TestA40:
    """A-40: a stated period partly inside the window — set aside (``wholly-inside``, default)
    or counted (``overlaps``); the window is 01/10/2023 – 30/09/2024 (TQ-3.3, A-3 one year)."""

    OVERLAPS = Readings({"A-40": "overlaps"})

    def test_tq_3_3_a40_a_period_straddling_the_windows_start_is_set_aside_by_default(
        self,
    ) -> None:
        """Calendar year 2023 (01/01 – 31/12/2023) attested on 08/10/2024: nine months of it lie
        before “ngày 01/10 năm trước”; by default it does not count, the reason names the period,
        and the record lists A-40 ``wholly-inside``."""
        item = attestation(D(2024, 10, 8), period=Period(D(2023, 1, 1), D(2023, 12, 31)))
        a, node = leaf([item], dossier_due=DUE)
        assert node.verdict is Verdict.UNKNOWN
        (ignored,) = [i.reason for i in node.ignored]
        assert ignored.code == "criteria.period_outside_window"
        assert "01/01/2023 – 31/12/2023" in ignored.vi
        assert ("A-40", "wholly-inside") in {(u.id, u.reading) for u in a.used}

    @pytest.mark.parametrize(
        ("first", "last", "counts"),
        [
            (D(2023, 1, 1), D(2023, 12, 31), True),  # starts before the window
            (D(2024, 6, 1), D(2024, 10, 5), True),  # ends after it
            (D(2022, 10, 1), D(2023, 10, 1), True),  # shares its first day only
            (D(2024, 9, 30), D(2024, 10, 5), True),  # shares its last day only
            (D(2022, 10, 1), D(2023, 9, 30), False),  # the year before: wholly outside
        ],
    )
    def test_tq_3_3_a40_overlaps_counts_a_period_sharing_a_day_with_the_window(
        self, first: dt.date, last: dt.date, counts: bool
    ) -> None:
        """A-40 ``overlaps``: a period sharing at least one day with the window counts, with the
        note ``criteria.period_overlaps_window``; one wholly outside is still set aside."""
        item = attestation(D(2024, 10, 8), period=Period(first, last))
        a, node = leaf([item], dossier_due=DUE, readings=self.OVERLAPS)
        assert (node.verdict is Verdict.MET) == counts
        notes = [r for r in node.reasons if r.code == "criteria.period_overlaps_window"]
        if counts:
            (note,) = notes
            assert note.params == {
                "first": first.isoformat(), "last": last.isoformat(), "date": "2024-10-08",
                "start": "2023-10-01", "end": "2024-09-30",
            }  # fmt: skip
            assert ("A-40", "overlaps") in {(u.id, u.reading) for u in a.used}
        else:
            assert notes == []
            assert [i.reason.code for i in node.ignored] == ["criteria.period_outside_window"]
            assert "A-40" not in {u.id for u in a.used}

    @given(st.dates(D(2022, 6, 1), D(2024, 10, 8)), st.dates(D(2022, 6, 1), D(2024, 10, 8)))
    @example(D(2023, 10, 1), D(2024, 9, 30))
    @example(D(2023, 9, 30), D(2023, 10, 1))
    def test_tq_3_3_a40_a_period_counts_by_default_only_inside_and_under_overlaps_if_it_meets(
        self, first: dt.date, last: dt.date
    ) -> None:
        """A-40: a period counts under ``wholly-inside`` exactly when it lies inside the window,
        under ``overlaps`` exactly when it shares a day with it — so whatever counts by default
        counts under ``overlaps``."""
        assume(first <= last)
        start, end = WINDOW
        item = attestation(D(2024, 10, 8), period=Period(first, last))
        default = leaf([item], dossier_due=DUE)[1].verdict is Verdict.MET
        overlaps = leaf([item], dossier_due=DUE, readings=self.OVERLAPS)[1].verdict is Verdict.MET
        assert default == (start <= first and last <= end)
        assert overlaps == (first <= end and last >= start)
        assert overlaps or not default

    def test_tq_3_3_a40_is_not_listed_where_no_period_is_partly_inside(self) -> None:
        """A-40 decides only about a period partly inside the window: a period wholly inside, a
        day and an attestation stating no period leave it out of the record."""
        inside = attestation(D(2024, 10, 8), period=Period(D(2023, 10, 1), D(2024, 9, 30)))
        for item in (inside, attestation(D(2024, 5, 1)), attestation(D(2024, 10, 8),
                     achieved_on=D(2023, 9, 1))):  # fmt: skip
            for readings in (None, self.OVERLAPS):
                a, _ = leaf([item], dossier_due=DUE, readings=readings)
                assert "A-40" not in {u.id for u in a.used}, item

    def test_tq_3_3_a40_is_not_listed_for_a_partial_period_no_evaluated_criterion_reads(
        self,
    ) -> None:
        """A-40 is the record's only when it decided about an item a criterion of the nominee
        read: a period partly inside the window attested for another field's criterion
        (TQ-3.2l, administrative reform) decides nothing for an agriculture cooperative, even
        beside a period wholly outside the window, set aside for that."""
        other = attestation(
            D(2024, 10, 8), "TQ-3.2l", period=Period(D(2023, 1, 1), D(2023, 12, 31))
        )
        before = attestation(D(2024, 10, 8), period=Period(D(2022, 1, 1), D(2022, 12, 31)))
        for readings in (None, self.OVERLAPS):
            a, node = leaf([other, before], dossier_due=DUE, readings=readings)
            assert [i.reason.code for i in node.ignored] == ["criteria.period_outside_window"]
            assert "A-40" not in {u.id for u in a.used}
            # The same period attested for the cooperative's own criterion is A-40's to decide.
            a, _ = leaf([attestation(D(2024, 10, 8), period=other.period), before],
                        dossier_due=DUE, readings=readings)  # fmt: skip
            assert "A-40" in {u.id for u in a.used}

    def test_tq_3_2d_a40_an_award_for_a_contest_straddling_the_window_counts_only_if_overlaps(
        self,
    ) -> None:
        """TQ-3.2đ “đoạt giải cao trong các kỳ thi, cuộc thi cấp tỉnh trở lên”: a prize awarded
        15/11/2023 for a contest held 01/09 – 15/10/2023 is judged on the contest's period, which
        starts before 01/10/2023 — not met by default, met under ``overlaps``."""
        prize = Award("province", "education", "competition", D(2023, 11, 15),
                      "Sở Giáo dục và Đào tạo", period=Period(D(2023, 9, 1), D(2023, 10, 15)))  # fmt: skip
        cid = "TQ-3.2đ.students"

        def node(readings: Readings | None) -> Any:
            n = Nominee("collective", ["education"], [prize])
            return assess(n, CATALOGUE, window=WINDOW, readings=readings).tree.find(cid)

        assert node(None).verdict is Verdict.UNKNOWN
        assert [i.reason.code for i in node(None).ignored] == ["criteria.period_outside_window"]
        assert node(self.OVERLAPS).verdict is Verdict.MET
        assert "criteria.period_overlaps_window" in {r.code for r in node(self.OVERLAPS).reasons}

    def test_tq_3_3_a40_a_round_recognises_on_a_straddling_period_only_under_overlaps(
        self,
    ) -> None:
        """A round considered 20/12/2024: N1's TQ-3.1a statement attests the calendar year 2023.
        By default N1 is incomplete (TQ-3.1a lacks a statement for the window) and the round
        lists A-40 ``wholly-inside``; under ``overlaps`` N1 is recognised and the round lists it."""
        from tests.round_builders import record

        item = attestation(D(2024, 10, 8), period=Period(D(2023, 1, 1), D(2023, 12, 31)))
        nominee = record(lacking=["TQ-3.1a"], extra=[item])
        inputs = make_round([nomination("N1", nominee=nominee)])
        default = run_round(inputs)
        assert default.outcome("N1").outcome is RoundOutcome.INCOMPLETE
        assert ("A-40", "wholly-inside") in {(u.id, u.reading) for u in default.used}
        overlaps = run_round(attrs.evolve(inputs, readings=self.OVERLAPS))
        assert overlaps.outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert ("A-40", "overlaps") in {(u.id, u.reading) for u in overlaps.used}

    def test_tq_3_3_a40_is_chosen_from_the_command_line_and_json(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A-40: ``dienhinh assess --read A-40=overlaps`` counts the straddling period, and the
        record's ``readings`` re-derive it from JSON."""
        item = attestation(D(2024, 10, 8), period=Period(D(2023, 1, 1), D(2023, 12, 31)))
        path = tmp_path / "nominee.json"
        doc = Nominee("collective", ["agriculture"], [item]).to_json()
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        args = ["assess", str(path), "--ruleset", "tuyen-quang-2023", "--from", "2023-10-01",
                "--to", "2024-09-30"]  # fmt: skip

        def tq_3_1a(record: Any) -> str:
            nodes = [record["tree"]]
            while nodes[0]["id"] != "TQ-3.1a":
                nodes = nodes[1:] + nodes[0]["children"]
            return str(nodes[0]["verdict"])

        assert main(args) == 0
        assert tq_3_1a(json.loads(capsys.readouterr().out)) == "unknown"
        assert main([*args, "--read", "A-40=overlaps"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert tq_3_1a(out) == "met"
        assert {"id": "A-40", "reading": "overlaps", "default": False} in out["interpretations"]
        again = reassess(out["inputs"])
        assert again.tree.find("TQ-3.1a").verdict is Verdict.MET
        assert assessment_document(again)["interpretations"] == out["interpretations"]


ATTEST_DAYS = st.dates(D(2023, 6, 1), D(2024, 12, 31))


class TestA27Properties:
    """Legal invariants of A-27 on a window 01/10/2023 – 30/09/2024 and the due date 29/10/2024."""

    @given(
        st.dates(D(2024, 10, 1), D(2024, 12, 20)).flatmap(
            lambda due: st.tuples(st.dates(D(2024, 10, 1), due), st.just(due))
        )
    )
    @example((D(2024, 10, 8), DUE))
    @example((DUE, DUE))
    def test_tq_3_3_a27_signed_after_the_window_by_the_due_date_counts_only_by_default(
        self, signed_due: tuple[dt.date, dt.date]
    ) -> None:
        """Signed in (window end, dossier due]: it counts under ``covers-window`` and not under
        ``signing-date``."""
        signed, due = signed_due
        assert WINDOW[1] < signed <= due
        assert leaf([attestation(signed)], dossier_due=due)[1].verdict is Verdict.MET
        assert leaf([attestation(signed)], dossier_due=due, readings=SIGNING)[1].verdict is (
            Verdict.UNKNOWN
        )

    @given(ATTEST_DAYS, st.sampled_from([None, D(2024, 9, 30), DUE, D(2024, 12, 20)]))
    def test_tq_3_3_a27_signed_within_window_open_and_due_counts(
        self, signed: dt.date, due: dt.date | None
    ) -> None:
        """An attestation stating no period counts by default exactly when it is signed inside
        the window or in (window open, dossier due]; under ``signing-date`` exactly inside the
        window — so whatever counts under ``signing-date`` counts by default."""
        start, end = WINDOW
        in_window = start <= signed <= end
        covered = due is not None and start < signed <= due
        default = leaf([attestation(signed)], dossier_due=due)[1].verdict is Verdict.MET
        signing = leaf([attestation(signed)], dossier_due=due, readings=SIGNING)[1].verdict
        assert default == (in_window or covered)
        assert (signing is Verdict.MET) == in_window
        assert default or signing is not Verdict.MET

    @given(ATTEST_DAYS, st.dates(D(2023, 6, 1), D(2024, 12, 31)))
    def test_tq_3_3_a_stated_day_decides_whatever_the_signing_day(
        self, achieved: dt.date, signed: dt.date
    ) -> None:
        """An attestation giving ``achieved_on`` is judged on that day alone, under both readings
        of A-27: the paper's date no longer matters."""
        assume(achieved <= signed)
        inside = WINDOW[0] <= achieved <= WINDOW[1]
        for readings in (None, SIGNING):
            item = attestation(signed, achieved_on=achieved)
            verdict = leaf([item], dossier_due=DUE, readings=readings)[1].verdict
            assert (verdict is Verdict.MET) == inside


# -- the round: the due date is the ruleset's dossier-submission deadline -------------------------


class TestTheRoundsDueDate:
    """TQ-8.3b: a round reads attestations against its ruleset's dossier-submission deadline."""

    def test_tq_8_3b_the_due_date_is_the_last_day_of_the_dossier_deadline(self) -> None:
        """“trước 30/10 hằng năm”: 29/10/2024 (A-1 strict), 30/10/2024 (inclusive); never after
        the consideration date; none for a ruleset without the deadline (Bắc Kạn's plan)."""
        assert dossier_due(TQ, D(2024, 12, 20)) == D(2024, 10, 29)
        inclusive = Readings({"A-1": "inclusive"})
        assert dossier_due(TQ, D(2024, 12, 20), readings=inclusive) == D(2024, 10, 30)
        assert dossier_due(TQ, D(2024, 10, 20)) == D(2024, 10, 20)
        assert dossier_due(load_ruleset("bac-kan-2021"), D(2024, 12, 20)) is None

    def test_tq_3_3_a27_a_round_recognises_on_attestations_signed_in_october(self) -> None:
        """Every attestation signed 08/10/2024 (the unit's council met 10/10): recognised by
        default; under A-27 ``signing-date`` the nominee is incomplete (nothing in the window)."""
        inputs = make_round([nomination("N1", on=D(2024, 10, 8))])
        decision = run_round(inputs)
        assert decision.outcome("N1").outcome is RoundOutcome.RECOGNISED
        assert ("A-27", "covers-window") in {(u.id, u.reading) for u in decision.used}
        strict = run_round(attrs.evolve(inputs, readings=SIGNING))
        assert strict.outcome("N1").outcome is RoundOutcome.INCOMPLETE

    def test_tq_8_3b_a27_an_attestation_signed_after_the_dossier_was_due_does_not_count(
        self,
    ) -> None:
        """Signed 05/11/2024, after the dossier was due (29/10): incomplete under both readings."""
        inputs = make_round([nomination("N1", on=D(2024, 11, 5))])
        assert run_round(inputs).outcome("N1").outcome is RoundOutcome.INCOMPLETE


# -- the demo and the examples keep their outcomes ------------------------------------------------


def _outcomes(decision: Any) -> dict[str, str]:
    return {o.nomination: o.outcome.value for o in decision.outcomes}


class TestTheShippedRoundsKeepTheirOutcomes:
    """Under the new defaults (A-3 one year, A-27 covers-window) the demo and the example round
    decide as under the old ones (A-3 literal, attestations judged on their signing dates)."""

    OLD = Readings({"A-3": "literal", "A-27": "signing-date"})

    def test_tq_3_3_the_demo_round_decides_as_before(self) -> None:
        inputs = demo()
        new, old = run_round(inputs), run_round(attrs.evolve(inputs, readings=self.OLD))
        assert _outcomes(new) == _outcomes(old)
        assert new.recognised == old.recognised
        assert new.national_pool == old.national_pool
        assert [b.to_json() for b in new.benefits] == [b.to_json() for b in old.benefits]
        assert new.window == (D(2023, 10, 1), D(2024, 9, 30))
        # The demo's October attestations are the case in point: the one-year window alone,
        # read on signing dates, would leave nominees incomplete.
        awaiting = demo(chair=False)
        paper = _outcomes(
            run_round(attrs.evolve(awaiting, readings=SIGNING, national_pool_size=None))
        )
        now = _outcomes(run_round(awaiting))
        newly_incomplete = {n for n, v in paper.items() if v == "incomplete" and now[n] != v}
        assert newly_incomplete, "the demo's October attestations count only under A-27's default"

    def test_tq_3_3_the_small_example_round_keeps_its_national_pool(self) -> None:
        """examples/rounds/small-tuyen-quang.json: HTX Chè Mỹ Bằng is recognised and its
        national_pool_size = 1 is still within the pool (its attestations are signed 05/10)."""
        text = (EXAMPLES / "rounds" / "small-tuyen-quang.json").read_text(encoding="utf-8")
        inputs = parse_round(json.loads(text))
        decision = run_round(inputs)
        assert decision.recognised == ("HTX-MY-BANG",)
        assert decision.national_pool is not None
        assert decision.national_pool.size == 1
        old = run_round(attrs.evolve(inputs, readings=self.OLD))
        assert _outcomes(old) == _outcomes(decision)


def test_tq_3_3_assess_on_the_command_line_reads_the_dossier_deadline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``dienhinh assess --on 2024-12-20``: the due date is the ruleset's dossier-submission
    deadline (29/10/2024); ``--read A-27=signing-date`` and ``--dossier-due`` change it."""
    items = [attestation(D(2024, 10, 8), cid) for cid in (*GENERAL, FIELD_LEAF)]
    path = tmp_path / "nominee.json"
    path.write_text(json.dumps(Nominee("individual", [FIELD], items).to_json()), encoding="utf-8")

    def run(*more: str) -> Any:
        assert main(["assess", str(path), "--ruleset", "tuyen-quang-2023", *more]) == 0
        return json.loads(capsys.readouterr().out)

    on = ("--on", CONSIDERED.isoformat())
    assert run(*on)["verdict"] == "met"
    assert run(*on)["inputs"]["dossier_due"] == "2024-10-29"
    assert run(*on, "--read", "A-27=signing-date")["verdict"] == "unknown"
    assert run(*on, "--dossier-due", "2024-10-07")["verdict"] == "unknown"
    explicit = ("--from", "2023-10-01", "--to", "2024-09-30")
    assert run(*explicit)["verdict"] == "unknown"
    assert run(*explicit, "--dossier-due", "2024-10-29")["verdict"] == "met"
    assert achievement_window(TQ, CONSIDERED).end == D(2024, 9, 30)
