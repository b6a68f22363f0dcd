"""A session taught with "Dạy bài này" records the volunteer who taught it (this laptop's profile).

The whole teaching flow runs in the window (offscreen): start, present, quiz, skill checks; the
session is then read back from the store. Without a profile teaching still goes on, naming no one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from volunteer_kit.core.records import Profile
from volunteer_kit.store.devices import profile
from volunteer_kit.store.sessions import session_detail
from volunteer_kit.ui.app import Application

WAIT = 10_000


def _teach_one_lesson(qtbot: Any, app: Application) -> str:
    """Teach the first VNeID lesson to one learner, from the Lessons page to the last skill check."""
    page = app.window.lessons
    with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
        app.window.show_page(page)
    titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
    page.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
    page.lessons.setCurrentRow(0)
    with qtbot.waitSignal(page.flow_started, timeout=WAIT):
        page.teach_button.click()
    flow = page.flow
    dialog = flow.dialog
    with qtbot.waitSignal(dialog.searched, timeout=WAIT):
        qtbot.keyClicks(dialog.search_edit, "nguyen")
    dialog.results.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.place_edit.setText("Nhà văn hóa thôn Kim Lan")
    with qtbot.waitSignal(flow.session_started, timeout=WAIT) as started:
        dialog.accept()
    presenter = flow.presenter
    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
        for _ in range(presenter.step_count):
            qtbot.keyClick(presenter, Qt.Key.Key_Right)
    assert stage.args == ["quiz"]
    quiz = flow.quiz
    questions = flow.pack.quiz.questions
    for question in questions:
        quiz.choice_buttons[0].click()
        quiz.check_button.click()  # the answer and its explanation
        if question is questions[-1]:
            with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
                quiz.check_button.click()
        else:
            quiz.check_button.click()  # the next question
    assert stage.args == ["skill-checks"]
    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
        flow.checks.accept()
    assert stage.args == ["done"]
    return str(started.args[0])


def _save_name_in_settings(qtbot: Any, app: Application, name: str) -> Profile:
    """The volunteer types their name on the Settings page and saves it."""
    page = app.window.settings_page
    app.window.show_page(page)
    page.name_edit.setText(name)
    with qtbot.waitSignal(page.profile_saved, timeout=WAIT) as saved:
        page.save_button.click()
    return saved.args[0]


def _volunteer_ids(engine: Any, session_id: str) -> str:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT volunteer_ids FROM teaching_session WHERE id = ?", (session_id,)
        ).scalar_one()


def test_a_taught_session_records_the_profiles_volunteer(
    qtbot: Any, demo_engine: Any, demo_app: Application
) -> None:
    me = _save_name_in_settings(qtbot, demo_app, "Trần Thị Hoa")
    assert me.volunteer_id
    session_id = _teach_one_lesson(qtbot, demo_app)
    assert _volunteer_ids(demo_engine, session_id) == me.volunteer_id
    with demo_engine.connect() as conn:
        detail = session_detail(conn, session_id)
    assert detail is not None and detail.volunteer_names == ("Trần Thị Hoa",)
    with demo_engine.connect() as conn:
        observers = (
            conn.exec_driver_sql("SELECT observed_by FROM skill_check WHERE session_id = ?", (session_id,))
            .scalars()
            .all()
        )
    assert observers and set(observers) == {me.volunteer_id}  # the skill checks say who saw them


def test_teaching_without_a_profile_still_records_the_session(
    qtbot: Any, demo_engine: Any, demo_app: Application
) -> None:
    with demo_engine.connect() as conn:
        assert profile(conn).volunteer_id is None  # the demo volunteers are other people's
    session_id = _teach_one_lesson(qtbot, demo_app)
    assert _volunteer_ids(demo_engine, session_id) == ""
    with demo_engine.connect() as conn:
        detail = session_detail(conn, session_id)
    assert detail is not None and detail.volunteer_names == () and len(detail.attendance) == 1
