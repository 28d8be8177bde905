"""Generate the sample round that ``dienhinh demo`` runs: Tuyên Quang, province level, 2024.

The story, one nomination at a time, is the table :data:`NOMINATIONS` below: who is nominated,
by which unit, with what evidence, how many of the 19 council members approve, and the outcome
the round is meant to give (:data:`INTENDED`, asserted by ``tests/test_demo.py``):

- 40 nominations from 13 units (six district People's Committees and the city, six provincial
  bodies), covering the sixteen fields of TQ-3.2;
- 6 ineligible: no consent (TQ-2.1a), posthumous (TQ-2.1c), not selected by the head of its
  unit (TQ-4.2), the standards not met (TQ-3.2c, an OCOP product of two stars only), and the two
  nominees of a dossier received at 01:30 on 30/10 Vietnam time (TQ-8.3b; A-1, A-16);
- 3 incomplete: a missing achievement report (TQ-8.3a), a missing attestation of TQ-3.1d, an
  invention not stated to be applied in practice (TQ-3.2g);
- 31 on the ballot of a 19-member council (16 present, 3 absent with a written opinion):
  14 approved unanimously, 3 tied at 18/19 for the 15th and last slot (TQ-2.1b, TQ-6.2b), the
  rest below the 18 approvals needed. The chair's choice is a separate file,
  ``demo-tuyen-quang-2024.chair.json``, which the demo applies after showing the tie;
- an individual recognised who is also "Công dân tiêu biểu" of 2024: no cash (TQ-7.1d, A-12);
- floors for 15 units (TQ-6.2a), four of them short and one without a count.

Why no member is absent *without* a written opinion: 18 of 19 approvals are needed, so one
silent absence caps every nominee at 18 and ties everyone who reaches the threshold — the ballot
would be one tie of all of them, not a tie at the last slot. Every absent member of this council
sent a written opinion; the silent absence is pinned by the ballot's own tests (A-7).

Run ``uv run python examples/make_demo_data.py`` to write the files, ``--check`` to compare them
with what is shipped (exit 1 on a difference). The output is deterministic: no clock, no
randomness, keys in a fixed order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs

DATA: Final = Path(__file__).resolve().parent.parent / "src" / "dienhinh" / "data"
ROUND_FILE: Final = "demo-tuyen-quang-2024.json"
CHAIR_FILE: Final = "demo-tuyen-quang-2024.chair.json"

CONSIDERED_ON: Final = "2024-12-20"
DECIDED_ON: Final = "2024-12-26"
MEMBERS: Final = tuple(f"tv{i:02}" for i in range(1, 20))
CHAIR: Final = "tv01"
WRITTEN: Final = ("tv07", "tv13", "tv18")
"""Absent from the meeting, each with a written opinion (TQ-2.1b)."""
CHAIR_CHOICE: Final = ("LB01",)
NATIONAL_POOL_SIZE: Final = 5
EXEMPLARY_CITIZENS: Final = ("SD02", "Bà Hoàng Thị Nhung", "Ông Triệu Tiến Hùng")
"""Công dân tiêu biểu tỉnh Tuyên Quang 2024 (TQ-2.2): one of them is also nominated (SD02)."""

Doc = dict[str, Any]


# -- units and their dossiers ------------------------------------------------------------------


@attrs.frozen
class UnitSpec:
    code: str
    name: str
    signer: str
    scope: str
    recognised: int | None
    """The unit's own exemplars recognised in 2024 (TQ-6.2a); None: not reported."""
    received: str
    considered_on: str


UNITS: Final = (
    UnitSpec("YS", "UBND huyện Yên Sơn", "Chủ tịch UBND huyện Yên Sơn", "district-people-committee", 7, "2024-10-25T09:30:00+07:00", "2024-10-08"),
    UnitSpec("SD", "UBND huyện Sơn Dương", "Chủ tịch UBND huyện Sơn Dương", "district-people-committee", 5, "2024-10-28", "2024-10-10"),
    UnitSpec("HY", "UBND huyện Hàm Yên", "Chủ tịch UBND huyện Hàm Yên", "district-people-committee", 4, "2024-10-24", "2024-10-07"),
    UnitSpec("CH", "UBND huyện Chiêm Hóa", "Chủ tịch UBND huyện Chiêm Hóa", "district-people-committee", 6, "2024-10-29T16:45:00+07:00", "2024-10-11"),
    UnitSpec("NH", "UBND huyện Na Hang", "Chủ tịch UBND huyện Na Hang", "district-people-committee", 3, "2024-10-22", "2024-10-04"),
    UnitSpec("LB", "UBND huyện Lâm Bình", "Chủ tịch UBND huyện Lâm Bình", "district-people-committee", 5, "2024-10-28T10:00:00+07:00", "2024-10-14"),
    UnitSpec("TP", "UBND thành phố Tuyên Quang", "Chủ tịch UBND thành phố Tuyên Quang", "district-people-committee", 8, "2024-10-21", "2024-10-09"),
    UnitSpec("GD", "Sở Giáo dục và Đào tạo", "Giám đốc Sở Giáo dục và Đào tạo", "provincial-unit", 12, "2024-10-18", "2024-10-03"),
    UnitSpec("YT", "Sở Y tế", "Giám đốc Sở Y tế", "provincial-unit", 6, "2024-10-23", "2024-10-10"),
    UnitSpec("KH", "Sở Khoa học và Công nghệ", "Giám đốc Sở Khoa học và Công nghệ", "provincial-unit", 2, "2024-10-25", "2024-10-11"),
    UnitSpec("CA", "Công an tỉnh Tuyên Quang", "Giám đốc Công an tỉnh", "provincial-unit", 9, "2024-10-17", "2024-10-02"),
    # 2024-10-29T18:30Z is 01:30 on 30/10 in Vietnam: late for "trước 30/10".
    UnitSpec("ND", "Hội Nông dân tỉnh Tuyên Quang", "Chủ tịch Hội Nông dân tỉnh", "provincial-unit", 0, "2024-10-29T18:30:00Z", "2024-10-12"),
    UnitSpec("NV", "Sở Ngoại vụ", "Giám đốc Sở Ngoại vụ", "provincial-unit", None, "2024-10-24", "2024-10-09"),
)  # fmt: skip

COMMUNES: Final = (
    # Communes do not nominate to the province; their floors are reported all the same.
    ("UBND xã Tân Trào", 3),
    ("UBND xã Thượng Lâm", 1),
)
MISSING_REPORTS: Final = frozenset({"SD04"})
"""Nominations whose unit's dossier lacks their achievement report (TQ-8.3a)."""


# -- evidence ----------------------------------------------------------------------------------


def att(criterion: str, unit: UnitSpec, statement: str, date: str | None = None) -> Doc:
    """A signed attestation by the head of the nominating unit (the catalogue's qualitative points)."""
    return {"type": "attestation", "criterion": criterion, "authority": unit.name,
            "signer": unit.signer, "date": date or unit.considered_on, "statement": statement}  # fmt: skip


def initiative(name: str, authority: str, level: str, date: str, ref: str) -> Doc:
    return {"type": "initiative", "name": name, "authority": authority, "level": level,
            "date": date, "ref": ref}  # fmt: skip


def general(unit: UnitSpec, b: str, c: Doc | str, d: str, *, skip_d: bool = False) -> list[Doc]:
    """TQ-3.1 a–d: attestations for a, b, d; an initiative or a model (attestation) for c."""
    items = [
        att("TQ-3.1a", unit, "Gương mẫu chấp hành tốt đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước; nội bộ đoàn kết."),
        att("TQ-3.1b", unit, b),
        c if isinstance(c, dict) else att("TQ-3.1c.model", unit, c),
    ]  # fmt: skip
    if not skip_d:
        items.append(att("TQ-3.1d", unit, d))
    return items


# -- the nominations ---------------------------------------------------------------------------


@attrs.frozen
class Spec:
    """One nomination and what the round should make of it."""

    id: str
    kind: str
    name: str
    fields: tuple[str, ...]
    evidence: tuple[Doc, ...]
    intended: str
    """The final outcome: recognised, not_recognised, ineligible or incomplete."""
    approvals: int | None = None
    """Approvals out of 19 for those on the ballot; None for those who never reach it."""
    consent: bool = True
    selected_by_head: bool = True
    died_on: str | None = None
    women_priority: bool = False
    complete: tuple[str, ...] = ()

    @property
    def unit(self) -> UnitSpec:
        return next(u for u in UNITS if u.code == self.id[:2])

    def to_json(self) -> Doc:
        doc: Doc = {"id": self.id, "unit": self.unit.name, "name": self.name, "kind": self.kind,
                    "fields": list(self.fields), "consent": self.consent,
                    "selected_by_head": self.selected_by_head}  # fmt: skip
        if self.died_on is not None:
            doc["died_on"] = self.died_on
        if self.women_priority:
            doc["women_priority"] = True
        if self.complete:
            doc["complete"] = list(self.complete)
        doc["evidence"] = list(self.evidence)
        return doc


def _u(code: str) -> UnitSpec:
    return next(u for u in UNITS if u.code == code)


YS, SD, HY, CH, NH, LB, TP = (_u(c) for c in ("YS", "SD", "HY", "CH", "NH", "LB", "TP"))
GD, YT, KH, CA, ND, NV = (_u(c) for c in ("GD", "YT", "KH", "CA", "ND", "NV"))

NOMINATIONS: Final = (
    # ---- UBND huyện Yên Sơn
    Spec("YS01", "collective", "Hợp tác xã chè Mỹ Bằng", ("agriculture",), (
        *general(YS, "Doanh thu năm 2024 tăng 18% so với năm 2023; tạo việc làm ổn định cho 46 lao động.",
                 initiative("Quy trình chế biến chè xanh hữu cơ", "Hội đồng sáng kiến huyện Yên Sơn", "district", "2024-06-14", "Quyết định số 1456/QĐ-UBND"),
                 "Ủng hộ 120 triệu đồng xây nhà Đại đoàn kết cho hộ nghèo xã Mỹ Bằng."),
        {"type": "ocop", "product": "Chè xanh Mỹ Bằng", "stars": 4, "date": "2024-05-10", "issuer": "UBND tỉnh Tuyên Quang", "ref": "Quyết định số 512/QĐ-UBND"},
    ), "recognised", 19),
    Spec("YS02", "individual", "Ông Hoàng Văn Quý, Trưởng thôn Đồng Quảng, xã Trung Sơn", ("social-life",), (
        *general(YS, "Hoàn thành xuất sắc nhiệm vụ Trưởng thôn năm 2024; thôn đạt chuẩn nông thôn mới kiểu mẫu.",
                 "Vận động nhân dân hiến đất làm đường liên thôn theo cách “Nhà nước hỗ trợ xi măng, nhân dân góp đất, góp công”.",
                 "Tích cực tham gia ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi)."),
        {"type": "contribution", "kind": "land", "amount": 420, "unit": "m²", "purpose": "site_clearance", "date": "2024-03-18", "recipient": "Dự án đường cao tốc Tuyên Quang – Hà Giang"},
    ), "recognised", 19),
    Spec("YS03", "collective", "Trường THCS Lang Quán", ("education",), (
        *general(YS, "Tỷ lệ học sinh lên lớp 100%; chất lượng giáo dục mũi nhọn đứng đầu huyện.",
                 "Mô hình “Câu lạc bộ Toán tuổi thơ” liên trường, nhân rộng ra 6 trường trong huyện.",
                 "Vận động quyên góp 3.000 bộ sách giáo khoa cho học sinh vùng khó khăn."),
        {"type": "award", "level": "province", "field": "education", "category": "competition", "date": "2024-03-22", "issuer": "Sở Giáo dục và Đào tạo tỉnh Tuyên Quang", "name": "Giải Nhì môn Toán, kỳ thi chọn học sinh giỏi lớp 9 cấp tỉnh"},
    ), "not_recognised", 17),
    Spec("YS04", "collective", "Hợp tác xã bưởi Soi Hà", ("agriculture",), (
        *general(YS, "Mở rộng vùng trồng bưởi lên 35 ha; doanh thu năm 2024 đạt 4,2 tỷ đồng.",
                 initiative("Bao trái bưởi bằng túi giấy chống sâu bệnh", "Hội đồng sáng kiến huyện Yên Sơn", "district", "2024-04-25", "Quyết định số 987/QĐ-UBND"),
                 "Hỗ trợ cây giống cho 12 hộ nghèo xã Xuân Vân."),
        {"type": "ocop", "product": "Bưởi Soi Hà", "stars": 2, "date": "2024-08-30", "issuer": "UBND huyện Yên Sơn"},
    ), "ineligible", complete=("attestation", "certificate", "ocop")),
    # ---- UBND huyện Sơn Dương
    Spec("SD01", "collective", "Ban Quản lý Khu di tích quốc gia đặc biệt Tân Trào", ("culture-sport",), (
        *general(SD, "Đón hơn 1,2 triệu lượt khách năm 2024, tăng 20% so với năm 2023.",
                 "Mô hình thuyết minh di tích bằng mã QR đa ngôn ngữ.",
                 "Tổ chức 24 đợt tặng quà gia đình chính sách trên địa bàn xã Tân Trào."),
        att("TQ-3.2h.achievement", SD, "Tổ chức thành công Lễ kỷ niệm 79 năm Quốc dân Đại hội Tân Trào; quảng bá du lịch lịch sử Tân Trào."),
    ), "recognised", 19),
    Spec("SD02", "individual", "Bà Hà Thị Lan, Chi hội trưởng Chi hội Phụ nữ thôn Cầu Treo, xã Hồng Lạc", ("social-life", "poverty-social-security"), (
        *general(SD, "Chi hội Phụ nữ thôn Cầu Treo xếp loại xuất sắc năm 2024.",
                 "Mô hình “Tổ tiết kiệm tín dụng vì phụ nữ nghèo” giúp 17 hộ thoát nghèo.",
                 "Vận động xây 3 nhà Mái ấm tình thương cho phụ nữ nghèo."),
        att("TQ-3.2q.culture", SD, "Gương mẫu xây dựng đời sống văn hóa ở khu dân cư; tích cực bảo vệ môi trường, phòng chống thiên tai."),
        {"type": "title", "title": "exemplary_citizen", "year": 2024, "issuer": "UBND tỉnh Tuyên Quang", "date": "2024-09-02", "ref": "Quyết định số 880/QĐ-UBND"},
    ), "recognised", 19, women_priority=True),
    Spec("SD03", "individual", "Anh Nguyễn Văn Toàn, chủ trang trại keo, xã Minh Thanh", ("labour-production-business",), (
        *general(SD, "Trang trại 60 ha keo và chăn nuôi, doanh thu 3,5 tỷ đồng năm 2024.",
                 "Mô hình trồng keo gỗ lớn kết hợp nuôi ong dưới tán rừng.",
                 "Tặng 200 suất quà Tết cho hộ nghèo xã Minh Thanh."),
        att("TQ-3.2p.achievement", SD, "Thành tích xuất sắc trong sản xuất, kinh doanh; tạo việc làm cho 25 lao động địa phương."),
    ), "not_recognised", 16),
    Spec("SD04", "collective", "Bộ phận Tiếp nhận và Trả kết quả UBND huyện Sơn Dương", ("administrative-reform",), (
        *general(SD, "100% hồ sơ thủ tục hành chính được giải quyết đúng hạn năm 2024.",
                 initiative("Tiếp nhận hồ sơ trực tuyến một bước", "Hội đồng sáng kiến huyện Sơn Dương", "district", "2024-04-02", "Quyết định số 123/QĐ-UBND"),
                 "Tham gia quyên góp ủng hộ Quỹ Vì người nghèo huyện."),
        att("TQ-3.2l", SD, "Chỉ số hài lòng của người dân đạt 98,6%, dẫn đầu các huyện."),
    ), "incomplete"),
    # ---- UBND huyện Hàm Yên
    Spec("HY01", "collective", "Hợp tác xã cam sành Phù Lưu", ("agriculture",), (
        *general(HY, "Sản lượng cam năm 2024 đạt 1.800 tấn; liên kết tiêu thụ với 3 doanh nghiệp.",
                 initiative("Tưới nhỏ giọt kết hợp bón phân cho cam sành", "Hội đồng sáng kiến huyện Hàm Yên", "district", "2024-05-16", "Quyết định số 745/QĐ-UBND"),
                 "Ủng hộ 80 triệu đồng khắc phục hậu quả bão số 3."),
        {"type": "ocop", "product": "Cam sành Hàm Yên", "stars": 4, "date": "2024-01-26", "issuer": "UBND tỉnh Tuyên Quang"},
        {"type": "certificate", "scheme": "vietgap", "subject": "Vùng cam 42 ha", "date": "2023-11-15", "issuer": "Trung tâm Chứng nhận phù hợp QUACERT", "expires": "2026-11-14"},
    ), "not_recognised", 18),
    Spec("HY02", "individual", "Ông Triệu Văn Sơn, thôn Khuôn Khán, xã Yên Thuận", ("poverty-social-security",), (
        *general(HY, "Phát triển kinh tế gia đình từ hộ nghèo thành hộ khá với thu nhập 180 triệu đồng/năm.",
                 "Mô hình nuôi lợn đen bản địa kết hợp trồng quế.",
                 "Giúp 5 hộ trong thôn giống và kỹ thuật để thoát nghèo."),
        {"type": "attestation", "criterion": "TQ-3.2n.escape", "authority": "UBND xã Yên Thuận", "signer": "Chủ tịch UBND xã Yên Thuận", "date": "2024-09-30", "statement": "Là tấm gương tiêu biểu vươn lên thoát nghèo bền vững."},
    ), "not_recognised", 15),
    Spec("HY03", "individual", "Ông Hoàng Văn Hưng, Xã đội trưởng xã Thái Sơn", ("defence-security",), (
        *general(HY, "Chỉ huy lực lượng dân quân xã cứu hộ 37 hộ dân bị cô lập trong lũ tháng 9/2024.",
                 "Cách làm “Tổ dân quân thường trực theo cụm dân cư” trong mùa mưa lũ.",
                 "Tham gia ủng hộ đồng bào bị thiệt hại do bão số 3."),
        att("TQ-3.2m.disasters", HY, "Dũng cảm tham gia phòng, chống thiên tai, cứu hộ, cứu nạn trong bão số 3 (Yagi)."),
    ), "ineligible", died_on="2024-11-08"),
    # ---- UBND huyện Chiêm Hóa
    Spec("CH01", "collective", "Trạm Y tế xã Kim Bình", ("health",), (
        *general(CH, "Đạt Bộ tiêu chí quốc gia về y tế xã; tỷ lệ tiêm chủng đầy đủ 99%.",
                 "Mô hình khám chữa bệnh từ xa kết nối với Bệnh viện Đa khoa huyện.",
                 "Khám, cấp thuốc miễn phí cho 600 lượt người cao tuổi."),
        att("TQ-3.2e.care", CH, "Thành tích xuất sắc trong công tác y tế cơ sở; chuyên môn vững vàng gắn liền với y đức tốt."),
        att("TQ-3.2e.system", CH, "Tham gia xây dựng mạng lưới y tế cơ sở công bằng, chất lượng, hiệu quả."),
    ), "recognised", 19),
    Spec("CH02", "individual", "Bà Quan Thị Nhung, nghệ nhân hát Then, xã Phúc Sơn", ("ethnic-religious",), (
        *general(CH, "Truyền dạy hát Then, đàn Tính cho hơn 150 học viên.",
                 "Mô hình câu lạc bộ hát Then trong trường học.",
                 "Tham gia biểu diễn gây quỹ hỗ trợ học sinh nghèo."),
        att("TQ-3.2o.customs", CH, "Người tiêu biểu trong giữ gìn, phát huy bản sắc văn hóa dân tộc Tày."),
        att("TQ-3.2o.movements", CH, "Tích cực tham gia các cuộc vận động, phong trào thi đua ở địa phương."),
        att("TQ-3.2o.community", CH, "Nhiều đóng góp thiết thực cho cộng đồng, xã hội."),
    ), "recognised", 19, women_priority=True),
    Spec("CH03", "individual", "Anh Ma Văn Duy, vận động viên đẩy gậy, xã Yên Nguyên", ("culture-sport",), (
        *general(CH, "Đạt Huy chương Vàng môn Đẩy gậy, Đại hội Thể dục thể thao tỉnh năm 2024.",
                 "Cách làm “vận động viên hướng dẫn thanh niên thôn tập luyện” tại nhà văn hóa.",
                 "Tham gia các hoạt động thiện nguyện của Đoàn Thanh niên xã."),
        {"type": "award", "level": "province", "field": "sport", "category": "competition", "date": "2024-07-20", "issuer": "UBND tỉnh Tuyên Quang", "name": "Huy chương Vàng môn Đẩy gậy, Đại hội TDTT tỉnh lần thứ IX"},
        {"type": "award", "level": "district", "field": "sport", "category": "competition", "date": "2023-08-12", "issuer": "UBND huyện Chiêm Hóa", "name": "Giải Nhất Đẩy gậy, Hội khỏe Phù Đổng huyện (trước khoảng tính thành tích)"},
    ), "not_recognised", 14),
    # ---- UBND huyện Na Hang
    Spec("NH01", "collective", "Hợp tác xã chè Shan tuyết Khau Mút", ("agriculture",), (
        *general(NH, "Bảo tồn và khai thác bền vững 120 ha chè Shan tuyết cổ thụ.",
                 initiative("Chế biến chè Shan tuyết theo phương pháp thủ công cải tiến", "Hội đồng sáng kiến huyện Na Hang", "district", "2024-03-08", "Quyết định số 402/QĐ-UBND"),
                 "Hỗ trợ 30 hộ đồng bào Dao trồng mới chè Shan tuyết."),
        {"type": "ocop", "product": "Chè Shan tuyết Khau Mút", "stars": 3, "date": "2024-02-20", "issuer": "UBND tỉnh Tuyên Quang"},
    ), "not_recognised", 18),
    Spec("NH02", "individual", "Ông Nông Văn Thắng, Bí thư Chi bộ thôn Bản Tùn, xã Yên Hoa", ("party-building",), (
        *general(NH, "Chi bộ thôn hoàn thành xuất sắc nhiệm vụ năm 2024.",
                 "Cách làm “Chi bộ họp định kỳ tại nhà văn hóa có mời đại diện các hộ”.",
                 "Vận động xây dựng 2 nhà Đại đoàn kết."),
        att("TQ-3.2a.building", NH, "Thành tích xuất sắc trong xây dựng chi bộ trong sạch, vững mạnh."),
        att("TQ-3.2a.integrity", NH, "Dám nghĩ, dám làm; điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
    ), "ineligible", consent=False),
    Spec("NH03", "collective", "Hạt Kiểm lâm Khu bảo tồn thiên nhiên Na Hang – Lâm Bình", ("agriculture",), (
        *general(NH, "Không để xảy ra cháy rừng; giữ ổn định 40.000 ha rừng đặc dụng.",
                 "Mô hình tuần tra rừng có sự tham gia của cộng đồng thôn bản.",
                 "Hỗ trợ gạo cứu đói cho hộ dân vùng lõi khu bảo tồn."),
        att("TQ-3.2c.forestry", NH, "Tiêu biểu trong quản lý, bảo vệ và phát triển rừng đặc dụng."),
    ), "not_recognised", 17),
    # ---- UBND huyện Lâm Bình
    Spec("LB01", "individual", "Cô Lò Thị Hoa, giáo viên Trường PTDTBT Tiểu học Phúc Yên", ("education",), (
        *general(LB, "12 năm công tác ở điểm trường Khuổi Kẹn; 100% học sinh lớp chủ nhiệm hoàn thành chương trình.",
                 "Cách làm “Bữa sáng yêu thương” giữ học sinh dân tộc Mông đến lớp đều.",
                 "Vận động quyên góp áo ấm, sách vở cho học sinh vùng cao."),
        att("TQ-3.2đ.teaching", LB, "Thành tích xuất sắc trong giảng dạy học sinh dân tộc thiểu số vùng đặc biệt khó khăn."),
    ), "recognised", 18, women_priority=True),
    Spec("LB02", "collective", "Hợp tác xã du lịch cộng đồng Nặm Đăm", ("culture-sport",), (
        *general(LB, "Đón 15.000 lượt khách năm 2024; 18 hộ làm homestay.",
                 "Mô hình du lịch cộng đồng gắn với bảo tồn nhà sàn của người Dao.",
                 "Trích 5% doanh thu hỗ trợ hộ nghèo trong thôn."),
        att("TQ-3.2h.achievement", LB, "Thành tích xuất sắc trong kinh doanh dịch vụ du lịch cộng đồng."),
    ), "not_recognised", 13),
    Spec("LB03", "individual", "Ông Bàn Văn Tiến, Trưởng thôn Khau Quang, xã Thượng Lâm", ("poverty-social-security",), (
        *general(LB, "Thôn giảm 9 hộ nghèo trong năm 2024.",
                 "Cách làm “mỗi hộ khá kèm một hộ nghèo”.",
                 "Ủng hộ ngày công, vật liệu sửa nhà cho hộ khó khăn."),
        att("TQ-3.2n.reduction", LB, "Thành tích xuất sắc trong công tác giảm nghèo ở thôn."),
        att("TQ-3.2n.charity", LB, "Nhiều đóng góp thiết thực giúp người nghèo."),
    ), "not_recognised", 12),
    # ---- UBND thành phố Tuyên Quang
    Spec("TP01", "collective", "Chi cục Thuế khu vực Thành phố Tuyên Quang – Yên Sơn", ("finance",), (
        *general(TP, "Thu ngân sách năm 2024 đạt 126% dự toán.",
                 initiative("Hóa đơn điện tử khởi tạo từ máy tính tiền cho hộ kinh doanh", "Cục Thuế tỉnh Tuyên Quang", "province", "2024-07-05", "Quyết định số 311/QĐ-CT"),
                 "Ủng hộ Quỹ Vì người nghèo thành phố."),
        att("TQ-3.2d.budget", TP, "Thực hiện tốt nhiệm vụ thu ngân sách nhà nước đảm bảo hiệu quả, đúng quy định."),
    ), "recognised", 19),
    Spec("TP02", "collective", "Công ty Cổ phần Xây dựng Giao thông Tuyên Quang", ("industry-trade",), (
        *general(TP, "Hoàn thành trước tiến độ 2 gói thầu đường cao tốc Tuyên Quang – Hà Giang.",
                 "Thi công mặt đường bê tông nhựa bằng dây chuyền tự động.",
                 "Hỗ trợ sửa chữa đường vào bản sau bão số 3."),
        att("TQ-3.2b.works", TP, "Quản lý, xây dựng công trình đảm bảo tiến độ, chất lượng, hiệu quả vốn đầu tư công."),
        att("TQ-3.2b.thrift", TP, "Phát huy sáng kiến, thực hành tiết kiệm, chống lãng phí."),
        att("TQ-3.2b.technology", TP, "Ứng dụng khoa học và công nghệ trong thi công."),
    ), "not_recognised", 16),
    Spec("TP03", "individual", "Anh Phạm Đức Anh, Trung tâm Chuyển đổi số thành phố", ("information-communications",), (
        *general(TP, "Xây dựng nền tảng phản ánh hiện trường của thành phố.",
                 "Mô hình “Tổ công nghệ số cộng đồng” ở tổ dân phố.",
                 "Hướng dẫn người cao tuổi cài đặt ứng dụng dịch vụ công."),
        att("TQ-3.2i.achievement", TP, "Thành tích xuất sắc trong chuyển đổi số."),
    ), "ineligible", selected_by_head=False),
    Spec("TP04", "collective", "Bộ phận Một cửa UBND phường Phan Thiết", ("administrative-reform",), (
        *general(TP, "Giải quyết 100% hồ sơ đúng hạn; 92% hồ sơ trực tuyến toàn trình.",
                 "Mô hình “Cà phê số” hướng dẫn người dân làm thủ tục trực tuyến.",
                 "Tham gia ủng hộ Quỹ Vì người nghèo phường."),
        att("TQ-3.2l", TP, "Thành tích xuất sắc trong cải cách hành chính cấp phường."),
    ), "recognised", 19),
    # ---- Sở Giáo dục và Đào tạo
    Spec("GD01", "collective", "Trường THPT Chuyên Tuyên Quang", ("education",), (
        *general(GD, "14 học sinh đạt giải trong kỳ thi chọn học sinh giỏi quốc gia năm học 2023–2024.",
                 "Mô hình dạy học STEM gắn với di sản địa phương.",
                 "Quỹ học bổng “Tiếp sức đến trường” trao 80 suất học bổng."),
        {"type": "award", "level": "national", "field": "education", "category": "competition", "date": "2024-02-28", "issuer": "Bộ Giáo dục và Đào tạo", "name": "Giải Nhì môn Hóa học, kỳ thi chọn học sinh giỏi quốc gia THPT 2024"},
    ), "recognised", 19),
    Spec("GD02", "individual", "Thầy Nguyễn Mạnh Hùng, giáo viên Trường THPT Hàm Yên", ("education",), (
        *general(GD, "Bồi dưỡng 6 học sinh đạt giải học sinh giỏi cấp tỉnh.",
                 initiative("Dạy học Vật lý qua thí nghiệm tự làm", "Hội đồng sáng kiến ngành Giáo dục tỉnh", "province", "2024-05-30", "Quyết định số 640/QĐ-SGDĐT"),
                 "Tham gia dạy phụ đạo miễn phí cho học sinh khó khăn."),
        att("TQ-3.2đ.teaching", GD, "Thành tích xuất sắc trong giảng dạy môn Vật lý."),
    ), "not_recognised", 15),
    Spec("GD03", "individual", "Em Trần Minh Khôi, học sinh lớp 12 Trường THPT Chuyên Tuyên Quang", ("education",), (
        *general(GD, "Học sinh xuất sắc toàn diện năm học 2023–2024.",
                 "Sáng lập câu lạc bộ Tin học giúp học sinh lớp dưới.",
                 "Tình nguyện dạy tin học cho thiếu nhi ở nhà văn hóa tổ dân phố."),
        {"type": "award", "level": "national", "field": "education", "category": "competition", "date": "2024-02-28", "issuer": "Bộ Giáo dục và Đào tạo", "name": "Giải Ba môn Tin học, kỳ thi chọn học sinh giỏi quốc gia THPT 2024"},
    ), "not_recognised", 16),
    Spec("GD04", "individual", "Cô Đặng Thị Thu, Hiệu trưởng Trường Mầm non Hoa Sen", ("education",), (
        # The attestation of TQ-3.1d is not in the dossier: the round asks for it.
        *general(GD, "Trường đạt chuẩn quốc gia mức độ 2 năm 2024.",
                 "Mô hình “Trường mầm non lấy trẻ làm trung tâm”.", "", skip_d=True),
        att("TQ-3.2đ.quality", GD, "Thành tích xuất sắc trong nâng cao chất lượng giáo dục mầm non."),
    ), "incomplete", women_priority=True),
    # ---- Sở Y tế
    Spec("YT01", "collective", "Khoa Hồi sức tích cực – Chống độc, Bệnh viện Đa khoa tỉnh", ("health",), (
        *general(YT, "Cứu sống nhiều ca bệnh nặng; triển khai kỹ thuật lọc máu liên tục (ECMO hỗ trợ).",
                 initiative("Quy trình phối hợp cấp cứu ngừng tuần hoàn liên khoa", "Hội đồng khoa học Sở Y tế", "province", "2024-06-20", "Quyết định số 455/QĐ-SYT"),
                 "Hiến máu tình nguyện 120 đơn vị."),
        att("TQ-3.2e.care", YT, "Chuyên môn vững vàng gắn liền với y đức tốt."),
        att("TQ-3.2e.system", YT, "Tham gia xây dựng hệ thống y tế chất lượng, hiệu quả."),
    ), "recognised", 19),
    Spec("YT02", "individual", "BSCKII Phạm Thị Thu Hà, Trung tâm Kiểm soát bệnh tật tỉnh", ("health",), (
        *general(YT, "Chỉ đạo phòng, chống dịch sau bão số 3, không để dịch bùng phát.",
                 initiative("Bản đồ số giám sát ổ dịch sốt xuất huyết", "Hội đồng khoa học Sở Y tế", "province", "2024-08-15", "Quyết định số 602/QĐ-SYT"),
                 "Tham gia khám bệnh miễn phí cho đồng bào vùng lũ."),
        att("TQ-3.2e.care", YT, "Thành tích xuất sắc trong y tế dự phòng."),
        att("TQ-3.2e.system", YT, "Tham gia xây dựng hệ thống y tế dự phòng hiệu quả."),
    ), "recognised", 19, women_priority=True),
    Spec("YT03", "individual", "Điều dưỡng Nguyễn Thị Mai, Trung tâm Y tế huyện Na Hang", ("health",), (
        *general(YT, "Hoàn thành xuất sắc nhiệm vụ năm 2024.",
                 "Cách làm “gọi điện nhắc lịch tái khám” cho bệnh nhân mạn tính.",
                 "Tham gia hiến máu tình nguyện 12 lần."),
        att("TQ-3.2e.care", YT, "Y đức tốt, tận tụy với người bệnh."),
        att("TQ-3.2e.system", YT, "Tham gia xây dựng y tế cơ sở."),
    ), "not_recognised", 11, women_priority=True),
    # ---- Sở Khoa học và Công nghệ
    Spec("KH01", "individual", "TS. Hoàng Thị Thu Hương, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", ("science-technology",), (
        *general(KH, "Chủ nhiệm 2 đề tài cấp tỉnh nghiệm thu năm 2024.",
                 "Chuyển giao quy trình nhân giống cam sành sạch bệnh cho 4 hợp tác xã.",
                 "Tham gia tư vấn kỹ thuật miễn phí cho nông dân."),
        {"type": "project", "name": "Nhân giống cam sành sạch bệnh bằng vi ghép đỉnh sinh trưởng", "level": "province", "rating": "excellent", "date": "2024-09-12", "ref": "Quyết định số 702/QĐ-SKHCN"},
    ), "recognised", 19, women_priority=True),
    Spec("KH02", "individual", "Kỹ sư Đặng Văn Dũng, Công ty TNHH Cơ khí Tân Thành", ("science-technology",), (
        *general(KH, "Chế tạo thành công máy sấy chè tiết kiệm năng lượng.",
                 "Cải tiến dây chuyền vò chè cho 3 hợp tác xã.",
                 "Tặng máy sấy cho tổ hợp tác của hộ nghèo."),
        # Whether the invention is applied in practice is not stated: the round asks (TQ-3.2g).
        {"type": "invention", "name": "Máy sấy chè tiết kiệm năng lượng", "protection": "Bằng độc quyền giải pháp hữu ích số 2-0003456", "date": "2024-06-30", "applied": None},
    ), "incomplete", complete=("award", "project")),
    Spec("KH03", "collective", "Công ty Cổ phần Giống cây trồng Tuyên Quang", ("science-technology",), (
        *general(KH, "Cung ứng 2 triệu cây giống keo mô năm 2024.",
                 "Vườn ươm công nghệ cao tưới tự động.",
                 "Tặng cây giống cho hộ nghèo sau bão số 3."),
        {"type": "award", "level": "province", "field": "science_technology", "category": "prize", "date": "2024-05-18", "issuer": "UBND tỉnh Tuyên Quang", "name": "Giải Ba, Hội thi Sáng tạo kỹ thuật tỉnh lần thứ XII"},
    ), "not_recognised", 10),
    # ---- Công an tỉnh
    Spec("CA01", "collective", "Phòng Cảnh sát hình sự, Công an tỉnh", ("defence-security",), (
        *general(CA, "Điều tra làm rõ 98% vụ án nghiêm trọng, đặc biệt nghiêm trọng.",
                 "Mô hình phối hợp truy bắt đối tượng truy nã liên tỉnh.",
                 "Xây tặng 1 nhà Nghĩa tình đồng đội."),
        att("TQ-3.2m.crime", CA, "Thành tích xuất sắc trong đấu tranh phòng, chống tội phạm."),
    ), "recognised", 19),
    Spec("CA02", "individual", "Thiếu tá Nguyễn Văn Hải, Trưởng Công an xã Phúc Ninh", ("defence-security",), (
        *general(CA, "Xã không có tội phạm nghiêm trọng năm 2024.",
                 "Mô hình “Camera an ninh” do nhân dân đóng góp.",
                 "Tham gia ủng hộ người dân vùng lũ."),
        att("TQ-3.2m.crime", CA, "Giữ vững an ninh chính trị, trật tự an toàn xã hội ở địa bàn."),
    ), "not_recognised", 9),
    Spec("CA03", "collective", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Công an tỉnh", ("defence-security",), (
        *general(CA, "Cứu nạn, cứu hộ 412 người trong bão số 3 (Yagi) tháng 9/2024.",
                 "Mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy”.",
                 "Hỗ trợ người dân khắc phục hậu quả lũ lụt."),
        att("TQ-3.2m.disasters", CA, "Thành tích xuất sắc trong phòng, chống thiên tai, cứu nạn, cứu hộ."),
    ), "recognised", 19),
    # ---- Hội Nông dân tỉnh (dossier received late)
    Spec("ND01", "individual", "Ông Ma Văn Thành, nông dân sản xuất, kinh doanh giỏi, xã Hòa Phú", ("agriculture", "labour-production-business"), (
        *general(ND, "Thu nhập 1,2 tỷ đồng năm 2024 từ trồng cam và nuôi cá.",
                 "Mô hình kinh tế vườn – ao – chuồng khép kín.",
                 "Ủng hộ xây cầu dân sinh thôn Khuôn Thẳm."),
        att("TQ-3.2p.achievement", ND, "Thành tích xuất sắc trong sản xuất, kinh doanh."),
    ), "ineligible"),
    Spec("ND02", "collective", "Chi hội Nông dân thôn Đồng Giàn, xã Thắng Quân", ("poverty-social-security",), (
        *general(ND, "Giúp 11 hội viên thoát nghèo trong năm 2024.",
                 "Mô hình “Tổ hợp tác chăn nuôi bò sinh sản” của hội viên.",
                 "Quyên góp 40 triệu đồng hỗ trợ hội viên bị thiệt hại do lũ."),
        att("TQ-3.2n.reduction", ND, "Thành tích xuất sắc trong giảm nghèo."),
        att("TQ-3.2n.charity", ND, "Nhiều đóng góp thiết thực giúp hội viên nghèo."),
    ), "ineligible"),
    # ---- Sở Ngoại vụ
    Spec("NV01", "collective", "Phòng Hợp tác quốc tế, Sở Ngoại vụ", ("foreign-affairs",), (
        *general(NV, "Tham mưu ký kết 3 thỏa thuận hợp tác với địa phương nước ngoài.",
                 "Mô hình kết nối doanh nghiệp với đối tác nước ngoài qua nền tảng số.",
                 "Vận động tài trợ nước ngoài 2 điểm trường vùng cao."),
        att("TQ-3.2k", NV, "Thành tích xuất sắc trong công tác đối ngoại năm 2024."),
    ), "not_recognised", 17),
)  # fmt: skip

INTENDED: Final = {s.id: s.intended for s in NOMINATIONS}
"""The final outcome of each nomination, once the chair has chosen."""

INTENDED_BEFORE_CHAIR: Final = {
    s.id: ("awaiting_chair" if s.approvals == 18 else s.intended) for s in NOMINATIONS
}
"""The outcome while the tie at the last slot awaits the chair."""


# -- the document ------------------------------------------------------------------------------


def _non_approvers(index: int, approvals: int) -> set[str]:
    """Which members withhold approval from nomination ``index``: a fixed rotation, no randomness."""
    voters = [m for m in MEMBERS if m != CHAIR]  # the chair approves every nominee on the ballot
    start = (index * 7) % len(voters)
    return {voters[(start + k) % len(voters)] for k in range(len(MEMBERS) - approvals)}


def build_round() -> Doc:
    """The round input document (``the round-input schema``), without the chair's choice."""
    on_ballot = [(i, s) for i, s in enumerate(NOMINATIONS) if s.approvals is not None]
    withheld = {
        s.id: _non_approvers(i, s.approvals) for i, s in on_ballot if s.approvals is not None
    }
    ballots = []
    for member in MEMBERS:
        ballot: Doc = {
            "member": member,
            "approve": [s.id for _, s in on_ballot if member not in withheld[s.id]],
        }
        if member in WRITTEN:
            ballot["cast"] = "written"
        ballots.append(ballot)
    dossiers = []
    for u in UNITS:
        ids = [s.id for s in NOMINATIONS if s.unit is u]
        dossiers.append(
            {
                "unit": u.name,
                "received": u.received,
                "submission_letter": True,
                "council_minutes": True,
                "reports": [i for i in ids if i not in MISSING_REPORTS],
                "unit_considered_on": u.considered_on,
            }
        )
    units: list[Doc] = [{"id": u.name, "scope": u.scope, "recognised": u.recognised} for u in UNITS]
    units += [
        {"id": name, "scope": "commune-people-committee", "recognised": n} for name, n in COMMUNES
    ]
    return {
        "ruleset": "tuyen-quang-2023",
        "level": "province",
        "council": {"members": list(MEMBERS), "chair": CHAIR},
        "considered_on": CONSIDERED_ON,
        "decided_on": DECIDED_ON,
        "nominations": [s.to_json() for s in NOMINATIONS],
        "dossiers": dossiers,
        "ballots": ballots,
        "exemplary_citizens": list(EXEMPLARY_CITIZENS),
        "national_pool_size": NATIONAL_POOL_SIZE,
        "units": units,
    }  # fmt: skip


def build_chair() -> Doc:
    """The chair's choice from the tie at the 15th slot, applied by the demo after showing the tie."""
    return {"chair_choice": list(CHAIR_CHOICE)}


def dumps(value: Any, indent: int = 0) -> str:
    """JSON with small objects and short lists on one line: one evidence item, one ballot per line."""
    flat = json.dumps(value, ensure_ascii=False)
    nested = isinstance(value, dict | list) and any(isinstance(v, dict | list) and v for v in
                                                     (value.values() if isinstance(value, dict) else value))  # fmt: skip
    if not nested or (isinstance(value, dict) and len(flat) <= 100):
        return flat
    pad = "  " * (indent + 1)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    return (
        "[\n" + ",\n".join(pad + dumps(v, indent + 1) for v in value) + "\n" + "  " * indent + "]"
    )


def files() -> dict[str, str]:
    """The shipped files by name, as text."""
    return {ROUND_FILE: dumps(build_round()) + "\n", CHAIR_FILE: dumps(build_chair()) + "\n"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare with the shipped files; exit 1 on a difference",
    )
    parser.add_argument(
        "--out", type=Path, default=DATA, help=f"directory to write to (default {DATA})"
    )
    args = parser.parse_args(argv)
    stale = []
    for name, text in files().items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run examples/make_demo_data.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
