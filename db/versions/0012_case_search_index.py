"""case search index: FTS5 trigram (SQLite), pg_trgm GIN (PostgreSQL), folded surname

A search per keystroke looked for the typed text anywhere in ``case_file.search_text`` with
``LIKE '%...%'``, a scan of every case. SQLite gets an FTS5 trigram index over that column,
PostgreSQL a pg_trgm GIN index (where the role may create the extension; otherwise the search
keeps scanning and the app says so). ``requester.name_key`` holds the folded surname (without
the particle, as Dutch sorts) for searches under three characters, filled here for existing rows.

Revision ID: 0012
Revises: 0010
Create Date: 2026-11-30 23:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.core.validation import fold
from app.data import search_index

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

NAME_KEY = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("requester", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", NAME_KEY, nullable=False, server_default=""))
        batch_op.create_index("ix_requester_name_key", ["name_key"], unique=False)
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        # Searches by surname (and deleting a person) look cases up by their requester.
        batch_op.create_index("ix_case_file_requester_id", ["requester_id"], unique=False)
    conn = op.get_bind()
    requester = sa.table(
        "requester",
        sa.column("id", sa.Integer()),
        sa.column("last_name", sa.String()),
        sa.column("name_key", sa.String()),
    )
    rows = conn.execute(sa.select(requester.c.id, requester.c.last_name))
    updates = [{"rid": rid, "key": fold(last or "")[:200]} for rid, last in rows]
    if updates:
        conn.execute(
            requester.update()
            .where(requester.c.id == sa.bindparam("rid"))
            .values(name_key=sa.bindparam("key")),
            updates,
        )
    if conn.dialect.name == "sqlite":
        search_index.create_sqlite_index(conn)
    elif conn.dialect.name == "postgresql":
        search_index.create_pg_index(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        search_index.drop_sqlite_index(conn)
    elif conn.dialect.name == "postgresql":
        search_index.drop_pg_index(conn)
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index("ix_case_file_requester_id")
    with op.batch_alter_table("requester", schema=None) as batch_op:
        batch_op.drop_index("ix_requester_name_key")
        batch_op.drop_column("name_key")
