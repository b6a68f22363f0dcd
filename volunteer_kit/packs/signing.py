"""Ed25519 signatures of lesson packs, and the trusted publishers of this data folder.

A pack's signature covers its manifest (with every file's SHA-256) in a
canonical JSON form, so one signature vouches for every byte of the pack.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from volunteer_kit import paths
from volunteer_kit.errors import InvalidInput

TRUSTED_FILE = "trusted-publishers.json"


def canonical(manifest: dict[str, Any]) -> bytes:
    """The bytes a signature covers: the manifest without its signature, keys sorted."""
    unsigned = {key: value for key, value in manifest.items() if key != "signature"}
    return json.dumps(unsigned, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_text(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def generate_key(out: Path) -> tuple[str, Path]:
    """Write a new private key (PEM, owner-only) to `out` and its public key beside it."""
    if out.exists():
        raise InvalidInput(
            f"Tệp {out} đã có; không ghi đè khóa.", f"{out} already exists; a key is never overwritten."
        )
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    paths.write_private_file(out, pem)
    public = private.public_key()
    public_path = out.with_name(out.name + ".pub")
    public_path.write_text(
        json.dumps({"key_id": key_id(public), "public_key": public_text(public)}, indent=2) + "\n"
    )
    return key_id(public), public_path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise InvalidInput(
            f"Không đọc được khóa riêng {path}: {exc}", f"Cannot read the private key {path}: {exc}"
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise InvalidInput(f"{path} không phải khóa Ed25519.", f"{path} is not an Ed25519 key.")
    return key


def sign_manifest(manifest: dict[str, Any], private: Ed25519PrivateKey) -> dict[str, Any]:
    signature = private.sign(canonical(manifest))
    return {
        **manifest,
        "signature": {"key_id": key_id(private.public_key()), "value": base64.b64encode(signature).decode()},
    }


@dataclass(frozen=True)
class Publisher:
    key_id: str
    name: str
    public_key: Ed25519PublicKey


def trusted_publishers(folder: Path | None = None) -> dict[str, Publisher]:
    """The publishers this data folder trusts: {key id: Publisher} from trusted-publishers.json."""
    path = (folder or paths.data_dir()) / TRUSTED_FILE
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"Tệp {path} hỏng: {exc}", f"{path} is damaged: {exc}") from exc
    trusted = {}
    for entry in entries:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"]))
        trusted[key_id(public)] = Publisher(key_id(public), entry.get("name", ""), public)
    return trusted


def trust_publisher(public_file: Path, name: str, folder: Path | None = None) -> str:
    """Add the public key in `public_file` (as written by generate_key) to the trusted list."""
    data = json.loads(public_file.read_text(encoding="utf-8"))
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(data["public_key"]))
    path = (folder or paths.data_dir()) / TRUSTED_FILE
    entries = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    entries = [e for e in entries if e.get("public_key") != data["public_key"]]
    entries.append({"name": name, "public_key": data["public_key"]})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return key_id(public)


def verify(manifest: dict[str, Any], trusted: dict[str, Publisher]) -> str:
    """ "trusted", "unsigned", "unknown-publisher" or "bad-signature"."""
    signature = manifest.get("signature")
    if not signature:
        return "unsigned"
    publisher = trusted.get(signature.get("key_id", ""))
    if publisher is None:
        return "unknown-publisher"
    try:
        publisher.public_key.verify(base64.b64decode(signature["value"]), canonical(manifest))
    except (InvalidSignature, ValueError):
        return "bad-signature"
    return "trusted"
