"""Pieces of the "Quản lý xã" page (ui/pages/admin.py): a list whose rows wrap to its width and
scroll inside it, the enrollment QR drawn from its module matrix, and times as a person says them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QListWidget, QWidget

from volunteer_kit.core.clock import local, parse_utc, utcnow

QUIET_ZONE = 4  # modules of white around a QR code (ISO/IEC 18004)


class WrappingList(QListWidget):
    """A list that fills its part of the page and scrolls itself; each row's text wraps to the list's
    width (a QListWidget does not wrap by itself: a long row was cut at 200 % text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._width = -1
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.fit_rows)
        model = self.model()
        for signal in (model.rowsInserted, model.modelReset, model.dataChanged):
            signal.connect(self._later.start)

    def fit_rows(self) -> None:
        width = max(
            self.viewport().width() - 2 * self.spacing() - 12, 10 * self.fontMetrics().averageCharWidth()
        )
        metrics = self.fontMetrics()
        for n in range(self.count()):
            item = self.item(n)
            text = metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, max(text.height(), metrics.height()) + metrics.height() // 2))

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.width() != self._width:
            self._width = self.width()
            self._later.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._later.start()


def qr_matrix(text: str) -> list[str]:
    """The QR code of `text` (error correction M, as `hub enroll-code --qr` makes it), one string of
    "1"/"0" a row, without its quiet zone. On a worker: building it takes some milliseconds."""
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(text)
    qr.make(fit=True)
    return ["".join("1" if cell else "0" for cell in row) for row in qr.get_matrix()]


def qr_pixmap(rows: list[str], side: int) -> QPixmap:
    """The matrix drawn black on white with its quiet zone, whole modules, at most `side` pixels."""
    count = len(rows) + 2 * QUIET_ZONE
    if not rows:
        return QPixmap()
    image = QImage(count, count, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            if cell == "1":
                image.setPixel(x + QUIET_ZONE, y + QUIET_ZONE, black)
    scale = max(1, side // count)
    return QPixmap.fromImage(
        image.scaled(
            count * scale,
            count * scale,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
    )


def when(value: str | None) -> str:
    """An ISO time as the window shows a moment: dd/MM/yyyy HH:mm, Vietnam time."""
    if not value:
        return ""
    here = local(parse_utc(value.replace("Z", "+00:00")))
    stamp = QDateTime(here.year, here.month, here.day, here.hour, here.minute, 0)
    return QLocale().toString(stamp, "dd/MM/yyyy HH:mm")


def elapsed(value: str | None, now: datetime | None = None) -> tuple[str, int]:
    """How long ago, in the unit a person says it in: ("now", 0), ("minutes", 5), ("hours", 3),
    ("days", 2); ("date", 0) past two months; ("", 0) for none. The page words it (AdminPage.ago)."""
    if not value:
        return "", 0
    then = parse_utc(value.replace("Z", "+00:00"))
    seconds = max(0, int(((now or utcnow()) - then).total_seconds()))
    if seconds < 90:
        return "now", 0
    if seconds < 3600:
        return "minutes", seconds // 60
    if seconds < 86400:
        return "hours", seconds // 3600
    if seconds < 60 * 86400:
        return "days", seconds // 86400
    return "date", 0
