"""Reasons of scalar parameters are made once and shared, and sharing never changes one."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dienhinh._provenance import Citation, Rule
from dienhinh._reasons import ReasonCode, Severity

CODE = ReasonCode("demo.votes", Severity.INFO, "Phiếu", "Votes", "{n} phiếu", "{n} votes")


def test_a_reason_made_twice_is_shared() -> None:
    rule = Rule("TQ-2.1b", Citation("TQ", article="2", clause="1", point="b"))
    assert CODE(rule, n=3) is CODE(rule, n=3)
    assert CODE(rule, n=3) is not CODE(rule, n=4)


def test_sharing_keeps_each_reason_its_own_rule_and_values() -> None:
    """Rules equal but for their quote, True and 1: each reason keeps what it was made with."""
    first = Rule("TQ-2.1b", Citation("TQ", article="2", clause="1", point="b", quote="một"))
    second = Rule("TQ-2.1b", Citation("TQ", article="2", clause="1", point="b", quote="hai"))
    assert first == second  # the quote is not part of a citation's equality
    a, b = CODE(first, n=1), CODE(second, n=1)
    assert a.rule is first
    assert b.rule is second
    assert b.to_json()["citation"]["quote"] == "hai"
    flag = CODE(first, n=True)
    assert (flag.params["n"] is True, flag.en) == (True, "True votes")
    assert CODE(first, n=1).params["n"] is not True


AT = ReasonCode("demo.at", Severity.INFO, "Lúc", "At", "lúc {at}", "at {at}")


def test_a_16_one_instant_in_two_offsets_keeps_each_its_own_offset() -> None:
    """A-16: 18:30 UTC and 01:30 at UTC+7 are one instant (`==` ignores the offset), but each
    reason states the moment as it was given: sharing must not hand one the other's offset."""
    rule = Rule("MY-1", Citation("My council's rules", article="1"))
    utc = dt.datetime(2024, 10, 29, 18, 30, tzinfo=dt.UTC)
    hanoi = dt.datetime(2024, 10, 30, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert utc == hanoi
    a, b = AT(rule, at=utc), AT(rule, at=hanoi)
    assert (a.params["at"], a.en) == ("2024-10-29T18:30:00+00:00", "at 2024-10-29T18:30:00+00:00")
    assert (b.params["at"], b.en) == ("2024-10-30T01:30:00+07:00", "at 2024-10-30T01:30:00+07:00")
    assert a.vi == b.vi == "lúc 01:30 ngày 30/10/2024 (giờ Việt Nam)"
    assert AT(rule, at=hanoi) is b  # the same moment in the same offset is still shared


@settings(max_examples=200)
@given(
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.just(dt.UTC),
    ),
    st.lists(st.integers(min_value=-12 * 60, max_value=14 * 60), min_size=1, max_size=4),
)
def test_a_16_a_shared_reason_states_its_moment_as_given(
    moment: dt.datetime, minutes: list[int]
) -> None:
    """Made in any order, each reason's params and texts are those of a reason made afresh."""
    rule = Rule("MY-1", Citation("My council's rules", article="1"))
    zones = [dt.timezone(dt.timedelta(minutes=m)) for m in minutes]
    for at in [moment, *(moment.astimezone(z) for z in zones)]:
        made, fresh = AT(rule, at=at), AT._make(rule, {"at": at})
        assert (made.params, made.en, made.vi) == (fresh.params, fresh.en, fresh.vi)
