"""resource_path finds resources/ in the source tree and inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.core.resources import resource_path


def test_source_tree_resources_exist() -> None:
    assert resource_path("fonts", "LiberationSans-Regular.ttf").is_file()
    assert resource_path("letters", "nl", "acknowledgement.txt").is_file()


def test_frozen_bundle_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
