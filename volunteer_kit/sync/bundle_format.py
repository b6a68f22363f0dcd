"""The offline bundle file (docs/sync-protocol.md, "Bundles"): writing, reading and verifying it.

Pure functions shared by the device (which writes bundles) and the hub (which
verifies and applies them). No HTTP, no database, no Qt.

A bundle is a zip holding exactly two entries:
- `bundle.json`: UTF-8 JSON `{"format": "vk-bundle", "version": 1, "device_id", "commune_code",
  "hub_id", "created_at", "records": [record, ...]}`
- `bundle.sig`: the raw 64-byte Ed25519 signature of the exact `bundle.json` bytes.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "vk-bundle"
VERSION = 1
MANIFEST_NAME = "bundle.json"
SIGNATURE_NAME = "bundle.sig"
# Reading never trusts the file: the zip, its JSON and its record count are bounded.
MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024
MAX_BUNDLE_JSON_BYTES = 256 * 1024 * 1024
MAX_BUNDLE_RECORDS = 200_000
SIGNATURE_BYTES = 64


class BundleInvalid(ValueError):
    """The file is not a well-formed bundle (the message is one English line; `vi` the Vietnamese)."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi


@dataclass(frozen=True)
class Bundle:
    manifest: dict[str, Any]  # bundle.json without its records
    records: list[dict[str, Any]]
    json_bytes: bytes
    signature: bytes

    @property
    def device_id(self) -> str:
        return str(self.manifest["device_id"])

    @property
    def commune_code(self) -> str:
        return str(self.manifest["commune_code"])

    def signature_ok(self, public_key: str | bytes | Ed25519PublicKey) -> bool:
        """True when bundle.sig is the signature of bundle.json by this key (base64 text, raw bytes
        or a key object)."""
        return verify_signature(self.json_bytes, self.signature, public_key)


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The raw 32-byte public key as base64: the form enrollment sends to the hub."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def load_public_key(key: str | bytes | Ed25519PublicKey) -> Ed25519PublicKey:
    """A public key from base64 text (as sent at enrollment), raw 32 bytes, or a key object."""
    if isinstance(key, Ed25519PublicKey):
        return key
    raw = base64.b64decode(key, validate=True) if isinstance(key, str) else key
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def _private_key(key: Ed25519PrivateKey | bytes) -> Ed25519PrivateKey:
    if isinstance(key, Ed25519PrivateKey):
        return key
    return Ed25519PrivateKey.from_private_bytes(key)


def verify_signature(data: bytes, signature: bytes, public_key: str | bytes | Ed25519PublicKey) -> bool:
    try:
        load_public_key(public_key).verify(signature, data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def bundle_json(
    *,
    device_id: str,
    commune_code: str,
    hub_id: str,
    records: Sequence[dict[str, Any]],
    created_at: datetime | None = None,
) -> bytes:
    """The bytes of bundle.json (UTF-8, compact)."""
    when = (created_at or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "device_id": device_id,
        "commune_code": commune_code,
        "hub_id": hub_id,
        "created_at": when.isoformat(timespec="seconds") + "Z",
        "records": list(records),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_bundle(
    path: Path | str,
    *,
    device_id: str,
    commune_code: str,
    hub_id: str,
    records: Sequence[dict[str, Any]],
    private_key: Ed25519PrivateKey | bytes,
    created_at: datetime | None = None,
) -> Path:
    """Write a signed bundle of `records` (as made by payload.make_record) to `path`.

    `private_key` is the device key made at enrollment (a key object or its raw 32 bytes).
    The file is written beside the target and renamed, so a half-written bundle never exists.
    """
    path = Path(path)
    if len(records) > MAX_BUNDLE_RECORDS:
        raise ValueError(f"a bundle holds at most {MAX_BUNDLE_RECORDS} records")
    body = bundle_json(
        device_id=device_id, commune_code=commune_code, hub_id=hub_id, records=records, created_at=created_at
    )
    signature = _private_key(private_key).sign(body)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, body)
        archive.writestr(SIGNATURE_NAME, signature)
    tmp.replace(path)
    return path


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """An entry's bytes, refusing more than `cap` whatever the zip's header claims."""
    if info.file_size > cap:
        raise BundleInvalid(f"{info.filename} is too large", f"{info.filename} quá lớn")
    out = bytearray()
    with archive.open(info) as handle:
        while chunk := handle.read(1024 * 1024):
            out += chunk
            if len(out) > cap:
                raise BundleInvalid(f"{info.filename} is too large", f"{info.filename} quá lớn")
    return bytes(out)


def parse_bundle(content: bytes) -> Bundle:
    """A bundle from the bytes of its zip file; raises BundleInvalid. The signature is not checked here."""
    if len(content) > MAX_BUNDLE_FILE_BYTES:
        raise BundleInvalid("the bundle file is too large", "tệp gói dữ liệu quá lớn")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise BundleInvalid(
            "not a bundle file (not a zip)", "không phải tệp gói dữ liệu (không phải zip)"
        ) from exc
    with archive:
        infos = {info.filename: info for info in archive.infolist()}
        if set(infos) != {MANIFEST_NAME, SIGNATURE_NAME} or len(archive.infolist()) != 2:
            raise BundleInvalid(
                "not a bundle file (it must hold bundle.json and bundle.sig only)",
                "không phải tệp gói dữ liệu (chỉ được chứa bundle.json và bundle.sig)",
            )
        try:
            body = _read_entry(archive, infos[MANIFEST_NAME], MAX_BUNDLE_JSON_BYTES)
            signature = _read_entry(archive, infos[SIGNATURE_NAME], SIGNATURE_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:  # RuntimeError: encrypted
            raise BundleInvalid("the bundle file is damaged", "tệp gói dữ liệu bị hỏng") from exc
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleInvalid("bundle.json is not valid JSON", "bundle.json không phải JSON hợp lệ") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleInvalid("not a Volunteer Kit bundle", "không phải gói dữ liệu Volunteer Kit")
    if document.get("version") != VERSION:
        raise BundleInvalid(
            f"bundle version {document.get('version')!r} is not supported; update Volunteer Kit",
            f"phiên bản gói {document.get('version')!r} không được hỗ trợ; hãy cập nhật Volunteer Kit",
        )
    records = document.get("records")
    for key in ("device_id", "commune_code", "hub_id"):
        if not isinstance(document.get(key), str):
            raise BundleInvalid(f"bundle.json has no {key}", f"bundle.json thiếu {key}")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise BundleInvalid("bundle.json has no list of records", "bundle.json thiếu danh sách bản ghi")
    if len(records) > MAX_BUNDLE_RECORDS:
        raise BundleInvalid("the bundle holds too many records", "gói chứa quá nhiều bản ghi")
    if len(signature) != SIGNATURE_BYTES:
        raise BundleInvalid("bundle.sig is not a signature", "bundle.sig không phải chữ ký")
    manifest = {k: v for k, v in document.items() if k != "records"}
    return Bundle(manifest=manifest, records=records, json_bytes=body, signature=signature)


def read_bundle(path: Path | str) -> Bundle:
    """A bundle from a file; raises BundleInvalid (or OSError when the file cannot be read)."""
    path = Path(path)
    if path.stat().st_size > MAX_BUNDLE_FILE_BYTES:
        raise BundleInvalid("the bundle file is too large", "tệp gói dữ liệu quá lớn")
    return parse_bundle(path.read_bytes())
