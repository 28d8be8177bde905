"""Documents: the status and identity every result names, and the A-18 draft notice.

A result names the document it was computed under (its ruleset's id and status)
and, for a draft, says so (A-18). This kernel module holds what every layer
needs of that — so :mod:`dienhinh.calendar`, :mod:`dienhinh.voting` and
:mod:`dienhinh.criteria` never import :mod:`dienhinh.rulesets`: a
:class:`Source` is anything with an ``id``, a ``status`` and the fields it leaves
``blank`` (a :class:`~dienhinh.Ruleset` is one).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._reasons import Reason, ReasonCode, Severity
from dienhinh._text import nfc

__all__ = [
    "DocumentStatus",
    "Source",
    "day_or_none",
    "draft_notice",
    "flag",
    "is_slug",
    "opt_text",
    "slug",
    "status_of",
    "text",
]

SLUG: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""An id: lower-case letters and digits in words joined by single hyphens."""


def is_slug(value: str) -> bool:
    return re.fullmatch(SLUG, value) is not None


def slug(value: object, field: str) -> str:
    """A lower-case id of letters, digits and single hyphens (``tuyen-quang-2023``)."""
    if not isinstance(value, str):
        raise InvalidTypeError("must be a string", field=field, value=value)
    if not is_slug(value):
        raise InvalidValueError(
            "is not an id",
            field=field,
            value=value,
            allowed="lower-case a-z, 0-9 and single hyphens",
        )
    return value


def text(value: object, field: str) -> str:
    """Non-blank text in NFC."""
    if not isinstance(value, str):
        raise InvalidTypeError("must be a string", field=field, value=value)
    out = nfc(value)
    if not out.strip():
        raise InvalidValueError("must not be blank", field=field, value=value)
    return out


def opt_text(value: object, field: str) -> str | None:
    return None if value is None else text(value, field)


def day_or_none(value: object, field: str) -> dt.date | None:
    """A day (never a ``datetime``) or ``None``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError("must be a datetime.date (not a datetime)", field=field, value=value)
    return value


def flag(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidTypeError("must be true or false", field=attribute.name, value=value)


# -- identity ---------------------------------------------------------------------------------


class DocumentStatus(enum.Enum):
    """Whether the document is in force or a draft (A-18)."""

    DRAFT = "draft"
    """DỰ THẢO: usable, and every result says so (A-18 ``allowed-visible``), or refused."""
    ISSUED = "issued"


def status_of(value: object) -> DocumentStatus:
    if isinstance(value, DocumentStatus):
        return value
    try:
        return DocumentStatus(value)
    except ValueError:
        raise InvalidValueError(
            "is not a document status", field="status", value=value, allowed="draft, issued"
        ) from None


@runtime_checkable
class Source(Protocol):
    """What a result needs of the document it was computed under (a ruleset is one)."""

    @property
    def id(self) -> str: ...

    @property
    def status(self) -> DocumentStatus: ...

    @property
    def blank(self) -> tuple[str, ...]: ...


# -- a draft is usable, and visible ---------------------------------------------------------

DRAFT = ReasonCode(
    "ruleset.draft",
    Severity.WARNING,
    "Văn bản dự thảo",
    "Draft document",
    "Bộ quy tắc {ruleset} đọc từ văn bản dự thảo; các trường để trống: {blank}. Kết quả chỉ có giá "
    "trị tham khảo cho đến khi văn bản được ban hành (A-18).",
    "Ruleset {ruleset} reads a draft; fields left blank: {blank}. Results are indicative until the "
    "document is issued (A-18).",
)


def draft_notice(
    ruleset: Source, readings: Readings
) -> tuple[tuple[UsedReading, ...], tuple[Reason, ...]]:
    """A-18: nothing for an issued document; for a draft, a warning — or a refusal under ``refuse``."""
    kind = type(ruleset)
    if kind not in _SOURCES:
        # A runtime-checkable protocol's isinstance looks up every member (slow, and called per
        # result); an attrs class has its members on every instance, so its verdict is kept.
        if not isinstance(ruleset, Source):
            raise InvalidTypeError("must be a dienhinh.Ruleset", field="ruleset", value=ruleset)
        if attrs.has(kind):
            _SOURCES.add(kind)
    if ruleset.status is not DocumentStatus.DRAFT:
        return (), ()
    if readings["A-18"] == "refuse":
        raise InvalidValueError(
            "reads a draft document, and A-18 is read as 'refuse'",
            field="ruleset",
            value=ruleset.id,
            allowed="an issued ruleset, or A-18 = allowed-visible",
        )
    return _ALLOWED_VISIBLE, (_draft_reason(ruleset.id, ruleset.blank),)


_ALLOWED_VISIBLE: Final = Readings().used("A-18")
_SOURCES: set[type] = set()
"""The attrs classes found to be a :class:`Source` (a ruleset's class, once checked)."""


@functools.lru_cache(maxsize=256)
def _draft_reason(ruleset: str, blank: tuple[str, ...]) -> Reason:
    # A Reason is immutable: one per draft ruleset serves every result.
    return DRAFT(None, ruleset=ruleset, blank=list(blank))
