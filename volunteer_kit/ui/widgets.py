"""Small widgets shared by pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QProxyStyle,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.ui import theme


class ScaledLabel(QLabel):
    """A label whose font is a fixed multiple of the app font; rescale() follows a new text size."""

    def __init__(self, factor: float, *, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factor = factor
        self._bold = bold
        self.rescale()

    def rescale(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * self._factor)
        font.setBold(self._bold)
        if font != self.font():  # guard: setFont sends FontChange again
            self.setFont(font)


class StatCard(QFrame):
    """A big number with a caption (Today page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)
        self.value = ScaledLabel(2.4, bold=True)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        theme.muted(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.value.setText("…")


class PaddedItemDelegate(QStyledItemDelegate):
    """List items whose selection fills the row while the text keeps a margin (navigation)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        inset = QStyleOptionViewItem(option)
        pad = option.fontMetrics.averageCharWidth() * 2
        inset.rect = option.rect.adjusted(pad, 0, -pad // 2, 0)
        # The row is filled above and its focus drawn below: the style's own (a second fill, a
        # focus frame around the text only) left a seam across the row.
        inset.palette.setColor(QPalette.ColorRole.Highlight, QColor(Qt.GlobalColor.transparent))
        inset.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, inset, index)
        if option.state & QStyle.StateFlag.State_HasFocus and option.state & QStyle.StateFlag.State_Selected:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.HighlightedText), 1.5))
            painter.drawRoundedRect(QRectF(option.rect).adjusted(3, 3, -3, -3), 3, 3)
            painter.restore()


class FittingList(QListWidget):
    """A short list on a page that scrolls: as tall as all its rows, so it never scrolls itself
    (a scroll bar inside a scrolling page is two scrolls for one look). Rows wrap; the height
    follows the width and the text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.timeout.connect(self.fit)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self._fit_later.start)

    def fit(self) -> None:
        self.doItemsLayout()  # rows wrapped at the list's width now
        rows = sum(
            self.visualRect(self.model().index(n, 0)).height() + 2 * self.spacing()
            for n in range(self.count())
            if not self.isRowHidden(n)
        )
        self.setFixedHeight(max(rows, self.fontMetrics().height()) + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_later.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_later.start()


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: at large text sizes a page scrolls instead of squeezing."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class ScalingStyle(QProxyStyle):
    """Check boxes and radio buttons that grow with the text size (the style's own stay 13 pixels
    at 200 % text: too small for old eyes and big fingers). `factor` is their size in text heights."""

    INDICATORS = (
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    )

    def __init__(self, factor: float = 0.85) -> None:
        super().__init__()
        self.factor = factor

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric in self.INDICATORS:
            font = widget.font() if widget is not None else QApplication.font()
            return max(13, int(QFontMetrics(font).height() * self.factor))
        return super().pixelMetric(metric, option, widget)

    # A page's main action and destructive actions (theme.primary, theme.danger) are filled with
    # their palette's Button colour on every platform style (Windows' own ignores QPalette.Button).
    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        filled = (
            widget is not None
            and theme.role(widget) is not None
            and bool(option.state & QStyle.StateFlag.State_Enabled)
        )
        if filled and element == QStyle.ControlElement.CE_PushButtonBevel:
            _paint_filled(option, painter)
            return
        if (
            filled
            and element == QStyle.ControlElement.CE_PushButtonLabel
            and isinstance(option, QStyleOptionButton)
        ):
            label = QStyleOptionButton(option)
            ink = option.palette.color(QPalette.ColorRole.ButtonText)
            label.palette.setColor(QPalette.ColorRole.ButtonText, ink)
            label.palette.setColor(QPalette.ColorRole.WindowText, ink)
            super().drawControl(element, label, painter, widget)
            return
        super().drawControl(element, option, painter, widget)


def _paint_filled(option: QStyleOption, painter: QPainter) -> None:
    face = option.palette.color(QPalette.ColorRole.Button)
    if option.state & QStyle.StateFlag.State_Sunken or option.state & QStyle.StateFlag.State_On:
        face = face.darker(125)
    elif option.state & QStyle.StateFlag.State_MouseOver:
        face = face.lighter(115)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.setPen(QPen(face.darker(140), 1))
    painter.setBrush(face)
    painter.drawRoundedRect(rect, 4, 4)
    if option.state & QStyle.StateFlag.State_HasFocus:  # the keyboard's place: a ring inside the fill
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.ButtonText), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 2, 2)
    painter.restore()


def size_to_content(dialog: QWidget, chars: int) -> None:
    """A dialog `chars` average characters wide and as tall as its content needs at that width,
    both at most the screen's free area (a 1366×680 laptop at 200 % text): wrapped text is
    measured at the width the dialog will have, not at its narrow size hint."""
    screen = dialog.screen() or QApplication.primaryScreen()
    area = screen.availableGeometry()
    width = min(dialog.fontMetrics().averageCharWidth() * chars, area.width() - 32)
    width = max(width, dialog.minimumSizeHint().width())
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = dialog.sizeHint().height()
    dialog.resize(
        min(width, area.width()), min(max(height, dialog.minimumSizeHint().height()), area.height() - 32)
    )
