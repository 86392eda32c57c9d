"""the date of a representative's authorisation

A letter to a representative refers to "uw machtiging van [datum]": the date the authorisation
(machtiging) itself bears, which the officer reads from it. Until now only the day the document
came in was known; ``representative.authorisation_dated`` holds the authorisation's own date
(empty for authorisations recorded before this revision: their letters keep the "received on"
wording until the officer enters the date).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 02:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("representative", schema=None) as batch_op:
        batch_op.add_column(sa.Column("authorisation_dated", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("representative", schema=None) as batch_op:
        batch_op.drop_column("authorisation_dated")
