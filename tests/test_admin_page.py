"""The "Quản lý xã" page against a real hub process: a code made and shown large with its QR (and a new
laptop enrolls with it), the commune's laptops listed from the hub, revoking one through the dialog
that asks for a reason, the kept list with its time when the hub is gone, and the page hidden on a
volunteer's laptop."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QApplication

from tests.test_hub_support import COMMUNE_A, HEADERS, Hub, hub, hub_db_url  # noqa: F401 - fixtures
from volunteer_kit.sync.bundle_format import public_key_b64
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.main_window import PAGES
from volunteer_kit.ui.pages.admin import DEVICES, ENROLL

WAIT = 60_000
ADMIN_ROW = [entry.name for entry in PAGES].index("admin_page")


def _open(qtbot, demo_engine, hub: Hub, role: str) -> Application:  # noqa: F811
    from volunteer_kit.sync import client

    client.enroll(demo_engine, hub.url, hub.code(COMMUNE_A, role), label=f"Máy {role} Kim Lan")
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.sync_page.overview is not None, timeout=10_000)
    return application


@pytest.fixture
def officer_app(qtbot, demo_engine, data_dir: Path, hub: Hub) -> Iterator[Application]:  # noqa: F811
    application = _open(qtbot, demo_engine, hub, "officer")
    yield application
    _close(application)


def _close(application: Application) -> None:
    application.shutdown()  # it stops the Sync page's probe timer before the workers go


def _admin_page(qtbot, app: Application):
    window = app.window
    assert not window.navigation.isRowHidden(ADMIN_ROW)
    window.navigation.setCurrentRow(ADMIN_ROW)
    page = window.page("admin_page")
    qtbot.waitUntil(lambda: (page.results.get("devices") or {}).get("live") is True, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.fetching, timeout=WAIT)
    return page


def _rows(items) -> list[str]:
    return [items.item(n).text() for n in range(items.count())]


def _choose(items, text: str) -> None:
    row = next(n for n in range(items.count()) if text in items.item(n).text())
    items.setCurrentRow(row)


def test_the_officer_makes_a_code_a_new_laptop_enrolls_with_it(
    qtbot,
    officer_app: Application,
    hub: Hub,  # noqa: F811
) -> None:
    page = _admin_page(qtbot, officer_app)
    assert page.tabs.isVisible() and not page.not_officer.isVisible()
    assert page.fresh[ENROLL].text().startswith("Cập nhật lúc")
    assert not page.code_box.isVisible()
    page.role_choice.setCurrentIndex(page.role_choice.findData("trainer"))
    assert page.role_choice.currentText() == "Giảng viên"
    page.make_button.click()
    assert not page.make_button.isEnabled()  # waits while the hub is asked
    qtbot.waitUntil(lambda: page.made is not None and page.code_box.isVisible(), timeout=WAIT)
    code = page.code_text.text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code), code
    assert (
        page.code_text.font().pointSizeF() > 2 * QApplication.font().pointSizeF()
    )  # readable across a table
    assert not page.qr_label.pixmap().isNull()
    assert page.made["enroll_text"].startswith(f"vk-enroll:{hub.url}?code={code}")
    assert "Giảng viên" in page.code_for.text() and page.code_expiry.text().startswith("Hết hạn lúc")
    page.copy_button.click()
    assert QApplication.clipboard().text() == page.made["enroll_text"]
    # The open codes, from the hub: the new one is listed (never its text).
    qtbot.waitUntil(lambda: any("Giảng viên" in row for row in _rows(page.codes_list)), timeout=WAIT)
    assert not any(code in row for row in _rows(page.codes_list))
    # The code shown enrolls a laptop of the commune, as a trainer's.
    key = Ed25519PrivateKey.generate()
    answer = requests.post(
        f"{hub.api}/enroll",
        json={
            "code": code,
            "device_id": str(uuid.uuid4()),
            "label": "Máy mới",
            "public_key": public_key_b64(key),
        },
        headers=HEADERS,
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["role"] == "trainer" and answer.json()["commune_code"] == COMMUNE_A
    page.reload_button.click()
    qtbot.waitUntil(lambda: any("Máy mới" in row for row in _rows(page.devices_list)), timeout=WAIT)
    assert not any("Giảng viên ·" in row for row in _rows(page.codes_list))  # used: no longer open


def test_the_laptops_come_from_the_hub_and_one_is_revoked_with_a_reason(
    qtbot,
    officer_app: Application,
    hub: Hub,  # noqa: F811
) -> None:
    lost = hub.enroll(COMMUNE_A, "volunteer")  # enrolled with the label "volunteer laptop"
    hub.enroll("00580", "volunteer")  # another commune's: never listed
    page = _admin_page(qtbot, officer_app)
    page.tabs.setCurrentIndex(DEVICES)
    rows = _rows(page.devices_list)
    assert len(rows) == 2, rows
    assert any("Máy officer Kim Lan (máy này) — Cán bộ xã — đang dùng" in row for row in rows), rows
    [theirs] = [row for row in rows if row.startswith("volunteer laptop")]
    assert "Tình nguyện viên — đang dùng" in theirs and "Liên lạc gần nhất: vừa xong" in theirs, theirs
    # This laptop cannot be revoked from here.
    _choose(page.devices_list, "(máy này)")
    assert not page.revoke_button.isEnabled()
    _choose(page.devices_list, "volunteer laptop")
    assert page.revoke_button.isEnabled()
    page.revoke_button.click()
    dialog = page.revoke_dialog
    assert dialog is not None and dialog.isVisible()
    assert "volunteer laptop" in dialog.heading.text()
    # The reason is required: the danger-coloured button waits for it; Cancel is the default.
    assert not dialog.revoke_button.isEnabled()
    dialog.reason_edit.setPlainText("   ")
    assert not dialog.revoke_button.isEnabled()
    dialog.reason_edit.setPlainText("x" * 201)
    assert not dialog.revoke_button.isEnabled() and "200" in dialog.status.text()
    dialog.reason_edit.setPlainText("Mất máy khi đi tập huấn")
    assert dialog.revoke_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):  # closes itself once the hub said yes
        dialog.revoke_button.click()
    qtbot.waitUntil(
        lambda: any(
            "ĐÃ THU HỒI" in row and "Mất máy khi đi tập huấn" in row for row in _rows(page.devices_list)
        ),
        timeout=WAIT,
    )
    assert "bị từ chối" in page.notes[DEVICES].text()
    _choose(page.devices_list, "volunteer laptop")
    assert not page.revoke_button.isEnabled()  # revoked already
    # The hub refuses the revoked laptop from now on.
    refused = requests.get(f"{hub.api}/pull", params={"after": 0}, headers=lost.auth, timeout=10)
    assert refused.status_code == 403, refused.text


def test_without_the_hub_the_kept_list_shows_with_its_time(
    qtbot,
    officer_app: Application,
    hub: Hub,  # noqa: F811
) -> None:
    hub.enroll(COMMUNE_A, "volunteer")
    page = _admin_page(qtbot, officer_app)
    before = _rows(page.devices_list)
    assert len(before) == 2
    hub.process.kill()
    hub.process.wait()
    page.reload_button.click()
    qtbot.waitUntil(lambda: (page.results.get("devices") or {}).get("live") is False, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.fetching, timeout=WAIT)
    fresh = page.fresh[DEVICES].text()
    assert fresh.startswith("Không kết nối được máy chủ; thử lại khi có mạng."), fresh
    assert re.search(r"Đang hiện bản lưu lúc \d\d/\d\d/\d{4} \d\d:\d\d\.", fresh), fresh
    assert _rows(page.devices_list) == before
    # An action that needs the hub says so plainly; nothing is queued.
    page.tabs.setCurrentIndex(ENROLL)
    made = page.made
    page.make_button.click()
    qtbot.waitUntil(lambda: page.make_button.isEnabled(), timeout=WAIT)
    assert page.notes[ENROLL].text() == "Không kết nối được máy chủ; thử lại khi có mạng."
    assert page.made is made
    # Opened again later, still offline: the kept copy at once, with its time.
    officer_app.window.navigation.setCurrentRow(0)
    page.results.clear()
    page._fetched_at = 0.0
    officer_app.window.navigation.setCurrentRow(ADMIN_ROW)
    qtbot.waitUntil(lambda: "devices" in page.results and not page.fetching, timeout=WAIT)
    assert _rows(page.devices_list) == before
    assert "bản lưu lúc" in page.fresh[DEVICES].text()


def test_the_page_is_hidden_on_a_volunteers_laptop(
    qtbot,
    demo_engine,
    data_dir: Path,
    hub: Hub,  # noqa: F811
) -> None:
    application = _open(qtbot, demo_engine, hub, "volunteer")
    try:
        window = application.window
        qtbot.waitUntil(lambda: (window.sync_page.overview or {}).get("role") == "volunteer", timeout=WAIT)
        assert window.navigation.isRowHidden(ADMIN_ROW)
        window._go_to_row(ADMIN_ROW)  # Ctrl+0
        assert window.navigation.currentRow() != ADMIN_ROW
        # Opened anyway (a stale link): it says whose page it is and asks the hub nothing.
        page = window.page("admin_page")
        page.refresh()
        qtbot.waitUntil(lambda: page.role == "volunteer", timeout=WAIT)
        assert not page.tabs.isVisibleTo(page) and page.not_officer.isVisibleTo(page)
        assert "cán bộ xã" in page.not_officer.text()
        assert not page.fetching and not page.results
    finally:
        _close(application)
