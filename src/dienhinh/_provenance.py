"""Provenance: where in which document a rule comes from.

A :class:`Citation` points at a provision (document, article or section,
clause, point) and may carry a short quotation of it; a :class:`Rule` pairs a
stable rule id from the specification (``TQ-2.1b``, ``BK-IV.1a``) with its
citation. Every rule the code implements, and every reason it gives, carries
one.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import attrs

from dienhinh._batch import remember
from dienhinh._errors import InvalidValueError
from dienhinh._frozen import frozen
from dienhinh._text import nfc

__all__ = ["Citation", "Rule", "document_title"]

Division = Literal["article", "section", "opening"]

_DOCUMENTS: dict[str, tuple[str, str, str, str]] = {
    # code: (as cited in Vietnamese, as cited in English, title_vi, title_en)
    "TQ": (
        "Quy định (TQ)",
        "TQ Regulation",
        "Quy định về đối tượng, tiêu chuẩn điển hình tiên tiến trên địa bàn tỉnh Tuyên Quang "
        "(ban hành kèm theo Quyết định số …/2023/QĐ-UBND của UBND tỉnh Tuyên Quang, dự thảo "
        "tháng 8/2023)",
        "Regulation on the subjects and standards of advanced exemplars in Tuyên Quang province "
        "(attached to Decision …/2023/QĐ-UBND of the Tuyên Quang People's Committee, draft of "
        "August 2023)",
    ),
    "TQ (Quyết định)": (
        "Quyết định (TQ)",
        "TQ Decision",
        "Quyết định ban hành Quy định về đối tượng, tiêu chuẩn điển hình tiên tiến trên địa bàn "
        "tỉnh Tuyên Quang (số …/2023/QĐ-UBND của UBND tỉnh Tuyên Quang, dự thảo tháng 8/2023)",
        "Decision issuing the Regulation on the subjects and standards of advanced exemplars in "
        "Tuyên Quang province (…/2023/QĐ-UBND, draft of August 2023)",
    ),
    "KT": (
        "Công văn số 4054/UBND-NC (KT)",
        "KT letter 4054/UBND-NC",
        "Công văn số 4054/UBND-NC ngày 29/11/2022 của UBND tỉnh Kon Tum V/v phát hiện - bồi "
        "dưỡng - tổng kết - nhân rộng điển hình tiên tiên, mô hình mới tiêu biểu trong phong trào "
        "thi đua",
        "Letter 4054/UBND-NC of 29 November 2022 of the Kon Tum People's Committee on discovering, "
        "fostering, summarising and spreading advanced exemplars and new models in the emulation "
        "movements",
    ),
    "BK": (
        "Kế hoạch số 458/KH-UBND (BK)",
        "BK plan 458/KH-UBND",
        "Kế hoạch số 458/KH-UBND ngày 19/7/2021 của UBND tỉnh Bắc Kạn xây dựng, nhân rộng mô "
        "hình, gương điển hình tiên tiến giai đoạn 2021-2025",
        "Plan 458/KH-UBND of 19 July 2021 of the Bắc Kạn People's Committee on building and "
        "spreading models and advanced exemplars, 2021-2025",
    ),
    "NT": (
        "Kế hoạch (NT)",
        "NT plan",
        "Kế hoạch của UBND tỉnh Ninh Thuận (số …/KH-UBND, tháng 02/2023) tổ chức thực hiện Đề "
        "án “Tuyên truyền gương điển hình tiên tiến giai đoạn 2022 - 2025” trên địa bàn tỉnh "
        "Ninh Thuận",
        "Plan of the Ninh Thuận People's Committee (…/KH-UBND, February 2023) implementing the "
        "scheme “Publicising advanced exemplars, 2022-2025” in Ninh Thuận province",
    ),
}


def document_title(code: str) -> tuple[str, str] | None:
    """The full title of a provincial document by its code (``"TQ"``), in vi and en."""
    known = _DOCUMENTS.get(code)
    return None if known is None else (known[2], known[3])


_RULE_ID = re.compile(r"^[^\W\d_][\w]*(?:-[\w.()]+)*$")


def _non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise InvalidValueError("must not be blank", field=attribute.name, value=value)


def _division(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in ("article", "section", "opening"):
        raise InvalidValueError(
            "is not a way a document is divided", field="citation.division", value=value,
            allowed="article, section, opening",
        )  # fmt: skip


def _opt_nfc(value: object) -> str | None:
    return None if value is None else nfc(str(value))


@frozen
class Citation:
    """A provision of a document: ``document`` plus its article/section, clause and point.

    ``division`` says how the document is divided: a decision's regulation has
    articles (Điều), a plan has sections (Mục/Phần, numbered in Roman
    numerals).  ``quote`` is a short quotation of the provision, marked as
    such wherever it is shown.

    ``"opening"``: the part of a letter before its numbered points (the subject
    line, V/v, and the opening paragraphs). A known document is cited by its
    name and carries its title (``title_vi``/``title_en``): the Tuyên Quang
    articles are those of the attached *Quy định*, the Decision's own as the
    Decision (``"TQ (Quyết định)"``). A citation may carry its document's title
    itself (``title_vi``/``title_en``, keyword-only; not part of its equality): a
    national decree's citations carry the title declared in the national file.

    >>> c = Citation("TQ", article="2", clause="1", point="b")
    >>> c.en
    'TQ Regulation Art. 2(1)(b)'
    >>> c.vi
    'điểm b khoản 1 Điều 2 Quy định (TQ)'
    >>> Citation("Nghị định 91/2017/NĐ-CP", article="45", clause="8").vi
    'khoản 8 Điều 45 Nghị định 91/2017/NĐ-CP'
    """

    document: str = attrs.field(converter=nfc, validator=_non_empty)
    article: str | None = attrs.field(default=None, converter=_opt_nfc, validator=_non_empty)
    clause: str | None = attrs.field(default=None, converter=_opt_nfc, validator=_non_empty)
    point: str | None = attrs.field(default=None, converter=_opt_nfc, validator=_non_empty)
    quote: str | None = attrs.field(
        default=None, converter=_opt_nfc, validator=_non_empty, eq=False, repr=False
    )
    division: Division = attrs.field(default="article", validator=_division)
    title_vi: str | None = attrs.field(
        default=None, kw_only=True, converter=_opt_nfc, validator=_non_empty, eq=False, repr=False
    )
    """The document's title, when the citation carries it (a provincial code's is known here)."""
    title_en: str | None = attrs.field(
        default=None, kw_only=True, converter=_opt_nfc, validator=_non_empty, eq=False, repr=False
    )

    @property
    def en(self) -> str:
        """The citation as an English reader writes it."""
        known = _DOCUMENTS.get(self.document)
        text = self.document if known is None else known[1]
        if self.division == "opening":
            return f"{text}, subject line and opening"
        head = "Art." if self.division == "article" else "Sec."
        if self.article is not None:
            text += f" {head} {self.article}"
            if self.clause is not None:
                text += f"({self.clause})"
                if self.point is not None:
                    text += f"({self.point})"
        return text

    @property
    def vi(self) -> str:
        """The citation as a Vietnamese reader writes it: điểm b khoản 1 Điều 2 Quy định …"""
        known = _DOCUMENTS.get(self.document)
        name = self.document if known is None else known[0]
        if self.division == "opening":
            return f"phần trích yếu và mở đầu {name}"
        parts = []
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.article is not None:
            parts.append(f"{'Điều' if self.division == 'article' else 'Mục'} {self.article}")
        return " ".join([*parts, name])

    def to_json(self) -> dict[str, Any]:
        """A plain JSON object: the parts, both renderings, and the quotation if any.

        A record repeats a few citations in every nominee's reasons: each citation's object
        is made once (kept by identity, the citation frozen) and a fresh copy returned.
        """
        known = _CITED.get(id(self))
        if known is not None and known[0] is self:
            return dict(known[1])
        made = self._made_json()
        remember(_CITED, id(self), (self, made), _CITED_AT_MOST)
        return dict(made)

    def _made_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "division": self.division,
            "article": self.article,
            "clause": self.clause,
            "point": self.point,
            "quote": self.quote,
            "en": self.en,
            "vi": self.vi,
            "title_vi": None if (t := self._title()) is None else t[0],
            "title_en": None if t is None else t[1],
        }

    def _title(self) -> tuple[str | None, str | None] | None:
        if self.title_vi is not None or self.title_en is not None:
            return self.title_vi, self.title_en
        return document_title(self.document)


_CITED: dict[int, tuple[Citation, dict[str, Any]]] = {}
"""Each citation's JSON object by the citation's identity (kept alive here, so an id is
never reused while its entry lives)."""
_CITED_AT_MOST = 10_000
"""Citations kept (emptied when full: it only saves work)."""


def _rule_id(_inst: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not _RULE_ID.match(value):
        raise InvalidValueError(
            "is not a rule id",
            field="rule.id",
            value=value,
            allowed="a document prefix and a provision, e.g. 'TQ-2.1b', 'BK-IV.1a', 'NĐ152-4.6'",
        )


@frozen
class Rule:
    """A rule id from the specification together with the provision it reads.

    >>> Rule("TQ-2.1b", Citation("TQ", article="2", clause="1", point="b")).id
    'TQ-2.1b'
    """

    id: str = attrs.field(converter=nfc, validator=_rule_id)
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "citation": self.citation.to_json()}
