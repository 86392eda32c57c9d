"""Reflected SQL schemas and engines shared by the connector objects of one process."""

from __future__ import annotations

import threading
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.connectors.sql_inspect import Access
from app.connectors.sql_search import Tables

# Reflected tables and their index/collation facts per (system, address, mapping content),
# shared by the connector objects of this process: a fresh object (one per search run) need
# not read the schema again. Forgotten by `connectors test`, by another mapping (its content
# is in the key) and when a query fails on the cached schema.
_schemas: dict[tuple[str, str, str], tuple[Tables, dict[str, Access] | None]] = {}
_schemas_lock = threading.Lock()


def cached_schema(key: tuple[str, str, str]) -> tuple[Tables, dict[str, Access] | None] | None:
    with _schemas_lock:
        return _schemas.get(key)


def store_schema(
    key: tuple[str, str, str], tables: Tables, access: dict[str, Access] | None
) -> None:
    with _schemas_lock:
        _schemas[key] = (tables, access)


def forget_schema(key: tuple[str, str, str] | None = None) -> None:
    with _schemas_lock:
        if key is None:
            _schemas.clear()
            _engines.clear()
        else:
            _schemas.pop(key, None)


# One engine per database address (password included, so a changed password gets its own).
# The engines have no pool: a search still opens and closes its own connection; what is shared
# is the dialect (read from the server on the first connection) and the compiled SQL, which a
# fresh engine per connector object would pay again on every search.
_engines: dict[sa.URL, Engine] = {}


def shared_engine(url: sa.URL, build: Callable[[], Engine]) -> Engine:
    with _schemas_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = build()
        return engine


def forget_engine(url: sa.URL) -> None:
    """A new engine on the next use (`connectors test` looks at the server as it is now)."""
    with _schemas_lock:
        _engines.pop(url, None)
