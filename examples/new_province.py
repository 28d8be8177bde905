"""Writing a new province's ruleset, trying a what-if, and running a ballot and a round under it.

1. Start from the complete template ``examples/rulesets/my-province.toml`` (every table of the
   format, for an invented province "Tỉnh Mẫu"): copy it, put the province's own values in,
   and load it by path with ``load_ruleset``. A file that breaks a rule of the format does not
   load, and the error names every problem at once.
2. Derive a what-if variant (here: the Tuyên Quang ballot rule — at least 90 % of the total
   membership — instead of the province's "more than two thirds of the votes cast"). A variant
   gets a new id, so a result computed under it is never mistaken for one under the document.
3. Count the same ballot under both, run a round under the province's own file, and write the
   variant back as TOML the province can keep.

Run: ``uv run python examples/new_province.py``
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dienhinh import (
    Dossier,
    Nomination,
    RoundInputs,
    Ruleset,
    RulesetError,
    dump_ruleset,
    load_ruleset,
    run_round,
)
from dienhinh.criteria import Nominee
from dienhinh.voting import Ballot, Council, count_votes

TEMPLATE = Path(__file__).resolve().parent / "rulesets" / "my-province.toml"


def write_own_file(directory: Path) -> Path:
    """Step 1: the template with this province's values (its id and its yearly cap of 12)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace('id = "my-province-2024"', 'id = "tinh-mau-2024"', 1)
    text = text.replace("slots = 20", "slots = 12", 1)
    path = directory / "tinh-mau-2024.toml"
    path.write_text(text, encoding="utf-8")
    return path


def describe(ruleset: Ruleset) -> list[str]:
    """What a reviewer checks first: identity, status, the ballot rule, the numbers and dates."""
    lines = [f"{ruleset.id}: {ruleset.document.title} ({ruleset.status.value})"]
    if ruleset.ballot is not None:
        b = ruleset.ballot
        quorum = "none" if b.quorum is None else str(b.quorum)
        lines.append(
            f"  ballot: {b.comparison.value} {b.threshold} of {b.denominator.value}, quorum {quorum}, "
            f"ties: {b.tie_break.value} [{b.rule.id}]"
        )
    if ruleset.cap is not None:
        lines.append(
            f"  cap: {ruleset.cap.slots} a year [{ruleset.cap.rule.id if ruleset.cap.rule else '—'}]"
        )
    lines += [f"  floor: {f.scope} ≥ {f.minimum} [{f.rule.id}]" for f in ruleset.floors]
    lines += [
        f"  deadline: {d.name} {d.day:02}/{d.month:02} ({d.wording.value}) [{d.rule.id}]"
        for d in ruleset.deadlines
    ]
    return lines


def broken_file(directory: Path) -> str:
    """A value without its citation does not load: the error says where and why."""
    text = TEMPLATE.read_text(encoding="utf-8").replace(
        'citation = { article = "6", clause = "2" }\n', "", 1
    )
    path = directory / "broken.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_ruleset(path)
    except RulesetError as exc:
        return " ".join(str(exc).replace(str(directory) + "/", "").split())
    raise AssertionError("a value without its citation loaded")


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)

        # 1. The province's own file, loaded by path.
        mine = load_ruleset(write_own_file(directory))
        print("\n".join(describe(mine)))
        print(f"refused: {broken_file(directory)}")

        # 2. A what-if: the same document under Tuyên Quang's ballot rule (TQ-2.1b).
        what_if = mine.variant(
            "tinh-mau-2024-tq-ballot", ballot=load_ruleset("tuyen-quang-2023").ballot
        )
        print("\n".join(describe(what_if)[:2]))

        # 3a. The same ballot under both: 9 members, 7 vote in the meeting, 2 absent and silent.
        council = Council([f"tv{i}" for i in range(1, 10)], chair="tv1")
        nominees = ["Lò Thị Hoa", "Vàng A Sử", "Hà Văn Lâm"]
        ballots = [
            Ballot(m, nominees[:2] if m in ("tv6", "tv7") else nominees)
            for m in council.members[:7]
        ]
        for ruleset in (mine, what_if):
            assert ruleset.ballot is not None
            result = count_votes(council, nominees, ballots, rule=ruleset.ballot, cap=ruleset.cap)
            print(
                f"{ruleset.id}: {result.needed} approvals needed of {result.denominator}; "
                f"recognised {', '.join(result.recognised) or 'nobody'}"
            )

        # 3b. A round under the province's own file (it has no criteria catalogue: the council
        #     judges the record, and the round says so).
        unit = "UBND huyện Mẫu Sơn"
        nomination = Nomination(
            "HOA", unit, Nominee("individual", ["education"], [], name="Lò Thị Hoa"),
            consent=True, selected_by_head=True, women_priority=True,
        )  # fmt: skip
        dossier = Dossier(unit, dt.date(2024, 11, 15), submission_letter=True,
                          council_minutes=True, reports=["HOA"])  # fmt: skip
        decision = run_round(RoundInputs(
            mine, council, dt.date(2024, 12, 18), nominations=[nomination],
            ballots=[Ballot(m, ["HOA"]) for m in council.members[:7]], dossiers=[dossier],
        ))  # fmt: skip
        print(f"round under {mine.id}: {decision.status.value}, recognised {decision.recognised}")
        print("  " + ", ".join(r.code for r in decision.reasons))
        print("  " + ", ".join(r.code for r in decision.outcome("HOA").reasons))

        # 3c. The variant written back as TOML, and read again: the same ruleset.
        kept = directory / "tinh-mau-2024-tq-ballot.toml"
        kept.write_text(dump_ruleset(what_if), encoding="utf-8")
        print(f"written and read back equal: {load_ruleset(kept) == what_if}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
