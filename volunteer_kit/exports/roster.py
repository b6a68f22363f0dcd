"""A teaching session's roster: what a trainer signs and hands in, as CSV, XLSX or PDF.

One function reads the roster (`read_roster`); every format writes the same rows, so what is
printed equals what the screen and the store say.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import local, parse_utc
from volunteer_kit.errors import InvalidInput
from volunteer_kit.exports.cells import GENDERS, GROUPS, MISSING, safe_cell, word
from volunteer_kit.exports.saving import check_target, save_export, workbook_bytes
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store.facts import current
from volunteer_kit.store.sessions import session_detail

FORMATS = ("csv", "xlsx", "pdf")
KINDS = {
    "home_visit": ("Thăm hộ gia đình", "Home visit"),
    "group_class": ("Lớp học nhóm", "Group class"),
    "community_talk": ("Cà phê sáng / nói chuyện cộng đồng", "Community talk"),
}


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


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def headers(roster: Roster) -> list[str]:
    lang = roster.lang
    return [
        _t(lang, "STT", "No."),
        _t(lang, "Họ và tên", "Full name"),
        _t(lang, "Năm sinh", "Birth year"),
        _t(lang, "Giới tính", "Gender"),
        _t(lang, "Thôn/tổ", "Hamlet"),
        _t(lang, "Nhóm", "Group"),
        _t(lang, "Có mặt/vắng", "Present/absent"),
        _t(lang, "Điểm kiểm tra (%)", "Quiz score (%)"),
        _t(lang, f"Kỹ năng đạt (/{roster.check_count})", f"Skill checks passed (/{roster.check_count})"),
    ]


def presence_word(lang: str, present: bool) -> str:
    return _t(lang, "Có mặt", "Present") if present else _t(lang, "Vắng", "Absent")


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
    detail = session_detail(conn, session_id)
    if detail is None:
        raise InvalidInput(
            f"Không có buổi học {session_id}; xem mã các buổi học bằng: volunteer-kit sessions list --json.",
            f"There is no session {session_id}; see the ids with: volunteer-kit sessions list --json.",
        )
    outline = outlines.get(detail.pack_id)
    people = {
        r[0]: r[1:]
        for r in conn.execute(
            text(
                "SELECT l.id, l.gender, l.groups FROM attendance a JOIN learner l ON l.id = a.learner_id "
                f"WHERE a.session_id = :id AND {current('attendance', 'a')}"
            ),
            {"id": session_id},
        )
    }
    scores: dict[str, float] = {}
    for learner_id, score in conn.execute(
        text(
            "SELECT q.learner_id, q.score FROM quiz_attempt q "
            f"WHERE q.session_id = :id AND {current('quiz_attempt', 'q')} ORDER BY q.recorded_at, q.rowid"
        ),
        {"id": session_id},
    ):
        scores[learner_id] = float(score)  # the last attempt counts
    checks: dict[str, int] = dict(
        conn.execute(
            text(
                "SELECT c.learner_id, count(DISTINCT CASE WHEN c.passed = 1 THEN c.check_id END) "
                f"FROM skill_check c WHERE c.session_id = :id AND {current('skill_check', 'c')} "
                "GROUP BY c.learner_id"
            ),
            {"id": session_id},
        ).all()
    )
    commune = conn.exec_driver_sql(
        "SELECT c.name FROM commune c JOIN device d ON d.commune_code = c.code WHERE d.is_this_device = 1"
    ).scalar()
    lines = []
    for number, row in enumerate(detail.attendance, start=1):
        gender, groups = people.get(row.learner_id, (None, ""))
        lines.append(
            RosterLine(
                number=number,
                full_name=row.full_name,
                birth_year=row.birth_year,
                gender=word(GENDERS, gender, lang),
                hamlet=row.hamlet,
                groups=", ".join(word(GROUPS, g, lang) for g in (groups or "").split(",") if g),
                present=row.present,
                quiz_score=scores.get(row.learner_id),
                checks_passed=checks.get(row.learner_id),
            )
        )
    return Roster(
        session_id=detail.id,
        lang=lang,
        commune=commune or "",
        place=detail.place,
        hamlet=detail.hamlet,
        kind=word(KINDS, detail.kind, lang),
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
        (_t(lang, "Xã/phường", "Commune"), roster.commune),
        (_t(lang, "Địa điểm", "Place"), roster.place + (f" ({roster.hamlet})" if roster.hamlet else "")),
        (_t(lang, "Ngày giờ", "Date"), roster.starts_at.replace(tzinfo=None)),
        (_t(lang, "Hình thức", "Kind"), roster.kind),
        (_t(lang, "Gói bài học", "Lesson pack"), roster.pack_title),
        (_t(lang, "Bài học", "Lessons"), "; ".join(roster.lesson_titles)),
        (_t(lang, "Tình nguyện viên / giảng viên", "Volunteers / trainer"), ", ".join(roster.volunteers)),
        (_t(lang, "Có mặt", "Present"), f"{roster.present_count}/{len(roster.lines)}"),
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
    sheet = book.create_sheet(_t(roster.lang, "Danh sách", "Roster"))
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
    about = book.create_sheet(_t(roster.lang, "Buổi học", "Session"))
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
    from volunteer_kit.exports.pdf import roster_pdf

    roster_pdf(roster, out)


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
