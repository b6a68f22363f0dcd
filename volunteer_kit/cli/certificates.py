"""`certificates eligible|issue|print|verify|revoke|retire-key`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.cli.common import check_pack, msg, open_engine, pack_outlines, print_json


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    certs = sub.add_parser("certificates", parents=[common], help="issue, print, verify, revoke certificates")
    certs_sub = certs.add_subparsers(dest="action", metavar="ACTION", required=True)
    celig = certs_sub.add_parser("eligible", parents=[common], help="who may receive a certificate, and why")
    celig.add_argument("--pack", metavar="ID", help="only this pack")
    celig.add_argument("--all", action="store_true", help="also list learners not yet eligible")
    celig.add_argument("--json", action="store_true", help="print one JSON array")
    cissue = certs_sub.add_parser("issue", parents=[common], help="issue certificates (officer only)")
    cissue.add_argument("--pack", metavar="ID", help="the pack (needed with --learner)")
    cissue.add_argument("--learner", action="append", default=[], metavar="ID", help="a learner (repeatable)")
    cissue.add_argument(
        "--all-eligible", action="store_true", help="every eligible learner (of --pack, or of every pack)"
    )
    cissue.add_argument("--json", action="store_true", help="print one JSON array")
    cprint = certs_sub.add_parser("print", parents=[common], help="write certificates to one PDF")
    cprint.add_argument("--out", required=True, metavar="PDF")
    which = cprint.add_mutually_exclusive_group(required=True)
    which.add_argument("--pending", action="store_true", help="every certificate not printed yet")
    which.add_argument("--serial", nargs="+", metavar="S", help="these serials")
    cverify = certs_sub.add_parser("verify", parents=[common], help="check a certificate (exit 0 when valid)")
    source = cverify.add_mutually_exclusive_group(required=True)
    source.add_argument("payload", nargs="?", metavar="PAYLOAD", help="the QR's text (link or vk-cert:...)")
    source.add_argument("--image", metavar="FILE", help="a photo or scan (PNG/JPG) or a PDF")
    cverify.add_argument("--json", action="store_true", help="print the verdicts as one JSON array")
    crevoke = certs_sub.add_parser("revoke", parents=[common], help="revoke a certificate (officer only)")
    crevoke.add_argument("serial", metavar="SERIAL")
    crevoke.add_argument("--reason", required=True, metavar="TEXT")
    cretire = certs_sub.add_parser(
        "retire-key",
        parents=[common],
        help="retire this laptop's signing key, making a new one (officer only)",
    )
    cretire.add_argument("--reason", required=True, metavar="TEXT", help="why the key is retired")
    cretire.add_argument(
        "--compromised",
        action="store_true",
        help="the key leaked (a lost or stolen laptop): every certificate it signed is revoked",
    )
    cretire.add_argument(
        "--key",
        metavar="KEY_ID",
        help="another key of the commune, by the first digits of its id (with --compromised)",
    )
    cretire.add_argument("--json", action="store_true", help="print one JSON object")
    celig.set_defaults(handler=cmd_certificates_eligible)
    cissue.set_defaults(handler=cmd_certificates_issue)
    cprint.set_defaults(handler=cmd_certificates_print)
    cverify.set_defaults(handler=cmd_certificates_verify)
    crevoke.set_defaults(handler=cmd_certificates_revoke)
    cretire.set_defaults(handler=cmd_certificates_retire_key)


def cmd_certificates_eligible(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.eligibility import eligibility

    engine = open_engine()
    outlines = pack_outlines()
    check_pack(args.pack, outlines)
    with engine.connect() as conn:
        rows = [e for e in eligibility(conn, outlines, args.pack) if args.all or e.eligible]
    lang = errors.language()
    if args.json:
        print_json(
            [
                {
                    "learner_id": e.learner_id,
                    "full_name": e.full_name,
                    "birth_year": e.birth_year,
                    "hamlet": e.hamlet,
                    "pack_id": e.pack_id,
                    "eligible": e.eligible,
                    "issued_serial": e.issued_serial,
                    "why": e.why(lang),
                }
                for e in rows
            ]
        )
        return 0
    for e in rows:
        mark = "✓" if e.eligible else "·"
        print(f"{mark} {e.pack_id:<28} {e.hamlet:<20} {e.full_name:<30} {e.why(lang)}")
    eligible = sum(e.eligible for e in rows)
    print(msg(f"{eligible} người đủ điều kiện", f"{eligible} eligible"), file=sys.stderr)
    return 0


def cmd_certificates_issue(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.eligibility import eligibility
    from volunteer_kit.certificates.issue import issue_certificates

    if args.learner and args.all_eligible:
        raise errors.InvalidInput(
            "Dùng --learner hoặc --all-eligible, không dùng cả hai.",
            "Use --learner or --all-eligible, not both.",
        )
    if not args.learner and not args.all_eligible:
        raise errors.InvalidInput(
            "Hãy chọn người nhận: --learner ID (có thể lặp) hoặc --all-eligible.",
            "Choose who receives: --learner ID (repeatable) or --all-eligible.",
        )
    if args.learner and not args.pack:
        raise errors.InvalidInput("Hãy cho biết gói bài học: --pack ID.", "Name the pack: --pack ID.")
    from volunteer_kit.store.lookup import resolve_id

    engine = open_engine()
    outlines = pack_outlines()
    check_pack(args.pack, outlines)
    issued = []
    with engine.begin() as conn:  # every certificate of the command, or none
        if args.learner:
            batches = {args.pack: [resolve_id(conn, "learner", given) for given in args.learner]}
        else:
            batches = {}
            for e in eligibility(conn, outlines, args.pack):
                if e.eligible:
                    batches.setdefault(e.pack_id, []).append(e.learner_id)
        for pack_id, learner_ids in batches.items():
            issued += issue_certificates(conn, paths.data_dir(), learner_ids, pack_id, outlines)
    if args.json:
        print_json(
            [
                {
                    "serial": c.serial,
                    "learner_id": c.learner_id,
                    "full_name": c.full_name,
                    "pack_id": c.pack_id,
                    "qr_text": c.qr_text,
                }
                for c in issued
            ]
        )
        return 0
    for c in issued:
        print(f"{c.serial}  {c.pack_id:<28} {c.full_name}")
    print(msg(f"Đã cấp {len(issued)} chứng nhận.", f"Issued {len(issued)} certificates."), file=sys.stderr)
    return 0


def cmd_certificates_print(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.issue import print_certificates

    engine = open_engine()
    out = Path(args.out)
    try:
        with engine.begin() as conn:
            serials = None if args.pending else args.serial
            printed = print_certificates(conn, out, pack_outlines(), serials=serials)
    except OSError as exc:
        raise errors.InvalidInput(
            f"Không ghi được {out} ({exc.strerror or exc}); hãy chọn nơi lưu khác.",
            f"Cannot write {out} ({exc.strerror or exc}); choose another place.",
        ) from exc
    print(
        msg(f"Đã in {len(printed)} chứng nhận vào {out}.", f"Printed {len(printed)} certificates to {out}.")
    )
    return 0


def cmd_certificates_verify(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.verify import verify_image_in_store, verify_in_store

    engine = open_engine()
    with engine.connect() as conn:
        if args.image:
            verdicts = verify_image_in_store(conn, Path(args.image))
        else:
            verdicts = [verify_in_store(conn, args.payload)]
    lang = errors.language()
    if args.json:
        print_json(
            [
                {
                    "status": v.status.value,
                    "message": v.message(lang),
                    "serial": v.data.serial if v.data else None,
                    "full_name": v.data.full_name if v.data else None,
                    "pack_id": v.data.pack_id if v.data else None,
                    "issued_on": v.data.issued_on.isoformat() if v.data else None,
                    "commune_code": v.data.commune_code if v.data else None,
                    "key_id": v.data.key_id if v.data else None,
                }
                for v in verdicts
            ]
        )
    else:
        for v in verdicts:
            print(f"{v.status.value}: {v.message(lang)}")
    return 0 if verdicts and all(v.valid for v in verdicts) else 1


def cmd_certificates_revoke(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.issue import revoke

    engine = open_engine()
    with engine.begin() as conn:
        revoke(conn, args.serial, args.reason)
    serial = args.serial.strip().upper()
    print(msg(f"Đã thu hồi chứng nhận {serial}.", f"Certificate {serial} revoked."))
    return 0


def cmd_certificates_retire_key(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.retire import retire_key

    engine = open_engine()
    done = retire_key(engine, paths.data_dir(), args.reason, compromised=args.compromised, key_id=args.key)
    if args.json:
        print_json(
            {
                "key_id": done.key_id,
                "compromised": done.compromised,
                "new_key_id": done.new_key_id,
                "to_reissue": [
                    {
                        "serial": c.serial,
                        "learner_id": c.learner_id,
                        "full_name": c.full_name,
                        "pack_id": c.pack_id,
                    }
                    for c in done.to_reissue
                ],
            }
        )
        return 0
    for c in done.to_reissue:
        print(f"{c.serial}  {c.pack_id:<28} {c.full_name}")
    if done.compromised:
        said = msg(
            f"Khóa ký {done.key_id} đã được báo là bị lộ: {len(done.to_reissue)} chứng nhận của khóa "
            "không còn giá trị (danh sách ở trên). Hãy đồng bộ, rồi cấp lại: "
            "volunteer-kit certificates issue --all-eligible",
            f"Signing key {done.key_id} was declared compromised: {len(done.to_reissue)} certificates of "
            "that key no longer stand (listed above). Sync, then issue them again: "
            "volunteer-kit certificates issue --all-eligible",
        )
    else:
        said = msg(
            f"Đã ngừng dùng khóa ký {done.key_id}; các chứng nhận đã ký vẫn hợp lệ.",
            f"Signing key {done.key_id} retired; the certificates it signed stay valid.",
        )
    if done.new_key_id:
        said += " " + msg(f"Khóa mới: {done.new_key_id}.", f"New key: {done.new_key_id}.")
    print(said, file=sys.stderr)
    return 0
