"""`learners list` and `learners import`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from volunteer_kit import errors
from volunteer_kit.cli.common import msg, open_engine, print_json

GENDER_VI = {"female": "Nữ", "male": "Nam", "other": "Khác"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    learners = sub.add_parser("learners", parents=[common], help="learners")
    learners_sub = learners.add_subparsers(dest="action", metavar="ACTION", required=True)
    llist = learners_sub.add_parser("list", parents=[common], help="list learners")
    llist.add_argument(
        "--search", default="", metavar="TEXT", help="part of a name; accents and case are ignored"
    )
    llist.add_argument("--json", action="store_true", help="print one JSON array")
    llist.set_defaults(handler=cmd_learners_list)

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
    limport.set_defaults(handler=cmd_learners_import)


def cmd_learners_list(args: argparse.Namespace) -> int:
    from volunteer_kit.core.records import LearnerFilter
    from volunteer_kit.store import learners

    engine = open_engine()
    with engine.connect() as conn:
        records = learners.list_records(conn, LearnerFilter(text=args.search))
    if args.json:
        print_json(records)
        return 0
    from volunteer_kit.store.lookup import short_id

    for r in records:
        gender = GENDER_VI.get(r["gender"] or "", "") if errors.language() == "vi" else r["gender"] or ""
        born = r["birth_year"] or ""
        print(f"{short_id(r['id'])}  {r['full_name']:<32} {born:<5} {gender:<5} {r['hamlet']}")
    print(msg(f"{len(records)} người học", f"{len(records)} learners"), file=sys.stderr)
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
    engine = open_engine()
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
        print_json(report)
        return 0
    print(
        msg(
            f"Đã nhập {added} người học; {len(refused)} dòng không nhập:",
            f"Imported {added} learners; {len(refused)} row(s) not imported:",
        )
    )
    for row in refused:
        print(f"  {msg('dòng', 'line')} {row.line}: {'; '.join(row.problems)}")
    return 0
