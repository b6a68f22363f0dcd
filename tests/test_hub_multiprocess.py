"""Stateless hub processes: several real `hub serve` processes (different ports and data folders) on
one database, and one `hub serve --workers 2`, serve any request alike — packs, enrollment codes,
the enrollment limits, records — and stop without cutting a push in flight.

Two processes need PostgreSQL for most of this (VK_TEST_POSTGRES_URL); what also holds on one
SQLite file runs there too.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import make_url, text

from tests.test_hub_support import (
    COMMUNE_A,
    PG_ENV,
    ROOT,
    Device,
    Hub,
    _pg_connect,
    _pg_schema_url,
    free_port,
    hub_db_url,  # noqa: F401 (fixture)
    record,
    run_cli,
)
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.hub.db import open_hub_engine
from volunteer_kit.hub.gate import DB_AT_ONCE_KEY, PUSH_SLOT_LOCK
from volunteer_kit.store.demo import load_demo
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import client, local, payload
from volunteer_kit.sync.bundle_format import public_key_b64
from volunteer_kit.sync.transport import RetryPolicy

FAST = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)
ANCHOR = date(2026, 11, 20)


# ---------------------------------------------------------------- hubs and laptops


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema: the one database of the two hub processes of this module."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (two hub processes need PostgreSQL)")
    schema = f"vk_multi_{uuid.uuid4().hex[:12]}"
    with _pg_connect(base) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _pg_schema_url(base, schema)
    finally:
        with _pg_connect(base) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _start(folder: Path, db_url: str, *options: str) -> Hub:
    """A real `hub serve` with its own data folder and port, once /health answers 200."""
    data_dir = folder / "hubdata"
    data_dir.mkdir(parents=True, exist_ok=True)
    database = make_url(db_url).database if db_url.startswith("sqlite") else None
    if database:  # one SQLite file shared by the processes, beside none of their data folders
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = (folder / "hub-stderr.txt").open("w")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("VOLUNTEER_KIT_HOME", None)
    command = [sys.executable, "-m", "volunteer_kit", "--lang", "en", "hub", "serve"]
    command += ["--data-dir", str(data_dir), "--port", str(port), "--db", db_url, *options]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{url}{payload.API}/health", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the hub did not start: " + (folder / "hub-stderr.txt").read_text())
        time.sleep(0.1)
    return Hub(url=url, data_dir=data_dir, db_url=db_url, process=process, engine=open_hub_engine(db_url))


def _stop(hub: Hub) -> None:
    if hub.process.poll() is None:
        hub.process.terminate()
        try:
            hub.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            hub.process.kill()
            hub.process.wait()
    hub.engine.dispose()


@contextmanager
def _serving(folder: Path, db_url: str, *options: str) -> Iterator[Hub]:
    hub = _start(folder, db_url, *options)
    try:
        yield hub
    finally:
        _stop(hub)


CONFIGURED = "http://10.0.0.5:8765"


@pytest.fixture(scope="module")
def pair(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Hub, Hub]]:
    """Two real hub processes on one PostgreSQL database, each with its own port and data folder:
    A started with --url, then B without."""
    folder = tmp_path_factory.mktemp("pair")
    with _serving(folder / "a", pg_url, "--url", CONFIGURED) as a, _serving(folder / "b", pg_url) as b:
        yield a, b


def _enroll(hub: Hub, code: str, commune: str = COMMUNE_A, role: str = "volunteer") -> Device:
    key = Ed25519PrivateKey.generate()
    device_id = str(uuid.uuid4())
    r = requests.post(
        f"{hub.api}/enroll",
        json={"code": code, "device_id": device_id, "label": "laptop", "public_key": public_key_b64(key)},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    return Device(device_id, r.json()["token"], key, commune, role)


def _build_pack(tmp_path: Path, version: str = "2.1.0", padding: int = 0) -> Path:
    """The bundled VNeID pack as an archive (unsigned), with about `padding` more bytes so the
    archive spans several database chunks."""
    import re
    import shutil

    from volunteer_kit.packs.archive import build_archive

    source = tmp_path / f"src-{version}" / "vneid"
    shutil.copytree(ROOT / "lessons" / "vneid", source)
    manifest = source / "manifest.json"
    text_ = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r'"version":\s*"[^"]+"', f'"version": "{version}"', text_, count=1), "utf-8")
    if padding:  # random text in an XML comment of one picture: it barely compresses
        picture = source / "media" / "hoc-tiep.svg"
        noise = base64.b64encode(os.urandom(padding)).decode()
        picture.write_text(picture.read_text(encoding="utf-8").replace("</svg>", f"<!-- {noise} --></svg>"))
    archive = tmp_path / f"vneid-{version}.vkpack"
    build_archive(source, archive)
    return archive


class Laptop:
    """A device with its own store, syncing with whichever hub process its state names."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.engine = open_store(folder / "volunteer-kit.sqlite3")
        ensure_device(self.engine)

    def use(self, hub: Hub) -> None:
        """Point the laptop at another process of the same hub (a load balancer would, at random)."""
        with self.engine.begin() as conn:
            local.write_state(conn, {local.HUB_URL: hub.url})

    def sync(self) -> client.SyncResult:
        return client.sync(self.engine, retry=FAST)

    def hashes(self) -> dict[tuple[str, str], str]:
        found = {}
        with self.engine.connect() as conn:
            for table in SYNCED_TABLES:
                columns = payload.table_columns(table)
                for row in conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}"):
                    data = payload.row_to_data(table, dict(zip(columns, row, strict=True)))
                    found[(table, data["id"])] = payload.content_hash(data)
        return found

    def hamlet(self, learner_id: str) -> str:
        with self.engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT hamlet FROM learner WHERE id = ?", (learner_id,)).scalar()
        return str(found)

    def edit_hamlet(self, learner_id: str, hamlet: str) -> None:
        with self.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE learner SET hamlet = ?, revision = revision + 1, pending = 1 WHERE id = ?",
                (hamlet, learner_id),
            )


def _health_pids(hub: Hub, tries: int = 300) -> set[int]:
    """The processes that answered /health, each call on a new connection, until two differ."""
    seen: set[int] = set()
    for _ in range(tries):
        with requests.Session() as fresh:
            body = fresh.get(f"{hub.api}/health", timeout=5).json()
        assert body["status"] == "ok"
        seen.add(body["process"])
        if len(seen) > 1:
            break
    return seen


# ---------------------------------------------------------------- packs


def test_a_pack_published_through_one_process_is_served_by_another(
    pair: tuple[Hub, Hub], tmp_path: Path
) -> None:
    _pack_served_across(*pair, tmp_path)


def test_a_pack_published_through_one_process_is_served_by_another_on_one_sqlite_file(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path / 'shared' / 'hub.sqlite3'}"
    with _serving(tmp_path / "a", database) as a, _serving(tmp_path / "b", database) as b:
        _pack_served_across(a, b, tmp_path)


def _pack_served_across(a: Hub, b: Hub, tmp_path: Path) -> None:
    """Published with A's data folder, listed and downloaded (same bytes) from B, whose data folder
    never saw the file; each machine then keeps a verified copy, and a damaged copy is replaced."""
    archive = _build_pack(tmp_path, padding=(2 << 20) + 12345)  # three chunks of the database
    done = run_cli("hub", "publish-pack", str(archive), "--all", "--json", data_dir=a.data_dir, db=a.db_url)
    published = json.loads(done.stdout)
    sha256 = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert published["sha256"] == sha256 and published["status"] == "published"
    # Neither data folder has the file: the bytes are in the database.
    assert not (b.data_dir / "packs").exists() and not (a.data_dir / "packs").exists()
    damaged = a.data_dir / "packs" / f"{sha256}.vkpack"  # a damaged copy on A's disk
    damaged.parent.mkdir()
    damaged.write_bytes(archive.read_bytes()[:-1] + b"?")
    device = _enroll(b, b.code())
    feed = requests.get(f"{b.api}/packs", headers=device.auth, timeout=10).json()
    assert [(p["sha256"], p["size"]) for p in feed["packs"]] == [(sha256, archive.stat().st_size)]
    for hub in (b, a, b):  # B from the database, A past its damaged copy, B from its own copy
        served = requests.get(f"{hub.api}/packs/file/{sha256}", headers=device.auth, timeout=30)
        assert served.status_code == 200, served.text
        assert served.headers["X-VK-SHA256"] == sha256
        assert served.headers["content-type"] == "application/zip"
        assert served.content == archive.read_bytes()
    # Each machine keeps a verified copy for the next device (the read-through cache).
    for hub in (a, b):
        assert [p.name for p in (hub.data_dir / "packs").iterdir()] == [f"{sha256}.vkpack"]
        assert (hub.data_dir / "packs" / f"{sha256}.vkpack").read_bytes() == archive.read_bytes()
    missing = requests.get(f"{b.api}/packs/file/{'0' * 64}", headers=device.auth, timeout=10)
    assert missing.status_code == 404 and missing.json()["detail_vi"]


def test_migration_0007_moves_the_archives_of_the_data_folder_into_the_database(
    hub_db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    from alembic import command

    from volunteer_kit.hub.db import make_hub_engine
    from volunteer_kit.hub.migrations import alembic_config

    (tmp_path / "hubdata").mkdir()
    engine = make_hub_engine(hub_db_url)
    try:
        command.upgrade(alembic_config(engine), "0006")
        kept, lost = _build_pack(tmp_path, "2.1.0"), _build_pack(tmp_path, "2.2.0")
        folder = tmp_path / "hubdata" / "packs"
        folder.mkdir()
        digests = []
        for seq, archive in enumerate((kept, lost), start=1):
            digest = hashlib.sha256(archive.read_bytes()).hexdigest()
            digests.append(digest)
            if archive is kept:  # the other one's file was lost before the upgrade
                (folder / f"{digest}.vkpack").write_bytes(archive.read_bytes())
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO hub_pack (sha256, seq, pack_id, version, size, title_vi, title_en, "
                        "all_communes, communes, trust, key_id, published_at) VALUES (:sha, :seq, 'vn.x', "
                        ":version, :size, 't', 't', :all, '', 'unsigned', '', :at)"
                    ),
                    {
                        "sha": digest,
                        "seq": seq,
                        "version": f"2.{seq}.0",
                        "size": archive.stat().st_size,
                        "all": True,
                        "at": "2026-12-01 08:00:00+00:00",
                    },
                )
        config = alembic_config(engine)
        config.attributes["data_dir"] = tmp_path / "hubdata"
        command.upgrade(config, "0007")
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT sha256, n, data FROM hub_pack_chunk ORDER BY sha256, n")).all()
            packs = conn.execute(text("SELECT count(*) FROM hub_pack")).scalar()
    finally:
        engine.dispose()
    assert {sha for sha, _n, _data in rows} == {digests[0]}  # the lost one is logged and left
    assert b"".join(bytes(data) for _sha, _n, data in rows) == kept.read_bytes()
    assert packs == 2  # every publication kept


# ---------------------------------------------------------------- records, codes, the URL


def test_a_laptop_alternating_between_two_processes_converges(pair: tuple[Hub, Hub], tmp_path: Path) -> None:
    a, b = pair
    first, second = Laptop(tmp_path / "first"), Laptop(tmp_path / "second")
    load_demo(first.engine, learners=40, seed=1, anchor=ANCHOR)
    load_demo(second.engine, learners=30, seed=2, anchor=ANCHOR)
    client.enroll(first.engine, a.url, a.code(), label="first", retry=FAST)
    client.enroll(second.engine, b.url, b.code(), label="second", retry=FAST)
    assert first.sync().pushed > 0  # push on A
    second.sync()  # push and pull on B: first's records, stored through A
    first.use(b)
    first.sync()  # pull on B
    with first.engine.connect() as conn:
        learner = conn.exec_driver_sql("SELECT id FROM learner ORDER BY rowid LIMIT 1").scalar()
    first.edit_hamlet(learner, "Thôn Đông (sửa trên B)")
    assert first.sync().pushed == 1  # push on B
    second.use(a)
    second.sync()  # pull on A
    assert second.hamlet(learner) == "Thôn Đông (sửa trên B)"
    second.edit_hamlet(learner, "Thôn Tây (sửa trên A)")
    second.sync()
    first.use(a)
    first.sync()
    assert first.hashes() == second.hashes()
    assert first.hamlet(learner) == "Thôn Tây (sửa trên A)"
    with a.engine.connect() as conn:
        latest = conn.exec_driver_sql(
            "SELECT count(*) FROM hub_latest l JOIN hub_device d ON d.id = l.device_id "
            "WHERE d.label IN ('first', 'second')"
        ).scalar()
    assert latest == len(first.hashes())
    for laptop in (first, second):
        laptop.engine.dispose()


def test_a_code_made_through_one_process_enrolls_on_another(pair: tuple[Hub, Hub]) -> None:
    a, b = pair
    officer = _enroll(a, a.code(role="officer"), role="officer")
    made = requests.post(f"{a.api}/admin/codes", json={"role": "volunteer"}, headers=officer.auth, timeout=10)
    assert made.status_code == 201, made.text
    code = made.json()["code"]
    assert _enroll(b, code).role == "volunteer"
    # Used once, through B: A knows it too.
    again = requests.post(
        f"{a.api}/enroll",
        json={
            "code": code,
            "device_id": str(uuid.uuid4()),
            "label": "x",
            "public_key": public_key_b64(Ed25519PrivateKey.generate()),
        },
        timeout=10,
    )
    assert again.status_code != 200, again.text


def test_the_configured_url_is_not_replaced_by_a_process_started_without_one(pair: tuple[Hub, Hub]) -> None:
    a, b = pair

    def code_url() -> str:
        made = run_cli(
            "hub", "enroll-code", "--commune", COMMUNE_A, "--role", "volunteer", "--json",
            data_dir=b.data_dir, db=b.db_url,
        )  # fmt: skip
        return str(json.loads(made.stdout)["hub_url"])

    # B started after A without --url: the address A was given stays, and B says it.
    assert code_url() == CONFIGURED
    assert f"Hub serving at {CONFIGURED}" in (b.data_dir.parent / "hub-stderr.txt").read_text(
        encoding="utf-8"
    )
    chosen = "https://hub.hanoi.example.vn"
    done = run_cli("hub", "set-url", chosen + "/", data_dir=b.data_dir, db=b.db_url)
    assert chosen in done.stdout and code_url() == chosen
    bad = run_cli("hub", "set-url", "ftp://hub/x", data_dir=b.data_dir, db=b.db_url, check=False)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert bad.stderr.startswith("Not a hub address: 'ftp://hub/x'")
    assert code_url() == chosen


def test_a_guessed_url_is_stored_only_while_none_is_configured(
    hub_db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    from volunteer_kit.hub.db import get_meta
    from volunteer_kit.hub.serve import configure_url, record_start

    (tmp_path / "hubdata").mkdir()
    engine = open_hub_engine(hub_db_url)
    try:
        assert (
            record_start(engine, "http://127.0.0.1:1111", url_given=False, tls=None)
            == "http://127.0.0.1:1111"
        )
        assert (
            record_start(engine, "http://127.0.0.1:2222", url_given=False, tls=None)
            == "http://127.0.0.1:2222"
        )
        configure_url(engine, "http://192.168.1.10:8765")
        assert (
            record_start(engine, "http://127.0.0.1:3333", url_given=False, tls=None)
            == "http://192.168.1.10:8765"
        )
        assert get_meta(engine, "url") == "http://192.168.1.10:8765"
        assert (
            record_start(engine, "http://192.168.1.11:8765", url_given=True, tls=None)
            == "http://192.168.1.11:8765"
        )
        assert get_meta(engine, "url") == "http://192.168.1.11:8765"
    finally:
        engine.dispose()


# ---------------------------------------------------------------- --workers


def test_two_workers_both_answer_and_serve_a_pack_published_while_they_run(
    pg_url: str, tmp_path: Path
) -> None:
    with _serving(tmp_path / "w", pg_url, "--workers", "2", "--db-at-once", "3") as hub:
        pids = _health_pids(hub)
        assert len(pids) == 2 and hub.process.pid not in pids
        archive = _build_pack(tmp_path, "3.0.0")
        run_cli("hub", "publish-pack", str(archive), "--all", data_dir=tmp_path / "elsewhere", db=pg_url)
        device = _enroll(hub, hub.code())
        sha256 = hashlib.sha256(archive.read_bytes()).hexdigest()
        for _ in range(4):  # new connections: both workers serve it
            with requests.Session() as fresh:
                served = fresh.get(f"{hub.api}/packs/file/{sha256}", headers=device.auth, timeout=30)
            assert served.status_code == 200 and served.content == archive.read_bytes()
        # --db-at-once is the hub's, in the database: a push takes one of the 3 slots.
        assert _meta(hub, DB_AT_ONCE_KEY) == "3"
        assert hub.push_ok(device, [record("learner", device)])[0]["status"] == "accepted"
    with _serving(tmp_path / "again", pg_url, "--db-at-once", "0") as again:
        assert _meta(again, DB_AT_ONCE_KEY) == ""  # 0 lifts it


@pytest.mark.parametrize("workers", ["0", "65", "x"])
def test_a_bad_worker_count_is_refused_before_anything_is_made(tmp_path: Path, workers: str) -> None:
    folder = tmp_path / "never-made"
    done = run_cli(
        "hub",
        "serve",
        "--data-dir",
        str(folder),
        "--workers",
        workers,
        "--port",
        str(free_port()),
        data_dir=folder,
        db=f"sqlite:///{folder / 'hub.sqlite3'}",
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"--workers must be a number from 1 to 64 (given {workers!r})."
    ]
    assert not folder.exists()


def test_the_app_factory_refuses_a_database_that_is_not_at_its_revision(tmp_path: Path) -> None:
    database = tmp_path / "hub.sqlite3"
    env = {**os.environ, "VOLUNTEER_KIT_HUB_DB": f"sqlite:///{database}", "VOLUNTEER_KIT_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "uvicorn", "--factory", "volunteer_kit.hub.asgi:app", "--port", "0"]

    def start() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)

    sqlite_never = start()
    assert sqlite_never.returncode == 3
    # In Vietnamese: a worker has no --lang, and Vietnamese is the first language of the hub.
    assert sqlite_never.stderr.strip().splitlines() == [
        f"Cơ sở dữ liệu máy chủ {database} chưa được tạo; hãy chạy một lần: "
        "volunteer-kit hub migrate --db URL."
    ]
    assert "Traceback" not in sqlite_never.stderr
    migrated = run_cli("hub", "migrate", data_dir=tmp_path, db=f"sqlite:///{database}")
    revision = migrated.stdout.strip()
    assert revision
    with open_hub_engine(f"sqlite:///{database}").begin() as conn:
        conn.exec_driver_sql("UPDATE hub_alembic_version SET version_num = '9999_from_the_future'")
    newer = start()
    assert newer.returncode == 3 and "Traceback" not in newer.stderr
    assert "mới hơn phiên bản này (9999_from_the_future); hãy cập nhật Volunteer Kit." in newer.stderr


# ---------------------------------------------------------------- health, shutdown, the push cap


def test_health_answers_503_when_the_database_is_gone(tmp_path: Path) -> None:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set")
    name = f"vk_health_{uuid.uuid4().hex[:10]}"
    with _pg_connect(base) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        with _serving(tmp_path, url) as hub:
            hub.engine.dispose()
            ok = requests.get(f"{hub.api}/health", timeout=10)
            assert ok.status_code == 200 and ok.json()["status"] == "ok"
            with _pg_connect(base) as conn:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            gone = requests.get(f"{hub.api}/health", timeout=10)
            assert gone.status_code == 503
            body = gone.json()
            assert body["status"] == "unavailable" and body["hub_id"] and body["process"] == hub.process.pid
            assert body["detail_vi"]
    finally:
        with _pg_connect(base) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _refused(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1):
            return False
    except OSError:
        return True


@pytest.mark.parametrize(("database", "workers"), [("sqlite", "1"), ("postgresql", "2")])
def test_a_push_in_flight_when_the_hub_is_stopped_is_answered_and_stored(
    database: str, workers: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db_url = (
        request.getfixturevalue("pg_url")
        if database == "postgresql"
        else f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    )
    hub = _start(tmp_path, db_url, "--workers", workers)
    connection = None
    try:
        device = _enroll(hub, hub.code())
        records = [record("learner", device) for _ in range(payload.MAX_PUSH_RECORDS)]
        body = gzip.compress(json.dumps({"device_id": device.id, "records": records}).encode())
        connection = http.client.HTTPConnection("127.0.0.1", int(hub.url.rsplit(":", 1)[1]), timeout=60)
        connection.putrequest("POST", f"{payload.API}/push")
        headers = {**device.auth, "Content-Type": "application/json", "Content-Encoding": "gzip"}
        for name, value in (headers | {"Content-Length": str(len(body))}).items():
            connection.putheader(name, value)
        connection.endheaders()
        half = len(body) // 2
        connection.send(body[:half])  # the push is in flight: its headers and half its body arrived
        time.sleep(0.5)
        hub.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        while not _refused(hub.url):  # the hub stops taking new connections...
            assert time.monotonic() < deadline, "the stopping hub still accepts new connections"
            time.sleep(0.05)
        assert hub.process.poll() is None  # ...while it waits for the push in flight
        connection.send(body[half:])
        answer = connection.getresponse()
        assert answer.status == 200, answer.read()
        results = json.loads(answer.read())["results"]
        assert [r["status"] for r in results] == ["accepted"] * len(records)
        assert hub.process.wait(timeout=40) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal
        with hub.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT count(*) FROM hub_latest WHERE device_id = :d"), {"d": device.id}
            ).scalar()
        assert stored == len(records)
    finally:
        if connection is not None:
            connection.close()
        _stop(hub)


def _meta(hub: Hub, key: str) -> str | None:
    with hub.engine.connect() as conn:
        found = conn.execute(text("SELECT value FROM hub_meta WHERE key = :k"), {"k": key}).scalar()
    return None if found is None else str(found)


def test_the_database_wide_push_cap_holds_across_processes(pair: tuple[Hub, Hub]) -> None:
    from volunteer_kit.hub.db import set_meta

    a, b = pair
    device = _enroll(a, a.code())
    set_meta(a.engine, DB_AT_ONCE_KEY, "1")
    try:
        assert a.push_ok(device, [record("learner", device)])[0]["status"] == "accepted"
        with a.engine.connect() as holder:  # a push of some process holding the one slot
            holder.exec_driver_sql(f"SELECT pg_advisory_lock({PUSH_SLOT_LOCK}, 0)")
            for hub in (a, b):
                busy = hub.push(device, [record("learner", device)])
                assert busy.status_code == 503 and 1 <= int(busy.headers["Retry-After"]) <= 5
                assert busy.json()["detail_vi"].startswith("Máy chủ đang bận")
            holder.exec_driver_sql(f"SELECT pg_advisory_unlock({PUSH_SLOT_LOCK}, 0)")
        assert b.push_ok(device, [record("learner", device)])[0]["status"] == "accepted"
    finally:
        set_meta(a.engine, DB_AT_ONCE_KEY, "")


def test_a_push_takes_one_slot_however_many_are_free(pair: tuple[Hub, Hub]) -> None:
    from volunteer_kit.hub.db import set_meta
    from volunteer_kit.hub.gate import take_push_slot

    engine = pair[0].engine
    set_meta(engine, DB_AT_ONCE_KEY, "8")
    try:
        with engine.begin() as conn:
            take_push_slot(conn)
            held = conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :key "
                    "AND pid = pg_backend_pid()"
                ),
                {"key": PUSH_SLOT_LOCK},
            ).scalar()
        assert held == 1
    finally:
        set_meta(engine, DB_AT_ONCE_KEY, "")


# Last: it leaves this client's refusals in the database (cleared at its end).
def test_enrollment_refusals_counted_on_one_process_throttle_the_client_on_another(
    pair: tuple[Hub, Hub],
) -> None:
    from volunteer_kit.hub.enrollment import CLIENT_REFUSALS

    a, b = pair

    def attempt(hub: Hub, code: str) -> requests.Response:
        body = {
            "code": code,
            "device_id": str(uuid.uuid4()),
            "label": "guesser",
            "public_key": public_key_b64(Ed25519PrivateKey.generate()),
        }
        return requests.post(f"{hub.api}/enroll", json=body, timeout=10)

    good = b.code()
    with a.engine.begin() as conn:  # refusals of this client left by earlier tests on the same pair
        conn.exec_driver_sql("DELETE FROM hub_enroll_attempt")
    try:
        for n in range(CLIENT_REFUSALS):
            wrong = attempt(a, f"WRONG-{n:04d}")
            assert wrong.status_code not in (200, 429), wrong.text
        throttled = attempt(b, good)  # a valid code, but this client guessed too often on A
        assert throttled.status_code == 429, throttled.text
        assert int(throttled.headers["Retry-After"]) >= 1 and throttled.json()["detail_vi"]
    finally:
        with a.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM hub_enroll_attempt")
