"""The kinds of nominee the documents name."""

from __future__ import annotations

import enum

__all__ = ["NomineeKind"]


class NomineeKind(enum.Enum):
    """tập thể / cá nhân / hộ gia đình (TQ-1.1 names the first two; BK and NT add households)."""

    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"
    HOUSEHOLD = "household"

    @property
    def vi(self) -> str:
        return _VI[self]


_VI = {
    NomineeKind.COLLECTIVE: "tập thể",
    NomineeKind.INDIVIDUAL: "cá nhân",
    NomineeKind.HOUSEHOLD: "hộ gia đình",
}
