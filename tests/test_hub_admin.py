"""Commune administration by its officer over the hub's API (issue 18), against a real hub process
(SQLite, and PostgreSQL when VK_TEST_POSTGRES_URL is set): enrollment codes, the commune's
laptops and their revocation, the commune's figures; every endpoint refused to a volunteer's or a
trainer's token, and another commune's codes and devices out of an officer's reach.

Judged by outcome: a laptop enrolling (or not) with a code, a revoked laptop's next request, what
the hub's database holds, counted here independently of the code under test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import test_hub_support
from test_hub_support import COMMUNE_A, COMMUNE_B, HEADERS, Device, Hub, edited, record, run_cli

from volunteer_kit import __version__
from volunteer_kit.errors import KnownError
from volunteer_kit.hub.models import code_t, device_t, record_t
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store
from volunteer_kit.store.learners import register_learner
from volunteer_kit.sync import bundles, client, local

hub = test_hub_support.hub
hub_db_url = test_hub_support.hub_db_url

REVOKED_VI = "Máy này đã bị cán bộ xã thu hồi (lý do: {}). Dữ liệu chưa gửi vẫn còn trên máy; " + (
    "hãy xuất ra tệp để cán bộ xã nhận lại."
)


class Laptop:
    """A real store, enrolled with the hub by `client.enroll` as `volunteer-kit enroll` does."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self.engine = open_store(folder / "volunteer-kit.sqlite3")
        self.id = ensure_device(self.engine)

    def enroll(self, the_hub: Hub, code: str, label: str) -> None:
        client.enroll(self.engine, the_hub.url, code, label=label)

    def register(self, name: str) -> str:
        with self.engine.begin() as conn:
            return register_learner(conn, full_name=name, birth_year=1958, allow_duplicate=True).id

    def pending(self) -> int:
        with self.engine.connect() as conn:
            return local.pending_count(conn)

    @property
    def auth(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            token = local.read_state(conn)[local.TOKEN]
        return {**HEADERS, "Authorization": f"Bearer {token}"}


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Any]:
    made: list[Laptop] = []

    def make(name: str) -> Laptop:
        laptop = Laptop(tmp_path / name)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.engine.dispose()


def _call(hub: Hub, device: Device | dict[str, str], method: str, path: str, **kw: Any) -> requests.Response:
    headers = device.auth if isinstance(device, Device) else device
    return requests.request(method, f"{hub.api}{path}", headers=headers, timeout=20, **kw)


def _ok(r: requests.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json()


def _refused(r: requests.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["detail"] and body["detail_vi"], body
    assert "\n" not in body["detail"] and "\n" not in body["detail_vi"], body
    return body


def _devices(hub: Hub, officer: Device) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in _ok(_call(hub, officer, "GET", "/admin/devices"))["devices"]}


def _codes(hub: Hub, officer: Device) -> list[dict[str, Any]]:
    return _ok(_call(hub, officer, "GET", "/admin/codes"))["codes"]


def _make_code(hub: Hub, officer: Device, role: str = "volunteer", **body: Any) -> dict[str, Any]:
    return _ok(_call(hub, officer, "POST", "/admin/codes", json={"role": role, **body}), 201)


def _iso(text: str) -> datetime:
    assert text.endswith("Z"), text
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


def _versions_from(hub: Hub, device_id: str) -> int:
    with hub.engine.connect() as conn:
        return (
            conn.execute(
                record_t.select().with_only_columns(record_t.c.seq).where(record_t.c.device_id == device_id)
            )
            .all()
            .__len__()
        )


def _device_row(hub: Hub, device_id: str) -> dict[str, Any]:
    with hub.engine.connect() as conn:
        return dict(conn.execute(device_t.select().where(device_t.c.id == device_id)).mappings().one())


# ---------------------------------------------------------------- the officer's day


def test_an_officer_enrolls_a_laptop_sees_it_and_revokes_it(hub: Hub, laptops: Any) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    before = datetime.now(UTC)
    made = _make_code(hub, officer, "volunteer", expires_hours=2)
    assert made["role"] == "volunteer" and made["commune_code"] == COMMUNE_A
    assert (
        timedelta(hours=2) - timedelta(minutes=1)
        <= _iso(made["expires_at"]) - before
        <= timedelta(hours=2, minutes=1)
    )
    listed = _codes(hub, officer)
    assert [c["id"] for c in listed] == [made["id"]]
    assert set(listed[0]) == {"id", "role", "created_at", "expires_at"}
    assert made["code"] not in _call(hub, officer, "GET", "/admin/codes").text  # shown once only

    # A new laptop enrolls with it, as `volunteer-kit enroll` does, and pushes a learner.
    lan = laptops("lan")
    lan.enroll(hub, made["code"], "Máy của chị Lan")
    assert _codes(hub, officer) == []  # used: no longer open
    lan.register("Phạm Thị Hoa")
    synced = client.sync(lan.engine)
    assert synced.accepted == synced.pushed > 0 and lan.pending() == 0
    entry = _devices(hub, officer)[lan.id]
    assert entry["label"] == "Máy của chị Lan" and entry["role"] == "volunteer"
    assert entry["records_pushed"] == _versions_from(hub, lan.id) > 0
    assert entry["app_version"] == __version__  # from its User-Agent
    assert entry["last_contact"] and entry["enrolled_at"] and entry["pending_erasures"] == 0
    assert (entry["revoked"], entry["revoked_at"], entry["revoked_reason"]) == (False, None, "")
    assert officer.id in _devices(hub, officer)  # the officer's own laptop is listed too

    # Lost: the officer revokes it with a reason; a second revocation keeps the first.
    lan.register("Đỗ Văn Bình")  # not sent yet
    waiting = lan.pending()
    assert waiting > 0
    reason = "Mất máy ở nhà văn hoá thôn 3"
    revoked = _ok(_call(hub, officer, "POST", f"/admin/devices/{lan.id}/revoke", json={"reason": reason}))
    assert revoked["id"] == lan.id and revoked["revoked"] and revoked["revoked_reason"] == reason
    again = _ok(_call(hub, officer, "POST", f"/admin/devices/{lan.id}/revoke", json={"reason": "khác"}))
    assert (again["revoked_at"], again["revoked_reason"]) == (revoked["revoked_at"], reason)
    assert _device_row(hub, lan.id)["revoked_by"] == officer.id
    assert _devices(hub, officer)[lan.id]["revoked"] is True

    # Its next request, whatever it is, is refused plainly; its records stay on the laptop.
    for method, path in [("POST", "/push"), ("GET", "/pull"), ("GET", "/packs")]:
        body = _refused(_call(hub, lan.auth, method, path, json={"device_id": lan.id, "records": []}), 403)
        assert body["code"] == "device_revoked" and body["reason"] == reason
        assert body["detail_vi"] == REVOKED_VI.format(reason)
        assert body["revoked_at"] == revoked["revoked_at"]
    with pytest.raises(KnownError):
        client.sync(lan.engine)
    assert lan.pending() == waiting
    assert _versions_from(hub, lan.id) == entry["records_pushed"]  # nothing more was stored


def test_a_cancelled_code_enrolls_nothing(hub: Hub, laptops: Any) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    kept = _make_code(hub, officer, "trainer")
    dropped = _make_code(hub, officer, "volunteer")
    assert [c["id"] for c in _codes(hub, officer)] == [dropped["id"], kept["id"]]  # newest first
    assert _ok(_call(hub, officer, "DELETE", f"/admin/codes/{dropped['id']}")) == {
        "id": dropped["id"],
        "cancelled": True,
    }
    assert [c["id"] for c in _codes(hub, officer)] == [kept["id"]]
    _refused(_call(hub, officer, "DELETE", f"/admin/codes/{dropped['id']}"), 404)  # cancelled already
    _refused(_call(hub, officer, "DELETE", f"/admin/codes/{uuid.uuid4()}"), 404)
    laptop = laptops("late")
    with pytest.raises(KnownError, match="wrong, used, cancelled or expired"):
        laptop.enroll(hub, dropped["code"], "Máy đến muộn")
    assert laptop.id not in _devices(hub, officer)
    laptop.enroll(hub, kept["code"], "Máy tập huấn")
    assert _devices(hub, officer)[laptop.id]["role"] == "trainer"
    _refused(_call(hub, officer, "DELETE", f"/admin/codes/{kept['id']}"), 404)  # used


def test_the_hub_operator_revokes_with_a_reason_from_the_command_line(hub: Hub) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    device = hub.enroll(COMMUNE_A, "volunteer")
    run_cli(
        "hub", "revoke-device", device.id, "--reason", "Máy bị lấy cắp", data_dir=hub.data_dir, db=hub.db_url
    )
    body = _refused(_call(hub, device, "GET", "/pull"), 403)
    assert body["detail_vi"] == REVOKED_VI.format("Máy bị lấy cắp")
    entry = _devices(hub, officer)[device.id]
    assert entry["revoked"] and entry["revoked_reason"] == "Máy bị lấy cắp"
    assert _device_row(hub, device.id)["revoked_by"] == "hub operator"
    too_long = run_cli(
        "hub",
        "revoke-device",
        officer.id,
        "--reason",
        "x" * 201,
        data_dir=hub.data_dir,
        db=hub.db_url,
        check=False,
    )
    assert too_long.returncode == 1 and len(too_long.stderr.strip().splitlines()) == 1
    _ok(_call(hub, officer, "GET", "/admin/devices"))  # the officer was not revoked


def test_a_revoked_laptops_bundle_comes_back_through_its_officer_only(hub: Hub, laptops: Any) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    volunteer = hub.enroll(COMMUNE_A, "volunteer")
    lost = laptops("lost")
    lost.enroll(hub, _make_code(hub, officer)["code"], "Máy bị mất")
    learner_id = lost.register("Lê Thị Thu")
    _ok(_call(hub, officer, "POST", f"/admin/devices/{lost.id}/revoke", json={"reason": "Mất"}))
    with pytest.raises(KnownError):
        client.sync(lost.engine)
    exported = bundles.export_bundle(lost.engine, lost.folder.parent / "thu-hoi.vkbundle")
    content = exported.path.read_bytes()
    zipped = {**HEADERS, "Content-Type": "application/zip"}
    _refused(_call(hub, {**volunteer.auth, **zipped}, "POST", "/bundle", data=content), 403)
    answer = _ok(_call(hub, {**officer.auth, **zipped}, "POST", "/bundle", data=content))
    assert answer["device_id"] == lost.id
    assert {r["id"]: r["status"] for r in answer["results"]}[learner_id] == "accepted"
    assert any(r["id"] == learner_id for r in hub.pull_all(officer))


# ---------------------------------------------------------------- scope and roles


def test_an_officer_of_a_cannot_touch_commune_b(hub: Hub) -> None:
    officer_a = hub.enroll(COMMUNE_A, "officer")
    officer_b = hub.enroll(COMMUNE_B, "officer")
    device_b = hub.enroll(COMMUNE_B, "volunteer")
    code_b = _make_code(hub, officer_b)
    assert code_b["commune_code"] == COMMUNE_B
    seen_by_a = _devices(hub, officer_a)
    assert officer_b.id not in seen_by_a and device_b.id not in seen_by_a
    assert code_b["id"] not in [c["id"] for c in _codes(hub, officer_a)]
    _refused(
        _call(hub, officer_a, "POST", f"/admin/devices/{device_b.id}/revoke", json={"reason": "thử"}), 404
    )
    _refused(
        _call(hub, officer_a, "POST", f"/admin/devices/{officer_b.id}/revoke", json={"reason": "thử"}), 404
    )
    _refused(_call(hub, officer_a, "DELETE", f"/admin/codes/{code_b['id']}"), 404)
    assert _call(hub, device_b, "GET", "/pull").status_code == 200  # not revoked
    assert [c["id"] for c in _codes(hub, officer_b)] == [code_b["id"]]  # not cancelled
    # Nor may an officer make an officer's code, or revoke an officer (nor itself).
    body = _refused(_call(hub, officer_a, "POST", "/admin/codes", json={"role": "officer"}), 403)
    assert "hub enroll-code" in body["detail"]
    other_officer_a = hub.enroll(COMMUNE_A, "officer")
    _refused(
        _call(hub, officer_a, "POST", f"/admin/devices/{other_officer_a.id}/revoke", json={"reason": "x"}),
        403,
    )
    _refused(
        _call(hub, officer_a, "POST", f"/admin/devices/{officer_a.id}/revoke", json={"reason": "x"}), 409
    )
    assert _call(hub, other_officer_a, "GET", "/admin/devices").status_code == 200
    assert _codes(hub, officer_a) == []


def _admin_operations(hub: Hub) -> list[tuple[str, str]]:
    spec = _ok(requests.get(f"{hub.api}/openapi.json", timeout=10))
    return [
        (method.upper(), path.removeprefix("/api/v1"))
        for path, methods in spec["paths"].items()
        if path.startswith("/api/v1/admin")
        for method in methods
    ]


@pytest.mark.parametrize("role", ["volunteer", "trainer"])
def test_a_volunteer_or_trainer_token_gets_403_on_every_admin_endpoint(hub: Hub, role: str) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    someone = hub.enroll(COMMUNE_A, role)
    victim = hub.enroll(COMMUNE_A, "volunteer")
    code = _make_code(hub, officer)
    operations = _admin_operations(hub)
    assert set(operations) >= {
        ("POST", "/admin/codes"),
        ("GET", "/admin/codes"),
        ("DELETE", "/admin/codes/{code_id}"),
        ("GET", "/admin/devices"),
        ("POST", "/admin/devices/{device_id}/revoke"),
        ("GET", "/admin/stats"),
    }
    bodies = {"/admin/codes": {"role": "volunteer"}, "/admin/devices/{device_id}/revoke": {"reason": "x"}}
    for method, path in operations:
        real = path.replace("{code_id}", code["id"]).replace("{device_id}", victim.id)
        r = _call(hub, someone, method, real, json=bodies.get(path) if method == "POST" else None)
        body = _refused(r, 403)
        assert "cán bộ xã" in body["detail_vi"], (method, path, body)
    for path in ("/conflicts", "/erasures"):
        _refused(_call(hub, someone, "GET", path), 403)
    assert [c["id"] for c in _codes(hub, officer)] == [code["id"]]  # nothing was made or cancelled
    assert _call(hub, victim, "GET", "/pull").status_code == 200


def test_bad_admin_input_is_refused_in_one_line_and_changes_nothing(hub: Hub) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    device = hub.enroll(COMMUNE_A, "volunteer")
    revoke = f"/admin/devices/{device.id}/revoke"
    for body in [
        {"reason": ""},
        {"reason": "   "},
        {"reason": "x" * 201},
        {"reason": "hai\ndòng"},
        {"reason": 5},
        {},
        {"reason": "ok", "extra": 1},
        ["reason"],
    ]:
        _refused(_call(hub, officer, "POST", revoke, json=body), 422)
    _ok(_call(hub, officer, "POST", revoke, json={"reason": "  " + "y" * 200 + " "}))  # 200 after strip
    assert _device_row(hub, device.id)["revoked_reason"] == "y" * 200
    for body in [
        {"role": "volunteer", "expires_hours": 0},
        {"role": "volunteer", "expires_hours": -1},
        {"role": "volunteer", "expires_hours": 24 * 14 + 0.5},
        {"role": "volunteer", "expires_hours": 1e300},
        {"role": "volunteer", "expires_hours": "72"},
        {"role": "volunteer", "expires_hours": True},
        {"role": "admin"},
        {"role": "Volunteer"},
        {},
        {"role": "volunteer", "commune_code": COMMUNE_B},
    ]:
        _refused(_call(hub, officer, "POST", "/admin/codes", json=body), 422)
    _refused(_call(hub, officer.auth, "POST", "/admin/codes", data=b"{not json"), 422)
    assert _codes(hub, officer) == []
    with hub.engine.connect() as conn:
        assert conn.execute(code_t.select().where(code_t.c.created_by == officer.id)).first() is None
    assert _make_code(hub, officer, expires_hours=24 * 14)["role"] == "volunteer"  # the bound itself
    for weeks in (0, 53, -1, "x"):
        _refused(_call(hub, officer, "GET", "/admin/stats", params={"weeks": weeks}), 422)
    for bad in ("not-a-uuid", "A" * 36, str(uuid.uuid4()).upper()):
        _refused(_call(hub, officer, "DELETE", f"/admin/codes/{bad}"), 422)
        _refused(_call(hub, officer, "POST", f"/admin/devices/{bad}/revoke", json={"reason": "x"}), 422)


def test_open_codes_are_bounded_per_commune(hub: Hub) -> None:
    from volunteer_kit.hub.admin import MAX_OPEN_CODES

    officer = hub.enroll(COMMUNE_A, "officer")
    made = [_make_code(hub, officer) for _ in range(MAX_OPEN_CODES)]
    _refused(_call(hub, officer, "POST", "/admin/codes", json={"role": "volunteer"}), 409)
    _ok(_call(hub, officer, "DELETE", f"/admin/codes/{made[0]['id']}"))
    _make_code(hub, officer)
    assert len(_codes(hub, officer)) == MAX_OPEN_CODES


# ---------------------------------------------------------------- figures


def test_commune_stats_equal_independent_counts(hub: Hub) -> None:
    officer = hub.enroll(COMMUNE_A, "officer")
    anh = hub.enroll(COMMUNE_A, "volunteer")
    binh = hub.enroll(COMMUNE_A, "trainer")
    other = hub.enroll(COMMUNE_B, "volunteer")
    houses = [record("household", anh, address=f"Số {i}") for i in range(3)]
    learner = record("learner", anh)
    assert {r["status"] for r in hub.push_ok(anh, [*houses, learner])} == {"accepted"}
    seq = hub.push_ok(anh, [learner])[0]["seq"]  # the same version again: nothing new
    hub.push_ok(anh, [edited(learner, seq, phone="0987000111")])
    hub.push_ok(binh, [record("household", binh), record("household", binh)])
    hub.push_ok(other, [record("household", other) for _ in range(4)])
    # Two of Anh's versions arrived 8 days ago (last week), one of Binh's 400 days ago.
    now = datetime.now(UTC)
    with hub.engine.begin() as conn:
        anh_seqs = sorted(
            conn.execute(
                record_t.select().with_only_columns(record_t.c.seq).where(record_t.c.device_id == anh.id)
            ).scalars()
        )
        binh_seq = (
            conn.execute(
                record_t.select().with_only_columns(record_t.c.seq).where(record_t.c.device_id == binh.id)
            )
            .scalars()
            .first()
        )
        conn.execute(
            record_t.update()
            .where(record_t.c.seq.in_(anh_seqs[:2]))
            .values(received_at=now - timedelta(days=8))
        )
        conn.execute(
            record_t.update().where(record_t.c.seq == binh_seq).values(received_at=now - timedelta(days=400))
        )
    assert len(anh_seqs) == 5

    stats = _ok(_call(hub, officer, "GET", "/admin/stats", params={"weeks": 3}))
    assert stats["per_kind"] == {"household": 5, "learner": 1}
    per_device = {d["device_id"]: d for d in stats["per_device"]}
    assert set(per_device) == {officer.id, anh.id, binh.id}
    assert [per_device[d.id]["records"] for d in (anh, binh, officer)] == [5, 2, 0]
    assert per_device[binh.id]["role"] == "trainer" and per_device[anh.id]["label"] == "volunteer laptop"
    assert stats["per_device"][0]["device_id"] == anh.id  # most first
    monday = (now - timedelta(days=now.weekday())).date()
    weeks = [(w["week_start"], w["records"]) for w in stats["per_week"]]
    assert weeks == [
        (str(monday - timedelta(weeks=2)), 0),
        (str(monday - timedelta(weeks=1)), 2),
        (str(monday), 3 + 1),
    ]
    default = _ok(_call(hub, officer, "GET", "/admin/stats"))
    assert len(default["per_week"]) == 12 and sum(w["records"] for w in default["per_week"]) == 6
    assert (
        sum(
            w["records"]
            for w in _ok(_call(hub, officer, "GET", "/admin/stats", params={"weeks": 52}))["per_week"]
        )
        == 6
    )
    seen_by_b = _ok(_call(hub, hub.enroll(COMMUNE_B, "officer"), "GET", "/admin/stats"))
    assert seen_by_b["per_kind"] == {"household": 4}


def test_pending_erasures_are_counted_per_device(hub: Hub) -> None:
    from volunteer_kit.hub.models import erasure_t

    officer = hub.enroll(COMMUNE_A, "officer")
    device = hub.enroll(COMMUNE_A, "volunteer")
    at = datetime.now(UTC)
    with hub.engine.begin() as conn:
        for status in ("waiting", "waiting", "applied"):
            conn.execute(
                erasure_t.insert().values(
                    commune_code=COMMUNE_A,
                    table_name="learner",
                    record_id=str(uuid.uuid4()),
                    device_id=device.id,
                    at=at,
                    status=status,
                    content_hash="0" * 64,
                )
            )
    assert _devices(hub, officer)[device.id]["pending_erasures"] == 2
    assert _devices(hub, officer)[officer.id]["pending_erasures"] == 0


# ---------------------------------------------------------------- migration 0006


OLD_OFFICER = "d0000000-0000-4000-8000-000000000001"


def test_migration_0006_keeps_codes_and_devices(hub_db_url: str) -> None:
    import sqlalchemy as sa
    from alembic import command

    from volunteer_kit.hub import enrollment
    from volunteer_kit.hub.db import make_hub_engine, sqlite_file
    from volunteer_kit.hub.migrations import alembic_config, upgrade_to_head

    file = sqlite_file(hub_db_url)
    if file is not None:
        file.parent.mkdir(parents=True)
    engine = make_hub_engine(hub_db_url)
    try:
        command.upgrade(alembic_config(engine), "0005")
        at = datetime.now(UTC)
        code = "ABCD-EFGH-JKMN"
        # The tables as revision 0005 has them (the models have the new columns).
        communes = sa.table("hub_commune", *(sa.column(c) for c in ("code", "name", "province_code")))
        when = sa.DateTime(timezone=True)
        codes = sa.table(
            "hub_enroll_code",
            *(sa.column(c) for c in ("code_hash", "commune_code", "role")),
            sa.column("created_at", when),
            sa.column("expires_at", when),
        )
        devices = sa.table(
            "hub_device",
            *(sa.column(c) for c in ("id", "label", "commune_code", "role", "token_hash", "public_key")),
            sa.column("enrolled_at", when),
        )
        with engine.begin() as conn:
            conn.execute(communes.insert().values(code="00577", name="Xã Bát Tràng", province_code="01"))
            conn.execute(
                codes.insert().values(
                    code_hash=enrollment.security.sha256_hex("ABCDEFGHJKMN"),
                    commune_code="00577",
                    role="volunteer",
                    created_at=at,
                    expires_at=at + timedelta(days=1),
                )
            )
            conn.execute(
                devices.insert().values(
                    id=OLD_OFFICER,
                    label="Máy cũ",
                    commune_code="00577",
                    role="officer",
                    token_hash="1" * 64,
                    public_key="",
                    enrolled_at=at,
                )
            )
        upgrade_to_head(engine)
        with engine.connect() as conn:
            old_code = conn.execute(code_t.select()).mappings().one()
            device = conn.execute(device_t.select()).mappings().one()
        assert len(old_code["id"]) == 36 and old_code["cancelled_at"] is None and old_code["created_by"] == ""
        assert (device["label"], device["role"], device["revoked_reason"], device["app_version"]) == (
            "Máy cũ",
            "officer",
            "",
            "",
        )
        officer = enrollment.Actor(OLD_OFFICER, "00577", "officer")
        from volunteer_kit.hub import admin

        assert [c["id"] for c in admin.list_codes(engine, officer)] == [old_code["id"]]
        enrolled = enrollment.enroll_device(
            engine,
            code=code,
            device_id=str(uuid.uuid4()),
            label="Máy mới",
            public_key="",
            hub_id="test",
        )
        assert enrolled["role"] == "volunteer"
        assert admin.list_codes(engine, officer) == []
    finally:
        engine.dispose()
