"""National documents as dated, cited data (issue 10: “national decrees are dated documents”)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dienhinh import RulesetError, dump_ruleset, load_ruleset, parse_ruleset
from dienhinh.cli import main
from dienhinh.rulesets import Subject, national_law

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
    in_force = [law.in_force(d) for d in (D(2023, 12, 31), D(2024, 1, 1), D(2025, 7, 1))]
    assert [None if d is None else d.number for d in in_force] == [
        "91/2017/NĐ-CP", "98/2023/NĐ-CP", "152/2025/NĐ-CP",
    ]  # fmt: skip
    for before, after in zip(law.documents, law.documents[1:], strict=False):
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


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_kt_a_ballot_document_needs_its_decision_date_and_re_derives_with_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Under kon-tum-2022 the ballot's rule is dated: `decided_on` picks it, and verify reads it."""
    doc = json.loads((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    doc["ruleset"] = "kon-tum-2022"
    path = tmp_path / "kt.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    status, out, err = _run(capsys, "ballot", str(path))
    assert (status, out) == (2, "")
    assert "decided_on=None: borrows a dated national ballot rule" in err
    assert "2024-01-01 … 2025-06-30 (NĐ98-ballot)" in err
    for day, cited in (("2023-12-26", "NĐ91-45.8"), ("2025-07-01", "NĐ152-ballot")):
        doc["decided_on"] = day
        path.write_text(json.dumps(doc), encoding="utf-8")
        status, out, _ = _run(capsys, "ballot", str(path))
        assert status == 0
        record = json.loads(out)
        assert record["inputs"]["decided_on"] == day
        notice = next(r for r in record["reasons"] if r["code"] == "ruleset.national_ballot")
        assert notice["rule"] == cited
        assert {r["rule"] for r in record["reasons"] if r["code"] == "ballot.threshold"} == {cited}
        saved = tmp_path / "record.json"
        saved.write_text(out, encoding="utf-8")
        status, verified, _ = _run(capsys, "verify", str(saved))
        assert status == 0
        assert json.loads(verified)["verified"] is True


def test_a_ballot_without_a_date_keeps_its_json() -> None:
    """`decided_on` appears in a ballot's inputs only when given: other records are unchanged."""
    from dienhinh.io import read_ballot

    inputs = read_ballot((EXAMPLES / "tie-at-last-slot.json").read_text(encoding="utf-8"))
    assert inputs.decided_on is None
    assert "decided_on" not in inputs.to_json()
