"""Small widgets shared by pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget


class ScaledLabel(QLabel):
    """A label whose font stays a fixed multiple of the app font, so it follows the text size."""

    def __init__(self, factor: float, *, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factor = factor
        self._bold = bold
        self._rescale()

    def _rescale(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * self._factor)
        font.setBold(self._bold)
        if font != self.font():  # guard: setFont sends FontChange again
            self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._rescale()
        super().changeEvent(event)


class StatCard(QFrame):
    """A big number with a caption (Today page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("statCard")
        self.value = ScaledLabel(2.4, bold=True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.value.setText("…")
