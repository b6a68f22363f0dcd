"""The pack library of a data folder: the bundled packs plus those imported from files.

Imported packs live in <data>/packs/<pack id>/<version>/. An import unpacks into
a staging folder beside them, checks everything there, and only then renames
the folder into place (one atomic step): a refused or interrupted import leaves
nothing in the library, and a newer version installs beside the older one.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volunteer_kit import paths
from volunteer_kit.errors import KnownError
from volunteer_kit.packs import signing
from volunteer_kit.packs.archive import PackArchiveRefused, extract_archive
from volunteer_kit.packs.reader import INSTALL_INFO, MANIFEST, Pack, PackInvalid, read_pack

log = logging.getLogger("volunteer_kit.packs")

STAGING_PREFIX = ".staging-"
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
    return paths.data_dir() / "packs"


def list_library(*, bundled_dir: Path | None = None, library: Path | None = None) -> list[LibraryPack]:
    """Every pack this data folder can teach from; packs that fail their check are logged and left out."""
    entries: list[LibraryPack] = []
    for folder in sorted((bundled_dir or paths.lessons_dir()).glob(f"*/{MANIFEST}")):
        try:
            entries.append(LibraryPack(read_pack(folder.parent, check_hashes=False), "bundled", "bundled"))
        except KnownError as exc:
            log.warning("bundled pack %s skipped: %s", folder.parent.name, exc.en)
    for info in sorted((library or library_dir()).glob(f"*/*/{INSTALL_INFO}")):
        try:
            trust = json.loads(info.read_text(encoding="utf-8"))["trust"]
            entries.append(LibraryPack(read_pack(info.parent), trust, "imported"))
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
    library.mkdir(parents=True, exist_ok=True)
    for stale in library.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by an import that was killed
    staging = library / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        if source.is_dir():
            shutil.copytree(source, staging, dirs_exist_ok=True, symlinks=True)
            if any(p.is_symlink() for p in staging.rglob("*")):
                raise PackArchiveRefused("có liên kết trong thư mục gói", "the pack folder contains links")
            pack = read_pack(staging, check_hashes=False)
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
    finally:
        shutil.rmtree(staging, ignore_errors=True)
