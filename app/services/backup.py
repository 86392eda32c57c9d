"""A copy of the whole case base on demand (SQLite), checked before it replaces anything."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.core.atomic_file import atomic_write
from app.core.errors import UserError
from app.core.i18n import _
from app.data import plain_tables as t
from app.data.database import Database, online_copy

BACKUP_SUFFIX = ".sqlite3"
BACKUP_ACTION = "database_backed_up"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    cases: int
    seconds: float


def _live_path(db: Database) -> Path:
    if db.engine.dialect.name != "sqlite":
        raise UserError(
            _(
                "This case base is on a {name} server: back it up there (for PostgreSQL with "
                "pg_dump, or the server's own backup). Privacy Desk copies only SQLite files.",
                name=db.engine.dialect.name,
            )
        )
    name = db.engine.url.database
    if not name or name == ":memory:":
        raise UserError(_("This database lives in memory only; there is no file to back up."))
    return Path(name).resolve()


def _check_copy(path: Path) -> int:
    """The copy must open, pass SQLite's integrity check and hold the cases; returns their count."""
    conn = sqlite3.connect(path)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise UserError(
                _(
                    "The copy failed SQLite's integrity check ({verdict}); try again.",
                    verdict=verdict,
                )
            )
        return int(conn.execute("SELECT count(*) FROM case_file").fetchone()[0])
    finally:
        conn.close()


def backup_database(db: Database, *, actor: str, target: Path) -> BackupResult:
    """Write a checked copy of the SQLite case base to ``target`` (temp file, then rename).

    The copy holds personal data: it is audited (where, not what), and the officer is told to
    keep it safe and to delete it under the same retention as the cases.
    """
    live = _live_path(db)
    target = target.expanduser()
    if not target.suffix:
        target = target.with_suffix(BACKUP_SUFFIX)
    resolved = target.resolve()
    if resolved == live or (resolved.parent == live.parent and resolved.name.startswith(live.name)):
        raise UserError(
            _("Choose another file than the database itself (or its journal files) for the backup.")
        )
    folder = target.parent
    if not folder.is_dir():
        raise UserError(
            _("The folder {folder} does not exist. Choose an existing folder.", folder=folder)
        )
    started = time.monotonic()
    writing = False  # False: the temporary file could not even be created in the folder
    try:
        with atomic_write(target) as temp:
            writing = True
            online_copy(live, temp)
            cases = _check_copy(temp)
    except sqlite3.Error as exc:
        raise UserError(
            _("The backup could not be made: {exc}. The database may be busy; try again.", exc=exc)
        ) from None
    except OSError as exc:
        if not writing:
            raise UserError(
                _(
                    "Cannot write in {folder}: {strerror}. Choose a folder you may write to.",
                    folder=folder,
                    strerror=exc.strerror,
                )
            ) from None
        raise UserError(
            _(
                "The backup could not be written: {strerror}. Check the free space of {folder}.",
                strerror=exc.strerror,
                folder=folder,
            )
        ) from None
    result = BackupResult(
        path=target, size_bytes=target.stat().st_size, cases=cases,
        seconds=time.monotonic() - started,
    )  # fmt: skip
    from app.services import audit  # with the models: not for the status bar's last_backup

    with db.session() as session:
        audit.record(
            session,
            case=None,
            actor=actor,
            action=BACKUP_ACTION,
            summary=_("Database copied to {name} ({cases} cases)", name=target.name, cases=cases),
            after={"file": str(target), "cases": cases, "bytes": result.size_bytes},
        )
    return result


def last_backup(db: Database) -> datetime | None:
    """When the case base was last backed up through Privacy Desk (None: never).

    Read through the Core view: the status bar asks before the first paint (issue 15)."""
    events = t.audit_event.c
    with db.reading() as conn:
        found: datetime | None = conn.scalar(
            select(func.max(events.at)).where(events.action == BACKUP_ACTION)
        )
    return found
