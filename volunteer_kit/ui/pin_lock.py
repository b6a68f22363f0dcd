"""The lock screen of the app PIN (volunteer_kit/app_pin.py): asked at start and after some minutes
without use.

While locked, every window of the app (the main window, the presenter and quiz windows, an open
dialog) is covered by an opaque `Cover` that shows nothing of what is under it, and the lock screen,
an application-modal window of its own, takes all input: a dialog that was open keeps what was typed
in it (hiding a dialog would end it). A window that opens while locked (a message box) is covered
too, and the lock screen comes back above it. The PIN is checked off the GUI thread (scrypt).

Idle means no key, mouse, wheel or touch input in any window of the app: an application event
filter, installed only while a PIN is set, notes the time of the last input.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit import app_pin
from volunteer_kit.errors import KnownError
from volunteer_kit.ui import theme
from volunteer_kit.ui.ops import FileOp
from volunteer_kit.ui.widgets import ScaledLabel

if TYPE_CHECKING:
    from volunteer_kit.ui.store_client import StoreClient

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
COUNTDOWN_MS = 200
PIN_FONT_FACTOR = 2.2


def _is_app_window(widget: QObject) -> bool:
    """A window a person reads (main window, presenter, quiz, dialog), not a tooltip or a menu."""
    return (
        isinstance(widget, QWidget)
        and widget.isWindow()
        and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    )


def pin_field(parent: QWidget | None = None) -> QLineEdit:
    """A field for a PIN: digits only, at most 8, shown as dots."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(app_pin.MAX_DIGITS)
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", field))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return field


class Cover(QWidget):
    """An opaque sheet over one window while the app is locked: it shows only that it is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("pinCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.NAVIGATION_BACKGROUND))
        self.setPalette(palette)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        self.label = QLabel(self.tr("Volunteer Kit is locked."))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        window.installEventFilter(self)
        self.fit()
        self.show()

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.ChildAdded,
        ):
            QTimer.singleShot(0, self, self.fit)  # after the window has laid out its new child
            self.fit()
        return False

    def remove(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            parent.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockScreen(QWidget):
    """The window that asks for the PIN: a large field, Open, and what went wrong (a wrong PIN and
    the seconds to wait before the next try, counted down)."""

    pin_entered = Signal(str)
    quit_requested = Signal()

    def __init__(self, clock: app_pin.Clock = time.time, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("pinLockScreen")
        self.clock = clock
        self._wait_ends = 0.0  # on `clock`: no try is heard before this
        self._wrong = False
        self._damaged: KnownError | None = None
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.NAVIGATION_BACKGROUND))
        self.setPalette(palette)

        self.heading = ScaledLabel(1.8, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.pin_edit = pin_field()
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setBuddy(self.pin_edit)
        self.open_button = QPushButton()
        theme.primary(self.open_button)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        theme.error_text(self.message)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        theme.muted(self.hint)
        self.quit_button = QPushButton()

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addStretch(2)
        column.addWidget(self.heading)
        column.addWidget(self.prompt)
        field_row = QHBoxLayout()
        field_row.addStretch(1)
        field_row.addWidget(self.pin_edit)
        field_row.addWidget(self.open_button)
        field_row.addStretch(1)
        column.addLayout(field_row)
        column.addWidget(self.message)
        column.addStretch(3)
        column.addWidget(self.hint)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_row.addWidget(self.quit_button)
        quit_row.addStretch(1)
        column.addLayout(quit_row)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)

        self.countdown = QTimer(self)
        self.countdown.setInterval(COUNTDOWN_MS)
        self.countdown.timeout.connect(self._show_wait)
        self.open_button.clicked.connect(self._submit)
        self.pin_edit.returnPressed.connect(self._submit)
        self.quit_button.clicked.connect(self.quit_requested)
        self.rescale()
        self.retranslate()

    def rescale(self) -> None:
        """Fonts from the app's text size: the field's digits large enough to read from a chair."""
        self.heading.rescale()
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * PIN_FONT_FACTOR)
        self.pin_edit.setFont(font)
        metrics = self.pin_edit.fontMetrics()
        self.pin_edit.setFixedWidth(metrics.horizontalAdvance("0") * (app_pin.MAX_DIGITS + 2) + 24)
        self.open_button.setMinimumHeight(self.pin_edit.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Volunteer Kit — locked"))
        self.heading.setText(self.tr("Volunteer Kit is locked"))
        self.prompt.setText(self.tr("Type your &PIN to open it:"))
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        self.open_button.setText(self.tr("&Open"))
        self.quit_button.setText(self.tr("&Close Volunteer Kit"))
        self.hint.setText(
            self.tr(
                "Forgot the PIN? Your IT contact can remove it from the data folder; "
                "your records stay as they are."
            )
        )
        self._show_wait()

    # What the lock says ------------------------------------------------------------------------
    def remaining(self) -> float:
        """Seconds before a try is heard, on the lock's clock."""
        return max(0.0, self._wait_ends - self.clock())

    def refuse(self, wait_seconds: float, *, wrong: bool) -> None:
        """A try was refused: wait this long (on the lock's clock) before the next one."""
        self._wrong = wrong
        self._wait_ends = self.clock() + wait_seconds
        self.pin_edit.clear()
        self._show_wait()

    def damaged(self, problem: KnownError) -> None:
        """The PIN file cannot be read: nothing opens the window (only closing the app)."""
        self._damaged = problem
        self._show_wait()

    def checking(self) -> None:
        self.pin_edit.setEnabled(False)
        self.open_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))

    def _show_wait(self) -> None:
        if self._damaged is not None:
            self.countdown.stop()
            self.pin_edit.setEnabled(False)
            self.open_button.setEnabled(False)
            self.message.setText(self._damaged.message())
            return
        left = self.remaining()
        waiting = left > 0
        if waiting:
            seconds = str(math.ceil(left))
            if self._wrong:
                text = self.tr("Wrong PIN. Try again in %1 s.").replace("%1", seconds)
            else:
                text = self.tr("Too many wrong tries. Try again in %1 s.").replace("%1", seconds)
            self.message.setText(text)
            if not self.countdown.isActive():
                self.countdown.start()
        else:
            self.countdown.stop()
            self.message.setText(self.tr("Wrong PIN. Try again.") if self._wrong else "")
        was_enabled = self.pin_edit.isEnabled()
        self.pin_edit.setEnabled(not waiting)
        self.open_button.setEnabled(not waiting)
        if not waiting and not was_enabled:
            self.pin_edit.setFocus()

    def _submit(self) -> None:
        pin = self.pin_edit.text()
        if not pin or self.remaining() > 0 or self._damaged is not None:
            return
        self.checking()
        self.pin_entered.emit(pin)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close button closes the app, never opens it.
        if event.spontaneous():
            event.ignore()
            self.quit_requested.emit()
            return
        super().closeEvent(event)


class PinLock(QObject):
    """Locks the app at start and after `idle_ms` without input, when a PIN is set; opens it again
    for the right PIN. `clock` is the lock's wall clock (the wait after a wrong PIN), injectable;
    `idle_ms`, when set, replaces the idle minutes of Settings (tests)."""

    locked_changed = Signal(bool)
    quit_requested = Signal()

    def __init__(
        self,
        store: StoreClient,
        *,
        clock: app_pin.Clock = time.time,
        idle_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.idle_ms_override = idle_ms
        self.state = app_pin.PinState()
        self.lock_screen: LockScreen | None = None
        self._damaged: KnownError | None = None
        self._covers: list[Cover] = []
        self._return_to: QWidget | None = None  # the window that was active when it locked
        self._filtering = False
        self._last_input = time.monotonic()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle_check)

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    @property
    def idle_ms(self) -> int:
        if self.idle_ms_override is not None:
            return self.idle_ms_override
        return self.state.idle_minutes * 60_000

    def start(self) -> None:
        """At start, after the main window is shown (nothing is painted before this returns)."""
        self.reload()
        if self.state.is_set or self._damaged is not None:
            self.lock()

    def reload(self) -> None:
        """Read the PIN state again (Settings changed it): the idle lock follows it."""
        try:
            self.state = app_pin.load()
            self._damaged = None
        except app_pin.PinFileDamaged as problem:
            self.state = app_pin.PinState()
            self._damaged = problem
        protected = self.state.is_set or self._damaged is not None
        self._filter(protected)
        if protected and not self.locked:
            self._last_input = time.monotonic()
            self.idle_timer.start(self.idle_ms)
        elif not protected:
            self.idle_timer.stop()

    def stop(self) -> None:
        self.idle_timer.stop()
        self._filter(False)

    def _filter(self, on: bool) -> None:
        """The application event filter only while a PIN is set: no cost on every event otherwise."""
        app = QApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self._last_input = time.monotonic()
        elif (
            kind == QEvent.Type.Show
            and self.lock_screen is not None
            and watched is not self.lock_screen
            and _is_app_window(watched)
        ):
            assert isinstance(watched, QWidget)
            self._cover(watched)
            QTimer.singleShot(0, self, self._bring_forward)
        return False

    def _idle_check(self) -> None:
        if self.locked or not (self.state.is_set or self._damaged is not None):
            return
        idle = (time.monotonic() - self._last_input) * 1000
        if idle >= self.idle_ms:
            self.lock()
        else:
            self.idle_timer.start(max(1, math.ceil(self.idle_ms - idle)))

    # Locking -----------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.lock_screen is not None:
            return
        self.idle_timer.stop()
        anchor = QApplication.activeWindow()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and _is_app_window(window):
                self._cover(window)
                if anchor is None:
                    anchor = window
        screen = LockScreen(self.clock)
        screen.setWindowModality(Qt.WindowModality.ApplicationModal)
        screen.pin_entered.connect(self._check)
        screen.quit_requested.connect(self.quit_requested)
        self.lock_screen = screen
        if self._damaged is not None:
            screen.damaged(self._damaged)
        else:
            wait = self.state.wait_seconds(self.clock())
            if wait > 0:
                screen.refuse(wait, wrong=False)
        self._return_to = anchor
        where = anchor.screen() if anchor is not None else QApplication.primaryScreen()
        screen.setScreen(where)
        screen.setGeometry(where.availableGeometry())
        screen.showMaximized()
        screen.activateWindow()
        screen.pin_edit.setFocus()
        self.locked_changed.emit(True)

    def _cover(self, window: QWidget) -> None:
        if any(shiboken6.isValid(c) and c.parentWidget() is window for c in self._covers):
            return
        self._covers.append(Cover(window))

    def _bring_forward(self) -> None:
        """A window opened while locked (a message box, itself modal) must not take the input the
        lock screen needs: show the lock screen again, so it is the newest modal window."""
        screen = self.lock_screen
        if screen is None:
            return
        screen.hide()
        screen.showMaximized()
        screen.activateWindow()

    def _check(self, pin: str) -> None:
        clock = self.clock

        def check() -> app_pin.Outcome:
            return app_pin.check(pin, now=clock())

        def answered(outcome: app_pin.Outcome) -> None:
            if self.lock_screen is None:
                return
            if outcome.opened:
                self.unlock()
            else:
                self.lock_screen.refuse(outcome.wait_seconds, wrong=not outcome.too_soon)

        def failed(problem: KnownError) -> None:
            if self.lock_screen is not None:
                self.lock_screen.damaged(problem)

        FileOp(self.store, check, parent=self.lock_screen).success(answered).failure(failed).run()

    def unlock(self) -> None:
        """The right PIN: take the covers off and give the windows back as they were."""
        screen = self.lock_screen
        if screen is None:
            return
        self.lock_screen = None
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.remove()
        self._covers.clear()
        screen.hide()
        screen.deleteLater()
        back, self._return_to = self._return_to, None
        if back is not None and shiboken6.isValid(back) and back.isVisible():
            back.activateWindow()
        self.reload()  # the failures were reset on disk; the idle clock starts again
        self.locked_changed.emit(False)
