"""Verifying a certificate on this device: pasted text, a photo or scan, or a PDF page.

Trusted keys and revocations come from the store (they arrive by sync). Every bad
input gets its own verdict; nothing here raises for what a user hands it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from volunteer_kit.certificates.keys import retired_keys
from volunteer_kit.certificates.payload import (
    RetiredKey,
    Status,
    Verdict,
    extract_payload,
    verify_payload,
)
from volunteer_kit.store import certificates as store

if TYPE_CHECKING:
    import pypdfium2
    from PIL import Image

log = logging.getLogger("volunteer_kit.certificates")

MAX_IMAGE_BYTES = 60 * 1024 * 1024
# A PDF is read one page at a time, so only time bounds it: a commune's batch of certificates is a few
# hundred pages; past this many, the verdicts say how many pages were read.
MAX_PDF_BYTES = 1024 * 1024 * 1024
MAX_PDF_PAGES = 1000
PDF_SCALE = 300 / 72  # pages rendered at 300 dpi
MAX_PAGE_PIXELS = 40_000_000  # an A3 page at 300 dpi is 17.4 million; a huge page is rendered smaller
_PDF_MAGIC = b"%PDF-"

PageProgress = Callable[[int, int], None]  # (pages read, pages to read)


@dataclass(frozen=True)
class CodesRead:
    """The texts of the QR codes found in a file, and for a PDF how many of its pages were read."""

    texts: list[str] = field(default_factory=list)
    pages: int = 0  # the PDF's pages (0 for an image)
    pages_read: int = 0

    @property
    def every_page_read(self) -> bool:
        return self.pages_read >= self.pages


def verify_in_store(conn: Connection, text: str) -> Verdict:
    """verify_payload against this store's trusted keys, revocations and retired keys, and its own
    copy of the serial: all of it arrived by sync, so this needs no network."""
    verdict = verify_payload(text, store.issuer_keys(conn), store.revoked_serials(conn), retired_keys(conn))
    if verdict.data is not None and verdict.status in (Status.valid, Status.revoked):
        kept = store.stored_payload(conn, verdict.data.serial)
        if kept is not None and kept.upper() != extract_payload(text).upper():
            return Verdict(
                Status.altered,
                f"Chứng nhận {verdict.data.serial} không khớp với bản đã cấp lưu trên máy này.",
                f"Certificate {verdict.data.serial} does not match the issued copy kept on this device.",
                verdict.data,
            )
    return verdict


def _unreadable_file(path: Path, vi: str, en: str) -> Verdict:
    return Verdict(Status.unreadable, f"{path.name}: {vi}", f"{path.name}: {en}")


def read_codes(
    path: Path, progress: PageProgress | None = None, cancel: threading.Event | None = None
) -> CodesRead | Verdict:
    """The texts of the QR codes in an image (PNG/JPG/...) or in every page of a PDF (up to
    MAX_PDF_PAGES, one page in memory at a time), or a verdict why the file cannot be read. `progress`
    hears of each PDF page read; `cancel` stops the reading after the page in hand."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return _unreadable_file(
            path,
            f"không mở được tệp ({exc.strerror or exc}).",
            f"the file cannot be opened ({exc.strerror or exc}).",
        )
    is_pdf = head.startswith(_PDF_MAGIC)
    if size > (MAX_PDF_BYTES if is_pdf else MAX_IMAGE_BYTES):
        return _unreadable_file(path, "tệp quá lớn.", "the file is too large.")
    if not is_pdf:
        image = _image(path)
        return image if isinstance(image, Verdict) else CodesRead(_codes_in(image, path))
    return _pdf_codes(path, progress, cancel)


def _codes_in(image: Image.Image, path: Path) -> list[str]:
    import zxingcpp

    try:
        # The binding takes one format as well as a set (its docstring says so; its stub does not).
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    except (ValueError, RuntimeError) as exc:
        log.warning("QR reading failed on %s: %s", path, exc)
        return []
    return [code.text for code in found if code.valid and code.text]


def _image(path: Path) -> Image.Image | Verdict:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            upright = ImageOps.exif_transpose(image)  # a phone photo taken sideways
            return upright.convert("L")
    except (UnidentifiedImageError, Image.DecompressionBombError):
        return _unreadable_file(
            path,
            "không phải ảnh hay tệp PDF đọc được.",
            "it is not an image or a PDF that can be read.",
        )
    except (OSError, ValueError, SyntaxError) as exc:
        return _unreadable_file(path, f"ảnh bị hỏng ({exc}).", f"the image is damaged ({exc}).")


def _pdf_codes(
    path: Path, progress: PageProgress | None, cancel: threading.Event | None
) -> CodesRead | Verdict:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as exc:
        return _unreadable_file(path, f"tệp PDF bị hỏng ({exc}).", f"the PDF is damaged ({exc}).")
    texts: list[str] = []
    read = 0
    try:
        pages = len(document)
        to_read = min(pages, MAX_PDF_PAGES)
        for image in _pdf_pages(document, to_read):
            texts.extend(_codes_in(image, path))
            read += 1
            if progress is not None:
                progress(read, to_read)
            if cancel is not None and cancel.is_set():
                break
        return CodesRead(texts, pages=pages, pages_read=read)
    except (pdfium.PdfiumError, ValueError) as exc:
        return _unreadable_file(
            path,
            f"không đọc được trang {read + 1} của tệp PDF ({exc}).",
            f"page {read + 1} of the PDF cannot be read ({exc}).",
        )
    finally:
        document.close()


def _pdf_pages(document: pypdfium2.PdfDocument, count: int) -> Iterator[Image.Image]:
    """The first `count` pages of a pypdfium2 document, rendered one at a time (greyscale, 300 dpi, or
    less for a page so large that it would take more than MAX_PAGE_PIXELS)."""
    for index in range(count):
        page = document[index]
        try:
            width, height = page.get_size()
            scale = min(PDF_SCALE, (MAX_PAGE_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()
        yield image


def verify_image(
    path: Path,
    keys: Mapping[str, bytes | str],
    revoked: Collection[str] = (),
    retired: Mapping[str, RetiredKey] | None = None,
) -> list[Verdict]:
    """One verdict per QR code found in the image or PDF (a single unreadable verdict when there is none)."""
    return _verdicts(Path(path), read_codes(path), lambda code: verify_payload(code, keys, revoked, retired))


def verify_image_in_store(conn: Connection, path: Path) -> list[Verdict]:
    return verify_codes_in_store(conn, Path(path), read_codes(path))


def verify_codes_in_store(conn: Connection, path: Path, codes: CodesRead | Verdict) -> list[Verdict]:
    """The verdicts on the codes read from `path` (read_codes), against this store."""
    return _verdicts(path, codes, lambda code: verify_in_store(conn, code))


def _verdicts(path: Path, codes: CodesRead | Verdict, verify: Callable[[str], Verdict]) -> list[Verdict]:
    """One verdict per code; first, when pages of a PDF were left unread, a verdict that says so."""
    if isinstance(codes, Verdict):
        return [codes]
    verdicts = [verify(code) for code in codes.texts] or [_no_code(path)]
    if not codes.every_page_read:
        verdicts.insert(0, _pages_left(path, codes))
    return verdicts


def _pages_left(path: Path, codes: CodesRead) -> Verdict:
    read, pages = codes.pages_read, codes.pages
    return _unreadable_file(
        path,
        f"đã đọc {read}/{pages} trang; {pages - read} trang sau chưa được kiểm tra.",
        f"read {read} of {pages} pages; the {pages - read} pages after were not checked.",
    )


def _no_code(path: Path) -> Verdict:
    return _unreadable_file(
        path,
        "không tìm thấy mã QR. Hãy chụp lại thẳng, đủ sáng, mã QR chiếm phần lớn ảnh.",
        "no QR code was found. Take the photo again: straight on, well lit, the QR filling most of it.",
    )
