"""PostgreSQL as the hub's engine: records partitioned by province, pulls from a read replica,
pools sized per process, and hub migrations that keep data, back up first and refuse a newer
database (on SQLite too, where the question applies)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
import test_hub_support
from alembic import command
from sqlalchemy import Engine, text
from test_hub_support import COMMUNE_A, PG_ENV, ROOT, Hub, free_port, record, row

from volunteer_kit.hub import enrollment
from volunteer_kit.hub.db import default_pool_size, make_hub_engine, open_hub_engine, sqlite_file
from volunteer_kit.hub.enrollment import Actor
from volunteer_kit.hub.gate import AT_ONCE
from volunteer_kit.hub.migrations import (
    VERSION_TABLE,
    HubDatabaseTooNew,
    alembic_config,
    head_revision,
)
from volunteer_kit.hub.pull import _PG_PULL_PAGE
from volunteer_kit.hub.push import apply_records
from volunteer_kit.sync import payload

hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

HANOI, SAIGON = "01", "79"
COMMUNE_SAIGON = "26734"  # a made-up commune of Hồ Chí Minh City (the hub is told its province)
COMMUNE_NOWHERE = "99001"  # a commune the hub has no province for: the DEFAULT partition


# Tests of what only PostgreSQL has: run on it alone (skipped when VK_TEST_POSTGRES_URL is not set).
postgresql_only = pytest.mark.parametrize("hub_db_url", ["postgresql"], indirect=True)


def _postgresql(url: str) -> bool:
    return url.startswith("postgresql")


def _scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _partitions(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                    "WHERE i.inhparent = 'hub_record'::regclass ORDER BY 1"
                )
            ).scalars()
        )


def _fact(table: str, device_id: str, commune: str) -> dict[str, object]:
    """A push record as a laptop of `commune` makes it."""
    return payload.make_record(table, row(table, commune, device_id), None)


# ---------------------------------------------------------------- partitions and pruning


def test_records_are_filed_under_their_communes_province(hub: Hub) -> None:
    dev = hub.enroll(COMMUNE_A)
    results = hub.push_ok(dev, [record("household", dev) for _ in range(4)])
    assert {r["status"] for r in results} == {"accepted"}
    with hub.engine.connect() as conn:
        provinces = conn.execute(text("SELECT DISTINCT province_code FROM hub_record")).scalars().all()
    assert provinces == [HANOI]
    if _postgresql(hub.db_url):
        assert _scalar(hub.engine, f"SELECT count(*) FROM hub_record_p{HANOI}") == 4
        assert _scalar(hub.engine, "SELECT count(*) FROM hub_record_default") == 0
        assert len(_partitions(hub.engine)) == 35  # the 34 provinces and DEFAULT
    assert [r["id"] for r in hub.pull_all(dev)] == [r["id"] for r in results]


@postgresql_only
def test_a_pull_reads_one_partition_on_postgresql(hub_db_url: str) -> None:
    engine = open_hub_engine(hub_db_url)
    try:
        enrollment.ensure_commune(engine, COMMUNE_A)
        enrollment.ensure_commune(engine, COMMUNE_SAIGON, "Phường Thử", SAIGON)
        for commune in (COMMUNE_A, COMMUNE_SAIGON):
            actor = Actor(str(uuid.uuid4()), commune, "volunteer")
            apply_records(engine, actor, [_fact("household", actor.device_id, commune) for _ in range(20)])
        with engine.connect() as conn:
            conn.execute(text("ANALYZE hub_record"))
            params = {"commune": COMMUNE_A, "province": HANOI, "after": 0, "limit": 500}
            plan = "\n".join(conn.execute(text(f"EXPLAIN {_PG_PULL_PAGE.text}"), params).scalars())
        partitions = _partitions(engine)
    finally:
        engine.dispose()
    assert f"hub_record_p{HANOI}" in plan, plan
    others = [name for name in partitions if name != f"hub_record_p{HANOI}"]
    assert len(others) == 34 and not [name for name in others if name in plan], plan


def test_a_commune_given_another_province_takes_its_records_along(hub: Hub) -> None:
    # A commune the hub knows with no province: its records are in DEFAULT, then it gets one.
    dev = hub.enroll(COMMUNE_NOWHERE)
    enrollment.ensure_commune(hub.engine, COMMUNE_NOWHERE, "Xã Chưa Rõ", "")
    pushed = hub.push_ok(dev, [record("household", dev) for _ in range(3)])
    assert _scalar(hub.engine, "SELECT count(*) FROM hub_record WHERE province_code = ''") == 3
    enrollment.ensure_commune(hub.engine, COMMUNE_NOWHERE, "Xã Chưa Rõ", SAIGON)
    assert _scalar(hub.engine, "SELECT count(*) FROM hub_record WHERE province_code = :p", p=SAIGON) == 3
    if _postgresql(hub.db_url):
        assert _scalar(hub.engine, f"SELECT count(*) FROM hub_record_p{SAIGON}") == 3
        assert _scalar(hub.engine, "SELECT count(*) FROM hub_record_default") == 0
    assert sorted(r["seq"] for r in hub.pull_all(dev)) == sorted(r["seq"] for r in pushed)


@postgresql_only
def test_a_new_province_gets_its_partition_and_its_records(hub: Hub) -> None:
    dev = hub.enroll(COMMUNE_NOWHERE)
    enrollment.ensure_commune(hub.engine, COMMUNE_NOWHERE, "Xã Chưa Rõ", "")  # no province: DEFAULT
    pushed = hub.push_ok(dev, [record("household", dev) for _ in range(3)])
    assert _scalar(hub.engine, "SELECT count(*) FROM hub_record_default") == 3
    enrollment.ensure_commune(hub.engine, COMMUNE_NOWHERE, "Xã Chưa Rõ", "07")  # a code of no 2025 province
    assert "hub_record_p07" in _partitions(hub.engine) and len(_partitions(hub.engine)) == 36
    assert _scalar(hub.engine, "SELECT count(*) FROM hub_record_p07") == 3
    assert _scalar(hub.engine, "SELECT count(*) FROM hub_record_default") == 0
    more = hub.push_ok(dev, [record("household", dev)])
    assert _scalar(hub.engine, "SELECT count(*) FROM hub_record_p07") == 4
    assert [r["seq"] for r in hub.pull_all(dev)] == [r["seq"] for r in pushed + more]


# ---------------------------------------------------------------- read replica


@pytest.fixture
def replica_url(hub_db_url: str) -> Iterator[str]:
    """A second PostgreSQL schema standing in for a read replica of the test's database."""
    base = os.environ[PG_ENV]
    schema = f"vk_hub_replica_{uuid.uuid4().hex[:12]}"
    with test_hub_support._pg_connect(base) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield test_hub_support._pg_schema_url(base, schema)
    finally:
        with test_hub_support._pg_connect(base) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _schema(url: str) -> str:
    return url.rsplit("%3D", 1)[1]


def _replicate(primary_url: str, replica_url: str) -> None:
    """Copy what a pull reads from the primary's schema to the replica's (one database, two schemas)."""
    source, target = _schema(primary_url), _schema(replica_url)
    with test_hub_support._pg_connect(os.environ[PG_ENV]) as conn:
        for table in ("hub_commune", "hub_latest", "hub_record"):
            conn.execute(f'DELETE FROM "{target}".{table}')
            conn.execute(f'INSERT INTO "{target}".{table} SELECT * FROM "{source}".{table}')


def _serve(tmp_path: Path, db: str, *extra: str) -> tuple[subprocess.Popen[bytes], str, Path]:
    """A `hub serve` process on a free port, its output in a file; (process, URL, that file)."""
    port = free_port()
    data_dir = tmp_path / "hubdata"
    data_dir.mkdir(exist_ok=True)
    out = tmp_path / "hub-output.txt"
    with out.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "volunteer_kit",
                "--lang",
                "en",
                "hub",
                "serve",
                "--data-dir",
                str(data_dir),
            ]
            + ["--port", str(port), "--db", db, *extra],
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    return process, f"http://127.0.0.1:{port}", out


def _wait_healthy(process: subprocess.Popen[bytes], url: str, out: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("the hub stopped: " + out.read_text(encoding="utf-8"))
        try:
            if requests.get(f"{url}{payload.API}/health", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise AssertionError("the hub did not start: " + out.read_text(encoding="utf-8"))


@postgresql_only
def test_pulls_come_from_the_read_replica_and_its_lag_delays_never_loses(
    hub_db_url: str, replica_url: str, tmp_path: Path
) -> None:
    open_hub_engine(replica_url).dispose()  # the replica holds the hub's schema, as a copy would
    process, url, out = _serve(tmp_path, hub_db_url, "--db-read", replica_url)
    try:
        _wait_healthy(process, url, out)
        the_hub = Hub(url=url, data_dir=tmp_path / "hubdata", db_url=hub_db_url, process=process)
        the_hub.engine = open_hub_engine(hub_db_url)
        dev = the_hub.enroll(COMMUNE_A)  # the token is known on the primary only: still served
        first = the_hub.push_ok(dev, [record("household", dev) for _ in range(3)])
        empty = the_hub.pull(dev)  # not replicated yet: nothing, no error, the cursor stays
        assert empty["records"] == [] and empty["next"] == 0
        _replicate(hub_db_url, replica_url)
        assert [r["id"] for r in the_hub.pull(dev)["records"]] == [r["id"] for r in first]
        # Lag: a push the replica has not seen is not pulled, and the cursor stays before it.
        cursor = max(r["seq"] for r in first)
        [later] = the_hub.push_ok(dev, [record("household", dev)])
        lagging = the_hub.pull(dev, after=cursor)
        assert lagging["records"] == [] and lagging["next"] == cursor
        _replicate(hub_db_url, replica_url)
        caught_up = the_hub.pull(dev, after=cursor)
        assert [r["seq"] for r in caught_up["records"]] == [later["seq"]]
        # A record present only in the replica is what the pull returns.
        ghost = str(uuid.uuid4())
        replica = make_hub_engine(replica_url)
        with replica.begin() as conn:
            values = {"id": ghost, "c": COMMUNE_A, "d": dev.id, "h": "0" * 64, "s": later["seq"] + 1000}
            conn.execute(
                text(
                    "INSERT INTO hub_record (seq, table_name, record_id, commune_code, device_id, "
                    "content_hash, data, received_at, province_code) VALUES (:s, 'household', :id, "
                    ":c, :d, :h, '{}', :now, :p)"
                ),
                {**values, "now": datetime.now(UTC), "p": HANOI},
            )
            conn.execute(
                text(
                    "INSERT INTO hub_latest (table_name, record_id, seq, commune_code, device_id, "
                    "content_hash, anonymized) VALUES ('household', :id, :s, :c, :d, :h, false)"
                ),
                values,
            )
            conn.execute(
                text(
                    "INSERT INTO hub_publisher (key_id, seq, name, public_key, added_at) "
                    "VALUES ('replicaonly00001', 1, 'Chỉ có ở bản sao', :k, :now)"
                ),
                {"k": "A" * 43 + "=", "now": datetime.now(UTC)},
            )
        replica.dispose()
        assert [r["id"] for r in the_hub.pull(dev, after=later["seq"])["records"]] == [ghost]
        # The pack feed reads the replica too.
        feed = requests.get(f"{the_hub.api}/packs", headers=dev.auth, timeout=10)
        assert feed.status_code == 200, feed.text
        assert [k["key_id"] for k in feed.json()["publishers"]] == ["replicaonly00001"]
        the_hub.engine.dispose()
    finally:
        process.terminate()
        process.wait(timeout=10)


@postgresql_only
@pytest.mark.parametrize(
    "read_url",
    ["sqlite:///{tmp}/replica.sqlite3", "{empty}"],
    ids=["not-postgresql", "no-hub-schema"],
)
def test_a_read_database_that_cannot_serve_is_refused_in_one_line(
    hub_db_url: str, replica_url: str, tmp_path: Path, read_url: str
) -> None:
    url = read_url.format(tmp=tmp_path, empty=replica_url)
    process, _url, out_file = _serve(tmp_path, hub_db_url, "--db-read", url)
    try:
        process.wait(timeout=60)
    finally:
        process.kill()
    out = out_file.read_text(encoding="utf-8")
    assert process.returncode != 0
    assert len([line for line in out.splitlines() if line.strip()]) == 1 and "Traceback" not in out, out
    assert ("--db-read" if url.startswith("sqlite") else _schema(replica_url)) in out, out


# ---------------------------------------------------------------- pools


@postgresql_only
def test_the_pool_is_sized_for_the_gate_unless_told(hub_db_url: str) -> None:
    engine = make_hub_engine(hub_db_url)
    sized = make_hub_engine(hub_db_url, pool_size=7)
    try:
        assert engine.pool.size() == default_pool_size() == AT_ONCE + 3  # type: ignore[attr-defined]
        assert sized.pool.size() == 7  # type: ignore[attr-defined]
    finally:
        engine.dispose()
        sized.dispose()


# ---------------------------------------------------------------- migrations


def _at_0006_with_records(url: str) -> tuple[int, list[str]]:
    """A hub database at revision 0006 holding records of three communes (Hà Nội, Hồ Chí Minh
    City, one with no province); returns the largest seq and the records' ids, in seq order."""
    engine = make_hub_engine(url)
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    try:
        command.upgrade(alembic_config(engine), "0006")
        ids = []
        with engine.begin() as conn:
            for code, name, province in (
                (COMMUNE_A, "Xã Bát Tràng", HANOI),
                (COMMUNE_SAIGON, "Phường Thử", SAIGON),
                (COMMUNE_NOWHERE, "Xã Chưa Rõ", ""),
            ):
                conn.execute(
                    text("INSERT INTO hub_commune (code, name, province_code) VALUES (:c, :n, :p)"),
                    {"c": code, "n": name, "p": province},
                )
            for n in range(9):
                commune = (COMMUNE_A, COMMUNE_SAIGON, COMMUNE_NOWHERE)[n % 3]
                rid = str(uuid.uuid4())
                ids.append(rid)
                seq = conn.execute(
                    text(
                        "INSERT INTO hub_record (table_name, record_id, commune_code, device_id, "
                        "content_hash, data, received_at) VALUES ('household', :id, :c, 'd', :h, '{}', :now) "
                        "RETURNING seq"
                    ),
                    {"id": rid, "c": commune, "h": f"{n:064d}", "now": datetime.now(UTC)},
                ).scalar()
                conn.execute(
                    text(
                        "INSERT INTO hub_latest (table_name, record_id, seq, commune_code, device_id, "
                        "content_hash, anonymized) VALUES ('household', :id, :s, :c, 'd', :h, false)"
                    ),
                    {"id": rid, "s": seq, "c": commune, "h": f"{n:064d}"},
                )
            top = conn.execute(text("SELECT max(seq) FROM hub_record")).scalar()
    finally:
        engine.dispose()
    return int(top), ids


def test_migrating_from_0006_keeps_every_record_and_the_sequence(hub_db_url: str) -> None:
    top, ids = _at_0006_with_records(hub_db_url)
    engine = open_hub_engine(hub_db_url)
    try:
        assert _scalar(engine, f"SELECT version_num FROM {VERSION_TABLE}") == head_revision()
        with engine.connect() as conn:
            kept = conn.execute(
                text("SELECT record_id, commune_code, province_code FROM hub_record ORDER BY seq")
            ).all()
        assert [r[0] for r in kept] == ids
        provinces = {COMMUNE_A: HANOI, COMMUNE_SAIGON: SAIGON, COMMUNE_NOWHERE: ""}
        assert all(province == provinces[commune] for _id, commune, province in kept)
        if _postgresql(hub_db_url):
            assert _scalar(engine, f"SELECT count(*) FROM hub_record_p{HANOI}") == 3
            assert _scalar(engine, f"SELECT count(*) FROM hub_record_p{SAIGON}") == 3
            assert _scalar(engine, "SELECT count(*) FROM hub_record_default") == 3
            assert (
                _scalar(
                    engine,
                    "SELECT count(*) FROM pg_trigger "
                    "WHERE tgrelid = 'hub_latest'::regclass AND tgname = 'hub_latest_commune_fixed'",
                )
                == 1
            )
        # The next record gets the next number, and a pull of each commune finds its own.
        actor = Actor(str(uuid.uuid4()), COMMUNE_SAIGON, "volunteer")
        [result] = apply_records(engine, actor, [_fact("household", actor.device_id, COMMUNE_SAIGON)])
        assert result["status"] == "accepted" and result["seq"] > top
        from volunteer_kit.hub.pull import pull_page

        items, _last, _more = pull_page(engine, commune_code=COMMUNE_SAIGON, after=0, limit=100)
        assert items.count('"table":"household"') == 4 and ids[1] in items and ids[0] not in items
        items, _last, _more = pull_page(engine, commune_code=COMMUNE_NOWHERE, after=0, limit=100)
        assert items.count('"table":"household"') == 3
    finally:
        engine.dispose()
    file = sqlite_file(hub_db_url)
    if file is not None:
        [backup] = list(file.parent.glob(f"{file.name}.before-{head_revision()}-*"))
        copy = sqlite3.connect(backup)
        try:
            assert copy.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone() == ("0006",)
            assert copy.execute("SELECT count(*) FROM hub_record").fetchone() == (9,)
        finally:
            copy.close()
        assert backup.stat().st_mode & 0o077 == 0 or os.name != "posix"


def test_the_partitions_can_be_undone_and_made_again(hub_db_url: str) -> None:
    top, ids = _at_0006_with_records(hub_db_url)
    open_hub_engine(hub_db_url).dispose()
    engine = make_hub_engine(hub_db_url)
    try:
        command.downgrade(alembic_config(engine), "0007")
        assert _scalar(engine, "SELECT count(*) FROM hub_record") == 9
        if _postgresql(hub_db_url):
            assert _partitions(engine) == []
        command.upgrade(alembic_config(engine), "head")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT record_id FROM hub_record ORDER BY seq")).scalars().all() == ids
        actor = Actor(str(uuid.uuid4()), COMMUNE_A, "volunteer")
        [result] = apply_records(engine, actor, [_fact("household", actor.device_id, COMMUNE_A)])
        assert result["seq"] > top
    finally:
        engine.dispose()


def test_a_database_of_a_newer_version_is_refused_and_left_as_it_was(hub_db_url: str) -> None:
    open_hub_engine(hub_db_url).dispose()
    engine = make_hub_engine(hub_db_url)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0999'"))
    engine.dispose()
    file = sqlite_file(hub_db_url)
    before = file.read_bytes() if file is not None else b""
    with pytest.raises(HubDatabaseTooNew) as refused:
        open_hub_engine(hub_db_url)
    assert refused.value.vi == (
        "Cơ sở dữ liệu máy chủ mới hơn phiên bản này (lược đồ 0999); hãy cập nhật Volunteer Kit."
    )
    assert (
        refused.value.en == "The hub database is newer than this version (schema 0999); update Volunteer Kit."
    )
    if file is not None:
        assert file.read_bytes() == before
        assert not list(file.parent.glob("*.before-*"))
    engine = make_hub_engine(hub_db_url)
    try:
        assert _scalar(engine, f"SELECT version_num FROM {VERSION_TABLE}") == "0999"
    finally:
        engine.dispose()


@postgresql_only
def test_two_processes_starting_together_migrate_once(hub_db_url: str) -> None:
    _top, ids = _at_0006_with_records(hub_db_url)
    script = (
        "import sys; from volunteer_kit.hub.db import open_hub_engine; open_hub_engine(sys.argv[1]).dispose()"
    )
    starts = [
        subprocess.Popen([sys.executable, "-c", script, hub_db_url], cwd=ROOT, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for process in starts:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    engine = make_hub_engine(hub_db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT record_id FROM hub_record ORDER BY seq")).scalars().all() == ids
        assert len(_partitions(engine)) == 35
        assert _scalar(engine, f"SELECT version_num FROM {VERSION_TABLE}") == head_revision()
    finally:
        engine.dispose()
