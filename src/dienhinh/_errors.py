"""The exception hierarchy: one root, each failure its own class.

Every class also inherits the builtin a caller already catches, so
``except ValueError`` keeps working, and carries data (``field``, ``value``,
``allowed``, ``rule``) so a program can react without parsing the message::

    DienhinhError                               Exception
    ├── InvalidValueError                       ValueError   a value outside what is allowed
    │   ├── DuplicateIdError                                 an id given twice (after NFC)
    │   ├── DoubleVoteError                                  two ballots from one member
    │   ├── ChairChoiceError                                 a tie decision that does not fit
    │   ├── ImpossibleDateError                              31/02, month 13, a malformed date
    │   ├── NaiveDatetimeError                               a timestamp without a UTC offset
    │   └── MalformedJSONError                               text that is not JSON at all
    ├── InvalidTypeError                        TypeError    a value of the wrong type
    ├── UnknownIdError                          LookupError  a reference to nothing
    │   ├── UnknownMemberError                               a ballot from someone not on the roster
    │   ├── UnknownNomineeError                              approval / choice of an unknown nominee
    │   ├── UnknownRulesetError                              no built-in ruleset of that id
    │   ├── UnknownCriterionError                            a criterion id the ruleset lacks
    │   ├── UnknownFieldError                                a field of work (lĩnh vực) the ruleset lacks
    │   ├── UnknownInterpretationError          KeyError     an interpretation id not in the register
    │   └── UnknownDeadlineError                             a deadline name the ruleset lacks
    ├── InvalidInputError                       ValueError   a document's problems, all at once
    │   ├── UnknownKeyError                                  keys the format does not define
    │   ├── MissingKeyError                                  required keys that are absent
    │   └── RulesetError                                     a ruleset file that does not load
    ├── VerificationError                       ValueError   a record that does not re-derive
    ├── MissingExtraError                       ImportError  an optional extra is not installed
    └── UnreadableFileError                     OSError      a file that is missing, unreadable or not UTF-8

Messages follow one shape: ``field=value!r``, what rule was broken, what is
allowed — and the rule id where a provision of the documents is the reason.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from typing import Any, Final

from dienhinh._frozen import frozen

__all__ = [
    "ChairChoiceError",
    "DienhinhError",
    "DoubleVoteError",
    "DuplicateIdError",
    "ImpossibleDateError",
    "InvalidInputError",
    "InvalidTypeError",
    "InvalidValueError",
    "MalformedJSONError",
    "MissingExtraError",
    "MissingKeyError",
    "NaiveDatetimeError",
    "Problem",
    "RulesetError",
    "UnknownCriterionError",
    "UnknownDeadlineError",
    "UnknownFieldError",
    "UnknownIdError",
    "UnknownInterpretationError",
    "UnknownKeyError",
    "UnknownMemberError",
    "UnknownNomineeError",
    "UnknownRulesetError",
    "UnreadableFileError",
    "VerificationError",
]


class _Unset:
    """Marks ``value`` as not given (``None`` is a legitimate bad value)."""

    def __repr__(self) -> str:
        return "<unset>"


_UNSET: Final = _Unset()


class DienhinhError(Exception):
    """Root of every error this package raises on purpose."""

    field: str | None
    value: object
    allowed: str | None
    rule: str | None

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = _UNSET,
        allowed: str | None = None,
        rule: str | None = None,
    ) -> None:
        text = message
        if field is not None:
            text = (
                f"{field}={describe(value)}: {text}" if value is not _UNSET else f"{field}: {text}"
            )
        if allowed is not None:
            text += f"; allowed: {allowed}"
        if rule is not None:
            text += f" (rule {rule})"
        super().__init__(text)
        self.field = field
        self.value = None if value is _UNSET else value
        self.allowed = allowed
        self.rule = rule


class InvalidValueError(DienhinhError, ValueError):
    """A value outside what the rule or the format allows."""


class DuplicateIdError(InvalidValueError):
    """The same id given twice; ids are compared after Unicode NFC normalisation."""


class DoubleVoteError(InvalidValueError):
    """Two ballots from one council member."""


class ChairChoiceError(InvalidValueError):
    """A tie decision of the wrong size, outside the tied group, or with no tie to decide."""


class ImpossibleDateError(InvalidValueError):
    """A date that does not exist on the calendar, or text that is not an ISO date."""


class NaiveDatetimeError(InvalidValueError):
    """A timestamp without a UTC offset: judging it would be a guess (A-16)."""


class MalformedJSONError(InvalidValueError):
    """Text that does not parse as JSON."""


class InvalidTypeError(DienhinhError, TypeError):
    """A value of the wrong type (e.g. a ``datetime`` where a ``date`` is meant)."""


class UnknownIdError(DienhinhError, LookupError):
    """A reference to something that is not there."""

    def __str__(self) -> str:
        # LookupError's str() would repr the message; keep it readable.
        return str(self.args[0]) if self.args else ""


class UnknownMemberError(UnknownIdError):
    """A ballot or a chair that is not on the council's roster."""


class UnknownNomineeError(UnknownIdError):
    """An approval or a choice naming a nominee that was not nominated."""


class UnknownRulesetError(UnknownIdError):
    """No built-in ruleset has that id."""


class UnknownCriterionError(UnknownIdError):
    """A criterion id that the ruleset's catalogue does not have."""


class UnknownFieldError(UnknownIdError):
    """A field of work (lĩnh vực) that the ruleset does not define."""


class UnknownInterpretationError(UnknownIdError, KeyError):
    """An interpretation id (``A-1`` … ``A-20``) that the register does not have.

    Also a ``KeyError``: :class:`~dienhinh.Readings` is a mapping.
    """


class UnknownDeadlineError(UnknownIdError):
    """A deadline name that the ruleset does not define."""


@frozen
class Problem:
    """One problem found while validating a whole document.

    ``where`` is the path to the bad value (``"ballots[2].member"``,
    ``"ballot.threshold"``); ``source`` the file or ``"<stdin>"`` when known.
    """

    where: str
    message: str
    allowed: str | None = None
    source: str | None = None
    kind: str = "invalid"
    """``"unknown_key"``, ``"missing_key"`` or ``"invalid"``."""

    def __str__(self) -> str:
        # The source is named once, by the error's summary; a problem says where inside it.
        tail = f" (allowed: {self.allowed})" if self.allowed else ""
        return f"{self.where}: {self.message}{tail}"


class InvalidInputError(DienhinhError, ValueError):
    """A document with one or more problems, all reported at once."""

    problems: tuple[Problem, ...]
    summary: str

    def __init__(self, summary: str, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        self.summary = summary
        listed = "; ".join(str(p) for p in self.problems)
        super().__init__(f"{summary}: {listed}" if listed else summary)


class UnknownKeyError(InvalidInputError):
    """Keys the input format does not define: never silently dropped."""


class MissingKeyError(InvalidInputError):
    """Keys the input format requires."""


class RulesetError(InvalidInputError):
    """A ruleset that does not load; ``problems`` lists every problem found."""


class VerificationError(DienhinhError, ValueError):
    """A decision record whose outcome, tally or digest does not re-derive."""


class MissingExtraError(DienhinhError, ImportError):
    """An optional extra is needed: the message names the ``pip install`` to run."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {module!r}; "
            f"install it with: pip install 'dienhinh[{extra}]'"
        )
        self.extra = extra
        self.module = module


class UnreadableFileError(DienhinhError, OSError):
    """A file that cannot be read as text: missing, not permitted, a folder, not UTF-8.

    Distinct from a file whose content is invalid: the command line exits 3 for it, 2 for
    invalid content.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


ECHO_LIMIT: Final = 100
"""The most characters of a bad value a message echoes."""

_REPR: Final = reprlib.Repr()
_REPR.maxlevel = 4
_REPR.maxstring = _REPR.maxother = ECHO_LIMIT
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 12


def describe(value: Any) -> str:
    """A short, safe rendering of a bad value for a one-line message.

    At most :data:`ECHO_LIMIT` characters; a 3,000-deep list or a value whose
    ``repr`` fails is described, never a ``RecursionError``.

    >>> describe([[[[[[1]]]]]])
    '[[[[[...]]]]]'
    >>> len(describe("x" * 1_000_000)) <= ECHO_LIMIT
    True
    """
    try:
        text = _REPR.repr(value)
    except Exception:  # a broken or endlessly deep __repr__ of a caller's object
        text = f"<{type(value).__name__}>"
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 3] + "..."


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` shortened to ``limit`` characters for a message (``...`` marks the cut)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
