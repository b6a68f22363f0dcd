"""What a teaching session ends with: who came, their quiz score and skills at this session, and who
became eligible for a certificate of the pack by it (certificates.eligibility has the rule)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from volunteer_kit.certificates.eligibility import eligibility
from volunteer_kit.core.records import PackFacts
from volunteer_kit.packs.outline import PackOutline, pack_progress
from volunteer_kit.store.facts import current
from volunteer_kit.store.sessions import session_roster


@dataclass(frozen=True, slots=True)
class SummaryLine:
    learner_id: str
    full_name: str
    quiz_score: float | None  # percent of their last quiz attempt at this session; None: not taken
    checks_shown: int  # skill checks done unaided at this session
    newly_eligible: bool  # eligible for a certificate now, and was not before this session


@dataclass(frozen=True, slots=True)
class SessionSummary:
    session_id: str
    pack_title: str
    place: str
    starts_at: datetime
    checks_total: int  # every skill check of the pack, optional ones too (as the roster counts)
    lines: tuple[SummaryLine, ...]  # the learners present, in roster order

    @property
    def newly_eligible(self) -> list[SummaryLine]:
        return [line for line in self.lines if line.newly_eligible]


def session_summary(
    conn: Connection, session_id: str, outlines: Mapping[str, PackOutline], lang: str = "vi"
) -> SessionSummary | None:
    """The summary of a session (None if there is none)."""
    found = session_roster(conn, session_id)
    if found is None:
        return None
    detail, entries = found
    present = [entry for entry in entries if entry.mark.present]
    outline = outlines.get(detail.pack_id)
    newly: set[str] = set()
    if outline is not None and present:
        ids = [entry.mark.learner_id for entry in present]
        eligible_now = {
            e.learner_id for e in eligibility(conn, {outline.pack_id: outline}, outline.pack_id) if e.eligible
        }
        before = _facts_without_session(conn, session_id, outline.pack_id, ids)
        newly = {
            learner_id
            for learner_id in eligible_now.intersection(ids)
            if learner_id not in before or not pack_progress(before[learner_id], outline).complete
        }
    return SessionSummary(
        session_id=detail.id,
        pack_title=outline.title(lang) if outline else detail.pack_id,
        place=detail.place,
        starts_at=detail.starts_at,
        checks_total=len(outline.check_texts) if outline else 0,
        lines=tuple(
            SummaryLine(
                learner_id=entry.mark.learner_id,
                full_name=entry.mark.full_name,
                quiz_score=entry.quiz_score,
                checks_shown=entry.checks_passed or 0,
                newly_eligible=entry.mark.learner_id in newly,
            )
            for entry in present
        ),
    )


def _facts_without_session(
    conn: Connection, session_id: str, pack_id: str, learner_ids: Sequence[str]
) -> dict[str, PackFacts]:
    """What each of `learner_ids` had done in the pack at other sessions (or none): before this one."""
    params = {"session": session_id, "pack": pack_id, "ids": list(learner_ids)}

    def rows(sql: str) -> list[tuple[Any, ...]]:
        statement = text(sql).bindparams(bindparam("ids", expanding=True))
        return [tuple(row) for row in conn.execute(statement, params)]

    lessons: dict[str, set[str]] = {}
    for learner_id, lesson_ids in rows(
        "SELECT a.learner_id, s.lesson_ids FROM attendance a JOIN teaching_session s ON s.id = a.session_id "
        f"WHERE a.present = 1 AND s.deleted = 0 AND {current('attendance', 'a')} "
        "AND s.pack_id = :pack AND s.id != :session AND a.learner_id IN :ids"
    ):
        lessons.setdefault(learner_id, set()).update(x for x in lesson_ids.split(",") if x)
    quiz = {
        learner_id: (float(best), bool(passed))
        for learner_id, best, passed in rows(
            "SELECT q.learner_id, max(q.score), max(q.passed) FROM quiz_attempt q "
            f"WHERE {current('quiz_attempt', 'q')} AND q.pack_id = :pack "
            "AND coalesce(q.session_id, '') != :session AND q.learner_id IN :ids GROUP BY q.learner_id"
        )
    }
    checks: dict[str, set[str]] = {}
    for learner_id, check_id in rows(
        "SELECT c.learner_id, c.check_id FROM skill_check c "
        f"WHERE c.passed = 1 AND {current('skill_check', 'c')} AND c.pack_id = :pack "
        "AND coalesce(c.session_id, '') != :session AND c.learner_id IN :ids"
    ):
        checks.setdefault(learner_id, set()).add(check_id)
    return {
        learner_id: PackFacts(
            pack_id=pack_id,
            lessons_attended=frozenset(lessons.get(learner_id, ())),
            best_score=quiz[learner_id][0] if learner_id in quiz else None,
            quiz_passed=quiz.get(learner_id, (0.0, False))[1],
            checks_passed=frozenset(checks.get(learner_id, ())),
        )
        for learner_id in set(lessons) | set(quiz) | set(checks)
    }
