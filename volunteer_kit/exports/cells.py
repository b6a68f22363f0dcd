"""What every export does to a cell: the words for stored codes and formula-injection neutralising."""

from __future__ import annotations

import unicodedata

from volunteer_kit.core.vocab import GROUPS

# A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

REPORT_GROUPS = tuple(GROUPS)  # every group, in the vocabulary's order
MISSING = "—"


def safe_text(value: str) -> str:
    """Text as a spreadsheet must receive it: NFC, and a leading apostrophe when it would run as a formula."""
    value = unicodedata.normalize("NFC", value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def safe_cell(value: object) -> object:
    """A cell value for CSV/XLSX: text neutralised, numbers and dates kept typed, None kept empty."""
    return safe_text(value) if isinstance(value, str) else value
