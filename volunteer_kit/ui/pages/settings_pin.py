"""Settings › PIN to open the app: set one (typed twice), change it (with the current one), remove it
(with the current one), and the minutes without use before the window locks.

The PIN file (volunteer_kit/app_pin.py) is read and written off the GUI thread; a wrong current
PIN counts as a wrong try at the lock screen (the same growing wait), so this page is no way round it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit import app_pin
from volunteer_kit.errors import KnownError
from volunteer_kit.ui import theme
from volunteer_kit.ui.ops import FileOp
from volunteer_kit.ui.pin_lock import pin_field
from volunteer_kit.ui.widgets import size_to_content

if TYPE_CHECKING:
    from volunteer_kit.ui.store_client import StoreClient

SET, CHANGE, REMOVE = "set", "change", "remove"


class PinDialog(QDialog):
    """Set, change or remove the PIN. `saved_state` carries the new PIN state once saved."""

    saved_state = Signal(object)

    def __init__(self, store: StoreClient, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.mode = mode
        self.old_edit = pin_field()
        self.new_edit = pin_field()
        self.again_edit = pin_field()
        self.old_label = QLabel()
        self.old_label.setBuddy(self.old_edit)
        self.new_label = QLabel()
        self.new_label.setBuddy(self.new_edit)
        self.again_label = QLabel()
        self.again_label.setBuddy(self.again_edit)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setMinimumWidth(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(1)
        theme.error_text(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        if mode == REMOVE:
            theme.danger(self.ok_button)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        if mode in (CHANGE, REMOVE):
            form.addRow(self.old_label, self.old_edit)
        if mode in (SET, CHANGE):
            form.addRow(self.new_label, self.new_edit)
            form.addRow(self.again_label, self.again_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        size_to_content(self, 60)

    def retranslate(self) -> None:
        titles = {
            SET: self.tr("Set a PIN"),
            CHANGE: self.tr("Change the PIN"),
            REMOVE: self.tr("Remove the PIN"),
        }
        self.setWindowTitle(titles[self.mode])
        if self.mode == REMOVE:
            self.explain.setText(
                self.tr("Without a PIN, anyone who opens this laptop sees the learners' records.")
            )
        else:
            self.explain.setText(
                self.tr(
                    "%1 to %2 digits. The window asks for it when it opens and after some minutes "
                    "without use. Keep it to yourself; if you forget it, your IT contact can remove it."
                )
                .replace("%1", str(app_pin.MIN_DIGITS))
                .replace("%2", str(app_pin.MAX_DIGITS))
            )
        self.old_label.setText(self.tr("&Current PIN:"))
        self.new_label.setText(self.tr("&New PIN:"))
        self.again_label.setText(self.tr("New PIN &again:"))
        self.ok_button.setText(
            self.tr("&Remove the PIN") if self.mode == REMOVE else self.tr("&Save the PIN")
        )

    def save(self) -> None:
        old, new, again = self.old_edit.text(), self.new_edit.text(), self.again_edit.text()
        if self.mode in (CHANGE, REMOVE) and not old:
            self.status.setText(self.tr("Type the current PIN."))
            self.old_edit.setFocus()
            return
        if self.mode in (SET, CHANGE):
            try:
                app_pin.validate_new_pin(new, again)
            except KnownError as problem:
                self.status.setText(problem.message())
                self.new_edit.setFocus()
                return
        self.ok_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        mode = self.mode

        def work() -> app_pin.PinState:
            if mode == REMOVE:
                return app_pin.remove_pin(old)
            return app_pin.set_pin(new, again, old=old)

        def saved(state: app_pin.PinState) -> None:
            self.saved_state.emit(state)
            self.accept()

        def failed(problem: KnownError) -> None:
            self.status.setText(problem.message())
            self.old_edit.clear()
            (self.old_edit if self.mode != SET else self.new_edit).setFocus()

        FileOp(self.store, work, parent=self).success(saved).failure(failed).finished(
            lambda: self.ok_button.setEnabled(True)
        ).run()


class PinSection(QGroupBox):
    """The Settings page's box for the app PIN."""

    pin_changed = Signal()  # the PIN or the idle minutes changed on disk: the lock reads them again

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.state: app_pin.PinState | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(1)
        self.set_button = QPushButton()
        self.change_button = QPushButton()
        self.remove_button = QPushButton()
        self.idle_box = QComboBox()
        for minutes in app_pin.IDLE_CHOICES:
            self.idle_box.addItem("", minutes)
        self.idle_label = QLabel()
        self.idle_label.setBuddy(self.idle_box)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(1)
        self.message.hide()  # shown with something to say
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.idle_label, self.idle_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.set_button.clicked.connect(lambda: self.open_dialog(SET))
        self.change_button.clicked.connect(lambda: self.open_dialog(CHANGE))
        self.remove_button.clicked.connect(lambda: self.open_dialog(REMOVE))
        self.idle_box.activated.connect(lambda _i: self.choose_idle(self.idle_box.currentData()))
        self.retranslate()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("PIN to open the app"))
        self.set_button.setText(self.tr("Set a &PIN…"))
        self.change_button.setText(self.tr("C&hange the PIN…"))
        self.remove_button.setText(self.tr("Remo&ve the PIN…"))
        self.idle_label.setText(self.tr("&Lock after:"))
        for row, minutes in enumerate(app_pin.IDLE_CHOICES):
            self.idle_box.setItemText(row, self.tr("%1 minutes without use").replace("%1", str(minutes)))
        self._show()

    def refresh(self) -> None:
        FileOp(self.store, app_pin.load, parent=self).success(self._loaded).failure(self._failed).run()

    def _loaded(self, state: app_pin.PinState) -> None:
        self.state = state
        self._show()

    def _failed(self, problem: KnownError) -> None:
        self._say(problem.message())

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self) -> None:
        state = self.state
        if state is None:
            self.status.setText(self.tr("Loading…"))
        elif state.is_set:
            self.status.setText(
                self.tr(
                    "A PIN is set: the window asks for it when it opens and after %1 minutes without use."
                ).replace("%1", str(state.idle_minutes))
            )
        else:
            self.status.setText(
                self.tr(
                    "No PIN: anyone who opens this laptop sees the learners' records. Set one if the "
                    "laptop goes with you."
                )
            )
        is_set = bool(state and state.is_set)
        self.set_button.setVisible(state is not None and not is_set)
        self.change_button.setVisible(is_set)
        self.remove_button.setVisible(is_set)
        self.idle_box.setEnabled(is_set)
        minutes = state.idle_minutes if state else app_pin.DEFAULT_IDLE_MINUTES
        self.idle_box.setCurrentIndex(max(self.idle_box.findData(minutes), 0))

    def open_dialog(self, mode: str) -> PinDialog:
        dialog = PinDialog(self.store, mode, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved_state.connect(lambda state: self._saved(state, mode))
        dialog.open()
        return dialog

    def _saved(self, state: app_pin.PinState, mode: str) -> None:
        self._loaded(state)
        texts = {
            SET: self.tr("PIN set."),
            CHANGE: self.tr("PIN changed."),
            REMOVE: self.tr("PIN removed."),
        }
        self._say(texts[mode])
        self.pin_changed.emit()

    def choose_idle(self, minutes: int) -> None:
        def saved(state: app_pin.PinState) -> None:
            self._loaded(state)
            self._say(self.tr("Saved."))
            self.pin_changed.emit()

        FileOp(self.store, lambda: app_pin.set_idle_minutes(minutes), parent=self).success(saved).failure(
            self._failed
        ).run()
