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
from app.data.models import Case
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
CASES_40K = 21_000  # about 40,000 events (1.9 per demo case)


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


def test_full_and_incremental_check_side_by_side(tmp_path: Path) -> None:
    """At 40,000 events: the full check (`audit verify`) against the check since the last
    checkpoint that dossiers, yearly reports and the start use, in the same run."""
    import statistics

    from app.data.models import AuditEvent
    from app.services.audit_checkpoint import verify_in_full, verify_since_checkpoint
    from app.services.case_records import add_note
    from app.services.reports import yearly_report

    db = open_database("sqlite:///" + str(tmp_path / "bench.sqlite3"))
    create_demo_cases(db, count=CASES_40K, today=TODAY)
    with db.session() as session:
        from sqlalchemy import func, select

        events = session.scalar(select(func.count(AuditEvent.id))) or 0
        reference = session.scalar(select(Case.reference).limit(1))
    assert reference is not None
    full, fast = [], []
    for round_ in range(3):
        start = time.perf_counter()
        assert verify_in_full(db, documents=False).ok
        full.append(time.perf_counter() - start)
        for n in range(10):
            add_note(db, actor="bench", reference=reference, text=f"note {round_}.{n}")
        start = time.perf_counter()
        result = verify_since_checkpoint(db)
        fast.append(time.perf_counter() - start)
        assert result.ok and result.since is not None and result.events == 10
    start = time.perf_counter()
    yearly_report(db, year=TODAY.year, lang="en")
    report_s = time.perf_counter() - start
    full_s, fast_s = statistics.median(full), statistics.median(fast)
    print(
        f"\n{events} events: full check median {full_s:.3f} s | since the checkpoint "
        f"(10 new events) median {fast_s:.3f} s | ratio {full_s / fast_s:.0f}x; "
        f"a yearly report with its check: {report_s:.2f} s"
    )
    db.dispose()
