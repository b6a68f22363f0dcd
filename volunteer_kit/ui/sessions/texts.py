"""How a session's moment and place read, in the list and in the detail."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt

from volunteer_kit.core.clock import local
from volunteer_kit.core.text import fold


def when(value: datetime) -> str:
    """A moment in Vietnam's time, in the user's locale (dd/MM/yyyy HH:mm)."""
    here = local(value)
    moment = QDateTime.fromString(here.strftime("%Y-%m-%dT%H:%M:%S"), Qt.DateFormat.ISODate)
    return QLocale().toString(moment, "dd/MM/yyyy HH:mm")


def place_text(place: str, hamlet: str) -> str:
    """The place, and the hamlet unless the place already names it."""
    if hamlet and fold(hamlet) not in fold(place):
        return ", ".join(p for p in (place, hamlet) if p)
    return place
