"""One visual language: a small palette, the page's main action, destructive actions, icons.

Colours come from palettes, never from style sheets: a style sheet stops the text-size font from
reaching the widgets below it. There is exactly one accent (selection, focus, progress, links,
charts, the navigation's current page and each page's main action), one danger colour
(destructive actions, errors), one success colour and one muted text colour.

The navigation used to be the flag's red (#c8102e) while selections, progress and charts were the
style's blue: red now means danger only, and the accent is a calm deep blue that white text reads
well on (7.2:1), as does the accent on white.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget

from volunteer_kit import paths

Button = TypeVar("Button", bound=QAbstractButton)

ACCENT = "#0b5c8a"  # deep blue: white on it 7.2:1, it on white 7.2:1
ACCENT_TEXT = "#ffffff"  # text on the accent (and on danger)
DANGER = "#b71c1c"  # destructive actions, error text: 6.6:1 on white
SUCCESS = "#1b5e20"  # done, valid: 7.9:1 on white
MUTED = "#555555"  # secondary text: 7.5:1 on white
NAVIGATION_BACKGROUND = "#e9eff4"  # a light tint of the accent beside the page

# The button's dynamic property a style reads (widgets.ScalingStyle paints these filled, on every
# platform style: Windows' own style ignores QPalette.Button for push buttons).
ROLE_PROPERTY = "vkRole"
PRIMARY = "primary"
DESTRUCTIVE = "danger"

ICON_TEXT_HEIGHTS = 1.3  # an icon is this many text heights tall


def apply(app: QApplication) -> None:
    """The application palette's selection, focus, progress, link and chart colour is the accent."""
    palette = app.palette()
    accent, on_accent = QColor(ACCENT), QColor(ACCENT_TEXT)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        palette.setColor(group, QPalette.ColorRole.Highlight, accent)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, on_accent)
        palette.setColor(group, QPalette.ColorRole.Link, accent)
        palette.setColor(group, QPalette.ColorRole.LinkVisited, accent.darker(130))
        palette.setColor(group, QPalette.ColorRole.Accent, accent)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#9aa9b5"))
    app.setPalette(palette)


def _filled(button: QAbstractButton, role: str, colour: str) -> None:
    palette = button.palette()
    face, text = QColor(colour), QColor(ACCENT_TEXT)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Button, face)
        palette.setColor(group, QPalette.ColorRole.ButtonText, text)
    button.setPalette(palette)
    # Only the weight is set: the rest of the font (the text size) still comes from the window.
    font = QFont()
    font.setBold(True)
    button.setFont(font)
    button.setProperty(ROLE_PROPERTY, role)
    if isinstance(button, QPushButton):
        button.setAutoDefault(True)
    button.update()


def primary(button: Button) -> Button:
    """Make `button` the page's main action: filled with the accent, white bold text. One a page."""
    _filled(button, PRIMARY, ACCENT)
    if isinstance(button, QPushButton):
        button.setDefault(True)
    return button


def danger(button: Button) -> Button:
    """Make `button` a destructive action (revoke, delete): filled with the danger colour."""
    _filled(button, DESTRUCTIVE, DANGER)
    return button


def role(widget: QWidget) -> str | None:
    """ "primary", "danger" or None: how the style paints this button."""
    value = widget.property(ROLE_PROPERTY)
    return value if isinstance(value, str) else None


def muted(widget: QWidget) -> QWidget:
    """Secondary text (a detail under a figure, a hint)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
    palette.setColor(QPalette.ColorRole.Text, QColor(MUTED))
    widget.setPalette(palette)
    return widget


def error_text(widget: QWidget) -> QWidget:
    """Text that says something went wrong."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(DANGER))
    palette.setColor(QPalette.ColorRole.Text, QColor(DANGER))
    widget.setPalette(palette)
    return widget


# Icons -------------------------------------------------------------------------------------------
def icon_path(name: str) -> Path:
    return paths.resources_dir() / "icons" / f"{name}.svg"


def icon_size(widget: QWidget) -> QSize:
    """An icon's size beside text of this widget's font: it grows with the text size."""
    side = round(widget.fontMetrics().height() * ICON_TEXT_HEIGHTS)
    return QSize(side, side)


def _render(svg: bytes, side: int, ratio: float) -> QPixmap:
    data = QByteArray(svg)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    pixels = max(1, round(side * ratio))
    reader.setScaledSize(QSize(pixels, pixels))
    image = reader.read()
    buffer.close()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def line_icon(name: str, side: int, colour: QColor, selected: QColor | None = None) -> QIcon:
    """The line icon `name` (resources/icons/NAME.svg, drawn in currentColor) in `colour`, rendered
    sharp at `side` pixels; in `selected` for a selected item (white on the accent). A missing file
    or an SVG reader Qt lacks gives a null icon, never an error."""
    path = icon_path(name)
    if not path.exists():
        return QIcon()
    text = path.read_text(encoding="utf-8")
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    icon = QIcon()
    modes = [(QIcon.Mode.Normal, colour), (QIcon.Mode.Active, colour)]
    if selected is not None:
        modes.append((QIcon.Mode.Selected, selected))
    for mode, ink in modes:
        pixmap = _render(text.replace("currentColor", ink.name()).encode("utf-8"), side, ratio)
        if pixmap.isNull():
            return QIcon()
        icon.addPixmap(pixmap, mode)
    return icon
