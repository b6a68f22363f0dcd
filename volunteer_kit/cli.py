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
from typing import Any

from volunteer_kit import __version__, errors, paths
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
        description="Volunteer Kit — bộ công cụ cho tình nguyện viên Bình dân học vụ số.",
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
        metavar="YYYY-MM-DD",
        help="the day the demo's weeks end on (default today); same seed and date, same data",
    )

    learners = sub.add_parser("learners", parents=[common], help="learners")
    learners_sub = learners.add_subparsers(dest="action", metavar="ACTION", required=True)
    llist = learners_sub.add_parser("list", parents=[common], help="list learners")
    llist.add_argument(
        "--search", default="", metavar="TEXT", help="part of a name; accents and case are ignored"
    )
    llist.add_argument("--json", action="store_true", help="print one JSON array")

    sessions = sub.add_parser("sessions", parents=[common], help="teaching sessions")
    sessions_sub = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    slist = sessions_sub.add_parser("list", parents=[common], help="list teaching sessions")
    slist.add_argument("--json", action="store_true", help="print one JSON array")
    return parser


def _open_engine():  # noqa: ANN202 - imports the store lazily (it is heavy)
    from volunteer_kit.store.devices import ensure_device
    from volunteer_kit.store.engine import open_store

    engine = open_store(paths.database_path())
    ensure_device(engine)
    return engine


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_demo(args: argparse.Namespace) -> int:
    from datetime import date

    from volunteer_kit.store.demo import load_demo

    anchor = None
    if args.anchor_date:
        try:
            anchor = date.fromisoformat(args.anchor_date)
        except ValueError:
            raise errors.InvalidInput(
                f"Ngày không hợp lệ: {args.anchor_date!r}; hãy viết theo dạng NĂM-THÁNG-NGÀY, "
                "ví dụ 2026-11-21.",
                f"Not a date: {args.anchor_date!r}; write it as YYYY-MM-DD, e.g. 2026-11-21.",
            ) from None
    engine = _open_engine()
    summary = load_demo(
        engine, learners=args.learners, seed=args.seed, anchor=anchor, lessons_dir=paths.lessons_dir()
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
    for r in records:
        gender = GENDER_VI.get(r["gender"] or "", "") if errors.language() == "vi" else r["gender"] or ""
        print(f"{r['full_name']:<32} {r['birth_year'] or '':<5} {gender:<5} {r['hamlet']}")
    print(_msg(f"{len(records)} người học", f"{len(records)} learners"), file=sys.stderr)
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
    for r in rows:
        print(
            f"{local(r.starts_at):%Y-%m-%d %H:%M}  {r.kind:<15} {r.pack_id:<28} "
            f"{r.present_count}/{r.attendance_count}  {r.place}"
        )
    print(_msg(f"{len(rows)} buổi học", f"{len(rows)} sessions"), file=sys.stderr)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
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
    ("sessions", "list"): cmd_sessions_list,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths.set_data_dir(args.data_dir)
    setup_logging()
    from volunteer_kit import settings

    errors.set_language(args.lang or settings.load().language)
    command = args.command or "gui"
    handler = COMMANDS[(command, getattr(args, "action", None))]
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
    except Exception as exc:  # noqa: BLE001 - the last line of defence: log it, say it in one line
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
