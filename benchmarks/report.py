"""Commune report over 1,000,000 attendance records: <= 2 s.

The store: the demo commune with 20,000 learners, plus 50,000 extra sessions of 20 learners each
(1,000,000 attendance records, 1 % of them corrected), quiz attempts and skill checks; built once
with the bulk insert helpers and cached in /tmp.
"""

from __future__ import annotations

import random
import shutil
import sys
import time
from datetime import UTC, datetime, timedelta

from _common import ANCHOR, CACHE, ROOT, report

sys.path.insert(0, str(ROOT))

ATTENDANCE = 1_000_000
PER_SESSION = 20


def build():
    from volunteer_kit import paths
    from volunteer_kit.packs.outline import outlines_by_id
    from volunteer_kit.store.bulk import insert_values, stored_datetime
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import SCHEMA_HEAD, open_store

    folder = CACHE / f"report-{ATTENDANCE}-{SCHEMA_HEAD}"
    if (folder / "complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    engine = open_store(folder / paths.DB_FILE_NAME)
    ensure_device(engine)
    load_demo(engine, learners=20_000, seed=3, anchor=ANCHOR, lessons_dir=ROOT / "lessons")
    outlines = list(outlines_by_id(ROOT / "lessons").values())
    rng = random.Random(5)
    base = ("commune_code", "created_by_device", "created_at", "pending", "deleted")
    with engine.begin() as conn:
        commune, device = conn.exec_driver_sql(
            "SELECT commune_code, id FROM device WHERE is_this_device = 1"
        ).one()
        learners = [r[0] for r in conn.exec_driver_sql("SELECT id FROM learner WHERE deleted = 0")]
        volunteers = [r[0] for r in conn.exec_driver_sql("SELECT id FROM volunteer")]
        existing = conn.exec_driver_sql("SELECT count(*) FROM attendance").scalar()
        sessions = (ATTENDANCE - existing) // PER_SESSION
        start = datetime(2025, 1, 1, 1, tzinfo=UTC)
        s_rows, a_rows, q_rows, c_rows = [], [], [], []
        n = 0
        for i in range(sessions):
            pack = outlines[i % len(outlines)]
            when = stored_datetime(start + timedelta(minutes=15 * i))
            sid = f"bench-s-{i:08d}"
            s_rows.append(
                (
                    sid,
                    commune,
                    device,
                    when,
                    0,
                    0,
                    when,
                    1,
                    "group_class",
                    pack.pack_id,
                    pack.version,
                    ",".join(pack.lesson_ids[:2]),
                    "Nhà văn hóa",
                    "",
                    when,
                    ",".join(rng.sample(volunteers, 2)),
                    "",
                    1,
                )
            )
            for learner in rng.sample(learners, PER_SESSION):
                n += 1
                aid = f"bench-a-{n:09d}"
                a_rows.append((aid, commune, device, when, 0, 0, sid, learner, 1, 0, 0, when, None))
                if n % 100 == 0:  # a correction supersedes it
                    a_rows.append((aid + "c", commune, device, when, 0, 0, sid, learner, 0, 0, 0, when, aid))
                if n % 10 == 0:
                    ok = rng.random() < 0.7
                    q_rows.append(
                        (
                            f"bench-q-{n:09d}",
                            commune,
                            device,
                            when,
                            0,
                            0,
                            learner,
                            sid,
                            pack.pack_id,
                            pack.version,
                            '{"q1":"ok","q2":"x"}',
                            7 if ok else 4,
                            9,
                            77.8 if ok else 44.4,
                            ok,
                            when,
                            None,
                        )
                    )
                if n % 10 == 5 and pack.check_texts:
                    check = next(iter(pack.check_texts))
                    c_rows.append(
                        (
                            f"bench-c-{n:09d}",
                            commune,
                            device,
                            when,
                            0,
                            0,
                            learner,
                            sid,
                            pack.pack_id,
                            pack.version,
                            check,
                            rng.random() < 0.8,
                            volunteers[0],
                            when,
                            None,
                        )
                    )
        insert_values(
            conn,
            "teaching_session",
            (
                "id",
                *base,
                "updated_at",
                "revision",
                "kind",
                "pack_id",
                "pack_version",
                "lesson_ids",
                "place",
                "hamlet",
                "starts_at",
                "volunteer_ids",
                "notes",
                "attendance_closed",
            ),
            s_rows,
        )
        insert_values(
            conn,
            "attendance",
            (
                "id",
                *base,
                "session_id",
                "learner_id",
                "present",
                "late",
                "walk_in",
                "recorded_at",
                "supersedes_id",
            ),
            a_rows,
        )
        insert_values(
            conn,
            "quiz_attempt",
            (
                "id",
                *base,
                "learner_id",
                "session_id",
                "pack_id",
                "pack_version",
                "answers",
                "correct_count",
                "question_count",
                "score",
                "passed",
                "recorded_at",
                "supersedes_id",
            ),
            q_rows,
        )
        insert_values(
            conn,
            "skill_check",
            (
                "id",
                *base,
                "learner_id",
                "session_id",
                "pack_id",
                "pack_version",
                "check_id",
                "passed",
                "observed_by",
                "recorded_at",
                "supersedes_id",
            ),
            c_rows,
        )
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    (folder / "complete").write_text("ok\n")
    return folder


def main() -> None:
    from volunteer_kit import paths
    from volunteer_kit.exports.report import compute_report
    from volunteer_kit.exports.report_quiz import answer_keys
    from volunteer_kit.packs.outline import outlines_by_id
    from volunteer_kit.store.engine import open_store

    folder = build()
    engine = open_store(folder / paths.DB_FILE_NAME)
    outlines = outlines_by_id(ROOT / "lessons")
    keys = answer_keys(ROOT / "lessons")
    with engine.connect() as conn:
        records = conn.exec_driver_sql("SELECT count(*) FROM attendance").scalar()
        compute_report(conn, outlines, start=None, end=None, questions=keys)  # warm the page cache
        started = time.perf_counter()
        whole = compute_report(conn, outlines, start=None, end=None, questions=keys)
        took = time.perf_counter() - started
        started = time.perf_counter()
        compute_report(conn, outlines, start=ANCHOR - timedelta(days=90), end=ANCHOR, questions=keys)
        quarter = time.perf_counter() - started
        started = time.perf_counter()
        compute_report(conn, outlines, start=None, end=None, hamlet="Thôn Kim Lan", questions=keys)
        hamlet = time.perf_counter() - started
    engine.dispose()
    report(
        "report",
        [
            (f"commune report, all time ({records:,} attendance)", took, "s", "<= 2 s", took <= 2.0),
            ("commune report, last 90 days", quarter, "s", "<= 2 s", quarter <= 2.0),
            ("one hamlet, all time", hamlet, "s", "<= 2 s", hamlet <= 2.0),
            ("people guided (check)", float(whole.people_guided), "", "-", True),
        ],
    )


if __name__ == "__main__":
    main()
