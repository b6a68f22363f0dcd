"""Retired and compromised certificate-signing keys as synced facts

An officer retires a signing key (it signs nothing more; what it signed stands) or declares it
compromised (none of its certificates stand). The retirement is an officer's fact that syncs,
so every device and the hub's verification page learn it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issuer_key_retirement",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("compromised", sa.Boolean(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("issuer_key_retirement", schema=None) as batch_op:
        batch_op.create_index("ix_issuer_key_retirement_key_id", ["key_id"], unique=False)
        batch_op.create_index(
            "ix_issuer_key_retirement_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )


def downgrade() -> None:
    op.drop_table("issuer_key_retirement")
