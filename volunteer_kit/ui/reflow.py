"""Pieces that let a list page fit a small laptop at large text: a row of filters that wraps, a table
whose lesser columns wait behind a "Columns…" chooser, a list/detail split that turns vertical when
the window is narrow, and the sentence a search with no match shows instead of an empty table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.widgets import ScaledLabel


def row_height(metrics: QFontMetrics) -> int:
    """A table row: roomy at normal text, tighter at 200 % so five rows fit a 680-pixel screen."""
    return metrics.height() + max(13, int(metrics.height() * 0.35))


class FlowLayout(QLayout):
    """Items side by side, wrapping to a new row when the width runs out (Qt's flow layout example).

    Items that expand horizontally share a row's spare width; a word-wrapped label is given at most
    the row's width and the height it needs there. Its minimum size is the widest item, one row high,
    so wrapping never raises the window's minimum height."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 — Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        shown = self._shown()
        width = max((i.minimumSize().width() for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            width = min(max(item.sizeHint().width(), item.minimumSize().width()), max(area.width(), 1))
            needed = width if not rows[-1] else used + self._gap + width
            if rows[-1] and needed > area.width():
                rows.append([])
                needed = width
            rows[-1].append((item, width))
            used = needed
        y = area.y()
        for row in rows:
            if not row:
                continue
            spare = area.width() - sum(w for _i, w in row) - self._gap * (len(row) - 1)
            growing = [i for i, _w in row if i.expandingDirections() & Qt.Orientation.Horizontal]
            extra = spare // len(growing) if growing and spare > 0 else 0
            sized = [(i, w + (extra if i in growing else 0)) for i, w in row]
            height = max(
                i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height() for i, w in sized
            )
            x = area.x()
            for item, width in sized:
                if place:
                    own = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
                    own = min(own, height)
                    item.setGeometry(QRect(QPoint(x, y + (height - own) // 2), QSize(width, own)))
                x += width + self._gap
            y += height + self._gap
        return y - self._gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0


class FlowLabel(QLabel):
    """A word-wrapped label that asks a flow row for the width of its whole text on one line; when
    the row is narrower, it wraps there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumWidth(1)

    def sizeHint(self) -> QSize:  # noqa: N802
        margins = self.contentsMargins()
        lines = self.text().split("\n")
        width = max(self.fontMetrics().horizontalAdvance(line) for line in lines) + 2
        width += margins.left() + margins.right() + 2 * self.margin()
        return QSize(width, self.heightForWidth(width))


class CodedLines(QWidget):
    """Lines a person reads by their meaning, each with its code (NLS-1.2, HH-3) as a small grey note
    under it. text() gives them as "code meaning" lines of plain text (to copy, for screen readers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._lines: list[tuple[str, str]] = []
        self._blocks: list[QWidget] = []

    def text(self) -> str:
        return "\n".join(f"{code} {line}" for code, line in self._lines)

    def set_lines(self, lines: Sequence[tuple[str, str]]) -> None:
        for block in self._blocks:
            self._layout.removeWidget(block)
            block.deleteLater()
        self._lines = list(lines)
        self._blocks = []
        for code, line in self._lines:
            block = QWidget()
            layout = QVBoxLayout(block)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            meaning = QLabel(line)
            meaning.setWordWrap(True)
            meaning.setMinimumWidth(1)
            meaning.setTextFormat(Qt.TextFormat.PlainText)
            meaning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            note = ScaledLabel(0.85)
            note.setText(code)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(meaning)
            layout.addWidget(note)
            self._layout.addWidget(block)
            self._blocks.append(block)


def flow_row(*widgets: QWidget, spacing: int = 8) -> QWidget:
    """`widgets` in a FlowLayout on a widget of their own."""
    row = QWidget()
    layout = FlowLayout(row, spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return row


def field(label: QLabel, editor: QWidget, *, grow: bool = False) -> QWidget:
    """A label and its box, kept together when a flow row wraps."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(editor, 1)
    policy = QSizePolicy.Policy.Expanding if grow else QSizePolicy.Policy.Fixed
    pair.setSizePolicy(policy, QSizePolicy.Policy.Fixed)
    return pair


class FittingComboBox(QComboBox):
    """A combo box as wide as its current choice, not its longest one: a row of filters stays narrow,
    and the choice shown is never cut. Its list opens as wide as its longest item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(
            metrics.horizontalAdvance(self.currentText()) + metrics.averageCharWidth(), metrics.height()
        )
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def showPopup(self) -> None:  # noqa: N802
        view = self.view()
        scroll = view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(view.sizeHintForColumn(0) + scroll + 2 * self.fontMetrics().averageCharWidth())
        super().showPopup()


# Per table, the columns the user showed or hid with the chooser: kept for the session.
_CHOSEN: dict[str, dict[int, bool]] = {}


class ColumnChooser(QPushButton):
    """ "Columns…": a menu of the table's columns with check boxes.

    Each column is as wide as its share of average characters and never narrower than its header.
    Columns the user did not choose show in order of `rank` while they fit the table's width; the
    `keep` column (the name) always shows."""

    def __init__(
        self,
        table: QTableView,
        key: str,
        *,
        chars: Sequence[int],
        rank: Sequence[int],
        keep: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.key = key
        self.chars = tuple(chars)
        self.rank = [keep, *[c for c in rank if c != keep]]
        self.keep = keep
        self.setMenu(QMenu(self))
        self.actions_by_column: list[QAction] = []
        for column in range(len(self.chars)):
            action = QAction(self)
            action.setCheckable(True)
            action.setEnabled(column != keep)
            action.toggled.connect(lambda checked, c=column: self._chosen(c, checked))
            self.menu().addAction(action)
            self.actions_by_column.append(action)
        table.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Columns…"))
        self.setToolTip(self.tr("Choose which columns the list shows"))
        model = self.table.model()
        for column, action in enumerate(self.actions_by_column):
            action.setText(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def column_width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # a selected row shows its header titles in bold
        title = str(self.table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        metrics = QFontMetrics(font)
        char = self.table.fontMetrics().averageCharWidth()
        return max(
            self.chars[column] * char, metrics.horizontalAdvance(title) + 2 * metrics.averageCharWidth()
        )

    def room(self) -> int:
        """The width columns can take without a horizontal scroll bar."""
        table = self.table
        return table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()

    def needed_width(self, columns: int = 2) -> int:
        """The width for the first `columns` columns by rank: the list's share of a wide window."""
        table = self.table
        widths = sum(self.column_width(c) for c in self.rank[:columns])
        return widths + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(self.table.fontMetrics().averageCharWidth() * 3)
        chosen = _CHOSEN.get(self.key, {})
        room = self.room()
        used = 0
        for column in self.rank:
            width = self.column_width(column)
            if column == self.keep:
                show = True
            elif column in chosen:
                show = chosen[column]
            else:
                show = used + width <= room
            header.setSectionHidden(column, not show)
            if show:
                header.resizeSection(column, width)
                used += width
            action = self.actions_by_column[column]
            action.blockSignals(True)
            action.setChecked(show)
            action.blockSignals(False)

    def _chosen(self, column: int, checked: bool) -> None:
        _CHOSEN.setdefault(self.key, {})[column] = checked
        self.fit()


class ListDetailSplitter(QSplitter):
    """The list beside its detail on a wide window, above it when the window is narrow or the text large.

    `needed_width()` gives the width both need side by side; `list_height()` the height the list needs
    (five rows) when it is on top. On top, the list gets at least 55 % of the height."""

    def __init__(
        self, needed_width: Callable[[], int], list_height: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.needed_width = needed_width
        self.list_height = list_height
        self._arranged = False  # the first arrangement sets the sizes
        self.setChildrenCollapsible(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.arrange()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.arrange()

    def arrange(self) -> None:
        if self.count() < 2 or not self.isVisible():
            return
        wide = self.width() >= self.needed_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        turned = orientation != self.orientation() or not self._arranged
        self._arranged = True
        if turned:
            self.setOrientation(orientation)
        if orientation == Qt.Orientation.Horizontal:
            if turned:
                total = self.width() - self.handleWidth()
                self.setSizes([total * 3 // 5, total - total * 3 // 5])
            return
        total = self.height() - self.handleWidth()
        top = self.sizes()[0]
        least = max(int(total * 0.55), min(self.list_height(), int(total * 0.8)))
        if turned or top < least:
            top = max(least, int(total * 0.6))
            self.setSizes([top, total - top])


class NoMatch(EmptyState):
    """Where the table was: one sentence saying nothing matched, and the two ways forward (clear the
    search; add the one who was looked for). The pages set the words and connect the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.clear_button = self.button
        self.clear_button.setVisible(True)
        self.add_button = self.second_button()
