"""An assessment as a decision record: verdict, the tree of sub-results, the missing facts.

The verdict is computed at once; the tree, the missing facts, the
interpretations used and the digest are derived from the evaluation on first
use (``functools.cached_property``), so assessing a whole province's nominees
formats no sentence that nobody reads.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

import attrs

from dienhinh._canonical import digest_of
from dienhinh._errors import InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._html import table
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._provenance import Rule
from dienhinh._reasons import Reason, day_vi
from dienhinh._repr import short as _short_repr
from dienhinh.criteria import _codes as codes
from dienhinh.criteria._catalogue import Catalogue
from dienhinh.criteria._evidence import Evidence
from dienhinh.criteria._nominee import Nominee
from dienhinh.criteria._verdict import Verdict

if TYPE_CHECKING:
    from dienhinh.criteria._engine import _Eval

__all__ = ["Assessment", "CriterionResult", "EvidenceUse", "IgnoredEvidence"]

_MARK = {Verdict.MET: "[✓]", Verdict.NOT_MET: "[✗]", Verdict.UNKNOWN: "[?]"}


@frozen
class EvidenceUse:
    """An item of evidence a criterion rested on; ``index`` is its place in ``nominee.evidence``."""

    index: int
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "evidence": self.evidence.to_json()}


@frozen
class IgnoredEvidence:
    """An item of evidence a criterion looked at and set aside, and why."""

    index: int
    evidence: Evidence
    reason: Reason

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "evidence": self.evidence.to_json(),
            "reason": self.reason.to_json(),
        }


@frozen
class CriterionResult:
    """One node of an assessment's tree.

    ``structure`` is ``all_of``/``any_of``/``evidence``; ``read_as`` what a
    combinator was evaluated as (a ``";"``-list is ``any_of`` under A-14
    ``semicolon-or``); ``years`` the years a look-back leaf looked at;
    ``missing`` the facts to ask for (only when the verdict is unknown);
    ``field`` the field slug when the node is a field's standard.
    """

    def __repr__(self) -> str:
        return _short_repr(
            f"<CriterionResult {self.id} {self.verdict.value}: {len(self.children)} children, {len(self.missing)} missing>"
        )

    rule: Rule
    title_vi: str
    title_en: str
    verdict: Verdict
    structure: str
    read_as: str | None
    joined_by: str | None
    evidence_type: str | None
    years: tuple[int, ...] | None
    used: tuple[EvidenceUse, ...]
    ignored: tuple[IgnoredEvidence, ...]
    missing: tuple[Reason, ...]
    reasons: tuple[Reason, ...]
    children: tuple[CriterionResult, ...]
    field: str | None = None

    @property
    def id(self) -> str:
        return self.rule.id

    def find(self, id: str) -> CriterionResult:
        """The node with ``id`` in this subtree (``KeyError`` if there is none)."""
        for node in self.walk():
            if node.id == id:
                return node
        raise KeyError(id)

    def walk(self) -> list[CriterionResult]:
        """This node and every node below it, depth first."""
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "citation": self.rule.citation.to_json(),
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "verdict": self.verdict.value,
            "structure": self.structure,
            "read_as": self.read_as,
            "joined_by": self.joined_by,
            "evidence_type": self.evidence_type,
            "field": self.field,
            "years": None if self.years is None else list(self.years),
            "used": [u.to_json() for u in self.used],
            "ignored": [i.to_json() for i in self.ignored],
            "missing": [m.to_json() for m in self.missing],
            "reasons": [r.to_json() for r in self.reasons],
            "children": [c.to_json() for c in self.children],
        }


@frozen
class Assessment:
    """A nominee assessed against a catalogue on the evidence inside a window: the record.

    ``verdict`` is ``met`` only when the general standard and the declared
    field standard(s) are met on the evidence; ``unknown`` comes with
    :attr:`missing`, the facts to ask the nominating unit for.
    """

    def __repr__(self) -> str:
        return _short_repr(
            f"<Assessment {self.catalogue.id} {self.verdict.value} ({self.window_start} – {self.window_end}): {len(self.nominee.evidence)} evidence, {len(self.missing)} missing>"
        )

    catalogue: Catalogue = attrs.field(repr=False)
    nominee: Nominee
    window_start: dt.date
    window_end: dt.date
    readings: Readings
    verdict: Verdict
    raw: _Eval = attrs.field(repr=False, eq=False, hash=False)
    """The evaluation the tree is derived from (internal)."""
    dossier_due: dt.date | None = attrs.field(default=None, kw_only=True)
    """The dossier's due date the attestations were read against (A-27), if one was given."""
    relied_on_a27: bool = attrs.field(default=False, kw_only=True, repr=False, eq=False)
    read_periods: bool = attrs.field(default=True, kw_only=True, repr=False, eq=False)
    """Whether a leaf read an item stating a period (internal; ``True`` unless known not)."""
    """Whether an evaluated attestation was one A-27's readings judge differently (internal:
    stating no period, signed after the window's end), noted as the evaluation ran."""

    @functools.cached_property
    def tree(self) -> CriterionResult:
        """The tree of sub-results, from the standing down to each leaf."""
        from dienhinh.criteria._engine import explain

        return explain(self)

    @functools.cached_property
    def missing(self) -> tuple[Reason, ...]:
        """What to ask the nominating unit for; empty unless the verdict is unknown.

        The :attr:`tree`'s ``missing``, found by walking only the unknown nodes of the
        evaluation: a round asks an incomplete nominee for facts without the whole tree."""
        from dienhinh.criteria._engine import missing_facts

        return missing_facts(self)

    @functools.cached_property
    def unused(self) -> tuple[int, ...]:
        """Indices of evidence no assessed criterion looked at (e.g. for an undeclared field)."""
        seen: set[int] = set()
        for node in self.tree.walk():
            seen.update(u.index for u in node.used)
            seen.update(i.index for i in node.ignored)
        return tuple(i for i in range(len(self.nominee.evidence)) if i not in seen)

    @functools.cached_property
    def used(self) -> tuple[UsedReading, ...]:
        """The readings of the ambiguities (A-13, A-14, A-15) this assessment relied on."""
        from dienhinh.criteria._engine import used_readings

        return used_readings(self)

    @functools.cached_property
    def digest(self) -> str:
        """``sha256:…`` over the nominee, the window, the catalogue and the readings."""
        return digest_of(
            "criteria-assessment", self._inputs(), {"readings": self.readings.to_json()}
        )

    def _inputs(self) -> dict[str, Any]:
        return {
            "ruleset": self.catalogue.id,
            "catalogue_digest": self.catalogue.digest,
            "window": {"start": self.window_start.isoformat(), "end": self.window_end.isoformat()},
            "nominee": self.nominee.to_json(),
            "readings": self.readings.to_json(),
        } | ({} if self.dossier_due is None else {"dossier_due": self.dossier_due.isoformat()})

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ``dienhinh assess``."""

        rule = self.catalogue.window_rule
        return {
            "kind": "criteria-assessment",
            "ruleset": self.catalogue.id,
            "verdict": self.verdict.value,
            "missing": [m.to_json() for m in self.missing],
            "window": {
                "start": self.window_start.isoformat(),
                "end": self.window_end.isoformat(),
                "rule": None if rule is None else rule.to_json(),
            },
            "tree": self.tree.to_json(),
            "unused": [
                {
                    "index": i,
                    "evidence": self.nominee.evidence[i].to_json(),
                    "reason": codes.NOT_LOOKED_AT(None).to_json(),
                }
                for i in self.unused
            ],
            "interpretations": [u.to_json() for u in self.used],
            "inputs": self._inputs(),
            "digest": self.digest,
        }

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat row per node of the tree, for ``pandas.DataFrame(a.to_rows())``."""
        rows: list[dict[str, Any]] = []

        def visit(node: CriterionResult, depth: int) -> None:
            rows.append({
                "id": node.id,
                "depth": depth,
                "verdict": node.verdict.value,
                "structure": node.read_as or node.structure,
                "title_en": node.title_en,
                "citation": node.rule.citation.en,
                "used": len(node.used),
                "ignored": len(node.ignored),
                "missing": len(node.missing),
            })  # fmt: skip
            for c in node.children:
                visit(c, depth + 1)

        visit(self.tree, 0)
        return rows

    def render(self, lang: str = "vi") -> str:
        """A readable account of the assessment in Vietnamese (``"vi"``) or English (``"en"``)."""
        if lang not in ("vi", "en"):
            raise InvalidValueError(
                "is not a language of the texts", field="lang", value=lang, allowed="vi, en"
            )
        vi = lang == "vi"
        s, e = self.window_start, self.window_end
        lines = [
            (f"Đánh giá theo {self.catalogue.id} — thời gian tính thành tích {s:%d/%m/%Y} – {e:%d/%m/%Y}"
             if vi else f"Assessment under {self.catalogue.id} — achievement window {s} – {e}"),
            (f"Kết quả: {self.verdict.vi}" if vi else f"Verdict: {self.verdict.value.replace('_', ' ')}"),
            "",
        ]  # fmt: skip

        def visit(node: CriterionResult, depth: int) -> None:
            cite = node.rule.citation.vi if vi else node.rule.citation.en
            title = node.title_vi if vi else node.title_en
            how = ""
            if node.read_as is not None:
                how = (" (tất cả)" if node.read_as == "all_of" else " (một trong)") if vi else (
                    " (all of)" if node.read_as == "all_of" else " (any of)")  # fmt: skip
            lines.append(f"{'  ' * depth}{_MARK[node.verdict]} {node.id} {title}{how} — {cite}")
            pad = "  " * (depth + 2)
            for u in node.used:
                lines.append(
                    f"{pad}{'căn cứ' if vi else 'used'}: #{u.index} {_short(u.evidence, vi)}"
                )
            for ig in node.ignored:
                text = ig.reason.vi if vi else ig.reason.en
                lines.append(
                    f"{pad}{'không tính' if vi else 'ignored'}: #{ig.index} {_short(ig.evidence, vi)} — {text}"
                )
            for r in node.reasons[1:]:
                lines.append(f"{pad}{r.vi if vi else r.en}")
            for c in node.children:
                visit(c, depth + 1)

        visit(self.tree, 0)
        if self.unused:
            lines += [
                "",
                "Không tiêu chí nào xét đến:" if vi else "Not looked at by any criterion:",
            ]
            lines += [f"  #{i} {_short(self.nominee.evidence[i], vi)}" for i in self.unused]
        if self.missing:
            lines += ["", "Cần bổ sung:" if vi else "Missing facts:"]
            for m in self.missing:
                rid = "" if m.rule is None else f"[{m.rule.id}] "
                lines.append(f"  - {rid}{m.vi if vi else m.en}")
        lines += ["", ("Cách hiểu đã áp dụng: " if vi else "Readings used: ")
                  + ", ".join(f"{u.id} {u.reading}" for u in self.used)]  # fmt: skip
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:

        return table(
            self.to_rows(),
            caption=f"{self.catalogue.id}: {self.verdict.value} ({self.window_start} – {self.window_end})",
        )


def _short(ev: Evidence, vi: bool) -> str:
    data = ev.to_json()
    data.pop("type")
    if vi and "date" in data and data["date"] is not None:
        data["date"] = day_vi(dt.date.fromisoformat(data["date"]))  # Vietnamese text: dd/mm/yyyy
    keep = [f"{k}={v}" for k, v in data.items() if k in _SHORT_KEYS]
    return f"{ev.TYPE}(" + ", ".join(keep) + ")"


_SHORT_KEYS = frozenset(
    {"level", "field", "category", "date", "stars", "product", "scheme", "name", "rating", "title",
     "grade", "year", "metric", "amount", "kind", "purpose", "criterion", "authority", "holds", "applied"}
)  # fmt: skip
