"""`roster export` and `report export`: a session's roster, the commune report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from volunteer_kit import errors
from volunteer_kit.cli.common import day, msg, open_engine, pack_outlines


def register(sub: Any, common: argparse.ArgumentParser) -> None:
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
        "--from", dest="start", metavar="DATE", type=day, help="first day (YYYY-MM-DD or DD/MM/YYYY)"
    )
    pexport.add_argument(
        "--to", dest="end", metavar="DATE", type=day, help="last day (YYYY-MM-DD or DD/MM/YYYY)"
    )
    pexport.add_argument("--hamlet", metavar="H", help="only this hamlet")
    pexport.add_argument(
        "--volunteer", metavar="NAME|ID", help="only this volunteer's sessions (a name, or an id)"
    )
    rexport.set_defaults(handler=cmd_roster_export)
    pexport.set_defaults(handler=cmd_report_export)


def cmd_roster_export(args: argparse.Namespace) -> int:
    from volunteer_kit.exports.roster import export_roster
    from volunteer_kit.store.lookup import resolve_id

    engine = open_engine()
    out = Path(args.out)
    with engine.connect() as conn:
        session_id = resolve_id(conn, "teaching_session", args.session_id)
        roster = export_roster(conn, pack_outlines(), session_id, args.format, out, errors.language())
    print(
        msg(
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

    engine = open_engine()
    out = Path(args.out)
    with engine.connect() as conn:
        report = compute_report(
            conn,
            pack_outlines(),
            start=args.start,
            end=args.end,
            hamlet=args.hamlet,
            volunteer_id=resolve_volunteer(conn, args.volunteer) if args.volunteer else None,
            lang=errors.language(),
        )
    export_report(report, args.format, out)
    print(msg(f"Đã ghi báo cáo vào {out}.", f"Wrote the report to {out}."))
    return 0
