"""The hub over HTTP: a real `volunteer-kit hub serve` on 127.0.0.1 (SQLite, and PostgreSQL when set)."""

from __future__ import annotations

import gzip
import json
import time
import uuid
from datetime import timedelta

import requests
import test_hub_support
from test_hub_support import COMMUNE_A, COMMUNE_B, HEADERS, Hub, edited, record

from volunteer_kit.sync import payload

# The fixtures, by name (each test runs on SQLite, and on PostgreSQL when set).
hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url


def _error(r: requests.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["detail"] and body["detail_vi"], body
    return body


# ---------------------------------------------------------------- health and enrollment


def test_health_needs_no_token_and_openapi_is_published(hub: Hub) -> None:
    r = requests.get(f"{hub.api}/health", timeout=5)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["protocol"] == payload.PROTOCOL and body["hub_id"]
    spec = requests.get(f"{hub.api}/openapi.json", timeout=5).json()
    for path in ("health", "enroll", "push", "pull", "conflicts", "bundle"):
        assert f"/api/v1/{path}" in spec["paths"]


def test_enroll_gives_a_token_once_per_code(hub: Hub) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from volunteer_kit.sync.bundle_format import public_key_b64

    code = hub.code(COMMUNE_A, "officer")
    key = public_key_b64(Ed25519PrivateKey.generate())
    ask = {
        "code": code.lower().replace("-", " "),
        "device_id": str(uuid.uuid4()),
        "label": "Hoa",
        "public_key": key,
    }
    r = requests.post(f"{hub.api}/enroll", json=ask, timeout=5)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["commune_code"] == COMMUNE_A and body["commune_name"] == "Xã Bát Tràng"
    assert body["province_code"] == "01" and body["role"] == "officer" and body["protocol"] == 1
    assert body["hub_id"] == requests.get(f"{hub.api}/health", timeout=5).json()["hub_id"]
    with hub.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM hub_device").scalar()
        codes = [r[0] for r in conn.exec_driver_sql("SELECT code_hash FROM hub_enroll_code")]
    assert body["token"] not in stored and len(stored) == 64
    assert all(code.replace("-", "") not in c for c in codes)
    # The token works.
    auth = {**HEADERS, "Authorization": f"Bearer {body['token']}"}
    assert requests.get(f"{hub.api}/pull", headers=auth, timeout=5).status_code == 200
    # Used twice, wrong, or expired: the same 403.
    again = _error(requests.post(f"{hub.api}/enroll", json=ask, timeout=5), 403)
    wrong = _error(requests.post(f"{hub.api}/enroll", json={**ask, "code": "AAAA-BBBB-CCCC"}, timeout=5), 403)
    from volunteer_kit.core.clock import utcnow
    from volunteer_kit.hub import enrollment

    old = enrollment.make_enroll_code(
        hub.engine, commune_code=COMMUNE_A, role="volunteer", hours=1, now=utcnow() - timedelta(hours=2)
    )
    expired = _error(requests.post(f"{hub.api}/enroll", json={**ask, "code": old["code"]}, timeout=5), 403)
    assert again["detail"] == wrong["detail"] == expired["detail"]
    # Bad fields are 422, not a crash.
    _error(requests.post(f"{hub.api}/enroll", json={**ask, "public_key": "bm9wZQ=="}, timeout=5), 422)
    _error(requests.post(f"{hub.api}/enroll", data=b"{not json", timeout=5), 422)


def test_enroll_attempts_are_rate_limited_per_address(hub: Hub) -> None:
    ask = {"code": "AAAA-BBBB-CCCC", "device_id": str(uuid.uuid4()), "public_key": "A" * 43 + "="}
    statuses = [requests.post(f"{hub.api}/enroll", json=ask, timeout=5).status_code for _ in range(10)]
    assert 429 not in statuses
    r = requests.post(f"{hub.api}/enroll", json=ask, timeout=5)
    body = _error(r, 429)
    assert int(r.headers["Retry-After"]) >= 1 and "again" in body["detail"]


# ---------------------------------------------------------------- push and pull


def test_same_push_twice_creates_no_duplicate(hub: Hub) -> None:
    dev = hub.enroll()
    records = [record("household", dev, hamlet="Thôn Giang Cao") for _ in range(5)]
    learner = record("learner", dev, household_id=records[0]["id"])
    records.append(learner)
    records.append(record("consent", dev, learner_id=learner["id"], action="given"))
    first = hub.push_ok(dev, records)
    assert [r["status"] for r in first] == ["accepted"] * len(records)
    seqs = [r["seq"] for r in first]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    second = hub.push_ok(dev, records)
    assert second == first
    assert hub.count("hub_record") == len(records) == hub.count("hub_latest")


def test_pull_pages_with_a_cursor_and_returns_each_record_at_its_latest_version(hub: Hub) -> None:
    dev = hub.enroll()
    other = hub.enroll()
    records = [record("household", dev, address=f"Số {i}") for i in range(25)]
    results = hub.push_ok(dev, records)
    # Edit the first one twice (from two devices): it comes once, at its latest seq, with the latest data.
    v2 = edited(records[0], results[0]["seq"], address="Số 1000")
    s2 = hub.push_ok(dev, [v2])[0]["seq"]
    v3 = edited(v2, s2, address="Số 2000")
    s3 = hub.push_ok(other, [v3])[0]["seq"]
    pages, after = [], 0
    while True:
        page = hub.pull(dev, after, limit=10)
        pages.append(page)
        assert page["next"] >= after
        after = page["next"]
        if not page["more"]:
            break
    assert [len(p["records"]) for p in pages] == [10, 10, 5]
    pulled = [r for p in pages for r in p["records"]]
    assert [r["seq"] for r in pulled] == sorted(r["seq"] for r in pulled)
    assert len({r["id"] for r in pulled}) == 25
    first = next(r for r in pulled if r["id"] == records[0]["id"])
    assert first["seq"] == s3 and first["data"]["address"] == "Số 2000" and first["hash"] == v3["hash"]
    assert payload.content_hash(first["data"]) == first["hash"]
    # Nothing new after the end; the cursor stays put.
    tail = hub.pull(dev, after)
    assert tail == {"records": [], "next": after, "more": False}
    assert hub.count("hub_record") == 27
    _error(requests.get(f"{hub.api}/pull", params={"limit": 5000}, headers=dev.auth, timeout=5), 422)


def test_gzip_push_and_gzip_answer(hub: Hub) -> None:
    dev = hub.enroll()
    records = [record("household", dev) for _ in range(40)]
    r = hub.push(dev, records, compress=True)
    assert r.status_code == 200, r.text
    assert all(x["status"] == "accepted" for x in r.json()["results"])
    page = requests.get(f"{hub.api}/pull", headers={**dev.auth, "Accept-Encoding": "gzip"}, timeout=5)
    assert page.headers.get("Content-Encoding") == "gzip"
    assert len(page.json()["records"]) == 40


# ---------------------------------------------------------------- communes and roles


def test_a_commune_can_neither_write_nor_read_another(hub: Hub) -> None:
    a = hub.enroll(COMMUNE_A)
    b = hub.enroll(COMMUNE_B)
    b_learner = record("learner", b)
    assert hub.push_ok(b, [b_learner])[0]["status"] == "accepted"
    claims_b = record("household", a, commune=COMMUNE_B)  # envelope and data say B
    envelope_lies = {**record("household", a), "commune_code": COMMUNE_B}
    data_lies = record("household", a)
    data_lies = {**data_lies, "data": {**data_lies["data"], "commune_code": COMMUNE_B}}
    fk_to_b = record("consent", a, learner_id=b_learner["id"], action="given")
    takes_b_id = record("learner", a, id=b_learner["id"], full_name="Kẻ mạo danh")
    results = hub.push_ok(a, [claims_b, envelope_lies, data_lies, fk_to_b, takes_b_id])
    assert [r["status"] for r in results] == ["rejected"] * 5
    assert "another commune" in results[0]["reason"] and results[0]["reason_vi"]
    assert "another commune" in results[3]["reason"]
    assert "another commune" in results[4]["reason"]
    # A pulls nothing of B; B still sees its learner unchanged.
    assert hub.pull_all(a) == []
    b_sees = hub.pull_all(b)
    assert [r["id"] for r in b_sees] == [b_learner["id"]]
    assert b_sees[0]["data"]["full_name"] == "Nguyễn Thị Hằng"
    # The push's device_id must be the token's.
    r = requests.post(f"{hub.api}/push", json={"device_id": b.id, "records": []}, headers=a.auth, timeout=5)
    _error(r, 403)


def test_certificates_need_an_officer_and_conflicts_are_for_officers(hub: Hub) -> None:
    volunteer = hub.enroll(role="volunteer")
    officer = hub.enroll(role="officer")
    learner = record("learner", volunteer)
    hub.push_ok(volunteer, [learner])
    cert_v = record("certificate", volunteer, learner_id=learner["id"], serial="C-1")
    cert_o = record("certificate", officer, learner_id=learner["id"], serial="C-2")
    refused = hub.push_ok(volunteer, [cert_v])[0]
    assert refused["status"] == "rejected" and "officer" in refused["reason"]
    assert hub.push_ok(officer, [cert_o])[0]["status"] == "accepted"
    _error(requests.get(f"{hub.api}/conflicts", headers=volunteer.auth, timeout=5), 403)
    assert requests.get(f"{hub.api}/conflicts", headers=officer.auth, timeout=5).json() == {
        "conflicts": [],
        "more": False,
    }


def test_revoked_device_gets_403_device_revoked_and_unknown_gets_401(hub: Hub) -> None:
    from volunteer_kit.hub import enrollment

    dev = hub.enroll()
    assert enrollment.revoke_device(hub.engine, dev.id, reason="Mất máy")
    body = _error(requests.get(f"{hub.api}/pull", headers=dev.auth, timeout=5), 403)
    assert body["code"] == "device_revoked" and "revoked" in body["detail"]
    assert "(lý do: Mất máy)" in body["detail_vi"] and body["reason"] == "Mất máy"
    body = _error(hub.push(dev, [record("household", dev)]), 403)
    assert body["code"] == "device_revoked"
    unknown = {**HEADERS, "Authorization": "Bearer nope"}
    body = _error(requests.get(f"{hub.api}/pull", headers=unknown, timeout=5), 401)
    assert "not enrolled" in body["detail"]
    _error(requests.get(f"{hub.api}/pull", headers=HEADERS, timeout=5), 401)
    assert hub.count("hub_record") == 0


# ---------------------------------------------------------------- facts, conflicts, consent


def test_a_changed_fact_is_rejected(hub: Hub) -> None:
    dev = hub.enroll()
    session = record("teaching_session", dev, pack_id="p", pack_version="1.0.0")
    learner = record("learner", dev)
    att = record("attendance", dev, session_id=session["id"], learner_id=learner["id"], present=True)
    hub.push_ok(dev, [session, learner, att])
    changed = edited(att, None, present=False)
    result = hub.push_ok(dev, [changed])[0]
    assert result["status"] == "rejected" and "cannot change" in result["reason"]
    page = hub.pull_all(dev)
    assert next(r for r in page if r["id"] == att["id"])["data"]["present"] is True
    assert hub.count("hub_record") == 3


def test_stale_edit_from_another_device_wins_and_records_a_conflict(hub: Hub) -> None:
    hoa = hub.enroll(role="volunteer")
    lan = hub.enroll(role="volunteer")
    officer = hub.enroll(role="officer")
    learner = record("learner", hoa)
    s1 = hub.push_ok(hoa, [learner])[0]["seq"]
    by_hoa = edited(learner, s1, phone="0900000001")
    s2 = hub.push_ok(hoa, [by_hoa])[0]["seq"]
    by_lan = edited(learner, s1, phone="0900000002")  # Lan edited the version of s1, not s2
    s3 = hub.push_ok(lan, [by_lan])[0]["seq"]
    assert s1 < s2 < s3
    r = requests.get(f"{hub.api}/conflicts", headers=officer.auth, timeout=5)
    found = r.json()["conflicts"]
    assert len(found) == 1
    c = found[0]
    assert (c["table"], c["record_id"], c["kept_seq"], c["overwritten_seq"]) == (
        "learner",
        learner["id"],
        s3,
        s2,
    )
    assert c["overwritten"]["phone"] == "0900000001" and c["by_device"] == lan.id
    assert c["overwritten_device"] == hoa.id and c["at"].endswith("Z")
    assert hub.pull_all(hoa)[0]["data"]["phone"] == "0900000002"
    # An edit from the latest version, or by the device that made the latest, is no conflict.
    hub.push_ok(hoa, [edited(by_lan, s3, phone="0900000003")])
    assert len(requests.get(f"{hub.api}/conflicts", headers=officer.auth, timeout=5).json()["conflicts"]) == 1
    after = requests.get(f"{hub.api}/conflicts", params={"after": c["id"]}, headers=officer.auth, timeout=5)
    assert after.json()["conflicts"] == []


def test_withdrawn_consent_erases_every_older_version_and_conflict(hub: Hub) -> None:
    hoa = hub.enroll()
    lan = hub.enroll()
    learner = record("learner", hoa, name_folded="nguyen thi hang", search_text="nguyen thi hang 0912345678")
    s1 = hub.push_ok(hoa, [learner])[0]["seq"]
    s2 = hub.push_ok(hoa, [edited(learner, s1, phone="0911111111")])[0]["seq"]
    hub.push_ok(lan, [edited(learner, s1, birth_year=1957)])  # a conflict holding the name
    anonymous = edited(
        learner,
        s2,
        anonymized=True,
        full_name="",
        name_folded="",
        name_sort="",
        search_text="",
        phone=None,
        birth_year=None,
    )
    # Erasure only through a withdrawal record (docs/security.md "Who may write what").
    withdrawal = record(
        "consent", hoa, learner_id=learner["id"], action="withdrawn", given_by="self", recorded_by=None
    )
    assert [r["status"] for r in hub.push_ok(hoa, [withdrawal, anonymous])] == ["accepted"] * 2
    with hub.engine.connect() as conn:
        stored = [
            r[0] for r in conn.exec_driver_sql("SELECT data FROM hub_record WHERE table_name = 'learner'")
        ]
        conflicts = [r[0] for r in conn.exec_driver_sql("SELECT overwritten_data FROM hub_conflict")]
    # Lan's version (the latest) was overwritten by Hoa's withdrawal too: two conflicts.
    assert len(stored) == 4 and len(conflicts) == 2
    for text in stored + conflicts:
        # The phone numbers whole: "091" alone can occur inside a random id (seen: "…4091…").
        assert "Hằng" not in text and "hang" not in text
        assert "0912345678" not in text and "0911111111" not in text
        data = json.loads(text)
        assert 1956 not in data.values() and 1957 not in data.values()
        assert data["full_name"] == "" and data["phone"] is None and data["birth_year"] is None
    # A stale device cannot bring the name back.
    stale = hub.push_ok(lan, [edited(learner, s1, phone="0922222222")])[0]
    assert stale["status"] == "rejected" and "withdrawn" in stale["reason"]


# ---------------------------------------------------------------- refusing bad requests


def test_bad_requests_are_refused_and_change_nothing(hub: Hub) -> None:
    dev = hub.enroll()
    good = [record("household", dev)]
    url = f"{hub.api}/push"
    json_headers = {**dev.auth, "Content-Type": "application/json"}
    # Wrong or missing protocol: 426 with the hub's protocol.
    r = requests.post(
        url,
        json={"device_id": dev.id, "records": good},
        headers={**dev.auth, payload.PROTOCOL_HEADER: "2"},
        timeout=5,
    )
    assert _error(r, 426)["protocol"] == payload.PROTOCOL
    no_header = {"Authorization": dev.auth["Authorization"]}
    _error(requests.get(f"{hub.api}/pull", headers=no_header, timeout=5), 426)
    # Malformed JSON, wrong shape.
    _error(requests.post(url, data=b'{"device_id": ', headers=json_headers, timeout=5), 422)
    _error(requests.post(url, json={"device_id": dev.id, "records": {}}, headers=dev.auth, timeout=5), 422)
    _error(requests.post(url, json=[1, 2], headers=dev.auth, timeout=5), 422)
    # Too big: body, and count of records.
    big = json.dumps({"device_id": dev.id, "records": good, "pad": "x" * payload.MAX_BODY_BYTES}).encode()
    _error(requests.post(url, data=big, headers=json_headers, timeout=30), 413)
    many = [record("household", dev) for _ in range(payload.MAX_PUSH_RECORDS + 1)]
    _error(hub.push(dev, many), 413)
    # Bad gzip.
    _error(
        requests.post(
            url, data=b"\x1f\x8bnot gzip", headers={**json_headers, "Content-Encoding": "gzip"}, timeout=5
        ),
        422,
    )
    assert hub.count("hub_record") == 0
    # Records of the wrong shape are rejected one by one, never a 500.
    bad_hash = {**good[0], "hash": "0" * 64}
    wrong_columns = {**good[0], "data": {**good[0]["data"], "surprise": 1}}
    wrong_columns["hash"] = payload.content_hash(wrong_columns["data"])
    bad_date = {**good[0], "data": {**good[0]["data"], "created_at": "yesterday"}}
    bad_date["hash"] = payload.content_hash(bad_date["data"])
    no_table = {**good[0], "table": "device"}
    id_mismatch = {**good[0], "id": "another"}
    nul_id = {**good[0], "id": "a\u0000b", "data": {**good[0]["data"], "id": "a\u0000b"}}
    nul_id["hash"] = payload.content_hash(nul_id["data"])
    results = hub.push_ok(
        dev, [bad_hash, wrong_columns, bad_date, no_table, id_mismatch, nul_id, 42, {"x": 1}]
    )
    assert [r["status"] for r in results] == ["rejected"] * 8
    assert all(r["reason"] and r["reason_vi"] for r in results)
    assert hub.count("hub_record") == 0


def test_gzip_bomb_is_refused_early_with_413(hub: Hub) -> None:
    dev = hub.enroll()
    head = json.dumps({"device_id": dev.id, "records": [record("household", dev)], "pad": ""})[:-2]
    inflated = head.encode() + b"x" * (200 * 1024 * 1024) + b'"}'
    bomb = gzip.compress(inflated, compresslevel=9)
    assert len(bomb) < 1024 * 1024
    r = requests.post(
        f"{hub.api}/push",
        data=bomb,
        headers={**dev.auth, "Content-Type": "application/json", "Content-Encoding": "gzip"},
        timeout=30,
    )
    _error(r, 413)
    assert r.elapsed.total_seconds() < 5
    assert hub.count("hub_record") == 0


def test_access_log_has_one_json_line_per_request(hub: Hub) -> None:
    dev = hub.enroll()
    hub.pull(dev)
    log = hub.data_dir / "logs" / "hub-access.log"
    deadline = time.monotonic() + 5
    while True:  # the line is written just after the answer went out
        entries = [json.loads(line) for line in log.read_text().splitlines()]
        pull = next((e for e in entries if e["path"] == "/api/v1/pull"), None)
        if pull or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert pull is not None
    assert pull["status"] == 200 and pull["device_id"] == dev.id and pull["method"] == "GET"
    assert pull["duration_ms"] >= 0 and pull["bytes"] > 0 and pull["time"].endswith("Z")
    assert any(e["path"] == "/api/v1/enroll" and e["status"] == 200 for e in entries)
