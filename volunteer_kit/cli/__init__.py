"""The `volunteer-kit` command line (DESIGN.md "Command line").

Exit 0 on success; a one-line message on stderr and exit 1 on failure; usage
errors exit 2 (argparse). No traceback reaches a user: unexpected errors are
logged with their traceback and reported in one line that points to the log.

One module per command group registers its parsers next to its handlers; common.py holds
what they share, i18n.py the Vietnamese of the help texts and of argparse's own words.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from volunteer_kit import __version__, console, errors, paths
from volunteer_kit.cli import admin, app, certificates, exports, hub, learners, packs, sessions, sync
from volunteer_kit.cli.common import check_store_exists, msg
from volunteer_kit.cli.i18n import translate_help, use_language
from volunteer_kit.logs import log_file, setup_logging

log = logging.getLogger("volunteer_kit.cli")


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
    # In this order in the help: gui, demo, learners, packs, sessions, status, enroll, sync, bundle,
    # forget-hub, admin, hub, certificates, roster, report.
    for group in (app, learners, packs, sessions, sync, admin, hub, certificates, exports):
        group.register(sub, common)
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    from volunteer_kit import settings

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
        check_store_exists(key)
    except errors.KnownError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    setup_logging()
    command = key[0]
    handler = getattr(args, "handler", app.cmd_gui)  # set by each register(); no command: the app
    try:
        return handler(args)
    except errors.KnownError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(msg("Đã dừng.", "Stopped."), file=sys.stderr)
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
            msg(
                f"Lỗi không mong đợi ({type(exc).__name__}: {exc}); chi tiết trong {log_file()}",
                f"Unexpected error ({type(exc).__name__}: {exc}); details in {log_file()}",
            ),
            file=sys.stderr,
        )
        return 1
