"""Importing a commune list from the window: columns guessed, every row checked, a report of refusals."""

from __future__ import annotations

import csv
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from volunteer_kit import paths
from volunteer_kit.store.learners import register_learner
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.learner_import.dialog import (
    STEP_COLUMNS,
    STEP_FILE,
    STEP_PREVIEW,
    STEP_REPORT,
    ImportLearnersDialog,
)
from volunteer_kit.ui.ops import WriteOp

WAIT = 10_000
HEADER = "STT;Họ và tên;Năm sinh;Giới tính;Số điện thoại;Thôn/tổ;Nhóm;Đồng ý"
ROWS = [
    "1;Nguyễn Thị Hằng;1956;Nữ;0912 345 678;Thôn Kim Lan;Người cao tuổi;Có",  # ok
    "2;" + unicodedata.normalize("NFD", "Trần  Văn Đức") + ";12/03/1961;nam;;Thôn Giang Cao;;x",  # ok, NFD
    "3;=1+1;1970;Nữ;;Thôn Kim Lan;;Có",  # a formula, not a name
    "4;Lê Thị Lan;19x6;Nữ;;;;Có",  # not a year
    "5;Lê Văn Hùng;1960;Nam;;;;Có",  # valid, but already registered
    "6;Nguyễn Thị Hằng;1956;Nữ;;Thôn Kim Lan;;Có",  # the same person as line 2
    "7;Phạm Thị Mai;1980;Nữ;;Thôn Kim Lan;;Không",  # did not agree
]


@pytest.fixture
def app(qtbot, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.store.is_open, timeout=WAIT)
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    yield application
    application.set_language("vi")
    application.shutdown()


def _sql(query: str) -> list[tuple]:
    conn = sqlite3.connect(paths.database_path())
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join([header, *rows, ""]).encode("utf-8"))
    return path


def _dialog(qtbot, app: Application) -> ImportLearnersDialog:
    dialog = ImportLearnersDialog(app.store, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _open(qtbot, dialog: ImportLearnersDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.choose_file(path)


def _register(qtbot, app: Application, name: str, year: int) -> None:
    added: list[object] = []
    WriteOp(
        app.store, lambda conn: register_learner(conn, full_name=name, birth_year=year, hamlet="")
    ).success(added.append).run()
    qtbot.waitUntil(lambda: bool(added), timeout=WAIT)


def test_a_commune_csv_is_checked_imported_and_reported(qtbot, app: Application, tmp_path: Path) -> None:
    _register(qtbot, app, "Lê Văn Hùng", 1960)
    page = app.window.learners
    app.window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    dialog = page.open_import_dialog()
    assert isinstance(dialog, ImportLearnersDialog)
    _open(qtbot, dialog, _csv(tmp_path / "danh-sach.csv", ROWS))

    assert dialog.stack.currentIndex() == STEP_COLUMNS
    guessed = {field: box.currentText() for field, box in dialog.field_boxes.items()}
    assert guessed == {
        "full_name": "Họ và tên",
        "birth_year": "Năm sinh",
        "gender": "Giới tính",
        "phone": "Số điện thoại",
        "hamlet": "Thôn/tổ",
        "groups": "Nhóm",
        "consent": "Đồng ý",
    }
    assert dialog.field_samples["full_name"].text() == "ví dụ: Nguyễn Thị Hằng"
    assert dialog.columns_summary.text() == "2 dòng sẽ được nhập, 5 dòng bị từ chối"

    dialog.next_button.click()
    assert dialog.stack.currentIndex() == STEP_PREVIEW
    model = dialog.preview_model
    assert model.rowCount() == 7
    shown = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(7)}
    assert shown["3"] == unicodedata.normalize("NFC", "Trần Văn Đức")  # stored NFC, spaces cleaned
    assert shown["4"] == "=1+1"  # the refused name is shown as written
    results = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(7)}
    assert results["2"] == "✓ sẽ được nhập"
    assert "năm sinh '19x6'" in results["5"]
    assert "đã có trong danh sách người học" in results["6"]
    assert "trùng với dòng 2" in results["7"]
    assert "chưa đồng ý" in results["8"]
    assert not dialog.consent_box.isVisible()  # the list has a consent column
    dialog.only_refused.setChecked(True)
    assert model.rowCount() == 5

    with qtbot.waitSignal(dialog.imported, timeout=WAIT) as imported:
        dialog.import_button.click()
    assert imported.args == [2]
    assert dialog.stack.currentIndex() == STEP_REPORT
    assert dialog.report_summary.text() == "Đã nhập 2 người học. 5 dòng không được nhập:"
    assert sorted(_sql("SELECT full_name, birth_year, phone, hamlet FROM learner")) == [
        ("Lê Văn Hùng", 1960, None, ""),
        ("Nguyễn Thị Hằng", 1956, "0912345678", "Thôn Kim Lan"),
        (unicodedata.normalize("NFC", "Trần Văn Đức"), 1961, None, "Thôn Giang Cao"),
    ]
    assert _sql("SELECT count(*) FROM consent WHERE action = 'given'") == [(3,)]
    lines = dialog.report_lines()
    assert [line for line, _name, _reason in lines] == [4, 5, 6, 7, 8]
    assert lines[0][1] == "=1+1" and "họ tên" in lines[0][2]

    report = tmp_path / "bao-cao.csv"
    with qtbot.waitSignal(dialog.report_saved, timeout=WAIT):
        dialog.save_report(report)
    assert report.read_bytes().startswith(b"\xef\xbb\xbf")
    saved = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert saved[0] == ["Dòng", "Họ và tên", "Lý do"]
    assert [row[0] for row in saved[1:]] == ["4", "5", "6", "7", "8"]
    assert saved[1][1] == "'=1+1"  # a spreadsheet shows it, never runs it

    dialog.close_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT)


def test_choosing_another_column_checks_the_rows_again(qtbot, app: Application, tmp_path: Path) -> None:
    rows = ["1;Nguyễn Văn An;không rõ;1950", "2;Trần Thị Bích;1962;1962"]
    path = _csv(tmp_path / "list.csv", rows, header="STT;Họ và tên;Năm sinh;Năm sinh (sổ hộ khẩu)")
    dialog = _dialog(qtbot, app)
    _open(qtbot, dialog, path)
    assert dialog.field_boxes["consent"].currentData() is None
    assert dialog.columns_summary.text() == "1 dòng sẽ được nhập, 1 dòng bị từ chối"

    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.choose_column("birth_year", "Năm sinh (sổ hộ khẩu)")
    assert dialog.columns_summary.text() == "2 dòng sẽ được nhập, 0 dòng bị từ chối"
    dialog.go_to_preview()
    assert dialog.preview_model.index(0, 3).data() == "1950"

    # No consent column: nothing goes in until the volunteer confirms paper consent.
    assert dialog.consent_box.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.import_hint.text() == "Hãy xác nhận đã thu phiếu đồng ý, hoặc chọn cột đồng ý."
    dialog.consent_box.setChecked(True)
    assert dialog.import_button.isEnabled()

    dialog.go_back()
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.choose_column("birth_year", None)
    assert dialog.field_samples["birth_year"].text() == ""
    dialog.go_to_preview()
    assert dialog.preview_model.index(0, 3).data() == ""
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.start_import()
    assert sorted(_sql("SELECT full_name, birth_year FROM learner")) == [
        ("Nguyễn Văn An", None),
        ("Trần Thị Bích", None),
    ]


def test_an_excel_workbook_is_imported(qtbot, app: Application, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Họ tên", "Ngày sinh", "Giới tính", "Thôn", "Đồng ý"])
    sheet.append(["Hoàng Văn Nam", datetime(1958, 4, 2), "Nam", "Bản Phìn", "Có"])
    sheet.append(["Lò Thị Ánh", 1975, "Nữ", "Bản Phìn", "Có"])
    sheet.append(["Vừ A Dính", 2300, "Nam", "Bản Phìn", "Có"])
    path = tmp_path / "danh-sach.xlsx"
    book.save(path)

    dialog = _dialog(qtbot, app)
    _open(qtbot, dialog, path)
    assert dialog.field_boxes["full_name"].currentText() == "Họ tên"
    assert dialog.field_boxes["birth_year"].currentText() == "Ngày sinh"
    assert dialog.file_facts.text() == "Tệp: danh-sach.xlsx · 3 dòng dưới tên cột"
    dialog.go_to_preview()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.import_button.click()
    assert sorted(_sql("SELECT full_name, birth_year, gender, hamlet FROM learner")) == [
        ("Hoàng Văn Nam", 1958, "male", "Bản Phìn"),
        ("Lò Thị Ánh", 1975, "female", "Bản Phìn"),
    ]
    [(line, name, reason)] = dialog.report_lines()
    assert (line, name) == (4, "Vừ A Dính") and "2300" in reason


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.xlsx", b"\x89PNG\r\n\x1a\n not a workbook", "Tệp .xlsx hỏng hoặc không phải bảng tính Excel."),
        ("list.pdf", b"%PDF-1.4", "Chỉ nhận tệp .csv hoặc .xlsx."),
        (
            "list.csv",
            b"\xff\xfe\x00H\x00o",
            "Tệp CSV không phải UTF-8; hãy lưu lại bằng 'CSV UTF-8' trong Excel.",
        ),
        ("list.csv", b"", "Tệp không có dòng nào."),
    ],
)
def test_a_file_that_is_not_a_list_says_so_in_one_line(
    qtbot, app: Application, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    dialog = _dialog(qtbot, app)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        dialog.choose_file(path)
    assert failed.args == [message]
    assert dialog.file_message.isVisible() and dialog.file_message.text() == message
    assert "\n" not in message and "Traceback" not in message
    assert dialog.stack.currentIndex() == STEP_FILE
    assert _sql("SELECT count(*) FROM learner") == [(0,)]


def test_the_message_follows_the_language(qtbot, app: Application, tmp_path: Path) -> None:
    app.set_language("en")
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF-1.4")
    dialog = _dialog(qtbot, app)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        dialog.choose_file(path)
    assert failed.args == ["Only .csv and .xlsx files can be imported."]
    assert dialog.choose_button.text() == "&Choose file…"


def test_a_list_without_a_name_column_asks_for_it_and_writes_nothing(
    qtbot, app: Application, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "list.csv", ["1;1956;Có", "2;1960;Có"], header="STT;Năm sinh;Đồng ý")
    dialog = _dialog(qtbot, app)
    with qtbot.waitSignal(dialog.table_read, timeout=WAIT):
        dialog.choose_file(path)
    assert dialog.field_boxes["full_name"].currentData() is None
    assert dialog.field_boxes["birth_year"].currentText() == "Năm sinh"  # the other guesses stay
    assert dialog.columns_message.text() == "Không nhận ra cột họ và tên: hãy chọn cột chứa họ và tên."
    assert not dialog.next_button.isEnabled()
    dialog.go_to_preview()
    assert dialog.stack.currentIndex() == STEP_COLUMNS
    dialog.start_import()
    assert _sql("SELECT count(*) FROM learner") == [(0,)]


def test_every_step_is_vietnamese(qtbot, app: Application, tmp_path: Path) -> None:
    from tests.test_translations import _english_vocabulary, _untranslated, _visible_texts

    sources, words = _english_vocabulary()
    dialog = _dialog(qtbot, app)
    found = [text for _where, text in _visible_texts(dialog) if _untranslated(text, sources, words)]
    _open(qtbot, dialog, _csv(tmp_path / "danh-sach.csv", ROWS))
    found += [text for _where, text in _visible_texts(dialog) if _untranslated(text, sources, words)]
    dialog.go_to_preview()
    found += [text for _where, text in _visible_texts(dialog) if _untranslated(text, sources, words)]
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.start_import()
    found += [text for _where, text in _visible_texts(dialog) if _untranslated(text, sources, words)]
    assert found == []


def test_a_report_that_cannot_be_saved_says_so_in_one_line(qtbot, app: Application, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, app)
    _open(qtbot, dialog, _csv(tmp_path / "danh-sach.csv", ROWS))
    dialog.go_to_preview()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.start_import()
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        dialog.save_report(tmp_path)  # a folder, not a file
    [message] = failed.args
    assert message.startswith("Không lưu được báo cáo (") and message.endswith("); hãy chọn thư mục khác.")
    assert dialog.save_message.text() == message and "\n" not in message
