"""Backing up the case base: a checked copy for SQLite, a clear refusal for a server database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.i18n import restored
from app.data.database import Database
from app.data.models import AuditEvent
from app.services.backup import backup_database
from app.services.cases import register_case
from tests.integration.test_cases import TODAY, person


def test_backup_is_a_checked_copy_with_every_case(db: Database, tmp_path: Path) -> None:
    refs = [register_case(db, actor="t", data=person(), today=TODAY) for _ in range(3)]
    if db.engine.dialect.name != "sqlite":
        with pytest.raises(UserError, match="pg_dump"):
            backup_database(db, actor="o", target=tmp_path / "copy.sqlite3")
        return
    result = backup_database(db, actor="officer", target=tmp_path / "copy")  # suffix added
    assert result.path == tmp_path / "copy.sqlite3" and result.cases == 3
    assert result.size_bytes == result.path.stat().st_size > 0
    conn = sqlite3.connect(result.path)
    try:
        copied = [r for (r,) in conn.execute("SELECT reference FROM case_file ORDER BY id")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert copied == refs
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    with db.session() as session:
        event = session.query(AuditEvent).filter_by(action="database_backed_up").one()
        assert event.actor == "officer" and event.case_id is None
        assert "copy.sqlite3 (3 cases)" in restored(event.summary)


def test_backup_refuses_the_database_itself_and_missing_folders(
    sqlite_db: Database, tmp_path: Path
) -> None:
    live = Path(str(sqlite_db.engine.url.database))
    with pytest.raises(UserError, match="another file than the database itself"):
        backup_database(sqlite_db, actor="o", target=live)
    with pytest.raises(UserError, match="another file than the database itself"):
        backup_database(sqlite_db, actor="o", target=live.with_name(live.name + "-wal"))
    with pytest.raises(UserError, match="does not exist"):
        backup_database(sqlite_db, actor="o", target=tmp_path / "nope" / "copy.sqlite3")
    before = live.read_bytes()
    existing = tmp_path / "old.sqlite3"
    existing.write_bytes(b"an older backup")
    backup_database(sqlite_db, actor="o", target=existing)  # replaced only by a checked copy
    assert existing.read_bytes()[:15] == b"SQLite format 3" and live.read_bytes() == before


def test_backup_command(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    url = str(sqlite_db.engine.url)
    assert main(["--db", url, "backup", "--out", str(tmp_path / "b.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "Backup written to" in out and "0 cases" in out and "keep it safe" in out
    assert main(["--db", url, "backup", "--out", str(tmp_path / "x" / "b.sqlite3")]) == 2
    assert "does not exist" in capsys.readouterr().err
