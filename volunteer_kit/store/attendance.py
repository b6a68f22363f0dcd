"""Attendance: who was marked at which session. Every query and write on `attendance` and
`attendance_present` is here; the app, the CLI, the exports and the certificates call these.

A mark is a fact: a correction is a new record that supersedes the learner's current one, and
only marks nothing supersedes count (store.facts.current). attendance_present, kept by triggers
(migration 0007), lists the current present marks of each session as learner rowids, 16 hex
digits each, so a report over a million marks reads one short row per session.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text

from volunteer_kit.core.clock import parse_utc
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.records import AttendanceRow, AttendedSession
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.bulk import insert_values
from volunteer_kit.store.facts import FACT_BASE, current, origin

_COLUMNS = (
    *FACT_BASE,
    "session_id",
    "learner_id",
    "present",
    "late",
    "walk_in",
    "recorded_at",
    "supersedes_id",
)
_CURRENT = current("attendance", "a")


# Writing marks ----


def mark_all_present(
    conn: Connection, *, session_id: str, learner_ids: Sequence[str], made: tuple[str, str, str]
) -> None:
    """A new session's first marks: everyone in `learner_ids` present (once each), made by
    `made` (commune, device, time: store.facts.origin), as the session itself."""
    commune, device, now = made
    insert_values(
        conn,
        "attendance",
        _COLUMNS,
        [
            (
                new_id(),
                commune,
                device,
                now,
                True,
                False,
                session_id,
                learner_id,
                True,
                False,
                False,
                now,
                None,
            )
            for learner_id in dict.fromkeys(learner_ids)
        ],
    )


def record_attendance(
    conn: Connection,
    *,
    session_id: str,
    learner_id: str,
    present: bool = True,
    late: bool = False,
    walk_in: bool = False,
) -> str:
    """Mark a learner at a session. Facts are never edited: a change is a new record that supersedes."""
    commune, device, now = origin(conn)
    exists = conn.execute(
        text("SELECT 1 FROM teaching_session WHERE id = :id AND deleted = 0"), {"id": session_id}
    ).first()
    if exists is None:
        raise InvalidInput("Không có buổi học này.", "There is no such session.")
    previous = current_marks(conn, session_id).get(learner_id)
    if previous is not None and previous[1:] == (present, late, previous[3] or walk_in):
        return previous[0]  # nothing changes: no new fact
    record_id = new_id()
    insert_values(
        conn,
        "attendance",
        _COLUMNS,
        [
            (
                record_id,
                commune,
                device,
                now,
                True,
                False,
                session_id,
                learner_id,
                present,
                late,
                walk_in or (previous[3] if previous else False),
                now,
                previous[0] if previous else None,
            )
        ],
    )
    return record_id


def move_marks(conn: Connection, *, keep_id: str, merge_id: str, made: tuple[object, ...]) -> int:
    """Move the current marks of learner `merge_id` onto `keep_id` (store.merge); returns how many.

    Each mark is superseded by a copy naming the kept learner; where both were marked at the same
    session, the kept mark takes the better of the two and the merged mark is retracted (a
    superseding record that is itself deleted). `made`: (commune, device, now, pending, deleted).
    """
    now = made[2]
    kept = {row[1]: row for row in _learner_marks(conn, keep_id)}
    retracted = (*made[:-1], True)  # the same record header, deleted
    new_rows = []
    rows = _learner_marks(conn, merge_id)
    for row in rows:
        record_id, session_id, present, late, walk_in = row
        mine = kept.get(session_id)
        if mine is None:
            new_rows.append((new_id(), *made, keep_id, session_id, present, late, walk_in, now, record_id))
            continue
        # Both marked at this session: keep one mark, the better of the two, and retract the other.
        best_present = bool(mine[2]) or bool(present)
        best_late = bool(mine[3]) if mine[2] else bool(late)
        if (best_present, best_late) != (bool(mine[2]), bool(mine[3])):
            new_rows.append(
                (new_id(), *made, keep_id, session_id, best_present, best_late, mine[4], now, mine[0])
            )
        new_rows.append((new_id(), *retracted, merge_id, session_id, present, late, walk_in, now, record_id))
    if new_rows:
        columns = (*FACT_BASE, "learner_id", "session_id", "present", "late", "walk_in", "recorded_at")
        insert_values(conn, "attendance", (*columns, "supersedes_id"), new_rows)
    return len(rows)


def _learner_marks(conn: Connection, learner_id: str) -> list[tuple[object, ...]]:
    """(id, session id, present, late, walk-in) of the learner's current marks, oldest first."""
    return [
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT f.id, f.session_id, f.present, f.late, f.walk_in FROM attendance f "
                f"WHERE f.learner_id = :id AND {current('attendance', 'f')} ORDER BY f.recorded_at, f.id"
            ),
            {"id": learner_id},
        )
    ]


# One session ----


def current_marks(conn: Connection, session_id: str) -> dict[str, tuple[str, bool, bool, bool]]:
    """learner id -> (attendance id, present, late, walk-in): the newest record nothing supersedes."""
    rows = conn.execute(
        text(
            "SELECT a.learner_id, a.id, a.present, a.late, a.walk_in FROM attendance a "
            f"WHERE a.session_id = :session AND {_CURRENT}"
        ),
        {"session": session_id},
    )
    return {r[0]: (r[1], bool(r[2]), bool(r[3]), bool(r[4])) for r in rows}


def session_marks(conn: Connection, session_id: str) -> list[AttendanceRow]:
    """Each learner's current mark at the session, with who they are, in roster order."""
    return [
        AttendanceRow(
            attendance_id=r[0],
            learner_id=r[1],
            full_name=r[2],
            birth_year=r[3],
            hamlet=r[4],
            present=bool(r[5]),
            late=bool(r[6]),
            walk_in=bool(r[7]),
        )
        for r in conn.execute(
            text(
                "SELECT a.id, a.learner_id, l.full_name, l.birth_year, l.hamlet, a.present, a.late, "
                "a.walk_in FROM attendance a JOIN learner l ON l.id = a.learner_id "
                f"WHERE a.session_id = :id AND {_CURRENT} "
                "ORDER BY l.name_sort, l.rowid"
            ),
            {"id": session_id},
        )
    ]


def marked_genders_and_groups(conn: Connection, session_id: str) -> dict[str, tuple[str | None, str]]:
    """learner id -> (gender, groups as stored) of everyone with a current mark at the session."""
    return {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            text(
                "SELECT l.id, l.gender, l.groups FROM attendance a JOIN learner l ON l.id = a.learner_id "
                f"WHERE a.session_id = :id AND {_CURRENT}"
            ),
            {"id": session_id},
        )
    }


def mark_counts(conn: Connection) -> dict[str, tuple[int, int]]:
    """session id -> (current marks, of them present), for every session with a mark."""
    return {
        r[0]: (int(r[1]), int(r[2]))
        for r in conn.exec_driver_sql(
            "SELECT a.session_id, count(a.id), coalesce(sum(a.present), 0) FROM attendance a "
            f"WHERE {_CURRENT} GROUP BY a.session_id"
        )
    }


# One learner, and every learner ----


def attended_sessions(conn: Connection, learner_id: str) -> list[AttendedSession]:
    """The sessions the learner has a current mark at (present or not), newest first."""
    return [
        AttendedSession(r[0], parse_utc(r[1]), r[2], r[3], r[4], bool(r[5]))
        for r in conn.execute(
            text(
                "SELECT s.id, s.starts_at, s.kind, s.pack_id, s.place, a.present "
                "FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
                f"WHERE a.learner_id = :id AND {_CURRENT} "
                "ORDER BY s.starts_at DESC"
            ),
            {"id": learner_id},
        )
    ]


def attended_lessons(conn: Connection, learner_id: str) -> dict[str, set[str]]:
    """pack id -> the lessons of the sessions where the learner is marked present."""
    lessons: dict[str, set[str]] = {}
    for pack_id, lesson_ids in conn.execute(
        text(
            "SELECT s.pack_id, s.lesson_ids FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
            f"WHERE a.learner_id = :id AND a.present = 1 AND {_CURRENT}"
        ),
        {"id": learner_id},
    ):
        lessons.setdefault(pack_id, set()).update(x for x in lesson_ids.split(",") if x)
    return lessons


def attended_lessons_by_learner(
    conn: Connection, pack_ids: Sequence[str] | None = None
) -> dict[tuple[str, str], set[str]]:
    """(learner id, pack id) -> the lessons of the sessions (not deleted) where the learner is
    marked present: every learner at once, of every pack or of `pack_ids`."""
    sql = (
        "SELECT a.learner_id, s.pack_id, s.lesson_ids FROM attendance a "
        "JOIN teaching_session s ON s.id = a.session_id "
        f"WHERE a.present = 1 AND s.deleted = 0 AND {_CURRENT}"
    )
    params: dict[str, Any] = {}
    statement = text(sql)
    if pack_ids is not None:
        statement = text(sql + " AND s.pack_id IN :packs").bindparams(bindparam("packs", expanding=True))
        params["packs"] = list(pack_ids)
    lessons: dict[tuple[str, str], set[str]] = {}
    for learner_id, pack_id, lesson_ids in conn.execute(statement, params):
        lessons.setdefault((learner_id, pack_id), set()).update(lesson_ids.split(","))
    for found in lessons.values():
        found.discard("")  # a session that names no lesson
    return lessons


# Households ----


def household_visits(conn: Connection, household_id: str | None = None) -> dict[str, tuple[int, str | None]]:
    """household id -> (sessions where a member is marked present, when the last of them started),
    for every household (or `household_id`) such a session visited."""
    only = "AND l.household_id = :household " if household_id else ""
    return {
        r[0]: (int(r[1]), r[2])
        for r in conn.execute(
            text(
                "SELECT l.household_id, count(DISTINCT a.session_id), max(s.starts_at) "
                "FROM attendance a JOIN learner l ON l.id = a.learner_id "
                "JOIN teaching_session s ON s.id = a.session_id "
                f"WHERE a.present = 1 AND {_CURRENT} AND l.household_id IS NOT NULL {only}"
                "GROUP BY l.household_id"
            ),
            {"household": household_id},
        )
    }


def household_present_marks(conn: Connection, household_id: str) -> list[tuple[str, str, str, str, str, str]]:
    """The household's members marked present at sessions (not deleted), newest session first:
    (session id, starts at as stored, kind, pack id, place, the member's full name)."""
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5])
        for r in conn.execute(
            text(
                "SELECT s.id, s.starts_at, s.kind, s.pack_id, s.place, l.full_name FROM attendance a "
                "JOIN learner l ON l.id = a.learner_id JOIN teaching_session s ON s.id = a.session_id "
                f"WHERE l.household_id = :id AND a.present = 1 AND {_CURRENT} "
                "AND s.deleted = 0 ORDER BY s.starts_at DESC, l.name_sort"
            ),
            {"id": household_id},
        )
    ]


def unvisited_households_by_hamlet(conn: Connection) -> list[tuple[str, int]]:
    """(hamlet, households) of the households none of whose members is marked present anywhere,
    most first."""
    return [
        (r[0], int(r[1]))
        for r in conn.exec_driver_sql(
            "SELECT h.hamlet, count(*) FROM household h WHERE h.deleted = 0 AND NOT EXISTS ("
            "SELECT 1 FROM learner l JOIN attendance a ON a.learner_id = l.id "
            f"WHERE l.household_id = h.id AND a.present = 1 AND {_CURRENT}) "
            "GROUP BY h.hamlet ORDER BY count(*) DESC, h.hamlet"
        )
    ]


# The commune report (exports.report): its sessions are in the temporary table rep_session ----


def present_rowids(lists: Iterable[str]) -> array[int]:
    """The learner rowids of attendance_present lists (16 hex digits each), one per present mark."""
    rowids = array("q", bytes.fromhex("".join(lists)))
    if sys.byteorder == "little":
        rowids.byteswap()  # the hex digits are big-endian
    return rowids


def report_session_lists(conn: Connection) -> Iterable[Any]:
    """(sid, present list or None) of each session of rep_session (sid: the session's rowid)."""
    return conn.exec_driver_sql(
        "SELECT s.sid, p.learner_rowids FROM rep_session s "
        "LEFT JOIN attendance_present p ON p.session_rowid = s.sid"
    )


def report_group_lists(conn: Connection) -> Iterable[Any]:
    """The sessions of rep_session by week, pack and team (its `vols`): (week, pack id, team,
    sessions, lessons, the sessions' present lists joined, or None)."""
    return conn.exec_driver_sql(
        "SELECT s.week, s.pack_id, s.vols, count(*), sum(s.lessons), group_concat(p.learner_rowids, '') "
        "FROM rep_session s LEFT JOIN attendance_present p ON p.session_rowid = s.sid "
        "GROUP BY s.week, s.pack_id, s.vols"
    )
