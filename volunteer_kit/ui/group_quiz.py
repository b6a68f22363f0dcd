"""The quiz for a group: one question on the screen, every present learner's answer in a row of a grid.

The volunteer reads the question and its answers aloud once, asks each learner, and ticks their
answer in their row (a mouse click, or the keys: arrows move, 1–8 or Space tick). "Xem đáp án" shows
the right answer, a green ✓ or a red ✗ on each row and the explanation once; after the last
question every learner's score, and each learner's attempt is recorded as in the one-by-one quiz
(ui/quiz.py), whose cards, colours and scoring this reuses.

At 200 % text on a 1366×680 screen: the question and the buttons stay in view, and the answers and
the learners' rows scroll together in one scroll area below the question.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import language
from volunteer_kit.ui import theme
from volunteer_kit.ui.quiz import (
    BANNER_COLOURS,
    CARD_COLOURS,
    AnswerCard,
    answer_keys,
    explanation,
    finished_attempt,
    learner_base,
    paint_banner,
    prompt_text,
)
from volunteer_kit.ui.widgets import scrolling

if TYPE_CHECKING:
    from volunteer_kit.packs.format import Question
    from volunteer_kit.packs.quiz import QuizScore
    from volunteer_kit.packs.reader import Pack
    from volunteer_kit.ui.teaching import Present

# Sizes in learner-text heights (ui/quiz.py's learner_base): the question as large as the one-by-one
# quiz's, the answers as large as its cards; the grid a little smaller so more rows show at 200 %.
PROMPT_FACTOR = 1.15
GRID_FACTOR = 0.85
SMALL_FACTOR = 0.75
BUTTON_FACTOR = 0.9
ROW_SHADE = "#eef1f5"  # every other row, so the eye follows a row from the name to its ticks
ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


class TickCell(AnswerCard):
    """One learner's tick for one answer number: the answer card's look (plain, chosen, and once
    revealed right, missed, wrong or other) without the answer's text, which is listed once above."""

    def __init__(
        self, number: int, choice_id: str, row: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(number, "", choice_id, parent)
        self.row_index = row
        self.column_index = number - 1
        self.text_label.hide()
        self.number_label.setText(str(number))
        for label in (self.number_label, self.mark_label):
            self.row.setAlignment(label, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{name}: {number}")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class GridBody(QWidget):
    """The answers and the learners' rows, in the one scroll area; every other row shaded."""

    def __init__(self, grid: QGridLayout, rows: int) -> None:
        super().__init__()
        self.grid = grid
        self.rows = rows

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = QColor(ROW_SHADE)
        half = max(0, self.grid.verticalSpacing()) // 2
        for row in range(1, self.rows, 2):
            cell = self.grid.cellRect(row, 0)
            if cell.isValid():
                painter.fillRect(0, cell.top() - half, self.width(), cell.height() + 2 * half, colour)


class LearnerRow:
    """A learner's row: their name (wrapping, never cut), a cell per answer number, and the verdict."""

    def __init__(self, learner: Present, index: int) -> None:
        self.learner = learner
        self.index = index
        self.name_label = QLabel(learner.full_name)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        self.name_label.setToolTip(learner.full_name)
        self.verdict = QLabel()
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setAutoFillBackground(False)
        self.cells: list[TickCell] = []

    def chosen(self) -> list[str]:
        return [cell.property("choice_id") for cell in self.cells if cell.isChecked()]

    def show_verdict(self, right: bool | None) -> None:
        """A filled green ✓ or red ✗ seen from a metre away; None clears it."""
        if right is None:
            self.verdict.setText("")
            self.verdict.setAutoFillBackground(False)
            self.verdict.setProperty("verdict", None)
            return
        background, colour = BANNER_COLOURS["right" if right else "wrong"]
        palette = self.verdict.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.verdict.setPalette(palette)
        self.verdict.setAutoFillBackground(True)
        self.verdict.setText("✓" if right else "✗")
        self.verdict.setProperty("verdict", "right" if right else "wrong")


class GroupQuizWindow(QWidget):
    """One question at a time for the whole group: a row per present learner, ticked by the volunteer."""

    attempt_done = Signal(str, object)  # learner id, (answers, QuizScore): as QuizWindow's
    all_done = Signal()
    one_by_one = Signal()  # the volunteer wants the quiz one learner after another instead

    def __init__(self, pack: Pack, learners: list[Present], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.pack = pack
        self.learners = learners
        self.question_index = 0
        self.answers: dict[str, dict[str, list[str]]] = {p.learner_id: {} for p in learners}
        self.results: dict[str, QuizScore] = {}
        self.checked = False
        self.finished = False
        self._done_sent = False
        self.current_row = 0  # the row the number keys tick: the focused one, or the last focused
        self.setWindowTitle(self.tr("Quiz: %1").replace("%1", pack.manifest.title.get(language())))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#111111"))
        self.setPalette(palette)

        self.prompt = QLabel()
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.choice_labels: list[QLabel] = []
        self.choices_box = QVBoxLayout()
        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setAutoFillBackground(True)
        self.feedback.setVisible(False)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.grid = QGridLayout()
        self.rows = [LearnerRow(learner, index) for index, learner in enumerate(learners)]
        for row in self.rows:
            self.grid.addWidget(row.name_label, row.index, 0)
        grid_row = QHBoxLayout()
        grid_row.addLayout(self.grid)
        grid_row.addStretch(1)  # the cells stay next to the names on a wide screen
        self.scores_grid = QGridLayout()
        self.score_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}

        self.body = GridBody(self.grid, len(self.rows))
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.addLayout(self.choices_box)
        self.content.addWidget(self.feedback)
        self.content.addWidget(self.hint)
        self.content.addLayout(grid_row)
        scores_row = QHBoxLayout()
        scores_row.addLayout(self.scores_grid)
        scores_row.addStretch(1)  # each score next to its name
        self.content.addLayout(scores_row)
        self.content.addStretch(1)
        self.area = scrolling(self.body)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from cell to cell
        self.area.viewport().setAutoFillBackground(False)
        self.area.viewport().installEventFilter(self)

        self.progress_label = QLabel()
        self.more_hint = QLabel(self.tr("▼ more below"))  # rows below the view: scroll, or the arrows
        hint_policy = self.more_hint.sizePolicy()
        hint_policy.setRetainSizeWhenHidden(True)
        self.more_hint.setSizePolicy(hint_policy)
        self.more_hint.hide()
        bar = self.area.verticalScrollBar()
        bar.valueChanged.connect(self._show_more_hint)
        bar.rangeChanged.connect(self._show_more_hint)
        self.one_by_one_button = QPushButton(self.tr("One learner at a time"))
        self.one_by_one_button.setToolTip(
            self.tr("Each learner answers every question in turn, on the big answer cards.")
        )
        self.one_by_one_button.clicked.connect(self._one_by_one)
        self.check_button = QPushButton()
        theme.primary(self.check_button)
        self.check_button.clicked.connect(self.check_or_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_label)
        buttons.addWidget(self.more_hint, 1)
        buttons.addWidget(self.one_by_one_button)
        buttons.addWidget(self.check_button)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(self.prompt)
        self.main_layout.addWidget(self.area, 1)
        self.main_layout.addLayout(buttons)

        answer_keys(self, self.pick, self.check_or_next, self.leave)
        self.apply_fonts()
        self.show_question()

    # Fonts ----------------------------------------------------------------------
    def apply_fonts(self) -> None:
        """The learner's text as large as the one-by-one quiz's; it follows the text-size setting."""
        base = learner_base()
        widgets: list[tuple[QWidget, float, bool]] = [
            (self, 1.0, False),
            (self.prompt, PROMPT_FACTOR, True),
            (self.feedback, 1.0, False),
            (self.hint, SMALL_FACTOR, False),
            (self.progress_label, SMALL_FACTOR, False),
            (self.more_hint, SMALL_FACTOR, True),
            (self.one_by_one_button, BUTTON_FACTOR, False),
            (self.check_button, BUTTON_FACTOR, True),
        ]
        widgets += [(label, 1.0, False) for label in self.choice_labels]
        for row in self.rows:
            widgets += [(row.name_label, GRID_FACTOR, True), (row.verdict, 1.1, True)]
            widgets += [(cell, GRID_FACTOR, False) for cell in row.cells]
        for labels in self.score_labels.values():
            widgets += [
                (labels[0], GRID_FACTOR, True),
                (labels[1], GRID_FACTOR, False),
                (labels[2], GRID_FACTOR, True),
            ]
        for widget, factor, bold in widgets:
            font = QFont(QApplication.font())
            font.setPointSizeF(base * factor)
            font.setBold(bold)
            widget.setFont(font)
        height = self.fontMetrics().height()
        self.main_layout.setContentsMargins(height, height // 2, height, height // 2)
        self.main_layout.setSpacing(height // 2)
        self.content.setSpacing(height // 2)
        self.choices_box.setSpacing(height // 4)
        grid_height = self.rows[0].name_label.fontMetrics().height() if self.rows else height
        self.grid.setHorizontalSpacing(grid_height // 3)
        self.grid.setVerticalSpacing(grid_height // 4)
        self.scores_grid.setHorizontalSpacing(grid_height)
        self.scores_grid.setVerticalSpacing(grid_height // 3)
        for row in self.rows:  # the verdict's badge as tall as the cells beside it
            side = row.cells[0].sizeHint().height() if row.cells else int(grid_height * 1.6)
            row.verdict.setFixedSize(side, side)
        self.feedback.setMargin(height // 2)
        for button in (self.check_button, self.one_by_one_button):
            button.setMinimumHeight(int(button.fontMetrics().height() * 1.8))
        self._size_names()

    def _size_names(self) -> None:
        """The names' column as wide as the longest name, or as the room beside the ticks (or the
        scores) leaves: a longer name wraps there, and no name or tick is pushed out of view."""
        if not self.rows:
            return
        metrics = self.rows[0].name_label.fontMetrics()
        slack = metrics.averageCharWidth()
        widest = max(metrics.horizontalAdvance(row.learner.full_name) for row in self.rows) + slack
        words = max(
            metrics.horizontalAdvance(word) for row in self.rows for word in row.learner.full_name.split()
        )
        room = (
            self.area.viewport().width()
            if self.area.isVisible()
            else self.width() - 2 * self.fontMetrics().height()
        )
        if self.finished:
            spacing = self.scores_grid.horizontalSpacing()
            beside = max(
                count.sizeHint().width() + verdict.sizeHint().width() + 2 * spacing
                for _name, count, verdict in self.score_labels.values()
            )
        else:
            row = self.rows[0]
            spacing = self.grid.horizontalSpacing()
            beside = sum(cell.sizeHint().width() + spacing for cell in row.cells)
            beside += row.verdict.width() + spacing
        width = max(words + slack, min(widest, room - beside))
        for row in self.rows:
            row.name_label.setFixedWidth(width)
        for name, _count, _verdict in self.score_labels.values():
            name.setFixedWidth(width)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # the text size changed in Settings
            self.apply_fonts()
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_names()

    # Questions ------------------------------------------------------------------
    @property
    def question(self) -> Question:
        return self.pack.quiz.questions[self.question_index]

    def show_question(self) -> None:
        lang = language()
        question = self.question
        self.checked = False
        total = len(self.pack.quiz.questions)
        self.progress_label.setText(
            self.tr("Question %1 of %2").replace("%1", str(self.question_index + 1)).replace("%2", str(total))
        )
        self.prompt.setText(prompt_text(question, lang, self.tr(" (choose all that apply)")))
        for label in self.choice_labels:
            self.choices_box.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.choice_labels = []
        for number, choice in enumerate(question.choices, start=1):
            label = QLabel(f"{number}. {choice.text.get(lang)}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setProperty("choice_id", choice.id)
            self.choices_box.addWidget(label)
            label.show()
            self.choice_labels.append(label)
        numbers = f"1–{len(question.choices)}"
        self.hint.setText(
            (
                self.tr("Tick each learner's answers: the arrow keys move, %1 or Space ticks.")
                if question.kind == "multiple"
                else self.tr(
                    "Tick each learner's answer: the arrow keys move, %1 ticks and goes to the next learner."
                )
            ).replace("%1", numbers)
        )
        previous: QWidget | None = None
        for row in self.rows:
            for cell in row.cells:
                self.grid.removeWidget(cell)
                cell.hide()
                cell.deleteLater()
            row.cells = []
            row.show_verdict(None)
            self.grid.removeWidget(row.verdict)
            for number, choice in enumerate(question.choices, start=1):
                cell = TickCell(number, choice.id, row.index, row.learner.full_name)
                cell.clicked.connect(lambda _checked, r=row.index, c=number - 1: self._clicked(r, c))
                cell.installEventFilter(self)
                self.grid.addWidget(cell, row.index, number)
                cell.show()
                row.cells.append(cell)
                if previous is not None:
                    QWidget.setTabOrder(previous, cell)
                previous = cell
            self.grid.addWidget(row.verdict, row.index, len(question.choices) + 1)
        if previous is not None:
            QWidget.setTabOrder(previous, self.one_by_one_button)
        QWidget.setTabOrder(self.one_by_one_button, self.check_button)
        self.one_by_one_button.setVisible(self.question_index == 0)
        self.hint.show()
        self.check_button.setText(self.tr("Check answer"))
        self.apply_fonts()
        paint_banner(self.feedback, "", "info")
        self.current_row = 0
        if self.rows and self.rows[0].cells:
            self.rows[0].cells[0].setFocus()
        self._lay_out()
        self.area.verticalScrollBar().setValue(0)

    # Ticking --------------------------------------------------------------------
    def cell(self, row: int, column: int) -> TickCell:
        return self.rows[row].cells[column]

    def pick(self, index: int) -> None:
        """The answer with this number (from 0) for the learner whose row has the focus: chosen, and
        for a question with one right answer the next learner's row next; with several right
        answers, chosen or no longer."""
        if self.checked or self.finished or not self.rows:
            return
        row = self.rows[self.current_row]
        if not 0 <= index < len(row.cells):
            return
        cell = row.cells[index]
        if self.question.kind == "multiple":
            cell.setChecked(not cell.isChecked())
            self._focus(self.current_row, index)
            return
        cell.setChecked(True)
        self._clicked(self.current_row, index)
        if self.current_row < len(self.rows) - 1:
            self._focus(self.current_row + 1, index)
        else:
            self.check_button.setFocus()

    def _clicked(self, row: int, column: int) -> None:
        """One answer only: the cell clicked is this learner's answer (or none, clicked again)."""
        if self.checked or self.question.kind == "multiple":
            return
        cells = self.rows[row].cells
        if cells[column].isChecked():
            for other, cell in enumerate(cells):
                if other != column:
                    cell.setChecked(False)

    def _focus(self, row: int, column: int) -> None:
        cells = self.rows[row].cells
        cell = cells[min(column, len(cells) - 1)]
        cell.setFocus(Qt.FocusReason.OtherFocusReason)
        self.area.ensureWidgetVisible(cell)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize:
            self._size_names()  # e.g. the scroll bar came or went
        if isinstance(watched, TickCell):
            if event.type() == QEvent.Type.FocusIn:
                self.current_row = watched.row_index
                self.area.ensureWidgetVisible(watched)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() in ARROWS and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier,
                    Qt.KeyboardModifier.KeypadModifier,
                ):
                    self._move(watched, event.key())
                    return True
        return super().eventFilter(watched, event)

    def _move(self, cell: TickCell, key: int) -> None:
        row, column = cell.row_index, cell.column_index
        if key == Qt.Key.Key_Up:
            row = max(0, row - 1)
        elif key == Qt.Key.Key_Down:
            row = min(len(self.rows) - 1, row + 1)
        elif key == Qt.Key.Key_Left:
            column = max(0, column - 1)
        else:
            column = min(len(self.rows[row].cells) - 1, column + 1)
        self._focus(row, column)

    # Checking -------------------------------------------------------------------
    def unanswered(self) -> list[Present]:
        return [row.learner for row in self.rows if not row.chosen()]

    def confirm_unanswered(self, learners: list[Present]) -> bool:
        """Ask before checking with rows left empty: an empty row counts as a wrong answer."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Some learners have not chosen"))
        box.setText(self.tr("%n learner(s) have not chosen — check anyway?", "", len(learners)))
        box.setInformativeText(
            self.tr("%1: this question counts as not right for them.").replace(
                "%1", ", ".join(learner.full_name for learner in learners)
            )
        )
        go_on = box.addButton(self.tr("Check anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back and tick"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)  # a second Enter by mistake does not skip anyone
        box.exec()
        return box.clickedButton() is go_on

    def check_or_next(self) -> None:
        if self.finished:
            self._send_done()
            self.close()
            return
        if not self.checked:
            self._check()
            return
        if self.question_index < len(self.pack.quiz.questions) - 1:
            self.question_index += 1
            self.show_question()
            return
        self._finish()

    def _check(self) -> None:
        from volunteer_kit.packs.quiz import is_right

        empty = self.unanswered()
        if empty and not self.confirm_unanswered(empty):
            first = next(row for row in self.rows if row.learner is empty[0])
            self._focus(first.index, 0)
            return
        question = self.question
        self.checked = True
        everyone = True
        for row in self.rows:
            chosen = row.chosen()
            self.answers[row.learner.learner_id][question.id] = chosen
            right = is_right(question, chosen)
            everyone = everyone and right
            row.show_verdict(right)
            for cell in row.cells:
                cell.reveal(cell.property("choice_id") in question.correct)
        for label in self.choice_labels:
            if label.property("choice_id") in question.correct:
                label.setText(f"✓ {label.text()}")
                palette = label.palette()
                palette.setColor(QPalette.ColorRole.WindowText, QColor(CARD_COLOURS["right"][0]))
                label.setPalette(palette)
                font = QFont(label.font())
                font.setBold(True)
                label.setFont(font)
        numbers = ", ".join(
            str(number)
            for number, choice in enumerate(question.choices, start=1)
            if choice.id in question.correct
        )
        answer = (
            self.tr("Right answers: %1.") if len(question.correct) > 1 else self.tr("Right answer: %1.")
        ).replace("%1", numbers)
        paint_banner(
            self.feedback, f"{answer}\n{explanation(question, language())}", "right" if everyone else "info"
        )
        self.one_by_one_button.setVisible(False)
        self.hint.hide()  # nothing to tick now: the explanation and the rows' verdicts take its room
        last = self.question_index == len(self.pack.quiz.questions) - 1
        self.check_button.setText(self.tr("See the result") if last else self.tr("Next question"))
        self.check_button.setFocus()
        self._lay_out()
        # The explanation at the top of the view, the rows' verdicts below it.
        self.area.verticalScrollBar().setValue(self.feedback.y())

    def _lay_out(self) -> None:
        """Size the question, the answers and the rows now, so no frame shows them squeezed."""
        self.content.activate()
        QApplication.sendEvent(self.area, QEvent(QEvent.Type.LayoutRequest))

    # The end --------------------------------------------------------------------
    def _finish(self) -> None:
        """Every learner's score, and each learner's attempt recorded now (as the one-by-one quiz does)."""
        self.finished = True
        for row in self.rows:
            attempt = finished_attempt(self.pack, self.answers[row.learner.learner_id])
            self.results[row.learner.learner_id] = attempt[1]
            self.attempt_done.emit(row.learner.learner_id, attempt)
        for label in self.choice_labels:
            label.hide()
        for row in self.rows:
            for widget in (row.name_label, row.verdict, *row.cells):
                widget.hide()
        self.body.grid, self.body.rows = self.scores_grid, len(self.rows)  # the scores' rows shaded
        self.hint.hide()
        paint_banner(self.feedback, "", "info")
        self.prompt.setText(self.tr("Results"))
        for index, row in enumerate(self.rows):
            result = self.results[row.learner.learner_id]
            name = QLabel(row.learner.full_name)
            name.setWordWrap(True)
            count = QLabel(
                self.tr("%1 of %2 right").replace("%1", str(result.correct)).replace("%2", str(result.total))
            )
            verdict = QLabel(
                ("✓ " + self.tr("passed")) if result.passed else ("✗ " + self.tr("not passed yet"))
            )
            verdict.setAutoFillBackground(True)
            background, colour = BANNER_COLOURS["right" if result.passed else "wrong"]
            palette = verdict.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(background))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            verdict.setPalette(palette)
            verdict.setProperty("passed", result.passed)
            self.scores_grid.addWidget(name, index, 0)
            self.scores_grid.addWidget(count, index, 1)
            self.scores_grid.addWidget(verdict, index, 2)
            self.score_labels[row.learner.learner_id] = (name, count, verdict)
        self.apply_fonts()
        for _name, _count, verdict in self.score_labels.values():
            verdict.setMargin(verdict.fontMetrics().height() // 4)
        self.progress_label.setText(
            self.tr("Pass mark: %1 %").replace("%1", f"{self.pack.quiz.pass_percent:g}")
        )
        self.check_button.setText(self.tr("Continue"))
        self.check_button.setFocus()
        self._lay_out()
        self.area.verticalScrollBar().setValue(0)

    def _show_more_hint(self) -> None:
        bar = self.area.verticalScrollBar()
        self.more_hint.setVisible(bar.value() < bar.maximum())

    def leave(self) -> None:
        """Esc: close the quiz; once answers are ticked and not yet recorded, only if the volunteer
        says so (the group's answers are recorded after the last question)."""
        started = self.question_index > 0 or self.checked or any(row.chosen() for row in self.rows)
        if self.finished or not started or self.ask_to_close():
            self.close()

    def ask_to_close(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the quiz?"))
        box.setText(self.tr("Close the quiz? The group's answers so far are not recorded."))
        close = box.addButton(self.tr("Close the quiz"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Go on with the quiz"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.exec()
        return box.clickedButton() is close

    def _send_done(self) -> None:
        if not self._done_sent:
            self._done_sent = True
            self.all_done.emit()

    def _one_by_one(self) -> None:
        if self.checked or self.question_index > 0:
            return
        self.one_by_one.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished:  # the scores were shown and recorded: closing goes on to the next step
            self._send_done()
        super().closeEvent(event)
