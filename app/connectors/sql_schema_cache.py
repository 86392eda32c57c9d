"""Reflected SQL schemas shared by the connector objects of one process (see the comment)."""

from __future__ import annotations

import threading

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
        else:
            _schemas.pop(key, None)
