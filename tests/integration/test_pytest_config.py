"""The suite's own rules hold: a Python warning or a Qt warning fails the test that raised it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = """
import warnings

from PySide6.QtCore import qWarning


def test_python_warning():
    warnings.warn("a library complains", UserWarning)


def test_qt_warning(qtbot):
    qWarning("QObject::connect: no such signal")


def test_offscreen_noise_is_allowed(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")


def test_quiet(qtbot):
    pass
"""


def test_python_and_qt_warnings_fail_tests(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), "-p", "no:cacheprovider", "-q", "-rA",
         str(tmp_path / "test_sample.py")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert "FAILED test_sample.py::test_python_warning - UserWarning: a library complains" in lines
    assert any(line.startswith("FAILED test_sample.py::test_qt_warning") for line in lines)
    assert "PASSED test_sample.py::test_offscreen_noise_is_allowed" in lines
    assert "PASSED test_sample.py::test_quiet" in lines
    assert result.returncode == 1, result.stdout
