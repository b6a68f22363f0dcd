"""Words shown to people about the domain, in Vietnamese and English: the one vocabulary.

The window (ui/labels.py), the command line and the exports (CSV, XLSX, PDF) all take the word for a
stored code from here, so a group or a session kind reads the same on the Learners page, in a listing,
a roster and a report (tests/test_vocabulary.py checks them side by side). Entries are written as they
stand alone in a list or a cell; the window capitalises the first letter where a word stands alone.
"""

from __future__ import annotations

from collections.abc import Mapping

GENDERS: Mapping[str, tuple[str, str]] = {
    "female": ("Nữ", "Female"),
    "male": ("Nam", "Male"),
    "other": ("Khác", "Other"),
}

# The groups the movement reports on, in the order reports list them.
GROUPS: Mapping[str, tuple[str, str]] = {
    "elderly": ("Người cao tuổi", "Elderly"),
    "ethnic_minority": ("Dân tộc thiểu số", "Ethnic minority"),
    "official": ("Cán bộ, công chức", "Official"),
    "student": ("Học sinh, sinh viên", "Student"),
    "worker": ("Công nhân, người lao động", "Worker"),
    "disability": ("Người khuyết tật", "Person with disability"),
}

SESSION_KINDS: Mapping[str, tuple[str, str]] = {
    "home_visit": ("Thăm hộ gia đình", "Home visit"),
    "group_class": ("Lớp học nhóm", "Group class"),
    "community_talk": ("Nói chuyện cộng đồng", "Community talk"),
}

ROLES: Mapping[str, tuple[str, str]] = {
    "volunteer": ("tình nguyện viên", "volunteer"),
    "officer": ("cán bộ xã", "commune officer"),
    "trainer": ("giảng viên", "trainer"),
}


def pick(lang: str, vi: str, en: str) -> str:
    """The Vietnamese or the English of a pair, for `lang` ("en" or anything else: Vietnamese first)."""
    return en if lang == "en" else vi


def word(table: Mapping[str, tuple[str, str]], key: str | None, lang: str) -> str:
    """The word for `key` in `lang` (vi or en); an unknown key is shown as it is, none as ""."""
    if not key:
        return ""
    pair = table.get(key)
    if pair is None:
        return key
    return pick(lang, *pair)


# The kinds of synced record (the Sync page's waiting and quarantined records, `status`).
RECORD_KINDS: Mapping[str, tuple[str, str]] = {
    "volunteer": ("Tình nguyện viên", "Volunteers"),
    "household": ("Hộ gia đình", "Households"),
    "learner": ("Người học", "Learners"),
    "consent": ("Sự đồng ý", "Consents"),
    "learner_merge": ("Hồ sơ đã gộp", "Merged records"),
    "teaching_session": ("Các buổi học", "Teaching sessions"),
    "attendance": ("Điểm danh", "Attendance marks"),
    "quiz_attempt": ("Lượt làm bài kiểm tra", "Quiz attempts"),
    "skill_check": ("Kỹ năng thực hành", "Skill checks"),
    "issuer_key": ("Khóa ký chứng nhận", "Signing keys"),
    "issuer_key_retirement": ("Khóa ký đã ngừng dùng", "Retired signing keys"),
    "certificate": ("Giấy chứng nhận", "Certificates"),
    "certificate_revocation": ("Thu hồi giấy chứng nhận", "Certificate revocations"),
}
