"""A ballot's record as a readable account: the rule, the tally, the tie, every reason.

Like the round's report, every sentence about a nominee is a
:class:`~dienhinh.Reason`'s own text with its rule id; this module adds layout only.
"""

from __future__ import annotations

from typing import Final

from dienhinh._labels import label
from dienhinh.report._text import _table
from dienhinh.voting._result import BallotResult

__all__ = ["render_ballot"]

_HEADERS: Final = {
    "vi": ("Hạng", "Mã", "Loại", "Đồng ý", "Tỷ lệ", "Đạt ngưỡng", "Kết quả"),
    "en": ("Rank", "Id", "Kind", "Approvals", "Rate", "Threshold", "Outcome"),
}
_T: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "KẾT QUẢ BỎ PHIẾU CỦA HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "ruleset": "Bộ quy tắc",
        "none": "(không theo bộ quy tắc nào: quy tắc ghi trong hồ sơ)",
        "status": "Trạng thái",
        "needed": "Cần tối thiểu {needed}/{denominator} phiếu đồng ý ({rule}).",
        "yes": "có",
        "no": "không",
        "recognised": "Được công nhận ({count}): {ids}.",
        "reasons": "Lý do:",
        "readings": "Cách hiểu áp dụng",
        "digest": "Mã số kiểm tra (digest)",
    },
    "en": {
        "title": "THE COUNCIL'S BALLOT",
        "ruleset": "Ruleset",
        "none": "(no ruleset: the rule given in the document)",
        "status": "Status",
        "needed": "At least {needed} of {denominator} approvals needed ({rule}).",
        "yes": "yes",
        "no": "no",
        "recognised": "Recognised ({count}): {ids}.",
        "reasons": "Reasons:",
        "readings": "Readings used",
        "digest": "Digest",
    },
}


def render_ballot(result: BallotResult, lang: str) -> str:
    """The ballot as plain text in ``lang`` (``"vi"`` or ``"en"``)."""
    t = _T[lang]
    rule = result.inputs.rule.rule
    out = [t["title"], ""]
    out.append(f"{t['ruleset']}: {result.inputs.ruleset or t['none']}")
    out.append(f"{t['status']}: {label('ballot_status', result.status.value, lang)}")
    out.append(
        t["needed"].format(
            needed=result.needed,
            denominator=result.denominator,
            rule=f"{rule.id}, {rule.citation.vi if lang == 'vi' else rule.citation.en}",
        )
    )
    out.append("")
    by_id = {o.nominee: o for o in result.outcomes}
    rows = [
        [
            str(x.rank),
            x.nominee,
            label("kind", by_id[x.nominee].kind.value, lang),
            str(x.approvals),
            x.rate,
            t["yes"] if x.meets_threshold else t["no"],
            label("outcome", by_id[x.nominee].status.value, lang),
        ]
        for x in result.tally
    ]
    out += _table(
        _HEADERS[lang], rows, limits=(4, 30, 12, 9, 7, 10, 22), right=frozenset({0, 3, 4})
    )
    out += ["", t["recognised"].format(count=len(result.recognised),
                                       ids=", ".join(result.recognised) or "—")]  # fmt: skip
    out += ["", t["reasons"]]
    for o in result.outcomes:
        for r in o.reasons:
            rid = "" if r.rule is None else f" [{r.rule.id}]"
            out.append(f"- {o.nominee}: {r.vi if lang == 'vi' else r.en}{rid}")
    for r in result.reasons:
        rid = "" if r.rule is None else f" [{r.rule.id}]"
        out.append(f"- {r.vi if lang == 'vi' else r.en}{rid}")
    used = ", ".join(f"{u.id} {u.reading}" for u in result.used)
    out += ["", f"{t['readings']}: {used or '—'}.", f"{t['digest']}: {result.digest}"]
    return "\n".join(out) + "\n"
