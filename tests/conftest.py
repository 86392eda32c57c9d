"""Test configuration: offscreen Qt before any QApplication exists; compiled translations."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_DESK_KEYRING", "memory")

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure() -> None:
    """Compiled translations are build output: compile them (the one script that does) when
    missing or older than their source, e.g. after `pip install -e .[dev]` without setup.sh."""
    pairs = [
        (ts, ts.with_suffix(".qm")) for ts in (ROOT / "resources" / "translations").glob("*.ts")
    ]
    pairs += [
        (po, po.with_suffix(".mo")) for po in (ROOT / "resources" / "locale").glob("*/*/*.po")
    ]
    if any(not out.exists() or out.stat().st_mtime < src.stat().st_mtime for src, out in pairs):
        subprocess.run(["bash", str(ROOT / "scripts" / "build-translations.sh")], check=True)


# Property tests (hypothesis): random examples on a developer's machine, the same examples on
# every CI run (HYPOTHESIS_PROFILE=ci, set by .ci/run), so that a commit's CI result does not
# depend on luck. Exploring stays random in the opt-in fuzz benchmark
# (tests/benchmarks/test_hostile_input_fuzz.py) and locally; what it finds becomes a test.
def _hypothesis_profiles() -> None:
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_hypothesis_profiles()

# One audit-chain key for every test database (tests of key creation remove it).
os.environ.setdefault("PRIVACY_DESK_AUDIT_KEY", "5a" * 32)
