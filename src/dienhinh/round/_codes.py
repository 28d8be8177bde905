"""The reason codes a round emits.

No provision is written here: every rule a reason cites comes from the
ruleset the round runs under (its ``[[checks]]`` and tables), so nothing of
one province is ever cited in another's round.
"""

from __future__ import annotations

from dienhinh._reasons import ReasonCode, Severity

P, F, INFO, Q, W = Severity.PASS, Severity.FAIL, Severity.INFO, Severity.PENDING, Severity.WARNING

# -- eligibility ----------------------------------------------------------------------------
CONSENTED = ReasonCode(
    "round.consent", P, "Tự nguyện", "Consent given",
    "Tập thể, cá nhân đồng ý được xét công nhận.", "The nominee consents to be considered.",
)  # fmt: skip
NO_CONSENT = ReasonCode(
    "round.no_consent",
    F,
    "Không đồng ý",
    "No consent",
    "Tập thể, cá nhân không đồng ý được xét: việc công nhận là tự nguyện.",
    "The nominee does not consent, and recognition is voluntary.",
)
CONSENT_UNKNOWN = ReasonCode(
    "round.consent_unknown",
    Q,
    "Chưa rõ sự đồng ý",
    "Consent not stated",
    "Hồ sơ chưa thể hiện sự đồng ý của tập thể, cá nhân: cần bổ sung.",
    "The dossier does not say whether the nominee consents: ask for it.",
)
POSTHUMOUS = ReasonCode(
    "round.posthumous",
    F,
    "Không truy tặng",
    "No posthumous recognition",
    "Đã mất ngày {died_on}, {before_vi} ({day}); quy định không áp dụng truy tặng.",
    "Died on {died_on}, {before_en} ({day}); the ruleset allows no posthumous recognition.",
)
HEAD_SELECTED = ReasonCode(
    "round.selected_by_head", P, "Được người đứng đầu lựa chọn", "Selected by the head of unit",
    "Được người đứng đầu {unit} lựa chọn và đề nghị.", "Selected and nominated by the head of {unit}.",
)  # fmt: skip
HEAD_NOT_SELECTED = ReasonCode(
    "round.not_selected_by_head",
    F,
    "Không được người đứng đầu lựa chọn",
    "Not selected by the head of unit",
    "Không được người đứng đầu {unit} lựa chọn trong số điển hình tiên tiến của đơn vị.",
    "Not selected by the head of {unit} from the unit's own exemplars.",
)
HEAD_UNKNOWN = ReasonCode(
    "round.selection_unknown",
    Q,
    "Chưa rõ việc lựa chọn",
    "Selection not stated",
    "Hồ sơ chưa thể hiện việc người đứng đầu {unit} lựa chọn: cần bổ sung.",
    "The dossier does not show that the head of {unit} selected this nominee: ask for it.",
)
NO_DOSSIER = ReasonCode(
    "round.no_dossier", Q, "Chưa có hồ sơ", "No dossier",
    "Chưa nhận được hồ sơ đề nghị của {unit}.", "No dossier has been received from {unit}.",
)  # fmt: skip
DOSSIER_MISSING = ReasonCode(
    "round.dossier_incomplete", Q, "Hồ sơ chưa đủ", "Dossier incomplete",
    "Hồ sơ của {unit} còn thiếu: {missing_vi}.", "The dossier of {unit} lacks: {missing_en}.",
)  # fmt: skip
DOSSIER_COMPLETE = ReasonCode(
    "round.dossier_complete",
    P,
    "Hồ sơ đủ",
    "Dossier complete",
    "Hồ sơ có tờ trình, biên bản họp Hội đồng và báo cáo thành tích.",
    "The dossier has the submission letter, the council minutes and the achievement report.",
)
UNIT_DATE_UNKNOWN = ReasonCode(
    "round.unit_consideration_unknown",
    Q,
    "Chưa rõ ngày xét ở đơn vị",
    "Unit consideration date not stated",
    "Biên bản chưa ghi ngày Hội đồng {unit} họp xét: cần bổ sung.",
    "The minutes do not give the day {unit}'s council considered: ask for it.",
)
UNIT_LATE_REPORTED = ReasonCode(
    "round.unit_consideration_late",
    W,
    "Hội đồng cơ sở họp xét muộn",
    "Unit council met late",
    "Hội đồng {unit} họp xét ngày {met}, muộn {days} ngày so với thời gian xét công nhận ở cấp "
    "cơ sở (ngày cuối cùng {last_day}); hồ sơ đề nghị cấp tỉnh vẫn được xét (A-31).",
    "{unit}'s council considered on {met}, {days} day(s) after the time of unit-level "
    "recognition (last day {last_day}); the province dossier is still considered (A-31).",
)
KIND_NOT_RECOGNISED = ReasonCode(
    "round.kind_not_recognised",
    F,
    "Không thuộc đối tượng",
    "Not a kind recognised",
    "Đối tượng “{kind_vi}” không được xét công nhận theo quy định được dẫn (cách hiểu {reading} "
    "“{name}”).",
    "A {kind_en} is not a kind of nominee the cited provision recognises (reading {reading} "
    "“{name}”).",
)
EVIDENCE_AFTER_DOSSIER = ReasonCode(
    "round.evidence_after_dossier",
    W,
    "Văn bản sau ngày nhận hồ sơ",
    "Evidence dated after the dossier",
    "{count} văn bản có ngày sau {cutoff_vi} ({cutoff}) không thuộc hồ sơ đề nghị, không được "
    "tính (A-30): {items_vi}.",
    "{count} document(s) dated after {cutoff_en} ({cutoff}) were not part of the dossier and do "
    "not count (A-30): {items_en}.",
    data={"indexes"},
)
CRITERIA_MET = ReasonCode(
    "round.criteria_met",
    P,
    "Đạt tiêu chuẩn",
    "Meets the standards",
    "Đạt tiêu chuẩn chung và tiêu chuẩn lĩnh vực trong khoảng {start} – {end}.",
    "Meets the general and field standards over {start} – {end}.",
)
CRITERIA_NOT_MET = ReasonCode(
    "round.criteria_not_met",
    F,
    "Không đạt tiêu chuẩn",
    "Does not meet the standards",
    "Không đạt: {failed_vi} (khoảng tính thành tích {start} – {end}).",
    "Not met: {failed_en} (achievement window {start} – {end}).",
    data={"failed"},
)
CRITERIA_UNKNOWN = ReasonCode(
    "round.criteria_unknown",
    Q,
    "Chưa đủ căn cứ",
    "Evidence missing",
    "Chưa đủ căn cứ để kết luận về tiêu chuẩn; cần bổ sung: {ask_vi}.",
    "The evidence does not settle the standards yet; ask for: {ask_en}.",
)
NO_CATALOGUE = ReasonCode(
    "round.no_criteria",
    INFO,
    "Không có bộ tiêu chuẩn riêng",
    "No criteria of its own",
    "{ruleset} không quy định tiêu chuẩn riêng; Hội đồng xem xét theo thành tích thực tế.",
    "{ruleset} sets no criteria of its own; the council judges the record as it stands.",
)
KT_STAGE = ReasonCode(
    "round.stage",
    INFO,
    "Giai đoạn",
    "Stage",
    "Điển hình ở giai đoạn “{stage_vi}” (phát hiện → bồi dưỡng → tổng kết → nhân rộng).",
    "The exemplar is at the “{stage_en}” stage (discover → foster → summarise → replicate).",
)
AWARD_BELOW_RECORD = ReasonCode(
    "round.award_below_record",
    F,
    "Thành tích vượt mức hạng này",
    "Award below the record",
    "Thành tích đủ tiêu chuẩn cấp {supports_vi}, cao hơn cấp {level_vi}: đề nghị hình thức cấp {supports_vi}.",
    "The record meets the standard of the {supports_en} level, above the {level_en} level: propose "
    "the {supports_en}-level award instead.",
)
AWARD_MATCHES_RECORD = ReasonCode(
    "round.award_matches_record",
    P,
    "Đúng mức hạng của thành tích",
    "Award matches the record",
    "Thành tích đủ tiêu chuẩn cấp {level_vi}: xét đúng hình thức cấp này.",
    "The record meets the standard of the {level_en} level: the award proposed is that level's.",
)
KT_BELOW_LEVEL = ReasonCode(
    "round.award_above_record",
    F,
    "Thành tích chưa đến mức hạng này",
    "Award above the record",
    "Thành tích đủ tiêu chuẩn cấp {supports_vi}, chưa đến cấp {level_vi}: đề nghị hình thức cấp {supports_vi}.",
    "The record meets the standard of the {supports_en} level, not the {level_en} level: propose the "
    "{supports_en}-level award instead.",
)
KT_PRIORITY_GROUP = ReasonCode(
    "round.priority_group",
    INFO,
    "Đối tượng ưu tiên",
    "Priority group",
    "Thuộc diện ưu tiên: {groups_vi} (chỉ để báo cáo, không dùng để lọc).",
    "In a priority group: {groups_en} (reported, never used to filter).",
)
VOTES_NOT_COUNTED = ReasonCode(
    "round.votes_not_counted",
    INFO,
    "Phiếu không được tính",
    "Votes not counted",
    "{approvals} phiếu đồng ý không được tính vì không đủ điều kiện đưa ra bỏ phiếu.",
    "{approvals} approvals were not counted: the nominee did not qualify for the ballot.",
)

PLAN_WINDOW = ReasonCode(
    "round.plan_window",
    INFO,
    "Thời điểm xét",
    "Consideration date",
    "Hội đồng cấp {level_vi} xét ngày {day}; {ruleset} không quy định thời gian tính thành tích, "
    "đọc theo A-21 là {how_vi}: từ {start} đến {end}.",
    "The {level_en} council considers on {day}; {ruleset} sets no achievement window, read under "
    "A-21 as {how_en}: from {start} to {end}.",
)
CHECKS_NOT_DECLARED = ReasonCode(
    "round.checks_not_declared",
    INFO,
    "Không áp dụng",
    "Checks not declared",
    "{ruleset} không quy định, nên không xét: {checks}.",
    "{ruleset} does not declare these checks, so the round does not apply them: {checks}.",
)
# -- the round as a whole --------------------------------------------------------------------
CONSIDERATION = ReasonCode(
    "round.consideration_date",
    INFO,
    "Thời điểm xét",
    "Consideration date",
    "Hội đồng cấp {level_vi} xét ngày {day}; thành tích tính từ {start} đến {end}.",
    "The {level_en} council considers on {day}; achievements count from {start} to {end}.",
)
CONSIDERATION_NO_WINDOW = ReasonCode(
    "round.consideration_no_window",
    INFO,
    "Thời điểm xét",
    "Consideration date",
    "Hội đồng cấp {level_vi} xét ngày {day}; {ruleset} không quy định thời gian tính thành tích.",
    "The {level_en} council considers on {day}; {ruleset} sets no achievement window.",
)
SIGNS = ReasonCode(
    "round.authority", INFO, "Thẩm quyền công nhận", "Who recognises",
    "{authority_vi} ký quyết định công nhận.", "{authority_en} signs the recognition.",
)  # fmt: skip
POOL_CANDIDATES = ReasonCode(
    "round.national_pool",
    INFO,
    "Lựa chọn tuyên truyền toàn quốc",
    "Pool for national propagation",
    "Số tập thể, cá nhân có thể được lựa chọn giới thiệu tuyên truyền toàn quốc: {count}; số lượng do "
    "Chủ tịch UBND tỉnh quyết định ({size_vi}).",
    "Collectives and individuals that may be introduced for national propagation: {count}; the "
    "number is the provincial chairman's decision ({size_en}).",
)
CASH = ReasonCode(
    "round.cash_reward",
    P,
    "Bằng khen và tiền thưởng",
    "Certificate and cash",
    "{certificate_vi} và tiền thưởng {amount_vi} đồng ({multiplier_vi} × mức lương cơ sở {base_vi} "
    "đồng, làm tròn lên bội số của {step_vi} đồng).",
    "{certificate_en} and a cash reward of {amount_en} VND ({multiplier_en} × the base salary of "
    "{base_en} VND, rounded up to a multiple of {step_en} VND).",
    # The numbers themselves, beside their formatted text: VND as integers, the multiplier an
    # exact fraction ("2", "3/2").
    data={"amount", "multiplier", "base", "step"},
)
NO_CASH_CITIZEN = ReasonCode(
    "round.exemplary_citizen_same_year",
    INFO,
    "Đã là Công dân tiêu biểu",
    "Exemplary Citizen this year",
    "Đã được tặng danh hiệu “{title}” năm {year}: không tặng Bằng khen và tiền thưởng.",
    "Awarded “{title}” in {year}: no certificate of merit and no cash reward.",
)
CASH_WITHHELD_CITIZEN = ReasonCode(
    "round.exemplary_citizen_cash_withheld",
    INFO,
    "Đã là Công dân tiêu biểu",
    "Exemplary Citizen this year",
    "Đã được tặng danh hiệu “{title}” năm {year}: được tặng {certificate_vi}, không tặng tiền "
    "thưởng (A-28).",
    "Awarded “{title}” in {year}: {certificate_en} given, no cash reward (A-28).",
)
NO_CASH_AMOUNT = ReasonCode(
    "round.cash_amount_not_recorded",
    W,
    "Chưa có mức tiền thưởng",
    "Cash amount not recorded",
    "{certificate_vi}; bộ quy tắc chưa ghi mức tiền thưởng cho {kind_vi} theo văn bản áp dụng "
    "ngày {day}: cần xác định.",
    "{certificate_en}; the ruleset records no cash amount for a {kind_en} under the decree in "
    "force on {day}: to be settled.",
)
NO_BENEFITS = ReasonCode(
    "round.no_benefits",
    INFO,
    "Không quy định quyền lợi",
    "No benefits set",
    "{ruleset} không quy định Bằng khen, tiền thưởng: không tính quyền lợi.",
    "{ruleset} sets no certificate or cash reward: no benefit is computed.",
)
UNIT_BENEFIT = ReasonCode(
    "round.unit_reward",
    INFO,
    "Khen thưởng cấp đơn vị",
    "Unit-level reward",
    "Người đứng đầu đơn vị khen thưởng theo quy định của pháp luật về thi đua, khen thưởng.",
    "The head of the unit rewards under the law on emulation and commendation.",
)
FLOOR_MET = ReasonCode(
    "round.floor_met", P, "Đạt số lượng tối thiểu", "Floor met",
    "{unit}: {count} / tối thiểu {minimum} ({scope_vi}).", "{unit}: {count} of at least {minimum} ({scope_en}).",
)  # fmt: skip
FLOOR_SHORT = ReasonCode(
    "round.floor_short",
    F,
    "Chưa đạt số lượng tối thiểu",
    "Floor not met",
    "{unit}: {count} / tối thiểu {minimum} ({scope_vi}) — thiếu {shortfall}; không đưa thêm người không đạt.",
    "{unit}: {count} of at least {minimum} ({scope_en}) — {shortfall} short; nobody is pulled in to fill it.",
)
FLOOR_UNKNOWN = ReasonCode(
    "round.floor_unknown",
    Q,
    "Chưa rõ số lượng",
    "Count not given",
    "{unit}: chưa có số lượng {counted_vi} để đối chiếu mức tối thiểu {minimum}.",
    "{unit}: the number {counted_en} is not given, to compare with the floor of {minimum}.",
)
FLOOR_ENDED = ReasonCode(
    "round.floor_ended",
    INFO,
    "Hết áp dụng",
    "Floor no longer applies",
    "{unit}: mức tối thiểu cho {scope_vi} hết áp dụng từ sau ngày {until}.",
    "{unit}: the floor for {scope_en} no longer applies after {until}.",
)
DOSSIER_PARTS_COMPLETE = ReasonCode(
    "round.dossier_parts_complete",
    P,
    "Hồ sơ đủ",
    "Dossier complete",
    "Hồ sơ có đủ: {parts_vi}.",
    "The dossier has every part required: {parts_en}.",
)

# -- NT-IV.3b: each unit honours its exemplars at least once a year (round/_honouring.py) --------

HONOURING_MET = ReasonCode(
    "round.honouring_met",
    P,
    "Đã tổ chức biểu dương, tôn vinh",
    "Honouring held",
    "{unit}: {count} lần biểu dương, tôn vinh điển hình tiên tiến trong năm {year} (ít nhất "
    "{minimum} lần/năm).",
    "{unit}: {count} event(s) honouring its exemplars in {year} (at least {minimum} a year).",
)
HONOURING_SHORT = ReasonCode(
    "round.honouring_short",
    F,
    "Chưa tổ chức đủ số lần biểu dương, tôn vinh",
    "Too few honouring events",
    "{unit}: {count} lần biểu dương, tôn vinh điển hình tiên tiến trong năm {year} / ít nhất "
    "{minimum} lần/năm — thiếu {shortfall}.",
    "{unit}: {count} event(s) honouring its exemplars in {year}, of at least {minimum} a year — "
    "{shortfall} short.",
)
HONOURING_UNKNOWN = ReasonCode(
    "round.honouring_unknown",
    Q,
    "Chưa rõ các lần biểu dương, tôn vinh",
    "Honouring events not given",
    "{unit}: chưa có danh sách các lần biểu dương, tôn vinh điển hình tiên tiến năm {year} để "
    "đối chiếu mức ít nhất {minimum} lần/năm.",
    "{unit}: its events honouring exemplars in {year} are not given, to compare with at least "
    "{minimum} a year.",
)
