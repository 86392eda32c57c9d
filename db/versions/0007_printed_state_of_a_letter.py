"""printed state of a letter

A final letter is printed when it was in "Print today's letters" or marked "sent by post" with
a date: ``printed_at`` records when. Letters finalised before this revision were printed the
day they were finalised (that was the only way out), so they take their finalisation time.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 21:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.data.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printed_at", app.data.types.UTCDateTime(), nullable=True))
    letter = sa.table(
        "letter",
        sa.column("status", sa.String()),
        sa.column("finalised_at", app.data.types.UTCDateTime()),
        sa.column("printed_at", app.data.types.UTCDateTime()),
    )
    op.execute(
        letter.update()
        .where(letter.c.status == "final", letter.c.printed_at.is_(None))
        .values(printed_at=letter.c.finalised_at)
    )


def downgrade() -> None:
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_column("printed_at")
