"""`packs list|check|build|sign|keygen|trust|import`: the lesson packs of this laptop, and the
publisher's tools to make and sign them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.cli.common import msg, print_json


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    packs = sub.add_parser("packs", parents=[common], help="lesson packs")
    packs_sub = packs.add_subparsers(dest="action", metavar="ACTION", required=True)
    plist = packs_sub.add_parser("list", parents=[common], help="the packs this data folder can teach from")
    plist.add_argument("--json", action="store_true", help="print one JSON array")
    pcheck = packs_sub.add_parser("check", parents=[common], help="check a pack folder or archive")
    pcheck.add_argument("path", metavar="PATH")
    plint = packs_sub.add_parser(
        "lint",
        parents=[common],
        help="check a pack, then read it as a reviewer: guessable quizzes, long steps…",
    )
    plint.add_argument("path", metavar="PATH")
    plint.add_argument("--json", action="store_true", help="print the findings as one JSON array")
    pfields = packs_sub.add_parser(
        "fields", parents=[common], help="the names this commune fills into a pack (its app, its Zalo page)"
    )
    pfields.add_argument("pack_id", metavar="PACK_ID")
    pfields.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="fill in a field")
    pfields.add_argument("--clear", action="append", default=[], metavar="FIELD", help="back to the default")
    pfields.add_argument("--json", action="store_true", help="print the fields as one JSON array")
    pbuild = packs_sub.add_parser("build", parents=[common], help="check a pack folder and write its archive")
    pbuild.add_argument("folder", metavar="DIR")
    pbuild.add_argument("out", metavar="OUT")
    psign = packs_sub.add_parser("sign", parents=[common], help="sign a pack archive with a publisher key")
    psign.add_argument("path", metavar="PATH")
    psign.add_argument("--key", required=True, metavar="KEY", help="the private key file (from packs keygen)")
    pkeygen = packs_sub.add_parser("keygen", parents=[common], help="make a publisher key pair")
    pkeygen.add_argument("out", metavar="OUT", help="private key file to write (OUT.pub gets the public key)")
    ptrust = packs_sub.add_parser("trust", parents=[common], help="trust a publisher's public key")
    ptrust.add_argument("public_key", metavar="PUBFILE")
    ptrust.add_argument("--name", required=True, help="the publisher's name, shown with its packs")
    pimport = packs_sub.add_parser("import", parents=[common], help="import a pack archive into the library")
    pimport.add_argument("path", metavar="PATH")
    pimport.add_argument(
        "--allow-unsigned",
        action="store_true",
        help="import even if the pack is unsigned or its publisher is not trusted",
    )
    plist.set_defaults(handler=cmd_packs_list)
    pcheck.set_defaults(handler=cmd_packs_check)
    plint.set_defaults(handler=cmd_packs_lint)
    pfields.set_defaults(handler=cmd_packs_fields)
    pbuild.set_defaults(handler=cmd_packs_build)
    psign.set_defaults(handler=cmd_packs_sign)
    pkeygen.set_defaults(handler=cmd_packs_keygen)
    ptrust.set_defaults(handler=cmd_packs_trust)
    pimport.set_defaults(handler=cmd_packs_import)


def _load_any_pack(path: Path):
    """A pack folder as it is, or an archive unpacked into a temporary folder and checked."""
    import tempfile

    from volunteer_kit.packs.archive import extract_archive
    from volunteer_kit.packs.reader import read_pack

    if path.is_dir():
        return read_pack(path, check_hashes=True)
    with tempfile.TemporaryDirectory(prefix="vk-check-") as folder:
        extract_archive(path, Path(folder))
        return read_pack(Path(folder))


def cmd_packs_list(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.library import list_library

    entries = [entry.summary() for entry in list_library()]
    if args.json:
        print_json(entries)
        return 0
    lang = errors.language()
    for e in entries:
        trust = {
            "bundled": msg("kèm ứng dụng", "bundled"),
            "trusted": msg("đã ký, tin cậy", "signed, trusted"),
            "unsigned": msg("CHƯA KÝ", "UNSIGNED"),
            "unknown-publisher": msg("NHÀ PHÁT HÀNH LẠ", "UNKNOWN PUBLISHER"),
        }[e["trust"]]
        print(
            f"{e['id']}@{e['version']}  {e['title'][lang] or e['title']['vi']}  "
            f"[{e['lessons']} {msg('bài', 'lessons')}, {e['questions']} {msg('câu hỏi', 'questions')}, "
            f"{e['skill_checks']} {msg('kỹ năng', 'skill checks')}; {', '.join(e['competencies'])}; {trust}]"
        )
    return 0


def _print_problems(exc) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(
        msg(
            f"{len(exc.problems)} lỗi; gói chưa dùng được.",
            f"{len(exc.problems)} problem(s); the pack cannot be used yet.",
        ),
        file=sys.stderr,
    )


def cmd_packs_lint(args: argparse.Namespace) -> int:
    """Exit 0 only for a pack with no problem and no finding: what CI asks of every bundled pack."""
    from volunteer_kit.packs.lint import lint_pack
    from volunteer_kit.packs.reader import PackInvalid

    _check_path(Path(args.path))
    try:
        pack = _load_any_pack(Path(args.path))
    except PackInvalid as exc:
        _print_problems(exc)
        return 1
    findings = lint_pack(pack)
    if args.json:
        print_json([{"where": f.where, "rule": f.rule, "text": f.text} for f in findings])
        return 1 if findings else 0
    for finding in findings:
        print(f"{msg('cảnh báo', 'warning')}: {finding}")
    print(
        msg(
            f"{pack.key}: {len(findings)} cảnh báo." if findings else f"{pack.key}: không có cảnh báo nào.",
            f"{pack.key}: {len(findings)} warning(s)." if findings else f"{pack.key}: no warnings.",
        )
    )
    return 1 if findings else 0


def _check_path(path: Path) -> None:
    if not path.exists():
        raise errors.KnownError(f"Không thấy gói bài học ở {path}.", f"No lesson pack at {path}.")


def cmd_packs_fields(args: argparse.Namespace) -> int:
    from volunteer_kit.packs import fields
    from volunteer_kit.packs.library import list_library

    entries = [e for e in list_library() if e.pack.manifest.id == args.pack_id]
    if not entries:
        raise errors.KnownError(
            f"Máy này không có gói {args.pack_id} (xem: volunteer-kit packs list).",
            f"This laptop has no pack {args.pack_id} (see: volunteer-kit packs list).",
        )
    manifest = entries[-1].pack.manifest  # the newest version
    changes: dict[str, str] = {name: "" for name in args.clear}
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep:
            raise errors.KnownError(
                f"Viết --set TÊN_MỤC=GIÁ_TRỊ (nhận được {item!r}).",
                f"Write --set FIELD=VALUE (got {item!r}).",
            )
        changes[name.strip()] = value
    chosen = (
        fields.save_values(manifest.id, manifest, changes)
        if changes
        else fields.local_values().get(manifest.id, {})
    )
    lang = errors.language()
    rows = [
        {
            "id": f.id,
            "label": f.label.get(lang),
            "value": chosen.get(f.id, ""),
            "default": f.default.get(lang),
        }
        for f in manifest.fields
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(
            msg(
                f"Gói {manifest.id} không có mục nào để xã điền.",
                f"Pack {manifest.id} has no fields to fill in.",
            )
        )
    for row in rows:
        shown = row["value"] or msg(
            f"(chưa điền: «{row['default']}»)", f"(not filled in: “{row['default']}”)"
        )
        print(f"{row['id']}  {row['label']}: {shown}")
    return 0


def cmd_packs_check(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.lint import lint_pack
    from volunteer_kit.packs.reader import PackInvalid

    _check_path(Path(args.path))
    try:
        pack = _load_any_pack(Path(args.path))
    except PackInvalid as exc:
        _print_problems(exc)
        return 1
    print(
        msg(
            f"Hợp lệ: {pack.key}, {len(pack.lessons)} bài, {len(pack.quiz.questions)} câu hỏi, "
            f"{len(pack.manifest.skill_checks)} kỹ năng thực hành.",
            f"Valid: {pack.key}, {len(pack.lessons)} lessons, {len(pack.quiz.questions)} questions, "
            f"{len(pack.manifest.skill_checks)} skill checks.",
        )
    )
    for finding in lint_pack(pack):  # a usable pack; what a reviewer would still ask for
        print(f"{msg('cảnh báo', 'warning')}: {finding}")
    return 0


def cmd_packs_build(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.archive import build_archive

    pack = build_archive(Path(args.folder), Path(args.out))
    print(
        msg(
            f"Đã tạo {args.out} ({pack.key}, {len(pack.files)} tệp). Hãy ký bằng: packs sign",
            f"Built {args.out} ({pack.key}, {len(pack.files)} files). Sign it with: packs sign",
        )
    )
    return 0


def cmd_packs_sign(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.archive import read_manifest, rewrite_manifest
    from volunteer_kit.packs.signing import load_private_key, sign_manifest

    path = Path(args.path)
    key = load_private_key(Path(args.key))
    manifest = read_manifest(path)
    if not manifest.get("files"):
        raise errors.InvalidInput(
            "Chỉ ký được tệp gói đã tạo bằng packs build.",
            "Only an archive made by packs build can be signed.",
        )
    _load_any_pack(path)  # sign only what passes its check
    signed = sign_manifest(manifest, key)
    rewrite_manifest(path, signed)
    print(
        msg(
            f"Đã ký {path} bằng khóa {signed['signature']['key_id']}.",
            f"Signed {path} with key {signed['signature']['key_id']}.",
        )
    )
    return 0


def cmd_packs_keygen(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.signing import generate_key

    key_id, public_path = generate_key(Path(args.out))
    print(
        msg(
            f"Khóa {key_id}: khóa riêng {args.out} (giữ kín), khóa công khai {public_path} (gửi cho các xã).",
            f"Key {key_id}: private key {args.out} (keep it secret), public key {public_path} (share it).",
        )
    )
    return 0


def cmd_packs_trust(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.signing import trust_publisher

    paths.ensure_data_dir()
    try:
        key_id = trust_publisher(Path(args.public_key), args.name)
    except (OSError, ValueError, KeyError) as exc:
        raise errors.InvalidInput(
            f"Không đọc được khóa công khai {args.public_key}: {exc}",
            f"Cannot read the public key {args.public_key}: {exc}",
        ) from exc
    print(
        msg(
            f"Đã tin cậy nhà phát hành {args.name} (khóa {key_id}).",
            f"Now trusting publisher {args.name} (key {key_id}).",
        )
    )
    return 0


def cmd_packs_import(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.library import install_pack

    paths.ensure_data_dir()
    result = install_pack(Path(args.path), allow_unsigned=args.allow_unsigned)
    key = result.entry.pack.key
    if result.already_installed:
        print(
            msg(
                f"Gói {key} đã có trong thư viện; không thay đổi gì.",
                f"{key} is already installed; nothing changed.",
            )
        )
    else:
        note = (
            ""
            if result.entry.trust == "trusted"
            else msg(" (chưa xác minh nhà phát hành)", " (publisher not verified)")
        )
        print(msg(f"Đã nhập gói {key}{note}.", f"Imported {key}{note}."))
    return 0
