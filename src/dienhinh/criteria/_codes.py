"""The reason codes the criteria emit; each is part of the public JSON contract.

``criteria.ask.*`` codes (severity *pending*) are the **missing facts**: what
to ask the nominating unit for. Their ``rule`` is the criterion that needs the
fact. The other codes explain verdicts and ignored evidence.
"""

from __future__ import annotations

from dienhinh._reasons import ReasonCode, Severity

P, F, INFO, W, Q = Severity.PASS, Severity.FAIL, Severity.INFO, Severity.WARNING, Severity.PENDING

# -- verdicts of a node --

MET = ReasonCode(
    "criteria.met",
    P,
    "Đạt",
    "Met",
    "Đạt {id}: {title_vi}.",
    "{id} is met: {title_en}.",
)
NOT_MET = ReasonCode(
    "criteria.not_met",
    F,
    "Không đạt",
    "Not met",
    "Không đạt {id}: {title_vi}.",
    "{id} is not met: {title_en}.",
)
UNKNOWN = ReasonCode(
    "criteria.unknown",
    Q,
    "Chưa đủ căn cứ",
    "Not yet known",
    "Chưa đủ căn cứ để kết luận {id}: {title_vi}.",
    "{id} cannot be decided yet: {title_en}.",
)
NOTHING_QUALIFIES = ReasonCode(
    "criteria.nothing_qualifies",
    F,
    "Không có chứng cứ đạt yêu cầu",
    "Nothing qualifies",
    "Đơn vị đã khai đủ chứng cứ loại “{type}”; không có chứng cứ nào đạt: {need_vi}.",
    "The unit declared its “{type}” evidence complete; none of it shows {need_en}.",
)
SEMICOLON_OR = ReasonCode(
    "criteria.semicolon_or",
    W,
    "Đọc “;” là “hoặc”",
    "“;” read as “or”",
    "Theo cách hiểu A-14 “semicolon-or”, các nội dung ngăn bởi “;” của {id} là điều kiện lựa chọn.",
    "Under the A-14 reading “semicolon-or”, the “;”-list of {id} is read as alternatives.",
)
SEMICOLON_EXCEPTION = ReasonCode(
    "criteria.semicolon_alternatives",
    INFO,
    "“;” là các lựa chọn",
    "“;” lists alternatives",
    "Các nội dung ngăn bởi “;” của {id} được hiểu là điều kiện lựa chọn: {note_vi}",
    "The “;”-list of {id} is read as alternatives: {note_en}",
)
NOTE = ReasonCode(
    "criteria.note",
    INFO,
    "Ghi chú của danh mục",
    "Catalogue note",
    "{note_vi}",
    "{note_en}",
)
LEVEL_READ_AS_PROVINCE = ReasonCode(
    "criteria.district_read_as_province",
    W,
    "“Cấp huyện” đọc là “cấp tỉnh”",
    "“District level” read as “provincial”",
    "Theo cách hiểu A-15 “province-after-reform”, yêu cầu “từ cấp huyện trở lên” được hiểu là "
    "“từ cấp tỉnh trở lên” vì thời điểm xét tặng {end} sau ngày 01/07/2025.",
    "Under the A-15 reading “province-after-reform”, “district level or above” reads as "
    "“provincial level or above”, the consideration date {end} being after 2025-07-01.",
)
NOT_GROWING = ReasonCode(
    "criteria.not_growing",
    F,
    "Không tăng so với năm trước",
    "No growth on the year before",
    "{metric_vi} năm {year} ({amount} đồng) không cao hơn năm {previous} ({previous_amount} đồng).",
    "{metric_en} in {year} ({amount} VND) is not higher than in {previous} ({previous_amount} VND).",
)
ATTESTED_NOT = ReasonCode(
    "criteria.attested_not",
    F,
    "Xác nhận không đạt",
    "Attested as not met",
    "{authority} xác nhận {id} không đạt.",
    "{authority} states that {id} does not hold.",
)

# -- why an item of evidence was set aside --

OUTSIDE_WINDOW = ReasonCode(
    "criteria.outside_window",
    INFO,
    "Ngoài thời gian tính thành tích",
    "Outside the window",
    "Ngày {date} nằm ngoài thời gian tính thành tích {start} – {end}.",
    "Dated {date}, outside the achievement window {start} – {end}.",
)
ACHIEVED_OUTSIDE_WINDOW = ReasonCode(
    "criteria.achieved_outside_window",
    INFO,
    "Thành tích ngoài thời gian tính thành tích",
    "Achieved outside the window",
    "Thành tích đạt ngày {achieved_on} (văn bản ngày {date}) nằm ngoài thời gian tính thành tích "
    "{start} – {end}.",
    "Achieved on {achieved_on} (document dated {date}), outside the achievement window {start} – "
    "{end}.",
)
PERIOD_OUTSIDE_WINDOW = ReasonCode(
    "criteria.period_outside_window",
    INFO,
    "Khoảng thời gian không nằm trọn trong thời gian tính thành tích",
    "Period not inside the window",
    "Thành tích trong khoảng {first} – {last} (văn bản ngày {date}) không nằm trọn trong thời gian "
    "tính thành tích {start} – {end}: thành tích ngoài thời gian đó không được tính, và một văn "
    "bản không tách được.",
    "Achieved over {first} – {last} (document dated {date}), not wholly inside the achievement "
    "window {start} – {end}: what lies outside it does not count, and one document cannot be "
    "split.",
)
PERIOD_OVERLAPS_WINDOW = ReasonCode(
    "criteria.period_overlaps_window",
    INFO,
    "Khoảng thời gian nằm một phần trong thời gian tính thành tích",
    "Period partly inside the window",
    "Thành tích trong khoảng {first} – {last} (văn bản ngày {date}) chỉ nằm một phần trong thời "
    "gian tính thành tích {start} – {end}; vẫn được tính theo cách hiểu A-40 “overlaps”.",
    "Achieved over {first} – {last} (document dated {date}), only partly inside the achievement "
    "window {start} – {end}; counted under A-40 “overlaps”.",
)
ATTESTATION_COVERS_WINDOW = ReasonCode(
    "criteria.attestation_covers_window",
    INFO,
    "Văn bản xác nhận cho thời gian tính thành tích",
    "Attestation read as covering the window",
    "Văn bản xác nhận ký ngày {dates} không nêu khoảng thời gian xác nhận; được ký sau ngày bắt "
    "đầu thời gian tính thành tích và không muộn hơn hạn gửi hồ sơ {due}, nên được hiểu là xác "
    "nhận cho thời gian {start} – {end} (A-27).",
    "Attestation signed on {dates} states no period; signed after the window opened and no later "
    "than the dossier was due, {due}, it is read as covering the window {start} – {end} (A-27).",
)
OUTSIDE_YEARS = ReasonCode(
    "criteria.outside_years",
    INFO,
    "Ngoài các năm được xét",
    "Outside the years looked at",
    "Năm {year} không thuộc các năm được xét ({years}).",
    "The year {year} is not one of the years looked at ({years}).",
)
UNDATED = ReasonCode(
    "criteria.undated",
    Q,
    "Chưa có ngày quyết định",
    "Undated",
    "Không có ngày quyết định nên chưa xác định được có nằm trong thời gian tính thành tích không.",
    "It has no decision date, so whether it falls in the achievement window is unknown.",
)
LEVEL_BELOW = ReasonCode(
    "criteria.level_below",
    INFO,
    "Cấp thấp hơn yêu cầu",
    "Level below the requirement",
    "{level_vi} thấp hơn yêu cầu từ {required_vi} trở lên.",
    "At {level_en} level, below the required {required_en} level or above.",
)
LEVEL_ABOVE = ReasonCode(
    "criteria.level_above",
    INFO,
    "Cấp khác cấp yêu cầu",
    "Level other than the one required",
    "{level_vi} không phải {required_vi} như yêu cầu.",
    "At {level_en} level, not the required {required_en} level.",
)
FIELD_MISMATCH = ReasonCode(
    "criteria.field_mismatch",
    INFO,
    "Khác lĩnh vực",
    "Another field",
    "Lĩnh vực “{field}” không thuộc lĩnh vực yêu cầu ({allowed}).",
    "Its field “{field}” is not one required ({allowed}).",
)
CATEGORY_MISMATCH = ReasonCode(
    "criteria.category_mismatch",
    INFO,
    "Khác hình thức",
    "Another form",
    "Hình thức “{category}” không thuộc hình thức yêu cầu ({allowed}).",
    "Its form “{category}” is not one required ({allowed}).",
)
STARS_BELOW = ReasonCode(
    "criteria.stars_below",
    INFO,
    "Chưa đủ số sao",
    "Too few stars",
    "Sản phẩm đạt {stars} sao, yêu cầu từ {required} sao trở lên.",
    "Rated {stars} stars; {required} or more are required.",
)
SCHEME_MISMATCH = ReasonCode(
    "criteria.scheme_mismatch",
    INFO,
    "Khác loại chứng nhận",
    "Another certificate",
    "Chứng nhận “{scheme}” không thuộc loại yêu cầu ({allowed}).",
    "A “{scheme}” certificate is not one required ({allowed}).",
)
NOT_APPLIED = ReasonCode(
    "criteria.not_applied",
    INFO,
    "Chưa được ứng dụng",
    "Not applied",
    "Sáng chế chưa được ứng dụng trong thực tiễn.",
    "The invention is not applied in practice.",
)
APPLIED_UNKNOWN = ReasonCode(
    "criteria.applied_unknown",
    Q,
    "Chưa rõ việc ứng dụng",
    "Application not stated",
    "Chưa rõ sáng chế có được ứng dụng trong thực tiễn hay không.",
    "Whether the invention is applied in practice is not stated.",
)
RATING_BELOW = ReasonCode(
    "criteria.rating_below",
    INFO,
    "Xếp loại thấp hơn yêu cầu",
    "Rated below the requirement",
    "Xếp loại “{rating_vi}”, yêu cầu từ “{required_vi}” trở lên.",
    "Rated “{rating}”; at least “{required}” is required.",
)
TITLE_MISMATCH = ReasonCode(
    "criteria.title_mismatch",
    INFO,
    "Khác danh hiệu",
    "Another title",
    "Danh hiệu “{title_vi}” không thuộc danh hiệu yêu cầu ({allowed_vi}).",
    "The title “{title}” is not one required ({allowed}).",
)
GRADE_BELOW = ReasonCode(
    "criteria.grade_below",
    F,
    "Xếp loại thấp hơn yêu cầu",
    "Graded below the requirement",
    "Năm {year} xếp loại “{grade_vi}”, yêu cầu từ “{required_vi}” trở lên.",
    "In {year} graded “{grade}”; at least “{required}” is required.",
)
CONTRIBUTION_MISMATCH = ReasonCode(
    "criteria.contribution_mismatch",
    INFO,
    "Khác loại hoặc mục đích",
    "Another kind or purpose",
    "Đóng góp “{kind}” cho “{purpose}” không thuộc loại, mục đích yêu cầu ({allowed}).",
    "A “{kind}” contribution for “{purpose}” is not one required ({allowed}).",
)
CONTRIBUTION_BELOW = ReasonCode(
    "criteria.contribution_below",
    INFO,
    "Chưa đủ mức đóng góp",
    "Below the amount required",
    "Tổng đóng góp trong thời gian tính thành tích {total} {unit}, yêu cầu từ {required} {unit}.",
    "Contributions in the window total {total} {unit}; {required} {unit} are required.",
)

# -- the missing facts --

_ASK_VI, _ASK_EN = "Cần bổ sung: {need_vi}.", "Needed: {need_en}."


def _ask(type_: str, vi: str, en: str) -> ReasonCode:
    return ReasonCode(f"criteria.ask.{type_}", Q, vi, en, _ASK_VI, _ASK_EN)


ASK: dict[str, ReasonCode] = {
    "award": _ask("award", "Cần khen thưởng, giải thưởng", "An award is needed"),
    "initiative": _ask(
        "initiative", "Cần sáng kiến được công nhận", "A recognised initiative is needed"
    ),
    "ocop": _ask("ocop", "Cần sản phẩm OCOP", "An OCOP rating is needed"),
    "certificate": _ask("certificate", "Cần chứng nhận, chứng chỉ", "A certificate is needed"),
    "invention": _ask("invention", "Cần sáng chế được bảo hộ", "A protected invention is needed"),
    "project": _ask("project", "Cần đề tài, dự án KH&CN", "An S&T project is needed"),
    "title": _ask("title", "Cần danh hiệu", "A title is needed"),
    "rating": _ask("rating", "Cần kết quả xếp loại", "An annual rating is needed"),
    "figure": _ask("figure", "Cần số liệu hằng năm", "A yearly figure is needed"),
    "contribution": _ask("contribution", "Cần đóng góp", "A contribution is needed"),
    "attestation": _ask("attestation", "Cần văn bản xác nhận", "A signed statement is needed"),
}
"""One missing-fact code per evidence type: ``criteria.ask.<type>``."""

ASK_DATE = ReasonCode(
    "criteria.ask.date",
    Q,
    "Cần ngày quyết định",
    "A decision date is needed",
    "Cần bổ sung ngày quyết định của {item_vi}.",
    "Needed: the decision date of {item_en}.",
)
ASK_APPLIED = ReasonCode(
    "criteria.ask.applied",
    Q,
    "Cần xác nhận việc ứng dụng",
    "Application in practice to confirm",
    "Cần xác nhận sáng chế “{name}” có được ứng dụng hiệu quả trong thực tiễn hay không.",
    "Needed: whether the invention “{name}” is applied effectively in practice.",
)
ASK_CONFLICT = ReasonCode(
    "criteria.ask.conflict",
    Q,
    "Các văn bản xác nhận mâu thuẫn",
    "Conflicting statements",
    "Có văn bản xác nhận {id} đạt và văn bản xác nhận không đạt ({authorities}); cần làm rõ.",
    "Some statements say {id} holds and others that it does not ({authorities}); to be resolved.",
)

NOT_LOOKED_AT = ReasonCode(
    "criteria.not_looked_at",
    INFO,
    "Không tiêu chí nào dùng đến",
    "Not looked at",
    "Không tiêu chí nào được xét dùng đến chứng cứ này (ví dụ: thuộc lĩnh vực không được khai).",
    "No criterion assessed looks at this evidence (e.g. it belongs to a field not declared).",
)
