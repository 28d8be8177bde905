"""Generated documentation: the interpretation register, the traceability matrix, the codes.

Run ``uv run python -m tests.docgen`` to rewrite the generated files; the test
suite fails while a generated file differs from what this module renders, so
the documents never drift from the code and the tests.

* ``docs/interpretations.md`` — A-1 … from ``dienhinh.INTERPRETATIONS``.
* ``docs/traceability.md`` — every rule id of the specification
  (``../shared/docs/domain.md``) → the files under ``src/`` that mention it →
  the tests that name it; the ids the library does not compute, and why.
* ``docs/cards.md`` — the prose is written by hand; the table of every reason
  code between its two markers is rendered from the code.
"""

from __future__ import annotations

import ast
import functools
import importlib
import re
import subprocess
import sys
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from dienhinh import INTERPRETATIONS, ReasonCode

ROOT = Path(__file__).resolve().parent.parent
A_ID = re.compile(r"\bA-(\d+)\b")

HOW: dict[str, str] = {
    "A-1": "CLI: `dienhinh deadline … --reading inclusive`.",
    "A-3": "CLI: `dienhinh window DATE --policy literal`.",
    "A-27": "The due date is `assess(..., dossier_due=…)`; a round passes its ruleset's "
    "`dossier-submission` deadline; CLI: `dienhinh assess --on DATE --read A-27=signing-date` "
    "(or `--dossier-due DATE`).",
    "A-7": "Applies when the ballot rule's denominator is the total membership; a rule with "
    '`denominator = "votes_cast"` (another body\'s variant) answers it by itself.',
    "A-8": "The alternative needs the council's statutory seat count: `Council(..., seats=n)`, "
    '`"seats": n` in JSON.',
    "A-17": "CLI: `dienhinh deadline … --roll-over`; needs the optional extra `dienhinh[holidays]`.",
    "A-28": "Applies in a round whose ruleset's benefits name an excluded title "
    "(`excluded_title_vi`), to an individual holding it in the year A-12 reads; the record "
    "lists A-28 only then.",
    "A-29": "Applies where a catalogue declares a `[[kind_reading]]` (TQ's households, "
    "docs/criteria-format.md): in `assess` (a refusal is an error citing TQ-4.1) and in a round "
    "(an ineligible nominee, `round.kind_not_recognised`).",
    "A-39": "Declared on `BK-III.2.6-collective.excellent` together with A-26 (`reading = "
    '["A-26", "A-39"]`, one alternative per combination, docs/criteria-format.md); the record '
    "lists A-39 for every collective declaring BK's model-agency field.",
    "A-40": 'Applies to every dated item that states a `period` (docs/criteria-format.md, "The '
    'achievement, not the paper"), in `assess` and in a round; the record lists A-40 only when a '
    "period partly inside the window was set aside or counted.",
    "A-38": "Ninh Thuận's `[[kind_reading]]` of households (docs/criteria-format.md): under "
    "`not-exemplars`, `assess` refuses a household (an error citing NT-IV.2b) and a round makes it "
    "ineligible (`round.kind_not_recognised`); the record lists A-38 for every household.",
    "A-30": "Applies in a province round whose ruleset declares the `dossier-submission` deadline "
    "(TQ-8.3b); the check is `round._checks.dossier_cutoff` and `document_date` (an item's `date`, "
    "not its achievement's). `assess` reads no dossier and does not apply it. The record lists "
    "A-30 only when a document is dated after the limit.",
    "A-31": "Applies in a province round whose ruleset declares the `unit-consideration` deadline "
    "(the unit council's day is `dossier.unit_considered_on`); the record lists A-31 only for a "
    "unit council that met late.",
}


def named_tests() -> dict[str, list[str]]:
    """Test ids (``file::Class::test``) whose docstring names each A-id."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, owner in _tests(tree):
            doc = ast.get_docstring(node) or ""
            for number in sorted(set(A_ID.findall(doc)), key=int):
                name = f"{owner}::{node.name}" if owner else node.name
                found[f"A-{number}"].append(f"tests/{path.name}::{name}")
    return found


def _tests(tree: ast.Module) -> list[tuple[ast.FunctionDef, str]]:
    out: list[tuple[ast.FunctionDef, str]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            out.append((node, ""))
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            out += [
                (f, node.name)
                for f in node.body
                if isinstance(f, ast.FunctionDef) and f.name.startswith("test_")
            ]
    return out


def render_interpretations() -> str:
    tests = named_tests()
    lines = [
        "# The interpretation register",
        "",
        "<!-- Generated by `uv run python -m tests.docgen` from `dienhinh.INTERPRETATIONS` and the",
        "     tests' docstrings; the test suite fails when this file is out of date. -->",
        "",
        "Where the documents can be read in more than one way, the library takes a **default** reading",
        "and lets a caller choose another. Every computation takes the choice as a parameter",
        '(`readings=Readings().choose("A-1", "inclusive")` in Python, `"readings": {"A-1":',
        '"inclusive"}` in a JSON input, `--read A-1=inclusive` on the command line) and lists the',
        "readings it used in its result (`interpretations` in JSON), so a reviewer sees which",
        "reading produced which outcome.",
        "",
        "On the command line, `--read A-n=READING` (repeatable, each interpretation once) is taken",
        "by every command that computes: `round`, `ballot`, `floors`, `assess`, `window`,",
        "`deadline`, `calendar` and `demo`. Where the input document carries `readings` (round,",
        "ballot, floors), the two are merged, and a `--read` that chooses another reading of an",
        "interpretation the document chose is an error naming both. `verify` never re-reads a",
        "record under other readings: a record states the readings it was made under, and",
        "`verify --read A-n=READING` checks that it was made under that one (exit 2 if not).",
        "",
        "```python",
        ">>> from dienhinh import INTERPRETATIONS, Readings",
        '>>> INTERPRETATIONS["A-1"].default, INTERPRETATIONS["A-1"].names',
        "('strict', ('strict', 'inclusive'))",
        '>>> Readings().choose("A-17", "roll-over")["A-17"]',
        "'roll-over'",
        "",
        "```",
        "",
    ]
    for i in INTERPRETATIONS.values():
        lines += [
            f"## {i.id} — {i.title}",
            "",
            f"**Provisions:** {', '.join(i.rules)}. **Question:** {i.question}",
            "",
        ]
        lines += ["| reading | | meaning | Vietnamese |", "|---|---|---|---|"]
        for r in i.readings:
            mark = "**default**" if r.name == i.default else "alternative"
            lines.append(f"| `{r.name}` | {mark} | {r.en} | {r.vi} |")
        alt = i.names[1]
        lines += [
            "",
            f'**How to choose:** `Readings().choose("{i.id}", "{alt}")`; in JSON '
            f'`"readings": {{"{i.id}": "{alt}"}}`; command line `--read {i.id}={alt}`.',
        ]
        if i.id in HOW:
            lines[-1] += " " + HOW[i.id]
        named = tests.get(i.id, [])
        lines += [
            "",
            "**Tests:** " + (", ".join(f"`{t}`" for t in named) if named else "none yet"),
            "",
        ]
    return "\n".join(lines)


# -- the traceability matrix -------------------------------------------------------------------

SPEC = ROOT.parent / "shared" / "docs" / "domain.md"
"""The specification the rule ids come from (outside the repository, beside it)."""

DOCUMENTS = ("TQ", "KT", "BK", "NT")
TOKEN = re.compile(r"(?<![\w.-])(?:TQ|KT|BK|NT)-[\w.-]*\w")
"""A rule id as written anywhere: ``TQ-2.1b``, ``NT-V.1đ``, ``BK-III.2.1-collective.ethics``."""

LETTERS = "abcdđeghiklmnopqrstuvxy"
"""The letters Vietnamese legal texts number points with (no f, j, w, z; đ after d)."""

ALIASES = {"BK-2": "BK-III.2"}
"""Shorthands of the specification's glossary: its "BK-2.1–2.12" are the fields of BK-III.2."""

NOT_COMPUTED: dict[str, str] = {
    "TQ-1.1": "Scope: which units the regulation applies to. A round takes its nominating units "
    "as given; whether a unit falls under Art. 1 is for the Department of Home Affairs.",
    "TQ-1.1a": "Scope (party bodies, Fatherland Front, socio-political organisations): see TQ-1.1.",
    "TQ-1.1b": "Scope (provincial departments, public service units, central agencies, police and "
    "army units): see TQ-1.1.",
    "TQ-1.1c": "Scope (associations and economic organisations): see TQ-1.1.",
    "TQ-1.1d": "Scope (district and commune People's Committees): see TQ-1.1.",
    "TQ-1.1đ": "Scope (units and individuals belonging to (a)–(d)): see TQ-1.1.",
    "TQ-1.1e": "Scope (others involved): see TQ-1.1.",
    "TQ-7.1a": "Honoured in the provincial media: an activity of the province, nothing to compute.",
    "TQ-7.1b": "Invited to exchange conferences: an activity of the province, nothing to compute.",
    "TQ-7.2": "The exemplars' duties: obligations of people, no computation.",
    "TQ-9": "The Department of Home Affairs receives, appraises and reports: the work of people. "
    "The round is the record it reports on; the dossier rules it applies are TQ-8.3a, TQ-8.3b.",
    "KT-4": "Rewards by campaign (theo đợt, chuyên đề) and by discovery: forms of reward outside "
    "the annual round. A Kon Tum round's record lists it, with this reason, under "
    "`checks.not_computed` (the ruleset's `[[not_computed]]`).",
    "KT-5": "The movement “Vì người nghèo - Không để ai bị bỏ lại phía sau” 2021–2025: context, "
    "no rule to compute.",
    "NT-IV.2a": "A definition of an exemplar: the criteria it leads to are NT-IV.2b and NT-IV.2c.",
}
"""Spec ids the library deliberately does not compute, with the reason shown in the matrix."""


@functools.cache
def spec_ids() -> dict[str, str]:
    """Every rule id of the specification → a short label, ranges and listed points expanded.

    Ids come from three places: written out (``TQ-2.1b``); a range (``TQ-3.2 a–q``,
    ``BK-2.1–2.12``); and the points a rule lists (``(a) … (b) …``, ``b) …``, ``2.1 …
    2.12``), which become ``TQ-3.1a`` … and ``BK-III.2.1`` …. Labels are the
    specification's own words from §3–§6, where the rules are stated.
    """
    text = unicodedata.normalize("NFC", SPEC.read_text(encoding="utf-8"))
    found: dict[str, str] = {}

    def add(rid: str, label: str = "") -> None:
        for short, full in ALIASES.items():
            if rid == short or rid.startswith(short + "."):
                rid = full + rid[len(short) :]
        if not found.get(rid):
            found[rid] = _label(label)

    rules = text[text.index("\n## 3.") : text.index("\n## 7.")]
    for block in _blocks(rules):
        tokens = list(TOKEN.finditer(block))
        for i, m in enumerate(tokens):
            add(m.group(), block[m.end() :])
            upto = tokens[i + 1].start() if i + 1 < len(tokens) else len(block)
            for point, label in _points(m.group(), block[m.end() : upto]):
                add(point, label)
    for m in TOKEN.finditer(text):
        add(m.group())
    # Ranges: "TQ-3.2 a–q" and "BK-2.1–2.12".
    for m in re.finditer(r"((?:TQ|KT|BK|NT)-[\w.]*\w) ([a-zđ])–([a-zđ])\b", text):
        first, last = LETTERS.index(m.group(2)), LETTERS.index(m.group(3))
        for letter in LETTERS[first : last + 1]:
            add(m.group(1) + letter)
    for m in re.finditer(r"((?:TQ|KT|BK|NT)-(?:[\w.]*\.)?)(\d+)\.(\d+)–(\d+)\.(\d+)", text):
        if m.group(2) == m.group(4):
            for n in range(int(m.group(3)), int(m.group(5)) + 1):
                add(f"{m.group(1)}{m.group(2)}.{n}")
    for rid, label in found.items():
        if not label:  # a group named only in passing (BK-IV.1): its points
            points = [p for p in found if p != rid and owner(p, [rid]) == rid]
            found[rid] = "its points: " + ", ".join(sorted(points, key=_order)) if points else ""
    return {rid: found[rid] for rid in sorted(found, key=_order)}


def _blocks(text: str) -> Iterator[str]:
    """The specification's list items and paragraphs, each on one line, bold headings as "X:"."""
    for block in re.split(r"\n(?=- |\n)", text):
        line = " ".join(part.strip() for part in block.splitlines())
        line = re.sub(r"\*\*([^*]*?)\.\*\*", r"\1:", line)
        yield re.sub(r"\*\*(.*?)\*\*", r"\1", line.removeprefix("- ").strip())


def _points(rid: str, rest: str) -> Iterator[tuple[str, str]]:
    """The points a rule lists: lettered ``(a)``/``a)`` — the next letters in order — or
    numbered ``2.1`` under a rule ending in ``.2``."""
    lettered = rid[-1] in LETTERS and rid[-2].isdigit()
    base = rid[:-1] if lettered else rid
    first = LETTERS.index(rid[-1]) + 1 if lettered else 0
    items = re.findall(r"(?:(?<=\()|(?<![\w(]))([a-zđ])\)\s*([^;]*)", rest)
    letters = list(dict.fromkeys(x for x, _ in items))
    if letters and letters == list(LETTERS[first : first + len(letters)]):
        for letter, label in items:
            yield base + letter, label
    if rid[-1].isdigit():
        last = re.split(r"[.-]", rid)[-1]
        for m in re.finditer(rf"(?<![\w.]){last}\.(\d+) (.*?)(?=; {last}\.\d+ |$)", rest):
            yield f"{rid}.{m.group(1)}", m.group(2)


def _label(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    cut = r"(?<!Art)(?<!incl)(?<!e\.g)\. |; (?=(?:TQ|KT|BK|NT)-|[a-zđ]\) )| — | \(?a\) |:? (?=\d+\.1 [a-z])"
    text = re.split(cut, text)[0].strip(" .:—-")
    return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + " …"


def _order(rid: str) -> tuple[int, list[tuple[int, int]]]:
    doc, _, rest = rid.partition("-")
    key = []
    for part in re.findall(r"\d+|[IVX]+|[a-zđ]|[^\W\d_]+", rest):
        if part.isdigit():
            key.append((0, int(part)))
        elif re.fullmatch(r"[IVX]+", part):
            key.append((0, _roman(part)))
        elif part in LETTERS:
            key.append((1, LETTERS.index(part)))
        else:
            key.append((2, 0))
    return DOCUMENTS.index(doc), key


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(text, [*text[1:], ""], strict=True):
        total += -values[a] if b and values[a] < values[b] else values[a]
    return total


def owner(token: str, ids: Iterable[str] | None = None) -> str | None:
    """The most specific spec id (or of ``ids``) that ``token`` names or refines
    (``TQ-3.2c.ocop`` → ``TQ-3.2c``)."""
    if ids is None:
        return _spec_owner(token)
    best: str | None = None
    for rid in ids:
        if (
            token == rid
            or (
                token.startswith(rid)
                and (token[len(rid)] in ".-" or (token[len(rid)].isalpha() and rid[-1].isdigit()))
            )
        ) and (best is None or len(rid) > len(best)):
            best = rid
    return best


@functools.cache
def _spec_owner(token: str) -> str | None:
    return owner(token, spec_ids())


def _source_files() -> list[Path]:
    src = ROOT / "src" / "dienhinh"
    return sorted(
        p for p in src.rglob("*") if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts
    )


@functools.cache
def code_mentions() -> dict[str, list[str]]:
    """Spec id → the files under ``src/dienhinh`` (code, rulesets, catalogues) that mention it."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in _source_files():
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        for token in set(TOKEN.findall(text)):
            rid = owner(token)
            if rid is not None:
                found[rid].add(path.relative_to(ROOT / "src" / "dienhinh").as_posix())
    return {rid: sorted(files) for rid, files in found.items()}


@functools.cache
def collected() -> dict[str, tuple[str, ...]]:
    """Test function id (``tests/f.py::Class::test``) → its parametrize ids, from pytest itself."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    if run.returncode != 0:
        raise RuntimeError(
            f"collecting the tests failed:\n{run.stdout[-3000:]}{run.stderr[-3000:]}"
        )
    params: dict[str, list[str]] = defaultdict(list)
    for line in run.stdout.splitlines():
        if "::" not in line or line.startswith(" "):
            continue
        base, bracket, rest = line.partition("[")
        params.setdefault(base, [])
        if bracket:
            raw = rest.rsplit("]", 1)[0]
            text = raw.encode("ascii", "backslashreplace").decode("unicode_escape")
            params[base].append(unicodedata.normalize("NFC", text))
    return {k: tuple(v) for k, v in params.items()}


NOT_RULE_TESTS = frozenset({"test_docs.py"})
"""Test files that check the documents, not a rule: the ids they name do not count."""


def code_strings(node: ast.FunctionDef) -> list[str]:
    """The string literals a test's code uses: in its decorators and its body, not in a docstring,
    a bare string statement, an assertion's message or an f-string (comments are not in the tree).

    A rule id counts as tested only where the test handles it as data — it builds evidence for it,
    looks up its result, compares an outcome's rule with it, or is parametrized by it — not where
    the id is only mentioned in prose.
    """
    skip: set[int] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module):
            body = sub.body
            skip |= {
                id(st.value)
                for st in body
                if isinstance(st, ast.Expr)
                and isinstance(st.value, ast.Constant)
                and isinstance(st.value.value, str)
            }
        elif isinstance(sub, ast.Assert) and sub.msg is not None:
            skip |= {id(n) for n in ast.walk(sub.msg)}
        elif isinstance(sub, ast.JoinedStr):
            skip |= {id(n) for n in ast.walk(sub)}
    roots: list[ast.AST] = [*node.decorator_list, *node.body]
    return [
        n.value
        for root in roots
        for n in ast.walk(root)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
    ]


@functools.cache
def test_texts() -> dict[str, str]:
    """Test id → what names its rules: the string literals of its code (:func:`code_strings`) and
    its parametrize ids as pytest collects them. A docstring or a comment naming a rule is not a
    test of it."""
    params = collected()
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if path.name in NOT_RULE_TESTS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, owner_ in _tests(tree):
            name = f"{owner_}::{node.name}" if owner_ else node.name
            tid = f"tests/{path.name}::{name}"
            strings = [*code_strings(node), *params.get(tid, ())]
            texts[tid] = unicodedata.normalize("NFC", "\n".join(strings))
    return texts


@functools.cache
def test_mentions() -> dict[str, dict[str, int]]:
    """Spec id → {test id: how many of its collected cases name it (1 if not parametrized)}."""
    params = collected()
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for tid, text in test_texts().items():
        cases = params.get(tid, ())
        for token in set(TOKEN.findall(text)):
            rid = owner(token)
            if rid is None:
                continue
            named = sum(1 for c in cases if any(owner(t) == rid for t in TOKEN.findall(c)))
            found[rid][tid] = max(named, found[rid].get(tid, 0), 1)
    return found


def names(text: str, rule: str) -> bool:
    """``text`` names ``rule`` exactly: "TQ-3.1" does not name "TQ-3.1a" or "TQ-3.1c.model"."""
    return rule in text and _exactly(rule).search(text) is not None


@functools.cache
def _exactly(rule: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.-]){re.escape(rule)}(?![\w-]|\.\w)")


def tests_naming(rule: str) -> list[str]:
    """The test ids whose text names ``rule`` exactly."""
    return [tid for tid, text in test_texts().items() if names(text, rule)]


def ruleset_rule_ids() -> dict[str, list[str]]:
    """Every rule id the rulesets, their catalogues and the round's codes use → where.

    From the TOML files: the ``rule`` and ``until_rule`` values and the ids of criteria, of the
    standing and of its field group (not the field slugs or milestone ids, which are names);
    from ``round/_codes.py`` and ``round/_run.py``: the ids of their module-level
    :class:`~dienhinh.Rule` objects (the round's procedural rules, the national ballot wording
    it falls back on).
    """
    from dienhinh import Rule
    from dienhinh.round import _codes as round_codes
    from dienhinh.round import _run as round_run

    found: dict[str, set[str]] = defaultdict(set)

    def walk(value: object, table: str, where: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str) and (
                    key in ("rule", "until_rule", "general")
                    or (key == "id" and table in ("criterion", "standing", "fields"))
                ):
                    found[item].add(where)
                walk(item, key, where)
        elif isinstance(value, list):
            for item in value:
                walk(item, table, where)

    for path in sorted((ROOT / "src" / "dienhinh" / "rulesets" / "data").glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")), "", f"rulesets/{path.name}")
    for module, name in ((round_codes, "round/_codes.py"), (round_run, "round/_run.py")):
        for item in vars(module).values():
            if isinstance(item, Rule):
                found[item.id].add(name)
    return {rid: sorted(w) for rid, w in sorted(found.items())}


def untested_ruleset_ids() -> list[str]:
    """The rule ids of :func:`ruleset_rule_ids` that no test names exactly."""
    return [rid for rid in ruleset_rule_ids() if not tests_naming(rid)]


def _tests_cell(tests: dict[str, int]) -> str:
    by_file: dict[str, list[str]] = defaultdict(list)
    for tid, n in sorted(tests.items()):
        file, _, name = tid.partition("::")
        by_file[file.removeprefix("tests/")].append(f"`{name}`" + (f" ×{n}" if n > 1 else ""))
    return "; ".join(f"{file}: {', '.join(names_)}" for file, names_ in by_file.items())


def render_traceability() -> str:
    ids = spec_ids()
    code, tests = code_mentions(), test_mentions()
    rows = []
    counts = {"computed": 0, "tested": 0, "not computed": 0, "missing": 0}
    for rid, label in ids.items():
        where = ", ".join(f"`{f}`" for f in code.get(rid, [])) or "—"
        tested = tests.get(rid, {})
        if rid in NOT_COMPUTED:
            status = f"not computed — {NOT_COMPUTED[rid]}"
            counts["not computed"] += 1
        elif rid in code:
            status = "computed"
            counts["computed"] += 1
            counts["tested"] += bool(tested)
        else:
            status = "**missing**: neither in the code nor declared not computed"
            counts["missing"] += 1
        rows.append(
            f"| {rid} | {label or '—'} | {status} | {where} | {_tests_cell(tested) or '**none**'} |"
        )
    refinements: dict[str, list[str]] = defaultdict(list)
    others: list[tuple[str, list[str], list[str]]] = []
    for rid, files in ruleset_rule_ids().items():
        if rid in ids:
            continue
        parent = owner(rid)
        if parent is not None:
            refinements[parent].append(rid)
        else:
            others.append((rid, files, tests_naming(rid)))
    untested = [rid for rid in ruleset_rule_ids() if not tests_naming(rid)]
    lines = [
        "# Traceability: every rule of the specification → the code → the tests",
        "",
        "<!-- Generated by `uv run python -m tests.docgen` from ../shared/docs/domain.md, the files",
        "     under src/ and the tests; the test suite fails when this file is out of date. -->",
        "",
        "Each rule id of the specification (`domain.md`, §3–§6; ranges such as “TQ-3.2 a–q” and the",
        "points a rule lists are expanded) with: whether the library computes it; the files under",
        "`src/dienhinh/` that mention it or one of its refinements (`TQ-3.2c.ocop` refines",
        "`TQ-3.2c`) — code, rulesets and criteria catalogues; and the tests that assert on it (×n:",
        "the number of parametrized cases that do). A test asserts on a rule when its code holds the",
        "id as a string literal — evidence built for it, a result looked up or compared by it — or",
        "when it is parametrized by it; an id only in a docstring, a comment, an f-string or an",
        "assertion's message does not count. A rule the library deliberately does not compute says",
        "why. `tests/test_docs.py` checks that this file is current, that no spec id is silently",
        "absent, and that every rule id of the rulesets is asserted by a test.",
        "",
        f"**{len(ids)} spec ids**: {counts['computed']} computed, of which {counts['tested']} are "
        f"asserted by a test; {counts['not computed']} not computed, each with the reason; "
        f"{counts['missing']} missing.",
        "",
        "| id | the provision (the specification's words) | status | where in `src/dienhinh/` | tests |",
        "|---|---|---|---|---|",
        *rows,
        "",
        "## Rule ids of the rulesets beyond the specification's list",
        "",
        "The rulesets, their criteria catalogues and the round's codes use more ids than the",
        "specification lists: refinements of a spec id (a catalogue's sub-criteria, its variants per",
        "kind of nominee) and ids of other texts (the Decision's own articles, the national decrees",
        "behind the dated cash figures — to be verified, domain §9 — and the 2025 reform).",
        "",
        f"**{len(ruleset_rule_ids())} rule ids** in the rulesets and the round's codes; "
        + (
            f"**{len(untested)} not asserted by any test**: {', '.join(f'`{r}`' for r in untested)}."
            if untested
            else "every one is asserted by a test."
        ),
        "",
        "| spec id | its refinements in the rulesets and catalogues | not asserted by a test |",
        "|---|---|---|",
    ]
    for parent in sorted(refinements, key=_order):
        subs = sorted(refinements[parent], key=lambda r: (_order(r), r))
        missing = [r for r in subs if not tests_naming(r)]
        listed = ", ".join(f"`{r}`" for r in subs)
        lines.append(
            f"| {parent} | {len(subs)}: {listed} | {', '.join(f'`{r}`' for r in missing) or '—'} |"
        )
    lines += ["", "| other id | where | tests asserting on it |", "|---|---|---|"]
    for rid, files, named in others:
        shown = ", ".join(f"`{t.removeprefix('tests/')}`" for t in named[:3])
        more = f" and {len(named) - 3} more" if len(named) > 3 else ""
        places = ", ".join(f"`{f}`" for f in files)
        lines.append(f"| {rid} | {places} | {shown + more or '**none**'} |")
    lines.append("")
    return "\n".join(lines)


# -- the reason codes (docs/cards.md) -------------------------------------------------------------

CODE_MODULES = (
    "dienhinh.voting._codes",
    "dienhinh.calendar._codes",
    "dienhinh.criteria._codes",
    "dienhinh.round._codes",
    "dienhinh._documents",
    "dienhinh.rulesets._national",
    "dienhinh._effect",
)
"""The modules that declare reason codes, each beside the rules it applies."""

CARDS_START = "<!-- reason codes: generated by `uv run python -m tests.docgen`; do not edit -->"
CARDS_END = "<!-- end of the generated reason codes -->"


def reason_codes() -> list[tuple[str, ReasonCode]]:
    """(module, code) for every module-level :class:`ReasonCode` — also inside module-level
    dicts, lists and tuples (``criteria.ask.<type>``) — sorted by code."""
    found: dict[str, tuple[str, ReasonCode]] = {}
    for name in CODE_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            items = (
                value.values()
                if isinstance(value, dict)
                else value
                if isinstance(value, (list, tuple))
                else [value]
            )
            for item in items:
                if isinstance(item, ReasonCode):
                    if item.code in found and found[item.code][1] != item:
                        raise ValueError(f"two different reason codes named {item.code!r}")
                    found[item.code] = (name, item)
    return [found[c] for c in sorted(found)]


def render_codes_table() -> str:
    codes = reason_codes()
    lines = [
        f"{len(codes)} codes.",
        "",
        "| code | severity | title (vi) | title (en) | declared in |",
        "|---|---|---|---|---|",
    ]
    for module, code in codes:
        lines.append(
            f"| `{code.code}` | {code.severity.value} | {code.title_vi} | {code.title_en} | `{module}` |"
        )
    return "\n".join(lines)


def render_cards() -> str:
    """docs/cards.md with its table of reason codes rendered from the code."""
    text = (ROOT / "docs" / "cards.md").read_text(encoding="utf-8")
    head, start, rest = text.partition(CARDS_START)
    _, end, tail = rest.partition(CARDS_END)
    if not start or not end:
        raise ValueError(f"docs/cards.md lacks the markers {CARDS_START!r} … {CARDS_END!r}")
    return f"{head}{CARDS_START}\n\n{render_codes_table()}\n\n{CARDS_END}{tail}"


GENERATED = {
    "docs/interpretations.md": render_interpretations,
    "docs/traceability.md": render_traceability,
    "docs/cards.md": render_cards,
}


def main() -> None:
    for name, render in GENERATED.items():
        (ROOT / name).write_text(render(), encoding="utf-8")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
