"""Importing a commune's list of learners: choose the file, say which column holds what, check, import.

The file is read and every row checked off the GUI thread (imports.learner_import, in operations); the
valid rows go in on the writer thread in one transaction. Refused rows stay listed with their reason,
and the list of them can be saved as a CSV report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import KnownError
from volunteer_kit.imports.learner_import import (
    checked_list,
    import_rows,
    read_with_guess,
    write_refused_report,
)
from volunteer_kit.imports.learner_list import LearnerList, ListRow
from volunteer_kit.ui.file_dialogs import open_file_name, save_file_name
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.learner_import.parts import busy_bar, error_label, mute, paint_error
from volunteer_kit.ui.learner_import.rows_model import ListRowsModel, fit_columns, rows_table
from volunteer_kit.ui.ops import FileOp, ReadOp, WriteOp
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

# The fields the importer knows (imports.learner_list.FIELDS), with the label of each choice.
FIELD_LABELS = {
    "full_name": QT_TRANSLATE_NOOP("ImportLearnersDialog", "&Full name (required):"),
    "birth_year": QT_TRANSLATE_NOOP("ImportLearnersDialog", "Birth &year:"),
    "gender": QT_TRANSLATE_NOOP("ImportLearnersDialog", "&Gender:"),
    "phone": QT_TRANSLATE_NOOP("ImportLearnersDialog", "&Phone:"),
    "hamlet": QT_TRANSLATE_NOOP("ImportLearnersDialog", "H&amlet / residential group:"),
    "groups": QT_TRANSLATE_NOOP("ImportLearnersDialog", "G&roups:"),
    "consent": QT_TRANSLATE_NOOP("ImportLearnersDialog", "C&onsent (Có / Không):"),
}
REQUIRED_FIELDS = ("full_name",)
STEP_FILE, STEP_COLUMNS, STEP_PREVIEW, STEP_REPORT = range(4)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportLearnersDialog", text)


class ImportLearnersDialog(QDialog):
    """A four-step import of a commune list; drive it with choose_file() in tests."""

    table_read = Signal(int)  # rows below the header
    checked = Signal(object)  # the LearnerList for the columns chosen now
    imported = Signal(int)  # learners added
    failed = Signal(str)  # the one-line message shown
    report_saved = Signal(object)  # the Path written

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.table: list[list[str]] = []
        self.listing: LearnerList | None = None
        self.refused_rows: list[ListRow] = []
        self.added = 0
        self.busy = False
        self._mapping: dict[str, int] = {}  # field -> column index, as chosen now
        self._checked_mapping: dict[str, int] = {}  # ... as the rows shown were checked with
        self._check_generation = 0
        self.stack = QStackedWidget()
        self.heading = ScaledLabel(1.5, bold=True)
        self.heading.setWordWrap(True)
        self.step_label = QLabel()
        self.stack.addWidget(self._file_step())
        self.stack.addWidget(scrolling(self._columns_step()))
        self.stack.addWidget(self._preview_step())
        self.stack.addWidget(self._report_step())
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.go_to_preview)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.next_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.step_label)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._show_step(STEP_FILE)
        self._fit_to_text()

    # Building -------------------------------------------------------------------
    def _file_step(self) -> QWidget:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.ask_for_file)
        self.file_message = error_label()
        self.read_progress = busy_bar()
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.read_progress)
        layout.addWidget(self.file_message)
        layout.addStretch(1)
        return page

    def _columns_step(self) -> QWidget:
        self.columns_intro = QLabel()
        self.columns_intro.setWordWrap(True)
        self.file_facts = QLabel()
        self.file_facts.setWordWrap(True)
        self.field_labels: dict[str, QLabel] = {}
        self.field_boxes: dict[str, QComboBox] = {}
        self.field_samples: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for row, field_name in enumerate(FIELD_LABELS):
            box = QComboBox()
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
            box.currentIndexChanged.connect(lambda _i, f=field_name: self._column_chosen(f))
            caption = QLabel()
            caption.setBuddy(box)
            sample = QLabel()
            sample.setWordWrap(True)
            sample.setTextFormat(Qt.TextFormat.PlainText)
            mute(sample)
            grid.addWidget(caption, row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(sample, row, 2)
            self.field_labels[field_name] = caption
            self.field_boxes[field_name] = box
            self.field_samples[field_name] = sample
        self.columns_message = error_label()
        self.columns_summary = QLabel()
        self.columns_summary.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.columns_intro)
        layout.addWidget(self.file_facts)
        layout.addLayout(grid)
        layout.addWidget(self.columns_message)
        layout.addWidget(self.columns_summary)
        layout.addStretch(1)
        return page

    def _preview_step(self) -> QWidget:
        self.counts = ScaledLabel(1.1, bold=True)
        self.counts.setWordWrap(True)
        self.only_refused = QCheckBox()
        self.only_refused.toggled.connect(lambda _on: self._show_preview_rows())
        self.preview_model = ListRowsModel(
            ("line", "name", "result", "birth_year", "gender", "phone", "hamlet", "groups"), self
        )
        self.preview_table = rows_table(self.preview_model)
        self.consent_text = QLabel()
        self.consent_text.setWordWrap(True)
        self.consent_box = QCheckBox()
        self.consent_box.toggled.connect(lambda _on: self._update_buttons())
        self.import_hint = QLabel()
        self.import_hint.setWordWrap(True)
        mute(self.import_hint)
        self.import_message = error_label()
        self.import_progress = busy_bar()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.only_refused)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(self.consent_text)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.import_hint)
        layout.addWidget(self.import_progress)
        layout.addWidget(self.import_message)
        return page

    def _report_step(self) -> QWidget:
        self.report_summary = ScaledLabel(1.1, bold=True)
        self.report_summary.setWordWrap(True)
        self.report_model = ListRowsModel(("line", "name", "reason"), self)
        self.report_table = rows_table(self.report_model)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.ask_report_path)
        self.save_message = QLabel()
        self.save_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.report_summary)
        layout.addWidget(self.report_table, 1)
        layout.addLayout(row)
        layout.addWidget(self.save_message)
        return page

    def _fit_to_text(self) -> None:
        """A size that follows the text size, within the screen."""
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 110, metrics.height() * 34
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)
        fit_columns(self.preview_table, (6, 24, 36, 8, 8, 12, 18))
        fit_columns(self.report_table, (6, 26))

    # Texts ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a list of learners"))
        self.intro.setText(
            self.tr(
                "Choose the commune's list of people: an Excel workbook (.xlsx) or a CSV file (Excel's "
                '"CSV UTF-8" or plain "CSV"). The first row must hold the column names, one person '
                "per row below it. Nothing is saved until you press Import."
            )
        )
        self.choose_button.setText(self.tr("&Choose file…"))
        self.columns_intro.setText(
            self.tr(
                "Which column of the file holds what? The choices were guessed from the column names; "
                "change any that are wrong. Every row is checked again after each change."
            )
        )
        for field_name, caption in self.field_labels.items():
            caption.setText(_tr(FIELD_LABELS[field_name]))
        self.only_refused.setText(self.tr("Show only the &refused rows"))
        self.consent_box.setText(self.tr("Consent was collected on &paper for every person on this list"))
        self.save_button.setText(self.tr("&Save report…"))
        self.back_button.setText(self.tr("< &Back"))
        self.next_button.setText(self.tr("&Next >"))
        self.import_button.setText(self.tr("&Import"))
        self.preview_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        self.report_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self.table:
            self._fill_boxes()
        self._show_file_facts()
        self._show_counts()
        self._show_step(self.stack.currentIndex())

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        headings = (
            self.tr("Choose the list"),
            self.tr("Which column holds what?"),
            self.tr("Check before importing"),
            self.tr("Import finished"),
        )
        self.heading.setText(headings[step])
        self.step_label.setText(self.tr("Step %1 of %2").replace("%1", str(step + 1)).replace("%2", "4"))
        self.close_button.setText(self.tr("&Close") if step == STEP_REPORT else self.tr("Cancel"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        self.back_button.setVisible(step in (STEP_COLUMNS, STEP_PREVIEW))
        self.next_button.setVisible(step == STEP_COLUMNS)
        self.import_button.setVisible(step == STEP_PREVIEW)
        self.back_button.setEnabled(not self.busy)
        self.close_button.setEnabled(not self.busy)
        self.choose_button.setEnabled(not self.busy)
        self.next_button.setEnabled(
            not self.busy and self._columns_problem() is None and self.listing is not None
        )
        import_problem = self._import_problem()
        self.import_button.setEnabled(not self.busy and import_problem is None)
        self.import_hint.setText(import_problem or "")
        self.import_hint.setVisible(import_problem is not None and step == STEP_PREVIEW)
        self.choose_button.setDefault(step == STEP_FILE)
        self.next_button.setDefault(step == STEP_COLUMNS)
        self.import_button.setDefault(step == STEP_PREVIEW)
        self._show_consent()

    # Step 1: the file -------------------------------------------------------------
    def ask_for_file(self) -> None:
        name = open_file_name(
            self,
            self.tr("Choose a list of learners"),
            str(self.path.parent if self.path else Path.home()),
            self.tr("Lists of people (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)"),
        )
        if name:
            self.choose_file(Path(name))

    def choose_file(self, path: Path) -> None:
        """Read `path` off the GUI thread; then the columns step (or one line saying what is wrong)."""
        self.path = path
        self.file_message.hide()
        self._set_busy(True, self.read_progress)
        (
            FileOp(self.store, lambda: read_with_guess(path), parent=self)
            .success(self._table_read)
            .failure(lambda problem: self._show_problem(self.file_message, problem))
            .finished(lambda: self._set_busy(False, self.read_progress))
            .run()
        )

    def _table_read(self, answer: tuple[list[list[str]], dict[str, int]]) -> None:
        self._set_busy(False, self.read_progress)
        self.table, guess = answer
        self.listing = None
        self._mapping = dict(guess)
        self.consent_box.setChecked(False)
        self._fill_boxes()
        self._show_file_facts()
        self._show_step(STEP_COLUMNS)
        self.table_read.emit(len(self.table) - 1)
        self.run_check()

    def _show_file_facts(self) -> None:
        if self.path is None or not self.table:
            return
        rows = self.tr("%n row(s) below the column names", "", len(self.table) - 1)
        self.file_facts.setText(self.tr("File: %1 · %2").replace("%1", self.path.name).replace("%2", rows))

    # Step 2: the columns ---------------------------------------------------------
    def _fill_boxes(self) -> None:
        headers = self.table[0]
        for field_name, box in self.field_boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(not in the file)"), None)
            for index, header in enumerate(headers):
                box.addItem(header.strip() or self.tr("Column %1").replace("%1", str(index + 1)), index)
            box.setCurrentIndex(max(box.findData(self._mapping.get(field_name)), 0))
            box.blockSignals(False)
            self._show_sample(field_name)

    def _show_sample(self, field_name: str) -> None:
        index = self._mapping.get(field_name)
        cells = [row[index].strip() for row in self.table[1:30] if index is not None and index < len(row)]
        first = next((cell for cell in cells if cell), "")
        sample = first if len(first) <= 40 else first[:39] + "…"
        self.field_samples[field_name].setText(self.tr("e.g. %1").replace("%1", sample) if sample else "")

    def choose_column(self, field_name: str, header: str | None) -> None:
        """Point `field_name` at the column named `header` (None: not in the file), as the combo does."""
        box = self.field_boxes[field_name]
        index = None if header is None else self.table[0].index(header)
        box.setCurrentIndex(box.findData(index))

    def _column_chosen(self, field_name: str) -> None:
        index = self.field_boxes[field_name].currentData()
        if index is None:
            self._mapping.pop(field_name, None)
        else:
            self._mapping[field_name] = int(index)
        self._show_sample(field_name)
        self.run_check()

    def _columns_problem(self) -> str | None:
        missing = [f for f in REQUIRED_FIELDS if f not in self._mapping]
        if missing:
            return self.tr("Choose the column that holds the full name: it was not recognised.")
        chosen = list(self._mapping.values())
        twice = next((i for i in chosen if chosen.count(i) > 1), None)
        if twice is not None:
            name = self.field_boxes["full_name"].itemText(self.field_boxes["full_name"].findData(twice))
            return self.tr("The column '%1' is chosen for two fields; each column holds one.").replace(
                "%1", name
            )
        return None

    def run_check(self) -> None:
        """Check every row for the columns chosen now (off the GUI thread); a newer check wins."""
        self._check_generation += 1
        generation = self._check_generation
        problem = self._columns_problem()
        self.columns_message.setText(problem or "")
        self.columns_message.setVisible(problem is not None)
        if problem is not None:
            self.listing = None
            self._show_counts()
            self._update_buttons()
            return
        mapping = dict(self._mapping)
        self.listing = None  # until this check answers: nothing to go on with
        self._update_buttons()

        def done(listing: LearnerList) -> None:
            if generation != self._check_generation:
                return  # the volunteer changed a column since; that check is coming
            self.listing = listing
            self._checked_mapping = mapping
            self._show_counts()
            self._show_preview_rows()
            self._update_buttons()
            self.checked.emit(listing)

        self.columns_summary.setText(self.tr("Checking every row…"))
        table = self.table
        (
            ReadOp(self.store, lambda conn: checked_list(conn, table, mapping), parent=self)
            .success(done)
            .failure(lambda problem: self._show_problem(self.columns_message, problem))
            .run()
        )

    def go_to_preview(self) -> None:
        if self.listing is not None and self._columns_problem() is None:
            self._show_step(STEP_PREVIEW)
            self.preview_table.setFocus()

    def go_back(self) -> None:
        step = self.stack.currentIndex()
        if not self.busy and step in (STEP_COLUMNS, STEP_PREVIEW):
            self._show_step(step - 1)

    # Step 3: the preview ---------------------------------------------------------
    def _raw_names(self) -> dict[int, str]:
        index = self._checked_mapping.get("full_name")
        if index is None or self.listing is None:
            return {}
        return {
            row.line: self.table[row.line - 1][index] if index < len(self.table[row.line - 1]) else ""
            for row in self.listing.refused
        }

    def _show_preview_rows(self) -> None:
        if self.listing is None:
            return
        rows = self.listing.refused if self.only_refused.isChecked() else self.listing.rows
        self.preview_model.set_rows(rows, self._raw_names())

    def _show_counts(self) -> None:
        if self.listing is None:
            self.columns_summary.setText("")
            self.counts.setText("")
            return
        text = self.counts_text(len(self.listing.valid), len(self.listing.refused))
        self.columns_summary.setText(text)
        self.counts.setText(text)

    def counts_text(self, valid: int, refused: int) -> str:
        will = self.tr("%n row(s) will be imported", "", valid)
        return will + ", " + self.tr("%n row(s) refused", "", refused)

    def has_consent_column(self) -> bool:
        return "consent" in self._mapping

    def _show_consent(self) -> None:
        if self.has_consent_column():
            self.consent_text.setText(
                self.tr(
                    "Consent: the list's consent column says who agreed; a row that does not say "
                    "Có (yes) is refused."
                )
            )
        else:
            self.consent_text.setText(
                self.tr(
                    "Consent: this list has no consent column. Import it only if the commune collected "
                    "written consent from every person on it; otherwise go back and choose the consent "
                    "column."
                )
            )
        self.consent_box.setVisible(not self.has_consent_column())

    def _import_problem(self) -> str | None:
        if self.listing is None:
            return self.tr("The rows have not been checked yet.")
        if not self.listing.valid:
            return self.tr("No row can be imported.")
        if not self.has_consent_column() and not self.consent_box.isChecked():
            return self.tr("Confirm that consent was collected, or choose the consent column.")
        return None

    # Step 4: importing and the report ----------------------------------------------
    def start_import(self) -> None:
        """Write the valid rows on the writer thread, in one transaction."""
        if self.busy or self._import_problem() is not None or self.listing is None:
            return
        self.import_message.hide()
        self._set_busy(True, self.import_progress)
        rows = self.listing.valid
        consent = self.has_consent_column() or self.consent_box.isChecked()
        nothing = self.tr("Nothing was imported: %1")
        (
            WriteOp(self.store, lambda conn: import_rows(conn, rows, consent_recorded=consent), parent=self)
            .success(self._imported)
            .failure(lambda problem: self._show_problem(self.import_message, problem, prefix=nothing))
            .finished(lambda: self._set_busy(False, self.import_progress))
            .run()
        )

    def _imported(self, answer: tuple[int, list[ListRow]]) -> None:
        self._set_busy(False, self.import_progress)
        assert self.listing is not None
        self.added, late = answer
        late_lines = {row.line for row in late}
        self.refused_rows = sorted([*self.listing.refused, *late], key=lambda row: row.line)
        raw = self._raw_names()
        for row in self.listing.valid:
            if row.line in late_lines:
                raw[row.line] = str(row.values.get("full_name") or "")
        self.report_model.set_rows(self.refused_rows, raw)
        self.report_summary.setText(
            self.tr("%n learner(s) imported.", "", self.added)
            + " "
            + self.tr("%n row(s) not imported:", "", len(self.refused_rows))
        )
        self.save_button.setEnabled(bool(self.refused_rows))
        self.save_message.setText("")
        self._show_step(STEP_REPORT)
        self.close_button.setFocus()
        self.imported.emit(self.added)

    def report_lines(self) -> list[tuple[int, str, str]]:
        """(line, name, reason) of every refused row, as the report table shows them."""
        return [
            (row.line, self.report_model.name_of(row), "; ".join(row.problems)) for row in self.refused_rows
        ]

    def ask_report_path(self) -> None:
        stem = self.path.stem if self.path else "list"
        folder = self.path.parent if self.path else Path.home()
        name = save_file_name(
            self,
            self.tr("Save the report"),
            str(folder / self.tr("%1 - not imported.csv").replace("%1", stem)),
            self.tr("CSV files (*.csv)"),
        )
        if name:
            self.save_report(Path(name))

    def save_report(self, path: Path) -> None:
        """Write the refused rows to `path` as a UTF-8 CSV, off the GUI thread."""
        header = (self.tr("Line"), self.tr("Full name"), self.tr("Reason"))
        lines = self.report_lines()

        def done(_none: object) -> None:
            self.save_message.setPalette(self.palette())
            self.save_message.setText(self.tr("Report saved: %1").replace("%1", str(path)))
            self.report_saved.emit(path)

        def failed(problem: KnownError) -> None:
            paint_error(self.save_message)
            self._show_problem(self.save_message, problem)

        (
            FileOp(self.store, lambda: write_refused_report(path, header, lines), parent=self)
            .success(done)
            .failure(failed)
            .run()
        )

    # Shared ---------------------------------------------------------------------
    def _set_busy(self, busy: bool, bar: QProgressBar) -> None:
        """Saying it twice is harmless: an operation's `finished` ends the busy state (even after a bug), and
        its answer may already have ended it."""
        if busy != self.busy:
            if busy:
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            else:
                QApplication.restoreOverrideCursor()
        self.busy = busy
        bar.setVisible(busy)
        self._update_buttons()

    def _show_problem(self, where: QLabel, problem: KnownError, prefix: str = "%1") -> None:
        """A problem the volunteer can act on, as one line (bugs go to the crash dialog, not here)."""
        message = prefix.replace("%1", problem.message())
        where.setText(message)
        where.show()
        self.failed.emit(message)

    def reject(self) -> None:
        if self.busy:
            return  # the import is one transaction on the writer thread; it ends on its own
        super().reject()
