"""The register of readings chosen where the documents are ambiguous (A-1, A-2, …).

Each :class:`Interpretation` names an ambiguity of the specification, the
reading the library takes by default and the alternatives a caller may choose.
A computation takes a :class:`Readings` (the caller's choices, defaults for
the rest) and its result lists the :class:`UsedReading` entries it relied on,
so a reviewer sees which reading produced which outcome.

>>> r = Readings().choose("A-1", "inclusive")
>>> r["A-1"], r["A-5"]
('inclusive', 'remaining-slots')
>>> Readings().choose("A-1", "lenient")
Traceback (most recent call last):
...
dienhinh._errors.InvalidValueError: readings['A-1']='lenient': is not a reading of A-1; allowed: strict, inclusive
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from dienhinh._batch import remember
from dienhinh._errors import (
    InvalidTypeError,
    InvalidValueError,
    UnknownInterpretationError,
    describe,
)
from dienhinh._frozen import frozen
from dienhinh._text import did_you_mean

__all__ = ["INTERPRETATIONS", "Interpretation", "Reading", "Readings", "UsedReading"]


@frozen
class Reading:
    """One way of reading an ambiguous provision."""

    name: str
    en: str
    vi: str


@frozen
class Interpretation:
    """An ambiguity of the documents, with its default reading and the alternatives."""

    id: str
    title: str
    rules: tuple[str, ...]
    question: str
    readings: tuple[Reading, ...]

    @property
    def default(self) -> str:
        """The first reading is the default."""
        return self.readings[0].name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.readings)

    def reading(self, name: str) -> Reading:
        for r in self.readings:
            if r.name == name:
                return r
        raise InvalidValueError(
            f"is not a reading of {self.id}",
            field=f"readings[{self.id!r}]",
            value=name,
            allowed=", ".join(self.names),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "rules": list(self.rules),
            "question": self.question,
            "default": self.default,
            "readings": [attrs.asdict(r) for r in self.readings],
        }


def _i(
    id: str, title: str, rules: str, question: str, *readings: tuple[str, str, str]
) -> Interpretation:
    return Interpretation(
        id=id,
        title=title,
        rules=tuple(rules.split()),
        question=question,
        readings=tuple(Reading(*r) for r in readings),
    )


_REGISTER: tuple[Interpretation, ...] = (
    _i(
        "A-1",
        "“trước ngày X”: strictly before, or no later than",
        "TQ-6.1a TQ-6.1b TQ-8.3b",
        "Is a dossier or consideration dated on day X itself on time?",
        (
            "strict",
            "Strictly before X: the last day on time is the day before X.",
            "Trước ngày X theo nghĩa chặt: ngày cuối cùng hợp lệ là ngày liền trước X.",
        ),
        (
            "inclusive",
            "No later than X: day X itself is on time.",
            "Không muộn hơn ngày X: chính ngày X vẫn đúng hạn.",
        ),
    ),
    _i(
        "A-2",
        "The window's end: “thời điểm xét tặng”",
        "TQ-3.3",
        "Which date ends the achievement window?",
        (
            "meeting-date",
            "The date the council actually considers (an input to the computation).",
            "Ngày Hội đồng thực tế họp xét (một dữ liệu đầu vào).",
        ),
        (
            "deadline-date",
            "The last day of the level's consideration deadline (TQ-6.1).",
            "Ngày cuối cùng của thời hạn xét theo cấp (TQ-6.1).",
        ),
    ),
    _i(
        "A-3",
        "The window as one year (the emulation year) or as the literal interval",
        "TQ-3.3",
        "TQ-3.3 says both “trong thời gian 01 năm” and “tính từ ngày 01/10 năm trước đến thời "
        "điểm xét tặng”: does the window stop at the end of the one-year emulation year, or run "
        "on to the consideration date?",
        (
            "emulation-year",
            "One year: from 01/10 of the previous year to the earlier of the consideration date and "
            "30/09 (the emulation year 01/10 → 30/09, capped at the consideration date).",
            "Trong thời gian 01 năm: từ ngày 01/10 năm trước đến thời điểm xét tặng, nhưng không "
            "quá ngày 30/09 (năm thi đua 01/10 → 30/09).",
        ),
        (
            "literal",
            "From 01/10 of the previous year to the consideration date, however long (14–15 months "
            "for a December consideration); a record using such a window says it is longer than a "
            "year.",
            "Từ ngày 01/10 năm trước đến thời điểm xét tặng, kể cả khi dài hơn 01 năm (bản ghi nêu "
            "rõ khoảng thời gian dài hơn 01 năm).",
        ),
    ),
    _i(
        "A-4",
        "“năm trước” when the consideration date falls before 01/10",
        "TQ-3.3",
        "Which 01/10 starts the window for a consideration date in January–September?",
        (
            "calendar-year",
            "01/10 of the calendar year before the consideration date's year.",
            "Ngày 01/10 của năm dương lịch liền trước năm của thời điểm xét tặng.",
        ),
        (
            "previous-emulation-year",
            "01/10 that opened the emulation year before the current one (two calendar years back "
            "for dates before 01/10). With A-3 “emulation-year” (the default) a consideration in "
            "January–September is judged on the whole previous emulation year, not on the months "
            "just before it; with A-3 “literal” it gives windows of up to two years (2023-10-01 → "
            "2025-09-29: 730 days), each record saying it is longer than a year.",
            "Ngày 01/10 mở đầu năm thi đua trước năm thi đua hiện tại (lùi hai năm dương lịch nếu "
            "thời điểm xét trước ngày 01/10); cùng với A-3 “literal”, khoảng thời gian có thể dài "
            "đến 02 năm.",
        ),
    ),
    _i(
        "A-5",
        "Ties when more than one slot is left",
        "TQ-2.1b",
        "The text lets the chair choose one nominee at the last slot; what if several slots remain?",
        (
            "remaining-slots",
            "The chair chooses as many of the tied group as slots remain.",
            "Chủ tịch Hội đồng chọn trong nhóm bằng phiếu đúng số chỉ tiêu còn lại.",
        ),
        (
            "last-slot-only",
            "The chair decides only a tie for the single last slot; a tie over several slots is "
            "handed back undecided (e.g. for a new vote).",
            "Chủ tịch chỉ quyết định khi còn đúng một chỉ tiêu; trường hợp khác trả lại để xử lý.",
        ),
    ),
    _i(
        "A-6",
        "Which ties matter",
        "TQ-2.1b",
        "Must tied nominees have reached the threshold for the tie to need a decision?",
        (
            "threshold-first",
            "Only nominees that reached the threshold compete; other ties never matter.",
            "Chỉ xét nhóm bằng phiếu trong số đã đạt tỷ lệ phiếu.",
        ),
        (
            "rank-first",
            "Ties are looked for in the ranking of all nominees; a tie below the threshold is "
            "reported, though nobody below the threshold can be recognised.",
            "Xét bằng phiếu trên thứ tự của mọi người được đề nghị; người chưa đạt tỷ lệ vẫn không "
            "được công nhận.",
        ),
    ),
    _i(
        "A-7",
        "An absent member without a written opinion",
        "TQ-2.1b",
        "Does a member who neither attends nor writes count in the denominator?",
        (
            "counts-against",
            "Yes: counted in the total membership, not as an approval.",
            "Có: vẫn tính vào tổng số thành viên nhưng không tính là phiếu đồng ý.",
        ),
        (
            "excluded",
            "No: the denominator is the members who voted (in the meeting or in writing).",
            "Không: mẫu số là số thành viên đã biểu quyết (tại cuộc họp hoặc bằng văn bản).",
        ),
    ),
    _i(
        "A-8",
        "“Tổng số thành viên”: the roster or the statutory seats",
        "TQ-2.1b",
        "Do vacant seats count in the council's total membership?",
        (
            "roster",
            "The council roster at the meeting; vacant seats do not count.",
            "Danh sách thành viên Hội đồng tại thời điểm họp; ghế trống không tính.",
        ),
        (
            "statutory-seats",
            "The number of seats the council's founding decision sets, vacant or not.",
            "Số thành viên theo quyết định thành lập Hội đồng, kể cả ghế trống.",
        ),
    ),
    _i(
        "A-9",
        "The cap of 15: together or per kind",
        "TQ-6.2b",
        "Does the cap count collectives and individuals together?",
        (
            "combined",
            "Collectives and individuals together share one cap.",
            "Tập thể và cá nhân tính chung một chỉ tiêu.",
        ),
        (
            "per-kind",
            "Each kind of nominee has its own cap of that size.",
            "Mỗi loại (tập thể, cá nhân, hộ gia đình) có chỉ tiêu riêng bằng mức trần.",
        ),
    ),
    _i(
        "A-10",
        "What a floor (“ít nhất”) counts",
        "TQ-6.2a BK-IV.1a BK-IV.1b NT-V.1đ",
        "Is a floor met by the exemplars its document counts — BK the models a unit introduces to "
        "the provincial council, TQ-6.2a the unit's own recognised exemplars, NT those propagated — "
        "or by one count for every floor?",
        (
            "declared",
            "Each floor counts what its document counts, as its ruleset declares (counts = "
            "introduced, recognised or propagated); a shortfall is reported, never filled.",
            "Mỗi mức tối thiểu tính đúng đối tượng văn bản quy định (được giới thiệu, được công nhận, "
            "được phổ biến, nhân rộng); thiếu thì báo cáo, không đưa thêm người không đạt.",
        ),
        (
            "recognised",
            "Every floor counts recognitions at the unit's own level.",
            "Mọi mức tối thiểu đều tính số được công nhận ở cấp đơn vị.",
        ),
        (
            "introduced",
            "Every floor counts introductions (nominations), whether or not recognised.",
            "Mọi mức tối thiểu đều tính số được giới thiệu, đề nghị, dù có được công nhận hay không.",
        ),
    ),
    _i(
        "A-11",
        "Posthumous recognition",
        "TQ-2.1c",
        "Which death makes a nominee ineligible where the ruleset forbids posthumous recognition?",
        (
            "on-or-before-decision",
            "A nominee who died on or before the day the decision is signed is not eligible: "
            "recognition is the Chairman's decision (TQ Regulation Art. 5), and recognising someone dead "
            "by then would be truy tặng.",
            "Người đã mất trước hoặc đúng ngày ký quyết định công nhận thì không được công nhận: "
            "việc công nhận là quyết định của Chủ tịch UBND tỉnh (Điều 5 Quy định), công nhận khi "
            "đó là truy tặng.",
        ),
        (
            "before-consideration",
            "A nominee who died before the consideration date is not eligible.",
            "Người đã mất trước thời điểm xét tặng thì không được xét.",
        ),
        (
            "before-decision",
            "A nominee who died before (not on) the day the decision is signed is not eligible.",
            "Người đã mất trước ngày ký quyết định công nhận (không kể chính ngày ký) thì không được "
            "công nhận.",
        ),
    ),
    _i(
        "A-12",
        "“Công dân tiêu biểu trong năm”",
        "TQ-7.1d",
        "Which year must the Exemplary Citizen title share with the recognition?",
        (
            "calendar-year",
            "The same calendar year as the recognition.",
            "Cùng năm dương lịch với năm công nhận.",
        ),
        (
            "emulation-year",
            "The same emulation year (01/10 → 30/09) as the recognition.",
            "Cùng năm thi đua (01/10 → 30/09) với việc công nhận.",
        ),
    ),
    _i(
        "A-13",
        "General and field standards together",
        "TQ-3.1 TQ-3.2 BK-III.1 NT-IV.2b",
        "Which standards must a nominee with one or several declared fields meet?",
        (
            "one-field",
            "Every point of the general standard and the standard of at least one declared field.",
            "Đạt mọi tiêu chuẩn chung và tiêu chuẩn của ít nhất một lĩnh vực đã khai.",
        ),
        (
            "every-field",
            "Every point of the general standard and the standard of every declared field.",
            "Đạt mọi tiêu chuẩn chung và tiêu chuẩn của mọi lĩnh vực đã khai.",
        ),
    ),
    _i(
        "A-14",
        "“hoặc” and “;” inside a field standard",
        "TQ-3.2 BK-III.2 NT-IV.2c",
        "Is a list of requirements joined by semicolons a conjunction?",
        (
            "semicolon-and",
            "“hoặc” is a disjunction; a “;”-list is a conjunction unless the text says otherwise.",
            "“hoặc” là điều kiện lựa chọn; danh sách ngăn bởi “;” là các điều kiện đồng thời.",
        ),
        (
            "semicolon-or",
            "A “;”-list illustrates the field: any one of its items suffices.",
            "Danh sách ngăn bởi “;” chỉ nêu ví dụ: đạt một nội dung là đủ.",
        ),
    ),
    _i(
        "A-15",
        "Levels after the 2025 reform",
        "TQ-3.2h TQ-6.2a",
        "How do district-level awards and floors read after 2025-07-01, when districts ended?",
        (
            "keep-level",
            "An award keeps the level it had when given; district floors stop on 2025-07-01.",
            "Thành tích giữ nguyên cấp khi được tặng; chỉ tiêu tối thiểu cấp huyện hết áp dụng từ 01/07/2025.",
        ),
        (
            "province-after-reform",
            "From 2025-07-01 a “district level or above” requirement reads as “provincial level or above”.",
            "Từ 01/07/2025, yêu cầu “cấp huyện trở lên” được hiểu là “cấp tỉnh trở lên”.",
        ),
    ),
    _i(
        "A-16",
        "The time zone of a timestamp",
        "TQ-6.1a TQ-6.1b TQ-8.3b",
        "Which calendar day is a timestamp on?",
        (
            "vietnam-time",
            "Its day in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).",
            "Ngày theo giờ Việt Nam (UTC+7, không có giờ mùa hè).",
        ),
        ("utc", "Its day in UTC.", "Ngày theo giờ UTC."),
    ),
    _i(
        "A-17",
        "A deadline on a weekend or public holiday",
        "TQ-6.1a TQ-6.1b TQ-8.3b",
        "Does a fixed-date deadline move to the next working day like the end of a period (Civil "
        "Code Art. 148)?",
        (
            "no-roll-over",
            "No: the deadline stays on its calendar day.",
            "Không: thời hạn giữ nguyên ngày dương lịch.",
        ),
        (
            "roll-over",
            "Yes: it moves to the next working day (Vietnamese public holidays and "
            "any days off the caller adds).",
            "Có: chuyển sang ngày làm việc tiếp theo (ngày lễ, Tết và ngày nghỉ bổ sung).",
        ),
    ),
    _i(
        "A-18",
        "Using a draft document",
        "TQ",
        "May a computation use a ruleset read from a draft (DỰ THẢO)?",
        (
            "allowed-visible",
            "Yes, and every result says the ruleset is a draft.",
            "Được, và mọi kết quả đều ghi rõ bộ quy tắc là dự thảo.",
        ),
        ("refuse", "No: a draft ruleset is refused.", "Không: từ chối bộ quy tắc dự thảo."),
    ),
    _i(
        "A-19",
        "Which councils the ballot threshold binds",
        "TQ-2.1b TQ-4.3",
        "Does the 90 % threshold bind a unit's council as well as the province's?",
        (
            "every-level",
            "Every council level (“của cấp xét công nhận”) uses the ruleset's ballot rule.",
            "Hội đồng mọi cấp (“của cấp xét công nhận”) áp dụng cùng tỷ lệ phiếu.",
        ),
        (
            "province-only",
            "Only the province's council; a unit's council uses a simple majority of "
            "its total membership.",
            "Chỉ Hội đồng cấp tỉnh; Hội đồng cơ quan, đơn vị dùng đa số quá bán tổng số thành viên.",
        ),
    ),
    _i(
        "A-20",
        "Equal votes with no quota pressure",
        "TQ-2.1b",
        "Do tied nominees that all fit in the remaining slots need a decision?",
        ("no-decision", "No: all of them are recognised.", "Không: tất cả đều được công nhận."),
        (
            "chair-confirms",
            "Yes: the text speaks of any tie at the last slot, so the chair still chooses (all tied "
            "nominees fit, so the choice must name them all).",
            "Có: Chủ tịch vẫn quyết định (và phải chọn đủ cả nhóm vì đều nằm trong chỉ tiêu).",
        ),
    ),
    _i(
        "A-21",
        "The achievement window of a plan that defines none",
        "BK-III NT-IV.2b BK-IV.1 NT-V.1đ",
        "The BK and NT plans set criteria and yearly floors (“hằng năm”, “Cụ thể hàng năm”) but no "
        "period of achievement: over which days does a round read a nominee's evidence?",
        (
            "calendar-year",
            "The calendar year of the consideration: from 01/01 of its year to the consideration "
            "date, the year the plans' yearly floors count.",
            "Năm dương lịch của thời điểm xét: từ ngày 01/01 của năm đó đến thời điểm xét, đúng năm "
            "mà các chỉ tiêu hằng năm của kế hoạch tính.",
        ),
        (
            "twelve-months",
            "The twelve months up to the consideration date (the “01 năm” of TQ-3.3, without its "
            "01/10 start).",
            "Mười hai tháng tính đến thời điểm xét (“01 năm” như TQ-3.3, không có mốc 01/10).",
        ),
    ),
    _i(
        "A-22",
        "Overlapping floors: NT's ≥10 for the departments, ≥01 for each department",
        "NT-V.1đ",
        "“Các sở, ban, ngành, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội cấp "
        "tỉnh có ít nhất 10”, and “mỗi sở, ban, ngành thuộc Ủy ban nhân dân tỉnh có ít nhất 01”: "
        "are the 10 owed by each of them, or by all of them together?",
        (
            "each",
            "Each department, the Front and each organisation owes 10 (the ≥01 of a department under "
            "the provincial People's Committee is then also checked on its own).",
            "Mỗi sở, ban, ngành, Mặt trận và mỗi tổ chức đều phải có ít nhất 10 (mức 01 của từng sở "
            "vẫn được đối chiếu riêng).",
        ),
        (
            "together",
            "The 10 is owed by all of them together: the counts of every unit given in that scope "
            "are summed into one check; the ≥01 binds each department.",
            "Mức 10 là của chung các cơ quan đó: cộng số của mọi đơn vị thuộc phạm vi này thành một "
            "lần đối chiếu; mức 01 áp dụng cho từng sở.",
        ),
    ),
    _i(
        "A-23",
        "Overlapping floors: BK's education and health sectors are also departments",
        "BK-IV.1a BK-IV.1b",
        "The education and health sectors (≥10, BK-IV.1a) are also departments (“các sở, ban, "
        "ngành”, ≥03, BK-IV.1b): which floor does a unit of that sector answer to?",
        (
            "sector",
            "The sector's floor of 10: the provision that names them is the specific one.",
            "Mức 10 của ngành: quy định nêu đích danh ngành là quy định riêng.",
        ),
        (
            "department",
            "The department's floor of 03: a unit of the sector reports as a department.",
            "Mức 03 của sở, ban, ngành: đơn vị của ngành báo cáo như một sở.",
        ),
    ),
    _i(
        "A-24",
        "“;”-lists a catalogue reads as alternatives",
        "TQ-3.2c TQ-3.2d TQ-3.2đ TQ-3.2m TQ-3.2p TQ-3.2q.community NT-IV.2c.defence "
        "NT-IV.2c.industry NT-IV.2c.finance NT-IV.2c.science NT-IV.2c.ict",
        "Where a field's “;”-list names different branches, sectors or nominees, is one item "
        "enough (the catalogue's note says why), or is every item required as written?",
        (
            "as-noted",
            "One item is enough, for the reason each node's note gives (a tea cooperative is not "
            "also a forest owner); the rest of the catalogue follows A-14.",
            "Đạt một nội dung là đủ, theo lý do nêu trong ghi chú của từng tiêu chí (hợp tác xã "
            "chè không đồng thời là chủ rừng); các tiêu chí khác theo A-14.",
        ),
        (
            "literal-and",
            "Read as written: every item of these lists is required, like any “;”-list under "
            "A-14 “semicolon-and”.",
            "Đọc đúng câu chữ: mọi nội dung của các danh sách này đều bắt buộc, như mọi danh sách "
            "ngăn bởi “;” theo A-14 “semicolon-and”.",
        ),
    ),
    _i(
        "A-25",
        "“Giải cao” in an exam or contest",
        "TQ-3.2đ.students",
        "Which prizes are “giải cao” (high prizes) in exams and contests at provincial level or "
        "above?",
        (
            "any-prize",
            "Any prize in such an exam or contest: the documents do not rank prizes.",
            "Mọi giải trong kỳ thi, cuộc thi đó: văn bản không xếp hạng các giải.",
        ),
        (
            "attested-high",
            "Only a prize the proposing unit attests, in a signed statement naming the criterion, "
            "to be a high prize; a recorded award alone does not show it.",
            "Chỉ giải được đơn vị đề nghị xác nhận bằng văn bản (nêu rõ tiêu chí) là giải cao; "
            "riêng hồ sơ giải chưa chứng minh điều đó.",
        ),
    ),
    _i(
        "A-26",
        "“Hằng năm”, “luôn” and “năm sau cao hơn năm trước” in Bắc Kạn's standards",
        "BK-III.2.3-collective BK-III.2.4 BK-III.2.6-collective BK-III.2.6-individual "
        "BK-III.2.7-collective BK-III.2.10-individual",
        "Which years must a title, a rating or a growing figure cover when the plan (2021-2025) "
        "says “hằng năm” (every year), “luôn” (always) or “năm sau cao hơn năm trước”?",
        (
            "two-previous-years",
            "The two calendar years before the consideration year (for growth, three figures: "
            "each of those years above the year before it).",
            "Hai năm dương lịch liền trước năm xét (với tăng trưởng: ba số liệu, mỗi năm cao hơn "
            "năm trước đó).",
        ),
        (
            "plan-period",
            "Every year of the plan's period (from 2021) before the consideration year; for "
            "growth, from 2020, so that 2021 is compared with the year before it.",
            "Mọi năm của giai đoạn kế hoạch (từ năm 2021) trước năm xét; với tăng trưởng: từ năm "
            "2020, để năm 2021 được so sánh với năm trước đó.",
        ),
    ),
    _i(
        "A-27",
        "An attestation that states no period: the year it attests, or the day it was signed",
        "TQ-3.3 TQ-8.3b",
        "The window judges the achievement, not the paper; a unit's attestation signed on 08/10 "
        "about the year that ended on 30/09 is evidence for that year. When an attestation states "
        "no period (and no day) of what it attests, which days does it speak for?",
        (
            "covers-window",
            "The round's window, when it is signed after the window opens and no later than the "
            "dossier is due (the last day of the ruleset's dossier-submission deadline, TQ-8.3b, "
            "and never after the consideration date); otherwise its signing date must fall in the "
            "window.",
            "Thời gian tính thành tích của đợt xét, nếu văn bản được ký sau ngày bắt đầu thời gian "
            "đó và không muộn hơn hạn gửi hồ sơ (ngày cuối cùng của thời hạn gửi hồ sơ, TQ-8.3b, "
            "và không sau thời điểm xét); ngoài ra, ngày ký phải nằm trong thời gian tính thành tích.",
        ),
        (
            "signing-date",
            "Only its own date: the day it was signed must fall inside the window.",
            "Chỉ theo ngày ký: ngày ký văn bản phải nằm trong thời gian tính thành tích.",
        ),
    ),
    _i(
        "A-28",
        "The certificate of a same-year “Công dân tiêu biểu” (TQ-7.1d)",
        "TQ-7.1d",
        "“được Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen và tiền thưởng … (trừ cá nhân đã được "
        "tặng danh hiệu “Công dân tiêu biểu tỉnh Tuyên Quang” trong năm)”: does the exception "
        "withhold the certificate and the cash, or only the cash, the Bằng khen being the "
        "instrument of recognition itself (Regulation Art. 8(3), 9(3): “công nhận, tặng Bằng khen "
        "điển hình tiên tiến tỉnh Tuyên Quang”)? Which year “trong năm” is, is A-12.",
        (
            "both-withheld",
            "Both: the parenthesis follows “Bằng khen và tiền thưởng” and excepts the whole "
            "award; the individual is recognised, without a certificate or cash.",
            "Cả hai: phần trong ngoặc đứng sau “Bằng khen và tiền thưởng” nên loại trừ cả Bằng "
            "khen và tiền thưởng; cá nhân vẫn được công nhận.",
        ),
        (
            "cash-only-withheld",
            "Only the cash: Regulation Art. 8(3) and 9(3) make the Bằng khen the instrument of "
            "recognition (“công nhận, tặng Bằng khen”), so the certificate is given and the cash "
            "withheld.",
            "Chỉ tiền thưởng: khoản 3 Điều 8 và khoản 3 Điều 9 Quy định gắn việc công nhận với việc "
            "tặng Bằng khen, nên vẫn tặng Bằng khen, không tặng tiền thưởng.",
        ),
    ),
    _i(
        "A-29",
        "Families (gia đình) under TQ-3.2q",
        "TQ-3.2q TQ-4.1 TQ-6.2b",
        "TQ-3.2q speaks of “Gia đình, cá nhân tiêu biểu trong các thôn, tổ dân phố”, while Art. 4 "
        "(“Là tập thể, cá nhân tiêu biểu, xuất sắc”) and Art. 6.2b (“không quá 15 (mười lăm) tập "
        "thể, cá nhân”) name only collectives and individuals: may a household be recognised as "
        "a provincial exemplar?",
        (
            "not-exemplars",
            "No: the exemplars the regulation recognises are collectives and individuals (Art. 4, "
            "6.2b); point q's “Gia đình” says where exemplary people are found. A household's "
            "nomination is refused, citing TQ-4.1 (in a round: ineligible).",
            "Không: điển hình tiên tiến theo Quy định là tập thể, cá nhân (Điều 4, điểm b khoản 2 "
            "Điều 6); “Gia đình” ở điểm q chỉ nơi phát hiện gương tiêu biểu. Hộ gia đình được đề "
            "nghị thì không được xét (dẫn TQ-4.1).",
        ),
        (
            "families-under-3.2q",
            "Yes, under point q only: a household is judged on the general standard (TQ-3.1) and "
            "the field standard TQ-3.2q, the one provision that names families.",
            "Có, chỉ theo điểm q: hộ gia đình được xét theo tiêu chuẩn chung (khoản 1 Điều 3) và "
            "tiêu chuẩn lĩnh vực tại điểm q khoản 2 Điều 3, quy định duy nhất nêu “Gia đình”.",
        ),
    ),
    _i(
        "A-30",
        "Evidence dated after the dossier was received",
        "TQ-8.3a TQ-8.3b",
        "The achievement report belongs to the unit's dossier, due “trước 30/10” (TQ-8.3b): does a "
        "document dated after the dossier reached the province still count, up to the "
        "consideration date?",
        (
            "ignored",
            "No: a document dated after the day the dossier was received (or, with no dossier "
            "recorded, after the dossier's last day on time) was not part of it, and is set aside "
            "with a warning citing TQ-8.3b.",
            "Không: văn bản có ngày sau ngày hồ sơ được tiếp nhận (hoặc, khi chưa ghi nhận hồ sơ, "
            "sau ngày cuối cùng của hạn nộp hồ sơ) không thuộc hồ sơ đề nghị, nên không được tính "
            "(cảnh báo, dẫn TQ-8.3b).",
        ),
        (
            "counts-to-consideration",
            "Yes: every document dated inside the achievement window counts, up to the "
            "consideration date.",
            "Có: mọi văn bản có ngày trong thời gian tính thành tích đều được tính, đến thời điểm "
            "xét tặng.",
        ),
    ),
    _i(
        "A-31",
        "The unit council's date as a condition of the province dossier",
        "TQ-6.1a TQ-8.3a TQ-8.3b",
        "TQ-6.1a sets the time of unit-level recognition (“Trước ngày 15/10 hằng năm”); TQ-8.3 "
        "lists the province dossier's parts and its deadline (“trước 30/10”) without naming the "
        "unit council's date. Does a unit council that met on or after its deadline make its "
        "nominees ineligible at the province?",
        (
            "reported",
            "No: the late unit council is reported on each of its nominees (a warning citing "
            "TQ-6.1a), and the province judges the dossier by TQ-8.3.",
            "Không: việc Hội đồng cấp cơ sở họp xét muộn được nêu (cảnh báo, dẫn TQ-6.1a) đối với "
            "từng người được đề nghị; hồ sơ cấp tỉnh được xét theo TQ-8.3.",
        ),
        (
            "ineligible",
            "Yes: a unit council that met late makes every nominee of its dossier ineligible at "
            "the province.",
            "Có: Hội đồng cấp cơ sở họp xét muộn thì mọi người trong hồ sơ đề nghị của đơn vị đó "
            "không đủ điều kiện ở cấp tỉnh.",
        ),
    ),
    _i(
        "A-32",
        "A result for a day outside the document's period of effect",
        "BK NT-III.2 KT TQ-QĐ.2",
        "Bắc Kạn's plan runs to 2025-12-31 and Ninh Thuận's “đến hết năm 2025”: may a round, a "
        "window, a deadline, a calendar, a floors check or an assessment be made under a document "
        "for a day outside its period of effect (a round: its decision day, else its consideration "
        "date; a window: its consideration date; a deadline: its day of the year; a calendar: its "
        "year; floors: their day; an assessment: its window's end; a ballot: its decision date)?",
        (
            "notice",
            "Yes: the result is computed and carries the “ruleset.outside_effect” notice, naming "
            "the period and citing the provision that sets it.",
            "Được: vẫn tính, và kết quả mang thông báo “ruleset.outside_effect” nêu rõ thời gian "
            "hiệu lực và trích dẫn quy định về thời gian đó.",
        ),
        (
            "refuse",
            "No: such a result is refused, with an error naming the period (the command line "
            "exits 2).",
            "Không: từ chối tính, báo lỗi nêu rõ thời gian hiệu lực (dòng lệnh thoát với mã 2).",
        ),
    ),
    _i(
        "A-33",
        "“Đầu Quý II”: which days a milestone early in a quarter covers",
        "BK-IV.2",
        "Bắc Kạn's plan has the education sector hold its preliminary review “vào đầu Quý II năm "
        "2023” (early in Q2 2023) and gives no date: which days does that milestone cover in the "
        "year's schedule?",
        (
            "first-month",
            "The quarter's first month (early Q2 2023 is 2023-04-01 → 2023-04-30).",
            "Tháng đầu tiên của quý (đầu Quý II năm 2023 là từ 01/04/2023 đến 30/04/2023).",
        ),
        (
            "whole-quarter",
            "The whole quarter: “đầu” sets no day, so the milestone is due within the quarter the "
            "text names (2023-04-01 → 2023-06-30), like “trong Quý II”.",
            "Cả quý: “đầu” không định ngày, nên mốc này thuộc quý văn bản nêu (từ 01/04/2023 đến "
            "30/06/2023), như “trong Quý II”.",
        ),
    ),
    _i(
        "A-34",
        "The day that picks a borrowed national ballot rule",
        "NĐ91-45.8 NĐ98-ballot NĐ152-ballot",
        "A document that sets no ballot rule borrows the national decree's, and the decrees replace "
        "one another (Decree 91/2017 to 2023-12-31, Decree 98/2023 from 2024-01-01, Decree "
        "152/2025 from 2025-07-01). When the council considers under one decree and the decision "
        "is signed under the next, whose ballot rule is cited?",
        (
            "decision-date",
            "The decree in force on the decision date (the day the decision is signed; the "
            "consideration date where the round gives none): recognition is the decision.",
            "Nghị định có hiệu lực vào ngày ký quyết định (nếu không có ngày quyết định thì lấy "
            "ngày họp xét): việc công nhận là quyết định.",
        ),
        (
            "consideration-date",
            "The decree in force on the day the council considers and votes: the ballot is cast "
            "under the rule of that day.",
            "Nghị định có hiệu lực vào ngày Hội đồng họp xét và bỏ phiếu.",
        ),
    ),
    _i(
        "A-36",
        "The level of a science and technology project (TQ-3.2g)",
        "TQ-3.2g.project",
        "TQ-3.2g ends “hoặc có đề tài, dự án khoa học và công nghệ cấp tỉnh xếp loại đạt trở "
        "lên”: its “trở lên” belongs to the rating (“xếp loại đạt trở lên”), not to the level. "
        "Does a ministry-level or national project count, or only a provincial one?",
        (
            "province-or-above",
            "A project at provincial level or above: a higher-level project, like the point's "
            "prizes “từ cấp tỉnh trở lên”, shows at least as much.",
            "Đề tài, dự án từ cấp tỉnh trở lên: đề tài, dự án cấp cao hơn, như giải thưởng “từ "
            "cấp tỉnh trở lên” cùng điểm, thể hiện thành tích không kém.",
        ),
        (
            "provincial-only",
            "Only a provincial-level project, as written (“cấp tỉnh”); a ministry-level or "
            "national project does not meet this item (it may still be attested under the "
            "point's first item).",
            "Chỉ đề tài, dự án cấp tỉnh, đúng câu chữ (“cấp tỉnh”); đề tài, dự án cấp bộ, cấp "
            "quốc gia không đáp ứng nội dung này (vẫn có thể được xác nhận theo nội dung đầu "
            "của điểm).",
        ),
    ),
    _i(
        "A-37",
        "“Nhiều đóng góp” of an individual or household (BK-III.2.2)",
        "BK-III.2.2-individual-household",
        "Bắc Kạn's new-rural standard asks of individuals and households “có nhiều đóng góp "
        "trong tuyên truyền, vận động, tham gia hiến đất, đóng góp tiền của vật chất, ngày công "
        "lao động” (many contributions) and sets no number: how many recorded contributions of a "
        "form (land, money or goods, labour days) does “nhiều” ask for?",
        (
            "one-contribution",
            "One recorded contribution of the form in the window: the plan sets no number, and "
            "the council weighs how much it was.",
            "Một lần đóng góp của hình thức đó được ghi nhận trong khoảng thời gian xét: kế hoạch "
            "không định số lượng, Hội đồng cân nhắc mức đóng góp.",
        ),
        (
            "two-or-more",
            "At least two recorded contributions of the form in the window: “nhiều” (many) is "
            "more than one.",
            "Ít nhất 02 lần đóng góp của hình thức đó được ghi nhận trong khoảng thời gian xét: "
            "“nhiều” là hơn một.",
        ),
    ),
    _i(
        "A-38",
        "Households under Ninh Thuận's general standard (NT-IV.2b)",
        "NT-IV.2a NT-IV.2b",
        "Ninh Thuận's plan defines an exemplar as “tập thể, cá nhân, hộ gia đình có thành tích "
        "tiêu biểu, xuất sắc” (Mục IV.2a), but heads its general standard “Tiêu chuẩn chung của "
        "tập thể, cá nhân điển hình tiên tiến” (Mục IV.2b): is a household held to that standard, "
        "or does the plan give households no standard to be recognised on?",
        (
            "general-standard",
            "Held to it: the plan's own definition names households (Mục IV.2a “tập thể, cá nhân, "
            "hộ gia đình”), and every unit's standard is built “Căn cứ tiêu chuẩn chung” (Mục "
            "IV.2c), so the heading lists the usual kinds and excludes no one. A household meets "
            "the four points of NT-IV.2b (its “Hoàn thành xuất sắc các nhiệm vụ được giao” "
            "rating included) and the standard of a field, like a collective or an individual.",
            "Áp dụng: định nghĩa điển hình tiên tiến của Kế hoạch nêu hộ gia đình (điểm a khoản 2 "
            "Mục IV: “tập thể, cá nhân, hộ gia đình”) và tiêu chuẩn của từng đơn vị được xây dựng "
            "“Căn cứ tiêu chuẩn chung” (điểm c), nên tiêu đề điểm b không loại trừ hộ gia đình; hộ "
            "gia đình phải đạt bốn nội dung của điểm b (kể cả “Hoàn thành xuất sắc các nhiệm vụ "
            "được giao”) và tiêu chuẩn của một lĩnh vực.",
        ),
        (
            "not-exemplars",
            "No standard: the general standard names only “tập thể, cá nhân” (Mục IV.2b), so a "
            "household's nomination is refused, citing NT-IV.2b (in a round: ineligible).",
            "Không có tiêu chuẩn: tiêu chuẩn chung chỉ nêu “tập thể, cá nhân” (điểm b khoản 2 Mục "
            "IV), nên hộ gia đình được đề nghị thì không được xét (dẫn NT-IV.2b).",
        ),
    ),
    _i(
        "A-39",
        "“Tập thể xuất sắc” in Bắc Kạn's model agencies (BK-III.2.6)",
        "BK-III.2.6-collective.excellent",
        "Bắc Kạn's standard of a model agency or unit asks that it be “hằng năm được công nhận "
        "tập thể xuất sắc” (Mục III.2.6): is that the emulation title “Tập thể lao động xuất "
        "sắc”, or the collective's annual rating “hoàn thành xuất sắc nhiệm vụ”? Which years "
        "“hằng năm” covers is A-26.",
        (
            "title",
            "The title “Tập thể lao động xuất sắc”, held in each year of the look-back: “được công "
            "nhận” is how a title is conferred, and the same point words a rating as a rating — "
            "of the individual it asks “hằng năm được đánh giá hoàn thành xuất sắc nhiệm vụ”. A "
            "rating alone does not meet it.",
            "Danh hiệu “Tập thể lao động xuất sắc” trong mỗi năm được xét: “được công nhận” là "
            "cách tặng danh hiệu thi đua, còn kết quả đánh giá được chính điểm này diễn đạt là "
            "đánh giá (với cá nhân: “hằng năm được đánh giá hoàn thành xuất sắc nhiệm vụ”). Chỉ "
            "có kết quả đánh giá, xếp loại thì chưa đạt.",
        ),
        (
            "annual-rating",
            "The collective's annual rating of at least “hoàn thành xuất sắc nhiệm vụ”, in each "
            "year of the look-back: “tập thể xuất sắc” names the collective rated excellent, the "
            "rating the plan asks of collectives elsewhere (“hoàn thành xuất sắc nhiệm vụ được "
            "giao”, Mục III.2.1). The title is another record: the unit files the rating.",
            "Kết quả đánh giá, xếp loại tập thể từ “hoàn thành xuất sắc nhiệm vụ” trở lên trong "
            "mỗi năm được xét: “tập thể xuất sắc” là tập thể được xếp loại xuất sắc, như kế hoạch "
            "yêu cầu với tập thể ở các điểm khác (“hoàn thành xuất sắc nhiệm vụ được giao”, điểm "
            "2.1 khoản 2 Mục III); danh hiệu là văn bản khác, đơn vị nộp kết quả xếp loại.",
        ),
    ),
    _i(
        "A-40",
        "A stated period partly inside the achievement window",
        "TQ-3.3",
        "An item states the period of its achievement (an attestation the period it attests), and "
        "that period starts before the window and ends inside it, or starts inside it and ends "
        "after it. TQ-3.3 counts the achievement “trong thời gian 01 năm, tính từ ngày 01/10 năm "
        "trước đến thời điểm xét tặng”: does such an item count?",
        (
            "wholly-inside",
            "No: only a period wholly inside the window counts. TQ-3.3 dates the achievement "
            "itself (“Thành tích … được tính trong thời gian 01 năm”); a period that begins "
            "before the window is an achievement partly outside that year, and one document "
            "cannot be split into the part that counts and the part that does not. The item is "
            "set aside (criteria.period_outside_window, naming the period and the window) so "
            "that the unit can produce a statement of the window's period.",
            "Không: chỉ khoảng thời gian nằm trọn trong thời gian tính thành tích mới được tính. "
            "Khoản 3 Điều 3 Quy định tính thành tích “trong thời gian 01 năm, tính từ ngày 01/10 "
            "năm trước đến thời điểm xét tặng”; khoảng thời gian bắt đầu trước đó là thành tích "
            "một phần nằm ngoài thời gian này, và một văn bản không tách được thành phần được "
            "tính và phần không được tính. Văn bản không được tính (nêu rõ khoảng thời gian) để "
            "đơn vị bổ sung văn bản đúng thời gian.",
        ),
        (
            "overlaps",
            "Yes, when the period shares at least one day with the window: an achievement that "
            "continues into the window is achieved in it too. The record says the period lies "
            "only partly inside (criteria.period_overlaps_window); a period wholly outside is "
            "still set aside. No document gives a share of the period that must fall inside, so "
            "none is invented.",
            "Có, khi khoảng thời gian có ít nhất một ngày trong thời gian tính thành tích: thành "
            "tích tiếp diễn trong thời gian đó cũng là thành tích đạt được trong thời gian đó. "
            "Kết quả nêu rõ khoảng thời gian chỉ nằm một phần trong thời gian tính thành tích; "
            "khoảng thời gian nằm hoàn toàn bên ngoài vẫn không được tính.",
        ),
    ),
)

_REGISTER += (
    _i(
        "A-41",
        "A women-first tie-break decided before Decree 152/2025 is in force",
        "NĐ152-4.6",
        'A ruleset\'s ballot says `tie_break = "women_first"`: among equally placed nominees the '
        "woman, or the collective with at least 70 % women, first (Decree 152/2025 Art. 4.6, in "
        "force from 2025-07-01), then the chair. For a decision signed before that decree is in "
        "force, does the women-first step still decide a tie?",
        (
            "chair",
            "No: the decree is not in force on the decision date, so its women-first step is "
            "neither applied nor cited, and the chair chooses from the tied group (the "
            "tie-break's own last step).",
            "Không: Nghị định chưa có hiệu lực vào ngày quyết định, nên không áp dụng và không "
            "trích dẫn bước ưu tiên nữ; Chủ tịch Hội đồng chọn trong nhóm bằng phiếu (bước cuối "
            "của cách phân định).",
        ),
        (
            "ruleset-policy",
            "Yes, as the ruleset's own policy: women first, then the chair, each such reason "
            "citing the ruleset's ballot rule (never Decree 152/2025, not in force that day).",
            "Có, như chính sách riêng của bộ quy tắc: ưu tiên nữ, sau đó Chủ tịch Hội đồng chọn; "
            "lý do trích dẫn quy định bỏ phiếu của bộ quy tắc (không trích dẫn Nghị định "
            "152/2025, chưa có hiệu lực vào ngày đó).",
        ),
    ),
)

_REGISTER += (
    _i(
        "A-42",
        "When a document without its own commencement clause takes effect",
        "BK KT",
        "Bắc Kạn's plan (458/KH-UBND, signed 2021-07-19, “giai đoạn 2021-2025”) and Kon Tum's "
        "letter (4054/UBND-NC, signed 2022-11-29) state no “có hiệu lực từ ngày …”. From which "
        "day does each apply, for the period of effect a result is tested against (A-32)?",
        (
            "signing-date",
            "From the day it was signed (`[effective] from`): a plan or an official letter of the "
            "provincial People's Committee is an administrative document, in force as issued "
            "when it names no other day (the national rule on administrative documents, to "
            "verify); BK's “giai đoạn 2021-2025” says what the plan covers, not when it began to "
            "bind. BK from 2021-07-19, KT from 2022-11-29.",
            "Từ ngày ký ban hành (`[effective] from`): kế hoạch, công văn của Ủy ban nhân dân "
            "tỉnh là văn bản hành chính, có hiệu lực từ ngày ký khi không ghi ngày khác (quy định "
            "chung về văn bản hành chính, cần kiểm chứng); “giai đoạn 2021-2025” của BK nói phạm "
            "vi kế hoạch, không phải ngày bắt đầu có hiệu lực. BK từ 19/07/2021, KT từ "
            "29/11/2022.",
        ),
        (
            "named-period",
            "From the first day of the period the document names for itself, declared in its "
            "ruleset (`[effective] named_from`): BK's plan is the plan “giai đoạn 2021-2025” and "
            "reviews the whole period in 2025, so it applies from 2021-01-01. A document that "
            "names no period of its own keeps its signing date: KT's letter names only the "
            "period of the movement “Vì người nghèo - Không để ai bị bỏ lại phía sau” "
            "(2021-2025) whose monitoring it answers, a ground for issuing it, not its own "
            "period (KT from 2022-11-29 under either reading).",
            "Từ ngày đầu của giai đoạn mà chính văn bản nêu, khai báo trong bộ quy tắc "
            "(`[effective] named_from`): Kế hoạch của BK là kế hoạch “giai đoạn 2021-2025” và "
            "tổng kết cả giai đoạn vào năm 2025, nên áp dụng từ 01/01/2021. Văn bản không nêu "
            "giai đoạn của chính mình giữ ngày ký: Công văn của KT chỉ nêu giai đoạn 2021-2025 "
            "của Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” mà kết quả "
            "giám sát là căn cứ ban hành, không phải giai đoạn của Công văn (KT từ 29/11/2022 "
            "theo cả hai cách hiểu).",
        ),
    ),
)

INTERPRETATIONS: Mapping[str, Interpretation] = MappingProxyType({i.id: i for i in _REGISTER})
"""Every interpretation, by id (``"A-1"`` … the last)."""


@frozen
class UsedReading:
    """A reading a result relied on, recorded in the result."""

    id: str
    reading: str

    @property
    def is_default(self) -> bool:
        return INTERPRETATIONS[self.id].default == self.reading

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "reading": self.reading, "default": self.is_default}


def _check_choices(_inst: object, _a: attrs.Attribute[Any], value: Mapping[str, str]) -> None:
    for key, name in value.items():
        if key not in INTERPRETATIONS:
            raise UnknownInterpretationError(
                f"readings: {describe(key)} is not an interpretation id"
                f"{did_you_mean(key, INTERPRETATIONS)}; known: A-1 … {_REGISTER[-1].id}"
            )
        INTERPRETATIONS[key].reading(name)


def _freeze(value: Mapping[str, str]) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "must be a mapping of interpretation ids to readings, e.g. {'A-7': 'excluded'}",
            field="readings", value=value,
        )  # fmt: skip
    # A choice equal to the default is no choice: two Readings that read
    # every provision alike are equal and digest alike.
    kept = {
        k: v
        for k, v in value.items()
        if k not in INTERPRETATIONS or INTERPRETATIONS[k].default != v
    }
    return MappingProxyType(dict(sorted(kept.items(), key=lambda kv: str(kv[0]))))


@frozen(eq=False)
class Readings(Mapping[str, str]):
    """The caller's choice of readings; every id not chosen reads its default.

    Iterating gives every id of the register; ``choices`` holds only what was chosen.
    """

    choices: Mapping[str, str] = attrs.field(
        factory=dict, converter=_freeze, validator=_check_choices
    )

    def __getitem__(self, key: str) -> str:
        given: object = key  # a caller may pass anything; a list is not hashable
        if not isinstance(given, str) or given not in INTERPRETATIONS:
            raise UnknownInterpretationError(
                f"readings: {describe(key)} is not an interpretation id"
                f"{did_you_mean(key, INTERPRETATIONS)}; known: A-1 … {_REGISTER[-1].id}"
            )
        return self.choices.get(key, INTERPRETATIONS[key].default)

    def __iter__(self) -> Iterator[str]:
        return iter(INTERPRETATIONS)

    def __len__(self) -> int:
        return len(INTERPRETATIONS)

    def __hash__(self) -> int:
        return hash(tuple(self.choices.items()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Readings):
            return NotImplemented
        return dict(self.choices) == dict(other.choices)

    def choose(self, id: str, reading: str) -> Readings:
        """A copy with ``id`` read as ``reading`` (validated against the register)."""
        return Readings({**self.choices, id: reading})

    def used(self, *ids: str) -> tuple[UsedReading, ...]:
        """The :class:`UsedReading` records for ``ids``, in register order.

        Asked for the same ids again and again (each nominee of a national year), the records
        are made once per set of readings and shared (frozen values, kept by the readings'
        identity, the readings kept alive with them)."""
        key: tuple[int, tuple[str, ...]] | None = (id(self), ids)
        try:
            known = _USED.get((id(self), ids))
        except TypeError:  # an id that is not even hashable: the check below says what it is
            known, key = None, None
        if known is not None and known[0] is self:
            return known[1]
        chosen = {i: self[i] for i in ids}  # an unknown id is an error here, not in the sort
        used = tuple(UsedReading(i, chosen[i]) for i in INTERPRETATIONS if i in chosen)
        if key is None:
            return used
        remember(_USED, key, (self, used), 4096)
        return used

    def to_json(self) -> dict[str, str]:
        """Only the non-default choices: the defaults are implied."""
        return dict(self.choices)


_USED: dict[tuple[int, tuple[str, ...]], tuple[Readings, tuple[UsedReading, ...]]] = {}
""":meth:`Readings.used` by the readings' identity and the ids asked (emptied when full)."""
