"""What a person calls a record: a learner's or volunteer's name, a household's head (or its address), a
session's place and day — for the places that list records (the Sync page's refused records), so that
nobody has to read "Hộ gia đình 01a0c4e9-0284"."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Connection

from volunteer_kit.core.clock import local, parse_utc

# The records that belong to a learner are named after the learner.
_OF_A_LEARNER = ("consent", "attendance", "quiz_attempt", "skill_check", "certificate")
_NAME_SQL = {
    "learner": "SELECT full_name FROM learner WHERE id = ?",
    "volunteer": "SELECT full_name FROM volunteer WHERE id = ?",
    "household": (
        "SELECT CASE WHEN head_name != '' THEN head_name "
        "ELSE trim(address || CASE WHEN address != '' AND hamlet != '' THEN ', ' ELSE '' END || hamlet) END "
        "FROM household WHERE id = ?"
    ),
    **{
        table: f"SELECT l.full_name FROM {table} r JOIN learner l ON l.id = r.learner_id WHERE r.id = ?"
        for table in _OF_A_LEARNER
    },
}


def record_names(conn: Connection, records: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(table, id): name} for the records this device holds and can name; others are left out (a
    record refused while pulling was never stored here)."""
    names: dict[tuple[str, str], str] = {}
    for table, record_id in set(records):
        name = _name(conn, table, record_id)
        if name:
            names[(table, record_id)] = name
    return names


def _name(conn: Connection, table: str, record_id: str) -> str:
    if table == "teaching_session":
        found = conn.exec_driver_sql(
            "SELECT place, hamlet, starts_at FROM teaching_session WHERE id = ?", (record_id,)
        ).first()
        if found is None:
            return ""
        place, hamlet, starts_at = found
        day = f"{local(parse_utc(starts_at)):%d/%m/%Y}" if starts_at else ""
        return " · ".join(part for part in (place or hamlet, day) if part)
    sql = _NAME_SQL.get(table)
    if sql is None:
        return ""
    return str(conn.exec_driver_sql(sql, (record_id,)).scalar() or "")
