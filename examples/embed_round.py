"""Embedding the round in a province's own program.

A province's software keeps its own records — dossiers, the council's vote sheet, the chair's
minutes — in its own shape. This program turns them into :class:`dienhinh.RoundInputs`, runs
the round, prints every nominee as a card (each reason with its citation), finishes the tie at
the last slot with the chair's choice, and writes the decision record as JSON. All the I/O is
here; the library itself reads and writes nothing.

Run: ``uv run python examples/embed_round.py [--json decision.json] [--lang en]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

from dienhinh import (
    Dossier,
    Nomination,
    NominationOutcome,
    Reason,
    RoundDecision,
    RoundInputs,
    Unit,
    load_ruleset,
    resolve_round,
    run_round,
    verify_round,
)
from dienhinh.criteria import Attestation, Evidence, Initiative, Nominee, Ocop
from dienhinh.voting import Ballot, Council

VIETNAM = dt.timezone(dt.timedelta(hours=7))

# -- the province's own records (here literals; in practice its database) ------------------------


class DossierRecord(TypedDict):
    """A unit's dossier as the province's register keeps it."""

    nhan_luc: str  # received at (timestamp with its offset)
    to_trinh: bool  # submission letter
    bien_ban: bool  # council minutes
    hop_ngay: str  # the day the unit's council met


UNITS: dict[str, tuple[str, str, int, DossierRecord]] = {
    # code: (name, floor scope, exemplars it recognised this year, its dossier)
    "YS": ("UBND huyện Yên Sơn", "district-people-committee", 6,
           {"nhan_luc": "2024-10-28T09:15:00+07:00", "to_trinh": True, "bien_ban": True, "hop_ngay": "2024-10-10"}),
    "SD": ("UBND huyện Sơn Dương", "district-people-committee", 3,
           {"nhan_luc": "2024-10-29T16:40:00+07:00", "to_trinh": True, "bien_ban": True, "hop_ngay": "2024-10-11"}),
}  # fmt: skip

RECORDS = [
    # (file no., name, unit, OCOP stars of its product, consent: "có" / "không" / None)
    ("HS-01", "HTX Chè Mỹ Bằng", "YS", 4, "có"),
    ("HS-02", "HTX Cam Hàm Yên", "YS", 4, "có"),
    ("HS-03", "HTX Trà Hoa Vàng", "YS", 5, "có"),
    ("HS-04", "HTX Miến Dong", "YS", 3, "có"),
    ("HS-05", "HTX Bưởi Xuân Vân", "YS", 4, "có"),
    ("HS-06", "HTX Mật Ong Trung Sơn", "YS", 3, "có"),
    ("HS-07", "HTX Gà Đồi", "YS", 3, "có"),
    ("HS-08", "HTX Nấm Kim Phú", "YS", 4, "có"),
    ("HS-09", "HTX Chè Vĩnh Tân", "SD", 4, "có"),
    ("HS-10", "HTX Rau Hữu Cơ Sơn Dương", "SD", 3, "có"),
    ("HS-11", "HTX Mía Tân Trào", "SD", 3, "có"),
    ("HS-12", "HTX Lạc Sơn Nam", "SD", 3, "có"),
    ("HS-13", "HTX Cá Lăng Sông Lô", "SD", 4, "có"),
    ("HS-14", "HTX Tre Trúc Hợp Thành", "SD", 3, "có"),
    ("HS-15", "HTX Chè Shan Tuyết Hùng Lợi", "YS", 4, "có"),
    ("HS-16", "HTX Dược Liệu Đông Thọ", "SD", 4, "có"),
    ("HS-17", "HTX Lúa Nếp Cái Hoa Vàng", "SD", 3, "không"),
    ("HS-18", "HTX Vịt Bầu Minh Hương", "YS", 3, None),
]
"""The nominated cooperatives (agriculture, TQ-3.2c), each selected by the head of its unit."""

COUNCIL = [f"TV{i:02}" for i in range(1, 20)]
"""The province's council: 19 members, TV01 in the chair."""

VOTE_SHEET = {
    # member: (how the opinion was given, the files it approves)
    **{m: ("tại cuộc họp", [r[0] for r in RECORDS]) for m in COUNCIL[:17]},
    "TV18": ("bằng văn bản", [r[0] for r in RECORDS]),
    "TV19": ("bằng văn bản", [r[0] for r in RECORDS if r[0] not in ("HS-15", "HS-16")]),
}
"""Who approved whom; an absent member's written opinion counts like a vote (TQ-2.1b)."""

CHAIR_MINUTES = {"chu_tich_chon": ["HS-16"]}
"""The chair's choice, recorded after the round showed the tie at the last slot."""


# -- from the records to the library's values -----------------------------------------------------


def evidence(name: str, unit: str, stars: int) -> list[Evidence]:
    """A cooperative's dated evidence: its OCOP rating, its initiative, its unit's statements."""
    said = [
        Attestation(
            c, unit, "Chủ tịch UBND huyện", dt.date(2024, 10, 5), "Xác nhận đạt tiêu chuẩn."
        )
        for c in ("TQ-3.1a", "TQ-3.1b", "TQ-3.1d")
    ]
    return [
        Ocop(name, stars, dt.date(2024, 5, 10), "UBND tỉnh Tuyên Quang"),
        Initiative(f"Quy trình sản xuất của {name}", "Hội đồng sáng kiến huyện", "district",
                   dt.date(2024, 6, 1)),
        *said,
    ]  # fmt: skip


def round_inputs(chair_choice: Sequence[str] | None = None) -> RoundInputs:
    """The province's records as the inputs of its 2024 round."""
    consent = {"có": True, "không": False, None: None}
    nominations = [
        Nomination(
            no, UNITS[unit][0], Nominee("collective", ["agriculture"], evidence(name, UNITS[unit][0], stars), name=name),
            consent=consent[agreed], selected_by_head=True,
        )
        for no, name, unit, stars, agreed in RECORDS
    ]  # fmt: skip
    dossiers = [
        Dossier(
            name, dt.datetime.fromisoformat(d["nhan_luc"]).astimezone(VIETNAM),
            submission_letter=d["to_trinh"], council_minutes=d["bien_ban"],
            reports=[r[0] for r in RECORDS if r[2] == code],
            unit_considered_on=dt.date.fromisoformat(d["hop_ngay"]),
        )
        for code, (name, _, _, d) in UNITS.items()
    ]  # fmt: skip
    ballots = [
        Ballot(member, approve, cast="written" if how == "bằng văn bản" else "in_meeting")
        for member, (how, approve) in VOTE_SHEET.items()
    ]
    units = [Unit(name, scope, recognised=n) for name, scope, n, _ in UNITS.values()]
    return RoundInputs(
        load_ruleset("tuyen-quang-2023"), Council(COUNCIL, chair="TV01"),
        dt.date(2024, 12, 20), nominations=nominations, ballots=ballots, dossiers=dossiers,
        decided_on=dt.date(2024, 12, 26), units=units, chair_choice=chair_choice,
    )  # fmt: skip


# -- cards ------------------------------------------------------------------------------------------

MARK = {"pass": "✓", "fail": "✗", "pending": "?", "warning": "!", "info": "·"}


def card_line(reason: Reason, lang: str) -> str:
    """One line of a card: the mark of its severity, its title, its text, its provision."""
    title, text = (reason.title_vi, reason.vi) if lang == "vi" else (reason.title_en, reason.en)
    cited = ""
    if reason.rule is not None:
        citation = reason.rule.citation
        cited = f"  [{citation.vi if lang == 'vi' else citation.en}]"
    return f"  {MARK[reason.severity.value]} {title}: {text}{cited}"


def card(outcome: NominationOutcome, lang: str) -> list[str]:
    """A nominee's card: its deciding reasons (fail, pending) and what to ask its unit for."""
    deciding = [r for r in outcome.reasons if r.severity.value in ("fail", "pending")]
    passed = sum(r.severity.value == "pass" for r in outcome.reasons)
    lines = [
        f"{outcome.nomination} {outcome.name} — {outcome.outcome.value} ({passed} checks passed)"
    ]
    lines += [card_line(r, lang) for r in deciding]
    lines += [f"  → ask for: {m.vi if lang == 'vi' else m.en}" for m in outcome.missing]
    return lines


def summary(decision: RoundDecision, lang: str) -> list[str]:
    """The round's own card: its status, and its reasons (draft, window, deadline, signatory)."""
    return [
        f"status: {decision.status.value}; recognised: {len(decision.recognised)}",
        *(f"round {card_line(r, lang).strip()}" for r in decision.reasons),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, help="write the final decision record here")
    parser.add_argument("--lang", choices=("vi", "en"), default="en")
    args = parser.parse_args(argv)

    decision = run_round(round_inputs())
    print("\n".join(summary(decision, args.lang)))
    for outcome in decision.outcomes:
        if outcome.outcome.value != "recognised":
            print("\n".join(card(outcome, args.lang)))

    tie = decision.ballot.tie
    if decision.ballot.open_ties and tie is not None:
        print(f"tie at the cutoff: {', '.join(tie.candidates)} for {tie.open_slots} slot(s)")
        choice = CHAIR_MINUTES["chu_tich_chon"]
        decision = resolve_round(decision, choice)
        print(f"the chair chose {', '.join(choice)}: {decision.status.value}")

    verify_round(decision)  # re-derives the record from its inputs; raises on any difference
    cash = sum(b.cash for b in decision.benefits)
    print(f"recognised {len(decision.recognised)}: {', '.join(decision.recognised)}")
    print(f"cash rewards: {cash:,} VND for {len(decision.benefits)} certificates".replace(",", "."))
    for floor in decision.floors:
        print(card_line(floor.reason, args.lang).strip())
    if args.json is not None:
        record = json.dumps(decision.to_json(), ensure_ascii=False, indent=2)
        args.json.write_text(record + "\n", encoding="utf-8")
        print(f"decision written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
