"""Certificates across devices: the officer's key reaches the hub and every device by sync; the
hub's verification page (over HTTP) says valid, altered and revoked; a revocation made on one
laptop is known on another after sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.test_certificates import _outlines, complete_pack, longest_names
from tests.test_hub_support import COMMUNE_A, Hub, hub, hub_db_url  # noqa: F401 - fixtures
from volunteer_kit import paths
from volunteer_kit.certificates.issue import issue_certificates, revoke
from volunteer_kit.certificates.payload import Status, extract_payload
from volunteer_kit.certificates.verify import verify_in_store
from volunteer_kit.store.devices import ensure_device, save_profile
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import client

PACK = "vn.bdhvs.vneid"


@pytest.fixture
def two_laptops(hub: Hub, demo_engine, data_dir: Path, tmp_path: Path) -> Iterator[tuple]:  # noqa: F811
    """The officer's laptop (the demo commune, two learners who finished VNeID, enrolled as
    officer) and a volunteer's laptop of the same commune, both enrolled with the hub."""
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


def _page(hub: Hub, qr_text: str, *, upper: bool = False) -> str:  # noqa: F811
    code = extract_payload(qr_text)
    answer = requests.get(f"{hub.url}/{'V' if upper else 'v'}/{code}", timeout=30)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    return answer.text


def test_the_hub_page_and_another_laptop_know_valid_altered_and_revoked(hub: Hub, two_laptops) -> None:  # noqa: F811
    officer, volunteer, learners = two_laptops
    with officer.begin() as conn:
        issued = issue_certificates(conn, paths.data_dir(), learners, PACK, _outlines())
    assert len(issued) == 2
    with officer.connect() as conn:
        payloads = dict(conn.exec_driver_sql("SELECT serial, payload FROM certificate ORDER BY serial").all())
    first, second = sorted(payloads)
    qr_first = payloads[first]
    # Before the officer syncs, the hub does not know the key yet: it cannot confirm.
    assert "Không xác nhận được người ký" in _page(hub, qr_first)
    client.sync(officer)
    assert hub.count("hub_latest") > 0
    page = _page(hub, qr_first)
    assert "Giấy chứng nhận hợp lệ" in page and first in page
    assert "Giấy chứng nhận hợp lệ" in _page(hub, qr_first, upper=True)  # scanners that upper-case
    # One changed letter anywhere in the code: altered (or unreadable), never valid.
    code = extract_payload(qr_first)
    flipped = code[:40] + ("A" if code[40] != "A" else "B") + code[41:]
    page = _page(hub, f"{hub.url}/v/{flipped}")
    assert "hợp lệ" not in page.split("<h1>")[1].split("</h1>")[0]
    assert ("đã bị sửa đổi" in page) or ("Không đọc được" in page)
    # Revoked on the officer's laptop, synced: the hub page says so, and so does the volunteer's
    # laptop after its own sync (offline from then on).
    with officer.begin() as conn:
        revoke(conn, second, "Cấp nhầm người")
    client.sync(officer)
    assert "đã bị thu hồi" in _page(hub, payloads[second])
    client.sync(volunteer)
    with volunteer.connect() as conn:
        assert verify_in_store(conn, payloads[second]).status is Status.revoked
        assert verify_in_store(conn, qr_first).status is Status.valid
    # Garbage in the link is a page too, not an error.
    assert "Không đọc được mã" in requests.get(f"{hub.url}/v/NOT-A-CODE", timeout=30).text


def test_a_volunteer_laptop_cannot_publish_a_signing_key(hub: Hub, two_laptops) -> None:  # noqa: F811
    from volunteer_kit.certificates.keys import ensure_issuer_key

    _officer, volunteer, _learners = two_laptops
    volunteer_dir = Path(volunteer.url.database).parent
    with volunteer.begin() as conn:
        ensure_issuer_key(conn, volunteer_dir)
    result = client.sync(volunteer)
    assert result.rejected == 1
    with volunteer.connect() as conn:
        [(table, reason)] = conn.exec_driver_sql("SELECT table_name, reason FROM sync_quarantine").all()
    assert table == "issuer_key" and reason
