"""The reader's way of making a nominee and a nomination (issue 13) is the public constructor's.

``read_nominee`` remembers what the public converters checked before — fields and ``complete``
as given, a run of one evidence type by the items' identities — and sends anything else
through them. Whatever it is given, valid or not, met before or not, it gives what
``Nominee(...)`` gives: an equal value, or the same error with the same message.
"""

from __future__ import annotations

import datetime as dt
from json.encoder import encode_basestring
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dienhinh._canonical import canonical_json
from dienhinh._errors import DienhinhError
from dienhinh._kinds import NomineeKind
from dienhinh.criteria import Attestation, Evidence, Nominee, Ocop, Rating, _nominee
from dienhinh.criteria._nominee import read_nominee
from dienhinh.round import _inputs
from dienhinh.round._inputs import Nomination, read_nomination
from tests.test_criteria_properties import evidence_lists

# Each value valid about half the time, so that whole nominees are made as often as refused.
_kinds = st.sampled_from(["collective", "individual"]) | st.sampled_from(["household", "", 3])
_ids = st.sampled_from(["agriculture", "science_technology", "m01"]) | st.sampled_from(
    [" m01", "", "a\u0301", 7]
)
_types = st.sampled_from(["award", "ocop", "attestation", "figure"]) | st.sampled_from(["nope", 1])
_names = st.none() | st.sampled_from(["  Hợp tác xã Tân Trào ", "A"]) | st.sampled_from(["", 5])
_odd = st.lists(st.sampled_from(["not evidence", 3, None]), max_size=1)


def _outcome(make: Any, *args: Any, **kwargs: Any) -> tuple[str, Any]:
    try:
        made = make(*args, **kwargs)
    except DienhinhError as exc:
        return type(exc).__name__, str(exc)
    return "made", made


@st.composite
def _arguments(draw: st.DrawFn) -> tuple[Any, list[Any], list[Any], list[Any], Any]:
    """Arguments as a reader could pass them: evidence drawn by index from a pool, so one
    object may be given twice (the same evidence twice) or again in the next call."""
    pool: list[Any] = draw(evidence_lists(min_size=1, max_size=6))
    pool += draw(
        st.sampled_from([
            [],
            [  # a second rating for 2024
                Rating("excellent", 2024, "UBND tỉnh"),
                Rating("good", 2024, "UBND tỉnh"),
            ],
            [  # equal items, not one item given twice
                Ocop("Chè", 3, dt.date(2024, 3, 1), "UBND tỉnh"),
                Ocop("Chè", 3, dt.date(2024, 3, 1), "UBND tỉnh"),
            ],
        ])
    )  # fmt: skip
    pool += draw(_odd)
    picks = draw(st.lists(st.integers(0, len(pool) - 1), max_size=6))
    evidence = [pool[i] for i in picks]
    return (
        draw(_kinds),
        draw(st.lists(_ids, max_size=2)),
        evidence,
        draw(st.lists(_types, max_size=2)),
        draw(_names),
    )


@given(st.lists(_arguments(), min_size=1, max_size=4), st.booleans())
def test_a_nominee_read_is_the_nominee_the_public_constructor_makes(
    calls: list[tuple[Any, list[Any], list[Any], list[Any], Any]], cold: bool
) -> None:
    """Each call twice (the second meets everything the first remembered), the stores
    emptied first or left as earlier examples filled them."""
    if cold:
        for store in (_nominee._SEEN_FIELDS, _nominee._SEEN_COMPLETE, _nominee._SEEN_GROUPS):
            store.clear()
    for kind, fields, evidence, complete, name in calls + calls:
        public = _outcome(Nominee, kind, fields, evidence, complete=complete, name=name)
        read = _outcome(read_nominee, kind, fields, evidence, complete, name)
        assert read == public
        if public[0] == "made":
            assert type(read[1]) is Nominee
            assert read[1].to_json() == public[1].to_json()
            assert read[1].evidence == public[1].evidence
            assert all(map(_is, read[1].evidence, public[1].evidence))


def _is(a: object, b: object) -> bool:
    return a is b


def test_a_run_met_again_in_another_order_is_ordered_afresh() -> None:
    """The runs are remembered by the items' identities in the order given: the same two
    ratings given the other way round are looked up afresh and come out in the same order."""
    first = Rating("excellent", 2023, "UBND tỉnh")
    second = Rating("good", 2024, "UBND tỉnh")
    one = read_nominee("individual", ["agriculture"], [first, second], [], None)
    other = read_nominee("individual", ["agriculture"], [second, first], [], None)
    public = Nominee("individual", ["agriculture"], [second, first])
    assert one.evidence == other.evidence == public.evidence


def test_two_ratings_for_one_year_are_refused_as_the_public_constructor_refuses_them() -> None:
    """The checks over the whole evidence (one rating a year) run on the reader's path too,
    also when each run of one type was met before and is taken as remembered."""
    ratings = [Rating("excellent", 2024, "UBND tỉnh"), Rating("good", 2024, "UBND tỉnh")]
    public = _outcome(Nominee, "individual", ["agriculture"], ratings)
    assert public[0] == "DuplicateIdError"
    assert "gives two ratings for one year" in public[1]
    for _ in range(2):
        read = _outcome(read_nominee, "individual", ["agriculture"], ratings, [], None)
        assert read == public


_NOMINEE = Nominee("individual", ["agriculture"], [])


# Each argument: values of the plain case (the reader's own path: ids as strings, which the
# constructor may still normalise or refuse), and values the constructor converts or refuses.
_PLAIN: dict[str, list[Any]] = {
    "id": ["n1", "a\u0301"],
    "unit": ["Đơn vị 1", "Đo\u031bn vi\u0323"],
    "nominee": [_NOMINEE],
    "consent": [None, True, False],
    "selected_by_head": [None, True, False],
    "died_on": [None, dt.date(2024, 5, 1)],
    "women_priority": [True, False],
    "stage": [None],
    "priority": [[]],
    "supports": [None],
}
_OTHER: dict[str, list[Any]] = {
    "id": [7, None, "", " n1"],
    "unit": [3, "", "u\u202e"],
    "nominee": ["not a nominee"],
    "consent": [0, "yes"],
    "selected_by_head": [1, "no"],
    "died_on": ["2024-05-01", dt.datetime(2024, 5, 1)],
    "women_priority": [None, 1],
    "stage": ["foster", "nope"],
    "priority": [["small_collective"], ["nope"], ()],
    "supports": ["unit", "nope"],
}


@st.composite
def _nomination_arguments(draw: st.DrawFn) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """What a reader could pass: the plain case, or one argument (sometimes two) that the
    constructor converts or refuses."""
    names = sorted(_OTHER)
    odd = {draw(st.sampled_from([None, *names])), draw(st.sampled_from([None] * 10 + names))}
    given = {
        name: draw(st.sampled_from(_OTHER[name] if name in odd else plain))
        for name, plain in _PLAIN.items()
    }
    return (given.pop("id"), given.pop("unit"), given.pop("nominee")), given


@settings(max_examples=300)  # cheap, and each odd argument needs its turn
@given(st.lists(_nomination_arguments(), min_size=1, max_size=4), st.booleans())
def test_a_nomination_read_is_the_nomination_the_public_constructor_makes(
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]], cold: bool
) -> None:
    """Each call twice (the second meets the unit ids the first remembered), the store
    emptied first or left as earlier examples filled it."""
    if cold:
        _inputs._UNITS.clear()
    for positional, keywords in calls + calls:
        public = _outcome(Nomination, *positional, **keywords)
        read = _outcome(read_nomination, *positional, **keywords)
        assert read == public
        if public[0] == "made":
            assert type(read[1]) is Nomination
            assert read[1].to_json() == public[1].to_json()


# -- the reader's path is taken -----------------------------------------------------------------
# The tests above hold read_nominee to the public constructor's value, which a reader that
# always fell back to the constructor would also give. What read_nominee promises beyond that
# is the work it saves (issue 13: a national year reads 10^5 nominees, most of them repeating a
# unit's attestations, fields and `complete`): these tests count the public converters' calls.


class _Counted:
    """A module function of ``criteria._nominee``, counting its calls."""

    def __init__(self, fn: Any) -> None:
        self.fn, self.calls = fn, 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.fn(*args, **kwargs)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, _Counted]:
    """The converters read_nominee may call, counted, with its stores empty."""
    for store in ("_SEEN_FIELDS", "_SEEN_COMPLETE", "_SEEN_GROUPS"):
        monkeypatch.setattr(_nominee, store, {})
    made = {}
    for name in ("_kind", "_fields", "_complete", "_evidence", "assembled"):
        made[name] = _Counted(getattr(_nominee, name))
        monkeypatch.setattr(_nominee, name, made[name])
    return made


def _attest(criterion: str, day: int) -> Attestation:
    return Attestation(criterion, "UBND xã", "Chủ tịch", dt.date(2024, 9, day), "Đạt.")


def test_lists_take_the_readers_path_anything_else_the_public_constructor(
    counted: dict[str, _Counted],
) -> None:
    """The reader gives lists: those are made without the constructor (``assembled``); a tuple
    in any of the three places goes through ``Nominee(...)``."""
    ocop = Ocop("Chè", 3, dt.date(2024, 3, 1), "UBND tỉnh")
    read_nominee("collective", ["agriculture"], [ocop], [], None)
    assert counted["assembled"].calls == 1
    for place in range(3):
        args: list[Any] = [["agriculture"], [ocop], []]
        args[place] = tuple(args[place])
        made = read_nominee("collective", args[0], args[1], args[2], None)
        assert made == Nominee("collective", ["agriculture"], [ocop])
        assert counted["assembled"].calls == 1, place


def test_a_kind_given_as_its_string_is_looked_up_anything_else_converted(
    counted: dict[str, _Counted],
) -> None:
    read_nominee("individual", ["agriculture"], [], [], None)
    assert counted["_kind"].calls == 0
    made = read_nominee(NomineeKind.INDIVIDUAL, ["agriculture"], [], [], None)
    assert made.kind is NomineeKind.INDIVIDUAL
    assert counted["_kind"].calls == 1


class _Text(str):
    """A subclass of str: equal to a plain string, so never looked up as one."""


def test_fields_and_complete_are_converted_once_per_value_met(
    counted: dict[str, _Counted],
) -> None:
    """Equal lists (new objects each time, as a reader gives them) are converted once; a list
    holding a str subclass is converted every time."""
    for _ in range(3):
        read_nominee("individual", ["agriculture"], [], ["award"], None)
    assert (counted["_fields"].calls, counted["_complete"].calls) == (1, 1)
    read_nominee("individual", ["education"], [], [], None)
    assert (counted["_fields"].calls, counted["_complete"].calls) == (2, 2)
    for _ in range(2):
        made = read_nominee("individual", [_Text("agriculture")], [], [_Text("award")], None)
        assert made.fields == ("agriculture",)
    assert (counted["_fields"].calls, counted["_complete"].calls) == (4, 4)


def test_a_run_of_one_type_is_ordered_once_per_run_met(counted: dict[str, _Counted]) -> None:
    """A unit's attestations, shared by its nominees: the run is ordered (and checked) by the
    public converter the first time, and found again by its items' identities after, also
    when given out of the canonical order and when another run was met in between. A lone
    item of its type needs no ordering."""
    ocop = Ocop("Chè", 3, dt.date(2024, 3, 1), "UBND tỉnh")
    a: list[Evidence] = [_attest("c2", 20), _attest("c1", 20)]  # not canonical order
    b: list[Evidence] = [_attest("c3", 21), _attest("c4", 21)]
    first = read_nominee("collective", ["agriculture"], [ocop, *a], [], None)
    assert first.evidence == Nominee("collective", ["agriculture"], [ocop, *a]).evidence
    assert counted["_evidence"].calls == 1
    read_nominee("collective", ["agriculture"], [*a, ocop], [], None)
    assert counted["_evidence"].calls == 1
    read_nominee("collective", ["agriculture"], b, [], None)
    assert counted["_evidence"].calls == 2
    again = read_nominee("collective", ["agriculture"], [ocop, *a], [], None)
    assert counted["_evidence"].calls == 2
    assert all(map(_is, again.evidence, first.evidence))
    read_nominee("collective", ["agriculture"], [ocop], [], None)
    read_nominee("collective", ["agriculture"], [ocop, a[0]], [], None)
    assert counted["_evidence"].calls == 2


def test_an_attestations_sort_key_is_its_canonical_json_with_the_quoting_loaded_on_first_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The quoting of the canonical encoder is imported when a key is first written."""
    monkeypatch.setattr(_nominee, "_quote", None)
    monkeypatch.setattr(_nominee, "_KEYS", {})
    item = Attestation("c1", "UBND xã “Tân Trào”", "Chủ tịch", dt.date(2024, 9, 20), "Đạt.")
    assert _nominee._sort_key(item) == canonical_json(item.to_json())
    assert _nominee._quote is encode_basestring
