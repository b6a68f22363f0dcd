"""On a laptop the commune officer revoked (lost, stolen, or handed back): what happened, and the two
steps that remain — export the records that never reached the hub to a file for the officer, then
delete the hub token. The records themselves stay in the store (sync/bundles.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from volunteer_kit.errors import KnownError
from volunteer_kit.ui import theme
from volunteer_kit.ui.file_dialogs import save_file_name
from volunteer_kit.ui.ops import EngineOp
from volunteer_kit.ui.store_client import StoreClient


class RevokedBox(QGroupBox):
    said = Signal(str)  # a sentence for the page's message line
    changed = Signal()  # exported or forgotten: the page reads the overview again

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.revocation: dict[str, Any] = {}
        self.pending = 0
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)  # the page keeps one main action: Sync now
        self.forget_button = QPushButton()
        theme.danger(self.forget_button).clicked.connect(self.forget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.steps)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("This laptop was revoked"))
        self.export_button.setText(self.tr("&Export unsent records…"))
        self.export_button.setToolTip(
            self.tr("Save the records that never reached the hub to a file, for the commune officer")
        )
        self.forget_button.setText(self.tr("&Delete the hub token…"))
        self.show_revocation(self.revocation, self.pending)

    def show_revocation(self, revocation: dict[str, Any], pending: int) -> None:
        self.revocation, self.pending = revocation or {}, pending
        if not self.revocation:
            return
        reason = self.revocation.get("reason") or self.tr("no reason given")
        self.text.setText(
            self.tr(
                "The commune hub no longer takes records from this laptop (reason: %1). Everything "
                "recorded here is still on this laptop."
            ).replace("%1", reason)
        )
        exported = self.revocation.get("exported_at")
        if pending and not exported:
            steps = self.tr(
                "%n record(s) never reached the hub. Export them to a file and give it to the commune "
                "officer (a USB stick, or a message); then delete the hub token from this laptop.",
                "",
                pending,
            )
        elif pending:
            steps = self.tr(
                "The unsent records were exported on %1. Give the file to the commune officer; then "
                "delete the hub token from this laptop."
            ).replace("%1", str(exported).replace("T", " ")[:16])
        else:
            steps = self.tr("No record waits to be sent. Delete the hub token from this laptop.")
        self.steps.setText(steps)
        self.export_button.setEnabled(pending > 0)

    def export(self) -> None:
        from volunteer_kit.sync.bundles import export_bundle

        suggested = Path.home() / f"ban-ghi-chua-gui-{date.today():%Y-%m-%d}.vkbundle"
        name = save_file_name(
            self, self.tr("Export unsent records"), str(suggested), self.tr("Record bundles (*.vkbundle)")
        )
        if not name:
            return
        self.export_button.setEnabled(False)
        EngineOp(self.store, lambda engine: export_bundle(engine, name), parent=self).success(
            lambda done: self._exported(done)
        ).failure(self._refused).finished(lambda: self.export_button.setEnabled(self.pending > 0)).run()

    def _exported(self, done: Any) -> None:
        self.said.emit(
            self.tr("%n record(s) exported to %1.", "", done.records).replace("%1", str(done.path))
        )
        self.changed.emit()

    def forget(self) -> None:
        from volunteer_kit.sync.bundles import forget_hub

        answer = QMessageBox.warning(
            self,
            self.tr("Delete the hub token"),
            self.tr(
                "This laptop will no longer hold its key to the commune hub. Your records stay on this "
                "laptop. Delete the token?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.forget_button.setEnabled(False)
        EngineOp(self.store, forget_hub, parent=self).success(lambda _done: self._forgotten()).failure(
            self._refused
        ).finished(lambda: self.forget_button.setEnabled(True)).run()

    def _forgotten(self) -> None:
        self.said.emit(self.tr("The hub token was deleted. The records stay on this laptop."))
        self.changed.emit()

    def _refused(self, problem: KnownError) -> None:
        self.said.emit(problem.message())
