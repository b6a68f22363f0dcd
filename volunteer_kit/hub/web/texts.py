"""The dashboard's words, Vietnamese first; `t(lang, key)` picks one (English only when asked)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app": ("Bảng số liệu tỉnh", "Province dashboard"),
    "login_title": ("Đăng nhập", "Sign in"),
    "login_name": ("Tên đăng nhập", "Login name"),
    "password": ("Mật khẩu", "Password"),
    "sign_in": ("Đăng nhập", "Sign in"),
    "sign_out": ("Đăng xuất", "Sign out"),
    "login_hint": (
        "Tài khoản do người quản lý máy chủ cấp (hub add-viewer).",
        "Accounts are made by the hub operator (hub add-viewer).",
    ),
    "built_at": ("Số liệu tính lúc", "Figures computed at"),
    "never_built": (
        "Số liệu chưa được tính lần nào; máy chủ sẽ tính trong vài phút.",
        "The figures have not been computed yet; the hub computes them within minutes.",
    ),
    "synced_week": ("xã đã đồng bộ tuần này", "communes synced this week"),
    "completeness": ("Mức đầy đủ", "Completeness"),
    "table": ("Bảng theo xã", "By commune"),
    "charts": ("Biểu đồ", "Charts"),
    "commune": ("Xã", "Commune"),
    "synced": ("Đã đồng bộ", "Synced"),
    "hub_time": ("máy chủ nhận", "received"),
    "laptop_time": ("máy ghi", "recorded"),
    "learners": ("Người học đã tiếp cận", "Learners reached"),
    "completed": ("Hoàn thành", "Completed"),
    "certificates": ("Chứng chỉ đã cấp", "Certificates issued"),
    "volunteers": ("Tình nguyện viên hoạt động tháng này", "Volunteers active this month"),
    "stale": ("Máy không liên lạc 14 ngày", "Laptops not seen for 14 days"),
    "households": ("Hộ có kỹ năng", "Households with skill"),
    "no_data": ("Chưa có dữ liệu", "No data"),
    "totals": ("Tổng (các xã có dữ liệu)", "Total (communes with data)"),
    "sort_asc": ("tăng dần", "ascending"),
    "sort_desc": ("giảm dần", "descending"),
    "export": ("Xuất tệp", "Export"),
    "export_csv": ("Xuất CSV", "Export CSV"),
    "export_xlsx": ("Xuất XLSX", "Export XLSX"),
    "preparing": ("Đang chuẩn bị…", "Preparing…"),
    "export_ready": ("Tệp đã sẵn sàng", "The file is ready"),
    "download": ("Tải về", "Download"),
    "export_failed": ("Không tạo được tệp", "The file could not be made"),
    "export_kept": ("Tệp được giữ 24 giờ.", "The file is kept for 24 hours."),
    "back": ("Quay lại bảng", "Back to the table"),
    "trend": ("Theo tuần", "By week"),
    "trend_sessions": ("Buổi học", "Sessions"),
    "trend_attendance": ("Lượt tham dự", "Attendance"),
    "trend_people": ("Người học", "Learners"),
    "chart_no_data": ("Chưa có dữ liệu:", "No data:"),
    "throttled_title": ("Tạm khoá đăng nhập", "Sign-in paused"),
    "retry_at": ("Thử lại lúc", "Try again at"),
    "forbidden": (
        "Yêu cầu bị từ chối (thiếu mã bảo vệ biểu mẫu hoặc khác nguồn); hãy tải lại trang rồi thử lại.",
        "Request refused (form token missing or another origin); reload the page and try again.",
    ),
    "not_found": ("Không tìm thấy.", "Not found."),
    "language": ("English", "Tiếng Việt"),
    "province": ("Tỉnh", "Province"),
    "skip": ("Bỏ qua đến bảng", "Skip to the table"),
}


def t(lang: str, key: str) -> str:
    vi, en = TEXTS[key]
    return en if lang == "en" else vi
