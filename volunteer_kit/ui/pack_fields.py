"""The names a commune fills into a pack (its province's app, its Zalo page, its phone number).

Learners then read "mở ứng dụng Hue-S" instead of "mở ứng dụng công dân của tỉnh". The values are
saved on this laptop (pack-fields.json, packs/fields.py) off the GUI thread; an empty box goes back
to the pack's own words, shown greyed in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import KnownError, language
from volunteer_kit.ui import theme
from volunteer_kit.ui.ops import FileOp
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import size_to_content

if TYPE_CHECKING:
    from volunteer_kit.packs.format import Manifest


class PackFieldsDialog(QDialog):
    saved = Signal(dict)  # the values now stored for this pack

    def __init__(
        self, store: StoreClient, manifest: Manifest, values: dict[str, str], parent: QWidget | None = None
    ) -> None:
        from volunteer_kit.packs.fields import MAX_VALUE

        super().__init__(parent)
        self.store = store
        self.manifest = manifest
        lang = language()
        self.setWindowTitle(self.tr("Local names: %1").replace("%1", manifest.title.get(lang)))
        intro = QLabel(
            self.tr(
                "Fill in the names of your commune and province. Learners see them in the lessons "
                "and the quiz; an empty box keeps the pack's own words (shown in grey)."
            )
        )
        intro.setWordWrap(True)
        self.edits: dict[str, QLineEdit] = {}
        form = QWidget()
        rows = QVBoxLayout(form)
        rows.setContentsMargins(0, 0, 0, 0)
        for field in manifest.fields:
            label = QLabel(field.label.get(lang))
            label.setWordWrap(True)
            edit = QLineEdit(values.get(field.id, ""))
            edit.setPlaceholderText(field.default.get(lang))
            edit.setMaxLength(MAX_VALUE)
            edit.setClearButtonEnabled(True)
            label.setBuddy(edit)
            rows.addWidget(label)
            rows.addWidget(edit)
            rows.addSpacing(8)
            self.edits[field.id] = edit
        rows.addStretch(1)
        scroll = QScrollArea()  # six fields at 200 % on a 1366×768 laptop stay reachable
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.error_text(self.error)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        size_to_content(self, 60)

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def save(self) -> None:
        from volunteer_kit.packs.fields import save_values

        values = self.values()
        self.buttons.setEnabled(False)
        self.error.hide()
        FileOp(self.store, lambda: save_values(self.manifest.id, self.manifest, values), parent=self).success(
            self._saved
        ).failure(self._refused).finished(lambda: self.buttons.setEnabled(True)).run()

    def _saved(self, stored: dict[str, str]) -> None:
        self.saved.emit(stored)
        self.accept()

    def _refused(self, problem: KnownError) -> None:
        self.error.setText(problem.message())
        self.error.show()
