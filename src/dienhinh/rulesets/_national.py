"""National documents (decrees) as dated, cited data: declared once, cited by every province.

A province's ruleset that borrows a national provision — Kon Tum, Bắc Kạn and
Ninh Thuận set no ballot rule of their own; Tuyên Quang's cash reward is “theo
quy định của pháp luật về thi đua, khen thưởng” — refers to it by its rule id,
and a round cites the provision of the document in force on its decision date
(the day the decision is signed; the consideration date where no decision date
is given). The documents are read from the shipped
``rulesets/data/national/decrees.toml``; every field a document lists in
``verify``, and every provision marked ``verify``, could not be checked here
and is to verify against the official text.

>>> from dienhinh.rulesets import national_law
>>> law = national_law()
>>> import datetime as dt
>>> law.in_force(dt.date(2024, 6, 1), Subject.BALLOT).number
'98/2023/NĐ-CP'
>>> law.in_force(dt.date(2024, 6, 1), Subject.BASE_SALARY).number
'24/2023/NĐ-CP'
>>> cited = law.provision("NĐ91-45.8").rule.citation
>>> cited.vi
'khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP'
>>> cited.to_json()["title_vi"]
'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng (tên gọi cần kiểm chứng)'
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from dienhinh._errors import InvalidValueError, UnknownIdError
from dienhinh._frozen import frozen
from dienhinh._interpretations import Readings
from dienhinh._provenance import Citation, Rule
from dienhinh._reasons import Reason, ReasonCode, Severity
from dienhinh._text import did_you_mean
from dienhinh.voting import BallotRule, TieBreak

__all__ = [
    "NATIONAL_BALLOT",
    "NationalDocument",
    "NationalLaw",
    "NationalProvision",
    "Subject",
    "dated_tie_break",
    "national_ballot_notice",
]


class Subject(enum.Enum):
    """What a national provision gives a province's ruleset."""

    BALLOT = "ballot"
    """A council's ballot rule (threshold, denominator, tie-break)."""
    CASH_MULTIPLIERS = "cash-multipliers"
    """The cash reward of a certificate of merit, as multiples of the base salary."""
    BASE_SALARY = "base-salary"
    """The base salary (mức lương cơ sở) the cash reward is a multiple of."""
    TIE_BREAK = "tie-break"
    """A tie-break among equals (Decree 152/2025 Art. 4.6: women first)."""


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@frozen
class NationalDocument:
    """A national document: its number, title, dates of signature and effect, and successor."""

    number: str
    form: str
    title_vi: str
    title_en: str
    start: dt.date
    end: dt.date | None = None
    signed_on: dt.date | None = None
    replaced_by: str | None = None
    verify: tuple[str, ...] = ()
    """The fields that could not be checked here (to verify against the official text)."""
    blank: tuple[str, ...] = ()
    """The fields not recorded here (unknown offline)."""

    @property
    def name(self) -> str:
        """How a Vietnamese citation names it: ``Nghị định 98/2023/NĐ-CP``."""
        return f"{self.form} {self.number}"

    @property
    def name_en(self) -> str:
        """``Decree 98/2023/NĐ-CP``."""
        return f"Decree {self.number}" if self.form == "Nghị định" else self.name

    @property
    def period(self) -> str:
        return f"{self.start} … {'(open)' if self.end is None else self.end}"

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def cited_title_vi(self) -> str:
        """The title a citation carries, marked where it could not be checked here."""
        return self.title_vi + (" (tên gọi cần kiểm chứng)" if "title_vi" in self.verify else "")

    @property
    def cited_title_en(self) -> str:
        return self.title_en + (" (title to verify)" if "title_en" in self.verify else "")

    def titled(self, citation: Citation) -> Citation:
        """``citation`` (of this document) carrying this document's title."""
        return attrs.evolve(citation, title_vi=self.cited_title_vi, title_en=self.cited_title_en)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "form": self.form,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "signed_on": _iso(self.signed_on),
            "from": self.start.isoformat(),
            "until": _iso(self.end),
            "replaced_by": self.replaced_by,
            "verify": list(self.verify),
            "blank": list(self.blank),
        }


@frozen
class NationalProvision:
    """One provision of a national document, with the rule id a province's ruleset cites."""

    rule: Rule
    document: NationalDocument
    subject: Subject
    verify: bool
    """True when the provision (its article or wording) could not be checked here."""
    ballot: BallotRule | None = None
    """The ballot parameters, for a ``ballot`` provision (its ``rule`` is this provision's)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule.to_json(),
            "document": self.document.number,
            "subject": self.subject.value,
            "verify": self.verify,
            "ballot": None if self.ballot is None else self.ballot.to_json(),
        }


@frozen
class NationalLaw:
    """Every national document and provision the shipped rulesets may cite."""

    documents: tuple[NationalDocument, ...]
    provisions: tuple[NationalProvision, ...]

    def __attrs_post_init__(self) -> None:
        numbers = {d.number for d in self.documents}
        for d in self.documents:
            if d.replaced_by is not None and d.replaced_by not in numbers:
                raise InvalidValueError(
                    "names a successor that is not declared",
                    field=f"{d.number}.replaced_by",
                    value=d.replaced_by,
                    allowed=", ".join(sorted(numbers)),
                )

    def ids(self, subject: Subject | None = None) -> tuple[str, ...]:
        return tuple(p.rule.id for p in self.provisions if subject is None or p.subject is subject)

    def provision(self, id: str, subject: Subject | None = None) -> NationalProvision:
        """The provision ``id`` (of ``subject``, when given); an unknown id lists the allowed."""
        for p in self.provisions:
            if p.rule.id == id and (subject is None or p.subject is subject):
                return p
        allowed = self.ids(subject)
        raise UnknownIdError(
            f"{id!r} is not a national provision"
            + ("" if subject is None else f" of subject {subject.value!r}")
            + f"{did_you_mean(id, allowed)}; allowed: {', '.join(allowed)}"
        )

    def in_force(self, day: dt.date, subject: Subject) -> NationalDocument | None:
        """The declared document with a provision of ``subject`` in force on ``day`` (the
        documents of a subject replace one another)."""
        numbers = {p.document.number for p in self.provisions if p.subject is subject}
        return next((d for d in self.documents if d.number in numbers and d.covers(day)), None)

    def titled(self, citation: Citation) -> Citation:
        """``citation`` with its document's title, when it cites a declared national document
        by its name (``Nghị định 152/2025/NĐ-CP``) and carries no title of its own."""
        if citation.title_vi is not None or citation.title_en is not None:
            return citation
        doc = next((d for d in self.documents if d.name == citation.document), None)
        return citation if doc is None else doc.titled(citation)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [d.to_json() for d in self.documents],
            "provisions": [p.to_json() for p in self.provisions],
        }


NATIONAL_BALLOT = ReasonCode(
    "ruleset.national_ballot",
    Severity.WARNING,
    "Ngưỡng phiếu theo pháp luật quốc gia",
    "Ballot threshold borrowed from national law",
    "{document_vi} không quy định cách bỏ phiếu; ngưỡng {threshold} là của {provision_vi} "
    "({law_vi}), văn bản có hiệu lực vào ngày quyết định {day}.",
    "The {document_en} sets no ballot rule; the threshold {threshold} is that of {provision_en} "
    "({law_en}), the document in force on the decision date {day}.",
    data={"decree"},
)
"""A ballot counted under a national provision that the province's document borrows."""

_FORM_EN = {"Công văn": "letter", "Kế hoạch": "plan", "Quyết định": "decision"}


def dated_tie_break(
    rule: BallotRule, day: dt.date | None, law: NationalLaw, readings: Readings | None = None
) -> BallotRule:
    """``rule`` for a decision signed on ``day``: a women-first tie-break is a dated national
    provision (Decree 152/2025 Art. 4.6, the ``tie-break`` provision of the national file).

    On a day its decree is in force the rule applies it and cites it (``tie_rule``); on a day
    before, A-41 decides: ``chair`` (default), not applied and not cited, the chair decides (the
    tie-break's own last step); ``ruleset-policy``, applied as the ruleset's own policy and cited
    to the ruleset's rule. Another tie-break is returned as it is. A women-first rule needs the
    day (``None`` is refused).
    """
    if rule.tie_break is not TieBreak.WOMEN_FIRST:
        return rule
    dated = [p for p in law.provisions if p.subject is Subject.TIE_BREAK]
    periods = ", ".join(f"{p.rule.id}: {p.document.period}" for p in dated)
    if day is None:
        raise InvalidValueError(
            "applies the women-first tie-break, a dated national provision: the decision date "
            "says whether it is in force",
            field="decided_on",
            value=None,
            allowed=f"a date ({periods})",
        )
    found = next((p for p in dated if p.document.covers(day)), None)
    if found is not None:
        return attrs.evolve(rule, tie_rule=found.rule)
    # A-41 decides: every ballot counted under the rule lists the reading (BallotRule.used).
    chosen = readings or Readings()
    used = (*rule.used, *chosen.used("A-41"))
    if chosen["A-41"] == "ruleset-policy":
        return attrs.evolve(rule, tie_rule=None, used=used)
    return attrs.evolve(rule, tie_break=TieBreak.CHAIR, tie_rule=None, used=used)


def national_ballot_notice(
    form: str, province: str, code: str, rule: BallotRule, day: dt.date, law: NationalLaw
) -> Reason:
    """The reason that says the ballot's threshold is national law, not the province's document.

    ``form``, ``province`` and ``code`` are the province document's (``"Công văn"``,
    ``"Kon Tum"``, ``"KT"``); ``rule`` the borrowed rule, picked by the decision date ``day``.
    A rule that is not a declared national provision is shown as one to verify.
    """
    t = rule.threshold
    cite = rule.rule.citation
    known = next((p for p in law.provisions if p.rule == rule.rule), None)
    verify = True if known is None else known.verify
    english = cite if known is None else attrs.evolve(cite, document=known.document.name_en)
    return NATIONAL_BALLOT(
        rule.rule,
        document_vi=f"{form} của tỉnh {province} ({code})",
        document_en=f"{province} {_FORM_EN.get(form.split(' (')[0], 'document')} ({code})",
        threshold=f"{t.numerator}/{t.denominator}",
        provision_vi=cite.vi,
        provision_en=english.en,
        law_vi="pháp luật quốc gia, cần kiểm chứng" if verify else "pháp luật quốc gia",
        law_en="national law, to verify" if verify else "national law",
        day=day,
        decree=cite.document,
    )
