"""Crash-safe schema upgrades: one transaction, foreign keys off, a lock, recovery from a backup.

SQLite: Python's sqlite3 driver commits DDL on its own, so a killed upgrade used to leave a
half-migrated file. The migration connection therefore follows SQLAlchemy's recipe for
transactional DDL with pysqlite (the driver's own transaction handling off, ``BEGIN IMMEDIATE``
emitted by us), switches foreign keys off before the transaction (a table rebuilt in batch mode
must not cascade-delete its children) and checks them before the commit. PostgreSQL: the upgrade
holds an advisory lock, so two officers starting at once run it once.

``PRIVACY_DESK_TEST_KILL_AFTER_STATEMENT=N`` is for tests only: the process kills itself right
after the N-th statement of a SQLite upgrade (the crash tests). Nothing else reads it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool, StaticPool

from app.core.errors import UserError
from app.core.i18n import _
from app.core.private_files import make_private

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

TEST_KILL_ENV: Final = "PRIVACY_DESK_TEST_KILL_AFTER_STATEMENT"  # test-only, see module doc
# One key for "a schema upgrade runs" (any bigint; this is crc32 of "privacy-desk-migrate").
PG_LOCK_KEY: Final = 0x5D3A_6C21
SQLITE_BUSY_MS: Final = 5000
HALF_MIGRATED_ERRORS: Final = ("duplicate column", "already exists", "no such table")


def migrations_dir() -> Path:
    """The Alembic scripts folder: beside the package, or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "db"


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # imported when a migration runs, not at start

    """Alembic config built in code, so a frozen bundle needs no alembic.ini lookup."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


_REVISION = re.compile(r"^revision\s*=\s*[\"'](\w+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:None|[\"'](\w+)[\"'])", re.MULTILINE)


def revision_graph() -> tuple[frozenset[str], str | None]:
    """The known revisions and the single head, read from the migration files themselves.

    Importing Alembic costs a start-up about as much as Qt; checking whether a database is at
    the head needs only the ``revision``/``down_revision`` lines. None as head when the files
    do not form one line (then Alembic decides; a test keeps both answers equal).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found, down = _REVISION.search(text), _DOWN.search(text)
        if found is None or down is None:
            continue
        revisions.add(found.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return frozenset(revisions), (next(iter(heads)) if len(heads) == 1 else None)


def is_sqlite_file(engine: Engine) -> bool:
    database = engine.url.database
    return engine.dialect.name == "sqlite" and bool(database) and database != ":memory:"


def _kill_hook(engine: Engine) -> None:
    """Test-only: kill this process right after statement N of the migration connection."""
    raw = os.environ.get(TEST_KILL_ENV)
    if not raw:
        return
    limit = int(raw)
    count = [0]

    @event.listens_for(engine, "after_cursor_execute")
    def _after(*_args: Any) -> None:
        count[0] += 1
        if count[0] == limit:
            kill = getattr(signal, "SIGKILL", None)
            if kill is None:  # Windows
                os._exit(137)
            os.kill(os.getpid(), kill)


def _migration_engine(url: URL) -> Engine:
    """A one-connection SQLite engine whose transaction really spans the DDL."""
    engine = create_engine(
        url, poolclass=NullPool, connect_args={"timeout": SQLITE_BUSY_MS / 1000},
        hide_parameters=True,
    )  # fmt: skip

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # the driver emits no BEGIN/COMMIT of its own
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: set it before
        cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    _kill_hook(engine)
    return engine


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise UserError(
            _(
                "The database upgrade was undone: it would leave {count} rows pointing at rows "
                "that no longer exist (tables: {tables}). The database is unchanged; please "
                "report this.",
                count=len(broken),
                tables=", ".join(tables),
            )
        )


@contextmanager
def upgrade_connection(engine: Engine) -> Iterator[Connection]:
    """The connection Alembic migrates on: one transaction, committed only when all went well."""
    if is_sqlite_file(engine):
        migration_engine = _migration_engine(engine.url)
        try:
            with migration_engine.begin() as conn:
                yield conn
                _check_foreign_keys(conn)
        finally:
            migration_engine.dispose()
        return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Held until commit: a second officer starting now waits, then finds the head.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK_KEY})")
        yield conn


def lock_setup(conn: Connection) -> None:
    """Serialise first-start seeding on PostgreSQL with the same lock (no-op elsewhere)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK_KEY})")


# --- half-migrated databases ---------------------------------------------------------------

Schema = dict[str, frozenset[str]]
_schemas: dict[str | None, Schema] = {}


def schema_of(conn: Connection) -> Schema:
    """Table name -> column names, without Alembic's version table and SQLite's own tables."""
    inspector = inspect(conn)
    return {
        name: frozenset(c["name"] for c in inspector.get_columns(name))
        for name in inspector.get_table_names()
        if name != "alembic_version" and not name.startswith("sqlite_")
    }


def schema_at(revision: str | None) -> Schema:
    """What a database at ``revision`` holds: the migrations run on an in-memory database."""
    if revision not in _schemas:
        if revision is None:
            _schemas[revision] = {}
        else:
            from alembic import command

            engine = create_engine("sqlite://", poolclass=StaticPool)
            try:
                command.upgrade(alembic_config(engine), revision)
                with engine.connect() as conn:
                    _schemas[revision] = schema_of(conn)
            finally:
                engine.dispose()
    return _schemas[revision]


def _revision_and_schema(path: Path) -> tuple[str | None, Schema]:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            from alembic.runtime.migration import MigrationContext

            revision = MigrationContext.configure(conn).get_current_revision()
            return revision, schema_of(conn)
    finally:
        engine.dispose()


def half_migrated(path: Path, known: set[str]) -> bool:
    """True when the tables and columns are not what the version row says."""
    revision, schema = _revision_and_schema(path)
    if revision is not None and revision not in known:
        return False  # newer than this app: refused elsewhere, never "repaired"
    return schema != schema_at(revision)


def is_half_migration_error(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return any(marker in text for marker in HALF_MIGRATED_ERRORS)


# --- the pre-migration backup and its marker ------------------------------------------------


def marker_path(db_path: Path) -> Path:
    """Written after the backup, removed after the upgrade: which backup belongs to this try."""
    return db_path.with_name(f"{db_path.name}.migrating")


def read_marker(db_path: Path, current: str | None) -> Path | None:
    """The backup of an earlier, unfinished upgrade from ``current``, if it is still there."""
    marker = marker_path(db_path)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        backup = db_path.with_name(str(data["backup"]))
        if data.get("from") == current and backup.is_file():
            return backup
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def write_marker(db_path: Path, backup: Path, current: str | None) -> None:
    marker = marker_path(db_path)
    temp = marker.with_name(marker.name + ".tmp")
    temp.write_text(json.dumps({"backup": backup.name, "from": current}), encoding="utf-8")
    make_private(temp)
    os.replace(temp, marker)


def clear_marker(db_path: Path) -> None:
    marker_path(db_path).unlink(missing_ok=True)
    marker_path(db_path).with_name(marker_path(db_path).name + ".tmp").unlink(missing_ok=True)


def consistent_backup(
    db_path: Path, known: set[str], preferred: Path | None, revision: str | None
) -> Path | None:
    """The backup to restore: the marked one, else the newest whole backup at ``revision``.

    Only a backup at the revision the broken file claims is taken: an older one would lose what
    was saved after it.
    """
    candidates = [preferred] if preferred is not None else []
    others = sorted(db_path.parent.glob(f"{db_path.name}.*.bak"), key=lambda p: p.stat().st_mtime)
    candidates += [p for p in reversed(others) if p != preferred]
    for candidate in candidates:
        try:
            found, _schema = _revision_and_schema(candidate)
            if found == revision and not half_migrated(candidate, known):
                return candidate
        except Exception:  # an unreadable backup is skipped: the next one may be whole
            log.warning("backup %s cannot be read; trying an older one", candidate.name)
    return None


def restore(backup: Path, db_path: Path) -> None:
    """Copy ``backup`` over the database (SQLite's backup API: the WAL is handled too)."""
    src = sqlite3.connect(backup, timeout=SQLITE_BUSY_MS / 1000)
    try:
        dst = sqlite3.connect(db_path, timeout=SQLITE_BUSY_MS / 1000)
        try:
            src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()


def empty_leftovers(path: Path) -> bool:
    """True when a first start left tables behind but not one row in them."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            for table in schema_of(conn):
                if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first():
                    return False
        return True
    finally:
        engine.dispose()


def drop_leftovers(path: Path) -> None:
    """Drop the tables of a first start that never finished (they hold no rows)."""
    engine = _migration_engine(make_plain_url(path))
    try:
        with engine.begin() as conn:
            names = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).all()
            for (name,) in names:
                conn.exec_driver_sql(f'DROP TABLE "{name}"')
    finally:
        engine.dispose()


def make_plain_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))
