"""A tiny HTML table for notebooks (``_repr_html_``), so results need no pandas."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

__all__ = ["table"]


def table(rows: Sequence[dict[str, Any]], *, caption: str = "") -> str:
    """``rows`` (dicts with the same keys) as an escaped HTML table."""
    head = list(rows[0]) if rows else []
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f"<th>{html.escape(str(h))}</th>" for h in head) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in rows:
        cells = "".join(f"<td>{html.escape(_cell(row.get(h)))}</td>" for h in head)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
