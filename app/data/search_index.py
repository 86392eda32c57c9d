"""The case search index: what makes a search per keystroke independent of the case base's size.

Every case keeps ``case_file.search_text``: its reference, the person's name, postcode, e-mail
and city, folded (lower case, accents removed, see ``app.core.validation.fold``). A search
looks for the folded text typed anywhere inside it. Without an index that is a scan of every
case; the index depends on the database:

- SQLite: an FTS5 table with the trigram tokenizer over ``search_text`` (external content, kept
  in step by three triggers). FTS5 removes a deleted or changed row's trigrams only when it
  merges its segments, so after an anonymisation ``purge_deleted_terms`` merges them
  ("optimize"): nothing of the person stays in the index.
- PostgreSQL: a GIN index with ``pg_trgm``'s ``gin_trgm_ops``, which serves ``LIKE '%...%'``
  directly. The extension needs a database role allowed to create it; where it is not, the
  search still works (a scan) and ``search_index_state`` says why and what to do.
- Searches shorter than 3 characters (too short for trigrams) use the reference number and the
  start of the surname (``requester.name_key``, folded, in a b-tree index).

Alembic's batch mode rebuilds a SQLite table by copying it, which drops its triggers:
``ensure_sqlite_triggers`` puts them back (and rebuilds the index) after every upgrade.
"""

from __future__ import annotations

import logging
from typing import Final

from sqlalchemy import Connection, text

log = logging.getLogger(__name__)

FTS_TABLE: Final = "case_search"
PG_INDEX: Final = "ix_case_file_search_trgm"
MIN_TRIGRAM: Final = 3  # shorter needles cannot use a trigram index

_SQLITE_TRIGGERS: Final = {
    "case_search_ai": (
        "CREATE TRIGGER IF NOT EXISTS case_search_ai AFTER INSERT ON case_file BEGIN "
        "INSERT INTO case_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
    "case_search_ad": (
        "CREATE TRIGGER IF NOT EXISTS case_search_ad AFTER DELETE ON case_file BEGIN "
        "INSERT INTO case_search(case_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    ),
    "case_search_au": (
        "CREATE TRIGGER IF NOT EXISTS case_search_au AFTER UPDATE OF search_text ON case_file "
        "BEGIN INSERT INTO case_search(case_search, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO case_search(rowid, search_text) VALUES (new.id, new.search_text); END"
    ),
}

# Objects that exist in the database but not in the SQLAlchemy models (FTS5 makes shadow tables
# named case_search_data, _idx, _content, _docsize, _config).
UNMODELLED_PREFIXES: Final = (FTS_TABLE, PG_INDEX)


def is_unmodelled(name: str | None) -> bool:
    """For Alembic's comparison: the search index is made by migration 0012, not by a model."""
    return bool(name) and any(str(name).startswith(p) for p in UNMODELLED_PREFIXES)


def create_sqlite_index(conn: Connection) -> None:
    conn.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "search_text, content='case_file', content_rowid='id', tokenize='trigram')"
        )
    )
    for ddl in _SQLITE_TRIGGERS.values():
        conn.execute(text(ddl))
    conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def drop_sqlite_index(conn: Connection) -> None:
    for name in _SQLITE_TRIGGERS:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


def has_fts(conn: Connection) -> bool:
    found = conn.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"),
        {"n": FTS_TABLE},
    ).scalar_one()
    return int(found) > 0


def ensure_sqlite_triggers(conn: Connection) -> bool:
    """Recreates triggers a table rebuild dropped and rebuilds the index; True if it had to."""
    if not has_fts(conn):
        return False
    present = {
        row[0]
        for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    if all(name in present for name in _SQLITE_TRIGGERS):
        return False
    log.warning("search index: triggers were missing (a table was rebuilt); rebuilding the index")
    create_sqlite_index(conn)
    return True


def create_pg_index(conn: Connection) -> str:
    """Creates pg_trgm and the GIN index; returns "" or why the index could not be made."""
    try:
        with conn.begin_nested():
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        log.warning("search index: pg_trgm could not be enabled: %s", reason)
        return reason
    # The extension may live in another schema than this database's tables: name its class.
    schema = conn.execute(
        text(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'"
        )
    ).scalar_one()
    opclass = '"' + schema.replace('"', '""') + '".gin_trgm_ops'
    try:
        with conn.begin_nested():
            conn.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON case_file "
                    f"USING gin (search_text {opclass})"
                )
            )
    except Exception as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        log.warning("search index: the pg_trgm index could not be made: %s", reason)
        return reason
    return ""


def drop_pg_index(conn: Connection) -> None:
    conn.execute(text(f"DROP INDEX IF EXISTS {PG_INDEX}"))


def pg_index_present(conn: Connection) -> bool:
    found = conn.execute(
        text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": PG_INDEX}
    ).scalar_one()
    return int(found) > 0


def search_index_state(conn: Connection) -> str:
    """ "" when searches are served by an index; otherwise what is missing and what to do."""
    if conn.dialect.name == "sqlite":
        if has_fts(conn):
            return ""
        return (
            "The case search index (SQLite FTS5) is missing; searches scan every case. "
            "Restart the app to upgrade the database."
        )
    if conn.dialect.name == "postgresql":
        if pg_index_present(conn):
            return ""
        return (
            "The case search index is missing: the database role may not create the pg_trgm "
            "extension, so searches scan every case. Ask the database administrator to run "
            "'CREATE EXTENSION pg_trgm;' in this database, then restart the app."
        )
    return ""


def fts_phrase(needle: str) -> str:
    """An FTS5 MATCH expression for ``needle`` anywhere in the text (a quoted trigram phrase)."""
    return '"' + needle.replace('"', '""') + '"'


def purge_deleted_terms(conn: Connection) -> None:
    """Merges the FTS5 segments so that deleted and replaced rows leave no trigram behind."""
    if conn.dialect.name == "sqlite" and has_fts(conn):
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))
