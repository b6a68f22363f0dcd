"""This device at a glance (`volunteer-kit status`): who it is, its enrollment, what waits to sync."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.devices import device_role, this_commune, this_device_id
from volunteer_kit.sync import local as sync_local


def _pending_by_table(conn: Connection) -> dict[str, int]:
    """Records not yet accepted by the hub, per synced table (every table, zeros too), and `total`."""
    counts = {
        table: int(conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE pending = true").scalar() or 0)
        for table in SYNCED_TABLES
    }
    return {**counts, "total": sum(counts.values())}


def _last_sync(state: dict[str, str]) -> dict[str, Any] | None:
    """When the last finished sync ended and its summary, or None when it never synced."""
    at = state.get(sync_local.LAST_SYNC_AT)
    if not at:
        return None
    try:
        result = json.loads(state.get(sync_local.LAST_SYNC_RESULT) or "null")
    except ValueError:  # written by this app; unreadable only if damaged: the time still counts
        result = None
    return {"at": at, "result": result if isinstance(result, dict) else None}


def device_status(conn: Connection) -> dict[str, Any]:
    """Plain data about this device, for scripts (JSON) and people (the CLI's text)."""
    device_id = this_device_id(conn)
    state = sync_local.read_state(conn)
    label = conn.exec_driver_sql("SELECT label FROM device WHERE is_this_device = 1").scalar()
    commune_code, commune_name = this_commune(conn)
    enrolled = bool(state.get(sync_local.TOKEN))
    return {
        "device_id": device_id,
        "label": label or state.get(sync_local.DEVICE_LABEL) or "",
        "commune_code": commune_code or None,
        "commune_name": commune_name or state.get(sync_local.COMMUNE_NAME) or None,
        "role": device_role(conn),
        "enrolled": enrolled,
        "hub_url": state.get(sync_local.HUB_URL) or None,
        "enrolled_at": state.get(sync_local.ENROLLED_AT) or None,
        "pending": _pending_by_table(conn),
        "quarantined": int(conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar() or 0),
        "last_sync": _last_sync(state),
        # The hub refused this laptop (revoked): the reason, when, and whether the unsent records
        # were exported and the token forgotten since; None while the hub takes it.
        "revoked": sync_local.revocation(state),
    }
