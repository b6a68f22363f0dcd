"""The desktop bundle (build.spec): its size unpacked, and the frozen app's start to main window.

Targets: <= 200 MB unpacked on Linux; frozen start to main window <= 1.5 s (median of the
runs, each on a fresh data folder; the first run after the build is reported too). Builds the
bundle first when dist/volunteer-kit is missing (pyinstaller build.spec --noconfirm).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

RUNS = 5
BUNDLE = ROOT / "dist" / "volunteer-kit"
EXE = BUNDLE / ("volunteer-kit-cli.exe" if sys.platform == "win32" else "volunteer-kit")


def build() -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm", "--log-level", "WARN"],
        cwd=ROOT,
        check=True,
    )


def size_mb(folder: Path) -> float:
    """Bytes of every file (apparent size, as unpacked), in MB (10^6)."""
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return total / 1e6


def frozen_start() -> float:
    """Seconds from just before the process starts to the main window shown (the startup probe)."""
    with tempfile.TemporaryDirectory(prefix="vk-bundle-bench-") as data:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "VOLUNTEER_KIT_STARTUP_PROBE": "1",
            "VOLUNTEER_KIT_HOME": data,
        }
        started = time.perf_counter()
        result = subprocess.run([str(EXE), "gui"], env=env, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise SystemExit(f"{EXE} gui failed: {result.stderr}")
        for line in result.stdout.splitlines():
            name, _, value = line.partition(" ")
            if name == "window-shown":
                return float(value) - started  # perf_counter is the same clock across processes
    raise SystemExit(f"{EXE} printed no window-shown mark")


def main() -> None:
    if not EXE.exists():
        build()
    size = size_mb(BUNDLE)
    first = frozen_start()
    runs = [frozen_start() for _ in range(RUNS)]
    median = statistics.median(runs)
    print(f"bundle {BUNDLE}, {RUNS} runs after the first, platform {os.environ.get('QT_QPA_PLATFORM')}")
    report(
        "desktop bundle",
        [
            ("bundle size unpacked (MB)", size, "MB", "<= 200 (Linux)", size <= 200),
            ("frozen start to main window, median (s)", median, "s", "<= 1.5", median <= 1.5),
            ("frozen start, first run after build (s)", first, "s", "(for information)", True),
        ],
    )
    if size > 200 or median > 1.5:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
