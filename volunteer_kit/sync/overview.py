"""What the Sync page shows, read in one connection: this laptop's enrollment, what waits to go,
what the hub refused, and the lesson packs waiting for the user's decision; and a sync's outcome and
the hub's overwritten edits with their records and laptops named as a person reads them (on the
worker that syncs, never on the GUI thread)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection, Engine

from volunteer_kit.store.devices import this_device_id
from volunteer_kit.store.overview import pending_by_table
from volunteer_kit.store.record_names import record_names
from volunteer_kit.sync import client, local
from volunteer_kit.sync import packs as hub_packs


def sync_overview(conn: Connection) -> dict[str, Any]:
    """The client's status (enrolled, hub, commune, role, last sync, pending) with the commune's name,
    the hub certificate file, the last sync's summary, pending records per table, the quarantine,
    this device's id and the packs from the hub waiting for a decision."""
    overview = dict(client.status(conn))
    state = local.read_state(conn)
    overview["commune_name"] = state.get(local.COMMUNE_NAME)
    overview["ca_file"] = state.get(local.CA_FILE)
    overview["last_result"] = state.get(local.LAST_SYNC_RESULT)
    overview["by_table"] = pending_by_table(conn)
    quarantine = local.list_quarantine(conn)
    names = record_names(conn, ((item["table"], item["id"]) for item in quarantine))
    for item in quarantine:
        item["name"] = names.get((item["table"], item["id"]), "")  # "" when not held here
    overview["quarantine"] = quarantine
    overview["device_id"] = this_device_id(conn)
    overview["device_label"] = str(
        conn.exec_driver_sql("SELECT label FROM device WHERE is_this_device = 1").scalar() or ""
    )
    overview["packs_waiting"] = hub_packs.waiting_entries(state)
    overview["revoked"] = local.revocation(state)  # None unless the hub refused this laptop
    return overview


@dataclass
class SyncReport:
    """A sync's result (client.SyncResult) with what a person reads of it: the records the hub refused
    and the edits it overwrote (officers), each named (`named_conflicts`' shape for the latter)."""

    result: Any
    refused: list[dict[str, Any]] = field(default_factory=list)  # {table, id, name}
    overwritten: list[dict[str, Any]] = field(default_factory=list)


def sync_and_name(engine: Engine, **options: Any) -> SyncReport:
    """client.sync, then the names of what it refused and of the edits it found overwritten."""
    with engine.connect() as conn:
        cursor = int(local.read_state(conn).get(local.CONFLICTS_CURSOR) or 0)
    result = client.sync(engine, **options)
    # The conflicts this sync counted are those after the cursor it started from.
    found = client.conflicts(engine, after=cursor) if result.conflicts else []
    with engine.connect() as conn:
        refused = [{"table": r["table"], "id": r["id"]} for r in result.rejections]
        names = record_names(conn, ((r["table"], r["id"]) for r in refused))
        for item in refused:
            item["name"] = names.get((item["table"], item["id"]), "")
        return SyncReport(result, refused, name_conflicts(conn, found))


def named_conflicts(engine: Engine) -> list[dict[str, Any]]:
    """The hub's overwritten edits of this commune (officers), named: see `name_conflicts`."""
    found = client.conflicts(engine)
    with engine.connect() as conn:
        return name_conflicts(conn, found)


def name_conflicts(conn: Connection, conflicts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each conflict with `name` (the record as this laptop names it, else as the lost version did,
    else "") and `by_name`, `overwritten_name` (the laptops' labels: "" for this laptop, which the
    page calls "this laptop", and for a laptop nobody named)."""
    items = [dict(item) for item in conflicts]
    names = record_names(conn, ((str(i.get("table")), str(i.get("record_id"))) for i in items))
    me = this_device_id(conn)
    users = _device_users(
        conn, {str(i.get(k) or "") for i in items for k in ("by_device", "overwritten_device")}
    )
    for item in items:
        given = item.get("overwritten")
        lost: dict[str, Any] = given if isinstance(given, dict) else {}
        item["name"] = names.get((str(item.get("table")), str(item.get("record_id")))) or str(
            lost.get("full_name") or lost.get("head_name") or ""
        )
        for who in ("by", "overwritten"):
            device = str(item.get(f"{who}_device") or "")
            item[f"{who}_is_me"] = device == me
            item[f"{who}_name"] = str(item.get(f"{who}_device_label") or "")
            item[f"{who}_user"] = users.get(device, "")
    return items


def _device_users(conn: Connection, devices: set[str]) -> dict[str, str]:
    """{device id: the name of the volunteer whose profile was made on it}: a laptop the hub knows no
    label for is still "the laptop of Nguyễn Thị Lan"."""
    found: dict[str, str] = {}
    for device in devices - {""}:
        name = conn.exec_driver_sql(
            "SELECT full_name FROM volunteer WHERE created_by_device = ? AND full_name != '' "
            "ORDER BY created_at LIMIT 1",
            (device,),
        ).scalar()
        if name:
            found[device] = str(name)
    return found
