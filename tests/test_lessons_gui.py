"""The Lessons page and teaching mode, as a volunteer uses them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from volunteer_kit import paths
from volunteer_kit.packs.archive import build_archive
from volunteer_kit.ui.app import Application

WAIT = 10_000


@pytest.fixture
def app(qtbot, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    if application.window.lessons.presenter is not None:
        application.window.lessons.presenter.close()
    application.shutdown()


def _open_lessons(qtbot, app: Application):
    page = app.window.lessons
    with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
        app.window.show_page(page)
    return page


def test_library_lists_the_bundled_packs_with_their_contents(qtbot, app: Application) -> None:
    page = _open_lessons(qtbot, app)
    titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
    assert "Sử dụng VNeID" in titles and len(titles) >= 6
    assert all("kèm theo ứng dụng" in page.packs.item(i).text() for i in range(page.packs.count()))
    page.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
    assert page.pack_title.text() == "Sử dụng VNeID"
    assert page.lessons.count() == 5
    assert page.lessons.item(0).text().startswith("1. Cài đặt ứng dụng VNeID")
    assert "NLS-2.6" in page.facts.text() and "HH-1" in page.facts.text()
    assert page.checks.text().count("•") == 5


def test_teaching_mode_follows_the_keyboard_and_hides_notes(qtbot, app: Application) -> None:
    page = _open_lessons(qtbot, app)
    titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
    page.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
    page.lessons.setCurrentRow(1)
    with qtbot.waitSignal(page.presenter_opened, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    presenter = page.presenter
    lesson = presenter.lesson
    assert lesson.title_vi == "Tài khoản định danh điện tử mức 2"
    assert presenter.index == 0 and presenter.step_title.text() == lesson.steps[0].title
    assert "](" not in presenter.body.text()  # image markup is not shown as text
    assert not presenter.notes.isVisible()  # the learner does not see the volunteer's notes
    assert presenter.body.font().pointSizeF() >= 22
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert presenter.index == 2 and presenter.progress.value() == 3
    assert not presenter.picture.pixmap().isNull()
    qtbot.keyClick(presenter, Qt.Key.Key_Left)
    assert presenter.index == 1
    qtbot.keyClick(presenter, Qt.Key.Key_N)
    assert presenter.notes.isVisible() and presenter.notes.text() == lesson.steps[1].notes
    qtbot.keyClick(presenter, Qt.Key.Key_End)
    assert presenter.next_button.text() == "Xong  ✓"
    with qtbot.waitSignal(presenter.finished, timeout=WAIT):
        qtbot.keyClick(presenter, Qt.Key.Key_Right)
    assert not presenter.isVisible()


def test_escape_closes_teaching_mode(qtbot, app: Application) -> None:
    page = _open_lessons(qtbot, app)
    page.preview()
    assert page.presenter.isVisible()
    qtbot.keyClick(page.presenter, Qt.Key.Key_Escape)
    assert not page.presenter.isVisible()


def test_importing_an_unsigned_pack_asks_first_and_marks_it(
    qtbot,
    app: Application,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "pack"
    shutil.copytree(ROOT / "lessons" / "mua-sam", source)
    manifest = (source / "manifest.json").read_text()
    (source / "manifest.json").write_text(re.sub(r'"version": "[0-9.]+"', '"version": "9.2.0"', manifest))
    archive = tmp_path / "mua-sam.vkpack"
    build_archive(source, archive)
    page = _open_lessons(qtbot, app)
    before = page.packs.count()
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm_untrusted", lambda error: asked.append(error.state) or False)
    with qtbot.waitSignal(page.import_finished, timeout=WAIT):
        page.import_file(archive)
    assert asked == ["unsigned"]
    assert not (paths.data_dir() / "packs" / "vn.bdhvs.mua-sam").exists()
    monkeypatch.setattr(page, "confirm_untrusted", lambda error: True)
    with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
        page.import_file(archive)
    assert page.packs.count() == before + 1
    texts = [page.packs.item(i).text() for i in range(page.packs.count())]
    assert any("9.2.0" in t and "CHƯA KÝ" in t for t in texts)
    # Teaching from it shows the mark too.
    page.packs.setCurrentRow(next(i for i, t in enumerate(texts) if "9.2.0" in t))
    page.preview()
    assert "gói chưa xác minh" in page.presenter.lesson_label.text()
    page.presenter.close()


def test_start_up_does_not_load_the_heavy_modules() -> None:
    # The window must appear quickly: SQLAlchemy, SQLModel, pydantic and cryptography load later,
    # off the GUI thread or when a page needs them.
    code = (
        "import sys, volunteer_kit.cli, volunteer_kit.ui.app; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'cryptography') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_whole_session_records_attendance_quiz_and_skill_checks(qtbot, demo_engine, data_dir: Path) -> None:
    import sqlite3

    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    try:
        page = _open_lessons(qtbot, application)
        titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
        page.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
        page.lessons.setCurrentRow(0)
        with qtbot.waitSignal(page.flow_started, timeout=WAIT):
            page.teach_button.click()
        flow = page.flow
        dialog = flow.dialog
        # Mark who is present: search, tick two learners.
        with qtbot.waitSignal(dialog.searched, timeout=WAIT):
            qtbot.keyClicks(dialog.search_edit, "nguyen thi")
        assert dialog.results.count() >= 2
        for row in (0, 1):
            dialog.results.item(row).setCheckState(Qt.CheckState.Checked)
        assert dialog.count_label.text() == "2 người học có mặt"
        present = dialog.present()
        dialog.place_edit.setText("Nhà văn hóa thôn Kim Lan")
        with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
            dialog.accept()
        assert stage.args == ["presenting"]
        # Present the lesson to its end.
        presenter = flow.presenter
        with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
            for _ in range(presenter.step_count):
                qtbot.keyClick(presenter, Qt.Key.Key_Right)
        assert stage.args == ["quiz"]
        # The quiz for two learners, one after the other (the volunteer's choice over the group's grid):
        # the first answers everything right, the second picks the first choice.
        flow.quiz.one_by_one_button.click()
        quiz = flow.quiz
        questions = flow.pack.quiz.questions
        for learner in range(2):
            assert quiz.learner_label.text() == f"Người học: {present[learner].full_name}"
            for question in questions:
                for button in quiz.choice_buttons:
                    right = button.property("choice_id") in question.correct
                    if (learner == 0 and right) or (learner == 1 and button is quiz.choice_buttons[0]):
                        button.click()
                quiz.check_button.click()
                assert quiz.feedback.text()  # the explanation shows at once
                if learner == 1 and question is questions[-1]:
                    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
                        quiz.check_button.click()
                else:
                    quiz.check_button.click()
        assert stage.args == ["skill-checks"]
        # Tick the first learner's required skill checks.
        checks = flow.checks
        required = [c.id for c in flow.pack.manifest.skill_checks if c.required]
        for check_id in required:
            checks.boxes[(present[0].learner_id, check_id)].setChecked(True)
        with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
            checks.accept()
        assert stage.args == ["done"]
        conn = sqlite3.connect(paths.database_path())
        try:
            session = conn.execute(
                "SELECT id, place, kind FROM teaching_session ORDER BY created_at DESC, rowid DESC LIMIT 1"
            ).fetchone()
            assert session[1:] == ("Nhà văn hóa thôn Kim Lan", "group_class")
            attended = {
                r[0]
                for r in conn.execute("SELECT learner_id FROM attendance WHERE session_id = ?", (session[0],))
            }
            assert attended == {p.learner_id for p in present}
            attempts = dict(
                conn.execute(
                    "SELECT learner_id, score FROM quiz_attempt WHERE session_id = ?", (session[0],)
                ).fetchall()
            )
            assert attempts[present[0].learner_id] == 100.0
            assert attempts[present[1].learner_id] < 100.0
            ticked = conn.execute(
                "SELECT learner_id, check_id, passed FROM skill_check WHERE session_id = ?", (session[0],)
            ).fetchall()
            assert {(r[1]) for r in ticked if r[0] == present[0].learner_id and r[2]} == set(required)
            assert not any(r[2] for r in ticked if r[0] == present[1].learner_id)
        finally:
            conn.close()
        # The learner's record shows the progress.
        learners_page = application.window.learners
        application.window.show_page(learners_page)
        qtbot.waitUntil(lambda: learners_page.model.rowCount() > 0, timeout=WAIT)
        learners_page.search_box.setText(present[0].full_name)
        learners_page.run_search()
        qtbot.waitUntil(lambda: learners_page.model.learner_at(0) is not None, timeout=WAIT)
        row = next(
            r
            for r in range(learners_page.model.rowCount())
            if learners_page.model.learner_at(r)
            and learners_page.model.learner_at(r).id == present[0].learner_id
        )
        with qtbot.waitSignal(learners_page.detail_shown, timeout=WAIT):
            learners_page.table.selectRow(row)
        assert "Sử dụng VNeID" in learners_page.detail_view.progress_text.text()
        assert "kiểm tra 100% (đạt)" in learners_page.detail_view.progress_text.text()
    finally:
        application.shutdown()


def test_a_walk_in_is_added_with_consent_or_not_at_all(
    qtbot,
    app: Application,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3
    import unicodedata

    from volunteer_kit.ui.teaching import StartSessionDialog

    dialog = StartSessionDialog(app.store, "Sử dụng VNeID")
    qtbot.addWidget(dialog)

    def count() -> int:
        conn = sqlite3.connect(paths.database_path())
        try:
            return conn.execute("SELECT count(*) FROM learner").fetchone()[0]
        finally:
            conn.close()

    before = count()
    # Bad input gets a precise message and nothing is written.
    for name, year, message in (
        ("", "1950", "Hãy nhập họ và tên."),
        ("Lê Văn Tám", "1800", "Năm sinh phải từ 1900"),
        ("=HYPERLINK(1)", "1950", "không chứa chữ số"),
        ("Lê Văn Tám", "năm", "bốn chữ số"),
    ):
        dialog.new_name.setText(name)
        dialog.new_year.setText(year)
        dialog.add_walk_in()
        assert message in dialog.new_status.text()
    monkeypatch.setattr(dialog, "ask_consent", lambda name, text: False)
    dialog.new_name.setText("Lò Văn Pọm")
    dialog.new_year.setText("1961")
    dialog.add_walk_in()
    assert dialog.new_status.text() == "Chưa thêm: người học chưa đồng ý."
    assert count() == before
    shown: list[str] = []
    monkeypatch.setattr(dialog, "ask_consent", lambda name, text: shown.append(text) or True)
    dialog.new_name.setText(unicodedata.normalize("NFD", "Lò  Văn Pọm"))
    with qtbot.waitSignal(dialog.walk_in_added, timeout=WAIT) as added:
        dialog.add_walk_in()
    assert "rút lại sự đồng ý" in shown[0]
    assert dialog.chosen[added.args[0]] == "Lò Văn Pọm"
    assert dialog.count_label.text() == "1 người học có mặt"
    conn = sqlite3.connect(paths.database_path())
    try:
        row = conn.execute(
            "SELECT full_name, birth_year FROM learner WHERE id = ?", (added.args[0],)
        ).fetchone()
        consent = conn.execute(
            "SELECT action, text_version, given_by FROM consent WHERE learner_id = ?", (added.args[0],)
        ).fetchone()
    finally:
        conn.close()
    assert row == ("Lò Văn Pọm", 1961)
    assert consent == ("given", "2025.1", "self")


def test_a_walk_in_who_is_already_registered_is_offered_instead(
    qtbot,
    demo_engine,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    from volunteer_kit.ui.teaching import StartSessionDialog

    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.store.is_open, timeout=WAIT)
    try:
        conn = sqlite3.connect(paths.database_path())
        known_id, name, year = conn.execute(
            "SELECT id, full_name, birth_year FROM learner WHERE birth_year IS NOT NULL LIMIT 1"
        ).fetchone()
        before = conn.execute("SELECT count(*) FROM learner").fetchone()[0]
        conn.close()
        dialog = StartSessionDialog(application.store, "Sử dụng VNeID")
        qtbot.addWidget(dialog)
        monkeypatch.setattr(dialog, "ask_consent", lambda n, t: True)
        offered: list[list] = []
        monkeypatch.setattr(dialog, "offer_existing", lambda rows: offered.append(rows) or rows[0])
        dialog.new_name.setText(name.upper())  # typed differently, folds the same
        dialog.new_year.setText(str(year))
        with qtbot.waitSignal(dialog.walk_in_added, timeout=WAIT) as added:
            dialog.add_walk_in()
        assert added.args == [known_id] and offered and offered[0][0].id == known_id
        assert "đã có trong danh sách" in dialog.new_status.text()
        conn = sqlite3.connect(paths.database_path())
        assert conn.execute("SELECT count(*) FROM learner").fetchone()[0] == before  # nobody doubled
        conn.close()
    finally:
        application.shutdown()


def test_a_laptop_without_packs_leads_to_importing_one(
    qtbot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle whose lessons folder is empty: the list says why and its button imports a pack."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    bundle = tmp_path / "bundle"
    (bundle / "lessons").mkdir(parents=True)
    (bundle / "resources").symlink_to(ROOT / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)  # where paths.install_root looks
    source = tmp_path / "pack"
    shutil.copytree(ROOT / "lessons" / "mua-sam", source)
    archive = tmp_path / "mua-sam.vkpack"
    build_archive(source, archive)

    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    try:
        qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
        application.window.show()
        page = _open_lessons(qtbot, application)
        assert page.entries == []
        assert not page.packs.isVisible() and page.no_packs.isVisible()
        assert "Máy này chưa có gói bài học nào" in page.no_packs.text.text()
        assert page.no_packs.button.text() == "Nhập gói bài học…"
        assert not page.lessons.isVisible() and not page.teach_button.isVisible()
        # The button opens the file dialog; the pack chosen there is imported.
        asked: list[str] = []

        def choose() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
                QTimer.singleShot(50, choose)
                return
            asked.append(dialog.windowTitle())
            try:
                dialog.selectFile(str(archive))
                dialog.accept()
            finally:
                if dialog.isVisible():
                    dialog.reject()

        monkeypatch.setattr(page, "confirm_untrusted", lambda error: True)
        QTimer.singleShot(0, choose)
        with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
            page.no_packs.button.click()
        assert asked == ["Nhập gói bài học"]
        assert len(page.entries) == 1 and page.packs.isVisible() and not page.no_packs.isVisible()
        assert page.import_button.isVisible() and page.teach_button.isVisible()
    finally:
        application.shutdown()
