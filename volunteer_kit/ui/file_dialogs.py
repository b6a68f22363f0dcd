"""Choosing a file to open or save: the dialog the platform offers where it speaks the app's language,
else Qt's own (with our translations, see i18n.native_dialogs_wanted), sized for the text size."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QListView, QSplitter, QTreeView, QWidget


def save_file_name(parent: QWidget, caption: str, suggested: str, kinds: str) -> str:
    """The path chosen to save to, "" when cancelled. `suggested` is a full path; `kinds` the name
    filters ("PDF files (*.pdf);;…")."""
    dialog = _dialog(parent, caption, suggested, kinds)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _chosen(dialog)


def open_file_name(parent: QWidget, caption: str, folder: str, kinds: str) -> str:
    """The existing file chosen to open, "" when cancelled; the dialog starts in `folder`."""
    dialog = _dialog(parent, caption, folder, kinds)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def _dialog(parent: QWidget, caption: str, start: str, kinds: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, start, kinds)
    # Qt's dialog opens small: at large text sizes the places, names and columns would be cut.
    char, line = dialog.fontMetrics().averageCharWidth(), dialog.fontMetrics().height()
    width, height = char * 100, line * 28
    screen = parent.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, int(room.width() * 0.95)), min(height, int(room.height() * 0.9))
    dialog.resize(max(width, dialog.sizeHint().width()), max(height, dialog.sizeHint().height()))
    _widen_what_is_cut(dialog)
    return dialog


def _widen_what_is_cut(dialog: QFileDialog) -> None:
    """Qt's dialog keeps the column and side-panel widths of its last use, in pixels: at another text size
    headings, dates and places would be cut. Fit them to this one. (A native dialog has none of these.)"""
    metrics, char = dialog.fontMetrics(), dialog.fontMetrics().averageCharWidth()
    system = QLocale.system()  # the listing's sizes and dates are written the system's way
    latest = QDateTime(QDate(2026, 12, 31), QTime(23, 59))
    widest = {
        1: metrics.horizontalAdvance(system.formattedDataSize(999_999_999)),
        2: char * 12,
        3: metrics.horizontalAdvance(system.toString(latest, QLocale.FormatType.ShortFormat)),
    }
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        if header.count() != 4:  # name, size, type, date modified
            continue
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the names take what is left
        for column, width in widest.items():
            header.resizeSection(column, max(header.sectionSizeHint(column), width + char * 2))
    splitter = dialog.findChild(QSplitter)
    places = splitter.widget(0) if splitter is not None and splitter.count() == 2 else None
    if splitter is not None and isinstance(places, QListView):
        wanted = places.sizeHintForColumn(0) + places.frameWidth() * 2 + char
        sizes = splitter.sizes()
        if sizes[0] != wanted:
            splitter.setSizes([wanted, max(sum(sizes) - wanted, 1)])


def _chosen(dialog: QFileDialog) -> str:
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles()
        return dialog.selectedFiles()[0] if accepted else ""
    finally:
        dialog.deleteLater()
