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

from PySide6.QtCore import QDate, QEvent, QLocale, QRectF, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import InvalidInput, language
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

MISSING = "—"
DEFAULT_DAYS = 30
CHARTS = ("weeks", "packs", "groups")  # the sections drawn as charts, in this order


def display(value: object) -> str:
    """A figure as the page shows it: "—" for a missing one (never 0), numbers in the user's locale."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, float):
        return QLocale().toString(value, "f", 1)
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class BarChart(QWidget):
    """Simple labelled bars drawn with QPainter (the Essentials wheel has no QtCharts).

    Horizontal bars (a label, the bar, its value) read well with long names and big text;
    `vertical` draws columns with short labels below (the weekly trend)."""

    def __init__(self, *, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vertical = vertical
        self.title = ""
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)

    def set_data(self, title: str, labels: list[str], values: list[Any], empty_text: str) -> None:
        self.title, self.labels, self.values, self.empty_text = title, labels, list(values), empty_text
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {display(value)}" for label, value in zip(labels, values, strict=False))
        )
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        line = self._line()
        if self.vertical or not self.labels:
            rows = 9 if self.labels else 2
        else:
            rows = len(self.labels) * 1.5 + 0.5
        return QSize(self.fontMetrics().averageCharWidth() * 40, int(line * (rows + 1.8)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        metrics = self.fontMetrics()
        line = self._line()
        pad = metrics.averageCharWidth()
        text = palette.color(QPalette.ColorRole.Text)
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text)
        title_rect = QRectF(pad, line * 0.3, self.width() - 2 * pad, line * 1.2)
        painter.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(title_font).elidedText(
                self.title, Qt.TextElideMode.ElideRight, int(title_rect.width())
            ),
        )
        painter.setFont(self.font())
        known = [v for v in self.values if v is not None]
        top = line * 1.8
        area = QRectF(pad, top, self.width() - 2 * pad, self.height() - top - line * 0.4)
        if not known or max(known) <= 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text
            )
            painter.end()
            return
        if self.vertical:
            self._paint_columns(painter, area, max(known))
        else:
            self._paint_bars(painter, area, max(known))
        painter.end()

    def _paint_bars(self, painter: QPainter, area: QRectF, most: float) -> None:
        metrics = self.fontMetrics()
        line = self._line()
        palette = self.palette()
        label_width = min(
            max(metrics.horizontalAdvance(label) for label in self.labels) + metrics.averageCharWidth(),
            area.width() * 0.55,
        )
        value_width = (
            max(metrics.horizontalAdvance(display(v)) for v in self.values) + metrics.averageCharWidth()
        )
        bar_room = max(area.width() - label_width - value_width, 1.0)
        for row, (label, value) in enumerate(zip(self.labels, self.values, strict=False)):
            y = area.top() + row * line * 1.5
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                QRectF(area.left(), y, label_width - metrics.averageCharWidth(), line * 1.2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(
                    label, Qt.TextElideMode.ElideRight, int(label_width - metrics.averageCharWidth())
                ),
            )
            length = 0.0 if value is None else bar_room * float(value) / most
            painter.fillRect(
                QRectF(area.left() + label_width, y + line * 0.15, length, line * 0.9),
                palette.color(QPalette.ColorRole.Highlight),
            )
            painter.drawText(
                QRectF(
                    area.left() + label_width + length + metrics.averageCharWidth() / 2,
                    y,
                    value_width,
                    line * 1.2,
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                display(value),
            )

    def _paint_columns(self, painter: QPainter, area: QRectF, most: float) -> None:
        metrics = self.fontMetrics()
        line = self._line()
        palette = self.palette()
        count = len(self.values)
        slot = area.width() / count
        widest = max(metrics.horizontalAdvance(label) for label in self.labels) + metrics.averageCharWidth()
        every = max(1, int(widest // slot) + 1)  # label every n-th column when they would overlap
        base = area.bottom() - line * 1.2
        room = max(base - area.top() - line * 1.2, 1.0)
        for column, (label, value) in enumerate(zip(self.labels, self.values, strict=False)):
            x = area.left() + column * slot
            height = 0.0 if value is None else room * float(value) / most
            bar = QRectF(x + slot * 0.15, base - height, slot * 0.7, height)
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            if metrics.horizontalAdvance(display(value)) <= slot or column % every == 0:
                painter.drawText(
                    QRectF(x - slot, base - height - line * 1.2, slot * 3, line * 1.2),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    display(value),
                )
            if column % every == 0:
                painter.drawText(
                    QRectF(x - slot, base, slot * 3, line * 1.2),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    label,
                )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(int(area.left()), int(base), int(area.right()), int(base))


class SectionTable(QTableWidget):
    """One titled table of the report, as tall as its rows (the page scrolls, not the table)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    def show_section(self, headers: list[str], rows: list[list[object]], widths: list[float]) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setRowCount(len(rows))
        self.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(display(value))
                if value is None or isinstance(value, int | float):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is None:
                    item.setToolTip(self.tr("No figure (not 0)"))
                self.setItem(r, c, item)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # Number columns as wide as their figures; text columns share the rest by the section's widths.
        self._text_widths = {
            c: (widths[c] if c < len(widths) else 1.0)
            for c in range(len(headers))
            if any(isinstance(row[c], str) for row in rows if c < len(row))
        } or {0: 1.0}
        for column in range(len(headers)):
            text = column in self._text_widths
            mode = QHeaderView.ResizeMode.Fixed if text else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.fit()

    def fit(self) -> None:
        header = self.horizontalHeader()
        widths = getattr(self, "_text_widths", {})
        if widths:
            numbers = sum(header.sectionSize(c) for c in range(self.columnCount()) if c not in widths)
            room = max(self.viewport().width() - numbers, 0)
            total = sum(widths.values())
            least = self.fontMetrics().averageCharWidth() * 8
            for column, share in widths.items():
                header.resizeSection(column, max(int(room * share / total), least))
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 2)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()


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
        self.show_button.setDefault(True)
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

        self.charts = {key: BarChart(vertical=key == "weeks") for key in CHARTS}
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
        layout.addWidget(self.filters)
        layout.addWidget(self.action_row)
        layout.addWidget(self.status)
        layout.addWidget(self.subtitle)
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
        def profile_loaded(profile: Any) -> None:
            first = self.role is None
            self.role = profile.role
            self.my_volunteer_id = profile.volunteer_id
            self._show_role()
            if self.role in ("officer", "trainer"):
                if not self._choices_loaded:
                    self.store.report_choices(self._choices)
                if first or self.report is None:
                    self.show_report()
            elif first or self.report is None:
                self.show_report()

        self.store.profile(profile_loaded)

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

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._stop()
                self._say(self._error_text(error, self.tr("Could not count the figures: %1")), error=True)

        self.store.compute_report(**scope, on_done=done, on_error=failed)

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
        self.shown.emit(report)

    def figures(self, key: str) -> list[list[str]]:
        """The cells of one table as shown (tests compare them with compute_report)."""
        table = self.tables[key]
        return [
            [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())
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
        path, _filter = QFileDialog.getSaveFileName(self, caption, str(suggested), kinds)
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> None:
        """Count the figures for the chosen days and write them to `path` (xlsx or pdf), off the GUI
        thread; the page then shows the very report the file holds."""
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

        def failed(error: BaseException) -> None:
            self._stop()
            self._say(self._error_text(error, self.tr("Could not write the report: %1")), error=True)
            self.exported.emit(error)

        self.store.export_report(fmt, path, **scope, on_done=done, on_error=failed)

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
        colour = QColor("#b00020") if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.status.setPalette(palette)
        self.status.setText(text)
        if error:
            self.failed.emit(text)

    @staticmethod
    def _error_text(error: BaseException, template: str) -> str:
        if isinstance(error, InvalidInput):
            return error.message()
        return template.replace("%1", str(error).splitlines()[0] if str(error) else type(error).__name__)
