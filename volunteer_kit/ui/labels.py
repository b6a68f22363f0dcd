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

RECORD_KINDS = {
    "volunteer": QT_TRANSLATE_NOOP("Labels", "Volunteers"),
    "household": QT_TRANSLATE_NOOP("Labels", "Households"),
    "learner": QT_TRANSLATE_NOOP("Labels", "Learners"),
    "consent": QT_TRANSLATE_NOOP("Labels", "Consents"),
    "learner_merge": QT_TRANSLATE_NOOP("Labels", "Merged records"),
    "teaching_session": QT_TRANSLATE_NOOP("Labels", "Teaching sessions"),
    "attendance": QT_TRANSLATE_NOOP("Labels", "Attendance marks"),
    "quiz_attempt": QT_TRANSLATE_NOOP("Labels", "Quiz attempts"),
    "skill_check": QT_TRANSLATE_NOOP("Labels", "Skill checks"),
    "issuer_key": QT_TRANSLATE_NOOP("Labels", "Signing keys"),
    "issuer_key_retirement": QT_TRANSLATE_NOOP("Labels", "Retired signing keys"),
    "certificate": QT_TRANSLATE_NOOP("Labels", "Certificates"),
    "certificate_revocation": QT_TRANSLATE_NOOP("Labels", "Certificate revocations"),
}


def label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate("Labels", source) if source else code


def groups_text(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(label(GROUPS, code) for code in codes)
