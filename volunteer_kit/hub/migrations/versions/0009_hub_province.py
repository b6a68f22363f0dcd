"""Province dashboard: viewer accounts, sessions, refused logins, export jobs

Four new tables (volunteer_kit/hub/web/models.py); nothing existing changes. A viewer is a person
of one province with a password (argon2id hash); a session stores only the SHA-256 of its cookie;
refused logins are counted in the database so the throttle holds across hub processes; an export
job keeps its finished file (bytes) for a day.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "hub_viewer",
        sa.Column("login", sa.String(64), primary_key=True),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("last_login_at", WHEN, nullable=True),
    )
    op.create_table(
        "hub_viewer_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
    )
    op.create_index("ix_hub_viewer_session_login", "hub_viewer_session", ["login"])
    op.create_table(
        "hub_viewer_attempt",
        sa.Column("id", SEQ, primary_key=True, autoincrement=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", WHEN, nullable=False),
    )
    op.create_index("ix_hub_viewer_attempt_login_at", "hub_viewer_attempt", ["login", "at"])
    op.create_index("ix_hub_viewer_attempt_client_at", "hub_viewer_attempt", ["client", "at"])
    op.create_table(
        "hub_export_job",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("claimed_at", WHEN, nullable=True),
        sa.Column("finished_at", WHEN, nullable=True),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.Column("error", sa.String(300), nullable=False),
        sa.Column("filename", sa.String(120), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
    )
    op.create_index("ix_hub_export_job_login_created", "hub_export_job", ["login", "created_at"])
    op.create_index("ix_hub_export_job_expires", "hub_export_job", ["expires_at"])


def downgrade() -> None:
    op.drop_table("hub_export_job")
    op.drop_table("hub_viewer_attempt")
    op.drop_table("hub_viewer_session")
    op.drop_table("hub_viewer")
