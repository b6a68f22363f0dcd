"""The Sessions page and the start-session dialog fit a 1366×680 laptop at 100 % and 200 % text.

The page's actions (close attendance, export the roster, add people) are always in view without
scrolling and outside any scroll area; the attendance list takes the height that is left; nothing is
scrolled inside something else that scrolls; no text is cut. The start-session dialog grows with the
text up to the screen, shows at least six learners at 200 % and keeps its buttons in view.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from volunteer_kit.ui.app import Application
from volunteer_kit.ui.teaching import StartSessionDialog

WAIT = 10_000
# Rows of the attendance list that must be in view (the demo's biggest session has 27 people).
ROWS_AT = {100: 12, 200: 5}


def _settle(qtbot: Any) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(50)


def _fully_shown(widget: QWidget, window: QWidget) -> bool:
    """The whole widget lies inside each of its parents up to the window (none clips it), and a
    widget without children of its own is painted whole (no sibling covers it)."""
    parent = widget.parentWidget()
    while parent is not None:
        where = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(where):
            return False
        if parent is window:
            break
        parent = parent.parentWidget()
    if widget.findChildren(QWidget):
        return True  # its opaque children (a table's viewport) are left out of its visible region
    return QRegion(widget.rect()).subtracted(widget.visibleRegion()).isEmpty()


def _scroll_areas_above(widget: QWidget, top: QWidget) -> list[QScrollArea]:
    areas, parent = [], widget.parentWidget()
    while parent is not None and parent is not top.parentWidget():
        if isinstance(parent, QScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


def _cut_texts(top: QWidget) -> list[str]:
    """Shown labels and buttons whose text needs more room than they have."""
    cut = []
    for label in top.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                cut.append(label.text())
        elif label.minimumSizeHint().width() > label.width() + 1:
            cut.append(label.text())
    for button in top.findChildren(QPushButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width() + 1:
            cut.append(button.text())
    return cut


def _placeholders_cut(top: QWidget) -> list[str]:
    cut = []
    for edit in top.findChildren(QLineEdit):
        text = edit.placeholderText()
        if not edit.isVisible() or not text:
            continue
        room = edit.width() - 12  # the frame and the text's margins
        if edit.isClearButtonEnabled():
            room -= edit.height()  # the clear button's place
        if edit.fontMetrics().horizontalAdvance(text) > room:
            cut.append(text)
    return cut


@pytest.mark.parametrize("size", [(1366, 680), (1920, 1080)])
@pytest.mark.parametrize("scale", [100, 200])
def test_the_sessions_page_shows_its_actions_and_a_long_attendance_list(
    qtbot, demo_app: Application, scale: int, size: tuple[int, int]
) -> None:
    window = demo_app.window
    page = window.sessions
    with qtbot.waitSignal(page.listed, timeout=WAIT):
        window.show_page(page)
    window.resize(*size)
    window.show()
    demo_app.set_text_scale(scale)
    rows = page.model.rows
    biggest = max(rows, key=lambda line: line.session.attendance_count)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.open_session(biggest.session.id)
    _settle(qtbot)
    view = page.detail_view

    assert window.minimumSizeHint().height() < 680
    assert window.height() <= size[1]
    closing = view.correct_button if biggest.attendance_closed else view.close_button
    actions = [
        view.walk_in_button,
        view.add_learner_button,
        closing,
        view.export_roster_button,
        view.roster_format_box,
    ]
    assert all(a.isVisible() for a in actions), [a.isVisible() for a in actions]
    assert closing.isEnabled() and view.export_roster_button.isEnabled()
    for action in actions:
        assert _fully_shown(action, window), (getattr(action, "text", lambda: "")(), action.geometry())
        assert not _scroll_areas_above(action, page)
    # One scroll level: no scroll area holds something that scrolls by itself.
    for area in page.findChildren(QScrollArea):
        inner = [w for w in area.widget().findChildren(QAbstractScrollArea) if w.isVisible()]
        assert not inner, (area, inner)
    table = view.table
    assert _fully_shown(table, window), (
        table.visibleRegion().boundingRect(),
        table.rect(),
        table.mapTo(window, QPoint(0, 0)),
        window.size(),
    )
    assert table.viewport().height() // table.rowHeight(0) >= ROWS_AT[scale]
    assert not _cut_texts(page)


def test_a_session_with_nobody_says_so_and_offers_to_add_people(qtbot, demo_app: Application) -> None:
    from volunteer_kit.store.teaching import start_session

    # A session whose only learner's record was removed (e.g. erased on request on another laptop).
    with demo_app.store._engine.begin() as conn:
        learner = conn.exec_driver_sql("SELECT id FROM learner LIMIT 1").scalar_one()
        empty = start_session(
            conn,
            kind="group_class",
            pack_id="vn.bdhvs.vneid",
            pack_version="1.0.0",
            lesson_ids=["cai-dat"],
            place="Nhà văn hóa thôn Kim Lan",
            learner_ids=[learner],
        )
        conn.exec_driver_sql("UPDATE attendance SET deleted = 1 WHERE session_id = ?", (empty,))
    window = demo_app.window
    page = window.sessions
    window.resize(1366, 680)
    window.show()
    with qtbot.waitSignal(page.listed, timeout=WAIT):
        window.show_page(page)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.open_session(empty)
    _settle(qtbot)
    view = page.detail_view
    assert not view.table.isVisible()
    assert view.empty_attendance.isVisible() and view.empty_attendance.text.text()
    assert view.empty_attendance.button.isVisible() and view.empty_attendance.button.isEnabled()
    view.empty_attendance.button.click()
    qtbot.waitUntil(lambda: page.pick_dialog is not None and page.pick_dialog.isVisible(), timeout=WAIT)
    page.pick_dialog.reject()


def test_no_session_found_says_so_and_offers_a_way_forward(qtbot, demo_app: Application) -> None:
    window = demo_app.window
    page = window.sessions
    window.resize(1366, 680)
    window.show()
    with qtbot.waitSignal(page.listed, timeout=WAIT):
        window.show_page(page)
    with qtbot.waitSignal(page.listed, timeout=WAIT) as listed:
        page.search_box.setText("không có nơi nào như thế")
    assert listed.args == [0]
    _settle(qtbot)
    assert not page.table.isVisible() and page.empty_list.isVisible() and page.empty_list.text.text()
    assert page.empty_list.button.isVisible()
    with qtbot.waitSignal(page.listed, timeout=WAIT) as listed:
        page.empty_list.button.click()  # clears the search
    assert listed.args[0] > 0 and page.table.isVisible()


@pytest.mark.parametrize("scale", [100, 200])
def test_the_start_session_dialog_grows_with_the_text_up_to_the_screen(
    qtbot, demo_app: Application, scale: int
) -> None:
    demo_app.set_text_scale(scale)
    dialog = StartSessionDialog(
        demo_app.store, "Sử dụng VNeID · Cài đặt VNeID trên điện thoại", demo_app.window
    )
    qtbot.waitUntil(lambda: dialog.results.count() > 20, timeout=WAIT)
    # The test screen is 800×800: the dialog stays inside it.
    screen = dialog.screen().availableGeometry()
    dialog.show()
    _settle(qtbot)
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.frameGeometry().height() <= screen.height()
    # On the laptop's 1366×680 the list shows at least six learners and nothing is cut.
    laptop = QRect(0, 0, 1366, 680)
    dialog.fit_to_screen(laptop)
    _settle(qtbot)
    assert dialog.frameGeometry().height() <= laptop.height()
    assert dialog.frameGeometry().width() <= laptop.width()
    assert dialog.minimumSizeHint().height() <= laptop.height()
    rows = dialog.results.viewport().height() // dialog.results.sizeHintForRow(0)
    assert rows >= (6 if scale == 200 else 10), rows
    for button in dialog.buttons.buttons():
        assert _fully_shown(button, dialog), button.text()
    assert dialog.buttons.standardButtons() & QDialogButtonBox.StandardButton.Ok
    assert not _cut_texts(dialog)
    assert not _placeholders_cut(dialog)
    assert dialog.results.horizontalScrollBar().maximum() == 0  # each learner's line is whole
    assert isinstance(dialog.results, QAbstractItemView)
    dialog.reject()


def test_before_any_session_the_page_says_how_one_is_made(qtbot, app: Application) -> None:
    window = app.window
    page = window.sessions
    window.resize(1366, 680)
    window.show()
    with qtbot.waitSignal(page.listed, timeout=WAIT) as listed:
        window.show_page(page)
    assert listed.args == [0]
    _settle(qtbot)
    assert page.empty_list.isVisible() and not page.detail_view.isVisible()
    assert page.empty_list.text.text().startswith("Chưa có buổi học nào.")
    page.empty_list.button.click()  # teach a lesson: the Lessons page, where lessons are taught
    assert window.stack.currentWidget() is window.page("lessons")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_and_the_dialog_give_each_control_its_own_mnemonic(
    qtbot, demo_app: Application, lang: str
) -> None:
    from collections import Counter

    from tests.test_certificates_gui import _mnemonics

    # "&Tệp" (the File menu) and the page's "&Tìm:" shared t before this page's layout changed.
    known = {"t"} if lang == "vi" else set()
    demo_app.set_language(lang)
    window = demo_app.window
    page = window.sessions
    window.resize(1366, 680)
    window.show()
    with qtbot.waitSignal(page.listed, timeout=WAIT):
        window.show_page(page)
    for scale in (100, 200):
        demo_app.set_text_scale(scale)
        with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
            page.open_session(page.model.rows[0].session.id)
        _settle(qtbot)
        for tab in range(page.detail_view.tabs.count()):
            page.detail_view.tabs.setCurrentIndex(tab)
            keys = _mnemonics(window)
            assert {k for k, n in Counter(keys).items() if n > 1} <= known, (lang, scale, tab, keys)
        page.detail_view.tabs.setCurrentIndex(0)
    dialog = StartSessionDialog(demo_app.store, "Sử dụng VNeID", window)
    keys = _mnemonics(dialog)
    assert [k for k, n in Counter(keys).items() if n > 1] == [], (lang, keys)
    dialog.reject()
