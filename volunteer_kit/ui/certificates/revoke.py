"""Revoking one certificate, and retiring a signing key (or declaring one leaked): the dialogs that ask
for the reason and say what will happen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.ui.certificates.models import fit_lines, wrapping_label
from volunteer_kit.ui.widgets import size_to_content

if TYPE_CHECKING:
    from volunteer_kit.certificates.retire import KeyRetired


class RevokeDialog(QDialog):
    """Revoke one certificate, with the reason (required): the reason travels with the revocation."""

    reason_given = Signal(str)

    def __init__(self, serial: str, holder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.serial = serial
        self.setWindowTitle(self.tr("Revoke a certificate"))
        explain = wrapping_label()
        explain.setText(
            self.tr(
                "Revoke certificate %1 of %2? The revocation is recorded and syncs: anyone who "
                "verifies this certificate will see that it was revoked. The learner can be "
                "issued a new one."
            )
            .replace("%1", serial)
            .replace("%2", holder)
        )
        self.reason_label = QLabel(self.tr("&Reason (required):"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the name was registered wrongly"))
        fit_lines(self.reason_edit, 3)
        self.reason_label.setBuddy(self.reason_edit)
        self.status = wrapping_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.revoke_button = self.buttons.addButton(
            self.tr("Re&voke"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.revoke_button.setEnabled(False)
        self.reason_edit.textChanged.connect(
            lambda: self.revoke_button.setEnabled(bool(self.reason_edit.toPlainText().strip()))
        )
        self.buttons.accepted.connect(self._give_reason)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        size_to_content(self, 64)

    def _give_reason(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.status.setText(self.tr("Write the reason for revoking."))
            return
        self.revoke_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.reason_given.emit(reason)

    def failed(self, text: str) -> None:
        self.status.setText(text)
        self.revoke_button.setEnabled(True)


# Retiring a signing key ------------------------------------------------------------------------
def short_key(key_id: str) -> str:
    """A key as serials show it: its first 6 hex digits, upper case."""
    return key_id[:6].upper()


class RetireKeyDialog(QDialog):
    """Retire this laptop's signing key, or declare a key of the commune compromised (a lost or
    stolen laptop): the reason is required, and the warning says what either will do."""

    chosen = Signal(str, bool, object)  # reason, compromised, key id (None: this laptop's key)

    def __init__(self, keys: Sequence[Any], own_key_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own_key_id = own_key_id
        self.setWindowTitle(self.tr("Retire a signing key"))
        self.key_label = QLabel(self.tr("Signing &key:"))
        self.key_box = QComboBox()
        self.key_label.setBuddy(self.key_box)
        if own_key_id is not None:
            own = self.tr("This laptop's key (%1)").replace("%1", short_key(own_key_id))
            self.key_box.addItem(own, None)
        for key in keys:
            if not key.compromised and key.key_id != own_key_id:
                shown = self.tr("Key %1 of %2").replace("%1", short_key(key.key_id))
                self.key_box.addItem(shown.replace("%2", key.officer_name or "?"), key.key_id)
        self.reason_label = QLabel(self.tr("&Reason (required):"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the officer's laptop was stolen on 20/11"))
        fit_lines(self.reason_edit, 3)
        self.reason_label.setBuddy(self.reason_edit)
        self.compromised_box = QCheckBox(self.tr("The key &leaked (laptop lost or stolen)"))
        self.warning = wrapping_label()
        bold = self.warning.font()
        bold.setBold(True)
        self.warning.setFont(bold)
        self.status = wrapping_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.retire_button = self.buttons.addButton(
            self.tr("Re&tire the key"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.key_box.currentIndexChanged.connect(lambda _i: self._show())
        self.compromised_box.toggled.connect(lambda _on: self._show())
        self.reason_edit.textChanged.connect(self._show)
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.key_label, self.key_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.compromised_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show()
        size_to_content(self, 72)

    def key_id(self) -> str | None:
        """The chosen key (None: this laptop's own)."""
        return self.key_box.currentData()

    def _show(self) -> None:
        others = self.key_id() is not None
        if others:  # another laptop's key: only its officer retires it; any officer declares it leaked
            self.compromised_box.setChecked(True)
        self.compromised_box.setEnabled(not others)
        if self.compromised_box.isChecked():
            self.warning.setText(
                self.tr(
                    "Warning: every certificate signed with this key stops being valid, on every laptop "
                    "and on the hub's page once this has synced. Its learners are listed as eligible "
                    "again, to be issued new certificates signed with a new key. This cannot be undone."
                )
            )
        else:
            self.warning.setText(
                self.tr(
                    "This laptop's key will sign no more certificates; a new key is made for the next "
                    "ones. The certificates it signed stay valid. This cannot be undone."
                )
            )
        chosen = self.key_box.count() > 0
        self.retire_button.setEnabled(chosen and bool(self.reason_edit.toPlainText().strip()))

    def _choose(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.status.setText(self.tr("Write the reason for retiring the key."))
            return
        self.retire_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.chosen.emit(reason, self.compromised_box.isChecked(), self.key_id())

    def failed(self, text: str) -> None:
        self.status.setText(text)
        self.retire_button.setEnabled(True)

    def outcome(self, retired: KeyRetired, titles: dict[str, str]) -> str:
        """What the retirement did, and for a leaked key the certificates to issue again, one per line."""
        key = short_key(retired.key_id)
        if not retired.compromised:
            text = self.tr("Signing key %1 was retired; the certificates it signed stay valid.").replace(
                "%1", key
            )
        else:
            text = self.tr(
                "Signing key %1 was declared leaked: %n certificate(s) signed with it no longer stand. "
                "Their learners are in the list “Eligible” again: issue them new certificates.",
                "",
                len(retired.to_reissue),
            ).replace("%1", key)
            text += "".join(
                f"\n• {c.serial} — {c.full_name} — {titles.get(c.pack_id, c.pack_id)}"
                for c in retired.to_reissue
            )
        if retired.new_key_id:
            text += "\n" + self.tr("New certificates are signed with the new key %1.").replace(
                "%1", short_key(retired.new_key_id)
            )
        return text
