"""Sync by file, for a laptop with no way to the hub: its pending records exported to a signed
bundle (sync/bundle_format.py), and another laptop of the commune relaying that bundle to the hub."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from volunteer_kit.store.devices import this_device_id
from volunteer_kit.sync import client, keys, local, outgoing
from volunteer_kit.sync.errors import BundleUnusable, HubFailed
from volunteer_kit.sync.transport import RetryPolicy


@dataclass(frozen=True)
class BundleExport:
    path: Path
    records: int


def check_export_path(engine: Engine, out: str | Path, *, overwrite: bool = True) -> Path:
    """Where a bundle may be written, before anything is: a file (not a folder) in a folder that
    exists and can be written, outside the data folder (the bundle is to be carried away, and the
    data folder may be wiped), and, unless `overwrite`, not a file that is there already."""
    path = Path(out).expanduser()
    target = path.resolve()
    folder = target.parent
    data = keys.data_folder(engine).resolve()
    if target == data or data in target.parents:
        raise BundleUnusable(
            f"Đừng ghi gói dữ liệu vào trong thư mục dữ liệu ({data}); hãy chọn nơi khác, ví dụ ổ USB.",
            f"Do not write the bundle inside the data folder ({data}); choose another place, "
            "e.g. a USB drive.",
        )
    if target.is_dir():
        raise BundleUnusable(
            f"{path} là một thư mục; hãy cho tên tệp, ví dụ {path / 'du-lieu.vkbundle'}.",
            f"{path} is a folder; give a file name, e.g. {path / 'records.vkbundle'}.",
        )
    if not folder.is_dir():
        raise BundleUnusable(
            f"Không có thư mục {folder}; hãy kiểm tra lại đường dẫn (ổ USB đã cắm chưa?).",
            f"There is no folder {folder}; check the path (is the USB drive plugged in?).",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BundleUnusable(
            f"Không ghi được vào thư mục {folder} (không có quyền ghi, hoặc ổ chỉ đọc).",
            f"Cannot write in the folder {folder} (no permission, or a read-only drive).",
        )
    if not overwrite and target.exists():
        raise BundleUnusable(
            f"Tệp {path} đã có; hãy chọn tên khác để không ghi đè lên nó.",
            f"{path} already exists; choose another name so it is not overwritten.",
        )
    return path


def unsent_digest(engine: Engine) -> tuple[str, int]:
    """A digest of what waits to go (each record's table, id and hash) and how many: equal digests,
    the same records in the same versions."""
    with engine.connect() as conn:
        skip = local.quarantined(conn)
    seen = sorted(
        f"{item.table}\t{item.id}\t{item.hash}" for item in outgoing.iter_outgoing(engine, skip=skip)
    )
    return hashlib.sha256("\n".join(seen).encode()).hexdigest(), len(seen)


def export_bundle(engine: Engine, out: str | Path, *, overwrite: bool = True) -> BundleExport:
    """Write this device's pending records to a signed bundle file. Nothing is marked as synced:
    the hub's answers to a later import or sync are the same, so a later sync is harmless.

    On a revoked laptop the export is written down (what it held, when): then, and only while
    nothing new waits, the laptop may forget the hub (`forget_hub`)."""
    from volunteer_kit.sync.bundle_format import MAX_BUNDLE_RECORDS, write_bundle

    state = client.enrolled_state(engine)
    out = check_export_path(engine, out, overwrite=overwrite)
    private_key = keys.load_key(keys.key_path(engine))
    with engine.connect() as conn:
        device_id = this_device_id(conn)
        skip = local.quarantined(conn)
    records = [json.loads(item.body) for item in outgoing.iter_outgoing(engine, skip=skip)]
    if len(records) > MAX_BUNDLE_RECORDS:
        raise BundleUnusable(
            f"Có {len(records)} bản ghi chờ gửi, quá nhiều cho một tệp ({MAX_BUNDLE_RECORDS}); "
            "hãy đồng bộ qua mạng.",
            f"{len(records)} records are waiting, more than one file holds ({MAX_BUNDLE_RECORDS}); "
            "sync over the network instead.",
        )
    path = Path(out).expanduser()
    try:
        write_bundle(
            path,
            device_id=device_id,
            commune_code=state[local.COMMUNE_CODE],
            hub_id=state[local.HUB_ID],
            records=records,
            private_key=private_key,
        )
    except OSError as exc:
        raise BundleUnusable(
            f"Không ghi được tệp {path} ({exc.strerror or exc}).",
            f"Cannot write {path} ({exc.strerror or exc}).",
        ) from exc
    if state.get(local.REVOKED_SEEN_AT):
        digest = hashlib.sha256(
            "\n".join(sorted(f"{r['table']}\t{r['id']}\t{r['hash']}" for r in records)).encode()
        ).hexdigest()
        with engine.begin() as conn:
            local.write_state(conn, {local.REVOKED_EXPORT: f"{digest} {_stamp()} {len(records)}"})
    return BundleExport(path, len(records))


def _stamp() -> str:
    from volunteer_kit.core.clock import utcnow

    return utcnow().strftime("%Y-%m-%dT%H:%M:%S") + "Z"


@dataclass(frozen=True)
class Forgotten:
    exported_at: str | None  # when the unsent records were exported (None: nothing waited)
    records: int  # how many were in that export


def forget_hub(engine: Engine) -> Forgotten:
    """On a laptop the hub revoked, delete its token (the records stay in the store), once every
    record waiting to go was exported to a bundle after the revocation and none changed since.
    Refused in one line otherwise: a laptop the hub still takes keeps its enrollment."""
    with engine.connect() as conn:
        state = local.read_state(conn)
    if not state.get(local.TOKEN):
        raise BundleUnusable(
            "Máy này không còn mã truy cập của máy chủ xã; không có gì để xoá.",
            "This laptop holds no hub token any more; there is nothing to delete.",
        )
    if not state.get(local.REVOKED_SEEN_AT):
        raise BundleUnusable(
            "Máy chủ xã chưa thu hồi máy này nên mã truy cập được giữ lại; nếu máy đã bị thu hồi, hãy "
            "chạy volunteer-kit sync trước.",
            "The hub has not revoked this laptop, so its token is kept; if it was revoked, run "
            "volunteer-kit sync first.",
        )
    digest, count = unsent_digest(engine)
    export = (state.get(local.REVOKED_EXPORT) or "").split()
    if count and (len(export) != 3 or export[0] != digest):
        raise BundleUnusable(
            f"Còn {count} bản ghi chưa gửi chưa được xuất ra tệp (hoặc đã thay đổi sau lần xuất); hãy "
            "chạy volunteer-kit bundle export TỆP.vkbundle trước, rồi xoá mã truy cập.",
            f"{count} unsent records are not exported to a file (or changed since the export); run "
            "volunteer-kit bundle export FILE.vkbundle first, then delete the token.",
        )
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (local.TOKEN,))
        local.write_state(conn, {local.TOKEN_FORGOTTEN_AT: _stamp()})
    if count:
        return Forgotten(export[1], int(export[2]))
    return Forgotten(None, 0)


@dataclass(frozen=True)
class BundleRelay:
    device_id: str  # the device that exported the bundle
    records: int
    accepted: int
    rejected: int


def relay_bundle(engine: Engine, path: str | Path, *, retry: RetryPolicy | None = None) -> BundleRelay:
    """Post another device's bundle to the hub with this device's token (same commune)."""
    from volunteer_kit.sync.bundle_format import BundleInvalid, read_bundle

    state = client.enrolled_state(engine)
    path = Path(path).expanduser()
    try:
        bundle = read_bundle(path)
        content = path.read_bytes()
    except BundleInvalid as exc:
        raise BundleUnusable(f"Tệp {path}: {exc.vi}.", f"{path}: {exc.en}.") from exc
    except OSError as exc:
        raise BundleUnusable(
            f"Không đọc được tệp {path} ({exc.strerror or exc}).",
            f"Cannot read {path} ({exc.strerror or exc}).",
        ) from exc
    if bundle.commune_code != state.get(local.COMMUNE_CODE):
        raise BundleUnusable(
            f"Tệp này là của xã {bundle.commune_code}; máy này thuộc xã {state.get(local.COMMUNE_CODE)}.",
            f"This bundle belongs to commune {bundle.commune_code}; this laptop is of commune "
            f"{state.get(local.COMMUNE_CODE)}.",
        )
    with client.connect(engine, retry=retry) as hub:
        answer = hub.request("POST", "/bundle", data=content, content_type="application/zip", compress=False)
    results = answer.get("results") if isinstance(answer, Mapping) else None
    if not isinstance(results, list):
        raise HubFailed(state[local.HUB_URL], "the bundle answer has no results")
    accepted = sum(1 for r in results if isinstance(r, dict) and r.get("status") == "accepted")
    return BundleRelay(
        str(answer.get("device_id") or bundle.device_id), len(results), accepted, len(results) - accepted
    )
