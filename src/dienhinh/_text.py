"""Text at the boundary: strict decoding, NFC, safe identifiers, near-miss suggestions.

Vietnamese can be typed precomposed (``ễ`` as one code point) or decomposed
(``e`` + two combining marks); both must name the same person. Every
identifier and every Vietnamese string is normalised to Unicode NFC on the
way in, so equality, hashing, sorting and digests never depend on the keyboard.

An identifier is printed in reports next to others, so it may hold only
characters that show: no control character (a newline, NUL), no bidi
override (U+202E would print ``m10`` as ``01m``), no zero-width character
(``m\\u200b01`` looks like ``m01``), no lone surrogate, and no space other
than U+0020. Text is bounded (:data:`MAX_ID`, :data:`MAX_TEXT`): a
million-character id is a mistake, not a name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable
from typing import Final

from dienhinh._batch import remember
from dienhinh._errors import InvalidTypeError, InvalidValueError

__all__ = [
    "MAX_DIGITS",
    "MAX_ID",
    "MAX_TEXT",
    "a_or_an",
    "ascii_integer",
    "bad_character",
    "decode_utf8",
    "did_you_mean",
    "fold",
    "identifier",
    "nfc",
    "nfc_each",
    "text_problem",
    "utf8_error",
]

MAX_ID: Final = 200
"""The longest identifier (characters): names of units and people fit with room to spare."""

MAX_TEXT: Final = 10_000
"""The longest free text (a quotation, a statement), in characters."""

MAX_DIGITS: Final = 18
"""The most digits of an integer in any input: amounts in VND fit; Python's 4,300-digit guard
is never reached."""

_ASCII_INTEGER: Final = re.compile(r"[+-]?[0-9]+")

# Zero-width and invisible characters outside category Cf that still render as nothing.
_INVISIBLE: Final = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC.

    >>> nfc("Nguye\\u0302\\u0303n") == "Nguyễn"
    True
    """
    if not isinstance(text, str):
        raise InvalidTypeError("must be a string", field="text", value=text)
    return unicodedata.normalize("NFC", text)


_NFC = functools.partial(unicodedata.normalize, "NFC")


def nfc_each(texts: Collection[str]) -> Iterable[str]:
    """Each of ``texts`` (a collection, read twice) in NFC, for a list of thousands (a ballot's
    marks): ``texts`` itself when they are all ASCII (which NFC leaves as they are: one C-level
    test for the lot), else NFC of each. A text that is not a ``str`` is a ``TypeError``, as
    normalising it is.

    >>> ids = ["n01", "n02"]
    >>> nfc_each(ids) is ids, list(nfc_each(["Nguye\u0302\u0303n"])) == ["Nguyễn"]
    (True, True)
    """
    if "".join(texts).isascii():
        return texts
    return map(_NFC, texts)


def _describe_char(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def bad_character(text: str, *, identifier: bool = False) -> tuple[int, str] | None:
    """The position and a description of the first character ``text`` may not hold, or ``None``.

    Any text refuses lone surrogates and control characters other than tab and
    line breaks; an identifier also refuses those, format characters (bidi
    overrides, zero-width), unassigned and private-use code points, and every
    space but U+0020.

    >>> bad_character("m\\u200b01", identifier=True)
    (1, 'U+200B ZERO WIDTH SPACE')
    >>> bad_character("Nguyễn Thị Lan", identifier=True) is None
    True
    """
    for i, ch in enumerate(text):
        if ch.isascii():
            if ch.isprintable() or (not identifier and ch in "\t\n\r"):
                continue
            return i, _describe_char(ch)
        category = unicodedata.category(ch)
        if category == "Cs":
            return i, f"U+{ord(ch):04X} (a lone surrogate: not a character)"
        if category in ("Cc", "Zl", "Zp") and (identifier or ch not in "\x85\u2028\u2029"):
            return i, _describe_char(ch)
        if identifier and (category in ("Cf", "Co", "Cn", "Zs") or ch in _INVISIBLE):
            return i, _describe_char(ch)
    return None


def text_problem(text: str, *, identifier: bool = False) -> str | None:
    """What is wrong with ``text`` as input (too long, a character it may not hold), or ``None``."""
    limit = MAX_ID if identifier else MAX_TEXT
    if len(text) > limit:
        return f"is {len(text):,} characters long; allowed: at most {limit:,}"
    bad = bad_character(text, identifier=identifier)
    if bad is not None:
        where, what = bad
        kind = "an identifier" if identifier else "text"
        allowed = (
            "printable characters; spaces only as U+0020"
            if identifier
            else "characters, tabs and line breaks"
        )
        return f"holds {what} at character {where}, which {kind} may not hold; allowed: {allowed}"
    return None


def identifier(value: object, *, field: str = "id") -> str:
    """An id as given, in NFC; a blank or non-string id is an error, not a guess.

    Surrounding whitespace is an error too: ``" m01"`` and ``"m01"`` would
    otherwise be two people who look like one; so is a character that does not
    show (:func:`bad_character`).

    >>> identifier("m\\u202e01")
    Traceback (most recent call last):
    ...
    dienhinh._errors.InvalidValueError: id='m\\u202e01': holds U+202E RIGHT-TO-LEFT OVERRIDE ...
    """
    if type(value) is str:
        # Batch work checks the same ids again and again (a nomination's id, then its ballot
        # candidate's): printable ASCII is its own NFC, and an id checked once is remembered.
        if value.isascii() and value.isprintable() and 0 < len(value) <= MAX_ID:
            if value[0] != " " and value[-1] != " ":
                return value
        else:
            known = _IDS.get(value)
            if known is not None:
                return known
    if not isinstance(value, str):
        raise InvalidTypeError("must be a string", field=field, value=value)
    problem = text_problem(value, identifier=True)
    if problem is not None:
        raise InvalidValueError(problem, field=field, value=value)
    text = unicodedata.normalize("NFC", value)
    if not text or text != text.strip():
        raise InvalidValueError(
            "must be a non-empty string without surrounding whitespace", field=field, value=value
        )
    if type(value) is str:
        remember(_IDS, value, text, 4096)
    return text


_IDS: dict[str, str] = {}
"""Ids already checked (as given → in NFC); emptied when full: it only saves work."""


def utf8_error(data: bytes, exc: UnicodeDecodeError) -> str:
    """What is wrong with ``data`` as UTF-8, with the line, column and byte of the first bad byte."""
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return (
        f"not UTF-8 text: {exc.reason} 0x{data[start]:02x} at line {line} column {column} "
        f"(byte {start})"
    )


def decode_utf8(data: bytes, *, source: str) -> str:
    """``data`` as UTF-8 text (a leading byte-order mark is dropped, as spreadsheets write one).

    Invalid UTF-8 is refused with its place, never replaced: a replaced byte
    would become part of an id.

    >>> decode_utf8(b"\\xef\\xbb\\xbf{}", source="x.json")
    '{}'
    >>> decode_utf8(b'{"a":\\n "m\\xff"}', source="x.json")
    Traceback (most recent call last):
    ...
    dienhinh._errors.InvalidValueError: x.json: not UTF-8 text: invalid start byte 0xff at line 2 column 4 (byte 9); allowed: UTF-8, with or without a byte-order mark
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidValueError(
            f"{source}: {utf8_error(data, exc)}",
            allowed="UTF-8, with or without a byte-order mark",
        ) from None


def ascii_integer(text: str, *, field: str, allowed: str = "ASCII digits") -> int:
    """An integer from text written in ASCII digits (``２０２４`` is refused, not read as 2024)."""
    if not isinstance(text, str):
        raise InvalidTypeError("must be a string of digits", field=field, value=text)
    if not _ASCII_INTEGER.fullmatch(text) or len(text.lstrip("+-")) > MAX_DIGITS:
        raise InvalidValueError("is not a whole number", field=field, value=text, allowed=allowed)
    return int(text)


_AN_CONSONANT_SOUND: Final = ("uni", "use", "usu", "uti", "one", "once", "eu", "ur")
"""Words that start with a vowel letter but a consonant sound: “a unit”, “a user”, “a one-off”."""
_AN_SILENT_H: Final = ("hour", "honest", "honor", "honour", "heir")


def a_or_an(phrase: str) -> str:
    """``phrase`` with its English indefinite article: ``"an individual"``, ``"a household"``.

    The article follows the sound of the first word: a vowel letter is “an” except where it
    sounds like a consonant (“a unit”), a silent *h* is “an” (“an hour”); a class name reads
    as its letters do (“an AwardField”, “a Ruleset”).

    >>> [a_or_an(w) for w in ("individual", "household", "award", "unit", "AwardField", "hour")]
    ['an individual', 'a household', 'an award', 'a unit', 'an AwardField', 'an hour']
    """
    word = phrase.lower()
    vowel = word[:1] in tuple("aeiou") and not word.startswith(_AN_CONSONANT_SOUND)
    return f"{'an' if vowel or word.startswith(_AN_SILENT_H) else 'a'} {phrase}"


def fold(text: str) -> str:
    """``text`` without diacritics and case, for suggestions only (``Nguyễn`` → ``nguyen``)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def did_you_mean(value: object, known: Iterable[str]) -> str:
    """``" (did you mean 'X'?)"`` for the known id nearest to ``value``, or ``""``.

    Diacritics and case are ignored when comparing, so ``Nguyen Thi Hoa``
    finds ``Nguyễn Thị Hoa``.

    >>> did_you_mean("Nguyen Thi Hoa", ["Nguyễn Thị Hoa", "Hoàng Văn Minh"])
    " (did you mean 'Nguyễn Thị Hoa'?)"
    """
    if not isinstance(value, str) or len(value) > MAX_ID:
        return ""
    folded: dict[str, str] = {}
    for k in known:
        folded.setdefault(fold(k), k)
    target = fold(value)
    if target in folded:
        return f" (did you mean {folded[target]!r}?)"
    import difflib  # an error's suggestion: loaded when a name is not known

    close = difflib.get_close_matches(target, list(folded), n=1, cutoff=0.75)
    return f" (did you mean {folded[close[0]]!r}?)" if close else ""
