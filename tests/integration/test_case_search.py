"""The case search is served by an index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL), finds
what the old LIKE scan found, follows edits and keeps nothing of an anonymised person."""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.core.enums import CaseStatus
from app.data import search_index
from app.data.database import Database, open_database
from app.services.case_detail import get_case
from app.services.case_queries import count_cases, list_cases, search_cases
from app.services.cases import change_status, edit_case, register_case
from app.services.dto import CaseFilter
from app.services.retention import apply_retention
from tests.benchmarks.search_fill import fill_by_sql
from tests.integration.test_cases import person

TODAY = date(2026, 11, 24)


def _refs(db: Database, needle: str) -> list[str]:
    rows = list_cases(db, flt=CaseFilter(text=needle), sort="received", descending=True)
    assert count_cases(db, flt=CaseFilter(text=needle)) == len(rows)
    return sorted(r.reference for r in rows)


def _three(db: Database) -> tuple[str, str, str]:
    a = register_case(db, actor="a", data=person(), today=TODAY)
    b = register_case(
        db,
        actor="a",
        data=person(first_name="Zoë", name_prefix="", last_name="IJsselstein-Çelik",
                     email="zoe@voorbeeld.nl", postcode="1011AB", city="Amsterdam"),
        today=TODAY,
    )  # fmt: skip
    c = register_case(
        db,
        actor="a",
        data=person(first_name="Vera", name_prefix="", last_name="Vos", email="vv@x.nl",
                     postcode="5251 AB", city="Vlijmen"),
        today=TODAY,
    )  # fmt: skip
    return a, b, c


def test_search_finds_by_any_part_in_any_case_and_accent(db: Database) -> None:
    a, b, c = _three(db)
    assert _refs(db, "Zoe") == [b]
    assert _refs(db, "ZOË ijssel") == [b]
    assert _refs(db, "çelik") == [b]
    assert _refs(db, "1011ab") == [b]
    assert _refs(db, "5251 ab") == [c]
    assert _refs(db, "jan@exam") == [a]
    assert _refs(db, "van der berg") == [a]
    assert _refs(db, c.lower()) == [c]
    assert _refs(db, "100%") == []  # wildcards and quotes are text, not syntax
    assert _refs(db, 'a"b') == []
    assert _refs(db, "nieuwkuijk") == [a]


def test_short_searches_use_surname_start_and_sequence_number(db: Database) -> None:
    a, b, c = _three(db)
    assert _refs(db, "vo") == [c]  # surname start, not the "vo" inside "voorbeeld"
    assert _refs(db, "b") == [a]  # Berg: particles are not part of the start (Dutch order)
    assert _refs(db, "ij") == [b]
    assert _refs(db, "2") == [b]  # AVG-2026-0002
    assert _refs(db, "9") == []


def test_index_follows_edits(db: Database) -> None:
    a, _b, _c = _three(db)
    version = get_case(db, reference=a).version
    edit_case(db, actor="a", reference=a, expected_version=version,
              changes={"last_name": "Dijkhuizen", "city": "Drunen"}, today=TODAY)  # fmt: skip
    assert _refs(db, "berg") == []
    assert _refs(db, "dijkhuiz") == [a]
    assert _refs(db, "di") == [a]
    assert _refs(db, "drunen") == [a]


def test_sqlite_search_uses_the_fts_index_not_a_scan(sqlite_db: Database) -> None:
    _three(sqlite_db)
    from sqlalchemy import func, select

    from app.data import plain_tables
    from app.services.case_queries import _row_query, _text_condition

    for needle in ("jansen", "zo"):
        count = select(func.count(plain_tables.case_file.c.id))
        condition, params = _text_condition(needle, "sqlite")
        for query in (_row_query().limit(200), count):
            stmt = query.where(condition).params(**params)
            sql = str(stmt.compile(sqlite_db.engine, compile_kwargs={"literal_binds": True}))
            with sqlite_db.engine.connect() as conn:
                plan = " / ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN case_file" not in plan, plan
            assert ("case_search VIRTUAL TABLE" in plan) or ("ix_requester_name_key" in plan), plan


def test_anonymised_person_leaves_no_trigram_in_the_index(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    a, b, _c = _three(db)
    for ref in (b,):
        change_status(db, actor="a", reference=ref, new_status=CaseStatus.IN_PROGRESS, today=TODAY)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE case_file SET status='closed', closed_on='2019-01-01' WHERE reference=?", (b,)
        )

    def terms() -> set[str]:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                "USING fts5vocab(main, case_search, row)"
            )
            return {r[0] for r in conn.exec_driver_sql("SELECT term FROM temp.vocab")}

    assert {"ijs", "jss", "lik", "oe@"} <= terms()
    apply_retention(db, actor="fg", references=[b], mode="anonymise", today=TODAY)
    assert _refs(db, "zoe") == []
    left = terms()
    assert not ({"ijs", "jss", "sse", "lik", "oe@", "voo"} & left), sorted(left)
    assert _refs(db, "berg") == [a]
    db.dispose()


def test_triggers_dropped_by_a_table_rebuild_are_restored(sqlite_db: Database) -> None:
    a, _b, _c = _three(sqlite_db)
    with sqlite_db.engine.begin() as conn:
        for name in ("case_search_ai", "case_search_au", "case_search_ad"):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql(
            "UPDATE case_file SET search_text = 'avg-2026-0001 | piet puk' WHERE reference = ?",
            (a,),
        )
    with sqlite_db.engine.begin() as conn:
        assert search_index.ensure_sqlite_triggers(conn) is True
        assert search_index.ensure_sqlite_triggers(conn) is False
    assert _refs(sqlite_db, "piet puk") == [a]
    assert _refs(sqlite_db, "van der berg") == []


@pytest.mark.postgres
def test_postgresql_search_uses_the_trigram_index(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    _three(db)
    with db.engine.begin() as conn:
        assert search_index.search_index_state(conn) == ""
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(
            r[0] for r in conn.exec_driver_sql(
                "EXPLAIN SELECT id FROM case_file WHERE search_text LIKE '%%ijssel%%'"
            )
        )  # fmt: skip
    assert search_index.PG_INDEX in plan, plan


@pytest.mark.postgres
def test_postgresql_without_the_right_to_create_pg_trgm_still_searches(tmp_path: Path) -> None:
    base = os.environ.get("PRIVACY_DESK_TEST_PG_URL")
    if not base:
        pytest.skip("set PRIVACY_DESK_TEST_PG_URL")
    name = f"pd_noext_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'x'"))
        conn.execute(text(f"CREATE DATABASE {name} OWNER postgres"))
    own = create_engine(base.rsplit("/", 1)[0] + f"/{name}", isolation_level="AUTOCOMMIT")
    with own.connect() as conn:
        conn.execute(text(f"GRANT ALL ON SCHEMA public TO {name}"))
        conn.execute(text(f"REVOKE CREATE ON DATABASE {name} FROM PUBLIC"))
    own.dispose()
    url = base.rsplit("/", 1)[0].replace("postgres@", f"{name}:x@") + f"/{name}"
    try:
        db = open_database(url)
        with db.engine.connect() as conn:
            assert "CREATE EXTENSION pg_trgm" in search_index.search_index_state(conn)
        _a, b, _c = _three(db)
        assert _refs(db, "zoe") == [b]
        db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))
        admin.dispose()


def _expected(db: Database, needle: str, sort: tuple[str, ...]) -> list[str]:
    """Every case whose folded text holds ``needle``, in Python: what a page must show."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT reference, received_on, id, year, seq, search_text FROM case_file")
        ).all()
    hits = [r for r in rows if needle in r.search_text]
    hits.sort(key=lambda r: tuple(getattr(r, c) for c in sort), reverse=sort[0] == "received_on")
    return [r.reference for r in hits]


def test_a_common_term_is_counted_up_to_the_cap_and_pages_newest_first(db: Database) -> None:
    fill_by_sql(db.engine, 600)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE case_file SET status = 'in_progress' WHERE id % 3 = 0"))
    expected = _expected(db, "jansen", ("received_on", "id"))
    assert len(expected) > 8  # a common name: several pages of 4 at a cap of 5
    flt = CaseFilter(text="Jansen")
    page = search_cases(db, flt=flt, sort="received", limit=4, cap=5)
    assert (page.total, page.more) == (5, True)  # "more than 5", not counted further
    assert [r.reference for r in page.rows] == expected[:4]  # the newest, newest first
    second = search_cases(db, flt=flt, sort="received", offset=4, limit=4, cap=5)
    assert [r.reference for r in second.rows] == expected[4:8]
    # Under the cap the count is exact and the page the same.
    exact = search_cases(db, flt=flt, sort="received", limit=4, cap=1000)
    assert (exact.total, exact.more) == (len(expected), False)
    assert [r.reference for r in exact.rows] == expected[:4]
    # The oldest first, by reference (another walk), and a sort no index serves.
    by_ref = _expected(db, "jansen", ("year", "seq"))
    asc = search_cases(db, flt=flt, sort="reference", descending=False, limit=4, cap=5)
    assert [r.reference for r in asc.rows] == by_ref[:4]
    named = search_cases(db, flt=flt, sort="requester", limit=500, cap=5)
    assert sorted(r.reference for r in named.rows) == sorted(expected)
    # With a status filter too: the count is capped over the matches that pass it.
    open_flt = CaseFilter(text="Jansen", statuses=("in_progress",))
    with db.engine.connect() as conn:
        open_ids = {r[0] for r in conn.execute(text("SELECT reference FROM case_file "
                                                    "WHERE status = 'in_progress'"))}  # fmt: skip
    open_expected = [r for r in expected if r in open_ids]
    few = search_cases(db, flt=open_flt, sort="received", limit=2, cap=2)
    assert [r.reference for r in few.rows] == open_expected[:2]
    assert (few.total, few.more) == (2, len(open_expected) > 2)
    wide = search_cases(db, flt=open_flt, sort="received", limit=2, cap=1000)
    assert (wide.total, wide.more) == (len(open_expected), False)


def test_two_letters_of_a_common_surname_page_newest_first(db: Database) -> None:
    fill_by_sql(db.engine, 600)
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.reference FROM case_file c JOIN requester r ON r.id = c.requester_id "
                "WHERE r.name_key LIKE 'vo%' ORDER BY c.received_on DESC, c.id DESC"
            )
        ).all()
    expected = [r[0] for r in rows]
    assert len(expected) > 6
    walked = search_cases(db, flt=CaseFilter(text="vo"), sort="received", limit=3, cap=4)
    assert [r.reference for r in walked.rows] == expected[:3]
    assert (walked.total, walked.more) == (4, True)
    sorted_ = search_cases(db, flt=CaseFilter(text="VO"), sort="received", limit=3)
    assert [r.reference for r in sorted_.rows] == expected[:3]
    assert (sorted_.total, sorted_.more) == (len(expected), False)
    assert [r.reference for r in list_cases(db, flt=CaseFilter(text="vo"), sort="received",
                                            descending=True, limit=None)] == expected  # fmt: skip


def test_a_rare_term_is_counted_exactly(db: Database) -> None:
    _a, b, _c = _three(db)
    page = search_cases(db, flt=CaseFilter(text="zoe"), cap=1)
    assert ([r.reference for r in page.rows], page.total, page.more) == ([b], 1, False)
    none = search_cases(db, flt=CaseFilter(text="qqqq"), cap=1)
    assert (none.rows, none.total, none.more) == ([], 0, False)
