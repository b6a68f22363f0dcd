"""`hub ...`: run and manage a commune sync hub (`hub serve` itself is in hub_serve.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.cli import hub_serve, hub_viewers
from volunteer_kit.cli.common import hub_engine, hub_known, msg, print_json
from volunteer_kit.core.vocab import ROLES, word


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    hub = sub.add_parser("hub", parents=[common], help="run and manage a commune sync hub")
    hub_sub = hub.add_subparsers(dest="action", metavar="ACTION", required=True)
    hub_db = argparse.ArgumentParser(add_help=False)
    hub_db.add_argument(
        "--db",
        metavar="URL",
        help="the hub database, made by hub serve (default: hub.sqlite3 in the data folder; "
        "PostgreSQL: postgresql+psycopg://user@host/db)",
    )
    hub_serve.register(hub_sub, [common, hub_db])
    hub_viewers.register(hub_sub, [common, hub_db])
    hcode = hub_sub.add_parser(
        "enroll-code", parents=[common, hub_db], help="make a one-time enrollment code for a device"
    )
    hcode.add_argument("--commune", required=True, metavar="CODE", help="the commune's 5-digit code")
    hcode.add_argument(
        "--commune-name", metavar="NAME", help="the commune's name, when the hub does not know it"
    )
    hcode.add_argument("--province", metavar="CODE", help="the province's 2-digit code (with --commune-name)")
    hcode.add_argument("--role", required=True, choices=("volunteer", "officer", "trainer"))
    hcode.add_argument("--expires", type=float, default=72, metavar="HOURS", help="hours it stays valid (72)")
    hcode.add_argument(
        "--url", metavar="URL", help="the hub's address for the QR image (default: from hub serve)"
    )
    hcode.add_argument("--qr", metavar="OUT.png", help="also write the code as a QR image")
    hcode.add_argument("--json", action="store_true", help="print one JSON object")
    hstats = hub_sub.add_parser("stats", parents=[common, hub_db], help="records, devices and last contact")
    hstats.add_argument("--json", action="store_true", help="print one JSON object")
    hrevoke = hub_sub.add_parser("revoke-device", parents=[common, hub_db], help="revoke a device's token")
    hrevoke.add_argument("device_id", metavar="ID")
    hrevoke.add_argument(
        "--reason", metavar="TEXT", help="why (shown on the laptop at its next contact; up to 200 characters)"
    )
    herasures = hub_sub.add_parser(
        "erasures",
        parents=[common, hub_db],
        help="learners' data erased after a consent withdrawal, and erasures waiting for approval",
    )
    herasures.add_argument("--json", action="store_true", help="print one JSON object")
    happrove = hub_sub.add_parser(
        "approve-erasure", parents=[common, hub_db], help="apply an erasure that waits for approval"
    )
    happrove.add_argument("erasure_id", metavar="ID", type=int)
    himport = hub_sub.add_parser(
        "import-bundle", parents=[common, hub_db], help="verify and apply a device's USB bundle"
    )
    himport.add_argument("path", metavar="IN")
    himport.add_argument("--json", action="store_true", help="print the results as one JSON object")
    hpublish = hub_sub.add_parser(
        "publish-pack", parents=[common, hub_db], help="check a pack archive and publish it to devices"
    )
    hpublish.add_argument("path", metavar="PATH.vkpack")
    to_whom = hpublish.add_mutually_exclusive_group(required=True)
    to_whom.add_argument(
        "--commune", action="extend", nargs="+", metavar="CODE", help="a commune that gets it (repeatable)"
    )
    to_whom.add_argument("--all", action="store_true", help="every commune of this hub")
    hpublish.add_argument("--json", action="store_true", help="print one JSON object")
    htrust = hub_sub.add_parser(
        "trust-publisher", parents=[common, hub_db], help="hand a publisher's key to every device to trust"
    )
    htrust.add_argument("--key", required=True, metavar="PUBLIC_KEY_FILE", help="the publisher's .pub file")
    htrust.add_argument("--name", required=True, metavar="NAME", help="the publisher's name, shown to users")
    htrust.add_argument("--json", action="store_true", help="print one JSON object")
    hanalytics = hub_sub.add_parser(
        "analytics", parents=[common, hub_db], help="province figures: rebuild them now, or show them"
    )
    hanalytics.add_argument("analytics_action", choices=("rebuild", "show"), metavar="rebuild|show")
    hanalytics.add_argument("--province", metavar="CODE", help="the province's 2-digit code (show: required)")
    hanalytics.add_argument("--force", action="store_true", help="rebuild every commune, changed or not")
    hanalytics.add_argument(
        "--if-free", action="store_true", help="skip (exit 0) when another rebuild is under way; else wait"
    )
    hanalytics.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes building communes side by side (default: half the CPUs, up to 4)",
    )
    hanalytics.add_argument("--json", action="store_true", help="print one JSON object")
    hanalytics.set_defaults(handler=cmd_hub_analytics)
    hcode.set_defaults(handler=cmd_hub_enroll_code)
    hstats.set_defaults(handler=cmd_hub_stats)
    hrevoke.set_defaults(handler=cmd_hub_revoke_device)
    herasures.set_defaults(handler=cmd_hub_erasures)
    happrove.set_defaults(handler=cmd_hub_approve_erasure)
    himport.set_defaults(handler=cmd_hub_import_bundle)
    hpublish.set_defaults(handler=cmd_hub_publish_pack)
    htrust.set_defaults(handler=cmd_hub_trust_publisher)


@hub_known
def cmd_hub_enroll_code(args: argparse.Namespace) -> int:
    from volunteer_kit.hub import enrollment
    from volunteer_kit.hub.db import get_meta
    from volunteer_kit.hub.serve import check_hub_url, is_loopback_url

    given = check_hub_url(args.url) if args.url else None
    engine = hub_engine(args)
    try:
        enrollment.ensure_commune(engine, args.commune, args.commune_name, args.province)
        made = enrollment.make_enroll_code(
            engine, commune_code=args.commune.strip(), role=args.role, hours=args.expires
        )
        url = (given or get_meta(engine, "url") or "http://127.0.0.1:8765").rstrip("/")
        pin = get_meta(engine, "tls_fingerprint") or ""
    finally:
        engine.dispose()
    made["hub_url"] = url
    # A self-signed hub's certificate travels with the code, for the device to pin (https only).
    made["tls_fingerprint"] = pin if pin and url.startswith("https://") else ""
    made["qr_text"] = f"vk-enroll:{url}?code={made['code']}" + (
        f"&fp={made['tls_fingerprint']}" if made["tls_fingerprint"] else ""
    )
    if is_loopback_url(url):
        scheme = url.split("://", 1)[0]
        made["warning"] = msg(
            f"Cảnh báo: mã trỏ tới {url}, địa chỉ chỉ dùng được trong máy này nên máy khác không kết "
            f"nối được; hãy chạy máy chủ bằng hub serve --host 0.0.0.0 --url {scheme}://ĐỊA_CHỈ_MÁY:CỔNG, "
            "hoặc cho --url.",
            f"Warning: the code points to {url}, an address of this computer only, so other laptops "
            f"cannot reach it; serve the hub with hub serve --host 0.0.0.0 --url {scheme}://ADDRESS:PORT, "
            "or give --url.",
        )
        print(made["warning"], file=sys.stderr)
    if args.qr:
        import qrcode

        image = qrcode.make(made["qr_text"], error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8)
        image.save(args.qr)
        made["qr"] = args.qr
    if args.json:
        print_json(made)
        return 0
    print(made["code"])
    print(
        msg(
            f"Mã cho {made['commune_name']} ({made['commune_code']}), "
            f"vai trò {word(ROLES, made['role'], 'vi')}, "
            f"dùng một lần, hết hạn {made['expires_at']}.",
            f"Code for {made['commune_name']} ({made['commune_code']}), role {made['role']}, "
            f"single use, expires {made['expires_at']}.",
        ),
        file=sys.stderr,
    )
    if made["tls_fingerprint"]:
        from volunteer_kit.sync.transport import fingerprint_groups

        groups = fingerprint_groups(made["tls_fingerprint"])
        print(
            msg(
                f"Dấu vân tay chứng chỉ: {groups}\nMáy mới ghi danh bằng cả mã này (hoặc mã QR): "
                f'volunteer-kit enroll --code "{made["qr_text"]}"',
                f"Certificate fingerprint: {groups}\nA new laptop enrolls with this whole code (or "
                f'the QR): volunteer-kit enroll --code "{made["qr_text"]}"',
            ),
            file=sys.stderr,
        )
    return 0


@hub_known
def cmd_hub_stats(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.stats import hub_stats

    engine = hub_engine(args)
    try:
        stats = hub_stats(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json(stats)
        return 0
    for c in stats["communes"]:
        kinds = ", ".join(f"{table} {n}" for table, n in sorted(c["records"].items())) or "-"
        seen = c["last_contact"]
        contact = msg(", liên lạc lần cuối ", ", last contact ") + seen if seen else ""
        print(
            f"{c['commune_code']} {c['commune_name']}: {c['records_total']} "
            f"{msg('bản ghi', 'records')} ({kinds}); {c['devices']} {msg('thiết bị', 'devices')}"
            f"{contact}"
        )
    print(msg(f"{len(stats['devices'])} thiết bị", f"{len(stats['devices'])} devices"), file=sys.stderr)
    return 0


@hub_known
def cmd_hub_revoke_device(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.admin import revoke_reason
    from volunteer_kit.hub.enrollment import OPERATOR, revoke_device

    reason = revoke_reason({"reason": args.reason}) if args.reason is not None else ""
    engine = hub_engine(args)
    try:
        done = revoke_device(engine, args.device_id, reason=reason, by=OPERATOR)
    finally:
        engine.dispose()
    if not done:
        raise errors.KnownError(
            f"Máy chủ không biết thiết bị {args.device_id}; xem danh sách bằng: hub stats",
            f"The hub knows no device {args.device_id}; list them with: hub stats",
        )
    print(msg(f"Đã thu hồi quyền của thiết bị {args.device_id}.", f"Device {args.device_id} revoked."))
    return 0


@hub_known
def cmd_hub_erasures(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.erasures import list_erasures

    engine = hub_engine(args)
    try:
        found, after = [], 0
        while True:  # the whole trail: the operator's view of every commune
            page, more = list_erasures(engine, commune_code=None, after=after)
            found += page
            if not more:
                break
            after = page[-1]["id"]
    finally:
        engine.dispose()
    if args.json:
        print_json({"erasures": found})
        return 0
    for e in found:
        state = msg("chờ duyệt", "waiting") if e["status"] == "waiting" else msg("đã xoá", "applied")
        approved = f" ({msg('duyệt bởi', 'approved by')} {e['approved_by']})" if e["approved_by"] else ""
        print(f"{e['id']} {e['at']} {e['commune_code']} {e['record_id']} {e['device_id']}: {state}{approved}")
    waiting = sum(1 for e in found if e["status"] == "waiting")
    print(
        msg(
            f"{len(found)} lần xoá dữ liệu, {waiting} đang chờ duyệt (hub approve-erasure ID).",
            f"{len(found)} erasures, {waiting} waiting for approval (hub approve-erasure ID).",
        ),
        file=sys.stderr,
    )
    return 0


@hub_known
def cmd_hub_approve_erasure(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.erasures import OPERATOR, approve

    if not 1 <= args.erasure_id < 2**63:
        raise errors.InvalidInput(
            "ID phải là số của một việc xoá dữ liệu (xem: hub erasures).",
            "ID must be the number of an erasure (see: hub erasures).",
        )
    engine = hub_engine(args)
    try:
        done = approve(engine, args.erasure_id, approver=OPERATOR, commune_code=None)
    finally:
        engine.dispose()
    print(
        msg(
            f"Đã duyệt và thực hiện việc xoá dữ liệu {done['id']} (người học {done['record_id']}).",
            f"Erasure {done['id']} approved and applied (learner {done['record_id']}).",
        )
    )
    return 0


@hub_known
def cmd_hub_import_bundle(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.bundles import apply_bundle, load_bundle

    try:
        content = Path(args.path).read_bytes()
    except OSError as exc:
        raise errors.KnownError(
            f"Không đọc được tệp {args.path} ({exc.strerror}).", f"Cannot read {args.path} ({exc.strerror})."
        ) from exc
    bundle = load_bundle(content)
    engine = hub_engine(args)
    try:
        done = apply_bundle(engine, bundle)
    finally:
        engine.dispose()
    if args.json:
        print_json(done)
        return 0
    rejected = [r for r in done["results"] if r["status"] != "accepted"]
    print(
        msg(
            f"Đã nhập gói của thiết bị {done['device_id']}: {len(done['results']) - len(rejected)} bản ghi "
            f"được nhận, {len(rejected)} bị từ chối.",
            f"Imported the bundle of device {done['device_id']}: {len(done['results']) - len(rejected)} "
            f"records accepted, {len(rejected)} refused.",
        )
    )
    for r in rejected[:20]:
        print(f"  {r['table']} {r['id']}: {r['reason_vi'] if errors.language() == 'vi' else r['reason']}")
    return 0


@hub_known
def cmd_hub_publish_pack(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.packs import publish_pack

    engine = hub_engine(args)
    try:
        done = publish_pack(
            engine, paths.data_dir(), Path(args.path), communes=None if args.all else args.commune
        )
    finally:
        engine.dispose()
    if args.json:
        print_json(done)
        return 0
    where = msg("mọi xã", "every commune") if done["all_communes"] else ", ".join(done["communes"])
    key = f"{done['id']}@{done['version']}"
    if done["status"] == "unchanged":
        print(msg(f"Gói {key} đã được phát hành cho {where}.", f"{key} was already published to {where}."))
    else:
        print(msg(f"Đã phát hành gói {key} cho {where}.", f"Published {key} to {where}."))
    if done["trust"] != "trusted":
        print(
            msg(
                "Lưu ý: gói chưa được ký bởi nhà phát hành mà máy chủ tin cậy; mỗi máy sẽ hỏi người dùng "
                "trước khi cài (xem: hub trust-publisher).",
                "Note: the pack is not signed by a publisher this hub trusts; each laptop will ask its "
                "user before installing it (see: hub trust-publisher).",
            ),
            file=sys.stderr,
        )
    return 0


@hub_known
def cmd_hub_trust_publisher(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.packs import trust_publisher

    engine = hub_engine(args)
    try:
        done = trust_publisher(engine, Path(args.key), args.name)
    finally:
        engine.dispose()
    if args.json:
        print_json(done)
        return 0
    print(
        msg(
            f"Các máy của máy chủ này sẽ tin cậy nhà phát hành {done['name']} (khóa {done['key_id']}) "
            "từ lần đồng bộ tới.",
            f"Laptops of this hub will trust publisher {done['name']} (key {done['key_id']}) "
            "from their next sync.",
        )
    )
    return 0


@hub_known
def cmd_hub_analytics(args: argparse.Namespace) -> int:
    """`hub analytics rebuild|show`: what the background rebuild does, now; or the province's table."""
    from volunteer_kit.hub import analytics

    if args.analytics_action == "show" and not args.province:
        raise errors.InvalidInput(
            "Hãy cho biết tỉnh bằng --province MÃ (ví dụ --province 01).",
            "Name the province with --province CODE (e.g. --province 01).",
        )
    engine = hub_engine(args)
    try:
        if args.analytics_action == "rebuild":
            done = analytics.rebuild(
                engine,
                province_code=args.province,
                force=args.force,
                data_dir=paths.data_dir(),
                wait=not args.if_free,
                workers=max(1, args.workers) if args.workers is not None else None,
            )
        else:
            view = analytics.province_view(engine, args.province, lang=errors.language())
    finally:
        engine.dispose()
    if args.analytics_action == "rebuild":
        if args.json:
            print_json(done)
            return 0
        if done["busy"]:
            print(msg("Đang có lần tính lại khác; lần này bỏ qua.", "Another rebuild is under way; skipped."))
            return 0
        n, checked, seconds = done["communes"], done["checked"], done["seconds"]
        print(
            msg(
                f"Đã tính lại số liệu của {n}/{checked} xã trong {seconds:.2f} giây.",
                f"Rebuilt the figures of {n} of {checked} communes in {seconds:.2f} s.",
            )
        )
        for code, seconds in done["per_commune"].items():
            print(f"  {code}: {seconds:.2f} s")
        for code, why in done["failed"].items():
            print(
                msg(f"Xã {code}: chưa tính lại được ({why}).", f"Commune {code}: not rebuilt ({why})."),
                file=sys.stderr,
            )
        return 1 if done["failed"] else 0
    if args.json:
        print_json(analytics.view_json(view))
        return 0
    _print_province(view)
    return 0


def _print_province(view: Any) -> None:
    """The province's table, one commune a line; "—" for no data (never 0)."""

    def shown(value: object) -> str:
        return "—" if value is None else str(value)

    from volunteer_kit.core.clock import VIETNAM

    when = view.built_at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M") if view.built_at else None
    built = when or msg("chưa tính", "never built")
    synced = f"{view.communes_synced_this_week}/{view.communes_total}"
    print(
        f"{view.province_code} {view.province_name}: "
        + msg(
            f"{synced} xã đồng bộ tuần này; tính lúc {built}",
            f"{synced} communes synced this week; built {built}",
        )
    )
    print(
        msg(
            "mã     xã | người học | hộ đã đến | buổi | chứng nhận | TNV tháng | máy (cũ) | tuần này",
            "code   commune | learners | households | sessions | certificates | volunteers | laptops (stale) "
            "| this week",
        )
    )
    for c in view.communes:
        this_week = msg("có", "yes") if c.synced_this_week else msg("không", "no")
        print(
            f"{c.commune_code} {c.commune_name} | {shown(c.learners_reached)} | "
            f"{shown(c.households_visited)} | {shown(c.sessions)} | {shown(c.certificates_issued)} | "
            f"{shown(c.volunteers_active_month)} | {c.laptops} ({c.laptops_stale}) | {this_week}"
        )
