"""A teaching session from start to finish: who is present, the lesson, the quiz, the skill checks.

Each step records its facts as soon as it is done (attendance when the session
starts, each learner's quiz attempt when they finish it, the skill checks when
they are saved), so closing the window halfway loses nothing already recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.records import LearnerRow
from volunteer_kit.errors import language
from volunteer_kit.ui.labels import SESSION_KINDS, label
from volunteer_kit.ui.learner_picker import find_learners
from volunteer_kit.ui.ops import WriteOp
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.walk_in import ask_consent, confirm_different_person, offer_existing, register_walk_in

if TYPE_CHECKING:
    from volunteer_kit.packs.quiz import QuizScore
    from volunteer_kit.packs.reader import Lesson, Pack
    from volunteer_kit.ui.presenter import PresenterWindow

RIGHT_STYLE = "background-color: #1b5e20; color: white; border-radius: 6px; padding: 6px;"
WRONG_STYLE = "background-color: #b71c1c; color: white; border-radius: 6px; padding: 6px;"


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
        self.results.itemChanged.connect(self._ticked)
        self.count_label = QLabel()
        # A walk-in: someone not registered yet joins the session (with their consent).
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Full name of a newcomer"))
        self.new_year = QLineEdit()
        self.new_year.setPlaceholderText(self.tr("Birth year"))
        self.new_year.setMaxLength(4)
        self.new_year.setMaximumWidth(self.new_year.fontMetrics().horizontalAdvance("0000000000"))
        self.add_button = QPushButton(self.tr("&Add with consent…"))
        self.add_button.clicked.connect(self.add_walk_in)
        self.new_status = QLabel()
        self.new_status.setWordWrap(True)
        walk_in = QHBoxLayout()
        walk_in.addWidget(self.new_name, 3)
        walk_in.addWidget(self.new_year, 1)
        walk_in.addWidget(self.add_button)
        form = QFormLayout()
        form.addRow(self.tr("Lesson:"), self.lesson_label)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&Place:"), self.place_edit)
        form.addRow(self.tr("&Find learners:"), self.search_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(QLabel(self.tr("Someone new? Add them here:")))
        layout.addLayout(walk_in)
        layout.addWidget(self.new_status)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self._update_count()
        self.resize(640, 640)
        self.search()

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
            on_message=self.new_status.setText,
        )

    def _walk_in_ready(self, row: LearnerRow, already_registered: bool) -> None:
        self.chosen[row.id] = row.full_name
        self.new_name.clear()
        self.new_year.clear()
        message = (
            self.tr("%1 is already registered and is now marked present.")
            if already_registered
            else self.tr("%1 was added and marked present.")
        )
        self.new_status.setText(message.replace("%1", row.full_name))
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


class QuizWindow(QWidget):
    """One question per screen with big answer buttons; the volunteer records each learner in turn."""

    attempt_done = Signal(str, object)  # learner id, QuizScore
    all_done = Signal()

    def __init__(self, pack: Pack, learners: list[Present], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.pack = pack
        self.learners = learners
        self.learner_index = 0
        self.question_index = 0
        self.answers: dict[str, list[str]] = {}
        self.checked = False
        self.setWindowTitle(self.tr("Quiz: %1").replace("%1", pack.manifest.title.get(language())))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)
        self.learner_label = QLabel()
        self.progress_label = QLabel()
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.choices_box = QVBoxLayout()
        self.choice_buttons: list[QPushButton] = []
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check_or_next)
        header = QHBoxLayout()
        header.addWidget(self.learner_label, 1)
        header.addWidget(self.progress_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addWidget(self.prompt)
        layout.addLayout(self.choices_box)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        layout.addLayout(buttons)
        for number in range(1, 9):
            QShortcut(QKeySequence(str(number)), self, lambda n=number: self.toggle_choice(n - 1))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            QShortcut(QKeySequence(key), self, self.check_or_next)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.base = max(QApplication.font().pointSizeF() * 2.0, 22.0)
        for widget, factor, bold in (
            (self.prompt, 1.1, True),
            (self.feedback, 0.85, False),
            (self.learner_label, 0.8, True),
            (self.progress_label, 0.7, False),
            (self.check_button, 0.85, True),
        ):
            font = QFont(QApplication.font())
            font.setPointSizeF(self.base * factor)
            font.setBold(bold)
            widget.setFont(font)
        self.check_button.setMinimumHeight(64)
        self.show_question()

    @property
    def question(self):
        return self.pack.quiz.questions[self.question_index]

    @property
    def learner(self) -> Present:
        return self.learners[self.learner_index]

    def show_question(self) -> None:
        lang = language()
        question = self.question
        self.checked = False
        self.learner_label.setText(self.tr("Learner: %1").replace("%1", self.learner.full_name))
        self.progress_label.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.question_index + 1))
            .replace("%2", str(len(self.pack.quiz.questions)))
        )
        hint = self.tr(" (choose all that apply)") if question.kind == "multiple" else ""
        self.prompt.setText(question.prompt.get(lang) + hint)
        for button in self.choice_buttons:
            self.choices_box.removeWidget(button)
            button.deleteLater()
        self.choice_buttons = []
        for number, choice in enumerate(question.choices, start=1):
            button = QPushButton(f"{number}.  {choice.text.get(lang)}")
            button.setCheckable(True)
            button.setMinimumHeight(56)
            font = QFont(QApplication.font())
            font.setPointSizeF(self.base * 0.85)
            button.setFont(font)
            button.setProperty("choice_id", choice.id)
            button.clicked.connect(lambda _checked, n=number - 1: self._clicked(n))
            self.choices_box.addWidget(button)
            self.choice_buttons.append(button)
        self.feedback.setText("")
        self.check_button.setText(self.tr("Check answer"))

    def toggle_choice(self, index: int) -> None:
        if 0 <= index < len(self.choice_buttons) and not self.checked:
            self.choice_buttons[index].toggle()
            self._clicked(index)

    def _clicked(self, index: int) -> None:
        if self.checked:
            return
        if self.question.kind != "multiple":
            for other, button in enumerate(self.choice_buttons):
                if other != index:
                    button.setChecked(False)

    def chosen(self) -> list[str]:
        return [b.property("choice_id") for b in self.choice_buttons if b.isChecked()]

    def check_or_next(self) -> None:
        from volunteer_kit.packs.quiz import is_right

        if not self.checked:
            chosen = self.chosen()
            if not chosen:
                self.feedback.setText(self.tr("Choose an answer first."))
                return
            self.answers[self.question.id] = chosen
            self.checked = True
            right = is_right(self.question, chosen)
            for button in self.choice_buttons:
                # Answers stay readable: the right ones green with ✓, a wrong pick red with ✗.
                button.setCheckable(False)
                if button.property("choice_id") in self.question.correct:
                    button.setText(button.text() + "  ✓")
                    button.setStyleSheet(RIGHT_STYLE)
                elif button.property("choice_id") in chosen:
                    button.setText(button.text() + "  ✗")
                    button.setStyleSheet(WRONG_STYLE)
            verdict = self.tr("Right!") if right else self.tr("Not quite.")
            self.feedback.setText(f"{verdict} {self.question.explanation.get(language())}")
            last = self.question_index == len(self.pack.quiz.questions) - 1
            self.check_button.setText(self.tr("See the result") if last else self.tr("Next question"))
            return
        if self.question_index < len(self.pack.quiz.questions) - 1:
            self.question_index += 1
            self.show_question()
            return
        self._finish_learner()

    def _finish_learner(self) -> None:
        from volunteer_kit.packs.quiz import score

        result = score(self.pack.quiz, self.answers)
        self.attempt_done.emit(self.learner.learner_id, (dict(self.answers), result))
        self.answers = {}
        self.question_index = 0
        if self.learner_index < len(self.learners) - 1:
            self.learner_index += 1
            self.show_question()
            passed = self.tr("passed") if result.passed else self.tr("not passed yet")
            self.feedback.setText(
                self.tr("%1 got %2 of %3 right: %4. Now %5.")
                .replace("%1", self.learners[self.learner_index - 1].full_name)
                .replace("%2", str(result.correct))
                .replace("%3", str(result.total))
                .replace("%4", passed)
                .replace("%5", self.learner.full_name)
            )
        else:
            self.all_done.emit()
            self.close()


class SkillChecksDialog(QDialog):
    """Tick what each learner did by themselves."""

    def __init__(self, pack: Pack, learners: list[Present], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practical skill checks"))
        lang = language()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Tick what each learner did by themselves.")), 0, 0, 1, 2)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        row = 1
        for learner in learners:
            name = QLabel(learner.full_name)
            font = name.font()
            font.setBold(True)
            name.setFont(font)
            grid.addWidget(name, row, 0, 1, 2)
            row += 1
            for check in pack.manifest.skill_checks:
                optional = "" if check.required else self.tr(" (optional)")
                box = QCheckBox(check.text.get(lang) + optional)
                self.boxes[(learner.learner_id, check.id)] = box
                grid.addWidget(box, row, 1)
                row += 1
        body = QWidget()
        body.setLayout(grid)
        area = QScrollArea()
        area.setWidget(body)
        area.setWidgetResizable(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)

    def results(self) -> dict[tuple[str, str], bool]:
        return {key: box.isChecked() for key, box in self.boxes.items()}


class TeachingFlow(QObject):
    """Runs one session: start (attendance), lesson, quiz per learner, skill checks."""

    session_started = Signal(str)
    stage = Signal(str)  # "presenting", "quiz", "skill-checks", "done"

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
        self.quiz: QuizWindow | None = None
        self.checks: SkillChecksDialog | None = None

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
        self.quiz = QuizWindow(self.pack, self.present)
        self.quiz.attempt_done.connect(self._record_attempt)
        self.quiz.all_done.connect(self._skill_checks)
        self.quiz.showFullScreen()
        self.quiz.activateWindow()
        self.stage.emit("quiz")

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
        self.checks = SkillChecksDialog(self.pack, self.present, self.parent_widget)
        self.checks.accepted.connect(self._save_checks)
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
        ).success(lambda _n: self.stage.emit("done")).run()
