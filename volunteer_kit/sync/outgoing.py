"""What this device pushes, from its store: pending rows as records, in batches, and the hub's
answers written back (docs/sync-protocol.md).

No HTTP here (client.py talks to the hub); everything is plain SQL on a connection, in bulk:
pending rows are read per table through the partial `pending` indexes, answers are written with
executemany, so pushing tens of thousands of records costs a few statements per batch, not per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.sync import payload
from volunteer_kit.sync.local import WAITING_MARK, quarantine

READ_CHUNK = 2000  # pending rows read per query


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


def encode_record(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _outgoing(table: str, row: Sequence[Any], skip: Mapping[tuple[str, str], str]) -> Outgoing | None:
    values = tuple(row[1:-1])
    record = payload.make_record(table, dict(zip(payload.table_columns(table), values, strict=True)), row[-1])
    if skip and skip.get((table, record["id"])) == record["hash"]:
        return None
    return Outgoing(table, record["id"], record["hash"], values, encode_record(record))


def _pending_withdrawals(engine: Engine, skip: Mapping[tuple[str, str], str]) -> list[Outgoing]:
    """Pending consent withdrawals (a few at most): they go first, since the hub erases a learner's
    data only once their withdrawal is on record, and a batch may end between the two."""
    columns = ", ".join(payload.table_columns("consent"))
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT rowid, {columns}, server_seq FROM consent "
            "WHERE pending = true AND action = 'withdrawn' ORDER BY rowid"
        ).all()
    return [item for row in rows if (item := _outgoing("consent", row, skip)) is not None]


def iter_outgoing(engine: Engine, *, skip: Mapping[tuple[str, str], str]) -> Iterator[Outgoing]:
    """Pending rows of every synced table, in foreign-key order (tables) and creation order (rowid),
    consent withdrawals first.

    Rows are read in chunks, each in its own short read, so answers can be written between
    chunks; a quarantined version (same hash as rejected) is left out.
    """
    withdrawals = _pending_withdrawals(engine, skip)
    yield from withdrawals
    sent = {item.id for item in withdrawals}
    for table in SYNCED_TABLES:
        sql = _select_pending_sql(table)
        last = -1
        while True:
            with engine.connect() as conn:
                rows = conn.exec_driver_sql(sql, (last, READ_CHUNK)).all()
            if not rows:
                break
            last = rows[-1][0]
            for row in rows:
                item = _outgoing(table, row, skip)
                if item is not None and not (table == "consent" and item.id in sent):
                    yield item
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
    return results


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
            held = WAITING_MARK + item.hash if result.get("waiting") is True else item.hash
            rejected_rows.append((item.table, item.id, held, reason, reason_vi, now))
            outcome.rejected.append(
                {
                    "table": item.table,
                    "id": item.id,
                    "hash": item.hash,
                    "reason": reason,
                    "reason_vi": reason_vi,
                    "waiting": held != item.hash,
                }
            )
    for table, rows in marks.items():
        done = conn.exec_driver_sql(_mark_sql(table), rows)
        outcome.marked += max(done.rowcount, 0)
    if cleared:
        conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE table_name = ? AND record_id = ?", cleared)
    if rejected_rows:
        quarantine(conn, rejected_rows)
    return outcome
