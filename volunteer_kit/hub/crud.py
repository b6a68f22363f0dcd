"""What the hub does with its database: enrollment, push, pull, conflicts, devices, stats.

Functions take the engine (or a connection) as a keyword argument and return
plain data; the HTTP layer (hub.api) and the command line both call them.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, String, and_, any_, bindparam, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.hub import security
from volunteer_kit.hub.db import writing
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.models import code_t, commune_t, conflict_t, device_t, latest_t, record_t
from volunteer_kit.sync import payload

log = logging.getLogger("volunteer_kit.hub")

ROLES = ("volunteer", "officer", "trainer")
DEFAULT_CODE_HOURS = 72
# A device's last contact is written at most this often (a pull must not be a write each time).
LAST_SEEN_EVERY = timedelta(seconds=60)
IN_CHUNK = 500  # ids per IN (...) list
PG_KEYS_CHUNK = 5000  # keys per array parameter on PostgreSQL
MAX_CONFLICTS_PAGE = 500
# Key space of pg_advisory_xact_lock(int, int) taken by pushes: "VK".
PUSH_LOCK_SPACE = 0x564B


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored datetime as aware UTC (SQLite gives it back naive)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    value = as_utc(value)
    return None if value is None else value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------- communes and enrollment codes


def known_commune(code: str) -> tuple[str, str] | None:
    """(name, province code) of a commune the app knows, or None."""
    from volunteer_kit.core import admin_units

    for unit in vars(admin_units).values():
        if isinstance(unit, admin_units.CommuneUnit) and unit.code == code:
            return unit.name, unit.province_code
    return None


def ensure_commune(
    engine: Engine, code: str, name: str | None = None, province_code: str | None = None
) -> dict:
    """The hub's row for commune `code`, made from the app's admin units or the given name.

    Raises HubError(422) for a code that is not five digits, or an unknown code with no name.
    """
    code = code.strip()
    if len(code) != 5 or not code.isdigit():
        raise HubError(
            422,
            f"A commune code has five digits, not {code!r}.",
            f"Mã xã gồm năm chữ số, không phải {code!r}.",
        )
    with writing(engine) as conn:
        row = conn.execute(select(commune_t).where(commune_t.c.code == code)).mappings().first()
        if row is not None and not name:
            return dict(row)
        known = known_commune(code)
        if not name and known is None:
            raise HubError(
                422,
                f"Commune {code} is not in the hub's list; give its name with --commune-name.",
                f"Xã {code} chưa có trong danh sách của máy chủ; hãy cho biết tên xã bằng --commune-name.",
            )
        values = {
            "code": code,
            "name": name or known[0],  # type: ignore[index]
            "province_code": province_code or (known[1] if known else ""),
        }
        if row is None:
            conn.execute(commune_t.insert().values(**values))
        else:
            conn.execute(commune_t.update().where(commune_t.c.code == code).values(**values))
        return values


def make_enroll_code(
    engine: Engine,
    *,
    commune_code: str,
    role: str,
    hours: float = DEFAULT_CODE_HOURS,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A new one-time code for commune and role; only its hash is stored. Returns code and expiry."""
    if role not in ROLES:
        raise HubError(422, f"Unknown role {role!r}.", f"Vai trò không hợp lệ: {role!r}.")
    if not 0 < hours <= 24 * 90:
        raise HubError(
            422, "A code lasts between a minute and 90 days.", "Mã chỉ có hạn từ một phút đến 90 ngày."
        )
    now = now or utcnow()
    code = security.new_enroll_code()
    expires = now + timedelta(hours=hours)
    with writing(engine) as conn:
        commune = conn.execute(select(commune_t).where(commune_t.c.code == commune_code)).mappings().first()
        if commune is None:
            raise HubError(422, f"Unknown commune {commune_code}.", f"Không rõ xã {commune_code}.")
        conn.execute(
            code_t.insert().values(
                code_hash=security.sha256_hex(security.normalize_code(code)),
                commune_code=commune_code,
                role=role,
                created_at=now,
                expires_at=expires,
            )
        )
    return {
        "code": code,
        "commune_code": commune_code,
        "commune_name": commune["name"],
        "role": role,
        "expires_at": iso(expires),
    }


CODE_REFUSED = HubError(
    403,
    "This enrollment code is wrong, used or expired; ask the hub operator for a new one.",
    "Mã đăng ký sai, đã dùng hoặc đã hết hạn; hãy xin người quản lý máy chủ mã mới.",
)


def enroll_device(
    engine: Engine,
    *,
    code: str,
    device_id: str,
    label: str,
    public_key: str,
    hub_id: str,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Trade a code for a token (the code is then used up). Raises HubError(403) for a bad code."""
    now = now or utcnow()
    code_hash = security.sha256_hex(security.normalize_code(code))
    token = security.new_token()
    with writing(engine) as conn:
        row = conn.execute(select(code_t).where(code_t.c.code_hash == code_hash)).mappings().first()
        if row is None or row["used_at"] is not None or as_utc(row["expires_at"]) <= now:
            raise CODE_REFUSED
        used = conn.execute(
            code_t.update()
            .where(code_t.c.code_hash == code_hash, code_t.c.used_at.is_(None))
            .values(used_at=now, used_by=device_id)
        )
        if used.rowcount != 1:  # another request used it a moment ago
            raise CODE_REFUSED
        values = {
            "label": label,
            "commune_code": row["commune_code"],
            "role": row["role"],
            "token_hash": security.sha256_hex(token),
            "public_key": public_key,
            "enrolled_at": now,
            "last_seen_at": now,
            "revoked_at": None,
        }
        if conn.execute(select(device_t.c.id).where(device_t.c.id == device_id)).first():
            conn.execute(device_t.update().where(device_t.c.id == device_id).values(**values))
        else:
            conn.execute(device_t.insert().values(id=device_id, **values))
        commune = (
            conn.execute(select(commune_t).where(commune_t.c.code == row["commune_code"])).mappings().first()
        )
    log.info("device %s enrolled for commune %s as %s", device_id, row["commune_code"], row["role"])
    return {
        "token": token,
        "device_id": device_id,
        "commune_code": row["commune_code"],
        "commune_name": commune["name"] if commune else "",
        "province_code": commune["province_code"] if commune else "",
        "role": row["role"],
        "hub_id": hub_id,
        "protocol": payload.PROTOCOL,
    }


# ---------------------------------------------------------------- devices


@dataclass(frozen=True)
class Actor:
    """The device a request (or bundle) acts for, as the hub enrolled it."""

    device_id: str
    commune_code: str
    role: str


def device_for_token(engine: Engine, token: str, *, now: datetime | None = None) -> Actor:
    """The enrolled, unrevoked device holding `token`; HubError(401) otherwise."""
    now = now or utcnow()
    with engine.connect() as conn:
        row = (
            conn.execute(select(device_t).where(device_t.c.token_hash == security.sha256_hex(token)))
            .mappings()
            .first()
        )
    if row is None:
        raise HubError(
            401,
            "This device is not enrolled with this hub (unknown token); enroll it with a new code.",
            "Thiết bị này chưa đăng ký với máy chủ (mã truy cập không đúng); hãy đăng ký bằng mã mới.",
        )
    if row["revoked_at"] is not None:
        raise HubError(
            401,
            "This device was revoked by the hub operator; ask for a new enrollment code.",
            "Thiết bị này đã bị thu hồi quyền; hãy xin người quản lý máy chủ mã đăng ký mới.",
        )
    last = as_utc(row["last_seen_at"])
    if last is None or now - last >= LAST_SEEN_EVERY:
        with writing(engine) as conn:
            conn.execute(device_t.update().where(device_t.c.id == row["id"]).values(last_seen_at=now))
    return Actor(device_id=row["id"], commune_code=row["commune_code"], role=row["role"])


def get_device(engine: Engine, device_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(device_t).where(device_t.c.id == device_id)).mappings().first()
    return dict(row) if row else None


def revoke_device(engine: Engine, device_id: str, *, now: datetime | None = None) -> bool:
    """Revoke a device's token; False when the hub does not know the device."""
    with writing(engine) as conn:
        done = conn.execute(
            device_t.update()
            .where(device_t.c.id == device_id)
            .values(revoked_at=func.coalesce(device_t.c.revoked_at, now or utcnow()))
        )
    return done.rowcount == 1


# ---------------------------------------------------------------- push


@cache
def _references() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> ((column, referenced table), ...) for the synced tables' foreign keys."""
    from volunteer_kit.core import models

    refs: dict[str, tuple[tuple[str, str], ...]] = {}
    for table in SYNCED_TABLES:
        found = []
        for column in models.SQLModel.metadata.tables[table].columns:
            for fk in column.foreign_keys:
                found.append((column.name, fk.column.table.name))
        if table == "learner":
            found.append(("merged_into_id", "learner"))  # a reference, though not a declared key
        refs[table] = tuple(found)
    return refs


def _reason(en: str, vi: str) -> tuple[str, str]:
    return en, vi


@dataclass
class _Candidate:
    index: int
    table: str
    id: str
    hash: str
    base_seq: int
    data: dict[str, Any]
    text: str  # canonical JSON of data, as stored


def _rejected(record: Any, reason: tuple[str, str]) -> dict[str, Any]:
    get = record.get if isinstance(record, Mapping) else (lambda _k: None)
    return {
        "table": get("table"),
        "id": get("id"),
        "hash": get("hash"),
        "status": "rejected",
        "reason": reason[0],
        "reason_vi": reason[1],
    }


def _check(actor: Actor, index: int, record: Any) -> _Candidate | dict[str, Any]:
    """A record that may be stored, or its rejection (checks that need no database)."""
    if not (
        isinstance(record, Mapping)
        and isinstance(record.get("table"), str)
        and isinstance(record.get("id"), str)
        and isinstance(record.get("hash"), str)
        and isinstance(record.get("data"), Mapping)
    ):
        return _rejected(
            record,
            _reason(
                "Not a record (it needs table, id, hash and data).",
                "Không phải bản ghi (cần table, id, hash và data).",
            ),
        )
    table, data = record["table"], record["data"]
    if table not in payload.EDITABLE_TABLES and table not in payload.FACT_TABLES:
        return _rejected(
            record, _reason(f"{table!r} is not a synced table.", f"{table!r} không phải bảng đồng bộ.")
        )
    commune = record.get("commune_code")
    if commune != actor.commune_code or data.get("commune_code") != actor.commune_code:
        return _rejected(
            record,
            _reason(
                f"The record belongs to another commune than this device's ({actor.commune_code}).",
                f"Bản ghi thuộc xã khác với xã của thiết bị này ({actor.commune_code}).",
            ),
        )
    if table in payload.OFFICER_TABLES and actor.role != "officer":
        return _rejected(
            record,
            _reason(
                f"Only an officer may write {table} records.", f"Chỉ cán bộ xã mới được ghi bản ghi {table}."
            ),
        )
    if data.get("id") != record["id"]:
        return _rejected(
            record,
            _reason(
                "The record's id and its data's id disagree.", "Mã bản ghi và mã trong dữ liệu không khớp."
            ),
        )
    if len(record["id"]) > 36:
        return _rejected(record, _reason("The record's id is too long.", "Mã bản ghi quá dài."))
    if not record["id"].isprintable():  # a NUL or control character: PostgreSQL text cannot hold NUL
        return _rejected(
            record,
            _reason("The record's id has characters not allowed.", "Mã bản ghi có ký tự không hợp lệ."),
        )
    base_seq = record.get("base_seq")
    if base_seq is not None and (not isinstance(base_seq, int) or isinstance(base_seq, bool)):
        return _rejected(record, _reason("base_seq is not a number.", "base_seq không phải số."))
    try:
        payload.data_to_row(table, data)
    except (ValueError, TypeError) as exc:
        return _rejected(record, _reason(f"The data is not valid: {exc}", f"Dữ liệu không hợp lệ: {exc}"))
    text = payload.canonical(data)
    if security.sha256_bytes_hex(text) != record["hash"]:
        return _rejected(
            record,
            _reason("The hash does not match the data.", "Mã băm không khớp với dữ liệu."),
        )
    return _Candidate(
        index, table, record["id"], record["hash"], base_seq or 0, dict(data), text.decode("utf-8")
    )


def _lock_commune(conn: Connection, commune_code: str) -> None:
    """Serialize pushes of one commune on PostgreSQL, so its seqs commit in increasing order.

    A sequence hands out numbers before COMMIT, not at it: two concurrent pushes could
    commit seq 11 before seq 10, and a device pulling "after 11" in between would never see 10.
    Pulls are per commune and every record of a push belongs to the token's commune, so a
    transaction-level advisory lock per commune is enough (communes still push in parallel,
    and the lock ends with the transaction, even if the hub process dies). SQLite needs no
    lock: BEGIN IMMEDIATE already lets one writer at a time.
    """
    if conn.dialect.name != "postgresql":
        return
    key = int(commune_code) if commune_code.isdigit() else zlib.crc32(commune_code.encode()) & 0x7FFFFFFF
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PUSH_LOCK_SPACE}, {key})")


def _segments(candidates: list[_Candidate]) -> Iterator[list[_Candidate]]:
    """Runs of candidates with no (table, id) twice, so each run is decided against stored state."""
    seen: set[tuple[str, str]] = set()
    run: list[_Candidate] = []
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


def _load_latest(
    conn: Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Mapping[str, Any]]:
    if conn.dialect.name == "postgresql":
        return _load_latest_pg(conn, list(keys))
    found: dict[tuple[str, str], Mapping[str, Any]] = {}
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


def _load_latest_pg(
    conn: Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], Mapping[str, Any]]:
    """The same, in one round trip whatever the tables (the keys go in as one JSON parameter)."""
    found: dict[tuple[str, str], Mapping[str, Any]] = {}
    for chunk in _chunks(keys, PG_KEYS_CHUNK):
        rows = conn.execute(_LATEST_BY_KEYS, {"keys": json.dumps([{"t": t, "i": i} for t, i in chunk])})
        for row in rows.mappings():
            found[(row["table_name"], row["record_id"])] = row
    return found


def _load_versions(conn: Connection, segment: list[_Candidate]) -> dict[tuple[str, str, str], int]:
    """(table, id, hash) -> seq of every stored version of the segment's records."""
    found: dict[tuple[str, str, str], int] = {}
    for table, ids in _by_table((c.table, c.id) for c in segment).items():
        for chunk in _chunks(ids):
            rows = conn.execute(
                select(record_t.c.record_id, record_t.c.content_hash, record_t.c.seq).where(
                    record_t.c.table_name == table, _id_in(conn, record_t.c.record_id, chunk)
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


def _insert_latest(conn: Connection, rows: list[dict[str, Any]]) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(latest_t)
    stmt = stmt.on_conflict_do_update(
        index_elements=[latest_t.c.table_name, latest_t.c.record_id],
        set_={
            "seq": stmt.excluded.seq,
            "commune_code": stmt.excluded.commune_code,
            "device_id": stmt.excluded.device_id,
            "content_hash": stmt.excluded.content_hash,
            "anonymized": stmt.excluded.anonymized,
        },
    )
    conn.execute(stmt, rows)


# PostgreSQL: a batch goes in as one statement per table, its rows as one JSON parameter, instead
# of one statement per row: the hub then spends its time on the records, not on round trips.
# (JSON rather than arrays: the json module encodes in C, psycopg quotes array items in Python.)
_PG_INSERT_VERSIONS = text(
    "INSERT INTO hub_record "
    "(seq, table_name, record_id, commune_code, device_id, content_hash, data, received_at) "
    "SELECT s, t, i, :commune, :device, h, d, :now "
    "FROM json_to_recordset(CAST(:rows AS json)) AS u(s bigint, t text, i text, h text, d text)"
).bindparams(bindparam("now", type_=record_t.c.received_at.type))
_PG_UPSERT_LATEST = text(
    "INSERT INTO hub_latest (table_name, record_id, seq, commune_code, device_id, content_hash, anonymized) "
    "SELECT t, i, s, :commune, :device, h, a "
    "FROM json_to_recordset(CAST(:rows AS json)) AS u(s bigint, t text, i text, h text, a boolean) "
    "ON CONFLICT (table_name, record_id) DO UPDATE SET seq = excluded.seq, "
    "commune_code = excluded.commune_code, device_id = excluded.device_id, "
    "content_hash = excluded.content_hash, anonymized = excluded.anonymized"
)


def _store_versions(
    conn: Connection, actor: Actor, fresh: list[_Candidate], seqs: list[int], now: datetime
) -> None:
    """Insert the new versions and make them the latest ones."""
    anonymized = [bool(c.table == "learner" and c.data.get("anonymized")) for c in fresh]
    if conn.dialect.name == "postgresql":
        who = {"commune": actor.commune_code, "device": actor.device_id}
        rows = [
            {"s": seq, "t": c.table, "i": c.id, "h": c.hash, "d": c.text}
            for c, seq in zip(fresh, seqs, strict=True)
        ]
        conn.execute(_PG_INSERT_VERSIONS, {**who, "now": now, "rows": json.dumps(rows, ensure_ascii=False)})
        for row, anon in zip(rows, anonymized, strict=True):
            del row["d"]
            row["a"] = anon
        conn.execute(_PG_UPSERT_LATEST, {**who, "rows": json.dumps(rows)})
        return
    conn.execute(
        record_t.insert(),
        [
            {
                "seq": seq,
                "table_name": c.table,
                "record_id": c.id,
                "commune_code": actor.commune_code,
                "device_id": actor.device_id,
                "content_hash": c.hash,
                "data": c.text,
                "received_at": now,
            }
            for c, seq in zip(fresh, seqs, strict=True)
        ],
    )
    _insert_latest(
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


def _erase(data: dict[str, Any]) -> dict[str, Any]:
    for column in payload.IDENTIFYING_LEARNER_COLUMNS:
        if column in data:
            data[column] = None if column in ("phone", "birth_year") else ""
    return data


def _anonymize_history(conn: Connection, learner_id: str, below_seq: int) -> None:
    """Erase identifying columns of every older version of a learner, and of its conflicts."""
    rows = conn.execute(
        select(record_t.c.seq, record_t.c.data).where(
            record_t.c.table_name == "learner", record_t.c.record_id == learner_id, record_t.c.seq < below_seq
        )
    ).all()
    if rows:
        conn.execute(
            record_t.update()
            .where(record_t.c.seq == bindparam("old_seq"))
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


def _apply_segment(
    conn: Connection, actor: Actor, segment: list[_Candidate], results: list[Any], now: datetime
) -> None:
    refs = _references()
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
        versions.update(_load_versions(conn, older))

    fresh: list[_Candidate] = []
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
            reason = _reason(
                "A record with this id belongs to another commune.", "Một bản ghi cùng mã thuộc về xã khác."
            )
        elif current is not None and c.table in payload.FACT_TABLES:
            reason = _reason(
                "This record is a fact that cannot change; record a correction instead.",
                "Bản ghi này là sự kiện đã ghi, không sửa được; hãy ghi một bản sửa mới.",
            )
        elif current is not None and current["anonymized"] and not c.data.get("anonymized"):
            reason = _reason(
                "Consent for this learner was withdrawn; their data cannot come back.",
                "Người học này đã rút lại sự đồng ý; không thể khôi phục dữ liệu của họ.",
            )
        else:
            for column, target in refs.get(c.table, ()):
                ref = latest.get((target, c.data.get(column)))
                if ref is not None and ref["commune_code"] != actor.commune_code:
                    reason = _reason(
                        f"{column} refers to a record of another commune.",
                        f"{column} trỏ tới bản ghi của xã khác.",
                    )
                    break
        if reason is not None:
            results[c.index] = {
                "table": c.table,
                "id": c.id,
                "hash": c.hash,
                "status": "rejected",
                "reason": reason[0],
                "reason_vi": reason[1],
            }
            continue
        fresh.append(c)
    if not fresh:
        return

    inserted = _next_seqs(conn, len(fresh))
    _store_versions(conn, actor, fresh, inserted, now)
    conflicts = []
    for c, seq in zip(fresh, inserted, strict=True):
        results[c.index] = {"table": c.table, "id": c.id, "hash": c.hash, "status": "accepted", "seq": seq}
        current = latest.get((c.table, c.id))
        if current is not None and c.base_seq < current["seq"] and current["device_id"] != actor.device_id:
            conflicts.append((c, seq, current))
    if conflicts:
        old = {}
        for chunk in _chunks([cur["seq"] for _c, _s, cur in conflicts]):
            old.update(
                conn.execute(select(record_t.c.seq, record_t.c.data).where(record_t.c.seq.in_(chunk))).all()
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
            _anonymize_history(conn, c.id, seq)


def apply_records(
    engine: Engine, actor: Actor, records: Sequence[Any], *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Apply a push batch from `actor` in one transaction; one result per record, in order."""
    now = now or utcnow()
    results: list[Any] = [None] * len(records)
    candidates = []
    for index, record in enumerate(records):
        checked = _check(actor, index, record)
        if isinstance(checked, _Candidate):
            candidates.append(checked)
        else:
            results[index] = checked
    if candidates:
        with writing(engine) as conn:
            _lock_commune(conn, actor.commune_code)
            for segment in _segments(candidates):
                _apply_segment(conn, actor, segment, results, now)
    accepted = sum(1 for r in results if r["status"] == "accepted")
    log.info("push from %s: %d accepted, %d rejected", actor.device_id, accepted, len(results) - accepted)
    return results


# ---------------------------------------------------------------- pull and conflicts


def pull_page(engine: Engine, *, commune_code: str, after: int, limit: int) -> tuple[str, int, bool]:
    """Up to `limit` latest versions of the commune's records with seq > after, in seq order.

    Returns the records as the text of a JSON array's items (each
    `{"seq":…,"table":…,"id":…,"hash":…,"data":{…}}`, data spliced in as stored, never parsed),
    the last seq of the page (`after` when it is empty) and whether more follow.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            items, last, more = conn.execute(
                _PG_PULL_PAGE, {"commune": commune_code, "after": after, "limit": limit}
            ).one()
            return items or "", last or after, bool(more)
        rows = conn.execute(
            select(
                latest_t.c.seq,
                record_t.c.table_name,
                record_t.c.record_id,
                record_t.c.content_hash,
                record_t.c.data,
            )
            .select_from(latest_t.join(record_t, record_t.c.seq == latest_t.c.seq))
            .where(and_(latest_t.c.commune_code == commune_code, latest_t.c.seq > after))
            .order_by(latest_t.c.seq)
            .limit(limit + 1)
        ).all()
    dumps = json.dumps
    items = ",".join(
        f'{{"seq":{seq},"table":{dumps(table)},"id":{dumps(rid)},"hash":{dumps(h)},"data":{data}}}'
        for seq, table, rid, h, data in rows[:limit]
    )
    return items, rows[:limit][-1][0] if rows else after, len(rows) > limit


# On PostgreSQL the page is written by the database (in C, in its own process, outside the hub's
# GIL): the hub passes one string on instead of building thousands of rows in Python.
_PG_PULL_PAGE = text(
    # The page's seqs are chosen first, narrow (whatever plan PostgreSQL picks, it never sorts
    # the records' data), then joined to their data.
    "WITH page AS (SELECT l.seq, row_number() OVER (ORDER BY l.seq) AS n FROM (SELECT seq "
    "FROM hub_latest WHERE commune_code = :commune AND seq > :after ORDER BY seq LIMIT :limit + 1) l), "
    "numbered AS (SELECT p.seq, p.n, r.table_name, r.record_id, r.content_hash, r.data "
    "FROM page p JOIN hub_record r ON r.seq = p.seq) "
    'SELECT string_agg(format(\'{"seq":%s,"table":%s,"id":%s,"hash":%s,"data":%s}\', '
    "seq, to_json(table_name), to_json(record_id), to_json(content_hash), data), ',' ORDER BY seq) "
    "FILTER (WHERE n <= :limit), max(seq) FILTER (WHERE n <= :limit), count(*) > :limit FROM numbered"
)


def list_conflicts(engine: Engine, *, commune_code: str, after: int, limit: int) -> tuple[list[dict], bool]:
    with engine.connect() as conn:
        rows = (
            conn.execute(
                select(conflict_t)
                .where(conflict_t.c.commune_code == commune_code, conflict_t.c.id > after)
                .order_by(conflict_t.c.id)
                .limit(limit + 1)
            )
            .mappings()
            .all()
        )
    out = [
        {
            "id": r["id"],
            "table": r["table_name"],
            "record_id": r["record_id"],
            "kept_seq": r["kept_seq"],
            "overwritten_seq": r["overwritten_seq"],
            "overwritten": json.loads(r["overwritten_data"]),
            "by_device": r["by_device"],
            "overwritten_device": r["overwritten_device"],
            "at": iso(r["at"]),
        }
        for r in rows[:limit]
    ]
    return out, len(rows) > limit


# ---------------------------------------------------------------- stats


def hub_stats(engine: Engine) -> dict[str, Any]:
    """Records per commune and table (latest versions, not history), devices, last contact."""
    with engine.connect() as conn:
        names = dict(conn.execute(select(commune_t.c.code, commune_t.c.name)).all())
        counts = conn.execute(
            select(latest_t.c.commune_code, latest_t.c.table_name, func.count()).group_by(
                latest_t.c.commune_code, latest_t.c.table_name
            )
        ).all()
        versions = dict(
            conn.execute(
                select(record_t.c.commune_code, func.count()).group_by(record_t.c.commune_code)
            ).all()
        )
        conflicts = dict(
            conn.execute(
                select(conflict_t.c.commune_code, func.count()).group_by(conflict_t.c.commune_code)
            ).all()
        )
        devices = (
            conn.execute(select(device_t).order_by(device_t.c.commune_code, device_t.c.id)).mappings().all()
        )
    communes: dict[str, dict[str, Any]] = {}

    def entry(code: str) -> dict[str, Any]:
        if code not in communes:
            communes[code] = {
                "commune_code": code,
                "commune_name": names.get(code, ""),
                "records": {},
                "records_total": 0,
                "versions_total": versions.get(code, 0),
                "conflicts": conflicts.get(code, 0),
                "devices": 0,
                "revoked_devices": 0,
                "last_contact": None,
            }
        return communes[code]

    for code, table, n in counts:
        e = entry(code)
        e["records"][table] = n
        e["records_total"] += n
    device_list = []
    for d in devices:
        e = entry(d["commune_code"])
        if d["revoked_at"] is None:
            e["devices"] += 1
        else:
            e["revoked_devices"] += 1
        seen = iso(d["last_seen_at"])
        if seen and (e["last_contact"] is None or seen > e["last_contact"]):
            e["last_contact"] = seen
        device_list.append(
            {
                "id": d["id"],
                "label": d["label"],
                "commune_code": d["commune_code"],
                "role": d["role"],
                "enrolled_at": iso(d["enrolled_at"]),
                "last_seen_at": seen,
                "revoked_at": iso(d["revoked_at"]),
            }
        )
    return {
        "communes": [communes[c] for c in sorted(communes)],
        "devices": device_list,
        "records_total": sum(c["records_total"] for c in communes.values()),
    }


def commune_name(engine: Engine, code: str) -> str | None:
    """The name the hub knows for a commune code, or None."""
    with engine.connect() as conn:
        return conn.execute(select(commune_t.c.name).where(commune_t.c.code == code)).scalar()
