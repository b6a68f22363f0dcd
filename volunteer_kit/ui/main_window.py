"""The main window: navigation on the left, one page at a time, a status bar below."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from volunteer_kit import APP_NAME, __version__, paths
from volunteer_kit import settings as app_settings
from volunteer_kit.ui import theme
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.pages.settings import SettingsPage
from volunteer_kit.ui.pages.sync import SyncPage
from volunteer_kit.ui.pages.today import TodayPage
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import PaddedItemDelegate, ScaledLabel

# Colours come from palettes (ui/theme.py), not style sheets: a style sheet would stop the
# text-size font from reaching the widgets below it.


@dataclass(frozen=True)
class PageEntry:
    """A page of the navigation: its title (translated in the page class's own context, so the
    navigation and the page say the same words) and where its class lives. Today, Sync and Settings are
    built with the window; the others when first shown, so their modules are not imported at start."""

    name: str  # the window's attribute for it
    module: str
    cls: str
    title: str  # the source text; translated in the context of `cls`

    @property
    def icon(self) -> str:
        """Its navigation icon: resources/icons/nav-NAME.svg (one line-icon set)."""
        return "nav-" + self.name.removesuffix("_page")


PAGES = (
    PageEntry("today", "volunteer_kit.ui.pages.today", "TodayPage", QT_TRANSLATE_NOOP("TodayPage", "Today")),
    PageEntry(
        "households",
        "volunteer_kit.ui.pages.households",
        "HouseholdsPage",
        QT_TRANSLATE_NOOP("HouseholdsPage", "Households"),
    ),
    PageEntry(
        "learners",
        "volunteer_kit.ui.pages.learners",
        "LearnersPage",
        QT_TRANSLATE_NOOP("LearnersPage", "Learners"),
    ),
    PageEntry(
        "sessions",
        "volunteer_kit.ui.sessions.page",
        "SessionsPage",
        QT_TRANSLATE_NOOP("SessionsPage", "Sessions"),
    ),
    PageEntry(
        "certificates",
        "volunteer_kit.ui.certificates.page",
        "CertificatesPage",
        QT_TRANSLATE_NOOP("CertificatesPage", "Certificates"),
    ),
    PageEntry(
        "reports",
        "volunteer_kit.ui.pages.reports",
        "ReportsPage",
        QT_TRANSLATE_NOOP("ReportsPage", "Reports"),
    ),
    PageEntry(
        "lessons",
        "volunteer_kit.ui.pages.lessons",
        "LessonsPage",
        QT_TRANSLATE_NOOP("LessonsPage", "Lessons"),
    ),
    PageEntry("sync_page", "volunteer_kit.ui.pages.sync", "SyncPage", QT_TRANSLATE_NOOP("SyncPage", "Sync")),
    PageEntry(
        "settings_page",
        "volunteer_kit.ui.pages.settings",
        "SettingsPage",
        QT_TRANSLATE_NOOP("SettingsPage", "Settings"),
    ),
    # Officers only: hidden until the laptop is enrolled as an officer's (MainWindow._follow_role).
    PageEntry(
        "admin_page",
        "volunteer_kit.ui.pages.admin",
        "AdminPage",
        QT_TRANSLATE_NOOP("AdminPage", "Commune admin"),
    ),
)
OFFICER_PAGES = ("admin_page",)


def _shortcut_digit(row: int) -> str:
    """Ctrl+1 … Ctrl+9 for the first nine pages, Ctrl+0 for the tenth."""
    return str((row + 1) % 10)


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    text_scale_changed = Signal(int)

    def __init__(self, store: StoreClient, current: app_settings.Settings) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("mainWindow")
        icon = paths.resources_dir() / "icons" / "volunteer-kit.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.today = TodayPage(store)
        self.sync_page = SyncPage(store)
        self.settings_page = SettingsPage(store, current)
        # The pages built so far, by name; the stack holds an empty stand-in for each of the others.
        self._built: dict[str, Page] = {
            "today": self.today,
            "sync_page": self.sync_page,
            "settings_page": self.settings_page,
        }

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setSpacing(3)
        self._icon_side = 0  # the navigation icons' size when last drawn
        self.navigation.setItemDelegate(PaddedItemDelegate(self.navigation))
        palette = self.navigation.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.NAVIGATION_BACKGROUND))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.ACCENT))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.ACCENT_TEXT))
        self.navigation.setPalette(palette)
        self.stack = QStackedWidget()
        for entry in PAGES:
            self.navigation.addItem(QListWidgetItem())
            self.stack.addWidget(self._built.get(entry.name) or QWidget())
        self.navigation.currentRowChanged.connect(self._page_chosen)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.connection_label = QLabel()
        self.pending_label = QLabel()
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self._pending: int | None = None

        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)
        for number in range(len(PAGES)):
            QShortcut(
                QKeySequence(f"Ctrl+{_shortcut_digit(number)}"), self, lambda n=number: self._go_to_row(n)
            )
        self._follow_role(None)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh_current)

        for eager in self._built.values():
            eager.open_page.connect(self._open_named)
        self.today.hamlet_chosen.connect(self._open_hamlet)
        self.today.learner_chosen.connect(self._open_learner)
        self.today.session_chosen.connect(self._open_session)
        self.sync_page.online_changed.connect(lambda _online: self._show_connection())
        self.sync_page.overview_loaded.connect(lambda _overview: self._show_connection())
        self.sync_page.overview_loaded.connect(self._follow_role)
        self.sync_page.status_text.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.sync_page.sync_finished.connect(lambda _result: self._load_pending())
        self.settings_page.language_chosen.connect(self.language_changed)
        self.settings_page.text_scale_chosen.connect(self.text_scale_changed)
        store.opened.connect(self._store_opened)
        self.today.loaded.connect(self._first_data_shown, Qt.ConnectionType.SingleShotConnection)
        store.changed.connect(self._store_changed)
        self.navigation.setCurrentRow(0)
        self.retranslate()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1180, 760
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.92))
        self.resize(width, height)

    # Texts ------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Volunteer Kit — Digital Education for All"))
        for row, entry in enumerate(PAGES):
            item = self.navigation.item(row)
            title = QCoreApplication.translate(entry.cls, entry.title)
            item.setText(title)
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", title).replace("%2", _shortcut_digit(row)))
        self._fit_navigation()
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Volunteer Kit"))
        self._show_connection()
        self._show_pending()
        if not self.store.is_open:
            self.statusBar().showMessage(self.tr("Opening your records…"))

    def _show_connection(self) -> None:
        online = self.sync_page.online
        enrolled = bool((self.sync_page.overview or {}).get("enrolled"))
        self.connection_label.setText(self.tr("Online") if online else self.tr("Offline"))
        if not enrolled:
            tip = self.tr(
                "This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs."
            )
        elif online:
            tip = self.tr("The commune hub can be reached: records sync by themselves.")
        else:
            tip = self.tr("The commune hub cannot be reached now; records wait here and go when it can.")
        self.connection_label.setToolTip(tip)

    def _show_pending(self) -> None:
        if self._pending is None:
            self.pending_label.setText("")
        else:
            count = QLocale().toString(self._pending)
            self.pending_label.setText(self.tr("Waiting to sync: %1").replace("%1", count))

    def apply_font(self, font: QFont) -> None:
        """Take a new base font (text size) now: every widget, scaled labels and columns too."""
        self.setFont(font)  # propagates to every child that has no font of its own
        for scaled in self.findChildren(ScaledLabel):
            scaled.rescale()
        for page in self._built.values():
            _fit_columns(page)
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        self._fit_navigation_rows()
        self._show_icons()
        widest = max(
            (
                metrics.horizontalAdvance(self.navigation.item(r).text())
                for r in range(self.navigation.count())
            ),
            default=0,
        )
        # The delegate's padding (3 characters), the icon and its margins, a little room on the right.
        icon = self.navigation.iconSize().width()
        self.navigation.setFixedWidth(widest + icon + int(5.5 * metrics.averageCharWidth()))

    def _fit_navigation_rows(self) -> None:
        """Rows 1.6 text lines tall (nine pages fit a 740-pixel window at 200 % text); shorter, down to
        the icons' height, when the pages shown (an officer's ten) would not all fit the window."""
        metrics = self.navigation.fontMetrics()
        height, spacing = int(metrics.height() * 1.6), 3
        shown = [r for r in range(self.navigation.count()) if not self.navigation.isRowHidden(r)]
        room = self.navigation.height() - 2 * self.navigation.frameWidth()
        if self.navigation.isVisible() and shown and room > 0 and len(shown) * (height + 6) > room:
            spacing = 1
            fits = room // len(shown) - 2 * spacing - 1
            height = max(min(height, fits), int(metrics.height() * theme.ICON_TEXT_HEIGHTS) + 2)
        if self.navigation.spacing() != spacing:
            self.navigation.setSpacing(spacing)
        changed = False
        for row in range(self.navigation.count()):
            if self.navigation.item(row).sizeHint().height() != height:
                self.navigation.item(row).setSizeHint(QSize(0, height))
                changed = True
        if changed:
            self.navigation.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_navigation_rows)  # once the layout gave the navigation its height

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_navigation_rows)

    def _show_icons(self) -> None:
        """The navigation's icons, as tall as 1.3 lines of its text: drawn again for a new text size."""
        size = theme.icon_size(self.navigation)
        if size.width() == self._icon_side:
            return
        self._icon_side = size.width()
        self.navigation.setIconSize(size)
        ink = self.navigation.palette().color(QPalette.ColorRole.Text)
        on_accent = self.navigation.palette().color(QPalette.ColorRole.HighlightedText)
        for row, entry in enumerate(PAGES):
            self.navigation.item(row).setIcon(theme.line_icon(entry.icon, size.width(), ink, on_accent))

    # Pages ------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called `name` (PAGES), built on first use: its module is imported only then."""
        built = self._built.get(name)
        if built is not None:
            return built
        row = [entry.name for entry in PAGES].index(name)
        entry = PAGES[row]
        page: Page = getattr(importlib.import_module(entry.module), entry.cls)(self.store)
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, page)  # the window's font reaches it with its new parent
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self._built[name] = page
        page.open_page.connect(self._open_named)
        for scaled in page.findChildren(ScaledLabel):
            scaled.rescale()
        _fit_columns(page)
        return page

    @property
    def pages(self) -> list[Page]:
        """Every page, each built if it was not yet (tests and the translation walk use it)."""
        return [self.page(entry.name) for entry in PAGES]

    households = property(lambda self: self.page("households"))
    learners = property(lambda self: self.page("learners"))
    sessions = property(lambda self: self.page("sessions"))
    certificates = property(lambda self: self.page("certificates"))
    reports = property(lambda self: self.page("reports"))
    lessons = property(lambda self: self.page("lessons"))

    def _follow_role(self, overview: object) -> None:
        """The officers' pages shown only on an officer's laptop: after each reading of the enrollment
        (the Sync page's overview), so enrolling or a new role shows or hides them."""
        officer = isinstance(overview, dict) and overview.get("role") == "officer"
        for row, entry in enumerate(PAGES):
            if entry.name in OFFICER_PAGES:
                self.navigation.setRowHidden(row, not officer)
                if not officer and self.navigation.currentRow() == row:
                    self.navigation.setCurrentRow(0)
        self._fit_navigation_rows()

    def _go_to_row(self, row: int) -> None:
        if not self.navigation.isRowHidden(row):
            self.navigation.setCurrentRow(row)

    def current_page(self) -> Page:
        return self.page(PAGES[max(self.stack.currentIndex(), 0)].name)

    def show_page(self, page: Page) -> None:
        self.navigation.setCurrentRow(self._row_of(page))

    def _row_of(self, page: Page) -> int:
        return next(row for row, entry in enumerate(PAGES) if self._built.get(entry.name) is page)

    def _page_chosen(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(PAGES[row].name)
        self.stack.setCurrentIndex(row)
        if self.store.is_open:
            page.refresh()

    def _show_without_refresh(self, name: str) -> Page:
        page = self.page(name)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self._row_of(page))
        self.stack.setCurrentWidget(page)
        self.navigation.blockSignals(False)
        return page

    def _open_named(self, name: str) -> None:
        self.show_page(self.page(name))

    def _open_hamlet(self, hamlet: str) -> None:
        self._show_without_refresh("households").show_hamlet(hamlet)  # type: ignore[attr-defined]

    def _open_session(self, session_id: str) -> None:
        self._show_without_refresh("sessions").open_session(session_id)  # type: ignore[attr-defined]

    def _open_learner(self, learner_id: str) -> None:
        self.show_page(self.learners)
        self.learners.open_learner(learner_id)

    def refresh_current(self) -> None:
        if self.store.is_open:
            self.current_page().refresh()
            self._load_pending()

    def _store_opened(self) -> None:
        self.statusBar().clearMessage()
        self.refresh_current()
        if self.current_page() is not self.sync_page:
            self.sync_page.refresh()  # knows whether this laptop is enrolled; probes the hub if so

    def _first_data_shown(self, _counts: object) -> None:
        # Load the learner search index ahead of the first search, now that the first page is up.
        index = self.store.learner_index
        if index is not None:
            ReadOp(self.store, lambda conn: index.refresh(conn), parent=self).run()

    def _store_changed(self) -> None:
        self.refresh_current()

    def _load_pending(self) -> None:
        from volunteer_kit.store import overview

        pending = ReadOp(self.store, lambda conn: overview.pending_count(conn), parent=self)
        pending.success(self._pending_loaded).run()

    def _pending_loaded(self, count: int) -> None:
        self._pending = count
        self._show_pending()

    # Window -----------------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Volunteer Kit"),
            self.tr(
                "<h3>%1 %2</h3><p>An offline-first toolkit for the volunteers of "
                "“Bình dân học vụ số” (Digital Education for All).</p>"
                "<p>Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.</p>"
                "<p>Data folder: %3</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__)
            .replace("%3", str(paths.data_dir())),
        )


def _fit_columns(page: Page) -> None:
    """Pages with tables size their columns to the text size (Learners, Households)."""
    fit = getattr(page, "fit_columns", None)
    if fit is not None:
        fit()
