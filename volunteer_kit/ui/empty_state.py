"""What a list, table or box shows while it is empty: one sentence saying why, and the way forward
(one button for the action that fills it), so that no page is left with a bare white box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class EmptyState(QFrame):
    """Centred text that wraps, and one button (hidden while it has no text); every page alike.

    Pages set the words in retranslate() with `set_texts`; the button calls `callback` and emits `acted`.
    """

    acted = Signal()

    def __init__(
        self,
        text: str = "",
        action_text: str = "",
        callback: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A box of the list's own colour where the list would be: the page keeps its shape.
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._callback = callback
        self.button = QPushButton()
        self.button.clicked.connect(self._act)
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        self._row.addWidget(self.button)
        self._row.addStretch(1)
        row = self._row
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.text)
        self._layout.addLayout(row)
        self._space()
        self.set_texts(text, action_text)

    def _space(self) -> None:
        """Margins of one text line: they grow with the text size."""
        line = self.fontMetrics().height()
        self._layout.setContentsMargins(line, line, line, line)
        self._layout.setSpacing(line // 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._space()
        super().changeEvent(event)

    def set_texts(
        self, text: str, action_text: str = "", callback: Callable[[], object] | None = None
    ) -> None:
        """The sentence, and the button's words ("" hides the button: nothing to do but wait); a
        `callback` replaces the one the button calls (an empty list can have more than one cause)."""
        if callback is not None:
            self._callback = callback
        self.text.setText(text)
        self.button.setText(action_text)
        self.button.setVisible(bool(action_text))
        self.setAccessibleName(text)

    def second_button(self) -> QPushButton:
        """A second way forward beside the first (a search with no match: clear it, or add the one
        looked for); the caller gives it its words and connects it."""
        button = QPushButton()
        self._row.insertWidget(self._row.count() - 1, button)
        return button

    def _act(self) -> None:
        if self._callback is not None:
            self._callback()
        self.acted.emit()
