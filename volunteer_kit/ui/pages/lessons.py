"""Lessons: the pack library, a pack's contents, importing a pack file, and teaching a lesson."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.competencies import competency_name
from volunteer_kit.errors import KnownError, language
from volunteer_kit.ui import theme
from volunteer_kit.ui.empty_state import EmptyState
from volunteer_kit.ui.file_dialogs import open_file_name
from volunteer_kit.ui.i18n import QT_TRANSLATE_NOOP
from volunteer_kit.ui.ops import EngineOp, FileOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import FittingList, ScaledLabel, scrolling

if TYPE_CHECKING:  # the pack modules load pydantic and cryptography: not at start-up
    from volunteer_kit.packs.library import LibraryPack
    from volunteer_kit.ui.presenter import PresenterWindow
    from volunteer_kit.ui.teaching import TeachingFlow

TRUST_LABELS = {
    "bundled": QT_TRANSLATE_NOOP("LessonsPage", "bundled with the app"),
    "trusted": QT_TRANSLATE_NOOP("LessonsPage", "signed by a trusted publisher"),
    "unsigned": QT_TRANSLATE_NOOP("LessonsPage", "NOT SIGNED: check where it came from"),
    "unknown-publisher": QT_TRANSLATE_NOOP("LessonsPage", "UNKNOWN PUBLISHER: check where it came from"),
}


def trust_label(state: str) -> str:
    return QCoreApplication.translate("LessonsPage", TRUST_LABELS.get(state, state))


class LessonsPage(Page):
    library_loaded = Signal(int)
    import_finished = Signal(object)  # the LibraryPack, or the error
    presenter_opened = Signal(object)
    flow_started = Signal(object)

    def __init__(self, store: StoreClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.flow: TeachingFlow | None = None
        self.entries: list[LibraryPack] = []
        self.library_read = False  # the library was read once: an empty list now means no pack
        self.presenter: PresenterWindow | None = None
        self.heading = ScaledLabel(1.8, bold=True)
        self.packs = QListWidget()
        self.packs.setWordWrap(True)
        self.packs.setAlternatingRowColors(True)
        self.packs.currentRowChanged.connect(self._pack_chosen)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_file)
        # No pack yet: why, and the way to one (a file; the hub's packs come with a sync).
        self.no_packs = EmptyState(callback=self.choose_file)
        self.no_packs.setVisible(False)
        self.pack_title = ScaledLabel(1.5, bold=True)
        self.pack_title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.lessons_label = ScaledLabel(1.15, bold=True)
        self.lessons = FittingList()
        self.lessons.itemActivated.connect(lambda _item: self.preview())
        self.checks_label = ScaledLabel(1.15, bold=True)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.teach_button = QPushButton()
        theme.primary(self.teach_button)  # the page's main action
        self.teach_button.clicked.connect(self.teach)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.fields_button = QPushButton()  # only for a pack with names the commune fills in
        self.fields_button.clicked.connect(self.edit_fields)
        self.fields_dialog: QDialog | None = None

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.packs, 1)
        left_layout.addWidget(self.no_packs, 1)
        left_layout.addWidget(self.import_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        detail_layout.addWidget(self.pack_title)
        detail_layout.addWidget(self.facts)
        local = QHBoxLayout()  # with the pack's facts: the names this commune gives them
        local.addWidget(self.fields_button)
        local.addStretch(1)
        detail_layout.addLayout(local)
        detail_layout.addWidget(self.lessons_label)
        detail_layout.addWidget(self.lessons)
        detail_layout.addWidget(self.checks_label)
        detail_layout.addWidget(self.checks)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.teach_button)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(detail))
        splitter.setSizes([380, 620])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Lessons")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Lessons"))
        self.import_button.setText(self.tr("&Import pack…"))
        self.import_button.setToolTip(
            self.tr("Add a lesson pack from a file (.vkpack), e.g. from a USB stick")
        )
        self.teach_button.setText(self.tr("&Teach this lesson"))
        self.teach_button.setToolTip(
            self.tr("Start a session: who is present, the lesson, the quiz, the skill checks")
        )
        self.preview_button.setText(self.tr("&Preview"))
        self.preview_button.setToolTip(
            self.tr("Show the lesson in teaching mode without recording a session")
        )
        self.fields_button.setText(self.tr("Local &names…"))
        self.fields_button.setToolTip(
            self.tr(
                "Your province's app, your commune's page and phone number, as learners see them in this pack"
            )
        )
        self.lessons_label.setText(self.tr("Lessons"))
        self.checks_label.setText(self.tr("Practical skill checks"))
        self.no_packs.set_texts(
            self.tr(
                "No lesson pack on this laptop yet. Import one from a file (.vkpack, e.g. on a USB "
                "stick); the commune's packs also arrive when this laptop syncs with the hub."
            ),
            self.tr("Import a pack…"),
        )
        self._fill_list()

    def refresh(self) -> None:
        from volunteer_kit.packs.library import list_library

        FileOp(self.store, lambda: list_library(), parent=self).success(self._loaded).run()

    def _loaded(self, entries: list[LibraryPack]) -> None:
        self.entries = entries
        self.library_read = True
        self._fill_list()
        self.library_loaded.emit(len(entries))

    def _fill_list(self) -> None:
        current = self.packs.currentRow()
        self.packs.blockSignals(True)
        self.packs.clear()
        lang = language()
        for entry in self.entries:
            manifest = entry.pack.manifest
            item = QListWidgetItem(
                f"{manifest.title.get(lang)}\n{manifest.version} · {trust_label(entry.trust)}"
            )
            self.packs.addItem(item)
        self.packs.blockSignals(False)
        empty = self.library_read and not self.entries
        self.packs.setVisible(not empty)
        self.no_packs.setVisible(empty)
        self.import_button.setVisible(not empty)  # the empty state holds the same button
        if self.entries:
            self.packs.setCurrentRow(min(max(current, 0), len(self.entries) - 1))
            self._pack_chosen(self.packs.currentRow())
        else:
            self._pack_chosen(-1)

    def current_entry(self) -> LibraryPack | None:
        row = self.packs.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _pack_chosen(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        self.teach_button.setEnabled(entry is not None)
        self.preview_button.setEnabled(entry is not None)
        self.lessons.clear()
        # Without a pack the detail holds no empty boxes: the list on the left says what to do.
        for part in (
            self.lessons_label,
            self.lessons,
            self.checks_label,
            self.teach_button,
            self.preview_button,
        ):
            part.setVisible(entry is not None)
        self.fields_button.setVisible(entry is not None and bool(entry.pack.manifest.fields))
        if entry is None:
            self.pack_title.setText(self.tr("No lesson packs yet") if self.library_read else "")
            self.facts.setText("")
            self.checks.setText("")
            return
        lang = language()
        manifest = entry.pack.manifest
        self.pack_title.setText(manifest.title.get(lang))
        facts = [
            manifest.summary.get(lang),
            self.tr("Version %1 · about %2 minutes · %3 quiz questions")
            .replace("%1", manifest.version)
            .replace("%2", str(manifest.estimated_minutes))
            .replace("%3", str(len(entry.pack.quiz.questions))),
            self.tr("Competencies: %1").replace(  # by name; the framework's code only as a note
                "%1", "; ".join(f"{competency_name(code, lang)} ({code})" for code in manifest.competencies)
            ),
            self._level(manifest.level),
            self.tr("Publisher: %1 (%2)")
            .replace("%1", manifest.publisher.name)
            .replace("%2", trust_label(entry.trust)),
        ]
        self.facts.setText("\n".join(fact for fact in facts if fact))
        for number, lesson in enumerate(entry.pack.lessons, start=1):
            title = lesson.title_en if lang == "en" and lesson.title_en else lesson.title_vi
            steps = self.tr("%n step(s)", "", len(lesson.steps))
            self.lessons.addItem(f"{number}. {title} ({steps})")
        self.lessons.setCurrentRow(0)
        self.checks.setText(
            "\n".join(
                f"• {check.text.get(lang)}" + ("" if check.required else self.tr(" (optional)"))
                for check in manifest.skill_checks
            )
        )

    def _level(self, level: int | None) -> str:
        """Circular 02/2025/TT-BGDĐT: four levels of two steps each (1-2 basic … 7-8 specialised)."""
        if level is None:
            return ""
        names = (self.tr("basic"), self.tr("intermediate"), self.tr("advanced"), self.tr("specialised"))
        return (
            self.tr("Digital competency level: %1, step %2 of 8 (Circular 02/2025)")
            .replace("%1", names[(level - 1) // 2])
            .replace("%2", str(level))
        )

    # Local names ----------------------------------------------------------------
    def edit_fields(self) -> None:
        entry = self.current_entry()
        if entry is None or not entry.pack.manifest.fields:
            return
        from volunteer_kit.packs.fields import local_values

        manifest = entry.pack.manifest
        self.fields_button.setEnabled(False)
        reading = FileOp(self.store, lambda: local_values().get(manifest.id, {}), parent=self)
        reading.success(lambda values: self._open_fields(manifest, values)).finished(
            lambda: self.fields_button.setEnabled(True)
        ).run()

    def _open_fields(self, manifest, values: dict[str, str]) -> None:
        from volunteer_kit.ui.pack_fields import PackFieldsDialog

        dialog = PackFieldsDialog(self.store, manifest, values, self)
        dialog.saved.connect(lambda _values: self.refresh())  # the packs read again, with the names
        dialog.finished.connect(dialog.deleteLater)
        self.fields_dialog = dialog
        dialog.open()

    # Teaching -------------------------------------------------------------------
    def _chosen_lesson(self):
        entry = self.current_entry()
        row = self.lessons.currentRow()
        if entry is None or not 0 <= row < len(entry.pack.lessons):
            return None
        return entry, entry.pack.lessons[row]

    def teach(self) -> None:
        """A real session: attendance, the lesson, the quiz and skill checks, each recorded."""
        chosen = self._chosen_lesson()
        if chosen is None:
            return
        from volunteer_kit.ui.teaching import TeachingFlow

        entry, lesson = chosen
        self.flow = TeachingFlow(
            self.store, entry.pack, lesson, self, verified=entry.trust in ("bundled", "trusted")
        )
        self.flow.start()
        self.flow_started.emit(self.flow)

    def preview(self) -> None:
        chosen = self._chosen_lesson()
        if chosen is None:
            return
        from volunteer_kit.ui.presenter import PresenterWindow

        entry, lesson = chosen
        self.presenter = PresenterWindow(entry.pack, lesson, verified=entry.trust in ("bundled", "trusted"))
        self.presenter.showFullScreen()
        self.presenter.activateWindow()
        self.presenter.setFocus()
        self.presenter_opened.emit(self.presenter)

    # Importing ------------------------------------------------------------------
    def choose_file(self) -> None:
        name = open_file_name(
            self, self.tr("Import a lesson pack"), str(Path.home()), self.tr("Lesson packs (*.vkpack)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, *, allow_unsigned: bool = False) -> None:
        """Import off the GUI thread; an unsigned pack asks the volunteer before it goes in."""
        from volunteer_kit.packs.library import PackNotTrusted, install_pack

        progress = QProgressDialog(
            self.tr("Checking and importing %1…").replace("%1", path.name), "", 0, 0, self
        )
        progress.setCancelButton(None)  # the import is all-or-nothing and short; it cannot stop halfway
        progress.setMinimumDuration(600)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.import_button.setEnabled(False)

        def over() -> None:
            progress.close()
            self.import_button.setEnabled(True)

        def done(result) -> None:
            over()
            self.refresh()
            self.import_finished.emit(result.entry)

        def failed(problem: KnownError) -> None:
            over()
            if isinstance(problem, PackNotTrusted) and problem.state != "bad-signature":
                if self.confirm_untrusted(problem):
                    # After this import has finished: the new one holds the button and the progress.
                    QTimer.singleShot(0, lambda: self.import_file(path, allow_unsigned=True))
                    return
            else:
                from volunteer_kit.ui.crash import show_error

                show_error(self, problem)
            self.import_finished.emit(problem)

        # On the writer thread, as the hub's packs are installed: one install at a time in the library.
        installing = EngineOp(
            self.store, lambda _engine: install_pack(path, allow_unsigned=allow_unsigned), parent=self
        )
        installing.success(done).failure(failed).finished(over).run()  # over: after a bug too

    def confirm_untrusted(self, problem: KnownError) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Pack not verified"),
            self.tr("%1\n\nImport it anyway? It will be marked as not verified everywhere it shows.").replace(
                "%1", problem.message()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
