"""The command line's usage text and usage errors in the chosen language (Vietnamese first).

The help strings are written in English next to the options they describe (as the window's
strings are in the Qt source); their Vietnamese is the table below, and argparse's own words
("usage:", "the following arguments are required", "invalid choice", ...) are translated by
pointing argparse's `_`/`ngettext` at the same kind of table — argparse looks both up when
it formats, so this is its gettext hook, used without a .mo file. A test walks every parser
and fails on a help string with no Vietnamese.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "tham số không hiểu: %s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "tham số %r bị bỏ qua",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ, có thể là %(matches)s"
    ),
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}

HELP_VI = {
    "Volunteer Kit — the field toolkit of the Bình dân học vụ số volunteers.": (
        "Volunteer Kit — bộ công cụ của tình nguyện viên Bình dân học vụ số."
    ),
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "data folder (default: the user data folder, or $VOLUNTEER_KIT_HOME)": (
        "thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc $VOLUNTEER_KIT_HOME)"
    ),
    "language of the window and messages (default: the setting, else vi)": (
        "ngôn ngữ của cửa sổ và thông báo (mặc định: theo Cài đặt, nếu không thì vi)"
    ),
    "open the desktop app (the default)": "mở ứng dụng (mặc định)",
    "load realistic demo data for one commune": "nạp dữ liệu mẫu của một xã",
    "learners": "người học",
    "lesson packs": "gói bài học",
    "teaching sessions": "buổi học",
    "join a commune hub with a one-time code": "ghi danh máy này với máy chủ xã bằng mã dùng một lần",
    "send and receive records with the commune hub": "gửi và nhận bản ghi với máy chủ xã",
    "carry records on USB (offline bundle)": "chép bản ghi qua USB (gói ngoại tuyến)",
    "run and manage a commune sync hub": "chạy và quản lý máy chủ đồng bộ của xã",
    "issue, print, verify, revoke certificates": "cấp, in, kiểm tra, thu hồi giấy chứng nhận",
    "a teaching session's roster": "danh sách lớp của một buổi học",
    "the commune report": "báo cáo của xã",
    "start, open the database, show the main window, then quit (exit 0)": (
        "khởi động, mở dữ liệu, hiện cửa sổ chính rồi thoát (mã 0)"
    ),
    "learners (default 500)": "số người học (mặc định 500)",
    "random seed (default 1)": "hạt giống ngẫu nhiên (mặc định 1)",
    "the day the demo's weeks end on (default today); same seed and date, same data": (
        "ngày kết thúc các tuần của dữ liệu mẫu (mặc định hôm nay); cùng hạt giống và ngày thì cùng dữ liệu"
    ),
    "list learners": "liệt kê người học",
    "import a commune list (.csv or .xlsx)": "nhập danh sách của xã (.csv hoặc .xlsx)",
    "part of a name; accents and case are ignored": "một phần của tên; không phân biệt dấu và chữ hoa",
    "print one JSON array": "in một mảng JSON",
    "which column holds a field, when its header is not recognised "
    "(fields: full_name, birth_year, gender, phone, hamlet, groups, consent)": (
        "cột nào chứa trường nào, khi tiêu đề cột không nhận ra được "
        "(trường: full_name, birth_year, gender, phone, hamlet, groups, consent)"
    ),
    "the commune collected each person's written consent (the list has no consent column)": (
        "xã đã thu đồng ý bằng văn bản của từng người (danh sách không có cột đồng ý)"
    ),
    "print the report as one JSON object": "in kết quả thành một đối tượng JSON",
    "the packs this data folder can teach from": "các gói bài học dùng được trên máy này",
    "check a pack folder or archive": "kiểm tra một thư mục hoặc tệp gói bài học",
    "check a pack, then read it as a reviewer: guessable quizzes, long steps…": (
        "kiểm tra gói, rồi đọc như người thẩm định: câu hỏi đoán được, bước quá dài…"
    ),
    "print the findings as one JSON array": "in các cảnh báo thành một mảng JSON",
    "the names this commune fills into a pack (its app, its Zalo page)": (
        "tên của xã điền vào gói bài học (ứng dụng của tỉnh, trang Zalo của xã)"
    ),
    "fill in a field": "điền một mục",
    "back to the default": "trở về lời mặc định của gói",
    "print the fields as one JSON array": "in các mục thành một mảng JSON",
    "check a pack folder and write its archive": "kiểm tra thư mục gói bài học và tạo tệp gói",
    "sign a pack archive with a publisher key": "ký tệp gói bài học bằng khóa của nhà phát hành",
    "make a publisher key pair": "tạo cặp khóa của nhà phát hành",
    "trust a publisher's public key": "tin cậy khóa công khai của một nhà phát hành",
    "import a pack archive into the library": "nhập một gói bài học (tệp hoặc thư mục) vào thư viện",
    "the private key file (from packs keygen)": "tệp khóa riêng (tạo bằng packs keygen)",
    "private key file to write (OUT.pub gets the public key)": (
        "tệp khóa riêng sẽ ghi (khóa công khai ghi vào OUT.pub)"
    ),
    "the publisher's name, shown with its packs": "tên nhà phát hành, hiện cùng các gói của họ",
    "import even if the pack is unsigned or its publisher is not trusted": (
        "vẫn nhập dù gói chưa được ký hoặc nhà phát hành chưa được tin cậy"
    ),
    "list teaching sessions": "liệt kê các buổi học",
    "this device: commune, role, hub, what waits to sync": (
        "máy này: xã/phường, vai trò, máy chủ, dữ liệu chờ đồng bộ"
    ),
    "the hub's address, e.g. https://hub:8443 (not needed when --code is the whole vk-enroll: text)": (
        "địa chỉ máy chủ, ví dụ https://hub:8443 (không cần khi --code là cả mã vk-enroll:)"
    ),
    "the enrollment code from the hub, or the whole text of its QR (vk-enroll:https://…)": (
        "mã ghi danh do máy chủ cấp, hoặc cả nội dung mã QR của nó (vk-enroll:https://…)"
    ),
    "the hub certificate's SHA-256 fingerprint, as hub enroll-code shows it (in the whole code already)": (
        "dấu vân tay SHA-256 của chứng chỉ máy chủ, như lệnh hub enroll-code in ra (cả mã đã có sẵn)"
    ),
    "allow plain http to a hub on the network (records travel unencrypted)": (
        "cho phép http thường tới máy chủ trên mạng (dữ liệu đi không mã hóa)"
    ),
    "serve HTTPS with this certificate (with --tls-key)": "chạy HTTPS bằng chứng chỉ này (cùng --tls-key)",
    "behind a TLS proxy: the proxy's addresses or networks, comma-separated, whose X-Forwarded-For "
    "names the real client (default: none; the header is ignored)": (
        "khi chạy sau một proxy TLS: địa chỉ hoặc mạng của proxy, cách nhau bằng dấu phẩy, mà máy chủ "
        "tin tiêu đề X-Forwarded-For của nó về địa chỉ thật của máy gửi (mặc định: không tin ai; bỏ "
        "qua tiêu đề này)"
    ),
    "the private key of --tls-cert (unencrypted, PEM)": "khóa riêng của --tls-cert (PEM, không mật khẩu)",
    "serve HTTPS with a certificate made once and kept in the data folder; enrollment codes carry its "
    "fingerprint": (
        "chạy HTTPS bằng chứng chỉ tự ký, tạo một lần và giữ trong thư mục dữ liệu; mã ghi danh mang "
        "dấu vân tay của nó"
    ),
    "a name for this laptop on the hub": "tên của máy này trên máy chủ",
    "the hub's certificate (PEM), when it is not publicly trusted": (
        "chứng chỉ của máy chủ (PEM), khi nó không được tin cậy công khai"
    ),
    "print the enrollment as one JSON object": "in kết quả ghi danh thành một đối tượng JSON",
    "write the records waiting to be sent": "ghi các bản ghi đang chờ gửi ra tệp",
    "pass another laptop's bundle on to the hub (same commune)": (
        "chuyển gói của máy khác (cùng xã) lên máy chủ"
    ),
    "serve the hub (HTTPS with --self-signed or --tls-cert)": (
        "chạy máy chủ đồng bộ (HTTPS với --self-signed hoặc --tls-cert)"
    ),
    "make a one-time enrollment code for a device": "tạo mã ghi danh dùng một lần cho một máy",
    "records, devices and last contact": "số bản ghi, thiết bị và lần liên lạc cuối",
    "revoke a device's token": "thu hồi quyền của một thiết bị",
    "why (shown on the laptop at its next contact; up to 200 characters)": (
        "lý do (hiện trên máy đó ở lần kết nối tới; tối đa 200 ký tự)"
    ),
    "learners' data erased after a consent withdrawal, and erasures waiting for approval": (
        "dữ liệu người học đã xoá sau khi rút lại sự đồng ý, và các việc xoá đang chờ duyệt"
    ),
    "apply an erasure that waits for approval": "duyệt và thực hiện một việc xoá dữ liệu đang chờ",
    "verify and apply a device's USB bundle": "kiểm tra và nhận gói USB của một thiết bị",
    "check a pack archive and publish it to devices": "kiểm tra tệp gói bài học và phát hành cho các máy",
    "hand a publisher's key to every device to trust": (
        "gửi khóa của một nhà phát hành cho mọi máy để tin cậy"
    ),
    "the hub database, made by hub serve (default: hub.sqlite3 in the data folder; "
    "PostgreSQL: postgresql+psycopg://user@host/db)": (
        "cơ sở dữ liệu của máy chủ, do hub serve tạo (mặc định: hub.sqlite3 trong thư mục dữ liệu; "
        "PostgreSQL: postgresql+psycopg://user@host/db)"
    ),
    "Serve the hub. It makes its database only where it is told: a data folder named by "
    "--data-dir (or $VOLUNTEER_KIT_HOME) is made if its parent folder exists (a mistyped deep "
    "path is refused); a sqlite:/// --db file is made only in a folder that exists.": (
        "Chạy máy chủ đồng bộ. Máy chủ chỉ tạo cơ sở dữ liệu ở nơi được chỉ: thư mục dữ liệu "
        "cho bằng --data-dir (hoặc $VOLUNTEER_KIT_HOME) được tạo nếu thư mục chứa nó đã có (một "
        "đường dẫn sâu gõ nhầm bị từ chối); tệp --db sqlite:/// chỉ được tạo trong thư mục đã có."
    ),
    "address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: every network)": (
        "địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này; 0.0.0.0: mọi mạng)"
    ),
    "port, 1 to 65535 (default 8765)": "cổng, từ 1 đến 65535 (mặc định 8765)",
    "the address laptops reach the hub at, carried by QR codes and links, e.g. "
    "http://192.168.1.10:8765 (default: the LAN address with --host 0.0.0.0, else the --host)": (
        "địa chỉ các máy dùng để kết nối tới máy chủ, ghi vào mã QR và đường liên kết, ví dụ "
        "http://192.168.1.10:8765 (mặc định: địa chỉ mạng nội bộ khi --host 0.0.0.0, nếu không "
        "thì --host)"
    ),
    "pushes, pulls and bundles worked on at the same time; more devices are told to "
    "come back shortly (default 2; more on a server with many cores)": (
        "số lượt gửi, nhận và gói được xử lý cùng lúc; các máy khác được hẹn quay lại sau "
        "(mặc định 2; nhiều hơn trên máy chủ nhiều lõi)"
    ),
    "the commune's 5-digit code": "mã xã 5 chữ số",
    "the commune's name, when the hub does not know it": "tên xã, khi máy chủ chưa biết",
    "the province's 2-digit code (with --commune-name)": "mã tỉnh 2 chữ số (dùng với --commune-name)",
    "hours it stays valid (72)": "số giờ mã còn hiệu lực (72)",
    "the hub's address for the QR image (default: from hub serve)": (
        "địa chỉ máy chủ ghi vào mã QR (mặc định: theo hub serve)"
    ),
    "also write the code as a QR image": "ghi thêm mã thành ảnh QR",
    "print one JSON object": "in một đối tượng JSON",
    "print the results as one JSON object": "in kết quả thành một đối tượng JSON",
    "a commune that gets it (repeatable)": "một xã được nhận (có thể lặp lại)",
    "every commune of this hub": "mọi xã của máy chủ này",
    "the publisher's .pub file": "tệp .pub của nhà phát hành",
    "the publisher's name, shown to users": "tên nhà phát hành, hiện cho người dùng",
    "who may receive a certificate, and why": "ai được nhận giấy chứng nhận, và vì sao",
    "issue certificates (officer only)": "cấp giấy chứng nhận (chỉ cán bộ xã)",
    "write certificates to one PDF": "in giấy chứng nhận vào một tệp PDF",
    "check a certificate (exit 0 when valid)": "kiểm tra giấy chứng nhận (mã 0 khi hợp lệ)",
    "revoke a certificate (officer only)": "thu hồi giấy chứng nhận (chỉ cán bộ xã)",
    "retire this laptop's signing key, making a new one (officer only)": (
        "ngừng dùng khóa ký của máy này và tạo khóa mới (chỉ cán bộ xã)"
    ),
    "why the key is retired": "lý do ngừng dùng khóa",
    "the key leaked (a lost or stolen laptop): every certificate it signed is revoked": (
        "khóa bị lộ (máy bị mất hoặc bị đánh cắp): mọi giấy chứng nhận khóa đã ký bị thu hồi"
    ),
    "another key of the commune, by the first digits of its id (with --compromised)": (
        "một khóa khác của xã, theo các chữ số đầu của mã khóa (dùng với --compromised)"
    ),
    "only this pack": "chỉ gói này",
    "also list learners not yet eligible": "liệt kê cả người chưa đủ điều kiện",
    "the pack (needed with --learner)": "gói bài học (cần khi dùng --learner)",
    "a learner (repeatable)": "một người học (có thể lặp lại)",
    "every eligible learner (of --pack, or of every pack)": (
        "mọi người đủ điều kiện (của --pack, hoặc của mọi gói)"
    ),
    "every certificate not printed yet": "mọi giấy chứng nhận chưa in",
    "these serials": "các số hiệu này",
    "the QR's text (link or vk-cert:...)": "nội dung mã QR (đường dẫn hoặc vk-cert:...)",
    "a photo or scan (PNG/JPG) or a PDF": "ảnh chụp hoặc ảnh quét (PNG/JPG) hoặc tệp PDF",
    "print the verdicts as one JSON array": "in kết quả kiểm tra thành một mảng JSON",
    "write the roster as CSV, XLSX or PDF": "ghi danh sách lớp ra CSV, XLSX hoặc PDF",
    "write the report as XLSX or PDF": "ghi báo cáo ra XLSX hoặc PDF",
    "first day (YYYY-MM-DD or DD/MM/YYYY)": "ngày đầu (NĂM-THÁNG-NGÀY hoặc NGÀY/THÁNG/NĂM)",
    "last day (YYYY-MM-DD or DD/MM/YYYY)": "ngày cuối (NĂM-THÁNG-NGÀY hoặc NGÀY/THÁNG/NĂM)",
    "only this hamlet": "chỉ thôn/tổ dân phố này",
    "only this volunteer's sessions (a name, or an id)": (
        "chỉ các buổi của tình nguyện viên này (tên hoặc mã)"
    ),
    # admin (the officer's laptop) and the revoked laptop's export
    "run the commune from an officer's laptop (codes, devices, conflicts)": (
        "quản lý xã từ máy của cán bộ xã (mã ghi danh, các máy, xung đột)"
    ),
    "make a one-time enrollment code for a new laptop": "tạo mã ghi danh dùng một lần cho một máy mới",
    "the role of the laptop that enrolls": "vai trò của máy sẽ ghi danh",
    "hours it stays valid (72; at most 336)": "số giờ mã còn hiệu lực (72; tối đa 336)",
    "also write the enrollment text as a QR image": "ghi thêm mã ghi danh thành ảnh QR",
    "the open enrollment codes of the commune": "các mã ghi danh đang mở của xã",
    "cancel an open enrollment code": "huỷ một mã ghi danh đang mở",
    "the commune's laptops and their last contact": "các máy của xã và lần liên lạc cuối",
    "revoke a lost or stolen laptop": "thu hồi một máy bị mất hoặc bị đánh cắp",
    "why (1 to 200 characters)": "lý do (1 đến 200 ký tự)",
    "the commune's conflicts (versions overwritten by another edit)": (
        "các xung đột của xã (bản bị một lần sửa khác ghi đè)"
    ),
    "erasures waiting for approval, and the erasure trail": (
        "các việc xoá dữ liệu đang chờ duyệt, và nhật ký xoá dữ liệu"
    ),
    "the commune's records per kind, laptop and week": "số bản ghi của xã theo loại, theo máy và theo tuần",
    "weeks back (12; 1 to 52)": "số tuần gần đây (12; từ 1 đến 52)",
    "on a laptop the hub revoked: then delete its hub token (its records stay)": (
        "trên máy đã bị máy chủ xã thu hồi: sau đó xoá mã truy cập máy chủ (dữ liệu vẫn còn)"
    ),
    "on a laptop the hub revoked: delete its hub token, once its unsent records are exported": (
        "trên máy đã bị máy chủ xã thu hồi: xoá mã truy cập máy chủ, sau khi đã xuất dữ liệu chưa gửi"
    ),
    # Issue 19: a province hub (workers, read replica, analytics, dashboard accounts).
    (
        "Make a province dashboard account. The password is asked twice on the terminal, or read as one "
        "line from stdin with --password-stdin (for scripts); at least 10 characters."
    ): (
        "Tạo tài khoản xem bảng số liệu tỉnh. Mật khẩu được hỏi hai lần trên màn hình dòng lệnh, hoặc đọc "
        "một dòng từ stdin với --password-stdin (cho kịch bản); ít nhất 10 ký tự."
    ),
    (
        "Make or update the hub database's schema and print its revision. Worker processes started by "
        "uvicorn or gunicorn (volunteer_kit.hub.asgi:app) never migrate."
    ): (
        "Tạo hoặc cập nhật cấu trúc cơ sở dữ liệu máy chủ và in phiên bản của nó. Các tiến trình do "
        "uvicorn hay gunicorn khởi động (volunteer_kit.hub.asgi:app) không bao giờ tự cập nhật."
    ),
    (
        "PostgreSQL: pushes applied at once by all processes of the hub together, kept in the database "
        "for every process (0: no such limit, the default)"
    ): (
        "PostgreSQL: số lần gửi dữ liệu được ghi cùng lúc bởi mọi tiến trình của máy chủ cộng lại, lưu "
        "trong cơ sở dữ liệu cho mọi tiến trình (0: không giới hạn, mặc định)"
    ),
    (
        "Set the hub's public address for every hub process on this database; a hub serve without --url "
        "never replaces it."
    ): (
        "Đặt địa chỉ công khai của máy chủ cho mọi tiến trình trên cơ sở dữ liệu này; hub serve không có "
        "--url không bao giờ thay nó."
    ),
    "a PostgreSQL read replica of --db that pulls read from (default: --db itself)": (
        "bản sao chỉ đọc PostgreSQL của --db để phục vụ việc tải dữ liệu về (mặc định: chính --db)"
    ),
    (
        "database connections per process (default: --at-once plus a few); every process's pool counts "
        "against PostgreSQL's max_connections"
    ): (
        "số kết nối cơ sở dữ liệu của mỗi tiến trình (mặc định: --at-once cộng thêm vài); kết nối của mọi "
        "tiến trình cộng lại phải dưới max_connections của PostgreSQL"
    ),
    "delete a dashboard account (its browsers are signed out)": (
        "xoá một tài khoản bảng số liệu (các trình duyệt của nó bị đăng xuất)"
    ),
    "e.g. https://hub.tinh.gov.vn or http://192.168.1.10:8765": (
        "ví dụ https://hub.tinh.gov.vn hoặc http://192.168.1.10:8765"
    ),
    "list the province dashboard's accounts": (
        "liệt kê các tài khoản của bảng số liệu tỉnh"
    ),
    "make an account that reads one province's dashboard at /province/": (
        "tạo tài khoản xem bảng số liệu của một tỉnh tại /province/"
    ),
    "make or update the hub database's schema (before starting worker processes)": (
        "tạo hoặc cập nhật cấu trúc cơ sở dữ liệu máy chủ (trước khi khởi động các tiến trình)"
    ),
    "processes building communes side by side (default: half the CPUs, up to 4)": (
        "số tiến trình tính các xã song song (mặc định: nửa số CPU, tối đa 4)"
    ),
    "province figures: rebuild them now, or show them": (
        "số liệu tỉnh: tính lại ngay, hoặc hiện ra"
    ),
    "read the password from stdin": (
        "đọc mật khẩu từ stdin"
    ),
    "rebuild every commune, changed or not": (
        "tính lại mọi xã, dù có thay đổi hay không"
    ),
    "set the address laptops reach the hub at (QR codes and links carry it)": (
        "đặt địa chỉ mà máy tính xách tay dùng để tới máy chủ (mã QR và đường liên kết mang nó)"
    ),
    "skip (exit 0) when another rebuild is under way; else wait": (
        "bỏ qua (thoát 0) khi đang có lần tính lại khác; nếu không thì chờ"
    ),
    "the login name (a-z, 0-9, . _ -); default tinhCODE, e.g. tinh01 (more accounts need their own name)": (
        "tên đăng nhập (a-z, 0-9, . _ -); mặc định tinhMÃ, ví dụ tinh01 (tài khoản thêm cần tên riêng)"
    ),
    "the province's 2-digit code (show: required)": (
        "mã tỉnh 2 chữ số (với show: bắt buộc)"
    ),
    "the province's 2-digit code, e.g. 01": (
        "mã tỉnh 2 chữ số, ví dụ 01"
    ),
    "worker processes serving the one port, 1 to 64 (default 1); on PostgreSQL, about one per core": (
        "số tiến trình cùng phục vụ một cổng, từ 1 đến 64 (mặc định 1); với PostgreSQL, khoảng một cho "
        "mỗi lõi CPU"
    ),
}


def use_language(lang: str) -> None:
    """Make argparse speak `lang` from now on (its own words: usage, errors, section titles)."""
    table = ARGPARSE_VI if lang == "vi" else {}

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """This parser and every subparser below it, each once."""
    yield parser
    for action in parser._actions:  # argparse has no public walk of its tree
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from parsers(child)


def help_texts(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str]]:
    """(holder, text) for every help text and description in the tree."""
    for p in parsers(parser):
        if p.description:
            yield p, p.description
        for action in p._actions:
            if action.help and action.help != argparse.SUPPRESS:
                yield action, action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if choice.help:
                        yield choice, choice.help


def translate_help(parser: argparse.ArgumentParser, lang: str) -> None:
    """Replace every help text of the tree by its Vietnamese when lang is vi."""
    if lang != "vi":
        return
    for holder, text in list(help_texts(parser)):
        vi = HELP_VI.get(text)
        if vi is None:
            continue
        if isinstance(holder, argparse.ArgumentParser):
            holder.description = vi
        else:
            holder.help = vi  # type: ignore[attr-defined]


def untranslated(parser: argparse.ArgumentParser) -> list[str]:
    """Help texts with no Vietnamese (for the test that keeps the table complete)."""
    vietnamese = set(HELP_VI.values())
    return sorted({text for _, text in help_texts(parser) if text not in HELP_VI and text not in vietnamese})
