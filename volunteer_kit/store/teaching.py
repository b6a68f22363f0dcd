"""Teaching facts: a session with its attendance, quiz attempts, skill checks; a learner's progress.

Facts are only ever added. Each function takes the connection of one transaction,
so a session and its attendance are written together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.records import PackFacts, Profile
from volunteer_kit.core.text import clean_text
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.bulk import insert_values, stored_datetime
from volunteer_kit.store.devices import profile
from volunteer_kit.store.facts import current

SESSION_KINDS = ("home_visit", "group_class", "community_talk")
_BASE = ("id", "commune_code", "created_by_device", "created_at", "pending", "deleted")


def _base(conn: Connection, me: Profile | None = None) -> tuple[str, str, str]:
    me = me or profile(conn)
    return me.commune_code or "", me.device_id, stored_datetime(utcnow()) or ""


def _session_volunteers(me: Profile, others: Sequence[str] = ()) -> list[str]:
    """Who taught: this laptop's volunteer first (when a profile exists), then any co-teachers.

    Every session started here goes through this, so none is recorded without its volunteer; with
    no profile yet the session names no one rather than blocking the teaching.
    """
    mine = [me.volunteer_id] if me.volunteer_id else []
    return list(dict.fromkeys([*mine, *others]))


def start_session(
    conn: Connection,
    *,
    kind: str,
    pack_id: str,
    pack_version: str,
    lesson_ids: Sequence[str],
    place: str,
    learner_ids: Sequence[str],
    hamlet: str = "",
    volunteer_ids: Sequence[str] = (),
) -> str:
    """A teaching session with every learner present marked present; returns its id.

    The session records this laptop's volunteer (_session_volunteers), then `volunteer_ids`.
    """
    if kind not in SESSION_KINDS:
        raise InvalidInput(f"Loại buổi học không hợp lệ: {kind}", f"Not a kind of session: {kind}")
    if not learner_ids:
        raise InvalidInput(
            "Hãy chọn ít nhất một người học có mặt.", "Choose at least one learner who is present."
        )
    me = profile(conn)
    commune, device, now = _base(conn, me)
    session_id = new_id()
    insert_values(
        conn,
        "teaching_session",
        (
            *_BASE,
            "updated_at",
            "revision",
            "kind",
            "pack_id",
            "pack_version",
            "lesson_ids",
            "place",
            "hamlet",
            "starts_at",
            "volunteer_ids",
            "notes",
            "attendance_closed",
        ),
        [
            (
                session_id,
                commune,
                device,
                now,
                True,
                False,
                now,
                1,
                kind,
                pack_id,
                pack_version,
                ",".join(lesson_ids),
                clean_text(place),
                clean_text(hamlet),
                now,
                ",".join(_session_volunteers(me, volunteer_ids)),
                "",
                False,
            )
        ],
    )
    insert_values(
        conn,
        "attendance",
        (*_BASE, "session_id", "learner_id", "present", "late", "walk_in", "recorded_at", "supersedes_id"),
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
    return session_id


def record_quiz_attempt(
    conn: Connection,
    *,
    session_id: str | None,
    learner_id: str,
    pack_id: str,
    pack_version: str,
    answers: Mapping[str, Sequence[str]],
    correct: int,
    total: int,
    percent: float,
    passed: bool,
) -> str:
    commune, device, now = _base(conn)
    attempt_id = new_id()
    insert_values(
        conn,
        "quiz_attempt",
        (
            *_BASE,
            "learner_id",
            "session_id",
            "pack_id",
            "pack_version",
            "answers",
            "correct_count",
            "question_count",
            "score",
            "passed",
            "recorded_at",
            "supersedes_id",
        ),
        [
            (
                attempt_id,
                commune,
                device,
                now,
                True,
                False,
                learner_id,
                session_id,
                pack_id,
                pack_version,
                json.dumps({k: list(v) for k, v in answers.items()}, separators=(",", ":")),
                correct,
                total,
                percent,
                passed,
                now,
                None,
            )
        ],
    )
    return attempt_id


def record_skill_checks(
    conn: Connection,
    *,
    session_id: str | None,
    pack_id: str,
    pack_version: str,
    results: Mapping[tuple[str, str], bool],
    observed_by: str | None = None,
) -> int:
    """Store {(learner id, check id): done unaided} as skill-check facts; returns how many.

    The observer is this laptop's volunteer unless another is named (as a session records its
    volunteer), so a skill check says who saw it done."""
    commune, device, now = _base(conn)
    if observed_by is None:
        observed_by = profile(conn).volunteer_id
    rows: list[tuple[Any, ...]] = [
        (
            new_id(),
            commune,
            device,
            now,
            True,
            False,
            learner_id,
            session_id,
            pack_id,
            pack_version,
            check_id,
            passed,
            observed_by,
            now,
            None,
        )
        for (learner_id, check_id), passed in results.items()
    ]
    return insert_values(
        conn,
        "skill_check",
        (
            *_BASE,
            "learner_id",
            "session_id",
            "pack_id",
            "pack_version",
            "check_id",
            "passed",
            "observed_by",
            "recorded_at",
            "supersedes_id",
        ),
        rows,
    )


def learner_pack_facts(conn: Connection, learner_id: str) -> list[PackFacts]:
    """Per pack: lessons attended (present), best quiz score and pass, skill checks done unaided."""
    lessons: dict[str, set[str]] = {}
    for pack_id, lesson_ids in conn.execute(
        text(
            "SELECT s.pack_id, s.lesson_ids FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
            f"WHERE a.learner_id = :id AND a.present = 1 AND {current('attendance', 'a')}"
        ),
        {"id": learner_id},
    ):
        lessons.setdefault(pack_id, set()).update(x for x in lesson_ids.split(",") if x)
    quiz: dict[str, tuple[float, bool]] = {}
    for pack_id, best, passed in conn.execute(
        text(
            "SELECT pack_id, max(score), max(passed) FROM quiz_attempt q "
            f"WHERE learner_id = :id AND {current('quiz_attempt', 'q')} GROUP BY pack_id"
        ),
        {"id": learner_id},
    ):
        quiz[pack_id] = (float(best), bool(passed))
    checks: dict[str, set[str]] = {}
    for pack_id, check_id in conn.execute(
        text(
            "SELECT pack_id, check_id FROM skill_check c "
            f"WHERE learner_id = :id AND passed = 1 AND {current('skill_check', 'c')}"
        ),
        {"id": learner_id},
    ):
        checks.setdefault(pack_id, set()).add(check_id)
    packs = sorted(set(lessons) | set(quiz) | set(checks))
    return [
        PackFacts(
            pack_id=pack_id,
            lessons_attended=frozenset(lessons.get(pack_id, ())),
            best_score=quiz[pack_id][0] if pack_id in quiz else None,
            quiz_passed=quiz.get(pack_id, (0.0, False))[1],
            checks_passed=frozenset(checks.get(pack_id, ())),
        )
        for pack_id in packs
    ]


def current_attendance(conn: Connection, session_id: str) -> dict[str, tuple[str, bool, bool, bool]]:
    """learner id -> (attendance id, present, late, walk-in): the newest record nothing supersedes."""
    rows = conn.execute(
        text(
            "SELECT a.learner_id, a.id, a.present, a.late, a.walk_in FROM attendance a "
            f"WHERE a.session_id = :session AND {current('attendance', 'a')}"
        ),
        {"session": session_id},
    )
    return {r[0]: (r[1], bool(r[2]), bool(r[3]), bool(r[4])) for r in rows}


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
    commune, device, now = _base(conn)
    exists = conn.execute(
        text("SELECT 1 FROM teaching_session WHERE id = :id AND deleted = 0"), {"id": session_id}
    ).first()
    if exists is None:
        raise InvalidInput("Không có buổi học này.", "There is no such session.")
    previous = current_attendance(conn, session_id).get(learner_id)
    if previous is not None and previous[1:] == (present, late, previous[3] or walk_in):
        return previous[0]  # nothing changes: no new fact
    record_id = new_id()
    insert_values(
        conn,
        "attendance",
        (*_BASE, "session_id", "learner_id", "present", "late", "walk_in", "recorded_at", "supersedes_id"),
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
