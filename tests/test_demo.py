"""Demo data: realistic, repeatable, and written in whole transactions."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import psutil
import pytest

from tests.conftest import run_cli
from volunteer_kit import paths
from volunteer_kit.certificates.eligibility import Eligibility, eligibility
from volunteer_kit.packs.outline import outlines_by_id
from volunteer_kit.packs.quiz import score
from volunteer_kit.packs.reader import read_pack
from volunteer_kit.store.demo import load_demo
from volunteer_kit.store.engine import open_store
from volunteer_kit.store.overview import to_do

ANCHOR = date(2026, 11, 20)

CONTENT_QUERIES = {
    "learner": "SELECT id, full_name, birth_year, gender, phone, hamlet, groups, household_id FROM learner",
    "household": "SELECT id, hamlet, address FROM household",
    "teaching_session": "SELECT id, kind, pack_id, place, starts_at FROM teaching_session",
    "attendance": "SELECT id, session_id, learner_id, present FROM attendance",
    "quiz_attempt": "SELECT id, learner_id, score, passed FROM quiz_attempt",
    "skill_check": "SELECT id, learner_id, check_id, passed FROM skill_check",
}


def _content(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {table: sorted(conn.execute(sql).fetchall()) for table, sql in CONTENT_QUERIES.items()}
    finally:
        conn.close()


def _load(folder: Path, seed: int) -> Path:
    path = folder / "store.sqlite3"
    engine = open_store(path)
    load_demo(engine, learners=250, seed=seed, anchor=date(2026, 11, 20), lessons_dir=paths.lessons_dir())
    engine.dispose()
    return path


def test_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    first = _content(_load(tmp_path / "a", seed=42))
    second = _content(_load(tmp_path / "b", seed=42))
    other = _content(_load(tmp_path / "c", seed=43))
    assert first == second
    assert first["learner"] != other["learner"]


def test_demo_looks_like_a_real_commune(demo_engine) -> None:
    with demo_engine.connect() as conn:
        sql = lambda q: conn.exec_driver_sql(q)  # noqa: E731
        assert sql("SELECT count(*) FROM learner").scalar() == 300
        households = sql("SELECT count(*) FROM household").scalar()
        assert 90 <= households <= 160
        assert sql("SELECT code, name, province_name FROM commune").one() == (
            "00577",
            "Xã Bát Tràng",
            "Thành phố Hà Nội",
        )
        assert sql("SELECT count(*) FROM volunteer").scalar() == 3
        names = sql("SELECT full_name FROM learner").scalars().all()
        families = Counter(name.split()[0] for name in names)
        assert families.most_common(1)[0][0] == "Nguyễn"
        assert 0.25 < families["Nguyễn"] / len(names) < 0.5
        assert {"Trần", "Lê", "Phạm"} <= set(families)
        years = sql("SELECT birth_year FROM learner").scalars().all()
        assert sum(1 for y in years if y <= 1975) / len(years) > 0.45  # skewed older
        # Every learner has a consent record; every household has members.
        assert (
            sql(
                "SELECT count(*) FROM learner l WHERE NOT EXISTS "
                "(SELECT 1 FROM consent c WHERE c.learner_id = l.id)"
            ).scalar()
            == 0
        )
        assert (
            sql(
                "SELECT count(*) FROM household h WHERE NOT EXISTS "
                "(SELECT 1 FROM learner l WHERE l.household_id = h.id)"
            ).scalar()
            == 0
        )
        assert sql("SELECT count(*) FROM attendance").scalar() > 100
        assert sql("SELECT count(*) FROM quiz_attempt").scalar() > 20
        assert sql("SELECT count(*) FROM skill_check").scalar() > 10
        packs = set(sql("SELECT DISTINCT pack_id FROM teaching_session").scalars())
        assert "vn.bdhvs.vneid" in packs


def test_demo_refuses_a_store_that_has_learners(demo_engine) -> None:
    from volunteer_kit.errors import InvalidInput

    with pytest.raises(InvalidInput, match="already holds 300 learners"):
        load_demo(demo_engine, learners=10)


def test_sigkill_during_demo_leaves_only_whole_transactions(tmp_path: Path) -> None:
    folder = tmp_path / "killed"
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "volunteer_kit", "--data-dir", str(folder), "demo", "--learners", "60000"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    db = folder / "volunteer-kit.sqlite3"
    deadline = time.monotonic() + 60
    # Kill it once some household batches are in, before it finishes.
    while time.monotonic() < deadline:
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                count = conn.execute("SELECT count(*) FROM learner").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                count = 0
            if count >= 2000:
                break
        if proc.poll() is not None:
            pytest.fail(f"demo ended before it could be killed: {errors.read_text()}")
        time.sleep(0.05)
    helpers = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    # The generating helper process notices its loader is gone and ends by itself.
    _gone, alive = psutil.wait_procs(helpers, timeout=30)
    for leftover in alive:
        leftover.kill()
    assert alive == []
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        learners = conn.execute("SELECT count(*) FROM learner").fetchone()[0]
        assert 2000 <= learners < 60000
        # Each transaction holds whole households: their people and every consent.
        assert conn.execute("SELECT count(*) FROM consent").fetchone()[0] == learners
        assert (
            conn.execute(
                "SELECT count(*) FROM household h WHERE NOT EXISTS "
                "(SELECT 1 FROM learner l WHERE l.household_id = h.id)"
            ).fetchone()[0]
            == 0
        )
        # Sessions come in whole batches with their attendance.
        assert (
            conn.execute(
                "SELECT count(*) FROM teaching_session s WHERE NOT EXISTS "
                "(SELECT 1 FROM attendance a WHERE a.session_id = s.id)"
            ).fetchone()[0]
            == 0
        )
    finally:
        conn.close()


def _steps_missing(found: Eligibility) -> int:
    """What still stands between a learner and the certificate: lessons, the quiz, skill checks."""
    return len(found.missing_lessons) + (not found.quiz_passed) + len(found.missing_checks)


@pytest.mark.parametrize("seed", [1, 2, 7])
def test_default_demo_gives_an_officer_certificates_to_print(engine, seed: int) -> None:
    load_demo(engine, seed=seed, anchor=ANCHOR, lessons_dir=paths.lessons_dir())
    outlines = outlines_by_id(paths.lessons_dir())
    with engine.connect() as conn:
        found = eligibility(conn, outlines)
        todo = to_do(conn, outlines)
    eligible = [e for e in found if e.eligible]
    assert len(eligible) >= 20
    assert len({e.pack_id for e in eligible}) >= 3
    one_step_short = [e for e in found if _steps_missing(e) == 1]
    assert len(one_step_short) >= 10
    # Some lack only a lesson: the Today page lists them for a visit.
    assert any(e.missing_lessons for e in one_step_short)
    assert todo.one_lesson_short_total >= 10


@pytest.mark.parametrize("seed", [1, 2, 7])
def test_a_small_demo_still_has_a_few_certificates(engine, seed: int) -> None:
    load_demo(engine, learners=50, seed=seed, anchor=ANCHOR, lessons_dir=paths.lessons_dir())
    with engine.connect() as conn:
        found = eligibility(conn, outlines_by_id(paths.lessons_dir()))
    assert sum(1 for e in found if e.eligible) >= 3


def test_the_demo_command_leaves_certificates_to_issue(data_dir: Path) -> None:
    loaded = run_cli("demo", data_dir=data_dir)
    assert loaded.returncode == 0, loaded.stderr
    listed = run_cli("certificates", "eligible", "--json", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) >= 20
    assert all(row["eligible"] for row in rows)
    assert len({row["pack_id"] for row in rows}) >= 3


def test_demo_quiz_answers_are_the_packs_choices_scored_by_its_pass_mark(demo_engine) -> None:
    quizzes = {}
    for manifest in paths.lessons_dir().glob("*/manifest.json"):
        pack = read_pack(manifest.parent)
        quizzes[pack.manifest.id] = pack.quiz
    with demo_engine.connect() as conn:
        attempts = conn.exec_driver_sql(
            "SELECT pack_id, answers, correct_count, question_count, score, passed FROM quiz_attempt"
        ).all()
    assert attempts
    for pack_id, answers, correct, total, percent, passed in attempts:
        result = score(quizzes[pack_id], json.loads(answers))
        assert (correct, total, percent, bool(passed)) == (
            result.correct,
            result.total,
            result.percent,
            result.passed,
        )
    assert {bool(row.passed) for row in attempts} == {True, False}


def test_demo_results_belong_to_the_sessions_learners_attended(demo_engine) -> None:
    with demo_engine.connect() as conn:
        sql = lambda q: conn.exec_driver_sql(q).scalar()  # noqa: E731
        for table in ("quiz_attempt", "skill_check"):
            # Recorded at a session of the same pack, for a learner marked present there.
            assert (
                sql(
                    f"SELECT count(*) FROM {table} r JOIN teaching_session s ON s.id = r.session_id "
                    "WHERE s.pack_id != r.pack_id OR NOT EXISTS (SELECT 1 FROM attendance a "
                    "WHERE a.session_id = r.session_id AND a.learner_id = r.learner_id AND a.present = 1)"
                )
                == 0
            )
            assert sql(f"SELECT count(*) FROM {table} WHERE session_id IS NULL") == 0
        # Skill checks are observed by a volunteer who led the session.
        assert (
            sql(
                "SELECT count(*) FROM skill_check c JOIN teaching_session s ON s.id = c.session_id "
                "WHERE instr(',' || s.volunteer_ids || ',', ',' || c.observed_by || ',') = 0"
            )
            == 0
        )
