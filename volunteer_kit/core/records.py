"""Plain data handed from the store to the UI and the CLI (never live ORM objects)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class LearnerRow:
    rowid: int
    id: str
    full_name: str
    birth_year: int | None
    gender: str | None
    hamlet: str
    groups: tuple[str, ...]
    phone: str | None


@dataclass(frozen=True, slots=True)
class LearnerFilter:
    text: str = ""
    hamlet: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: str
    commune_code: str
    kind: str
    pack_id: str
    pack_version: str
    place: str
    hamlet: str
    starts_at: datetime
    attendance_count: int
    present_count: int
    pending: bool


@dataclass(frozen=True, slots=True)
class AttendedSession:
    session_id: str
    starts_at: datetime
    kind: str
    pack_id: str
    place: str
    present: bool


@dataclass(frozen=True, slots=True)
class AttemptRow:
    pack_id: str
    pack_version: str
    score: float
    passed: bool
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class SkillCheckRow:
    pack_id: str
    check_id: str
    passed: bool
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class LearnerDetail:
    learner: LearnerRow
    household_address: str
    consent_version: str | None
    consent_at: datetime | None
    sessions: list[AttendedSession] = field(default_factory=list)
    attempts: list[AttemptRow] = field(default_factory=list)
    skill_checks: list[SkillCheckRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TodayCounts:
    learners: int
    households: int
    sessions_this_week: int
    pending_records: int
    last_sync_at: datetime | None
    commune_name: str | None


@dataclass(frozen=True, slots=True)
class Profile:
    device_id: str
    commune_code: str | None
    commune_name: str | None
    volunteer_id: str | None
    full_name: str
    role: str  # the enrolled role (store/devices.py device_role), "volunteer" before enrollment
    phone: str
    enrolled: bool = False


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """A household in the Households list."""

    id: str
    hamlet: str
    address: str
    head_name: str
    member_count: int
    visit_count: int
    last_visit: datetime | None
    skills: frozenset[str]  # the HH-n codes at least one member has shown


@dataclass(frozen=True, slots=True)
class HouseholdMember:
    learner_id: str
    full_name: str
    birth_year: int | None
    gender: str | None
    phone: str | None
    groups: tuple[str, ...]
    anonymized: bool
    consent_by: str | None  # "self", "representative", or None (withdrawn or missing)
    representative_name: str


@dataclass(frozen=True, slots=True)
class HouseholdVisit:
    session_id: str
    starts_at: datetime
    kind: str
    pack_id: str
    place: str
    present: tuple[str, ...]  # names of the members who were there


@dataclass(frozen=True, slots=True)
class HouseholdDetail:
    household: HouseholdRow
    note: str
    members: tuple[HouseholdMember, ...]
    visits: tuple[HouseholdVisit, ...]
    shown_by: dict[str, tuple[str, ...]]  # HH-n code -> names of the members who showed it


@dataclass(frozen=True, slots=True)
class ToDo:
    """What needs doing (Today page): unvisited households, learners one lesson short, open sessions."""

    unvisited_by_hamlet: tuple[tuple[str, int], ...]
    one_lesson_short: tuple[tuple[str, str, str, str, str], ...]  # learner id, name, hamlet, pack, lesson
    one_lesson_short_total: int
    open_sessions: tuple[SessionRow, ...]


def to_json_dict(record: Any) -> dict[str, Any]:
    """A dataclass as a JSON-ready dict (datetimes as ISO 8601)."""
    out: dict[str, Any] = {}
    for key, value in asdict(record).items():
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out


@dataclass(frozen=True, slots=True)
class PackFacts:
    """What a learner has done in one pack (any version), from recorded facts."""

    pack_id: str
    lessons_attended: frozenset[str]
    best_score: float | None
    quiz_passed: bool
    checks_passed: frozenset[str]


@dataclass(frozen=True, slots=True)
class SessionFilter:
    """Sessions page filter: text matched accent-free against place, hamlet and pack title; a kind."""

    text: str = ""
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class SessionListRow:
    """A line of the Sessions page: the session, its pack title and whether attendance is still open."""

    session: SessionRow
    pack_title: str
    attendance_closed: bool


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    """One learner's current attendance at a session (the record nothing supersedes)."""

    attendance_id: str
    learner_id: str
    full_name: str
    birth_year: int | None
    hamlet: str
    present: bool
    late: bool
    walk_in: bool


@dataclass(frozen=True, slots=True)
class SessionDetail:
    id: str
    kind: str
    pack_id: str
    pack_version: str
    lesson_ids: tuple[str, ...]
    place: str
    hamlet: str
    starts_at: datetime
    ends_at: datetime | None
    volunteer_names: tuple[str, ...]
    notes: str
    attendance_closed: bool
    revision: int
    attendance: list[AttendanceRow] = field(default_factory=list)

    @property
    def present_count(self) -> int:
        return sum(1 for row in self.attendance if row.present)
