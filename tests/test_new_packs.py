"""The four packs of issue 17 are on the Lessons page and teachable end to end in the window
(presenter, quiz, skill checks), and a learner who finishes one is eligible for its certificate."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT, make_officer
from volunteer_kit.packs.reader import read_pack
from volunteer_kit.ui.app import Application

WAIT = 10_000
NEW = ["zalo-mang-xa-hoi", "nen-tang-so-dia-phuong", "chu-ky-so", "dich-vu-thiet-yeu"]


@pytest.mark.parametrize("name", NEW)
def test_a_new_pack_is_taught_in_the_window_and_leads_to_a_certificate(
    qtbot, demo_engine, data_dir: Path, name: str
) -> None:
    from volunteer_kit.certificates.eligibility import eligibility
    from volunteer_kit.packs.outline import installed_outlines
    from volunteer_kit.store.teaching import start_session

    pack = read_pack(ROOT / "lessons" / name)
    title = pack.manifest.title.vi
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    try:
        page = application.window.lessons
        with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
            application.window.show_page(page)
        titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
        page.packs.setCurrentRow(titles.index(title))
        page.lessons.setCurrentRow(0)
        with qtbot.waitSignal(page.flow_started, timeout=WAIT):
            page.teach_button.click()
        flow = page.flow
        dialog = flow.dialog
        with qtbot.waitSignal(dialog.searched, timeout=WAIT):
            qtbot.keyClicks(dialog.search_edit, "nguyen")
        dialog.results.item(0).setCheckState(Qt.CheckState.Checked)
        learner = dialog.present()[0].learner_id
        dialog.place_edit.setText("Nhà văn hóa thôn Kim Lan")
        with qtbot.waitSignal(flow.stage, timeout=WAIT):
            dialog.accept()
        presenter = flow.presenter
        with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
            for _ in range(presenter.step_count):
                assert "{{" not in presenter.body.text()  # a field reads its default
                qtbot.keyClick(presenter, Qt.Key.Key_Right)
        assert stage.args == ["quiz"]
        quiz = flow.quiz
        questions = flow.pack.quiz.questions
        for question in questions:
            for button in quiz.choice_buttons:
                if button.property("choice_id") in question.correct:
                    button.click()
            quiz.check_button.click()
            if question is questions[-1]:
                with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
                    quiz.check_button.click()
            else:
                quiz.check_button.click()
        assert stage.args == ["skill-checks"]
        for check in flow.pack.manifest.skill_checks:
            if check.required:
                flow.checks.boxes[(learner, check.id)].setChecked(True)
        with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
            flow.checks.accept()
        assert stage.args == ["done"]
    finally:
        application.shutdown()
    # The pack's other lessons, taught on other days; then the officer's laptop finds the learner eligible.
    with demo_engine.begin() as conn:
        start_session(
            conn,
            kind="home_visit",
            pack_id=pack.manifest.id,
            pack_version=pack.manifest.version,
            lesson_ids=[lesson.id for lesson in pack.lessons[1:]],
            place="Nhà người học",
            learner_ids=[learner],
        )
    make_officer(demo_engine)
    with demo_engine.connect() as conn:
        found = {e.learner_id: e for e in eligibility(conn, installed_outlines(), pack.manifest.id)}
    assert found[learner].eligible, found[learner].why("vi")


def test_the_commune_fills_in_its_names_on_the_lessons_page(qtbot, data_dir: Path) -> None:
    import json

    from volunteer_kit import paths

    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    try:
        page = application.window.lessons
        with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
            application.window.show_page(page)
        titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
        page.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
        assert page.fields_button.isHidden()  # a pack without fields has nothing to fill in
        assert "bậc 1/8" in page.facts.text() or "bậc 2/8" in page.facts.text()
        page.packs.setCurrentRow(titles.index("Nền tảng số của xã và tỉnh"))
        assert not page.fields_button.isHidden()
        page.fields_button.click()
        qtbot.waitUntil(lambda: bool(page.fields_dialog and page.fields_dialog.isVisible()), timeout=WAIT)
        dialog = page.fields_dialog
        assert dialog is not None
        edit = dialog.edits["ung-dung-tinh"]
        assert edit.text() == "" and edit.placeholderText() == "ứng dụng công dân của tỉnh"
        # A brace is refused with one line in the dialog, and nothing is written.
        edit.setText("Huế-S {x}")
        dialog.save()
        qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=WAIT)
        assert "ngoặc nhọn" in dialog.error.text()
        assert not (paths.data_dir() / "pack-fields.json").exists()
        edit.setText("Huế-S")
        with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
            dialog.save()
        saved = json.loads((paths.data_dir() / "pack-fields.json").read_text(encoding="utf-8"))
        assert saved == {"vn.bdhvs.nen-tang-so-dia-phuong": {"ung-dung-tinh": "Huế-S"}}
        entry = page.current_entry()
        assert entry is not None and entry.pack.manifest.id == "vn.bdhvs.nen-tang-so-dia-phuong"
        from volunteer_kit.packs.lint import plain  # the text the learner reads (no picture captions)

        text = "\n".join(plain(step.body) for lesson in entry.pack.lessons for step in lesson.steps)
        assert "Huế-S" in text and "ứng dụng công dân của tỉnh" not in text
    finally:
        application.shutdown()
