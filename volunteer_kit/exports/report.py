"""The commune report: one function computes every figure; the Reports page and the exports show it.

Rules (the same everywhere):
- Only facts that count now: `store.facts.current` (corrections supersede, deleted ones do not count).
- A period is whole days in Vietnam time, `start` to `end` inclusive; `None` leaves that side open.
- Sessions are those that started in the period (and, for one volunteer, that they led). For one
  hamlet, people are the learners of that hamlet and sessions are those where one of them was present.
- Quiz attempts, skill checks and certificates count by when they were recorded in the period.
- Household skills and "digital households" are a state at the end of the period.
- A figure that cannot be known is None (shown as "—"), never 0: a pass rate without attempts, a
  household skill no installed pack teaches, certificates or households for one volunteer.

Who was present comes from attendance_present, which triggers keep equal to the current present
marks of each session (migration 0007, read through store.attendance): a report over a million
attendance records reads one short row per session instead of applying the supersede rule to every
record. The quizzes' figures and the hardest questions are exports.report_quiz's.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import chain
from typing import Literal

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import VIETNAM
from volunteer_kit.core.competencies import HOUSEHOLD_SKILLS
from volunteer_kit.core.text import clean_text, fold, sort_key
from volunteer_kit.errors import InvalidInput
from volunteer_kit.exports.cells import REPORT_GROUPS
from volunteer_kit.exports.report_quiz import (
    HardQuestion,
    QuestionKey,
    QuizLine,
    answer_keys,
    hardest_questions,
)
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store import attendance, devices, learners
from volunteer_kit.store.attendance import present_rowids
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.store.engine import CACHE_KIB
from volunteer_kit.store.facts import current

REPORT_CACHE_KIB = 131_072  # 128 MB of page cache while the report runs

TEMP_TABLES = ("rep_session", "rep_people", "rep_attempt", "rep_check")
LISTED_CHOICES = 20  # known hamlets / volunteers named in the message for an unknown one


@dataclass(frozen=True, slots=True)
class PackLine:
    pack_id: str
    title: str
    sessions: int
    lessons_taught: int  # a session teaching three lessons counts three
    people: int  # distinct learners present


@dataclass(frozen=True, slots=True)
class CheckLine:
    pack_id: str
    pack_title: str
    check_id: str
    text: str
    learners_passed: int


@dataclass(frozen=True, slots=True)
class VolunteerLine:
    volunteer_id: str
    full_name: str
    sessions: int
    lessons_taught: int
    people: int
    checks_observed: int


@dataclass(frozen=True, slots=True)
class WeekLine:
    week_start: date  # Monday, Vietnam time
    sessions: int
    attendance: int  # present marks
    people: int


@dataclass(frozen=True, slots=True)
class Report:
    start: date | None
    end: date | None
    hamlet: str | None
    volunteer_id: str | None
    volunteer_name: str | None
    commune: str
    lang: str
    people_guided: int
    households_visited: int
    by_group: dict[str, int]
    sessions: int
    packs: tuple[PackLine, ...]
    quizzes: tuple[QuizLine, ...]
    hardest: tuple[HardQuestion, ...] | None  # None: the quizzes' answer keys are not at hand
    checks: tuple[CheckLine, ...]
    households_total: int | None
    household_skills: dict[str, int | None] | None  # None for one volunteer; a value None: not taught
    digital_households: int | None
    certificates_issued: int | None
    certificates_revoked: int | None
    volunteers: tuple[VolunteerLine, ...]
    weeks: tuple[WeekLine, ...] = field(default_factory=tuple)


def _bound(day: date | None, *, after: bool) -> str | None:
    if day is None:
        return None
    if after:
        day = day + timedelta(days=1)
    return stored_datetime(datetime.combine(day, time(0), VIETNAM).astimezone(UTC))


def _in_period(column: str, lo: str | None, hi: str | None) -> str:
    parts = ["1 = 1"]
    if lo:
        parts.append(f"{column} >= :lo")
    if hi:
        parts.append(f"{column} < :hi")
    return " AND ".join(parts)


def _learner_scope(hamlet: str | None, deleted: str = "l.deleted", place: str = "l.hamlet") -> str:
    """SQL condition: the learner counts in the report (not deleted; of the hamlet, for one hamlet)."""
    return f"{deleted} = 0" + (f" AND {_of_hamlet(place)}" if hamlet else "")


def _of_hamlet(column: str) -> str:
    """SQL condition: `column` is one of the stored spellings of the hamlet (:hamlets, a JSON list)."""
    return f"{column} IN (SELECT value FROM json_each(:hamlets))"


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED_CHOICES])
    return shown + (f", … (+{len(names) - LISTED_CHOICES})" if len(names) > LISTED_CHOICES else "")


def hamlet_spellings(conn: Connection, hamlet: str) -> list[str]:
    """The stored spellings of `hamlet` (NFC, spaces tidied, any letter case; accents count).

    Raises InvalidInput naming the known hamlets when none matches: a filter that matches nothing
    would otherwise make an empty report that looks like a hamlet where nothing happened.
    """
    known = sorted(
        {
            str(name)
            for (name,) in conn.exec_driver_sql(
                "SELECT hamlet FROM learner WHERE deleted = 0 AND hamlet != '' "
                "UNION SELECT hamlet FROM household WHERE deleted = 0 AND hamlet != ''"
            )
        },
        key=lambda name: (fold(name), name),
    )
    wanted = clean_text(hamlet).casefold()
    found = [name for name in known if clean_text(name).casefold() == wanted]
    if not found:
        raise InvalidInput(
            f"Không có thôn/tổ “{hamlet}”; các thôn/tổ có: {_listed(known) or '(chưa có)'}.",
            f"There is no hamlet “{hamlet}”; the hamlets are: {_listed(known) or '(none yet)'}.",
        )
    return found


def check_volunteer(conn: Connection, volunteer_id: str) -> None:
    """InvalidInput naming the known volunteers (id and name) when there is no volunteer `volunteer_id`."""
    if conn.execute(text("SELECT 1 FROM volunteer WHERE id = :vol"), {"vol": volunteer_id}).first():
        return
    people = conn.exec_driver_sql("SELECT id, full_name FROM volunteer WHERE deleted = 0").all()
    known = [f"{vid} ({name})" for vid, name in sorted(people, key=lambda p: (sort_key(p[1]), p[0]))]
    raise InvalidInput(
        f"Không có tình nguyện viên mã {volunteer_id}; các mã có: {_listed(known) or '(chưa có)'}.",
        f"There is no volunteer {volunteer_id}; the volunteers are: {_listed(known) or '(none yet)'}.",
    )


def report_choices(conn: Connection) -> tuple[list[str], list[tuple[str, str]]]:
    """What a report can be about, for the Reports page's filters: the hamlets, and the volunteers
    as (id, full name) by name."""
    return learners.hamlets(conn), devices.volunteer_choices(conn)


def _title(outlines: Mapping[str, PackOutline], pack_id: str, lang: str) -> str:
    outline = outlines.get(pack_id)
    return outline.title(lang) if outline else pack_id


def compute_report(
    conn: Connection,
    outlines: Mapping[str, PackOutline],
    *,
    start: date | None,
    end: date | None,
    hamlet: str | None = None,
    volunteer_id: str | None = None,
    questions: Mapping[str, Mapping[str, QuestionKey]] | None = None,
    lang: str = "vi",
) -> Report:
    """Every figure of the report for a period and the commune, one hamlet or one volunteer.

    An unknown hamlet or volunteer is an InvalidInput, never an empty report.
    """
    spellings = hamlet_spellings(conn, hamlet) if hamlet else []
    hamlet = spellings[0] if spellings else None  # as stored, for the report's title
    if volunteer_id:
        check_volunteer(conn, volunteer_id)
    lo, hi = _bound(start, after=False), _bound(end, after=True)
    hamlets = json.dumps(spellings) if spellings else None
    params: dict[str, object] = {"lo": lo, "hi": hi, "hamlets": hamlets, "vol": volunteer_id}
    learner_scope = _learner_scope(hamlet)
    run = conn.execute
    for name in TEMP_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
    only_volunteer = (
        " AND instr(',' || s.volunteer_ids || ',', ',' || :vol || ',') > 0" if volunteer_id else ""
    )
    # Big temporary tables stay in memory, with room to work (restored at the end).
    conn.exec_driver_sql("PRAGMA temp_store = MEMORY")
    conn.exec_driver_sql(f"PRAGMA cache_size = -{REPORT_CACHE_KIB}")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE rep_session (sid INTEGER PRIMARY KEY, id TEXT, pack_id TEXT, vols TEXT, "
        "lessons INTEGER, week TEXT)"
    )
    run(
        text(
            "INSERT INTO rep_session SELECT s.rowid, s.id, s.pack_id, s.volunteer_ids, "
            "(length(s.lesson_ids) - length(replace(s.lesson_ids, ',', '')) + (s.lesson_ids != '')), "
            "date(s.starts_at, '+7 hours', '-6 days', 'weekday 1') "
            "FROM teaching_session s WHERE s.deleted = 0 "
            f"AND {_in_period('s.starts_at', lo, hi)}{only_volunteer}"
        ),
        params,
    )
    conn.exec_driver_sql("CREATE UNIQUE INDEX temp.rep_session_id ON rep_session(id)")
    attendance = _attendance(conn, learner_scope, params, one_hamlet=bool(hamlet))
    conn.exec_driver_sql("CREATE TEMP TABLE rep_people (lid INTEGER PRIMARY KEY)")
    if attendance.people:
        conn.exec_driver_sql(
            "INSERT INTO rep_people VALUES (?)", [(lid,) for lid in sorted(attendance.people)]
        )
    groups_sql = ", ".join(f"sum(l.groups LIKE '%,{g},%')" for g in REPORT_GROUPS)
    people = conn.exec_driver_sql(
        f"SELECT count(*), count(DISTINCT l.household_id), {groups_sql} "
        "FROM rep_people p JOIN learner l ON l.rowid = p.lid"
    ).one()
    by_group = {g: int(people[2 + i] or 0) for i, g in enumerate(REPORT_GROUPS)}
    packs = tuple(
        PackLine(pack_id, _title(outlines, pack_id, lang), *attendance.packs[pack_id])
        for pack_id in sorted(attendance.packs)
    )
    sessions = sum(p.sessions for p in packs)
    weeks = tuple(WeekLine(date.fromisoformat(w), *attendance.weeks[w]) for w in sorted(attendance.weeks))

    fact_scope = f"{learner_scope}"
    if volunteer_id:
        fact_scope += " AND {alias}.session_id IN (SELECT id FROM rep_session)"
    # The attempts that count, read once: the pass figures and the hardest questions both use them.
    # Learners first: ix_quiz_attempt_report holds what is read here, in learner order.
    run(
        text(
            "CREATE TEMP TABLE rep_attempt AS SELECT q.pack_id AS pack_id, l.rowid AS lid, "
            "q.passed AS passed, q.answers AS answers "
            "FROM learner l CROSS JOIN quiz_attempt q ON q.learner_id = l.id "
            f"WHERE {current('quiz_attempt', 'q')} AND {_in_period('q.recorded_at', lo, hi)} "
            f"AND {fact_scope.format(alias='q')}"
        ),
        params,
    )
    quiz_rows = conn.exec_driver_sql(
        "SELECT pack_id, count(*), sum(passed), count(DISTINCT lid), "
        "count(DISTINCT CASE WHEN passed = 1 THEN lid END) FROM rep_attempt GROUP BY pack_id ORDER BY pack_id"
    ).all()
    quizzes = tuple(
        QuizLine(p, _title(outlines, p, lang), int(n), int(ok or 0), int(who), int(who_ok))
        for p, n, ok, who, who_ok in quiz_rows
    )
    if questions is None:
        from volunteer_kit import paths

        questions = answer_keys(paths.lessons_dir(), paths.packs_dir())
    hardest = hardest_questions(conn, quizzes, questions, outlines, lang)

    # The passed skill checks that count up to the end of the period, read once: the checks passed
    # and the households' skills use them, each in its own scope. Learners first, as for attempts.
    run(
        text(
            "CREATE TEMP TABLE rep_check AS SELECT c.pack_id AS pack_id, c.check_id AS check_id, "
            "c.session_id AS session_id, c.recorded_at AS recorded_at, l.rowid AS lid, "
            "l.deleted AS learner_deleted, l.hamlet AS learner_hamlet, l.household_id AS household_id "
            "FROM learner l CROSS JOIN skill_check c ON c.learner_id = l.id "
            f"WHERE c.passed = 1 AND {current('skill_check', 'c')} "
            f"AND {_in_period('c.recorded_at', None, hi)}"
        ),
        params,
    )
    checks = tuple(
        CheckLine(
            p,
            _title(outlines, p, lang),
            c,
            outlines[p].check_text(c, lang) if p in outlines else c,
            int(n),
        )
        for p, c, n in run(
            text(
                "SELECT pack_id, check_id, count(DISTINCT lid) FROM rep_check "
                f"WHERE {_in_period('recorded_at', lo, None)} "
                f"AND {_learner_scope(hamlet, 'learner_deleted', 'learner_hamlet')}"
                + (" AND session_id IN (SELECT id FROM rep_session)" if volunteer_id else "")
                + " GROUP BY pack_id, check_id ORDER BY pack_id, check_id"
            ),
            params,
        )
    )

    if volunteer_id:
        households_total = household_skills = digital = issued = revoked = None
    else:
        households_total, household_skills, digital = _household_skills(conn, outlines, hamlets)
        cert = run(
            text(
                "SELECT count(*), sum(EXISTS (SELECT 1 FROM certificate_revocation r "
                "WHERE r.certificate_serial = c.serial AND r.deleted = 0)) "
                "FROM certificate c JOIN learner l ON l.id = c.learner_id "
                f"WHERE c.deleted = 0 AND {_in_period('c.issued_at', lo, hi)} "
                f"AND {learner_scope.replace('l.deleted = 0', '1 = 1')}"
            ),
            params,
        ).one()
        issued, revoked = int(cert[0]), int(cert[1] or 0)

    volunteers = _volunteers(conn, params, lo, hi, attendance.led)
    volunteer_name = None
    if volunteer_id:
        volunteer_name = run(text("SELECT full_name FROM volunteer WHERE id = :vol"), params).scalar()
    _code, commune = devices.this_commune(conn)
    for name in TEMP_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
    conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
    return Report(
        start=start,
        end=end,
        hamlet=hamlet,
        volunteer_id=volunteer_id,
        volunteer_name=volunteer_name,
        commune=commune or "",
        lang=lang,
        people_guided=int(people[0]),
        households_visited=int(people[1]),
        by_group=by_group,
        sessions=sessions,
        packs=packs,
        quizzes=quizzes,
        hardest=hardest,
        checks=checks,
        households_total=households_total,
        household_skills=household_skills,
        digital_households=digital,
        certificates_issued=issued,
        certificates_revoked=revoked,
        volunteers=volunteers,
        weeks=weeks,
    )


@dataclass(frozen=True, slots=True)
class _Attendance:
    """The report's sessions and the people present (only learners in scope count)."""

    packs: dict[str, tuple[int, int, int]]  # pack id -> (sessions, lessons, people)
    weeks: dict[str, tuple[int, int, int]]  # week (its Monday) -> (sessions, present marks, people)
    led: dict[str, tuple[int, int, int]]  # volunteer id -> (sessions, lessons, people) they led
    people: set[int]  # learner rowids


class _LearnerScope:
    """The learners who count (rowids), applied to sets and lists of learners the cheaper way
    round: a commune report leaves out a few learners, a hamlet report most of them."""

    def __init__(self, inside: set[int], everyone: set[int]) -> None:
        self.inside = inside
        self.outside = everyone - inside
        self.few_outside = len(self.outside) < len(inside)

    def people(self, present: set[int]) -> set[int]:
        if self.outside.isdisjoint(present):
            return present
        return present - self.outside if self.few_outside else present & self.inside

    def marks(self, marks: list[array[int]], present: set[int]) -> int:
        """How many of the marks (learner rowids, whose set is `present`) are of learners who count."""
        every = sum(map(len, marks))
        if self.outside.isdisjoint(present):
            return every
        rowids = chain.from_iterable(marks)
        if self.few_outside:
            return every - sum(map(self.outside.__contains__, rowids))
        return sum(map(self.inside.__contains__, rowids))


def _attendance(
    conn: Connection, learner_scope: str, params: dict[str, object], *, one_hamlet: bool
) -> _Attendance:
    """Sessions, lessons and people of rep_session by pack, week and volunteer.

    attendance_present (kept by triggers) lists the current present marks of each session, so this
    reads the lists of a few thousand groups of sessions (same week, pack and team) instead of every
    attendance record, and counts people with sets of rowids. For one hamlet, the sessions where
    none of its people was present are first taken out of rep_session.
    """
    scope = _LearnerScope(
        _rowid_set(conn, f"SELECT l.rowid AS lid FROM learner l WHERE {learner_scope}", params),
        _rowid_set(conn, "SELECT rowid AS lid FROM learner", {}),
    )
    if one_hamlet:
        nobody = [
            (sid,)
            for sid, marks in attendance.report_session_lists(conn)
            if not marks or scope.inside.isdisjoint(present_rowids([marks]))
        ]
        if nobody:
            conn.exec_driver_sql("DELETE FROM rep_session WHERE sid = ?", nobody)
    groups = [
        (week, pack_id, team, n, lessons or 0, present_rowids([marks or ""]))
        for week, pack_id, team, n, lessons, marks in attendance.report_group_lists(conn)
    ]
    weeks = {}
    for week, (n, _lessons, marks) in _added_up(groups, 0).items():
        present = set().union(*marks)
        weeks[week] = (n, scope.marks(marks, present), len(scope.people(present)))
    packs = {
        pack_id: (n, lessons, scope.people(set().union(*marks)))
        for pack_id, (n, lessons, marks) in _added_up(groups, 1).items()
    }
    led: dict[str, tuple[int, int, set[int]]] = {}
    for team, (n, lessons, marks) in _added_up(groups, 2).items():
        people = scope.people(set().union(*marks))
        for volunteer_id in team.split(","):
            if volunteer_id:  # a volunteer listed twice leads the session twice, as stored
                done, taught, guided = led.get(volunteer_id, (0, 0, set()))
                led[volunteer_id] = (done + n, taught + lessons, guided | people)
    return _Attendance(
        packs={pack_id: (n, lessons, len(people)) for pack_id, (n, lessons, people) in packs.items()},
        weeks=weeks,
        led={vid: (n, lessons, len(people)) for vid, (n, lessons, people) in led.items()},
        people=set().union(*(people for _n, _lessons, people in packs.values())),
    )


def _added_up(
    groups: list[tuple[str, str, str, int, int, array[int]]], column: Literal[0, 1, 2]
) -> dict[str, tuple[int, int, list[array[int]]]]:
    """Groups of sessions (week, pack, team, sessions, lessons, learners present) added up by one
    of the first three: sessions, lessons and the learners present of each group."""
    found: dict[str, tuple[int, int, list[array[int]]]] = {}
    for group in groups:
        n, lessons, marks = found.get(group[column], (0, 0, []))
        marks.append(group[5])
        found[group[column]] = (n + group[3], lessons + group[4], marks)
    return found


def _rowid_set(conn: Connection, sql: str, params: dict[str, object]) -> set[int]:
    """The rowids (`lid`) a query selects, read in one go as a list like those of attendance_present."""
    listed = conn.execute(
        text(f"SELECT group_concat(printf('%016x', lid), '') FROM ({sql})"), params
    ).scalar()
    return set(present_rowids([listed or ""]))


def _household_skills(
    conn: Connection, outlines: Mapping[str, PackOutline], hamlets: str | None
) -> tuple[int, dict[str, int | None], int | None]:
    """Households (of the hamlet) with each HH skill at the end of the period, and the digital ones.

    `hamlets`: the JSON list of the hamlet's stored spellings; None for the whole commune.

    The skill checks are those of rep_check (passed, that count, recorded before the period ends).
    """
    where_h = "h.deleted = 0" + (f" AND {_of_hamlet('h.hamlet')}" if hamlets else "")
    total = int(
        conn.execute(
            text(f"SELECT count(*) FROM household h WHERE {where_h}"), {"hamlets": hamlets}
        ).scalar_one()
    )
    skill_packs = {
        pack_id: [c for c in outline.competencies if c in HOUSEHOLD_SKILLS]
        for pack_id, outline in outlines.items()
        if outline.required_checks and any(c in HOUSEHOLD_SKILLS for c in outline.competencies)
    }
    taught = {code for codes in skill_packs.values() for code in codes}
    shown: dict[str, set[str]] = {code: set() for code in taught}
    if skill_packs:
        # A learner shows a pack's skills once they passed every required check of the pack.
        required = {pack_id: sorted(set(outlines[pack_id].required_checks)) for pack_id in skill_packs}
        pairs = [(pack_id, check_id) for pack_id, checks in required.items() for check_id in checks]
        bound: dict[str, object] = {"hamlets": hamlets}
        for i, (pack_id, check_id) in enumerate(pairs):
            bound.update({f"p{i}": pack_id, f"c{i}": check_id})
        for i, (pack_id, checks) in enumerate(required.items()):
            bound.update({f"k{i}": pack_id, f"n{i}": len(checks)})
        needed = " ".join(f"WHEN :k{i} THEN :n{i}" for i in range(len(required)))
        for household, pack_id in conn.execute(
            text(
                "SELECT c.household_id, c.pack_id FROM rep_check c "
                "WHERE c.learner_deleted = 0 AND (c.pack_id, c.check_id) IN "
                f"(VALUES {', '.join(f'(:p{i}, :c{i})' for i in range(len(pairs)))}) "
                f"AND c.household_id IN (SELECT h.id FROM household h WHERE {where_h}) "
                f"GROUP BY c.lid, c.pack_id HAVING count(DISTINCT c.check_id) = CASE c.pack_id {needed} END"
            ),
            bound,
        ):
            for code in skill_packs[pack_id]:
                shown[code].add(household)
    skills: dict[str, int | None] = {
        code: (len(shown[code]) if code in taught else None) for code in HOUSEHOLD_SKILLS
    }
    digital = None
    if len(taught) == len(HOUSEHOLD_SKILLS):
        digital = len(set.intersection(*(shown[c] for c in HOUSEHOLD_SKILLS)))
    return total, skills, digital


def _volunteers(
    conn: Connection,
    params: dict[str, object],
    lo: str | None,
    hi: str | None,
    led: Mapping[str, tuple[int, int, int]],
) -> tuple[VolunteerLine, ...]:
    """Each volunteer's sessions, lessons, people guided and skill checks observed in the report's scope."""
    observed: dict[str, int] = dict(
        conn.execute(
            text(
                "SELECT c.observed_by, count(*) FROM skill_check c WHERE c.observed_by IS NOT NULL "
                "AND c.session_id IN (SELECT id FROM rep_session) "
                f"AND {current('skill_check', 'c')} AND {_in_period('c.recorded_at', lo, hi)} "
                "GROUP BY c.observed_by"
            ),
            params,
        ).all()
    )
    lines = []
    for vid, name in conn.exec_driver_sql(
        "SELECT id, full_name FROM volunteer WHERE deleted = 0 ORDER BY full_name"
    ):
        if vid in led or vid in observed:
            n, lessons, people = led.get(vid, (0, 0, 0))
            lines.append(VolunteerLine(vid, name, n, lessons, people, int(observed.get(vid, 0))))
    lines.sort(key=lambda v: (-v.people, -v.sessions, v.full_name))
    return tuple(lines)
