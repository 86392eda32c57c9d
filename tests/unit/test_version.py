"""The version printed by the app is the version the package is built with."""

from __future__ import annotations

import tomllib
from pathlib import Path

import app


def test_the_version_constant_equals_pyproject() -> None:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert app.__version__ == project["version"]
