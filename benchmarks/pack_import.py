"""Import of a 200 MB lesson pack (mostly images) from local disk.

Target: at least half the speed of a plain file copy of the same archive,
measured in the same run. The import unpacks with limits, hashes every file,
checks the pack and renames it into the library.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

sys.path.insert(0, str(ROOT))

IMAGE_COUNT = 100
IMAGE_BYTES = 2 * 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def make_big_pack(folder: Path) -> Path:
    """The bundled VNeID pack plus 200 MB of photographs (incompressible PNG data)."""
    source = folder / "big-pack"
    shutil.copytree(ROOT / "lessons" / "vneid", source)
    photos = source / "media" / "photos"
    photos.mkdir()
    for n in range(IMAGE_COUNT):
        (photos / f"photo-{n:03d}.png").write_bytes(PNG_MAGIC + os.urandom(IMAGE_BYTES - len(PNG_MAGIC)))
    return source


def drop_caches() -> bool:
    """Start from a cold file cache, as an import from a USB stick or disk does (needs root)."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def main() -> None:
    from volunteer_kit.packs.archive import build_archive
    from volunteer_kit.packs.library import install_pack

    work = Path(tempfile.mkdtemp(prefix="vk-pack-bench-"))
    try:
        archive = work / "big.vkpack"
        build_archive(make_big_pack(work), archive)
        size_mb = archive.stat().st_size / 1e6
        copies, imports = [], []
        cold = False
        for run in range(3):
            cold = drop_caches()
            started = time.perf_counter()
            shutil.copyfile(archive, work / f"copy-{run}.vkpack")
            os.sync()
            copies.append(time.perf_counter() - started)
            library = work / f"library-{run}"
            cold = drop_caches()
            started = time.perf_counter()
            install_pack(archive, library=library, allow_unsigned=True, trusted={})
            os.sync()
            imports.append(time.perf_counter() - started)
        copy_s, import_s = min(copies), min(imports)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    copy_rate, import_rate = size_mb / copy_s, size_mb / import_s
    cache = "cold file cache before each" if cold else "file cache warm (no root to drop it)"
    print(f"archive {size_mb:.0f} MB; best of 3 runs each; {cache}")
    report(
        "pack import",
        [
            ("plain copy (MB/s)", copy_rate, "MB/s", "(baseline)", True),
            ("import (MB/s)", import_rate, "MB/s", ">= half the copy", import_rate >= copy_rate / 2),
            ("import / copy speed", import_rate / copy_rate, "x", ">= 0.5", import_rate / copy_rate >= 0.5),
        ],
    )


if __name__ == "__main__":
    main()
