"""Display words for stored codes (gender, groups, roles, session kinds), translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

GENDERS = {
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
GROUPS = {
    "elderly": QT_TRANSLATE_NOOP("Labels", "Elderly"),
    "ethnic_minority": QT_TRANSLATE_NOOP("Labels", "Ethnic minority"),
    "official": QT_TRANSLATE_NOOP("Labels", "Official"),
    "student": QT_TRANSLATE_NOOP("Labels", "Student"),
    "worker": QT_TRANSLATE_NOOP("Labels", "Worker"),
    "disability": QT_TRANSLATE_NOOP("Labels", "Person with disability"),
}
ROLES = {
    "volunteer": QT_TRANSLATE_NOOP("Labels", "Volunteer"),
    "officer": QT_TRANSLATE_NOOP("Labels", "Commune officer"),
    "trainer": QT_TRANSLATE_NOOP("Labels", "Trainer"),
}
SESSION_KINDS = {
    "home_visit": QT_TRANSLATE_NOOP("Labels", "Home visit"),
    "group_class": QT_TRANSLATE_NOOP("Labels", "Group class"),
    "community_talk": QT_TRANSLATE_NOOP("Labels", "Community talk"),
}


def label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate("Labels", source) if source else code


def groups_text(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(label(GROUPS, code) for code in codes)
