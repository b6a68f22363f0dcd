"""The bundled Noto Sans family (resources/fonts, OFL): registered once for reportlab, and glyph coverage.

reportlab's built-in fonts have no Vietnamese: they print boxes without a word.
Every certificate text is set in these TTFs, and a name with a character they
cannot draw is refused before it is ever issued.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from volunteer_kit import paths

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "VKNotoSans"
BOLD = "VKNotoSans-Bold"
ITALIC = "VKNotoSans-Italic"
_FILES = {REGULAR: "NotoSans-Regular.ttf", BOLD: "NotoSans-Bold.ttf", ITALIC: "NotoSans-Italic.ttf"}
_lock = threading.Lock()


@cache
def _font(name: str) -> TTFont:
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(name, str(paths.fonts_dir() / _FILES[name]))


def register_fonts() -> None:
    """Make the family known to reportlab (idempotent, thread-safe)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        for name in _FILES:
            pdfmetrics.registerFont(_font(name))
        registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


def missing_characters(text: str, faces: tuple[str, ...] = (REGULAR, BOLD)) -> list[str]:
    """The characters of `text` (NFC) that some of the given faces cannot draw, in order, once each."""
    missing: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace() or char in missing:
            continue
        if any(ord(char) not in _font(face).face.charToGlyph for face in faces):
            missing.append(char)
    return missing


def describe(chars: list[str]) -> str:
    """ "'中' (U+4E2D), '😀' (U+1F600)" for a message."""
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars)
