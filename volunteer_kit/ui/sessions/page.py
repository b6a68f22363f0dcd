"""Sessions: every teaching session, and one session's detail with its attendance.

Attendance is a fact: ticking or unticking a box records a new attendance record
that supersedes the learner's current one (store.attendance.record_attendance),
never an edit. Notes and "attendance closed" are editable fields of the session.
A closed session shows its boxes read-only; "Correct attendance" unlocks them,
because a later correction (an officer fixing a mistake) is legitimate.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.records import LearnerRow, SessionDetail, SessionFilter
from volunteer_kit.core.vocab import SESSION_KINDS
from volunteer_kit.errors import KnownError, language
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.file_dialogs import save_file_name
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.learner_picker import PickLearnerDialog
from volunteer_kit.ui.ops import ReadOp, WriteOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.sessions.detail_view import SessionDetailView
from volunteer_kit.ui.sessions.sessions_model import SessionsModel
from volunteer_kit.ui.sessions.walk_in_dialog import WalkInDialog
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel

SEARCH_DELAY_MS = 150
# Narrower than this many characters, the list and the detail take turns (200 % text on a laptop).
COMPACT_BELOW_CHARS = 110


class SessionsPage(Page):
    listed = Signal(int)  # number of sessions shown, after each search
    detail_shown = Signal(object)  # SessionDetail or None
    attendance_recorded = Signal(str)  # learner id, after a mark was written
    notes_saved = Signal(int)  # the session's new revision
    attendance_closed = Signal(str)  # session id
    roster_exported = Signal(object)  # (format, path, Roster) once written, or the error

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.selected_id: str | None = None
        self._search_generation = 0
        self._detail_generation = 0
        self._count: int | None = None
        self.walk_in_dialog: WalkInDialog | None = None
        self.pick_dialog: PickLearnerDialog | None = None
        self.heading = ScaledLabel(1.4, bold=True)
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_box)
        self.kind_box = QComboBox()
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind_box)
        self.count_label = QLabel()
        self.model = SessionsModel(self)
        self.table = QListView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setSpacing(2)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setAccessibleName(self.tr("Teaching sessions"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail_view = SessionDetailView()
        view = self.detail_view
        view.model.mark_changed.connect(self.record_mark)
        view.save_notes_button.clicked.connect(self.save_notes)
        view.walk_in_button.clicked.connect(self.add_walk_in)
        view.add_learner_button.clicked.connect(self.add_learner)
        view.close_button.clicked.connect(self.close_attendance)
        view.correct_button.toggled.connect(self._correcting_toggled)
        view.export_roster_button.clicked.connect(self.choose_roster_export)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.kind_box.currentIndexChanged.connect(lambda _i: self.run_search())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus)

        # No session to list: one sentence and the way forward (teach one, or clear the search).
        self.empty_list = EmptyState(callback=self._empty_action)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_list)
        # At large text sizes (or in a narrow window) the list and the detail take turns: the page
        # opens on the newest session (the one just taught, most often), the detail's first button
        # leads to the list, and a session opens from it on a click or Enter.
        self.compact = False
        self._detail_wanted = True
        self.table.clicked.connect(lambda _index: self._open_current())
        self.table.activated.connect(lambda _index: self._open_current())
        view.back_button.clicked.connect(self.back_to_list)
        view.empty_attendance.acted.connect(lambda: self.add_learner(late=False))

        filters = QGridLayout()
        filters.addWidget(self.search_label, 0, 0)
        filters.addWidget(self.search_box, 0, 1)
        filters.addWidget(self.kind_label, 1, 0)
        filters.addWidget(self.kind_box, 1, 1)
        filters.setColumnStretch(1, 1)
        self.list_pane = QWidget()
        left_layout = QVBoxLayout(self.list_pane)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)
        # No scroll area around the detail: its actions stay in view and its list scrolls by itself.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_pane)
        self.splitter.addWidget(self.detail_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.splitter)
        self.retranslate()
        self.fit_columns()
        self.splitter.setSizes([440, 560])

    # Texts and sizes -------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Sessions")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Teaching sessions"))
        self.search_label.setText(self.tr("&Search:"))
        self.search_box.setPlaceholderText(self.tr("Place, hamlet or lesson pack"))
        self.search_box.setToolTip(self.tr("Type with or without accents"))
        self.search_box.setAccessibleName(self.tr("Search sessions"))
        self.kind_label.setText(self.tr("&Kind:"))
        self._fill_kinds()
        self._relayout()
        self.detail_view.retranslate()
        self._show_count()
        if self._count == 0:
            self._show_empty_list()

    def _fill_kinds(self) -> None:
        kind = self.kind_box.currentData()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(self.tr("All kinds"), None)
        for code in SESSION_KINDS:
            self.kind_box.addItem(label(SESSION_KINDS, code), code)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))
        self.kind_box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
            self._arrange_panes()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_panes()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrange_panes()

    def _arrange_panes(self) -> None:
        """Side by side where both have room (the detail's actions in one or two rows), else in turns.
        Judged on the page as shown: a page never shown has no width of its own yet."""
        if self.isVisible():
            char = self.fontMetrics().averageCharWidth()
            self.compact = self.width() < char * COMPACT_BELOW_CHARS
        self._show_panes()

    def _show_panes(self) -> None:
        has_rows = bool(self.model.rows)
        detail_turn = self.compact and self._detail_wanted and has_rows
        show_detail = has_rows and (detail_turn or not self.compact)
        if show_detail and not self.detail_view.isVisible():
            handle = self.splitter.handleWidth()
            width = self.splitter.width() if detail_turn else self.splitter.width() * 3 // 5 - handle
            self.detail_view.arrange_actions(width=width)
        self.list_pane.setVisible(not detail_turn)
        self.detail_view.setVisible(show_detail)
        self.detail_view.back_button.setVisible(self.compact)

    def _open_current(self) -> None:
        """A session clicked or chosen with Enter: in turns, its detail takes the page."""
        if not self.compact:
            return
        index = self.table.currentIndex()
        if index.isValid():
            session_id = self.model.rows[index.row()].session.id
            if session_id != self.selected_id:
                self.show_session(session_id)
            self._detail_wanted = True
            self._show_panes()
            self.detail_view.table.setFocus()

    def back_to_list(self) -> None:
        self._detail_wanted = False
        self._show_panes()
        self.table.setFocus()

    def _empty_action(self) -> None:
        if self._filtered():
            self.search_box.clear()  # searches again after the usual pause
            self.kind_box.setCurrentIndex(0)
            self.run_search()
        else:
            self.open_page.emit("lessons")

    def _filtered(self) -> bool:
        flt = self.current_filter()
        return bool(flt.text.strip()) or flt.kind is not None

    def _show_empty_list(self) -> None:
        if self._filtered():
            self.empty_list.set_texts(
                self.tr("No session matches this search."), self.tr("&Clear the search")
            )
        else:
            self.empty_list.set_texts(
                self.tr(
                    "No teaching sessions yet. A session is recorded when you teach a lesson: "
                    "choose the lesson, then who came."
                ),
                self.tr("&Teach a lesson…"),
            )

    def fit_columns(self) -> None:
        """Row heights and column widths from the current font (they follow the text size)."""
        self._relayout()  # the rows' heights follow the font
        self.detail_view.table.fit()
        self.detail_view.arrange_actions(force=True)

    def _relayout(self) -> None:
        """Have the views ask the model again (texts, row heights): a layout change, announced first as
        the model contract asks."""
        self.model.layoutAboutToBeChanged.emit()
        self.model.layoutChanged.emit()

    def _show_count(self) -> None:
        if self._count is None:
            self.count_label.setText(self.tr("Loading…"))
        else:
            self.count_label.setText(self.tr("%n session(s)", "", self._count))

    # Loading ---------------------------------------------------------------------------------
    def current_filter(self) -> SessionFilter:
        return SessionFilter(text=self.search_box.text(), kind=self.kind_box.currentData())

    def refresh(self) -> None:
        self.run_search()

    def run_search(self) -> None:
        from volunteer_kit.packs.outline import installed_outlines
        from volunteer_kit.store import sessions

        self._timer.stop()
        self._search_generation += 1
        generation = self._search_generation
        flt, lang = self.current_filter(), language()

        def done(rows: list[Any]) -> None:
            if generation != self._search_generation:
                return  # the user typed on; a newer search is coming
            self._show_rows(rows)

        ReadOp(
            self.store,
            lambda conn: sessions.session_lines(
                conn, flt, {pack_id: o.title(lang) for pack_id, o in installed_outlines().items()}
            ),
            parent=self,
        ).success(done).run()

    def _show_rows(self, rows: list[Any]) -> None:
        keep = self.selected_id
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self._count = len(rows)
        self._show_count()
        self.list_stack.setCurrentWidget(self.table if rows else self.empty_list)
        if not rows:
            self._show_empty_list()
        self._show_panes()
        row = self.model.row_of(keep)
        if row < 0 and keep is None and rows:
            row = 0  # the newest session, e.g. the one just taught
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row))
            self.table.selectionModel().blockSignals(False)
            self.show_session(self.model.rows[row].session.id)
        else:
            self.show_session(None)
        self.listed.emit(len(rows))

    def open_session(self, session_id: str) -> None:
        """Show this session (from the Today page): clear the filter so it is in the list."""
        self.selected_id = session_id
        self._detail_wanted = True
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.kind_box.blockSignals(True)
        self.kind_box.setCurrentIndex(0)
        self.kind_box.blockSignals(False)
        self.run_search()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if rows:
            self.show_session(self.model.rows[min(rows)].session.id)

    def show_session(self, session_id: str | None) -> None:
        from volunteer_kit.packs.outline import installed_outlines
        from volunteer_kit.store import sessions

        self.selected_id = session_id
        self._detail_generation += 1
        generation = self._detail_generation
        if session_id is None:
            self.detail_view.show_detail(None)
            self.detail_shown.emit(None)
            return

        def done(answer: tuple[SessionDetail | None, dict[str, PackOutline]]) -> None:
            if generation != self._detail_generation:
                return
            detail, outlines = answer
            self.detail_view.outlines = outlines
            self.detail_view.show_detail(detail)
            self.detail_shown.emit(detail)

        ReadOp(
            self.store,
            lambda conn: (sessions.session_detail(conn, session_id), installed_outlines()),
            parent=self,
        ).success(done).run()

    def reload_detail(self) -> None:
        self.show_session(self.selected_id)

    # Roster ----------------------------------------------------------------------------------
    def choose_roster_export(self) -> None:
        detail = self.detail_view.detail
        if detail is None:
            return
        fmt = self.detail_view.roster_format_box.currentData()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / f"danh-sach-{local(detail.starts_at):%Y-%m-%d}.{fmt}"
        kinds = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF files (*.pdf)"),
        }[fmt]
        path = save_file_name(self, self.tr("Save the roster"), str(suggested), kinds)
        if path:
            self.export_roster_to(fmt, Path(path))

    def export_roster_to(self, fmt: str, path: Path) -> None:
        """Write the shown session's roster as `fmt` (csv, xlsx or pdf) to `path`, off the GUI thread."""
        from volunteer_kit.exports.roster import export_roster
        from volunteer_kit.packs.outline import installed_outlines

        view = self.detail_view
        detail = view.detail
        if detail is None or not view.export_roster_button.isEnabled():
            return
        path = Path(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        view.export_roster_button.setEnabled(False)
        view.status.setText(self.tr("Writing the roster…"))
        session_id, lang = detail.id, language()

        def done(roster: Any) -> None:
            view.status.setText(
                self.tr("Roster of %n people written to %1.", "", len(roster.lines)).replace("%1", str(path))
            )
            self.roster_exported.emit((fmt, path, roster))

        def failed(problem: KnownError) -> None:
            view.status.setText(problem.message())
            self.roster_exported.emit(problem)

        ReadOp(
            self.store,
            lambda conn: export_roster(conn, installed_outlines(), session_id, fmt, path, lang),
            parent=self,
        ).success(done).failure(failed).finished(lambda: view.export_roster_button.setEnabled(True)).run()

    # Attendance ------------------------------------------------------------------------------
    def record_mark(self, learner_id: str, present: bool, late: bool) -> None:
        """A box was ticked: record it as a new fact superseding the learner's current one."""
        detail = self.detail_view.detail
        if detail is None:
            return
        self._record(detail.id, learner_id, present=present, late=late)

    def _record(
        self, session_id: str, learner_id: str, *, present: bool, late: bool, walk_in: bool = False
    ) -> None:
        """Write a mark (a new attendance fact superseding the learner's current one)."""
        from volunteer_kit.store import attendance

        WriteOp(
            self.store,
            lambda conn: attendance.record_attendance(
                conn,
                session_id=session_id,
                learner_id=learner_id,
                present=present,
                late=late,
                walk_in=walk_in,
            ),
            parent=self,
        ).success(lambda _id: self.attendance_recorded.emit(learner_id)).failure(self._write_failed).run()

    def _write_failed(self, problem: KnownError) -> None:
        self.detail_view.status.setText(self.tr("Not saved: %1").replace("%1", problem.message()))
        self.reload_detail()  # the boxes show what is recorded

    def _correcting_toggled(self, _on: bool) -> None:
        detail = self.detail_view.detail
        if detail is not None:
            self.detail_view.show_detail(detail, keep_notes=True)
            if self.detail_view.correcting:
                self.detail_view.table.setFocus()

    def add_walk_in(self) -> None:
        detail = self.detail_view.detail
        if detail is None:
            return
        self.walk_in_dialog = WalkInDialog(self.store, detail.id, detail.hamlet, self)
        self.walk_in_dialog.ready.connect(self._walk_in_ready)
        self.walk_in_dialog.open()

    def _walk_in_ready(self, row: LearnerRow, already_registered: bool) -> None:
        detail = self.detail_view.detail
        if already_registered and detail is not None:  # the registered record joins the session
            self._record(detail.id, row.id, present=True, late=False, walk_in=True)
            message = self.tr("%1 is already registered and is now marked present.")
        else:
            self.attendance_recorded.emit(row.id)
            message = self.tr("%1 was added and marked present.")
        self.detail_view.status.setText(message.replace("%1", row.full_name))

    def add_learner(self, *, late: bool = True) -> None:
        """Add a registered learner: one who came late, or (a session with nobody yet) one who came."""
        detail = self.detail_view.detail
        if detail is None:
            return
        on_list = {row.learner_id for row in detail.attendance}
        self.pick_dialog = PickLearnerDialog(
            self.store,
            title=self.tr("Add a registered learner"),
            hint=self.tr("They are added as present and late.")
            if late
            else self.tr("They are added as present."),
            accept_text=self.tr("&Add as late") if late else self.tr("&Add as present"),
            unavailable=on_list,
            unavailable_note=self.tr("(already on the list)"),
            parent=self,
        )
        self.pick_dialog.accepted.connect(lambda: self._learner_picked(late))
        self.pick_dialog.open()

    def _learner_picked(self, late: bool = True) -> None:
        detail = self.detail_view.detail
        row = self.pick_dialog.chosen() if self.pick_dialog is not None else None
        if detail is None or row is None:
            return
        self._record(detail.id, row.id, present=True, late=late)
        message = self.tr("%1 was added as late.") if late else self.tr("%1 was added as present.")
        self.detail_view.status.setText(message.replace("%1", row.full_name))

    def close_attendance(self) -> None:
        from volunteer_kit.store import sessions

        detail = self.detail_view.detail
        if detail is None or not self.confirm_close(detail):
            return
        session_id = detail.id

        def done(_revision: int) -> None:
            self.detail_view.status.setText(self.tr("Attendance closed."))
            self.attendance_closed.emit(session_id)

        WriteOp(self.store, lambda conn: sessions.close_attendance(conn, session_id), parent=self).success(
            done
        ).failure(self._write_failed).run()

    def confirm_close(self, detail: SessionDetail) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Close attendance"),
            self.tr(
                "Close the attendance of this session? %1 of %2 learners are marked present.\n\n"
                "The boxes become read-only; a mistake can still be corrected later."
            )
            .replace("%1", str(detail.present_count))
            .replace("%2", str(len(detail.attendance))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # Notes -----------------------------------------------------------------------------------
    def save_notes(self) -> None:
        from volunteer_kit.store import sessions

        detail = self.detail_view.detail
        if detail is None:
            return
        view = self.detail_view
        view.notes_status.setText(self.tr("Saving…"))
        session_id, notes = detail.id, view.notes.toPlainText()

        def done(revision: int) -> None:
            view.notes.document().setModified(False)
            view.notes_status.setText(self.tr("Saved."))
            self.notes_saved.emit(revision)

        def failed(problem: KnownError) -> None:
            view.notes_status.setText(self.tr("Not saved: %1").replace("%1", problem.message()))

        WriteOp(
            self.store, lambda conn: sessions.save_session_notes(conn, session_id, notes), parent=self
        ).success(done).failure(failed).run()
