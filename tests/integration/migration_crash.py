"""Kill a start mid-migration for real (SIGKILL of a forked child) and check what is left."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.core.errors import UserError
from app.data.database import (
    Database,
    current_revision,
    head_revision,
    migrate,
    open_database,
)
from app.data.migration import TEST_KILL_ENV, alembic_config
from tests.integration.rich_case import make_rich_case

REVISIONS = ("0001", "0002", "0003")  # every revision a start may upgrade from


def filled_database(folder: Path, revision: str) -> Path:
    """A database at ``revision`` with at least one row in every table."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"filled-{revision}.sqlite3"
    db = open_database(f"sqlite:///{path}")
    make_rich_case(db, folder)
    command.downgrade(alembic_config(db.engine), revision)
    with db.engine.begin() as conn:  # the tables the rich case leaves empty
        for statement in (
            "INSERT INTO connector_config (name, kind, settings, enabled, timeout_s) "
            "VALUES ('Portal', 'sql', '{}', 1, 30)",
            "INSERT INTO case_link (case_id, other_case_id, relation) VALUES (1, 1, 'same')",
            "INSERT INTO pause (case_id, start_on, reason) VALUES (1, '2023-01-05', 'id')",
        ):
            conn.execute(text(statement))
    db.dispose()
    counts = row_counts(path)
    assert all(counts.values()), f"empty tables in the filled database: {counts}"
    return path


def comparable(counts: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    """``counts`` without the tables a later revision added (the inbox of 0010, the register's
    links to systems that 0008 fills from the old names), so an upgrade compares equal exactly
    when no row of an existing table was lost or added."""
    return {table: n for table, n in counts.items() if table in before}


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table (SQLite's own, Alembic's version table and the search index left out: the
    index is derived from case_file; ``test_upgrade...`` checks it with FTS5's integrity-check)."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' "
                "AND name NOT LIKE 'case_search%'"
            )
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        if "setting" in counts:  # 0008 writes its report of what it could not map: by design
            counts["setting"] = conn.execute(
                "SELECT count(*) FROM setting WHERE key != 'register_migration_report'"
            ).fetchone()[0]
        return counts
    finally:
        conn.close()


def copy_database(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def start_in_child(
    path: Path, *, kill_after_statement: int | None = None, kill_after_s: float | None = None
) -> str:
    """Open (and so migrate) ``path`` in a forked child; 'killed', 'ok' or 'failed'."""
    pid = os.fork()
    if pid == 0:  # the child: a start of the app, as far as the database is concerned
        code = 0
        try:
            if kill_after_statement is not None:
                os.environ[TEST_KILL_ENV] = str(kill_after_statement)
            open_database(f"sqlite:///{path}").dispose()
        except BaseException:
            code = 3
        os._exit(code)
    if kill_after_s is not None:
        time.sleep(kill_after_s)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return "killed"
    return "ok" if os.WEXITSTATUS(status) == 0 else "failed"


@dataclass
class Outcome:
    """What a reopen after a kill found."""

    trials: int = 0
    kills: int = 0
    failures: list[str] = field(default_factory=list)


def check_reopens(
    path: Path, expected: dict[str, int] | None, outcome: Outcome, label: str
) -> None:
    """Open normally: it must open at the head with every row there was before."""
    try:
        db = open_database(f"sqlite:///{path}")
        try:
            revision = current_revision(db.engine)
        finally:
            db.dispose()
    except Exception as exc:  # counted, not raised: the benchmark reports every failure
        outcome.failures.append(f"{label}: does not open: {type(exc).__name__}: {exc}")
        return
    if revision != head_revision():
        outcome.failures.append(f"{label}: at {revision}, not at the head")
    counts = row_counts(path)
    if expected is not None and comparable(counts, expected) != expected:
        outcome.failures.append(f"{label}: rows changed: {expected} -> {counts}")
    if expected is None and counts.get("organisation") != 1:
        outcome.failures.append(f"{label}: defaults missing after a first start: {counts}")
    backups = list(path.parent.glob(f"{path.name}.*.bak"))
    if len(backups) > 1:
        outcome.failures.append(f"{label}: {len(backups)} backups made")


def duration_of_start(template: Path | None, folder: Path) -> float:
    """Seconds a start takes without a kill (the window the random kills aim at)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "timing.sqlite3"
    if template is not None:
        copy_database(template, path)
    began = time.perf_counter()
    assert start_in_child(path) == "ok"
    return time.perf_counter() - began


def random_kills(
    folder: Path, templates: dict[str | None, Path | None], trials: int, seed: int = 11
) -> Outcome:
    """SIGKILL a start after a random delay, then reopen; ``templates``: revision -> file."""
    rng = random.Random(seed)
    outcome = Outcome()
    windows = {rev: duration_of_start(tpl, folder / f"w-{rev}") for rev, tpl in templates.items()}
    expected = {rev: None if tpl is None else row_counts(tpl) for rev, tpl in templates.items()}
    for trial in range(trials):
        revision = rng.choice(list(templates))
        trial_dir = folder / f"t{trial}"
        trial_dir.mkdir(parents=True)
        path = trial_dir / "cases.sqlite3"
        template = templates[revision]
        if template is not None:
            copy_database(template, path)
        result = start_in_child(path, kill_after_s=rng.uniform(0, windows[revision] * 1.1))
        outcome.trials += 1
        outcome.kills += result == "killed"
        failures = len(outcome.failures)
        check_reopens(path, expected[revision], outcome, f"trial {trial} from {revision}")
        if len(outcome.failures) == failures:
            shutil.rmtree(trial_dir)  # keep only what failed, for a look afterwards
    return outcome


def refuse_newer(db: Database) -> None:
    """A version row this app does not know: refused with a clear message, left as it is."""
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(UserError) as caught:
        migrate(db.engine)
    assert "newer version of Privacy Desk (9999)" in str(caught.value)
    assert "never downgraded" in str(caught.value)
    assert current_revision(db.engine) == "9999"
