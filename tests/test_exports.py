"""Rosters and reports: every export read back and compared with the store; the report's figures
against counts made here in Python over raw rows, with the supersede rule written out again."""

from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import run_cli

ANCHOR = date(2026, 11, 20)


@pytest.fixture
def outlines(data_dir: Path):
    from volunteer_kit import paths
    from volunteer_kit.packs.outline import outlines_by_id

    return outlines_by_id(paths.lessons_dir(), paths.data_dir() / "packs")


def _biggest_session(conn) -> str:
    from volunteer_kit.store.sessions import list_sessions

    return max(list_sessions(conn), key=lambda s: s.attendance_count).id


def _add_tricky_learners(engine, session_id: str) -> list[str]:
    from volunteer_kit.store.attendance import record_attendance
    from volunteer_kit.store.learners import register_learner

    names = ['=HYPERLINK("http://x","y")', "+1", "@x", "-2", "Nguyễn Thị Hằng"]
    with engine.begin() as conn:
        for index, name in enumerate(names):
            learner = register_learner(
                conn,
                full_name="Người Thử " + "ABCDE"[index],
                birth_year=1970,
                hamlet="Thôn Kim Lan",
                allow_duplicate=True,
            )
            record_attendance(conn, session_id=session_id, learner_id=learner.id, present=True)
            # The form refuses such names; a record synced from elsewhere may still carry one.
            conn.exec_driver_sql("UPDATE learner SET full_name = ? WHERE id = ?", (name, learner.id))
    return names


def test_roster_csv_xlsx_pdf_read_back_equal_the_store(demo_engine, outlines, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from volunteer_kit.exports.roster import export_roster, read_roster
    from volunteer_kit.store.sessions import session_detail

    with demo_engine.connect() as conn:
        session_id = _biggest_session(conn)
    _add_tricky_learners(demo_engine, session_id)
    with demo_engine.connect() as conn:
        detail = session_detail(conn, session_id)
        roster = read_roster(conn, outlines, session_id)
        for fmt in ("csv", "xlsx", "pdf"):
            export_roster(conn, outlines, session_id, fmt, tmp_path / f"r.{fmt}")
    assert [line.full_name for line in roster.lines] == [a.full_name for a in detail.attendance]
    assert [line.present for line in roster.lines] == [a.present for a in detail.attendance]

    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == len(detail.attendance) + 1
    for row, att, line in zip(rows[1:], detail.attendance, roster.lines, strict=True):
        expected_name = att.full_name if att.full_name[0] not in "=+-@\t" else "'" + att.full_name
        assert row[1] == expected_name
        assert unicodedata.is_normalized("NFC", row[1])
        assert row[2] == ("" if att.birth_year is None else str(att.birth_year))
        assert row[6] == ("Có mặt" if att.present else "Vắng")
        assert row[7] == ("" if line.quiz_score is None else str(line.quiz_score))

    sheet = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == len(detail.attendance)
    for row, att, line in zip(values, detail.attendance, roster.lines, strict=True):
        assert isinstance(row[0], int)
        assert row[1] == (att.full_name if att.full_name[0] not in "=+-@" else "'" + att.full_name)
        assert row[2] == att.birth_year
        assert row[7] == line.quiz_score
        assert row[8] == line.checks_passed
    about = load_workbook(tmp_path / "r.xlsx").worksheets[1]
    assert isinstance(about["B3"].value, datetime)

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    flat = " ".join(text.split())
    dense = "".join(text.split())  # a long name may wrap inside its cell
    for att in detail.attendance:
        assert "".join(att.full_name.split()) in dense
    assert "Ký tên" in flat and "Trang 1/" in flat


def test_formula_injection_is_neutralised_in_csv_and_xlsx(demo_engine, outlines, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from volunteer_kit.exports.cells import safe_text
    from volunteer_kit.exports.roster import export_roster

    assert safe_text("=1+1") == "'=1+1" and safe_text("\tx") == "'\tx" and safe_text("Hằng") == "Hằng"
    with demo_engine.connect() as conn:
        session_id = _biggest_session(conn)
    names = _add_tricky_learners(demo_engine, session_id)
    with demo_engine.connect() as conn:
        export_roster(conn, outlines, session_id, "csv", tmp_path / "r.csv")
        export_roster(conn, outlines, session_id, "xlsx", tmp_path / "r.xlsx")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_names = {row[1] for row in csv.reader(handle)}
    book = load_workbook(tmp_path / "r.xlsx")
    cells = [row[1] for row in book.worksheets[0].iter_rows(min_row=2)]
    xlsx_names = {c.value for c in cells}
    assert all(c.data_type == "s" for c in cells)
    for name in names[:4]:
        assert "'" + name in csv_names and name not in csv_names
        assert "'" + name in xlsx_names and name not in xlsx_names
    assert "Nguyễn Thị Hằng" in csv_names and "Nguyễn Thị Hằng" in xlsx_names


def _raw_counts(db: Path, start: date, end: date) -> dict:
    """The report's main figures counted in Python over raw rows (no store code)."""
    con = sqlite3.connect(db)
    lo = datetime(start.year, start.month, start.day, tzinfo=UTC) - timedelta(hours=7)
    hi = datetime(end.year, end.month, end.day, tzinfo=UTC) + timedelta(days=1) - timedelta(hours=7)

    def inside(value: str) -> bool:
        return lo <= datetime.fromisoformat(value).replace(tzinfo=UTC) < hi

    def live(table: str) -> list[tuple]:
        rows = con.execute(f"SELECT * FROM {table}").fetchall()
        cols = [c[0] for c in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
        dicts = [dict(zip(cols, r, strict=True)) for r in rows]
        superseded = {d["supersedes_id"] for d in dicts if d["supersedes_id"]}
        return [d for d in dicts if not d["deleted"] and d["id"] not in superseded]

    learners = {
        r[0]: r[1:] for r in con.execute("SELECT id, household_id, groups FROM learner WHERE deleted = 0")
    }
    sessions = {
        r[0]: r[1:]
        for r in con.execute("SELECT id, pack_id, starts_at FROM teaching_session WHERE deleted = 0")
    }
    in_range = {sid for sid, (_p, starts) in sessions.items() if inside(starts)}
    present = [
        a
        for a in live("attendance")
        if a["present"] and a["session_id"] in in_range and a["learner_id"] in learners
    ]
    people = {a["learner_id"] for a in present}
    per_pack = defaultdict(set)
    for a in present:
        per_pack[sessions[a["session_id"]][0]].add(a["learner_id"])
    quiz = defaultdict(lambda: [0, 0])
    for q in live("quiz_attempt"):
        if inside(q["recorded_at"]) and q["learner_id"] in learners:
            quiz[q["pack_id"]][0] += 1
            quiz[q["pack_id"]][1] += q["passed"]
    checks = defaultdict(set)
    for c in live("skill_check"):
        if c["passed"] and inside(c["recorded_at"]) and c["learner_id"] in learners:
            checks[(c["pack_id"], c["check_id"])].add(c["learner_id"])
    return {
        "people": len(people),
        "households": len({learners[p][0] for p in people if learners[p][0]}),
        "elderly": sum(",elderly," in learners[p][1] for p in people),
        "sessions": len(in_range),
        "per_pack": {k: len(v) for k, v in per_pack.items()},
        "quiz": {k: tuple(v) for k, v in quiz.items()},
        "checks": {k: len(v) for k, v in checks.items()},
    }


def _supersede_some(engine) -> None:
    """Corrections, so the supersede rule matters: a few present marks become absent."""
    from volunteer_kit.store.attendance import record_attendance

    with engine.begin() as conn:
        rows = conn.exec_driver_sql(
            "SELECT session_id, learner_id FROM attendance WHERE present = 1 ORDER BY id LIMIT 15"
        ).all()
        for session_id, learner_id in rows:
            record_attendance(conn, session_id=session_id, learner_id=learner_id, present=False)


def test_report_figures_equal_independent_counts(demo_engine, outlines, data_dir: Path) -> None:
    from volunteer_kit import paths
    from volunteer_kit.exports.report import compute_report

    _supersede_some(demo_engine)
    start, end = ANCHOR - timedelta(days=60), ANCHOR
    with demo_engine.connect() as conn:
        report = compute_report(conn, outlines, start=start, end=end)
    raw = _raw_counts(paths.database_path(), start, end)
    assert report.people_guided == raw["people"] > 0
    assert report.households_visited == raw["households"]
    assert report.by_group["elderly"] == raw["elderly"]
    assert report.sessions == raw["sessions"]
    assert {p.pack_id: p.people for p in report.packs if p.people} == raw["per_pack"]
    assert {q.pack_id: (q.attempts, q.passed_attempts) for q in report.quizzes} == raw["quiz"]
    assert {(c.pack_id, c.check_id): c.learners_passed for c in report.checks} == raw["checks"]
    assert all(c.text != c.check_id for c in report.checks)
    assert all(report.household_skills[code] is not None for code in ("HH-1", "HH-2", "HH-3", "HH-4", "HH-5"))
    # Missing, never 0: on a laptop where no pack teaches HH-5, neither it nor "digital households"
    # can be known.
    without = {k: o for k, o in outlines.items() if "HH-5" not in o.competencies}
    with demo_engine.connect() as conn:
        partial = compute_report(conn, without, start=start, end=end)
    assert partial.household_skills["HH-5"] is None and partial.digital_households is None


def test_report_for_one_volunteer_leaves_commune_figures_missing(demo_engine, outlines) -> None:
    from volunteer_kit.exports.report import compute_report

    with demo_engine.connect() as conn:
        everyone = compute_report(conn, outlines, start=None, end=None)
        first = everyone.volunteers[0]
        mine = compute_report(conn, outlines, start=None, end=None, volunteer_id=first.volunteer_id)
    assert mine.people_guided == first.people and mine.sessions == first.sessions
    assert mine.certificates_issued is None and mine.household_skills is None


def test_empty_period_shows_missing_pass_rates(demo_engine, outlines) -> None:
    from volunteer_kit.exports.report import compute_report
    from volunteer_kit.exports.report_quiz import QuizLine

    with demo_engine.connect() as conn:
        report = compute_report(conn, outlines, start=date(2000, 1, 1), end=date(2000, 1, 31))
    assert report.people_guided == 0 and report.quizzes == () and report.weeks == ()
    assert QuizLine("p", "t", 0, 0, 0, 0).pass_rate is None


def test_report_exports_read_back_equal_the_figures(demo_engine, outlines, data_dir: Path, tmp_path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    start, end = ANCHOR - timedelta(days=90), ANCHOR
    for fmt in ("xlsx", "pdf"):
        done = run_cli(
            "report",
            "export",
            "--format",
            fmt,
            "--out",
            str(tmp_path / f"rep.{fmt}"),
            "--from",
            start.isoformat(),
            "--to",
            end.isoformat(),
            data_dir=data_dir,
        )
        assert done.returncode == 0, done.stderr
    from volunteer_kit.exports.report import compute_report
    from volunteer_kit.exports.report_files import sections

    with demo_engine.connect() as conn:
        report = compute_report(conn, outlines, start=start, end=end)
    book = load_workbook(tmp_path / "rep.xlsx")
    for section, sheet in zip(sections(report), book.worksheets, strict=False):
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        expected = [
            [v if not isinstance(v, date) else datetime.combine(v, datetime.min.time()) for v in row]
            for row in section.rows
        ]
        assert [list(r) for r in rows] == expected, section.key
    assert book.worksheets[0].freeze_panes == "A2"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "rep.pdf").pages).split())
    assert f"{report.people_guided}" in text and "Số người được hướng dẫn" in text
    for pack in report.packs:
        assert pack.title in text
    # Days read as in every other table (dd/mm/yyyy), never as ISO dates.
    assert report.weeks and f"{report.weeks[0].week_start:%d/%m/%Y}" in text
    assert re.search(r"\b\d{4}-\d{2}-\d{2}\b", text) is None


def test_cli_roster_export_and_errors(demo_engine, data_dir: Path, tmp_path: Path) -> None:
    with demo_engine.connect() as conn:
        session_id = _biggest_session(conn)
    done = run_cli(
        "roster", "export", session_id, "--format", "csv", "--out", str(tmp_path / "a.csv"), data_dir=data_dir
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.csv").exists()
    missing = run_cli(
        "roster", "export", "nope", "--format", "pdf", "--out", str(tmp_path / "b.pdf"), data_dir=data_dir
    )
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    bad_dir = run_cli(
        "--data-dir",
        str(data_dir),
        "roster",
        "export",
        session_id,
        "--format",
        "xlsx",
        "--out",
        str(tmp_path / "no" / "such" / "x.xlsx"),
    )
    assert bad_dir.returncode == 1 and "Traceback" not in bad_dir.stderr
