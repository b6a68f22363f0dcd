"""Devices syncing with a real hub process on 127.0.0.1: enrollment, two devices, lost replies,
edits during a push, revocation, killed clients, a flaky link, a wrong clock, bundles, consent."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from conftest import ROOT, run_cli

from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.store.demo import load_demo
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import client, local, outgoing, payload
from volunteer_kit.sync.errors import DeviceRevoked
from volunteer_kit.sync.transport import RetryPolicy

ANCHOR = date(2026, 11, 20)
FAST = RetryPolicy(attempts=8, base_delay=0.05, max_delay=0.5)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Hub:
    """A hub process serving its own data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ}
        env.pop("VOLUNTEER_KIT_HOME", None)
        env.pop("VOLUNTEER_KIT_HUB_DB", None)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "volunteer_kit",
                "hub",
                "serve",
                "--data-dir",
                str(folder),
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not start: {self.process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            from volunteer_kit.hub.db import open_hub_engine

            self._engine = open_hub_engine(f"sqlite:///{self.folder / 'hub.sqlite3'}")
        return self._engine

    def code(self, commune: str = "00577", role: str = "volunteer") -> str:
        from volunteer_kit.hub import enrollment

        if commune == "00577":
            enrollment.ensure_commune(self.engine, commune)
        else:
            enrollment.ensure_commune(self.engine, commune, f"Xã Thử {commune}", "01")
        return enrollment.make_enroll_code(self.engine, commune_code=commune, role=role)["code"]

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        conn = sqlite3.connect(f"file:{self.folder / 'hub.sqlite3'}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def latest(self, commune: str = "00577") -> dict[tuple[str, str], str]:
        rows = self.query(
            "SELECT table_name, record_id, content_hash FROM hub_latest WHERE commune_code = ?", (commune,)
        )
        return {(r[0], r[1]): r[2] for r in rows}

    def versions(self) -> int:
        return self.query("SELECT count(*) FROM hub_record")[0][0]

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


class Device:
    """A laptop: its own data folder and store."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.engine = open_store(folder / "volunteer-kit.sqlite3")
        self.id = ensure_device(self.engine)

    def demo(self, learners: int, seed: int, anchor: date = ANCHOR) -> None:
        load_demo(self.engine, learners=learners, seed=seed, anchor=anchor)

    def enroll(self, hub: Hub, commune: str = "00577", role: str = "volunteer") -> client.Enrollment:
        return client.enroll(self.engine, hub.url, hub.code(commune, role), label=self.folder.name)

    def sync(self, **options: Any) -> client.SyncResult:
        return client.sync(self.engine, retry=options.pop("retry", FAST), **options)

    def cli(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        return run_cli("--lang", "en", *args, data_dir=self.folder, timeout=timeout)

    def hashes(self) -> dict[tuple[str, str], str]:
        found = {}
        with self.engine.connect() as conn:
            for table in SYNCED_TABLES:
                columns = payload.table_columns(table)
                for row in conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}"):
                    data = payload.row_to_data(table, dict(zip(columns, row, strict=True)))
                    found[(table, data["id"])] = payload.content_hash(data)
        return found

    def pending(self) -> int:
        with self.engine.connect() as conn:
            return local.pending_count(conn)

    def close(self) -> None:
        self.engine.dispose()


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    running = Hub(tmp_path / "hub")
    yield running
    running.stop()


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[Any]:
    made: list[Device] = []

    def make(name: str) -> Device:
        device = Device(tmp_path / name)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


# --- enrollment and the everyday sync -----------------------------------------------------------------


def test_enroll_by_code_then_sync_needs_no_arguments(hub: Hub, tmp_path: Path) -> None:
    made = run_cli(
        "hub", "enroll-code", "--commune", "00577", "--role", "volunteer", "--json", data_dir=hub.folder
    )
    assert made.returncode == 0, made.stderr
    code = json.loads(made.stdout)["code"]
    laptop = tmp_path / "laptop"
    assert run_cli("demo", "--learners", "150", "--seed", "3", data_dir=laptop).returncode == 0
    enrolled = run_cli(
        "--lang", "en", "enroll", "--hub", hub.url, "--code", code, "--label", "Hoa", data_dir=laptop
    )
    assert enrolled.returncode == 0, enrolled.stderr
    assert "Enrolled" in enrolled.stdout

    first = run_cli("sync", "--json", data_dir=laptop)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    device = Device(laptop)
    try:
        assert report["pushed"] == report["accepted"] == len(device.hashes()) > 0
        assert report["pending"] == 0 and report["last_sync_at"]
        assert hub.latest() == device.hashes()
        assert hub.versions() == len(device.hashes())
        with device.engine.connect() as conn:
            state = local.read_state(conn)
            assert state[local.LAST_SYNC_AT] == report["last_sync_at"]
            assert conn.exec_driver_sql(
                "SELECT role, commune_code FROM device WHERE is_this_device = 1"
            ).one() == (
                "volunteer",
                "00577",
            )
        # The device key is a file only its owner reads, and nowhere in the database.
        key_file = laptop / "keys" / "device.key"
        assert key_file.stat().st_mode & 0o777 == 0o600
        assert b"PRIVATE KEY" not in (laptop / "volunteer-kit.sqlite3").read_bytes()
        second = run_cli("--lang", "en", "sync", data_dir=laptop)
        assert second.returncode == 0 and "Sent 0/0" in second.stdout
    finally:
        device.close()


@pytest.mark.parametrize("first", ["a", "b"])
def test_two_devices_of_a_commune_share_everything_and_another_commune_sees_none(
    hub: Hub, devices: Any, first: str
) -> None:
    a, b, c = devices("a"), devices("b"), devices("c")
    a.demo(200, seed=1)
    b.demo(150, seed=2)
    for device in (a, b):
        device.enroll(hub)
    c.enroll(hub, commune="00004")
    own = {"a": a.hashes(), "b": b.hashes()}
    order = [a, b] if first == "a" else [b, a]
    for device in (*order, order[0]):
        device.sync()
    union = {**own["a"], **own["b"]}
    assert len(union) == len(own["a"]) + len(own["b"])
    assert hub.latest() == union
    assert hub.versions() == len(union)
    assert a.hashes() == b.hashes() == union
    assert a.pending() == b.pending() == 0
    result = c.sync()
    assert result.pulled == 0
    assert c.hashes() == {}
    assert hub.latest("00004") == {}


def test_a_lost_reply_is_sent_again_without_duplicates(hub: Hub, devices: Any) -> None:
    a = devices("a")
    a.demo(100, seed=4)
    a.enroll(hub)
    batch = next(outgoing.batches(outgoing.iter_outgoing(a.engine, skip={})))
    with client.connect(a.engine) as connection:  # the hub stores the batch; its answer never arrives
        lost = connection.request(
            "POST", "/push", data=outgoing.push_body(a.id, batch), content_type="application/json"
        )
    result = a.sync()
    assert result.accepted == result.pushed == len(a.hashes())
    assert hub.versions() == len(a.hashes())
    assert hub.latest() == a.hashes()
    with a.engine.connect() as conn:
        seqs = {
            o.id: conn.exec_driver_sql(f"SELECT server_seq FROM {o.table} WHERE id = ?", (o.id,)).scalar()
            for o in batch
        }
    assert seqs == {r["id"]: r["seq"] for r in lost["results"]}


def test_an_edit_made_during_the_push_stays_pending_and_goes_next_time(
    hub: Hub, devices: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from volunteer_kit.sync.transport import HubConnection

    a = devices("a")
    a.demo(100, seed=5)
    a.enroll(hub)
    with a.engine.connect() as conn:
        learner_id = conn.exec_driver_sql("SELECT id FROM learner ORDER BY rowid LIMIT 1").scalar()
    real = HubConnection.request
    edited: list[str] = []

    def request_while_editing(self, method: str, path: str, **kwargs: Any) -> Any:
        body = kwargs.get("data") or b""
        body = gzip.decompress(body) if kwargs.get("gzipped") else body
        if path == "/push" and not edited and learner_id.encode() in body:
            with a.engine.begin() as conn:  # the volunteer edits the learner while the batch travels
                conn.exec_driver_sql(
                    "UPDATE learner SET hamlet = 'Thôn Mới', revision = revision + 1, pending = 1 "
                    "WHERE id = ?",
                    (learner_id,),
                )
            edited.append(learner_id)
        return real(self, method, path, **kwargs)

    monkeypatch.setattr(HubConnection, "request", request_while_editing)
    result = a.sync()
    assert edited and result.pending == 1
    with a.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT pending FROM learner WHERE id = ?", (learner_id,)).scalar() == 1
    assert hub.latest()[("learner", learner_id)] != a.hashes()[("learner", learner_id)]
    monkeypatch.setattr(HubConnection, "request", real)
    again = a.sync()
    assert again.pushed == again.accepted == 1 and again.pending == 0
    assert hub.latest() == a.hashes()
    assert hub.versions() == len(a.hashes()) + 1


def test_a_revoked_device_is_told_so_and_keeps_its_records(hub: Hub, devices: Any) -> None:
    a = devices("a")
    a.demo(80, seed=6)
    a.enroll(hub)
    a.sync()
    with a.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE household SET note = 'mới', pending = 1")
    waiting = a.pending()
    revoked = run_cli("hub", "revoke-device", a.id, data_dir=hub.folder)
    assert revoked.returncode == 0, revoked.stderr
    failed = a.cli("sync")
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and "removed from the hub; your records are kept here" in lines[0]
    assert a.pending() == waiting > 0
    with pytest.raises(DeviceRevoked):
        a.sync()
    assert a.pending() == waiting


def test_a_device_holding_another_communes_records_refuses_to_enroll(hub: Hub, devices: Any) -> None:
    a = devices("a")
    a.demo(20, seed=8)
    refused = a.cli("enroll", "--hub", hub.url, "--code", hub.code("00004"))
    assert refused.returncode == 1
    assert (
        "holds records of commune 00577" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    )
    with a.engine.connect() as conn:
        assert local.read_state(conn).get(local.TOKEN) is None


def test_sync_before_enrolling_says_what_to_do(devices: Any) -> None:
    failed = devices("a").cli("sync")
    assert failed.returncode == 1 and "enroll --hub URL --code CODE" in failed.stderr


def test_a_laptop_clock_a_year_wrong_changes_nothing(hub: Hub, devices: Any) -> None:
    wrong, right, officer = devices("wrong"), devices("right"), devices("officer")
    future = ANCHOR + timedelta(days=365)
    wrong.demo(60, seed=9, anchor=future)  # everything it made carries dates a year ahead
    right.demo(60, seed=10)
    wrong.enroll(hub)
    right.enroll(hub)
    officer.enroll(hub, role="officer")
    wrong.sync()
    right.sync()
    wrong.sync()
    with right.engine.connect() as conn:
        learner_id = conn.exec_driver_sql("SELECT id FROM learner ORDER BY rowid LIMIT 1").scalar()
    later = (datetime.now(UTC) + timedelta(days=365)).replace(tzinfo=None).isoformat(" ", "microseconds")
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    # The wrong clock edits first (a year "later"), the right clock edits after it in real time.
    with wrong.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE learner SET hamlet = 'Thôn Sai Giờ', updated_at = ?, revision = revision + 1, "
            "pending = 1 WHERE id = ?",
            (later, learner_id),
        )
    wrong.sync()
    with right.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE learner SET hamlet = 'Thôn Đúng Giờ', updated_at = ?, revision = revision + 1, "
            "pending = 1 WHERE id = ?",
            (now, learner_id),
        )
    right.sync()
    wrong.sync()
    officer.sync()  # the officer's laptop also sends its certificate-signing key (made at enrollment)
    wrong.sync()
    right.sync()
    # The hub's order decides, not the laptops' clocks: the later sync wins everywhere.
    for device in (wrong, right, officer):
        with device.engine.connect() as conn:
            hamlet = conn.exec_driver_sql("SELECT hamlet FROM learner WHERE id = ?", (learner_id,)).scalar()
        assert hamlet == "Thôn Đúng Giờ"
    assert wrong.hashes() == right.hashes() == officer.hashes() == hub.latest()
    listed = client.conflicts(officer.engine)
    assert [(c["record_id"], c["overwritten"]["hamlet"]) for c in listed] == [(learner_id, "Thôn Sai Giờ")]


# --- bundles ------------------------------------------------------------------------------------------


def test_a_bundle_imported_twice_and_relayed_makes_no_duplicates(
    hub: Hub, devices: Any, tmp_path: Path
) -> None:
    a, b = devices("a"), devices("b")
    a.demo(120, seed=11)
    a.enroll(hub)
    b.enroll(hub)
    waiting = a.pending()
    out = tmp_path / "usb" / "a.vkbundle"
    out.parent.mkdir()
    exported = a.cli("bundle", "export", str(out))
    assert exported.returncode == 0, exported.stderr
    assert a.pending() == waiting  # exporting marks nothing
    for _ in range(2):
        imported = run_cli("hub", "import-bundle", str(out), data_dir=hub.folder)
        assert imported.returncode == 0, imported.stderr
        assert hub.versions() == waiting
    relayed = b.cli("bundle", "import", str(out))
    assert relayed.returncode == 0, relayed.stderr
    assert f"{waiting} accepted" in relayed.stdout
    assert hub.versions() == waiting
    result = a.sync()
    assert result.accepted == waiting and result.pending == 0
    assert hub.versions() == waiting
    assert hub.latest() == a.hashes()
    b.sync()
    assert b.hashes() == a.hashes()


def test_a_bundle_of_another_commune_is_not_relayed(hub: Hub, devices: Any, tmp_path: Path) -> None:
    a, c = devices("a"), devices("c")
    a.demo(10, seed=12)
    a.enroll(hub)
    c.enroll(hub, commune="00004")
    out = tmp_path / "a.vkbundle"
    assert a.cli("bundle", "export", str(out)).returncode == 0
    refused = c.cli("bundle", "import", str(out))
    assert refused.returncode == 1 and "belongs to commune 00577" in refused.stderr
    assert hub.versions() == 0


# --- personal data ------------------------------------------------------------------------------------


def test_withdrawn_consent_leaves_no_identity_of_the_learner_on_the_hub(hub: Hub, devices: Any) -> None:
    from volunteer_kit.core.text import fold
    from volunteer_kit.store.learners import withdraw_consent

    a = devices("a")
    a.demo(200, seed=13)
    a.enroll(hub)
    with a.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, full_name, phone, search_text FROM learner WHERE phone IS NOT NULL"
        ).all()
        texts = [r[3] for r in rows]
    # Someone whose name and phone appear nowhere else, so finding them anywhere means they leaked.
    learner_id, name, phone, _ = next(
        r for r in rows if sum(fold(r[1]) in t for t in texts) == 1 and sum(r[2] in t for t in texts) == 1
    )
    a.sync()
    dump = "\n".join(sqlite3.connect(hub.folder / "hub.sqlite3").iterdump())
    assert name in dump  # it was there
    with a.engine.begin() as conn:
        withdraw_consent(conn, learner_id)
    a.sync()
    conn = sqlite3.connect(hub.folder / "hub.sqlite3")
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    for identifying in (name, fold(name), phone):
        assert identifying not in dump
    assert a.hashes() == hub.latest()


# --- stopped, cut and slowed ----------------------------------------------------------------------------


class FlakyLink:
    """A TCP proxy to the hub that drops some connections, cuts some answers halfway and delays others."""

    def __init__(self, target_port: int, *, drop: float, cut: float, delay: float, seed: int = 1) -> None:
        self.target_port = target_port
        self.drop, self.cut, self.delay = drop, cut, delay
        self.rng = random.Random(seed)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.counts: Counter[str] = Counter()
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.running:
            try:
                downstream, _ = self.listener.accept()
            except OSError:
                return
            roll = self.rng.random()
            if roll < self.drop:
                self.counts["dropped"] += 1
                downstream.close()
                continue
            cut_after = self.rng.randint(0, 40_000) if roll < self.drop + self.cut else None
            delay = self.rng.uniform(0.05, 0.4) if self.rng.random() < self.delay else 0.0
            self.counts["cut" if cut_after is not None else "delayed" if delay else "clean"] += 1
            threading.Thread(target=self._serve, args=(downstream, cut_after, delay), daemon=True).start()

    def _serve(self, downstream: socket.socket, cut_after: int | None, delay: float) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            downstream.close()
            return
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
            sent = 0
            try:
                while not done.is_set():
                    data = src.recv(65536)
                    if not data:
                        break
                    if delay:
                        time.sleep(delay)
                    if limit is not None and sent + len(data) > limit:
                        dst.sendall(data[: max(limit - sent, 0)])
                        break
                    dst.sendall(data)
                    sent += len(data)
            except OSError:
                pass
            done.set()
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

        threading.Thread(target=pump, args=(downstream, upstream, None), daemon=True).start()
        pump(upstream, downstream, cut_after)

    def close(self) -> None:
        self.running = False
        self.listener.close()


def _point_at(device: Device, url: str) -> None:
    with device.engine.begin() as conn:
        local.write_state(conn, {local.HUB_URL: url})


def test_a_flaky_link_still_converges(hub: Hub, devices: Any) -> None:
    a, b = devices("a"), devices("b")
    a.demo(300, seed=14)
    b.demo(200, seed=15)
    a.enroll(hub)
    b.enroll(hub)
    b.sync()
    link = FlakyLink(hub.port, drop=0.2, cut=0.2, delay=0.2)
    try:
        _point_at(a, link.url)
        for _attempt in range(12):
            try:
                result = a.sync(timeout=(2.0, 10.0))
            except client.SyncError:
                continue  # the link was too bad this time: the next sync carries on
            if result.pending == 0 and not result.cancelled:
                break
        else:
            pytest.fail(f"no sync got through in 12 tries over the flaky link: {link.counts}")
        a.sync(timeout=(2.0, 10.0))  # a last pass pulls anything a cut page left
    finally:
        link.close()
    assert link.counts["dropped"] + link.counts["cut"] > 0
    union = {**a.hashes(), **b.hashes()}
    assert a.hashes() == hub.latest() == union
    assert hub.versions() == len(union)


class BusyFirst:
    """An HTTP front to the hub that answers the first `busy` pushes "busy, come back in 1 s"
    (503 + Retry-After, as hub.gate does) and passes everything else through."""

    def __init__(self, target: str, busy: int) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        front = self
        self.busy_left = busy
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def _relay(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with front.lock:
                    turned_away = self.path.endswith("/push") and front.busy_left > 0
                    front.busy_left -= turned_away
                if turned_away:
                    self.send_response(503)
                    self.send_header("Retry-After", "1")
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write('{"detail": "busy", "detail_vi": "bận"}'.encode())
                    return
                skip = ("host", "content-length", "connection", "accept-encoding")
                answer = requests.request(
                    self.command,
                    target + self.path,
                    data=body,
                    headers={k: v for k, v in self.headers.items() if k.lower() not in skip},
                    timeout=60,
                )
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = _relay

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_busy_hub_is_waited_for_shown_as_progress_and_nothing_is_lost(hub: Hub, devices: Any) -> None:
    a = devices("a")
    a.demo(200, seed=16)
    a.enroll(hub)
    front = BusyFirst(hub.url, busy=2)
    moves: list[tuple[int, int, str]] = []
    try:
        _point_at(a, front.url)
        result = a.sync(progress=lambda done, total, phase: moves.append((done, total, phase)))
    finally:
        front.close()
    assert front.busy_left == 0 and not result.cancelled and result.pending == 0
    busy = [done for done, _total, phase in moves if phase == "busy"]
    assert len(busy) == 2 and all(1 <= seconds <= 2 for seconds in busy)  # Retry-After 1, jittered
    assert a.hashes() == hub.latest() and hub.versions() == len(a.hashes())


def _kill_run(hub: Hub, template_a: Path, folder: Path, rng: random.Random) -> str:
    """Copy device A, SIGKILL its `sync` at a random moment, sync again; returns the phase it died in."""
    shutil.copytree(template_a, folder)
    device = Device(folder)
    try:
        before = device.hashes()
        with device.engine.connect() as conn:
            pending_before = local.pending_count(conn)
        env = {**os.environ, "VOLUNTEER_KIT_HOME": str(folder)}
        process = subprocess.Popen(
            [sys.executable, "-m", "volunteer_kit", "sync"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.4, 3.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        with device.engine.connect() as conn:
            left = local.pending_count(conn)
            cursor = int(local.read_state(conn).get(local.PULL_CURSOR) or 0)
        if left == pending_before:
            phase = "before push"
        elif left:
            phase = "push"
        else:
            phase = "pull" if cursor < hub.query("SELECT max(seq) FROM hub_latest")[0][0] else "after pull"
        again = device.cli("sync")
        assert again.returncode == 0, again.stderr
        # Nothing lost, nothing twice: the hub holds each record once, the device everything.
        mine = device.hashes()
        assert set(before) <= set(mine)
        assert device.pending() == 0
        assert mine == hub.latest()
        assert hub.versions() == len(hub.latest())
        with device.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        return phase
    finally:
        device.close()


def _kill_runs(tmp_path: Path, runs: int, seed: int) -> Counter[str]:
    rng = random.Random(seed)
    templates = tmp_path / "templates"
    phases: Counter[str] = Counter()
    for run in range(runs):
        hub = Hub(tmp_path / f"hub-{run}")
        try:
            b = Device(tmp_path / f"b-{run}")
            b.demo(700, seed=100 + run)
            client.enroll(b.engine, hub.url, hub.code())
            client.sync(b.engine)  # B's records wait on the hub for A to pull
            b.close()
            template = templates / f"a-{run}"
            a = Device(template)
            a.demo(900, seed=200 + run)
            client.enroll(a.engine, hub.url, hub.code())
            a.close()
            phases[_kill_run(hub, template, tmp_path / f"a-{run}", rng)] += 1
        finally:
            hub.stop()
    return phases


def test_killing_the_client_during_push_and_pull_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    phases = _kill_runs(tmp_path, runs=3, seed=1)
    assert sum(phases.values()) == 3


@pytest.mark.slow
def test_killing_the_client_many_times_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    started = time.perf_counter()
    phases = _kill_runs(tmp_path, runs=50, seed=2)
    print(f"\n50 SIGKILL runs in {time.perf_counter() - started:.0f} s; killed during: {dict(phases)}")
    assert sum(phases.values()) == 50
    assert phases["push"] > 0 and phases["pull"] > 0
