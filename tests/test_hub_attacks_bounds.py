"""Attacks on the hub's bounds (issue 14), against a real hub process on SQLite and PostgreSQL.

Each test is one hole that was reproduced, tried as an enrolled device (or anyone) would, and
judged by its outcome: a refusal (4xx, never 500), the hub's memory bounded, and every commune's
data intact as a fresh device of that commune sees it (docs/security.md, "Every input bounded").
"""

from __future__ import annotations

import base64
import io
import json
import os
import random
import threading
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
import test_hub_support
from test_hub_support import COMMUNE_A, COMMUNE_B, Device, Hub, record

from volunteer_kit.sync import bundle_format

# The fixtures, by name (each test runs on SQLite, and on PostgreSQL when set).
hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

INT64_MAX = 2**63 - 1


def _refused(r: requests.Response, *statuses: int) -> dict[str, Any]:
    """The answer is one of `statuses` (a refusal with the hub's error body), never a 500."""
    assert r.status_code in statuses, (r.status_code, r.text[:300])
    body = r.json()
    assert body["detail"] and body["detail_vi"], body
    return body


def _hub_log(hub: Hub) -> str:
    return (hub.data_dir.parent / "hub-stderr.txt").read_text(encoding="utf-8", errors="replace")


def _ids(records: list[dict[str, Any]]) -> dict[str, str]:
    return {r["id"]: r["hash"] for r in records}


def _still_syncs(hub: Hub, commune: str = COMMUNE_A) -> None:
    """A fresh device of the commune pushes a record and pulls it back: the hub is fine."""
    device = hub.enroll(commune)
    rec = record("household", device)
    assert hub.push_ok(device, [rec])[0]["status"] == "accepted"
    assert rec["id"] in _ids(hub.pull_all(hub.enroll(commune)))


# ---------------------------------------------------------------- cursors and limits


def test_cursors_and_limits_beyond_int64_are_refused_not_a_crash(hub: Hub) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    mine = record("household", officer)
    hub.push_ok(officer, [mine])
    for path in ("pull", "conflicts", "packs"):
        url = f"{hub.api}/{path}"
        for params in (
            {"after": 2**63},
            {"after": 10**30},
            {"after": -1},
            {"limit": 2**63},
            {"limit": 0},
            {"after": "1e3"},
        ):
            _refused(requests.get(url, params=params, headers=officer.auth, timeout=10), 422)
        # The largest int64 is a cursor like any other: nothing after it.
        r = requests.get(url, params={"after": INT64_MAX}, headers=officer.auth, timeout=10)
        assert r.status_code == 200, r.text
    assert "Traceback" not in _hub_log(hub)
    assert mine["id"] in _ids(hub.pull_all(officer))


# ---------------------------------------------------------------- JSON depth


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


@pytest.mark.parametrize("compress", [False, True])
def test_deeply_nested_json_is_refused_on_every_endpoint_not_a_crash(hub: Hub, compress: bool) -> None:
    import gzip

    device = hub.enroll()
    deep = _deep(100_000)
    bodies = {
        "push": b'{"device_id":"' + device.id.encode() + b'","records":' + deep + b"}",
        "enroll": b'{"code":' + deep + b"}",
    }
    for path, body in bodies.items():
        headers = {**device.auth, "Content-Type": "application/json"}
        if compress:
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        r = requests.post(f"{hub.api}/{path}", data=body, headers=headers, timeout=30)
        _refused(r, 413, 422)
    # Nesting inside one record's data is as deep as a push may go: refused, not a crash.
    rec = record("household", device)
    body = json.dumps({"device_id": device.id, "records": [rec]}).encode()
    assert b'"address": "x"' in body
    body = body.replace(b'"address": "x"', b'"address": ' + _deep(50_000), 1)
    r = requests.post(f"{hub.api}/push", data=body, headers=device.auth, timeout=30)
    _refused(r, 413, 422)
    assert "Traceback" not in _hub_log(hub)
    _still_syncs(hub)


# ---------------------------------------------------------------- invalid Unicode

_LONE = "\\ud800"  # as it is written in JSON: a lone high surrogate escape


def _push_raw(hub: Hub, device: Device, body: bytes) -> requests.Response:
    headers = {**device.auth, "Content-Type": "application/json"}
    return requests.post(f"{hub.api}/push", data=body, headers=headers, timeout=30)


def test_a_lone_surrogate_anywhere_in_a_push_is_refused_and_stored_nowhere(hub: Hub) -> None:
    device = hub.enroll()
    rec = record("household", device)
    text = json.dumps({"device_id": device.id, "records": [rec]}, ensure_ascii=False)
    # In the record's id, its table, its hash, a field of its data, a key, the device id;
    # escaped in JSON, or encoded as UTF-8 bytes (which strict UTF-8 never allows).
    for old, new in [
        (f'"id": "{rec["id"]}"', f'"id": "{rec["id"][:30]}{_LONE}"'),
        ('"table": "household"', f'"table": "house{_LONE}"'),
        (f'"hash": "{rec["hash"]}"', f'"hash": "{_LONE}{rec["hash"][6:]}"'),
        ('"address": "x"', f'"address": "Thôn {_LONE} Đông"'),
        ('"address": "x"', f'"address{_LONE}": "x"'),
        (f'"device_id": "{device.id}"', f'"device_id": "{_LONE}"'),
    ]:
        assert old in text, old
        r = _push_raw(hub, device, text.replace(old, new, 1).encode())
        _refused(r, 422)
    encoded = text.replace('"address": "x"', '"address": "Th\x00"', 1).encode()
    r = _push_raw(hub, device, encoded.replace(b"\x00", b"\xed\xa0\x80", 1))
    _refused(r, 422)
    # An emoji sent as an escaped surrogate pair is valid Unicode, and is kept.
    pair = record("household", device, address="Nhà 🏠")
    body = json.dumps({"device_id": device.id, "records": [pair]}).encode()  # ensure_ascii: \ud83c\udfe0
    assert b"\\ud83c\\udfe0" in body
    answer = _push_raw(hub, device, body)
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "accepted", answer.text
    pulled = hub.pull_all(hub.enroll())
    assert [r["data"]["address"] for r in pulled if r["id"] == pair["id"]] == ["Nhà 🏠"]
    assert rec["id"] not in _ids(pulled)
    assert "Traceback" not in _hub_log(hub)


# ---------------------------------------------------------------- bundles


def _zip(entries: list[tuple[str, bytes]], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


def _signed(device: Device, body: bytes, *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    signature = device.key.sign(body)
    return _zip(
        [(bundle_format.MANIFEST_NAME, body), (bundle_format.SIGNATURE_NAME, signature)], method=method
    )


def _header(hub: Hub, device: Device) -> bytes:
    hub_id = requests.get(f"{hub.api}/health", timeout=5).json()["hub_id"]
    head = {
        "format": bundle_format.FORMAT,
        "version": bundle_format.VERSION,
        "device_id": device.id,
        "commune_code": device.commune_code,
        "hub_id": hub_id,
        "created_at": "2026-12-06T08:00:00Z",
    }
    return json.dumps(head, separators=(",", ":")).encode()[:-1] + b',"records":['


def _bomb(head: bytes, inflated: int) -> bytes:
    """A bundle whose bundle.json is `head` then `[],` repeated to `inflated` bytes: deflate packs
    it ~1000:1 and json.loads would make it ~20 times larger in memory (the reported attack)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(bundle_format.MANIFEST_NAME, "w") as entry:
            entry.write(head)
            block = b"[]," * (1024 * 1024 // 3)
            written = len(head)
            while written + len(block) < inflated:
                entry.write(block)
                written += len(block)
            entry.write(b"[]]}")
        archive.writestr(bundle_format.SIGNATURE_NAME, b"\0" * 64)
    return out.getvalue()


def _post_bundle(hub: Hub, device: Device, content: bytes) -> requests.Response:
    headers = {**device.auth, "Content-Type": "application/zip"}
    return requests.post(f"{hub.api}/bundle", data=content, headers=headers, timeout=120)


def _hub_rss_peak(hub: Hub, during: Callable[[], Any]) -> tuple[int, int, Any]:
    """The hub process's resident memory before, and its peak while `during` runs (sampled)."""
    import psutil

    process = psutil.Process(hub.process.pid)
    before = process.memory_info().rss
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            done.wait(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        outcome = during()
    finally:
        done.set()
        sampler.join()
    return before, peak[0], outcome


def test_three_zip_bombs_at_once_are_refused_and_the_hub_memory_stays_bounded(hub: Hub) -> None:
    devices = [hub.enroll() for _ in range(3)]
    # 250 MB of bundle.json in ~250 KB of zip: the reported 381 KB bundle took 7 GB of the hub.
    bomb = _bomb(_header(hub, devices[0]), 250 * 1024 * 1024)
    assert len(bomb) < 400 * 1024
    answers: list[requests.Response] = []

    def three_at_once() -> None:
        barrier = threading.Barrier(3)

        def send(device: Device) -> None:
            barrier.wait()
            answers.append(_post_bundle(hub, device, bomb))

        threads = [threading.Thread(target=send, args=(d,)) for d in devices]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    before, peak, _ = _hub_rss_peak(hub, three_at_once)
    assert len(answers) == 3
    for r in answers:
        _refused(r, 413)
    assert peak - before < 100 * 1024 * 1024, f"the hub grew by {(peak - before) >> 20} MB"
    _still_syncs(hub)


def test_bundle_bounds_are_checked_before_parsing(hub: Hub) -> None:
    device = hub.enroll()
    head = _header(hub, device)
    rec = record("household", device)
    good_body = head + json.dumps(rec).encode() + b"]}"
    cases: dict[str, tuple[bytes, int]] = {
        # More entries than bundle.json and bundle.sig (a directory of thousands).
        "many entries": (
            _zip(
                [(f"x{i}", b"") for i in range(5000)]
                + [("bundle.json", good_body), ("bundle.sig", b"s" * 64)]
            ),
            422,
        ),
        # bundle.json declares 100 bytes and inflates to much more (sizes in the zip lied about).
        "declared size lies": (_lying_sizes(_signed(device, good_body + b" " * 2_000_000)), 422),
        # Compressed at a ratio no bundle has, though under the size cap.
        "ratio": (_bomb(head, 5 * 1024 * 1024), 413),
        # A method zipfile would inflate with other memory rules (bzip2).
        "method": (
            _zip([("bundle.json", good_body), ("bundle.sig", b"s" * 64)], method=zipfile.ZIP_BZIP2),
            422,
        ),
        # One record larger than a record can be (a bundle is read one record at a time).
        "one huge record": (
            _signed(
                device, head + b'{"table":"household","data":{"x":"' + _incompressible(1_100_000) + b'"}}]}'
            ),
            422,
        ),
        # A record nested deeper than JSON may go here.
        "deep record": (_signed(device, head + _deep(100_000) + b"]}", method=zipfile.ZIP_STORED), 422),
        # A lone surrogate in the records or in the header.
        "lone surrogate": (
            _signed(device, good_body.replace(b'"address": "x"', b'"address": "\\ud800"')),
            422,
        ),
        "lone surrogate in header": (
            _signed(device, head.replace(device.id.encode(), device.id[:-1].encode() + b"\\udc00")),
            422,
        ),
    }
    for name, (content, status) in cases.items():
        r = _post_bundle(hub, device, content)
        assert r.status_code == status, (name, r.status_code, r.text[:300])
        _refused(r, status)
    # Records that are garbage under a signature that does not match: refused for the signature,
    # which is checked before any record is read.
    forged = _zip([("bundle.json", head + b"[[[[[[not json"), ("bundle.sig", device.key.sign(good_body))])
    assert "signature" in _refused(_post_bundle(hub, device, forged), 422)["detail"]
    # Well signed, a good record then a bad one: every record is checked before any is applied.
    half_bad = _signed(device, head + json.dumps(rec).encode() + b",[1]]}")
    assert "not an object" in _refused(_post_bundle(hub, device, half_bad), 422)["detail"]
    assert rec["id"] not in _ids(hub.pull_all(hub.enroll()))
    assert _post_bundle(hub, device, _signed(device, good_body)).status_code == 200
    assert rec["id"] in _ids(hub.pull_all(hub.enroll()))
    assert "Traceback" not in _hub_log(hub)


def _lying_sizes(content: bytes) -> bytes:
    """The zip with bundle.json's declared (uncompressed) size set to 100 bytes in both headers."""
    data = bytearray(content)
    name = bundle_format.MANIFEST_NAME.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = (100).to_bytes(4, "little")
            at = data.find(signature, at + 4)
    return bytes(data)


def _incompressible(size: int) -> bytes:
    return base64.b64encode(os.urandom(size * 3 // 4 + 3))[:size]


def _words(rng: random.Random, size: int) -> str:
    """Vietnamese-looking text of about `size` characters that compresses as real notes do."""
    syllables = [
        "Nguyễn",
        "thị",
        "hằng",
        "học",
        "xong",
        "bài",
        "VNeID",
        "mức",
        "hai",
        "ấp",
        "Đông",
        "ngõ",
        "nhà",
    ]
    out: list[str] = []
    while sum(map(len, out)) + len(out) < size:
        out.append(rng.choice(syllables) + str(rng.randrange(1000)))
    return " ".join(out)[:size]


def test_bundles_the_app_wrote_still_import(hub: Hub, tmp_path: Path) -> None:
    """Version 1 bundles, as devices in the field wrote them, import as before: records of every
    size up to the models' bounds, read across many reading windows."""
    device = hub.enroll()
    hub_id = requests.get(f"{hub.api}/health", timeout=5).json()["hub_id"]
    rng = random.Random(14)
    records = [record("household", device, note=_words(rng, rng.randrange(4000))) for _ in range(1500)]
    records.append(record("household", device, note="ệ" * 4000))  # the longest a note may be
    path = bundle_format.write_bundle(
        tmp_path / "field.vkbundle",
        device_id=device.id,
        commune_code=device.commune_code,
        hub_id=hub_id,
        records=records,
        private_key=device.key,
    )
    assert (
        path.stat().st_size > 1024 * 1024
        and len(bundle_format.read_bundle(path).json_bytes) > 3 * 1024 * 1024
    )
    r = _post_bundle(hub, hub.devices[0], path.read_bytes())
    assert r.status_code == 200, r.text
    refused = [x for x in r.json()["results"] if x["status"] != "accepted"]
    assert refused == [] and len(r.json()["results"]) == len(records)
    pulled = _ids(hub.pull_all(hub.enroll()))
    assert all(pulled.get(rec["id"]) == rec["hash"] for rec in records)


# ---------------------------------------------------------------- the same id from two communes


def _push_at_once(hub: Hub, batches: list[tuple[Device, list[dict]]]) -> dict[str, list[dict]]:
    """Each device pushes its batch from its own thread, all released together (a barrier)."""
    answers: dict[str, list[dict]] = {}
    barrier = threading.Barrier(len(batches))

    def push(device: Device, records: list[dict]) -> None:
        barrier.wait()
        answers[device.commune_code] = hub.push_ok(device, records)

    threads = [threading.Thread(target=push, args=item) for item in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def test_the_same_id_from_two_communes_at_once_is_taken_by_one_and_refused_to_the_other(hub: Hub) -> None:
    a, b = hub.enroll(COMMUNE_A), hub.enroll(COMMUNE_B)
    expected: dict[str, dict[str, str]] = {COMMUNE_A: {}, COMMUNE_B: {}}  # what each commune must see
    for _trial in range(50):
        shared_id = str(uuid.uuid4())
        batches = [
            # Each with a record of its own in the same push: refusing the clash refuses only it.
            (
                d,
                [
                    record("household", d),
                    record("household", d, id=shared_id, address=f"of {d.commune_code}"),
                ],
            )
            for d in (a, b)
        ]
        answers = _push_at_once(hub, batches)
        statuses = {commune: [r["status"] for r in results] for commune, results in answers.items()}
        winners = [c for c, s in statuses.items() if s == ["accepted", "accepted"]]
        assert len(winners) == 1, statuses
        loser = COMMUNE_B if winners[0] == COMMUNE_A else COMMUNE_A
        assert statuses[loser] == ["accepted", "rejected"], statuses
        assert "another commune" in answers[loser][1]["reason"]
        for device, records in batches:
            accepted = records if device.commune_code == winners[0] else records[:1]
            expected[device.commune_code].update(_ids(accepted))
    # As a fresh device of each commune sees it: every record accepted for it is there, as
    # accepted (the winner's version of the shared ids), and nothing else.
    for commune in (COMMUNE_A, COMMUNE_B):
        assert _ids(hub.pull_all(hub.enroll(commune))) == expected[commune], commune
    _still_syncs(hub, COMMUNE_B)


def test_pushes_stay_idempotent_for_the_winner_and_refused_for_the_loser(hub: Hub) -> None:
    a, b = hub.enroll(COMMUNE_A), hub.enroll(COMMUNE_B)
    first = record("learner", a)
    taken = hub.push_ok(a, [first])[0]
    clash = record("learner", b, id=first["id"])
    for _ in range(2):
        assert hub.push_ok(b, [clash])[0]["status"] == "rejected"
        assert hub.push_ok(a, [first])[0] == taken  # the same answer, nothing twice
    assert hub.count("hub_record") == 1
    assert _ids(hub.pull_all(hub.enroll(COMMUNE_B))) == {}


def test_no_writer_can_move_a_record_to_another_commune(hub: Hub) -> None:
    """The rule holds in the database itself (migration 0004), whatever code writes."""
    from sqlalchemy.exc import DatabaseError

    a = hub.enroll(COMMUNE_A)
    rec = record("household", a)
    hub.push_ok(a, [rec])
    with pytest.raises(DatabaseError, match="commune never changes"):
        with hub.engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE hub_latest SET commune_code = '{COMMUNE_B}'")
    assert _ids(hub.pull_all(hub.enroll(COMMUNE_A))) == _ids([rec])


def test_a_nul_or_invalid_utf8_in_a_path_is_refused_not_a_crash(hub: Hub) -> None:
    """Path parameters reach the database (a pack's SHA-256, a certificate's code): a NUL or
    bytes that are not UTF-8 are refused or not found, never a 500."""
    device = hub.enroll()
    for bad in ("%00", "%ED%A0%80", "%FF", "a%00b"):
        r = requests.get(f"{hub.api}/packs/file/{bad}", headers=device.auth, timeout=10)
        _refused(r, 400, 404, 422)
        r = requests.get(f"{hub.url}/v/{bad}", timeout=10)
        assert r.status_code < 500, (bad, r.status_code)
    assert "Traceback" not in _hub_log(hub)
