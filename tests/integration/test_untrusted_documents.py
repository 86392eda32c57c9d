"""Issue 11.7: zip bombs are refused before parsing; a parser that overruns is killed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.connectors.base import Subject
from app.connectors.document_folder import DocumentFolderConnector
from app.connectors.tabular_file import TabularFileConnector
from app.core.errors import Cancelled, ConnectorError, ValidationError
from app.core.progress import Progress
from app.data.database import open_database
from app.reading.archive import DocumentRefused, ReadingLimits, archive_problem
from app.reading.documents import DocumentFormat
from app.reading.worker import IsolatedReader
from app.services.settings import get_setting, set_setting
from tests.integration.hostile_documents import docx_bomb, plain_docx, slow_docx, xlsx_bomb

JAN = Subject("2026-020", "Jan", "Jansen", emails=("jan@example.nl",))
BOMB_REFUSAL = (
    "{name} would unpack to {size} MB, more than the {limit} MB allowed for one document (it "
    "may be a 'zip bomb'). It was not opened; check it by hand."
)


def _gone(pid: int) -> bool:
    """True when no process (not even a zombie) has this id any more."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_docx_bomb_is_refused_fast_with_a_clear_message(tmp_path: Path) -> None:
    bomb = docx_bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 1024 * 1024  # small on disk ...
    reader = IsolatedReader()
    started = time.monotonic()
    with pytest.raises(DocumentRefused) as exc:
        reader.read(bomb)
    assert time.monotonic() - started < 1.0
    assert exc.value.msgid == BOMB_REFUSAL  # ... but it would unpack to 150 MB
    assert exc.value.message.params["limit"] == 100
    assert reader.last_pid is None  # refused before any parser started


def test_document_folder_lists_the_bomb_for_a_check_by_hand(tmp_path: Path) -> None:
    docx_bomb(tmp_path / "bomb.docx")
    plain_docx(tmp_path / "brief.docx", "Brief van Jan Jansen, jan@example.nl")
    connector = DocumentFolderConnector("Share", {"path": str(tmp_path)}, {})
    started = time.monotonic()
    findings = {f.record_id: f for f in connector.search(JAN, Progress(timeout_s=60))}
    assert time.monotonic() - started < 10
    assert "zip bomb" in findings["bomb.docx"].fields["problem"]
    assert findings["brief.docx"].fields["snippet"]  # the normal document is still read


def test_xlsx_bomb_is_refused_by_the_tabular_connector(tmp_path: Path) -> None:
    bomb = xlsx_bomb(tmp_path / "list.xlsx")
    connector = TabularFileConnector(
        "Newsletter", {"path": str(bomb), "identifier_columns": "email=email"}, {}
    )
    started = time.monotonic()
    with pytest.raises(ConnectorError) as exc:
        connector.search(JAN, Progress())
    assert time.monotonic() - started < 1.0
    assert exc.value.msgid == BOMB_REFUSAL


def test_ratio_limit_applies_below_the_size_limit(tmp_path: Path) -> None:
    bomb = docx_bomb(tmp_path / "bomb.docx")
    assert archive_problem(bomb, ReadingLimits(max_unpacked_mb=1000)) is not None  # ratio
    assert archive_problem(bomb, ReadingLimits(max_unpacked_mb=1000, max_ratio=5000)) is None


def test_a_parser_that_overruns_is_killed_at_the_time_out(tmp_path: Path) -> None:
    slow = slow_docx(tmp_path / "slow.docx")
    assert archive_problem(slow, ReadingLimits()) is None  # within every archive limit
    reader = IsolatedReader()
    started = time.monotonic()
    with pytest.raises(ConnectorError):
        reader.read(slow, progress=Progress(timeout_s=1.0))
    assert time.monotonic() - started < 3.0
    assert reader.last_pid is not None and _gone(reader.last_pid)


def test_cancel_kills_the_child(tmp_path: Path) -> None:
    slow = slow_docx(tmp_path / "slow.docx")
    reader = IsolatedReader()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        reader.read(slow, progress=progress)
    assert reader.last_pid is not None and _gone(reader.last_pid)


def test_own_time_out_without_progress(tmp_path: Path) -> None:
    reader = IsolatedReader(ReadingLimits(timeout_s=1))
    with pytest.raises(ConnectorError) as exc:
        reader.read(slow_docx(tmp_path / "slow.docx"))
    assert exc.value.msgid == "Reading {name} took longer than {seconds} s and was stopped."
    assert reader.last_pid is not None and _gone(reader.last_pid)


def test_a_connector_that_times_out_really_stops(tmp_path: Path) -> None:
    slow_docx(tmp_path / "slow.docx")
    connector = DocumentFolderConnector("Share", {"path": str(tmp_path)}, {})
    started = time.monotonic()
    with pytest.raises(ConnectorError):
        connector.search(JAN, Progress(timeout_s=1.0))
    assert time.monotonic() - started < 3.0
    assert connector.reader.last_pid is not None and _gone(connector.reader.last_pid)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX only (see worker.py)")
def test_memory_limit_stops_a_parser_that_needs_too_much(tmp_path: Path) -> None:
    # With the archive limits lifted, only the child's memory limit is left to stop the bomb.
    bomb = docx_bomb(tmp_path / "bomb.docx")
    limits = ReadingLimits(max_unpacked_mb=10_000, max_ratio=100_000, memory_mb=200)
    reader = IsolatedReader(limits)
    with pytest.raises(DocumentRefused):
        reader.read(bomb, progress=Progress(timeout_s=60))
    assert reader.last_pid is not None and _gone(reader.last_pid)


def test_normal_documents_read_in_the_child(tmp_path: Path) -> None:
    document = IsolatedReader().read(plain_docx(tmp_path / "a.docx", "Jan Jansen, Dorpsstraat"))
    assert document.format is DocumentFormat.DOCX
    assert "Dorpsstraat" in document.text


def test_frozen_entry_runs_the_worker(tmp_path: Path) -> None:
    """The bundle starts itself with the hidden flag; app.cli.main hands over to the worker."""
    path = plain_docx(tmp_path / "a.docx", "Jan Jansen")
    done = subprocess.run(
        [sys.executable, "-m", "app", "--read-document-worker", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert b'"text": "Jan Jansen' in done.stdout


def test_limits_are_a_stored_setting(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert ReadingLimits.from_setting(get_setting(db, key="reading_limits")) == ReadingLimits()
    set_setting(db, actor="t", key="reading_limits", value={"max_unpacked_mb": 20})
    assert ReadingLimits.from_setting(get_setting(db, key="reading_limits")).max_unpacked_mb == 20
    with pytest.raises(ValidationError) as exc:
        set_setting(db, actor="t", key="reading_limits", value={"max_ratio": 1})
    assert "max_ratio" in exc.value.errors
