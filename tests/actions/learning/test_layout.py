"""The learning package's promise: composing is pure, reading is in state.py, writes are in the
action modules (read from the source with `ast`, so a new import that breaks it fails here)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "actions" / "learning"
PURE = ("texts", "compose", "messages", "turns", "results", "overview")
ACTIONS = ("menu", "quiz", "quiz_answers", "profile", "certificates", "account")
IMPURE = ("storage", "sqlalchemy", "config", "actions.runtime", "actions.dispatch", "pathlib")
WRITES = ("record_", "save_", "set_", "delete_", "issue_", "start_run", "mark_")


def runtime_imports(module: str) -> dict[str, set[str]]:
    """module → the names imported from it, outside `if TYPE_CHECKING:` blocks."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            found.setdefault(node.module or "", set()).update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.setdefault(alias.name, set())
    return found


@pytest.mark.parametrize("module", PURE)
def test_learning_composing_modules_touch_no_storage_settings_or_files(module):
    wrong = [
        name
        for name in runtime_imports(module)
        if any(name == bad or name.startswith(f"{bad}.") for bad in IMPURE)
    ]
    assert wrong == [], f"actions/learning/{module}.py must stay pure"


def test_learning_state_only_reads():
    names = {
        n
        for source, ns in runtime_imports("state").items()
        if source.startswith("storage")
        for n in ns
    }
    assert not [n for n in names if n.startswith(WRITES)]


def test_learning_every_module_is_listed_and_small():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == {*PURE, *ACTIONS, "state"}
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name
