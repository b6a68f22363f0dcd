"""`volunteer-kit learners import`: a hostile list gets a correct report, and only valid rows go in."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

from openpyxl import Workbook

from tests.conftest import run_cli

HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số điện thoại", "Thôn/tổ", "Nhóm", "Đồng ý"]
ROWS = [
    ["1", "Nguyễn Thị Hằng", "1956", "Nữ", "0912 345 678", "Thôn Kim Lan", "Người cao tuổi", "Có"],  # ok
    [
        "2",
        unicodedata.normalize("NFD", "Trần  Văn Đức"),
        "12/03/1961",
        "nam",
        "",
        "Thôn Giang Cao",
        "",
        "x",
    ],  # ok
    ["3", '=HYPERLINK("http://x","Bấm")', "1970", "Nữ", "", "Thôn Kim Lan", "", "Có"],  # formula
    ["4", "Lê Thị Lan", "1800", "Nữ", "", "", "", "Có"],  # absurd year
    ["5", "Phạm Văn Bình", "1965", "Nam", "goi cho toi", "", "", "Có"],  # phone of letters
    ["6", "A" * 500, "1960", "Nam", "", "", "", "Có"],  # 500-character name
    ["7", "Hoàng Thị Mai", "1972", "Không rõ", "", "", "", "Có"],  # unknown gender
    ["8", "Đỗ Văn Tâm", "1959", "Nam", "", "", "", "Không"],  # no consent
    ["9", "Nguyễn Thị Hằng", "1956", "Nữ", "", "Thôn Kim Lan", "", "Có"],  # duplicate of line 2
    [
        "10",
        "Vũ Thị Thu\x07",
        "1990",
        "Nữ",
        "0987654321",
        "",
        "Học sinh, sinh viên; Người lao động",
        "Có",
    ],  # ok
    ["11", "", "1980", "Nam", "", "", "", "Có"],  # no name
]


def _csv(path: Path, delimiter: str = ";", bom: bool = True) -> Path:
    lines = [
        delimiter.join(f'"{c}"' if delimiter in c or '"' in c else c for c in row) for row in [HEADER, *ROWS]
    ]
    text = (
        "\r\n".join(
            line.replace('"=HYPERLINK("http://x","Bấm")"', '"=HYPERLINK(""http://x"",""Bấm"")"')
            for line in lines
        )
        + "\r\n"
    )
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _lines(report: dict) -> dict[int, str]:
    return {row["line"]: "; ".join(row["problems"]) for row in report["refused"]}


def _learners(data: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(data / "volunteer-kit.sqlite3")
    try:
        return {
            r[0]: r[1:]
            for r in conn.execute(
                "SELECT l.full_name, l.birth_year, l.gender, l.phone, l.hamlet, l.groups, c.text_version "
                "FROM learner l JOIN consent c ON c.learner_id = l.id"
            )
        }
    finally:
        conn.close()


def test_hostile_csv_gets_a_correct_report(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_cli("learners", "import", str(_csv(tmp_path / "list.csv")), "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["rows"] == 11 and report["imported"] == 3
    lines = _lines(report)
    assert sorted(lines) == [4, 5, 6, 7, 8, 9, 10, 12]
    assert "không chứa chữ số" in lines[4] or "=, +, -, @" in lines[4]
    assert "1900" in lines[5]
    assert "số điện thoại" in lines[6]
    assert "120" in lines[7]
    assert "giới tính" in lines[8]
    assert "chưa đồng ý" in lines[9]
    assert "trùng với dòng 2" in lines[10]
    assert "họ và tên" in lines[12]
    learners = _learners(data)
    assert set(learners) == {"Nguyễn Thị Hằng", "Trần Văn Đức", "Vũ Thị Thu"}
    assert learners["Nguyễn Thị Hằng"] == (
        1956,
        "female",
        "0912345678",
        "Thôn Kim Lan",
        ",elderly,",
        "2025.1",
    )
    assert learners["Trần Văn Đức"][:3] == (1961, "male", None)
    assert learners["Vũ Thị Thu"][4] == ",student,worker,"
    assert all(unicodedata.is_normalized("NFC", name) for name in learners)
    # The same list again: everyone already there is refused as a duplicate, nothing doubles.
    again = json.loads(
        run_cli("learners", "import", str(tmp_path / "list.csv"), "--json", data_dir=data).stdout
    )
    assert again["imported"] == 0
    assert "đã có trong danh sách" in _lines(again)[2]
    assert len(_learners(data)) == 3


def test_comma_csv_without_bom_and_xlsx_read_the_same(tmp_path: Path) -> None:
    plain = run_cli(
        "learners",
        "import",
        str(_csv(tmp_path / "a.csv", ",", bom=False)),
        "--json",
        data_dir=tmp_path / "d1",
    )
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, *ROWS]:
        sheet.append([cell.replace("\x07", "") for cell in row])  # Excel cells cannot hold control characters
    workbook.save(tmp_path / "list.xlsx")
    xlsx = run_cli("learners", "import", str(tmp_path / "list.xlsx"), "--json", data_dir=tmp_path / "d2")
    assert plain.returncode == xlsx.returncode == 0, (plain.stderr, xlsx.stderr)
    assert json.loads(plain.stdout)["imported"] == json.loads(xlsx.stdout)["imported"] == 3
    assert _learners(tmp_path / "d1") == _learners(tmp_path / "d2")


def test_a_fatal_problem_imports_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    no_name = tmp_path / "no-name.csv"
    no_name.write_text("Năm sinh;Giới tính\n1950;Nam\n", encoding="utf-8")
    result = run_cli("learners", "import", str(no_name), data_dir=data)
    assert (
        result.returncode == 1 and "--map" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    )
    no_consent = tmp_path / "no-consent.csv"
    no_consent.write_text("Họ và tên;Năm sinh\nLê Văn Tám;1950\n", encoding="utf-8")
    result = run_cli("learners", "import", str(no_consent), data_dir=data)
    assert result.returncode == 1 and "--consent-collected" in result.stderr
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("Họ và tên;Đồng ý\nLê Văn Tám;Có\n".encode("utf-16"))
    result = run_cli("learners", "import", str(latin1), data_dir=data)
    assert result.returncode == 1 and "UTF-8" in result.stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK not really a workbook")
    assert run_cli("learners", "import", str(broken), data_dir=data).returncode == 1
    assert not (data / "volunteer-kit.sqlite3").exists() or _learners(data) == {}


def test_map_and_consent_collected(tmp_path: Path) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text("Người;Sinh năm\nLê Văn Tám;1950\n", encoding="utf-8")
    result = run_cli(
        "learners",
        "import",
        str(listing),
        "--map",
        "full_name=Người",
        "--map",
        "birth_year=Sinh năm",
        "--consent-collected",
        data_dir=tmp_path / "data",
    )
    assert result.returncode == 0, result.stderr
    assert "Đã nhập 1 người học" in result.stdout
    assert _learners(tmp_path / "data")["Lê Văn Tám"][0] == 1950


def test_the_report_speaks_english_when_asked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    csv_path = _csv(tmp_path / "list.csv")
    result = run_cli("--lang", "en", "learners", "import", str(csv_path), "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    lines = _lines(json.loads(result.stdout))
    assert "1900" in lines[5] and "birth year" in lines[5]
    assert "phone" in lines[6]
    assert "gender" in lines[8]
    assert "did not consent" in lines[9]
    assert "the same as line 2" in lines[10]
    again = run_cli("learners", "import", str(csv_path), "--lang", "en", "--json", data_dir=data)
    assert "already registered" in _lines(json.loads(again.stdout))[2]
