"""A council and its members' ballots as the JSON documents give them: the part the ballot and
the round documents share (``ballot-input``, ``round-input``), apart from the ballot
document's own readers so that reading a round does not make them."""

from __future__ import annotations

from typing import Annotated

from dienhinh._frozen import frozen
from dienhinh.io._json import NULLABLE

__all__ = ["BallotDoc", "CouncilDoc"]


@frozen
class CouncilDoc:
    members: list[str]
    chair: str
    seats: Annotated[int | None, NULLABLE] = None


@frozen
class BallotDoc:
    member: str
    approve: list[str]
    cast: str = "in_meeting"
