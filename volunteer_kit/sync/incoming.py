"""Pulled pages applied to this device's store: each record checked, written in bulk in
foreign-key order, parked while a record it references has not come yet, or quarantined with its
reason when this store cannot take it (docs/sync-protocol.md).

No HTTP here (client.py talks to the hub); everything is plain SQL on a connection, in bulk:
a page costs a few statements per table, not per row.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeGuard

from sqlalchemy import Connection
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.sync import payload
from volunteer_kit.sync.local import PULL_CURSOR, PULLED_MARK, quarantine, write_state

log = logging.getLogger("volunteer_kit.sync")

ID_CHUNK = 500  # ids per `IN (...)` look-up (SQLite allows 32,766 variables; keep statements small)
TABLE_ORDER = {name: n for n, name in enumerate(SYNCED_TABLES)}
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@cache
def references(table: str) -> tuple[tuple[str, str], ...]:
    """(column, referenced table) of each foreign key of a synced table."""
    from volunteer_kit.core import models

    sql_table = models.table_named(table)
    return tuple(sorted((fk.parent.name, fk.column.table.name) for fk in sql_table.foreign_keys))


@cache
def _upsert_sql(table: str) -> str:
    columns = payload.table_columns(table)
    names = ", ".join((*columns, "server_seq", "pending"))
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    if table == "volunteer":
        # `is_me` never travels: a pulled volunteer is never this laptop's user, and an update
        # leaves the local mark as it is.
        names, marks = f"{names}, is_me", f"{marks}, false"
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
    echoed: int = 0  # of those, versions this store already held: mostly its own pushes come back
    applied: int = 0  # rows inserted or updated
    parked: int = 0  # rows still waiting for a record they reference
    ignored: int = 0  # rows of another commune (a hub would never send them), or not records at all
    quarantined: int = 0  # rows this store cannot take: set aside in sync_quarantine with the reason


class Unstorable(ValueError):
    """Why this device cannot store a pulled record, in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


@dataclass(slots=True)
class _Incoming:
    table: str
    id: str
    seq: int
    hash: str
    data: Mapping[str, Any]
    row: Mapping[str, Any] | None = None  # `data` as stored values, once checked


@dataclass(frozen=True)
class _Refusal:
    table: str
    id: str
    hash: str
    why: Unstorable


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


def _held_versions(conn: Connection, table: str, ids: Sequence[str]) -> dict[str, int]:
    """id -> the hub seq of the version this store holds, for those of `ids` it holds synced."""
    found: dict[str, int] = {}
    for start in range(0, len(ids), ID_CHUNK):
        chunk = ids[start : start + ID_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            conn.exec_driver_sql(
                f"SELECT id, server_seq FROM {table} WHERE server_seq IS NOT NULL AND id IN ({marks})",
                tuple(chunk),
            ).all()
        )
    return found


def _count_echoes(conn: Connection, records: Sequence[Mapping[str, Any]]) -> int:
    """How many pulled records this store already holds at that version (or newer): nothing new.

    A device's own push comes back in its next pull with the seq the hub gave it, which the push
    already stored as the row's server_seq; only what other devices made or changed is news.
    Call before the page is applied.
    """
    wanted: dict[str, dict[str, int]] = {}
    for record in records:
        if not isinstance(record, Mapping):
            continue
        table, record_id, seq = record.get("table"), record.get("id"), record.get("seq")
        if (
            isinstance(table, str)
            and table in TABLE_ORDER
            and isinstance(record_id, str)
            and isinstance(seq, int)
        ):
            newest = wanted.setdefault(table, {})
            newest[record_id] = max(seq, newest.get(record_id, seq))
    echoed = 0
    for table, seqs in wanted.items():
        held = _held_versions(conn, table, list(seqs))
        echoed += sum(1 for record_id, seq in seqs.items() if held.get(record_id, -1) >= seq)
    return echoed


# --- pulled records this store cannot take ---


@cache
def _value_checks(table: str) -> tuple[tuple[str, str, bool], ...]:
    """(column, "int" | "float" | "text" | "", nullable) of each column that travels; "" is a
    boolean or a datetime, whose form payload.data_to_row already checks."""
    from sqlalchemy import Float, Integer, String

    from volunteer_kit.core import models

    columns = models.table_named(table).columns
    checks = []
    for name in payload.table_columns(table):
        kind = getattr(columns[name].type, "impl", columns[name].type)
        tag = (
            "int"
            if isinstance(kind, Integer)
            else "float"
            if isinstance(kind, Float)
            else "text"
            if isinstance(kind, String)
            else ""
        )
        checks.append((name, tag, bool(columns[name].nullable)))
    return tuple(checks)


def _is_int64(value: object) -> TypeGuard[int]:
    return type(value) is int and INT64_MIN <= value <= INT64_MAX


def _encodes(value: str) -> bool:
    """No lone surrogate: SQLite cannot take one (and the hub would refuse it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_VALUE_WORDS = {
    "int": ("không phải số nguyên 64 bit", "is not a 64-bit integer"),
    "float": ("không phải số hữu hạn", "is not a finite number"),
    "text": ("không phải văn bản hợp lệ", "is not valid text"),
}


def stored_row(table: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The `data` of a pulled record as values this store takes, or Unstorable saying why.

    payload.data_to_row checks the columns and the datetime/bool forms; the types, NOT NULL, the
    int64 range, finite numbers and valid text are checked here, so a bad record is set aside
    before the page's bulk insert, which then costs nothing more.
    """
    if table == "volunteer" and "is_me" in data:
        # Hubs hold profiles pushed while `is_me` still travelled: the mark is not this laptop's.
        data = {k: v for k, v in data.items() if k != "is_me"}
    try:
        row = payload.data_to_row(table, data)
    except (TypeError, ValueError) as exc:
        raise Unstorable(f"dữ liệu sai dạng ({exc})", f"data of the wrong form ({exc})") from exc
    # One pass, the tests written inline: this runs for every pulled record.
    for column, kind, nullable in _value_checks(table):
        value = row[column]
        if value is None:
            if nullable:
                continue
            raise Unstorable(f"{table}.{column} bị bỏ trống", f"{table}.{column} is missing")
        if kind == "text":
            if type(value) is str and "\x00" not in value and (value.isascii() or _encodes(value)):
                continue
        elif kind == "int":
            if type(value) is int and INT64_MIN <= value <= INT64_MAX:
                continue
        elif kind == "float":
            if _is_int64(value) or (type(value) is float and math.isfinite(value)):
                continue
        else:
            continue  # a bool or a datetime: data_to_row checked its form
        vi, en = _VALUE_WORDS[kind]
        raise Unstorable(f"{table}.{column} {vi}", f"{table}.{column} {en}")
    return row


def _incoming(record: object) -> _Incoming:
    """A pulled record's envelope, checked; Unstorable when it is not a record of a synced table."""
    if not isinstance(record, Mapping):
        raise Unstorable("không phải một bản ghi", "not a record")
    table, record_id, data, seq = record.get("table"), record.get("id"), record.get("data"), record.get("seq")
    if not isinstance(table, str) or table not in TABLE_ORDER:
        raise Unstorable("loại bản ghi mà máy này không biết", "a kind of record this device does not know")
    if not isinstance(record_id, str) or not isinstance(data, Mapping) or data.get("id") != record_id:
        raise Unstorable("mã hoặc dữ liệu của bản ghi sai dạng", "its id or data is malformed")
    if not _is_int64(seq) or seq <= 0:
        raise Unstorable("số thứ tự của máy chủ không hợp lệ", "the hub's sequence number is not valid")
    return _Incoming(table, record_id, seq, str(record.get("hash", "")), data)


def _refusal_of(record: object, why: Unstorable) -> _Refusal | None:
    """The quarantine entry of a malformed record; None when it names no table and id to show."""
    if isinstance(record, Mapping):
        table, record_id = record.get("table"), record.get("id")
        if isinstance(table, str) and isinstance(record_id, str):
            return _Refusal(table[:64], record_id[:64], str(record.get("hash", ""))[:64], why)
    log.warning("pull: a record with no table and id was left out (%s): %.200s", why, record)
    return None


# What the store raises for a row it cannot take (a constraint, a value it cannot bind): the row is
# set aside. Other errors (disk full, database locked) fail the page as before: nothing is lost.
_STORE_REFUSALS = (IntegrityError, InterfaceError, DataError, OverflowError, ValueError)


def _store_refusal(exc: Exception) -> Unstorable:
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
    return Unstorable(
        f"cơ sở dữ liệu của máy không nhận ({detail})", f"the device's store refused it ({detail})"
    )


def _quarantine_pulled(conn: Connection, refused: Sequence[_Refusal]) -> None:
    now = stored_datetime(utcnow())
    quarantine(
        conn,
        [
            (
                r.table,
                r.id,
                PULLED_MARK + r.hash,
                f"Received from the hub but not stored on this device: {r.why.en}",
                f"Nhận từ máy chủ nhưng không lưu được trên máy này: {r.why.vi}",
                now,
            )
            for r in refused
        ],
    )
    for r in refused:
        log.warning("pull: quarantined %s %s: %s", r.table, r.id, r.why.en)


def _clear_mended(
    conn: Connection, stored: Mapping[str, Sequence[_Incoming]], refused: Sequence[_Refusal]
) -> None:
    """Drop the pulled quarantine entries of records a good version of which has now arrived."""
    held = conn.exec_driver_sql(
        f"SELECT table_name, record_id FROM sync_quarantine WHERE hash LIKE '{PULLED_MARK}%'"
    ).all()
    if not held:
        return
    failed = {(r.table, r.id) for r in refused}
    mended = [
        (r[0], r[1])
        for r in held
        if (r[0], r[1]) not in failed and any(i.id == r[1] for i in stored.get(r[0], ()))
    ]
    if mended:
        conn.exec_driver_sql("DELETE FROM sync_quarantine WHERE table_name = ? AND record_id = ?", mended)


# --- applying a page ---


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

    A record this store cannot take (malformed, a wrong type, a missing value, a number out of
    range, a constraint of the store) is quarantined with its reason and the rest goes in: one bad
    record on the hub never stops a sync. Records whose references it held wait in sync_parked
    for a good version of it.
    """
    outcome = PageOutcome(received=len(records), echoed=_count_echoes(conn, records))
    refused: list[_Refusal] = []
    newest: dict[tuple[str, str], _Incoming] = {}
    parked_rows = conn.exec_driver_sql("SELECT table_name, record_id, seq, hash, data FROM sync_parked").all()
    had_parked = bool(parked_rows)
    for raw in parked_rows:
        newest[(raw[0], raw[1])] = _Incoming(raw[0], raw[1], raw[2], raw[3], json.loads(raw[4]))
    for record in records:
        try:
            item = _incoming(record)
        except Unstorable as why:
            refusal = _refusal_of(record, why)
            if refusal is None:
                outcome.ignored += 1
            else:
                refused.append(refusal)
            continue
        if item.data.get("commune_code") != commune_code:
            outcome.ignored += 1
            log.warning(
                "pull: ignored %s %s of commune %.8s", item.table, item.id, item.data.get("commune_code")
            )
            continue
        known = newest.get((item.table, item.id))
        if known is None or known.seq <= item.seq:
            newest[(item.table, item.id)] = item
    by_table: dict[str, list[_Incoming]] = {}
    for item in newest.values():
        try:
            item.row = stored_row(item.table, item.data)
        except Unstorable as why:
            refused.append(_Refusal(item.table, item.id, item.hash, why))
            continue
        by_table.setdefault(item.table, []).append(item)

    # The cursor is written first: being DML, it makes the driver open the page's transaction now,
    # so the savepoints of _upsert nest inside it (a savepoint opened outside a transaction would
    # commit when released); anything failing later rolls it back with the rest.
    write_state(conn, {PULL_CURSOR: next_cursor})
    if not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
        raise RuntimeError("apply_page must run inside a transaction")
    # Foreign keys are checked per statement (not deferred to the commit), so a row breaking one
    # fails inside its savepoint and is quarantined alone instead of failing the whole page.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = OFF")
    parked = _apply_tables(conn, by_table, device_id, outcome, refused)
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
    if refused:
        _quarantine_pulled(conn, refused)
    outcome.quarantined = len(refused)
    _clear_mended(conn, by_table, refused)
    return outcome


def _apply_tables(
    conn: Connection,
    by_table: Mapping[str, list[_Incoming]],
    device_id: str,
    outcome: PageOutcome,
    refused: list[_Refusal],
) -> list[tuple[str, str, int, str, str]]:
    """Upsert each table's rows whose references exist; return the rows parked to wait for theirs."""
    present: dict[str, set[str]] = {}  # ids this page provides, per table
    known_ids: dict[str, set[str]] = {}  # ids known to exist in the store, per table
    parked: list[tuple[str, str, int, str, str]] = []
    for table in SYNCED_TABLES:
        items = sorted(by_table.get(table, ()), key=lambda i: i.seq)
        if not items:
            continue
        refs = references(table)
        here = present.setdefault(table, set())
        if refs:
            _look_up_references(conn, items, refs, present, known_ids)
            rows, waiting = _ready_rows(items, refs, present, known_ids, here)
        else:
            rows, waiting = items, []
            here.update(i.id for i in items)
        for item in waiting:
            parked.append(
                (item.table, item.id, item.seq, item.hash, json.dumps(item.data, ensure_ascii=False))
            )
        if rows:
            applied, failed = _upsert(conn, table, rows, device_id)
            outcome.applied += applied
            for item, why in failed:
                refused.append(_Refusal(item.table, item.id, item.hash, why))
                here.discard(item.id)  # what references it waits for a good version
    return parked


def _look_up_references(
    conn: Connection,
    items: Sequence[_Incoming],
    refs: Sequence[tuple[str, str]],
    present: Mapping[str, set[str]],
    known_ids: dict[str, set[str]],
) -> None:
    """Add to known_ids the referenced ids that are in the store (those not in this page)."""
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


def _ready_rows(
    items: Sequence[_Incoming],
    refs: Sequence[tuple[str, str]],
    present: Mapping[str, set[str]],
    known_ids: Mapping[str, set[str]],
    here: set[str],
) -> tuple[list[_Incoming], list[_Incoming]]:
    """(rows whose references all exist, in an order that puts a row before those citing it; rows
    that must wait). Self-references (a correction superseding an older fact) resolve as rows are
    taken."""
    rows: list[_Incoming] = []
    waiting = list(items)
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
    return rows, waiting


def _stored_values(table: str, item: _Incoming, device_id: str) -> tuple[Any, ...]:
    row = item.row or {}
    return (*(row[c] for c in payload.table_columns(table)), item.seq)


def _upsert(
    conn: Connection, table: str, rows: Sequence[_Incoming], device_id: str
) -> tuple[int, list[tuple[_Incoming, Unstorable]]]:
    """Write the rows in one statement (the common path: one savepoint, nothing more); if the store
    refuses one of them, write them again one by one, each in its own savepoint, to set the bad
    ones aside. Returns (rows written, (row, why) of those refused)."""
    values = [_stored_values(table, item, device_id) for item in rows]
    sql = _upsert_sql(table)
    try:
        with conn.begin_nested():
            result = conn.exec_driver_sql(sql, values)
        return max(result.rowcount, 0), []
    except _STORE_REFUSALS as exc:
        log.warning("pull: the store refused a row of %s (%s); applying them one by one", table, exc)
    applied = 0
    failed: list[tuple[_Incoming, Unstorable]] = []
    for item, value in zip(rows, values, strict=True):
        try:
            with conn.begin_nested():
                applied += max(conn.exec_driver_sql(sql, value).rowcount, 0)
        except _STORE_REFUSALS as exc:
            failed.append((item, _store_refusal(exc)))
    return applied, failed
