"""Certificates as a PDF (reportlab): A4 landscape, one page each, any number in one file.

Every text is NFC and set in the bundled Noto Sans (one embedded subset per face
for the whole document); text that goes through Paragraph markup is escaped.
The QR is drawn as vector squares (crisp at any printer resolution), >= 35 mm.
A batch is written to a temporary file beside the target and renamed at the end:
a cancelled or failed batch leaves no half-written PDF.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from volunteer_kit.certificates import fonts
from volunteer_kit.certificates.qr import qr_rows
from volunteer_kit.core.competencies import competency_name
from volunteer_kit.errors import KnownError

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

QR_SIZE_MM = 40
# Centres of the left (commune, QR) and right (nation, signature) columns, from the page's sides.
LEFT_CENTRE_MM = 78
RIGHT_CENTRE_MM = 80
_DARK_RUN = re.compile("1+")
NAME_MAX_PT = 30
NAME_MIN_PT = 12

RED = (0.62, 0.09, 0.09)
INK = (0.10, 0.10, 0.12)
GREY = (0.35, 0.35, 0.38)
GOLD = (0.72, 0.58, 0.25)

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TITLE = "GIẤY CHỨNG NHẬN"
SUBTITLE = "Hoàn thành khóa học kỹ năng số"


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class PrintedCertificate:
    """Everything one certificate page shows."""

    serial: str
    full_name: str
    birth_year: int | None
    pack_title: str
    competencies: tuple[str, ...]
    issued_on: date
    commune_name: str
    officer_name: str
    qr_text: str


class Cancelled(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "Đã hủy in chứng nhận; không có tệp nào được ghi.", "Printing cancelled; no file was written."
        )


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def place_name(commune_name: str) -> str:
    """ "Xã Bát Tràng" -> "Bát Tràng": the place in "Bát Tràng, ngày ... tháng ... năm ..."."""
    name = nfc(commune_name).strip()
    for prefix in ("Đặc khu ", "Phường ", "Thị trấn ", "Xã "):
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix) :]
    return name


def date_line(commune_name: str, day: date) -> str:
    place = place_name(commune_name)
    when = f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    return f"{place}, {when}" if place else when.capitalize()


def qr_path(rows: list[str], x0: float, y0: float, size: float) -> str:
    """PDF operators filling the dark modules as runs of squares, in module units (a vector QR)."""
    cell = size / len(rows)
    ops = ["q 0 g", f"{cell:.5f} 0 0 {-cell:.5f} {x0:.3f} {y0 + size:.3f} cm"]
    for row_index, row in enumerate(rows):
        for run in _DARK_RUN.finditer(row):
            ops.append(f"{run.start()} {row_index} {run.end() - run.start()} 1 re")
    ops.append("f Q")
    return "\n".join(ops)


class _Page:
    """Draws one certificate on a reportlab canvas."""

    def __init__(self, canvas: Canvas, width: float, height: float) -> None:
        from reportlab.lib.units import mm

        self.c = canvas
        self.w = width
        self.h = height
        self.mm = mm

    def centred(
        self, text: str, x: float, y: float, font: str, size: float, color: tuple[float, float, float] = INK
    ) -> float:
        self.c.setFont(font, size)
        self.c.setFillColorRGB(*color)
        self.c.drawCentredString(x, y, nfc(text))
        width: float = self.c.stringWidth(nfc(text), font, size)
        return width

    def fit_size(self, text: str, font: str, largest: float, smallest: float, width: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = largest
        measured = stringWidth(nfc(text), font, size)
        if measured > width:
            size = max(smallest, size * width / measured)
        return size

    def frame(self) -> None:
        c, mm = self.c, self.mm
        c.setStrokeColorRGB(*RED)
        c.setLineWidth(2.2)
        c.rect(9 * mm, 9 * mm, self.w - 18 * mm, self.h - 18 * mm)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(0.7)
        c.rect(11.5 * mm, 11.5 * mm, self.w - 23 * mm, self.h - 23 * mm)

    def header(self, cert: PrintedCertificate) -> None:
        mm = self.mm
        left_x, right_x = LEFT_CENTRE_MM * mm, self.w - RIGHT_CENTRE_MM * mm
        top = self.h - 27 * mm
        commune = nfc(cert.commune_name).upper()
        size = self.fit_size(commune, fonts.BOLD, 12, 8, 100 * mm)
        width = self.centred(commune, left_x, top, fonts.BOLD, size)
        self.underline(left_x, top - 2.2 * mm, min(width, 40 * mm) * 0.5)
        self.centred(f"Số: {cert.serial}", left_x, top - 8 * mm, fonts.REGULAR, 10.5, GREY)
        self.centred(NATION, right_x, top, fonts.BOLD, 12)
        width = self.centred(MOTTO, right_x, top - 5.5 * mm, fonts.BOLD, 12.5)
        self.underline(right_x, top - 7.7 * mm, width)

    def underline(self, x: float, y: float, width: float) -> None:
        self.c.setStrokeColorRGB(*INK)
        self.c.setLineWidth(0.7)
        self.c.line(x - width / 2, y, x + width / 2, y)

    def body(self, cert: PrintedCertificate) -> None:
        mm, mid, top = self.mm, self.w / 2, self.h
        self.centred(TITLE, mid, top - 50 * mm, fonts.BOLD, 30, RED)
        self.centred(SUBTITLE, mid, top - 58.5 * mm, fonts.ITALIC, 15, INK)
        self.centred("Chứng nhận", mid, top - 70 * mm, fonts.ITALIC, 13, GREY)
        name = nfc(cert.full_name)
        size = self.fit_size(name, fonts.BOLD, NAME_MAX_PT, NAME_MIN_PT, self.w - 70 * mm)
        self.centred(name, mid, top - 82 * mm, fonts.BOLD, size, INK)
        if cert.birth_year:
            self.centred(f"Năm sinh: {cert.birth_year}", mid, top - 90 * mm, fonts.REGULAR, 12.5)
        self.centred("đã hoàn thành khóa học", mid, top - 99.5 * mm, fonts.ITALIC, 12.5, GREY)
        title = nfc(cert.pack_title)
        size = self.fit_size(title, fonts.BOLD, 17, 10, self.w - 90 * mm)
        self.centred(title, mid, top - 107.5 * mm, fonts.BOLD, size, RED)
        self.competencies(cert.competencies, top - 116 * mm)

    def competencies(self, codes: Sequence[str], y: float) -> None:
        """The pack's competency codes with their names: two columns, centred as a block, under a heading."""
        if not codes:
            return
        from reportlab.pdfbase.pdfmetrics import stringWidth

        c, mm, mid = self.c, self.mm, self.w / 2
        self.centred("Năng lực số đạt được", mid, y, fonts.ITALIC, 10, GREY)
        size, leading, code_width, gap, widest = 9.5, 4.6 * mm, 16 * mm, 10 * mm, 100 * mm
        shown = list(codes[:8])
        rows = (len(shown) + 1) // 2
        columns = [shown[:rows], shown[rows:]]
        names = {code: nfc(competency_name(code)) for code in shown}
        room = widest - code_width
        sizes = {code: self.fit_size(names[code], fonts.REGULAR, size, 7, room) for code in shown}
        widths = [
            max((code_width + stringWidth(names[x], fonts.REGULAR, sizes[x]) for x in column), default=0)
            for column in columns
        ]
        x = mid - (sum(widths) + (gap if widths[1] else 0)) / 2
        c.setFillColorRGB(*INK)
        for column, width in zip(columns, widths, strict=True):
            for index, code in enumerate(column):
                line_y = y - 5.8 * mm - index * leading
                c.setFont(fonts.BOLD, size)
                c.drawString(x, line_y, nfc(code))
                c.setFont(fonts.REGULAR, sizes[code])
                c.drawString(x + code_width, line_y, names[code])
            x += width + gap

    def qr(self, cert: PrintedCertificate) -> None:
        mm = self.mm
        matrix = qr_rows(cert.qr_text)
        size = QR_SIZE_MM * mm
        x0, y0 = LEFT_CENTRE_MM * mm - size / 2, 28 * mm
        self.c.addLiteral(qr_path(matrix, x0, y0, size))
        self.centred(cert.serial, x0 + size / 2, y0 - 5.5 * mm, fonts.BOLD, 10.5, INK)
        self.centred("Quét mã QR để kiểm tra", x0 + size / 2, y0 - 10 * mm, fonts.ITALIC, 8.5, GREY)

    def signature(self, cert: PrintedCertificate) -> None:
        mm = self.mm
        x = self.w - RIGHT_CENTRE_MM * mm
        self.centred(date_line(cert.commune_name, cert.issued_on), x, 64 * mm, fonts.ITALIC, 12.5)
        self.centred("NGƯỜI CẤP CHỨNG NHẬN", x, 57 * mm, fonts.BOLD, 12)
        self.centred("(Ký, ghi rõ họ tên)", x, 52 * mm, fonts.ITALIC, 10, GREY)
        if cert.officer_name:
            size = self.fit_size(cert.officer_name, fonts.BOLD, 13, 9, 90 * mm)
            self.centred(cert.officer_name, x, 27 * mm, fonts.BOLD, size)

    def draw(self, cert: PrintedCertificate) -> None:
        self.frame()
        self.header(cert)
        self.body(cert)
        self.qr(cert)
        self.signature(cert)


def write_certificates_pdf(
    certificates: Sequence[PrintedCertificate],
    out: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelFlag | None = None,
) -> int:
    """Write one page per certificate to `out` (atomically); returns the page count.

    Raises Cancelled when `cancel` is set (nothing is written), OSError when `out` cannot be written.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".pdf.part", dir=out.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        _render(certificates, str(temp), progress=progress, cancel=cancel)
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
    return len(certificates)


def certificates_pdf_bytes(certificates: Sequence[PrintedCertificate]) -> bytes:
    """The same PDF as write_certificates_pdf, in memory (the frozen app's smoke test uses it)."""
    buffer = io.BytesIO()
    _render(certificates, buffer)
    return buffer.getvalue()


def _render(
    certificates: Sequence[PrintedCertificate],
    target: str | BinaryIO,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelFlag | None = None,
) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0  # binary compressed streams: smaller, and no slow ASCII85 pass
    fonts.register_fonts()
    width, height = landscape(A4)
    canvas = Canvas(target, pagesize=(width, height), pageCompression=1, initialFontName=fonts.REGULAR)
    canvas.setTitle("Giấy chứng nhận hoàn thành khóa học kỹ năng số")
    canvas.setAuthor("Volunteer Kit")
    canvas.setCreator("Volunteer Kit")
    page = _Page(canvas, width, height)
    total = len(certificates)
    for done, cert in enumerate(certificates, start=1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        page.draw(cert)
        canvas.showPage()
        if progress is not None:
            progress(done, total)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    canvas.save()
