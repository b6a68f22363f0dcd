"""The data model (DESIGN.md "Data") as SQLModel tables.

Every record that syncs carries the sync fields of `SyncFields`. Facts
(attendance, quiz attempts, skill checks, certificates, revocations, consent
events) are never edited: a correction is a new record whose `supersedes_id`
names the one it replaces. Only profile-like records (learner, household,
volunteer, teaching session) are edited; they carry `updated_at` and `revision`.

Text columns are stored NFC; names also carry a folded copy for search
(`core.text.fold`) and a sort key (given name first). `normalize_record`
fills those in and runs before every ORM insert and update.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Index, Table, event
from sqlmodel import AutoString, Field, SQLModel

from volunteer_kit.core.clock import utcnow
from volunteer_kit.core.ids import new_id
from volunteer_kit.core.text import clean_text, fold, learner_search_text, sort_key


class Role(StrEnum):
    volunteer = "volunteer"
    officer = "officer"
    trainer = "trainer"


class Gender(StrEnum):
    female = "female"
    male = "male"
    other = "other"


class LearnerGroup(StrEnum):
    elderly = "elderly"
    ethnic_minority = "ethnic_minority"
    official = "official"
    student = "student"
    worker = "worker"
    disability = "disability"


class SessionKind(StrEnum):
    home_visit = "home_visit"
    group_class = "group_class"
    community_talk = "community_talk"


class ConsentAction(StrEnum):
    given = "given"
    withdrawn = "withdrawn"


class ConsentGiver(StrEnum):
    self = "self"
    representative = "representative"


# Bounds of the values a record may carry (ge/le/max_length, and an enum as a column's type) are
# checked when a record arrives from another device (sync/validation.py builds its schema from
# these fields). Text without a bound may hold 4,000 characters there.
NAME_LENGTH = 200  # the app takes 120 (core.people.MAX_NAME_LENGTH); older records may be longer
PHONE_LENGTH = 20  # the app takes 10 digits for a learner, 15 characters for a volunteer
COUNT_LIMIT = 1_000_000  # facts moved by one merge
QUESTIONS_LIMIT = 1_000  # a quiz holds at most 100 questions today (packs.format.Quiz)


def bounded(max_length: int, **field: Any) -> Any:
    """A text field of at most `max_length` characters whose column stays plain TEXT.

    SQLModel would make the column VARCHAR(n) from `max_length`: `sa_type` keeps the schema the
    migrations built, so a bound is a rule for incoming records and needs no migration.
    """
    return Field(max_length=max_length, sa_type=AutoString, **field)


def enum_text(**field: Any) -> Any:
    """A field typed with one of the enums above whose column stays plain TEXT (no SQL enum)."""
    return Field(sa_type=AutoString, **field)


class SyncFields(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    # The partition; the hub indexes it, a device holds one commune and needs no index.
    commune_code: str = Field(max_length=5)
    created_by_device: str = Field(max_length=36)
    created_at: datetime = Field(default_factory=utcnow)
    # The hub's sequence number; null until the hub accepted the record.
    server_seq: int | None = Field(default=None)
    # Local changes not yet accepted by the hub (a partial index per table finds them).
    pending: bool = Field(default=True)
    deleted: bool = Field(default=False)


class EditableFields(SyncFields):
    updated_at: datetime = Field(default_factory=utcnow)
    revision: int = Field(default=1, ge=1)


class Commune(SQLModel, table=True):
    """An administrative unit at commune level after the 2025 reform (no districts)."""

    code: str = Field(primary_key=True, max_length=5)
    name: str
    kind: str = Field(default="xa")  # xa (commune), phuong (ward), dac_khu (special zone)
    province_code: str = Field(max_length=2)
    province_name: str


class Device(SQLModel, table=True):
    """Devices this store knows; exactly one row has is_this_device."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    label: str = ""
    is_this_device: bool = Field(default=False)
    commune_code: str | None = Field(default=None, max_length=5)
    role: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Volunteer(EditableFields, table=True):
    full_name: str = bounded(NAME_LENGTH)
    name_folded: str = bounded(NAME_LENGTH, default="", index=True)
    role: Role = enum_text(default=Role.volunteer.value)
    phone: str | None = bounded(PHONE_LENGTH, default=None)
    is_me: bool = Field(default=False)


class Household(EditableFields, table=True):
    hamlet: str = bounded(200, index=True)
    address: str = bounded(500, default="")  # the app takes 200 (store.households)
    head_name: str = bounded(NAME_LENGTH, default="")
    note: str = bounded(4000, default="")


class Learner(EditableFields, table=True):
    household_id: str | None = Field(default=None, foreign_key="household.id", index=True)
    full_name: str = bounded(NAME_LENGTH)
    name_folded: str = bounded(NAME_LENGTH, default="")
    name_sort: str = bounded(2 * NAME_LENGTH + 1, default="", index=True)  # given name, then the name
    search_text: str = bounded(1000, default="", sa_column_kwargs={"server_default": ""})
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    gender: Gender | None = enum_text(default=None)
    phone: str | None = bounded(PHONE_LENGTH, default=None)
    hamlet: str = bounded(200, default="", index=True)
    # Comma-delimited with leading and trailing commas (",elderly,worker,") so a
    # group filter is one LIKE.
    groups: str = bounded(200, default=",", schema_extra={"pattern": r"^,(?:[a-z_]+,)*$"})
    # Set when consent was withdrawn: identifying fields are then blanked.
    anonymized: bool = Field(default=False)
    # Set (with deleted) when an officer merged this record into another (see LearnerMerge).
    merged_into_id: str | None = Field(default=None, max_length=36)


class Consent(SyncFields, table=True):
    """A consent event: given or withdrawn (a fact; never edited)."""

    learner_id: str = Field(foreign_key="learner.id", index=True)
    action: ConsentAction = enum_text(default=ConsentAction.given.value)
    text_version: str = bounded(32)
    given_by: ConsentGiver = enum_text(default=ConsentGiver.self.value)
    representative_name: str = bounded(NAME_LENGTH, default="")
    recorded_by: str | None = Field(default=None, foreign_key="volunteer.id")
    recorded_at: datetime = Field(default_factory=utcnow)


class LearnerMerge(SyncFields, table=True):
    """Two records were one person: `merged_id`'s facts now belong to `kept_id` (a fact; never edited).

    Merging moves attendance, quiz attempts and skill checks by superseding facts, and marks
    the merged learner deleted with `merged_into_id`; this record says who merged what, and when.
    """

    __tablename__ = "learner_merge"
    kept_id: str = Field(foreign_key="learner.id", index=True)
    merged_id: str = Field(foreign_key="learner.id", index=True)
    merged_by: str | None = Field(default=None, foreign_key="volunteer.id")
    merged_at: datetime = Field(default_factory=utcnow)
    moved_facts: int = Field(default=0, ge=0, le=COUNT_LIMIT)


class LessonPack(SQLModel, table=True):
    """An installed lesson pack version. Packs come from files, not from sync records."""

    __tablename__ = "lesson_pack"
    id: str = Field(primary_key=True)  # "<pack id>@<version>"
    pack_id: str = Field(index=True)
    version: str
    title_vi: str
    title_en: str
    competencies: str = ""
    lesson_count: int = 0
    installed_at: datetime = Field(default_factory=utcnow)
    trusted: bool = Field(default=False)


class TeachingSession(EditableFields, table=True):
    __tablename__ = "teaching_session"
    kind: SessionKind = enum_text(default=SessionKind.group_class.value)
    pack_id: str = bounded(100, index=True)
    pack_version: str = bounded(32)
    lesson_ids: str = bounded(4000, default="")  # comma-separated lesson ids of the pack
    place: str = bounded(200, default="")
    hamlet: str = bounded(200, default="")
    starts_at: datetime = Field(index=True)
    ends_at: datetime | None = None
    volunteer_ids: str = bounded(4000, default="")  # comma-separated volunteer ids
    notes: str = bounded(4000, default="")  # the app takes 4,000 (store.sessions)
    attendance_closed: bool = Field(default=False)


class Attendance(SyncFields, table=True):
    session_id: str = Field(foreign_key="teaching_session.id", index=True)
    learner_id: str = Field(foreign_key="learner.id", index=True)
    present: bool = True
    late: bool = False
    walk_in: bool = False
    recorded_at: datetime = Field(default_factory=utcnow)
    supersedes_id: str | None = Field(default=None, foreign_key="attendance.id", index=True)


class QuizAttempt(SyncFields, table=True):
    __tablename__ = "quiz_attempt"
    learner_id: str = Field(foreign_key="learner.id", index=True)
    session_id: str | None = Field(default=None, foreign_key="teaching_session.id", index=True)
    pack_id: str = bounded(100, index=True)
    pack_version: str = bounded(32)
    # JSON: {question id: [choice ids]}; up to 100 questions of 8 choices (packs.format.Quiz)
    answers: str = bounded(30_000, default="{}")
    correct_count: int = Field(default=0, ge=0, le=QUESTIONS_LIMIT)
    question_count: int = Field(default=0, ge=0, le=QUESTIONS_LIMIT)
    score: float = Field(default=0.0, ge=0, le=100)  # percent
    passed: bool = False
    recorded_at: datetime = Field(default_factory=utcnow)
    supersedes_id: str | None = Field(default=None, foreign_key="quiz_attempt.id", index=True)


class SkillCheck(SyncFields, table=True):
    __tablename__ = "skill_check"
    learner_id: str = Field(foreign_key="learner.id", index=True)
    session_id: str | None = Field(default=None, foreign_key="teaching_session.id", index=True)
    pack_id: str = bounded(100, index=True)
    pack_version: str = bounded(32)
    check_id: str = bounded(64)
    passed: bool = True
    observed_by: str | None = Field(default=None, foreign_key="volunteer.id")
    recorded_at: datetime = Field(default_factory=utcnow)
    supersedes_id: str | None = Field(default=None, foreign_key="skill_check.id", index=True)


class Certificate(SyncFields, table=True):
    serial: str = bounded(64, unique=True)
    learner_id: str = Field(foreign_key="learner.id", index=True)
    pack_id: str = bounded(100)
    pack_version: str = bounded(32)
    issuer_key_id: str = bounded(16)
    issued_at: datetime = Field(default_factory=utcnow)
    payload: str = bounded(2000, default="")  # the signed QR payload, a few hundred characters


class IssuerKey(SyncFields, table=True):
    """An officer device's certificate-signing public key (a fact); the private key stays on the device."""

    __tablename__ = "issuer_key"
    key_id: str = Field(unique=True, max_length=16)  # first 16 hex of SHA-256 of the raw public key
    public_key: str = bounded(64)  # the raw 32-byte Ed25519 public key, base64
    volunteer_id: str | None = Field(default=None, foreign_key="volunteer.id")


class IssuerKeyRetirement(SyncFields, table=True):
    """An issuer key signs no more from `retired_at` (a fact). Compromised: none of its certificates stand.

    Not a foreign key to issuer_key: `key_id` names the key as certificates do, and a retirement may
    arrive before its key (both are officer facts that sync in either order).
    """

    __tablename__ = "issuer_key_retirement"
    key_id: str = Field(index=True, max_length=16)
    reason: str = bounded(1000)  # the app takes 500 (certificates.retire)
    compromised: bool = False
    retired_at: datetime = Field(default_factory=utcnow)


class CertificateRevocation(SyncFields, table=True):
    __tablename__ = "certificate_revocation"
    certificate_serial: str = bounded(64, index=True)
    reason: str = bounded(1000)  # the app takes 500 (certificates.issue)
    revoked_at: datetime = Field(default_factory=utcnow)


class ChangeCounter(SQLModel, table=True):
    """Counts changes to a table (kept by triggers), so caches know when to reload."""

    __tablename__ = "change_counter"
    name: str = Field(primary_key=True)
    value: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class AttendancePresent(SQLModel, table=True):
    """Who is present now at each session, kept by triggers (migration 0007) for the report; local only.

    One row per session with a current present mark (store.facts.current): the rowid of the
    learner of each such mark, as 16 hex digits, one after another (a person marked twice is
    listed twice). Keys are rowids of teaching_session and learner, small and fast to join.
    """

    __tablename__ = "attendance_present"
    session_rowid: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    learner_rowids: str


class SyncState(SQLModel, table=True):
    """Key/value state of the sync client (hub URL, cursor, last sync time)."""

    __tablename__ = "sync_state"
    key: str = Field(primary_key=True)
    value: str = ""


class SyncQuarantine(SQLModel, table=True):
    """A record the hub rejected: kept here with the reason, not re-sent until it changes or is retried."""

    __tablename__ = "sync_quarantine"
    table_name: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True, max_length=36)
    hash: str  # the version that was rejected; an edit (another hash) goes to the hub again
    reason: str = ""
    reason_vi: str = ""
    at: datetime = Field(default_factory=utcnow)


class SyncParked(SQLModel, table=True):
    """A pulled record whose referenced records have not arrived yet; applied when they do."""

    __tablename__ = "sync_parked"
    table_name: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True, max_length=36)
    seq: int
    hash: str
    data: str  # the record's `data` as JSON


_TEXT_FIELDS = {
    "Volunteer": ("full_name", "phone"),
    "Household": ("hamlet", "address", "head_name", "note"),
    "Learner": ("full_name", "hamlet", "phone"),
    "Consent": ("representative_name",),
    "TeachingSession": ("place", "hamlet", "notes"),
    "CertificateRevocation": ("reason",),
    "IssuerKeyRetirement": ("reason",),
}


def normalize_record(record: SQLModel) -> None:
    """NFC and tidy the text fields; fill the folded and sort columns."""
    for name in _TEXT_FIELDS.get(type(record).__name__, ()):
        value = getattr(record, name)
        if isinstance(value, str):
            setattr(record, name, clean_text(value))
    if isinstance(record, Learner | Volunteer):
        record.name_folded = fold(record.full_name)
    if isinstance(record, Learner):
        record.name_sort = sort_key(record.full_name) if record.full_name else ""
        record.search_text = learner_search_text(record.full_name, record.phone, record.hamlet)


def _before_write(_mapper: object, _connection: object, target: SQLModel) -> None:
    normalize_record(target)


for _model in (
    Volunteer,
    Household,
    Learner,
    Consent,
    TeachingSession,
    CertificateRevocation,
    IssuerKeyRetirement,
):
    event.listen(_model, "before_insert", _before_write)
    event.listen(_model, "before_update", _before_write)


def table_of(model: type[SQLModel]) -> Table:
    """A table model's SQLAlchemy table."""
    table: Table = model.__table__  # type: ignore[attr-defined]  # SQLModel sets it; its type does not declare it
    return table


def table_named(name: str) -> Table:
    """A model's SQLAlchemy table by its name (importing this module registers every model)."""
    return SQLModel.metadata.tables[name]


def _pending_indexes() -> None:
    """A partial index per synced table: finding what to push stays fast as data grows."""
    for model in (
        Volunteer,
        Household,
        Learner,
        Consent,
        LearnerMerge,
        TeachingSession,
        Attendance,
        QuizAttempt,
        SkillCheck,
        IssuerKey,
        IssuerKeyRetirement,
        Certificate,
        CertificateRevocation,
    ):
        table = table_of(model)
        Index(
            f"ix_{table.name}_pending",
            table.c.pending,
            sqlite_where=table.c.pending.is_(True),
            postgresql_where=table.c.pending.is_(True),
        )


_pending_indexes()
# The duplicate guard's look-ups (migration 0003).
Index("ix_learner_name_folded_birth_year", table_of(Learner).c.name_folded, table_of(Learner).c.birth_year)
Index("ix_learner_phone", table_of(Learner).c.phone)


def _report_indexes() -> None:
    """What the report reads of each quiz attempt and skill check, learner first (migration 0007)."""
    quiz = table_of(QuizAttempt).c
    check = table_of(SkillCheck).c
    Index(
        "ix_quiz_attempt_report",
        quiz.learner_id,
        quiz.recorded_at,
        quiz.pack_id,
        quiz.passed,
        quiz.deleted,
        quiz.id,
        quiz.session_id,
        quiz.answers,
    )
    Index(
        "ix_skill_check_report",
        check.learner_id,
        check.recorded_at,
        check.pack_id,
        check.check_id,
        check.passed,
        check.deleted,
        check.id,
        check.session_id,
    )


_report_indexes()
