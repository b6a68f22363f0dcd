"""A newcomer joins a session shown on the Sessions page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from volunteer_kit.core.records import LearnerRow
from volunteer_kit.ui import walk_in
from volunteer_kit.ui.ops import WriteOp
from volunteer_kit.ui.store_client import StoreClient


class WalkInDialog(QDialog):
    """A newcomer joins the session: name, birth year, consent read aloud (walk_in.register_walk_in)."""

    ready = Signal(object, bool)  # LearnerRow, already registered

    def __init__(
        self, store: StoreClient, session_id: str, hamlet: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.hamlet = hamlet
        self.setWindowTitle(self.tr("Add a walk-in"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Full name of a newcomer"))
        self.new_year = QLineEdit()
        self.new_year.setPlaceholderText(self.tr("e.g. 1958"))
        self.new_year.setMaxLength(4)
        self.new_status = QLabel()
        self.new_status.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "Someone not registered yet joined the session. They are added as present once they agree."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        name_label = QLabel(self.tr("&Full name:"))
        name_label.setBuddy(self.new_name)
        year_label = QLabel(self.tr("&Birth year:"))
        year_label.setBuddy(self.new_year)
        form.addRow(name_label, self.new_name)
        form.addRow(year_label, self.new_year)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("&Add with consent…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.add_walk_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.new_status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.sizeHint().height())

    def add_walk_in(self) -> None:
        from volunteer_kit.store import sessions

        session_id, hamlet = self.session_id, self.hamlet

        def register(name: str, year: int | None, allow: bool) -> WriteOp[LearnerRow]:
            return WriteOp(
                self.store,
                lambda conn: sessions.add_walk_in(
                    conn,
                    session_id=session_id,
                    full_name=name,
                    birth_year=year,
                    hamlet=hamlet,
                    allow_duplicate=allow,
                ),
                parent=self,
            )

        walk_in.register_walk_in(
            self,
            self.new_name.text(),
            self.new_year.text(),
            register,
            on_ready=self._ready,
            on_message=self.new_status.setText,
        )

    def _ready(self, row: LearnerRow, already_registered: bool) -> None:
        self.ready.emit(row, already_registered)
        self.accept()

    # The questions of a walk-in (tests replace them).
    def ask_consent(self, name: str, text: str) -> bool:
        return walk_in.ask_consent(self, name, text)

    def offer_existing(self, existing: list[LearnerRow]) -> LearnerRow | None:
        return walk_in.offer_existing(self, existing)

    def confirm_different_person(self) -> bool:
        return walk_in.confirm_different_person(self)
