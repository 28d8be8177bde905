"""The public readers and writers: JSON text, bytes or a file in; the domain's values out.

A ``str`` is JSON text, ``bytes`` are UTF-8 JSON text, and an :class:`os.PathLike`
(e.g. :class:`pathlib.Path`) is a file to read. Every reader is strict and raises
the package's errors with the JSON path of each problem (an
:class:`~dienhinh.InvalidInputError` listing them); a file that cannot be read is an
:class:`~dienhinh.UnreadableFileError`. Every writer returns the JSON text the
command line prints (indented, UTF-8, Vietnamese as is) and, given ``file``, also
writes it there.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final, TypeAlias

import attrs

from dienhinh._canonical import Sharing
from dienhinh._errors import (
    DienhinhError,
    InvalidInputError,
    InvalidTypeError,
    InvalidValueError,
    MalformedJSONError,
    Problem,
    UnreadableFileError,
    VerificationError,
)
from dienhinh._text import utf8_error
from dienhinh.criteria._nominee import Nominee
from dienhinh.criteria._result import Assessment
from dienhinh.io._json import named, parse_json
from dienhinh.io._nominee import assessment_document, parse_nominee, reassess
from dienhinh.io._round import parse_round
from dienhinh.io._write import indented_text
from dienhinh.round._inputs import RoundInputs
from dienhinh.round._run import RoundDecision, run_round
from dienhinh.rulesets._load import ballot_lookup, ballot_parameters
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import count
from dienhinh.voting._result import BallotInputs, BallotResult

__all__ = [
    "DEMO_CHAIR",
    "DEMO_ROUND",
    "JSONSource",
    "Record",
    "demo",
    "read_ballot",
    "read_nominee",
    "read_record",
    "read_round",
    "read_text",
    "record_document",
    "record_tree",
    "write_ballot",
    "write_nominee",
    "write_record",
    "write_round",
]

JSONSource: TypeAlias = str | bytes | os.PathLike[str]
"""JSON text (``str``), UTF-8 JSON text (``bytes``), or the path of a file holding it."""

Record: TypeAlias = RoundDecision | BallotResult | Assessment
"""A decision record: what ``dienhinh round``, ``ballot`` and ``assess`` print."""

DEMO_ROUND: Final = "demo-tuyen-quang-2024.json"
DEMO_CHAIR: Final = "demo-tuyen-quang-2024.chair.json"


def read_text(source: JSONSource, *, name: str | None = None) -> tuple[str, str, Path | None]:
    """The text of ``source``, a name for messages, and the folder relative paths start from.

    A path that is missing, a folder, not permitted or not UTF-8 is an
    :class:`~dienhinh.UnreadableFileError`; anything but text, bytes or a path is an
    :class:`~dienhinh.InvalidTypeError`.
    """
    if isinstance(source, str):
        return source, name or "<input>", None
    if isinstance(source, bytes):
        try:
            return source.decode("utf-8-sig"), name or "<input>", None
        except UnicodeDecodeError as exc:
            raise MalformedJSONError(f"{name or '<input>'}: {utf8_error(source, exc)}") from None
    if isinstance(source, os.PathLike):
        path = Path(source)
        shown = name or str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise UnreadableFileError(shown, "no such file") from None
        except IsADirectoryError:
            raise UnreadableFileError(shown, "is a folder, not a file") from None
        except OSError as exc:
            raise UnreadableFileError(shown, f"cannot read ({exc.strerror})") from None
        except ValueError:  # a NUL in the path: no file has that name
            raise UnreadableFileError(shown, "is not a file name (it holds a NUL)") from None
        try:
            # Strict UTF-8; a byte-order mark (spreadsheets write one) is dropped.
            return data.decode("utf-8-sig"), shown, path.resolve().parent
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(shown, utf8_error(data, exc)) from None
    raise InvalidTypeError(
        "is not JSON text, bytes or a path",
        field="source",
        value=type(source).__name__,
        allowed="str (JSON text), bytes (UTF-8 JSON text), pathlib.Path",
    )


def _parse(text: str, source: str) -> object:
    try:
        return parse_json(text, source=source)
    except MalformedJSONError as exc:
        head = text.lstrip()[:1]
        if head and head not in "{[":
            raise MalformedJSONError(
                f"{exc}; a str is read as JSON text — for a file, pass pathlib.Path({text[:60]!r})"
            ) from None
        raise


def _data(text: str, source: str, document: str) -> dict[str, Any]:
    data = _parse(text, source)
    if not isinstance(data, dict):
        raise InvalidInputError(
            f"{source}: invalid {document}",
            [Problem("$", f"expected a JSON object, got {type(data).__name__}", source=source)],
        )
    return data


def read_round(
    source: JSONSource, *, ruleset: Ruleset | None = None, name: str | None = None
) -> RoundInputs:
    """A round's inputs from its JSON document (``round-input`` schema).

    The document names its ruleset by id: a built-in one, or ``ruleset`` — the caller's
    own, loaded from a file the caller chose. A document never names a path.

    >>> from pathlib import Path
    >>> inputs = read_round(Path("examples/rounds/small-tuyen-quang.json"))
    >>> inputs.ruleset.id, len(inputs.nominations)
    ('tuyen-quang-2023', 1)
    """
    text, name, _ = read_text(source, name=name)
    return parse_round(_data(text, name, "round input"), source=name, ruleset=ruleset)


def read_ballot(source: JSONSource, *, name: str | None = None) -> BallotInputs:
    """A ballot's inputs from its JSON document (``ballot-input`` schema)."""
    from dienhinh.io._ballot import parse_ballot  # the ballot document's readers: on first use

    text, name, _ = read_text(source, name=name)
    return parse_ballot(
        _data(text, name, "ballot input"),
        source=name,
        ruleset=ballot_parameters,
    )


def read_nominee(source: JSONSource, *, name: str | None = None) -> Nominee:
    """One nominee — kind, fields, dated evidence — from its JSON document (``nominee`` schema)."""
    text, name, _ = read_text(source, name=name)
    return parse_nominee(
        _data(text, name, "nominee"),
        source=name,
    )


_KINDS: Final = ("ballot", "criteria-assessment", "round")


def read_record(
    source: JSONSource, *, name: str | None = None, ruleset: Ruleset | None = None
) -> Record:
    """A decision record (what ``dienhinh round``, ``ballot`` or ``assess`` printed), re-derived.

    The record is recomputed from its own ``inputs`` and compared with what it says, key by
    key: a record that does not re-derive is a :class:`~dienhinh.VerificationError`, so the
    value returned is always the library's own result, never a copy of edited JSON.
    ``ruleset`` is the ruleset file a record was made under when it is not a built-in one;
    a round record carries its ruleset's digest, and another ruleset is refused.
    """
    from dienhinh.io._verify import compare, same_ruleset

    text, name, _ = read_text(source, name=name)
    doc = _parse(text, name)
    if not isinstance(doc, dict) or "kind" not in doc or "inputs" not in doc:
        raise InvalidValueError(
            "is not a decision record", field=name, allowed="a JSON object with 'kind' and 'inputs'"
        )
    kind, inputs = doc["kind"], doc["inputs"]
    if not isinstance(inputs, dict):
        raise VerificationError(
            f"{name}: $.inputs is not the object of a record's inputs", field="inputs"
        )
    record: Record
    with named(name):
        if kind == "ballot":
            from dienhinh.io._ballot import parse_ballot

            lookup = ballot_parameters if ruleset is None else ballot_lookup(ruleset)
            record = count(parse_ballot(inputs, source=f"{name}: inputs", ruleset=lookup))
        elif kind == "criteria-assessment":
            record = reassess(inputs, source=f"{name}: inputs", ruleset=ruleset)
        elif kind == "round":
            given = same_ruleset(doc, ruleset, source=name)
            record = run_round(parse_round(inputs, source=f"{name}: inputs", ruleset=given))
        else:
            raise InvalidValueError(
                "is not a kind of record this version verifies",
                field="kind",
                value=kind,
                allowed=", ".join(_KINDS),
            )
        fresh = record_document(record, ruleset)
    compare(doc, fresh, source=name)
    return record


def record_document(record: Record, ruleset: Ruleset | None = None) -> dict[str, object]:
    """The record's JSON value, exactly as the command line prints it."""
    if isinstance(record, RoundDecision):
        return record.to_json()
    if isinstance(record, BallotResult):
        from dienhinh.io._ballot import ballot_document

        return ballot_document(record, ruleset)
    if isinstance(record, Assessment):
        return assessment_document(record, ruleset)
    raise InvalidTypeError(
        "is not a decision record",
        field="record",
        value=type(record).__name__,
        allowed="RoundDecision, BallotResult, Assessment",
    )


def record_tree(record: Record, ruleset: Ruleset | None = None) -> object:
    """What the writer writes for ``record``: :func:`record_document`, but with a round's
    reasons kept as the :class:`~dienhinh.Reason` objects they are and what repeats shared
    (:class:`~dienhinh._canonical.Sharing`), so each distinct text is written once and copied
    (its plain form is the document, key for key)."""
    if isinstance(record, RoundDecision):
        return record._tree(Sharing())
    return record_document(record, ruleset)


def _text(value: object) -> str:
    return indented_text(value) + "\n"


def _write(text: str, file: os.PathLike[str] | None) -> str:
    if file is not None:
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UnreadableFileError(str(file), f"cannot write ({exc.strerror})") from None
    return text


def write_record(record: Record, file: os.PathLike[str] | None = None) -> str:
    """The record's JSON text (``round-output``, ``ballot-output`` or ``assessment`` schema)."""
    return _write(_text(record_tree(record)), file)


def write_round(inputs: RoundInputs, file: os.PathLike[str] | None = None) -> str:
    """The round's input document (``round-input`` schema); :func:`read_round` reads it back."""
    if not isinstance(inputs, RoundInputs):
        raise InvalidTypeError("is not RoundInputs", field="inputs", value=type(inputs).__name__)
    return _write(_text(inputs.to_json()), file)


def write_ballot(inputs: BallotInputs, file: os.PathLike[str] | None = None) -> str:
    """The ballot's input document (``ballot-input`` schema); :func:`read_ballot` reads it back."""
    if not isinstance(inputs, BallotInputs):
        raise InvalidTypeError("is not BallotInputs", field="inputs", value=type(inputs).__name__)
    return _write(_text(inputs.to_json()), file)


def write_nominee(nominee: Nominee, file: os.PathLike[str] | None = None) -> str:
    """The nominee's document (``nominee`` schema); :func:`read_nominee` reads it back."""
    if not isinstance(nominee, Nominee):
        raise InvalidTypeError("is not a Nominee", field="nominee", value=type(nominee).__name__)
    return _write(_text(nominee.to_json()), file)


def demo(*, chair: bool = True) -> RoundInputs:
    """The shipped Tuyên Quang 2024 round that ``dienhinh demo`` runs (sample data, made up).

    With ``chair=True`` (the default) the inputs include the chair's choice at the tie for the
    last slot, so :func:`~dienhinh.run_round` gives the final decision; with ``chair=False``
    the round stops there, awaiting the chair.

    >>> from dienhinh import run_round
    >>> run_round(demo(chair=False)).status.value, run_round(demo()).status.value
    ('awaiting_chair', 'final')
    """
    # The package's data folder, found as the shipped rulesets are (beside the module):
    # importlib.resources would bring tempfile, shutil, zipfile… into `dienhinh demo`.
    data = Path(__file__).resolve().parent.parent / "data"
    try:
        inputs = parse_round(
            parse_json(data.joinpath(DEMO_ROUND).read_text(encoding="utf-8"), source=DEMO_ROUND),
            source=f"dienhinh/data/{DEMO_ROUND}",
        )
        if not chair:
            return inputs
        choice = parse_json(data.joinpath(DEMO_CHAIR).read_text(encoding="utf-8"))
    except (OSError, DienhinhError) as exc:  # pragma: no cover - a broken installation
        raise UnreadableFileError(f"dienhinh/data/{DEMO_ROUND}", str(exc)) from None
    return attrs.evolve(inputs, chair_choice=choice["chair_choice"])
