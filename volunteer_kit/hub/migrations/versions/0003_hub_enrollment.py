"""Enrollment: device ids bound by the hub, attempts counted per code and client

Device ids need no new column: `hub_device` keeps every id it ever enrolled (revoked ones
included), and hub.enrollment never moves one to another enrollment. What is new is the
table of refused attempts, shared by every hub process on the database.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "hub_enroll_attempt",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_index("ix_hub_enroll_attempt_client_at", "hub_enroll_attempt", ["client", "at"])
    op.create_index("ix_hub_enroll_attempt_at", "hub_enroll_attempt", ["at"])
    op.create_index("ix_hub_enroll_attempt_code_at", "hub_enroll_attempt", ["code_hash", "at"])


def downgrade() -> None:
    op.drop_table("hub_enroll_attempt")
