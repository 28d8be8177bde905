"""The kernel's contracts, pinned where mutation testing found them unpinned (docs/mutation.md).

The package root holds what every layer relies on: the text checks at the boundary, the
canonical JSON and digests, the readings, the reasons and citations, documents in time. The
other test files reach it through the layers and check that an error is raised, a digest
stays stable, a reason is cited; these tests state what each kernel function promises on its
own — every message whole (what was wrong, where, what is allowed: the error contract of
``src/dienhinh/_errors.py``), every limit on both sides.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

import attrs
import pytest

from dienhinh import (
    INTERPRETATIONS,
    Readings,
    _canonical,
    _documents,
    _effect,
    _interpretations,
    _text,
)
from dienhinh._batch import remember
from dienhinh._canonical import (
    SharedDict,
    SharedList,
    Sharing,
    Stream,
    canonical_chunks,
    canonical_json,
    plain,
)
from dienhinh._convert import instance_of, is_a, items_of, one_of, to_enum
from dienhinh._documents import (
    DocumentStatus,
    day_or_none,
    draft_notice,
    flag,
    opt_text,
    slug,
    status_of,
    text,
)
from dienhinh._effect import (
    document_notices,
    effect_notices,
    effect_period,
    year_notices,
)
from dienhinh._errors import (
    ECHO_LIMIT,
    DienhinhError,
    InvalidInputError,
    InvalidTypeError,
    InvalidValueError,
    MissingExtraError,
    Problem,
    UnknownIdError,
    UnknownInterpretationError,
    UnreadableFileError,
    clip,
    describe,
)
from dienhinh._provenance import Citation, Rule, document_title
from dienhinh._reasons import ReasonCode, Severity, listed
from dienhinh._text import (
    MAX_DIGITS,
    MAX_ID,
    MAX_TEXT,
    a_or_an,
    ascii_integer,
    bad_character,
    decode_utf8,
    did_you_mean,
    fold,
    identifier,
    nfc,
    text_problem,
    utf8_error,
)

_E = TypeVar("_E", bound=Exception)


def _refuses(make: Callable[[], object], error: type[_E], message: str) -> _E:
    """``make()`` raises ``error`` (or a subclass) whose text is ``message``, whole."""
    with pytest.raises(error) as caught:
        make()
    assert str(caught.value) == message
    return caught.value


# -- text at the boundary (_text) ---------------------------------------------------------------

# One character of each kind bad_character tells apart, with what it says of it in free text
# and in an identifier (None: allowed).
_CHARACTERS = [
    ("a", None, None),
    (" ", None, None),
    ("\t", None, "U+0009"),
    ("\n", None, "U+000A"),
    ("\r", None, "U+000D"),
    ("\x00", "U+0000", "U+0000"),
    ("\x7f", "U+007F", "U+007F"),
    ("\x85", None, "U+0085"),  # NEXT LINE: a line break in text
    ("\x9b", "U+009B", "U+009B"),  # another C1 control (category Cc): never
    ("\u2028", None, "U+2028 LINE SEPARATOR"),  # Zl
    ("\u2029", None, "U+2029 PARAGRAPH SEPARATOR"),  # Zp
    (
        "\ud800",
        "U+D800 (a lone surrogate: not a character)",
        "U+D800 (a lone surrogate: not a character)",
    ),
    ("\u202e", None, "U+202E RIGHT-TO-LEFT OVERRIDE"),  # Cf
    ("\u200b", None, "U+200B ZERO WIDTH SPACE"),  # Cf
    ("\ue000", None, "U+E000"),  # Co: private use, no name
    ("\u0378", None, "U+0378"),  # Cn: unassigned, no name
    ("\u00a0", None, "U+00A0 NO-BREAK SPACE"),  # Zs other than U+0020
    ("\u3000", None, "U+3000 IDEOGRAPHIC SPACE"),  # Zs
    ("\u3164", None, "U+3164 HANGUL FILLER"),  # renders as nothing, category Lo
    ("\u2800", None, "U+2800 BRAILLE PATTERN BLANK"),  # the same, category So
    ("ễ", None, None),
    ("\u0303", None, None),  # a combining mark (Mn): decomposed Vietnamese
]


@pytest.mark.parametrize(("ch", "in_text", "in_id"), _CHARACTERS)
def test_bad_character_tells_text_from_identifiers(
    ch: str, in_text: str | None, in_id: str | None
) -> None:
    """Text refuses controls other than tab and line breaks, and lone surrogates; an identifier
    refuses those breaks too, format and private-use characters, unassigned code points, every
    space but U+0020 and the characters that render as nothing. The position is the first
    refused character's."""
    for is_id, said in ((False, in_text), (True, in_id)):
        assert bad_character(f"ab{ch}c{ch}", identifier=is_id) == (
            None if said is None else (2, said)
        )
    assert bad_character(f"ab{ch}") == (None if in_text is None else (2, in_text))


def test_text_problem_words_the_limit_and_the_character() -> None:
    assert text_problem("m" * MAX_ID, identifier=True) is None
    assert text_problem("m" * (MAX_ID + 1), identifier=True) == (
        "is 201 characters long; allowed: at most 200"
    )
    assert text_problem("m" * MAX_TEXT) is None
    assert text_problem("m" * (MAX_TEXT + 1)) == (
        "is 10,001 characters long; allowed: at most 10,000"
    )
    assert text_problem("m" * (MAX_ID + 1)) is None  # text is not held to an id's length
    assert text_problem("m\u200b01", identifier=True) == (
        "holds U+200B ZERO WIDTH SPACE at character 1, which an identifier may not hold; "
        "allowed: printable characters; spaces only as U+0020"
    )
    assert text_problem("m\u200b01") is None
    assert text_problem("a\x00") == (
        "holds U+0000 at character 1, which text may not hold; "
        "allowed: characters, tabs and line breaks"
    )


def test_utf8_error_names_the_line_column_and_byte() -> None:
    for data, line, column in (
        (b"\xff", 1, 1),
        (b"ab\xff", 1, 3),
        (b"a\nbc\xff", 2, 3),
        (b"\n\n\xff", 3, 1),
        (b"\n\xff", 2, 1),
        (b"x\nyy\nz\xff\n", 3, 2),
    ):
        with pytest.raises(UnicodeDecodeError) as caught:
            data.decode("utf-8")
        start = len(data.split(b"\xff")[0])
        assert utf8_error(data, caught.value) == (
            f"not UTF-8 text: invalid start byte 0xff at line {line} column {column} (byte {start})"
        )


def test_decode_utf8_drops_one_byte_order_mark_and_refuses_bad_bytes_with_their_place() -> None:
    assert decode_utf8("\ufeffNguyễn".encode(), source="x") == "Nguyễn"
    assert decode_utf8("Nguyễn".encode(), source="x") == "Nguyễn"
    with pytest.raises(InvalidValueError) as caught:
        decode_utf8(b"ok\n\xc3(", source="file.json")
    assert str(caught.value) == (
        "file.json: not UTF-8 text: invalid continuation byte 0xc3 at line 2 column 1 "
        "(byte 3); allowed: UTF-8, with or without a byte-order mark"
    )


def test_ascii_integer_reads_ascii_digits_and_refuses_anything_else() -> None:
    assert ascii_integer("2024", field="year") == 2024
    assert ascii_integer("-7", field="n") == -7
    assert ascii_integer("+7", field="n") == 7
    assert ascii_integer("9" * MAX_DIGITS, field="n") == int("9" * MAX_DIGITS)
    assert ascii_integer("-" + "9" * MAX_DIGITS, field="n") == -int("9" * MAX_DIGITS)
    for digits in ("２０２４", "", "1.5", " 1", "1 ", "+", "--1", "9" * (MAX_DIGITS + 1)):
        with pytest.raises(InvalidValueError) as caught:
            ascii_integer(digits, field="year", allowed="a year, e.g. 2024")
        assert str(caught.value) == (
            f"year={digits!r}: is not a whole number; allowed: a year, e.g. 2024"
        )
    with pytest.raises(InvalidValueError, match=r"allowed: ASCII digits$"):
        ascii_integer("x", field="n")
    with pytest.raises(InvalidTypeError) as type_error:
        ascii_integer(2024, field="year")  # type: ignore[arg-type]
    assert str(type_error.value) == "year=2024: must be a string of digits"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("individual", "an individual"),
        ("Award", "an Award"),
        ("element", "an element"),
        ("item", "an item"),
        ("owner", "an owner"),
        ("household", "a household"),
        ("unit", "a unit"),
        ("user", "a user"),
        ("usual case", "a usual case"),
        ("utility", "a utility"),
        ("one-off", "a one-off"),
        ("once", "a once"),
        ("European", "a European"),
        ("uranium", "a uranium"),
        ("hour", "an hour"),
        ("honest", "an honest"),
        ("honor", "an honor"),
        ("honour", "an honour"),
        ("heir", "an heir"),
        ("ruleset", "a ruleset"),
        ("", "a "),
    ],
)
def test_a_or_an_follows_the_first_sound(phrase: str, expected: str) -> None:
    assert a_or_an(phrase) == expected


def test_fold_drops_diacritics_case_and_the_stroke_of_d() -> None:
    assert fold("Nguyễn Thị Đào") == "nguyen thi dao"
    assert fold("đĐ") == "dd"
    assert fold("STRASSE") == "strasse"
    assert fold("Straße") == "strasse"  # casefold, not lower


def test_did_you_mean_suggests_the_nearest_known_id() -> None:
    known = ["Nguyễn Thị Hoa", "Hoàng Văn Minh", "nguyen thi hoa"]
    # The first of two ids that fold alike is the one suggested.
    assert did_you_mean("NGUYEN THI HOA", known) == " (did you mean 'Nguyễn Thị Hoa'?)"
    assert did_you_mean("Hoang Van Mihn", known) == " (did you mean 'Hoàng Văn Minh'?)"
    assert did_you_mean("Trần", known) == ""
    assert did_you_mean(7, known) == ""
    assert did_you_mean("x" * (MAX_ID + 1), ["x" * (MAX_ID + 1)]) == ""
    assert did_you_mean("x" * MAX_ID, ["x" * MAX_ID]) == f" (did you mean {'x' * MAX_ID!r}?)"
    # difflib's cutoff, 0.75: three letters of four in place are close, two of four are not.
    assert did_you_mean("abcx", ["abcd"]) == " (did you mean 'abcd'?)"
    assert did_you_mean("abxy", ["abcd"]) == ""
    assert did_you_mean("abcxy", ["abcde"]) == ""  # 0.6: difflib's own default would take it


# -- the error contract (_errors) ---------------------------------------------------------------


def test_an_errors_message_names_the_field_its_value_what_is_allowed_and_the_rule() -> None:
    """``field=value!r: what was wrong; allowed: …`` then ``(rule …)``; ``None`` is a value
    (a bad one), distinct from no value given."""
    full = InvalidValueError("is late", field="received", value=3, allowed="a day", rule="X-8.3b")
    assert str(full) == "received=3: is late; allowed: a day (rule X-8.3b)"
    assert (full.field, full.value, full.allowed, full.rule) == ("received", 3, "a day", "X-8.3b")
    unset = InvalidValueError("is late", field="received")
    assert str(unset) == "received: is late"
    assert unset.value is None
    given_none = InvalidValueError("is late", field="received", value=None)
    assert str(given_none) == "received=None: is late"
    assert str(InvalidValueError("is late")) == "is late"
    assert str(InvalidValueError("is late", value=3)) == "is late"  # no field, no echo
    bare = DienhinhError("x")
    assert (bare.field, bare.value, bare.allowed, bare.rule) == (None, None, None, None)


def test_no_value_given_shows_as_unset_in_the_signature() -> None:
    """``None`` is a legitimate bad value, so "no value" has its own marker."""
    default = inspect.signature(DienhinhError).parameters["value"].default
    assert repr(default) == "<unset>"


def test_an_unknown_id_reads_as_its_message_not_its_repr() -> None:
    """LookupError's str() would quote the message."""
    assert str(UnknownIdError("nominee 'n9' is not in the round")) == (
        "nominee 'n9' is not in the round"
    )


def test_a_documents_problems_are_listed_at_once() -> None:
    problems = [
        Problem("ballots[2].member", "is not on the roster", allowed="tv01, tv02"),
        Problem("ballot.threshold", "is not a fraction"),
    ]
    assert [str(p) for p in problems] == [
        "ballots[2].member: is not on the roster (allowed: tv01, tv02)",
        "ballot.threshold: is not a fraction",
    ]
    error = InvalidInputError("round.json", problems)
    assert str(error) == (
        "round.json: ballots[2].member: is not on the roster (allowed: tv01, tv02); "
        "ballot.threshold: is not a fraction"
    )
    assert (error.summary, error.problems) == ("round.json", tuple(problems))
    assert str(InvalidInputError("round.json", [])) == "round.json"


def test_a_missing_extra_names_the_install_and_an_unreadable_file_its_path() -> None:
    extra = MissingExtraError("dienhinh serve", "serve", "starlette")
    assert str(extra) == (
        "dienhinh serve needs the optional package 'starlette'; "
        "install it with: pip install 'dienhinh[serve]'"
    )
    assert (extra.extra, extra.module) == ("serve", "starlette")
    unreadable = UnreadableFileError("r.json", "no such file")
    assert str(unreadable) == "r.json: no such file"
    assert (unreadable.path, unreadable.problem) == ("r.json", "no such file")


def _raise(*_: object) -> int:
    raise RuntimeError("no")


# reprlib words a failing __repr__ itself; what fails inside reprlib is a value of a type it
# renders by its name (a "list" here) whose length cannot be read.
_BrokenList = type("list", (), {"__len__": _raise, "__iter__": _raise})


def test_describe_echoes_at_most_the_limit() -> None:
    assert describe("ab") == "'ab'"
    assert describe(None) == "None"
    assert describe(_BrokenList()) == "<list>"
    # reprlib cuts a long string first; the limit then holds the whole echo.
    assert describe([1] * 3) == "[1, 1, 1]"
    exact = "x" * (ECHO_LIMIT - 2)  # its repr, quotes included, is exactly the limit
    assert describe(exact) == repr(exact)
    long = describe("x" * 1000)
    assert len(long) <= ECHO_LIMIT
    assert long.startswith("'xxx")
    assert "..." in long
    items = describe(list(range(12)))
    assert items == repr(list(range(12)))
    wide = describe([10**9] * 12)  # 12 items within reprlib's count, 143 characters
    assert len(wide) == ECHO_LIMIT
    assert wide == repr([10**9] * 12)[: ECHO_LIMIT - 3] + "..."


def test_clip_keeps_text_up_to_the_limit_and_marks_the_cut() -> None:
    assert clip("x" * ECHO_LIMIT) == "x" * ECHO_LIMIT
    assert clip("x" * (ECHO_LIMIT + 1)) == "x" * (ECHO_LIMIT - 3) + "..."
    assert clip("abcdef", 6) == "abcdef"
    assert clip("abcdefg", 6) == "abc..."


# -- converters and validators (_convert, _documents) -------------------------------------------


class _Colour(enum.Enum):
    RED = "red"
    ORANGE = "orange"


def test_to_enum_takes_a_member_or_its_value_and_names_the_choices() -> None:
    assert to_enum(_Colour, _Colour.RED, "colour") is _Colour.RED
    assert to_enum(_Colour, "orange", "colour") is _Colour.ORANGE
    with pytest.raises(InvalidValueError) as caught:
        to_enum(_Colour, "blue", "colour")
    assert str(caught.value) == "colour='blue': is not a _Colour; allowed: red, orange"


def test_instance_of_and_items_of_say_what_is_meant() -> None:
    assert instance_of(3, int, "cap", "a whole number") == 3
    with pytest.raises(InvalidTypeError) as caught:
        instance_of("3", int, "cap", "a whole number")
    assert str(caught.value) == "cap='3': must be a whole number"
    assert items_of([1, 2], int, "xs", "numbers") == (1, 2)
    for bad in ("12", b"12", {"a": 1}, 12):
        with pytest.raises(InvalidTypeError) as listed:
            items_of(bad, int, "xs", "numbers")
        assert str(listed.value) == f"xs={bad!r}: must be a list of numbers"
    with pytest.raises(InvalidTypeError) as item:
        items_of([1, "2"], int, "xs", "numbers")
    assert str(item.value) == "xs[1]='2': must be numbers"


def test_the_attrs_validators_made_by_is_a_and_one_of_name_the_field() -> None:
    # The class is made here, not at import: its validators are what is_a and one_of give now.
    @attrs.frozen
    class Checked:
        count: Any = attrs.field(validator=is_a(int, "a whole number"))
        mode: Any = attrs.field(default="a", validator=one_of("a", "b"))
        on: Any = attrs.field(default=True, validator=flag)

    assert attrs.astuple(Checked(3, "b", False)) == (3, "b", False)
    cases: list[tuple[tuple[Any, ...], type[Exception], str]] = [
        (("3",), InvalidTypeError, "count='3': must be a whole number"),
        ((3, "c"), InvalidValueError, "mode='c': is not allowed; allowed: a, b"),
        ((3, "a", 1), InvalidTypeError, "on=1: must be true or false"),
    ]
    for args, error, message in cases:
        _refuses(lambda: Checked(*args), error, message)  # noqa: B023 - called at once


def test_the_documents_converters_refuse_with_the_field_value_and_what_is_allowed() -> None:
    assert slug("tuyen-quang-2023", "ruleset.id") == "tuyen-quang-2023"
    assert text("Nguye\u0302\u0303n ", "name") == "Nguyễn "
    assert opt_text(None, "name") is None
    assert opt_text("A", "name") == "A"
    assert day_or_none(None, "day") is None
    assert day_or_none(dt.date(2024, 1, 2), "day") == dt.date(2024, 1, 2)
    assert status_of("draft") is DocumentStatus.DRAFT
    assert status_of(DocumentStatus.ISSUED) is DocumentStatus.ISSUED
    cases: list[tuple[Any, type[Exception], str]] = [
        (lambda: slug(3, "ruleset.id"), InvalidTypeError, "ruleset.id=3: must be a string"),
        (
            lambda: slug("Tuyen--Quang", "ruleset.id"),
            InvalidValueError,
            "ruleset.id='Tuyen--Quang': is not an id; "
            "allowed: lower-case a-z, 0-9 and single hyphens",
        ),
        (lambda: text(3, "name"), InvalidTypeError, "name=3: must be a string"),
        (lambda: text("  ", "name"), InvalidValueError, "name='  ': must not be blank"),
        (lambda: opt_text(" ", "title"), InvalidValueError, "title=' ': must not be blank"),
        (
            lambda: day_or_none(dt.datetime(2024, 1, 2), "day"),
            InvalidTypeError,
            "day=datetime.datetime(2024, 1, 2, 0, 0): must be a datetime.date (not a datetime)",
        ),
        (
            lambda: day_or_none("2024-01-02", "day"),
            InvalidTypeError,
            "day='2024-01-02': must be a datetime.date (not a datetime)",
        ),
        (
            lambda: status_of("final"),
            InvalidValueError,
            "status='final': is not a document status; allowed: draft, issued",
        ),
    ]
    for make, error, message in cases:
        _refuses(make, error, message)


@attrs.frozen
class _Draft:
    id: str = "x-2024"
    status: DocumentStatus = DocumentStatus.DRAFT
    blank: tuple[str, ...] = ("ballot.threshold",)


def test_a_draft_is_noticed_or_refused_and_anything_else_is_not_a_ruleset() -> None:
    """A-18: a draft's results say so (``allowed-visible``), or it is refused (``refuse``)."""
    used, reasons = draft_notice(_Draft(), Readings())
    assert [u.id for u in used] == ["A-18"]
    assert [r.code for r in reasons] == ["ruleset.draft"]
    assert reasons[0].params == {"ruleset": "x-2024", "blank": ["ballot.threshold"]}
    assert draft_notice(_Draft(status=DocumentStatus.ISSUED), Readings()) == ((), ())
    with pytest.raises(InvalidValueError) as refused:
        draft_notice(_Draft(), Readings({"A-18": "refuse"}))
    assert str(refused.value) == (
        "ruleset='x-2024': reads a draft document, and A-18 is read as 'refuse'; "
        "allowed: an issued ruleset, or A-18 = allowed-visible"
    )
    for _ in range(2):  # the second time the class is known: the check is the same
        with pytest.raises(InvalidTypeError) as not_one:
            draft_notice("x-2024", Readings())  # type: ignore[arg-type]
        assert str(not_one.value) == "ruleset='x-2024': must be a dienhinh.Ruleset"


# -- citations (_provenance) --------------------------------------------------------------------


def test_a_citations_json_names_every_part_and_both_renderings() -> None:
    c = Citation("TQ", article="2", clause="1", point="b", quote="từ 90%")
    title = document_title("TQ")  # a known document's title
    assert title is not None
    assert all(title)
    assert c.to_json() == {
        "document": "TQ",
        "division": "article",
        "article": "2",
        "clause": "1",
        "point": "b",
        "quote": "từ 90%",
        "en": "TQ Regulation Art. 2(1)(b)",
        "vi": "điểm b khoản 1 Điều 2 Quy định (TQ)",
        "title_vi": title[0],
        "title_en": title[1],
    }
    own = Citation("Nghị định 152", article="4", title_vi="Nghị định số 152")
    assert (own.to_json()["title_vi"], own.to_json()["title_en"]) == ("Nghị định số 152", None)
    other = Citation("Nghị định 152", article="4", title_en="Decree 152")
    assert (other.to_json()["title_vi"], other.to_json()["title_en"]) == (None, "Decree 152")
    assert Citation("Công văn 7", article="1").to_json()["title_vi"] is None


def test_a_citations_parts_and_a_rules_id_are_checked() -> None:
    cases: list[tuple[Any, str]] = [
        (lambda: Citation(" "), "document=' ': must not be blank"),
        (lambda: Citation("TQ", article=" "), "article=' ': must not be blank"),
        (
            lambda: Citation("TQ", division="chapter"),  # type: ignore[arg-type]
            "citation.division='chapter': is not a way a document is divided; "
            "allowed: article, section, opening",
        ),
        (
            lambda: Rule("2.1b", Citation("TQ")),
            "rule.id='2.1b': is not a rule id; allowed: a document prefix and a provision, "
            "e.g. 'TQ-2.1b', 'BK-IV.1a', 'NĐ152-4.6'",
        ),
    ]
    for make, message in cases:
        _refuses(make, InvalidValueError, message)
    assert Rule("NĐ152-4.6", Citation("NĐ152")).id == "NĐ152-4.6"


# -- canonical JSON and its streaming (_canonical) ----------------------------------------------


def test_the_canonical_text_with_its_encoder_made_on_first_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sorted keys, no spaces, UTF-8 as is (not \\u escapes), exact values as text."""
    monkeypatch.setattr(_canonical, "_ENCODE", None)
    value = {
        "é": "Nguyễn",
        "b": Fraction(1, 2),
        "a": [frozenset({"y", "x"})],
        "d": dt.date(2024, 1, 2),
    }
    assert canonical_json(value) == '{"a":[["x","y"]],"b":"1/2","d":"2024-01-02","é":"Nguyễn"}'
    assert _canonical._ENCODE is not None
    assert canonical_json(value) == '{"a":[["x","y"]],"b":"1/2","d":"2024-01-02","é":"Nguyễn"}'


def test_a_sharing_tells_a_list_of_items_from_the_list_of_their_documents() -> None:
    share = Sharing()
    items = (Citation("TQ", article="2"), Citation("TQ", article="3"))
    of_items = share.list_of(items)
    of_documents = share.documents_of(items)
    assert list(of_items) == list(items)
    assert of_documents == [c.to_json() for c in items]
    assert share.list_of(list(items)) is of_items
    assert share.documents_of(list(items)) is of_documents
    assert type(of_documents[0]) is SharedDict


_LONG = list(range(5000))  # longer than a slice the C encoder is handed at once


def _pieces(value: object) -> list[str]:
    chunks = list(canonical_chunks(value))
    assert "".join(chunks) == canonical_json(value)
    return chunks


def test_a_digest_streams_what_is_large_and_writes_a_shared_part_in_one_piece() -> None:
    """The digest of a national record never holds its text whole: a long list is handed over
    in slices. A dict holding a shared part and only small values is one piece; one that also
    holds something long is walked."""
    long_text = canonical_json(_LONG)
    shared = SharedList([SharedDict({"a": 1})])
    assert _pieces({"s": shared, "x": 1}) == ['{"s":[{"a":1}],"x":1}']
    # A shared list of shared parts is written from their texts; an empty shared dict is {}.
    assert _pieces({"s": SharedList([SharedDict(), shared]), "e": SharedDict()}) == [
        '{"e":{},"s":[{},[{"a":1}]]}'
    ]
    for value in (
        {"s": shared, "x": _LONG},
        {"s": shared, "x": {"y": _LONG}},
        {"s": shared, "x": {str(i): i for i in range(3000)}},
        {"s": shared, "x": Stream(lambda: iter([1]))},
        {"s": shared, "x": {"t": shared, "long": _LONG}},
    ):
        assert max(map(len, _pieces(value))) < len(long_text) / 2, value


@pytest.mark.parametrize(
    "value",
    [
        [{str(i): i for i in range(3000)}],  # a dict of more keys than a slice
        [{"ids": _LONG}],  # a dict holding a long list
        [{"n": 1, "s": Stream(lambda: iter(_LONG))}],  # a dict holding a stream
        [[1], _LONG],  # a list holding a long list
        [{"n": i} for i in range(6000)],  # a long list of small dicts, in slices
        Stream(lambda: iter(_LONG)),  # a stream of small items
        [1, {"ids": _LONG}, 2],  # small items around a large one
        [1, 2, {"ids": _LONG}],  # a large one after a run of small ones
        [1, Stream(lambda: iter(_LONG))],  # a list holding a stream
    ],
)
def test_a_digest_never_holds_a_large_values_text_in_one_piece(value: object) -> None:
    """Only a shared part's text is made whole (once, then copied); anything else large is
    walked, or handed over a slice at a time."""
    text = canonical_json(value)
    assert max(map(len, _pieces(value))) < len(text) / 2


def test_a_stream_walks_its_large_items_unless_told_each_is_small() -> None:
    items = [{"ids": _LONG}, {"ids": _LONG}]
    whole = len(canonical_json(items[0]))
    assert Stream(lambda: iter(items)).small is False
    assert max(map(len, _pieces({"n": Stream(lambda: iter(items))}))) < whole / 2
    assert max(map(len, _pieces({"n": Stream(lambda: iter(items), small=True)}))) > whole


# -- documents in time (_effect) ----------------------------------------------------------------

_RULE = Rule("X-9.1", Citation("X", article="9", clause="1"))
_SUCCESSION = Rule("NQ202-1", Citation("Nghị quyết 202/2025/QH15", article="1"))


@attrs.frozen
class _Effective:
    rule: Rule
    start: dt.date | None
    end: dt.date | None
    named_start: dt.date | None = None


@attrs.frozen
class _Bare:
    """A period of effect declaring no named start (the attribute itself absent)."""

    rule: Rule
    start: dt.date | None
    end: dt.date | None


@attrs.frozen
class _Successor:
    province: str
    formed_from: tuple[str, ...]
    start: dt.date
    rule: Rule


@attrs.frozen
class _Governed:
    effective: Any
    successor: _Successor | None = None
    id: str = "x-2024"
    status: DocumentStatus = DocumentStatus.ISSUED
    blank: tuple[str, ...] = ()


_D = dt.date
_MERGED = _Successor("Tuyên Quang", ("Hà Giang", "Tuyên Quang"), _D(2025, 7, 1), _SUCCESSION)


def test_a_day_outside_the_period_of_effect_is_noticed_with_the_period_in_both_languages() -> None:
    """A-32 ``notice``: the result carries ``ruleset.outside_effect``, stating the period."""
    doc = _Governed(_Effective(_RULE, _D(2024, 1, 10), _D(2025, 12, 31)))
    used, reasons = effect_notices(doc, _D(2026, 1, 1), Readings())
    assert [u.id for u in used] == ["A-32"]
    (notice,) = reasons
    assert notice.code == "ruleset.outside_effect"
    assert notice.rule is _RULE
    assert notice.params == {
        "ruleset": "x-2024", "day": "2026-01-01", "start": "2024-01-10", "until": "2025-12-31",
        "period_vi": "từ 10/01/2024 đến hết ngày 31/12/2025",
        "period_en": "from 2024-01-10 through 2025-12-31",
    }  # fmt: skip
    assert effect_notices(doc, _D(2025, 12, 31), Readings()) == ((), ())
    assert effect_notices(doc, _D(2024, 1, 10), Readings()) == ((), ())
    open_ended = _Governed(_Effective(_RULE, None, None))
    assert effect_notices(open_ended, _D(1990, 1, 1), Readings()) == ((), ())
    blank_start = _Governed(_Effective(_RULE, None, _D(2020, 1, 1)))
    (late,) = effect_notices(blank_start, _D(2021, 1, 1), Readings())[1]
    assert (late.params["period_vi"], late.params["period_en"]) == (
        "từ ngày để trống đến hết ngày 01/01/2020",
        "from a blank day through 2020-01-01",
    )
    unending = _Governed(_Effective(_RULE, _D(2024, 1, 10), None))
    (early,) = effect_notices(unending, _D(2024, 1, 9), Readings())[1]
    assert (early.params["period_vi"], early.params["period_en"]) == (
        "từ 10/01/2024 đến khi được thay thế",
        "from 2024-01-10 until replaced",
    )


def test_a_day_outside_the_period_is_refused_under_a32_refuse() -> None:
    doc = _Governed(_Effective(_RULE, _D(2024, 1, 10), None))
    refuse = Readings({"A-32": "refuse"})
    message = (
        "ruleset='x-2024': is applied to {what}, outside its document's period of effect "
        "(from 2024-01-10 until replaced; X-9.1), and A-32 is read as 'refuse'; "
        "allowed: a day in the period, or A-32 = notice"
    )
    with pytest.raises(InvalidValueError) as day:
        effect_notices(doc, _D(2024, 1, 9), refuse)
    assert str(day.value) == message.format(what="2024-01-09")
    with pytest.raises(InvalidValueError) as year:
        year_notices(doc, 2023, refuse)
    assert str(year.value) == message.format(what="the year 2023")


def test_the_successor_province_is_named_from_its_first_day() -> None:
    """A-15: from 01/07/2025 the merged province succeeds; the notice names the day applied."""
    doc = _Governed(_Effective(_RULE, _D(2023, 1, 1), None), _MERGED)
    assert effect_notices(doc, _D(2025, 6, 30), Readings()) == ((), ())
    (named,) = effect_notices(doc, _D(2025, 7, 2), Readings())[1]
    assert named.code == "ruleset.successor"
    assert named.rule is _SUCCESSION
    assert named.params == {
        "ruleset": "x-2024", "day": "2025-07-02", "start": "2025-07-01",
        "province": "Tuyên Quang", "formed_from": ["Hà Giang", "Tuyên Quang"],
    }  # fmt: skip
    (first,) = year_notices(doc, 2025, Readings())[1]
    assert first.params["day"] == "2025-07-01"  # the first day of the year the successor holds
    (whole,) = year_notices(doc, 2026, Readings())[1]
    assert whole.params["day"] == "2026-01-01"
    assert year_notices(doc, 2024, Readings()) == ((), ())
    last_day = _Governed(doc.effective, attrs.evolve(_MERGED, start=_D(2024, 12, 31)))
    (at_end,) = year_notices(last_day, 2024, Readings())[1]
    assert at_end.params["day"] == "2024-12-31"


def test_a_year_sharing_one_day_with_the_period_is_inside_it() -> None:
    ends = _Governed(_Effective(_RULE, None, _D(2024, 1, 1)))
    assert year_notices(ends, 2024, Readings()) == ((), ())
    assert [u.id for u in year_notices(ends, 2025, Readings())[0]] == ["A-32"]
    starts = _Governed(_Effective(_RULE, _D(2024, 12, 31), None))
    assert year_notices(starts, 2024, Readings()) == ((), ())
    assert [u.id for u in year_notices(starts, 2023, Readings())[0]] == ["A-32"]


def test_a42_reads_a_named_period_and_is_recorded_where_it_decides() -> None:
    """A-42: a document naming its period (``named_start``) starts on its signing date by
    default, on the named period's first day under ``named-period``; a period with no named
    start has one start under both."""
    signed, named = _D(2020, 12, 15), _D(2021, 1, 1)  # the named period begins after signing
    doc = _Governed(_Effective(_RULE, signed, None, named_start=named))
    read = Readings({"A-42": "named-period"})
    assert effect_period(doc, Readings()) is doc.effective
    assert effect_period(doc, read).start == named
    assert effect_period(doc, read).end is None
    assert effect_period(doc, read).rule is _RULE
    # 20/12/2020 is inside the signed period, outside the named one: A-42 decides.
    used, reasons = effect_notices(doc, _D(2020, 12, 20), Readings())
    assert ([u.id for u in used], reasons) == (["A-42"], ())
    used, reasons = effect_notices(doc, _D(2020, 12, 20), read)
    assert [u.id for u in used] == ["A-32", "A-42"]
    assert reasons[0].params["start"] == "2021-01-01"
    assert effect_notices(doc, _D(2021, 2, 1), read) == ((), ())
    bare = _Governed(_Bare(_RULE, signed, None))
    assert effect_period(bare, read) is bare.effective
    assert effect_notices(bare, _D(2020, 12, 20), read) == ((), ())


def test_a_source_without_a_period_gets_the_draft_notice_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The classes' verdicts are kept per process: start from none, as a fresh process does.
    monkeypatch.setattr(_effect, "_GOVERNED", {})
    monkeypatch.setattr(_documents, "_SOURCES", set())
    draft = _Draft()
    assert [r.code for r in document_notices(draft, Readings(), _D(2030, 1, 1))[1]] == [
        "ruleset.draft"
    ]
    governed = _Governed(_Effective(_RULE, _D(2024, 1, 1), None), status=DocumentStatus.DRAFT)
    for _ in range(2):  # the class's verdict is kept after the first time
        codes = [r.code for r in document_notices(governed, Readings(), _D(2023, 1, 1))[1]]
        assert codes == ["ruleset.draft", "ruleset.outside_effect"]


# -- reasons and readings (_reasons, _interpretations) ------------------------------------------

_BELOW = ReasonCode("demo.below", Severity.FAIL, "Chưa đạt", "Below", "{n} phiếu", "{n} votes")


def test_a_reasons_repr_and_html_show_its_code_severity_rule_and_text() -> None:
    cited = _BELOW(_RULE, n=17)
    assert repr(cited) == "<Reason demo.below fail X-9.1: 17 votes>"
    assert repr(_BELOW(None, n=3)) == "<Reason demo.below fail -: 3 votes>"
    html = cited._repr_html_()
    assert "Chưa đạt" in html
    assert "17 phiếu" in html


def test_a_reason_codes_data_names_the_params_a_card_shows_as_data() -> None:
    code = ReasonCode("demo.x", Severity.INFO, "T", "T", "{a}", "{a}", data=["start", "until"])
    assert code.data == frozenset({"start", "until"})
    assert ReasonCode("demo.y", Severity.INFO, "T", "T", "", "").data == frozenset()


def test_readings_used_refuses_an_id_that_is_not_one() -> None:
    with pytest.raises(UnknownInterpretationError) as caught:
        Readings().used(["A-7"])  # type: ignore[arg-type]
    assert str(caught.value).startswith("readings: ['A-7'] is not an interpretation id")
    assert [u.id for u in Readings().used("A-8", "A-7")] == ["A-7", "A-8"]


def test_listed_reasons_are_cards_or_a_shared_list() -> None:
    reasons = (_BELOW(None, n=1), _BELOW(None, n=2))
    assert listed(reasons, None) == [r.to_json() for r in reasons]
    share = Sharing()
    shared = listed(reasons, share)
    assert type(shared) is SharedList
    assert list(shared) == list(reasons)
    assert listed(shared, share) is shared
    assert listed(list(reasons), share) is shared
    assert listed((), share) == []


def test_an_interpretations_json_its_builder_and_readings_as_keys() -> None:
    """A-7 as the register states it (docs/interpretations.md is generated from the same)."""
    assert INTERPRETATIONS["A-7"].to_json() == {
        "id": "A-7",
        "title": "An absent member without a written opinion",
        "rules": ["TQ-2.1b"],
        "question": "Does a member who neither attends nor writes count in the denominator?",
        "default": "counts-against",
        "readings": [
            {
                "name": "counts-against",
                "en": "Yes: counted in the total membership, not as an approval.",
                "vi": "Có: vẫn tính vào tổng số thành viên nhưng không tính là phiếu đồng ý.",
            },
            {
                "name": "excluded",
                "en": "No: the denominator is the members who voted (in the meeting or in "
                "writing).",
                "vi": "Không: mẫu số là số thành viên đã biểu quyết (tại cuộc họp hoặc bằng văn "
                "bản).",
            },
        ],
    }
    assert INTERPRETATIONS["A-7"].rules == ("TQ-2.1b",)
    made = _interpretations._i("A-99", "T", "X-1 X-2", "Q?", ("a", "A.", "Á."), ("b", "B.", "B́."))
    assert attrs.astuple(made, recurse=False)[:4] == ("A-99", "T", ("X-1", "X-2"), "Q?")
    assert [attrs.astuple(r) for r in made.readings] == [("a", "A.", "Á."), ("b", "B.", "B́.")]
    assert made.default == "a"
    excluded = Readings({"A-7": "excluded"})
    assert {excluded: 1}[Readings({"A-7": "excluded"})] == 1
    assert hash(excluded) == hash(Readings({"A-7": "excluded"}))


# -- the rest of the kernel's survivors of the fresh run ----------------------------------------


def test_an_identifier_is_checked_and_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Printable ASCII up to MAX_ID characters with no surrounding space is its own NFC; any
    other id is checked, normalised and remembered (a str subclass is never looked up)."""
    monkeypatch.setattr(_text, "_IDS", {})
    assert identifier("m" * MAX_ID) == "m" * MAX_ID
    assert identifier("m") == "m"
    assert identifier("Nguye\u0302\u0303n") == "Nguyễn"
    assert _text._IDS == {"Nguye\u0302\u0303n": "Nguyễn"}
    assert identifier("Nguye\u0302\u0303n") == "Nguyễn"
    cases: list[tuple[object, type[DienhinhError], str]] = [
        (3, InvalidTypeError, "unit=3: must be a string"),
        ("", InvalidValueError, "unit='': must be a non-empty string without surrounding whitespace"),
        (" m01", InvalidValueError, "unit=' m01': must be a non-empty string without surrounding whitespace"),
        ("m01 ", InvalidValueError, "unit='m01 ': must be a non-empty string without surrounding whitespace"),
        (" ễ", InvalidValueError, "unit=' ễ': must be a non-empty string without surrounding whitespace"),
        ("m" * (MAX_ID + 1), InvalidValueError, f"unit={describe('m' * (MAX_ID + 1))}: is 201 characters long; allowed: at most 200"),
        ("m\u202e1", InvalidValueError, "unit='m\\u202e1': holds U+202E RIGHT-TO-LEFT OVERRIDE at character 1, which an identifier may not hold; allowed: printable characters; spaces only as U+0020"),
    ]  # fmt: skip
    for value, error, message in cases:
        refused = _refuses(lambda: identifier(value, field="unit"), error, message)  # noqa: B023 - at once
        assert refused.field == "unit"
    with pytest.raises(InvalidTypeError) as default_field:
        identifier(None)
    assert str(default_field.value) == "id=None: must be a string"
    assert len(_text._IDS) == 1  # what was refused is not remembered
    with pytest.raises(InvalidValueError, match="is 201 characters long"):
        identifier("m" * (MAX_ID + 1))


def test_nfc_refuses_what_is_not_text() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        nfc(3)  # type: ignore[arg-type]
    assert str(caught.value) == "text=3: must be a string"


def test_remember_empties_its_store_when_it_holds_its_bound() -> None:
    store: dict[str, int] = {"a": 1}
    remember(store, "b", 2, at_most=2)
    assert store == {"a": 1, "b": 2}
    remember(store, "c", 3, at_most=2)
    assert store == {"c": 3}


def test_readings_refuse_an_unknown_id_or_reading_with_what_is_known() -> None:
    last = list(INTERPRETATIONS)[-1]
    cases: list[tuple[Any, type[Exception], str]] = [
        (lambda: Readings({"A-77": "x"}), UnknownInterpretationError,
         f"readings: 'A-77' is not an interpretation id (did you mean 'A-7'?); known: A-1 … {last}"),
        (lambda: Readings()["A-77"], UnknownInterpretationError,
         f"readings: 'A-77' is not an interpretation id (did you mean 'A-7'?); known: A-1 … {last}"),
        (lambda: Readings()[7], UnknownInterpretationError,  # type: ignore[index]
         f"readings: 7 is not an interpretation id; known: A-1 … {last}"),
        (lambda: Readings({"A-7": "nope"}), InvalidValueError,
         "readings['A-7']='nope': is not a reading of A-7; allowed: counts-against, excluded"),
        (lambda: Readings(["A-7"]), InvalidTypeError,  # type: ignore[arg-type]
         "readings=['A-7']: must be a mapping of interpretation ids to readings, "
         "e.g. {'A-7': 'excluded'}"),
    ]  # fmt: skip
    for make, error, message in cases:
        _refuses(make, error, message)
    assert Readings()["A-7"] == "counts-against"
    # A choice equal to the default is no choice; the choices are kept in the ids' order.
    assert dict(Readings({"A-7": "counts-against"}).choices) == {}
    chosen = Readings({"A-8": "statutory-seats", "A-7": "excluded"})
    assert list(chosen.choices) == ["A-7", "A-8"]
    assert Readings({"A-7": "excluded", "A-8": "statutory-seats"}) == chosen
    # By id, not by reading: "A-1" < "A-11" while "inclusive" > "before-consideration".
    assert list(Readings({"A-11": "before-consideration", "A-1": "inclusive"}).choices) == [
        "A-1",
        "A-11",
    ]
    # Ids of other types are sorted with the rest, then refused by name.
    with pytest.raises(UnknownInterpretationError, match=r"^readings: 7 is not"):
        Readings({7: "x", "A-8": "statutory-seats"})  # type: ignore[dict-item]


def test_plain_turns_records_sets_and_nothing_else_into_json() -> None:
    @attrs.frozen
    class Point:
        x: int
        on: dt.date

    assert plain(Point(1, dt.date(2024, 1, 2))) == {"x": 1, "on": "2024-01-02"}
    assert plain({"b", "a", "c"}) == ["a", "b", "c"]
    assert plain(frozenset({2, 10})) == [10, 2]  # sorted by canonical text: "10" < "2"
    assert plain([dt.date(2024, 1, 2), "x"]) == ["2024-01-02", "x"]
    assert plain(Severity.FAIL) == "fail"
    assert plain([Severity.FAIL, Fraction(18, 19)]) == ["fail", "18/19"]
    ids = ["a", "b"]
    copied = plain(ids)
    assert copied == ids
    assert copied is not ids
    with pytest.raises(TypeError) as caught:
        plain(object.__new__(_Unplain))
    assert str(caught.value).startswith("no plain JSON form for _Unplain: ")


class _Unplain:
    def __repr__(self) -> str:
        return "<unplain>"


def test_a_reason_code_checks_its_params_and_shares_a_reason_of_scalars() -> None:
    code = ReasonCode("demo.z", Severity.INFO, "T", "T", "{n} ngày {on}", "{n} on {on}")
    with pytest.raises(TypeError) as caught:
        code(None, n=1)
    assert str(caught.value) == "demo.z takes ['n', 'on'], got ['n']"
    day = dt.date(2024, 10, 30)
    assert code(None, n=1, on=day) is code(None, n=1, on=day)
    assert code(None, n=1, on=day) is not code(_RULE, n=1, on=day)
    assert code(None, n=True, on=day) is not code(None, n=1, on=day)
    assert code(None, n=1, on=day).vi == "1 ngày 30/10/2024"
    bare = ReasonCode("demo.w", Severity.INFO, "T", "T", "x", "x")
    assert bare(None) is bare(None)
    assert bare(None) is not bare(_RULE)


def test_a_reasons_text_shows_lists_and_moments() -> None:
    code = ReasonCode("demo.l", Severity.INFO, "T", "T", "{xs} | {ds} | {at}", "{xs} | {ds} | {at}")
    moment = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.UTC)
    made = code(None, xs=["a", "b"], ds=[dt.date(2024, 1, 2), dt.date(2024, 1, 3)], at=moment)
    assert made.vi == "a, b | 02/01/2024, 03/01/2024 | 01:30 ngày 30/10/2024 (giờ Việt Nam)"
    assert made.en == "a, b | 2024-01-02, 2024-01-03 | 2024-10-29T18:30:00+00:00"
    empty = code(None, xs=[], ds=[], at=dt.datetime(2024, 10, 29, 18, 30))
    assert empty.vi == "— | — | 18:30 ngày 29/10/2024"
    assert empty.en == "— | — | 2024-10-29T18:30:00"
