"""Merging two learner records as a recorded fact

An officer who finds one person registered twice merges the records: a
learner_merge fact says so (it syncs like any fact), the merged record points
at the kept one, and its attendance and results move by superseding facts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.String(length=36), nullable=True))
    op.create_table(
        "learner_merge",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("kept_id", sa.String(), sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("merged_id", sa.String(), sa.ForeignKey("learner.id"), nullable=False),
        sa.Column("merged_by", sa.String(), sa.ForeignKey("volunteer.id"), nullable=True),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("moved_facts", sa.Integer(), nullable=False),
    )
    with op.batch_alter_table("learner_merge", schema=None) as batch_op:
        batch_op.create_index("ix_learner_merge_kept_id", ["kept_id"], unique=False)
        batch_op.create_index("ix_learner_merge_merged_id", ["merged_id"], unique=False)
        batch_op.create_index(
            "ix_learner_merge_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )


def downgrade() -> None:
    op.drop_table("learner_merge")
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.drop_column("merged_into_id")
