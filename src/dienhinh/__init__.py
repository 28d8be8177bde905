"""dienhinh: Vietnamese provinces' rules on recognising advanced exemplars, as code.

The package root is the kernel every part shares: errors, citations, the
register of interpretations (readings), reasons, documents' status, canonical
digests, text. The layers above it, each a subpackage with one façade:

- :mod:`dienhinh.voting`, :mod:`dienhinh.calendar`, :mod:`dienhinh.criteria` —
  the council's ballot, the legal calendar, three-valued criteria (kernel only);
- :mod:`dienhinh.rulesets` — each province's document as validated, cited,
  dated data (:class:`Ruleset`, :func:`load_ruleset`), built from the three;
- :mod:`dienhinh.round` — the annual round (:class:`RoundInputs` →
  :func:`run_round` → :class:`RoundDecision`);
- :mod:`dienhinh.io` (the JSON boundary) and :mod:`dienhinh.report` (readable
  views); :mod:`dienhinh.cli`, the command line, on top.

The main entry points are re-exported here and load on first use.
"""

import importlib as _importlib
import typing as _typing

from dienhinh._documents import DocumentStatus
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
    UnreadableFileError,
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

if _typing.TYPE_CHECKING:
    from dienhinh.round import (
        Benefit,
        CouncilLevel,
        Dossier,
        FloorCheck,
        NationalPool,
        Nomination,
        NominationOutcome,
        Priority,
        RoundDecision,
        RoundInputs,
        RoundOutcome,
        RoundStatus,
        Stage,
        Unit,
        resolve_round,
        run_round,
        verify_round,
    )
    from dienhinh.rulesets import (
        Ruleset,
        builtin_rulesets,
        dump_ruleset,
        load_catalogue,
        load_ruleset,
        parse_ruleset,
    )

# The entry points of the upper layers load on first use, so that `import dienhinh` (and every
# `import dienhinh.voting`, which runs this module first) costs only the kernel.
_LAZY: _typing.Final = {
    **dict.fromkeys(
        ("Benefit", "CouncilLevel", "Dossier", "FloorCheck", "NationalPool", "Nomination",
         "NominationOutcome", "Priority", "RoundDecision", "RoundInputs", "RoundOutcome",
         "RoundStatus", "Stage", "Unit", "resolve_round", "run_round", "verify_round"),
        "dienhinh.round",
    ),
    **dict.fromkeys(
        ("Ruleset", "builtin_rulesets", "dump_ruleset", "load_catalogue", "load_ruleset",
         "parse_ruleset"),
        "dienhinh.rulesets",
    ),
}  # fmt: skip


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dienhinh' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "INTERPRETATIONS",
    "Benefit",
    "ChairChoiceError",
    "Citation",
    "CouncilLevel",
    "DienhinhError",
    "DocumentStatus",
    "Dossier",
    "DoubleVoteError",
    "DuplicateIdError",
    "FloorCheck",
    "ImpossibleDateError",
    "Interpretation",
    "InvalidInputError",
    "InvalidTypeError",
    "InvalidValueError",
    "MalformedJSONError",
    "MissingExtraError",
    "MissingKeyError",
    "NaiveDatetimeError",
    "NationalPool",
    "Nomination",
    "NominationOutcome",
    "NomineeKind",
    "Priority",
    "Problem",
    "Reading",
    "Readings",
    "Reason",
    "ReasonCode",
    "RoundDecision",
    "RoundInputs",
    "RoundOutcome",
    "RoundStatus",
    "Rule",
    "Ruleset",
    "RulesetError",
    "Severity",
    "Stage",
    "Unit",
    "UnknownCriterionError",
    "UnknownDeadlineError",
    "UnknownFieldError",
    "UnknownIdError",
    "UnknownKeyError",
    "UnknownMemberError",
    "UnknownNomineeError",
    "UnknownRulesetError",
    "UnreadableFileError",
    "UsedReading",
    "VerificationError",
    "__version__",
    "builtin_rulesets",
    "dump_ruleset",
    "load_catalogue",
    "load_ruleset",
    "parse_ruleset",
    "resolve_round",
    "run_round",
    "verify_round",
]
