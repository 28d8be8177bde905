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

from dienhinh._errors import InvalidValueError
from dienhinh._text import nfc

__all__ = ["Citation", "Rule"]

Division = Literal["article", "section"]

_RULE_ID = re.compile(r"^[^\W\d_][\w]*(?:-[\w.()]+)*$")


def _non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        raise InvalidValueError("must not be blank", field=attribute.name, value=value)


def _opt_nfc(value: object) -> str | None:
    return None if value is None else nfc(str(value))


@attrs.frozen
class Citation:
    """A provision of a document: ``document`` plus its article/section, clause and point.

    ``division`` says how the document is divided: a decision's regulation has
    articles (Điều), a plan has sections (Mục/Phần, numbered in Roman
    numerals).  ``quote`` is a short quotation of the provision, marked as
    such wherever it is shown.

    >>> c = Citation("TQ", article="2", clause="1", point="b")
    >>> c.en
    'TQ Art. 2(1)(b)'
    >>> c.vi
    'TQ, Điều 2, khoản 1, điểm b'
    """

    document: str = attrs.field(converter=nfc, validator=_non_empty)
    article: str | None = attrs.field(default=None, converter=_opt_nfc, validator=_non_empty)
    clause: str | None = attrs.field(default=None, converter=_opt_nfc, validator=_non_empty)
    point: str | None = attrs.field(default=None, converter=_opt_nfc, validator=_non_empty)
    quote: str | None = attrs.field(
        default=None, converter=_opt_nfc, validator=_non_empty, eq=False, repr=False
    )
    division: Division = attrs.field(
        default="article", validator=attrs.validators.in_(("article", "section"))
    )

    @property
    def en(self) -> str:
        """The citation as an English reader writes it."""
        head = "Art." if self.division == "article" else "Sec."
        text = self.document
        if self.article is not None:
            text += f" {head} {self.article}"
            if self.clause is not None:
                text += f"({self.clause})"
                if self.point is not None:
                    text += f"({self.point})"
        return text

    @property
    def vi(self) -> str:
        """The citation as a Vietnamese reader writes it (Điều/Mục, khoản, điểm)."""
        parts = [self.document]
        if self.article is not None:
            parts.append(f"{'Điều' if self.division == 'article' else 'Mục'} {self.article}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """A plain JSON object: the parts, both renderings, and the quotation if any."""
        return {
            "document": self.document,
            "division": self.division,
            "article": self.article,
            "clause": self.clause,
            "point": self.point,
            "quote": self.quote,
            "en": self.en,
            "vi": self.vi,
        }


def _rule_id(_inst: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not _RULE_ID.match(value):
        raise InvalidValueError(
            "is not a rule id",
            field="rule.id",
            value=value,
            allowed="a document prefix and a provision, e.g. 'TQ-2.1b', 'BK-IV.1a', 'NĐ152-4.6'",
        )


@attrs.frozen
class Rule:
    """A rule id from the specification together with the provision it reads.

    >>> Rule("TQ-2.1b", Citation("TQ", article="2", clause="1", point="b")).id
    'TQ-2.1b'
    """

    id: str = attrs.field(converter=nfc, validator=_rule_id)
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "citation": self.citation.to_json()}
