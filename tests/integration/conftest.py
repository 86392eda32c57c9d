"""Integration fixtures: a fresh real database per test, on SQLite and (when given) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.data.database import Database, open_database

PG_ENV = "PRIVACY_DESK_TEST_PG_URL"


def _pg_database(base_url: str) -> Iterator[Database]:
    """A private schema on the shared PostgreSQL server; dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base_url else "?"
    db = open_database(f"{base_url}{sep}options=-csearch_path%3D{schema}")
    try:
        yield db
    finally:
        db.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = open_database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
        yield database
        database.dispose()
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(
            f"set {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) "
            "to run against PostgreSQL"
        )
    yield from _pg_database(base)


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    yield database
    database.dispose()
