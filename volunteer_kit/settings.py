"""App settings (language, text size) in settings.json in the data folder.

Kept outside the database so the CLI and the window read them before the
store opens; a damaged file falls back to defaults rather than stopping the app.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace

from volunteer_kit import paths

log = logging.getLogger("volunteer_kit.settings")

LANGUAGES = ("vi", "en")
TEXT_SCALES = (100, 125, 150, 200)


@dataclass(frozen=True)
class Settings:
    language: str = "vi"
    text_scale: int = 100

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def load() -> Settings:
    path = paths.settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    language = raw.get("language") if raw.get("language") in LANGUAGES else "vi"
    scale = raw.get("text_scale") if raw.get("text_scale") in TEXT_SCALES else 100
    return Settings(language=language, text_scale=scale)


def save(settings: Settings) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
