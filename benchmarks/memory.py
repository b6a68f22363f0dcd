"""Memory: the Learners page scrolled end to end over 100,000 learners: target < 300 MB resident.

Runs the real window offscreen on the 100,000-learner store, opens the Learners
page, scrolls from the first row to the last a screen at a time (waiting for
each page of rows to arrive, as a user would see them), and reports the peak
resident memory of the process.
"""

from __future__ import annotations

import os
import sys
import time

from _common import ROOT, big_store, report

sys.path.insert(0, str(ROOT))


def main() -> None:
    import psutil

    folder = big_store()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["VOLUNTEER_KIT_HOME"] = str(folder)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from volunteer_kit.ui.app import Application

    process = psutil.Process()
    peak = 0

    def sample() -> None:
        nonlocal peak
        peak = max(peak, process.memory_info().rss)

    def pump(ms: int = 0) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        sample()

    qapp = QApplication(sys.argv[:1])
    app = Application(qapp)
    app.window.resize(1280, 800)
    app.start()
    while not app.window.today.counts:
        pump(20)
    page = app.window.learners
    app.window.show_page(page)
    while page.model.rowCount() < 100_000:
        pump(20)
    after_load = process.memory_info().rss
    table = page.table
    bar = table.verticalScrollBar()
    started = time.perf_counter()
    steps = 0
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        first = table.rowAt(0)
        deadline = time.perf_counter() + 5
        while page.model.learner_at(first) is None and time.perf_counter() < deadline:
            pump(1)
        pump(0)
        steps += 1
    seconds = time.perf_counter() - started
    last_row = page.model.rowCount() - 1
    shown_last = page.model.index(last_row, 0).data()
    app.shutdown()
    print(
        f"scrolled {steps} screens to row {last_row + 1} ({shown_last!r}) in {seconds:.1f} s; "
        f"{page.model.cached_pages()} pages cached"
    )
    report(
        "memory",
        [
            ("resident after the list loaded (MB)", after_load / 1e6, "MB", "(for information)", True),
            ("peak resident while scrolling (MB)", peak / 1e6, "MB", "< 300", peak / 1e6 < 300),
        ],
    )


if __name__ == "__main__":
    main()
