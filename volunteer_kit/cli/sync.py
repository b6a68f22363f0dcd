"""This laptop and its commune hub: `status`, `enroll`, `sync`, and `bundle export|import` (USB)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from volunteer_kit import errors
from volunteer_kit.cli.common import msg, open_engine, print_json
from volunteer_kit.core.vocab import ROLES, word


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    status = sub.add_parser(
        "status", parents=[common], help="this device: commune, role, hub, what waits to sync"
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=cmd_status)

    enroll = sub.add_parser("enroll", parents=[common], help="join a commune hub with a one-time code")
    enroll.add_argument(
        "--hub",
        metavar="URL",
        help="the hub's address, e.g. https://hub:8443 (not needed when --code is the whole vk-enroll: text)",
    )
    enroll.add_argument(
        "--code",
        required=True,
        metavar="CODE",
        help="the enrollment code from the hub, or the whole text of its QR (vk-enroll:https://…)",
    )
    enroll.add_argument(
        "--fingerprint",
        metavar="HEX",
        help="the hub certificate's SHA-256 fingerprint, as hub enroll-code shows it "
        "(in the whole code already)",
    )
    enroll.add_argument(
        "--insecure",
        action="store_true",
        help="allow plain http to a hub on the network (records travel unencrypted)",
    )
    enroll.add_argument("--label", default="", metavar="TEXT", help="a name for this laptop on the hub")
    enroll.add_argument(
        "--ca-file", metavar="PEM", help="the hub's certificate (PEM), when it is not publicly trusted"
    )
    enroll.add_argument("--json", action="store_true", help="print the enrollment as one JSON object")
    enroll.set_defaults(handler=cmd_enroll)

    sync = sub.add_parser("sync", parents=[common], help="send and receive records with the commune hub")
    sync.add_argument("--json", action="store_true", help="print the report as one JSON object")
    sync.set_defaults(handler=cmd_sync)

    bundle = sub.add_parser("bundle", parents=[common], help="carry records on USB (offline bundle)")
    bundle_sub = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)
    bexport = bundle_sub.add_parser("export", parents=[common], help="write the records waiting to be sent")
    bexport.add_argument("out", metavar="OUT")
    bexport.add_argument(
        "--wipe-token",
        action="store_true",
        help="on a laptop the hub revoked: then delete its hub token (its records stay)",
    )
    bexport.set_defaults(handler=cmd_bundle_export)
    bimport = bundle_sub.add_parser(
        "import", parents=[common], help="pass another laptop's bundle on to the hub (same commune)"
    )
    bimport.add_argument("path", metavar="IN")
    bimport.set_defaults(handler=cmd_bundle_import)

    forget = sub.add_parser(
        "forget-hub",
        parents=[common],
        help="on a laptop the hub revoked: delete its hub token, once its unsent records are exported",
    )
    forget.set_defaults(handler=cmd_forget_hub)


def cmd_status(args: argparse.Namespace) -> int:
    from volunteer_kit.core.clock import local, parse_utc
    from volunteer_kit.store.status import device_status

    engine = open_engine()
    with engine.connect() as conn:
        s = device_status(conn)
    if args.json:
        print_json(s)
        return 0

    def when(stamp: str | None) -> str:  # sync_state keeps UTC stamps; people read Vietnam's time
        return f"{local(parse_utc(stamp.replace('Z', '+00:00'))):%d/%m/%Y %H:%M}" if stamp else ""

    role = word(ROLES, s["role"], errors.language())
    label = f" ({s['label']})" if s["label"] else ""
    commune = f"{s['commune_name']} ({s['commune_code']})" if s["commune_code"] else msg("chưa có", "none")
    from volunteer_kit.core.vocab import RECORD_KINDS

    kinds = ", ".join(
        f"{word(RECORD_KINDS, table, errors.language()).lower()} {n}"
        for table, n in s["pending"].items()
        if n and table != "total"
    )
    enroll_hint = "volunteer-kit enroll --hub URL --code CODE"
    hub = (
        msg(
            f"{s['hub_url']} (đăng ký lúc {when(s['enrolled_at'])})",
            f"{s['hub_url']} (enrolled {when(s['enrolled_at'])})",
        )
        if s["hub_url"]
        else msg(f"chưa đăng ký ({enroll_hint})", f"not enrolled ({enroll_hint})")
    )
    last, done = s["last_sync"], (s["last_sync"] or {}).get("result") or {}
    sent = f"{done.get('accepted', 0)}/{done.get('pushed', 0)}"
    got, refused = done.get("pulled", 0), done.get("rejected", 0)
    rows = [
        (msg("Máy", "Device"), f"{s['device_id']}{label}"),
        (msg("Xã/phường", "Commune"), commune),
        (
            msg("Vai trò", "Role"),
            msg(f"{role} (theo đăng ký với máy chủ xã)", f"{role} (as enrolled with the commune hub)")
            if s["enrolled"]
            else msg(f"{role} (chưa đăng ký với máy chủ xã)", f"{role} (not enrolled with a commune hub)"),
        ),
        (msg("Máy chủ", "Hub"), hub),
        (msg("Chờ gửi", "Waiting to sync"), f"{s['pending']['total']}" + (f" ({kinds})" if kinds else "")),
        (msg("Bị máy chủ từ chối", "Refused by the hub"), str(s["quarantined"])),
        (
            msg("Đồng bộ gần nhất", "Last sync"),
            msg(
                f"{when(last['at'])}: gửi {sent}, nhận {got}, {refused} bị từ chối",
                f"{when(last['at'])}: sent {sent}, received {got}, {refused} refused",
            )
            if last
            else msg("chưa lần nào", "never"),
        ),
    ]
    gone = s.get("revoked")
    if gone:
        rows += _revocation_rows(gone, when, s["pending"]["total"])
    width = max(len(name) for name, _value in rows) + 1
    for name, value in rows:
        print(f"{name + ':':<{width}} {value}")
    return 0


def _revocation_rows(gone: dict[str, Any], when: Any, waiting: int) -> list[tuple[str, str]]:
    """What `status` says of a laptop the hub refused: why, when, and the next step."""
    reason_vi = f" (lý do: {gone['reason']})" if gone["reason"] else ""
    reason_en = f" (reason: {gone['reason']})" if gone["reason"] else ""
    at = when(gone["revoked_at"] or gone["seen_at"])
    rows = [
        (
            msg("Bị thu hồi", "Revoked"),
            msg(
                f"cán bộ xã đã thu hồi máy này lúc {at}{reason_vi}",
                f"by the commune officer, {at}{reason_en}",
            )
            if gone["by_officer"]
            else msg(
                f"máy chủ xã không còn nhận máy này (từ {at})", f"the hub no longer takes it (since {at})"
            ),
        )
    ]
    if gone["token_forgotten_at"]:
        step = msg(
            f"đã xoá mã truy cập lúc {when(gone['token_forgotten_at'])}; xin cán bộ xã mã ghi danh mới",
            f"token deleted {when(gone['token_forgotten_at'])}; ask the commune officer for a new code",
        )
    elif gone["exported_at"]:
        step = msg(
            f"đã xuất {gone['exported_records']} bản ghi lúc {when(gone['exported_at'])}: đưa tệp cho cán bộ "
            "xã, rồi chạy volunteer-kit forget-hub",
            f"{gone['exported_records']} records exported {when(gone['exported_at'])}: give the file to the "
            "commune officer, then run volunteer-kit forget-hub",
        )
    else:
        step = msg(
            f"{waiting} bản ghi chưa gửi vẫn trên máy; xuất ra tệp cho cán bộ xã: volunteer-kit bundle "
            "export TỆP.vkbundle",
            f"{waiting} unsent records are kept here; export them for the officer: volunteer-kit bundle "
            "export FILE.vkbundle",
        )
    rows.append((msg("Việc cần làm", "Next step"), step))
    return rows


def cmd_enroll(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.client import enroll

    engine = open_engine()
    done = enroll(
        engine,
        args.hub,
        args.code,
        label=args.label,
        ca_file=args.ca_file,
        fingerprint=args.fingerprint,
        insecure=args.insecure,
    )
    if args.json:
        print_json(
            {
                "hub_url": done.hub_url,
                "hub_id": done.hub_id,
                "device_id": done.device_id,
                "commune_code": done.commune_code,
                "commune_name": done.commune_name,
                "role": done.role,
            }
        )
        return 0
    print(
        msg(
            f"Đã ghi danh với {done.hub_url}: {done.commune_name} ({done.commune_code}), "
            f"vai trò {word(ROLES, done.role, 'vi')}. "
            "Đồng bộ bằng: volunteer-kit sync",
            f"Enrolled with {done.hub_url}: {done.commune_name} ({done.commune_code}), role {done.role}. "
            "Sync with: volunteer-kit sync",
        )
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.client import sync

    engine = open_engine()
    result = sync(engine)
    if args.json:
        print_json(result.to_json())
        return 0
    r = result
    print(
        msg(
            f"Đã gửi {r.accepted}/{r.pushed} bản ghi, nhận {r.pulled}; còn chờ {r.pending}"
            f"{f', {r.rejected} bị từ chối' if r.rejected else ''}"
            f"{f', {r.conflicts} xung đột mới' if r.conflicts else ''} ({r.duration:.1f} giây).",
            f"Sent {r.accepted}/{r.pushed} records, received {r.pulled}; {r.pending} still waiting"
            f"{f', {r.rejected} refused' if r.rejected else ''}"
            f"{f', {r.conflicts} new conflicts' if r.conflicts else ''} ({r.duration:.1f} s).",
        )
    )
    for item in r.rejections[:20]:
        reason = item["reason_vi"] if errors.language() == "vi" and item["reason_vi"] else item["reason"]
        print(f"  {item['table']} {item['id']}: {reason}", file=sys.stderr)
    for pack in r.packs_installed:
        print(
            msg(
                f"Đã cài gói bài học {pack['id']} {pack['version']}.",
                f"Installed lesson pack {pack['id']} {pack['version']}.",
            )
        )
    for pack in r.packs_waiting:
        print(
            msg(
                f"Gói bài học {pack['id']} {pack['version']} chưa được ký bởi nhà xuất bản tin cậy: "
                "mở trang Đồng bộ để quyết định.",
                f"Lesson pack {pack['id']} {pack['version']} is not signed by a trusted publisher: "
                "decide on the Sync page.",
            )
        )
    for pack in r.packs_failed:
        reason = pack.get("reason_vi") if errors.language() == "vi" else pack.get("reason")
        print(f"  {pack.get('id', '?')} {pack.get('version', '')}: {reason}", file=sys.stderr)
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.bundles import check_export_path, export_bundle

    engine = open_engine()
    if args.wipe_token:
        _check_revoked(engine)
    check_export_path(engine, args.out, overwrite=False)  # before anything is read or written
    done = export_bundle(engine, args.out, overwrite=False)
    print(
        msg(
            f"Đã ghi {done.records} bản ghi chờ gửi vào {done.path}.",
            f"Wrote {done.records} waiting records to {done.path}.",
        )
    )
    if args.wipe_token:
        return cmd_forget_hub(args)
    return 0


def _check_revoked(engine: Any) -> None:
    from volunteer_kit.sync import local

    with engine.connect() as conn:
        state = local.read_state(conn)
    if not state.get(local.REVOKED_SEEN_AT):
        raise errors.KnownError(
            "--wipe-token chỉ dùng trên máy đã bị máy chủ xã thu hồi; máy này vẫn được máy chủ nhận "
            "(nếu vừa bị thu hồi, hãy chạy volunteer-kit sync trước). Chưa ghi gì.",
            "--wipe-token is only for a laptop the hub revoked; the hub still takes this one (if it was "
            "just revoked, run volunteer-kit sync first). Nothing was written.",
        )


def cmd_forget_hub(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.bundles import forget_hub

    engine = open_engine()
    done = forget_hub(engine)
    print(
        msg(
            "Đã xoá mã truy cập máy chủ xã khỏi máy này; dữ liệu vẫn còn trên máy"
            + (
                f" ({done.records} bản ghi chưa gửi đã xuất ra tệp lúc {done.exported_at})."
                if done.exported_at
                else "."
            )
            + " Để dùng lại với máy chủ, hãy xin cán bộ xã mã ghi danh mới.",
            "Deleted the hub token from this laptop; its records stay here"
            + (
                f" ({done.records} unsent records exported at {done.exported_at})."
                if done.exported_at
                else "."
            )
            + " To use a hub again, ask the commune officer for a new enrollment code.",
        )
    )
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.bundles import relay_bundle

    engine = open_engine()
    done = relay_bundle(engine, args.path)
    print(
        msg(
            f"Đã chuyển {done.records} bản ghi của máy {done.device_id} lên máy chủ: "
            f"{done.accepted} được nhận, {done.rejected} bị từ chối.",
            f"Passed {done.records} records of device {done.device_id} to the hub: "
            f"{done.accepted} accepted, {done.rejected} refused.",
        )
    )
    return 0
