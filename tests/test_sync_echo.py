"""What a sync reports as received: records other devices made or changed, never this device's own
records coming back from the hub after it pushed them. Real hub process on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.test_hub_support import COMMUNE_A, Hub, hub, hub_db_url  # noqa: F401 - fixtures
from volunteer_kit.store.demo import load_demo
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store
from volunteer_kit.store.sessions import save_session_notes
from volunteer_kit.sync import client
from volunteer_kit.sync.transport import RetryPolicy

ANCHOR = date(2026, 11, 20)
FAST = RetryPolicy(attempts=8, base_delay=0.05, max_delay=0.5)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Any]:
    """make(name, learners, seed): a fresh laptop's store with demo data of the demo commune."""
    engines: list[Any] = []

    def make(name: str, learners: int, seed: int) -> Any:
        engine = open_store(tmp_path / name / "volunteer-kit.sqlite3")
        engines.append(engine)
        ensure_device(engine)
        load_demo(engine, learners=learners, seed=seed, anchor=ANCHOR)
        return engine

    yield make
    for engine in engines:
        engine.dispose()


def _enroll(engine: Any, hub: Hub) -> None:  # noqa: F811
    client.enroll(engine, hub.url, hub.code(COMMUNE_A), label="laptop")


def _sync(engine: Any) -> client.SyncResult:
    return client.sync(engine, retry=FAST)


def test_a_first_sync_receives_nothing_and_then_counts_only_what_others_made(
    hub: Hub,  # noqa: F811
    laptops: Any,
) -> None:
    first = laptops("first", 40, 1)
    _enroll(first, hub)
    mine = _sync(first)
    assert mine.accepted == mine.pushed > 0 and mine.rejected == 0
    # Its own records all came back from the hub: none of them is news.
    assert mine.pulled == 0
    assert mine.pulled_total == mine.echoed == mine.accepted

    second = laptops("second", 30, 2)
    _enroll(second, hub)
    theirs = _sync(second)
    assert theirs.pulled == mine.accepted  # the first laptop's records, not its own
    assert theirs.echoed == theirs.accepted

    again = _sync(first)
    assert again.pushed == 0
    assert again.pulled == theirs.accepted and again.echoed == 0


def test_an_edit_by_another_laptop_is_received_and_a_quiet_sync_receives_nothing(
    hub: Hub,  # noqa: F811
    laptops: Any,
) -> None:
    first, second = laptops("first", 30, 1), laptops("second", 20, 2)
    for engine in (first, second):
        _enroll(engine, hub)
        _sync(engine)
    _sync(first)  # the second laptop's records arrive here
    assert _sync(first).pulled == 0
    with second.connect() as conn:  # one of the first laptop's sessions, noted on the second
        session_id = conn.exec_driver_sql(
            "SELECT id FROM teaching_session WHERE created_by_device != "
            "(SELECT id FROM device WHERE is_this_device = 1) LIMIT 1"
        ).scalar_one()
    with second.begin() as conn:
        save_session_notes(conn, session_id, "Mang thêm máy chiếu.")
    edited = _sync(second)
    assert edited.accepted == 1 and edited.pulled == 0
    assert _sync(first).pulled == 1


def test_the_command_line_reports_only_others_records(hub: Hub, laptops: Any, tmp_path: Path) -> None:  # noqa: F811
    others = laptops("others", 30, 1)
    _enroll(others, hub)
    theirs = _sync(others)
    folder = tmp_path / "laptop"
    assert run_cli("demo", "--learners", "20", "--seed", "3", data_dir=folder).returncode == 0
    enrolled = run_cli("enroll", "--hub", hub.url, "--code", hub.code(COMMUNE_A), data_dir=folder)
    assert enrolled.returncode == 0, enrolled.stderr
    first = run_cli("sync", "--json", data_dir=folder)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["pulled"] == theirs.accepted
    assert report["pulled_total"] == theirs.accepted + report["accepted"]
    quiet = run_cli("--lang", "vi", "sync", data_dir=folder)
    assert quiet.returncode == 0, quiet.stderr
    assert "Đã gửi 0/0 bản ghi, nhận 0;" in quiet.stdout
