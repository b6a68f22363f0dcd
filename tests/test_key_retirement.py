"""Retiring a certificate-signing key, or declaring it compromised (issue 14).

Retired: the key signs nothing more and what it signed stays valid. Compromised: every
certificate of the key verifies as "key revoked", on the officer's laptop, on a volunteer's
laptop after its own sync (offline) and on the hub's page; its learners are eligible again and
are re-issued with the new key. Only officers retire keys, on the device and on the hub.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.conftest import _running_app, make_officer, run_cli
from tests.test_certificates import _outlines, complete_pack, longest_names
from tests.test_hub_support import COMMUNE_A, Hub, hub, hub_db_url, record  # noqa: F401 - fixtures
from volunteer_kit import paths
from volunteer_kit.certificates import keys
from volunteer_kit.certificates.issue import issue_certificates, revoke
from volunteer_kit.certificates.payload import (
    CertificateData,
    Status,
    encode_payload,
    extract_payload,
    qr_text,
)
from volunteer_kit.certificates.retire import retire_key
from volunteer_kit.certificates.verify import verify_in_store
from volunteer_kit.core.clock import local, utcnow
from volunteer_kit.errors import InvalidInput
from volunteer_kit.store import certificates as store
from volunteer_kit.store import key_retirements
from volunteer_kit.store.devices import ensure_device, save_profile
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import client
from volunteer_kit.sync.bundle_format import public_key_b64

if TYPE_CHECKING:
    from volunteer_kit.ui.app import Application

PACK = "vn.bdhvs.vneid"
WAIT = 15_000


@pytest.fixture
def officer(demo_engine, data_dir: Path):
    """The demo commune on an officer's laptop; four learners (longest names first) finished VNeID."""
    make_officer(demo_engine)
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        learners = longest_names(conn, 4)
        complete_pack(conn, learners)
    return demo_engine, learners


def _refused(call, words: str) -> None:
    """`call()` is refused with a message for the user whose Vietnamese says `words`."""
    with pytest.raises(InvalidInput) as refused:
        call()
    assert words in refused.value.vi, refused.value.vi


def _cli_json(*args: str, data_dir: Path) -> object:
    done = run_cli(*args, "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _verify(payload: str, data_dir: Path) -> tuple[int, dict]:
    done = run_cli("--lang", "en", "certificates", "verify", payload, "--json", data_dir=data_dir)
    [verdict] = json.loads(done.stdout)
    return done.returncode, verdict


def _forged_after_retirement(private_key, key_id: str, commune: str = COMMUNE_A) -> str:
    """A certificate signed with the (stolen) old key, dated the day after it was retired."""
    data = CertificateData(
        serial=f"{commune}-{key_id[:6].upper()}-999999",
        full_name="Nguyễn Văn Giả",
        pack_id=PACK,
        issued_on=local(utcnow()).date() + timedelta(days=1),
        key_id=key_id,
    )
    return qr_text(encode_payload(data, private_key), None)


def test_verdicts_of_a_retired_and_a_compromised_key() -> None:
    """The payload check alone (as on the hub): dated up to the retirement day it stands; later it is
    refused; compromised, nothing of the key stands; an odd retirement time never raises."""
    from volunteer_kit.certificates.payload import key_id_for, retired_keys, verify_payload

    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    key_id = key_id_for(public)

    def signed(day_offset: int) -> str:
        data = CertificateData(
            serial=f"{COMMUNE_A}-{key_id[:6].upper()}-{100 + day_offset:06d}",
            full_name="Nguyễn Thị Hằng",
            pack_id=PACK,
            issued_on=date(2026, 11, 20) + timedelta(days=day_offset),
            key_id=key_id,
        )
        return encode_payload(data, private)

    trusted = {key_id: public}
    retired = retired_keys([(key_id, "2026-11-20T16:30:00.000000Z", False)])  # 23:30 in Vietnam
    assert verify_payload(signed(-30), trusted, (), retired).status is Status.valid
    assert verify_payload(signed(0), trusted, (), retired).status is Status.valid  # the same day
    later = verify_payload(signed(1), trusted, (), retired)
    assert later.status is Status.key_retired and "21/11/2026" in later.vi and "20/11/2026" in later.vi
    leaked = retired_keys(
        [(key_id, "2026-11-20T16:30:00.000000Z", False), (key_id, "2026-12-01 02:00:00.000000", True)]
    )
    revoked_too = {f"{COMMUNE_A}-{key_id[:6].upper()}-000100"}  # revoked one by one as well
    for offset in (-30, 0, 1):
        assert verify_payload(signed(offset), trusted, revoked_too, leaked).status is Status.key_revoked
    odd = retired_keys([(key_id, "9999-12-31T23:59:59Z", False), ("0" * 16, None, True)])
    assert verify_payload(signed(-30), trusted, (), odd).status is Status.key_retired
    assert odd["0" * 16].compromised


def test_a_retired_key_signs_no_more_but_its_certificates_stay_valid(officer, data_dir: Path) -> None:
    _engine, learners = officer
    first = _cli_json("certificates", "issue", "--pack", PACK, "--learner", learners[0], data_dir=data_dir)
    old_key = keys.load_issuer_key(data_dir)
    assert old_key is not None and first[0]["serial"].split("-")[1] == old_key.serial_part

    done = run_cli("--lang", "en", "certificates", "retire-key", "--reason", "Đổi máy mới", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert f"Signing key {old_key.key_id} retired" in done.stderr and "New key:" in done.stderr

    new_key = keys.load_issuer_key(data_dir)
    assert new_key is not None and new_key.key_id != old_key.key_id
    assert sorted(p.name for p in keys.key_path(data_dir).parent.iterdir()) == ["issuer.key"]
    assert keys.key_path(data_dir).stat().st_mode & 0o777 == 0o600
    code, verdict = _verify(first[0]["qr_text"], data_dir)
    assert code == 0 and verdict["status"] == "valid"

    second = _cli_json("certificates", "issue", "--pack", PACK, "--learner", learners[1], data_dir=data_dir)
    assert second[0]["serial"].split("-")[1] == new_key.serial_part
    assert _verify(second[0]["qr_text"], data_dir)[1]["status"] == "valid"
    # Whoever kept a copy of the old key cannot date a certificate after its retirement.
    code, verdict = _verify(_forged_after_retirement(old_key.private_key, old_key.key_id), data_dir)
    assert code == 1 and verdict["status"] == "key_retired"
    again = run_cli(
        "--lang",
        "en",
        "certificates",
        "retire-key",
        "--key",
        old_key.key_id[:8],
        "--reason",
        "x",
        data_dir=data_dir,
    )
    assert again.returncode == 1 and "already retired" in again.stderr


def test_a_compromised_key_revokes_its_certificates_and_they_are_reissued(officer, data_dir: Path) -> None:
    engine, learners = officer
    issued = _cli_json("certificates", "issue", "--pack", PACK, "--all-eligible", data_dir=data_dir)
    assert len(issued) >= 4
    by_learner = {c["learner_id"]: c for c in issued}
    with engine.begin() as conn:  # revoked on its own before: not to re-issue because of the key
        revoke(conn, by_learner[learners[3]]["serial"], "Cấp nhầm người")
    old_key = keys.load_issuer_key(data_dir)
    assert old_key is not None

    done = _cli_json(
        "certificates", "retire-key", "--compromised", "--reason", "Máy bị mất trộm", data_dir=data_dir
    )
    assert done["key_id"] == old_key.key_id and done["compromised"] is True
    listed = {c["serial"]: c for c in done["to_reissue"]}
    assert set(listed) == {c["serial"] for c in issued} - {by_learner[learners[3]]["serial"]}
    first = by_learner[learners[0]]
    assert listed[first["serial"]] == {
        "serial": first["serial"],
        "learner_id": learners[0],
        "full_name": first["full_name"],
        "pack_id": PACK,
    }
    code, verdict = _verify(first["qr_text"], data_dir)
    assert code == 1 and verdict["status"] == "key_revoked" and "compromised" in verdict["message"]

    eligible = _cli_json("certificates", "eligible", "--pack", PACK, data_dir=data_dir)
    assert {e["learner_id"] for e in eligible} == {c["learner_id"] for c in issued}
    again = _cli_json("certificates", "issue", "--pack", PACK, "--all-eligible", data_dir=data_dir)
    new_key = keys.load_issuer_key(data_dir)
    assert new_key is not None and new_key.key_id == done["new_key_id"] != old_key.key_id
    assert {c["learner_id"] for c in again} == {c["learner_id"] for c in issued}
    for certificate in again:
        assert certificate["serial"].split("-")[1] == new_key.serial_part
        code, verdict = _verify(certificate["qr_text"], data_dir)
        assert code == 0 and verdict["status"] == "valid"
    assert _cli_json("certificates", "eligible", "--pack", PACK, data_dir=data_dir) == []


def test_the_retire_command_lists_what_to_reissue_in_vietnamese(officer, data_dir: Path) -> None:
    _engine, learners = officer
    issued = _cli_json("certificates", "issue", "--pack", PACK, "--learner", learners[0], data_dir=data_dir)
    done = run_cli("certificates", "retire-key", "--compromised", "--reason", "Lộ khóa", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert (
        issued[0]["serial"] in done.stdout and issued[0]["full_name"] in done.stdout and PACK in done.stdout
    )
    assert "đã được báo là bị lộ" in done.stderr and "certificates issue --all-eligible" in done.stderr


def test_only_the_owning_laptop_retires_but_any_officer_declares_a_key_compromised(
    officer,
    data_dir: Path,
) -> None:
    engine, learners = officer
    with engine.begin() as conn:
        issue_certificates(conn, data_dir, learners[:1], PACK, _outlines())
    mine = keys.load_issuer_key(data_dir)
    assert mine is not None
    # Another officer laptop's key, come by sync.
    with engine.begin() as conn:
        store.add_issuer_key(
            conn,
            key_id="abcdef0123456789",
            public_key=public_key_b64(Ed25519PrivateKey.generate()),
            volunteer_id=None,
            commune_code=COMMUNE_A,
            device_id="other-officer-laptop",
        )
    _refused(lambda: retire_key(engine, data_dir, "Đổi máy", key_id="abcdef"), "Chỉ máy đã tạo khóa ký")
    _refused(
        lambda: retire_key(engine, data_dir, "Lộ", compromised=True, key_id="0000000"), "Không có khóa ký nào"
    )
    _refused(lambda: retire_key(engine, data_dir, "   ", compromised=True, key_id="abcdef"), "lý do")
    done = retire_key(engine, data_dir, "Máy của anh Tùng bị mất", compromised=True, key_id="ABCDEF01")
    assert done.key_id == "abcdef0123456789" and done.new_key_id is None
    assert keys.load_issuer_key(data_dir).key_id == mine.key_id  # type: ignore[union-attr]  # untouched
    with engine.connect() as conn:
        assert {k.key_id: k.compromised for k in key_retirements.signing_keys(conn)} == {
            mine.key_id: False,
            "abcdef0123456789": True,
        }


def test_a_key_declared_compromised_elsewhere_is_replaced_before_it_signs_again(
    officer, data_dir: Path
) -> None:
    """The owner laptop learns by sync that another officer declared its key compromised: its next
    certificate is signed with a new key, never the compromised one."""
    engine, learners = officer
    with engine.begin() as conn:
        [first] = issue_certificates(conn, data_dir, learners[:1], PACK, _outlines())
        old = keys.load_issuer_key(data_dir)
        assert old is not None
        key_retirements.add_retirement(
            conn,
            key_id=old.key_id,
            reason="Báo từ máy khác",
            compromised=True,
            commune_code=COMMUNE_A,
            device_id="other-officer-laptop",
        )
    with engine.begin() as conn:
        [second] = issue_certificates(conn, data_dir, learners[:1], PACK, _outlines())
        assert verify_in_store(conn, first.qr_text).status is Status.key_revoked
        assert verify_in_store(conn, second.qr_text).status is Status.valid
    assert second.serial.split("-")[1] != old.serial_part


def test_a_volunteer_cannot_retire_a_key_on_the_device(demo_engine, data_dir: Path) -> None:
    _refused(
        lambda: retire_key(demo_engine, data_dir, "Lộ", compromised=True, key_id="abcdef"), "Chỉ cán bộ xã"
    )
    done = run_cli("certificates", "retire-key", "--reason", "Lộ", "--compromised", data_dir=data_dir)
    assert done.returncode == 1 and "Chỉ cán bộ xã" in done.stderr and "Traceback" not in done.stderr


def test_a_laptop_with_no_key_yet_has_nothing_to_retire(officer, data_dir: Path) -> None:
    engine, _learners = officer
    _refused(lambda: retire_key(engine, data_dir, "Đổi máy"), "chưa có khóa ký chứng nhận")
    with engine.connect() as conn:
        assert key_retirements.retirement_facts(conn) == []


# Across laptops, through a real hub (SQLite, and PostgreSQL when VK_TEST_POSTGRES_URL is set)


@pytest.fixture
def two_laptops(hub: Hub, demo_engine, data_dir: Path, tmp_path: Path) -> Iterator[tuple]:  # noqa: F811
    """The officer's laptop (two learners finished VNeID) and a volunteer's laptop of the commune."""
    with demo_engine.begin() as conn:
        save_profile(conn, full_name="Trần Thị Quỳnh Hương", phone="")
        learners = longest_names(conn, 2)
        complete_pack(conn, learners)
    client.enroll(demo_engine, hub.url, hub.code(COMMUNE_A, "officer"), label="Máy cán bộ xã")
    other_dir = tmp_path / "volunteer"
    other_dir.mkdir()
    other = open_store(other_dir / "volunteer-kit.sqlite3")
    ensure_device(other)
    client.enroll(other, hub.url, hub.code(COMMUNE_A, "volunteer"), label="Máy tình nguyện viên")
    yield demo_engine, other, learners
    other.dispose()


def _page_title(hub: Hub, qr: str) -> str:  # noqa: F811
    answer = requests.get(f"{hub.url}/v/{extract_payload(qr)}", timeout=30)
    assert answer.status_code == 200
    return answer.text.split("<h1>")[1].split("</h1>")[0]


def test_a_volunteer_laptop_knows_a_compromised_key_offline_after_sync(hub: Hub, two_laptops) -> None:  # noqa: F811
    officer, volunteer, learners = two_laptops
    data_dir = paths.data_dir()
    with officer.begin() as conn:
        first, second = issue_certificates(conn, data_dir, learners, PACK, _outlines())
    old = keys.load_issuer_key(data_dir)
    assert old is not None
    client.sync(officer)
    client.sync(volunteer)
    with volunteer.connect() as conn:
        assert verify_in_store(conn, first.qr_text).status is Status.valid
    assert "hợp lệ" in _page_title(hub, first.qr_text)

    # Retired in the ordinary way: what it signed stands; a later date with it is refused.
    retired = retire_key(officer, data_dir, "Đổi máy mới")
    assert retired.new_key_id and not retired.to_reissue
    forged = _forged_after_retirement(old.private_key, old.key_id)
    client.sync(officer)
    assert "hợp lệ" in _page_title(hub, first.qr_text)
    assert "ngừng dùng" in _page_title(hub, forged)

    # Then the old key leaks after all (a backup of it went missing): any officer declares it so.
    leaked = retire_key(officer, data_dir, "Bản sao lưu khóa bị mất", compromised=True, key_id=old.key_id[:6])
    assert {c.serial for c in leaked.to_reissue} == {first.serial, second.serial}
    assert leaked.new_key_id is None  # this laptop already signs with its new key
    assert client.sync(officer).rejected == 0
    title = _page_title(hub, first.qr_text)
    assert "Khóa ký đã bị thu hồi" in title
    assert (
        "Signing key revoked"
        in requests.get(f"{hub.url}/v/{extract_payload(second.qr_text)}", timeout=30).text
    )

    client.sync(volunteer)
    hub.process.terminate()  # from here on the volunteer's laptop has no network
    hub.process.wait(timeout=10)
    with volunteer.connect() as conn:
        assert verify_in_store(conn, first.qr_text).status is Status.key_revoked
        assert verify_in_store(conn, second.qr_text).status is Status.key_revoked
        assert verify_in_store(conn, forged).status is Status.key_revoked


def test_a_volunteer_token_cannot_write_a_key_retirement(hub: Hub, two_laptops) -> None:  # noqa: F811
    officer, volunteer, learners = two_laptops
    data_dir = paths.data_dir()
    with officer.begin() as conn:
        [issued] = issue_certificates(conn, data_dir, learners[:1], PACK, _outlines())
    key = keys.load_issuer_key(data_dir)
    assert key is not None
    client.sync(officer)
    # A volunteer's laptop whose store was edited by hand: the hub refuses, the record is quarantined.
    with volunteer.begin() as conn:
        device = conn.exec_driver_sql("SELECT id FROM device WHERE is_this_device = 1").scalar()
        key_retirements.add_retirement(
            conn,
            key_id=key.key_id,
            reason="Giả mạo",
            compromised=True,
            commune_code=COMMUNE_A,
            device_id=device,
        )
    assert client.sync(volunteer).rejected == 1
    with volunteer.connect() as conn:
        [(table, reason)] = conn.exec_driver_sql("SELECT table_name, reason FROM sync_quarantine").all()
    assert table == "issuer_key_retirement" and reason
    # The same forged record pushed straight with a volunteer's token.
    attacker = hub.enroll(COMMUNE_A, "volunteer")
    forged = record(
        "issuer_key_retirement",
        attacker,
        key_id=key.key_id,
        reason="Giả mạo",
        compromised=True,
        retired_at="2026-11-20T01:00:00.000000Z",
    )
    [answer] = hub.push_ok(attacker, [forged])
    assert answer["status"] == "rejected" and "officer" in answer["reason"]
    assert "hợp lệ" in _page_title(hub, issued.qr_text)
    assert hub.count("hub_latest") > 0
    with hub.engine.connect() as conn:
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM hub_latest WHERE table_name = 'issuer_key_retirement'"
            ).scalar()
            == 0
        )


# The window


@pytest.fixture
def officer_app(qtbot, officer, data_dir: Path) -> Iterator[Application]:
    yield from _running_app(qtbot, data_dir)


def test_the_certificates_page_retires_a_leaked_key_and_lists_what_to_reissue(
    qtbot,
    officer_app: Application,
    officer,
    data_dir: Path,
) -> None:
    from PySide6.QtCore import Qt

    engine, learners = officer
    with engine.begin() as conn:
        issued = issue_certificates(conn, data_dir, learners[:2], PACK, _outlines())
    old = keys.load_issuer_key(data_dir)
    assert old is not None
    page = officer_app.window.certificates
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        officer_app.window.show_page(page)
        page.refresh()
    page.tabs.setCurrentIndex(2)
    assert page.retire_key_button.isVisibleTo(page) and page.retire_key_button.isEnabled()
    assert not {r.learner_id for r in page.eligible_model.rows} & set(learners[:2])

    dialog = page.open_retire_key_dialog()
    assert dialog is not None
    assert dialog.key_box.currentText() == f"Khóa của máy này ({old.serial_part})"
    assert not dialog.retire_button.isEnabled()  # the reason is required
    assert "vẫn hợp lệ" in dialog.warning.text()
    assert dialog.compromised_box.text().replace("&", "") == "Khóa bị lộ (máy bị mất/đánh cắp)"
    dialog.reason_edit.setFocus()
    qtbot.keyClicks(dialog.reason_edit, "May bi danh cap")  # QTest types Latin-1 only
    dialog.reason_edit.setPlainText("Máy bị đánh cắp")
    assert dialog.retire_button.isEnabled()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Tab)  # Tab leaves the reason for the check box
    assert dialog.focusWidget() is dialog.compromised_box
    qtbot.keyClick(dialog.compromised_box, Qt.Key.Key_Space)
    assert dialog.compromised_box.isChecked()
    assert "không còn giá trị" in dialog.warning.text() and "Không thể hoàn tác" in dialog.warning.text()

    with qtbot.waitSignal(page.key_retired, timeout=WAIT) as retired:
        dialog.retire_button.click()
    done = retired.args[0]
    assert done.compromised and {c.serial for c in done.to_reissue} == {c.serial for c in issued}
    for certificate in issued:
        assert certificate.serial in page.status.text() and certificate.full_name in page.status.text()
    assert "đã được báo là bị lộ" in page.status.text()
    assert page.tabs.currentIndex() == 0
    qtbot.waitUntil(
        lambda: set(learners[:2]) <= {r.learner_id for r in page.eligible_model.rows}, timeout=WAIT
    )
    qtbot.waitUntil(
        lambda: all(r.revoked for r in page.issued_model.rows if r.serial in {c.serial for c in issued}),
        timeout=WAIT,
    )
    new = keys.load_issuer_key(data_dir)
    assert new is not None and new.key_id != old.key_id
    assert re.search(rf"khóa mới {new.serial_part}", page.status.text())
    with engine.connect() as conn:
        assert verify_in_store(conn, issued[0].qr_text).status is Status.key_revoked

    verify = page.open_verify_dialog()
    with qtbot.waitSignal(verify.verified, timeout=WAIT):
        verify.check_text(issued[0].qr_text)
    assert verify.views()[0].headline.text() == "✗ KHÓA KÝ ĐÃ BỊ THU HỒI"


def test_the_retire_dialog_has_its_own_mnemonics_and_another_key_is_only_declared_leaked(
    qtbot,
    officer_app: Application,
) -> None:
    from collections import Counter

    from tests.test_certificates_gui import _mnemonics
    from volunteer_kit.store.key_retirements import SigningKey
    from volunteer_kit.ui.certificates.revoke import RetireKeyDialog

    page = officer_app.window.certificates
    keys_known = [
        SigningKey("3f9a2c0011223344", "this", "Trần Thị Quỳnh Hương", False, False),
        SigningKey("abcdef0123456789", "other", "Lê Văn Tùng", True, False),
        SigningKey("0123456789abcdef", "other", "Lê Văn Tùng", True, True),  # compromised: not offered
    ]
    for lang in ("vi", "en"):
        officer_app.set_language(lang)
        dialog = RetireKeyDialog(keys_known, "3f9a2c0011223344", page)
        keys_seen = _mnemonics(dialog)
        assert len(keys_seen) >= 4 and [k for k, n in Counter(keys_seen).items() if n > 1] == [], keys_seen
        assert dialog.key_box.count() == 2
        dialog.key_box.setCurrentIndex(1)
        assert dialog.key_id() == "abcdef0123456789"
        assert dialog.compromised_box.isChecked() and not dialog.compromised_box.isEnabled()
        dialog.close()
    officer_app.set_language("vi")
