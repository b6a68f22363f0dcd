"""Is the hub reachable now? A quick look at its health endpoint (the app's automatic sync asks).

Short timeouts, no retries: the caller probes again later, with backoff.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import requests

from volunteer_kit.errors import InvalidInput
from volunteer_kit.sync.payload import API, PROTOCOL

PROBE_TIMEOUT = (3.0, 5.0)  # connect, read (seconds)
ENROLL_SCHEME = "vk-enroll"


@dataclass(frozen=True)
class Health:
    reachable: bool
    protocol_ok: bool = True
    detail: str = ""


def probe(hub_url: str, *, ca_file: str | None = None) -> Health:
    """GET /api/v1/health once; never raises for a network problem."""
    try:
        response = requests.get(
            f"{hub_url.rstrip('/')}{API}/health", timeout=PROBE_TIMEOUT, verify=ca_file or True
        )
    except requests.RequestException as exc:
        return Health(False, detail=type(exc).__name__)
    if response.status_code != 200:
        return Health(False, detail=f"HTTP {response.status_code}")
    try:
        protocol = int(response.json().get("protocol", 0))
    except (ValueError, AttributeError, TypeError):
        return Health(False, detail="not a Volunteer Kit hub")
    return Health(True, protocol_ok=protocol == PROTOCOL, detail=f"protocol {protocol}")


def parse_enroll_qr(text: str) -> tuple[str, str]:
    """(hub URL, code) from the text of an enrollment QR: `vk-enroll:<hub url>?code=<code>`."""
    text = text.strip()
    prefix = f"{ENROLL_SCHEME}:"
    if not text.startswith(prefix):
        raise InvalidInput(
            "Mã QR này không phải mã đăng ký thiết bị của Volunteer Kit.",
            "This QR code is not a Volunteer Kit enrollment code.",
        )
    rest = text[len(prefix) :]
    parts = urlsplit(rest)
    code = (parse_qs(parts.query).get("code") or [""])[0]
    hub = rest.split("?", 1)[0]
    if not code or not hub:
        raise InvalidInput(
            "Mã QR thiếu địa chỉ máy chủ hoặc mã đăng ký.", "The QR code lacks the hub or the code."
        )
    return hub, code


def read_enroll_qr(path: str) -> tuple[str, str]:
    """(hub URL, code) from a photo or screenshot of the enrollment QR."""
    try:
        import zxingcpp
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise InvalidInput(
            "Máy này không đọc được ảnh mã QR.", "This computer cannot read QR images."
        ) from exc
    try:
        with Image.open(path) as image:
            found = zxingcpp.read_barcodes(image.convert("RGB"), formats=zxingcpp.BarcodeFormat.QRCode)
    except (OSError, UnidentifiedImageError) as exc:
        raise InvalidInput(f"Không mở được ảnh {path}.", f"Cannot open the image {path}.") from exc
    texts = [barcode.text for barcode in found if barcode.text]
    if not texts:
        raise InvalidInput("Không thấy mã QR nào trong ảnh.", "No QR code was found in the image.")
    return parse_enroll_qr(texts[0])
