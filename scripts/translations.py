"""Keep the Qt Linguist files in step with the code, then compile them.

    python scripts/translations.py          lupdate + fill from TRANSLATIONS below + lrelease

Texts of a page may also live in scripts/i18n/<area>.json ({"vi": {source: text},
"en_plurals": {source: [one, many]}}), so that work on two pages never edits the same table; Qt's own
texts too ({"qt_vi": {context: {source: text}}}, e.g. the file and print dialogs' in qt_dialogs.json).

The .ts files under resources/i18n are the record of the translations; this
script's table is how they are written here without Qt Linguist. A source text
with no entry stays "unfinished" and the translation-walk test fails on it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent

VI: dict[str, str] = {
    "Cannot continue": "Không thể tiếp tục",
    "Unexpected error": "Lỗi không mong đợi",
    "Something went wrong inside Volunteer Kit. Your saved records are safe.\n"
    "Please copy the details below and send them to your IT contact.": "Volunteer Kit gặp lỗi bên trong. Các bản ghi đã lưu vẫn an toàn.\n"
    "Hãy sao chép phần chi tiết bên dưới và gửi cho cán bộ kỹ thuật.",
    "Female": "Nữ",
    "Male": "Nam",
    "Other": "Khác",
    "Volunteer": "Tình nguyện viên",
    "Born": "Năm sinh",
    "Gender": "Giới tính",
    "Lives in": "Nơi ở",
    "Groups": "Nhóm",
    "Consent": "Đồng ý",
    "Choose a learner in the list to see their record.": "Chọn một người học trong danh sách để xem hồ sơ.",
    "given %1 (text version %2)": "đã đồng ý ngày %1 (văn bản phiên bản %2)",
    "not recorded": "chưa ghi nhận",
    "unknown": "không rõ",
    "Sessions (%n)": "Buổi học (%n)",
    "present": "có mặt",
    "absent": "vắng",
    "Quiz attempts (%n)": "Bài kiểm tra (%n)",
    "passed": "đạt",
    "not passed": "chưa đạt",
    "Skill checks (%n)": "Kỹ năng thực hành (%n)",
    "done unaided": "tự làm được",
    "not yet": "chưa làm được",
    "Full name": "Họ và tên",
    "Birth year": "Năm sinh",
    "Hamlet": "Thôn / tổ dân phố",
    "Phone": "Điện thoại",
    "Learners": "Người học",
    "&Search:": "&Tìm:",
    "Name; accents optional, e.g. nguyen thi hang": "Gõ tên, có dấu hay không dấu đều được, ví dụ: nguyen thi hang",
    "Search learners by name": "Tìm người học theo tên",
    "&Hamlet:": "T&hôn/tổ:",
    "&Group:": "&Nhóm:",
    "All hamlets": "Tất cả thôn/tổ",
    "All groups": "Tất cả nhóm",
    "Loading…": "Đang tải…",
    "%n learner(s)": "%n người học",
    "Volunteer Kit — Digital Education for All": "Volunteer Kit — Bình dân học vụ số",
    "%1 (Ctrl+%2)": "%1 (Ctrl+%2)",
    "&File": "&Tệp",
    "&Quit": "&Thoát",
    "&Help": "Trợ &giúp",
    "&About Volunteer Kit": "&Giới thiệu Volunteer Kit",
    "Offline": "Ngoại tuyến",
    "This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.": "Máy này chưa đăng ký với máy chủ của xã; mọi dữ liệu được giữ ở đây cho đến khi đồng bộ.",
    "Opening your records…": "Đang mở dữ liệu…",
    "Waiting to sync: %1": "Chờ đồng bộ: %1",
    "About Volunteer Kit": "Giới thiệu Volunteer Kit",
    "<h3>%1 %2</h3><p>An offline-first toolkit for the volunteers of “Bình dân học vụ số” "
    "(Digital Education for All).</p><p>Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open "
    "Font License 1.1.</p><p>Data folder: %3</p>": "<h3>%1 %2</h3><p>Bộ công cụ làm việc không cần mạng cho tình nguyện viên phong trào "
    "“Bình dân học vụ số”.</p><p>Giấy phép: GPL-3.0 trở lên. Phông chữ: Noto Sans, giấy phép "
    "SIL Open Font License 1.1.</p><p>Thư mục dữ liệu: %3</p>",
    "Settings": "Cài đặt",
    "Display": "Hiển thị",
    "&Language:": "&Ngôn ngữ:",
    "&Text size:": "&Cỡ chữ:",
    "Makes every text in the window larger": "Phóng to mọi chữ trong cửa sổ",
    "Volunteer profile": "Hồ sơ tình nguyện viên",
    "&Full name:": "&Họ và tên:",
    "e.g. Nguyễn Thị Thu Trang": "ví dụ: Nguyễn Thị Thu Trang",
    "Role:": "Vai trò:",
    "%1 (as enrolled with the commune hub)": "%1 (theo đăng ký với máy chủ xã)",
    "not enrolled: volunteer": "chưa đăng ký: tình nguyện viên",
    "Reports are for commune officers and trainers: they count the people guided, lessons taught and "
    "skills passed in the commune, to send upward. To make one, enroll this laptop with an officer or "
    "trainer enrollment code from the hub operator (Sync page).": "Báo cáo dành cho cán bộ xã và giảng "
    "viên: báo cáo đếm số người được hướng dẫn, số bài đã dạy và kỹ năng đã đạt trong xã để gửi lên cấp "
    "trên. Muốn lập báo cáo, hãy đăng ký máy này bằng mã đăng ký cán bộ xã hoặc giảng viên do người quản "
    "lý máy chủ xã cấp (trang Đồng bộ).",
    "To work as a commune officer, enroll this laptop with an officer enrollment code from the hub "
    "operator (Sync page).": "Muốn làm việc với vai trò cán bộ xã, hãy đăng ký máy này bằng mã đăng ký "
    "cán bộ do người quản lý máy chủ xã cấp (trang Đồng bộ).",
    "&Phone (optional):": "Đ&iện thoại (không bắt buộc):",
    "Commune:": "Xã/phường:",
    "&Save profile": "&Lưu hồ sơ",
    "not set (it comes with enrolment on the commune hub)": "chưa có (được đặt khi đăng ký với máy chủ của xã)",
    "Enter your full name.": "Hãy nhập họ và tên.",
    "A phone number has 10 digits, e.g. 0912345678.": "Số điện thoại gồm 10 chữ số, ví dụ 0912345678.",
    "Saving…": "Đang lưu…",
    "Saved.": "Đã lưu.",
    "Not saved.": "Chưa lưu được.",
    "Today": "Hôm nay",
    "Learners registered": "Người học đã đăng ký",
    "Teaching sessions this week": "Buổi học tuần này",
    "Records waiting to sync": "Bản ghi chờ đồng bộ",
    "Last sync": "Lần đồng bộ gần nhất",
    "&Refresh": "&Làm mới",
    "Load the counts again (F5)": "Tải lại các số liệu (F5)",
    "Commune: %1": "Xã/phường: %1",
    "No commune yet: enroll this laptop with the commune hub on the Sync page.": "Chưa có xã/phường: hãy ghi danh máy này với máy chủ xã ở trang Đồng bộ.",
    "in %n household(s)": "thuộc %n hộ gia đình",
    "since Monday": "tính từ thứ Hai",
    "recorded on this laptop, not yet on the commune hub": "đã ghi trên máy này, chưa gửi lên máy chủ của xã",
    "everything has reached the hub": "mọi dữ liệu đã lên máy chủ",
    "Never": "Chưa lần nào",
    "this laptop has not synced yet": "máy này chưa đồng bộ lần nào",
    "bundled with the app": "kèm theo ứng dụng",
    "signed by a trusted publisher": "đã ký bởi nhà phát hành tin cậy",
    "NOT SIGNED: check where it came from": "CHƯA KÝ: hãy kiểm tra nguồn gốc",
    "UNKNOWN PUBLISHER: check where it came from": "NHÀ PHÁT HÀNH LẠ: hãy kiểm tra nguồn gốc",
    "Lessons": "Bài học",
    "&Import pack…": "&Nhập gói bài học…",
    "Add a lesson pack from a file (.vkpack), e.g. from a USB stick": "Thêm gói bài học từ tệp (.vkpack), ví dụ từ USB",
    "&Teach this lesson": "&Dạy bài này",
    "Practical skill checks": "Kỹ năng thực hành",
    "No lesson packs yet": "Chưa có gói bài học nào",
    "Version %1 · about %2 minutes · %3 quiz questions": "Phiên bản %1 · khoảng %2 phút · %3 câu hỏi kiểm tra",
    "Competencies: %1": "Năng lực: %1",
    "Publisher: %1 (%2)": "Nhà phát hành: %1 (%2)",
    "%n step(s)": "%n bước",
    " (optional)": " (không bắt buộc)",
    "Import a lesson pack": "Nhập gói bài học",
    "Lesson packs (*.vkpack)": "Gói bài học (*.vkpack)",
    "Checking and importing %1…": "Đang kiểm tra và nhập %1…",
    "Pack not verified": "Gói chưa được xác minh",
    "%1\n\nImport it anyway? It will be marked as not verified everywhere it shows.": "%1\n\nVẫn nhập? Gói sẽ được đánh dấu là chưa xác minh ở mọi nơi nó hiện ra.",
    "Teaching: %1": "Đang dạy: %1",
    "◀  Back": "◀  Quay lại",
    "Next  ▶": "Tiếp  ▶",
    "Notes (N)": "Ghi chú (N)",
    "Close (Esc)": "Đóng (Esc)",
    "Step %v of %m": "Bước %v / %m",
    "No notes for this step.": "Bước này không có ghi chú.",
    "Finish  ✓": "Xong  ✓",
    "Progress": "Tiến độ",
    "No lessons yet.": "Chưa học bài nào.",
    "quiz %1% (passed)": "kiểm tra %1% (đạt)",
    "quiz %1% (not passed)": "kiểm tra %1% (chưa đạt)",
    "quiz not taken": "chưa làm bài kiểm tra",
    "complete ✓": "đã hoàn thành ✓",
    "in progress": "đang học",
    "%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7": "%1: %2/%3 bài · %4 · kỹ năng %5/%6 · %7",
    "Competencies:": "Năng lực:",
    "reached": "đã đạt",
    "under way": "đang học",
    "Start a session: who is present, the lesson, the quiz, the skill checks": "Mở buổi học: điểm danh, dạy bài, kiểm tra, kỹ năng thực hành",
    "&Preview": "&Xem trước",
    "Show the lesson in teaching mode without recording a session": "Trình chiếu bài học mà không ghi nhận buổi học",
    "Quiz: %1": "Kiểm tra: %1",
    "Learner: %1": "Người học: %1",
    "Question %1 of %2": "Câu %1 / %2",
    " (choose all that apply)": " (chọn tất cả ý đúng)",
    "Check answer": "Xem đáp án",
    "Choose an answer first.": "Hãy chọn một đáp án trước.",
    "Right!": "Đúng rồi!",
    "Not quite.": "Chưa đúng.",
    "See the result": "Xem kết quả",
    "Next question": "Câu tiếp theo",
    "not passed yet": "chưa đạt",
    "%1 got %2 of %3 right: %4. Now %5.": "%1 trả lời đúng %2/%3 câu: %4. Đến lượt %5.",
    "Tick what each learner did by themselves.": "Đánh dấu những việc mỗi người học tự làm được.",
    "Start a teaching session": "Mở buổi học",
    "e.g. Nhà văn hóa thôn Kim Lan": "ví dụ: Nhà văn hóa thôn Kim Lan",
    "Type a name to find learners": "Gõ tên để tìm người học",
    "Lesson:": "Bài học:",
    "&Kind:": "&Hình thức:",
    "&Place:": "Đị&a điểm:",
    "&Find learners:": "&Tìm người học:",
    "&Start": "&Bắt đầu",
    "%n learner(s) present": "%n người học có mặt",
    " (not verified)": " (chưa xác minh)",
    "  ⚠ pack not verified": "  ⚠ gói chưa xác minh",
    "Full name of a newcomer": "Họ tên người mới đến",
    "&Add with consent…": "Th&êm (khi đã đồng ý)…",
    "Someone new? Add them here:": "Có người mới? Thêm tại đây:",
    "The birth year is four digits, e.g. 1958.": "Năm sinh gồm bốn chữ số, ví dụ 1958.",
    "Not added: consent was not given.": "Chưa thêm: người học chưa đồng ý.",
    "%1 was added and marked present.": "Đã thêm %1 và đánh dấu có mặt.",
    "Read this to %1 and ask whether they agree:\n\n%2": "Hãy đọc cho %1 nghe và hỏi có đồng ý không:\n\n%2",
    "%1 is already registered and is now marked present.": "%1 đã có trong danh sách và nay được đánh dấu có mặt.",
    "Already registered?": "Đã đăng ký rồi?",
    "Someone with this name and birth year is already registered. Is it this person?": "Đã có người cùng họ tên và năm sinh. Có phải người này không?",
    "No, someone else": "Không, đây là người khác",
    "Someone else": "Người khác",
    "Register a new learner with the same name and birth year?": "Đăng ký người học mới cùng họ tên và năm sinh?",
    "&Withdraw consent…": "&Rút lại đồng ý…",
    "The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain": "Người học không còn đồng ý: xóa họ tên, năm sinh và số điện thoại; chỉ giữ số liệu ẩn danh",
    "Consent withdrawn: %1's name, birth year and phone were erased.": "Đã rút lại đồng ý: họ tên, năm sinh và số điện thoại của %1 đã được xóa.",
    "Withdraw consent": "Rút lại đồng ý",
    "%1 no longer agrees to be recorded?\n\nTheir name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.": "%1 không còn đồng ý được ghi thông tin?\n\nHọ tên, năm sinh và số điện thoại sẽ bị xóa ở mọi nơi; các buổi học đã dự chỉ còn là số liệu ẩn danh. Không thể hoàn tác.",
}

# English plural forms for %n texts (the source is the fallback for everything else).
EN_PLURALS: dict[str, tuple[str, str]] = {
    "Sessions (%n)": ("Sessions (%n)", "Sessions (%n)"),
    "Quiz attempts (%n)": ("Quiz attempts (%n)", "Quiz attempts (%n)"),
    "Skill checks (%n)": ("Skill checks (%n)", "Skill checks (%n)"),
    "%n learner(s)": ("%n learner", "%n learners"),
    "in %n household(s)": ("in %n household", "in %n households"),
    "%n step(s)": ("%n step", "%n steps"),
    "%n learner(s) present": ("%n learner present", "%n learners present"),
}

# The right-click menu of text fields.
EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
}

# Qt's own standard texts (dialog buttons, text-field menus), for qt_vi.qm.
QT_VI: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "Đồng ý",
        "Save": "Lưu",
        "Save All": "Lưu tất cả",
        "Open": "Mở",
        "&Yes": "&Có",
        "Yes to &All": "Có với tất &cả",
        "&No": "&Không",
        "N&o to All": "Không với tất cả",
        "Abort": "Hủy bỏ",
        "Retry": "Thử lại",
        "Ignore": "Bỏ qua",
        "Close": "Đóng",
        "Cancel": "Hủy",
        "Discard": "Không lưu",
        "Help": "Trợ giúp",
        "Apply": "Áp dụng",
        "Reset": "Đặt lại",
        "Restore Defaults": "Khôi phục mặc định",
    },
    "QMessageBox": {
        "Show Details...": "Xem chi tiết...",
        "Hide Details...": "Ẩn chi tiết...",
        "OK": "Đồng ý",
        "About Qt": "Giới thiệu Qt",
    },
    "QLineEdit": EDIT_MENU,
    "QWidgetTextControl": {**EDIT_MENU, "Copy &Link Location": "Sao chép địa chỉ &liên kết"},
}


def _load_areas() -> None:
    for path in sorted((ROOT / "scripts" / "i18n").glob("*.json")):
        area = json.loads(path.read_text(encoding="utf-8"))
        for source, text in area.get("vi", {}).items():
            if VI.setdefault(source, text) != text:
                print(f"{path.name}: {source!r} is translated differently elsewhere", file=sys.stderr)
        for source, (one, many) in area.get("en_plurals", {}).items():
            EN_PLURALS.setdefault(source, (one, many))
        for context, texts in area.get("qt_vi", {}).items():
            QT_VI.setdefault(context, {}).update(texts)


def _fill(ts_path: Path, language: str) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        numerus = message.get("numerus") == "yes"
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        if language == "vi":
            text = VI.get(source)
            if text is None:
                missing.append(source)
                continue
            if numerus:
                for child in list(translation):
                    translation.remove(child)
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
        else:
            if not numerus:
                translation.text = source
            else:
                one, many = EN_PLURALS.get(source, (source, source))
                for child in list(translation):
                    translation.remove(child)
                ET.SubElement(translation, "numerusform").text = one
                ET.SubElement(translation, "numerusform").text = many
        translation.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def _write_qt_vi(path: Path) -> None:
    root = ET.Element("TS", version="2.1", language="vi_VN")
    for context_name, texts in QT_VI.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source, text in texts.items():
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def main() -> int:
    _load_areas()
    sources = sorted(str(p) for p in (ROOT / "volunteer_kit" / "ui").rglob("*.py"))
    ts_files = [I18N / "volunteer_kit_vi.ts", I18N / "volunteer_kit_en.ts"]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", *map(str, ts_files)], check=True
    )
    missing = _fill(ts_files[0], "vi")
    _fill(ts_files[1], "en")
    _write_qt_vi(I18N / "qt_vi.ts")
    for ts in [*ts_files, I18N / "qt_vi.ts"]:
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    for source in missing:
        print(f"no Vietnamese translation for: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
