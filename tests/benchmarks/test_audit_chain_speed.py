"""Benchmark: sealing and verifying the audit chain over 20,000 demo cases; dossier layout time.

Prints figures; never fails on a slow machine. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_audit_chain_speed.py`.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.data.database import open_database
from app.demo.cases import create_demo_cases
from app.reports.dossier import render_dossier_pdf
from app.services.audit_chain import current_head, verify
from tests.unit.reports.test_pdf_output import _small_dossier

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: builds 20,000 cases and takes about 30 s; set PRIVACY_DESK_BENCH=1",
)

TODAY = date(2026, 11, 20)
CASES = 20_000


def test_audit_chain_speed(tmp_path: Path) -> None:
    db = open_database("sqlite:///" + str(tmp_path / "bench.sqlite3"))
    start = time.perf_counter()
    create_demo_cases(db, count=CASES, today=TODAY)
    print(f"\n{CASES} demo cases created and sealed in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    result = verify(db)
    seconds = time.perf_counter() - start
    print(f"verify: {result.events} events in {seconds:.2f} s ({result.events / seconds:,.0f}/s)")
    head = current_head(db)
    start = time.perf_counter()
    again = verify(db, since=head, documents=False)
    print(f"verify since the last check: {time.perf_counter() - start:.3f} s, ok={again.ok}")
    db.dispose()


def test_dossier_layout_time_per_size() -> None:
    for size in (10_000, 100_000, 1_000_000, 4_000_000):
        word = "x" * size
        data = replace(_small_dossier("nl"), requester=[("Straat", word)], notes=[["t", "a", word]])
        start = time.perf_counter()
        render_dossier_pdf(data)
        print(f"dossier with a {size:,}-character word: {time.perf_counter() - start:.3f} s")
