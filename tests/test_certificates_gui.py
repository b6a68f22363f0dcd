"""The Certificates page and the Verify screen: issue, print (and cancel), revoke, verify, as a user would."""

from __future__ import annotations

import base64
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from tests.conftest import _running_app, make_officer
from tests.test_certificates import complete_pack, longest_names
from volunteer_kit.certificates import issue
from volunteer_kit.certificates.pdf import Cancelled
from volunteer_kit.store.devices import save_profile
from volunteer_kit.ui.app import Application

WAIT = 15_000


@pytest.fixture
def finished(demo_engine) -> list[str]:
    """An officer's laptop with the demo commune; two learners (long, accented names) finished VNeID."""
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        learners = longest_names(conn, 2)
        complete_pack(conn, learners)
    return learners


@pytest.fixture
def officer_app(qtbot, finished: list[str], data_dir: Path) -> Iterator[Application]:
    yield from _running_app(qtbot, data_dir)


def _sql(app: Application, query: str, *params: object) -> list[tuple]:
    with app.store._engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(query, params).all()]


def _open_page(qtbot, app: Application):
    page = app.window.certificates
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        app.window.show_page(page)
        page.refresh()  # also when it was shown already
    return page


def _issue_for(qtbot, app: Application, learners: list[str], monkeypatch: pytest.MonkeyPatch):
    """Tick the learners on the page, press Issue, say yes; returns the page once the list shows them."""
    page = _open_page(qtbot, app)
    asked: list[int] = []
    monkeypatch.setattr(page, "confirm_issue", lambda rows: asked.append(len(rows)) or True)
    model = page.eligible_model
    for row, found in enumerate(model.rows):
        if found.learner_id in learners:
            model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert page.issue_button.isEnabled()
    with qtbot.waitSignal(page.issued, timeout=WAIT) as issued:
        page.issue_button.click()
    assert asked == [len(learners)]
    qtbot.waitUntil(lambda: len(page.issued_model.rows) == len(learners), timeout=WAIT)
    return page, issued.args[0]


def _with_name_changed(payload: str, name: str) -> str:
    """The payload with one letter of the name changed (a forger's edit; the signature no longer fits)."""
    raw = bytearray(base64.b32decode(payload + "=" * (-len(payload) % 8)))
    start = raw.find(name.encode("utf-8"))
    at = next(i for i in range(start, start + len(name)) if chr(raw[i]).isalpha() and raw[i] < 0x80)
    raw[at] = ord("X") if raw[at] != ord("X") else ord("Y")
    return base64.b32encode(bytes(raw)).decode("ascii").rstrip("=")


def _select_issued(page, serials: list[str]) -> None:
    selection = page.issued_table.selectionModel()
    selection.clearSelection()
    for row, found in enumerate(page.issued_model.rows):
        if found.serial in serials:
            selection.select(
                page.issued_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_an_officer_issues_certificates_to_the_ticked_learners(
    qtbot, officer_app: Application, finished: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _open_page(qtbot, officer_app)
    assert page.officer_area.isVisibleTo(page)
    eligible = {row.learner_id for row in page.eligible_model.rows}
    assert set(finished) <= eligible
    assert page.eligible_model.rows[0].why("vi") in page.eligible_model.data(page.eligible_model.index(0, 4))
    assert page.waiting_model.rows and all(
        r.why("vi").startswith("Còn thiếu") for r in page.waiting_model.rows
    )
    assert not page.issue_button.isEnabled()  # nothing ticked yet

    page, issued = _issue_for(qtbot, officer_app, finished, monkeypatch)

    assert sorted(c.learner_id for c in issued) == sorted(finished)
    stored = _sql(
        officer_app, "SELECT learner_id, pack_id, serial FROM certificate WHERE deleted = 0 ORDER BY serial"
    )
    assert sorted(r[0] for r in stored) == sorted(finished)
    assert {r[1] for r in stored} == {"vn.bdhvs.vneid"}
    assert not {row.learner_id for row in page.eligible_model.rows} & set(finished)
    assert page.tabs.tabText(2) == "Đã &cấp (2)"
    assert (
        page.status.text()
        == "Đã cấp 2 giấy chứng nhận. Các giấy nằm trong danh sách “Đã cấp”, sẵn sàng để in."
    )
    shown = page.issued_model
    assert shown.data(shown.index(0, 4)) == "chưa in" and shown.data(shown.index(0, 5)) == "còn hiệu lực"


def test_printing_puts_every_name_in_one_pdf_that_verifies(
    qtbot, officer_app: Application, finished: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    page, issued = _issue_for(qtbot, officer_app, finished, monkeypatch)
    page.tabs.setCurrentIndex(2)
    out = tmp_path / "in" / "chung-nhan"  # no suffix: the page adds .pdf
    with qtbot.waitSignal(page.printed, timeout=WAIT) as printed:
        page.print_to(out)
    pdf, serials = printed.args[0]
    assert pdf == tmp_path / "in" / "chung-nhan.pdf" and pdf.exists()
    assert sorted(serials) == sorted(c.serial for c in issued)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 2
    lines = {line for p in reader.pages for line in p.extract_text().splitlines()}
    assert {c.full_name for c in issued} <= lines
    panel = page.print_panel
    assert panel.pdf_area.isVisibleTo(page) and "chung-nhan.pdf" in panel.pdf_label.text()
    qtbot.waitUntil(
        lambda: [page.issued_model.data(page.issued_model.index(r, 4)) for r in range(2)] == ["đã in"] * 2,
        timeout=WAIT,
    )

    # A photo of the printed page verifies in the Verify screen.
    document = pdfium.PdfDocument(str(pdf))
    photo = tmp_path / "page-2.png"
    document[1].render(scale=200 / 72).to_pil().save(photo)
    document.close()
    dialog = page.open_verify_dialog()
    with qtbot.waitSignal(dialog.verified, timeout=WAIT):
        dialog.check_file(photo)
    [view] = dialog.views()
    assert view.headline.text() == "✓ HỢP LỆ"
    assert view.values["name"].text() in {c.full_name for c in issued}
    assert view.values["commune"].text() == "Xã Bát Tràng (00577)"

    # Through the Qt print path (here a PDF printer instead of a real one).
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    paper = tmp_path / "paper.pdf"
    printer.setOutputFileName(str(paper))
    with qtbot.waitSignal(page.print_panel.sent_to_printer, timeout=WAIT) as sent:
        page.print_panel.send_to_printer(printer)
    assert sent.args == [2]
    assert len(PdfReader(str(paper)).pages) == 2


def test_a_cancelled_print_leaves_no_pdf(
    qtbot, officer_app: Application, finished: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page, _issued = _issue_for(qtbot, officer_app, finished, monkeypatch)
    started, go = threading.Event(), threading.Event()
    real = issue.write_certificates_pdf

    def held(pages, out, **kwargs):  # waits until the test pressed Cancel
        started.set()
        go.wait(WAIT / 1000)
        return real(pages, out, **kwargs)

    monkeypatch.setattr(issue, "write_certificates_pdf", held)
    out = tmp_path / "out" / "cancelled.pdf"
    out.parent.mkdir()
    page.tabs.setCurrentIndex(2)
    page.print_to(out)
    assert page.print_panel.cancel_button.isVisibleTo(page) and page.print_panel.progress.isVisibleTo(page)
    assert not page.print_button.isEnabled()
    assert started.wait(WAIT / 1000)
    with qtbot.waitSignal(page.printed, timeout=WAIT) as printed:
        page.print_panel.cancel_button.click()
        go.set()
    assert isinstance(printed.args[0], Cancelled)
    assert list(out.parent.iterdir()) == []  # neither the PDF nor its temporary part
    assert page.print_panel.progress_label.text() == "Đã hủy in chứng nhận; không có tệp nào được ghi."
    assert not page.print_panel.cancel_button.isVisibleTo(page) and page.print_button.isEnabled()
    assert _sql(officer_app, "SELECT count(*) FROM sync_state WHERE key LIKE 'certificate_printed:%'") == [
        (0,)
    ]


def test_revoking_needs_a_reason_and_the_verify_screen_tells_each_verdict(
    qtbot, officer_app: Application, finished: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page, issued = _issue_for(qtbot, officer_app, finished, monkeypatch)
    page.tabs.setCurrentIndex(2)
    gone, kept = issued
    assert not page.revoke_button.isEnabled()
    _select_issued(page, [gone.serial, kept.serial])
    assert not page.revoke_button.isEnabled()  # one at a time
    _select_issued(page, [gone.serial])
    assert page.revoke_button.isEnabled()
    dialog = page.open_revoke_dialog()
    assert dialog is not None and gone.serial in dialog.findChild(QLabel).text()
    assert not dialog.revoke_button.isEnabled()  # the reason is required
    qtbot.keyClicks(dialog.reason_edit, "Ghi sai ten")
    dialog.reason_edit.setPlainText("Ghi sai tên khi đăng ký")
    assert dialog.revoke_button.isEnabled()
    with qtbot.waitSignal(page.revoked, timeout=WAIT):
        dialog.revoke_button.click()
    assert _sql(officer_app, "SELECT certificate_serial, reason FROM certificate_revocation") == [
        (gone.serial, "Ghi sai tên khi đăng ký")
    ]
    qtbot.waitUntil(
        lambda: any(r.serial == gone.serial and r.revoked for r in page.issued_model.rows), timeout=WAIT
    )
    assert gone.full_name in {r.full_name for r in page.eligible_model.rows}  # eligible again

    verify = page.open_verify_dialog()

    def verdict(text: str):
        with qtbot.waitSignal(verify.verified, timeout=WAIT):
            verify.check_text(text)
        [view] = verify.views()
        return view

    valid = verdict(kept.qr_text)
    assert valid.headline.text() == "✓ HỢP LỆ"
    assert valid.values["serial"].text() == kept.serial
    assert valid.values["name"].text() == kept.full_name
    assert valid.values["pack"].text() == "Sử dụng VNeID"
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", valid.values["date"].text())
    assert valid.palette().color(valid.backgroundRole()).name() == "#e6f4e7"

    altered = verdict("vk-cert:" + _with_name_changed(kept.payload, kept.full_name))
    assert altered.headline.text() == "✗ ĐÃ BỊ SỬA ĐỔI"
    assert altered.values["name"].text() != kept.full_name
    assert "chưa được xác nhận" in " ".join(w.text() for w in altered.findChildren(QLabel))

    assert verdict(gone.qr_text).headline.text() == "✗ ĐÃ BỊ THU HỒI"
    assert verdict("xin chào").headline.text() == "– KHÔNG ĐỌC ĐƯỢC"
    verify.check_text("   ")
    assert verify.status.text() == "Hãy dán nội dung mã QR trước, hoặc mở một ảnh."


def test_a_volunteer_is_told_who_issues_certificates_and_can_still_verify(
    qtbot, demo_app: Application
) -> None:
    page = demo_app.window.certificates
    with qtbot.waitSignal(page.loaded, timeout=WAIT) as loaded:
        demo_app.window.show_page(page)
    assert loaded.args == [None]
    assert not page.officer_area.isVisibleTo(page)
    assert not page.issue_button.isVisibleTo(page) and not page.print_button.isVisibleTo(page)
    assert "do cán bộ xã cấp" in page.intro.text()
    assert page.verify_button.isVisibleTo(page) and page.verify_button.isEnabled()
    dialog = page.open_verify_dialog()
    with qtbot.waitSignal(dialog.verified, timeout=WAIT):
        dialog.check_text("vk-cert:AAAA")
    assert dialog.views()[0].headline.text() == "– KHÔNG ĐỌC ĐƯỢC"


def _mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter keys of what a user can reach now in `window`: menus, buttons, labels, tabs."""
    found = [a.text() for a in window.menuBar().actions()] if hasattr(window, "menuBar") else []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append(widget.text())
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
    return [m.group(1).lower() for text in found if (m := re.search(r"&([^&\s])", text))]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_control_has_its_own_mnemonic(qtbot, officer_app: Application, lang: str) -> None:
    officer_app.set_language(lang)
    officer_app.window.show()
    page = _open_page(qtbot, officer_app)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        keys = _mnemonics(officer_app.window)
        assert len(keys) >= 8, " ".join(keys)
        assert [k for k, n in Counter(keys).items() if n > 1] == [], (lang, tab, keys)
    page.tabs.setCurrentIndex(2)
    page.print_panel.pdf_area.setVisible(True)
    page.print_panel.running_area.setVisible(True)
    page.print_panel.cancel_button.setVisible(True)
    keys = _mnemonics(officer_app.window)
    assert [k for k, n in Counter(keys).items() if n > 1] == [], (lang, keys)
    for dialog in (page.open_verify_dialog(), page.open_revoke_dialog() or _revoke_dialog(page)):
        keys = _mnemonics(dialog)
        assert [k for k, n in Counter(keys).items() if n > 1] == [], (lang, keys)
        dialog.close()


def _revoke_dialog(page):
    from volunteer_kit.ui.certificates.revoke import RevokeDialog

    return RevokeDialog("00577-ABCDEF-000001", "Nguyễn Văn A", page)


def test_empty_lists_say_why_and_lead_to_what_fills_them(qtbot, officer_app: Application) -> None:
    page = _open_page(qtbot, officer_app)
    officer_app.window.show()
    eligible = len(page.overview.eligible)
    assert eligible >= 2 and page.overview.issued == []
    # Nothing issued yet, learners can receive one: the button goes to them.
    page.tabs.setCurrentIndex(2)
    assert page.issued_empty.isVisible() and not page.issued_table.isVisible()
    assert (
        page.issued_empty.text.text()
        == f"Chưa cấp giấy chứng nhận nào; {eligible} người học đủ điều kiện nhận."
    )
    assert page.issued_empty.button.text() == "Cấp ở danh sách Đủ điều kiện"
    page.issued_empty.button.click()
    assert page.tabs.currentIndex() == 0 and page.eligible_table.isVisible()
    # A pack and hamlet where nobody finished: why, and the way back to everybody.
    choices = [
        (pack, hamlet)
        for pack in [page.pack_box.itemData(i) for i in range(1, page.pack_box.count())]
        for hamlet in [page.hamlet_box.itemData(i) for i in range(1, page.hamlet_box.count())]
    ]
    for pack, hamlet in choices:
        page.pack_box.blockSignals(True)
        page.pack_box.setCurrentIndex(page.pack_box.findData(pack))
        page.pack_box.blockSignals(False)
        with qtbot.waitSignal(page.loaded, timeout=WAIT):
            page.hamlet_box.setCurrentIndex(page.hamlet_box.findData(hamlet))
        if not page.overview.eligible:
            break
    else:
        pytest.fail("someone is eligible for every pack in every hamlet")
    assert page.eligible_empty.isVisible() and not page.eligible_table.isVisible()
    assert page.eligible_empty.text.text() == "Không có ai với gói bài học và thôn/tổ đã chọn."
    assert page.eligible_empty.button.text() == "Hiện mọi gói bài học và mọi thôn"
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.eligible_empty.button.click()
    assert page.hamlet_box.currentData() is None and page.pack_box.currentData() is None
    assert len(page.overview.eligible) == eligible
    assert page.eligible_table.isVisible() and not page.eligible_empty.isVisible()


def test_nobody_eligible_says_why_and_leads_to_teaching(qtbot, engine, data_dir: Path) -> None:
    make_officer(engine)  # a new officer's laptop: nobody has begun a pack yet
    for app in _running_app(qtbot, data_dir):
        page = _open_page(qtbot, app)
        app.window.show()
        assert page.overview.eligible == [] and page.overview.waiting == []
        for tab, table, empty in (
            (0, page.eligible_table, page.eligible_empty),
            (1, page.waiting_table, page.waiting_empty),
            (2, page.issued_table, page.issued_empty),
        ):
            page.tabs.setCurrentIndex(tab)
            assert empty.isVisible() and not table.isVisible(), tab
            assert empty.button.text() == "Dạy bài…"
        assert page.eligible_empty.text.text().startswith("Chưa ai hoàn thành gói bài học nào")
        assert "sau bài học đầu tiên" in page.waiting_empty.text.text()
        page.tabs.setCurrentIndex(0)
        page.eligible_empty.button.click()
        assert app.window.current_page() is app.window.lessons
