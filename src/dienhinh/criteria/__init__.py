"""Criteria: three-valued matching of a nominee's dated evidence against a catalogue.

A catalogue (``rulesets/data/<id>.criteria.toml``, loaded with its ruleset, format in ``docs/criteria-format.md``)
holds a ruleset's general standard and field standards as trees of cited
criteria; :func:`assess` answers *met*, *not met* or *unknown* — and for
*unknown*, the facts to ask for.

>>> import datetime as dt
>>> from dienhinh.criteria import Nominee, Ocop, assess
>>> from dienhinh.rulesets import load_catalogue
>>> tq = load_catalogue("tuyen-quang-2023")
>>> coop = Nominee("collective", ["agriculture"],
...                [Ocop("Chè Shan tuyết", 3, dt.date(2024, 3, 15), "UBND tỉnh Tuyên Quang")])
>>> a = assess(coop, tq, window=(dt.date(2023, 10, 1), dt.date(2024, 12, 15)))
>>> a.tree.find("TQ-3.2c").verdict, a.verdict
(<Verdict.MET: 'met'>, <Verdict.UNKNOWN: 'unknown'>)
>>> sorted({m.rule.id for m in a.missing})
['TQ-3.1a', 'TQ-3.1b', 'TQ-3.1c.initiative', 'TQ-3.1c.model', 'TQ-3.1d']
"""

from dienhinh.criteria._catalogue import (
    Catalogue,
    Criterion,
    Field,
    Group,
    parse_catalogue,
)
from dienhinh.criteria._engine import WindowLike, assess, assess_many
from dienhinh.criteria._evidence import (
    EVIDENCE_TYPES,
    Attestation,
    Award,
    Certificate,
    Contribution,
    Evidence,
    Figure,
    Initiative,
    Invention,
    Ocop,
    Period,
    Project,
    Rating,
    Title,
)
from dienhinh.criteria._leaves import (
    AttestationTest,
    AwardTest,
    CertificateTest,
    ContributionTest,
    FigureTest,
    InitiativeTest,
    InventionTest,
    LeafTest,
    Lookback,
    OcopTest,
    ProjectTest,
    RatingTest,
    TitleTest,
)
from dienhinh.criteria._nominee import Nominee
from dienhinh.criteria._result import Assessment, CriterionResult, EvidenceUse, IgnoredEvidence
from dienhinh.criteria._verdict import Verdict, all_of, any_of
from dienhinh.criteria._vocab import (
    DISTRICT_LEVEL_ENDED,
    AwardCategory,
    AwardCategoryName,
    AwardField,
    AwardFieldName,
    ContributionKind,
    Grade,
    Level,
    LevelName,
    Metric,
    ProjectRating,
    Purpose,
    Scheme,
    TitleName,
)

__all__ = [
    "DISTRICT_LEVEL_ENDED",
    "EVIDENCE_TYPES",
    "Assessment",
    "Attestation",
    "AttestationTest",
    "Award",
    "AwardCategory",
    "AwardCategoryName",
    "AwardField",
    "AwardFieldName",
    "AwardTest",
    "Catalogue",
    "Certificate",
    "CertificateTest",
    "Contribution",
    "ContributionKind",
    "ContributionTest",
    "Criterion",
    "CriterionResult",
    "Evidence",
    "EvidenceUse",
    "Field",
    "Figure",
    "FigureTest",
    "Grade",
    "Group",
    "IgnoredEvidence",
    "Initiative",
    "InitiativeTest",
    "Invention",
    "InventionTest",
    "LeafTest",
    "Level",
    "LevelName",
    "Lookback",
    "Metric",
    "Nominee",
    "Ocop",
    "OcopTest",
    "Period",
    "Project",
    "ProjectRating",
    "ProjectTest",
    "Purpose",
    "Rating",
    "RatingTest",
    "Scheme",
    "Title",
    "TitleName",
    "TitleTest",
    "Verdict",
    "WindowLike",
    "all_of",
    "any_of",
    "assess",
    "assess_many",
    "parse_catalogue",
]
