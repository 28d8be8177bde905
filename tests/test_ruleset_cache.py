"""The shipped TOML files' parsed data kept beside the bytecode (`dienhinh.rulesets._cache`):
used only for the very text it was made from, ignored when damaged, written only where
bytecode would be."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from dienhinh.rulesets import _cache
from dienhinh.rulesets._load import BUILTIN_DIR, _builtin, builtin_rulesets
from dienhinh.rulesets._toml import _toml, national_law

TQ = os.path.join(BUILTIN_DIR, "tuyen-quang-2023.criteria.toml")

WHEN = """\
format = 1
day = 2024-10-29
at = 2024-10-29T18:30:00+07:00
local = 2024-10-29T18:30:00
hour = 07:30:00
[[rows]]
days = [2024-01-01, "text", 3]
[nested.deeper]
until = 2025-12-31
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Bytecode written, under a prefix of its own."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def _no_parse(text: str, source: str) -> dict[str, Any]:
    raise AssertionError("parsed again")


def _shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    """A file inside a stand-in for the shipped data folder."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    path = folder / "x.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(_cache, "DATA_DIR", str(folder))
    return str(path)


def test_a_shipped_file_is_parsed_once_then_read_from_its_copy(cache: Path) -> None:
    text = Path(TQ).read_text(encoding="utf-8")
    first = _cache.parsed(text, TQ, _toml)
    where = _cache.cache_path(TQ)
    assert where is not None
    assert where.startswith(str(cache))
    assert os.path.exists(where)
    again = _cache.parsed(text, TQ, _no_parse)
    assert again == first == tomllib.loads(text)
    assert again is not first  # each reader gets its own data


def test_an_edited_file_is_parsed_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _shipped(cache, monkeypatch, "format = 1\n")
    assert _cache.parsed("format = 1\n", path, _toml) == {"format": 1}
    assert _cache.parsed("format = 2\n", path, _toml) == {"format": 2}
    assert _cache.parsed("format = 2\n", path, _no_parse) == {"format": 2}


def test_dates_times_and_offsets_come_back_as_they_were_parsed(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _shipped(cache, monkeypatch, WHEN)
    parsed = _cache.parsed(WHEN, path, _toml)
    kept = _cache.parsed(WHEN, path, _no_parse)
    assert kept == parsed == tomllib.loads(WHEN)
    assert kept["at"].utcoffset() == dt.timedelta(hours=7)
    assert type(kept["day"]) is dt.date
    assert type(kept["local"]) is dt.datetime
    assert kept["rows"][0]["days"][0] == dt.date(2024, 1, 1)


def test_a_damaged_copy_is_ignored(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _shipped(cache, monkeypatch, WHEN)
    _cache.parsed(WHEN, path, _toml)
    where = _cache.cache_path(path)
    assert where is not None
    for damage in (b"", b"\x00garbage", Path(where).read_bytes()[:-7]):
        Path(where).write_bytes(damage)
        assert _cache.parsed(WHEN, path, _toml) == tomllib.loads(WHEN)


def test_no_copy_is_written_when_bytecode_is_not(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = _shipped(cache, monkeypatch, WHEN)
    assert _cache.parsed(WHEN, path, _toml) == tomllib.loads(WHEN)
    where = _cache.cache_path(path)
    assert where is not None
    assert not os.path.exists(where)


def test_a_file_outside_the_shipped_folder_is_always_parsed(cache: Path) -> None:
    path = cache / "mine" / "x.toml"
    path.parent.mkdir()
    path.write_text(WHEN, encoding="utf-8")
    assert _cache.parsed(WHEN, str(path), _toml) == tomllib.loads(WHEN)
    assert not list(cache.rglob("*.marshal"))


def test_a_read_only_folder_only_costs_the_parse(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = cache / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setattr(sys, "pycache_prefix", str(blocked))
    path = _shipped(cache, monkeypatch, WHEN)
    assert _cache.parsed(WHEN, path, _toml) == tomllib.loads(WHEN)
    assert _cache.parsed(WHEN, path, _toml) == tomllib.loads(WHEN)


def test_every_builtin_ruleset_loads_the_same_from_the_copies(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each shipped ruleset (its catalogue, the national decrees) read from the kept copies is
    the ruleset parsed from its files."""

    def load_all() -> list[Any]:
        _builtin.cache_clear()
        national_law.cache_clear()
        loaded = [_builtin(r) for r in builtin_rulesets()]
        return [(r, r.catalogue, r.criteria) for r in loaded] + [national_law()]

    parsed = load_all()  # writes the copies
    assert len(list(cache.rglob("*.marshal"))) >= len(builtin_rulesets()) + 1
    with monkeypatch.context() as m:
        m.setattr(tomllib, "loads", _no_parse)
        kept = load_all()
    _builtin.cache_clear()
    national_law.cache_clear()
    assert kept == parsed


@pytest.mark.parametrize("prefixed", [False, True])
def test_the_copy_is_kept_where_the_bytecode_would_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefixed: bool
) -> None:
    """Beside the file in `__pycache__/`, or under `PYTHONPYCACHEPREFIX`: the folder Python
    would keep a module's bytecode in, named by the file and the interpreter."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path) if prefixed else None)
    where = _cache.cache_path(TQ)
    assert where is not None
    bytecode = importlib.util.cache_from_source(TQ.removesuffix(".toml") + ".py")
    assert os.path.dirname(where) == os.path.dirname(bytecode)
    tag = sys.implementation.cache_tag
    assert os.path.basename(where) == f"tuyen-quang-2023.criteria.toml.{tag}.marshal"
    monkeypatch.setattr(sys.implementation, "cache_tag", None)
    assert _cache.cache_path(TQ) is None


def test_a_ruleset_read_from_its_copies_loads_no_toml_parser(tmp_path: Path) -> None:
    """Once its files' copies are kept, loading a shipped ruleset (and so `dienhinh demo`)
    imports no `tomllib`; parsing a file without a copy still does."""
    code = (
        "import sys; from dienhinh import load_ruleset; load_ruleset('tuyen-quang-2023');"
        "print('tomllib' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["True"], ["False"]]  # the first run parses and keeps, the second reads
