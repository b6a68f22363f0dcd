"""Province analytics: commune × week tables rebuilt in the background

hub.analytics runs the desktop's own commune report over each commune's synced records and keeps
the figures here; the province dashboard reads only these rows (a few hundred), never the records.
New tables only: existing data is untouched, and a hub that never built its figures shows
"not built yet" until its first rebuild.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "hub_analytics_commune",
        sa.Column("commune_code", sa.String(5), primary_key=True),
        sa.Column("seen_seq", SEQ, nullable=False),
        sa.Column("packs_key", sa.String(64), nullable=False, server_default=""),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("learners_reached", sa.Integer(), nullable=False),
        sa.Column("households_visited", sa.Integer(), nullable=False),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("households_total", sa.Integer(), nullable=False),
        sa.Column("certificates_issued", sa.Integer(), nullable=False),
        sa.Column("volunteers_active_month", sa.Integer(), nullable=False),
        sa.Column("pack_people", sa.Text(), nullable=False),
        sa.Column("household_skills", sa.Text(), nullable=False),
        sa.Column("pack_titles", sa.Text(), nullable=False),
        sa.Column("last_received_at", WHEN, nullable=True),
        sa.Column("last_recorded_at", WHEN, nullable=True),
        sa.Column("built_at", WHEN, nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False, server_default="0"),
    )
    op.create_table(
        "hub_analytics_week",
        sa.Column("commune_code", sa.String(5), primary_key=True),
        sa.Column("week_start", sa.Date(), primary_key=True),
        sa.Column("sessions", sa.Integer(), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
    )
    op.create_table(
        "hub_analytics_province",
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("built_at", WHEN, nullable=False),
        sa.Column("communes_rebuilt", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("seconds", sa.Float(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("hub_analytics_province")
    op.drop_table("hub_analytics_week")
    op.drop_table("hub_analytics_commune")
