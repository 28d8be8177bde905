"""A round's decision as a report a council secretary reads: one plain-text table per stage.

:func:`render_report` is a pure function of a :class:`~dienhinh.RoundDecision`
(and, optionally, the same round before the chair chose): it returns a
string and writes nothing. Vietnamese by default, English with ``lang="en"``.
Every sentence it prints about a nominee is a :class:`~dienhinh.Reason`'s own
text with its rule id — the report adds layout, never a second wording of a
rule. A ruleset read from a draft is boxed at the top and repeated at the end
(A-18).

Stages, in the order of the procedure:

1. nominations and eligibility (TQ-2.1a, TQ-2.1c, TQ-4.1, TQ-4.2, TQ-8.3),
   with each ineligible or incomplete nominee's reason and what to ask for;
2. the ballot tally: approvals, rate, rank (TQ-2.1b, TQ-4.3);
3. the tie at the last slot and the chair's choice (TQ-2.1b, TQ-6.2b);
4. the decision and who signs it (TQ-5);
5. benefits, cash in VND (TQ-7.1d; A-12);
6. the pool for national propagation (TQ-2.2, TQ-6.3);
7. floors (TQ-6.2a; A-10).
"""

from __future__ import annotations

import datetime as dt
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from dienhinh._effect import NOTICE_CODES
from dienhinh._errors import InvalidValueError
from dienhinh._reasons import Reason, Severity

if TYPE_CHECKING:
    from dienhinh.round._run import NominationOutcome, RoundDecision

__all__ = ["LANGUAGES", "json_written", "render_report"]

LANGUAGES: Final = ("vi", "en")
WIDTH: Final = 100
"""The width prose is wrapped to; tables wrap their long cells to stay near it."""

_T: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "KẾT QUẢ XÉT CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN — {level} {province}",
        "level.province": "CẤP TỈNH",
        "level.unit": "CẤP CƠ QUAN, ĐƠN VỊ",
        "draft": "DỰ THẢO",
        "doc.draft": "dự thảo",
        "doc.issued": "đã ban hành",
        "ruleset": "Bộ quy tắc",
        "status": "Trạng thái",
        "considered": "Ngày xét",
        "decided": "Ngày ký quyết định",
        "window": "Khoảng tính thành tích",
        "on_time": "Thời hạn xét",
        "s1": "1. HỒ SƠ ĐỀ NGHỊ VÀ ĐIỀU KIỆN",
        "s2": "2. KẾT QUẢ BỎ PHIẾU",
        "s3": "3. BẰNG PHIẾU Ở CHỈ TIÊU CUỐI CÙNG VÀ QUYẾT ĐỊNH CỦA CHỦ TỊCH HỘI ĐỒNG",
        "s4": "4. QUYẾT ĐỊNH CÔNG NHẬN",
        "s5": "5. KHEN THƯỞNG",
        "s6": "6. GIỚI THIỆU TUYÊN TRUYỀN TOÀN QUỐC",
        "s7": "7. SỐ LƯỢNG TỐI THIỂU CỦA CÁC ĐƠN VỊ",
        "h.no": "#",
        "h.id": "Mã",
        "h.name": "Tên",
        "h.unit": "Đơn vị",
        "h.kind": "Loại",
        "h.eligibility": "Điều kiện",
        "h.rank": "Hạng",
        "h.approvals": "Đồng ý",
        "h.rate": "Tỷ lệ",
        "h.threshold": "Đạt ngưỡng",
        "h.outcome": "Kết quả",
        "h.certificate": "Bằng khen",
        "h.cash": "Tiền thưởng",
        "h.note": "Ghi chú",
        "h.source": "Căn cứ lựa chọn",
        "h.scope": "Phạm vi",
        "h.minimum": "Tối thiểu",
        "h.count": "Số lượng",
        "h.floor": "Tình trạng",
        "h.rule": "Điều khoản",
        "eligible": "đủ điều kiện",
        "yes": "có",
        "no": "không",
        "summary1": "{total} hồ sơ: {eligible} đủ điều kiện đưa ra bỏ phiếu, {ineligible} không đủ điều kiện, {incomplete} cần bổ sung hồ sơ, căn cứ.",
        "details": "Lý do và việc cần bổ sung:",
        "council": "Hội đồng {members} thành viên: {present} có mặt, {written} vắng mặt có ý kiến bằng văn bản{written_ids}, {silent} vắng mặt không có ý kiến{silent_ids}.",
        "no_ballot": "Không có ai đủ điều kiện đưa ra bỏ phiếu.",
        "no_tie": "Không có trường hợp bằng phiếu ở chỉ tiêu cuối cùng.",
        "tie": "{count} người bằng {approvals} phiếu đồng ý cho {slots} chỉ tiêu còn lại (chỉ tiêu thứ {cutoff}/{cap}):",
        "before": "Trước khi Chủ tịch Hội đồng quyết định, vòng xét ở trạng thái “{status}”: {recognised} được công nhận, {waiting} chờ Chủ tịch chọn {slots} (mã số {digest}).",
        "waiting": "Đang chờ Chủ tịch Hội đồng ({chair}) chọn {slots} trong số: {ids}.",
        "chose": "Chủ tịch Hội đồng ({chair}) chọn: {chosen}.",
        "signs": "Thẩm quyền",
        "recognised": "Được công nhận: {count}{cap}.",
        "cap": " / tối đa {slots} ({rule})",
        "not_final": "Chưa thể trình ký: {status}.",
        "none": "Không có.",
        "total_cash": "Tổng tiền thưởng: {amount} cho {count} tập thể, cá nhân.",
        "vnd": "{amount} đ",
        "times": "{multiplier} × {base}",
        "cash_basis": "Tiền thưởng là hệ số × mức lương cơ sở {base} ({base_rule}) áp dụng vào ngày ký quyết định {day}, làm tròn lên bội số của {step} ({step_rule}).",
        "src.recognised": "điển hình tiên tiến {year}",
        "src.citizen": "Công dân tiêu biểu {year}",
        "size": "Số lượng giới thiệu",
        "floor.met": "đạt",
        "floor.short": "thiếu {shortfall}",
        "floor.unknown": "chưa báo cáo",
        "floor.ended": "hết áp dụng",
        "floor.summary": "{short} đơn vị chưa đạt (thiếu tổng cộng {missing}); {unknown} đơn vị chưa báo cáo số lượng. Không đưa thêm người không đạt để bù (A-10).",
        "readings": "Cách hiểu áp dụng (A-1 … A-26; * là cách hiểu khác mặc định)",
        "digest": "Mã số kiểm tra (digest)",
        "draft_end": "Nhắc lại: bộ quy tắc đọc từ văn bản DỰ THẢO — kết quả chỉ có giá trị tham khảo (A-18).",
        "written": "Quyết định (JSON) đã ghi vào: {path}",
    },
    "en": {
        "title": "RECOGNITION OF ADVANCED EXEMPLARS — {level}, {province}",
        "level.province": "PROVINCE LEVEL",
        "level.unit": "UNIT LEVEL",
        "draft": "DRAFT",
        "doc.draft": "draft",
        "doc.issued": "issued",
        "ruleset": "Ruleset",
        "status": "Status",
        "considered": "Considered on",
        "decided": "Decision signed on",
        "window": "Achievement window",
        "on_time": "Consideration deadline",
        "s1": "1. NOMINATIONS AND ELIGIBILITY",
        "s2": "2. BALLOT TALLY",
        "s3": "3. THE TIE AT THE LAST SLOT AND THE CHAIR'S CHOICE",
        "s4": "4. THE DECISION",
        "s5": "5. BENEFITS",
        "s6": "6. POOL FOR NATIONAL PROPAGATION",
        "s7": "7. UNITS' FLOORS",
        "h.no": "#",
        "h.id": "Id",
        "h.name": "Name",
        "h.unit": "Unit",
        "h.kind": "Kind",
        "h.eligibility": "Eligibility",
        "h.rank": "Rank",
        "h.approvals": "Approvals",
        "h.rate": "Rate",
        "h.threshold": "Threshold",
        "h.outcome": "Outcome",
        "h.certificate": "Certificate",
        "h.cash": "Cash",
        "h.note": "Note",
        "h.source": "Why in the pool",
        "h.scope": "Scope",
        "h.minimum": "Minimum",
        "h.count": "Count",
        "h.floor": "Status",
        "h.rule": "Rule",
        "eligible": "eligible",
        "yes": "yes",
        "no": "no",
        "summary1": "{total} nominations: {eligible} eligible for the ballot, {ineligible} ineligible, {incomplete} incomplete (to ask for more).",
        "details": "Reasons, and what to ask for:",
        "council": "A council of {members}: {present} present, {written} absent with a written opinion{written_ids}, {silent} absent without one{silent_ids}.",
        "no_ballot": "Nobody was eligible for the ballot.",
        "no_tie": "No tie at the last slot.",
        "tie": "{count} nominees tied on {approvals} approvals for the {slots} slot(s) left (slot {cutoff} of {cap}):",
        "before": "Before the chair's choice the round stood “{status}”: {recognised} recognised, {waiting} awaiting the chair's choice of {slots} (digest {digest}).",
        "waiting": "Awaiting the chair ({chair}) to choose {slots} of: {ids}.",
        "chose": "The chair ({chair}) chose: {chosen}.",
        "signs": "Who signs",
        "recognised": "Recognised: {count}{cap}.",
        "cap": " of at most {slots} ({rule})",
        "not_final": "Not ready to sign: {status}.",
        "none": "None.",
        "total_cash": "Cash in total: {amount} for {count} collectives and individuals.",
        "vnd": "{amount} VND",
        "times": "{multiplier} × {base}",
        "cash_basis": "Cash is a multiple of the base salary of {base} ({base_rule}) in force on the day the decision is signed, {day}, rounded up to a multiple of {step} ({step_rule}).",
        "src.recognised": "exemplar {year}",
        "src.citizen": "Exemplary Citizen {year}",
        "size": "Number to introduce",
        "floor.met": "met",
        "floor.short": "{shortfall} short",
        "floor.unknown": "not reported",
        "floor.ended": "no longer applies",
        "floor.summary": "{short} unit(s) short ({missing} in all); {unknown} unit(s) did not report a count. Nobody is pulled in to fill a floor (A-10).",
        "readings": "Readings used (A-1 … A-26; * marks a reading other than the default)",
        "digest": "Digest",
        "draft_end": "Reminder: the ruleset reads a DRAFT document — results are indicative only (A-18).",
        "written": "Decision JSON written to: {path}",
    },
}

_OUTCOME: Final = {
    "vi": {"recognised": "được công nhận", "not_recognised": "không được công nhận",
           "ineligible": "không đủ điều kiện", "incomplete": "cần bổ sung",
           "awaiting_chair": "chờ Chủ tịch chọn", "undecided": "chưa quyết định"},
    "en": {"recognised": "recognised", "not_recognised": "not recognised", "ineligible": "ineligible",
           "incomplete": "incomplete", "awaiting_chair": "awaiting the chair", "undecided": "undecided"},
}  # fmt: skip
_STATUS: Final = {
    "vi": {"final": "hoàn tất", "awaiting_chair": "chờ Chủ tịch Hội đồng quyết định",
           "undecided": "chưa quyết định, trả lại người có thẩm quyền", "no_quorum": "không đủ số thành viên dự họp"},
    "en": {"final": "final", "awaiting_chair": "awaiting the chair's decision",
           "undecided": "undecided, handed back to a person", "no_quorum": "no quorum"},
}  # fmt: skip
_KIND: Final = {
    "vi": {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"},
    "en": {"collective": "collective", "individual": "individual", "household": "household"},
}
_DECIDING: Final = (Severity.FAIL, Severity.PENDING)


def render_report(
    decision: RoundDecision, *, lang: str = "vi", awaiting: RoundDecision | None = None
) -> str:
    """The decision as a plain-text report, a table per stage (see the module docstring).

    ``awaiting`` is the same round before the chair chose (as :func:`~dienhinh.run_round`
    returned it, awaiting the chair): given, the tie's section shows both stages.
    """
    if lang not in LANGUAGES:
        raise InvalidValueError("is not a language of the report", field="lang", value=lang,
                                allowed=", ".join(LANGUAGES))  # fmt: skip
    if awaiting is not None and attrs.evolve(awaiting.inputs, chair_choice=decision.inputs.chair_choice) != decision.inputs:  # fmt: skip
        raise InvalidValueError(
            "is not the same round as the decision (its inputs differ beyond the chair's choice)",
            field="awaiting", value=awaiting.digest,
        )  # fmt: skip
    r = _Report(decision, lang)
    r.header()
    r.eligibility()
    r.tally()
    r.tie(awaiting)
    r.decision()
    r.benefits()
    r.pool()
    r.floors()
    r.footer()
    return "\n".join(r.out).rstrip() + "\n"


class _Report:
    def __init__(self, decision: RoundDecision, lang: str) -> None:
        self.d = decision
        self.lang = lang
        self.t = _T[lang]
        self.out: list[str] = []
        self.names = {o.nomination: o.name or o.nomination for o in decision.outcomes}
        self.draft = next((x for x in decision.reasons if x.code == "ruleset.draft"), None)

    # -- helpers ---------------------------------------------------------------------------

    def text(self, reason: Reason) -> str:
        return reason.vi if self.lang == "vi" else reason.en

    def title(self, reason: Reason) -> str:
        return reason.title_vi if self.lang == "vi" else reason.title_en

    def cite(self, reason: Reason) -> str:
        """``TQ-2.1b — điểm b khoản 1 Điều 2 Quy định (TQ)``: the rule id and where the document
        says it."""
        if reason.rule is None:
            return ""
        where = reason.rule.citation.vi if self.lang == "vi" else reason.rule.citation.en
        return f"{reason.rule.id} — {where}"

    def day(self, value: dt.date) -> str:
        return value.strftime("%d/%m/%Y") if self.lang == "vi" else value.isoformat()

    def money(self, amount: int) -> str:
        digits = f"{amount:,}"
        return self.t["vnd"].format(
            amount=digits.replace(",", ".") if self.lang == "vi" else digits
        )

    def para(self, text: str, indent: str = "") -> None:
        self.out += textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ",
                                  break_on_hyphens=False) or [""]  # fmt: skip

    def section(self, key: str) -> None:
        heading = self.t[key]
        self.out += ["", heading, "=" * _width(heading)]

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
              limits: Sequence[int], right: Iterable[int] = ()) -> None:  # fmt: skip
        self.out += _table(headers, rows, limits=limits, right=frozenset(right))

    def label(self, nomination: str) -> str:
        name = self.names.get(nomination)
        return nomination if name is None or name == nomination else f"{nomination} {name}"

    # -- the stages ------------------------------------------------------------------------

    def header(self) -> None:
        d, t = self.d, self.t
        ruleset = d.inputs.ruleset
        doc = ruleset.document
        title = t["title"].format(
            level=t[f"level.{d.inputs.level.value}"], province=doc.province.upper()
        )
        self.out += ["=" * WIDTH, title, "=" * WIDTH]
        if self.draft is not None:
            self.box(f"{t['draft']} (A-18): {self.text(self.draft)}")
        for notice in (x for x in d.reasons if x.code in NOTICE_CODES):
            self.box(f"{self.title(notice).upper()}: {self.text(notice)} [{self.cite(notice)}]")
        self.para(
            f"{t['ruleset']}: {ruleset.id} — {doc.title} ({doc.issuer}; {t['doc.' + ruleset.status.value]})"
        )
        self.out.append(f"{t['considered']}: {self.day(d.inputs.considered_on)}    "
                        f"{t['decided']}: {self.day(d.inputs.decision_day)}")  # fmt: skip
        if d.window is not None:
            self.out.append(f"{t['window']}: {self.day(d.window[0])} – {self.day(d.window[1])}")
        for reason in d.reasons:
            if reason.code.startswith("deadline."):
                self.para(
                    f"{t['on_time']}: {self.title(reason)} — {self.text(reason)} [{self.cite(reason)}]"
                )
        self.out.append(f"{t['status']}: {_STATUS[self.lang][d.status.value]}")

    def box(self, text: str) -> None:
        lines = textwrap.wrap(text, WIDTH - 4)
        edge = "+" + "-" * (WIDTH - 2) + "+"
        self.out += [
            edge,
            *(f"| {line}{' ' * (WIDTH - 4 - _width(line))} |" for line in lines),
            edge,
        ]

    def eligibility(self) -> None:
        t, d = self.t, self.d
        self.section("s1")
        rows, counts = [], {"eligible": 0, "ineligible": 0, "incomplete": 0}
        for i, o in enumerate(d.outcomes, 1):
            state = (
                o.outcome.value if o.outcome.value in ("ineligible", "incomplete") else "eligible"
            )
            counts[state] += 1
            shown = t["eligible"] if state == "eligible" else _OUTCOME[self.lang][state]
            rows.append(
                [str(i), o.nomination, o.name or "", o.unit, _KIND[self.lang][o.kind.value], shown]
            )
        self.table([t["h.no"], t["h.id"], t["h.name"], t["h.unit"], t["h.kind"], t["h.eligibility"]],
                   rows, limits=[3, 8, 40, 24, 10, 18], right=[0])  # fmt: skip
        self.out.append("")
        self.para(t["summary1"].format(total=len(d.outcomes), **counts))
        held = [o for o in d.outcomes if o.outcome.value in ("ineligible", "incomplete")]
        if held:
            self.out += ["", t["details"]]
        for o in held:
            self.out.append(
                f"- {self.label(o.nomination)} ({_OUTCOME[self.lang][o.outcome.value]})"
            )
            for reason in _eligibility_reasons(o):
                if reason.code == "round.criteria_unknown":
                    # Its text joins the asks into one sentence; they are listed one a line below.
                    self.para(f"{self.title(reason)} [{self.cite(reason)}]:", "    ")
                else:
                    self.para(
                        f"{self.title(reason)} [{self.cite(reason)}]: {self.text(reason)}", "    "
                    )
            for ask in o.missing:
                if not ask.code.startswith("round."):  # a procedural gap's reason says it already
                    rule = f" [{ask.rule.id}]" if ask.rule else ""
                    self.para(f"→ {self.text(ask)}{rule}", "      ")

    def tally(self) -> None:
        t, d = self.t, self.d
        self.section("s2")
        ballot = d.ballot
        for reason in ballot.reasons:
            if reason.code == "ballot.threshold":
                self.para(f"{self.text(reason)} [{self.cite(reason)}]")
        council = d.inputs.council
        cast = {b.member: b.cast.value for b in d.inputs.ballots}
        written = sorted(m for m, c in cast.items() if c == "written")
        silent = [m for m in council.members if m not in cast]
        self.para(t["council"].format(
            members=council.size, present=len(cast) - len(written), written=len(written),
            silent=len(silent), written_ids=_ids(written), silent_ids=_ids(silent),
        ))  # fmt: skip
        if not ballot.tally:
            self.out += ["", t["no_ballot"]]
            return
        self.out.append("")
        status = {o.nominee: o.status.value for o in ballot.outcomes}
        rows = [
            [str(x.rank), x.nominee, self.names.get(x.nominee, ""), str(x.approvals), x.rate,
             t["yes"] if x.meets_threshold else t["no"], _OUTCOME[self.lang][status[x.nominee]]]
            for x in sorted(ballot.tally, key=lambda x: (x.rank, x.nominee))
        ]  # fmt: skip
        self.table([t["h.rank"], t["h.id"], t["h.name"], t["h.approvals"], t["h.rate"], t["h.threshold"], t["h.outcome"]],
                   rows, limits=[4, 8, 44, 9, 6, 10, 22], right=[0, 3, 4])  # fmt: skip

    def tie(self, awaiting: RoundDecision | None) -> None:
        t, d = self.t, self.d
        self.section("s3")
        ballot = d.ballot
        rule = next((x for x in ballot.reasons if x.code == "ballot.threshold"), None)
        if not ballot.ties:
            self.para(t["no_tie"] + (f" [{self.cite(rule)}]" if rule else ""))
            return
        cap = d.inputs.ruleset.cap
        tally = {x.nominee: x for x in ballot.tally}
        for tie in ballot.ties:
            group = set(tie.group)  # a set: a tie of thousands is looked up in constant time
            cutoff = sum(1 for x in ballot.recognised if x not in group) + tie.slots
            self.para(t["tie"].format(count=len(tie.group), approvals=tie.approvals, slots=tie.slots,
                                      cutoff=cutoff, cap=cap.slots if cap else "—"))  # fmt: skip
            rows = [[str(tally[n].rank), n, self.names.get(n, ""), str(tally[n].approvals), tally[n].rate]
                    for n in tie.group]  # fmt: skip
            self.table([t["h.rank"], t["h.id"], t["h.name"], t["h.approvals"], t["h.rate"]],
                       rows, limits=[4, 8, 60, 9, 6], right=[0, 3, 4])  # fmt: skip
        self.out.append("")
        if awaiting is not None and awaiting.ballot.open_ties:
            open_slots = sum(x.open_slots for x in awaiting.ballot.open_ties)
            waiting = sum(1 for o in awaiting.outcomes if o.outcome.value == "awaiting_chair")
            self.para(t["before"].format(
                status=_STATUS[self.lang][awaiting.status.value], recognised=len(awaiting.recognised),
                waiting=waiting, slots=open_slots, digest=awaiting.digest.removeprefix("sha256:")[:12],
            ))  # fmt: skip
        chair = d.inputs.council.chair
        if d.ballot.open_ties:
            ids = ", ".join(n for x in d.ballot.open_ties for n in x.candidates)
            slots = sum(x.open_slots for x in d.ballot.open_ties)
            self.para(t["waiting"].format(chair=chair, slots=slots, ids=ids))
        elif d.inputs.chair_choice is not None:
            chosen = "; ".join(self.label(n) for n in sorted(d.inputs.chair_choice))
            self.para(t["chose"].format(chair=chair, chosen=chosen))
        for o in d.outcomes:
            for reason in o.reasons:
                if reason.code in ("ballot.chosen_in_tie", "ballot.tie_at_cutoff"):
                    self.para(f"{o.nomination}: {self.text(reason)} [{self.cite(reason)}]")

    def decision(self) -> None:
        t, d = self.t, self.d
        self.section("s4")
        for reason in d.reasons:
            if reason.code == "round.authority":
                self.para(f"{t['signs']}: {self.text(reason)} [{self.cite(reason)}]")
        if d.status.value != "final":
            self.para(t["not_final"].format(status=_STATUS[self.lang][d.status.value]))
        cap = d.inputs.ruleset.cap if d.inputs.level.value == "province" else None
        capped = (
            ""
            if cap is None
            else t["cap"].format(slots=cap.slots, rule=cap.rule.id if cap.rule else "—")
        )
        self.out.append(t["recognised"].format(count=len(d.recognised), cap=capped))
        if not d.recognised:
            return
        self.out.append("")
        by_id = {o.nomination: o for o in d.outcomes}
        tally = {x.nominee: x for x in d.ballot.tally}
        rows = [[str(i), n, by_id[n].name or "", by_id[n].unit, _KIND[self.lang][by_id[n].kind.value],
                 str(tally[n].approvals)] for i, n in enumerate(d.recognised, 1)]  # fmt: skip
        self.table([t["h.no"], t["h.id"], t["h.name"], t["h.unit"], t["h.kind"], t["h.approvals"]],
                   rows, limits=[3, 8, 44, 26, 10, 9], right=[0, 5])  # fmt: skip

    def benefits(self) -> None:
        t, d = self.t, self.d
        self.section("s5")
        if not d.benefits:
            self.out.append(t["none"])
            return
        # The amounts are the record's; the note shows how the ruleset's dated tables make them.
        rules, day = d.inputs.ruleset.benefits, d.inputs.decision_day
        kinds = {o.nomination: o.kind for o in d.outcomes}
        rows, basis = [], None
        for b in d.benefits:
            if b.cash and rules is not None:
                basis = rules.cash(kinds[b.nomination], day)
                note = t["times"].format(multiplier=self.factor(basis.multiplier),
                                         base=self.money(basis.base_salary.value))  # fmt: skip
            else:
                note = "; ".join(self.text(r) for r in b.reasons)
            rows.append([b.nomination, self.names.get(b.nomination, ""), t["yes"] if b.certificate else t["no"],
                         self.money(b.cash), note])  # fmt: skip
        self.table([t["h.id"], t["h.name"], t["h.certificate"], t["h.cash"], t["h.note"]],
                   rows, limits=[8, 36, 11, 14, 34], right=[3])  # fmt: skip
        self.out.append("")
        paid = [b for b in d.benefits if b.cash]
        self.para(
            t["total_cash"].format(amount=self.money(sum(b.cash for b in paid)), count=len(paid))
        )
        if basis is not None:
            cited = sorted(
                {self.cite(r) for b in d.benefits for r in b.reasons if r.rule is not None}
            )
            self.para(t["cash_basis"].format(
                base=self.money(basis.base_salary.value), base_rule=basis.base_salary.rule.id,
                step=self.money(basis.decree.value.round_up_to), step_rule=basis.decree.rule.id,
                day=self.day(day),
            ) + f" [{'; '.join(cited)}]")  # fmt: skip

    def factor(self, value: Fraction) -> str:
        """``2``, ``1,5`` (vi) or ``1.5`` (en): a multiplier as a reader writes it."""
        if value.denominator == 1:
            return str(value.numerator)
        text = f"{float(value):.4f}".rstrip("0")
        return text.replace(".", ",") if self.lang == "vi" else text

    def pool(self) -> None:
        t, d = self.t, self.d
        self.section("s6")
        pool = d.national_pool
        if pool is None:
            self.out.append(t["none"])
            return
        for reason in pool.reasons:
            self.para(f"{self.text(reason)} [{self.cite(reason)}]")
        year = d.inputs.decision_day.year
        recognised, citizens = set(d.recognised), set(d.inputs.exemplary_citizens)
        rows = []
        for i, c in enumerate(pool.candidates, 1):
            why = [t["src.recognised"].format(year=year)] if c in recognised else []
            why += [t["src.citizen"].format(year=year)] if c in citizens else []
            rows.append([str(i), c if c not in self.names else self.label(c), "; ".join(why)])
        self.out.append("")
        self.table([t["h.no"], t["h.name"], t["h.source"]], rows, limits=[3, 60, 34], right=[0])
        self.out.append(f"{t['size']}: {pool.size if pool.size is not None else '—'}")

    def floors(self) -> None:
        t, d = self.t, self.d
        self.section("s7")
        if not d.floors:
            self.out.append(t["none"])
            return
        scopes = {f.scope: f for f in d.inputs.ruleset.floors}
        rows = []
        for f in d.floors:
            floor = scopes.get(f.scope)
            scope = (
                f.scope
                if floor is None
                else (floor.scope_vi if self.lang == "vi" else floor.scope_en)
            )
            state = t[f"floor.{f.status}"].format(shortfall=f.shortfall)
            rule = f.reason.rule.id if f.reason.rule is not None else ""
            rows.append(
                [
                    f.unit,
                    scope,
                    str(f.minimum),
                    "—" if f.count is None else str(f.count),
                    state,
                    rule,
                ]
            )
        self.table([t["h.unit"], t["h.scope"], t["h.minimum"], t["h.count"], t["h.floor"], t["h.rule"]],
                   rows, limits=[30, 34, 9, 8, 16, 10], right=[2, 3])  # fmt: skip
        self.out.append("")
        short = [f for f in d.floors if f.status == "short"]
        self.para(t["floor.summary"].format(short=len(short), missing=sum(f.shortfall for f in short),
                                            unknown=sum(1 for f in d.floors if f.status == "unknown")))  # fmt: skip

    def footer(self) -> None:
        t, d = self.t, self.d
        self.out += ["", "-" * WIDTH]
        used = ", ".join(f"{u.id} {u.reading}{'' if u.is_default else '*'}" for u in d.used)
        self.para(f"{t['readings']}: {used}.")
        self.out.append(f"{t['digest']}: {d.digest}")
        if self.draft is not None:
            self.para(t["draft_end"])


def json_written(path: str, *, lang: str = "vi") -> str:
    """The line that closes a report: where its decision JSON was written."""
    return _T[lang]["written"].format(path=path)


def _eligibility_reasons(o: NominationOutcome) -> list[Reason]:
    """The reasons that kept a nominee off the ballot: its failed and pending checks."""
    return [r for r in o.reasons if r.severity in _DECIDING and not r.code.startswith("ballot.")]


def _ids(ids: Sequence[str]) -> str:
    return f" ({', '.join(ids)})" if ids else ""


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, wide characters two."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    limits: Sequence[int],
    right: frozenset[int],
) -> list[str]:
    """An aligned plain-text table; a cell wider than its column's limit wraps onto more lines."""
    widths = [
        max(_width(h), min(limit, max((_width(row[i]) for row in rows), default=0)))
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    out = [
        "  ".join(_pad(h, w, i in right) for i, (h, w) in enumerate(zip(headers, widths, strict=True))).rstrip(),
        "  ".join("-" * w for w in widths),
    ]  # fmt: skip
    for row in rows:
        cells = [textwrap.wrap(c, w, break_on_hyphens=False) or [""] if _width(c) > w else [c]
                 for c, w in zip(row, widths, strict=True)]  # fmt: skip
        for k in range(max(len(c) for c in cells)):
            line = "  ".join(
                _pad(c[k] if k < len(c) else "", w, i in right)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            out.append(line.rstrip())
    return out
