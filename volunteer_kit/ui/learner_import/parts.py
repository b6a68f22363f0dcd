"""Small widgets the import steps share: a one-line message in red, a muted hint, a busy bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QProgressBar

ERROR_TEXT = QColor("#a4161a")


def error_label() -> QLabel:
    line = QLabel()
    line.setWordWrap(True)
    line.setTextFormat(Qt.TextFormat.PlainText)
    line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    paint_error(line)
    line.hide()
    return line


def paint_error(widget: QLabel) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_TEXT)
    widget.setPalette(palette)


def mute(widget: QLabel) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#555555"))
    widget.setPalette(palette)


def busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # no steps to count: the work is one read or one transaction
    bar.setTextVisible(False)
    bar.hide()
    return bar
