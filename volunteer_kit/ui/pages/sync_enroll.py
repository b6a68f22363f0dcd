"""Enrolling this laptop with the commune hub: the code (typed, pasted whole, or read from its QR
image), the hub's address and certificate, then the enrollment itself off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from volunteer_kit.core.vocab import ROLES
from volunteer_kit.errors import KnownError
from volunteer_kit.ui.file_dialogs import open_file_name
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.ops import EngineOp, FileOp
from volunteer_kit.ui.store_client import StoreClient


class EnrollBox(QGroupBox):
    enrolled = Signal(object)  # client.Enrollment
    said = Signal(str)  # a line for the page's message and log

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.hub_edit = QLineEdit()
        self.hub_edit.setPlaceholderText("https://192.168.1.10:8765")
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("ABCD-EFGH-JKLM")
        # The whole text of the code (vk-enroll:https://…?code=…&fp=…) pasted here fills every field.
        self.code_edit.textChanged.connect(self._code_pasted)
        self.label_edit = QLineEdit()
        self.fingerprint_edit = QLineEdit()
        self.ca_edit = QLineEdit()
        self.insecure_check = QCheckBox()
        # The box's own text stays short (a check box never wraps: at 200 % a long one widened the
        # page past the screen); the condition goes below it, wrapped.
        self.insecure_note = QLabel()
        self.insecure_note.setWordWrap(True)
        self.qr_button = QPushButton()
        self.qr_button.clicked.connect(self.choose_qr_image)
        self.enroll_button = QPushButton()
        self.enroll_button.clicked.connect(self.enroll)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.hub_label, self.code_label, self.device_label, self.ca_label = (QLabel() for _ in range(4))
        self.fingerprint_label = QLabel()
        for lab, edit in (
            (self.hub_label, self.hub_edit),
            (self.code_label, self.code_edit),
            (self.fingerprint_label, self.fingerprint_edit),
            (self.device_label, self.label_edit),
            (self.ca_label, self.ca_edit),
        ):
            lab.setBuddy(edit)
            self.form.addRow(lab, edit)
        self.form.addRow(self.insecure_check)
        self.form.addRow(self.insecure_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.qr_button)
        buttons.addStretch(1)
        buttons.addWidget(self.enroll_button)
        self.form.addRow(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Enroll this laptop"))
        self.hub_label.setText(self.tr("&Hub address:"))
        self.code_label.setText(self.tr("Enrollment &code:"))
        self.device_label.setText(self.tr("&Name of this laptop:"))
        self.ca_label.setText(self.tr("Hub &certificate (optional):"))
        self.fingerprint_label.setText(self.tr("Certificate &fingerprint:"))
        self.fingerprint_edit.setPlaceholderText(
            self.tr("in the QR and the whole code already; or as the hub operator reads it out")
        )
        self.insecure_check.setText(self.tr("Allow an &unencrypted connection (http)"))
        self.insecure_note.setText(
            self.tr("Only if the hub operator says so: records would travel over the network unprotected.")
        )
        self.label_edit.setPlaceholderText(self.tr("e.g. Laptop of the Kim Lan team"))
        self.ca_edit.setPlaceholderText(self.tr("a .pem file, only if the commune's IT contact gave one"))
        self.qr_button.setText(self.tr("Read the code from a &QR image…"))
        self.enroll_button.setText(self.tr("&Enroll"))

    # The code -----------------------------------------------------------------------------------
    def choose_qr_image(self) -> None:
        path = open_file_name(
            self, self.tr("The enrollment QR image"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.read_qr_image(path)

    def read_qr_image(self, path: str) -> None:
        from volunteer_kit.sync.probe import read_enroll_qr

        def done(found: Any) -> None:
            self._fill(found)
            self.said.emit(self.tr("Read the hub address and the code from the image."))

        reading = FileOp(self.store, lambda: read_enroll_qr(path), parent=self)
        reading.success(done).failure(self._problem).run()

    def _code_pasted(self, text: str) -> None:
        from volunteer_kit.sync.probe import is_enroll_text, parse_enroll_qr

        if not is_enroll_text(text):
            return
        try:
            found = parse_enroll_qr(text)
        except KnownError as problem:
            self._problem(problem)
            return
        self._fill(found)

    def _fill(self, found: Any) -> None:
        """The fields from an enrollment code (sync.probe.EnrollmentCode): hub, code, fingerprint."""
        self.hub_edit.setText(found.hub_url)
        self.code_edit.setText(found.code)
        self.fingerprint_edit.setText(found.fingerprint)

    # Enrolling ----------------------------------------------------------------------------------
    def enroll(self) -> None:
        from volunteer_kit.sync import client

        hub, code = self.hub_edit.text().strip(), self.code_edit.text().strip()
        if not hub or not code:
            self.said.emit(self.tr("Enter the hub address and the enrollment code."))
            return
        self.enroll_button.setEnabled(False)
        self.said.emit(self.tr("Enrolling…"))
        device_label = self.label_edit.text().strip()
        ca_file = self.ca_edit.text().strip() or None
        fingerprint = self.fingerprint_edit.text().strip()
        insecure = self.insecure_check.isChecked()

        def done(enrollment: Any) -> None:
            self.code_edit.clear()
            self.said.emit(
                self.tr("Enrolled with the hub of %1 as %2.")
                .replace("%1", enrollment.commune_name or enrollment.commune_code)
                .replace("%2", label(ROLES, enrollment.role))
            )
            self.enrolled.emit(enrollment)

        EngineOp(
            self.store,
            lambda engine: client.enroll(
                engine,
                hub,
                code,
                label=device_label,
                ca_file=ca_file,
                fingerprint=fingerprint,
                insecure=insecure,
            ),
            parent=self,
        ).success(done).failure(self._problem).finished(lambda: self.enroll_button.setEnabled(True)).run()

    def _problem(self, problem: KnownError) -> None:
        self.said.emit(problem.message())
