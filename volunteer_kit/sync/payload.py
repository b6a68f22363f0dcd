"""The records that travel between a device and the hub (docs/sync-protocol.md), shared by both.

No Qt, no HTTP here: turning a stored row into the JSON `data` of a record and
back, the canonical hash, and the limits both sides enforce.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from volunteer_kit.core.tables import SYNCED_TABLES

PROTOCOL = 1
PROTOCOL_HEADER = "X-VK-Protocol"
API = "/api/v1"

# Facts never change once recorded; editable records get a new version (and seq) per edit.
FACT_TABLES = frozenset(
    {
        "consent",
        "learner_merge",
        "attendance",
        "quiz_attempt",
        "skill_check",
        "issuer_key",
        "issuer_key_retirement",
        "certificate",
        "certificate_revocation",
    }
)
EDITABLE_TABLES = frozenset(SYNCED_TABLES) - FACT_TABLES
# Tables only an officer may write (certificates are issued by the commune).
OFFICER_TABLES = frozenset({"issuer_key", "issuer_key_retirement", "certificate", "certificate_revocation"})
# The columns a learner keeps after consent is withdrawn: the hub erases the rest in old versions.
IDENTIFYING_LEARNER_COLUMNS = ("full_name", "name_folded", "name_sort", "search_text", "phone", "birth_year")

# Limits: the hub refuses more; the client makes smaller batches.
MAX_PUSH_RECORDS = 1000
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_PULL_LIMIT = 2000
CLIENT_BATCH_RECORDS = 500
CLIENT_BATCH_BYTES = 2 * 1024 * 1024

# Local columns that never travel: bookkeeping, and `is_me` (which volunteer record is this
# laptop's own user is this laptop's business: a pushed "me" must never make another one).
LOCAL_COLUMNS = frozenset({"server_seq", "pending", "is_me"})


@cache
def table_columns(table: str) -> tuple[str, ...]:
    """The columns of a synced table that travel in `data`, in the models' order."""
    from volunteer_kit.core import models

    if table not in SYNCED_TABLES:
        raise ValueError(f"{table} is not a synced table")
    sql_table = models.table_named(table)
    return tuple(c.name for c in sql_table.columns if c.name not in LOCAL_COLUMNS)


@cache
def _kinds(table: str) -> dict[str, str]:
    """column -> "datetime" | "bool" | "" for the columns whose stored form differs from JSON."""
    from sqlalchemy import Boolean, DateTime

    from volunteer_kit.core import models

    kinds = {}
    for column in models.table_named(table).columns:
        kind = getattr(column.type, "impl", column.type)  # SQLModel wraps DateTime in a TypeDecorator
        if isinstance(kind, DateTime) or isinstance(column.type, DateTime):
            kinds[column.name] = "datetime"
        elif isinstance(column.type, Boolean):
            kinds[column.name] = "bool"
    return kinds


# The stored form ("2026-11-20 01:30:00.000000", naive UTC) and the wire form (with "T" and "Z"):
# converting between the two exact forms is string surgery, much cheaper than parsing.
_STORED = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")
_WIRE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def _iso(value: Any) -> str | None:
    """A stored datetime (a datetime, or SQLite's ISO text) as ISO 8601 UTC with 'Z'."""
    if value is None:
        return None
    if isinstance(value, str) and _STORED.fullmatch(value) and value[5:7] <= "12":
        return f"{value[:10]}T{value[11:]}Z"
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.isoformat(timespec="microseconds") + "Z"


def row_to_data(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored row (any mapping with the table's columns) as the `data` of a record."""
    kinds = _kinds(table)
    data: dict[str, Any] = {}
    for column in table_columns(table):
        value = row[column]
        kind = kinds.get(column)
        if kind == "datetime":
            value = _iso(value)
        elif kind == "bool" and value is not None:
            value = bool(value)
        data[column] = value
    return data


def data_to_row(table: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The `data` of a record as values to store in SQLite (datetimes as naive UTC text, bools as 0/1).

    Raises ValueError for a missing or unknown column or a value of the wrong form.
    """
    columns = table_columns(table)
    unknown = set(data) - set(columns)
    missing = set(columns) - set(data)
    if unknown or missing:
        raise ValueError(f"{table}: unknown columns {sorted(unknown)}, missing {sorted(missing)}")
    kinds = _kinds(table)
    row: dict[str, Any] = {}
    for column in columns:
        value = data[column]
        kind = kinds.get(column)
        if value is None:
            row[column] = None
        elif kind == "datetime":
            if not isinstance(value, str):
                raise ValueError(f"{table}.{column}: not a date and time")
            if _WIRE.fullmatch(value) and value[5:7] <= "12":
                datetime.fromisoformat(value[:26])  # still refuses a day or hour that does not exist
                row[column] = f"{value[:10]} {value[11:26]}"
                continue
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if parsed.tzinfo is not None:
                parsed = parsed.astimezone(UTC).replace(tzinfo=None)
            row[column] = parsed.isoformat(" ", "microseconds")
        elif kind == "bool":
            if not isinstance(value, bool):
                raise ValueError(f"{table}.{column}: not true or false")
            row[column] = int(value)
        else:
            if not isinstance(value, str | int | float):
                raise ValueError(f"{table}.{column}: not a plain value")
            row[column] = value
    return row


def canonical(data: Mapping[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(data: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def make_record(table: str, row: Mapping[str, Any], base_seq: int | None = None) -> dict[str, Any]:
    """A record to push: envelope plus data, with its hash."""
    data = row_to_data(table, row)
    return {
        "table": table,
        "id": data["id"],
        "commune_code": data["commune_code"],
        "hash": content_hash(data),
        "base_seq": base_seq,
        "data": data,
    }
