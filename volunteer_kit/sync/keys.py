"""The device key made at enrollment: it signs this laptop's bundles (never stored in the database).

The private key lives in `<data folder>/keys/device.key` (PEM, owner-only); the
hub holds its public key, so a bundle carried on USB proves which device wrote it.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from volunteer_kit.sync.errors import SyncError

KEY_DIR = "keys"
KEY_FILE = "device.key"


def data_folder(engine: Engine) -> Path:
    """The data folder of a store: the folder of its database file."""
    database = engine.url.database
    if not database:
        raise ValueError("the store has no file")
    return Path(database).resolve().parent


def key_path(engine: Engine) -> Path:
    return data_folder(engine) / KEY_DIR / KEY_FILE


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def save_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Write the key owner-only, beside the target then renamed, so a half-written key never exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def load_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise SyncError(
            f"Không đọc được khóa của máy ({path}); hãy ghi danh lại với máy chủ xã.",
            f"Cannot read this laptop's key ({path}); enroll with the hub again.",
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SyncError(
            f"Tệp {path} không phải khóa Ed25519; hãy ghi danh lại.",
            f"{path} is not an Ed25519 key; enroll again.",
        )
    return key
