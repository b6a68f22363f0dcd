"""Every visible text of every page is Vietnamese when the Vietnamese translation is loaded."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from tests.conftest import ROOT
from volunteer_kit.ui.app import Application

WAIT = 10_000
TS = ROOT / "resources" / "i18n" / "volunteer_kit_vi.ts"
# Text that is the same in both languages.
SAME_IN_BOTH = {"Volunteer Kit", "English", "Tiếng Việt", "Ctrl", "OK"}
# Vietnamese words with no diacritics that also look like English words.
VIETNAMESE_ASCII = {"nam", "an", "minh", "lan", "long", "bang", "can", "thanh", "hoa", "son", "trang"}


def _english_vocabulary() -> tuple[set[str], set[str]]:
    """(English source texts whose Vietnamese differs, English words used in them)."""
    sources, words = set(), set()
    for message in ET.parse(TS).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if text and text != source:
            sources.add(source.replace("&", ""))
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>", " ", source))}
    return sources, words - VIETNAMESE_ASCII - {w.lower() for w in SAME_IN_BOTH}


def _visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user can see or hear (tooltips, accessible names) in `root`."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QMainWindow):
            yield where, widget.windowTitle()
        if isinstance(widget, QLabel):
            yield where, re.sub(r"<[^>]+>", " ", widget.text())
        if isinstance(widget, QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield where, widget.item(i).text()
                yield where + " tooltip", widget.item(i).toolTip()
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                yield where + " header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
                yield where + " tooltip", widget.tabToolTip(i)
        yield where + " tooltip", widget.toolTip()
        yield where + " accessible name", widget.accessibleName()
        for action in widget.actions():
            yield where + " action", action.text()
            if action.menu():
                for sub in action.menu().actions():
                    yield where + " menu", sub.text()


def _untranslated(text: str, sources: set[str], words: set[str]) -> bool:
    plain = text.replace("&", "").strip()
    if not plain or plain in SAME_IN_BOTH:
        return False
    if plain in sources:
        return True
    if re.search(r"[^\x00-\x7f]", plain):
        return False  # has Vietnamese letters
    return any(w.lower() in words for w in re.findall(r"[A-Za-z]{3,}", plain))


@pytest.fixture
def vi_app(qtbot, demo_engine, data_dir) -> Iterator[Application]:
    from PySide6.QtWidgets import QApplication

    app = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitUntil(lambda: app.window.today.counts is not None, timeout=WAIT)
    yield app
    app.shutdown()


def test_every_page_is_fully_vietnamese(qtbot, vi_app: Application) -> None:
    sources, words = _english_vocabulary()
    assert "Learners" in sources and "learner" in words  # the check itself has teeth
    window = vi_app.window
    found: list[str] = []
    for page in window.pages:
        window.show_page(page)
        if page is window.learners:
            qtbot.waitUntil(lambda p=page: p.model.learner_at(0) is not None, timeout=WAIT)
            with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
                page.table.selectRow(0)
        if page is window.settings_page:
            qtbot.waitUntil(lambda p=page: p.profile is not None, timeout=WAIT)
        for where, text in _visible_texts(window):
            if _untranslated(text, sources, words):
                found.append(f"{type(page).__name__} / {where}: {text!r}")
    assert found == []


def test_the_walk_catches_hard_coded_english(qtbot, vi_app: Application) -> None:
    sources, words = _english_vocabulary()
    label = QLabel("Waiting learners", vi_app.window.today)
    label.show()
    texts = [text for _, text in _visible_texts(vi_app.window)]
    assert any(_untranslated(text, sources, words) for text in texts)


def test_qt_standard_buttons_are_vietnamese(qtbot, vi_app: Application) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {
        box.button(b).text().replace("&", "")
        for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)
    }
    assert texts == {"Đồng ý", "Hủy"}
