"""The signed certificate payload carried in the QR code (docs/certificates.md), and its verification.

Shared by the app and the hub's verification page: this module needs neither Qt
nor the device store, only `cryptography`. The binary form is

    version (1 byte) | key id (8 bytes) | text length (1 byte) | text (UTF-8) | Ed25519 signature (64)

where text is "serial\\npack id\\nYYYYMMDD\\nname" (NFC), and the signature covers
b"VK-CERT" followed by every byte before it. It travels as unpadded Base32
(A-Z, 2-7: the QR code's compact alphanumeric mode, and safe in a URL path),
after "<hub url>/v/" or "vk-cert:".
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from volunteer_kit.core.clock import local, parse_utc
from volunteer_kit.core.vocab import pick

FORMAT_VERSION = 1
SIGNING_CONTEXT = b"VK-CERT"
URI_SCHEME = "vk-cert:"
VERIFY_PATH = "/v/"
KEY_ID_BYTES = 8
SIGNATURE_BYTES = 64
HEADER_BYTES = 1 + KEY_ID_BYTES + 1
MAX_TEXT_BYTES = 255
# 5-digit commune code, the issuing device's key (first 6 hex of its key id, upper case), its sequence.
SERIAL_RE = re.compile(r"^(\d{5})-([0-9A-F]{6})-(\d{6,9})$")
_PACK_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


class Status(StrEnum):
    valid = "valid"
    altered = "altered"
    unknown_key = "unknown_key"
    revoked = "revoked"
    key_revoked = "key_revoked"  # its signing key was declared compromised: nothing it signed stands
    key_retired = "key_retired"  # claims a date after its signing key was retired
    unreadable = "unreadable"


@dataclass(frozen=True, slots=True)
class CertificateData:
    """What a certificate's QR says (trust it only when the verdict is valid)."""

    serial: str
    full_name: str
    pack_id: str
    issued_on: date
    key_id: str

    @property
    def commune_code(self) -> str:
        return self.serial[:5]


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    vi: str
    en: str
    data: CertificateData | None = None  # what the payload claims, when it could be read

    @property
    def valid(self) -> bool:
        return self.status is Status.valid

    def message(self, lang: str = "vi") -> str:
        return pick(lang, self.vi, self.en)


@dataclass(frozen=True, slots=True)
class RetiredKey:
    """What the issuer_key_retirement facts of one key say, taken together."""

    retired_on: date  # the day (Vietnam time) of its first retirement: it signed nothing after
    compromised: bool  # any officer declared it compromised: none of its certificates stand


def _retired_on(retired_at: object) -> date:
    """The Vietnam day of a retirement time; a time that cannot be read counts from the first day
    there is (the key is retired, and nothing it claims to have signed after can be believed)."""
    try:
        return local(parse_utc(retired_at)).date()
    except (ValueError, OverflowError, TypeError):
        return date.min


def retired_keys(facts: Iterable[tuple[str, object, bool]]) -> dict[str, RetiredKey]:
    """{key id: RetiredKey} from (key id, retired at, compromised) facts; a key may have several
    (retired, then declared compromised when a backup of it went missing)."""
    found: dict[str, RetiredKey] = {}
    for key_id, retired_at, compromised in facts:
        day = _retired_on(retired_at)
        known = found.get(key_id)
        if known is not None:
            day, compromised = min(day, known.retired_on), bool(compromised) or known.compromised
        found[key_id] = RetiredKey(day, bool(compromised))
    return found


def key_id_for(public_key: bytes) -> str:
    """The key id of a raw 32-byte Ed25519 public key: the first 16 hex digits of its SHA-256."""
    import hashlib

    return hashlib.sha256(public_key).hexdigest()[:16]


def _text(data: CertificateData) -> bytes:
    return "\n".join(
        (
            data.serial,
            data.pack_id,
            data.issued_on.strftime("%Y%m%d"),
            unicodedata.normalize("NFC", data.full_name),
        )
    ).encode("utf-8")


def encode_payload(data: CertificateData, private_key: Ed25519PrivateKey) -> str:
    """The signed payload as unpadded Base32. Raises ValueError for fields the format cannot carry."""
    serial_match = SERIAL_RE.match(data.serial)
    if not serial_match or serial_match[2] != data.key_id[:6].upper():
        raise ValueError(f"not a certificate serial of key {data.key_id}: {data.serial!r}")
    if not _PACK_RE.match(data.pack_id):
        raise ValueError(f"not a pack id: {data.pack_id!r}")
    if not data.full_name or "\n" in data.full_name:
        raise ValueError("a name is one non-empty line")
    if len(data.key_id) != 2 * KEY_ID_BYTES:
        raise ValueError(f"not a key id: {data.key_id!r}")
    text = _text(data)
    if len(text) > MAX_TEXT_BYTES:
        raise ValueError("the name is too long for a certificate")
    body = bytes([FORMAT_VERSION]) + bytes.fromhex(data.key_id) + bytes([len(text)]) + text
    signature = private_key.sign(SIGNING_CONTEXT + body)
    return base64.b32encode(body + signature).decode("ascii").rstrip("=")


def qr_text(payload: str, hub_url: str | None) -> str:
    """What the QR code holds: a link to the hub's verification page, or a vk-cert: URI offline."""
    if hub_url:
        return hub_url.rstrip("/") + VERIFY_PATH + payload
    return URI_SCHEME + payload


def extract_payload(text: str) -> str:
    """The Base32 payload inside a scanned or pasted text (a link, a vk-cert: URI, or the bare payload)."""
    text = text.strip()
    lowered = text.lower()
    if lowered.startswith(URI_SCHEME):
        text = text[len(URI_SCHEME) :]
    elif VERIFY_PATH in lowered:
        text = text[lowered.rindex(VERIFY_PATH) + len(VERIFY_PATH) :]
    text = re.split(r"[?#/]", text, maxsplit=1)[0]
    return "".join(text.split())


def _unreadable(vi: str, en: str) -> Verdict:
    return Verdict(Status.unreadable, vi, en)


def decode_payload(text: str) -> tuple[CertificateData, bytes, bytes] | Verdict:
    """(data, signed bytes, signature), or an unreadable verdict saying why."""
    payload = extract_payload(text)
    if not payload:
        return _unreadable("Không có mã chứng nhận để kiểm tra.", "There is no certificate code to check.")
    try:
        raw = base64.b32decode(payload.upper() + "=" * (-len(payload) % 8))
    except (binascii.Error, ValueError):
        return _unreadable(
            "Đây không phải mã chứng nhận của Volunteer Kit (có ký tự lạ).",
            "This is not a Volunteer Kit certificate code (it has characters that do not belong).",
        )
    if len(raw) < HEADER_BYTES + SIGNATURE_BYTES:
        return _unreadable(
            "Mã chứng nhận bị thiếu (quá ngắn): hãy quét lại hoặc dán đủ cả mã.",
            "The certificate code is incomplete (too short): scan it again or paste all of it.",
        )
    if raw[0] != FORMAT_VERSION:
        return _unreadable(
            f"Mã chứng nhận có định dạng {raw[0]} mà phiên bản này không đọc được; hãy cập nhật ứng dụng.",
            f"The certificate code has format {raw[0]}, which this version cannot read; update the app.",
        )
    length = raw[HEADER_BYTES - 1]
    if len(raw) != HEADER_BYTES + length + SIGNATURE_BYTES:
        return _unreadable(
            "Mã chứng nhận bị cắt cụt hoặc thừa: hãy quét lại hoặc dán đủ cả mã.",
            "The certificate code is truncated or has extra parts: scan it again or paste all of it.",
        )
    body, signature = raw[: HEADER_BYTES + length], raw[HEADER_BYTES + length :]
    try:
        serial, pack_id, day, name = body[HEADER_BYTES:].decode("utf-8").split("\n", 3)
        issued_on = date(int(day[:4]), int(day[4:6]), int(day[6:8]))
        if len(day) != 8 or not day.isdigit():
            raise ValueError(day)
    except ValueError:
        data = None
    else:
        data = CertificateData(serial, name, pack_id, issued_on, raw[1 : HEADER_BYTES - 1].hex())
        serial_match = SERIAL_RE.match(serial)
        # The serial's middle part names the signing key: a serial moved onto another key is altered.
        if not (
            serial_match and serial_match[2] == data.key_id[:6].upper() and _PACK_RE.match(pack_id) and name
        ):
            data = None
    if data is None:
        # The frame is whole but its fields are not: someone changed it.
        return Verdict(
            Status.altered,
            "Mã chứng nhận đã bị sửa: các trường bên trong không còn hợp lệ.",
            "The certificate code was changed: the fields inside are no longer well formed.",
        )
    return data, body, signature


def _public_key(value: bytes | str | Ed25519PublicKey) -> Ed25519PublicKey:
    if isinstance(value, Ed25519PublicKey):
        return value
    raw = base64.b64decode(value) if isinstance(value, str) else value
    return Ed25519PublicKey.from_public_bytes(raw)


def verify_payload(
    text: str,
    keys: Mapping[str, bytes | str | Ed25519PublicKey],
    revoked: Collection[str] = (),
    retired: Mapping[str, RetiredKey] | None = None,
) -> Verdict:
    """Check a scanned or pasted certificate code against trusted keys {key id: public key},
    revocations and retired keys {key id: RetiredKey}.

    Public keys are raw 32 bytes, their base64 text (as issuer_key records hold them) or key objects.
    Never raises for bad input: every problem is a verdict.
    """
    decoded = decode_payload(text)
    if isinstance(decoded, Verdict):
        return decoded
    data, body, signature = decoded
    key = keys.get(data.key_id)
    if key is None:
        return Verdict(
            Status.unknown_key,
            f"Chứng nhận {data.serial} được ký bằng khóa {data.key_id} không có trong danh sách "
            "khóa tin cậy: không xác nhận được. Nếu vừa cấp, hãy đồng bộ rồi kiểm tra lại.",
            f"Certificate {data.serial} is signed with key {data.key_id}, which is not among the "
            "trusted keys: it cannot be confirmed. If it was issued recently, sync and check again.",
            data,
        )
    try:
        _public_key(key).verify(signature, SIGNING_CONTEXT + body)
    except (InvalidSignature, ValueError, TypeError, binascii.Error):
        return Verdict(
            Status.altered,
            f"Chứng nhận {data.serial} đã bị sửa: chữ ký không khớp với nội dung.",
            f"Certificate {data.serial} was altered: its signature does not match its content.",
            data,
        )
    retirement = (retired or {}).get(data.key_id)
    if retirement is not None and retirement.compromised:
        return _key_revoked(data)
    if data.serial in revoked:
        return Verdict(
            Status.revoked,
            f"Chứng nhận {data.serial} đã bị thu hồi.",
            f"Certificate {data.serial} has been revoked.",
            data,
        )
    if retirement is not None and data.issued_on > retirement.retired_on:
        return Verdict(
            Status.key_retired,
            f"Chứng nhận {data.serial} ghi ngày cấp {data.issued_on:%d/%m/%Y}, sau khi khóa ký "
            f"{data.key_id} đã ngừng dùng ({retirement.retired_on:%d/%m/%Y}): khóa này không còn ký "
            "chứng nhận nào nữa, nên giấy này không hợp lệ.",
            f"Certificate {data.serial} says it was issued on {data.issued_on:%Y-%m-%d}, after signing "
            f"key {data.key_id} was retired ({retirement.retired_on:%Y-%m-%d}): that key signs nothing "
            "more, so this certificate is not valid.",
            data,
        )
    return Verdict(
        Status.valid,
        f"Chứng nhận {data.serial} hợp lệ: cấp cho {data.full_name} ngày {data.issued_on:%d/%m/%Y}.",
        f"Certificate {data.serial} is valid: issued to {data.full_name} on {data.issued_on:%Y-%m-%d}.",
        data,
    )


def _key_revoked(data: CertificateData) -> Verdict:
    return Verdict(
        Status.key_revoked,
        f"Chứng nhận {data.serial} được ký bằng khóa {data.key_id}, khóa này đã bị lộ và bị thu hồi: "
        "mọi chứng nhận của khóa này không còn giá trị. Người học được cấp lại giấy mới.",
        f"Certificate {data.serial} is signed with key {data.key_id}, which was compromised and revoked: "
        "no certificate of that key stands. The learner is issued a new one.",
        data,
    )
