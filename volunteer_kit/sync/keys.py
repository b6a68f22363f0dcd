"""The device key made at enrollment: it signs this laptop's bundles (never stored in the database).

The private key lives in `<data folder>/keys/device.key` (PEM, owner-only); the
hub holds its public key, so a bundle carried on USB proves which device wrote it.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from volunteer_kit import paths
from volunteer_kit.sync.errors import SyncError

KEY_FILE = "device.key"


def data_folder(engine: Engine) -> Path:
    """The data folder of a store: the folder of its database file."""
    database = engine.url.database
    if not database:
        raise ValueError("the store has no file")
    return Path(database).resolve().parent


def key_path(engine: Engine) -> Path:
    return paths.keys_dir(data_folder(engine)) / KEY_FILE


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def save_key(path: Path, key: Ed25519PrivateKey) -> None:
    """Write the key owner-only, beside the target then renamed, so a half-written key never exists."""
    paths.ensure_private_dir(path.parent)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    paths.write_private_file(path, pem)


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
