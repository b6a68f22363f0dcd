"""Vietnamese text: the one place that normalises and folds text.

Everything that stores or searches text calls these functions, so that
"nguyen thi hang", "NGUYỄN THỊ HẰNG" and an NFD-typed "Nguyễn Thị Hằng" meet.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Control characters (C0, C1, DEL) never belong in a name or an address.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _fold_table() -> dict[int, str | None]:
    """Precomposed Latin letters to their lowercase base letter; combining marks dropped."""
    table: dict[int, str | None] = {}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        base = "".join(ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch))
        if base and base != chr(code):
            table[code] = base.lower()
    for code in range(0x0300, 0x0370):
        table[code] = None
    # đ has no decomposition; fold it by hand.
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()


def nfc(text: str) -> str:
    """The NFC form, as stored."""
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """NFC, control characters removed, runs of whitespace collapsed, trimmed."""
    text = _CONTROL.sub(" ", nfc(text))
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lowercase, accents stripped, đ→d, single spaces: the search form."""
    return clean_text(text).lower().translate(_FOLD)


def sort_key(full_name: str) -> str:
    """Sort by given name first, then by the whole name, as Vietnamese rosters do."""
    return sort_key_from_folded(fold(full_name))


def sort_key_from_folded(folded_name: str) -> str:
    return f"{folded_name.rsplit(' ', 1)[-1]} {folded_name}"


def digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def learner_search_text(full_name: str, phone: str | None, hamlet: str | None) -> str:
    """What a learner search matches against: folded name, phone digits, folded hamlet."""
    return search_text_from_folded(fold(full_name), phone, fold(hamlet or ""))


def search_text_from_folded(folded_name: str, phone: str | None, folded_hamlet: str) -> str:
    return " | ".join(part for part in (folded_name, digits(phone), folded_hamlet) if part)
