"""Records partitioned by province on PostgreSQL

`hub_record` gets `province_code` (String(2)): the province of the record's commune (hub_commune),
filled here for every record already stored ("" for a commune the hub has no province for).

On PostgreSQL the table becomes `PARTITION BY LIST (province_code)`: one partition per province
the hub knows (the 34 of core.admin_units and any other two-digit code in hub_commune), named
`hub_record_p<code>`, plus `hub_record_default` for any other value (a commune made with no
province). A two-digit province that appears later gets its partition when its first commune is
made (hub.db.ensure_province_partition, from hub.enrollment.ensure_commune). A pull names its
province, so PostgreSQL reads one partition (hub.pull), and each partition's indexes stay the
size of one province.

The rows move by INSERT … SELECT into the new table; `seq` keeps the same sequence (handed over
with OWNED BY), so the next record gets the next number after the old ones. A partitioned table's
unique keys must include the partition key:
- the primary key becomes (seq, province_code). seq first: a lookup by seq alone (a latest
  pointer's version, an update by seq) stays an index probe in each partition instead of a scan;
- `uq_hub_record_version` becomes (table_name, record_id, content_hash, province_code). This loses
  nothing: a (table, id) belongs to one commune for ever (hub_latest's key and the trigger of
  0004), and all of a commune's records are in its province (a province change of a commune moves
  them: hub.db.move_commune_records), so no two versions of one record are ever in two provinces.
Nothing refers to hub_record (no foreign key, no trigger: 0004's trigger is on hub_latest), so
nothing else needs rebuilding. On SQLite `province_code` is a plain column.

Cost: the copy rewrites the table once (about a minute per few million records on a small
server); take a pg_dump first (the hub says so in its log before migrating).

Downgrade: back to a plain table (same columns, province_code dropped, the same sequence).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from volunteer_kit.core.admin_units import PROVINCES

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = "seq, table_name, record_id, commune_code, device_id, content_hash, data, received_at"
PARTITION_CODE = re.compile(r"^[0-9]{2}$")  # other values (none in practice) go to DEFAULT


def partition_name(province_code: str) -> str:
    return f"hub_record_p{province_code}"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _partition_postgresql()
        return
    with op.batch_alter_table("hub_record") as batch:
        batch.add_column(sa.Column("province_code", sa.String(2), nullable=False, server_default=""))
    op.execute(
        "UPDATE hub_record SET province_code = coalesce((SELECT c.province_code FROM hub_commune c "
        "WHERE c.code = hub_record.commune_code), '')"
    )


def _provinces() -> list[str]:
    rows = op.get_bind().exec_driver_sql("SELECT DISTINCT province_code FROM hub_commune")
    known = {row[0] for row in rows}
    return sorted(code for code in set(PROVINCES) | known if code and PARTITION_CODE.match(code))


def _partition_postgresql() -> None:
    bind = op.get_bind()
    sequence = bind.exec_driver_sql("SELECT pg_get_serial_sequence('hub_record', 'seq')").scalar()
    if not sequence:
        raise RuntimeError("hub_record.seq has no sequence: not a hub database made by its migrations")
    op.execute("ALTER TABLE hub_record RENAME TO hub_record_old")
    op.execute("ALTER TABLE hub_record_old RENAME CONSTRAINT hub_record_pkey TO hub_record_old_pkey")
    op.execute(
        "ALTER TABLE hub_record_old RENAME CONSTRAINT uq_hub_record_version TO uq_hub_record_old_version"
    )
    op.execute(
        "CREATE TABLE hub_record ("
        f"seq BIGINT NOT NULL DEFAULT nextval('{sequence}'::regclass), "
        "table_name VARCHAR(32) NOT NULL, record_id VARCHAR(36) NOT NULL, commune_code VARCHAR(5) NOT NULL, "
        "device_id VARCHAR(36) NOT NULL, content_hash VARCHAR(64) NOT NULL, data TEXT NOT NULL, "
        "received_at TIMESTAMP WITH TIME ZONE NOT NULL, province_code VARCHAR(2) NOT NULL DEFAULT '', "
        "CONSTRAINT hub_record_pkey PRIMARY KEY (seq, province_code), "
        "CONSTRAINT uq_hub_record_version UNIQUE (table_name, record_id, content_hash, province_code)"
        ") PARTITION BY LIST (province_code)"
    )
    for code in _provinces():
        op.execute(f"CREATE TABLE {partition_name(code)} PARTITION OF hub_record FOR VALUES IN ('{code}')")
    op.execute("CREATE TABLE hub_record_default PARTITION OF hub_record DEFAULT")
    op.execute(
        f"INSERT INTO hub_record ({COLUMNS}, province_code) "
        f"SELECT {', '.join('o.' + c for c in COLUMNS.split(', '))}, coalesce(c.province_code, '') "
        "FROM hub_record_old o LEFT JOIN hub_commune c ON c.code = o.commune_code"
    )
    op.execute(f"ALTER SEQUENCE {sequence} OWNED BY hub_record.seq")
    op.execute("DROP TABLE hub_record_old")
    op.execute("ANALYZE hub_record")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table("hub_record") as batch:
            batch.drop_column("province_code")
        return
    bind = op.get_bind()
    sequence = bind.exec_driver_sql("SELECT pg_get_serial_sequence('hub_record', 'seq')").scalar()
    op.execute(
        "CREATE TABLE hub_record_plain ("
        f"seq BIGINT NOT NULL DEFAULT nextval('{sequence}'::regclass), "
        "table_name VARCHAR(32) NOT NULL, record_id VARCHAR(36) NOT NULL, commune_code VARCHAR(5) NOT NULL, "
        "device_id VARCHAR(36) NOT NULL, content_hash VARCHAR(64) NOT NULL, data TEXT NOT NULL, "
        "received_at TIMESTAMP WITH TIME ZONE NOT NULL, "
        "CONSTRAINT hub_record_plain_pkey PRIMARY KEY (seq), "
        "CONSTRAINT uq_hub_record_plain_version UNIQUE (table_name, record_id, content_hash))"
    )
    op.execute(f"INSERT INTO hub_record_plain ({COLUMNS}) SELECT {COLUMNS} FROM hub_record")
    op.execute(f"ALTER SEQUENCE {sequence} OWNED BY hub_record_plain.seq")
    op.execute("DROP TABLE hub_record")  # its partitions go with it
    op.execute("ALTER TABLE hub_record_plain RENAME TO hub_record")
    op.execute("ALTER TABLE hub_record RENAME CONSTRAINT hub_record_plain_pkey TO hub_record_pkey")
    op.execute(
        "ALTER TABLE hub_record RENAME CONSTRAINT uq_hub_record_plain_version TO uq_hub_record_version"
    )
