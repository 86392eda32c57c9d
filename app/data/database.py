"""Opening the database: URL resolution, SQLite pragmas, backup and migrate on start."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError as OrmStaleDataError

from app.core.errors import StaleDataError, UserError
from app.core.i18n import _

log = logging.getLogger(__name__)

ENV_DB = "PRIVACY_DESK_DB"
SQLITE_BUSY_MS = 5000
APP_DIR_NAME = "PrivacyDesk"


def data_dir() -> Path:
    """Per-user data folder (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'privacy-desk.sqlite3'}"


def resolve_url(url: str | None) -> str:
    """--db wins, then the PRIVACY_DESK_DB environment variable, then the per-user SQLite file."""
    chosen = url or os.environ.get(ENV_DB) or default_url()
    try:
        parsed = make_url(chosen)
    except ArgumentError as exc:
        raise UserError(
            _(
                "'{chosen}' is not a database URL. Use e.g. sqlite:///path/to/file.sqlite3 or "
                "postgresql+psycopg://user@host/dbname.",
                chosen=chosen,
            )
        ) from exc
    if parsed.drivername == "postgresql":  # default to psycopg 3, the driver we ship
        chosen = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return chosen


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    # Wait this long for another writer before reporting "database is locked".
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.exists():
                raise UserError(
                    _("The folder for the database does not exist: {folder}", folder=folder)
                )
        # hide_parameters: error texts never quote values (names, e-mails) into logs/dialogs.
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_MS / 1000}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise UserError(
            _(
                "The database URL '{url}' names an unknown database type. Use "
                "sqlite:///FILE or postgresql+psycopg://USER@HOST/DBNAME.",
                url=parsed.render_as_string(hide_password=True),
            )
        ) from exc


def migrations_dir() -> Path:
    """The Alembic scripts folder: beside the package, or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "db"


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic config built in code, so a frozen bundle needs no alembic.ini lookup."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _backup_sqlite(engine: Engine) -> Path | None:
    db_path = engine.url.database
    if not db_path or db_path == ":memory:" or not Path(db_path).exists():
        return None
    if Path(db_path).stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(f"{db_path}.{stamp}.bak")
    online_copy(Path(db_path), target)
    return target


def online_copy(source: Path, target: Path) -> None:
    """Copy a SQLite database while it may be in use (sqlite3's online backup API).

    The copy is a consistent snapshot even with a WAL file beside the source, and it waits for
    a writer that holds the database for up to the usual busy time-out.
    """
    src = sqlite3.connect(source, timeout=SQLITE_BUSY_MS / 1000)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


BACKUP_KEEP_DAYS = 30


def prune_backups(engine: Engine, *, keep_days: int = BACKUP_KEEP_DAYS) -> list[Path]:
    """Delete pre-migration backups older than ``keep_days``.

    A backup is for recovering from a failed upgrade; kept for ever it would also keep people
    whose case files were anonymised or deleted under the retention rules since.
    """
    db_path = engine.url.database
    if engine.dialect.name != "sqlite" or not db_path or db_path == ":memory:":
        return []
    limit = datetime.now(UTC).timestamp() - keep_days * 86400
    removed = []
    for backup in Path(db_path).parent.glob(f"{Path(db_path).name}.*.bak"):
        if backup.stat().st_mtime < limit:
            backup.unlink()
            removed.append(backup)
    if removed:
        log.info("%d database backup(s) older than %d days deleted", len(removed), keep_days)
    return removed


def migrate(engine: Engine) -> Path | None:
    """Upgrade to the head revision; back up a SQLite file first. Returns the backup path."""
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise UserError(
            _(
                "The database cannot be opened. Check the URL, that the server runs and that you "
                "may log in. ({kind})",
                kind=exc.orig.__class__.__name__,
            )
        ) from exc
    head = head_revision()
    if current == head:
        return None
    backup = None
    if engine.dialect.name == "sqlite":
        backup = _backup_sqlite(engine)  # None for a new, empty file
        log.info("database backed up before migration to %s", backup)
    command.upgrade(alembic_config(engine), "head")
    return backup


class Database:
    """An engine and its session factory; services open sessions through ``session()``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        session = self._factory()
        try:
            yield session
            session.commit()
        except OrmStaleDataError as exc:
            # Two saves of the same record raced past the service's version check.
            session.rollback()
            raise StaleDataError(
                _(
                    "Someone else saved this record at the same moment. Nothing was saved: reload "
                    "it "
                    "and make your change again."
                )
            ) from exc
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc.orig).lower():
                raise UserError(
                    _(
                        "The database is busy (locked by another program or officer). Nothing was "
                        "saved; "
                        "wait a moment and try again."
                    )
                ) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)


def open_database(url: str | None = None, *, migrate_now: bool = True) -> Database:
    """Resolve the URL, connect, migrate (with a SQLite backup) and seed defaults."""
    db = Database(resolve_url(url))
    if migrate_now:
        migrate(db.engine)
        prune_backups(db.engine)
        from app.data.seed import ensure_defaults

        with db.session() as session:
            ensure_defaults(session)
    return db
