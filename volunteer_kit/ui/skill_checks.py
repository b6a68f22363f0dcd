"""The skill checks at the end of a lesson: one row per learner present, one column per check.

Columns carry short names ("Kỹ năng 2"); the check's whole sentence is in the tooltips and in the line
under the grid, which follows the cell that has the focus. Arrows move between cells, Space ticks, and
the whole cell is the target (big fingers, old eyes). The names of the columns stay in view while the
learners scroll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import language
from volunteer_kit.ui.widgets import ScaledLabel

if TYPE_CHECKING:
    from volunteer_kit.packs.reader import Pack
    from volunteer_kit.ui.teaching import Present

TICKED = QColor("#c8e6c9")  # a ticked cell is green from across the room
PRESS = QEvent.Type.KeyPress
MOVES = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}


class TickBox(QCheckBox):
    """One cell: the whole cell is the target, its box drawn large in the middle, the focus plain to see."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def side(self) -> int:
        metric = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        return max(metric, int(self.fontMetrics().height() * 1.2))

    def sizeHint(self) -> QSize:
        side = self.side()
        return QSize(side * 3, int(side * 1.5))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        cell = self.rect().adjusted(2, 2, -2, -2)
        if self.isChecked():
            painter.fillRect(cell, TICKED)
        if self.hasFocus():
            width = max(3, self.fontMetrics().height() // 8)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), width))
            painter.drawRect(cell.adjusted(width // 2, width // 2, -(width + 1) // 2, -(width + 1) // 2))
        option = QStyleOptionButton()
        self.initStyleOption(option)
        side = self.side()
        option.rect = QRect(0, 0, side, side)
        option.rect.moveCenter(self.rect().center())
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option)


class SkillChecksDialog(QDialog):
    """Tick what each learner did by themselves."""

    def __init__(self, pack: Pack, learners: list[Present], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practical skill checks"))
        lang = language()
        checks = pack.manifest.skill_checks
        self.learners = learners
        self.sentences: list[str] = []  # the whole sentence of each column, optional marked
        self.headers: list[QLabel] = []
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        self.cells: list[list[TickBox]] = []
        self._where: dict[TickBox, tuple[int, int]] = {}
        self.short_names: list[str] = []
        optional = self.tr(" (optional)")
        head = QGridLayout()
        body = self.body_grid = QGridLayout()
        self.corner = ScaledLabel(1.0, bold=True)
        self.corner.setText(self.tr("Learners"))
        head.addWidget(self.corner, 0, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        for column, check in enumerate(checks, start=1):
            short = self.tr("Skill %1").replace("%1", str(column))
            sentence = check.text.get(lang) + ("" if check.required else optional)
            self.short_names.append(short)
            self.sentences.append(sentence)
            header = ScaledLabel(1.0, bold=True)
            header.setText(short if check.required else f"{short}\n{optional.strip()}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setToolTip(sentence)
            self.headers.append(header)
            head.addWidget(header, 0, column, Qt.AlignmentFlag.AlignBottom)
        self.names: list[QLabel] = []
        for row, learner in enumerate(learners):
            name = QLabel(learner.full_name)
            self.names.append(name)
            body.addWidget(name, row, 0)
            line = []
            for column, check in enumerate(checks):
                box = TickBox()
                box.setToolTip(self.sentences[column])
                box.setAccessibleName(f"{learner.full_name}: {self.short_names[column]}")
                box.installEventFilter(self)
                self.boxes[(learner.learner_id, check.id)] = box
                self._where[box] = (row, column)
                body.addWidget(box, row, column + 1)
                line.append(box)
            self.cells.append(line)
        body.setRowStretch(len(learners), 1)
        self.head_area = self._area(head, frozen=True)
        self.body_area = self._area(body, frozen=False)
        self.body_area.horizontalScrollBar().valueChanged.connect(
            self.head_area.horizontalScrollBar().setValue
        )
        self._line_up(head, body)
        self.focus_line = QLabel()  # the focused cell's learner and whole sentence
        self.focus_line.setWordWrap(True)
        self.focus_line.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.focus_line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        intro = QLabel(self.tr("Tick what each learner did by themselves."))
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.main_layout = QVBoxLayout(self)
        for widget in (intro, self.head_area, self.body_area, self.focus_line, self.buttons):
            self.main_layout.addWidget(widget, 1 if widget is self.body_area else 0)
        self._fit(parent)
        if self.cells and self.cells[0]:
            self.cells[0][0].setFocus()
            self._show_cell(0, 0)

    def _area(self, grid: QGridLayout, *, frozen: bool) -> QScrollArea:
        content = QWidget()
        content.setLayout(grid)
        area = QScrollArea()
        area.setWidget(content)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if frozen else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if frozen:
            area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def _line_up(self, head: QGridLayout, body: QGridLayout) -> None:
        """The same column widths above and below. (Names do not wrap: a label that wraps makes the scroll
        area show a sideways scroll bar it does not need.)"""
        char = self.fontMetrics().averageCharWidth()
        names = [label.sizeHint().width() for label in self.names]
        widths = [max([self.corner.sizeHint().width(), *names])]
        box = self.cells[0][0].sizeHint().width() if self.cells and self.cells[0] else 0
        widths += [max(header.sizeHint().width(), box) + char for header in self.headers]
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        for grid in (head, body):
            grid.setHorizontalSpacing(char // 2)
            for column, width in enumerate(widths):
                grid.setColumnMinimumWidth(column, width)
                grid.setColumnStretch(column, 0)
            grid.setColumnStretch(len(widths), 1)  # any room left is at the right
        # The header scrolls with the body: with the body's scroll bar beside it, it needs as much more.
        head.setContentsMargins(body.contentsMargins().left(), 0, body.contentsMargins().right() + bar, 0)
        self.head_area.setFixedHeight(head.sizeHint().height())

    def _fit(self, parent: QWidget | None) -> None:
        """As large as the grid wants, never larger than its window (or, without one, the screen)."""
        # The window is already fitted to its screen (main_window._fit_to_screen).
        room = parent.window().size() if parent is not None else self.screen().availableGeometry().size()
        content = self.body_grid.sizeHint()
        margins = self.main_layout.contentsMargins()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        slack = self.fontMetrics().averageCharWidth()  # an exact fit still shows a sideways scroll bar
        width = content.width() + margins.left() + margins.right() + bar + slack
        width = max(width, self.minimumSizeHint().width())
        height = self.sizeHint().height() - self.body_area.sizeHint().height() + content.height() + bar
        self.resize(QSize(width, height).boundedTo(room))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, TickBox) and watched in self._where:
            row, column = self._where[watched]
            if event.type() == QEvent.Type.FocusIn:
                self._show_cell(row, column)
            elif isinstance(event, QKeyEvent) and event.type() == PRESS and event.key() in MOVES:
                down, right = MOVES[Qt.Key(event.key())]
                self._move_to(row + down, column + right)
                return True
        return super().eventFilter(watched, event)

    def _move_to(self, row: int, column: int) -> None:
        if 0 <= row < len(self.cells) and 0 <= column < len(self.cells[row]):
            self.cells[row][column].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_cell(self, row: int, column: int) -> None:
        self.body_area.ensureWidgetVisible(self.cells[row][column])
        self.focus_line.setText(
            f"{self.learners[row].full_name} · {self.short_names[column]}: {self.sentences[column]}"
        )

    def results(self) -> dict[tuple[str, str], bool]:
        return {key: box.isChecked() for key, box in self.boxes.items()}
