"""The Sync page against a real hub process: enroll by code, sync with progress, the quarantine,
an overwritten edit listed for the officer, and the hub going away."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.test_hub_support import COMMUNE_A, Hub, hub, hub_db_url  # noqa: F401 - fixtures
from volunteer_kit import paths
from volunteer_kit.sync import payload
from volunteer_kit.ui.app import Application

WAIT = 60_000
# A raw id, or its first 13 characters as the page once showed them ("01a0c4e9-0284").
UUID_ISH = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}")


@pytest.fixture
def hub_db_url(tmp_path: Path) -> Iterator[str]:  # noqa: F811 - the window tests need SQLite only
    yield f"sqlite:///{tmp_path / 'hubdata' / 'hub.sqlite3'}"


@pytest.fixture
def app(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=10_000)
    qtbot.waitUntil(lambda: application.window.sync_page.overview is not None, timeout=10_000)
    yield application
    application.shutdown()


def _sql(query: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(paths.database_path())
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def _enroll(qtbot, app: Application, hub: Hub, role: str = "officer") -> None:  # noqa: F811
    page = app.window.sync_page
    app.window.show_page(page)
    assert page.enroll_box.isVisible() and not page.synced_area.isVisible()
    box = page.enroll_box
    box.hub_edit.setText(hub.url)
    box.code_edit.setText(hub.code(COMMUNE_A, role))
    box.label_edit.setText("Máy của tổ thôn Kim Lan")
    with qtbot.waitSignal(page.enrolled, timeout=WAIT):
        box.enroll_button.click()
    qtbot.waitUntil(lambda: page.synced_area.isVisible(), timeout=WAIT)


def _sync(qtbot, page):
    with qtbot.waitSignal(page.sync_finished, timeout=WAIT) as finished:
        page.sync_button.click()
    qtbot.waitUntil(lambda: not page.syncing, timeout=WAIT)
    return finished.args[0]


def test_enroll_and_sync_from_the_window(qtbot, app: Application, hub: Hub) -> None:  # noqa: F811
    page = app.window.sync_page
    pending = _sql("SELECT count(*) FROM learner WHERE pending = 1")[0][0]
    assert pending == 300
    _enroll(qtbot, app, hub)
    assert page.fact_values[1].text().endswith(f"({COMMUNE_A})")
    assert page.fact_values[2].text() == "Cán bộ xã"
    moves: list[tuple[int, int, str]] = []
    page._progress.moved.connect(lambda done, total, phase: moves.append((done, total, phase)))
    result = _sync(qtbot, page)
    assert not isinstance(result, BaseException) and not result.cancelled
    assert result.rejected == 0 and result.accepted > pending
    assert any(phase == "push" for _d, _t, phase in moves)  # progress reached the window
    assert hub.count("hub_record") >= result.accepted
    qtbot.waitUntil(lambda: page.pending_title.text() == "Chờ gửi (0)", timeout=WAIT)
    assert page.pending_list.item(0).text() == "Không có: mọi thứ đã tới máy chủ."
    assert "Đã đồng bộ" in page.message.text()
    assert _sql("SELECT count(*) FROM learner WHERE pending = 1") == [(0,)]
    # Nothing refused: a sentence, no white box and no button to send nothing again.
    assert page.quarantine_empty.isVisible() and not page.quarantine_list.isVisible()
    assert "không từ chối" in page.quarantine_empty.text.text()
    assert not page.retry_button.isVisible()
    # This laptop by the name it enrolled with; its id only in the tooltip.
    assert page.fact_values[3].text() == "Máy của tổ thôn Kim Lan"
    [(device_id,)] = _sql("SELECT id FROM device WHERE is_this_device = 1")
    assert device_id in page.fact_values[3].toolTip()
    # The officer's overwritten edits: why the list is empty, and the button that asks the hub.
    empty = page.conflicts_empty
    assert empty.isVisible() and not page.conflicts_list.isVisible()
    assert "chưa được hỏi" in empty.text.text() and empty.button.text() == "Hỏi máy chủ"
    empty.button.click()
    qtbot.waitUntil(lambda: page.conflicts == [], timeout=WAIT)
    assert empty.isVisible() and "Không có chỉnh sửa nào bị ghi đè" in empty.text.text()
    assert empty.button.text() == "Hỏi lại máy chủ"
    # The Today page and the status bar know.
    app.window.show_page(app.window.today)
    qtbot.waitUntil(lambda: app.window.today.counts.last_sync_at is not None, timeout=WAIT)
    assert app.window.connection_label.text() == "Trực tuyến"


def test_a_refused_record_is_quarantined_and_shown(qtbot, app: Application, hub: Hub) -> None:  # noqa: F811
    _enroll(qtbot, app, hub, role="volunteer")
    page = app.window.sync_page
    # A record of another commune slipped into this laptop: the hub refuses it, the rest goes.
    [(learner_id, full_name)] = _sql("SELECT id, full_name FROM learner ORDER BY rowid LIMIT 1")
    conn = sqlite3.connect(paths.database_path())
    conn.execute("UPDATE learner SET commune_code = '00580' WHERE id = ?", (learner_id,))
    conn.commit()
    conn.close()
    result = _sync(qtbot, page)
    assert result.rejected >= 1
    # The message after the sync names what was refused, as a person reads it.
    assert f"Người học “{full_name}”" in page.message.text(), page.message.text()
    assert not UUID_ISH.search(page.message.text())
    qtbot.waitUntil(lambda: page.quarantine_title.text() == "Bị máy chủ từ chối (1)", timeout=WAIT)
    texts = [page.quarantine_list.item(i).text() for i in range(page.quarantine_list.count())]
    # Named as a person reads it: the learner's name, not a raw id.
    assert any(f"Người học “{full_name}”" in text for text in texts), texts
    assert not any(UUID_ISH.search(text) for text in texts)
    # At 200 % on a 1366-pixel screen the refusal wraps inside its row instead of being cut.
    app.set_text_scale(200)
    app.window.resize(1366, 680)
    app.window.show()
    items = page.quarantine_list

    def whole() -> bool:
        rect = items.visualItemRect(items.item(0))
        metrics = items.fontMetrics()
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width(), 1 << 20), Qt.TextFlag.TextWordWrap, items.item(0).text()
        )
        return needed.height() > 1.5 * metrics.height() and rect.height() >= needed.height()

    qtbot.waitUntil(whole, timeout=WAIT)
    assert items.height() >= items.visualItemRect(items.item(0)).bottom()
    app.set_text_scale(100)
    assert page.retry_button.isEnabled()
    assert _sql("SELECT count(*) FROM sync_quarantine WHERE record_id = ?", learner_id) == [(1,)]
    assert _sql("SELECT count(*) FROM household WHERE pending = 1") == [(0,)]  # the rest went


def test_an_overwritten_edit_is_listed_for_the_officer(qtbot, app: Application, hub: Hub) -> None:  # noqa: F811
    _enroll(qtbot, app, hub)
    page = app.window.sync_page
    _sync(qtbot, page)
    # Another laptop of the commune edits a learner, then this laptop edits the same learner.
    [(learner_id, seq, full_name)] = _sql(
        "SELECT id, server_seq, full_name FROM learner ORDER BY rowid LIMIT 1"
    )
    row = dict(
        zip(
            payload.table_columns("learner"),
            _sql(
                f"SELECT {', '.join(payload.table_columns('learner'))} FROM learner WHERE id = ?", learner_id
            )[0],
            strict=True,
        )
    )
    other = hub.enroll(COMMUNE_A, "volunteer")  # enrolled with the label "volunteer laptop"
    theirs = {**row, "phone": "0911111111", "revision": row["revision"] + 1}
    [answer] = hub.push_ok(other, [payload.make_record("learner", theirs, base_seq=seq)])
    assert answer["status"] == "accepted"
    conn = sqlite3.connect(paths.database_path())
    conn.execute(
        "UPDATE learner SET phone = '0922222222', revision = revision + 1, pending = 1 WHERE id = ?",
        (learner_id,),
    )
    conn.commit()
    conn.close()
    result = _sync(qtbot, page)
    assert result.conflicts == 1
    # The message names the learner and the laptop whose edit was lost, never their ids.
    message = page.message.text()
    assert f"Người học “{full_name}”" in message and "“volunteer laptop”" in message, message
    assert not UUID_ISH.search(message)
    qtbot.waitUntil(
        lambda: (
            page.conflicts_list.isVisible()
            and page.conflicts_list.count() >= 1
            and "ghi đè" in page.conflicts_list.item(0).text()
        ),
        timeout=WAIT,
    )
    line = page.conflicts_list.item(0).text()
    assert f"Người học “{full_name}”" in line, line
    assert "“volunteer laptop”" in line and "máy này" in line, line  # lost there, kept from here
    assert not UUID_ISH.search(line), line
    assert other.id in page.conflicts_list.item(0).toolTip()  # the ids stay within reach
    assert not page.conflicts_empty.isVisible()
    # The hub's order decides: this laptop's later edit is the one everybody keeps.
    assert _sql("SELECT phone FROM learner WHERE id = ?", learner_id) == [("0922222222",)]
    latest = hub.pull_all(other)
    assert [r["data"]["phone"] for r in latest if r["id"] == learner_id] == ["0922222222"]


def test_offline_is_said_plainly_and_nothing_is_lost(qtbot, app: Application, hub: Hub) -> None:  # noqa: F811
    _enroll(qtbot, app, hub, role="volunteer")
    page = app.window.sync_page
    hub.process.kill()
    hub.process.wait()
    before = _sql("SELECT count(*) FROM learner WHERE pending = 1")[0][0]
    result = _sync(qtbot, page)
    assert isinstance(result, BaseException)
    assert "máy chủ" in page.message.text()
    qtbot.waitUntil(lambda: app.window.connection_label.text() == "Ngoại tuyến", timeout=WAIT)
    assert _sql("SELECT count(*) FROM learner WHERE pending = 1")[0][0] == before


def test_a_pack_no_trusted_publisher_signed_waits_for_the_user(
    qtbot,
    app: Application,
    hub: Hub,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_sync_packs import _build, _publish

    _enroll(qtbot, app, hub, role="volunteer")
    page = app.window.sync_page
    assert _publish(hub, _build(tmp_path, "9.0.0"))["status"] == "published"  # unsigned
    result = _sync(qtbot, page)
    assert [p["version"] for p in result.packs_waiting] == ["9.0.0"]
    assert "chờ bạn quyết định" in page.message.text()
    qtbot.waitUntil(lambda: page.packs_list.isVisible() and page.packs_list.count() == 1, timeout=WAIT)
    library = paths.data_dir() / "packs"
    assert not (library / "vn.bdhvs.vneid" / "9.0.0").exists()
    monkeypatch.setattr(page, "confirm_install", lambda name: False)
    page.install_pack_button.click()
    assert page.packs_list.count() == 1  # said no: nothing happens
    monkeypatch.setattr(page, "confirm_install", lambda name: "9.0.0" in name)
    page.install_pack_button.click()
    qtbot.waitUntil(lambda: not page.packs_list.isVisible(), timeout=WAIT)
    assert (library / "vn.bdhvs.vneid" / "9.0.0").is_dir()
    assert "chưa được xác minh" in page.message.text()


def test_a_busy_hub_is_said_while_the_device_waits(qtbot, app: Application) -> None:
    """The worker reports a busy hub's "come back in N s" through the same progress signal."""
    page = app.window.sync_page
    app.window.show_page(page)
    page._progress.moved.emit(4, 0, "busy")
    qtbot.waitUntil(lambda: "giây" in page.progress_label.text(), timeout=WAIT)
    assert page.progress_label.text() == "Máy chủ đang bận với các thiết bị khác; sẽ thử lại sau 4 giây"


def test_a_laptop_that_never_synced_says_so_and_syncs_from_there(
    qtbot,
    demo_engine,
    data_dir: Path,
    hub: Hub,  # noqa: F811
) -> None:
    from volunteer_kit.sync import client

    client.enroll(demo_engine, hub.url, hub.code(COMMUNE_A, "volunteer"), label="Máy tổ Kim Lan")
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    try:
        page = application.window.sync_page
        application.window.show_page(page)
        qtbot.waitUntil(lambda: (page.overview or {}).get("enrolled") is True, timeout=10_000)
        # An empty log is no white box: why it is empty, and the action that fills it.
        assert not page.log.isVisible() and page.log_empty.isVisible()
        assert page.log_empty.text.text() == "Chưa đồng bộ lần nào."
        assert page.log_empty.button.text() == "Đồng bộ ngay"
        assert page.fact_values[3].text() == "Máy tổ Kim Lan"
        assert not UUID_ISH.search(page.fact_values[3].text())
        with qtbot.waitSignal(page.sync_finished, timeout=WAIT) as finished:
            page.log_empty.button.click()
        assert not isinstance(finished.args[0], BaseException)
        qtbot.waitUntil(lambda: not page.syncing, timeout=WAIT)
        assert page.log.isVisible() and not page.log_empty.isVisible()
        assert "Đã đồng bộ" in page.log.toPlainText()
    finally:
        application.shutdown()


def test_a_revoked_laptop_exports_its_unsent_records_then_forgets_the_hub(
    qtbot,
    app: Application,
    hub: Hub,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import requests
    from PySide6.QtWidgets import QMessageBox

    from volunteer_kit.store.engine import open_store
    from volunteer_kit.store.learners import register_learner
    from volunteer_kit.ui import revoked_box

    page = app.window.sync_page
    _enroll(qtbot, app, hub, role="volunteer")
    _sync(qtbot, page)
    assert not page.revoked_box.isVisible()
    # Recorded after the last sync: waits on the laptop when the officer revokes it.
    engine = open_store(paths.database_path())
    try:
        with engine.begin() as conn:
            register_learner(conn, full_name="Trần Văn Bảy", birth_year=1950)
    finally:
        engine.dispose()
    [(laptop_id,)] = _sql("SELECT id FROM device WHERE is_this_device = 1")
    officer = hub.enroll(COMMUNE_A, "officer")
    reason = "Máy bị mất ở nhà văn hoá thôn"
    answer = requests.post(
        f"{hub.api}/admin/devices/{laptop_id}/revoke",
        json={"reason": reason},
        headers=officer.auth,
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    waiting = _sql("SELECT count(*) FROM learner WHERE pending = 1")[0][0]
    assert waiting == 1

    result = _sync(qtbot, page)  # refused: the page says what happened and what is left to do
    assert isinstance(result, BaseException)
    qtbot.waitUntil(lambda: page.revoked_box.isVisible(), timeout=WAIT)
    box = page.revoked_box
    assert reason in box.text.text() and "vẫn còn trên máy này" in box.text.text()
    assert "chưa đến được máy chủ" in box.steps.text()
    assert not page.sync_button.isEnabled() and box.export_button.isEnabled()

    # Forgetting the hub first is refused in one line: the unsent records are not exported yet.
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(box.said, timeout=WAIT) as said:
        box.forget_button.click()
    assert "chưa được xuất ra tệp" in said.args[0]
    assert _sql("SELECT count(*) FROM sync_state WHERE key = 'token'")[0][0] == 1

    out = tmp_path / "usb" / "may-bi-thu-hoi.vkbundle"
    out.parent.mkdir()
    monkeypatch.setattr(revoked_box, "save_file_name", lambda *args: str(out))
    with qtbot.waitSignal(box.changed, timeout=WAIT):
        box.export_button.click()
    assert out.is_file() and str(out) in page.message.text()
    qtbot.waitUntil(lambda: "đã được xuất" in box.steps.text(), timeout=WAIT)

    with qtbot.waitSignal(box.changed, timeout=WAIT):
        box.forget_button.click()
    assert _sql("SELECT count(*) FROM sync_state WHERE key = 'token'")[0][0] == 0
    assert _sql("SELECT count(*) FROM learner WHERE pending = 1")[0][0] == waiting  # nothing lost
