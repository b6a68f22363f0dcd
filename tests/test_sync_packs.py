"""Lesson packs and trusted publisher keys coming down from a real hub process: published with
`hub publish-pack` / `hub trust-publisher`, brought down by `sync`, downloaded by hash and
verified before install; unsigned packs wait for the user; damaged files are refused and retried;
another commune's packs are neither listed nor served."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import text

from tests.test_hub_support import COMMUNE_A, COMMUNE_B, Hub, hub, hub_db_url, run_cli  # noqa: F401
from volunteer_kit.packs.archive import build_archive, read_manifest, rewrite_manifest
from volunteer_kit.packs.signing import (
    TRUSTED_FILE,
    generate_key,
    load_private_key,
    sign_manifest,
    trust_publisher,
)
from volunteer_kit.store.devices import ensure_device
from volunteer_kit.store.engine import open_store
from volunteer_kit.sync import client, local
from volunteer_kit.sync import packs as device_packs
from volunteer_kit.sync.transport import RetryPolicy

ROOT = Path(__file__).resolve().parent.parent
PACK_ID = "vn.bdhvs.vneid"
FAST = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)


@pytest.fixture
def hub_db_url(tmp_path: Path) -> Iterator[str]:  # noqa: F811 - SQLite only, for speed
    yield f"sqlite:///{tmp_path / 'hubdata' / 'hub.sqlite3'}"


class Laptop:
    """A device with its own data folder and store, enrolled with the hub."""

    def __init__(self, folder: Path, hub: Hub, commune: str = COMMUNE_A) -> None:  # noqa: F811
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.engine = open_store(folder / "volunteer-kit.sqlite3")
        ensure_device(self.engine)
        client.enroll(self.engine, hub.url, hub.code(commune), label=folder.name, retry=FAST)

    def sync(self) -> client.SyncResult:
        return client.sync(self.engine, retry=FAST)

    @property
    def library(self) -> Path:
        return self.folder / "packs"

    def installed(self) -> list[str]:
        return sorted(
            p.parent.relative_to(self.library).as_posix() for p in self.library.glob("*/*/install.json")
        )

    def trusted_names(self) -> list[str]:
        path = self.folder / TRUSTED_FILE
        return (
            sorted(e["name"] for e in json.loads(path.read_text(encoding="utf-8"))) if path.exists() else []
        )

    def state(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return local.read_state(conn).get(key)

    def leftovers(self) -> list[str]:
        """Files of the download folder other than waiting packs (no half download may stay)."""
        folder = self.folder / device_packs.DOWNLOADS_DIR
        return sorted(p.name for p in folder.glob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def laptops(tmp_path: Path, hub: Hub) -> Iterator[Any]:  # noqa: F811
    made: list[Laptop] = []

    def make(name: str = "laptop", commune: str = COMMUNE_A) -> Laptop:
        laptop = Laptop(tmp_path / name, hub, commune)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.engine.dispose()


def _build(tmp_path: Path, version: str, *, key: Path | None = None) -> Path:
    """The bundled VNeID pack at another version, as an archive, signed with `key` when given."""
    source = tmp_path / f"src-{version}" / "vneid"
    shutil.copytree(ROOT / "lessons" / "vneid", source)
    manifest_file = source / "manifest.json"
    manifest_file.write_text(
        re.sub(
            r'"version":\s*"[^"]+"',
            f'"version": "{version}"',
            manifest_file.read_text(encoding="utf-8"),
            count=1,
        ),
        encoding="utf-8",
    )
    archive = tmp_path / f"vneid-{version}.vkpack"
    build_archive(source, archive)
    if key is not None:
        rewrite_manifest(archive, sign_manifest(read_manifest(archive), load_private_key(key)))
    return archive


def _key(tmp_path: Path, name: str = "publisher.key") -> Path:
    key = tmp_path / name
    generate_key(key)
    return key


def _hub_cli(hub: Hub, *args: str, check: bool = True) -> Any:  # noqa: F811
    return run_cli("hub", *args, data_dir=hub.data_dir, db=hub.db_url, check=check)


def _publish(hub: Hub, archive: Path, *where: str) -> dict[str, Any]:  # noqa: F811
    done = _hub_cli(hub, "publish-pack", str(archive), *(where or ("--commune", COMMUNE_A)), "--json")
    return json.loads(done.stdout)


def _trust(hub: Hub, key: Path, name: str = "Sở GD&ĐT Hà Nội") -> dict[str, Any]:  # noqa: F811
    done = _hub_cli(hub, "trust-publisher", "--key", str(key) + ".pub", "--name", name, "--json")
    return json.loads(done.stdout)


def _no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("a pack was downloaded again")

    monkeypatch.setattr(device_packs, "download", refuse)


def _stored(on: Hub, sha256: str) -> bytes:
    """The archive as the hub's database holds it."""
    with on.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT data FROM hub_pack_chunk WHERE sha256 = '{sha256}' ORDER BY n")
        return b"".join(bytes(block) for (block,) in rows)


def _damage(on: Hub, sha256: str) -> None:
    """Flip one byte in the middle of the stored archive's first chunk."""
    with on.engine.begin() as conn:
        first = text("SELECT data FROM hub_pack_chunk WHERE sha256 = :sha AND n = 0")
        block = bytearray(conn.execute(first, {"sha": sha256}).scalar())
        block[len(block) // 2] ^= 0xFF
        conn.execute(
            text("UPDATE hub_pack_chunk SET data = :data WHERE sha256 = :sha AND n = 0"),
            {"data": bytes(block), "sha": sha256},
        )


# --- tests -------------------------------------------------------------------------------------------


def test_a_signed_pack_and_its_publisher_come_down_and_install(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = _key(tmp_path)
    archive = _build(tmp_path, "2.1.0", key=key)
    trusted = _trust(hub, key)
    published = _publish(hub, archive)
    assert published["status"] == "published" and published["trust"] == "trusted"
    assert published["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert _stored(hub, published["sha256"]) == archive.read_bytes()  # in the database, whole
    assert [p.name for p in hub.data_dir.glob(".incoming-*")] == []  # no temp file left
    assert _publish(hub, archive)["status"] == "unchanged"

    laptop = laptops()
    # A key the user trusted on this laptop stays trusted beside the hub's.
    own = _key(tmp_path, "own.key")
    trust_publisher(own.with_name("own.key.pub"), "Trung tâm huyện", laptop.folder)
    phases: list[str] = []
    result = client.sync(laptop.engine, retry=FAST, progress=lambda _d, _t, phase: phases.append(phase))
    assert not result.cancelled and result.packs_failed == []
    assert [(p["id"], p["version"], p["trust"]) for p in result.packs_installed] == [
        (PACK_ID, "2.1.0", "trusted")
    ]
    assert result.packs_waiting == []
    assert "packs" in phases
    assert laptop.installed() == [f"{PACK_ID}/2.1.0"]
    assert laptop.trusted_names() == ["Sở GD&ĐT Hà Nội", "Trung tâm huyện"]
    from volunteer_kit.packs.signing import trusted_publishers

    assert trusted["key_id"] in trusted_publishers(laptop.folder)
    assert laptop.state(device_packs.PACKS_CURSOR) == str(published["seq"])
    assert laptop.leftovers() == []

    # The next sync downloads nothing and changes nothing.
    _no_download(monkeypatch)
    again = laptop.sync()
    assert again.packs_installed == [] and again.packs_failed == [] and again.packs_waiting == []
    assert laptop.installed() == [f"{PACK_ID}/2.1.0"]
    assert laptop.trusted_names() == ["Sở GD&ĐT Hà Nội", "Trung tâm huyện"]


def test_a_pack_already_installed_is_not_downloaded(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = _key(tmp_path)
    archive = _build(tmp_path, "2.1.0", key=key)
    _trust(hub, key)
    _publish(hub, archive)
    laptop = laptops()
    # Imported from a USB stick before the sync.
    from volunteer_kit.packs.library import install_pack

    install_pack(archive, library=laptop.library, allow_unsigned=True, trusted={})
    _no_download(monkeypatch)
    result = laptop.sync()
    assert result.packs_installed == [] and result.packs_failed == []
    assert laptop.state(device_packs.PACKS_CURSOR) == "2"


def test_an_unsigned_pack_waits_for_the_user(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive = _build(tmp_path, "2.2.0")
    published = _publish(hub, archive, "--all")
    assert published["trust"] == "unsigned" and published["all_communes"]
    laptop = laptops()
    result = laptop.sync()
    assert result.packs_installed == [] and result.packs_failed == []
    assert [(p["id"], p["version"], p["state"]) for p in result.packs_waiting] == [
        (PACK_ID, "2.2.0", "unsigned")
    ]
    assert laptop.installed() == []
    waiting_file = device_packs.waiting_file(laptop.engine, published["sha256"])
    assert waiting_file.read_bytes() == archive.read_bytes()
    assert laptop.state(device_packs.PACKS_CURSOR) == str(published["seq"])

    # Still waiting at the next sync, without downloading it again.
    with monkeypatch.context() as patched:
        _no_download(patched)
        again = laptop.sync()
    assert [p["sha256"] for p in again.packs_waiting] == [published["sha256"]]
    assert laptop.installed() == []

    # The user accepts it: installed as not verified, and off the list.
    done = device_packs.accept_waiting(laptop.engine, published["sha256"])
    assert done.entry.trust == "unsigned"
    assert laptop.installed() == [f"{PACK_ID}/2.2.0"]
    assert device_packs.waiting_packs(laptop.engine) == [] and not waiting_file.exists()


def test_a_pack_of_an_unknown_publisher_goes_in_once_the_hub_trusts_its_key(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
) -> None:
    key = _key(tmp_path)
    _publish(hub, _build(tmp_path, "1.3.0", key=key))
    laptop = laptops()
    first = laptop.sync()
    assert [p["state"] for p in first.packs_waiting] == ["unknown-publisher"]
    assert laptop.installed() == []
    _trust(hub, key)
    second = laptop.sync()
    assert [(p["version"], p["trust"]) for p in second.packs_installed] == [("1.3.0", "trusted")]
    assert second.packs_waiting == [] and laptop.installed() == [f"{PACK_ID}/1.3.0"]


def test_a_damaged_file_on_the_hub_is_refused_and_tried_again(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
) -> None:
    key = _key(tmp_path)
    archive = _build(tmp_path, "2.1.0", key=key)
    trusted = _trust(hub, key)
    published = _publish(hub, archive)
    _damage(hub, published["sha256"])  # one byte flipped in the hub's database

    laptop = laptops()
    result = laptop.sync()
    assert result.packs_installed == [] and result.packs_waiting == []
    [failed] = result.packs_failed
    assert failed["id"] == PACK_ID and "SHA-256 does not match" in failed["reason"]
    assert failed["reason_vi"]
    assert laptop.installed() == [] and laptop.leftovers() == []
    # The key came down; the cursor stops before the pack, so the next sync tries it again.
    assert laptop.trusted_names() == ["Sở GD&ĐT Hà Nội"]
    assert laptop.state(device_packs.PACKS_CURSOR) == str(trusted["seq"])
    assert laptop.sync().packs_failed != []

    # Publishing the file again repairs the hub's copy; the next sync installs it.
    assert _publish(hub, archive)["status"] == "unchanged"
    assert _stored(hub, published["sha256"]) == archive.read_bytes()
    fixed = laptop.sync()
    assert [p["version"] for p in fixed.packs_installed] == ["2.1.0"] and fixed.packs_failed == []
    assert laptop.installed() == [f"{PACK_ID}/2.1.0"]
    assert laptop.state(device_packs.PACKS_CURSOR) == str(published["seq"])


def test_another_communes_pack_is_neither_listed_nor_served(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
) -> None:
    key = _key(tmp_path)
    archive = _build(tmp_path, "2.1.0", key=key)
    _trust(hub, key)
    hub.code(COMMUNE_B)  # the hub knows commune B
    published = _publish(hub, archive, "--commune", COMMUNE_B)
    laptop = laptops()
    result = laptop.sync()
    assert result.packs_installed == result.packs_waiting == result.packs_failed == []
    assert laptop.installed() == []
    assert laptop.trusted_names() == ["Sở GD&ĐT Hà Nội"]  # keys go to every commune

    mine, theirs = hub.enroll(COMMUNE_A), hub.enroll(COMMUNE_B)
    feed = requests.get(f"{hub.api}/packs", headers=mine.auth, timeout=10).json()
    assert feed["packs"] == [] and [p["name"] for p in feed["publishers"]] == ["Sở GD&ĐT Hà Nội"]
    url = f"{hub.api}/packs/file/{published['sha256']}"
    refused = requests.get(url, headers=mine.auth, timeout=10)
    assert refused.status_code == 404 and refused.json()["detail_vi"]
    assert (
        requests.get(f"{hub.api}/packs/file/{'0' * 64}", headers=theirs.auth, timeout=10).status_code == 404
    )
    assert (
        requests.get(f"{hub.api}/packs/file/../hub.sqlite3", headers=theirs.auth, timeout=10).status_code
        == 404
    )
    assert requests.get(url, timeout=10).status_code == 426  # no protocol header, no token
    assert (
        requests.get(url, headers={**mine.auth, "Authorization": "Bearer x"}, timeout=10).status_code == 401
    )
    served = requests.get(url, headers=theirs.auth, timeout=10)
    assert served.status_code == 200 and served.content == archive.read_bytes()
    assert served.headers["content-type"] == "application/zip"
    page = requests.get(f"{hub.api}/packs", headers=theirs.auth, timeout=10).json()
    assert [(p["id"], p["version"], p["sha256"], p["size"]) for p in page["packs"]] == [
        (PACK_ID, "2.1.0", published["sha256"], archive.stat().st_size)
    ]
    assert page["next"] == published["seq"] and page["more"] is False
    empty = requests.get(f"{hub.api}/packs", params={"after": page["next"]}, headers=theirs.auth, timeout=10)
    assert empty.json() == {"packs": [], "publishers": [], "next": page["next"], "more": False}
    # Widening the publication to commune A gives it a new number: A's laptop gets it next sync.
    widened = _publish(hub, archive, "--commune", COMMUNE_A)
    assert widened["status"] == "widened" and widened["communes"] == [COMMUNE_A, COMMUNE_B]
    assert [p["version"] for p in laptop.sync().packs_installed] == ["2.1.0"]


def test_publish_pack_refuses_what_a_device_would_refuse(hub: Hub, tmp_path: Path) -> None:  # noqa: F811
    key = _key(tmp_path)
    archive = _build(tmp_path, "2.1.0", key=key)
    _trust(hub, key)
    # Not a pack at all.
    junk = tmp_path / "junk.vkpack"
    junk.write_bytes(b"not a zip")
    done = _hub_cli(hub, "publish-pack", str(junk), "--all", check=False)
    assert done.returncode == 1 and "zip" in done.stderr
    # A manifest altered after signing.
    altered = tmp_path / "altered.vkpack"
    shutil.copy(archive, altered)
    manifest = read_manifest(altered)
    manifest["estimated_minutes"] = 5
    rewrite_manifest(altered, manifest)
    done = _hub_cli(hub, "publish-pack", str(altered), "--all", check=False)
    assert done.returncode == 1 and "signature does not match" in done.stderr
    # The same id and version with other content, once one is published.
    _publish(hub, archive)
    other = _build(tmp_path / "other", "2.1.0")
    done = _hub_cli(hub, "publish-pack", str(other), "--all", check=False)
    assert done.returncode == 1 and "raise the version" in done.stderr
    # A bad commune code, a missing key file.
    done = _hub_cli(hub, "publish-pack", str(archive), "--commune", "5", check=False)
    assert done.returncode == 1 and "five digits" in done.stderr
    done = _hub_cli(hub, "trust-publisher", "--key", str(tmp_path / "none.pub"), "--name", "X", check=False)
    assert done.returncode == 1 and "Cannot read the public key" in done.stderr
    # Nothing but the one good archive is stored.
    with hub.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT DISTINCT sha256 FROM hub_pack_chunk").scalars().all()
    assert stored == [hashlib.sha256(archive.read_bytes()).hexdigest()]
    assert [p.name for p in hub.data_dir.glob(".incoming-*")] == []


def test_a_pack_file_missing_on_the_hub_is_reported_and_the_others_still_come(
    hub: Hub,  # noqa: F811
    laptops: Any,
    tmp_path: Path,
) -> None:
    key = _key(tmp_path)
    _trust(hub, key)
    lost = _publish(hub, _build(tmp_path, "2.1.0", key=key))
    kept = _publish(hub, _build(tmp_path, "2.2.0", key=key))
    with hub.engine.begin() as conn:  # its bytes lost from the hub's database
        conn.exec_driver_sql(f"DELETE FROM hub_pack_chunk WHERE sha256 = '{lost['sha256']}'")
    laptop = laptops()
    result = laptop.sync()
    assert [(p["version"], "404" in p["reason"]) for p in result.packs_failed] == [("2.1.0", True)]
    assert [p["version"] for p in result.packs_installed] == ["2.2.0"]
    assert laptop.leftovers() == []
    # The cursor waits before the lost one; once it is back, the next sync brings only it.
    assert laptop.state(device_packs.PACKS_CURSOR) == str(lost["seq"] - 1)
    _publish(hub, _build(tmp_path / "again", "2.1.0", key=key))
    again = laptop.sync()
    assert [p["version"] for p in again.packs_installed] == ["2.1.0"] and again.packs_failed == []
    assert laptop.state(device_packs.PACKS_CURSOR) == str(kept["seq"])
    assert laptop.installed() == [f"{PACK_ID}/2.1.0", f"{PACK_ID}/2.2.0"]
