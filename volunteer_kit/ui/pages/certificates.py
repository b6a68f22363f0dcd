"""Certificates: who finished a lesson pack, issuing and printing their certificates (commune
officers), revoking one, retiring a signing key (or declaring one leaked), and verifying any
certificate from its QR text, a photo, a scan or a PDF.

Issuing, revoking and retiring a key run on the database writer thread; printing (a PDF that may take a while)
and verifying run on the pool, with progress and Cancel for printing. A volunteer or trainer
sees why they cannot issue, and can still verify.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QPalette, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.errors import KnownError, language
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

AnyIndex = QModelIndex | QPersistentModelIndex
TABLE_ROWS_SHOWN = 8  # a table keeps at least this many rows in view; the page scrolls instead
NAMES_IN_CONFIRMATION = 12


def _day(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "dd/MM/yyyy")


def _error_text(error: BaseException) -> str:
    if isinstance(error, KnownError):
        return error.message()
    if isinstance(error, OSError):
        return f"{error.strerror or error} ({error.filename or ''})"
    raise error  # a bug: the crash dialog and the log, never a silent message


# Tables ----------------------------------------------------------------------------------------
ELIGIBLE_COLUMNS = (
    QT_TRANSLATE_NOOP("CertificatesModel", "Full name"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Birth year"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Hamlet"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Lesson pack"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Why eligible"),
)
WAITING_COLUMNS = (*ELIGIBLE_COLUMNS[:4], QT_TRANSLATE_NOOP("CertificatesModel", "What is missing"))
ISSUED_COLUMNS = (
    QT_TRANSLATE_NOOP("CertificatesModel", "Serial"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Full name"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Lesson pack"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Issued on"),
    QT_TRANSLATE_NOOP("CertificatesModel", "Printed"),
    QT_TRANSLATE_NOOP("CertificatesModel", "State"),
)
# Column widths in average character widths (the last column takes the rest).
ELIGIBLE_CHARS = (26, 9, 16, 24)
ISSUED_CHARS = (22, 26, 24, 12, 12)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CertificatesModel", text)


def _learner_cells(row: Any, titles: dict[str, str]) -> list[str]:
    """An Eligibility row: name, birth year, hamlet, pack, and why (or what is missing)."""
    return [
        row.full_name,
        str(row.birth_year or ""),
        row.hamlet,
        titles.get(row.pack_id, row.pack_title),
        row.why(language()),
    ]


ERASED = QT_TRANSLATE_NOOP("CertificatesModel", "(consent withdrawn)")
PRINTED = QT_TRANSLATE_NOOP("CertificatesModel", "printed")
NOT_PRINTED = QT_TRANSLATE_NOOP("CertificatesModel", "not printed")
REVOKED = QT_TRANSLATE_NOOP("CertificatesModel", "revoked")
STANDING = QT_TRANSLATE_NOOP("CertificatesModel", "valid")


def _issued_cells(row: Any, titles: dict[str, str]) -> list[str]:
    """A CertificateRow: serial, name, pack, date, printed or not, standing or revoked."""
    return [
        row.serial,
        row.full_name or _tr(ERASED),
        titles.get(row.pack_id, row.pack_id),
        _day(local(row.issued_at).date()),
        _tr(PRINTED) if row.printed else _tr(NOT_PRINTED),
        _tr(REVOKED) if row.revoked else _tr(STANDING),
    ]


class CertificatesModel(QAbstractTableModel):
    """Rows of plain data (Eligibility or CertificateRow) in columns; optionally a tick box on the
    first column (the learners to issue to). Ticks survive a reload for the rows still there."""

    ticks_changed = Signal(int)  # how many rows are ticked

    def __init__(
        self,
        columns: Sequence[str],
        cells: Callable[[Any, dict[str, str]], list[str]],
        *,
        checkable: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._cells = cells
        self.checkable = checkable
        self.rows: list[Any] = []
        self._texts: list[list[str]] = []
        self.titles: dict[str, str] = {}
        self.ticked: set[tuple[str, str]] = set()

    @staticmethod
    def key(row: Any) -> tuple[str, str]:
        return (row.pack_id, getattr(row, "learner_id", "") or getattr(row, "serial", ""))

    def set_rows(self, rows: list[Any], titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.titles = titles
        self._texts = [self._cells(row, titles) for row in self.rows]
        self.ticked &= {self.key(row) for row in self.rows}
        self.endResetModel()
        self.ticks_changed.emit(len(self.ticked))

    def retranslate(self) -> None:
        self.set_rows(self.rows, self.titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def ticked_rows(self) -> list[Any]:
        return [row for row in self.rows if self.key(row) in self.ticked]

    def tick_all(self, ticked: bool) -> None:
        self.ticked = {self.key(row) for row in self.rows} if ticked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
        self.ticks_changed.emit(len(self.ticked))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags  # the root is no cell: nothing to select or tick
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        texts = self._texts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[-1] if index.column() in (0, len(texts) - 1) else None
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and index.column() == 0:
            ticked = self.key(self.rows[index.row()]) in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " · ".join(t for t in texts if t)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self.checkable or index.column() != 0:
            return False
        key = self.key(self.rows[index.row()])
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(key)
        else:
            self.ticked.discard(key)
        self.dataChanged.emit(index, index)
        self.ticks_changed.emit(len(self.ticked))
        return True


def _table(model: CertificatesModel, *, multi: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fit_table(table: QTableView, chars: Sequence[int]) -> None:
    metrics = table.fontMetrics()
    for column, width in enumerate(chars):
        table.horizontalHeader().resizeSection(column, width * metrics.averageCharWidth())
    row = int(metrics.height() * 1.8)
    table.verticalHeader().setDefaultSectionSize(row)
    table.setMinimumHeight(row * TABLE_ROWS_SHOWN + table.horizontalHeader().sizeHint().height() + 4)


def _wrapping_label() -> QLabel:
    text = QLabel()
    text.setWordWrap(True)
    text.setMinimumWidth(1)  # wrap to the page at large text sizes instead of widening it
    text.setTextFormat(Qt.TextFormat.PlainText)
    return text


def _fit_lines(edit: QPlainTextEdit, lines: int) -> None:
    """Room for exactly `lines` lines of text, whatever the text size."""
    margins = 2 * (edit.frameWidth() + int(edit.document().documentMargin())) + 4
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + margins)


# Verifying -------------------------------------------------------------------------------------
# status -> (symbol and word, text colour, background): the words say it; the colour only helps.
VERDICT_LOOKS = {
    "valid": (QT_TRANSLATE_NOOP("VerdictView", "✓ VALID"), "#1b5e20", "#e6f4e7"),
    "altered": (QT_TRANSLATE_NOOP("VerdictView", "✗ ALTERED"), "#b71c1c", "#fdeaea"),
    "unknown_key": (QT_TRANSLATE_NOOP("VerdictView", "? UNKNOWN SIGNER"), "#8a4b00", "#fff3e0"),
    "revoked": (QT_TRANSLATE_NOOP("VerdictView", "✗ REVOKED"), "#b71c1c", "#fdeaea"),
    "key_revoked": (QT_TRANSLATE_NOOP("VerdictView", "✗ SIGNING KEY REVOKED"), "#b71c1c", "#fdeaea"),
    "key_retired": (
        QT_TRANSLATE_NOOP("VerdictView", "✗ SIGNED AFTER ITS KEY WAS RETIRED"),
        "#b71c1c",
        "#fdeaea",
    ),
    "unreadable": (QT_TRANSLATE_NOOP("VerdictView", "– UNREADABLE"), "#333333", "#eeeeee"),
}


class VerdictView(QFrame):
    """One verdict: its status in large words on a coloured panel, why, and what the code says."""

    def __init__(self, verdict: Any, titles: dict[str, str], communes: dict[str, str]) -> None:
        super().__init__()
        self.verdict = verdict
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        status = str(verdict.status)
        words, ink, paper = VERDICT_LOOKS.get(status, VERDICT_LOOKS["unreadable"])
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(paper))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(ink))
        self.setPalette(palette)
        self.headline = ScaledLabel(2.0, bold=True)
        self.headline.setWordWrap(True)
        self.headline.setText(self.tr(words))
        self.message = _wrapping_label()
        self.message.setText(verdict.message(language()))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.headline)
        layout.addWidget(self.message)
        self.values: dict[str, QLabel] = {}
        data = verdict.data
        if data is None:
            return
        black = QPalette(palette)
        black.setColor(QPalette.ColorRole.WindowText, QColor("#111111"))
        if status not in ("valid", "revoked", "key_revoked"):
            note = _wrapping_label()
            note.setText(self.tr("What the code claims (not confirmed):"))
            note.setPalette(black)
            layout.addWidget(note)
        facts = QFormLayout()
        facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        facts.setHorizontalSpacing(self.fontMetrics().averageCharWidth() * 3)
        commune = communes.get(data.commune_code)
        for key, caption, value in (
            ("serial", self.tr("Serial"), data.serial),
            ("name", self.tr("Full name"), data.full_name),
            ("pack", self.tr("Lesson pack"), titles.get(data.pack_id, data.pack_id)),
            ("date", self.tr("Issued on"), _day(data.issued_on)),
            (
                "commune",
                self.tr("Commune"),
                f"{commune} ({data.commune_code})" if commune else data.commune_code,
            ),
        ):
            lab = QLabel(caption)
            lab.setPalette(black)
            shown = _wrapping_label()
            shown.setText(value)
            shown.setPalette(black)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "name":
                bold = shown.font()
                bold.setBold(True)
                shown.setFont(bold)
            facts.addRow(lab, shown)
            self.values[key] = shown
        layout.addLayout(facts)


class VerifyDialog(QDialog):
    """Verify a certificate: paste what its QR code holds, or open a photo, scan or PDF of it."""

    verified = Signal(object)  # [Verdict], once the answer is shown

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.verdicts: list[Any] = []
        self._generation = 0
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.intro = _wrapping_label()
        self.intro.setText(
            self.tr(
                "Paste the text of the certificate's QR code (a link, or text starting with vk-cert:), "
                "or open a photo, a scan or a PDF of the certificate. It is checked against the "
                "signing keys and revocations this laptop received by sync, without the internet."
            )
        )
        self.text_label = QLabel(self.tr("&Text of the QR code:"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)  # a link is one long word
        self.text_edit.setPlaceholderText("vk-cert:AEM2…")
        _fit_lines(self.text_edit, 4)
        self.text_label.setBuddy(self.text_edit)
        self.open_button = QPushButton(self.tr("Open an &image or PDF…"))
        self.open_button.setToolTip(self.tr("A photo or scan (PNG, JPG) or a PDF of the certificate"))
        self.open_button.clicked.connect(self.choose_file)
        self.check_button = QPushButton(self.tr("C&heck the text"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(lambda: self.check_text(self.text_edit.toPlainText()))
        self.status = _wrapping_label()
        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.check_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.intro)
        layout.addWidget(self.text_label)
        layout.addWidget(self.text_edit)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(body), 1)
        outer.addWidget(self.buttons)
        char, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        width, height = char * 90, line * 36
        screen = (parent or self).screen()
        if screen is not None:  # at large text sizes: as big as the screen allows, then it scrolls
            room = screen.availableGeometry()
            width, height = min(width, int(room.width() * 0.95)), min(height, int(room.height() * 0.9))
        self.resize(width, height)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("A photo, scan or PDF of the certificate"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation),
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)"),
        )
        if path:
            self.check_file(Path(path))

    def check_text(self, text: str) -> None:
        if self.text_edit.toPlainText() != text:
            self.text_edit.setPlainText(text)
        if not text.strip():
            self.status.setText(self.tr("Paste the text of the QR code first, or open an image."))
            return
        self._start(self.tr("Checking…"))
        self.store.verify_certificate_text(text.strip(), language(), self._answer(self._generation))

    def check_file(self, path: Path) -> None:
        self._start(self.tr("Reading %1…").replace("%1", Path(path).name))
        self.store.verify_certificate_file(Path(path), language(), self._answer(self._generation))

    def _start(self, text: str) -> None:
        self._generation += 1
        self.status.setText(text)
        self.check_button.setEnabled(False)
        self.open_button.setEnabled(False)

    def _answer(self, generation: int) -> Callable[[Any], None]:
        def done(answer: tuple[list[Any], dict[str, str], dict[str, str]]) -> None:
            if generation != self._generation:
                return
            self.check_button.setEnabled(True)
            self.open_button.setEnabled(True)
            self.show_verdicts(*answer)

        return done

    def show_verdicts(self, verdicts: list[Any], titles: dict[str, str], communes: dict[str, str]) -> None:
        self.verdicts = list(verdicts)
        while self.results_layout.count() > 1:
            item = self.results_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for number, verdict in enumerate(self.verdicts):
            self.results_layout.insertWidget(number, VerdictView(verdict, titles, communes))
        self.status.setText(
            self.tr("%n QR code(s) found in the file; each is checked below.", "", len(self.verdicts))
            if len(self.verdicts) > 1
            else ""
        )
        self.verified.emit(self.verdicts)

    def views(self) -> list[VerdictView]:
        return [
            w
            for i in range(self.results_layout.count())
            if isinstance(w := self.results_layout.itemAt(i).widget(), VerdictView)
        ]


# Revoking --------------------------------------------------------------------------------------
class RevokeDialog(QDialog):
    """Revoke one certificate, with the reason (required): the reason travels with the revocation."""

    reason_given = Signal(str)

    def __init__(self, serial: str, holder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.serial = serial
        self.setWindowTitle(self.tr("Revoke a certificate"))
        explain = _wrapping_label()
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
        _fit_lines(self.reason_edit, 3)
        self.reason_label.setBuddy(self.reason_edit)
        self.status = _wrapping_label()
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
        self.resize(self.fontMetrics().averageCharWidth() * 64, self.sizeHint().height())

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
def _short_key(key_id: str) -> str:
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
            own = self.tr("This laptop's key (%1)").replace("%1", _short_key(own_key_id))
            self.key_box.addItem(own, None)
        for key in keys:
            if not key.compromised and key.key_id != own_key_id:
                shown = self.tr("Key %1 of %2").replace("%1", _short_key(key.key_id))
                self.key_box.addItem(shown.replace("%2", key.officer_name or "?"), key.key_id)
        self.reason_label = QLabel(self.tr("&Reason (required):"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the officer's laptop was stolen on 20/11"))
        _fit_lines(self.reason_edit, 3)
        self.reason_label.setBuddy(self.reason_edit)
        self.compromised_box = QCheckBox(self.tr("The key &leaked (laptop lost or stolen)"))
        self.warning = _wrapping_label()
        bold = self.warning.font()
        bold.setBold(True)
        self.warning.setFont(bold)
        self.status = _wrapping_label()
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
        self.resize(self.fontMetrics().averageCharWidth() * 72, self.sizeHint().height())

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


# Printing on paper -----------------------------------------------------------------------------
def paint_pdf(pdf: Path, printer: Any, cancel: threading.Event | None = None) -> int:
    """Draw each page of `pdf` on `printer` (a QPrinter; QPainter may paint on one off the GUI
    thread). PySide6-Essentials has no QtPdf, so pages are rendered with pdfium. Returns pages sent."""
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage, QPainter

    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError(0, "the printer cannot be started", str(pdf))
        dpi = min(max(printer.resolution(), 150), 300)
        sent = 0
        for number in range(len(document)):
            if cancel is not None and cancel.is_set():
                break
            if number:
                printer.newPage()
            page = document[number]
            try:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(
                    bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
                ).copy()
            finally:
                page.close()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(area.x(), area.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
            sent += 1
        return sent
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class _Progress(QObject):
    """Carries progress from the printing thread to the GUI thread (a queued signal)."""

    moved = Signal(int, int)


# The page --------------------------------------------------------------------------------------
class CertificatesPage(Page):
    loaded = Signal(object)  # the overview dict, or None for a volunteer or trainer
    issued = Signal(object)  # [IssuedCertificate]
    printed = Signal(object)  # (PDF path, [serial]) or the error
    revoked = Signal(str)  # serial
    key_retired = Signal(object)  # KeyRetired
    sent_to_printer = Signal(int)  # pages

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.role: str | None = None
        self.overview: dict[str, Any] | None = None
        self.printing = False
        self.last_pdf: Path | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.revoke_dialog: RevokeDialog | None = None
        self.retire_key_dialog: RetireKeyDialog | None = None
        self._generation = 0
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)

        self.heading = ScaledLabel(1.4, bold=True)
        self.heading.setWordWrap(True)
        self.intro = _wrapping_label()
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.open_verify_dialog)

        # Filters.
        self.pack_box = QComboBox()
        self.pack_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pack_box.setMinimumContentsLength(16)
        self.pack_label = QLabel()
        self.pack_label.setBuddy(self.pack_box)
        self.hamlet_box = QComboBox()
        self.hamlet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.hamlet_box.setMinimumContentsLength(12)
        self.hamlet_label = QLabel()
        self.hamlet_label.setBuddy(self.hamlet_box)
        self.pack_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.hamlet_box.currentIndexChanged.connect(lambda _i: self.refresh())

        # Eligible learners.
        self.eligible_model = CertificatesModel(ELIGIBLE_COLUMNS, _learner_cells, checkable=True, parent=self)
        self.eligible_table = _table(self.eligible_model)
        self.eligible_model.ticks_changed.connect(self._show_ticks)
        self.eligible_hint = _wrapping_label()
        self.eligible_why = _wrapping_label()
        self.select_all_button = QPushButton()
        self.select_all_button.clicked.connect(lambda: self.eligible_model.tick_all(True))
        self.select_none_button = QPushButton()
        self.select_none_button.clicked.connect(lambda: self.eligible_model.tick_all(False))
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(self.issue_ticked)
        self.eligible_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_why(self.eligible_model, current, self.eligible_why)
        )

        # Not yet eligible.
        self.waiting_model = CertificatesModel(WAITING_COLUMNS, _learner_cells, parent=self)
        self.waiting_table = _table(self.waiting_model)
        self.waiting_hint = _wrapping_label()
        self.waiting_why = _wrapping_label()
        self.waiting_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_why(self.waiting_model, current, self.waiting_why)
        )

        # Issued certificates.
        self.issued_model = CertificatesModel(ISSUED_COLUMNS, _issued_cells, parent=self)
        self.issued_table = _table(self.issued_model, multi=True)
        self.issued_hint = _wrapping_label()
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.choose_print_file)
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(self.open_revoke_dialog)
        self.retire_key_button = QPushButton()
        self.retire_key_button.clicked.connect(self.open_retire_key_dialog)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_printing)
        self.progress_label = _wrapping_label()
        self.progress_label.setVisible(False)
        self.pdf_label = _wrapping_label()
        self.open_pdf_button = QPushButton()
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.paper_button = QPushButton()
        self.paper_button.clicked.connect(self.print_on_paper)
        self.issued_table.selectionModel().selectionChanged.connect(lambda *_: self._show_issued_actions())

        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._tab(self.eligible_hint, self.eligible_table, self.eligible_why, self._issue_row()), ""
        )
        self.tabs.addTab(self._tab(self.waiting_hint, self.waiting_table, self.waiting_why), "")
        self.tabs.addTab(self._tab(self.issued_hint, self.issued_table, *self._print_rows()), "")
        self.status = _wrapping_label()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QGridLayout()
        filters.addWidget(self.pack_label, 0, 0)
        filters.addWidget(self.pack_box, 0, 1)
        filters.addWidget(self.hamlet_label, 0, 2)
        filters.addWidget(self.hamlet_box, 0, 3)
        filters.setColumnStretch(1, 3)
        filters.setColumnStretch(3, 2)
        self.officer_area = QWidget()
        officer = QVBoxLayout(self.officer_area)
        officer.setContentsMargins(0, 0, 0, 0)
        officer.addLayout(filters)
        officer.addWidget(self.tabs, 1)
        self.officer_area.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.officer_area, 1)
        layout.addWidget(self.status)
        self.stretch = QWidget()  # keeps the text at the top when the tables are hidden
        layout.addWidget(self.stretch, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.retranslate()
        self.fit_columns()

    @staticmethod
    def _tab(*parts: QWidget | QHBoxLayout | QGridLayout) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part, 1 if isinstance(part, QTableView) else 0)
            else:
                layout.addLayout(part)
        return tab

    def _issue_row(self) -> QGridLayout:
        row = QGridLayout()
        row.addWidget(self.select_all_button, 0, 0)
        row.addWidget(self.select_none_button, 0, 1)
        row.setColumnStretch(2, 1)
        row.addWidget(self.issue_button, 0, 3)
        return row

    def _print_rows(self) -> tuple[QGridLayout, QWidget]:
        actions = QGridLayout()
        actions.addWidget(self.print_button, 0, 0)
        actions.addWidget(self.revoke_button, 0, 1)
        actions.setColumnStretch(2, 1)
        actions.addWidget(self.retire_key_button, 0, 3)
        running = QWidget()
        self.running_area = running
        running.setVisible(False)
        run = QHBoxLayout(running)
        run.setContentsMargins(0, 0, 0, 0)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        done = QWidget()
        self.pdf_area = done
        grid = QGridLayout(done)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.pdf_label, 0, 0, 1, 3)
        grid.addWidget(self.open_pdf_button, 1, 0)
        grid.addWidget(self.paper_button, 1, 1)
        grid.setColumnStretch(2, 1)
        done.setVisible(False)
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(running)
        stack.addWidget(self.progress_label)
        stack.addWidget(done)
        return actions, holder

    # Texts and sizes ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Certificates")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Certificates"))
        self.verify_button.setText(self.tr("&Verify a certificate…"))
        self.verify_button.setToolTip(
            self.tr("Check a certificate from the text of its QR code, a photo, a scan or a PDF")
        )
        self.pack_label.setText(self.tr("&Lesson pack:"))
        self.hamlet_label.setText(self.tr("Ha&mlet:"))
        self.eligible_hint.setText(
            self.tr(
                "These learners attended every lesson of the pack, passed its quiz and its skill checks. "
                "Tick the ones to issue certificates to (Space ticks the chosen row)."
            )
        )
        self.waiting_hint.setText(
            self.tr("These learners began a pack; each line says what is still missing.")
        )
        self.issued_hint.setText(
            self.tr(
                "Choose certificates to print or revoke (Ctrl or Shift for several). "
                "With none chosen, Print takes every certificate not printed yet."
            )
        )
        self.select_all_button.setText(self.tr("Select &all"))
        self.select_none_button.setText(self.tr("&Clear ticks"))
        self.issue_button.setText(self.tr("&Issue certificates…"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Write the certificates into one PDF to print (A4 landscape)"))
        self.revoke_button.setText(self.tr("&Revoke…"))
        self.revoke_button.setToolTip(self.tr("Revoke the chosen certificate, giving the reason"))
        self.retire_key_button.setText(self.tr("Retire the si&gning key…"))
        self.retire_key_button.setToolTip(
            self.tr(
                "Stop this laptop's signing key, or declare a key leaked when a laptop was lost or stolen"
            )
        )
        self.cancel_button.setText(self.tr("Ca&ncel"))
        self.open_pdf_button.setText(self.tr("&Open the PDF"))
        self.paper_button.setText(self.tr("Send to a prin&ter…"))
        self.eligible_table.setAccessibleName(self.tr("Eligible learners: arrows to move, Space to tick"))
        self.waiting_table.setAccessibleName(self.tr("Learners not yet eligible"))
        self.issued_table.setAccessibleName(self.tr("Issued certificates"))
        for model in (self.eligible_model, self.waiting_model, self.issued_model):
            model.retranslate()
        self._fill_filters()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
        super().changeEvent(event)

    def fit_columns(self) -> None:
        """Column widths and row heights from the current font (they follow the text size)."""
        _fit_table(self.eligible_table, ELIGIBLE_CHARS)
        _fit_table(self.waiting_table, ELIGIBLE_CHARS)
        _fit_table(self.issued_table, ISSUED_CHARS)

    def _fill_filters(self) -> None:
        overview = self.overview or {}
        for box, everything, items in (
            (self.pack_box, self.tr("All lesson packs"), overview.get("packs", [])),
            (self.hamlet_box, self.tr("All hamlets"), [(h, h) for h in overview.get("hamlets", [])]),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for value, text in items:
                box.addItem(text, value)
            index = box.findData(chosen)
            if index < 0 and chosen is not None:  # keep a choice the new list lacks
                box.addItem(str(chosen), chosen)
                index = box.count() - 1
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def _show(self) -> None:
        officer = self.role == "officer"
        self.officer_area.setVisible(officer)
        self.stretch.setVisible(not officer)
        if self.role is None:
            self.intro.setText(self.tr("Loading…"))
        elif not officer:
            self.intro.setText(
                self.tr(
                    "Certificates are issued, printed and revoked by the commune officer, on the "
                    "officer's laptop. When a learner has finished a lesson pack, tell the officer. "
                    "Anyone can verify a certificate here: press “Verify a certificate”."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "A learner who attended every lesson of a pack, passed its quiz and its required "
                    "skill checks can receive a certificate. Each certificate carries a signed QR code "
                    "that anyone can verify."
                )
            )
        overview = self.overview or {}
        counts = [len(overview.get(k, [])) for k in ("eligible", "waiting", "issued")]
        for number, text in enumerate(
            (
                self.tr("&Eligible (%n)", "", counts[0]),
                self.tr("Not &yet eligible (%n)", "", counts[1]),
                self.tr("Is&sued (%n)", "", counts[2]),
            )
        ):
            self.tabs.setTabText(number, text)
        self._show_ticks(len(self.eligible_model.ticked))
        self._show_issued_actions()

    def _show_ticks(self, ticked: int) -> None:
        self.issue_button.setEnabled(ticked > 0 and self.role == "officer")
        self.select_none_button.setEnabled(ticked > 0)
        self.select_all_button.setEnabled(bool(self.eligible_model.rows))

    def _show_issued_actions(self) -> None:
        self.print_button.setEnabled(not self.printing)
        self.revoke_button.setEnabled(len(self.selected_certificates()) == 1 and not self.printing)

    def _show_why(self, model: CertificatesModel, current: QModelIndex, target: QLabel) -> None:
        if not current.isValid() or current.row() >= len(model.rows):
            target.setText("")
            return
        row = model.rows[current.row()]
        target.setText(f"{row.full_name}: {row.why(language())}")

    # Loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation

        def profile_loaded(profile: Any) -> None:
            if generation != self._generation:
                return
            self.role = profile.role
            if self.role != "officer":
                self.overview = None
                self._show()
                self.loaded.emit(None)
                return
            self._show()
            self.store.certificates_overview(
                pack_id=self.pack_box.currentData(),
                hamlet=self.hamlet_box.currentData(),
                lang=language(),
                on_done=overview_loaded,
            )

        def overview_loaded(overview: dict[str, Any]) -> None:
            if generation != self._generation:
                return
            self.overview = overview
            titles = overview["titles"]
            self._fill_filters()
            self.eligible_model.set_rows(overview["eligible"], titles)
            self.waiting_model.set_rows(overview["waiting"], titles)
            self.issued_model.set_rows(overview["issued"], titles)
            for table, label in (
                (self.eligible_table, self.eligible_why),
                (self.waiting_table, self.waiting_why),
            ):
                if table.model().rowCount():
                    table.setCurrentIndex(table.model().index(0, 0))
                else:
                    label.setText(self.tr("Nobody here for this choice of pack and hamlet."))
            self._show()
            self.loaded.emit(overview)

        self.store.profile(profile_loaded)

    # Issuing -----------------------------------------------------------------------------------
    def issue_ticked(self) -> None:
        rows = self.eligible_model.ticked_rows()
        if not rows:
            self.status.setText(self.tr("Tick the learners to issue certificates to."))
            return
        if not self.confirm_issue(rows):
            return
        by_pack: dict[str, list[str]] = {}
        for row in rows:
            by_pack.setdefault(row.pack_id, []).append(row.learner_id)
        self.issue_button.setEnabled(False)
        self.status.setText(self.tr("Issuing…"))

        def done(issued: list[Any]) -> None:
            self.eligible_model.tick_all(False)
            self.status.setText(
                self.tr(
                    "Issued %n certificate(s). They are in the list “Issued”, ready to print.",
                    "",
                    len(issued),
                )
            )
            self.issued.emit(issued)

        def failed(error: BaseException) -> None:
            self.status.setText(self.tr("No certificate was issued: %1").replace("%1", _error_text(error)))
            self._show_ticks(len(self.eligible_model.ticked))

        self.store.issue_certificates(by_pack, on_done=done, on_error=failed)

    def confirm_issue(self, rows: list[Any]) -> bool:
        """Ask before issuing (tests replace this)."""
        names = "\n".join(
            f"• {row.full_name} — {self.eligible_model.titles.get(row.pack_id, row.pack_title)}"
            for row in rows[:NAMES_IN_CONFIRMATION]
        )
        if len(rows) > NAMES_IN_CONFIRMATION:
            names += "\n" + self.tr("… and %n more", "", len(rows) - NAMES_IN_CONFIRMATION)
        answer = QMessageBox.question(
            self,
            self.tr("Issue certificates"),
            self.tr(
                "Issue %n certificate(s)? Each is signed with this laptop's key and cannot be "
                "changed afterwards; a mistake is corrected by revoking it.",
                "",
                len(rows),
            )
            + "\n\n"
            + names,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # Printing ----------------------------------------------------------------------------------
    def selected_certificates(self) -> list[Any]:
        rows = sorted({index.row() for index in self.issued_table.selectionModel().selectedRows()})
        return [self.issued_model.rows[r] for r in rows if r < len(self.issued_model.rows)]

    def choose_print_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / f"chung-nhan-{date.today():%Y-%m-%d}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the certificates as a PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path, serials: Sequence[str] | None = None) -> None:
        """Write the chosen certificates (`serials`, else those selected in the list, else every one
        not printed yet) into the PDF `path`, off the GUI thread, with progress and Cancel."""
        if self.printing:
            return
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if serials is None:
            chosen = self.selected_certificates()
            standing = [row.serial for row in chosen if not row.revoked and not row.anonymized]
            if chosen and not standing:
                self.status.setText(self.tr("Revoked certificates are not printed."))
                return
            serials = standing or None
        self.printing = True
        self._cancel.clear()
        self.pdf_area.setVisible(False)
        self.running_area.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._say_progress(self.tr("Preparing the certificates…"))
        self.status.setText("")
        self._show_issued_actions()

        def done(printed: list[str]) -> None:
            self._end_printing()
            self.last_pdf = path
            self._say_progress("")
            self.pdf_label.setText(
                self.tr("%n certificate(s) written to %1.", "", len(printed)).replace("%1", str(path))
            )
            self.pdf_area.setVisible(True)
            self.open_pdf_button.setFocus()
            self.printed.emit((path, printed))

        def failed(error: BaseException) -> None:
            self._end_printing()
            self._say_progress(_error_text(error))
            self.printed.emit(error)

        self.store.print_certificates(
            path,
            serials=serials,
            progress=self._progress.moved.emit,
            cancel=self._cancel,
            on_done=done,
            on_error=failed,
        )

    def _show_progress(self, done: int, total: int) -> None:
        if not self.printing:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self._say_progress(
            self.tr("Writing certificate %1 of %2…")
            .replace("%1", QLocale().toString(done))
            .replace("%2", QLocale().toString(total))
        )

    def _say_progress(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))

    def cancel_printing(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self._say_progress(self.tr("Stopping…"))

    def _end_printing(self) -> None:
        self.printing = False
        self.running_area.setVisible(False)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._show_issued_actions()

    def open_pdf(self) -> None:
        if self.last_pdf is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf))):
            self.status.setText(
                self.tr("No program to show PDF files was found; the file is %1.").replace(
                    "%1", str(self.last_pdf)
                )
            )

    def print_on_paper(self) -> None:
        """The system's print dialog, then the PDF's pages to the chosen printer (off the GUI thread)."""
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.last_pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(self.last_pdf.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the certificates"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.send_to_printer(printer)

    def send_to_printer(self, printer: Any) -> None:
        if self.last_pdf is None:
            return
        pdf = self.last_pdf
        self.paper_button.setEnabled(False)
        self._say_progress(self.tr("Sending to the printer…"))

        def done(pages: int) -> None:
            self.paper_button.setEnabled(True)
            self._say_progress(self.tr("%n page(s) sent to the printer.", "", pages))
            self.sent_to_printer.emit(pages)

        def failed(error: BaseException) -> None:
            self.paper_button.setEnabled(True)
            self._say_progress(self.tr("Not printed: %1").replace("%1", _error_text(error)))

        self.store.tasks.run_read(lambda: paint_pdf(pdf, printer), done, failed)

    # Revoking ----------------------------------------------------------------------------------
    def open_revoke_dialog(self) -> RevokeDialog | None:
        chosen = self.selected_certificates()
        if len(chosen) != 1:
            self.status.setText(self.tr("Choose one certificate in the list “Issued” to revoke."))
            return None
        row = chosen[0]
        if row.revoked:
            self.status.setText(self.tr("Certificate %1 is already revoked.").replace("%1", row.serial))
            return None
        dialog = RevokeDialog(row.serial, row.full_name or row.serial, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(lambda reason: self.revoke(row.serial, reason, dialog))
        self.revoke_dialog = dialog
        dialog.open()
        return dialog

    def revoke(self, serial: str, reason: str, dialog: RevokeDialog | None = None) -> None:
        def done(_revocation_id: str) -> None:
            self.status.setText(self.tr("Certificate %1 was revoked.").replace("%1", serial))
            if dialog is not None:
                dialog.accept()
            self.revoked.emit(serial)

        def failed(error: BaseException) -> None:
            text = self.tr("Not revoked: %1").replace("%1", _error_text(error))
            if dialog is not None:
                dialog.failed(text)
            else:
                self.status.setText(text)

        self.store.revoke_certificate(serial, reason, on_done=done, on_error=failed)

    # Retiring a signing key --------------------------------------------------------------------
    def open_retire_key_dialog(self) -> RetireKeyDialog | None:
        overview = self.overview or {}
        keys, own = overview.get("keys", []), overview.get("own_key_id")
        if own is None and not any(not key.compromised for key in keys):
            self.status.setText(
                self.tr(
                    "There is no signing key to retire: this laptop makes its key when it issues its "
                    "first certificate."
                )
            )
            return None
        dialog = RetireKeyDialog(keys, own, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(
            lambda reason, compromised, key_id: self.retire_key(reason, compromised, key_id, dialog)
        )
        self.retire_key_dialog = dialog
        dialog.open()
        return dialog

    def retire_key(
        self, reason: str, compromised: bool, key_id: str | None, dialog: RetireKeyDialog | None = None
    ) -> None:
        def done(retired: Any) -> None:
            self.status.setText(self._retired_text(retired))
            if retired.compromised:
                self.tabs.setCurrentIndex(0)  # where the learners to issue again now are
            if dialog is not None:
                dialog.accept()
            self.key_retired.emit(retired)

        def failed(error: BaseException) -> None:
            text = self.tr("The key was not retired: %1").replace("%1", _error_text(error))
            if dialog is not None:
                dialog.failed(text)
            else:
                self.status.setText(text)

        self.store.retire_signing_key(
            reason, compromised=compromised, key_id=key_id, on_done=done, on_error=failed
        )

    def _retired_text(self, retired: Any) -> str:
        """What was done, and for a leaked key the certificates to issue again, one per line."""
        key = _short_key(retired.key_id)
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
            titles = self.issued_model.titles
            text += "".join(
                f"\n• {c.serial} — {c.full_name} — {titles.get(c.pack_id, c.pack_id)}"
                for c in retired.to_reissue
            )
        if retired.new_key_id:
            text += "\n" + self.tr("New certificates are signed with the new key %1.").replace(
                "%1", _short_key(retired.new_key_id)
            )
        return text

    # Verifying ---------------------------------------------------------------------------------
    def open_verify_dialog(self) -> VerifyDialog:
        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.store, self)
        if self.verify_dialog.isVisible():  # behind the window: bring it forward
            self.verify_dialog.raise_()
            self.verify_dialog.activateWindow()
        self.verify_dialog.show()
        self.verify_dialog.text_edit.setFocus()
        return self.verify_dialog
