"""Search per keystroke against a brute-force filter of every case, on odd needles.

The search (app.services.case_queries.search_cases) chooses between ids from the index, the
index as a condition and a walk of the date index, and passes the typed text as bound
parameters (a LIKE pattern with escapes, an FTS5 phrase, a surname range). Here 2,000 cases
filled by SQL are searched for needles a person may type (wildcards, quotes, backslashes,
accents, numbers, fragments of real search texts) and each answer is compared with Python's
own ``in`` over the folded text: the same set, the page in the list's order, the capped count.
A NUL or a zero-width character pasted into the search box is left out (PostgreSQL refuses a
NUL in a parameter; SQLite's FTS5 phrase ended at it): the search finds, it does not fail.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from app.core.validation import search_needle
from app.data import search_index
from app.data.database import Database
from app.services.case_queries import search_cases
from app.services.dto import CaseFilter
from tests.benchmarks.search_fill import fill_by_sql, fill_postgresql_by_sql

CASES = 2_000
ODD = [
    "%", "_", "\\", "'", '"', "a%b", "5_", "%%%", "a\\", '"x"', "o'b", "avg-", "avg-20",
    "jan", "ja", "j", "7", "77", "0007", "ë", "zoë", "Zoe", "van de", "de", "ss", "x" * 60,
    "\u00a0jan", "JANSEN", "jansen ",
    "ja\x00n", "\x00jansen", "jan\u200bsen", "jan\u00adsen",  # pasted NUL, zero-width, soft hyphen
]  # fmt: skip


def _fill(db: Database) -> list[tuple[str, str, str, int, int]]:
    if db.engine.dialect.name == "postgresql":
        fill_postgresql_by_sql(db.engine, CASES)
    else:
        fill_by_sql(db.engine, CASES)
    with db.engine.connect() as conn:
        return [
            (r.reference, r.search_text, r.name_key or "", r.seq, r.year)
            for r in conn.execute(
                text(
                    "SELECT c.reference, c.search_text, r.name_key, c.seq, c.year, "
                    "c.received_on, c.id FROM case_file c JOIN requester r "
                    "ON r.id = c.requester_id ORDER BY c.received_on DESC, c.id DESC"
                )
            )
        ]


def _expected(rows: list[tuple[str, str, str, int, int]], needle: str) -> list[str]:
    """In the list's order (received newest first), like the page."""
    folded = search_needle(needle)
    if len(folded) < search_index.MIN_TRIGRAM and folded.isdigit():
        years = {r[4] for r in rows}  # every year has a counter in this fill
        return [r[0] for r in rows if r[3] == int(folded) and r[4] in years]
    if len(folded) < search_index.MIN_TRIGRAM:
        return [r[0] for r in rows if r[2].startswith(folded)]
    return [r[0] for r in rows if folded in r[1]]


def test_search_finds_what_a_scan_finds(db: Database) -> None:
    rows = _fill(db)
    rng = random.Random(11)
    samples = [rng.choice(rows)[1] for _ in range(40)]
    fragments = [s[i : i + rng.randint(1, 9)] for s in samples for i in [rng.randrange(len(s))]]
    for needle in ODD + fragments:
        if not search_needle(needle):
            continue
        expected = _expected(rows, needle)
        everything = search_cases(
            db, flt=CaseFilter(text=needle), sort="received", limit=None, cap=CASES
        )
        assert [r.reference for r in everything.rows] == expected, needle
        page = search_cases(db, flt=CaseFilter(text=needle), sort="received", limit=50, cap=100)
        assert [r.reference for r in page.rows] == expected[:50], needle
        if len(expected) > 100:
            assert page.more and page.total == 100, needle
        else:
            assert not page.more and page.total == len(expected), needle


@pytest.mark.parametrize("needle", ["jansen", "ja"])
def test_a_page_of_a_common_name_is_the_newest_matches(db: Database, needle: str) -> None:
    """Past the cap the page comes from a walk: still exactly the newest matches."""
    rows = _fill(db)
    expected = _expected(rows, needle)
    assert len(expected) > 40  # past the cap below: the walk is what is tested
    page = search_cases(db, flt=CaseFilter(text=needle), sort="received", limit=20, cap=30)
    assert [r.reference for r in page.rows] == expected[:20]
    assert page.more and page.total == 30
