"""Scan texts of document folders: cached per file and SHA-256, read by OCR in the background.

Why in the database (table ``document_ocr_text``) and not in a cache folder: the text is
personal data like the findings beside it, so it belongs where the app already protects,
backs up and purges personal data (one place to delete from, ``secure_delete`` and the WAL
checkpoint on SQLite, the retention purge); on a shared PostgreSQL base a scan read on one
officer's computer serves all of them; and no second store needs its own encryption key.

A file is recognised unchanged by its size and modification time (no hashing); a new or
changed file is hashed, and a text already read for the same content (a copy, a renamed file)
is reused. Otherwise the scan is queued for :class:`BackgroundReader`, one worker thread that
reads one scan at a time with the intake's OCR (the document child process first, then
:func:`app.reading.documents.ocr_document`), cancellable, and the search reports the file as
"being read". The texts go when the file is gone or changed, with the connector, and in the
retention purge once the folder has not been searched for ``ocr_cache_days``.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from app.connectors.scan_texts import FileStamp, ScanReading, ScanState
from app.core.errors import Cancelled, ConnectorError, NotFoundError, UserError
from app.core.i18n import _, message_of, stored
from app.core.progress import Progress
from app.data.database import Database
from app.data.models import ConnectorConfig, DocumentOcrText
from app.reading.archive import DocumentRefused, ReadingLimits
from app.reading.documents import UnreadableDocument, ocr_document
from app.reading.tesseract import find_tesseract
from app.reading.worker import IsolatedReader
from app.services.stored_settings import read_setting

log = logging.getLogger(__name__)

DOCUMENT_FOLDER = "document_folder"
DEFAULT_KEEP_DAYS = 30


@dataclass(frozen=True)
class ReadJob:
    """One scan to read: which connector's folder and which file."""

    connector_id: int
    connector: str  # its name, for the progress line
    folder: Path
    relative: str

    @property
    def key(self) -> tuple[int, str]:
        return (self.connector_id, self.relative)

    @property
    def path(self) -> Path:
        return self.folder / self.relative


@dataclass(frozen=True)
class _Known:
    id: int
    size: int
    mtime_ns: int
    sha256: str
    status: str


def _now() -> datetime:
    return datetime.now(UTC)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _reading(row: DocumentOcrText) -> ScanReading:
    return ScanReading(ScanState(row.status), row.text, row.error)


def _no_ocr() -> ScanReading:
    return ScanReading(
        ScanState.FAILED,
        problem=stored(_("No text layer (a scan) and OCR is not available (install Tesseract)")),
    )


def forget_in_file(db: Database) -> None:
    """SQLite: deleted rows are zeroed (secure_delete); empty the WAL of their old copies too."""
    if db.engine.dialect.name != "sqlite":
        return
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as exc:  # busy: the next checkpoint or the retention purge does it
        log.warning("scan texts: WAL not checkpointed (%s)", exc.orig.__class__.__name__)


class ScanTextStore:
    """The :class:`~app.connectors.scan_texts.ScanTexts` of one document-folder connector."""

    def __init__(
        self,
        db: Database,
        *,
        connector_id: int,
        name: str,
        folder: Path,
        submit: Callable[[ReadJob], None] | None,
        background: bool,
        read_now: bool = False,
    ) -> None:
        self.db = db
        self._read_now = read_now
        self.connector_id = connector_id
        self.name = name
        self.folder = folder
        self._submit = submit
        self._background = background
        with db.session() as session:
            rows = session.execute(
                select(
                    DocumentOcrText.path,
                    DocumentOcrText.id,
                    DocumentOcrText.size,
                    DocumentOcrText.mtime_ns,
                    DocumentOcrText.sha256,
                    DocumentOcrText.status,
                ).where(DocumentOcrText.connector_id == connector_id)
            ).all()
        self._known = {r[0]: _Known(r[1], r[2], r[3], r[4], r[5]) for r in rows}

    def known(self, stamp: FileStamp) -> ScanReading | None:
        row = self._known.get(stamp.relative)
        if row is None or (row.size, row.mtime_ns) != (stamp.size, stamp.mtime_ns):
            return None
        with self.db.session() as session:
            found = session.get(DocumentOcrText, row.id)
            return None if found is None else _reading(found)

    def request(self, stamp: FileStamp, progress: Progress) -> ScanReading:
        cached = self.known(stamp)
        if cached is not None:
            return cached
        if find_tesseract() is None:  # not cached: reading starts once Tesseract is there
            return _no_ocr()
        digest = file_sha256(stamp.path)
        with self.db.session() as session:
            row = _row_of(session, self.connector_id, stamp.relative)
            if row is not None and row.sha256 == digest:  # touched, same content
                row.size, row.mtime_ns = stamp.size, stamp.mtime_ns
                return _reading(row)
            if row is not None:  # changed: its old text no longer describes the file
                session.delete(row)
            same = session.scalar(
                select(DocumentOcrText)
                .where(
                    DocumentOcrText.sha256 == digest,
                    DocumentOcrText.status == ScanState.READY.value,
                )
                .limit(1)
            )
            if same is not None:  # a copy of a scan read before
                session.flush()
                _save(session, self.connector_id, stamp, digest, ScanState.READY, same.text, "")
                return ScanReading(ScanState.READY, same.text)
        job = ReadJob(self.connector_id, self.name, self.folder, stamp.relative)
        if self._read_now:  # the command line: no background to wait for, read it now
            if read_scan(self.db, job, progress=progress) is not None:
                with self.db.session() as session:
                    row = _row_of(session, self.connector_id, stamp.relative)
                    if row is not None:
                        return _reading(row)
            return ScanReading(ScanState.READING)  # changed or removed while it was read
        if self._submit is not None:
            self._submit(job)
        return ScanReading(ScanState.READING)

    def seen(self, present: Collection[str]) -> None:
        there = set(present)
        gone = [path for path in self._known if path not in there]
        with self.db.session() as session:
            if gone:
                session.execute(
                    delete(DocumentOcrText).where(
                        DocumentOcrText.connector_id == self.connector_id,
                        DocumentOcrText.path.in_(gone),
                    )
                )
            session.execute(
                update(DocumentOcrText)
                .where(DocumentOcrText.connector_id == self.connector_id)
                .values(used_at=_now())
            )
        if gone:
            log.info(
                "scan texts: %d of connector %d removed (files gone)", len(gone), self.connector_id
            )
            forget_in_file(self.db)

    def pending_message(self, count: int) -> str:
        if self._background:
            return _(
                "{n} scanned document(s) are being read (OCR) in the background; search this "
                "system again when they are ready.",
                n=count,
            )
        return _(
            "{n} scanned document(s) are not read yet: run `privacy-desk connectors index "
            "{name}` (or search from the app, which reads them in the background), then "
            "search again.",
            n=count,
            name=self.name,
        )


def _row_of(session: Session, connector_id: int, relative: str) -> DocumentOcrText | None:
    return session.scalar(
        select(DocumentOcrText).where(
            DocumentOcrText.connector_id == connector_id, DocumentOcrText.path == relative
        )
    )


def _save(
    session: Session,
    connector_id: int,
    stamp: FileStamp,
    digest: str,
    state: ScanState,
    text: str,
    error: str,
) -> None:
    row = _row_of(session, connector_id, stamp.relative)
    if row is None:
        row = DocumentOcrText(connector_id=connector_id, path=stamp.relative)
        session.add(row)
    row.size, row.mtime_ns, row.sha256 = stamp.size, stamp.mtime_ns, digest
    row.status, row.text, row.error = state.value, text, error
    row.read_at = row.used_at = _now()


def scan_text_store(
    db: Database,
    connector: Any,
    *,
    submit: Callable[[ReadJob], None] | None = None,
    background: bool = False,
    read_now: bool = False,
) -> ScanTextStore:
    """The store for a document-folder ``connector`` (its name finds its id)."""
    with db.session() as session:
        connector_id = session.scalar(
            select(ConnectorConfig.id).where(ConnectorConfig.name == connector.name)
        )
    if connector_id is None:
        raise NotFoundError(_("There is no connector '{name}'.", name=connector.name))
    return ScanTextStore(
        db,
        connector_id=connector_id,
        name=connector.name,
        folder=connector.folder,
        submit=submit,
        background=background,
        read_now=read_now,
    )


def _problem(exc: BaseException) -> str:
    if isinstance(exc, UnreadableDocument):
        if isinstance(exc.__cause__, UserError):  # OCR refused it (page or pixel limits)
            return stored(message_of(exc.__cause__))
        return stored(_("Damaged or unreadable file"))
    if isinstance(exc, OSError):
        return stored(
            _("Could not be opened ({reason})", reason=exc.strerror or type(exc).__name__)
        )
    return stored(message_of(exc))  # refused by the reader, or it took too long


def read_scan(db: Database, job: ReadJob, *, progress: Progress | None = None) -> ScanState | None:
    """Read one scan by OCR and keep its text; the state stored, None when nothing was kept
    (the file is gone, changed while read, or no scan any more). Cancelled passes."""
    path = job.path
    try:
        before = path.stat()
    except FileNotFoundError:
        _forget(db, job)
        return None
    stamp = FileStamp(path, job.relative, before.st_size, before.st_mtime_ns)
    digest = file_sha256(path)
    with db.session() as session:
        limits = ReadingLimits.from_setting(read_setting(session, "reading_limits"))
    state, text, error = ScanState.READY, "", ""
    try:
        document = IsolatedReader(limits).read(path, progress=progress)
        if not document.needs_ocr:
            return None  # it has a text layer now: the search reads it directly
        document = ocr_document(path, document, progress=progress)
        if document.needs_ocr:  # Tesseract went missing: nothing to keep
            return None
        text = document.text
    except Cancelled:
        raise
    except ConnectorError:
        if progress is not None and progress.remaining() == 0.0:
            raise  # the caller's time-out (a search), not this file's: nothing to keep
        state, error = ScanState.FAILED, _problem(sys.exc_info()[1] or Exception())
        log.warning("scan of connector %d took too long", job.connector_id)
    except (DocumentRefused, UnreadableDocument, OSError) as exc:
        state, error = ScanState.FAILED, _problem(exc)
        log.warning("scan of connector %d not readable (%s)", job.connector_id, type(exc).__name__)
    try:
        after = path.stat()
    except FileNotFoundError:
        _forget(db, job)
        return None
    if (after.st_size, after.st_mtime_ns) != (stamp.size, stamp.mtime_ns):
        return None  # changed while it was read: the next search queues it again
    try:
        with db.session() as session:
            if session.get(ConnectorConfig, job.connector_id) is None:
                return None  # the connector was removed meanwhile
            _save(session, job.connector_id, stamp, digest, state, text, error)
    except IntegrityError:  # the connector was removed at the same moment
        return None
    return state


def _forget(db: Database, job: ReadJob) -> None:
    with db.session() as session:
        removed = session.execute(
            delete(DocumentOcrText).where(
                DocumentOcrText.connector_id == job.connector_id,
                DocumentOcrText.path == job.relative,
            )
        )
    if getattr(removed, "rowcount", 0):
        forget_in_file(db)


@dataclass(frozen=True)
class ReaderState:
    """What the background reader is doing, for a status line."""

    pending: int  # scans queued or being read
    done: int  # read since the queue was last empty
    fraction: float  # of the scan being read
    current: str  # "connector: file" being read, "" when idle


class BackgroundReader:
    """One worker thread reading queued scans by OCR, one at a time; cancellable.

    ``on_change`` is called from the worker thread whenever the state changes (the GUI
    marshals it to its own thread). ``close`` stops the thread (at the app's exit).
    """

    def __init__(self, db: Database, *, on_change: Callable[[], None] | None = None) -> None:
        self.db = db
        self.on_change = on_change
        self._queue: queue.Queue[ReadJob | None] = queue.Queue()
        self._jobs: dict[tuple[int, str], ReadJob] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._progress: Progress | None = None
        self._current = ""
        self._fraction = 0.0
        self._done = 0
        self._closed = False

    def submit(self, job: ReadJob) -> None:
        with self._lock:
            if self._closed or job.key in self._jobs:
                return
            self._jobs[job.key] = job
            self._queue.put(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="scan-reader", daemon=True)
                self._thread.start()
        self._changed()

    def pending(self, connector_id: int | None = None) -> int:
        with self._lock:
            return sum(1 for key in self._jobs if connector_id in (None, key[0]))

    def state(self) -> ReaderState:
        with self._lock:
            return ReaderState(len(self._jobs), self._done, self._fraction, self._current)

    def cancel(self) -> int:
        """Stop the scan being read and drop the queue; returns how many were dropped."""
        with self._lock:
            dropped = len(self._jobs)
            self._jobs.clear()
            if self._progress is not None:
                self._progress.cancel()
        self._changed()
        return dropped

    def wait(self, timeout_s: float) -> bool:
        """True once nothing is queued or being read (tests, the CLI); False on time-out."""
        deadline = time.monotonic() + timeout_s
        while self.pending():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def close(self, timeout_s: float = 5.0) -> None:
        with self._lock:
            self._closed = True
            thread = self._thread
        self.cancel()
        self._queue.put(None)
        if thread is not None:
            thread.join(timeout_s)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            with self._lock:
                if self._jobs.get(job.key) is not job:
                    continue  # cancelled while queued
                progress = Progress(on_progress=self._report)
                self._progress = progress
                self._current = f"{job.connector}: {job.relative}"
                self._fraction = 0.0
            try:
                read_scan(self.db, job, progress=progress)
            except Cancelled:
                pass
            except Exception:  # a bug must not stop the reader: logged, the file stays queued
                log.exception("scan reader failed on a scan of connector %d", job.connector_id)
            finally:
                with self._lock:
                    if self._jobs.get(job.key) is job:
                        del self._jobs[job.key]
                        self._done += 1
                    self._progress = None
                    self._current = ""
                    if not self._jobs:
                        self._done = 0
                self._changed()

    def _report(self, fraction: float, _message: str) -> None:
        with self._lock:
            self._fraction = fraction
        self._changed()


def forget_connector_texts(session: Session, connector_id: int) -> int:
    """Remove a connector's scan texts (its removal; the foreign key cascades as well)."""
    result = session.execute(
        delete(DocumentOcrText).where(DocumentOcrText.connector_id == connector_id)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def purge_document_texts(db: Database, *, now: datetime | None = None) -> int:
    """The retention purge: remove scan texts no longer needed; returns how many went.

    A text goes when its file is gone or changed, when its connector is no document folder
    (or has another folder) any more, and when the folder has not been searched for the
    connector's ``ocr_cache_days``.
    """
    now = now or _now()
    doomed: list[int] = []
    with db.session() as session:
        connectors = {c.id: c for c in session.scalars(select(ConnectorConfig)).all()}
        rows = session.execute(
            select(
                DocumentOcrText.id,
                DocumentOcrText.connector_id,
                DocumentOcrText.path,
                DocumentOcrText.size,
                DocumentOcrText.mtime_ns,
                DocumentOcrText.used_at,
            )
        ).all()
        for row_id, connector_id, relative, size, mtime_ns, used_at in rows:
            config = connectors.get(connector_id)
            if config is None or config.kind != DOCUMENT_FOLDER:
                doomed.append(row_id)
                continue
            settings = dict(config.settings)
            try:
                days = int(settings.get("ocr_cache_days") or DEFAULT_KEEP_DAYS)
            except (TypeError, ValueError):
                days = DEFAULT_KEEP_DAYS
            if used_at < now - timedelta(days=max(1, days)):
                doomed.append(row_id)
                continue
            folder = Path(str(settings.get("path") or "")).expanduser()
            try:
                stat = (folder / relative).stat()
            except OSError:
                doomed.append(row_id)
                continue
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns):
                doomed.append(row_id)
        for start in range(0, len(doomed), 500):
            session.execute(
                delete(DocumentOcrText).where(DocumentOcrText.id.in_(doomed[start : start + 500]))
            )
    if doomed:
        log.info("scan texts: %d removed by the retention purge", len(doomed))
        forget_in_file(db)
    return len(doomed)
