"""The detail of one session: what was taught, where, by whom, notes, and the attendance list.

A closed session shows its boxes read-only; "Correct attendance" unlocks them, because a later
correction (an officer fixing a mistake) is legitimate.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.records import SessionDetail
from volunteer_kit.core.vocab import SESSION_KINDS
from volunteer_kit.errors import language
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.ui import theme
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.sessions.attendance import AttendanceModel, AttendanceTable
from volunteer_kit.ui.sessions.texts import place_text, when
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

ROSTER_FORMATS = ("csv", "xlsx", "pdf")


class StatusLine(QLabel):
    """A line of news (saved, written, not saved) that takes no room while it has nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 — Qt's name
        super().setText(text)
        self.setVisible(bool(text))


class SessionDetailView(QWidget):
    """One session: what was taught, where, by whom, notes, and the attendance list.

    Its actions sit in a bar above the tabs, never in a scroll area; the attendance list takes the
    height that is left. What was taught and the notes are the second tab.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: SessionDetail | None = None
        self.outlines: dict[str, PackOutline] = {}
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Where the list and the detail take turns (large text, narrow window): the way back to the list.
        self.back_button = QPushButton()
        self.back_button.setVisible(False)
        self.heading = ScaledLabel(1.15, bold=True)
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
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes_label.setBuddy(self.notes)
        self.save_notes_button = QPushButton()
        self.notes_status = QLabel()
        self.notes_status.setWordWrap(True)
        self.attendance_title = QLabel()
        bold = self.attendance_title.font()
        bold.setBold(True)
        self.attendance_title.setFont(bold)
        self.attendance_title.setWordWrap(True)
        self.attendance_state = QLabel()
        self.attendance_state.setWordWrap(True)
        self.model = AttendanceModel(self)
        self.table = AttendanceTable()
        self.table.setModel(self.model)
        # A session with nobody on its list: one sentence and the way to fill it.
        self.empty_attendance = EmptyState()
        self.attendance_stack = QStackedWidget()
        self.attendance_stack.addWidget(self.table)
        self.attendance_stack.addWidget(self.empty_attendance)
        self.walk_in_button = QPushButton()
        self.add_learner_button = QPushButton()
        self.close_button = theme.primary(QPushButton())
        self.correct_button = QPushButton()
        self.correct_button.setCheckable(True)
        self.status = StatusLine()
        self.roster_format_box = QComboBox()
        for code in ROSTER_FORMATS:
            self.roster_format_box.addItem(code.upper(), code)
        self.export_roster_button = QPushButton()
        self.roster_row = QWidget()  # the format beside its button: one item of the action bar
        roster_layout = QHBoxLayout(self.roster_row)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.addWidget(self.roster_format_box)
        roster_layout.addWidget(self.export_roster_button, 1)
        self.closing_row = QWidget()  # Close attendance or Correct attendance: one shows at a time
        closing_layout = QHBoxLayout(self.closing_row)
        closing_layout.setContentsMargins(0, 0, 0, 0)
        closing_layout.addWidget(self.close_button)
        closing_layout.addWidget(self.correct_button)

        attendance_page = QWidget()
        attendance_layout = QVBoxLayout(attendance_page)
        attendance_layout.setContentsMargins(0, 2, 0, 0)
        attendance_layout.addWidget(self.attendance_title)
        attendance_layout.addWidget(self.attendance_state)
        attendance_layout.addWidget(self.attendance_stack, 1)
        facts = QWidget()
        facts.setLayout(self.facts)
        notes_buttons = QHBoxLayout()
        notes_buttons.addWidget(self.notes_status, 1)
        notes_buttons.addWidget(self.save_notes_button)
        about_page = QWidget()
        about_layout = QVBoxLayout(about_page)
        about_layout.setContentsMargins(0, 4, 0, 0)
        self.facts_area = scrolling(facts)  # the page's only scroll area; the notes scroll by themselves
        about_layout.addWidget(self.facts_area, 1)
        about_layout.addWidget(self.notes_label)
        about_layout.addWidget(self.notes, 1)
        about_layout.addLayout(notes_buttons)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(attendance_page, "")
        self.tabs.addTab(about_page, "")
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        # The roster beside the tabs: the row is there anyway, and the attendance list keeps the height.
        self.tabs.setCornerWidget(self.roster_row, Qt.Corner.TopRightCorner)
        self._no_corner = QWidget()  # the corner while the roster sits among the actions
        # The actions, rows of as many as fit (see arrange_actions), above the tabs: always in view.
        # The bar may be narrower than its rows: they are rearranged for the width it gets.
        self.action_area = QWidget()
        self.action_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.action_bar = QVBoxLayout(self.action_area)
        self.action_bar.setContentsMargins(0, 0, 0, 0)
        self.action_items = (self.walk_in_button, self.add_learner_button, self.closing_row)
        self._action_rows: list[QHBoxLayout] = []
        self._action_shape: tuple[bool | int, ...] = ()  # the roster in the corner; actions a row
        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        self.body = layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addLayout(top)
        layout.addWidget(self.action_area)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.show_detail(None)

    def resizeEvent(self, event: Any) -> None:
        self.arrange_actions()
        super().resizeEvent(event)

    def arrange_actions(self, *, force: bool = False, width: int | None = None) -> None:
        """As many actions a row as fit the width (this one's, or the `width` it is about to get: a
        pane shown with rows for another width would ask the window for more height than it has);
        facts under their labels when the pane is narrow."""
        width = self.width() if width is None else width
        narrow = width < self.fontMetrics().averageCharWidth() * 48
        wrap = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else QFormLayout.RowWrapPolicy.WrapLongRows
        if self.facts.rowWrapPolicy() != wrap:
            self.facts.setRowWrapPolicy(wrap)
        spacing = max(self.action_bar.spacing(), 6)
        margins = self.body.contentsMargins()
        room = width - margins.left() - margins.right()
        # The roster beside the tabs where both fit whole, else among the other actions.
        tabs_width = self.tabs.tabBar().sizeHint().width()
        in_corner = tabs_width + spacing + self.roster_row.sizeHint().width() <= room
        items = self.action_items if in_corner else (*self.action_items, self.roster_row)
        rows: list[list[QWidget]] = [[]]
        used = 0
        for item in items:
            item_width = item.sizeHint().width()
            if rows[-1] and used + spacing + item_width > room:
                rows.append([])
                used = 0
            rows[-1].append(item)
            used += item_width + (spacing if used else 0)
        shape = (in_corner, *(len(row) for row in rows))
        self.action_area.setMinimumWidth(max(item.sizeHint().width() for item in items))
        if shape == self._action_shape and not force:
            return
        self._action_shape = shape
        for row_layout in self._action_rows:
            while row_layout.count():
                row_layout.takeAt(0)
            self.action_bar.removeItem(row_layout)
            row_layout.deleteLater()
        self._action_rows = []
        if in_corner and self.tabs.cornerWidget(Qt.Corner.TopRightCorner) is not self.roster_row:
            self.tabs.setCornerWidget(self.roster_row, Qt.Corner.TopRightCorner)
        elif not in_corner and self.tabs.cornerWidget(Qt.Corner.TopRightCorner) is self.roster_row:
            self.tabs.setCornerWidget(self._no_corner, Qt.Corner.TopRightCorner)
        for row in rows:
            row_layout = QHBoxLayout()
            for item in row:
                row_layout.addWidget(item)
            row_layout.addStretch(1)
            self.action_bar.addLayout(row_layout)
            self._action_rows.append(row_layout)
        self.roster_row.setVisible(self.detail is not None)  # a widget that moves is hidden by Qt

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
        self.back_button.setText(self.tr("← &Back to the list"))
        self.tabs.setTabText(0, self.tr("&Attendance"))
        self.tabs.setTabText(1, self.tr("What was &taught, and notes"))
        self.empty_attendance.button.setToolTip(self.tr("Find each registered learner who came and add them"))
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
        for widget in (self.heading, self.tabs, self.roster_row, *self.action_items):
            widget.setVisible(not empty)
        self.status.setVisible(not empty and bool(self.status.text()))
        if detail is None:
            self.model.set_rows([], False)
            return
        self.heading.setText(f"{label(SESSION_KINDS, detail.kind)} · {when(detail.starts_at)}")
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
        time = when(detail.starts_at)
        if detail.ends_at is not None:
            same_day = local(detail.ends_at).date() == local(detail.starts_at).date()
            time += " – " + (when(detail.ends_at)[-5:] if same_day else when(detail.ends_at))
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
            state = self.tr("Open: tick who is here (Space ticks the chosen box).")
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
        nobody = registered == 0
        self.attendance_stack.setCurrentWidget(self.empty_attendance if nobody else self.table)
        if editable:
            self.empty_attendance.set_texts(
                self.tr("Nobody is on this session's list yet. Add the learners who came."),
                self.tr("Add the learne&rs who came…"),
            )
        else:  # nothing to add to until it is unlocked
            self.empty_attendance.set_texts(
                self.tr("Nobody is on this session's list. To add someone, press “Correct attendance”.")
            )
        self.arrange_actions()
