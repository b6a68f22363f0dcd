"""The Certificates page's tables (eligible learners, learners not yet eligible, issued certificates)
and the small widget helpers its dialogs share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.errors import language

AnyIndex = QModelIndex | QPersistentModelIndex
TABLE_ROWS_SHOWN = 8  # a table keeps at least this many rows in view; the page scrolls instead


def day(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "dd/MM/yyyy")


# Tables ----------------------------------------------------------------------------------------
ELIGIBLE_COLUMNS = (
    QT_TRANSLATE_NOOP("CertificatesModel", "Full name"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Birth year"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Hamlet"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Lesson pack"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Why eligible"),
)
WAITING_COLUMNS = (*ELIGIBLE_COLUMNS[:4], QT_TRANSLATE_NOOP("CertificatesModel", "What is missing"))
ISSUED_COLUMNS = (
    QT_TRANSLATE_NOOP("CertificatesModel", "Serial"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Full name"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Lesson pack"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Issued on"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Printed"),
    QT_TRANSLATE_NOOP("CertificatesModel", "State"),
)
# Column widths in average character widths (the last column takes the rest).
ELIGIBLE_CHARS = (26, 9, 16, 24)
ISSUED_CHARS = (22, 26, 24, 12, 12)


def _tr(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP (typed `object`), translated now."""
    return QCoreApplication.translate("CertificatesModel", str(text))


def learner_cells(row: Any, titles: dict[str, str]) -> list[str]:
    """An Eligibility row: name, birth year, hamlet, pack, and why (or what is missing)."""
    return [
        row.full_name,
        str(row.birth_year or ""),
        row.hamlet,
        titles.get(row.pack_id, row.pack_title),
        row.why(language()),
    ]


ERASED = QT_TRANSLATE_NOOP("CertificatesModel", "(consent withdrawn)")
PRINTED = QT_TRANSLATE_NOOP("CertificatesModel", "printed")
NOT_PRINTED = QT_TRANSLATE_NOOP("CertificatesModel", "not printed")
REVOKED = QT_TRANSLATE_NOOP("CertificatesModel", "revoked")
STANDING = QT_TRANSLATE_NOOP("CertificatesModel", "valid")


def issued_cells(row: Any, titles: dict[str, str]) -> list[str]:
    """A CertificateRow: serial, name, pack, date, printed or not, standing or revoked."""
    return [
        row.serial,
        row.full_name or _tr(ERASED),
        titles.get(row.pack_id, row.pack_id),
        day(local(row.issued_at).date()),
        _tr(PRINTED) if row.printed else _tr(NOT_PRINTED),
        _tr(REVOKED) if row.revoked else _tr(STANDING),
    ]


class CertificatesModel(QAbstractTableModel):
    """Rows of plain data (Eligibility or CertificateRow) in columns; optionally a tick box on the
    first column (the learners to issue to). Ticks survive a reload for the rows still there."""

    ticks_changed = Signal(int)  # how many rows are ticked

    def __init__(
        self,
        columns: Sequence[object],
        cells: Callable[[Any, dict[str, str]], list[str]],
        *,
        checkable: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._cells = cells
        self.checkable = checkable
        self.rows: list[Any] = []
        self._texts: list[list[str]] = []
        self.titles: dict[str, str] = {}
        self.ticked: set[tuple[str, str]] = set()

    @staticmethod
    def key(row: Any) -> tuple[str, str]:
        return (row.pack_id, getattr(row, "learner_id", "") or getattr(row, "serial", ""))

    def set_rows(self, rows: list[Any], titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.titles = titles
        self._texts = [self._cells(row, titles) for row in self.rows]
        self.ticked &= {self.key(row) for row in self.rows}
        self.endResetModel()
        self.ticks_changed.emit(len(self.ticked))

    def retranslate(self) -> None:
        self.set_rows(self.rows, self.titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def ticked_rows(self) -> list[Any]:
        return [row for row in self.rows if self.key(row) in self.ticked]

    def tick_all(self, ticked: bool) -> None:
        self.ticked = {self.key(row) for row in self.rows} if ticked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
        self.ticks_changed.emit(len(self.ticked))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags  # the root is no cell: nothing to select or tick
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        texts = self._texts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[-1] if index.column() in (0, len(texts) - 1) else None
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            ticked = self.key(self.rows[index.row()]) in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " · ".join(t for t in texts if t)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self.checkable or index.column() != 0:
            return False
        key = self.key(self.rows[index.row()])
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(key)
        else:
            self.ticked.discard(key)
        self.dataChanged.emit(index, index)
        self.ticks_changed.emit(len(self.ticked))
        return True


# Shown on the page and in its dialogs ----------------------------------------------------------
def table_view(model: CertificatesModel, *, multi: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fit_table(table: QTableView, chars: Sequence[int]) -> None:
    metrics = table.fontMetrics()
    for column, width in enumerate(chars):
        table.horizontalHeader().resizeSection(column, width * metrics.averageCharWidth())
    row = int(metrics.height() * 1.8)
    table.verticalHeader().setDefaultSectionSize(row)
    table.setMinimumHeight(row * TABLE_ROWS_SHOWN + table.horizontalHeader().sizeHint().height() + 4)


def tab_page(*parts: QWidget | QLayout) -> QWidget:
    """A tab of widgets and layouts one below the other; a table takes the height left."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if isinstance(part, QTableView) else 0)
        else:
            layout.addLayout(part)
    return tab


def refill(box: QComboBox, everything: str, items: Sequence[tuple[Any, str]]) -> None:
    """Fill a filter: `everything` (no choice, None) then the (value, text) items, keeping the choice
    made, even one the new list lacks. Quietly: refilling is no new choice."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(everything, None)
    for value, text in items:
        box.addItem(text, value)
    index = box.findData(chosen)
    if index < 0 and chosen is not None:
        box.addItem(str(chosen), chosen)
        index = box.count() - 1
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


def wrapping_label() -> QLabel:
    text = QLabel()
    text.setWordWrap(True)
    text.setMinimumWidth(1)  # wrap to the page at large text sizes instead of widening it
    text.setTextFormat(Qt.TextFormat.PlainText)
    return text


def fit_lines(edit: QPlainTextEdit, lines: int) -> None:
    """Room for exactly `lines` lines of text, whatever the text size."""
    margins = 2 * (edit.frameWidth() + int(edit.document().documentMargin())) + 4
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + margins)
