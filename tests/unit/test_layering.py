"""The layering of DESIGN.md: Qt only in app/ui, no SQLAlchemy or Qt in app/core."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_pyside_only_in_ui() -> None:
    offenders = [
        str(p.relative_to(APP))
        for p in APP.rglob("*.py")
        if "PySide6" in _imports(p) and p.relative_to(APP).parts[0] != "ui"
    ]
    assert offenders == []


def test_core_is_pure() -> None:
    offenders = [
        str(p.relative_to(APP))
        for p in (APP / "core").rglob("*.py")
        if _imports(p) & {"sqlalchemy", "PySide6", "alembic", "reportlab"}
    ]
    assert offenders == []


def test_lower_layers_do_not_import_upper_ones() -> None:
    upper = {"ui", "services", "cli", "demo"}
    offenders = []
    for layer in ("core", "data", "connectors", "letters", "reports", "services"):
        for p in (APP / layer).rglob("*.py"):
            text = p.read_text(encoding="utf-8")
            for name in upper - {layer}:
                if f"from app.{name}" in text or f"import app.{name}" in text:
                    offenders.append(f"{layer}/{p.name} -> {name}")
    assert offenders == []


def test_app_root_holds_only_the_entry_modules() -> None:
    allowed = {"__init__.py", "__main__.py", "resources.py"}  # resources.py: moving to app/core
    assert sorted(p.name for p in APP.glob("*.py") if p.name not in allowed) == []
