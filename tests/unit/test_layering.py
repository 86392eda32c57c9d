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
    upper = {"ui", "services", "cli", "commands"}
    offenders = []
    for layer in ("core", "data", "connectors", "letters"):
        for p in (APP / layer).rglob("*.py"):
            text = p.read_text(encoding="utf-8")
            for name in upper:
                if f"from app.{name}" in text or f"import app.{name}" in text:
                    offenders.append(f"{layer}/{p.name} -> {name}")
    assert offenders == []
