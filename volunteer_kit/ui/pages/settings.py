"""Settings: language, text size, the volunteer profile of this laptop, and the app PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from volunteer_kit import settings as app_settings
from volunteer_kit.core.text import clean_text
from volunteer_kit.core.vocab import ROLES
from volunteer_kit.errors import KnownError
from volunteer_kit.ui import theme
from volunteer_kit.ui.labels import label
from volunteer_kit.ui.ops import ReadOp, WriteOp
from volunteer_kit.ui.pages import Page
from volunteer_kit.ui.pages.settings_pin import PinSection
from volunteer_kit.ui.store_client import StoreClient
from volunteer_kit.ui.widgets import ScaledLabel, scrolling

if TYPE_CHECKING:
    from volunteer_kit.core.records import Profile

MAX_NAME_LENGTH = 120


class SettingsPage(Page):
    language_chosen = Signal(str)
    text_scale_chosen = Signal(int)
    profile_saved = Signal(object)

    def __init__(
        self, store: StoreClient, current: app_settings.Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.heading = ScaledLabel(1.8, bold=True)
        self.display_group = QGroupBox()
        self.language_box = QComboBox()
        self.language_box.addItem("Tiếng Việt", "vi")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(self.language_box.findData(current.language), 0))
        self.scale_box = QComboBox()
        for scale in app_settings.TEXT_SCALES:
            self.scale_box.addItem(f"{scale}%", scale)
        self.scale_box.setCurrentIndex(max(self.scale_box.findData(current.text_scale), 0))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_box)
        self.scale_label = QLabel()
        self.scale_label.setBuddy(self.scale_box)
        display_form = QFormLayout(self.display_group)
        display_form.addRow(self.language_label, self.language_box)
        display_form.addRow(self.scale_label, self.scale_box)

        self.profile_group = QGroupBox()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        # The role is the hub's word from enrollment: shown, never chosen here.
        self.role_value = QLabel()
        self.role_value.setWordWrap(True)
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(15)
        self.commune_value = QLabel()
        self.commune_value.setWordWrap(True)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        self.role_label = QLabel()
        self.phone_label = QLabel()
        self.phone_label.setBuddy(self.phone_edit)
        self.commune_label = QLabel()
        self.save_button = QPushButton()
        theme.primary(self.save_button)  # the page's main action
        self.status = QLabel()
        self.status.setWordWrap(True)
        profile_form = QFormLayout(self.profile_group)
        profile_form.addRow(self.name_label, self.name_edit)
        profile_form.addRow(self.role_label, self.role_value)
        profile_form.addRow(self.phone_label, self.phone_edit)
        profile_form.addRow(self.commune_label, self.commune_value)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        profile_form.addRow(buttons)

        self.pin_section = PinSection(store)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.display_group)
        layout.addWidget(self.profile_group)
        layout.addWidget(self.pin_section)
        layout.addStretch(1)

        self.language_box.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_box.currentData())
        )
        self.scale_box.currentIndexChanged.connect(
            lambda _i: self.text_scale_chosen.emit(self.scale_box.currentData())
        )
        self.save_button.clicked.connect(self.save_profile)
        self.name_edit.returnPressed.connect(self.save_profile)
        self.profile: Profile | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        self.retranslate()

    def title(self) -> str:
        return self.tr("Settings")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.display_group.setTitle(self.tr("Display"))
        self.language_label.setText(self.tr("&Language:"))
        self.scale_label.setText(self.tr("&Text size:"))
        self.scale_box.setToolTip(self.tr("Makes every text in the window larger"))
        self.profile_group.setTitle(self.tr("Volunteer profile"))
        self.name_label.setText(self.tr("&Full name:"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Nguyễn Thị Thu Trang"))
        self.role_label.setText(self.tr("Role:"))
        self.role_value.setToolTip(
            self.tr(
                "To work as a commune officer, enroll this laptop with an officer enrollment code "
                "from the hub operator (Sync page)."
            )
        )
        self.phone_label.setText(self.tr("&Phone (optional):"))
        self.commune_label.setText(self.tr("Commune:"))
        self.save_button.setText(self.tr("&Save profile"))
        self._show_role()
        self._show_commune()

    def refresh(self) -> None:
        from volunteer_kit.store import devices

        profile = ReadOp(self.store, lambda conn: devices.profile(conn), parent=self)
        profile.success(self._profile_loaded).run()
        self.pin_section.refresh()

    def _profile_loaded(self, profile: Profile) -> None:
        self.profile = profile
        self.name_edit.setText(profile.full_name)
        self.phone_edit.setText(profile.phone)
        self._show_role()
        self._show_commune()

    def _show_role(self) -> None:
        profile = self.profile
        if profile is None:
            self.role_value.setText(self.tr("Loading…"))
        elif profile.enrolled:
            self.role_value.setText(
                self.tr("%1 (as enrolled with the commune hub)").replace("%1", label(ROLES, profile.role))
            )
        else:
            self.role_value.setText(self.tr("not enrolled: volunteer"))

    def _show_commune(self) -> None:
        profile = self.profile
        if profile and profile.commune_name:
            self.commune_value.setText(f"{profile.commune_name} ({profile.commune_code})")
        else:
            self.commune_value.setText(self.tr("not set (it comes with enrolment on the commune hub)"))

    def save_profile(self) -> None:
        from volunteer_kit.store import devices

        name = clean_text(self.name_edit.text())
        phone = clean_text(self.phone_edit.text()).replace(" ", "")
        if not name:
            self.status.setText(self.tr("Enter your full name."))
            self.name_edit.setFocus()
            return
        if phone and not (phone.lstrip("+").isdigit() and 9 <= len(phone.lstrip("+")) <= 12):
            self.status.setText(self.tr("A phone number has 10 digits, e.g. 0912345678."))
            self.phone_edit.setFocus()
            return
        self.save_button.setEnabled(False)
        saving_text = self.tr("Saving…")
        self.status.setText(saving_text)

        def done(profile: Profile) -> None:
            self._profile_loaded(profile)
            self.status.setText(self.tr("Saved."))
            self.profile_saved.emit(profile)

        def failed(problem: KnownError) -> None:
            self.status.setText(problem.message())

        def over() -> None:
            self.save_button.setEnabled(True)
            if self.status.text() == saving_text:  # neither saved nor a known problem: a bug (crash dialog)
                self.status.setText(self.tr("Not saved."))

        saving = WriteOp(
            self.store, lambda conn: devices.save_profile(conn, full_name=name, phone=phone), parent=self
        )
        saving.success(done).failure(failed).finished(over).run()
