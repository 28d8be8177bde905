"""Wording a legal reader signs (issue 10): what a date is called, articles, levels in the docs.

The citations and quotations themselves are pinned in tests/test_citations.py; the dates of
Vietnamese texts in tests/test_dates_vi.py.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from dienhinh import Citation, InvalidInputError, InvalidValueError, load_ruleset
from dienhinh._interpretations import INTERPRETATIONS
from dienhinh.calendar import check_deadline
from dienhinh.criteria import Award, AwardCategory, Level
from dienhinh.criteria._leaves import AwardTest
from dienhinh.io import read_nominee
from tests.docgen import reason_codes

ROOT = Path(__file__).resolve().parent.parent
LAC_SON = ROOT / "examples" / "rulesets" / "lac-son" / "lac-son-2025.toml"


# -- a council's meeting is not a submission ------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "day", "act_vi", "act_en"),
    [("hop-xet-co-so", dt.date(2025, 9, 26), "Họp xét ngày 26/09/2025", "Considered on 2025-09-26"),
     ("hop-xet-tinh", dt.date(2025, 12, 10), "Họp xét ngày 10/12/2025", "Considered on 2025-12-10"),
     ("nop-ho-so", dt.date(2025, 10, 17), "Nộp ngày 17/10/2025", "Submitted on 2025-10-17")],
)  # fmt: skip
def test_ls_6_1_a_meeting_deadline_is_known_by_its_role_not_its_name(
    deadline: str, day: dt.date, act_vi: str, act_en: str
) -> None:
    """LS-6.1: ``hop-xet-co-so`` has the role ``unit-consideration``, so its day is a meeting
    (“Họp xét ngày”), although its name does not say “consideration”; LS-6.2 is a submission."""
    check = check_deadline(load_ruleset(LAC_SON), deadline, 2025, day)
    last = check.reasons[-1]
    assert last.code == "deadline.on_time"
    assert last.vi.startswith(act_vi)
    assert last.en.startswith(act_en)


def test_a_16_a_timestamps_title_does_not_call_every_moment_a_submission() -> None:
    """A-16, TQ-6.1a: a timestamp checked against a council's meeting deadline is not “nộp”."""
    tq = load_ruleset("tuyen-quang-2023")
    at = dt.datetime(2024, 10, 10, 9, 0, tzinfo=dt.UTC)
    check = check_deadline(tq, "unit-consideration", 2024, at)
    stamp = check.reasons[1]
    assert stamp.code == "deadline.timestamp"
    assert "nộp" not in stamp.title_vi.lower()
    assert check.reasons[-1].vi.startswith("Họp xét ngày 10/10/2024")


# -- the levels, as the docs list them ------------------------------------------------------------


@pytest.mark.parametrize("doc", ["docs/criteria.md", "docs/criteria-format.md"])
def test_tq_3_1c_the_docs_list_every_level_lowest_first(doc: str) -> None:
    """TQ-3.1c: the docs order the levels as the code does, ``unit`` (a unit's own initiative
    council) first."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    start = text.index("**Levels**")
    chain = text[start : text.index("international", start) + len("international")]
    chain = re.sub(r"\([^)]*\)", "", chain)  # the glosses in brackets
    named = [part.split()[-1].strip("`") for part in chain.split("<")]
    assert named == [lv.value for lv in Level]


# -- English articles -----------------------------------------------------------------------------


def test_tq_3_2_an_award_without_a_category_is_asked_for_as_an_award() -> None:
    """TQ-3.2 (award leaves): “an award at provincial level or above”, not “a award”."""
    assert AwardTest(Level.PROVINCE).need_en() == "an award at provincial level or above"
    assert AwardTest(Level.PROVINCE, count=2).need_en() == "2 × award at provincial level or above"
    assert AwardTest(Level.PROVINCE, categories=frozenset({AwardCategory.PRIZE})).need_en() == (
        "a prize at provincial level or above"
    )


def test_tq_3_2_an_unknown_award_field_is_not_an_awardfield() -> None:
    """TQ-3.2: a field outside the vocabulary is refused as “not an AwardField”."""
    typo: Any = "educaton"  # a string from outside the type checker's sight
    with pytest.raises(InvalidValueError, match=r"is not an AwardField; allowed: general"):
        Award("province", typo, "competition", dt.date(2024, 5, 20), "Giải nhất")


def test_tq_3_2q_an_assets_contribution_reads_an() -> None:
    """TQ-3.2q: the unit of “an assets contribution”, not “a assets contribution”."""
    with pytest.raises(InvalidInputError, match="is not the unit of an assets contribution"):
        read_nominee(
            '{"kind": "individual", "fields": ["social-life"], "evidence": [{"type": "contribution", '
            '"kind": "assets", "amount": 5, "unit": "m2", "purpose": "site_clearance", '
            '"date": "2024-02-01"}]}'
        )


# -- the Vietnamese citation convention in prose ---------------------------------------------------

OLD_STYLE = re.compile(r"\b(?:TQ|KT|BK|NT), (?:Điều|Mục)|Điều \d+,? khoản|khoản \d+,? điểm")


def test_tq_every_vietnamese_text_cites_point_clause_article_in_that_order() -> None:
    """TQ (Quy định): “điểm b khoản 1 Điều 2 Quy định …”, never “Điều 2, khoản 1, điểm b” — in the
    register's readings and every reason template."""
    texts = [r.vi for i in INTERPRETATIONS.values() for r in i.readings]
    texts += [code.vi for _, code in reason_codes()]
    assert [t for t in texts if OLD_STYLE.search(t)] == []


def test_tq_the_cards_doc_shows_citations_as_the_library_writes_them() -> None:
    """TQ-6.2a: docs/cards.md's field table gives the citation as ``Citation`` renders it."""
    text = (ROOT / "docs" / "cards.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `citation` |"))
    c = Citation("TQ", article="6", clause="2", point="a")
    assert f"“{c.en}”" in row
    assert f"“{c.vi}”" in row
    assert "`title_vi`" in row
    assert "`opening`" in row
