"""The quiz for a group: one question, a row of ticks per present learner, on a 1366×680 laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QScrollArea, QWidget

from tests.conftest import ROOT
from tests.test_translations import _english_vocabulary, _untranslated, _visible_texts
from volunteer_kit.packs.format import Question
from volunteer_kit.packs.quiz import is_right, score
from volunteer_kit.packs.reader import Pack, read_pack
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.group_quiz import GroupQuizWindow
from volunteer_kit.ui.quiz import BANNER_COLOURS, explanation
from volunteer_kit.ui.teaching import Present

WAIT = 10_000
SCREEN = (1366, 680)  # a 1366×768 laptop less its taskbar
NAMES = [
    "Nguyễn Thị Hằng",
    "Trần Văn Bình",
    "Lê Thị Mai",
    "Phạm Văn Đức",
    "Hoàng Thị Lan",
    "Vũ Văn Hùng",
    "Đặng Thị Thu Hương",
    "Bùi Văn Nam",
    "Đỗ Thị Ngọc Ánh",
    "Tôn Nữ Thị Hoàng Phương Thảo Nguyên",  # a long name wraps in its row, never cut
]


def _learners(count: int) -> list[Present]:
    return [Present(f"learner-{i}", name) for i, name in enumerate(NAMES[:count])]


@pytest.fixture
def app(qtbot, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    application.shutdown()


def _pack(name: str = "vneid") -> Pack:
    return read_pack(ROOT / "lessons" / name)


def _open(qtbot, pack: Pack, count: int) -> GroupQuizWindow:
    quiz = GroupQuizWindow(pack, _learners(count))
    qtbot.addWidget(quiz)
    quiz.resize(*SCREEN)
    quiz.show()
    qtbot.waitExposed(quiz)
    _settle()
    return quiz


def _settle() -> None:
    for _ in range(3):  # a layout change reaches the window over a few turns of the event loop
        QApplication.processEvents()


def _focused() -> Any:
    return QApplication.focusWidget()


def _inside(widget: QWidget, window: QWidget) -> bool:
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def _across(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` lies within the window's width (it may be scrolled out of view vertically)."""
    left = widget.mapTo(window, QPoint(0, 0)).x()
    return 0 <= left and left + widget.width() <= window.width()


def _ids(question: Question, numbers: list[int]) -> list[str]:
    return [question.choices[n].id for n in numbers]


def _background(label: QLabel) -> str:
    return label.palette().color(label.backgroundRole()).name()


def test_a_group_ticks_by_keys_and_mouse_and_each_learner_gets_their_own_attempt(
    qtbot, app: Application
) -> None:
    pack = _pack()
    quiz = _open(qtbot, pack, 3)
    quiz.activateWindow()
    qtbot.waitUntil(quiz.isActiveWindow, timeout=WAIT)
    attempts: list[tuple[str, Any]] = []
    quiz.attempt_done.connect(lambda learner, attempt: attempts.append((learner, attempt)))
    expected: dict[str, dict[str, list[str]]] = {p.learner_id: {} for p in quiz.learners}
    questions = pack.quiz.questions
    assert {q.kind for q in questions} >= {"single", "multiple", "true_false"}
    sources, words = _english_vocabulary()
    english: list[tuple[str, str]] = []
    for number, question in enumerate(questions, start=1):
        assert quiz.question is question and quiz.progress_label.text() == f"Câu {number} / {len(questions)}"
        assert quiz.prompt.text().startswith(question.prompt.vi)
        assert [label.text() for label in quiz.choice_labels] == [
            f"{n}. {c.text.vi}" for n, c in enumerate(question.choices, start=1)
        ]
        assert [len(row.cells) for row in quiz.rows] == [len(question.choices)] * 3
        last = len(question.choices) - 1
        right = sorted(i for i, c in enumerate(question.choices) if c.id in question.correct)
        # The first learner by the number keys: the focus starts in their row.
        assert _focused() is quiz.cell(0, 0)
        for index in right:
            qtbot.keyClick(_focused(), Qt.Key(Qt.Key.Key_1.value + index))
        if question.kind == "multiple":  # several answers: the focus stays in the row, Down goes on
            assert _focused().row_index == 0
            qtbot.keyClick(_focused(), Qt.Key.Key_Down)
        # One answer: the number key went on to the next learner's row by itself.
        assert _focused().row_index == 1
        # The second by the mouse: the first answer (and the second too when several are right).
        mouse = [0, 1] if question.kind == "multiple" else [0]
        for index in mouse:
            qtbot.mouseClick(quiz.cell(1, index), Qt.MouseButton.LeftButton)
        # The third by the arrows and Space: the last answer.
        qtbot.keyClick(_focused(), Qt.Key.Key_Down)
        for _ in range(last):
            qtbot.keyClick(_focused(), Qt.Key.Key_Right)
        assert _focused() is quiz.cell(2, last)
        qtbot.keyClick(_focused(), Qt.Key.Key_Space)
        if number == 1:  # Tab goes from cell to cell, row after row, then to the buttons
            quiz.cell(0, last).setFocus()
            qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
            assert _focused() is quiz.cell(1, 0)
            quiz.cell(2, last).setFocus()
            qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
            assert _focused() is quiz.one_by_one_button
        chosen = [_ids(question, right), _ids(question, mouse), _ids(question, [last])]
        assert [row.chosen() for row in quiz.rows] == chosen
        assert all(
            cell.property("state") == "selected"
            for row in quiz.rows
            for cell in row.cells
            if cell.isChecked()
        )
        for learner, answer in zip(quiz.learners, chosen, strict=True):
            expected[learner.learner_id][question.id] = answer
        english += [t for t in _visible_texts(quiz) if _untranslated(t[1], sources, words)]
        # Enter checks: a green ✓ or a red ✗ on each row, the right answer and its explanation once.
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)
        english += [t for t in _visible_texts(quiz) if _untranslated(t[1], sources, words)]
        assert quiz.checked
        for row, answer in zip(quiz.rows, chosen, strict=True):
            verdict = "right" if is_right(question, answer) else "wrong"
            assert row.verdict.property("verdict") == verdict
            assert row.verdict.text() == ("✓" if verdict == "right" else "✗")
            assert _background(row.verdict) == BANNER_COLOURS[verdict][0]
            for cell in row.cells:
                is_correct = cell.property("choice_id") in question.correct
                picked = cell.property("choice_id") in answer
                states = {(True, True): "right", (True, False): "missed", (False, True): "wrong"}
                assert cell.property("state") == states.get((is_correct, picked), "other")
        assert quiz.rows[0].verdict.property("verdict") == "right"
        numbers = ", ".join(str(i + 1) for i in right)
        said = "Các đáp án đúng" if len(right) > 1 else "Đáp án đúng"
        assert quiz.feedback.isVisible()
        assert quiz.feedback.text() == f"{said}: {numbers}.\n{explanation(question, 'vi')}"
        marked = [label for label in quiz.choice_labels if label.text().startswith("✓")]
        assert [label.property("choice_id") for label in marked] == [
            c.id for c in question.choices if c.id in question.correct
        ]
        # Checked: the ticks are locked.
        qtbot.mouseClick(quiz.cell(1, last), Qt.MouseButton.LeftButton)
        assert quiz.rows[1].chosen() == _ids(question, mouse)
        if question is not questions[-1]:
            qtbot.keyClick(_focused(), Qt.Key.Key_Enter)  # and Enter again: the next question
    # After the last question: each learner's score, and each one's attempt as core scoring has it.
    with qtbot.assertNotEmitted(quiz.all_done):
        qtbot.keyClick(_focused(), Qt.Key.Key_Enter)
    assert quiz.finished and quiz.prompt.text() == "Kết quả"
    english += [t for t in _visible_texts(quiz) if _untranslated(t[1], sources, words)]
    assert english == []  # every text in Vietnamese, at every step
    assert [learner for learner, _attempt in attempts] == [p.learner_id for p in quiz.learners]
    for learner, (answers, result) in attempts:
        assert answers == expected[learner]
        assert result == score(pack.quiz, expected[learner])
        name, count, verdict = quiz.score_labels[learner]
        assert count.text() == f"Đúng {result.correct} / {result.total} câu"
        assert verdict.text() == ("✓ đạt" if result.passed else "✗ chưa đạt")
    first = attempts[0][1][1]
    assert first.correct == first.total and first.passed  # the first learner was given every right answer
    assert len({attempt[1].correct for _learner, attempt in attempts}) > 1  # and the others not
    with qtbot.waitSignal(quiz.all_done, timeout=WAIT):
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # "Tiếp tục": on to the skill checks
    assert not quiz.isVisible()


def test_a_single_choice_row_takes_one_tick_and_a_multiple_choice_row_several(
    qtbot, app: Application
) -> None:
    pack = _pack()
    quiz = _open(qtbot, pack, 3)
    assert quiz.question.kind == "single"
    quiz.cell(0, 0).click()
    quiz.cell(1, 2).click()
    quiz.cell(0, 1).click()  # another answer for the first learner moves their tick
    assert [cell.isChecked() for cell in quiz.rows[0].cells] == [
        i == 1 for i in range(len(quiz.rows[0].cells))
    ]
    assert [cell.isChecked() for cell in quiz.rows[1].cells] == [
        i == 2 for i in range(len(quiz.rows[1].cells))
    ]
    quiz.cell(0, 1).click()  # clicked again: no answer (yet) for this learner
    assert quiz.rows[0].chosen() == []
    quiz.current_row = 2
    quiz.pick(0)
    quiz.pick(1)  # a number key on a row with an answer moves it too
    assert quiz.rows[2].chosen() == _ids(quiz.question, [1])
    while quiz.question.kind != "multiple":
        for row in quiz.rows:
            row.cells[0].click()
        quiz.check_or_next()
        quiz.check_or_next()
    quiz.cell(0, 0).click()
    quiz.cell(0, 1).click()
    quiz.current_row = 1
    quiz.pick(2)
    quiz.pick(3)
    quiz.pick(2)  # a number key again takes it away
    assert quiz.rows[0].chosen() == _ids(quiz.question, [0, 1])
    assert quiz.rows[1].chosen() == _ids(quiz.question, [3])


def test_rows_left_empty_are_checked_only_when_the_volunteer_says_so(qtbot, app: Application) -> None:
    pack = _pack()
    quiz = _open(qtbot, pack, 3)
    question = quiz.question
    quiz.cell(1, 1).click()
    asked: list[str] = []

    def answer(go_on: bool) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        assert "Nguyễn Thị Hằng, Lê Thị Mai" in box.informativeText()
        wanted = "Vẫn xem đáp án" if go_on else "Quay lại đánh dấu"
        next(b for b in box.findChildren(QPushButton) if b.text() == wanted).click()

    QTimer.singleShot(0, lambda: answer(False))
    quiz.check_button.click()
    assert asked == ["2 người chưa chọn — vẫn xem đáp án?"]
    assert not quiz.checked and quiz.rows[0].verdict.text() == ""  # back to ticking: nothing shown
    assert quiz.focusWidget() is quiz.cell(0, 0)  # at the first learner without an answer
    QTimer.singleShot(0, lambda: answer(True))
    quiz.check_button.click()
    assert len(asked) == 2 and quiz.checked
    # An empty row counts as not right: a red ✗, and no answer recorded for the question.
    assert [row.verdict.property("verdict") for row in quiz.rows] == [
        "wrong",
        "right" if is_right(question, _ids(question, [1])) else "wrong",
        "wrong",
    ]
    assert quiz.answers["learner-0"] == {question.id: []}
    assert score(pack.quiz, quiz.answers["learner-0"]).correct == 0


def test_the_one_by_one_quiz_is_offered_before_the_first_answer(qtbot, app: Application) -> None:
    quiz = _open(qtbot, _pack(), 3)
    assert quiz.one_by_one_button.isVisible() and quiz.one_by_one_button.text() == "Từng người một"
    quiz.confirm_unanswered = lambda _learners: True  # type: ignore[method-assign]
    quiz.cell(0, 0).click()
    quiz.check_or_next()
    assert quiz.checked and not quiz.one_by_one_button.isVisible()
    quiz.check_or_next()
    assert not quiz.one_by_one_button.isVisible()  # the group has begun: it stays a group
    quiz = _open(qtbot, _pack(), 3)
    with qtbot.waitSignal(quiz.one_by_one, timeout=WAIT):
        quiz.one_by_one_button.click()
    assert not quiz.isVisible()


def test_escape_closes_the_quiz_only_when_the_volunteer_says_so_once_answers_are_ticked(
    qtbot, app: Application
) -> None:
    quiz = _open(qtbot, _pack(), 3)
    quiz.activateWindow()
    qtbot.waitUntil(quiz.isActiveWindow, timeout=WAIT)
    answers: list[bool] = []

    def ask() -> bool:
        answers.append(answers_wanted.pop(0))
        return answers[-1]

    answers_wanted = [False, True]
    quiz.ask_to_close = ask  # type: ignore[method-assign]
    qtbot.keyClick(_focused(), Qt.Key.Key_2)  # the first learner's answer
    qtbot.keyClick(_focused(), Qt.Key.Key_Escape)
    assert answers == [False] and quiz.isVisible() and quiz.rows[0].chosen()
    qtbot.keyClick(_focused(), Qt.Key.Key_Escape)
    assert answers == [False, True] and not quiz.isVisible()
    untouched = _open(qtbot, _pack(), 3)  # nothing ticked yet: Esc closes at once
    untouched.activateWindow()
    qtbot.waitUntil(untouched.isActiveWindow, timeout=WAIT)
    untouched.ask_to_close = ask  # type: ignore[method-assign]
    qtbot.keyClick(_focused(), Qt.Key.Key_Escape)
    assert not untouched.isVisible() and len(answers) == 2


@pytest.mark.parametrize("scale", [100, 200])
def test_ten_learners_fit_a_small_laptop_with_the_question_and_the_button_in_view(
    qtbot, app: Application, scale: int
) -> None:
    app.set_text_scale(scale)
    for folder in sorted(p.parent for p in (ROOT / "lessons").glob("*/quiz.json")):
        pack = _pack(folder.name)
        quiz = _open(qtbot, pack, 10)
        quiz.confirm_unanswered = lambda _learners: True  # type: ignore[method-assign]
        assert len(quiz.findChildren(QScrollArea)) == 1  # one scroll area, none inside another
        assert quiz.minimumSizeHint().height() < SCREEN[1]
        for number in range(1, len(pack.quiz.questions) + 1):
            for stage in ("asked", "checked"):
                where = f"{pack.manifest.id} question {number} {stage} at {scale} %"
                assert quiz.width() <= SCREEN[0] and quiz.height() <= SCREEN[1], where
                # The question and the button that goes on are in the window, wherever the rows scroll.
                for fixed in (quiz.prompt, quiz.progress_label, quiz.check_button):
                    assert fixed.isVisible() and _inside(fixed, quiz), where
                    assert fixed.visibleRegion().boundingRect() == fixed.rect(), where
                assert quiz.prompt.heightForWidth(quiz.prompt.width()) <= quiz.prompt.height(), where
                # Rows below the view are said so under it.
                bar = quiz.area.verticalScrollBar()
                assert quiz.more_hint.isVisible() == (bar.value() < bar.maximum()), where
                if quiz.more_hint.isVisible():
                    hint = quiz.more_hint
                    assert hint.text() == "▼ còn tiếp" and _inside(hint, quiz), where
                    assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.width(), where
                # No text cut: wrapped labels tall enough, one-line texts as wide as they need.
                wrapped = [*quiz.choice_labels, *(row.name_label for row in quiz.rows)]
                if quiz.feedback.text():
                    wrapped.append(quiz.feedback)
                for label in wrapped:
                    assert label.wordWrap() and _across(label, quiz), (where, label.text())
                    assert label.heightForWidth(label.width()) <= label.height(), (where, label.text())
                for row in quiz.rows:
                    for cell in row.cells:
                        assert _across(cell, quiz), where
                        for label in (cell.number_label, cell.mark_label):
                            text_width = label.fontMetrics().horizontalAdvance(label.text())
                            assert text_width <= label.contentsRect().width(), (where, label.text())
                    verdict = row.verdict
                    assert verdict.fontMetrics().horizontalAdvance(verdict.text()) <= verdict.width(), where
                    assert _across(verdict, quiz), where
                for button in quiz.findChildren(QPushButton):
                    if button.isVisible():
                        text_width = button.fontMetrics().horizontalAdvance(button.text())
                        assert text_width < button.width() and _inside(button, quiz), (where, button.text())
                # The learner's text as large as the one-by-one quiz's: the question and the answers.
                assert quiz.prompt.font().pointSizeF() >= 1.3 * QApplication.font().pointSizeF(), where
                if stage == "asked":
                    quiz.cell(0, 0).click()
                quiz.check_button.click()
                _settle()
        # The scores: each beside its learner's name, none cut, the button that goes on in view.
        assert quiz.finished and quiz.width() <= SCREEN[0] and quiz.height() <= SCREEN[1]
        assert quiz.check_button.visibleRegion().boundingRect() == quiz.check_button.rect()
        for name, count, verdict in quiz.score_labels.values():
            assert name.heightForWidth(name.width()) <= name.height(), name.text()
            for label in (name, count, verdict):
                assert _across(label, quiz), (scale, label.text())
            for label in (count, verdict):
                assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
        quiz.close()


def test_a_session_taught_to_a_group_records_each_learners_attempt_from_the_grid(
    qtbot, demo_app: Application, demo_engine: Any
) -> None:
    import json

    from tests.test_skill_checks_grid import _learners as unique_learners
    from tests.test_skill_checks_grid import teach_to_the_skill_checks

    names = [p.full_name for p in unique_learners(demo_engine, 3)]
    flow = teach_to_the_skill_checks(qtbot, demo_app, names, right={names[1]})
    quiz = flow.quiz
    assert isinstance(quiz, GroupQuizWindow) and quiz.finished and not quiz.isVisible()
    pack = flow.pack

    def recorded() -> dict[str, tuple[dict[str, list[str]], int, int, float, int]]:
        with demo_engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT learner_id, answers, correct_count, question_count, score, passed FROM quiz_attempt "
                "WHERE session_id = ?",
                (flow.session_id,),
            ).all()
        return {learner: (json.loads(answers), *rest) for learner, answers, *rest in rows}

    qtbot.waitUntil(lambda: len(recorded()) == 3, timeout=WAIT)
    for learner in flow.present:
        answers, correct, total, percent, passed = recorded()[learner.learner_id]
        if learner.full_name == names[1]:
            assert answers == {
                q.id: [c.id for c in q.choices if c.id in q.correct] for q in pack.quiz.questions
            }
        else:
            assert answers == {q.id: [q.choices[0].id] for q in pack.quiz.questions}
        expected = score(pack.quiz, answers)
        assert (correct, total, percent, bool(passed)) == (
            expected.correct,
            expected.total,
            expected.percent,
            expected.passed,
        )
        assert quiz.score_labels[learner.learner_id][1].text() == f"Đúng {correct} / {total} câu"


def test_the_text_follows_the_text_size_setting_while_the_quiz_is_open(qtbot, app: Application) -> None:
    app.set_text_scale(150)
    quiz = _open(qtbot, _pack(), 3)
    widgets = (
        quiz.prompt,
        quiz.choice_labels[0],
        quiz.rows[0].name_label,
        quiz.cell(0, 0),
        quiz.check_button,
    )
    before = {widget: widget.font().pointSizeF() for widget in widgets}
    app.set_text_scale(200)  # changed in Settings while the quiz is open
    _settle()
    for widget, size in before.items():
        assert widget.font().pointSizeF() == pytest.approx(size * 200 / 150)
