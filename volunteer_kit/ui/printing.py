"""Printing: the panel under a Print button (writing the PDF with progress and Cancel, then the PDF to
open or send to a printer), a PDF's pages painted on a QPrinter off the GUI thread, and the signal
that carries a long job's progress back to the GUI thread.

The PDF itself is written without Qt (volunteer_kit.certificates.pdf), by the page's operation.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import KnownError
from volunteer_kit.ui.ops import FileOp

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from volunteer_kit.ui.store_client import StoreClient


class PrinterUnavailable(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "Không khởi động được máy in; hãy kiểm tra máy in rồi thử lại.",
            "The printer cannot be started; check the printer and try again.",
        )


class PrintProgress(QObject):
    """Carries progress from the printing thread to the GUI thread (a queued signal)."""

    moved = Signal(int, int)  # done, total


def _wrapping_label() -> QLabel:
    text = QLabel()
    text.setWordWrap(True)
    text.setMinimumWidth(1)  # wrap to the page at large text sizes instead of widening it
    text.setTextFormat(Qt.TextFormat.PlainText)
    return text


class PrintPanel(QWidget):
    """What follows a Print button: the progress of writing the PDF (the page runs that work) with
    Cancel, then the PDF written, to open or to send to a printer chosen in the system's dialog."""

    sent_to_printer = Signal(int)  # pages
    note = Signal(str)  # a sentence for the page's status line

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.cancel = threading.Event()  # set by Cancel; the writing work polls it
        self.last_pdf: Path | None = None
        self.print_title = ""  # the print dialog's title, set by the page
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_writing)
        self.progress_label = _wrapping_label()
        self.progress_label.setVisible(False)
        self.pdf_label = _wrapping_label()
        self.open_pdf_button = QPushButton()
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.paper_button = QPushButton()
        self.paper_button.clicked.connect(self.print_on_paper)

        self.running_area = QWidget()
        self.running_area.setVisible(False)
        run = QHBoxLayout(self.running_area)
        run.setContentsMargins(0, 0, 0, 0)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        self.pdf_area = QWidget()
        self.pdf_area.setVisible(False)
        grid = QGridLayout(self.pdf_area)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.pdf_label, 0, 0, 1, 3)
        grid.addWidget(self.open_pdf_button, 1, 0)
        grid.addWidget(self.paper_button, 1, 1)
        grid.setColumnStretch(2, 1)
        stack = QVBoxLayout(self)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.running_area)
        stack.addWidget(self.progress_label)
        stack.addWidget(self.pdf_area)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Ca&ncel"))
        self.open_pdf_button.setText(self.tr("&Open the PDF"))
        self.paper_button.setText(self.tr("Send to a prin&ter…"))

    # Writing the PDF -----------------------------------------------------------------------------
    def start(self, text: str) -> None:
        """The PDF is being written: a busy bar, Cancel, and `text`."""
        self.cancel.clear()
        self.pdf_area.setVisible(False)
        self.running_area.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.say(text)

    def show_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self.say(text)

    def say(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress_label.setVisible(bool(text))

    def cancel_writing(self) -> None:
        self.cancel.set()
        self.cancel_button.setEnabled(False)
        self.say(self.tr("Stopping…"))

    def end(self) -> None:
        """The writing is over, whatever its outcome."""
        self.running_area.setVisible(False)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def written(self, pdf: Path, text: str) -> None:
        """The PDF `pdf` is complete: `text` says what it holds; open it or print it."""
        self.last_pdf = pdf
        self.say("")
        self.pdf_label.setText(text)
        self.pdf_area.setVisible(True)
        self.open_pdf_button.setFocus()

    # The PDF written -----------------------------------------------------------------------------
    def open_pdf(self) -> None:
        if self.last_pdf is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf))):
            self.note.emit(
                self.tr("No program to show PDF files was found; the file is %1.").replace(
                    "%1", str(self.last_pdf)
                )
            )

    def print_on_paper(self) -> None:
        """The system's print dialog, then the PDF's pages to the chosen printer (off the GUI thread)."""
        from PySide6.QtPrintSupport import QPrintDialog

        if self.last_pdf is None:
            return
        printer = a4_landscape_printer(self.last_pdf.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.print_title)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.send_to_printer(printer)

    def send_to_printer(self, printer: QPrinter) -> None:
        if self.last_pdf is None:
            return
        pdf = self.last_pdf
        self.paper_button.setEnabled(False)
        self.say(self.tr("Sending to the printer…"))

        def done(pages: int) -> None:
            self.say(self.tr("%n page(s) sent to the printer.", "", pages))
            self.sent_to_printer.emit(pages)

        def failed(problem: KnownError) -> None:
            self.say(self.tr("Not printed: %1").replace("%1", problem.message()))

        op = FileOp(self.store, lambda: paint_pdf(pdf, printer), parent=self)
        op.success(done).failure(failed).finished(lambda: self.paper_button.setEnabled(True)).run()


def a4_landscape_printer(name: str) -> QPrinter:
    """A high-resolution printer set for A4 landscape, the certificates' paper; `name` is the job's."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(name)
    return printer


def paint_pdf(pdf: Path, printer: QPrinter, cancel: threading.Event | None = None) -> int:
    """Draw each page of `pdf` on `printer` (QPainter may paint on a QPrinter off the GUI thread).
    PySide6-Essentials has no QtPdf, so pages are rendered with pdfium. Returns pages sent."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise PrinterUnavailable()
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
