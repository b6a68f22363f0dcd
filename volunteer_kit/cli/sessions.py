"""`sessions list`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from volunteer_kit import errors
from volunteer_kit.cli.common import msg, open_engine, print_json


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    sessions = sub.add_parser("sessions", parents=[common], help="teaching sessions")
    sessions_sub = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    slist = sessions_sub.add_parser("list", parents=[common], help="list teaching sessions")
    slist.add_argument("--json", action="store_true", help="print one JSON array")
    slist.set_defaults(handler=cmd_sessions_list)


def cmd_sessions_list(args: argparse.Namespace) -> int:
    from volunteer_kit.core.clock import local
    from volunteer_kit.core.records import to_json_dict
    from volunteer_kit.store.sessions import list_sessions

    engine = open_engine()
    with engine.connect() as conn:
        rows = list_sessions(conn)
    if args.json:
        print_json([to_json_dict(r) for r in rows])
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
    print(msg(f"{len(rows)} buổi học", f"{len(rows)} sessions"), file=sys.stderr)
    return 0
