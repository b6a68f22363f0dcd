"""The province dashboard's figures for one big commune: a full build, then a round after one more
teaching session (the kept device store receives only the new records). Target: such a round costs
at most a quarter of the full build (paid once per machine); the rest of a round is the report itself.

A real hub process on PostgreSQL (a fresh schema, dropped after) or SQLite; an officer laptop holding
the demo commune (`--learners`, default 2,000: ~17,000 records) syncs everything through the real
client; `hub.analytics.rebuild` then builds the commune in this process, as `hub analytics rebuild`
does; then the laptop teaches one more session of 10 learners, syncs, and the round is timed.

    python benchmarks/analytics_rebuild.py [--learners 2000] [--db POSTGRES_URL | --sqlite]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path

from _common import ROOT, report

sys.path.insert(0, str(ROOT))

DEFAULT_DB = os.environ.get("VK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _schema_url(base: str, schema: str) -> str:
    from sqlalchemy import make_url

    url = make_url(base).set(drivername="postgresql+psycopg")
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()

    import psycopg

    from volunteer_kit import paths
    from volunteer_kit.core.admin_units import DEMO_COMMUNE
    from volunteer_kit.core.clock import VIETNAM
    from volunteer_kit.hub import analytics, enrollment
    from volunteer_kit.hub.db import open_hub_engine, sqlite_url
    from volunteer_kit.hub.serve import spawn_local_hub
    from volunteer_kit.packs.outline import outlines_by_id
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.store.learners import register_learner
    from volunteer_kit.store.teaching import start_session
    from volunteer_kit.sync import client

    work = Path(tempfile.mkdtemp(prefix="vk-analytics-bench-"))
    schema = f"vk_bench_{uuid.uuid4().hex[:10]}"
    if args.sqlite:
        db_url = sqlite_url(work / "hub" / "hub.sqlite3")
        (work / "hub").mkdir()
    else:
        with psycopg.connect(args.db, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        db_url = _schema_url(args.db, schema)
    os.environ["VOLUNTEER_KIT_HUB_NO_REBUILDER"] = "1"  # the round is timed here, not in the hub
    process = None
    try:
        hub_dir = work / "hub"
        hub_dir.mkdir(exist_ok=True)
        process, url = spawn_local_hub(hub_dir, db_url=db_url)
        engine = open_hub_engine(db_url)
        enrollment.ensure_commune(engine, DEMO_COMMUNE.code, None, DEMO_COMMUNE.province_code)
        made = enrollment.make_enroll_code(engine, commune_code=DEMO_COMMUNE.code, role="officer")
        code = str(made["code"])

        store = open_store(work / "laptop" / paths.DB_FILE_NAME)
        ensure_device(store)
        today = datetime.now(VIETNAM).date()
        load_demo(store, learners=args.learners, seed=3, anchor=today, lessons_dir=paths.lessons_dir())
        client.enroll(store, url, code)
        started = time.perf_counter()
        pushed = client.sync(store).pushed
        sync_s = time.perf_counter() - started

        started = time.perf_counter()
        full = analytics.rebuild(engine, data_dir=hub_dir, workers=1)
        full_s = time.perf_counter() - started
        assert full["communes"] == 1 and not full["failed"], full

        outline = outlines_by_id(paths.lessons_dir())["vn.bdhvs.vneid"]
        with store.begin() as conn:  # one more teaching session of 10 new learners
            names = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga"]
            ids = [
                register_learner(conn, full_name=f"Giáp Khổng {n}", birth_year=1931, hamlet="Thôn Đông").id
                for n in names
            ]
            start_session(
                conn,
                kind="group_class",
                pack_id="vn.bdhvs.vneid",
                pack_version=outline.version,
                lesson_ids=outline.lesson_ids[:1],
                place="Nhà văn hóa",
                learner_ids=ids,
            )
        more = client.sync(store).pushed
        started = time.perf_counter()
        round_ = analytics.rebuild(engine, data_dir=hub_dir, workers=1)
        round_s = time.perf_counter() - started
        assert round_["communes"] == 1 and not round_["failed"], round_
        figures = analytics.province_view(engine, DEMO_COMMUNE.province_code).communes
        reached = next(c for c in figures if c.commune_code == DEMO_COMMUNE.code).learners_reached
        store.dispose()
        engine.dispose()
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        if not args.sqlite:
            with psycopg.connect(args.db, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    share = full_s / 4
    print(f"records synced: {pushed} (then {more}); learners reached: {reached}; first sync {sync_s:.1f} s")
    report(
        f"analytics rebuild of one commune ({'SQLite' if args.sqlite else 'PostgreSQL'}, {pushed} records)",
        [
            ("full build (s)", full_s, "s", "paid once per machine", True),
            ("round after one more session (s)", round_s, "s", f"<= {share:.2f} (1/4)", round_s <= share),
            ("records applied per second, full build", pushed / full_s, "/s", "reported", True),
        ],
    )


if __name__ == "__main__":
    main()
