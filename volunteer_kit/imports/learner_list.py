"""A commune's list of people (CSV or XLSX) read into learner rows, each checked, with a report.

Nothing here writes: `read_learner_list` returns every row with its verdict, and
the store writes the valid ones in one transaction (store.learners.import_learners).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from volunteer_kit.core.text import clean_text, digits, fold
from volunteer_kit.core.vocab import pick
from volunteer_kit.errors import InvalidInput
from volunteer_kit.imports.csv_encoding import decode_csv

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
FIELDS = ("full_name", "birth_year", "gender", "phone", "hamlet", "groups", "consent")
# Header names people write, folded (accents, case and spacing do not matter).
HEADER_NAMES = {
    "full_name": ("ho va ten", "ho ten", "ho va ten nguoi hoc", "ten", "full name", "name"),
    "birth_year": ("nam sinh", "ngay sinh", "ngay thang nam sinh", "birth year", "year of birth", "born"),
    "gender": ("gioi tinh", "gioi", "gender", "sex"),
    "phone": ("so dien thoai", "dien thoai", "sdt", "so dt", "phone", "phone number"),
    "hamlet": (
        "thon",
        "thon/to",
        "thon / to dan pho",
        "thon/to dan pho",
        "to dan pho",
        "thon, to dan pho",
        "hamlet",
        "ap",
        "ban",
        "khu pho",
    ),
    "groups": ("nhom", "doi tuong", "nhom doi tuong", "groups", "group"),
    "consent": ("dong y", "da dong y", "consent", "consented"),
}
GENDERS = {
    "nam": "male",
    "male": "male",
    "m": "male",
    "nu": "female",
    "female": "female",
    "f": "female",
    "khac": "other",
    "other": "other",
}
GROUPS = {
    "nguoi cao tuoi": "elderly",
    "cao tuoi": "elderly",
    "elderly": "elderly",
    "dan toc thieu so": "ethnic_minority",
    "dtts": "ethnic_minority",
    "ethnic minority": "ethnic_minority",
    "can bo": "official",
    "cong chuc": "official",
    "can bo, cong chuc": "official",
    "official": "official",
    "hoc sinh": "student",
    "sinh vien": "student",
    "hoc sinh, sinh vien": "student",
    "student": "student",
    "nguoi lao dong": "worker",
    "lao dong": "worker",
    "cong nhan": "worker",
    "worker": "worker",
    "nguoi khuyet tat": "disability",
    "khuyet tat": "disability",
    "disability": "disability",
}
YES = {"co", "x", "yes", "y", "da dong y", "dong y", "1", "true"}
NO = {"khong", "no", "n", "0", "false", ""}
_GROUP_SPLIT = re.compile(r"[;/|]|,(?!\s*(?:cong chuc|sinh vien))")


@dataclass
class ListRow:
    line: int  # as the person sees it in their spreadsheet (header is line 1)
    values: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class LearnerList:
    columns: dict[str, str]  # field -> the header it came from
    rows: list[ListRow]

    @property
    def valid(self) -> list[ListRow]:
        return [row for row in self.rows if row.ok]

    @property
    def refused(self) -> list[ListRow]:
        return [row for row in self.rows if not row.ok]


def _say(vi: str, en: str) -> str:
    """A row's reason, in the language of the messages (the window's or the command line's)."""
    from volunteer_kit.errors import language

    return pick(language(), vi, en)


def _fatal(vi: str, en: str) -> InvalidInput:
    return InvalidInput(vi, en)


def read_table(path: Path) -> list[list[str]]:
    """Every row of the first sheet (XLSX) or of the CSV (UTF-8 with or without BOM, or the
    Windows-1258 of Vietnamese Excel's plain "CSV"; , ; or tab)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if size > MAX_FILE_BYTES:
        raise _too_large()
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(_read_bounded(path))
    raise _fatal("Chỉ nhận tệp .csv hoặc .xlsx.", "Only .csv and .xlsx files can be imported.")


def _unreadable(path: Path, exc: OSError) -> InvalidInput:
    return _fatal(f"Không đọc được tệp {path}.", f"Cannot read {path} ({exc.strerror}).")


def _too_large() -> InvalidInput:
    return _fatal("Tệp lớn quá 50 MB.", "The file is larger than 50 MB.")


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, never more than the limit: it may have grown since it was measured."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _too_large()
    return data


def _read_csv(data: bytes) -> list[list[str]]:
    text = decode_csv(data)  # UTF-8 or Windows-1258; TCVN3, VNI and the rest are refused, named
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]


def _read_xlsx(path: Path) -> list[list[str]]:
    # calamine reads a 20,000-row sheet in a quarter of a second; openpyxl needs several seconds.
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        values = workbook.get_sheet_by_index(0).to_python(skip_empty_area=True)
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise _fatal(
            "Tệp .xlsx hỏng hoặc không phải bảng tính Excel.",
            "The .xlsx file is damaged or not an Excel workbook.",
        ) from exc
    rows = []
    for row in values:
        cells = ["" if v is None else _cell_text(v) for v in row]
        if any(cell.strip() for cell in cells):
            rows.append(cells)
        if len(rows) > MAX_ROWS + 1:
            break
    return rows


def _cell_text(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def guess_columns(headers: list[str]) -> dict[str, int]:
    """field -> column index for the headers whose names say what they hold (accents optional)."""
    folded = [fold(h) for h in headers]
    mapping: dict[str, int] = {}
    for field_name, names in HEADER_NAMES.items():
        for index, header in enumerate(folded):
            if header in names and index not in mapping.values():
                mapping[field_name] = index
                break
    return mapping


def map_columns(headers: list[str], overrides: dict[str, str] | None = None) -> dict[str, int]:
    """field -> column index, from header names (or `overrides`: field -> header as written)."""
    folded = [fold(h) for h in headers]
    mapping = guess_columns(headers)
    for field_name, header in (overrides or {}).items():
        if field_name not in FIELDS:
            raise _fatal(
                f"Không có trường {field_name}.",
                f"There is no field {field_name}; use one of {', '.join(FIELDS)}.",
            )
        if fold(header) not in folded:
            raise _fatal(f"Không có cột '{header}' trong tệp.", f"The file has no column '{header}'.")
        mapping[field_name] = folded.index(fold(header))
    if "full_name" not in mapping:
        raise _fatal(
            "Không tìm thấy cột họ tên (ví dụ 'Họ và tên'); đặt tên cột hoặc dùng --map full_name=CỘT.",
            "No name column found (e.g. 'Họ và tên'); name it or use --map full_name=COLUMN.",
        )
    return mapping


def _check_row(cells: list[str], mapping: dict[str, int], line: int, this_year: int) -> ListRow:
    from volunteer_kit.core.people import check_new_learner  # the same rules as typing a name

    row = ListRow(line)

    def cell(field_name: str) -> str:
        index = mapping.get(field_name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    raw_year = cell("birth_year")
    year: int | None = None
    if raw_year:
        match = re.fullmatch(r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?(\d{4})(?:\.0)?", raw_year)
        if match:
            year = int(match.group(1))
        else:
            row.problems.append(
                _say(
                    f"năm sinh '{raw_year[:20]}' không phải năm (ví dụ 1958)",
                    f"birth year '{raw_year[:20]}' is not a year (e.g. 1958)",
                )
            )
    try:
        name = check_new_learner(cell("full_name"), year if year and 1900 <= year <= this_year else None)
        row.values["full_name"] = name
    except InvalidInput as exc:
        row.problems.append(_say(exc.vi.rstrip(".").lower(), exc.en.rstrip(".").lower()))
    if year is not None and not 1900 <= year <= this_year:
        row.problems.append(
            _say(
                f"năm sinh {year} phải từ 1900 đến {this_year}",
                f"birth year {year} must be between 1900 and {this_year}",
            )
        )
    row.values["birth_year"] = year
    gender = fold(cell("gender"))
    if gender and gender not in GENDERS:
        row.problems.append(
            _say(
                f"giới tính '{cell('gender')[:20]}' không rõ (Nam, Nữ hoặc Khác)",
                f"gender '{cell('gender')[:20]}' is unclear (Nam, Nữ or Khác)",
            )
        )
    row.values["gender"] = GENDERS.get(gender)
    phone = cell("phone")
    if phone:
        number = digits(phone)
        if number.startswith("84") and len(number) == 11:
            number = "0" + number[2:]
        if re.search(r"[^\d\s.+()-]", phone) or not re.fullmatch(r"0\d{9}", number):
            row.problems.append(
                _say(
                    f"số điện thoại '{phone[:20]}' không hợp lệ (10 chữ số, ví dụ 0912345678)",
                    f"phone '{phone[:20]}' is not valid (10 digits, e.g. 0912345678)",
                )
            )
        row.values["phone"] = number
    else:
        row.values["phone"] = None
    hamlet = clean_text(cell("hamlet"))
    if len(hamlet) > 120 or hamlet[:1] in ("=", "+", "-", "@"):
        row.problems.append(
            _say(
                "thôn/tổ quá dài hoặc bắt đầu bằng =, +, -, @",
                "the hamlet is too long or starts with =, +, -, @",
            )
        )
    row.values["hamlet"] = hamlet
    groups = []
    for part in _GROUP_SPLIT.split(fold(cell("groups"))):
        part = part.strip()
        if not part:
            continue
        if part not in GROUPS:
            row.problems.append(_say(f"nhóm '{part}' không rõ", f"group '{part}' is unknown"))
        else:
            groups.append(GROUPS[part])
    row.values["groups"] = tuple(dict.fromkeys(groups))
    if "consent" in mapping:
        consent = fold(cell("consent"))
        if consent not in YES and consent not in NO:
            row.problems.append(
                _say(
                    f"cột đồng ý '{cell('consent')[:20]}' phải là Có hoặc Không",
                    f"consent '{cell('consent')[:20]}' must be Có (yes) or Không (no)",
                )
            )
        elif consent not in YES:
            row.problems.append(_say("chưa đồng ý cho ghi thông tin", "did not consent to being recorded"))
    return row


def read_list_table(path: Path) -> list[list[str]]:
    """The rows of a commune list, header first; an empty or oversized file is an InvalidInput."""
    table = read_table(path)
    if not table:
        raise _fatal("Tệp không có dòng nào.", "The file has no rows.")
    if len(table) - 1 > MAX_ROWS:
        raise _fatal(
            f"Tệp có quá {MAX_ROWS:,} dòng.".replace(",", "."), f"The file has more than {MAX_ROWS:,} rows."
        )
    return table


def read_learner_list(
    path: Path,
    *,
    overrides: dict[str, str] | None = None,
    consent_collected: bool = False,
    this_year: int | None = None,
) -> LearnerList:
    """Read and check every row; duplicates inside the file are refused (the first one stays)."""
    table = read_list_table(path)
    mapping = map_columns(table[0], overrides)
    if "consent" not in mapping and not consent_collected:
        raise _fatal(
            "Danh sách phải có cột 'Đồng ý' cho từng người, hoặc dùng --consent-collected "
            "nếu xã đã thu phiếu đồng ý.",
            "The list needs a 'Đồng ý' (consent) column, or --consent-collected if the commune collected "
            "written consent.",
        )
    return check_table(table, mapping, this_year=this_year)


def check_table(
    table: list[list[str]], mapping: dict[str, int], *, this_year: int | None = None
) -> LearnerList:
    """Check every row under the header for this field -> column mapping; a row that repeats an
    earlier one (same folded name and birth year, or same phone) is refused, the first one stays."""
    from volunteer_kit.core.clock import local, utcnow

    year = this_year or local(utcnow()).year
    rows = [_check_row(cells, mapping, line, year) for line, cells in enumerate(table[1:], start=2)]
    seen_names: dict[tuple[str, object], int] = {}
    seen_phones: dict[str, int] = {}
    for row in rows:
        if not row.ok:
            continue
        key = (fold(str(row.values["full_name"])), row.values["birth_year"])
        phone = row.values["phone"]
        if key in seen_names:
            row.problems.append(
                _say(
                    f"trùng với dòng {seen_names[key]} (cùng họ tên và năm sinh)",
                    f"the same as line {seen_names[key]} (same name and birth year)",
                )
            )
        elif phone and phone in seen_phones:
            row.problems.append(
                _say(
                    f"trùng số điện thoại với dòng {seen_phones[phone]}",
                    f"the same phone as line {seen_phones[phone]}",
                )
            )
        else:
            seen_names[key] = row.line
            if phone:
                seen_phones[str(phone)] = row.line
    columns = {field_name: table[0][index] for field_name, index in mapping.items()}
    return LearnerList(columns=columns, rows=rows)
