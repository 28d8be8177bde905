"""Typed, dated evidence: what a nominating unit can show for a nominee.

Every item is a frozen value checked on construction: a date is a
``datetime.date`` (never a ``datetime``), a level, field, title or grade is
one of its vocabulary, stars are 1 to 5, amounts are whole numbers and never
negative where the law speaks of amounts (only a profit may be a loss). Each
item has one ``type`` name, the spelling of the nominee JSON format
(``docs/schemas/nominee.json``), and ``to_json()`` gives that format back.

Dated items carry ``date`` (the date of the decision, certificate or
statement). The achievement window (TQ-3.3) judges the *achievement*, not the
paper: an item may also say when the achievement itself happened —
``achieved_on`` (one day) or ``period`` (a :class:`Period`, both days
included) — and the window then tests that; without either it tests
``date``. An achievement never ends after the document that records it. A
period counts only when it lies wholly inside the window (A-40
``wholly-inside``): an item cannot be split, so a period partly outside it is
an achievement partly outside it; under A-40 ``overlaps`` a period sharing a
day with the window counts. An
attestation that states no period is read under A-27 (see the engine).
Yearly items — ratings and titles, which are given *for* a year — carry
``year`` and may carry ``date``; yearly figures carry only ``year``.

>>> a = Attestation("TQ-3.1a", "UBND huyện Yên Sơn", "Chủ tịch", dt.date(2024, 10, 8), "Gương mẫu.",
...                 period=Period(dt.date(2023, 10, 1), dt.date(2024, 9, 30)))
>>> a.period.start, a.period.end  # the days the window tests, not 08/10/2024
(datetime.date(2023, 10, 1), datetime.date(2024, 9, 30))
>>> a.to_json()["period"]
{'from': '2023-10-01', 'to': '2024-09-30'}
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from dienhinh._convert import to_enum
from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._text import nfc
from dienhinh.criteria._vocab import (
    DISTRICT_LEVEL_ENDED,
    AwardCategory,
    AwardCategoryName,
    AwardField,
    AwardFieldName,
    ContributionKind,
    Grade,
    Level,
    LevelName,
    Metric,
    ProjectRating,
    Purpose,
    Scheme,
    TitleName,
)

__all__ = [
    "EVIDENCE_TYPES",
    "Attestation",
    "Award",
    "Certificate",
    "Contribution",
    "Evidence",
    "Figure",
    "Initiative",
    "Invention",
    "Ocop",
    "Period",
    "Project",
    "Rating",
    "Title",
]

_YEARS = range(1945, 2101)


# -- converters and validators (named functions: mypy's attrs plugin reads them) --


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError("must be a string", field="text", value=value)
    text = nfc(value).strip()
    if not text:
        raise InvalidValueError("must not be blank", field="text", value=value)
    return text


def _opt_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _check_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is dt.date or (value is None and attribute.default is None):
        return  # the common cases, before any text is made
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(
            "must be a datetime.date (a day, not a timestamp)",
            field=f"{_type_of(inst)}.{attribute.name}", value=value,
        )  # fmt: skip


def _check_year(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(
            "must be an integer year", field=f"{_type_of(inst)}.year", value=value
        )
    if value not in _YEARS:
        raise InvalidValueError(
            "is not a plausible year",
            field=f"{_type_of(inst)}.year",
            value=value,
            allowed="1945 … 2100",
        )


def _type_of(inst: object) -> str:
    return str(getattr(inst, "TYPE", type(inst).__name__))


def _level(value: Level | LevelName) -> Level:
    return to_enum(Level, value, "level")


def _award_field(value: AwardField | AwardFieldName) -> AwardField:
    return to_enum(AwardField, value, "award.field")


def _category(value: AwardCategory | AwardCategoryName) -> AwardCategory:
    return to_enum(AwardCategory, value, "award.category")


def _title(value: object) -> TitleName:
    return to_enum(TitleName, value, "title.title")


def _grade(value: object) -> Grade:
    return to_enum(Grade, value, "rating.grade")


def _rating(value: object) -> ProjectRating:
    return to_enum(ProjectRating, value, "project.rating")


def _scheme(value: object) -> Scheme:
    return to_enum(Scheme, value, "certificate.scheme")


def _metric(value: object) -> Metric:
    return to_enum(Metric, value, "figure.metric")


def _contribution_kind(value: object) -> ContributionKind:
    return to_enum(ContributionKind, value, "contribution.kind")


def _purpose(value: object) -> Purpose:
    return to_enum(Purpose, value, "contribution.purpose")


def _check_level_exists(where: str, level: Level, date: dt.date | None) -> None:
    # "kể từ ngày 01/7/2025" there is no district level; a district body
    # cannot have decided anything on or after that day.
    if level is Level.DISTRICT and date is not None and date >= DISTRICT_LEVEL_ENDED:
        raise InvalidValueError(
            f"the district level did not exist on {date.isoformat()}",
            field=f"{where}.level",
            value=level.value,
            allowed="district only for dates before 2025-07-01",
            rule="A-15",
        )


def _int(inst: object, name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(
            "must be a whole number", field=f"{_type_of(inst)}.{name}", value=value
        )
    return value


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _check_period(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Period):
        raise InvalidTypeError(
            "must be a dienhinh.criteria.Period (from, to)",
            field=f"{_type_of(inst)}.period",
            value=value,
        )


def _check_day(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(
            "must be a datetime.date (a day, not a timestamp)",
            field=f"period.{'from' if attribute.name == 'start' else 'to'}",
            value=value,
        )


@frozen
class Period:
    """The days an achievement covers, both included: ``{"from": …, "to": …}`` in JSON.

    >>> Period(dt.date(2024, 9, 30), dt.date(2023, 10, 1))
    Traceback (most recent call last):
    ...
    dienhinh._errors.InvalidValueError: period.to='2023-10-01': ends before it starts; allowed: a day on or after 2024-09-30
    """

    start: dt.date = attrs.field(validator=_check_day)
    end: dt.date = attrs.field(validator=_check_day)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError(
                "ends before it starts", field="period.to", value=self.end.isoformat(),
                allowed=f"a day on or after {self.start.isoformat()}",
            )  # fmt: skip

    def to_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def _check_achievement(item: Any) -> None:
    """``achieved_on`` or ``period``, not both, and never after the document's ``date``."""
    if item.achieved_on is None and item.period is None:
        return  # the common case, before any text is made
    where = _type_of(item)
    if item.achieved_on is not None and item.period is not None:
        raise InvalidValueError(
            "gives both achieved_on and period", field=f"{where}.achieved_on",
            value=item.achieved_on.isoformat(),
            allowed="one of achieved_on (a day) or period (from, to)",
        )  # fmt: skip
    last, name = (
        (item.period.end, "period.to")
        if item.period is not None
        else (item.achieved_on, "achieved_on")
    )
    if last is not None and last > item.date:
        raise InvalidValueError(
            "is after the date of the document that records it", field=f"{where}.{name}",
            value=last.isoformat(), allowed=f"a day on or before {item.date.isoformat()}",
        )  # fmt: skip


def _achievement_json(item: Any) -> dict[str, Any]:
    return {
        "achieved_on": None if item.achieved_on is None else item.achieved_on.isoformat(),
        "period": None if item.period is None else item.period.to_json(),
    }


# -- the evidence types --


@frozen
class Award:
    """An award (khen thưởng, giải thưởng, giải): its level, field, category, date and issuer.

    >>> Award("province", "science_technology", "prize", dt.date(2024, 5, 1), "UBND tỉnh").level
    <Level.PROVINCE: 'province'>
    """

    TYPE: ClassVar[str] = "award"
    level: Level = attrs.field(converter=_level)
    field: AwardField = attrs.field(converter=_award_field)
    category: AwardCategory = attrs.field(converter=_category)
    date: dt.date = attrs.field(validator=_check_date)
    issuer: str = attrs.field(converter=_text)
    name: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)
        _check_level_exists("award", self.level, self.date)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "level": self.level.value, "field": self.field.value,
            "category": self.category.value, "date": self.date.isoformat(),
            "issuer": self.issuer, "name": self.name, "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


@frozen
class Initiative:
    """An initiative or creative solution (sáng kiến, giải pháp) recognised by an authority."""

    TYPE: ClassVar[str] = "initiative"
    name: str = attrs.field(converter=_text)
    authority: str = attrs.field(converter=_text)
    level: Level = attrs.field(converter=_level)
    date: dt.date = attrs.field(validator=_check_date)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)
        _check_level_exists("initiative", self.level, self.date)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "name": self.name, "authority": self.authority,
            "level": self.level.value, "date": self.date.isoformat(), "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


@frozen
class Ocop:
    """An OCOP rating of a product (sản phẩm OCOP), 1 to 5 stars, decided on ``date``."""

    TYPE: ClassVar[str] = "ocop"
    product: str = attrs.field(converter=_text)
    stars: int = attrs.field()
    date: dt.date = attrs.field(validator=_check_date)
    issuer: str = attrs.field(converter=_text)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    @stars.validator
    def _check_stars(self, _a: attrs.Attribute[int], value: object) -> None:
        if _int(self, "stars", value) not in range(1, 6):
            raise InvalidValueError("an OCOP rating has 1 to 5 stars", field="ocop.stars", value=value,
                                    allowed="1, 2, 3, 4, 5")  # fmt: skip

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "product": self.product, "stars": self.stars,
            "date": self.date.isoformat(), "issuer": self.issuer, "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


@frozen
class Certificate:
    """A certificate (FSC forest management, VietGAP, GlobalGAP, organic) issued on ``date``."""

    TYPE: ClassVar[str] = "certificate"
    scheme: Scheme = attrs.field(converter=_scheme)
    subject: str = attrs.field(converter=_text)
    date: dt.date = attrs.field(validator=_check_date)
    issuer: str = attrs.field(converter=_text)
    expires: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)
        if self.expires is not None and self.expires < self.date:
            raise InvalidValueError(
                "expires before it was issued", field="certificate.expires", value=self.expires.isoformat(),
                allowed=f"a date on or after {self.date.isoformat()}",
            )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "scheme": self.scheme.value, "subject": self.subject,
            "date": self.date.isoformat(), "issuer": self.issuer,
            "expires": None if self.expires is None else self.expires.isoformat(), "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


@frozen
class Invention:
    """An invention or utility solution granted IP protection on ``date``.

    ``applied`` says whether it is applied in practice: ``None`` means not
    stated, and a criterion that needs it asks for it rather than guessing.
    """

    TYPE: ClassVar[str] = "invention"
    name: str = attrs.field(converter=_text)
    protection: str = attrs.field(converter=_text)
    date: dt.date = attrs.field(validator=_check_date)
    applied: bool | None = attrs.field(default=None, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    @applied.validator
    def _check_applied(self, _a: attrs.Attribute[bool | None], value: object) -> None:
        if value is not None and not isinstance(value, bool):
            raise InvalidTypeError(
                "must be true, false or null", field="invention.applied", value=value
            )

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)

    def to_json(self) -> dict[str, Any]:
        out = _drop_none({
            "type": self.TYPE, "name": self.name, "protection": self.protection,
            "date": self.date.isoformat(), "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip
        out["applied"] = self.applied
        return out


@frozen
class Project:
    """A science and technology project (đề tài, dự án) accepted on ``date`` with its rating."""

    TYPE: ClassVar[str] = "project"
    name: str = attrs.field(converter=_text)
    level: Level = attrs.field(converter=_level)
    rating: ProjectRating = attrs.field(converter=_rating)
    date: dt.date = attrs.field(validator=_check_date)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)
        _check_level_exists("project", self.level, self.date)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "name": self.name, "level": self.level.value,
            "rating": self.rating.value, "date": self.date.isoformat(), "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


@frozen
class Title:
    """A title (danh hiệu) conferred for ``year``; ``date`` is the decision's date, if known."""

    TYPE: ClassVar[str] = "title"
    achieved_on: ClassVar[None] = None
    period: ClassVar[None] = None
    title: TitleName = attrs.field(converter=_title)
    year: int = attrs.field(validator=_check_year)
    issuer: str = attrs.field(converter=_text)
    date: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "title": self.title.value, "year": self.year, "issuer": self.issuer,
            "date": None if self.date is None else self.date.isoformat(), "ref": self.ref,
        })  # fmt: skip


@frozen
class Rating:
    """An annual rating (xếp loại) for ``year``, e.g. "hoàn thành xuất sắc nhiệm vụ"."""

    TYPE: ClassVar[str] = "rating"
    achieved_on: ClassVar[None] = None
    period: ClassVar[None] = None
    grade: Grade = attrs.field(converter=_grade)
    year: int = attrs.field(validator=_check_year)
    issuer: str = attrs.field(converter=_text)
    date: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "grade": self.grade.value, "year": self.year, "issuer": self.issuer,
            "date": None if self.date is None else self.date.isoformat(), "ref": self.ref,
        })  # fmt: skip


@frozen
class Figure:
    """A yearly figure in whole VND: household income, revenue, budget paid or profit.

    >>> Figure("revenue", 2024, -1)
    Traceback (most recent call last):
    ...
    dienhinh._errors.InvalidValueError: figure.amount=-1: only a profit can be negative; ...
    """

    TYPE: ClassVar[str] = "figure"
    date: ClassVar[None] = None
    achieved_on: ClassVar[None] = None
    period: ClassVar[None] = None
    metric: Metric = attrs.field(converter=_metric)
    year: int = attrs.field(validator=_check_year)
    amount: int = attrs.field()

    @amount.validator
    def _check_amount(self, _a: attrs.Attribute[int], value: object) -> None:
        if _int(self, "amount", value) < 0 and not self.metric.signed:
            raise InvalidValueError(
                "only a profit can be negative; income, revenue and budget paid are amounts",
                field="figure.amount", value=value, allowed="an integer ≥ 0 (VND)",
            )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.TYPE,
            "metric": self.metric.value,
            "year": self.year,
            "amount": self.amount,
        }


@frozen
class Contribution:
    """A contribution: land (m²), money (VND), labour (days), crops or assets (VND value)."""

    TYPE: ClassVar[str] = "contribution"
    kind: ContributionKind = attrs.field(converter=_contribution_kind)
    amount: int = attrs.field()
    purpose: Purpose = attrs.field(converter=_purpose)
    date: dt.date = attrs.field(validator=_check_date)
    recipient: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    @amount.validator
    def _check_amount(self, _a: attrs.Attribute[int], value: object) -> None:
        if _int(self, "amount", value) <= 0:
            raise InvalidValueError(
                "a contribution is a positive amount", field="contribution.amount", value=value,
                allowed=f"an integer ≥ 1 ({self.kind.unit})",
            )  # fmt: skip

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "kind": self.kind.value, "amount": self.amount,
            "unit": self.kind.unit, "purpose": self.purpose.value, "date": self.date.isoformat(),
            "recipient": self.recipient, "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


@frozen
class Attestation:
    """A signed statement by a named authority that a qualitative criterion holds (or not).

    ``criterion`` is the id of the criterion it attests (``"TQ-3.1a"``);
    ``holds=False`` records a statement that it does not hold.
    """

    TYPE: ClassVar[str] = "attestation"
    criterion: str = attrs.field(converter=_text)
    authority: str = attrs.field(converter=_text)
    signer: str = attrs.field(converter=_text)
    date: dt.date = attrs.field(validator=_check_date)
    statement: str = attrs.field(converter=_text)
    holds: bool = attrs.field(default=True, kw_only=True)
    ref: str | None = attrs.field(default=None, converter=_opt_text, kw_only=True)
    achieved_on: dt.date | None = attrs.field(default=None, validator=_check_date, kw_only=True)
    period: Period | None = attrs.field(default=None, validator=_check_period, kw_only=True)

    @holds.validator
    def _check_holds(self, _a: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise InvalidTypeError("must be true or false", field="attestation.holds", value=value)

    def __attrs_post_init__(self) -> None:
        _check_achievement(self)

    def to_json(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.TYPE, "criterion": self.criterion, "authority": self.authority,
            "signer": self.signer, "date": self.date.isoformat(), "statement": self.statement,
            "holds": self.holds, "ref": self.ref,
            **_achievement_json(self),
        })  # fmt: skip


Evidence = (
    Award
    | Initiative
    | Ocop
    | Certificate
    | Invention
    | Project
    | Title
    | Rating
    | Figure
    | Contribution
    | Attestation
)
"""Any one item of evidence."""

EVIDENCE_TYPES: dict[str, type[Evidence]] = {
    cls.TYPE: cls
    for cls in (
        Award, Initiative, Ocop, Certificate, Invention, Project, Title, Rating, Figure,
        Contribution, Attestation,
    )
}  # fmt: skip
"""Every evidence type by its JSON ``type`` name, in the order results list them."""
