"""Opening the database: URL resolution, SQLite pragmas, backup and migrate on start."""

from __future__ import annotations

import glob
import logging
import os
import sqlite3
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
)

from app.core.errors import FaultError, StaleDataError, UserError
from app.core.i18n import Message, _, text_of
from app.core.private_files import PRIVATE_DIR, make_private
from app.data import migration
from app.data.faults import database_fault

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

ENV_DB = "PRIVACY_DESK_DB"
SQLITE_BUSY_MS = 5000
APP_DIR_NAME = "PrivacyDesk"


def data_dir() -> Path:
    """Per-user data folder (created on demand)."""
    path = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    # Made by an older version, the folder and its database, log and backups may be readable
    # by others.
    make_private(path)
    for item in path.iterdir():
        make_private(item)
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
    cur.execute("PRAGMA secure_delete=ON")  # deleted rows are zeroed, not left in free pages
    # Wait this long for another writer before reporting "database is locked".
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_read_only_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA query_only=ON")  # a second guard: any write ends in SQLITE_READONLY
    cur.close()


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """Open the file read-only: nothing is written into or beside it.

    In WAL mode a reader needs the shared-memory index beside the file. When a writer has it
    open (the -wal and -shm files exist) we read through it, which creates nothing. Otherwise
    SQLite would create both files, owned by us and readable by us only, which could lock the
    file's owner out; the file is then read as immutable instead: as it is now (what others
    save meanwhile is seen after the next start).
    """
    name = "file:" + urllib.parse.quote(str(path))
    in_use = all(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))
    attempts = ("mode=ro", "mode=ro&immutable=1") if in_use else ("mode=ro&immutable=1",)
    error: sqlite3.Error | None = None
    for flags in attempts:
        conn = sqlite3.connect(
            f"{name}?{flags}", uri=True, timeout=SQLITE_BUSY_MS / 1000, check_same_thread=False
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            error = exc
            continue
        return conn
    assert error is not None
    raise error


def sqlite_read_only_cause(url: str) -> Message | None:
    """Why this SQLite file cannot be written by us (file or folder read-only), or None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    path = Path(parsed.database).expanduser()
    if not path.is_file():
        return None
    try:
        os.close(os.open(path, os.O_RDWR))
    except PermissionError:
        return _("the file is read-only for you")
    except OSError:
        return None
    try:
        handle, probe = tempfile.mkstemp(prefix=".pd-write-probe-", dir=path.parent)
    except PermissionError:
        return _("its folder is read-only for you (the journal cannot be written beside it)")
    except OSError:
        return None
    os.close(handle)
    os.unlink(probe)
    return None


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and read_only:
        path = Path(str(parsed.database)).expanduser()
        engine = create_engine(
            url, creator=lambda: _read_only_connection(path), hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_read_only_pragmas)
        return engine
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


def head_revision() -> str:
    head = migration.revision_graph()[1]
    if head is None:  # not a single line of revisions: ask Alembic
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(migration.alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None for a new one), read without Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        found = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
    if len(found) > 1:
        raise UserError(
            _(
                "The database records several schema versions ({found}); it was changed by "
                "hand. Restore a backup or ask support.",
                found=", ".join(sorted(found)),
            )
        )
    return found[0] if found else None


def _unreachable(exc: OperationalError) -> bool:
    """The server refused or dropped the connection (not: a wrong password, a missing database)."""
    text = str(exc.orig).lower()
    return any(
        sign in text for sign in ("connection refused", "timeout expired", "closed the connection")
    )


def _backup_sqlite(engine: Engine, current: str | None = None) -> Path | None:
    db_path = engine.url.database
    if not db_path or db_path == ":memory:" or not Path(db_path).exists():
        return None
    if Path(db_path).stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(f"{db_path}.{stamp}.bak")
    partial = target.with_name(target.name + ".partial")  # a killed copy never looks whole
    partial.touch(mode=0o600)
    make_private(partial)
    online_copy(Path(db_path), partial)
    # The marker names the backup before it appears under its name: a start killed right after
    # the rename finds it and reuses it, instead of making a second backup.
    migration.write_marker(Path(db_path), target, current)
    os.replace(partial, target)
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


def migrate(engine: Engine, notices: list[str] | None = None) -> Path | None:
    """Upgrade to the head revision; back up a SQLite file first. Returns the backup path.

    The upgrade is all-or-nothing (see :mod:`app.data.migration`). A SQLite file left
    half-upgraded anyway (by an older version) is restored from its pre-upgrade backup first;
    what the officer should know about that is appended to ``notices``.
    """
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        fault = database_fault(exc, engine.url)
        if fault is not None and (engine.dialect.name == "sqlite" or _unreachable(exc)):
            raise fault from exc
        raise UserError(
            _(
                "The database cannot be opened. Check the URL, that the server runs and that you "
                "may log in. ({kind})",
                kind=exc.orig.__class__.__name__,
            )
        ) from exc
    graph, head = migration.revision_graph()
    known = set(graph)
    if current is not None and current not in known:
        raise UserError(
            _(
                "This database was made by a newer version of Privacy Desk ({found}). Install "
                "that version or newer; it is never downgraded.",
                found=current,
            )
        )
    if head is None:
        head = head_revision()
    if current == head and not migration.is_sqlite_file(engine):
        return None
    if current != head:
        from alembic import command  # only an upgrade needs Alembic (it costs start-up time)
    if not migration.is_sqlite_file(engine):
        command.upgrade(migration.alembic_config(engine), "head")
        return None
    db_path = Path(str(engine.url.database))
    for partial in db_path.parent.glob(f"{glob.escape(db_path.name)}.*.bak.partial"):
        partial.unlink(missing_ok=True)  # the copy of a start that was killed while copying
    if current == head:
        migration.clear_marker(db_path)
        return None
    engine.dispose()  # no pooled connection may hold the file while it is repaired or upgraded
    marked = migration.read_marker(db_path, current)
    if migration.half_migrated(db_path, known):
        backup = _repair(db_path, known, marked, current, notices)
    else:
        backup = marked or _backup_sqlite(engine, current)  # None for a new, empty file
    if backup is not None:
        migration.write_marker(db_path, backup, current)
        log.info("database backed up before migration to %s", backup.name)
    try:
        command.upgrade(migration.alembic_config(engine), "head")
    except OperationalError as exc:
        if not migration.is_half_migration_error(exc) or not migration.half_migrated(
            db_path, known
        ):
            raise
        backup = _repair(db_path, known, backup, current, notices)
        command.upgrade(migration.alembic_config(engine), "head")
    migration.clear_marker(db_path)
    return backup


def _repair(
    db_path: Path, known: set[str], marked: Path | None, current: str | None,
    notices: list[str] | None,
) -> Path | None:  # fmt: skip
    """Put a half-upgraded file back as it was before the upgrade began."""
    if current is None and migration.empty_leftovers(db_path):
        migration.drop_leftovers(db_path)  # an interrupted first start: nothing to lose
        log.warning("tables of an interrupted first start removed before migrating again")
        return None
    backup = migration.consistent_backup(db_path, known, marked, current)
    if backup is None:
        raise UserError(
            _(
                "The database {name} was left half-upgraded by an interrupted start, and no "
                "whole backup of it was found beside it. Restore your own backup of the "
                "database, or ask support.",
                name=db_path.name,
            )
        )
    migration.restore(backup, db_path)
    log.warning("half-upgraded database restored from %s", backup.name)
    message = _(
        "An earlier upgrade of the database was interrupted. The database was restored from "
        "the copy made just before that upgrade ({backup}) and upgraded again; nothing saved "
        "before the upgrade is lost.",
        backup=backup.name,
    )
    if notices is not None:
        notices.append(message)
    return backup


def _make_sqlite_files_private(engine: Engine) -> None:
    """The database, its WAL and shared-memory files and its backups: 0600 (POSIX)."""
    if not migration.is_sqlite_file(engine):
        return
    db_path = Path(str(engine.url.database))
    if not db_path.exists():  # a first start: SQLite gives the WAL/SHM files the file's mode
        db_path.touch(mode=0o600)
    make_private(db_path)
    for suffix in ("-wal", "-shm", ".migrating"):
        make_private(db_path.with_name(db_path.name + suffix))
    for backup in db_path.parent.glob(f"{glob.escape(db_path.name)}.*.bak"):
        make_private(backup)


class Database:
    """An engine and its session factory; services open sessions through ``session()``, or
    read through ``reading()``."""

    def __init__(self, url: str, *, read_only_cause: Message | None = None) -> None:
        self.url = url
        self.notices: list[str] = []  # what the officer should read after opening (a restore)
        # Why the SQLite file can only be read (None: it can be written): every write is then
        # refused with a FaultError naming the cause, before any SQL is sent.
        self.read_only_cause = read_only_cause
        self.engine = make_engine(url, read_only=read_only_cause is not None)
        # Made by the first ``session()``: a command that only reads through ``reading()``
        # (case show, today) never imports the ORM (issue 15: a tenth of its time).
        self._sessions: sessionmaker[Session] | None = None
        # The SQLite file as opened (device, inode): a file deleted or replaced while the app
        # runs would otherwise silently "accept" saves that vanish with the old inode.
        self._file = (
            Path(str(self.engine.url.database)) if migration.is_sqlite_file(self.engine) else None
        )
        self._identity: tuple[int, int] | None = None
        self.remember_file()

    def _session_factory(self) -> sessionmaker[Session]:
        """The session factory, with the read-only and file guards (made once, on first use)."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            factory = sessionmaker(self.engine, expire_on_commit=False)
            if self.read_only_cause is not None:
                event.listen(factory, "before_flush", self._refuse_writes)
            event.listen(factory, "after_begin", self._check_file_on_begin)
            event.listen(factory, "before_commit", self._check_file_on_commit)
            self._sessions = factory
        return self._sessions

    def remember_file(self) -> None:
        """Record the SQLite file now at the path as the one in use (after opening, restoring)."""
        if self._file is None:
            return
        try:
            info = os.stat(self._file)
        except FileNotFoundError:
            self._identity = None
            return
        self._identity = (info.st_dev, info.st_ino)

    def check_file(self) -> None:
        """Refuse to go on when the SQLite file was deleted or replaced since it was opened."""
        if self._file is None:
            return
        if self._identity is None:  # created by the first connection
            self.remember_file()
            return
        try:
            info = os.stat(self._file)
        except FileNotFoundError:
            info = None
        if info is None or info.st_nlink == 0 or (info.st_dev, info.st_ino) != self._identity:
            raise FaultError(
                _(
                    "The database file {path} was deleted, moved or replaced while Privacy Desk "
                    "was running. Nothing was saved. Close Privacy Desk, put the file back (or "
                    "restore it from a backup) and start again.",
                    path=str(self._file),
                )
            )

    @property
    def read_only(self) -> bool:
        return self.read_only_cause is not None

    def read_only_fault(self) -> FaultError:
        return FaultError(
            _(
                "The database {path} is open read-only: {cause}. Nothing was saved. Ask your "
                "administrator for write access to the file and its folder, or copy the "
                "database to a folder of your own and open the copy.",
                path=str(self._file),
                cause=self.read_only_cause,
            )
        )

    def _refuse_writes(self, session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            raise self.read_only_fault()

    def _check_file_on_begin(self, _session: Session, _transaction: Any, _conn: Any) -> None:
        self.check_file()

    def _check_file_on_commit(self, _session: Session) -> None:
        self.check_file()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        from sqlalchemy.orm.exc import StaleDataError as OrmStaleDataError

        session = self._session_factory()()
        session.info["read_only"] = self.read_only  # audit.record: an export is not stored
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
        except DBAPIError as exc:
            _rollback_after(session, exc)
            if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
                raise UserError(
                    _(
                        "The database is busy (locked by another program or officer). Nothing was "
                        "saved; "
                        "wait a moment and try again."
                    )
                ) from exc
            if self.read_only and isinstance(exc, OperationalError):
                raise self.read_only_fault() from exc  # a write sent as SQL (query_only)
            fault = database_fault(exc, self.engine.url)
            if fault is not None:
                raise fault from exc
            if isinstance(exc, DataError):  # a text no field check caught (PostgreSQL refuses)
                log.warning("database refused a value: %s", type(exc.orig).__name__)
                raise UserError(
                    _(
                        "A value could not be stored: it holds a character the database "
                        "refuses or is longer than the field. Nothing was saved; check the text "
                        "you entered."
                    )
                ) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads only: Core rows, no ORM session (nor its import and commit);
        faults named as ``session()`` names them. Ends in a rollback: nothing is written."""
        self.check_file()
        try:
            with self.engine.connect() as conn:
                yield conn
                conn.rollback()
        except DBAPIError as exc:
            fault = self.fault_of(exc)
            if fault is not None:
                raise fault from exc
            if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
                raise UserError(
                    _(
                        "The database is busy (locked by another program or officer). Nothing was "
                        "saved; "
                        "wait a moment and try again."
                    )
                ) from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()

    def fault_of(self, exc: BaseException) -> FaultError | None:
        """What a failure of this database's server, disk or file means, or None."""
        return database_fault(exc, self.engine.url)

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)


def open_database(url: str | None = None, *, migrate_now: bool = True) -> Database:
    """Resolve the URL, connect, migrate (with a SQLite backup) and seed defaults.

    A SQLite file we may not write (the file or its folder read-only) is opened read-only:
    no migration, no WAL or journal written; the officer is told (``notices``) and every
    write is refused with a FaultError naming the cause.
    """
    resolved = resolve_url(url)
    cause = sqlite_read_only_cause(resolved)
    if cause is not None:
        return _open_read_only(resolved, cause)
    db = Database(resolved)
    try:
        _make_sqlite_files_private(db.engine)
        db.remember_file()
        if migrate_now:
            migrate(db.engine, db.notices)
            db.remember_file()  # a half-upgraded file may have been restored from its backup
            prune_backups(db.engine)
            from app.data.seed import defaults_present, ensure_defaults

            with db.engine.connect() as conn:
                complete = defaults_present(conn)
            if not complete:
                with db.session() as session:
                    migration.lock_setup(session.connection())  # two first starts seed once
                    ensure_defaults(session)
    except (DBAPIError, OSError) as exc:
        fault = db.fault_of(exc)
        if fault is None:
            raise
        db.dispose()
        raise fault from exc
    return db


def _open_read_only(url: str, cause: Message) -> Database:
    db = Database(url, read_only_cause=cause)
    path = str(db.engine.url.database)
    try:
        current = current_revision(db.engine)
    except (DBAPIError, sqlite3.Error) as exc:
        fault = db.fault_of(exc)
        db.dispose()
        if fault is None:
            raise
        raise fault from exc
    if current != head_revision():
        db.dispose()
        known = migration.revision_graph()[0]
        if current is not None and current not in known:
            raise UserError(
                _(
                    "This database was made by a newer version of Privacy Desk ({found}). "
                    "Install that version or newer; it is never downgraded.",
                    found=current,
                )
            )
        raise UserError(
            _(
                "The database {path} must be upgraded before this version of Privacy Desk can "
                "use it, but it can only be read: {cause}. Ask your administrator for write "
                "access to the file and its folder (the upgrade makes a backup first), or open "
                "it with the version that made it.",
                path=path,
                cause=cause,
            )
        )
    log.warning("database opened read-only: %s", text_of(cause, "en"))
    db.notices.append(
        _(
            "The database {path} is opened read-only: {cause}. You can read cases and export "
            "them to a folder you may write to; anything you save is refused. To work "
            "normally, ask your administrator for write access to the file and its folder.",
            path=path,
            cause=cause,
        )
    )
    return db


def _rollback_after(session: Session, error: DBAPIError) -> None:
    """Roll back after a database error; a connection that died meanwhile cannot, and need not."""
    try:
        session.rollback()
    except DBAPIError:
        # The server or file is gone: the transaction died with the connection. The original
        # error is the one to report; the rollback's own failure only repeats it.
        log.warning("rollback after %s failed as well", type(error).__name__)
