"""The consent a learner gives (Law 91/2025/QH15, Decree 356/2025): the text read aloud, versioned."""

from __future__ import annotations

CONSENT_TEXT_VERSION = "2025.1"

CONSENT_TEXT_VI = (
    "Tổ công nghệ số cộng đồng xin ghi lại họ tên, năm sinh, giới tính, thôn/tổ dân phố và "
    "(nếu ông/bà muốn) số điện thoại của ông/bà, cùng việc ông/bà tham gia các buổi học, kết quả "
    "bài kiểm tra và kỹ năng đã làm được. Thông tin chỉ dùng để hướng dẫn, cấp giấy chứng nhận và "
    "báo cáo số người được hướng dẫn; không ghi số căn cước, mật khẩu hay mã OTP. Ông/bà có thể "
    "rút lại sự đồng ý bất cứ lúc nào; khi đó thông tin nhận dạng của ông/bà sẽ được xóa."
)
CONSENT_TEXT_EN = (
    "The community digital technology team asks to record your name, birth year, gender, hamlet and "
    "(if you wish) your phone number, with the sessions you attend, your quiz results and the skills "
    "you showed. They are used only to guide you, issue certificates and report how many people were "
    "guided; no ID number, password or OTP is recorded. You may withdraw your consent at any time; "
    "your identifying data is then erased."
)
