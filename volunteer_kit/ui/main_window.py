"""The main window: navigation on the left, one page at a time, a status bar below."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QIcon, QKeySequence, QPalette, QShortcut
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
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.pages.certificates import CertificatesPage
from volunteer_kit.ui.pages.households import HouseholdsPage
from volunteer_kit.ui.pages.learners import LearnersPage
from volunteer_kit.ui.pages.lessons import LessonsPage
from volunteer_kit.ui.pages.reports import ReportsPage
from volunteer_kit.ui.pages.sessions import SessionsPage
from volunteer_kit.ui.pages.settings import SettingsPage
from volunteer_kit.ui.pages.sync import SyncPage
from volunteer_kit.ui.pages.today import TodayPage
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import PaddedItemDelegate, ScaledLabel

log = logging.getLogger("volunteer_kit.ui")

# Colours come from palettes, not style sheets: a style sheet would stop the text-size font
# from reaching the widgets below it.
ACCENT = "#c8102e"
NAVIGATION_BACKGROUND = "#f3efe6"


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
        self.households = HouseholdsPage(store)
        self.learners = LearnersPage(store)
        self.sessions = SessionsPage(store)
        self.certificates = CertificatesPage(store)
        self.reports = ReportsPage(store)
        self.lessons = LessonsPage(store)
        self.sync_page = SyncPage(store)
        self.settings_page = SettingsPage(store, current)
        # Pages of later issues (Sessions, Certificates, Reports, Sync) join this list.
        self.pages: list[Page] = [
            self.today,
            self.households,
            self.learners,
            self.sessions,
            self.certificates,
            self.reports,
            self.lessons,
            self.sync_page,
            self.settings_page,
        ]

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.navigation.setIconSize(QSize(0, 0))
        self.navigation.setSpacing(3)
        self.navigation.setItemDelegate(PaddedItemDelegate(self.navigation))
        palette = self.navigation.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(NAVIGATION_BACKGROUND))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
        self.navigation.setPalette(palette)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.navigation.addItem(QListWidgetItem())
            self.stack.addWidget(page)
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
        for number in range(len(self.pages)):
            QShortcut(
                QKeySequence(f"Ctrl+{number + 1}"), self, lambda n=number: self.navigation.setCurrentRow(n)
            )
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh_current)

        self.today.hamlet_chosen.connect(self._open_hamlet)
        self.today.learner_chosen.connect(self._open_learner)
        self.today.session_chosen.connect(self._open_session)
        self.sync_page.online_changed.connect(lambda _online: self._show_connection())
        self.sync_page.overview_loaded.connect(lambda _overview: self._show_connection())
        self.sync_page.status_text.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.sync_page.sync_finished.connect(lambda _result: self.store.pending_count(self._pending_loaded))
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
        for row, page in enumerate(self.pages):
            item = self.navigation.item(row)
            item.setText(page.title())
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", page.title()).replace("%2", str(row + 1)))
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
        self.learners.fit_columns()
        self.households.fit_columns()
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        height = int(metrics.height() * 1.6)  # nine pages fit a 740-pixel window at 200 % text
        for row in range(self.navigation.count()):
            self.navigation.item(row).setSizeHint(QSize(0, height))
        widest = max(
            (
                metrics.horizontalAdvance(self.navigation.item(r).text())
                for r in range(self.navigation.count())
            ),
            default=0,
        )
        self.navigation.setFixedWidth(widest + 8 * metrics.averageCharWidth())

    # Pages ------------------------------------------------------------------
    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def show_page(self, page: Page) -> None:
        self.navigation.setCurrentRow(self.pages.index(page))

    def _page_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if self.store.is_open:
            self.pages[row].refresh()

    def _open_hamlet(self, hamlet: str) -> None:
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self.pages.index(self.households))
        self.stack.setCurrentWidget(self.households)
        self.navigation.blockSignals(False)
        self.households.show_hamlet(hamlet)

    def _open_session(self, session_id: str) -> None:
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self.pages.index(self.sessions))
        self.stack.setCurrentWidget(self.sessions)
        self.navigation.blockSignals(False)
        self.sessions.open_session(session_id)

    def _open_learner(self, learner_id: str) -> None:
        self.show_page(self.learners)
        self.learners.open_learner(learner_id)

    def refresh_current(self) -> None:
        if self.store.is_open:
            self.current_page().refresh()
            self.store.pending_count(self._pending_loaded)

    def _store_opened(self) -> None:
        self.statusBar().clearMessage()
        self.refresh_current()
        if self.current_page() is not self.sync_page:
            self.sync_page.refresh()  # knows whether this laptop is enrolled; probes the hub if so

    def _first_data_shown(self, _counts: object) -> None:
        self.store.prepare_search()

    def _store_changed(self) -> None:
        self.refresh_current()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store.tasks.busy:
            log.info("closing while background work finishes")
        event.accept()
