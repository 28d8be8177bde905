"""Malformed inputs for every reader and command, and the one property they must all satisfy.

Shared by the fast suite (``tests/test_fuzz.py``, part of the default run) and the long run
(``tools/fuzz.py COUNT``). An input is a valid example document with one or a few mutations —
a value replaced by a nasty one (a 5,000-digit integer, a lone surrogate, a bidi override,
an ISO week date, ``null``, a 3,000-deep list), a key dropped or added, a list item repeated —
or its text damaged (invalid UTF-8, a byte-order mark, a cut). The property: the command
exits 0, or exits 2 with exactly one line on stderr, under 300 characters, naming the input;
never a traceback. Library readers raise only :class:`~dienhinh.DienhinhError`.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from hypothesis import strategies as st

from dienhinh.cli import main

ROOT: Final = Path(__file__).resolve().parent.parent
EXAMPLES: Final = ROOT / "examples"
MAX_LINE: Final = 300


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


BALLOT: Final = _load(EXAMPLES / "ballot" / "tie-at-last-slot.json")
ROUND: Final = _load(EXAMPLES / "rounds" / "small-tuyen-quang.json")
NOMINEES: Final = [_load(p) for p in sorted((EXAMPLES / "nominees").glob("tq-*.json"))]
RULESET_TOML: Final = (EXAMPLES / "rulesets" / "my-province.toml").read_text(encoding="utf-8")

# -- nasty values ------------------------------------------------------------------------------


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


NASTY_STRINGS: Final = (
    "",
    " ",
    " m01",
    "m\n01",
    "m\x0001",
    "m\u200b01",
    "m\u202e01",
    "m\u00a001",
    "\ud800",
    "a\udfffb",
    "\ufeffm01",
    "x" * 300,
    "y" * 20_000,
    "2024-W51-5",
    "2024-355",
    "２０２４-12-20",
    "2024-02-30",
    "2024-12-20T10:00:00+07",
    "2024-12-20T10:00:00",
    "2024-12-20T10:00:00+99:00",
    "0001-01-01",
    "9999-12-31T23:59:59Z",
    "/dev/zero",
    "/etc/passwd",
    "../../etc/passwd",
    "a" * 256,
    "tuyen-quang-2023",
    "Nguyen Thi Hoa",
    "Nguye\u0302\u0303n Thi\u0323 Hoa",
    "9/10",
    "1/0",
    "-1/2",
    "0.9",
    "1e999",
    "chapter",
    "A-99",
    "NaN",
)
NASTY_VALUES: Final[tuple[Callable[[], Any], ...]] = (
    lambda: None,
    lambda: True,
    lambda: False,
    lambda: 0,
    lambda: -1,
    lambda: 1,
    lambda: 2**63,
    lambda: 10**5000,
    lambda: -(10**5000),
    lambda: 1.5,
    lambda: 9.0,
    lambda: float("inf"),
    lambda: float("nan"),
    lambda: [],
    lambda: {},
    lambda: [None],
    lambda: ["m01", "m01"],
    lambda: {"a": 1},
    lambda: _deep(3000),
)
"""Made afresh each time: a later mutation may change a value drawn earlier."""


def nasty() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(NASTY_STRINGS),
        st.sampled_from(NASTY_VALUES).map(lambda make: make()),
        st.text(max_size=20),
        st.integers(),
    )


# -- mutations of a JSON document ------------------------------------------------------------


def _paths(doc: Any, limit: int = 4000) -> list[tuple[Any, ...]]:
    """Every path into ``doc`` (keys and indices), breadth first, at most ``limit``."""
    out: list[tuple[Any, ...]] = []
    todo: list[tuple[tuple[Any, ...], Any]] = [((), doc)]
    while todo and len(out) < limit:
        path, value = todo.pop(0)
        out.append(path)
        if isinstance(value, dict):
            todo.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            todo.extend(((*path, i), v) for i, v in enumerate(value))
    return out


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """``base`` with one to three mutations at paths drawn from it."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            if draw(st.booleans()):
                return draw(nasty())
            continue
        parent = _parent(doc, path)
        key = path[-1]
        action = draw(st.sampled_from(["replace", "replace", "replace", "drop", "add", "repeat"]))
        if action == "replace":
            parent[key] = draw(nasty())
        elif action == "drop":
            del parent[key]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "tie", "ruleset", "slots", "\ud800"]))] = draw(
                nasty()
            )
        elif action == "repeat" and isinstance(parent, list):
            try:
                parent.append(copy.deepcopy(parent[key]))
            except RecursionError:  # a 3,000-deep list: repeat the same object
                parent.append(parent[key])
    return doc


def dump(doc: Any) -> bytes:
    """JSON bytes as a careless writer makes them: lone surrogates kept, NaN written bare."""
    try:
        text = json.dumps(doc, ensure_ascii=False)
    except (ValueError, RecursionError):
        return b"[" * 5000
    return text.encode("utf-8", "surrogatepass")


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with its bytes damaged: invalid UTF-8, a BOM, a cut, a duplicated key."""
    kind = draw(st.sampled_from(["none", "bom", "byte", "cut", "dupkey", "nan", "bigint"]))
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    if kind == "byte" and data:
        at = draw(st.integers(0, len(data) - 1))
        return (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"]))
            + data[at:]
        )
    if kind == "cut" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if kind == "dupkey" and data.startswith(b"{"):
        first = data.split(b",", 1)[0][1:]
        return b"{" + first + b"," + data[1:]
    if kind == "nan":
        return data.replace(b": 2", b": NaN", 1).replace(b": true", b": Infinity", 1)
    if kind == "bigint":
        return data.replace(b": 2", b": " + b"7" * 5000, 1)
    return data


# -- the property -------------------------------------------------------------------------------


def run_cli(argv: Sequence[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """``dienhinh ARGV`` in this process: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(argv))
            except SystemExit as exc:  # argparse
                status = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def _escaped(text: str) -> str:
    """``text`` as an error line shows it: control and bidi characters escaped."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def check_cli(argv: Sequence[str], stdin: bytes = b"", *, names: str = "<stdin>") -> int:
    """Run a command; exit 0, or 2 with one short line naming ``names``. Returns the status."""
    status, _, err = run_cli(argv, stdin)
    # 3: bytes that are not UTF-8 — on stdin as in a file, "cannot be read as text".
    assert status in (0, 2) or (status == 3 and "not UTF-8 text" in err), (status, err[-2000:])
    if status != 0:
        lines = err.splitlines()
        # argparse still prints its usage above the error line (the CLI helper's business);
        # what must hold is the error line itself.
        line = lines[-1] if lines else ""
        assert "Traceback" not in err, err[-2000:]
        assert line.startswith("dienhinh"), err[-2000:]
        assert len(line) < MAX_LINE, line
        if ": error: argument" not in line:  # argparse names the argument itself
            shown = [_escaped(n) for n in names.split("|") if n]
            assert any(n in line for n in shown), line
    return status


_TMP: Final = Path(tempfile.mkdtemp(prefix="dienhinh-fuzz-"))


def as_file(data: bytes, name: str) -> str:
    path = _TMP / name
    path.write_bytes(data)
    return str(path)


# -- every reader and command -------------------------------------------------------------------


@st.composite
def ballot_input(draw: st.DrawFn) -> bytes:
    return draw(damaged(dump(draw(mutated(BALLOT)))))


@st.composite
def round_input(draw: st.DrawFn) -> bytes:
    return draw(damaged(dump(draw(mutated(ROUND)))))


@st.composite
def nominee_input(draw: st.DrawFn) -> bytes:
    return draw(damaged(dump(draw(mutated(draw(st.sampled_from(NOMINEES)))))))


_TOML_NASTY: Final = (
    "1" * 5000,
    "0x" + "f" * 5000,
    "0o" + "7" * 3000,
    "-" + "9" * 19,
    '"\\ud800"',
    '"\\u202e"',
    '"' + "z" * 20_000 + '"',
    "nan",
    "inf",
    "2024-02-30",
    "2024-12-20T10:00:00",
    "[[[[[[[[[[]]]]]]]]]]",
    '"chapter"',
    "{}",
    "true",
    '""',
)


@st.composite
def ruleset_toml(draw: st.DrawFn) -> bytes:
    """The example province's TOML with a value on one to three lines replaced."""
    lines = RULESET_TOML.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        candidates = [i for i, line in enumerate(lines) if " = " in line]
        i = draw(st.sampled_from(candidates))
        key = lines[i].split(" = ", 1)[0]
        lines[i] = f"{key} = {draw(st.sampled_from(_TOML_NASTY))}"
    return draw(damaged("\n".join(lines).encode("utf-8")))


_RECORDS: dict[str, bytes] = {}


def record(kind: str) -> Any:
    """A decision record made by the command line (ballot, criteria-assessment, round)."""
    if kind not in _RECORDS:
        if kind == "ballot":
            argv, stdin = ["ballot", "-"], dump(BALLOT)
        elif kind == "round":
            argv, stdin = ["round", "-"], dump(ROUND)
        else:
            argv = ["assess", "--ruleset", "tuyen-quang-2023", "--on", "2024-12-20", "-"]
            stdin = dump(NOMINEES[0])
        status, out, err = run_cli(argv, stdin)
        assert status == 0, err
        _RECORDS[kind] = out.encode("utf-8")
    return json.loads(_RECORDS[kind])


@st.composite
def tampered_record(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["ballot", "criteria-assessment", "round"]))
    return draw(damaged(dump(draw(mutated(record(kind))))))


DATE_ARGS: Final = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    st.sampled_from(["2024-12-20", "2024-10-01", "2024-09-30T17:00:00Z", "1899-12-31"]),
    st.text(max_size=25),
)


def commands() -> st.SearchStrategy[tuple[list[str], bytes, str]]:
    """(argv, stdin, the name the error line must carry) for every command that reads input."""
    cases: list[st.SearchStrategy[tuple[list[str], bytes, str]]] = [
        ballot_input().map(lambda b: (["ballot", "-"], b, "<stdin>")),
        round_input().map(lambda b: (["round", "-"], b, "<stdin>")),
        nominee_input().map(
            lambda b: (
                ["assess", "--ruleset", "tuyen-quang-2023", "--on", "2024-12-20", "-"],
                b,
                "<stdin>",
            )
        ),
        tampered_record().map(lambda b: (["verify", "-"], b, "<stdin>")),
        ruleset_toml().map(
            lambda b: (
                ["calendar", "--ruleset", as_file(b, "province.toml"), "--year", "2024"],
                b"",
                "province.toml",  # the file's name, as every message of a ruleset starts
            )
        ),
        DATE_ARGS.map(lambda d: (["window", d], b"", "DATE|--")),
        st.tuples(DATE_ARGS, st.sampled_from(["tuyen-quang-2023", "kon-tum-2022"])).map(
            lambda a: (
                [
                    "deadline",
                    "--ruleset",
                    a[1],
                    "--deadline",
                    "dossier-submission",
                    "--year",
                    "2024",
                    "--at",
                    a[0],
                ],
                b"",
                "--at|--ruleset|deadline",
            )
        ),
        st.one_of(
            st.sampled_from(NASTY_STRINGS), st.sampled_from(["２０２４", "2024", "１", "99999"])
        ).map(lambda y: (["calendar", "--ruleset", "tuyen-quang-2023", "--year", y], b"", "year")),
        st.one_of(st.sampled_from(NASTY_STRINGS), st.text(max_size=30)).map(
            lambda r: (["criteria", "--ruleset", r], b"", f"ruleset|{' '.join(r.split())[:30]}")
        ),
    ]
    return st.one_of(cases)


READERS: Final[dict[str, Callable[[bytes], Any]]] = {}


def _readers() -> dict[str, Callable[[bytes], Any]]:
    if not READERS:
        from dienhinh.io import parse_ballot, parse_nominee, parse_round, verify_document
        from dienhinh.rulesets import parse_ruleset
        from dienhinh.rulesets._load import ballot_parameters

        READERS.update(
            {
                "ballot": lambda b: parse_ballot(b, source="b.json", ruleset=ballot_parameters),
                "round": lambda b: parse_round(b, source="r.json"),
                "nominee": lambda b: parse_nominee(b, source="n.json"),
                "verify": lambda b: verify_document(b, source="v.json"),
                "ruleset": lambda b: parse_ruleset(b.decode("utf-8", "replace"), source="p.toml"),
            }
        )
    return READERS


def reader_inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(
        ballot_input().map(lambda b: ("ballot", b)),
        round_input().map(lambda b: ("round", b)),
        nominee_input().map(lambda b: ("nominee", b)),
        tampered_record().map(lambda b: ("verify", b)),
        ruleset_toml().map(lambda b: ("ruleset", b)),
    )


def check_reader(name: str, data: bytes) -> None:
    """A library reader returns or raises a :class:`~dienhinh.DienhinhError` whose message
    names its input; nothing else."""
    from dienhinh import DienhinhError

    try:
        _readers()[name](data)
    except DienhinhError as exc:
        message = str(exc)
        assert "\n" not in message.strip() or name == "ruleset", message[:500]
