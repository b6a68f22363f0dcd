"""Loading translations and fonts: Vietnamese first, English second."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from volunteer_kit import paths

log = logging.getLogger("volunteer_kit.ui.i18n")

FONT_FAMILY = "Noto Sans"
BASE_POINT_SIZE = 10.5
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark `source` for translation in `context` and return it unchanged (translate it where it is
    shown). PySide6 has one, typed as returning `object`; this one says it is the text."""
    return source


def install_translations(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators: ours and Qt's standard texts (buttons)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
            QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedStates,
        )
    )
    folder = paths.translations_dir()
    for name in (f"volunteer_kit_{language}.qm", f"qt_{language}.qm"):
        path = folder / name
        if not path.exists():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("could not load translation %s", path)


def load_fonts() -> str:
    """Register the bundled fonts (full Vietnamese coverage); returns the family to use."""
    family = None
    # Regular and bold are all the window uses; the italics are there for documents.
    for path in sorted(paths.fonts_dir().glob("NotoSans-*.ttf")):
        if "Italic" in path.name:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    return family or QApplication.font().family()


def apply_text_scale(app: QApplication, family: str, scale_percent: int) -> QFont:
    """Set the app font for this text size (new windows and dialogs take it); returns it."""
    font = QFont(family)
    font.setPointSizeF(BASE_POINT_SIZE * scale_percent / 100)
    app.setFont(font)
    return font
