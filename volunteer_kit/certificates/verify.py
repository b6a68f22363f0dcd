"""Verifying a certificate on this device: pasted text, a photo or scan, or a PDF page.

Trusted keys and revocations come from the store (they arrive by sync). Every bad
input gets its own verdict; nothing here raises for what a user hands it.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
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
    from PIL import Image

log = logging.getLogger("volunteer_kit.certificates")

MAX_IMAGE_BYTES = 60 * 1024 * 1024
MAX_PDF_PAGES = 20
PDF_SCALE = 300 / 72  # pages rendered at 300 dpi
_PDF_MAGIC = b"%PDF-"


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


def read_codes(path: Path) -> list[str] | Verdict:
    """The texts of the QR codes in an image (PNG/JPG/...) or the pages of a PDF, or a verdict why not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return _unreadable_file(path, "tệp quá lớn.", "the file is too large.")
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return _unreadable_file(
            path,
            f"không mở được tệp ({exc.strerror or exc}).",
            f"the file cannot be opened ({exc.strerror or exc}).",
        )
    images = _pdf_pages(path) if head.startswith(_PDF_MAGIC) else _image(path)
    if isinstance(images, Verdict):
        return images
    import zxingcpp

    texts: list[str] = []
    for image in images:
        try:
            # The binding takes one format as well as a set (its docstring says so; its stub does not).
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
        except (ValueError, RuntimeError) as exc:
            log.warning("QR reading failed on %s: %s", path, exc)
            continue
        texts.extend(code.text for code in found if code.valid and code.text)
    return texts


def _image(path: Path) -> list[Image.Image] | Verdict:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            upright = ImageOps.exif_transpose(image)  # a phone photo taken sideways
            return [upright.convert("L")]
    except (UnidentifiedImageError, Image.DecompressionBombError):
        return _unreadable_file(
            path,
            "không phải ảnh hay tệp PDF đọc được.",
            "it is not an image or a PDF that can be read.",
        )
    except (OSError, ValueError, SyntaxError) as exc:
        return _unreadable_file(path, f"ảnh bị hỏng ({exc}).", f"the image is damaged ({exc}).")


def _pdf_pages(path: Path) -> list[Image.Image] | Verdict:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as exc:
        return _unreadable_file(path, f"tệp PDF bị hỏng ({exc}).", f"the PDF is damaged ({exc}).")
    try:
        images: list[Image.Image] = []
        for index in range(min(len(document), MAX_PDF_PAGES)):
            page = document[index]
            try:
                images.append(page.render(scale=PDF_SCALE, grayscale=True).to_pil())
            finally:
                page.close()
        return images
    except (pdfium.PdfiumError, ValueError) as exc:
        return _unreadable_file(
            path, f"không đọc được trang PDF ({exc}).", f"a PDF page cannot be read ({exc})."
        )
    finally:
        document.close()


def verify_image(
    path: Path,
    keys: Mapping[str, bytes | str],
    revoked: Collection[str] = (),
    retired: Mapping[str, RetiredKey] | None = None,
) -> list[Verdict]:
    """One verdict per QR code found in the image or PDF (a single unreadable verdict when there is none)."""
    codes = read_codes(path)
    if isinstance(codes, Verdict):
        return [codes]
    if not codes:
        return [_no_code(Path(path))]
    return [verify_payload(code, keys, revoked, retired) for code in codes]


def _no_code(path: Path) -> Verdict:
    return _unreadable_file(
        path,
        "không tìm thấy mã QR. Hãy chụp lại thẳng, đủ sáng, mã QR chiếm phần lớn ảnh.",
        "no QR code was found. Take the photo again: straight on, well lit, the QR filling most of it.",
    )


def verify_image_in_store(conn: Connection, path: Path) -> list[Verdict]:
    codes = read_codes(path)
    if isinstance(codes, Verdict):
        return [codes]
    if not codes:
        return [_no_code(Path(path))]
    return [verify_in_store(conn, code) for code in codes]
