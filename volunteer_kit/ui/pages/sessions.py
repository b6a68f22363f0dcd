"""Sessions: every teaching session, and one session's detail with its attendance.

Attendance is a fact: ticking or unticking a box records a new attendance record
that supersedes the learner's current one (store.teaching.record_attendance),
never an edit. Notes and "attendance closed" are editable fields of the session.
A closed session shows its boxes read-only; "Correct attendance" unlocks them,
because a later correction (an officer fixing a mistake) is legitimate.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.records import AttendanceRow, LearnerRow, SessionDetail, SessionFilter
from volunteer_kit.core.text import fold
from volunteer_kit.errors import InvalidInput, language
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.ui import teaching
from volunteer_kit.ui.labels import SESSION_KINDS, label
from volunteer_kit.ui.learner_picker import PickLearnerDialog
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, ScalingStyle, scrolling

SEARCH_DELAY_MS = 150
ROSTER_FORMATS = ("csv", "xlsx", "pdf")
AnyIndex = QModelIndex | QPersistentModelIndex
# Column widths in average character widths, so they follow the text size.


def _when(value: datetime) -> str:
    """A moment in Vietnam's time, in the user's locale (dd/MM/yyyy HH:mm)."""
    here = local(value)
    moment = QDateTime.fromString(here.strftime("%Y-%m-%dT%H:%M:%S"), Qt.DateFormat.ISODate)
    return QLocale().toString(moment, "dd/MM/yyyy HH:mm")


def place_text(place: str, hamlet: str) -> str:
    """The place, and the hamlet unless the place already names it."""
    if hamlet and fold(hamlet) not in fold(place):
        return ", ".join(p for p in (place, hamlet) if p)
    return place


def _error_text(error: BaseException) -> str:
    return error.message() if isinstance(error, InvalidInput) else str(error)


# The list of sessions --------------------------------------------------------------------------
class SessionsModel(QAbstractListModel):
    """The sessions of a search, newest first, two lines each so they read at any text size
    (a commune has hundreds of sessions, so every row is held)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []  # SessionListRow

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, session_id: str | None) -> int:
        return next((i for i, line in enumerate(self.rows) if line.session.id == session_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        session = line.session
        if role == Qt.ItemDataRole.DisplayRole:
            counts = (
                QCoreApplication.translate("SessionsModel", "%1/%2 present")
                .replace("%1", str(session.present_count))
                .replace("%2", str(session.attendance_count))
            )
            first = [_when(session.starts_at), label(SESSION_KINDS, session.kind), counts]
            if not line.attendance_closed:
                first.append(QCoreApplication.translate("SessionsModel", "● open"))
            second = " — ".join(p for p in (line.pack_title, place_text(session.place, session.hamlet)) if p)
            return " · ".join(first) + "\n" + second
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("SessionsModel", "Attendance is closed")
                if line.attendance_closed
                else QCoreApplication.translate("SessionsModel", "Attendance is still open")
            )
        if role == Qt.ItemDataRole.FontRole and not line.attendance_closed:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        return None


# The attendance of one session -----------------------------------------------------------------
ATTENDANCE_COLUMNS = (
    QT_TRANSLATE_NOOP("AttendanceModel", "Present"),
    QT_TRANSLATE_NOOP("AttendanceModel", "Late"),
    QT_TRANSLATE_NOOP("AttendanceModel", "About"),
)
PRESENT, LATE, ABOUT = range(3)


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
        self.verticalHeader().setDefaultSectionSize(int(metrics.height() * 2.0))
        self.setMinimumHeight(int(metrics.height() * 2.0 * 6))
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


# Dialogs ---------------------------------------------------------------------------------------
class WalkInDialog(QDialog):
    """A newcomer joins the session: name, birth year, consent read aloud (teaching.register_walk_in)."""

    ready = Signal(object, bool)  # LearnerRow, already registered

    def __init__(
        self, store: StoreClient, session_id: str, hamlet: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.hamlet = hamlet
        self.setWindowTitle(self.tr("Add a walk-in"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Full name of a newcomer"))
        self.new_year = QLineEdit()
        self.new_year.setPlaceholderText(self.tr("e.g. 1958"))
        self.new_year.setMaxLength(4)
        self.new_status = QLabel()
        self.new_status.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Someone not registered yet joined the session. They are added as present once they agree."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        name_label = QLabel(self.tr("&Full name:"))
        name_label.setBuddy(self.new_name)
        year_label = QLabel(self.tr("&Birth year:"))
        year_label.setBuddy(self.new_year)
        form.addRow(name_label, self.new_name)
        form.addRow(year_label, self.new_year)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("&Add with consent…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.add_walk_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.new_status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.sizeHint().height())

    def add_walk_in(self) -> None:
        def register(
            name: str, year: int | None, allow: bool, done: teaching.OnRegistered, failed: Any
        ) -> None:
            self.store.add_walk_in(
                session_id=self.session_id,
                full_name=name,
                birth_year=year,
                hamlet=self.hamlet,
                on_done=done,
                on_error=failed,
                allow_duplicate=allow,
            )

        teaching.register_walk_in(
            self,
            self.new_name.text(),
            self.new_year.text(),
            register,
            on_ready=self._ready,
            on_message=self.new_status.setText,
        )

    def _ready(self, row: LearnerRow, already_registered: bool) -> None:
        self.ready.emit(row, already_registered)
        self.accept()

    # The questions of a walk-in (tests replace them).
    def ask_consent(self, name: str, text: str) -> bool:
        return teaching.ask_consent(self, name, text)

    def offer_existing(self, existing: list[LearnerRow]) -> LearnerRow | None:
        return teaching.offer_existing(self, existing)

    def confirm_different_person(self) -> bool:
        return teaching.confirm_different_person(self)


# The detail of one session ---------------------------------------------------------------------
class SessionDetailView(QWidget):
    """One session: what was taught, where, by whom, notes, and the attendance list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: SessionDetail | None = None
        self.outlines: dict[str, PackOutline] = {}
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = ScaledLabel(1.4, bold=True)
        self.heading.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels = [QLabel() for _ in range(5)]
        self.fact_values = [QLabel() for _ in range(5)]
        for lab, value in zip(self.fact_labels, self.fact_values, strict=True):
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(lab, value)
        self.notes_title = ScaledLabel(1.15, bold=True)
        self.notes_title.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.notes.fontMetrics().height() * 4)
        self.notes_label.setBuddy(self.notes)
        self.save_notes_button = QPushButton()
        self.notes_status = QLabel()
        self.notes_status.setWordWrap(True)
        self.attendance_title = ScaledLabel(1.15, bold=True)
        self.attendance_title.setWordWrap(True)
        self.attendance_state = QLabel()
        self.attendance_state.setWordWrap(True)
        self.model = AttendanceModel(self)
        self.table = AttendanceTable()
        self.table.setModel(self.model)
        self.walk_in_button = QPushButton()
        self.add_learner_button = QPushButton()
        self.close_button = QPushButton()
        self.correct_button = QPushButton()
        self.correct_button.setCheckable(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.roster_format_box = QComboBox()
        for code in ROSTER_FORMATS:
            self.roster_format_box.addItem(code.upper(), code)
        self.export_roster_button = QPushButton()
        self.roster_row = QWidget()  # the format beside its button, one cell of the action grid
        roster_layout = QHBoxLayout(self.roster_row)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.addWidget(self.roster_format_box)
        roster_layout.addWidget(self.export_roster_button, 1)

        notes_buttons = QGridLayout()
        notes_buttons.addWidget(self.notes_status, 0, 0)
        notes_buttons.addWidget(self.save_notes_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        notes_buttons.setColumnStretch(0, 1)
        # Two buttons a row where they fit, one a row at large text sizes (see resizeEvent).
        self.action_grid = QGridLayout()
        self.action_buttons = (
            self.walk_in_button,
            self.add_learner_button,
            self.close_button,
            self.correct_button,
            self.roster_row,
        )
        self._action_columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.heading)
        layout.addLayout(self.facts)
        layout.addWidget(self.attendance_title)
        layout.addWidget(self.attendance_state)
        layout.addWidget(self.table, 3)
        layout.addLayout(self.action_grid)
        layout.addWidget(self.status)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addLayout(notes_buttons)
        self.show_detail(None)

    def resizeEvent(self, event: Any) -> None:
        self.arrange_actions()
        super().resizeEvent(event)

    def arrange_actions(self, *, force: bool = False) -> None:
        """Buttons two a row where they fit; facts under their labels when the pane is narrow."""
        narrow = self.width() < self.fontMetrics().averageCharWidth() * 48
        wrap = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else QFormLayout.RowWrapPolicy.WrapLongRows
        if self.facts.rowWrapPolicy() != wrap:
            self.facts.setRowWrapPolicy(wrap)
        if force:
            self._action_columns = 0
        widest = max(button.sizeHint().width() for button in self.action_buttons)
        columns = 2 if self.width() >= 2 * widest + 3 * self.action_grid.spacing() else 1
        if columns == self._action_columns:
            return
        self._action_columns = columns
        slot = 0
        for button in self.action_buttons:
            self.action_grid.removeWidget(button)
            if button is self.correct_button:
                slot -= 1  # shares the cell of Close attendance: one of the two shows at a time
            self.action_grid.addWidget(button, slot // columns, slot % columns)
            slot += 1

    @property
    def correcting(self) -> bool:
        return self.correct_button.isChecked()

    def retranslate(self) -> None:
        for lab, text in zip(
            self.fact_labels,
            (
                self.tr("Lesson pack"),
                self.tr("Lessons"),
                self.tr("Place"),
                self.tr("Volunteers"),
                self.tr("Time"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.placeholder.setText(self.tr("Choose a session in the list to see who came."))
        self.notes_title.setText(self.tr("Notes"))
        self.notes_label.setText(self.tr("&Notes of the session (what went well, what to repeat):"))
        self.save_notes_button.setText(self.tr("Sa&ve notes"))
        self.walk_in_button.setText(self.tr("Add &walk-in…"))
        self.walk_in_button.setToolTip(self.tr("Register someone new, with their consent, as present"))
        self.add_learner_button.setText(self.tr("Add &learner…"))
        self.add_learner_button.setToolTip(self.tr("Add a registered learner who came late"))
        self.close_button.setText(self.tr("&Close attendance…"))
        self.close_button.setToolTip(self.tr("The attendance list is complete"))
        self.correct_button.setText(self.tr("C&orrect attendance"))
        self.correct_button.setToolTip(
            self.tr("Unlock the boxes of a closed session to fix a mistake; every change is kept")
        )
        self.table.setAccessibleName(self.tr("Attendance: arrows to move, Space to tick"))
        self.export_roster_button.setText(self.tr("E&xport roster…"))
        self.export_roster_button.setToolTip(
            self.tr("Save the list of learners to print and sign, or to open in Excel")
        )
        self.roster_format_box.setAccessibleName(self.tr("Roster file format"))
        self.roster_format_box.setToolTip(self.tr("CSV and XLSX open in Excel; PDF is ready to print"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.show_detail(self.detail, keep_notes=True)
        self.arrange_actions(force=True)

    def show_detail(self, detail: SessionDetail | None, *, keep_notes: bool = False) -> None:
        """Show `detail`; keep_notes leaves notes being typed alone (a refresh of the same session)."""
        same = detail is not None and self.detail is not None and detail.id == self.detail.id
        if not same:
            self.correct_button.setChecked(False)
            self.notes_status.setText("")
            self.status.setText("")
        self.detail = detail
        empty = detail is None
        self.placeholder.setVisible(empty)
        for widget in (
            self.heading,
            self.notes_title,
            self.notes_label,
            self.notes,
            self.save_notes_button,
            self.notes_status,
            self.attendance_title,
            self.attendance_state,
            self.table,
            self.walk_in_button,
            self.add_learner_button,
            self.close_button,
            self.correct_button,
            self.roster_format_box,
            self.export_roster_button,
            self.status,
            *self.fact_labels,
            *self.fact_values,
        ):
            widget.setVisible(not empty)
        if detail is None:
            self.model.set_rows([], False)
            return
        self.heading.setText(f"{label(SESSION_KINDS, detail.kind)} · {_when(detail.starts_at)}")
        for widget, value in zip(self.fact_values, self._facts(detail), strict=True):
            widget.setText(value)
        if not (same and (keep_notes or self.notes.document().isModified())):
            self.notes.setPlainText(detail.notes)
            self.notes.document().setModified(False)
        self._show_attendance(detail)

    def _facts(self, detail: SessionDetail) -> tuple[str, str, str, str, str]:
        lang = language()
        outline = self.outlines.get(detail.pack_id)
        pack = outline.title(lang) if outline else detail.pack_id
        if outline is not None and not outline.verified:
            pack += self.tr(" (not verified)")
        pack += " · " + self.tr("version %1").replace("%1", detail.pack_version)
        lessons = "\n".join(
            f"{number}. {outline.lesson_title(lesson_id, lang) if outline else lesson_id}"
            for number, lesson_id in enumerate(detail.lesson_ids, start=1)
        )
        place = place_text(detail.place, detail.hamlet)
        volunteers = ", ".join(detail.volunteer_names)
        time = _when(detail.starts_at)
        if detail.ends_at is not None:
            same_day = local(detail.ends_at).date() == local(detail.starts_at).date()
            time += " – " + (_when(detail.ends_at)[-5:] if same_day else _when(detail.ends_at))
        return pack, lessons or "—", place or "—", volunteers or "—", time

    def _show_attendance(self, detail: SessionDetail) -> None:
        registered = len(detail.attendance)
        self.attendance_title.setText(
            self.tr("Attendance: %1 of %2 present")
            .replace("%1", str(detail.present_count))
            .replace("%2", str(registered))
        )
        editable = not detail.attendance_closed or self.correcting
        if not detail.attendance_closed:
            state = self.tr("Open: tick who is here (arrows to move, Space to tick).")
        elif self.correcting:
            state = self.tr("Closed; correcting: each change is recorded as a correction.")
        else:
            state = self.tr("Closed. To fix a mistake, press “Correct attendance”.")
        self.attendance_state.setText(state)
        self.model.set_rows(detail.attendance, editable)
        self.close_button.setVisible(not detail.attendance_closed)
        self.correct_button.setVisible(detail.attendance_closed)
        self.walk_in_button.setEnabled(editable)
        self.add_learner_button.setEnabled(editable)


# The page --------------------------------------------------------------------------------------
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

        filters = QGridLayout()
        filters.addWidget(self.search_label, 0, 0)
        filters.addWidget(self.search_box, 0, 1)
        filters.addWidget(self.kind_label, 1, 0)
        filters.addWidget(self.kind_box, 1, 1)
        filters.setColumnStretch(1, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scrolling(self.detail_view))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.splitter)
        self.retranslate()
        self.fit_columns()
        self.splitter.setSizes([520, 480])

    # Texts and sizes -------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Sessions")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Teaching sessions"))
        self.search_label.setText(self.tr("&Search:"))
        self.search_box.setPlaceholderText(self.tr("Place, hamlet or lesson pack; accents optional"))
        self.search_box.setAccessibleName(self.tr("Search sessions"))
        self.kind_label.setText(self.tr("&Kind:"))
        self._fill_kinds()
        self.model.layoutChanged.emit()
        self.detail_view.retranslate()
        self._show_count()

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
        super().changeEvent(event)

    def fit_columns(self) -> None:
        """Row heights and column widths from the current font (they follow the text size)."""
        self.model.layoutChanged.emit()  # the rows' heights follow the font
        self.detail_view.table.fit()
        self.detail_view.arrange_actions(force=True)

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
        self._timer.stop()
        self._search_generation += 1
        generation = self._search_generation

        def done(rows: list[Any]) -> None:
            if generation != self._search_generation:
                return  # the user typed on; a newer search is coming
            self._show_rows(rows)

        self.store.session_lines(self.current_filter(), language(), done)

    def _show_rows(self, rows: list[Any]) -> None:
        keep = self.selected_id
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self._count = len(rows)
        self._show_count()
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

        self.store.session_detail(session_id, done)

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
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the roster"), str(suggested), kinds)
        if path:
            self.export_roster_to(fmt, Path(path))

    def export_roster_to(self, fmt: str, path: Path) -> None:
        """Write the shown session's roster as `fmt` (csv, xlsx or pdf) to `path`, off the GUI thread."""
        view = self.detail_view
        detail = view.detail
        if detail is None or not view.export_roster_button.isEnabled():
            return
        path = Path(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        view.export_roster_button.setEnabled(False)
        view.status.setText(self.tr("Writing the roster…"))

        def done(roster: Any) -> None:
            view.export_roster_button.setEnabled(True)
            view.status.setText(
                self.tr("Roster of %n people written to %1.", "", len(roster.lines)).replace("%1", str(path))
            )
            self.roster_exported.emit((fmt, path, roster))

        def failed(error: BaseException) -> None:
            view.export_roster_button.setEnabled(True)
            if isinstance(error, InvalidInput):
                text = error.message()
            else:
                text = self.tr("Could not write the roster: %1").replace("%1", str(error).splitlines()[0])
            view.status.setText(text)
            self.roster_exported.emit(error)

        self.store.export_roster(detail.id, fmt, path, language(), done, failed)

    # Attendance ------------------------------------------------------------------------------
    def record_mark(self, learner_id: str, present: bool, late: bool) -> None:
        """A box was ticked: record it as a new fact superseding the learner's current one."""
        detail = self.detail_view.detail
        if detail is None:
            return
        self.store.record_attendance(
            session_id=detail.id,
            learner_id=learner_id,
            present=present,
            late=late,
            on_done=lambda _id: self.attendance_recorded.emit(learner_id),
            on_error=self._write_failed,
        )

    def _write_failed(self, error: BaseException) -> None:
        self.detail_view.status.setText(self.tr("Not saved: %1").replace("%1", _error_text(error)))
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
            self.store.record_attendance(
                session_id=detail.id,
                learner_id=row.id,
                present=True,
                late=False,
                walk_in=True,
                on_done=lambda _id: self.attendance_recorded.emit(row.id),
                on_error=self._write_failed,
            )
            message = self.tr("%1 is already registered and is now marked present.")
        else:
            self.attendance_recorded.emit(row.id)
            message = self.tr("%1 was added and marked present.")
        self.detail_view.status.setText(message.replace("%1", row.full_name))

    def add_learner(self) -> None:
        detail = self.detail_view.detail
        if detail is None:
            return
        on_list = {row.learner_id for row in detail.attendance}
        self.pick_dialog = PickLearnerDialog(
            self.store,
            title=self.tr("Add a registered learner"),
            hint=self.tr("They are added as present and late."),
            accept_text=self.tr("&Add as late"),
            unavailable=on_list,
            unavailable_note=self.tr("(already on the list)"),
            parent=self,
        )
        self.pick_dialog.accepted.connect(self._learner_picked)
        self.pick_dialog.open()

    def _learner_picked(self) -> None:
        detail = self.detail_view.detail
        row = self.pick_dialog.chosen() if self.pick_dialog is not None else None
        if detail is None or row is None:
            return
        self.store.record_attendance(
            session_id=detail.id,
            learner_id=row.id,
            present=True,
            late=True,
            on_done=lambda _id: self.attendance_recorded.emit(row.id),
            on_error=self._write_failed,
        )
        self.detail_view.status.setText(self.tr("%1 was added as late.").replace("%1", row.full_name))

    def close_attendance(self) -> None:
        detail = self.detail_view.detail
        if detail is None or not self.confirm_close(detail):
            return
        session_id = detail.id

        def done(_revision: int) -> None:
            self.detail_view.status.setText(self.tr("Attendance closed."))
            self.attendance_closed.emit(session_id)

        self.store.close_attendance(session_id, done, self._write_failed)

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
        detail = self.detail_view.detail
        if detail is None:
            return
        view = self.detail_view
        view.notes_status.setText(self.tr("Saving…"))

        def done(revision: int) -> None:
            view.notes.document().setModified(False)
            view.notes_status.setText(self.tr("Saved."))
            self.notes_saved.emit(revision)

        def failed(error: BaseException) -> None:
            view.notes_status.setText(self.tr("Not saved: %1").replace("%1", _error_text(error)))

        self.store.save_session_notes(detail.id, view.notes.toPlainText(), done, failed)
