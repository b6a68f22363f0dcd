"""Where an export lands: the target checked first, the file written beside it under a temporary
name and renamed into place, so a failure leaves neither a half-written file nor a damaged older one."""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from volunteer_kit.errors import InvalidInput

if TYPE_CHECKING:
    from openpyxl import Workbook


def check_target(out: Path) -> None:
    """InvalidInput when `out` cannot be a new file: checked before any work, so the user hears the
    real reason (a folder named as the file, a missing folder) rather than a writer's error."""
    if out.is_dir():
        raise InvalidInput(
            f"{out} là một thư mục; hãy ghi thêm tên tệp vào cuối đường dẫn.",
            f"{out} is a folder; end the path with a file name.",
        )
    if not out.parent.is_dir():
        raise InvalidInput(
            f"Không có thư mục {out.parent}; hãy chọn nơi lưu khác.",
            f"There is no folder {out.parent}; choose another place.",
        )


def cannot_write(out: Path, exc: OSError) -> InvalidInput:
    reason = exc.strerror or str(exc)
    return InvalidInput(
        f"Không ghi được {out} ({reason}); hãy chọn nơi lưu khác, hoặc đóng tệp nếu nó đang mở.",
        f"Cannot write {out} ({reason}); choose another place, or close the file if it is open.",
    )


def save_export(out: Path, write: Callable[[Path], None]) -> None:
    """Run `write` on a temporary file beside `out`, then put it in place of `out` in one rename.

    The temporary file is made first (an unwritable folder fails before any work) with the usual
    permissions of a new file, and is removed whatever goes wrong.
    """
    check_target(out)
    # Short and hidden; beside the target, so the rename stays on one file system.
    temp = out.with_name(f".{out.name[:80]}.{secrets.token_hex(4)}.part")
    try:
        temp.open("xb").close()
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    try:
        write(temp)
        os.replace(temp, out)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def workbook_bytes(book: Workbook) -> bytes:
    """A write-only workbook saved in memory, for save_export to write: saved straight to a path
    that fails, its sheets' row generators stay open and print "Exception ignored" tracebacks."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
