"""A round's decision for a notebook: typed rows (wide and long) and the HTML views.

``to_rows(lang=…)`` gives one row per nomination whose values have one type per column
(dates as :class:`datetime.date`, counts as ``int`` — 0, never ``None``, where a nominee was
not on the ballot — so ``pandas.DataFrame(rows)`` gets ``int64`` and ``datetime`` columns);
``reason_rows`` and ``floor_rows`` are long-format, one row per reason and per floor. The
HTML view opens with a summary (ruleset and status, the draft banner, level, dates, window,
threshold, counts by outcome, the tie and the chair's choice), then a compact styled table.
pandas is never imported: the rows are plain dicts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Final, Literal, TypedDict

from dienhinh._effect import NOTICE_CODES
from dienhinh._html import STYLE as _STYLE
from dienhinh._html import citation_text, escape
from dienhinh._html import reason_item as _reason_li
from dienhinh._labels import label
from dienhinh._reasons import Reason, Severity

if TYPE_CHECKING:
    from dienhinh.round._run import NominationOutcome, RoundDecision

__all__ = [
    "FloorRow",
    "Lang",
    "OutcomeRow",
    "ReasonRow",
    "floor_rows",
    "outcome_html",
    "reason_rows",
    "round_html",
    "rows",
]

Lang = Literal["vi", "en"]


class OutcomeRow(TypedDict):
    """One nomination in :meth:`RoundDecision.to_rows`: one type per column."""

    nominee: str
    name: str | None
    unit: str
    kind: str
    kind_label: str
    outcome: str
    outcome_label: str
    on_ballot: bool
    approvals: int
    members: int
    rank: int
    meets_threshold: bool
    certificate: bool
    cash_vnd: int
    considered_on: dt.date
    decided_on: dt.date
    first_reason: str | None
    first_reason_text: str | None
    missing: int
    missing_text: str | None


class ReasonRow(TypedDict):
    """One reason in :meth:`RoundDecision.reason_rows` (long format)."""

    nominee: str | None
    where: str
    order: int
    code: str
    severity: str
    rule: str | None
    citation: str | None
    title: str
    text: str


class FloorRow(TypedDict):
    """One unit and floor in :meth:`RoundDecision.floor_rows` (long format)."""

    unit: str
    scope: str
    minimum: int
    reported: bool
    count: int
    status: str
    shortfall: int
    rule: str | None
    text: str


_DECIDING: Final = (Severity.FAIL, Severity.PENDING)
_CUT: Final = 28
"""Longer names and units are cut in the table; the whole text shows on hover."""
_DOC_STATUS: Final = {
    "vi": {"draft": "dự thảo", "issued": "đã ban hành"},
    "en": {"draft": "draft", "issued": "issued"},
}


def _day(value: dt.date | None, lang: Lang) -> str:
    if value is None:
        return "—"
    return f"{value:%d/%m/%Y}" if lang == "vi" else value.isoformat()


def _money(amount: int, lang: Lang) -> str:
    text = f"{amount:,}"
    return text.replace(",", ".") + " đ" if lang == "vi" else text + " VND"


def _text(reason: Reason, lang: Lang) -> str:
    return reason.vi if lang == "vi" else reason.en


def _citation(reason: Reason, lang: Lang) -> str | None:
    return citation_text(reason, lang)


def rows(decision: RoundDecision, lang: Lang = "vi") -> list[OutcomeRow]:
    """One row per nomination, with one type per column (see the module docstring)."""
    tally = {t.nominee: t for t in decision.ballot.tally}
    benefits = {b.nomination: b for b in decision.benefits}
    out: list[OutcomeRow] = []
    for o in decision.outcomes:
        t, b = tally.get(o.nomination), benefits.get(o.nomination)
        first = next((r for r in o.reasons if r.severity in _DECIDING), None)
        out.append({
            "nominee": o.nomination,
            "name": o.name,
            "unit": o.unit,
            "kind": o.kind.value,
            "kind_label": label("kind", o.kind.value, lang),
            "outcome": o.outcome.value,
            "outcome_label": label("outcome", o.outcome.value, lang),
            "on_ballot": t is not None,
            "approvals": 0 if t is None else t.approvals,
            "members": 0 if t is None else t.members,
            "rank": 0 if t is None else t.rank,
            "meets_threshold": t is not None and t.meets_threshold,
            "certificate": b is not None and b.certificate,
            "cash_vnd": 0 if b is None else b.cash,
            "considered_on": decision.inputs.considered_on,
            "decided_on": decision.inputs.decision_day,
            "first_reason": None if first is None else first.code,
            "first_reason_text": None if first is None else _text(first, lang),
            "missing": len(o.missing),
            "missing_text": "; ".join(_text(m, lang).rstrip(".") for m in o.missing) or None,
        })  # fmt: skip
    return out


def reason_rows(decision: RoundDecision, lang: Lang = "vi") -> list[ReasonRow]:
    """Long format: one row per reason of every nomination, then of the round itself."""
    out: list[ReasonRow] = []

    def add(nominee: str | None, where: str, reasons: tuple[Reason, ...]) -> None:
        for i, r in enumerate(reasons):
            out.append({
                "nominee": nominee, "where": where, "order": i, "code": r.code,
                "severity": r.severity.value, "rule": None if r.rule is None else r.rule.id,
                "citation": _citation(r, lang), "title": r.title_vi if lang == "vi" else r.title_en,
                "text": _text(r, lang),
            })  # fmt: skip

    for o in decision.outcomes:
        add(o.nomination, "outcome", o.reasons)
        add(o.nomination, "missing", o.missing)
    for b in decision.benefits:
        add(b.nomination, "benefit", b.reasons)
    add(None, "round", decision.reasons)
    return out


def floor_rows(decision: RoundDecision, lang: Lang = "vi") -> list[FloorRow]:
    """Long format: one row per unit and floor (``count`` 0 with ``reported`` False when unknown)."""
    return [
        {
            "unit": f.unit,
            "scope": f.scope,
            "minimum": f.minimum,
            "reported": f.count is not None,
            "count": 0 if f.count is None else f.count,
            "status": f.status,
            "shortfall": f.shortfall,
            "rule": None if f.reason.rule is None else f.reason.rule.id,
            "text": _text(f.reason, lang),
        }
        for f in decision.floors
    ]


def _cut(text: str | None) -> str:
    if not text:
        return ""
    shown = text if len(text) <= _CUT else text[: _CUT - 1] + "…"
    return f'<span title="{escape(text)}">{escape(shown)}</span>'


def round_html(decision: RoundDecision, lang: Lang = "vi") -> str:
    """The decision's HTML view: a summary, then one compact row per nomination."""
    d, ruleset = decision, decision.inputs.ruleset
    ballot = d.ballot
    counts = Counter(o.outcome.value for o in d.outcomes)
    vi = lang == "vi"
    parts = [_STYLE, '<div class="dh">']
    parts.append(f"<h3>{escape(ruleset.document.province)} — {escape(ruleset.id)}</h3>")
    if ruleset.status.value == "draft":
        draft = next((r for r in d.reasons if r.code == "ruleset.draft"), None)
        text = _text(draft, lang) if draft else ("Dự thảo" if vi else "Draft")
        parts.append(f'<div class="draft">⚠ {escape(text)}</div>')
    for notice in (r for r in d.reasons if r.code in NOTICE_CODES):
        parts.append(f'<div class="draft">⚠ {escape(_text(notice, lang))}</div>')
    window = "—" if d.window is None else f"{_day(d.window[0], lang)} – {_day(d.window[1], lang)}"
    tie = ballot.ties[0] if ballot.ties else None
    chosen = sorted(d.inputs.chair_choice) if d.inputs.chair_choice is not None else None
    facts = [
        ("Trạng thái" if vi else "Status", label("status", d.status.value, lang)),
        ("Văn bản" if vi else "Document", _DOC_STATUS[lang][ruleset.status.value]),
        ("Cấp" if vi else "Level", d.inputs.level.value),
        ("Ngày xét" if vi else "Considered on", _day(d.inputs.considered_on, lang)),
        ("Ngày ký quyết định" if vi else "Decision signed on", _day(d.inputs.decision_day, lang)),
        ("Khoảng tính thành tích" if vi else "Achievement window", window),
        ("Ngưỡng" if vi else "Threshold", f"{ballot.needed}/{ballot.denominator}"),
        ("Kết quả" if vi else "Outcomes", ", ".join(
            f"{label('outcome', k, lang)}: {n}" for k, n in sorted(counts.items()))),
        ("Bằng phiếu" if vi else "Tie", "—" if tie is None else
         f"{len(tie.group)} × {tie.approvals} ({tie.open_slots} / {tie.slots})"),
        ("Chủ tịch chọn" if vi else "Chair's choice", "—" if chosen is None else ", ".join(chosen)),
    ]  # fmt: skip
    parts.append(
        "<dl>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in facts)
        + "</dl>"
    )
    heads = ["#", "Mã" if vi else "Id", "Tên" if vi else "Name", "Đơn vị" if vi else "Unit",
             "Loại" if vi else "Kind", "Kết quả" if vi else "Outcome", "Đồng ý" if vi else "Approvals",
             "Hạng" if vi else "Rank", "Tiền thưởng" if vi else "Cash", "Lý do" if vi else "Reason"]  # fmt: skip
    parts.append(
        "<table><thead><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in heads)
        + "</tr></thead><tbody>"
    )
    for i, row in enumerate(rows(d, lang), 1):
        cash = _money(row["cash_vnd"], lang) if row["certificate"] else ""
        voted = row["on_ballot"]
        cells = [
            f'<td class="n">{i}</td>', f"<td>{_cut(row['nominee'])}</td>",
            f"<td>{_cut(row['name'])}</td>", f"<td>{_cut(row['unit'])}</td>",
            f"<td>{escape(str(row['kind_label']))}</td>",
            f"<td>{escape(str(row['outcome_label']))}</td>",
            f'<td class="n">{row["approvals"] if voted else ""}</td>',
            f'<td class="n">{row["rank"] if voted else ""}</td>',
            f'<td class="n">{escape(cash)}</td>',
            f"<td>{_cut(row['first_reason_text'])}</td>",
        ]  # fmt: skip
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def outcome_html(outcome: NominationOutcome, lang: Lang = "vi") -> str:
    """One nomination's card: its outcome, then every reason and what to ask for."""
    head = (
        f"<h4>{escape(outcome.name or outcome.nomination)} — "
        f"{escape(label('outcome', outcome.outcome.value, lang))}</h4>"
        f"<p>{escape(outcome.unit)} · {escape(label('kind', outcome.kind.value, lang))}</p>"
    )
    items = "".join(_reason_li(r, lang) for r in outcome.reasons)
    missing = "".join(_reason_li(r, lang) for r in outcome.missing)
    ask = (
        f"<p>{'Cần bổ sung' if lang == 'vi' else 'To ask for'}:</p><ul>{missing}</ul>"
        if missing
        else ""
    )
    return f'{_STYLE}<div class="dh">{head}<ul>{items}</ul>{ask}</div>'
