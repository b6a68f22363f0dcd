"""The packs the demo data teaches: their lessons, questions and skill checks, and their quizzes,
read from the bundled packs (or stand-ins when those cannot be read)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from volunteer_kit.packs.format import Question, Quiz
from volunteer_kit.packs.outline import bundled_outlines

log = logging.getLogger("volunteer_kit.demo")


@dataclass(frozen=True)
class DemoPack:
    pack_id: str
    version: str
    lesson_ids: tuple[str, ...]
    question_ids: tuple[str, ...]
    check_ids: tuple[str, ...]
    required_check_ids: tuple[str, ...] = ()
    quiz: Quiz | None = None  # None: answers are only marked right ("ok") or wrong ("x")


# Used when the bundled packs cannot be read (their ids are stable).
FALLBACK_PACKS = (
    DemoPack("vn.bdhvs.vneid", "1.0.0", (), (), ("mo-giay-to",)),
    DemoPack("vn.bdhvs.dich-vu-cong", "1.0.0", (), (), ("nop-ho-so",)),
    DemoPack("vn.bdhvs.thanh-toan", "1.0.0", (), (), ("quet-ma-qr",)),
    DemoPack("vn.bdhvs.tu-bao-ve", "1.0.0", (), (), ("nhan-dien-lua-dao",)),
    DemoPack("vn.bdhvs.mua-sam", "1.0.0", (), (), ("dat-hang",)),
    DemoPack("vn.bdhvs.tri-tue-nhan-tao", "1.0.0", (), (), ("hoi-tro-ly-ai",)),
)


def read_pack_outlines(lessons_dir: Path) -> list[DemoPack]:
    """Ids of lessons, questions and skill checks of the bundled packs, with their quizzes."""
    quizzes = _read_quizzes(lessons_dir)
    packs = [
        DemoPack(
            o.pack_id,
            o.version,
            o.lesson_ids,
            o.question_ids,
            tuple(o.check_texts),
            o.required_checks,
            quizzes.get(o.pack_id),
        )
        for o in bundled_outlines(lessons_dir)
    ]
    return packs or list(FALLBACK_PACKS)


def _read_quizzes(lessons_dir: Path) -> dict[str, Quiz]:
    """{pack id: quiz} of the bundled packs, so attempts choose among the real answers."""
    quizzes = {}
    for manifest_path in sorted(lessons_dir.glob("*/manifest.json")):
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            quiz_path = manifest_path.parent / manifest["quiz"]
            quizzes[manifest["id"]] = Quiz.model_validate_json(quiz_path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("demo quiz of %s unreadable: %s", manifest_path.parent.name, exc)
    return quizzes


def wrong_answers(question: Question) -> tuple[tuple[str, ...], ...]:
    """Wrong answers: another choice; in a multiple choice, a right one missed or a wrong one added."""
    right = tuple(question.correct)
    others = tuple(c.id for c in question.choices if c.id not in right)
    if question.kind != "multiple":
        return tuple((choice,) for choice in others)
    missed = tuple(right[:i] + right[i + 1 :] for i in range(len(right))) if len(right) > 1 else ()
    return missed + tuple((*right, choice) for choice in others)
