"""letter options on the letter

The options a letter was filled with used to live in the setting table under
"letter_options:<letter id>", where anonymisation and deletion of the case did not reach them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 00:50:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PREFIX = "letter_options:"

setting = sa.table(
    "setting",
    sa.column("key", sa.String),
    sa.column("value", sa.JSON),
    sa.column("updated_at", sa.DateTime),
    sa.column("updated_by", sa.String),
)
letter = sa.table("letter", sa.column("id", sa.Integer), sa.column("options", sa.JSON))


def upgrade() -> None:
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("options", sa.JSON(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(setting.c.key, setting.c.value).where(setting.c.key.like(f"{PREFIX}%"))
    ).all()
    for key, value in rows:
        letter_id = int(key[len(PREFIX) :])
        conn.execute(sa.update(letter).where(letter.c.id == letter_id).values(options=value))
    conn.execute(sa.delete(setting).where(setting.c.key.like(f"{PREFIX}%")))


def downgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(letter.c.id, letter.c.options).where(letter.c.options.is_not(None))
    ).all()
    for letter_id, options in rows:
        conn.execute(
            sa.insert(setting).values(
                key=f"{PREFIX}{letter_id}",
                value=options,
                updated_at=datetime.now(UTC).replace(tzinfo=None),  # stored as naive UTC
                updated_by="migration 0003",
            )
        )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_column("options")
