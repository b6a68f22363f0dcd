"""Ids as people type them: the short id a listing shows, or any unique part of the start.

Ids are UUIDv7: their first characters are a timestamp, shared by every record made in the
same minute, so the short id is the *last* eight characters (random). A command taking an id
accepts the whole id, its short id (any unique ending) or any unique beginning (as git does).
"""

from __future__ import annotations

from sqlalchemy import Connection

from volunteer_kit.errors import InvalidInput

SHORT = 8  # characters of an id that listings show

# What each kind of record is called in a message, and the command that lists them.
_KINDS = {
    "learner": ("người học", "learner", "learners list"),
    "teaching_session": ("buổi học", "session", "sessions list"),
    "volunteer": ("tình nguyện viên", "volunteer", "sessions list"),
}


def short_id(record_id: str | None) -> str:
    return (record_id or "")[-SHORT:]


def resolve_id(conn: Connection, table: str, given: str) -> str:
    """The one id of `table` that is `given` or starts with it; a clear refusal otherwise."""
    vi, en, listing = _KINDS[table]
    prefix = given.strip().lower()
    if not prefix or any(c not in "0123456789abcdef-" for c in prefix):
        raise InvalidInput(
            f"Mã {vi} không hợp lệ: {given!r}; xem mã bằng: volunteer-kit {listing}",
            f"Not a {en} id: {given!r}; see the ids with: volunteer-kit {listing}",
        )
    # Deleted (merged, tombstoned) rows are still found: a command says why it can't use them.
    found = (
        conn.exec_driver_sql(
            f"SELECT id FROM {table} WHERE id = ? OR id LIKE ? OR id LIKE ? LIMIT 3",
            (prefix, prefix + "%", "%" + prefix),
        )
        .scalars()
        .all()
    )
    if prefix in found:
        return prefix
    if len(found) == 1:
        return str(found[0])
    if not found:
        raise InvalidInput(
            f"Không có {vi} nào có mã {given!r}; xem mã bằng: volunteer-kit {listing}",
            f"There is no {en} with id {given!r}; see the ids with: volunteer-kit {listing}",
        )
    raise InvalidInput(
        f"Mã {given!r} trùng với nhiều {vi}; hãy gõ thêm vài ký tự.",
        f"The id {given!r} matches more than one {en}; type a few more characters.",
    )


def resolve_volunteer(conn: Connection, given: str) -> str:
    """A volunteer by id (whole, short or a unique beginning) or by name, accents optional."""
    from volunteer_kit.core.text import fold

    text = given.strip()
    if text and all(c in "0123456789abcdef-" for c in text.lower()):
        try:
            return resolve_id(conn, "volunteer", text)
        except InvalidInput:
            pass  # maybe a name after all
    people = conn.exec_driver_sql(
        "SELECT id, full_name FROM volunteer WHERE deleted = 0 ORDER BY full_name"
    ).all()
    wanted = fold(text)
    exact = [row for row in people if fold(row[1]) == wanted]
    matches = exact or [row for row in people if wanted and wanted in fold(row[1])]
    if len(matches) == 1:
        return str(matches[0][0])
    known = ", ".join(row[1] for row in people[:12]) or "—"
    if not matches:
        raise InvalidInput(
            f"Không có tình nguyện viên {given!r}; các tình nguyện viên: {known}",
            f"There is no volunteer {given!r}; the volunteers are: {known}",
        )
    raise InvalidInput(
        f"Có {len(matches)} tình nguyện viên khớp với {given!r}; hãy gõ đầy đủ tên hoặc mã.",
        f"{len(matches)} volunteers match {given!r}; type the whole name or the id.",
    )
