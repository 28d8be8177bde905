"""Reasons: why an outcome is what it is, in a form a card and a reviewer both read.

A :class:`ReasonCode` is a stable machine code (``"ballot.below_threshold"``)
with its severity and its text templates in Vietnamese and English; calling it
with the rule it applies and the parameters gives a :class:`Reason`, which
serialises to one small self-contained JSON object::

    {"code": ..., "severity": ..., "title_vi": ..., "title_en": ...,
     "vi": ..., "en": ..., "params": {...}, "rule": "TQ-2.1b", "citation": {...}}

Codes are part of the public contract: once published, a code keeps its
meaning. Each module declares the codes it emits beside the rule it applies.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import string
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from dienhinh._batch import remember
from dienhinh._canonical import SharedList, Sharing, plain
from dienhinh._frozen import frozen
from dienhinh._provenance import Rule
from dienhinh._repr import short as _short

__all__ = ["Reason", "ReasonCode", "Severity", "day_vi", "listed"]


class Severity(enum.Enum):
    """How a card should present a reason."""

    INFO = "info"
    """Context: how the result was computed."""
    PASS = "pass"
    """A requirement the nominee meets."""
    FAIL = "fail"
    """A requirement the nominee does not meet: it decides the outcome."""
    PENDING = "pending"
    """A decision or a fact still to come (a chair's choice, missing evidence)."""
    WARNING = "warning"
    """Something a reader must notice (a draft ruleset, a reading that is not the default)."""


@functools.cache
def _fields(template: str) -> frozenset[str]:
    # Parsed once per template: reasons are made in hot loops (a batch of 10^5 nominees).
    return frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)


def _names(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@frozen
class ReasonCode:
    """A stable code with its texts; ``code(rule, **params)`` makes a :class:`Reason`.

    >>> BELOW = ReasonCode("demo.below", Severity.FAIL, "Chưa đạt", "Below",
    ...                    "{approvals}/{members} phiếu", "{approvals}/{members} votes")
    >>> BELOW(None, approvals=17, members=19).en
    '17/19 votes'
    """

    code: str
    severity: Severity
    title_vi: str
    title_en: str
    vi: str
    en: str
    data: frozenset[str] = attrs.field(default=frozenset(), converter=_names, kw_only=True)
    """Parameters no text names: for machines (a tie's position in its record), or the values
    behind a formatted one (``amount`` beside ``amount_vi``/``amount_en``), so ``params`` keep
    numbers as numbers."""

    @property
    def params(self) -> frozenset[str]:
        """Every parameter either text names (a ``*_vi``/``*_en`` pair is one per language),
        and the data-only ones."""
        return _fields(self.en) | _fields(self.vi) | self.data

    def __call__(self, rule: Rule | None, **params: Any) -> Reason:
        # A batch states the same reason for many nominees (consent given, dossier complete):
        # a reason of scalar parameters is made once and shared (it is frozen). The code and
        # the rule are keyed by identity (a citation's quote is not part of its equality) and
        # kept alive by the stored reason, so an id is never reused.
        # The key is built in C (no generator per call): the names and values in the order
        # given, and their types (True and 1 are equal, but not the same parameter). Two
        # timestamps of one instant are equal whatever their UTC offsets, but each is shown in
        # its own: a datetime's offset is part of the key.
        key: tuple[Any, ...]
        if not params:
            key = (id(self), id(rule))
        elif _SCALARS.issuperset(types := tuple(map(type, params.values()))):
            key = (id(self), id(rule), tuple(params.items()), types)
            if _DATETIME in types:
                key += tuple(map(_OFFSET, filter(_IS_DATETIME, params.values())))
        else:
            return self._make(rule, params)
        made = _MADE.get(key)
        if made is not None and made[0] is self and made[1].rule is rule:
            return made[1]
        reason = self._make(rule, params)
        remember(_MADE, key, (self, reason), _MADE_AT_MOST)
        return reason

    def _make(self, rule: Rule | None, params: dict[str, Any]) -> Reason:
        if set(params) != self.params:
            raise TypeError(f"{self.code} takes {sorted(self.params)}, got {sorted(params)}")
        values = {k: plain(v) for k, v in params.items()}
        shown = {k: _show(v) for k, v in values.items()}
        # Vietnamese text writes a date dd/mm/yyyy (“ngày 17/10/2024”); params keep ISO dates.
        shown_vi = {k: _show_vi(params[k], shown[k]) for k in values}
        return Reason(
            code=self.code,
            severity=self.severity,
            params=values,
            rule=rule,
            title_vi=self.title_vi,
            title_en=self.title_en,
            vi=self.vi.format(**shown_vi),
            en=self.en.format(**shown),
        )


_SCALARS = frozenset({str, int, bool, type(None), dt.date, dt.datetime})
"""Parameter types a made reason is shared for (hashable; the type is part of the key)."""
_DATETIME = dt.datetime
_IS_DATETIME = dt.datetime.__instancecheck__
_OFFSET = operator.methodcaller("utcoffset")
"""A timestamp's UTC offset: equal instants in two offsets are not the same parameter."""
_MADE: dict[tuple[Any, ...], tuple[ReasonCode, Reason]] = {}
_MADE_AT_MOST = 100_000
"""Reasons kept for sharing; the store is emptied when full (it only saves work)."""


_CARDS: dict[int, tuple[Reason, dict[str, Any]]] = {}
"""Each reason's JSON object by the reason's identity (kept alive here, so an id is never
reused while its entry lives); emptied when it holds :data:`_MADE_AT_MOST`."""


_VIETNAM = dt.timezone(dt.timedelta(hours=7))
"""Vietnam time, UTC+7 all year (A-16); the kernel's own copy, calendar/ sits above it."""


def day_vi(value: dt.date) -> str:
    """A day or a moment as Vietnamese text writes it: ``dd/mm/yyyy``; a moment in Vietnam time.

    An aware timestamp is converted to Vietnam time (A-16) and written ``hh:mm ngày
    dd/mm/yyyy (giờ Việt Nam)``, the seconds only when there are some; a naive one has no zone
    to name. English keeps ISO 8601 (``2024-10-30``) and JSON keeps ISO always.

    >>> day_vi(dt.date(2024, 12, 20))
    '20/12/2024'
    >>> day_vi(dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.timezone.utc))
    '01:30 ngày 30/10/2024 (giờ Việt Nam)'
    >>> day_vi(dt.datetime(2024, 10, 29, 16, 59, 59, tzinfo=dt.timezone.utc))
    '23:59:59 ngày 29/10/2024 (giờ Việt Nam)'
    """
    if isinstance(value, dt.datetime):
        local = value if value.utcoffset() is None else value.astimezone(_VIETNAM)
        clock = f"{local:%H:%M:%S}" if local.second or local.microsecond else f"{local:%H:%M}"
        zone = "" if value.utcoffset() is None else " (giờ Việt Nam)"
        return f"{clock} ngày {local:%d/%m/%Y}{zone}"
    return f"{value:%d/%m/%Y}"


def _show_vi(value: Any, shown: str) -> str:
    if isinstance(value, dt.date):
        return day_vi(value)
    if isinstance(value, list | tuple) and value and all(isinstance(v, dt.date) for v in value):
        return ", ".join(day_vi(v) for v in value)
    return shown


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "—"
    return str(value)


def _freeze(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@frozen
class Reason:
    """One reason for an outcome: code, parameters, the rule applied, and its texts."""

    def __repr__(self) -> str:
        return _short(
            f"<Reason {self.code} {self.severity.value} {self.rule.id if self.rule else '-'}: {self.en}>"
        )

    code: str
    severity: Severity
    params: Mapping[str, Any] = attrs.field(converter=_freeze, hash=False)
    rule: Rule | None
    title_vi: str
    title_en: str
    vi: str
    en: str

    def _repr_html_(self) -> str:
        from dienhinh._html import reason_html

        return reason_html(self)

    def to_json(self) -> dict[str, Any]:
        """The card object; ``citation`` is ``None`` for reasons no provision states.

        A reason is shared by many nominees (:class:`ReasonCode` makes it once): its object is
        made once and a fresh copy returned (``params`` and ``citation`` copied too).
        """
        known = _CARDS.get(id(self))
        if known is not None and known[0] is self:
            card = known[1]
        else:
            card = self._card()
            remember(_CARDS, id(self), (self, card), _MADE_AT_MOST)
        out = dict(card)
        out["params"] = dict(card["params"])
        if card["citation"] is not None:
            out["citation"] = dict(card["citation"])
        return out

    def _card(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "vi": self.vi,
            "en": self.en,
            "params": dict(self.params),
            "rule": None if self.rule is None else self.rule.id,
            "citation": None if self.rule is None else self.rule.citation.to_json(),
        }


def listed(reasons: Iterable[Reason], share: Sharing | None) -> list[Any]:
    """Reasons as a record lists them: each one's card; with ``share`` (a record writer's tree),
    the Reasons themselves, in a list the tree shares with every other place that lists the
    same ones (written once, then copied)."""
    if share is None:
        return [r.to_json() for r in reasons]
    if type(reasons) is SharedList:
        return reasons
    if reasons == ():
        return []  # nothing to share (most nominees miss nothing)
    return share.list_of(reasons)
