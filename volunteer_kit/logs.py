"""Logging: one named logger per area, written to a rotating file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers

from volunteer_kit import paths

_configured = False


def setup_logging(level: int = logging.INFO) -> None:
    """Log to <data>/logs/volunteer-kit.log (rotating). Safe to call more than once."""
    global _configured
    if _configured:
        return
    root = logging.getLogger("volunteer_kit")
    root.setLevel(level)
    try:
        folder = paths.logs_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "volunteer-kit.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only data folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.propagate = False
    _configured = True


def log_file() -> str:
    return str(paths.logs_dir() / "volunteer-kit.log")
