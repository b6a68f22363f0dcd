"""Verifying a certificate: the verify dialog (QR text, a photo, a scan or a PDF) and one verdict's view."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import language
from volunteer_kit.ui.certificates.models import day, fit_lines, wrapping_label
from volunteer_kit.ui.file_dialogs import open_file_name
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.printing import PrintProgress
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

if TYPE_CHECKING:
    from volunteer_kit.certificates.overview import NamedVerdicts
    from volunteer_kit.certificates.verify import CodesRead

    Checked = tuple[NamedVerdicts, CodesRead | None]  # the verdicts, and what was read from a file

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
        self.headline.setText(self.tr(str(words)))
        self.message = wrapping_label()
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
            note = wrapping_label()
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
            ("date", self.tr("Issued on"), day(data.issued_on)),
            (
                "commune",
                self.tr("Commune"),
                f"{commune} ({data.commune_code})" if commune else data.commune_code,
            ),
        ):
            lab = QLabel(caption)
            lab.setPalette(black)
            shown = wrapping_label()
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
        self._reading = threading.Event()  # set to stop reading a file: a newer check, or the dialog closed
        self._reading_name = ""
        self._pages = PrintProgress(self)  # pages of a PDF read, from the reading thread
        self._pages.moved.connect(self._show_page_read)
        self.finished.connect(lambda _result: self._reading.set())
        self.setWindowTitle(self.tr("Verify a certificate"))
        self.intro = wrapping_label()
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
        fit_lines(self.text_edit, 4)
        self.text_label.setBuddy(self.text_edit)
        self.open_button = QPushButton(self.tr("Open an &image or PDF…"))
        self.open_button.setToolTip(self.tr("A photo or scan (PNG, JPG) or a PDF of the certificate"))
        self.open_button.clicked.connect(self.choose_file)
        self.check_button = QPushButton(self.tr("C&heck the text"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(lambda: self.check_text(self.text_edit.toPlainText()))
        self.status = wrapping_label()
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
        path = open_file_name(
            self,
            self.tr("A photo, scan or PDF of the certificate"),
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation),
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)"),
        )
        if path:
            self.check_file(Path(path))

    def check_text(self, text: str) -> None:
        from volunteer_kit.certificates.overview import verdicts_with_names
        from volunteer_kit.certificates.verify import verify_in_store
        from volunteer_kit.packs.outline import installed_outlines

        if self.text_edit.toPlainText() != text:
            self.text_edit.setPlainText(text)
        if not text.strip():
            self.status.setText(self.tr("Paste the text of the QR code first, or open an image."))
            return
        code, lang = text.strip(), language()
        self._reading.set()  # a file still being read is given up
        self._check(
            self.tr("Checking…"),
            lambda conn: (
                verdicts_with_names(conn, [verify_in_store(conn, code)], installed_outlines(), lang=lang),
                None,
            ),
        )

    def check_file(self, path: Path) -> None:
        """Read every QR code in a photo, a scan or each page of a PDF, and check them."""
        from volunteer_kit.certificates.overview import verdicts_with_names
        from volunteer_kit.certificates.payload import Verdict
        from volunteer_kit.certificates.verify import read_codes, verify_codes_in_store
        from volunteer_kit.packs.outline import installed_outlines

        path, lang = Path(path), language()
        self._reading.set()
        self._reading = reading = threading.Event()
        self._reading_name = path.name
        moved = self._pages.moved.emit

        def page_read(done: int, total: int) -> None:
            if not reading.is_set():  # a reading given up says nothing more
                moved(done, total)

        def work(conn: Any) -> Checked:
            codes = read_codes(path, progress=page_read, cancel=reading)
            verdicts = verify_codes_in_store(conn, path, codes)
            named = verdicts_with_names(conn, verdicts, installed_outlines(), lang=lang)
            return named, codes if not isinstance(codes, Verdict) else None

        self._check(self.tr("Reading %1…").replace("%1", path.name), work)

    def _show_page_read(self, done: int, total: int) -> None:
        if total > 1 and not self._reading.is_set():
            self.status.setText(
                self.tr("Reading %1: page %2 of %3…")
                .replace("%1", self._reading_name)
                .replace("%2", str(done))
                .replace("%3", str(total))
            )

    def _check(self, text: str, work: Callable[[Any], Checked]) -> None:
        """Check in a read; only the newest check's answer is shown."""
        self._generation += 1
        generation = self._generation
        self.status.setText(text)
        self.check_button.setEnabled(False)
        self.open_button.setEnabled(False)

        def answered(answer: Checked) -> None:
            named, codes = answer
            if generation == self._generation:
                self.show_verdicts(named.verdicts, named.titles, named.communes, codes)

        def ready() -> None:
            if generation == self._generation:
                self.check_button.setEnabled(True)
                self.open_button.setEnabled(True)

        ReadOp(self.store, work, parent=self).success(answered).finished(ready).run()

    def show_verdicts(
        self,
        verdicts: list[Any],
        titles: dict[str, str],
        communes: dict[str, str],
        codes: CodesRead | None = None,
    ) -> None:
        """The verdicts, each in its view; above them, how many codes were found and, for a PDF, how many
        of its pages were read (`codes`: what was read from the file)."""
        self.verdicts = list(verdicts)
        while self.results_layout.count() > 1:
            item = self.results_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for number, verdict in enumerate(self.verdicts):
            self.results_layout.insertWidget(number, VerdictView(verdict, titles, communes))
        found = len(codes.texts) if codes is not None else len(self.verdicts)
        sentences = []
        if found > 1:
            sentences.append(self.tr("%n QR code(s) found in the file; each is checked below.", "", found))
        if codes is not None and codes.pages and codes.every_page_read:
            sentences.append(self.tr("All %n page(s) of the PDF were read.", "", codes.pages))
        elif codes is not None and codes.pages:
            sentences.append(
                self.tr("Read %1 of %2 pages: the pages after were not checked.")
                .replace("%1", str(codes.pages_read))
                .replace("%2", str(codes.pages))
            )
        self.status.setText(" ".join(sentences))
        self.verified.emit(self.verdicts)

    def views(self) -> list[VerdictView]:
        return [
            w
            for i in range(self.results_layout.count())
            if (item := self.results_layout.itemAt(i)) is not None
            and isinstance(w := item.widget(), VerdictView)
        ]
