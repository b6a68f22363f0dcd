"""Secrets at rest on POSIX: the data folders are owner-only (0700), and the store (with the device
token), the hub database and every private key are owner-only files (0600), from the first byte,
whatever the umask; a folder or store left wider by an older version is tightened at start."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli

from volunteer_kit import paths
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sqlite_files(database: Path) -> list[Path]:
    """The database and whichever of its -wal/-shm files exist now."""
    return [p for p in (database, *(Path(f"{database}{end}") for end in ("-wal", "-shm"))) if p.exists()]


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask of most desktops (022): files are made 0644 and folders 0755 unless we say so."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_store_is_owner_only_with_its_wal_and_shm(tmp_path: Path) -> None:
    database = tmp_path / "home" / "volunteer-kit" / paths.DB_FILE_NAME
    engine = open_store(database)
    try:
        ensure_device(engine)  # a write: the -wal and -shm files exist while the store is open
        names = {p.name for p in sqlite_files(database)}
        assert {database.name, f"{database.name}-wal", f"{database.name}-shm"} <= names
        assert {p.name: mode(p) for p in sqlite_files(database)} == dict.fromkeys(names, 0o600)
        assert mode(database.parent) == 0o700
    finally:
        engine.dispose()


def test_a_wider_data_folder_and_store_are_tightened_at_start_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    database = folder / paths.DB_FILE_NAME
    engine = open_store(database)
    ensure_device(engine)
    engine.dispose()
    notes = folder / "notes.txt"  # the user's own file, beside ours
    notes.write_text("ghi chú")
    for path in (folder, *sqlite_files(database)):
        os.chmod(path, 0o777 if path.is_dir() else 0o644)
    os.chmod(notes, 0o644)

    engine = open_store(database)
    try:
        assert mode(folder) == 0o700
        assert {mode(p) for p in sqlite_files(database)} == {0o600}
        assert mode(notes) == 0o644
    finally:
        engine.dispose()


def test_a_shared_folder_like_tmp_is_never_changed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    engine = open_store(shared / paths.DB_FILE_NAME)
    try:
        assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
        assert {mode(p) for p in sqlite_files(shared / paths.DB_FILE_NAME)} == {0o600}
    finally:
        engine.dispose()


def test_the_cli_demo_leaves_no_readable_store(tmp_path: Path) -> None:
    home = tmp_path / "Nguyễn Văn Ánh" / "volunteer-kit"
    done = run_cli("--lang", "en", "demo", "--learners", "20", data_dir=home)
    assert done.returncode == 0, done.stderr
    assert mode(home) == 0o700
    assert {mode(p) for p in sqlite_files(home / paths.DB_FILE_NAME)} == {0o600}


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "existing-0755-folder"])
def test_hub_serve_makes_its_folder_and_database_owner_only(tmp_path: Path, existing: bool) -> None:
    from volunteer_kit.hub.serve import spawn_local_hub

    folder = tmp_path / "hub"
    if existing:
        folder.mkdir(mode=0o755)
    process, _url = spawn_local_hub(folder)
    try:
        database = folder / "hub.sqlite3"
        assert mode(folder) == 0o700
        assert {p.name for p in sqlite_files(database)} >= {"hub.sqlite3", "hub.sqlite3-wal"}
        assert {mode(p) for p in sqlite_files(database)} == {0o600}
    finally:
        process.terminate()
        process.wait(10)


def test_every_private_key_is_written_owner_only(engine, data_dir: Path, tmp_path: Path) -> None:
    from volunteer_kit.certificates.keys import ensure_issuer_key, key_path
    from volunteer_kit.packs.signing import generate_key
    from volunteer_kit.sync import keys

    # A temporary file left by an interrupted write, readable by all, must not lend its mode.
    leftover = key_path(data_dir).with_suffix(".tmp")
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"")
    os.chmod(leftover, 0o644)
    with engine.begin() as conn:
        ensure_issuer_key(conn, data_dir)
    device_key = keys.key_path(engine)
    keys.save_key(device_key, keys.new_key())
    publisher_key = tmp_path / "publisher.key"
    generate_key(publisher_key)

    for key in (key_path(data_dir), device_key, publisher_key):
        assert mode(key) == 0o600, key
    assert mode(key_path(data_dir).parent) == 0o700
    assert mode(device_key.parent) == 0o700
