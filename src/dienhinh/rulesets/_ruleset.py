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
the cap), :mod:`dienhinh.calendar` (deadlines, the window, milestones); this
module checks them when a ruleset is built. The whole of :mod:`dienhinh.rulesets`
loads on first use, so ``import dienhinh`` stays light.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from dienhinh._documents import DocumentStatus, flag, slug, text
from dienhinh._errors import InvalidTypeError, InvalidValueError, UnknownDeadlineError
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings
from dienhinh._reasons import Reason
from dienhinh._text import a_or_an
from dienhinh.calendar import Deadline, Milestone, WindowPolicy
from dienhinh.criteria import Catalogue, parse_catalogue
from dienhinh.rulesets import _parts as parts
from dienhinh.rulesets._parts import Benefits, Document, Effective, Floor, Posthumous, Successor
from dienhinh.rulesets._procedure import Check, CheckKind, DeadlineRole, NotComputed, as_role
from dienhinh.voting import BallotRule, Cap

__all__ = ["Ruleset"]

# -- the ruleset --------------------------------------------------------------------------------


def _id(value: object) -> str:
    return slug(value, "ruleset.id")


def _items(value: object) -> tuple[Any, ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a sequence", field="ruleset", value=value)
    return tuple(value)


def _roles(value: object) -> tuple[tuple[DeadlineRole, str], ...]:
    """``(role, deadline name)`` pairs, in role order; a role given as text is checked."""
    out: list[tuple[DeadlineRole, str]] = []
    for item in _items(value):
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str)):
            raise InvalidTypeError(
                "must hold (role, deadline name) pairs", field="deadline_roles", value=item
            )
        role = as_role(item[0])
        if role is None:
            raise InvalidTypeError("must name a role", field="deadline_roles", value=item)
        out.append((role, item[1]))
    order = list(DeadlineRole)
    return tuple(sorted(out, key=lambda p: (order.index(p[0]), p[1])))


def _criteria_file(value: object) -> str | None:
    return None if value is None else text(value, "criteria")


@frozen
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
    """The province's own ballot rule (e.g. TQ-2.1b); ``None`` when it sets none."""
    cap: Cap | None = None
    floors: tuple[Floor, ...] = attrs.field(default=(), converter=_items)
    window: WindowPolicy | None = None
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_items)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=_items)
    posthumous: Posthumous | None = None
    benefits: Benefits | None = None
    successor: Successor | None = None
    checks: tuple[Check, ...] = attrs.field(default=(), converter=_items)
    """The procedure: every check a round applies, in the order it applies them."""
    deadline_roles: tuple[tuple[DeadlineRole, str], ...] = attrs.field(default=(), converter=_roles)
    """Which deadline plays which role in a round (``docs/rulesets.md``)."""
    not_computed: tuple[NotComputed, ...] = attrs.field(default=(), converter=_items)
    """The document's provisions no round computes, each with why (KT-4); a round's record lists
    them under ``checks.not_computed``."""
    criteria_file: str | None = attrs.field(default=None, converter=_criteria_file)
    own_criteria: bool = attrs.field(default=True, validator=flag)
    criteria: Mapping[str, Any] | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    """The catalogue's data as read (what a round's digest covers)."""
    catalogue: Catalogue | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    """The catalogue parsed and checked once, when the ruleset was built."""
    national_ballot: parts.Timeline[BallotRule] | None = attrs.field(default=None, kw_only=True)
    """The national ballot provisions a document without its own rule borrows, dated by the
    effect of their documents (``[ballot] national = [...]``): see :meth:`ballot_on`."""
    source: str | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    """The file the ruleset was read from, if any (for messages; not part of its identity)."""

    def __attrs_post_init__(self) -> None:
        kind: type[Any]
        for name, kind, optional in (
            ("document", parts.Document, False),
            ("effective", parts.Effective, False),
            ("ballot", BallotRule, True),
            ("national_ballot", parts.Timeline, True),
            ("cap", Cap, True),
            ("window", WindowPolicy, True),
            ("posthumous", parts.Posthumous, True),
            ("benefits", parts.Benefits, True),
            ("successor", parts.Successor, True),
        ):
            value = getattr(self, name)
            if not ((optional and value is None) or isinstance(value, kind)):
                raise InvalidTypeError(
                    f"must be {a_or_an(kind.__name__)}{' or None' if optional else ''}",
                    field=name,
                    value=value,
                )
        if self.ballot is not None and self.national_ballot is not None:
            raise InvalidValueError(
                "gives its own ballot rule and a borrowed national one",
                field="national_ballot",
                value=[e.rule.id for e in self.national_ballot.entries],
                allowed="one of: ballot (the document's own rule) or national_ballot",
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
        self._check_types()
        if self.catalogue is None and self.criteria is not None:
            # Built in Python from data (e.g. a what-if variant): parse and check it now, once.
            object.__setattr__(
                self,
                "catalogue",
                parse_catalogue(self.criteria, source=self.criteria_file or self.id),
            )
        if not self.own_criteria and self.criteria_file is not None:
            raise InvalidValueError(
                "names a catalogue, but the ruleset says it has no criteria of its own",
                field="criteria",
                value=self.criteria_file,
            )

    def _check_types(self) -> None:
        for check in self.checks:
            if not isinstance(check, Check):
                raise InvalidTypeError("must hold Check objects", field="checks", value=check)
        for item in self.not_computed:
            if not isinstance(item, NotComputed):
                raise InvalidTypeError(
                    "must hold NotComputed objects", field="not_computed", value=item
                )

    def procedure_problems(self) -> list[tuple[str, str, str]]:
        """Every problem of the procedure, as ``(where, message, allowed)``; none when it holds.

        Each role is given once, to a deadline the ruleset has; each check has the
        table it reads, and is declared once per level; when a procedure is
        declared, no table is left that no check reads. A ruleset file with a
        problem does not load; a ruleset built in Python is checked when a round
        runs under it.
        """
        bound = [role for role, _ in self.deadline_roles]
        return [
            *self._role_problems(),
            *self._check_problems(bound),
            *self._unread_tables(),
        ]

    def _tables(self) -> dict[CheckKind, bool]:
        """Whether the ruleset has what each table-reading check reads."""
        criteria = self.criteria_file is not None or self.criteria is not None
        return {
            CheckKind.POSTHUMOUS: self.posthumous is not None,
            CheckKind.BENEFITS: self.benefits is not None,
            CheckKind.FLOORS: bool(self.floors),
            CheckKind.STANDARDS: self.own_criteria and criteria,
        }

    def _role_problems(self) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []
        names = {d.name for d in self.deadlines}
        seen: set[DeadlineRole] = set()
        for role, name in self.deadline_roles:
            if role in seen:
                out.append(("deadlines.role", f"{role.value!r} is given to two deadlines", "one deadline per role"))  # fmt: skip
            if name not in names:
                out.append((
                    "deadlines.role", f"{role.value!r} names deadline {name!r}, which the ruleset does not have",
                    ", ".join(sorted(names)) or "no deadline",
                ))  # fmt: skip
            seen.add(role)
        return out

    def _check_problems(self, bound: list[DeadlineRole]) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []
        tables = self._tables()
        seen: dict[tuple[str, str], int] = {}
        for i, check in enumerate(self.checks):
            where = f"checks[{i}]"
            for level in check.runs_at:
                if (check.id, level) in seen:
                    out.append((where, f"{check.id!r} is declared twice at the {level} level "
                                f"(also checks[{seen[check.id, level]}])", "each check once per level"))  # fmt: skip
                seen[check.id, level] = i
            if check.role is not None and check.role not in bound:
                out.append((
                    f"{where}.role",
                    f"{check.role.value!r} is the role of no deadline: give one deadline role = {check.role.value!r}",
                    ", ".join(r.value for r in bound) or "no deadline has a role",
                ))  # fmt: skip
            if not tables.get(check.kind, True):
                needs = check.kind.cited_by_table or "a criteria catalogue (criteria = 'FILE')"
                out.append((where, f"{check.id!r} needs {needs}, which the ruleset does not have",
                            f"add {needs}, or drop the check"))  # fmt: skip
        return out

    def _unread_tables(self) -> list[tuple[str, str, str]]:
        if not self.checks:
            return []
        declared = {c.kind for c in self.checks}
        return [
            (kind.cited_by_table, "is given, but no check reads it", f"[[checks]] check = {kind.value!r}")
            for kind, present in self._tables().items()
            if present and kind not in declared and kind.cited_by_table is not None
        ]  # fmt: skip

    def checks_at(self, level: str) -> tuple[Check, ...]:
        """The checks a round at ``level`` (``"province"``, ``"unit"``) applies, in order."""
        return tuple(c for c in self.checks if level in c.runs_at)

    def deadline_for(self, role: DeadlineRole | str) -> Deadline | None:
        """The deadline that plays ``role`` in a round, if the ruleset gives one that role."""
        key = as_role(role)
        for bound, name in self.deadline_roles:
            if bound is key:
                return self.deadline(name)
        return None

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
        if "deadlines" in changes and "deadline_roles" not in changes:
            # A role stays with its deadline while that deadline is kept (by name).
            kept = {d.name for d in changes["deadlines"]}
            changes["deadline_roles"] = tuple(p for p in self.deadline_roles if p[1] in kept)
        if "criteria" in changes and "catalogue" not in changes:
            changes["catalogue"] = None  # parsed again from the new data
        return attrs.evolve(self, id=id, source=None, **changes)

    def summary(self) -> dict[str, Any]:
        """What ``dienhinh rulesets`` lists: identity, status, blanks, effective dates (with the
        start A-42 ``named-period`` reads, where the document names a period), successor."""
        d, eff = self.document, self.effective
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
                "from": None if eff.start is None else eff.start.isoformat(),
                "until": None if eff.end is None else eff.end.isoformat(),
                "named_from": None if eff.named_start is None else eff.named_start.isoformat(),
            },
            "successor": None if self.successor is None else self.successor.province,
        }

    @property
    def has_ballot(self) -> bool:
        """Whether the ruleset gives a ballot rule: its own, or a borrowed national one."""
        return self.ballot is not None or self.national_ballot is not None

    def ballot_on(self, day: dt.date | None, readings: Readings | None = None) -> BallotRule | None:
        """The ballot rule for a decision signed on ``day``: the province's own, or else the
        national provision in force that day; ``None`` when the ruleset gives none.

        A borrowed rule needs the day (``None`` is refused); a day outside every declared
        period is refused with the periods allowed. A women-first tie-break is the national
        provision NĐ152-4.6, applied and cited only on a day its decree is in force (before it,
        A-41 of ``readings``: the chair decides by default); it needs the day too.

        >>> from dienhinh import load_ruleset
        >>> kt = load_ruleset("kon-tum-2022")
        >>> kt.ballot_on(dt.date(2023, 12, 20)).rule.id, kt.ballot_on(dt.date(2024, 12, 20)).rule.id
        ('NĐ91-45.8', 'NĐ98-ballot')
        """
        if self.ballot is not None or self.national_ballot is None:
            if self.ballot is None:
                return None
            from dienhinh.rulesets._national import dated_tie_break
            from dienhinh.rulesets._toml import national_law

            return dated_tie_break(self.ballot, day, national_law(), readings)
        if day is None:
            raise InvalidValueError(
                "borrows a dated national ballot rule: the decision date picks the one in force",
                field="decided_on",
                value=None,
                allowed="a date in "
                + ", ".join(
                    f"{e.start} … {'(open)' if e.end is None else e.end} ({e.rule.id})"
                    for e in self.national_ballot.entries
                ),
            )
        from dienhinh.rulesets._national import dated_tie_break
        from dienhinh.rulesets._toml import national_law

        return dated_tie_break(self.national_ballot.at(day).value, day, national_law(), readings)

    def ballot_notices(self, day: dt.date | None) -> tuple[Reason, ...]:
        """For a borrowed national ballot rule, the reason that says so (vi + en); else none."""
        if self.ballot is not None or self.national_ballot is None:
            return ()
        from dienhinh.rulesets._national import national_ballot_notice
        from dienhinh.rulesets._toml import national_law

        rule = self.ballot_on(day)
        assert rule is not None
        assert day is not None
        d = self.document
        return (national_ballot_notice(d.form, d.province, d.code, rule, day, national_law()),)

    def to_json(self) -> dict[str, Any]:
        """Every parameter with its rule and citation (the catalogue is named, not inlined)."""

        def j(value: Any) -> Any:
            return None if value is None else value.to_json()

        return {
            "id": self.id,
            "document": self.document.to_json(),
            "effective": self.effective.to_json(),
            "ballot": j(self.ballot),
            **(
                {}
                if self.national_ballot is None
                else {"national_ballot": self.national_ballot.to_json()}
            ),
            "cap": j(self.cap),
            "floors": [f.to_json() for f in self.floors],
            "window": j(self.window),
            "deadlines": [d.to_json() for d in self.deadlines],
            "milestones": [m.to_json() for m in self.milestones],
            "posthumous": j(self.posthumous),
            "benefits": j(self.benefits),
            "successor": j(self.successor),
            "checks": [c.to_json() for c in self.checks],
            "deadline_roles": {r.value: n for r, n in self.deadline_roles},
            "criteria": self.criteria_file,
            "own_criteria": self.own_criteria,
        } | self._not_computed_json()

    def _not_computed_json(self) -> dict[str, Any]:
        # Only when listed: a ruleset that lists none keeps the parameters (and digest) it had.
        return (
            {"not_computed": [n.to_json() for n in self.not_computed]} if self.not_computed else {}
        )
