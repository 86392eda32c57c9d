"""Database failures (server stopped, disk full, damaged file) as messages that name the cause."""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from app.core.errors import FaultError
from app.core.faults import os_fault
from app.core.i18n import _

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
# PostgreSQL SQLSTATEs: disk full, and the server shutting down or crashing.
PG_DISK_FULL = "53100"
PG_SHUTDOWN = ("57P01", "57P02", "57P03")
# MySQL/MariaDB error numbers: disk or table full; cannot connect, server gone, connection lost.
MYSQL_DISK_FULL = (1021, 1114)
MYSQL_LOST = (2003, 2006, 2013)


def database_fault(exc: BaseException, url: URL) -> FaultError | None:
    """A FaultError for a failure of the database's machine, or None for anything else."""
    if isinstance(exc, sqlite3.Error):  # the online backup API works below SQLAlchemy
        return _sqlite_fault(exc, str(url.database or ""))
    if not isinstance(exc, DBAPIError):
        return os_fault(exc)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return _sqlite_fault(exc.orig, str(url.database or ""))
    if backend in ("mysql", "mariadb"):
        return _mysql_fault(exc, url)
    return _server_fault(exc, url)


def _sqlite_fault(error: BaseException | None, path: str) -> FaultError | None:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return FaultError(
            _(
                "The database {path} is full: the disk it is on has no space left (or the "
                "database reached its size limit). Nothing was saved. Free some space on that "
                "disk, then try again.",
                path=path,
            )
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return FaultError(
            _(
                "The database {path} can only be read: the file or its folder is read-only for "
                "you. Nothing was saved. Ask your administrator for write access to the file and "
                "its folder, or open a copy you may change.",
                path=path,
            )
        )
    if primary == SQLITE_CANTOPEN:
        return FaultError(
            _(
                "The database {path} cannot be opened: the file or its folder is missing or you "
                "may not use it. Check that the folder exists and that you may write to it.",
                path=path,
            )
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return FaultError(
            _(
                "The database {path} is damaged or is not a Privacy Desk database. Nothing was "
                "saved. Close Privacy Desk and restore the database from your latest backup (a "
                "copy made before each upgrade lies beside it as a .bak file).",
                path=path,
            )
        )
    if primary == SQLITE_IOERR:
        return FaultError(
            _(
                "The database {path} could not be read or written (a disk error: the disk may be "
                "full, removed or failing). Nothing was saved. Check the disk, then try again.",
                path=path,
            )
        )
    return None


def _mysql_fault(exc: DBAPIError, url: URL) -> FaultError | None:
    args = getattr(exc.orig, "args", ())
    code = args[0] if args and isinstance(args[0], int) else None
    if code in MYSQL_DISK_FULL:
        return _disk_full_on_server(f"{url.host or 'localhost'}:{url.port or 3306}")
    if exc.connection_invalidated or code in MYSQL_LOST:
        return _no_answer(f"{url.host or 'localhost'}:{url.port or 3306}")
    return None


def _disk_full_on_server(server: str) -> FaultError:
    return FaultError(
        _(
            "The database server {server} has no disk space left. Nothing was saved. Ask "
            "the server's administrator to free space, then try again.",
            server=server,
        )
    )


def _no_answer(server: str) -> FaultError:
    return FaultError(
        _(
            "The database server {server} does not answer: it was stopped or the network "
            "connection was lost. Nothing was saved. Start the server (or ask its "
            "administrator), then try again.",
            server=server,
        )
    )


def _server_fault(exc: DBAPIError, url: URL) -> FaultError | None:
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate == PG_DISK_FULL:
        return _disk_full_on_server(server)
    # Without a SQLSTATE the server never answered (refused, closed, timed out); class 08 is a
    # connection exception. Other operational errors (a serialization failure) are not faults.
    unanswered = sqlstate is None and isinstance(exc, OperationalError | InterfaceError)
    if (
        exc.connection_invalidated
        or sqlstate in PG_SHUTDOWN
        or unanswered
        or (sqlstate or "").startswith("08")
    ):
        return _no_answer(server)
    return None
