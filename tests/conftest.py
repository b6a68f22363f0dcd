"""Shared fixtures: a real data folder and SQLite file per test; Qt offscreen."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no screen in tests, and no modal dialogs.
ROOT = Path(__file__).resolve().parent.parent
# Besides the 800×800 primary screen, a 1366×768 laptop's and a 1920×1080 desktop's free area
# (the taskbar taken off): tests/test_layout.py puts windows on them.
SCREENS = ROOT / "tests" / "qt_screens.json"
os.environ["QT_QPA_PLATFORM"] = "offscreen" if ":" in str(SCREENS) else f"offscreen:configfile={SCREENS}"
os.environ["VOLUNTEER_KIT_NO_DIALOGS"] = "1"
USER_FOLDER = "Nguyễn Văn Ánh"  # a Windows user folder name, NFC


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False, help="also run the tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests that use Qt are marked `gui`, so `-m "not gui"` runs the core suite without Qt.
    run_slow = config.getoption("--run-slow")
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
        # Slow tests show up as skipped (never silently deselected) unless asked for.
        if not run_slow and item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.skip(reason="slow: run with --run-slow"))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data folder, used by paths.* for the length of the test.

    Its path has Vietnamese letters and a space, as on a Windows laptop whose user is
    "Nguyễn Văn Ánh" (C:\\Users\\Nguyễn Văn Ánh\\AppData\\Local\\volunteer-kit).
    """
    from volunteer_kit import paths

    folder = tmp_path / USER_FOLDER / "dữ liệu"
    folder.mkdir(parents=True)
    monkeypatch.delenv("VOLUNTEER_KIT_HOME", raising=False)
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def engine(data_dir: Path):
    from volunteer_kit import paths
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store

    eng = open_store(paths.database_path())
    ensure_device(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def demo_engine(engine):
    from datetime import date

    from volunteer_kit import paths
    from volunteer_kit.store.demo import load_demo

    load_demo(engine, learners=300, seed=7, anchor=date(2026, 11, 20), lessons_dir=paths.lessons_dir())
    return engine


def make_officer(engine) -> None:
    """Make this store a commune officer's laptop as `volunteer-kit enroll` with an officer code of
    the demo commune does, without a hub: the enrollment in sync_state, the device row, the
    volunteer record's role. No hub URL (a test sets one where it matters); the officer's issuer
    key is made when it first issues."""
    from volunteer_kit.core.admin_units import DEMO_COMMUNE
    from volunteer_kit.core.tables import SYNCED_TABLES
    from volunteer_kit.store.devices import ensure_commune, follow_enrolled_role, set_device_commune
    from volunteer_kit.sync import local

    with engine.begin() as conn:
        ensure_commune(conn, DEMO_COMMUNE.code, DEMO_COMMUNE.name, DEMO_COMMUNE.province_code)
        set_device_commune(conn, DEMO_COMMUNE.code)
        conn.exec_driver_sql(
            "UPDATE device SET role = 'officer', label = 'Máy cán bộ xã' WHERE is_this_device = 1"
        )
        for table in SYNCED_TABLES:  # records made before enrollment join its commune
            conn.exec_driver_sql(
                f"UPDATE {table} SET commune_code = ? WHERE commune_code = ''", (DEMO_COMMUNE.code,)
            )
        state = {
            local.TOKEN: "test-token-of-an-officer-enrollment",
            local.HUB_ID: "test-hub",
            local.ROLE: "officer",
            local.COMMUNE_CODE: DEMO_COMMUNE.code,
            local.COMMUNE_NAME: DEMO_COMMUNE.name,
            local.DEVICE_LABEL: "Máy cán bộ xã",
            local.ENROLLED_AT: "2026-11-20T01:00:00Z",
        }
        local.write_state(conn, state)
        follow_enrolled_role(conn)


def run_cli(
    *args: str, data_dir: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
):
    """Run the installed command line as a user would (a real process)."""
    import subprocess

    full_env = {**os.environ, **(env or {})}
    full_env.pop("VOLUNTEER_KIT_HOME", None)
    if data_dir is not None:
        full_env["VOLUNTEER_KIT_HOME"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "volunteer_kit", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )


def _running_app(qtbot, data_dir: Path):
    """The app as a user opens it (Vietnamese), its store open and the Today page filled."""
    from PySide6.QtWidgets import QApplication

    from volunteer_kit.ui.app import Application

    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.store.is_open, timeout=10_000)
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=10_000)
    try:
        yield application
    finally:
        application.set_text_scale(100)
        application.set_language("vi")
        application.shutdown()


@pytest.fixture
def app(qtbot, data_dir: Path):
    """The window on an empty data folder."""
    yield from _running_app(qtbot, data_dir)


@pytest.fixture
def demo_app(qtbot, demo_engine, data_dir: Path):
    """The window on the demo commune (300 learners)."""
    yield from _running_app(qtbot, data_dir)
