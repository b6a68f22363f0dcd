"""Text out of the command line that survives any console or pipe.

A Windows console or a redirected `volunteer-kit-cli.exe … > file` may get the ANSI code
page (cp1252, cp1258) as Python's stream encoding, and Vietnamese letters such as "ỗ"
then raised UnicodeEncodeError in the middle of a listing. The rule:

- a pipe or a file gets UTF-8, whatever the code page: what is written there is read by
  programs (Excel, editors, other scripts), which all read UTF-8;
- a console that cannot show a letter shows it without its accent ("Nguyễn" → "Nguyen"
  on a cp1252 console, "Nguyễn" on cp1258, which has "ễ" as e + combining tilde), never
  a crash and never a "?" where a letter can still be read.
"""

from __future__ import annotations

import codecs
import itertools
import sys
import unicodedata
from typing import TextIO

ERRORS = "volunteer-kit-fold"


def fold_errors(encoding: str) -> str:
    """The name of an encode error handler for `encoding` that shows what it can't encode as
    near as it can (the handler is told only "charmap" for code pages, so each gets its own)."""
    name = f"{ERRORS}-{codecs.lookup(encoding).name}"

    def handler(error: UnicodeError) -> tuple[str, int]:
        if not isinstance(error, UnicodeEncodeError):
            raise error
        shown = "".join(_nearest(char, encoding) for char in error.object[error.start : error.end])
        return shown, error.end

    codecs.register_error(name, handler)
    return name


def _nearest(char: str, encoding: str) -> str:
    # First the letter with its marks split off one by one (cp1258 has "ê" and a combining
    # tilde, not "ễ"), then the letter without any mark, then "?".
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    split = [
        unicodedata.normalize("NFC", base + "".join(kept)) + "".join(m for m in marks if m not in kept)
        for size in range(len(marks) - 1, 0, -1)
        for kept in itertools.combinations(marks, size)
    ]
    for candidate in (*split, _strip_marks(char)):
        try:
            candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
        return candidate
    return "?"


def _strip_marks(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def _is_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def make_safe(stream: TextIO | None) -> None:
    """Set a standard stream so that no text written to it can fail to encode."""
    if stream is None or _is_utf8(stream) or not hasattr(stream, "reconfigure"):
        return
    try:
        if _is_terminal(stream):
            stream.reconfigure(errors=fold_errors(stream.encoding))
        else:
            stream.reconfigure(encoding="utf-8")
    except (ValueError, OSError):  # a closed or detached stream: nothing to write to anyway
        pass


def make_standard_streams_safe() -> None:
    make_safe(sys.stdout)
    make_safe(sys.stderr)
