"""The closed vocabularies evidence is written in: levels, fields, titles, grades, metrics.

Each is an enum whose value is the JSON spelling and whose ``vi`` is the
Vietnamese term; a value outside the vocabulary is an error naming the
allowed ones (never a silent "other"). Ordered vocabularies (levels, grades,
project ratings) carry an explicit ``rank``: the order is the law's, not the
alphabet's.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final, Literal

__all__ = [
    "DISTRICT_LEVEL_ENDED",
    "AwardCategory",
    "AwardField",
    "ContributionKind",
    "Grade",
    "Level",
    "Metric",
    "ProjectRating",
    "Purpose",
    "Scheme",
    "TitleName",
]

DISTRICT_LEVEL_ENDED: Final = dt.date(2025, 7, 1)
"""A-15: Vietnam has had no district level (cấp huyện) since 01/07/2025."""


class Level(enum.Enum):
    """The level (cấp) of an award, an authority or a project, lowest first.

    ``unit`` < ``commune`` < ``district`` < ``province`` < ``central`` < ``national`` <
    ``international``; "từ cấp tỉnh trở lên" is ``level.rank >= Level.PROVINCE.rank``.
    ``unit`` is an agency's, enterprise's or school's own body (its initiative council,
    Hội đồng sáng kiến cơ sở): "được cấp có thẩm quyền công nhận" (TQ-3.1c) names no level.
    """

    UNIT = "unit"
    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCE = "province"
    CENTRAL = "central"
    NATIONAL = "national"
    INTERNATIONAL = "international"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]

    @property
    def vi(self) -> str:
        return _LEVEL_VI[self]

    @property
    def en(self) -> str:
        return _LEVEL_EN[self]


_LEVEL_RANK = {level: i for i, level in enumerate(Level)}
_LEVEL_VI = {
    Level.UNIT: "cấp cơ sở (cơ quan, đơn vị, trường học)",
    Level.COMMUNE: "cấp xã",
    Level.DISTRICT: "cấp huyện",
    Level.PROVINCE: "cấp tỉnh",
    Level.CENTRAL: "cấp bộ, ngành, đoàn thể Trung ương",
    Level.NATIONAL: "cấp toàn quốc",
    Level.INTERNATIONAL: "cấp quốc tế",
}
_LEVEL_EN = {
    Level.UNIT: "unit (an agency's or school's own council)",
    Level.COMMUNE: "commune",
    Level.DISTRICT: "district",
    Level.PROVINCE: "provincial",
    Level.CENTRAL: "ministry or central",
    Level.NATIONAL: "national",
    Level.INTERNATIONAL: "international",
}


class AwardField(enum.Enum):
    """What an award was given for (its lĩnh vực); ``general`` for emulation across fields."""

    GENERAL = "general"
    SCIENCE_TECHNOLOGY = "science_technology"
    PRESS_COMMUNICATION = "press_communication"
    SPORT = "sport"
    CULTURE_ARTS = "culture_arts"
    TOURISM = "tourism"
    EDUCATION = "education"
    HEALTH = "health"
    AGRICULTURE = "agriculture"
    INDUSTRY_TRADE = "industry_trade"
    FINANCE = "finance"
    DEFENCE_SECURITY = "defence_security"
    SOCIAL = "social"
    OTHER = "other"

    @property
    def vi(self) -> str:
        return _FIELD_VI[self]


_FIELD_VI = {
    AwardField.GENERAL: "thi đua chung",
    AwardField.SCIENCE_TECHNOLOGY: "khoa học và công nghệ",
    AwardField.PRESS_COMMUNICATION: "báo chí, truyền thông",
    AwardField.SPORT: "thể dục, thể thao",
    AwardField.CULTURE_ARTS: "văn hóa, nghệ thuật",
    AwardField.TOURISM: "du lịch",
    AwardField.EDUCATION: "giáo dục và đào tạo",
    AwardField.HEALTH: "y tế",
    AwardField.AGRICULTURE: "nông nghiệp",
    AwardField.INDUSTRY_TRADE: "công thương",
    AwardField.FINANCE: "thuế, tài chính, ngân hàng",
    AwardField.DEFENCE_SECURITY: "quốc phòng, an ninh",
    AwardField.SOCIAL: "an sinh xã hội",
    AwardField.OTHER: "lĩnh vực khác",
}


class AwardCategory(enum.Enum):
    """The form of an award."""

    COMMENDATION = "commendation"
    """Bằng khen, giấy khen, cờ thi đua: a commendation for achievements."""
    PRIZE = "prize"
    """Giải thưởng: a prize (science and technology, press, arts …)."""
    COMPETITION = "competition"
    """A result in an exam, a contest or a sports competition (giải, huy chương)."""

    @property
    def vi(self) -> str:
        return _CATEGORY_VI[self]


_CATEGORY_VI = {
    AwardCategory.COMMENDATION: "khen thưởng",
    AwardCategory.PRIZE: "giải thưởng",
    AwardCategory.COMPETITION: "giải trong kỳ thi, cuộc thi, thi đấu",
}


class TitleName(enum.Enum):
    """Titles conferred for a year (danh hiệu), including Decree 122/2018 cultural titles."""

    ADVANCED_WORKER = "advanced_worker"
    EMULATION_FIGHTER = "emulation_fighter"
    ADVANCED_COLLECTIVE = "advanced_collective"
    EXCELLENT_COLLECTIVE = "excellent_collective"
    CULTURAL_FAMILY = "cultural_family"
    CULTURAL_RESIDENTIAL_AREA = "cultural_residential_area"
    CULTURAL_UNIT = "cultural_unit"
    EXEMPLARY_CITIZEN = "exemplary_citizen"
    CLEAN_STRONG_PARTY = "clean_strong_party"
    COMPREHENSIVE_STRONG_UNIT = "comprehensive_strong_unit"

    @property
    def vi(self) -> str:
        return _TITLE_VI[self]


_TITLE_VI = {
    TitleName.ADVANCED_WORKER: "Lao động tiên tiến",
    TitleName.EMULATION_FIGHTER: "Chiến sĩ thi đua",
    TitleName.ADVANCED_COLLECTIVE: "Tập thể lao động tiên tiến",
    TitleName.EXCELLENT_COLLECTIVE: "Tập thể lao động xuất sắc",
    TitleName.CULTURAL_FAMILY: "Gia đình văn hóa",
    TitleName.CULTURAL_RESIDENTIAL_AREA: "Thôn, tổ dân phố văn hóa",
    TitleName.CULTURAL_UNIT: "Cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa",
    TitleName.EXEMPLARY_CITIZEN: "Công dân tiêu biểu",
    TitleName.CLEAN_STRONG_PARTY: "Tổ chức đảng trong sạch, vững mạnh",
    TitleName.COMPREHENSIVE_STRONG_UNIT: "Đơn vị vững mạnh toàn diện",
}


class Grade(enum.Enum):
    """An annual rating (xếp loại) of how an individual or a collective completed its tasks."""

    NOT_COMPLETED = "not_completed"
    COMPLETED = "completed"
    GOOD = "good"
    EXCELLENT = "excellent"

    @property
    def rank(self) -> int:
        return _GRADE_RANK[self]

    @property
    def vi(self) -> str:
        return _GRADE_VI[self]


_GRADE_RANK = {g: i for i, g in enumerate(Grade)}
_GRADE_VI = {
    Grade.NOT_COMPLETED: "không hoàn thành nhiệm vụ",
    Grade.COMPLETED: "hoàn thành nhiệm vụ",
    Grade.GOOD: "hoàn thành tốt nhiệm vụ",
    Grade.EXCELLENT: "hoàn thành xuất sắc nhiệm vụ",
}


class ProjectRating(enum.Enum):
    """The acceptance rating (xếp loại nghiệm thu) of a science and technology project."""

    FAIL = "fail"
    PASS = "pass"
    GOOD = "good"
    EXCELLENT = "excellent"

    @property
    def rank(self) -> int:
        return _RATING_RANK[self]

    @property
    def vi(self) -> str:
        return _RATING_VI[self]


_RATING_RANK = {r: i for i, r in enumerate(ProjectRating)}
_RATING_VI = {
    ProjectRating.FAIL: "không đạt",
    ProjectRating.PASS: "đạt",
    ProjectRating.GOOD: "khá",
    ProjectRating.EXCELLENT: "xuất sắc",
}


class Scheme(enum.Enum):
    """Certification schemes: FSC forest management, VietGAP, GlobalGAP, organic (TCVN 11041)."""

    FSC = "fsc"
    VIETGAP = "vietgap"
    GLOBALGAP = "globalgap"
    ORGANIC = "organic"

    @property
    def vi(self) -> str:
        return _SCHEME_VI[self]


_SCHEME_VI = {
    Scheme.FSC: "chứng chỉ rừng FSC",
    Scheme.VIETGAP: "chứng nhận VietGAP",
    Scheme.GLOBALGAP: "chứng nhận GlobalGAP",
    Scheme.ORGANIC: "chứng nhận nông nghiệp hữu cơ",
}


class Metric(enum.Enum):
    """A yearly figure, in whole VND."""

    HOUSEHOLD_INCOME = "household_income"
    REVENUE = "revenue"
    BUDGET_PAID = "budget_paid"
    PROFIT = "profit"

    @property
    def vi(self) -> str:
        return _METRIC_VI[self]

    @property
    def en(self) -> str:
        return self.value.replace("_", " ")

    @property
    def signed(self) -> bool:
        """Only a profit can be negative (a loss); income, revenue and payments are amounts."""
        return self is Metric.PROFIT


_METRIC_VI = {
    Metric.HOUSEHOLD_INCOME: "thu nhập của hộ",
    Metric.REVENUE: "doanh thu",
    Metric.BUDGET_PAID: "nộp ngân sách",
    Metric.PROFIT: "lợi nhuận",
}


class ContributionKind(enum.Enum):
    """What was contributed, and so the unit of ``amount``."""

    LAND = "land"
    MONEY = "money"
    LABOUR = "labour"
    CROPS = "crops"
    ASSETS = "assets"

    @property
    def unit(self) -> str:
        return _UNIT[self]

    @property
    def vi(self) -> str:
        return _KIND_VI[self]


_UNIT = {
    ContributionKind.LAND: "m²",
    ContributionKind.MONEY: "VND",
    ContributionKind.LABOUR: "days",
    ContributionKind.CROPS: "VND",
    ContributionKind.ASSETS: "VND",
}
_KIND_VI = {
    ContributionKind.LAND: "hiến đất",
    ContributionKind.MONEY: "đóng góp tiền",
    ContributionKind.LABOUR: "ngày công lao động",
    ContributionKind.CROPS: "hoa màu",
    ContributionKind.ASSETS: "tài sản trên đất",
}


class Purpose(enum.Enum):
    """What a contribution was for."""

    SITE_CLEARANCE = "site_clearance"
    NEW_RURAL = "new_rural"
    CHARITY = "charity"
    OTHER = "other"

    @property
    def vi(self) -> str:
        return _PURPOSE_VI[self]


_PURPOSE_VI = {
    Purpose.SITE_CLEARANCE: "giải phóng mặt bằng",
    Purpose.NEW_RURAL: "xây dựng nông thôn mới",
    Purpose.CHARITY: "từ thiện, nhân đạo",
    Purpose.OTHER: "mục đích khác",
}


LevelName = Literal[
    "unit", "commune", "district", "province", "central", "national", "international"
]
"""The values of :class:`Level`, for annotations (a typo fails the type check)."""
AwardFieldName = Literal[
    "general", "science_technology", "press_communication", "sport", "culture_arts", "tourism",
    "education", "health", "agriculture", "industry_trade", "finance", "defence_security",
    "social", "other",
]  # fmt: skip
"""The values of :class:`AwardField`, for annotations."""
AwardCategoryName = Literal["commendation", "prize", "competition"]
"""The values of :class:`AwardCategory`, for annotations."""
