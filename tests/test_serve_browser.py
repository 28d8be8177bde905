"""The card page in a real headless Chromium (the OS's package), driven over the DevTools protocol.

``/?demo`` runs the shipped demo round: the test checks every card against the JSON the server
returns, resolves the tie through the tie panel with the keyboard, compares the record the page
ends with to ``dienhinh demo --json -``, switches to English, and checks the console stayed clean.
A screenshot is saved as a test artefact in a temporary folder.

Skipped only when Chromium is not installed and this is not CI (``.ci/run`` installs it).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dienhinh.cli import main
from tests.cdp import Browser, chromium
from tests.serve_process import Server, serve

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dienhinh" / "data"
ROUND = ROOT / "examples" / "rounds" / "small-tuyen-quang.json"
BINARY = chromium()

if BINARY is None and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

OUTCOME = {
    "vi": {"recognised": "Được công nhận", "not_recognised": "Không được công nhận",
           "ineligible": "Không đủ điều kiện", "incomplete": "Hồ sơ chưa đủ",
           "awaiting_chair": "Chờ Chủ tịch quyết định"},
    "en": {"recognised": "Recognised", "not_recognised": "Not recognised",
           "ineligible": "Ineligible", "incomplete": "Incomplete",
           "awaiting_chair": "Awaiting the chair"},
}  # fmt: skip

ORDER = {"fail": 0, "pending": 1, "warning": 2, "pass": 3, "info": 4}

CARDS_JS = """
[...document.querySelectorAll('#cards > li.card')].map(li => ({
  nominee: li.dataset.nominee,
  outcome: li.dataset.outcome,
  name: li.querySelector('h3').textContent,
  unit: li.querySelector('.unit').textContent,
  label: li.querySelector('.badge').textContent,
  approvals: li.querySelector('dd.approvals').textContent,
  rank: li.querySelector('dd.rank')?.textContent ?? null,
  cash: li.querySelector('dd.cash')?.textContent ?? null,
  certificate: li.querySelector('dd.certificate')?.textContent ?? null,
  reasons: [...li.querySelectorAll('li.reason')].map(r => ({
    code: r.dataset.code,
    text: r.querySelector('.sentence').textContent,
    cite: r.querySelector('cite')?.textContent ?? null,
    quote: r.querySelector('blockquote')?.textContent ?? null,
  })),
  missing: [...li.querySelectorAll('li.missing')].map(m => m.textContent),
}))
"""


def _money(amount: int, lang: str) -> str:
    grouped = f"{amount:,}"
    return f"{grouped.replace(',', '.')} đồng" if lang == "vi" else f"{grouped} VND"


def check_cards(cards: list[dict[str, Any]], record: dict[str, Any], lang: str) -> None:
    """Every nomination has its card, and each card says what the record says."""
    tally = {t["nominee"]: t for t in record["ballot"]["tally"]}
    benefits = {b["nominee"]: b for b in record["benefits"]}
    assert [c["nominee"] for c in cards] == [o["nominee"] for o in record["outcomes"]]
    for card, o in zip(cards, record["outcomes"], strict=True):
        assert card["name"] == (o["name"] or o["nominee"])
        assert card["unit"] == o["unit"]
        assert card["outcome"] == o["outcome"]
        # The record's own label (capitalised) where it carries one, else the page's.
        own = o.get("labels", {}).get("outcome", {}).get(lang)
        assert card["label"] == (own[0].upper() + own[1:] if own else OUTCOME[lang][o["outcome"]])
        assert own, "the round's outcomes carry their labels"
        t = tally.get(o["nominee"])
        if t is None:
            assert card["rank"] is None
            assert o.get("approvals") is None
        else:
            assert card["approvals"].startswith(f"{t['approvals']}/{t['members']} ")
            assert str(record["ballot"]["needed"]) in card["approvals"]
            assert o["labels"]["threshold"][lang] in card["approvals"]
            assert card["rank"] == (None if t["rank"] is None else str(t["rank"]))
        b = benefits.get(o["nominee"])
        if b is None:
            assert card["cash"] is None
        else:
            assert card["cash"] == _money(b["cash_vnd"], lang)
            assert card["certificate"] == {"vi": {True: "Có", False: "Không"},
                                           "en": {True: "Yes", False: "No"}}[lang][b["certificate"]]  # fmt: skip
        # Failing reasons first, then pending, warnings, passes, information (docs/cards.md).
        reasons = sorted(
            o["reasons"] + (b["reasons"] if b else []), key=lambda r: ORDER[r["severity"]]
        )
        assert [r["code"] for r in card["reasons"]] == [r["code"] for r in reasons]
        for shown, reason in zip(card["reasons"], reasons, strict=True):
            assert shown["text"] == reason[lang]
            citation = reason["citation"]
            assert shown["cite"] == (None if citation is None else citation[lang])
            assert shown["quote"] == (None if citation is None else citation["quote"])
        assert card["missing"] == [m[lang] for m in o["missing"]]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as s:
        yield s


def demo_json(capsys: pytest.CaptureFixture[str]) -> Any:
    sys.stdin = io.StringIO("")
    try:
        assert main(["demo", "--json", "-"]) == 0
    finally:
        sys.stdin = sys.__stdin__
    return json.loads(capsys.readouterr().out)


def test_the_demo_cards_the_tie_and_both_languages(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert BINARY is not None, "CI must have chromium: .ci/run installs it"
    demo = json.loads((DATA / "demo-tuyen-quang-2024.json").read_text(encoding="utf-8"))
    awaiting = server.post("/round", demo).json()
    chair = json.loads((DATA / "demo-tuyen-quang-2024.chair.json").read_text(encoding="utf-8"))
    final = demo_json(capsys)

    with Browser(BINARY, width=1280, height=1000) as b:
        b.navigate(f"{server.url}/?demo")
        b.wait_for("document.body && document.body.dataset.state === 'ready'")
        assert b.evaluate("document.documentElement.lang") == "vi"
        assert b.evaluate("JSON.stringify(window.dienhinh.record)") == json.dumps(
            awaiting, ensure_ascii=False, separators=(",", ":")
        )
        cards = b.evaluate(CARDS_JS)
        assert len(cards) == 40
        check_cards(cards, awaiting, "vi")

        draft = next(r for r in awaiting["reasons"] if r["code"] == "ruleset.draft")
        assert b.evaluate("document.getElementById('draft').hidden") is False
        assert b.evaluate("document.getElementById('draft-text').textContent") == draft["vi"]

        # Filters: by outcome, then by unit.
        b.evaluate("(() => { const s = document.getElementById('filter-outcome'); s.value = 'incomplete';"
                   " s.dispatchEvent(new Event('change')); })()")  # fmt: skip
        shown = b.evaluate(CARDS_JS)
        assert [c["nominee"] for c in shown] == [
            o["nominee"] for o in awaiting["outcomes"] if o["outcome"] == "incomplete"
        ]
        assert shown
        unit = awaiting["outcomes"][0]["unit"]
        b.evaluate("(() => { const o = document.getElementById('filter-outcome'); o.value = '';"
                   " o.dispatchEvent(new Event('change'));"
                   f" const s = document.getElementById('filter-unit'); s.value = {json.dumps(unit)};"
                   " s.dispatchEvent(new Event('change')); })()")  # fmt: skip
        shown = b.evaluate(CARDS_JS)
        assert [c["nominee"] for c in shown] == [
            o["nominee"] for o in awaiting["outcomes"] if o["unit"] == unit
        ]
        b.evaluate("(() => { const s = document.getElementById('filter-unit'); s.value = '';"
                   " s.dispatchEvent(new Event('change')); })()")  # fmt: skip
        assert len(b.evaluate(CARDS_JS)) == 40

        # The tie panel: the tied nominees, the button disabled until the chair has chosen.
        assert b.evaluate("document.getElementById('tie').hidden") is False
        options = b.evaluate(
            "[...document.querySelectorAll('#tie-options input')].map(i => i.value)"
        )
        assert options == awaiting["ballot"]["tie"]["nominees"]
        assert b.evaluate("document.getElementById('tie-resolve').disabled") is True
        (choice,) = chair["chair_choice"]
        # By keyboard: focus the choice, Space selects it; focus the button, Enter submits.
        b.evaluate(
            f"document.querySelector('#tie-options input[value={json.dumps(choice)}]').focus()"
        )
        b.key(" ", "Space", 32, " ")
        assert (
            b.evaluate(
                f"document.querySelector('#tie-options input[value={json.dumps(choice)}]').checked"
            )
            is True
        )
        assert b.evaluate("document.getElementById('tie-resolve').disabled") is False
        b.evaluate("document.getElementById('tie-resolve').focus()")
        b.key("Enter", "Enter", 13, "\r")
        b.wait_for(
            "document.body.dataset.state === 'ready' && window.dienhinh.record.status === 'final'"
        )
        assert b.evaluate("window.dienhinh.record") == final
        assert b.evaluate("document.getElementById('tie').hidden") is True
        assert "20/12/2024" in b.evaluate("document.getElementById('summary-list').textContent")
        cards = b.evaluate(CARDS_JS)
        check_cards(cards, final, "vi")
        assert sum(c["outcome"] == "recognised" for c in cards) == len(final["recognised"])
        b.screenshot(tmp_path / "cards-vi.png")

        # English: the same cards in the other language.
        b.evaluate("document.querySelector('[data-lang=en]').focus()")
        b.key("Enter", "Enter", 13, "\r")
        b.wait_for("document.documentElement.lang === 'en'")
        assert (
            b.evaluate("document.querySelector('[data-lang=en]').getAttribute('aria-pressed')")
            == "true"
        )
        check_cards(b.evaluate(CARDS_JS), final, "en")
        assert b.evaluate("document.getElementById('draft-text').textContent") == draft["en"]
        chosen = next(o["name"] for o in final["outcomes"] if o["nominee"] == choice)
        assert b.evaluate("document.getElementById('message').textContent") == (
            f"The chair chose: {chosen}. The round is final."
        )
        assert "2024-12-20" in b.evaluate("document.getElementById('summary-list').textContent")
        b.screenshot(tmp_path / "cards-en.png")
        assert b.console_errors() == []
    assert (tmp_path / "cards-vi.png").stat().st_size > 10_000
    print(f"screenshots: {tmp_path}")


def test_a_refused_input_shows_the_problem_on_the_page(server: Server) -> None:
    assert BINARY is not None
    with Browser(BINARY) as b:
        b.navigate(f"{server.url}/?lang=en")
        b.wait_for("document.body && document.body.dataset.state === 'idle'")
        b.evaluate(
            "document.getElementById('input-text').value = '{\"ruleset\": \"../etc/x.toml\"}'"
        )
        b.evaluate("document.querySelector('#input-form button[type=submit]').click()")
        b.wait_for("document.body.dataset.state === 'error'")
        text = b.evaluate("document.getElementById('problem').textContent")
        assert "is not a ruleset of this server" in text
        assert "unknown_ruleset" in text
        assert b.evaluate("document.getElementById('results').hidden") is True
        # The server's 422 is logged by the browser as a failed resource load; nothing else.
        errors = b.console_errors()
        assert errors
        assert all("422" in e for e in errors), errors


def test_an_uploaded_round_and_a_pasted_record(server: Server, tmp_path: Path) -> None:
    """Upload a round input file: its cards; paste the record back: verified, the same cards."""
    assert BINARY is not None
    record = server.post("/round", json.loads(ROUND.read_text(encoding="utf-8"))).json()
    with Browser(BINARY) as b:
        b.navigate(f"{server.url}/?lang=en")
        b.wait_for("document.body && document.body.dataset.state === 'idle'")
        doc = b.send("DOM.getDocument")
        node = b.send("DOM.querySelector", nodeId=doc["root"]["nodeId"], selector="#input-file")
        b.send("DOM.setFileInputFiles", files=[str(ROUND)], nodeId=node["nodeId"])
        b.evaluate("document.querySelector('#input-form button[type=submit]').click()")
        b.wait_for("document.body.dataset.state === 'ready'")
        assert b.evaluate("window.dienhinh.record") == record
        check_cards(b.evaluate(CARDS_JS), record, "en")
        b.navigate(f"{server.url}/?lang=en")
        b.wait_for("document.body && document.body.dataset.state === 'idle'")
        text = json.dumps(record, ensure_ascii=False)
        b.evaluate(f"document.getElementById('input-text').value = {json.dumps(text)}")
        b.evaluate("document.querySelector('#input-form button[type=submit]').click()")
        b.wait_for("document.body.dataset.state === 'ready'")
        assert b.evaluate("document.getElementById('message').textContent") == (
            "The record was re-derived from its inputs."
        )
        check_cards(b.evaluate(CARDS_JS), record, "en")
        assert b.console_errors() == []


REGISTER_JS = """
[...document.querySelectorAll('#register fieldset.entry')].map(fs => ({
  id: fs.dataset.id,
  title: fs.querySelector('legend .title').textContent,
  question: fs.querySelector('.question').textContent,
  rules: fs.querySelector('.rules code').textContent,
  readings: [...fs.querySelectorAll('input')].map(i => ({
    name: i.value,
    default: i.hasAttribute('data-default'),
    checked: i.checked,
    text: i.closest('label').querySelector('.meaning').textContent,
    mark: i.closest('label').querySelector('.default')?.textContent ?? null,
  })),
}))
"""


def _choose(b: Browser, id: str, reading: str) -> None:
    b.evaluate(f"document.querySelector('#register input[data-id={json.dumps(id)}]"
               f"[value={json.dumps(reading)}]').click()")  # fmt: skip


def _submit(b: Browser, text: str) -> None:
    b.evaluate(f"document.getElementById('input-text').value = {json.dumps(text)}")
    b.evaluate("document.body.dataset.state = 'submitting'")
    b.evaluate("document.querySelector('#input-form button[type=submit]').click()")
    b.wait_for("['ready', 'error'].includes(document.body.dataset.state)")


def test_the_register_view_lists_every_entry_and_its_choice_changes_the_demo(
    server: Server,
) -> None:
    """A-9: the register view shows every entry of GET /interpretations (id, title, question,
    provisions, each reading in the page's language, the default marked and checked); choosing
    A-9 “per-kind” there and running the demo posts it: the round is the server's under that
    reading (17 recognised, final) instead of the default's (awaiting the chair), and every card
    and the summary show the reading used."""
    assert BINARY is not None
    register = server.get("/interpretations").json()
    demo = json.loads((DATA / "demo-tuyen-quang-2024.json").read_text(encoding="utf-8"))
    default = server.post("/round", demo).json()
    per_kind = server.post("/round", {**demo, "readings": {"A-9": "per-kind"}}).json()
    assert (default["status"], per_kind["status"]) == ("awaiting_chair", "final")
    with Browser(BINARY, width=1280, height=1000) as b:
        b.navigate(f"{server.url}/?lang=en")
        b.wait_for("document.body && document.body.dataset.register === 'ready'")
        for lang in ("en", "vi"):
            if lang == "vi":
                b.evaluate("document.querySelector('[data-lang=vi]').click()")
                b.wait_for("document.documentElement.lang === 'vi'")
            shown = b.evaluate(REGISTER_JS)
            assert [e["id"] for e in shown] == [e["id"] for e in register]
            for view, entry in zip(shown, register, strict=True):
                assert (view["title"], view["question"]) == (entry["title"], entry["question"])
                assert view["rules"] == ", ".join(entry["rules"])
                assert [r["name"] for r in view["readings"]] == [
                    r["name"] for r in entry["readings"]
                ]
                assert [r["text"] for r in view["readings"]] == [r[lang] for r in entry["readings"]]
                marked = [r["name"] for r in view["readings"] if r["mark"]]
                checked = [r["name"] for r in view["readings"] if r["checked"]]
                assert marked == checked == [entry["default"]]
        b.evaluate("document.querySelector('[data-lang=en]').click()")
        _choose(b, "A-9", "per-kind")
        assert b.evaluate("window.dienhinh.readings") == {"A-9": "per-kind"}
        assert "A-9 per-kind" in b.evaluate(
            "document.getElementById('register-chosen').textContent"
        )
        b.evaluate("document.getElementById('run-demo').click()")
        b.wait_for("document.body.dataset.state === 'ready' && window.dienhinh.record")
        assert b.evaluate("window.dienhinh.record") == per_kind
        cards = b.evaluate(
            "[...document.querySelectorAll('#cards > li.card')].map(li => ({outcome:"
            " li.dataset.outcome, chosen: [...li.querySelectorAll('li.reading.chosen')]"
            ".map(x => x.dataset.id + '=' + x.dataset.reading), used:"
            " li.querySelectorAll('li.reading').length}))"
        )
        assert sum(c["outcome"] == "recognised" for c in cards) == 17
        assert all(c["chosen"] == ["A-9=per-kind"] for c in cards)
        assert all(c["used"] == len(per_kind["interpretations"]) for c in cards)
        assert "A-9 per-kind" in b.evaluate("document.getElementById('summary-list').textContent")
        # Back to the defaults: the same demo awaits the chair again.
        b.evaluate("document.getElementById('register-reset').click()")
        assert b.evaluate("window.dienhinh.readings") == {}
        b.evaluate("document.getElementById('run-demo').click()")
        b.wait_for("document.body.dataset.state === 'ready'"
                   " && window.dienhinh.record.status === 'awaiting_chair'")  # fmt: skip
        assert b.evaluate("window.dienhinh.record") == default
        assert b.console_errors() == []


def test_tq_8_3b_register_view_a1_inclusive_makes_a_dossier_of_30_october_on_time(
    server: Server,
) -> None:
    """A-1: the small round with its dossier received on 30/10/2024 (“trước 30/10”, TQ-8.3b):
    its card is ineligible under the default, recognised once the register view chooses A-1
    “inclusive”; an input that says A-1 strict while the page says inclusive is refused naming
    both; a record made under strict is not re-read under inclusive."""
    assert BINARY is not None
    data = json.loads(ROUND.read_text(encoding="utf-8"))
    data["dossiers"][0]["received"] = "2024-10-30T09:00:00+07:00"
    del data["national_pool_size"]
    late = json.dumps(data, ensure_ascii=False)
    strict_record = server.post("/round", data).json()
    with Browser(BINARY) as b:
        b.navigate(f"{server.url}/?lang=en")
        b.wait_for("document.body && document.body.dataset.register === 'ready'")
        _submit(b, late)
        outcome = "document.querySelector('#cards > li.card').dataset.outcome"
        assert b.evaluate(outcome) == "ineligible"
        _choose(b, "A-1", "inclusive")
        _submit(b, late)
        assert b.evaluate("document.body.dataset.state") == "ready"
        assert b.evaluate(outcome) == "recognised"
        record = b.evaluate("window.dienhinh.record")
        assert record["inputs"]["readings"] == {"A-1": "inclusive"}
        assert {"id": "A-1", "reading": "inclusive", "default": False} in record["interpretations"]
        _submit(b, json.dumps({**data, "readings": {"A-1": "strict"}}, ensure_ascii=False))
        assert b.evaluate("document.body.dataset.state") == "error"
        text = b.evaluate("document.getElementById('problem').textContent")
        assert "A-1 = “strict”" in text
        assert "A-1 = “inclusive”" in text
        _submit(b, json.dumps(strict_record, ensure_ascii=False))
        assert b.evaluate("document.body.dataset.state") == "error"
        assert "made under A-1 = “strict”" in b.evaluate(
            "document.getElementById('problem').textContent"
        )
        assert b.console_errors() == []


def test_a_reading_chosen_in_the_address(server: Server) -> None:
    """A-9: ``/?demo&read=A-9=per-kind`` opens the page with the reading chosen and runs the demo
    under it; an unknown reading in the address is shown as a problem."""
    assert BINARY is not None
    with Browser(BINARY) as b:
        b.navigate(f"{server.url}/?lang=en&demo&read=A-9=per-kind")
        b.wait_for("document.body && document.body.dataset.state === 'ready'"
                   " && window.dienhinh.record")  # fmt: skip
        assert b.evaluate("window.dienhinh.record.status") == "final"
        checked = "document.querySelector('#register input[data-id=\"A-9\"]:checked').value"
        assert b.evaluate(checked) == "per-kind"
        b.navigate(f"{server.url}/?lang=en&read=A-9=per-nominee")
        b.wait_for("document.body && document.body.dataset.state === 'error'")
        assert "not a reading of A-9" in b.evaluate(
            "document.getElementById('problem').textContent"
        )
