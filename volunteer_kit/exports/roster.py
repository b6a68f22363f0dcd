"""A teaching session's roster: what a trainer signs and hands in, as CSV, XLSX or PDF.

One function reads the roster (`read_roster`, from store.sessions.session_roster); every format
writes the same rows, so what is printed equals what the screen and the store say.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from sqlalchemy import Connection

from volunteer_kit.certificates.fonts import REGULAR, register_fonts
from volunteer_kit.core.clock import local, parse_utc
from volunteer_kit.core.vocab import GENDERS, GROUPS, SESSION_KINDS, pick, word
from volunteer_kit.errors import InvalidInput
from volunteer_kit.exports import pdf
from volunteer_kit.exports.cells import MISSING, safe_cell
from volunteer_kit.exports.saving import check_target, save_export, workbook_bytes
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store.devices import this_commune
from volunteer_kit.store.sessions import session_roster

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

FORMATS = ("csv", "xlsx", "pdf")


@dataclass(frozen=True, slots=True)
class RosterLine:
    number: int
    full_name: str
    birth_year: int | None
    gender: str  # the word, in the roster's language
    hamlet: str
    groups: str
    present: bool
    quiz_score: float | None  # percent of the learner's last quiz attempt at this session
    checks_passed: int | None  # None: no skill check was recorded for this learner here


@dataclass(frozen=True, slots=True)
class Roster:
    session_id: str
    lang: str
    commune: str
    place: str
    hamlet: str
    kind: str
    starts_at: datetime  # Vietnam time
    pack_title: str
    lesson_titles: tuple[str, ...]
    volunteers: tuple[str, ...]
    check_count: int
    lines: tuple[RosterLine, ...]

    @property
    def present_count(self) -> int:
        return sum(1 for line in self.lines if line.present)


def headers(roster: Roster) -> list[str]:
    lang = roster.lang
    return [
        pick(lang, "STT", "No."),
        pick(lang, "Họ và tên", "Full name"),
        pick(lang, "Năm sinh", "Birth year"),
        pick(lang, "Giới tính", "Gender"),
        pick(lang, "Thôn/tổ", "Hamlet"),
        pick(lang, "Nhóm", "Group"),
        pick(lang, "Có mặt/vắng", "Present/absent"),
        pick(lang, "Điểm kiểm tra (%)", "Quiz score (%)"),
        pick(lang, f"Kỹ năng đạt (/{roster.check_count})", f"Skill checks passed (/{roster.check_count})"),
    ]


def presence_word(lang: str, present: bool) -> str:
    return pick(lang, "Có mặt", "Present") if present else pick(lang, "Vắng", "Absent")


def values(roster: Roster, line: RosterLine) -> list[object]:
    """One roster line as typed cell values (numbers stay numbers; missing stays None)."""
    return [
        line.number,
        line.full_name,
        line.birth_year,
        line.gender,
        line.hamlet,
        line.groups,
        presence_word(roster.lang, line.present),
        line.quiz_score,
        line.checks_passed,
    ]


def read_roster(
    conn: Connection, outlines: Mapping[str, PackOutline], session_id: str, lang: str = "vi"
) -> Roster:
    found = session_roster(conn, session_id)
    if found is None:
        raise InvalidInput(
            f"Không có buổi học {session_id}; xem mã các buổi học bằng: volunteer-kit sessions list --json.",
            f"There is no session {session_id}; see the ids with: volunteer-kit sessions list --json.",
        )
    detail, entries = found
    outline = outlines.get(detail.pack_id)
    _code, commune = this_commune(conn)
    lines = [
        RosterLine(
            number=number,
            full_name=entry.mark.full_name,
            birth_year=entry.mark.birth_year,
            gender=word(GENDERS, entry.gender, lang),
            hamlet=entry.mark.hamlet,
            groups=", ".join(word(GROUPS, g, lang) for g in entry.groups.split(",") if g),
            present=entry.mark.present,
            quiz_score=entry.quiz_score,
            checks_passed=entry.checks_passed,
        )
        for number, entry in enumerate(entries, start=1)
    ]
    return Roster(
        session_id=detail.id,
        lang=lang,
        commune=commune or "",
        place=detail.place,
        hamlet=detail.hamlet,
        kind=word(SESSION_KINDS, detail.kind, lang),
        starts_at=local(parse_utc(detail.starts_at)),
        pack_title=outline.title(lang) if outline else detail.pack_id,
        lesson_titles=tuple(outline.lesson_title(x, lang) if outline else x for x in detail.lesson_ids),
        volunteers=detail.volunteer_names,
        check_count=len(outline.check_texts) if outline else 0,
        lines=tuple(lines),
    )


def session_facts(roster: Roster) -> list[tuple[str, object]]:
    """The session's header as (label, value) pairs: the same on every format."""
    lang = roster.lang
    return [
        (pick(lang, "Xã/phường", "Commune"), roster.commune),
        (pick(lang, "Địa điểm", "Place"), roster.place + (f" ({roster.hamlet})" if roster.hamlet else "")),
        (pick(lang, "Ngày giờ", "Date"), roster.starts_at.replace(tzinfo=None)),
        (pick(lang, "Hình thức", "Kind"), roster.kind),
        (pick(lang, "Gói bài học", "Lesson pack"), roster.pack_title),
        (pick(lang, "Bài học", "Lessons"), "; ".join(roster.lesson_titles)),
        (pick(lang, "Tình nguyện viên / giảng viên", "Volunteers / trainer"), ", ".join(roster.volunteers)),
        (pick(lang, "Có mặt", "Present"), f"{roster.present_count}/{len(roster.lines)}"),
    ]


def write_csv(roster: Roster, out: Path) -> None:
    """UTF-8 with a BOM, so Excel opens it with Vietnamese intact."""
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([safe_cell(h) for h in headers(roster)])
        for line in roster.lines:
            writer.writerow(["" if v is None else safe_cell(v) for v in values(roster, line)])


_WIDTHS = (6, 30, 10, 10, 18, 26, 13, 14, 14)


def write_xlsx(roster: Roster, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(pick(roster.lang, "Danh sách", "Roster"))
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in headers(roster):
        cell = WriteOnlyCell(sheet, value=safe_cell(title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for line in roster.lines:
        sheet.append([safe_cell(v) for v in values(roster, line)])
    about = book.create_sheet(pick(roster.lang, "Buổi học", "Session"))
    about.column_dimensions["A"].width = 30
    about.column_dimensions["B"].width = 60
    for label, value in session_facts(roster):
        cell = WriteOnlyCell(about, value=safe_cell(value))
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        first = WriteOnlyCell(about, value=label)
        first.font = bold
        about.append([first, cell])
    out.write_bytes(workbook_bytes(book))


def write_pdf(roster: Roster, out: Path) -> None:
    """A4 portrait: the session's header, the table (header row on every page, no row split),
    a signature column and a signature block at the end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_fonts()
    styles = pdf.styles()
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
    story: list[Flowable] = [
        Paragraph(escape("DANH SÁCH NGƯỜI HỌC" if vi else "SESSION ROSTER"), styles["title"]),
    ]
    facts = []
    for label, value in session_facts(roster):
        shown = f"{value:%d/%m/%Y %H:%M}" if hasattr(value, "strftime") else str(value)
        facts.append([pdf.para(label, styles["head"]), pdf.para(shown, styles["body"])])
    info = Table(facts, colWidths=[48 * mm, 138 * mm])
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story += [info, Spacer(1, 4 * mm)]
    head = [pdf.para(h, styles["head"]) for h in headers(roster)] + [
        pdf.para("Ký tên" if vi else "Signature", styles["head"])
    ]
    cell = styles["cell"]
    widths = [10, 38, 12, 11, 22, 27, 15, 14, 14, 23]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fit(value: str, column: int) -> object:
        # A Paragraph (wrapping) only where the text is too wide: plain strings are much faster.
        if stringWidth(value, REGULAR, 9) <= widths[column] * mm - 7:
            return value
        return pdf.para(value, cell)

    rows: list[list[object]] = [head]
    for line in roster.lines:
        rows.append(
            [
                str(line.number),
                fit(line.full_name, 1),
                pdf.number_text(line.birth_year and str(line.birth_year)),
                line.gender,
                fit(line.hamlet, 4),
                fit(line.groups, 5),
                presence_word(roster.lang, line.present),
                pdf.number_text(line.quiz_score, 1),
                pdf.number_text(line.checks_passed),
                "",
            ]
        )
    table = pdf.table(rows, [w * mm for w in widths], numeric=(0, 2, 7, 8))
    # Generous padding: at least 9 mm a line, room to sign; long groups grow the row instead of overflowing.
    table.setStyle([("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)])
    story.append(table)
    sign = Table(
        [
            [
                pdf.para("Người lập danh sách" if vi else "Prepared by", styles["head"]),
                pdf.para("Xác nhận của UBND xã" if vi else "Commune confirmation", styles["head"]),
            ],
            [
                pdf.para("(Ký, ghi rõ họ tên)" if vi else "(signature and full name)", styles["body"]),
                pdf.para(
                    "(Ký, ghi rõ họ tên, đóng dấu)" if vi else "(signature, name, stamp)", styles["body"]
                ),
            ],
            ["", ""],
            [pdf.para(", ".join(roster.volunteers), styles["body"]), ""],
        ],
        colWidths=[93 * mm, 93 * mm],
        rowHeights=[None, None, 22 * mm, None],
    )
    sign.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    story.append(KeepTogether([Spacer(1, 8 * mm), sign]))
    label = "Trang {page}/{total}" if vi else "Page {page} of {total}"
    doc.build(story, canvasmaker=pdf.numbered_canvas(label))


def export_roster(
    conn: Connection,
    outlines: Mapping[str, PackOutline],
    session_id: str,
    fmt: str,
    out: Path,
    lang: str = "vi",
) -> Roster:
    """Read the roster and write it in `fmt` (csv, xlsx or pdf) to `out`."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Không hỗ trợ định dạng {fmt}.", f"Format {fmt} is not supported.")
    check_target(out)  # before reading: a wrong path is said at once
    roster = read_roster(conn, outlines, session_id, lang)
    write = {"csv": write_csv, "xlsx": write_xlsx, "pdf": write_pdf}[fmt]
    save_export(out, lambda temp: write(roster, temp))
    return roster


def missing(value: object) -> str:
    return MISSING if value is None else str(value)
