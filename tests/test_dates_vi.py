"""Vietnamese texts write dates dd/mm/yyyy and moments in Vietnam time; English keeps ISO 8601.

Issue 10 (“Vietnamese dates dd/mm/yyyy in every text”): a reason's ``vi``, a report in Vietnamese,
an assessment's Vietnamese account, never an ISO date; the JSON fields and ``params`` stay ISO.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dienhinh import Readings, load_ruleset, run_round
from dienhinh._reasons import ReasonCode, _fields
from dienhinh.calendar import achievement_window, check_deadline, year_schedule
from dienhinh.criteria import assess
from dienhinh.io import demo, read_nominee
from dienhinh.report import render_report
from dienhinh.rulesets import load_catalogue
from tests.docgen import reason_codes

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ROOT = Path(__file__).resolve().parent.parent
UTC = dt.UTC


def vietnamese(doc: object) -> Iterator[str]:
    """Every Vietnamese string of a JSON document: the values of ``vi`` and of ``*_vi`` keys."""
    if isinstance(doc, dict):
        for k, v in doc.items():
            if isinstance(v, str) and (k == "vi" or k.endswith("_vi")):
                yield v
            else:
                yield from vietnamese(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from vietnamese(v)


def iso_in(texts: Iterator[str]) -> list[str]:
    return [t for t in texts if ISO_DATE.search(t)]


# -- every reason code, as docs/cards.md lists them ---------------------------------------------

CODES = [code for _, code in reason_codes()]


@pytest.mark.parametrize("code", CODES, ids=[c.code for c in CODES])
def test_every_reason_code_writes_a_date_dd_mm_yyyy_in_vietnamese(code: ReasonCode) -> None:
    """Every code of docs/cards.md: a date parameter reads 20/12/2024 in ``vi``, ISO in ``en``."""
    day = dt.date(2024, 12, 20)
    reason = code(None, **dict.fromkeys(code.params, day))
    assert not ISO_DATE.search(reason.vi), reason.vi
    assert not ISO_DATE.search(code.vi), "a template writes an ISO date of its own"
    if _fields(code.vi):
        assert "20/12/2024" in reason.vi
    if _fields(code.en):
        assert "2024-12-20" in reason.en
    assert all(v == "2024-12-20" for v in reason.params.values())  # JSON keeps ISO


@pytest.mark.parametrize("code", CODES, ids=[c.code for c in CODES])
def test_every_reason_code_writes_a_moment_in_vietnam_time(code: ReasonCode) -> None:
    """A-16: a timestamp reads “hh:mm ngày dd/mm/yyyy (giờ Việt Nam)” in every code's ``vi``."""
    at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=UTC)  # 01:30 on 30/10 in Vietnam
    reason = code(None, **dict.fromkeys(code.params, at))
    assert not ISO_DATE.search(reason.vi), reason.vi
    if _fields(code.vi):
        assert "01:30 ngày 30/10/2024 (giờ Việt Nam)" in reason.vi


# -- the texts the library writes ----------------------------------------------------------------


def test_the_demo_writes_no_iso_date_in_any_vietnamese_text() -> None:
    """The demo's full record (both stages) and its Vietnamese report: dates dd/mm/yyyy only."""
    awaiting, final = run_round(demo(chair=False)), run_round(demo())
    for record in (awaiting, final):
        doc = record.to_json()
        texts = list(vietnamese(doc))
        assert len(texts) > 100
        assert iso_in(iter(texts)) == []
        assert any(re.search(r"\b\d{2}/\d{2}/\d{4}\b", t) for t in texts)
    report = render_report(final, lang="vi", awaiting=awaiting)
    assert iso_in(iter(report.splitlines())) == []
    assert "2024-12-20" in render_report(final, lang="en", awaiting=awaiting)


def test_a_16_a_timestamp_reads_in_vietnam_time_in_vietnamese() -> None:
    """A-16, TQ-8.3b: 2024-10-29T18:30Z is 01:30 on 30/10/2024 in Vietnam; ``en`` and params ISO."""
    tq = load_ruleset("tuyen-quang-2023")
    at = dt.datetime(2024, 10, 29, 18, 30, tzinfo=UTC)
    stamp = check_deadline(tq, "dossier-submission", 2024, at).reasons[1]
    assert stamp.code == "deadline.timestamp"
    assert stamp.vi == (
        "Thời điểm 01:30 ngày 30/10/2024 (giờ Việt Nam) là ngày 30/10/2024 theo giờ Việt Nam "
        "(UTC+7) (A-16)."
    )
    assert stamp.en == (
        "The timestamp 2024-10-29T18:30:00+00:00 falls on 2024-10-30 in Vietnam time (UTC+7) (A-16)."
    )
    assert stamp.params["at"] == "2024-10-29T18:30:00+00:00"
    utc = check_deadline(
        tq, "dossier-submission", 2024, at, readings=Readings().choose("A-16", "utc")
    )
    assert utc.reasons[1].vi == (
        "Thời điểm 01:30 ngày 30/10/2024 (giờ Việt Nam) là ngày 29/10/2024 theo giờ UTC (A-16)."
    )


def test_a_16_a_second_before_midnight_keeps_its_seconds() -> None:
    """A-16: 16:59:59Z is 23:59:59 on 29/10 in Vietnam; the seconds are written when there are some."""
    tq = load_ruleset("tuyen-quang-2023")
    at = dt.datetime(2024, 10, 29, 16, 59, 59, tzinfo=UTC)
    stamp = check_deadline(tq, "dossier-submission", 2024, at).reasons[1]
    assert stamp.vi.startswith(
        "Thời điểm 23:59:59 ngày 29/10/2024 (giờ Việt Nam) là ngày 29/10/2024"
    )


def test_a_17_the_days_off_a_deadline_rolls_over_are_written_dd_mm_yyyy() -> None:
    """A-17, TQ-6.1a: 14/10/2023 is a Saturday; the days skipped read “14/10/2023 Thứ Bảy”."""
    pytest.importorskip("holidays")
    tq = load_ruleset("tuyen-quang-2023")
    readings = Readings().choose("A-17", "roll-over")
    check = check_deadline(tq, "unit-consideration", 2023, dt.date(2023, 10, 16), readings=readings)
    rolled = next(r for r in check.reasons if r.code == "deadline.rolled_over")
    assert "(14/10/2023 Thứ Bảy, 15/10/2023 Chủ Nhật)" in rolled.vi
    assert not ISO_DATE.search(rolled.vi)
    assert "2023-10-14" in rolled.en


def test_tq_3_3_the_emulation_years_last_day_is_written_dd_mm_yyyy() -> None:
    """TQ-3.3, A-3 ``emulation-year``: “đến hết ngày 30/09/2024”, not “2024-09-30”."""
    tq = load_ruleset("tuyen-quang-2023")
    readings = Readings().choose("A-3", "emulation-year")
    window = achievement_window(tq, dt.date(2024, 12, 20), readings=readings)
    period = next(r for r in window.reasons if r.code == "window.period")
    assert "đến hết ngày 30/09/2024" in period.vi
    assert not ISO_DATE.search(period.vi)
    assert "through 2024-09-30" in period.en


def test_kt_a_year_outside_the_letters_period_is_written_dd_mm_yyyy() -> None:
    """KT (4054/UBND-NC of 29/11/2022): 2021 is outside “29/11/2022 – …”; ``params`` keep ISO."""
    kt = load_ruleset("kon-tum-2022")
    outside = next(
        r for r in year_schedule(kt, 2021).reasons if r.code == "schedule.outside_effect"
    )
    assert "(29/11/2022 – …)" in outside.vi
    assert "(2022-11-29 – …)" in outside.en
    assert outside.params["period"] == "2022-11-29 – …"


def test_tq_3_3_an_assessments_vietnamese_account_writes_evidence_dates_dd_mm_yyyy() -> None:
    """TQ-3.3: the account in Vietnamese lists each piece of evidence with its date dd/mm/yyyy."""
    tq = load_catalogue("tuyen-quang-2023")
    window = (dt.date(2023, 10, 1), dt.date(2024, 12, 20))
    for path in sorted((ROOT / "examples" / "nominees").glob("tq-*.json")):
        nominee = read_nominee(path.read_text(encoding="utf-8"))
        result = assess(nominee, tq, window=window)
        text = result.render("vi")
        assert iso_in(iter(text.splitlines())) == [], path.name
        assert iso_in(vietnamese(json.loads(json.dumps(result.to_json())))) == [], path.name
    award = read_nominee((ROOT / "examples" / "nominees" / "tq-award.json").read_text("utf-8"))
    text = assess(award, tq, window=window).render("vi")
    assert "date=20/05/2024" in text
    assert "date=2024-05-20" in assess(award, tq, window=window).render("en")


# -- English keeps ISO in sentences, “19 July 2021” in a document's title -----------------------

DD_MM_YYYY = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def english(doc: object) -> Iterator[str]:
    """Every English string of a JSON document: the values of ``en`` and of ``*_en`` keys."""
    if isinstance(doc, dict):
        for k, v in doc.items():
            if isinstance(v, str) and (k == "en" or k.endswith("_en")):
                yield v
            else:
                yield from english(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from english(v)


@pytest.mark.parametrize(
    "ruleset", ["tuyen-quang-2023", "kon-tum-2022", "bac-kan-2021", "ninh-thuan-2023"]
)
def test_bk_kt_english_texts_write_no_vietnamese_style_date(ruleset: str) -> None:
    """BK (Plan 458/KH-UBND of 19 July 2021), KT (letter of 29 November 2022), A-15 (2025-07-01):
    English texts of a ruleset, its catalogue and citations never write dd/mm/yyyy."""
    rs = load_ruleset(ruleset)
    docs: list[object] = [rs.to_json()]
    if rs.catalogue is not None:
        docs.append(rs.catalogue.to_json())
    found = [t for d in docs for t in english(d) if DD_MM_YYYY.search(t)]
    assert found == []


def test_a_15_the_register_and_the_demo_write_english_dates_as_iso() -> None:
    """A-15 and every entry: the register's English readings, and the demo's English texts."""
    from dienhinh._interpretations import INTERPRETATIONS

    texts = [i.question for i in INTERPRETATIONS.values()]
    texts += [r.en for i in INTERPRETATIONS.values() for r in i.readings]
    texts += list(english(run_round(demo()).to_json()))
    assert [t for t in texts if DD_MM_YYYY.search(t)] == []
