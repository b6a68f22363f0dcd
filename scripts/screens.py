"""Render every page of the main window to PNG files, offscreen, for looking at.

    QT_QPA_PLATFORM=offscreen python scripts/screens.py --data-dir DIR --out OUTDIR [--lang en] [--scale 200]

Pages are shown with the data in DIR (load `volunteer-kit demo` first); the
Learners page is shown with a search typed and the first learner selected, and
teaching mode with the first pack's second lesson.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--lang", default="vi")
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--search", default="nguyen thi")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from volunteer_kit import paths
    from volunteer_kit.ui.app import Application

    paths.set_data_dir(args.data_dir)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    app = Application(qapp, lang_override=args.lang)
    app.set_text_scale(args.scale)
    width, height = (int(v) for v in args.size.split("x"))
    app.window.resize(width, height)
    app.start()
    wait(1500)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"{args.lang}-{args.scale}"
    for page in app.window.pages:
        app.window.show_page(page)
        if page is app.window.learners:
            page.search_box.setText(args.search)
            wait(800)
            page.table.selectRow(0)
        if page is app.window.households:
            wait(800)
            page.table.selectRow(0)
        wait(800)
        name = type(page).__name__.replace("Page", "").lower()
        path = out / f"{name}-{suffix}.png"
        app.window.grab().save(str(path))
        print(path)
        if page is app.window.today:  # and what needs doing, further down
            from PySide6.QtWidgets import QScrollArea

            page.findChild(QScrollArea).ensureWidgetVisible(page.one_short, 0, 0)
            wait(300)
            path = out / f"today-todo-{suffix}.png"
            app.window.grab().save(str(path))
            print(path)
    dialog = app.window.households.open_register_dialog()
    dialog.hamlet_box.setCurrentIndex(0)
    dialog.address_edit.setText("Xóm 2, nhà số 7")
    for name, year in (("Hoàng Thị Lan", "1950"), ("Hoàng Minh Đức", "2016")):
        dialog.name_edit.setText(name)
        dialog.year_edit.setText(year)
        dialog.year_edit.editingFinished.emit()
        dialog.representative_edit.setText("Hoàng Thị Lan")
        dialog.name_edit.setFocus()
        dialog.add_person()
    dialog.name_edit.setText("Hoàng Văn Nam")
    wait(500)
    path = out / f"household-dialog-{suffix}.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.reject()
    lessons = app.window.lessons
    app.window.show_page(lessons)
    wait(800)
    lessons.lessons.setCurrentRow(1)
    lessons.preview()
    presenter = lessons.presenter
    presenter.resize(width, height)
    wait(500)
    presenter.show_step(1)
    wait(300)
    path = out / f"presenter-{suffix}.png"
    presenter.grab().save(str(path))
    print(path)
    presenter.close()
    app.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
