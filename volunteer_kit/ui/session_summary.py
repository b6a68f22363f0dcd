"""The end of a teaching session: who came, how each did, who may now receive a certificate, and the
roster to print (the same export as the Sessions page)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.errors import KnownError, language
from volunteer_kit.ui.file_dialogs import save_file_name
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.widgets import ScaledLabel

if TYPE_CHECKING:
    from volunteer_kit.store.session_summary import SessionSummary
    from volunteer_kit.ui.store_client import StoreClient

ELIGIBLE = QColor("#c8e6c9")
NAME, QUIZ, SKILLS, CERTIFICATE = range(4)


class SessionSummaryDialog(QDialog):
    """Who attended, their quiz score and skills at this session, and who became eligible."""

    roster_exported = Signal(object)  # (format, path, Roster) once written, or the problem

    def __init__(self, store: StoreClient, summary: SessionSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.summary = summary
        self.setWindowTitle(self.tr("Session summary"))
        self.heading = ScaledLabel(1.3, bold=True)
        self.heading.setText(summary.pack_title)
        self.heading.setWordWrap(True)
        self.about = QLabel(
            " · ".join(
                part
                for part in (
                    summary.place,
                    f"{local(summary.starts_at):%d/%m/%Y}",
                    self.tr("%n learner(s) present", "", len(summary.lines)),
                )
                if part
            )
        )
        self.about.setWordWrap(True)
        self.eligible = ScaledLabel(1.1, bold=True)  # the news of the day, when there is some
        self.eligible.setWordWrap(True)
        names = [line.full_name for line in summary.newly_eligible]
        self.eligible.setText(self.tr("Now eligible for a certificate: %1").replace("%1", ", ".join(names)))
        self.eligible.setVisible(bool(names))
        self.table = self._table()
        self.status = QLabel()  # what became of the roster: shown once there is something to say
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.roster_button = QPushButton(self.tr("&Print roster…"))
        self.roster_button.clicked.connect(self.choose_roster_file)
        self.buttons.addButton(self.roster_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.main_layout = QVBoxLayout(self)
        for widget in (self.heading, self.about, self.eligible, self.table, self.status, self.buttons):
            self.main_layout.addWidget(widget, 1 if widget is self.table else 0)
        self._fit(parent)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _table(self) -> QTableWidget:
        summary = self.summary
        table = QTableWidget(len(summary.lines), 4)
        titles = [self.tr("Full name"), self.tr("Quiz score"), self.tr("Skills"), self.tr("Certificate")]
        for column, title in enumerate(titles):
            table.setHorizontalHeaderItem(column, QTableWidgetItem(title))
        skills = QTableWidgetItem(titles[SKILLS])
        skills.setToolTip(self.tr("Practical skill checks"))
        table.setHorizontalHeaderItem(SKILLS, skills)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.6))
        bold = table.font()
        bold.setBold(True)
        for row, line in enumerate(summary.lines):
            score = "—" if line.quiz_score is None else f"{line.quiz_score:.0f}%"
            cells = [
                line.full_name,
                score,
                f"{line.checks_shown}/{summary.checks_total}",
                self.tr("✓ eligible") if line.newly_eligible else "",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column != NAME:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if line.newly_eligible:
                    item.setBackground(ELIGIBLE)
                    item.setForeground(QColor("black"))
                    item.setFont(bold)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        return table

    def _fit(self, parent: QWidget | None) -> None:
        """As large as the list wants, never larger than its window (or, without one, the screen)."""
        # The window is already fitted to its screen (main_window._fit_to_screen).
        room = parent.window().size() if parent is not None else self.screen().availableGeometry().size()
        table = self.table
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        header = table.horizontalHeader()
        width = sum(
            max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in range(table.columnCount())
        )
        rows = table.verticalHeader().defaultSectionSize() * table.rowCount() + header.sizeHint().height()
        margins = self.main_layout.contentsMargins()
        width += bar * 2 + margins.left() + margins.right()
        natural = QSize(
            max(width, self.fontMetrics().averageCharWidth() * 70),
            self.sizeHint().height() - table.sizeHint().height() + rows + table.frameWidth() * 2,
        )
        self.resize(natural.boundedTo(room))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(True)

    # The roster ---------------------------------------------------------------------------------
    def choose_roster_file(self) -> None:
        chosen = self.ask_roster_file()
        if chosen is not None:
            self.export_roster_to(*chosen)

    def ask_roster_file(self) -> tuple[str, Path] | None:
        """The format and the file for the roster, from a save dialog (tests replace this): a PDF, ready
        to print, unless the name typed ends in .xlsx or .csv."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / f"danh-sach-{local(self.summary.starts_at):%Y-%m-%d}.pdf"
        kinds = self.tr("PDF files (*.pdf)")
        chosen = save_file_name(self, self.tr("Save the roster"), str(suggested), kinds)
        if not chosen:
            return None
        path = Path(chosen)
        return (path.suffix.lower()[1:] if path.suffix.lower() in (".xlsx", ".csv") else "pdf"), path

    def export_roster_to(self, fmt: str, path: Path) -> None:
        """Write the session's roster as `fmt` (csv, xlsx or pdf) to `path`, off the GUI thread."""
        from volunteer_kit.exports.roster import export_roster
        from volunteer_kit.packs.outline import installed_outlines

        if not self.roster_button.isEnabled():
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        self.roster_button.setEnabled(False)
        self._say(self.tr("Writing the roster…"))
        session_id, lang = self.summary.session_id, language()

        def done(roster: Any) -> None:
            self._say(
                self.tr("Roster of %n people written to %1.", "", len(roster.lines)).replace("%1", str(path))
            )
            self.roster_exported.emit((fmt, path, roster))

        def failed(problem: KnownError) -> None:
            self._say(problem.message())
            self.roster_exported.emit(problem)

        ReadOp(
            self.store,
            lambda conn: export_roster(conn, installed_outlines(), session_id, fmt, path, lang),
            parent=self,
        ).success(done).failure(failed).finished(lambda: self.roster_button.setEnabled(True)).run()
