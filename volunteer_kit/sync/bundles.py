"""Sync by file, for a laptop with no way to the hub: its pending records exported to a signed
bundle (sync/bundle_format.py), and another laptop of the commune relaying that bundle to the hub."""

from __future__ import annotations

import json
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


def export_bundle(engine: Engine, out: str | Path) -> BundleExport:
    """Write this device's pending records to a signed bundle file. Nothing is marked as synced:
    the hub's answers to a later import or sync are the same, so a later sync is harmless."""
    from volunteer_kit.sync.bundle_format import MAX_BUNDLE_RECORDS, write_bundle

    state = client.enrolled_state(engine)
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
    return BundleExport(path, len(records))


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
