"""Record ids unique across communes (a constraint, not a check-then-insert)

A (table, id) belongs to the commune that stored it first, for ever. hub_latest's primary key
(table_name, record_id) holds one row per record whatever the commune, and a push writes it with
`INSERT … ON CONFLICT DO UPDATE … WHERE hub_latest.commune_code = excluded.commune_code
RETURNING`: of two communes pushing the same id at the same moment, the database lets one in
and the other's row is not written, so its push refuses that record (hub.push._store_versions).

This revision makes the rule hold for every writer, not only for that statement: a trigger
refuses any UPDATE that would move a hub_latest row to another commune (the push never sets the
column on update, so the trigger costs it nothing).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TRIGGER = "hub_latest_commune_fixed"
MESSAGE = "hub_latest: a record''s commune never changes"


def upgrade() -> None:
    if _postgresql():
        op.execute(
            f"CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation', "
            "DETAIL = OLD.table_name || ' ' || OLD.record_id; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OF commune_code ON hub_latest FOR EACH ROW "
            f"WHEN (OLD.commune_code IS DISTINCT FROM NEW.commune_code) EXECUTE FUNCTION {TRIGGER}()"
        )
        return
    op.execute(
        f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OF commune_code ON hub_latest FOR EACH ROW "
        f"WHEN NEW.commune_code IS NOT OLD.commune_code BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def downgrade() -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}" + (" ON hub_latest" if _postgresql() else ""))
    if _postgresql():
        op.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"
