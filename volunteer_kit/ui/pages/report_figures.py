"""The figures of a report as the Reports page draws them: bar charts and titled tables, a missing
figure shown as "—", never as 0."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

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
            rows = 9.0 if self.labels else 2.0
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
