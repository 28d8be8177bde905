"""What a leaf criterion tests: one value class per evidence type, with its parameters.

A test is pure data (the catalogue's keys, validated); the engine
(:mod:`dienhinh.criteria._engine`) applies it. ``need_vi``/``need_en`` say in a
phrase what evidence satisfies it — the text of a missing fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar, Literal

import attrs

from dienhinh._errors import InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._text import a_or_an
from dienhinh.criteria._vocab import (
    AwardCategory,
    AwardField,
    ContributionKind,
    Grade,
    Level,
    Metric,
    ProjectRating,
    Purpose,
    Scheme,
    TitleName,
)

__all__ = [
    "AttestationTest",
    "AwardTest",
    "CertificateTest",
    "ContributionTest",
    "FigureTest",
    "InitiativeTest",
    "InventionTest",
    "LeafTest",
    "Lookback",
    "OcopTest",
    "ProjectTest",
    "RatingTest",
    "TitleTest",
]

Through = Literal["window-end", "previous-year"]


def _positive(_inst: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidValueError("must be a whole number ≥ 1", field=attribute.name, value=value)


def _values(items: Iterable[Any]) -> str:
    return ", ".join(sorted(i.value for i in items))


def _vis(items: Iterable[Any]) -> str:
    return ", ".join(sorted(i.vi for i in items))


def _positive_or_none(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _positive(_inst, attribute, value)


@frozen
class Lookback:
    """A look-back on purpose: ``years`` consecutive calendar years ending with ``through``.

    ``"window-end"`` is the year of the window's end (the consideration date),
    ``"previous-year"`` the year before it. ``since`` instead of ``years``: every
    year from ``since`` (a plan's period, A-26 ``plan-period``), at least one.

    >>> Lookback(3, "previous-year").years_for(dt.date(2024, 12, 15))
    (2021, 2022, 2023)
    >>> Lookback(None, "previous-year", since=2021).years_for(dt.date(2025, 6, 1))
    (2021, 2022, 2023, 2024)
    """

    years: int | None = attrs.field(validator=_positive_or_none)
    through: Through = attrs.field(default="window-end")
    since: int | None = attrs.field(default=None, kw_only=True, validator=_positive_or_none)

    @through.validator
    def _check_through(self, _a: attrs.Attribute[str], value: object) -> None:
        if value not in ("window-end", "previous-year"):
            raise InvalidValueError(
                "is not where a look-back ends", field="lookback.through", value=value,
                allowed="window-end, previous-year",
            )  # fmt: skip

    def __attrs_post_init__(self) -> None:
        if (self.years is None) == (self.since is None):
            raise InvalidValueError(
                "a look-back gives either years or since", field="lookback", value=self.to_json(),
                allowed="years = N, or since = YEAR",
            )  # fmt: skip

    def years_for(self, end: dt.date) -> tuple[int, ...]:
        last = end.year if self.through == "window-end" else end.year - 1
        first = last - self.years + 1 if self.years is not None else min(self.since or last, last)
        return tuple(range(first, last + 1))

    def to_json(self) -> dict[str, Any]:
        if self.since is not None:
            return {"since": self.since, "through": self.through}
        return {"years": self.years, "through": self.through}


def window_vi(start: dt.date, end: dt.date) -> str:
    return f"trong thời gian tính thành tích ({start:%d/%m/%Y} – {end:%d/%m/%Y})"


def window_en(start: dt.date, end: dt.date) -> str:
    return f"within the achievement window ({start.isoformat()} – {end.isoformat()})"


@frozen
class AwardTest:
    """An award at ``level_at_least`` or above, of one of ``fields`` and ``categories`` (empty: any)."""

    TYPE: ClassVar[str] = "award"
    level_at_least: Level
    fields: frozenset[AwardField] = frozenset()
    categories: frozenset[AwardCategory] = frozenset()
    count: int = attrs.field(default=1, validator=_positive)

    def need_vi(self, level: Level | None = None) -> str:
        level = level or self.level_at_least
        what = ", ".join(sorted(c.vi for c in self.categories)) or "khen thưởng, giải thưởng"
        field = f" về {_vis(self.fields)}" if self.fields else ""
        many = f"{self.count} " if self.count > 1 else ""
        return f"{many}{what}{field} từ {level.vi} trở lên"

    def need_en(self, level: Level | None = None) -> str:
        level = level or self.level_at_least
        what = " or ".join(sorted(c.value for c in self.categories)) or "award"
        field = f" in {_values(self.fields).replace('_', ' ')}" if self.fields else ""
        need = f"{self.count} × {what}" if self.count > 1 else a_or_an(what)
        return f"{need}{field} at {level.en} level or above"

    def to_json(self) -> dict[str, Any]:
        return {
            "level_at_least": self.level_at_least.value,
            "fields": sorted(f.value for f in self.fields),
            "categories": sorted(c.value for c in self.categories),
            "count": self.count,
        }


@frozen
class InitiativeTest:
    """An initiative recognised by an authority at ``level_at_least`` or above."""

    TYPE: ClassVar[str] = "initiative"
    level_at_least: Level = Level.COMMUNE
    count: int = attrs.field(default=1, validator=_positive)

    def need_vi(self, level: Level | None = None) -> str:
        level = level or self.level_at_least
        if level is Level.UNIT:  # any competent body: the words of TQ-3.1c
            return "sáng kiến, giải pháp sáng tạo trong công tác được cấp có thẩm quyền công nhận"
        return f"sáng kiến, giải pháp được cơ quan có thẩm quyền từ {level.vi} trở lên công nhận"

    def need_en(self, level: Level | None = None) -> str:
        level = level or self.level_at_least
        if level is Level.UNIT:
            return "an initiative or creative solution recognised by a competent authority"
        return f"an initiative recognised by an authority at {level.en} level or above"

    def to_json(self) -> dict[str, Any]:
        return {"level_at_least": self.level_at_least.value, "count": self.count}


@frozen
class OcopTest:
    """An OCOP product rated ``stars_at_least`` stars or more."""

    TYPE: ClassVar[str] = "ocop"
    stars_at_least: int = attrs.field()
    count: int = attrs.field(default=1, validator=_positive)

    @stars_at_least.validator
    def _check(self, _a: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or value not in range(1, 6):
            raise InvalidValueError("must be 1 to 5", field="stars_at_least", value=value)

    def need_vi(self, level: Level | None = None) -> str:
        return f"sản phẩm OCOP đạt từ {self.stars_at_least} sao trở lên"

    def need_en(self, level: Level | None = None) -> str:
        return f"an OCOP product rated {self.stars_at_least} stars or more"

    def to_json(self) -> dict[str, Any]:
        return {"stars_at_least": self.stars_at_least, "count": self.count}


@frozen
class CertificateTest:
    """A certificate of one of ``schemes``."""

    TYPE: ClassVar[str] = "certificate"
    schemes: frozenset[Scheme]
    count: int = attrs.field(default=1, validator=_positive)

    def need_vi(self, level: Level | None = None) -> str:
        return f"được cấp {' hoặc '.join(sorted(s.vi for s in self.schemes))}"

    def need_en(self, level: Level | None = None) -> str:
        return f"a certificate: {' or '.join(sorted(s.value.upper() for s in self.schemes))}"

    def to_json(self) -> dict[str, Any]:
        return {"schemes": sorted(s.value for s in self.schemes), "count": self.count}


@frozen
class InventionTest:
    """An invention protected as intellectual property and applied in practice."""

    TYPE: ClassVar[str] = "invention"
    count: int = attrs.field(default=1, validator=_positive)

    def need_vi(self, level: Level | None = None) -> str:
        return "phát minh, sáng chế được bảo hộ quyền sở hữu trí tuệ và được ứng dụng hiệu quả"

    def need_en(self, level: Level | None = None) -> str:
        return "an invention protected as intellectual property and applied in practice"

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count}


@frozen
class ProjectTest:
    """An S&T project at ``level_at_least`` or above (up to ``level_at_most`` when given: A-36
    ``provincial-only`` reads TQ-3.2g's “cấp tỉnh” as exactly that level), rated
    ``rating_at_least`` or better."""

    TYPE: ClassVar[str] = "project"
    level_at_least: Level
    rating_at_least: ProjectRating = ProjectRating.PASS
    count: int = attrs.field(default=1, validator=_positive)
    level_at_most: Level | None = attrs.field(default=None, kw_only=True)

    @level_at_most.validator
    def _check_at_most(self, _a: attrs.Attribute[Any], value: Level | None) -> None:
        if value is not None and value.rank < self.level_at_least.rank:
            allowed = f"{self.level_at_least.value} or above (level_at_least)"
            raise InvalidValueError(f"must be {allowed}", field="level_at_most", value=value.value)

    def _levels_vi(self, level: Level) -> str:
        if self.level_at_most is level:
            return level.vi
        if self.level_at_most is not None:
            return f"từ {level.vi} đến {self.level_at_most.vi}"
        return f"từ {level.vi} trở lên"

    def _levels_en(self, level: Level) -> str:
        if self.level_at_most is level:
            return f"{level.en} level"
        if self.level_at_most is not None:
            return f"{level.en} to {self.level_at_most.en} level"
        return f"{level.en} level or above"

    def need_vi(self, level: Level | None = None) -> str:
        level = level or self.level_at_least
        return (
            f"đề tài, dự án khoa học và công nghệ {self._levels_vi(level)} "
            f"xếp loại từ “{self.rating_at_least.vi}” trở lên"
        )

    def need_en(self, level: Level | None = None) -> str:
        level = level or self.level_at_least
        return (
            f"an S&T project at {self._levels_en(level)} rated "
            f"“{self.rating_at_least.value}” or better"
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "level_at_least": self.level_at_least.value,
            "rating_at_least": self.rating_at_least.value,
            "count": self.count,
        }
        if self.level_at_most is not None:
            out["level_at_most"] = self.level_at_most.value
        return out


@frozen
class TitleTest:
    """One of ``titles``: conferred in the window, or held every year of ``lookback``."""

    TYPE: ClassVar[str] = "title"
    titles: frozenset[TitleName]
    lookback: Lookback | None = None
    count: int = attrs.field(default=1, validator=_positive)

    def need_vi(self, level: Level | None = None) -> str:
        names = " hoặc ".join(f"“{t.vi}”" for t in sorted(self.titles, key=lambda t: t.value))
        return f"danh hiệu {names}"

    def need_en(self, level: Level | None = None) -> str:
        return f"the title {' or '.join(sorted(t.value for t in self.titles))}"

    def to_json(self) -> dict[str, Any]:
        return {
            "titles": sorted(t.value for t in self.titles),
            "lookback": None if self.lookback is None else self.lookback.to_json(),
            "count": self.count,
        }


@frozen
class RatingTest:
    """An annual rating of ``grade_at_least`` or better: in the window, or every year of ``lookback``."""

    TYPE: ClassVar[str] = "rating"
    grade_at_least: Grade
    lookback: Lookback | None = None
    count: int = attrs.field(default=1, validator=_positive)

    def need_vi(self, level: Level | None = None) -> str:
        return f"xếp loại “{self.grade_at_least.vi}” trở lên"

    def need_en(self, level: Level | None = None) -> str:
        return f"an annual rating of “{self.grade_at_least.value}” or better"

    def to_json(self) -> dict[str, Any]:
        return {
            "grade_at_least": self.grade_at_least.value,
            "lookback": None if self.lookback is None else self.lookback.to_json(),
            "count": self.count,
        }


@frozen
class FigureTest:
    """A yearly ``metric`` strictly higher each year than the year before, over ``lookback``."""

    TYPE: ClassVar[str] = "figure"
    metric: Metric
    lookback: Lookback = attrs.field()

    @lookback.validator
    def _check(self, _a: attrs.Attribute[Lookback], value: Lookback) -> None:
        if value.years is not None and value.years < 2:
            raise InvalidValueError(
                "growth compares at least two years", field="lookback.years", value=value.years,
                allowed="an integer ≥ 2",
            )  # fmt: skip

    def need_vi(self, level: Level | None = None) -> str:
        return f"{self.metric.vi} năm sau cao hơn năm trước"

    def need_en(self, level: Level | None = None) -> str:
        return f"{self.metric.en} higher each year than the year before"

    def to_json(self) -> dict[str, Any]:
        return {"metric": self.metric.value, "lookback": self.lookback.to_json()}


@frozen
class ContributionTest:
    """Contributions of ``kinds`` for ``purposes`` (empty: any), totalling ``amount_at_least``."""

    TYPE: ClassVar[str] = "contribution"
    kinds: frozenset[ContributionKind] = frozenset()
    purposes: frozenset[Purpose] = frozenset()
    amount_at_least: int = attrs.field(default=1, validator=_positive)
    count: int = attrs.field(default=1, validator=_positive, kw_only=True)
    """How many recorded contributions (A-37 ``two-or-more`` reads “nhiều đóng góp” as 2)."""

    def __attrs_post_init__(self) -> None:
        if self.amount_at_least > 1 and len(self.kinds) != 1:
            raise InvalidValueError(
                "an amount needs exactly one kind of contribution (its unit)",
                field="amount_at_least", value=self.amount_at_least,
                allowed="kinds with one element",
            )  # fmt: skip

    def need_vi(self, level: Level | None = None) -> str:
        what = ", ".join(k.vi for k in sorted(self.kinds, key=lambda k: k.value)) or "đóng góp"
        why = f" cho {_vis(self.purposes)}" if self.purposes else ""
        amount = ""
        if self.amount_at_least > 1:
            amount = f" từ {self.amount_at_least} {next(iter(self.kinds)).unit} trở lên"
        many = f"ít nhất {self.count} lần đóng góp: " if self.count > 1 else ""
        return f"{many}{what}{why}{amount}"

    def need_en(self, level: Level | None = None) -> str:
        what = " or ".join(sorted(k.value for k in self.kinds)) or "any"
        why = f" for {_values(self.purposes).replace('_', ' ')}" if self.purposes else ""
        amount = ""
        if self.amount_at_least > 1:
            amount = f" of at least {self.amount_at_least} {next(iter(self.kinds)).unit}"
        many = f"at least {self.count} contributions" if self.count > 1 else "a contribution"
        return f"{many} ({what}){why}{amount}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kinds": sorted(k.value for k in self.kinds),
            "purposes": sorted(p.value for p in self.purposes),
            "amount_at_least": self.amount_at_least,
        } | ({"count": self.count} if self.count > 1 else {})


@frozen
class AttestationTest:
    """A signed statement by ``by`` that the criterion holds: how qualitative criteria are met."""

    TYPE: ClassVar[str] = "attestation"
    by_vi: str = "cơ quan, tổ chức, đơn vị đề nghị"
    by_en: str = "the nominating unit"

    def need_vi(self, level: Level | None = None) -> str:
        return f"văn bản xác nhận có chữ ký của {self.by_vi}"

    def need_en(self, level: Level | None = None) -> str:
        return f"a signed statement by {self.by_en}"

    def to_json(self) -> dict[str, Any]:
        return {"by_vi": self.by_vi, "by_en": self.by_en}


LeafTest = (
    AwardTest
    | InitiativeTest
    | OcopTest
    | CertificateTest
    | InventionTest
    | ProjectTest
    | TitleTest
    | RatingTest
    | FigureTest
    | ContributionTest
    | AttestationTest
)
"""What a leaf criterion tests."""
