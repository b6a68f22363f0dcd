"""Learner search text and a change counter for the learner table

Search by phone and by hamlet as well as by name (accents, đ and case folded)
over one column; existing learners are filled in here. Triggers count every
change to learners, so the app's in-memory search index knows when to reload.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade() -> None:
    from volunteer_kit.core.text import learner_search_text

    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.String(), nullable=False, server_default=""))
    conn = op.get_bind()
    last = -1
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT rowid, full_name, phone, hamlet FROM learner WHERE rowid > :last "
                "ORDER BY rowid LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE learner SET search_text = :text WHERE rowid = :rowid"),
            [{"text": learner_search_text(r[1], r[2], r[3]), "rowid": r[0]} for r in rows],
        )
        last = rows[-1][0]
    op.create_table(
        "change_counter",
        sa.Column("name", sa.String(), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False, server_default="0"),
    )
    op.execute("INSERT INTO change_counter (name, value) VALUES ('learner', 0)")
    for event in ("INSERT", "UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER learner_changed_{event.lower()} AFTER {event} ON learner "
            "BEGIN UPDATE change_counter SET value = value + 1 WHERE name = 'learner'; END"
        )


def downgrade() -> None:
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER learner_changed_{event}")
    op.drop_table("change_counter")
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.drop_column("search_text")
