"""The Certificates page: who finished a lesson pack, issuing and printing their certificates
(commune officers), revoking one, retiring a signing key (or declaring one leaked), and the way to
the verify dialog for anyone.

Issuing and revoking are writes; printing the PDF (it marks the certificates printed) and retiring a
key (in its own transactions) hold the writer thread, with progress and Cancel for printing; painting
the PDF on a printer needs no store. A volunteer or trainer sees why they cannot issue, and can
still verify.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import KnownError, language
from volunteer_kit.ui import theme
from volunteer_kit.ui.certificates.models import (
    ELIGIBLE_CHARS,
    ELIGIBLE_COLUMNS,
    ISSUED_CHARS,
    ISSUED_COLUMNS,
    WAITING_COLUMNS,
    CertificatesModel,
    fit_table,
    issued_cells,
    learner_cells,
    refill,
    tab_page,
    table_view,
    wrapping_label,
)
from volunteer_kit.ui.certificates.revoke import RetireKeyDialog, RevokeDialog
from volunteer_kit.ui.certificates.verdicts import VerifyDialog
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.file_dialogs import save_file_name
from volunteer_kit.ui.ops import EngineOp, ReadOp, WriteOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.printing import PrintPanel, PrintProgress
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

if TYPE_CHECKING:
    from volunteer_kit.certificates.overview import CertificatesOverview

NAMES_IN_CONFIRMATION = 12


class CertificatesPage(Page):
    loaded = Signal(object)  # CertificatesOverview, or None for a volunteer or trainer
    issued = Signal(object)  # [IssuedCertificate]
    printed = Signal(object)  # (PDF path, [serial]) or the KnownError
    revoked = Signal(str)  # serial
    key_retired = Signal(object)  # KeyRetired

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.role: str | None = None
        self.overview: CertificatesOverview | None = None
        self.printing = False
        self.verify_dialog: VerifyDialog | None = None
        self.revoke_dialog: RevokeDialog | None = None
        self.retire_key_dialog: RetireKeyDialog | None = None
        self._generation = 0
        self._progress = PrintProgress(self)
        self._progress.moved.connect(self._show_progress)

        self.heading = ScaledLabel(1.4, bold=True)
        self.heading.setWordWrap(True)
        self.intro = wrapping_label()
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.open_verify_dialog)

        # Filters.
        self.pack_box = QComboBox()
        self.pack_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.pack_box.setMinimumContentsLength(16)
        self.pack_label = QLabel()
        self.pack_label.setBuddy(self.pack_box)
        self.hamlet_box = QComboBox()
        self.hamlet_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.hamlet_box.setMinimumContentsLength(12)
        self.hamlet_label = QLabel()
        self.hamlet_label.setBuddy(self.hamlet_box)
        self.pack_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.hamlet_box.currentIndexChanged.connect(lambda _i: self.refresh())

        # Eligible learners.
        self.eligible_model = CertificatesModel(ELIGIBLE_COLUMNS, learner_cells, checkable=True, parent=self)
        self.eligible_table = table_view(self.eligible_model)
        self.eligible_model.ticks_changed.connect(self._show_ticks)
        self.eligible_hint = wrapping_label()
        self.eligible_why = wrapping_label()
        self.select_all_button = QPushButton()
        self.select_all_button.clicked.connect(lambda: self.eligible_model.tick_all(True))
        self.select_none_button = QPushButton()
        self.select_none_button.clicked.connect(lambda: self.eligible_model.tick_all(False))
        self.issue_button = QPushButton()
        theme.primary(self.issue_button).clicked.connect(self.issue_ticked)  # the page's main action
        self.eligible_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_why(self.eligible_model, current, self.eligible_why)
        )

        # Not yet eligible.
        self.waiting_model = CertificatesModel(WAITING_COLUMNS, learner_cells, parent=self)
        self.waiting_table = table_view(self.waiting_model)
        self.waiting_hint = wrapping_label()
        self.waiting_why = wrapping_label()
        self.waiting_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_why(self.waiting_model, current, self.waiting_why)
        )

        # Issued certificates.
        self.issued_model = CertificatesModel(ISSUED_COLUMNS, issued_cells, parent=self)
        self.issued_table = table_view(self.issued_model, multi=True)
        self.issued_hint = wrapping_label()
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.choose_print_file)
        self.revoke_button = QPushButton()
        theme.danger(self.revoke_button).clicked.connect(self.open_revoke_dialog)
        self.retire_key_button = QPushButton()
        theme.danger(self.retire_key_button).clicked.connect(self.open_retire_key_dialog)
        self.print_panel = PrintPanel(store, self)
        self.issued_table.selectionModel().selectionChanged.connect(lambda *_: self._show_issued_actions())

        # An empty list says why, with the way forward, in the table's place.
        self.eligible_empty = EmptyState()
        self.waiting_empty = EmptyState()
        self.issued_empty = EmptyState()
        for empty in (self.eligible_empty, self.waiting_empty, self.issued_empty):
            empty.setVisible(False)

        self.tabs = QTabWidget()
        self.tabs.addTab(
            tab_page(
                self.eligible_hint,
                self.eligible_table,
                self.eligible_empty,
                self.eligible_why,
                self._issue_row(),
            ),
            "",
        )
        self.tabs.addTab(
            tab_page(self.waiting_hint, self.waiting_table, self.waiting_empty, self.waiting_why), ""
        )
        self.tabs.addTab(
            tab_page(
                self.issued_hint, self.issued_table, self.issued_empty, self._issued_row(), self.print_panel
            ),
            "",
        )
        self.status = wrapping_label()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_panel.note.connect(self.status.setText)

        filters = QGridLayout()
        filters.addWidget(self.pack_label, 0, 0)
        filters.addWidget(self.pack_box, 0, 1)
        filters.addWidget(self.hamlet_label, 0, 2)
        filters.addWidget(self.hamlet_box, 0, 3)
        filters.setColumnStretch(1, 3)
        filters.setColumnStretch(3, 2)
        self.officer_area = QWidget()
        officer = QVBoxLayout(self.officer_area)
        officer.setContentsMargins(0, 0, 0, 0)
        officer.addLayout(filters)
        officer.addWidget(self.tabs, 1)
        self.officer_area.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.officer_area, 1)
        layout.addWidget(self.status)
        self.stretch = QWidget()  # keeps the text at the top when the tables are hidden
        layout.addWidget(self.stretch, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.retranslate()
        self.fit_columns()

    def _issue_row(self) -> QGridLayout:
        row = QGridLayout()
        row.addWidget(self.select_all_button, 0, 0)
        row.addWidget(self.select_none_button, 0, 1)
        row.setColumnStretch(2, 1)
        row.addWidget(self.issue_button, 0, 3)
        return row

    def _issued_row(self) -> QGridLayout:
        actions = QGridLayout()
        actions.addWidget(self.print_button, 0, 0)
        actions.addWidget(self.revoke_button, 0, 1)
        actions.setColumnStretch(2, 1)
        actions.addWidget(self.retire_key_button, 0, 3)
        return actions

    # Texts and sizes ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Certificates")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Certificates"))
        self.verify_button.setText(self.tr("&Verify a certificate…"))
        self.verify_button.setToolTip(
            self.tr("Check a certificate from the text of its QR code, a photo, a scan or a PDF")
        )
        self.pack_label.setText(self.tr("&Lesson pack:"))
        self.hamlet_label.setText(self.tr("Ha&mlet:"))
        self.eligible_hint.setText(
            self.tr(
                "These learners attended every lesson of the pack, passed its quiz and its skill checks. "
                "Tick the ones to issue certificates to (Space ticks the chosen row)."
            )
        )
        self.waiting_hint.setText(
            self.tr("These learners began a pack; each line says what is still missing.")
        )
        self.issued_hint.setText(
            self.tr(
                "Choose certificates to print or revoke (Ctrl or Shift for several). "
                "With none chosen, Print takes every certificate not printed yet."
            )
        )
        self.select_all_button.setText(self.tr("Select &all"))
        self.select_none_button.setText(self.tr("&Clear ticks"))
        self.issue_button.setText(self.tr("&Issue certificates…"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Write the certificates into one PDF to print (A4 landscape)"))
        self.revoke_button.setText(self.tr("&Revoke…"))
        self.revoke_button.setToolTip(self.tr("Revoke the chosen certificate, giving the reason"))
        self.retire_key_button.setText(self.tr("Retire the si&gning key…"))
        self.retire_key_button.setToolTip(
            self.tr(
                "Stop this laptop's signing key, or declare a key leaked when a laptop was lost or stolen"
            )
        )
        self.print_panel.print_title = self.tr("Print the certificates")
        self.print_panel.retranslate()
        self.eligible_table.setAccessibleName(self.tr("Eligible learners: arrows to move, Space to tick"))
        self.waiting_table.setAccessibleName(self.tr("Learners not yet eligible"))
        self.issued_table.setAccessibleName(self.tr("Issued certificates"))
        for model in (self.eligible_model, self.waiting_model, self.issued_model):
            model.retranslate()
        self._fill_filters()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
        super().changeEvent(event)

    def fit_columns(self) -> None:
        """Column widths and row heights from the current font (they follow the text size)."""
        fit_table(self.eligible_table, ELIGIBLE_CHARS)
        fit_table(self.waiting_table, ELIGIBLE_CHARS)
        fit_table(self.issued_table, ISSUED_CHARS)

    def _fill_filters(self) -> None:
        overview = self.overview
        packs = overview.packs if overview else []
        hamlets = [(h, h) for h in overview.hamlets] if overview else []
        refill(self.pack_box, self.tr("All lesson packs"), packs)
        refill(self.hamlet_box, self.tr("All hamlets"), hamlets)

    def _show(self) -> None:
        officer = self.role == "officer"
        self.officer_area.setVisible(officer)
        self.stretch.setVisible(not officer)
        if self.role is None:
            self.intro.setText(self.tr("Loading…"))
        elif not officer:
            self.intro.setText(
                self.tr(
                    "Certificates are issued, printed and revoked by the commune officer, on the "
                    "officer's laptop. When a learner has finished a lesson pack, tell the officer. "
                    "Anyone can verify a certificate here: press “Verify a certificate”."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "A learner who attended every lesson of a pack, passed its quiz and its required "
                    "skill checks can receive a certificate. Each certificate carries a signed QR code "
                    "that anyone can verify."
                )
            )
        lists = (self.overview.eligible, self.overview.waiting, self.overview.issued) if self.overview else ()
        counts = [len(rows) for rows in lists] or [0] * 3
        for number, text in enumerate(
            (
                self.tr("&Eligible (%n)", "", counts[0]),
                self.tr("Not &yet eligible (%n)", "", counts[1]),
                self.tr("Is&sued (%n)", "", counts[2]),
            )
        ):
            self.tabs.setTabText(number, text)
        self._show_empty()
        self._show_ticks(len(self.eligible_model.ticked))
        self._show_issued_actions()

    def _show_empty(self) -> None:
        """Each empty list: why it is empty, and the way to what fills it."""
        overview = self.overview
        filtered = self.pack_box.currentData() is not None or self.hamlet_box.currentData() is not None
        for table, empty, hint, rows in (
            (
                self.eligible_table,
                self.eligible_empty,
                self.eligible_hint,
                overview.eligible if overview else None,
            ),
            (
                self.waiting_table,
                self.waiting_empty,
                self.waiting_hint,
                overview.waiting if overview else None,
            ),
            (self.issued_table, self.issued_empty, self.issued_hint, overview.issued if overview else None),
        ):
            is_empty = rows is not None and not rows
            table.setVisible(not is_empty)
            hint.setVisible(not is_empty)
            empty.setVisible(is_empty)
        if overview is None:
            return
        if filtered:  # the choice of pack and hamlet hides the others
            nobody = self.tr("Nobody here for this choice of pack and hamlet.")
            for empty in (self.eligible_empty, self.waiting_empty, self.issued_empty):
                empty.set_texts(nobody, self.tr("Show all packs and hamlets"), self.clear_filters)
            return
        teach = self.tr("Teach a lesson…")
        if overview.waiting:
            self.eligible_empty.set_texts(
                self.tr(
                    "Nobody has finished a lesson pack yet: a learner can receive a certificate after "
                    "attending every lesson of a pack and passing its quiz and skill checks. %n learner(s) "
                    "are on the way.",
                    "",
                    len(overview.waiting),
                ),
                self.tr("See what they still miss"),
                lambda: self.tabs.setCurrentIndex(1),
            )
        else:
            self.eligible_empty.set_texts(
                self.tr(
                    "Nobody has finished a lesson pack yet: a learner can receive a certificate after "
                    "attending every lesson of a pack and passing its quiz and skill checks."
                ),
                teach,
                lambda: self.open_page.emit("lessons"),
            )
        self.waiting_empty.set_texts(
            self.tr(
                "No learner is part way through a lesson pack: they appear here after their first lesson."
            ),
            teach,
            lambda: self.open_page.emit("lessons"),
        )
        if overview.eligible:
            self.issued_empty.set_texts(
                self.tr(
                    "No certificate has been issued yet; %n learner(s) can receive one.",
                    "",
                    len(overview.eligible),
                ),
                self.tr("Issue them on the Eligible list"),
                lambda: self.tabs.setCurrentIndex(0),
            )
        else:
            self.issued_empty.set_texts(
                self.tr(
                    "No certificate has been issued yet: they are issued here to learners who finished "
                    "a lesson pack."
                ),
                teach,
                lambda: self.open_page.emit("lessons"),
            )

    def clear_filters(self) -> None:
        """Every pack and hamlet again (one reload, not one per box)."""
        for box in (self.pack_box, self.hamlet_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.refresh()

    def _show_ticks(self, ticked: int) -> None:
        self.issue_button.setEnabled(ticked > 0 and self.role == "officer")
        self.select_none_button.setEnabled(ticked > 0)
        self.select_all_button.setEnabled(bool(self.eligible_model.rows))

    def _show_issued_actions(self) -> None:
        self.print_button.setEnabled(not self.printing)
        self.revoke_button.setEnabled(len(self.selected_certificates()) == 1 and not self.printing)

    def _show_why(self, model: CertificatesModel, current: QModelIndex, target: QLabel) -> None:
        if not current.isValid() or current.row() >= len(model.rows):
            target.setText("")
            return
        row = model.rows[current.row()]
        target.setText(f"{row.full_name}: {row.why(language())}")

    # Loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        from volunteer_kit import paths
        from volunteer_kit.certificates.keys import own_key_id
        from volunteer_kit.certificates.overview import certificates_overview
        from volunteer_kit.packs.outline import installed_outlines
        from volunteer_kit.store.devices import profile

        self._generation += 1
        generation = self._generation
        data_dir = paths.data_dir()

        def profile_loaded(profile: Any) -> None:
            if generation != self._generation:
                return
            self.role = profile.role
            if self.role != "officer":
                self.overview = None
                self._show()
                self.loaded.emit(None)
                return
            self._show()
            pack_id, hamlet, lang = self.pack_box.currentData(), self.hamlet_box.currentData(), language()
            ReadOp(
                self.store,
                lambda conn: certificates_overview(
                    conn,
                    installed_outlines(),
                    pack_id=pack_id,
                    hamlet=hamlet,
                    lang=lang,
                    own_key_id=own_key_id(data_dir),
                ),
                parent=self,
            ).success(overview_loaded).run()

        def overview_loaded(overview: CertificatesOverview) -> None:
            if generation != self._generation:
                return
            self.overview = overview
            self._fill_filters()
            self.eligible_model.set_rows(overview.eligible, overview.titles)
            self.waiting_model.set_rows(overview.waiting, overview.titles)
            self.issued_model.set_rows(overview.issued, overview.titles)
            for table, label in (
                (self.eligible_table, self.eligible_why),
                (self.waiting_table, self.waiting_why),
            ):
                if table.model().rowCount():
                    table.setCurrentIndex(table.model().index(0, 0))
                else:
                    label.setText("")  # the empty state says why, in the table's place
            self._show()
            self.loaded.emit(overview)

        ReadOp(self.store, profile, parent=self).success(profile_loaded).run()

    # Issuing -----------------------------------------------------------------------------------
    def issue_ticked(self) -> None:
        from volunteer_kit import paths
        from volunteer_kit.certificates.overview import issue_for_packs
        from volunteer_kit.packs.outline import installed_outlines

        rows = self.eligible_model.ticked_rows()
        if not rows:
            self.status.setText(self.tr("Tick the learners to issue certificates to."))
            return
        if not self.confirm_issue(rows):
            return
        by_pack: dict[str, list[str]] = {}
        for row in rows:
            by_pack.setdefault(row.pack_id, []).append(row.learner_id)
        self.issue_button.setEnabled(False)
        self.status.setText(self.tr("Issuing…"))

        def done(issued: list[Any]) -> None:
            self.eligible_model.tick_all(False)
            self.status.setText(
                self.tr(
                    "Issued %n certificate(s). They are in the list “Issued”, ready to print.",
                    "",
                    len(issued),
                )
            )
            self.issued.emit(issued)

        def failed(problem: KnownError) -> None:
            self.status.setText(self.tr("No certificate was issued: %1").replace("%1", problem.message()))

        data_dir = paths.data_dir()
        op = WriteOp(
            self.store,
            lambda conn: issue_for_packs(conn, data_dir, by_pack, installed_outlines()),
            parent=self,
        )
        op.success(done).failure(failed).finished(lambda: self._show_ticks(len(self.eligible_model.ticked)))
        op.run()

    def confirm_issue(self, rows: list[Any]) -> bool:
        """Ask before issuing (tests replace this)."""
        names = "\n".join(
            f"• {row.full_name} — {self.eligible_model.titles.get(row.pack_id, row.pack_title)}"
            for row in rows[:NAMES_IN_CONFIRMATION]
        )
        if len(rows) > NAMES_IN_CONFIRMATION:
            names += "\n" + self.tr("… and %n more", "", len(rows) - NAMES_IN_CONFIRMATION)
        answer = QMessageBox.question(
            self,
            self.tr("Issue certificates"),
            self.tr(
                "Issue %n certificate(s)? Each is signed with this laptop's key and cannot be "
                "changed afterwards; a mistake is corrected by revoking it.",
                "",
                len(rows),
            )
            + "\n\n"
            + names,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # Printing ----------------------------------------------------------------------------------
    def selected_certificates(self) -> list[Any]:
        rows = sorted({index.row() for index in self.issued_table.selectionModel().selectedRows()})
        return [self.issued_model.rows[r] for r in rows if r < len(self.issued_model.rows)]

    def choose_print_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / f"chung-nhan-{date.today():%Y-%m-%d}.pdf"
        path = save_file_name(
            self, self.tr("Save the certificates as a PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path, serials: Sequence[str] | None = None) -> None:
        """Write the chosen certificates (`serials`, else those selected in the list, else every one
        not printed yet) into the PDF `path`, off the GUI thread, with progress and Cancel."""
        from volunteer_kit.certificates.overview import print_to_pdf
        from volunteer_kit.packs.outline import installed_outlines

        if self.printing:
            return
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if serials is None:
            chosen = self.selected_certificates()
            standing = [row.serial for row in chosen if not row.revoked and not row.anonymized]
            if chosen and not standing:
                self.status.setText(self.tr("Revoked certificates are not printed."))
                return
            serials = standing or None
        self.printing = True
        self.print_panel.start(self.tr("Preparing the certificates…"))
        self.status.setText("")
        self._show_issued_actions()

        def done(printed: list[str]) -> None:
            written = self.tr("%n certificate(s) written to %1.", "", len(printed)).replace("%1", str(path))
            self.print_panel.written(path, written)
            self.printed.emit((path, printed))

        def failed(problem: KnownError) -> None:
            self.print_panel.say(problem.message())
            self.printed.emit(problem)

        wanted, progress, cancel = serials, self._progress.moved.emit, self.print_panel.cancel
        EngineOp(
            self.store,
            lambda engine: print_to_pdf(
                engine, path, installed_outlines(), serials=wanted, progress=progress, cancel=cancel
            ),
            parent=self,
        ).success(done).failure(failed).finished(self._end_printing).run()

    def _show_progress(self, done: int, total: int) -> None:
        if not self.printing:
            return
        self.print_panel.show_progress(
            done,
            total,
            self.tr("Writing certificate %1 of %2…")
            .replace("%1", QLocale().toString(done))
            .replace("%2", QLocale().toString(total)),
        )

    def _end_printing(self) -> None:
        self.printing = False
        self.print_panel.end()
        self._show_issued_actions()

    # Revoking ----------------------------------------------------------------------------------
    def open_revoke_dialog(self) -> RevokeDialog | None:
        chosen = self.selected_certificates()
        if len(chosen) != 1:
            self.status.setText(self.tr("Choose one certificate in the list “Issued” to revoke."))
            return None
        row = chosen[0]
        if row.revoked:
            self.status.setText(self.tr("Certificate %1 is already revoked.").replace("%1", row.serial))
            return None
        dialog = RevokeDialog(row.serial, row.full_name or row.serial, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reason_given.connect(lambda reason: self.revoke(row.serial, reason, dialog))
        self.revoke_dialog = dialog
        dialog.open()
        return dialog

    def revoke(self, serial: str, reason: str, dialog: RevokeDialog | None = None) -> None:
        from volunteer_kit.certificates.issue import revoke

        def done(_revocation_id: str) -> None:
            self.status.setText(self.tr("Certificate %1 was revoked.").replace("%1", serial))
            if dialog is not None:
                dialog.accept()
            self.revoked.emit(serial)

        def failed(problem: KnownError) -> None:
            text = self.tr("Not revoked: %1").replace("%1", problem.message())
            if dialog is not None:
                dialog.failed(text)
            else:
                self.status.setText(text)

        op = WriteOp(self.store, lambda conn: revoke(conn, serial, reason), parent=self)
        op.success(done).failure(failed).run()

    # Retiring a signing key --------------------------------------------------------------------
    def open_retire_key_dialog(self) -> RetireKeyDialog | None:
        keys, own = (self.overview.keys, self.overview.own_key_id) if self.overview else ([], None)
        if own is None and not any(not key.compromised for key in keys):
            self.status.setText(
                self.tr(
                    "There is no signing key to retire: this laptop makes its key when it issues its "
                    "first certificate."
                )
            )
            return None
        dialog = RetireKeyDialog(keys, own, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(
            lambda reason, compromised, key_id: self.retire_key(dialog, reason, compromised, key_id)
        )
        self.retire_key_dialog = dialog
        dialog.open()
        return dialog

    def retire_key(self, dialog: RetireKeyDialog, reason: str, compromised: bool, key_id: str | None) -> None:
        from volunteer_kit import paths
        from volunteer_kit.certificates.retire import retire_key

        def done(retired: Any) -> None:
            self.status.setText(dialog.outcome(retired, self.issued_model.titles))
            if retired.compromised:
                self.tabs.setCurrentIndex(0)  # where the learners to issue again now are
            dialog.accept()
            self.key_retired.emit(retired)

        def failed(problem: KnownError) -> None:
            dialog.failed(self.tr("The key was not retired: %1").replace("%1", problem.message()))

        data_dir = paths.data_dir()
        EngineOp(
            self.store,
            lambda engine: retire_key(engine, data_dir, reason, compromised=compromised, key_id=key_id),
            parent=self,
        ).success(done).failure(failed).run()

    # Verifying ---------------------------------------------------------------------------------
    def open_verify_dialog(self) -> VerifyDialog:
        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.store, self)
        if self.verify_dialog.isVisible():  # behind the window: bring it forward
            self.verify_dialog.raise_()
            self.verify_dialog.activateWindow()
        self.verify_dialog.show()
        self.verify_dialog.text_edit.setFocus()
        return self.verify_dialog
