"""Every screen of the app, opened as a user opens it, and what a person would find wrong on it.

Used by tests/test_layout.py (which fails on any problem) and scripts/screens.py (which saves
what each screen looks like). A scene is a context manager: given the running Application and a
screen, it opens one window or dialog with the demo data, yields the top-level widget to look at,
and closes it again.

`problems(window)` is what a person would notice on a cheap laptop at 200 % text:
- the window larger than the screen (its minimum size does not fit);
- text that does not fit its widget: a label or button clipped, a combo box narrower than its
  text ("Tất c"), a table header narrower than its title ("Kỹ năr");
- an enabled button the user cannot reach: outside the window, or scrolled away inside a
  scroll area that is itself inside another scrolling one (nested scrolls);
- a scrolling list or table inside a scrolling page (two scroll bars, one inside the other).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QWidget,
)

if TYPE_CHECKING:
    from volunteer_kit.ui.app import Application

SLACK = 2  # pixels of rounding a person would not see

# The screens a volunteer's laptop and an office desktop give a window (without the taskbar).
SCREENS = {"1366x768": "laptop", "1920x1080": "desktop"}


def settle(ms: int = 0) -> None:
    """Let layouts, timers and queued signals run (and wait `ms` more)."""
    QApplication.processEvents()
    if ms:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
    QApplication.processEvents()


def screen_named(name: str) -> QScreen:
    """The offscreen screen of that size (tests/qt_screens.json), or the primary screen."""
    for screen in QApplication.screens():
        if screen.name() == SCREENS.get(name, name):
            return screen
    return QApplication.primaryScreen()


def place(window: QWidget, screen_name: str, *, maximized: bool = True) -> None:
    """Show `window` on that screen as a user would: a main window or a full-screen window fills the
    screen's free area, a dialog keeps the size it chose and is centred."""
    screen = screen_named(screen_name)  # looked up each time: Qt may replace its screen objects
    area = screen.availableGeometry()
    window.setScreen(screen)
    if maximized:
        window.setGeometry(area)
    else:
        window.adjustSize() if window.size().isEmpty() else None
        window.move(area.center() - window.rect().center())
    window.show()
    settle(50)
    if maximized:
        window.setGeometry(area)
    settle(50)


# ---------------------------------------------------------------- what a person would notice


def _name(widget: QWidget) -> str:
    """How a problem names a widget: its class and text, inside the nearest page or dialog."""
    text = ""
    for getter in ("text", "currentText", "title", "windowTitle"):
        value = getattr(widget, getter, None)
        if callable(value):
            text = str(value() or "")
            if text:
                break
    text = text.replace("\n", " ")
    own = f"{type(widget).__name__}({text[:40]!r})" if text else type(widget).__name__
    parent = widget.parentWidget()
    while parent is not None and not type(parent).__module__.startswith("volunteer_kit"):
        parent = parent.parentWidget()
    return f"{type(parent).__name__} › {own}" if parent is not None and parent is not widget.window() else own


def _visible_rect(widget: QWidget, top: QWidget) -> QRect:
    """The part of `widget` (in its own coordinates) not cut off by any parent up to `top`."""
    rect = widget.rect()
    child, parent = widget, widget.parentWidget()
    offset = QPoint(0, 0)
    while parent is not None and child is not top:
        offset += child.pos()
        rect = rect.intersected(parent.rect().translated(-offset))
        if parent is top:
            break
        child, parent = parent, parent.parentWidget()
    return rect


def _scrolling_ancestors(widget: QWidget, top: QWidget) -> list[QAbstractScrollArea]:
    """The scroll areas around `widget` that can scroll now (their bar has a range)."""
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and (
            parent.verticalScrollBar().maximum() > 0 or parent.horizontalScrollBar().maximum() > 0
        ):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _inside_item_view(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"needs {needed} px of height, has {label.height()}"
        # A word longer than the line is cut at the right.
        hint = label.minimumSizeHint().width()
        if hint > label.width() + SLACK:
            return f"a word needs {hint} px, has {label.width()}"
        return None
    hint = label.sizeHint()
    if hint.width() > room.width() + label.margin() * 2 + SLACK + (label.width() - room.width()):
        return f"needs {hint.width()} px, has {label.width()}"
    if hint.height() > label.height() + SLACK:
        return f"needs {hint.height()} px of height, has {label.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text() and button.icon().isNull():
        return None
    if type(button) not in (QPushButton, QCheckBox, QRadioButton, QToolButton):
        return (
            None  # our own buttons (quiz cards, tick boxes) lay out their own text; checked by their labels
        )
    hint = button.sizeHint()
    if hint.width() > button.width() + SLACK:
        return f"needs {hint.width()} px, has {button.width()}"
    if isinstance(button, QPushButton) and button.fontMetrics().height() > button.height():
        return f"text {button.fontMetrics().height()} px high in a {button.height()}-px button"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    if combo.isEditable() or not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width() + SLACK:
        return f"text needs {needed} px, the field has {field.width()}"
    return None


def _header_problems(view: QTableView | QTreeView) -> list[str]:
    header: QHeaderView = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    if model is None or not header.isVisible():
        return []
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        # The style's own measure: the title, its margins and the sort arrow's room.
        needed = header.sectionSizeHint(section)
        if text and needed > header.sectionSize(section) + SLACK:
            found.append(f"header {text!r} needs {needed} px, its column has {header.sectionSize(section)}")
    return found


def _scroll_problems(area: QAbstractScrollArea, window: QWidget) -> list[str]:
    found = []
    if area.horizontalScrollBar().maximum() > 0 and isinstance(area, (QScrollArea, QTableView, QTreeView)):
        # A page or a table that needs a sideways scroll hides its right side: text cut, columns unseen.
        found.append(f"scrolls sideways ({area.horizontalScrollBar().maximum()} px out of view)")
    if area.verticalScrollBar().maximum() > 0:
        outer = [a for a in _scrolling_ancestors(area, window) if a.verticalScrollBar().maximum() > 0]
        if outer:
            found.append(f"scrolls inside {_name(outer[0])}, which scrolls too (nested scrolls)")
    return found


def problems(window: QWidget, *, allow_screen_overflow: bool = False) -> list[str]:
    """Everything on `window` (shown) a person would find cut off, clipped or out of reach."""
    found: list[str] = []
    screen = window.screen().availableGeometry()
    frame = window.geometry()  # the offscreen platform's frame is 2 px a side of nothing
    if not allow_screen_overflow and (
        frame.width() > screen.width() + SLACK or frame.height() > screen.height() + SLACK
    ):
        size, room = f"{frame.width()}×{frame.height()}", f"{screen.width()}×{screen.height()}"
        found.append(f"{_name(window)} is {size} on a {room} screen")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or widget.window() is not window or _inside_item_view(widget, window):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QProgressBar) and widget.isTextVisible() and widget.text():
            needed = (
                widget.fontMetrics().horizontalAdvance(widget.text())
                + widget.fontMetrics().averageCharWidth()
            )
            if needed > widget.width():
                problem = f"its text needs {needed} px, the bar is {widget.width()} px wide"
        if problem:
            found.append(f"{_name(widget)}: {problem}")
        if isinstance(widget, (QTableView, QTreeView)):
            found += [f"{_name(widget)}: {p}" for p in _header_problems(widget)]
        if isinstance(widget, QTabWidget):
            bar = widget.tabBar()
            for i in range(bar.count()):
                if bar.tabRect(i).width() + SLACK < bar.tabSizeHint(i).width():
                    found.append(f"tab {bar.tabText(i)!r} is cut")
        if isinstance(widget, QAbstractScrollArea):
            found += [f"{_name(widget)}: {p}" for p in _scroll_problems(widget, window)]
        if isinstance(widget, (QLabel, QAbstractButton, QComboBox)) and (
            widget.isEnabled() or not isinstance(widget, QAbstractButton)
        ):
            if (
                not isinstance(widget.parentWidget(), QTabWidget)
                and _visible_rect(widget, window) != widget.rect()
            ):
                scrolls = [
                    a for a in _scrolling_ancestors(widget, window) if a.verticalScrollBar().maximum() > 0
                ]
                if not scrolls:
                    found.append(f"{_name(widget)} is cut off or outside the window, with nothing to scroll")
                elif len(scrolls) > 1:
                    found.append(f"{_name(widget)} is out of view inside nested scroll areas")
    return found


# ---------------------------------------------------------------- the scenes


@dataclass(frozen=True)
class Scene:
    name: str
    open: Callable[[Application, str], Any]  # a context manager yielding the window to look at
    maximized: bool = True  # a main or full-screen window; a dialog sizes itself


def _wait_until(condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the screen did not finish loading")
        settle(20)
        waited += 20


def _quiet(app: Application) -> None:
    _wait_until(lambda: not app.tasks.busy)
    settle(30)


def _select_first(view: QAbstractItemView) -> None:
    model = view.model()
    if model is not None and model.rowCount() > 0:
        view.setCurrentIndex(model.index(0, 0))


def page_scene(name: str) -> Scene:
    @contextmanager
    def open_page(app: Application, screen: str) -> Iterator[QWidget]:
        window = app.window
        page = window.page(name)
        window.show_page(page)
        place(window, screen)
        _quiet(app)
        if name == "learners":
            page.search_box.setText("nguyen thi")
            settle(400)
            _quiet(app)
            _select_first(page.table)
        elif name in ("households", "sessions"):
            _select_first(page.table)
        _quiet(app)
        settle(100)
        yield window

    return Scene(f"page-{name}", open_page)


def _dialog_scene(name: str, make: Callable[[Application], QDialog]) -> Scene:
    @contextmanager
    def open_dialog(app: Application, screen_name: str) -> Iterator[QWidget]:
        place(app.window, screen_name)
        _quiet(app)
        dialog = make(app)
        dialog.setScreen(screen_named(screen_name))
        dialog.show()
        settle(50)
        _quiet(app)
        area = screen_named(screen_name).availableGeometry()
        dialog.move(area.center() - dialog.rect().center())
        settle(50)
        try:
            yield dialog
        finally:
            dialog.reject()
            dialog.deleteLater()
            settle()

    return Scene(name, open_dialog, maximized=False)


def _household_dialog(app: Application) -> QDialog:
    window = app.window
    window.show_page(window.households)
    _quiet(app)
    dialog = window.households.open_register_dialog()
    dialog.hide()
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.address_edit.setText("Xóm 2, nhà số 7")
    dialog.name_edit.setText("Hoàng Thị Lan")
    dialog.year_edit.setText("1950")
    return dialog


def _start_session(app: Application) -> QDialog:
    from volunteer_kit.ui.teaching import StartSessionDialog

    dialog = StartSessionDialog(app.store, "Sử dụng VNeID · Cài đặt ứng dụng VNeID", app.window)
    _wait_until(lambda: dialog.results.count() > 0)
    for i in range(min(3, dialog.results.count())):
        dialog.results.item(i).setCheckState(Qt.CheckState.Checked)
    return dialog


def _walk_in(app: Application) -> QDialog:
    from volunteer_kit.ui.sessions.walk_in_dialog import WalkInDialog

    return WalkInDialog(app.store, "no-session", "Thôn Kim Lan", app.window)


def _import_wizard(app: Application) -> QDialog:
    from volunteer_kit.ui.learner_import.dialog import ImportLearnersDialog

    return ImportLearnersDialog(app.store, app.window)


def _verify(app: Application) -> QDialog:
    from volunteer_kit.ui.certificates.verdicts import VerifyDialog

    return VerifyDialog(app.store, app.window)


def _revoke(app: Application) -> QDialog:
    from volunteer_kit.ui.certificates.revoke import RevokeDialog

    return RevokeDialog("VK-2026-000123", "Nguyễn Thị Hằng", app.window)


def _pack_fields(app: Application) -> QDialog:
    from volunteer_kit.ui.pack_fields import PackFieldsDialog

    manifest = bundled_pack("nen-tang-so-dia-phuong").manifest
    return PackFieldsDialog(app.store, manifest, {"zalo-xa": "Xã Kim Lan"}, app.window)


def _print_dialog(app: Application) -> QDialog:
    from PySide6.QtPrintSupport import QPrintDialog

    from volunteer_kit.ui.printing import a4_landscape_printer

    printer = a4_landscape_printer("giay-chung-nhan")
    dialog = QPrintDialog(printer, app.window)
    dialog._printer = printer  # type: ignore[attr-defined] — kept alive with the dialog
    return dialog


def _window_scene(name: str, make: Callable[[Application], QWidget], screen: str = "") -> Scene:
    """A full-screen window of the teaching flow (presenter, quiz), as TeachingFlow shows it; on
    `screen` if given (the 800×800 "default" one stands for a window snapped to half a screen)."""

    @contextmanager
    def open_window(app: Application, screen_name: str) -> Iterator[QWidget]:
        place(app.window, screen_name)
        _quiet(app)
        window = make(app)
        place(window, screen or screen_name)
        settle(100)
        try:
            yield window
        finally:
            window.close()
            window.deleteLater()
            settle()

    return Scene(name, open_window)


def bundled_pack(pack_id: str) -> Any:
    from volunteer_kit import paths
    from volunteer_kit.packs.library import list_library

    for entry in list_library(bundled_dir=paths.lessons_dir(), library=paths.data_dir() / "no-library"):
        if entry.pack.manifest.id == f"vn.bdhvs.{pack_id}":
            return entry.pack
    raise LookupError(pack_id)


def _present() -> list[Any]:
    from volunteer_kit.ui.teaching import Present

    names = (
        "Nguyễn Thị Hằng",
        "Trần Văn Bình",
        "Lê Thị Ánh Tuyết",
        "Phạm Văn Đức",
        "Hoàng Thị Xuân Quỳnh",
        "Đỗ Minh Khôi",
        "Vũ Thị Ngọc Ánh",
        "Bùi Văn Thắng",
        "Nguyễn Hữu Phước",
        "Trịnh Thị Thu Hường",
    )
    return [Present(f"learner-{i}", name) for i, name in enumerate(names)]


def _presenter(
    pack_id: str, lesson: int, step: int, *, notes: bool = False
) -> Callable[[Application], QWidget]:
    def make(app: Application) -> QWidget:
        from volunteer_kit.ui.presenter import PresenterWindow

        pack = bundled_pack(pack_id)
        window = PresenterWindow(pack, pack.lessons[lesson])
        window.show_step(step)
        if notes:
            window.toggle_notes()
        return window

    return make


def step_scene(pack_id: str, lesson: int, step: int) -> Scene:
    """One step of a bundled pack in teaching mode (scripts/screens.py --step PACK:LESSON:STEP)."""
    return _window_scene(f"step-{pack_id}-{lesson + 1}-{step + 1}", _presenter(pack_id, lesson, step))


def _quiz(pack_id: str, *, multiple: bool, checked: bool) -> Callable[[Application], QWidget]:
    def make(app: Application) -> QWidget:
        from volunteer_kit.ui.quiz import QuizWindow

        pack = bundled_pack(pack_id)
        window = QuizWindow(pack, _present()[:2])  # one learner after another
        questions = pack.quiz.questions
        window.question_index = next(i for i, q in enumerate(questions) if (len(q.correct) > 1) == multiple)
        window.show_question()
        window.pick(0)
        if checked:
            window.check_or_next()
        return window

    return make


def _group_quiz(pack_id: str, *, multiple: bool, checked: bool) -> Callable[[Application], QWidget]:
    def make(app: Application) -> QWidget:
        from volunteer_kit.ui.group_quiz import GroupQuizWindow

        pack = bundled_pack(pack_id)
        window = GroupQuizWindow(pack, _present())  # ten learners, one question at a time
        questions = pack.quiz.questions
        window.question_index = next(i for i, q in enumerate(questions) if (len(q.correct) > 1) == multiple)
        window.show_question()
        for row in range(len(window.rows)):  # each learner's answer, a different one by turns
            window.current_row = row
            window.pick(row % len(window.rows[row].cells))
        if checked:
            window.check_or_next()
        return window

    return make


def _skill_checks(app: Application) -> QDialog:
    from volunteer_kit.ui.skill_checks import SkillChecksDialog

    return SkillChecksDialog(bundled_pack("vneid"), _present(), app.window)


def _summary(app: Application) -> QDialog:
    from volunteer_kit.packs.outline import installed_outlines
    from volunteer_kit.store.session_summary import session_summary
    from volunteer_kit.ui.session_summary import SessionSummaryDialog

    with app.store.engine.connect() as conn:  # the test reads directly; the app reads in an operation
        session_ids = [
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT s.id FROM teaching_session s JOIN attendance_present a ON a.session_rowid = s.rowid "
                "ORDER BY length(a.learner_rowids) DESC LIMIT 1"
            )
        ]
        summary = session_summary(conn, session_ids[0], installed_outlines(), "vi")
    assert summary is not None
    return SessionSummaryDialog(app.store, summary, app.window)


def admin_example() -> dict[str, Any]:
    """What the hub answers a commune officer, as the "Quản lý xã" page shows it (no hub in the walk):
    long laptop names, a revoked laptop, a waiting erasure, twelve weeks of figures."""
    names = ("Máy của tổ thôn Kim Lan", "Máy giảng viên Nguyễn Thị Hằng", "Máy thôn Giang Cao (cũ)")
    devices = [
        {
            "id": f"device-{n}",
            "label": name,
            "role": "trainer" if n == 1 else "volunteer",
            "enrolled_at": "2026-10-02T01:00:00Z",
            "last_contact": f"2026-11-{18 - n:02d}T03:00:00Z",
            "records_pushed": 1234 * (n + 1),
            "pending_erasures": n % 2,
            "app_version": "1.4.0",
            "revoked": n == 2,
            "revoked_at": "2026-11-19T02:00:00Z" if n == 2 else None,
            "revoked_reason": "Máy bị mất khi đi tập huấn ở thôn Giang Cao" if n == 2 else "",
        }
        for n, name in enumerate(names)
    ]
    devices.append(
        {**devices[0], "id": "officer", "label": "Máy cán bộ xã", "role": "officer", "revoked": False}
    )
    stamp = "2026-11-20T01:00:00Z"
    conflict = {
        "id": 1,
        "table": "learner",
        "record_id": "r1",
        "name": "Lê Thị Ánh Tuyết",
        "at": stamp,
        "by_is_me": False,
        "by_name": names[0],
        "overwritten_is_me": True,
        "overwritten": {},
    }
    return {
        "codes": [
            {"id": "c1", "role": "volunteer", "created_at": stamp, "expires_at": "2026-11-23T01:00:00Z"},
            {"id": "c2", "role": "trainer", "created_at": stamp, "expires_at": "2026-12-04T01:00:00Z"},
        ],
        "devices": devices,
        "conflicts": [conflict, {**conflict, "id": 2, "table": "household", "name": "Phạm Văn Đức"}],
        "erasures": [
            {
                "id": 1,
                "table": "learner",
                "record_id": "r2",
                "device_id": "device-0",
                "at": stamp,
                "status": "waiting",
                "approved_by": None,
                "approved_at": None,
                "name": "Trần Văn Bình",
            },
            {
                "id": 2,
                "table": "learner",
                "record_id": "r3",
                "device_id": "device-1",
                "at": stamp,
                "status": "applied",
                "approved_by": "officer",
                "approved_at": stamp,
                "name": "",
            },
        ],
        "stats": {
            "per_kind": {"learner": 300, "household": 120, "attendance": 2400, "quiz_attempt": 510},
            "per_device": [
                {"device_id": d["id"], "label": d["label"], "role": d["role"], "records": d["records_pushed"]}
                for d in devices
            ],
            "per_week": [
                {"week_start": f"2026-{9 + w // 5:02d}-{1 + (w % 5) * 6:02d}", "records": 40 * w}
                for w in range(12)
            ],
        },
    }


def _admin_page(app: Application) -> Any:
    """The page with the example lists and a code just made, as an officer sees it."""
    from volunteer_kit.ui.admin_widgets import qr_matrix

    page = app.window.page("admin_page")
    page.role, page.my_device = "officer", "officer"
    page.results = {
        what: {"data": data, "at": "2026-11-20T02:00:00Z", "live": what != "stats", "problem": None}
        for what, data in admin_example().items()
    }
    text = "vk-enroll:https://hub.xa-bat-trang.vn:8443?code=K7QM-4RTX-9PLW&fp=" + "ab" * 32
    page.made = {
        "id": "c1",
        "code": "K7QM-4RTX-9PLW",
        "role": "volunteer",
        "enroll_text": text,
        "expires_at": "2026-11-23T01:00:00Z",
        "qr": qr_matrix(text),
    }
    page._show_all()
    return page


def admin_scene(tab: int) -> Scene:
    @contextmanager
    def open_admin(app: Application, screen: str) -> Iterator[QWidget]:
        window = app.window
        window.show_page(window.page("admin_page"))
        place(window, screen)
        _quiet(app)
        page = _admin_page(app)
        page.tabs.setCurrentIndex(tab)
        page.devices_list.setCurrentRow(0)
        settle(150)
        yield window

    return Scene(f"page-admin-{tab + 1}", open_admin)


def _revoke_device(app: Application) -> QDialog:
    from volunteer_kit.ui.admin_dialogs import RevokeDeviceDialog

    dialog = RevokeDeviceDialog("Máy giảng viên Nguyễn Thị Hằng", "Giảng viên", "2 ngày trước", app.window)
    dialog.reason_edit.setPlainText("Máy bị mất khi đi tập huấn ở thôn Giang Cao")
    return dialog


@contextmanager
def _pin_lock(app: Application, screen_name: str) -> Iterator[QWidget]:
    """The app locked by its PIN (the lock screen over the covered window), after a wrong PIN with a
    minute to wait: its longest message."""
    place(app.window, screen_name)
    _quiet(app)
    app.pin_lock.lock()
    lock_screen = app.pin_lock.lock_screen
    assert lock_screen is not None
    lock_screen.refuse(60, wrong=True)
    try:
        place(lock_screen, screen_name)
        yield lock_screen
    finally:
        app.pin_lock.unlock()
        settle()


def _pin_dialog(mode: str) -> Callable[[Application], QDialog]:
    def make(app: Application) -> QDialog:
        from volunteer_kit.ui.pages.settings_pin import PinDialog

        dialog = PinDialog(app.store, mode, app.window)
        dialog.status.setText("Mã PIN hiện tại không đúng; hãy chờ 60 giây rồi thử lại.")
        return dialog

    return make


SCENES: tuple[Scene, ...] = (
    *(
        page_scene(name)
        for name in (
            "today",
            "households",
            "learners",
            "sessions",
            "certificates",
            "reports",
            "lessons",
            "sync_page",
            "settings_page",
        )
    ),
    _dialog_scene("household-dialog", _household_dialog),
    _dialog_scene("start-session", _start_session),
    _dialog_scene("walk-in", _walk_in),
    _dialog_scene("import-wizard", _import_wizard),
    _dialog_scene("verify", _verify),
    _dialog_scene("revoke", _revoke),
    _dialog_scene("print-dialog", _print_dialog),
    _dialog_scene("pack-fields", _pack_fields),
    _window_scene("presenter-picture", _presenter("dich-vu-cong", 0, 1)),
    _window_scene("presenter-long-step", _presenter("tu-bao-ve", 5, 0)),
    _window_scene("presenter-notes", _presenter("vneid", 1, 1, notes=True)),
    _window_scene("presenter-narrow", _presenter("dich-vu-cong", 0, 1), screen="default"),
    _window_scene("presenter-narrow-notes", _presenter("vneid", 1, 1, notes=True), screen="default"),
    _window_scene("quiz-single", _quiz("vneid", multiple=False, checked=False)),
    _window_scene("quiz-multiple-checked", _quiz("tu-bao-ve", multiple=True, checked=True)),
    _window_scene("quiz-group", _group_quiz("vneid", multiple=False, checked=False)),
    _window_scene("quiz-group-multiple-checked", _group_quiz("tu-bao-ve", multiple=True, checked=True)),
    _dialog_scene("skill-checks", _skill_checks),
    _dialog_scene("session-summary", _summary),
    *(admin_scene(tab) for tab in range(5)),
    _dialog_scene("admin-revoke-device", _revoke_device),
    Scene("pin-lock", _pin_lock),
    _dialog_scene("pin-change", _pin_dialog("change")),
    _dialog_scene("pin-remove", _pin_dialog("remove")),
)
