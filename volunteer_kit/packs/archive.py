"""Pack archives (.vkpack): building them, and opening them without trusting them.

An archive is a zip of the pack folder whose manifest lists every file's
SHA-256. Opening one enforces limits while reading (never trusting the sizes the
archive claims), refuses absolute paths, '..', links and duplicates, and stops
a zip bomb before it fills the disk.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any

from volunteer_kit.errors import KnownError
from volunteer_kit.packs.reader import MANIFEST, Pack, read_pack, sha256_file

SUFFIX = ".vkpack"
MAX_ARCHIVE_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 1024**3
MAX_FILE_BYTES = 200 * 1024**2
MAX_ENTRIES = 5000
MAX_RATIO = 200  # uncompressed / compressed, for files over 1 MB
STORED_SUFFIXES = {".png", ".jpg", ".jpeg"}  # already compressed


class PackArchiveRefused(KnownError):
    def __init__(self, reason_vi: str, reason_en: str) -> None:
        super().__init__(f"Không nhận gói bài học: {reason_vi}", f"Pack refused: {reason_en}")


def build_archive(folder: Path, out: Path) -> Pack:
    """Check the pack in `folder`, then write it to `out` with every file's SHA-256 in the manifest."""
    pack = read_pack(folder, check_hashes=False)
    manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest.pop("signature", None)  # the contents may have changed: sign again after building
    manifest["files"] = dict(sorted(pack.files.items()))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".building-", suffix=SUFFIX, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write_archive(tmp, manifest, {name: folder / name for name in manifest["files"]})
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return pack


def write_archive(out: Path, manifest: dict[str, Any], files: dict[str, Path | bytes]) -> None:
    with zipfile.ZipFile(out, "w") as archive:
        data = json.dumps(manifest, ensure_ascii=False, indent=2).encode() + b"\n"
        archive.writestr(_entry(MANIFEST), data, compress_type=zipfile.ZIP_DEFLATED)
        for name, source in files.items():
            method = (
                zipfile.ZIP_STORED
                if PurePosixPath(name).suffix.lower() in STORED_SUFFIXES
                else zipfile.ZIP_DEFLATED
            )
            content = source if isinstance(source, bytes) else None
            if content is None:
                archive.write(source, _entry(name).filename, compress_type=method)  # type: ignore[arg-type]
            else:
                archive.writestr(_entry(name), content, compress_type=method)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def read_manifest(archive_path: Path) -> dict[str, Any]:
    with _open(archive_path) as archive:
        _check_entries(archive)
        try:
            return json.loads(archive.read(MANIFEST).decode("utf-8"))
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            raise PackArchiveRefused(
                "manifest.json thiếu hoặc hỏng", f"manifest.json missing or unreadable ({exc})"
            ) from exc


def rewrite_manifest(archive_path: Path, manifest: dict[str, Any]) -> None:
    """Replace the manifest of an archive (signing), keeping every other entry as it is."""
    tmp = archive_path.with_name(f".signing-{archive_path.name}")
    try:
        with _open(archive_path) as source, zipfile.ZipFile(tmp, "w") as target:
            _check_entries(source)
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode() + b"\n"
            target.writestr(_entry(MANIFEST), data, compress_type=zipfile.ZIP_DEFLATED)
            for info in source.infolist():
                if info.filename != MANIFEST:
                    target.writestr(info, source.read(info), compress_type=info.compress_type)
        os.replace(tmp, archive_path)
    finally:
        tmp.unlink(missing_ok=True)


def _open(path: Path) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackArchiveRefused(f"không đọc được {path}", f"cannot read {path} ({exc.strerror})") from exc
    if size > MAX_ARCHIVE_BYTES:
        raise PackArchiveRefused("tệp quá lớn", f"the file is larger than {MAX_ARCHIVE_BYTES >> 20} MB")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackArchiveRefused(
            "không phải tệp gói bài học (zip)", f"not a pack archive (zip): {exc}"
        ) from exc


def _check_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise PackArchiveRefused(
            f"quá nhiều tệp ({len(entries)})", f"too many entries ({len(entries)} > {MAX_ENTRIES})"
        )
    seen: set[str] = set()
    files = []
    declared = 0
    for info in entries:
        name = info.filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackArchiveRefused(f"có liên kết {name}", f"{name} is a link; packs may not contain links")
        if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
            raise PackArchiveRefused(f"đường dẫn tuyệt đối {name}", f"{name} is an absolute path")
        parts = PurePosixPath(name).parts
        if ".." in parts or "." in parts or "" in name.split("/")[:-1]:
            raise PackArchiveRefused(f"đường dẫn ra ngoài gói {name}", f"{name} points outside the pack")
        if info.is_dir():
            continue
        if name.lower() in seen:
            raise PackArchiveRefused(f"tệp trùng tên {name}", f"{name} appears twice")
        seen.add(name.lower())
        if info.file_size > MAX_FILE_BYTES:
            raise PackArchiveRefused(
                f"tệp {name} quá lớn", f"{name} is larger than {MAX_FILE_BYTES >> 20} MB"
            )
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackArchiveRefused(
                f"tệp {name} nén bất thường",
                f"{name} expands {info.file_size // max(info.compress_size, 1)}x: a zip bomb",
            )
        declared += info.file_size
        files.append(info)
    if declared > MAX_TOTAL_BYTES:
        raise PackArchiveRefused(
            "gói quá lớn khi giải nén", f"the pack would take more than {MAX_TOTAL_BYTES >> 20} MB"
        )
    return files


def extract_archive(archive_path: Path, target: Path) -> dict[str, str]:
    """Extract into the empty folder `target`, enforcing every limit on the bytes actually read.

    Returns each file's SHA-256. Hashing is the slow part (SHA-256 runs at a few hundred MB/s),
    so each file is hashed on a second core, from the page cache, while the next one is written.
    """
    hashing: dict[str, Future[str]] = {}
    with (
        _open(archive_path) as archive,
        ThreadPoolExecutor(max_workers=2, thread_name_prefix="vk-hash") as pool,
    ):
        total = 0
        for info in _check_entries(archive):
            destination = target.joinpath(*PurePosixPath(info.filename).parts)
            if not destination.resolve().is_relative_to(target.resolve()):
                raise PackArchiveRefused(
                    f"đường dẫn ra ngoài gói {info.filename}", f"{info.filename} points outside the pack"
                )
            destination.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            try:
                with archive.open(info) as source, destination.open("xb") as sink:
                    while block := source.read(1 << 20):
                        written += len(block)
                        total += len(block)
                        # The header's sizes may lie: count what really comes out.
                        if written > info.file_size or written > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
                            raise PackArchiveRefused(
                                f"tệp {info.filename} lớn hơn khai báo",
                                f"{info.filename} is bigger than it says",
                            )
                        sink.write(block)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                if isinstance(exc, FileExistsError):
                    raise PackArchiveRefused(
                        f"tệp trùng tên {info.filename}", f"{info.filename} appears twice"
                    ) from exc
                raise PackArchiveRefused(
                    f"tệp {info.filename} hỏng", f"{info.filename} is damaged ({exc})"
                ) from exc
            if info.filename != MANIFEST:
                hashing[info.filename] = pool.submit(sha256_file, destination)
        return {name: future.result() for name, future in hashing.items()}
