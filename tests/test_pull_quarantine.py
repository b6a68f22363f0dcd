"""Defence in depth on the device: a record on the hub that this device cannot store (put straight
into the hub's database, past every check of the hub) is quarantined with its reason, and the sync
goes on with everything else, on a SQLite and a PostgreSQL hub."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete

from tests.test_hub_support import COMMUNE_A, Hub, hub, hub_db_url  # noqa: F401 - fixtures
from tests.test_hub_support import row as example_row
from volunteer_kit import paths
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.hub.db import province_of, writing
from volunteer_kit.hub.models import latest_t, record_t
from volunteer_kit.store.demo import load_demo
from volunteer_kit.store.devices import ensure_device, set_device_commune
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import client, incoming, local, outgoing, payload
from volunteer_kit.sync.transport import RetryPolicy

FAST = RetryPolicy(attempts=4, base_delay=0.05, max_delay=0.5)
ANCHOR = date(2026, 11, 20)


# --- helpers ---------------------------------------------------------------------------------------


def _laptop(folder: Path) -> Engine:
    folder.mkdir(parents=True, exist_ok=True)
    engine = open_store(folder / paths.DB_FILE_NAME)
    ensure_device(engine)
    return engine


def _sync(engine: Engine) -> client.SyncResult:
    return client.sync(engine, retry=FAST)


def _hashes(engine: Engine) -> dict[tuple[str, str], str]:
    """(table, id) -> content hash of every synced row this store holds."""
    found = {}
    with engine.connect() as conn:
        for table in SYNCED_TABLES:
            columns = payload.table_columns(table)
            for values in conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}"):
                data = payload.row_to_data(table, dict(zip(columns, values, strict=True)))
                found[(table, data["id"])] = payload.content_hash(data)
    return found


def _hub_latest(hub: Hub) -> dict[tuple[str, str], str]:  # noqa: F811
    with hub.engine.connect() as conn:
        rows = conn.execute(
            latest_t.select()
            .with_only_columns(latest_t.c.table_name, latest_t.c.record_id, latest_t.c.content_hash)
            .where(latest_t.c.commune_code == COMMUNE_A)
        ).all()
    return {(r[0], r[1]): r[2] for r in rows}


def row(table: str, device: str, **values: Any) -> dict[str, Any]:
    """A record's data with example values, its times in the wire form (so it round-trips)."""
    data = example_row(table, COMMUNE_A, device, **values)
    return {k: "2026-11-20T08:00:00.000000Z" if v == "2026-11-20 08:00:00" else v for k, v in data.items()}


def _hash(data: dict[str, Any], text: str) -> str:
    try:
        return payload.content_hash(data)
    except UnicodeEncodeError:  # a lone surrogate: no canonical form
        return hashlib.sha256(text.encode()).hexdigest()


def _plant(hub: Hub, table: str, data: dict[str, Any]) -> tuple[str, str]:  # noqa: F811
    """Put a version of a record straight into the hub's database (its record and latest tables),
    as if the hub's push checks had let it through; returns its (table, id)."""
    text = json.dumps(data, ensure_ascii=True)  # NaN stays NaN, a lone surrogate stays "\\ud800"
    content_hash = _hash(data, text)
    with writing(hub.engine) as conn:
        seq = conn.execute(
            record_t.insert().values(
                table_name=table,
                record_id=data["id"],
                commune_code=COMMUNE_A,
                device_id=data["created_by_device"],
                content_hash=content_hash,
                data=text,
                received_at=datetime.now(UTC),
                province_code=province_of(conn, COMMUNE_A),  # its partition on PostgreSQL
            )
        ).inserted_primary_key[0]
        conn.execute(
            delete(latest_t).where(latest_t.c.table_name == table, latest_t.c.record_id == data["id"])
        )
        conn.execute(
            latest_t.insert().values(
                table_name=table,
                record_id=data["id"],
                seq=seq,
                commune_code=COMMUNE_A,
                device_id=data["created_by_device"],
                content_hash=content_hash,
                anonymized=False,
            )
        )
    return table, data["id"]


def _pulled_quarantine(engine: Engine) -> dict[tuple[str, str], dict[str, Any]]:
    with engine.connect() as conn:
        return {(q["table"], q["id"]): q for q in local.list_quarantine(conn) if q["source"] == "pull"}


def _parked(engine: Engine) -> int:
    with engine.connect() as conn:
        return local.parked_count(conn)


@pytest.fixture
def officer(hub: Hub, tmp_path: Path) -> Iterator[Engine]:  # noqa: F811
    """The officer's laptop of the demo commune (40 learners), enrolled and synced."""
    engine = _laptop(tmp_path / "officer")
    load_demo(engine, learners=40, seed=5, anchor=ANCHOR, lessons_dir=paths.lessons_dir())
    client.enroll(engine, hub.url, hub.code(COMMUNE_A, "officer"), label="Máy cán bộ xã")
    first = _sync(engine)
    assert first.accepted == first.pushed > 0 and first.rejected == 0
    yield engine
    engine.dispose()


def _one(engine: Engine, sql: str) -> Any:
    with engine.connect() as conn:
        return conn.exec_driver_sql(sql).scalar()


# --- against a real hub ----------------------------------------------------------------------------


def test_bad_rows_on_the_hub_are_quarantined_and_a_fresh_device_syncs_the_rest(
    hub: Hub,  # noqa: F811
    officer: Engine,
    tmp_path: Path,
) -> None:
    device = _one(officer, "SELECT id FROM device WHERE is_this_device = 1")
    learner = _one(officer, "SELECT id FROM learner ORDER BY rowid LIMIT 1")
    session = _one(officer, "SELECT id FROM teaching_session ORDER BY rowid LIMIT 1")
    key_id = _one(officer, "SELECT key_id FROM issuer_key LIMIT 1")
    assert learner and session and key_id

    def quiz(**values: Any) -> dict[str, Any]:
        return row("quiz_attempt", device, learner_id=learner, question_count=5, **values)

    nameless = row("learner", device, full_name=None)
    bad = {
        _plant(hub, "quiz_attempt", quiz(correct_count=2**63)): "correct_count",
        _plant(hub, "learner", nameless): "full_name",
        _plant(hub, "learner", row("learner", device, birth_year="nineteen fifty")): "birth_year",
        _plant(hub, "quiz_attempt", quiz(score=math.nan)): "score",
        _plant(hub, "household", row("household", device, note="Nhà \ud800")): "note",
        # Passes every check of a single record; only the store's UNIQUE(key_id) refuses it.
        _plant(hub, "issuer_key", row("issuer_key", device, key_id=key_id)): "UNIQUE",
    }
    # A good record citing a quarantined one waits for a good version of it.
    waiting = _plant(
        hub, "attendance", row("attendance", device, session_id=session, learner_id=nameless["id"])
    )
    expected = {k: v for k, v in _hub_latest(hub).items() if k not in bad and k != waiting}

    fresh = _laptop(tmp_path / "volunteer")
    try:
        client.enroll(fresh, hub.url, hub.code(COMMUNE_A, "volunteer"), label="Máy tình nguyện viên")
        result = _sync(fresh)
        assert not result.cancelled and result.unstorable == len(bad)
        assert _hashes(fresh) == expected
        assert _parked(fresh) == 1
        quarantined = _pulled_quarantine(fresh)
        assert set(quarantined) == set(bad)
        for key, word in bad.items():
            assert word in quarantined[key]["reason"], quarantined[key]
            assert quarantined[key]["reason"].startswith("Received from the hub")
            assert quarantined[key]["reason_vi"].startswith("Nhận từ máy chủ nhưng không lưu được")
        # "Send again" is for what the hub refused: nothing of these is here to send.
        with fresh.begin() as conn:
            assert local.retry_quarantined(conn) == 0

        again = _sync(fresh)
        assert again.pulled == 0 and again.unstorable == 0
        assert _hashes(fresh) == expected and set(_pulled_quarantine(fresh)) == set(bad)
        with fresh.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        fresh.dispose()

    # The laptop that had synced before the bad rows came goes on too, its own records intact.
    own = _hashes(officer)
    later = _sync(officer)
    assert later.unstorable == len(bad) and later.pending == 0
    assert _hashes(officer) == own
    assert set(_pulled_quarantine(officer)) == set(bad)


def test_a_good_version_of_a_quarantined_record_takes_its_place(
    hub: Hub,  # noqa: F811
    officer: Engine,
    tmp_path: Path,
) -> None:
    device = _one(officer, "SELECT id FROM device WHERE is_this_device = 1")
    session = _one(officer, "SELECT id FROM teaching_session ORDER BY rowid LIMIT 1")
    nameless = row("learner", device, full_name=None)
    learner = _plant(hub, "learner", nameless)
    mark = _plant(hub, "attendance", row("attendance", device, session_id=session, learner_id=nameless["id"]))
    fresh = _laptop(tmp_path / "volunteer")
    try:
        client.enroll(fresh, hub.url, hub.code(COMMUNE_A, "volunteer"))
        _sync(fresh)
        assert set(_pulled_quarantine(fresh)) == {learner} and _parked(fresh) == 1

        _plant(hub, "learner", {**nameless, "full_name": "Lò Thị Mai", "revision": 2})
        result = _sync(fresh)
        assert result.unstorable == 0
        assert _pulled_quarantine(fresh) == {} and _parked(fresh) == 0
        assert {learner, mark} <= set(_hashes(fresh))
        assert _hashes(fresh) == _hub_latest(hub)
    finally:
        fresh.dispose()


# --- the page itself, without a hub ----------------------------------------------------------------


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Engine]:
    engine = _laptop(tmp_path / "other")
    with engine.begin() as conn:
        set_device_commune(conn, COMMUNE_A)
    yield engine
    engine.dispose()


def _as_pulled(engine: Engine) -> list[dict[str, Any]]:
    records = []
    for seq, item in enumerate(outgoing.iter_outgoing(engine, skip={}), start=1):
        data = json.loads(item.body)["data"]
        records.append({"seq": seq, "table": item.table, "id": item.id, "hash": item.hash, "data": data})
    return records


def _page_with_bad_records(demo_engine: Engine) -> tuple[list[dict[str, Any]], set[tuple[str, str]]]:
    """The demo's records as one pulled page, with a few this store cannot take mixed in."""
    records = _as_pulled(demo_engine)
    quiz = next(r for r in records if r["table"] == "quiz_attempt")
    learner = next(r for r in records if r["table"] == "learner")
    seq = len(records)
    bad = [
        {**quiz, "id": "q-too-big", "data": {**quiz["data"], "id": "q-too-big", "correct_count": 2**63}},
        {**learner, "id": "l-no-name", "data": {**learner["data"], "id": "l-no-name", "full_name": None}},
        {"table": "learner", "id": "l-no-data", "seq": 1, "data": "not a record"},
        {"table": "no_such_table", "id": "x", "seq": 1, "data": {"id": "x"}},
    ]
    for n, record in enumerate(bad, start=seq + 1):
        record["seq"] = n
    return records + bad, {(r["table"], r["id"]) for r in bad}


def test_the_cursor_and_the_quarantine_move_with_the_page_or_not_at_all(
    demo_engine: Engine, other_store: Engine
) -> None:
    page, bad = _page_with_bad_records(demo_engine)
    device = ensure_device(other_store)
    with pytest.raises(RuntimeError, match="the process stopped"):
        with other_store.begin() as conn:
            incoming.apply_page(conn, page, next_cursor=len(page), device_id=device, commune_code=COMMUNE_A)
            raise RuntimeError("the process stopped before the commit")
    assert _hashes(other_store) == {} and _pulled_quarantine(other_store) == {}
    with other_store.connect() as conn:
        assert local.PULL_CURSOR not in local.read_state(conn)

    with other_store.begin() as conn:
        outcome = incoming.apply_page(
            conn, page, next_cursor=len(page), device_id=device, commune_code=COMMUNE_A
        )
    assert outcome.quarantined == len(bad) and outcome.applied == len(page) - len(bad)
    assert set(_pulled_quarantine(other_store)) == bad
    assert _hashes(other_store) == _hashes(demo_engine)
    with other_store.connect() as conn:
        assert local.read_state(conn)[local.PULL_CURSOR] == str(len(page))
