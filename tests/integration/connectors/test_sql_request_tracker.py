"""Request Tracker's published schema on real PostgreSQL and MariaDB, with people and namesakes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.connectors.base import Finding, MatchStrength, Outcome, Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.core.progress import Progress
from tests.integration.connectors.request_tracker import NAMESAKES, PERSON, fill, load_schema
from tests.integration.connectors.test_sql_real_schemas import EXAMPLES, _target

SERVERS = [
    pytest.param("postgresql", marks=pytest.mark.postgres),
    pytest.param("mariadb", marks=pytest.mark.mariadb),
]


@pytest.fixture(params=SERVERS)
def rt(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[object, ...]]:
    kind = str(request.param)
    for url, schema in _target(kind, tmp_path):
        assert schema is not None
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            created = load_schema(conn, kind, schema)
            hd = fill(conn, kind)
        assert created >= 30  # RT 5.0.3 has 33 tables: the whole published file was loaded
        example = "request-tracker.pg.mapping.toml" if kind == "postgresql" else (
            "request-tracker.mapping.toml")  # fmt: skip
        text = (EXAMPLES / example).read_text(encoding="utf-8")
        mapping = tmp_path / example
        mapping.write_text(text.replace("version = 2\n", f'version = 2\nschema = "{schema}"\n', 1))
        connector = SqlDatabaseConnector("RT", {"url": url, "mapping_file": str(mapping)}, {})
        yield kind, engine, schema, hd, connector
        engine.dispose()


def _namer(kind: str) -> Callable[[str], str]:
    """RT's names as the server keeps them: lower case on PostgreSQL (created unquoted)."""
    return str.lower if kind == "postgresql" else str


def _search(connector: SqlDatabaseConnector, **values: object) -> dict[str, Finding]:
    found = connector.search(Subject("2026-0042", **values), Progress(timeout_s=60))  # type: ignore[arg-type]
    return {f.record_id.partition(".")[2]: f for f in found}


def _strength(found: dict[str, Finding], strength: MatchStrength) -> set[str]:
    return {r for r, f in found.items() if f.strength is strength}


def test_found_strongly_by_email_with_tickets_and_transactions(rt: tuple[object, ...]) -> None:
    kind, _, _, hd, connector = rt
    assert isinstance(connector, SqlDatabaseConnector)
    found = _search(connector, first_name="Zoe", last_name="de Vries",
                    emails=("Zoe.DeVries@Example.com",))  # fmt: skip
    mine = hd.of(PERSON)  # type: ignore[attr-defined]
    theirs = hd.of(*NAMESAKES)  # type: ignore[attr-defined]
    assert _strength(found, MatchStrength.STRONG) == mine
    assert _strength(found, MatchStrength.WEAK) == theirs  # namesakes: only ever weak
    t = _namer(str(kind))
    # the polymorphic join condition: a queue's, a group's, the staff's transactions stay out,
    # and so do their attachments, a system attribute and a ticket's custom field
    for other in ("Transactions:1004", "Transactions:1005", "Transactions:1006",
                  "Attachments:5003", "Attachments:5004", "Attributes:8002",
                  "ObjectCustomFieldValues:7003", "ObjectCustomFieldValues:7004"):  # fmt: skip
        assert t(other) not in found, other
    reply = found[t("Transactions:1001")]  # the staff's reply on her ticket is about her
    assert reply.strength is MatchStrength.STRONG and "Belongs to" in reply.note
    assert found[t("Users:10")].matched.value == "Zoe.DeVries@Example.com"


def test_customer_number_in_a_custom_field_finds_the_person(rt: tuple[object, ...]) -> None:
    _, _, _, hd, connector = rt
    assert isinstance(connector, SqlDatabaseConnector)
    found = _search(connector, customer_numbers=("C-1001",))
    assert set(found) == hd.of(PERSON)  # type: ignore[attr-defined]
    assert _strength(found, MatchStrength.STRONG) == set(found)


def test_a_namesake_alone_is_only_weak(rt: tuple[object, ...]) -> None:
    _, _, _, hd, connector = rt
    assert isinstance(connector, SqlDatabaseConnector)
    for first, last in (("Zoë", "de Vries"), ("ZOE", "DE VRIES")):
        found = _search(connector, first_name=first, last_name=last)
        assert set(found) == hd.of(PERSON, *NAMESAKES)  # type: ignore[attr-defined]
        assert _strength(found, MatchStrength.STRONG) == set()


def _rows(engine: sa.Engine, kind: str, schema: str) -> dict[str, set[tuple[object, ...]]]:
    names = ["Users", "Tickets", "Transactions", "Attachments", "ObjectCustomFieldValues",
             "Attributes"]  # fmt: skip
    out = {}
    with engine.connect() as conn:
        for name in names:
            table = name.lower() if kind == "postgresql" else name
            rows = conn.exec_driver_sql(f"SELECT * FROM {schema}.{table} ORDER BY id").all()
            out[name] = {tuple(r) for r in rows}
    return out


def test_erasure_children_before_parents_in_one_transaction(rt: tuple[object, ...]) -> None:
    kind, engine, schema, hd, connector = rt
    assert isinstance(connector, SqlDatabaseConnector) and isinstance(engine, sa.Engine)
    assert isinstance(schema, str) and isinstance(kind, str)
    found = _search(connector, emails=("zoe.devries@example.com",))
    plan = connector.plan_erasure([f for f in found.values()])
    order = [connector._groups(plan, "erasure")[i][0].partition(".")[2].split(":")[0].lower()
             for i in range(len({i.record_id for i in plan.items}))]  # fmt: skip
    depth = {"attachments": 3, "transactions": 2, "tickets": 1, "users": 0}
    ranks = [depth.get(name, 1) for name in order]
    assert ranks == sorted(ranks, reverse=True), order  # attachments ... users last

    # A constraint checked at commit refuses the users update: with one transaction nothing of
    # the plan remains done (per-record transactions would have deleted the children already).
    before = _rows(engine, kind, schema)
    users = f"{schema}.users" if kind == "postgresql" else f"{schema}.Users"
    with engine.begin() as conn:
        if kind == "postgresql":
            conn.exec_driver_sql(
                f"CREATE FUNCTION {schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'users are frozen'; END $$"
            )
            conn.exec_driver_sql(
                f"CREATE CONSTRAINT TRIGGER frozen AFTER UPDATE ON {users} DEFERRABLE "
                f"INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {schema}.refuse()"
            )
        else:  # MariaDB has no deferred constraints: refuse the update itself
            conn.exec_driver_sql(
                f"CREATE TRIGGER {schema}.frozen BEFORE UPDATE ON {users} FOR EACH ROW "
                "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'users are frozen'"
            )
    results = connector.erase(plan, Progress(timeout_s=60))
    failed = {r.record_id.partition(".")[2] for r in results if r.outcome is Outcome.FAILED}
    if kind == "postgresql":
        assert failed == set(found) and _rows(engine, kind, schema) == before
        assert all("Nothing was changed" in r.detail for r in results)
    else:  # the refused record is rolled back alone and named; the rest is done together
        assert failed == {"Users:10"}
        assert "users are frozen" in next(r.detail for r in results if r.outcome is Outcome.FAILED)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TRIGGER frozen ON {users}" if kind == "postgresql" else
                             f"DROP TRIGGER {schema}.frozen")  # fmt: skip

    results = connector.erase(plan, Progress(timeout_s=60))
    assert {r.outcome for r in results} <= {Outcome.REMOVED, Outcome.CHANGED}
    after = _rows(engine, kind, schema)
    gone = {name: before[name] - after[name] for name in before}
    assert sum(len(v) for k, v in gone.items() if k != "Users") == len(hd.of(PERSON)) - 1  # type: ignore[attr-defined]
    again = _search(connector, first_name="Zoë", last_name="de Vries",
                    emails=("zoe.devries@example.com",))  # fmt: skip
    assert set(again) == hd.of(*NAMESAKES)  # type: ignore[attr-defined]
    assert _strength(again, MatchStrength.STRONG) == set()


def test_connection_test_names_scans_and_index_advice(rt: tuple[object, ...]) -> None:
    kind, _, _, _, connector = rt
    assert isinstance(connector, SqlDatabaseConnector)
    report = str(connector.test_connection())
    assert "6 tables" in report, report
    t = _namer(str(kind))
    # RT has no index on Tickets.Creator: the link from the user reads every ticket.
    advice = f"ask the database administrator for an index on {t('Tickets')} ({t('Creator')})"
    assert advice in report, report
    # Polymorphic links are served by RT's (ObjectType, ObjectId) indexes, with the condition.
    for served in ("Transactions", "Attributes", "Attachments"):
        assert f"all of table {t(served)} " not in report, report
    if kind == "postgresql":  # e-mail and login: lower() indexes; the name: folded, a full read
        assert "all of table users (no index" not in report, report
        assert "A search by name reads all of table users:" in report, report
    else:  # utf8mb4_general_ci ignores accents: an index on RealName would serve names
        assert "index on Users (RealName)" in report, report
        assert "A search by name reads" not in report, report
