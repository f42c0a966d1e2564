"""The shape of the code: no import cycles, the two edges never import each other, small files.

Imports are read with `ast` from every .py file of the packages pyproject.toml installs, wherever
they sit in a file (top level, inside a function, under `if TYPE_CHECKING:`): a lazy import
still ties two modules together.
"""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 300
EDGES = ("bot", "actions")  # the gateway and the action server: they talk only through Rasa
# Known files over MAX_LINES, each with the reason it may stay for now (ideally none).
LONG_FILES: dict[str, str] = {}


def first_party() -> tuple[list[str], list[str]]:
    """(packages, single modules) that pyproject.toml installs, e.g. (["bot", …], ["config"])."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = [p.rstrip("*") for p in setup["packages"]["find"]["include"]]
    return packages, list(setup.get("py-modules", []))


def source_files() -> dict[str, Path]:
    """Dotted module name → file, for every .py file of the first-party packages."""
    packages, modules = first_party()
    found = {name: ROOT / f"{name}.py" for name in modules}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The first-party modules that `name` (at `path`) imports, anywhere in the file."""

    def resolve(dotted: str) -> str | None:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(resolve(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: `from .chain import Sla` inside escalation/
                parts = package.split(".")
                parent = parts[: len(parts) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else resolve(base))
    found.discard(None)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    files = source_files()
    known = set(files)
    return {name: imported_modules(name, path, known) for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def top(module: str) -> str:
    return module.split(".")[0]


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


def test_layering_reads_every_kind_of_import(tmp_path, graph):
    source = (
        "from typing import TYPE_CHECKING\n"
        "import escalation.states\n"
        "from escalation import texts as t\n"
        "from .chain import Sla\n"
        "if TYPE_CHECKING:\n    from storage.models import Mentor\n"
        "def later():\n    from knowledge.hits import Hit\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source)
    found = imported_modules("escalation.probe", path, set(graph))
    expected = {"escalation.states", "escalation.texts", "escalation.chain"}
    assert found == expected | {"storage.models", "knowledge.hits"}
    assert "escalation.service" in graph["escalation.controls"]  # the real graph is read too


def test_layering_no_import_cycles(graph):
    assert cycles(graph) == []


@pytest.mark.parametrize("edge", EDGES)
def test_layering_the_edges_never_import_each_other(graph, edge):
    other = next(e for e in EDGES if e != edge)
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        if top(module) == edge
        for target in targets
        if top(target) == other
    )
    assert wrong == []


def test_layering_shared_packages_never_import_an_edge(graph):
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        if top(module) not in EDGES
        for target in targets
        if top(target) in EDGES
    )
    assert wrong == []


def test_layering_no_file_over_300_lines():
    long = {}
    for path in source_files().values():
        relative = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and not any(fnmatch.fnmatch(relative, p) for p in LONG_FILES):
            long[relative] = lines
    assert long == {}
