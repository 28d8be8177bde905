"""One entry point for every record: :func:`render_report`."""

from __future__ import annotations

from typing import Literal

from dienhinh._errors import InvalidTypeError, InvalidValueError
from dienhinh.criteria._result import Assessment
from dienhinh.report._ballot import render_ballot
from dienhinh.report._text import LANGUAGES
from dienhinh.report._text import render_report as render_round
from dienhinh.round._run import RoundDecision
from dienhinh.voting._result import BallotResult

__all__ = ["render_report"]


def render_report(
    record: RoundDecision | BallotResult | Assessment,
    *,
    lang: Literal["vi", "en"] = "vi",
    awaiting: RoundDecision | None = None,
) -> str:
    """The readable report of a record, in Vietnamese (default) or English; writes nothing.

    A round's report has a table per stage, as ``dienhinh demo`` prints it (``awaiting``, the
    same round before the chair chose, adds that stage); a ballot's lists the rule, the tally
    and every reason; an assessment's shows each criterion met, not met or unknown, and what
    to ask for. ``dienhinh round|ballot|assess FILE --text vi|en`` prints the same.

    >>> from dienhinh import run_round
    >>> from dienhinh.io import demo
    >>> print(render_report(run_round(demo()), lang="en").splitlines()[1])
    RECOGNITION OF ADVANCED EXEMPLARS — PROVINCE LEVEL, TUYÊN QUANG
    """
    if lang not in LANGUAGES:
        raise InvalidValueError(
            "is not a language of the report", field="lang", value=lang, allowed="vi, en"
        )
    if isinstance(record, RoundDecision):
        return render_round(record, lang=lang, awaiting=awaiting)
    if awaiting is not None:
        raise InvalidValueError(
            "is given only with a round's decision", field="awaiting", value=type(record).__name__
        )
    if isinstance(record, BallotResult):
        return render_ballot(record, lang)
    if isinstance(record, Assessment):
        return record.render(lang)
    raise InvalidTypeError(
        "is not a decision record",
        field="record",
        value=type(record).__name__,
        allowed="RoundDecision, BallotResult, Assessment",
    )
