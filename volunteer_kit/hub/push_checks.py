"""Checks of one pushed record that need no database: shape, table, commune, role, id, hash.

A record that passes becomes a `Candidate`; one that fails gets its rejection, with the reason
in English and Vietnamese, and does not stop the others (hub.push decides the rest).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.hub import security
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.sync import payload, validation


@cache
def references() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> ((column, referenced table), ...) for the synced tables' foreign keys."""
    from volunteer_kit.core import models

    refs: dict[str, tuple[tuple[str, str], ...]] = {}
    for table in SYNCED_TABLES:
        found = []
        for column in models.table_named(table).columns:
            for fk in column.foreign_keys:
                found.append((column.name, fk.column.table.name))
        if table == "learner":
            found.append(("merged_into_id", "learner"))  # a reference, though not a declared key
        refs[table] = tuple(found)
    return refs


def refusal(en: str, vi: str) -> tuple[str, str]:
    return en, vi


@dataclass
class Candidate:
    index: int
    table: str
    id: str
    hash: str
    base_seq: int
    data: dict[str, Any]
    text: str  # canonical JSON of data, as stored


def rejected(record: Any, reason: tuple[str, str]) -> dict[str, Any]:
    get = record.get if isinstance(record, Mapping) else (lambda _k: None)
    return {
        "table": get("table"),
        "id": get("id"),
        "hash": get("hash"),
        "status": "rejected",
        "reason": reason[0],
        "reason_vi": reason[1],
    }


def check_record(actor: Actor, index: int, record: Any) -> Candidate | dict[str, Any]:
    """A record that may be stored, or its rejection (checks that need no database)."""
    if not (
        isinstance(record, Mapping)
        and isinstance(record.get("table"), str)
        and isinstance(record.get("id"), str)
        and isinstance(record.get("hash"), str)
        and isinstance(record.get("data"), Mapping)
    ):
        return rejected(
            record,
            refusal(
                "Not a record (it needs table, id, hash and data).",
                "Không phải bản ghi (cần table, id, hash và data).",
            ),
        )
    table, data = record["table"], record["data"]
    if table not in payload.EDITABLE_TABLES and table not in payload.FACT_TABLES:
        return rejected(
            record, refusal(f"{table!r} is not a synced table.", f"{table!r} không phải bảng đồng bộ.")
        )
    commune = record.get("commune_code")
    if commune != actor.commune_code or data.get("commune_code") != actor.commune_code:
        return rejected(
            record,
            refusal(
                f"The record belongs to another commune than this device's ({actor.commune_code}).",
                f"Bản ghi thuộc xã khác với xã của thiết bị này ({actor.commune_code}).",
            ),
        )
    if table in payload.OFFICER_TABLES and actor.role != "officer":
        return rejected(
            record,
            refusal(
                f"Only an officer may write {table} records.", f"Chỉ cán bộ xã mới được ghi bản ghi {table}."
            ),
        )
    if data.get("id") != record["id"]:
        return rejected(
            record,
            refusal(
                "The record's id and its data's id disagree.", "Mã bản ghi và mã trong dữ liệu không khớp."
            ),
        )
    if len(record["id"]) > 36:
        return rejected(record, refusal("The record's id is too long.", "Mã bản ghi quá dài."))
    if not record["id"].isprintable():  # a NUL or control character: PostgreSQL text cannot hold NUL
        return rejected(
            record,
            refusal("The record's id has characters not allowed.", "Mã bản ghi có ký tự không hợp lệ."),
        )
    base_seq = record.get("base_seq")
    if base_seq is not None and (not isinstance(base_seq, int) or isinstance(base_seq, bool)):
        return rejected(record, refusal("base_seq is not a number.", "base_seq không phải số."))
    problem = validation.why_refused(table, data)  # types, NOT NULL, ranges, text: the models' rules
    if problem is not None:
        return rejected(
            record, refusal(f"The data is not valid: {problem.en}", f"Dữ liệu không hợp lệ: {problem.vi}")
        )
    text = payload.canonical(data)
    if security.sha256_bytes_hex(text) != record["hash"]:
        return rejected(
            record,
            refusal("The hash does not match the data.", "Mã băm không khớp với dữ liệu."),
        )
    return Candidate(
        index, table, record["id"], record["hash"], base_seq or 0, dict(data), text.decode("utf-8")
    )
