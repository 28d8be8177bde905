"""Rulesets: each province's document as validated, cited, dated data.

A :class:`Ruleset` (also re-exported by the package root, with
:func:`load_ruleset` and friends) is made of parts, each frozen, validated
and cited; its criteria catalogue is parsed and checked once, when it loads.
Build parts to derive a what-if variant::

    >>> import datetime as dt
    >>> from dienhinh import load_ruleset
    >>> from dienhinh.rulesets import Floor
    >>> nt = load_ruleset("ninh-thuan-2023")
    >>> [f.minimum for f in nt.floors_on(dt.date(2025, 7, 1))]
    [10, 1, 15, 2, 1]
    >>> more = Floor("province", "Toàn tỉnh", "The whole province", 20, nt.floors[2].rule)
    >>> nt.variant("nt-20", floors=(*nt.floors[:2], more, *nt.floors[3:])).floors[2].minimum
    20

The shipped files, in ``data/``: ``<id>.toml`` (a ruleset, ``docs/rulesets.md``)
and ``<id>.criteria.toml`` (its criteria catalogue, ``docs/criteria-format.md``);
``national/decrees.toml``, the national documents the rulesets cite by id
(:func:`national_law`, ``docs/rulesets.md#national-documents``).
"""

from dienhinh.rulesets._load import (
    builtin_rulesets,
    dump_ruleset,
    load_catalogue,
    load_ruleset,
    parse_ruleset,
)
from dienhinh.rulesets._national import NationalDocument, NationalLaw, NationalProvision, Subject
from dienhinh.rulesets._parts import (
    Benefits,
    CashMultipliers,
    CashReward,
    Dated,
    Document,
    Effective,
    Floor,
    FloorCount,
    Posthumous,
    Successor,
    Timeline,
)
from dienhinh.rulesets._procedure import Check, CheckKind, DeadlineRole, DossierPart
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.rulesets._toml import national_law

__all__ = [
    "Benefits",
    "CashMultipliers",
    "CashReward",
    "Check",
    "CheckKind",
    "Dated",
    "DeadlineRole",
    "Document",
    "DossierPart",
    "Effective",
    "Floor",
    "FloorCount",
    "NationalDocument",
    "NationalLaw",
    "NationalProvision",
    "Posthumous",
    "Ruleset",
    "Subject",
    "Successor",
    "Timeline",
    "builtin_rulesets",
    "dump_ruleset",
    "load_catalogue",
    "load_ruleset",
    "national_law",
    "parse_ruleset",
]
