"""What every export does to a cell: the words for stored codes and formula-injection neutralising."""

from __future__ import annotations

import unicodedata

from volunteer_kit.core.vocab import word  # noqa: F401 - the exports' word for a code

# A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

GENDERS = {"female": ("Nữ", "Female"), "male": ("Nam", "Male"), "other": ("Khác", "Other")}
GROUPS = {
    "elderly": ("Người cao tuổi", "Elderly"),
    "ethnic_minority": ("Dân tộc thiểu số", "Ethnic minority"),
    "official": ("Cán bộ, công chức", "Official"),
    "student": ("Học sinh, sinh viên", "Student"),
    "worker": ("Công nhân, người lao động", "Worker"),
    "disability": ("Người khuyết tật", "Person with disability"),
}
REPORT_GROUPS = ("elderly", "ethnic_minority", "official", "student", "worker", "disability")
MISSING = "—"


def safe_text(value: str) -> str:
    """Text as a spreadsheet must receive it: NFC, and a leading apostrophe when it would run as a formula."""
    value = unicodedata.normalize("NFC", value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def safe_cell(value: object) -> object:
    """A cell value for CSV/XLSX: text neutralised, numbers and dates kept typed, None kept empty."""
    return safe_text(value) if isinstance(value, str) else value
