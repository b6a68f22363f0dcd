"""The attendance of one session: the model of its boxes and the table that shows them.

Attendance is a fact: ticking or unticking a box asks for a new attendance record that
supersedes the learner's current one, never an edit (the page records it).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from volunteer_kit.core.records import AttendanceRow
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.widgets import ScalingStyle

AnyIndex = QModelIndex | QPersistentModelIndex
ATTENDANCE_COLUMNS = (
    QT_TRANSLATE_NOOP("AttendanceModel", "Present"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Late"),
    QT_TRANSLATE_NOOP("AttendanceModel", "About"),
)
PRESENT, LATE, ABOUT = range(3)
ROW_HEIGHT = 1.4  # in text heights (the box is 1.25)


class AttendanceModel(QAbstractTableModel):
    """One row per learner: a box "present" (with the name), a box "late", and who they are.

    Ticking asks for a change (mark_changed); the page records it as a new fact.
    """

    mark_changed = Signal(str, bool, bool)  # learner id, present, late

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []
        self.editable = True

    def set_rows(self, rows: list[AttendanceRow], editable: bool) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.editable = editable
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ATTENDANCE_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AttendanceModel", ATTENDANCE_COLUMNS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags  # the root is no cell: nothing to select or tick
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() in (PRESENT, LATE):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (PRESENT, LATE):
            ticked = row.present if column == PRESENT else row.late
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PRESENT:
                return row.full_name
            return self._about(row) if column == ABOUT else None
        if role == Qt.ItemDataRole.ToolTipRole and column == PRESENT:
            return self._about(row) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column in (PRESENT, LATE):
            return f"{row.full_name}: {self.headerData(column, Qt.Orientation.Horizontal)}"
        return None

    @staticmethod
    def _about(row: AttendanceRow) -> str:
        parts = [str(row.birth_year) if row.birth_year else "", row.hamlet]
        if row.walk_in:
            parts.append(QCoreApplication.translate("AttendanceModel", "walk-in"))
        return " · ".join(p for p in parts if p)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not self.editable
            or index.column() not in (PRESENT, LATE)
        ):
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        row = self.rows[index.row()]
        if index.column() == PRESENT:
            changed = dataclasses.replace(row, present=ticked, late=row.late and ticked)
        else:  # someone late is there
            changed = dataclasses.replace(row, late=ticked, present=row.present or ticked)
        if (changed.present, changed.late) == (row.present, row.late):
            return False
        self.rows[index.row()] = changed
        self.dataChanged.emit(self.index(index.row(), PRESENT), self.index(index.row(), LATE))
        self.mark_changed.emit(row.learner_id, changed.present, changed.late)
        return True


class AttendanceTable(QTableView):
    """Arrows move between learners, Space ticks; the boxes grow with the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = ScalingStyle(1.25)  # bigger still in the attendance list; kept: not owned
        self.setStyle(self._style)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(False)

    def fit(self) -> None:
        metrics = self.fontMetrics()
        # Room around the box (1.25 text heights) without wasting the height a laptop lacks at 200 %.
        row = int(metrics.height() * ROW_HEIGHT)
        self.verticalHeader().setDefaultSectionSize(row)
        # Small enough that the window still fits 680 pixels at 200 % text; it grows into the room left.
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + row * 2 + 2 * self.frameWidth())
        self._fit_columns()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Names take the room the boxes leave. In a narrow pane (large text) the column "About"
        goes away: the name's tooltip tells the same."""
        header = self.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        available = self.viewport().width()
        late = max(header.sectionSizeHint(LATE), char * 8)
        about = char * 22
        narrow = available < char * 56
        self.setColumnHidden(ABOUT, narrow)
        if not narrow:
            header.resizeSection(ABOUT, about)
        header.resizeSection(LATE, late)
        header.resizeSection(PRESENT, max(char * 12, available - late - (0 if narrow else about)))
