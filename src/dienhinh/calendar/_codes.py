"""The reason codes the calendar emits; each is part of the public JSON contract."""

from __future__ import annotations

from dienhinh._reasons import ReasonCode, Severity

P, F, N, W = Severity.PASS, Severity.FAIL, Severity.INFO, Severity.WARNING  # N: a note

WINDOW = ReasonCode(
    "window.period",
    N,
    "Thời gian tính thành tích",
    "Achievement window",
    "Thành tích được tính từ {start} đến {end} ({days} ngày): {how_vi}.",
    "Achievements count from {start} to {end} ({days} days): {how_en}.",
)
WINDOW_LONG = ReasonCode(
    "window.longer_than_a_year",
    N,
    "Dài hơn 01 năm",
    "Longer than one year",
    "Khoảng thời gian dài hơn “01 năm” mà cùng điều khoản nêu, vì thời điểm xét tặng sau ngày "
    "{anniversary} (A-2, A-3).",
    "The window is longer than the “one year” the same provision states, because the "
    "consideration date is after {anniversary} (A-2, A-3).",
)
LAST_DAY = ReasonCode(
    "deadline.last_day",
    N,
    "Ngày cuối cùng đúng hạn",
    "Last day on time",
    "{title_vi}: {wording_vi} {due}; ngày cuối cùng đúng hạn là {last_day} ({reading_vi}).",
    "{title_en}: {wording_en} {due}; the last day on time is {last_day} ({reading_en}).",
)
TIMESTAMP = ReasonCode(
    "deadline.timestamp",
    N,
    "Ngày của thời điểm",
    "Day of the timestamp",
    "Thời điểm {at} là ngày {day} theo {zone_vi} (A-16).",
    "The timestamp {at} falls on {day} in {zone_en} (A-16).",
)
ROLLED = ReasonCode(
    "deadline.rolled_over",
    N,
    "Hạn chuyển sang ngày làm việc",
    "Deadline moved to a working day",
    "Ngày {day} là ngày nghỉ ({skipped_vi}); hạn cuối chuyển sang ngày làm việc tiếp theo {to} "
    "(A-17).",
    "{day} is a day off ({skipped_en}); the last day moves to the next working day, {to} (A-17).",
)
ON_TIME = ReasonCode(
    "deadline.on_time",
    P,
    "Đúng hạn",
    "On time",
    "{act_vi} ngày {submitted}, không muộn hơn ngày cuối cùng đúng hạn {last_day} (sớm {days} "
    "ngày).",
    "{act_en} on {submitted}, no later than the last day on time, {last_day} ({days} day(s) "
    "early).",
)
LATE = ReasonCode(
    "deadline.late",
    F,
    "Quá hạn",
    "Late",
    "{act_vi} ngày {submitted}, muộn {days} ngày so với ngày cuối cùng đúng hạn {last_day}.",
    "{act_en} on {submitted}, {days} day(s) after the last day on time, {last_day}.",
)
OUTSIDE = ReasonCode(
    "schedule.outside_effect",
    W,
    "Ngoài thời gian hiệu lực",
    "Outside the document's period",
    "Năm {year} nằm ngoài thời gian áp dụng của văn bản ({period_vi}).",
    "The year {year} is outside the document's period ({period}).",
)
