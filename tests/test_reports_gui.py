"""The Reports page and the roster export of the Sessions page, as a user would use them."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import _running_app, make_officer
from tests.test_certificates_gui import _mnemonics
from volunteer_kit.exports.report import compute_report
from volunteer_kit.exports.report_files import sections
from volunteer_kit.packs.outline import installed_outlines
from volunteer_kit.store.devices import save_profile
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.pages.report_figures import MISSING, display

WAIT = 20_000
START, END = date(2026, 8, 1), date(2026, 11, 20)  # the demo commune's teaching (anchor 20/11/2026)


@pytest.fixture
def officer_app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
    yield from _running_app(qtbot, data_dir)


def _expected(app: Application, **scope: object):
    with app.store._engine.connect() as conn:
        return compute_report(conn, installed_outlines(), lang="vi", **scope)  # type: ignore[arg-type]


def _open(qtbot, app: Application):
    page = app.window.reports
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        app.window.show_page(page)
    qtbot.waitUntil(lambda: page.volunteer_box.count() > 1, timeout=WAIT)
    return page


def _show(qtbot, page, start: date = START, end: date = END):
    page.set_period(start, end)
    with qtbot.waitSignal(page.shown, timeout=WAIT) as shown:
        page.show_button.click()
    return shown.args[0]


def _as_shown(rows: list[list[object]]) -> list[list[str]]:
    return [[display(value) for value in row] for row in rows]


def test_the_page_shows_the_figures_of_compute_report(qtbot, officer_app: Application) -> None:
    page = _open(qtbot, officer_app)
    assert page.filters.isVisibleTo(page) and not page.explanation.isVisibleTo(page)
    _show(qtbot, page)
    report = _expected(officer_app, start=START, end=END)
    assert report.people_guided > 0 and report.sessions > 0  # the range holds the demo's teaching
    for section in sections(report):
        shown = page.figures(section.key)
        if section.rows:
            assert shown == _as_shown(section.rows), section.key
        else:
            assert shown == [["Không có số liệu trong những ngày này"]], section.key
        assert page.table_titles[section.key].text() == section.title
        table = page.tables[section.key]
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == section.headers
    people = page.figures("summary")[0]
    assert people == ["Số người được hướng dẫn", display(report.people_guided)]
    charts = page.charts
    assert charts["packs"].values == [p.lessons_taught for p in report.packs]
    assert charts["weeks"].labels == [f"{w.week_start:%d/%m}" for w in report.weeks]
    assert sum(charts["groups"].values) == sum(report.by_group.values())


def test_a_missing_figure_shows_as_a_dash_never_zero(qtbot, officer_app: Application) -> None:
    page = _open(qtbot, officer_app)
    volunteer_id = page.volunteer_box.itemData(1)
    page.volunteer_box.setCurrentIndex(1)
    _show(qtbot, page)
    report = _expected(officer_app, start=START, end=END, volunteer_id=volunteer_id)
    assert report.households_total is None and report.certificates_issued is None
    summary = dict((row[0], row[1]) for row in page.figures("summary"))
    assert summary["Số hộ gia đình"] == MISSING
    assert summary["Chứng nhận đã cấp"] == MISSING
    assert summary["Số người được hướng dẫn"] == display(report.people_guided)
    assert [row[2] for row in page.figures("household_skills")] == [MISSING] * 5
    assert page.tables["summary"].item(5, 1).toolTip() == "Không có số liệu (không phải 0)"


def test_a_start_after_the_end_is_one_line_in_vietnamese(qtbot, officer_app: Application) -> None:
    page = _open(qtbot, officer_app)
    page.set_period(END, START)
    with qtbot.waitSignal(page.failed, timeout=WAIT) as failed:
        page.show_button.click()
    assert failed.args[0] == "Ngày bắt đầu sau ngày kết thúc." == page.status.text()


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_exporting_from_the_page_writes_the_same_figures(
    qtbot, officer_app: Application, tmp_path: Path, fmt: str
) -> None:
    page = _open(qtbot, officer_app)
    page.set_period(START, END)
    out = tmp_path / "bao cáo"  # no suffix: the page adds it
    with qtbot.waitSignal(page.exported, timeout=WAIT) as exported:
        page.export_to(fmt, out)
    written_fmt, path, report = exported.args[0]
    assert written_fmt == fmt and path == tmp_path / f"bao cáo.{fmt}" and path.exists()
    assert page.status.text() == f"Đã ghi báo cáo vào {path}."
    assert not page.progress.isVisible() and page.show_button.isEnabled()
    expected = sections(_expected(officer_app, start=START, end=END))
    assert [s.rows for s in sections(report)] == [s.rows for s in expected]
    assert page.figures("summary") == _as_shown(expected[0].rows)  # the page shows what the file holds
    if fmt == "xlsx":
        book = load_workbook(path)
        for section in expected:
            sheet = book[section.title[:31].replace("/", "-")]
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            assert rows[0] == section.headers
            read = [[v.date() if hasattr(v, "date") else v for v in row] for row in rows[1:]]
            assert read == section.rows, section.key
    else:
        text = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
        flat = re.sub(r"\s+", " ", text)
        summary = expected[0]
        for label, value in summary.rows:
            assert label in flat
            if value is not None:
                assert re.search(rf"{re.escape(label)} {value}\b", flat), (label, value)
        for pack in (s for s in expected if s.key == "packs"):
            for title, sessions, lessons, people in pack.rows:
                assert f"{sessions} {lessons} {people}" in flat, title


def test_an_export_that_cannot_be_written_says_so_in_one_line(
    qtbot, officer_app: Application, tmp_path: Path
) -> None:
    page = _open(qtbot, officer_app)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    with qtbot.waitSignal(page.exported, timeout=WAIT) as exported:
        page.export_to("pdf", blocker / "bao-cao.pdf")
    assert isinstance(exported.args[0], Exception)
    assert page.status.text() and "\n" not in page.status.text()
    assert page.show_button.isEnabled()


def test_a_volunteer_sees_the_explanation(qtbot, demo_app: Application) -> None:
    page = demo_app.window.reports
    demo_app.window.show_page(page)
    qtbot.waitUntil(lambda: page.role is not None, timeout=WAIT)
    assert page.role == "volunteer"
    assert page.explanation.isVisibleTo(page)
    assert page.explanation.text().startswith("Báo cáo dành cho cán bộ xã và giảng viên")
    assert not page.filters.isVisibleTo(page) and not page.action_row.isVisibleTo(page)
    # The empty page's way forward: enrolling with an officer or trainer code is on the Sync page.
    assert (
        page.enroll_button.isVisibleTo(page)
        and page.enroll_button.text() == "Đăng &ký máy này ở trang Đồng bộ…"
    )
    page.enroll_button.click()
    assert demo_app.window.current_page() is demo_app.window.sync_page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_control_of_the_page_has_its_own_mnemonic(qtbot, officer_app: Application, lang: str) -> None:
    officer_app.set_language(lang)
    officer_app.window.show()
    page = _open(qtbot, officer_app)
    keys = _mnemonics(officer_app.window)
    assert len(keys) >= 9, " ".join(keys)
    assert [k for k, n in Counter(keys).items() if n > 1] == [], (lang, keys)
    officer_app.window.show_page(officer_app.window.sessions)
    qtbot.waitUntil(lambda: officer_app.window.sessions.detail_view.detail is not None, timeout=WAIT)
    keys = _mnemonics(officer_app.window)
    # "&Tệp" and the Sessions page's "&Tìm:" share t in Vietnamese already; the roster's x is its own.
    assert Counter(keys)["x"] == 1, (lang, keys)
    assert page.title() == ("Báo cáo" if lang == "vi" else "Reports")


def test_the_roster_export_button_writes_the_sessions_learners(
    qtbot, demo_app: Application, tmp_path: Path
) -> None:
    sessions = demo_app.window.sessions
    with qtbot.waitSignal(sessions.detail_shown, timeout=WAIT) as shown:
        demo_app.window.show_page(sessions)
    detail = shown.args[0]
    assert detail is not None
    view = sessions.detail_view
    assert view.export_roster_button.isVisibleTo(sessions)
    assert [view.roster_format_box.itemData(i) for i in range(view.roster_format_box.count())] == [
        "csv",
        "xlsx",
        "pdf",
    ]
    out = tmp_path / "danh sách.csv"
    with qtbot.waitSignal(sessions.roster_exported, timeout=WAIT) as exported:
        sessions.export_roster_to("csv", out)
    fmt, path, roster = exported.args[0]
    assert (fmt, path) == ("csv", out)
    with demo_app.store._engine.connect() as conn:
        names = sorted(
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT full_name FROM learner WHERE id IN "
                "(SELECT learner_id FROM attendance WHERE session_id = ? AND deleted = 0)",
                (detail.id,),
            )
        )
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["STT", "Họ và tên"]
    assert sorted(row[1] for row in rows[1:]) == names == sorted(line.full_name for line in roster.lines)
    assert view.status.text() == f"Đã ghi danh sách {len(names)} người vào {out}."
    assert view.export_roster_button.isEnabled()


def test_an_empty_report_says_why_and_leads_to_the_records(qtbot, officer_app: Application) -> None:
    page = _open(qtbot, officer_app)
    officer_app.window.show()
    assert page.report.sessions and not page.nothing.isVisible()  # the demo's last 30 days
    report = _show(qtbot, page, date(2020, 1, 1), date(2020, 1, 31))  # long before the demo's records
    assert report.sessions == 0 and report.people_guided == 0
    assert page.nothing.isVisible()
    assert page.nothing.text.text().startswith("Máy này không có ghi nhận nào trong những ngày này.")
    assert page.nothing.button.text() == "Mở trang Đồng bộ"
    page.nothing.button.click()
    assert officer_app.window.current_page() is officer_app.window.sync_page
    officer_app.window.show_page(page)
    _show(qtbot, page)
    assert not page.nothing.isVisible()


def test_a_volunteer_with_nothing_recorded_is_led_to_teaching(qtbot, engine, data_dir: Path) -> None:
    with engine.begin() as conn:
        save_profile(conn, full_name="Lê Văn Tâm", phone="")
    for app in _running_app(qtbot, data_dir):
        page = app.window.reports
        app.window.show()
        with qtbot.waitSignal(page.shown, timeout=WAIT):
            app.window.show_page(page)
        assert page.nothing.isVisible()
        assert (
            page.nothing.text.text() == "Trong 30 ngày qua bạn chưa ghi nhận buổi học hay lượt thăm hộ nào."
        )
        assert page.nothing.button.text() == "Dạy bài…"
        page.nothing.button.click()
        assert app.window.current_page() is app.window.lessons
