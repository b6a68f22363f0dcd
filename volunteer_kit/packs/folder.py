"""Pack folders: opening one without trusting it, as archive.py does for archives.

Everything is checked before a byte is written: the manifest first, then where the
folder is (never the data folder, nor inside it), then every entry, walked without
following links, against the archive limits, then each file the pack lists and its
SHA-256. Only then are the listed files copied — never the rest of the folder — so
pointing the import at a home folder costs a few reads, not a copy of the disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from volunteer_kit.packs import archive
from volunteer_kit.packs.archive import PackArchiveRefused
from volunteer_kit.packs.format import FILE_NAME, Manifest, pydantic_messages
from volunteer_kit.packs.reader import INSTALL_INFO, MANIFEST, PackInvalid, referenced_files, sha256_file


@dataclass(frozen=True)
class PackFolder:
    """A folder that passed every check: its manifest as read, and the files to copy."""

    root: Path
    manifest_bytes: bytes
    sizes: dict[str, int]  # pack-relative path -> size, the files to copy (manifest excluded)


def check_folder(source: Path, *, keep_out: Iterable[Path]) -> PackFolder:
    """Check the pack folder `source` without writing anything; `keep_out` are folders it may not
    hold or be inside (the data folder, the library)."""
    root = source.resolve()
    manifest_bytes, manifest = _read_manifest(root)
    _refuse_overlap(root, keep_out)
    present = _walk(root)
    wanted = set(manifest.files) if manifest.files is not None else referenced_files(root, manifest)
    problems = [problem for relative in sorted(wanted) for problem in _listed_problems(relative, present)]
    for relative, expected in sorted((manifest.files or {}).items()):
        if relative in present and sha256_file(root / relative) != expected:
            problems.append(f"{relative}: its SHA-256 does not match the manifest (changed or damaged)")
    if problems:
        raise PackInvalid(problems)
    return PackFolder(root, manifest_bytes, {relative: present[relative] for relative in sorted(wanted)})


def copy_folder(folder: PackFolder, target: Path) -> dict[str, str]:
    """Copy the checked files into the empty folder `target`; return each file's SHA-256.

    The hashes are of the bytes written, so a file changed since the check is caught by the
    manifest's hashes (or the pack's own check) on the copy, not trusted from the check.
    """
    (target / MANIFEST).write_bytes(folder.manifest_bytes)
    digests = {}
    for relative, size in folder.sizes.items():
        destination = target.joinpath(*relative.split("/"))
        destination.parent.mkdir(parents=True, exist_ok=True)
        digests[relative] = _copy_file(folder.root / relative, destination, size, relative)
    return digests


def _read_manifest(root: Path) -> tuple[bytes, Manifest]:
    path = root / MANIFEST
    try:
        info = path.lstat()
    except FileNotFoundError:
        raise PackArchiveRefused(
            f"thư mục {root} không có manifest.json, nên không phải gói bài học",
            f"{root} has no manifest.json, so it is not a lesson pack folder",
        ) from None
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    _check_entry(info, MANIFEST)
    with _open_no_link(path) as reader:
        data = _read_block(reader, path, info.st_size + 1)
    if len(data) > info.st_size:
        raise PackArchiveRefused(
            f"tệp {MANIFEST} thay đổi trong lúc nhập", f"{MANIFEST} changed while being imported"
        )
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackInvalid([f"{MANIFEST}: not UTF-8 JSON ({exc})"]) from exc
    try:
        return data, Manifest.model_validate(raw)
    except ValueError as exc:
        raise PackInvalid(pydantic_messages(exc, MANIFEST)) from exc


def _refuse_overlap(root: Path, keep_out: Iterable[Path]) -> None:
    """Importing the data folder into itself would copy the copy, without end."""
    for folder in keep_out:
        folder = folder.resolve()
        if folder.is_relative_to(root):
            raise PackArchiveRefused(
                f"thư mục {root} chứa thư mục dữ liệu {folder}; hãy chọn đúng thư mục của gói",
                f"{root} holds the data folder {folder}; choose the pack's own folder",
            )
        if root.is_relative_to(folder):
            raise PackArchiveRefused(
                f"thư mục {root} nằm trong thư mục dữ liệu {folder}; hãy chép gói ra chỗ khác",
                f"{root} is inside the data folder {folder}; copy the pack somewhere else first",
            )


def _walk(root: Path) -> dict[str, int]:
    """Every regular file under `root` with its size, counted against the archive limits.

    Links are refused, never followed, and the walk stops at the first limit exceeded,
    however big the rest of the folder is.
    """
    present: dict[str, int] = {}
    entries = total = 0
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                for entry in listing:
                    entries += 1
                    if entries > archive.MAX_ENTRIES:
                        raise PackArchiveRefused(
                            f"quá nhiều tệp (hơn {archive.MAX_ENTRIES})",
                            f"too many entries (more than {archive.MAX_ENTRIES})",
                        )
                    relative = Path(entry.path).relative_to(root).as_posix()
                    info = entry.stat(follow_symlinks=False)
                    _check_entry(info, relative)
                    if stat.S_ISDIR(info.st_mode):
                        pending.append(Path(entry.path))
                        continue
                    total += info.st_size
                    if total > archive.MAX_TOTAL_BYTES:
                        raise PackArchiveRefused(
                            "gói quá lớn", f"the pack would take more than {archive.MAX_TOTAL_BYTES >> 20} MB"
                        )
                    present[relative] = info.st_size
        except OSError as exc:
            raise _unreadable(folder, exc) from exc
    return present


def _check_entry(info: os.stat_result, relative: str) -> None:
    """Refuse links (and Windows junctions), special files and files over the per-file limit."""
    reparse = getattr(info, "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_REPARSE_POINT
    if stat.S_ISLNK(info.st_mode) or reparse:
        raise PackArchiveRefused(
            f"có liên kết {relative}", f"{relative} is a link; packs may not contain links"
        )
    if stat.S_ISDIR(info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        raise PackArchiveRefused(f"{relative} không phải tệp thường", f"{relative} is not a regular file")
    if info.st_size > archive.MAX_FILE_BYTES:
        raise PackArchiveRefused(
            f"tệp {relative} quá lớn", f"{relative} is larger than {archive.MAX_FILE_BYTES >> 20} MB"
        )


def _listed_problems(relative: str, present: dict[str, int]) -> list[str]:
    if relative in (MANIFEST, INSTALL_INFO):
        return [f"{MANIFEST}: files: {relative} cannot be one of the pack's files"]
    if not all(FILE_NAME.match(part) for part in relative.split("/")):
        return [f"{relative}: file names are lowercase ASCII letters, digits, - _ ."]
    if relative not in present:
        return [f"{relative}: the pack uses this file but it is not in the folder"]
    return []


def _copy_file(source: Path, destination: Path, size: int, relative: str) -> str:
    digest = hashlib.sha256()
    written = 0
    with _open_no_link(source) as reader, destination.open("xb") as sink:
        while block := _read_block(reader, source):
            written += len(block)
            if written > size:  # count what is really read, as for archives
                raise PackArchiveRefused(
                    f"tệp {relative} thay đổi trong lúc nhập", f"{relative} changed while being imported"
                )
            digest.update(block)
            sink.write(block)
    return digest.hexdigest()


def _open_no_link(path: Path) -> BinaryIO:
    """Open for reading without following a link put in the file's place since the walk."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        return open(os.open(path, flags), "rb")  # the caller closes it
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _read_block(reader: BinaryIO, path: Path, size: int = 1 << 20) -> bytes:
    try:
        return reader.read(size)
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> PackArchiveRefused:
    return PackArchiveRefused(f"không đọc được {path}", f"cannot read {path} ({exc.strerror or exc})")
