"""Indexes for the duplicate guard: folded name with birth year, and phone

Registering someone checks, in a few milliseconds even with 100,000 learners,
whether the same folded name and birth year or the same phone is already known.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.create_index(
            "ix_learner_name_folded_birth_year", ["name_folded", "birth_year"], unique=False
        )
        batch_op.create_index("ix_learner_phone", ["phone"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.drop_index("ix_learner_phone")
        batch_op.drop_index("ix_learner_name_folded_birth_year")
