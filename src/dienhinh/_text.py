"""Text normalisation at the boundary.

Vietnamese can be typed precomposed (``ễ`` as one code point) or decomposed
(``e`` + two combining marks); both must name the same person. Every
identifier and every Vietnamese string is normalised to Unicode NFC on the
way in, so equality, hashing, sorting and digests never depend on the keyboard.
"""

from __future__ import annotations

import unicodedata

from dienhinh._errors import InvalidTypeError, InvalidValueError

__all__ = ["identifier", "nfc"]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC.

    >>> nfc("Nguye\\u0302\\u0303n") == "Nguyễn"
    True
    """
    if not isinstance(text, str):
        raise InvalidTypeError("must be a string", field="text", value=text)
    return unicodedata.normalize("NFC", text)


def identifier(value: object, *, field: str = "id") -> str:
    """An id as given, in NFC; a blank or non-string id is an error, not a guess.

    Surrounding whitespace is an error too: ``" m01"`` and ``"m01"`` would
    otherwise be two people who look like one.
    """
    if not isinstance(value, str):
        raise InvalidTypeError("must be a string", field=field, value=value)
    text = unicodedata.normalize("NFC", value)
    if not text or text != text.strip():
        raise InvalidValueError(
            "must be a non-empty string without surrounding whitespace", field=field, value=value
        )
    return text
