"""PostgreSQL: two officers starting at once migrate once; a newer database is refused."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from app.data.database import Database, current_revision, head_revision
from app.data.migration import alembic_config
from tests.integration.conftest import PG_ENV, _pg_database
from tests.integration.migration_crash import refuse_newer

pytestmark = pytest.mark.postgres

START = """
import logging, sys, time
logging.basicConfig(filename=sys.argv[2], level=logging.INFO)
from app.data.database import open_database
time.sleep(max(0.0, float(sys.argv[3]) - time.time()))  # both begin at the same moment
open_database(sys.argv[1]).dispose()
"""


def _base_url() -> str:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"set {PG_ENV} to run against PostgreSQL")
    return base


@pytest.fixture
def pg_db() -> Iterator[Database]:
    yield from _pg_database(_base_url())


def test_a_database_newer_than_the_app_is_refused(pg_db: Database) -> None:
    refuse_newer(pg_db)


def test_two_starts_at_once_on_an_empty_database_migrate_once(tmp_path: Path) -> None:
    base = _base_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    try:
        at = time.time() + 4
        logs = [tmp_path / f"start{i}.log" for i in range(2)]
        procs = [
            subprocess.Popen([sys.executable, "-c", START, url, str(log), str(at)]) for log in logs
        ]
        codes = [p.wait(timeout=120) for p in procs]
        assert codes == [0, 0]
        steps = sum(log.read_text().count("Running upgrade") for log in logs)
        revisions = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
        assert steps == len(revisions)  # one migration, not two
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM organisation")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        engine.dispose()
        check = Database(url)
        assert current_revision(check.engine) == head_revision()
        check.dispose()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
