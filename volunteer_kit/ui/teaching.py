"""A teaching session from start to finish: who is present, the lesson, the quiz, the skill checks.

Each step records its facts as soon as it is done (attendance when the session
starts, each learner's quiz attempt when they finish it, the skill checks when
they are saved), so closing the window halfway loses nothing already recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.records import LearnerRow
from volunteer_kit.core.vocab import SESSION_KINDS
from volunteer_kit.errors import language
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.learner_picker import find_learners
from volunteer_kit.ui.ops import ReadOp, WriteOp
from volunteer_kit.ui.quiz import QuizWindow
from volunteer_kit.ui.session_summary import SessionSummaryDialog
from volunteer_kit.ui.skill_checks import SkillChecksDialog
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.walk_in import ask_consent, confirm_different_person, offer_existing, register_walk_in

if TYPE_CHECKING:
    from volunteer_kit.packs.quiz import QuizScore
    from volunteer_kit.packs.reader import Lesson, Pack
    from volunteer_kit.store.session_summary import SessionSummary
    from volunteer_kit.ui.group_quiz import GroupQuizWindow
    from volunteer_kit.ui.presenter import PresenterWindow


# Room kept for a window's title bar and borders before it is shown (then they are measured).
WINDOW_BORDERS = QSize(16, 40)


@dataclass(frozen=True)
class Present:
    learner_id: str
    full_name: str


class StartSessionDialog(QDialog):
    """Kind, place and the learners present (search, tick)."""

    searched = Signal(int)
    walk_in_added = Signal(str)

    def __init__(self, store: StoreClient, lesson_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.chosen: dict[str, str] = {}  # learner id -> name, in the order ticked
        self._generation = 0
        self.setWindowTitle(self.tr("Start a teaching session"))
        self.lesson_label = QLabel(lesson_title)
        self.lesson_label.setWordWrap(True)
        self.kind_box = QComboBox()
        for code in SESSION_KINDS:
            self.kind_box.addItem(label(SESSION_KINDS, code), code)
        self.kind_box.setCurrentIndex(self.kind_box.findData("group_class"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("e.g. Nhà văn hóa thôn Kim Lan"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Type a name to find learners"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)  # a long name and hamlet wrap: never cut, never scrolled sideways
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemChanged.connect(self._ticked)
        self.count_label = QLabel()
        # A walk-in: someone not registered yet joins the session (with their consent).
        self.new_label = QLabel(self.tr("Someone &new:"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Full name of a newcomer"))
        self.new_label.setBuddy(self.new_name)
        self.new_year = QLineEdit()
        self.new_year.setPlaceholderText(self.tr("Birth year"))
        self.new_year.setMaxLength(4)
        self.add_button = QPushButton(self.tr("&Add with consent…"))
        self.add_button.setToolTip(self.tr("Register someone not registered yet, once they agree"))
        self.add_button.clicked.connect(self.add_walk_in)
        self.new_status = QLabel()
        self.new_status.setWordWrap(True)
        self.new_status.setVisible(False)
        self.walk_in = QGridLayout()
        # Where the screen is wide enough, kind and place share a row, and so do the newcomer's caption
        # and fields: at large text sizes the height goes to the list of learners (see fit_to_screen).
        self.form = QGridLayout()
        self.form.addWidget(QLabel(self.tr("Lesson:")), 0, 0)
        self.form.addWidget(self.lesson_label, 0, 1, 1, 3)
        self.captions: dict[QWidget, QLabel] = {}
        for text, field in (
            (self.tr("&Kind:"), self.kind_box),
            (self.tr("&Place:"), self.place_edit),
            (self.tr("&Find learners:"), self.search_edit),
        ):
            self.captions[field] = QLabel(text)
            self.captions[field].setBuddy(field)
        self._wide: bool | None = None
        self._arrange(wide=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.buttons)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.results, 1)
        self.body.addLayout(self.walk_in)
        self.body.addWidget(self.new_status)
        self.body.addLayout(bottom)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self._update_count()
        self.fit_to_screen()
        self.search()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_to_screen()
        super().changeEvent(event)

    def _arrange(self, *, wide: bool) -> None:
        """Kind and place side by side (wide) or one under the other; the same for the newcomer's row."""
        if wide == self._wide:
            return
        self._wide = wide
        rows = (
            ((1, 0, self.kind_box), (1, 2, self.place_edit))
            if wide
            else ((1, 0, self.kind_box), (2, 0, self.place_edit))
        )
        for row, column, field in (*rows, (3 if not wide else 2, 0, self.search_edit)):
            caption = self.captions[field]
            self.form.removeWidget(caption)
            self.form.removeWidget(field)
            self.form.addWidget(caption, row, column)
            self.form.addWidget(field, row, column + 1, 1, 1 if wide and field is not self.search_edit else 3)
        self.form.setColumnStretch(1, 0 if wide else 1)
        self.form.setColumnStretch(3, 1)
        first = 1 if wide else 0
        self.walk_in.removeWidget(self.new_label)
        self.walk_in.addWidget(self.new_label, 0, 0, 1, 1 if wide else 3)
        for column, widget in enumerate((self.new_name, self.new_year, self.add_button)):
            self.walk_in.removeWidget(widget)
            self.walk_in.addWidget(widget, 1 - first, column + first)
        for column in range(4):
            self.walk_in.setColumnStretch(column, 0)
        self.walk_in.setColumnStretch(first, 3)
        self.walk_in.setColumnStretch(first + 1, 1)

    def fit_to_screen(self, area: QRect | None = None) -> None:
        """Grow with the text size up to `area` (the screen's free space), never beyond it; the fields
        as wide as their hints so none is cut where the screen has the room."""
        if area is None:
            screen = self.screen()
            if screen is None:
                return
            area = screen.availableGeometry()
        # The window's title bar and borders are outside the dialog's own size.
        frame = self.frameGeometry().size() - self.size() if self.isVisible() else QSize(0, 0)
        room_width = area.width() - max(frame.width(), WINDOW_BORDERS.width())
        room_height = area.height() - max(frame.height(), WINDOW_BORDERS.height())
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        margins = char * 3  # a line edit's frame and the text's margins
        needs: dict[QWidget, int] = {}
        for edit, share in (
            (self.place_edit, 0.45),
            (self.new_name, 0.3),
            (self.new_year, 0.15),
            (self.search_edit, 0.6),
        ):
            clear = metrics.height() if edit.isClearButtonEnabled() else 0
            needs[edit] = metrics.horizontalAdvance(edit.placeholderText()) + margins + clear
            edit.setMinimumWidth(min(needs[edit], int(room_width * share)))
        # Side by side where both rows fit whole: the kind with the place, the newcomer's caption with
        # the fields.
        gaps = self.body.spacing() * 4 + self.body.contentsMargins().left() * 2
        place_row = (
            self.captions[self.kind_box].sizeHint().width()
            + self.kind_box.sizeHint().width()
            + self.captions[self.place_edit].sizeHint().width()
            + needs[self.place_edit]
        )
        new_row = (
            self.new_label.sizeHint().width()
            + needs[self.new_name]
            + needs[self.new_year]
            + self.add_button.sizeHint().width()
        )
        self._arrange(wide=max(place_row, new_row) + gaps <= min(char * 100, room_width))
        width = max(char * 100, self.minimumSizeHint().width())
        height = max(metrics.height() * 32, self.minimumSizeHint().height())
        self.resize(min(width, room_width), min(height, room_height))

    def search(self) -> None:
        self._generation += 1
        generation = self._generation
        find_learners(self.store, self.search_edit.text(), parent=self).success(
            lambda rows: self._show(rows, generation)
        ).run()

    def _show(self, rows: list[LearnerRow], generation: int) -> None:
        if generation != self._generation:
            return
        self.results.blockSignals(True)
        self.results.clear()
        for row in rows:
            year = f" ({row.birth_year})" if row.birth_year else ""
            item = QListWidgetItem(f"{row.full_name}{year} · {row.hamlet}")
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.full_name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in self.chosen else Qt.CheckState.Unchecked)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.searched.emit(len(rows))

    def _ticked(self, item: QListWidgetItem) -> None:
        learner_id, name = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[learner_id] = name
        else:
            self.chosen.pop(learner_id, None)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n learner(s) present", "", len(self.chosen)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen))

    def add_walk_in(self) -> None:
        """Read the consent aloud, and register the newcomer only if they agree."""
        from volunteer_kit.store import learners

        def register(name: str, year: int | None, allow: bool) -> WriteOp[LearnerRow]:
            return WriteOp(
                self.store,
                lambda conn: learners.register_learner(
                    conn, full_name=name, birth_year=year, hamlet="", allow_duplicate=allow
                ),
                parent=self,
            )

        register_walk_in(
            self,
            self.new_name.text(),
            self.new_year.text(),
            register,
            on_ready=self._walk_in_ready,
            on_message=self._say,
        )

    def _say(self, message: str) -> None:
        self.new_status.setText(message)
        self.new_status.setVisible(bool(message))

    def _walk_in_ready(self, row: LearnerRow, already_registered: bool) -> None:
        self.chosen[row.id] = row.full_name
        self.new_name.clear()
        self.new_year.clear()
        message = (
            self.tr("%1 is already registered and is now marked present.")
            if already_registered
            else self.tr("%1 was added and marked present.")
        )
        self._say(message.replace("%1", row.full_name))
        self._update_count()
        self.walk_in_added.emit(row.id)

    # The questions of a walk-in (tests replace them).
    def ask_consent(self, name: str, text: str) -> bool:
        return ask_consent(self, name, text)

    def offer_existing(self, existing: list[LearnerRow]) -> LearnerRow | None:
        return offer_existing(self, existing)

    def confirm_different_person(self) -> bool:
        return confirm_different_person(self)

    def present(self) -> list[Present]:
        return [Present(learner_id, name) for learner_id, name in self.chosen.items()]


class TeachingFlow(QObject):
    """Runs one session: start (attendance), lesson, the quiz (a grid for a group), skill checks, then
    its summary."""

    session_started = Signal(str)
    stage = Signal(str)  # "presenting", "quiz", "skill-checks", "done" (the summary is shown)

    def __init__(
        self,
        store: StoreClient,
        pack: Pack,
        lesson: Lesson,
        parent: QWidget | None = None,
        *,
        verified: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.verified = verified
        self.pack = pack
        self.lesson = lesson
        self.parent_widget = parent
        self.session_id: str | None = None
        self.present: list[Present] = []
        self.dialog: StartSessionDialog | None = None
        self.presenter: PresenterWindow | None = None
        self.quiz: QuizWindow | GroupQuizWindow | None = None
        self.checks: SkillChecksDialog | None = None
        self.summary: SessionSummaryDialog | None = None

    def start(self) -> None:
        title = f"{self.pack.manifest.title.get(language())} · {self.lesson.title_vi}"
        self.dialog = StartSessionDialog(self.store, title, self.parent_widget)
        self.dialog.accepted.connect(self._begin)
        self.dialog.open()

    def _begin(self) -> None:
        from volunteer_kit.store import teaching

        assert self.dialog is not None
        self.present = self.dialog.present()
        manifest = self.pack.manifest
        kind = self.dialog.kind_box.currentData()
        place = self.dialog.place_edit.text()
        learner_ids = [p.learner_id for p in self.present]

        def started(session_id: str) -> None:
            from volunteer_kit.ui.presenter import PresenterWindow

            self.session_id = session_id
            self.session_started.emit(session_id)
            self.presenter = PresenterWindow(self.pack, self.lesson, verified=self.verified)
            self.presenter.finished.connect(self._quiz)
            self.presenter.showFullScreen()
            self.presenter.activateWindow()
            self.stage.emit("presenting")

        lesson_ids = [self.lesson.id]
        WriteOp(
            self.store,
            lambda conn: teaching.start_session(
                conn,
                kind=kind,
                pack_id=manifest.id,
                pack_version=manifest.version,
                lesson_ids=lesson_ids,
                place=place,
                learner_ids=learner_ids,
            ),
            parent=self.parent_widget,
        ).success(started).run()

    def _quiz(self) -> None:
        """A group answers on one grid, a question at a time (each learner in turn would keep nine
        people waiting while the tenth answers); one learner alone gets the big answer cards."""
        if len(self.present) > 1:
            from volunteer_kit.ui.group_quiz import GroupQuizWindow

            group = GroupQuizWindow(self.pack, self.present)
            group.one_by_one.connect(self._quiz_one_by_one)
            self._open_quiz(group)
        else:
            self._open_quiz(QuizWindow(self.pack, self.present))
        self.stage.emit("quiz")

    def _quiz_one_by_one(self) -> None:
        """The volunteer chose, before the first answer, to take the learners one after another."""
        self._open_quiz(QuizWindow(self.pack, self.present))

    def _open_quiz(self, window: QuizWindow | GroupQuizWindow) -> None:
        self.quiz = window
        window.attempt_done.connect(self._record_attempt)
        window.all_done.connect(self._skill_checks)
        window.showFullScreen()
        window.activateWindow()

    def _record_attempt(self, learner_id: str, answer: object) -> None:
        from volunteer_kit.store import teaching

        answers, result = cast("tuple[dict[str, list[str]], QuizScore]", answer)
        manifest = self.pack.manifest
        session_id = self.session_id
        WriteOp(
            self.store,
            lambda conn: teaching.record_quiz_attempt(
                conn,
                session_id=session_id,
                learner_id=learner_id,
                pack_id=manifest.id,
                pack_version=manifest.version,
                answers=answers,
                correct=result.correct,
                total=result.total,
                percent=result.percent,
                passed=result.passed,
            ),
            parent=self.parent_widget,
        ).run()

    def _skill_checks(self) -> None:
        if not self.pack.manifest.skill_checks:  # nothing to tick: the quiz was the last step
            self._summarize()
            return
        self.checks = SkillChecksDialog(self.pack, self.present, self.parent_widget)
        self.checks.accepted.connect(self._save_checks)
        self.checks.rejected.connect(self._summarize)  # none recorded, and still the session's summary
        self.checks.open()
        self.stage.emit("skill-checks")

    def _save_checks(self) -> None:
        from volunteer_kit.store import teaching

        assert self.checks is not None
        manifest = self.pack.manifest
        session_id = self.session_id
        results = self.checks.results()
        WriteOp(
            self.store,
            lambda conn: teaching.record_skill_checks(
                conn,
                session_id=session_id,
                pack_id=manifest.id,
                pack_version=manifest.version,
                results=results,
            ),
            parent=self.parent_widget,
        ).success(lambda _n: self._summarize()).run()

    def _summarize(self) -> None:
        """The session ends with its summary, read in one operation."""
        from volunteer_kit.packs.outline import installed_outlines
        from volunteer_kit.store.session_summary import session_summary

        session_id, lang = self.session_id or "", language()
        ReadOp(
            self.store,
            lambda conn: session_summary(conn, session_id, installed_outlines(), lang),
            parent=self.parent_widget,
        ).success(self._show_summary).finished(lambda: self.stage.emit("done")).run()

    def _show_summary(self, summary: SessionSummary | None) -> None:
        if summary is None:  # the session is gone (deleted elsewhere meanwhile)
            return
        self.summary = SessionSummaryDialog(self.store, summary, self.parent_widget)
        self.summary.open()
