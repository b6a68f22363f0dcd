"""The GUI thread never waits for an import of the heavy libraries: the app opens on a demo store, and
every page is shown and refreshed; SQLAlchemy, requests, cryptography, reportlab, openpyxl and qrcode
must all have been imported by worker threads (the store opening, the operations, the warm-up of
ui/app.BACKGROUND_MODULES), never by the GUI thread, where the import would freeze the window.

It runs in a fresh process: this test process has long imported them all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

HEAVY = ("sqlalchemy", "requests", "cryptography", "reportlab", "openpyxl", "qrcode")

SCRIPT = r"""
import json, os, sys, threading, time
from datetime import date
from pathlib import Path

HEAVY = set(json.loads(sys.argv[2]))
first_import = {}


class Watch:
    # Records which thread first asks for each heavy package; finds nothing itself.
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in HEAVY and top not in first_import:
            first_import[top] = threading.current_thread().name
        return None


sys.meta_path.insert(0, Watch())
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["VOLUNTEER_KIT_NO_DIALOGS"] = "1"
os.environ["VOLUNTEER_KIT_HOME"] = sys.argv[1]

from PySide6.QtWidgets import QApplication
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.main_window import PAGES

qapp = QApplication(sys.argv[:1])
app = Application(qapp, lang_override="vi")
app.start()


def settle(seconds=20):
    deadline = time.monotonic() + seconds
    quiet = 0
    while time.monotonic() < deadline:
        qapp.processEvents()
        quiet = quiet + 1 if app.store.is_open and not app.tasks.busy else 0
        if quiet > 50:
            return
        time.sleep(0.01)
    raise SystemExit("the app did not settle")


settle()
for entry in PAGES:
    page = app.window.page(entry.name)
    app.window.show_page(page)
    settle()
app.shutdown()
print(json.dumps(first_import))
"""


def test_the_gui_thread_never_imports_the_heavy_libraries(demo_engine, data_dir: Path) -> None:
    demo_engine.dispose()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    first = json.loads(done.stdout.strip().splitlines()[-1])
    # The store, sync and certificates were used (else the test shows nothing); the PDF and XLSX
    # libraries load only when a file is written, inside the operation that writes it.
    assert {"sqlalchemy", "requests", "cryptography"} <= set(first), first
    on_gui_thread = {name: thread for name, thread in first.items() if thread == "MainThread"}
    assert on_gui_thread == {}


LAZY_START = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["VOLUNTEER_KIT_HOME"] = sys.argv[1]
from PySide6.QtWidgets import QApplication
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.main_window import PAGES

qapp = QApplication(sys.argv[:1])
app = Application(qapp, lang_override="vi")
loaded = sorted(entry.module for entry in PAGES if entry.module in sys.modules)
app.window.page("certificates")
print(json.dumps({"at_start": loaded, "after": "volunteer_kit.ui.certificates.page" in sys.modules}))
"""


def test_only_today_sync_and_settings_are_built_at_start(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAZY_START, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["at_start"] == [
        "volunteer_kit.ui.pages.settings",
        "volunteer_kit.ui.pages.sync",
        "volunteer_kit.ui.pages.today",
    ]
    assert found["after"] is True  # built, and so imported, when first shown
