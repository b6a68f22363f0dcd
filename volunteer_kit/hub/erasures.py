"""Erasures of learners after a consent withdrawal: the audit trail, the daily limit per device,
and the erasures that wait for an officer's approval (docs/security.md "Who may write what").

The push apply step (hub.push) asks hub.authz whether a record may be stored, and calls here to
find a withdrawal on record, count a device's erasures, and write the trail. The trail holds who,
when and which record, never personal data: a waiting erasure keeps the pushed version, whose
identifying columns hub.authz already required blank.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, and_, func, select

from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub.db import writing
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.errors import HubError
from volunteer_kit.hub.models import device_t, erasure_t, record_t
from volunteer_kit.hub.times import iso

APPLIED, WAITING = "applied", "waiting"
OPERATOR = "hub operator"
DAY = timedelta(days=1)
MAX_PAGE = 500


@dataclass
class PushState:
    """What one push (or one approval) has learnt so far, across its segments."""

    withdrawn: set[str] = field(default_factory=set)  # learners whose withdrawal this push stored
    erasures: int | None = None  # the device's erasures in the last day, loaded when first needed
    approved_id: int | None = None  # applying this waiting erasure, approved by an officer


def _like_literal(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def withdrawal_stored(conn: Connection, commune_code: str, learner_id: str) -> bool:
    """Whether a consent withdrawal for `learner_id` is stored (searched in its canonical JSON:
    erasures are rare, so no index is kept for them)."""
    found = conn.execute(
        select(record_t.c.seq)
        .where(
            record_t.c.table_name == "consent",
            record_t.c.commune_code == commune_code,
            record_t.c.data.like(f'%"learner_id":"{_like_literal(learner_id)}"%', escape="\\"),
            record_t.c.data.like('%"action":"withdrawn"%'),
        )
        .limit(1)
    ).first()
    return found is not None


def is_withdrawal(table: str, data: Mapping[str, Any]) -> bool:
    return (
        table == "consent" and data.get("action") == "withdrawn" and isinstance(data.get("learner_id"), str)
    )


def erasures_today(conn: Connection, device_id: str, now: datetime) -> int:
    """The erasures applied from `device_id` in the 24 hours before `now` (approved ones too)."""
    return (
        conn.execute(
            select(func.count())
            .select_from(erasure_t)
            .where(
                erasure_t.c.device_id == device_id, erasure_t.c.status == APPLIED, erasure_t.c.at > now - DAY
            )
        ).scalar()
        or 0
    )


def record_applied(
    conn: Connection,
    actor: Actor,
    table: str,
    record_id: str,
    content_hash: str,
    seq: int,
    now: datetime,
    *,
    approved_id: int | None = None,
) -> None:
    """Write an applied erasure into the trail (an approved one: its waiting entry becomes applied)."""
    if approved_id is not None:
        conn.execute(
            erasure_t.update()
            .where(erasure_t.c.id == approved_id)
            .values(status=APPLIED, seq=seq, waiting_record=None)
        )
        return
    conn.execute(
        erasure_t.insert().values(
            commune_code=actor.commune_code,
            table_name=table,
            record_id=record_id,
            device_id=actor.device_id,
            at=now,
            status=APPLIED,
            content_hash=content_hash,
            seq=seq,
        )
    )


def record_waiting(conn: Connection, actor: Actor, record: Mapping[str, Any], now: datetime) -> None:
    """Keep an erasure over the daily limit for an officer, once (the device sends it again at
    every sync until it is approved)."""
    already = conn.execute(
        select(erasure_t.c.id).where(
            erasure_t.c.table_name == record["table"],
            erasure_t.c.record_id == record["id"],
            erasure_t.c.content_hash == record["hash"],
            erasure_t.c.status == WAITING,
        )
    ).first()
    if already is not None:
        return
    conn.execute(
        erasure_t.insert().values(
            commune_code=actor.commune_code,
            table_name=record["table"],
            record_id=record["id"],
            device_id=actor.device_id,
            at=now,
            status=WAITING,
            content_hash=record["hash"],
            waiting_record=json.dumps(record, ensure_ascii=False, sort_keys=True),
        )
    )


def _entry(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "commune_code": row["commune_code"],
        "table": row["table_name"],
        "record_id": row["record_id"],
        "device_id": row["device_id"],
        "at": iso(row["at"]),
        "status": row["status"],
        "seq": row["seq"],
        "approved_by": row["approved_by"],
        "approved_at": iso(row["approved_at"]) if row["approved_at"] else None,
    }


def list_erasures(
    engine: Engine, *, commune_code: str | None, after: int = 0, limit: int = MAX_PAGE
) -> tuple[list[dict[str, Any]], bool]:
    """The trail, oldest first, of one commune (None: every commune, for the hub operator), and
    whether more follows."""
    columns = [c for c in erasure_t.c if c.name != "waiting_record"]
    query = select(*columns).where(erasure_t.c.id > after).order_by(erasure_t.c.id).limit(limit + 1)
    if commune_code is not None:
        query = query.where(erasure_t.c.commune_code == commune_code)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [_entry(r) for r in rows[:limit]], len(rows) > limit


def approve(
    engine: Engine, erasure_id: int, *, approver: str, commune_code: str | None, now: datetime | None = None
) -> dict[str, Any]:
    """Apply a waiting erasure through the push apply step (every rule but the daily limit still
    holds); `commune_code` None is the hub operator, who may approve any commune's."""
    from volunteer_kit.hub import push  # push calls this module: imported when needed

    now = now or utcnow()
    with writing(engine) as conn:
        where = [erasure_t.c.id == erasure_id]
        if commune_code is not None:
            where.append(erasure_t.c.commune_code == commune_code)
        row = conn.execute(select(erasure_t).where(and_(*where))).mappings().first()
        if row is None:
            raise HubError(
                404,
                f"No erasure {erasure_id} in this commune.",
                f"Không có việc xoá dữ liệu {erasure_id} ở xã này.",
            )
        if row["status"] != WAITING:
            raise HubError(
                409,
                f"Erasure {erasure_id} is not waiting: it was applied.",
                f"Việc xoá dữ liệu {erasure_id} không còn chờ duyệt: đã được thực hiện.",
            )
        device = conn.execute(select(device_t.c.role).where(device_t.c.id == row["device_id"])).first()
        actor = Actor(row["device_id"], row["commune_code"], device[0] if device else "volunteer")
        result = push.apply_approved(conn, actor, json.loads(row["waiting_record"]), erasure_id, now)
        if result["status"] != "accepted":
            raise HubError(409, result["reason"], result["reason_vi"])
        conn.execute(
            erasure_t.update()
            .where(erasure_t.c.id == erasure_id)
            .values(approved_by=approver, approved_at=now)
        )
        done = conn.execute(select(erasure_t).where(erasure_t.c.id == erasure_id)).mappings().one()
    return _entry(done)
