"""`hub stats`: records per commune and table, versions, conflicts, devices and last contact."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select

from volunteer_kit.hub.models import commune_t, conflict_t, device_t, latest_t, record_t
from volunteer_kit.hub.times import iso


def hub_stats(engine: Engine) -> dict[str, Any]:
    """Records per commune and table (latest versions, not history), devices, last contact."""
    with engine.connect() as conn:
        names = dict(conn.execute(select(commune_t.c.code, commune_t.c.name)).all())
        counts = conn.execute(
            select(latest_t.c.commune_code, latest_t.c.table_name, func.count()).group_by(
                latest_t.c.commune_code, latest_t.c.table_name
            )
        ).all()
        versions: dict[str, int] = dict(
            conn.execute(
                select(record_t.c.commune_code, func.count()).group_by(record_t.c.commune_code)
            ).all()
        )
        conflicts: dict[str, int] = dict(
            conn.execute(
                select(conflict_t.c.commune_code, func.count()).group_by(conflict_t.c.commune_code)
            ).all()
        )
        devices = (
            conn.execute(select(device_t).order_by(device_t.c.commune_code, device_t.c.id)).mappings().all()
        )
    communes: dict[str, dict[str, Any]] = {}

    def entry(code: str) -> dict[str, Any]:
        if code not in communes:
            communes[code] = {
                "commune_code": code,
                "commune_name": names.get(code, ""),
                "records": {},
                "records_total": 0,
                "versions_total": versions.get(code, 0),
                "conflicts": conflicts.get(code, 0),
                "devices": 0,
                "revoked_devices": 0,
                "last_contact": None,
            }
        return communes[code]

    for code, table, n in counts:
        e = entry(code)
        e["records"][table] = n
        e["records_total"] += n
    device_list = []
    for d in devices:
        e = entry(d["commune_code"])
        if d["revoked_at"] is None:
            e["devices"] += 1
        else:
            e["revoked_devices"] += 1
        seen = iso(d["last_seen_at"])
        if seen and (e["last_contact"] is None or seen > e["last_contact"]):
            e["last_contact"] = seen
        device_list.append(
            {
                "id": d["id"],
                "label": d["label"],
                "commune_code": d["commune_code"],
                "role": d["role"],
                "enrolled_at": iso(d["enrolled_at"]),
                "last_seen_at": seen,
                "revoked_at": iso(d["revoked_at"]),
            }
        )
    return {
        "communes": [communes[c] for c in sorted(communes)],
        "devices": device_list,
        "records_total": sum(c["records_total"] for c in communes.values()),
    }
