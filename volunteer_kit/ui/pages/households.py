"""Households: by hamlet, each with its people, its visits, and the five household skills."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.competencies import HOUSEHOLD_SKILLS, competency_name
from volunteer_kit.core.records import HouseholdDetail, HouseholdRow
from volunteer_kit.core.text import fold
from volunteer_kit.core.vocab import GENDERS, SESSION_KINDS
from volunteer_kit.errors import language
from volunteer_kit.packs.outline import PackOutline, installed_outlines
from volunteer_kit.ui import theme
from volunteer_kit.ui.labels import groups_text, label
from volunteer_kit.ui.ops import ReadOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.reflow import (
    CodedLines,
    ColumnChooser,
    FittingComboBox,
    FlowLabel,
    ListDetailSplitter,
    NoMatch,
    field,
    flow_row,
    row_height,
)
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

if TYPE_CHECKING:
    from volunteer_kit.store.household_view import HouseholdList, HouseholdRecord

SEARCH_DELAY_MS = 200
COLUMN_CHARS = (22, 24, 17, 9, 9, 9)
# Which columns show first when the list is narrow: head, skills, address, hamlet, people, visits.
COLUMN_RANK = (0, 5, 1, 2, 3, 4)


def _date_text(when) -> str:
    here = local(when)
    return QLocale().toString(QDate(here.year, here.month, here.day), "dd/MM/yyyy")


def _place(address: str, hamlet: str) -> str:
    """The address, with the hamlet unless the address already names it."""
    if not address or fold(hamlet) in fold(address):
        return address or hamlet
    return f"{address}, {hamlet}"


def _wrapping_list() -> QListWidget:
    items = QListWidget()
    items.setWordWrap(True)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    items.setSpacing(2)
    return items


class HouseholdDetailView(QWidget):
    """One household: where, who, which household skills someone has shown, and the visits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: HouseholdDetail | None = None
        self.outlines: dict[str, PackOutline] = {}
        self.name = ScaledLabel(1.6, bold=True)
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.place = QLabel()
        self.place.setWordWrap(True)
        self.status = ScaledLabel(1.15, bold=True)
        self.status.setWordWrap(True)
        self.skills_title = ScaledLabel(1.15, bold=True)
        self.skills = CodedLines()
        self.members_title = ScaledLabel(1.15, bold=True)
        self.members = _wrapping_list()
        self.members_title.setBuddy(self.members)
        self.visits_title = ScaledLabel(1.15, bold=True)
        self.visits = _wrapping_list()
        self.add_button = QPushButton()
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        for text in (self.name, self.place, self.status, self.skills_title):
            text.setWordWrap(True)
            text.setMinimumWidth(1)  # wrap to the panel at large text sizes instead of widening it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.name)
        layout.addWidget(self.place)
        layout.addWidget(self.status)
        layout.addWidget(self.skills_title)
        layout.addWidget(self.skills)
        layout.addWidget(self.members_title)
        layout.addWidget(self.members)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.visits_title)
        layout.addWidget(self.visits)
        layout.addStretch(1)
        self.show_detail(None)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("Choose a household in the list to see its people and visits."))
        self.add_button.setText(self.tr("Add &people…"))
        self.add_button.setToolTip(self.tr("Register more people of this household, with their consent"))
        self.skills_title.setText(self.tr("Household skills"))
        self.show_detail(self.detail)

    def show_detail(self, detail: HouseholdDetail | None) -> None:
        self.detail = detail
        self.placeholder.setVisible(detail is None)
        for widget in (
            self.name,
            self.place,
            self.status,
            self.skills_title,
            self.skills,
            self.members_title,
            self.members,
            self.add_button,
            self.visits_title,
            self.visits,
        ):
            widget.setVisible(detail is not None)
        if detail is None:
            return
        household = detail.household
        self.name.setText(household.head_name or self.tr("(name erased)"))
        self.place.setText(_place(household.address, household.hamlet))
        shown = len(household.skills)
        self.status.setText(
            self.tr("Digital household: all five skills shown ✓")
            if shown == len(HOUSEHOLD_SKILLS)
            else self.tr("%1 of 5 household skills shown").replace("%1", str(shown))
        )
        self._show_skills(detail)
        self.members_title.setText(self.tr("People (%n)", "", len(detail.members)))
        self.members.clear()
        for m in detail.members:
            if m.anonymized:
                self.members.addItem(self.tr("(consent withdrawn: identifying data erased)"))
                continue
            consent = (
                self.tr("consent given by %1").replace("%1", m.representative_name)
                if m.consent_by == "representative"
                else self.tr("consent given")
                if m.consent_by == "self"
                else self.tr("no consent recorded")
            )
            parts = (
                m.full_name,
                str(m.birth_year or ""),
                label(GENDERS, m.gender),
                groups_text(m.groups),
                consent,
            )
            self.members.addItem(" · ".join(p for p in parts if p))
        self.visits_title.setText(self.tr("Visits and sessions (%n)", "", len(detail.visits)))
        self.visits.clear()
        for v in detail.visits:
            outline = self.outlines.get(v.pack_id)
            pack = outline.title(language()) if outline else v.pack_id
            who = ", ".join(v.present)
            self.visits.addItem(
                f"{_date_text(v.starts_at)} · {label(SESSION_KINDS, v.kind)} · {pack} · {who}"
            )
        if not detail.visits:
            self.visits.addItem(self.tr("Not visited yet"))

    def _show_skills(self, detail: HouseholdDetail) -> None:
        lang = language()
        taught = {c for o in self.outlines.values() for c in o.competencies if c in HOUSEHOLD_SKILLS}
        lines = []
        for code in HOUSEHOLD_SKILLS:
            names = detail.shown_by.get(code)
            if names:
                state = "✓ " + self.tr("shown by %1").replace("%1", ", ".join(names))
            elif code in taught:
                state = "○ " + self.tr("not yet")
            else:
                state = "○ " + self.tr("not yet (no lesson pack on this laptop teaches it)")
            lines.append((code, f"{competency_name(code, lang)}: {state}"))
        self.skills.set_lines(lines)
        self.skills.setToolTip(
            self.tr(
                "A skill counts as shown when a member did every required skill check of a "
                "lesson pack that teaches it, by themselves"
            )
        )


class HouseholdsPage(Page):
    loaded = Signal(int)  # households matching, after each load
    detail_shown = Signal(object)

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._generation = 0
        self._hamlets: list[str] = []
        self._rows: list[HouseholdRow] = []
        self._total: int | None = None
        self._selected_id: str | None = None
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_box)
        self.hamlet_box = FittingComboBox()
        self.hamlet_label = QLabel()
        self.hamlet_label.setBuddy(self.hamlet_box)
        self.register_button = theme.primary(QPushButton())
        self.register_button.clicked.connect(self.open_register_dialog)
        self.model = QStandardItemModel(0, len(COLUMN_CHARS), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count_label = FlowLabel()
        self.detail_view = HouseholdDetailView()
        self.detail_view.add_button.clicked.connect(self.open_add_people_dialog)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.hamlet_box.currentIndexChanged.connect(lambda _i: self.refresh())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.open_register_dialog)

        self.columns_button = ColumnChooser(
            self.table, "households", chars=COLUMN_CHARS, rank=COLUMN_RANK, keep=0
        )
        self.no_match = NoMatch()
        self.no_match.clear_button.clicked.connect(self.clear_search)
        self.no_match.add_button.clicked.connect(self.open_register_dialog)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.no_match)

        # One row of filters on a wide window; they wrap to more rows when it is narrow.
        filters = flow_row(
            field(self.search_label, self.search_box, grow=True),
            field(self.hamlet_label, self.hamlet_box),
            self.columns_button,
            self.register_button,
            self.count_label,
        )
        self.splitter = ListDetailSplitter(self._side_by_side_width, self._list_height)
        self.splitter.addWidget(self.list_stack)
        self.detail_area = scrolling(self.detail_view)
        self.splitter.addWidget(self.detail_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(filters)
        layout.addWidget(self.splitter, 1)
        self.retranslate()
        self.fit_columns()

    def _side_by_side_width(self) -> int:
        """The head of household and the skills beside a detail about 36 characters wide."""
        return self.columns_button.needed_width(2) + 36 * self.fontMetrics().averageCharWidth()

    def _list_height(self) -> int:
        """Five rows and the header, when the list is above the detail."""
        table = self.table
        rows = 5 * table.verticalHeader().defaultSectionSize()
        return rows + table.horizontalHeader().height() + 2 * table.frameWidth()

    def title(self) -> str:
        return self.tr("Households")

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search_box.setPlaceholderText(self.tr("Head of household or address; accents optional"))
        self.search_box.setToolTip(self.search_box.placeholderText())
        self.search_box.setAccessibleName(self.tr("Search households"))
        self.hamlet_label.setText(self.tr("&Hamlet:"))
        self.register_button.setText(self.tr("&Register household…"))
        self.register_button.setToolTip(
            self.tr("A new household and its people, with their consent (Ctrl+N)")
        )
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Head of household"),
                self.tr("Address"),
                self.tr("Hamlet"),
                self.tr("People"),
                self.tr("Visits"),
                self.tr("Skills"),
            ]
        )
        self._fill_hamlets()
        self.detail_view.retranslate()
        self.columns_button.retranslate()
        self.no_match.clear_button.setText(self.tr("&Clear the search"))
        self.no_match.add_button.setText(self.tr("&Register household…"))
        self._show_rows()

    def fit_columns(self) -> None:
        """Column widths, row height and the search box's width from the current font (they follow
        the text size); the lesser columns hide when the list is too narrow for them."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(row_height(metrics))
        self.search_box.setMinimumWidth(18 * metrics.averageCharWidth())
        self.columns_button.fit()
        self.splitter.arrange()

    def _fill_hamlets(self) -> None:
        chosen = self.hamlet_box.currentData()
        self.hamlet_box.blockSignals(True)
        self.hamlet_box.clear()
        self.hamlet_box.addItem(self.tr("All hamlets"), None)
        for name in self._hamlets:
            self.hamlet_box.addItem(name, name)
        self.hamlet_box.setCurrentIndex(max(self.hamlet_box.findData(chosen), 0))
        self.hamlet_box.blockSignals(False)

    def show_hamlet(self, hamlet: str) -> None:
        """Show the households of one hamlet (from the Today page)."""
        if hamlet not in self._hamlets:
            self._hamlets = sorted({*self._hamlets, hamlet})
            self._fill_hamlets()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.hamlet_box.setCurrentIndex(max(self.hamlet_box.findData(hamlet), 0))
        self.refresh()

    # Loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation

        def done(answer: HouseholdList) -> None:
            if generation != self._generation:
                return
            self._rows, self._total = answer.rows, answer.total
            if answer.hamlets != self._hamlets:
                self._hamlets = answer.hamlets
                self._fill_hamlets()
            self._show_rows()
            self.loaded.emit(self._total)

        from volunteer_kit.store.household_view import household_list

        hamlet, search = self.hamlet_box.currentData(), self.search_box.text()
        (
            ReadOp(
                self.store,
                lambda conn: household_list(conn, installed_outlines(), hamlet=hamlet, search=search),
                parent=self,
            )
            .success(done)
            .run()
        )

    def _show_rows(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        keep = None
        for n, row in enumerate(self._rows):
            skills = f"{len(row.skills)}/5" + (" ✓" if len(row.skills) == len(HOUSEHOLD_SKILLS) else "")
            cells = [
                row.head_name or self.tr("(name erased)"),
                row.address,
                row.hamlet,
                QLocale().toString(row.member_count),
                QLocale().toString(row.visit_count),
                skills,
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(row.id, Qt.ItemDataRole.UserRole)
            for item in items[:3]:  # a long address is cut in its column: the whole of it on hover
                item.setToolTip(item.text())
            for item in items[3:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.model.appendRow(items)
            if row.id == self._selected_id:
                keep = n
        if self._total is None:
            self.count_label.setText(self.tr("Loading…"))
        else:
            digital = sum(len(r.skills) == len(HOUSEHOLD_SKILLS) for r in self._rows)
            text = (
                self.tr("%n household(s)", "", self._total)
                + " · "
                + self.tr("%1 digital household(s) (all five skills)").replace(
                    "%1", QLocale().toString(digital)
                )
            )
            if self._total > len(self._rows):
                text += " · " + self.tr("showing the first %1: choose a hamlet or search").replace(
                    "%1", QLocale().toString(len(self._rows))
                )
            self.count_label.setText(text)
        self._show_matches()
        if keep is not None:
            self.table.selectRow(keep)
        else:
            self.detail_view.show_detail(None)

    def _show_matches(self) -> None:
        """The table, or one sentence saying that no household matched and what to do."""
        found = bool(self._rows) or self._total is None
        self.list_stack.setCurrentWidget(self.table if found else self.no_match)
        self.detail_area.setVisible(found)  # nobody to choose: no "choose someone" beside the sentence
        if found:
            return
        text = self.search_box.text().strip()
        filtered = self.hamlet_box.currentData() is not None
        if text and filtered:
            sentence = self.tr("No household in this hamlet has a head or address matching “%1”.").replace(
                "%1", text
            )
        elif text:
            sentence = self.tr("No household has a head or address matching “%1”.").replace("%1", text)
        elif filtered:
            sentence = self.tr("No household is registered in this hamlet yet.")
        else:
            sentence = self.tr("No household is registered yet.")
        self.no_match.text.setText(sentence)
        self.no_match.clear_button.setVisible(bool(text) or filtered)

    def clear_search(self) -> None:
        """Empty the search box and the hamlet: every household again."""
        for widget in (self.search_box, self.hamlet_box):
            widget.blockSignals(True)
        self.search_box.clear()
        self.hamlet_box.setCurrentIndex(0)
        for widget in (self.search_box, self.hamlet_box):
            widget.blockSignals(False)
        self.refresh()
        self.search_box.setFocus()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if rows:
            self.show_household(self.model.item(min(rows), 0).data(Qt.ItemDataRole.UserRole))

    def show_household(self, household_id: str) -> None:
        self._selected_id = household_id

        def done(answer: HouseholdRecord) -> None:
            if household_id != self._selected_id:
                return
            self.detail_view.outlines = answer.outlines
            self.detail_view.show_detail(answer.detail)
            self.detail_shown.emit(answer.detail)

        from volunteer_kit.store.household_view import household_record

        (
            ReadOp(
                self.store,
                lambda conn: household_record(conn, installed_outlines(), household_id),
                parent=self,
            )
            .success(done)
            .run()
        )

    # Registering --------------------------------------------------------------------------------
    def open_register_dialog(self) -> QWidget:
        from volunteer_kit.ui.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.store, hamlets=self._hamlets, parent=self)
        return self._open(dialog)

    def open_add_people_dialog(self) -> QWidget | None:
        from volunteer_kit.ui.household_dialog import HouseholdDialog

        detail = self.detail_view.detail
        if detail is None:
            return None
        dialog = HouseholdDialog(
            self.store,
            hamlets=self._hamlets,
            household_id=detail.household.id,
            household_title=detail.household.head_name,
            parent=self,
        )
        return self._open(dialog)

    def _open(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._registered)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def _registered(self, household_id: str) -> None:
        self._selected_id = household_id
        self.refresh()
