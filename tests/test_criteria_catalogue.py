"""Reading a catalogue (docs/criteria-format.md): every problem of a file at once, nothing guessed."""

from __future__ import annotations

import copy
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from dienhinh import RulesetError
from dienhinh.criteria import parse_catalogue
from dienhinh.rulesets import load_catalogue

FORMAT_DOC = Path(__file__).resolve().parent.parent / "docs" / "criteria-format.md"


def example() -> dict[str, Any]:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    block = re.search(r"## 5\. A small complete example\n\n```toml\n(.*?)```", text, re.S)
    assert block is not None
    return tomllib.loads(block.group(1))


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(RulesetError) as e:
        parse_catalogue(data, source="t.toml")
    assert all(p.source == "t.toml" for p in e.value.problems)
    return [f"{p.where}: {p.message}" for p in e.value.problems]


def crit(data: dict[str, Any], cid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["criterion"] if c["id"] == cid)
    return found


def test_the_example_of_the_format_document_parses() -> None:
    """The format document's example is a valid catalogue: kinds resolved, variants per kind."""
    cat = parse_catalogue(example(), source="doc")
    assert cat.id == "example-2024"
    assert [c.id for c in cat.leaves][:2] == ["EX-1.1", "EX-1.2a-collective.ocop"]
    assert {k.value for k in cat.criteria["EX-1.2a-household.income"].applies_to} == {"household"}


def test_every_problem_is_reported_at_once() -> None:
    """An unknown key, a missing citation, a bad type and a dangling reference: four problems, one error."""
    data = example()
    crit(data, "EX-1.1")["colour"] = "red"
    del crit(data, "EX-1.2a-collective.fsc")["citation"]
    crit(data, "EX-1.2a-collective.ocop")["stars_at_least"] = "three"
    crit(data, "EX-1.2a-household")["all_of"] = ["EX-1.2a-household.income", "EX-9"]
    found = problems(data)
    assert any("EX-1.1).colour: unknown key" in p for p in found), found
    assert any("EX-1.2a-collective.fsc).citation: required key missing" in p for p in found), found
    assert any("stars_at_least: expected an integer" in p for p in found), found
    assert any("'EX-9' is not a criterion" in p for p in found), found


def test_unknown_keys_are_reported_as_such() -> None:
    """An unknown key is a problem of kind unknown_key, with the keys allowed."""
    data = example()
    data["colour"] = "red"
    with pytest.raises(RulesetError) as e:
        parse_catalogue(data, source="t.toml")
    (p,) = e.value.problems
    assert (p.kind, p.where) == ("unknown_key", "colour")
    assert p.allowed is not None
    assert "standing" in p.allowed


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: crit(d, "EX-1.2a-collective").update(joined_by="hoặc", all_of=crit(d, "EX-1.2a-collective").pop("any_of")),
         "“hoặc” is a disjunction: use any_of"),
        (lambda d: crit(d, "EX-1.2a-household").update(any_of=crit(d, "EX-1.2a-household").pop("all_of")),
         "needs note_vi/note_en saying why (A-14)"),
        (lambda d: crit(d, "EX-1.2a-household").update(joined_by="và"), "'và' is not a connective"),
        (lambda d: crit(d, "EX-1.1").update(id="TQ-1.1"), "does not start with the catalogue's document prefix"),
        (lambda d: crit(d, "EX-1.2a-household.income").pop("lookback"), "lookback: required key missing"),
        (lambda d: crit(d, "EX-1.2a-household.income").update(lookback={"years": 1}),
         "growth compares at least two years"),
        (lambda d: crit(d, "EX-1.2a-collective.ocop").update(stars_at_least=6), "must be 1 to 5"),
        (lambda d: crit(d, "EX-1.2a-collective.fsc").update(schemes=["iso"]), "'iso' is not a Scheme"),
        (lambda d: crit(d, "EX-1.2a-collective.fsc").update(evidence="medal"), "'medal' is not an evidence type"),
        (lambda d: crit(d, "EX-1.2a-collective.fsc").update(all_of=["EX-1.1", "EX-1.1"]),
         "exactly one of all_of, any_of, evidence"),
        (lambda d: crit(d, "EX-1.2a-collective").update(any_of=["EX-1.2a-collective.ocop"]),
         "at least two children"),
        (lambda d: crit(d, "EX-1.2a-household").update(all_of=["EX-1.2a-household.income", "EX-1.2a-collective.fsc"]),
         "is a child of both"),
        (lambda d: crit(d, "EX-1.2a-household.income").update(applies_to=["collective"]),
         "is not within its parent's"),
        (lambda d: crit(d, "EX-1.2a-household").update(applies_to=["household", "collective"]),
         "both apply to 'collective'; variants do not overlap"),
        (lambda d: d["standing"].update(general="EX-1.2a-collective.ocop"), "a standard is a root"),
        (lambda d: crit(d, "EX-1.1").update(applies_to=["collective"]), "no general standard applies to the kind"),
        (lambda d: d["criterion"].append({**crit(d, "EX-1.1"), "id": "EX-1.9"}), "is not reachable"),
        (lambda d: d["criterion"].append(copy.deepcopy(crit(d, "EX-1.1"))), "'EX-1.1' is given twice"),
        (lambda d: d["field"].append(copy.deepcopy(d["field"][0])), "'agriculture' is given twice"),
        (lambda d: d["field"][0].update(id="Nông nghiệp"), "is not a field slug"),
        (lambda d: crit(d, "EX-1.1").update(citation={"clause": "1"}), "names at least the article"),
        (lambda d: crit(d, "EX-1.1").update(citation={"article": "1", "division": "chapter"}), "division"),
        (lambda d: crit(d, "EX-1.1").pop("by_en"), "by_vi and by_en are given together"),
        (lambda d: d.update(format=2), "is not a format this version reads"),
        (lambda d: d.update(kinds=["family"]), "'family' is not a NomineeKind"),
        (lambda d: crit(d, "EX-1.2a-household.family").update(lookback={"years": 3, "through": "next-year"}),
         "through"),
    ],
    ids=[
        "hoặc read as all_of", "a semicolon list read as or without a note", "an unknown connective",
        "a rule id of another document", "a growth leaf without its look-back", "growth over one year",
        "six stars", "an unknown certificate scheme", "an unknown evidence type", "two structures in one node",
        "a combinator of one child", "a node with two parents", "a child for a kind its parent is not for",
        "two variants for one kind", "a sub-criterion used as a standard", "a kind with no general standard",
        "an unreachable criterion", "an id given twice", "a field given twice", "a field id that is not a slug",
        "a citation without an article", "a citation division that does not exist",
        "by_vi without by_en", "a format from the future", "a kind that does not exist",
        "a look-back to the future",
    ],
)  # fmt: skip
def test_a_broken_catalogue_names_its_problem(change: Any, expected: str) -> None:
    """Each way a catalogue can be wrong is a RulesetError whose problems say exactly what."""
    data = example()
    change(data)
    found = problems(data)
    assert any(expected in p for p in found), found


def test_a_toml_syntax_error_in_a_builtin_catalogue_would_be_a_ruleset_error(
    tmp_path: Path,
) -> None:
    """parse_catalogue reads data; a TOML file that is not a table of the format fails as a whole."""
    assert problems({})[:3] == ["format: required key missing", "catalogue: required key missing",
                                "document: required key missing"]  # fmt: skip


def test_the_tq_catalogue_round_trips_through_its_json() -> None:
    """The listing of `dienhinh criteria` has every criterion once, in tree order, with its citation."""
    tq = load_catalogue("tuyen-quang-2023")
    listing = tq.listing()
    assert [c["id"] for c in listing] == [c.id for c, _, _ in tq.walk()]
    assert sorted(c["id"] for c in listing) == sorted(tq.criteria)
    assert {c["role"] for c in listing} == {"general", "field", None}
    assert tq.digest == load_catalogue("tuyen-quang-2023").digest
