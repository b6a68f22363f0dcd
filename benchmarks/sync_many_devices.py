"""200 simulated devices syncing 500 records each at once against one hub process on PostgreSQL.

Targets: no error, p95 request latency <= 1 s; the hub's sustained records/s is reported.

The hub runs as its own process (`volunteer-kit hub serve --db postgresql+psycopg://...`) in a
fresh PostgreSQL schema. The devices are spread over 20 communes (10 devices each, as in a
province), enrolled by code beforehand. Each device then, all starting together, pushes its 500
new records (learners and their consents, in the client's batches) and pulls its commune's news,
as `volunteer-kit sync` does. The devices run in worker processes (threads within each), so the
load generator is not held back by one Python interpreter.

    python benchmarks/sync_many_devices.py [--devices 200] [--records 500] [--db POSTGRES_URL]
"""

from __future__ import annotations

import argparse
import gzip
import json
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
BATCH = 250  # records per push request (the client's batches are bounded the same way)
TARGET_P95_S = 1.0


def _psycopg_url(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    )


def _schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{_psycopg_url(base)}{sep}options=-csearch_path%3D{schema}"


def _admin(base: str):  # noqa: ANN202
    import psycopg

    return psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


def _start_hub(folder: Path, db_url: str) -> tuple[subprocess.Popen, str]:
    from volunteer_kit.hub.serve import spawn_local_hub

    return spawn_local_hub(folder, db_url=db_url)


def _records(commune: str, device_id: str, count: int) -> list[dict]:
    """`count` new records of one device: learners, each with its consent (as a day of registering)."""
    from volunteer_kit.sync import payload

    now = "2026-11-21 08:00:00.000000"
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


def _device_sync(url: str, device: dict, count: int, start_at: float, latencies: list, errors: list) -> None:
    import requests

    from volunteer_kit.sync import payload

    session = requests.Session()
    session.headers.update(
        {payload.PROTOCOL_HEADER: str(payload.PROTOCOL), "Authorization": f"Bearer {device['token']}"}
    )
    records = _records(device["commune"], device["id"], count)
    time.sleep(max(0.0, start_at - time.time()))
    try:
        for first in range(0, len(records), BATCH):
            body = gzip.compress(
                json.dumps({"device_id": device["id"], "records": records[first : first + BATCH]}).encode(), 1
            )
            started = time.perf_counter()
            answer = session.post(
                f"{url}/api/v1/push",
                data=body,
                headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
                timeout=120,
            )
            latencies.append(time.perf_counter() - started)
            if answer.status_code != 200 or any(r["status"] != "accepted" for r in answer.json()["results"]):
                errors.append(f"push {answer.status_code}: {answer.text[:200]}")
        after, more = 0, True
        while more:
            started = time.perf_counter()
            answer = session.get(f"{url}/api/v1/pull", params={"after": after, "limit": 2000}, timeout=120)
            latencies.append(time.perf_counter() - started)
            if answer.status_code != 200:
                errors.append(f"pull {answer.status_code}: {answer.text[:200]}")
                return
            page = answer.json()
            after, more = page["next"], page["more"]
    except Exception as exc:  # noqa: BLE001 - counted as an error of the run
        errors.append(repr(exc))


def _worker(url: str, devices: list[dict], count: int, start_at: float, out: multiprocessing.Queue) -> None:
    latencies: list[float] = []
    errors: list[str] = []
    threads = [
        threading.Thread(target=_device_sync, args=(url, d, count, start_at, latencies, errors))
        for d in devices
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((latencies, errors))


def main() -> None:

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.hub import crud
    from volunteer_kit.hub.db import hub_id, open_hub_engine
    from volunteer_kit.sync.bundle_format import public_key_b64

    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--processes", type=int, default=4)
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
            crud.ensure_commune(engine, code, f"Xã thử {code}", "01")
        process, url = _start_hub(folder, db_url)
        devices = []
        for n in range(args.devices):
            commune = COMMUNES[n % len(COMMUNES)]
            code = crud.make_enroll_code(engine, commune_code=commune, role="volunteer")["code"]
            device_id = str(uuid.uuid4())
            # Enrolled in the hub's database directly: the HTTP enrollment is rate-limited per address
            # (10 a minute), and these 200 devices all come from 127.0.0.1.
            answer = crud.enroll_device(
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
        latencies, errors = [], []
        for _ in workers:
            got_latencies, got_errors = queue.get()
            latencies += got_latencies
            errors += got_errors
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
    p95 = statistics.quantiles(latencies, n=20)[18] if len(latencies) >= 20 else max(latencies)
    print(f"{args.devices} devices x {args.records} records, {len(latencies)} requests, {len(errors)} errors")
    for error in errors[:5]:
        print("  error:", error)
    report(
        "many devices against one hub (PostgreSQL)",
        [
            ("errors", len(errors), "", "0", not errors),
            ("request latency p50 (s)", statistics.median(latencies), "s", "(for information)", True),
            ("request latency p95 (s)", p95, "s", f"<= {TARGET_P95_S:g}", p95 <= TARGET_P95_S),
            ("sustained records/s", total / wall, "/s", "(reported)", True),
            ("wall time (s)", wall, "s", "(for information)", True),
        ],
    )


if __name__ == "__main__":
    main()
