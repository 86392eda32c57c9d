"""The search predicate follows the source's indexes and collations, on all three databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.connectors.base import MatchStrength, Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.connectors.sql_inspect import read_access, reflect_tables
from app.connectors.sql_search import conditions
from app.core.progress import Progress
from tests.integration.connectors.test_sql_real_schemas import _target

MAPPING = """
[[tables]]
name = "people"
primary_key = "id"
category = "contact details"
erasure = "delete_row"
[tables.identifiers]
email = "email"
[tables.columns.email]
field = "e-mail address"
"""
STORED = "Jan.DeVries@Example.COM"


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ]
)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _people(kind: str, tmp_path: Path, index: str) -> Iterator[SqlDatabaseConnector]:
    for url, schema in _target(kind, tmp_path):
        prefix = f"{schema}." if schema else ""
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                f"CREATE TABLE {prefix}people (id INTEGER PRIMARY KEY, email VARCHAR(100))"
            )
            rows = [(i, f"person{i}@example.com") for i in range(2, 40)] + [(1, STORED)]
            conn.execute(
                sa.text(f"INSERT INTO {prefix}people VALUES (:i, :e)"),
                [{"i": i, "e": e} for i, e in rows],
            )
            if index:
                conn.exec_driver_sql(f"CREATE INDEX people_email ON {prefix}people ({index})")
        engine.dispose()
        mapping = tmp_path / "people.toml"
        mapping.write_text((f'schema = "{schema}"\n' if schema else "") + MAPPING, "utf-8")
        yield SqlDatabaseConnector("people", {"url": url, "mapping_file": str(mapping)}, {})


def _sql(connector: SqlDatabaseConnector) -> str:
    """The search predicate as the connector would send it, from the real catalogue."""
    engine = sa.create_engine(connector._url)
    with engine.connect() as conn:
        tm = connector.mapping.tables[0]
        table = reflect_tables(conn, [(tm.schema, tm.name)])[(tm.schema, tm.name)]
        access = read_access(conn, tm, table)
        (cond,) = conditions(tm, table, access, Subject("c", emails=("jan.devries@example.com",)))
        text = str(cond.compile(dialect=conn.dialect)).lower()
    engine.dispose()
    return text


def _found(connector: SqlDatabaseConnector, email: str) -> list[str]:
    findings = connector.search(Subject("c", emails=(email,)), Progress(timeout_s=30))
    assert all(f.strength is MatchStrength.STRONG for f in findings)
    return [f.fields["e-mail address"] for f in findings]


def test_an_expression_index_on_lower_is_used_and_finds_any_case(kind: str, tmp_path: Path) -> None:
    if kind == "mariadb":
        pytest.skip("MariaDB has no expression indexes; its *_ci collations do this")
    for connector in _people(kind, tmp_path, "lower(email)"):
        assert "lower(" in _sql(connector) and "trim(" not in _sql(connector)
        assert _found(connector, "jan.devries@example.com") == [STORED]
        assert "reads all of table people" not in connector.test_connection()


def test_a_plain_index_is_used_as_stored(kind: str, tmp_path: Path) -> None:
    for connector in _people(kind, tmp_path, "email"):
        sql = _sql(connector)
        assert "lower(" not in sql and "trim(" not in sql
        assert "reads all of table people" not in connector.test_connection()
        assert _found(connector, "Jan.DeVries@Example.COM") == [STORED]  # as written
        if kind == "mariadb":  # a case-insensitive collation makes it complete
            assert _found(connector, "jan.devries@example.com") == [STORED]


def test_without_an_index_the_scan_is_complete_and_named(kind: str, tmp_path: Path) -> None:
    for connector in _people(kind, tmp_path, ""):
        assert _found(connector, " JAN.devries@example.com") == [STORED]
        report = connector.test_connection()
        assert "reads all of table people" in report and "(email)" in report
