"""Merging two records of one person (an officer's job).

Nothing is edited away: every current attendance, quiz attempt and skill check
of the merged learner is superseded by a copy that names the kept learner; where
both were marked at the same session, the kept mark takes the better of the two
and the merged mark is retracted (a superseding record that is itself deleted).
The merged learner is marked deleted with `merged_into_id`, the kept one gains
what it lacked (birth year, phone, gender, household, groups), and a
learner_merge fact records who merged what. All of it syncs as ordinary records.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store import attendance
from volunteer_kit.store.bulk import insert_values, stored_datetime
from volunteer_kit.store.devices import profile, require_officer
from volunteer_kit.store.facts import current

_BASE = ("id", "commune_code", "created_by_device", "created_at", "pending", "deleted")
# Attendance moves by store.attendance.move_marks (two marks at one session become one).
_FACT_TABLES = {
    "quiz_attempt": (
        "session_id",
        "pack_id",
        "pack_version",
        "answers",
        "correct_count",
        "question_count",
        "score",
        "passed",
    ),
    "skill_check": ("session_id", "pack_id", "pack_version", "check_id", "passed", "observed_by"),
}
_LEARNER = "SELECT id, birth_year, gender, phone, household_id, groups, anonymized FROM learner "


def merge_learners(conn: Connection, *, keep_id: str, merge_id: str) -> int:
    """Merge `merge_id` into `keep_id` in the caller's transaction; returns how many facts moved."""
    require_officer(conn, "gộp hai hồ sơ", "merge two records")
    me = profile(conn)
    if keep_id == merge_id:
        raise InvalidInput("Hãy chọn hai hồ sơ khác nhau.", "Choose two different records.")
    kept = conn.execute(text(_LEARNER + "WHERE id = :id AND deleted = 0"), {"id": keep_id}).first()
    merged = conn.execute(text(_LEARNER + "WHERE id = :id AND deleted = 0"), {"id": merge_id}).first()
    if kept is None or merged is None:
        raise InvalidInput(
            "Không tìm thấy một trong hai hồ sơ (có thể đã được gộp).",
            "One of the two records was not found (it may have been merged already).",
        )
    if kept[6] or merged[6]:
        raise InvalidInput(
            "Không gộp hồ sơ của người đã rút lại sự đồng ý.",
            "A record whose person withdrew consent cannot be merged.",
        )
    now = stored_datetime(utcnow())
    base = (me.commune_code or "", me.device_id, now, True, False)
    moved = attendance.move_marks(conn, keep_id=keep_id, merge_id=merge_id, made=base)
    for table in ("quiz_attempt", "skill_check"):
        moved += _move_facts(conn, table, keep_id, merge_id, base, now)
    _carry_consent(conn, keep_id, merge_id, base, now)
    groups = sorted({g for g in f"{kept[5]}{merged[5]}".split(",") if g})
    conn.execute(
        text(
            "UPDATE learner SET birth_year = coalesce(birth_year, :year), "
            "gender = coalesce(gender, :gender), "
            "phone = coalesce(phone, :phone), household_id = coalesce(household_id, :household), "
            "groups = :groups, updated_at = :now, revision = revision + 1, pending = 1 WHERE id = :id"
        ),
        {
            "year": merged[1],
            "gender": merged[2],
            "phone": merged[3],
            "household": merged[4],
            "groups": "," + ",".join(groups) + ("," if groups else ""),
            "now": now,
            "id": keep_id,
        },
    )
    conn.execute(
        text(
            "UPDATE learner SET deleted = 1, merged_into_id = :keep, updated_at = :now, "
            "revision = revision + 1, pending = 1 WHERE id = :id"
        ),
        {"keep": keep_id, "now": now, "id": merge_id},
    )
    insert_values(
        conn,
        "learner_merge",
        (*_BASE, "kept_id", "merged_id", "merged_by", "merged_at", "moved_facts"),
        [(new_id(), *base, keep_id, merge_id, me.volunteer_id, now, moved)],
    )
    return moved


def _current_rows(conn: Connection, table: str, learner_id: str) -> list[tuple[object, ...]]:
    columns = ", ".join(f"f.{c}" for c in _FACT_TABLES[table])
    return [
        tuple(r)
        for r in conn.execute(
            text(
                f"SELECT f.id, {columns} FROM {table} f "
                f"WHERE f.learner_id = :id AND {current(table, 'f')} ORDER BY f.recorded_at, f.id"
            ),
            {"id": learner_id},
        )
    ]


def _insert_facts(conn: Connection, table: str, rows: list[tuple[object, ...]]) -> None:
    if rows:
        columns = (*_BASE, "learner_id", *_FACT_TABLES[table], "recorded_at", "supersedes_id")
        insert_values(conn, table, columns, rows)


def _move_facts(
    conn: Connection, table: str, keep_id: str, merge_id: str, base: tuple[object, ...], now: str | None
) -> int:
    rows = _current_rows(conn, table, merge_id)
    _insert_facts(conn, table, [(new_id(), *base, keep_id, *row[1:], now, row[0]) for row in rows])
    return len(rows)


def _carry_consent(
    conn: Connection, keep_id: str, merge_id: str, base: tuple[object, ...], now: str | None
) -> None:
    """If only the merged record holds the person's consent, the kept one records it too."""
    latest = (
        "SELECT action, text_version, given_by, representative_name, recorded_by FROM consent "
        "WHERE learner_id = :id ORDER BY recorded_at DESC, id DESC LIMIT 1"
    )
    kept = conn.execute(text(latest), {"id": keep_id}).first()
    merged = conn.execute(text(latest), {"id": merge_id}).first()
    if merged is not None and merged[0] == "given" and (kept is None or kept[0] != "given"):
        insert_values(
            conn,
            "consent",
            (
                *_BASE,
                "learner_id",
                "action",
                "text_version",
                "given_by",
                "representative_name",
                "recorded_by",
                "recorded_at",
            ),
            [(new_id(), *base, keep_id, *merged, now)],
        )
