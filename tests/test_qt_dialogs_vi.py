"""Qt's own dialogs speak Vietnamese: the file dialog and the print dialog (with its options and the
printer's properties) as the certificates page opens them, offscreen, in Vietnamese."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QListView, QPushButton, QTabWidget

from tests.conftest import ROOT
from tests.test_translations import SAME_IN_BOTH, _english_vocabulary, _untranslated, _visible_texts, vi_app
from volunteer_kit.ui.app import Application

__all__ = ["vi_app"]  # the fixture, shared with the page walk

WAIT = 10_000
QT_TS = ROOT / "resources" / "i18n" / "qt_vi.ts"


class AskedTexts(QTranslator):
    """Notes every text Qt asks to have translated and answers none itself: the translators installed
    before it answer. What a dialog shows unchanged from this list was never translated."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> None:
        self.asked.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


def _qt_translations() -> dict[tuple[str, str], str]:
    """{(context, source): Vietnamese} of resources/i18n/qt_vi.ts."""
    found = {}
    for context in ET.parse(QT_TS).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.findtext("translation") or ""
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text.replace("&", ""))}


class EnglishCheck:
    """Whether a text a dialog shows is English: the page walk's check (our own texts), a text Qt asked
    for that qt_vi.ts does not translate, or a word that only the English of Qt's texts uses."""

    def __init__(self, asked: AskedTexts) -> None:
        self.sources, self.words = _english_vocabulary()
        self.qt = _qt_translations()
        for (_context, source), text in self.qt.items():
            self.words |= _words(source) - _words(text)  # a name kept in the Vietnamese is not English
        self.asked = asked
        # Qt's texts whose Vietnamese is the same text on purpose (paper sizes: "PRC 32K Big").
        self.kept = {text for (_context, source), text in self.qt.items() if text == source}
        # Names the system gives, the same in any language: the printers', where they stand, their models.
        from PySide6.QtPrintSupport import QPrinterInfo

        printers = QPrinterInfo.availablePrinters()
        self.names = {text for p in printers for text in (p.printerName(), p.location(), p.makeAndModel())}

    def __call__(self, text: str) -> bool:
        plain = text.replace("&", "").strip()
        if not plain or plain in SAME_IN_BOTH or plain in self.names or plain in self.kept:
            return False
        if any(s.replace("&", "") == plain and (c, s) not in self.qt for c, s in self.asked.asked):
            return True
        return _untranslated(text, self.sources, self.words)


def _dialog_texts(dialog: QDialog) -> Iterator[tuple[str, str]]:
    """The page walk's texts, the window title, and the items of list views (the places panel). Left out,
    with the reason: the file list (the user's own files, their sizes and dates written the system's
    way) and the folder box's items (the path of the folder shown)."""
    yield "window title", dialog.windowTitle()
    for where, text in _visible_texts(dialog):
        if not where.startswith("QComboBox lookInCombo"):
            yield where, text
    for view in dialog.findChildren(QListView):
        if view.objectName() in ("listView", "treeView") or not view.isVisibleTo(dialog) or not view.model():
            continue
        model = view.model()
        for row in range(model.rowCount()):
            yield f"{type(view).__name__} {view.objectName()} item", str(model.index(row, 0).data() or "")


def _english_in(dialog: QDialog, english: EnglishCheck, found: list[str]) -> None:
    """Every English text `dialog` shows, on each of its tabs, into `found`."""
    tabs = [tab for tab in dialog.findChildren(QTabWidget) if tab.isVisibleTo(dialog)]
    pages: list[tuple[QTabWidget | None, int]] = [
        (tab, index) for tab in tabs for index in range(tab.count()) if tab.isTabEnabled(index)
    ]
    for tab, index in pages or [(None, 0)]:
        if tab is not None:
            tab.setCurrentIndex(index)
        for where, text in _dialog_texts(dialog):
            entry = f"{type(dialog).__name__} / {where}: {text!r}"
            if english(text) and entry not in found:
                found.append(entry)
    for tab in tabs:
        tab.setCurrentIndex(0)


def _when_shown(act: Callable[[QDialog], None], over: QDialog | None = None) -> None:
    """Run `act` on the modal dialog about to open (over `over`), then close it whatever `act` did."""

    def go() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog is over or not dialog.isVisible():
            QTimer.singleShot(50, go)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, go)


@pytest.fixture
def asked(vi_app: Application) -> Iterator[AskedTexts]:
    translator = AskedTexts()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_check_has_teeth(qtbot, vi_app: Application, asked: AskedTexts) -> None:
    english = EnglishCheck(asked)
    QCoreApplication.translate("QPrintDialog", "Print to File (PDF)")
    assert english("Print to File (PDF)")  # asked for, and not in qt_vi.ts
    assert english("Look in:") and english("Envelope C5") and english("Show hidden files")
    assert not english("In ra tệp (PDF)") and not english("Letter / ANSI A") and not english("A4")


def test_the_save_dialog_is_vietnamese(qtbot, vi_app: Application, asked: AskedTexts, tmp_path: Path) -> None:
    english, found = EnglishCheck(asked), list[str]()
    page = vi_app.window.certificates
    seen: list[QDialog] = []

    def walk(dialog: QDialog) -> None:
        seen.append(dialog)
        _english_in(dialog, english, found)

    _when_shown(walk)
    page.choose_print_file()
    assert (
        isinstance(seen[0], QFileDialog) and seen[0].windowTitle() == "Lưu các giấy chứng nhận thành tệp PDF"
    )
    buttons = {b.text().replace("&", "") for b in seen[0].findChildren(QPushButton) if b.isVisibleTo(seen[0])}
    assert {"Lưu", "Hủy"} <= buttons
    assert found == []


def test_the_print_dialog_its_options_and_the_printer_properties_are_vietnamese(
    qtbot, vi_app: Application, asked: AskedTexts, tmp_path: Path
) -> None:
    english, found = EnglishCheck(asked), list[str]()
    panel = vi_app.window.certificates.print_panel
    panel.last_pdf = tmp_path / "chung-nhan.pdf"
    opened: list[str] = []

    def properties(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        _english_in(dialog, english, found)

    def walk(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        _english_in(dialog, english, found)
        buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton)}
        buttons["Tùy chọn >>"].click()  # the options: copies, page range, colour, two-sided
        _english_in(dialog, english, found)
        _when_shown(properties, over=dialog)
        buttons["Thuộc tính"].click()  # the printer's properties: paper, orientation, margins, job

    _when_shown(walk)
    panel.print_on_paper()
    assert opened == ["In giấy chứng nhận", "Thuộc tính máy in"]
    assert found == []


def test_the_file_dialog_gives_the_chosen_path(qtbot, vi_app: Application, tmp_path: Path) -> None:
    from volunteer_kit.ui.file_dialogs import save_file_name

    wanted = tmp_path / "danh sách.csv"

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(wanted))
        dialog.accept()

    _when_shown(choose)
    assert Path(save_file_name(vi_app.window, "Lưu", str(tmp_path / "x.csv"), "CSV (*.csv)")) == wanted
    _when_shown(lambda dialog: None)
    assert save_file_name(vi_app.window, "Lưu", str(tmp_path / "x.csv"), "CSV (*.csv)") == ""


@pytest.mark.parametrize(
    ("platform", "environment", "native"),
    [
        ("linux", {}, False),
        ("linux", {"FLATPAK_ID": "vn.bdhvs.VolunteerKit"}, True),
        ("win32", {}, True),
        ("darwin", {}, True),
    ],
)
def test_qt_dialogs_where_the_native_ones_would_not_follow_the_language(
    qtbot, monkeypatch: pytest.MonkeyPatch, platform: str, environment: dict[str, str], native: bool
) -> None:
    from volunteer_kit.ui.i18n import install_translations

    monkeypatch.setattr(sys, "platform", platform)
    for name in ("FLATPAK_ID", "SNAP"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    app = QApplication.instance()
    assert app is not None
    try:
        install_translations(app, "vi")
        assert app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs) is not native
    finally:
        monkeypatch.undo()
        install_translations(app, "en")
