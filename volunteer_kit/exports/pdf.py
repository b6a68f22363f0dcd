"""The PDF page and table layout shared by the roster and report writers (reportlab, A4, the bundled
Noto Sans so Vietnamese prints).

A layout module: it imports nothing from the writers (`roster`, `report_files`), which import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from volunteer_kit.certificates.fonts import BOLD, REGULAR

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import LongTable, Paragraph


def styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18, spaceAfter=4),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=8.5, leading=10.5),
    }


def numbered_canvas(label: str) -> type[Canvas]:
    """A canvas that writes "Trang n/N" at the foot of every page (N known once all are laid out)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information: Canvas is Any
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(REGULAR, 8.5)
                width = self._pagesize[0]
                self.drawCentredString(width / 2, 10 * mm, label.format(page=self._pageNumber, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def table(
    rows: Sequence[Sequence[object]],
    widths: list[float],
    *,
    numeric: tuple[int, ...] = (),
    row_height: float | None = None,
) -> LongTable:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    heights = None if row_height is None else [None] + [row_height] * (len(rows) - 1)
    # repeatRows: the header on every page; reportlab never splits a row across pages.
    table = LongTable(rows, colWidths=widths, rowHeights=heights, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4ECF4")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A96A3")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in numeric]
    if len(rows) > 2:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F5F7FA")]))
    table.setStyle(TableStyle(style))
    return table


def para(value: object, style: ParagraphStyle) -> Paragraph:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(str(value)), style)


def number_text(value: object, digits: int = 0) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}".replace(".", ",") if digits else f"{value:.0f}"
    if isinstance(value, date):  # a day as every other table shows it (a datetime is a date too)
        return f"{value:%d/%m/%Y %H:%M}" if isinstance(value, datetime) else f"{value:%d/%m/%Y}"
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def bar_chart(title: str, labels: list[str], values: list[float], width: float, height: float) -> Drawing:
    """A simple vertical bar chart (reportlab graphics) with the value above each bar."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=BOLD, fontSize=10))
    top = max(values, default=0) or 1
    left, bottom, plot_h = 6, 26, height - 48
    n = max(len(values), 1)
    slot = (width - left) / n
    bar = min(slot * 0.7, 40)
    drawing.add(Line(left, bottom, width, bottom, strokeColor=colors.HexColor("#8A96A3"), strokeWidth=0.5))
    for i, (name, value) in enumerate(zip(labels, values, strict=True)):
        x = left + i * slot + (slot - bar) / 2
        h = plot_h * value / top
        drawing.add(Rect(x, bottom, bar, h, fillColor=colors.HexColor("#2E6DB4"), strokeColor=None))
        drawing.add(
            String(
                x + bar / 2,
                bottom + h + 2,
                number_text(int(value)),
                fontName=REGULAR,
                fontSize=7,
                textAnchor="middle",
            )
        )
        if n <= 16 or i % max(1, n // 12) == 0:
            short = name if len(name) <= max(4, int(slot / 4)) else name[: max(3, int(slot / 4) - 1)] + "…"
            drawing.add(
                String(x + bar / 2, bottom - 10, short, fontName=REGULAR, fontSize=7, textAnchor="middle")
            )
    return drawing
