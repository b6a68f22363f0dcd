"""The extra checks of `gui --smoke-test`: what a frozen bundle could miss, tried once.

Run only in smoke-test mode (never on a normal start): the store's migrations ran
(the app opened the data folder), the hub's migrations run on a throw-away SQLite
file, every bundled lesson pack loads, and one certificate renders to memory with
the bundled fonts. Each check returns a problem in one line, or nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from volunteer_kit import paths


def check_store_migrated() -> str | None:
    from volunteer_kit.store.engine import SCHEMA_HEAD, current_revision

    revision = current_revision(paths.database_path())
    if revision != SCHEMA_HEAD:
        return f"store at revision {revision!r}, expected {SCHEMA_HEAD!r}"
    return None


def check_hub_migrations() -> str | None:
    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.hub.migrations import head_revision

    head = head_revision()
    if not head:
        return "hub migrations: no head revision (scripts missing?)"
    with tempfile.TemporaryDirectory(prefix="vk-smoke-hub-") as folder:
        engine = open_hub_engine(f"sqlite:///{Path(folder) / 'hub.sqlite3'}")
        engine.dispose()
    return None


def check_bundled_packs() -> str | None:
    from volunteer_kit.packs.library import list_library
    from volunteer_kit.packs.reader import MANIFEST

    folders = sorted(paths.lessons_dir().glob(f"*/{MANIFEST}"))
    if not folders:
        return f"no bundled lesson packs in {paths.lessons_dir()}"
    loaded = [entry for entry in list_library() if entry.source == "bundled"]
    if len(loaded) != len(folders):
        return f"{len(loaded)} of {len(folders)} bundled lesson packs load"
    return None


def check_certificate_renders() -> str | None:
    from volunteer_kit.certificates.pdf import PrintedCertificate, certificates_pdf_bytes

    sample = PrintedCertificate(
        serial="00000-SMOKE0-000001",
        full_name="Nguyễn Thị Phương Quỳnh Hương",
        birth_year=1956,
        pack_title="Sử dụng VNeID",
        competencies=("NLS-2.6", "HH-1"),
        issued_on=date(2026, 11, 21),
        commune_name="Xã Bát Tràng",
        officer_name="Trần Văn Bình",
        qr_text="vk-cert:" + "A" * 200,
    )
    data = certificates_pdf_bytes([sample])
    if not data.startswith(b"%PDF") or len(data) < 10_000:
        return f"certificate PDF looks wrong ({len(data)} bytes)"
    return None


def check_image_formats() -> str | None:
    """Qt reads what the app shows: SVG (the navigation's icons, pack drawings), PNG and JPEG
    (pack pictures, photos of a QR code). The bundle keeps only these readers."""
    from PySide6.QtGui import QImageReader

    readable = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = sorted({"svg", "png", "jpeg"} - readable)
    return f"Qt cannot read {', '.join(missing)} images" if missing else None


CHECKS: tuple[Callable[[], str | None], ...] = (
    check_store_migrated,
    check_hub_migrations,
    check_bundled_packs,
    check_certificate_renders,
    check_image_formats,
)


def run_checks() -> list[str]:
    """Every check's problem (an exception counts as one); empty when all passed."""
    problems = []
    for check in CHECKS:
        try:
            problem = check()
        except Exception as exc:  # reported, and the smoke test fails
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            problems.append(f"{check.__name__}: {problem}")
    return problems
