"""Every path the app uses, in one place.

The data folder is the platformdirs user data folder unless `--data-dir` or
VOLUNTEER_KIT_HOME says otherwise; tests point it at a temporary folder.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import sys
import uuid
from pathlib import Path

import platformdirs

from volunteer_kit import APP_ID

log = logging.getLogger("volunteer_kit.paths")

ENV_HOME = "VOLUNTEER_KIT_HOME"
DB_FILE_NAME = "volunteer-kit.sqlite3"
# The data folders hold the device token, the keys and personal data: owner-only on POSIX.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
# The folders inside a data folder (the laptop's and the hub's); only this module joins them.
PACKS_DIR_NAME = "packs"
KEYS_DIR_NAME = "keys"
BACKUPS_DIR_NAME = "backups"
LOGS_DIR_NAME = "logs"
# An import unpacks into <packs>/.staging-<random> and renames it into place when it checks out.
PACK_STAGING_PREFIX = ".staging-"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Use this folder for data from now on (the `--data-dir` option)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def is_chosen() -> bool:
    """Whether the data folder was named (--data-dir or $VOLUNTEER_KIT_HOME), not the default."""
    return _override is not None or bool(os.environ.get(ENV_HOME))


def data_dir() -> Path:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def ensure_data_dir() -> Path:
    return ensure_private_dir(data_dir())


def restrict(path: Path, mode: int) -> None:
    """Narrow `path` to `mode` on POSIX where it is wider (a missing path is left alone); a file
    system that cannot (a FAT USB stick) is logged, not fatal: the data still has to be usable."""
    if os.name != "posix":
        return
    try:
        if stat.S_IMODE(path.stat().st_mode) & ~mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        return
    except OSError as exc:
        log.warning("could not restrict %s to %o: %s", path, mode, exc)


def ensure_private_dir(folder: Path) -> Path:
    """Make `folder` (and its parents) if missing, and keep the folder itself owner-only (0700),
    tightening one left wider by an older version or by hand. A shared folder (sticky, like /tmp)
    or another user's is never changed, even by root: a store put there is only made 0600."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix":
        info = folder.stat()
        if info.st_mode & stat.S_ISVTX or info.st_uid != os.getuid():
            log.warning("left the permissions of the shared folder %s as they are", folder)
            return folder
    restrict(folder, PRIVATE_DIR_MODE)
    return folder


def ensure_private_database(path: Path) -> None:
    """Keep a SQLite database owner-only (0600): a new one is made so before anything is in it; an
    existing one and its -wal/-shm/-journal files are tightened.

    SQLite gives the -wal and -shm files it creates the mode of the database file, so making the
    file 0600 first is enough for them. The new file is written under a temporary name and renamed,
    so the path never holds an empty file (the store refuses one as damaged).
    """
    if os.name != "posix":
        return
    if path.exists():
        for file in (path, *(path.with_name(path.name + end) for end in SQLITE_COMPANIONS)):
            restrict(file, PRIVATE_FILE_MODE)
        return
    new = path.with_name(f"{path.name}.{os.getpid()}.new")
    new.unlink(missing_ok=True)
    try:
        os.close(os.open(new, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
        conn = sqlite3.connect(new)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # writes the header: a valid, empty database
        finally:
            conn.close()
        try:
            os.link(new, path)  # never replaces a database another process made meanwhile
        except FileExistsError:
            pass
        except OSError as exc:  # no hard links here (FAT): SQLite makes the file, modes mean little
            log.warning("could not make %s owner-only: %s", path, exc)
    finally:
        new.unlink(missing_ok=True)


def database_path() -> Path:
    return data_dir() / DB_FILE_NAME


def _in(folder: Path | None, name: str) -> Path:
    return (data_dir() if folder is None else Path(folder)) / name


def packs_dir(folder: Path | None = None) -> Path:
    """The installed lesson packs of a data folder (this laptop's unless `folder` is given)."""
    return _in(folder, PACKS_DIR_NAME)


def pack_staging_dir(packs: Path | None = None) -> Path:
    """A fresh, unused name for an import's staging folder inside the packs folder."""
    return (packs_dir() if packs is None else packs) / f"{PACK_STAGING_PREFIX}{uuid.uuid4().hex}"


def keys_dir(folder: Path | None = None) -> Path:
    """The private keys of a data folder (owner-only, never in the database or a backup of it)."""
    return _in(folder, KEYS_DIR_NAME)


def backups_dir(folder: Path | None = None) -> Path:
    return _in(folder, BACKUPS_DIR_NAME)


def logs_dir(folder: Path | None = None) -> Path:
    return _in(folder, LOGS_DIR_NAME)


def write_private_file(path: Path, data: bytes) -> None:
    """Write a private key (or any secret) so that it is owner-only (0600) from its first byte and
    whole or absent: a temp file beside it, fsynced, renamed over `path` in one step, the folder
    fsynced. A mode that cannot be set is an error, never ignored: a key others can read is leaked.
    On any failure the temp file is removed and an older `path` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as out:
            if os.name == "posix":
                os.fchmod(out.fileno(), PRIVATE_FILE_MODE)  # the umask may have narrowed it further
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` survive a power cut (POSIX; Windows has no folder handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def settings_path() -> Path:
    return data_dir() / "settings.json"


def install_root() -> Path:
    """Where resources/ and lessons/ live: the PyInstaller bundle, the installed package (a
    plain `pip install .` puts them inside it, see pyproject.toml) or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    if (package / "resources").is_dir():
        return package
    return package.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def lessons_dir() -> Path:
    return install_root() / "lessons"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
