"""Is the hub reachable now? A quick look at its health endpoint (the app's automatic sync asks).

Short timeouts, no retries: the caller probes again later, with backoff.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import requests

from volunteer_kit.errors import InvalidInput
from volunteer_kit.sync.payload import API, PROTOCOL
from volunteer_kit.sync.transport import hub_session, normalize_fingerprint

PROBE_TIMEOUT = (3.0, 5.0)  # connect, read (seconds)
ENROLL_SCHEME = "vk-enroll"


@dataclass(frozen=True)
class Health:
    reachable: bool
    protocol_ok: bool = True
    detail: str = ""


@dataclass(frozen=True)
class EnrollmentCode:
    """What an enrollment QR or its copied text says: where the hub is, the one-time code, and
    the SHA-256 fingerprint of the hub's self-signed certificate (empty for http or a CA's)."""

    hub_url: str
    code: str
    fingerprint: str = ""


def probe(
    hub_url: str, *, ca_file: str | None = None, fingerprint: str = "", insecure: bool = False
) -> Health:
    """GET /api/v1/health once, as the sync would connect (pinned, or CA-checked); a hub that cannot
    be reached is an answer (`reachable` false), never an error."""
    try:
        with hub_session(hub_url, ca_file=ca_file, fingerprint=fingerprint, insecure=insecure) as session:
            response = session.get(f"{hub_url.rstrip('/')}{API}/health", timeout=PROBE_TIMEOUT)
    # OSError besides the network's: a hub certificate file (--ca-file) that cannot be read.
    except (requests.RequestException, OSError, InvalidInput) as exc:
        return Health(False, detail=type(exc).__name__)
    if response.status_code != 200:
        return Health(False, detail=f"HTTP {response.status_code}")
    try:
        protocol = int(response.json().get("protocol", 0))
    except (ValueError, AttributeError, TypeError):
        return Health(False, detail="not a Volunteer Kit hub")
    return Health(True, protocol_ok=protocol == PROTOCOL, detail=f"protocol {protocol}")


def is_enroll_text(text: str) -> bool:
    return text.strip().startswith(f"{ENROLL_SCHEME}:")


def parse_enroll_qr(text: str) -> EnrollmentCode:
    """What the text of an enrollment QR says: `vk-enroll:<hub url>?code=<code>[&fp=<sha256 hex>]`
    (codes made before TLS have no fp)."""
    text = text.strip()
    prefix = f"{ENROLL_SCHEME}:"
    if not text.startswith(prefix):
        raise InvalidInput(
            "Mã QR này không phải mã đăng ký thiết bị của Volunteer Kit.",
            "This QR code is not a Volunteer Kit enrollment code.",
        )
    rest = text[len(prefix) :]
    parts = urlsplit(rest)
    query = parse_qs(parts.query)
    code = (query.get("code") or [""])[0]
    fingerprint = (query.get("fp") or [""])[0]
    hub = rest.split("?", 1)[0]
    if not code or not hub:
        raise InvalidInput(
            "Mã QR thiếu địa chỉ máy chủ hoặc mã đăng ký.", "The QR code lacks the hub or the code."
        )
    return EnrollmentCode(hub, code, normalize_fingerprint(fingerprint) if fingerprint else "")


def read_enroll_qr(path: str) -> EnrollmentCode:
    """What the enrollment QR in a photo or screenshot says."""
    try:
        import zxingcpp
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise InvalidInput(
            "Máy này không đọc được ảnh mã QR.", "This computer cannot read QR images."
        ) from exc
    try:
        with Image.open(path) as image:
            # The binding takes one format as well as a set (its docstring says so; its stub does not).
            qr_code = zxingcpp.BarcodeFormat.QRCode
            found = zxingcpp.read_barcodes(image.convert("RGB"), formats=qr_code)  # type: ignore[arg-type]
    except (OSError, UnidentifiedImageError) as exc:
        raise InvalidInput(f"Không mở được ảnh {path}.", f"Cannot open the image {path}.") from exc
    texts = [barcode.text for barcode in found if barcode.text]
    if not texts:
        raise InvalidInput("Không thấy mã QR nào trong ảnh.", "No QR code was found in the image.")
    return parse_enroll_qr(texts[0])
