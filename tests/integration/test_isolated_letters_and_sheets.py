"""Issue 11 (b): XLSX sheets and letter PDFs are parsed in the reading child, never in-process.

A hostile workbook or PDF ends in a clear message, and the child is gone afterwards (it ran
out of its memory limit, or it was killed at the time-out or on cancel).
"""

from __future__ import annotations

import os
import sys
import threading
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import monotonic

import openpyxl
import pytest

from app.connectors.base import Subject
from app.connectors.tabular_file import TabularFileConnector
from app.core.errors import Cancelled, ConnectorError, UserError
from app.core.progress import Progress
from app.reading.archive import ReadingLimits
from app.reading.letter_file import letter_text_of_file
from app.reading.workbook import decode_cell, encode_cell
from app.reading.worker import IsolatedReader
from tests.integration.hostile_documents import (
    pdf_memory_bomb,
    pdf_slow,
    pdf_with_content,
    xlsx_string_bomb,
)

JAN = Subject("2026-020", "Jan", "Jansen", emails=("jan@example.nl",))
LIFTED = {"max_unpacked_mb": 10_000, "max_ratio": 100_000, "memory_mb": 200}
MEMORY = (
    "{name} needed more than {limit} MB of memory to read and was stopped (it may be built "
    "to overload the reader). Check it by hand."
)
TIME_OUT = "Reading {name} took longer than {seconds} s and was stopped."


def _gone(pid: int | None) -> bool:
    assert pid is not None, "no child process was started: the file was parsed in-process"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _connector(path: Path, **limits: int) -> TabularFileConnector:
    settings = {"path": str(path), "identifier_columns": "email=email"}
    return TabularFileConnector("Newsletter", {**settings, "reading_limits": limits}, {})


def test_xlsx_is_searched_and_erased_through_the_child(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["email", "since", "score"])
    sheet.append(["jan@example.nl", datetime(2024, 5, 1, 12, 30), 1.5])
    sheet.append(["piet@example.nl", date(2023, 1, 2), 7])
    workbook.save(path)
    connector = _connector(path)
    findings = connector.search(JAN, Progress())
    assert connector.reader.last_pid is not None and _gone(connector.reader.last_pid)
    assert [f.fields["since"] for f in findings] == ["2024-05-01T12:30:00"]
    erasing = connector.reader.last_pid
    results = connector.erase(connector.plan_erasure(findings), Progress())
    assert [r.outcome.value for r in results] == ["removed"]
    assert connector.reader.last_pid != erasing  # the rewrite ran in a child of its own
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert rows == [("email", "since", "score"), ("piet@example.nl", datetime(2023, 1, 2), 7)]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX only (see worker.py)")
def test_xlsx_bomb_within_the_archive_limits_is_stopped_by_the_memory_limit(
    tmp_path: Path,
) -> None:
    bomb = xlsx_string_bomb(tmp_path / "list.xlsx", megabytes=300)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    connector = _connector(bomb, **LIFTED)
    with pytest.raises(ConnectorError) as exc:
        connector.search(JAN, Progress(timeout_s=120))
    assert exc.value.msgid == MEMORY
    assert _gone(connector.reader.last_pid)


def test_xlsx_child_is_killed_on_cancel_and_time_out(tmp_path: Path) -> None:
    bomb = xlsx_string_bomb(tmp_path / "list.xlsx", megabytes=300)
    connector = _connector(bomb, **{**LIFTED, "memory_mb": 4096})
    progress = Progress()
    canceller = threading.Timer(0.5, progress.cancel)  # the officer presses Cancel meanwhile
    canceller.start()
    started = monotonic()
    with pytest.raises(Cancelled):
        connector.search(JAN, progress)
    canceller.join()
    assert monotonic() - started < 5
    assert _gone(connector.reader.last_pid)
    slow = _connector(bomb, **{**LIFTED, "memory_mb": 4096, "timeout_s": 1})
    with pytest.raises(ConnectorError) as exc:
        slow.test_connection()
    assert exc.value.msgid == TIME_OUT
    assert _gone(slow.reader.last_pid)


def test_cell_values_survive_the_trip_from_the_child() -> None:
    values = ["x", 3, 2.5, True, None, datetime(2024, 1, 2, 3, 4, 5, 6), date(2024, 1, 2)]
    values += [time(8, 30), timedelta(days=1, seconds=5)]
    assert [decode_cell(encode_cell(v)) for v in values] == values


def test_a_letter_pdf_is_read_in_the_child(tmp_path: Path) -> None:
    pdf = pdf_with_content(tmp_path / "brief.pdf", b"BT /F1 12 Tf 72 712 Td (Jan Jansen) Tj ET")
    assert "Jan Jansen" in letter_text_of_file(pdf)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX only (see worker.py)")
def test_a_pdf_bomb_at_intake_is_stopped_with_a_clear_message(tmp_path: Path) -> None:
    bomb = pdf_memory_bomb(tmp_path / "brief.pdf")
    assert bomb.stat().st_size < 200 * 1024
    reader = IsolatedReader(ReadingLimits(memory_mb=200))
    with pytest.raises(UserError) as exc:
        letter_text_of_file(bomb, reader=reader)
    assert exc.value.msgid == MEMORY
    assert _gone(reader.last_pid)


def test_a_pdf_that_keeps_the_parser_busy_is_killed(tmp_path: Path) -> None:
    slow = pdf_slow(tmp_path / "brief.pdf")
    reader = IsolatedReader(ReadingLimits(timeout_s=1))
    with pytest.raises(UserError) as exc:
        letter_text_of_file(slow, reader=reader)
    assert exc.value.msgid == TIME_OUT
    assert _gone(reader.last_pid)
    progress = Progress()
    canceller = threading.Timer(0.5, progress.cancel)  # Cancel in the intake dialog
    canceller.start()
    with pytest.raises(Cancelled):
        letter_text_of_file(slow, progress=progress, reader=reader)
    canceller.join()
    assert _gone(reader.last_pid)
