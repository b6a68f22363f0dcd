"""The hub's first schema: records and their latest versions, devices, codes, conflicts

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "hub_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )
    op.create_table(
        "hub_commune",
        sa.Column("code", sa.String(5), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
    )
    op.create_table(
        "hub_device",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("enrolled_at", WHEN, nullable=False),
        sa.Column("last_seen_at", WHEN, nullable=True),
        sa.Column("revoked_at", WHEN, nullable=True),
    )
    op.create_index("ix_hub_device_commune_code", "hub_device", ["commune_code"])
    op.create_table(
        "hub_enroll_code",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.Column("used_at", WHEN, nullable=True),
        sa.Column("used_by", sa.String(36), nullable=True),
    )
    op.create_table(
        "hub_record",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("received_at", WHEN, nullable=False),
        sa.UniqueConstraint("table_name", "record_id", "content_hash", name="uq_hub_record_version"),
    )
    op.create_table(
        "hub_latest",
        sa.Column("table_name", sa.String(32), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("seq", SEQ, nullable=False),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("anonymized", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_hub_latest_commune_seq", "hub_latest", ["commune_code", "seq"])
    op.create_table(
        "hub_conflict",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("commune_code", sa.String(5), nullable=False),
        sa.Column("table_name", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("kept_seq", SEQ, nullable=False),
        sa.Column("overwritten_seq", SEQ, nullable=False),
        sa.Column("overwritten_data", sa.Text(), nullable=False),
        sa.Column("by_device", sa.String(36), nullable=False),
        sa.Column("overwritten_device", sa.String(36), nullable=False),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_index("ix_hub_conflict_commune_id", "hub_conflict", ["commune_code", "id"])
    op.create_index("ix_hub_conflict_record_id", "hub_conflict", ["record_id"])


def downgrade() -> None:
    for table in ("hub_conflict", "hub_latest", "hub_record", "hub_enroll_code", "hub_device"):
        op.drop_table(table)
    op.drop_table("hub_commune")
    op.drop_table("hub_meta")
