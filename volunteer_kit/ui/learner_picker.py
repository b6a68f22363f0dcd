"""Find one registered learner by name (accents optional): for a session, or to merge a duplicate."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.records import LearnerFilter, LearnerRow
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.store_client import StoreClient

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 200


def find_learners(
    store: StoreClient, text: str, *, parent: QWidget | None = None
) -> ReadOp[list[LearnerRow]]:
    """The first SEARCH_LIMIT learners whose name matches `text` (accents optional), in roster order."""
    from volunteer_kit.store import learners

    index = store.learner_index
    flt = LearnerFilter(text=text)
    return ReadOp(
        store,
        lambda conn: learners.rows_by_rowid(conn, index.search(conn, flt)[:SEARCH_LIMIT]),
        parent=parent,
    )


class PickLearnerDialog(QDialog):
    """A search box and the learners it finds; `chosen()` is the one picked. Learners in
    `unavailable` are shown greyed with `unavailable_note` (already on the list, the same record)."""

    searched = Signal(int)

    def __init__(
        self,
        store: StoreClient,
        *,
        title: str,
        hint: str,
        accept_text: str,
        unavailable: Collection[str] = (),
        unavailable_note: str = "",
        search: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.unavailable = set(unavailable)
        self.unavailable_note = unavailable_note
        self._generation = 0
        self.setWindowTitle(title)
        self.search_edit = QLineEdit(search)
        self.search_edit.setPlaceholderText(self.tr("Name; accents optional, e.g. nguyen thi hang"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Find learners:"))
        search_label.setBuddy(self.search_edit)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.results.currentRowChanged.connect(lambda _row: self._update_ok())
        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self._update_ok()
        metrics = self.fontMetrics()
        screen = (parent.screen() if parent else self.screen()).availableGeometry()
        self.resize(
            min(metrics.averageCharWidth() * 60, int(screen.width() * 0.9)),
            min(metrics.height() * 28, int(screen.height() * 0.9)),
        )
        self.search()

    def search(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        find_learners(self.store, self.search_edit.text(), parent=self).success(
            lambda rows: self._show(rows, generation)
        ).run()

    def _show(self, rows: list[LearnerRow], generation: int) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for row in rows:
            year = f" ({row.birth_year})" if row.birth_year else ""
            phone = f" · {row.phone}" if row.phone else ""
            text = f"{row.full_name}{year} · {row.hamlet or '—'}{phone}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            if row.id in self.unavailable:
                item.setText(f"{text} {self.unavailable_note}".rstrip())
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(item)
        enabled = (i for i in range(self.results.count()) if self._enabled(self.results.item(i)))
        self.results.setCurrentRow(next(enabled, -1))
        self._update_ok()
        self.searched.emit(len(rows))

    @staticmethod
    def _enabled(item: QListWidgetItem) -> bool:
        return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> LearnerRow | None:
        item = self.results.currentItem()
        if item is None or not self._enabled(item):
            return None
        return item.data(Qt.ItemDataRole.UserRole)
