"""Readable views of a decision: the report in Vietnamese or English."""

from dienhinh.report._text import LANGUAGES, render_report

__all__ = ["LANGUAGES", "render_report"]
