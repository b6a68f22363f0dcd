"""Quản lý xã: the commune officer runs the commune from the window, over the officer laptop's own
enrollment with the hub (volunteer_kit/sync/admin.py): enrollment codes for new laptops (the code
large, with its QR), the commune's laptops and revoking a lost one, overwritten edits to restore,
erasures waiting for approval with their trail, and the commune's figures.

Offline-aware: every list shows the copy kept from the last time the hub answered, with its time,
when the hub cannot be reached; an action that needs the hub says so plainly and is not queued.
All network work runs in operations (ui/ops.py), never on the GUI thread; the buttons wait meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.vocab import RECORD_KINDS
from volunteer_kit.errors import KnownError
from volunteer_kit.ui import theme
from volunteer_kit.ui.admin_dialogs import RevokeDeviceDialog
from volunteer_kit.ui.admin_widgets import WrappingList, elapsed, qr_pixmap, when
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.ops import EngineOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.reflow import field, flow_row
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import FittingList, ScaledLabel, scrolling

# What the page lists, as sync.admin.cached() names it.
WHATS = ("codes", "devices", "conflicts", "erasures", "stats")
# Shown again within this many seconds: the lists kept are fresh enough, the hub is not asked again.
FRESH_SECONDS = 60
# A code's validity choices, in hours.
VALIDITY_HOURS = (24, 72, 168, 336)
STATS_WEEKS = 12

# The tabs, in order.
ENROLL, DEVICES, CONFLICTS, ERASURES, STATS = range(5)
TAB_OF = {"codes": ENROLL, "devices": DEVICES, "conflicts": CONFLICTS, "erasures": ERASURES, "stats": STATS}


class AdminPage(Page):
    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.role: str | None = None  # this laptop's enrolled role; None until read
        self.my_device = ""
        self.results: dict[str, dict[str, Any]] = {}  # what → {data, at, live, problem}
        self.made: dict[str, Any] | None = None  # the code made last (with "qr": its matrix)
        self.busy = False  # an action is asking the hub
        self.fetching = False
        self._fetched_at = 0.0  # time.monotonic() of the last time the hub was asked

        self.heading = ScaledLabel(1.6, bold=True)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(lambda: self.fetch(force=True))
        self.not_officer = QLabel()
        self.not_officer.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.fresh = [QLabel() for _ in range(5)]  # each tab's "cập nhật lúc …"
        self.notes = [QLabel() for _ in range(5)]  # each tab's last action's outcome
        for text in (*self.fresh, *self.notes):
            text.setWordWrap(True)
            text.setMinimumWidth(1)
            text.setTextFormat(Qt.TextFormat.PlainText)
        for text in self.fresh:
            theme.muted(text)
        self._build_enroll()
        self._build_devices()
        self._build_conflicts()
        self._build_erasures()
        self._build_stats()

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.addLayout(top)
        layout.addWidget(self.not_officer)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._show_all()

    # Building --------------------------------------------------------------------------------------
    def _tab(self, index: int, *widgets: QWidget, stretch: QWidget) -> QVBoxLayout:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.fresh[index])
        for widget in widgets:
            layout.addWidget(widget, 1 if widget is stretch else 0)
        layout.addWidget(self.notes[index])
        self.tabs.addTab(page, "")
        return layout

    def _build_enroll(self) -> None:
        self.role_label = QLabel()
        self.role_choice = QComboBox()
        self.role_label.setBuddy(self.role_choice)
        self.validity_label = QLabel()
        self.validity_choice = QComboBox()
        self.validity_label.setBuddy(self.validity_choice)
        self.make_button = theme.primary(QPushButton())
        self.make_button.clicked.connect(self.make_code)
        choose = flow_row(
            field(self.role_label, self.role_choice),
            field(self.validity_label, self.validity_choice),
            self.make_button,
        )
        self.enroll_intro = QLabel()
        self.enroll_intro.setWordWrap(True)
        self.enroll_intro.setMinimumWidth(1)

        # The code made: large enough to read across a table, with its QR.
        self.code_box = QFrame()
        self.code_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.code_box.setBackgroundRole(QPalette.ColorRole.Base)
        self.code_box.setAutoFillBackground(True)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.code_for = QLabel()
        self.code_for.setWordWrap(True)
        self.code_for.setMinimumWidth(1)
        self.code_text = ScaledLabel(2.2, bold=True)
        self.code_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_expiry = QLabel()
        self.code_expiry.setWordWrap(True)
        self.code_expiry.setMinimumWidth(1)
        self.code_hint = QLabel()
        self.code_hint.setWordWrap(True)
        self.code_hint.setMinimumWidth(1)
        theme.muted(self.code_hint)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_code)
        words = QVBoxLayout()
        words.addWidget(self.code_for)
        words.addWidget(self.code_text)
        words.addWidget(self.code_expiry)
        words.addWidget(self.code_hint)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        words.addLayout(copy_row)
        words.addStretch(1)
        made = QHBoxLayout(self.code_box)
        made.addWidget(self.qr_label)
        made.addLayout(words, 1)

        self.codes_title = ScaledLabel(1.15, bold=True)
        self.codes_list = FittingList()
        self.codes_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.cancel_code_button = QPushButton()
        self.cancel_code_button.clicked.connect(self.cancel_code)
        cancel_row = QHBoxLayout()
        cancel_row.addStretch(1)
        cancel_row.addWidget(self.cancel_code_button)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addWidget(self.enroll_intro)
        inner.addWidget(choose)
        inner.addWidget(self.code_box)
        inner.addWidget(self.codes_title)
        inner.addWidget(self.codes_list)
        inner.addLayout(cancel_row)
        inner.addStretch(1)
        area = scrolling(body)
        self._tab(ENROLL, area, stretch=area)

    def _build_devices(self) -> None:
        self.devices_list = WrappingList()
        self.devices_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(self.open_revoke_dialog)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revoke_button)
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self._tab(DEVICES, self.devices_list, holder, stretch=self.devices_list)
        self.revoke_dialog: RevokeDeviceDialog | None = None

    def _build_conflicts(self) -> None:
        self.conflicts_list = WrappingList()
        self.conflicts_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_conflict)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        self._tab(CONFLICTS, self.conflicts_list, holder, stretch=self.conflicts_list)

    def _build_erasures(self) -> None:
        self.erasures_list = WrappingList()
        self.erasures_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self.approve_erasure)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.approve_button)
        self._tab(ERASURES, self.erasures_list, holder, stretch=self.erasures_list)

    def _build_stats(self) -> None:
        self.per_kind = self._table(2)
        self.per_device = self._table(3)
        self.per_week = self._table(2)
        self.stats_titles = [ScaledLabel(1.1, bold=True) for _ in range(3)]
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        for title, table in zip(
            self.stats_titles, (self.per_kind, self.per_device, self.per_week), strict=True
        ):
            title.setWordWrap(True)
            title.setMinimumWidth(1)
            column.addWidget(title)
            column.addWidget(table)
        column.addStretch(1)
        area = scrolling(body)
        self._tab(STATS, area, stretch=area)

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # As tall as its rows (_fill): the tab scrolls, never the table inside it.
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    # Texts -----------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Commune admin")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Commune administration"))
        self.reload_button.setText(self.tr("Ask the hub &again"))
        self.reload_button.setToolTip(self.tr("Fetch every list again from the commune hub (F5)"))
        for index, text in enumerate(
            (
                self.tr("Enroll a new laptop"),
                self.tr("Laptops of the commune"),
                self.tr("Conflicts"),
                self.tr("Erasures to approve"),
                self.tr("Figures"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.not_officer.setText(
            self.tr(
                "Only a commune officer's laptop manages the commune: enrolling laptops, revoking a "
                "lost one, approving erasures. This laptop is not enrolled as an officer's."
            )
        )
        self.enroll_intro.setText(
            self.tr(
                "Make a code, then on the new laptop open Sync and type the code, or read its QR with "
                "the laptop's camera or a phone photo. A code enrolls one laptop once."
            )
        )
        self.role_label.setText(self.tr("&Role:"))
        self._fill_choice(
            self.role_choice, [(self.tr("Volunteer"), "volunteer"), (self.tr("Trainer"), "trainer")]
        )
        self.validity_label.setText(self.tr("&Valid for:"))
        self._fill_choice(
            self.validity_choice,
            [(self.tr("%n day(s)", "", hours // 24), hours) for hours in VALIDITY_HOURS],
            default=1,
        )
        self.make_button.setText(self.tr("&Make a code"))
        self.copy_button.setText(self.tr("&Copy the code"))
        self.copy_button.setToolTip(
            self.tr("The whole code with the hub's address, to paste on the new laptop")
        )
        self.code_hint.setText(
            self.tr(
                "On the new laptop: Sync → Enrollment code, or “Read the code from a QR image…”. "
                "Pasting the whole copied text fills every field."
            )
        )
        self.codes_title.setText(self.tr("Codes not used yet"))
        self.cancel_code_button.setText(self.tr("Ca&ncel the code"))
        self.revoke_button.setText(self.tr("&Revoke the laptop…"))
        self.restore_button.setText(self.tr("Re&store this version"))
        self.restore_button.setToolTip(
            self.tr("Write the overwritten version back as a new edit from this laptop; it syncs as yours")
        )
        self.approve_button.setText(self.tr("A&pprove"))
        for title, text in zip(
            self.stats_titles,
            (self.tr("Records per kind"), self.tr("Records per laptop"), self.tr("Records per week")),
            strict=True,
        ):
            title.setText(text)
        self.per_kind.setHorizontalHeaderLabels([self.tr("Kind of record"), self.tr("Records")])
        self.per_device.setHorizontalHeaderLabels([self.tr("Laptop"), self.tr("Role"), self.tr("Records")])
        self.per_week.setHorizontalHeaderLabels([self.tr("Week of"), self.tr("Records")])
        self._show_all()

    @staticmethod
    def _fill_choice(combo: QComboBox, items: list[tuple[str, Any]], default: int = 0) -> None:
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(current if current >= 0 else default)
        combo.blockSignals(False)

    def role_word(self, role: str | None) -> str:
        return {
            "volunteer": self.tr("Volunteer"),
            "trainer": self.tr("Trainer"),
            "officer": self.tr("Commune officer"),
        }.get(role or "", role or "")

    def ago(self, value: str | None) -> str:
        """“vừa xong”, “5 phút trước”, “2 ngày trước”; a date past two months; "" for none."""
        unit, count = elapsed(value)
        if unit == "now":
            return self.tr("just now")
        if unit == "minutes":
            return self.tr("%n minute(s) ago", "", count)
        if unit == "hours":
            return self.tr("%n hour(s) ago", "", count)
        if unit == "days":
            return self.tr("%n day(s) ago", "", count)
        return when(value)[:10]

    # Loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The lists kept from the last answer at once; then the hub asked again if they are old."""
        op = EngineOp(self.store, _read_kept, parent=self, writes=False)
        op.success(self._kept_loaded).run()

    def _kept_loaded(self, kept: dict[str, Any]) -> None:
        self.role = kept["role"]
        self.my_device = kept["device_id"]
        for what in WHATS:
            if what in self.results:
                continue  # the hub's answer (or the copy shown with its problem) is already here
            entry = kept["kept"].get(what)
            if entry is not None:
                self.results[what] = {"data": entry[1], "at": entry[0], "live": False, "problem": None}
        self._show_all()
        if self.role == "officer" and time.monotonic() - self._fetched_at > FRESH_SECONDS:
            self.fetch()

    def fetch(self, *, force: bool = False, whats: tuple[str, ...] = WHATS) -> None:
        """Ask the hub for the lists `whats` (on the writer: each answer is also kept in the store)."""
        if self.fetching or self.role != "officer":
            return
        self.fetching = True
        self._fetched_at = time.monotonic()
        for what in whats:
            self.fresh[TAB_OF[what]].setText(self.tr("Asking the hub…"))
        self._update_buttons()
        op = EngineOp(self.store, lambda engine: _fetch(engine, whats), parent=self)
        op.changes_store = False  # only the copies kept for offline: no page shows them but this one
        op.success(self._fetched).finished(self._fetch_over).run()

    def _fetched(self, answers: dict[str, dict[str, Any]]) -> None:
        self.results.update(answers)
        self._show_all()

    def _fetch_over(self) -> None:
        self.fetching = False
        self._show_all()

    # Showing ---------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the QR and the tables' heights follow the text size
            self._show_made()
            self._show_stats()

    def _show_all(self) -> None:
        officer = self.role == "officer"
        self.not_officer.setVisible(self.role is not None and not officer)
        self.tabs.setVisible(officer)
        self.reload_button.setVisible(officer)
        self._show_made()
        self._show_codes()
        self._show_devices()
        self._show_conflicts()
        self._show_erasures()
        self._show_stats()
        for what, tab in TAB_OF.items():
            self.fresh[tab].setText(self._freshness(what))
        self._update_buttons()

    def _freshness(self, what: str) -> str:
        """When the list shown was fetched, and why it is an old copy if it is one."""
        result = self.results.get(what)
        if result is None:
            return self.tr("Asking the hub…") if self.fetching else ""
        stamp = when(result.get("at"))
        if result.get("live"):
            return self.tr("Updated at %1.").replace("%1", stamp)
        problem = result.get("problem")
        if problem is None:
            kept = self.tr("Kept copy of %1.").replace("%1", stamp)
            return kept + " " + self.tr("Asking the hub…") if self.fetching else kept
        said = self._problem_text(problem)
        if result.get("data") is None:
            return said + " " + self.tr("No copy of this list is kept on this laptop yet.")
        return said + " " + self.tr("Shown: the copy kept at %1.").replace("%1", stamp)

    def _problem_text(self, problem: KnownError) -> str:
        from volunteer_kit.sync.errors import HubUnreachable

        if isinstance(problem, HubUnreachable):
            return self.tr("Cannot reach the hub; try again when the network is back.")
        return problem.message()

    def _data(self, what: str) -> Any:
        return (self.results.get(what) or {}).get("data")

    def _show_made(self) -> None:
        made = self.made
        self.code_box.setVisible(made is not None)
        if made is None:
            return
        self.code_for.setText(
            self.tr("Enrollment code for a laptop of a %1:").replace("%1", self.role_word(made.get("role")))
        )
        self.code_text.setText(str(made.get("code") or ""))
        self.code_expiry.setText(self.tr("Valid until %1.").replace("%1", when(made.get("expires_at"))))
        side = min(self.fontMetrics().height() * 9, 300)
        self.qr_label.setPixmap(qr_pixmap(made.get("qr") or [], side))
        self.qr_label.setToolTip(str(made.get("enroll_text") or ""))

    def _show_codes(self) -> None:
        codes = self._data("codes") or []
        chosen = self._chosen_id(self.codes_list)
        self.codes_list.clear()
        for code in codes:
            text = (
                self.tr("%1 · made %2 · valid until %3")
                .replace("%1", self.role_word(code.get("role")))
                .replace("%2", when(code.get("created_at")))
                .replace("%3", when(code.get("expires_at")))
            )
            self._add(self.codes_list, text, code.get("id"), chosen)
        if not codes:
            item = QListWidgetItem(self.tr("None: every code was used, cancelled or has expired."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.codes_list.addItem(item)

    def _show_devices(self) -> None:
        devices = self._data("devices") or []
        chosen = self._chosen_id(self.devices_list)
        self.devices_list.clear()
        for device in devices:
            name = str(device.get("label") or "") or self.tr("(no name)")
            if device.get("id") == self.my_device:
                name = self.tr("%1 (this laptop)").replace("%1", name)
            if device.get("revoked"):
                state = self.tr("REVOKED on %1: %2").replace("%1", when(device.get("revoked_at"))[:10])
                state = state.replace("%2", str(device.get("revoked_reason") or ""))
            else:
                state = self.tr("in use")
            contact = self.ago(device.get("last_contact")) or self.tr("never")
            first = f"{name} — {self.role_word(device.get('role'))} — {state}"
            second = (
                self.tr(
                    "Last contact: %1 · enrolled %2 · records sent: %3 · erasures waiting: %4 · version %5"
                )
                .replace("%1", contact)
                .replace("%2", when(device.get("enrolled_at"))[:10])
                .replace("%3", QLocale().toString(int(device.get("records_pushed") or 0)))
                .replace("%4", QLocale().toString(int(device.get("pending_erasures") or 0)))
                .replace("%5", str(device.get("app_version") or "") or self.tr("unknown"))
            )
            item = self._add(self.devices_list, first + "\n" + second, device.get("id"), chosen)
            item.setToolTip(self.tr("Device id: %1").replace("%1", str(device.get("id") or "")))
            if device.get("revoked"):
                item.setForeground(QBrush(QColor(theme.DANGER)))
        if not devices:
            self._placeholder(self.devices_list, self.tr("No laptop to show."))

    def _show_conflicts(self) -> None:
        conflicts = self._data("conflicts") or []
        chosen = self._chosen_id(self.conflicts_list)
        self.conflicts_list.clear()
        for item in conflicts:
            kind = label(RECORD_KINDS, item.get("table"))
            record = f"{kind} “{item['name']}”" if item.get("name") else kind
            text = (
                self.tr("%1: the edit made on %2 was overwritten by a later edit from %3 (%4)")
                .replace("%1", record)
                .replace("%2", self._laptop(item, "overwritten"))
                .replace("%3", self._laptop(item, "by"))
                .replace("%4", when(item.get("at")))
            )
            row = self._add(self.conflicts_list, text, item.get("id"), chosen)
            row.setToolTip(self.tr("Record id: %1").replace("%1", str(item.get("record_id") or "")))
        if not conflicts:
            self._placeholder(self.conflicts_list, self.tr("No edit of the commune was overwritten."))

    def _laptop(self, item: dict[str, Any], who: str) -> str:
        if item.get(f"{who}_is_me"):
            return self.tr("this laptop")
        if item.get(f"{who}_name"):
            return f"“{item[f'{who}_name']}”"
        if item.get(f"{who}_user"):
            return self.tr("the laptop of %1").replace("%1", str(item[f"{who}_user"]))
        return self.tr("another laptop")

    def _device_name(self, device_id: str | None) -> str:
        if not device_id:
            return ""
        if device_id == self.my_device:
            return self.tr("this laptop")
        for device in self._data("devices") or []:
            if device.get("id") == device_id and device.get("label"):
                return f"“{device['label']}”"
        return self.tr("another laptop")

    def _show_erasures(self) -> None:
        erasures = list(self._data("erasures") or [])
        # The waiting ones first (they ask for a decision), then the trail, newest first.
        erasures.sort(key=lambda e: (e.get("status") != "waiting", _negated(str(e.get("at") or ""))))
        chosen = self._chosen_id(self.erasures_list)
        self.erasures_list.clear()
        for erasure in erasures:
            kind = label(RECORD_KINDS, erasure.get("table"))
            record = f"{kind} “{erasure['name']}”" if erasure.get("name") else kind
            if erasure.get("status") == "waiting":
                text = self.tr("WAITING — %1, asked from %2 on %3").replace("%1", record)
            else:
                text = self.tr("Erased — %1, asked from %2 on %3; approved by %4 on %5").replace("%1", record)
                approver = erasure.get("approved_by")
                text = text.replace(
                    "%4", self._device_name(approver) if approver != "hub" else self.tr("the hub operator")
                ).replace("%5", when(erasure.get("approved_at")))
            text = text.replace("%2", self._device_name(erasure.get("device_id"))).replace(
                "%3", when(erasure.get("at"))
            )
            row = self._add(self.erasures_list, text, erasure.get("id"), chosen)
            row.setData(Qt.ItemDataRole.UserRole + 1, erasure.get("status"))
            row.setToolTip(self.tr("Record id: %1").replace("%1", str(erasure.get("record_id") or "")))
        if not erasures:
            self._placeholder(self.erasures_list, self.tr("No erasure waits, and none was made yet."))

    def _show_stats(self) -> None:
        stats = self._data("stats") or {}
        kinds = sorted((stats.get("per_kind") or {}).items(), key=lambda kv: -int(kv[1]))
        self._fill(self.per_kind, [(label(RECORD_KINDS, k), _n(v)) for k, v in kinds])
        self._fill(
            self.per_device,
            [
                (
                    str(d.get("label") or "") or self.tr("(no name)"),
                    self.role_word(d.get("role")),
                    _n(d.get("records")),
                )
                for d in stats.get("per_device") or []
            ],
        )
        weeks = [
            (when(f"{w.get('week_start')}T12:00:00Z")[:10], _n(w.get("records")))
            for w in stats.get("per_week") or []
        ]
        self._fill(self.per_week, list(reversed(weeks)))

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c == len(values) - 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)
        table.resizeRowsToContents()
        tall = sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + tall + 2 * table.frameWidth() + 2)

    @staticmethod
    def _chosen_id(items: Any) -> Any:
        current = items.currentItem()
        return current.data(Qt.ItemDataRole.UserRole) if current is not None else None

    @staticmethod
    def _add(items: Any, text: str, key: Any, chosen: Any) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        items.addItem(item)
        if key is not None and key == chosen:
            items.setCurrentItem(item)
        return item

    @staticmethod
    def _placeholder(items: Any, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        items.addItem(item)

    def _selected(self, what: str, items: Any) -> dict[str, Any] | None:
        key = self._chosen_id(items)
        if key is None:
            return None
        return next((entry for entry in self._data(what) or [] if entry.get("id") == key), None)

    def _update_buttons(self) -> None:
        working = self.busy or self.fetching
        self.reload_button.setEnabled(not working)
        self.make_button.setEnabled(not working)
        self.copy_button.setEnabled(self.made is not None)
        self.cancel_code_button.setEnabled(
            not working and self._selected("codes", self.codes_list) is not None
        )
        device = self._selected("devices", self.devices_list)
        self.revoke_button.setEnabled(
            not working
            and device is not None
            and not device.get("revoked")
            and device.get("role") != "officer"
            and device.get("id") != self.my_device
        )
        self.restore_button.setEnabled(
            not working and self._selected("conflicts", self.conflicts_list) is not None
        )
        erasure = self._selected("erasures", self.erasures_list)
        self.approve_button.setEnabled(
            not working and erasure is not None and erasure.get("status") == "waiting"
        )

    # Actions ---------------------------------------------------------------------------------------
    def _act(self, tab: int, work: Any, done: Any, *, writes: bool = False, failed: Any = None) -> None:
        """Run `work(engine)` on the writer; `done(answer)` after; a problem said on the tab."""
        self.busy = True
        self.notes[tab].setText(self.tr("Asking the hub…"))
        self._update_buttons()

        def problem(error: KnownError) -> None:
            text = self._problem_text(error)
            self.notes[tab].setText(text)
            if failed is not None:
                failed(text)

        op = EngineOp(self.store, work, parent=self)
        op.changes_store = writes
        op.success(done).failure(problem).finished(self._act_over).run()

    def _act_over(self) -> None:
        self.busy = False
        self._update_buttons()

    def make_code(self) -> None:
        role, hours = self.role_choice.currentData(), float(self.validity_choice.currentData())

        def done(made: dict[str, Any]) -> None:
            self.made = made
            self._show_made()
            self.notes[ENROLL].setText(self.tr("Code made: give it to the new laptop's user."))
            self.fetch(force=True, whats=("codes",))

        self._act(ENROLL, lambda engine: _make_code(engine, role, hours), done)

    def copy_code(self) -> None:
        if self.made is None:
            return
        QGuiApplication.clipboard().setText(str(self.made.get("enroll_text") or self.made.get("code") or ""))
        self.notes[ENROLL].setText(self.tr("Copied."))

    def cancel_code(self) -> None:
        code = self._selected("codes", self.codes_list)
        if code is None:
            return
        code_id = str(code["id"])

        def done(_nothing: Any) -> None:
            self.notes[ENROLL].setText(self.tr("The code was cancelled: nobody can enroll with it now."))
            if self.made is not None and self.made.get("id") == code_id:
                self.made = None
                self._show_made()
            self.fetch(force=True, whats=("codes",))

        self._act(ENROLL, lambda engine: _call("cancel_code", engine, code_id), done)

    def open_revoke_dialog(self) -> RevokeDeviceDialog | None:
        device = self._selected("devices", self.devices_list)
        if device is None:
            return None
        name = str(device.get("label") or "") or str(device.get("id"))
        dialog = RevokeDeviceDialog(
            name,
            self.role_word(device.get("role")),
            self.ago(device.get("last_contact")) or self.tr("never"),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(lambda reason: self.revoke(str(device["id"]), name, reason, dialog))
        self.revoke_dialog = dialog
        dialog.open()
        return dialog

    def revoke(
        self, device_id: str, name: str, reason: str, dialog: RevokeDeviceDialog | None = None
    ) -> None:
        def done(entry: dict[str, Any]) -> None:
            devices = [entry if d.get("id") == device_id else d for d in self._data("devices") or []]
            self.results.setdefault("devices", {"at": None, "live": True, "problem": None})["data"] = devices
            self._show_devices()
            self.notes[DEVICES].setText(
                self.tr("“%1” is revoked: its next sync is refused.").replace("%1", name)
            )
            if dialog is not None:
                dialog.accept()
            self.fetch(force=True, whats=("devices",))

        def failed(text: str) -> None:
            if dialog is not None:
                dialog.failed(text)

        self._act(
            DEVICES, lambda engine: _call("revoke_device", engine, device_id, reason), done, failed=failed
        )

    def restore_conflict(self) -> None:
        conflict = self._selected("conflicts", self.conflicts_list)
        if conflict is None:
            return

        def done(_nothing: Any) -> None:
            self.notes[CONFLICTS].setText(
                self.tr(
                    "The overwritten version is written back as a new edit on this laptop; it goes "
                    "at the next sync."
                )
            )

        self._act(CONFLICTS, lambda engine: _call("restore_conflict", engine, conflict), done, writes=True)

    def approve_erasure(self) -> None:
        erasure = self._selected("erasures", self.erasures_list)
        if erasure is None or erasure.get("status") != "waiting":
            return
        erasure_id = erasure["id"]

        def done(_entry: Any) -> None:
            self.notes[ERASURES].setText(self.tr("Approved: the record is erased on the hub."))
            self.fetch(force=True, whats=("erasures", "devices"))

        self._act(ERASURES, lambda engine: _call("approve_erasure", engine, erasure_id), done)


def _n(value: Any) -> str:
    return QLocale().toString(int(value or 0))


def _negated(text: str) -> str:
    """A sort key for newest first among ISO times (the characters' order reversed)."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text)


# The work, on the store's writer (volunteer_kit/sync/admin.py does the network I/O and keeps each list
# answered for offline use); its modules are imported there, never on the GUI thread.
def _read_kept(engine: Any) -> dict[str, Any]:
    from volunteer_kit.store.devices import this_device_id
    from volunteer_kit.sync import admin, local
    from volunteer_kit.sync.overview import name_conflicts

    with engine.connect() as conn:
        state = local.read_state(conn)
        role = state.get(local.ROLE) if state.get(local.TOKEN) else None
        device_id = this_device_id(conn)
    kept: dict[str, Any] = {}
    if role == "officer":
        for what in WHATS:
            kept[what] = admin.cached(engine, what)
        kept = {what: entry for what, entry in kept.items() if entry is not None}
        if "conflicts" in kept:
            with engine.connect() as conn:
                kept["conflicts"] = (kept["conflicts"][0], name_conflicts(conn, kept["conflicts"][1]))
        if "erasures" in kept:
            kept["erasures"] = (kept["erasures"][0], _named_erasures(engine, kept["erasures"][1]))
    return {"role": role or "volunteer", "device_id": device_id, "kept": kept}


def _named_erasures(engine: Any, erasures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from volunteer_kit.store.record_names import record_names

    items = [dict(e) for e in erasures]
    with engine.connect() as conn:
        names = record_names(conn, ((str(e.get("table")), str(e.get("record_id"))) for e in items))
    for item in items:
        item["name"] = names.get((str(item.get("table")), str(item.get("record_id"))), "")
    return items


def _fetch(engine: Any, whats: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Each list from the hub; after the first problem (the hub unreachable, say), the kept copies,
    each with that problem (one timeout, not five)."""
    from volunteer_kit.core.clock import utcnow
    from volunteer_kit.sync import admin
    from volunteer_kit.sync.overview import name_conflicts

    calls: dict[str, Callable[[Any], Any]] = {
        "codes": admin.list_codes,
        "devices": admin.list_devices,
        "conflicts": admin.list_conflicts,
        "erasures": admin.list_erasures,
        "stats": lambda engine: admin.stats(engine, weeks=STATS_WEEKS),
    }
    answers: dict[str, dict[str, Any]] = {}
    problem: KnownError | None = None
    for what in whats:
        data: Any = None
        if problem is None:
            try:
                data = calls[what](engine)
            except KnownError as error:
                problem = error
            else:
                if what == "conflicts":
                    with engine.connect() as conn:
                        data = name_conflicts(conn, data)
                elif what == "erasures":
                    data = _named_erasures(engine, data)
                stamp = utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
                answers[what] = {"data": data, "at": stamp, "live": True, "problem": None}
                continue
        kept = admin.cached(engine, what)
        data = kept[1] if kept else None
        if kept and what == "conflicts":
            with engine.connect() as conn:
                data = name_conflicts(conn, data)
        elif kept and what == "erasures":
            data = _named_erasures(engine, data)
        answers[what] = {"data": data, "at": kept[0] if kept else None, "live": False, "problem": problem}
    return answers


def _make_code(engine: Any, role: str, hours: float) -> dict[str, Any]:
    from volunteer_kit.sync import admin
    from volunteer_kit.ui.admin_widgets import qr_matrix

    made = dict(admin.make_code(engine, role, hours))
    made["qr"] = qr_matrix(str(made.get("enroll_text") or made.get("code") or ""))
    return made


def _call(name: str, engine: Any, *args: Any) -> Any:
    from volunteer_kit.sync import admin

    return getattr(admin, name)(engine, *args)
