"""National documents as dated, cited data (issue 10: “national decrees are dated documents”)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from dienhinh import (
    InvalidValueError,
    Readings,
    RulesetError,
    dump_ruleset,
    load_ruleset,
    parse_ruleset,
    run_round,
)
from dienhinh._interpretations import INTERPRETATIONS
from dienhinh.rulesets import Subject, national_law
from dienhinh.voting import (
    Ballot,
    BallotInputs,
    BallotResult,
    Candidate,
    Cap,
    Council,
    count,
    count_votes,
    verify,
)
from tests.cli_records import assert_cites_and_verifies, run
from tests.round_builders import evidence_day, make_round, nomination

D = dt.date
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ballot"


def test_nd98_and_nd152_replace_one_another_without_a_gap() -> None:
    """Domain §9: Decree 98/2023 in force from 2024, replaced by Decree 152/2025 from 01/07/2025."""
    law = national_law()
    by_number = {d.number: d for d in law.documents}
    nd91, nd98, nd152 = (by_number[n] for n in ("91/2017/NĐ-CP", "98/2023/NĐ-CP", "152/2025/NĐ-CP"))
    assert (nd91.end, nd91.replaced_by) == (D(2023, 12, 31), "98/2023/NĐ-CP")
    assert (nd98.start, nd98.end, nd98.replaced_by) == (
        D(2024, 1, 1),
        D(2025, 6, 30),
        "152/2025/NĐ-CP",
    )
    assert (nd152.start, nd152.end, nd152.replaced_by) == (D(2025, 7, 1), None, None)
    days = (D(2023, 12, 31), D(2024, 1, 1), D(2025, 7, 1))
    in_force = [law.in_force(d, Subject.BALLOT) for d in days]
    assert [None if d is None else d.number for d in in_force] == [
        "91/2017/NĐ-CP", "98/2023/NĐ-CP", "152/2025/NĐ-CP",
    ]  # fmt: skip
    emulation = [nd91, nd98, nd152]
    for before, after in itertools.pairwise(emulation):
        assert before.replaced_by == after.number
        assert before.end is not None
        assert before.end + dt.timedelta(days=1) == after.start


def test_nd91_45_8_is_the_only_ballot_provision_not_to_verify() -> None:
    """Only Decree 91/2017 Art. 45.8's wording is given here (domain §9); the others are to verify,
    and no article number is guessed for them."""
    law = national_law()
    ballots = [law.provision(i, Subject.BALLOT) for i in law.ids(Subject.BALLOT)]
    assert [(p.rule.id, p.verify, p.rule.citation.article) for p in ballots] == [
        ("NĐ91-45.8", False, "45"), ("NĐ98-ballot", True, None), ("NĐ152-ballot", True, None),
    ]  # fmt: skip
    for p in ballots:
        assert p.ballot is not None
        assert p.ballot.rule == p.rule
        assert p.ballot.needed(10) == 9  # 90 % of the total membership
    cash = [law.provision(i, Subject.CASH_MULTIPLIERS) for i in law.ids(Subject.CASH_MULTIPLIERS)]
    assert all(p.verify and p.rule.citation.article is None for p in cash)


def test_an_unknown_national_id_is_a_load_error_listing_the_allowed() -> None:
    text = dump_ruleset(load_ruleset("bac-kan-2021")).replace('"NĐ152-ballot"', '"NĐ152-4.6"')
    with pytest.raises(RulesetError) as raised:
        parse_ruleset(text, source="bk.toml")
    (problem,) = raised.value.problems
    assert problem.where == "ballot.national[2]"
    assert "'NĐ152-4.6' is not a national ballot provision" in problem.message
    assert problem.allowed == "NĐ91-45.8, NĐ98-ballot, NĐ152-ballot"
    tq = dump_ruleset(load_ruleset("tuyen-quang-2023"))
    with pytest.raises(RulesetError) as raised:
        parse_ruleset(tq.replace('national = "NĐ98-merit-cash"', 'national = "NĐ98-ballot"'))
    assert raised.value.problems[0].allowed == "NĐ91-merit-cash, NĐ98-merit-cash, NĐ152-merit-cash"


def test_a_ruleset_giving_its_own_rule_and_a_national_one_is_refused() -> None:
    text = dump_ruleset(load_ruleset("kon-tum-2022")).replace(
        "[ballot]\n", '[ballot]\nthreshold = "9/10"\n'
    )
    with pytest.raises(RulesetError, match=r"ballot\.threshold: is not a key of this table"):
        parse_ruleset(text)


def test_tq_2_1b_stays_tuyen_quangs_own() -> None:
    """TQ-2.1b is the province's own rule: no national provision is borrowed, no notice given."""
    tq = load_ruleset("tuyen-quang-2023")
    assert tq.national_ballot is None
    for day in (D(2023, 12, 20), D(2024, 12, 20), D(2025, 12, 20)):
        rule = tq.ballot_on(day)
        assert rule is not None
        assert rule.rule.id == "TQ-2.1b"
        assert tq.ballot_notices(day) == ()


def test_kt_a_ballot_document_needs_its_decision_date_and_re_derives_with_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Under kon-tum-2022 the ballot's rule is dated: `decided_on` picks it, and verify reads it."""
    doc = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    doc["ruleset"] = "kon-tum-2022"
    path = tmp_path / "kt.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    status, out, err = run(capsys, "ballot", str(path))
    assert (status, out) == (2, "")
    assert "decided_on=None: borrows a dated national ballot rule" in err
    assert "2024-01-01 … 2025-06-30 (NĐ98-ballot)" in err
    for day, cited in (("2023-12-26", "NĐ91-45.8"), ("2025-07-01", "NĐ152-ballot")):
        doc["decided_on"] = day
        path.write_text(json.dumps(doc), encoding="utf-8")
        status, out, _ = run(capsys, "ballot", str(path))
        assert status == 0
        assert_cites_and_verifies(capsys, tmp_path, out, day, cited)


def test_a_ballot_without_a_date_keeps_its_json() -> None:
    """`decided_on` appears in a ballot's inputs only when given: other records are unchanged."""
    from dienhinh.io import read_ballot

    inputs = read_ballot((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    assert inputs.decided_on is None
    assert "decided_on" not in inputs.to_json()


# -- the documents' titles (issue 10: citations carry the document's title) ----------------------

LAW_TITLE = "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
TITLES = {
    "91/2017/NĐ-CP": LAW_TITLE,
    "98/2023/NĐ-CP": LAW_TITLE,
    "152/2025/NĐ-CP": LAW_TITLE,
    "24/2023/NĐ-CP": "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ "
    "trang",
    "73/2024/NĐ-CP": "Quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, "
    "viên chức và lực lượng vũ trang",
}


def test_every_national_document_has_its_title_to_verify() -> None:
    """The titles are not in the four documents and cannot be checked here: each is declared,
    in Vietnamese and English, and listed to verify; a citation shows it so."""
    law = national_law()
    assert {d.number: d.title_vi for d in law.documents} == TITLES
    for d in law.documents:
        assert d.title_en
        assert {"title_vi", "title_en"} <= set(d.verify)
        assert d.cited_title_vi == f"{d.title_vi} (tên gọi cần kiểm chứng)"
        assert d.cited_title_en == f"{d.title_en} (title to verify)"
    for p in law.provisions:
        data = p.rule.citation.to_json()
        assert (data["title_vi"], data["title_en"]) == (
            p.document.cited_title_vi,
            p.document.cited_title_en,
        )


def _citations(value: Any) -> list[dict[str, Any]]:
    """Every citation object in a JSON value."""
    if isinstance(value, dict):
        here = [value] if "document" in value and "vi" in value and "title_vi" in value else []
        return here + [c for v in value.values() for c in _citations(v)]
    if isinstance(value, list):
        return [c for v in value for c in _citations(v)]
    return []


def _national(value: Any) -> list[dict[str, Any]]:
    return [c for c in _citations(value) if c["document"].startswith("Nghị định ")]


@pytest.mark.parametrize("ruleset", ["kon-tum-2022", "bac-kan-2021", "ninh-thuan-2023"])
@pytest.mark.parametrize("day", [D(2023, 12, 20), D(2024, 12, 20), D(2025, 7, 10)])
def test_nd91_nd98_nd152_every_national_citation_of_a_round_carries_its_title(
    ruleset: str, day: dt.date
) -> None:
    """A round under a ruleset that borrows the national ballot cites the decree in force on its
    decision date, with that decree's title, in every reason (ballot and notice alike)."""
    rs = load_ruleset(ruleset)
    on = day - dt.timedelta(days=60)
    # Kon Tum has no catalogue of its own (a nominee is read under Tuyên Quang's standards, as
    # tests.round_builders makes it); the others' ballots are noticed at the round's head.
    nominations = (
        [nomination("a", on=on), nomination("b", on=on)] if ruleset == "kon-tum-2022" else []
    )
    inputs = make_round(nominations, ruleset=rs, considered_on=day, dossiers=[])
    record = run_round(inputs).to_json()
    cited = _national(record)
    assert cited
    if nominations:
        ballot = [
            r for o in record["outcomes"] for r in o["reasons"] if r["code"].startswith("ballot.")
        ]
        assert ballot
        assert all(r["citation"]["title_vi"] for r in ballot)
    number = national_law().in_force(day, Subject.BALLOT)
    assert number is not None
    assert {c["document"] for c in cited} == {number.name}
    for c in cited:
        assert c["title_vi"] == f"{TITLES[number.number]} (tên gọi cần kiểm chứng)"
        assert c["title_en"] == number.cited_title_en


def test_nd24_nd73_the_tq_rulesets_national_citations_carry_their_titles() -> None:
    """TQ's base-salary and multiplier rows cite national provisions: each with its title."""
    cited = _national(load_ruleset("tuyen-quang-2023").to_json())
    assert {c["document"] for c in cited} == {
        "Nghị định 24/2023/NĐ-CP", "Nghị định 73/2024/NĐ-CP", "Nghị định 91/2017/NĐ-CP",
        "Nghị định 98/2023/NĐ-CP", "Nghị định 152/2025/NĐ-CP",
    }  # fmt: skip
    for c in cited:
        number = c["document"].removeprefix("Nghị định ")
        assert c["title_vi"] == f"{TITLES[number]} (tên gọi cần kiểm chứng)"


def test_a_national_document_cited_by_name_in_a_ruleset_file_carries_its_title() -> None:
    """A ruleset of one's own citing `document = "Nghị định 152/2025/NĐ-CP"` gets its title too;
    a document the national file does not declare gets none."""
    text = dump_ruleset(load_ruleset("tuyen-quang-2023")).replace(
        'national = "NĐ152-merit-cash"',
        'rule = "MY-cash"\ncitation = { document = "Nghị định 152/2025/NĐ-CP", article = "9" }',
    )
    mine = parse_ruleset(text)
    assert mine.benefits is not None
    last = mine.benefits.multipliers.entries[-1].rule
    assert last.id == "MY-cash"
    assert last.citation.to_json()["title_vi"] == f"{LAW_TITLE} (tên gọi cần kiểm chứng)"
    other = parse_ruleset(text.replace("Nghị định 152/2025/NĐ-CP", "Nghị định 1/2099/NĐ-CP"))
    assert other.benefits is not None
    assert other.benefits.multipliers.entries[-1].rule.citation.to_json()["title_vi"] is None


# -- the base salary (issue 10: national decrees are dated documents) ----------------------------


def test_nd24_3_2_and_nd73_3_2_the_base_salary_rows_cite_the_decree_in_force() -> None:
    """Domain §9: 1,800,000 VND from 01/07/2023 (Decree 24/2023), 2,340,000 from 01/07/2024
    (Decree 73/2024); each row cites its decree from the national file, amounts unchanged."""
    tq = load_ruleset("tuyen-quang-2023")
    assert tq.benefits is not None
    rows = tq.benefits.base_salary
    law = national_law()
    for day, value, rid in (
        (D(2023, 7, 1), 1_800_000, "NĐ24-3.2"),
        (D(2024, 6, 30), 1_800_000, "NĐ24-3.2"),
        (D(2024, 7, 1), 2_340_000, "NĐ73-3.2"),
        (D(2025, 12, 20), 2_340_000, "NĐ73-3.2"),
    ):
        row = rows.at(day)
        assert (row.value, row.rule.id) == (value, rid)
        p = law.provision(rid, Subject.BASE_SALARY)
        assert row.rule is p.rule
        assert p.document.covers(day)
        assert law.in_force(day, Subject.BASE_SALARY) is p.document
    assert law.provision("NĐ24-3.2").rule.citation.vi == "khoản 2 Điều 3 Nghị định 24/2023/NĐ-CP"
    assert 'national = "NĐ24-3.2"' in dump_ruleset(tq)


def test_nd24_3_2_a_base_salary_row_outside_its_decrees_period_is_a_load_error() -> None:
    text = dump_ruleset(load_ruleset("tuyen-quang-2023"))
    with pytest.raises(RulesetError) as raised:
        parse_ruleset(text.replace('national = "NĐ24-3.2"', 'national = "NĐ73-3.2"'))
    (problem,) = raised.value.problems
    assert problem.where == "benefits.base_salary[0].from"
    assert "outside the period of Decree 73/2024/NĐ-CP (2024-07-01 … (open))" in problem.message
    with pytest.raises(RulesetError) as raised:
        parse_ruleset(text.replace('national = "NĐ24-3.2"', 'national = "NĐ91-merit-cash"'))
    assert raised.value.problems[0].allowed == "NĐ24-3.2, NĐ73-3.2"


def test_each_series_of_national_documents_replaces_one_another_without_a_gap() -> None:
    """A document's successor starts the day after it ends, and each subject has one document
    in force on any day from the first's start."""
    law = national_law()
    by_number = {d.number: d for d in law.documents}
    for d in law.documents:
        if d.replaced_by is not None:
            assert d.end is not None
            assert by_number[d.replaced_by].start == d.end + dt.timedelta(days=1)
    for subject, day, number in (
        (Subject.BASE_SALARY, D(2024, 6, 30), "24/2023/NĐ-CP"),
        (Subject.BASE_SALARY, D(2024, 7, 1), "73/2024/NĐ-CP"),
        (Subject.CASH_MULTIPLIERS, D(2024, 7, 1), "98/2023/NĐ-CP"),
        (Subject.TIE_BREAK, D(2025, 7, 1), "152/2025/NĐ-CP"),
    ):
        found = law.in_force(day, subject)
        assert found is not None
        assert found.number == number
    assert law.in_force(D(2025, 6, 30), Subject.TIE_BREAK) is None


# -- NĐ152-4.6: the women-first tie-break, dated (issue 10) ----------------------------------------

WOMEN_FIRST_TQ = load_ruleset("tuyen-quang-2023")


def _women_first_round(
    considered_on: dt.date, decided_on: dt.date, readings: Readings | None = None
) -> dict[str, Any]:
    """A TQ variant whose ballot prefers women, one slot, a woman and a man tied at 10 of 10."""
    tq = WOMEN_FIRST_TQ
    assert tq.ballot is not None
    assert tq.cap is not None
    mine = tq.variant(
        "tq-women-first",
        ballot=attrs.evolve(tq.ballot, tie_break="women_first"),
        cap=attrs.evolve(tq.cap, slots=1),
    )
    on = evidence_day(considered_on)
    nominations = [nomination("Hoa", on=on, women_priority=True), nomination("Minh", on=on)]
    inputs = make_round(
        nominations, ruleset=mine, considered_on=considered_on, decided_on=decided_on,
        readings=readings,
    )  # fmt: skip
    return run_round(inputs).to_json()


def _used(record: dict[str, Any]) -> set[tuple[str, str]]:
    return {(u["id"], u["reading"]) for u in record["interpretations"]}


def _cited_ids(record: dict[str, Any]) -> set[str]:
    reasons = [*record["reasons"], *(r for o in record["outcomes"] for r in o["reasons"])]
    return {r["rule"] for r in reasons if r["rule"] is not None}


def test_nd152_4_6_a_round_decided_from_1_july_2025_prefers_the_woman_and_cites_the_decree() -> (
    None
):
    record = _women_first_round(D(2025, 6, 20), D(2025, 7, 1))
    assert record["status"] == "final"
    outcomes = {o["nominee"]: o for o in record["outcomes"]}
    assert outcomes["Hoa"]["outcome"] == "recognised"
    assert outcomes["Minh"]["outcome"] == "not_recognised"
    women = next(r for r in outcomes["Hoa"]["reasons"] if r["code"] == "ballot.women_priority")
    assert women["rule"] == "NĐ152-4.6"
    assert women["citation"]["vi"] == "khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP"
    assert women["citation"]["title_vi"] == f"{LAW_TITLE} (tên gọi cần kiểm chứng)"
    assert "NĐ152-4.6" in _cited_ids(record)


def test_nd152_4_6_a_round_decided_before_1_july_2025_neither_applies_nor_cites_it() -> None:
    """Decided on 30/06/2025, under Decree 98/2023: no woman is preferred by a rule, the tie goes
    to the chair, and nothing cites Decree 152/2025."""
    record = _women_first_round(D(2025, 6, 20), D(2025, 6, 30))
    assert record["status"] == "awaiting_chair"
    assert "NĐ152-4.6" not in _cited_ids(record)
    assert not [c for c in _citations(record) if "152/2025" in c["document"]]
    codes = {r["code"] for o in record["outcomes"] for r in o["reasons"]}
    assert "ballot.women_priority" not in codes
    assert "ballot.tie_at_cutoff" in codes


def test_nd152_4_6_the_ruleset_gives_the_tie_rule_by_decision_date() -> None:
    tq = WOMEN_FIRST_TQ
    assert tq.ballot is not None
    mine = tq.variant("tq-women-first", ballot=attrs.evolve(tq.ballot, tie_break="women_first"))
    after = mine.ballot_on(D(2025, 7, 1))
    before = mine.ballot_on(D(2025, 6, 30))
    assert after is not None
    assert before is not None
    assert (after.tie_break.value, after.tie_rule) == (
        "women_first", national_law().provision("NĐ152-4.6", Subject.TIE_BREAK).rule,
    )  # fmt: skip
    assert (before.tie_break.value, before.tie_rule) == ("chair", None)
    with pytest.raises(InvalidValueError, match="decided_on=None: applies the women-first"):
        mine.ballot_on(None)
    assert tq.ballot_on(None) == tq.ballot  # TQ-2.1b's chair needs no day


def test_nd152_4_6_a_ballot_under_a_women_first_ruleset_file_by_decision_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`dienhinh ballot --ruleset my-province.toml --decided-on …`: Hoa and Minh tie for the last
    slot; from 01/07/2025 the woman is taken by NĐ152-4.6, before it the chair is asked."""
    mine = str(EXAMPLES.parent / "rulesets" / "my-province.toml")
    doc = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    doc["ruleset"] = load_ruleset(mine).id
    ballot = tmp_path / "ballot.json"
    ballot.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    records = {}
    for day in ("2025-07-01", "2025-06-30"):
        status, out, err = run(
            capsys, "ballot", str(ballot), "--ruleset", mine, "--decided-on", day
        )
        assert (status, err) == (0, "")
        records[day] = json.loads(out)
    after, before = records["2025-07-01"], records["2025-06-30"]
    # Three tie at 9 approvals for the two slots left: the woman first, then the chair.
    assert after["ties"][0]["preferred"] == ["Nguyễn Thị Hoa"]
    assert "Nguyễn Thị Hoa" in after["recognised"]
    assert "NĐ152-4.6" in {r["rule"] for o in after["outcomes"] for r in o["reasons"]}
    assert before["ties"][0]["preferred"] == []
    assert "Nguyễn Thị Hoa" not in before["recognised"]
    assert "NĐ152-4.6" not in {r["rule"] for o in before["outcomes"] for r in o["reasons"]}
    assert (after["status"], before["status"]) == ("awaiting_chair", "awaiting_chair")


def test_a_41_chair_a_round_before_the_decree_lists_the_reading_it_used() -> None:
    """A-41 ``chair`` (default): decided on 30/06/2025 the women-first step is not applied, and the
    record says which reading made it so; decided on 01/07/2025 the decree decides, A-41 unused."""
    before = _women_first_round(D(2025, 6, 20), D(2025, 6, 30))
    assert ("A-41", "chair") in _used(before)
    assert before["status"] == "awaiting_chair"
    after = _women_first_round(D(2025, 6, 20), D(2025, 7, 1))
    assert "A-41" not in {u for u, _ in _used(after)}


def test_a_41_ruleset_policy_women_first_before_the_decree_cites_the_rulesets_rule() -> None:
    """A-41 ``ruleset-policy``: decided on 30/06/2025 the woman is still taken first, as the
    ruleset's own policy, and the reason cites the ruleset's ballot rule (TQ-2.1b here), never
    Decree 152/2025."""
    policy = Readings().choose("A-41", "ruleset-policy")
    record = _women_first_round(D(2025, 6, 20), D(2025, 6, 30), policy)
    assert record["status"] == "final"
    outcomes = {o["nominee"]: o for o in record["outcomes"]}
    assert outcomes["Hoa"]["outcome"] == "recognised"
    women = next(r for r in outcomes["Hoa"]["reasons"] if r["code"] == "ballot.women_priority")
    assert women["rule"] == "TQ-2.1b"
    assert "NĐ152-4.6" not in _cited_ids(record)
    assert not [c for c in _citations(record) if "152/2025" in c["document"]]
    assert ("A-41", "ruleset-policy") in _used(record)
    # From 01/07/2025 the decree itself decides, whatever A-41 says.
    after = _women_first_round(D(2025, 6, 20), D(2025, 7, 1), policy)
    hoa = next(o for o in after["outcomes"] if o["nominee"] == "Hoa")
    assert "NĐ152-4.6" in {r["rule"] for r in hoa["reasons"]}


def test_a_41_ruleset_policy_a_ballot_document_chooses_it_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The ballot JSON's `readings` (or `--read A-41=…`) reach the ruleset's tie-break."""
    mine = str(EXAMPLES.parent / "rulesets" / "my-province.toml")
    doc = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    doc["ruleset"] = load_ruleset(mine).id
    ballot = tmp_path / "ballot.json"
    ballot.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    args = ("ballot", str(ballot), "--ruleset", mine, "--decided-on", "2025-06-30")
    status, out, err = run(capsys, *args, "--read", "A-41=ruleset-policy")
    assert (status, err) == (0, "")
    record = json.loads(out)
    assert record["ties"][0]["preferred"] == ["Nguyễn Thị Hoa"]
    cited = {r["rule"] for o in record["outcomes"] for r in o["reasons"]}
    assert "NĐ152-4.6" not in cited
    assert "EX-2.1" in cited
    status, out, _ = run(capsys, *args)
    assert status == 0
    assert json.loads(out)["ties"][0]["preferred"] == []


def _women_first_ballot(decided_on: dt.date, readings: Readings | None = None) -> BallotResult:
    """The TQ women-first variant's own rule for ``decided_on``: one slot, a woman and a man tied
    at 3 of 3, counted in Python as a ruleset's ballot (the rule from ``ballot_on``)."""
    tq = WOMEN_FIRST_TQ
    assert tq.ballot is not None
    mine = tq.variant("tq-women-first", ballot=attrs.evolve(tq.ballot, tie_break="women_first"))
    rule = mine.ballot_on(decided_on, readings)
    assert rule is not None
    council = Council(["m1", "m2", "m3"], chair="m1")
    ballots = [Ballot(m, ["Hoa", "Minh"]) for m in council.members]
    nominees = [Candidate("Hoa", women_priority=True), Candidate("Minh")]
    return count(
        BallotInputs(
            council=council, nominees=nominees, ballots=ballots, rule=rule, cap=Cap(1),
            readings=readings or Readings(), ruleset=mine.id, decided_on=decided_on,
        )
    )  # fmt: skip


def _listed(result: BallotResult) -> set[tuple[str, str]]:
    return {(u.id, u.reading) for u in result.used}


def test_nd152_4_6_a_41_a_ballot_decided_before_the_decree_lists_the_reading_it_used() -> None:
    """A-41 in a ballot record (`BallotResult.used` and its JSON), as in a round's: decided on
    30/06/2025, the default `chair` leaves the tie to the chair and says so; `ruleset-policy`
    takes the woman and says so; decided on 01/07/2025 the decree decides and A-41 is not listed."""
    chair = _women_first_ballot(D(2025, 6, 30))
    assert chair.status.value == "awaiting_chair"
    assert ("A-41", "chair") in _listed(chair)
    assert {"id": "A-41", "reading": "chair", "default": True} in chair.to_json()["interpretations"]
    policy = _women_first_ballot(D(2025, 6, 30), Readings().choose("A-41", "ruleset-policy"))
    assert (policy.status.value, policy.recognised) == ("final", ("Hoa",))
    assert ("A-41", "ruleset-policy") in _listed(policy)
    listed = policy.to_json()["interpretations"]
    assert {"id": "A-41", "reading": "ruleset-policy", "default": False} in listed
    assert [u["id"] for u in listed] == sorted(
        {u["id"] for u in listed}, key=list(INTERPRETATIONS).index
    )
    assert verify(policy) is policy
    after = _women_first_ballot(D(2025, 7, 1), Readings().choose("A-41", "ruleset-policy"))
    assert after.recognised == ("Hoa",)
    assert "A-41" not in {i for i, _ in _listed(after)}


def test_tq_2_1b_a_chair_tie_break_never_lists_a_41() -> None:
    """TQ-2.1b's own tie-break is the chair's: no women-first step, nothing for A-41 to decide."""
    tq = load_ruleset("tuyen-quang-2023")
    rule = tq.ballot_on(D(2025, 6, 30), Readings().choose("A-41", "ruleset-policy"))
    assert rule is not None
    assert rule.used == ()
    result = count_votes(
        Council(["m1", "m2"], chair="m1"), ["a"], [Ballot("m1", ["a"]), Ballot("m2", ["a"])],
        rule=rule,
    )  # fmt: skip
    assert "A-41" not in {i for i, _ in _listed(result)}


def test_nd152_4_6_a_41_the_ballot_command_lists_the_reading_it_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`dienhinh ballot --ruleset … --decided-on 2025-06-30`: the record's `interpretations` list
    A-41 under either reading (`--read A-41=…`); decided on 01/07/2025 they do not."""
    mine = str(EXAMPLES.parent / "rulesets" / "my-province.toml")
    doc = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    doc["ruleset"] = load_ruleset(mine).id
    ballot = tmp_path / "ballot.json"
    ballot.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    args = ("ballot", str(ballot), "--ruleset", mine, "--decided-on")
    listed = {}
    for day, read in (
        ("2025-06-30", ()), ("2025-06-30", ("--read", "A-41=ruleset-policy")),
        ("2025-07-01", ("--read", "A-41=ruleset-policy")),
    ):  # fmt: skip
        status, out, err = run(capsys, *args, day, *read)
        assert (status, err) == (0, "")
        listed[day, read] = _used(json.loads(out))
    assert ("A-41", "chair") in listed["2025-06-30", ()]
    assert ("A-41", "ruleset-policy") in listed["2025-06-30", ("--read", "A-41=ruleset-policy")]
    assert "A-41" not in {i for i, _ in listed["2025-07-01", ("--read", "A-41=ruleset-policy")]}
