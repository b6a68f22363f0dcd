"""Applying a push batch: one transaction per batch, idempotent, conflicts kept for the officer.

Each record is checked first (hub.push_checks), then decided against what the hub holds:
the same version again answers with its old seq, a fact never changes, an anonymized learner
stays anonymized, references stay inside the commune. The SQL is written for speed on both
SQLite and PostgreSQL (benchmarks/sync_push.py, benchmarks/sync_many_devices.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, String, any_, bindparam, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub import authz, erasures
from volunteer_kit.hub.db import lock_commune, province_of, writing
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.erasures import PushState
from volunteer_kit.hub.gate import take_push_slot
from volunteer_kit.hub.models import conflict_t, latest_t, record_t
from volunteer_kit.hub.push_checks import Candidate, check_record, references, refusal
from volunteer_kit.sync import payload

log = logging.getLogger("volunteer_kit.hub")

IN_CHUNK = 500  # ids per IN (...) list
_OTHER_COMMUNE = refusal(
    "A record with this id belongs to another commune.", "Một bản ghi cùng mã thuộc về xã khác."
)
PG_KEYS_CHUNK = 5000  # keys per array parameter on PostgreSQL


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _segments(candidates: list[Candidate]) -> Iterator[list[Candidate]]:
    """Runs of candidates with no (table, id) twice, so each run is decided against stored state."""
    seen: set[tuple[str, str]] = set()
    run: list[Candidate] = []
    for c in candidates:
        key = (c.table, c.id)
        if key in seen:
            yield run
            run, seen = [], set()
        seen.add(key)
        run.append(c)
    if run:
        yield run


def _by_table(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, set[str]] = {}
    for table, record_id in keys:
        grouped.setdefault(table, set()).add(record_id)
    return {t: sorted(ids) for t, ids in grouped.items()}


def _id_in(conn: Connection, column: Any, ids: Sequence[str]) -> Any:
    """`column IN ids`: on PostgreSQL one array parameter (`= ANY(:ids)`), which plans and binds
    far faster than hundreds of separate parameters; elsewhere a plain IN list."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam("ids", value=list(ids), type_=postgresql.ARRAY(String)))
    return column.in_(ids)


def _load_latest(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RowMapping]:
    if conn.dialect.name == "postgresql":
        return _load_latest_pg(conn, list(keys))
    found: dict[tuple[str, str], RowMapping] = {}
    for table, ids in _by_table(keys).items():
        for chunk in _chunks(ids):
            rows = conn.execute(
                select(latest_t).where(
                    latest_t.c.table_name == table, _id_in(conn, latest_t.c.record_id, chunk)
                )
            ).mappings()
            for row in rows:
                found[(table, row["record_id"])] = row
    return found


_LATEST_BY_KEYS = text(
    "SELECT l.* FROM json_to_recordset(CAST(:keys AS json)) AS k(t text, i text) "
    "JOIN hub_latest l ON l.table_name = k.t AND l.record_id = k.i"
)


def _load_latest_pg(conn: Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], RowMapping]:
    """The same, in one round trip whatever the tables (the keys go in as one JSON parameter)."""
    found: dict[tuple[str, str], RowMapping] = {}
    for chunk in _chunks(keys, PG_KEYS_CHUNK):
        rows = conn.execute(_LATEST_BY_KEYS, {"keys": json.dumps([{"t": t, "i": i} for t, i in chunk])})
        for row in rows.mappings():
            found[(row["table_name"], row["record_id"])] = row
    return found


def _load_versions(
    conn: Connection, segment: list[Candidate], province: str
) -> dict[tuple[str, str, str], int]:
    """(table, id, hash) -> seq of every stored version of the segment's records (all in the
    commune's province: on PostgreSQL one partition is read)."""
    found: dict[tuple[str, str, str], int] = {}
    for table, ids in _by_table((c.table, c.id) for c in segment).items():
        for chunk in _chunks(ids):
            rows = conn.execute(
                select(record_t.c.record_id, record_t.c.content_hash, record_t.c.seq).where(
                    record_t.c.province_code == province,
                    record_t.c.table_name == table,
                    _id_in(conn, record_t.c.record_id, chunk),
                )
            )
            for record_id, content_hash, seq in rows:
                found[(table, record_id, content_hash)] = seq
    return found


def _next_seqs(conn: Connection, count: int) -> list[int]:
    """`count` new sequence numbers, increasing, taken while this transaction holds the push lock.

    Given up front (not read back with RETURNING), so the versions go in as one multi-row insert.
    """
    if conn.dialect.name == "postgresql":
        sequence = conn.exec_driver_sql("SELECT pg_get_serial_sequence('hub_record', 'seq')").scalar()
        return list(
            conn.execute(select(func.nextval(sequence)).select_from(func.generate_series(1, count))).scalars()
        )
    # SQLite: BEGIN IMMEDIATE holds the only write lock, so max(seq) cannot move under us.
    top = conn.execute(select(func.max(record_t.c.seq))).scalar() or 0
    return list(range(top + 1, top + 1 + count))


def _insert_latest(conn: Connection, rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """Make `rows` the latest versions; returns the (table, id) written. A row whose record
    belongs to another commune is not written (hub_latest's key is (table, id) whatever the
    commune, and a record's commune never changes: migration 0004)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(latest_t)
    stmt = stmt.on_conflict_do_update(
        index_elements=[latest_t.c.table_name, latest_t.c.record_id],
        set_={
            "seq": stmt.excluded.seq,
            "device_id": stmt.excluded.device_id,
            "content_hash": stmt.excluded.content_hash,
            "anonymized": stmt.excluded.anonymized,
        },
        where=latest_t.c.commune_code == stmt.excluded.commune_code,
    ).returning(latest_t.c.table_name, latest_t.c.record_id)
    return {(t, i) for t, i in conn.execute(stmt, rows)}


# PostgreSQL: a batch goes in as one statement per table, its rows as one JSON parameter, instead
# of one statement per row: the hub then spends its time on the records, not on round trips.
# (JSON rather than arrays: the json module encodes in C, psycopg quotes array items in Python.)
_PG_INSERT_VERSIONS = text(
    "INSERT INTO hub_record "
    "(seq, table_name, record_id, commune_code, device_id, content_hash, data, received_at, province_code) "
    "SELECT s, t, i, :commune, :device, h, d, :now, :province "
    "FROM json_to_recordset(CAST(:rows AS json)) AS u(s bigint, t text, i text, h text, d text)"
).bindparams(bindparam("now", type_=record_t.c.received_at.type))
# The record's commune is part of the upsert's condition: a (table, id) another commune holds
# (or is inserting right now: PostgreSQL waits for that transaction, then decides) is not
# written, so the loser of a race is known (by the row count) and refused (_store_versions).
# Rows go in key order, so two pushes never wait on each other's rows crosswise (a deadlock).
_PG_UPSERT_LATEST = text(
    "INSERT INTO hub_latest (table_name, record_id, seq, commune_code, device_id, content_hash, anonymized) "
    "SELECT t, i, s, :commune, :device, h, a "
    "FROM json_to_recordset(CAST(:rows AS json)) AS u(s bigint, t text, i text, h text, a boolean) "
    "ORDER BY t, i "
    "ON CONFLICT (table_name, record_id) DO UPDATE SET seq = excluded.seq, "
    "device_id = excluded.device_id, content_hash = excluded.content_hash, anonymized = excluded.anonymized "
    "WHERE hub_latest.commune_code = excluded.commune_code"
)
# Only when the upsert wrote fewer rows than it was given (a race was lost): which ones.
_PG_TAKEN_KEYS = text(
    "SELECT l.table_name, l.record_id FROM json_to_recordset(CAST(:rows AS json)) AS u(t text, i text) "
    "JOIN hub_latest l ON l.table_name = u.t AND l.record_id = u.i WHERE l.commune_code <> :commune"
)


def _store_versions(
    conn: Connection, actor: Actor, fresh: list[Candidate], seqs: list[int], now: datetime, province: str
) -> set[tuple[str, str]]:
    """Make the new versions the latest ones, then insert those versions; returns the (table, id)
    that another commune took first (in a push running at the same moment): stored nowhere.

    The latest pointers go first because their key decides who owns a (table, id): the check
    before (in _apply_segment) cannot see a push of another commune that has not committed.
    """
    anonymized = [bool(c.table == "learner" and c.data.get("anonymized")) for c in fresh]
    if conn.dialect.name == "postgresql":
        who = {"commune": actor.commune_code, "device": actor.device_id}
        latest = [
            {"s": seq, "t": c.table, "i": c.id, "h": c.hash, "a": anon}
            for c, seq, anon in zip(fresh, seqs, anonymized, strict=True)
        ]
        keys = json.dumps(latest)
        taken: set[tuple[str, str]] = set()
        if conn.execute(_PG_UPSERT_LATEST, {**who, "rows": keys}).rowcount != len(latest):
            taken = {
                (t, i) for t, i in conn.execute(_PG_TAKEN_KEYS, {"rows": keys, "commune": actor.commune_code})
            }
        rows = [
            {"s": seq, "t": c.table, "i": c.id, "h": c.hash, "d": c.text}
            for c, seq in zip(fresh, seqs, strict=True)
            if (c.table, c.id) not in taken
        ]
        if rows:
            conn.execute(
                _PG_INSERT_VERSIONS,
                {**who, "now": now, "province": province, "rows": json.dumps(rows, ensure_ascii=False)},
            )
        return taken
    written = _insert_latest(
        conn,
        [
            {
                "table_name": c.table,
                "record_id": c.id,
                "seq": seq,
                "commune_code": actor.commune_code,
                "device_id": actor.device_id,
                "content_hash": c.hash,
                "anonymized": anon,
            }
            for c, seq, anon in zip(fresh, seqs, anonymized, strict=True)
        ],
    )
    versions = [
        {
            "seq": seq,
            "table_name": c.table,
            "record_id": c.id,
            "commune_code": actor.commune_code,
            "device_id": actor.device_id,
            "content_hash": c.hash,
            "data": c.text,
            "received_at": now,
            "province_code": province,
        }
        for c, seq in zip(fresh, seqs, strict=True)
        if (c.table, c.id) in written
    ]
    if versions:
        conn.execute(record_t.insert(), versions)
    return {(c.table, c.id) for c in fresh} - written


def _refuse_taken(
    fresh: list[Candidate], seqs: list[int], taken: set[tuple[str, str]], results: list[Any]
) -> tuple[list[Candidate], list[int]]:
    """Refuse the records another commune took first; the rest of the batch goes on."""
    kept: list[tuple[Candidate, int]] = []
    for c, seq in zip(fresh, seqs, strict=True):
        if (c.table, c.id) in taken:
            results[c.index] = {
                "table": c.table,
                "id": c.id,
                "hash": c.hash,
                "status": "rejected",
                "reason": _OTHER_COMMUNE[0],
                "reason_vi": _OTHER_COMMUNE[1],
            }
        else:
            kept.append((c, seq))
    return [c for c, _s in kept], [s for _c, s in kept]


def _erase(data: dict[str, Any]) -> dict[str, Any]:
    for column in payload.IDENTIFYING_LEARNER_COLUMNS:
        if column in data:
            data[column] = None if column in ("phone", "birth_year") else ""
    return data


def _anonymize_history(conn: Connection, learner_id: str, below_seq: int, province: str) -> None:
    """Erase identifying columns of every older version of a learner, and of its conflicts."""
    rows = conn.execute(
        select(record_t.c.seq, record_t.c.data).where(
            record_t.c.province_code == province,
            record_t.c.table_name == "learner",
            record_t.c.record_id == learner_id,
            record_t.c.seq < below_seq,
        )
    ).all()
    if rows:
        conn.execute(
            record_t.update()
            .where(record_t.c.province_code == province, record_t.c.seq == bindparam("old_seq"))
            .values(data=bindparam("new_data")),
            [
                {"old_seq": seq, "new_data": payload.canonical(_erase(json.loads(data))).decode("utf-8")}
                for seq, data in rows
            ],
        )
    rows = conn.execute(
        select(conflict_t.c.id, conflict_t.c.overwritten_data).where(
            conflict_t.c.table_name == "learner", conflict_t.c.record_id == learner_id
        )
    ).all()
    if rows:
        conn.execute(
            conflict_t.update()
            .where(conflict_t.c.id == bindparam("old_id"))
            .values(overwritten_data=bindparam("new_data")),
            [
                {"old_id": cid, "new_data": payload.canonical(_erase(json.loads(data))).decode("utf-8")}
                for cid, data in rows
            ],
        )


def _load_stored_data(
    conn: Connection, segment: list[Candidate], latest: Mapping[tuple[str, str], RowMapping], province: str
) -> dict[tuple[str, str], dict[str, Any]]:
    """The data of the latest stored version of each editable record the segment changes: who
    created it, and what the new version changes (hub.authz). New records cost nothing here."""
    seqs = {
        current["seq"]: (c.table, c.id)
        for c in segment
        if c.table in payload.EDITABLE_TABLES
        and (current := latest.get((c.table, c.id))) is not None
        and current["content_hash"] != c.hash
    }
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in _chunks(sorted(seqs)):
        rows = conn.execute(
            select(record_t.c.seq, record_t.c.data).where(
                record_t.c.province_code == province, record_t.c.seq.in_(chunk)
            )
        )
        for seq, data in rows:
            found[seqs[seq]] = json.loads(data)
    return found


def _authorize(
    conn: Connection,
    actor: Actor,
    c: Candidate,
    stored: Mapping[str, Any] | None,
    state: PushState,
    now: datetime,
) -> authz.Verdict:
    """The role table's word on one record (hub.authz), given what it needs from the database:
    for an erasure, a withdrawal on record and the device's erasures of the day."""
    withdrawn, today = False, 0
    if c.table == "learner" and "anonymize" in authz.actions_of(c.table, c.data, stored):
        withdrawn = c.id in state.withdrawn or erasures.withdrawal_stored(conn, actor.commune_code, c.id)
        if state.erasures is None:
            state.erasures = erasures.erasures_today(conn, actor.device_id, now)
        today = state.erasures
    verdict = authz.decide(
        device_id=actor.device_id,
        role=actor.role,
        table=c.table,
        data=c.data,
        stored=stored,
        withdrawn=withdrawn,
        erasures_today=today,
        approved=state.approved_id is not None,
    )
    if verdict.allowed:
        if verdict.erasure:
            state.erasures = (state.erasures or 0) + 1
        if erasures.is_withdrawal(c.table, c.data):
            state.withdrawn.add(c.data["learner_id"])
    elif verdict.outcome == "waiting":
        pushed = {"table": c.table, "id": c.id, "hash": c.hash, "base_seq": c.base_seq, "data": c.data}
        erasures.record_waiting(conn, actor, pushed, now)
    return verdict


def _apply_segment(
    conn: Connection,
    actor: Actor,
    segment: list[Candidate],
    results: list[Any],
    now: datetime,
    state: PushState | None = None,
) -> None:
    state = state if state is not None else PushState()
    province = province_of(conn, actor.commune_code)  # the partition every query below reads
    refs = references()
    wanted = {
        (target, c.data[column])
        for c in segment
        for column, target in refs.get(c.table, ())
        if isinstance(c.data.get(column), str)
    }
    # The records and the records they refer to, in one lookup.
    latest = _load_latest(conn, wanted.union((c.table, c.id) for c in segment))
    # A record stored as it is now is answered from `latest`; only one whose latest version
    # differs may match an older version.
    versions = {
        (c.table, c.id, c.hash): current["seq"]
        for c in segment
        if (current := latest.get((c.table, c.id))) is not None and current["content_hash"] == c.hash
    }
    older = [c for c in segment if (c.table, c.id) in latest and (c.table, c.id, c.hash) not in versions]
    if older:
        versions.update(_load_versions(conn, older, province))

    stored = _load_stored_data(
        conn, [c for c in segment if (c.table, c.id, c.hash) not in versions], latest, province
    )
    fresh: list[Candidate] = []
    erasing: set[int] = set()  # indexes of the fresh records that erase a learner: audited
    for c in segment:
        seq = versions.get((c.table, c.id, c.hash))
        if seq is not None:
            results[c.index] = {
                "table": c.table,
                "id": c.id,
                "hash": c.hash,
                "status": "accepted",
                "seq": seq,
            }
            continue
        current = latest.get((c.table, c.id))
        reason = None
        if current is not None and current["commune_code"] != actor.commune_code:
            reason = _OTHER_COMMUNE
        elif current is not None and c.table in payload.FACT_TABLES:
            reason = refusal(
                "This record is a fact that cannot change; record a correction instead.",
                "Bản ghi này là sự kiện đã ghi, không sửa được; hãy ghi một bản sửa mới.",
            )
        elif current is not None and current["anonymized"] and not c.data.get("anonymized"):
            reason = refusal(
                "Consent for this learner was withdrawn; their data cannot come back.",
                "Người học này đã rút lại sự đồng ý; không thể khôi phục dữ liệu của họ.",
            )
        else:
            for column, target in refs.get(c.table, ()):
                ref_id = c.data.get(column)
                ref = latest.get((target, ref_id)) if isinstance(ref_id, str) else None
                if ref is not None and ref["commune_code"] != actor.commune_code:
                    reason = refusal(
                        f"{column} refers to a record of another commune.",
                        f"{column} trỏ tới bản ghi của xã khác.",
                    )
                    break
        waiting = False
        if reason is None:
            # The one place the hub asks who may write what (hub.authz).
            verdict = _authorize(conn, actor, c, stored.get((c.table, c.id)), state, now)
            reason, waiting = verdict.reason if not verdict.allowed else None, verdict.outcome == "waiting"
            if verdict.erasure and verdict.allowed:
                erasing.add(c.index)
        if reason is not None:
            results[c.index] = {
                "table": c.table,
                "id": c.id,
                "hash": c.hash,
                "status": "rejected",
                "reason": reason[0],
                "reason_vi": reason[1],
                **({"waiting": True} if waiting else {}),
            }
            continue
        fresh.append(c)
    if not fresh:
        return

    inserted = _next_seqs(conn, len(fresh))
    taken = _store_versions(conn, actor, fresh, inserted, now, province)
    if taken:
        fresh, inserted = _refuse_taken(fresh, inserted, taken, results)
    conflicts = []
    for c, seq in zip(fresh, inserted, strict=True):
        results[c.index] = {"table": c.table, "id": c.id, "hash": c.hash, "status": "accepted", "seq": seq}
        current = latest.get((c.table, c.id))
        if current is not None and c.base_seq < current["seq"] and current["device_id"] != actor.device_id:
            conflicts.append((c, seq, current))
    if conflicts:
        old: dict[int, str] = {}
        for chunk in _chunks([cur["seq"] for _c, _s, cur in conflicts]):
            old.update(
                conn.execute(
                    select(record_t.c.seq, record_t.c.data).where(
                        record_t.c.province_code == province, record_t.c.seq.in_(chunk)
                    )
                ).all()
            )
        conn.execute(
            conflict_t.insert(),
            [
                {
                    "commune_code": actor.commune_code,
                    "table_name": c.table,
                    "record_id": c.id,
                    "kept_seq": seq,
                    "overwritten_seq": cur["seq"],
                    "overwritten_data": old[cur["seq"]],
                    "by_device": actor.device_id,
                    "overwritten_device": cur["device_id"],
                    "at": now,
                }
                for c, seq, cur in conflicts
            ],
        )
    # After the conflicts are written, so an overwritten version holding a name is erased too.
    for c, seq in zip(fresh, inserted, strict=True):
        if c.table == "learner" and c.data.get("anonymized"):
            _anonymize_history(conn, c.id, seq, province)
        if c.index in erasing:
            erasures.record_applied(
                conn, actor, c.table, c.id, c.hash, seq, now, approved_id=state.approved_id
            )


def apply_records(
    engine: Engine, actor: Actor, records: Sequence[Any], *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Apply a push batch from `actor` in one transaction; one result per record, in order."""
    now = now or utcnow()
    results: list[Any] = [None] * len(records)
    candidates = []
    for index, record in enumerate(records):
        checked = check_record(actor, index, record)
        if isinstance(checked, Candidate):
            candidates.append(checked)
        else:
            results[index] = checked
    if candidates:
        state = PushState()
        with writing(engine) as conn:
            take_push_slot(conn)  # the database-wide cap on pushes (hub.gate), before any lock
            lock_commune(conn, actor.commune_code)
            for segment in _segments(candidates):
                _apply_segment(conn, actor, segment, results, now, state)
    accepted = sum(1 for r in results if r["status"] == "accepted")
    log.info("push from %s: %d accepted, %d rejected", actor.device_id, accepted, len(results) - accepted)
    return results


def apply_approved(
    conn: Connection, actor: Actor, record: Mapping[str, Any], erasure_id: int, now: datetime
) -> dict[str, Any]:
    """Apply a waiting erasure an officer approved, as `actor` pushed it, through the same step as
    a push (every rule but the daily limit holds); the caller holds the write transaction."""
    lock_commune(conn, actor.commune_code)
    data = dict(record["data"])
    stored_text = payload.canonical(data).decode("utf-8")
    base_seq = record.get("base_seq") or 0
    candidate = Candidate(0, record["table"], record["id"], record["hash"], base_seq, data, stored_text)
    results: list[Any] = [None]
    _apply_segment(conn, actor, [candidate], results, now, PushState(approved_id=erasure_id))
    result: dict[str, Any] = results[0]
    return result
