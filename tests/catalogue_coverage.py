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
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal, Protocol

import attrs

from dienhinh import NomineeKind, Readings
from dienhinh.criteria import Assessment, Catalogue, Evidence, Nominee, assess

__all__ = [
    "VERDICTS",
    "WINDOW",
    "Case",
    "Expected",
    "attestation_cases",
    "check",
    "composite_cases",
    "coverage_gaps",
    "evidence_for",
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


Measurable = Mapping[str, Sequence[tuple[str, Sequence[Evidence], Sequence[str]]]]
"""Per measurable leaf: its (met, not met, unknown) cases as (sentence, evidence, complete types)."""


class Who(Protocol):
    """A catalogue test's nominee factory: a nominee that declares the field ``cid`` belongs to."""

    def __call__(
        self, cid: str, evidence: Sequence[Evidence] = (), *, complete: Sequence[str] = ()
    ) -> Nominee: ...


def evidence_for(
    catalogue: Catalogue,
    measurable: Measurable,
    attest: Callable[..., Evidence],
    cid: str,
    verdict: Expected,
    kind: NomineeKind,
) -> tuple[list[Evidence], set[str]]:
    """Evidence that gives ``cid`` the ``verdict`` for a nominee of ``kind``, and the types declared complete.

    Leaves take their evidence from ``measurable`` or an attestation; an all-of fails on its
    first part (one failing part fails them all), an any-of on every alternative.
    """
    node = catalogue.criteria[cid]
    if node.test is not None:
        if cid in measurable:
            _, items, declared = measurable[cid][VERDICTS.index(verdict)]
            return list(items), set(declared)
        return [attest(cid, holds=verdict == "met")], set()
    kids = [c for c in node.children if kind in catalogue.criteria[c].applies_to]
    if verdict == "not_met" and node.structure == "all_of":
        kids = kids[:1]
    evidence: list[Evidence] = []
    complete: set[str] = set()
    for c in kids:
        e, k = evidence_for(catalogue, measurable, attest, c, verdict, kind)
        evidence += e
        complete |= k
    return evidence, complete


def attestation_cases(
    catalogue: Catalogue,
    *,
    who: Who,
    attest: Callable[..., Evidence],
    kind_of: Callable[[str], NomineeKind],
    window: tuple[dt.date, dt.date] = WINDOW,
) -> list[Case]:
    """A met, a not met and an unknown case for every attestation leaf of ``catalogue``."""
    from dienhinh.criteria import AttestationTest

    out = []
    for leaf in catalogue.leaves:
        if not isinstance(leaf.test, AttestationTest):
            continue
        cid, kind = leaf.id, kind_of(leaf.id).value
        out += [
            Case(f"a {kind} with a statement signed in the window that {cid} holds meets {cid}",
                 cid, "met", who(cid, [attest(cid)]), window),
            Case(f"a {kind} whose signed statement says {cid} does not hold does not meet {cid}",
                 cid, "not_met", who(cid, [attest(cid, holds=False)]), window),
            Case(f"a {kind} with no signed statement on {cid} is unknown on {cid}",
                 cid, "unknown", who(cid), window, missing=("criteria.ask.attestation",)),
        ]  # fmt: skip
    return out


def composite_cases(
    catalogue: Catalogue,
    *,
    measurable: Measurable,
    who: Who,
    attest: Callable[..., Evidence],
    kind_of: Callable[[str], NomineeKind],
    window: tuple[dt.date, dt.date] = WINDOW,
) -> list[Case]:
    """A met, a not met and an unknown case for every composite criterion of ``catalogue``.

    *met* gives evidence for every leaf below; *not met* gives evidence against one part of an
    all-of (one failing part fails them all) or against every alternative of an any-of;
    *unknown* gives none (see :func:`evidence_for`).
    """

    out = []
    for node in catalogue.criteria.values():
        if node.test is not None:
            continue
        cid, kind = node.id, kind_of(node.id)
        against = "one part" if node.structure == "all_of" else "every alternative"
        sentences: tuple[tuple[Expected, str], ...] = (
            ("met", f"a {kind.value} with evidence for every criterion under {cid} meets {cid}"),
            (
                "not_met",
                f"a {kind.value} with evidence against {against} of {cid} does not meet {cid}",
            ),
            ("unknown", f"a {kind.value} with no evidence for {cid} is unknown on {cid}"),
        )
        for verdict, text in sentences:
            if verdict == "unknown":
                out.append(Case(text, cid, "unknown", who(cid), window))
                continue
            evidence, complete = evidence_for(catalogue, measurable, attest, cid, verdict, kind)
            out.append(
                Case(text, cid, verdict, who(cid, evidence, complete=sorted(complete)), window)
            )
    return out
