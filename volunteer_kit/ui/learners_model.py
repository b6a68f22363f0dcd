"""The Learners table: a lazy Qt model that keeps only row ids and fetches rows by page.

Like Anki's browser table: a search gives the ordered row ids of every match
(cheap, even for 100,000 learners); the rows on screen are fetched a page at a
time off the GUI thread and kept in a small cache, so memory stays flat while
the user scrolls from end to end.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from volunteer_kit.core.records import LearnerRow
from volunteer_kit.core.vocab import GENDERS
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.labels import groups_text, label

PAGE_SIZE = 100
MAX_CACHED_PAGES = 30

COLUMNS = (
    QT_TRANSLATE_NOOP("LearnersModel", "Full name"),
    QT_TRANSLATE_NOOP("LearnersModel", "Birth year"),
    QT_TRANSLATE_NOOP("LearnersModel", "Gender"),
    QT_TRANSLATE_NOOP("LearnersModel", "Hamlet"),
    QT_TRANSLATE_NOOP("LearnersModel", "Groups"),
    QT_TRANSLATE_NOOP("LearnersModel", "Phone"),
)

# fetch(rowids, on_done) runs the query off the GUI thread and calls on_done(rows) on it.
PageFetcher = Callable[[Sequence[int], Callable[[list[LearnerRow]], None]], None]

AnyIndex = QModelIndex | QPersistentModelIndex


class LearnersModel(QAbstractTableModel):
    page_loaded = Signal(int)

    def __init__(self, fetch: PageFetcher, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rowids: list[int] = []
        # page number -> rows aligned with that page's row ids (None: gone since the search)
        self._pages: OrderedDict[int, list[LearnerRow | None]] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0

    # Content ----------------------------------------------------------------
    def set_rowids(self, rowids: list[int]) -> None:
        self.beginResetModel()
        self._rowids = rowids
        self._pages.clear()
        self._requested.clear()
        self._generation += 1
        self.endResetModel()

    def learner_at(self, row: int) -> LearnerRow | None:
        """The learner shown in `row`, if its page is loaded."""
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            return None
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def cached_pages(self) -> int:
        return len(self._pages)

    # Qt model ---------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("LearnersModel", COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rowids):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == 1:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        loaded, learner = self._learner(index.row())
        if not loaded:
            return "…" if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole else None
        if learner is None:
            return None
        column = index.column()
        if column == 0:
            return learner.full_name
        if column == 1:
            return str(learner.birth_year) if learner.birth_year else ""
        if column == 2:
            return label(GENDERS, learner.gender)
        if column == 3:
            return learner.hamlet
        if column == 4:
            return groups_text(learner.groups)
        if column == 5:
            return learner.phone or ""
        return None

    # Lazy pages -------------------------------------------------------------
    def _learner(self, row: int) -> tuple[bool, LearnerRow | None]:
        """(whether the row's page is loaded, the learner if it still exists)."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            return False, None
        self._pages.move_to_end(page_no)
        return True, page[row % PAGE_SIZE]

    def _request(self, page_no: int) -> None:
        if page_no in self._requested:
            return
        self._requested.add(page_no)
        generation = self._generation
        start = page_no * PAGE_SIZE
        rowids = self._rowids[start : start + PAGE_SIZE]

        def arrived(rows: list[LearnerRow]) -> None:
            if generation != self._generation:
                return  # a newer search replaced this list
            self._requested.discard(page_no)
            by_rowid = {row.rowid: row for row in rows}
            self._pages[page_no] = [by_rowid.get(rowid) for rowid in rowids]
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
            last = min(start + PAGE_SIZE, len(self._rowids)) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))
            self.page_loaded.emit(page_no)

        self._fetch(rowids, arrived)
