"""The quiz on the volunteer's laptop: one question per screen, big answer cards, each learner in turn.

Made for old eyes a metre away, at any text size up to 200 % on a 1366×680 screen: every text
wraps, the question and its answers scroll when they are too tall, and who is answering, the
question number and the button that goes on always stay in view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPaintEvent, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.errors import language
from volunteer_kit.ui import theme
from volunteer_kit.ui.widgets import scrolling

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from volunteer_kit.packs.format import Question
    from volunteer_kit.packs.quiz import QuizScore
    from volunteer_kit.packs.reader import Pack
    from volunteer_kit.ui.teaching import Present

# The learner's text is this many times the app font (the text-size setting), never below MIN_POINTS.
LEARNER_FACTOR = 1.4
MIN_POINTS = 18.0

# A card's look in each state: background, border, text. "selected" must be seen from a metre away.
CARD_COLOURS = {
    "plain": ("#ffffff", "#8a8a8a", "#111111"),
    "selected": (theme.ACCENT, "#05293d", "#ffffff"),
    "right": ("#1b5e20", "#0b2e0e", "#ffffff"),  # picked and right
    "missed": ("#e3f2e4", "#1b5e20", "#0b2e0e"),  # right, not picked
    "wrong": ("#b71c1c", "#5c0c0c", "#ffffff"),  # picked and wrong
    "other": ("#f1f1f1", "#c4c4c4", "#333333"),  # neither right nor picked, once revealed
}
CARD_MARKS = {"selected": "✓", "right": "✓", "missed": "✓", "wrong": "✗"}
# The feedback banner: background, text.
BANNER_COLOURS = {
    "right": ("#1b5e20", "#ffffff"),
    "wrong": ("#b71c1c", "#ffffff"),
    "info": ("#fff1c2", "#3d2b00"),
}
FOCUS_RING = 3  # pixels, drawn outside the card's border with a gap as wide
FOCUS_COLOUR = "#111111"


def learner_base() -> float:
    """The point size of the learner-facing text for the current text size."""
    return max(QApplication.font().pointSizeF() * LEARNER_FACTOR, MIN_POINTS)


def explanation(question: Question, lang: str) -> str:
    """The pack's explanation without an opening that only restates the answer ("Đúng. …" of a
    true/false question): the banner already says right or not, and the card shows the answer."""
    text = question.explanation.get(lang).strip()
    first, stop, rest = text.partition(".")
    answers = {c.text.get(lang).strip().casefold() for c in question.choices if c.id in question.correct}
    if stop and rest.strip() and first.strip().casefold() in answers:
        return rest.strip()
    return text


def prompt_text(question: Question, lang: str, hint: str) -> str:
    """The question as asked, with `hint` ("choose all that apply") when several answers are right,
    unless the pack's prompt says so already."""
    prompt = question.prompt.get(lang)
    if question.kind != "multiple" or hint.strip().casefold() in prompt.casefold():
        return prompt
    return prompt + hint


def finished_attempt(
    pack: Pack, answers: Mapping[str, Sequence[str]]
) -> tuple[dict[str, list[str]], QuizScore]:
    """What `attempt_done` carries for one learner: their answers ({question id: choice ids}) and the
    core's score of them. Both quiz windows finish a learner with this, so they score alike."""
    from volunteer_kit.packs.quiz import score

    return {qid: list(chosen) for qid, chosen in answers.items()}, score(pack.quiz, answers)


def paint_banner(banner: QLabel, text: str, tone: str) -> None:
    """The feedback banner: green when right, red when not, yellow to tell what comes next."""
    background, colour = BANNER_COLOURS[tone]
    palette = banner.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    banner.setPalette(palette)
    banner.setProperty("tone", tone)
    banner.setText(text)
    banner.setVisible(bool(text))


def answer_keys(
    window: QWidget, pick: Callable[[int], object], go_on: Callable[[], object], leave: Callable[[], object]
) -> None:
    """The quiz's keys: 1–8 (and the number pad) pick that answer (from 0), Enter checks and goes
    on, Esc leaves."""
    for number in range(1, 9):
        for keys in (str(number), f"Num+{number}"):
            QShortcut(QKeySequence(keys), window, lambda n=number: pick(n - 1))
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        QShortcut(QKeySequence(key), window, go_on)
    QShortcut(QKeySequence(Qt.Key.Key_Escape), window, leave)


class AnswerCard(QAbstractButton):
    """One answer as a big card: its number, its text wrapped to the card's width, a tick when chosen.

    Checkable and focusable like any button (Space toggles it, Tab moves on); `state` says how it
    looks: plain or selected, and once the answer is revealed right, missed, wrong or other.
    """

    def __init__(self, number: int, text: str, choice_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("choice_id", choice_id)
        self.setAccessibleName(f"{number}. {text}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.locked = False  # once the answer is revealed, clicks change nothing
        self._revealed: str | None = None
        self.number_label = QLabel(f"{number}.")
        self.text_label = QLabel(text)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.mark_label = QLabel()
        self.mark_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.number_label, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addWidget(self.text_label, 1)
        self.row.addWidget(self.mark_label, 0, Qt.AlignmentFlag.AlignTop)
        for label in (self.number_label, self.text_label, self.mark_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setForegroundRole(QPalette.ColorRole.WindowText)
        self.toggled.connect(self._refresh)
        self._fit_font()
        self._refresh()

    @property
    def state(self) -> str:
        return str(self.property("state"))

    def reveal(self, right: bool) -> None:
        """Show whether this answer is right: green ✓ (filled if picked), red ✗ for a wrong pick."""
        self.locked = True
        picked = self.isChecked()
        self._revealed = ("right" if picked else "missed") if right else ("wrong" if picked else "other")
        self._refresh()

    def nextCheckState(self) -> None:
        if not self.locked:
            super().nextCheckState()

    def _refresh(self) -> None:
        state = self._revealed or ("selected" if self.isChecked() else "plain")
        self.setProperty("state", state)
        _background, _border, text = CARD_COLOURS[state]
        palette = self.palette()
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(role, QColor(text))
        self.setPalette(palette)
        self.mark_label.setText(CARD_MARKS.get(state, ""))
        font = QFont(self.font())
        font.setBold(state != "plain" and state != "other")
        self.text_label.setFont(font)
        self.update()

    def _fit_font(self) -> None:
        """Margins and the number's and tick's room follow the card's font."""
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        self.number_label.setFont(bold)
        self.mark_label.setFont(bold)
        self.mark_label.setFixedWidth(metrics.height())
        padding = metrics.height() // 4
        edge = 2 * FOCUS_RING + self._border_width() + padding
        self.row.setContentsMargins(edge + padding, edge, edge, edge)
        self.row.setSpacing(padding * 2)

    def _border_width(self) -> int:
        return max(4, self.fontMetrics().height() // 8)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_font()
            self._refresh()

    def paintEvent(self, event: QPaintEvent) -> None:
        background, border, _text = CARD_COLOURS[self.state]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self.fontMetrics().height() / 3
        if self.hasFocus():
            half = FOCUS_RING / 2
            ring = QRectF(self.rect()).adjusted(half, half, -half, -half)
            painter.setPen(QPen(QColor(FOCUS_COLOUR), FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ring, radius + 2 * FOCUS_RING, radius + 2 * FOCUS_RING)
        width = self._border_width() if self.state != "plain" else max(2, self._border_width() // 2)
        inset = 2 * FOCUS_RING + width / 2
        painter.setPen(QPen(QColor(border), width))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), radius, radius)


class QuizWindow(QWidget):
    """One question per screen with big answer cards; the volunteer records each learner in turn."""

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
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#111111"))
        self.setPalette(palette)
        self.learner_label = QLabel()
        self.learner_label.setWordWrap(True)
        self.progress_label = QLabel()
        self.prompt = QLabel()
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.choices_box = QVBoxLayout()
        self.choice_buttons: list[AnswerCard] = []
        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.setAutoFillBackground(True)
        self.feedback.setVisible(False)
        self.check_button = QPushButton()
        theme.primary(self.check_button)
        self.check_button.clicked.connect(self.check_or_next)

        body = QWidget()
        body.setAutoFillBackground(False)
        self.content = QVBoxLayout(body)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.addWidget(self.prompt)
        self.content.addLayout(self.choices_box)
        self.content.addWidget(self.feedback)
        self.content.addStretch(1)
        self.area = scrolling(body)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from card to card
        self.area.viewport().setAutoFillBackground(False)
        header = QHBoxLayout()
        header.addWidget(self.learner_label, 1)
        header.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addLayout(header)
        self.main_layout.addWidget(self.area, 1)
        self.main_layout.addLayout(buttons)

        answer_keys(self, self.pick, self.check_or_next, self.close)
        self.apply_fonts()
        self.show_question()

    # Fonts ----------------------------------------------------------------------
    def apply_fonts(self) -> None:
        """The learner's text a size larger than the app font, so it follows the text-size setting."""
        base = learner_base()
        for widget, factor, bold in (
            (self, 1.0, False),  # the answer cards take it
            (self.prompt, 1.15, True),
            (self.feedback, 1.0, False),
            (self.learner_label, 0.75, True),
            (self.progress_label, 0.75, False),
            (self.check_button, 0.9, True),
        ):
            font = QFont(QApplication.font())
            font.setPointSizeF(base * factor)
            font.setBold(bold)
            widget.setFont(font)
        height = self.fontMetrics().height()
        self.main_layout.setContentsMargins(height, height // 2, height, height // 2)
        self.main_layout.setSpacing(height // 2)
        self.choices_box.setSpacing(height // 3)
        self.feedback.setMargin(height // 2)
        self.check_button.setMinimumHeight(int(self.check_button.fontMetrics().height() * 1.8))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # the text size changed in Settings
            self.apply_fonts()
        return super().event(event)

    # Questions ------------------------------------------------------------------
    @property
    def question(self) -> Question:
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
        self.prompt.setText(prompt_text(question, lang, self.tr(" (choose all that apply)")))
        for card in self.choice_buttons:
            self.choices_box.removeWidget(card)
            card.hide()  # now, not when the event loop deletes it
            card.deleteLater()
        self.choice_buttons = []
        previous: QWidget | None = None
        for number, choice in enumerate(question.choices, start=1):
            card = AnswerCard(number, choice.text.get(lang), choice.id)
            card.clicked.connect(lambda _checked, n=number - 1: self._clicked(n))
            self.choices_box.addWidget(card)
            card.show()  # now, so the layout counts it at once (Qt would show it on the next turn)
            self.choice_buttons.append(card)
            if previous is not None:
                QWidget.setTabOrder(previous, card)
            previous = card
        if previous is not None:
            QWidget.setTabOrder(previous, self.check_button)
        self.check_button.setText(self.tr("Check answer"))
        self.check_button.setFocus()
        self._say("", "info")
        self.area.verticalScrollBar().setValue(0)

    def pick(self, index: int) -> None:
        """The answer with this number (from 0) by key: chosen, or for a question with several
        right answers, chosen or no longer."""
        if 0 <= index < len(self.choice_buttons) and not self.checked:
            card = self.choice_buttons[index]
            card.setChecked(not card.isChecked() if self.question.kind == "multiple" else True)
            self._clicked(index)
            card.setFocus()
            self.area.ensureWidgetVisible(card)

    def _clicked(self, index: int) -> None:
        if self.checked:
            return
        if self.question.kind != "multiple":
            # One answer only: the one clicked stays chosen, the others are not.
            for other, card in enumerate(self.choice_buttons):
                card.setChecked(other == index)

    def chosen(self) -> list[str]:
        return [card.property("choice_id") for card in self.choice_buttons if card.isChecked()]

    def check_or_next(self) -> None:
        from volunteer_kit.packs.quiz import is_right

        if not self.checked:
            chosen = self.chosen()
            if not chosen:
                self._say(self.tr("Choose an answer first."), "info")
                return
            self.answers[self.question.id] = chosen
            self.checked = True
            right = is_right(self.question, chosen)
            for card in self.choice_buttons:
                card.reveal(card.property("choice_id") in self.question.correct)
            verdict = self.tr("Right!") if right else self.tr("Not quite.")
            self._say(f"{verdict}\n{explanation(self.question, language())}", "right" if right else "wrong")
            last = self.question_index == len(self.pack.quiz.questions) - 1
            self.check_button.setText(self.tr("See the result") if last else self.tr("Next question"))
            self.check_button.setFocus()
            return
        if self.question_index < len(self.pack.quiz.questions) - 1:
            self.question_index += 1
            self.show_question()
            return
        self._finish_learner()

    def _say(self, text: str, tone: str) -> None:
        """The feedback banner: green when right, red when not, yellow to tell what comes next."""
        paint_banner(self.feedback, text, tone)
        self._lay_out()
        if text:
            self.area.ensureWidgetVisible(self.feedback)

    def _lay_out(self) -> None:
        """Size the question and its answers now, so no frame shows them squeezed to the window."""
        self.content.activate()
        QApplication.sendEvent(self.area, QEvent(QEvent.Type.LayoutRequest))

    def _finish_learner(self) -> None:
        attempt = finished_attempt(self.pack, self.answers)
        result = attempt[1]
        self.attempt_done.emit(self.learner.learner_id, attempt)
        self.answers = {}
        self.question_index = 0
        if self.learner_index < len(self.learners) - 1:
            self.learner_index += 1
            self.show_question()
            passed = self.tr("passed") if result.passed else self.tr("not passed yet")
            self._say(
                self.tr("%1 got %2 of %3 right: %4. Now %5.")
                .replace("%1", self.learners[self.learner_index - 1].full_name)
                .replace("%2", str(result.correct))
                .replace("%3", str(result.total))
                .replace("%4", passed)
                .replace("%5", self.learner.full_name),
                "info",
            )
            self.area.verticalScrollBar().setValue(0)  # the next learner's question first
        else:
            self.all_done.emit()
            self.close()
