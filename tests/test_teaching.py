"""Teaching facts: sessions with attendance, scored quiz attempts, skill checks, and progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from volunteer_kit.errors import InvalidInput
from volunteer_kit.packs.outline import outlines_by_id, pack_progress
from volunteer_kit.packs.quiz import score
from volunteer_kit.packs.reader import read_pack
from volunteer_kit.store.teaching import (
    learner_pack_facts,
    record_quiz_attempt,
    record_skill_checks,
    start_session,
)

VNEID = ROOT / "lessons" / "vneid"


@pytest.fixture(scope="module")
def vneid():
    return read_pack(VNEID)


def _all_right(quiz) -> dict[str, list[str]]:
    return {q.id: list(q.correct) for q in quiz.questions}


def test_all_right_answers_pass_and_wrong_ones_are_named(vneid) -> None:
    quiz = vneid.quiz
    perfect = score(quiz, _all_right(quiz))
    total = len(quiz.questions)
    assert (perfect.correct, perfect.total, perfect.percent, perfect.passed) == (total, total, 100.0, True)
    answers = _all_right(quiz)
    wrong_ids = [q.id for q in quiz.questions[:4]]
    for qid in wrong_ids:
        question = next(q for q in quiz.questions if q.id == qid)
        answers[qid] = [next(c.id for c in question.choices if c.id not in question.correct)]
    result = score(quiz, answers)
    assert result.correct == total - 4 and not result.passed and result.wrong_questions == tuple(wrong_ids)


def test_pass_mark_is_the_share_of_right_answers(vneid) -> None:
    quiz = vneid.quiz  # 10 questions, pass at 70 %: 7 right passes, 6 does not
    answers = _all_right(quiz)
    for q in quiz.questions[:3]:
        answers.pop(q.id)  # unanswered counts as wrong
    assert score(quiz, answers).passed
    answers.pop(quiz.questions[3].id)
    assert not score(quiz, answers).passed


def test_multiple_choice_needs_every_right_answer_and_no_wrong_one(vneid) -> None:
    question = next(q for q in vneid.quiz.questions if q.kind == "multiple")
    answers = _all_right(vneid.quiz)
    answers[question.id] = list(question.correct)[:-1]
    assert question.id in score(vneid.quiz, answers).wrong_questions
    answers[question.id] = [c.id for c in question.choices]
    assert question.id in score(vneid.quiz, answers).wrong_questions


def test_bad_answers_are_refused(vneid) -> None:
    single = next(q for q in vneid.quiz.questions if q.kind == "single")
    with pytest.raises(InvalidInput):
        score(vneid.quiz, {"no-such-question": ["a"]})
    with pytest.raises(InvalidInput):
        score(vneid.quiz, {single.id: ["zz"]})
    with pytest.raises(InvalidInput):
        score(vneid.quiz, {single.id: [c.id for c in single.choices[:2]]})


def test_a_whole_session_becomes_progress(demo_engine, vneid) -> None:
    with demo_engine.connect() as conn:
        learners = conn.exec_driver_sql("SELECT id FROM learner ORDER BY rowid LIMIT 2").scalars().all()
        before = conn.exec_driver_sql("SELECT count(*) FROM attendance").scalar()
    # A fresh learner-pack pair: use a pack the demo has no facts for, if possible.
    lessons = [lesson.id for lesson in vneid.lessons]
    with demo_engine.begin() as conn:
        session = start_session(
            conn,
            kind="group_class",
            pack_id="vn.bdhvs.vneid",
            pack_version="1.0.0",
            lesson_ids=lessons,
            place="Nhà văn hóa thôn Kim Lan",
            learner_ids=learners,
        )
        right = score(vneid.quiz, _all_right(vneid.quiz))
        record_quiz_attempt(
            conn,
            session_id=session,
            learner_id=learners[0],
            pack_id="vn.bdhvs.vneid",
            pack_version="1.0.0",
            answers=_all_right(vneid.quiz),
            correct=right.correct,
            total=right.total,
            percent=right.percent,
            passed=right.passed,
        )
        required = [c.id for c in vneid.manifest.skill_checks if c.required]
        record_skill_checks(
            conn,
            session_id=session,
            pack_id="vn.bdhvs.vneid",
            pack_version="1.0.0",
            results={**{(learners[0], c): True for c in required}, (learners[1], required[0]): False},
        )
    with demo_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM attendance").scalar() == before + 2
        facts = {f.pack_id: f for f in learner_pack_facts(conn, learners[0])}
        second = {f.pack_id: f for f in learner_pack_facts(conn, learners[1])}
    outline = outlines_by_id(ROOT / "lessons")["vn.bdhvs.vneid"]
    first_progress = pack_progress(facts["vn.bdhvs.vneid"], outline)
    assert first_progress.complete and first_progress.best_score == 100.0
    second_progress = pack_progress(second["vn.bdhvs.vneid"], outline)
    assert second_progress.lessons_done == len(lessons) and not second_progress.complete


def test_a_session_needs_someone_present(engine) -> None:
    with pytest.raises(InvalidInput), engine.begin() as conn:
        start_session(
            conn,
            kind="group_class",
            pack_id="p.x",
            pack_version="1.0.0",
            lesson_ids=[],
            place="",
            learner_ids=[],
        )
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM teaching_session").scalar() == 0


def test_outline_knows_required_checks_and_competencies() -> None:
    outline = outlines_by_id(Path(ROOT / "lessons"))["vn.bdhvs.vneid"]
    assert "mo-giay-to" in outline.required_checks and "cai-dat" not in outline.required_checks
    assert "HH-1" in outline.competencies


def test_outlines_include_imported_packs_with_their_trust(tmp_path: Path) -> None:
    import json
    import shutil

    from volunteer_kit.packs.archive import build_archive
    from volunteer_kit.packs.library import install_pack

    source = tmp_path / "pack"
    shutil.copytree(ROOT / "lessons" / "mua-sam", source)
    manifest = json.loads((source / "manifest.json").read_text())
    manifest["id"] = "vn.tinh.mua-sam-nang-cao"
    (source / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    build_archive(source, tmp_path / "p.vkpack")
    install_pack(tmp_path / "p.vkpack", library=tmp_path / "library", allow_unsigned=True, trusted={})
    outlines = outlines_by_id(ROOT / "lessons", tmp_path / "library")
    imported = outlines["vn.tinh.mua-sam-nang-cao"]
    assert imported.trust == "unsigned" and not imported.verified
    assert outlines["vn.bdhvs.vneid"].verified


def test_attendance_corrections_are_new_facts(demo_engine) -> None:
    from volunteer_kit.store.attendance import current_marks, record_attendance
    from volunteer_kit.store.learners import detail

    with demo_engine.connect() as conn:
        first, second, late_comer = conn.exec_driver_sql(
            "SELECT id FROM learner ORDER BY rowid LIMIT 3"
        ).scalars()
    with demo_engine.begin() as conn:
        session = start_session(
            conn,
            kind="group_class",
            pack_id="vn.bdhvs.vneid",
            pack_version="1.0.0",
            lesson_ids=["cai-dat"],
            place="Nhà văn hóa",
            learner_ids=[first, second],
        )
    with demo_engine.begin() as conn:
        # A correction: the second learner was marked present by mistake.
        fixed = record_attendance(conn, session_id=session, learner_id=second, present=False)
        # A late walk-in arrives.
        record_attendance(conn, session_id=session, learner_id=late_comer, late=True, walk_in=True)
        # Saying the same thing again changes nothing.
        assert record_attendance(conn, session_id=session, learner_id=second, present=False) == fixed
    with demo_engine.connect() as conn:
        now = current_marks(conn, session)
        assert {k: v[1:] for k, v in now.items()} == {
            first: (True, False, False),
            second: (False, False, False),
            late_comer: (True, True, True),
        }
        # Every record is kept: the original mark and the one that supersedes it.
        rows = conn.exec_driver_sql(
            "SELECT present, supersedes_id IS NOT NULL FROM attendance "
            "WHERE session_id = :s AND learner_id = :l ORDER BY rowid",
            {"s": session, "l": second},
        ).all()
        assert rows == [(1, 0), (0, 1)]
        record = detail(conn, second)
        assert [s.present for s in record.sessions if s.session_id == session] == [False]
    with pytest.raises(InvalidInput), demo_engine.begin() as conn:
        record_attendance(conn, session_id="no-such-session", learner_id=first)
