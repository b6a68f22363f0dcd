"""Today: the volunteer's overview when the app opens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.vocab import SESSION_KINDS
from volunteer_kit.errors import language
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import FittingList, ScaledLabel, StatCard, scrolling

if TYPE_CHECKING:
    from volunteer_kit.core.records import TodayCounts, ToDo
    from volunteer_kit.packs.outline import PackOutline


class ToDoList(QGroupBox):
    """One kind of work still to do: a titled list whose items open where the work is done; empty, why
    it is empty and (where there is one) the way to the work that would fill it.

    The page scrolls, so the list does not: it shows its first rows in full and a button for
    the rest, instead of a second scroll bar inside the page's."""

    FIRST_ROWS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = FittingList()
        self.show_all = QPushButton()
        self.show_all.clicked.connect(self._show_all)
        self.empty = EmptyState()
        self.empty.setVisible(False)
        self.more = QLabel()
        self.more.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.more, 1)
        row.addWidget(self.show_all)
        layout.addLayout(row)

    def fill(
        self,
        entries: Sequence[tuple[str, object]],
        more: str,
        empty: str,
        action: str = "",
        callback: Callable[[], object] | None = None,
    ) -> None:
        self.items.clear()
        for text, data in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            self.items.addItem(item)
            item.setHidden(self.items.count() > self.FIRST_ROWS)
        self.items.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        self.empty.set_texts(empty, action, callback)
        hidden = len(entries) - self.FIRST_ROWS
        self.show_all.setText(self.tr("Show all %n", "", len(entries)))
        self.show_all.setVisible(hidden > 0)
        self.more.setText(more)
        self.more.setVisible(bool(more))

    def _show_all(self) -> None:
        for row in range(self.items.count()):
            self.items.item(row).setHidden(False)
        self.show_all.hide()
        self.items.fit()


class TodayPage(Page):
    loaded = Signal(object)  # TodayCounts, after each refresh
    hamlet_chosen = Signal(str)  # open the households of this hamlet
    learner_chosen = Signal(str)  # open this learner's record
    session_chosen = Signal(str)  # open this session

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
        self.todo: ToDo | None = None
        self.outlines: dict[str, PackOutline] = {}
        self.todo_heading = ScaledLabel(1.4, bold=True)
        self.open_sessions = ToDoList()
        self.unvisited = ToDoList()
        self.one_short = ToDoList()
        self.open_sessions.items.itemActivated.connect(
            lambda item: self._activated(item, self.session_chosen)
        )
        self.unvisited.items.itemActivated.connect(lambda item: self._activated(item, self.hamlet_chosen))
        self.one_short.items.itemActivated.connect(lambda item: self._activated(item, self.learner_chosen))

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
        layout.addSpacing(8)
        layout.addWidget(self.todo_heading)
        layout.addWidget(self.open_sessions)
        layout.addWidget(self.unvisited)
        layout.addWidget(self.one_short)
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
        self.todo_heading.setText(self.tr("What needs doing"))
        self.open_sessions.setTitle(self.tr("Sessions whose attendance is still open"))
        self.unvisited.setTitle(self.tr("Households not visited yet"))
        self.one_short.setTitle(self.tr("Learners one lesson short of finishing a pack"))
        for box in (self.open_sessions, self.unvisited, self.one_short):
            box.items.setToolTip(self.tr("Enter or double-click opens it"))
        self._show()
        self._show_todo()

    def refresh(self) -> None:
        from volunteer_kit.store import overview

        counts = ReadOp(self.store, lambda conn: overview.today_counts(conn), parent=self)
        counts.success(self._loaded).run()
        to_do = ReadOp(self.store, lambda conn: overview.to_do_and_outlines(conn), parent=self)
        to_do.success(self._todo_loaded).run()

    def _activated(self, item: QListWidgetItem, signal: SignalInstance) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            signal.emit(data)

    def _todo_loaded(self, answer: tuple[ToDo, dict[str, PackOutline]]) -> None:
        self.todo, self.outlines = answer
        self._show_todo()

    def _pack_title(self, pack_id: str) -> str:
        outline = self.outlines.get(pack_id)
        return outline.title(language()) if outline else pack_id

    def _show_todo(self) -> None:
        todo = self.todo
        if todo is None:
            return
        locale = QLocale()
        sessions = []
        for s in todo.open_sessions:
            when = local(s.starts_at)
            day = locale.toString(QDate(when.year, when.month, when.day), "dd/MM")
            counts = (
                self.tr("%1 of %2 present")
                .replace("%1", str(s.present_count))
                .replace("%2", str(s.attendance_count))
            )
            where = s.place or s.hamlet
            parts = (day, label(SESSION_KINDS, s.kind), self._pack_title(s.pack_id), where, counts)
            sessions.append((" · ".join(p for p in parts if p), s.id))
        self.open_sessions.fill(
            sessions,
            "",
            self.tr("No session waits for its attendance: every one is closed."),
            self.tr("Teach a lesson…"),
            lambda: self.open_page.emit("lessons"),
        )
        hamlets = [
            (self.tr("%1: %n household(s)", "", count).replace("%1", hamlet), hamlet)
            for hamlet, count in todo.unvisited_by_hamlet
        ]
        registered = self.counts is None or self.counts.households > 0
        self.unvisited.fill(
            hamlets,
            "",
            self.tr("Every household has been visited.")
            if registered
            else self.tr("No household is registered on this laptop yet."),
            self.tr("Open the Households page"),
            lambda: self.open_page.emit("households"),
        )
        lang = language()
        learners = []
        for learner_id, name, hamlet, pack_id, lesson in todo.one_lesson_short:
            outline = self.outlines.get(pack_id)
            missing = outline.lesson_title(lesson, lang) if outline else lesson
            text = self.tr("%1 (%2) · %3 · still to learn: %4")
            for mark, value in (
                ("%1", name),
                ("%2", hamlet),
                ("%3", self._pack_title(pack_id)),
                ("%4", missing),
            ):
                text = text.replace(mark, value)
            learners.append((text, learner_id))
        hidden = todo.one_lesson_short_total - len(learners)
        more = self.tr("and %n more", "", hidden) if hidden > 0 else ""
        if self.counts is not None and self.counts.learners == 0:
            self.one_short.fill(
                learners,
                more,
                self.tr("No learner is registered on this laptop yet."),
                self.tr("Open the Learners page"),
                lambda: self.open_page.emit("learners"),
            )
        else:
            self.one_short.fill(
                learners,
                more,
                self.tr(
                    "Nobody is one lesson short of a pack right now: "
                    "teaching the next lessons brings them here."
                ),
                self.tr("Teach a lesson…"),
                lambda: self.open_page.emit("lessons"),
            )

    def _loaded(self, counts: TodayCounts) -> None:
        self.counts = counts
        self._show()
        self._show_todo()  # an empty list's way forward depends on what is registered at all
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
            self.subheading.setText(
                self.tr("No commune yet: enroll this laptop with the commune hub on the Sync page.")
            )
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
