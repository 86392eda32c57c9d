"""Mapping v2 on osTicket (MariaDB) and phpList (PostgreSQL), schemas written from their docs."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.connectors.base import Correction, Finding, MatchStrength, Outcome, Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.core.progress import Progress
from tests.integration.connectors.real_schemas import (
    fill_osticket,
    fill_phplist,
    osticket_metadata,
    phplist_metadata,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
PG_ENV = "PRIVACY_DESK_TEST_PG_URL"
MARIADB_ENV = "PRIVACY_DESK_TEST_MARIADB_URL"


def _target(kind: str, tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    """A database URL and schema for one test; server databases are dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'source.sqlite'}", None
        return
    env = PG_ENV if kind == "postgresql" else MARIADB_ENV
    url = os.environ.get(env)
    if not url:
        pytest.skip(f"set {env} to run against {kind}")
    base = sa.make_url(url)
    name = f"{base.database}_{uuid.uuid4().hex[:8]}"  # e.g. pd_l_1a2b3c4d
    ddl = "SCHEMA" if kind == "postgresql" else "DATABASE"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE {ddl} {name}"))
    try:
        yield url, name
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP {ddl} {name}" + (" CASCADE" if ddl == "SCHEMA" else "")))
        admin.dispose()


def _connector(url: str, schema: str | None, example: str, tmp_path: Path) -> SqlDatabaseConnector:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    if schema:
        text = text.replace("version = 2\n", f'version = 2\nschema = "{schema}"\n', 1)
    mapping = tmp_path / example
    mapping.write_text(text, encoding="utf-8")
    return SqlDatabaseConnector("source", {"url": url, "mapping_file": str(mapping)}, {})


def _bare(record_id: str) -> str:
    """A record id without the schema prefix."""
    table, _, key = record_id.partition(":")
    return f"{table.rpartition('.')[2]}:{key}"


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def helpdesk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[object, ...]]:
    for url, schema in _target(request.param, tmp_path):
        md = osticket_metadata(schema)
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            md.create_all(conn)
            hd = fill_osticket(conn, md)
        yield engine, md, hd, _connector(url, schema, "osticket.mapping.toml", tmp_path)
        engine.dispose()


def _search(connector: SqlDatabaseConnector, **values: object) -> dict[str, Finding]:
    findings = connector.search(Subject("2026-0001", **values), Progress(timeout_s=60))  # type: ignore[arg-type]
    return {_bare(f.record_id): f for f in findings}


def test_osticket_strength_follows_identity_and_task_threads_stay_out(
    helpdesk: tuple[object, ...],
) -> None:
    _, _, hd, connector = helpdesk
    assert isinstance(connector, SqlDatabaseConnector)
    found = _search(connector, first_name="Jan", last_name="de Vries", emails=("Jan@Example.com",))
    mine = {r for r, o in hd.owner.items() if o == hd.person}  # type: ignore[attr-defined]
    theirs = {r for r, o in hd.owner.items() if o in hd.namesakes}  # type: ignore[attr-defined]
    strong = {r for r, f in found.items() if f.strength is MatchStrength.STRONG}
    weak = {r for r, f in found.items() if f.strength is MatchStrength.WEAK}
    assert strong == mine  # every ticket, thread, message, form value; both addresses
    assert theirs <= weak and not (weak & mine)
    assert "ost_thread:990" not in found and "ost_thread_entry:3990" not in found
    assert "ost_form_entry:799" not in found
    assert found["ost_ticket:501"].matched.value == "Jan@Example.com"
    assert "Belongs to" in found["ost_ticket:501"].note
    phone = found['ost_form_entry_values:["701","3"]']
    assert phone.fields == {"phone": "06-12345671"}


def test_osticket_without_the_thread_condition_the_task_thread_would_be_taken(
    helpdesk: tuple[object, ...], tmp_path: Path
) -> None:
    """The scenario can fail: drop `where = { object_type = "T" }` and the staff thread leaks."""
    _, _, _, connector = helpdesk
    assert isinstance(connector, SqlDatabaseConnector)
    path = Path(connector._mapping_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('where = { object_type = "T" }\n', "", 1), encoding="utf-8")
    connector._mapping = None
    found = _search(connector, emails=("jan@example.com",))
    assert found["ost_thread_entry:3990"].strength is MatchStrength.STRONG


def test_osticket_second_address_alone_finds_the_person(helpdesk: tuple[object, ...]) -> None:
    _, _, hd, connector = helpdesk
    assert isinstance(connector, SqlDatabaseConnector)
    found = _search(connector, emails=("jan.work@example.org",))
    mine = {r for r, o in hd.owner.items() if o == hd.person}  # type: ignore[attr-defined]
    assert set(found) == mine
    assert all(f.strength is MatchStrength.STRONG for f in found.values())


def test_osticket_erasure_deletes_only_the_persons_rows(helpdesk: tuple[object, ...]) -> None:
    engine, md, hd, connector = helpdesk
    assert isinstance(connector, SqlDatabaseConnector) and isinstance(engine, sa.Engine)
    assert isinstance(md, sa.MetaData)

    def snapshot() -> set[tuple[str, tuple[object, ...]]]:
        with engine.connect() as conn:
            return {
                (t.name, tuple(r)) for t in md.tables.values() for r in conn.execute(sa.select(t))
            }

    before = snapshot()
    found = _search(connector, first_name="Jan", last_name="de Vries", emails=("jan@example.com",))
    chosen = [f for f in found.values() if f.strength is MatchStrength.STRONG]
    results = connector.erase(connector.plan_erasure(chosen), Progress(timeout_s=60))
    assert {r.outcome for r in results} == {Outcome.REMOVED}
    gone = before - snapshot()
    mine = {r for r, o in hd.owner.items() if o == hd.person}  # type: ignore[attr-defined]
    assert len(gone) == len(mine) and {name for name, _ in gone} <= {k.split(":")[0] for k in mine}
    again = _search(connector, first_name="Jan", last_name="de Vries", emails=("jan@example.com",))
    assert all(f.strength is MatchStrength.WEAK for f in again.values()) and len(again) == len(
        {r for r, o in hd.owner.items() if o in hd.namesakes}  # type: ignore[attr-defined]
    )


def test_osticket_connection_test_names_scans_and_a_writing_login(
    helpdesk: tuple[object, ...],
) -> None:
    _, _, _, connector = helpdesk
    assert isinstance(connector, SqlDatabaseConnector)
    report = connector.test_connection()
    assert "7 tables" in report
    # osTicket has no index on ost_thread_entry.user_id: the link from the user reads it all.
    assert "all of table ost_thread_entry" in report and "(user_id)" in report
    assert "all of table ost_ticket " not in report and "all of table ost_user_email" not in report
    assert "The search login may change data" in report


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def newsletter(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[object, ...]]:
    for url, schema in _target(request.param, tmp_path):
        md = phplist_metadata(schema)
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            md.create_all(conn)
            fill_phplist(conn, md)
        yield engine, md, _connector(url, schema, "phplist.mapping.toml", tmp_path)
        engine.dispose()


def _attributes(engine: sa.Engine, md: sa.MetaData) -> dict[tuple[int, int], str]:
    table = next(t for t in md.tables.values() if t.name == "phplist_user_user_attribute")
    with engine.connect() as conn:
        return {(r.attributeid, r.userid): r.value for r in conn.execute(sa.select(table))}


def test_phplist_names_in_attribute_rows_are_searched_and_weak(
    newsletter: tuple[object, ...],
) -> None:
    _, _, connector = newsletter
    assert isinstance(connector, SqlDatabaseConnector)
    found = _search(connector, first_name="fatima", last_name="EL AMRANI")
    assert {r for r in found if r.startswith("phplist_user_user:")} == {
        f"phplist_user_user:{i}" for i in (1, 2, 3, 4)
    }
    assert all(f.strength is MatchStrength.WEAK for f in found.values())
    found = _search(
        connector, first_name="Fatima", last_name="El Amrani", emails=("f.elamrani@example.com",)
    )
    strong = {r for r, f in found.items() if f.strength is MatchStrength.STRONG}
    assert strong == {
        "phplist_user_user:1", 'phplist_user_user_attribute:["1","1"]',
        'phplist_user_user_attribute:["2","1"]', 'phplist_user_user_attribute:["3","1"]',
        "phplist_user_user_history:11", 'phplist_listuser:["1","1"]',
    }  # fmt: skip
    assert found['phplist_user_user_attribute:["2","1"]'].fields == {"last name": "El Amrani"}
    assert not any(r.endswith(':["1","5"]') or r.endswith(":5") for r in found)


def test_phplist_rectify_first_name_changes_that_row_only_and_erasure_is_exact(
    newsletter: tuple[object, ...],
) -> None:
    engine, md, connector = newsletter
    assert isinstance(connector, SqlDatabaseConnector) and isinstance(engine, sa.Engine)
    assert isinstance(md, sa.MetaData)
    before = _attributes(engine, md)
    found = _search(connector, emails=("f.elamrani@example.com",))
    mine = list(found.values())
    plan = connector.plan_rectification(mine, [Correction("first name", "Fátima")])
    assert [_bare(i.record_id) for i in plan.items] == ['phplist_user_user_attribute:["1","1"]']
    results = connector.rectify(plan, Progress(timeout_s=60))
    assert [r.outcome for r in results] == [Outcome.CHANGED]
    after = _attributes(engine, md)
    assert {k for k in before if before[k] != after[k]} == {(1, 1)} and after[(1, 1)] == "Fátima"

    results = connector.erase(connector.plan_erasure(mine), Progress(timeout_s=60))
    failed = [_bare(r.record_id) for r in results if r.outcome is Outcome.FAILED]
    assert failed == ['phplist_user_user_attribute:["1","1"]']  # changed since the search
    assert sum(r.outcome is Outcome.REMOVED for r in results) == 5
    left = _attributes(engine, md)
    assert set(left) == {k for k in before if k[1] != 1} | {(1, 1)}  # exactly what was reported
    assert _search(connector, emails=("f.elamrani@example.com",)) == {}


def test_phplist_connection_test_names_the_unindexed_attribute_values(
    newsletter: tuple[object, ...],
) -> None:
    _, _, connector = newsletter
    assert isinstance(connector, SqlDatabaseConnector)
    report = connector.test_connection()
    assert "all of table phplist_user_user_attribute" in report and "(value)" in report
    assert "all of table phplist_user_user " not in report


def _reader(url: str, schema: str) -> Iterator[str]:
    """A login that may only read `schema` (PostgreSQL role / MariaDB user), dropped after."""
    base = sa.make_url(url)
    name = f"{base.database}_reader_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(url)
    pg = base.get_backend_name() == "postgresql"
    with admin.begin() as conn:
        if pg:
            conn.execute(sa.text(f"CREATE ROLE {name} LOGIN"))
            conn.execute(sa.text(f"GRANT USAGE ON SCHEMA {schema} TO {name}"))
            conn.execute(sa.text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {name}"))
        else:
            conn.execute(sa.text(f"CREATE USER '{name}'@'127.0.0.1'"))
            conn.execute(sa.text(f"GRANT SELECT ON {schema}.* TO '{name}'@'127.0.0.1'"))
    try:
        login = base.set(username=name, password=None, database=base.database if pg else schema)
        yield login.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            if pg:
                conn.execute(sa.text(f"DROP OWNED BY {name}"))
                conn.execute(sa.text(f"DROP ROLE {name}"))
            else:
                conn.execute(sa.text(f"DROP USER '{name}'@'127.0.0.1'"))
        admin.dispose()


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ],
)
def test_read_only_search_login_and_a_separate_erasure_login(kind: str, tmp_path: Path) -> None:
    for url, schema in _target(kind, tmp_path):
        assert schema is not None
        md = phplist_metadata(schema)
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            md.create_all(conn)
            fill_phplist(conn, md)
        engine.dispose()
        for reader in _reader(url, schema):
            searcher = _connector(reader, schema, "phplist.mapping.toml", tmp_path)
            assert "may change data" not in searcher.test_connection()
            found = searcher.search(
                Subject("c", emails=("p.jansen@example.org",)), Progress(timeout_s=30)
            )
            results = searcher.erase(searcher.plan_erasure(found), Progress(timeout_s=30))
            assert results and {r.outcome for r in results} == {Outcome.FAILED}  # read-only
            mapping = str(tmp_path / "phplist.mapping.toml")
            both = SqlDatabaseConnector(
                "source", {"url": reader, "mapping_file": mapping, "erase_url": url}, {}
            )
            assert "may change data" not in both.test_connection()
            results = both.erase(both.plan_erasure(found), Progress(timeout_s=30))
            assert {r.outcome for r in results} == {Outcome.REMOVED}
            assert _search(both, emails=("p.jansen@example.org",)) == {}


def test_attribute_rows_erased_column_by_column_touch_only_their_own_field(
    tmp_path: Path,
) -> None:
    """update_columns on an attribute table: the phone row is emptied, the name rows masked."""
    for url, schema in _target("sqlite", tmp_path):
        md = phplist_metadata(schema)
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            md.create_all(conn)
            fill_phplist(conn, md)
        text = (EXAMPLES / "phplist.mapping.toml").read_text(encoding="utf-8")
        head, _, rest = text.partition('name = "phplist_user_user_attribute"')
        rest = rest.replace('erasure = "delete_row"', 'erasure = "update_columns"', 1)
        rest = rest.replace('identifier = "first_name"', 'identifier = "first_name"\nerasure = '
                            '"mask"\nmask = "[verwijderd]"', 1)  # fmt: skip
        rest = rest.replace('identifier = "last_name"', 'identifier = "last_name"\nerasure = '
                            '"keep"\nreason = "Invoices"\nstatute = "AWR art. 52"', 1)  # fmt: skip
        rest = rest.replace('identifier = "phone"', 'identifier = "phone"\nerasure = "set_null"', 1)
        mapping = tmp_path / "attrs.toml"
        mapping.write_text(head + 'name = "phplist_user_user_attribute"' + rest, encoding="utf-8")
        connector = SqlDatabaseConnector("s", {"url": url, "mapping_file": str(mapping)}, {})
        found = connector.search(Subject("c", emails=("f.elamrani@example.com",)), Progress())
        attrs = [f for f in found if "attribute" in f.record_id]
        plan = connector.plan_erasure(attrs)
        assert sorted((_bare(i.record_id), i.action, i.fields) for i in plan.items) == [
            ('phplist_user_user_attribute:["1","1"]', "mask", ("first name",)),
            ('phplist_user_user_attribute:["2","1"]', "keep", ("last name",)),
            ('phplist_user_user_attribute:["3","1"]', "set_null", ("phone",)),
        ]
        results = connector.erase(plan, Progress(timeout_s=30))
        assert sorted(r.outcome.value for r in results) == ["changed", "changed", "kept"]
        after = _attributes(engine, md)
        assert (after[(1, 1)], after[(2, 1)], after[(3, 1)]) == ("[verwijderd]", "El Amrani", None)
        engine.dispose()
