"""The system libraries Qt's window needs on Linux/X11, checked before Qt tries to load them.

Without libxcb-icccm4 or libxcb-keysyms1 Qt aborts with "xcb-cursor0 or libxcb-cursor0 is
needed" — a message that names another library. This check names the Debian/Ubuntu packages
that are really missing, in one line, before Qt's own message (no Qt imported here).
"""

from __future__ import annotations

import ctypes
import os
import sys

# The shared object Qt's xcb platform plugin loads -> the Debian/Ubuntu package that holds it.
X11_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def uses_x11() -> bool:
    """Whether Qt will pick its xcb (X11) platform here."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def missing_packages(libraries: dict[str, str] = X11_LIBRARIES) -> list[str]:
    """The packages whose library cannot be loaded, in the table's order."""
    missing = []
    for soname, package in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def missing_message(packages: list[str]) -> tuple[str, str]:
    command = "sudo apt-get install -y " + " ".join(packages)
    return (
        f"Thiếu thư viện hệ thống để mở cửa sổ: {', '.join(packages)}; hãy cài bằng: {command}",
        f"System libraries the window needs are missing: {', '.join(packages)}; install them with: {command}",
    )
