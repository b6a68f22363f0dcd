"""The window's words for stored codes (gender, groups, roles, session and record kinds).

Pages take the tables from core/vocab.py, the one vocabulary the command line and the exports use too,
and the words through label(), in the window's language, so the Learners page, a roster PDF and a
report say the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from volunteer_kit.core import vocab
from volunteer_kit.errors import language


def label(table: Mapping[str, tuple[str, str]], code: str | None) -> str:
    """The word for `code` in the window's language, standing alone (first letter capitalised); an
    unknown code is shown as it is, none as ""."""
    word = vocab.word(table, code, language())
    return word[:1].upper() + word[1:]


def groups_text(codes: Iterable[str]) -> str:
    return ", ".join(label(vocab.GROUPS, code) for code in codes)
