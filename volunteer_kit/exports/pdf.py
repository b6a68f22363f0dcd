"""PDFs of rosters and reports (reportlab, A4, the bundled Noto Sans so Vietnamese prints)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from volunteer_kit.certificates.fonts import BOLD, REGULAR, register_fonts

if TYPE_CHECKING:
    from volunteer_kit.exports.report import Report
    from volunteer_kit.exports.roster import Roster


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18, spaceAfter=4),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=8.5, leading=10.5),
    }


def _numbered_canvas(label: str):
    """A canvas that writes "Trang n/N" at the foot of every page (N known once all are laid out)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

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


def _table(
    rows: list[list], widths: list[float], *, numeric: tuple[int, ...] = (), row_height: float | None = None
):
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


def _p(value: object, style) -> object:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(str(value)), style)


def _fmt(value: object, digits: int = 0) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}".replace(".", ",") if digits else f"{value:.0f}"
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def roster_pdf(roster: Roster, out: Path) -> None:
    """A4 portrait: the session's header, the table (header row on every page, no row split),
    a signature column and a signature block at the end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from volunteer_kit.exports.roster import headers, presence_word, session_facts

    register_fonts()
    styles = _styles()
    vi = roster.lang != "en"
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=16 * mm,
        title=("Danh sách buổi học — " if vi else "Session roster — ") + roster.pack_title,
        author="Volunteer Kit",
    )
    story: list = [
        Paragraph(escape("DANH SÁCH NGƯỜI HỌC" if vi else "SESSION ROSTER"), styles["title"]),
    ]
    facts = []
    for label, value in session_facts(roster):
        shown = f"{value:%d/%m/%Y %H:%M}" if hasattr(value, "strftime") else str(value)
        facts.append([_p(label, styles["head"]), _p(shown, styles["body"])])
    info = Table(facts, colWidths=[48 * mm, 138 * mm])
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story += [info, Spacer(1, 4 * mm)]
    head = [_p(h, styles["head"]) for h in headers(roster)] + [
        _p("Ký tên" if vi else "Signature", styles["head"])
    ]
    cell = styles["cell"]
    widths = [10, 38, 12, 11, 22, 27, 15, 14, 14, 23]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fit(value: str, column: int) -> object:
        # A Paragraph (wrapping) only where the text is too wide: plain strings are much faster.
        if stringWidth(value, REGULAR, 9) <= widths[column] * mm - 7:
            return value
        return _p(value, cell)

    rows: list[list] = [head]
    for line in roster.lines:
        rows.append(
            [
                str(line.number),
                fit(line.full_name, 1),
                _fmt(line.birth_year and str(line.birth_year)),
                line.gender,
                fit(line.hamlet, 4),
                fit(line.groups, 5),
                presence_word(roster.lang, line.present),
                _fmt(line.quiz_score, 1),
                _fmt(line.checks_passed),
                "",
            ]
        )
    table = _table(rows, [w * mm for w in widths], numeric=(0, 2, 7, 8))
    # Generous padding: at least 9 mm a line, room to sign; long groups grow the row instead of overflowing.
    table.setStyle([("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)])
    story.append(table)
    sign = Table(
        [
            [
                _p("Người lập danh sách" if vi else "Prepared by", styles["head"]),
                _p("Xác nhận của UBND xã" if vi else "Commune confirmation", styles["head"]),
            ],
            [
                _p("(Ký, ghi rõ họ tên)" if vi else "(signature and full name)", styles["body"]),
                _p("(Ký, ghi rõ họ tên, đóng dấu)" if vi else "(signature, name, stamp)", styles["body"]),
            ],
            ["", ""],
            [_p(", ".join(roster.volunteers), styles["body"]), ""],
        ],
        colWidths=[93 * mm, 93 * mm],
        rowHeights=[None, None, 22 * mm, None],
    )
    sign.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    story.append(KeepTogether([Spacer(1, 8 * mm), sign]))
    label = "Trang {page}/{total}" if vi else "Page {page} of {total}"
    doc.build(story, canvasmaker=_numbered_canvas(label))


# Report -------------------------------------------------------------------------------------


def _bar_chart(title: str, labels: list[str], values: list[float], width: float, height: float):
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
                _fmt(int(value)),
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


def report_pdf(report: Report, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer

    from volunteer_kit.exports.report_files import sections, subtitle

    register_fonts()
    styles = _styles()
    vi = report.lang != "en"
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title="Báo cáo" if vi else "Report",
        author="Volunteer Kit",
    )
    width = A4[0] - 30 * mm
    story: list = [
        Paragraph(
            escape("BÁO CÁO BÌNH DÂN HỌC VỤ SỐ" if vi else "DIGITAL EDUCATION FOR ALL — REPORT"),
            styles["title"],
        ),
        Paragraph(escape(subtitle(report)), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    for section in sections(report):
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(escape(section.title), styles["h2"]))
        if section.chart is not None:
            labels, values = section.chart
            if values:
                story.append(_bar_chart("", labels, values, width, 48 * mm))
                story.append(Spacer(1, 2 * mm))
        if not section.rows:
            story.append(
                Paragraph(
                    escape("Không có số liệu trong khoảng này." if vi else "No figures in this period."),
                    styles["body"],
                )
            )
            continue
        cell = styles["cell"]
        rows = [[_p(h, styles["head"]) for h in section.headers]]
        for row in section.rows:
            rows.append([_p(_fmt(v, 1), cell) if isinstance(v, str) else _fmt(v, 1) for v in row])
        total = sum(section.widths)
        widths = [width * w / total for w in section.widths]
        numeric = tuple(i for i, v in enumerate(section.rows[0]) if not isinstance(v, str))
        story.append(_table(rows, widths, numeric=numeric))
    label = "Trang {page}/{total}" if vi else "Page {page} of {total}"
    doc.build(story, canvasmaker=_numbered_canvas(label))
