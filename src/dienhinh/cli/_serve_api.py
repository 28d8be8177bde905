"""What ``dienhinh serve`` computes, without the web framework: JSON in, JSON out, as the CLI.

Each endpoint is a function of the parsed request (a JSON value, or the query's
values) returning the JSON value the matching command prints, by the same
library calls as the command (``dienhinh.cli._ballot``, ``_calendar``,
``_criteria``, ``_round``); bad input raises the same :class:`DienhinhError` the
command would report on its one line. :func:`problem` turns an error into an
RFC 9457 problem document. Nothing here imports starlette, so it is tested and
type-checked without the ``serve`` extra.

A request never names a file on the server: a ruleset is a built-in id or the
id of a file the operator named at start (``--ruleset FILE``); a round input or
a record naming anything else is refused before anything is read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

import attrs

from dienhinh._canonical import plain
from dienhinh._errors import (
    ChairChoiceError,
    DienhinhError,
    InvalidInputError,
    InvalidValueError,
    MalformedJSONError,
    Problem,
    UnknownIdError,
    UnknownRulesetError,
    VerificationError,
)
from dienhinh._frozen import frozen
from dienhinh._interpretations import INTERPRETATIONS, Readings
from dienhinh._version import __version__
from dienhinh.calendar import achievement_window, check_deadline, year_schedule
from dienhinh.calendar._time import parse_day, parse_moment
from dienhinh.cli._calendar import DEFAULT_RULESET
from dienhinh.cli._round import DEMO_ROUND
from dienhinh.criteria import assess
from dienhinh.io import (
    assessment_document,
    ballot_document,
    parse_ballot,
    parse_json,
    parse_nominee,
    parse_round,
    verify_document,
)
from dienhinh.io._floors import floors_document, parse_floors, run_floors
from dienhinh.io._json import structure
from dienhinh.round._run import dossier_due, resolve_round, run_round
from dienhinh.rulesets import builtin_rulesets, load_ruleset
from dienhinh.rulesets._load import ballot_lookup, ballot_parameters
from dienhinh.rulesets._ruleset import Ruleset
from dienhinh.voting import count, resolve

__all__ = ["Service", "code_of", "demo_input", "dumps", "problem", "problem_of", "read_body"]

SOURCE: Final = "request"
"""How messages name the request body (the CLI says ``<stdin>`` or the file's name)."""


def dumps(value: Any) -> bytes:
    """The JSON body of a response: the command's JSON, compact, UTF-8 with Vietnamese as is."""
    return json.dumps(value, ensure_ascii=False, default=plain).encode("utf-8")


def read_body(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedJSONError(
            f"{SOURCE}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    return parse_json(text, source=SOURCE)


# -- request documents of the endpoints that have no input file in the CLI ------------------------


@frozen
class WindowDoc:
    start: dt.date
    end: dt.date


@frozen
class AssessRequest:
    """``POST /assess``: ``dienhinh assess FILE --ruleset ID (--on DATE | --from --to)``."""

    DOCUMENT = "assess request"

    ruleset: str
    nominee: dict[str, Any]
    on: dt.date | None = None
    window: WindowDoc | None = None
    readings: dict[str, str] = attrs.Factory(dict)


@frozen
class WindowRequest:
    """``POST /window``: ``dienhinh window DATE [--ruleset] [--policy] [--deadline]``."""

    DOCUMENT = "window request"

    date: str
    ruleset: str = DEFAULT_RULESET
    policy: str | None = None
    deadline: str | None = None
    readings: dict[str, str] = attrs.Factory(dict)


@frozen
class DeadlineRequest:
    """``POST /deadline``: ``dienhinh deadline --ruleset --deadline --year --at``."""

    DOCUMENT = "deadline request"

    ruleset: str
    deadline: str
    year: int
    at: str
    reading: str | None = None
    roll_over: bool = False
    days_off: list[str] = attrs.Factory(list)
    readings: dict[str, str] = attrs.Factory(dict)


@frozen
class ResolveRequest:
    """``POST /resolve``: a record awaiting the chair and the chair's choice."""

    DOCUMENT = "resolve request"

    record: dict[str, Any]
    chair_choice: list[str]


def _readings(chosen: Mapping[str, str], **shorthand: str | None) -> Readings:
    """The readings of ``readings`` with the CLI's shorthands (``policy`` = A-3, …) added."""
    merged = dict(chosen)
    for key, value in shorthand.items():
        if value is None:
            continue
        if key in merged and merged[key] != value:
            raise InvalidValueError(
                f"contradicts readings[{key!r}]={merged[key]!r}", field=key, value=value
            )
        merged[key] = value
    return Readings(merged)


def _days(items: Iterable[str], where: str) -> list[dt.date]:
    return [parse_day(d, field=f"{where}[{i}]") for i, d in enumerate(items)]


@frozen
class Service:
    """The endpoints' computations over the rulesets the server knows.

    ``files`` maps the id of each ruleset the operator named at start to its path;
    they are loaded (and so checked) by :meth:`with_files`.
    """

    files: Mapping[str, Path] = attrs.Factory(dict)

    @classmethod
    def with_files(cls, paths: Iterable[str | os.PathLike[str]]) -> Service:
        """A service that also knows the rulesets in ``paths`` (each loaded now, by id)."""
        files: dict[str, Path] = {}
        for given in paths:
            path = Path(given).resolve()
            ruleset = load_ruleset(path)
            if ruleset.id in builtin_rulesets() or ruleset.id in files:
                raise InvalidValueError(
                    "names a ruleset id already known", field="--ruleset",
                    value=str(given), allowed=f"a file whose id is not {ruleset.id!r}",
                )  # fmt: skip
            files[ruleset.id] = path
        return cls(files)

    # -- rulesets ---------------------------------------------------------------------------

    def ids(self) -> list[str]:
        return [*builtin_rulesets(), *sorted(self.files)]

    def ruleset(self, id: Any, where: str = "ruleset") -> Ruleset:
        """A known ruleset by id; anything else (a path above all) is refused unread."""
        if isinstance(id, str) and id in builtin_rulesets():
            return load_ruleset(id)
        if isinstance(id, str) and id in self.files:
            return load_ruleset(self.files[id])
        raise UnknownRulesetError(
            f"{where}={id!r} is not a ruleset of this server; known: {', '.join(self.ids())}"
        )

    def _named(self, data: dict[str, Any], where: str) -> Ruleset | None:
        """The known ruleset ``data`` names by id, checked before anything is read; a document
        without one is left to its reader to report."""
        if "ruleset" not in data:
            return None
        return self.ruleset(data["ruleset"], f"{where}.ruleset")

    def rulesets(self) -> list[dict[str, Any]]:
        return [self.ruleset(i).summary() for i in self.ids()]

    def ruleset_summary(self, id: str) -> dict[str, Any]:
        return self.ruleset(id).summary()

    def criteria(self, id: str) -> Any:
        ruleset = self.ruleset(id)
        if ruleset.catalogue is None:
            raise UnknownRulesetError(f"ruleset={id!r} has no criteria catalogue")
        return ruleset.catalogue.listing()

    # -- the computations ---------------------------------------------------------------------

    def round(self, data: Any) -> Any:
        """``dienhinh round FILE``."""
        doc = _object(data, "round input")
        inputs = parse_round(doc, source=SOURCE, ruleset=self._named(doc, "$"))
        return run_round(inputs).to_json()

    def _file_ruleset(self, data: Any) -> Ruleset | None:
        """The operator's ruleset a document names by id (``--ruleset FILE`` in the CLI), if any."""
        name = data.get("ruleset") if isinstance(data, dict) else None
        if isinstance(name, str) and name in self.files:
            return self.ruleset(name)
        return None

    def _ballot(self, data: Any, source: str) -> tuple[Any, Ruleset | None]:
        given = self._file_ruleset(data)
        lookup = ballot_parameters if given is None else ballot_lookup(given)
        return parse_ballot(data, source=source, ruleset=lookup), given

    def ballot(self, data: Any) -> Any:
        """``dienhinh ballot FILE``: a ``ruleset`` key names a built-in ruleset or one named at start."""
        inputs, given = self._ballot(_object(data, "ballot input"), SOURCE)
        return ballot_document(count(inputs), given)

    def resolve(self, data: Any) -> Any:
        """A record awaiting the chair, finished with the chair's choice."""
        req = structure(data, ResolveRequest, source=SOURCE)
        record = req.record
        self._check_record(record, "$.record")
        kind = record["kind"]
        if record.get("status") != "awaiting_chair":
            raise ChairChoiceError(
                "there is no tie to decide: the record is not awaiting the chair",
                field="record.status", value=record.get("status"),
            )  # fmt: skip
        source = f"{SOURCE}: record.inputs"
        if kind == "round":
            raw = _object(record["inputs"], "round input")
            inputs = parse_round(raw, source=source, ruleset=self._named(raw, "$.record.inputs"))
            first = run_round(inputs)
            _same(record, first.to_json(), "record")
            return resolve_round(first, req.chair_choice).to_json()
        if kind == "ballot":
            ballot_inputs, given = self._ballot(_object(record["inputs"], "ballot input"), source)
            result = count(ballot_inputs)
            _same(record, ballot_document(result, given), "record")
            return ballot_document(resolve(result, req.chair_choice), given)
        raise InvalidValueError(
            "is not a kind of record awaiting a chair", field="record.kind", value=kind,
            allowed="round, ballot",
        )  # fmt: skip

    def verify(self, data: Any) -> Any:
        """``dienhinh verify FILE``."""
        self._check_record(data, "$")
        ruleset = None
        if data["kind"] == "round":
            ruleset = self._named(_object(data["inputs"], "round input"), "$.inputs")
            if ruleset is not None and ruleset.id in builtin_rulesets():
                ruleset = None  # as the command line verifies a record made under a built-in one
        elif isinstance(data["inputs"], dict):
            ruleset = self._file_ruleset(data["inputs"])
        return verify_document(json.dumps(data, ensure_ascii=False), source=SOURCE, ruleset=ruleset)

    def _check_record(self, data: Any, where: str) -> None:
        """A record's shape, and that it names no file: only known rulesets."""
        if not isinstance(data, dict) or "kind" not in data or "inputs" not in data:
            raise InvalidValueError(
                "is not a decision record", field=where,
                allowed="a JSON object with 'kind' and 'inputs', as the server returns it",
            )  # fmt: skip
        inputs = data["inputs"]
        if data["kind"] == "criteria-assessment" and isinstance(inputs, dict):
            self.ruleset(inputs.get("ruleset"), f"{where}.inputs.ruleset")

    def floors(self, data: Any) -> Any:
        """``dienhinh floors FILE``."""
        doc = _object(data, "floors input")
        inputs = parse_floors(doc, source=SOURCE, ruleset=self._named(doc, "$"))
        return floors_document(inputs, run_floors(inputs))

    def assess(self, data: Any) -> Any:
        """``dienhinh assess FILE --ruleset ID|PATH``: a built-in ruleset or one named at start."""
        req = structure(data, AssessRequest, source=SOURCE)
        readings = Readings(req.readings)
        ruleset = self.ruleset(req.ruleset)
        if ruleset.catalogue is None:
            raise UnknownRulesetError(f"ruleset={req.ruleset!r} has no criteria catalogue")
        if (req.on is None) == (req.window is None):
            raise InvalidValueError(
                "needs the window one way", field="on", value=req.on,
                allowed="either 'on' (the consideration date) or 'window' {start, end}",
            )  # fmt: skip
        due = None
        if req.on is not None:
            w = achievement_window(ruleset, req.on, readings=readings)
            window = (w.start, w.end)
            due = dossier_due(ruleset, req.on, readings=readings)  # as `dienhinh assess --on`
        else:
            assert req.window is not None
            window = (req.window.start, req.window.end)
        nominee = parse_nominee(req.nominee, source=f"{SOURCE}: nominee")
        result = assess(
            nominee, ruleset.catalogue, window=window, readings=readings, dossier_due=due
        )
        return assessment_document(result, ruleset)

    def window(self, data: Any) -> Any:
        """``dienhinh window DATE``."""
        req = structure(data, WindowRequest, source=SOURCE)
        readings = _readings(req.readings, **{"A-3": req.policy})
        return achievement_window(
            self.ruleset(req.ruleset),
            parse_day(req.date, field="date"),
            readings=readings,
            deadline=req.deadline,
        ).to_json()

    def deadline(self, data: Any) -> Any:
        """``dienhinh deadline``."""
        req = structure(data, DeadlineRequest, source=SOURCE)
        readings = _readings(
            req.readings, **{"A-1": req.reading, "A-17": "roll-over" if req.roll_over else None}
        )
        return check_deadline(
            self.ruleset(req.ruleset),
            req.deadline,
            req.year,
            parse_moment(req.at, field="at"),
            readings=readings,
            days_off=_days(req.days_off, "days_off"),
        ).to_json()

    def calendar(self, query: Mapping[str, list[str]]) -> Any:
        """``dienhinh calendar`` from a query: ``ruleset``, ``year``, ``reading``, ``roll_over``,
        ``day_off`` (repeatable), ``read=A-n=READING`` (repeatable)."""
        known = {"ruleset", "year", "reading", "roll_over", "day_off", "read"}
        for key in query:
            if key not in known:
                raise InvalidValueError(
                    "is not a query parameter of /calendar", field=key,
                    allowed=", ".join(sorted(known)),
                )  # fmt: skip
        one = {k: v[-1] for k, v in query.items() if k not in ("day_off", "read")}
        for key in ("ruleset", "year"):
            if key not in one:
                raise InvalidValueError("is required", field=key)
        if not re.fullmatch(r"[0-9]{4}", one["year"]):
            raise InvalidValueError(
                "is not a year", field="year", value=one["year"], allowed="YYYY"
            )
        roll = one.get("roll_over", "false")
        if roll not in ("true", "false"):
            raise InvalidValueError("is not a boolean", field="roll_over", value=roll,
                                    allowed="true, false")  # fmt: skip
        chosen: dict[str, str] = {}
        for item in query.get("read", []):
            key, sep, value = item.partition("=")
            if not sep or not key or not value or key in chosen:
                raise InvalidValueError(
                    "is not one interpretation and a reading", field="read", value=item,
                    allowed="A-n=READING, each interpretation once",
                )  # fmt: skip
            chosen[key] = value
        readings = _readings(
            chosen,
            **{"A-1": one.get("reading"), "A-17": "roll-over" if roll == "true" else None},
        )
        schedule = year_schedule(
            self.ruleset(one["ruleset"]),
            int(one["year"]),
            readings=readings,
            days_off=_days(query.get("day_off", []), "day_off"),
        )
        return schedule.events_json()

    def interpretations(self) -> list[dict[str, Any]]:
        """The register: each entry's id, title, rules, question, default and readings."""
        return [i.to_json() for i in INTERPRETATIONS.values()]

    def health(self) -> Any:
        return {"status": "ok", "version": __version__, "rulesets": self.ids()}


def _object(data: Any, name: str) -> dict[str, Any]:
    """``data`` if it is a JSON object; the readers would take a JSON string for JSON text."""
    if not isinstance(data, dict):
        raise InvalidInputError(
            f"{SOURCE}: invalid {name}",
            [Problem("$", f"expected a JSON object, got {type(data).__name__}", source=SOURCE)],
        )
    return data


def _same(given: Mapping[str, Any], fresh: Mapping[str, Any], source: str) -> None:
    """The check of ``dienhinh verify``: every key of ``given`` re-derives."""
    fresh = plain(fresh)
    for key in sorted(set(given) | set(fresh)):
        if given.get(key) != fresh.get(key):
            raise VerificationError(
                f"{source}: the record's {key!r} does not re-derive from its inputs", field=key
            )


def demo_input() -> Any:
    """The shipped demo round input (``dienhinh demo`` without the chair's choice)."""
    text = files("dienhinh").joinpath("data").joinpath(DEMO_ROUND).read_text(encoding="utf-8")
    return parse_json(text, source=DEMO_ROUND)


# -- problems (RFC 9457) --------------------------------------------------------------------------

_TITLES: Final = {
    "malformed_json": "The body is not JSON",
    "body_too_large": "The body is too large",
    "not_found": "No such resource",
    "method_not_allowed": "Method not allowed",
    "time_limit": "The computation took too long",
    "internal_error": "Internal error",
    "verification": "The record does not re-derive",
}


def code_of(exc: BaseException) -> str:
    """A stable code for an error: its class name in snake case, without ``Error``."""
    name = type(exc).__name__.removesuffix("Error")
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower() or "dienhinh"


_PATH: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(\[[0-9]+\]|\.[A-Za-z_][A-Za-z0-9_\-]*)*")


def _json_path(where: str | None) -> str | None:
    if where is None:
        return None
    if where.startswith("$"):
        return where
    return f"$.{where}" if _PATH.fullmatch(where) else None


def status_of(exc: DienhinhError) -> int:
    """400 for a body that is not JSON, 404 for an unknown resource, 422 for any other refusal."""
    if isinstance(exc, MalformedJSONError):
        return 400
    return 422


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    path: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    instance: str | None = None,
) -> dict[str, Any]:
    """An RFC 9457 problem document with dienhinh's members ``code``, ``path``, ``errors``."""
    doc: dict[str, Any] = {
        "type": f"urn:dienhinh:problem:{code}",
        "title": _TITLES.get(code, code.replace("_", " ").capitalize()),
        "status": status,
        "detail": " ".join(detail.split()),
        "code": code,
        "path": path,
    }
    if errors:
        doc["errors"] = errors
    if instance is not None:
        doc["instance"] = instance
    return doc


def problem_of(
    exc: DienhinhError, *, instance: str | None = None, status: int | None = None
) -> dict[str, Any]:
    """The problem document of a refusal: the CLI's one-line message, the JSON path, a code."""
    errors: list[dict[str, Any]] | None = None
    path: str | None
    if isinstance(exc, InvalidInputError) and exc.problems:
        errors = [_problem_item(p) for p in exc.problems]
        path = errors[0]["path"]
    else:
        path = _json_path(exc.field)
    if isinstance(exc, UnknownIdError) and path is None:
        path = _field_in_message(str(exc))
    return problem(
        status or status_of(exc),
        code_of(exc),
        str(exc),
        path=path,
        errors=errors,
        instance=instance,
    )


def _problem_item(p: Problem) -> dict[str, Any]:
    return {"path": _json_path(p.where) or p.where, "message": p.message, "allowed": p.allowed,
            "kind": p.kind}  # fmt: skip


def _field_in_message(message: str) -> str | None:
    m = re.match(r"([$A-Za-z_][\w.\[\]$-]*)=", message)
    return _json_path(m.group(1)) if m else None
