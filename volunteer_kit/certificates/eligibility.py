"""Who may receive a certificate for a pack, from recorded facts, and why (or what is still missing).

A learner is eligible for a pack when they attended every lesson, passed its quiz
and passed every required skill check (`PackProgress.complete`), and hold no
standing certificate for it. Learners who withdrew consent or were merged are
never listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection

from volunteer_kit.core.text import sort_key
from volunteer_kit.packs.outline import PackOutline, pack_progress
from volunteer_kit.store import certificates as store


@dataclass(frozen=True, slots=True)
class Eligibility:
    """One learner in one pack: done, or what is missing."""

    learner_id: str
    full_name: str
    birth_year: int | None
    hamlet: str
    pack_id: str
    pack_title: str
    lessons_done: int
    lessons_total: int
    best_score: float | None
    quiz_passed: bool
    checks_done: int
    checks_total: int
    missing_lessons: tuple[str, ...]  # lesson titles (vi)
    missing_checks: tuple[str, ...]  # skill-check texts (vi)
    issued_serial: str | None  # a standing certificate for this pack, if any
    complete: bool  # PackProgress.complete: every lesson, the quiz, every required skill check

    @property
    def eligible(self) -> bool:
        return self.complete and self.issued_serial is None

    def why(self, lang: str = "vi") -> str:
        """Why the learner is eligible, or what is missing, in one line."""
        score = f"{self.best_score:.0f}%" if self.best_score is not None else ""
        if self.issued_serial:
            return (
                f"Already holds certificate {self.issued_serial}"
                if lang == "en"
                else f"Đã có chứng nhận {self.issued_serial}"
            )
        if self.complete:
            if lang == "en":
                return (
                    f"Attended all {self.lessons_total} lessons, passed the quiz ({score}), "
                    f"passed all {self.checks_total} skill checks"
                )
            return (
                f"Đã học đủ {self.lessons_total} bài, đạt bài kiểm tra ({score}), "
                f"đạt cả {self.checks_total} kỹ năng thực hành"
            )
        missing = []
        if self.missing_lessons:
            missing.append(
                f"{len(self.missing_lessons)} lesson(s): " + ", ".join(self.missing_lessons)
                if lang == "en"
                else f"{len(self.missing_lessons)} bài: " + ", ".join(self.missing_lessons)
            )
        if not self.quiz_passed:
            if lang == "en":
                missing.append(f"the quiz (best {score})" if score else "the quiz (not taken)")
            else:
                missing.append(f"bài kiểm tra (cao nhất {score})" if score else "bài kiểm tra (chưa làm)")
        if self.missing_checks:
            missing.append(
                f"{len(self.missing_checks)} skill check(s): " + ", ".join(self.missing_checks)
                if lang == "en"
                else f"{len(self.missing_checks)} kỹ năng: " + ", ".join(self.missing_checks)
            )
        return ("Still missing: " if lang == "en" else "Còn thiếu: ") + "; ".join(missing)


def eligibility(
    conn: Connection, outlines: Mapping[str, PackOutline], pack_id: str | None = None
) -> list[Eligibility]:
    """Every learner who started a pack (or only `pack_id`), sorted by pack, hamlet and name.

    Eligible learners have `eligible`; the others say what is missing (or the serial they already hold).
    """
    wanted = [pack_id] if pack_id else list(outlines)
    standing = store.current_certificates(conn)
    found = []
    for person in store.learners_with_pack_facts(conn, [p for p in wanted if p in outlines]):
        outline = outlines[person.facts.pack_id]
        progress = pack_progress(person.facts, outline)
        found.append(
            Eligibility(
                learner_id=person.learner_id,
                full_name=person.full_name,
                birth_year=person.birth_year,
                hamlet=person.hamlet,
                pack_id=outline.pack_id,
                pack_title=outline.title_vi,
                lessons_done=progress.lessons_done,
                lessons_total=len(outline.lesson_ids),
                best_score=progress.best_score,
                quiz_passed=progress.quiz_passed,
                checks_done=progress.required_checks_done,
                checks_total=len(outline.required_checks),
                missing_lessons=tuple(
                    outline.lesson_title(x, "vi")
                    for x in outline.lesson_ids
                    if x not in person.facts.lessons_attended
                ),
                missing_checks=tuple(
                    outline.check_text(x, "vi")
                    for x in outline.required_checks
                    if x not in person.facts.checks_passed
                ),
                issued_serial=standing.get((person.learner_id, outline.pack_id)),
                complete=progress.complete,
            )
        )
    found.sort(key=lambda e: (e.pack_id, e.hamlet, sort_key(e.full_name), e.learner_id))
    return found
