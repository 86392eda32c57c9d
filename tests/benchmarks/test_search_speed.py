"""Benchmark: search per keystroke at 1,000,000 cases against the best index the database has.

The anchor is a hand-written query of the same meaning on the same index, through the same
engine: on SQLite the FTS5 trigram table joined to the cases, on PostgreSQL ``LIKE '%...%'``
served by the pg_trgm GIN index. A keystroke costs a count and the first page (200 rows,
newest first), as the case list asks. ``PRIVACY_DESK_BENCH=1`` to run; ``..._CASES`` sets the
size (default 1,000,000). The old ``LIKE`` scan is printed for comparison.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from app.core.validation import fold
from app.data.database import Database, open_database
from app.services.case_queries import count_cases, list_cases
from app.services.dto import CaseFilter
from tests.benchmarks.search_fill import fill_by_sql

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("PRIVACY_DESK_BENCH") != "1",
        reason="benchmark: builds 1,000,000 cases by SQL (minutes); run with PRIVACY_DESK_BENCH=1",
    ),
]

CASES = int(os.environ.get("PRIVACY_DESK_BENCH_CASES", "1000000"))
ROUNDS = 7
NEEDLES = {
    "common surname": "jansen",
    "rare reference": "avg-2025-0777",
    "postcode": "5251 ",
    "accented name typed plain": "zoe bakker",
    "e-mail": "anna.visser1234",
    "two letters (surname start)": "vo",
    "number (sequence)": "77",
}
COLUMNS = (
    "c.id, c.reference, c.received_on, r.first_name, r.initials, r.name_prefix, r.last_name, "
    "r.postcode, r.city, c.type_codes, c.status"
)


def _median(action: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _ours(db: Database, needle: str) -> None:
    flt = CaseFilter(text=needle)
    count_cases(db, flt=flt)
    list_cases(db, flt=flt, sort="received", descending=True, limit=200)


def _anchor(db: Database, needle: str) -> None:
    folded = fold(needle)
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            phrase = '"' + folded.replace('"', '""') + '"'
            conn.execute(
                text("SELECT count(*) FROM case_search WHERE case_search MATCH :q"), {"q": phrase}
            ).scalar_one()
            conn.execute(
                text(
                    f"SELECT {COLUMNS} FROM case_search s JOIN case_file c ON c.id = s.rowid "
                    "JOIN requester r ON r.id = c.requester_id WHERE case_search MATCH :q "
                    "ORDER BY c.received_on DESC, c.id DESC LIMIT 200"
                ),
                {"q": phrase},
            ).all()
        else:
            pattern = "%" + folded + "%"
            conn.execute(
                text("SELECT count(*) FROM case_file WHERE search_text LIKE :p"), {"p": pattern}
            ).scalar_one()
            conn.execute(
                text(
                    f"SELECT {COLUMNS} FROM case_file c JOIN requester r ON r.id = c.requester_id "
                    "WHERE c.search_text LIKE :p ORDER BY c.received_on DESC, c.id DESC LIMIT 200"
                ),
                {"p": pattern},
            ).all()


def _scan(db: Database, needle: str) -> None:
    """Yesterday's query: LIKE on the folded column, which no b-tree index serves."""
    pattern = "%" + fold(needle) + "%"
    with db.engine.connect() as conn:
        conn.execute(
            text("SELECT count(*) FROM case_file WHERE search_text LIKE :p"), {"p": pattern}
        ).scalar_one()


def _run(db: Database, label: str) -> None:
    print(f"\n{label}: {CASES:,} cases, medians of {ROUNDS}")
    print(f"{'search':<30}{'ours ms':>10}{'anchor ms':>11}{'ratio':>7}{'LIKE scan ms':>14}")
    for what, needle in NEEDLES.items():
        ours = _median(lambda n=needle: _ours(db, n))
        short = len(fold(needle)) < 3
        anchor = ours if short else _median(lambda n=needle: _anchor(db, n))
        scan = _median(lambda n=needle: _scan(db, n)) if ROUNDS else 0.0
        ratio = "  b-tree" if short else f"{ours / anchor:6.2f}x"
        print(f"{what:<30}{ours * 1000:10.1f}{anchor * 1000:11.1f} {ratio}{scan * 1000:14.1f}")


def test_search_sqlite(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'search.sqlite3'}")
    start = time.perf_counter()
    fill_by_sql(db.engine, CASES)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(f"\nfilled {CASES:,} cases by SQL in {time.perf_counter() - start:.0f} s")
    _run(db, "SQLite FTS5 trigram")
    db.dispose()


@pytest.mark.skipif(not os.environ.get("PRIVACY_DESK_TEST_PG_URL"), reason="no PostgreSQL URL")
def test_search_postgresql() -> None:
    url = os.environ["PRIVACY_DESK_TEST_PG_URL"]
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(
            text("TRUNCATE case_file, requester, reference_counter RESTART IDENTITY CASCADE")
        )
    start = time.perf_counter()
    fill_by_sql(db.engine, CASES)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(f"\nfilled {CASES:,} cases by SQL in {time.perf_counter() - start:.0f} s")
    _run(db, "PostgreSQL pg_trgm")
    db.dispose()
