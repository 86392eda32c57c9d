"""tamper-evident audit chain

Each audit event gets its position in the chain, the previous event's hash, the SHA-256 of its
content and its own keyed hash (HMAC-SHA256). The columns start empty: events written before
this revision are chained in order of id by the first commit that chains a new event (or by
`privacy-desk audit verify`), with the key from the secret store, which a migration has no
access to.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 20:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_audit_event_chain_seq"), ["chain_seq"])


def downgrade() -> None:
    # Without the chain the key's fingerprint means nothing; an upgrade starts a new chain.
    op.execute(sa.text("DELETE FROM setting WHERE key = 'audit_chain'"))
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_event_chain_seq"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("content_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("chain_seq")
