"""examples/notebook.ipynb, executed headless: each code cell run in order in one namespace, the
last expression of a cell displayed as Jupyter would (``_repr_html_`` if it has one, else
``repr``), and what the cells show checked. No kernel and no Jupyter package is needed: the
notebook is nbformat 4 JSON, read with :mod:`json`."""

from __future__ import annotations

import ast
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "notebook.ipynb"


def execute(path: Path) -> list[dict[str, Any]]:
    """Every code cell's display: {"source", "value", "html", "text"}, run as Jupyter runs them."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    namespace: dict[str, Any] = {"__name__": "__main__"}
    shown = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        tree = ast.parse(source)
        last = tree.body[-1] if tree.body else None
        if isinstance(last, ast.Expr):
            tree.body.pop()
        else:
            last = None
        exec(compile(tree, str(path), "exec"), namespace)
        value = None
        if last is not None:
            value = eval(compile(ast.Expression(last.value), str(path), "eval"), namespace)
        html = getattr(value, "_repr_html_", None)
        shown.append({
            "source": source, "value": value,
            "html": html() if callable(html) else None, "text": repr(value),
        })  # fmt: skip
    return shown


@pytest.fixture(scope="module")
def cells() -> list[dict[str, Any]]:
    before = set(sys.modules)
    out = execute(NOTEBOOK)
    assert "pandas" not in set(sys.modules) - before, "the library imported pandas"
    return out


def test_the_decision_shows_its_summary_then_a_compact_table(cells: list[dict[str, Any]]) -> None:
    html = cells[0]["html"]
    assert html is not None
    for fact in ("tuyen-quang-2023", "Trạng thái", "Ngày xét", "20/12/2024",
                 "Khoảng tính thành tích", "Ngưỡng", "18/19", "Bằng phiếu", "Chủ tịch chọn"):  # fmt: skip
        assert fact in html, fact
    assert 'class="draft"' in html  # the draft banner
    assert html.count("<tr>") == 1 + 40  # the header and one row per nomination
    assert "4.680.000 đ" in html  # money grouped
    assert 'title="' in html  # a long name cut, the whole text on hover


def test_repr_is_one_short_line(cells: list[dict[str, Any]]) -> None:
    text = cells[1]["value"]
    assert text.startswith("<RoundDecision tuyen-quang-2023 final: 15 recognised of 40")
    assert len(text) < 300


def test_rows_are_typed(cells: list[dict[str, Any]]) -> None:
    row = cells[2]["value"]
    assert isinstance(row["considered_on"], dt.date)
    assert isinstance(row["decided_on"], dt.date)
    for key in ("approvals", "members", "rank", "cash_vnd", "missing"):
        assert type(row[key]) is int, key
    assert row["outcome_label"] == "recognised"


def test_the_counts_add_up(cells: list[dict[str, Any]]) -> None:
    outcomes = cells[3]["value"]
    assert sum(outcomes.values()) == 40
    assert outcomes["recognised"] == 15
    assert cells[4]["value"] > 0
    assert isinstance(cells[4]["value"], int)
    severities = cells[5]["value"]
    assert {"fail", "pass"} <= set(severities)


def test_floors_short_and_cards(cells: list[dict[str, Any]]) -> None:
    for unit, count, minimum in cells[6]["value"]:
        assert isinstance(unit, str)
        assert count < minimum
    outcome, reason = cells[7], cells[8]
    assert outcome["html"] is not None
    assert "không đủ điều kiện" in outcome["html"]
    assert len(outcome["text"]) < 300
    assert reason["html"] is not None
    assert 'class="fail"' in reason["html"]
