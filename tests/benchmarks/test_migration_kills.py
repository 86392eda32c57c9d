"""Benchmark: 1,000 random SIGKILLs during first starts and upgrades; every database must open.

Prints trials, kills and failures. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_migration_kills.py`
(about 8 minutes on two cores). CI runs the short version in tests/integration.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.integration.migration_crash import REVISIONS, filled_database, random_kills

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("PRIVACY_DESK_BENCH") != "1",
        reason="benchmark: 1,000 killed starts (about 8 minutes); set PRIVACY_DESK_BENCH=1",
    ),
    pytest.mark.skipif(sys.platform == "win32", reason="kills forked children (POSIX)"),
]

TRIALS = int(os.environ.get("PRIVACY_DESK_BENCH_KILLS", "1000"))


def test_random_kills_during_migration(tmp_path: Path) -> None:
    templates: dict[str | None, Path | None] = {None: None}
    for revision in REVISIONS:
        templates[revision] = filled_database(tmp_path / f"tpl-{revision}", revision)
    began = time.perf_counter()
    outcome = random_kills(tmp_path / "trials", templates, trials=TRIALS, seed=2026)
    seconds = time.perf_counter() - began
    print(
        f"\nmigration kills: {outcome.trials} trials (first start and upgrades from "
        f"{', '.join(REVISIONS)}), {outcome.kills} killed mid-start, "
        f"{len(outcome.failures)} failures (unopenable or changed), {seconds:.0f} s"
    )
    for failure in outcome.failures[:20]:
        print("  ", failure)
    assert outcome.failures == []
