"""The device's sync state inside its store: the sync_state keys, what waits to go or to be applied,
and the quarantine (records the hub refused, and pulled records this device could not store).

The push side is in outgoing.py, the pull side in incoming.py; client.py talks to the hub.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from volunteer_kit.core.tables import SYNCED_TABLES

# sync_state keys.
HUB_URL = "hub_url"
TOKEN = "token"
HUB_ID = "hub_id"
ROLE = "role"
COMMUNE_CODE = "commune_code"
COMMUNE_NAME = "commune_name"
CA_FILE = "ca_file"
TLS_FINGERPRINT = "tls_fingerprint"  # the hub certificate's SHA-256, pinned at enrollment
INSECURE = "insecure"  # "1": the user chose plain http to a hub on the network (--insecure)
DEVICE_LABEL = "device_label"
ENROLLED_AT = "enrolled_at"
PULL_CURSOR = "pull_cursor"
CONFLICTS_CURSOR = "conflicts_cursor"
LAST_SYNC_AT = "last_sync_at"
LAST_SYNC_RESULT = "last_sync_result"
# The hub refused this laptop's token (revoked by an officer, or unknown to it): when this laptop
# learned it, the officer's reason and the hub's time of the revocation. Unsent records stay.
REVOKED_SEEN_AT = "revoked_seen_at"
REVOKED_AT = "revoked_at"
REVOKED_REASON = "revoked_reason"
REVOKED_BY_OFFICER = "revoked_by_officer"  # "1": the hub said device_revoked; "": an unknown token
# After a revocation: "<digest> <time> <count>" of the last bundle export of the unsent records, so
# forgetting the hub (deleting the token) is allowed only once what waits has been written out.
REVOKED_EXPORT = "revoked_export"
TOKEN_FORGOTTEN_AT = "token_forgotten_at"

# A pulled record this device cannot store waits in sync_quarantine beside the records the hub
# refused; its stored hash carries this mark, so the two are told apart, and no pending row (whose
# hash is plain) is ever held back by it.
PULLED_MARK = "pulled:"
# An erasure the hub keeps waiting for an officer's approval: quarantined with its reason, under a
# marked hash so it is not held back: it goes again at every sync until the hub has applied it.
WAITING_MARK = "waiting:"
_QUARANTINE_SQL = (
    "INSERT INTO sync_quarantine (table_name, record_id, hash, reason, reason_vi, at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(table_name, record_id) DO UPDATE SET "
    "hash = excluded.hash, reason = excluded.reason, reason_vi = excluded.reason_vi, at = excluded.at"
)


# --- state -------------------------------------------------------------------------------------------


def read_state(conn: Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.exec_driver_sql("SELECT key, value FROM sync_state").all()}


def write_state(conn: Connection, values: Mapping[str, object]) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(key, "" if value is None else str(value)) for key, value in values.items()],
    )


def revocation(state: dict[str, str]) -> dict[str, Any] | None:
    """What this laptop knows of its revocation (None when the hub never refused it)."""
    if not state.get(REVOKED_SEEN_AT):
        return None
    export = (state.get(REVOKED_EXPORT) or "").split()
    return {
        "seen_at": state[REVOKED_SEEN_AT],
        "revoked_at": state.get(REVOKED_AT) or None,
        "reason": state.get(REVOKED_REASON) or "",
        "by_officer": state.get(REVOKED_BY_OFFICER) == "1",
        "exported_at": export[1] if len(export) == 3 else None,
        "exported_records": int(export[2]) if len(export) == 3 else None,
        "token_forgotten_at": state.get(TOKEN_FORGOTTEN_AT) or None,
    }


def pending_count(conn: Connection) -> int:
    return sum(
        conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE pending = true").scalar() or 0
        for table in SYNCED_TABLES
    )


def parked_count(conn: Connection) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM sync_parked").scalar() or 0


# --- quarantine --------------------------------------------------------------------------------------


def quarantined(conn: Connection) -> dict[tuple[str, str], str]:
    """(table, id) -> the hash the hub rejected."""
    rows = conn.exec_driver_sql("SELECT table_name, record_id, hash FROM sync_quarantine").all()
    return {(r[0], r[1]): r[2] for r in rows}


def quarantine(conn: Connection, rows: Sequence[tuple[str, str, str, str, str, object]]) -> None:
    """Set records aside: (table, record id, hash, reason, reason_vi, at); a record already there is
    replaced."""
    conn.exec_driver_sql(_QUARANTINE_SQL, rows)


def list_quarantine(conn: Connection) -> list[dict[str, Any]]:
    """Every quarantined record; `source` says who refused it: "push" the hub, "pull" this device."""
    rows = conn.exec_driver_sql(
        "SELECT table_name, record_id, hash, reason, reason_vi, at FROM sync_quarantine "
        "ORDER BY at, table_name"
    ).all()
    return [
        {
            "table": r[0],
            "id": r[1],
            "hash": r[2].removeprefix(PULLED_MARK).removeprefix(WAITING_MARK),
            "source": "pull" if r[2].startswith(PULLED_MARK) else "push",
            "waiting": r[2].startswith(WAITING_MARK),  # for an officer's approval, sent again each sync
            "reason": r[3],
            "reason_vi": r[4],
            "at": r[5],
        }
        for r in rows
    ]


def retry_quarantined(conn: Connection, table: str | None = None, record_id: str | None = None) -> int:
    """Let records the hub refused go to it again (all, or one); returns how many.

    A record refused on pulling stays listed: nothing of it is here to send, and a good version
    from the hub takes its place by itself.
    """
    pushed = f"hash NOT LIKE '{PULLED_MARK}%'"
    if table and record_id:
        result = conn.exec_driver_sql(
            f"DELETE FROM sync_quarantine WHERE table_name = ? AND record_id = ? AND {pushed}",
            (table, record_id),
        )
    else:
        result = conn.exec_driver_sql(f"DELETE FROM sync_quarantine WHERE {pushed}")
    return max(result.rowcount, 0)
