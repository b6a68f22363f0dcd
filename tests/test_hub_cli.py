"""Bundles (HTTP and `hub import-bundle`), the hub's command line, and pieces tested directly."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
import requests
import test_hub_support
from test_hub_support import COMMUNE_A, COMMUNE_B, Hub, edited, record, run_cli

from volunteer_kit.sync import bundle_format, payload

# The fixtures, by name (each test runs on SQLite, and on PostgreSQL when set).
hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url


def _bundle(hub: Hub, dev, records, path: Path) -> Path:
    hub_id = requests.get(f"{hub.api}/health", timeout=5).json()["hub_id"]
    return bundle_format.write_bundle(
        path,
        device_id=dev.id,
        commune_code=dev.commune_code,
        hub_id=hub_id,
        records=records,
        private_key=dev.key,
    )


def _post_bundle(hub: Hub, relay, path: Path) -> requests.Response:
    return requests.post(
        f"{hub.api}/bundle",
        data=path.read_bytes(),
        headers={**relay.auth, "Content-Type": "application/zip"},
        timeout=30,
    )


def test_bundle_is_verified_and_imports_idempotently(hub: Hub, tmp_path: Path) -> None:
    maker = hub.enroll()
    relay = hub.enroll()
    records = [record("household", maker) for _ in range(3)]
    records.append(record("learner", maker, household_id=records[0]["id"]))
    path = _bundle(hub, maker, records, tmp_path / "hoa.vkbundle")
    r = _post_bundle(hub, relay, path)
    assert r.status_code == 200, r.text
    first = r.json()
    assert first["device_id"] == maker.id
    assert [x["status"] for x in first["results"]] == ["accepted"] * 4
    # Again by HTTP, by the operator's CLI, and as the maker's own push: the same seqs, no duplicate.
    assert _post_bundle(hub, relay, path).json() == first
    cli = run_cli("hub", "import-bundle", str(path), "--json", data_dir=hub.data_dir, db=hub.db_url)
    assert json.loads(cli.stdout)["results"] == first["results"]
    assert hub.push_ok(maker, records) == first["results"]
    assert hub.count("hub_record") == 4
    with hub.engine.connect() as conn:
        makers = {r[0] for r in conn.exec_driver_sql("SELECT device_id FROM hub_record")}
    assert makers == {maker.id}


def test_tampered_or_foreign_bundle_is_refused(hub: Hub, tmp_path: Path) -> None:
    maker = hub.enroll()
    other_commune = hub.enroll(COMMUNE_B)
    path = _bundle(hub, maker, [record("household", maker)], tmp_path / "b.vkbundle")
    # Change one byte of bundle.json, keep the signature.
    with zipfile.ZipFile(path) as z:
        body, sig = z.read("bundle.json"), z.read("bundle.sig")
    tampered = tmp_path / "tampered.vkbundle"
    with zipfile.ZipFile(tampered, "w") as z:
        assert b'"hamlet":"x"' in body
        z.writestr("bundle.json", body.replace(b'"hamlet":"x"', b'"hamlet":"y"'))
        z.writestr("bundle.sig", sig)
    r = _post_bundle(hub, maker, tampered)
    assert r.status_code == 422 and "signature" in r.json()["detail"]
    failed = run_cli("hub", "import-bundle", str(tampered), data_dir=hub.data_dir, db=hub.db_url, check=False)
    assert failed.returncode == 1 and "signature" in failed.stderr and "Traceback" not in failed.stderr
    # A device of another commune may not relay it; junk is 422.
    assert _post_bundle(hub, other_commune, path).status_code == 403
    junk = tmp_path / "junk.vkbundle"
    junk.write_bytes(b"PK not really")
    assert _post_bundle(hub, maker, junk).status_code == 422
    assert hub.count("hub_record") == 0


def test_hub_cli_enroll_code_json_and_qr(hub: Hub, tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    png = tmp_path / "code.png"
    done = run_cli(
        "hub",
        "enroll-code",
        "--commune",
        COMMUNE_A,
        "--role",
        "officer",
        "--expires",
        "24",
        "--json",
        "--qr",
        str(png),
        "--url",
        hub.url,
        data_dir=hub.data_dir,
        db=hub.db_url,
    )
    made = json.loads(done.stdout)
    assert len(made["code"]) == 14 and made["code"].count("-") == 2 and made["expires_at"].endswith("Z")
    decoded = zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [d.text for d in decoded] == [f"vk-enroll:{hub.url}?code={made['code']}"]
    # The code enrolls an officer.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    r = requests.post(
        f"{hub.api}/enroll",
        json={
            "code": made["code"],
            "device_id": str(uuid.uuid4()),
            "public_key": bundle_format.public_key_b64(Ed25519PrivateKey.generate()),
        },
        timeout=5,
    )
    assert r.status_code == 200 and r.json()["role"] == "officer"
    # An unknown commune needs its name; a bad one is a one-line error.
    unknown = run_cli(
        "hub",
        "enroll-code",
        "--commune",
        "99999",
        "--role",
        "volunteer",
        data_dir=hub.data_dir,
        db=hub.db_url,
        check=False,
    )
    assert unknown.returncode == 1 and "--commune-name" in unknown.stderr
    named = run_cli(
        "hub",
        "enroll-code",
        "--commune",
        "99999",
        "--commune-name",
        "Xã Thử",
        "--role",
        "trainer",
        "--json",
        data_dir=hub.data_dir,
        db=hub.db_url,
    )
    assert json.loads(named.stdout)["commune_name"] == "Xã Thử"
    usage = run_cli(
        "hub",
        "enroll-code",
        "--commune",
        COMMUNE_A,
        "--role",
        "mayor",
        data_dir=hub.data_dir,
        db=hub.db_url,
        check=False,
    )
    assert usage.returncode == 2


def test_hub_cli_stats_counts_latest_versions_and_revoke(hub: Hub) -> None:
    a = hub.enroll(COMMUNE_A)
    b = hub.enroll(COMMUNE_B)
    households = [record("household", a) for _ in range(3)]
    results = hub.push_ok(a, households)
    hub.push_ok(a, [edited(households[0], results[0]["seq"], address="mới")])  # history, not a new record
    learner = record("learner", a)
    hub.push_ok(a, [learner])
    hub.push_ok(b, [record("household", b)])
    stats = json.loads(run_cli("hub", "stats", "--json", data_dir=hub.data_dir, db=hub.db_url).stdout)
    by_code = {c["commune_code"]: c for c in stats["communes"]}
    assert by_code[COMMUNE_A]["records"] == {"household": 3, "learner": 1}
    assert by_code[COMMUNE_A]["records_total"] == 4 and by_code[COMMUNE_A]["versions_total"] == 5
    assert by_code[COMMUNE_B]["records"] == {"household": 1}
    assert by_code[COMMUNE_A]["devices"] == 1 and by_code[COMMUNE_A]["last_contact"].endswith("Z")
    assert stats["records_total"] == 5 and len(stats["devices"]) == 2
    # Revoke from the command line: the device is refused at once.
    run_cli("hub", "revoke-device", a.id, data_dir=hub.data_dir, db=hub.db_url)
    refused = requests.get(f"{hub.api}/pull", headers=a.auth, timeout=5)
    assert refused.status_code == 403 and refused.json()["code"] == "device_revoked"
    missing = run_cli("hub", "revoke-device", "nobody", data_dir=hub.data_dir, db=hub.db_url, check=False)
    assert missing.returncode == 1 and "nobody" in missing.stderr


def test_push_of_a_thousand_records_in_two_batches(hub: Hub) -> None:
    dev = hub.enroll()
    records = [record("household", dev, address=f"Số {i}") for i in range(1000)]
    for start in range(0, 1000, 500):
        assert all(r["status"] == "accepted" for r in hub.push_ok(dev, records[start : start + 500]))
    assert len(hub.pull_all(dev)) == 1000


@pytest.mark.hub_args("--at-once", "1")
def test_many_devices_at_once_all_get_through_a_hub_that_works_on_one_at_a_time(hub: Hub) -> None:
    """Eight devices push and pull together through the client's HTTP layer; the hub takes one
    request at a time and tells the others to come back (503 + Retry-After), which the client
    honours: every record arrives once, and each device sees exactly its commune's records."""
    import threading

    from volunteer_kit.sync.transport import HubConnection

    devices = [hub.enroll(COMMUNE_A if n % 2 else COMMUNE_B) for n in range(8)]  # enrollment: 10/min
    batches = {d.id: [record("household", d, address=f"Số {i}") for i in range(1000)] for d in devices}
    statuses: list[int] = []
    seen: dict[str, int] = {}
    failures: list[str] = []

    def sync(dev) -> None:
        connection = HubConnection(hub.url, token=dev.token)
        send = connection.session.request

        def counted(*args, **kwargs):
            answer = send(*args, **kwargs)
            statuses.append(answer.status_code)
            return answer

        connection.session.request = counted
        try:
            for start in range(0, 1000, 500):
                body = {"device_id": dev.id, "records": batches[dev.id][start : start + 500]}
                results = connection.post_json("/push", body)["results"]
                assert all(r["status"] == "accepted" for r in results)
            after, more, got = 0, True, 0
            while more:
                page = connection.get("/pull", params={"after": after, "limit": 700})
                got += len(page["records"])
                after, more = page["next"], page["more"]
            seen[dev.id] = got
        except Exception as exc:  # reported below
            failures.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=sync, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    assert set(statuses) <= {200, 503}, statuses
    assert hub.count("hub_record") == 8000 == hub.count("hub_latest")
    # A device pulls at least its own 1000 and at most its whole commune's 4000.
    assert all(1000 <= n <= 4000 for n in seen.values()) and len(seen) == 8
    for dev in devices[:2]:
        assert len(hub.pull_all(dev)) == 4000
    print(f"{statuses.count(503)} busy answers of {len(statuses)}")


def test_the_gate_turns_away_with_a_retry_after_and_serves_those_who_wait_in_turn() -> None:
    import asyncio

    from volunteer_kit.hub.errors import HubError
    from volunteer_kit.hub.gate import MAX_RETRY_AFTER_S, Gate

    async def scenario() -> tuple[HubError, list[str]]:
        gate = Gate(at_once=1, patience=0.2)
        order: list[str] = []

        async def served(name: str, hold: float) -> None:
            async with gate.turn():
                order.append(name)
                await asyncio.sleep(hold)

        async with gate.turn():
            with pytest.raises(HubError) as refused:
                async with gate.turn():
                    pass
            assert gate.turned_away == 1 and gate.waiting == 0
        # Free again: two waiters within their patience are both served, first come first.
        await asyncio.gather(served("first", 0.05), served("second", 0.0))
        return refused.value, order

    refused, order = asyncio.run(scenario())
    assert refused.status == 503 and 1 <= int(refused.headers["Retry-After"]) <= MAX_RETRY_AFTER_S
    assert "bận" in refused.vi and "busy" in refused.en
    assert order == ["first", "second"]


def test_hub_serve_refuses_a_bad_at_once(tmp_path: Path) -> None:
    done = run_cli(
        "hub", "serve", "--at-once", "0", data_dir=tmp_path, db=f"sqlite:///{tmp_path}/h.db", check=False
    )
    assert done.returncode != 0 and "--at-once must be 1 to 256" in done.stderr
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------- pieces tested directly


def test_enroll_refusals_are_forgotten_after_a_minute(tmp_path: Path) -> None:
    from datetime import timedelta

    from volunteer_kit.core.clock import utcnow
    from volunteer_kit.hub import enrollment
    from volunteer_kit.hub.db import open_hub_engine
    from volunteer_kit.hub.errors import HubError

    engine = open_hub_engine(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    now = utcnow()
    for _ in range(enrollment.CLIENT_REFUSALS):
        enrollment.check_attempts(engine, "10.0.0.5", now=now)
        enrollment.record_refusal(engine, client="10.0.0.5", status=403, now=now)
    with pytest.raises(HubError) as refused:
        enrollment.check_attempts(engine, "10.0.0.5", now=now)
    assert refused.value.status == 429 and refused.value.headers["Retry-After"] == "60"
    enrollment.check_attempts(engine, "10.0.0.6", now=now)  # another address is not affected
    enrollment.check_attempts(engine, "10.0.0.5", now=now + timedelta(seconds=60.5))
    engine.dispose()


def test_enroll_codes_use_an_unambiguous_alphabet() -> None:
    from volunteer_kit.hub import security

    codes = {security.new_enroll_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(security.CODE_ALPHABET)
        assert not set("".join(groups)) & set("01ILO")
    assert security.normalize_code("abcd efgh-jkmn") == "ABCDEFGHJKMN"


def test_read_bundle_refuses_oversized_or_unexpected_entries(tmp_path: Path, monkeypatch) -> None:
    extra = io.BytesIO()
    with zipfile.ZipFile(extra, "w") as z:
        z.writestr("bundle.json", b"{}")
        z.writestr("bundle.sig", b"x" * 64)
        z.writestr("../evil", b"x")
    with pytest.raises(bundle_format.BundleInvalid):
        bundle_format.parse_bundle(extra.getvalue())
    big = io.BytesIO()
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("bundle.json", b" " * 5_000_000)
        z.writestr("bundle.sig", b"x" * 64)
    monkeypatch.setattr(bundle_format, "MAX_BUNDLE_JSON_BYTES", 1_000_000)
    with pytest.raises(bundle_format.BundleInvalid, match="too large"):
        bundle_format.parse_bundle(big.getvalue())


def test_bundle_round_trip_and_signature(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    row = {"id": "r1", "commune_code": COMMUNE_A}
    rec = {
        "table": "household",
        "id": "r1",
        "commune_code": COMMUNE_A,
        "hash": payload.content_hash(row),
        "base_seq": None,
        "data": row,
    }
    path = bundle_format.write_bundle(
        tmp_path / "x.vkbundle",
        device_id="d",
        commune_code=COMMUNE_A,
        hub_id="h",
        records=[rec],
        private_key=key,
    )
    bundle = bundle_format.read_bundle(path)
    assert bundle.records == [rec] and bundle.device_id == "d" and bundle.manifest["format"] == "vk-bundle"
    assert bundle.signature_ok(bundle_format.public_key_b64(key))
    assert not bundle.signature_ok(bundle_format.public_key_b64(Ed25519PrivateKey.generate()))
