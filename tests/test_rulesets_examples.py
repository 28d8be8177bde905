"""The built-in rulesets pin every number of the documents; loading is strict and complete."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import textwrap
import types
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import dienhinh
from dienhinh import (
    DienhinhError,
    DocumentStatus,
    InvalidTypeError,
    InvalidValueError,
    NomineeKind,
    Ruleset,
    RulesetError,
    UnknownRulesetError,
    builtin_rulesets,
    dump_ruleset,
    load_ruleset,
    parse_ruleset,
)
from dienhinh.calendar import DateRange, Quarter, QuarterPart
from dienhinh.rulesets import Dated, Floor, Timeline
from dienhinh.rulesets._load import ballot_parameters
from dienhinh.voting import BallotRule, Cap, Comparison, Denominator, TieBreak

D = dt.date
ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rulesets" / "my-province.toml"
TQ_TEXT = (
    Path(dienhinh.__file__).parent / "rulesets" / "data" / "tuyen-quang-2023.toml"
).read_text(encoding="utf-8")


def floors(rs: Ruleset) -> list[tuple[str, int, str, D | None]]:
    return [(f.scope, f.minimum, f.rule.id, f.until) for f in rs.floors]


class TestBuiltIn:
    """The four documents as data: identity, status (A-18), blanks, and the 2025 successor (A-15)."""

    def test_the_built_in_ids(self) -> None:
        """Four built-in rulesets, one per document; catalogue files are not rulesets."""
        assert builtin_rulesets() == (
            "bac-kan-2021",
            "kon-tum-2022",
            "ninh-thuan-2023",
            "tuyen-quang-2023",
        )

    @pytest.mark.parametrize(
        ("id", "code", "status", "number", "signed_on", "blank", "successor", "formed_from"),
        [
            (
                "tuyen-quang-2023",
                "TQ",
                DocumentStatus.DRAFT,
                None,
                None,
                ("document.number", "document.signed_on", "effective.from"),
                "Tuyên Quang",
                ("Tuyên Quang", "Hà Giang"),
            ),
            (
                "bac-kan-2021",
                "BK",
                DocumentStatus.ISSUED,
                "458/KH-UBND",
                D(2021, 7, 19),
                (),
                "Thái Nguyên",
                ("Bắc Kạn", "Thái Nguyên"),
            ),
            (
                "ninh-thuan-2023",
                "NT",
                DocumentStatus.ISSUED,
                None,
                None,
                ("document.number", "document.signed_on", "effective.from"),
                "Khánh Hòa",
                ("Ninh Thuận", "Khánh Hòa"),
            ),
            (
                "kon-tum-2022",
                "KT",
                DocumentStatus.ISSUED,
                "4054/UBND-NC",
                D(2022, 11, 29),
                (),
                "Quảng Ngãi",
                ("Kon Tum", "Quảng Ngãi"),
            ),
        ],
    )
    def test_identity_status_blanks_and_successor(
        self,
        id: str,
        code: str,
        status: DocumentStatus,
        number: str | None,
        signed_on: D | None,
        blank: tuple[str, ...],
        successor: str,
        formed_from: tuple[str, ...],
    ) -> None:
        """A-18 and A-15: each document's status and blank fields are visible; its successor from 01/07/2025."""
        rs = load_ruleset(id)
        assert (rs.id, rs.document.code, rs.status, rs.document.number, rs.document.signed_on) == (
            id,
            code,
            status,
            number,
            signed_on,
        )
        assert rs.blank == blank
        assert rs.successor is not None
        assert (rs.successor.province, rs.successor.formed_from, rs.successor.start) == (
            successor,
            formed_from,
            D(2025, 7, 1),
        )

    def test_the_criteria_catalogues_are_linked(self) -> None:
        """TQ, BK and NT name their catalogue beside them; KT says it has no criteria of its own."""
        for id in ("tuyen-quang-2023", "bac-kan-2021", "ninh-thuan-2023"):
            rs = load_ruleset(id)
            assert rs.criteria_file == f"{id}.criteria.toml"
            assert rs.criteria is not None
            assert rs.criteria["catalogue"] == id
        assert load_ruleset("kon-tum-2022").own_criteria is False

    def test_effective_periods(self) -> None:
        """BK runs 2021-07-19 … 2025-12-31; NT to the end of 2025 (NT-III.2); TQ's start is blank."""
        got = {
            i: (load_ruleset(i).effective.start, load_ruleset(i).effective.end)
            for i in builtin_rulesets()
        }
        assert got == {
            "bac-kan-2021": (D(2021, 7, 19), D(2025, 12, 31)),
            "kon-tum-2022": (D(2022, 11, 29), None),
            "ninh-thuan-2023": (None, D(2025, 12, 31)),
            "tuyen-quang-2023": (None, None),
        }
        assert load_ruleset("ninh-thuan-2023").effective.rule.id == "NT-III.2"

    @pytest.mark.parametrize("id", builtin_rulesets())
    def test_to_json_is_plain_json_and_rulesets_hash(self, id: str) -> None:
        """Every ruleset serialises to plain JSON with its rules and hashes like its equal copy."""
        rs = load_ruleset(id)
        data = json.loads(json.dumps(rs.to_json(), ensure_ascii=False))
        assert data["id"] == id
        assert data["document"]["status"] == rs.status.value
        assert hash(rs) == hash(parse_ruleset(dump_ruleset(rs)))

    def test_the_same_object_for_a_built_in_id(self) -> None:
        """Built-in rulesets are read once and shared (they are immutable)."""
        assert load_ruleset("tuyen-quang-2023") is load_ruleset("tuyen-quang-2023")

    def test_an_unknown_id_lists_the_built_ins(self) -> None:
        """An unknown id is an UnknownRulesetError that names the built-in ids and how to load a file."""
        with pytest.raises(UnknownRulesetError, match=r"tuyen-quang-2023.*path"):
            load_ruleset("ha-giang-2023")
        with pytest.raises(InvalidTypeError):
            load_ruleset(2023)  # type: ignore[arg-type]

    def test_summary_for_the_listing(self) -> None:
        """`dienhinh rulesets` lists id, province, document, status, blanks and effective dates."""
        s = load_ruleset("tuyen-quang-2023").summary()
        assert s["status"] == "draft"
        assert s["document"]["number"] is None
        assert s["effective"] == {"from": None, "until": None, "named_from": None}


class TestTuyenQuang:
    """TQ-2.1b, TQ-2.1c, TQ-3.3, TQ-6.1, TQ-6.2, TQ-7.1d, TQ-8.3b as data."""

    def test_ballot_and_cap(self) -> None:
        """TQ-2.1b: at least 9/10 of the total membership, the chair breaks ties; TQ-6.2b: at most 15."""
        rs = load_ruleset("tuyen-quang-2023")
        assert rs.ballot is not None
        assert rs.ballot == BallotRule(
            threshold=Fraction(9, 10),
            comparison=Comparison.AT_LEAST,
            denominator=Denominator.TOTAL_MEMBERSHIP,
            tie_break=TieBreak.CHAIR,
            rule=rs.ballot.rule,
        )
        assert (rs.ballot.rule.id, rs.ballot.quorum) == ("TQ-2.1b", None)
        assert [rs.ballot.needed(n) for n in (9, 10, 11, 15, 19, 20, 21, 25, 30, 31)] == [
            9,
            9,
            10,
            14,
            18,
            18,
            19,
            23,
            27,
            28,
        ]
        assert rs.cap is not None
        assert (rs.cap.slots, rs.cap.rule and rs.cap.rule.id) == (15, "TQ-6.2b")

    def test_floors(self) -> None:
        """TQ-6.2a: at least 5 per district (until 30/06/2025, A-15), 2 per commune, 1 per provincial unit."""
        rs = load_ruleset("tuyen-quang-2023")
        assert floors(rs) == [
            ("district-people-committee", 5, "TQ-6.2a", D(2025, 6, 30)),
            ("commune-people-committee", 2, "TQ-6.2a", None),
            ("provincial-unit", 1, "TQ-6.2a", None),
        ]
        assert [f.scope for f in rs.floors_on(D(2025, 6, 30))] == [f.scope for f in rs.floors]
        assert [f.scope for f in rs.floors_on(D(2025, 7, 1))] == [
            "commune-people-committee",
            "provincial-unit",
        ]

    def test_window_deadlines_and_posthumous(self) -> None:
        """TQ-3.3 starts on 01/10; deadlines 15/10, 30/10, 31/12; TQ-2.1c forbids posthumous recognition."""
        rs = load_ruleset("tuyen-quang-2023")
        assert rs.window is not None
        assert (rs.window.start_month, rs.window.start_day, rs.window.rule.id) == (10, 1, "TQ-3.3")
        assert [(d.name, d.day, d.month, d.rule.id) for d in rs.deadlines] == [
            ("unit-consideration", 15, 10, "TQ-6.1a"),
            ("dossier-submission", 30, 10, "TQ-8.3b"),
            ("province-consideration", 31, 12, "TQ-6.1b"),
        ]
        assert rs.posthumous is not None
        assert (rs.posthumous.allowed, rs.posthumous.rule.id) == (False, "TQ-2.1c")
        assert rs.milestones == ()

    def test_every_value_has_its_citation_and_a_quotation_where_the_text_says_it(self) -> None:
        """Every local rule of TQ cites its article, clause and point, with a short quotation."""
        rs = load_ruleset("tuyen-quang-2023")
        local = [
            rs.ballot.rule if rs.ballot else None,
            rs.cap.rule if rs.cap else None,
            *(f.rule for f in rs.floors),
            *(d.rule for d in rs.deadlines),
        ]
        for rule in local:
            assert rule is not None
            assert rule.citation.document == "TQ"
            assert rule.citation.quote
        assert rs.deadline("dossier-submission").rule.citation.en == "TQ Regulation Art. 8(3)(b)"

    @pytest.mark.parametrize(
        ("kind", "signed_on", "amount", "decree"),
        [
            # Issue 10: each row cites the decree in force — Decree 91/2017 to 31/12/2023,
            # 98/2023 from 01/01/2024 (the "NĐ98" row began 01/07/2023, before it was in force).
            (NomineeKind.INDIVIDUAL, D(2023, 12, 20), 1_800_000, "NĐ91-merit-cash"),
            (NomineeKind.COLLECTIVE, D(2023, 12, 20), 3_600_000, "NĐ91-merit-cash"),
            (NomineeKind.INDIVIDUAL, D(2024, 1, 1), 1_800_000, "NĐ98-merit-cash"),
            (NomineeKind.INDIVIDUAL, D(2024, 7, 1), 2_340_000, "NĐ98-merit-cash"),
            (NomineeKind.COLLECTIVE, D(2025, 6, 30), 4_680_000, "NĐ98-merit-cash"),
            (NomineeKind.INDIVIDUAL, D(2025, 7, 1), 3_510_000, "NĐ152-merit-cash"),
            (NomineeKind.HOUSEHOLD, D(2025, 7, 1), 5_270_000, "NĐ152-merit-cash"),
            (NomineeKind.COLLECTIVE, D(2025, 12, 31), 7_020_000, "NĐ152-merit-cash"),
        ],
    )
    def test_cash_rewards_by_the_date_of_the_decision(
        self, kind: NomineeKind, signed_on: D, amount: int, decree: str
    ) -> None:
        """TQ-7.1d: multiples of the base salary on the signing date, rounded up to 10,000 VND (§9)."""
        rs = load_ruleset("tuyen-quang-2023")
        assert rs.benefits is not None
        cash = rs.benefits.cash(kind, signed_on)
        assert (cash.amount, cash.decree.rule.id, cash.rule.id) == (amount, decree, "TQ-7.1d")
        assert type(cash.amount) is int
        assert cash.amount % 10_000 == 0

    def test_base_salary_table_and_its_gaps(self) -> None:
        """The base salary is 1,800,000 VND from 01/07/2023 and 2,340,000 from 01/07/2024; before, none."""
        rs = load_ruleset("tuyen-quang-2023")
        assert rs.benefits is not None
        table = rs.benefits.base_salary
        assert [(e.start, e.end, e.value, e.rule.id) for e in table.entries] == [
            (D(2023, 7, 1), D(2024, 6, 30), 1_800_000, "NĐ24-3.2"),
            (D(2024, 7, 1), None, 2_340_000, "NĐ73-3.2"),
        ]
        with pytest.raises(InvalidValueError, match="no value in force"):
            table.at(D(2023, 6, 30))
        with pytest.raises(InvalidValueError, match="household"):
            rs.benefits.cash(NomineeKind.HOUSEHOLD, D(2024, 12, 1))
        assert rs.benefits.excluded_title_vi == "Công dân tiêu biểu tỉnh Tuyên Quang"

    def test_rounding_is_up_to_the_next_10000(self) -> None:
        """§9: 1.5 × 1,806,667 VND = 2,710,000.5 rounds up to 2,720,000, exactly."""
        rs = load_ruleset("tuyen-quang-2023")
        assert rs.benefits is not None
        first = rs.benefits.base_salary.entries[0]
        odd = attrs.evolve(
            rs.benefits, base_salary=Timeline([attrs.evolve(first, end=None, value=1_806_667)])
        )
        assert odd.cash(NomineeKind.INDIVIDUAL, D(2025, 7, 1)).amount == 2_720_000


class TestBacKanNinhThuanKonTum:
    """BK-IV.1a/b floors and BK-IV milestones; NT-V.1đ floors; KT sets no numbers."""

    def test_bac_kan_floors(self) -> None:
        """BK-IV.1a: at least 10 (districts until 30/06/2025, and four sectors); BK-IV.1b: at least 3."""
        assert floors(load_ruleset("bac-kan-2021")) == [
            ("district-people-committee", 10, "BK-IV.1a", D(2025, 6, 30)),
            ("police-military-education-health", 10, "BK-IV.1a", None),
            ("department-front-association-enterprise", 3, "BK-IV.1b", None),
        ]

    def test_bac_kan_milestones(self) -> None:
        """BK-IV: Q3 2021, Q1 2023, early Q2 2023, Q2 2023, Q2 2025, Q3 2025."""
        rs = load_ruleset("bac-kan-2021")
        assert [(m.id, m.when, m.rule.id) for m in rs.milestones] == [
            ("unit-plans", Quarter(2021, 3), "BK-IV.1"),
            ("preliminary-review", Quarter(2023, 1), "BK-IV.2"),
            ("preliminary-review-education", Quarter(2023, 2, QuarterPart.EARLY), "BK-IV.2"),
            ("provincial-conference", Quarter(2023, 2), "BK-IV.2"),
            ("five-year-review", Quarter(2025, 2), "BK-IV.3"),
            ("emulation-congress", Quarter(2025, 3), "BK-IV.3"),
        ]
        # Issue 10: the plan sets no ballot rule; its ruleset borrows the national provisions,
        # declared once and dated (before, it wrote Decree 91/2017's wording in its own file).
        assert rs.ballot is None
        assert rs.national_ballot is not None
        assert [e.rule.id for e in rs.national_ballot.entries] == [
            "NĐ91-45.8", "NĐ98-ballot", "NĐ152-ballot",
        ]  # fmt: skip
        on = rs.ballot_on(D(2021, 12, 20))
        assert on is not None
        assert on.rule.citation.document == "Nghị định 91/2017/NĐ-CP"
        assert (rs.cap, rs.window, rs.deadlines, rs.posthumous, rs.benefits) == (
            None,
            None,
            (),
            None,
            None,
        )

    def test_ninh_thuan_floors(self) -> None:
        """NT-V.1đ: 10 per provincial body, 1 per unit under them, 15 for the province, 5 per district, 2 per commune, 1 per department."""
        rs = load_ruleset("ninh-thuan-2023")
        assert floors(rs) == [
            ("provincial-department-front-organisation", 10, "NT-V.1đ", None),
            ("subordinate-unit", 1, "NT-V.1đ", None),
            ("province", 15, "NT-V.1đ", None),
            ("district-people-committee", 5, "NT-V.1đ", D(2025, 6, 30)),
            ("commune-people-committee", 2, "NT-V.1đ", None),
            ("department-under-provincial-committee", 1, "NT-V.1đ", None),
        ]
        assert rs.floors[2].rule.citation.vi == "điểm đ khoản 1 Mục V Kế hoạch (NT)"
        assert rs.milestones[0].when == DateRange(D(2025, 12, 31), D(2025, 12, 31))

    def test_kon_tum_is_guidance_with_no_numbers(self) -> None:
        """KT: a guidance letter — no ballot, cap, floor, window, deadline, benefit, and no criteria of its own."""
        rs = load_ruleset("kon-tum-2022")
        # Issue 10: the letter sets no ballot rule; its ruleset borrows the national provisions,
        # dated by their decrees (before, Decree 91/2017's wording in its own file).
        assert rs.ballot is None
        assert rs.has_ballot
        on = rs.ballot_on(D(2023, 12, 20))
        assert on is not None
        assert on.rule.id == "NĐ91-45.8"
        assert (
            rs.cap,
            rs.floors,
            rs.window,
            rs.deadlines,
            rs.milestones,
            rs.benefits,
        ) == (
            None,
            (),
            None,
            (),
            (),
            None,
        )
        assert rs.own_criteria is False
        assert rs.criteria is None
        assert rs.criteria_file is None
        assert rs.document.note_en is not None
        assert "no numbers" in rs.document.note_en
        assert "criteria = false" in dump_ruleset(rs)


class TestStrictLoading:
    """A ruleset file is read strictly: every problem reported at once, with its key path."""

    def test_the_example_file_loads(self) -> None:
        """docs/rulesets.md's complete example loads, with every table filled in."""
        rs = load_ruleset(EXAMPLE)
        assert rs.id == "my-province-2024"
        assert rs.source == str(EXAMPLE)
        assert rs.ballot is not None
        assert rs.ballot == BallotRule(
            threshold="2/3",
            comparison="more_than",
            denominator="votes_cast",
            quorum="2/3",
            tie_break="women_first",
            rule=rs.ballot.rule,
        )
        assert all(
            getattr(rs, n)
            for n in (
                "cap",
                "floors",
                "window",
                "deadlines",
                "milestones",
                "posthumous",
                "benefits",
                "successor",
            )
        )
        assert load_ruleset(str(EXAMPLE)) == rs

    def test_every_problem_at_once(self) -> None:
        """Unknown key, missing citation, wrong type, impossible date, gap and overlap: one RulesetError."""
        text = TQ_TEXT.replace("slots = 15", 'slots = "15"\nlimit = 3')
        text = text.replace(
            'name = "unit-consideration"\nmonth = 10\nday = 15',
            'name = "unit-consideration"\nmonth = 2\nday = 30',
        )
        text = text.replace(
            'rule = "TQ-2.1c"\ncitation = { article = "2", clause = "1", point = "c", quote = "Điển hình tiên tiến được công nhận hằng năm; không áp dụng hình thức truy tặng." }',
            'rule = "TQ-2.1c"',
        )
        text = text.replace(
            "from = 2024-07-01\nvalue = 2340000", "from = 2024-07-02\nvalue = 2340000"
        )
        text = text.replace("from = 2025-07-01\nindividual", "from = 2025-06-01\nindividual")
        with pytest.raises(RulesetError) as info:
            parse_ruleset(text, source="tq.toml")
        where = {p.where: p for p in info.value.problems}
        assert set(where) == {
            "cap.slots",
            "cap.limit",
            "deadlines[0]",
            "posthumous.citation",
            "benefits.base_salary[1].from",
            # Issue 10: three rows, one per decree; the third (Decree 152/2025, in force from
            # 01/07/2025) starts 01/06/2025: outside its decree's period, and an overlap.
            "benefits.multipliers[2].from",
        }
        assert where["cap.limit"].kind == "unknown_key"
        assert "slots" in (where["cap.limit"].allowed or "")
        assert where["posthumous.citation"].kind == "missing_key"
        assert "gap" in where["benefits.base_salary[1].from"].message
        third = [
            p.message for p in info.value.problems if p.where == "benefits.multipliers[2].from"
        ]
        assert len(third) == 2
        assert any("overlaps" in m for m in third)
        assert any(
            "outside the period of Decree 152/2025/NĐ-CP (2025-07-01 … (open))" in m for m in third
        )
        assert all(p.source == "tq.toml" for p in info.value.problems)
        assert "tq.toml" in str(info.value)

    @pytest.mark.parametrize(
        ("change", "where", "fragment"),
        [
            (("format = 1", "format = 2"), "format", "not a format"),
            (('id = "tuyen-quang-2023"', 'id = "Tuyên Quang"'), "id", "not an id"),
            (('status = "draft"', 'status = "final"'), "document.status", "not one of"),
            (('threshold = "9/10"', "threshold = 0.9"), "ballot.threshold", "float"),
            (('threshold = "9/10"', 'threshold = "9e10"'), "ballot.threshold", "exact"),
            (("start_month = 10", 'start_month = "10"'), "window.start_month", "not an integer"),
            (("start_day = 1", "start_day = 1979-05-27T07:32:00"), "window.start_day", "date-time"),
            (("until = 2025-06-30", "until = 2025-02-30"), "$", "not valid TOML"),
            (("allowed = false", "allowed = 0"), "posthumous.allowed", "true or false"),
            (
                ('blank = ["from"]', 'from = 2024-01-01\nblank = ["from"]'),
                "effective.from",
                "also listed",
            ),
            (('blank = ["from"]\n', ""), "effective.from", "or list it in blank"),
            (
                ('scope = "commune-people-committee"', 'scope = "provincial-unit"'),
                "floors[2].scope",
                "already used",
            ),
            (("minimum = 2", "minimum = 0"), "floors[1]", "≥ 1"),
        ],
    )
    def test_one_problem_each(self, change: tuple[str, str], where: str, fragment: str) -> None:
        """Each kind of mistake is named with its key path and what is allowed."""
        assert change[0] in TQ_TEXT
        with pytest.raises(RulesetError) as info:
            parse_ruleset(TQ_TEXT.replace(change[0], change[1], 1), source="tq.toml")
        assert any(
            p.where == where and fragment in p.message + (p.allowed or "")
            for p in info.value.problems
        ), info.value.problems

    def test_missing_tables_and_files(self, tmp_path: Path) -> None:
        """No [document] is a missing key; a missing file and non-UTF-8 bytes are load errors."""
        with pytest.raises(RulesetError) as info:
            parse_ruleset('format = 1\nid = "x"')
        assert {p.where for p in info.value.problems} == {"document", "effective"}
        with pytest.raises(RulesetError) as info:
            parse_ruleset('format = 1\nid = "x"\nwindow = 3\nfloors = {}\ndocument = []')
        assert {p.where: p.message for p in info.value.problems if p.where != "effective"} == {
            "document": "is an array, not a table",
            "window": "is an integer, not a table",
            "floors": "is a table, not an array of tables",
        }
        with pytest.raises(RulesetError, match="no such file"):
            load_ruleset(tmp_path / "nothing.toml")
        bad = tmp_path / "bad.toml"
        bad.write_bytes(b'id = "\xff"')
        with pytest.raises(RulesetError, match="UTF-8"):
            load_ruleset(bad)

    def test_every_load_error_is_a_dienhinh_error_and_a_value_error(self) -> None:
        """A RulesetError is caught as DienhinhError and as ValueError."""
        with pytest.raises(DienhinhError):
            parse_ruleset("not toml at all = = =")
        with pytest.raises(ValueError, match="not valid TOML"):
            parse_ruleset("[")


class TestCriteriaCatalogue:
    """A ruleset may name its criteria catalogue; the loader reads it as raw, read-only data."""

    def test_a_named_catalogue_is_read_beside_the_ruleset(self, tmp_path: Path) -> None:
        """`criteria = "<file>"` is resolved next to the ruleset file, parsed once, kept out of equality."""
        (tmp_path / "p.toml").write_text(
            EXAMPLE.read_text(encoding="utf-8").replace(
                '# criteria = "my-province-2024.criteria.toml"', 'criteria = "p.criteria.toml"'
            ),
            encoding="utf-8",
        )
        (tmp_path / "p.criteria.toml").write_text(
            (
                Path(dienhinh.__file__).parent
                / "rulesets"
                / "data"
                / "ninh-thuan-2023.criteria.toml"
            ).read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        rs = load_ruleset(tmp_path / "p.toml")
        assert rs.criteria_file == "p.criteria.toml"
        assert rs.criteria is not None
        assert rs.criteria["field"][0]["id"] == "party-government"
        assert rs.catalogue is not None
        assert rs.catalogue.id == "ninh-thuan-2023"
        assert isinstance(rs.criteria, types.MappingProxyType)
        assert isinstance(rs.criteria["field"], tuple)
        assert rs == attrs.evolve(rs, criteria=None)
        assert 'criteria = "p.criteria.toml"' in dump_ruleset(rs)

    def test_a_missing_or_broken_catalogue_is_a_load_error(self, tmp_path: Path) -> None:
        """A named catalogue that is absent or not TOML is a problem at the `criteria` key."""
        text = EXAMPLE.read_text(encoding="utf-8").replace(
            '# criteria = "my-province-2024.criteria.toml"', 'criteria = "c.toml"'
        )
        (tmp_path / "p.toml").write_text(text, encoding="utf-8")
        with pytest.raises(RulesetError) as info:
            load_ruleset(tmp_path / "p.toml")
        assert [p.where for p in info.value.problems] == ["criteria"]
        (tmp_path / "c.toml").write_text("[", encoding="utf-8")
        with pytest.raises(RulesetError, match="not valid TOML"):
            load_ruleset(tmp_path / "p.toml")
        # Valid TOML but not a catalogue: refused when the ruleset loads, each problem with its path.
        (tmp_path / "c.toml").write_text('format = 1\n[[field]]\nid = "agriculture"\n', "utf-8")
        with pytest.raises(RulesetError) as info:
            load_ruleset(tmp_path / "p.toml")
        assert {p.where for p in info.value.problems} == {"criteria"}
        assert "the catalogue 'c.toml' at field[0].title_vi required key missing" in str(info.value)
        assert (
            parse_ruleset(text).criteria is None
        )  # no directory given: the file system is not touched

    def test_a_catalogue_path_must_stay_beside_the_ruleset(self) -> None:
        """An absolute path or `..` in `criteria` is refused; `true` is not a file name."""
        for value in ('"/etc/passwd"', '"../x.toml"', "true"):
            text = EXAMPLE.read_text(encoding="utf-8").replace(
                '# criteria = "my-province-2024.criteria.toml"', f"criteria = {value}"
            )
            with pytest.raises(RulesetError):
                parse_ruleset(text)


class TestWhatIf:
    """A caller derives a variant in code; the original never changes."""

    def test_variant_needs_a_new_id_and_is_validated(self) -> None:
        """`Ruleset.variant` keeps the original intact, refuses the same id and re-validates the parts."""
        tq = load_ruleset("tuyen-quang-2023")
        assert tq.cap is not None
        v = tq.variant("tq-cap-20", cap=Cap(20, rule=tq.cap.rule))
        assert (v.cap, tq.cap.slots, v.document) == (Cap(20, rule=tq.cap.rule), 15, tq.document)
        with pytest.raises(InvalidValueError):
            tq.variant("tuyen-quang-2023", cap=None)
        with pytest.raises(InvalidTypeError):
            tq.variant("tq-x", cap=20)
        with pytest.raises(InvalidValueError, match="twice"):
            tq.variant("tq-x", deadlines=(*tq.deadlines, tq.deadlines[0]))
        with pytest.raises(InvalidTypeError):
            attrs.evolve(tq, floors=("district",))

    def test_a_variant_round_trips_through_toml(self) -> None:
        """A variant written with dump_ruleset loads back equal; an uncited cap cannot be written."""
        tq = load_ruleset("tuyen-quang-2023")
        floor = Floor("ward", "Phường", "Ward", 4, tq.floors[0].rule)
        v = tq.variant("tq-wards", floors=(*tq.floors, floor))
        assert parse_ruleset(dump_ruleset(v)) == v
        with pytest.raises(InvalidValueError, match="cites every value"):
            dump_ruleset(tq.variant("tq-uncited", cap=Cap(20)))

    def test_dated_values_must_not_overlap(self) -> None:
        """A timeline built in code is checked like a file: no overlap, no gap, one value type."""
        rule = load_ruleset("tuyen-quang-2023").floors[0].rule
        a = Dated(D(2024, 1, 1), D(2024, 6, 30), 1, rule)
        with pytest.raises(InvalidValueError, match="overlaps"):
            Timeline([a, Dated(D(2024, 6, 30), None, 2, rule)])
        with pytest.raises(InvalidValueError, match="gap"):
            Timeline([a, Dated(D(2024, 7, 2), None, 2, rule)])
        with pytest.raises(InvalidValueError, match="is a str"):
            Timeline([a, Dated(D(2024, 7, 1), None, "2", rule)])
        assert Timeline([a, Dated(D(2024, 7, 1), None, 2, rule)]).at(D(2030, 1, 1)).value == 2


class TestFacade:
    """`dienhinh.rulesets` exports exactly the parts of a ruleset."""

    def test_all_is_exactly_the_public_names(self) -> None:
        """Every public name of `dienhinh.rulesets` is in `__all__`, and nothing else."""
        module = importlib.import_module("dienhinh.rulesets")
        public = {
            n
            for n, v in vars(module).items()
            if not n.startswith("_") and not isinstance(v, types.ModuleType)
        }
        assert set(module.__all__) == public

    def test_the_ruleset_api_in_the_package_root(self) -> None:
        """The ruleset hub is in the root: Ruleset and its loading, writing and listing functions."""
        for name in (
            "Ruleset",
            "DocumentStatus",
            "load_ruleset",
            "parse_ruleset",
            "dump_ruleset",
            "builtin_rulesets",
        ):
            assert name in dienhinh.__all__


class TestBallotLookup:
    """The ballot JSON's `"ruleset": "<id>"` takes the ballot rule and the cap from a built-in ruleset."""

    def test_tuyen_quang_gives_rule_and_cap(self) -> None:
        """TQ-2.1b and TQ-6.2b come from tuyen-quang-2023."""
        rule, cap = ballot_parameters("tuyen-quang-2023")
        assert (rule.rule.id, cap.slots if cap else None) == ("TQ-2.1b", 15)

    def test_only_built_in_rulesets_with_a_ballot(self) -> None:
        """A path and an unknown id are errors (a built-in without a ballot rule, too)."""
        # Issue 9: every built-in ruleset now has a ballot rule — kon-tum-2022 the national
        # decree's, cited as its own document — so no built-in id is refused for lacking one.
        # Issue 10: the decree is the one in force on the decision date, which is required.
        assert ballot_parameters("kon-tum-2022", D(2023, 12, 20))[0].rule.id == "NĐ91-45.8"
        assert ballot_parameters("kon-tum-2022", D(2024, 12, 20))[0].rule.id == "NĐ98-ballot"
        with pytest.raises(InvalidValueError, match=r"decided_on=None: .* allowed: a date in"):
            ballot_parameters("kon-tum-2022")
        with pytest.raises(InvalidValueError, match="built-in"):
            ballot_parameters("./examples/rulesets/my-province.toml")
        with pytest.raises(UnknownRulesetError):
            ballot_parameters("ha-giang-2023")


def test_the_reader_reports_problems_in_file_order() -> None:
    """Problems come in the order of the file's tables, so a reviewer reads them top to bottom."""
    text = textwrap.dedent(
        """
        format = 1
        id = "x"
        oops = 1
        [document]
        code = "X"
        """
    )
    with pytest.raises(RulesetError) as info:
        parse_ruleset(text)
    wheres = [p.where for p in info.value.problems]
    assert wheres.index("document.province") < wheres.index("effective") < wheres.index("oops")
