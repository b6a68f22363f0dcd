"""One source of truth for roles: the hub's word at enrollment governs what a laptop may do, never a
setting the user can change (DESIGN.md "Who uses it"); `volunteer-kit status` says which it is."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QScrollArea

from tests.conftest import _running_app, make_officer, run_cli
from tests.test_certificates import _outlines, complete_pack, longest_names
from tests.test_hub_support import COMMUNE_A, Hub, hub, hub_db_url  # noqa: F401 - fixtures
from volunteer_kit.certificates.issue import issue_certificates
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.devices import profile, save_profile
from volunteer_kit.store.merge import merge_learners
from volunteer_kit.ui.app import Application

PACK = "vn.bdhvs.vneid"
WAIT = 10_000
ENROLL_HINT = "enroll --hub URL --code CODE"


def _status(data_dir: Path) -> dict:
    done = run_cli("status", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _my_role_column(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / "volunteer-kit.sqlite3")
    try:
        return conn.execute("SELECT role FROM volunteer WHERE is_me = 1").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------- the enrolled role governs


def test_an_officer_enrollment_lets_the_laptop_issue_certificates(
    hub: Hub,  # noqa: F811
    demo_engine,
    data_dir: Path,
) -> None:
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        complete_pack(conn, longest_names(conn, 2))
    assert _my_role_column(data_dir) == "volunteer"  # before enrollment a laptop is a volunteer's

    enrolled = run_cli(
        "--lang",
        "vi",
        "enroll",
        "--hub",
        hub.url,
        "--code",
        hub.code(COMMUNE_A, "officer"),
        data_dir=data_dir,
    )
    assert enrolled.returncode == 0, enrolled.stderr
    assert "vai trò cán bộ xã" in enrolled.stdout
    status = _status(data_dir)
    assert status["role"] == "officer" and status["enrolled"] is True
    assert status["hub_url"] == hub.url and status["commune_code"] == COMMUNE_A
    assert status["commune_name"] == "Xã Bát Tràng" and status["enrolled_at"]
    # The person's own record (it syncs as their profile) follows the enrolled role.
    assert _my_role_column(data_dir) == "officer"

    issued = run_cli("--lang", "en", "certificates", "issue", "--all-eligible", "--json", data_dir=data_dir)
    assert issued.returncode == 0, issued.stderr
    assert len(json.loads(issued.stdout)) >= 2

    synced = run_cli("sync", data_dir=data_dir, timeout=300)
    assert synced.returncode == 0, synced.stderr
    after = _status(data_dir)
    assert after["pending"]["total"] == 0 and after["quarantined"] == 0
    assert after["last_sync"]["at"] and after["last_sync"]["result"]["accepted"] > 0
    text = run_cli("status", data_dir=data_dir)
    assert text.returncode == 0 and "cán bộ xã (theo đăng ký với máy chủ xã)" in text.stdout


def test_a_volunteer_who_declares_themselves_officer_still_cannot_issue(demo_engine, data_dir: Path) -> None:
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Lê Văn Hùng", phone="")
        learners = longest_names(conn, 2)
        complete_pack(conn, learners)
        # The old way to become an officer: the profile's own role column.
        conn.exec_driver_sql("UPDATE volunteer SET role = 'officer' WHERE is_me = 1")
        assert profile(conn).role == "volunteer"

    refused = run_cli("--lang", "en", "certificates", "issue", "--all-eligible", data_dir=data_dir)
    assert refused.returncode == 1
    assert "Only a commune officer" in refused.stderr and ENROLL_HINT in refused.stderr
    assert "Settings" not in refused.stderr
    in_vietnamese = run_cli("--lang", "vi", "certificates", "issue", "--all-eligible", data_dir=data_dir)
    assert in_vietnamese.returncode == 1
    assert "mã đăng ký cán bộ" in in_vietnamese.stderr and "Cài đặt" not in in_vietnamese.stderr
    with pytest.raises(InvalidInput, match=ENROLL_HINT), demo_engine.begin() as conn:
        issue_certificates(conn, data_dir, learners, PACK, _outlines())
    with pytest.raises(InvalidInput, match=ENROLL_HINT), demo_engine.begin() as conn:
        merge_learners(conn, keep_id=learners[0], merge_id=learners[1])
    assert _status(data_dir)["role"] == "volunteer"
    # Saving the profile puts the record's role back to what the device is.
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Lê Văn Hùng", phone="0912345678")
    assert _my_role_column(data_dir) == "volunteer"
    with demo_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM certificate").scalar() == 0


# ---------------------------------------------------------------- the Settings page


@pytest.fixture
def officer_app(qtbot, engine, data_dir: Path) -> Iterator[Application]:
    """The window on a laptop enrolled as the commune officer's."""
    make_officer(engine)
    yield from _running_app(qtbot, data_dir)


def _settings(app: Application):
    page = app.window.settings_page
    app.window.show_page(page)
    return page


def test_settings_shows_the_enrolled_role_and_offers_no_way_to_change_it(
    qtbot,
    officer_app: Application,
    data_dir: Path,
) -> None:
    page = _settings(officer_app)
    qtbot.waitUntil(lambda: page.role_value.text() == "Cán bộ xã (theo đăng ký với máy chủ xã)", timeout=WAIT)
    assert page.profile_group.findChildren(QComboBox) == []
    assert set(page.profile_group.findChildren(QLineEdit)) == {page.name_edit, page.phone_edit}
    page.name_edit.setText("Trần Thị Quỳnh Hương")
    with qtbot.waitSignal(page.profile_saved, timeout=WAIT):
        page.save_button.click()
    assert _my_role_column(data_dir) == "officer"
    officer_app.set_language("en")
    qtbot.waitUntil(lambda: page.role_value.text() == "Commune officer (as enrolled with the commune hub)")


def test_settings_says_an_unenrolled_laptop_is_a_volunteers(qtbot, app: Application) -> None:
    page = _settings(app)
    qtbot.waitUntil(lambda: page.role_value.text() == "chưa đăng ký: tình nguyện viên", timeout=WAIT)
    assert page.profile_group.findChildren(QComboBox) == []


def test_the_role_wraps_at_200_percent_text_instead_of_widening_the_page(
    qtbot,
    officer_app: Application,
) -> None:
    officer_app.window.resize(1280, 800)  # a common laptop screen at 200 % text: no room to spare
    officer_app.window.show()
    page = _settings(officer_app)
    qtbot.waitUntil(lambda: "theo đăng ký" in page.role_value.text(), timeout=WAIT)
    officer_app.set_text_scale(200)
    area = page.findChild(QScrollArea)
    role = page.role_value
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0, timeout=WAIT)
    QApplication.processEvents()
    assert role.geometry().right() <= area.viewport().width()
    assert role.height() >= role.heightForWidth(role.width())  # every word of it shown


# ---------------------------------------------------------------- volunteer-kit status


def test_status_of_a_fresh_data_folder(engine, data_dir: Path) -> None:
    status = _status(data_dir)
    assert status["device_id"] and status["label"] == ""
    assert status["role"] == "volunteer" and status["enrolled"] is False
    assert status["commune_code"] is None and status["commune_name"] is None
    assert status["hub_url"] is None and status["enrolled_at"] is None
    assert status["pending"] == {**dict.fromkeys(SYNCED_TABLES, 0), "total": 0}
    assert status["quarantined"] == 0 and status["last_sync"] is None
    conn = sqlite3.connect(data_dir / "volunteer-kit.sqlite3")
    try:
        assert (
            conn.execute("SELECT id FROM device WHERE is_this_device = 1").fetchone()[0]
            == status["device_id"]
        )
    finally:
        conn.close()
    vi = run_cli("status", data_dir=data_dir)
    assert vi.returncode == 0
    assert "Vai trò:" in vi.stdout and "tình nguyện viên (chưa đăng ký với máy chủ xã)" in vi.stdout
    assert ENROLL_HINT in vi.stdout and "chưa lần nào" in vi.stdout
    en = run_cli("--lang", "en", "status", data_dir=data_dir)
    assert "Role:" in en.stdout and "volunteer (not enrolled with a commune hub)" in en.stdout


def test_status_counts_what_waits_per_kind(demo_engine, data_dir: Path) -> None:
    make_officer(demo_engine)
    with demo_engine.connect() as conn:
        waiting = {
            table: conn.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE pending = true").scalar()
            for table in SYNCED_TABLES
        }
    status = _status(data_dir)
    assert status["pending"] == {**waiting, "total": sum(waiting.values())}
    assert waiting["learner"] == 300
    assert status["role"] == "officer" and status["commune_code"] == "00577"
    assert status["commune_name"] == "Xã Bát Tràng" and status["label"] == "Máy cán bộ xã"
    text = run_cli("--lang", "en", "status", data_dir=data_dir)
    assert f"Waiting to sync:    {sum(waiting.values())} (volunteers " in text.stdout
    assert f"learners {waiting['learner']}" in text.stdout  # kinds in words, not table names
    vi = run_cli("status", data_dir=data_dir)
    assert f"người học {waiting['learner']}" in vi.stdout and "teaching_session" not in vi.stdout
    assert "Xã Bát Tràng (00577)" in text.stdout
