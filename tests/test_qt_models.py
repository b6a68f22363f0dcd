"""Every Qt model of the window passes pytest-qt's model tester, filled as its page fills it and empty.

The tester walks the model as a view would (indexes, parents, row and column counts, the types
each role returns, the flags of the root) and keeps checking after every reset or change signal,
so a model that answers a view wrongly fails here rather than in a user's table. Each model is
checked with Qt's own C++ tester and with pytest-qt's Python one (they check different things).
One model per test: the Python tester follows one model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from tests.conftest import _running_app, make_officer
from tests.test_certificates import PACK, _outlines, complete_pack, longest_names
from volunteer_kit import paths
from volunteer_kit.certificates.issue import issue_certificates
from volunteer_kit.store.devices import save_profile
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.learner_import.dialog import ImportLearnersDialog
from volunteer_kit.ui.learners_model import LearnersModel
from volunteer_kit.ui.sessions.page import SessionsPage

WAIT = 15_000
HEADER = "STT;Họ và tên;Năm sinh;Giới tính;Số điện thoại;Thôn/tổ;Nhóm;Đồng ý"
NEW_ROWS = [
    "1;Nguyễn Thị Hằng;1956;Nữ;0912 345 678;Thôn Kim Lan;Người cao tuổi;Có",
    "2;Trần Văn Đức;1961;Nam;;Thôn Giang Cao;;Có",
]
REFUSED_ROWS = [
    "3;=1+1;1970;Nữ;;Thôn Kim Lan;;Có",  # a formula, not a name
    "4;Lê Thị Lan;19x6;Nữ;;;;Có",  # not a year
    "5;Phạm Thị Mai;1980;Nữ;;Thôn Kim Lan;;Không",  # did not agree
]


def _check(qtmodeltester: ModelTester, model: QAbstractItemModel) -> None:
    """Both testers: Qt's reports by warnings (which fail the test), pytest-qt's by assertions."""
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def _csv(folder: Path, rows: list[str]) -> Path:
    path = folder / "danh-sach.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join([HEADER, *rows, ""]).encode("utf-8"))
    return path


# How each page fills its models ----------------------------------------------------------------
def _learners(qtbot: QtBot, app: Application) -> LearnersModel:
    page = app.window.learners
    with qtbot.waitSignal(page.searched, timeout=WAIT):
        app.window.show_page(page)
    return page.model


def _sessions_page(qtbot: QtBot, app: Application) -> SessionsPage:
    page = app.window.sessions
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):  # the list, then the newest session
        app.window.show_page(page)
    return page


def _sessions(qtbot: QtBot, app: Application) -> QAbstractItemModel:
    return _sessions_page(qtbot, app).model


def _attendance(qtbot: QtBot, app: Application) -> QAbstractItemModel:
    return _sessions_page(qtbot, app).detail_view.model


def _certificates(attribute: str) -> Callable[..., QAbstractItemModel]:
    def open_page(qtbot: QtBot, app: Application) -> QAbstractItemModel:
        page = app.window.certificates
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            app.window.show_page(page)
        return getattr(page, attribute)

    return open_page


def _import_dialog(qtbot: QtBot, app: Application) -> ImportLearnersDialog:
    dialog = ImportLearnersDialog(app.store, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _import_preview(qtbot: QtBot, app: Application, rows: list[str] | None) -> QAbstractItemModel:
    dialog = _import_dialog(qtbot, app)
    if rows is not None:
        with qtbot.waitSignal(dialog.checked, timeout=WAIT):
            dialog.choose_file(_csv(paths.data_dir(), rows))
        dialog.next_button.click()
    return dialog.preview_model


def _import_report(qtbot: QtBot, app: Application, rows: list[str]) -> QAbstractItemModel:
    dialog = _import_dialog(qtbot, app)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.choose_file(_csv(paths.data_dir(), rows))
    dialog.next_button.click()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.import_button.click()
    return dialog.report_model


PAGE_MODELS = {
    "learners": _learners,
    "sessions": _sessions,
    "attendance": _attendance,
    "eligible": _certificates("eligible_model"),
    "waiting": _certificates("waiting_model"),
    "issued": _certificates("issued_model"),
}


# The stores ------------------------------------------------------------------------------------
@pytest.fixture
def officer_app(qtbot: QtBot, demo_engine: Engine, data_dir: Path) -> Iterator[Application]:
    """The demo commune (300 learners) on an officer's laptop: four finished VNeID, two certified."""
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        finished = longest_names(conn, 4)
        complete_pack(conn, finished)
    with demo_engine.begin() as conn:
        issue_certificates(conn, data_dir, finished[:2], PACK, _outlines())
    yield from _running_app(qtbot, data_dir)


@pytest.fixture
def empty_officer_app(qtbot: QtBot, engine: Engine, data_dir: Path) -> Iterator[Application]:
    """An officer's laptop with nobody registered yet (an officer, so the certificates page loads)."""
    make_officer(engine)
    yield from _running_app(qtbot, data_dir)


# The tests -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", PAGE_MODELS)
def test_page_model_with_the_demo_commune_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_app: Application, name: str
) -> None:
    model = PAGE_MODELS[name](qtbot, officer_app)
    assert model.rowCount() > 0
    _check(qtmodeltester, model)


@pytest.mark.parametrize("name", PAGE_MODELS)
def test_page_model_of_an_empty_store_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, empty_officer_app: Application, name: str
) -> None:
    model = PAGE_MODELS[name](qtbot, empty_officer_app)
    assert model.rowCount() == 0
    _check(qtmodeltester, model)


def test_import_preview_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_app: Application
) -> None:
    model = _import_preview(qtbot, officer_app, NEW_ROWS + REFUSED_ROWS)
    assert model.rowCount() == len(NEW_ROWS + REFUSED_ROWS)
    _check(qtmodeltester, model)


def test_import_report_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_app: Application
) -> None:
    model = _import_report(qtbot, officer_app, NEW_ROWS + REFUSED_ROWS)
    assert model.rowCount() == len(REFUSED_ROWS)
    _check(qtmodeltester, model)


def test_empty_import_preview_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, empty_officer_app: Application
) -> None:
    _check(qtmodeltester, _import_preview(qtbot, empty_officer_app, None))


def test_import_report_with_nothing_refused_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, empty_officer_app: Application
) -> None:
    model = _import_report(qtbot, empty_officer_app, NEW_ROWS)
    assert model.rowCount() == 0
    _check(qtmodeltester, model)


def _toggle(model: QAbstractItemModel, row: int) -> bool:
    """Tick or untick the first box of `row`, as a click on it does."""
    index = model.index(row, 0)
    ticked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
    return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)


def test_attendance_model_stays_sound_while_marks_change(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_app: Application
) -> None:
    page = _sessions_page(qtbot, officer_app)
    view = page.detail_view
    _check(qtmodeltester, view.model)  # the testers keep checking after every signal below
    if not view.model.editable:
        view.correct_button.setChecked(True)  # a closed session: correcting reloads the rows
    assert view.model.editable
    with qtbot.waitSignal(page.attendance_recorded, timeout=WAIT):
        assert _toggle(view.model, 0)


def test_certificates_model_stays_sound_while_ticking(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_app: Application
) -> None:
    model = _certificates("eligible_model")(qtbot, officer_app)
    _check(qtmodeltester, model)
    assert _toggle(model, 0) and _toggle(model, 0)
    model.tick_all(True)
    model.retranslate()


def test_learners_model_stays_sound_while_pages_arrive(
    qtbot: QtBot, qtmodeltester: ModelTester, officer_app: Application
) -> None:
    model = _learners(qtbot, officer_app)
    _check(qtmodeltester, model)
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "…"  # asks for the last page; the testers recheck when it comes
    qtbot.waitUntil(lambda: model.learner_at(last) is not None, timeout=WAIT)
    assert model.index(last, 0).data() not in (None, "…")
