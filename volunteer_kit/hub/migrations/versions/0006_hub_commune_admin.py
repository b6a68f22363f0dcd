"""Commune administration by officers: code ids, cancelled codes, who made them; revocation reasons,
who revoked, and the app version a device last spoke with

Enrollment codes keep their hash as the primary key (the enrollment looks them up by it); the new
`id` names one to the officer who lists and cancels it (the code itself is never shown again). Codes
made before this revision get an id here, so none is lost.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("hub_enroll_code") as batch:
        batch.add_column(sa.Column("id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("cancelled_at", WHEN, nullable=True))
        batch.add_column(sa.Column("created_by", sa.String(64), nullable=False, server_default=""))
    codes = sa.table("hub_enroll_code", sa.column("code_hash", sa.String), sa.column("id", sa.String))
    bind = op.get_bind()
    for (code_hash,) in bind.execute(sa.select(codes.c.code_hash).where(codes.c.id.is_(None))).all():
        bind.execute(codes.update().where(codes.c.code_hash == code_hash).values(id=str(uuid.uuid4())))
    with op.batch_alter_table("hub_enroll_code") as batch:
        batch.alter_column("id", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint("uq_hub_enroll_code_id", ["id"])
        batch.create_index("ix_hub_enroll_code_commune_created", ["commune_code", "created_at"])
    with op.batch_alter_table("hub_device") as batch:
        batch.add_column(sa.Column("revoked_reason", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("revoked_by", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("app_version", sa.String(32), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("hub_device") as batch:
        batch.drop_column("app_version")
        batch.drop_column("revoked_by")
        batch.drop_column("revoked_reason")
    with op.batch_alter_table("hub_enroll_code") as batch:
        batch.drop_index("ix_hub_enroll_code_commune_created")
        batch.drop_constraint("uq_hub_enroll_code_id", type_="unique")
        batch.drop_column("created_by")
        batch.drop_column("cancelled_at")
        batch.drop_column("id")
