"""Benchmark: register export (XLSX, CSV) and yearly report over 10,000 demo cases.

Prints figures; never fails on a slow machine. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_export_speed.py`.
"""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.data.database import open_database
from app.demo.cases import create_demo_cases
from app.services.reports import compute_yearly_figures, export_request_register, yearly_report

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: builds 10,000 cases and takes about 15 s; set PRIVACY_DESK_BENCH=1",
)

TODAY = date(2026, 11, 20)
CASES = 10_000
RUNS = 3


def _median_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_export_speed(tmp_path: Path) -> None:
    db = open_database("sqlite:///" + str(tmp_path / "bench.sqlite3"))
    start = time.perf_counter()
    create_demo_cases(db, count=CASES, today=TODAY)
    print(f"\n{CASES} demo cases created in {time.perf_counter() - start:.1f} s")
    period = {"received_from": date(2020, 1, 1), "received_to": TODAY, "today": TODAY}

    def xlsx() -> int:
        return export_request_register(db, path=tmp_path / "r.xlsx", fmt="xlsx", **period)

    def csv() -> int:
        return export_request_register(db, path=tmp_path / "r.csv", fmt="csv", **period)

    assert xlsx() == CASES
    results = {
        "register XLSX": _median_seconds(xlsx),
        "register CSV": _median_seconds(csv),
        "yearly figures 2026": _median_seconds(
            lambda: compute_yearly_figures(db, 2026, today=TODAY)
        ),
        "yearly report PDF 2026": _median_seconds(
            lambda: yearly_report(db, year=2026, lang="nl", path=tmp_path / "y.pdf", today=TODAY)
        ),
    }
    for name, seconds in results.items():
        print(f"{name:<24} median of {RUNS}: {seconds * 1000:8.0f} ms")
    tracemalloc.start()
    xlsx()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"register XLSX peak Python memory: {peak / 1024 / 1024:.1f} MB for {CASES} rows")
    print(f"XLSX size {(tmp_path / 'r.xlsx').stat().st_size / 1024:.0f} KB, "
          f"CSV size {(tmp_path / 'r.csv').stat().st_size / 1024:.0f} KB")  # fmt: skip


def test_register_xlsx_against_raw_xlsxwriter(tmp_path: Path) -> None:
    """The register's XLSX writer against XlsxWriter itself writing the same rows (CPU time).

    Both get the same materialised rows (the query is not timed); the anchor writes each value
    with the type-specific call and no checks. openpyxl's write-only mode is printed for
    comparison (the library the export used before)."""
    import xlsxwriter
    from openpyxl import Workbook

    from app.reports.register_export import RegisterFilter, columns, iter_rows, write_xlsx

    db = open_database("sqlite:///" + str(tmp_path / "bench.sqlite3"))
    create_demo_cases(db, count=CASES, today=TODAY)
    with db.session() as session:
        flt = RegisterFilter(received_from=date(2020, 1, 1), received_to=TODAY,
                             with_personal_data=True)  # fmt: skip
        rows = list(iter_rows(session, flt, lang="nl", today=TODAY))
    cols = columns(with_personal_data=True, lang="nl")
    keys = [(i, c.key, c.is_date) for i, c in enumerate(cols)]

    def ours() -> None:
        write_xlsx(iter(rows), cols, tmp_path / "ours.xlsx", sheet_title="Register")

    def raw() -> None:
        book = xlsxwriter.Workbook(str(tmp_path / "raw.xlsx"), {"constant_memory": True})
        sheet = book.add_worksheet("Register")
        fmt = book.add_format({"num_format": "dd-mm-yyyy"})
        for r, row in enumerate(rows, start=1):
            for i, key, is_date in keys:
                value = row[key]
                if value is None:
                    continue
                if is_date:
                    sheet.write_datetime(r, i, value, fmt)
                elif isinstance(value, str):
                    sheet.write_string(r, i, value)
                else:
                    sheet.write_number(r, i, value)
        book.close()

    def openpyxl_raw() -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Register")
        for row in rows:
            sheet.append([row[key] for _, key, _ in keys])
        book.save(tmp_path / "opx.xlsx")

    def cpu(action: Callable[[], object]) -> float:
        times = []
        for _ in range(5):
            start = time.process_time()
            action()
            times.append(time.process_time() - start)
        return statistics.median(times)

    ours_s, raw_s, opx_s = cpu(ours), cpu(raw), cpu(openpyxl_raw)
    print(f"\nregister XLSX, {len(rows):,} rows, CPU medians of 5:")
    print(f"  ours (write_xlsx)        {ours_s * 1000:8.0f} ms   {ours_s / raw_s:5.2f}x raw")
    print(f"  raw XlsxWriter (anchor)  {raw_s * 1000:8.0f} ms")
    print(f"  raw openpyxl write-only  {opx_s * 1000:8.0f} ms   {opx_s / raw_s:5.2f}x raw")
    tracemalloc.start()
    ours()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  ours peak Python memory: {peak / 1024 / 1024:.1f} MB (rows already in memory)")
