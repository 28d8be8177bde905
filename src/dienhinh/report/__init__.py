"""Readable views of a record: the report in Vietnamese or English (:func:`render_report`)."""

from dienhinh.report._render import render_report
from dienhinh.report._text import LANGUAGES

__all__ = ["LANGUAGES", "render_report"]
