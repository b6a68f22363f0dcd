"""What a device pulls: its commune's latest record versions after a cursor, and (officers)
the conflicts the hub kept."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, and_, select, text

from volunteer_kit.hub.db import province_of
from volunteer_kit.hub.models import conflict_t, device_t, latest_t, record_t
from volunteer_kit.hub.times import iso

MAX_CONFLICTS_PAGE = 500
MAX_CONFLICT_ID = 2**31 - 1


def pull_page(engine: Engine, *, commune_code: str, after: int, limit: int) -> tuple[str, int, bool]:
    """Up to `limit` latest versions of the commune's records with seq > after, in seq order.

    Returns the records as the text of a JSON array's items (each
    `{"seq":…,"table":…,"id":…,"hash":…,"data":{…}}`, data spliced in as stored, never parsed),
    the last seq of the page (`after` when it is empty) and whether more follow.

    `engine` may be a read replica (hub serve --db-read): a lagging one returns fewer records and
    a smaller `next`, so the device's cursor only moves to what it was given; lag delays, never loses.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # Named as a value, so PostgreSQL keeps to that province's partition of hub_record.
            province = province_of(conn, commune_code)
            items, last, more = conn.execute(
                _PG_PULL_PAGE, {"commune": commune_code, "province": province, "after": after, "limit": limit}
            ).one()
            return items or "", last or after, bool(more)
        rows = conn.execute(
            select(
                latest_t.c.seq,
                record_t.c.table_name,
                record_t.c.record_id,
                record_t.c.content_hash,
                record_t.c.data,
            )
            .select_from(latest_t.join(record_t, record_t.c.seq == latest_t.c.seq))
            .where(and_(latest_t.c.commune_code == commune_code, latest_t.c.seq > after))
            .order_by(latest_t.c.seq)
            .limit(limit + 1)
        ).all()
    dumps = json.dumps
    items = ",".join(
        f'{{"seq":{seq},"table":{dumps(table)},"id":{dumps(rid)},"hash":{dumps(h)},"data":{data}}}'
        for seq, table, rid, h, data in rows[:limit]
    )
    return items, rows[:limit][-1][0] if rows else after, len(rows) > limit


# On PostgreSQL the page is written by the database (in C, in its own process, outside the hub's
# GIL): the hub passes one string on instead of building thousands of rows in Python.
_PG_PULL_PAGE = text(
    # The page's seqs are chosen first, narrow (whatever plan PostgreSQL picks, it never sorts
    # the records' data), then joined to their data.
    "WITH page AS (SELECT l.seq, row_number() OVER (ORDER BY l.seq) AS n FROM (SELECT seq "
    "FROM hub_latest WHERE commune_code = :commune AND seq > :after ORDER BY seq LIMIT :limit + 1) l), "
    "numbered AS (SELECT p.seq, p.n, r.table_name, r.record_id, r.content_hash, r.data "
    "FROM page p JOIN hub_record r ON r.province_code = :province AND r.seq = p.seq) "
    'SELECT string_agg(format(\'{"seq":%s,"table":%s,"id":%s,"hash":%s,"data":%s}\', '
    "seq, to_json(table_name), to_json(record_id), to_json(content_hash), data), ',' ORDER BY seq) "
    "FILTER (WHERE n <= :limit), max(seq) FILTER (WHERE n <= :limit), count(*) > :limit FROM numbered"
)


def list_conflicts(
    engine: Engine, *, commune_code: str, after: int, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    # Conflict ids are INTEGER (int32 on PostgreSQL): a cursor past the largest is past them all,
    # and must not reach the database as an out-of-range parameter.
    after = min(after, MAX_CONFLICT_ID)
    with engine.connect() as conn:
        rows = (
            conn.execute(
                select(conflict_t)
                .where(conflict_t.c.commune_code == commune_code, conflict_t.c.id > after)
                .order_by(conflict_t.c.id)
                .limit(limit + 1)
            )
            .mappings()
            .all()
        )
        # The officer reads the laptops by the labels they enrolled with, not by their ids.
        devices = sorted({r[column] for r in rows[:limit] for column in ("by_device", "overwritten_device")})
        labels = (
            dict(
                conn.execute(select(device_t.c.id, device_t.c.label).where(device_t.c.id.in_(devices))).all()
            )
            if devices
            else {}
        )
    out = [
        {
            "id": r["id"],
            "table": r["table_name"],
            "record_id": r["record_id"],
            "kept_seq": r["kept_seq"],
            "overwritten_seq": r["overwritten_seq"],
            "overwritten": json.loads(r["overwritten_data"]),
            "by_device": r["by_device"],
            "overwritten_device": r["overwritten_device"],
            "by_device_label": labels.get(r["by_device"]) or "",
            "overwritten_device_label": labels.get(r["overwritten_device"]) or "",
            "at": iso(r["at"]),
        }
        for r in rows[:limit]
    ]
    return out, len(rows) > limit
