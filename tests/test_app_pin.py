"""The app PIN (lost-laptop protection on the volunteer's side): the lock at start and after idle
time, the growing wait after a wrong PIN (read from the lock's own clock, not slept), the count kept
on disk across a restart, Settings' set/change/remove (removing needs the PIN), and nothing of the
PIN stored plain in the data folder."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from volunteer_kit import app_pin
from volunteer_kit.errors import KnownError
from volunteer_kit.ui.app import Application
from volunteer_kit.ui.pin_lock import Cover

PIN = "80452917"  # eight digits that occur nowhere in the demo data
WAIT = 10_000


class Clock:
    """The lock's clock, moved by the test: the waits are read from it, never slept."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# ---------------------------------------------------------------- the PIN file (no window)


def test_wrong_pins_wait_1_2_4_8_seconds_and_never_more_than_60(data_dir: Path) -> None:
    clock = Clock()
    app_pin.set_pin(PIN, PIN, now=clock())
    waits = []
    for _ in range(9):
        outcome = app_pin.check("1234", now=clock())
        assert not outcome.opened and not outcome.too_soon
        waits.append(outcome.wait_seconds)
        # Just before the wait is over even the right PIN is refused, unchecked and not counted.
        clock.advance(outcome.wait_seconds - 0.25)
        early = app_pin.check(PIN, now=clock())
        assert not early.opened and early.too_soon and early.wait_seconds == pytest.approx(0.25)
        clock.advance(0.25)
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert app_pin.load().failures == 9
    assert app_pin.check(PIN, now=clock()).opened
    assert app_pin.load().failures == 0
    assert app_pin.check("1234", now=clock()).wait_seconds == 1  # the count started again


def test_a_clock_set_back_does_not_lengthen_the_wait(data_dir: Path) -> None:
    clock = Clock()
    app_pin.set_pin(PIN, PIN, now=clock())
    for _ in range(3):
        clock.advance(app_pin.check("0000", now=clock()).wait_seconds)
    clock.advance(-3600)  # the laptop's clock put back an hour
    assert app_pin.load().wait_seconds(clock()) == 4  # the wait after a third wrong try, no more


def test_the_wrong_count_survives_a_restart(data_dir: Path) -> None:
    clock = Clock()
    app_pin.set_pin(PIN, PIN, now=clock())
    assert app_pin.check("1111", now=clock()).wait_seconds == 1
    clock.advance(1)
    assert app_pin.check("2222", now=clock()).wait_seconds == 2
    # A new process reads the file: the count and the time of the last wrong try are there.
    raw = json.loads(app_pin.pin_path().read_text(encoding="utf-8"))
    assert raw["failures"] == 2 and raw["last_failure_at"] == clock()
    restarted = app_pin.load()
    assert restarted.failures == 2
    assert restarted.wait_seconds(clock() + 0.5) == 1.5
    clock.advance(2)
    assert app_pin.check("3333", now=clock()).wait_seconds == 4


def test_removing_or_changing_the_pin_needs_the_pin(data_dir: Path) -> None:
    clock = Clock()
    app_pin.set_pin(PIN, PIN, now=clock())
    with pytest.raises(KnownError, match="wrong"):
        app_pin.remove_pin("11112222", now=clock())
    assert app_pin.load().is_set and app_pin.load().failures == 1
    with pytest.raises(KnownError, match="Wait 1 s"):  # the wait holds here too
        app_pin.remove_pin(PIN, now=clock())
    clock.advance(1)
    with pytest.raises(KnownError, match="wrong"):
        app_pin.set_pin("5555", "5555", old="4444", now=clock())
    clock.advance(2)
    assert app_pin.check(PIN, now=clock()).opened  # still the old PIN
    app_pin.set_pin("246813", "246813", old=PIN, now=clock())
    assert not app_pin.check(PIN, now=clock()).opened
    clock.advance(1)
    state = app_pin.remove_pin("246813", now=clock())
    assert not state.is_set
    assert not app_pin.pin_path().exists()
    assert app_pin.check("", now=clock()).opened  # no PIN: nothing asked


@pytest.mark.parametrize(
    ("pin", "again", "message"),
    [
        ("123", "123", "4 to 8 digits"),
        ("123456789", "123456789", "4 to 8 digits"),
        ("12a4", "12a4", "4 to 8 digits"),
        ("١٢٣٤", "١٢٣٤", "4 to 8 digits"),  # Arabic-Indic digits are digits to Python, not a PIN
        ("1234", "1243", "differ"),
    ],
)
def test_a_new_pin_is_4_to_8_digits_typed_twice(data_dir: Path, pin: str, again: str, message: str) -> None:
    with pytest.raises(KnownError, match=message) as refused:
        app_pin.set_pin(pin, again)
    assert refused.value.vi  # a Vietnamese sentence too
    assert not app_pin.pin_path().exists()


def test_the_pin_file_holds_a_salted_scrypt_hash_only(data_dir: Path) -> None:
    app_pin.set_pin(PIN, PIN)
    first = json.loads(app_pin.pin_path().read_text(encoding="utf-8"))
    assert first["kdf"] == "scrypt" and first["n"] >= 2**14
    salt = bytes.fromhex(first["salt"])
    assert first["hash"] == hashlib.scrypt(PIN.encode(), salt=salt, n=first["n"], r=8, p=1, dklen=32).hex()
    app_pin.set_pin(PIN, PIN, old=PIN)
    second = json.loads(app_pin.pin_path().read_text(encoding="utf-8"))
    assert second["salt"] != first["salt"] and second["hash"] != first["hash"]  # salted
    assert app_pin.pin_path().stat().st_mode & 0o077 == 0  # owner-only
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []  # written whole


def test_a_damaged_pin_file_never_opens_the_window(data_dir: Path) -> None:
    app_pin.set_pin(PIN, PIN)
    app_pin.pin_path().write_text('{"hash": "zz', encoding="utf-8")
    with pytest.raises(app_pin.PinFileDamaged):
        app_pin.load()
    with pytest.raises(app_pin.PinFileDamaged):
        app_pin.check(PIN)


# ---------------------------------------------------------------- the window


@pytest.fixture
def start_app(qtbot, demo_engine, data_dir: Path) -> Iterator[Callable[..., Application]]:
    """Start the app as a user does (on the demo commune), with the lock's clock given."""
    started: list[Application] = []

    def start(clock: Clock | None = None, idle_ms: int | None = None) -> Application:
        application = Application(QApplication.instance(), lang_override="en")
        if clock is not None:
            application.pin_lock.clock = clock
        application.pin_lock.idle_ms_override = idle_ms
        qtbot.addWidget(application.window)
        application.start()
        started.append(application)
        qtbot.waitUntil(lambda: application.window.today.counts is not None, timeout=WAIT)
        return application

    yield start
    for application in started:
        if application.pin_lock.lock_screen is not None:
            application.pin_lock.unlock()
        application.set_language("vi")
        application.shutdown()


def _covered(window) -> bool:
    """The window shows its cover and nothing else: the cover fills it and is on top at its middle."""
    own = window.findChildren(Cover, options=Qt.FindChildOption.FindDirectChildrenOnly)
    covers = [c for c in own if c.isVisible()]
    if len(covers) != 1 or covers[0].geometry() != window.rect():
        return False
    middle = window.childAt(window.rect().center())
    return middle is covers[0] or covers[0].isAncestorOf(middle)


def _type_pin(qtbot, application: Application, pin: str) -> None:
    screen = application.pin_lock.lock_screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.pin_edit.isEnabled(), timeout=WAIT)
    screen.pin_edit.setFocus()
    qtbot.keyClicks(screen.pin_edit, pin)
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)


def test_without_a_pin_the_window_opens_as_before(start_app) -> None:
    application = start_app()
    assert not application.pin_lock.locked
    assert not application.window.findChildren(Cover)
    assert not application.pin_lock.idle_timer.isActive()


def test_with_a_pin_the_app_starts_locked_and_the_right_pin_opens_it(qtbot, start_app) -> None:
    app_pin.set_pin(PIN, PIN)
    application = start_app()
    lock = application.pin_lock
    window = application.window
    assert lock.locked and lock.lock_screen is not None and lock.lock_screen.isVisible()
    # The store opened behind the lock (the Today page has its counts), yet only the cover shows.
    assert application.store.is_open and _covered(window)
    assert QApplication.activeModalWidget() is lock.lock_screen
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT)
    assert not [c for c in window.findChildren(Cover) if c.isVisible()]
    assert window.isVisible() and QApplication.activeModalWidget() is None
    assert lock.idle_timer.isActive()  # the idle lock is armed


def test_a_wrong_pin_is_refused_with_a_wait_that_grows(qtbot, start_app) -> None:
    clock = Clock()
    app_pin.set_pin(PIN, PIN, now=clock())
    application = start_app(clock)
    screen = application.pin_lock.lock_screen
    assert screen is not None
    for expected in (1, 2, 4, 8):
        _type_pin(qtbot, application, "1357")
        qtbot.waitUntil(lambda: screen.remaining() > 0, timeout=WAIT)
        assert screen.remaining() == expected  # the lock's clock has not moved
        assert not screen.pin_edit.isEnabled() and not screen.open_button.isEnabled()
        assert f"Try again in {expected} s" in screen.message.text()
        clock.advance(expected - 0.5)
        qtbot.wait(3 * 200)  # the countdown ticks; the field stays closed half a second before the end
        assert not screen.pin_edit.isEnabled() and "Try again in 1 s" in screen.message.text()
        clock.advance(0.5)
        qtbot.waitUntil(lambda: screen.pin_edit.isEnabled(), timeout=WAIT)
        assert application.pin_lock.locked
    assert app_pin.load().failures == 4
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not application.pin_lock.locked, timeout=WAIT)
    assert app_pin.load().failures == 0


def test_the_wait_after_wrong_pins_outlives_closing_the_app(qtbot, start_app) -> None:
    clock = Clock()
    app_pin.set_pin(PIN, PIN, now=clock())
    for _ in range(5):  # five wrong tries, the last one just now: 16 s to wait
        clock.advance(app_pin.check("9999", now=clock()).wait_seconds)
    clock.now -= 16
    clock.advance(3)
    application = start_app(clock)
    screen = application.pin_lock.lock_screen
    assert screen is not None
    assert screen.remaining() == 13
    assert not screen.pin_edit.isEnabled() and "Try again in 13 s" in screen.message.text()
    clock.advance(13)
    qtbot.waitUntil(lambda: screen.pin_edit.isEnabled(), timeout=WAIT)
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not application.pin_lock.locked, timeout=WAIT)


def test_the_window_locks_after_the_idle_time_and_input_keeps_it_open(qtbot, start_app) -> None:
    app_pin.set_pin(PIN, PIN)
    application = start_app(idle_ms=600)
    lock = application.pin_lock
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT)
    # Someone working: a key every 150 ms for well over the idle time keeps it open.
    search = application.window.learners.search_box
    application.window.show_page(application.window.learners)
    started = time.monotonic()
    while time.monotonic() - started < 1.5:
        qtbot.keyClick(search, Qt.Key.Key_A)
        last_key = time.monotonic()
        qtbot.wait(150)
    assert not lock.locked
    # Then nobody: it locks once the idle time has passed since the last key, not before.
    qtbot.waitUntil(lambda: lock.locked, timeout=WAIT)
    assert time.monotonic() - last_key >= 0.55
    assert _covered(application.window)


def test_the_idle_time_comes_from_settings(qtbot, start_app) -> None:
    app_pin.set_pin(PIN, PIN)
    app_pin.set_idle_minutes(15)
    application = start_app()
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not application.pin_lock.locked, timeout=WAIT)
    assert application.pin_lock.idle_ms == 15 * 60_000
    assert application.pin_lock.idle_timer.remainingTime() > 14 * 60_000


def test_the_lock_covers_the_presenter_and_an_open_dialog(qtbot, start_app) -> None:
    from tests.tour import bundled_pack
    from volunteer_kit.ui.presenter import PresenterWindow

    app_pin.set_pin(PIN, PIN)
    application = start_app(idle_ms=60_000)
    lock = application.pin_lock
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT)
    pack = bundled_pack("vneid")
    presenter = PresenterWindow(pack, pack.lessons[0])
    qtbot.addWidget(presenter)
    presenter.showFullScreen()
    dialog = application.window.households.open_register_dialog()
    dialog.name_edit.setText("Hoàng Thị Lan")  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    lock.lock()
    for window in (application.window, presenter, dialog):
        assert _covered(window), window
    # A message box that pops up while locked is covered too, and the lock stays the modal window.
    box = QMessageBox(
        QMessageBox.Icon.Information, "Volunteer Kit", "Đồng bộ xong.", parent=application.window
    )
    box.open()
    qtbot.waitUntil(lambda: _covered(box), timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock.lock_screen, timeout=WAIT)
    _type_pin(qtbot, application, PIN)
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT)
    for window in (application.window, presenter, dialog, box):
        assert window.isVisible() and not _covered(window)
    assert dialog.name_edit.text() == "Hoàng Thị Lan"  # type: ignore[attr-defined] — kept as typed
    box.close()
    dialog.close()
    presenter.close()


def test_settings_set_change_and_remove_the_pin(qtbot, start_app) -> None:
    application = start_app()
    window = application.window
    page = window.settings_page
    section = page.pin_section
    window.show_page(page)
    qtbot.waitUntil(lambda: section.state is not None, timeout=WAIT)
    assert section.set_button.isVisible() and not section.remove_button.isVisible()
    assert not section.idle_box.isEnabled()

    dialog = section.open_dialog("set")
    qtbot.keyClicks(dialog.new_edit, "2468")
    qtbot.keyClicks(dialog.again_edit, "2469")
    dialog.ok_button.click()
    assert "differ" in dialog.status.text() and not app_pin.pin_path().exists()
    dialog.again_edit.clear()
    qtbot.keyClicks(dialog.again_edit, "2468")
    with qtbot.waitSignal(section.pin_changed, timeout=WAIT):
        dialog.ok_button.click()
    assert application.pin_lock.state.is_set and application.pin_lock.idle_timer.isActive()
    assert section.remove_button.isVisible() and section.idle_box.isEnabled()

    section.idle_box.setCurrentIndex(section.idle_box.findData(5))
    with qtbot.waitSignal(section.pin_changed, timeout=WAIT):
        section.idle_box.activated.emit(section.idle_box.currentIndex())
    assert app_pin.load().idle_minutes == 5 and application.pin_lock.idle_ms == 5 * 60_000

    change = section.open_dialog("change")
    qtbot.keyClicks(change.old_edit, "2468")
    qtbot.keyClicks(change.new_edit, PIN)
    qtbot.keyClicks(change.again_edit, PIN)
    with qtbot.waitSignal(section.pin_changed, timeout=WAIT):
        change.ok_button.click()
    assert app_pin.check(PIN).opened

    remove = section.open_dialog("remove")
    qtbot.keyClicks(remove.old_edit, "2468")  # the old PIN no longer is the PIN
    remove.ok_button.click()
    qtbot.waitUntil(lambda: "wrong" in remove.status.text(), timeout=WAIT)
    assert app_pin.load().is_set and app_pin.load().failures == 1
    remove.reject()
    app_pin.check(PIN, now=time.time() + 2)  # after the wait: the right PIN clears the count
    remove = section.open_dialog("remove")
    qtbot.keyClicks(remove.old_edit, PIN)
    with qtbot.waitSignal(section.pin_changed, timeout=WAIT):
        remove.ok_button.click()
    assert not app_pin.load().is_set
    assert section.set_button.isVisible() and not section.remove_button.isVisible()
    assert not application.pin_lock.idle_timer.isActive()


def test_nothing_of_the_pin_is_stored_plain(qtbot, start_app, data_dir: Path) -> None:
    application = start_app()
    section = application.window.settings_page.pin_section
    application.window.show_page(application.window.settings_page)
    dialog = section.open_dialog("set")
    qtbot.keyClicks(dialog.new_edit, PIN)
    qtbot.keyClicks(dialog.again_edit, PIN)
    with qtbot.waitSignal(section.pin_changed, timeout=WAIT):
        dialog.ok_button.click()
    application.set_text_scale(125)  # settings.json written after the PIN was set
    forms = [
        PIN.encode(),
        PIN.encode("utf-16-le"),
        PIN.encode().hex().encode(),
        base64.b64encode(PIN.encode()),
        hashlib.sha256(PIN.encode()).hexdigest().encode(),  # an unsalted hash is as good as plain
    ]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert app_pin.pin_path() in files and any(p.name == "settings.json" for p in files)
    for path in files:
        content = path.read_bytes()
        for form in forms:
            assert form not in content, f"{path.name} holds the PIN as {form!r}"
    assert "pin" not in (data_dir / "settings.json").read_text(encoding="utf-8").lower()
    application.set_text_scale(100)


def test_a_damaged_pin_file_keeps_the_window_locked_and_says_why(qtbot, start_app) -> None:
    app_pin.set_pin(PIN, PIN)
    app_pin.pin_path().write_text("{", encoding="utf-8")
    application = start_app()
    screen = application.pin_lock.lock_screen
    assert screen is not None and _covered(application.window)
    assert not screen.pin_edit.isEnabled() and "damaged" in screen.message.text()
    application.pin_lock.unlock()  # the test's own way out; the window offers none
