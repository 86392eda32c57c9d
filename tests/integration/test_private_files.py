"""Every file written for the officer goes through the one atomic writer: owner-only, no temp."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest

from app.core.errors import Cancelled
from app.core.progress import Progress
from app.data.database import Database
from app.services.backup import backup_database
from app.services.calendar_export import write_deadlines_ics
from app.services.cases import register_case
from app.services.reports import export_request_register
from tests.integration.connectors.test_tabular_file import JAN, ROWS, connector, write_csv
from tests.integration.test_cases import TODAY, person

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def _no_temp(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_backup_calendar_and_register_are_readable_by_the_owner_only(
    sqlite_db: Database, tmp_path: Path
) -> None:
    register_case(sqlite_db, actor="t", data=person(), today=date.today())
    out = tmp_path / "out"
    out.mkdir()
    backup = backup_database(sqlite_db, actor="o", target=out / "copy.sqlite3").path
    calendar = out / "deadlines.ics"
    assert write_deadlines_ics(sqlite_db, path=calendar) >= 1
    register = out / "register.csv"
    export_request_register(
        sqlite_db, path=register, received_from=date(2018, 5, 25), received_to=date.today(),
        fmt="csv", today=date.today(),
    )  # fmt: skip
    for path in (backup, calendar, register):
        assert path.stat().st_size > 0 and _private(path), path.name
    assert _no_temp(out)


def test_a_failed_export_leaves_neither_file_nor_temp(sqlite_db: Database, tmp_path: Path) -> None:
    register_case(sqlite_db, actor="t", data=person(), today=TODAY)
    out = tmp_path / "out"
    out.mkdir()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_request_register(
            sqlite_db, path=out / "r.xlsx", received_from=date(2018, 5, 25),
            received_to=TODAY, today=TODAY, progress=progress,
        )  # fmt: skip
    assert list(out.iterdir()) == []


def test_a_rewritten_source_file_keeps_its_own_permissions(tmp_path: Path) -> None:
    path = tmp_path / "newsletter.csv"
    write_csv(path, ROWS)
    os.chmod(path, 0o664)  # the source system's file, shared with its own group
    c = connector(path, backup_days="0")
    c.erase(c.plan_erasure(c.search(JAN, Progress())), Progress())
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert b"JAN.DEVRIES" not in path.read_bytes() and b"piet@example.nl" in path.read_bytes()
    assert _no_temp(tmp_path)
