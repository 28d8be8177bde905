"""A tiny HTML table for notebooks (``_repr_html_``), so results need no pandas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from dienhinh._reasons import Reason

__all__ = ["STYLE", "citation_text", "escape", "reason_html", "reason_item", "table"]

STYLE: Final = (
    "<style>.dh{font-family:system-ui,sans-serif;font-size:13px;max-width:60em}"
    ".dh table{border-collapse:collapse;width:100%}"
    ".dh th,.dh td{padding:2px 6px;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}"
    ".dh td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".dh .draft{background:#fff3cd;border:1px solid #e0b000;padding:4px 8px;margin:4px 0}"
    ".dh .fail{color:#b00020}.dh .pending{color:#8a6d00}.dh .pass{color:#1b7f3b}"
    ".dh dl{display:grid;grid-template-columns:max-content auto;gap:0 12px;margin:4px 0}"
    ".dh dt{font-weight:600}.dh dd{margin:0}</style>"
)
"""The few CSS rules every view shares (scoped to ``.dh``)."""


def escape(text: str) -> str:
    """``html.escape(text)``: ``&``, ``<``, ``>``, ``"`` and ``'`` as character references (the
    :mod:`html` package is not imported: it loads every entity's name, for unescaping).

    >>> escape("<b>Tom & Jerry's</b>")
    '&lt;b&gt;Tom &amp; Jerry&#x27;s&lt;/b&gt;'
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def table(rows: Sequence[dict[str, Any]], *, caption: str = "") -> str:
    """``rows`` (dicts with the same keys) as an escaped HTML table."""
    head = list(rows[0]) if rows else []
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f"<th>{escape(str(h))}</th>" for h in head) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in rows:
        cells = "".join(f"<td>{escape(_cell(row.get(h)))}</td>" for h in head)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def citation_text(reason: Reason, lang: str) -> str | None:
    """The provision of ``reason`` written out in ``lang``; ``None`` for a reason no rule states."""
    if reason.rule is None:
        return None
    return reason.rule.citation.vi if lang == "vi" else reason.rule.citation.en


def reason_item(reason: Reason, lang: str) -> str:
    """A reason as one ``<li>``: its sentence, coloured by severity, with its rule and citation."""
    text = reason.vi if lang == "vi" else reason.en
    rule = ""
    if reason.rule is not None:
        cite = escape(citation_text(reason, lang) or "")
        rule = f" <small>[{escape(reason.rule.id)} — {cite}]</small>"
    return f'<li class="{reason.severity.value}">{escape(text)}{rule}</li>'


def reason_html(reason: Reason, lang: str = "vi") -> str:
    """One reason as a card: its title, its sentence with the rule, the provision's own words."""
    title = reason.title_vi if lang == "vi" else reason.title_en
    quote = ""
    if reason.rule is not None and reason.rule.citation.quote:
        quote = f"<blockquote>“{escape(reason.rule.citation.quote)}”</blockquote>"
    return (
        f'{STYLE}<div class="dh"><b class="{reason.severity.value}">{escape(title)}</b>'
        f"<ul>{reason_item(reason, lang)}</ul>{quote}</div>"
    )
