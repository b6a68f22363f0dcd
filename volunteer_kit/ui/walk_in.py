"""A walk-in: someone not registered yet joins a session.

Their name and birth year are checked, the consent text is read to them, and someone who looks
already registered is offered instead of a double. The start-session dialog and the Sessions
page's walk-in dialog share this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from volunteer_kit.core.records import LearnerRow
from volunteer_kit.errors import InvalidInput, KnownError, language
from volunteer_kit.ui.ops import WriteOp

# register(full name, birth year, allow a look-alike): the store write, not started yet.
Register = Callable[[str, "int | None", bool], WriteOp[LearnerRow]]


class WalkInQuestions(Protocol):
    def ask_consent(self, name: str, text: str) -> bool: ...

    def offer_existing(self, existing: list[LearnerRow]) -> LearnerRow | None: ...

    def confirm_different_person(self) -> bool: ...


def register_walk_in(
    questions: WalkInQuestions,
    name_text: str,
    year_text: str,
    register: Register,
    *,
    on_ready: Callable[[LearnerRow, bool], None],
    on_message: Callable[[str], None],
) -> None:
    """Check, ask consent, register; on_ready(learner, already registered) or on_message(why not)."""
    from volunteer_kit.core.consent import CONSENT_TEXT_EN, CONSENT_TEXT_VI
    from volunteer_kit.core.people import check_new_learner

    year_text = year_text.strip()
    try:
        birth_year = int(year_text) if year_text else None
        name = check_new_learner(name_text, birth_year)
    except ValueError:
        on_message(QCoreApplication.translate("WalkIn", "The birth year is four digits, e.g. 1958."))
        return
    except InvalidInput as exc:
        on_message(exc.message())
        return
    consent_text = CONSENT_TEXT_EN if language() == "en" else CONSENT_TEXT_VI
    if not questions.ask_consent(name, consent_text):
        on_message(QCoreApplication.translate("WalkIn", "Not added: consent was not given."))
        return
    _register_walk_in(questions, name, birth_year, register, False, on_ready, on_message)


def _register_walk_in(
    questions: WalkInQuestions,
    name: str,
    birth_year: int | None,
    register: Register,
    allow_duplicate: bool,
    on_ready: Callable[[LearnerRow, bool], None],
    on_message: Callable[[str], None],
) -> None:
    from volunteer_kit.store.learners import PossibleDuplicate

    def failed(problem: KnownError) -> None:
        if isinstance(problem, PossibleDuplicate):
            existing = questions.offer_existing(problem.existing)
            if existing is not None:  # the same person: the registered record is used
                on_ready(existing, True)
            elif questions.confirm_different_person():
                _register_walk_in(questions, name, birth_year, register, True, on_ready, on_message)
            return
        on_message(problem.message())

    register(name, birth_year, allow_duplicate).success(lambda row: on_ready(row, False)).failure(
        failed
    ).run()


def offer_existing(parent: QWidget, existing: list[LearnerRow]) -> LearnerRow | None:
    """Ask whether the newcomer is one of the registered learners who look the same."""
    from PySide6.QtWidgets import QInputDialog

    labels = [f"{row.full_name} ({row.birth_year or '?'}) · {row.hamlet or '—'}" for row in existing]
    choice, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("WalkIn", "Already registered?"),
        QCoreApplication.translate(
            "WalkIn", "Someone with this name and birth year is already registered. Is it this person?"
        ),
        [*labels, QCoreApplication.translate("WalkIn", "No, someone else")],
        0,
        False,
    )
    if not ok or choice not in labels:
        return None
    return existing[labels.index(choice)]


def confirm_different_person(parent: QWidget) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("WalkIn", "Someone else"),
        QCoreApplication.translate("WalkIn", "Register a new learner with the same name and birth year?"),
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_consent(parent: QWidget, name: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("WalkIn", "Consent"),
        QCoreApplication.translate("WalkIn", "Read this to %1 and ask whether they agree:\n\n%2")
        .replace("%1", name)
        .replace("%2", text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
