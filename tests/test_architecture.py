"""The layers run one way: kernel ← voting, calendar, criteria ← rulesets ← round ← io, report ← cli.

Every ``import`` of every module is read from its source (top level, inside functions and under
``TYPE_CHECKING`` alike), so an import against the order cannot hide in a function body.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "dienhinh"

LAYERS: dict[str, int] = {
    "kernel": 0,
    "voting": 1,
    "calendar": 1,
    "criteria": 1,
    "rulesets": 2,
    "round": 3,
    "io": 4,
    "report": 4,
    "cli": 5,
}
"""A package may import its own modules and those of a strictly lower layer; peers never."""

OPTIONAL_EXTRAS = {"holidays", "icalendar"}
"""Third-party packages that may be imported only where they are used (the extras)."""

LAZY_IO = {"cattrs"}
"""The JSON boundary may load cattrs on its slow path only: a well-formed document is read by
the fast readers, so `dienhinh demo` never loads it (tests/test_io_fast_paths.py checks)."""

LAZY_STDLIB = {"json", "hashlib", "tomllib", "importlib", "difflib"}
"""Standard-library modules a function may load on first use (`import dienhinh` stays light;
`importlib.resources` brings tempfile, shutil and zipfile, which only the schemas need;
difflib only an error's "did you mean")."""


def _package(module: str) -> str:
    """``dienhinh.round._run`` → ``round``; a root module (``dienhinh._errors``) → ``kernel``."""
    parts = module.split(".")
    if len(parts) >= 2 and (SRC / parts[1]).is_dir():
        return parts[1]
    return "kernel"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(rel.parts)
        out[name.removesuffix(".__init__")] = path
    return out


class _Imports(ast.NodeVisitor):
    """(imported module, line, deferred?) for every import of a module."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.found: list[tuple[str, int, bool]] = []
        self._depth = 0

    def _deferred(self) -> bool:
        return self._depth > 0

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.found.append((alias.name, node.lineno, self._deferred()))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module is None or node.level:
            raise AssertionError(f"{self.module}:{node.lineno}: relative import; use absolute")
        base = node.module
        for alias in node.names:
            # `from dienhinh.round import _codes` imports the module dienhinh.round._codes
            candidate = f"{base}.{alias.name}"
            target = candidate if candidate in MODULES else base
            self.found.append((target, node.lineno, self._deferred()))


MODULES = _modules()


def _imports(module: str) -> list[tuple[str, int, bool]]:
    visitor = _Imports(module)
    visitor.visit(ast.parse(MODULES[module].read_text(encoding="utf-8")))
    return visitor.found


def _facade_exempt(module: str) -> bool:
    # The root façade re-exports the upper layers' entry points lazily; __main__ runs the CLI.
    return module in ("dienhinh", "dienhinh.__main__")


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not _facade_exempt(m)))
def test_every_import_follows_the_layers(module: str) -> None:
    """No module imports a package of its own or a higher layer, nor a peer of its layer."""
    mine = _package(module)
    for target, line, _ in _imports(module):
        if target != "dienhinh" and not target.startswith("dienhinh."):
            continue
        if target == "dienhinh":
            raise AssertionError(f"{module}:{line}: imports the root façade; import the module")
        theirs = _package(target)
        if theirs == mine:
            continue
        assert LAYERS[theirs] < LAYERS[mine], (
            f"{module}:{line} ({mine}, layer {LAYERS[mine]}) imports {target} "
            f"({theirs}, layer {LAYERS[theirs]}): against the order"
        )


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not _facade_exempt(m)))
def test_deferred_imports_are_only_for_extras_or_within_a_package(module: str) -> None:
    """An import inside a function is an optional extra, a light stdlib module, or one of the
    same package's modules (breaking a cycle inside it) — never another package's."""
    mine = _package(module)
    for target, line, deferred in _imports(module):
        if not deferred:
            continue
        root = target.split(".")[0]
        if root == "dienhinh":
            assert _package(target) == mine, f"{module}:{line}: defers the import of {target}"
        else:
            lazy = OPTIONAL_EXTRAS | LAZY_STDLIB | (LAZY_IO if mine == "io" else set())
            assert root in lazy, f"{module}:{line}: defers {target}"


def test_cattrs_is_imported_by_the_json_boundary_only() -> None:
    """cattrs is the JSON boundary's tool: `dienhinh.io` and nothing else imports it."""
    users = {m for m in MODULES for t, _, _ in _imports(m) if t.split(".")[0] == "cattrs"}
    assert users
    assert {_package(m) for m in users} == {"io"}, users


def test_the_packages_form_no_cycle() -> None:
    """The package graph (every import, deferred or not) has no cycle."""
    graph: dict[str, set[str]] = defaultdict(set)
    for module in MODULES:
        if _facade_exempt(module):
            continue
        for target, _, _ in _imports(module):
            if target.startswith("dienhinh.") and _package(target) != _package(module):
                graph[_package(module)].add(_package(target))
    seen: set[str] = set()
    stack: list[str] = []

    def visit(node: str) -> None:
        assert node not in stack, f"cycle: {' → '.join([*stack, node])}"
        if node in seen:
            return
        stack.append(node)
        for nxt in sorted(graph[node]):
            visit(nxt)
        stack.pop()
        seen.add(node)

    for node in sorted(LAYERS):
        visit(node)


def test_the_root_holds_the_kernel_only() -> None:
    """Every module at the package root is a kernel module; every subpackage has a layer."""
    packages = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(LAYERS) - {"kernel"}
    root = sorted(p.stem for p in SRC.glob("*.py"))
    assert root == [
        "__init__",
        "__main__",
        "_batch",
        "_canonical",
        "_convert",
        "_documents",
        "_effect",
        "_errors",
        "_frozen",
        "_html",
        "_interpretations",
        "_kinds",
        "_labels",
        "_provenance",
        "_reasons",
        "_repr",
        "_text",
        "_version",
    ]


def test_the_root_facade_imports_upper_layers_lazily() -> None:
    """`import dienhinh` runs the kernel only: the upper layers load on first use."""
    for target, line, _ in _imports("dienhinh"):
        if target.startswith("dienhinh."):
            pkg = _package(target)
            tree = ast.parse(MODULES["dienhinh"].read_text(encoding="utf-8"))
            eager = {
                n.lineno
                for n in tree.body
                if isinstance(n, ast.ImportFrom) and n.module and n.module.startswith("dienhinh.")
            }
            if line in eager:
                assert pkg == "kernel", f"dienhinh:{line} imports {target} eagerly"
