"""200 simulated devices syncing 500 records each at once against one hub process on PostgreSQL.

Targets: no error, p95 request latency <= 1 s; the hub's sustained records/s is reported.

The hub runs as its own process (`volunteer-kit hub serve --db postgresql+psycopg://...`) in a
fresh PostgreSQL schema. The devices are spread over 20 communes (10 devices each, as in a
province), enrolled by code beforehand. Each device then, all starting together, pushes its 500
new records (learners and their consents, in the client's batches) and pulls its commune's news,
as `volunteer-kit sync` does, through the client's own HTTP layer (sync.transport.HubConnection:
gzip, timeouts, retries). The devices run in worker processes (threads within each), so the load
generator is not held back by one Python interpreter.

The hub works on a few requests at a time (hub.gate) and answers the rest "busy, come back in N s"
(503 + Retry-After), which the client honours. Every HTTP exchange is timed. The latency target is
checked on the requests the hub served (HTTP 200); the busy answers are counted and reported
apart, and so is how long each device's whole sync took, which is what a volunteer waits for.

    python benchmarks/sync_many_devices.py [--devices 200] [--records 500] [--db POSTGRES_URL]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from _common import ROOT, report

sys.path.insert(0, str(ROOT))

DEFAULT_DB = os.environ.get("VK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
COMMUNES = [f"{n:05d}" for n in range(90001, 90021)]
TARGET_P95_S = 1.0


def _psycopg_url(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    )


def _schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{_psycopg_url(base)}{sep}options=-csearch_path%3D{schema}"


def _admin(base: str):
    import psycopg

    return psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


def _start_hub(folder: Path, db_url: str, options: tuple[str, ...] = ()) -> tuple[subprocess.Popen, str]:
    from volunteer_kit.hub.serve import spawn_local_hub

    return spawn_local_hub(folder, db_url=db_url, options=options)


def _records(commune: str, device_id: str, count: int) -> list[dict]:
    """`count` new records of one device: learners, each with its consent (as a day of registering)."""
    from volunteer_kit.sync import payload

    now = "2026-11-21T08:00:00.000000Z"  # as the client sends it (payload.row_to_data)
    out = []
    for n in range(count // 2):
        learner_id = str(uuid.uuid4())
        learner = {
            "id": learner_id,
            "commune_code": commune,
            "created_by_device": device_id,
            "created_at": now,
            "deleted": False,
            "updated_at": now,
            "revision": 1,
            "household_id": None,
            "full_name": f"Nguyễn Thị Hằng {n}",
            "name_folded": f"nguyen thi hang {n}",
            "name_sort": f"hang nguyen thi hang {n}",
            "search_text": f"nguyen thi hang {n}||",
            "birth_year": 1950 + n % 50,
            "gender": "female",
            "phone": None,
            "hamlet": "Thôn Kim Lan",
            "groups": ",elderly,",
            "anonymized": False,
            "merged_into_id": None,
        }
        consent = {
            "id": str(uuid.uuid4()),
            "commune_code": commune,
            "created_by_device": device_id,
            "created_at": now,
            "deleted": False,
            "learner_id": learner_id,
            "action": "given",
            "text_version": "2025.1",
            "given_by": "self",
            "representative_name": "",
            "recorded_by": None,
            "recorded_at": now,
        }
        out.append(payload.make_record("learner", learner))
        out.append(payload.make_record("consent", consent))
    return out


def _device_sync(url: str, device: dict, count: int, start_at: float, out: dict) -> None:
    from volunteer_kit.sync import payload
    from volunteer_kit.sync.transport import HubConnection

    hub = HubConnection(url, token=device["token"], timeout=(10.0, 120.0))
    send = hub.session.request

    def timed(*args, **kwargs):
        started = time.perf_counter()
        answer = send(*args, **kwargs)
        answer.content  # noqa: B018 - the whole reply is part of the exchange
        out["exchanges"].append((answer.status_code, time.perf_counter() - started))
        return answer

    hub.session.request = timed
    records = _records(device["commune"], device["id"], count)
    time.sleep(max(0.0, start_at - time.time()))
    started = time.perf_counter()
    try:
        for first in range(0, len(records), payload.CLIENT_BATCH_RECORDS):
            batch = records[first : first + payload.CLIENT_BATCH_RECORDS]
            answer = hub.post_json("/push", {"device_id": device["id"], "records": batch})
            refused = [r for r in answer["results"] if r["status"] != "accepted"]
            if refused:
                out["errors"].append(f"push: {len(refused)} refused, first: {refused[0]}")
        after, more = 0, True
        while more:
            page = hub.get("/pull", params={"after": after, "limit": payload.MAX_PULL_LIMIT})
            after, more = page["next"], page["more"]
        out["syncs"].append(time.perf_counter() - started)
    except Exception as exc:  # counted as an error of the run
        out["errors"].append(repr(exc))
    finally:
        hub.close()


def _worker(url: str, devices: list[dict], count: int, start_at: float, queue: multiprocessing.Queue) -> None:
    out: dict[str, list] = {"exchanges": [], "errors": [], "syncs": []}
    threads = [threading.Thread(target=_device_sync, args=(url, d, count, start_at, out)) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(out)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values, default=0.0)


def main() -> None:

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.hub import enrollment
    from volunteer_kit.hub.db import hub_id, open_hub_engine
    from volunteer_kit.sync.bundle_format import public_key_b64

    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--at-once", type=int, default=None, help="the hub's `hub serve --at-once`")
    args = parser.parse_args()

    schema = f"vk_bench_{uuid.uuid4().hex[:10]}"
    with _admin(args.db) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    db_url = _schema_url(args.db, schema)
    folder = Path(tempfile.mkdtemp(prefix="vk-bench-hub-"))
    process = None
    try:
        engine = open_hub_engine(db_url)
        for code in COMMUNES:
            enrollment.ensure_commune(engine, code, f"Xã thử {code}", "01")
        process, url = _start_hub(folder, db_url, ("--at-once", str(args.at_once)) if args.at_once else ())
        devices = []
        for n in range(args.devices):
            commune = COMMUNES[n % len(COMMUNES)]
            code = enrollment.make_enroll_code(engine, commune_code=commune, role="volunteer")["code"]
            device_id = str(uuid.uuid4())
            # Enrolled in the hub's database directly: the load is syncing, not enrolling.
            answer = enrollment.enroll_device(
                engine,
                code=code,
                device_id=device_id,
                label=f"bench {n}",
                public_key=public_key_b64(Ed25519PrivateKey.generate()),
                hub_id=hub_id(engine),
            )
            devices.append({"id": device_id, "token": answer["token"], "commune": commune})
        engine.dispose()
        start_at = time.time() + 3.0
        queue: multiprocessing.Queue = multiprocessing.Queue()
        shares = [devices[i :: args.processes] for i in range(args.processes)]
        workers = [
            multiprocessing.Process(target=_worker, args=(url, share, args.records, start_at, queue))
            for share in shares
        ]
        for worker in workers:
            worker.start()
        got: dict[str, list] = {"exchanges": [], "errors": [], "syncs": []}
        for _ in workers:
            for key, values in queue.get().items():
                got[key] += values
        for worker in workers:
            worker.join()
        wall = time.time() - start_at
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        with _admin(args.db) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    total = args.devices * args.records
    errors = got["errors"]
    served = [seconds for status, seconds in got["exchanges"] if status == 200]
    busy = [seconds for status, seconds in got["exchanges"] if status == 503]
    other = len(got["exchanges"]) - len(served) - len(busy)
    every = [seconds for _status, seconds in got["exchanges"]]
    print(
        f"{args.devices} devices x {args.records} records: {len(got['exchanges'])} HTTP exchanges, "
        f"{len(served)} served, {len(busy)} answered busy (503, Retry-After), {other} other; "
        f"{len(errors)} errors"
    )
    for error in errors[:5]:
        print("  error:", error)
    p95 = _p95(served)
    report(
        "many devices against one hub (PostgreSQL)",
        [
            ("errors", len(errors) + other, "", "0", not errors and not other),
            ("served request latency p50 (s)", statistics.median(served), "s", "(for information)", True),
            ("served request latency p95 (s)", p95, "s", f"<= {TARGET_P95_S:g}", p95 <= TARGET_P95_S),
            ("busy answers (503, came back later)", len(busy), "", "(reported)", True),
            ("every exchange, busy ones too, p95 (s)", _p95(every), "s", "(for information)", True),
            ("one device's whole sync p50 (s)", statistics.median(got["syncs"]), "s", "(reported)", True),
            ("one device's whole sync p95 (s)", _p95(got["syncs"]), "s", "(reported)", True),
            ("sustained records/s", total / wall, "/s", "(reported)", True),
            ("wall time (s)", wall, "s", "(for information)", True),
        ],
    )


if __name__ == "__main__":
    main()
