"""dienhinh: Vietnamese provinces' rules on recognising advanced exemplars, as code.

The package root holds what every part shares: errors, citations, the
register of interpretations, reasons. Each domain has its subpackage:
:mod:`dienhinh.voting` (the council's ballot).
"""

from dienhinh._errors import (
    ChairChoiceError,
    DienhinhError,
    DoubleVoteError,
    DuplicateIdError,
    ImpossibleDateError,
    InvalidInputError,
    InvalidTypeError,
    InvalidValueError,
    MalformedJSONError,
    MissingExtraError,
    MissingKeyError,
    NaiveDatetimeError,
    Problem,
    RulesetError,
    UnknownCriterionError,
    UnknownDeadlineError,
    UnknownFieldError,
    UnknownIdError,
    UnknownKeyError,
    UnknownMemberError,
    UnknownNomineeError,
    UnknownRulesetError,
    VerificationError,
)
from dienhinh._interpretations import (
    INTERPRETATIONS,
    Interpretation,
    Reading,
    Readings,
    UsedReading,
)
from dienhinh._kinds import NomineeKind
from dienhinh._provenance import Citation, Rule
from dienhinh._reasons import Reason, ReasonCode, Severity
from dienhinh._version import __version__

__all__ = [
    "INTERPRETATIONS",
    "ChairChoiceError",
    "Citation",
    "DienhinhError",
    "DoubleVoteError",
    "DuplicateIdError",
    "ImpossibleDateError",
    "Interpretation",
    "InvalidInputError",
    "InvalidTypeError",
    "InvalidValueError",
    "MalformedJSONError",
    "MissingExtraError",
    "MissingKeyError",
    "NaiveDatetimeError",
    "NomineeKind",
    "Problem",
    "Reading",
    "Readings",
    "Reason",
    "ReasonCode",
    "Rule",
    "RulesetError",
    "Severity",
    "UnknownCriterionError",
    "UnknownDeadlineError",
    "UnknownFieldError",
    "UnknownIdError",
    "UnknownKeyError",
    "UnknownMemberError",
    "UnknownNomineeError",
    "UnknownRulesetError",
    "UsedReading",
    "VerificationError",
    "__version__",
]
