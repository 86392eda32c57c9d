"""The SQL schema is read once per system, address and mapping; a fresh connector reuses it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from app.connectors.base import Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.core.errors import ConnectorError
from app.core.progress import Progress

MAPPING = """
[[tables]]
name = "customers"
primary_key = "id"
category = "contact details"
erasure = "delete_row"
[tables.identifiers]
email = "email"
[tables.columns.email]
field = "e-mail address"
"""
SUBJECT = Subject("1", emails=("ann@example.nl",))


@pytest.fixture
def shop(tmp_path: Path) -> tuple[str, Path]:
    url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)")
        conn.exec_driver_sql("INSERT INTO customers VALUES (1, 'ann@example.nl')")
    engine.dispose()
    mapping = tmp_path / "shop.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return url, mapping


def _search(url: str, mapping: Path) -> tuple[SqlDatabaseConnector, list[str]]:
    conn = SqlDatabaseConnector("Shop", {"url": url, "mapping_file": str(mapping)}, {})
    return conn, [f.record_id for f in conn.search(SUBJECT, Progress(timeout_s=30))]


def test_a_fresh_connector_reuses_the_schema_until_it_changes(shop: tuple[str, Path]) -> None:
    url, mapping = shop
    first, found = _search(url, mapping)
    assert found == ["customers:1"] and not first._from_cache  # read from the database
    second, found = _search(url, mapping)
    assert found == ["customers:1"] and second._from_cache  # a new object: no re-reading

    # A mapping change is another key: read again.
    mapping.write_text(MAPPING + '[tables.columns.id]\nfield = "number"\n', encoding="utf-8")
    third, _found = _search(url, mapping)
    assert not third._from_cache
    fourth, _found = _search(url, mapping)
    assert fourth._from_cache

    # `connectors test` always reads the database as it is now.
    tester = SqlDatabaseConnector("Shop", {"url": url, "mapping_file": str(mapping)}, {})
    assert "customers" in str(tester.test_connection())
    assert not tester._from_cache

    # A column renamed behind our back: the query on the cached schema fails, the schema is
    # read again and the mismatch is named instead of a raw database error.
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE customers RENAME COLUMN email TO mail")
    engine.dispose()
    with pytest.raises(ConnectorError, match="has no column 'email'"):
        _search(url, mapping)


def test_a_fresh_connector_reuses_the_engine_and_its_compiled_sql(
    shop: tuple[str, Path],
) -> None:
    """One engine per address: the dialect and the compiled statements are not built again for
    each search run; each search still opens (and closes) its own connection, with the
    current run's time budget."""
    url, mapping = shop
    first, _found = _search(url, mapping)
    engine = first._engine(Progress(timeout_s=30))
    opened: list[float] = []
    sa.event.listen(engine, "do_connect", lambda _d, _r, _a, p: opened.append(p["timeout"]))
    cache = engine._compiled_cache
    assert cache is not None
    compiled = len(cache)
    second = SqlDatabaseConnector("Shop", {"url": url, "mapping_file": str(mapping)}, {})
    found = [f.record_id for f in second.search(SUBJECT, Progress(timeout_s=7))]
    assert found == ["customers:1"]
    assert second._engine(Progress()) is engine and len(cache) == compiled  # nothing new
    assert len(opened) == 1 and 6 < opened[0] <= 7  # its own connection, its own budget
    assert isinstance(engine.pool, NullPool)  # no connection is kept between searches
    second.forget_schema()  # `connectors test`: a new engine reads the server again
    assert (
        SqlDatabaseConnector("Shop", {"url": url, "mapping_file": str(mapping)}, {})._engine(
            Progress()
        )
        is not engine
    )
