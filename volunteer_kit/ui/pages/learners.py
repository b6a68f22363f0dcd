"""Learners: search as you type (accents optional), filters, and one learner's record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.clock import local
from volunteer_kit.core.competencies import competency_name
from volunteer_kit.core.records import LearnerDetail, LearnerFilter, LearnerRow, Profile
from volunteer_kit.core.text import fold
from volunteer_kit.core.vocab import GENDERS, GROUPS, SESSION_KINDS
from volunteer_kit.errors import language
from volunteer_kit.packs.outline import PackOutline, PackProgress, installed_outlines
from volunteer_kit.ui import theme
from volunteer_kit.ui.labels import groups_text, label
from volunteer_kit.ui.learners_model import LearnersModel
from volunteer_kit.ui.ops import ReadOp, WriteOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.reflow import (
    CodedLines,
    ColumnChooser,
    FittingComboBox,
    ListDetailSplitter,
    NoMatch,
    field,
    flow_row,
    row_height,
)
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import FittingList, ScaledLabel, scrolling

if TYPE_CHECKING:
    from volunteer_kit.store.learner_view import LearnerRecord

SEARCH_DELAY_MS = 150


# Column widths in average character widths, so they follow the text size.
COLUMN_CHARS = (26, 9, 8, 17, 20, 12)
# Which columns show first when the list is narrow: name, birth year, hamlet, groups, gender, phone.
COLUMN_RANK = (0, 1, 3, 4, 2, 5)


def _date_text(when) -> str:
    here = local(when)
    return QLocale().toString(QDate(here.year, here.month, here.day), "dd/MM/yyyy")


class ProgressView(QWidget):
    """A learner's progress: per pack begun, its plain title and a bar of lessons done, the quiz and
    the skill checks; then the competencies those packs build, by name (the code only as a small note).

    text() says the same in lines of plain text (to copy, and for screen readers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._lines: list[str] = []
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self._parts: list[QWidget] = []

    def text(self) -> str:
        return "\n".join(self._lines)

    def show_progress(self, progress: Sequence[PackProgress], pack_title: Callable[[str], str]) -> None:
        for part in self._parts:
            self._layout.removeWidget(part)
            part.deleteLater()
        self._parts = []
        self.empty.setVisible(not progress)
        if not progress:
            self.empty.setText(self.tr("No lessons yet."))
            self._lines = [self.empty.text()]
            return
        lines = []
        reached: dict[str, bool] = {}
        for p in progress:
            title, lessons = pack_title(p.outline.pack_id), len(p.outline.lesson_ids)
            quiz = (
                (self.tr("quiz %1% (passed)") if p.quiz_passed else self.tr("quiz %1% (not passed)")).replace(
                    "%1", QLocale().toString(p.best_score, "f", 0)
                )
                if p.best_score is not None
                else self.tr("quiz not taken")
            )
            state = self.tr("complete ✓") if p.complete else self.tr("in progress")
            lines.append(
                self.tr("%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7")
                .replace("%1", title)
                .replace("%2", str(p.lessons_done))
                .replace("%3", str(lessons))
                .replace("%4", quiz)
                .replace("%5", str(p.required_checks_done))
                .replace("%6", str(len(p.outline.required_checks)))
                .replace("%7", state)
            )
            checks = (
                self.tr("%1 · skill checks %2 of %3")
                .replace("%1", quiz)
                .replace("%2", str(p.required_checks_done))
                .replace("%3", str(len(p.outline.required_checks)))
            )
            self._add_pack(title, p.lessons_done, lessons, p.complete, checks)
            for code in p.outline.competencies:
                reached[code] = reached.get(code, False) or p.complete
        lines.append("")
        lines.append(self.tr("Competencies:"))
        heading = QLabel(self.tr("Competencies:"))
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self._add(heading)
        lang = language()
        competencies = []
        for code in sorted(reached):
            state = self.tr("reached") if reached[code] else self.tr("under way")
            name = competency_name(code, lang)
            lines.append(f"{code} {name}: {state}")
            competencies.append((code, f"{name}: " + ("✓ " if reached[code] else "○ ") + state))
        coded = CodedLines()
        coded.set_lines(competencies)
        self._add(coded)
        self._lines = lines

    def _add(self, *widgets: QWidget, spacing: int = 0) -> None:
        """`widgets` as one block: a pack, or a competency and its code, kept close together."""
        block = QWidget()
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        for widget in widgets:
            layout.addWidget(widget)
        self._layout.addWidget(block)
        self._parts.append(block)

    def _add_pack(self, title: str, done: int, lessons: int, complete: bool, checks: str) -> None:
        name = QLabel(title)
        name.setWordWrap(True)
        bold = name.font()
        bold.setBold(True)
        name.setFont(bold)
        bar = QProgressBar()
        bar.setRange(0, max(lessons, 1))
        bar.setValue(min(done, max(lessons, 1)))
        bar.setFormat(self.tr("%1/%2 lessons").replace("%1", str(done)).replace("%2", str(lessons)))
        bar.setTextVisible(True)
        bar.setAccessibleName(title)
        metrics = bar.fontMetrics()
        bar.setMinimumWidth(metrics.horizontalAdvance(bar.format()) + 4 * metrics.averageCharWidth())
        state = QLabel(self.tr("Complete ✓") if complete else self.tr("In progress"))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(bar, 1)
        row_layout.addWidget(state)
        note = ScaledLabel(0.9)
        note.setText(checks)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._add(name, row, note, spacing=2)


class LearnerDetailView(QWidget):
    """One learner: who they are, consent, sessions attended, quiz results and skill checks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: LearnerDetail | None = None
        self.outlines: dict[str, PackOutline] = {}
        self.progress: list[PackProgress] = []
        self.progress_title = ScaledLabel(1.15, bold=True)
        self.progress_text = ProgressView()
        self.name = ScaledLabel(1.6, bold=True)
        self.name.setWordWrap(True)
        self.name.setMinimumWidth(1)  # wrap to the pane at large text sizes instead of widening it
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels = [QLabel() for _ in range(5)]
        self.fact_values = [QLabel() for _ in range(5)]
        for lab, value in zip(self.fact_labels, self.fact_values, strict=True):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(lab, value)
        self.sessions_title = ScaledLabel(1.15, bold=True)
        # Lists as tall as their rows (the detail scrolls, not each list); an empty one is hidden,
        # its title saying "(0)", instead of a bare white box.
        self.sessions = FittingList()
        self.attempts_title = ScaledLabel(1.15, bold=True)
        self.attempts = FittingList()
        self.checks_title = ScaledLabel(1.15, bold=True)
        self.checks = FittingList()
        self.withdraw_button = theme.danger(QPushButton())
        self.merge_button = QPushButton()
        self.can_merge = False  # officers merge duplicates (the profile's role)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for lst in (self.sessions, self.attempts, self.checks):
            lst.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.name)
        layout.addLayout(self.facts)
        layout.addWidget(self.progress_title)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.sessions_title)
        layout.addWidget(self.sessions)
        layout.addWidget(self.attempts_title)
        layout.addWidget(self.attempts)
        layout.addWidget(self.checks_title)
        layout.addWidget(self.checks)
        layout.addWidget(flow_row(self.merge_button, self.withdraw_button))
        layout.addStretch(1)
        self.show_detail(None)

    def retranslate(self) -> None:
        for lab, text in zip(
            self.fact_labels,
            (self.tr("Born"), self.tr("Gender"), self.tr("Lives in"), self.tr("Groups"), self.tr("Consent")),
            strict=True,
        ):
            lab.setText(text)
        self.placeholder.setText(self.tr("Choose a learner in the list to see their record."))
        self.merge_button.setText(self.tr("&Merge a duplicate…"))
        self.merge_button.setToolTip(
            self.tr(
                "The same person was registered twice: move the other record's sessions and "
                "results here and close it (commune officers)"
            )
        )
        self.withdraw_button.setText(self.tr("&Withdraw consent…"))
        self.withdraw_button.setToolTip(
            self.tr(
                "The person no longer agrees: erase their name, birth year and "
                "phone; only anonymous counts remain"
            )
        )
        self.show_detail(self.detail)

    def show_detail(self, detail: LearnerDetail | None) -> None:
        self.detail = detail
        empty = detail is None
        self.placeholder.setVisible(empty)
        for widget in (
            self.name,
            self.sessions_title,
            self.sessions,
            self.attempts_title,
            self.attempts,
            self.checks_title,
            self.checks,
            self.progress_title,
            self.progress_text,
            self.withdraw_button,
            self.merge_button,
            *self.fact_labels,
            *self.fact_values,
        ):
            widget.setVisible(not empty)
        if detail is None:
            return
        learner = detail.learner
        self.merge_button.setVisible(self.can_merge)
        self.name.setText(learner.full_name)
        self._show_progress()
        place = ", ".join(p for p in (detail.household_address or learner.hamlet,) if p)
        consent = (
            self.tr("given %1 (text version %2)")
            .replace("%1", _date_text(detail.consent_at))
            .replace("%2", detail.consent_version or "")
            if detail.consent_at
            else self.tr("not recorded")
        )
        values = (
            str(learner.birth_year or self.tr("unknown")),
            label(GENDERS, learner.gender) or "—",
            place or "—",
            groups_text(learner.groups) or "—",
            consent,
        )
        for widget, value in zip(self.fact_values, values, strict=True):
            widget.setText(value)
        self.sessions_title.setText(self.tr("Sessions (%n)", "", len(detail.sessions)))
        self.sessions.clear()
        for s in detail.sessions:
            state = self.tr("present") if s.present else self.tr("absent")
            kind, pack = label(SESSION_KINDS, s.kind), self._pack_title(s.pack_id)
            self.sessions.addItem(f"{_date_text(s.starts_at)} · {kind} · {pack} · {state}")
        self.attempts_title.setText(self.tr("Quiz attempts (%n)", "", len(detail.attempts)))
        self.attempts.clear()
        for a in detail.attempts:
            verdict = self.tr("passed") if a.passed else self.tr("not passed")
            score = QLocale().toString(a.score, "f", 0)
            self.attempts.addItem(
                f"{_date_text(a.recorded_at)} · {self._pack_title(a.pack_id)} · {score}% · {verdict}"
            )
        self.checks_title.setText(self.tr("Skill checks (%n)", "", len(detail.skill_checks)))
        self.checks.clear()
        for c in detail.skill_checks:
            verdict = self.tr("done unaided") if c.passed else self.tr("not yet")
            outline = self.outlines.get(c.pack_id)
            task = outline.check_text(c.check_id, language()) if outline else c.check_id
            self.checks.addItem(f"{_date_text(c.recorded_at)} · {task} · {verdict}")
        for lst in (self.sessions, self.attempts, self.checks):
            lst.setVisible(lst.count() > 0)

    def _show_progress(self) -> None:
        self.progress_title.setText(self.tr("Progress"))
        self.progress_text.show_progress(self.progress, self._pack_title)

    def _pack_title(self, pack_id: str) -> str:
        outline = self.outlines.get(pack_id)
        if outline is None:
            return pack_id
        mark = "" if outline.verified else self.tr(" (not verified)")
        return outline.title(language()) + mark


class LearnersPage(Page):
    searched = Signal(int)  # number of matches, after each search
    detail_shown = Signal(object)
    consent_withdrawn = Signal(str)
    merged = Signal(str)  # the kept learner's id

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._search_generation = 0
        self._profile_generation = 0
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_box)
        self.hamlet_box = FittingComboBox()
        self.hamlet_label = QLabel()
        self.hamlet_label.setBuddy(self.hamlet_box)
        self.group_box = FittingComboBox()
        self.group_label = QLabel()
        self.group_label.setBuddy(self.group_box)
        self.count_label = QLabel()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_import_dialog)
        self.model = LearnersModel(self._fetch_rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self.detail_view = LearnerDetailView()
        self.detail_view.withdraw_button.clicked.connect(self.withdraw_consent)
        self.detail_view.merge_button.clicked.connect(self.merge_duplicate)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()  # shown with its first message: no empty line under the list

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.hamlet_box.currentIndexChanged.connect(lambda _i: self.run_search())
        self.group_box.currentIndexChanged.connect(lambda _i: self.run_search())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_box.setFocus)

        self.columns_button = ColumnChooser(
            self.table, "learners", chars=COLUMN_CHARS, rank=COLUMN_RANK, keep=0
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
            field(self.group_label, self.group_box),
            self.count_label,
            self.columns_button,
            self.import_button,
        )
        self.splitter = ListDetailSplitter(self._side_by_side_width, self._list_height)
        self.splitter.addWidget(self.list_stack)
        self.detail_area = scrolling(self.detail_view)
        self.splitter.addWidget(self.detail_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self._hamlets: list[str] = []
        self._match_count: int | None = None
        self.retranslate()
        self.fit_columns()

    def _side_by_side_width(self) -> int:
        """The list's name and birth year beside a detail about 36 characters wide."""
        return self.columns_button.needed_width(2) + 36 * self.fontMetrics().averageCharWidth()

    def _list_height(self) -> int:
        """Five rows and the header, when the list is above the detail."""
        table = self.table
        return (
            5 * table.verticalHeader().defaultSectionSize()
            + table.horizontalHeader().height()
            + 2 * table.frameWidth()
        )

    def fit_columns(self) -> None:
        """Column widths, row height and the search box's width from the current font (they follow
        the text size); the lesser columns hide when the list is too narrow for them."""
        metrics = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(row_height(metrics))
        self.search_box.setMinimumWidth(18 * metrics.averageCharWidth())
        self.columns_button.fit()
        self.splitter.arrange()

    def title(self) -> str:
        return self.tr("Learners")

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search_box.setPlaceholderText(self.tr("Name; accents optional, e.g. nguyen thi hang"))
        self.search_box.setToolTip(self.search_box.placeholderText())  # the whole hint, when it is cut
        self.search_box.setAccessibleName(self.tr("Search learners by name"))
        self.hamlet_label.setText(self.tr("&Hamlet:"))
        self.group_label.setText(self.tr("&Group:"))
        self.import_button.setText(self.tr("Import &list…"))
        self.import_button.setToolTip(self.tr("Add the people of a commune list (Excel .xlsx or CSV)"))
        self._fill_filters()
        self.detail_view.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.columns_button.retranslate()
        self.no_match.clear_button.setText(self.tr("&Clear the search"))
        self.no_match.add_button.setText(self.tr("&Add a learner…"))
        self.no_match.add_button.setToolTip(
            self.tr("Register the person with their household, with their consent")
        )
        self._show_count()

    def _fill_filters(self) -> None:
        hamlet = self.hamlet_box.currentData()
        group = self.group_box.currentData()
        for box in (self.hamlet_box, self.group_box):
            box.blockSignals(True)
            box.clear()
        self.hamlet_box.addItem(self.tr("All hamlets"), None)
        for name in self._hamlets:
            self.hamlet_box.addItem(name, name)
        self.group_box.addItem(self.tr("All groups"), None)
        for code in GROUPS:
            self.group_box.addItem(label(GROUPS, code), code)
        for box, value in ((self.hamlet_box, hamlet), (self.group_box, group)):
            found = box.findData(value)
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)

    def current_filter(self) -> LearnerFilter:
        return LearnerFilter(
            text=self.search_box.text(),
            hamlet=self.hamlet_box.currentData(),
            group=self.group_box.currentData(),
        )

    def refresh(self) -> None:
        from volunteer_kit.store import devices, learners

        ReadOp(self.store, learners.hamlets, parent=self).success(self._hamlets_loaded).run()
        # Reads run on a pool and may finish out of order: only the latest profile read counts (an
        # earlier one, begun before the laptop became an officer's, must not hide the merge button).
        self._profile_generation += 1
        generation = self._profile_generation
        ReadOp(self.store, devices.profile, parent=self).success(
            lambda found: self._profile_loaded(found) if generation == self._profile_generation else None
        ).run()
        self.run_search()

    def _fetch_rows(self, rowids: Sequence[int], on_done: Callable[[list[LearnerRow]], None]) -> None:
        """The table's rows by their row ids, a page at a time (the model keeps only the ids)."""
        from volunteer_kit.store import learners

        ids = list(rowids)
        ReadOp(self.store, lambda conn: learners.rows_by_rowid(conn, ids), parent=self).success(on_done).run()

    def _profile_loaded(self, profile: Profile) -> None:
        self.detail_view.can_merge = profile.role == "officer"
        self.detail_view.show_detail(self.detail_view.detail)

    def _hamlets_loaded(self, hamlets: list[str]) -> None:
        self._hamlets = hamlets
        self._fill_filters()

    def run_search(self) -> None:
        self._timer.stop()
        self._search_generation += 1
        generation = self._search_generation

        def done(rowids: list[int]) -> None:
            if generation != self._search_generation:
                return  # the user typed on; a newer search is coming
            self.model.set_rowids(rowids)
            self._match_count = len(rowids)
            self._show_count()
            self._show_matches(flt)
            self.detail_view.show_detail(None)
            self.searched.emit(len(rowids))

        index, flt = self.store.learner_index, self.current_filter()
        ReadOp(self.store, lambda conn: index.search(conn, flt), parent=self).success(done).run()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _show_matches(self, flt: LearnerFilter) -> None:
        """The table, or one sentence saying that nobody matched and what to do."""
        found = bool(self._match_count)
        self.list_stack.setCurrentWidget(self.table if found else self.no_match)
        self.detail_area.setVisible(found)  # nobody to choose: no "choose someone" beside the sentence
        if found:
            return
        text = flt.text.strip()
        filtered = flt.hamlet is not None or flt.group is not None
        if text and filtered:
            sentence = self.tr("Nobody named “%1” in the chosen hamlet and group.").replace("%1", text)
        elif text:
            sentence = self.tr("Nobody named “%1” is registered.").replace("%1", text)
        elif filtered:
            sentence = self.tr("Nobody in the chosen hamlet and group.")
        else:
            sentence = self.tr("No learners registered yet.")
        self.no_match.text.setText(sentence)
        self.no_match.clear_button.setVisible(bool(text) or filtered)

    def clear_search(self) -> None:
        """Empty the search box and the filters: every learner again."""
        for widget in (self.search_box, self.hamlet_box, self.group_box):
            widget.blockSignals(True)
        self.search_box.clear()
        self.hamlet_box.setCurrentIndex(0)
        self.group_box.setCurrentIndex(0)
        for widget in (self.search_box, self.hamlet_box, self.group_box):
            widget.blockSignals(False)
        self.run_search()
        self.search_box.setFocus()

    def open_register_dialog(self) -> QWidget:
        """Register someone not found, with their household (their name as typed in the search)."""
        from volunteer_kit.ui.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.store, hamlets=self._hamlets, parent=self)
        typed = self.search_box.text().strip()
        if not typed.isascii():  # a name typed with its accents; "nguyen thi" is only a search
            dialog.name_edit.setText(typed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _household_id: self.refresh())
        dialog.open()
        return dialog

    def _show_count(self) -> None:
        if self._match_count is None:
            self.count_label.setText(self.tr("Loading…"))
        else:
            self.count_label.setText(self.tr("%n learner(s)", "", self._match_count))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if not rows:
            return
        self._show_learner(min(rows))

    def _page_loaded(self, _page: int) -> None:
        # A row selected before its page arrived can now show its record.
        current = self.table.currentIndex()
        if current.isValid() and self.detail_view.detail is None:
            self._show_learner(current.row())

    def open_import_dialog(self) -> QWidget:
        """The import wizard, window-modal; the list is refreshed when it closes."""
        from volunteer_kit.ui.learner_import.dialog import ImportLearnersDialog

        dialog = ImportLearnersDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def withdraw_consent(self) -> None:
        detail = self.detail_view.detail
        if detail is None or not self.confirm_withdrawal(detail.learner.full_name):
            return
        name = detail.learner.full_name

        def done(_result: object) -> None:
            self._say(
                self.tr("Consent withdrawn: %1's name, birth year and phone were erased.").replace("%1", name)
            )
            self.consent_withdrawn.emit(detail.learner.id)
            self.run_search()

        from volunteer_kit.store import learners

        learner_id = detail.learner.id
        (
            WriteOp(self.store, lambda conn: learners.withdraw_consent(conn, learner_id), parent=self)
            .success(done)
            .run()
        )

    # Merging two records of one person ---------------------------------------------------------
    def merge_duplicate(self) -> None:
        detail = self.detail_view.detail
        if detail is None:
            return
        kept = detail.learner
        other = self.pick_duplicate(kept)
        if other is None or not self.confirm_merge(kept, other):
            return

        def done(moved: int) -> None:
            self._say(
                self.tr(
                    "Merged: %n record(s) of %1 moved here; the other record is closed.", "", moved
                ).replace("%1", other.full_name)
            )
            self.merged.emit(kept.id)
            self.run_search()
            self.open_learner(kept.id)

        from volunteer_kit.store import merge

        (
            WriteOp(
                self.store,
                lambda conn: merge.merge_learners(conn, keep_id=kept.id, merge_id=other.id),
                parent=self,
            )
            .success(done)
            .failure(lambda problem: self._say(problem.message()))
            .run()
        )

    def pick_duplicate(self, kept: LearnerRow) -> LearnerRow | None:
        """Ask for the other record of the same person (tests replace this)."""
        from volunteer_kit.ui.learner_picker import PickLearnerDialog

        picker = PickLearnerDialog(
            self.store,
            title=self.tr("Merge a duplicate into %1").replace("%1", kept.full_name),
            hint=self.tr(
                "Choose the other record of the same person. Its sessions, quiz results and skill "
                "checks move to this record, and it is closed. The merge is recorded and syncs."
            ),
            accept_text=self.tr("&Merge…"),
            unavailable={kept.id},
            unavailable_note=self.tr("(this record)"),
            search=fold(kept.full_name),
            parent=self,
        )
        return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None

    def confirm_merge(self, kept: LearnerRow, other: LearnerRow) -> bool:
        def who(row: LearnerRow) -> str:
            return " · ".join(
                p for p in (row.full_name, str(row.birth_year or ""), row.hamlet, row.phone or "") if p
            )

        answer = QMessageBox.question(
            self,
            self.tr("Merge two records"),
            self.tr(
                "Keep:\n%1\n\nMerge into it and close:\n%2\n\nThis is recorded and cannot be undone here."
            )
            .replace("%1", who(kept))
            .replace("%2", who(other)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_withdrawal(self, name: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Withdraw consent"),
            self.tr(
                "%1 no longer agrees to be recorded?\n\nTheir name, birth year and phone will be erased "
                "everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_learner(self, row: int) -> None:
        learner = self.model.learner_at(row)
        if learner is not None:
            self.open_learner(learner.id)

    def open_learner(self, learner_id: str) -> None:
        """Show this learner's record (from the list, or from elsewhere: Today, a household)."""

        def done(record: LearnerRecord) -> None:
            self.detail_view.outlines = record.outlines
            self.detail_view.progress = record.progress
            self.detail_view.show_detail(record.detail)
            self.detail_shown.emit(record.detail)

        from volunteer_kit.store.learner_view import learner_record

        (
            ReadOp(
                self.store, lambda conn: learner_record(conn, learner_id, installed_outlines()), parent=self
            )
            .success(done)
            .run()
        )
