"""Records partitioned by province (hub migration 0008) at national size, on PostgreSQL.

Two copies of the same hub database (default 2,000,000 records of 340 communes in the 34
provinces, each record at one version): "plain", hub_record as one table (as before 0008, with
the province column so the same hub code runs on it), and "partitioned", as 0008 makes it. On
each: a device's pull, page by page (2,000 records a page), and push batches of 1,000 new records
(learners with their consents) through the hub's own functions (hub.pull.pull_page,
hub.push.apply_records; no HTTP, so the database's part is what is measured). Also: how many
partitions the pull's plan reads.

Targets: a pull page <= 0.25 s; a push batch of 1,000 <= 1.0 s; partitioned within 10 % of plain
or better for both; the pull's plan reads 1 partition of 35.

    VK_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test \
        .venv/bin/python benchmarks/hub_partitions.py [--records N] [--communes N] [--fresh]

The two schemas (vk_bench_parts_{plain,partitioned}_<records>) are kept for the next run; --fresh
makes them again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid

from _common import ROOT, report
from sync_many_devices import _records as new_records

sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
TARGET_PULL_S = 0.25
TARGET_PUSH_S = 1.0
TARGET_RATIO = 1.10
SAMPLE_COMMUNES = 6
PUSH_BATCHES = 8


def _connect(base: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


def _schema_url(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def _exists(base: str, schema: str) -> bool:
    with _connect(base) as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'hub_meta'", (schema,)
        ).fetchone()
        if not found:
            return False
        done = conn.execute(f'SELECT 1 FROM "{schema}".hub_meta WHERE key = %s', ("bench_complete",))
        return done.fetchone() is not None


def _fresh_schema(base: str, schema: str) -> str:
    """A schema migrated to head (records partitioned); its URL."""
    from volunteer_kit.hub.db import open_hub_engine

    with _connect(base) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = _schema_url(base, schema)
    open_hub_engine(url).dispose()
    return url


def _fill(base: str, schema: str, records: int, communes: int) -> None:
    """`communes` communes spread over the 34 provinces, `records` records spread over them (each
    its latest version), written by the database itself (generate_series)."""
    from volunteer_kit.core.admin_units import PROVINCES

    provinces = "ARRAY[" + ",".join(f"'{code}'" for code in sorted(PROVINCES)) + "]"
    with _connect(base) as conn:
        conn.execute(f'SET search_path = "{schema}"')
        conn.execute(
            "INSERT INTO hub_commune (code, name, province_code) "
            f"SELECT (90000 + n)::text, 'Xã thử ' || n, ({provinces})[1 + n % 34] "
            f"FROM generate_series(1, {communes}) n"
        )
        conn.execute(
            "INSERT INTO hub_record (table_name, record_id, commune_code, device_id, content_hash, data, "
            "received_at, province_code) "
            "SELECT 'household', md5(i::text)::uuid::text, c.code, md5(c.code)::uuid::text, "
            "md5(i::text) || md5((i + 1)::text), "
            '\'{"id":"\' || md5(i::text)::uuid::text || \'","commune_code":"\' || c.code || '
            '\'","hamlet":"Thôn Giang Cao","address":"Số \' || i % 200 || \' đường làng, xóm \' || '
            'i % 17 || \'","head_name":"Nguyễn Văn Hùng","members":\' || i % 7 || '
            '\',"created_at":"2026-11-20T08:00:00Z","deleted":false}\', now(), c.province_code '
            f"FROM generate_series(1, {records}) i "
            f"JOIN hub_commune c ON c.code = (90001 + i % {communes})::text ORDER BY i"
        )
        conn.execute(
            "INSERT INTO hub_latest "
            "(table_name, record_id, seq, commune_code, device_id, content_hash, anonymized) "
            "SELECT table_name, record_id, seq, commune_code, device_id, content_hash, false FROM hub_record"
        )


def _make_plain(base: str, schema: str) -> None:
    """hub_record back to one table (same columns, the province column kept, the same sequence)."""
    with _connect(base) as conn:
        conn.execute(f'SET search_path = "{schema}"')
        sequence = conn.execute("SELECT pg_get_serial_sequence('hub_record', 'seq')").fetchone()[0]  # type: ignore[index]
        conn.execute("CREATE TABLE hub_record_plain (LIKE hub_record INCLUDING DEFAULTS)")
        conn.execute("ALTER TABLE hub_record_plain ADD PRIMARY KEY (seq)")
        conn.execute(
            "ALTER TABLE hub_record_plain ADD CONSTRAINT uq_plain_version "
            "UNIQUE (table_name, record_id, content_hash)"
        )
        conn.execute(f"ALTER SEQUENCE {sequence} OWNED BY hub_record_plain.seq")
        conn.execute("DROP TABLE hub_record")
        conn.execute("ALTER TABLE hub_record_plain RENAME TO hub_record")


def _prepare(base: str, records: int, communes: int, fresh: bool) -> dict[str, str]:
    urls = {}
    for shape in ("plain", "partitioned"):
        schema = f"vk_bench_parts_{shape}_{records}"
        urls[shape] = _schema_url(base, schema)
        if not fresh and _exists(base, schema):
            continue
        started = time.perf_counter()
        _fresh_schema(base, schema)
        if shape == "plain":
            _make_plain(base, schema)
        _fill(base, schema, records, communes)
        with _connect(base) as conn:
            conn.execute(f'SET search_path = "{schema}"')
            conn.execute("VACUUM ANALYZE hub_record")
            conn.execute("VACUUM ANALYZE hub_latest")
            conn.execute("INSERT INTO hub_meta (key, value) VALUES ('bench_complete', 'yes')")
        print(f"{shape}: {records:,} records made in {time.perf_counter() - started:.0f} s", flush=True)
    return urls


def _pull_pages(url: str, communes: list[str]) -> list[float]:
    from volunteer_kit.hub.db import make_hub_engine
    from volunteer_kit.hub.pull import pull_page
    from volunteer_kit.sync.payload import MAX_PULL_LIMIT

    engine = make_hub_engine(url)
    times = []
    try:
        for _round in range(2):  # the first round warms the cache, as a busy hub's would be
            times.clear()
            for commune in communes:
                after, more = 0, True
                while more:
                    started = time.perf_counter()
                    _items, after, more = pull_page(
                        engine, commune_code=commune, after=after, limit=MAX_PULL_LIMIT
                    )
                    times.append(time.perf_counter() - started)
    finally:
        engine.dispose()
    return times


def _push_batches(url: str, communes: list[str]) -> list[float]:
    from volunteer_kit.hub.db import make_hub_engine
    from volunteer_kit.hub.enrollment import Actor
    from volunteer_kit.hub.push import apply_records
    from volunteer_kit.sync.payload import MAX_PUSH_RECORDS

    engine = make_hub_engine(url)
    times = []
    try:
        for n in range(PUSH_BATCHES):
            commune = communes[n % len(communes)]
            actor = Actor(str(uuid.uuid4()), commune, "volunteer")
            batch = new_records(commune, actor.device_id, MAX_PUSH_RECORDS)  # learners, consents
            started = time.perf_counter()
            results = apply_records(engine, actor, batch)
            times.append(time.perf_counter() - started)
            statuses = {r["status"] for r in results}
            if statuses != {"accepted"}:
                raise SystemExit(f"push refused: {[r for r in results if r['status'] != 'accepted'][:1]}")
    finally:
        engine.dispose()
    return times


def _partitions_read(url: str, commune: str) -> tuple[int, int]:
    """(partitions of hub_record the pull's plan reads, partitions there are)."""
    from sqlalchemy import text

    from volunteer_kit.hub.db import make_hub_engine, province_of
    from volunteer_kit.hub.pull import _PG_PULL_PAGE

    engine = make_hub_engine(url)
    try:
        with engine.connect() as conn:
            names = conn.execute(
                text(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "WHERE i.inhparent = 'hub_record'::regclass"
                )
            ).scalars()
            params = {"commune": commune, "province": province_of(conn, commune), "after": 0, "limit": 2000}
            plan = "\n".join(conn.execute(text(f"EXPLAIN {_PG_PULL_PAGE.text}"), params).scalars())
            partitions = list(names)
    finally:
        engine.dispose()
    return sum(1 for name in partitions if name in plan), len(partitions)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=os.environ.get("VK_TEST_POSTGRES_URL", DEFAULT_URL))
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--communes", type=int, default=340)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    urls = _prepare(args.db, args.records, args.communes, args.fresh)
    sample = [str(90001 + n * (args.communes // SAMPLE_COMMUNES)) for n in range(SAMPLE_COMMUNES)]
    figures: dict[str, dict[str, float]] = {}
    for shape, url in urls.items():
        pulls = _pull_pages(url, sample)
        pushes = _push_batches(url, sample)
        figures[shape] = {
            "pull_median": statistics.median(pulls),
            "pull_p95": _p95(pulls),
            "push_median": statistics.median(pushes),
            "pages": len(pulls),
        }
        print(f"{shape}: {figures[shape]}", flush=True)
    read, total = _partitions_read(urls["partitioned"], sample[0])
    plain, parts = figures["plain"], figures["partitioned"]
    pull_ratio = parts["pull_median"] / plain["pull_median"]
    push_ratio = parts["push_median"] / plain["push_median"]
    report(
        f"hub records partitioned by province ({args.records:,} records, {args.communes} communes)",
        [
            (
                "pull page, partitioned, median",
                parts["pull_median"],
                "s",
                f"<= {TARGET_PULL_S}",
                parts["pull_median"] <= TARGET_PULL_S,
            ),
            (
                "pull page, partitioned, p95",
                parts["pull_p95"],
                "s",
                f"<= {TARGET_PULL_S}",
                parts["pull_p95"] <= TARGET_PULL_S,
            ),
            ("pull page, plain table, median", plain["pull_median"], "s", "(before 0008)", True),
            (
                "pull page, partitioned / plain",
                pull_ratio,
                "x",
                f"<= {TARGET_RATIO}",
                pull_ratio <= TARGET_RATIO,
            ),
            (
                "push 1,000, partitioned, median",
                parts["push_median"],
                "s",
                f"<= {TARGET_PUSH_S}",
                parts["push_median"] <= TARGET_PUSH_S,
            ),
            ("push 1,000, plain table, median", plain["push_median"], "s", "(before 0008)", True),
            (
                "push 1,000, partitioned / plain",
                push_ratio,
                "x",
                f"<= {TARGET_RATIO}",
                push_ratio <= TARGET_RATIO,
            ),
            (f"partitions the pull reads (of {total})", float(read), "", "1", read == 1),
        ],
    )


if __name__ == "__main__":
    main()
