"""The pack library of a data folder: the bundled packs plus those imported from files.

Imported packs live in <data>/packs/<pack id>/<version>/. An import unpacks into
a staging folder beside them, checks everything there, and only then renames
the folder into place (one atomic step): a refused or interrupted import leaves
nothing in the library, and a newer version installs beside the older one. A pack
folder is checked in place before anything is written (packs/folder.py). While an
import runs, its staging folder is locked; what a killed import left is moved aside
and deleted in the background, so the next import does not wait for it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import stat
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volunteer_kit import paths
from volunteer_kit.errors import KnownError
from volunteer_kit.packs import fields, signing
from volunteer_kit.packs.archive import extract_archive
from volunteer_kit.packs.folder import check_folder, copy_folder
from volunteer_kit.packs.reader import INSTALL_INFO, MANIFEST, Pack, PackInvalid, read_pack

log = logging.getLogger("volunteer_kit.packs")

STAGING_PREFIX = paths.PACK_STAGING_PREFIX
LOCK_SUFFIX = ".lock"  # beside a staging folder, locked while its import runs
TRASH_PREFIX = ".trash-"  # a leftover staging folder moved aside, being deleted
# bundled: shipped with the app; trusted: signed by a trusted publisher; unsigned and
# unknown-publisher: imported after an explicit confirmation, and marked so everywhere.
TRUST_STATES = ("bundled", "trusted", "unsigned", "unknown-publisher")


class PackNotTrusted(KnownError):
    def __init__(self, state: str) -> None:
        if state == "bad-signature":
            super().__init__(
                "Chữ ký của gói bài học không đúng: gói đã bị sửa hoặc hỏng; không nhập.",
                "The pack's signature does not match: it was altered or damaged; not imported.",
            )
        else:
            what_vi = "chưa được ký" if state == "unsigned" else "do nhà phát hành chưa được tin cậy ký"
            what_en = "is not signed" if state == "unsigned" else "is signed by an unknown publisher"
            super().__init__(
                f"Gói bài học {what_vi}. Chỉ nhập nếu bạn tin nguồn của nó (--allow-unsigned).",
                f"The pack {what_en}. Import it only if you trust where it came from (--allow-unsigned).",
            )
        self.state = state


class PackVersionConflict(KnownError):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"Đã có gói {key} với nội dung khác; nhà phát hành phải tăng số phiên bản.",
            f"A different pack {key} is already installed; the publisher must raise the version.",
        )


@dataclass(frozen=True)
class LibraryPack:
    pack: Pack
    trust: str
    source: str  # "bundled" or "imported"

    def summary(self) -> dict[str, Any]:
        manifest = self.pack.manifest
        return {
            "id": manifest.id,
            "version": manifest.version,
            "title": {"vi": manifest.title.vi, "en": manifest.title.en},
            "competencies": list(manifest.competencies),
            "lessons": len(self.pack.lessons),
            "steps": sum(len(lesson.steps) for lesson in self.pack.lessons),
            "questions": len(self.pack.quiz.questions),
            "skill_checks": len(manifest.skill_checks),
            "estimated_minutes": manifest.estimated_minutes,
            "publisher": manifest.publisher.name,
            "trust": self.trust,
            "source": self.source,
        }


@dataclass(frozen=True)
class InstallResult:
    entry: LibraryPack
    already_installed: bool


def library_dir() -> Path:
    return paths.packs_dir()


def list_library(*, bundled_dir: Path | None = None, library: Path | None = None) -> list[LibraryPack]:
    """Every pack this data folder can teach from; packs that fail their check are logged and left out."""
    entries: list[LibraryPack] = []
    values = fields.local_values()  # the commune's names in the packs' text
    for folder in sorted((bundled_dir or paths.lessons_dir()).glob(f"*/{MANIFEST}")):
        try:
            pack = read_pack(folder.parent, check_hashes=False, values=values)
            entries.append(LibraryPack(pack, "bundled", "bundled"))
        except KnownError as exc:
            log.warning("bundled pack %s skipped: %s", folder.parent.name, exc.en)
    for info in sorted((library or library_dir()).glob(f"*/*/{INSTALL_INFO}")):
        try:
            trust = json.loads(info.read_text(encoding="utf-8"))["trust"]
            entries.append(LibraryPack(read_pack(info.parent, values=values), trust, "imported"))
        except (KnownError, OSError, ValueError, KeyError) as exc:
            log.warning("installed pack %s skipped: %s", info.parent, exc)
    entries.sort(key=lambda e: (e.pack.manifest.id, e.pack.manifest.version_tuple()))
    return entries


def install_pack(
    source: Path,
    *,
    allow_unsigned: bool = False,
    library: Path | None = None,
    trusted: dict[str, signing.Publisher] | None = None,
) -> InstallResult:
    """Import the archive (or folder) at `source` into the library, all or nothing."""
    library = library or library_dir()
    checked = None
    if _source_kind(source) == "folder":
        # Every check of a folder runs before the library is touched.
        checked = check_folder(source, keep_out=(paths.data_dir(), library))
    library.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(library)
    with _staging(library) as staging:
        if checked is not None:
            digests = copy_folder(checked, staging)
        else:
            digests = extract_archive(source, staging)
            manifest_data = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
            if not manifest_data.get("files"):
                raise PackInvalid(
                    ["manifest.json: files: an archive lists every file's SHA-256 (use packs build)"]
                )
        pack = read_pack(staging, digests=digests)
        manifest_data = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
        state = signing.verify(
            manifest_data, trusted if trusted is not None else signing.trusted_publishers()
        )
        if state == "bad-signature" or (state != "trusted" and not allow_unsigned):
            raise PackNotTrusted(state)
        target = library / pack.manifest.id / pack.manifest.version
        if target.exists():
            installed = read_pack(target)
            if installed.files != pack.files:
                raise PackVersionConflict(pack.key)
            trust = json.loads((target / INSTALL_INFO).read_text(encoding="utf-8"))["trust"]
            return InstallResult(LibraryPack(installed, trust, "imported"), already_installed=True)
        (staging / INSTALL_INFO).write_text(json.dumps({"trust": state}) + "\n", encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(target)  # the one step that makes the pack appear
        log.info("installed pack %s (%s)", pack.key, state)
        installed = dataclasses.replace(pack, root=target)
        return InstallResult(LibraryPack(installed, state, "imported"), already_installed=False)


def _source_kind(source: Path) -> str:
    """Whether `source` is a "folder" or an "archive".

    Anything else (missing, a device, a pipe) is refused before it is opened: a pipe opened
    as a zip waits for a writer forever.
    """
    try:
        mode = source.stat().st_mode
    except FileNotFoundError:
        raise KnownError(
            f"Không có {source}; hãy chọn một thư mục gói bài học hoặc tệp .vkpack.",
            f"{source} does not exist; choose a lesson pack folder or a .vkpack file.",
        ) from None
    except OSError as exc:
        raise KnownError(
            f"Không đọc được {source} ({exc.strerror or exc}).",
            f"Cannot read {source} ({exc.strerror or exc}).",
        ) from exc
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "archive"
    raise KnownError(
        f"{source} không phải thư mục gói bài học cũng không phải tệp .vkpack.",
        f"{source} is neither a lesson pack folder nor a .vkpack file.",
    )


@contextmanager
def _staging(library: Path) -> Iterator[Path]:
    """A fresh staging folder in the library, removed unless it was renamed into place.

    While the import runs it holds an OS lock on `<staging>.lock`, so another import knows the
    folder is in use; the OS drops the lock when the process dies, which marks a leftover.
    """
    staging = paths.pack_staging_dir(library)
    lock = _lock_path(staging)
    held = _try_lock(lock)
    if held is None:  # a fresh random name: nobody else can hold it
        raise RuntimeError(f"cannot lock the new {lock}")
    try:
        staging.mkdir()
        try:
            yield staging
        finally:
            _remove_tree(staging)  # bounded by the import limits, so this is quick
    finally:
        _release(held, lock)


def _clear_leftovers(library: Path) -> None:
    """Move the staging folders of killed imports out of the way, one rename each, and delete
    them on a background thread: an import never waits for a leftover, however big it is.

    A leftover half deleted when the process ended is picked up again by the next import.
    """
    claimed = []
    for path in library.glob(f"{STAGING_PREFIX}*"):
        if path.name.endswith(LOCK_SUFFIX):
            if not path.with_name(path.name.removesuffix(LOCK_SUFFIX)).exists():
                _remove_lock_if_free(path)
            continue
        held = _try_lock(_lock_path(path))
        if held is None:
            continue  # an import running now, in this process or another
        try:
            claimed += _claim(path, library)
        finally:
            _release(held, _lock_path(path))
    for path in library.glob(f"{TRASH_PREFIX}*"):
        claimed += _claim(path, library)  # left half deleted by a process that ended
    if claimed:
        log.info("deleting %d leftover staging folder(s) in the background", len(claimed))
        threading.Thread(target=_delete, args=(claimed,), name="vk-pack-leftovers", daemon=True).start()


def _claim(path: Path, library: Path) -> list[Path]:
    """Rename `path` to a trash name only this process knows; [] if another process took it first."""
    trash = library / f"{TRASH_PREFIX}{uuid.uuid4().hex}"
    try:
        path.rename(trash)
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("cannot move the leftover %s aside: %s", path, exc)
        return []
    return [trash]


def _delete(folders: list[Path]) -> None:
    for folder in folders:
        _remove_tree(folder)


def _remove_tree(folder: Path) -> None:
    """Delete `folder`, logging (not raising) what cannot be deleted: the import's outcome stands."""
    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=_removal_failed)
    else:
        shutil.rmtree(folder, onerror=lambda function, path, info: _removal_failed(function, path, info[1]))


def _removal_failed(function: object, path: str, exc: BaseException) -> None:
    if not isinstance(exc, FileNotFoundError):  # gone already: what we wanted
        log.warning("cannot delete %s: %s", path, exc)


def _lock_path(staging: Path) -> Path:
    return staging.with_name(staging.name + LOCK_SUFFIX)


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on `path`, or None while someone else holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _release(fd: int, path: Path) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    os.close(fd)
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # Windows: another import has it open; a later sweep removes it
        log.debug("lock %s left for later: %s", path, exc)


def _remove_lock_if_free(path: Path) -> None:
    held = _try_lock(path)
    if held is not None:
        _release(held, path)
