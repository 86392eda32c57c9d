"""Test configuration: offscreen Qt before any QApplication exists; compiled translations."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_DESK_KEYRING", "memory")

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure() -> None:
    """The .qm files are build output: compile them (the one script that does) when missing or
    older than their .ts, e.g. right after `pip install -e .[dev]` without scripts/setup.sh."""
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    stale = [
        ts for ts in sources
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]  # fmt: skip
    if stale:
        subprocess.run(["bash", str(ROOT / "scripts" / "build-translations.sh")], check=True)
