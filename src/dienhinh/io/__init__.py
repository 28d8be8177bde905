"""The JSON boundary: documents in, records out — and the only user of cattrs.

Readers turn JSON text into the domain's values, strictly (an unknown key, a
repeated key, a float where a fraction is meant, a string where a list is
meant: each a :class:`~dienhinh.InvalidInputError` naming the JSON path);
writers turn results into the records the command line prints;
:func:`verify_document` re-derives a record from its inputs.
"""

from dienhinh.io._ballot import ballot_document, parse_ballot
from dienhinh.io._json import parse_json
from dienhinh.io._nominee import assessment_document, parse_nominee
from dienhinh.io._round import parse_round
from dienhinh.io._verify import verify_document

__all__ = [
    "assessment_document",
    "ballot_document",
    "parse_ballot",
    "parse_json",
    "parse_nominee",
    "parse_round",
    "verify_document",
]
