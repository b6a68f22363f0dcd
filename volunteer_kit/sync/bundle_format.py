"""The offline bundle file (docs/sync-protocol.md, "Bundles"): writing, reading and verifying it.

Pure functions shared by the device (which writes bundles) and the hub (which
verifies and applies them). No HTTP, no database, no Qt.

A bundle is a zip holding exactly two entries:
- `bundle.json`: UTF-8 JSON `{"format": "vk-bundle", "version": 1, "device_id", "commune_code",
  "hub_id", "created_at", "records": [record, ...]}`
- `bundle.sig`: the raw 64-byte Ed25519 signature of the exact `bundle.json` bytes.

Reading never trusts the file (docs/security.md, "Every input bounded"): the zip's size, entry count,
directory, declared sizes and compression ratio are checked before anything is inflated; bundle.json is
inflated into a buffer of its declared size (at most MAX_BUNDLE_JSON_BYTES, in proportion to
MAX_BUNDLE_RECORDS); only its header (the keys before "records", which every writer puts last)
is parsed before the hub checks the signature, and the records are then read one at a time.
"""

from __future__ import annotations

import base64
import codecs
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from volunteer_kit.sync import strict_json

FORMAT = "vk-bundle"
VERSION = 1
MANIFEST_NAME = "bundle.json"
SIGNATURE_NAME = "bundle.sig"
# Reading never trusts the file: the zip, its JSON and its record count are bounded.
MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024
MAX_BUNDLE_RECORDS = 200_000
# bundle.json is held in memory whole (its signature covers all of it), so its size is bounded in
# proportion to the record limit: 1 KiB a record on average (the app's records average ~0.7 KiB).
AVERAGE_RECORD_BYTES = 1024
HEADER_BYTES = 64 * 1024  # the keys before "records"
MAX_BUNDLE_JSON_BYTES = MAX_BUNDLE_RECORDS * AVERAGE_RECORD_BYTES + HEADER_BYTES
MAX_BUNDLE_RECORD_BYTES = 1024 * 1024  # one record's JSON
# Inflated size / compressed size of an entry: the app's bundles compress ~8:1, a zip bomb ~1000:1.
MAX_COMPRESSION_RATIO = 100
MAX_DIRECTORY_BYTES = 1024  # the zip's central directory of two entries (~130 bytes)
SIGNATURE_BYTES = 64

_EOCD = struct.Struct("<4s4H2LH")
_EOCD_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_BYTES = 20
_ONLY_TWO_EN = "not a bundle file (it must hold bundle.json and bundle.sig only)"
_ONLY_TWO_VI = "không phải tệp gói dữ liệu (chỉ được chứa bundle.json và bundle.sig)"
_CHUNK = 1024 * 1024
_WS = re.compile(r"[ \t\n\r]*")
_TAIL = re.compile(rb"[ \t\n\r]*\}[ \t\n\r]*\Z")
_DECODER = json.JSONDecoder()


class BundleInvalid(ValueError):
    """The file is not a well-formed bundle (the message is one English line; `vi` the Vietnamese)."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi


class BundleTooLarge(BundleInvalid):
    """The file, an entry or the record count is beyond the bounds (the hub answers 413)."""


@dataclass(frozen=True)
class Bundle:
    manifest: dict[str, Any]  # bundle.json's keys before its records
    json_bytes: bytes | bytearray  # all of bundle.json, as signed
    signature: bytes
    records_at: int  # byte offset in json_bytes just after the records list's "["

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """The records one at a time (bounded, see _iter_records); raises BundleInvalid."""
        return _iter_records(self.json_bytes, self.records_at)

    def count_records(self) -> int:
        """Reads every record once, keeping none: the whole file is checked before any is applied."""
        return sum(1 for _record in self.iter_records())

    @property
    def records(self) -> list[dict[str, Any]]:
        """Every record at once: for small bundles (tests, a device's own checks)."""
        return list(self.iter_records())

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


def verify_signature(
    data: bytes | bytearray, signature: bytes, public_key: str | bytes | Ed25519PublicKey
) -> bool:
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


def _end_of_directory(content: bytes) -> tuple[int, int, int]:
    """(entries, directory size, offset of the record) of the zip's end-of-central-directory
    record, found where zipfile finds it (the last 22 bytes, else the last one in the comment
    space), so the counts checked here are the ones zipfile will use."""
    tail = content[-_EOCD.size :]
    if len(tail) == _EOCD.size and tail.startswith(_EOCD_SIGNATURE) and tail.endswith(b"\0\0"):
        at = len(content) - _EOCD.size
    else:
        at = content.rfind(_EOCD_SIGNATURE, max(0, len(content) - _EOCD.size - (1 << 16)))
    if at < 0 or len(content) - at < _EOCD.size:
        raise BundleInvalid("not a bundle file (not a zip)", "không phải tệp gói dữ liệu (không phải zip)")
    _sig, _disk, _disk_cd, _here, entries, directory_size, _offset, _comment = _EOCD.unpack_from(content, at)
    return entries, directory_size, at


def check_archive(content: bytes) -> zipfile.ZipFile:
    """The bundle's zip, opened after the checks that cost nothing: the file's size, two entries,
    a small directory and no zip64 (read from the raw bytes, before zipfile lists anything), then
    each entry's name, method and declared size, and its compression ratio. Nothing is inflated.

    Raises BundleTooLarge or BundleInvalid.
    """
    if len(content) > MAX_BUNDLE_FILE_BYTES:
        raise BundleTooLarge("the bundle file is too large", "tệp gói dữ liệu quá lớn")
    entries, directory_size, at = _end_of_directory(content)
    zip64 = at >= _ZIP64_LOCATOR_BYTES and content[at - _ZIP64_LOCATOR_BYTES : at][:4] == _ZIP64_LOCATOR
    if entries != 2 or directory_size > MAX_DIRECTORY_BYTES or zip64:
        raise BundleInvalid(_ONLY_TWO_EN, _ONLY_TWO_VI)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BundleInvalid(
            "not a bundle file (not a zip)", "không phải tệp gói dữ liệu (không phải zip)"
        ) from exc
    infos = archive.infolist()
    if sorted(info.filename for info in infos) != [MANIFEST_NAME, SIGNATURE_NAME]:
        raise BundleInvalid(_ONLY_TWO_EN, _ONLY_TWO_VI)
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise BundleInvalid(
                f"{info.filename} is stored in a way bundles never are (method or encryption)",
                f"{info.filename} được lưu theo cách gói dữ liệu không bao giờ dùng (nén lạ hoặc mã hoá)",
            )
        cap = MAX_BUNDLE_JSON_BYTES if info.filename == MANIFEST_NAME else SIGNATURE_BYTES
        if info.file_size > cap or info.file_size > info.compress_size * MAX_COMPRESSION_RATIO + 4096:
            raise BundleTooLarge(
                f"{info.filename} is too large (it would inflate to {info.file_size} bytes)",
                f"{info.filename} quá lớn (sẽ giải nén thành {info.file_size} byte)",
            )
    return archive


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytearray:
    """An entry's bytes, inflated chunk by chunk into a buffer of its declared size (checked by
    check_archive): an entry that inflates to more, or less, than it declares is refused."""
    out = bytearray(info.file_size)
    view = memoryview(out)
    filled = 0
    # In read mode ZipFile.open gives a ZipExtFile (typed as a plain IO[bytes], which has no readinto).
    with cast(zipfile.ZipExtFile, archive.open(info)) as handle:
        while filled < len(out):
            got = handle.readinto(view[filled : filled + _CHUNK])
            if not got:
                break
            filled += got
        if filled != len(out) or handle.read(1):
            raise BundleInvalid(
                f"{info.filename} does not inflate to its declared size",
                f"{info.filename} không giải nén đúng kích thước đã khai",
            )
    view.release()
    return out


def parse_bundle(content: bytes) -> Bundle:
    """A bundle from the bytes of its zip file; raises BundleInvalid (BundleTooLarge for sizes).

    Reads the zip within its bounds (check_archive), bundle.json's bytes and its header (every
    key before "records"); the records are not read here (Bundle.iter_records) and the
    signature is not checked here (Bundle.signature_ok): the hub checks it before reading them.
    """
    archive = check_archive(content)
    with archive:
        try:
            signature = bytes(_read_entry(archive, archive.getinfo(SIGNATURE_NAME)))
            body = _read_entry(archive, archive.getinfo(MANIFEST_NAME))
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error) as exc:
            raise BundleInvalid("the bundle file is damaged", "tệp gói dữ liệu bị hỏng") from exc
    if len(signature) != SIGNATURE_BYTES:
        raise BundleInvalid("bundle.sig is not a signature", "bundle.sig không phải chữ ký")
    manifest, records_at = _read_header(body)
    if manifest.get("format") != FORMAT:
        raise BundleInvalid("not a Volunteer Kit bundle", "không phải gói dữ liệu Volunteer Kit")
    if manifest.get("version") != VERSION:
        version = repr(manifest.get("version"))[:20]
        raise BundleInvalid(
            f"bundle version {version} is not supported; update Volunteer Kit",
            f"phiên bản gói {version} không được hỗ trợ; hãy cập nhật Volunteer Kit",
        )
    for key in ("device_id", "commune_code", "hub_id"):
        value = manifest.get(key)
        if not isinstance(value, str) or not value or len(value) > 64 or not value.isprintable():
            raise BundleInvalid(f"bundle.json has no valid {key}", f"bundle.json thiếu {key} hợp lệ")
    return Bundle(manifest=manifest, json_bytes=body, signature=signature, records_at=records_at)


def _not_json(what: str = "bundle.json") -> BundleInvalid:
    return BundleInvalid(f"{what} is not valid JSON", f"{what} không phải JSON hợp lệ")


def _decode(body: bytes | bytearray, start: int, size: int) -> tuple[str, bool]:
    """bundle.json's text from byte `start`, about `size` bytes of it (a character cut at the end
    is left for the next window), and whether it reaches the end."""
    final = start + size >= len(body)
    try:
        text, _used = codecs.utf_8_decode(memoryview(body)[start : start + size], "strict", final)
    except UnicodeDecodeError as exc:
        raise BundleInvalid(
            f"bundle.json is not valid UTF-8 (byte {start + exc.start})",
            f"bundle.json không phải UTF-8 hợp lệ (byte {start + exc.start})",
        ) from exc
    return text, final


def _skip_space(text: str, i: int) -> int:
    """The index past the JSON whitespace at i (_WS matches the empty string: it always matches)."""
    found = _WS.match(text, i)
    return found.end() if found else i


def _read_header(body: bytes | bytearray) -> tuple[dict[str, Any], int]:
    """The keys of bundle.json before "records" (every bundle ever written puts the records last)
    and the byte offset just after the records list's "[", read from its first HEADER_BYTES."""
    text, _final = _decode(body, 0, HEADER_BYTES)
    manifest: dict[str, Any] = {}
    i = _skip_space(text, 0)
    if text[i : i + 1] != "{":
        raise _not_json()
    i += 1
    while True:
        i = _skip_space(text, i)
        try:
            key, i = _DECODER.raw_decode(text, i)
            i = _skip_space(text, i)
            if not isinstance(key, str) or text[i : i + 1] != ":":
                raise ValueError("a key and a colon")
            i = _skip_space(text, i + 1)
            if key == "records":
                if text[i : i + 1] != "[":
                    raise BundleInvalid(
                        "bundle.json has no list of records", "bundle.json thiếu danh sách bản ghi"
                    )
                return manifest, len(text[: i + 1].encode("utf-8"))
            start = i
            manifest[key], i = _DECODER.raw_decode(text, i)
        except (ValueError, RecursionError) as exc:
            raise BundleInvalid(
                "bundle.json's header (the keys before its records) is not valid JSON or too long",
                "phần đầu của bundle.json (trước danh sách bản ghi) không phải JSON hợp lệ hoặc quá dài",
            ) from exc
        if strict_json.may_hold_surrogate(text, start, i) and strict_json.has_lone_surrogate(manifest[key]):
            raise _lone_surrogate()
        i = _skip_space(text, i)
        if text[i : i + 1] != ",":
            raise BundleInvalid("bundle.json has no list of records", "bundle.json thiếu danh sách bản ghi")
        i += 1


def _lone_surrogate() -> BundleInvalid:
    return BundleInvalid(
        "bundle.json holds text that is not valid Unicode (a lone surrogate escape)",
        "bundle.json chứa văn bản không phải Unicode hợp lệ (một mã \\uD800-\\uDFFF đứng lẻ)",
    )


def _iter_records(body: bytes | bytearray, start: int) -> Iterator[dict[str, Any]]:
    """The records of bundle.json one by one, from byte `start` (just after "["), reading it in
    windows of MAX_BUNDLE_RECORD_BYTES: memory stays one record and one window whatever the
    file holds. Raises BundleInvalid on the first record that is not an object of at most
    MAX_BUNDLE_RECORD_BYTES, nests too deeply or holds a lone surrogate, or past
    MAX_BUNDLE_RECORDS records."""
    count = 0
    expect = "first"  # then "next" (after a record: "," or "]"), "record" (after a ",")
    while True:
        text, final = _decode(body, start, MAX_BUNDLE_RECORD_BYTES)
        i = 0
        while True:
            i = _skip_space(text, i)
            if i == len(text):
                break  # the rest is in the next window
            if expect != "record" and text[i] == "]":
                if not _TAIL.match(body, start + len(text[: i + 1].encode("utf-8"))):
                    raise _not_json()
                return
            if expect == "next":
                if text[i] != ",":
                    raise _not_json()
                expect, i = "record", i + 1
                continue
            try:
                record, end = _DECODER.raw_decode(text, i)
            except RecursionError as exc:
                raise BundleInvalid(
                    f"record {count + 1} of bundle.json is nested too deeply",
                    f"bản ghi {count + 1} của bundle.json lồng nhau quá sâu",
                ) from exc
            except ValueError as exc:
                if final or i == 0:  # not JSON, or one record larger than a whole window
                    raise BundleInvalid(
                        f"record {count + 1} of bundle.json is not valid JSON or larger than "
                        f"{MAX_BUNDLE_RECORD_BYTES} bytes",
                        f"bản ghi {count + 1} của bundle.json không phải JSON hợp lệ hoặc lớn hơn "
                        f"{MAX_BUNDLE_RECORD_BYTES} byte",
                    ) from exc
                break  # cut by the window's end: read it again from its start
            if not isinstance(record, dict):
                raise BundleInvalid(
                    "bundle.json has a record that is not an object",
                    "bundle.json có bản ghi không phải đối tượng",
                )
            if strict_json.may_hold_surrogate(text, i, end) and strict_json.has_lone_surrogate(record):
                raise _lone_surrogate()
            count += 1
            if count > MAX_BUNDLE_RECORDS:
                raise BundleTooLarge("the bundle holds too many records", "gói chứa quá nhiều bản ghi")
            yield record
            expect, i = "next", end
        if final:
            raise BundleInvalid("bundle.json is cut short", "bundle.json bị thiếu phần cuối")
        start += len(text[:i].encode("utf-8"))


def read_bundle(path: Path | str) -> Bundle:
    """A bundle from a file; raises BundleInvalid (or OSError when the file cannot be read)."""
    path = Path(path)
    if path.stat().st_size > MAX_BUNDLE_FILE_BYTES:
        raise BundleInvalid("the bundle file is too large", "tệp gói dữ liệu quá lớn")
    return parse_bundle(path.read_bytes())
