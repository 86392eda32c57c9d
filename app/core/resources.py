"""Locate files under resources/ both in a source tree and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The resources/ folder: next to the package in a source tree, under _MEIPASS when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """resource_path("fonts", "LiberationSans-Regular.ttf") -> absolute path (may not exist)."""
    return resources_root().joinpath(*parts)
