"""Lesson packs and trusted publisher keys handed down to devices

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "hub_pack",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("seq", SEQ, nullable=False, unique=True),
        sa.Column("pack_id", sa.String(100), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("title_vi", sa.Text(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("all_communes", sa.Boolean(), nullable=False),
        sa.Column("communes", sa.Text(), nullable=False),
        sa.Column("trust", sa.String(20), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("published_at", WHEN, nullable=False),
        sa.UniqueConstraint("pack_id", "version", name="uq_hub_pack_version"),
    )
    op.create_table(
        "hub_publisher",
        sa.Column("key_id", sa.String(16), primary_key=True),
        sa.Column("seq", SEQ, nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("added_at", WHEN, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("hub_publisher")
    op.drop_table("hub_pack")
