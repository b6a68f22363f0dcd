"""The commune officer runs the commune from the officer's laptop with `volunteer-kit admin …`
(issue 18), against a real hub process (SQLite, and PostgreSQL when VK_TEST_POSTGRES_URL is set):
a code made on the laptop enrolls a new laptop, which the officer lists and revokes; the revoked
laptop is told so, keeps its records, exports them, and the officer relays them to the hub.

Every command runs as a user runs it (a real process, real data folders); judged by what the
laptops' stores and the hub hold afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
import test_hub_support
from conftest import run_cli
from test_hub_support import COMMUNE_A, Hub

from volunteer_kit.errors import InvalidInput
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import local

hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

STORE = "volunteer-kit.sqlite3"
REASON = "Máy bị mất ở nhà văn hoá thôn"


def vk(folder: Path, *args: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    return run_cli("--lang", lang, *args, data_dir=folder)


def ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, done.stderr
    return done


def one_line_refusal(done: subprocess.CompletedProcess[str]) -> str:
    """The command failed (exit 1) with exactly one line on stderr, no traceback; that line."""
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def sql(folder: Path, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(folder / STORE)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def state(folder: Path) -> dict[str, str]:
    return dict(sql(folder, "SELECT key, value FROM sync_state"))


def pending(folder: Path) -> dict[str, int]:
    """(table) -> records waiting to go, on that laptop."""
    return {
        table: n
        for table in ("learner", "consent", "household")
        for (n,) in sql(folder, f"SELECT count(*) FROM {table} WHERE pending = 1")
    }


def officer_laptop(the_hub: Hub, folder: Path, *, demo: int = 0) -> Path:
    folder.mkdir(parents=True)
    if demo:
        ok(vk(folder, "demo", "--learners", str(demo), "--seed", "3"))
    code = the_hub.code(COMMUNE_A, "officer")
    ok(vk(folder, "enroll", "--hub", the_hub.url, "--code", code, "--label", "Máy cán bộ xã"))
    assert state(folder)[local.ROLE] == "officer"
    return folder


def new_learners(folder: Path, names: list[str]) -> list[str]:
    """Learners registered on that laptop now (with their consent), as a volunteer does at a class."""
    from volunteer_kit import paths
    from volunteer_kit.store.learners import register_learner

    paths.set_data_dir(folder)
    engine = open_store(folder / STORE)
    try:
        with engine.begin() as conn:
            return [register_learner(conn, full_name=name, birth_year=1955).id for name in names]
    finally:
        engine.dispose()
        paths.set_data_dir(None)


def test_an_officer_enrolls_a_laptop_revokes_it_and_gets_its_unsent_records_back(
    hub: Hub, tmp_path: Path
) -> None:
    import zxingcpp
    from PIL import Image

    officer = officer_laptop(hub, tmp_path / "officer")

    # A code for a volunteer's laptop, with its QR image, made on the officer's laptop.
    qr = tmp_path / "usb" / "ma-ghi-danh.png"
    qr.parent.mkdir()
    made = json.loads(
        ok(
            vk(officer, "admin", "code", "--role", "volunteer", "--expires", "24", "--json", "--qr", str(qr))
        ).stdout
    )
    assert made["role"] == "volunteer" and made["commune_code"] == COMMUNE_A
    assert made["enroll_text"] == f"vk-enroll:{hub.url}?code={made['code']}"
    with Image.open(qr) as image:
        [read] = zxingcpp.read_barcodes(image.convert("RGB"))
    assert read.text == made["enroll_text"]
    listed = json.loads(ok(vk(officer, "admin", "codes", "--json")).stdout)
    assert [c["id"] for c in listed] == [made["id"]]
    assert made["code"] not in json.dumps(listed)  # the code's text is never listed again
    text = ok(vk(officer, "admin", "code", "--role", "trainer"))
    assert text.stdout.splitlines()[1].startswith(f'volunteer-kit enroll --code "vk-enroll:{hub.url}?code=')

    # A new laptop enrolls with the printed text, as a volunteer types (or scans) it.
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    ok(vk(laptop, "demo", "--learners", "25", "--seed", "5"))
    ok(vk(laptop, "enroll", "--code", made["enroll_text"], "--label", "Máy chị Lan"))
    assert state(laptop)[local.ROLE] == "volunteer"
    ok(vk(laptop, "sync"))
    pushed = sum(
        n
        for table in ("learner", "consent", "household", "volunteer", "teaching_session", "attendance")
        for (n,) in sql(laptop, f"SELECT count(*) FROM {table} WHERE server_seq IS NOT NULL")
    )
    assert not any(pending(laptop).values())
    [(laptop_id,)] = sql(laptop, "SELECT id FROM device WHERE is_this_device = 1")
    assert made["id"] not in ok(vk(officer, "admin", "codes", "--json")).stdout  # used: no longer open

    # The officer sees it in the commune's list.
    devices = {d["id"]: d for d in json.loads(ok(vk(officer, "admin", "devices", "--json")).stdout)}
    mine = devices[laptop_id]
    assert mine["label"] == "Máy chị Lan" and mine["role"] == "volunteer"
    assert mine["last_contact"] and not mine["revoked"] and mine["revoked_at"] is None
    assert mine["records_pushed"] >= pushed > 0
    assert mine["app_version"]
    table = ok(vk(officer, "admin", "devices")).stdout
    assert "Máy chị Lan" in table and laptop_id[-8:] in table

    # New records made after the last sync: they wait on the laptop when it is revoked.
    learners = new_learners(laptop, ["Trần Văn Bảy", "Lê Thị Tám"])
    waiting = pending(laptop)
    assert waiting["learner"] == 2 and waiting["consent"] == 2

    # Revoked by its short id (as listed: the last characters), with a reason.
    revoked = ok(vk(officer, "admin", "revoke", laptop_id[-8:], "--reason", REASON))
    assert laptop_id[-8:] in revoked.stdout
    devices = {d["id"]: d for d in json.loads(ok(vk(officer, "admin", "devices", "--json")).stdout)}
    assert devices[laptop_id]["revoked"] and devices[laptop_id]["revoked_reason"] == REASON

    # The revoked laptop's sync is refused in plain Vietnamese; nothing of it is lost.
    line = one_line_refusal(vk(laptop, "sync"))
    assert f"Máy này đã bị cán bộ xã thu hồi (lý do: {REASON})" in line, line
    assert "Dữ liệu chưa gửi vẫn còn trên máy" in line and "bundle export" in line, line
    assert pending(laptop) == waiting
    assert state(laptop)[local.TOKEN]  # not wiped by the refusal
    status = ok(vk(laptop, "status")).stdout
    assert "Bị thu hồi" in status and REASON in status and "bundle export" in status, status
    said = json.loads(ok(vk(laptop, "status", "--json")).stdout)["revoked"]
    assert said["by_officer"] and said["reason"] == REASON and said["revoked_at"]
    assert said["exported_at"] is None and said["token_forgotten_at"] is None
    english = one_line_refusal(vk(laptop, "sync", lang="en"))
    assert "removed from the hub; your records are kept here" in english, english
    assert f"revoked by the commune officer (reason: {REASON})" in english, english

    # The token is not forgotten before the unsent records are exported; a bad path writes nothing.
    one_line_refusal(vk(laptop, "forget-hub"))
    assert state(laptop)[local.TOKEN]
    inside = one_line_refusal(vk(laptop, "bundle", "export", str(laptop / "ban-sao.vkbundle")))
    assert "thư mục dữ liệu" in inside and not (laptop / "ban-sao.vkbundle").exists()
    nowhere = one_line_refusal(vk(laptop, "bundle", "export", str(tmp_path / "no-such-usb" / "b.vkbundle")))
    assert "Không có thư mục" in nowhere
    taken = tmp_path / "usb" / "taken.vkbundle"
    taken.write_bytes(b"someone else's file")
    exists = one_line_refusal(vk(laptop, "bundle", "export", str(taken), "--wipe-token"))
    assert "đã có" in exists and taken.read_bytes() == b"someone else's file"
    assert state(laptop)[local.TOKEN]

    # Exported for the officer, then the token is deleted; the records stay on the laptop.
    out = tmp_path / "usb" / "may-bi-thu-hoi.vkbundle"
    exported = ok(vk(laptop, "bundle", "export", str(out), "--wipe-token"))
    assert out.is_file() and "Đã xoá mã truy cập" in exported.stdout
    assert local.TOKEN not in state(laptop)
    assert pending(laptop) == waiting
    said = json.loads(ok(vk(laptop, "status", "--json")).stdout)["revoked"]
    assert said["exported_records"] == 4 and said["token_forgotten_at"]

    # The officer relays the bundle (the existing relay); the records reach the hub and come back.
    relayed = ok(vk(officer, "bundle", "import", str(out), lang="en"))
    assert "4 accepted" in relayed.stdout, relayed.stdout
    ok(vk(officer, "sync"))
    got = sql(
        officer, "SELECT id, full_name FROM learner WHERE id IN (?, ?) ORDER BY full_name", tuple(learners)
    )
    assert [name for _id, name in got] == ["Lê Thị Tám", "Trần Văn Bảy"]


def test_forget_hub_refuses_when_a_record_changed_after_the_export(hub: Hub, tmp_path: Path) -> None:
    officer = officer_laptop(hub, tmp_path / "officer")
    made = json.loads(ok(vk(officer, "admin", "code", "--role", "volunteer", "--json")).stdout)
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    ok(vk(laptop, "enroll", "--code", made["enroll_text"]))
    [(laptop_id,)] = sql(laptop, "SELECT id FROM device WHERE is_this_device = 1")
    new_learners(laptop, ["Phạm Văn Chín"])
    ok(vk(officer, "admin", "revoke", laptop_id, "--reason", "Đổi máy"))
    one_line_refusal(vk(laptop, "sync"))
    ok(vk(laptop, "bundle", "export", str(tmp_path / "a.vkbundle")))
    new_learners(laptop, ["Võ Thị Mười"])  # made after the export: it is in no bundle
    line = one_line_refusal(vk(laptop, "forget-hub"))
    assert "chưa được xuất ra tệp" in line, line
    assert state(laptop)[local.TOKEN]
    ok(vk(laptop, "bundle", "export", str(tmp_path / "b.vkbundle")))
    ok(vk(laptop, "forget-hub"))
    assert local.TOKEN not in state(laptop)


def test_admin_commands_are_refused_in_one_line_on_any_laptop_but_an_officers(
    hub: Hub, tmp_path: Path
) -> None:
    officer = officer_laptop(hub, tmp_path / "officer")
    made = json.loads(ok(vk(officer, "admin", "code", "--role", "volunteer", "--json")).stdout)
    volunteer = tmp_path / "volunteer"
    volunteer.mkdir()
    ok(vk(volunteer, "enroll", "--code", made["enroll_text"]))
    spare = json.loads(ok(vk(officer, "admin", "code", "--role", "trainer", "--json")).stdout)
    every = [
        ["code", "--role", "volunteer"],
        ["codes"],
        ["cancel-code", spare["id"]],
        ["devices", "--json"],
        ["revoke", made["id"], "--reason", "thử"],
        ["conflicts"],
        ["erasures"],
        ["approve-erasure", "1"],
        ["stats"],
    ]
    for args in every:
        line = one_line_refusal(vk(volunteer, "admin", *args))
        assert "Chỉ máy của cán bộ xã" in line and "tình nguyện viên" in line, (args, line)
    english = one_line_refusal(vk(volunteer, "admin", "devices", lang="en"))
    assert "Only a commune officer's laptop" in english
    unenrolled = tmp_path / "unenrolled"
    unenrolled.mkdir()
    ok(vk(unenrolled, "demo", "--learners", "3"))
    assert "chưa ghi danh" in one_line_refusal(vk(unenrolled, "admin", "devices"))
    # The code the refused commands would have cancelled is still open.
    assert spare["id"] in ok(vk(officer, "admin", "codes", "--json")).stdout


def test_the_hubs_refusals_and_bad_input_are_one_line(hub: Hub, tmp_path: Path) -> None:
    officer = officer_laptop(hub, tmp_path / "officer")
    line = one_line_refusal(vk(officer, "admin", "revoke", "khong-co-may", "--reason", "x"))
    assert "Không có máy nào có mã 'khong-co-may'" in line and "admin devices" in line, line
    [(own,)] = sql(officer, "SELECT id FROM device WHERE is_this_device = 1")
    line = one_line_refusal(vk(officer, "admin", "revoke", own, "--reason", "thử"))  # its own laptop: 409
    assert line.startswith("Không làm được:"), line
    assert "lý do" in one_line_refusal(vk(officer, "admin", "revoke", own, "--reason", "   "))
    assert "336" in one_line_refusal(vk(officer, "admin", "code", "--role", "volunteer", "--expires", "1000"))
    assert "336" in one_line_refusal(vk(officer, "admin", "code", "--role", "volunteer", "--expires", "0"))
    made = json.loads(ok(vk(officer, "admin", "code", "--role", "trainer", "--json")).stdout)
    ok(vk(officer, "admin", "cancel-code", made["id"][-8:]))
    assert json.loads(ok(vk(officer, "admin", "codes", "--json")).stdout) == []
    line = one_line_refusal(vk(officer, "admin", "cancel-code", made["id"]))  # cancelled already
    assert "Không có mã ghi danh nào" in line, line
    # A cancelled code enrolls nothing.
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    one_line_refusal(vk(laptop, "enroll", "--code", f"vk-enroll:{hub.url}?code=ABCD-EFGH-JKLM"))


def test_when_the_hub_is_away_the_command_says_so_and_the_last_list_is_kept(hub: Hub, tmp_path: Path) -> None:
    from volunteer_kit.sync import admin

    officer = officer_laptop(hub, tmp_path / "officer")
    listed = json.loads(ok(vk(officer, "admin", "devices", "--json")).stdout)
    figures = json.loads(ok(vk(officer, "admin", "stats", "--json")).stdout)
    assert set(figures) >= {"per_kind", "per_device", "per_week"}
    hub.process.terminate()
    hub.process.wait(timeout=10)
    line = one_line_refusal(vk(officer, "admin", "devices"))
    assert line.startswith("Không kết nối được máy chủ xã"), line
    engine = open_store(officer / STORE)
    try:
        kept = admin.cached(engine, "devices")
        assert kept is not None and kept[1] == listed and kept[0].endswith("Z")
        assert admin.cached(engine, "stats") is not None and admin.cached(engine, "stats")[1] == figures
        assert admin.cached(engine, "erasures") is None  # never fetched
    finally:
        engine.dispose()


def test_an_officer_restores_an_overwritten_version_as_a_new_edit(hub: Hub, tmp_path: Path) -> None:
    from volunteer_kit.sync import admin, client, payload

    officer = officer_laptop(hub, tmp_path / "officer", demo=10)
    ok(vk(officer, "sync"))
    [(learner_id, seq)] = sql(officer, "SELECT id, server_seq FROM learner ORDER BY rowid LIMIT 1")
    columns = payload.table_columns("learner")
    [values] = sql(officer, f"SELECT {', '.join(columns)} FROM learner WHERE id = ?", (learner_id,))
    row = dict(zip(columns, values, strict=True))
    other = hub.enroll(COMMUNE_A, "volunteer")
    theirs = {**row, "phone": "0911111111", "revision": row["revision"] + 1}
    [answer] = hub.push_ok(other, [payload.make_record("learner", theirs, base_seq=seq)])
    assert answer["status"] == "accepted"
    conn = sqlite3.connect(officer / STORE)
    conn.execute(
        "UPDATE learner SET phone = '0922222222', revision = revision + 1, pending = 1 WHERE id = ?",
        (learner_id,),
    )
    conn.commit()
    conn.close()
    ok(vk(officer, "sync"))
    [conflict] = json.loads(ok(vk(officer, "admin", "conflicts", "--json")).stdout)
    assert conflict["record_id"] == learner_id and conflict["overwritten"]["phone"] == "0911111111"
    engine = open_store(officer / STORE)
    try:
        admin.restore_conflict(engine, conflict)
        assert sql(officer, "SELECT phone, pending FROM learner WHERE id = ?", (learner_id,)) == [
            ("0911111111", 1)
        ]
        result = client.sync(engine)
        assert result.accepted == 1 and result.conflicts == 0
    finally:
        engine.dispose()
    latest = {r["id"]: r["data"] for r in hub.pull_all(other) if r["table"] == "learner"}
    assert latest[learner_id]["phone"] == "0911111111"
    # Restoring over a record this laptop holds older than the winner is refused, nothing written.
    stale = {**conflict, "kept_seq": 10**9}
    engine = open_store(officer / STORE)
    try:
        before = sql(officer, "SELECT phone, revision, pending FROM learner WHERE id = ?", (learner_id,))
        with pytest.raises(InvalidInput) as refused:
            admin.restore_conflict(engine, stale)
        assert "hãy đồng bộ rồi khôi phục lại" in refused.value.vi
        assert (
            sql(officer, "SELECT phone, revision, pending FROM learner WHERE id = ?", (learner_id,)) == before
        )
    finally:
        engine.dispose()
