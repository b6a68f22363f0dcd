"""`gui` (the default command) and `demo`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.cli.common import day, msg, open_engine


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    gui = sub.add_parser("gui", parents=[common], help="open the desktop app (the default)")
    gui.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, open the database, show the main window, then quit (exit 0)",
    )
    gui.set_defaults(handler=cmd_gui)

    demo = sub.add_parser("demo", parents=[common], help="load realistic demo data for one commune")
    demo.add_argument("--learners", type=int, default=500, metavar="N", help="learners (default 500)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument(
        "--anchor-date",
        metavar="DATE",
        type=day,
        help="the day the demo's weeks end on (default today); same seed and date, same data",
    )
    demo.set_defaults(handler=cmd_demo)


def cmd_gui(args: argparse.Namespace) -> int:
    from volunteer_kit import desktop_libs

    if desktop_libs.uses_x11():
        missing = desktop_libs.missing_packages()
        if missing:  # said before Qt's own abort, which names another library
            print(msg(*desktop_libs.missing_message(missing)), file=sys.stderr)
    try:
        from volunteer_kit.ui.app import run_gui
    except ImportError as exc:
        raise errors.KnownError(
            f"Không mở được cửa sổ: thiếu thư viện giao diện ({exc}).",
            f"Cannot open the window: a GUI library is missing ({exc}).",
        ) from exc
    return run_gui(smoke_test=getattr(args, "smoke_test", False), lang_override=args.lang)


def cmd_demo(args: argparse.Namespace) -> int:
    from volunteer_kit.store.demo import load_demo

    engine = open_engine()
    summary = load_demo(
        engine,
        learners=args.learners,
        seed=args.seed,
        anchor=args.anchor_date,
        lessons_dir=paths.lessons_dir(),
    )
    print(
        msg(
            f"Đã nạp dữ liệu mẫu: {summary.learners} người học, {summary.households} hộ, "
            f"{summary.sessions} buổi học, {summary.records} bản ghi trong {summary.seconds:.2f} giây.",
            f"Demo data loaded: {summary.learners} learners, {summary.households} households, "
            f"{summary.sessions} sessions, {summary.records} records in {summary.seconds:.2f} s.",
        )
    )
    return 0
