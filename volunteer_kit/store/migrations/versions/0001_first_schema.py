"""first schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 23:31:39.169921
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_revocation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("certificate_serial", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("certificate_revocation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificate_revocation_certificate_serial"), ["certificate_serial"], unique=False
        )
        batch_op.create_index(
            "ix_certificate_revocation_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )

    op.create_table(
        "commune",
        sa.Column("code", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("province_name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("is_this_device", sa.Boolean(), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("hamlet", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("head_name", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_hamlet"), ["hamlet"], unique=False)
        batch_op.create_index(
            "ix_household_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )

    op.create_table(
        "lesson_pack",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("pack_id", sa.String(), nullable=False),
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("title_vi", sa.String(), nullable=False),
        sa.Column("title_en", sa.String(), nullable=False),
        sa.Column("competencies", sa.String(), nullable=False),
        sa.Column("lesson_count", sa.Integer(), nullable=False),
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trusted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("lesson_pack", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lesson_pack_pack_id"), ["pack_id"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "teaching_session",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("pack_id", sa.String(), nullable=False),
        sa.Column("pack_version", sa.String(), nullable=False),
        sa.Column("lesson_ids", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("hamlet", sa.String(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("volunteer_ids", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("attendance_closed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("teaching_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teaching_session_pack_id"), ["pack_id"], unique=False)
        batch_op.create_index(
            "ix_teaching_session_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.create_index(batch_op.f("ix_teaching_session_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "volunteer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("name_folded", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("is_me", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_volunteer_name_folded"), ["name_folded"], unique=False)
        batch_op.create_index(
            "ix_volunteer_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )

    op.create_table(
        "learner",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.String(), nullable=True),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("name_folded", sa.String(), nullable=False),
        sa.Column("name_sort", sa.String(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("hamlet", sa.String(), nullable=False),
        sa.Column("groups", sa.String(), nullable=False),
        sa.Column("anonymized", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learner_hamlet"), ["hamlet"], unique=False)
        batch_op.create_index(batch_op.f("ix_learner_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_learner_name_sort"), ["name_sort"], unique=False)
        batch_op.create_index(
            "ix_learner_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )

    op.create_table(
        "attendance",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("learner_id", sa.String(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("walk_in", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["learner.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["teaching_session.id"],
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["attendance.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(
            "ix_attendance_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.create_index(batch_op.f("ix_attendance_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_supersedes_id"), ["supersedes_id"], unique=False)

    op.create_table(
        "certificate",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("serial", sa.String(), nullable=False),
        sa.Column("learner_id", sa.String(), nullable=False),
        sa.Column("pack_id", sa.String(), nullable=False),
        sa.Column("pack_version", sa.String(), nullable=False),
        sa.Column("issuer_key_id", sa.String(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["learner.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("serial"),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(
            "ix_certificate_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )

    op.create_table(
        "consent",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("learner_id", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("text_version", sa.String(), nullable=False),
        sa.Column("given_by", sa.String(), nullable=False),
        sa.Column("representative_name", sa.String(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["learner.id"],
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"],
            ["volunteer.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(
            "ix_consent_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )

    op.create_table(
        "quiz_attempt",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("learner_id", sa.String(), nullable=False),
        sa.Column("session_id", sa.String(), nullable=True),
        sa.Column("pack_id", sa.String(), nullable=False),
        sa.Column("pack_version", sa.String(), nullable=False),
        sa.Column("answers", sa.String(), nullable=False),
        sa.Column("correct_count", sa.Integer(), nullable=False),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["learner.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["teaching_session.id"],
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["quiz_attempt.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quiz_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quiz_attempt_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quiz_attempt_pack_id"), ["pack_id"], unique=False)
        batch_op.create_index(
            "ix_quiz_attempt_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.create_index(batch_op.f("ix_quiz_attempt_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quiz_attempt_supersedes_id"), ["supersedes_id"], unique=False)

    op.create_table(
        "skill_check",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("created_by_device", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("learner_id", sa.String(), nullable=False),
        sa.Column("session_id", sa.String(), nullable=True),
        sa.Column("pack_id", sa.String(), nullable=False),
        sa.Column("pack_version", sa.String(), nullable=False),
        sa.Column("check_id", sa.String(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("observed_by", sa.String(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["learner.id"],
        ),
        sa.ForeignKeyConstraint(
            ["observed_by"],
            ["volunteer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["teaching_session.id"],
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["skill_check.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("skill_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skill_check_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_skill_check_pack_id"), ["pack_id"], unique=False)
        batch_op.create_index(
            "ix_skill_check_pending",
            ["pending"],
            unique=False,
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.create_index(batch_op.f("ix_skill_check_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_skill_check_supersedes_id"), ["supersedes_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("skill_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skill_check_supersedes_id"))
        batch_op.drop_index(batch_op.f("ix_skill_check_session_id"))
        batch_op.drop_index(
            "ix_skill_check_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_skill_check_pack_id"))
        batch_op.drop_index(batch_op.f("ix_skill_check_learner_id"))

    op.drop_table("skill_check")
    with op.batch_alter_table("quiz_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_attempt_supersedes_id"))
        batch_op.drop_index(batch_op.f("ix_quiz_attempt_session_id"))
        batch_op.drop_index(
            "ix_quiz_attempt_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_quiz_attempt_pack_id"))
        batch_op.drop_index(batch_op.f("ix_quiz_attempt_learner_id"))

    op.drop_table("quiz_attempt")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_consent_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_consent_learner_id"))

    op.drop_table("consent")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_certificate_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_certificate_learner_id"))

    op.drop_table("certificate")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_supersedes_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_session_id"))
        batch_op.drop_index(
            "ix_attendance_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_attendance_learner_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("learner", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_learner_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_learner_name_sort"))
        batch_op.drop_index(batch_op.f("ix_learner_household_id"))
        batch_op.drop_index(batch_op.f("ix_learner_hamlet"))

    op.drop_table("learner")
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_volunteer_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_volunteer_name_folded"))

    op.drop_table("volunteer")
    with op.batch_alter_table("teaching_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teaching_session_starts_at"))
        batch_op.drop_index(
            "ix_teaching_session_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_teaching_session_pack_id"))

    op.drop_table("teaching_session")
    op.drop_table("sync_state")
    with op.batch_alter_table("lesson_pack", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_pack_pack_id"))

    op.drop_table("lesson_pack")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_household_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_household_hamlet"))

    op.drop_table("household")
    op.drop_table("device")
    op.drop_table("commune")
    with op.batch_alter_table("certificate_revocation", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_certificate_revocation_pending",
            sqlite_where=sa.text("pending = true"),
            postgresql_where=sa.text("pending = true"),
        )
        batch_op.drop_index(batch_op.f("ix_certificate_revocation_certificate_serial"))

    op.drop_table("certificate_revocation")
