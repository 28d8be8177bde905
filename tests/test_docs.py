"""The documents a reviewer reads are complete and current."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pytest

from dienhinh import INTERPRETATIONS
from dienhinh.cli import main
from tests.docgen import (
    CARDS_END,
    CARDS_START,
    GENERATED,
    NOT_COMPUTED,
    ROOT,
    SPEC,
    code_mentions,
    named_tests,
    reason_codes,
    spec_ids,
    untested_ruleset_ids,
)

needs_spec = pytest.mark.skipif(
    not SPEC.exists(), reason=f"the specification {SPEC} is not beside the repository"
)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_documents_are_up_to_date(name: str) -> None:
    """A generated document equals what the code and tests render (run `python -m tests.docgen`)."""
    if name == "docs/traceability.md" and not SPEC.exists():
        pytest.skip(f"the specification {SPEC} is not beside the repository")
    assert (ROOT / name).read_text(encoding="utf-8") == GENERATED[name]()


@pytest.mark.parametrize("id", list(INTERPRETATIONS))
def test_every_interpretation_has_a_test(id: str) -> None:
    """Each ambiguity of the register is exercised by a test whose docstring names it."""
    assert named_tests().get(id), f"no test names {id} in its docstring"


# -- the traceability matrix ----------------------------------------------------------------------


@needs_spec
def test_no_rule_id_of_the_specification_is_silently_absent() -> None:
    """Each spec id is mentioned under src/ (code, ruleset, catalogue) or listed as not computed,
    with the reason, in tests/docgen.py."""
    absent = [rid for rid in spec_ids() if rid not in code_mentions() and rid not in NOT_COMPUTED]
    assert absent == [], f"neither computed nor said not to be: {absent}"


@needs_spec
def test_what_is_said_not_computed_is_a_rule_of_the_specification() -> None:
    """The list of rules not computed names spec ids only, each with a reason."""
    assert set(NOT_COMPUTED) <= set(spec_ids())
    assert all(reason.strip() for reason in NOT_COMPUTED.values())


@needs_spec
def test_the_specification_is_read_with_its_ranges_and_points_expanded() -> None:
    """Ranges (“a–q”, “2.1–2.12”) and the points a rule lists become ids of their own; the
    glossary's shorthand for the Bắc Kạn fields is not an id."""
    ids = spec_ids()
    fields = [rid for rid in ids if re.fullmatch(r"TQ-3\.2[a-zđ]", rid)]
    assert "".join(f[-1] for f in fields) == "abcdđeghiklmnopq"  # sixteen: no f, no j
    assert [rid for rid in ids if rid.startswith("BK-III.2.")] == [
        f"BK-III.2.{n}" for n in range(1, 13)
    ]
    assert {"TQ-3.1a", "TQ-3.1d", "TQ-7.1b", "TQ-7.1c", "NT-V.1đ", "KT-5", "BK-IV.1a"} <= set(ids)
    assert not [rid for rid in ids if rid.startswith("BK-2")]


def test_every_rule_id_of_the_rulesets_has_a_test_naming_it() -> None:
    """Every rule id of the rulesets, their criteria catalogues and the round's codes is asserted
    by a test: a string literal of its code or one of its parametrize ids, not a docstring or a
    comment (tests/docgen.py, ``code_strings``)."""
    assert untested_ruleset_ids() == [], "no test names these rule ids"


# -- the cards ------------------------------------------------------------------------------------


def test_the_reason_codes_are_unique_and_all_listed_in_the_cards_document() -> None:
    """Each module-level reason code appears once in docs/cards.md, between its markers."""
    text = (ROOT / "docs" / "cards.md").read_text(encoding="utf-8")
    table = text.split(CARDS_START, 1)[1].split(CARDS_END, 1)[0]
    codes = [code.code for _, code in reason_codes()]
    assert len(codes) == len(set(codes))
    assert re.findall(r"^\| `([^`]+)` \|", table, re.M) == codes


def _round_output(capsys: pytest.CaptureFixture[str], path: str) -> Any:
    assert main(["round", str(ROOT / path)]) == 0
    return json.loads(capsys.readouterr().out)


def _at(value: Any, where: str) -> Any:
    for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", where.removeprefix("$")):
        value = value[key] if key else value[int(index)]
    return value


def _codes(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {value["code"]} if {"code", "severity"} <= value.keys() else set()
        return found.union(*(_codes(v) for k, v in value.items() if k != "inputs"))
    if isinstance(value, list):
        return set().union(*(_codes(v) for v in value))
    return set()


def test_every_code_a_round_prints_is_in_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    """No reason code escapes the generated list: every code in the examples' output is there."""
    listed = {code.code for _, code in reason_codes()}
    for path in sorted((ROOT / "examples" / "rounds").glob("*.json")):
        printed = _codes(_round_output(capsys, str(path.relative_to(ROOT))))
        assert printed
        assert printed <= listed, printed - listed


BLOCK = re.compile(r"<!-- output of dienhinh round (\S+) at (\S+) -->\n```json\n(.*?)```", re.S)


def test_the_cards_shown_in_the_documents_are_what_the_library_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each JSON block of docs/cards.md marked as output is exactly what `dienhinh round` prints."""
    text = (ROOT / "docs" / "cards.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) >= 2
    for path, where, block in blocks:
        assert json.loads(block) == _at(_round_output(capsys, path), where), where


def test_the_documents_link_to_files_that_exist() -> None:
    """Every relative link of docs/*.md and the README points at a file of the repository."""
    broken = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            if "://" not in target and not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(ROOT)} → {target}")
    assert broken == []


def test_the_documents_are_nfc() -> None:
    """Vietnamese in the documents is NFC, as the library's own texts and ids are."""
    for doc in sorted((ROOT / "docs").glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, doc.name
