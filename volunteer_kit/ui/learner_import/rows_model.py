"""The rows of a checked commune list in a table: each as it will be stored, with its verdict, refused
rows tinted. The import window shows them twice: every row before importing, the refused ones after."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from volunteer_kit.core.vocab import GENDERS
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.labels import groups_text, label

if TYPE_CHECKING:  # the importer is loaded on the worker, not at start-up
    from volunteer_kit.imports.learner_list import ListRow

AnyIndex = QModelIndex | QPersistentModelIndex

REFUSED_BACKGROUND = QColor("#fde7e6")
REFUSED_TEXT = QColor("#6b1410")


class ListRowsModel(QAbstractTableModel):
    """Rows of a checked list as they will be stored, each with its verdict; refused rows tinted."""

    HEADERS = {
        "line": QT_TRANSLATE_NOOP("ListRowsModel", "Line"),
        "name": QT_TRANSLATE_NOOP("ListRowsModel", "Full name"),
        "birth_year": QT_TRANSLATE_NOOP("ListRowsModel", "Birth year"),
        "gender": QT_TRANSLATE_NOOP("ListRowsModel", "Gender"),
        "phone": QT_TRANSLATE_NOOP("ListRowsModel", "Phone"),
        "hamlet": QT_TRANSLATE_NOOP("ListRowsModel", "Hamlet"),
        "groups": QT_TRANSLATE_NOOP("ListRowsModel", "Groups"),
        "result": QT_TRANSLATE_NOOP("ListRowsModel", "Result"),
        "reason": QT_TRANSLATE_NOOP("ListRowsModel", "Reason"),
    }

    def __init__(self, columns: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[ListRow] = []
        self._raw_names: dict[int, str] = {}

    def set_rows(self, rows: list[ListRow], raw_names: dict[int, str]) -> None:
        """`raw_names`: line -> the name cell as written (a refused name has no stored form)."""
        self.beginResetModel()
        self._rows = rows
        self._raw_names = raw_names
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.columns):
            return None
        return QCoreApplication.translate("ListRowsModel", self.HEADERS[self.columns[section]])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell_text(row, self.columns[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and not row.ok:
            return REFUSED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and not row.ok:
            return REFUSED_TEXT
        return None

    def name_of(self, row: ListRow) -> str:
        return str(row.values.get("full_name") or self._raw_names.get(row.line, ""))

    def cell_text(self, row: ListRow, column: str) -> str:
        values = row.values
        if column == "line":
            return str(row.line)
        if column == "name":
            return self.name_of(row)
        if column == "birth_year":
            return str(values.get("birth_year") or "")
        if column == "gender":
            return label(GENDERS, values.get("gender"))  # type: ignore[arg-type]
        if column == "phone":
            return str(values.get("phone") or "")
        if column == "hamlet":
            return str(values.get("hamlet") or "")
        if column == "groups":
            return groups_text(tuple(values.get("groups") or ()))  # type: ignore[arg-type]
        if column == "reason":
            return "; ".join(row.problems)
        if row.ok:
            return "✓ " + QCoreApplication.translate("ListRowsModel", "will be imported")
        return "✗ " + "; ".join(row.problems)


def fit_columns(table: QTableView, chars: Sequence[int]) -> None:
    """Column widths in average characters, never narrower than the header; rows follow the font."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    model = table.model()
    for column, count in enumerate(chars):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(
            count * metrics.averageCharWidth(),
            metrics.horizontalAdvance(title) + 4 * metrics.averageCharWidth(),
        )
        header.resizeSection(column, width)
    table.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.6))


def rows_table(model: ListRowsModel) -> QTableView:
    """A table of list rows: whole rows selected, one line each, columns the user can widen."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table
