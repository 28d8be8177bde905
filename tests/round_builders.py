"""Builders for the round's tests: a Tuyên Quang province round whose every part can be varied.

The defaults make a round in which every nominee is eligible and recognised: the consideration
on 20/12/2024 (before 31/12, TQ-6.1b), each unit's dossier complete and received on 28/10
(before 30/10, TQ-8.3b) with its council meeting on 10/10 (before 15/10, TQ-6.1a), every
nominee consenting (TQ-2.1a), selected by its head (TQ-4.2) and meeting the standards
(TQ-3.1 a–d and the field standard TQ-3.2n) on evidence dated inside the window, and a council
of ten members of whom nine approve (ceil(0.9 × 10) = 9, TQ-2.1b). A test changes one thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dienhinh import Dossier, Nomination, Readings, RoundInputs, Ruleset, Unit, load_ruleset
from dienhinh.calendar import achievement_window
from dienhinh.criteria import Attestation, Evidence, Nominee
from dienhinh.voting import Ballot, Council

D = dt.date
TQ: Ruleset = load_ruleset("tuyen-quang-2023")
CONSIDERED = D(2024, 12, 20)
UNIT = "UBND huyện Yên Sơn"
OTHER_UNIT = "UBND xã Tân Trào"
GENERAL = ("TQ-3.1a", "TQ-3.1b", "TQ-3.1c.model", "TQ-3.1d")
"""The general standard's four points, each met by a signed attestation (TQ-3.1c by its model)."""
FIELD = "poverty-social-security"
FIELD_LEAF = "TQ-3.2n.escape"
"""TQ-3.2n “là tấm gương tiêu biểu vươn lên thoát nghèo bền vững”: an attested qualitative leaf."""


def evidence_day(considered_on: dt.date) -> dt.date:
    """A day inside the default window of ``considered_on`` (TQ-3.3: from 01/10 of the year
    before, one year at most, A-3): thirty days before the window's end, and so before any
    dossier is due or received (A-30)."""
    window = achievement_window(TQ, considered_on)
    return max(window.start, window.end - dt.timedelta(days=30))


EVIDENCE_DAY = evidence_day(CONSIDERED)
"""31/08/2024: inside the default round's window (01/10/2023 – 30/09/2024), and so inside every
reading's window of 20/12/2024 (the literal one holds the one-year one)."""


def attest(cid: str, on: dt.date, *, holds: bool = True) -> Attestation:
    return Attestation(
        cid, "UBND xã Tân Trào", "Chủ tịch UBND xã", on, f"Xác nhận về {cid}.", holds=holds
    )


def record(
    kind: str = "individual",
    *,
    on: dt.date = EVIDENCE_DAY,
    lacking: Iterable[str] = (),
    failing: Iterable[str] = (),
    extra: Sequence[Evidence] = (),
    name: str | None = None,
) -> Nominee:
    """A nominee meeting TQ-3.1 and TQ-3.2n, minus the ``lacking`` leaves, with ``failing`` ones
    attested as not holding."""
    lack, fail = set(lacking), set(failing)
    items: list[Evidence] = [
        attest(c, on, holds=c not in fail) for c in (*GENERAL, FIELD_LEAF) if c not in lack
    ]
    return Nominee(kind, [FIELD], [*items, *extra], name=name)


def nomination(
    id: str,
    *,
    unit: str = UNIT,
    kind: str = "individual",
    nominee: Nominee | None = None,
    on: dt.date = EVIDENCE_DAY,
    consent: bool | None = True,
    selected_by_head: bool | None = True,
    **more: Any,
) -> Nomination:
    return Nomination(
        id,
        unit,
        nominee if nominee is not None else record(kind, on=on),
        consent=consent,
        selected_by_head=selected_by_head,
        **more,
    )


def council(size: int = 10) -> Council:
    members = [f"m{i:02}" for i in range(1, size + 1)]
    return Council(members, chair=members[0])


def votes(c: Council, approvals: Mapping[str, int]) -> list[Ballot]:
    """Every member votes in the meeting; the first ``approvals[n]`` members approve ``n``."""
    return [
        Ballot(m, sorted(n for n, k in approvals.items() if i < k)) for i, m in enumerate(c.members)
    ]


def dossier(
    unit: str,
    reports: Iterable[str],
    *,
    considered_on: dt.date = CONSIDERED,
    received: dt.date | dt.datetime | None = None,
    letter: bool = True,
    minutes: bool = True,
    unit_considered_on: dt.date | None = None,
) -> Dossier:
    """A complete dossier received before 30/10 (or a week before an earlier consideration)."""
    year = considered_on.year
    on_time = min(D(year, 10, 28), considered_on - dt.timedelta(days=7))
    return Dossier(
        unit,
        received if received is not None else on_time,
        letter,
        minutes,
        reports,
        unit_considered_on=unit_considered_on
        if unit_considered_on is not None
        else min(D(year, 10, 10), on_time - dt.timedelta(days=7)),
    )


def dossiers_for(
    nominations: Iterable[Nomination], considered_on: dt.date = CONSIDERED
) -> list[Dossier]:
    """One complete, timely dossier per unit, with a report for each of its nominations."""
    by_unit: dict[str, list[str]] = {}
    for n in nominations:
        by_unit.setdefault(n.unit, []).append(n.id)
    return [dossier(u, ids, considered_on=considered_on) for u, ids in by_unit.items()]


def make_round(
    nominations: Sequence[Nomination],
    approvals: Mapping[str, int] | None = None,
    *,
    ruleset: Ruleset = TQ,
    considered_on: dt.date = CONSIDERED,
    dossiers: Sequence[Dossier] | None = None,
    council_size: int = 10,
    readings: Readings | None = None,
    **more: Any,
) -> RoundInputs:
    """A round of ``nominations``; by default every member approves every nomination."""
    c = council(council_size)
    given = approvals if approvals is not None else {n.id: council_size for n in nominations}
    return RoundInputs(
        ruleset,
        c,
        considered_on,
        nominations=nominations,
        ballots=votes(c, given),
        dossiers=dossiers if dossiers is not None else dossiers_for(nominations, considered_on),
        readings=readings if readings is not None else Readings(),
        **more,
    )


def floor_unit(scope: str, *, id: str = UNIT, **counts: int | None) -> Unit:
    return Unit(id, scope, **counts)
