"""Scans in a document folder: read by the real Tesseract in the background, cached, purged."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import func, select, update

from app.cli import main
from app.connectors.base import Finding, MatchStrength, StillReading, Subject
from app.connectors.document_folder import DocumentFolderConnector
from app.core.enums import IdentifierKind
from app.core.progress import Progress
from app.data.database import Database, open_database
from app.data.models import ConnectorRun, DocumentOcrText
from app.reading import ocr
from app.reading import tesseract as tess
from app.services.cases import register_case
from app.services.connectors import delete_connector, load_connector, save_connector
from app.services.document_index import index_connector
from app.services.document_texts import BackgroundReader, purge_document_texts, scan_text_store
from app.services.gate import gate_snapshot
from app.services.lookup import case_by_reference
from app.services.retention import apply_retention
from app.services.searches import findings_of, search_case
from tests.integration.test_cases import person

pytestmark = pytest.mark.skipif(
    tess.find_tesseract() is None or ocr.find_pdftoppm() is None,
    reason="Tesseract or pdftoppm is not installed (scripts/setup.sh installs them)",
)

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "LiberationSans-Regular.ttf"
NAME, EMAIL = "Annelies Verbrugge", "annelies@example.nl"
ANNELIES = Subject("2026-030", "Annelies", "Verbrugge")
ANNELIES_MAIL = Subject("2026-030", "Anna", "Elders", emails=(EMAIL,))
STRANGER = Subject("2026-031", "Pieter", "Zonderland", emails=("pieter@elders.nl",))
WAIT_S = 180.0  # OCR of one small page takes seconds; far longer on a busy machine


def make_scan(path: Path, *lines: str) -> Path:
    """An image-only PDF (or an image, by the suffix): the lines rendered at 150 dpi."""
    font = ImageFont.truetype(str(FONT), 36)
    image = Image.new("L", (1100, 60 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((40, 30 + 60 * number), line, font=font, fill=0)
    if path.suffix == ".pdf":
        image.save(path, "PDF", resolution=150)
    else:  # a scanned image (PNG, TIFF, JPEG)
        image.save(path, dpi=(150, 150))
    return path


def complaint(path: Path) -> Path:
    return make_scan(path, f"Klacht van {NAME}", f"e-mail {EMAIL}")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "notitie.txt").write_text("Overleg over de nieuwe printer.\n")
    complaint(root / "klacht.pdf")
    return root


@pytest.fixture
def reader(sqlite_db: Database) -> Iterator[BackgroundReader]:
    background = BackgroundReader(sqlite_db)
    yield background
    background.close()


def connect(db: Database, folder: Path, name: str = "Share", **settings: object) -> None:
    save_connector(
        db, actor="t", name=name, kind="document_folder", settings={"path": str(folder), **settings}
    )


def search(
    db: Database, subject: Subject, reader: BackgroundReader | None, name: str = "Share"
) -> dict[str, Finding]:
    """The connector's findings with the app's scan texts; StillReading passes."""
    connector = load_connector(db, name=name)
    assert isinstance(connector, DocumentFolderConnector)
    submit = None if reader is None else reader.submit
    store = scan_text_store(db, connector, submit=submit, background=submit is not None)
    connector.use_scan_texts(store)
    return {f.record_id: f for f in connector.search(subject, Progress())}


def rows(db: Database) -> dict[str, str]:
    with db.session() as session:
        found = session.scalars(select(DocumentOcrText)).all()
        return {r.path: r.status for r in found}


def name_bytes(db_file: Path) -> int:
    """How often the person's name is in the SQLite file and its WAL, byte for byte."""
    total = 0
    for path in (db_file, db_file.with_name(db_file.name + "-wal")):
        if path.exists():
            total += path.read_bytes().count(NAME.encode("utf-8"))
    return total


def searched(db: Database, reference: str) -> frozenset[str]:
    with db.session() as session:
        return gate_snapshot(session, case_by_reference(session, reference)).searched_systems


def test_a_scan_is_being_read_then_found_and_refreshed_and_forgotten(
    sqlite_db: Database, folder: Path, reader: BackgroundReader, tmp_path: Path
) -> None:
    connect(sqlite_db, folder)
    with pytest.raises(StillReading) as first:
        search(sqlite_db, ANNELIES, reader)
    assert first.value.pending == 1 and first.value.findings == []
    assert "being read" in first.value.message
    assert reader.wait(WAIT_S)
    assert rows(sqlite_db) == {"klacht.pdf": "ready"}

    by_name = search(sqlite_db, ANNELIES, reader)["klacht.pdf"]
    assert by_name.strength is MatchStrength.WEAK and by_name.matched.kind is IdentifierKind.NAME
    assert "OCR" in by_name.note and NAME in by_name.fields["snippet"]
    by_mail = search(sqlite_db, ANNELIES_MAIL, reader)["klacht.pdf"]
    assert by_mail.strength is MatchStrength.STRONG and by_mail.matched.value == EMAIL
    assert search(sqlite_db, STRANGER, reader) == {}  # in no document: no finding at all
    assert reader.pending() == 0  # an unchanged scan is not read again

    shutil.copy(folder / "klacht.pdf", folder / "kopie.pdf")  # same content: text reused
    assert set(search(sqlite_db, ANNELIES, reader)) == {"klacht.pdf", "kopie.pdf"}
    assert reader.pending() == 0

    make_scan(folder / "klacht.pdf", "Offerte voor Bram Stoker")  # changed: read again
    with pytest.raises(StillReading) as changed:
        search(sqlite_db, ANNELIES, reader)
    assert set(f.record_id for f in changed.value.findings) == {"kopie.pdf"}
    assert "klacht.pdf" not in rows(sqlite_db)  # the old text went at once
    assert reader.wait(WAIT_S)
    assert set(search(sqlite_db, ANNELIES, reader)) == {"kopie.pdf"}
    assert set(search(sqlite_db, Subject("x", "Bram", "Stoker"), reader)) == {"klacht.pdf"}

    db_file = tmp_path / "cases.sqlite3"
    assert name_bytes(db_file) > 0
    (folder / "kopie.pdf").unlink()  # the file is gone: so is its text
    assert search(sqlite_db, ANNELIES, reader) == {}
    assert rows(sqlite_db) == {"klacht.pdf": "ready"}
    assert name_bytes(db_file) == 0


def test_search_case_shows_being_read_and_the_system_is_not_yet_searched(
    db: Database, folder: Path
) -> None:
    connect(db, folder)
    ref = register_case(
        db,
        actor="t",
        data=person(first_name="Annelies", name_prefix="", last_name="Verbrugge", email=EMAIL),
        today=date(2026, 11, 24),
    )
    background = BackgroundReader(db)
    try:
        (result,) = search_case(db, actor="t", reference=ref, scan_reader=background)
        assert result.status == "reading" and result.pending == 1
        assert "being read" in result.error
        with db.session() as session:
            statuses = session.scalars(select(ConnectorRun.status)).all()
        assert statuses == ["reading"]
        assert "Share" not in searched(db, ref)
        assert background.wait(WAIT_S)
        (again,) = search_case(db, actor="t", reference=ref, scan_reader=background)
    finally:
        background.close()
    assert again.status == "ok" and again.pending == 0
    (found,) = findings_of(db, reference=ref)
    assert found.record_id == "klacht.pdf" and found.strength == "strong"
    assert found.review == "confirmed"  # the e-mail address: pre-selected as usual
    assert "Share" in searched(db, ref)


def test_without_a_background_reader_the_search_says_how_to_read_them(
    sqlite_db: Database, folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    connect(sqlite_db, folder, extensions=".txt .pdf .png")
    make_scan(folder / "foto.png", f"Memo over {NAME}")  # a scanned image is read as well
    with pytest.raises(StillReading) as first:
        search(sqlite_db, ANNELIES, None)
    assert first.value.pending == 2 and rows(sqlite_db) == {}
    assert "connectors index Share" in first.value.message

    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    code = main(["--db", url, "connectors", "index", "Share"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "2 scan(s) read (0 not readable" in out and "Scan 2 of 2" in err
    assert rows(sqlite_db) == {"klacht.pdf": "ready", "foto.png": "ready"}
    found = search(sqlite_db, ANNELIES, None)
    assert (
        set(found) == {"klacht.pdf", "foto.png"} and "Memo" in found["foto.png"].fields["snippet"]
    )
    code = main(["--db", url, "connectors", "index", "Share"])
    out, _err = capsys.readouterr()
    assert code == 0 and "0 scan(s) read" in out and "2 already read" in out

    (folder / "foto.png").unlink()  # `retention apply` purges even when no case is due
    code = main(["--db", url, "retention", "apply", "--yes"])
    out, err = capsys.readouterr()
    assert code == 0 and "No case is past" in out, err
    assert rows(sqlite_db) == {"klacht.pdf": "ready"}


def test_connector_removal_and_retention_purge_leave_no_trace(
    sqlite_db: Database, folder: Path, tmp_path: Path
) -> None:
    connect(sqlite_db, folder)
    assert index_connector(sqlite_db, name="Share").read == 1
    other = tmp_path / "archief"
    other.mkdir()
    shutil.copy(folder / "klacht.pdf", other / "oud.pdf")
    connect(sqlite_db, other, name="Archive", ocr_cache_days=7)
    assert index_connector(sqlite_db, name="Archive").cached == 1  # the same content: no OCR
    db_file = tmp_path / "cases.sqlite3"
    assert len(rows(sqlite_db)) == 2 and name_bytes(db_file) > 0

    delete_connector(sqlite_db, actor="t", name="Share")
    assert rows(sqlite_db) == {"oud.pdf": "ready"}

    assert purge_document_texts(sqlite_db) == 0  # searched lately, file unchanged: kept
    with sqlite_db.session() as session:
        session.execute(
            update(DocumentOcrText).values(used_at=datetime.now(UTC) - timedelta(days=8))
        )
    apply_retention(sqlite_db, actor="t", references=[])  # the regular purge, no case due
    assert rows(sqlite_db) == {}
    assert name_bytes(db_file) == 0


def test_without_tesseract_a_scan_is_a_check_by_hand_and_not_cached(
    sqlite_db: Database, folder: Path, reader: BackgroundReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(sqlite_db, folder)
    monkeypatch.setenv(tess.TESSERACT_ENV, str(folder / "no-tesseract"))
    found = search(sqlite_db, STRANGER, reader)
    assert set(found) == {"klacht.pdf"}
    assert found["klacht.pdf"].strength is MatchStrength.WEAK
    assert "OCR is not available" in found["klacht.pdf"].note
    assert reader.pending() == 0 and rows(sqlite_db) == {}


def test_cancel_stops_the_reading_and_keeps_nothing(
    sqlite_db: Database, folder: Path, reader: BackgroundReader
) -> None:
    connect(sqlite_db, folder)
    for number in range(3):
        complaint(folder / f"scan-{number}.pdf")
        os.utime(folder / f"scan-{number}.pdf", ns=(number * 10**9, number * 10**9))
    with pytest.raises(StillReading) as first:
        search(sqlite_db, ANNELIES, reader)
    assert first.value.pending == 4
    assert reader.pending() >= 1
    assert reader.cancel() >= 1
    assert reader.wait(30.0)
    with sqlite_db.session() as session:
        stored = session.scalar(select(func.count(DocumentOcrText.id)))
    assert stored is not None and stored <= 1  # at most one finished before the cancel


def test_the_cli_search_reads_the_scans_it_needs_at_once(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No background on the command line: the search reads a new scan before it ends."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    try:
        connect(db, folder)
        ref = register_case(
            db,
            actor="t",
            data=person(first_name="Annelies", name_prefix="", last_name="Verbrugge"),
            today=date(2026, 11, 24),
        )
    finally:
        db.dispose()
    code = main(["--db", url, "case", "search", ref, "--format", "json"])
    out, _err = capsys.readouterr()
    (system,) = json.loads(out)
    assert code == 0 and system["status"] == "ok" and system["still_reading"] == 0
    assert [f["record"] for f in system["findings"]] == ["klacht.pdf"]
    assert system["findings"][0]["strength"] == "weak"  # the name only
    db = open_database(url)
    try:
        assert rows(db) == {"klacht.pdf": "ready"}  # and kept for the next search
    finally:
        db.dispose()
