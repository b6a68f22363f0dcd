"""Province analytics: commune × week tables rebuilt in the background

(Placeholder in the chain while this revision is written: it changes nothing yet.)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
