"""Loading translations and fonts: Vietnamese first, English second."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
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


def native_dialogs_wanted() -> bool:
    """Whether the platform's own file dialogs are used rather than Qt's, which speak our translations.
    A Linux desktop's (GTK, KDE) speak the system's language, not the app's: Qt's dialog instead. Windows
    and macOS keep theirs (they follow the system's language), and so does a Flatpak or Snap sandbox,
    where the desktop portal's dialog is the only way to the user's files."""
    return sys.platform in ("win32", "darwin") or "FLATPAK_ID" in os.environ or "SNAP" in os.environ


def install_translations(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators: ours and Qt's own texts (buttons, the file and print dialogs)."""
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, not native_dialogs_wanted())
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
