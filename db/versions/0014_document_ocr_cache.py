"""document OCR cache: the text read from scans in a document folder, per file and hash

- ``document_ocr_text``: one row per image-only PDF or image of a document-folder connector,
  with the text OCR read (or why it could not be read), the file's size and modification time
  (an unchanged file is not hashed again) and its SHA-256 (a copy reuses the text). Personal
  data: removed with the connector (cascade), when the file is gone, and by the retention purge.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 02:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.data.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_ocr_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("connector_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("read_at", app.data.types.UTCDateTime(), nullable=False),
        sa.Column("used_at", app.data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connector_id"],
            ["connector_config.id"],
            name=op.f("fk_document_ocr_text_connector_id_connector_config"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_ocr_text")),
        sa.UniqueConstraint("connector_id", "path", name=op.f("uq_document_ocr_text_connector_id")),
    )
    with op.batch_alter_table("document_ocr_text", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_ocr_text_connector_id"), ["connector_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_document_ocr_text_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document_ocr_text", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_ocr_text_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_ocr_text_connector_id"))
    op.drop_table("document_ocr_text")
