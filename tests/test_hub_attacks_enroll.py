"""Attacks on enrollment, the one endpoint anyone may call, against a real hub process on SQLite
and PostgreSQL (issue 14): taking over another laptop's device id, bringing a revoked id back,
bodies that crashed the hub, and guessing codes past limits that now hold behind a proxy and
across hub processes. Judged by outcome: the victim still syncs, no 500, who gets 429."""

from __future__ import annotations

import json
import subprocess
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
import test_hub_support
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_hub_support import COMMUNE_A, COMMUNE_B, HEADERS, Device, Hub, record

from volunteer_kit.hub import enrollment
from volunteer_kit.sync import enroll_proof
from volunteer_kit.sync.bundle_format import public_key_b64

# The fixtures, by name (each test runs on SQLite, and on PostgreSQL when set).
hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

WRONG = "AAAA-BBBB-CCCC"


def _enroll(
    url: str,
    *,
    code: str,
    device_id: str | None = None,
    key: Ed25519PrivateKey | None = None,
    proof: str = "",
    label: str = "laptop",
    client: str | None = None,
) -> requests.Response:
    """POST /enroll as a device would; `client` is the address a proxy would forward."""
    body = {
        "code": code,
        "device_id": device_id or str(uuid.uuid4()),
        "label": label,
        "public_key": public_key_b64(key or Ed25519PrivateKey.generate()),
        "proof": proof,
    }
    headers = {**HEADERS, **({"X-Forwarded-For": client} if client else {})}
    return requests.post(f"{url}/api/v1/enroll", json=body, headers=headers, timeout=10)


def _raw_enroll(hub: Hub, body: bytes) -> requests.Response:
    headers = {**HEADERS, "Content-Type": "application/json"}
    return requests.post(f"{hub.api}/enroll", data=body, headers=headers, timeout=30)


def _still_syncs(hub: Hub, device: Device, *, pushed: dict[str, Any]) -> None:
    """The device's token works: it pushes, and pulls what it pushed before."""
    assert hub.push_ok(device, [record("household", device)])[0]["status"] == "accepted"
    assert pushed["id"] in {r["id"] for r in hub.pull_all(device)}


def _device_row(hub: Hub, device_id: str) -> dict[str, Any]:
    found = enrollment.get_device(hub.engine, device_id)
    assert found is not None
    return found


# ---------------------------------------------------------------- device ids


def test_a_fresh_code_cannot_take_over_an_enrolled_device_id(hub: Hub) -> None:
    victim = hub.enroll(COMMUNE_A)
    mine = record("learner", victim)
    hub.push_ok(victim, [mine])
    before = _device_row(hub, victim.id)
    victim_key = public_key_b64(victim.key)
    stranger = Ed25519PrivateKey.generate()
    for commune in (COMMUNE_A, COMMUNE_B):
        code = hub.code(commune)
        taken = _enroll(hub.url, code=code, device_id=victim.id, key=stranger)
        assert taken.status_code == 409, taken.text
        refusal = taken.json()
        assert "already enrolled" in refusal["detail"] and "đã được ghi danh" in refusal["detail_vi"]
        # The victim's public key is no secret: without its private key's proof, still refused.
        forged = enroll_proof.sign(stranger, code, victim.id)
        r = _enroll(hub.url, code=code, device_id=victim.id, key=victim.key, proof=forged)
        assert r.status_code == 409, r.text
        # A refusal does not use the code up: a laptop of its own still enrolls with it.
        assert _enroll(hub.url, code=code).status_code == 200
    # A code that keeps probing ids is withdrawn (it cannot list which ids the hub knows).
    code = hub.code(COMMUNE_A)
    for _ in range(enrollment.CODE_REFUSALS):
        assert _enroll(hub.url, code=code, device_id=victim.id).status_code == 409
    assert _enroll(hub.url, code=code).status_code == 403
    after = _device_row(hub, victim.id)
    assert (after["commune_code"], after["token_hash"], after["public_key"]) == (
        before["commune_code"],
        before["token_hash"],
        victim_key,
    )
    _still_syncs(hub, victim, pushed=mine)


def test_the_same_laptop_enrolls_again_with_its_own_key(hub: Hub) -> None:
    laptop = hub.enroll(COMMUNE_A)
    code = hub.code(COMMUNE_A, "officer")
    again = _enroll(
        hub.url,
        code=code,
        device_id=laptop.id,
        key=laptop.key,
        proof=enroll_proof.sign(laptop.key, code, laptop.id),
    )
    assert again.status_code == 200, again.text
    assert again.json()["device_id"] == laptop.id and again.json()["role"] == "officer"
    auth = {**HEADERS, "Authorization": f"Bearer {again.json()['token']}"}
    assert requests.get(f"{hub.api}/pull", headers=auth, timeout=10).status_code == 200


def test_a_revoked_device_id_never_comes_back(hub: Hub) -> None:
    victim = hub.enroll(COMMUNE_A)
    assert enrollment.revoke_device(hub.engine, victim.id)
    for commune in (COMMUNE_A, COMMUNE_B):
        code = hub.code(commune)
        # Even with the laptop's own key and proof: a revoked laptop may have been stolen.
        proof = enroll_proof.sign(victim.key, code, victim.id)
        r = _enroll(hub.url, code=code, device_id=victim.id, key=victim.key, proof=proof)
        assert r.status_code == 409, r.text
        assert "revoked" in r.json()["detail"]
    assert _device_row(hub, victim.id)["revoked_at"] is not None
    refused = requests.get(f"{hub.api}/pull", headers=victim.auth, timeout=10)
    assert refused.status_code == 403 and refused.json()["code"] == "device_revoked"


def test_the_laptop_says_plainly_that_its_id_is_taken_and_enrolls_again_from_its_own_folder(
    hub: Hub, tmp_path: Path
) -> None:
    from conftest import run_cli

    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store
    from volunteer_kit.sync import client, keys

    folder = tmp_path / "laptop"
    folder.mkdir()
    engine = open_store(folder / "volunteer-kit.sqlite3")
    try:
        device_id = ensure_device(engine)
        client.enroll(engine, hub.url, hub.code(COMMUNE_A), label="Máy của Hoa")
        # The token lost (or a new role): the same folder enrolls again, keeping its id.
        again = client.enroll(engine, hub.url, hub.code(COMMUNE_A, "officer"), label="Máy của Hoa")
        assert again.device_id == device_id and again.role == "officer"
        # A copy of the folder without the laptop's key (another laptop) is refused, in one line.
        keys.key_path(engine).unlink()
    finally:
        engine.dispose()
    done = run_cli("--lang", "en", "enroll", "--hub", hub.url, "--code", hub.code(COMMUNE_A), data_dir=folder)
    assert done.returncode == 1, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "409" in lines[0] and "already enrolled" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------- bodies


@pytest.mark.parametrize("depth", [8_000, 100_000])
def test_deeply_nested_json_to_enroll_is_refused_not_a_crash(hub: Hub, depth: int) -> None:
    for body in (b"[" * depth + b"]" * depth, b'{"code": ' + b"[" * depth + b"]" * depth + b"}"):
        r = _raw_enroll(hub, body)
        assert 400 <= r.status_code < 500, r.text
        assert r.json()["detail"] and r.json()["detail_vi"]
    assert requests.get(f"{hub.api}/health", timeout=10).status_code == 200


def test_labels_and_ids_that_are_not_plain_text_are_refused(hub: Hub) -> None:
    def ask(**fields: Any) -> bytes:
        body = {
            "code": hub.code(),
            "device_id": str(uuid.uuid4()),
            "label": "laptop",
            "public_key": public_key_b64(Ed25519PrivateKey.generate()),
        }
        return json.dumps({**body, **fields}).encode()  # ensure_ascii: "\ud800" travels as an escape

    bad = [
        {"label": "Hoa\x00"},
        {"label": "Hoa\x07 bell"},
        {"label": "Hoa\ud800"},
        {"label": "Hoa\u202eevil"},
        {"label": "x" * 101},
        {"device_id": "not-a-uuid"},
        {"device_id": str(uuid.uuid4()).upper()},
    ]
    for fields in bad:
        r = _raw_enroll(hub, ask(**fields))
        assert r.status_code == 422, (fields, r.text)
    nfd = unicodedata.normalize("NFD", "Máy của Hằng")
    device_id = str(uuid.uuid4())
    r = _raw_enroll(hub, ask(label=f"  {nfd}\u00a0", device_id=device_id))
    assert r.status_code == 200, r.text
    assert _device_row(hub, device_id)["label"] == "Máy của Hằng"


# ---------------------------------------------------------------- limits


def _wrong_codes_until_refused(url: str, client: str | None = None) -> list[int]:
    return [_enroll(url, code=WRONG, client=client).status_code for _ in range(enrollment.CLIENT_REFUSALS)]


@pytest.mark.hub_args("--forwarded-allow-ips", "127.0.0.1")
def test_a_guessing_client_behind_the_proxy_blocks_only_itself(hub: Hub) -> None:
    assert _wrong_codes_until_refused(hub.url, "203.0.113.7") == [403] * enrollment.CLIENT_REFUSALS
    throttled = _enroll(hub.url, code=WRONG, client="203.0.113.7")
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    # Throttled, it learns nothing, even with a valid code...
    code = hub.code()
    assert _enroll(hub.url, code=code, client="203.0.113.7").status_code == 429
    # ...which another laptop behind the same proxy then uses.
    r = _enroll(hub.url, code=code, client="203.0.113.8")
    assert r.status_code == 200, r.text


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(hub: Hub) -> None:
    assert _wrong_codes_until_refused(hub.url, "203.0.113.7") == [403] * enrollment.CLIENT_REFUSALS
    r = _enroll(hub.url, code=hub.code(), client="198.51.100.9")  # the same peer, whatever it says
    assert r.status_code == 429, r.text


@pytest.mark.hub_args("--forwarded-allow-ips", "127.0.0.1")
def test_guessing_from_many_addresses_slows_the_guessers_and_a_valid_code_still_works(hub: Hub) -> None:
    guessers = [f"10.1.{n // 250}.{n % 250 + 1}" for n in range(enrollment.GLOBAL_REFUSALS)]
    assert {_enroll(hub.url, code=WRONG, client=g).status_code for g in guessers} == {403}
    # Past the hub-wide cap, an address already refused waits (one guess per address per window)...
    assert _enroll(hub.url, code=WRONG, client=guessers[0]).status_code == 429
    # ...while a laptop never refused is heard: its valid code enrolls, a typo is a plain 403.
    assert _enroll(hub.url, code=hub.code(), client="192.0.2.10").status_code == 200
    assert _enroll(hub.url, code=WRONG, client="192.0.2.11").status_code == 403


def test_limits_hold_across_two_hub_processes_on_one_database(hub: Hub, tmp_path: Path) -> None:
    from volunteer_kit.hub.serve import spawn_local_hub

    other, other_url = spawn_local_hub(tmp_path / "hub2", db_url=hub.db_url)
    try:
        urls = [hub.url, other_url]
        statuses = [_enroll(urls[n % 2], code=WRONG).status_code for n in range(enrollment.CLIENT_REFUSALS)]
        assert statuses == [403] * enrollment.CLIENT_REFUSALS
        assert [_enroll(url, code=WRONG).status_code for url in urls] == [429, 429]
    finally:
        other.terminate()
        try:
            other.wait(timeout=10)
        except subprocess.TimeoutExpired:
            other.kill()


def test_hub_serve_refuses_a_proxy_list_it_cannot_read(tmp_path: Path) -> None:
    from test_hub_support import run_cli

    for given in ("*", "10.0.0.1,proxy.local", "10.0.0.0/33"):
        done = run_cli(
            "hub",
            "serve",
            "--forwarded-allow-ips",
            given,
            data_dir=tmp_path,
            db=f"sqlite:///{tmp_path / 'hub.sqlite3'}",
            check=False,
        )
        assert done.returncode == 1 and "--forwarded-allow-ips" in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
