"""paper intake: the hot-folder inbox, reminders on the earlier case, searchable PDFs

- ``inbox_item``: a file the scanner wrote to the hot folder, with the text read from it,
  waiting for an officer to register it (claimed by a conditional update on PostgreSQL).
- ``case_file.last_reminder_on`` / ``ultimatum_on``: a reminder is registered on the earlier
  case (document + event), not as a new case; its ultimatum is a deadline on that case.
  Existing reminder cases (linked ``reminder_of``) give their date of receipt to the case they
  remind about, so the to-do list keeps showing them.
- ``case_file.reminder_unknown``: a reminder whose earlier request was not found.
- ``document.derived_from_id``: the searchable PDF made by OCR points to the original scan.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 23:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.data.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("arrived_at", app.data.types.UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("searchable_pdf", sa.LargeBinary(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=False),
        sa.Column("claimed_at", app.data.types.UTCDateTime(), nullable=True),
        sa.Column("case_reference", sa.String(length=30), nullable=False),
        sa.Column("registered_at", app.data.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_item")),
        sa.UniqueConstraint("path", "sha256", name=op.f("uq_inbox_item_path")),
    )
    with op.batch_alter_table("inbox_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_item_status"), ["status"], unique=False)
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_reminder_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("ultimatum_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("reminder_unknown", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("derived_from_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_document_derived_from_id_document"),
            "document",
            ["derived_from_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Reminders registered before this revision were cases linked "reminder_of".
    case = sa.table(
        "case_file",
        sa.column("id", sa.Integer()),
        sa.column("received_on", sa.Date()),
        sa.column("last_reminder_on", sa.Date()),
    )
    link = sa.table(
        "case_link",
        sa.column("case_id", sa.Integer()),
        sa.column("other_case_id", sa.Integer()),
        sa.column("relation", sa.String()),
    )
    reminder = case.alias("reminder")
    latest = (
        sa.select(sa.func.max(reminder.c.received_on))
        .select_from(link.join(reminder, reminder.c.id == link.c.case_id))
        .where(link.c.relation == "reminder_of", link.c.other_case_id == case.c.id)
        .scalar_subquery()
    )
    op.execute(case.update().values(last_reminder_on=latest))


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_document_derived_from_id_document"), type_="foreignkey"
        )
        batch_op.drop_column("derived_from_id")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_column("reminder_unknown")
        batch_op.drop_column("ultimatum_on")
        batch_op.drop_column("last_reminder_on")
    with op.batch_alter_table("inbox_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_item_status"))
    op.drop_table("inbox_item")
