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
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table


def stored_datetime(value: datetime | None) -> str | None:
    """A datetime as the SQLAlchemy SQLite dialect stores it (UTC, no offset)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def _converter(value: Any) -> Any:
    # Booleans need nothing: the driver stores True and False as 1 and 0.
    if isinstance(value, datetime):
        return stored_datetime
    return None


@cache
def _insert_sql(table_name: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table_name} ({names}) VALUES ({marks})"


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert dict rows (all with the keys of the first) into `table`; returns the count."""
    if not rows:
        return 0
    columns = tuple(rows[0])
    unknown = set(columns) - set(table.c.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column(s) {sorted(unknown)}")
    getter = itemgetter(*columns)
    values = [getter(row) if len(columns) > 1 else (getter(row),) for row in rows]
    # Convert only the columns that need it (datetimes), each distinct value once.
    for index, column in enumerate(columns):
        sample = next((row[column] for row in rows if row[column] is not None), None)
        convert = _converter(sample)
        if convert is None:
            continue
        done: dict[Any, Any] = {None: None}
        for n, value_row in enumerate(values):
            value = value_row[index]
            converted = done[value] if value in done else done.setdefault(value, convert(value))
            values[n] = (*value_row[:index], converted, *value_row[index + 1 :])
    conn.exec_driver_sql(_insert_sql(table.name, columns), values)
    return len(values)


def insert_values(
    conn: Connection, table_name: str, columns: tuple[str, ...], values: Sequence[tuple[Any, ...]]
) -> int:
    """Insert rows already in stored form (tuples in the order of `columns`)."""
    if values:
        conn.exec_driver_sql(_insert_sql(table_name, columns), list(values))
    return len(values)
