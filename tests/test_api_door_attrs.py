"""Value objects check their fields at the door with the package's errors, never attrs' own."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import dienhinh
from dienhinh.voting import BallotRule, Candidate


def test_a_flag_that_is_not_a_bool_is_a_package_type_error() -> None:
    """`women_priority=1` (Decree 152/2025 Art. 4.6's mark) must be true or false."""
    with pytest.raises(dienhinh.InvalidTypeError, match="women_priority=1: must be true or false"):
        Candidate("a", women_priority=1)  # type: ignore[arg-type]


def test_a_ballot_rule_citing_a_string_is_a_package_type_error() -> None:
    """A ballot rule cites a `dienhinh.Rule`, not a bare id."""
    with pytest.raises(dienhinh.InvalidTypeError, match=r"rule='TQ': must be a dienhinh\.Rule"):
        BallotRule(rule="TQ", threshold="9/10")  # type: ignore[arg-type]


def test_a_dossier_part_that_is_not_a_bool_is_a_package_type_error() -> None:
    """TQ-8.3a's parts are there or not: `1` is refused with the field's name."""
    with pytest.raises(dienhinh.InvalidTypeError, match="submission_letter"):
        dienhinh.Dossier("u1", dt.date(2024, 10, 28), 1, True, ("n1",))  # type: ignore[arg-type]


def test_a_document_division_outside_the_list_is_a_package_value_error() -> None:
    """A document is divided into articles or sections; anything else names what is allowed."""
    tq = dienhinh.load_ruleset("tuyen-quang-2023")

    with pytest.raises(dienhinh.InvalidValueError, match="allowed: article, section"):
        attrs.evolve(tq.document, division="chapter")  # type: ignore[arg-type]
