"""Who may write what, as an attacker with one volunteer's token would try it against a real hub
(SQLite, and PostgreSQL when VK_TEST_POSTGRES_URL is set): docs/security.md "Who may write what".

Judged by outcome: the victim's records as another device sees them after pulling, the officer's
laptop after its own sync, the audit trail an officer lists.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import test_hub_support
from test_hub_support import COMMUNE_A, Device, Hub, edited, record, run_cli

from volunteer_kit.core.clock import utcnow
from volunteer_kit.hub.db import province_of
from volunteer_kit.hub.models import latest_t, record_t
from volunteer_kit.store.devices import ensure_device, profile, save_profile
from volunteer_kit.store.engine import open_store
from volunteer_kit.store.learners import register_learner, withdraw_consent
from volunteer_kit.sync import client, local, payload

hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

NAME, PHONE = "Nguyễn Thị Hằng Nga", "0912345678"


class Laptop:
    """A real store enrolled with the hub, synced the way the app syncs."""

    def __init__(self, the_hub: Hub, folder: Path, role: str) -> None:
        folder.mkdir(parents=True)
        self.engine = open_store(folder / "volunteer-kit.sqlite3")
        self.id = ensure_device(self.engine)
        client.enroll(self.engine, the_hub.url, the_hub.code(COMMUNE_A, role), label=f"{role} laptop")

    def sync(self) -> client.SyncResult:
        return client.sync(self.engine)

    def one(self, sql: str, *params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(sql, params).first()

    def register(self, name: str, phone: str | None = PHONE) -> str:
        with self.engine.begin() as conn:
            learner_id = register_learner(conn, full_name=name, birth_year=1956, allow_duplicate=True).id
            conn.exec_driver_sql("UPDATE learner SET phone = ? WHERE id = ?", (phone, learner_id))
        return learner_id


@pytest.fixture
def laptops(hub: Hub, tmp_path: Path) -> Iterator[Any]:
    made: list[Laptop] = []

    def make(name: str, role: str = "volunteer") -> Laptop:
        laptop = Laptop(hub, tmp_path / name, role)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.engine.dispose()


@pytest.fixture
def officer(laptops: Any) -> Laptop:
    """The officer's laptop: its user's profile, and one learner it registered, on the hub."""
    laptop = laptops("officer", "officer")
    with laptop.engine.begin() as conn:
        save_profile(conn, full_name="Trần Văn Cán", phone="")
    laptop.learner_id = laptop.register(NAME)
    laptop.sync()
    return laptop


def _latest(hub: Hub, device: Device, table: str, record_id: str) -> dict[str, Any]:
    """The record as the hub serves it, ready to be edited and pushed back."""
    found = [r for r in hub.pull_all(device) if r["table"] == table and r["id"] == record_id]
    assert found, f"{table} {record_id} not on the hub"
    r = found[-1]
    return {**r, "commune_code": r["data"]["commune_code"], "base_seq": r["seq"]}


def _refused(results: list[dict]) -> None:
    assert [r["status"] for r in results] == ["rejected"] * len(results), results
    assert all(r["reason"] and r["reason_vi"] for r in results)


def _erased(rec: dict[str, Any]) -> dict[str, Any]:
    blank = {c: (None if c in ("phone", "birth_year") else "") for c in payload.IDENTIFYING_LEARNER_COLUMNS}
    return edited(rec, rec["base_seq"], anonymized=True, **blank)


def _history(hub: Hub, learner_id: str) -> list[str]:
    with hub.engine.connect() as conn:
        return list(
            conn.execute(
                record_t.select()
                .with_only_columns(record_t.c.data)
                .where(record_t.c.table_name == "learner", record_t.c.record_id == learner_id)
            ).scalars()
        )


def _seen_by_a_fresh_laptop(laptops: Any, learner_id: str) -> tuple[Any, ...]:
    fresh = laptops(f"fresh-{uuid.uuid4().hex[:8]}")
    fresh.sync()
    return fresh.one("SELECT full_name, phone, anonymized, deleted FROM learner WHERE id = ?", learner_id)


def _erasures(hub: Hub, device: Device) -> list[dict[str, Any]]:
    r = requests.get(f"{hub.api}/erasures", headers=device.auth, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["erasures"]


# ---------------------------------------------------------------- refused


def test_a_volunteer_cannot_erase_another_devices_learner_without_a_withdrawal(
    hub: Hub, officer: Laptop, laptops: Any
) -> None:
    mallory = hub.enroll()
    learner = _latest(hub, mallory, "learner", officer.learner_id)
    _refused(hub.push_ok(mallory, [_erased(learner)]))
    assert _seen_by_a_fresh_laptop(laptops, officer.learner_id) == (NAME, PHONE, 0, 0)
    assert all(NAME in data for data in _history(hub, officer.learner_id))
    # A withdrawal of another commune's learner, or one forged as another device's, is no withdrawal.
    forged = record(
        "consent",
        mallory,
        learner_id=officer.learner_id,
        action="withdrawn",
        given_by="self",
        created_by_device=officer.id,
        recorded_by=None,
    )
    _refused(hub.push_ok(mallory, [forged, _erased(learner)]))
    assert _seen_by_a_fresh_laptop(laptops, officer.learner_id) == (NAME, PHONE, 0, 0)


def test_a_volunteer_cannot_delete_another_devices_learner(hub: Hub, officer: Laptop, laptops: Any) -> None:
    mallory = hub.enroll()
    learner = _latest(hub, mallory, "learner", officer.learner_id)
    _refused(hub.push_ok(mallory, [edited(learner, learner["base_seq"], deleted=True)]))
    assert _seen_by_a_fresh_laptop(laptops, officer.learner_id) == (NAME, PHONE, 0, 0)
    # Correcting the phone number another device registered is what volunteers share.
    fixed = edited(learner, learner["base_seq"], phone="0987654321")
    assert hub.push_ok(mallory, [fixed])[0]["status"] == "accepted"
    assert _seen_by_a_fresh_laptop(laptops, officer.learner_id) == (NAME, "0987654321", 0, 0)


def test_a_volunteer_cannot_merge_learners(hub: Hub, officer: Laptop) -> None:
    mallory = hub.enroll()
    mine = record("learner", mallory)
    assert hub.push_ok(mallory, [mine])[0]["status"] == "accepted"
    learner = _latest(hub, mallory, "learner", officer.learner_id)
    merge = record(
        "learner_merge",
        mallory,
        kept_id=mine["id"],
        merged_id=officer.learner_id,
        merged_by=None,
        moved_facts=0,
    )
    merged = edited(learner, learner["base_seq"], deleted=True, merged_into_id=mine["id"])
    _refused(hub.push_ok(mallory, [merge]))
    _refused(hub.push_ok(mallory, [merged]))
    officer.sync()
    assert officer.one("SELECT deleted, merged_into_id FROM learner WHERE id = ?", officer.learner_id) == (
        0,
        None,
    )


def test_a_volunteer_cannot_rewrite_the_officers_profile(hub: Hub, officer: Laptop) -> None:
    mallory = hub.enroll()
    me = officer.one("SELECT id FROM volunteer WHERE is_me = 1")[0]
    theirs = _latest(hub, mallory, "volunteer", me)
    _refused(
        hub.push_ok(mallory, [edited(theirs, theirs["base_seq"], role="volunteer", full_name="Kẻ gian")])
    )
    officer.sync()
    with officer.engine.connect() as conn:
        assert profile(conn).role == "officer"
    assert officer.one("SELECT full_name, role, is_me FROM volunteer WHERE id = ?", me) == (
        "Trần Văn Cán",
        "officer",
        1,
    )


def test_a_pushed_profile_never_makes_a_second_me(hub: Hub, officer: Laptop) -> None:
    mallory = hub.enroll()
    data = {**record("volunteer", mallory, full_name="Kẻ gian", role="officer")["data"], "is_me": True}
    as_officer = {**data, "id": str(uuid.uuid4()), "created_by_device": officer.id}
    pushed = [
        {
            "table": "volunteer",
            "id": d["id"],
            "commune_code": COMMUNE_A,
            "hash": payload.content_hash(d),
            "data": d,
        }
        for d in (data, as_officer)
    ]
    _refused(hub.push_ok(mallory, pushed))
    # Defence in depth: a profile holding is_me that a hub stored before (or that got past it).
    _plant(hub, "volunteer", {**as_officer, "id": str(uuid.uuid4())})
    officer.sync()
    assert officer.one("SELECT count(*) FROM volunteer WHERE is_me = 1")[0] == 1
    assert officer.one("SELECT count(*) FROM volunteer WHERE full_name = 'Kẻ gian'")[0] == 1
    with officer.engine.connect() as conn:
        assert profile(conn).full_name == "Trần Văn Cán"


def test_created_by_device_must_be_the_pushing_device_on_create(hub: Hub, officer: Laptop) -> None:
    mallory = hub.enroll()
    forged = [
        record("learner", mallory, created_by_device=officer.id),
        record("household", mallory, created_by_device=officer.id, hamlet="Thôn Giang Cao"),
    ]
    _refused(hub.push_ok(mallory, forged))
    # Nor may an edit make another device's record one's own (and so one's own to delete).
    learner = _latest(hub, mallory, "learner", officer.learner_id)
    _refused(hub.push_ok(mallory, [edited(learner, learner["base_seq"], created_by_device=mallory.id)]))


def _plant(hub: Hub, table: str, data: dict[str, Any]) -> None:
    """A record written straight into the hub's database, as no push could."""
    text = payload.canonical(data).decode("utf-8")
    with hub.engine.begin() as conn:
        seq = conn.execute(
            record_t.insert()
            .values(
                table_name=table,
                record_id=data["id"],
                commune_code=data["commune_code"],
                device_id=data["created_by_device"],
                content_hash=payload.content_hash(data),
                data=text,
                received_at=utcnow(),
                province_code=province_of(conn, data["commune_code"]),  # its partition on PostgreSQL
            )
            .returning(record_t.c.seq)
        ).scalar_one()
        conn.execute(
            latest_t.insert().values(
                table_name=table,
                record_id=data["id"],
                seq=seq,
                commune_code=data["commune_code"],
                device_id=data["created_by_device"],
                content_hash=payload.content_hash(data),
                anonymized=False,
            )
        )


# ---------------------------------------------------------------- erasure through a withdrawal


def test_a_withdrawal_from_a_volunteers_laptop_erases_and_is_audited(
    hub: Hub, officer: Laptop, laptops: Any
) -> None:
    volunteer = laptops("volunteer")
    volunteer.sync()
    with volunteer.engine.begin() as conn:
        withdraw_consent(conn, officer.learner_id)
    done = volunteer.sync()
    assert done.rejected == 0, done.rejections
    assert volunteer.one("SELECT count(*) FROM sync_quarantine")[0] == 0
    assert _seen_by_a_fresh_laptop(laptops, officer.learner_id) == ("", None, 1, 0)
    history = _history(hub, officer.learner_id)
    assert len(history) == 2 and not any(NAME in data or PHONE in data for data in history)
    boss = hub.enroll(role="officer")
    [entry] = _erasures(hub, boss)
    assert entry["record_id"] == officer.learner_id and entry["device_id"] == volunteer.id
    assert entry["status"] == "applied" and entry["at"] and entry["seq"]
    assert NAME not in json.dumps(entry)
    # Only officers read the trail.
    r = requests.get(f"{hub.api}/erasures", headers=hub.enroll().auth, timeout=10)
    assert r.status_code == 403 and r.json()["detail_vi"]


def test_the_sixth_erasure_of_a_day_waits_for_an_officer(hub: Hub, officer: Laptop, laptops: Any) -> None:
    volunteer = laptops("volunteer")
    names = [
        "Lê Văn An",
        "Lê Văn Bình",
        "Lê Thị Cúc",
        "Lê Văn Dũng",
        "Lê Thị Én",
        "Lê Văn Phúc",
        "Lê Thị Giang",
    ]
    people = [volunteer.register(name, phone=f"090000000{n}") for n, name in enumerate(names)]
    volunteer.sync()
    with volunteer.engine.begin() as conn:
        for learner_id in people:
            withdraw_consent(conn, learner_id)
    first = volunteer.sync()
    assert first.rejected == 2
    with volunteer.engine.connect() as conn:
        held = local.list_quarantine(conn)
    assert {h["id"] for h in held} == set(people[5:]) and all(h["waiting"] for h in held)
    assert all("approval" in h["reason"] and "duyệt" in h["reason_vi"] for h in held)
    boss = hub.enroll(role="officer")
    trail = _erasures(hub, boss)
    assert sorted(e["status"] for e in trail) == ["applied"] * 5 + ["waiting"] * 2
    # Sent again at the next sync while it waits: still waiting, never twice in the trail.
    assert volunteer.sync().rejected == 2
    assert len(_erasures(hub, boss)) == 7
    assert _seen_by_a_fresh_laptop(laptops, people[5])[0] == "Lê Văn Phúc"

    # A volunteer cannot approve; an officer of the commune can, and the hub operator by CLI.
    waiting = [e for e in trail if e["status"] == "waiting"]
    url = f"{hub.api}/erasures/{waiting[0]['id']}/approve"
    assert requests.post(url, headers=hub.enroll().auth, timeout=10).status_code == 403
    r = requests.post(url, headers=boss.auth, timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "applied" and r.json()["approved_by"] == boss.id
    assert requests.post(url, headers=boss.auth, timeout=10).status_code == 409
    listed = run_cli("hub", "erasures", "--json", data_dir=hub.data_dir, db=hub.db_url)
    assert [e["status"] for e in json.loads(listed.stdout)["erasures"]].count("waiting") == 1
    run_cli("hub", "approve-erasure", str(waiting[1]["id"]), data_dir=hub.data_dir, db=hub.db_url)

    assert _seen_by_a_fresh_laptop(laptops, people[5])[:3] == ("", None, 1)
    assert _seen_by_a_fresh_laptop(laptops, people[6])[:3] == ("", None, 1)
    assert not any("Lê Văn Phúc" in data for data in _history(hub, people[5]))
    done = volunteer.sync()
    assert done.rejected == 0
    assert volunteer.one("SELECT count(*) FROM sync_quarantine")[0] == 0
    with volunteer.engine.connect() as conn:
        assert local.pending_count(conn) == 0
    assert [e["status"] for e in _erasures(hub, boss)] == ["applied"] * 7
