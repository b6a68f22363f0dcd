"""Revoking a laptop of the commune (a lost or stolen one): the dialog that names it, says what
happens, and asks for the reason before the danger-coloured button can be pressed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from volunteer_kit.ui import theme
from volunteer_kit.ui.certificates.models import fit_lines, wrapping_label
from volunteer_kit.ui.widgets import ScaledLabel, size_to_content

MAX_REASON = 200  # the hub's bound (POST /admin/devices/{id}/revoke)


class RevokeDeviceDialog(QDialog):
    """“Thu hồi máy …”: the laptop by its name, what revoking does, the reason (required)."""

    reason_given = Signal(str)

    def __init__(self, label: str, role: str, last_contact: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revoke a laptop"))
        self.heading = ScaledLabel(1.25, bold=True)
        self.heading.setWordWrap(True)
        self.heading.setMinimumWidth(1)
        self.heading.setText(self.tr("Revoke “%1”?").replace("%1", label))
        about = wrapping_label()
        about.setText(
            self.tr("%1 · last contact with the hub: %2").replace("%1", role).replace("%2", last_contact)
        )
        theme.muted(about)
        explain = wrapping_label()
        explain.setText(
            self.tr(
                "Do this for a lost or stolen laptop. Its next sync is refused and its user is told "
                "why. Records it has not sent stay on it: its user can export them to a file for you. "
                "To use it again it needs a new enrollment code."
            )
        )
        self.reason_label = QLabel(self.tr("&Reason (required, e.g. laptop lost on 2 December):"))
        self.reason_label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        fit_lines(self.reason_edit, 2)
        self.reason_label.setBuddy(self.reason_edit)
        self.status = wrapping_label()
        theme.error_text(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.revoke_button = theme.danger(
            self.buttons.addButton(self.tr("Re&voke this laptop"), QDialogButtonBox.ButtonRole.AcceptRole)
        )
        self.revoke_button.setAutoDefault(False)
        self.revoke_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter never revokes by accident
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.buttons.accepted.connect(self._give_reason)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(about)
        layout.addWidget(explain)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.reason_edit.setFocus()
        size_to_content(self, 60)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _reason_changed(self) -> None:
        too_long = len(self.reason()) > MAX_REASON
        self.status.setText(
            self.tr("At most %1 characters.").replace("%1", str(MAX_REASON)) if too_long else ""
        )
        self.revoke_button.setEnabled(bool(self.reason()) and not too_long)

    def _give_reason(self) -> None:
        if not self.reason():
            self.status.setText(self.tr("Write why this laptop is revoked."))
            return
        self.revoke_button.setEnabled(False)
        self.status.setText(self.tr("Asking the hub…"))
        self.reason_given.emit(self.reason())

    def failed(self, text: str) -> None:
        self.status.setText(text)
        self.revoke_button.setEnabled(bool(self.reason()))
