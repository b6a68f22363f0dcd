"""One writer for every private key (`paths.write_private_file`): owner-only from the first byte,
whole or absent, an old key intact when a write fails; and `paths` alone names the data folders."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import volunteer_kit
from volunteer_kit import paths

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def old_key() -> bytes:
    """A real private key, made for the test (no key is ever committed)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask of most desktops (022): files are made 0644 unless we say so."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@posix_only
def test_a_private_file_is_owner_only_and_alone_in_its_folder(tmp_path: Path) -> None:
    key = tmp_path / "keys" / "device.key"
    paths.write_private_file(key, b"secret")
    assert key.read_bytes() == b"secret"
    assert mode(key) == 0o600
    assert [p.name for p in key.parent.iterdir()] == ["device.key"]


@posix_only
def test_a_key_left_readable_by_all_is_replaced_owner_only(tmp_path: Path, old_key: bytes) -> None:
    key = tmp_path / "issuer.key"
    key.write_bytes(old_key)
    os.chmod(key, 0o644)
    paths.write_private_file(key, b"new")
    assert key.read_bytes() == b"new" and mode(key) == 0o600


def test_a_failed_write_keeps_the_old_key_and_leaves_no_temp_file(tmp_path: Path, old_key: bytes) -> None:
    key = tmp_path / "issuer.key"
    key.write_bytes(old_key)
    with pytest.raises(TypeError):
        paths.write_private_file(key, "not bytes")  # type: ignore[arg-type]  # fails mid-write
    assert key.read_bytes() == old_key
    assert [p.name for p in tmp_path.iterdir()] == ["issuer.key"]


def test_a_failed_rename_leaves_no_temp_file(tmp_path: Path) -> None:
    taken = tmp_path / "hub-tls-key.pem"
    (taken / "inside").mkdir(parents=True)  # a folder in the way: the rename fails
    with pytest.raises(OSError):
        paths.write_private_file(taken, b"secret")
    assert [p.name for p in tmp_path.iterdir()] == ["hub-tls-key.pem"]
    assert [p.name for p in taken.iterdir()] == ["inside"]


@posix_only
def test_the_hub_tls_key_does_not_take_the_mode_of_a_leftover_temp_file(tmp_path: Path) -> None:
    from volunteer_kit.hub.tls import KEY_FILE, self_signed

    leftover = tmp_path / f"{KEY_FILE}.tmp"  # what an interrupted older write left, readable by all
    leftover.write_bytes(b"")
    os.chmod(leftover, 0o644)
    self_signed(tmp_path, ["localhost"])
    assert mode(tmp_path / KEY_FILE) == 0o600


@posix_only
def test_a_new_publisher_key_is_owner_only_and_its_public_key_readable(tmp_path: Path) -> None:
    from volunteer_kit.packs.signing import generate_key

    _key_id, public = generate_key(tmp_path / "publisher.key")
    assert mode(tmp_path / "publisher.key") == 0o600
    assert mode(public) == 0o644  # the public half is meant to be handed out


# `<something> / "packs"`, `Path("keys")` or `SOME_DIR = "logs"`: a data folder named by hand.
HAND_BUILT = re.compile(
    r"""(/\s*|Path\(\s*|_DIR\s*=\s*)["'](packs|keys|backups|logs)["']|["']\.staging-["']"""
)


def test_only_paths_names_the_data_folders() -> None:
    package = Path(volunteer_kit.__file__).parent
    found = [
        f"{source.relative_to(package)}:{number}: {line.strip()}"
        for source in sorted(package.rglob("*.py"))
        if source.name != "paths.py" or source.parent != package
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
        if HAND_BUILT.search(line)
    ]
    assert found == []
