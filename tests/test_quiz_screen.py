"""The quiz screen as an old learner sees it from a metre away, at 200 % text on a 1366×680 laptop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from volunteer_kit.packs.reader import Pack
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.quiz import QuizWindow
from volunteer_kit.ui.teaching import Present

WAIT = 10_000
SCREEN = (1366, 680)  # a 1366×768 laptop less its taskbar
LEARNERS = [Present("learner-1", "Nguyễn Thị Hằng"), Present("learner-2", "Trần Văn Bình")]


@pytest.fixture
def app(qtbot, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    application.shutdown()


def _packs(qtbot, app: Application) -> list[Pack]:
    page = app.window.lessons
    with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
        app.window.show_page(page)
    return [entry.pack for entry in page.entries]


def _open(qtbot, pack: Pack) -> QuizWindow:
    quiz = QuizWindow(pack, LEARNERS)
    qtbot.addWidget(quiz)
    quiz.resize(*SCREEN)
    quiz.show()
    qtbot.waitExposed(quiz)
    _settle()
    return quiz


def _settle() -> None:
    for _ in range(3):  # a layout change reaches the window over a few turns of the event loop
        QApplication.processEvents()


def _inside(widget: QWidget, window: QWidget) -> bool:
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def _across(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` lies within the window's width (it may be scrolled out of view vertically)."""
    left = widget.mapTo(window, QPoint(0, 0)).x()
    return 0 <= left and left + widget.width() <= window.width()


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def test_at_200_percent_every_question_fits_a_small_laptop_with_its_controls_in_view(
    qtbot, app: Application
) -> None:
    app.set_text_scale(200)
    for pack in _packs(qtbot, app):
        quiz = _open(qtbot, pack)
        for number in range(1, len(pack.quiz.questions) + 1):
            for stage in ("asked", "answered"):
                where = f"{pack.manifest.id} question {number} {stage}"
                assert quiz.width() <= SCREEN[0] and quiz.height() <= SCREEN[1], where
                for card in quiz.choice_buttons:
                    assert card.width() <= quiz.width() and _across(card, quiz), where
                    assert card.heightForWidth(card.width()) <= card.height(), where  # no line cut
                assert quiz.prompt.heightForWidth(quiz.prompt.width()) <= quiz.prompt.height(), where
                if quiz.feedback.text():
                    assert quiz.feedback.heightForWidth(quiz.feedback.width()) <= quiz.feedback.height(), (
                        where
                    )
                # Who answers, "Câu n/m" and the button that goes on are in the window, wherever it scrolls.
                assert quiz.progress_label.text() == f"Câu {number} / {len(pack.quiz.questions)}"
                for fixed in (quiz.learner_label, quiz.progress_label, quiz.check_button):
                    assert fixed.isVisible() and _inside(fixed, quiz), where
                    assert fixed.visibleRegion().boundingRect() == fixed.rect(), where
                if stage == "asked":
                    quiz.choice_buttons[0].click()
                quiz.check_button.click()
                _settle()
        quiz.close()


def test_key_2_picks_the_second_answer_with_a_state_seen_from_a_metre(qtbot, app: Application) -> None:
    app.set_text_scale(200)
    pack = next(p for p in _packs(qtbot, app) if p.manifest.id.endswith("vneid"))
    quiz = _open(qtbot, pack)
    quiz.activateWindow()
    qtbot.waitUntil(quiz.isActiveWindow, timeout=WAIT)
    assert pack.quiz.questions[0].kind == "single"
    cards = quiz.choice_buttons
    qtbot.keyClick(quiz, Qt.Key.Key_2)
    assert [card.property("state") for card in cards] == [
        "selected" if i == 1 else "plain" for i in range(len(cards))
    ]
    assert cards[1].isChecked() and cards[1].hasFocus()  # focused: its ring shows where the keys are
    assert cards[1].mark_label.text() == "✓" and cards[1].text_label.font().bold()
    assert not cards[0].text_label.font().bold()
    last = len(cards) - 1
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]
    qtbot.keyClick(quiz, keys[last])  # one answer only: another key moves the choice
    assert [card.property("state") for card in cards] == [
        "selected" if i == last else "plain" for i in range(len(cards))
    ]
    qtbot.keyClick(quiz.focusWidget(), Qt.Key.Key_Tab)
    assert quiz.focusWidget() is quiz.check_button
    qtbot.keyClick(quiz.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.keyClick(quiz.focusWidget(), Qt.Key.Key_Backtab)
    assert quiz.focusWidget() is cards[last - 1]
    qtbot.keyClick(quiz.focusWidget(), Qt.Key.Key_Space)  # the focused card, by Space
    assert [card.property("state") for card in cards] == [
        "selected" if i == last - 1 else "plain" for i in range(len(cards))
    ]
    right = [c.id for c in pack.quiz.questions[0].choices].index(pack.quiz.questions[0].correct[0])
    qtbot.keyClick(quiz, keys[right])
    qtbot.keyClick(quiz, Qt.Key.Key_Return)  # Enter checks the answer
    assert [card.property("state") for card in cards] == [
        "right" if i == right else "other" for i in range(len(cards))
    ]
    assert quiz.feedback.property("tone") == "right"
    qtbot.keyClick(quiz, Qt.Key.Key_Enter)  # and goes on
    assert quiz.progress_label.text() == f"Câu 2 / {len(pack.quiz.questions)}"
    # Several right answers: each key adds its answer, every chosen one in the strong state.
    while quiz.question.kind != "multiple":
        quiz.choice_buttons[0].click()
        quiz.check_or_next()
        quiz.check_or_next()
    cards = quiz.choice_buttons
    qtbot.keyClick(quiz, Qt.Key.Key_1)
    qtbot.keyClick(quiz, Qt.Key.Key_2)
    assert [card.property("state") for card in cards][:3] == ["selected", "selected", "plain"]
    qtbot.keyClick(quiz, Qt.Key.Key_1)
    assert [card.property("state") for card in cards][:3] == ["plain", "selected", "plain"]


def test_the_feedback_banner_says_right_or_not_once_then_the_explanation(qtbot, app: Application) -> None:
    app.set_text_scale(200)
    pack = next(p for p in _packs(qtbot, app) if p.manifest.id.endswith("vneid"))
    quiz = _open(qtbot, pack)
    # A true/false question whose explanation begins with the answer ("Đúng. Người dân …").
    while not (quiz.question.kind == "true_false" and quiz.question.explanation.vi.startswith("Đúng.")):
        quiz.choice_buttons[0].click()
        quiz.check_or_next()
        quiz.check_or_next()
    question = quiz.question
    answers = {choice.text.vi.casefold() for choice in question.choices}
    for right, card in ((True, "true"), (False, "false")):  # the first learner right, the second not
        while quiz.question is not question:
            quiz.choice_buttons[0].click()
            quiz.check_or_next()
            quiz.check_or_next()
        next(c for c in quiz.choice_buttons if c.property("choice_id") == card).click()
        quiz.check_or_next()
        _settle()
        banner = quiz.feedback
        said = _sentences(banner.text())
        assert said[0] == ("Đúng rồi!" if right else "Chưa đúng.")
        verdicts = {"đúng rồi", "chưa đúng"} | answers
        assert not [s for s in said[1:] if s.rstrip(".!?").casefold() in verdicts], banner.text()
        assert len(said) == len(set(said)) and " ".join(said[1:]) in question.explanation.vi
        # Large, wrapped, fully shown, green when right and red when not.
        assert banner.font().pointSizeF() >= 1.3 * QApplication.font().pointSizeF()
        assert banner.wordWrap() and banner.isVisible()
        assert banner.heightForWidth(banner.width()) <= banner.height()
        assert banner.visibleRegion().boundingRect() == banner.rect()  # scrolled into view
        colour = banner.palette().color(banner.backgroundRole())
        assert banner.autoFillBackground()
        assert (colour.green() > colour.red()) if right else (colour.red() > colour.green())
        quiz.check_or_next()


def test_the_learner_text_follows_the_text_size_setting(qtbot, app: Application) -> None:
    app.set_text_scale(150)
    pack = next(p for p in _packs(qtbot, app) if p.manifest.id.endswith("vneid"))
    quiz = _open(qtbot, pack)
    base = QApplication.font().pointSizeF()
    card = quiz.choice_buttons[0]
    learner_text = (quiz.prompt, card, card.text_label, quiz.feedback)
    before = {w: w.font().pointSizeF() for w in learner_text}
    assert all(size >= 1.3 * base for size in before.values())
    app.set_text_scale(200)  # changed in Settings while the quiz is open
    _settle()
    for widget, size in before.items():
        assert widget.font().pointSizeF() == pytest.approx(size * 200 / 150)
