<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name />
    <message>
        <location filename="../../volunteer_kit/ui/crash.py" line="43" />
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/crash.py" line="57" />
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/crash.py" line="60" />
        <source>Something went wrong inside Volunteer Kit. Your saved records are safe.
Please copy the details below and send them to your IT contact.</source>
        <translation>Volunteer Kit gặp lỗi bên trong. Các bản ghi đã lưu vẫn an toàn.
Hãy sao chép phần chi tiết bên dưới và gửi cho cán bộ kỹ thuật.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="8" />
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="9" />
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="10" />
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="13" />
        <source>Elderly</source>
        <translation>Người cao tuổi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="14" />
        <source>Ethnic minority</source>
        <translation>Dân tộc thiểu số</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="15" />
        <source>Official</source>
        <translation>Cán bộ, công chức</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="16" />
        <source>Student</source>
        <translation>Học sinh, sinh viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="17" />
        <source>Worker</source>
        <translation>Người lao động</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="18" />
        <source>Person with disability</source>
        <translation>Người khuyết tật</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="21" />
        <source>Volunteer</source>
        <translation>Tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="22" />
        <source>Commune officer</source>
        <translation>Cán bộ xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="23" />
        <source>Trainer</source>
        <translation>Giảng viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="26" />
        <source>Home visit</source>
        <translation>Đến tận nhà</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="27" />
        <source>Group class</source>
        <translation>Lớp học nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/labels.py" line="28" />
        <source>Community talk</source>
        <translation>Buổi nói chuyện cộng đồng</translation>
    </message>
</context>
<context>
    <name>LearnerDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Lives in</source>
        <translation>Nơi ở</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>Consent</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="113" />
        <source>Choose a learner in the list to see their record.</source>
        <translation>Chọn một người học trong danh sách để xem hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="114" />
        <source>&amp;Withdraw consent…</source>
        <translation>&amp;Rút lại đồng ý…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="117" />
        <source>The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain</source>
        <translation>Người học không còn đồng ý: xóa họ tên, năm sinh và số điện thoại; chỉ giữ số liệu ẩn danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="149" />
        <source>given %1 (text version %2)</source>
        <translation>đã đồng ý ngày %1 (văn bản phiên bản %2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="153" />
        <source>not recorded</source>
        <translation>chưa ghi nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="156" />
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="164" />
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Buổi học (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="167" />
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="167" />
        <source>absent</source>
        <translation>vắng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="170" />
        <source>Quiz attempts (%n)</source>
        <translation>
            <numerusform>Bài kiểm tra (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="173" />
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="173" />
        <source>not passed</source>
        <translation>chưa đạt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="178" />
        <source>Skill checks (%n)</source>
        <translation>
            <numerusform>Kỹ năng thực hành (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="181" />
        <source>done unaided</source>
        <translation>tự làm được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="181" />
        <source>not yet</source>
        <translation>chưa làm được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="189" />
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="191" />
        <source>No lessons yet.</source>
        <translation>Chưa học bài nào.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="197" />
        <source>quiz %1% (passed)</source>
        <translation>kiểm tra %1% (đạt)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="197" />
        <source>quiz %1% (not passed)</source>
        <translation>kiểm tra %1% (chưa đạt)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="201" />
        <source>quiz not taken</source>
        <translation>chưa làm bài kiểm tra</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="203" />
        <source>complete ✓</source>
        <translation>đã hoàn thành ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="203" />
        <source>in progress</source>
        <translation>đang học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="205" />
        <source>%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7</source>
        <translation>%1: %2/%3 bài · %4 · kỹ năng %5/%6 · %7</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="217" />
        <source>Competencies:</source>
        <translation>Năng lực:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="219" />
        <source>reached</source>
        <translation>đã đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="219" />
        <source>under way</source>
        <translation>đang học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="227" />
        <source> (not verified)</source>
        <translation> (chưa xác minh)</translation>
    </message>
</context>
<context>
    <name>LearnersModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="32" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="33" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="34" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="35" />
        <source>Hamlet</source>
        <translation>Thôn / tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="36" />
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="37" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
<context>
    <name>LearnersPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="321" />
        <source>Learners</source>
        <translation>Người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="324" />
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="325" />
        <source>Name; accents optional, e.g. nguyen thi hang</source>
        <translation>Gõ tên, có dấu hay không dấu đều được, ví dụ: nguyen thi hang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="326" />
        <source>Search learners by name</source>
        <translation>Tìm người học theo tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="327" />
        <source>&amp;Hamlet:</source>
        <translation>T&amp;hôn/tổ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="328" />
        <source>&amp;Group:</source>
        <translation>N&amp;hóm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="340" />
        <source>All hamlets</source>
        <translation>Tất cả thôn/tổ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="343" />
        <source>All groups</source>
        <translation>Tất cả nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="384" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="386" />
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n người học</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="408" />
        <source>Consent withdrawn: %1's name, birth year and phone were erased.</source>
        <translation>Đã rút lại đồng ý: họ tên, năm sinh và số điện thoại của %1 đã được xóa.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="418" />
        <source>Withdraw consent</source>
        <translation>Rút lại đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="420" />
        <source>%1 no longer agrees to be recorded?

Their name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.</source>
        <translation>%1 không còn đồng ý được ghi thông tin?

Họ tên, năm sinh và số điện thoại sẽ bị xóa ở mọi nơi; các buổi học đã dự chỉ còn là số liệu ẩn danh. Không thể hoàn tác.</translation>
    </message>
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="34" />
        <source>bundled with the app</source>
        <translation>kèm theo ứng dụng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="35" />
        <source>signed by a trusted publisher</source>
        <translation>đã ký bởi nhà phát hành tin cậy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="36" />
        <source>NOT SIGNED: check where it came from</source>
        <translation>CHƯA KÝ: hãy kiểm tra nguồn gốc</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="37" />
        <source>UNKNOWN PUBLISHER: check where it came from</source>
        <translation>NHÀ PHÁT HÀNH LẠ: hãy kiểm tra nguồn gốc</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="115" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="118" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="131" />
        <source>Lessons</source>
        <translation>Bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="119" />
        <source>&amp;Import pack…</source>
        <translation>&amp;Nhập gói bài học…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="121" />
        <source>Add a lesson pack from a file (.vkpack), e.g. from a USB stick</source>
        <translation>Thêm gói bài học từ tệp (.vkpack), ví dụ từ USB</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="123" />
        <source>&amp;Teach this lesson</source>
        <translation>&amp;Dạy bài này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="125" />
        <source>Start a session: who is present, the lesson, the quiz, the skill checks</source>
        <translation>Mở buổi học: điểm danh, dạy bài, kiểm tra, kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="127" />
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="129" />
        <source>Show the lesson in teaching mode without recording a session</source>
        <translation>Trình chiếu bài học mà không ghi nhận buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="132" />
        <source>Practical skill checks</source>
        <translation>Kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="173" />
        <source>No lesson packs yet</source>
        <translation>Chưa có gói bài học nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="182" />
        <source>Version %1 · about %2 minutes · %3 quiz questions</source>
        <translation>Phiên bản %1 · khoảng %2 phút · %3 câu hỏi kiểm tra</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="186" />
        <source>Competencies: %1</source>
        <translation>Năng lực: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="187" />
        <source>Publisher: %1 (%2)</source>
        <translation>Nhà phát hành: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="194" />
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n bước</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="199" />
        <source> (optional)</source>
        <translation> (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="242" />
        <source>Import a lesson pack</source>
        <translation>Nhập gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="242" />
        <source>Lesson packs (*.vkpack)</source>
        <translation>Gói bài học (*.vkpack)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="252" />
        <source>Checking and importing %1…</source>
        <translation>Đang kiểm tra và nhập %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="283" />
        <source>Pack not verified</source>
        <translation>Gói chưa được xác minh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="284" />
        <source>%1

Import it anyway? It will be marked as not verified everywhere it shows.</source>
        <translation>%1

Vẫn nhập? Gói sẽ được đánh dấu là chưa xác minh ở mọi nơi nó hiện ra.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="124" />
        <source>Volunteer Kit — Digital Education for All</source>
        <translation>Volunteer Kit — Bình dân học vụ số</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="128" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="130" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="131" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="132" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="133" />
        <source>&amp;About Volunteer Kit</source>
        <translation>&amp;Giới thiệu Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="134" />
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="137" />
        <source>This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.</source>
        <translation>Máy này chưa đăng ký với máy chủ của xã; mọi dữ liệu được giữ ở đây cho đến khi đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="142" />
        <source>Opening your records…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="149" />
        <source>Waiting to sync: %1</source>
        <translation>Chờ đồng bộ: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="210" />
        <source>About Volunteer Kit</source>
        <translation>Giới thiệu Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="212" />
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first toolkit for the volunteers of “Bình dân học vụ số” (Digital Education for All).&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Data folder: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Bộ công cụ làm việc không cần mạng cho tình nguyện viên phong trào “Bình dân học vụ số”.&lt;/p&gt;&lt;p&gt;Giấy phép: GPL-3.0 trở lên. Phông chữ: Noto Sans, giấy phép SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Thư mục dữ liệu: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="163" />
        <source>Teaching: %1</source>
        <translation>Đang dạy: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="164" />
        <source>◀  Back</source>
        <translation>◀  Quay lại</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="165" />
        <location filename="../../volunteer_kit/ui/presenter.py" line="207" />
        <source>Next  ▶</source>
        <translation>Tiếp  ▶</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="166" />
        <source>Notes (N)</source>
        <translation>Ghi chú (N)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="167" />
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="168" />
        <source>Step %v of %m</source>
        <translation>Bước %v / %m</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="197" />
        <source>  ⚠ pack not verified</source>
        <translation>  ⚠ gói chưa xác minh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="201" />
        <source>No notes for this step.</source>
        <translation>Bước này không có ghi chú.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="207" />
        <source>Finish  ✓</source>
        <translation>Xong  ✓</translation>
    </message>
</context>
<context>
    <name>QuizWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="279" />
        <source>Quiz: %1</source>
        <translation>Kiểm tra: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="341" />
        <source>Learner: %1</source>
        <translation>Người học: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="343" />
        <source>Question %1 of %2</source>
        <translation>Câu %1 / %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="347" />
        <source> (choose all that apply)</source>
        <translation> (chọn tất cả ý đúng)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="365" />
        <source>Check answer</source>
        <translation>Xem đáp án</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="389" />
        <source>Choose an answer first.</source>
        <translation>Hãy chọn một đáp án trước.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="403" />
        <source>Right!</source>
        <translation>Đúng rồi!</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="403" />
        <source>Not quite.</source>
        <translation>Chưa đúng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="406" />
        <source>See the result</source>
        <translation>Xem kết quả</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="406" />
        <source>Next question</source>
        <translation>Câu tiếp theo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="424" />
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="424" />
        <source>not passed yet</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="426" />
        <source>%1 got %2 of %3 right: %4. Now %5.</source>
        <translation>%1 trả lời đúng %2/%3 câu: %4. Đến lượt %5.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="109" />
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="112" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="113" />
        <source>Display</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="114" />
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="115" />
        <source>&amp;Text size:</source>
        <translation>&amp;Cỡ chữ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="116" />
        <source>Makes every text in the window larger</source>
        <translation>Phóng to mọi chữ trong cửa sổ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="117" />
        <source>Volunteer profile</source>
        <translation>Hồ sơ tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="118" />
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="119" />
        <source>e.g. Nguyễn Thị Thu Trang</source>
        <translation>ví dụ: Nguyễn Thị Thu Trang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="120" />
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="121" />
        <source>&amp;Phone (optional):</source>
        <translation>Đ&amp;iện thoại (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="122" />
        <source>Commune:</source>
        <translation>Xã/phường:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="123" />
        <source>&amp;Save profile</source>
        <translation>&amp;Lưu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="146" />
        <source>not set (it comes with enrolment on the commune hub)</source>
        <translation>chưa có (được đặt khi đăng ký với máy chủ của xã)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="152" />
        <source>Enter your full name.</source>
        <translation>Hãy nhập họ và tên.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="156" />
        <source>A phone number has 10 digits, e.g. 0912345678.</source>
        <translation>Số điện thoại gồm 10 chữ số, ví dụ 0912345678.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="160" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="165" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="173" />
        <source>Not saved.</source>
        <translation>Chưa lưu được.</translation>
    </message>
</context>
<context>
    <name>SkillChecksDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="443" />
        <source>Practical skill checks</source>
        <translation>Kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="446" />
        <source>Tick what each learner did by themselves.</source>
        <translation>Đánh dấu những việc mỗi người học tự làm được.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="457" />
        <source> (optional)</source>
        <translation> (không bắt buộc)</translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="64" />
        <source>Start a teaching session</source>
        <translation>Mở buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="72" />
        <source>e.g. Nhà văn hóa thôn Kim Lan</source>
        <translation>ví dụ: Nhà văn hóa thôn Kim Lan</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="74" />
        <source>Type a name to find learners</source>
        <translation>Gõ tên để tìm người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="81" />
        <source>Full name of a newcomer</source>
        <translation>Họ tên người mới đến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="83" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="86" />
        <source>&amp;Add with consent…</source>
        <translation>Th&amp;êm (khi đã đồng ý)…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="95" />
        <source>Lesson:</source>
        <translation>Bài học:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="96" />
        <source>&amp;Kind:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="97" />
        <source>&amp;Place:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="98" />
        <source>&amp;Find learners:</source>
        <translation>&amp;Tìm người học:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="102" />
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="109" />
        <source>Someone new? Add them here:</source>
        <translation>Có người mới? Thêm tại đây:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/teaching.py" line="156" />
        <source>%n learner(s) present</source>
        <translation>
            <numerusform>%n người học có mặt</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="169" />
        <source>The birth year is four digits, e.g. 1958.</source>
        <translation>Năm sinh gồm bốn chữ số, ví dụ 1958.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="176" />
        <source>Not added: consent was not given.</source>
        <translation>Chưa thêm: người học chưa đồng ý.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="188" />
        <source>%1 was added and marked present.</source>
        <translation>Đã thêm %1 và đánh dấu có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="200" />
        <source>%1 is already registered and is now marked present.</source>
        <translation>%1 đã có trong danh sách và nay được đánh dấu có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="227" />
        <source>Already registered?</source>
        <translation>Đã đăng ký rồi?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="228" />
        <source>Someone with this name and birth year is already registered. Is it this person?</source>
        <translation>Đã có người cùng họ tên và năm sinh. Có phải người này không?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="229" />
        <source>No, someone else</source>
        <translation>Không, đây là người khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="242" />
        <source>Someone else</source>
        <translation>Người khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="243" />
        <source>Register a new learner with the same name and birth year?</source>
        <translation>Đăng ký người học mới cùng họ tên và năm sinh?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="252" />
        <source>Consent</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="253" />
        <source>Read this to %1 and ask whether they agree:

%2</source>
        <translation>Hãy đọc cho %1 nghe và hỏi có đồng ý không:

%2</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="57" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="60" />
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="61" />
        <source>Learners registered</source>
        <translation>Người học đã đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="62" />
        <source>Teaching sessions this week</source>
        <translation>Buổi học tuần này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="63" />
        <source>Records waiting to sync</source>
        <translation>Bản ghi chờ đồng bộ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="64" />
        <source>Last sync</source>
        <translation>Lần đồng bộ gần nhất</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="65" />
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="66" />
        <source>Load the counts again (F5)</source>
        <translation>Tải lại các số liệu (F5)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="80" />
        <source>Opening your records…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="84" />
        <source>Commune: %1</source>
        <translation>Xã/phường: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="86" />
        <source>No commune chosen yet: set it up in Settings.</source>
        <translation>Chưa chọn xã/phường: hãy thiết lập trong Cài đặt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="88" />
        <source>in %n household(s)</source>
        <translation>
            <numerusform>thuộc %n hộ gia đình</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="90" />
        <source>since Monday</source>
        <translation>tính từ thứ Hai</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="93" />
        <source>recorded on this laptop, not yet on the commune hub</source>
        <translation>đã ghi trên máy này, chưa gửi lên máy chủ của xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="95" />
        <source>everything has reached the hub</source>
        <translation>mọi dữ liệu đã lên máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="98" />
        <source>Never</source>
        <translation>Chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="99" />
        <source>this laptop has not synced yet</source>
        <translation>máy này chưa đồng bộ lần nào</translation>
    </message>
</context>
</TS>