"""Who is present now at each session, kept by triggers for the report; covering indexes for its facts

The report counts people present over up to a million attendance records; working out which
marks count now (store.facts.current: not deleted, not superseded) took most of its time.
attendance_present holds the answer: one row per session with a current present mark, listing
the rowid of the learner of each such mark (a person marked present twice is listed twice) as
16 hex digits, so the report reads one short row per session and counts with sets.

Triggers keep it exact whatever writes the rows (the app, bulk loads, sync pulls, merges): a new
present mark is appended; anything else that can change a session's list (a correction, a
tombstone, an update of a mark, a session or learner arriving after its marks) recomputes the
lists of the sessions concerned from attendance. It is local only and never synced.

The report also reads every quiz attempt and skill check with its learner: two covering indexes,
learner first, let it read them in learner order without a look-up per record.

Rowids are stable here (no table is rebuilt and VACUUM keeps the rowids of tables with an
index), but a later migration that rebuilds learner, teaching_session or attendance must drop
these triggers first, create them again and refill the table afterwards (`refill` below).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# What the report reads of quiz attempts and skill checks, learner first (models declare them too).
REPORT_INDEXES = {
    "ix_quiz_attempt_report": (
        "quiz_attempt",
        ["learner_id", "recorded_at", "pack_id", "passed", "deleted", "id", "session_id", "answers"],
    ),
    "ix_skill_check_report": (
        "skill_check",
        ["learner_id", "recorded_at", "pack_id", "check_id", "passed", "deleted", "id", "session_id"],
    ),
}

# Attendance row `a` is a present mark that counts now (store.facts.current, spelled out here:
# a migration keeps its own SQL).
_CURRENT = (
    "a.present = 1 AND a.deleted = 0 "
    "AND NOT EXISTS (SELECT 1 FROM attendance newer WHERE newer.supersedes_id = a.id)"
)
_LISTS = (
    "SELECT s.rowid, group_concat(printf('%016x', l.rowid), '') FROM teaching_session s "
    "JOIN attendance a ON a.session_id = s.id JOIN learner l ON l.id = a.learner_id "
)


def _recompute(session_ids: str) -> str:
    """Trigger statements that rebuild the lists of the sessions whose ids `session_ids` gives."""
    return (
        "DELETE FROM attendance_present WHERE session_rowid IN "
        f"(SELECT rowid FROM teaching_session WHERE id IN ({session_ids})); "
        f"INSERT INTO attendance_present (session_rowid, learner_rowids) {_LISTS}"
        f"WHERE s.id IN ({session_ids}) AND {_CURRENT} GROUP BY s.rowid; "
    )


def _superseded_session(record_id: str) -> str:
    return f"(SELECT session_id FROM attendance WHERE id = {record_id})"


TRIGGERS = {
    # The common case, a new present mark that corrects nothing: append its learner.
    "attendance_present_mark": (
        "AFTER INSERT ON attendance "
        "WHEN NEW.supersedes_id IS NULL AND NEW.present = 1 AND NEW.deleted = 0 BEGIN "
        "INSERT INTO attendance_present (session_rowid, learner_rowids) "
        "SELECT s.rowid, printf('%016x', l.rowid) FROM teaching_session s, learner l "
        "WHERE s.id = NEW.session_id AND l.id = NEW.learner_id "
        "AND NOT EXISTS (SELECT 1 FROM attendance newer WHERE newer.supersedes_id = NEW.id) "
        "ON CONFLICT (session_rowid) DO UPDATE SET "
        "learner_rowids = learner_rowids || excluded.learner_rowids; END"
    ),
    # A correction (or a retraction, a deleted correction) replaces the mark it supersedes.
    "attendance_present_correction": (
        "AFTER INSERT ON attendance WHEN NEW.supersedes_id IS NOT NULL BEGIN "
        + _recompute(f"NEW.session_id, {_superseded_session('NEW.supersedes_id')}")
        + "END"
    ),
    # Facts are not edited, but a pulled tombstone or a row rewritten by sync may change one.
    "attendance_present_update": (
        "AFTER UPDATE OF id, session_id, learner_id, present, deleted, supersedes_id ON attendance "
        "WHEN OLD.id IS NOT NEW.id OR OLD.session_id IS NOT NEW.session_id "
        "OR OLD.learner_id IS NOT NEW.learner_id OR OLD.present IS NOT NEW.present "
        "OR OLD.deleted IS NOT NEW.deleted OR OLD.supersedes_id IS NOT NEW.supersedes_id BEGIN "
        + _recompute(
            f"OLD.session_id, NEW.session_id, {_superseded_session('OLD.supersedes_id')}, "
            f"{_superseded_session('NEW.supersedes_id')}"
        )
        + "END"
    ),
    "attendance_present_delete": (
        "AFTER DELETE ON attendance BEGIN "
        + _recompute(f"OLD.session_id, {_superseded_session('OLD.supersedes_id')}")
        + "END"
    ),
    # Marks can arrive before their session or learner (sync defers foreign keys to the commit).
    "attendance_present_session_insert": (
        "AFTER INSERT ON teaching_session "
        "WHEN EXISTS (SELECT 1 FROM attendance WHERE session_id = NEW.id) BEGIN "
        + _recompute("NEW.id")
        + "END"
    ),
    "attendance_present_session_update": (
        "AFTER UPDATE OF id ON teaching_session WHEN OLD.id IS NOT NEW.id BEGIN "
        "DELETE FROM attendance_present WHERE session_rowid = OLD.rowid; " + _recompute("NEW.id") + "END"
    ),
    "attendance_present_session_delete": (
        "AFTER DELETE ON teaching_session BEGIN "
        "DELETE FROM attendance_present WHERE session_rowid = OLD.rowid; END"
    ),
    "attendance_present_learner_insert": (
        "AFTER INSERT ON learner "
        "WHEN EXISTS (SELECT 1 FROM attendance WHERE learner_id = NEW.id) BEGIN "
        + _recompute("SELECT session_id FROM attendance WHERE learner_id = NEW.id")
        + "END"
    ),
    "attendance_present_learner_update": (
        "AFTER UPDATE OF id ON learner WHEN OLD.id IS NOT NEW.id BEGIN "
        + _recompute("SELECT session_id FROM attendance WHERE learner_id IN (OLD.id, NEW.id)")
        + "END"
    ),
    "attendance_present_learner_delete": (
        "AFTER DELETE ON learner BEGIN "
        + _recompute("SELECT session_id FROM attendance WHERE learner_id = OLD.id")
        + "END"
    ),
}


def refill() -> None:
    """Rebuild every list from the attendance records."""
    op.execute("DELETE FROM attendance_present")
    op.execute(
        f"INSERT INTO attendance_present (session_rowid, learner_rowids) {_LISTS}"
        f"WHERE {_CURRENT} GROUP BY s.rowid"
    )


def upgrade() -> None:
    op.create_table(
        "attendance_present",
        sa.Column("session_rowid", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("learner_rowids", sa.String(), nullable=False),
    )
    refill()
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    for name, (table, columns) in REPORT_INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in REPORT_INDEXES.items():
        op.drop_index(name, table_name=table)
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("attendance_present")
