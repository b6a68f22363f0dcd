"""Every path the app uses, in one place.

The data folder is the platformdirs user data folder unless `--data-dir` or
VOLUNTEER_KIT_HOME says otherwise; tests point it at a temporary folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from volunteer_kit import APP_ID

ENV_HOME = "VOLUNTEER_KIT_HOME"
DB_FILE_NAME = "volunteer-kit.sqlite3"

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
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_path() -> Path:
    return data_dir() / DB_FILE_NAME


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"


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
