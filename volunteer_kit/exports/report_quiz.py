"""What the commune report says of the quizzes: a line per pack (counted by exports.report) and
the questions most attempts miss.

The answer keys come from the packs' quiz files (bundled and installed); the attempts that count
are those of the report's temporary table rep_attempt (exports.report).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection

from volunteer_kit.packs.outline import PackOutline, fill_defaults

log = logging.getLogger("volunteer_kit.exports")

HARDEST_LIMIT = 10


@dataclass(frozen=True, slots=True)
class QuestionKey:
    prompt_vi: str
    prompt_en: str
    correct: frozenset[str]


@dataclass(frozen=True, slots=True)
class QuizLine:
    pack_id: str
    title: str
    attempts: int
    passed_attempts: int
    learners: int
    learners_passed: int

    @property
    def pass_rate(self) -> float | None:
        return None if self.attempts == 0 else 100 * self.passed_attempts / self.attempts


@dataclass(frozen=True, slots=True)
class HardQuestion:
    pack_id: str
    pack_title: str
    question_id: str
    prompt: str
    attempts: int
    missed: int  # attempts that got it wrong or left it unanswered

    @property
    def missed_rate(self) -> float:
        return 100 * self.missed / self.attempts


@lru_cache(maxsize=4)
def _answer_keys(lessons_dir: Path, library_dir: Path | None) -> dict[str, dict[str, QuestionKey]]:
    folders = [m.parent for m in sorted(lessons_dir.glob("*/manifest.json"))]
    if library_dir is not None:
        folders += sorted(info.parent for info in library_dir.glob("*/*/install.json"))
    keys: dict[str, dict[str, QuestionKey]] = {}
    for folder in folders:  # later (imported) versions replace bundled ones, as outlines_by_id does
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            quiz = fill_defaults(
                manifest, json.loads((folder / manifest["quiz"]).read_text(encoding="utf-8"))
            )
            keys[manifest["id"]] = {
                q["id"]: QuestionKey(q["prompt"]["vi"], q["prompt"].get("en", ""), frozenset(q["correct"]))
                for q in quiz["questions"]
            }
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("no answer key for %s: %s", folder, exc)
    return keys


def answer_keys(lessons_dir: Path, library_dir: Path | None = None) -> dict[str, dict[str, QuestionKey]]:
    """{pack id: {question id: prompt and right answers}} of the bundled and installed packs."""
    return _answer_keys(lessons_dir, library_dir)


def hardest_questions(
    conn: Connection,
    quizzes: tuple[QuizLine, ...],
    questions: Mapping[str, Mapping[str, QuestionKey]],
    outlines: Mapping[str, PackOutline],
    lang: str,
) -> tuple[HardQuestion, ...] | None:
    """The questions most attempts miss (wrong or unanswered), hardest first."""
    if not questions:
        return None
    right: dict[tuple[str, str], int] = {}
    # Many attempts give the same answers: each distinct set of answers is unpacked once.
    for pack_id, qid, chosen, kind, n in conn.exec_driver_sql(
        "SELECT a.pack_id, j.key, j.value, j.type, sum(a.n) "
        "FROM (SELECT pack_id, answers, count(*) AS n FROM rep_attempt GROUP BY pack_id, answers) a, "
        "json_each(a.answers) j GROUP BY a.pack_id, j.key, j.value"
    ):
        key = questions.get(pack_id, {}).get(qid)
        if key is not None and _is_right(chosen, kind, key):
            right[(pack_id, qid)] = right.get((pack_id, qid), 0) + int(n)
    found = []
    for quiz in quizzes:
        for qid, key in questions.get(quiz.pack_id, {}).items():
            missed = quiz.attempts - right.get((quiz.pack_id, qid), 0)
            if missed > 0:
                prompt = key.prompt_en if lang == "en" and key.prompt_en else key.prompt_vi
                found.append(HardQuestion(quiz.pack_id, quiz.title, qid, prompt, quiz.attempts, missed))
    found.sort(key=lambda q: (-q.missed / q.attempts, -q.missed, q.pack_id, q.question_id))
    return tuple(found[:HARDEST_LIMIT])


def _is_right(chosen: str, kind: str, key: QuestionKey) -> bool:
    if kind == "array":
        return frozenset(json.loads(chosen)) == key.correct
    # One choice stored bare; the demo data marks a right answer "ok" and a wrong one "x".
    return chosen == "ok" or frozenset((chosen,)) == key.correct
