"""The readable report, for the commands that print JSON unless asked for text.

``dienhinh round`` and ``dienhinh ballot`` import this module only for ``--text`` (and
``dienhinh demo`` for its report), so printing a record never loads the report's modules.
"""

from __future__ import annotations

from dienhinh.report import render_report
from dienhinh.report._text import json_written

__all__ = ["json_written", "render_report"]
