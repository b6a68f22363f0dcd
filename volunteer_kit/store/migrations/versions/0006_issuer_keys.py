"""Officers' certificate-signing public keys as synced facts

An officer device makes an Ed25519 key pair; its private key stays in the data
folder, its public part is an issuer_key fact that syncs, so every device (and
the hub's verification page) knows which keys may sign certificates.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issuer_key",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(), nullable=False),
        sa.Column("volunteer_id", sa.String(), sa.ForeignKey("volunteer.id"), nullable=True),
        sa.UniqueConstraint("key_id"),
    )
    with op.batch_alter_table("issuer_key", schema=None) as batch_op:
        batch_op.create_index(
            "ix_issuer_key_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )


def downgrade() -> None:
    op.drop_table("issuer_key")
