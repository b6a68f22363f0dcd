"""Erasure audit trail and erasures waiting for an officer's approval

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "hub_erasure",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("seq", SEQ, nullable=True),
        sa.Column("approved_by", sa.String(64), nullable=True),
        sa.Column("approved_at", WHEN, nullable=True),
        sa.Column("waiting_record", sa.Text(), nullable=True),
    )
    op.create_index("ix_hub_erasure_commune_id", "hub_erasure", ["commune_code", "id"])
    op.create_index("ix_hub_erasure_device_at", "hub_erasure", ["device_id", "at"])
    op.create_index("ix_hub_erasure_record", "hub_erasure", ["table_name", "record_id"])


def downgrade() -> None:
    op.drop_table("hub_erasure")
