"""A start killed at any moment of a migration leaves a database that opens, with every row."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.core.errors import UserError
from app.data.database import (
    Database,
    current_revision,
    head_revision,
    open_database,
)
from app.data.migration import marker_path, upgrade_connection
from tests.integration.migration_crash import (
    REVISIONS,
    Outcome,
    check_reopens,
    comparable,
    copy_database,
    filled_database,
    random_kills,
    refuse_newer,
    row_counts,
    start_in_child,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kills forked children (POSIX)")

CI_RANDOM_KILLS = 50


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {rev: filled_database(folder / rev, rev) for rev in REVISIONS}


def test_upgrade_of_a_filled_database_keeps_every_row(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "cases.sqlite3"
    copy_database(templates["0001"], path)
    before = row_counts(path)
    db = open_database(f"sqlite:///{path}")
    assert current_revision(db.engine) == head_revision()
    with db.engine.begin() as conn:  # the search index holds exactly the cases (else: error)
        conn.exec_driver_sql(
            "INSERT INTO case_search(case_search, rank) VALUES ('integrity-check', 1)"
        )
        assert conn.exec_driver_sql("SELECT count(*) FROM case_file").scalar_one() > 0
    db.dispose()
    assert comparable(row_counts(path), before) == before
    assert not marker_path(path).exists()


# Every statement is tried, split over shards (statement n goes to shard n % SHARDS) so that no
# test runs for minutes: each trial replays the migration twice (~0.5 s), a first start has 200+
# statements, and a test past pytest's faulthandler timeout gets its threads dumped mid-flight.
SHARDS = 3


@pytest.mark.parametrize("shard", range(SHARDS), ids=[f"shard{n}" for n in range(SHARDS)])
@pytest.mark.parametrize("start", [None, *REVISIONS], ids=["first-start", *REVISIONS])
def test_a_kill_after_any_migration_statement_leaves_a_database_that_opens(
    start: str | None, shard: int, templates: dict[str, Path], tmp_path: Path
) -> None:
    template = None if start is None else templates[start]
    expected = None if template is None else row_counts(template)
    outcome = Outcome()
    statement = shard or SHARDS  # 1-based: shard 0 takes statements 3, 6, 9...
    statement -= SHARDS
    while True:
        statement += SHARDS
        path = tmp_path / f"n{statement}" / "cases.sqlite3"
        path.parent.mkdir()
        if template is not None:
            copy_database(template, path)
        result = start_in_child(path, kill_after_statement=statement)
        if result == "ok":  # past the last statement: every one has been tried
            break
        assert result == "killed", f"start failed (not killed) at statement {statement}"
        outcome.trials += 1
        check_reopens(path, expected, outcome, f"killed after statement {statement}")
    print(f"\nfrom {start or 'nothing'}, shard {shard}: killed after {outcome.trials} statements, "
          f"{len(outcome.failures)} failures")  # fmt: skip
    assert outcome.trials >= 3  # the hook really fired inside the migration
    assert outcome.failures == []


def test_random_kills_during_first_start_and_upgrade(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    outcome = random_kills(
        tmp_path, {None: None, "0001": templates["0001"]}, trials=CI_RANDOM_KILLS
    )
    print(f"\n{outcome.trials} trials, {outcome.kills} killed, {len(outcome.failures)} failures")
    assert outcome.failures == []
    assert outcome.kills >= CI_RANDOM_KILLS // 5  # most delays fall inside the start


def test_repeated_failed_starts_make_one_backup(templates: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    copy_database(templates["0001"], path)
    for _ in range(3):
        assert start_in_child(path, kill_after_statement=4) == "killed"
    assert marker_path(path).exists()
    assert len(list(tmp_path.glob("cases.sqlite3.*.bak"))) == 1
    outcome = Outcome()
    check_reopens(path, row_counts(templates["0001"]), outcome, "after three killed starts")
    assert outcome.failures == []


def _half_migrate(path: Path) -> None:
    """What the old start left after a kill: a step saved, its version row not."""
    conn_url = f"sqlite:///{path}"
    db = open_database(conn_url, migrate_now=False)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE finding ADD COLUMN field_categories JSON")
    db.dispose()


def test_a_half_migrated_database_is_restored_from_its_backup(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "cases.sqlite3"
    copy_database(templates["0001"], path)
    before = row_counts(path)
    older = tmp_path / "cases.sqlite3.20200101T000000Z.bak"  # an older backup, at 0001 too
    copy_database(templates["0001"], older)
    with open_database(f"sqlite:///{older}", migrate_now=False).engine.begin() as conn:
        conn.execute(text("DELETE FROM note"))
    import os

    os.utime(older, (1, 1))
    backup = tmp_path / "cases.sqlite3.20261101T000000Z.bak"  # made by the start that broke
    copy_database(path, backup)
    _half_migrate(path)
    broken_copy = tmp_path / "cases.sqlite3.20261102T000000Z.bak"  # the old code's next start
    copy_database(path, broken_copy)

    db = open_database(f"sqlite:///{path}")
    assert current_revision(db.engine) == head_revision()
    assert len(db.notices) == 1
    assert backup.name in db.notices[0] and "interrupted" in db.notices[0]
    db.dispose()
    assert comparable(row_counts(path), before) == before  # the newest backup, not the older


def test_a_half_migrated_database_without_a_backup_is_refused_clearly(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    path = tmp_path / "cases.sqlite3"
    copy_database(templates["0001"], path)
    _half_migrate(path)
    with pytest.raises(UserError) as caught:
        open_database(f"sqlite:///{path}")
    assert "half-upgraded" in str(caught.value)


def test_an_interrupted_first_start_of_the_old_kind_is_cleaned_up(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    db = open_database(f"sqlite:///{path}", migrate_now=False)
    with db.engine.begin() as conn:  # tables of a first start, no version row, no rows
        conn.exec_driver_sql("CREATE TABLE organisation (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE connector_config (id INTEGER PRIMARY KEY)")
    db.dispose()
    reopened = open_database(f"sqlite:///{path}")
    assert current_revision(reopened.engine) == head_revision()
    reopened.dispose()


def test_a_database_newer_than_the_app_is_refused_never_downgraded(sqlite_db: Database) -> None:
    refuse_newer(sqlite_db)


def test_an_upgrade_that_would_orphan_rows_is_undone(sqlite_db: Database) -> None:
    with pytest.raises(UserError) as caught, upgrade_connection(sqlite_db.engine) as conn:
        conn.exec_driver_sql(  # foreign keys are off during the upgrade: this goes in...
            "INSERT INTO note (case_id, author, created_at, text) "
            "VALUES (999, 'x', '2026-01-01 00:00:00', 'orphan')"
        )
    assert "undone" in str(caught.value) and "note" in str(caught.value)
    with sqlite_db.engine.connect() as conn:  # ...and the check before the commit takes it out
        assert conn.exec_driver_sql("SELECT count(*) FROM note").scalar() == 0


def test_the_cli_tells_the_officer_about_a_restore(
    templates: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    path = tmp_path / "cases.sqlite3"
    copy_database(templates["0001"], path)
    copy_database(path, tmp_path / "cases.sqlite3.20261101T000000Z.bak")
    _half_migrate(path)
    assert main(["--db", f"sqlite:///{path}", "case", "list", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "note:" in err and "restored" in err and "20261101T000000Z.bak" in err
