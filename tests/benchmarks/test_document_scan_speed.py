"""Benchmark: searching a document folder whose scans are cached vs reading them by OCR.

Prints, in the same run: the median OCR time per scan (what a search would wait without the
cache), the median search time of a folder of cached scans, and the anchor: the same number of
PDFs with a text layer searched in another folder. Never fails on a slow machine. Run with
`PRIVACY_DESK_BENCH=1 .venv/bin/python -m pytest -s tests/benchmarks/test_document_scan_speed.py`.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from app.connectors.base import Subject
from app.core.progress import Progress
from app.data.database import Database, open_database
from app.services.connectors import load_connector, save_connector
from app.services.document_index import index_connector
from app.services.document_texts import scan_text_store
from tests.integration.connectors.test_document_scans import make_scan

pytestmark = pytest.mark.skipif(
    os.environ.get("PRIVACY_DESK_BENCH") != "1",
    reason="benchmark: OCR of 4 scans (about 30 s); set PRIVACY_DESK_BENCH=1",
)

FILES = 4
ROUNDS = 5
SUBJECT = Subject("bench", "Annelies", "Verbrugge", emails=("annelies@example.nl",))


def _search_ms(db: Database, name: str) -> float:
    times = []
    for _ in range(ROUNDS):
        connector = load_connector(db, name=name)
        started = time.perf_counter()
        connector.use_scan_texts(scan_text_store(db, connector))  # type: ignore[attr-defined]
        connector.search(SUBJECT, Progress())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_cached_scans_search_like_text_pdfs(tmp_path: Path) -> None:
    sqlite_db = open_database(f"sqlite:///{tmp_path / 'bench.sqlite3'}")
    scans, texts = tmp_path / "scans", tmp_path / "texts"
    scans.mkdir()
    texts.mkdir()
    for n in range(FILES):
        lines = (f"Brief {n} van Annelies Verbrugge", f"e-mail klant{n}@example.nl")
        make_scan(scans / f"scan{n}.pdf", *lines)
        canvas = Canvas(str(texts / f"tekst{n}.pdf"))
        for row, line in enumerate(lines):
            canvas.drawString(72, 720 - 20 * row, line)
        canvas.save()
    for name, folder in (("Scans", scans), ("Texts", texts)):
        save_connector(
            sqlite_db, actor="b", name=name, kind="document_folder", settings={"path": str(folder)}
        )
    started = time.perf_counter()
    result = index_connector(sqlite_db, name="Scans")
    ocr_ms = (time.perf_counter() - started) * 1000 / FILES
    assert result.read == FILES and result.failed == 0
    cached = _search_ms(sqlite_db, "Scans")
    anchor = _search_ms(sqlite_db, "Texts")
    print(
        f"\n{FILES} one-page scans: OCR {ocr_ms:.0f} ms/scan (index pass, mean); search of the "
        f"folder with cached texts: median {cached:.1f} ms; anchor, {FILES} text PDFs: median "
        f"{anchor:.1f} ms; cached/anchor {cached / anchor:.2f}x; OCR per scan / cached search "
        f"of the whole folder {ocr_ms / cached:.0f}x"
    )
    sqlite_db.dispose()
    assert cached > 0 and anchor > 0
