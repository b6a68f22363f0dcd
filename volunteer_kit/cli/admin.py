"""`admin …`: the commune officer runs the commune from the officer's laptop (issue 18), over the
hub's /admin API with this laptop's officer enrollment (sync/admin.py): enrollment codes, the
commune's devices and revoking one, conflicts, erasures and the commune's figures."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from volunteer_kit import errors
from volunteer_kit.cli.common import msg, open_engine, print_json
from volunteer_kit.core.vocab import ROLES, word


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    admin = sub.add_parser(
        "admin", parents=[common], help="run the commune from an officer's laptop (codes, devices, conflicts)"
    )
    actions = admin.add_subparsers(dest="action", metavar="ACTION", required=True)

    code = actions.add_parser(
        "code", parents=[common], help="make a one-time enrollment code for a new laptop"
    )
    code.add_argument(
        "--role", required=True, choices=("volunteer", "trainer"), help="the role of the laptop that enrolls"
    )
    code.add_argument(
        "--expires", type=float, default=72, metavar="HOURS", help="hours it stays valid (72; at most 336)"
    )
    code.add_argument("--json", action="store_true", help="print one JSON object")
    code.add_argument("--qr", metavar="OUT.png", help="also write the enrollment text as a QR image")
    code.set_defaults(handler=cmd_code)

    codes = actions.add_parser("codes", parents=[common], help="the open enrollment codes of the commune")
    codes.add_argument("--json", action="store_true", help="print one JSON array")
    codes.set_defaults(handler=cmd_codes)

    cancel = actions.add_parser("cancel-code", parents=[common], help="cancel an open enrollment code")
    cancel.add_argument("code_id", metavar="ID")
    cancel.set_defaults(handler=cmd_cancel_code)

    devices = actions.add_parser(
        "devices", parents=[common], help="the commune's laptops and their last contact"
    )
    devices.add_argument("--json", action="store_true", help="print one JSON array")
    devices.set_defaults(handler=cmd_devices)

    revoke = actions.add_parser("revoke", parents=[common], help="revoke a lost or stolen laptop")
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    revoke.add_argument("--reason", required=True, metavar="TEXT", help="why (1 to 200 characters)")
    revoke.add_argument("--json", action="store_true", help="print one JSON object")
    revoke.set_defaults(handler=cmd_revoke)

    conflicts = actions.add_parser(
        "conflicts", parents=[common], help="the commune's conflicts (versions overwritten by another edit)"
    )
    conflicts.add_argument("--json", action="store_true", help="print one JSON array")
    conflicts.set_defaults(handler=cmd_conflicts)

    erasures = actions.add_parser(
        "erasures", parents=[common], help="erasures waiting for approval, and the erasure trail"
    )
    erasures.add_argument("--json", action="store_true", help="print one JSON array")
    erasures.set_defaults(handler=cmd_erasures)

    approve = actions.add_parser(
        "approve-erasure", parents=[common], help="apply an erasure that waits for approval"
    )
    approve.add_argument("erasure_id", metavar="ID")
    approve.add_argument("--json", action="store_true", help="print one JSON object")
    approve.set_defaults(handler=cmd_approve_erasure)

    figures = actions.add_parser(
        "stats", parents=[common], help="the commune's records per kind, laptop and week"
    )
    figures.add_argument("--weeks", type=int, default=12, metavar="N", help="weeks back (12; 1 to 52)")
    figures.add_argument("--json", action="store_true", help="print one JSON object")
    figures.set_defaults(handler=cmd_stats)


def _officer_engine() -> Any:
    """The store of an enrolled officer's laptop; one line and exit 1 on any other."""
    from volunteer_kit.sync.admin import check_officer

    engine = open_engine()
    check_officer(engine)
    return engine


def _when(stamp: object) -> str:
    """A hub time (ISO 8601 UTC) as people read it here (Vietnam's time); "" for none."""
    if not isinstance(stamp, str) or not stamp:
        return ""
    from volunteer_kit.core.clock import local, parse_utc

    try:
        return f"{local(parse_utc(stamp.replace('Z', '+00:00'))):%d/%m/%Y %H:%M}"
    except (ValueError, errors.KnownError):
        return stamp


def _role(role: object) -> str:
    return word(ROLES, str(role), errors.language()) or str(role)


def _short(value: object) -> str:
    """The id as listings show it: its last characters (store.lookup: a UUIDv7 starts with the time)."""
    from volunteer_kit.store.lookup import short_id

    return short_id(str(value or ""))


def _resolve(items: list[dict[str, Any]], given: str, what: tuple[str, str, str]) -> str:
    """The whole id of the one item whose id is `given`, ends with it (a listing's short id) or
    starts with it; refused in one line when none or several do."""
    given = given.strip().lower()
    ids = {str(i.get("id", "")) for i in items}
    if given in ids:
        return given
    found = sorted(i for i in ids if i and (i.lower().startswith(given) or i.lower().endswith(given)))
    if len(found) > 1:
        raise errors.InvalidInput(
            f"Có {len(found)} {what[0]} có mã khớp với {given!r}; hãy gõ thêm vài ký tự.",
            f"{len(found)} {what[1]} have an id matching {given!r}; type a few more characters.",
        )
    if not found:
        raise errors.InvalidInput(
            f"Không có {what[0]} nào có mã {given!r} trong xã của bạn; xem mã bằng: "
            f"volunteer-kit admin {what[2]}",
            f"There are no {what[1]} with id {given!r} in your commune; see the ids with: "
            f"volunteer-kit admin {what[2]}",
        )
    return found[0]


def _table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


def cmd_code(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    engine = _officer_engine()
    qr = None
    if args.qr:
        from volunteer_kit.sync.bundles import check_export_path

        # Checked before the hub makes a code that would then be lost.
        qr = check_export_path(engine, args.qr, overwrite=False)
    made = admin.make_code(engine, args.role, args.expires)
    if qr is not None:
        _write_qr(made["enroll_text"], qr)
        made["qr"] = str(qr)
    if args.json:
        print_json(made)
        return 0
    print(made["code"])
    print(
        msg(
            f"Mã ghi danh cho một máy {_role(made.get('role')).lower()}, dùng một lần, hết hạn "
            f"{_when(made.get('expires_at'))}. Máy mới ghi danh bằng cả dòng này (hoặc mã QR):",
            f"Enrollment code for one {made.get('role')} laptop, single use, expires "
            f"{_when(made.get('expires_at'))}. The new laptop enrolls with this whole line (or the QR):",
        ),
        file=sys.stderr,
    )
    print(f'volunteer-kit enroll --code "{made["enroll_text"]}"')
    if qr is not None:
        print(msg(f"Đã ghi mã QR vào {qr}.", f"Wrote the QR to {qr}."), file=sys.stderr)
    return 0


def _write_qr(text: str, path: Any) -> None:
    import qrcode

    image = qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8)
    tmp = path.with_name(path.name + ".part")
    try:
        image.save(tmp, format="PNG")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise errors.KnownError(
            f"Không ghi được ảnh QR {path} ({exc.strerror or exc}); mã vẫn dùng được bằng chữ.",
            f"Cannot write the QR image {path} ({exc.strerror or exc}); the code still works as text.",
        ) from exc


def cmd_codes(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    found = admin.list_codes(_officer_engine())
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(msg("Không có mã ghi danh nào đang mở.", "No enrollment code is open."))
        return 0
    _table(
        [
            [
                str(c.get("id", "")),
                _role(c.get("role")),
                _when(c.get("created_at")),
                _when(c.get("expires_at")),
            ]
            for c in found
        ],
        [msg("Mã số", "Id"), msg("Vai trò", "Role"), msg("Tạo lúc", "Made"), msg("Hết hạn", "Expires")],
    )
    return 0


def cmd_cancel_code(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    engine = _officer_engine()
    code_id = _resolve(admin.list_codes(engine), args.code_id, ("mã ghi danh", "codes", "codes"))
    admin.cancel_code(engine, code_id)
    print(msg(f"Đã huỷ mã ghi danh {_short(code_id)}.", f"Cancelled the enrollment code {_short(code_id)}."))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    found = admin.list_devices(_officer_engine())
    if args.json:
        print_json(found)
        return 0
    rows = []
    for d in found:
        state = (
            msg(f"đã thu hồi {_when(d.get('revoked_at'))}", f"revoked {_when(d.get('revoked_at'))}")
            if d.get("revoked")
            else ""
        )
        rows.append(
            [
                _short(d.get("id")),
                str(d.get("label") or ""),
                _role(d.get("role")),
                _when(d.get("last_contact")) or msg("chưa", "never"),
                str(d.get("records_pushed", "")),
                str(d.get("app_version") or ""),
                state,
            ]
        )
    _table(
        rows,
        [
            msg("Mã máy", "Id"),
            msg("Tên", "Label"),
            msg("Vai trò", "Role"),
            msg("Liên lạc cuối", "Last contact"),
            msg("Bản ghi", "Records"),
            msg("Phiên bản", "Version"),
            "",
        ],
    )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    engine = _officer_engine()
    device_id = _resolve(admin.list_devices(engine), args.device_id, ("máy", "laptops", "devices"))
    done = admin.revoke_device(engine, device_id, args.reason)
    if args.json:
        print_json(done)
        return 0
    label = f" ({done['label']})" if done.get("label") else ""
    print(
        msg(
            f"Đã thu hồi máy {_short(done.get('id', device_id))}{label}: lần đồng bộ tới của máy bị từ chối; "
            "dữ liệu chưa gửi vẫn ở trên máy, để xuất ra tệp cho bạn.",
            f"Revoked the laptop {_short(done.get('id', device_id))}{label}: its next sync is refused; its "
            "unsent records stay on it, to be exported to a file for you.",
        )
    )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    found = admin.list_conflicts(_officer_engine())
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(msg("Không có xung đột nào.", "No conflicts."))
        return 0
    for c in found:
        by = c.get("by_device_label") or c.get("by_device") or "?"
        lost = c.get("overwritten_device_label") or c.get("overwritten_device") or "?"
        print(
            msg(
                f"{c.get('id')}: {c.get('table')} {c.get('record_id')} — bản của {lost} bị bản của {by} "
                f"ghi đè lúc {_when(c.get('at'))}",
                f"{c.get('id')}: {c.get('table')} {c.get('record_id')} — {lost}'s version overwritten by "
                f"{by}'s at {_when(c.get('at'))}",
            )
        )
    return 0


def cmd_erasures(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    found = admin.list_erasures(_officer_engine())
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(msg("Chưa có việc xoá dữ liệu nào.", "No erasures."))
        return 0
    for e in found:
        waiting = e.get("status") == "waiting"
        state = msg("chờ duyệt", "waiting for approval") if waiting else msg("đã xoá", "applied")
        approved = f" ({msg('duyệt bởi', 'approved by')} {e['approved_by']})" if e.get("approved_by") else ""
        print(
            f"{e.get('id')} {_when(e.get('at'))} {e.get('record_id')} {e.get('device_id')}: {state}{approved}"
        )
    waiting = sum(1 for e in found if e.get("status") == "waiting")
    print(
        msg(
            f"{len(found)} lần xoá dữ liệu, {waiting} đang chờ duyệt (admin approve-erasure ID).",
            f"{len(found)} erasures, {waiting} waiting for approval (admin approve-erasure ID).",
        ),
        file=sys.stderr,
    )
    return 0


def cmd_approve_erasure(args: argparse.Namespace) -> int:
    from volunteer_kit.sync import admin

    done = admin.approve_erasure(_officer_engine(), args.erasure_id)
    if args.json:
        print_json(done)
        return 0
    print(
        msg(f"Đã duyệt và xoá dữ liệu theo yêu cầu {args.erasure_id}.", f"Erasure {args.erasure_id} applied.")
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from volunteer_kit.core.vocab import RECORD_KINDS
    from volunteer_kit.sync import admin

    figures = admin.stats(_officer_engine(), args.weeks)
    if args.json:
        print_json(figures)
        return 0
    lang = errors.language()
    kinds = figures.get("per_kind") or {}
    print(msg("Theo loại:", "Per kind:"))
    for table, n in sorted(kinds.items()):
        print(f"  {word(RECORD_KINDS, table, lang) or table}: {n}")
    print(msg("Theo máy:", "Per laptop:"))
    for d in figures.get("per_device") or []:
        print(
            f"  {d.get('label') or d.get('device_id')} ({_role(d.get('role')).lower()}): {d.get('records')}"
        )
    print(msg("Theo tuần:", "Per week:"))
    for w in figures.get("per_week") or []:
        print(f"  {w.get('week_start')}: {w.get('records')}")
    return 0
