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
    <name>AdminPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="354" />
        <source>just now</source>
        <translation>vừa xong</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="114" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="265" />
        <source>Commune admin</source>
        <translation>Quản lý xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="268" />
        <source>Commune administration</source>
        <translation>Quản lý xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="269" />
        <source>Ask the hub &amp;again</source>
        <translation>&amp;Hỏi lại máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="270" />
        <source>Fetch every list again from the commune hub (F5)</source>
        <translation>Lấy lại mọi danh sách từ máy chủ của xã (F5)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="273" />
        <source>Enroll a new laptop</source>
        <translation>Ghi danh máy mới</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="274" />
        <source>Laptops of the commune</source>
        <translation>Các máy của xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="276" />
        <source>Erasures to approve</source>
        <translation>Xoá dữ liệu chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="277" />
        <source>Figures</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="283" />
        <source>Only a commune officer's laptop manages the commune: enrolling laptops, revoking a lost one, approving erasures. This laptop is not enrolled as an officer's.</source>
        <translation>Chỉ máy của cán bộ xã mới quản lý xã: ghi danh máy, thu hồi máy bị mất, duyệt việc xoá dữ liệu. Máy này không ghi danh với vai trò cán bộ xã.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="289" />
        <source>Make a code, then on the new laptop open Sync and type the code, or read its QR with the laptop's camera or a phone photo. A code enrolls one laptop once.</source>
        <translation>Tạo mã, rồi trên máy mới mở trang Đồng bộ và gõ mã, hoặc đọc mã QR bằng camera của máy hay ảnh chụp bằng điện thoại. Mỗi mã chỉ ghi danh được một máy, một lần.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="293" />
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="295" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="345" />
        <source>Volunteer</source>
        <translation>Tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="295" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="346" />
        <source>Trainer</source>
        <translation>Giảng viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="297" />
        <source>&amp;Valid for:</source>
        <translation>&amp;Hiệu lực:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="300" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="303" />
        <source>&amp;Make a code</source>
        <translation>&amp;Tạo mã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="304" />
        <source>&amp;Copy the code</source>
        <translation>&amp;Sao chép mã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="306" />
        <source>The whole code with the hub's address, to paste on the new laptop</source>
        <translation>Cả mã kèm địa chỉ máy chủ, để dán vào máy mới</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="310" />
        <source>On the new laptop: Sync → Enrollment code, or “Read the code from a QR image…”. Pasting the whole copied text fills every field.</source>
        <translation>Trên máy mới: Đồng bộ → Mã đăng ký, hoặc “Đọc mã từ ảnh QR…”. Dán cả đoạn đã sao chép thì mọi ô tự điền.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="314" />
        <source>Codes not used yet</source>
        <translation>Mã còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="315" />
        <source>Ca&amp;ncel the code</source>
        <translation>&amp;Huỷ mã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="316" />
        <source>&amp;Revoke the laptop…</source>
        <translation>Thu hồi &amp;máy…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="317" />
        <source>Re&amp;store this version</source>
        <translation>&amp;Khôi phục bản này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="319" />
        <source>Write the overwritten version back as a new edit from this laptop; it syncs as yours</source>
        <translation>Ghi lại bản đã bị ghi đè như một chỉnh sửa mới từ máy này; bản đó sẽ đồng bộ như chỉnh sửa của bạn</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="321" />
        <source>A&amp;pprove</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="324" />
        <source>Records per kind</source>
        <translation>Bản ghi theo loại</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="324" />
        <source>Records per laptop</source>
        <translation>Bản ghi theo máy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="324" />
        <source>Records per week</source>
        <translation>Bản ghi theo tuần</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="275" />
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="328" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="329" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="330" />
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="328" />
        <source>Kind of record</source>
        <translation>Loại bản ghi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="329" />
        <source>Laptop</source>
        <translation>Máy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="329" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="330" />
        <source>Week of</source>
        <translation>Tuần từ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="347" />
        <source>Commune officer</source>
        <translation>Cán bộ xã</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="356" />
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n phút trước</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="358" />
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n giờ trước</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="360" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n ngày trước</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="389" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="429" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="436" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="667" />
        <source>Asking the hub…</source>
        <translation>Đang hỏi máy chủ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="432" />
        <source>Updated at %1.</source>
        <translation>Cập nhật lúc %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="435" />
        <source>Kept copy of %1.</source>
        <translation>Bản lưu lúc %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="439" />
        <source>No copy of this list is kept on this laptop yet.</source>
        <translation>Máy này chưa lưu bản nào của danh sách này.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="440" />
        <source>Shown: the copy kept at %1.</source>
        <translation>Đang hiện bản lưu lúc %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="446" />
        <source>Cannot reach the hub; try again when the network is back.</source>
        <translation>Không kết nối được máy chủ; thử lại khi có mạng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="458" />
        <source>Enrollment code for a laptop of a %1:</source>
        <translation>Mã ghi danh cho máy của %1:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="461" />
        <source>Valid until %1.</source>
        <translation>Hết hạn lúc %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="472" />
        <source>%1 · made %2 · valid until %3</source>
        <translation>%1 · tạo lúc %2 · hết hạn lúc %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="479" />
        <source>None: every code was used, cancelled or has expired.</source>
        <translation>Không có: mọi mã đã được dùng, đã huỷ hoặc đã hết hạn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="488" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="587" />
        <source>(no name)</source>
        <translation>(không tên)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="490" />
        <source>%1 (this laptop)</source>
        <translation>%1 (máy này)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="492" />
        <source>REVOKED on %1: %2</source>
        <translation>ĐÃ THU HỒI ngày %1: %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="495" />
        <source>in use</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="496" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="724" />
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="500" />
        <source>Last contact: %1 · enrolled %2 · records sent: %3 · erasures waiting: %4 · version %5</source>
        <translation>Liên lạc gần nhất: %1 · ghi danh ngày %2 · bản ghi đã gửi: %3 · việc xoá chờ duyệt: %4 · phiên bản %5</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="506" />
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="509" />
        <source>Device id: %1</source>
        <translation>Mã thiết bị: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="513" />
        <source>No laptop to show.</source>
        <translation>Chưa có máy nào để hiện.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="523" />
        <source>%1: the edit made on %2 was overwritten by a later edit from %3 (%4)</source>
        <translation>%1: chỉnh sửa trên %2 đã bị chỉnh sửa sau từ %3 ghi đè (%4)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="530" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="575" />
        <source>Record id: %1</source>
        <translation>Mã bản ghi: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="532" />
        <source>No edit of the commune was overwritten.</source>
        <translation>Không có chỉnh sửa nào của xã bị ghi đè.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="536" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="547" />
        <source>this laptop</source>
        <translation>máy này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="540" />
        <source>the laptop of %1</source>
        <translation>máy của %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="541" />
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="551" />
        <source>another laptop</source>
        <translation>một máy khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="563" />
        <source>WAITING — %1, asked from %2 on %3</source>
        <translation>CHỜ DUYỆT — %1, yêu cầu từ %2 lúc %3</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="565" />
        <source>Erased — %1, asked from %2 on %3; approved by %4 on %5</source>
        <translation>Đã xoá — %1, yêu cầu từ %2 lúc %3; %4 duyệt lúc %5</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="568" />
        <source>the hub operator</source>
        <translation>người quản lý máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="577" />
        <source>No erasure waits, and none was made yet.</source>
        <translation>Không có việc xoá nào chờ duyệt, và chưa xoá gì.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="690" />
        <source>Code made: give it to the new laptop's user.</source>
        <translation>Đã tạo mã: hãy đưa cho người dùng máy mới.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="699" />
        <source>Copied.</source>
        <translation>Đã sao chép.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="708" />
        <source>The code was cancelled: nobody can enroll with it now.</source>
        <translation>Đã huỷ mã: không ai ghi danh được bằng mã này nữa.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="741" />
        <source>“%1” is revoked: its next sync is refused.</source>
        <translation>Đã thu hồi “%1”: lần đồng bộ tới của máy đó sẽ bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="763" />
        <source>The overwritten version is written back as a new edit on this laptop; it goes at the next sync.</source>
        <translation>Bản bị ghi đè đã được ghi lại như một chỉnh sửa mới trên máy này; sẽ gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/admin.py" line="777" />
        <source>Approved: the record is erased on the hub.</source>
        <translation>Đã duyệt: bản ghi đã được xoá trên máy chủ.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="28" />
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="29" />
        <source>Late</source>
        <translation>Đến muộn</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="30" />
        <source>About</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/attendance.py" line="97" />
        <source>walk-in</source>
        <translation>đăng ký tại chỗ</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="43" />
        <source>Learners present, by week (people)</source>
        <translation>Người học có mặt, theo tuần (người)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="44" />
        <source>Lessons taught, by lesson pack (lessons)</source>
        <translation>Lượt bài đã dạy, theo gói bài học (lượt bài)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="45" />
        <source>People guided, by group (people)</source>
        <translation>Người được hướng dẫn, theo nhóm (người)</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="47" />
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="56" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="48" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="49" />
        <source>Hamlet</source>
        <translation>Thôn / tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="50" />
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="57" />
        <source>Lesson pack</source>
        <translation>Gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="51" />
        <source>Why eligible</source>
        <translation>Vì sao đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="53" />
        <source>What is missing</source>
        <translation>Còn thiếu gì</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="55" />
        <source>Serial</source>
        <translation>Số hiệu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="58" />
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="59" />
        <source>Printed</source>
        <translation>Đã in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="60" />
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="83" />
        <source>(consent withdrawn)</source>
        <translation>(đã rút lại sự đồng ý)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="84" />
        <source>printed</source>
        <translation>đã in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="85" />
        <source>not printed</source>
        <translation>chưa in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="86" />
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/models.py" line="87" />
        <source>valid</source>
        <translation>còn hiệu lực</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="223" />
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="226" />
        <location filename="../../volunteer_kit/ui/main_window.py" line="88" />
        <source>Certificates</source>
        <translation>Giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="227" />
        <source>&amp;Verify a certificate…</source>
        <translation>&amp;Xác minh giấy chứng nhận…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="229" />
        <source>Check a certificate from the text of its QR code, a photo, a scan or a PDF</source>
        <translation>Kiểm tra một giấy chứng nhận từ nội dung mã QR, ảnh chụp, bản quét hoặc tệp PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="231" />
        <source>&amp;Lesson pack:</source>
        <translation>Gói &amp;bài học:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="232" />
        <source>Ha&amp;mlet:</source>
        <translation>Thô&amp;n/tổ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="235" />
        <source>These learners attended every lesson of the pack, passed its quiz and its skill checks. Tick the ones to issue certificates to (Space ticks the chosen row).</source>
        <translation>Những người học này đã học đủ các bài của gói, đạt bài kiểm tra và các kỹ năng thực hành. Hãy đánh dấu những người sẽ được cấp giấy chứng nhận (phím Cách đánh dấu dòng đang chọn).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="240" />
        <source>These learners began a pack; each line says what is still missing.</source>
        <translation>Những người học này đã bắt đầu một gói bài học; mỗi dòng ghi rõ còn thiếu gì.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="244" />
        <source>Choose certificates to print or revoke (Ctrl or Shift for several). With none chosen, Print takes every certificate not printed yet.</source>
        <translation>Chọn giấy chứng nhận để in hoặc thu hồi (giữ Ctrl hoặc Shift để chọn nhiều). Nếu không chọn cái nào, nút In sẽ in mọi giấy chưa in.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="248" />
        <source>Select &amp;all</source>
        <translation>Đánh dấu cả danh &amp;sách</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="249" />
        <source>&amp;Clear ticks</source>
        <translation>Bỏ đánh dấ&amp;u</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="250" />
        <source>&amp;Issue certificates…</source>
        <translation>Cấ&amp;p giấy chứng nhận…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="251" />
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="252" />
        <source>Write the certificates into one PDF to print (A4 landscape)</source>
        <translation>Ghi các giấy chứng nhận vào một tệp PDF để in (khổ A4 nằm ngang)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="253" />
        <source>&amp;Revoke…</source>
        <translation>T&amp;hu hồi…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="254" />
        <source>Revoke the chosen certificate, giving the reason</source>
        <translation>Thu hồi giấy chứng nhận đang chọn, kèm lý do</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="255" />
        <source>Retire the si&amp;gning key…</source>
        <translation>Ngừng dùng khóa ký…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="258" />
        <source>Stop this laptop's signing key, or declare a key leaked when a laptop was lost or stolen</source>
        <translation>Ngừng dùng khóa ký của máy này, hoặc báo một khóa bị lộ khi máy bị mất hay bị đánh cắp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="263" />
        <source>Eligible learners: arrows to move, Space to tick</source>
        <translation>Người học đủ điều kiện: phím mũi tên để di chuyển, phím Cách để đánh dấu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="264" />
        <source>Learners not yet eligible</source>
        <translation>Người học chưa đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="265" />
        <source>Issued certificates</source>
        <translation>Giấy chứng nhận đã cấp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="286" />
        <source>All lesson packs</source>
        <translation>Tất cả gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="287" />
        <source>All hamlets</source>
        <translation>Tất cả thôn/tổ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="294" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="298" />
        <source>Certificates are issued, printed and revoked by the commune officer, on the officer's laptop. When a learner has finished a lesson pack, tell the officer. Anyone can verify a certificate here: press “Verify a certificate”.</source>
        <translation>Giấy chứng nhận do cán bộ xã cấp, in và thu hồi trên máy của cán bộ. Khi một người học đã hoàn thành gói bài học, hãy báo cho cán bộ xã. Ai cũng có thể xác minh một giấy chứng nhận tại đây: bấm “Xác minh giấy chứng nhận”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="306" />
        <source>A learner who attended every lesson of a pack, passed its quiz and its required skill checks can receive a certificate. Each certificate carries a signed QR code that anyone can verify.</source>
        <translation>Người học đã học đủ các bài của một gói, đạt bài kiểm tra và các kỹ năng thực hành bắt buộc thì được cấp giấy chứng nhận. Mỗi giấy có mã QR được ký số mà ai cũng xác minh được.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="315" />
        <source>&amp;Eligible (%n)</source>
        <translation>
            <numerusform>Đủ điều &amp;kiện (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="316" />
        <source>Not &amp;yet eligible (%n)</source>
        <translation>
            <numerusform>Chư&amp;a đủ điều kiện (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="317" />
        <source>Is&amp;sued (%n)</source>
        <translation>
            <numerusform>Đã &amp;cấp (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="351" />
        <source>Nobody here for this choice of pack and hamlet.</source>
        <translation>Không có ai với gói bài học và thôn/tổ đã chọn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="353" />
        <source>Show all packs and hamlets</source>
        <translation>Hiện mọi gói bài học và mọi thôn</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="355" />
        <source>Teach a lesson…</source>
        <translation>Dạy bài…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="359" />
        <source>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks. %n learner(s) are on the way.</source>
        <translation>
            <numerusform>Chưa ai hoàn thành gói bài học nào: người học được nhận giấy chứng nhận sau khi dự mọi bài của một gói, đạt bài kiểm tra và các kỹ năng thực hành. Có %n người học đang học dở.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="365" />
        <source>See what they still miss</source>
        <translation>Xem họ còn thiếu gì</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="371" />
        <source>Nobody has finished a lesson pack yet: a learner can receive a certificate after attending every lesson of a pack and passing its quiz and skill checks.</source>
        <translation>Chưa ai hoàn thành gói bài học nào: người học được nhận giấy chứng nhận sau khi dự mọi bài của một gói, đạt bài kiểm tra và các kỹ năng thực hành.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="379" />
        <source>No learner is part way through a lesson pack: they appear here after their first lesson.</source>
        <translation>Chưa có người học nào đang học dở một gói bài học: họ sẽ hiện ở đây sau bài học đầu tiên.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="387" />
        <source>No certificate has been issued yet; %n learner(s) can receive one.</source>
        <translation>
            <numerusform>Chưa cấp giấy chứng nhận nào; %n người học đủ điều kiện nhận.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="391" />
        <source>Issue them on the Eligible list</source>
        <translation>Cấp ở danh sách Đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="397" />
        <source>No certificate has been issued yet: they are issued here to learners who finished a lesson pack.</source>
        <translation>Chưa cấp giấy chứng nhận nào: giấy được cấp ở đây cho người học đã hoàn thành một gói bài học.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="493" />
        <source>Tick the learners to issue certificates to.</source>
        <translation>Hãy đánh dấu những người học sẽ được cấp giấy chứng nhận.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="501" />
        <source>Issuing…</source>
        <translation>Đang cấp…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="507" />
        <source>Issued %n certificate(s). They are in the list “Issued”, ready to print.</source>
        <translation>
            <numerusform>Đã cấp %n giấy chứng nhận. Các giấy nằm trong danh sách “Đã cấp”, sẵn sàng để in.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="515" />
        <source>No certificate was issued: %1</source>
        <translation>Chưa cấp giấy chứng nhận nào: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="533" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… và %n người khác</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="536" />
        <source>Issue certificates</source>
        <translation>Cấp giấy chứng nhận</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="538" />
        <source>Issue %n certificate(s)? Each is signed with this laptop's key and cannot be changed afterwards; a mistake is corrected by revoking it.</source>
        <translation>
            <numerusform>Cấp %n giấy chứng nhận? Mỗi giấy được ký bằng khóa của máy này và không sửa được về sau; nếu có sai sót thì thu hồi giấy đó.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="559" />
        <source>Save the certificates as a PDF</source>
        <translation>Lưu các giấy chứng nhận thành tệp PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="559" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="579" />
        <source>Revoked certificates are not printed.</source>
        <translation>Giấy chứng nhận đã thu hồi thì không in.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="583" />
        <source>Preparing the certificates…</source>
        <translation>Đang chuẩn bị các giấy chứng nhận…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="588" />
        <source>%n certificate(s) written to %1.</source>
        <translation>
            <numerusform>Đã ghi %n giấy chứng nhận vào %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="611" />
        <source>Writing certificate %1 of %2…</source>
        <translation>Đang ghi giấy chứng nhận %1 trên %2…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="261" />
        <source>Print the certificates</source>
        <translation>In giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="625" />
        <source>Choose one certificate in the list “Issued” to revoke.</source>
        <translation>Hãy chọn một giấy chứng nhận trong danh sách “Đã cấp” để thu hồi.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="629" />
        <source>Certificate %1 is already revoked.</source>
        <translation>Giấy chứng nhận %1 đã bị thu hồi trước đó.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="642" />
        <source>Certificate %1 was revoked.</source>
        <translation>Đã thu hồi giấy chứng nhận %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="648" />
        <source>Not revoked: %1</source>
        <translation>Chưa thu hồi được: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="663" />
        <source>There is no signing key to retire: this laptop makes its key when it issues its first certificate.</source>
        <translation>Chưa có khóa ký nào để ngừng dùng: máy này tạo khóa khi cấp giấy chứng nhận đầu tiên.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/page.py" line="689" />
        <source>The key was not retired: %1</source>
        <translation>Chưa ngừng dùng được khóa: %1</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../volunteer_kit/ui/reflow.py" line="271" />
        <source>Columns…</source>
        <translation>Cột…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/reflow.py" line="272" />
        <source>Choose which columns the list shows</source>
        <translation>Chọn những cột danh sách hiển thị</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="87" />
        <source>Volunteer Kit is locked.</source>
        <translation>Volunteer Kit đang khóa.</translation>
    </message>
</context>
<context>
    <name>EnrollBox</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="76" />
        <source>Enroll this laptop</source>
        <translation>Đăng ký máy này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="77" />
        <source>&amp;Hub address:</source>
        <translation>Địa chỉ &amp;máy chủ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="78" />
        <source>Enrollment &amp;code:</source>
        <translation>Mã đăng &amp;ký:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="79" />
        <source>&amp;Name of this laptop:</source>
        <translation>&amp;Tên máy này:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="80" />
        <source>Hub &amp;certificate (optional):</source>
        <translation>&amp;Chứng chỉ máy chủ (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="81" />
        <source>Certificate &amp;fingerprint:</source>
        <translation>&amp;Dấu vân tay chứng chỉ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="83" />
        <source>in the QR and the whole code already; or as the hub operator reads it out</source>
        <translation>đã có trong mã QR và cả mã ghi danh; hoặc nhập theo lời người quản lý máy chủ đọc</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="85" />
        <source>Allow an &amp;unencrypted connection (http)</source>
        <translation>Cho phép kết nối &amp;không mã hóa (http)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="87" />
        <source>Only if the hub operator says so: records would travel over the network unprotected.</source>
        <translation>Chỉ khi người quản lý máy chủ bảo vậy: bản ghi sẽ đi qua mạng mà không được bảo vệ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="89" />
        <source>e.g. Laptop of the Kim Lan team</source>
        <translation>ví dụ: Máy của tổ thôn Kim Lan</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="90" />
        <source>a .pem file, only if the commune's IT contact gave one</source>
        <translation>tệp .pem, chỉ khi cán bộ kỹ thuật của xã đưa cho</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="91" />
        <source>Read the code from a &amp;QR image…</source>
        <translation>Đọc mã từ ảnh &amp;QR…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="92" />
        <source>&amp;Enroll</source>
        <translation>&amp;Gửi đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="97" />
        <source>The enrollment QR image</source>
        <translation>Ảnh mã QR đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="97" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="107" />
        <source>Read the hub address and the code from the image.</source>
        <translation>Đã đọc địa chỉ máy chủ và mã đăng ký từ ảnh.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="136" />
        <source>Enter the hub address and the enrollment code.</source>
        <translation>Hãy nhập địa chỉ máy chủ và mã đăng ký.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="139" />
        <source>Enrolling…</source>
        <translation>Đang đăng ký…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync_enroll.py" line="148" />
        <source>Enrolled with the hub of %1 as %2.</source>
        <translation>Đã đăng ký với máy chủ của %1, vai trò %2.</translation>
    </message>
</context>
<context>
    <name>GroupQuizWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="160" />
        <source>Quiz: %1</source>
        <translation>Kiểm tra: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="208" />
        <source>▼ more below</source>
        <translation>▼ còn tiếp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="216" />
        <source>One learner at a time</source>
        <translation>Từng người một</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="218" />
        <source>Each learner answers every question in turn, on the big answer cards.</source>
        <translation>Lần lượt từng người trả lời hết các câu, trên các thẻ đáp án lớn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="338" />
        <source>Question %1 of %2</source>
        <translation>Câu %1 / %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="340" />
        <source> (choose all that apply)</source>
        <translation> (chọn tất cả ý đúng)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="357" />
        <source>Tick each learner's answers: the arrow keys move, %1 or Space ticks.</source>
        <translation>Đánh dấu các đáp án của từng người: phím mũi tên để di chuyển, phím %1 hoặc phím Cách để đánh dấu.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="360" />
        <source>Tick each learner's answer: the arrow keys move, %1 ticks and goes to the next learner.</source>
        <translation>Đánh dấu đáp án của từng người: phím mũi tên để di chuyển, phím %1 để đánh dấu và sang người tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="389" />
        <source>Check answer</source>
        <translation>Xem đáp án</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="475" />
        <source>Some learners have not chosen</source>
        <translation>Có người chưa chọn đáp án</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="476" />
        <source>%n learner(s) have not chosen — check anyway?</source>
        <translation>
            <numerusform>%n người chưa chọn — vẫn xem đáp án?</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="478" />
        <source>%1: this question counts as not right for them.</source>
        <translation>%1: câu này sẽ được tính là chưa đúng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="482" />
        <source>Check anyway</source>
        <translation>Vẫn xem đáp án</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="483" />
        <source>Go back and tick</source>
        <translation>Quay lại đánh dấu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="536" />
        <source>Right answers: %1.</source>
        <translation>Các đáp án đúng: %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="536" />
        <source>Right answer: %1.</source>
        <translation>Đáp án đúng: %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="544" />
        <source>See the result</source>
        <translation>Xem kết quả</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="544" />
        <source>Next question</source>
        <translation>Câu tiếp theo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="571" />
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="577" />
        <source>%1 of %2 right</source>
        <translation>Đúng %1 / %2 câu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="580" />
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="580" />
        <source>not passed yet</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="597" />
        <source>Pass mark: %1 %</source>
        <translation>Mức đạt: %1 %</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="599" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="618" />
        <source>Close the quiz?</source>
        <translation>Đóng bài kiểm tra?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="619" />
        <source>Close the quiz? The group's answers so far are not recorded.</source>
        <translation>Đóng bài kiểm tra? Các đáp án của nhóm từ đầu đến giờ sẽ không được ghi lại.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="620" />
        <source>Close the quiz</source>
        <translation>Đóng bài kiểm tra</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/group_quiz.py" line="621" />
        <source>Go on with the quiz</source>
        <translation>Tiếp tục làm bài</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="124" />
        <source>Choose a household in the list to see its people and visits.</source>
        <translation>Chọn một hộ trong danh sách để xem các thành viên và các lần đến hướng dẫn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="125" />
        <source>Add &amp;people…</source>
        <translation>Thêm &amp;người…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="126" />
        <source>Register more people of this household, with their consent</source>
        <translation>Đăng ký thêm người trong hộ này, kèm sự đồng ý của họ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="127" />
        <source>Household skills</source>
        <translation>Kỹ năng số của hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="149" />
        <source>(name erased)</source>
        <translation>(đã xóa tên)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="153" />
        <source>Digital household: all five skills shown ✓</source>
        <translation>Hộ gia đình số: đã có đủ năm kỹ năng ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="155" />
        <source>%1 of 5 household skills shown</source>
        <translation>Đã có %1/5 kỹ năng số của hộ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/households.py" line="158" />
        <source>People (%n)</source>
        <translation>
            <numerusform>Thành viên (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="162" />
        <source>(consent withdrawn: identifying data erased)</source>
        <translation>(đã rút lại đồng ý: thông tin nhận dạng đã bị xóa)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="165" />
        <source>consent given by %1</source>
        <translation>%1 đồng ý thay</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="167" />
        <source>consent given</source>
        <translation>đã đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="169" />
        <source>no consent recorded</source>
        <translation>chưa ghi nhận sự đồng ý</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/households.py" line="179" />
        <source>Visits and sessions (%n)</source>
        <translation>
            <numerusform>Các lần hướng dẫn (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="189" />
        <source>Not visited yet</source>
        <translation>Chưa đến hướng dẫn lần nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="198" />
        <source>shown by %1</source>
        <translation>%1 đã làm được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="200" />
        <source>not yet</source>
        <translation>chưa làm được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="202" />
        <source>not yet (no lesson pack on this laptop teaches it)</source>
        <translation>chưa có (máy này chưa có gói bài học nào dạy kỹ năng này)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="207" />
        <source>A skill counts as shown when a member did every required skill check of a lesson pack that teaches it, by themselves</source>
        <translation>Một kỹ năng được tính khi có thành viên tự làm được mọi bài thực hành bắt buộc của một gói bài học dạy kỹ năng đó</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="81" />
        <source>Register a household</source>
        <translation>Đăng ký hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="81" />
        <source>Add people</source>
        <translation>Thêm người</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="85" />
        <source>A new household</source>
        <translation>Hộ gia đình mới</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="87" />
        <source>New people in the household of %1</source>
        <translation>Thêm người vào hộ %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="98" />
        <source>e.g. Thôn Đông</source>
        <translation>ví dụ: Thôn Đông</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="100" />
        <source>House number, lane, or how to find it</source>
        <translation>Số nhà, ngõ, hoặc cách tìm đến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="101" />
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="103" />
        <source>&amp;Hamlet or residential group:</source>
        <translation>&amp;Thôn, tổ dân phố:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="104" />
        <source>A&amp;ddress:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="109" />
        <source>e.g. Nguyễn Thị Hoa</source>
        <translation>ví dụ: Nguyễn Thị Hoa</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="112" />
        <source>e.g. 1958</source>
        <translation>ví dụ: 1958</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="118" />
        <source>optional, e.g. 0912 345 678</source>
        <translation>không bắt buộc, ví dụ: 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="125" />
        <source>The person agrees &amp;themselves</source>
        <translation>Người này tự đồng &amp;ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="127" />
        <source>A &amp;representative agrees for them (a child, or someone who cannot)</source>
        <translation>Người đại &amp;diện đồng ý thay (trẻ em, hoặc người không tự đồng ý được)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="134" />
        <source>Name of the representative</source>
        <translation>Họ tên người đại diện</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="138" />
        <source>&amp;Add to the list</source>
        <translation>Thêm &amp;vào danh sách</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="139" />
        <source>Enter in the name field does the same</source>
        <translation>Nhấn Enter ở ô họ tên cũng được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="145" />
        <source>A person</source>
        <translation>Một người</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="148" />
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="149" />
        <source>&amp;Birth year:</source>
        <translation>&amp;Năm sinh:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="150" />
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="151" />
        <source>&amp;Phone:</source>
        <translation>Đ&amp;iện thoại:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="152" />
        <source>Groups:</source>
        <translation>Nhóm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="157" />
        <source>Consent:</source>
        <translation>Sự đồng ý:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="171" />
        <source>Consent text</source>
        <translation>Nội dung đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="173" />
        <source>Read this aloud before recording (version %1)</source>
        <translation>Đọc to nội dung này trước khi ghi (phiên bản %1)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="185" />
        <source>Remo&amp;ve from the list</source>
        <translation>&amp;Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="201" />
        <source>Save the household and everyone on the list (Ctrl+S)</source>
        <translation>Lưu hộ gia đình và mọi người trong danh sách (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="255" />
        <source>The birth year is four digits, e.g. 1958.</source>
        <translation>Năm sinh gồm bốn chữ số, ví dụ 1958.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="302" />
        <source>consent: %1 for them</source>
        <translation>đồng ý: %1 đồng ý thay</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="304" />
        <source>consent: themselves</source>
        <translation>đồng ý: tự đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="312" />
        <source>%1 · already registered, joins as they are</source>
        <translation>%1 · đã đăng ký, vào hộ với hồ sơ sẵn có</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="317" />
        <source>On the &amp;list (%n)</source>
        <translation>
            <numerusform>Danh &amp;sách (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="329" />
        <source>Add at least one person.</source>
        <translation>Hãy thêm ít nhất một người.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="332" />
        <source>Choose the hamlet or residential group.</source>
        <translation>Hãy chọn thôn, tổ dân phố.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="336" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="399" />
        <source>Already registered?</source>
        <translation>Đã đăng ký rồi?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="400" />
        <source>These people look already registered:

%1</source>
        <translation>Những người này có vẻ đã được đăng ký:

%1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="401" />
        <source>&amp;Use the registered records</source>
        <translation>&amp;Dùng hồ sơ đã có</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="402" />
        <source>They are &amp;different people</source>
        <translation>Đây là &amp;người khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/household_dialog.py" line="403" />
        <source>&amp;Go back</source>
        <translation>&amp;Quay lại</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="70" />
        <location filename="../../volunteer_kit/ui/pages/households.py" line="299" />
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="302" />
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="303" />
        <source>Head of household or address; accents optional</source>
        <translation>Tên chủ hộ hoặc địa chỉ; gõ dấu hay không đều được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="305" />
        <source>Search households</source>
        <translation>Tìm hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="306" />
        <source>&amp;Hamlet:</source>
        <translation>T&amp;hôn/tổ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="307" />
        <location filename="../../volunteer_kit/ui/pages/households.py" line="325" />
        <source>&amp;Register household…</source>
        <translation>Đăng &amp;ký hộ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="309" />
        <source>A new household and its people, with their consent (Ctrl+N)</source>
        <translation>Hộ gia đình mới cùng các thành viên, kèm sự đồng ý của họ (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="313" />
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="314" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="315" />
        <source>Hamlet</source>
        <translation>Thôn / tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="316" />
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="317" />
        <source>Visits</source>
        <translation>Số lượt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="318" />
        <source>Skills</source>
        <translation>Kỹ năng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="324" />
        <source>&amp;Clear the search</source>
        <translation>&amp;Xóa tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="341" />
        <source>All hamlets</source>
        <translation>Tất cả thôn/tổ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="393" />
        <source>(name erased)</source>
        <translation>(đã xóa tên)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="410" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/households.py" line="414" />
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n hộ</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="416" />
        <source>%1 digital household(s) (all five skills)</source>
        <translation>%1 hộ gia đình số (đủ năm kỹ năng)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="421" />
        <source>showing the first %1: choose a hamlet or search</source>
        <translation>đang hiện %1 hộ đầu: hãy chọn thôn hoặc tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="441" />
        <source>No household in this hamlet has a head or address matching “%1”.</source>
        <translation>Không có hộ nào ở thôn/tổ này có chủ hộ hay địa chỉ khớp với “%1”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="445" />
        <source>No household has a head or address matching “%1”.</source>
        <translation>Không có hộ nào có chủ hộ hay địa chỉ khớp với “%1”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="447" />
        <source>No household is registered in this hamlet yet.</source>
        <translation>Thôn/tổ này chưa có hộ nào được đăng ký.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/households.py" line="449" />
        <source>No household is registered yet.</source>
        <translation>Chưa có hộ nào được đăng ký.</translation>
    </message>
</context>
<context>
    <name>ImportLearnersDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="46" />
        <source>&amp;Full name (required):</source>
        <translation>&amp;Họ và tên (bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="47" />
        <source>Birth &amp;year:</source>
        <translation>Năm &amp;sinh:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="48" />
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="49" />
        <source>&amp;Phone:</source>
        <translation>Đ&amp;iện thoại:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="50" />
        <source>H&amp;amlet / residential group:</source>
        <translation>&amp;Thôn / tổ dân phố:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="51" />
        <source>G&amp;roups:</source>
        <translation>Nhó&amp;m:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="52" />
        <source>C&amp;onsent (Có / Không):</source>
        <translation>Đồ&amp;ng ý (Có / Không):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="247" />
        <source>Import a list of learners</source>
        <translation>Nhập danh sách người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="250" />
        <source>Choose the commune's list of people: an Excel workbook (.xlsx) or a CSV file (Excel's "CSV UTF-8" or plain "CSV"). The first row must hold the column names, one person per row below it. Nothing is saved until you press Import.</source>
        <translation>Chọn danh sách người dân của xã: tệp Excel (.xlsx) hoặc tệp CSV ("CSV UTF-8" hay "CSV" thường của Excel đều được). Dòng đầu tiên phải là tên các cột, bên dưới mỗi dòng là một người. Chưa có gì được lưu cho đến khi bạn bấm Nhập.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="255" />
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="258" />
        <source>Which column of the file holds what? The choices were guessed from the column names; change any that are wrong. Every row is checked again after each change.</source>
        <translation>Cột nào trong tệp chứa thông tin gì? Các lựa chọn được đoán theo tên cột; hãy sửa nếu chưa đúng. Sau mỗi lần sửa, mọi dòng được kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="264" />
        <source>Show only the &amp;refused rows</source>
        <translation>Chỉ hiện các dòng &amp;bị từ chối</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="265" />
        <source>Consent was collected on &amp;paper for every person on this list</source>
        <translation>Đã thu &amp;phiếu đồng ý bằng giấy của tất cả mọi người trong danh sách này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="266" />
        <source>&amp;Save report…</source>
        <translation>&amp;Lưu báo cáo…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="267" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="268" />
        <source>&amp;Next &gt;</source>
        <translation>Tiếp t&amp;ục &gt;</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="269" />
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="281" />
        <source>Choose the list</source>
        <translation>Chọn danh sách</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="282" />
        <source>Which column holds what?</source>
        <translation>Cột nào chứa thông tin gì?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="283" />
        <source>Check before importing</source>
        <translation>Kiểm tra trước khi nhập</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="284" />
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="287" />
        <source>Step %1 of %2</source>
        <translation>Bước %1 / %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="288" />
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="288" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="315" />
        <source>Choose a list of learners</source>
        <translation>Chọn danh sách người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="317" />
        <source>Lists of people (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>Danh sách người (*.csv *.xlsx);;Tệp CSV (*.csv);;Tệp Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="350" />
        <source>%n row(s) below the column names</source>
        <translation>
            <numerusform>%n dòng dưới tên cột</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="351" />
        <source>File: %1 · %2</source>
        <translation>Tệp: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="359" />
        <source>(not in the file)</source>
        <translation>(không có trong tệp)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="361" />
        <source>Column %1</source>
        <translation>Cột %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="371" />
        <source>e.g. %1</source>
        <translation>ví dụ: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="391" />
        <source>Choose the column that holds the full name: it was not recognised.</source>
        <translation>Không nhận ra cột họ và tên: hãy chọn cột chứa họ và tên.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="396" />
        <source>The column '%1' is chosen for two fields; each column holds one.</source>
        <translation>Cột '%1' đang được chọn cho hai mục; mỗi cột chỉ dùng cho một mục.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="427" />
        <source>Checking every row…</source>
        <translation>Đang kiểm tra từng dòng…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="472" />
        <source>%n row(s) will be imported</source>
        <translation>
            <numerusform>%n dòng sẽ được nhập</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="473" />
        <source>%n row(s) refused</source>
        <translation>
            <numerusform>%n dòng bị từ chối</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="482" />
        <source>Consent: the list's consent column says who agreed; a row that does not say Có (yes) is refused.</source>
        <translation>Đồng ý: cột đồng ý của danh sách cho biết ai đã đồng ý; dòng nào không ghi Có sẽ bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="489" />
        <source>Consent: this list has no consent column. Import it only if the commune collected written consent from every person on it; otherwise go back and choose the consent column.</source>
        <translation>Đồng ý: danh sách này không có cột đồng ý. Chỉ nhập khi xã đã thu phiếu đồng ý bằng giấy của từng người trong danh sách; nếu không, hãy quay lại và chọn cột đồng ý.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="498" />
        <source>The rows have not been checked yet.</source>
        <translation>Các dòng chưa được kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="500" />
        <source>No row can be imported.</source>
        <translation>Không có dòng nào nhập được.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="502" />
        <source>Confirm that consent was collected, or choose the consent column.</source>
        <translation>Hãy xác nhận đã thu phiếu đồng ý, hoặc chọn cột đồng ý.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="535" />
        <source>%n learner(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n người học.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="537" />
        <source>%n row(s) not imported:</source>
        <translation>
            <numerusform>%n dòng không được nhập:</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="514" />
        <source>Nothing was imported: %1</source>
        <translation>Chưa nhập gì: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="556" />
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="557" />
        <source>%1 - not imported.csv</source>
        <translation>%1 - không nhập được.csv</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="558" />
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="565" />
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="565" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="565" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/dialog.py" line="570" />
        <source>Report saved: %1</source>
        <translation>Đã lưu báo cáo: %1</translation>
    </message>
</context>
<context>
    <name>LearnerDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Lives in</source>
        <translation>Nơi ở</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="245" />
        <source>Consent</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="249" />
        <source>Choose a learner in the list to see their record.</source>
        <translation>Chọn một người học trong danh sách để xem hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="250" />
        <source>&amp;Merge a duplicate…</source>
        <translation>&amp;Gộp hồ sơ trùng…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="253" />
        <source>The same person was registered twice: move the other record's sessions and results here and close it (commune officers)</source>
        <translation>Một người bị đăng ký hai lần: chuyển các buổi học và kết quả của hồ sơ kia về đây rồi đóng hồ sơ kia (dành cho cán bộ xã)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="257" />
        <source>&amp;Withdraw consent…</source>
        <translation>&amp;Rút lại đồng ý…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="260" />
        <source>The person no longer agrees: erase their name, birth year and phone; only anonymous counts remain</source>
        <translation>Người học không còn đồng ý: xóa họ tên, năm sinh và số điện thoại; chỉ giữ số liệu ẩn danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="294" />
        <source>given %1 (text version %2)</source>
        <translation>đã đồng ý ngày %1 (văn bản phiên bản %2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="298" />
        <source>not recorded</source>
        <translation>chưa ghi nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="301" />
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="309" />
        <source>Sessions (%n)</source>
        <translation>
            <numerusform>Buổi học (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="312" />
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="312" />
        <source>absent</source>
        <translation>vắng</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="315" />
        <source>Quiz attempts (%n)</source>
        <translation>
            <numerusform>Bài kiểm tra (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="318" />
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="318" />
        <source>not passed</source>
        <translation>chưa đạt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="323" />
        <source>Skill checks (%n)</source>
        <translation>
            <numerusform>Kỹ năng thực hành (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="326" />
        <source>done unaided</source>
        <translation>tự làm được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="326" />
        <source>not yet</source>
        <translation>chưa làm được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="334" />
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="341" />
        <source> (not verified)</source>
        <translation> (chưa xác minh)</translation>
    </message>
</context>
<context>
    <name>LearnersModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="33" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="34" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="35" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="36" />
        <source>Hamlet</source>
        <translation>Thôn / tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="37" />
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learners_model.py" line="38" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
<context>
    <name>LearnersPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="76" />
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="455" />
        <source>Learners</source>
        <translation>Người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="458" />
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="459" />
        <source>Name; accents optional, e.g. nguyen thi hang</source>
        <translation>Gõ tên, có dấu hay không dấu đều được, ví dụ: nguyen thi hang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="461" />
        <source>Search learners by name</source>
        <translation>Tìm người học theo tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="462" />
        <source>&amp;Hamlet:</source>
        <translation>T&amp;hôn/tổ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="463" />
        <source>&amp;Group:</source>
        <translation>&amp;Nhóm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="464" />
        <source>Import &amp;list…</source>
        <translation>Nhập &amp;danh sách…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="465" />
        <source>Add the people of a commune list (Excel .xlsx or CSV)</source>
        <translation>Thêm những người trong danh sách của xã (tệp Excel .xlsx hoặc CSV)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="470" />
        <source>&amp;Clear the search</source>
        <translation>&amp;Xóa tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="471" />
        <source>&amp;Add a learner…</source>
        <translation>Thê&amp;m người học…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="473" />
        <source>Register the person with their household, with their consent</source>
        <translation>Đăng ký người này cùng hộ gia đình, kèm sự đồng ý của họ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="483" />
        <source>All hamlets</source>
        <translation>Tất cả thôn/tổ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="486" />
        <source>All groups</source>
        <translation>Tất cả nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="555" />
        <source>Nobody named “%1” in the chosen hamlet and group.</source>
        <translation>Không tìm thấy ai tên “%1” ở thôn/tổ và nhóm đã chọn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="557" />
        <source>Nobody named “%1” is registered.</source>
        <translation>Không tìm thấy ai tên “%1”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="559" />
        <source>Nobody in the chosen hamlet and group.</source>
        <translation>Không có ai ở thôn/tổ và nhóm đã chọn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="561" />
        <source>No learners registered yet.</source>
        <translation>Chưa có người học nào được đăng ký.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="592" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="594" />
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n người học</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="626" />
        <source>Consent withdrawn: %1's name, birth year and phone were erased.</source>
        <translation>Đã rút lại đồng ý: họ tên, năm sinh và số điện thoại của %1 đã được xóa.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="653" />
        <source>Merged: %n record(s) of %1 moved here; the other record is closed.</source>
        <translation>
            <numerusform>Đã gộp: %n bản ghi của %1 đã chuyển về đây; hồ sơ kia đã đóng.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="679" />
        <source>Merge a duplicate into %1</source>
        <translation>Gộp hồ sơ trùng vào hồ sơ của %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="681" />
        <source>Choose the other record of the same person. Its sessions, quiz results and skill checks move to this record, and it is closed. The merge is recorded and syncs.</source>
        <translation>Chọn hồ sơ còn lại của cùng một người. Các buổi học, kết quả kiểm tra và kỹ năng thực hành của hồ sơ đó sẽ chuyển về hồ sơ này, rồi hồ sơ đó được đóng. Việc gộp được ghi lại và đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="684" />
        <source>&amp;Merge…</source>
        <translation>&amp;Gộp…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="686" />
        <source>(this record)</source>
        <translation>(hồ sơ này)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="700" />
        <source>Merge two records</source>
        <translation>Gộp hai hồ sơ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="702" />
        <source>Keep:
%1

Merge into it and close:
%2

This is recorded and cannot be undone here.</source>
        <translation>Giữ lại:
%1

Gộp vào và đóng:
%2

Việc này được ghi lại và không hoàn tác được tại đây.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="714" />
        <source>Withdraw consent</source>
        <translation>Rút lại đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="716" />
        <source>%1 no longer agrees to be recorded?

Their name, birth year and phone will be erased everywhere; the sessions they attended stay only as anonymous counts. This cannot be undone.</source>
        <translation>%1 không còn đồng ý được ghi thông tin?

Họ tên, năm sinh và số điện thoại sẽ bị xóa ở mọi nơi; các buổi học đã dự chỉ còn là số liệu ẩn danh. Không thể hoàn tác.</translation>
    </message>
</context>
<context>
    <name>LessonsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="40" />
        <source>bundled with the app</source>
        <translation>kèm theo ứng dụng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="41" />
        <source>signed by a trusted publisher</source>
        <translation>đã ký bởi nhà phát hành tin cậy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="42" />
        <source>NOT SIGNED: check where it came from</source>
        <translation>CHƯA KÝ: hãy kiểm tra nguồn gốc</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="43" />
        <source>UNKNOWN PUBLISHER: check where it came from</source>
        <translation>NHÀ PHÁT HÀNH LẠ: hãy kiểm tra nguồn gốc</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="100" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="131" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="134" />
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="153" />
        <source>Lessons</source>
        <translation>Bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="135" />
        <source>&amp;Import pack…</source>
        <translation>&amp;Nhập gói bài học…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="137" />
        <source>Add a lesson pack from a file (.vkpack), e.g. from a USB stick</source>
        <translation>Thêm gói bài học từ tệp (.vkpack), ví dụ từ USB</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="139" />
        <source>&amp;Teach this lesson</source>
        <translation>&amp;Dạy bài này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="141" />
        <source>Start a session: who is present, the lesson, the quiz, the skill checks</source>
        <translation>Mở buổi học: điểm danh, dạy bài, kiểm tra, kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="143" />
        <source>&amp;Preview</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="145" />
        <source>Show the lesson in teaching mode without recording a session</source>
        <translation>Trình chiếu bài học mà không ghi nhận buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="147" />
        <source>Local &amp;names…</source>
        <translation>&amp;Tên địa phương…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="150" />
        <source>Your province's app, your commune's page and phone number, as learners see them in this pack</source>
        <translation>Ứng dụng của tỉnh, trang và số điện thoại của xã, như người học thấy trong gói bài học này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="154" />
        <source>Practical skill checks</source>
        <translation>Kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="157" />
        <source>No lesson pack on this laptop yet. Import one from a file (.vkpack, e.g. on a USB stick); the commune's packs also arrive when this laptop syncs with the hub.</source>
        <translation>Máy này chưa có gói bài học nào. Hãy nhập một gói từ tệp (.vkpack, ví dụ trên USB); các gói bài học của xã cũng tự về khi máy đồng bộ với máy chủ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="160" />
        <source>Import a pack…</source>
        <translation>Nhập gói bài học…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="217" />
        <source>No lesson packs yet</source>
        <translation>Chưa có gói bài học nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="226" />
        <source>Version %1 · about %2 minutes · %3 quiz questions</source>
        <translation>Phiên bản %1 · khoảng %2 phút · %3 câu hỏi kiểm tra</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="230" />
        <source>Competencies: %1</source>
        <translation>Năng lực: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="234" />
        <source>Publisher: %1 (%2)</source>
        <translation>Nhà phát hành: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="241" />
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n bước</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="246" />
        <source> (optional)</source>
        <translation> (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>basic</source>
        <translation>cơ bản</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>intermediate</source>
        <translation>trung cấp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>advanced</source>
        <translation>nâng cao</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="255" />
        <source>specialised</source>
        <translation>chuyên sâu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="257" />
        <source>Digital competency level: %1, step %2 of 8 (Circular 02/2025)</source>
        <translation>Mức năng lực số: %1, bậc %2/8 (Thông tư 02/2025)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="323" />
        <source>Import a lesson pack</source>
        <translation>Nhập gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="323" />
        <source>Lesson packs (*.vkpack)</source>
        <translation>Gói bài học (*.vkpack)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="333" />
        <source>Checking and importing %1…</source>
        <translation>Đang kiểm tra và nhập %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="371" />
        <source>Pack not verified</source>
        <translation>Gói chưa được xác minh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/lessons.py" line="372" />
        <source>%1

Import it anyway? It will be marked as not verified everywhere it shows.</source>
        <translation>%1

Vẫn nhập? Gói sẽ được đánh dấu là chưa xác minh ở mọi nơi nó hiện ra.</translation>
    </message>
</context>
<context>
    <name>ListRowsModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="36" />
        <source>Line</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="37" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="38" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="39" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="40" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="41" />
        <source>Hamlet</source>
        <translation>Thôn / tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="42" />
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="43" />
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="44" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_import/rows_model.py" line="109" />
        <source>will be imported</source>
        <translation>sẽ được nhập</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="210" />
        <source>Volunteer Kit — locked</source>
        <translation>Volunteer Kit — đang khóa</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="211" />
        <source>Volunteer Kit is locked</source>
        <translation>Volunteer Kit đang khóa</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="212" />
        <source>Type your &amp;PIN to open it:</source>
        <translation>Nhập &amp;mã PIN để mở:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="213" />
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="214" />
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="215" />
        <source>&amp;Close Volunteer Kit</source>
        <translation>Đó&amp;ng Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="218" />
        <source>Forgot the PIN? Your IT contact can remove it from the data folder; your records stay as they are.</source>
        <translation>Quên mã PIN? Cán bộ kỹ thuật có thể xóa mã trong thư mục dữ liệu; dữ liệu của bạn vẫn còn nguyên.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="244" />
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="258" />
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>Mã PIN không đúng. Thử lại sau %1 giây.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="260" />
        <source>Too many wrong tries. Try again in %1 s.</source>
        <translation>Đã nhập sai nhiều lần. Thử lại sau %1 giây.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pin_lock.py" line="266" />
        <source>Wrong PIN. Try again.</source>
        <translation>Mã PIN không đúng. Hãy thử lại.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="225" />
        <source>Volunteer Kit — Digital Education for All</source>
        <translation>Volunteer Kit — Bình dân học vụ số</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="230" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="232" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="233" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="234" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="235" />
        <source>&amp;About Volunteer Kit</source>
        <translation>&amp;Giới thiệu Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="244" />
        <source>Offline</source>
        <translation>Ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="244" />
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="247" />
        <source>This laptop is not enrolled with a commune hub yet; everything is kept here until it syncs.</source>
        <translation>Máy này chưa đăng ký với máy chủ của xã; mọi dữ liệu được giữ ở đây cho đến khi đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="239" />
        <source>Opening your records…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="250" />
        <source>The commune hub can be reached: records sync by themselves.</source>
        <translation>Kết nối được máy chủ của xã: bản ghi tự đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="252" />
        <source>The commune hub cannot be reached now; records wait here and go when it can.</source>
        <translation>Hiện chưa kết nối được máy chủ của xã; bản ghi được giữ ở đây và sẽ gửi khi kết nối được.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="260" />
        <source>Waiting to sync: %1</source>
        <translation>Chờ đồng bộ: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="447" />
        <source>About Volunteer Kit</source>
        <translation>Giới thiệu Volunteer Kit</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="449" />
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first toolkit for the volunteers of “Bình dân học vụ số” (Digital Education for All).&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later. Fonts: Noto Sans, SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Data folder: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Bộ công cụ làm việc không cần mạng cho tình nguyện viên phong trào “Bình dân học vụ số”.&lt;/p&gt;&lt;p&gt;Giấy phép: GPL-3.0 trở lên. Phông chữ: Noto Sans, giấy phép SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Thư mục dữ liệu: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PackFieldsDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="45" />
        <source>Local names: %1</source>
        <translation>Tên địa phương: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="48" />
        <source>Fill in the names of your commune and province. Learners see them in the lessons and the quiz; an empty box keeps the pack's own words (shown in grey).</source>
        <translation>Điền tên của xã và tỉnh mình. Người học sẽ thấy các tên này trong bài học và bài kiểm tra; ô để trống thì giữ lời của gói bài học (chữ màu xám).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="82" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pack_fields.py" line="83" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>PickLearnerDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/learner_picker.py" line="67" />
        <source>Name; accents optional, e.g. nguyen thi hang</source>
        <translation>Gõ tên, có dấu hay không dấu đều được, ví dụ: nguyen thi hang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/learner_picker.py" line="69" />
        <source>&amp;Find learners:</source>
        <translation>&amp;Tìm người học:</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="88" />
        <source>Set a PIN</source>
        <translation>Đặt mã PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="89" />
        <source>Change the PIN</source>
        <translation>Đổi mã PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="90" />
        <source>Remove the PIN</source>
        <translation>Bỏ mã PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="95" />
        <source>Without a PIN, anyone who opens this laptop sees the learners' records.</source>
        <translation>Không có mã PIN, ai mở máy này cũng xem được hồ sơ người học.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="100" />
        <source>%1 to %2 digits. The window asks for it when it opens and after some minutes without use. Keep it to yourself; if you forget it, your IT contact can remove it.</source>
        <translation>Gồm %1 đến %2 chữ số. Cửa sổ hỏi mã khi mở và sau vài phút không dùng. Hãy giữ mã cho riêng mình; nếu quên, cán bộ kỹ thuật có thể xóa mã.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="106" />
        <source>&amp;Current PIN:</source>
        <translation>Mã PIN &amp;hiện tại:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="107" />
        <source>&amp;New PIN:</source>
        <translation>Mã PIN &amp;mới:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="108" />
        <source>New PIN &amp;again:</source>
        <translation>&amp;Nhập lại mã PIN mới:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="110" />
        <source>&amp;Remove the PIN</source>
        <translation>&amp;Bỏ mã PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="110" />
        <source>&amp;Save the PIN</source>
        <translation>&amp;Lưu mã PIN</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="116" />
        <source>Type the current PIN.</source>
        <translation>Hãy nhập mã PIN hiện tại.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="127" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
</context>
<context>
    <name>PinSection</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="199" />
        <source>PIN to open the app</source>
        <translation>Mã PIN mở ứng dụng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="200" />
        <source>Set a &amp;PIN…</source>
        <translation>Đặt &amp;mã PIN…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="201" />
        <source>C&amp;hange the PIN…</source>
        <translation>Đổ&amp;i mã PIN…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="202" />
        <source>Remo&amp;ve the PIN…</source>
        <translation>&amp;Bỏ mã PIN…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="203" />
        <source>&amp;Lock after:</source>
        <translation>&amp;Khóa sau:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="205" />
        <source>%1 minutes without use</source>
        <translation>%1 phút không dùng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="225" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="229" />
        <source>A PIN is set: the window asks for it when it opens and after %1 minutes without use.</source>
        <translation>Đã đặt mã PIN: cửa sổ hỏi mã khi mở và sau %1 phút không dùng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="235" />
        <source>No PIN: anyone who opens this laptop sees the learners' records. Set one if the laptop goes with you.</source>
        <translation>Chưa có mã PIN: ai mở máy này cũng xem được hồ sơ người học. Hãy đặt mã nếu bạn mang máy theo người.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="257" />
        <source>PIN set.</source>
        <translation>Đã đặt mã PIN.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="258" />
        <source>PIN changed.</source>
        <translation>Đã đổi mã PIN.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="259" />
        <source>PIN removed.</source>
        <translation>Đã bỏ mã PIN.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings_pin.py" line="267" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="247" />
        <source>Teaching: %1</source>
        <translation>Đang dạy: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="248" />
        <source>◀  Back</source>
        <translation>◀  Quay lại</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="249" />
        <location filename="../../volunteer_kit/ui/presenter.py" line="419" />
        <source>Next  ▶</source>
        <translation>Tiếp  ▶</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="250" />
        <source>Notes (N)</source>
        <translation>Ghi chú (N)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="251" />
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="252" />
        <source>Step %v of %m</source>
        <translation>Bước %v / %m</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="253" />
        <source>▼ more below</source>
        <translation>▼ còn tiếp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="407" />
        <source>  ⚠ pack not verified</source>
        <translation>  ⚠ gói chưa xác minh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="411" />
        <source>No notes for this step.</source>
        <translation>Bước này không có ghi chú.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/presenter.py" line="419" />
        <source>Finish  ✓</source>
        <translation>Xong  ✓</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="106" />
        <source>Ca&amp;ncel</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="107" />
        <source>&amp;Open the PDF</source>
        <translation>&amp;Mở tệp PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="108" />
        <source>Send to a prin&amp;ter…</source>
        <translation>In &amp;ra máy in…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="134" />
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="154" />
        <source>No program to show PDF files was found; the file is %1.</source>
        <translation>Không tìm thấy chương trình mở tệp PDF; tệp nằm ở %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="176" />
        <source>Sending to the printer…</source>
        <translation>Đang gửi tới máy in…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/printing.py" line="179" />
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang tới máy in.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/printing.py" line="183" />
        <source>Not printed: %1</source>
        <translation>Chưa in được: %1</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="95" />
        <source>No lessons yet.</source>
        <translation>Chưa học bài nào.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="103" />
        <source>quiz %1% (passed)</source>
        <translation>kiểm tra %1% (đạt)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="103" />
        <source>quiz %1% (not passed)</source>
        <translation>kiểm tra %1% (chưa đạt)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="107" />
        <source>quiz not taken</source>
        <translation>chưa làm bài kiểm tra</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>complete ✓</source>
        <translation>đã hoàn thành ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="109" />
        <source>in progress</source>
        <translation>đang học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="111" />
        <source>%1: %2 of %3 lessons · %4 · skill checks %5 of %6 · %7</source>
        <translation>%1: %2/%3 bài · %4 · kỹ năng %5/%6 · %7</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="121" />
        <source>%1 · skill checks %2 of %3</source>
        <translation>%1 · kỹ năng thực hành %2/%3</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="130" />
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="131" />
        <source>Competencies:</source>
        <translation>Năng lực:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="140" />
        <source>reached</source>
        <translation>đã đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="140" />
        <source>under way</source>
        <translation>đang học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="169" />
        <source>%1/%2 lessons</source>
        <translation>%1/%2 bài</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="174" />
        <source>Complete ✓</source>
        <translation>Hoàn thành ✓</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/learners.py" line="174" />
        <source>In progress</source>
        <translation>Đang học</translation>
    </message>
</context>
<context>
    <name>QuizWindow</name>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="240" />
        <source>Quiz: %1</source>
        <translation>Kiểm tra: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="331" />
        <source>Learner: %1</source>
        <translation>Người học: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="333" />
        <source>Question %1 of %2</source>
        <translation>Câu %1 / %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="337" />
        <source> (choose all that apply)</source>
        <translation> (chọn tất cả ý đúng)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="355" />
        <source>Check answer</source>
        <translation>Xem đáp án</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="387" />
        <source>Choose an answer first.</source>
        <translation>Hãy chọn một đáp án trước.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="394" />
        <source>Right!</source>
        <translation>Đúng rồi!</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="394" />
        <source>Not quite.</source>
        <translation>Chưa đúng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="397" />
        <source>See the result</source>
        <translation>Xem kết quả</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="397" />
        <source>Next question</source>
        <translation>Câu tiếp theo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="427" />
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="427" />
        <source>not passed yet</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/quiz.py" line="429" />
        <source>%1 got %2 of %3 right: %4. Now %5.</source>
        <translation>%1 trả lời đúng %2/%3 câu: %4. Đến lượt %5.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="94" />
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="171" />
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="174" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="175" />
        <source>&amp;Enroll this laptop on the Sync page…</source>
        <translation>Đăng &amp;ký máy này ở trang Đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="176" />
        <source>Fro&amp;m:</source>
        <translation>Từ &amp;ngày:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="177" />
        <source>&amp;To:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="178" />
        <source>H&amp;amlet:</source>
        <translation>T&amp;hôn/tổ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="179" />
        <source>&amp;Volunteer:</source>
        <translation>Tình nguyện &amp;viên:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="180" />
        <source>First day of the report</source>
        <translation>Ngày đầu của báo cáo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="181" />
        <source>Last day of the report</source>
        <translation>Ngày cuối của báo cáo</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="182" />
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="183" />
        <source>Count the figures for these days</source>
        <translation>Tính số liệu cho những ngày này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="184" />
        <source>Export &amp;XLSX…</source>
        <translation>Xuất &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="185" />
        <source>Save these figures as an Excel workbook</source>
        <translation>Lưu các số liệu này thành tệp Excel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="186" />
        <source>Export &amp;PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="187" />
        <source>Save these figures as a PDF to print or send</source>
        <translation>Lưu các số liệu này thành tệp PDF để in hoặc gửi đi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="188" />
        <source>Working…</source>
        <translation>Đang làm…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="196" />
        <source>Whole commune</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="197" />
        <source>All volunteers</source>
        <translation>Tất cả tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="222" />
        <source>Reports are for commune officers and trainers: they count the people guided, lessons taught and skills passed in the commune, to send upward. To make one, enroll this laptop with an officer or trainer enrollment code from the hub operator (Sync page).</source>
        <translation>Báo cáo dành cho cán bộ xã và giảng viên: báo cáo đếm số người được hướng dẫn, số bài đã dạy và kỹ năng đã đạt trong xã để gửi lên cấp trên. Muốn lập báo cáo, hãy đăng ký máy này bằng mã đăng ký cán bộ xã hoặc giảng viên do người quản lý máy chủ xã cấp (trang Đồng bộ).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="227" />
        <source>Below is your own activity in the last 30 days.</source>
        <translation>Dưới đây là hoạt động của chính bạn trong 30 ngày qua.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="301" />
        <source>The first day is after the last day.</source>
        <translation>Ngày bắt đầu sau ngày kết thúc.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="323" />
        <source>Counting…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="335" />
        <source>Could not count the figures: %1</source>
        <translation>Không tính được số liệu: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="374" />
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="381" />
        <source>Nothing in these days</source>
        <translation>Không có số liệu trong những ngày này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="394" />
        <source>Nothing was recorded in these days on this laptop. The volunteers' sessions and visits arrive here when it syncs with the commune hub; or choose other days.</source>
        <translation>Máy này không có ghi nhận nào trong những ngày này. Buổi học và lượt thăm hộ của các tình nguyện viên sẽ về đây khi máy đồng bộ với máy chủ của xã; hoặc hãy chọn những ngày khác.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="397" />
        <source>Open the Sync page</source>
        <translation>Mở trang Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="402" />
        <source>You recorded no session and no visit in the last 30 days.</source>
        <translation>Trong 30 ngày qua bạn chưa ghi nhận buổi học hay lượt thăm hộ nào.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="403" />
        <source>Teach a lesson…</source>
        <translation>Dạy bài…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="421" />
        <source>Save the report as an Excel workbook</source>
        <translation>Lưu báo cáo thành tệp Excel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="422" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="425" />
        <source>Save the report as a PDF</source>
        <translation>Lưu báo cáo thành tệp PDF</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="425" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="446" />
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="452" />
        <source>Report written to %1.</source>
        <translation>Đã ghi báo cáo vào %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/reports.py" line="457" />
        <source>Could not write the report: %1</source>
        <translation>Không ghi được báo cáo: %1</translation>
    </message>
</context>
<context>
    <name>RetireKeyDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="103" />
        <source>Retire a signing key</source>
        <translation>Ngừng dùng khóa ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="104" />
        <source>Signing &amp;key:</source>
        <translation>&amp;Khóa ký:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="108" />
        <source>This laptop's key (%1)</source>
        <translation>Khóa của máy này (%1)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="112" />
        <source>Key %1 of %2</source>
        <translation>Khóa %1 của %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="114" />
        <source>&amp;Reason (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="117" />
        <source>e.g. the officer's laptop was stolen on 20/11</source>
        <translation>ví dụ: máy của cán bộ bị mất trộm ngày 20/11</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="120" />
        <source>The key &amp;leaked (laptop lost or stolen)</source>
        <translation>Khóa bị lộ (&amp;máy bị mất/đánh cắp)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="128" />
        <source>Re&amp;tire the key</source>
        <translation>&amp;Ngừng dùng khóa</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="162" />
        <source>Warning: every certificate signed with this key stops being valid, on every laptop and on the hub's page once this has synced. Its learners are listed as eligible again, to be issued new certificates signed with a new key. This cannot be undone.</source>
        <translation>Cảnh báo: mọi giấy chứng nhận ký bằng khóa này sẽ không còn giá trị, trên mọi máy và trên trang kiểm tra của máy chủ xã sau khi đồng bộ. Những người học đó trở lại danh sách đủ điều kiện để được cấp giấy mới, ký bằng khóa mới. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="170" />
        <source>This laptop's key will sign no more certificates; a new key is made for the next ones. The certificates it signed stay valid. This cannot be undone.</source>
        <translation>Khóa của máy này sẽ không ký thêm giấy chứng nhận nào; máy tạo khóa mới cho các giấy sau. Các giấy đã ký bằng khóa này vẫn hợp lệ. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="180" />
        <source>Write the reason for retiring the key.</source>
        <translation>Hãy ghi lý do ngừng dùng khóa.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="183" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="194" />
        <source>Signing key %1 was retired; the certificates it signed stay valid.</source>
        <translation>Đã ngừng dùng khóa ký %1; các giấy chứng nhận khóa đã ký vẫn hợp lệ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="199" />
        <source>Signing key %1 was declared leaked: %n certificate(s) signed with it no longer stand. Their learners are in the list “Eligible” again: issue them new certificates.</source>
        <translation>
            <numerusform>Khóa ký %1 đã được báo là bị lộ: %n giấy chứng nhận ký bằng khóa này không còn giá trị. Những người học đó đã trở lại danh sách “Đủ điều kiện”: hãy cấp giấy mới cho họ.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="209" />
        <source>New certificates are signed with the new key %1.</source>
        <translation>Các giấy chứng nhận mới được ký bằng khóa mới %1.</translation>
    </message>
</context>
<context>
    <name>RevokeDeviceDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="23" />
        <source>Revoke a laptop</source>
        <translation>Thu hồi máy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="27" />
        <source>Revoke “%1”?</source>
        <translation>Thu hồi máy “%1”?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="30" />
        <source>%1 · last contact with the hub: %2</source>
        <translation>%1 · liên lạc gần nhất với máy chủ: %2</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="36" />
        <source>Do this for a lost or stolen laptop. Its next sync is refused and its user is told why. Records it has not sent stay on it: its user can export them to a file for you. To use it again it needs a new enrollment code.</source>
        <translation>Làm việc này khi máy bị mất hoặc bị lấy cắp. Lần đồng bộ tới của máy sẽ bị từ chối và người dùng được báo lý do. Bản ghi chưa gửi vẫn còn trên máy: người dùng có thể xuất ra tệp để gửi bạn. Muốn dùng lại, máy cần mã ghi danh mới.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="41" />
        <source>&amp;Reason (required, e.g. laptop lost on 2 December):</source>
        <translation>&amp;Lý do (bắt buộc, ví dụ: mất máy ngày 2/12):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="51" />
        <source>Re&amp;voke this laptop</source>
        <translation>&amp;Thu hồi máy này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="78" />
        <source>At most %1 characters.</source>
        <translation>Tối đa %1 ký tự.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="84" />
        <source>Write why this laptop is revoked.</source>
        <translation>Hãy ghi lý do thu hồi máy.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/admin_dialogs.py" line="87" />
        <source>Asking the hub…</source>
        <translation>Đang hỏi máy chủ…</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="37" />
        <source>Revoke a certificate</source>
        <translation>Thu hồi giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="41" />
        <source>Revoke certificate %1 of %2? The revocation is recorded and syncs: anyone who verifies this certificate will see that it was revoked. The learner can be issued a new one.</source>
        <translation>Thu hồi giấy chứng nhận %1 của %2? Việc thu hồi được ghi lại và đồng bộ: ai xác minh giấy này sẽ thấy giấy đã bị thu hồi. Người học có thể được cấp giấy mới.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="48" />
        <source>&amp;Reason (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="51" />
        <source>e.g. the name was registered wrongly</source>
        <translation>ví dụ: tên được ghi sai khi đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="57" />
        <source>Re&amp;voke</source>
        <translation>&amp;Thu hồi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="77" />
        <source>Write the reason for revoking.</source>
        <translation>Hãy ghi lý do thu hồi.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/revoke.py" line="80" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
</context>
<context>
    <name>RevokedBox</name>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="49" />
        <source>This laptop was revoked</source>
        <translation>Máy này đã bị thu hồi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="50" />
        <source>&amp;Export unsent records…</source>
        <translation>&amp;Xuất bản ghi chưa gửi…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="52" />
        <source>Save the records that never reached the hub to a file, for the commune officer</source>
        <translation>Lưu các bản ghi chưa đến được máy chủ ra một tệp để đưa cho cán bộ xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="54" />
        <source>&amp;Delete the hub token…</source>
        <translation>Xoá &amp;mã truy cập máy chủ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="61" />
        <source>no reason given</source>
        <translation>không ghi lý do</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="64" />
        <source>The commune hub no longer takes records from this laptop (reason: %1). Everything recorded here is still on this laptop.</source>
        <translation>Máy chủ xã không còn nhận bản ghi từ máy này (lý do: %1). Mọi thứ đã ghi vẫn còn trên máy này.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="71" />
        <source>%n record(s) never reached the hub. Export them to a file and give it to the commune officer (a USB stick, or a message); then delete the hub token from this laptop.</source>
        <translation>
            <numerusform>%n bản ghi chưa đến được máy chủ. Hãy xuất chúng ra tệp và đưa cho cán bộ xã (qua USB hoặc tin nhắn), rồi xoá mã truy cập máy chủ trên máy này.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="78" />
        <source>The unsent records were exported on %1. Give the file to the commune officer; then delete the hub token from this laptop.</source>
        <translation>Các bản ghi chưa gửi đã được xuất lúc %1. Hãy đưa tệp cho cán bộ xã, rồi xoá mã truy cập máy chủ trên máy này.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="82" />
        <source>No record waits to be sent. Delete the hub token from this laptop.</source>
        <translation>Không còn bản ghi nào chờ gửi. Hãy xoá mã truy cập máy chủ trên máy này.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="91" />
        <source>Export unsent records</source>
        <translation>Xuất bản ghi chưa gửi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="91" />
        <source>Record bundles (*.vkbundle)</source>
        <translation>Tệp bản ghi (*.vkbundle)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="102" />
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>Đã xuất %n bản ghi ra %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="111" />
        <source>Delete the hub token</source>
        <translation>Xoá mã truy cập máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="113" />
        <source>This laptop will no longer hold its key to the commune hub. Your records stay on this laptop. Delete the token?</source>
        <translation>Máy này sẽ không còn giữ mã truy cập máy chủ xã. Các bản ghi vẫn còn trên máy. Xoá mã truy cập?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/revoked_box.py" line="127" />
        <source>The hub token was deleted. The records stay on this laptop.</source>
        <translation>Đã xoá mã truy cập máy chủ. Các bản ghi vẫn còn trên máy này.</translation>
    </message>
</context>
<context>
    <name>SectionTable</name>
    <message>
        <location filename="../../volunteer_kit/ui/pages/report_figures.py" line="304" />
        <source>No figure (not 0)</source>
        <translation>Không có số liệu (không phải 0)</translation>
    </message>
</context>
<context>
    <name>SessionDetailView</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="235" />
        <source>Lesson pack</source>
        <translation>Gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="236" />
        <source>Lessons</source>
        <translation>Bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="237" />
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="238" />
        <source>Volunteers</source>
        <translation>Tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="239" />
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="244" />
        <source>Choose a session in the list to see who came.</source>
        <translation>Chọn một buổi học trong danh sách để xem ai đã đến.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="245" />
        <source>← &amp;Back to the list</source>
        <translation>← &amp;Quay lại danh sách</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="247" />
        <source>What was &amp;taught, and notes</source>
        <translation>&amp;Nội dung đã dạy và ghi chú</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="340" />
        <source>Add the learne&amp;rs who came…</source>
        <translation>Thêm ngườ&amp;i học đã đến…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="248" />
        <source>Find each registered learner who came and add them</source>
        <translation>Tìm từng người học đã đăng ký có đến và thêm họ vào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="249" />
        <source>&amp;Notes of the session (what went well, what to repeat):</source>
        <translation>Ghi chú của &amp;buổi học (điều gì tốt, điều gì cần dạy lại):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="250" />
        <source>Sa&amp;ve notes</source>
        <translation>&amp;Lưu ghi chú</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="251" />
        <source>Add &amp;walk-in…</source>
        <translation>Thêm người &amp;mới đến…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="252" />
        <source>Register someone new, with their consent, as present</source>
        <translation>Đăng ký người mới (khi họ đồng ý) và ghi là có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="253" />
        <source>Add &amp;learner…</source>
        <translation>Thêm người đã đăng &amp;ký…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="324" />
        <source>Open: tick who is here (Space ticks the chosen box).</source>
        <translation>Đang mở: đánh dấu người có mặt (phím cách để đánh dấu ô đang chọn).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="246" />
        <source>&amp;Attendance</source>
        <translation>Điểm &amp;danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="254" />
        <source>Add a registered learner who came late</source>
        <translation>Thêm một người học đã đăng ký đến muộn</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="255" />
        <source>&amp;Close attendance…</source>
        <translation>&amp;Chốt điểm danh…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="256" />
        <source>The attendance list is complete</source>
        <translation>Danh sách điểm danh đã đầy đủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="257" />
        <source>C&amp;orrect attendance</source>
        <translation>&amp;Sửa điểm danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="259" />
        <source>Unlock the boxes of a closed session to fix a mistake; every change is kept</source>
        <translation>Mở khóa các ô của buổi học đã chốt để sửa nhầm lẫn; mọi thay đổi đều được lưu lại</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="261" />
        <source>Attendance: arrows to move, Space to tick</source>
        <translation>Điểm danh: phím mũi tên để di chuyển, phím cách để đánh dấu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="262" />
        <source>E&amp;xport roster…</source>
        <translation>&amp;Xuất danh sách…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="264" />
        <source>Save the list of learners to print and sign, or to open in Excel</source>
        <translation>Lưu danh sách người học để in và ký, hoặc để mở bằng Excel</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="266" />
        <source>Roster file format</source>
        <translation>Định dạng tệp danh sách</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="267" />
        <source>CSV and XLSX open in Excel; PDF is ready to print</source>
        <translation>CSV và XLSX mở bằng Excel; PDF sẵn sàng để in</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="301" />
        <source> (not verified)</source>
        <translation> (chưa xác minh)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="302" />
        <source>version %1</source>
        <translation>phiên bản %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="318" />
        <source>Attendance: %1 of %2 present</source>
        <translation>Điểm danh: %1/%2 người có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="326" />
        <source>Closed; correcting: each change is recorded as a correction.</source>
        <translation>Đã chốt; đang sửa: mỗi thay đổi được ghi thành một bản đính chính.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="328" />
        <source>Closed. To fix a mistake, press “Correct attendance”.</source>
        <translation>Đã chốt. Để sửa nhầm lẫn, bấm “Sửa điểm danh”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="339" />
        <source>Nobody is on this session's list yet. Add the learners who came.</source>
        <translation>Buổi học này chưa có ai trong danh sách. Hãy thêm những người học đã đến.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/detail_view.py" line="344" />
        <source>Nobody is on this session's list. To add someone, press “Correct attendance”.</source>
        <translation>Buổi học này không có ai trong danh sách. Để thêm người, bấm “Sửa điểm danh”.</translation>
    </message>
</context>
<context>
    <name>SessionSummaryDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="48" />
        <source>Session summary</source>
        <translation>Tổng kết buổi học</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/session_summary.py" line="58" />
        <source>%n learner(s) present</source>
        <translation>
            <numerusform>%n người học có mặt</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="67" />
        <source>Now eligible for a certificate: %1</source>
        <translation>Nay đủ điều kiện nhận giấy chứng nhận: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="74" />
        <source>&amp;Print roster…</source>
        <translation>&amp;In danh sách…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Quiz score</source>
        <translation>Điểm kiểm tra</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Skills</source>
        <translation>Kỹ năng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="87" />
        <source>Certificate</source>
        <translation>Giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="91" />
        <source>Practical skill checks</source>
        <translation>Kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="107" />
        <source>✓ eligible</source>
        <translation>✓ đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="157" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="158" />
        <source>Save the roster</source>
        <translation>Lưu danh sách lớp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/session_summary.py" line="174" />
        <source>Writing the roster…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/session_summary.py" line="179" />
        <source>Roster of %n people written to %1.</source>
        <translation>
            <numerusform>Đã ghi danh sách %n người vào %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="50" />
        <source>● open</source>
        <translation>● đang mở</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="44" />
        <source>%1/%2 present</source>
        <translation>%1/%2 có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="55" />
        <source>Attendance is closed</source>
        <translation>Đã chốt điểm danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/sessions_model.py" line="57" />
        <source>Attendance is still open</source>
        <translation>Điểm danh vẫn đang mở</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="82" />
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="151" />
        <source>Sessions</source>
        <translation>Buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="87" />
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="154" />
        <source>Teaching sessions</source>
        <translation>Các buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="155" />
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="156" />
        <source>Place, hamlet or lesson pack</source>
        <translation>Địa điểm, thôn/tổ hoặc gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="157" />
        <source>Type with or without accents</source>
        <translation>Gõ có dấu hay không dấu đều được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="158" />
        <source>Search sessions</source>
        <translation>Tìm buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="159" />
        <source>&amp;Kind:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="171" />
        <source>All kinds</source>
        <translation>Tất cả hình thức</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="244" />
        <source>No session matches this search.</source>
        <translation>Không có buổi học nào khớp với nội dung tìm.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="244" />
        <source>&amp;Clear the search</source>
        <translation>&amp;Xóa tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="249" />
        <source>No teaching sessions yet. A session is recorded when you teach a lesson: choose the lesson, then who came.</source>
        <translation>Chưa có buổi học nào. Buổi học được ghi lại khi bạn dạy một bài: chọn bài học, rồi chọn những người đã đến.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="252" />
        <source>&amp;Teach a lesson…</source>
        <translation>&amp;Dạy một bài học…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="269" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="271" />
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n buổi học</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="380" />
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="381" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="382" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="384" />
        <source>Save the roster</source>
        <translation>Lưu danh sách lớp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="401" />
        <source>Writing the roster…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="406" />
        <source>Roster of %n people written to %1.</source>
        <translation>
            <numerusform>Đã ghi danh sách %n người vào %1.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="448" />
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="553" />
        <source>Not saved: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="470" />
        <source>%1 is already registered and is now marked present.</source>
        <translation>%1 đã có trong danh sách và nay được đánh dấu có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="473" />
        <source>%1 was added and marked present.</source>
        <translation>Đã thêm %1 và đánh dấu có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="484" />
        <source>Add a registered learner</source>
        <translation>Thêm người học đã đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="485" />
        <source>They are added as present and late.</source>
        <translation>Người học được ghi là có mặt và đến muộn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="487" />
        <source>They are added as present.</source>
        <translation>Người học được ghi là có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="488" />
        <source>&amp;Add as late</source>
        <translation>Thêm, ghi là đến &amp;muộn</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="488" />
        <source>&amp;Add as present</source>
        <translation>Thêm, ghi là &amp;có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="490" />
        <source>(already on the list)</source>
        <translation>(đã có trong danh sách)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="502" />
        <source>%1 was added as late.</source>
        <translation>Đã thêm %1 và ghi là đến muộn.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="502" />
        <source>%1 was added as present.</source>
        <translation>Đã thêm %1 và ghi là có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="514" />
        <source>Attendance closed.</source>
        <translation>Đã chốt điểm danh.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="524" />
        <source>Close attendance</source>
        <translation>Chốt điểm danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="526" />
        <source>Close the attendance of this session? %1 of %2 learners are marked present.

The boxes become read-only; a mistake can still be corrected later.</source>
        <translation>Chốt điểm danh của buổi học này? %1/%2 người học được ghi là có mặt.

Các ô sẽ chỉ để xem; nếu có nhầm lẫn vẫn sửa được sau.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="544" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/page.py" line="549" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="107" />
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="123" />
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="126" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="127" />
        <source>Display</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="128" />
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="129" />
        <source>&amp;Text size:</source>
        <translation>&amp;Cỡ chữ:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="130" />
        <source>Makes every text in the window larger</source>
        <translation>Phóng to mọi chữ trong cửa sổ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="131" />
        <source>Volunteer profile</source>
        <translation>Hồ sơ tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="132" />
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="133" />
        <source>e.g. Nguyễn Thị Thu Trang</source>
        <translation>ví dụ: Nguyễn Thị Thu Trang</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="134" />
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="137" />
        <source>To work as a commune officer, enroll this laptop with an officer enrollment code from the hub operator (Sync page).</source>
        <translation>Muốn làm việc với vai trò cán bộ xã, hãy đăng ký máy này bằng mã đăng ký cán bộ do người quản lý máy chủ xã cấp (trang Đồng bộ).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="141" />
        <source>&amp;Phone (optional):</source>
        <translation>Đ&amp;iện thoại (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="142" />
        <source>Commune:</source>
        <translation>Xã/phường:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="143" />
        <source>&amp;Save profile</source>
        <translation>&amp;Lưu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="164" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="167" />
        <source>%1 (as enrolled with the commune hub)</source>
        <translation>%1 (theo đăng ký với máy chủ xã)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="170" />
        <source>not enrolled: volunteer</source>
        <translation>chưa đăng ký: tình nguyện viên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="177" />
        <source>not set (it comes with enrolment on the commune hub)</source>
        <translation>chưa có (được đặt khi đăng ký với máy chủ của xã)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="185" />
        <source>Enter your full name.</source>
        <translation>Hãy nhập họ và tên.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="189" />
        <source>A phone number has 10 digits, e.g. 0912345678.</source>
        <translation>Số điện thoại gồm 10 chữ số, ví dụ 0912345678.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="193" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="198" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/settings.py" line="207" />
        <source>Not saved.</source>
        <translation>Chưa lưu được.</translation>
    </message>
</context>
<context>
    <name>SkillChecksDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="86" />
        <source>Practical skill checks</source>
        <translation>Kỹ năng thực hành</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="100" />
        <source>Learners</source>
        <translation>Người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="103" />
        <source>Skill %1</source>
        <translation>Kỹ năng %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="140" />
        <source>Tick what each learner did by themselves.</source>
        <translation>Đánh dấu những việc mỗi người học tự làm được.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/skill_checks.py" line="96" />
        <source> (optional)</source>
        <translation> (không bắt buộc)</translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="70" />
        <source>Start a teaching session</source>
        <translation>Mở buổi học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="78" />
        <source>e.g. Nhà văn hóa thôn Kim Lan</source>
        <translation>ví dụ: Nhà văn hóa thôn Kim Lan</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="80" />
        <source>Type a name to find learners</source>
        <translation>Gõ tên để tìm người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="88" />
        <source>Someone &amp;new:</source>
        <translation>Người &amp;mới đến:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="90" />
        <source>Full name of a newcomer</source>
        <translation>Họ tên người mới đến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="93" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="95" />
        <source>&amp;Add with consent…</source>
        <translation>Th&amp;êm (khi đã đồng ý)…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="96" />
        <source>Register someone not registered yet, once they agree</source>
        <translation>Đăng ký một người chưa đăng ký, sau khi họ đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="105" />
        <source>Lesson:</source>
        <translation>Bài học:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="109" />
        <source>&amp;Kind:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="110" />
        <source>&amp;Place:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="111" />
        <source>&amp;Find learners:</source>
        <translation>&amp;Tìm người học:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="120" />
        <source>&amp;Start</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/teaching.py" line="251" />
        <source>%n learner(s) present</source>
        <translation>
            <numerusform>%n người học có mặt</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="287" />
        <source>%1 was added and marked present.</source>
        <translation>Đã thêm %1 và đánh dấu có mặt.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/teaching.py" line="285" />
        <source>%1 is already registered and is now marked present.</source>
        <translation>%1 đã có trong danh sách và nay được đánh dấu có mặt.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="102" />
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="234" />
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="237" />
        <source>Sync with the commune hub</source>
        <translation>Đồng bộ với máy chủ của xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="242" />
        <source>Unencrypted connection: records travel over the network unprotected (http). Ask the hub operator for an encrypted enrollment code (its QR) and enroll again.</source>
        <translation>Kết nối không mã hóa: dữ liệu đi qua mạng mà không được bảo vệ (http). Hãy xin người quản lý máy chủ mã ghi danh có mã hóa (mã QR của nó) rồi ghi danh lại.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="246" />
        <source>This laptop</source>
        <translation>Máy này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="250" />
        <source>Hub</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="251" />
        <source>Commune</source>
        <translation>Xã/phường</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="252" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="254" />
        <source>Last sync</source>
        <translation>Lần đồng bộ gần nhất</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="255" />
        <source>Hub state</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="260" />
        <source>&amp;Sync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="261" />
        <source>Send what was recorded here and receive the commune's news</source>
        <translation>Gửi những gì đã ghi ở đây và nhận dữ liệu mới của xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="262" />
        <source>Ca&amp;ncel</source>
        <translation>&amp;Dừng</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="263" />
        <source>Send the refused records &amp;again</source>
        <translation>Gửi &amp;lại các bản ghi bị từ chối</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="264" />
        <source>Show &amp;overwritten edits</source>
        <translation>Xem các &amp;sửa đổi bị ghi đè</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="265" />
        <source>Lesson packs waiting for your decision</source>
        <translation>Gói bài học chờ bạn quyết định</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="268" />
        <source>The hub sent these packs, but no publisher this laptop trusts signed them. Install one only if the commune officer says it is genuine; it will be marked “not verified”.</source>
        <translation>Máy chủ gửi các gói này nhưng không có nhà xuất bản nào máy này tin cậy ký. Chỉ cài khi cán bộ xã xác nhận gói là thật; gói sẽ được đánh dấu “chưa được xác minh”.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="272" />
        <source>&amp;Install anyway…</source>
        <translation>&amp;Vẫn cài đặt…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="273" />
        <source>&amp;Forget it</source>
        <translation>Bỏ q&amp;ua gói này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="274" />
        <source>Log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="297" />
        <source>Opening your records…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="302" />
        <source>Everything you record stays on this laptop until it reaches the commune hub. Ask the commune officer for an enrollment code (or its QR image), then enroll this laptop once.</source>
        <translation>Mọi thứ bạn ghi được giữ trên máy này cho đến khi gửi tới máy chủ của xã. Hãy xin cán bộ xã mã đăng ký (hoặc ảnh mã QR), rồi đăng ký máy này một lần.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="310" />
        <source>Records go to the hub whenever it can be reached: by themselves, or when you press Sync now. Nothing is lost while offline.</source>
        <translation>Bản ghi được gửi tới máy chủ mỗi khi kết nối được: tự động, hoặc khi bạn bấm Đồng bộ ngay. Không mất gì khi không có mạng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="319" />
        <source>no name given at enrollment</source>
        <translation>chưa đặt tên khi đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="320" />
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="327" />
        <source>Device id: %1</source>
        <translation>Mã thiết bị: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="333" />
        <source>Overwritten edits</source>
        <translation>Sửa đổi bị ghi đè</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="350" />
        <source>Nothing has happened yet: enroll this laptop above; each sync is then written here.</source>
        <translation>Chưa có gì: hãy đăng ký máy này ở trên; sau đó mỗi lần đồng bộ sẽ được ghi ở đây.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="354" />
        <source>No sync since the app was opened; the last one was on %1.</source>
        <translation>Chưa đồng bộ từ khi mở ứng dụng; lần gần nhất là %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="357" />
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="360" />
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="360" />
        <source>This laptop has never synced.</source>
        <translation>Chưa đồng bộ lần nào.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="374" />
        <source>When two laptops change the same record, the later edit is kept and the other is listed here. The hub has not been asked yet.</source>
        <translation>Khi hai máy cùng sửa một bản ghi, bản sửa sau được giữ, bản kia được liệt kê ở đây. Máy chủ chưa được hỏi.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="377" />
        <source>Ask the hub</source>
        <translation>Hỏi máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="381" />
        <source>No edit was overwritten: no two laptops changed the same record.</source>
        <translation>Không có chỉnh sửa nào bị ghi đè: chưa có hai máy nào cùng sửa một bản ghi.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="382" />
        <source>Ask the hub again</source>
        <translation>Hỏi lại máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="387" />
        <source>syncing…</source>
        <translation>đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="389" />
        <source>checking…</source>
        <translation>đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="390" />
        <source>reachable</source>
        <translation>kết nối được</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="390" />
        <source>not reachable (offline)</source>
        <translation>không kết nối được (ngoại tuyến)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="395" />
        <source>Waiting to go (%n)</source>
        <translation>
            <numerusform>Chờ gửi (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="401" />
        <source>Nothing: everything has reached the hub.</source>
        <translation>Không có: mọi thứ đã tới máy chủ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="405" />
        <source>Refused by the hub (%n)</source>
        <translation>
            <numerusform>Bị máy chủ từ chối (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="415" />
        <source>The hub has refused nothing: every record it was sent fits.</source>
        <translation>Máy chủ không từ chối bản ghi nào: mọi bản ghi đã gửi đều hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="612" />
        <source>Overwritten: %1 — see below.</source>
        <translation>Bị ghi đè: %1 — xem bên dưới.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="657" />
        <source>Record id: %1</source>
        <translation>Mã bản ghi: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="658" />
        <source>Overwritten on device: %1</source>
        <translation>Bị ghi đè trên thiết bị: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="661" />
        <source>Kept from device: %1</source>
        <translation>Được giữ từ thiết bị: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="682" />
        <source>this laptop</source>
        <translation>máy này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="686" />
        <source>the laptop of %1</source>
        <translation>máy của %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="687" />
        <source>another laptop</source>
        <translation>một máy khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="692" />
        <source>%1: the edit made on %2 was overwritten by a later edit from %3 (%4)</source>
        <translation>%1: chỉnh sửa trên %2 đã bị chỉnh sửa sau từ %3 ghi đè (%4)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="701" />
        <source>%1 (edited on %2)</source>
        <translation>%1 (sửa trên %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="710" />
        <source>and %n more record(s)</source>
        <translation>
            <numerusform>và %n bản ghi khác</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="458" />
        <source>Installed %1 (not verified).</source>
        <translation>Đã cài %1 (chưa được xác minh).</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="253" />
        <source>Laptop name</source>
        <translation>Tên máy</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="458" />
        <source>Forgot %1.</source>
        <translation>Đã bỏ qua %1.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="475" />
        <source>Install a pack that is not verified</source>
        <translation>Cài gói bài học chưa được xác minh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="477" />
        <source>%1 is not signed by a publisher this laptop trusts. Install it anyway? It will be marked “not verified” wherever it shows.</source>
        <translation>%1 không được ký bởi nhà xuất bản mà máy này tin cậy. Vẫn cài đặt? Gói sẽ được đánh dấu “chưa được xác minh” ở mọi nơi.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="532" />
        <source>Connecting to the hub…</source>
        <translation>Đang kết nối máy chủ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="533" />
        <source>Sync started.</source>
        <translation>Bắt đầu đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="534" />
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="545" />
        <source>Stopping after the current batch…</source>
        <translation>Sẽ dừng sau đợt đang gửi…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="550" />
        <source>The hub is busy with other devices; trying again in %1 s</source>
        <translation>Máy chủ đang bận với các thiết bị khác; sẽ thử lại sau %1 giây</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="557" />
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="558" />
        <source>Receiving</source>
        <translation>Đang nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="559" />
        <source>Checking overwritten edits</source>
        <translation>Đang xem sửa đổi bị ghi đè</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="560" />
        <source>Lesson packs</source>
        <translation>Gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="565" />
        <source>%1: %2 of %3 records</source>
        <translation>%1: %2/%3 bản ghi</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="569" />
        <source>%1: %2 records</source>
        <translation>%1: %2 bản ghi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="588" />
        <source>Sync cancelled: what was done is kept; %n record(s) still wait.</source>
        <translation>
            <numerusform>Đã dừng đồng bộ: phần đã xong được giữ; còn %n bản ghi chờ gửi.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="593" />
        <source>Synced: %1 sent, %2 received; %3 refused.</source>
        <translation>Đã đồng bộ: gửi %1, nhận %2; bị từ chối %3.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="600" />
        <source>Refused: %1.</source>
        <translation>Bị từ chối: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="605" />
        <source>%n lesson pack(s) installed.</source>
        <translation>
            <numerusform>Đã cài %n gói bài học.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="608" />
        <source>%n lesson pack(s) wait for your decision.</source>
        <translation>
            <numerusform>%n gói bài học chờ bạn quyết định.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="616" />
        <source>%n edit(s) were overwritten: see below.</source>
        <translation>
            <numerusform>%n sửa đổi bị ghi đè: xem bên dưới.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="640" />
        <source>%n record(s) will be sent again.</source>
        <translation>
            <numerusform>%n bản ghi sẽ được gửi lại.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/sync.py" line="739" />
        <source>The hub can be reached: syncing by itself.</source>
        <translation>Đã kết nối được máy chủ: tự đồng bộ.</translation>
    </message>
</context>
<context>
    <name>ToDoList</name>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="79" />
        <source>Show all %n</source>
        <translation>
            <numerusform>Xem cả %n</numerusform></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../volunteer_kit/ui/main_window.py" line="65" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="152" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="155" />
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="156" />
        <source>Learners registered</source>
        <translation>Người học đã đăng ký</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="157" />
        <source>Teaching sessions this week</source>
        <translation>Buổi học tuần này</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="158" />
        <source>Records waiting to sync</source>
        <translation>Bản ghi chờ đồng bộ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="159" />
        <source>Last sync</source>
        <translation>Lần đồng bộ gần nhất</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="160" />
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="161" />
        <source>Load the counts again (F5)</source>
        <translation>Tải lại các số liệu (F5)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="162" />
        <source>What needs doing</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="163" />
        <source>Sessions whose attendance is still open</source>
        <translation>Buổi học chưa chốt điểm danh</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="164" />
        <source>Households not visited yet</source>
        <translation>Hộ chưa được đến hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="165" />
        <source>Learners one lesson short of finishing a pack</source>
        <translation>Người học chỉ còn một bài là xong gói</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="167" />
        <source>Enter or double-click opens it</source>
        <translation>Nhấn Enter hoặc nhấp đúp để mở</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="202" />
        <source>%1 of %2 present</source>
        <translation>%1/%2 có mặt</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="212" />
        <source>No session waits for its attendance: every one is closed.</source>
        <translation>Không có buổi học nào chờ điểm danh: mọi buổi đã đóng.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="213" />
        <location filename="../../volunteer_kit/ui/pages/today.py" line="262" />
        <source>Teach a lesson…</source>
        <translation>Dạy bài…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="224" />
        <source>Every household has been visited.</source>
        <translation>Mọi hộ gia đình đều đã được thăm.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="226" />
        <source>No household is registered on this laptop yet.</source>
        <translation>Máy này chưa đăng ký hộ gia đình nào.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="227" />
        <source>Open the Households page</source>
        <translation>Mở trang Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="250" />
        <source>No learner is registered on this laptop yet.</source>
        <translation>Máy này chưa đăng ký người học nào.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="251" />
        <source>Open the Learners page</source>
        <translation>Mở trang Người học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="259" />
        <source>Nobody is one lesson short of a pack right now: teaching the next lessons brings them here.</source>
        <translation>Hiện chưa ai chỉ còn thiếu một bài để hoàn thành gói: dạy các bài tiếp theo sẽ đưa họ vào đây.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="217" />
        <source>%1: %n household(s)</source>
        <translation>
            <numerusform>%1: %n hộ</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="235" />
        <source>%1 (%2) · %3 · still to learn: %4</source>
        <translation>%1 (%2) · %3 · còn bài: %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="245" />
        <source>and %n more</source>
        <translation>
            <numerusform>và %n người nữa</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="275" />
        <source>Opening your records…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="279" />
        <source>Commune: %1</source>
        <translation>Xã/phường: %1</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="282" />
        <source>No commune yet: enroll this laptop with the commune hub on the Sync page.</source>
        <translation>Chưa có xã/phường: hãy ghi danh máy này với máy chủ xã ở trang Đồng bộ.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/pages/today.py" line="285" />
        <source>in %n household(s)</source>
        <translation>
            <numerusform>thuộc %n hộ gia đình</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="287" />
        <source>since Monday</source>
        <translation>tính từ thứ Hai</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="290" />
        <source>recorded on this laptop, not yet on the commune hub</source>
        <translation>đã ghi trên máy này, chưa gửi lên máy chủ của xã</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="292" />
        <source>everything has reached the hub</source>
        <translation>mọi dữ liệu đã lên máy chủ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="295" />
        <source>Never</source>
        <translation>Chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/pages/today.py" line="296" />
        <source>this laptop has not synced yet</source>
        <translation>máy này chưa đồng bộ lần nào</translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="42" />
        <source>✓ VALID</source>
        <translation>✓ HỢP LỆ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="43" />
        <source>✗ ALTERED</source>
        <translation>✗ ĐÃ BỊ SỬA ĐỔI</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="44" />
        <source>? UNKNOWN SIGNER</source>
        <translation>? KHÔNG RÕ NGƯỜI KÝ</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="45" />
        <source>✗ REVOKED</source>
        <translation>✗ ĐÃ BỊ THU HỒI</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="46" />
        <source>✗ SIGNING KEY REVOKED</source>
        <translation>✗ KHÓA KÝ ĐÃ BỊ THU HỒI</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="48" />
        <source>✗ SIGNED AFTER ITS KEY WAS RETIRED</source>
        <translation>✗ KÝ SAU KHI KHÓA ĐÃ NGỪNG DÙNG</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="52" />
        <source>– UNREADABLE</source>
        <translation>– KHÔNG ĐỌC ĐƯỢC</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="88" />
        <source>What the code claims (not confirmed):</source>
        <translation>Nội dung mã QR ghi (chưa được xác nhận):</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="96" />
        <source>Serial</source>
        <translation>Số hiệu</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="97" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="98" />
        <source>Lesson pack</source>
        <translation>Gói bài học</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="99" />
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="102" />
        <source>Commune</source>
        <translation>Xã/phường</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="136" />
        <source>Verify a certificate</source>
        <translation>Xác minh giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="140" />
        <source>Paste the text of the certificate's QR code (a link, or text starting with vk-cert:), or open a photo, a scan or a PDF of the certificate. It is checked against the signing keys and revocations this laptop received by sync, without the internet.</source>
        <translation>Dán nội dung mã QR của giấy chứng nhận (một đường link, hoặc chuỗi bắt đầu bằng vk-cert:), hoặc mở ảnh chụp, bản quét hay tệp PDF của giấy. Giấy được đối chiếu với các khóa ký và danh sách thu hồi mà máy này nhận được khi đồng bộ, không cần internet.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="145" />
        <source>&amp;Text of the QR code:</source>
        <translation>&amp;Văn bản trong mã QR:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="152" />
        <source>Open an &amp;image or PDF…</source>
        <translation>Mở ảnh hoặc tệp &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="153" />
        <source>A photo or scan (PNG, JPG) or a PDF of the certificate</source>
        <translation>Ảnh chụp hoặc bản quét (PNG, JPG), hoặc tệp PDF của giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="155" />
        <source>C&amp;heck the text</source>
        <translation>&amp;Kiểm tra văn bản</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="192" />
        <source>A photo, scan or PDF of the certificate</source>
        <translation>Ảnh chụp, bản quét hoặc tệp PDF của giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="194" />
        <source>Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</source>
        <translation>Ảnh và PDF (*.png *.jpg *.jpeg *.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="207" />
        <source>Paste the text of the QR code first, or open an image.</source>
        <translation>Hãy dán nội dung mã QR trước, hoặc mở một ảnh.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="212" />
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="242" />
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="247" />
        <source>Reading %1: page %2 of %3…</source>
        <translation>Đang đọc %1: trang %2/%3…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="292" />
        <source>%n QR code(s) found in the file; each is checked below.</source>
        <translation>
            <numerusform>Tìm thấy %n mã QR trong tệp; từng mã được kiểm tra bên dưới.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="294" />
        <source>All %n page(s) of the PDF were read.</source>
        <translation>
            <numerusform>Đã đọc hết %n trang của tệp PDF.</numerusform></translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/certificates/verdicts.py" line="297" />
        <source>Read %1 of %2 pages: the pages after were not checked.</source>
        <translation>Đã đọc %1/%2 trang: các trang sau chưa được kiểm tra.</translation>
    </message>
</context>
<context>
    <name>WalkIn</name>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="50" />
        <source>The birth year is four digits, e.g. 1958.</source>
        <translation>Năm sinh gồm bốn chữ số, ví dụ 1958.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="57" />
        <source>Not added: consent was not given.</source>
        <translation>Chưa thêm: người học chưa đồng ý.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="95" />
        <source>Already registered?</source>
        <translation>Đã đăng ký rồi?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="96" />
        <source>Someone with this name and birth year is already registered. Is it this person?</source>
        <translation>Đã có người cùng họ tên và năm sinh. Có phải người này không?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="99" />
        <source>No, someone else</source>
        <translation>Không, đây là người khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="113" />
        <source>Someone else</source>
        <translation>Người khác</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="114" />
        <source>Register a new learner with the same name and birth year?</source>
        <translation>Đăng ký người học mới cùng họ tên và năm sinh?</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="124" />
        <source>Consent</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/walk_in.py" line="125" />
        <source>Read this to %1 and ask whether they agree:

%2</source>
        <translation>Hãy đọc cho %1 nghe và hỏi có đồng ý không:

%2</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="26" />
        <source>Add a walk-in</source>
        <translation>Thêm người mới đến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="28" />
        <source>Full name of a newcomer</source>
        <translation>Họ tên người mới đến</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="30" />
        <source>e.g. 1958</source>
        <translation>ví dụ: 1958</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="36" />
        <source>Someone not registered yet joined the session. They are added as present once they agree.</source>
        <translation>Có người chưa đăng ký đến dự buổi học. Họ được thêm và ghi là có mặt khi đã đồng ý.</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="42" />
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="44" />
        <source>&amp;Birth year:</source>
        <translation>&amp;Năm sinh:</translation>
    </message>
    <message>
        <location filename="../../volunteer_kit/ui/sessions/walk_in_dialog.py" line="50" />
        <source>&amp;Add with consent…</source>
        <translation>Th&amp;êm (khi đã đồng ý)…</translation>
    </message>
</context>
</TS>