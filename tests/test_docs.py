"""The documents a reviewer reads are complete and current."""

from __future__ import annotations

import pytest

from dienhinh import INTERPRETATIONS
from tests.docgen import GENERATED, ROOT, named_tests


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_documents_are_up_to_date(name: str) -> None:
    """A generated document equals what the code and tests render (run `python -m tests.docgen`)."""
    assert (ROOT / name).read_text(encoding="utf-8") == GENERATED[name]()


@pytest.mark.parametrize("id", list(INTERPRETATIONS))
def test_every_interpretation_has_a_test(id: str) -> None:
    """Each ambiguity A-1 … A-20 is exercised by a test whose docstring names it."""
    assert named_tests().get(id), f"no test names {id} in its docstring"
