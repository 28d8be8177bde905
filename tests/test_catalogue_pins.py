"""The shipped data is pinned to the reviewed snapshots, and the snapshots to the text.

Three layers, each able to fail on its own:

* **Pins.** Every shipped ruleset and catalogue equals its reviewed snapshot
  (``tests/snapshots/*.json``, see ``tests/catalogue_pins.py``); a difference names the rule id
  and the provision it reads.
* **Combinators, by behaviour.** For every composite criterion of the *snapshot*, a nominee for
  whom exactly one part holds and every other part is disproved meets it if the snapshot says
  ``any_of`` and does not if it says ``all_of`` — the engine run on the shipped catalogue, the
  expectation taken from the reviewed snapshot, not from the catalogue.
* **Mutations.** Every ``all_of``/``any_of`` of every shipped catalogue flipped, every number of
  every shipped file moved by one (a fraction by one hundredth), every level, grade and look-back
  end moved one step, in an in-memory copy: the pin test names the changed rule id, and for a
  flipped combinator the behaviour test above fails too. Nothing is written into the package.

The hand-written examples of the texts themselves are in ``tests/test_text_examples.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import pytest

from dienhinh import DuplicateIdError, NomineeKind
from dienhinh.criteria import Catalogue, Evidence, Nominee, Verdict, assess, parse_catalogue
from tests import test_criteria_bac_kan as bk
from tests import test_criteria_ninh_thuan as nt
from tests import test_criteria_tq_examples as tq
from tests.catalogue_coverage import WINDOW
from tests.catalogue_pins import (
    ARRAY_KEYS,
    CATALOGUES,
    RULESETS,
    Pins,
    differences,
    load_snapshot,
    pins_of,
    shipped,
)

# -- 1. the shipped files equal their reviewed snapshots ---------------------------------------


@pytest.mark.parametrize("name", [*CATALOGUES, *RULESETS])
def test_the_shipped_file_equals_its_reviewed_snapshot(name: str) -> None:
    """Every number and every combinator of a shipped file is the one reviewed against the text."""
    found = differences(load_snapshot(name), pins_of(name, shipped(name)))
    assert not found, (
        f"{name} differs from tests/snapshots/ (rule id, provision: what changed):\n  "
        + "\n  ".join(found)
        + "\nIf the text calls for it, review the change and run `uv run python -m tests.catalogue_pins`."
    )


def test_the_snapshots_pin_the_figures_of_the_texts() -> None:
    """A few figures read straight from the documents, so that a snapshot rewritten blindly fails too."""
    tq_rules, bk_rules, nt_rules = (
        load_snapshot(f"{n}.toml") for n in ("tuyen-quang-2023", "bac-kan-2021", "ninh-thuan-2023")
    )
    # TQ-2.1b "từ 90% trở lên tính trên tổng số thành viên"; TQ-6.2b "không quá 15".
    assert (tq_rules["ballot"]["threshold"], tq_rules["ballot"]["comparison"]) == (
        "9/10",
        "at_least",
    )
    assert tq_rules["ballot"]["denominator"] == "total_membership"
    assert tq_rules["cap"]["slots"] == 15
    # TQ-6.2a: at least 05 / 02 / 01.
    assert [tq_rules[f"floors[{s}]"]["minimum"] for s in (
        "district-people-committee", "commune-people-committee", "provincial-unit")] == [5, 2, 1]  # fmt: skip
    # TQ-6.1a before 15/10, TQ-8.3b before 30/10, TQ-6.1b before 31/12; TQ-3.3 from 01/10.
    assert {(p["rule"], p["month"], p["day"]) for k, p in tq_rules.items() if k.startswith("deadlines")} == {
        ("TQ-6.1a", 10, 15), ("TQ-8.3b", 10, 30), ("TQ-6.1b", 12, 31)}  # fmt: skip
    assert (tq_rules["window"]["start_month"], tq_rules["window"]["start_day"]) == (10, 1)
    assert tq_rules["posthumous"]["allowed"] is False  # TQ-2.1c "không áp dụng hình thức truy tặng"
    # BK-IV.1a at least 10 (districts and four sectors), BK-IV.1b at least 03.
    assert sorted(p["minimum"] for k, p in bk_rules.items() if k.startswith("floors")) == [
        3,
        10,
        10,
    ]
    # NT-V.1đ: 10, 01, 15, 05, 02, 01.
    assert sorted(p["minimum"] for k, p in nt_rules.items() if k.startswith("floors")) == [
        1, 1, 2, 5, 10, 15]  # fmt: skip
    assert nt_rules["effective"]["until"] == "2025-12-31"  # NT-III.2 "đến hết năm 2025"


# -- 2. every combinator of the snapshot, by behaviour ----------------------------------------


class Builders:
    """One catalogue's evidence for a leaf (met or disproved) and its nominee factory."""

    def __init__(
        self,
        module: Any,
        window: tuple[dt.date, dt.date],
        kind_of: Callable[[str], NomineeKind] | None = None,
    ) -> None:
        self.measurable: dict[str, Any] = module.MEASURABLE
        self.attest: Callable[..., Evidence] = module.attest
        self.who: Callable[..., Nominee] = module.who
        self.kind_of: Callable[[str], NomineeKind] = kind_of or module._kind
        self.window = window


BUILDERS: dict[str, Builders] = {
    "tuyen-quang-2023.criteria.toml": Builders(tq, WINDOW),
    "bac-kan-2021.criteria.toml": Builders(bk, bk.WINDOW),
    "ninh-thuan-2023.criteria.toml": Builders(nt, WINDOW, lambda _: NomineeKind.COLLECTIVE),
}

SHIPPED: dict[str, Catalogue] = {
    name: parse_catalogue(shipped(name), source=name) for name in CATALOGUES
}


def _combinator(pin: dict[str, Any]) -> str | None:
    return "all_of" if "all_of" in pin else "any_of" if "any_of" in pin else None


def composites() -> Iterator[tuple[str, str]]:
    """(file, criterion id) of every composite criterion of every reviewed catalogue snapshot."""
    for name in CATALOGUES:
        for cid, pin in sorted(load_snapshot(name).items()):
            if _combinator(pin) is not None:
                yield name, cid


def _evidence(
    b: Builders, snapshot: Pins, cid: str, holds: bool, kind: NomineeKind, catalogue: Catalogue
) -> tuple[list[Evidence], set[str]]:
    """Evidence under which every leaf below ``cid`` holds (``holds``) or is disproved."""
    pin = snapshot[cid]
    kids = pin.get("all_of", pin.get("any_of"))
    if kids is None:
        if cid in b.measurable:
            _, items, declared = b.measurable[cid][0 if holds else 1]
            return list(items), set(declared)
        return [b.attest(cid, holds=holds)], set()
    evidence: list[Evidence] = []
    complete: set[str] = set()
    for kid in kids:
        if kind in catalogue.criteria[kid].applies_to:
            e, k = _evidence(b, snapshot, kid, holds, kind, catalogue)
            evidence += e
            complete |= k
    return evidence, complete


def one_part_holds(name: str, cid: str, catalogue: Catalogue) -> tuple[Verdict, Verdict]:
    """(what the snapshot's combinator calls for, what ``catalogue`` answers) when only the first part holds.

    The other parts are disproved (an all-of is then *not met*); where their disproving evidence
    would clash with the first part's (two ratings of one year), they get no evidence instead
    (an all-of is then *unknown*). An any-of is *met* either way.
    """
    snapshot = load_snapshot(name)
    b = BUILDERS[name]
    kind = b.kind_of(cid)
    pin = snapshot[cid]
    parts: list[str] = pin.get("all_of") or pin["any_of"]
    kids = [k for k in parts if kind in catalogue.criteria[k].applies_to]
    assert len(kids) >= 2, f"{cid}: fewer than two parts apply to a {kind.value}"
    first, complete = _evidence(b, snapshot, kids[0], True, kind, catalogue)
    others, declared = list(first), set(complete)
    for kid in kids[1:]:
        e, k = _evidence(b, snapshot, kid, False, kind, catalogue)
        others += e
        declared |= k
    try:
        nominee = b.who(cid, others, complete=sorted(declared))
        otherwise = Verdict.NOT_MET
    except DuplicateIdError:
        nominee = b.who(cid, first, complete=sorted(complete))
        otherwise = Verdict.UNKNOWN
    got = assess(nominee, catalogue, window=b.window).tree.find(cid).verdict
    want = Verdict.MET if _combinator(pin) == "any_of" else otherwise
    return want, got


@pytest.mark.parametrize(("name", "cid"), list(composites()), ids=lambda v: str(v))
def test_a_composite_criterion_combines_its_parts_as_reviewed(name: str, cid: str) -> None:
    """Only the first part holds, the others are disproved: an any-of is met, an all-of is not."""
    want, got = one_part_holds(name, cid, SHIPPED[name])
    assert got is want, (
        f"{cid} ({load_snapshot(name)[cid]['provision']}): {got.value}, the text calls for {want.value}"
    )


# -- 3. mutations: every flip and every number moved by one is caught --------------------------


def _criterion(data: dict[str, Any], cid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in data["criterion"] if c["id"] == cid)
    return found


def flipped(name: str, cid: str) -> dict[str, Any]:
    """An in-memory copy of the shipped file with ``cid``'s all_of and any_of swapped."""
    data = shipped(name)
    node = _criterion(data, cid)
    old = "all_of" if "all_of" in node else "any_of"
    new = "any_of" if old == "all_of" else "all_of"
    node[new] = node.pop(old)
    if node.get("joined_by") == "hoặc" or (new == "any_of" and node.get("joined_by") == ";"):
        # keep the copy valid for the parser: "hoặc" only with any_of, ";" any_of needs a note
        node.pop("joined_by")
    return data


@pytest.mark.parametrize(("name", "cid"), list(composites()), ids=lambda v: str(v))
def test_flipping_a_combinator_fails_the_pin_and_the_behaviour(name: str, cid: str) -> None:
    """all_of ↔ any_of on one criterion, in memory: both the pin and the behaviour test catch it."""
    data = flipped(name, cid)
    found = differences(load_snapshot(name), pins_of(name, data))
    assert any(line.startswith(f"{cid}, ") for line in found), found
    catalogue = parse_catalogue(data, source=f"{name} ({cid} flipped)")
    want, got = one_part_holds(name, cid, catalogue)
    assert got is not want, f"flipping {cid} went unnoticed by the behaviour test"


def _numbers(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every number of a TOML document (integers, and fractions written as strings) by path."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _numbers(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _numbers(v, (*path, i))
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, value
    elif (
        isinstance(value, str)
        and path
        and path[-1] in ("threshold", "individual", "collective", "household")
    ):
        yield path, Fraction(value)


def numbers() -> Iterator[tuple[str, tuple[Any, ...]]]:
    for name in (*CATALOGUES, *RULESETS):
        for path, _ in _numbers(shipped(name)):
            if path != ("format",):
                yield name, path


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _pin_key(name: str, data: dict[str, Any], path: tuple[Any, ...]) -> str:
    """The pin a number belongs to: its criterion's id, or its ruleset table / entry."""
    if path[0] == "criterion":
        return str(data["criterion"][path[1]]["id"])
    if path[0] in ARRAY_KEYS:
        return f"{path[0]}[{data[path[0]][path[1]][ARRAY_KEYS[path[0]]]}]"
    if path[0] == "checks":  # pinned by position: the procedure's order (NT-IV.3b's minimum)
        return f"checks[{path[1]}]"
    if len(path) > 2 and isinstance(path[2], int):
        return f"{path[0]}.{path[1]}[{_get(data, path[:3])['from'].isoformat()}]"
    return str(path[0])


@pytest.mark.parametrize("delta", [1, -1])
@pytest.mark.parametrize(
    ("name", "path"),
    list(numbers()),
    ids=lambda v: "/".join(map(str, v)) if isinstance(v, tuple) else str(v),
)
def test_moving_a_number_by_one_fails_the_pin_naming_its_rule(
    name: str, path: tuple[Any, ...], delta: int
) -> None:
    """Each threshold, count, look-back, floor, cap, date part and amount ±1: the pin names the rule."""
    data = shipped(name)
    old = _get(data, path)
    # a fraction (the ballot's 9/10, a multiplier) moves by one hundredth, a count by one
    _set(
        data,
        path,
        str(Fraction(old) + Fraction(delta, 100)) if isinstance(old, str) else old + delta,
    )
    found = differences(load_snapshot(name), pins_of(name, data))
    key = _pin_key(name, data, path)
    assert any(line.startswith(f"{key} ") or line.startswith(f"{key},") for line in found), (
        key,
        found,
    )


ORDERS: dict[str, tuple[str, ...]] = {
    "level_at_least": (
        "unit",
        "commune",
        "district",
        "province",
        "central",
        "national",
        "international",
    ),
    "grade_at_least": ("not_completed", "completed", "good", "excellent"),
    "rating_at_least": ("pass", "good", "excellent"),
    "through": ("previous-year", "window-end"),
    "comparison": ("at_least", "more_than"),
}
"""The ordered (or two-valued) settings of the shipped files: a level, a grade, a look-back's end."""


def settings() -> Iterator[tuple[str, tuple[Any, ...], str]]:
    """(file, path, the neighbouring value) for every ordered setting, one step up and one down."""

    def walk(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
        if isinstance(value, dict):
            for k, v in value.items():
                yield from walk(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from walk(v, (*path, i))
        elif path and path[-1] in ORDERS:
            order = ORDERS[path[-1]]
            at = order.index(value)
            for other in (at - 1, at + 1):
                if 0 <= other < len(order):
                    yield path, order[other]

    for name in (*CATALOGUES, *RULESETS):
        for path, value in walk(shipped(name), ()):
            yield name, path, value


@pytest.mark.parametrize(
    ("name", "path", "value"),
    list(settings()),
    ids=lambda v: "/".join(map(str, v)) if isinstance(v, tuple) else str(v),
)
def test_moving_a_level_or_grade_one_step_fails_the_pin_naming_its_rule(
    name: str, path: tuple[Any, ...], value: str
) -> None:
    """Each award level, rating grade, project rating, look-back end and comparison one step away."""
    data = shipped(name)
    _set(data, path, value)
    found = differences(load_snapshot(name), pins_of(name, data))
    key = _pin_key(name, data, path)
    assert any(line.startswith((f"{key} ", f"{key},")) for line in found), (key, found)


def test_a_snapshot_difference_names_the_rule_and_the_provision() -> None:
    """The message a reviewer reads: the rule id, its provision, the key, the two values."""
    data = flipped("tuyen-quang-2023.criteria.toml", "TQ-3.2o")
    found = differences(
        load_snapshot("tuyen-quang-2023.criteria.toml"),
        pins_of("tuyen-quang-2023.criteria.toml", data),
    )
    assert found[0].startswith("TQ-3.2o, TQ Art. 3, cl. 2, pt. o: all_of was")
    data = shipped("tuyen-quang-2023.toml")
    data["cap"]["slots"] = 16
    assert differences(
        load_snapshot("tuyen-quang-2023.toml"), pins_of("tuyen-quang-2023.toml", data)
    ) == ["cap (TQ-6.2b), TQ Art. 6, cl. 2, pt. b: slots was 15, is now 16"]
