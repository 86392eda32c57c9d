"""refusal ground per request type

Why a request was (partly) refused, as a code the yearly report can count: recorded when the
answer letter is finalised and kept when the case is anonymised (it is not personal data).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 01:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_request_type", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("refusal_ground", sa.String(length=40), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("case_request_type", schema=None) as batch_op:
        batch_op.drop_column("refusal_ground")
