"""A nominee as the criteria see it: its kind, its declared fields and its evidence."""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from dienhinh._batch import remember
from dienhinh._canonical import Sharing, canonical_json
from dienhinh._convert import items_of, to_enum
from dienhinh._errors import DuplicateIdError, InvalidTypeError, InvalidValueError
from dienhinh._frozen import assembled, frozen
from dienhinh._kinds import NomineeKind
from dienhinh._repr import short as _short
from dienhinh._text import identifier, nfc
from dienhinh.criteria._evidence import EVIDENCE_TYPES, Attestation, Evidence, Figure, Rating

__all__ = ["Nominee"]

_ORDER = {name: i for i, name in enumerate(EVIDENCE_TYPES)}
_RANK: dict[type[Any], int] = {cls: i for i, cls in enumerate(EVIDENCE_TYPES.values())}
"""Each evidence class's place in the canonical order (the class itself, not a subclass)."""
_CLASSES = tuple(EVIDENCE_TYPES.values())


def _kind(value: object) -> NomineeKind:
    return to_enum(NomineeKind, value, "nominee.kind")


def _fields(value: Iterable[object]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidValueError(
            "must be a list of field ids, not one string", field="nominee.fields", value=value
        )
    out: set[str] = set()
    for raw in items_of(value, object, "nominee.fields", "field ids"):
        text = identifier(raw, field="nominee.fields")
        if text in out:
            raise DuplicateIdError("declares a field twice", field="nominee.fields", value=text)
        out.add(text)
    return tuple(sorted(out))


def _sort_key(item: Evidence) -> str:
    """An item's place among the items of its type: its canonical JSON text.

    A reader shares one item among the nominees that give it (a unit's attestations): its
    key is made once, kept by the item's identity (the item kept alive with it) while it is
    among the last few thousand keyed."""
    known = _KEYS.get(id(item))
    if known is not None and known[0] is item:
        return known[1]
    key = _attestation_text(item) if type(item) is Attestation else canonical_json(item.to_json())
    remember(_KEYS, id(item), (item, key), _KEYS_AT_MOST)
    return key


_KEYS: dict[int, tuple[Evidence, str]] = {}
"""Each evidence item's sort key by its identity (emptied when full: it only saves work)."""
_KEYS_AT_MOST = 8192
"""Bounded, so a national batch of distinct items does not keep a second copy of each as text."""


def _attestation_text(a: Attestation) -> str:
    """``canonical_json(a.to_json())`` written field by field, its keys in sorted order: the
    type a nominee gives most often, and most often several of (one per criterion attested)."""
    quote = _quote
    if quote is None:
        quote = _quoter()
    head = "{"
    if a.achieved_on is not None:
        head = '{"achieved_on":"' + a.achieved_on.isoformat() + '",'
    text = (
        f'{head}"authority":{quote(a.authority)},"criterion":{quote(a.criterion)},'
        f'"date":"{a.date.isoformat()}","holds":{"true" if a.holds else "false"}'
    )
    if a.period is not None:
        text += ',"period":' + canonical_json(a.period.to_json())
    if a.ref is not None:
        text += ',"ref":' + quote(a.ref)
    return (
        text
        + f',"signer":{quote(a.signer)},"statement":{quote(a.statement)},"type":"attestation"}}'
    )


_quote: Callable[[str], str] | None = None
"""The canonical encoder's string quoting (``ensure_ascii=False``), imported on first use."""


def _quoter() -> Callable[[str], str]:
    global _quote
    from json.encoder import encode_basestring

    _quote = encode_basestring
    return _quote


def _by_type(item: Evidence) -> int:
    return _ORDER[item.TYPE]


def _evidence(value: Iterable[object]) -> tuple[Evidence, ...]:
    """The items in the canonical order: by type, then by content (canonical JSON).

    Only items that share their type with another need their text compared (and only there
    can an item be given twice), so a nominee's one OCOP rating or one award is never
    written out as JSON to be put in its place."""
    if isinstance(value, str):
        raise InvalidValueError(
            "must be a list of evidence items", field="nominee.evidence", value=value
        )
    items: list[Evidence] = []
    for i, item in enumerate(items_of(value, object, "nominee.evidence", "evidence items")):
        if not isinstance(item, _CLASSES):
            raise InvalidTypeError(
                "is not an evidence item", field=f"nominee.evidence[{i}]", value=item,
                allowed=", ".join(c.__name__ for c in _CLASSES),
            )  # fmt: skip
        items.append(item)
    items.sort(key=_by_type)  # stable
    out: list[Evidence] = []
    start, n = 0, len(items)
    while start < n:
        kind = items[start].TYPE
        stop = start + 1
        while stop < n and kind == items[stop].TYPE:
            stop += 1
        if stop - start == 1:
            out.append(items[start])
        else:
            keyed = sorted(((_sort_key(e), e) for e in items[start:stop]), key=lambda ke: ke[0])
            for (k1, _), (k2, e2) in itertools.pairwise(keyed):
                if k1 == k2:
                    raise DuplicateIdError(
                        "the same evidence is given twice", field="nominee.evidence",
                        value=e2.to_json(),
                    )  # fmt: skip
            out.extend(e for _, e in keyed)
        start = stop
    return tuple(out)


def _complete(value: Iterable[object]) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    out = set()
    for raw in items_of(value, object, "nominee.complete", "evidence types"):
        if not isinstance(raw, str) or raw not in EVIDENCE_TYPES:
            raise InvalidValueError(
                "is not an evidence type", field="nominee.complete", value=raw,
                allowed=", ".join(EVIDENCE_TYPES),
            )  # fmt: skip
        if raw in out:
            raise DuplicateIdError(
                "names an evidence type twice", field="nominee.complete", value=raw
            )
        out.add(raw)
    return frozenset(out)


def _opt_name(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError("must be a non-blank string", field="nominee.name", value=value)
    return nfc(value.strip())


@frozen
class Nominee:
    """A nominee: kind, declared fields (lĩnh vực) and evidence.

    Evidence is kept in one canonical order (by type, then content), so the
    same items given in any order make the same nominee, the same results and
    the same digest. ``complete`` lists the evidence types the nominating unit
    declares complete: for those, "nothing qualifies" is *not met* rather than
    *unknown* (see ``docs/criteria.md``).

    >>> from dienhinh.criteria import Ocop
    >>> import datetime as dt
    >>> n = Nominee("collective", ["agriculture"], [Ocop("Chè", 3, dt.date(2024, 3, 1), "UBND tỉnh")])
    >>> n.kind, n.fields
    (<NomineeKind.COLLECTIVE: 'collective'>, ('agriculture',))
    """

    def __repr__(self) -> str:
        return _short(
            f"<Nominee {self.name or '(no name)'}: {self.kind.value}, fields {', '.join(self.fields)}, {len(self.evidence)} evidence>"
        )

    kind: NomineeKind = attrs.field(converter=_kind)
    fields: tuple[str, ...] = attrs.field(converter=_fields)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence)
    complete: frozenset[str] = attrs.field(factory=frozenset, converter=_complete, kw_only=True)
    name: str | None = attrs.field(default=None, converter=_opt_name, kw_only=True)

    def __attrs_post_init__(self) -> None:
        ratings: set[int] = set()
        figures: set[tuple[str, int]] = set()
        for item in self.evidence:
            # One rating per year and one figure per metric and year: two
            # different values for the same year would leave the answer to
            # whichever was read last.
            if isinstance(item, Rating):
                if item.year in ratings:
                    raise DuplicateIdError(
                        "gives two ratings for one year", field="rating.year", value=item.year
                    )
                ratings.add(item.year)
            elif isinstance(item, Figure):
                key = (item.metric.value, item.year)
                if key in figures:
                    raise DuplicateIdError(
                        f"gives two {item.metric.value} figures for one year",
                        field="figure.year",
                        value=item.year,
                    )
                figures.add(key)

    @functools.cached_property
    def by_type(self) -> Mapping[str, tuple[tuple[int, Evidence], ...]]:
        """The evidence grouped by type, each item with its index in :attr:`evidence`."""
        groups: dict[str, list[tuple[int, Evidence]]] = {}
        for i, item in enumerate(self.evidence):
            groups.setdefault(item.TYPE, []).append((i, item))
        return MappingProxyType({k: tuple(v) for k, v in groups.items()})

    @functools.cached_property
    def attestations(self) -> Mapping[str, tuple[tuple[int, Attestation], ...]]:
        """The attestations by the criterion id they attest."""
        groups: dict[str, list[tuple[int, Attestation]]] = {}
        for i, item in self.by_type.get(Attestation.TYPE, ()):
            assert isinstance(item, Attestation)
            groups.setdefault(item.criterion, []).append((i, item))
        return MappingProxyType({k: tuple(v) for k, v in groups.items()})

    def to_json(self) -> dict[str, Any]:
        """The nominee in its JSON input format (``docs/schemas/nominee.json``)."""
        return self._tree()

    def _tree(self, share: Sharing | None = None) -> dict[str, Any]:
        """:meth:`to_json`; with ``share``, a record writer's tree, where the evidence items
        (and whole lists of them) that nominees hold alike are shared."""
        out: dict[str, Any] = {"kind": self.kind.value, "fields": list(self.fields)}
        if self.name is not None:
            out["name"] = self.name
        if self.complete:
            out["complete"] = sorted(self.complete)
        if share is None:
            out["evidence"] = [e.to_json() for e in self.evidence]
        else:
            out["evidence"] = share.documents_of(self.evidence)
        return out


_KINDS: dict[object, NomineeKind] = {k.value: k for k in NomineeKind}
_SEEN_FIELDS: dict[tuple[object, ...], tuple[str, ...]] = {}
"""Declared fields as given → as the public converter made them (a round repeats a few)."""
_SEEN_COMPLETE: dict[tuple[object, ...], frozenset[str]] = {}
"""The same for ``complete``."""
_SEEN_GROUPS: dict[tuple[int, ...], tuple[tuple[Evidence, ...], tuple[Evidence, ...]]] = {}
"""A run of items of one type, by the items' identities → (the items, kept alive so an id is
never reused while its entry stands; the run in its canonical order)."""
_SEEN_AT_MOST = 8192
"""Entries each store keeps (emptied when full: they only save work)."""


_T = TypeVar("_T")


def _converted(
    store: dict[tuple[object, ...], _T], values: Sequence[object], convert: Callable[[Any], _T]
) -> _T:
    """``convert(values)``, remembered in ``store`` by the values; only values of the exact type
    str are looked up (a str subclass could equal one met before)."""
    key = tuple(values)
    plain = all(type(v) is str for v in key)
    known = store.get(key) if plain else None
    if known is None:
        known = convert(values)
        if plain:
            remember(store, key, known, _SEEN_AT_MOST)
    return known


def read_nominee(
    kind: object,
    fields: Sequence[object],
    evidence: list[Evidence],
    complete: Sequence[object],
    name: object,
) -> Nominee:
    """``Nominee(kind, fields, evidence, complete=complete, name=name)``, made for a reader.

    The JSON reader gives lists, and evidence it has built itself. Every value is still
    checked, but what was checked once is remembered: fields and ``complete`` as given (a
    round repeats a few), a run of items of one type by the items' identities (a unit's
    attestations, shared among its nominees). Anything not met before — or not as the reader
    gives it — goes through the public converter, which raises its own error; so the value,
    and any error, is the public constructor's (tests/test_fast_paths.py compares them).
    """
    if type(fields) is not list or type(evidence) is not list or type(complete) is not list:
        return Nominee(kind, fields, evidence, complete=complete, name=name)
    nominee_kind = _KINDS.get(kind) if type(kind) is str else None
    if nominee_kind is None:
        nominee_kind = _kind(kind)
    field_ids = _converted(_SEEN_FIELDS, fields, _fields)
    items = _canonical_items(evidence)
    complete_types = _converted(_SEEN_COMPLETE, complete, _complete)
    nominee_name = None if name is None else _opt_name(name)
    made = assembled(Nominee, kind=nominee_kind, fields=field_ids, evidence=items,
                     complete=complete_types, name=nominee_name)  # fmt: skip
    made.__attrs_post_init__()
    return made


def _canonical_items(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """``_evidence(evidence)``, a run of one type met before taken as it was ordered then."""
    rank = _RANK
    try:
        ranks = [rank[type(item)] for item in evidence]
    except (KeyError, TypeError):  # not an evidence item, or a subclass of one
        return _evidence(evidence)
    if len(evidence) < 2:
        return tuple(evidence)
    runs: dict[int, list[Evidence]] = {}
    for r, item in zip(ranks, evidence, strict=True):
        run = runs.get(r)
        if run is None:
            runs[r] = [item]
        else:
            run.append(item)
    out: list[Evidence] = []
    for r in sorted(runs):
        run = runs[r]
        if len(run) == 1:
            out.append(run[0])
            continue
        key = tuple(map(id, run))
        seen = _SEEN_GROUPS.get(key)
        if seen is not None and all(map(operator.is_, seen[0], run)):
            out.extend(seen[1])
            continue
        # Checked and ordered by the public converter (which raises its own error for an
        # item given twice); runs are met in type order, as the converter meets them.
        ordered = _evidence(run)
        remember(_SEEN_GROUPS, key, (tuple(run), ordered), _SEEN_AT_MOST)
        out.extend(ordered)
    return tuple(out)
