"""A bug in any page's background work is logged with its traceback and shown in the crash dialog.

Every page's refresh reads through an operation (volunteer_kit/ui/ops.py). Here each page's read
breaks as a bug would (a query that raises, packs that cannot be read): the error must reach
crash.report_crash (which logs it and shows the crash dialog) from that page's own work, and the
page must not swallow it or print it into a label.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy.engine import Connection

from volunteer_kit.packs import library, outline
from volunteer_kit.ui import crash
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.main_window import PAGES

WAIT = 10_000
PAGE_NAMES = [entry.name for entry in PAGES]


class InjectedBug(RuntimeError):
    pass


@pytest.fixture
def demo_window(qtbot, demo_engine, data_dir: Path) -> Iterator[Application]:
    application = Application(QApplication.instance(), lang_override="vi")
    qtbot.addWidget(application.window)
    application.start()
    qtbot.waitUntil(lambda: application.store.is_open, timeout=WAIT)
    qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not application.tasks.busy, timeout=WAIT)
    yield application
    application.shutdown()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_bug_in_a_pages_background_work_reaches_the_log_and_the_crash_dialog(
    qtbot,
    demo_window: Application,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = demo_window.window
    page = window.page(name)
    crashes: list[tuple[str, object]] = []

    def recording(exc_type, exc, tb, parent=None) -> None:  # noqa: ANN001 — report_crash's signature
        crashes.append(("".join(traceback.format_exception(exc_type, exc, tb)), parent))
        real(exc_type, exc, tb, parent)

    def bug(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise InjectedBug(f"injected into {name}")

    real = crash.report_crash
    monkeypatch.setattr(crash, "report_crash", recording)
    for method in ("execute", "exec_driver_sql", "scalar", "scalars"):
        monkeypatch.setattr(Connection, method, bug)
    monkeypatch.setattr(outline, "outlines_by_id", bug)
    monkeypatch.setattr(library, "list_library", bug)  # the Lessons page reads only the pack files

    with caplog.at_level(logging.ERROR, logger="volunteer_kit.ui.crash"):
        page.refresh()
        qtbot.waitUntil(lambda: any("InjectedBug" in c for c, _parent in crashes), timeout=WAIT)
        qtbot.waitUntil(lambda: not demo_window.tasks.busy, timeout=WAIT)

    # The failing work was the page's own: its crash dialog opens over the page (or a part of it).
    ours = [parent for c, parent in crashes if "InjectedBug" in c]
    assert any(parent is page or page.isAncestorOf(parent) for parent in ours), crashes
    assert "Traceback" in caplog.text and "InjectedBug" in caplog.text
    shown = [label.text() for label in page.findChildren(QLabel)]
    assert not any("injected" in text for text in shown), "the page printed the bug into a label"
