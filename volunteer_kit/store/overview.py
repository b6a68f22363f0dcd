"""Counts for the Today page and the status bar."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import parse_utc, utcnow, week_start
from volunteer_kit.core.records import TodayCounts, ToDo
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.core.text import fold, sort_key
from volunteer_kit.packs.outline import PackOutline, installed_outlines
from volunteer_kit.store import attendance
from volunteer_kit.store.devices import this_commune
from volunteer_kit.store.sessions import open_sessions


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
    _code, commune = this_commune(conn)
    return TodayCounts(
        learners=int(learners or 0),
        households=int(households or 0),
        sessions_this_week=int(sessions or 0),
        pending_records=pending_count(conn),
        last_sync_at=parse_utc(last_sync) if last_sync else None,
        commune_name=commune,
    )


SHORT_LIST = 50


def to_do(conn: Connection, outlines: Mapping[str, PackOutline]) -> ToDo:
    """What needs doing: households nobody has visited yet (by hamlet), learners one lesson short
    of finishing a pack, and sessions whose attendance is still open (oldest first)."""
    unvisited = attendance.unvisited_households_by_hamlet(conn)
    done = {
        key: lessons
        for key, lessons in attendance.attended_lessons_by_learner(conn).items()
        if key[1] in outlines
    }
    short = []
    for (learner_id, pack_id), lessons in done.items():
        missing = [lesson for lesson in outlines[pack_id].lesson_ids if lesson not in lessons]
        if len(missing) == 1:
            short.append((learner_id, pack_id, missing[0]))
    names = {}
    chosen = short[:SHORT_LIST]
    if chosen:
        marks = ", ".join(f":p{n}" for n in range(len(chosen)))
        names = {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                text(
                    "SELECT id, full_name, hamlet FROM learner WHERE deleted = 0 AND anonymized = 0 "
                    f"AND id IN ({marks})"
                ),
                {f"p{n}": item[0] for n, item in enumerate(chosen)},
            )
        }
    one_short = sorted(
        (
            (learner_id, *names[learner_id], pack_id, lesson)
            for learner_id, pack_id, lesson in chosen
            if learner_id in names
        ),
        key=lambda item: (fold(item[2]), sort_key(item[1])),
    )
    return ToDo(
        unvisited_by_hamlet=tuple(unvisited),
        one_lesson_short=tuple(one_short),
        one_lesson_short_total=len(short),
        open_sessions=tuple(open_sessions(conn)),
    )


def to_do_and_outlines(conn: Connection) -> tuple[ToDo, dict[str, PackOutline]]:
    """What needs doing (to_do) for the packs on this laptop, with their outlines (titles, lessons)."""
    outlines = installed_outlines()
    return to_do(conn, outlines), outlines


def pending_by_table(conn: Connection) -> dict[str, int]:
    """Records waiting to sync, per synced table (the partial pending indexes count them)."""
    union = " UNION ALL ".join(
        f"SELECT '{table}', count(*) FROM {table} WHERE pending = 1" for table in SYNCED_TABLES
    )
    return {str(name): int(count) for name, count in conn.exec_driver_sql(union)}
