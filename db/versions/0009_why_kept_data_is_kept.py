"""why kept data is kept: Art. 17(3) ground, statute, event, end date (or expiry by itself)

Each kept item of an erasure carries an Art. 17(3)(a-e) ground, the statute and the event its
period runs from, and the end date computed from that event; data that deletes itself (log
lines) is marked "expires" with its date. Existing kept rows whose stored reason names an expiry
date (the web-server-log connector's "they expire on 2027-02-26") are mapped to "expires" with
that date; every other kept row waits for the officer (the letter asks for it).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 23:20:00
"""

from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_EXPIRES_ON = re.compile(r"\bexpires? on\b")
_ISO_DATE = re.compile(r"\b(2\d\d\d-\d\d-\d\d)\b")


def upgrade() -> None:
    with op.batch_alter_table("change_action", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("keep_ground", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("keep_statute", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("keep_event", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("keep_event_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("keep_period", sa.String(length=60), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("keep_until", sa.Date(), nullable=True))
    table = sa.table(
        "change_action",
        sa.column("id", sa.Integer()),
        sa.column("outcome", sa.String()),
        sa.column("reason", sa.Text()),
        sa.column("detail", sa.Text()),
        sa.column("keep_ground", sa.String()),
        sa.column("keep_until", sa.Date()),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(table.c.id, table.c.reason, table.c.detail).where(table.c.outcome == "kept")
    ).all()
    for row_id, reason, detail in rows:
        text = f"{reason or ''} {detail or ''}"
        found = _ISO_DATE.search(text) if _EXPIRES_ON.search(text) else None
        if found is None:
            continue
        try:
            until = date.fromisoformat(found.group(1))
        except ValueError:
            continue
        conn.execute(
            sa.update(table)
            .where(table.c.id == row_id)
            .values(keep_ground="expires", keep_until=until)
        )


def downgrade() -> None:
    with op.batch_alter_table("change_action", schema=None) as batch_op:
        for name in (
            "keep_until",
            "keep_period",
            "keep_event_on",
            "keep_event",
            "keep_statute",
            "keep_ground",
        ):
            batch_op.drop_column(name)
