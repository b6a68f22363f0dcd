"""Demo data: realistic, repeatable, and written in whole transactions."""

from __future__ import annotations

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

from volunteer_kit import paths
from volunteer_kit.store.demo import load_demo
from volunteer_kit.store.engine import open_store

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


def test_demo_looks_like_a_real_commune(demo_engine) -> None:  # noqa: ANN001
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


def test_demo_refuses_a_store_that_has_learners(demo_engine) -> None:  # noqa: ANN001
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
