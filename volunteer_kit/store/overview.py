"""Counts for the Today page and the status bar."""

from __future__ import annotations

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import parse_utc, utcnow, week_start
from volunteer_kit.core.records import TodayCounts
from volunteer_kit.core.tables import SYNCED_TABLES


def pending_count(conn: Connection) -> int:
    """Records created or changed here that the hub has not accepted yet."""
    union = " UNION ALL ".join(
        f"SELECT count(*) AS n FROM {table} WHERE pending = 1" for table in SYNCED_TABLES
    )
    return int(conn.exec_driver_sql(f"SELECT sum(n) FROM ({union})").scalar() or 0)


def today_counts(conn: Connection) -> TodayCounts:
    start = week_start(utcnow())
    learners = conn.exec_driver_sql("SELECT count(*) FROM learner WHERE deleted = 0").scalar()
    households = conn.exec_driver_sql("SELECT count(*) FROM household WHERE deleted = 0").scalar()
    sessions = conn.execute(
        text("SELECT count(*) FROM teaching_session WHERE deleted = 0 AND starts_at >= :start"),
        {"start": start.strftime("%Y-%m-%d %H:%M:%S")},
    ).scalar()
    last_sync = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = 'last_sync_at'").scalar()
    commune = conn.exec_driver_sql(
        "SELECT c.name FROM commune c JOIN device d ON d.commune_code = c.code WHERE d.is_this_device = 1"
    ).scalar()
    return TodayCounts(
        learners=int(learners or 0),
        households=int(households or 0),
        sessions_this_week=int(sessions or 0),
        pending_records=pending_count(conn),
        last_sync_at=parse_utc(last_sync) if last_sync else None,
        commune_name=commune,
    )
