"""Words shown to people about the domain, in Vietnamese and English, outside the window.

The window's words go through Qt's translations (ui/labels.py); the command line and the
exports take theirs from here, so a session kind reads the same in a listing, a roster and
a report.
"""

from __future__ import annotations

from collections.abc import Mapping

SESSION_KINDS: Mapping[str, tuple[str, str]] = {
    "home_visit": ("Thăm hộ gia đình", "Home visit"),
    "group_class": ("Lớp học nhóm", "Group class"),
    "community_talk": ("Cà phê sáng / nói chuyện cộng đồng", "Community talk"),
}

ROLES: Mapping[str, tuple[str, str]] = {
    "volunteer": ("tình nguyện viên", "volunteer"),
    "officer": ("cán bộ xã", "commune officer"),
    "trainer": ("giảng viên", "trainer"),
}


def word(table: Mapping[str, tuple[str, str]], key: str | None, lang: str) -> str:
    """The word for `key` in `lang` (vi or en); an unknown key is shown as it is, none as ""."""
    if not key:
        return ""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]

# The kinds of synced record, as the window's Sync page names them (ui/labels.RECORD_KINDS).
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
