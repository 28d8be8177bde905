"""Short ``repr()`` of records: what a notebook shows when a cell ends with one.

A decision record holds its inputs, every reason and every citation: its full attrs repr
ran to 270,000 characters. Each record's ``__repr__`` says what it is in one line, under
:data:`LIMIT` characters; ``to_json()``, ``to_rows()`` and the HTML view show the rest.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LIMIT", "short"]

LIMIT: Final = 300
"""Every record's ``repr()`` is shorter than this."""


def short(text: str) -> str:
    """``text`` cut to fit :data:`LIMIT` (an ellipsis before the closing ``>``)."""
    if len(text) < LIMIT:
        return text
    return text[: LIMIT - 3] + "…>"
