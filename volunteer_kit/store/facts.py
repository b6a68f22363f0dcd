"""Facts are never edited: a correction is a new record that supersedes. This is the one place
that says which records of a fact table count now, and how a fact made here begins."""

from __future__ import annotations

from sqlalchemy import Connection

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.records import Profile
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.store.devices import profile

# The columns every fact record starts with, in the order origin() and the rows give them.
FACT_BASE = ("id", "commune_code", "created_by_device", "created_at", "pending", "deleted")


def current(table: str, alias: str) -> str:
    """SQL condition: the record `alias` of `table` is not deleted and nothing supersedes it."""
    return (
        f"{alias}.deleted = 0 AND NOT EXISTS "
        f"(SELECT 1 FROM {table} newer WHERE newer.supersedes_id = {alias}.id)"
    )


def origin(conn: Connection, me: Profile | None = None) -> tuple[str, str, str]:
    """(commune code, device id, now as stored) of a fact this device records now."""
    me = me or profile(conn)
    return me.commune_code or "", me.device_id, stored_datetime(utcnow()) or ""
