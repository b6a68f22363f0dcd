"""A device with a valid volunteer token pushes records no store can hold (issue 14): a real hub on
SQLite and PostgreSQL refuses each one with its reason, stores nothing of it, and a fresh device
of the commune then syncs everything else.

The records are written as an attacker would: raw JSON over `requests`, the hash computed with
`payload.content_hash` so that only the values themselves are wrong.
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine, text

from tests.test_hub_support import COMMUNE_A, Device, Hub, hub, hub_db_url, record  # noqa: F401 - fixtures
from volunteer_kit import paths
from volunteer_kit.core.tables import SYNCED_TABLES
from volunteer_kit.hub.db import hub_id
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import bundle_format, client, payload
from volunteer_kit.sync.transport import RetryPolicy

FAST = RetryPolicy(attempts=4, base_delay=0.05, max_delay=0.5)

# (what, table, bad values, the column the reason names)
ATTACKS = [
    ("an int column at 2^63", "quiz_attempt", {"correct_count": 2**63}, "correct_count"),
    ("an int column at -2^63-1", "quiz_attempt", {"question_count": -(2**63) - 1}, "question_count"),
    ("a NOT NULL column null", "learner", {"full_name": None}, "full_name"),
    ("a string in an integer column", "learner", {"birth_year": "1956"}, "birth_year"),
    ("a number in a string column", "household", {"hamlet": 7}, "hamlet"),
    ("NaN", "quiz_attempt", {"score": math.nan}, "score"),
    ("Infinity", "quiz_attempt", {"score": math.inf}, "score"),
    ("a boolean as 1", "attendance", {"present": 1}, "present"),
    ("a bad enum value", "teaching_session", {"kind": "party"}, "kind"),
    ("an over-long text", "household", {"note": "ư" * 4001}, "note"),
    ("a NUL in text", "learner", {"full_name": "Nguyễn\x00Hằng"}, "full_name"),
    ("a lone surrogate in text", "learner", {"full_name": "Nguy\ud800n"}, "full_name"),
    ("a birth year 3000", "learner", {"birth_year": 3000}, "birth_year"),
    ("a datetime in a wrong format", "attendance", {"recorded_at": "20/11/2026 08:00"}, "recorded_at"),
]


def good_records(device: Device) -> list[dict[str, Any]]:
    """A small commune's worth of valid records: household, learner, consent, session, facts."""
    household = record("household", device, hamlet="Thôn Giang Cao")
    learner = record(
        "learner", device, household_id=household["id"], gender="female", hamlet="Thôn Giang Cao"
    )
    consent = record(
        "consent", device, learner_id=learner["id"], action="given", given_by="self", recorded_by=None
    )
    session = record(
        "teaching_session", device, kind="home_visit", pack_id="vn.bdhvs.vneid", pack_version="1.0.0"
    )
    facts = {"learner_id": learner["id"], "session_id": session["id"]}
    attendance = record("attendance", device, **facts)
    attempt = record(
        "quiz_attempt", device, **facts, correct_count=9, question_count=10, score=90.0, passed=True
    )
    return [household, learner, consent, session, attendance, attempt]


def tampered(good: list[dict[str, Any]], table: str, bad: dict[str, Any]) -> dict[str, Any]:
    """A new record like the good one of `table`, with `bad` values, hashed as the hub hashes."""
    like = next(r for r in good if r["table"] == table)
    record_id = str(uuid.uuid4())
    data = {**like["data"], "id": record_id, **bad}
    return {**like, "id": record_id, "data": data, "hash": _hash(data), "base_seq": None}


def _hash(data: dict[str, Any]) -> str:
    try:
        return payload.content_hash(data)
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form: hash what can be hashed
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def raw_push(hub: Hub, device: Device, records: list[dict[str, Any]]) -> requests.Response:  # noqa: F811
    """The body as plain `json.dumps` writes it: NaN and Infinity as bare words, \\ud800 escaped."""
    body = json.dumps({"device_id": device.id, "records": records})
    return requests.post(
        f"{hub.api}/push",
        data=body.encode("ascii"),
        headers={**device.auth, "Content-Type": "application/json"},
        timeout=60,
    )


def refused_as_a_body(r: requests.Response, bad: dict[str, Any]) -> bool:
    """A lone surrogate may be refused with the whole body (hub.deps.parse_json reads JSON strictly):
    a 422 that says so is as good as a rejection of the record."""
    if r.status_code != 422 or not any(isinstance(v, str) and "\ud800" in v for v in bad.values()):
        return False
    assert "surrogate" in r.json()["detail"], r.text
    return True


def stored_ids(hub: Hub) -> set[str]:  # noqa: F811
    with hub.engine.connect() as conn:
        return set(conn.execute(text("SELECT record_id FROM hub_record")).scalars())


def fresh_device_syncs(hub: Hub, folder: Path, expected: list[dict[str, Any]]) -> None:  # noqa: F811
    """A laptop enrolled now pulls every good record, quarantines nothing and fails nothing."""
    folder.mkdir(parents=True)
    engine = open_store(folder / paths.DB_FILE_NAME)
    try:
        ensure_device(engine)
        client.enroll(engine, hub.url, hub.code(COMMUNE_A), label="fresh")
        done = client.sync(engine, retry=FAST)
        assert done.unstorable == 0 and done.rejected == 0 and done.parked == 0, done
        assert _hashes(engine) == {(r["table"], r["id"]): r["hash"] for r in expected}
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar() == 0
    finally:
        engine.dispose()


def _hashes(engine: Engine) -> dict[tuple[str, str], str]:
    found = {}
    with engine.connect() as conn:
        for table in SYNCED_TABLES:
            columns = payload.table_columns(table)
            for values in conn.exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table}"):
                data = payload.row_to_data(table, dict(zip(columns, values, strict=True)))
                found[(table, data["id"])] = payload.content_hash(data)
    return found


def test_each_bad_record_is_refused_with_its_reason_and_nothing_is_stored(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    device = hub.enroll(COMMUNE_A, "volunteer")
    good = good_records(device)
    assert {r["status"] for r in hub.push_ok(device, good)} == {"accepted"}
    before = stored_ids(hub)

    accepted = {}
    for what, table, bad, column in ATTACKS:
        attack = tampered(good, table, bad)
        r = raw_push(hub, device, [attack])
        if refused_as_a_body(r, bad):
            continue
        assert r.status_code == 200, (what, r.status_code, r.text)
        (result,) = r.json()["results"]
        if result["status"] != "rejected":
            accepted[what] = result
            continue
        assert result["id"] == attack["id"]
        assert f"{table}.{column}" in result["reason"], (what, result)
        assert f"{table}.{column}" in result["reason_vi"], (what, result)
    assert accepted == {}
    assert stored_ids(hub) == before

    fresh_device_syncs(hub, tmp_path / "fresh", good)


def test_bad_records_in_a_batch_do_not_stop_the_good_ones(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    device = hub.enroll(COMMUNE_A, "volunteer")
    first = good_records(device)
    hub.push_ok(device, first)
    more = good_records(device)
    # (a lone surrogate may refuse the whole push: see refused_as_a_body)
    attacks = [
        tampered(first, table, bad) for what, table, bad, _column in ATTACKS if "surrogate" not in what
    ]
    batch = [x for pair in zip(more, attacks, strict=False) for x in pair] + attacks[len(more) :]
    results = raw_push(hub, device, batch).json()["results"]
    status = {r["id"]: r["status"] for r in results}
    assert {status[r["id"]] for r in more} == {"accepted"}
    assert {status[r["id"]] for r in attacks} == {"rejected"}
    assert stored_ids(hub).isdisjoint(r["id"] for r in attacks)

    fresh_device_syncs(hub, tmp_path / "fresh", first + more)


def test_a_bundle_is_checked_record_by_record_as_a_push_is(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    """An offline bundle, signed by its enrolled device, goes through the same checks."""
    device = hub.enroll(COMMUNE_A, "volunteer")
    good = good_records(device)
    bad = [
        tampered(good, "learner", {"birth_year": 3000}),
        tampered(good, "quiz_attempt", {"score": math.nan}),
        tampered(good, "attendance", {"late": 1}),
    ]
    bundle = bundle_format.write_bundle(
        tmp_path / "field-day.vkbundle",
        device_id=device.id,
        commune_code=COMMUNE_A,
        hub_id=hub_id(hub.engine),
        records=good + bad,
        private_key=device.key,
    )
    r = requests.post(
        f"{hub.api}/bundle",
        data=bundle.read_bytes(),
        headers={**device.auth, "Content-Type": "application/zip"},
        timeout=60,
    )
    assert r.status_code == 200, r.text
    status = {x["id"]: x for x in r.json()["results"]}
    assert {status[x["id"]]["status"] for x in good} == {"accepted"}
    for rec, column in zip(bad, ("birth_year", "score", "late"), strict=True):
        assert status[rec["id"]]["status"] == "rejected"
        assert column in status[rec["id"]]["reason"]
    assert stored_ids(hub).isdisjoint(x["id"] for x in bad)

    fresh_device_syncs(hub, tmp_path / "fresh", good)


def test_no_value_in_any_column_makes_a_server_error(hub: Hub) -> None:  # noqa: F811
    """Whatever a column holds, the answer is a rejection of that record, never a 500."""
    device = hub.enroll(COMMUNE_A, "volunteer")
    good = good_records(device)
    for value in (2**63, math.nan, -math.inf, "\ud800", [1, 2], {"a": 1}):
        for column in ("birth_year", "full_name", "anonymized", "created_at", "gender", "household_id"):
            attack = tampered(good, "learner", {column: value})
            r = raw_push(hub, device, [attack])
            if refused_as_a_body(r, {column: value}):
                continue
            assert r.status_code == 200, (column, value, r.text)
            assert r.json()["results"][0]["status"] == "rejected", (column, value)
