"""A province's procedure as data: the checks a round applies and the roles of its deadlines.

A round applies a check only because its ruleset declares it (``[[checks]]``
in the ruleset file, ``docs/rulesets.md``), each from the closed list
:class:`CheckKind`, at the council levels it names, with its own rule id,
citation and short quotation. Nothing of one province is applied, or cited,
in another's round: a check a ruleset does not declare does not run, and the
round's record lists it as not declared.

Deadlines take part in a round through their *role* (:class:`DeadlineRole`),
never their name: ``role = "dossier-submission"`` on a ``[[deadlines]]``
table is what the ``deadline`` check of that role reads.

>>> from dienhinh import load_ruleset
>>> tq = load_ruleset("tuyen-quang-2023")
>>> [c.id for c in tq.checks_at("unit")][:3]
['consent', 'posthumous', 'deadline:unit-consideration']
>>> tq.deadline_for("dossier-submission").rule.id
'TQ-8.3b'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from dienhinh._documents import opt_text, text
from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._provenance import Rule

__all__ = [
    "LEVELS",
    "Check",
    "CheckKind",
    "DeadlineRole",
    "DossierPart",
    "NotComputed",
    "as_role",
    "check_ids",
]

LEVELS: Final = ("province", "unit")
"""The council levels a check may run at (the round's ``CouncilLevel`` values, A-19)."""


class DeadlineRole(enum.Enum):
    """What a deadline is for in a round: the closed list a ``[[deadlines]]`` ``role`` takes."""

    UNIT_CONSIDERATION = "unit-consideration"
    """A unit's council considers its own exemplars (TQ-6.1a): the unit round's own date, and
    at the province the day the unit's council met (``dossier.unit_considered_on``)."""
    DOSSIER_SUBMISSION = "dossier-submission"
    """A unit's dossier reaches the province (TQ-8.3b): ``dossier.received``."""
    PROVINCE_CONSIDERATION = "province-consideration"
    """The province's council considers (TQ-6.1b): the province round's own date."""


class DossierPart(enum.Enum):
    """The parts of a unit's dossier a ``dossier`` check may require (TQ-8.3a)."""

    SUBMISSION_LETTER = "submission-letter"
    COUNCIL_MINUTES = "council-minutes"
    ACHIEVEMENT_REPORT = "achievement-report"


class CheckKind(enum.Enum):
    """Every check a round can apply; a ruleset declares the ones its document makes."""

    CONSENT = "consent"
    """The nominee consents to be considered (TQ-2.1a)."""
    POSTHUMOUS = "posthumous"
    """No posthumous recognition: reads the ``[posthumous]`` table and cites it (TQ-2.1c, A-11)."""
    HEAD_SELECTION = "head-selection"
    """Chosen by the head of its unit from the unit's own exemplars (TQ-4.2)."""
    DOSSIER = "dossier"
    """The unit's dossier was received with the ``parts`` it must have (TQ-8.3a)."""
    DEADLINE = "deadline"
    """The deadline of ``role`` was met; cites that deadline (TQ-6.1a, TQ-6.1b, TQ-8.3b)."""
    STANDARDS = "standards"
    """The criteria catalogue, read on the achievement window (TQ-4.1, BK-III, NT-IV.2)."""
    STAGE = "stage"
    """The record's stage is reported (KT-1; BK-IV.1 “đồng bộ cả 4 khâu”)."""
    AWARD_LEVEL_MATCH = "award-level-match"
    """The award is the level the record supports, no higher and no lower (KT-2)."""
    PRIORITY_GROUPS = "priority-groups"
    """Priority groups are reported, never used to filter (KT-3)."""
    UNIT_QUOTA = "unit-quota"
    """A unit council applies the quota its unit sets, given with the round (TQ-6.2a)."""
    SIGNER = "signer"
    """Who signs the recognition at one ``level`` (TQ-5)."""
    BENEFITS = "benefits"
    """Certificate and cash of a province-level exemplar: reads ``[benefits]`` (TQ-7.1d)."""
    UNIT_REWARD = "unit-reward"
    """A unit-level exemplar is rewarded by its unit (TQ-7.1c)."""
    NATIONAL_POOL = "national-pool"
    """Who may be introduced for national propagation (TQ-2.2)."""
    NATIONAL_POOL_SIZE = "national-pool-size"
    """The number introduced is decided within the pool (TQ-6.3)."""
    FLOORS = "floors"
    """Each unit against its floors: reads ``[[floors]]`` (TQ-6.2a, BK-IV.1, NT-V.1đ)."""
    HONOURING = "honouring"
    """Each unit honours its exemplars at least ``minimum`` times in the year, counted from its
    dated honouring events (NT-IV.3b); reported with the floors, never a filter."""

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels the check may run at (its default when a declaration names none)."""
        return _LEVELS.get(self, LEVELS)

    @property
    def cited_by_table(self) -> str | None:
        """The table whose rule a check of this kind cites, when it has no rule of its own."""
        return _TABLES.get(self)


_PROVINCE: Final = ("province",)
_LEVELS: Final = {
    CheckKind.HEAD_SELECTION: _PROVINCE,
    CheckKind.DOSSIER: _PROVINCE,
    CheckKind.BENEFITS: _PROVINCE,
    CheckKind.NATIONAL_POOL: _PROVINCE,
    CheckKind.NATIONAL_POOL_SIZE: _PROVINCE,
    CheckKind.UNIT_QUOTA: ("unit",),
    CheckKind.UNIT_REWARD: ("unit",),
}
_TABLES: Final = {
    CheckKind.POSTHUMOUS: "[posthumous]",
    CheckKind.DEADLINE: "[[deadlines]]",
    CheckKind.BENEFITS: "[benefits]",
    CheckKind.FLOORS: "[[floors]]",
}
_ROLE_LEVELS: Final = {
    DeadlineRole.UNIT_CONSIDERATION: LEVELS,
    DeadlineRole.DOSSIER_SUBMISSION: _PROVINCE,
    DeadlineRole.PROVINCE_CONSIDERATION: _PROVINCE,
}


def _kind(value: object) -> CheckKind:
    if isinstance(value, CheckKind):
        return value
    for kind in CheckKind:
        if value == kind.value:
            return kind
    raise InvalidValueError(
        "is not a check a round knows",
        field="check",
        value=value,
        allowed=", ".join(k.value for k in CheckKind),
    )


def as_role(value: object) -> DeadlineRole | None:
    """A :class:`DeadlineRole` from itself or its text; an unknown role lists the allowed ones."""
    if value is None or isinstance(value, DeadlineRole):
        return value
    for role in DeadlineRole:
        if value == role.value:
            return role
    raise InvalidValueError(
        "is not a deadline role",
        field="role",
        value=value,
        allowed=", ".join(r.value for r in DeadlineRole),
    )


def _levels(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a list of council levels", field="levels", value=value)
    out = tuple(value)
    for level in out:
        if level not in LEVELS:
            raise InvalidValueError(
                "is not a council level", field="levels", value=level, allowed=", ".join(LEVELS)
            )
    if not out or len(set(out)) != len(out):
        raise InvalidValueError(
            "must name each level once, at least one", field="levels", value=list(out)
        )
    return tuple(sorted(out, key=LEVELS.index))


def _parts(value: object) -> tuple[DossierPart, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError("must be a list of dossier parts", field="parts", value=value)
    out: list[DossierPart] = []
    for item in value:
        for part in DossierPart:
            if item in (part, part.value):
                out.append(part)
                break
        else:
            raise InvalidValueError(
                "is not a dossier part",
                field="parts",
                value=item,
                allowed=", ".join(p.value for p in DossierPart),
            )
    if len(set(out)) != len(out):
        raise InvalidValueError("names a part twice", field="parts", value=[p.value for p in out])
    return tuple(out)


def _opt_rule(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Rule):
        raise InvalidTypeError("must be a dienhinh.Rule or None", field="rule", value=value)


def _minimum(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("must be a whole number or None", field="minimum", value=value)
    if value < 1:
        raise InvalidValueError(
            "must be at least 1", field="minimum", value=value, allowed="1, 2, …"
        )


def _signer_vi(value: object) -> str | None:
    return opt_text(value, "signer_vi")


def _signer_en(value: object) -> str | None:
    return opt_text(value, "signer_en")


@frozen
class Check:
    """One check a ruleset declares: its kind, the levels it runs at, its rule and citation.

    ``role`` is the deadline role of a ``deadline`` check; ``parts`` the parts
    a ``dossier`` check requires; ``signer_vi`` / ``signer_en`` who signs, for
    a ``signer`` check (one per level); ``minimum`` the events a year of an
    ``honouring`` check. A check that reads a table of its own
    (``posthumous``, ``deadline``, ``benefits``, ``floors``) cites that table's
    rules and takes no ``rule`` here; every other check must have one.
    """

    kind: CheckKind = attrs.field(converter=_kind)
    rule: Rule | None = attrs.field(default=None, validator=_opt_rule)
    levels: tuple[str, ...] | None = attrs.field(default=None, converter=_levels)
    role: DeadlineRole | None = attrs.field(default=None, converter=as_role)
    parts: tuple[DossierPart, ...] = attrs.field(default=(), converter=_parts)
    signer_vi: str | None = attrs.field(default=None, converter=_signer_vi)
    signer_en: str | None = attrs.field(default=None, converter=_signer_en)
    minimum: int | None = attrs.field(default=None, validator=_minimum, kw_only=True)

    def __attrs_post_init__(self) -> None:
        for message, field in self._problems():
            raise InvalidValueError(message, field=field, value=self.id)

    def _problems(self) -> Iterable[tuple[str, str]]:
        kind = self.kind
        table = kind.cited_by_table
        if table is not None and self.rule is not None:
            yield f"cites the rules of {table}: give no rule here", "rule"
        if table is None and self.rule is None:
            yield "needs its rule and citation", "rule"
        if (kind is CheckKind.DEADLINE) != (self.role is not None):
            yield "a deadline check, and only it, names its role", "role"
        if (kind is CheckKind.DOSSIER) != bool(self.parts):
            yield "a dossier check, and only it, lists the parts it requires", "parts"
        signer = kind is CheckKind.SIGNER
        if signer != (self.signer_vi is not None) or signer != (self.signer_en is not None):
            yield "a signer check, and only it, names who signs (signer_vi, signer_en)", "signer_vi"
        if (kind is CheckKind.HONOURING) != (self.minimum is not None):
            yield "an honouring check, and only it, gives its minimum (events a year)", "minimum"
        if signer and len(self.levels or ()) != 1:
            yield "a signer check names the one level it is for", "levels"
        allowed = self.allowed_levels
        for level in self.levels or ():
            if level not in allowed:
                yield f"cannot run at the {level} level; it runs at: {', '.join(allowed)}", "levels"

    @property
    def allowed_levels(self) -> tuple[str, ...]:
        if self.role is not None:
            return _ROLE_LEVELS[self.role]
        return self.kind.levels

    @property
    def runs_at(self) -> tuple[str, ...]:
        """The levels the check runs at: those it names, or every level its kind allows."""
        return self.levels if self.levels is not None else self.allowed_levels

    @property
    def id(self) -> str:
        """``consent``, ``deadline:dossier-submission``, ``signer:province`` …"""
        if self.role is not None:
            return f"{self.kind.value}:{self.role.value}"
        if self.kind is CheckKind.SIGNER and self.levels:
            return f"{self.kind.value}:{self.levels[0]}"
        return self.kind.value

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "check": self.kind.value,
            "id": self.id,
            "levels": list(self.runs_at),
            "role": None if self.role is None else self.role.value,
            "parts": [p.value for p in self.parts],
            "signer_vi": self.signer_vi,
            "signer_en": self.signer_en,
            "rule": None if self.rule is None else self.rule.to_json(),
        }
        if self.minimum is not None:  # only an honouring check has one (digests stay as they were)
            out["minimum"] = self.minimum
        return out


def check_ids(level: str) -> tuple[str, ...]:
    """Every check id a round at ``level`` could run, in :class:`CheckKind` order."""
    out: list[str] = []
    for kind in CheckKind:
        if kind is CheckKind.DEADLINE:
            out += [f"deadline:{r.value}" for r in DeadlineRole if level in _ROLE_LEVELS[r]]
        elif kind is CheckKind.SIGNER:
            out.append(f"signer:{level}")
        elif level in kind.levels:
            out.append(kind.value)
    return tuple(out)


def _rule(_inst: object, _a: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Rule):
        raise InvalidTypeError("must be a dienhinh.Rule", field="not_computed.rule", value=value)


def _why_vi(value: object) -> str:
    return text(value, "not_computed.why_vi")


def _why_en(value: object) -> str:
    return text(value, "not_computed.why_en")


@frozen
class NotComputed:
    """A provision of the document that no round input can settle, with why (KT-4).

    A ruleset lists it (``[[not_computed]]``) so that a round's record says so beside the
    checks it applied and those not declared — not only the traceability page.
    """

    rule: Rule = attrs.field(validator=_rule)
    why_vi: str = attrs.field(converter=_why_vi)
    why_en: str = attrs.field(converter=_why_en)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id,
            "citation": self.rule.citation.to_json(),
            "why_vi": self.why_vi,
            "why_en": self.why_en,
        }
