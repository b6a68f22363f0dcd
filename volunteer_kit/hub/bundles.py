"""Verifying and applying an offline bundle: for POST /api/v1/bundle and `hub import-bundle`."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Engine

from volunteer_kit.hub import enrollment, push
from volunteer_kit.hub.db import hub_id as this_hub_id
from volunteer_kit.hub.errors import HubError
from volunteer_kit.sync import payload
from volunteer_kit.sync.bundle_format import (
    Bundle,
    BundleInvalid,
    BundleTooLarge,
    check_archive,
    parse_bundle,
)


def _unusable(exc: BundleInvalid) -> HubError:
    return HubError(
        413 if isinstance(exc, BundleTooLarge) else 422,
        f"Not a usable bundle: {exc.en}.",
        f"Gói dữ liệu không dùng được: {exc.vi}.",
    )


def check_bundle_file(content: bytes) -> None:
    """The checks of the zip that inflate nothing (sizes, entries, ratio): cheap enough to run
    before the request takes one of the hub's turns, so a zip bomb costs the hub nothing."""
    try:
        check_archive(content).close()
    except BundleInvalid as exc:
        raise _unusable(exc) from exc


def load_bundle(content: bytes) -> Bundle:
    """The bundle's zip checked and bundle.json inflated (bounded); its records not read yet."""
    try:
        return parse_bundle(content)
    except BundleInvalid as exc:
        raise _unusable(exc) from exc


def _batches(bundle: Bundle, size: int) -> Iterator[list[dict[str, Any]]]:
    records = bundle.iter_records()
    while batch := list(islice(records, size)):
        yield batch


def apply_bundle(engine: Engine, bundle: Bundle, *, relay: enrollment.Actor | None = None) -> dict[str, Any]:
    """Verify the bundle against its exporting device's key, then apply it as that device's push.

    `relay` is the device posting it (None for the hub operator's own import). Importing the
    same bundle twice, or the bundle and then a sync of its device, stores nothing twice.
    """
    if bundle.manifest.get("hub_id") != this_hub_id(engine):
        raise HubError(
            422,
            "This bundle was made for another hub.",
            "Gói dữ liệu này được tạo cho một máy chủ khác.",
        )
    if relay is not None and relay.commune_code != bundle.commune_code:
        raise HubError(
            403,
            "This bundle belongs to another commune than this device's.",
            "Gói dữ liệu thuộc xã khác với xã của thiết bị này.",
        )
    device = enrollment.get_device(engine, bundle.device_id)
    # A revoked laptop's unsent records come back through its officer (or the hub operator), who
    # has the laptop in hand: its bundle is taken from them, never from anyone else.
    recovered = relay is None or relay.role == "officer"
    if (
        device is None
        or (device["revoked_at"] is not None and not recovered)
        or device["commune_code"] != bundle.commune_code
    ):
        raise HubError(
            403,
            "The device that made this bundle is not enrolled here for its commune, or was revoked "
            "(a revoked laptop's bundle is taken from the commune officer only).",
            "Thiết bị tạo gói dữ liệu này chưa đăng ký cho xã này ở máy chủ, hoặc đã bị thu hồi "
            "(gói của máy đã bị thu hồi chỉ được nhận qua cán bộ xã).",
        )
    if not device["public_key"] or not bundle.signature_ok(device["public_key"]):
        raise HubError(
            422,
            "The bundle's signature does not match the device that made it; it may have been altered.",
            "Chữ ký của gói dữ liệu không khớp với thiết bị tạo ra nó; gói có thể đã bị sửa.",
        )
    actor = enrollment.Actor(device_id=device["id"], commune_code=device["commune_code"], role=device["role"])
    results: list[dict[str, Any]] = []
    try:
        # Only now, the signature checked, are the records read: once to check them all (so a
        # bad file applies nothing), then in push-sized transactions, each idempotent on its own;
        # one record and one batch in memory at a time.
        bundle.count_records()
        for batch in _batches(bundle, payload.MAX_PUSH_RECORDS):
            results += push.apply_records(engine, actor, batch)
    except BundleInvalid as exc:
        raise _unusable(exc) from exc
    return {"device_id": actor.device_id, "results": results}
