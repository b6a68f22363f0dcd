"""Teaching facts: a session with its first marks, quiz attempts, skill checks; a learner's progress.

Facts are only ever added. Each function takes the connection of one transaction,
so a session and its attendance are written together or not at all; later marks and
corrections are store.attendance's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, text

from volunteer_kit.core.ids import new_id
from volunteer_kit.core.records import PackFacts, Profile
from volunteer_kit.core.text import clean_text
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store import attendance
from volunteer_kit.store.bulk import insert_values
from volunteer_kit.store.devices import profile
from volunteer_kit.store.facts import FACT_BASE, current, origin

SESSION_KINDS = ("home_visit", "group_class", "community_talk")


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
    commune, device, now = origin(conn, me)
    session_id = new_id()
    insert_values(
        conn,
        "teaching_session",
        (
            *FACT_BASE,
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
    attendance.mark_all_present(
        conn, session_id=session_id, learner_ids=learner_ids, made=(commune, device, now)
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
    commune, device, now = origin(conn)
    attempt_id = new_id()
    insert_values(
        conn,
        "quiz_attempt",
        (
            *FACT_BASE,
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
    commune, device, now = origin(conn)
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
            *FACT_BASE,
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
    lessons = attendance.attended_lessons(conn, learner_id)
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
