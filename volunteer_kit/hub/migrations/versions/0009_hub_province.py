"""Province dashboard: viewer accounts, sessions, export jobs

(Placeholder in the chain while this revision is written: it changes nothing yet.)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
