"""The officer device's certificate-signing key (Ed25519) and the trusted keys of the commune.

The private key lives only in the data folder (keys/issuer.key, PEM, readable by
its owner alone); its public part is an issuer_key fact that syncs, so every
device and the hub learn which keys may sign certificates. A key retired (or
declared compromised) by an issuer_key_retirement fact never signs again: it is
replaced by a new key the next time this device signs (certificates/retire.py).
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection

from volunteer_kit import paths
from volunteer_kit.certificates.payload import RetiredKey, key_id_for
from volunteer_kit.certificates.payload import retired_keys as payload_retired_keys
from volunteer_kit.errors import KnownError
from volunteer_kit.store import certificates as store
from volunteer_kit.store import key_retirements as retirements
from volunteer_kit.store.devices import profile

log = logging.getLogger("volunteer_kit.certificates")

KEY_FILE = "issuer.key"
# Tries at making a key whose serial part differs from every key this commune already knows.
_KEY_TRIES = 16


@dataclass(frozen=True)
class IssuerKey:
    key_id: str
    private_key: Ed25519PrivateKey

    @property
    def public_bytes(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def serial_part(self) -> str:
        """The middle part of this key's serials: the first 6 hex digits of its key id, upper case."""
        return self.key_id[:6].upper()


def key_path(data_dir: Path) -> Path:
    return paths.keys_dir(Path(data_dir)) / KEY_FILE


def _raw_public(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class KeyUnusable(KnownError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Không đọc được khóa ký chứng nhận {path} ({reason}). Hãy khôi phục tệp từ bản sao lưu; "
            "nếu không còn, đổi tên tệp để máy tạo khóa mới (chứng nhận cũ vẫn kiểm tra được).",
            f"The certificate signing key {path} cannot be read ({reason}). Restore the file from a backup; "
            "if there is none, rename the file so a new key is made (older certificates still verify).",
        )


def _write_private_key(path: Path, private_key: Ed25519PrivateKey) -> None:
    paths.ensure_private_dir(path.parent)
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    paths.write_private_file(path, pem)


def load_issuer_key(data_dir: Path) -> IssuerKey | None:
    """This device's key, or None when it has none yet."""
    path = key_path(data_dir)
    if not path.exists():
        return None
    try:
        private_key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise KeyUnusable(path, str(exc) or type(exc).__name__) from exc
    if not isinstance(private_key, Ed25519PrivateKey):
        raise KeyUnusable(path, "not an Ed25519 key")
    return IssuerKey(key_id_for(_raw_public(private_key)), private_key)


def own_key_id(data_dir: Path) -> str | None:
    """This device's key id, or None (no key yet, or a file that cannot be read: issuing says why)."""
    try:
        key = load_issuer_key(data_dir)
    except KeyUnusable:
        return None
    return key.key_id if key else None


def _new_key(conn: Connection) -> IssuerKey:
    """A fresh key whose serial part differs from every key this commune already knows."""
    taken = store.key_prefixes(conn)
    key = None
    for _ in range(_KEY_TRIES):
        private_key = Ed25519PrivateKey.generate()
        key = IssuerKey(key_id_for(_raw_public(private_key)), private_key)
        if key.serial_part not in taken:
            break
    assert key is not None
    return key


def ensure_issuer_key(conn: Connection, data_dir: Path) -> IssuerKey:
    """This officer device's signing key, made on first use; its public part becomes an issuer_key fact.

    A key that was retired (here, or declared compromised by another officer and come by sync) never
    signs again: it is replaced by a new one, whose file takes the old one's place.
    """
    key = load_issuer_key(data_dir)
    me = profile(conn)
    if key is not None and key.key_id in retired_key_ids(conn):
        log.warning("certificate signing key %s was retired: making a new one", key.key_id)
        key = None
    if key is None:
        key = _new_key(conn)
        # One atomic rename: the new key is whole on disk before the old file is gone.
        _write_private_key(key_path(data_dir), key.private_key)
        log.info("made certificate signing key %s", key.key_id)
    store.add_issuer_key(
        conn,
        key_id=key.key_id,
        public_key=base64.b64encode(key.public_bytes).decode("ascii"),
        volunteer_id=me.volunteer_id,
        commune_code=me.commune_code or "",
        device_id=me.device_id,
    )
    return key


def trusted_keys(conn: Connection) -> dict[str, str]:
    """{key id: base64 public key}: every issuer key this store knows (they arrive by sync).

    A retired key stays trusted for what it signed before; `retired_keys` says which ones."""
    return store.issuer_keys(conn)


def retired_keys(conn: Connection) -> dict[str, RetiredKey]:
    """{key id: RetiredKey} of every retired or compromised key this store knows (they arrive by sync)."""
    return payload_retired_keys(retirements.retirement_facts(conn))


def retired_key_ids(conn: Connection) -> set[str]:
    return {key_id for key_id, _at, _compromised in retirements.retirement_facts(conn)}
