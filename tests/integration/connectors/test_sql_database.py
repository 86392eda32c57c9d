"""The SQL connector against real SQLite, PostgreSQL and MariaDB databases (one shared scenario)."""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.connectors.base import ChangePlan, Correction, Finding, MatchStrength, Outcome, Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.connectors.sql_model import MappingError
from app.core.errors import ConnectorError
from app.core.progress import Progress
from app.demo.sample_systems import SamplePerson, fill_ssp, ssp_mapping_text, ssp_metadata

PG_ENV = "PRIVACY_DESK_TEST_PG_URL"
MARIADB_ENV = "PRIVACY_DESK_TEST_MARIADB_URL"

JAN = SamplePerson(
    "Jan", "de Vries", "jan.devries@example.com", "DB-10001", "06-12345678",
    "5253 RE", "18", "Hopbrouwer", "Nieuwkuijk", date(1980, 3, 4),
)  # fmt: skip
FATIMA = SamplePerson(
    "Fatima", "El Amrani", "f.elamrani@example.com", "DB-10002", "+31 6 87654321",
    "3511 LX", "7", "Oudegracht", "Utrecht", date(1991, 7, 1),
)  # fmt: skip
PEOPLE = [JAN, FATIMA]


@dataclass
class Ssp:
    """One freshly filled portal database and a connector configured for it."""

    engine: sa.Engine
    tables: dict[str, sa.Table]
    connector: SqlDatabaseConnector
    url: str
    mapping_file: Path
    everyone: list[SamplePerson]
    schema: str | None

    def rid(self, table: str, pk: object) -> str:
        return f"{self.schema}.{table}:{pk}" if self.schema else f"{table}:{pk}"

    def customer_id(self, person: SamplePerson) -> int:
        with self.engine.connect() as conn:
            c = self.tables["customers"].c
            stmt = sa.select(c.id).where(c.customer_number == person.customer_number)
            return int(conn.execute(stmt).scalar_one())

    def owner(self, record_id: str) -> int:
        """The customer id a record belongs to, worked out independently of the connector."""
        table, _, pk = record_id.partition(":")
        t = self.tables
        with self.engine.connect() as conn:
            if table.endswith("customers"):
                return int(pk)
            if table.endswith("remote_sessions"):
                ticket = conn.execute(
                    sa.select(t["remote_sessions"].c.ticket_id).where(
                        t["remote_sessions"].c.id == int(pk)
                    )
                ).scalar_one()
                table, pk = "tickets", str(ticket)
            name = "tickets" if table.endswith("tickets") else "portal_logins"
            col = t[name].c
            return int(
                conn.execute(sa.select(col.customer_id).where(col.id == int(pk))).scalar_one()
            )

    def snapshot(self) -> dict[str, set[tuple[Any, ...]]]:
        with self.engine.connect() as conn:
            return {
                n: set(map(tuple, conn.execute(sa.select(t)).all())) for n, t in self.tables.items()
            }

    def search(self, subject: Subject) -> list[Finding]:
        return list(self.connector.search(subject, Progress(timeout_s=30)))


def _sqlite(tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    yield f"sqlite:///{tmp_path / 'portal.sqlite'}", None


def _server(env: str, label: str, dialect: str) -> Iterator[tuple[str, str | None]]:
    url = os.environ.get(env)
    if not url:
        pytest.skip(f"set {env} to run against {label}")
    schema = f"pd_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(url)
    ddl = "SCHEMA" if dialect == "postgresql" else "DATABASE"
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE {ddl} {schema}"))
    try:
        yield url, schema
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP {ddl} {schema} CASCADE" if ddl == "SCHEMA"
                                 else f"DROP DATABASE {schema}"))  # fmt: skip
        admin.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ]
)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    if request.param == "sqlite":
        yield from _sqlite(tmp_path)
    elif request.param == "postgresql":
        yield from _server(PG_ENV, "PostgreSQL", "postgresql")
    else:
        yield from _server(MARIADB_ENV, "MariaDB", "mysql")


@pytest.fixture
def ssp(backend: tuple[str, str | None], tmp_path: Path) -> Iterator[Ssp]:
    url, schema = backend
    md = ssp_metadata(schema)
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
    with engine.begin() as conn:
        md.create_all(conn)
        everyone = fill_ssp(conn, md, PEOPLE, rng_seed=11)
    mapping = tmp_path / "portal.toml"
    mapping.write_text(ssp_mapping_text(schema), encoding="utf-8")
    connector = SqlDatabaseConnector(
        "Self Service Portal", {"url": url, "mapping_file": str(mapping)}, {}
    )
    tables = {t.name: t for t in md.tables.values()}
    yield Ssp(engine, tables, connector, url, mapping, everyone, schema)
    engine.dispose()


def jan_subject(**extra: Any) -> Subject:
    values: dict[str, Any] = {"first_name": "Jan", "last_name": "de Vries"}
    values.update(extra)
    return Subject("2026-0001", **values)


def test_connection_reports_the_mapped_tables(ssp: Ssp) -> None:
    assert "4 tables and 20 columns mapped, all present" in ssp.connector.test_connection()


def test_search_finds_customer_and_children_through_the_join(ssp: Ssp) -> None:
    jan_id = ssp.customer_id(JAN)
    findings = ssp.search(jan_subject(emails=("JAN.DeVries@Example.com ",)))
    strong = {f.record_id: f for f in findings if f.strength is MatchStrength.STRONG}

    t = ssp.tables
    with ssp.engine.connect() as conn:
        tickets = (
            conn.execute(sa.select(t["tickets"].c.id).where(t["tickets"].c.customer_id == jan_id))
            .scalars()
            .all()
        )
        sessions = (
            conn.execute(
                sa.select(t["remote_sessions"].c.id).where(
                    t["remote_sessions"].c.ticket_id.in_(tickets)
                )
            )
            .scalars()
            .all()
        )
        logins = (
            conn.execute(
                sa.select(t["portal_logins"].c.id).where(t["portal_logins"].c.customer_id == jan_id)
            )
            .scalars()
            .all()
        )
    expected = {ssp.rid("customers", jan_id)}
    expected |= {ssp.rid("tickets", i) for i in tickets}
    expected |= {ssp.rid("remote_sessions", i) for i in sessions}
    expected |= {ssp.rid("portal_logins", i) for i in logins}
    assert len(tickets) >= 2
    assert set(strong) == expected
    customer = strong[ssp.rid("customers", jan_id)]
    assert customer.fields["e-mail address"] == JAN.email
    assert customer.fields["customer number"] == JAN.customer_number
    assert customer.matched.kind == "email"
    assert "contact details" in customer.categories
    ticket = strong[ssp.rid("tickets", tickets[0])]
    assert ticket.location == "Support tickets" and "Belongs to" in ticket.note


def test_namesakes_never_get_each_others_data(ssp: Ssp) -> None:
    jan_id = ssp.customer_id(JAN)
    namesake = next(
        p for p in ssp.everyone[2:] if (p.first_name, p.last_name) == ("Jan", "de Vries")
    )
    namesake_id = ssp.customer_id(namesake)

    findings = ssp.search(jan_subject(emails=(JAN.email,)))
    owners = {f.record_id: ssp.owner(f.record_id) for f in findings}
    assert {owners[f.record_id] for f in findings if f.strength is MatchStrength.STRONG} == {jan_id}
    namesake_rows = [f for f in findings if owners[f.record_id] == namesake_id]
    assert namesake_rows, "a name-only match is still shown for review"
    assert all(f.strength is MatchStrength.WEAK for f in namesake_rows)

    # A customer number the namesake does not have rules the namesake out altogether.
    findings = ssp.search(jan_subject(customer_numbers=(JAN.customer_number,)))
    assert {ssp.owner(f.record_id) for f in findings} == {jan_id}
    # So does a different birth date; name + birth date is a strong match.
    findings = ssp.search(jan_subject(birth_date=JAN.birth_date))
    assert {ssp.owner(f.record_id) for f in findings} == {jan_id}
    assert all(f.strength is MatchStrength.STRONG for f in findings)
    # The namesake's own e-mail finds only the namesake's records as strong.
    findings = ssp.search(jan_subject(emails=(namesake.email,)))
    strong = {ssp.owner(f.record_id) for f in findings if f.strength is MatchStrength.STRONG}
    assert strong == {namesake_id}


def test_phone_and_address_alone_are_weak_and_with_name_strong(ssp: Ssp) -> None:
    fatima_id = ssp.customer_id(FATIMA)
    by_phone = ssp.search(Subject("c", phones=("0687654321",)))
    customers = [f for f in by_phone if ssp.owner(f.record_id) == fatima_id]
    assert customers and all(f.strength is MatchStrength.WEAK for f in customers)
    by_address = ssp.search(
        Subject(
            "c", first_name="Fatima", last_name="el amrani", postcode="3511LX", house_number="7"
        )
    )
    for f in by_address:  # her namesake matches on the name only
        assert (f.strength is MatchStrength.STRONG) == (ssp.owner(f.record_id) == fatima_id)
    assert any(f.strength is MatchStrength.STRONG for f in by_address)


def test_erasure_end_to_end_touches_only_the_subject(ssp: Ssp) -> None:
    jan_id = ssp.customer_id(JAN)
    before = ssp.snapshot()
    findings = [
        f
        for f in ssp.search(jan_subject(emails=(JAN.email,)))
        if f.strength is MatchStrength.STRONG
    ]
    plan = ssp.connector.plan_erasure(findings)
    actions = {(i.record_id.split(":")[0].split(".")[-1], i.action) for i in plan.items}
    assert ("tickets", "delete_row") in actions and ("customers", "mask") in actions
    assert ("customers", "keep") in actions

    results = ssp.connector.erase(plan, Progress(timeout_s=60))

    assert {r.outcome for r in results} == {Outcome.REMOVED, Outcome.CHANGED, Outcome.KEPT}
    kept = [r for r in results if r.outcome is Outcome.KEPT]
    assert any("art. 52 Algemene wet inzake rijksbelastingen" in r.detail for r in kept)
    after = ssp.snapshot()
    t = ssp.tables
    with ssp.engine.connect() as conn:
        customer = conn.execute(
            sa.select(t["customers"]).where(t["customers"].c.id == jan_id)
        ).one()
        tickets = conn.execute(
            sa.select(t["tickets"]).where(t["tickets"].c.customer_id == jan_id)
        ).all()
        logins = conn.execute(
            sa.select(t["portal_logins"]).where(t["portal_logins"].c.customer_id == jan_id)
        ).all()
    assert customer.email is None and customer.phone is None and customer.birth_date is None
    assert (customer.first_name, customer.last_name) == ("[verwijderd]", "[verwijderd]")
    assert customer.customer_number == JAN.customer_number  # kept: fiscal retention
    assert tickets == []
    assert logins and all(r.ip_address == "0.0.0.0" and r.user_agent is None for r in logins)
    assert all(r.logged_in_at is not None for r in logins)

    # Every row that was not the subject's is exactly as before.
    touched = {f.record_id for f in findings}
    for name in before:
        untouched_before = {r for r in before[name] if ssp.rid(name, r[0]) not in touched}
        untouched_after = {r for r in after[name] if ssp.rid(name, r[0]) not in touched}
        assert untouched_before == untouched_after, name
    assert sum(len(v) for v in before.values()) - sum(len(v) for v in after.values()) == sum(
        r.outcome is Outcome.REMOVED for r in results
    )

    # A second run changes nothing and says so.
    again = ssp.connector.erase(plan, Progress(timeout_s=60))
    assert all(r.outcome is not Outcome.FAILED for r in again)
    assert all(r.detail.startswith("Already") for r in again if r.outcome is not Outcome.KEPT)
    assert ssp.snapshot() == after


def test_rerun_after_a_real_failure_finishes_the_rest(ssp: Ssp) -> None:
    jan_id = ssp.customer_id(JAN)
    # An unmapped table that still refers to one of Jan's tickets blocks deleting that ticket.
    md = next(iter(ssp.tables.values())).metadata
    attachments = sa.Table(
        "ticket_attachments",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket_id", sa.Integer, sa.ForeignKey(ssp.tables["tickets"].c.id)),
    )
    with ssp.engine.begin() as conn:
        attachments.create(conn)
        t = ssp.tables["tickets"]
        blocked = (
            conn.execute(sa.select(t.c.id).where(t.c.customer_id == jan_id).order_by(t.c.id))
            .scalars()
            .first()
        )
        conn.execute(attachments.insert().values(id=1, ticket_id=blocked))
    findings = [
        f
        for f in ssp.search(jan_subject(emails=(JAN.email,)))
        if f.strength is MatchStrength.STRONG
    ]
    plan = ssp.connector.plan_erasure(findings)

    first = ssp.connector.erase(plan, Progress(timeout_s=60))

    failed = [r for r in first if r.outcome is Outcome.FAILED]
    assert [r.record_id.rsplit(":", 1) for r in failed] == [
        [failed[0].record_id.rsplit(":")[0], str(blocked)]
    ]
    assert "refused" in failed[0].detail
    done_first = {r.record_id for r in first if r.outcome is Outcome.REMOVED}
    assert len(done_first) >= 1
    with ssp.engine.begin() as conn:
        conn.execute(attachments.delete())  # the officer sorts out the attachment

    second = ssp.connector.erase(plan, Progress(timeout_s=60))

    assert all(r.outcome is not Outcome.FAILED for r in second)
    for r in second:
        if r.record_id == failed[0].record_id:
            assert r.outcome is Outcome.REMOVED and not r.detail.startswith("Already")
        elif r.outcome is not Outcome.KEPT:
            assert r.detail.startswith("Already"), r
    with ssp.engine.connect() as conn:
        assert conn.execute(sa.select(t.c.id).where(t.c.customer_id == jan_id)).all() == []


def test_cancel_during_erasure_reports_what_was_done_and_a_rerun_finishes(ssp: Ssp) -> None:
    findings = [
        f
        for f in ssp.search(jan_subject(emails=(JAN.email,)))
        if f.strength is MatchStrength.STRONG
    ]
    plan = ssp.connector.plan_erasure(findings)
    progress = Progress(
        on_progress=lambda fraction, _m: progress.cancel() if fraction > 0 else None
    )

    first = ssp.connector.erase(plan, progress)

    assert len(first) == len(plan.items)
    assert first[0].outcome is Outcome.REMOVED and first[0].detail == "Row deleted."
    cancelled = [r for r in first if r.outcome is Outcome.FAILED]
    assert cancelled and all(r.detail == "Cancelled before this record." for r in cancelled)
    second = ssp.connector.erase(plan, Progress(timeout_s=60))
    assert second[0].detail.startswith("Already gone")
    assert all(r.outcome is not Outcome.FAILED for r in second)


def test_a_record_that_became_someone_elses_is_not_touched(ssp: Ssp) -> None:
    jan_id = ssp.customer_id(JAN)
    fatima_id = ssp.customer_id(FATIMA)
    t = ssp.tables["tickets"]
    findings = [
        f for f in ssp.search(jan_subject(emails=(JAN.email,)))
        if f.strength is MatchStrength.STRONG and ":" in f.record_id
        and f.record_id.split(":")[0].endswith("tickets")
    ]  # fmt: skip
    plan = ssp.connector.plan_erasure(findings[:1])
    ticket_id = int(findings[0].record_id.rsplit(":", 1)[1])
    with ssp.engine.begin() as conn:  # the ticket moves to another customer and is rewritten
        rs = ssp.tables["remote_sessions"]
        conn.execute(rs.delete().where(rs.c.ticket_id == ticket_id))
        conn.execute(
            t.update().where(t.c.id == ticket_id).values(customer_id=fatima_id, subject="Other")
        )

    results = ssp.connector.erase(plan, Progress(timeout_s=60))

    assert [r.outcome for r in results] == [Outcome.FAILED]
    assert "changed after the plan" in results[0].detail
    with ssp.engine.connect() as conn:
        assert (
            conn.execute(sa.select(t.c.customer_id).where(t.c.id == ticket_id)).scalar()
            == fatima_id
        )
    assert jan_id != fatima_id


def test_rectification_changes_old_to_new(ssp: Ssp) -> None:
    jan_id = ssp.customer_id(JAN)
    findings = [
        f for f in ssp.search(jan_subject(emails=(JAN.email,)))
        if f.strength is MatchStrength.STRONG and f.record_id.split(":")[0].endswith("customers")
    ]  # fmt: skip
    corrections = [
        Correction("E-mail address", "jan@devries.example.nl"),
        Correction("date of birth", "1980-04-03"),
        Correction("customer number", "DB-99999"),
    ]
    plan = ssp.connector.plan_rectification(findings, corrections)
    assert sorted(i.action for i in plan.items) == ["keep", "update", "update"]

    results = ssp.connector.rectify(plan, Progress(timeout_s=60))

    changed = [r for r in results if r.outcome is Outcome.CHANGED]
    assert len(changed) == 2
    assert f"{JAN.email} -> jan@devries.example.nl" in " ".join(r.detail for r in changed)
    assert [r.outcome for r in results if r.outcome is Outcome.KEPT] == [Outcome.KEPT]
    c = ssp.tables["customers"].c
    with ssp.engine.connect() as conn:
        row = conn.execute(
            sa.select(c.email, c.birth_date, c.customer_number).where(c.id == jan_id)
        ).one()
    assert tuple(row) == ("jan@devries.example.nl", date(1980, 4, 3), JAN.customer_number)
    again = ssp.connector.rectify(plan, Progress(timeout_s=60))
    assert all(r.detail == "Already done earlier." for r in again if r.outcome is Outcome.CHANGED)


def test_invalid_correction_fails_with_a_clear_message(ssp: Ssp) -> None:
    findings = [
        f for f in ssp.search(jan_subject(emails=(JAN.email,)))
        if f.record_id.split(":")[0].endswith("customers") and f.strength is MatchStrength.STRONG
    ]  # fmt: skip
    plan = ssp.connector.plan_rectification(findings, [Correction("date of birth", "4 maart")])
    results = ssp.connector.rectify(plan, Progress(timeout_s=60))
    assert [r.outcome for r in results] == [Outcome.FAILED]
    assert "expects a date (YYYY-MM-DD)" in results[0].detail


def test_injection_shaped_identifiers_match_nothing(ssp: Ssp) -> None:
    before = ssp.snapshot()
    evil = "x' OR '1'='1"
    subject = Subject(
        "c",
        first_name=evil,
        last_name="' OR 1=1 --",
        emails=(evil, "'; DROP TABLE customers; --"),
        customer_numbers=(evil,),
        user_ids=(evil,),
        phones=("0612' OR '1'='1",),
        postcode="1234' OR '1'='1",
        house_number="1",
        ip_addresses=(evil,),
    )
    assert ssp.search(subject) == []
    assert ssp.snapshot() == before


def test_unreachable_server_gives_a_clear_error(ssp: Ssp, tmp_path: Path) -> None:
    url = sa.make_url(ssp.url)
    if url.get_backend_name() == "sqlite":
        bad = str(url.set(database=str(tmp_path / "missing.sqlite")))
        expected = "does not exist"
    else:
        bad = url.set(port=1).render_as_string(hide_password=False)
        expected = "Cannot connect to"
    connector = SqlDatabaseConnector("x", {"url": bad, "mapping_file": str(ssp.mapping_file)}, {})
    with pytest.raises(ConnectorError, match=expected):
        connector.test_connection()
    with pytest.raises(ConnectorError, match=expected):
        connector.search(jan_subject(emails=(JAN.email,)), Progress(timeout_s=5))


def test_garbage_or_mismatched_mapping_file_names_the_problem(ssp: Ssp, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.toml"
    garbage.write_text("tables = [ this is not toml", encoding="utf-8")
    connector = SqlDatabaseConnector("x", {"url": ssp.url, "mapping_file": str(garbage)}, {})
    with pytest.raises(MappingError, match=r"garbage\.toml is not valid TOML"):
        connector.test_connection()

    wrong = tmp_path / "wrong.toml"
    wrong.write_text(
        ssp.mapping_file.read_text(encoding="utf-8")
        .replace('email = "email"', 'email = "mail"')
        .replace("[tables.columns.email]", "[tables.columns.mail]"),
        encoding="utf-8",
    )
    connector = SqlDatabaseConnector("x", {"url": ssp.url, "mapping_file": str(wrong)}, {})
    with pytest.raises(ConnectorError, match="has no column 'mail'"):
        connector.test_connection()


def test_password_from_secrets_is_used_but_never_shown(ssp: Ssp) -> None:
    url = sa.make_url(ssp.url)
    if url.get_backend_name() == "sqlite":
        pytest.skip("SQLite has no password")
    bad = url.set(port=1).render_as_string(hide_password=False)
    connector = SqlDatabaseConnector(
        "x", {"url": bad, "mapping_file": str(ssp.mapping_file)}, {"password": "s3cret-Pw"}
    )
    with pytest.raises(ConnectorError) as info:
        connector.test_connection()
    assert "s3cret-Pw" not in str(info.value) and "***" in str(info.value)


SUBSCRIPTIONS_MAPPING = """
[[tables]]
name = "subscriptions"
label = "Mailing lists"
primary_key = ["customer_id", "list_code"]
category = "newsletter"
erasure = "delete_row"
join = "customer_id -> customers.id"

[tables.columns.list_code]
field = "mailing list"

[tables.columns.since]
field = "subscribed since"
rectifiable = true
"""


def test_composite_primary_key_search_erase_and_rectify(ssp: Ssp) -> None:
    md = next(iter(ssp.tables.values())).metadata
    subscriptions = sa.Table(
        "subscriptions",
        md,
        sa.Column("customer_id", sa.Integer, sa.ForeignKey(ssp.tables["customers"].c.id),
                  primary_key=True),
        sa.Column("list_code", sa.String(40), primary_key=True),  # a key part with ':' in it
        sa.Column("since", sa.String(10)),
    )  # fmt: skip
    jan, fatima = ssp.customer_id(JAN), ssp.customer_id(FATIMA)
    rows = [
        (jan, "news:weekly", "2024-01-01"), (jan, "offers", "2024-02-01"),
        (fatima, "news:weekly", "2024-03-01"), (fatima, "offers", "2024-04-01"),
    ]  # fmt: skip
    with ssp.engine.begin() as conn:
        subscriptions.create(conn)
        conn.execute(
            subscriptions.insert(),
            [{"customer_id": c, "list_code": code, "since": s} for c, code, s in rows],
        )
    ssp.mapping_file.write_text(
        ssp_mapping_text(ssp.schema) + SUBSCRIPTIONS_MAPPING, encoding="utf-8"
    )
    connector = SqlDatabaseConnector(
        "Self Service Portal", {"url": ssp.url, "mapping_file": str(ssp.mapping_file)}, {}
    )
    found = [
        f
        for f in connector.search(jan_subject(emails=(JAN.email,)), Progress(timeout_s=30))
        if f.location == "Mailing lists"
    ]
    assert sorted(f.record_id for f in found) == [
        ssp.rid("subscriptions", f'["{jan}","news:weekly"]'),
        ssp.rid("subscriptions", f'["{jan}","offers"]'),
    ]
    weekly = next(f for f in found if "weekly" in f.record_id)
    assert weekly.fields == {"mailing list": "news:weekly", "subscribed since": "2024-01-01"}

    fix = connector.plan_rectification([weekly], [Correction("subscribed since", "2024-01-15")])
    [changed] = connector.rectify(fix, Progress(timeout_s=30))
    assert changed.outcome is Outcome.CHANGED

    offers = next(f for f in found if "offers" in f.record_id)
    results = connector.erase(connector.plan_erasure([offers]), Progress(timeout_s=30))
    assert [r.outcome for r in results] == [Outcome.REMOVED]

    with ssp.engine.connect() as conn:
        left = set(map(tuple, conn.execute(sa.select(subscriptions)).all()))
    assert left == {
        (jan, "news:weekly", "2024-01-15"),  # corrected, still subscribed
        (fatima, "news:weekly", "2024-03-01"), (fatima, "offers", "2024-04-01"),  # untouched
    }  # fmt: skip
    wrong = dataclasses.replace(
        connector.plan_erasure([offers]).items[0],
        record_id=ssp.rid("subscriptions", '["only-one"]'),  # a key of the wrong shape
    )
    bad = connector.erase(ChangePlan(connector.name, "erasure", (wrong,)), Progress(timeout_s=30))
    assert bad[0].outcome is Outcome.FAILED and "Unknown record" in bad[0].detail
