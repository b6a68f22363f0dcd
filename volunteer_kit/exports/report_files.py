"""The report as tables (one list of sections shared by XLSX, PDF and the Reports page) and its files."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from volunteer_kit.certificates.fonts import register_fonts
from volunteer_kit.core.competencies import HOUSEHOLD_SKILLS
from volunteer_kit.core.vocab import GROUPS, pick, word
from volunteer_kit.errors import InvalidInput
from volunteer_kit.exports import pdf
from volunteer_kit.exports.cells import REPORT_GROUPS, safe_cell
from volunteer_kit.exports.report import Report, compute_report
from volunteer_kit.exports.saving import save_export, workbook_bytes

if TYPE_CHECKING:
    from reportlab.platypus import Flowable
    from sqlalchemy.engine import Connection

    from volunteer_kit.packs.outline import PackOutline

FORMATS = ("xlsx", "pdf")
SKILL_NAMES = {
    "HH-1": ("Sử dụng dịch vụ công trực tuyến", "Online public services"),
    "HH-2": ("Mua sắm trực tuyến", "Online shopping"),
    "HH-3": ("Thanh toán trực tuyến", "Online payment"),
    "HH-4": ("Tự bảo vệ trên không gian mạng", "Self-protection in cyberspace"),
    "HH-5": ("Sử dụng các nền tảng số của địa phương", "Local digital platforms"),
}


@dataclass(frozen=True)
class Section:
    key: str  # sheet / table id
    title: str
    headers: list[str]
    rows: list[list[object]]  # typed: int, float, str, date; None is missing
    widths: list[float]  # relative column widths
    chart: tuple[list[str], list[float]] | None = None


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def subtitle(report: Report) -> str:
    start = f"{report.start:%d/%m/%Y}" if report.start else "…"
    end = f"{report.end:%d/%m/%Y}" if report.end else "…"
    parts = [report.commune, pick(report.lang, f"từ {start} đến {end}", f"from {start} to {end}")]
    if report.hamlet:
        parts.append(pick(report.lang, f"thôn/tổ {report.hamlet}", f"hamlet {report.hamlet}"))
    if report.volunteer_id:
        parts.append(
            pick(report.lang, "tình nguyện viên ", "volunteer ")
            + (report.volunteer_name or report.volunteer_id)
        )
    return " · ".join(p for p in parts if p)


def sections(report: Report) -> list[Section]:
    def t(vi: str, en: str) -> str:
        return pick(report.lang, vi, en)

    lang = report.lang
    out = [
        Section(
            "summary",
            t("Tổng hợp", "Summary"),
            [t("Chỉ tiêu", "Figure"), t("Số liệu", "Value")],
            [
                [t("Số người được hướng dẫn", "People guided"), report.people_guided],
                [t("Số hộ gia đình được đến hướng dẫn", "Households visited"), report.households_visited],
                [t("Số buổi học", "Sessions"), report.sessions],
                [t("Chứng nhận đã cấp", "Certificates issued"), report.certificates_issued],
                [t("Chứng nhận đã thu hồi (trong số đó)", "of which revoked"), report.certificates_revoked],
                [t("Số hộ gia đình", "Households"), report.households_total],
                [
                    t("Hộ gia đình số (đủ 5 kỹ năng)", "Digital households (all five skills)"),
                    report.digital_households,
                ],
            ],
            [4, 1],
        ),
        Section(
            "groups",
            t("Người được hướng dẫn theo nhóm", "People guided by group"),
            [t("Nhóm", "Group"), t("Số người", "People")],
            [[word(GROUPS, g, lang), report.by_group[g]] for g in REPORT_GROUPS],
            [4, 1],
            chart=(
                [word(GROUPS, g, lang) for g in REPORT_GROUPS],
                [report.by_group[g] for g in REPORT_GROUPS],
            ),
        ),
        Section(
            "packs",
            t("Bài học đã dạy theo gói", "Lessons taught per pack"),
            [
                t("Gói bài học", "Lesson pack"),
                t("Buổi học", "Sessions"),
                t("Lượt bài", "Lessons taught"),
                t("Người có mặt", "People present"),
            ],
            [[p.title, p.sessions, p.lessons_taught, p.people] for p in report.packs],
            [4, 1, 1, 1],
            chart=([p.title for p in report.packs], [p.lessons_taught for p in report.packs]),
        ),
        Section(
            "weeks",
            t("Buổi học và người học theo tuần", "Sessions and people by week"),
            [
                t("Tuần bắt đầu", "Week of"),
                t("Buổi học", "Sessions"),
                t("Lượt có mặt", "Present marks"),
                t("Số người", "People"),
            ],
            [[w.week_start, w.sessions, w.attendance, w.people] for w in report.weeks],
            [2, 1, 1, 1],
            chart=([f"{w.week_start:%d/%m}" for w in report.weeks], [w.people for w in report.weeks]),
        ),
        Section(
            "quizzes",
            t("Kết quả bài kiểm tra", "Quiz results"),
            [
                t("Gói bài học", "Lesson pack"),
                t("Lượt làm", "Attempts"),
                t("Lượt đạt", "Passed"),
                t("Tỷ lệ đạt (%)", "Pass rate (%)"),
                t("Người đạt", "Learners passed"),
            ],
            [
                [q.title, q.attempts, q.passed_attempts, _r(q.pass_rate), q.learners_passed]
                for q in report.quizzes
            ],
            [4, 1, 1, 1, 1],
        ),
        Section(
            "hardest",
            t("Câu hỏi khó nhất", "Hardest questions"),
            [
                t("Gói bài học", "Lesson pack"),
                t("Câu hỏi", "Question"),
                t("Lượt làm", "Attempts"),
                t("Lượt sai", "Missed"),
                t("Tỷ lệ sai (%)", "Missed (%)"),
            ],
            [[q.pack_title, q.prompt, q.attempts, q.missed, _r(q.missed_rate)] for q in report.hardest or ()],
            [2, 5, 1, 1, 1],
        ),
        Section(
            "checks",
            t("Kỹ năng thực hành đã đạt", "Skill checks passed"),
            [
                t("Gói bài học", "Lesson pack"),
                t("Kỹ năng", "Skill check"),
                t("Số người đạt", "Learners passed"),
            ],
            [[c.pack_title, c.text, c.learners_passed] for c in report.checks],
            [2, 6, 1],
        ),
        Section(
            "household_skills",
            t("Hộ gia đình có kỹ năng (5 kỹ năng số)", "Households with each of the five skills"),
            [t("Mã", "Code"), t("Kỹ năng", "Skill"), t("Số hộ", "Households")],
            [
                [code, word(SKILL_NAMES, code, lang), (report.household_skills or {}).get(code)]
                for code in HOUSEHOLD_SKILLS
            ],
            [1, 5, 1],
        ),
        Section(
            "volunteers",
            t("Hoạt động của tình nguyện viên", "Per-volunteer activity"),
            [
                t("Tình nguyện viên", "Volunteer"),
                t("Buổi học", "Sessions"),
                t("Lượt bài", "Lessons taught"),
                t("Người hướng dẫn", "People guided"),
                t("Kỹ năng chứng kiến", "Checks observed"),
            ],
            [
                [v.full_name, v.sessions, v.lessons_taught, v.people, v.checks_observed]
                for v in report.volunteers
            ],
            [3, 1, 1, 1, 1],
        ),
    ]
    return out


def write_report_xlsx(report: Report, out: Path) -> None:
    """One sheet per section: a bold frozen header, typed cells, missing values left empty."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for section in sections(report):
        sheet = book.create_sheet(_sheet_name(section.title))
        sheet.freeze_panes = "A2"
        for index, width in enumerate(section.widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(12 * width, 70)
        header = []
        for title in section.headers:
            cell = WriteOnlyCell(sheet, value=safe_cell(title))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in section.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=safe_cell(value))
                if isinstance(value, float):
                    cell.number_format = "0.0"
                elif hasattr(value, "isoformat"):
                    cell.number_format = "dd/mm/yyyy"
                cells.append(cell)
            sheet.append(cells)
    about = book.create_sheet(pick(report.lang, "Thông tin", "About"))
    about.column_dimensions["A"].width = 80
    about.append([safe_cell(subtitle(report))])
    about.append(
        [pick(report.lang, "Ô để trống: không có số liệu (không phải 0).", "Empty cell: no figure (not 0).")]
    )
    out.write_bytes(workbook_bytes(book))


def _sheet_name(title: str) -> str:
    """A worksheet name Excel accepts: none of []:*?/\\ and at most 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", "-", title)[:31]


def write_report_pdf(report: Report, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    styles = pdf.styles()
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
    story: list[Flowable] = [
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
                story.append(pdf.bar_chart("", labels, values, width, 48 * mm))
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
        rows = [[pdf.para(h, styles["head"]) for h in section.headers]]
        for row in section.rows:
            rows.append(
                [
                    pdf.para(pdf.number_text(v, 1), cell) if isinstance(v, str) else pdf.number_text(v, 1)
                    for v in row
                ]
            )
        total = sum(section.widths)
        widths = [width * w / total for w in section.widths]
        numeric = tuple(i for i, v in enumerate(section.rows[0]) if not isinstance(v, str))
        story.append(pdf.table(rows, widths, numeric=numeric))
    label = "Trang {page}/{total}" if vi else "Page {page} of {total}"
    doc.build(story, canvasmaker=pdf.numbered_canvas(label))


def export_report(report: Report, fmt: str, out: Path) -> None:
    if fmt not in FORMATS:
        raise InvalidInput(f"Không hỗ trợ định dạng {fmt}.", f"Format {fmt} is not supported.")
    write = write_report_xlsx if fmt == "xlsx" else write_report_pdf
    save_export(out, lambda temp: write(report, temp))


def report_to_file(
    conn: Connection,
    outlines: Mapping[str, PackOutline],
    fmt: str,
    out: Path,
    *,
    start: date | None,
    end: date | None,
    hamlet: str | None = None,
    volunteer_id: str | None = None,
    lang: str = "vi",
) -> Report:
    """Count the report of the period and scope (compute_report) and write it (xlsx or pdf) to `out`;
    answers the Report written, so a window can show exactly the figures of the file."""
    report = compute_report(
        conn, outlines, start=start, end=end, hamlet=hamlet, volunteer_id=volunteer_id, lang=lang
    )
    export_report(report, fmt, out)
    return report
