"""The Households page, registering a household in the window, and Today's list of what needs doing."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from tests.conftest import make_officer
from volunteer_kit import paths
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.household_dialog import HouseholdDialog

WAIT = 10_000


def _rows(query: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(paths.database_path())
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _type_person(qtbot, dialog: HouseholdDialog, name: str, year: str, *, phone: str = "") -> None:
    # Vietnamese letters arrive whole from an input method (QTest types only Latin-1 keys).
    dialog.name_edit.insert(name)
    qtbot.keyClicks(dialog.year_edit, year)
    if phone:
        qtbot.keyClicks(dialog.phone_edit, phone)


def test_registering_a_household_by_keyboard(qtbot, app: Application) -> None:
    page = app.window.households
    app.window.show_page(page)
    dialog = page.open_register_dialog()
    assert isinstance(dialog, HouseholdDialog)
    dialog.hamlet_box.lineEdit().insert("Thôn Đoài")
    dialog.address_edit.insert("Xóm 2, nhà số 7")
    _type_person(qtbot, dialog, "Hoàng Thị  Lan", "1950", phone="0987 654 321")
    dialog.group_checks["elderly"].setChecked(True)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter adds the person and starts the next
    assert dialog.people_list.count() == 1 and dialog.name_edit.text() == ""
    _type_person(qtbot, dialog, "Hoàng Minh Đức", "2016")
    dialog.year_edit.editingFinished.emit()  # a child: a representative gives consent
    assert dialog.representative_radio.isChecked()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert "người đại diện" in dialog.message.text()  # nobody named yet: not added
    dialog.representative_edit.insert("Hoàng Thị Lan")
    qtbot.keyClick(dialog.representative_edit, Qt.Key.Key_Return)
    assert dialog.people_list.count() == 2
    dialog.activateWindow()  # shortcuts act in the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    household = saved.args[0]
    assert _rows("SELECT hamlet, address, head_name FROM household") == [
        ("Thôn Đoài", "Xóm 2, nhà số 7", "Hoàng Thị Lan")
    ]
    assert _rows(
        "SELECT l.full_name, l.phone, l.groups, c.given_by, c.representative_name FROM learner l "
        "JOIN consent c ON c.learner_id = l.id WHERE l.household_id = ? ORDER BY l.birth_year",
        household,
    ) == [
        ("Hoàng Thị Lan", "0987654321", ",elderly,", "self", ""),
        ("Hoàng Minh Đức", None, ",", "representative", "Hoàng Thị Lan"),
    ]
    # The page lists it and shows it, with both people and no visit yet.
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.refresh()
    detail = page.detail_view
    assert detail.name.text() == "Hoàng Thị Lan"
    assert detail.members.count() == 2
    assert detail.visits.item(0).text() == "Chưa đến hướng dẫn lần nào"
    assert detail.status.text() == "Đã có 0/5 kỹ năng số của hộ"


def test_bad_values_stay_in_the_dialog_with_a_message(qtbot, app: Application) -> None:
    dialog = app.window.households.open_register_dialog()
    _type_person(qtbot, dialog, "=cmd|' /C calc'!A0", "1970")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.message.text() == "Họ tên không chứa chữ số hay dấu =, +, -, @ ở đầu."
    dialog.name_edit.setText("Lò Văn Páo")
    dialog.year_edit.setText("1800")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.message.text().startswith("Năm sinh phải từ 1900 đến")
    dialog.year_edit.setText("1970")
    dialog.phone_edit.setText("không có")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert "số điện thoại" in dialog.message.text()
    dialog.phone_edit.clear()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    dialog.save()  # no hamlet chosen
    assert dialog.message.text() == "Hãy chọn thôn, tổ dân phố."
    assert dialog.isVisible()
    assert _rows("SELECT count(*) FROM learner") == [(0,)]


def test_someone_already_registered_is_offered(qtbot, demo_app: Application) -> None:
    name, year, learner_id = _rows(
        "SELECT full_name, birth_year, id FROM learner "
        "WHERE birth_year IS NOT NULL AND anonymized = 0 LIMIT 1"
    )[0]
    before = _rows("SELECT count(*) FROM learner")[0][0]
    dialog = demo_app.window.households.open_register_dialog()
    dialog.hamlet_box.lineEdit().insert("Thôn Mới")
    _type_person(qtbot, dialog, name.upper(), str(year))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    _type_person(qtbot, dialog, "Đinh Văn Mới", "1990")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    offered = []
    dialog.ask_duplicates = lambda existing: offered.extend(existing) or "existing"  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
        dialog.save()
    assert [row.id for row in offered] == [learner_id]
    members = _rows(
        "SELECT id, full_name FROM learner WHERE household_id = ? ORDER BY full_name", saved.args[0]
    )
    assert sorted(m[0] for m in members if m[1] != "Đinh Văn Mới") == [learner_id]
    assert _rows("SELECT count(*) FROM learner")[0][0] == before + 1  # only the new person


def test_households_page_filters_and_shows_household_skills(qtbot, demo_app: Application) -> None:
    page = demo_app.window.households
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        demo_app.window.show_page(page)
    assert loaded.args[0] == _rows("SELECT count(*) FROM household")[0][0] == page.model.rowCount()
    hamlet = _rows("SELECT hamlet FROM household ORDER BY hamlet LIMIT 1")[0][0]
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        page.hamlet_box.setCurrentIndex(page.hamlet_box.findData(hamlet))
    assert loaded.args[0] == _rows("SELECT count(*) FROM household WHERE hamlet = ?", hamlet)[0][0]
    # The household whose members did the most skill checks shows those skills.
    best = _rows(
        "SELECT l.household_id FROM skill_check c JOIN learner l ON l.id = c.learner_id "
        "WHERE c.passed = 1 AND l.household_id IS NOT NULL "
        "GROUP BY l.household_id ORDER BY count(*) DESC LIMIT 1"
    )[0][0]
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT) as shown:
        page.show_household(best)
    detail = shown.args[0]
    assert detail.household.id == best
    lines = page.detail_view.skills.text().splitlines()
    assert [line.split(" ")[0] for line in lines] == ["HH-1", "HH-2", "HH-3", "HH-4", "HH-5"]
    for line in lines:
        assert ("✓" in line) == (line.split(" ")[0] in detail.shown_by)
    # Every household skill has a bundled pack (HH-5: nen-tang-so-dia-phuong); on a laptop without
    # the pack that teaches HH-5, the page says so rather than "not yet".
    assert not any("chưa có gói bài học nào dạy" in line for line in lines)
    view = page.detail_view
    view.outlines = {k: o for k, o in view.outlines.items() if "HH-5" not in o.competencies}
    view._show_skills(detail)
    lines = page.detail_view.skills.text().splitlines()
    assert "HH-5" not in detail.shown_by and "chưa có gói bài học nào dạy" in lines[4]
    assert page.detail_view.visits.count() == len(detail.visits)


def test_today_lists_what_needs_doing_and_opens_it(qtbot, demo_app: Application) -> None:
    window = demo_app.window
    today = window.today
    qtbot.waitUntil(lambda: today.todo is not None, timeout=WAIT)
    open_sessions = _rows("SELECT count(*) FROM teaching_session WHERE attendance_closed = 0")[0][0]
    assert today.open_sessions.items.count() == open_sessions > 0
    assert today.unvisited.items.count() == len(today.todo.unvisited_by_hamlet)
    assert today.one_short.items.count() == len(today.todo.one_lesson_short) > 0
    # Enter on a learner one lesson short opens their record on the Learners page.
    learner_id = today.todo.one_lesson_short[0][0]
    today.one_short.items.setCurrentRow(0)
    with qtbot.waitSignal(window.learners.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(today.one_short.items, Qt.Key.Key_Return)
    assert window.current_page() is window.learners and shown.args[0].learner.id == learner_id
    # And a hamlet with unvisited households opens the Households page on that hamlet.
    window.show_page(today)
    if today.todo.unvisited_by_hamlet:
        hamlet = today.todo.unvisited_by_hamlet[0][0]
        today.unvisited.items.setCurrentRow(0)
        with qtbot.waitSignal(window.households.loaded, timeout=WAIT):
            qtbot.keyClick(today.unvisited.items, Qt.Key.Key_Return)
        assert window.current_page() is window.households
        assert window.households.hamlet_box.currentData() == hamlet


def test_an_officer_merges_a_duplicate_from_the_record(qtbot, demo_app: Application, monkeypatch) -> None:
    window = demo_app.window
    page = window.learners
    (kept_id,) = _rows(
        "SELECT l.id FROM learner l WHERE anonymized = 0 AND EXISTS "
        "(SELECT 1 FROM attendance a WHERE a.learner_id = l.id) LIMIT 1"
    )[0]
    other_id, other_name = _rows(
        "SELECT l.id, l.full_name FROM learner l WHERE l.id != ? AND anonymized = 0 AND EXISTS "
        "(SELECT 1 FROM attendance a WHERE a.learner_id = l.id) LIMIT 1",
        kept_id,
    )[0]
    other_facts = _rows("SELECT count(*) FROM attendance WHERE learner_id = ?", other_id)[0][0]
    window.show_page(page)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.open_learner(kept_id)
    assert not page.detail_view.merge_button.isVisible()  # a volunteer does not merge
    # The laptop is enrolled as the commune officer's: the page learns it when it refreshes.
    from volunteer_kit.store.engine import make_engine

    officer_engine = make_engine(paths.database_path())
    make_officer(officer_engine)
    officer_engine.dispose()
    page.refresh()
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.open_learner(kept_id)
    qtbot.waitUntil(page.detail_view.merge_button.isVisible, timeout=WAIT)
    # The picker dialog would offer this record: what it hands back is the learner's list row.
    from volunteer_kit.store.engine import make_engine
    from volunteer_kit.store.learners import rows_by_rowid

    engine = make_engine(paths.database_path())
    with engine.connect() as conn:
        [other] = rows_by_rowid(conn, [_rows("SELECT rowid FROM learner WHERE id = ?", other_id)[0][0]])
    engine.dispose()
    monkeypatch.setattr(page, "pick_duplicate", lambda kept: other)
    monkeypatch.setattr(page, "confirm_merge", lambda kept, chosen: chosen.id == other_id)
    with qtbot.waitSignal(page.merged, timeout=WAIT):
        page.detail_view.merge_button.click()
    assert other_name in page.status.text()
    assert _rows("SELECT kept_id, merged_id FROM learner_merge") == [(kept_id, other_id)]
    assert _rows("SELECT deleted, merged_into_id FROM learner WHERE id = ?", other_id) == [(1, kept_id)]
    current_of_other = _rows(
        "SELECT count(*) FROM attendance a WHERE a.learner_id = ? AND a.deleted = 0 AND NOT EXISTS "
        "(SELECT 1 FROM attendance n WHERE n.supersedes_id = a.id)",
        other_id,
    )[0][0]
    assert other_facts > 0 and current_of_other == 0


def test_today_opens_a_session_whose_attendance_is_open(qtbot, demo_app: Application) -> None:
    window = demo_app.window
    today = window.today
    qtbot.waitUntil(lambda: today.todo is not None and today.open_sessions.items.count() > 0, timeout=WAIT)
    wanted = today.todo.open_sessions[-1].id
    today.open_sessions.items.setCurrentRow(today.open_sessions.items.count() - 1)
    sessions = window.sessions
    sessions.search_box.setText("no such place")  # a filter left over from earlier is cleared
    with qtbot.waitSignal(sessions.detail_shown, timeout=WAIT) as shown:
        qtbot.keyClick(today.open_sessions.items, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sessions.detail_view.detail is not None, timeout=WAIT)
    assert window.current_page() is sessions
    assert sessions.detail_view.detail.id == wanted and shown.args[0] is not None
