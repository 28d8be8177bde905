"""A ruleset: one province's document as validated, cited, dated data.

Every number a computation needs — the ballot rule and the cap, the floors,
the deadlines, the achievement window, the milestones, the benefits — is a
field of :class:`Ruleset`, each with the :class:`~dienhinh.Rule` (rule id and
citation) it reads. Nothing is hard-coded in the algorithms: a province writes
its own TOML file (``docs/rulesets.md``), or a caller derives a what-if
variant::

    >>> from dienhinh import load_ruleset
    >>> from dienhinh.voting import Cap
    >>> tq = load_ruleset("tuyen-quang-2023")
    >>> tq.status.value, tq.cap.slots, [d.name for d in tq.deadlines]
    ('draft', 15, ['unit-consideration', 'dossier-submission', 'province-consideration'])
    >>> what_if = tq.variant("tq-cap-20", cap=Cap(20, rule=tq.cap.rule))
    >>> what_if.cap.slots, tq.cap.slots
    (20, 15)

The parts live where they are used: :mod:`dienhinh.rulesets` (identity,
floors, benefits, dated values), :mod:`dienhinh.voting` (the ballot rule and
the cap), :mod:`dienhinh.calendar` (deadlines, the window, milestones). This
module names them only for type checking and checks them when a ruleset is
built, so ``import dienhinh`` stays light.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from dienhinh._errors import InvalidTypeError, InvalidValueError, UnknownDeadlineError
from dienhinh._interpretations import Readings, UsedReading
from dienhinh._reasons import Reason, ReasonCode, Severity
from dienhinh._text import nfc

if TYPE_CHECKING:
    from dienhinh._ruleset_parts import Benefits, Document, Effective, Floor, Posthumous, Successor
    from dienhinh.calendar import Deadline, Milestone, WindowPolicy
    from dienhinh.voting import BallotRule, Cap

__all__ = ["DocumentStatus", "Ruleset", "draft_notice", "is_slug", "slug", "text"]

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


# -- the ruleset --------------------------------------------------------------------------------


def _id(value: object) -> str:
    return slug(value, "ruleset.id")


def _items(value: object) -> tuple[Any, ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a sequence", field="ruleset", value=value)
    return tuple(value)


def _criteria_file(value: object) -> str | None:
    return None if value is None else text(value, "criteria")


@attrs.frozen
class Ruleset:
    """One province's document as data: identity, dates and every parameter, each cited.

    Optional parts are ``None`` (or empty) where the document does not set
    them — Kon Tum's guidance letter sets almost nothing, and says so.
    ``criteria`` is the companion catalogue's raw TOML data, read-only, kept
    out of equality; ``own_criteria`` is ``False`` for a document that has no
    criteria of its own. Derive a what-if variant with :meth:`variant`
    (or ``attrs.evolve``).
    """

    id: str = attrs.field(converter=_id)
    document: Document
    effective: Effective
    ballot: BallotRule | None = None
    cap: Cap | None = None
    floors: tuple[Floor, ...] = attrs.field(default=(), converter=_items)
    window: WindowPolicy | None = None
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_items)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=_items)
    posthumous: Posthumous | None = None
    benefits: Benefits | None = None
    successor: Successor | None = None
    criteria_file: str | None = attrs.field(default=None, converter=_criteria_file)
    own_criteria: bool = attrs.field(default=True, validator=flag)
    criteria: Mapping[str, Any] | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    source: str | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    """The file the ruleset was read from, if any (for messages; not part of its identity)."""

    def __attrs_post_init__(self) -> None:
        # The parts' classes are imported when a ruleset is first built, not by `import dienhinh`.
        from dienhinh import _ruleset_parts as parts
        from dienhinh.calendar import Deadline, Milestone, WindowPolicy
        from dienhinh.voting import BallotRule, Cap

        kind: type[Any]
        for name, kind, optional in (
            ("document", parts.Document, False),
            ("effective", parts.Effective, False),
            ("ballot", BallotRule, True),
            ("cap", Cap, True),
            ("window", WindowPolicy, True),
            ("posthumous", parts.Posthumous, True),
            ("benefits", parts.Benefits, True),
            ("successor", parts.Successor, True),
        ):
            value = getattr(self, name)
            if not ((optional and value is None) or isinstance(value, kind)):
                raise InvalidTypeError(
                    f"must be a {kind.__name__}{' or None' if optional else ''}",
                    field=name,
                    value=value,
                )
        for name, kind, key in (
            ("floors", parts.Floor, "scope"),
            ("deadlines", Deadline, "name"),
            ("milestones", Milestone, "id"),
        ):
            seen: set[str] = set()
            for item in getattr(self, name):
                if not isinstance(item, kind):
                    raise InvalidTypeError(
                        f"must hold {kind.__name__} objects", field=name, value=item
                    )
                if getattr(item, key) in seen:
                    raise InvalidValueError(
                        f"names one {kind.__name__} twice",
                        field=f"{name}.{key}",
                        value=getattr(item, key),
                    )
                seen.add(getattr(item, key))
        if not self.own_criteria and self.criteria_file is not None:
            raise InvalidValueError(
                "names a catalogue, but the ruleset says it has no criteria of its own",
                field="criteria",
                value=self.criteria_file,
            )

    @property
    def status(self) -> DocumentStatus:
        return self.document.status

    @property
    def blank(self) -> tuple[str, ...]:
        """Every field the document leaves blank, as ``table.key`` (A-18)."""
        return tuple(f"document.{b}" for b in self.document.blank) + tuple(
            f"effective.{b}" for b in self.effective.blank
        )

    def deadline(self, name: str) -> Deadline:
        """The deadline called ``name``; an unknown name lists the ruleset's deadlines."""
        for d in self.deadlines:
            if d.name == name:
                return d
        known = ", ".join(d.name for d in self.deadlines) or "none"
        raise UnknownDeadlineError(
            f"deadline={name!r} is not a deadline of ruleset {self.id!r}; its deadlines: {known}"
        )

    def floors_on(self, day: dt.date) -> tuple[Floor, ...]:
        """The floors that apply on ``day`` (district floors end with the 2025 reform, A-15)."""
        return tuple(f for f in self.floors if f.applies_on(day))

    def variant(self, id: str, **changes: Any) -> Ruleset:
        """A what-if copy under a new ``id`` with ``changes`` (any field, validated again).

        A variant keeps its document's identity but never its id: a result
        computed from it can never be mistaken for one of the original.
        """
        if id == self.id:
            raise InvalidValueError(
                "must differ from the original's id",
                field="id",
                value=id,
                allowed="a new id for the variant",
            )
        return attrs.evolve(self, id=id, source=None, **changes)

    def summary(self) -> dict[str, Any]:
        """What ``dienhinh rulesets`` lists: identity, status, blanks, effective dates, successor."""
        d = self.document
        return {
            "id": self.id,
            "province": d.province,
            "document": {
                "code": d.code,
                "form": d.form,
                "number": d.number,
                "signed_on": None if d.signed_on is None else d.signed_on.isoformat(),
                "title": d.title,
                "issuer": d.issuer,
            },
            "status": self.status.value,
            "blank": list(self.blank),
            "effective": {
                "from": None if self.effective.start is None else self.effective.start.isoformat(),
                "until": None if self.effective.end is None else self.effective.end.isoformat(),
            },
            "successor": None if self.successor is None else self.successor.province,
        }

    def to_json(self) -> dict[str, Any]:
        """Every parameter with its rule and citation (the catalogue is named, not inlined)."""

        def j(value: Any) -> Any:
            return None if value is None else value.to_json()

        return {
            "id": self.id,
            "document": self.document.to_json(),
            "effective": self.effective.to_json(),
            "ballot": j(self.ballot),
            "cap": j(self.cap),
            "floors": [f.to_json() for f in self.floors],
            "window": j(self.window),
            "deadlines": [d.to_json() for d in self.deadlines],
            "milestones": [m.to_json() for m in self.milestones],
            "posthumous": j(self.posthumous),
            "benefits": j(self.benefits),
            "successor": j(self.successor),
            "criteria": self.criteria_file,
            "own_criteria": self.own_criteria,
        }


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
    ruleset: Ruleset, readings: Readings
) -> tuple[tuple[UsedReading, ...], tuple[Reason, ...]]:
    """A-18: nothing for an issued document; for a draft, a warning — or a refusal under ``refuse``."""
    if not isinstance(ruleset, Ruleset):
        raise InvalidTypeError("must be a dienhinh.Ruleset", field="ruleset", value=ruleset)
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


@functools.lru_cache(maxsize=256)
def _draft_reason(ruleset: str, blank: tuple[str, ...]) -> Reason:
    # A Reason is immutable: one per draft ruleset serves every result.
    return DRAFT(None, ruleset=ruleset, blank=list(blank))
