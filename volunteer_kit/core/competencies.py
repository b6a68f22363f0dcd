"""Names of the competency codes packs map to (Circular 02/2025/TT-BGDĐT and the five household skills)."""

from __future__ import annotations

from volunteer_kit.core.vocab import pick

# The five household skills: a household showing all five is a "digital household".
HOUSEHOLD_SKILLS = ("HH-1", "HH-2", "HH-3", "HH-4", "HH-5")

# code: (Vietnamese, English), from shared/frameworks.md
COMPETENCIES: dict[str, tuple[str, str]] = {
    "NLS-1": ("Khai thác dữ liệu và thông tin", "Information and data literacy"),
    "NLS-1.1": (
        "Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số",
        "Browsing, searching, filtering data, information and digital content",
    ),
    "NLS-1.2": (
        "Đánh giá dữ liệu, thông tin và nội dung số",
        "Evaluating data, information and digital content",
    ),
    "NLS-1.3": (
        "Quản lý dữ liệu, thông tin và nội dung số",
        "Managing data, information and digital content",
    ),
    "NLS-2": ("Giao tiếp và hợp tác trong môi trường số", "Communication and collaboration"),
    "NLS-2.1": ("Tương tác thông qua công nghệ số", "Interacting through digital technologies"),
    "NLS-2.2": ("Chia sẻ thông qua công nghệ số", "Sharing through digital technologies"),
    "NLS-2.3": (
        "Sử dụng công nghệ số để thực hiện trách nhiệm công dân",
        "Engaging in citizenship through digital technologies",
    ),
    "NLS-2.4": ("Hợp tác thông qua công nghệ số", "Collaborating through digital technologies"),
    "NLS-2.5": ("Quy tắc ứng xử trên mạng", "Netiquette"),
    "NLS-2.6": ("Quản lý danh tính số", "Managing digital identity"),
    "NLS-3": ("Sáng tạo nội dung số", "Digital content creation"),
    "NLS-3.1": ("Phát triển nội dung số", "Developing digital content"),
    "NLS-3.2": ("Tích hợp và tạo lập lại nội dung số", "Integrating and re-elaborating digital content"),
    "NLS-3.3": ("Thực thi bản quyền và giấy phép", "Copyright and licences"),
    "NLS-3.4": ("Lập trình", "Programming"),
    "NLS-4": ("An toàn", "Safety"),
    "NLS-4.1": ("Bảo vệ thiết bị", "Protecting devices"),
    "NLS-4.2": ("Bảo vệ dữ liệu cá nhân và quyền riêng tư", "Protecting personal data and privacy"),
    "NLS-4.3": ("Bảo vệ sức khỏe và an sinh số", "Protecting health and well-being"),
    "NLS-4.4": ("Bảo vệ môi trường", "Protecting the environment"),
    "NLS-5": ("Giải quyết vấn đề", "Problem solving"),
    "NLS-5.1": ("Giải quyết các vấn đề kỹ thuật", "Solving technical problems"),
    "NLS-5.2": ("Xác định nhu cầu và giải pháp công nghệ", "Identifying needs and technological responses"),
    "NLS-5.3": ("Sử dụng sáng tạo công nghệ số", "Creatively using digital technology"),
    "NLS-5.4": ("Xác định những thiếu hụt về năng lực số", "Identifying digital competence gaps"),
    "NLS-6": ("Ứng dụng trí tuệ nhân tạo", "Using artificial intelligence"),
    "NLS-6.1": ("Hiểu biết về trí tuệ nhân tạo", "Understanding AI"),
    "NLS-6.2": ("Sử dụng trí tuệ nhân tạo", "Using AI"),
    "NLS-6.3": ("Đánh giá trí tuệ nhân tạo", "Evaluating AI"),
    "HH-1": ("Sử dụng dịch vụ công trực tuyến", "Online public services"),
    "HH-2": ("Mua sắm trực tuyến", "Online shopping"),
    "HH-3": ("Thanh toán trực tuyến", "Online payment"),
    "HH-4": ("Tự bảo vệ trên không gian mạng", "Self-protection in cyberspace"),
    "HH-5": ("Sử dụng các nền tảng số của địa phương", "Local digital platforms"),
}


def competency_name(code: str, lang: str = "vi") -> str:
    return pick(lang, *COMPETENCIES.get(code, (code, code)))
