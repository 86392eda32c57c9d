"""who recorded a change (removed by hand)

A change done outside the application (mail, documents, paper) is recorded with the outcome
``removed_by_hand``, the date, a required note and who did it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("change_action", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("done_by", sa.String(length=100), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("change_action", schema=None) as batch_op:
        batch_op.drop_column("done_by")
