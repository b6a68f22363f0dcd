"""Fixtures and helpers of the hub tests: a real hub process on 127.0.0.1, on SQLite and PostgreSQL.

Every hub test runs against SQLite; against PostgreSQL too when VK_TEST_POSTGRES_URL is set
(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test), each test in a schema of its own.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from volunteer_kit.errors import KnownError
from volunteer_kit.sync import payload
from volunteer_kit.sync.bundle_format import public_key_b64

ROOT = Path(__file__).resolve().parent.parent
PG_ENV = "VK_TEST_POSTGRES_URL"
COMMUNE_A = "00577"  # Xã Bát Tràng, the demo commune
COMMUNE_B = "00580"
HEADERS = {payload.PROTOCOL_HEADER: str(payload.PROTOCOL)}


def _pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def _pg_connect(base: str):
    import psycopg

    return psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The hub database of one test: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hubdata' / 'hub.sqlite3'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set")
    schema = f"vk_hub_test_{uuid.uuid4().hex[:12]}"
    with _pg_connect(base) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _pg_schema_url(base, schema)
    finally:
        with _pg_connect(base) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args: str, data_dir: Path, db: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VOLUNTEER_KIT_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "volunteer_kit", "--lang", "en", *args, "--db", db],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"exit {done.returncode}: {done.stderr}")
    return done


@dataclass
class Device:
    id: str
    token: str
    key: Ed25519PrivateKey
    commune_code: str
    role: str

    @property
    def auth(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.token}"}


@dataclass
class Hub:
    url: str
    data_dir: Path
    db_url: str
    process: subprocess.Popen
    engine: Any = None
    devices: list[Device] = field(default_factory=list)
    cert: Path | None = None  # the certificate it serves, when it serves https

    @property
    def api(self) -> str:
        return self.url + payload.API

    def code(self, commune: str = COMMUNE_A, role: str = "volunteer", **kw: Any) -> str:
        from volunteer_kit.hub import enrollment

        name = None if commune == COMMUNE_A else f"Xã {commune}"
        enrollment.ensure_commune(self.engine, commune, name, "01")
        return enrollment.make_enroll_code(self.engine, commune_code=commune, role=role, **kw)["code"]

    def enroll(self, commune: str = COMMUNE_A, role: str = "volunteer") -> Device:
        key = Ed25519PrivateKey.generate()
        device_id = str(uuid.uuid4())
        r = requests.post(
            f"{self.api}/enroll",
            json={
                "code": self.code(commune, role),
                "device_id": device_id,
                "label": f"{role} laptop",
                "public_key": public_key_b64(key),
            },
            timeout=10,
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["commune_code"] == commune and body["role"] == role
        device = Device(device_id, body["token"], key, commune, role)
        self.devices.append(device)
        return device

    def push(self, device: Device, records: list[dict], *, compress: bool = False) -> requests.Response:
        body = json.dumps({"device_id": device.id, "records": records}).encode()
        headers = {**device.auth, "Content-Type": "application/json"}
        if compress:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return requests.post(f"{self.api}/push", data=body, headers=headers, timeout=60)

    def push_ok(self, device: Device, records: list[dict]) -> list[dict]:
        r = self.push(device, records)
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def pull(self, device: Device, after: int = 0, limit: int | None = None) -> dict:
        params = {"after": after} | ({"limit": limit} if limit else {})
        r = requests.get(f"{self.api}/pull", params=params, headers=device.auth, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()

    def pull_all(self, device: Device) -> list[dict]:
        out, after = [], 0
        while True:
            page = self.pull(device, after)
            out += page["records"]
            after = page["next"]
            if not page["more"]:
                return out

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


@pytest.fixture
def hub(hub_db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Hub]:
    """A real hub process (`python -m volunteer_kit hub serve`) on a free port of 127.0.0.1,
    with the options of the test's `hub_args` mark if it has one."""
    marker = request.node.get_closest_marker("hub_args")
    extra = [str(a) for a in marker.args] if marker else []
    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.hub.serve import local_hub_session, served_certificate

    data_dir = tmp_path / "hubdata"
    data_dir.mkdir(exist_ok=True)
    port = free_port()
    log = (tmp_path / "hub-stderr.txt").open("w")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("VOLUNTEER_KIT_HOME", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "volunteer_kit",
            "hub",
            "serve",
            "--data-dir",
            str(data_dir),
            "--port",
            str(port),
            "--db",
            hub_db_url,
            *extra,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )
    cert = served_certificate(data_dir, extra)  # --self-signed / --tls-cert: https, pinned here
    url = f"{'https' if cert else 'http'}://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with local_hub_session(url, cert) as session:
                if session.get(f"{url}{payload.API}/health", timeout=1).status_code == 200:
                    break
        # refused while starting, slow on a busy machine, or its certificate not written yet
        except (requests.RequestException, OSError, KnownError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.close()
            raise AssertionError("the hub did not start: " + (tmp_path / "hub-stderr.txt").read_text())
        time.sleep(0.1)
    the_hub = Hub(url=url, data_dir=data_dir, db_url=hub_db_url, process=process, cert=cert)
    the_hub.engine = open_hub_engine(hub_db_url)
    try:
        yield the_hub
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        the_hub.engine.dispose()


# ---------------------------------------------------------------- records

_EXAMPLE = {"Boolean": False, "Integer": 1, "Float": 0.0, "DateTime": "2026-11-20 08:00:00"}


def row(table: str, commune: str, device: str, **values: Any) -> dict[str, Any]:
    """A full row of a synced table with plain example values, then `values`."""
    from volunteer_kit.core import models

    out: dict[str, Any] = {}
    for column in models.SQLModel.metadata.tables[table].columns:
        kind = type(getattr(column.type, "impl", column.type)).__name__
        if column.name in payload.LOCAL_COLUMNS:
            continue
        # A text column's own default where it has one (an enum column takes only its values).
        default = getattr(column.default, "arg", None)
        text = default if isinstance(default, str) and default else "x"
        out[column.name] = None if column.nullable else _EXAMPLE.get(kind, text)
    out.update(id=str(uuid.uuid4()), commune_code=commune, created_by_device=device)
    if table == "learner":
        out.update(full_name="Nguyễn Thị Hằng", phone="0912345678", birth_year=1956, groups=",elderly,")
    out.update(values)
    return out


def record(
    table: str, device: Device, *, commune: str | None = None, base_seq: int | None = None, **values: Any
) -> dict[str, Any]:
    return payload.make_record(
        table, row(table, commune or device.commune_code, device.id, **values), base_seq
    )


def edited(rec: dict[str, Any], base_seq: int | None, **changes: Any) -> dict[str, Any]:
    data = {**rec["data"], **changes}
    return {**rec, "data": data, "hash": payload.content_hash(data), "base_seq": base_seq}
