"""Benchmark: File > Back up database on 100,000 demo cases (copy + integrity check).

Prints figures; never fails on a slow machine. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_backup_speed.py`.
"""

from __future__ import annotations

import os
import statistics
from datetime import date
from pathlib import Path

import pytest

from app.data.database import open_database
from app.demo.cases import create_demo_cases
from app.services.backup import backup_database

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: fills 100,000 cases (about 30 s); set PRIVACY_DESK_BENCH=1",
)

CASES = 100_000
RUNS = 3


def test_backup_speed(tmp_path: Path) -> None:
    db = open_database("sqlite:///" + str(tmp_path / "bench.sqlite3"))
    create_demo_cases(db, count=CASES, today=date(2026, 11, 20))
    times, size = [], 0
    for run in range(RUNS):
        result = backup_database(db, actor="bench", target=tmp_path / f"copy{run}.sqlite3")
        assert result.cases == CASES
        times.append(result.seconds)
        size = result.size_bytes
    print(
        f"\nbackup of {CASES} cases ({size / 1_000_000:.0f} MB): median "
        f"{statistics.median(times):.2f} s over {RUNS} runs (copy + integrity check + count)"
    )
