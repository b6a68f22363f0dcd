"""Queries of teaching sessions: the list, one session's detail, and the session's editable fields.

Attendance itself is a fact (store.attendance.record_attendance writes corrections as new records);
notes and "attendance closed" are editable fields of the session: an update bumps its revision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import parse_utc, utcnow
from volunteer_kit.core.records import (
    AttendanceRow,
    LearnerRow,
    SessionDetail,
    SessionFilter,
    SessionListRow,
    SessionRow,
)
from volunteer_kit.core.text import clean_text, fold, nfc
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store import attendance
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.store.facts import current

MAX_NOTES_LENGTH = 4000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _session_rows(conn: Connection, kind: str | None = None) -> list[tuple[SessionRow, bool]]:
    """(session with its current attendance counts, attendance closed), newest first."""
    where, params = "s.deleted = 0", {}
    if kind:
        where += " AND s.kind = :kind"
        params["kind"] = kind
    result = conn.execute(
        text(
            "SELECT s.id, s.commune_code, s.kind, s.pack_id, s.pack_version, s.place, s.hamlet, "
            "s.starts_at, s.pending, s.attendance_closed "
            f"FROM teaching_session s WHERE {where} ORDER BY s.starts_at DESC, s.id DESC"
        ),
        params,
    )
    counts = attendance.mark_counts(conn)
    return [
        (
            SessionRow(
                id=r[0],
                commune_code=r[1],
                kind=r[2],
                pack_id=r[3],
                pack_version=r[4],
                place=r[5],
                hamlet=r[6],
                starts_at=parse_utc(r[7]),
                attendance_count=counts.get(r[0], (0, 0))[0],
                present_count=counts.get(r[0], (0, 0))[1],
                pending=bool(r[8]),
            ),
            bool(r[9]),
        )
        for r in result
    ]


def list_sessions(conn: Connection) -> list[SessionRow]:
    """Every teaching session, newest first, with its current attendance counts."""
    return [row for row, _closed in _session_rows(conn)]


def open_sessions(conn: Connection) -> list[SessionRow]:
    """Sessions whose attendance is still open, oldest first (what needs doing)."""
    return [row for row, closed in reversed(_session_rows(conn)) if not closed]


def session_lines(
    conn: Connection, flt: SessionFilter, pack_titles: Mapping[str, str] | None = None
) -> list[SessionListRow]:
    """The Sessions page's list: sessions matching `flt`, newest first, with their pack titles.

    The text matches, accents optional, the place, the hamlet or the pack's title (SQLite cannot
    fold Vietnamese, and a commune has hundreds of sessions, not millions: filtered here).
    """
    titles = pack_titles or {}
    words = fold(flt.text).split()
    lines = []
    for row, closed in _session_rows(conn, flt.kind):
        title = titles.get(row.pack_id, row.pack_id)
        if words:
            haystack = fold(f"{row.place} {row.hamlet} {title}")
            if not all(word in haystack for word in words):
                continue
        lines.append(SessionListRow(session=row, pack_title=title, attendance_closed=closed))
    return lines


def session_detail(conn: Connection, session_id: str) -> SessionDetail | None:
    """A session with its volunteers' names and each learner's current attendance (by name)."""
    found = conn.execute(
        text(
            "SELECT id, kind, pack_id, pack_version, lesson_ids, place, hamlet, starts_at, ends_at, "
            "volunteer_ids, notes, attendance_closed, revision FROM teaching_session "
            "WHERE id = :id AND deleted = 0"
        ),
        {"id": session_id},
    ).first()
    if found is None:
        return None
    volunteer_ids = [v for v in (found[9] or "").split(",") if v]
    names: dict[str, str] = {}
    if volunteer_ids:
        marks = ",".join(f":v{i}" for i in range(len(volunteer_ids)))
        names = dict(
            conn.execute(
                text(f"SELECT id, full_name FROM volunteer WHERE id IN ({marks})"),
                {f"v{i}": v for i, v in enumerate(volunteer_ids)},
            ).all()
        )
    return SessionDetail(
        id=found[0],
        kind=found[1],
        pack_id=found[2],
        pack_version=found[3],
        lesson_ids=tuple(x for x in (found[4] or "").split(",") if x),
        place=found[5],
        hamlet=found[6],
        starts_at=parse_utc(found[7]),
        ends_at=parse_utc(found[8]) if found[8] else None,
        volunteer_names=tuple(names[v] for v in volunteer_ids if v in names),
        notes=found[10] or "",
        attendance_closed=bool(found[11]),
        revision=int(found[12]),
        attendance=attendance.session_marks(conn, session_id),
    )


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """A learner on a session's roster: their current mark, and what the roster prints besides."""

    mark: AttendanceRow
    gender: str | None
    groups: str  # as stored: ",elderly,student,"
    quiz_score: float | None  # percent of their last quiz attempt at this session
    checks_passed: int | None  # None: no skill check was recorded for them here


def session_roster(conn: Connection, session_id: str) -> tuple[SessionDetail, list[RosterEntry]] | None:
    """A session (None if there is none) with a line per learner marked, in roster order."""
    detail = session_detail(conn, session_id)
    if detail is None:
        return None
    people = attendance.marked_genders_and_groups(conn, session_id)
    scores: dict[str, float] = {}
    for learner_id, score in conn.execute(
        text(
            "SELECT q.learner_id, q.score FROM quiz_attempt q "
            f"WHERE q.session_id = :id AND {current('quiz_attempt', 'q')} ORDER BY q.recorded_at, q.rowid"
        ),
        {"id": session_id},
    ):
        scores[learner_id] = float(score)  # the last attempt counts
    checks: dict[str, int] = dict(
        conn.execute(
            text(
                "SELECT c.learner_id, count(DISTINCT CASE WHEN c.passed = 1 THEN c.check_id END) "
                f"FROM skill_check c WHERE c.session_id = :id AND {current('skill_check', 'c')} "
                "GROUP BY c.learner_id"
            ),
            {"id": session_id},
        ).all()
    )
    entries = []
    for mark in detail.attendance:
        gender, groups = people.get(mark.learner_id, (None, ""))
        entries.append(
            RosterEntry(mark, gender, groups or "", scores.get(mark.learner_id), checks.get(mark.learner_id))
        )
    return detail, entries


def clean_notes(notes: str) -> str:
    """NFC, control characters gone, each line trimmed; line breaks kept (notes are paragraphs)."""
    lines = [clean_text(line) for line in _CONTROL.sub(" ", nfc(notes)).splitlines()]
    return "\n".join(lines).strip()


def _update_session(conn: Connection, session_id: str, assignments: str, params: dict[str, object]) -> int:
    """Change editable fields of a session: a new revision, pending sync. Returns the revision."""
    now = stored_datetime(utcnow())
    result = conn.execute(
        text(
            f"UPDATE teaching_session SET {assignments}, updated_at = :now, revision = revision + 1, "
            "pending = 1 WHERE id = :id AND deleted = 0 RETURNING revision"
        ),
        {**params, "now": now, "id": session_id},
    ).first()
    if result is None:
        raise InvalidInput("Không có buổi học này.", "There is no such session.")
    return int(result[0])


def save_session_notes(conn: Connection, session_id: str, notes: str) -> int:
    """The session's notes as typed (line breaks kept); returns the new revision."""
    cleaned = clean_notes(notes)
    if len(cleaned) > MAX_NOTES_LENGTH:
        raise InvalidInput(
            f"Ghi chú dài quá {MAX_NOTES_LENGTH} ký tự.",
            f"The notes are longer than {MAX_NOTES_LENGTH} characters.",
        )
    return _update_session(conn, session_id, "notes = :notes", {"notes": cleaned})


def close_attendance(conn: Connection, session_id: str) -> int:
    """Attendance is final; the session ends now if no end was recorded. Returns the new revision.

    Corrections stay possible afterwards (record_attendance); closing only says the list is done.
    """
    return _update_session(
        conn,
        session_id,
        "attendance_closed = 1, ends_at = coalesce(ends_at, :now)",
        {},
    )


def add_walk_in(
    conn: Connection,
    *,
    session_id: str,
    full_name: str,
    birth_year: int | None,
    hamlet: str = "",
    allow_duplicate: bool = False,
) -> LearnerRow:
    """A newcomer at a session: registered with their consent and marked present as a walk-in,
    in one transaction. Raises store.learners.PossibleDuplicate (writing nothing) for a look-alike."""
    from volunteer_kit.store.learners import register_learner

    learner = register_learner(
        conn, full_name=full_name, birth_year=birth_year, hamlet=hamlet, allow_duplicate=allow_duplicate
    )
    attendance.record_attendance(
        conn, session_id=session_id, learner_id=learner.id, present=True, walk_in=True
    )
    return learner
