"""Fast inserts of many plain rows (demo data, imports, sync pages).

SQLAlchemy's per-row type processing costs more than SQLite's own work for
large batches, so rows go to the driver's executemany with values already in
the form the SQLAlchemy SQLite dialect stores (ISO text datetimes in UTC,
booleans as 0/1); the ORM reads them back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection


def stored_datetime(value: datetime | None) -> str | None:
    """A datetime as the SQLAlchemy SQLite dialect stores it (UTC, no offset)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


@cache
def _insert_sql(table_name: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table_name} ({names}) VALUES ({marks})"


def insert_values(
    conn: Connection, table_name: str, columns: tuple[str, ...], values: Sequence[tuple[Any, ...]]
) -> int:
    """Insert rows already in stored form (tuples in the order of `columns`)."""
    if values:
        conn.exec_driver_sql(_insert_sql(table_name, columns), list(values))
    return len(values)
