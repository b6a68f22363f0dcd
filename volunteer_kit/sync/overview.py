"""What the Sync page shows, read in one connection: this laptop's enrollment, what waits to go,
what the hub refused, and the lesson packs waiting for the user's decision."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

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
    overview["packs_waiting"] = hub_packs.waiting_entries(state)
    return overview
