"""Benchmark: the cost of parsing each untrusted document in a child process (issue 11.7).

Prints the median time per document in-process and in the child, in the same run; never fails
on a slow machine. Run with `PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s
tests/benchmarks/test_isolated_reading_speed.py`.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest

from app.reading.documents import read_document
from app.reading.worker import IsolatedReader
from tests.integration.hostile_documents import plain_docx

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: reads 40 documents twice (about 15 s); set PRIVACY_DESK_BENCH=1",
)

DOCUMENTS = 20


def _median_ms(paths: list[Path], read: object) -> float:
    times = []
    for path in paths:
        started = time.perf_counter()
        read(path)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_isolated_reading_overhead(tmp_path: Path) -> None:
    paths = [
        plain_docx(tmp_path / f"letter{n}.docx", f"Brief {n} van Jan Jansen " * 200)
        for n in range(DOCUMENTS)
    ]
    read_document(paths[0])  # warm the in-process imports, as a long-running app has them
    reader = IsolatedReader()
    in_process = _median_ms(paths, read_document)
    isolated = _median_ms(paths, reader.read)
    print(
        f"\n{DOCUMENTS} docx letters: median {in_process:.1f} ms in-process, "
        f"{isolated:.1f} ms in a child process; overhead {isolated - in_process:.1f} ms/document"
    )
    assert isolated > 0


def test_isolated_sheet_and_letter_overhead(tmp_path: Path) -> None:
    """XLSX sheets (tabular connector) and letter PDFs (intake): in-process vs child."""
    import openpyxl

    from app.reading.documents import read_pdf
    from app.reading.workbook import sheet_answer
    from tests.integration.hostile_documents import pdf_with_content

    sheets, pdfs = [], []
    for n in range(DOCUMENTS):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(["email", "name", "since"])
        for row in range(500):
            sheet.append([f"klant{row}@example.nl", f"Klant {row}", f"2024-01-{row % 28 + 1:02}"])
        workbook.save(tmp_path / f"list{n}.xlsx")
        sheets.append(tmp_path / f"list{n}.xlsx")
        text = b"BT /F1 12 Tf 72 712 Td (Geachte heer, mevrouw, ik vraag inzage) Tj ET\n" * 40
        pdfs.append(pdf_with_content(tmp_path / f"brief{n}.pdf", text))
    reader = IsolatedReader()
    sheet_answer(sheets[0], "")  # warm the in-process imports
    read_pdf(pdfs[0])
    figures = {
        "xlsx (500 rows)": (
            _median_ms(sheets, lambda p: sheet_answer(p, "")),
            _median_ms(sheets, lambda p: reader.read_sheet(p)),
        ),
        "letter pdf": (
            _median_ms(pdfs, lambda p: read_pdf(p, max_pages=5)),
            _median_ms(pdfs, lambda p: reader.read(p, max_pages=5)),
        ),
    }
    for name, (own, child) in figures.items():
        print(
            f"\n{DOCUMENTS} x {name}: median {own:.1f} ms in-process, {child:.1f} ms in a child "
            f"process; overhead {child - own:.1f} ms, ratio {child / own:.1f}"
        )
    assert all(child > 0 for _own, child in figures.values())
