"""Today: the volunteer's overview when the app opens."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from volunteer_kit.core.clock import local
from volunteer_kit.core.records import TodayCounts
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, StatCard, scrolling


class TodayPage(Page):
    loaded = Signal(object)  # TodayCounts, after each refresh

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.counts: TodayCounts | None = None
        self.heading = ScaledLabel(1.8, bold=True)
        self.subheading = QLabel()
        self.subheading.setWordWrap(True)
        self.learners = StatCard()
        self.sessions = StatCard()
        self.pending = StatCard()
        self.last_sync = StatCard()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)

        grid = QGridLayout()
        grid.setSpacing(16)
        grid.addWidget(self.learners, 0, 0)
        grid.addWidget(self.sessions, 0, 1)
        grid.addWidget(self.pending, 1, 0)
        grid.addWidget(self.last_sync, 1, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.retranslate()

    def title(self) -> str:
        return self.tr("Today")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Today"))
        self.learners.caption.setText(self.tr("Learners registered"))
        self.sessions.caption.setText(self.tr("Teaching sessions this week"))
        self.pending.caption.setText(self.tr("Records waiting to sync"))
        self.last_sync.caption.setText(self.tr("Last sync"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the counts again (F5)"))
        self._show()

    def refresh(self) -> None:
        self.store.today_counts(self._loaded)

    def _loaded(self, counts: TodayCounts) -> None:
        self.counts = counts
        self._show()
        self.loaded.emit(counts)

    def _show(self) -> None:
        counts = self.counts
        if counts is None:
            self.subheading.setText(self.tr("Opening your records…"))
            return
        locale = QLocale()
        if counts.commune_name:
            self.subheading.setText(self.tr("Commune: %1").replace("%1", counts.commune_name))
        else:
            self.subheading.setText(self.tr("No commune chosen yet: set it up in Settings."))
        self.learners.value.setText(locale.toString(counts.learners))
        self.learners.detail.setText(self.tr("in %n household(s)", "", counts.households))
        self.sessions.value.setText(locale.toString(counts.sessions_this_week))
        self.sessions.detail.setText(self.tr("since Monday"))
        self.pending.value.setText(locale.toString(counts.pending_records))
        self.pending.detail.setText(
            self.tr("recorded on this laptop, not yet on the commune hub")
            if counts.pending_records
            else self.tr("everything has reached the hub")
        )
        if counts.last_sync_at is None:
            self.last_sync.value.setText(self.tr("Never"))
            self.last_sync.detail.setText(self.tr("this laptop has not synced yet"))
        else:
            when = local(counts.last_sync_at)
            day = QDate(when.year, when.month, when.day)
            self.last_sync.value.setText(locale.toString(day, QLocale.FormatType.ShortFormat))
            self.last_sync.detail.setText(when.strftime("%H:%M"))
