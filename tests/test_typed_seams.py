"""Typed seams: closed sets are Literal types in the constructors' annotations (so a typo fails
the type check) while the strings are still accepted at run time; one string where a list is
meant is refused, never read as its characters."""

from __future__ import annotations

import datetime as dt
import enum
import typing

import pytest

from dienhinh import InvalidValueError
from dienhinh.criteria import (
    Award,
    AwardCategory,
    AwardCategoryName,
    AwardField,
    AwardFieldName,
    Level,
    LevelName,
    _evidence,
)
from dienhinh.voting import Ballot, Council, count_votes
from tests.ballot_rules import TQ_RULE


@pytest.mark.parametrize(
    ("names", "values"),
    [(LevelName, Level), (AwardFieldName, AwardField), (AwardCategoryName, AwardCategory)],
)
def test_each_literal_names_exactly_its_enums_values(
    names: object, values: type[enum.Enum]
) -> None:
    assert set(typing.get_args(names)) == {v.value for v in values}


def test_the_award_constructor_is_annotated_with_the_literals() -> None:
    hints = typing.get_type_hints(_evidence._level, vars(_evidence))
    assert LevelName in typing.get_args(hints["value"])
    hints = typing.get_type_hints(_evidence._award_field, vars(_evidence))
    assert AwardFieldName in typing.get_args(hints["value"])


def test_strings_still_work_at_run_time_and_a_typo_is_refused() -> None:
    award = Award("province", "education", "prize", dt.date(2024, 5, 1), "UBND tỉnh")
    assert (award.level, award.field) == (Level.PROVINCE, AwardField.EDUCATION)
    with pytest.raises(InvalidValueError, match="educaton"):
        Award("province", "educaton", "prize", dt.date(2024, 5, 1), "UBND tỉnh")  # type: ignore[arg-type]


def test_one_string_for_the_nominees_is_refused() -> None:
    council = Council(["m1", "m2"], chair="m1")
    with pytest.raises(InvalidValueError, match="not one string"):
        count_votes(council, "abc", [Ballot("m1", ["a"])], rule=TQ_RULE)
