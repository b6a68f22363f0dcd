"""Scoring a quiz attempt: the rules of docs/lesson-pack-format.md, in one place."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from volunteer_kit.errors import InvalidInput
from volunteer_kit.packs.format import Question, Quiz


@dataclass(frozen=True)
class QuizScore:
    correct: int
    total: int
    percent: float
    passed: bool
    wrong_questions: tuple[str, ...]


def is_right(question: Question, chosen: Sequence[str]) -> bool:
    """Single and true/false: the one right choice. Multiple: every right choice and no wrong one."""
    return set(chosen) == set(question.correct)


def score(quiz: Quiz, answers: Mapping[str, Sequence[str]]) -> QuizScore:
    """Score `answers` ({question id: chosen choice ids}); an unanswered question counts as wrong."""
    known = {q.id: q for q in quiz.questions}
    unknown = [qid for qid in answers if qid not in known]
    if unknown:
        raise InvalidInput(
            f"Câu hỏi không có trong bài kiểm tra: {', '.join(unknown)}",
            f"Not questions of this quiz: {', '.join(unknown)}",
        )
    for qid, chosen in answers.items():
        choices = {c.id for c in known[qid].choices}
        if not set(chosen) <= choices:
            raise InvalidInput(f"Câu {qid}: lựa chọn không có", f"Question {qid}: no such choice")
        if known[qid].kind != "multiple" and len(chosen) > 1:
            raise InvalidInput(f"Câu {qid} chỉ chọn một đáp án", f"Question {qid} takes one answer")
    wrong = tuple(q.id for q in quiz.questions if not is_right(q, answers.get(q.id, ())))
    total = len(quiz.questions)
    correct = total - len(wrong)
    percent = round(100 * correct / total, 1)
    # Pass when the share of right answers reaches the pass mark (70 % of 9 questions: 7 right).
    passed = correct >= math.ceil(quiz.pass_percent * total / 100 - 1e-9)
    return QuizScore(correct, total, percent, passed, wrong)
