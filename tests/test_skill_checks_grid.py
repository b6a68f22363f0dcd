"""The skill checks as a grid: a cell per learner present and per check of the lesson, short column
names with the whole sentence on hover and under the grid, arrows and Space, and room for it all at
200 % text in a 1366×680 window. Ticked cells are recorded as exactly those skill checks."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.test_translations import _english_vocabulary, _untranslated, _visible_texts
from volunteer_kit import paths
from volunteer_kit.packs.reader import Pack, read_pack
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.group_quiz import GroupQuizWindow
from volunteer_kit.ui.skill_checks import SkillChecksDialog
from volunteer_kit.ui.teaching import Present, TeachingFlow

WAIT = 10_000


def teach_to_the_skill_checks(
    qtbot: Any, app: Application, names: list[str], *, right: Collection[str] = ()
) -> TeachingFlow:
    """From the Lessons page: teach the first VNeID lesson to `names` (each found by a search), show
    every step, and answer the quiz, all right for the names in `right`, the first choice for the others."""
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
    for name in names:
        with qtbot.waitSignal(dialog.searched, timeout=WAIT):
            dialog.search_edit.setText(name)
        items = [dialog.results.item(i) for i in range(dialog.results.count())]
        found = next(i for i in items if i.data(Qt.ItemDataRole.UserRole)[1] == name)
        found.setCheckState(Qt.CheckState.Checked)
    dialog.place_edit.setText("Nhà văn hóa thôn Kim Lan")
    with qtbot.waitSignal(flow.stage, timeout=WAIT):
        dialog.accept()
    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
        for _ in range(flow.presenter.step_count):
            qtbot.keyClick(flow.presenter, Qt.Key.Key_Right)
    assert stage.args == ["quiz"]
    # A group answers on the quiz's grid: a row of ticks per learner, a question at a time.
    quiz = flow.quiz
    assert isinstance(quiz, GroupQuizWindow) and [row.learner for row in quiz.rows] == flow.present
    for question in flow.pack.quiz.questions:
        for row in quiz.rows:
            for cell in row.cells:
                if row.learner.full_name in right:
                    if cell.property("choice_id") in question.correct:
                        cell.click()
                elif cell is row.cells[0]:
                    cell.click()
        quiz.check_button.click()  # the right answer, each row's ✓ or ✗
        quiz.check_button.click()  # the next question, or after the last every learner's score
    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
        quiz.check_button.click()
    assert stage.args == ["skill-checks"]
    return flow


def _learners(engine: Any, count: int) -> list[Present]:
    """Demo learners whose names nobody else has (a search then finds each one)."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT min(id), full_name FROM learner WHERE deleted = 0 AND anonymized = 0 "
            "AND merged_into_id IS NULL GROUP BY full_name HAVING count(*) = 1 ORDER BY full_name LIMIT ?",
            (count,),
        ).all()
    return [Present(learner_id, name) for learner_id, name in rows]


def _vneid() -> Pack:
    return read_pack(paths.lessons_dir() / "vneid")


def _focused() -> Any:
    return QApplication.focusWidget()


def test_ticking_cells_records_exactly_those_skill_checks(qtbot, demo_app, demo_engine) -> None:
    names = [p.full_name for p in _learners(demo_engine, 3)]
    flow = teach_to_the_skill_checks(qtbot, demo_app, names)
    checks = flow.checks
    check_ids = [c.id for c in flow.pack.manifest.skill_checks]
    learners = [p.learner_id for p in flow.present]
    assert [p.full_name for p in flow.present] == names
    # A row per learner, a column per check: one cell each.
    assert len(checks.cells) == 3 and all(len(row) == len(check_ids) == 5 for row in checks.cells)
    assert set(checks.boxes) == {(learner, check) for learner in learners for check in check_ids}
    # The keyboard: Space ticks, arrows move; the line under the grid follows the focus.
    checks.activateWindow()
    qtbot.waitUntil(checks.isActiveWindow, timeout=WAIT)
    checks.cells[0][0].setFocus()
    qtbot.waitUntil(checks.cells[0][0].hasFocus, timeout=WAIT)
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    qtbot.keyClick(_focused(), Qt.Key.Key_Right)
    qtbot.keyClick(_focused(), Qt.Key.Key_Right)
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    qtbot.keyClick(_focused(), Qt.Key.Key_Down)
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    assert _focused() is checks.cells[1][2]
    sentence = flow.pack.manifest.skill_checks[2].text.vi
    assert checks.focus_line.text() == f"{names[1]} · Kỹ năng 3: {sentence}"
    qtbot.keyClick(_focused(), Qt.Key.Key_Up)
    assert _focused() is checks.cells[0][2] and names[0] in checks.focus_line.text()
    # The whole cell is the target: a click in its corner, well away from the box, ticks it.
    qtbot.mouseClick(checks.cells[2][4], Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    ticked = {(0, 0), (0, 2), (1, 2), (2, 4)}
    shown = {(r, c) for r, row in enumerate(checks.cells) for c, box in enumerate(row) if box.isChecked()}
    assert shown == ticked
    with qtbot.waitSignal(flow.stage, timeout=WAIT) as stage:
        checks.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert stage.args == ["done"]
    with demo_engine.connect() as conn:
        recorded = conn.exec_driver_sql(
            "SELECT learner_id, check_id, passed FROM skill_check WHERE session_id = ?", (flow.session_id,)
        ).all()
    assert len(recorded) == 3 * 5
    assert {(lid, cid) for lid, cid, passed in recorded if passed} == {
        (learners[r], check_ids[c]) for r, c in ticked
    }


def test_columns_have_short_names_and_the_whole_sentence_on_hover(qtbot, demo_app, demo_engine) -> None:
    pack = _vneid()
    dialog = SkillChecksDialog(pack, _learners(demo_engine, 2), demo_app.window)
    dialog.show()
    for number, (header, check) in enumerate(zip(dialog.headers, pack.manifest.skill_checks, strict=True), 1):
        first, *rest = header.text().splitlines()
        assert first == f"Kỹ năng {number}"
        assert rest == ([] if check.required else ["(không bắt buộc)"])
        sentence = check.text.vi + ("" if check.required else " (không bắt buộc)")
        assert header.toolTip() == sentence
        assert all(row[number - 1].toolTip() == sentence for row in dialog.cells)
    sources, words = _english_vocabulary()
    assert [text for _where, text in _visible_texts(dialog) if _untranslated(text, sources, words)] == []


def test_at_200_percent_the_grid_fits_a_1366_by_680_window(qtbot, demo_app, demo_engine) -> None:
    window = demo_app.window
    window.resize(1366, 680)
    demo_app.set_text_scale(200)
    dialog = SkillChecksDialog(_vneid(), _learners(demo_engine, 12), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isVisible() and dialog.rect().contains(QRect(save.mapTo(dialog, QPoint(0, 0)), save.size()))
    # Every column across, the learners scrolling inside; the column names stay in view.
    qtbot.waitUntil(lambda: not dialog.body_area.horizontalScrollBar().isVisible(), timeout=WAIT)
    assert dialog.body_area.verticalScrollBar().isVisible()
    assert dialog.head_area.isVisible()
    # Large targets: a cell is wider than two lines of text and taller than one and a half.
    line = dialog.fontMetrics().height()
    assert line > 30  # the text is large
    cell = dialog.cells[0][0]
    assert cell.width() >= 2 * line and cell.height() >= 1.5 * line
    # The focus brings the last learner into view.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    dialog.cells[0][0].setFocus()
    for _ in range(11):
        qtbot.keyClick(_focused(), Qt.Key.Key_Down)
    last = dialog.cells[11][0]
    assert _focused() is last
    viewport = dialog.body_area.viewport()
    assert viewport.rect().contains(QRect(last.mapTo(viewport, QPoint(0, 0)), last.size()))
