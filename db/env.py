"""Alembic environment: uses the engine handed in by the app, or -x url=... on the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.data.migration import upgrade_connection
from app.data.models import Base
from app.data.search_index import ensure_sqlite_triggers, is_unmodelled

config = context.config
target_metadata = Base.metadata


def _modelled(_obj: object, name: str | None, _type: str, _reflected: bool, _cmp: object) -> bool:
    """Autogenerate ignores the search index (FTS5 tables, the pg_trgm index: migration 0012)."""
    return not is_unmodelled(name)


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
            "sqlalchemy.url"
        )
        engine = create_engine(url)
    # One transaction for every step and the version row (SQLite too), foreign keys checked
    # before the commit, an advisory lock on PostgreSQL: see app.data.migration.
    with upgrade_connection(engine) as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_object=_modelled,
        )
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            # A batch step rebuilds a table by copying it, which drops the search triggers.
            ensure_sqlite_triggers(connection)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
