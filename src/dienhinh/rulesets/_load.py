"""Ruleset files: strict TOML in, readable TOML out (``docs/rulesets.md`` is the format).

Loading is strict and complete: an unknown key, a missing citation, a wrong
type, an impossible date, overlapping or gapped dated values — every problem
of a file is collected and raised at once, as one
:class:`~dienhinh.RulesetError` whose ``problems`` name the file, the key path
(``deadlines[1].month``) and what is allowed. Nothing is silently dropped.

The voting and calendar subpackages the data is built into load with
:mod:`dienhinh.rulesets`, on first use, not by ``import dienhinh``; ``tomllib`` loads only
when a TOML text is parsed (a shipped file's kept copy, ``rulesets._cache``, needs none).

>>> from dienhinh import builtin_rulesets, dump_ruleset, load_ruleset, parse_ruleset
>>> builtin_rulesets()
('bac-kan-2021', 'kon-tum-2022', 'ninh-thuan-2023', 'tuyen-quang-2023')
>>> tq = load_ruleset("tuyen-quang-2023")
>>> parse_ruleset(dump_ruleset(tq), source="copy") == tq
True
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from dienhinh._documents import is_slug
from dienhinh._errors import (
    InvalidTypeError,
    InvalidValueError,
    Problem,
    RulesetError,
    UnknownRulesetError,
    describe,
)
from dienhinh._interpretations import Readings
from dienhinh._text import did_you_mean
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.rulesets._toml import _load_file, _ruleset, _toml, _Writer

if TYPE_CHECKING:
    from dienhinh.criteria import Catalogue
    from dienhinh.voting import BallotRule, Cap

__all__ = [
    "ballot_lookup",
    "ballot_parameters",
    "builtin_rulesets",
    "dump_ruleset",
    "load_catalogue",
    "load_ruleset",
    "parse_ruleset",
]

T = TypeVar("T")

BUILTIN_DIR: Final = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
FORMAT: Final = 1
_CATALOGUE_SUFFIX: Final = ".criteria.toml"


# -- public API ---------------------------------------------------------------------------------


def builtin_rulesets() -> tuple[str, ...]:
    """The ids of the rulesets shipped with the package, sorted."""
    return tuple(
        sorted(
            name.removesuffix(".toml")
            for name in os.listdir(BUILTIN_DIR)
            if name.endswith(".toml") and not name.endswith(_CATALOGUE_SUFFIX)
        )
    )


def load_ruleset(id_or_path: str | os.PathLike[str]) -> Ruleset:
    """A built-in ruleset by id (``"tuyen-quang-2023"``), or a ruleset file by path.

    A string that looks like an id (lower-case letters, digits, hyphens) is an
    id; give a file as a path (``"./my-province.toml"``, a :class:`~pathlib.Path`).
    Built-in rulesets are read once and shared: they are immutable.
    """
    if isinstance(id_or_path, str) and is_slug(id_or_path):
        return _builtin(id_or_path)
    if not isinstance(id_or_path, str | os.PathLike):
        raise InvalidTypeError("must be a ruleset id or a path", field="ruleset", value=id_or_path)
    if isinstance(id_or_path, str) and not id_or_path.strip():
        raise InvalidValueError(
            "is blank", field="ruleset", value=id_or_path,
            allowed=f"a built-in id ({', '.join(builtin_rulesets())}) or a file's path",
        )  # fmt: skip
    try:
        path = Path(id_or_path)
    except TypeError:  # an os.PathLike whose __fspath__ returns neither str nor bytes
        raise InvalidTypeError(
            "must be a ruleset id or a path", field="ruleset", value=id_or_path
        ) from None
    return _load_file(path)


def parse_ruleset(
    text: str, *, source: str = "<string>", directory: str | os.PathLike[str] | None = None
) -> Ruleset:
    """A ruleset from TOML text. ``source`` names it in messages.

    The companion criteria catalogue a ruleset names is read from
    ``directory`` when one is given; without it the ruleset keeps the
    catalogue's name and ``criteria`` stays ``None`` (no file is touched).
    """
    if not isinstance(text, str):
        raise InvalidTypeError("must be TOML text (str)", field="text", value=text)
    data = _toml(text, source)
    return _ruleset(data, source, None if directory is None else Path(directory))


def dump_ruleset(ruleset: Ruleset) -> str:
    """The ruleset as TOML text that :func:`parse_ruleset` reads back to an equal ruleset.

    Comments of a hand-written file are not kept; the catalogue is named, not inlined.
    """
    if not isinstance(ruleset, Ruleset):
        raise InvalidTypeError("must be a dienhinh.Ruleset", field="ruleset", value=ruleset)

    return _Writer(ruleset).text()


def load_catalogue(ruleset_id: str) -> Catalogue:
    """The criteria catalogue of a built-in ruleset, parsed and checked when the ruleset loaded.

    >>> load_catalogue("tuyen-quang-2023").general
    ('TQ-3.1',)
    """
    ruleset = load_ruleset(ruleset_id)
    if ruleset.catalogue is not None:
        return ruleset.catalogue
    known = [r for r in builtin_rulesets() if _builtin(r).catalogue is not None]
    if not ruleset.own_criteria:
        raise UnknownRulesetError(
            f"ruleset={describe(ruleset_id)} has no criteria of its own: its document sets none, so "
            f"there is no catalogue to assess against; catalogues: {', '.join(known) or 'none'}"
        )
    raise UnknownRulesetError(
        f"ruleset={describe(ruleset_id)} has no criteria catalogue; catalogues: {', '.join(known) or 'none'}"
    )


def ballot_parameters(
    id: str, day: dt.date | None = None, readings: Readings | None = None
) -> tuple[BallotRule, Cap | None]:
    """The ballot rule and the cap of a built-in ruleset: the ``"ruleset"`` lookup of the ballot JSON.

    Only built-in ids are looked up: a JSON document never makes the program read a file.
    ``day`` is the decision date, which picks a borrowed national rule (required for one);
    ``readings`` the document's (A-41 for a women-first tie-break before its decree).
    """
    if not is_slug(id):
        raise InvalidValueError(
            "is not a built-in ruleset id",
            field="ruleset",
            value=id,
            allowed=", ".join(builtin_rulesets()),
        )
    ruleset = _builtin(id)
    if not ruleset.has_ballot:
        having = [r for r in builtin_rulesets() if _builtin(r).has_ballot]
        raise InvalidValueError(
            "defines no ballot rule",
            field="ruleset",
            value=ruleset.id,
            allowed=", ".join(having) or "a ruleset with a [ballot] table",
        )
    rule = ruleset.ballot_on(day, readings)
    assert rule is not None
    return rule, ruleset.cap


def ballot_lookup(
    ruleset: Ruleset,
) -> Callable[[str, dt.date | None, Readings | None], tuple[BallotRule, Cap | None]]:
    """The ``"ruleset"`` lookup of a ballot document read under one given ruleset (``--ruleset``)."""

    def lookup(
        id: str, day: dt.date | None = None, readings: Readings | None = None
    ) -> tuple[BallotRule, Cap | None]:
        if id != ruleset.id:
            raise InvalidValueError(
                f"names ruleset {id!r}, but the ruleset given is {ruleset.id!r}",
                field="ruleset", value=id, allowed=ruleset.id,
            )  # fmt: skip
        rule = ruleset.ballot_on(day, readings)
        if rule is None:
            raise InvalidValueError(
                "defines no ballot rule", field="ruleset", value=ruleset.id,
                allowed="a ruleset with a [ballot] table",
            )  # fmt: skip
        return rule, ruleset.cap

    return lookup


# -- reading files --------------------------------------------------------------------------------


@functools.cache
def _builtin(id: str) -> Ruleset:
    known = builtin_rulesets()
    if id not in known:
        # Compared with the shipped names, never looked up as a file: a 300-character id
        # would be an OSError, not a lookup.
        raise UnknownRulesetError(
            f"ruleset={describe(id)} is not a built-in ruleset{did_you_mean(id, known)}; "
            f"built in: {', '.join(known)}; to load a file, give its path (e.g. ./my-province.toml)"
        )
    path = Path(BUILTIN_DIR) / f"{id}.toml"

    ruleset = _load_file(path)
    if ruleset.id != id:
        raise RulesetError(
            f"{path}: does not load",
            [
                Problem(
                    "id",
                    f"is {ruleset.id!r}, but the file is {path.name}",
                    allowed=repr(id),
                    source=str(path),
                )
            ],
        )
    return ruleset
