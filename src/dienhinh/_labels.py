"""Display labels, in Vietnamese and English, of the closed sets a record shows.

One table for the report, the HTML views and the cards (``labels`` in the JSON), so a
front end draws the words the report prints: an outcome (``recognised`` → "được công
nhận"), a decision's status, a nominee's kind, the threshold verdict, a criterion's verdict.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["LABELS", "Lang", "label", "labels"]

Lang = Literal["vi", "en"]

Group = Literal["outcome", "status", "ballot_status", "kind", "threshold", "verdict"]

LABELS: Final[dict[str, dict[str, dict[str, str]]]] = {
    "outcome": {
        "recognised": {"vi": "được công nhận", "en": "recognised"},
        "not_recognised": {"vi": "không được công nhận", "en": "not recognised"},
        "ineligible": {"vi": "không đủ điều kiện", "en": "ineligible"},
        "incomplete": {"vi": "cần bổ sung", "en": "incomplete"},
        "awaiting_chair": {"vi": "chờ Chủ tịch chọn", "en": "awaiting the chair"},
        "undecided": {"vi": "chưa quyết định", "en": "undecided"},
    },
    "status": {
        "final": {"vi": "hoàn tất", "en": "final"},
        "awaiting_chair": {"vi": "chờ Chủ tịch Hội đồng quyết định", "en": "awaiting the chair's decision"},
        "undecided": {"vi": "chưa quyết định, trả lại người có thẩm quyền", "en": "undecided, handed back to a person"},
        "no_quorum": {"vi": "không đủ số thành viên dự họp", "en": "no quorum"},
    },
    "kind": {
        "collective": {"vi": "tập thể", "en": "collective"},
        "individual": {"vi": "cá nhân", "en": "individual"},
        "household": {"vi": "hộ gia đình", "en": "household"},
    },
    "threshold": {
        "met": {"vi": "đạt ngưỡng", "en": "meets the threshold"},
        "not_met": {"vi": "không đạt ngưỡng", "en": "below the threshold"},
        "not_voted": {"vi": "không đưa ra bỏ phiếu", "en": "not on the ballot"},
    },
    "verdict": {
        "met": {"vi": "đạt", "en": "met"},
        "not_met": {"vi": "không đạt", "en": "not met"},
        "unknown": {"vi": "chưa xác định", "en": "unknown"},
    },
}  # fmt: skip
LABELS["ballot_status"] = LABELS["status"]


def labels(group: Group, value: str) -> dict[str, str]:
    """``{"vi": …, "en": …}`` for ``value`` of ``group`` (a fresh dict)."""
    return dict(LABELS[group][value])


def label(group: Group, value: str, lang: str) -> str:
    """The label of ``value`` of ``group`` in ``lang``."""
    return LABELS[group][value][lang]
