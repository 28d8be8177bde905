"""Properties of ruleset files: what is written reads back equal; what is broken says so."""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import dienhinh
from dienhinh import (
    Citation,
    DienhinhError,
    Rule,
    Ruleset,
    builtin_rulesets,
    dump_ruleset,
    load_ruleset,
    parse_ruleset,
)
from dienhinh.calendar import DateRange, Deadline, Milestone, Quarter, WindowPolicy
from dienhinh.rulesets import (
    Benefits,
    CashMultipliers,
    Dated,
    Document,
    Effective,
    Floor,
    Posthumous,
    Successor,
    Timeline,
    national_law,
)
from dienhinh.rulesets._toml import _ruleset as ruleset_from_data
from dienhinh.voting import BallotRule, Cap

NATIONAL_BALLOT = tuple(p for p in national_law().provisions if p.ballot is not None)

D = dt.date
FILES = [
    Path(dienhinh.__file__).parent / "rulesets" / "data" / f"{i}.toml" for i in builtin_rulesets()
]
FILES.append(Path(__file__).resolve().parent.parent / "examples" / "rulesets" / "my-province.toml")
TEXTS = [p.read_text(encoding="utf-8") for p in FILES]

# -- strategies for valid rulesets ------------------------------------------------------------

TEXT = st.text(
    st.characters(codec="utf-8") | st.sampled_from('"\\\n\t\x7fđĐơưẫ“”'),
    min_size=1,
    max_size=12,
).filter(lambda s: bool(s.strip()))
SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
RULE_ID = st.from_regex(r"[A-ZĐ][A-Z0-9Đ]{0,3}(-[0-9a-zđ.()]{1,5}){0,2}", fullmatch=True)
DAY = st.dates(D(1950, 1, 1), D(2150, 12, 31))
FRACTION = st.builds(Fraction, st.integers(1, 999), st.integers(1, 999))


@st.composite
def rules(draw: st.DrawFn) -> Rule:
    citation = Citation(
        draw(st.sampled_from(["X"]) | TEXT),
        article=draw(st.none() | TEXT),
        clause=draw(st.none() | TEXT),
        point=draw(st.none() | TEXT),
        quote=draw(st.none() | TEXT),
        division=draw(st.sampled_from(["article", "section"])),
    )
    return Rule(draw(RULE_ID), citation)


@st.composite
def timelines(draw: st.DrawFn, values: st.SearchStrategy[Any]) -> Timeline[Any]:
    start = draw(DAY)
    entries = []
    for i, length in enumerate(draw(st.lists(st.integers(1, 900), min_size=1, max_size=3))):
        last = i == 2 or draw(st.booleans())
        end = None if last and draw(st.booleans()) else start + dt.timedelta(days=length - 1)
        entries.append(Dated(start, end, draw(values), draw(rules())))
        if end is None or last:
            break
        start = end + dt.timedelta(days=1)
    return Timeline(entries)


def unique(strategy: st.SearchStrategy[Any], key: str) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, max_size=3, unique_by=lambda x: getattr(x, key))


@st.composite
def rulesets(draw: st.DrawFn) -> Ruleset:
    start = draw(st.none() | DAY)
    end = draw(st.none() | DAY.filter(lambda d: start is None or d >= start))
    floor = st.builds(
        lambda scope, vi, en, minimum, rule, until: Floor(
            scope, vi, en, minimum, rule, until[0] if until else None, until[1] if until else None
        ),
        SLUG,
        TEXT,
        TEXT,
        st.integers(1, 99),
        rules(),
        st.none() | st.tuples(DAY, rules()),
    )
    deadline = st.builds(
        Deadline,
        SLUG,
        st.integers(1, 12),
        st.integers(1, 28),
        rules(),
        TEXT,
        TEXT,
        st.sampled_from(["before", "no-later-than"]),
    )
    when = st.builds(
        Quarter, st.integers(1950, 2150), st.integers(1, 4), st.sampled_from(["whole", "early"])
    ) | (
        st.tuples(DAY, st.integers(0, 400)).map(
            lambda t: DateRange(t[0], t[0] + dt.timedelta(days=t[1]))
        )
    )
    milestone = st.builds(Milestone, SLUG, TEXT, TEXT, when, rules())
    multipliers = st.builds(
        CashMultipliers,
        FRACTION,
        st.integers(1, 100_000),
        st.none() | FRACTION,
        st.none() | FRACTION,
    )
    benefits = st.builds(
        Benefits,
        TEXT,
        TEXT,
        rules(),
        timelines(st.integers(1, 10**8)),
        timelines(multipliers),
        st.none() | TEXT,
    )
    ballot = draw(
        st.none()
        | st.builds(
            BallotRule,
            threshold=FRACTION.filter(lambda f: f <= 1),
            comparison=st.sampled_from(["at_least", "more_than"]),
            denominator=st.sampled_from(["total_membership", "votes_cast"]),
            quorum=st.none() | FRACTION.filter(lambda f: f <= 1),
            tie_break=st.sampled_from(["chair", "women_first", "undecided"]),
            rule=rules(),
        )
    )
    national: Timeline[BallotRule] | None = None
    if ballot is None:
        # Or borrowed national provisions (docs/rulesets.md#national-documents), a run of
        # documents that replace one another.
        first = draw(st.integers(0, len(NATIONAL_BALLOT)))
        stop = draw(st.integers(first, len(NATIONAL_BALLOT)))
        if stop > first:
            national = Timeline(
                [
                    Dated(p.document.start, p.document.end, p.ballot, p.rule)
                    for p in NATIONAL_BALLOT[first:stop]
                ]
            )
    criteria = draw(st.sampled_from(["own", "none", "file"]))
    return Ruleset(
        id=draw(SLUG),
        document=draw(
            st.builds(
                Document,
                st.just("X"),
                TEXT,
                TEXT,
                TEXT,
                TEXT,
                st.sampled_from(["draft", "issued"]),
                TEXT,
                st.none() | TEXT,
                st.none() | DAY,
                st.sampled_from(["article", "section"]),
                st.none() | TEXT,
                st.none() | TEXT,
            )
        ),
        effective=Effective(draw(rules()), start, end),
        ballot=ballot,
        national_ballot=national,
        cap=draw(st.none() | st.builds(Cap, st.integers(0, 99), rules())),
        floors=draw(unique(floor, "scope")),
        window=draw(
            st.none() | st.builds(WindowPolicy, st.integers(1, 12), st.integers(1, 28), rules())
        ),
        deadlines=draw(unique(deadline, "name")),
        milestones=draw(unique(milestone, "id")),
        posthumous=draw(st.none() | st.builds(Posthumous, st.booleans(), rules())),
        benefits=draw(st.none() | benefits),
        successor=draw(
            st.none()
            | st.builds(
                Successor, TEXT, st.lists(TEXT, min_size=2, max_size=3, unique=True), DAY, rules()
            )
        ),
        criteria_file="x.criteria.toml" if criteria == "file" else None,
        own_criteria=criteria != "none",
    )


class TestRoundTrip:
    """A ruleset file, written back by dump_ruleset, loads to an equal ruleset (docs/rulesets.md)."""

    @given(st.sampled_from(TEXTS))
    def test_the_shipped_files(self, text: str) -> None:
        """Load → dump → load gives an equal ruleset for every built-in file and the example."""
        first = parse_ruleset(text)
        assert parse_ruleset(dump_ruleset(first)) == first

    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(rulesets())
    def test_any_valid_ruleset(self, ruleset: Ruleset) -> None:
        """Any ruleset built in code survives dump → load, including quotes, backslashes and newlines in text."""
        text = dump_ruleset(ruleset)
        again = parse_ruleset(text)
        assert again == ruleset
        assert dump_ruleset(again) == text


# -- corruptions ---------------------------------------------------------------------------------

TOML_VALUES = st.recursive(
    st.none().map(lambda _: "")  # an empty string
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.booleans()
    | st.text(max_size=8)
    | st.dates()
    | st.datetimes()
    | st.datetimes(timezones=st.just(dt.UTC))
    | st.times(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


class TestCorruptionsNeverCrash:
    """Strict loading: a broken file is always a DienhinhError (RulesetError), never another exception."""

    @given(st.sampled_from(TEXTS), st.data())
    @example(TEXTS[0], None)
    def test_edited_text(self, text: str, data: st.DataObject | None) -> None:
        """Deleting, duplicating, swapping or garbling lines and characters gives a ruleset or a DienhinhError."""
        lines = text.splitlines()
        if data is not None:
            for _ in range(data.draw(st.integers(1, 3))):
                op = data.draw(
                    st.sampled_from(["delete", "duplicate", "swap", "garble", "insert", "truncate"])
                )
                i = data.draw(st.integers(0, len(lines) - 1)) if lines else 0
                if not lines:
                    break
                if op == "delete":
                    del lines[i]
                elif op == "duplicate":
                    lines.insert(i, lines[i])
                elif op == "swap":
                    j = data.draw(st.integers(0, len(lines) - 1))
                    lines[i], lines[j] = lines[j], lines[i]
                elif op == "garble" and lines[i]:
                    k = data.draw(st.integers(0, len(lines[i]) - 1))
                    lines[i] = lines[i][:k] + data.draw(st.text(max_size=3)) + lines[i][k + 1 :]
                elif op == "insert":
                    lines.insert(i, data.draw(st.text(max_size=20)))
                else:
                    lines = lines[:i]
        with contextlib.suppress(DienhinhError):
            parse_ruleset("\n".join(lines), source="edited.toml")

    @given(st.sampled_from(TEXTS), st.data())
    def test_changed_values(self, text: str, data: st.DataObject) -> None:
        """Replacing, deleting or adding any value anywhere gives a ruleset or a DienhinhError."""
        doc = tomllib.loads(text)
        for _ in range(data.draw(st.integers(1, 3))):
            path = data.draw(st.sampled_from(_paths(doc)))
            op = data.draw(st.sampled_from(["replace", "delete", "add"]))
            if not path:
                if op == "add":
                    doc[data.draw(st.text(max_size=6))] = data.draw(TOML_VALUES)
                continue
            *head, last = path
            parent: Any = doc
            for key in head:
                parent = parent[key]
            if op == "replace":
                parent[last] = data.draw(TOML_VALUES)
            elif op == "delete":
                del parent[last]
            elif isinstance(parent[last], dict):
                parent[last][data.draw(st.text(max_size=6))] = data.draw(TOML_VALUES)
        with contextlib.suppress(DienhinhError):
            ruleset_from_data(doc, "changed.toml", None)


def test_the_shipped_rulesets_load_from_their_files() -> None:
    """Each built-in file loads by id and by path to equal rulesets."""
    for path in FILES[:-1]:
        assert load_ruleset(path) == load_ruleset(path.stem)
