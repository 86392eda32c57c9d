"""`connectors test` reads the real constraints: UNIQUE masks, foreign keys outside the mapping."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.connectors.base import MatchStrength, Outcome, Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.core.progress import Progress

MAPPING = """
[[tables]]
name = "accounts"
primary_key = "id"
category = "contact details"
erasure = "update_columns"
[tables.identifiers]
email = "email"
[tables.columns.email]
field = "e-mail address"
erasure = "mask"
mask = "MASK"
"""


def _source(tmp_path: Path, mask: str) -> SqlDatabaseConnector:
    url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email VARCHAR(80) NOT NULL UNIQUE)"
        )
        conn.exec_driver_sql(
            "CREATE TABLE invoices (id INTEGER PRIMARY KEY, "
            "account_id INTEGER REFERENCES accounts (id))"
        )
        conn.exec_driver_sql(
            "INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'b@example.com')"
        )
    engine.dispose()
    mapping = tmp_path / "shop.toml"
    text = MAPPING.replace("MASK", mask)
    if mask == "DELETE":
        text = text.split("erasure = ")[0] + 'erasure = "delete_row"\n[tables.identifiers]\n'
        text += 'email = "email"\n[tables.columns.email]\nfield = "e-mail address"\n'
    mapping.write_text(text, encoding="utf-8")
    return SqlDatabaseConnector("shop", {"url": url, "mapping_file": str(mapping)}, {})


def _erase(connector: SqlDatabaseConnector, email: str) -> set[Outcome]:
    found = connector.search(Subject("c", emails=(email,)), Progress(timeout_s=30))
    assert [f.strength for f in found] == [MatchStrength.STRONG]
    results = connector.erase(connector.plan_erasure(found), Progress(timeout_s=30))
    return {r.outcome for r in results}


def test_a_fixed_mask_under_a_unique_index_is_named_and_fails_the_second_time(
    tmp_path: Path,
) -> None:
    connector = _source(tmp_path, "[verwijderd]")
    report = connector.test_connection()
    assert "accounts.email has a UNIQUE index: the fixed mask [verwijderd]" in report
    assert _erase(connector, "a@example.com") == {Outcome.CHANGED}
    assert _erase(connector, "b@example.com") == {Outcome.FAILED}  # what the warning foretold


def test_a_hash_mask_is_unique_per_record_and_reruns_are_idempotent(tmp_path: Path) -> None:
    connector = _source(tmp_path, "[verwijderd-{hash}]")
    assert "UNIQUE" not in connector.test_connection()
    assert _erase(connector, "a@example.com") == {Outcome.CHANGED}
    assert _erase(connector, "b@example.com") == {Outcome.CHANGED}
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'shop.sqlite'}")
    with engine.connect() as conn:
        masks = conn.exec_driver_sql("SELECT email FROM accounts ORDER BY id").scalars().all()
    engine.dispose()
    assert len(set(masks)) == 2 and all(m.startswith("[verwijderd-") for m in masks)
    assert all(len(m) == len("[verwijderd-12345678]") for m in masks)


def test_a_foreign_key_from_outside_the_mapping_is_named(tmp_path: Path) -> None:
    connector = _source(tmp_path, "DELETE")
    report = connector.test_connection()
    assert "invoices.account_id refers to rows of accounts that erasure deletes" in report
