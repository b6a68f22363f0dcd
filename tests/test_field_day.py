"""A volunteer's whole day in the window, then the exact facts it left in the store.

Register a household of two with their consent, start a session for them, mark who is
present, add a walk-in, correct an attendance, withdraw a consent, and (as the commune
officer) merge a learner registered twice.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from tests.conftest import make_officer
from volunteer_kit import paths
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.sessions.attendance import LATE, PRESENT

WAIT = 10_000


def _sql(query: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(paths.database_path())
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def _save_profile(qtbot, app: Application) -> None:
    settings = app.window.settings_page
    app.window.show_page(settings)
    settings.name_edit.setText("Phạm Thu Hà")
    with qtbot.waitSignal(settings.profile_saved, timeout=WAIT):
        settings.save_button.click()


def _register_household(qtbot, app: Application) -> str:
    page = app.window.households
    app.window.show_page(page)
    dialog = page.open_register_dialog()
    dialog.hamlet_box.lineEdit().insert("Thôn Đông")
    dialog.address_edit.insert("Số 12, ngõ 3")
    dialog.name_edit.insert("Nguyễn Thị Hoa")  # an input method commits Vietnamese words whole
    qtbot.keyClicks(dialog.year_edit, "1958")
    qtbot.keyClicks(dialog.phone_edit, "0912 345 678")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    dialog.name_edit.insert("Trần Minh Khôi")
    qtbot.keyClicks(dialog.year_edit, "2016")
    dialog.year_edit.editingFinished.emit()
    dialog.representative_edit.insert("Nguyễn Thị Hoa")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.people_list.count() == 2
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
        dialog.save_button.click()
    return saved.args[0]


def _start_session(qtbot, app: Application) -> str:
    lessons = app.window.lessons
    with qtbot.waitSignal(lessons.library_loaded, timeout=WAIT):
        app.window.show_page(lessons)
    titles = [lessons.packs.item(i).text().splitlines()[0] for i in range(lessons.packs.count())]
    lessons.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
    lessons.lessons.setCurrentRow(0)
    with qtbot.waitSignal(lessons.flow_started, timeout=WAIT):
        lessons.teach_button.click()
    flow = lessons.flow
    dialog = flow.dialog
    with qtbot.waitSignal(dialog.searched, timeout=WAIT):
        qtbot.keyClicks(dialog.search_edit, "thon dong")  # the hamlet, without accents
    assert dialog.results.count() == 2
    for row in range(2):
        dialog.results.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.place_edit.setText("Nhà văn hóa thôn Đông")
    with qtbot.waitSignal(flow.stage, timeout=WAIT):
        dialog.accept()
    qtbot.keyClick(flow.presenter, Qt.Key.Key_Escape)  # the lesson is over for today
    [(session_id,)] = _sql("SELECT id FROM teaching_session")
    return session_id


def _walk_in(qtbot, page, monkeypatch, name: str, year: str, *, different: bool = False) -> str:
    page.add_walk_in()
    dialog = page.walk_in_dialog
    monkeypatch.setattr(dialog, "ask_consent", lambda _name, _text: True)
    monkeypatch.setattr(dialog, "offer_existing", lambda existing: None)  # "no, someone else"
    monkeypatch.setattr(dialog, "confirm_different_person", lambda: different)
    dialog.new_name.setText(name)
    dialog.new_year.setText(year)
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT) as recorded:
        dialog.add_walk_in()
    return recorded.args[0]


def _tick(qtbot, page, learner_id: str, column: int) -> None:
    model = page.detail_view.model
    qtbot.waitUntil(lambda: any(r.learner_id == learner_id for r in model.rows), timeout=WAIT)
    row = next(i for i, r in enumerate(model.rows) if r.learner_id == learner_id)
    table = page.detail_view.table
    table.setFocus()
    table.setCurrentIndex(model.index(row, column))
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT):
        qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.detail_view.detail is not None, timeout=WAIT)


def test_a_volunteers_full_day(qtbot, app: Application, monkeypatch: pytest.MonkeyPatch) -> None:
    window = app.window
    _save_profile(qtbot, app)
    household = _register_household(qtbot, app)
    [(hoa,)] = _sql("SELECT id FROM learner WHERE full_name = 'Nguyễn Thị Hoa'")
    [(khoi,)] = _sql("SELECT id FROM learner WHERE full_name = 'Trần Minh Khôi'")

    session = _start_session(qtbot, app)
    page = window.sessions
    with qtbot.waitSignal(page.listed, timeout=WAIT):
        window.show_page(page)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.table.setCurrentIndex(page.model.index(page.model.row_of(session)))
    assert page.detail_view.attendance_title.text() == "Điểm danh: 2/2 người có mặt"

    # Khôi went home before the class began: untick him; then he came back late.
    _tick(qtbot, page, khoi, PRESENT)
    qtbot.waitUntil(
        lambda: page.detail_view.attendance_title.text() == "Điểm danh: 1/2 người có mặt", timeout=WAIT
    )
    _tick(qtbot, page, khoi, LATE)
    # A neighbour walks in; and a second volunteer types Hoa again, without accents, and registers
    # her as "someone else": the duplicate the officer merges at the end of the day.
    tam = _walk_in(qtbot, page, monkeypatch, "Lê Văn Tám", "1970")
    duplicate = _walk_in(qtbot, page, monkeypatch, "Nguyen Thi Hoa", "1958", different=True)
    assert duplicate != hoa

    # Tám does not want to be recorded after all.
    learners = window.learners
    window.show_page(learners)
    with qtbot.waitSignal(learners.detail_shown, timeout=WAIT):
        learners.open_learner(tam)
    monkeypatch.setattr(learners, "confirm_withdrawal", lambda name: True)
    with qtbot.waitSignal(learners.consent_withdrawn, timeout=WAIT):
        learners.detail_view.withdraw_button.click()

    # The commune officer merges the duplicate into Hoa's record (this laptop is enrolled as hers).
    from volunteer_kit.store.engine import make_engine
    from volunteer_kit.store.learners import rows_by_rowid

    engine = make_engine(paths.database_path())
    make_officer(engine)
    learners.refresh()
    with qtbot.waitSignal(learners.detail_shown, timeout=WAIT):
        learners.open_learner(hoa)
    with engine.connect() as conn:
        [other] = rows_by_rowid(conn, [_sql("SELECT rowid FROM learner WHERE id = ?", duplicate)[0][0]])
    engine.dispose()
    monkeypatch.setattr(learners, "pick_duplicate", lambda kept: other)
    monkeypatch.setattr(learners, "confirm_merge", lambda kept, chosen: True)
    qtbot.waitUntil(learners.detail_view.merge_button.isVisible, timeout=WAIT)
    with qtbot.waitSignal(learners.merged, timeout=WAIT):
        learners.detail_view.merge_button.click()

    # The store holds exactly the facts of the day.
    assert _sql("SELECT id, hamlet, address, head_name FROM household") == [
        (household, "Thôn Đông", "Số 12, ngõ 3", "Nguyễn Thị Hoa")
    ]
    assert sorted(
        _sql(
            "SELECT id, full_name, birth_year, phone, household_id, anonymized, deleted, merged_into_id "
            "FROM learner"
        )
    ) == sorted(
        [
            (hoa, "Nguyễn Thị Hoa", 1958, "0912345678", household, 0, 0, None),
            (khoi, "Trần Minh Khôi", 2016, None, household, 0, 0, None),
            (tam, "", None, None, None, 1, 0, None),
            (duplicate, "Nguyen Thi Hoa", 1958, None, None, 0, 1, hoa),
        ]
    )
    assert sorted(_sql("SELECT learner_id, action, given_by, representative_name FROM consent")) == sorted(
        [
            (hoa, "given", "self", ""),
            (khoi, "given", "representative", "Nguyễn Thị Hoa"),
            (tam, "given", "self", ""),
            (tam, "withdrawn", "self", ""),
            (duplicate, "given", "self", ""),
        ]
    )
    # Every attendance fact in the order it was recorded: nothing edited, corrections supersede.
    facts = _sql(
        "SELECT id, learner_id, present, late, walk_in, deleted, supersedes_id FROM attendance "
        "WHERE session_id = ? ORDER BY rowid",
        session,
    )
    ids = [f[0] for f in facts]
    assert [f[1:] for f in facts] == [
        (hoa, 1, 0, 0, 0, None),  # the session starts: both present
        (khoi, 1, 0, 0, 0, None),
        (khoi, 0, 0, 0, 0, ids[1]),  # Khôi unticked
        (khoi, 1, 1, 0, 0, ids[2]),  # ... and back, late
        (tam, 1, 0, 1, 0, None),  # the walk-in
        (duplicate, 1, 0, 1, 0, None),  # Hoa typed again
        (duplicate, 1, 0, 1, 1, ids[5]),  # the merge retracts the duplicate's mark: Hoa is marked already
    ]
    current = _sql(
        "SELECT learner_id, present, late FROM attendance a WHERE session_id = ? AND deleted = 0 "
        "AND NOT EXISTS (SELECT 1 FROM attendance n WHERE n.supersedes_id = a.id)",
        session,
    )
    assert sorted(current) == sorted([(hoa, 1, 0), (khoi, 1, 1), (tam, 1, 0)])
    [merge] = _sql("SELECT kept_id, merged_id, moved_facts FROM learner_merge")
    assert merge == (hoa, duplicate, 1)
    # Everything waits to reach the hub.
    for table in ("household", "learner", "consent", "attendance", "learner_merge", "teaching_session"):
        assert _sql(f"SELECT count(*) FROM {table} WHERE pending = 0") == [(0,)]
