"""A province on one PostgreSQL: N hub processes, 50 communes x 20 laptops, a field day and its evening.

What it answers (docs/scaling.md turns it into a capacity model): how many records a second a hub
process sustains, what a request costs in CPU (the hub's and PostgreSQL's), how long each kind of
request takes at p95 while a province works, how many bytes a record takes in PostgreSQL with its
indexes, and how much WAL it writes.

The hubs are real `volunteer-kit hub serve` processes on 127.0.0.1 in a fresh PostgreSQL schema
(dropped at the end), either N separate processes with the laptops spread over them as a load
balancer would (`--processes N`), or one `hub serve --workers N` (`--workers N`). A real lesson
pack (lessons/tu-bao-ve, built with `packs build`, published with `hub publish-pack --all`) is
downloaded by every laptop. Laptops are enrolled in the hub's database beforehand (the load is
syncing; enrolling is one request per laptop in its life). They talk through the client's own
HTTP layer (sync.transport.HubConnection: gzip, timeouts, retries, 503 + Retry-After honoured),
in worker processes with a thread per laptop, so the load is not held back by one interpreter.

Records are the app's own: the demo generator (store.demo) makes a commune's records once, and each
laptop's records are copies of them with new ids, its commune, its device and its references, so
sizes and contents are those of the field (names, quiz answers, skill checks).

One laptop's field day (the day model, from the demo's proportions): 2-3 teaching sessions of
6-10 learners; about a third of the learners are new (learner + consent, a household for one in
three); per session one attendance mark per learner, a quiz attempt for 30 % of them and a skill
check for 55 %; the session is closed at the next sync (a second version); one learner profile
of the commune is corrected per day. That is ~23 records per session, ~60 a day, plus the
laptop's own volunteer profile once.

Three phases, each measured apart:
- probe (`--probe-seconds`, default 15): every laptop only asks GET /health every `--probe-every`
  s, as an online laptop does between syncs (the app: once a minute), to price that request.
- day (`--minutes`): each laptop syncs after a random think time (exponential, mean `--think` s,
  seeded): push what it made since, pull the commune's news, read the pack feed, download the
  pack the first time. Its 2-3 sessions' records appear at random rounds. Time is compressed:
  the phase carries a whole day's records, so it is a heavy day, not a typical hour.
- evening peak: every laptop comes online within `--peak-window` s and pushes a second full
  day's records in one sync (the evening after a campaign day), pulls and reads the feed.

Reported per phase: records pushed and pulled per second, p50/p95 per request type (push, pull,
packs feed, pack file, health) on the answers served (HTTP 200), busy answers (503, honoured as
asked) counted apart, errors (must be 0), CPU seconds of the hub processes (psutil, their workers
included) per request and per record, of the PostgreSQL backends serving them (matched by the
hubs' connections: a connection opened and closed between two samples is missed) and of the whole
PostgreSQL server (ended backends included, other users of the server too), WAL bytes per record,
sessions opened, the machine's busy CPU and load average (on a shared machine, read the figures
with them); at the end the size of the schema's tables with their indexes, and the cost of the
province dashboard's analytics (`hub analytics rebuild --force` over what the run stored; its
Rebuilder is off in the hubs during the run unless --with-rebuilder). docs/scaling.md reads these.

    python benchmarks/province.py --processes 1 [--minutes 2] [--communes 50] [--laptops 20]
    python benchmarks/province.py --processes 2
    python benchmarks/province.py --workers 2      # needs `hub serve --workers`
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import psutil
from _common import ROOT

sys.path.insert(0, str(ROOT))

DEFAULT_DB = os.environ.get("VK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
PACK_SOURCE = ROOT / "lessons" / "tu-bao-ve"
PROVINCE = "01"

# The day model (see the module docstring); docs/scaling.md uses the same figures.
SESSIONS_PER_DAY = (2, 3)
LEARNERS_PER_SESSION = (6, 10)
NEW_LEARNER_SHARE = 0.35
NEW_HOUSEHOLD_SHARE = 0.35  # of new learners: the demo has 2.7 learners per household
QUIZ_SHARE = 0.30
SKILL_CHECK_SHARE = 0.55
PROFILE_EDITS_PER_DAY = 1

PHASES = ("probe", "day", "peak")


# ---------------------------------------------------------------- records like the field's


def demo_templates() -> dict[str, list[dict[str, Any]]]:
    """The data of every synced record of a 1,000-learner demo commune, by table."""
    from volunteer_kit.store.demo import load_demo
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.sync import outgoing

    folder = Path(tempfile.mkdtemp(prefix="vk-province-demo-"))
    try:
        engine = open_store(folder / "demo.sqlite3")
        ensure_device(engine)
        load_demo(engine, learners=1000, seed=19, anchor=date(2026, 11, 20), lessons_dir=ROOT / "lessons")
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in outgoing.iter_outgoing(engine, skip={}):
            record = json.loads(item.body)
            found[record["table"]].append(record["data"])
        engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return dict(found)


class Laptop:
    """One volunteer's laptop: its enrollment, what it made and has not pushed, its cursors."""

    def __init__(self, info: dict[str, Any], templates: dict[str, list[dict[str, Any]]]) -> None:
        self.id: str = info["id"]
        self.token: str = info["token"]
        self.commune: str = info["commune"]
        self.url: str = info["url"]
        self.rng = random.Random(info["seed"])
        self.templates = templates
        self.volunteer_id = str(uuid.uuid4())
        self.pending: list[dict[str, Any]] = [self.record("volunteer", {"id": self.volunteer_id})]
        self.open_sessions: list[tuple[dict[str, Any], int]] = []  # (data, seq): closed at the next sync
        self.learners: list[str] = []  # ids of the commune's learners this laptop knows
        self.a_learner: tuple[dict[str, Any], int] | None = None  # one pulled learner, to correct
        self.cursor = 0
        self.feed = 0
        self.packs_got: set[str] = set()

    def now(self) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())

    def record(self, table: str, values: dict[str, Any], base_seq: int | None = None) -> dict[str, Any]:
        from volunteer_kit.sync import payload

        data = copy.deepcopy(self.rng.choice(self.templates[table]))
        now = self.now()
        data.update(id=str(uuid.uuid4()), commune_code=self.commune, created_by_device=self.id)
        for column in ("created_at", "updated_at", "recorded_at"):
            if column in data:
                data[column] = now
        if "revision" in data:
            data["revision"] = 1
        for column in ("recorded_by", "observed_by"):
            if column in data:
                data[column] = self.volunteer_id
        if "volunteer_ids" in data:
            data["volunteer_ids"] = self.volunteer_id
        if "supersedes_id" in data:
            data["supersedes_id"] = None
        data.update(values)
        return payload.make_record(table, data, base_seq)

    def edit(self, table: str, data: dict[str, Any], seq: int, changes: dict[str, Any]) -> dict[str, Any]:
        from volunteer_kit.sync import payload

        data = dict(data, **changes)
        data["revision"] = int(data.get("revision") or 1) + 1
        data["updated_at"] = self.now()
        return payload.make_record(table, data, seq)

    def teach_session(self) -> None:
        """One session's records: new learners with consent (and sometimes a household), the
        session, attendance, quiz attempts and skill checks."""
        rng = self.rng
        count = rng.randint(*LEARNERS_PER_SESSION)
        session = self.record("teaching_session", {"attendance_closed": False})
        self.pending.append(session)
        people = []
        for _ in range(count):
            if self.learners and rng.random() > NEW_LEARNER_SHARE:
                people.append(rng.choice(self.learners))
                continue
            household = None
            if rng.random() < NEW_HOUSEHOLD_SHARE:
                home = self.record("household", {})
                self.pending.append(home)
                household = home["id"]
            learner = self.record("learner", {"household_id": household, "merged_into_id": None})
            self.pending.append(learner)
            self.pending.append(self.record("consent", {"learner_id": learner["id"]}))
            self.learners.append(learner["id"])
            people.append(learner["id"])
        for person in people:
            links = {"learner_id": person, "session_id": session["id"]}
            self.pending.append(self.record("attendance", links))
            if rng.random() < QUIZ_SHARE:
                self.pending.append(self.record("quiz_attempt", links))
            if rng.random() < SKILL_CHECK_SHARE:
                self.pending.append(self.record("skill_check", links))

    def field_day(self) -> int:
        """A whole day's records (the evening peak): its sessions and a profile correction."""
        sessions = self.rng.randint(*SESSIONS_PER_DAY)
        for _ in range(sessions):
            self.teach_session()
        self.correct_a_profile()
        return sessions

    def correct_a_profile(self) -> None:
        if self.a_learner is not None:
            data, seq = self.a_learner
            phone = f"09{self.rng.randint(10_000_000, 99_999_999)}"
            self.pending.append(self.edit("learner", data, seq, {"phone": phone}))
            self.a_learner = None

    def close_sessions(self) -> None:
        for data, seq in self.open_sessions:
            self.pending.append(self.edit("teaching_session", data, seq, {"attendance_closed": True}))
        self.open_sessions = []


# ---------------------------------------------------------------- one laptop's syncs


def _kind(url: str) -> str:
    for marker, kind in (
        ("/health", "health"),
        ("/push", "push"),
        ("/pull", "pull"),
        ("/packs/file/", "pack_file"),
    ):
        if marker in url:
            return kind
    return "packs" if url.split("?")[0].endswith("/packs") else "other"


def _sync(hub: Any, laptop: Laptop, out: dict[str, Any]) -> None:
    """What `volunteer-kit sync` does: push the pending records in the client's batches, pull the
    commune's news page by page, read the pack feed and download a new pack."""
    from volunteer_kit.sync import payload

    sending, laptop.pending = laptop.pending, []
    for first in range(0, len(sending), payload.CLIENT_BATCH_RECORDS):
        batch = sending[first : first + payload.CLIENT_BATCH_RECORDS]
        answer = hub.post_json("/push", {"device_id": laptop.id, "records": batch})
        for record, result in zip(batch, answer["results"], strict=True):
            if result["status"] != "accepted":
                out["errors"].append(f"push refused {record['table']}: {result.get('reason')}")
            elif record["table"] == "teaching_session" and not record["data"]["attendance_closed"]:
                laptop.open_sessions.append((record["data"], result["seq"]))
        out["pushed"] += len(batch)
    more = True
    while more:
        page = hub.get("/pull", params={"after": laptop.cursor, "limit": payload.MAX_PULL_LIMIT})
        laptop.cursor, more = page["next"], page["more"]
        out["pulled"] += len(page["records"])
        for item in page["records"]:
            if item["table"] == "learner" and item["data"]["created_by_device"] != laptop.id:
                laptop.a_learner = (item["data"], item["seq"])
                if len(laptop.learners) < 400:
                    laptop.learners.append(item["id"])
    feed = hub.get("/packs", params={"after": laptop.feed})
    laptop.feed = feed["next"]
    for pack in feed["packs"]:
        if pack["sha256"] in laptop.packs_got:
            continue
        got = hub.session.get(f"{hub.base_url}/api/v1/packs/file/{pack['sha256']}", timeout=hub.timeout)
        if got.status_code != 200 or hashlib.sha256(got.content).hexdigest() != pack["sha256"]:
            out["errors"].append(f"pack file: HTTP {got.status_code}, {len(got.content)} bytes")
        else:
            laptop.packs_got.add(pack["sha256"])


def _laptop_life(info: dict[str, Any], plan: dict[str, float], templates: Any, out: dict[str, Any]) -> None:
    from volunteer_kit.sync.transport import HubConnection

    laptop = Laptop(info, templates)
    hub = HubConnection(laptop.url, token=laptop.token, timeout=(10.0, 120.0))
    send = hub.session.request
    phase = ["day"]

    def timed(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        answer = send(method, url, *args, **kwargs)
        answer.content  # noqa: B018 - the whole reply is part of the exchange
        ended = time.perf_counter()
        out["exchanges"].append((phase[0], _kind(url), answer.status_code, ended - started, time.time()))
        return answer

    hub.session.request = timed  # type: ignore[method-assign]
    rng = laptop.rng
    try:
        # Online laptops ask /health every so often (the app: once a minute) before they sync.
        phase[0] = "probe"
        at = plan["probe_start"] + rng.uniform(0, plan["probe_every"])
        while at < plan["day_start"] - 1.0:
            time.sleep(max(0.0, at - time.time()))
            answer = hub.session.get(f"{hub.base_url}/api/v1/health", timeout=hub.timeout)
            if answer.status_code != 200:
                out["probe"]["errors"].append(f"health: HTTP {answer.status_code}")
            at += plan["probe_every"]
        phase[0] = "day"
        # The day: sessions happen at random rounds; every round syncs what there is.
        sessions = rng.randint(*SESSIONS_PER_DAY)
        at = plan["day_start"] + rng.uniform(0, plan["think"])
        rounds: list[float] = []
        while at < plan["day_end"]:
            rounds.append(at)
            at += rng.expovariate(1 / plan["think"])
        teach_at = set(rng.sample(range(len(rounds)), min(sessions, len(rounds))))
        for n, when in enumerate(rounds):
            time.sleep(max(0.0, when - time.time()))
            laptop.close_sessions()
            if n in teach_at:
                laptop.teach_session()
            if n == len(rounds) - 1:
                laptop.correct_a_profile()
            started = time.perf_counter()
            _sync(hub, laptop, out["day"])
            out["day"]["rounds"].append(time.perf_counter() - started)
        # The evening after a campaign day: a whole day's records, everyone within the window.
        laptop.close_sessions()
        laptop.field_day()
        time.sleep(max(0.0, plan["peak_start"] + rng.uniform(0, plan["window"]) - time.time()))
        phase[0] = "peak"
        started = time.perf_counter()
        _sync(hub, laptop, out["peak"])
        out["peak"]["rounds"].append(time.perf_counter() - started)
    except Exception as exc:  # counted as an error of the run
        out[phase[0]]["errors"].append(repr(exc))
    finally:
        hub.close()


def _phase_out() -> dict[str, Any]:
    return {"errors": [], "rounds": [], "pushed": 0, "pulled": 0}


def _worker(laptops: list[dict], plan: dict[str, float], queue: multiprocessing.Queue) -> None:
    templates = demo_templates()
    out: dict[str, Any] = {"exchanges": [], **{phase: _phase_out() for phase in PHASES}}
    lock = threading.Lock()
    results = []

    def life(info: dict[str, Any]) -> None:
        mine: dict[str, Any] = {"exchanges": [], **{phase: _phase_out() for phase in PHASES}}
        _laptop_life(info, plan, templates, mine)
        with lock:
            results.append(mine)

    threads = [threading.Thread(target=life, args=(info,), daemon=True) for info in laptops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for mine in results:
        out["exchanges"] += mine["exchanges"]
        for phase in PHASES:
            for key in ("errors", "rounds"):
                out[phase][key] += mine[phase][key]
            for key in ("pushed", "pulled"):
                out[phase][key] += mine[phase][key]
    out["cpu"] = sum(psutil.Process().cpu_times()[:2])
    queue.put(out)


# ---------------------------------------------------------------- the hubs and their database


def _psycopg_url(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    )


def _schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{_psycopg_url(base)}{sep}options=-csearch_path%3D{schema}"


def _admin(base: str) -> Any:
    import psycopg

    return psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


def _cli(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("VOLUNTEER_KIT_HOME", "VOLUNTEER_KIT_HUB_DB")}
    done = subprocess.run(
        [sys.executable, "-m", "volunteer_kit", "--lang", "en", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"volunteer-kit {' '.join(args)} failed: {done.stderr.strip() or done.stdout}")
    return done.stdout


def _analytics_rebuild(db_url: str, data_dir: Path) -> dict[str, Any] | None:
    """`hub analytics rebuild --force` over everything the run stored (the province dashboard's
    figures): its wall time and CPU, priced apart from the syncs. None on a hub without it."""
    import resource

    if "analytics" not in _cli("hub", "--help"):
        return None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    _cli("hub", "analytics", "rebuild", "--force", "--json", "--db", db_url, "--data-dir", str(data_dir))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1)}


def _has_workers_option() -> bool:
    return "--workers" in _cli("hub", "serve", "--help")


def _hub_cpu(processes: list[Any]) -> float:
    """CPU seconds (user + system) of the hub processes and their workers so far."""
    total = 0.0
    for process in processes:
        try:
            family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
        for member in family:
            try:
                total += sum(member.cpu_times()[:2])
            except psutil.NoSuchProcess:
                pass
    return total


def _hub_ports(processes: list[Any]) -> set[int]:
    """The local ports of the hubs' connections to PostgreSQL (their pools)."""
    ports = set()
    for process in processes:
        try:
            family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
        for member in family:
            try:
                for conn in member.net_connections(kind="tcp"):
                    if conn.raddr and conn.raddr.port == 5432:
                        ports.add(conn.laddr.port)
            except psutil.NoSuchProcess:
                pass
    return ports


def _postgres_cpu() -> float:
    """CPU seconds of the whole PostgreSQL server so far: the postmaster, its live processes, and
    the backends that ended (their time is added to the postmaster's children's once reaped)."""
    total = 0.0
    for process in psutil.process_iter(["name", "ppid", "cpu_times"]):
        times = process.info["cpu_times"]
        if process.info["name"] not in ("postgres", "postmaster") or not times:
            continue
        total += times.user + times.system
        try:
            if psutil.Process(process.info["ppid"]).name() not in ("postgres", "postmaster"):
                total += times.children_user + times.children_system  # the postmaster
        except psutil.NoSuchProcess:
            pass
    return total


class DatabaseMeter:
    """CPU of the PostgreSQL backends serving the hubs, all PostgreSQL processes' CPU, WAL, and
    the sessions opened. A backend's CPU is read while it lives: the CPU of a connection a hub
    opened and closed between two samples shows only in the server's figure, which counts ended
    backends (through the postmaster's reaped children) and other users of the server too."""

    def __init__(self, base: str, processes: list[Any]) -> None:
        self.base = base
        self.processes = processes
        self.seen: dict[int, float] = {}  # backend pid -> CPU seconds at the last sample
        self.backend_cpu = 0.0  # CPU seconds of the hubs' backends since the first sample

    def sample(self) -> dict[str, float]:
        ports = _hub_ports(self.processes)
        with _admin(self.base) as conn:
            rows = conn.execute("SELECT pid, client_port FROM pg_stat_activity WHERE client_port IS NOT NULL")
            backends = [pid for pid, port in rows if port in ports]
            wal = conn.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn").fetchone()[0]
            sessions = conn.execute(
                "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
            ).fetchone()[0]
        for pid in backends:
            try:
                now = sum(psutil.Process(pid).cpu_times()[:2])
            except psutil.NoSuchProcess:
                continue
            self.backend_cpu += now - self.seen.get(pid, 0.0)
            self.seen[pid] = now
        return {
            "backends": self.backend_cpu,
            "server": _postgres_cpu(),
            "wal": float(wal),
            "sessions": float(sessions),
            "connections": float(len(backends)),
        }


def _table_sizes(base: str, schema: str) -> tuple[dict[str, int], dict[str, int]]:
    with _admin(base) as conn:
        rows = conn.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind IN ('r', 'p')",
            (schema,),
        ).fetchall()
        counts = {}
        for name, _size in rows:
            counts[name] = conn.execute(f'SELECT count(*) FROM "{schema}"."{name}"').fetchone()[0]
    return {name: int(size) for name, size in rows}, counts


def _enroll(engine: Any, communes: list[str], laptops: int, urls: list[str], seed: int) -> list[dict]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.hub import enrollment
    from volunteer_kit.hub.db import hub_id
    from volunteer_kit.sync.bundle_format import public_key_b64

    the_hub = hub_id(engine)
    found = []
    for c, commune in enumerate(communes):
        enrollment.ensure_commune(engine, commune, f"Xã thử {commune}", PROVINCE)
        for n in range(laptops):
            code = enrollment.make_enroll_code(engine, commune_code=commune, role="volunteer")["code"]
            device_id = str(uuid.uuid4())
            answer = enrollment.enroll_device(
                engine,
                code=code,
                device_id=device_id,
                label=f"province {commune} {n}",
                public_key=public_key_b64(Ed25519PrivateKey.generate()),
                hub_id=the_hub,
            )
            index = c * laptops + n
            # Spread over the hub processes as a round-robin load balancer would (by laptop).
            found.append(
                {
                    "id": device_id,
                    "token": answer["token"],
                    "commune": commune,
                    "url": urls[index % len(urls)],
                    "seed": seed * 1_000_003 + index,
                }
            )
    return found


def _p(values: list[float], q: int) -> float:
    if not values:
        return 0.0
    if len(values) < 20:
        return max(values) if q >= 50 else min(values)
    return statistics.quantiles(values, n=100)[q - 1]


def _phase_figures(name: str, got: dict[str, Any], before: dict, after: dict, wall: float) -> dict[str, Any]:
    exchanges = [e for e in got["exchanges"] if e[0] == name]
    by_kind: dict[str, list[float]] = defaultdict(list)
    statuses: Counter = Counter()
    for _phase, kind, status, seconds, _end in exchanges:
        statuses[(kind, status)] += 1
        if status == 200:
            by_kind[kind].append(seconds)
    served = sum(len(v) for v in by_kind.values())
    busy = sum(n for (_k, s), n in statuses.items() if s == 503)
    other = sum(n for (_k, s), n in statuses.items() if s not in (200, 503))
    pushed, pulled = got[name]["pushed"], got[name]["pulled"]
    hub_cpu = after["hub_cpu"] - before["hub_cpu"]
    db_cpu = after["db"]["backends"] - before["db"]["backends"]
    wal = after["db"]["wal"] - before["db"]["wal"]
    pg_server = after["db"]["server"] - before["db"]["server"]
    return {
        "wall_s": round(wall, 2),
        "records_pushed": pushed,
        "records_pulled": pulled,
        "pushed_per_s": round(pushed / wall, 1),
        "pulled_per_s": round(pulled / wall, 1),
        "requests_served": served,
        "requests_per_s": round(served / wall, 1),
        "busy_503": busy,
        "errors": len(got[name]["errors"]) + other,
        "latency_s": {
            kind: {
                "n": len(v),
                "p50": round(statistics.median(v), 4),
                "p95": round(_p(v, 95), 4),
                "max": round(max(v), 4),
            }
            for kind, v in sorted(by_kind.items())
        },
        "sync_round_s": {
            "p50": round(_p(got[name]["rounds"], 50), 3),
            "p95": round(_p(got[name]["rounds"], 95), 3),
        },
        "hub_cpu_s": round(hub_cpu, 2),
        "hub_cpu_share_of_wall": round(hub_cpu / wall, 3),
        "db_backend_cpu_s": round(db_cpu, 2),
        "pg_server_cpu_s": round(pg_server, 2),
        "hub_cpu_ms_per_request": round(1000 * hub_cpu / max(served, 1), 3),
        "db_cpu_ms_per_request": round(1000 * db_cpu / max(served, 1), 3),
        "hub_cpu_ms_per_pushed_record": round(1000 * hub_cpu / max(pushed, 1), 3),
        "db_cpu_ms_per_pushed_record": round(1000 * db_cpu / max(pushed, 1), 3),
        "wal_bytes": int(wal),
        "wal_bytes_per_pushed_record": round(wal / max(pushed, 1), 1),
        "db_connections_of_hubs": int(after["db"]["connections"]),
        "db_sessions_opened": int(after["db"]["sessions"] - before["db"]["sessions"]),
        "pg_server_cpu_ms_per_pushed_record": round(1000 * pg_server / max(pushed, 1), 3),
        "load_generator_cpu_s": None,
        "machine_busy_cpu_s": round(after["machine_busy"] - before["machine_busy"], 1),
        "load_average_1m": [round(before["load"], 1), round(after["load"], 1)],
    }


def _sample(processes: list[Any], meter: DatabaseMeter) -> dict[str, Any]:
    """CPU so far: the hubs', their backends', the machine's (busy, every process: other work on a
    shared machine shows here), and the load average."""
    machine = psutil.cpu_times()
    busy = machine.user + machine.nice + machine.system + machine.irq + machine.softirq
    return {
        "hub_cpu": _hub_cpu(processes),
        "db": meter.sample(),
        "machine_busy": busy,
        "load": os.getloadavg()[0],
        "at": time.time(),
    }


def main() -> None:  # noqa: C901 - one run, told in order
    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.hub.serve import spawn_local_hub

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--processes", type=int, help="N separate `hub serve` processes, laptops spread over them"
    )
    how.add_argument("--workers", type=int, help="one `hub serve --workers N`")
    parser.add_argument("--communes", type=int, default=50)
    parser.add_argument("--laptops", type=int, default=20, help="laptops per commune")
    parser.add_argument("--minutes", type=float, default=2.0, help="length of the day phase")
    parser.add_argument("--think", type=float, default=30.0, help="mean seconds between a laptop's syncs")
    parser.add_argument(
        "--peak-window", type=float, default=20.0, help="seconds the evening arrivals spread over"
    )
    parser.add_argument(
        "--probe-seconds", type=float, default=15.0, help="a first phase of /health probes only (0: none)"
    )
    # Not near uvicorn's 5 s keep-alive: a probe sent as the hub closes the idle connection is reset.
    parser.add_argument("--probe-every", type=float, default=8.0, help="seconds between a laptop's probes")
    parser.add_argument("--at-once", type=int, default=None, help="the hubs' `hub serve --at-once`")
    parser.add_argument("--pool-size", type=int, default=None, help="the hubs' `hub serve --pool-size`")
    parser.add_argument("--load-processes", type=int, default=4, help="worker processes driving the laptops")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument(
        "--shared-data",
        action="store_true",
        help="one data folder for every hub process (for hubs that keep pack files on disk)",
    )
    parser.add_argument(
        "--with-rebuilder",
        action="store_true",
        help="leave the hubs' analytics Rebuilder on during the run (default: off, priced after)",
    )
    parser.add_argument("--db", default=DEFAULT_DB)
    args = parser.parse_args()
    mode, count = ("workers", args.workers) if args.workers else ("processes", args.processes or 1)
    if mode == "workers" and not _has_workers_option():
        raise SystemExit("this hub has no `hub serve --workers` yet; use --processes N")
    if not args.with_rebuilder:
        # The dashboard's analytics rebuild is priced apart, after the run (see _analytics_rebuild).
        os.environ["VOLUNTEER_KIT_HUB_NO_REBUILDER"] = "1"

    schema = f"vk_province_{uuid.uuid4().hex[:10]}"
    with _admin(args.db) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    db_url = _schema_url(args.db, schema)
    work = Path(tempfile.mkdtemp(prefix="vk-province-"))
    processes: list[Any] = []
    try:
        engine = open_hub_engine(db_url)  # makes the hub's tables (migrations), as `hub serve` would
        options: tuple[str, ...] = ("--at-once", str(args.at_once)) if args.at_once else ()
        options += ("--pool-size", str(args.pool_size)) if args.pool_size else ()
        archive = work / "tu-bao-ve.vkpack"
        _cli("packs", "build", str(PACK_SOURCE), str(archive))
        folders = [
            work / ("hub" if args.shared_data else f"hub{n}")
            for n in range(count if mode == "processes" else 1)
        ]
        for folder in folders:
            folder.mkdir(exist_ok=True)
        published = json.loads(
            _cli(
                "hub",
                "publish-pack",
                str(archive),
                "--all",
                "--json",
                "--db",
                db_url,
                "--data-dir",
                str(folders[0]),
            )
        )
        urls = []
        for folder in folders:
            extra = ("--workers", str(count)) if mode == "workers" else ()
            process, url = spawn_local_hub(folder, db_url=db_url, options=options + extra, timeout=60)
            processes.append(process)
            urls.append(url)
        started = time.perf_counter()
        laptops = _enroll(
            engine, [f"{90001 + n:05d}" for n in range(args.communes)], args.laptops, urls, args.seed
        )
        enroll_s = time.perf_counter() - started
        engine.dispose()

        meter = DatabaseMeter(args.db, processes)
        meter.sample()
        probe_start = time.time() + 15.0  # the workers make their templates first
        day_start = probe_start + args.probe_seconds + (2.0 if args.probe_seconds else 0.0)
        day_end = day_start + args.minutes * 60
        plan = {
            "probe_start": probe_start,
            "probe_every": args.probe_every,
            "day_start": day_start,
            "day_end": day_end,
            "think": args.think,
            "peak_start": day_end + 15.0,  # the day's last rounds finish
            "window": args.peak_window,
        }
        queue: multiprocessing.Queue = multiprocessing.Queue()
        shares = [laptops[i :: args.load_processes] for i in range(args.load_processes)]
        workers = [multiprocessing.Process(target=_worker, args=(share, plan, queue)) for share in shares]
        for worker in workers:
            worker.start()
        time.sleep(max(0.0, probe_start - time.time()))
        at_probe = _sample(processes, meter)
        time.sleep(max(0.0, day_start - time.time()))
        at_day = _sample(processes, meter)
        time.sleep(max(0.0, plan["peak_start"] - time.time()))
        at_peak = _sample(processes, meter)
        got: dict[str, Any] = {"exchanges": [], **{phase: _phase_out() for phase in PHASES}, "cpu": 0.0}
        for _ in workers:
            part = queue.get()
            got["exchanges"] += part["exchanges"]
            got["cpu"] += part["cpu"]
            for phase in PHASES:
                for key in ("errors", "rounds", "pushed", "pulled"):
                    got[phase][key] += part[phase][key]
        at_end = _sample(processes, meter)
        for worker in workers:
            worker.join()
        sizes, rows = _table_sizes(args.db, schema)
        rebuild = _analytics_rebuild(db_url, folders[0])
        if rebuild is not None:
            latest = rows.get("hub_latest", 0)
            rebuild.update(
                records=latest, cpu_ms_per_record=round(1000 * rebuild["cpu_s"] / max(latest, 1), 3)
            )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        with _admin(args.db) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        shutil.rmtree(work, ignore_errors=True)

    day_ends = [e[4] for e in got["exchanges"] if e[0] == "day"]
    late = max(day_ends, default=day_end) - plan["peak_start"]
    peak_ends = [e[4] for e in got["exchanges"] if e[0] == "peak"]
    peak_wall = max(peak_ends, default=plan["peak_start"]) - plan["peak_start"]
    probe = _phase_figures("probe", got, at_probe, at_day, max(day_start - probe_start, 0.001))
    day = _phase_figures("day", got, at_day, at_peak, day_end - day_start)
    peak = _phase_figures("peak", got, at_peak, at_end, peak_wall)
    for phase in (probe, day, peak):
        phase["load_generator_cpu_s"] = round(got["cpu"], 1)  # both phases together
    pushed = day["records_pushed"] + peak["records_pushed"]
    versions = rows.get("hub_record", 0)
    total_bytes = sum(sizes.values())
    result = {
        "benchmark": "province",
        "mode": mode,
        "hub_processes": count,
        "data_folders": "shared" if args.shared_data or mode == "workers" else "one per process",
        "at_once": args.at_once or 2,
        "pool_size": args.pool_size or "default",
        "communes": args.communes,
        "laptops": args.communes * args.laptops,
        "minutes": args.minutes,
        "think_s": args.think,
        "probe_every_s": args.probe_every,
        "peak_window_s": args.peak_window,
        "seed": args.seed,
        "machine": {"cores": os.cpu_count(), "ram_gib": round(psutil.virtual_memory().total / 2**30, 1)},
        "pack": {"id": published["id"], "version": published["version"], "bytes": published["size"]},
        "enroll_s": round(enroll_s, 1),
        "probe": probe,
        "day": day,
        "peak": peak,
        "day_rounds_overran_into_peak_s": round(max(late, 0.0), 2),
        "errors": probe["errors"] + day["errors"] + peak["errors"],
        "first_errors": [error for phase in PHASES for error in got[phase]["errors"]][:5],
        "db": {
            "bytes_total": total_bytes,
            "hub_record_rows": versions,
            "hub_latest_rows": rows.get("hub_latest", 0),
            "bytes_per_record_version": round(total_bytes / max(versions, 1), 1),
            "tables_bytes": dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:6]),
        },
        "records_pushed": pushed,
        "analytics_rebuild": rebuild,
        "rebuilder_during_run": bool(args.with_rebuilder),
    }
    print(
        f"{mode} x{count}: day {day['pushed_per_s']} pushed/s {day['pulled_per_s']} pulled/s, "
        f"peak {peak['pushed_per_s']} pushed/s over {peak['wall_s']} s, errors {result['errors']}, "
        f"busy {day['busy_503'] + peak['busy_503']}",
        file=sys.stderr,
    )
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
