"""Example cases for a criteria catalogue, and the check that they cover every rule id.

Each catalogue's example tests are data: a :class:`Case` says, in a sentence a
reviewer can check, which verdict one criterion gets for one nominee. Any
catalogue's tests reuse this module::

    CASES = [Case("a cooperative with a 3-star OCOP product in the window meets TQ-3.2c",
                  "TQ-3.2c", "met", nominee), ...]

    @pytest.mark.parametrize("case", CASES, ids=sentence)
    def test_example(case: Case) -> None:
        check(case, CATALOGUE)

    def test_every_rule_id_has_a_test_naming_it() -> None:
        assert coverage_gaps(CATALOGUE, CASES) == []

:func:`coverage_gaps` requires every **leaf** to have a met, a not met and an
unknown case, and every other rule id of the catalogue (composite criteria,
the standing, the field group) to be named by at least one case.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from dienhinh import Readings
from dienhinh.criteria import Assessment, Catalogue, Nominee, assess

__all__ = [
    "VERDICTS",
    "WINDOW",
    "Case",
    "Expected",
    "check",
    "coverage_gaps",
    "rule_ids",
    "sentence",
]

Expected = Literal["met", "not_met", "unknown"]
VERDICTS: tuple[Expected, ...] = ("met", "not_met", "unknown")

WINDOW = (dt.date(2023, 10, 1), dt.date(2024, 12, 15))
"""The default window of the examples: TQ-3.3 for a consideration on 15/12/2024."""


@attrs.frozen
class Case:
    """One example: the sentence, the criterion it is about, the verdict it expects, the inputs."""

    sentence: str
    criterion: str
    verdict: Expected
    nominee: Nominee
    window: tuple[dt.date, dt.date] = WINDOW
    readings: Readings = attrs.field(factory=Readings)
    missing: tuple[str, ...] = ()
    """Codes the criterion's missing facts must include (for unknown cases)."""


def sentence(case: Case) -> str:
    """The case's test id: its sentence."""
    return case.sentence


def _names(text: str, rule: str) -> bool:
    # "TQ-3.1" must not count as naming "TQ-3.1a" or "TQ-3.1c.model".
    return re.search(rf"(?<![\w.-]){re.escape(rule)}(?![\w-]|\.\w)", text) is not None


def check(case: Case, catalogue: Catalogue) -> Assessment:
    """Assess the case and assert what its sentence says; returns the assessment."""
    assert _names(case.sentence, case.criterion), f"the sentence does not name {case.criterion}"
    a = assess(case.nominee, catalogue, window=case.window, readings=case.readings)
    node = a.tree.find(case.criterion)
    assert node.verdict.value == case.verdict, a.render("en")
    if case.verdict == "unknown":
        assert node.missing, f"{case.criterion} is unknown without a missing fact"
        codes = {m.code for m in node.missing}
        assert set(case.missing) <= codes, (case.missing, codes)
    else:
        assert node.missing == ()
    return a


def rule_ids(catalogue: Catalogue) -> list[str]:
    """Every rule id a catalogue defines: the window, the standing, the field group, every criterion."""
    window = [] if catalogue.window_rule is None else [catalogue.window_rule.id]
    return [*window, catalogue.standing.id, catalogue.field_group.id, *catalogue.criteria]


def coverage_gaps(catalogue: Catalogue, cases: Iterable[Case]) -> list[str]:
    """What the cases leave untested: ``"<id>: <verdict>"`` for leaves, ``"<id>"`` otherwise."""
    cases = list(cases)
    seen: dict[str, set[str]] = {}
    for case in cases:
        seen.setdefault(case.criterion, set()).add(case.verdict)
    texts: Sequence[str] = [c.sentence for c in cases]
    gaps: list[str] = []
    for rid in rule_ids(catalogue):
        node = catalogue.criteria.get(rid)
        if node is not None and node.test is not None:
            gaps += [f"{rid}: {v}" for v in VERDICTS if v not in seen.get(rid, set())]
        elif not any(_names(t, rid) for t in texts):
            gaps.append(rid)
    return gaps
