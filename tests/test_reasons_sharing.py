"""Reasons of scalar parameters are made once and shared, and sharing never changes one."""

from __future__ import annotations

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
