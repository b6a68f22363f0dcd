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
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.records import SessionDetail
from volunteer_kit.core.vocab import SESSION_KINDS
from volunteer_kit.errors import language
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.sessions.attendance import AttendanceModel, AttendanceTable
from volunteer_kit.ui.sessions.texts import place_text, when
from volunteer_kit.ui.widgets import ScaledLabel

ROSTER_FORMATS = ("csv", "xlsx", "pdf")


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
