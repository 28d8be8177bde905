"""The parts of a ruleset, and the built-in ruleset files beside this module.

A :class:`~dienhinh.Ruleset` (in the package root, with :func:`~dienhinh.load_ruleset`
and friends) is made of these parts, each frozen, validated and cited. Build
them to derive a what-if variant::

    >>> import datetime as dt
    >>> from dienhinh import load_ruleset
    >>> from dienhinh.rulesets import Floor
    >>> nt = load_ruleset("ninh-thuan-2023")
    >>> [f.minimum for f in nt.floors_on(dt.date(2025, 7, 1))]
    [10, 1, 15, 2, 1]
    >>> more = Floor("province", "Toàn tỉnh", "The whole province", 20, nt.floors[2].rule)
    >>> nt.variant("nt-20", floors=(*nt.floors[:2], more, *nt.floors[3:])).floors[2].minimum
    20

The files: ``<id>.toml`` (a ruleset, ``docs/rulesets.md``) and
``<id>.criteria.toml`` (its criteria catalogue, ``docs/criteria-format.md``).
"""

from dienhinh._ruleset_parts import (
    Benefits,
    CashMultipliers,
    CashReward,
    Dated,
    Document,
    Effective,
    Floor,
    Posthumous,
    Successor,
    Timeline,
)

__all__ = [
    "Benefits",
    "CashMultipliers",
    "CashReward",
    "Dated",
    "Document",
    "Effective",
    "Floor",
    "Posthumous",
    "Successor",
    "Timeline",
]
