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
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, text

from volunteer_kit.core.clock import VIETNAM
from volunteer_kit.exports.cells import REPORT_GROUPS
from volunteer_kit.packs.outline import PackOutline
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.store.engine import CACHE_KIB
from volunteer_kit.store.facts import current

REPORT_CACHE_KIB = 131_072  # 128 MB of page cache while the report runs

log = logging.getLogger("volunteer_kit.exports")

HOUSEHOLD_SKILLS = ("HH-1", "HH-2", "HH-3", "HH-4", "HH-5")
HARDEST_LIMIT = 10


@dataclass(frozen=True, slots=True)
class QuestionKey:
    prompt_vi: str
    prompt_en: str
    correct: frozenset[str]


@dataclass(frozen=True, slots=True)
class PackLine:
    pack_id: str
    title: str
    sessions: int
    lessons_taught: int  # a session teaching three lessons counts three
    people: int  # distinct learners present


@dataclass(frozen=True, slots=True)
class QuizLine:
    pack_id: str
    title: str
    attempts: int
    passed_attempts: int
    learners: int
    learners_passed: int

    @property
    def pass_rate(self) -> float | None:
        return None if self.attempts == 0 else 100 * self.passed_attempts / self.attempts


@dataclass(frozen=True, slots=True)
class HardQuestion:
    pack_id: str
    pack_title: str
    question_id: str
    prompt: str
    attempts: int
    missed: int  # attempts that got it wrong or left it unanswered

    @property
    def missed_rate(self) -> float:
        return 100 * self.missed / self.attempts


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


@lru_cache(maxsize=4)
def _answer_keys(lessons_dir: Path, library_dir: Path | None) -> dict[str, dict[str, QuestionKey]]:
    folders = [m.parent for m in sorted(lessons_dir.glob("*/manifest.json"))]
    if library_dir is not None:
        folders += sorted(info.parent for info in library_dir.glob("*/*/install.json"))
    keys: dict[str, dict[str, QuestionKey]] = {}
    for folder in folders:  # later (imported) versions replace bundled ones, as outlines_by_id does
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            quiz = json.loads((folder / manifest["quiz"]).read_text(encoding="utf-8"))
            keys[manifest["id"]] = {
                q["id"]: QuestionKey(q["prompt"]["vi"], q["prompt"].get("en", ""), frozenset(q["correct"]))
                for q in quiz["questions"]
            }
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("no answer key for %s: %s", folder, exc)
    return keys


def answer_keys(lessons_dir: Path, library_dir: Path | None = None) -> dict[str, dict[str, QuestionKey]]:
    """{pack id: {question id: prompt and right answers}} of the bundled and installed packs."""
    return _answer_keys(lessons_dir, library_dir)


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
    """Every figure of the report for a period and the commune, one hamlet or one volunteer."""
    lo, hi = _bound(start, after=False), _bound(end, after=True)
    params: dict[str, object] = {"lo": lo, "hi": hi, "hamlet": hamlet, "vol": volunteer_id}
    learner_scope = "l.deleted = 0" + (" AND l.hamlet = :hamlet" if hamlet else "")
    run = conn.execute
    for name in ("rep_session", "rep_present"):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
    only_volunteer = (
        " AND instr(',' || s.volunteer_ids || ',', ',' || :vol || ',') > 0" if volunteer_id else ""
    )
    # Big temporary tables stay in memory, with room to work (restored at the end).
    conn.exec_driver_sql("PRAGMA temp_store = MEMORY")
    conn.exec_driver_sql(f"PRAGMA cache_size = -{REPORT_CACHE_KIB}")
    run(
        text(
            "CREATE TEMP TABLE rep_session AS SELECT s.rowid AS sid, s.id AS id, s.pack_id AS pack_id, "
            "s.volunteer_ids AS vols, (length(s.lesson_ids) - length(replace(s.lesson_ids, ',', '')) "
            "+ (s.lesson_ids != '')) AS lessons, "
            "date(s.starts_at, '+7 hours', '-6 days', 'weekday 1') AS week "
            "FROM teaching_session s WHERE s.deleted = 0 "
            f"AND {_in_period('s.starts_at', lo, hi)}{only_volunteer}"
        ),
        params,
    )
    conn.exec_driver_sql("CREATE UNIQUE INDEX temp.rep_session_id ON rep_session(id)")
    # One row per learner present at a session (the current mark only), with small integer keys
    # and the session's week and pack copied in: every figure below is one pass over this table.
    # A report over most sessions reads attendance in table order (CROSS JOIN fixes the order:
    # SQLite would otherwise walk learners and jump about attendance, ~3x slower over a million
    # marks); a short period starts from its few sessions instead.
    chosen = conn.exec_driver_sql("SELECT count(*) FROM rep_session").scalar() or 0
    everything = conn.exec_driver_sql("SELECT count(*) FROM teaching_session").scalar() or 1
    joins = (
        "FROM attendance a CROSS JOIN rep_session s ON s.id = a.session_id "
        "CROSS JOIN learner l ON l.id = a.learner_id"
        if chosen * 5 > everything
        else "FROM rep_session s JOIN attendance a ON a.session_id = s.id "
        "JOIN learner l ON l.id = a.learner_id"
    )
    run(
        text(
            "CREATE TEMP TABLE rep_present AS SELECT s.sid AS sid, l.rowid AS lid, s.week AS week, "
            f"s.pack_id AS pack_id {joins} "
            f"WHERE a.present = 1 AND {current('attendance', 'a')} AND {learner_scope}"
        ),
        params,
    )
    if hamlet:
        conn.exec_driver_sql(
            "DELETE FROM rep_session WHERE sid NOT IN (SELECT DISTINCT sid FROM rep_present)"
        )
    groups_sql = ", ".join(f"sum(l.groups LIKE '%,{g},%')" for g in REPORT_GROUPS)
    people = conn.exec_driver_sql(
        f"SELECT count(*), count(DISTINCT l.household_id), {groups_sql} "
        "FROM (SELECT DISTINCT lid FROM rep_present) p JOIN learner l ON l.rowid = p.lid"
    ).one()
    by_group = {g: int(people[2 + i] or 0) for i, g in enumerate(REPORT_GROUPS)}

    pack_people = dict(
        conn.exec_driver_sql("SELECT pack_id, count(DISTINCT lid) FROM rep_present GROUP BY pack_id").all()
    )
    packs = tuple(
        PackLine(
            pack_id, _title(outlines, pack_id, lang), int(n), int(lessons), int(pack_people.get(pack_id, 0))
        )
        for pack_id, n, lessons in conn.exec_driver_sql(
            "SELECT pack_id, count(*), sum(lessons) FROM rep_session GROUP BY pack_id ORDER BY pack_id"
        )
    )
    sessions = sum(p.sessions for p in packs)

    week_people = {
        w: (int(marks), int(n))
        for w, marks, n in conn.exec_driver_sql(
            "SELECT week, count(*), count(DISTINCT lid) FROM rep_present GROUP BY week"
        )
    }
    weeks = tuple(
        WeekLine(date.fromisoformat(w), int(n), *week_people.get(w, (0, 0)))
        for w, n in conn.exec_driver_sql("SELECT week, count(*) FROM rep_session GROUP BY week ORDER BY week")
    )

    fact_scope = f"{learner_scope}"
    if volunteer_id:
        fact_scope += " AND {alias}.session_id IN (SELECT id FROM rep_session)"
    quiz_rows = run(
        text(
            "SELECT q.pack_id, count(*), sum(q.passed), count(DISTINCT q.learner_id), "
            "count(DISTINCT CASE WHEN q.passed = 1 THEN q.learner_id END) "
            "FROM quiz_attempt q JOIN learner l ON l.id = q.learner_id "
            f"WHERE {current('quiz_attempt', 'q')} AND {_in_period('q.recorded_at', lo, hi)} "
            f"AND {fact_scope.format(alias='q')} GROUP BY q.pack_id ORDER BY q.pack_id"
        ),
        params,
    ).all()
    quizzes = tuple(
        QuizLine(p, _title(outlines, p, lang), int(n), int(ok or 0), int(who), int(who_ok))
        for p, n, ok, who, who_ok in quiz_rows
    )
    if questions is None:
        from volunteer_kit import paths

        questions = answer_keys(paths.lessons_dir(), paths.data_dir() / "packs")
    hardest = _hardest(conn, params, lo, hi, fact_scope, quizzes, questions, outlines, lang)

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
                "SELECT c.pack_id, c.check_id, count(DISTINCT c.learner_id) FROM skill_check c "
                "JOIN learner l ON l.id = c.learner_id "
                f"WHERE c.passed = 1 AND {current('skill_check', 'c')} "
                f"AND {_in_period('c.recorded_at', lo, hi)} AND {fact_scope.format(alias='c')} "
                "GROUP BY c.pack_id, c.check_id ORDER BY c.pack_id, c.check_id"
            ),
            params,
        )
    )

    if volunteer_id:
        households_total = household_skills = digital = issued = revoked = None
    else:
        households_total, household_skills, digital = _household_skills(conn, outlines, hi, hamlet)
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

    volunteers = _volunteers(conn, params, lo, hi)
    volunteer_name = None
    if volunteer_id:
        volunteer_name = run(text("SELECT full_name FROM volunteer WHERE id = :vol"), params).scalar()
    commune = conn.exec_driver_sql(
        "SELECT c.name FROM commune c JOIN device d ON d.commune_code = c.code WHERE d.is_this_device = 1"
    ).scalar()
    for name in ("rep_session", "rep_present", "rep_led"):
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


def _hardest(
    conn: Connection,
    params: dict[str, object],
    lo: str | None,
    hi: str | None,
    fact_scope: str,
    quizzes: tuple[QuizLine, ...],
    questions: Mapping[str, Mapping[str, QuestionKey]],
    outlines: Mapping[str, PackOutline],
    lang: str,
) -> tuple[HardQuestion, ...] | None:
    """The questions most attempts miss (wrong or unanswered), hardest first."""
    if not questions:
        return None
    right: dict[tuple[str, str], int] = {}
    for pack_id, qid, chosen, kind, n in conn.execute(
        text(
            "SELECT q.pack_id, j.key, j.value, j.type, count(*) FROM quiz_attempt q "
            "JOIN learner l ON l.id = q.learner_id, json_each(q.answers) j "
            f"WHERE {current('quiz_attempt', 'q')} AND {_in_period('q.recorded_at', lo, hi)} "
            f"AND {fact_scope.format(alias='q')} GROUP BY q.pack_id, j.key, j.value"
        ),
        params,
    ):
        key = questions.get(pack_id, {}).get(qid)
        if key is not None and _is_right(chosen, kind, key):
            right[(pack_id, qid)] = right.get((pack_id, qid), 0) + int(n)
    found = []
    for quiz in quizzes:
        for qid, key in questions.get(quiz.pack_id, {}).items():
            missed = quiz.attempts - right.get((quiz.pack_id, qid), 0)
            if missed > 0:
                prompt = key.prompt_en if lang == "en" and key.prompt_en else key.prompt_vi
                found.append(HardQuestion(quiz.pack_id, quiz.title, qid, prompt, quiz.attempts, missed))
    found.sort(key=lambda q: (-q.missed / q.attempts, -q.missed, q.pack_id, q.question_id))
    return tuple(found[:HARDEST_LIMIT])


def _is_right(chosen: str, kind: str, key: QuestionKey) -> bool:
    if kind == "array":
        return frozenset(json.loads(chosen)) == key.correct
    # One choice stored bare; the demo data marks a right answer "ok" and a wrong one "x".
    return chosen == "ok" or frozenset((chosen,)) == key.correct


def _household_skills(
    conn: Connection, outlines: Mapping[str, PackOutline], hi: str | None, hamlet: str | None
) -> tuple[int, dict[str, int | None], int | None]:
    """Households (of the hamlet) with each HH skill at the end of the period, and the digital ones."""
    where_h = "h.deleted = 0" + (" AND h.hamlet = :hamlet" if hamlet else "")
    total = int(
        conn.execute(text(f"SELECT count(*) FROM household h WHERE {where_h}"), {"hamlet": hamlet}).scalar()
    )
    skill_packs = {
        pack_id: [c for c in outline.competencies if c in HOUSEHOLD_SKILLS]
        for pack_id, outline in outlines.items()
        if outline.required_checks and any(c in HOUSEHOLD_SKILLS for c in outline.competencies)
    }
    taught = {code for codes in skill_packs.values() for code in codes}
    shown: dict[str, set[str]] = {code: set() for code in taught}
    if skill_packs:
        marks = ",".join(f":p{i}" for i in range(len(skill_packs)))
        done: dict[tuple[str, str, str], set[str]] = {}
        for household, learner_id, pack_id, check_id in conn.execute(
            text(
                "SELECT DISTINCT l.household_id, c.learner_id, c.pack_id, c.check_id FROM skill_check c "
                "JOIN learner l ON l.id = c.learner_id JOIN household h ON h.id = l.household_id "
                f"WHERE c.passed = 1 AND {current('skill_check', 'c')} AND l.deleted = 0 AND {where_h} "
                f"AND c.pack_id IN ({marks})" + (" AND c.recorded_at < :hi" if hi else "")
            ),
            {"hamlet": hamlet, "hi": hi, **{f"p{i}": p for i, p in enumerate(skill_packs)}},
        ):
            done.setdefault((household, learner_id, pack_id), set()).add(check_id)
        for (household, _learner, pack_id), checks in done.items():
            if set(outlines[pack_id].required_checks) <= checks:
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
    conn: Connection, params: dict[str, object], lo: str | None, hi: str | None
) -> tuple[VolunteerLine, ...]:
    """Each volunteer's sessions, lessons, people guided and skill checks observed in the report's scope."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.rep_led")
    conn.exec_driver_sql("CREATE TEMP TABLE rep_led (sid INTEGER, vid TEXT)")
    led_rows = [
        (sid, vid)
        for sid, vols in conn.exec_driver_sql("SELECT sid, vols FROM rep_session")
        for vid in vols.split(",")
        if vid
    ]
    if led_rows:
        conn.exec_driver_sql("INSERT INTO temp.rep_led VALUES (?, ?)", led_rows)
    conn.exec_driver_sql("CREATE INDEX temp.rep_led_sid ON rep_led(sid)")
    led = {
        vid: (int(n), int(lessons or 0))
        for vid, n, lessons in conn.exec_driver_sql(
            "SELECT r.vid, count(*), sum(s.lessons) FROM rep_led r "
            "JOIN rep_session s ON s.sid = r.sid GROUP BY r.vid"
        )
    }
    people = dict(
        conn.exec_driver_sql(
            "SELECT r.vid, count(DISTINCT p.lid) FROM rep_present p "
            "JOIN rep_led r ON r.sid = p.sid GROUP BY r.vid"
        ).all()
    )
    observed = dict(
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
            n, lessons = led.get(vid, (0, 0))
            lines.append(
                VolunteerLine(vid, name, n, lessons, int(people.get(vid, 0)), int(observed.get(vid, 0)))
            )
    lines.sort(key=lambda v: (-v.people, -v.sessions, v.full_name))
    return tuple(lines)
