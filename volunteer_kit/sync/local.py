"""The device's side of sync inside its store: state, what to push, the hub's answers, pulled pages.

No HTTP here (client.py talks to the hub); everything is plain SQL on a
connection, in bulk: pending rows are read per table through the partial
`pending` indexes, answers are written with executemany, so pushing or pulling
tens of thousands of records costs a few statements per batch, not per row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.sync import payload

log = logging.getLogger("volunteer_kit.sync")

# sync_state keys.
HUB_URL = "hub_url"
TOKEN = "token"
HUB_ID = "hub_id"
ROLE = "role"
COMMUNE_CODE = "commune_code"
COMMUNE_NAME = "commune_name"
CA_FILE = "ca_file"
DEVICE_LABEL = "device_label"
ENROLLED_AT = "enrolled_at"
PULL_CURSOR = "pull_cursor"
CONFLICTS_CURSOR = "conflicts_cursor"
LAST_SYNC_AT = "last_sync_at"
LAST_SYNC_RESULT = "last_sync_result"

READ_CHUNK = 2000  # pending rows read per query
ID_CHUNK = 500  # ids per `IN (...)` look-up (SQLite allows 32,766 variables; keep statements small)
TABLE_ORDER = {name: n for n, name in enumerate(SYNCED_TABLES)}


# --- state -------------------------------------------------------------------------------------------


def read_state(conn: Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.exec_driver_sql("SELECT key, value FROM sync_state").all()}


def write_state(conn: Connection, values: Mapping[str, object]) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(key, "" if value is None else str(value)) for key, value in values.items()],
    )


# --- push --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outgoing:
    """One pending row ready to push: its record as JSON bytes, and its stored values to compare later."""

    table: str
    id: str
    hash: str
    values: tuple[Any, ...]  # the stored data columns, in payload.table_columns order
    body: bytes


@cache
def _select_pending_sql(table: str) -> str:
    columns = ", ".join(payload.table_columns(table))
    # `pending = true` is the partial index's own condition, so SQLite walks the index (rowid order).
    return (
        f"SELECT rowid, {columns}, server_seq FROM {table} "
        "WHERE pending = true AND rowid > ? ORDER BY rowid LIMIT ?"
    )


def pending_count(conn: Connection) -> int:
    return sum(
        conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE pending = true").scalar() or 0
        for table in SYNCED_TABLES
    )


def quarantined(conn: Connection) -> dict[tuple[str, str], str]:
    """(table, id) -> the hash the hub rejected."""
    rows = conn.exec_driver_sql("SELECT table_name, record_id, hash FROM sync_quarantine").all()
    return {(r[0], r[1]): r[2] for r in rows}


def encode_record(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def iter_outgoing(engine: Engine, *, skip: Mapping[tuple[str, str], str]) -> Iterator[Outgoing]:
    """Pending rows of every synced table, in foreign-key order (tables) and creation order (rowid).

    Rows are read in chunks, each in its own short read, so answers can be written between
    chunks; a quarantined version (same hash as rejected) is left out.
    """
    for table in SYNCED_TABLES:
        columns = payload.table_columns(table)
        sql = _select_pending_sql(table)
        last = -1
        while True:
            with engine.connect() as conn:
                rows = conn.exec_driver_sql(sql, (last, READ_CHUNK)).all()
            if not rows:
                break
            last = rows[-1][0]
            for row in rows:
                values = tuple(row[1:-1])
                record = payload.make_record(table, dict(zip(columns, values, strict=True)), row[-1])
                if skip and skip.get((table, record["id"])) == record["hash"]:
                    continue
                yield Outgoing(table, record["id"], record["hash"], values, encode_record(record))
            if len(rows) < READ_CHUNK:
                break


def batches(
    outgoing: Iterable[Outgoing],
    *,
    max_records: int = payload.CLIENT_BATCH_RECORDS,
    max_bytes: int = payload.CLIENT_BATCH_BYTES,
) -> Iterator[list[Outgoing]]:
    """Consecutive batches of at most `max_records` records and `max_bytes` of JSON (a record larger
    than `max_bytes` on its own goes alone)."""
    batch: list[Outgoing] = []
    size = 0
    for item in outgoing:
        grown = size + len(item.body) + 1
        if batch and (len(batch) >= max_records or grown + _ENVELOPE > max_bytes):
            yield batch
            batch, grown = [], len(item.body) + 1
        batch.append(item)
        size = grown
    if batch:
        yield batch


_ENVELOPE = 100  # {"device_id": "...", "records": [...]} around the records


def push_body(device_id: str, batch: Sequence[Outgoing]) -> bytes:
    """The JSON of a push request, joined from the records' own JSON (each is encoded once)."""
    return b"".join(
        (
            b'{"device_id":',
            json.dumps(device_id).encode(),
            b',"records":[',
            b",".join(item.body for item in batch),
            b"]}",
        )
    )


@dataclass
class BatchOutcome:
    accepted: int = 0  # the hub took them
    marked: int = 0  # of those, rows still as sent: now synced
    rejected: list[dict[str, Any]] = field(default_factory=list)


@cache
def _mark_sql(table: str) -> str:
    # The row is marked only if every data column still holds what was sent: same values, same hash.
    guard = " AND ".join(f"{column} IS ?" for column in payload.table_columns(table))
    return f"UPDATE {table} SET server_seq = ?, pending = false WHERE id = ? AND {guard}"


def check_results(batch: Sequence[Outgoing], results: object) -> list[Mapping[str, Any]]:
    """The hub's results for a batch, in its order; ValueError when they do not answer it."""
    if not isinstance(results, list) or len(results) != len(batch):
        raise ValueError("the push answer does not list one result per record")
    for item, result in zip(batch, results, strict=True):
        if not isinstance(result, dict) or result.get("id") != item.id or result.get("table") != item.table:
            raise ValueError("the push answer is not in the order of the request")
        status = result.get("status")
        if status == "accepted":
            if not isinstance(result.get("seq"), int):
                raise ValueError("an accepted record has no seq")
        elif status != "rejected":
            raise ValueError(f"unknown status {status!r}")
    return results  # type: ignore[return-value]


def record_answers(
    conn: Connection,
    batch: Sequence[Outgoing],
    results: Sequence[Mapping[str, Any]],
    *,
    quarantine_before: Mapping[tuple[str, str], str] | None = None,
) -> BatchOutcome:
    """Write the hub's answers for one batch (call inside one transaction).

    Accepted: `server_seq = seq, pending = 0` where the row still holds the values sent (an edit
    made meanwhile stays pending and goes next time). Rejected: into sync_quarantine.
    """
    outcome = BatchOutcome()
    marks: dict[str, list[tuple[Any, ...]]] = {}
    cleared: list[tuple[str, str]] = []
    now = stored_datetime(utcnow())
    rejected_rows = []
    for item, result in zip(batch, results, strict=True):
        if result["status"] == "accepted":
            outcome.accepted += 1
            marks.setdefault(item.table, []).append((result["seq"], item.id, *item.values))
            if quarantine_before and (item.table, item.id) in quarantine_before:
                cleared.append((item.table, item.id))
        else:
            reason = str(result.get("reason") or "")
            reason_vi = str(result.get("reason_vi") or "")
            rejected_rows.append((item.table, item.id, item.hash, reason, reason_vi, now))
            outcome.rejected.append(
                {
                    "table": item.table,
                    "id": item.id,
                    "hash": item.hash,
                    "reason": reason,
                    "reason_vi": reason_vi,
                }
            )
    for table, rows in marks.items():
        result = conn.exec_driver_sql(_mark_sql(table), rows)
        outcome.marked += max(result.rowcount, 0)
    if cleared:
        conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE table_name = ? AND record_id = ?", cleared)
    if rejected_rows:
        conn.exec_driver_sql(
            "INSERT INTO sync_quarantine (table_name, record_id, hash, reason, reason_vi, at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(table_name, record_id) DO UPDATE SET "
            "hash = excluded.hash, reason = excluded.reason, reason_vi = excluded.reason_vi, "
            "at = excluded.at",
            rejected_rows,
        )
    return outcome


def list_quarantine(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.exec_driver_sql(
        "SELECT table_name, record_id, hash, reason, reason_vi, at FROM sync_quarantine "
        "ORDER BY at, table_name"
    ).all()
    return [
        {"table": r[0], "id": r[1], "hash": r[2], "reason": r[3], "reason_vi": r[4], "at": r[5]} for r in rows
    ]


def retry_quarantined(conn: Connection, table: str | None = None, record_id: str | None = None) -> int:
    """Let quarantined records go to the hub again (all, or one); returns how many."""
    if table and record_id:
        result = conn.exec_driver_sql(
            "DELETE FROM sync_quarantine WHERE table_name = ? AND record_id = ?", (table, record_id)
        )
    else:
        result = conn.exec_driver_sql("DELETE FROM sync_quarantine")
    return max(result.rowcount, 0)


# --- pull --------------------------------------------------------------------------------------------


@cache
def references(table: str) -> tuple[tuple[str, str], ...]:
    """(column, referenced table) of each foreign key of a synced table."""
    from volunteer_kit.core import models

    sql_table = models.SQLModel.metadata.tables[table]
    return tuple(sorted((fk.parent.name, fk.column.table.name) for fk in sql_table.foreign_keys))


@cache
def _upsert_sql(table: str) -> str:
    columns = payload.table_columns(table)
    names = ", ".join((*columns, "server_seq", "pending"))
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    # A row pending here keeps its local edit (it will get a later seq and win everywhere); a row
    # already at this seq (our own push coming back) is not written again.
    return (
        f"INSERT INTO {table} ({names}) VALUES ({marks}, false) ON CONFLICT(id) DO UPDATE SET {updates}, "
        f"server_seq = excluded.server_seq, pending = false "
        f"WHERE {table}.pending = false "
        f"AND ({table}.server_seq IS NULL OR {table}.server_seq < excluded.server_seq)"
    )


@dataclass
class PageOutcome:
    received: int = 0
    applied: int = 0  # rows inserted or updated
    parked: int = 0  # rows still waiting for a record they reference
    ignored: int = 0  # rows of another commune (a hub would never send them)


@dataclass(frozen=True)
class _Incoming:
    table: str
    id: str
    seq: int
    hash: str
    data: Mapping[str, Any]


def _existing_ids(conn: Connection, table: str, ids: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = list(ids)
    for start in range(0, len(wanted), ID_CHUNK):
        chunk = wanted[start : start + ID_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {table} WHERE id IN ({marks})", tuple(chunk))
        )
    return found


def apply_page(
    conn: Connection,
    records: Sequence[Mapping[str, Any]],
    *,
    next_cursor: int,
    device_id: str,
    commune_code: str,
) -> PageOutcome:
    """Apply one pulled page and move the cursor (call inside one transaction).

    Foreign keys stay ON. Within the page rows go in SYNCED_TABLES order, so a session comes
    before its attendance. A row can also reference a record that comes in a later page (a
    learner edited after their attendance has the higher seq): such a row is parked in
    sync_parked, with the rows that depend on it, and applied by the first page in which
    everything it references exists. The cursor still moves, so nothing is fetched twice and
    nothing is lost if the process stops between pages.
    """
    outcome = PageOutcome(received=len(records))
    newest: dict[tuple[str, str], _Incoming] = {}
    parked_rows = conn.exec_driver_sql("SELECT table_name, record_id, seq, hash, data FROM sync_parked").all()
    had_parked = bool(parked_rows)
    for raw in parked_rows:
        newest[(raw[0], raw[1])] = _Incoming(raw[0], raw[1], raw[2], raw[3], json.loads(raw[4]))
    for record in records:
        table, record_id, data = record.get("table"), record.get("id"), record.get("data")
        if table not in TABLE_ORDER or not isinstance(data, dict) or data.get("id") != record_id:
            raise ValueError(f"a pulled record is malformed: {str(record)[:200]}")
        if data.get("commune_code") != commune_code:
            outcome.ignored += 1
            log.warning("pull: ignored %s %s of commune %s", table, record_id, data.get("commune_code"))
            continue
        seq = int(record["seq"])
        key = (table, str(record_id))
        known = newest.get(key)
        if known is None or known.seq <= seq:
            newest[key] = _Incoming(table, str(record_id), seq, str(record.get("hash", "")), data)
    by_table: dict[str, list[_Incoming]] = {}
    for item in newest.values():
        by_table.setdefault(item.table, []).append(item)

    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # a last guard: checked at commit
    present: dict[str, set[str]] = {}  # ids this page provides, per table
    known_ids: dict[str, set[str]] = {}  # ids known to exist in the store, per table
    parked: list[tuple[str, str, int, str, str]] = []
    for table in SYNCED_TABLES:
        items = sorted(by_table.get(table, ()), key=lambda i: i.seq)
        if not items:
            continue
        refs = references(table)
        rows: list[_Incoming] = []
        waiting = items
        if refs:
            # Which referenced ids are neither in this page nor in the store yet?
            for column, parent in refs:
                wanted = {
                    value
                    for i in items
                    if (value := i.data.get(column)) is not None
                    and value not in present.get(parent, ())
                    and value not in known_ids.get(parent, ())
                }
                if wanted:
                    known_ids.setdefault(parent, set()).update(_existing_ids(conn, parent, wanted))
            here = present.setdefault(table, set())
            # Self-references (a correction superseding an older fact) resolve as rows are taken.
            progress = True
            while waiting and progress:
                progress = False
                still: list[_Incoming] = []
                for item in waiting:
                    ok = all(
                        (value := item.data.get(column)) is None
                        or value in present.get(parent, ())
                        or value in known_ids.get(parent, ())
                        for column, parent in refs
                    )
                    if ok:
                        rows.append(item)
                        here.add(item.id)
                        progress = True
                    else:
                        still.append(item)
                waiting = still
        else:
            rows, waiting = items, []
            present.setdefault(table, set()).update(i.id for i in items)
        for item in waiting:
            parked.append(
                (item.table, item.id, item.seq, item.hash, json.dumps(item.data, ensure_ascii=False))
            )
        if rows:
            outcome.applied += _upsert(conn, table, rows, device_id)
    # The parked set is small and was read whole: write it back whole (a newer version of a
    # parked record, come in this page, replaced it above).
    if had_parked:
        conn.exec_driver_sql("DELETE FROM sync_parked")
    if parked:
        conn.exec_driver_sql(
            "INSERT INTO sync_parked (table_name, record_id, seq, hash, data) VALUES (?, ?, ?, ?, ?)",
            parked,
        )
    outcome.parked = len(parked)
    write_state(conn, {PULL_CURSOR: next_cursor})
    return outcome


def _upsert(conn: Connection, table: str, rows: Sequence[_Incoming], device_id: str) -> int:
    columns = payload.table_columns(table)
    values = []
    for item in rows:
        row = payload.data_to_row(table, item.data)
        if table == "volunteer":
            # `is_me` marks this laptop's own volunteer: another device's "me" is not ours.
            row["is_me"] = int(bool(row["is_me"]) and row["created_by_device"] == device_id)
        values.append((*(row[c] for c in columns), item.seq))
    result = conn.exec_driver_sql(_upsert_sql(table), values)
    return max(result.rowcount, 0)


def parked_count(conn: Connection) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM sync_parked").scalar() or 0
