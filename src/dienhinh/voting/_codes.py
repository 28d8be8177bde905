"""The reason codes the ballot emits; each is part of the public JSON contract.

A reason about a tie refers to its tie by ``tie``, the tie's position in the
record's ``ties``, which lists the group once; its texts name at most
:data:`LISTED` of the group and count the rest, so a tie of any size keeps
the record linear in the number of nominees.
"""

from __future__ import annotations

from dienhinh._reasons import ReasonCode, Severity

P, F, INFO, Q = Severity.PASS, Severity.FAIL, Severity.INFO, Severity.PENDING

LISTED = 10
"""The most nominees of a tied group a reason's text names; the rest are counted."""

THRESHOLD = ReasonCode(
    "ballot.threshold",
    INFO,
    "Tỷ lệ phiếu cần đạt",
    "Approvals needed",
    "Cần ít nhất {needed}/{members} phiếu đồng ý ({comparison_vi} {threshold} của {denominator_vi}).",
    "At least {needed} of {members} approvals are needed ({comparison_en} {threshold} of "
    "{denominator_en}).",
)
ABSENT_SILENT = ReasonCode(
    "ballot.absent_silent",
    INFO,
    "Vắng mặt, không gửi ý kiến",
    "Absent without a written opinion",
    "Thành viên vắng mặt không gửi ý kiến bằng văn bản ({members}) vẫn được tính vào tổng số "
    "thành viên, không tính là phiếu đồng ý (A-7).",
    "Members absent without a written opinion ({members}) count in the total membership, "
    "not as approvals (A-7).",
)
WRITTEN = ReasonCode(
    "ballot.written_opinions",
    INFO,
    "Ý kiến bằng văn bản",
    "Written opinions",
    "Ý kiến bằng văn bản của thành viên vắng mặt được tính: {members}.",
    "Written opinions of absent members were counted: {members}.",
)
NO_QUORUM = ReasonCode(
    "ballot.no_quorum",
    F,
    "Không đủ số thành viên dự họp",
    "No quorum",
    "Chỉ {present}/{members} thành viên dự họp, cần ít nhất {required}: phiên họp không hợp lệ.",
    "Only {present} of {members} members attended; at least {required} are required, so the "
    "meeting cannot decide.",
)
MEETS = ReasonCode(
    "ballot.meets_threshold",
    P,
    "Đạt tỷ lệ phiếu",
    "Meets the threshold",
    "Được {approvals}/{members} phiếu đồng ý, đạt mức tối thiểu {needed}.",
    "{approvals} of {members} approvals, at least the {needed} needed.",
)
BELOW = ReasonCode(
    "ballot.below_threshold",
    F,
    "Không đạt tỷ lệ phiếu",
    "Below the threshold",
    "Chỉ được {approvals}/{members} phiếu đồng ý, dưới mức tối thiểu {needed}.",
    "Only {approvals} of {members} approvals, fewer than the {needed} needed.",
)
WITHIN_CAP = ReasonCode(
    "ballot.within_cap",
    P,
    "Trong chỉ tiêu",
    "Within the cap",
    "Xếp thứ {rank}, trong phạm vi {slots} chỉ tiêu.",
    "Ranked {rank}, within the {slots} slots.",
)
OVER_CAP = ReasonCode(
    "ballot.over_cap",
    F,
    "Ngoài chỉ tiêu",
    "Beyond the cap",
    "Xếp thứ {rank}, ngoài {slots} chỉ tiêu: các chỉ tiêu đã thuộc về người có nhiều phiếu hơn.",
    "Ranked {rank}, beyond the {slots} slots, which went to nominees with more approvals.",
)
TIE = ReasonCode(
    "ballot.tie_at_cutoff",
    Q,
    "Bằng phiếu ở chỉ tiêu cuối",
    "Tied at the cutoff",
    "Bằng phiếu ({approvals}) với {group_vi} khi chỉ còn {slots} chỉ tiêu; chờ Chủ tịch Hội đồng "
    "lựa chọn.",
    "Tied on {approvals} approvals with {group_en} for the {slots} slot(s) left; awaiting the "
    "chair's choice.",
    data=frozenset({"tie"}),
)
CHOSEN = ReasonCode(
    "ballot.chosen_in_tie",
    P,
    "Được chọn khi bằng phiếu",
    "Chosen in a tie",
    "{decider_vi} đã chọn trong nhóm bằng phiếu {group_vi}.",
    "The {decider_en} chose this nominee from the tied group {group_en}.",
    data=frozenset({"tie"}),
)
NOT_CHOSEN = ReasonCode(
    "ballot.not_chosen_in_tie",
    F,
    "Không được chọn khi bằng phiếu",
    "Not chosen in a tie",
    "{decider_vi} đã chọn người khác trong nhóm bằng phiếu {group_vi}.",
    "The {decider_en} chose others from the tied group {group_en}.",
    data=frozenset({"tie"}),
)
WOMEN = ReasonCode(
    "ballot.women_priority",
    P,
    "Ưu tiên nữ",
    "Priority to women",
    "Trong nhóm bằng phiếu {group_vi}, được ưu tiên là nữ hoặc tập thể có từ 70% nữ trở lên.",
    "In the tied group {group_en}, preferred as a woman or a collective with at least 70 % women.",
    data=frozenset({"tie"}),
)
HANDED_BACK = ReasonCode(
    "ballot.tie_handed_back",
    Q,
    "Bằng phiếu, trả lại để quyết định",
    "Tie handed back",
    "Bằng phiếu ({approvals}) với {group_vi} cho {slots} chỉ tiêu còn lại; quy tắc không tự quyết, "
    "cần người có thẩm quyền quyết định.",
    "Tied on {approvals} approvals with {group_en} for the {slots} slot(s) left; no rule settles "
    "it, so it is handed back for a decision.",
    data=frozenset({"tie"}),
)
NOT_PREFERRED = ReasonCode(
    "ballot.not_preferred_in_tie",
    F,
    "Không thuộc diện ưu tiên",
    "Not preferred in a tie",
    "Trong nhóm bằng phiếu {group_vi}, {slots} chỉ tiêu còn lại thuộc về nữ hoặc tập thể có từ 70% "
    "nữ trở lên.",
    "In the tied group {group_en}, the {slots} slot(s) left went to women or collectives with at "
    "least 70 % women.",
    data=frozenset({"tie"}),
)
