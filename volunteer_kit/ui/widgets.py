"""Small widgets shared by pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget


class ScaledLabel(QLabel):
    """A label whose font is a fixed multiple of the app font; rescale() follows a new text size."""

    def __init__(self, factor: float, *, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factor = factor
        self._bold = bold
        self.rescale()

    def rescale(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * self._factor)
        font.setBold(self._bold)
        if font != self.font():  # guard: setFont sends FontChange again
            self.setFont(font)


class StatCard(QFrame):
    """A big number with a caption (Today page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)
        self.value = ScaledLabel(2.4, bold=True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        muted = self.detail.palette()
        muted.setColor(QPalette.ColorRole.WindowText, QColor("#555555"))
        self.detail.setPalette(muted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.value.setText("…")
