"""The Learners and Households pages on a 1366×680 laptop and a 1920×1080 screen, at 100 % and 200 % text.

Measured on the real window with the demo commune: the window fits the screen, no label, button or
combo box is narrower than its text, header sections are as wide as their titles, the list shows at
least five rows, and the detail of the chosen learner or household is not cut.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

from volunteer_kit.ui.app import Application

WAIT = 10_000
SIZES = ((1366, 680), (1920, 1080))


@pytest.fixture(autouse=True)
def columns_as_shipped() -> Iterator[None]:
    """The column choices are kept for the app's session; each test starts from none."""
    from volunteer_kit.ui import reflow

    reflow._CHOSEN.clear()
    yield
    reflow._CHOSEN.clear()


@pytest.fixture
def window_app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.store.is_open, timeout=WAIT)
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    try:
        yield application
    finally:
        application.set_text_scale(100)
        application.shutdown()


def _settle(qtbot, application: Application) -> None:
    qtbot.waitUntil(lambda: not application.tasks.busy, timeout=WAIT)
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(30)


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _cut_texts(page: QWidget) -> list[str]:
    """Every visible label, button and combo box on `page` whose text does not fit it."""
    cut = []
    for label in page.findChildren(QLabel):
        if not _shown(label, page) or not label.text() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        area = label.contentsRect()
        if label.wordWrap():
            need = label.heightForWidth(area.width())
            if need > area.height():
                cut.append(f"label {label.text()!r}: needs {need} px high, has {area.height()}")
            continue
        metrics = label.fontMetrics()
        for line in _plain(label.text()).split("\n"):
            if metrics.horizontalAdvance(line) > area.width():
                cut.append(f"label {line!r}: {metrics.horizontalAdvance(line)} px wide in {area.width()}")
    for button in page.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton) or not _shown(button, page) or not button.text():
            continue
        need = button.fontMetrics().horizontalAdvance(_plain(button.text()))
        if need > button.contentsRect().width():
            cut.append(f"button {button.text()!r}: {need} px wide in {button.contentsRect().width()}")
    for box in page.findChildren(QComboBox):
        if not _shown(box, page):
            continue
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        field = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
        )
        need = box.fontMetrics().horizontalAdvance(box.currentText())
        if need > field.width():
            cut.append(f"combo box {box.currentText()!r}: {need} px wide in {field.width()}")
    return cut


def _header_problems(table: QTableView) -> list[str]:
    """Visible header sections narrower than their title (bold: a selected row highlights them) or
    off the right edge of the table."""
    header = table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    problems = []
    model = table.model()
    right = 0
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        need = metrics.horizontalAdvance(title)
        if header.sectionSize(column) < need:
            problems.append(f"header {title!r}: {header.sectionSize(column)} px for {need} px of text")
        right = max(right, header.sectionViewportPosition(column) + header.sectionSize(column))
    if right > table.viewport().width() + 1:
        problems.append(f"columns reach {right} px in a table {table.viewport().width()} px wide")
    return problems


def _show_first(qtbot, application: Application, name: str):
    window = application.window
    page = window.learners if name == "learners" else window.households
    window.show_page(page)
    if name == "learners":
        qtbot.waitUntil(lambda: page.model.learner_at(0) is not None, timeout=WAIT)
    else:
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.table.selectRow(0)
    return page


@pytest.mark.parametrize("name", ["learners", "households"])
@pytest.mark.parametrize("scale", [100, 200])
def test_list_page_fits_a_laptop_and_a_big_screen(
    qtbot, window_app: Application, name: str, scale: int
) -> None:
    window = window_app.window
    window_app.set_text_scale(scale)
    page = _show_first(qtbot, window_app, name)
    problems: list[str] = []
    for width, height in SIZES:
        window.resize(width, height)
        _settle(qtbot, window_app)
        where = f"{width}×{height} at {scale} %"
        if window.minimumSizeHint().height() > 680 or window.height() > height:
            problems.append(
                f"{where}: window needs {window.minimumSizeHint().height()} px, is {window.height()}"
            )
        problems += [f"{where}: {p}" for p in _cut_texts(page)]
        problems += [f"{where}: {p}" for p in _header_problems(page.table)]
        rows = page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()
        if not page.table.isVisibleTo(page) or rows < 5:
            problems.append(f"{where}: the list shows {rows} rows")
        for area in page.findChildren(QScrollArea):
            if _shown(area, page) and area.horizontalScrollBar().maximum() > 0:
                problems.append(f"{where}: the detail is {area.horizontalScrollBar().maximum()} px too wide")
        if page.splitter.orientation() == Qt.Orientation.Vertical:
            top, bottom = page.splitter.sizes()
            if top < 0.55 * (top + bottom):
                problems.append(f"{where}: the list has {top} of {top + bottom} px")
    assert not problems, "\n".join(problems)


def test_lesser_columns_hide_behind_the_chooser_and_the_choice_stays(qtbot, window_app: Application) -> None:
    window = window_app.window
    window_app.set_text_scale(200)
    page = _show_first(qtbot, window_app, "learners")
    window.resize(1366, 680)
    _settle(qtbot, window_app)
    header = page.table.horizontalHeader()
    hidden = [c for c in range(page.model.columnCount()) if header.isSectionHidden(c)]
    assert hidden and not header.isSectionHidden(0), "the name shows, the lesser columns wait in the chooser"
    actions = page.columns_button.menu().actions()
    assert [a.text() for a in actions] == [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert actions[0].isChecked() and not actions[0].isEnabled()  # the name cannot be hidden
    phone = page.model.columnCount() - 1
    assert header.isSectionHidden(phone)
    actions[phone].trigger()
    assert not header.isSectionHidden(phone)
    # The user's choice outlives a new size and a new text size.
    window.resize(1300, 660)
    window_app.set_text_scale(150)
    _settle(qtbot, window_app)
    assert not header.isSectionHidden(phone) and actions[phone].isChecked()


def test_learner_progress_shows_a_bar_per_pack_with_plain_titles(qtbot, window_app: Application) -> None:
    window = window_app.window
    page = window.learners
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.learner_at(0) is not None, timeout=WAIT)
    detail = page.detail_view
    for row in range(60):  # the first learner with two packs begun
        with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
            page.table.selectRow(row)
        if len(detail.progress) >= 2:
            break
    qtbot.wait(50)  # new rows show on the next turn of the event loop
    bars = [b for b in detail.progress_text.findChildren(QProgressBar) if b.isVisibleTo(detail)]
    assert len(bars) == len(detail.progress) >= 2
    texts = [label.text() for label in detail.progress_text.findChildren(QLabel) if label.isVisibleTo(detail)]
    for bar, p in zip(bars, detail.progress, strict=True):
        assert (bar.value(), bar.maximum()) == (p.lessons_done, len(p.outline.lesson_ids))
        assert bar.text() == f"{p.lessons_done}/{len(p.outline.lesson_ids)} bài"
        assert p.outline.title("vi") in texts
        assert ("Hoàn thành ✓" in texts) or not p.complete
    # A code only as the small note under its meaning, never in a title.
    coded = [t for t in texts if "NLS-" in t or "HH-" in t]
    assert coded and all(len(t.split()) <= 3 for t in coded), coded
    # Nothing of the old text is lost: quiz, skill checks, competencies.
    summary = detail.progress_text.text()
    assert "kiểm tra" in summary and "kỹ năng" in summary and "Năng lực:" in summary


@pytest.mark.parametrize("name", ["learners", "households"])
def test_a_search_with_no_match_says_so_and_clears(qtbot, window_app: Application, name: str) -> None:
    window_app.set_text_scale(200)
    window_app.window.resize(1366, 680)
    page = _show_first(qtbot, window_app, name)
    signal = page.searched if name == "learners" else page.loaded
    with qtbot.waitSignal(signal, timeout=WAIT):
        page.search_box.setText("zzqx không ai")
    assert not page.table.isVisibleTo(page) and not page.detail_area.isVisibleTo(page)
    assert page.no_match.isVisibleTo(page)
    assert "“zzqx không ai”" in page.no_match.text.text()
    with qtbot.waitSignal(signal, timeout=WAIT):
        page.no_match.clear_button.click()
    assert page.search_box.text() == ""
    assert page.table.isVisibleTo(page) and not page.no_match.isVisibleTo(page)
    assert page.detail_area.isVisibleTo(page)
    _settle(qtbot, window_app)  # the list takes its place above the detail again
    assert page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize() >= 5
    assert page.no_match.add_button.text()
