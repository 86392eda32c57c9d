"""Benchmark: SQL connector search vs a hand-written indexed query, 1M customers / 10M orders.

By default (CI) the same code runs at 1/100 of the size and checks that the connector finds
exactly the rows the hand-written query finds; PRIVACY_DESK_BENCH=1 runs the full size and the
printed ratios are the figures (goal: within 2x for the strong identifiers). The searches
rotate over e-mail, customer number and phone; the hand-written query is the same lookup
(customer by the indexed column, then their orders) through the same driver stack, measured
two ways: as a script (a new engine and connection per search) and as an application (its
engine kept, a new connection per search, as the connector does). The runs alternate (hand,
connector, ...) so that the machine's load falls on every side. PRIVACY_DESK_BENCH_CUSTOMERS
and PRIVACY_DESK_BENCH_ORDERS set other sizes (e.g. 1M / 3M where 10M rows fill too slowly).
"""

from __future__ import annotations

import os
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from app.connectors.base import Subject
from app.connectors.sql_database import SqlDatabaseConnector
from app.core.progress import Progress

FULL = os.environ.get("PRIVACY_DESK_BENCH") == "1"
CUSTOMERS = int(os.environ.get("PRIVACY_DESK_BENCH_CUSTOMERS") or 0) or (
    1_000_000 if FULL else 10_000
)
ORDERS = int(os.environ.get("PRIVACY_DESK_BENCH_ORDERS") or 0) or 10 * CUSTOMERS
ROUNDS = 45  # each person (5) by each kind (3), three times
MAPPING = """
[[tables]]
name = "customers"
primary_key = "id"
category = "contact details"
erasure = "delete_row"
[tables.identifiers]
email = "email"
customer_number = "customer_number"
phone = "phone"
[tables.columns.email]
field = "e-mail address"
[tables.columns.customer_number]
field = "customer number"
[tables.columns.phone]
field = "phone"

[[tables]]
name = "orders"
primary_key = "id"
category = "orders"
erasure = "delete_row"
join = "customer_id -> customers.id"
[tables.columns.total]
field = "total"
"""


def _rows(dialect: str, n: int, select: str) -> str:
    """`select` (over the number x = 1..n) as a row source in this dialect's own way."""
    if dialect == "sqlite":
        return f"WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < {n}) "
    if dialect == "postgresql":
        return f"SELECT {select} FROM generate_series(1, {n}) AS s(x)"
    return f"SELECT {select} FROM (SELECT seq AS x FROM seq_1_to_{n}) AS s"


def _fill(conn: sa.Connection, prefix: str) -> None:
    dialect = conn.dialect.name
    conn.exec_driver_sql(
        f"CREATE TABLE {prefix}customers (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, "
        "customer_number VARCHAR(20) NOT NULL, phone VARCHAR(20), first_name VARCHAR(50), "
        "last_name VARCHAR(50))"
    )
    conn.exec_driver_sql(
        f"CREATE TABLE {prefix}orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, "
        "total NUMERIC(10, 2))"
    )
    if dialect == "mysql":
        customer = (
            "x, CONCAT('person', x, '@example.com'), CONCAT('C', x), CONCAT('06', x + 10000000), "
            "'Jan', 'Jansen'"
        )
    else:
        customer = (
            "x, 'person' || x || '@example.com', 'C' || x, '06' || (x + 10000000), 'Jan', 'Jansen'"
        )
    if dialect == "sqlite":
        order = f"x, (x % {CUSTOMERS}) + 1, x % 500"
    else:  # no % in statements sent through a pyformat driver
        order = f"x, MOD(x, {CUSTOMERS}) + 1, MOD(x, 500)"
    for table, n, select in (("customers", CUSTOMERS, customer), ("orders", ORDERS, order)):
        rows = _rows(dialect, n, select)
        if dialect == "sqlite":
            conn.exec_driver_sql(f"{rows}INSERT INTO {table} SELECT {select} FROM s")
        else:
            conn.exec_driver_sql(f"INSERT INTO {prefix}{table} {rows}")
    for name, column in (("email", "email"), ("number", "customer_number"), ("phone", "phone")):
        conn.exec_driver_sql(f"CREATE INDEX ix_c_{name} ON {prefix}customers ({column})")
    conn.exec_driver_sql(f"CREATE INDEX ix_o_customer ON {prefix}orders (customer_id)")


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
        pytest.param("mariadb", marks=pytest.mark.mariadb),
    ]
)
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    started = time.perf_counter()
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            _fill(conn, "")
        engine.dispose()
        print(f"\nfilled in {time.perf_counter() - started:.0f} s")
        yield url, None
        return
    env = "PRIVACY_DESK_TEST_PG_URL" if request.param == "postgresql" else (
        "PRIVACY_DESK_TEST_MARIADB_URL")  # fmt: skip
    url = os.environ.get(env)
    if not url:
        pytest.skip(f"set {env}")
    name = f"{sa.make_url(url).database}_bench_{uuid.uuid4().hex[:6]}"
    ddl = "SCHEMA" if request.param == "postgresql" else "DATABASE"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE {ddl} {name}")
    try:
        with admin.begin() as conn:
            _fill(conn, f"{name}.")
            if request.param == "postgresql":
                conn.exec_driver_sql(f"ANALYZE {name}.customers")
                conn.exec_driver_sql(f"ANALYZE {name}.orders")
        print(f"\nfilled in {time.perf_counter() - started:.0f} s")
        yield url, name
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP {ddl} {name}" + (" CASCADE" if ddl == "SCHEMA" else ""))
        admin.dispose()


def _side_by_side(actions: dict[str, Callable[[int], object]]) -> dict[str, float]:
    """Median wall time of each action, the actions run in turn in every round."""
    times: dict[str, list[float]] = {label: [] for label in actions}
    for i in range(ROUNDS):
        for label, action in actions.items():
            start = time.perf_counter()
            action(i)
            times[label].append(time.perf_counter() - start)
    medians = {label: statistics.median(t) for label, t in times.items()}
    for label, median in medians.items():
        print(f"{label:<50} median {median * 1000:8.2f} ms  (min {min(times[label]) * 1000:.2f})")
    return medians


KINDS = ("e-mail", "customer number", "phone")


def test_search_speed_against_a_hand_written_query(
    source: tuple[str, str | None], tmp_path: Path
) -> None:
    url, schema = source
    mapping = tmp_path / "shop.toml"
    mapping.write_text((f'schema = "{schema}"\n' if schema else "") + MAPPING, encoding="utf-8")
    settings = {"url": url, "mapping_file": str(mapping)}
    prefix = f"{schema}." if schema else ""
    people = [CUSTOMERS // 7 * k + 1 for k in range(1, 6)]

    def subject(i: int) -> Subject:
        pid = people[i % len(people)]
        kind = KINDS[i % len(KINDS)]
        if kind == "e-mail":
            return Subject("bench", emails=(f"Person{pid}@Example.com",))
        if kind == "customer number":
            return Subject("bench", customer_numbers=(f"C{pid}",))
        return Subject("bench", phones=(f"06-{pid + 10_000_000}",))

    def lookup(i: int) -> tuple[str, str]:
        """The column and the value as a person writing the query would give them."""
        s = subject(i)
        if s.emails:
            return "email", s.emails[0].strip().lower()
        if s.customer_numbers:
            return "customer_number", s.customer_numbers[0]
        return "phone", s.phones[0].replace("-", "")

    def by_hand(engine: sa.Engine, i: int) -> set[str]:
        with engine.connect() as conn:
            column, value = lookup(i)
            ids = conn.execute(
                sa.text(f"SELECT * FROM {prefix}customers WHERE {column} = :v"), {"v": value}
            ).all()
            found = {f"{prefix}customers:{r.id}" for r in ids}
            orders = conn.execute(
                sa.text(f"SELECT * FROM {prefix}orders WHERE customer_id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)
                ),
                {"ids": [r.id for r in ids]},
            ).all()
            return found | {f"{prefix}orders:{r.id}" for r in orders}

    def hand_script(i: int) -> set[str]:
        engine = sa.create_engine(url)
        try:
            return by_hand(engine, i)
        finally:
            engine.dispose()

    kept = sa.create_engine(url, poolclass=NullPool)

    def hand_kept(i: int) -> set[str]:
        return by_hand(kept, i)

    warm = SqlDatabaseConnector("shop", settings, {})

    def connector(i: int, instance: SqlDatabaseConnector | None = None) -> set[str]:
        c = instance or SqlDatabaseConnector("shop", settings, {})
        return {f.record_id for f in c.search(subject(i), Progress(timeout_s=600))}

    per_order = ORDERS // CUSTOMERS
    for i in range(len(people) * len(KINDS)):
        expected = hand_script(i)
        assert len(expected) == 1 + per_order  # the customer and their orders
        assert hand_kept(i) == expected
        assert connector(i) == expected, KINDS[i % len(KINDS)]
    report = warm.test_connection()
    assert "reads all of table" not in report, report
    print(f"\n{url.split(':')[0]}: {CUSTOMERS:,} customers, {ORDERS:,} orders; "
          f"by {', '.join(KINDS)} in turn")  # fmt: skip
    m = _side_by_side(
        {
            "hand-written, new engine + connection": hand_script,
            "hand-written, engine kept, new connection": hand_kept,
            "connector search, new connector each time": connector,
            "connector search, same connector": lambda i: connector(i, warm),
        }
    )
    kept.dispose()
    script, app, cold, same = m.values()
    print(f"ratio new connector / hand-written script:      {cold / script:.2f}x")
    print(f"ratio new connector / hand-written, engine kept: {cold / app:.2f}x")
    print(f"ratio same connector / hand-written, engine kept: {same / app:.2f}x (goal 2x)")
