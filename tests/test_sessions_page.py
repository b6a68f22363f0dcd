"""The Sessions page and its store queries: the list, one session's attendance, corrections, notes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from volunteer_kit import paths
from volunteer_kit.core.records import SessionFilter
from volunteer_kit.store.attendance import record_attendance
from volunteer_kit.store.sessions import close_attendance, save_session_notes, session_detail, session_lines
from volunteer_kit.store.teaching import start_session
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.sessions.attendance import LATE, PRESENT

WAIT = 10_000
VNEID = "vn.bdhvs.vneid"


def _start(engine, count: int = 3, place: str = "Nhà văn hóa thôn Kim Lan") -> tuple[str, list[str]]:
    with engine.connect() as conn:
        learners = list(
            conn.exec_driver_sql(f"SELECT id FROM learner ORDER BY rowid LIMIT {count}").scalars()
        )
    with engine.begin() as conn:
        session = start_session(
            conn,
            kind="group_class",
            pack_id=VNEID,
            pack_version="1.0.0",
            lesson_ids=["cai-dat", "dang-nhap"],
            place=place,
            hamlet="Thôn Kim Lan",
            learner_ids=learners,
        )
    return session, learners


def _sql(query: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(paths.database_path())
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


# The store -------------------------------------------------------------------------------------
def test_session_detail_shows_each_learners_current_mark(demo_engine) -> None:
    session, learners = _start(demo_engine)
    with demo_engine.begin() as conn:
        record_attendance(conn, session_id=session, learner_id=learners[1], present=False)
    with demo_engine.connect() as conn:
        detail = session_detail(conn, session)
        names = dict(conn.exec_driver_sql("SELECT id, full_name FROM learner").all())
        assert session_detail(conn, "no-such-session") is None
    assert detail is not None
    assert detail.lesson_ids == ("cai-dat", "dang-nhap") and detail.place == "Nhà văn hóa thôn Kim Lan"
    marks = {row.learner_id: (row.present, row.late, row.walk_in) for row in detail.attendance}
    assert marks == {
        learners[0]: (True, False, False),
        learners[1]: (False, False, False),
        learners[2]: (True, False, False),
    }
    assert {row.full_name for row in detail.attendance} == {names[i] for i in learners}
    assert detail.present_count == 2 and not detail.attendance_closed and detail.revision == 1


def test_session_detail_names_the_volunteers(demo_engine) -> None:
    with demo_engine.connect() as conn:
        session_id, volunteer_ids = conn.exec_driver_sql(
            "SELECT id, volunteer_ids FROM teaching_session WHERE volunteer_ids != '' LIMIT 1"
        ).one()
        names = {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT full_name FROM volunteer WHERE instr(:ids, id) > 0", {"ids": volunteer_ids}
            )
        }
        detail = session_detail(conn, session_id)
    assert detail is not None and set(detail.volunteer_names) == names and names


def test_session_list_filters_by_place_without_accents_and_by_kind(demo_engine) -> None:
    session, _ = _start(demo_engine, place="Nhà văn hóa thôn Đồng Bèo")
    with demo_engine.connect() as conn:
        found = session_lines(conn, SessionFilter(text="dong beo"), {VNEID: "Sử dụng VNeID"})
        by_title = session_lines(conn, SessionFilter(text="su dung vneid"), {VNEID: "Sử dụng VNeID"})
        visits = session_lines(conn, SessionFilter(kind="home_visit"))
    assert [line.session.id for line in found] == [session]
    assert found[0].pack_title == "Sử dụng VNeID" and not found[0].attendance_closed
    assert session in {line.session.id for line in by_title}
    assert visits and all(line.session.kind == "home_visit" for line in visits)


def test_notes_and_closing_are_new_revisions_waiting_to_sync(demo_engine) -> None:
    session, _ = _start(demo_engine)
    with demo_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE teaching_session SET pending = 0 WHERE id = :id", {"id": session})
        assert save_session_notes(conn, session, "  Bà Hằng cần  học lại.\nLần sau mang sạc.  ") == 2
    with demo_engine.begin() as conn:
        assert close_attendance(conn, session) == 3
    with demo_engine.connect() as conn:
        notes, revision, pending, closed, ends = conn.exec_driver_sql(
            "SELECT notes, revision, pending, attendance_closed, ends_at FROM teaching_session "
            "WHERE id = :id",
            {"id": session},
        ).one()
    assert notes == "Bà Hằng cần học lại.\nLần sau mang sạc."
    assert (revision, pending, closed) == (3, 1, 1) and ends is not None


# The page --------------------------------------------------------------------------------------
@pytest.fixture
def app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    application.shutdown()


def _open(qtbot, app: Application, session: str):
    page = app.window.sessions
    with qtbot.waitSignal(page.listed, timeout=WAIT):
        app.window.show_page(page)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.table.setCurrentIndex(page.model.index(page.model.row_of(session)))
    assert page.detail_view.detail is not None and page.detail_view.detail.id == session
    return page


def test_the_list_shows_a_started_session_with_its_counts(qtbot, app: Application, demo_engine) -> None:
    session, learners = _start(demo_engine)
    with demo_engine.begin() as conn:
        record_attendance(conn, session_id=session, learner_id=learners[2], present=False)
    page = _open(qtbot, app, session)
    text = page.model.index(page.model.row_of(session)).data()
    assert "Lớp học nhóm" in text and "2/3 có mặt" in text and "● đang mở" in text
    assert "Sử dụng VNeID" in text and "Nhà văn hóa thôn Kim Lan" in text
    view = page.detail_view
    assert view.attendance_title.text() == "Điểm danh: 2/3 người có mặt"
    assert view.fact_values[1].text().startswith("1. Cài đặt ứng dụng VNeID")
    assert view.model.rowCount() == 3
    # Closed sessions of the demo carry no "open" mark.
    closed = next(line for line in page.model.rows if line.attendance_closed)
    assert "đang mở" not in page.model.index(page.model.rows.index(closed)).data()


def test_unticking_records_a_correction_and_keeps_the_original(qtbot, app: Application, demo_engine) -> None:
    session, learners = _start(demo_engine)
    page = _open(qtbot, app, session)
    table = page.detail_view.table
    row = next(i for i, r in enumerate(page.detail_view.model.rows) if r.learner_id == learners[0])
    (old_id,) = _sql(
        "SELECT id FROM attendance WHERE session_id = ? AND learner_id = ?", session, learners[0]
    )[0]
    table.setFocus()
    table.setCurrentIndex(page.detail_view.model.index(row, PRESENT))
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT):
        qtbot.keyClick(table, Qt.Key.Key_Space)  # the keyboard ticks, as a mouse would
    rows = _sql(
        "SELECT id, present, supersedes_id FROM attendance WHERE session_id = ? AND learner_id = ? "
        "ORDER BY rowid",
        session,
        learners[0],
    )
    assert len(rows) == 2
    assert rows[0] == (old_id, 1, None)  # the original fact, untouched
    assert rows[1][1:] == (0, old_id)
    qtbot.waitUntil(
        lambda: page.detail_view.attendance_title.text() == "Điểm danh: 2/3 người có mặt", timeout=WAIT
    )
    # Late means present: ticking "late" for the absent learner marks both.
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT):
        page.detail_view.model.setData(
            page.detail_view.model.index(row, LATE),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    newest = _sql(
        "SELECT present, late, supersedes_id FROM attendance WHERE session_id = ? AND learner_id = ? "
        "ORDER BY rowid DESC LIMIT 1",
        session,
        learners[0],
    )[0]
    assert newest == (1, 1, rows[1][0])


def test_a_walk_in_is_registered_with_consent_and_marked_present(
    qtbot,
    app: Application,
    demo_engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, _ = _start(demo_engine)
    page = _open(qtbot, app, session)
    page.add_walk_in()
    dialog = page.walk_in_dialog
    assert dialog is not None
    monkeypatch.setattr(dialog, "ask_consent", lambda name, text: False)
    dialog.new_name.setText("Lò Văn Pọm")
    dialog.new_year.setText("1961")
    dialog.add_walk_in()
    assert dialog.new_status.text() == "Chưa thêm: người học chưa đồng ý."
    monkeypatch.setattr(dialog, "ask_consent", lambda name, text: True)
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT) as recorded:
        dialog.add_walk_in()
    learner_id = recorded.args[0]
    assert _sql("SELECT full_name, birth_year, hamlet FROM learner WHERE id = ?", learner_id) == [
        ("Lò Văn Pọm", 1961, "Thôn Kim Lan")
    ]
    assert _sql("SELECT action, given_by FROM consent WHERE learner_id = ?", learner_id) == [
        ("given", "self")
    ]
    assert _sql(
        "SELECT present, late, walk_in FROM attendance WHERE session_id = ? AND learner_id = ?",
        session,
        learner_id,
    ) == [(1, 0, 1)]
    assert "Đã thêm Lò Văn Pọm" in page.detail_view.status.text()
    qtbot.waitUntil(lambda: page.detail_view.model.rowCount() == 4, timeout=WAIT)


def test_a_walk_in_who_is_already_registered_is_offered_instead(
    qtbot,
    app: Application,
    demo_engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, learners = _start(demo_engine)
    known_id, name, year = _sql(
        "SELECT id, full_name, birth_year FROM learner WHERE birth_year IS NOT NULL AND id NOT IN (?, ?, ?) "
        "LIMIT 1",
        *learners,
    )[0]
    before = _sql("SELECT count(*) FROM learner")[0][0]
    page = _open(qtbot, app, session)
    page.add_walk_in()
    dialog = page.walk_in_dialog
    offered: list[list] = []
    monkeypatch.setattr(dialog, "ask_consent", lambda n, t: True)
    monkeypatch.setattr(dialog, "offer_existing", lambda rows: offered.append(rows) or rows[0])
    dialog.new_name.setText(name.upper())  # typed differently, folds the same
    dialog.new_year.setText(str(year))
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT) as recorded:
        dialog.add_walk_in()
    assert recorded.args == [known_id] and offered and offered[0][0].id == known_id
    assert _sql("SELECT count(*) FROM learner")[0][0] == before  # nobody doubled
    assert _sql(
        "SELECT present, walk_in FROM attendance WHERE session_id = ? AND learner_id = ?", session, known_id
    ) == [(1, 1)]
    assert "đã có trong danh sách" in page.detail_view.status.text()


def test_a_registered_learner_is_added_as_late(qtbot, app: Application, demo_engine) -> None:
    session, learners = _start(demo_engine)
    page = _open(qtbot, app, session)
    page.add_learner()
    dialog = page.pick_dialog
    assert dialog is not None
    target_id, target = _sql(
        "SELECT id, full_name FROM learner WHERE id NOT IN (?, ?, ?) LIMIT 1", *learners
    )[0]
    dialog.search_edit.setText(target)

    def row_of_target() -> int | None:
        items = (dialog.results.item(i) for i in range(dialog.results.count()))
        return next(
            (i for i, it in enumerate(items) if it.data(Qt.ItemDataRole.UserRole).id == target_id), None
        )

    qtbot.waitUntil(lambda: row_of_target() is not None, timeout=WAIT)
    row = row_of_target()
    dialog.results.setCurrentRow(row)
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT):
        dialog.accept()
    assert _sql(
        "SELECT present, late, walk_in FROM attendance WHERE session_id = ? AND learner_id = ?",
        session,
        target_id,
    ) == [(1, 1, 0)]


def test_notes_are_saved_as_a_new_revision(qtbot, app: Application, demo_engine) -> None:
    session, _ = _start(demo_engine)
    page = _open(qtbot, app, session)
    view = page.detail_view
    view.notes.setFocus()
    qtbot.keyClicks(view.notes, "Ba Hang: buoc 3 ")  # typed (QTest types ASCII only)
    view.notes.insertPlainText("cần học lại.")
    with qtbot.waitSignal(page.notes_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(view.save_notes_button, Qt.MouseButton.LeftButton)
    assert saved.args == [2]
    assert _sql("SELECT notes, revision, pending FROM teaching_session WHERE id = ?", session) == [
        ("Ba Hang: buoc 3 cần học lại.", 2, 1)
    ]
    assert view.notes_status.text() == "Đã lưu."


def test_closing_attendance_makes_the_boxes_read_only_until_corrected(
    qtbot,
    app: Application,
    demo_engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, _ = _start(demo_engine)
    page = _open(qtbot, app, session)
    view = page.detail_view
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm_close", lambda detail: asked.append(detail.id) or False)
    page.close_attendance()
    assert asked == [session] and _sql(
        "SELECT attendance_closed FROM teaching_session WHERE id = ?", session
    ) == [(0,)]
    monkeypatch.setattr(page, "confirm_close", lambda detail: True)
    with qtbot.waitSignal(page.attendance_closed, timeout=WAIT):
        page.close_attendance()
    assert _sql(
        "SELECT attendance_closed, revision, pending FROM teaching_session WHERE id = ?", session
    ) == [(1, 2, 1)]
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.attendance_closed, timeout=WAIT)
    checkable = Qt.ItemFlag.ItemIsUserCheckable
    assert not view.model.flags(view.model.index(0, PRESENT)) & checkable
    assert not view.walk_in_button.isEnabled() and view.correct_button.isVisibleTo(view)
    view.correct_button.setChecked(True)  # an officer fixes a mistake
    assert view.model.flags(view.model.index(0, PRESENT)) & checkable
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT):
        view.model.setData(
            view.model.index(0, PRESENT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert _sql(
        "SELECT count(*) FROM attendance WHERE session_id = ? AND supersedes_id IS NOT NULL", session
    ) == [(1,)]
    assert "&" not in page.model.index(page.model.row_of(session)).data()
