"""Logging: one named logger per area, written to a rotating file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
import os
from io import TextIOWrapper
from pathlib import Path

from volunteer_kit import paths

_configured = False


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, made with its folders at the first record: a command refused before it logs
    anything (a mistyped --data-dir) leaves no folder behind."""

    def _open(self) -> TextIOWrapper:
        try:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
            return super()._open()
        except OSError:
            return open(os.devnull, "a", encoding="utf-8")  # a read-only data folder must not stop the app


def setup_logging(level: int = logging.INFO) -> None:
    """Log to <data>/logs/volunteer-kit.log (rotating). Safe to call more than once."""
    global _configured
    if _configured:
        return
    root = logging.getLogger("volunteer_kit")
    root.setLevel(level)
    handler = _LogFile(
        paths.logs_dir() / "volunteer-kit.log",
        maxBytes=2_000_000,
        backupCount=5,
        encoding="utf-8",
        delay=True,
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.propagate = False
    _configured = True


def log_file() -> str:
    return str(paths.logs_dir() / "volunteer-kit.log")
