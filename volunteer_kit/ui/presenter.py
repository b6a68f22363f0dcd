"""Teaching mode: one step per screen, large enough to read from a metre away.

The learner's view shows the step's title, its text and its drawing; the
volunteer's notes stay hidden until the volunteer shows them (N). Arrows,
Space, Page Up/Down, Home/End and Esc work, and big buttons do the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QImageReader,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.ui import theme

if TYPE_CHECKING:
    from volunteer_kit.packs.reader import Lesson, Pack

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)\s*")
# Teaching-mode text is up to this many times the window's text size, and never below MIN_POINTS.
TEXT_FACTOR = 2.0
MIN_POINTS = 22.0
LINES_PER_WINDOW = 14  # and at least as large as a window this many lines tall (a learner-view scale)
SMALLEST_FACTOR = 1.1  # a long step's text shrinks to fit, but stays larger than the window's text
TITLE_FACTOR = 1.25
READABLE_CHARS = (
    34  # the picture goes beside the text only if the text column keeps this many a line (slides: 30–40)
)
WIDE_RATIO = 1.5  # a window wider than this many times its height has the picture beside the text
SIDE_SHARE = 0.45  # the picture beside the text takes at most this share of the width
PICTURE_WITH_NOTES = 0.55  # beside the text with the notes open, the picture keeps this share of the height
NOTES_SHARE_WIDE = 0.3  # the notes beside the text are at least this share of the width
NOTES_SHARE = 0.25  # the notes below the text take at most this share of the window's height
TEXT_SHARE = 0.6  # the lesson text keeps at least this share of the window's height
PICTURE_SHARE = 0.4  # below the text, the picture gets at least this share of the height left
SMALLEST_PICTURE = 80  # pixels; a picture squeezed below this is left out until there is room
SPACING = 24
_UNLIMITED = 16_777_215  # QWIDGETSIZE_MAX


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


@lru_cache(maxsize=64)
def image_aspect(path: Path) -> float:
    """Width over height of the drawing at `path` (0 if it cannot be read)."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        view = renderer.viewBoxF()
        if view.isEmpty():
            view = QRectF(0, 0, renderer.defaultSize().width(), renderer.defaultSize().height())
        width, height = view.width(), view.height()
    else:
        width, height = QImageReader(str(path)).size().toTuple()
    return width / height if width > 0 and height > 0 else 0.0


class Picture(QLabel):
    """A drawing that fills the space it is given, re-rendered (sharp) whenever that changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.path: Path | None = None

    def aspect(self) -> float:
        """Width over height of the drawing shown, 0 when there is none."""
        return image_aspect(self.path) if self.path is not None else 0.0

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
    """The learner's view laid out for the window it is in: the picture beside the text on a wide window
    and below it on a narrow one, the text as large as fits and scrolling (with a cue) when it cannot."""

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
        self.text_points = (MIN_POINTS, MIN_POINTS)  # smallest and preferred size of the lesson text
        self.setObjectName("presenter")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        palette.setColor(self.foregroundRole(), QColor("#111111"))
        self.setPalette(palette)
        self.lesson_label = QLabel()
        self.lesson_label.setWordWrap(True)
        self.step_title = QLabel()
        self.step_title.setWordWrap(True)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.MarkdownText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_area = _scroll_area(self.step_title, self.body)
        self.text_area.verticalScrollBar().rangeChanged.connect(self._update_hint)
        self.text_area.verticalScrollBar().valueChanged.connect(self._update_hint)
        self.more_hint = QLabel()
        self.more_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        hint_policy = self.more_hint.sizePolicy()
        hint_policy.setRetainSizeWhenHidden(True)  # the text does not jump when the hint comes and goes
        self.more_hint.setSizePolicy(hint_policy)
        self.more_hint.hide()
        self.picture = Picture()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes_panel = _scroll_area(self.notes)
        notes_palette = self.notes_panel.palette()
        notes_palette.setColor(QPalette.ColorRole.Window, QColor("#fff4cc"))
        self.notes_panel.setPalette(notes_palette)
        self.notes_panel.setAutoFillBackground(True)
        notes_content = self.notes_panel.widget()
        assert notes_content is not None  # _scroll_area always sets one
        notes_content.setAutoFillBackground(True)
        self.notes_panel.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.notes_button = QPushButton()
        self.close_button = QPushButton()
        for button in (self.previous_button, self.next_button, self.notes_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys always reach the presenter
            button.setMinimumHeight(64)
        theme.primary(self.next_button)
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.notes_button.clicked.connect(self.toggle_notes)
        self.close_button.clicked.connect(self.close)

        text_column = QVBoxLayout()
        text_column.setSpacing(4)
        text_column.addWidget(self.text_area, 1)
        text_column.addWidget(self.more_hint)
        self.side = QWidget()  # the picture, and the notes when they are open
        side_layout = QVBoxLayout(self.side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(SPACING)
        side_layout.addWidget(self.picture, 1)
        side_layout.addWidget(self.notes_panel)
        self.stage = QWidget()
        self.stage.installEventFilter(self)  # lays itself out again when its size changes
        self.stage_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.stage)
        self.stage_layout.setContentsMargins(0, 0, 0, 0)
        self.stage_layout.setSpacing(SPACING)
        self.stage_layout.addLayout(text_column, 1)
        self.stage_layout.addWidget(self.side)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(SPACING // 2)  # they all fit at 200 % in an 800-pixel window
        self.buttons.addWidget(self.close_button)
        self.buttons.addWidget(self.notes_button)
        self.buttons.addWidget(self.progress, 1)
        self.buttons.addWidget(self.previous_button)
        self.buttons.addWidget(self.next_button)
        self.progress_row = (
            QVBoxLayout()
        )  # the progress bar, on its own row when the buttons leave it no room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.lesson_label)
        layout.addWidget(self.stage, 1)
        layout.addLayout(self.progress_row)
        layout.addLayout(self.buttons)
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
        self.more_hint.setText(self.tr("▼ more below"))

    def apply_fonts(self) -> None:
        """The lesson text large (fitted to each step), the volunteer's controls at the window's text size."""
        points = QApplication.font().pointSizeF()
        preferred = max(points * TEXT_FACTOR, MIN_POINTS)
        self.text_points = (min(max(points * SMALLEST_FACTOR, MIN_POINTS), preferred), preferred)
        controls = max(points, MIN_POINTS * 0.7)
        for widget, factor, bold in (
            (self.lesson_label, 1.0, False),
            (self.notes, 1.0, False),
            (self.more_hint, 1.0, True),
            (self.progress, 0.9, False),
            (self.previous_button, 1.1, True),
            (self.next_button, 1.1, True),
            (self.notes_button, 0.9, False),
            (self.close_button, 0.9, False),
        ):
            widget.setFont(_font(controls * factor, bold))
        self._set_text_points(preferred)

    def _preferred_points(self) -> float:
        """The lesson text's size before fitting: the text-size setting's, or larger on a big window,
        so a projector or a 1080p screen is filled as well as a laptop at 200 %."""
        line_pixels = self.height() / LINES_PER_WINDOW
        window_points = line_pixels / 1.4 * 72 / max(self.logicalDpiY(), 1)  # a line is ~1.4 font heights
        return max(self.text_points[1], window_points)

    def _set_text_points(self, points: float) -> None:
        self.body.setFont(_font(points, False))
        self.step_title.setFont(_font(points * TITLE_FACTOR, True))

    # Layout -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.stage and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    def _place_progress(self) -> None:
        """The progress bar between the buttons while its text fits there, else on a row of its own."""
        buttons = (self.close_button, self.notes_button, self.previous_button, self.next_button)
        needed = sum(b.sizeHint().width() for b in buttons) + 4 * self.buttons.spacing()
        text = self.progress.fontMetrics().horizontalAdvance(self.progress.text() or "0000000000")
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - needed
        apart = room < text + 6 * self.progress.fontMetrics().averageCharWidth()
        if apart and self.progress_row.indexOf(self.progress) < 0:
            self.buttons.removeWidget(self.progress)
            self.progress_row.addWidget(self.progress)
            self.buttons.insertStretch(2, 1)
        elif not apart and self.buttons.indexOf(self.progress) < 0:
            self.progress_row.removeWidget(self.progress)
            stretch = self.buttons.itemAt(2)
            if stretch is not None and stretch.spacerItem() is not None:
                self.buttons.removeItem(stretch)
            self.buttons.insertWidget(2, self.progress, 1)

    def _text_height(self, width: int) -> int:
        """How tall the step's title and text are at their preferred size in a column this wide."""
        self._set_text_points(self._preferred_points())
        return self.step_title.heightForWidth(width) + SPACING // 2 + self.body.heightForWidth(width)

    def _arrange(self) -> None:
        """Place the picture and the notes for this window's shape, then fit the lesson text."""
        self._place_progress()
        width, height = self.stage.width(), self.stage.height()
        if width < 100 or height < 100:
            return
        aspect = self.picture.aspect()
        notes_open = not self.notes_panel.isHidden()
        bar = self.text_area.verticalScrollBar().sizeHint().width()
        column = QFontMetrics(_font(self.text_points[0], False)).averageCharWidth() * READABLE_CHARS + bar
        room = width - column - SPACING  # what the text column can spare beside it
        wide = self.width() > WIDE_RATIO * self.height() and room >= 0.25 * width
        for widget in (self.side, self.picture, self.notes_panel):
            widget.setMinimumSize(0, 0)
            widget.setMaximumSize(_UNLIMITED, _UNLIMITED)
        picture_height = 0
        if wide:
            self.stage_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            room = min(int(SIDE_SHARE * width), room)
            picture_height = int(height * (PICTURE_WITH_NOTES if notes_open else 1.0)) if aspect else 0
            side = min(room, int(picture_height * aspect)) if aspect else 0
            if notes_open:
                side = max(side, min(int(NOTES_SHARE_WIDE * width), room))
                if aspect:
                    picture_height = min(picture_height, int(side / aspect))
                    self.picture.setFixedHeight(picture_height)
            self.side.setFixedWidth(max(side, 1))
        else:
            self.stage_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            text_least = int(TEXT_SHARE * self.height()) + self.more_hint.sizeHint().height() + 4
            notes = 0
            if notes_open:
                wanted = self.notes.heightForWidth(width - bar) + 2
                notes = max(min(wanted, int(NOTES_SHARE * self.height()), height - text_least - SPACING), 80)
                self.notes_panel.setFixedHeight(notes)
            # Text and picture share what the notes leave: the picture gets PICTURE_SHARE of it, or
            # all the text does not need at its preferred size (a short step has a big picture).
            shared = height - SPACING - (notes + SPACING if notes_open else 0)
            shared -= self.more_hint.sizeHint().height() + 4
            text_need = self._text_height(width - bar)
            picture_height = (
                min(int(width / aspect), max(int(PICTURE_SHARE * shared), shared - text_need))
                if aspect
                else 0
            )
            if picture_height < SMALLEST_PICTURE:
                picture_height = 0
            self.picture.setFixedHeight(picture_height)
            if picture_height and notes_open:
                self.side.setFixedHeight(picture_height + SPACING + notes)
        self.picture.setVisible(picture_height > 0)
        self.side.setVisible(picture_height > 0 or notes_open)
        self.stage_layout.activate()
        self._fit_text()

    def _fit_text(self) -> None:
        """The lesson text as large as fits, down to its smallest size; a step longer than that scrolls."""
        width = self.text_area.width() - self.text_area.verticalScrollBar().sizeHint().width()
        height = self.text_area.height()
        smallest, preferred = self.text_points[0], self._preferred_points()
        if width < 100 or height < 50 or smallest >= preferred:
            return

        def fits(points: float) -> bool:  # the whole step, in lines of READABLE_CHARS or more
            self._set_text_points(points)
            if QFontMetrics(self.body.font()).averageCharWidth() * READABLE_CHARS > width:
                return False
            spacing = SPACING // 2  # as _scroll_area stacks the title and the body
            return self.step_title.heightForWidth(width) + spacing + self.body.heightForWidth(width) <= height

        if fits(preferred):
            return
        low, high = smallest, preferred
        for _ in range(5):
            middle = (low + high) / 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        self._set_text_points(low)

    def _update_hint(self) -> None:
        bar = self.text_area.verticalScrollBar()
        self.more_hint.setVisible(bar.value() < bar.maximum())

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
        self.picture.show_file(self.pack.root / step.images[0] if step.images else None)
        self._arrange()
        self.text_area.verticalScrollBar().setValue(0)
        self.progress.setRange(0, self.step_count)
        self.progress.setValue(self.index + 1)
        self.previous_button.setEnabled(self.index > 0)
        last = self.index == self.step_count - 1
        self.next_button.setText(self.tr("Finish  ✓") if last else self.tr("Next  ▶"))
        self.step_shown.emit(self.index)

    def next_step(self) -> None:
        if self.index == self.step_count - 1:
            self.finished.emit()
            self.close()
        else:
            self.show_step(self.index + 1)

    def previous_step(self) -> None:
        self.show_step(self.index - 1)

    def toggle_notes(self) -> None:
        self.notes_panel.setVisible(self.notes_panel.isHidden())
        self._arrange()

    def scroll_text(self, lines: int) -> None:
        bar = self.text_area.verticalScrollBar()
        bar.setValue(bar.value() + lines * QFontMetrics(self.body.font()).lineSpacing())

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
        elif key == Qt.Key.Key_Down:
            self.scroll_text(3)
        elif key == Qt.Key.Key_Up:
            self.scroll_text(-3)
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


def _font(points: float, bold: bool) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _scroll_area(*labels: QLabel) -> QScrollArea:
    """A frameless area that scrolls `labels` (stacked) when they are taller than it."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(SPACING // 2)
    for label in labels:
        column.addWidget(label)
    column.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys always reach the presenter
    area.setWidget(content)
    return area
