"""Reports: what a commune sends upward, for a period and the commune, one hamlet or one volunteer.

The figures come from exports.report.compute_report and are laid out by
exports.report_files.sections, the same tables the XLSX and PDF files hold; an
export computes the report once and both writes it and shows it, so the screen
and the file cannot differ. A missing figure shows as "—", never as 0.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import InvalidInput, KnownError, language
from volunteer_kit.ui import theme
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.file_dialogs import save_file_name
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.pages.report_figures import BarChart, SectionTable
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

DEFAULT_DAYS = 30
CHARTS = ("weeks", "packs", "groups")  # the sections drawn as charts, in this order


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReportsPage(Page):
    shown = Signal(object)  # the Report now on screen
    exported = Signal(object)  # (format, path, Report) once a file is written, or the error
    failed = Signal(str)  # the one-line error shown

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.role: str | None = None
        self.my_volunteer_id: str | None = None
        self.report: Any = None
        self.busy = False
        self._choices_loaded = False
        self._generation = 0
        self.heading = ScaledLabel(1.4, bold=True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        # The way forward from the explanation: enrolling with an officer or trainer code is on Sync.
        self.enroll_button = QPushButton()
        self.enroll_button.clicked.connect(lambda: self.open_page.emit("sync_page"))
        enroll_row = QHBoxLayout()
        enroll_row.addWidget(self.enroll_button)
        enroll_row.addStretch(1)
        self.enroll_row = QWidget()
        self.enroll_row.setLayout(enroll_row)
        enroll_row.setContentsMargins(0, 0, 0, 0)
        today = QDate.currentDate()
        self.from_edit = self._date_edit(today.addDays(-(DEFAULT_DAYS - 1)))
        self.to_edit = self._date_edit(today)
        self.hamlet_box = QComboBox()
        self.volunteer_box = QComboBox()
        for box in (self.hamlet_box, self.volunteer_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.from_label, self.to_label, self.hamlet_label, self.volunteer_label = (QLabel() for _ in range(4))
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.hamlet_label.setBuddy(self.hamlet_box)
        self.volunteer_label.setBuddy(self.volunteer_box)
        self.show_button = QPushButton()
        theme.primary(self.show_button)  # the page's main action: count the report
        self.show_button.clicked.connect(self.show_report)
        self.xlsx_button = QPushButton()
        self.xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: no percentage to show
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        # Nothing at all in the chosen days: why, and where the records that would count come from.
        self.nothing = EmptyState()
        self.nothing.setVisible(False)

        self.filters = QWidget()
        grid = QGridLayout(self.filters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.from_label, 0, 0)
        grid.addWidget(self.from_edit, 0, 1)
        grid.addWidget(self.to_label, 0, 2)
        grid.addWidget(self.to_edit, 0, 3)
        grid.addWidget(self.hamlet_label, 1, 0)
        grid.addWidget(self.hamlet_box, 1, 1)
        grid.addWidget(self.volunteer_label, 1, 2)
        grid.addWidget(self.volunteer_box, 1, 3)
        grid.setColumnStretch(4, 1)
        self.action_row = QWidget()
        buttons = QHBoxLayout(self.action_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.show_button)
        buttons.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)

        self.charts = {key: BarChart(key, vertical=key == "weeks") for key in CHARTS}
        self.chart_grid = QGridLayout()
        self._chart_columns = 0
        self.tables: dict[str, SectionTable] = {}
        self.table_titles: dict[str, QLabel] = {}
        self.tables_layout = QVBoxLayout()
        self.tables_layout.setSpacing(6)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.enroll_row)
        layout.addWidget(self.filters)
        layout.addWidget(self.action_row)
        layout.addWidget(self.status)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.nothing)
        layout.addLayout(self.chart_grid)
        layout.addLayout(self.tables_layout)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content))
        self._arrange_charts()
        self._show_role()
        self.retranslate()

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    # Texts and layout ------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reports"))
        self.enroll_button.setText(self.tr("&Enroll this laptop on the Sync page…"))
        self.from_label.setText(self.tr("Fro&m:"))
        self.to_label.setText(self.tr("&To:"))
        self.hamlet_label.setText(self.tr("H&amlet:"))
        self.volunteer_label.setText(self.tr("&Volunteer:"))
        self.from_edit.setAccessibleName(self.tr("First day of the report"))
        self.to_edit.setAccessibleName(self.tr("Last day of the report"))
        self.show_button.setText(self.tr("&Show"))
        self.show_button.setToolTip(self.tr("Count the figures for these days"))
        self.xlsx_button.setText(self.tr("Export &XLSX…"))
        self.xlsx_button.setToolTip(self.tr("Save these figures as an Excel workbook"))
        self.pdf_button.setText(self.tr("Export &PDF…"))
        self.pdf_button.setToolTip(self.tr("Save these figures as a PDF to print or send"))
        self.progress.setAccessibleName(self.tr("Working…"))
        self._fill_boxes(None, None)
        self._show_role()
        if self.report is not None and self.report.lang != language():
            self.show_report()  # the tables' words come with the report: count again in this language

    def _fill_boxes(self, hamlets: list[str] | None, volunteers: list[tuple[str, str]] | None) -> None:
        for box, everyone, items in (
            (self.hamlet_box, self.tr("Whole commune"), hamlets),
            (self.volunteer_box, self.tr("All volunteers"), volunteers),
        ):
            kept = box.currentData()
            if items is None:  # only the first entry's words change
                items = [(box.itemData(i), box.itemText(i)) for i in range(1, box.count())]
            else:
                items = [(h, h) if isinstance(h, str) else h for h in items]
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, None)
            for value, text in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(kept), 0))
            box.blockSignals(False)

    def _show_role(self) -> None:
        reporter = self.role in ("officer", "trainer")
        self.filters.setVisible(reporter)
        self.action_row.setVisible(reporter)
        self.explanation.setVisible(self.role is not None and not reporter)
        self.enroll_row.setVisible(self.role is not None and not reporter)
        for chart in self.charts.values():  # drawn once a report is shown, and for reporters only
            chart.setVisible(reporter and getattr(self, "report", None) is not None)
        if self.role is not None and not reporter:
            text = self.tr(
                "Reports are for commune officers and trainers: they count the people guided, lessons "
                "taught and skills passed in the commune, to send upward. To make one, enroll this "
                "laptop with an officer or trainer enrollment code from the hub operator (Sync page)."
            )
            if self.my_volunteer_id:
                text += " " + self.tr("Below is your own activity in the last 30 days.")
            self.explanation.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.progress.setMaximumWidth(self.fontMetrics().averageCharWidth() * 16)
            self._arrange_charts()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._arrange_charts()

    def _arrange_charts(self) -> None:
        """Three charts a row where they fit, fewer at large text sizes."""
        per_chart = self.fontMetrics().averageCharWidth() * 42
        columns = max(1, min(len(CHARTS), (self.width() - 40) // max(per_chart, 1)))
        if columns == self._chart_columns:
            return
        self._chart_columns = columns
        for number, key in enumerate(CHARTS):
            self.chart_grid.removeWidget(self.charts[key])
            self.chart_grid.addWidget(
                self.charts[key], number // columns, number % columns, Qt.AlignmentFlag.AlignTop
            )
        for column in range(len(CHARTS)):
            self.chart_grid.setColumnStretch(column, 1 if column < columns else 0)

    # Loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        from volunteer_kit.exports.report import report_choices
        from volunteer_kit.store import devices

        def profile_loaded(profile: Any) -> None:
            first = self.role is None
            self.role = profile.role
            self.my_volunteer_id = profile.volunteer_id
            self._show_role()
            if self.role in ("officer", "trainer"):
                if not self._choices_loaded:
                    choices = ReadOp(self.store, lambda conn: report_choices(conn), parent=self)
                    choices.success(self._choices).run()
                if first or self.report is None:
                    self.show_report()
            elif first or self.report is None:
                self.show_report()

        ReadOp(self.store, lambda conn: devices.profile(conn), parent=self).success(profile_loaded).run()

    def _choices(self, answer: tuple[list[str], list[tuple[str, str]]]) -> None:
        self._choices_loaded = True
        hamlets, volunteers = answer
        self._fill_boxes(hamlets, volunteers)

    def period(self) -> tuple[date, date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def set_period(self, start: date, end: date) -> None:
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(end))

    def _scope(self) -> dict[str, Any] | None:
        """The filters as compute_report takes them, or None (with a message) when they make no sense."""
        start, end = self.period()
        if self.role not in ("officer", "trainer"):
            today = date.today()
            return {
                "start": date.fromordinal(today.toordinal() - (DEFAULT_DAYS - 1)),
                "end": today,
                "hamlet": None,
                "volunteer_id": self.my_volunteer_id,
                "lang": language(),
            }
        if start > end:
            self._say(self.tr("The first day is after the last day."), error=True)
            return None
        return {
            "start": start,
            "end": end,
            "hamlet": self.hamlet_box.currentData(),
            "volunteer_id": self.volunteer_box.currentData(),
            "lang": language(),
        }

    def show_report(self) -> None:
        """Count the figures for the chosen days and scope, off the GUI thread."""
        from volunteer_kit.exports.report import compute_report
        from volunteer_kit.packs.outline import installed_outlines

        if self.role not in ("officer", "trainer") and not self.my_volunteer_id:
            return
        scope = self._scope()
        if scope is None:
            return
        self._generation += 1
        generation = self._generation
        self._start(self.tr("Counting…"))

        def done(report: Any) -> None:
            if generation != self._generation:
                return
            self._stop()
            self.status.setText("")
            self.show_figures(report)

        def failed(problem: KnownError) -> None:
            if generation == self._generation:
                self._stop()
                self._say(self._problem_text(problem, self.tr("Could not count the figures: %1")), error=True)

        def over() -> None:  # after a bug too
            if generation == self._generation:
                self._stop()

        ReadOp(
            self.store, lambda conn: compute_report(conn, installed_outlines(), **scope), parent=self
        ).success(done).failure(failed).finished(over).run()

    def show_figures(self, report: Any) -> None:
        from volunteer_kit.exports.report_files import sections, subtitle

        self.report = report
        self.subtitle.setText(subtitle(report))
        reporter = self.role in ("officer", "trainer")
        shown = [s for s in sections(report) if reporter or s.key in ("summary", "packs")]
        keys = {s.key for s in shown}
        for key, table in list(self.tables.items()):
            if key not in keys:
                table.setVisible(False)
                self.table_titles[key].setVisible(False)
        for section in shown:
            if section.key not in self.tables:
                title = ScaledLabel(1.15, bold=True)
                title.setWordWrap(True)
                table = SectionTable()
                self.table_titles[section.key] = title
                self.tables[section.key] = table
                self.tables_layout.addWidget(title)
                self.tables_layout.addWidget(table)
            self.table_titles[section.key].setText(section.title)
            self.table_titles[section.key].setVisible(True)
            table = self.tables[section.key]
            table.setAccessibleName(section.title)
            table.setVisible(True)
            if section.rows:
                table.show_section(section.headers, section.rows, section.widths)
            else:
                table.show_section(section.headers, [[self.tr("Nothing in these days")]], [1])
        for key, section in ((s.key, s) for s in sections(report)):
            if key in self.charts:
                chart = self.charts[key]
                chart.setVisible(reporter and section.chart is not None)
                if section.chart is not None:
                    labels, values = section.chart
                    chart.set_data(section.title, labels, values, self.tr("Nothing in these days"))
        self._show_nothing(report)
        self.shown.emit(report)

    def _show_nothing(self, report: Any) -> None:
        """A report with no session, nobody guided and no visit says why, with the way to records."""
        empty = not (report.sessions or report.people_guided or report.households_visited)
        self.nothing.setVisible(empty)
        if not empty:
            return
        if self.role in ("officer", "trainer"):
            self.nothing.set_texts(
                self.tr(
                    "Nothing was recorded in these days on this laptop. The volunteers' sessions and "
                    "visits arrive here when it syncs with the commune hub; or choose other days."
                ),
                self.tr("Open the Sync page"),
                lambda: self.open_page.emit("sync_page"),
            )
        else:
            self.nothing.set_texts(
                self.tr("You recorded no session and no visit in the last 30 days."),
                self.tr("Teach a lesson…"),
                lambda: self.open_page.emit("lessons"),
            )

    def figures(self, key: str) -> list[list[str]]:
        """The cells of one table as shown (tests compare them with compute_report)."""
        table = self.tables[key]
        return [
            [_text(table.item(r, c)) for c in range(table.columnCount())] for r in range(table.rowCount())
        ]

    # Exports ---------------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start, end = self.period()
        suggested = Path(folder) / f"bao-cao-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}"
        if fmt == "xlsx":
            caption, kinds = (
                self.tr("Save the report as an Excel workbook"),
                self.tr("Excel workbooks (*.xlsx)"),
            )
        else:
            caption, kinds = self.tr("Save the report as a PDF"), self.tr("PDF files (*.pdf)")
        path = save_file_name(self, caption, str(suggested), kinds)
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> None:
        """Count the figures for the chosen days and write them to `path` (xlsx or pdf), off the GUI
        thread; the page then shows the very report the file holds."""
        from volunteer_kit.exports.report_files import report_to_file
        from volunteer_kit.packs.outline import installed_outlines

        if self.busy or self.role not in ("officer", "trainer"):
            return
        path = Path(path)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        scope = self._scope()
        if scope is None:
            return
        self._generation += 1
        generation = self._generation
        self._start(self.tr("Writing %1…").replace("%1", path.name))

        def done(report: Any) -> None:
            self._stop()
            if generation == self._generation:
                self.show_figures(report)
            self._say(self.tr("Report written to %1.").replace("%1", str(path)))
            self.exported.emit((fmt, path, report))

        def failed(problem: KnownError) -> None:
            self._stop()
            self._say(self._problem_text(problem, self.tr("Could not write the report: %1")), error=True)
            self.exported.emit(problem)

        ReadOp(
            self.store,
            lambda conn: report_to_file(conn, installed_outlines(), fmt, path, **scope),
            parent=self,
        ).success(done).failure(failed).finished(self._stop).run()

    # Busy and messages -----------------------------------------------------------------------
    def _start(self, text: str) -> None:
        self.busy = True
        self.progress.setVisible(True)
        for button in (self.show_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(False)
        self._say(text)

    def _stop(self) -> None:
        self.busy = False
        self.progress.setVisible(False)
        for button in (self.show_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(True)

    def _say(self, text: str, *, error: bool = False) -> None:
        palette = self.status.palette()
        colour = QColor(theme.DANGER) if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.status.setPalette(palette)
        self.status.setText(text)
        if error:
            self.failed.emit(text)

    @staticmethod
    def _problem_text(problem: KnownError, template: str) -> str:
        """Bad input says itself; another known problem (a full disk, a locked database) after what failed."""
        if isinstance(problem, InvalidInput):
            return problem.message()
        return template.replace("%1", problem.message())


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
