"""Readings a catalogue declares (``reading = "A-n"``, docs/criteria-format.md): each switchable.

A-24 (“;”-lists read as alternatives), A-25 (“giải cao”), A-26 (Bắc Kạn's look-backs): the
default is the catalogue's node as written, the alternative its declared structure; the
switch works from Python, the command line and the JSON inputs, and a catalogue note that
reads the text names the register entry it belongs to (the rule is stated above
``unregistered_readings``; docs/criteria-format.md says it in prose).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from dienhinh import (
    INTERPRETATIONS,
    DienhinhError,
    InvalidValueError,
    Readings,
    RulesetError,
    UnknownFieldError,
)
from dienhinh._kinds import NomineeKind
from dienhinh.cli import main
from dienhinh.criteria import (
    Attestation,
    Award,
    Catalogue,
    Contribution,
    Figure,
    Nominee,
    Ocop,
    Project,
    ProjectTest,
    Rating,
    Title,
    Verdict,
    assess,
    parse_catalogue,
)
from dienhinh.rulesets import load_catalogue

D = dt.date
TQ = load_catalogue("tuyen-quang-2023")
BK = load_catalogue("bac-kan-2021")
NT = load_catalogue("ninh-thuan-2023")
WINDOW = (D(2023, 10, 1), D(2024, 12, 15))
IN = D(2024, 3, 15)
DATA = Path(__file__).resolve().parent.parent / "src" / "dienhinh" / "rulesets" / "data"


def attest(cid: str, on: D = IN) -> Attestation:
    return Attestation(cid, "UBND xã Tân Trào", "Chủ tịch", on, f"Xác nhận {cid}.")


def read(**choices: str) -> Readings:
    return Readings({k.replace("_", "-"): v for k, v in choices.items()})


# -- A-24 -----------------------------------------------------------------------------------


def test_tq_3_2c_a24_one_branch_meets_the_point_by_default_and_not_read_literally() -> None:
    """A-24: TQ-3.2c (“;”: farming; OCOP; forestry) — one OCOP product meets it as noted; under
    literal-and the other two branches are still needed."""
    n = Nominee("collective", ["agriculture"], [Ocop("Chè Shan tuyết", 3, IN, "UBND tỉnh")])
    as_noted = assess(n, TQ, window=WINDOW).tree.find("TQ-3.2c")
    literal = assess(n, TQ, window=WINDOW, readings=read(A_24="literal-and"))
    node = literal.tree.find("TQ-3.2c")
    assert (as_noted.verdict, as_noted.read_as) == (Verdict.MET, "any_of")
    assert (node.verdict, node.structure, node.read_as) == (Verdict.UNKNOWN, "all_of", "all_of")
    assert "criteria.semicolon_alternatives" not in {r.code for r in node.reasons}
    assert any("A-24 “literal-and”" in r.vi for r in node.reasons)
    assert ("A-24", "literal-and") in {(u.id, u.reading) for u in literal.used}


@pytest.mark.parametrize(
    "cid", ["TQ-3.2c", "TQ-3.2d", "TQ-3.2đ", "TQ-3.2m", "TQ-3.2p", "TQ-3.2q.community"]
)
def test_tq_3_2_a24_every_semicolon_alternative_has_its_literal_conjunction(cid: str) -> None:
    """A-24: each “;”-list TQ-3.2 reads as “or” declares A-24 and the literal all_of of the same items."""
    node = TQ.criteria[cid]
    alt = node.alternatives["literal-and"]
    assert (node.reading, node.structure, node.joined_by) == ("A-24", "any_of", ";")
    assert (alt.structure, alt.children, alt.joined_by) == ("all_of", node.children, ";")
    assert "A-24" in (node.note_en or "")
    assert "A-24" in (node.note_vi or "")
    assert cid in INTERPRETATIONS["A-24"].rules


# Evidence meeting each item of TQ-3.2's “;”-lists that is not met by an attestation.
_ITEM_EVIDENCE: dict[str, Any] = {
    "TQ-3.2c.ocop": Ocop("Chè Shan tuyết", 3, IN, "UBND tỉnh"),
    "TQ-3.2c.forest": Attestation(
        "TQ-3.2c.forestry", "Hạt Kiểm lâm", "Hạt trưởng", IN, "Trồng rừng."
    ),
    "TQ-3.2đ.students": Award("province", "education", "competition", IN, "Sở Giáo dục và Đào tạo"),
    "TQ-3.2q.site-clearance": Contribution("land", 350, "site_clearance", IN),
}


def _item(cid: str) -> Any:
    return _ITEM_EVIDENCE.get(cid) or attest(cid)


@pytest.mark.parametrize(
    ("cid", "field"),
    [("TQ-3.2c", "agriculture"), ("TQ-3.2d", "finance"), ("TQ-3.2đ", "education"),
     ("TQ-3.2m", "defence-security"), ("TQ-3.2p", "labour-production-business"),
     ("TQ-3.2q.community", "social-life")],
)  # fmt: skip
def test_tq_3_2_a24_literal_and_with_a14_semicolon_and_restores_the_conjunction(
    cid: str, field: str
) -> None:
    """A-24, A-14: under A-24 “literal-and” and A-14 “semicolon-and” each of TQ-3.2c, d, đ, m, p
    and q.community needs every item of its “;”-list: one item meets it as noted and not
    literally, each item left out leaves it unmet, all items meet it; under A-14
    “semicolon-or” the literal list is read as alternatives again."""
    items = TQ.criteria[cid].children
    literal = read(A_24="literal-and", A_14="semicolon-and")

    def verdict(evidence: list[Any], readings: Readings) -> Verdict:
        n = Nominee("collective", [field], evidence)
        return assess(n, TQ, window=WINDOW, readings=readings).tree.find(cid).verdict

    one = [_item(items[0])]
    assert verdict(one, Readings()) is Verdict.MET
    assert verdict(one, literal) is not Verdict.MET
    assert verdict(one, read(A_24="literal-and", A_14="semicolon-or")) is Verdict.MET
    every = [_item(i) for i in items]
    assert verdict(every, literal) is Verdict.MET
    for left_out in range(len(items)):
        assert verdict(every[:left_out] + every[left_out + 1 :], literal) is not Verdict.MET


def test_nt_iv_2c_a24_either_place_suffices_unless_read_literally() -> None:
    """A-24: NT-IV.2c.ict (“;” before “các điển hình tiên tiến trong lĩnh vực báo chí”)."""
    press = next(c for c in NT.criteria["NT-IV.2c.ict"].children)
    n = Nominee("collective", ["information-communications"], [attest(press)])
    window = (D(2023, 10, 1), D(2024, 12, 15))
    default = assess(n, NT, window=window).tree.find("NT-IV.2c.ict")
    literal = assess(n, NT, window=window, readings=read(A_24="literal-and")).tree.find(
        "NT-IV.2c.ict"
    )
    assert default.verdict is Verdict.MET
    assert literal.verdict is Verdict.UNKNOWN


# -- A-25 -----------------------------------------------------------------------------------


def test_tq_3_2d_students_a25_a_recorded_prize_counts_unless_a_high_prize_must_be_attested() -> (
    None
):
    """A-25: TQ-3.2đ “đoạt giải cao trong các kỳ thi, cuộc thi cấp tỉnh trở lên”."""
    prize = Award("province", "education", "competition", IN, "Sở Giáo dục và Đào tạo")
    n = Nominee("collective", ["education"], [prize])
    default = assess(n, TQ, window=WINDOW).tree.find("TQ-3.2đ.students")
    high = assess(n, TQ, window=WINDOW, readings=read(A_25="attested-high"))
    node = high.tree.find("TQ-3.2đ.students")
    assert default.verdict is Verdict.MET
    assert (node.verdict, node.evidence_type) == (Verdict.UNKNOWN, "attestation")
    attested = Nominee("collective", ["education"], [prize, attest("TQ-3.2đ.students")])
    node = assess(attested, TQ, window=WINDOW, readings=read(A_25="attested-high")).tree.find(
        "TQ-3.2đ.students"
    )
    assert node.verdict is Verdict.MET
    assert ("A-25", "attested-high") in {(u.id, u.reading) for u in high.used}


# -- A-26 -----------------------------------------------------------------------------------

ON_2025 = (D(2024, 10, 1), D(2025, 6, 15))  # the 2021-2025 plan's last round


def test_bk_iii_2_4_a26_every_year_means_the_two_previous_years_or_the_whole_plan() -> None:
    """A-26: BK-III.2.4 “hằng năm đạt danh hiệu ‘Gia đình văn hóa’” considered in 2025."""
    titles = [Title("cultural_family", y, "UBND xã Dương Quang") for y in (2023, 2024)]
    n = Nominee("household", ["household-economy"], titles, complete=["title"])
    default = assess(n, BK, window=ON_2025).tree.find("BK-III.2.4.family")
    plan = assess(n, BK, window=ON_2025, readings=read(A_26="plan-period")).tree.find(
        "BK-III.2.4.family"
    )
    assert (default.verdict, default.years) == (Verdict.MET, (2023, 2024))
    assert (plan.verdict, plan.years) == (Verdict.NOT_MET, (2021, 2022, 2023, 2024))


def test_bk_iii_2_3_a26_growth_every_year_of_the_plan_compares_from_2020() -> None:
    """A-26: BK-III.2.3 “doanh thu … hằng năm tăng trưởng”: plan-period compares 2020 → 2024."""
    rising = [Figure("revenue", y, 10 + y - 2020) for y in (2022, 2023, 2024)]
    n = Nominee("collective", ["production-business"], [*rising, Figure("revenue", 2021, 99),
                                                      Figure("revenue", 2020, 1)])  # fmt: skip
    cid = "BK-III.2.3-collective.revenue"
    default = assess(n, BK, window=ON_2025).tree.find(cid)
    plan = assess(n, BK, window=ON_2025, readings=read(A_26="plan-period")).tree.find(cid)
    assert (default.verdict, default.years) == (Verdict.MET, (2022, 2023, 2024))
    assert (plan.verdict, plan.years) == (Verdict.NOT_MET, (2020, 2021, 2022, 2023, 2024))


def test_bk_a26_every_lookback_of_the_plan_declares_its_reading() -> None:
    """A-26: every look-back of the Bắc Kạn catalogue is switchable and listed in the register."""
    with_lookback = [c for c in BK.criteria.values() if getattr(c.test, "lookback", None)]
    assert len(with_lookback) == 11
    for c in with_lookback:
        assert c.reading == "A-26", c.id
        lookback: Any = getattr(c.alternatives["plan-period"].test, "lookback", None)
        assert lookback.since in (2020, 2021), c.id
        assert any(c.id.startswith(r) for r in INTERPRETATIONS["A-26"].rules), c.id


# -- A-36 ------------------------------------------------------------------------------------


def test_tq_3_2g_project_a36_a_national_project_counts_unless_read_as_provincial_only() -> None:
    """A-36: TQ-3.2g “có đề tài, dự án khoa học và công nghệ cấp tỉnh xếp loại đạt trở lên” —
    a national project rated “pass” meets the item by default; under “provincial-only” it is set
    aside as another level (``criteria.level_above``), while a provincial one still meets it."""
    national = Project("Giống chè mới", "national", "pass", IN)
    n = Nominee("individual", ["science-technology"], [national], complete=["project"])
    default = assess(n, TQ, window=WINDOW)
    only = assess(n, TQ, window=WINDOW, readings=read(A_36="provincial-only"))
    assert default.tree.find("TQ-3.2g.project").verdict is Verdict.MET
    node = only.tree.find("TQ-3.2g.project")
    assert node.verdict is Verdict.NOT_MET
    assert [i.reason.code for i in node.ignored] == ["criteria.level_above"]
    assert node.ignored[0].reason.vi == "Cấp toàn quốc không phải cấp tỉnh như yêu cầu."
    assert ("A-36", "provincial-only") in {(u.id, u.reading) for u in only.used}
    assert ("A-36", "province-or-above") in {(u.id, u.reading) for u in default.used}
    provincial = Nominee("individual", ["science-technology"],
                         [Project("Giống chè mới", "province", "pass", IN)])  # fmt: skip
    again = assess(provincial, TQ, window=WINDOW, readings=read(A_36="provincial-only"))
    assert again.tree.find("TQ-3.2g.project").verdict is Verdict.MET


def test_tq_3_2g_project_a36_declares_its_alternative_and_asks_for_a_provincial_project() -> None:
    """A-36: the node declares the reading; the alternative keeps the rating and bounds the level
    at “province” both ways, and what it asks for says “cấp tỉnh” without “trở lên”."""
    node = TQ.criteria["TQ-3.2g.project"]
    alt, test = node.alternatives["provincial-only"].test, node.test
    assert isinstance(alt, ProjectTest)
    assert isinstance(test, ProjectTest)
    assert alt.level_at_most is not None
    assert node.reading == "A-36"
    assert (alt.level_at_least.value, alt.level_at_most.value, alt.rating_at_least.value) == (
        "province",
        "province",
        "pass",
    )
    assert alt.need_vi() == "đề tài, dự án khoa học và công nghệ cấp tỉnh xếp loại từ “đạt” trở lên"
    assert test.level_at_most is None
    assert "A-36" in (node.note_vi or "")
    assert "A-36" in (node.note_en or "")


def test_tq_3_2g_project_a36_a_level_at_most_below_the_level_at_least_is_refused() -> None:
    """A-36: ``level_at_most`` under ``level_at_least`` is refused when the catalogue loads."""
    data = copy.deepcopy(_tq_data())
    _node(data, "TQ-3.2g.project")["alternatives"]["provincial-only"]["level_at_most"] = "district"
    with pytest.raises(RulesetError, match="level_at_most"):
        parse_catalogue(data, source="tq.toml")


# -- A-37 ------------------------------------------------------------------------------------


def test_bk_iii_2_2_a37_one_land_donation_meets_the_form_unless_many_means_two() -> None:
    """A-37: BK Mục III.2.2 “Các cá nhân, hộ gia đình có nhiều đóng góp … tham gia hiến đất …”:
    one donation of 150 m² in the window meets the land form by default; under “two-or-more” it
    does not yet (two are asked for), and a second donation meets it."""
    cid = "BK-III.2.2-individual-household"
    one = [Contribution("land", 150, "new_rural", IN)]
    two = [*one, Contribution("land", 80, "new_rural", D(2024, 6, 1))]
    many = read(A_37="two-or-more")

    def node(evidence: list[Any], readings: Readings) -> Any:
        n = Nominee("household", ["new-rural"], evidence)
        return assess(n, BK, window=WINDOW, readings=readings).tree.find(f"{cid}.land")

    assert node(one, Readings()).verdict is Verdict.MET
    assert node(one, many).verdict is Verdict.UNKNOWN
    assert node(two, many).verdict is Verdict.MET
    asked = " ".join(r.vi for r in node(one, many).missing)
    assert "ít nhất 2 lần đóng góp" in asked
    n = Nominee("household", ["new-rural"], one)
    used = assess(n, BK, window=WINDOW, readings=many).used
    assert ("A-37", "two-or-more") in {(u.id, u.reading) for u in used}


def test_bk_iii_2_2_a37_each_contribution_form_declares_two_or_more() -> None:
    """A-37: land, money/goods and labour each declare A-37 with the same kinds and purposes and
    a count of two; the attested mobilisation (“nhiều đóng góp trong tuyên truyền, vận động”,
    attested as written) and the parent, which names A-37 in its note, declare no alternative."""
    cid = "BK-III.2.2-individual-household"
    for form in ("land", "money", "labour"):
        c = BK.criteria[f"{cid}.{form}"]
        alt = c.alternatives["two-or-more"].test
        assert c.reading == "A-37", form
        assert alt is not None
        assert alt.to_json() == {**(c.test.to_json() if c.test else {}), "count": 2}, form
    assert BK.criteria[f"{cid}.mobilisation"].reading is None
    assert "A-37" in (BK.criteria[cid].note_en or "")


# -- A-39 ------------------------------------------------------------------------------------

A39 = "BK-III.2.6-collective.excellent"


def _bk_agency(evidence: list[Any], readings: Readings) -> Any:
    n = Nominee("collective", ["model-agencies"], evidence)
    return assess(n, BK, window=ON_2025, readings=readings).tree.find(A39)


def test_bk_iii_2_6_a39_the_title_meets_it_by_default_and_the_rating_under_annual_rating() -> None:
    """A-39: BK Mục III.2.6 “hằng năm được công nhận tập thể xuất sắc”, considered in 2025 (A-26:
    2023 and 2024). The title “Tập thể lao động xuất sắc” of both years meets it by default and
    not under “annual-rating”; ratings “hoàn thành xuất sắc nhiệm vụ” of both years meet it
    under “annual-rating” and not by default. The assessment lists A-39."""
    titles = [Title("excellent_collective", y, "UBND tỉnh Bắc Kạn") for y in (2023, 2024)]
    ratings = [Rating("excellent", y, "UBND tỉnh Bắc Kạn", date=D(y, 12, 20)) for y in (2023, 2024)]
    rating = read(A_39="annual-rating")
    assert _bk_agency(titles, Readings()).verdict is Verdict.MET
    assert _bk_agency(titles, rating).verdict is Verdict.UNKNOWN
    assert _bk_agency(ratings, Readings()).verdict is Verdict.UNKNOWN
    node = _bk_agency(ratings, rating)
    assert (node.verdict, node.evidence_type, node.years) == (Verdict.MET, "rating", (2023, 2024))
    good = [Rating("good", 2023, "UBND tỉnh Bắc Kạn", date=D(2023, 12, 20)), ratings[1]]
    assert _bk_agency(good, rating).verdict is Verdict.NOT_MET  # one year below excellent
    n = Nominee("collective", ["model-agencies"], titles)
    used = assess(n, BK, window=ON_2025, readings=rating).used
    assert {("A-26", "two-previous-years"), ("A-39", "annual-rating")} <= {
        (u.id, u.reading) for u in used
    }


def test_bk_iii_2_6_a39_with_a26_plan_period_each_combination_is_its_own_alternative() -> None:
    """A-39 with A-26 “plan-period”: every year from 2021 — the title of 2021–2024 under
    “plan-period”, the rating of 2021–2024 under “plan-period+annual-rating”; two years of
    either no longer suffice."""
    years = (2021, 2022, 2023, 2024)
    titles = [Title("excellent_collective", y, "UBND tỉnh Bắc Kạn") for y in years]
    ratings = [Rating("excellent", y, "UBND tỉnh Bắc Kạn", date=D(y, 12, 20)) for y in years]
    plan, both = read(A_26="plan-period"), read(A_26="plan-period", A_39="annual-rating")
    assert _bk_agency(titles, plan).verdict is Verdict.MET
    assert _bk_agency(titles[2:], plan).verdict is Verdict.UNKNOWN
    assert _bk_agency(ratings, plan).verdict is Verdict.UNKNOWN
    assert _bk_agency(ratings, both).verdict is Verdict.MET
    assert _bk_agency(ratings[2:], both).verdict is Verdict.UNKNOWN
    assert _bk_agency(titles, both).verdict is Verdict.UNKNOWN
    node = BK.criteria[A39]
    assert node.entries == ("A-26", "A-39")
    assert sorted(node.alternatives) == [
        "annual-rating",
        "plan-period",
        "plan-period+annual-rating",
    ]
    assert "A-39" in (node.note_vi or "")
    assert "A-39" in (node.note_en or "")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda n: n["alternatives"].pop("plan-period+annual-rating"),
         "A-26 and A-39 need one alternative for each combination of readings but the defaults"),
        (lambda n: n.update(reading=["A-26", "A-26"]), "names an entry twice"),
        (lambda n: n.update(reading=["A-26", "A-99"]),
         "'A-99' is not an entry of the interpretation register"),
    ],
)  # fmt: skip
def test_bk_iii_2_6_a39_a_node_of_two_entries_is_checked_when_the_catalogue_loads(
    mutate: Any, message: str
) -> None:
    """A-39: a node reading two entries gives every combination, each entry once, each known."""
    data = tomllib.loads((DATA / "bac-kan-2021.criteria.toml").read_text(encoding="utf-8"))
    mutate(_node(data, A39))
    with pytest.raises(RulesetError, match=re.escape(message)):
        parse_catalogue(data, source="bk.toml")


def test_bk_iii_2_6_a39_is_chosen_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A-39: ``dienhinh assess --read A-39=annual-rating`` reads BK-III.2.6's titles as not
    enough (the criterion asks for the ratings), and the record lists the reading."""
    titles = [Title("excellent_collective", y, "UBND tỉnh Bắc Kạn") for y in (2023, 2024)]
    doc = Nominee("collective", ["model-agencies"], titles).to_json()
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    args = ["assess", str(path), "--ruleset", "bac-kan-2021", "--from", "2024-10-01",
            "--to", "2025-06-15"]  # fmt: skip

    def verdict(record: Any) -> str:
        nodes = [record["tree"]]
        while nodes[0]["id"] != A39:
            nodes = nodes[1:] + nodes[0]["children"]
        return str(nodes[0]["verdict"])

    assert main(args) == 0
    assert verdict(json.loads(capsys.readouterr().out)) == "met"
    assert main([*args, "--read", "A-39=annual-rating"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert verdict(out) == "unknown"
    assert {"id": "A-39", "reading": "annual-rating", "default": False} in out["interpretations"]


# -- A-29 ------------------------------------------------------------------------------------

FAMILY = ("TQ-3.1a", "TQ-3.1b", "TQ-3.1c.model", "TQ-3.1d")
"""The general standard's four points, each attested."""


def family(
    fields: tuple[str, ...] = ("social-life",), point_q: tuple[str, ...] = ("TQ-3.2q.culture",)
) -> Nominee:
    return Nominee("household", list(fields), [attest(c) for c in (*FAMILY, *point_q)])


def test_tq_3_2q_a29_a_household_is_refused_citing_tq_4_1_by_default() -> None:
    """A-29 not-exemplars (default): TQ Art. 4 names “tập thể, cá nhân”; a household is refused,
    the message citing TQ-4.1 and naming the reading that would admit it."""
    with pytest.raises(InvalidValueError, match=r"TQ-4\.1") as e:
        assess(family(), TQ, window=WINDOW)
    assert "A-29 “not-exemplars”" in str(e.value)
    assert "household under A-29 “families-under-3.2q”" in str(e.value)
    assert TQ.kinds == frozenset({NomineeKind.COLLECTIVE, NomineeKind.INDIVIDUAL})


def test_tq_3_2q_a29_a_family_is_judged_on_the_general_standard_and_point_q() -> None:
    """A-29 families-under-3.2q: “Gia đình, cá nhân tiêu biểu trong các thôn” — a household with
    TQ-3.1a–d and TQ-3.2q's cultural life (or its “other” achievement) attested meets the
    standards; with nothing for point q it does not yet, and what is asked for is point q's.
    The assessment lists A-29."""
    readings = read(A_29="families-under-3.2q")
    met = assess(family(), TQ, window=WINDOW, readings=readings)
    assert met.verdict is Verdict.MET
    assert ("A-29", "families-under-3.2q") in {(u.id, u.reading) for u in met.used}
    other = assess(family(point_q=("TQ-3.2q.other",)), TQ, window=WINDOW, readings=readings)
    assert other.verdict is Verdict.MET
    bare = assess(family(point_q=()), TQ, window=WINDOW, readings=readings)
    assert bare.verdict is Verdict.UNKNOWN
    asked = {r.rule.id for r in bare.missing if r.rule is not None}
    assert asked
    assert all(rid.startswith("TQ-3.2q.") for rid in asked), asked


def test_tq_3_2q_a29_a_family_has_no_other_field() -> None:
    """A-29 families-under-3.2q: only point q names families — a household declaring agriculture
    (TQ-3.2c) is refused, told that social-life is its one field."""
    with pytest.raises(UnknownFieldError, match="fields for a household: social-life"):
        assess(
            family(("agriculture",)), TQ, window=WINDOW, readings=read(A_29="families-under-3.2q")
        )


def test_tq_3_2q_a29_is_chosen_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A-29: ``dienhinh assess`` refuses a household (exit 2, one line citing TQ-4.1); with
    ``--read A-29=families-under-3.2q`` it assesses it, and the record lists the reading."""
    doc = json.loads((Path(__file__).resolve().parent.parent / "examples" / "nominees"
                      / "tq-attestation.json").read_text(encoding="utf-8"))  # fmt: skip
    doc.update(kind="household", fields=["social-life"])
    path = tmp_path / "family.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    args = ["assess", str(path), "--ruleset", "tuyen-quang-2023", "--on", "2024-12-15"]
    assert main(args) == 2
    assert "TQ-4.1" in capsys.readouterr().err
    assert main([*args, "--read", "A-29=families-under-3.2q"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"id": "A-29", "reading": "families-under-3.2q", "default": False} in out[
        "interpretations"
    ]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda k: k.update(reading="A-99"), "'A-99' is not an interpretation of the register"),
        (lambda k: k.update(admitted="maybe"), "'maybe' is not a reading of A-29"),
        (lambda k: k.update(fields=["farming"]), "'farming' is not a field of this catalogue"),
        (lambda k: k.update(kind="individual"), "'individual' is already among the catalogue's"),
        (lambda k: k.pop("refused"), "kind_reading[0].refused: required key missing"),
        (lambda k: k.update(extra=1), "kind_reading[0].extra: unknown key"),
    ],
)
def test_tq_3_2q_a29_a_kind_reading_is_checked_when_the_catalogue_loads(
    mutate: Any, message: str
) -> None:
    """A-29: a broken ``[[kind_reading]]`` (TQ's household) is refused with its place."""
    data = _tq_data()
    mutate(data["kind_reading"][0])
    with pytest.raises(RulesetError, match=re.escape(message)):
        parse_catalogue(data, source="tq.toml")


# -- A-38 ------------------------------------------------------------------------------------

NT_GENERAL = ("NT-IV.2b.compliance", "NT-IV.2b.innovation", "NT-IV.2b.solidarity")
"""NT-IV.2b's three attested points (the fourth, “Hoàn thành xuất sắc”, is a rating)."""


def nt_household(rated: bool = True) -> Nominee:
    evidence: list[Any] = [attest(c) for c in (*NT_GENERAL, "NT-IV.2c.social")]
    if rated:
        evidence.append(Rating("excellent", 2024, "UBND xã Phước Dân", date=IN))
    return Nominee("household", ["social-life"], evidence)


def test_nt_iv_2b_a38_a_household_is_held_to_the_general_standard_by_default() -> None:
    """A-38 general-standard (default): NT Mục IV.2a names “hộ gia đình”, so a household is
    judged on NT-IV.2b's four points and a field — met with all four and the field; with the
    “hoàn thành xuất sắc” rating missing, NT-IV.2b is not yet met and the rating is asked for.
    The assessment lists A-38; households are not among the kinds judged unconditionally."""
    met = assess(nt_household(), NT, window=WINDOW)
    assert met.verdict is Verdict.MET
    assert ("A-38", "general-standard") in {(u.id, u.reading) for u in met.used}
    unrated = assess(nt_household(rated=False), NT, window=WINDOW)
    assert unrated.tree.find("NT-IV.2b").verdict is Verdict.UNKNOWN
    assert unrated.tree.find("NT-IV.2b.excellent").verdict is Verdict.UNKNOWN
    assert NT.kinds == frozenset({NomineeKind.COLLECTIVE, NomineeKind.INDIVIDUAL})
    assert NT.kind_reading(NomineeKind.HOUSEHOLD) is not None


def test_nt_iv_2b_a38_a_household_is_refused_under_not_exemplars() -> None:
    """A-38 not-exemplars: NT-IV.2b “Tiêu chuẩn chung của tập thể, cá nhân” — the household that
    met the standard by default is refused, the message citing NT-IV.2b and naming the reading
    that would admit it; a collective with the same evidence is assessed as before."""
    with pytest.raises(InvalidValueError, match=r"NT-IV\.2b") as e:
        assess(nt_household(), NT, window=WINDOW, readings=read(A_38="not-exemplars"))
    assert "A-38 “not-exemplars”" in str(e.value)
    assert "household under A-38 “general-standard”" in str(e.value)
    unit = Nominee("collective", ["social-life"], list(nt_household().evidence))
    assert assess(unit, NT, window=WINDOW, readings=read(A_38="not-exemplars")).verdict is (
        Verdict.MET
    )


def test_nt_iv_2b_a38_a_household_may_declare_every_field_of_the_plan() -> None:
    """A-38 general-standard: NT-IV.2c builds every unit's standard “Căn cứ tiêu chuẩn chung”,
    so a household is open to each of the fourteen fields, not to one field as under TQ's A-29."""
    kr = NT.kind_reading(NomineeKind.HOUSEHOLD)
    assert kr is not None
    assert (kr.reading, kr.admitted, kr.refused.id) == ("A-38", "general-standard", "NT-IV.2b")
    assert set(kr.fields) == {f.id for f in NT.fields}
    farming = Nominee("household", ["agriculture"], [attest("NT-IV.2c.agriculture")])
    node = assess(farming, NT, window=WINDOW).tree.find("NT-IV.2c.agriculture")
    assert node.verdict is Verdict.MET


def test_nt_iv_2b_a38_is_chosen_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A-38: ``dienhinh assess`` judges an NT household (exit 0, the record listing A-38 by
    default); with ``--read A-38=not-exemplars`` it refuses it (exit 2, citing NT-IV.2b)."""
    from dienhinh.io._nominee import assessment_document

    doc = assessment_document(assess(nt_household(), NT, window=WINDOW))["inputs"]["nominee"]
    path = tmp_path / "household.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    args = ["assess", str(path), "--ruleset", "ninh-thuan-2023", "--from", "2023-10-01",
            "--to", "2024-12-15"]  # fmt: skip
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"id": "A-38", "reading": "general-standard", "default": True} in out["interpretations"]
    assert main([*args, "--read", "A-38=not-exemplars"]) == 2
    assert "NT-IV.2b" in capsys.readouterr().err


# -- every way to choose ----------------------------------------------------------------------


def test_a24_is_chosen_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A-24: ``--read A-24=literal-and`` on ``dienhinh assess`` changes TQ-3.2c's reading."""
    example = Path(__file__).resolve().parent.parent / "examples" / "nominees" / "tq-ocop.json"

    def run(*extra: str) -> Any:
        sys.stdin = io.StringIO("")
        main(
            ["assess", str(example), "--ruleset", "tuyen-quang-2023", "--on", "2024-12-15", *extra]
        )
        sys.stdin = sys.__stdin__
        return json.loads(capsys.readouterr().out)

    default, literal = run(), run("--read", "A-24=literal-and")
    assert {"id": "A-24", "reading": "literal-and", "default": False} in literal["interpretations"]
    assert {"id": "A-24", "reading": "as-noted", "default": True} in default["interpretations"]
    assert literal["inputs"]["readings"] == {"A-24": "literal-and"}


def test_a24_is_chosen_from_json_inputs() -> None:
    """A-24: an assessment record's ``readings`` re-derive the literal reading."""
    from dienhinh.io._nominee import assessment_document, reassess

    n = Nominee("collective", ["agriculture"], [Ocop("Chè Shan tuyết", 3, IN, "UBND tỉnh")])
    doc = assessment_document(assess(n, TQ, window=WINDOW, readings=read(A_24="literal-and")))
    again = reassess(doc["inputs"])
    assert again.tree.find("TQ-3.2c").structure == "all_of"
    assert assessment_document(again) == doc


# -- the format -------------------------------------------------------------------------------


def _tq_data() -> dict[str, Any]:
    return tomllib.loads((DATA / "tuyen-quang-2023.criteria.toml").read_text(encoding="utf-8"))


def _node(data: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in data["criterion"] if c["id"] == cid)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda n: n.update(reading="A-99"),
            "'A-99' is not an entry of the interpretation register",
        ),
        (lambda n: n.pop("alternatives"), "reading and alternatives are given together"),
        (
            lambda n: n.update(alternatives={"other": n["alternatives"]["literal-and"]}),
            "A-24 needs one alternative for each reading but its default",
        ),
        (
            lambda n: n["alternatives"]["literal-and"].update(all_of=n["any_of"][:2]),
            "an alternative keeps the node's children",
        ),
        (
            lambda n: n["alternatives"]["literal-and"].update(id="TQ-3.2x"),
            "an alternative keeps the node's id, titles, citation and kinds",
        ),
        (lambda n: n["alternatives"]["literal-and"].update(reading="A-14"), "unknown key"),
    ],
)
def test_a_declared_reading_is_checked_when_the_catalogue_loads(mutate: Any, message: str) -> None:
    """TQ-3.2c: a broken ``reading``/``alternatives`` declaration is refused with its place."""
    data = _tq_data()
    mutate(_node(data, "TQ-3.2c"))
    with pytest.raises(RulesetError, match=re.escape(message)):
        parse_catalogue(data, source="tq.toml")


# -- notes name their entries ------------------------------------------------------------------

# The rule. A node "reads the text" when
#   (a) it embodies a reading: a “;”-list read as “or” (any_of joined by “;”), a look-back the
#       text gives only in words (a test with a look-back), or a declared ``reading``; or
#   (b) its note says that it chooses a meaning: “is read”, “read as/like”, “counts as/too”,
#       “suffices”, “được đọc”, “được hiểu”, “đọc là”, “hiểu là”, “là đủ”, “cũng được tính”,
#       “được tính là”, “coi là”, “xem như”.
# Such a node is registered when a register entry whose ``rules`` list it (its id, or an
# ancestor id followed by “.” or “-”) is its declared ``reading`` or is named (A-n) in its note.
# Every A-n a note names exists in the register. Any other note is plain description.
_READS = re.compile(
    r"\bis read\b|\bare read\b|\bread as\b|\bread like\b|\bcounts? (?:as|too)\b|\bsuffices?\b"
    r"|được đọc|được hiểu|đọc là|hiểu là|là đủ|cũng được tính|được tính là|coi là|xem như"
)

AWAITING_ENTRY: dict[str, str] = {}
"""Notes that read the text with no register entry yet (found by the audit of issue 10; each
needs an id of its own): the check finds them, and one that gets an entry must leave this list."""


def lists(entry: str, cid: str) -> bool:
    """Whether the register entry ``entry`` lists criterion ``cid`` (or an ancestor of it)."""
    return entry in INTERPRETATIONS and any(
        cid == r or cid.startswith((f"{r}.", f"{r}-")) for r in INTERPRETATIONS[entry].rules
    )


def named_in_note(c: Any) -> set[str]:
    return set(re.findall(r"\bA-\d+\b", f"{c.note_vi or ''} {c.note_en or ''}"))


def reads_the_text(c: Any) -> bool:
    embodied = (c.joined_by == ";" and c.structure == "any_of") or c.reading is not None
    embodied = embodied or bool(getattr(c.test, "lookback", None))
    return embodied or bool(_READS.search(f"{c.note_vi or ''} {c.note_en or ''}"))


def unregistered_readings(catalogue: Catalogue) -> list[str]:
    """The nodes whose note reads the text without naming a register entry that lists them."""
    out = []
    for c in catalogue.criteria.values():
        if not reads_the_text(c):
            continue
        named = named_in_note(c) | set(c.entries)
        if not any(lists(i, c.id) for i in named):
            out.append(c.id)
    return out


@pytest.mark.parametrize("catalogue", [TQ, BK, NT], ids=lambda c: c.id)
def test_every_catalogue_note_that_reads_the_text_names_its_register_entry(
    catalogue: Catalogue,
) -> None:
    """A-13, A-14, A-15, A-24, A-25, A-26: no reading lives only in a note (but the readings
    the audit found and that await an entry of their own, listed in AWAITING_ENTRY)."""
    found = unregistered_readings(catalogue)
    awaiting = [c for c in AWAITING_ENTRY if c in catalogue.criteria]
    assert found == awaiting


@pytest.mark.parametrize("catalogue", [TQ, BK, NT], ids=lambda c: c.id)
def test_every_declared_reading_and_named_entry_exists_and_lists_its_node(
    catalogue: Catalogue,
) -> None:
    """A-24, A-25, A-26, A-39: each entry a node's ``reading`` names is an entry whose
    ``rules`` list the node, and every A-n a note names is an entry of the register."""
    for c in catalogue.criteria.values():
        for entry in c.entries:  # ``reading``, and with a list the entries after the first
            assert lists(entry, c.id), (c.id, entry)
        for i in named_in_note(c):
            assert i in INTERPRETATIONS, (c.id, i)


def _referenced(catalogue: Catalogue) -> list[str]:
    """The entries a catalogue relies on: declared readings, and entries a note names that
    list the node (an entry named only to say it does not apply is a mention)."""
    ids = set(catalogue.readings_declared)
    for c in catalogue.criteria.values():
        ids |= {i for i in named_in_note(c) if lists(i, c.id)}
    return [i for i in INTERPRETATIONS if i in ids]


def _examples(catalogue: Catalogue) -> list[Any]:
    from tests import test_criteria_bac_kan, test_criteria_ninh_thuan, test_criteria_tq_examples

    by_id = {"tuyen-quang-2023": test_criteria_tq_examples.CASES,
             "bac-kan-2021": test_criteria_bac_kan.CASES,
             "ninh-thuan-2023": test_criteria_ninh_thuan.CASES}  # fmt: skip
    return list(by_id[catalogue.id])


def _variants(catalogue: Catalogue, nominee: Nominee) -> list[Nominee]:
    """The nominee as given; declared under every field open to its kind (A-13 needs two); and
    the same evidence as each other kind of nominee (A-29 admits a kind)."""
    kind = nominee.kind
    fields = [f.id for f in catalogue.fields
              if any(kind in catalogue.criteria[s].applies_to for s in f.standard)]  # fmt: skip
    out = [nominee, Nominee(kind, fields, list(nominee.evidence))]
    out += [
        Nominee(k, list(nominee.fields), list(nominee.evidence)) for k in NomineeKind if k != kind
    ]
    return out


def _verdicts(catalogue: Catalogue, case: Any, nominee: Nominee, readings: Readings) -> Any:
    """Every node's verdict, or the refusal (a kind or field the reading does not admit)."""
    try:
        a = assess(nominee, catalogue, window=case.window, readings=readings)
    except DienhinhError as exc:
        return type(exc).__name__
    return {(r.id, r.verdict) for r in a.tree.walk()}


def dead_switches(catalogue: Catalogue) -> list[str]:
    """``A-n=READING`` for each reading the catalogue relies on that changes no example."""
    cases = _examples(catalogue)
    dead = []
    for rid in _referenced(catalogue):
        default = INTERPRETATIONS[rid].default
        for alt in INTERPRETATIONS[rid].names[1:]:  # each other reading against the default
            changed = any(
                _verdicts(catalogue, case, nominee, case.readings.choose(rid, default))
                != _verdicts(catalogue, case, nominee, case.readings.choose(rid, alt))
                for case in cases
                for nominee in _variants(catalogue, case.nominee)
            )
            if not changed:
                dead.append(f"{rid}={alt}")
    return dead


@pytest.mark.parametrize("catalogue", [TQ, BK, NT], ids=lambda c: c.id)
def test_every_reading_a_catalogue_relies_on_changes_an_example(catalogue: Catalogue) -> None:
    """A-13, A-14, A-15, A-24, A-25, A-26, A-29, A-38, A-39: for each entry the catalogue relies
    on and each
    of its other readings, at least one of the catalogue's example cases (as given, declared
    under every field, or as another kind) gets another verdict somewhere in its tree, or is
    assessed where it was refused: no switch is a dead one."""
    assert _referenced(catalogue)
    assert dead_switches(catalogue) == []


def test_a_declared_reading_that_changes_nothing_is_found() -> None:
    """A-25: an ``attested-high`` alternative that tests the award like the default is a dead
    switch, and the check names it."""
    data = copy.deepcopy(_tq_data())
    node = _node(data, "TQ-3.2đ.students")
    node["alternatives"]["attested-high"] = {
        k: node[k] for k in ("evidence", "level_at_least", "fields", "categories")
    }
    assert dead_switches(parse_catalogue(data)) == ["A-25=attested-high"]


def test_a_note_that_reads_the_text_without_an_entry_is_found() -> None:
    """TQ-3.2đ.students: drop its declared reading and the A-25 in its note, and the check names it."""
    data = copy.deepcopy(_tq_data())
    node = _node(data, "TQ-3.2đ.students")
    node.pop("reading")
    node.pop("alternatives")
    node["note_vi"] = node["note_vi"].replace(" (A-25)", "")
    node["note_en"] = node["note_en"].replace(" (A-25)", "")
    found = unregistered_readings(parse_catalogue(data))
    assert [c for c in found if c not in AWAITING_ENTRY] == ["TQ-3.2đ.students"]
