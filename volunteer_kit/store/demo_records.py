"""The demo commune's records, made from a seed: volunteers, households with their people and
consents, and sessions with their attendance, quiz attempts and skill checks (store.demo loads them).

Besides one-off sessions (home visits, talks, single classes) the volunteers run
courses: a class of one hamlet meets a few times to cover a pack's lessons, then
takes the quiz and the skill checks at its last meeting, so some learners finish
a pack (an officer has certificates to print) and others are one step short.
The same seed and anchor date give the same records (ids included).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from itertools import chain
from typing import Any

from volunteer_kit.core import vn_names
from volunteer_kit.core.admin_units import CommuneUnit
from volunteer_kit.core.clock import VIETNAM, local
from volunteer_kit.core.consent import CONSENT_TEXT_VERSION
from volunteer_kit.core.ids import SeededIds
from volunteer_kit.core.text import fold, search_text_from_folded, sort_key_from_folded
from volunteer_kit.packs.quiz import QuizScore, score
from volunteer_kit.store.bulk import stored_datetime
from volunteer_kit.store.demo_packs import DemoPack, wrong_answers

HOUSEHOLDS_PER_BATCH = 1000
SESSIONS_PER_BATCH = 400
# One course for about this many learners: a commune of 500 runs ten in six weeks.
LEARNERS_PER_COURSE = 50
# Besides the courses, one home visit, talk or single class for about this many learners.
LEARNERS_PER_ONE_OFF = 20
# The demo's sessions fall in the last six weeks before its anchor date.
CAMPAIGN_DAYS = 41
# A course takes learners of this age and older (a child learns beside a grown-up at home).
COURSE_MIN_AGE = 15
SESSION_TABLES = ("session", "attendance", "attempt", "check")
# One session with its attendance and results, or a batch of them, keyed by SESSION_TABLES.
HeldSessions = dict[str, list[dict[str, Any]]]


VOLUNTEERS = (
    ("Nguyễn Thị Thu Trang", "volunteer", "0912345601"),
    ("Lê Văn Hùng", "volunteer", "0912345602"),
    ("Phạm Minh Đức", "trainer", "0912345603"),
)


def _lower_first(hamlet: str) -> str:
    """'Thôn Kim Lan' inside a sentence: 'thôn Kim Lan'."""
    return hamlet[:1].lower() + hamlet[1:]


class DemoGenerator:
    """The demo commune's records, unit by unit, from one seed."""

    def __init__(
        self,
        *,
        seed: int,
        learners: int,
        anchor: date,
        commune: CommuneUnit,
        device_id: str,
        packs: list[DemoPack],
    ) -> None:
        self.rng = random.Random(seed)
        start = datetime.combine(anchor - timedelta(days=60), time(0), tzinfo=VIETNAM)
        self._stamps: dict[datetime, str] = {}
        self.new_id = SeededIds(self.rng, int(start.timestamp() * 1000))
        self.n_learners = learners
        self.anchor = anchor
        self.commune = commune
        self.device = device_id
        self.packs = packs
        self.learner_meta: list[tuple[str, str, int]] = []  # (id, hamlet, birth year)
        self.household_members: list[list[str]] = []
        self.household_hamlet: list[str] = []
        self.household_address: list[str] = []
        self.volunteer_ids: list[str] = []
        # The wrong answers of each pack's questions: {pack id: {question id: mistakes}}.
        self.mistakes = {
            pack.pack_id: {q.id: wrong_answers(q) for q in pack.quiz.questions} for pack in packs if pack.quiz
        }
        self.scores: dict[tuple[str, int], QuizScore] = {}  # (pack id, right answers): score

    def base(self, when: datetime) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "commune_code": self.commune.code,
            "created_by_device": self.device,
            "created_at": self.stamp(when),
            "pending": True,
            "deleted": False,
        }

    def stamp(self, when: datetime | str) -> str:
        """A time in the stored form (rows go to the bulk insert ready to write)."""
        if isinstance(when, str):
            return when
        found = self._stamps.get(when)
        if found is None:
            found = self._stamps[when] = stored_datetime(when) or ""
        return found

    def moment(self, days_ago_max: int) -> datetime:
        day = self.anchor - timedelta(days=self.rng.randint(1, days_ago_max))
        at = time(hour=self.rng.choice((7, 8, 9, 14, 15, 16, 19)), minute=self.rng.choice((0, 15, 30)))
        return datetime.combine(day, at, tzinfo=VIETNAM).astimezone(UTC)

    def volunteers(self) -> list[dict[str, Any]]:
        rows = []
        start = datetime.combine(self.anchor - timedelta(days=60), time(8), tzinfo=VIETNAM)
        for name, role, phone in VOLUNTEERS:
            row = self.base(start.astimezone(UTC))
            row.update(
                full_name=name,
                name_folded=fold(name),
                role=role,
                phone=phone,
                is_me=False,
                updated_at=self.stamp(row["created_at"]),
                revision=1,
            )
            self.volunteer_ids.append(row["id"])
            rows.append(row)
        return rows

    def households(self) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]]:
        """Batches of (households, learners, consents)."""
        rng = self.rng
        remaining = self.n_learners
        this_year = self.anchor.year
        batch: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]] = ([], [], [])
        house_no = 0
        folded_hamlets = {hamlet: fold(hamlet) for hamlet in self.commune.hamlets}
        while remaining > 0:
            size = min(remaining, rng.choices((1, 2, 3, 4, 5), (12, 34, 28, 18, 8))[0])
            remaining -= size
            house_no += 1
            hamlet = rng.choice(self.commune.hamlets)
            address = f"Số {rng.randint(1, 180)}, ngõ {rng.randint(1, 40)}, {hamlet}"
            registered = self.moment(56)
            household = self.base(registered)
            family = vn_names.family_name(rng)
            members: list[str] = []
            head_name = ""
            for index in range(size):
                # The head of the household is a grown-up; the others are anyone.
                year = vn_names.birth_year(rng, this_year) if index else this_year - rng.randint(25, 80)
                gender = rng.choice(("female", "male")) if rng.random() < 0.998 else "other"
                own_family = family if index == 0 or rng.random() < 0.6 else vn_names.family_name(rng)
                name = vn_names.personal_name(
                    rng, "female" if gender == "other" else gender, year, own_family
                )
                if index == 0:
                    head_name = name
                learner = self.base(registered)
                age = this_year - year
                groups = []
                if age >= 60:
                    groups.append("elderly")
                if age <= 22 and rng.random() < 0.8:
                    groups.append("student")
                elif 22 < age < 60:
                    if rng.random() < 0.45:
                        groups.append("worker")
                    elif rng.random() < 0.12:
                        groups.append("official")
                if rng.random() < 0.03:
                    groups.append("ethnic_minority")
                if rng.random() < 0.03:
                    groups.append("disability")
                phone = (
                    f"09{rng.randint(10_000_000, 99_999_999)}"
                    if 16 <= age < 80 and rng.random() < 0.7
                    else None
                )
                folded = fold(name)
                learner.update(
                    household_id=household["id"],
                    full_name=name,
                    name_folded=folded,
                    name_sort=sort_key_from_folded(folded),
                    search_text=search_text_from_folded(folded, phone, folded_hamlets[hamlet]),
                    birth_year=year,
                    gender=gender,
                    phone=phone,
                    hamlet=hamlet,
                    groups="," + ",".join(groups) + ("," if groups else ""),
                    anonymized=False,
                    updated_at=self.stamp(registered),
                    revision=1,
                )
                consent = self.base(registered)
                minor = age < 16
                consent.update(
                    learner_id=learner["id"],
                    action="given",
                    text_version=CONSENT_TEXT_VERSION,
                    given_by="representative" if minor else "self",
                    representative_name=head_name if minor and index else "",
                    recorded_by=rng.choice(self.volunteer_ids),
                    recorded_at=self.stamp(registered),
                )
                batch[1].append(learner)
                batch[2].append(consent)
                members.append(learner["id"])
                self.learner_meta.append((learner["id"], hamlet, year))
            household.update(
                hamlet=hamlet,
                address=address,
                head_name=head_name,
                note="",
                updated_at=self.stamp(registered),
                revision=1,
            )
            batch[0].append(household)
            self.household_members.append(members)
            self.household_hamlet.append(hamlet)
            self.household_address.append(address)
            if len(batch[0]) >= HOUSEHOLDS_PER_BATCH:
                yield batch
                batch = ([], [], [])
        if batch[0]:
            yield batch

    def units(self) -> Iterator[dict[str, list[dict[str, Any]]]]:
        """Every unit to write, in order, keyed by table."""
        for households, people, consents in self.households():
            yield {"household": households, "learner": people, "consent": consents}
        yield from self.sessions()

    def sessions(self) -> Iterator[HeldSessions]:
        """Batches of sessions with their attendance, quiz attempts and skill checks."""
        batch: HeldSessions = {key: [] for key in SESSION_TABLES}
        for held in chain(self.courses(), self.one_off_sessions()):
            for key, rows in held.items():
                batch[key].extend(rows)
            if len(batch["session"]) >= SESSIONS_PER_BATCH:
                yield batch
                batch = {key: [] for key in SESSION_TABLES}
        if batch["session"]:
            yield batch

    def courses(self) -> Iterator[HeldSessions]:
        """Classes that meet a few times to cover a pack; the quiz and skill checks end the last meeting."""
        packs = [pack for pack in self.packs if pack.lesson_ids]
        if not packs:
            return
        # The packs in turn, so the learners who finish are spread over many packs.
        order = self.rng.sample(packs, len(packs))
        pools = self.course_pools()
        for number in range(max(2, self.n_learners // LEARNERS_PER_COURSE)):
            # One course in four is still under way at the anchor date.
            yield from self.course(order[number % len(order)], pools, running=number % 4 == 3)

    def course_pools(self) -> dict[str, list[str]]:
        """Learners old enough for a course, by hamlet; the key "" holds the whole commune's."""
        pools: dict[str, list[str]] = {"": []}
        for learner_id, hamlet, year in self.learner_meta:
            if self.anchor.year - year >= COURSE_MIN_AGE:
                pools.setdefault(hamlet, []).append(learner_id)
                pools[""].append(learner_id)
        return pools

    def course(self, pack: DemoPack, pools: dict[str, list[str]], *, running: bool) -> Iterator[HeldSessions]:
        """One class's meetings held before the anchor date: all of them, or (`running`) the first ones."""
        rng = self.rng
        hamlet = rng.choice(self.commune.hamlets)
        size = rng.randint(10, 16)
        pool = pools.get(hamlet, [])
        if len(pool) < size:  # a small hamlet's class welcomes people from the whole commune
            pool = pools[""]
        cohort = rng.sample(pool, min(size, len(pool)))
        # Some come to every meeting and some miss one; some learn faster than others.
        keen = {learner_id: rng.uniform(0.75, 0.99) for learner_id in cohort}
        skill = {learner_id: min(0.98, max(0.3, rng.gauss(0.8, 0.12))) for learner_id in cohort}
        leaders = rng.sample(self.volunteer_ids, rng.choice((1, 2)))
        meetings = self.course_meetings(pack.lesson_ids)
        gap = rng.choice((3, 4, 7))  # twice a week, or weekly
        span = (len(meetings) - 1) * gap
        days_ago = (
            rng.randint(1, span) if running and span else rng.randint(span + 1, max(span + 1, CAMPAIGN_DAYS))
        )
        first_day = self.anchor - timedelta(days=days_ago)
        at = time(hour=rng.choice((8, 14, 19)), minute=rng.choice((0, 30)))
        for index, lessons in enumerate(meetings):
            day = first_day + timedelta(days=index * gap)
            if day >= self.anchor:
                return
            starts = datetime.combine(day, at, tzinfo=VIETNAM).astimezone(UTC)
            held = self.held_session(
                kind="group_class",
                pack=pack,
                lessons=lessons,
                place=f"Nhà văn hóa {_lower_first(hamlet)}",
                hamlet=hamlet,
                starts=starts,
                leaders=leaders,
            )
            last = index == len(meetings) - 1
            for learner_id in cohort:
                present = rng.random() < keen[learner_id]
                held["attendance"].append(self.attendance(held, learner_id, present, starts))
                if present and last:
                    self.final_results(held, pack, learner_id, skill[learner_id], leaders, starts)
            yield held

    def course_meetings(self, lesson_ids: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The pack's lessons in order, one or two a meeting."""
        meetings = []
        rest = lesson_ids
        while rest:
            take = self.rng.choice((1, 1, 2))
            meetings.append(rest[:take])
            rest = rest[take:]
        return meetings

    def final_results(
        self,
        held: HeldSessions,
        pack: DemoPack,
        learner_id: str,
        skill: float,
        leaders: list[str],
        starts: datetime,
    ) -> None:
        """A course's last meeting: the quiz, then volunteers watch each required skill (and a few others)."""
        rng = self.rng
        done = starts + timedelta(minutes=75)
        held["attempt"].append(self.attempt(held, learner_id, pack, done, skill))
        for check_id in pack.check_ids:
            if check_id in pack.required_check_ids or rng.random() < 0.3:
                passed = rng.random() < 0.5 + skill / 2
                held["check"].append(
                    self.check(held, learner_id, pack, check_id, passed, rng.choice(leaders), done)
                )

    def one_off_sessions(self) -> Iterator[HeldSessions]:
        """Home visits, morning-coffee talks and single classes on a pack's first lessons."""
        rng = self.rng
        by_hamlet: dict[str, list[str]] = {}
        for learner_id, hamlet, _year in self.learner_meta:
            by_hamlet.setdefault(hamlet, []).append(learner_id)
        for _ in range(max(5, self.n_learners // LEARNERS_PER_ONE_OFF)):
            kind = rng.choices(("group_class", "home_visit", "community_talk"), (50, 30, 20))[0]
            pack = rng.choice(self.packs)
            starts = self.moment(CAMPAIGN_DAYS)
            if kind == "home_visit":
                house = rng.randrange(len(self.household_members))
                hamlet = self.household_hamlet[house]
                people = self.household_members[house]
                place = self.household_address[house]
            else:
                hamlet = rng.choice(self.commune.hamlets)
                pool = by_hamlet.get(hamlet) or [m[0] for m in self.learner_meta]
                size = rng.randint(8, 25) if kind == "group_class" else rng.randint(10, 30)
                people = rng.sample(pool, min(size, len(pool)))
                place = (
                    f"Nhà văn hóa {_lower_first(hamlet)}"
                    if kind == "group_class"
                    else f"Quán cà phê sáng đầu {_lower_first(hamlet)}"
                )
            lessons = pack.lesson_ids[: rng.randint(1, max(1, len(pack.lesson_ids)))]
            leaders = rng.sample(self.volunteer_ids, rng.choice((1, 1, 2)))
            held = self.held_session(
                kind=kind,
                pack=pack,
                lessons=lessons,
                place=place,
                hamlet=hamlet,
                starts=starts,
                leaders=leaders,
            )
            for learner_id in people:
                present = rng.random() < 0.9
                held["attendance"].append(self.attendance(held, learner_id, present, starts))
                if present and kind != "community_talk":
                    self.one_off_results(held, pack, learner_id, leaders, starts)
            yield held

    def one_off_results(
        self, held: HeldSessions, pack: DemoPack, learner_id: str, leaders: list[str], starts: datetime
    ) -> None:
        """After a single session: most try the quiz, some are watched on a skill or two."""
        rng = self.rng
        done = starts + timedelta(minutes=75)
        if rng.random() < 0.7:
            held["attempt"].append(self.attempt(held, learner_id, pack, done, rng.gauss(0.76, 0.16)))
        if pack.check_ids and rng.random() < 0.5:
            for check_id in rng.sample(pack.check_ids, min(len(pack.check_ids), rng.randint(1, 2))):
                passed = rng.random() < 0.85
                held["check"].append(
                    self.check(held, learner_id, pack, check_id, passed, rng.choice(leaders), done)
                )

    def held_session(
        self,
        *,
        kind: str,
        pack: DemoPack,
        lessons: tuple[str, ...],
        place: str,
        hamlet: str,
        starts: datetime,
        leaders: list[str],
    ) -> HeldSessions:
        """A session with no attendance or results yet."""
        session = self.base(starts)
        session.update(
            kind=kind,
            pack_id=pack.pack_id,
            pack_version=pack.version,
            lesson_ids=",".join(lessons),
            place=place,
            hamlet=hamlet,
            starts_at=self.stamp(starts),
            ends_at=self.stamp(starts + timedelta(minutes=90)),
            volunteer_ids=",".join(leaders),
            notes="",
            # The last two days' sessions are still open: their volunteers close them.
            attendance_closed=(self.anchor - local(starts).date()).days > 2,
            updated_at=self.stamp(starts),
            revision=1,
        )
        return {"session": [session], "attendance": [], "attempt": [], "check": []}

    def attendance(
        self, held: HeldSessions, learner_id: str, present: bool, starts: datetime
    ) -> dict[str, Any]:
        attendance = self.base(starts)
        attendance.update(
            session_id=held["session"][0]["id"],
            learner_id=learner_id,
            present=present,
            late=present and self.rng.random() < 0.08,
            walk_in=False,
            recorded_at=self.stamp(starts),
            supersedes_id=None,
        )
        return attendance

    def check(
        self,
        held: HeldSessions,
        learner_id: str,
        pack: DemoPack,
        check_id: str,
        passed: bool,
        observer: str,
        done: datetime,
    ) -> dict[str, Any]:
        check = self.base(done)
        check.update(
            learner_id=learner_id,
            session_id=held["session"][0]["id"],
            pack_id=pack.pack_id,
            pack_version=pack.version,
            check_id=check_id,
            passed=passed,
            observed_by=observer,
            recorded_at=self.stamp(done),
            supersedes_id=None,
        )
        return check

    def attempt(
        self, held: HeldSessions, learner_id: str, pack: DemoPack, when: datetime, skill: float
    ) -> dict[str, Any]:
        answers, correct, total, percent, passed = self.answer_quiz(pack, skill)
        row = self.base(when)
        row.update(
            learner_id=learner_id,
            session_id=held["session"][0]["id"],
            pack_id=pack.pack_id,
            pack_version=pack.version,
            answers=answers,
            correct_count=correct,
            question_count=total,
            score=percent,
            passed=passed,
            recorded_at=self.stamp(when),
            supersedes_id=None,
        )
        return row

    def answer_quiz(self, pack: DemoPack, skill: float) -> tuple[str, int, int, float, bool]:
        """Answers stored as the teaching screen stores them, scored by the pack's rules."""
        rng = self.rng
        if pack.quiz is None:
            return self.mark_quiz(pack, skill)
        mistakes = self.mistakes[pack.pack_id]
        answers: dict[str, Sequence[str]] = {}
        right = 0
        for question in pack.quiz.questions:
            wrong = mistakes[question.id]
            if wrong and rng.random() >= skill:
                answers[question.id] = rng.choice(wrong)
            else:
                answers[question.id] = question.correct
                right += 1
        # The score depends only on how many answers are right: each count is scored once.
        result = self.scores.get((pack.pack_id, right))
        if result is None:
            result = self.scores[(pack.pack_id, right)] = score(pack.quiz, answers)
        stored = json.dumps(answers, separators=(",", ":"))
        return stored, result.correct, result.total, result.percent, result.passed

    def mark_quiz(self, pack: DemoPack, skill: float) -> tuple[str, int, int, float, bool]:
        """Without the pack's quiz: each question marked right ("ok") or wrong ("x"), pass at 70 %."""
        questions = pack.question_ids or tuple(f"q{i}" for i in range(1, 11))
        answers = {qid: "ok" if self.rng.random() < skill else "x" for qid in questions}
        correct = sum(1 for mark in answers.values() if mark == "ok")
        percent = round(100 * correct / len(questions), 1)
        return json.dumps(answers, separators=(",", ":")), correct, len(questions), percent, percent >= 70
