"""Starting the desktop app: fonts, translations, the window, then the store off the GUI thread."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from volunteer_kit import APP_NAME, __version__, errors, paths
from volunteer_kit import settings as app_settings
from volunteer_kit.ui import crash, theme
from volunteer_kit.ui.i18n import apply_text_scale, install_translations, load_fonts
from volunteer_kit.ui.main_window import MainWindow
from volunteer_kit.ui.ops import FileOp
from volunteer_kit.ui.pin_lock import PinLock
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.tasks import TaskManager
from volunteer_kit.ui.widgets import ScalingStyle

log = logging.getLogger("volunteer_kit.ui.app")

SMOKE_TEST_TIMEOUT_MS = 60_000
# benchmarks/startup.py sets this: the app prints when the window is on screen and when the
# first data is shown, then quits.
STARTUP_PROBE_ENV = "VOLUNTEER_KIT_STARTUP_PROBE"

# What the pages' operations call, with their heavy libraries (requests, cryptography, reportlab,
# openpyxl, qrcode): imported on a worker once the store is open, so that a page's first use finds them
# loaded and the GUI thread never waits for an import (tests/test_gui_thread.py).
BACKGROUND_MODULES = (
    "volunteer_kit.sync.overview",
    "volunteer_kit.sync.client",
    "volunteer_kit.sync.probe",
    "volunteer_kit.sync.packs",
    "volunteer_kit.certificates.overview",
    "volunteer_kit.certificates.keys",
    "volunteer_kit.certificates.issue",
    "volunteer_kit.certificates.retire",
    "volunteer_kit.certificates.verify",
    "volunteer_kit.exports.report",
    "volunteer_kit.exports.report_files",
    "volunteer_kit.exports.roster",
    "volunteer_kit.imports.learner_import",
    "volunteer_kit.packs.library",
)


def import_background_modules() -> None:
    for name in BACKGROUND_MODULES:
        importlib.import_module(name)


class GuiThreadCollector:
    """Garbage collection only on the GUI thread (as Anki does).

    Python collects cycles on whichever thread happens to allocate; a cycle holding a Qt object
    (a dialog and its lambdas, a page and its callbacks) destroyed on a worker thread crashes Qt.
    So automatic collection is off while the window lives, and a timer collects on the GUI thread.
    """

    INTERVAL_MS = 250

    def __init__(self, qapp: QApplication) -> None:
        gc.disable()
        self.ticks = 0
        self.timer = QTimer(qapp)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        # Young objects four times a second (cheap, and soon enough that scrolling 100,000 learners
        # stays under the memory target); the older generations every few seconds and every 30 s,
        # so a large heap (the search index of a big commune) is not walked all the time.
        self.ticks += 1
        gc.collect(2 if self.ticks % 120 == 0 else 1 if self.ticks % 10 == 0 else 0)

    def stop(self) -> None:
        """After the workers stopped: collect here, then let Python collect by itself again."""
        self.timer.stop()
        gc.collect()
        gc.enable()


class Application:
    """The running app: QApplication, settings, store client and main window together."""

    def __init__(
        self, qapp: QApplication, *, lang_override: str | None = None, inline_tasks: bool = False
    ) -> None:
        self.qapp = qapp
        self.collector = GuiThreadCollector(qapp)
        self.settings = app_settings.load()
        if lang_override:
            self.settings = self.settings.with_changes(language=lang_override)
        errors.set_language(self.settings.language)
        self.font_family = load_fonts()
        if not isinstance(qapp.style(), ScalingStyle):
            qapp.setStyle(ScalingStyle())  # check boxes and radio buttons follow the text size
        theme.apply(qapp)  # one accent: selection, focus, progress, links, charts
        apply_text_scale(qapp, self.font_family, self.settings.text_scale)
        install_translations(qapp, self.settings.language)
        self.tasks = TaskManager(inline=inline_tasks)
        self.store = StoreClient(self.tasks, paths.database_path())
        self.window = MainWindow(self.store, self.settings)
        self.window.apply_font(QApplication.font())
        self.tasks.default_error = lambda error: crash.show_error(self.window, error)
        self.window.language_changed.connect(self.set_language)
        self.window.text_scale_changed.connect(self.set_text_scale)
        self.store.opened.connect(lambda: FileOp(self.store, import_background_modules).run())
        # The app PIN (Settings): asked at start and after the idle minutes; none set, nothing asked.
        self.pin_lock = PinLock(self.store)
        self.pin_lock.quit_requested.connect(qapp.quit)
        self.window.settings_page.pin_section.pin_changed.connect(self.pin_lock.reload)

    def start(self) -> None:
        self.window.show()
        self.pin_lock.start()  # with a PIN set, every window is covered before it is first painted
        # Open the store once the window has had its first turn of the event loop: the window
        # paints first, and the worker's imports (SQLAlchemy) do not hold it back.
        QTimer.singleShot(0, self.store.open)

    def set_language(self, language: str) -> None:
        self.settings = self.settings.with_changes(language=language)
        errors.set_language(language)
        install_translations(self.qapp, language)  # every widget gets a LanguageChange event
        self._save_settings()

    def set_text_scale(self, scale: int) -> None:
        self.settings = self.settings.with_changes(text_scale=scale)
        self.window.apply_font(apply_text_scale(self.qapp, self.font_family, scale))
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            app_settings.save(self.settings)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)

    def shutdown(self) -> None:
        if self.tasks.busy:
            log.info("closing while background work finishes")
        self.pin_lock.stop()
        self.window.sync_page.stop_probing()
        self.tasks.shutdown()
        self.store.close()
        self.collector.stop()


def _probe_startup(qapp: QApplication, app: Application) -> None:
    def shown() -> None:
        print(f"window-shown {time.perf_counter():.6f}", flush=True)

    def data(_counts: object) -> None:
        print(f"data-shown {time.perf_counter():.6f}", flush=True)
        qapp.exit(0)

    QTimer.singleShot(0, shown)  # runs on the first turn of the event loop, after show()
    app.window.today.loaded.connect(data)


def run_gui(*, smoke_test: bool = False, lang_override: str | None = None) -> int:
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName(APP_NAME)
    qapp.setApplicationVersion(__version__)
    qapp.setOrganizationName("Volunteer Kit")
    icon = paths.resources_dir() / "icons" / "volunteer-kit.svg"
    if icon.exists():
        qapp.setWindowIcon(QIcon(str(icon)))
    crash.install_excepthook()
    app = Application(qapp, lang_override=lang_override)
    exit_code = {"value": 0}

    def open_failed(error: BaseException) -> None:
        known = crash.as_known(error)
        exit_code["value"] = 1
        if known is None:
            crash.report_crash(type(error), error, error.__traceback__)
            print(
                errors.KnownError(
                    "Không mở được dữ liệu; chi tiết trong nhật ký.",
                    "Could not open the data; details are in the log.",
                ).message(),
                file=sys.stderr,
            )
        else:
            print(known.message(), file=sys.stderr)
            if not smoke_test:
                QMessageBox.critical(app.window, APP_NAME, known.message())
        qapp.exit(1)

    app.store.open_failed.connect(open_failed)
    if smoke_test:

        def smoke_done(_counts: object) -> None:
            # The heavy checks (hub migrations, packs, a certificate) run here only, never on a
            # normal start: they prove a frozen bundle carries what the lazy imports need.
            from volunteer_kit.ui.smoke import run_checks

            problems = run_checks()
            if not app.window.isVisible():
                problems.append("the main window is not shown")
            for problem in problems:
                print(f"smoke test: {problem}", file=sys.stderr)
            if problems:
                qapp.exit(1)
                return
            print(
                "smoke test: ok (window, store migrated, hub migrations, packs, certificate, images)",
                flush=True,
            )
            qapp.exit(0)

        def smoke_timeout() -> None:
            print("smoke test: timed out", file=sys.stderr)
            qapp.exit(1)

        app.window.today.loaded.connect(smoke_done)
        QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, smoke_timeout)
    if os.environ.get(STARTUP_PROBE_ENV):
        _probe_startup(qapp, app)
    app.start()
    code = qapp.exec()
    app.shutdown()
    return code if code else exit_code["value"]
