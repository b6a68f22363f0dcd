"""Sync: enroll this laptop with the commune hub, sync now (with progress and Cancel), and see
what waits to go, what the hub refused (quarantine), and which edits were overwritten (conflicts).

Syncing also starts by itself: while enrolled, the page probes the hub's health endpoint (off
the GUI thread, with backoff) and syncs when the hub answers and records are waiting.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local, parse_utc
from volunteer_kit.core.vocab import RECORD_KINDS, ROLES
from volunteer_kit.errors import KnownError, language
from volunteer_kit.ui import theme
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.ops import EngineOp, FileOp, ReadOp, WriteOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.pages.sync_enroll import EnrollBox
from volunteer_kit.ui.revoked_box import RevokedBox
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

if TYPE_CHECKING:
    from volunteer_kit.sync.probe import Health

# Probing the hub: quickly at first, then less often while it does not answer.
PROBE_FIRST_MS = 2_000
PROBE_MAX_MS = 10 * 60_000
# While the hub answers: look again this often, and sync when records wait.
PROBE_ONLINE_MS = 60_000
# The records and laptops a sync's message names, at most (then "and N more").
NAMED_IN_MESSAGE = 3
# The unencrypted-connection warning: it must stand out (white on dark red, as a wrong quiz answer).
WARNING_STYLE = "background-color: #b71c1c; color: white; border-radius: 6px; padding: 8px;"


def _when(value: str | None) -> str:
    if not value:
        return ""
    here = local(parse_utc(value.replace("Z", "+00:00")))
    stamp = QDateTime(here.year, here.month, here.day, here.hour, here.minute, 0)
    return QLocale().toString(stamp, "dd/MM/yyyy HH:mm")


class _Refit(QObject):
    """Fits a list's height to its wrapped rows again when its width changes (SyncPage._fit)."""

    def __init__(self, items: QListWidget) -> None:
        super().__init__(items)
        self._width = -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QListWidget):
            if watched.width() != self._width:
                self._width = watched.width()
                SyncPage._fit(watched)
        return False


class _Progress(QObject):
    """Carries progress from the sync thread to the GUI thread (a queued signal)."""

    moved = Signal(int, int, str)


class SyncPage(Page):
    overview_loaded = Signal(object)  # the overview dict, after each refresh
    enrolled = Signal(object)  # client.Enrollment
    sync_finished = Signal(object)  # client.SyncResult, or the error
    online_changed = Signal(bool)
    status_text = Signal(str)  # for the main window's status bar

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.overview: dict[str, Any] | None = None
        self.syncing = False
        self.online: bool | None = None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)
        self._probe_ms = PROBE_FIRST_MS
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self.probe)

        self.heading = ScaledLabel(1.6, bold=True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        # Enrolling.
        self.enroll_box = EnrollBox(store)
        self.enroll_box.said.connect(self._say)
        self.enroll_box.enrolled.connect(self._enrolled)

        # Enrolled: who we are, and syncing.
        self.facts_box = QGroupBox()
        self.facts = QFormLayout(self.facts_box)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels = [QLabel() for _ in range(6)]
        self.fact_values = [QLabel() for _ in range(6)]
        for lab, value in zip(self.fact_labels, self.fact_values, strict=True):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(lab, value)
        self.sync_button = QPushButton()
        theme.primary(self.sync_button).clicked.connect(self.sync_now)  # the page's main action
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.insecure_warning = QLabel()
        self.insecure_warning.setWordWrap(True)
        self.insecure_warning.setStyleSheet(WARNING_STYLE)
        self.insecure_warning.setVisible(False)
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_button)
        sync_row.addWidget(self.cancel_button)
        sync_row.addWidget(self.progress, 4)
        sync_row.addStretch(1)

        self.pending_title = ScaledLabel(1.15, bold=True)
        self.pending_list = QListWidget()
        self.quarantine_title = ScaledLabel(1.15, bold=True)
        self.quarantine_list = QListWidget()
        self.quarantine_list.setWordWrap(True)
        self.quarantine_empty = EmptyState()
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_quarantined)
        self.packs_title = ScaledLabel(1.15, bold=True)
        self.packs_note = QLabel()
        self.packs_note.setWordWrap(True)
        self.packs_list = QListWidget()
        self.packs_list.setWordWrap(True)
        self.install_pack_button = QPushButton()
        self.install_pack_button.clicked.connect(lambda: self.decide_pack(install=True))
        self.dismiss_pack_button = QPushButton()
        self.dismiss_pack_button.clicked.connect(lambda: self.decide_pack(install=False))
        self.packs_list.currentRowChanged.connect(lambda _row: self._update_pack_buttons())
        self.conflicts_title = ScaledLabel(1.15, bold=True)
        self.conflicts_list = QListWidget()
        self.conflicts_list.setWordWrap(True)
        self.conflicts: list[dict[str, Any]] | None = None  # None: the hub was not asked yet
        self.conflicts_empty = EmptyState(callback=self.load_conflicts)
        self.conflicts_button = QPushButton()
        self.conflicts_button.clicked.connect(self.load_conflicts)
        self.log_title = ScaledLabel(1.15, bold=True)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(500)
        self.log_empty = EmptyState(callback=self.sync_now)

        self.revoked_box = RevokedBox(store)  # the officer revoked this laptop: what is left to do
        self.revoked_box.said.connect(self._say)
        self.revoked_box.changed.connect(self.refresh)
        self.revoked_box.setVisible(False)

        self.synced_area = QWidget()
        synced = QVBoxLayout(self.synced_area)
        synced.setContentsMargins(0, 0, 0, 0)
        synced.addWidget(self.revoked_box)
        synced.addWidget(self.insecure_warning)
        synced.addWidget(self.facts_box)
        synced.addLayout(sync_row)
        synced.addWidget(self.progress_label)
        synced.addWidget(self.pending_title)
        synced.addWidget(self.pending_list)
        synced.addWidget(self.quarantine_title)
        synced.addWidget(self.quarantine_list)
        synced.addWidget(self.quarantine_empty)
        retry_row = QHBoxLayout()
        retry_row.addStretch(1)
        retry_row.addWidget(self.retry_button)
        synced.addLayout(retry_row)
        synced.addWidget(self.packs_title)
        synced.addWidget(self.packs_note)
        synced.addWidget(self.packs_list)
        packs_row = QHBoxLayout()
        packs_row.addStretch(1)
        packs_row.addWidget(self.dismiss_pack_button)
        packs_row.addWidget(self.install_pack_button)
        synced.addLayout(packs_row)
        synced.addWidget(self.conflicts_title)
        synced.addWidget(self.conflicts_list)
        synced.addWidget(self.conflicts_empty)
        conflicts_row = QHBoxLayout()
        conflicts_row.addStretch(1)
        conflicts_row.addWidget(self.conflicts_button)
        synced.addLayout(conflicts_row)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.enroll_box)
        layout.addWidget(self.synced_area)
        layout.addWidget(self.message)
        layout.addWidget(self.log_title)
        layout.addWidget(self.log)
        layout.addWidget(self.log_empty)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.retranslate()
        self._show()

    def title(self) -> str:
        return self.tr("Sync")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync with the commune hub"))
        self.enroll_box.retranslate()
        self.revoked_box.retranslate()
        self.insecure_warning.setText(
            self.tr(
                "Unencrypted connection: records travel over the network unprotected (http). Ask "
                "the hub operator for an encrypted enrollment code (its QR) and enroll again."
            )
        )
        self.facts_box.setTitle(self.tr("This laptop"))
        for lab, text in zip(
            self.fact_labels,
            (
                self.tr("Hub"),
                self.tr("Commune"),
                self.tr("Role"),
                self.tr("Laptop name"),
                self.tr("Last sync"),
                self.tr("Hub state"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.sync_button.setText(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Send what was recorded here and receive the commune's news"))
        self.cancel_button.setText(self.tr("Ca&ncel"))
        self.retry_button.setText(self.tr("Send the refused records &again"))
        self.conflicts_button.setText(self.tr("Show &overwritten edits"))
        self.packs_title.setText(self.tr("Lesson packs waiting for your decision"))
        self.packs_note.setText(
            self.tr(
                "The hub sent these packs, but no publisher this laptop trusts signed them. Install "
                "one only if the commune officer says it is genuine; it will be marked “not verified”."
            )
        )
        self.install_pack_button.setText(self.tr("&Install anyway…"))
        self.dismiss_pack_button.setText(self.tr("&Forget it"))
        self.log_title.setText(self.tr("Log"))
        self._show()

    # Showing ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.syncing:
            ReadOp(self.store, lambda conn: _sync_overview(conn), parent=self).success(self._loaded).run()

    def _loaded(self, overview: dict[str, Any]) -> None:
        self.overview = overview
        self._show()
        if overview.get("enrolled") and not self._probe_timer.isActive() and not self.syncing:
            self._probe_timer.start(PROBE_FIRST_MS if self.online is None else self._probe_ms)
        self.overview_loaded.emit(overview)

    def _show(self) -> None:
        overview = self.overview or {}
        enrolled = bool(overview.get("enrolled"))
        self.enroll_box.setVisible(self.overview is not None and not enrolled)
        self.synced_area.setVisible(enrolled)
        self.intro.setVisible(True)
        self._show_log()
        if self.overview is None:
            self.intro.setText(self.tr("Opening your records…"))
            return
        if not enrolled:
            self.intro.setText(
                self.tr(
                    "Everything you record stays on this laptop until it reaches the commune hub. "
                    "Ask the commune officer for an enrollment code (or its QR image), then enroll "
                    "this laptop once."
                )
            )
            return
        self.intro.setText(
            self.tr(
                "Records go to the hub whenever it can be reached: by themselves, or when you press "
                "Sync now. Nothing is lost while offline."
            )
        )
        commune = overview.get("commune_name") or overview.get("commune_code") or ""
        values = (
            overview.get("hub_url") or "",
            f"{commune} ({overview.get('commune_code')})" if overview.get("commune_code") else commune,
            label(ROLES, overview.get("role")),
            overview.get("device_label") or self.tr("no name given at enrollment"),
            _when(overview.get("last_sync_at")) or self.tr("never"),
            self._hub_state(),
        )
        for widget, value in zip(self.fact_values, values, strict=True):
            widget.setText(value)
        # The laptop's name; its id only for whoever must tell two laptops apart (the hub operator).
        self.fact_values[3].setToolTip(
            self.tr("Device id: %1").replace("%1", str(overview.get("device_id") or ""))
        )
        self.insecure_warning.setVisible(bool(overview.get("insecure")))
        self._show_pending(overview)
        self._show_quarantine(overview.get("quarantine") or [])
        self._show_waiting_packs(overview.get("packs_waiting") or [])
        self.conflicts_title.setText(self.tr("Overwritten edits"))
        self._show_conflicts()
        revoked = overview.get("revoked")
        self.intro.setVisible(not revoked)  # "records go whenever the hub can be reached": no more
        self.revoked_box.setVisible(bool(revoked))
        if revoked:
            self.revoked_box.show_revocation(revoked, int(overview.get("pending") or 0))
        self.sync_button.setEnabled(not self.syncing and not revoked)  # the hub would refuse it again

    def _show_log(self) -> None:
        """The log, or why it is empty and (enrolled) the way to fill it: a sync."""
        empty = not self.log.toPlainText()
        self.log.setVisible(not empty)
        self.log_empty.setVisible(empty and self.overview is not None)
        overview = self.overview or {}
        if not overview.get("enrolled"):
            self.log_empty.set_texts(
                self.tr("Nothing has happened yet: enroll this laptop above; each sync is then written here.")
            )
        elif overview.get("last_sync_at"):
            self.log_empty.set_texts(
                self.tr("No sync since the app was opened; the last one was on %1.").replace(
                    "%1", _when(overview.get("last_sync_at"))
                ),
                self.tr("Sync now"),
            )
        else:
            self.log_empty.set_texts(self.tr("This laptop has never synced."), self.tr("Sync now"))
        self.log_empty.button.setEnabled(not self.syncing)

    def _show_conflicts(self) -> None:
        """An officer's overwritten edits: the list, or why it is empty and a button to ask the hub."""
        officer = (self.overview or {}).get("role") == "officer"
        items = self.conflicts or []
        self.conflicts_title.setVisible(officer)
        self.conflicts_list.setVisible(officer and bool(items))
        self.conflicts_button.setVisible(officer and bool(items))
        self.conflicts_empty.setVisible(officer and not items)
        if self.conflicts is None:
            self.conflicts_empty.set_texts(
                self.tr(
                    "When two laptops change the same record, the later edit is kept and the other is "
                    "listed here. The hub has not been asked yet."
                ),
                self.tr("Ask the hub"),
            )
        else:
            self.conflicts_empty.set_texts(
                self.tr("No edit was overwritten: no two laptops changed the same record."),
                self.tr("Ask the hub again"),
            )

    def _hub_state(self) -> str:
        if self.syncing:
            return self.tr("syncing…")
        if self.online is None:
            return self.tr("checking…")
        return self.tr("reachable") if self.online else self.tr("not reachable (offline)")

    def _show_pending(self, overview: dict[str, Any]) -> None:
        by_table = overview.get("by_table") or {}
        total = sum(by_table.values())
        self.pending_title.setText(self.tr("Waiting to go (%n)", "", total))
        self.pending_list.clear()
        for table, count in by_table.items():
            if count:
                self.pending_list.addItem(f"{label(RECORD_KINDS, table)}: {QLocale().toString(count)}")
        if not total:
            self.pending_list.addItem(self.tr("Nothing: everything has reached the hub."))
        self._fit(self.pending_list)

    def _show_quarantine(self, items: list[dict[str, Any]]) -> None:
        self.quarantine_title.setText(self.tr("Refused by the hub (%n)", "", len(items)))
        self.quarantine_list.clear()
        english = language() == "en"
        for item in items:
            reason = item.get("reason") if english else item.get("reason_vi") or item.get("reason")
            # A person reads the record's name (a learner, a household's head); its id only when this
            # laptop holds nothing to name it by (refused while pulling).
            named = item.get("name") or str(item["id"])[:13]
            self.quarantine_list.addItem(f"{label(RECORD_KINDS, item['table'])} “{named}”: {reason}")
        self.quarantine_empty.set_texts(
            self.tr("The hub has refused nothing: every record it was sent fits.")
        )
        self.quarantine_list.setVisible(bool(items))
        self.quarantine_empty.setVisible(not items)
        # Only what the hub refused can be sent again; a record this device could not store waits
        # for a good version from the hub (its reason says so).
        self.retry_button.setVisible(bool(items))
        self.retry_button.setEnabled(any(item.get("source") != "pull" for item in items))
        self._fit(self.quarantine_list)

    def _show_waiting_packs(self, waiting: list[dict[str, Any]]) -> None:
        self.packs_list.clear()
        for entry in waiting:
            titles = entry.get("title") or {}
            title = (titles.get("en") if language() == "en" else None) or titles.get("vi") or entry.get("id")
            item = QListWidgetItem(f"{title} · {entry.get('version', '')} · {entry.get('id', '')}")
            item.setData(Qt.ItemDataRole.UserRole, entry.get("sha256"))
            self.packs_list.addItem(item)
        for widget in (self.packs_title, self.packs_note, self.packs_list):
            widget.setVisible(bool(waiting))
        self.install_pack_button.setVisible(bool(waiting))
        self.dismiss_pack_button.setVisible(bool(waiting))
        if waiting:
            self.packs_list.setCurrentRow(0)
            self._fit(self.packs_list)
        self._update_pack_buttons()

    def _update_pack_buttons(self) -> None:
        chosen = self.packs_list.currentItem() is not None
        self.install_pack_button.setEnabled(chosen)
        self.dismiss_pack_button.setEnabled(chosen)

    def decide_pack(self, *, install: bool) -> None:
        from volunteer_kit.sync import packs as hub_packs

        item = self.packs_list.currentItem()
        if item is None or (install and not self.confirm_install(item.text())):
            return
        name = item.text()
        sha256 = str(item.data(Qt.ItemDataRole.UserRole))

        def done(_result: Any) -> None:
            self._say(
                (self.tr("Installed %1 (not verified).") if install else self.tr("Forgot %1.")).replace(
                    "%1", name
                )
            )
            self.refresh()

        def decide(engine: Any) -> Any:
            if install:
                return hub_packs.accept_waiting(engine, sha256)
            hub_packs.dismiss_waiting(engine, sha256)
            return None

        EngineOp(self.store, decide, parent=self).success(done).failure(self._problem).run()

    def confirm_install(self, name: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Install a pack that is not verified"),
            self.tr(
                "%1 is not signed by a publisher this laptop trusts. Install it anyway? It will be "
                "marked “not verified” wherever it shows."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def _fit(items: QListWidget) -> None:
        """As tall as its first 8 rows, each as tall as its text wrapped to the list's width (a list
        does not wrap by itself: a long reason was cut at 200 %); again when the width changes."""
        if not items.property("fits"):
            items.setProperty("fits", True)
            items.installEventFilter(_Refit(items))
        width = max(
            items.viewport().width() - 2 * items.spacing() - 8, 10 * items.fontMetrics().averageCharWidth()
        )
        metrics = items.fontMetrics()
        rows = 0
        for n in range(items.count()):
            item = items.item(n)
            text = metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, item.text())
            height = max(text.height(), metrics.height()) + 6
            item.setSizeHint(QSize(width, height))
            if n < 8:
                rows += height
        items.setFixedHeight(rows + 2 * items.frameWidth() + 6)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        stamp = QLocale().toString(QDateTime.currentDateTime(), "HH:mm:ss")
        self.log.appendPlainText(f"{stamp}  {text}")
        self._show_log()

    def _enrolled(self, enrollment: Any) -> None:
        self.online = True
        self.enrolled.emit(enrollment)
        self.refresh()

    def _problem(self, problem: KnownError) -> None:
        self._say(problem.message())

    # Syncing ------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.syncing or not (self.overview or {}).get("enrolled"):
            return
        self.syncing = True
        self._cancel.clear()
        self._probe_timer.stop()
        self.sync_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Connecting to the hub…"))
        self._say(self.tr("Sync started."))
        self.status_text.emit(self.tr("Syncing…"))
        self._show()
        progress, cancel = self._progress.moved.emit, self._cancel
        # `_end_sync` once more when it is over, whatever happened (a bug too: the button comes back).
        EngineOp(
            self.store, lambda engine: _sync_and_name(engine, progress=progress, cancel=cancel), parent=self
        ).success(self._synced).failure(self._sync_failed).finished(self._end_sync).run()

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Stopping after the current batch…"))

    def _show_progress(self, done: int, total: int, phase: str) -> None:
        if phase == "busy":  # `done` is the seconds the hub asked the device to wait
            self.progress.setRange(0, 0)
            text = self.tr("The hub is busy with other devices; trying again in %1 s").replace(
                "%1", QLocale().toString(done)
            )
            self.progress_label.setText(text)
            self.status_text.emit(text)
            return
        what = {
            "push": self.tr("Sending"),
            "pull": self.tr("Receiving"),
            "conflicts": self.tr("Checking overwritten edits"),
            "packs": self.tr("Lesson packs"),
        }.get(phase, phase)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            text = self.tr("%1: %2 of %3 records").replace("%1", what)
            text = text.replace("%2", QLocale().toString(done)).replace("%3", QLocale().toString(total))
        else:
            self.progress.setRange(0, 0)
            text = self.tr("%1: %2 records").replace("%1", what).replace("%2", QLocale().toString(done))
        self.progress_label.setText(text)
        self.status_text.emit(text)

    def _end_sync(self) -> None:
        self.syncing = False
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        self.progress_label.setText("")
        self.sync_button.setEnabled(True)

    def _synced(self, report: Any) -> None:
        """After a sync (report: sync.overview.SyncReport): what it did, naming what was refused and
        which edits were overwritten."""
        result = report.result
        self._end_sync()
        self._set_online(True)
        if result.cancelled:
            text = self.tr(
                "Sync cancelled: what was done is kept; %n record(s) still wait.", "", result.pending
            )
            short = text
        else:
            text = (
                self.tr("Synced: %1 sent, %2 received; %3 refused.")
                .replace("%1", QLocale().toString(result.accepted))
                .replace("%2", QLocale().toString(result.pulled))
                .replace("%3", QLocale().toString(result.rejected))
            )
            short = text  # the status bar's one line: the page says the rest, with the names
            if report.refused:
                text += " " + self.tr("Refused: %1.").replace(
                    "%1",
                    self._some([self._record(item["table"], item.get("name")) for item in report.refused]),
                )
            if result.packs_installed:
                text += " " + self.tr("%n lesson pack(s) installed.", "", len(result.packs_installed))
            if result.packs_waiting:
                text += " " + self.tr(
                    "%n lesson pack(s) wait for your decision.", "", len(result.packs_waiting)
                )
            if result.conflicts:
                if report.overwritten:
                    text += " " + self.tr("Overwritten: %1 — see below.").replace(
                        "%1", self._some([self._overwritten_short(item) for item in report.overwritten])
                    )
                else:
                    text += " " + self.tr("%n edit(s) were overwritten: see below.", "", result.conflicts)
                self.load_conflicts()
        self._say(text)
        self.status_text.emit(short)
        self.sync_finished.emit(result)
        self.refresh()
        self._probe_timer.start(PROBE_ONLINE_MS)

    def _sync_failed(self, problem: KnownError) -> None:
        from volunteer_kit.sync.errors import HubUnreachable

        self._end_sync()
        if isinstance(problem, HubUnreachable):
            self._set_online(False)
        self._say(problem.message())
        self.status_text.emit(problem.message())
        self.sync_finished.emit(problem)
        self.refresh()
        self._schedule_probe(backoff=True)

    def retry_quarantined(self) -> None:
        from volunteer_kit.sync import local

        def done(count: int) -> None:
            self._say(self.tr("%n record(s) will be sent again.", "", count))

        WriteOp(self.store, lambda conn: local.retry_quarantined(conn), parent=self).success(done).run()

    def load_conflicts(self) -> None:
        """Ask the hub for the commune's overwritten edits, named on the worker (records by this
        laptop's store, laptops by the labels they enrolled with)."""

        def done(items: list[dict[str, Any]]) -> None:
            self.conflicts = items
            self.conflicts_list.clear()
            for item in items:
                line = QListWidgetItem(self._overwritten_line(item))
                # The ids, for the hub operator only.
                line.setToolTip(
                    "\n".join(
                        (
                            self.tr("Record id: %1").replace("%1", str(item.get("record_id") or "")),
                            self.tr("Overwritten on device: %1").replace(
                                "%1", str(item.get("overwritten_device") or "")
                            ),
                            self.tr("Kept from device: %1").replace("%1", str(item.get("by_device") or "")),
                        )
                    )
                )
                self.conflicts_list.addItem(line)
            self._fit(self.conflicts_list)
            self._show_conflicts()

        hub_conflicts = EngineOp(self.store, _named_conflicts, parent=self, writes=False)
        hub_conflicts.success(done).failure(self._problem).run()

    # Naming records and laptops -----------------------------------------------------------------
    @staticmethod
    def _record(table: str | None, name: str | None) -> str:
        """“Người học “Nguyễn Thị Lan”” — or only the kind when this laptop cannot name the record."""
        kind = label(RECORD_KINDS, table)
        return f"{kind} “{name}”" if name else kind

    def _laptop(self, item: dict[str, Any], who: str) -> str:
        """A laptop of a conflict as a person says it: this laptop, its label, or whose it is."""
        if item.get(f"{who}_is_me"):
            return self.tr("this laptop")
        if item.get(f"{who}_name"):
            return f"“{item[f'{who}_name']}”"
        if item.get(f"{who}_user"):
            return self.tr("the laptop of %1").replace("%1", str(item[f"{who}_user"]))
        return self.tr("another laptop")

    def _overwritten_line(self, item: dict[str, Any]) -> str:
        # by_device won (its version is kept); overwritten_device's version was replaced.
        return (
            self.tr("%1: the edit made on %2 was overwritten by a later edit from %3 (%4)")
            .replace("%1", self._record(item.get("table"), item.get("name")))
            .replace("%2", self._laptop(item, "overwritten"))
            .replace("%3", self._laptop(item, "by"))
            .replace("%4", _when(item.get("at")))
        )

    def _overwritten_short(self, item: dict[str, Any]) -> str:
        return (
            self.tr("%1 (edited on %2)")
            .replace("%1", self._record(item.get("table"), item.get("name")))
            .replace("%2", self._laptop(item, "overwritten"))
        )

    def _some(self, texts: list[str]) -> str:
        """The first few, then "and N more"."""
        shown = ", ".join(texts[:NAMED_IN_MESSAGE])
        if len(texts) > NAMED_IN_MESSAGE:
            shown += " " + self.tr("and %n more record(s)", "", len(texts) - NAMED_IN_MESSAGE)
        return shown

    # Automatic sync -----------------------------------------------------------------------------
    def stop_probing(self) -> None:
        """At shutdown: no probe may start once the app's workers are gone."""
        self._probe_timer.stop()

    def probe(self) -> None:
        overview = self.overview or {}
        if self.syncing or not overview.get("enrolled") or not overview.get("hub_url"):
            return
        hub_url, ca_file = overview["hub_url"], overview.get("ca_file")
        fingerprint, insecure = overview.get("tls_fingerprint") or "", bool(overview.get("insecure"))
        # An unreachable hub is an answer of the probe (Health.reachable), not an error.
        FileOp(
            self.store,
            lambda: _probe(hub_url, ca_file=ca_file, fingerprint=fingerprint, insecure=insecure),
            parent=self,
        ).success(self._probed).run()

    def _probed(self, health: Any) -> None:
        self._set_online(bool(health.reachable and health.protocol_ok))
        if not health.reachable:
            self._schedule_probe(backoff=True)
            return
        self._probe_ms = PROBE_FIRST_MS
        pending = sum(((self.overview or {}).get("by_table") or {}).values())
        if health.protocol_ok and pending and not self.syncing:
            self._say(self.tr("The hub can be reached: syncing by itself."))
            self.sync_now()
        else:
            self._probe_timer.start(PROBE_ONLINE_MS)

    def _schedule_probe(self, *, backoff: bool) -> None:
        if backoff:
            self._probe_ms = min(self._probe_ms * 2, PROBE_MAX_MS)
        self._probe_timer.start(self._probe_ms)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)
        self._show()


# The Sync page reads these as the window opens: their modules (requests, the sync client) are imported
# here, on the worker that runs them, so the GUI thread never waits for those imports.
def _sync_overview(conn: Any) -> dict[str, Any]:  # a Connection, on the read pool
    from volunteer_kit.sync.overview import sync_overview

    return sync_overview(conn)


def _sync_and_name(engine: Any, **options: Any) -> Any:  # on the writer: a SyncReport
    from volunteer_kit.sync.overview import sync_and_name

    return sync_and_name(engine, **options)


def _named_conflicts(engine: Any) -> list[dict[str, Any]]:  # on a worker
    from volunteer_kit.sync.overview import named_conflicts

    return named_conflicts(engine)


def _probe(hub_url: str, *, ca_file: str | None, fingerprint: str, insecure: bool) -> Health:
    from volunteer_kit.sync.probe import probe

    return probe(hub_url, ca_file=ca_file, fingerprint=fingerprint, insecure=insecure)
