"""Errors a user can act on, each with a one-line message in Vietnamese and English.

Anything that is not a KnownError is a bug: it is logged with its traceback and
shown in a crash dialog (GUI) or as a one-line pointer to the log (CLI).
"""

from __future__ import annotations

from collections.abc import Callable

_language = "vi"


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang == "en" else "vi"


def language() -> str:
    return _language


class KnownError(Exception):
    """A problem the user can act on."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en

    def message(self, lang: str | None = None) -> str:
        return self.en if (lang or _language) == "en" else self.vi


class DatabaseDamaged(KnownError):
    def __init__(self, path: object) -> None:
        super().__init__(
            f"Tệp dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của Volunteer Kit; "
            "tệp được giữ nguyên. Hãy chép nó cho cán bộ kỹ thuật, hoặc chọn thư mục dữ liệu khác "
            "bằng --data-dir.",
            f"The data file {path} is damaged or is not a Volunteer Kit database; it was left "
            "untouched. Give a copy to your IT contact, or choose another data folder with "
            "--data-dir.",
        )


class DatabaseTooNew(KnownError):
    def __init__(self, path: object, revision: str) -> None:
        super().__init__(
            f"Tệp dữ liệu {path} được tạo bởi phiên bản Volunteer Kit mới hơn "
            f"(lược đồ {revision}); hãy cập nhật ứng dụng.",
            f"The data file {path} was made by a newer Volunteer Kit (schema {revision}); update the app.",
        )


class DataFolderUnusable(KnownError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(
            f"Không dùng được thư mục dữ liệu {path} ({reason}); hãy chọn thư mục khác bằng --data-dir.",
            f"The data folder {path} cannot be used ({reason}); choose another one with --data-dir.",
        )


class DatabaseLocked(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "Cơ sở dữ liệu đang bị một chương trình khác khóa; hãy đóng cửa sổ Volunteer Kit "
            "khác rồi thử lại.",
            "The database is locked by another program; close the other Volunteer Kit window and try again.",
        )


class DiskFull(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "Ổ đĩa đã đầy nên không lưu được; hãy xóa bớt tệp không cần rồi thử lại. "
            "Dữ liệu đã lưu trước đó vẫn an toàn.",
            "The disk is full, so nothing could be saved; free some space and try again. "
            "Everything saved before is safe.",
        )


class InvalidInput(KnownError):
    """Bad input from the user: a value that cannot be accepted as given."""


class DiskError(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "Không đọc/ghi được tệp dữ liệu trên ổ đĩa (lỗi ổ đĩa, hoặc ổ USB bị rút ra); hãy kiểm tra "
            "ổ đĩa rồi thử lại. Dữ liệu đã lưu trước đó vẫn an toàn.",
            "The data file could not be read or written (a disk error, or a USB drive pulled out); "
            "check the disk and try again. Everything saved before is safe.",
        )


# SQLite's own names for what went wrong (Python 3.11: sqlite3.Error.sqlite_errorname); an
# extended name (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, ...) starts with its primary one.
_BY_SQLITE_NAME: tuple[tuple[str, Callable[[object], KnownError]], ...] = (
    ("SQLITE_FULL", lambda _path: DiskFull()),
    ("SQLITE_BUSY", lambda _path: DatabaseLocked()),
    ("SQLITE_LOCKED", lambda _path: DatabaseLocked()),
    ("SQLITE_NOTADB", DatabaseDamaged),
    ("SQLITE_CORRUPT", DatabaseDamaged),
    ("SQLITE_IOERR", lambda _path: DiskError()),
)


def _sqlite_error(exc: BaseException) -> BaseException | None:
    """The sqlite3 error behind `exc` (itself, SQLAlchemy's `orig`, or its cause)."""
    seen = exc
    for _ in range(4):
        if getattr(seen, "sqlite_errorname", None):
            return seen
        nxt = getattr(seen, "orig", None) or seen.__cause__
        if nxt is None:
            return None
        seen = nxt
    return None


def translate_database_error(exc: BaseException, path: object) -> KnownError | None:
    """Map a sqlite3 / SQLAlchemy error to the known problem it is, if it is one.

    SQLite's error name decides where there is one (an I/O error is not a damaged file); the
    message text only for errors that carry no name."""
    found = _sqlite_error(exc)
    if found is not None:
        name = str(getattr(found, "sqlite_errorname", ""))
        for prefix, known in _BY_SQLITE_NAME:
            if name == prefix or name.startswith(prefix + "_"):
                return known(path)
        return None  # a named error that is not the user's to fix (a constraint, a bug): a bug
    text = str(exc).lower()
    if "disk is full" in text:
        return DiskFull()
    if "database is locked" in text or "database is busy" in text:
        return DatabaseLocked()
    if (
        "file is not a database" in text
        or "malformed" in text
        or "file is encrypted" in text
        or "not a database" in text
    ):
        return DatabaseDamaged(path)
    return None
