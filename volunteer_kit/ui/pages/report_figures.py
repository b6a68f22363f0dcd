"""The figures of a report as the Reports page draws them: bar charts and titled tables, a missing
figure shown as "—", never as 0."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP

MISSING = "—"


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


# What each chart counts, and in what unit: its title (the section's own title names the table,
# which may hold several figures; a chart draws one of them).
CHART_TITLES = {
    "weeks": QT_TRANSLATE_NOOP("BarChart", "Learners present, by week (people)"),
    "packs": QT_TRANSLATE_NOOP("BarChart", "Lessons taught, by lesson pack (lessons)"),
    "groups": QT_TRANSLATE_NOOP("BarChart", "People guided, by group (people)"),
}
LABEL_SHARE = 0.45  # at most this much of a horizontal chart's width is its labels' column


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` in `font`, at word boundaries where it can
    (a word longer than a line is broken inside): every character is kept, nothing is elided."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [line for line in lines if line] or [""]


class BarChart(QWidget):
    """Simple labelled bars drawn with QPainter (the Essentials wheel has no QtCharts).

    Horizontal bars (a label, the bar, its value) read well with long names and big text: a long
    label wraps over several lines, never elided; `vertical` draws columns with short labels below
    (the weekly trend). The title says what is counted and its unit (CHART_TITLES by `key`); the
    bars are the palette's Highlight, which is the app's accent (ui/theme.py)."""

    def __init__(self, key: str = "", *, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.vertical = vertical
        self.title = ""
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.empty_text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)

    def set_data(self, title: str, labels: list[str], values: list[Any], empty_text: str) -> None:
        """`title` is shown when the chart has no title of its own in CHART_TITLES."""
        self.title, self.labels, self.values, self.empty_text = title, labels, list(values), empty_text
        self.setAccessibleName(self.shown_title())
        self.setAccessibleDescription(
            "; ".join(f"{label}: {display(value)}" for label, value in zip(labels, values, strict=False))
        )
        self.updateGeometry()
        self.update()

    def shown_title(self) -> str:
        source = CHART_TITLES.get(self.key)
        return QCoreApplication.translate("BarChart", source) if source else self.title

    def _line(self) -> int:
        return self.fontMetrics().height()

    def _title_font(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    def title_lines(self, width: int | None = None) -> list[str]:
        """The title as drawn at this width (the widget's own by default): wrapped, never elided."""
        width = self.width() if width is None else width
        return wrap(self.shown_title(), self._title_font(), width - 2 * self._pad())

    def _pad(self) -> int:
        return self.fontMetrics().averageCharWidth()

    def _label_width(self, width: int) -> float:
        metrics = self.fontMetrics()
        area = width - 2 * self._pad()
        widest = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
        return min(widest + metrics.averageCharWidth(), area * LABEL_SHARE)

    def label_rows(self, width: int | None = None) -> list[list[str]]:
        """Each label's lines as drawn at this width (the widget's own by default): a label too long
        for its column wraps over two or three lines, every word kept."""
        width = self.width() if width is None else width
        room = self._label_width(width) - self._pad()
        return [wrap(label, self.font(), room) for label in self.labels]

    def _row_height(self, lines: int) -> float:
        return self._line() * (max(lines, 1) + 0.5)

    def heightForWidth(self, width: int) -> int:
        line = self._line()
        top = line * (len(self.title_lines(width)) + 0.6)
        if not self.labels:
            body = line * 2.0
        elif self.vertical:
            body = line * 9.0
        else:
            body = sum(self._row_height(len(lines)) for lines in self.label_rows(width))
        return int(top + body + line * 0.8)

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        width = (
            self.width()
            if self.isVisible() and self.width() > 0
            else self.fontMetrics().averageCharWidth() * 40
        )
        return QSize(self.fontMetrics().averageCharWidth() * 40, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.sizeHint().height())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.heightForWidth(self.width()) != self.height():
            self.updateGeometry()  # the labels wrap differently at this width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
            self.updateGeometry()
        elif event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.shown_title())
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        line = self._line()
        pad = self._pad()
        text = palette.color(QPalette.ColorRole.Text)
        painter.setFont(self._title_font())
        painter.setPen(text)
        title = self.title_lines()
        for number, words in enumerate(title):
            painter.drawText(
                QRectF(pad, line * (0.3 + number), self.width() - 2 * pad, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                words,
            )
        painter.setFont(self.font())
        known = [v for v in self.values if v is not None]
        top = line * (len(title) + 0.6)
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
        pad = metrics.averageCharWidth()
        label_width = self._label_width(self.width())
        value_width = max(metrics.horizontalAdvance(display(v)) for v in self.values) + pad
        bar_room = max(area.width() - label_width - value_width, 1.0)
        y = area.top()
        for lines, value in zip(self.label_rows(), self.values, strict=False):
            height = self._row_height(len(lines))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            first = y + (height - line * len(lines)) / 2
            for number, words in enumerate(lines):
                painter.drawText(
                    QRectF(area.left(), first + number * line, label_width - pad, line),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    words,
                )
            middle = y + height / 2
            length = 0.0 if value is None else bar_room * float(value) / most
            painter.fillRect(
                QRectF(area.left() + label_width, middle - line * 0.45, length, line * 0.9),
                palette.color(QPalette.ColorRole.Highlight),
            )
            painter.drawText(
                QRectF(area.left() + label_width + length + pad / 2, middle - line / 2, value_width, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                display(value),
            )
            y += height

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
