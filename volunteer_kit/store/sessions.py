"""Queries of teaching sessions."""

from __future__ import annotations

from sqlalchemy import Connection

from volunteer_kit.core.clock import parse_utc
from volunteer_kit.core.records import SessionRow
from volunteer_kit.store.facts import current


def list_sessions(conn: Connection) -> list[SessionRow]:
    """Every teaching session, newest first, with its current attendance counts."""
    result = conn.exec_driver_sql(
        "SELECT s.id, s.commune_code, s.kind, s.pack_id, s.pack_version, s.place, s.hamlet, "
        "s.starts_at, count(a.id), coalesce(sum(a.present), 0), s.pending "
        "FROM teaching_session s LEFT JOIN attendance a ON a.session_id = s.id "
        f"AND {current('attendance', 'a')} "
        "WHERE s.deleted = 0 GROUP BY s.id ORDER BY s.starts_at DESC"
    )
    return [
        SessionRow(
            id=r[0],
            commune_code=r[1],
            kind=r[2],
            pack_id=r[3],
            pack_version=r[4],
            place=r[5],
            hamlet=r[6],
            starts_at=parse_utc(r[7]),
            attendance_count=int(r[8]),
            present_count=int(r[9]),
            pending=bool(r[10]),
        )
        for r in result
    ]
