"""Teaching mode: one step per screen, large enough to read from a metre away.

The learner's view shows the step's title, its text and its drawing; the
volunteer's notes stay hidden until the volunteer shows them (N). Arrows,
Space, Page Up/Down, Home/End and Esc work, and big buttons do the same.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from volunteer_kit.packs.reader import Lesson, Pack

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)\s*")
# Teaching-mode text is this many times the window's text size, and never below MIN_POINTS.
TEXT_FACTOR = 2.0
MIN_POINTS = 22.0


def render_image(path: Path, size: QSize) -> QPixmap:
    """The drawing at `path` scaled to fit `size`, keeping its proportions."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        view = renderer.viewBoxF()
        if view.isEmpty():
            view = QRectF(0, 0, renderer.defaultSize().width(), renderer.defaultSize().height())
        scale = min(size.width() / max(view.width(), 1), size.height() / max(view.height(), 1))
        target = QSize(max(1, int(view.width() * scale)), max(1, int(view.height() * scale)))
        image = QImage(target, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return QPixmap.fromImage(image)
    pixmap = QPixmap(str(path))
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class Picture(QLabel):
    """A drawing that fills the space it is given, re-rendered (sharp) whenever that changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.path: Path | None = None

    def show_file(self, path: Path | None) -> None:
        self.path = path
        self._render()

    def _render(self) -> None:
        if self.path is None:
            self.clear()
            return
        size = self.size()
        if size.width() < 50 or size.height() < 50:
            return  # not laid out yet; resizeEvent renders it
        self.setPixmap(render_image(self.path, size))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()


class PresenterWindow(QWidget):
    step_shown = Signal(int)
    finished = Signal()

    def __init__(
        self, pack: Pack, lesson: Lesson, parent: QWidget | None = None, *, verified: bool = True
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.pack = pack
        self.verified = verified
        self.lesson = lesson
        self.index = 0
        self.setObjectName("presenter")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        palette.setColor(self.foregroundRole(), QColor("#111111"))
        self.setPalette(palette)
        self.lesson_label = QLabel()
        self.step_title = QLabel()
        self.step_title.setWordWrap(True)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.MarkdownText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.picture = Picture()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setAutoFillBackground(True)
        notes_palette = self.notes.palette()
        notes_palette.setColor(self.notes.backgroundRole(), QColor("#fff4cc"))
        self.notes.setPalette(notes_palette)
        self.notes.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.notes_button = QPushButton()
        self.close_button = QPushButton()
        for button in (self.previous_button, self.next_button, self.notes_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys always reach the presenter
            button.setMinimumHeight(64)
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.notes_button.clicked.connect(self.toggle_notes)
        self.close_button.clicked.connect(self.close)

        content = QHBoxLayout()
        content.setSpacing(32)
        content.addWidget(self.body, 4)
        content.addWidget(self.picture, 6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.notes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(16)
        layout.addWidget(self.lesson_label)
        layout.addWidget(self.step_title)
        layout.addLayout(content, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.apply_fonts()
        self.retranslate()
        self.show_step(0)

    # Texts and fonts ----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Teaching: %1").replace("%1", self.lesson.title_vi))
        self.previous_button.setText(self.tr("◀  Back"))
        self.next_button.setText(self.tr("Next  ▶"))
        self.notes_button.setText(self.tr("Notes (N)"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.progress.setFormat(self.tr("Step %v of %m"))

    def apply_fonts(self) -> None:
        """Everything large: text at least MIN_POINTS, the step title larger still."""
        base = max(QApplication.font().pointSizeF() * TEXT_FACTOR, MIN_POINTS)
        for widget, factor, bold in (
            (self.body, 1.0, False),
            (self.step_title, 1.35, True),
            (self.lesson_label, 0.7, False),
            (self.notes, 0.7, False),
            (self.progress, 0.6, False),
            (self.previous_button, 0.8, True),
            (self.next_button, 0.8, True),
            (self.notes_button, 0.6, False),
            (self.close_button, 0.6, False),
        ):
            font = QFont(QApplication.font())
            font.setPointSizeF(base * factor)
            font.setBold(bold)
            widget.setFont(font)

    # Steps --------------------------------------------------------------------
    @property
    def step_count(self) -> int:
        return len(self.lesson.steps)

    def show_step(self, index: int) -> None:
        self.index = max(0, min(index, self.step_count - 1))
        step = self.lesson.steps[self.index]
        mark = "" if self.verified else self.tr("  ⚠ pack not verified")
        self.lesson_label.setText(self.lesson.title_vi + mark)
        self.step_title.setText(step.title)
        self.body.setText(_IMAGE.sub("", step.body).strip())
        self.notes.setText(step.notes or self.tr("No notes for this step."))
        self._show_picture()
        self.progress.setRange(0, self.step_count)
        self.progress.setValue(self.index + 1)
        self.previous_button.setEnabled(self.index > 0)
        last = self.index == self.step_count - 1
        self.next_button.setText(self.tr("Finish  ✓") if last else self.tr("Next  ▶"))
        self.step_shown.emit(self.index)

    def _show_picture(self) -> None:
        step = self.lesson.steps[self.index]
        self.picture.setVisible(bool(step.images))
        self.picture.show_file(self.pack.root / step.images[0] if step.images else None)

    def next_step(self) -> None:
        if self.index == self.step_count - 1:
            self.finished.emit()
            self.close()
        else:
            self.show_step(self.index + 1)

    def previous_step(self) -> None:
        self.show_step(self.index - 1)

    def toggle_notes(self) -> None:
        self.notes.setVisible(not self.notes.isVisible())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (
            Qt.Key.Key_Right,
            Qt.Key.Key_Space,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.next_step()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp):
            self.previous_step()
        elif key == Qt.Key.Key_Home:
            self.show_step(0)
        elif key == Qt.Key.Key_End:
            self.show_step(self.step_count - 1)
        elif key == Qt.Key.Key_N:
            self.toggle_notes()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
