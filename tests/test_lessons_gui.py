"""The Lessons page and teaching mode, as a volunteer uses them."""

from __future__ import annotations

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
def app(qtbot, data_dir: Path) -> Iterator[Application]:  # noqa: ANN001
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    if application.window.lessons.presenter is not None:
        application.window.lessons.presenter.close()
    application.shutdown()


def _open_lessons(qtbot, app: Application):  # noqa: ANN001, ANN202
    page = app.window.lessons
    with qtbot.waitSignal(page.library_loaded, timeout=WAIT):
        app.window.show_page(page)
    return page


def test_library_lists_the_bundled_packs_with_their_contents(qtbot, app: Application) -> None:  # noqa: ANN001
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


def test_teaching_mode_follows_the_keyboard_and_hides_notes(qtbot, app: Application) -> None:  # noqa: ANN001
    page = _open_lessons(qtbot, app)
    titles = [page.packs.item(i).text().splitlines()[0] for i in range(page.packs.count())]
    page.packs.setCurrentRow(titles.index("Sử dụng VNeID"))
    page.lessons.setCurrentRow(1)
    with qtbot.waitSignal(page.presenter_opened, timeout=WAIT):
        qtbot.mouseClick(page.teach_button, Qt.MouseButton.LeftButton)
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


def test_escape_closes_teaching_mode(qtbot, app: Application) -> None:  # noqa: ANN001
    page = _open_lessons(qtbot, app)
    page.teach()
    assert page.presenter.isVisible()
    qtbot.keyClick(page.presenter, Qt.Key.Key_Escape)
    assert not page.presenter.isVisible()


def test_importing_an_unsigned_pack_asks_first_and_marks_it(
    qtbot,
    app: Application,
    tmp_path: Path,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "pack"
    shutil.copytree(ROOT / "lessons" / "mua-sam", source)
    manifest = (source / "manifest.json").read_text()
    (source / "manifest.json").write_text(manifest.replace('"version": "1.0.0"', '"version": "1.2.0"'))
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
    assert any("1.2.0" in t and "CHƯA KÝ" in t for t in texts)


def test_start_up_does_not_load_the_heavy_modules() -> None:
    # The window must appear quickly: SQLAlchemy, SQLModel, pydantic and cryptography load later,
    # off the GUI thread or when a page needs them.
    code = (
        "import sys, volunteer_kit.cli, volunteer_kit.ui.app; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'cryptography') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
