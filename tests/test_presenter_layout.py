"""Teaching mode at 200 % on a cheap laptop (1366×680 usable): every step of every bundled pack readable.

No lesson text is cut off (it wraps, and a step too long for the screen scrolls with a visible cue),
the volunteer's notes leave the learner most of the screen, and the picture sits beside the text on a
wide window and below it on a narrow one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from tests.conftest import ROOT
from volunteer_kit.packs.library import list_library
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.presenter import READABLE_CHARS, PresenterWindow

LAPTOP = (1366, 680)
NARROW = (800, 900)


@pytest.fixture
def big_text(app: Application) -> Iterator[Application]:
    app.set_text_scale(200)
    yield app


def _lessons() -> list[tuple]:
    entries = list_library(bundled_dir=ROOT / "lessons", library=ROOT / "no-library")
    assert len(entries) >= 6
    return [(entry.pack, lesson) for entry in entries for lesson in entry.pack.lessons]


def _open(qtbot, pack, lesson, size: tuple[int, int]) -> PresenterWindow:
    presenter = PresenterWindow(pack, lesson)
    qtbot.addWidget(presenter)
    presenter.resize(*size)
    presenter.show()
    _settle()
    assert (presenter.width(), presenter.height()) == size
    return presenter


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _text_area(presenter: PresenterWindow) -> QWidget:
    """Where the lesson text is shown: its scrolling area, or the text itself if it has none."""
    return _scroll_area_of(presenter.body) or presenter.body


def _rect_in(presenter: PresenterWindow, widget: QWidget) -> tuple[int, int, int, int]:
    top_left = widget.mapTo(presenter, QPoint(0, 0))
    return top_left.x(), top_left.y(), top_left.x() + widget.width(), top_left.y() + widget.height()


def _cut_texts(presenter: PresenterWindow) -> list[str]:
    """Every visible text that is cut off: shorter than its wrapped text, or scrolling with no cue."""
    problems = []
    for label in presenter.findChildren(QLabel):
        if not label.isVisible() or not label.wordWrap() or not label.text():
            continue
        name = repr(label.text()[:40])
        needed = label.heightForWidth(label.width())
        if label.height() < needed:
            problems.append(f"{name}: {label.height()} px shown of {needed}")
        area = _scroll_area_of(label)
        if area is None:
            if _rect_in(presenter, label)[3] > presenter.height():
                problems.append(f"{name}: below the window")
        elif area.widget().height() > area.viewport().height():
            if not area.verticalScrollBar().isVisible():
                problems.append(f"{name}: scrolls with no scroll bar")
            if area is _text_area(presenter) and not presenter.more_hint.isVisible():
                problems.append(f"{name}: scrolls with no 'more below' hint")
    return problems


def _walk(presenter: PresenterWindow) -> Iterator[int]:
    for index in range(presenter.step_count):
        presenter.show_step(index)
        _settle()
        yield index


def test_no_lesson_text_is_cut_off_at_200_percent(qtbot, big_text: Application) -> None:
    problems = []
    for pack, lesson in _lessons():
        presenter = _open(qtbot, pack, lesson, LAPTOP)
        for index in _walk(presenter):
            where = f"{pack.manifest.id} {lesson.id} step {index + 1}"
            problems += [f"{where}: {p}" for p in _cut_texts(presenter)]
        presenter.close()
    assert not problems, "\n".join(problems[:20])


def test_notes_leave_the_learner_most_of_the_screen(qtbot, big_text: Application) -> None:
    problems = []
    for pack, lesson in _lessons():
        presenter = _open(qtbot, pack, lesson, LAPTOP)
        qtbot.keyClick(presenter, Qt.Key.Key_N)
        assert presenter.notes.isVisible()
        for index in _walk(presenter):
            where = f"{pack.manifest.id} {lesson.id} step {index + 1}"
            share = _text_area(presenter).height() / presenter.height()
            if share < 0.6:
                problems.append(f"{where}: lesson text gets {share:.0%} of the height")
            problems += [f"{where}: {p}" for p in _cut_texts(presenter)]
        presenter.close()
    assert not problems, "\n".join(problems[:20])


def test_the_picture_is_beside_the_text_on_a_wide_window_and_below_on_a_narrow_one(
    qtbot, big_text: Application
) -> None:
    checked = 0
    for pack, lesson in _lessons()[:6]:
        wide = _open(qtbot, pack, lesson, LAPTOP)
        narrow = _open(qtbot, pack, lesson, NARROW)
        for index in range(wide.step_count):
            if not lesson.steps[index].images:
                continue
            for presenter in (wide, narrow):
                presenter.show_step(index)
            _settle()
            text_left, text_top, text_right, text_bottom = _rect_in(wide, _text_area(wide))
            picture_left, _, picture_right, _ = _rect_in(wide, wide.picture)
            assert picture_left >= text_right, f"{lesson.id} step {index + 1}: picture not beside the text"
            assert picture_right - picture_left <= 0.46 * wide.width()
            column = QFontMetrics(wide.body.font()).averageCharWidth() * READABLE_CHARS
            assert text_right - text_left >= column, f"{lesson.id} step {index + 1}: text column too narrow"
            _, text_top, _, text_bottom = _rect_in(narrow, _text_area(narrow))
            _, picture_top, _, _ = _rect_in(narrow, narrow.picture)
            assert picture_top >= text_bottom, f"{lesson.id} step {index + 1}: picture not below the text"
            assert not wide.picture.pixmap().isNull() and not narrow.picture.pixmap().isNull()
            checked += 1
        wide.close()
        narrow.close()
    assert checked >= 5
