"""Register a household and its people, each with their consent, in a few keystrokes.

Type a person's name, birth year and the rest, press Enter: they join the list
below and the cursor is back in the name field for the next one. The consent
text is on screen to read aloud; each person agrees themselves or, for a child
or someone who cannot, a representative agrees for them. Save writes the
household, the people and their consents in one transaction.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit.core.people import NewLearner
from volunteer_kit.core.records import LearnerRow
from volunteer_kit.core.text import digits, fold
from volunteer_kit.core.vocab import GENDERS, GROUPS
from volunteer_kit.errors import KnownError, language
from volunteer_kit.store import households
from volunteer_kit.store.learners import PossibleDuplicate
from volunteer_kit.ui import theme
from volunteer_kit.ui.labels import groups_text, label
from volunteer_kit.ui.ops import WriteOp
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

CHILD_AGE = 16  # below this a representative (a parent) gives consent


def _looks_like(person: NewLearner, row: LearnerRow) -> bool:
    same_name = fold(person.full_name) == fold(row.full_name) and person.birth_year == row.birth_year
    phone = digits(person.phone)
    return same_name or bool(phone and phone == (row.phone or ""))


class HouseholdDialog(QDialog):
    """New household (household_id None) or new people for an existing one."""

    saved = Signal(str)  # the household id

    def __init__(
        self,
        store: StoreClient,
        *,
        hamlets: list[str],
        household_id: str | None = None,
        household_title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.household_id = household_id
        self.people: list[NewLearner] = []
        self.attach: dict[str, LearnerRow] = {}  # already registered people who join as they are
        self._offered: list[LearnerRow] = []  # look-alikes the last save found, to offer instead
        self.setWindowTitle(
            self.tr("Register a household") if household_id is None else self.tr("Add people")
        )
        self.heading = ScaledLabel(1.4, bold=True)
        self.heading.setText(
            self.tr("A new household")
            if household_id is None
            else self.tr("New people in the household of %1").replace("%1", household_title)
        )
        self.heading.setWordWrap(True)

        # The household.
        self.hamlet_box = QComboBox()
        self.hamlet_box.setEditable(True)
        self.hamlet_box.addItems(hamlets)
        self.hamlet_box.setCurrentIndex(-1)
        editor = self.hamlet_box.lineEdit()
        assert editor is not None  # an editable combo box has one
        editor.setPlaceholderText(self.tr("e.g. Thôn Đông"))
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("House number, lane, or how to find it"))
        self.household_box = QGroupBox(self.tr("Household"))
        household_form = QFormLayout(self.household_box)
        household_form.addRow(self.tr("&Hamlet or residential group:"), self.hamlet_box)
        household_form.addRow(self.tr("A&ddress:"), self.address_edit)
        self.household_box.setVisible(household_id is None)

        # One person.
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Nguyễn Thị Hoa"))
        self.year_edit = QLineEdit()
        self.year_edit.setMaxLength(4)
        self.year_edit.setPlaceholderText(self.tr("e.g. 1958"))
        self.gender_box = QComboBox()
        self.gender_box.addItem("—", None)
        for code in GENDERS:
            self.gender_box.addItem(label(GENDERS, code), code)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("optional, e.g. 0912 345 678"))
        self.group_checks: dict[str, QCheckBox] = {}
        groups = QGridLayout()
        for n, code in enumerate(GROUPS):
            check = QCheckBox(label(GROUPS, code))
            self.group_checks[code] = check
            groups.addWidget(check, n // 2, n % 2)
        self.self_radio = QRadioButton(self.tr("The person agrees &themselves"))
        self.representative_radio = QRadioButton(
            self.tr("A &representative agrees for them (a child, or someone who cannot)")
        )
        self.self_radio.setChecked(True)
        self.consent_group = QButtonGroup(self)
        self.consent_group.addButton(self.self_radio)
        self.consent_group.addButton(self.representative_radio)
        self.representative_edit = QLineEdit()
        self.representative_edit.setPlaceholderText(self.tr("Name of the representative"))
        self.representative_edit.setEnabled(False)
        self.representative_radio.toggled.connect(self.representative_edit.setEnabled)
        self.year_edit.editingFinished.connect(self._suggest_representative)
        self.add_button = QPushButton(self.tr("&Add to the list"))
        self.add_button.setToolTip(self.tr("Enter in the name field does the same"))
        self.add_button.clicked.connect(self.add_person)
        # Enter anywhere in the dialog adds the person typed (the default button), never saves:
        # saving is Ctrl+S or the Save button.
        self.add_button.setDefault(True)

        person_box = QGroupBox(self.tr("A person"))
        person_form = QFormLayout(person_box)
        person_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        person_form.addRow(self.tr("Full &name:"), self.name_edit)
        person_form.addRow(self.tr("&Birth year:"), self.year_edit)
        person_form.addRow(self.tr("&Gender:"), self.gender_box)
        person_form.addRow(self.tr("&Phone:"), self.phone_edit)
        person_form.addRow(self.tr("Groups:"), groups)
        consent_rows = QVBoxLayout()
        consent_rows.addWidget(self.self_radio)
        consent_rows.addWidget(self.representative_radio)
        consent_rows.addWidget(self.representative_edit)
        person_form.addRow(self.tr("Consent:"), consent_rows)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        person_form.addRow(add_row)

        # The consent text, to read aloud.
        from volunteer_kit.core.consent import CONSENT_TEXT_EN, CONSENT_TEXT_VERSION, CONSENT_TEXT_VI

        # A label, not a text browser: the dialog's body scrolls already, one scroll is enough.
        self.consent_text = QLabel(CONSENT_TEXT_EN if language() == "en" else CONSENT_TEXT_VI)
        self.consent_text.setTextFormat(Qt.TextFormat.PlainText)
        self.consent_text.setWordWrap(True)
        self.consent_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent_text.setAccessibleName(self.tr("Consent text"))
        consent_box = QGroupBox(
            self.tr("Read this aloud before recording (version %1)").replace("%1", CONSENT_TEXT_VERSION)
        )
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_text)

        # Who is on the list.
        self.list_title = QLabel()
        self.people_list = QListWidget()
        self.people_list.setWordWrap(True)
        self.people_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people_list.setMinimumHeight(self.fontMetrics().height() * 5)
        self.list_title.setBuddy(self.people_list)
        self.remove_button = QPushButton(self.tr("Remo&ve from the list"))
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.people_list, self.remove_selected)

        self.message = QLabel()
        self.message.setWordWrap(True)
        theme.error_text(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        theme.primary(self.save_button)
        self.save_button.setDefault(False)  # Enter adds the person typed; Ctrl+S saves
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Save the household and everyone on the list (Ctrl+S)"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        body = QWidget()
        # Two columns side by side; one above the other when large text leaves no room for two.
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        left = QVBoxLayout()
        left.addWidget(self.household_box)
        left.addWidget(person_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(consent_box, 1)
        right.addWidget(self.list_title)
        right.addWidget(self.people_list, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        right.addLayout(remove_row)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._show_list()
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 130, metrics.height() * 36
        screen = (parent.screen() if parent else self.screen()).availableGeometry()
        self.resize(min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.95)))
        (self.hamlet_box if household_id is None else self.name_edit).setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = self.width() < self.fontMetrics().averageCharWidth() * 125
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)

    # The list -----------------------------------------------------------------------------------
    def _suggest_representative(self) -> None:
        text = self.year_edit.text().strip()
        if text.isdigit() and date.today().year - int(text) < CHILD_AGE:
            self.representative_radio.setChecked(True)

    def add_person(self) -> bool:
        """Check the person in the form and put them on the list; False (with a message) if not."""
        from volunteer_kit.core.people import check_person

        if not self.name_edit.text().strip() and not self.name_edit.hasFocus():
            self.name_edit.setFocus()  # Enter in the household fields moves on to the person
            return False
        year_text = self.year_edit.text().strip()
        if year_text and not year_text.isdigit():
            return self._say(self.tr("The birth year is four digits, e.g. 1958."))
        person = NewLearner(
            self.name_edit.text(),
            int(year_text) if year_text else None,
            gender=self.gender_box.currentData(),
            phone=self.phone_edit.text() or None,
            groups=tuple(code for code, check in self.group_checks.items() if check.isChecked()),
            given_by="representative" if self.representative_radio.isChecked() else "self",
            representative_name=self.representative_edit.text(),
        )
        try:
            person = check_person(person)
        except KnownError as exc:
            return self._say(exc.message())
        self.people.append(person)
        self._clear_person()
        self._show_list()
        self._say("")
        return True

    def _clear_person(self) -> None:
        for edit in (self.name_edit, self.year_edit, self.phone_edit):
            edit.clear()
        self.gender_box.setCurrentIndex(0)
        for check in self.group_checks.values():
            check.setChecked(False)
        self.self_radio.setChecked(True)
        self.name_edit.setFocus()

    def remove_selected(self) -> None:
        row = self.people_list.currentRow()
        if row < 0:
            return
        item = self.people_list.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        if key in self.attach:
            del self.attach[key]
        else:
            del self.people[int(key)]
        self._show_list()

    def _show_list(self) -> None:
        self.people_list.clear()
        for n, person in enumerate(self.people):
            details = [str(person.birth_year) if person.birth_year else "", label(GENDERS, person.gender)]
            details.append(groups_text(person.groups))
            consent = (
                self.tr("consent: %1 for them").replace("%1", person.representative_name)
                if person.given_by == "representative"
                else self.tr("consent: themselves")
            )
            text = " · ".join(p for p in (person.full_name, *details, consent) if p)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(n))
            self.people_list.addItem(item)
        for learner_id, row in self.attach.items():
            item = QListWidgetItem(
                self.tr("%1 · already registered, joins as they are").replace("%1", row.full_name)
            )
            item.setData(Qt.ItemDataRole.UserRole, learner_id)
            self.people_list.addItem(item)
        count = len(self.people) + len(self.attach)
        self.list_title.setText(self.tr("On the &list (%n)", "", count))
        self.remove_button.setEnabled(count > 0)

    def _say(self, text: str) -> bool:
        self.message.setText(text)
        return False

    # Saving -------------------------------------------------------------------------------------
    def save(self, allow_duplicate: bool = False) -> None:
        if self.name_edit.text().strip() and not self.add_person():
            return  # a person typed but not added yet: add them first, or say what is wrong
        if not self.people and not self.attach:
            self._say(self.tr("Add at least one person."))
            return
        if self.household_id is None and not self.hamlet_box.currentText().strip():
            self._say(self.tr("Choose the hamlet or residential group."))
            self.hamlet_box.setFocus()
            return
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"))
        hamlet, address = self.hamlet_box.currentText(), self.address_edit.text()
        people, household_id, attach_ids = list(self.people), self.household_id, list(self.attach)
        (
            WriteOp(
                self.store,
                lambda conn: households.register_household(
                    conn,
                    hamlet=hamlet,
                    address=address,
                    people=people,
                    household_id=household_id,
                    attach_ids=attach_ids,
                    allow_duplicate=allow_duplicate,
                ),
                parent=self,
            )
            .success(self._saved)
            .failure(self._failed)
            .finished(self._save_ended)
            .run()
        )

    def _saved(self, household_id: str) -> None:
        self._say("")
        self.saved.emit(household_id)
        self.accept()

    def _failed(self, problem: KnownError) -> None:
        if isinstance(problem, PossibleDuplicate):
            self._say("")
            self._offered = problem.existing  # asked once this save has ended (_save_ended)
        else:
            self._say(problem.message())

    def _save_ended(self) -> None:
        self.save_button.setEnabled(True)
        offered, self._offered = self._offered, []
        if offered:
            self.resolve_duplicates(offered)

    def resolve_duplicates(self, existing: list[LearnerRow]) -> None:
        """Offer the people already registered instead of registering them twice."""
        answer = self.ask_duplicates(existing)
        if answer == "existing":
            for row in existing:
                self.attach[row.id] = row
            self.people = [p for p in self.people if not any(_looks_like(p, row) for row in existing)]
            self._show_list()
            self.save()
        elif answer == "new":
            self.save(allow_duplicate=True)

    def ask_duplicates(self, existing: list[LearnerRow]) -> str:
        """'existing' (use the registered records), 'new' (different people), or '' (go back)."""
        names = "\n".join(
            " · ".join(
                p for p in (row.full_name, str(row.birth_year or ""), row.hamlet, row.phone or "") if p
            )
            for row in existing
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already registered?"))
        box.setText(self.tr("These people look already registered:\n\n%1").replace("%1", names))
        use = box.addButton(self.tr("&Use the registered records"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("They are &different people"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(use)
        box.exec()
        clicked = box.clickedButton()
        return "existing" if clicked is use else "new" if clicked is new else ""
