"""The `volunteer-kit` command line (DESIGN.md "Command line").

Exit 0 on success; a one-line message on stderr and exit 1 on failure; usage
errors exit 2 (argparse). No traceback reaches a user: unexpected errors are
logged with their traceback and reported in one line that points to the log.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from volunteer_kit import __version__, console, errors, paths
from volunteer_kit.core.records import ROLE_VI
from volunteer_kit.logs import log_file, setup_logging

log = logging.getLogger("volunteer_kit.cli")

GENDER_VI = {"female": "Nữ", "male": "Nam", "other": "Khác"}


def _msg(vi: str, en: str) -> str:
    return en if errors.language() == "en" else vi


def _common_options(*, top: bool) -> argparse.ArgumentParser:
    """--data-dir and --lang, accepted before or after the subcommand with the same meaning."""
    parent = argparse.ArgumentParser(add_help=False)
    default = None if top else argparse.SUPPRESS
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data folder (default: the user data folder, or $VOLUNTEER_KIT_HOME)",
    )
    parent.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=default,
        help="language of the window and messages (default: the setting, else vi)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(top=False)
    parser = argparse.ArgumentParser(
        prog="volunteer-kit",
        description="Volunteer Kit — the field toolkit of the Bình dân học vụ số volunteers.",
        parents=[_common_options(top=True)],
    )
    parser.add_argument("--version", action="version", version=f"volunteer-kit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help="open the desktop app (the default)")
    gui.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, open the database, show the main window, then quit (exit 0)",
    )

    demo = sub.add_parser("demo", parents=[common], help="load realistic demo data for one commune")
    demo.add_argument("--learners", type=int, default=500, metavar="N", help="learners (default 500)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--anchor-date",
        metavar="DATE",
        type=_day,
        help="the day the demo's weeks end on (default today); same seed and date, same data",
    )

    learners = sub.add_parser("learners", parents=[common], help="learners")
    learners_sub = learners.add_subparsers(dest="action", metavar="ACTION", required=True)
    llist = learners_sub.add_parser("list", parents=[common], help="list learners")
    llist.add_argument(
        "--search", default="", metavar="TEXT", help="part of a name; accents and case are ignored"
    )
    llist.add_argument("--json", action="store_true", help="print one JSON array")

    packs = sub.add_parser("packs", parents=[common], help="lesson packs")
    packs_sub = packs.add_subparsers(dest="action", metavar="ACTION", required=True)
    plist = packs_sub.add_parser("list", parents=[common], help="the packs this data folder can teach from")
    plist.add_argument("--json", action="store_true", help="print one JSON array")
    pcheck = packs_sub.add_parser("check", parents=[common], help="check a pack folder or archive")
    pcheck.add_argument("path", metavar="PATH")
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

    limport = learners_sub.add_parser(
        "import", parents=[common], help="import a commune list (.csv or .xlsx)"
    )
    limport.add_argument("file", metavar="FILE")
    limport.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="which column holds a field, when its header is not recognised "
        "(fields: full_name, birth_year, gender, phone, hamlet, groups, consent)",
    )
    limport.add_argument(
        "--consent-collected",
        action="store_true",
        help="the commune collected each person's written consent (the list has no consent column)",
    )
    limport.add_argument("--json", action="store_true", help="print the report as one JSON object")

    sessions = sub.add_parser("sessions", parents=[common], help="teaching sessions")
    sessions_sub = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    slist = sessions_sub.add_parser("list", parents=[common], help="list teaching sessions")
    slist.add_argument("--json", action="store_true", help="print one JSON array")

    status = sub.add_parser(
        "status", parents=[common], help="this device: commune, role, hub, what waits to sync"
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")

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

    sync = sub.add_parser("sync", parents=[common], help="send and receive records with the commune hub")
    sync.add_argument("--json", action="store_true", help="print the report as one JSON object")

    bundle = sub.add_parser("bundle", parents=[common], help="carry records on USB (offline bundle)")
    bundle_sub = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)
    bexport = bundle_sub.add_parser("export", parents=[common], help="write the records waiting to be sent")
    bexport.add_argument("out", metavar="OUT")
    bimport = bundle_sub.add_parser(
        "import", parents=[common], help="pass another laptop's bundle on to the hub (same commune)"
    )
    bimport.add_argument("path", metavar="IN")

    hub = sub.add_parser("hub", parents=[common], help="run and manage a commune sync hub")
    hub_sub = hub.add_subparsers(dest="action", metavar="ACTION", required=True)
    hub_db = argparse.ArgumentParser(add_help=False)
    hub_db.add_argument(
        "--db",
        metavar="URL",
        help="the hub database, made by hub serve (default: hub.sqlite3 in the data folder; "
        "PostgreSQL: postgresql+psycopg://user@host/db)",
    )
    hserve = hub_sub.add_parser(
        "serve",
        parents=[common, hub_db],
        help="serve the hub (HTTPS with --self-signed or --tls-cert)",
        description="Serve the hub. It makes its database only where it is told: a data folder named "
        "by --data-dir (or $VOLUNTEER_KIT_HOME) is made if its parent folder exists (a mistyped "
        "deep path is refused); a sqlite:/// --db file is made only in a folder that exists.",
    )
    hserve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: every network)",
    )
    hserve.add_argument("--port", type=int, default=8765, help="port, 1 to 65535 (default 8765)")
    hserve.add_argument(
        "--url",
        metavar="URL",
        help="the address laptops reach the hub at, carried by QR codes and links, e.g. "
        "http://192.168.1.10:8765 (default: the LAN address with --host 0.0.0.0, else the --host)",
    )
    hserve.add_argument(
        "--tls-cert", metavar="PEM", help="serve HTTPS with this certificate (with --tls-key)"
    )
    hserve.add_argument("--tls-key", metavar="PEM", help="the private key of --tls-cert (unencrypted, PEM)")
    hserve.add_argument(
        "--self-signed",
        action="store_true",
        help="serve HTTPS with a certificate made once and kept in the data folder; enrollment "
        "codes carry its fingerprint",
    )
    hserve.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="behind a TLS proxy: the proxy's addresses or networks, comma-separated, whose "
        "X-Forwarded-For names the real client (default: none; the header is ignored)",
    )
    hserve.add_argument(
        "--at-once",
        type=int,
        default=None,
        metavar="N",
        help="pushes, pulls and bundles worked on at the same time; more devices are told to "
        "come back shortly (default 2; more on a server with many cores)",
    )
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
    _certificate_parsers(sub, common)
    _export_parsers(sub, common)
    return parser


def _export_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    roster = sub.add_parser("roster", parents=[common], help="a teaching session's roster")
    roster_sub = roster.add_subparsers(dest="action", metavar="ACTION", required=True)
    rexport = roster_sub.add_parser("export", parents=[common], help="write the roster as CSV, XLSX or PDF")
    rexport.add_argument("session_id", metavar="SESSION_ID")
    rexport.add_argument("--format", required=True, choices=("csv", "xlsx", "pdf"))
    rexport.add_argument("--out", required=True, metavar="PATH")
    report = sub.add_parser("report", parents=[common], help="the commune report")
    report_sub = report.add_subparsers(dest="action", metavar="ACTION", required=True)
    pexport = report_sub.add_parser("export", parents=[common], help="write the report as XLSX or PDF")
    pexport.add_argument("--format", required=True, choices=("xlsx", "pdf"))
    pexport.add_argument("--out", required=True, metavar="PATH")
    pexport.add_argument(
        "--from", dest="start", metavar="DATE", type=_day, help="first day (YYYY-MM-DD or DD/MM/YYYY)"
    )
    pexport.add_argument(
        "--to", dest="end", metavar="DATE", type=_day, help="last day (YYYY-MM-DD or DD/MM/YYYY)"
    )
    pexport.add_argument("--hamlet", metavar="H", help="only this hamlet")
    pexport.add_argument(
        "--volunteer", metavar="NAME|ID", help="only this volunteer's sessions (a name, or an id)"
    )


def _day(value: str) -> date:
    """The type of every date option: one parser, its message in the chosen language."""
    from volunteer_kit.core.clock import parse_day

    try:
        return parse_day(value)
    except errors.InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message()) from None


def _certificate_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
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


def _open_engine():
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store

    engine = open_store(paths.database_path())
    ensure_device(engine)
    return engine


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_demo(args: argparse.Namespace) -> int:
    from volunteer_kit.store.demo import load_demo

    engine = _open_engine()
    summary = load_demo(
        engine,
        learners=args.learners,
        seed=args.seed,
        anchor=args.anchor_date,
        lessons_dir=paths.lessons_dir(),
    )
    print(
        _msg(
            f"Đã nạp dữ liệu mẫu: {summary.learners} người học, {summary.households} hộ, "
            f"{summary.sessions} buổi học, {summary.records} bản ghi trong {summary.seconds:.2f} giây.",
            f"Demo data loaded: {summary.learners} learners, {summary.households} households, "
            f"{summary.sessions} sessions, {summary.records} records in {summary.seconds:.2f} s.",
        )
    )
    return 0


def cmd_learners_list(args: argparse.Namespace) -> int:
    from volunteer_kit.core.records import LearnerFilter
    from volunteer_kit.store import learners

    engine = _open_engine()
    with engine.connect() as conn:
        records = learners.list_records(conn, LearnerFilter(text=args.search))
    if args.json:
        _print_json(records)
        return 0
    from volunteer_kit.store.lookup import short_id

    for r in records:
        gender = GENDER_VI.get(r["gender"] or "", "") if errors.language() == "vi" else r["gender"] or ""
        born = r["birth_year"] or ""
        print(f"{short_id(r['id'])}  {r['full_name']:<32} {born:<5} {gender:<5} {r['hamlet']}")
    print(_msg(f"{len(records)} người học", f"{len(records)} learners"), file=sys.stderr)
    return 0


def cmd_learners_import(args: argparse.Namespace) -> int:
    from volunteer_kit.core.consent import CONSENT_TEXT_VERSION
    from volunteer_kit.imports.learner_list import read_learner_list
    from volunteer_kit.store.learners import import_learners

    overrides = {}
    for item in args.map:
        field_name, sep, column = item.partition("=")
        if not sep:
            raise errors.InvalidInput(
                f"--map cần dạng TRƯỜNG=CỘT, không phải {item!r}.", f"--map takes FIELD=COLUMN, not {item!r}."
            )
        overrides[field_name.strip()] = column.strip()
    listing = read_learner_list(
        Path(args.file), overrides=overrides, consent_collected=args.consent_collected
    )
    engine = _open_engine()
    valid = listing.valid
    with engine.begin() as conn:  # the valid rows go in together, or (on a fatal error) none do
        added = import_learners(conn, valid, consent_version=CONSENT_TEXT_VERSION)
    refused = listing.refused
    report = {
        "file": args.file,
        "columns": listing.columns,
        "rows": len(listing.rows),
        "imported": added,
        "refused": [{"line": row.line, "problems": row.problems} for row in refused],
    }
    if args.json:
        _print_json(report)
        return 0
    print(
        _msg(
            f"Đã nhập {added} người học; {len(refused)} dòng không nhập:",
            f"Imported {added} learners; {len(refused)} row(s) not imported:",
        )
    )
    for row in refused:
        print(f"  {_msg('dòng', 'line')} {row.line}: {'; '.join(row.problems)}")
    return 0


def cmd_sessions_list(args: argparse.Namespace) -> int:
    from volunteer_kit.core.clock import local
    from volunteer_kit.core.records import to_json_dict
    from volunteer_kit.store.sessions import list_sessions

    engine = _open_engine()
    with engine.connect() as conn:
        rows = list_sessions(conn)
    if args.json:
        _print_json([to_json_dict(r) for r in rows])
        return 0
    from volunteer_kit.core.vocab import SESSION_KINDS, word
    from volunteer_kit.store.lookup import short_id

    lang = errors.language()
    kind_width = max(len(word(SESSION_KINDS, kind, lang)) for kind in SESSION_KINDS)
    for r in rows:
        print(
            f"{short_id(r.id)}  {local(r.starts_at):%d/%m/%Y %H:%M}  "
            f"{word(SESSION_KINDS, r.kind, lang):<{kind_width}} {r.pack_id:<24} "
            f"{r.present_count}/{r.attendance_count}  {r.place}"
        )
    print(_msg(f"{len(rows)} buổi học", f"{len(rows)} sessions"), file=sys.stderr)
    return 0


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
        _print_json(entries)
        return 0
    lang = errors.language()
    for e in entries:
        trust = {
            "bundled": _msg("kèm ứng dụng", "bundled"),
            "trusted": _msg("đã ký, tin cậy", "signed, trusted"),
            "unsigned": _msg("CHƯA KÝ", "UNSIGNED"),
            "unknown-publisher": _msg("NHÀ PHÁT HÀNH LẠ", "UNKNOWN PUBLISHER"),
        }[e["trust"]]
        print(
            f"{e['id']}@{e['version']}  {e['title'][lang] or e['title']['vi']}  "
            f"[{e['lessons']} {_msg('bài', 'lessons')}, {e['questions']} {_msg('câu hỏi', 'questions')}, "
            f"{e['skill_checks']} {_msg('kỹ năng', 'skill checks')}; {', '.join(e['competencies'])}; {trust}]"
        )
    return 0


def cmd_packs_check(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.reader import PackInvalid

    try:
        pack = _load_any_pack(Path(args.path))
    except PackInvalid as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            _msg(
                f"{len(exc.problems)} lỗi; gói chưa dùng được.",
                f"{len(exc.problems)} problem(s); the pack cannot be used yet.",
            ),
            file=sys.stderr,
        )
        return 1
    print(
        _msg(
            f"Hợp lệ: {pack.key}, {len(pack.lessons)} bài, {len(pack.quiz.questions)} câu hỏi, "
            f"{len(pack.manifest.skill_checks)} kỹ năng thực hành.",
            f"Valid: {pack.key}, {len(pack.lessons)} lessons, {len(pack.quiz.questions)} questions, "
            f"{len(pack.manifest.skill_checks)} skill checks.",
        )
    )
    return 0


def cmd_packs_build(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.archive import build_archive

    pack = build_archive(Path(args.folder), Path(args.out))
    print(
        _msg(
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
        _msg(
            f"Đã ký {path} bằng khóa {signed['signature']['key_id']}.",
            f"Signed {path} with key {signed['signature']['key_id']}.",
        )
    )
    return 0


def cmd_packs_keygen(args: argparse.Namespace) -> int:
    from volunteer_kit.packs.signing import generate_key

    key_id, public_path = generate_key(Path(args.out))
    print(
        _msg(
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
        _msg(
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
            _msg(
                f"Gói {key} đã có trong thư viện; không thay đổi gì.",
                f"{key} is already installed; nothing changed.",
            )
        )
    else:
        note = (
            ""
            if result.entry.trust == "trusted"
            else _msg(" (chưa xác minh nhà phát hành)", " (publisher not verified)")
        )
        print(_msg(f"Đã nhập gói {key}{note}.", f"Imported {key}{note}."))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from volunteer_kit.core.clock import local, parse_utc
    from volunteer_kit.store.status import device_status

    engine = _open_engine()
    with engine.connect() as conn:
        s = device_status(conn)
    if args.json:
        _print_json(s)
        return 0

    def when(stamp: str | None) -> str:  # sync_state keeps UTC stamps; people read Vietnam's time
        return f"{local(parse_utc(stamp.replace('Z', '+00:00'))):%d/%m/%Y %H:%M}" if stamp else ""

    from volunteer_kit.core.vocab import ROLES, word

    role = word(ROLES, s["role"], errors.language())
    label = f" ({s['label']})" if s["label"] else ""
    commune = f"{s['commune_name']} ({s['commune_code']})" if s["commune_code"] else _msg("chưa có", "none")
    from volunteer_kit.core.vocab import RECORD_KINDS

    kinds = ", ".join(
        f"{word(RECORD_KINDS, table, errors.language()).lower()} {n}"
        for table, n in s["pending"].items()
        if n and table != "total"
    )
    enroll_hint = "volunteer-kit enroll --hub URL --code CODE"
    hub = (
        _msg(
            f"{s['hub_url']} (đăng ký lúc {when(s['enrolled_at'])})",
            f"{s['hub_url']} (enrolled {when(s['enrolled_at'])})",
        )
        if s["hub_url"]
        else _msg(f"chưa đăng ký ({enroll_hint})", f"not enrolled ({enroll_hint})")
    )
    last, done = s["last_sync"], (s["last_sync"] or {}).get("result") or {}
    sent = f"{done.get('accepted', 0)}/{done.get('pushed', 0)}"
    got, refused = done.get("pulled", 0), done.get("rejected", 0)
    rows = [
        (_msg("Máy", "Device"), f"{s['device_id']}{label}"),
        (_msg("Xã/phường", "Commune"), commune),
        (
            _msg("Vai trò", "Role"),
            _msg(f"{role} (theo đăng ký với máy chủ xã)", f"{role} (as enrolled with the commune hub)")
            if s["enrolled"]
            else _msg(f"{role} (chưa đăng ký với máy chủ xã)", f"{role} (not enrolled with a commune hub)"),
        ),
        (_msg("Máy chủ", "Hub"), hub),
        (_msg("Chờ gửi", "Waiting to sync"), f"{s['pending']['total']}" + (f" ({kinds})" if kinds else "")),
        (_msg("Bị máy chủ từ chối", "Refused by the hub"), str(s["quarantined"])),
        (
            _msg("Đồng bộ gần nhất", "Last sync"),
            _msg(
                f"{when(last['at'])}: gửi {sent}, nhận {got}, {refused} bị từ chối",
                f"{when(last['at'])}: sent {sent}, received {got}, {refused} refused",
            )
            if last
            else _msg("chưa lần nào", "never"),
        ),
    ]
    width = max(len(name) for name, _value in rows) + 1
    for name, value in rows:
        print(f"{name + ':':<{width}} {value}")
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.client import enroll

    engine = _open_engine()
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
        _print_json(
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
        _msg(
            f"Đã ghi danh với {done.hub_url}: {done.commune_name} ({done.commune_code}), "
            f"vai trò {ROLE_VI.get(done.role, done.role)}. "
            "Đồng bộ bằng: volunteer-kit sync",
            f"Enrolled with {done.hub_url}: {done.commune_name} ({done.commune_code}), role {done.role}. "
            "Sync with: volunteer-kit sync",
        )
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.client import sync

    engine = _open_engine()
    result = sync(engine)
    if args.json:
        _print_json(result.to_json())
        return 0
    r = result
    print(
        _msg(
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
            _msg(
                f"Đã cài gói bài học {pack['id']} {pack['version']}.",
                f"Installed lesson pack {pack['id']} {pack['version']}.",
            )
        )
    for pack in r.packs_waiting:
        print(
            _msg(
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
    from volunteer_kit.sync.client import export_bundle

    engine = _open_engine()
    done = export_bundle(engine, args.out)
    print(
        _msg(
            f"Đã ghi {done.records} bản ghi chờ gửi vào {done.path}.",
            f"Wrote {done.records} waiting records to {done.path}.",
        )
    )
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from volunteer_kit.sync.client import relay_bundle

    engine = _open_engine()
    done = relay_bundle(engine, args.path)
    print(
        _msg(
            f"Đã chuyển {done.records} bản ghi của máy {done.device_id} lên máy chủ: "
            f"{done.accepted} được nhận, {done.rejected} bị từ chối.",
            f"Passed {done.records} records of device {done.device_id} to the hub: "
            f"{done.accepted} accepted, {done.rejected} refused.",
        )
    )
    return 0


def _hub_engine(args: argparse.Namespace, *, create: str = "never"):
    """The hub database of --db or the data folder. Only `hub serve` may make it (create=
    "in_existing_folder"); every other command refuses a database no hub was ever served on, so a
    mistyped path never leaves a stray one behind."""
    from sqlalchemy.exc import ArgumentError, DatabaseError

    from volunteer_kit.hub.db import open_hub_engine

    try:
        return open_hub_engine(args.db, create=create)  # type: ignore[arg-type]
    except DatabaseError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise errors.KnownError(
            f"Không mở được cơ sở dữ liệu của máy chủ ({reason}); hãy kiểm tra --db.",
            f"Cannot open the hub database ({reason}); check --db.",
        ) from exc
    except ArgumentError as exc:
        raise errors.InvalidInput(
            f"--db không phải địa chỉ cơ sở dữ liệu ({exc}); ví dụ sqlite:////srv/hub/hub.sqlite3.",
            f"--db is not a database URL ({exc}); e.g. sqlite:////srv/hub/hub.sqlite3.",
        ) from exc


def _hub_serve_data_dir() -> Path:
    """The data folder of `hub serve`, made if missing: a named one (--data-dir or
    $VOLUNTEER_KIT_HOME) only when its parent exists, so a mistyped deep path is refused rather
    than built; the default user data folder with its parents."""
    folder = paths.data_dir()
    if folder.is_dir():
        return paths.ensure_private_dir(folder)  # it holds the hub's TLS key and database
    if paths.is_chosen() and not folder.parent.is_dir():
        raise errors.KnownError(
            f"Thư mục dữ liệu {folder} không tồn tại, cả thư mục chứa nó cũng không; hãy kiểm tra "
            "--data-dir (máy chủ chỉ tạo một thư mục mới trong một thư mục đã có).",
            f"The data folder {folder} does not exist, nor does the folder it would be in; check "
            "--data-dir (the hub makes a new folder only inside one that exists).",
        )
    try:
        folder.mkdir(parents=not paths.is_chosen())
    except OSError as exc:
        raise errors.DataFolderUnusable(folder, exc.strerror or str(exc)) from exc
    return paths.ensure_private_dir(folder)


def _hub_known(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The hub's refusals (HubError) as one-line messages, like every KnownError."""

    def run(args: argparse.Namespace) -> int:
        from volunteer_kit.hub.errors import HubError

        try:
            return func(args)
        except HubError as exc:
            raise errors.KnownError(exc.vi, exc.en) from exc

    return run


@_hub_known
def cmd_hub_serve(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.serve import bind_listener, check_hub_url, public_url, serve, trusted_proxies

    proxies = trusted_proxies(args.forwarded_allow_ips) if args.forwarded_allow_ips else []
    if args.at_once is not None and not 1 <= args.at_once <= 256:
        raise errors.KnownError(
            f"--at-once phải từ 1 đến 256 (đã cho {args.at_once}).",
            f"--at-once must be 1 to 256 (given {args.at_once}).",
        )
    tls_on = _hub_tls_wanted(args)
    url = check_hub_url(args.url) if args.url else public_url(args.host, args.port, tls=tls_on)
    listener = bind_listener(args.host, args.port)  # a busy port is refused before anything is made
    try:
        data_dir = _hub_serve_data_dir()
        tls = _hub_tls(args, data_dir, url) if tls_on else None
        engine = _hub_engine(args, create="in_existing_folder")  # migrate and report a bad --db now
    except BaseException:
        listener.close()
        raise
    serve(
        engine=engine,
        listener=listener,
        url=url,
        data_dir=data_dir,
        at_once=args.at_once,
        tls=tls,
        on_listening=lambda: _say_hub_running(url, args.host, args.port, tls),
        forwarded_allow_ips=proxies,
    )
    return 0


def _hub_tls_wanted(args: argparse.Namespace) -> bool:
    """Whether `hub serve` serves HTTPS: --tls-cert with --tls-key, or --self-signed."""
    if bool(args.tls_cert) != bool(args.tls_key):
        raise errors.InvalidInput(
            "--tls-cert và --tls-key phải đi cùng nhau (chứng chỉ và khóa của nó).",
            "--tls-cert and --tls-key go together (a certificate and its key).",
        )
    if args.tls_cert and args.self_signed:
        raise errors.InvalidInput(
            "Chọn một: --self-signed hoặc --tls-cert/--tls-key.",
            "Choose one: --self-signed or --tls-cert/--tls-key.",
        )
    return bool(args.tls_cert or args.self_signed)


def _hub_tls(args: argparse.Namespace, data_dir: Path, url: str):
    """The certificate the hub serves, checked (or made, with --self-signed) before it listens."""
    from urllib.parse import urlsplit

    from volunteer_kit.hub import tls

    if urlsplit(url).scheme != "https":
        raise errors.InvalidInput(
            f"Máy chủ chạy TLS nên --url phải là https://… (đã cho {url}).",
            f"The hub serves TLS, so --url must be https://… (given {url}).",
        )
    if args.tls_cert:
        return tls.load_pair(Path(args.tls_cert).expanduser(), Path(args.tls_key).expanduser())
    return tls.self_signed(data_dir, tls.certificate_names(host=args.host, url_host=urlsplit(url).hostname))


def _say_hub_running(url: str, host: str, port: int, tls: Any = None) -> None:
    """Where the hub runs, said once it listens; the certificate's fingerprint for the operator to
    compare; and a warning when no other laptop can reach it, or only unencrypted."""
    from volunteer_kit.hub.serve import is_loopback_url, public_url
    from volunteer_kit.sync.transport import fingerprint_groups

    listening = public_url(host, port, tls=tls is not None) if host not in ("0.0.0.0", "::", "") else url
    on = _msg(f" (nghe trên {listening})", f" (listening on {listening})") if listening != url else ""
    print(
        _msg(
            f"Máy chủ đồng bộ chạy tại {url}{on} (Ctrl+C để dừng).",
            f"Hub serving at {url}{on} (Ctrl+C to stop).",
        ),
        file=sys.stderr,
    )
    if tls is not None and tls.pin:
        print(
            _msg(
                f"Dấu vân tay chứng chỉ (mã ghi danh mang nó): {fingerprint_groups(tls.pin)}",
                f"Certificate fingerprint (enrollment codes carry it): {fingerprint_groups(tls.pin)}",
            ),
            file=sys.stderr,
        )
    scheme = "https" if tls is not None else "http"
    if is_loopback_url(url):
        print(
            _msg(
                f"Cảnh báo: máy khác không kết nối được tới {url} (địa chỉ chỉ dùng trong máy này); "
                f"để các máy trong xã kết nối, hãy chạy: hub serve --host 0.0.0.0 "
                f"--url {scheme}://ĐỊA_CHỈ_MÁY:{port}",
                f"Warning: other laptops cannot reach {url} (an address of this computer only); for "
                f"them to connect, run: hub serve --host 0.0.0.0 --url {scheme}://ADDRESS:{port}",
            ),
            file=sys.stderr,
        )
    elif url.startswith("http://"):
        print(
            _msg(
                "Cảnh báo: máy chủ không mã hóa (http), nên máy khác chỉ ghi danh được với --insecure; "
                "hãy chạy với --self-signed (hoặc --tls-cert/--tls-key).",
                "Warning: the hub is not encrypted (http), so other laptops can enroll only with "
                "--insecure; serve it with --self-signed (or --tls-cert/--tls-key).",
            ),
            file=sys.stderr,
        )


@_hub_known
def cmd_hub_enroll_code(args: argparse.Namespace) -> int:
    from volunteer_kit.hub import enrollment
    from volunteer_kit.hub.db import get_meta
    from volunteer_kit.hub.serve import check_hub_url, is_loopback_url

    given = check_hub_url(args.url) if args.url else None
    engine = _hub_engine(args)
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
        made["warning"] = _msg(
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
        _print_json(made)
        return 0
    print(made["code"])
    print(
        _msg(
            f"Mã cho {made['commune_name']} ({made['commune_code']}), "
            f"vai trò {ROLE_VI.get(made['role'], made['role'])}, "
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
            _msg(
                f"Dấu vân tay chứng chỉ: {groups}\nMáy mới ghi danh bằng cả mã này (hoặc mã QR): "
                f'volunteer-kit enroll --code "{made["qr_text"]}"',
                f"Certificate fingerprint: {groups}\nA new laptop enrolls with this whole code (or "
                f'the QR): volunteer-kit enroll --code "{made["qr_text"]}"',
            ),
            file=sys.stderr,
        )
    return 0


@_hub_known
def cmd_hub_stats(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.stats import hub_stats

    engine = _hub_engine(args)
    try:
        stats = hub_stats(engine)
    finally:
        engine.dispose()
    if args.json:
        _print_json(stats)
        return 0
    for c in stats["communes"]:
        kinds = ", ".join(f"{table} {n}" for table, n in sorted(c["records"].items())) or "-"
        seen = c["last_contact"]
        contact = _msg(", liên lạc lần cuối ", ", last contact ") + seen if seen else ""
        print(
            f"{c['commune_code']} {c['commune_name']}: {c['records_total']} "
            f"{_msg('bản ghi', 'records')} ({kinds}); {c['devices']} {_msg('thiết bị', 'devices')}"
            f"{contact}"
        )
    print(_msg(f"{len(stats['devices'])} thiết bị", f"{len(stats['devices'])} devices"), file=sys.stderr)
    return 0


@_hub_known
def cmd_hub_revoke_device(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.enrollment import revoke_device

    engine = _hub_engine(args)
    try:
        done = revoke_device(engine, args.device_id)
    finally:
        engine.dispose()
    if not done:
        raise errors.KnownError(
            f"Máy chủ không biết thiết bị {args.device_id}; xem danh sách bằng: hub stats",
            f"The hub knows no device {args.device_id}; list them with: hub stats",
        )
    print(_msg(f"Đã thu hồi quyền của thiết bị {args.device_id}.", f"Device {args.device_id} revoked."))
    return 0


@_hub_known
def cmd_hub_erasures(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.erasures import list_erasures

    engine = _hub_engine(args)
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
        _print_json({"erasures": found})
        return 0
    for e in found:
        state = _msg("chờ duyệt", "waiting") if e["status"] == "waiting" else _msg("đã xoá", "applied")
        approved = f" ({_msg('duyệt bởi', 'approved by')} {e['approved_by']})" if e["approved_by"] else ""
        print(f"{e['id']} {e['at']} {e['commune_code']} {e['record_id']} {e['device_id']}: {state}{approved}")
    waiting = sum(1 for e in found if e["status"] == "waiting")
    print(
        _msg(
            f"{len(found)} lần xoá dữ liệu, {waiting} đang chờ duyệt (hub approve-erasure ID).",
            f"{len(found)} erasures, {waiting} waiting for approval (hub approve-erasure ID).",
        ),
        file=sys.stderr,
    )
    return 0


@_hub_known
def cmd_hub_approve_erasure(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.erasures import OPERATOR, approve

    if not 1 <= args.erasure_id < 2**63:
        raise errors.InvalidInput(
            "ID phải là số của một việc xoá dữ liệu (xem: hub erasures).",
            "ID must be the number of an erasure (see: hub erasures).",
        )
    engine = _hub_engine(args)
    try:
        done = approve(engine, args.erasure_id, approver=OPERATOR, commune_code=None)
    finally:
        engine.dispose()
    print(
        _msg(
            f"Đã duyệt và thực hiện việc xoá dữ liệu {done['id']} (người học {done['record_id']}).",
            f"Erasure {done['id']} approved and applied (learner {done['record_id']}).",
        )
    )
    return 0


@_hub_known
def cmd_hub_import_bundle(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.bundles import apply_bundle, load_bundle

    try:
        content = Path(args.path).read_bytes()
    except OSError as exc:
        raise errors.KnownError(
            f"Không đọc được tệp {args.path} ({exc.strerror}).", f"Cannot read {args.path} ({exc.strerror})."
        ) from exc
    bundle = load_bundle(content)
    engine = _hub_engine(args)
    try:
        done = apply_bundle(engine, bundle)
    finally:
        engine.dispose()
    if args.json:
        _print_json(done)
        return 0
    rejected = [r for r in done["results"] if r["status"] != "accepted"]
    print(
        _msg(
            f"Đã nhập gói của thiết bị {done['device_id']}: {len(done['results']) - len(rejected)} bản ghi "
            f"được nhận, {len(rejected)} bị từ chối.",
            f"Imported the bundle of device {done['device_id']}: {len(done['results']) - len(rejected)} "
            f"records accepted, {len(rejected)} refused.",
        )
    )
    for r in rejected[:20]:
        print(f"  {r['table']} {r['id']}: {r['reason_vi'] if errors.language() == 'vi' else r['reason']}")
    return 0


@_hub_known
def cmd_hub_publish_pack(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.packs import publish_pack

    engine = _hub_engine(args)
    try:
        done = publish_pack(
            engine, paths.data_dir(), Path(args.path), communes=None if args.all else args.commune
        )
    finally:
        engine.dispose()
    if args.json:
        _print_json(done)
        return 0
    where = _msg("mọi xã", "every commune") if done["all_communes"] else ", ".join(done["communes"])
    key = f"{done['id']}@{done['version']}"
    if done["status"] == "unchanged":
        print(_msg(f"Gói {key} đã được phát hành cho {where}.", f"{key} was already published to {where}."))
    else:
        print(_msg(f"Đã phát hành gói {key} cho {where}.", f"Published {key} to {where}."))
    if done["trust"] != "trusted":
        print(
            _msg(
                "Lưu ý: gói chưa được ký bởi nhà phát hành mà máy chủ tin cậy; mỗi máy sẽ hỏi người dùng "
                "trước khi cài (xem: hub trust-publisher).",
                "Note: the pack is not signed by a publisher this hub trusts; each laptop will ask its "
                "user before installing it (see: hub trust-publisher).",
            ),
            file=sys.stderr,
        )
    return 0


@_hub_known
def cmd_hub_trust_publisher(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.packs import trust_publisher

    engine = _hub_engine(args)
    try:
        done = trust_publisher(engine, Path(args.key), args.name)
    finally:
        engine.dispose()
    if args.json:
        _print_json(done)
        return 0
    print(
        _msg(
            f"Các máy của máy chủ này sẽ tin cậy nhà phát hành {done['name']} (khóa {done['key_id']}) "
            "từ lần đồng bộ tới.",
            f"Laptops of this hub will trust publisher {done['name']} (key {done['key_id']}) "
            "from their next sync.",
        )
    )
    return 0


def _outlines():
    from volunteer_kit.packs.outline import outlines_by_id

    return outlines_by_id(paths.lessons_dir(), paths.packs_dir())


def _check_pack(pack_id: str | None, outlines: dict) -> None:
    if pack_id and pack_id not in outlines:
        raise errors.InvalidInput(
            f"Không có gói bài học {pack_id!r}; xem các gói bằng: volunteer-kit packs list",
            f"There is no lesson pack {pack_id!r}; see the packs with: volunteer-kit packs list",
        )


def cmd_certificates_eligible(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.eligibility import eligibility

    engine = _open_engine()
    outlines = _outlines()
    _check_pack(args.pack, outlines)
    with engine.connect() as conn:
        rows = [e for e in eligibility(conn, outlines, args.pack) if args.all or e.eligible]
    lang = errors.language()
    if args.json:
        _print_json(
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
    print(_msg(f"{eligible} người đủ điều kiện", f"{eligible} eligible"), file=sys.stderr)
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

    engine = _open_engine()
    outlines = _outlines()
    _check_pack(args.pack, outlines)
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
        _print_json(
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
    print(_msg(f"Đã cấp {len(issued)} chứng nhận.", f"Issued {len(issued)} certificates."), file=sys.stderr)
    return 0


def cmd_certificates_print(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.issue import print_certificates

    engine = _open_engine()
    out = Path(args.out)
    try:
        with engine.begin() as conn:
            serials = None if args.pending else args.serial
            printed = print_certificates(conn, out, _outlines(), serials=serials)
    except OSError as exc:
        raise errors.InvalidInput(
            f"Không ghi được {out} ({exc.strerror or exc}); hãy chọn nơi lưu khác.",
            f"Cannot write {out} ({exc.strerror or exc}); choose another place.",
        ) from exc
    print(
        _msg(f"Đã in {len(printed)} chứng nhận vào {out}.", f"Printed {len(printed)} certificates to {out}.")
    )
    return 0


def cmd_certificates_verify(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.verify import verify_image_in_store, verify_in_store

    engine = _open_engine()
    with engine.connect() as conn:
        if args.image:
            verdicts = verify_image_in_store(conn, Path(args.image))
        else:
            verdicts = [verify_in_store(conn, args.payload)]
    lang = errors.language()
    if args.json:
        _print_json(
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

    engine = _open_engine()
    with engine.begin() as conn:
        revoke(conn, args.serial, args.reason)
    serial = args.serial.strip().upper()
    print(_msg(f"Đã thu hồi chứng nhận {serial}.", f"Certificate {serial} revoked."))
    return 0


def cmd_certificates_retire_key(args: argparse.Namespace) -> int:
    from volunteer_kit.certificates.retire import retire_key

    engine = _open_engine()
    done = retire_key(engine, paths.data_dir(), args.reason, compromised=args.compromised, key_id=args.key)
    if args.json:
        _print_json(
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
        said = _msg(
            f"Khóa ký {done.key_id} đã được báo là bị lộ: {len(done.to_reissue)} chứng nhận của khóa "
            "không còn giá trị (danh sách ở trên). Hãy đồng bộ, rồi cấp lại: "
            "volunteer-kit certificates issue --all-eligible",
            f"Signing key {done.key_id} was declared compromised: {len(done.to_reissue)} certificates of "
            "that key no longer stand (listed above). Sync, then issue them again: "
            "volunteer-kit certificates issue --all-eligible",
        )
    else:
        said = _msg(
            f"Đã ngừng dùng khóa ký {done.key_id}; các chứng nhận đã ký vẫn hợp lệ.",
            f"Signing key {done.key_id} retired; the certificates it signed stay valid.",
        )
    if done.new_key_id:
        said += " " + _msg(f"Khóa mới: {done.new_key_id}.", f"New key: {done.new_key_id}.")
    print(said, file=sys.stderr)
    return 0


def cmd_roster_export(args: argparse.Namespace) -> int:
    from volunteer_kit.exports.roster import export_roster
    from volunteer_kit.store.lookup import resolve_id

    engine = _open_engine()
    out = Path(args.out)
    with engine.connect() as conn:
        session_id = resolve_id(conn, "teaching_session", args.session_id)
        roster = export_roster(conn, _outlines(), session_id, args.format, out, errors.language())
    print(
        _msg(
            f"Đã ghi danh sách {len(roster.lines)} người vào {out}.",
            f"Wrote {len(roster.lines)} people to {out}.",
        )
    )
    return 0


def cmd_report_export(args: argparse.Namespace) -> int:
    from volunteer_kit.exports.report import compute_report
    from volunteer_kit.exports.report_files import export_report

    if args.start and args.end and args.start > args.end:
        raise errors.InvalidInput(
            "Ngày bắt đầu (--from) sau ngày kết thúc (--to).",
            "The first day (--from) is after the last (--to).",
        )
    from volunteer_kit.store.lookup import resolve_volunteer

    engine = _open_engine()
    out = Path(args.out)
    with engine.connect() as conn:
        report = compute_report(
            conn,
            _outlines(),
            start=args.start,
            end=args.end,
            hamlet=args.hamlet,
            volunteer_id=resolve_volunteer(conn, args.volunteer) if args.volunteer else None,
            lang=errors.language(),
        )
    export_report(report, args.format, out)
    print(_msg(f"Đã ghi báo cáo vào {out}.", f"Wrote the report to {out}."))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from volunteer_kit import desktop_libs

    if desktop_libs.uses_x11():
        missing = desktop_libs.missing_packages()
        if missing:  # said before Qt's own abort, which names another library
            print(_msg(*desktop_libs.missing_message(missing)), file=sys.stderr)
    try:
        from volunteer_kit.ui.app import run_gui
    except ImportError as exc:
        raise errors.KnownError(
            f"Không mở được cửa sổ: thiếu thư viện giao diện ({exc}).",
            f"Cannot open the window: a GUI library is missing ({exc}).",
        ) from exc
    return run_gui(smoke_test=getattr(args, "smoke_test", False), lang_override=args.lang)


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("gui", None): cmd_gui,
    ("demo", None): cmd_demo,
    ("learners", "list"): cmd_learners_list,
    ("learners", "import"): cmd_learners_import,
    ("sessions", "list"): cmd_sessions_list,
    ("packs", "list"): cmd_packs_list,
    ("packs", "check"): cmd_packs_check,
    ("packs", "build"): cmd_packs_build,
    ("packs", "sign"): cmd_packs_sign,
    ("packs", "keygen"): cmd_packs_keygen,
    ("packs", "trust"): cmd_packs_trust,
    ("packs", "import"): cmd_packs_import,
    ("status", None): cmd_status,
    ("enroll", None): cmd_enroll,
    ("sync", None): cmd_sync,
    ("bundle", "export"): cmd_bundle_export,
    ("bundle", "import"): cmd_bundle_import,
    ("hub", "serve"): cmd_hub_serve,
    ("hub", "enroll-code"): cmd_hub_enroll_code,
    ("hub", "stats"): cmd_hub_stats,
    ("hub", "revoke-device"): cmd_hub_revoke_device,
    ("hub", "erasures"): cmd_hub_erasures,
    ("hub", "approve-erasure"): cmd_hub_approve_erasure,
    ("hub", "import-bundle"): cmd_hub_import_bundle,
    ("hub", "publish-pack"): cmd_hub_publish_pack,
    ("hub", "trust-publisher"): cmd_hub_trust_publisher,
    ("certificates", "eligible"): cmd_certificates_eligible,
    ("certificates", "issue"): cmd_certificates_issue,
    ("certificates", "print"): cmd_certificates_print,
    ("certificates", "verify"): cmd_certificates_verify,
    ("certificates", "revoke"): cmd_certificates_revoke,
    ("certificates", "retire-key"): cmd_certificates_retire_key,
    ("roster", "export"): cmd_roster_export,
    ("report", "export"): cmd_report_export,
}


# Commands that read a store: on a data folder with no store they say so, instead of making an
# empty one at a mistyped path (`--data-dir /nonexistent/deep/dir learners list` printed "0").
READS_A_STORE = {
    ("learners", "list"),
    ("sessions", "list"),
    ("status", None),
    ("sync", None),
    ("bundle", "export"),
    ("bundle", "import"),
    ("certificates", "eligible"),
    ("certificates", "issue"),
    ("certificates", "print"),
    ("certificates", "verify"),
    ("certificates", "revoke"),
    ("certificates", "retire-key"),
    ("roster", "export"),
    ("report", "export"),
}


def _early_options(argv: Sequence[str]) -> argparse.Namespace:
    """--data-dir and --lang, read before the parser is built: its help and usage errors are
    in the language they choose (or the data folder's setting)."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--data-dir")
    early.add_argument("--lang")
    try:
        found, _ = early.parse_known_args(argv)
    except SystemExit:  # e.g. "--lang" with no value: the real parser says so, in Vietnamese
        found = argparse.Namespace(data_dir=None, lang=None)
    return found


def _check_store_exists(key: tuple[str, str | None]) -> None:
    if key in READS_A_STORE and not paths.database_path().is_file():
        folder = paths.data_dir()
        raise errors.KnownError(
            f"Không có dữ liệu Volunteer Kit ở {folder}; hãy kiểm tra lại --data-dir "
            "(hoặc mở ứng dụng, ghi danh hay nạp dữ liệu mẫu trước).",
            f"There is no Volunteer Kit data in {folder}; check --data-dir "
            "(or open the app, enroll or load the demo first).",
        )
    if key == ("packs", "list") and not paths.data_dir().is_dir() and paths.is_chosen():
        raise errors.KnownError(
            f"Không có thư mục dữ liệu {paths.data_dir()}; hãy kiểm tra lại --data-dir.",
            f"There is no data folder {paths.data_dir()}; check --data-dir.",
        )


def main(argv: Sequence[str] | None = None) -> int:
    from volunteer_kit import settings
    from volunteer_kit.cli_i18n import translate_help, use_language

    console.make_standard_streams_safe()
    argv = list(sys.argv[1:] if argv is None else argv)
    early = _early_options(argv)
    paths.set_data_dir(early.data_dir)
    if early.lang in ("vi", "en"):
        lang = early.lang
    else:  # the data folder's setting, if there is a data folder (reading it must make nothing)
        lang = settings.load().language if paths.data_dir().is_dir() else "vi"
    errors.set_language(lang)
    use_language(lang)
    parser = build_parser()
    translate_help(parser, lang)
    args = parser.parse_args(argv)
    paths.set_data_dir(args.data_dir)
    key = (args.command or "gui", getattr(args, "action", None))
    try:
        _check_store_exists(key)
    except errors.KnownError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    setup_logging()
    command = key[0]
    handler = COMMANDS[key]
    try:
        return handler(args)
    except errors.KnownError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_msg("Đã dừng.", "Stopped."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: log it, say it in one line
        from volunteer_kit.errors import translate_database_error

        known = translate_database_error(exc, paths.database_path())
        if known is not None:
            print(known.message(), file=sys.stderr)
            return 1
        log.exception("unexpected error in %s", command)
        print(
            _msg(
                f"Lỗi không mong đợi ({type(exc).__name__}: {exc}); chi tiết trong {log_file()}",
                f"Unexpected error ({type(exc).__name__}: {exc}); details in {log_file()}",
            ),
            file=sys.stderr,
        )
        return 1
