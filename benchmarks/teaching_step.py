"""Teaching mode: the next step shown <= 100 ms after the key press, drawing included.

Opens every lesson of every bundled pack in the presenter (offscreen, 1366x768)
and times each Right-arrow key press until the new step is painted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from _common import ROOT, report

sys.path.insert(0, str(ROOT))


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from volunteer_kit.packs.library import list_library
    from volunteer_kit.ui.i18n import apply_text_scale, load_fonts
    from volunteer_kit.ui.presenter import PresenterWindow

    app = QApplication(sys.argv[:1])
    apply_text_scale(app, load_fonts(), 100)
    timings = []
    for entry in list_library(bundled_dir=ROOT / "lessons", library=ROOT / "no-library"):
        for lesson in entry.pack.lessons:
            window = PresenterWindow(entry.pack, lesson)
            window.resize(1366, 768)
            window.show()
            app.processEvents()
            for _ in range(len(lesson.steps) - 1):
                started = time.perf_counter()
                press = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
                app.sendEvent(window, press)
                window.repaint()  # painted, not just queued
                app.processEvents()
                timings.append((time.perf_counter() - started) * 1000)
            window.close()
    p95 = statistics.quantiles(timings, n=20)[18]
    print(f"{len(timings)} step changes over every bundled lesson")
    report(
        "teaching step",
        [
            ("step change median (ms)", statistics.median(timings), "ms", "", True),
            ("step change p95 (ms)", p95, "ms", "<= 100", p95 <= 100),
            ("step change max (ms)", max(timings), "ms", "(for information)", True),
        ],
    )


if __name__ == "__main__":
    main()
