"""`hub add-viewer`, `hub viewers`, `hub remove-viewer`: accounts of the province dashboard (/province/)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from volunteer_kit import errors
from volunteer_kit.cli.common import hub_engine, hub_known, msg, print_json


def register(hub_sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    """The viewer actions among those of `hub` (volunteer_kit.cli.hub adds the others)."""
    hadd = hub_sub.add_parser(
        "add-viewer",
        parents=parents,
        help="make an account that reads one province's dashboard at /province/",
        description="Make a province dashboard account. The password is asked twice on the terminal, "
        "or read as one line from stdin with --password-stdin (for scripts); at least 10 characters.",
    )
    hadd.add_argument(
        "--province", required=True, metavar="CODE", help="the province's 2-digit code, e.g. 01"
    )
    hadd.add_argument(
        "--name",
        metavar="LOGIN",
        help="the login name (a-z, 0-9, . _ -); default tinhCODE, e.g. tinh01 "
        "(more accounts need their own name)",
    )
    hadd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    hadd.add_argument("--json", action="store_true", help="print one JSON object")
    hlist = hub_sub.add_parser("viewers", parents=parents, help="list the province dashboard's accounts")
    hlist.add_argument("--json", action="store_true", help="print one JSON array")
    hremove = hub_sub.add_parser(
        "remove-viewer", parents=parents, help="delete a dashboard account (its browsers are signed out)"
    )
    hremove.add_argument("login", metavar="LOGIN")
    hadd.set_defaults(handler=cmd_hub_add_viewer)
    hlist.set_defaults(handler=cmd_hub_viewers)
    hremove.set_defaults(handler=cmd_hub_remove_viewer)


def _needs_dashboard() -> None:
    from volunteer_kit.hub import web

    if not web.available():
        raise errors.KnownError(
            "Bảng số liệu tỉnh cần jinja2 và argon2-cffi; hãy cài máy chủ bằng pip install volunteer-kit.",
            "The province dashboard needs jinja2 and argon2-cffi; install the hub with "
            "pip install volunteer-kit.",
        )


def _read_password(from_stdin: bool) -> str:
    """One line of stdin, or asked twice on the terminal (refused in one line when they differ)."""
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    if not sys.stdin.isatty():
        raise errors.InvalidInput(
            "Không có màn hình để hỏi mật khẩu; hãy dùng --password-stdin.",
            "No terminal to ask for the password; use --password-stdin.",
        )
    try:
        first = getpass.getpass(msg("Mật khẩu: ", "Password: "))
        second = getpass.getpass(msg("Nhập lại mật khẩu: ", "Password again: "))
    except (EOFError, KeyboardInterrupt) as exc:
        raise errors.InvalidInput("Đã huỷ; không tạo tài khoản.", "Cancelled; no account made.") from exc
    if first != second:
        raise errors.InvalidInput(
            "Hai lần nhập mật khẩu không giống nhau; không tạo tài khoản.",
            "The two passwords differ; no account made.",
        )
    return first


@hub_known
def cmd_hub_add_viewer(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.analytics import province_name
    from volunteer_kit.hub.web import accounts

    _needs_dashboard()
    province = args.province.strip()
    name = province_name(province)
    if name is None:
        raise errors.InvalidInput(
            f"Không có tỉnh/thành phố mã {province!r}; mã tỉnh gồm hai chữ số (ví dụ 01: Hà Nội).",
            f"There is no province {province!r}; a province code has two digits (e.g. 01: Hà Nội).",
        )
    login = accounts.check_login_name(args.name if args.name is not None else f"tinh{province}")
    password = _read_password(args.password_stdin)
    accounts.check_password(password)  # before the database is opened: a refusal writes nothing
    engine = hub_engine(args)
    try:
        made = accounts.add_viewer(engine, login=login, province_code=province, password=password)
    finally:
        engine.dispose()
    made["province_name"] = name
    if args.json:
        print_json(made)
        return 0
    print(
        msg(
            f"Đã tạo tài khoản {login} xem số liệu {name} ({province}) tại /province/.",
            f"Account {login} made; it reads {name} ({province}) at /province/.",
        )
    )
    return 0


@hub_known
def cmd_hub_viewers(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.analytics import province_name
    from volunteer_kit.hub.web import accounts

    _needs_dashboard()
    engine = hub_engine(args)
    try:
        found = accounts.list_viewers(engine)
    finally:
        engine.dispose()
    for v in found:
        v["province_name"] = province_name(v["province_code"]) or ""
    if args.json:
        print_json(found)
        return 0
    for v in found:
        last = v["last_login_at"] or msg("chưa đăng nhập", "never signed in")
        print(f"{v['login']}  {v['province_code']} {v['province_name']}  {last}")
    print(msg(f"{len(found)} tài khoản", f"{len(found)} accounts"), file=sys.stderr)
    return 0


@hub_known
def cmd_hub_remove_viewer(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.web import accounts

    _needs_dashboard()
    engine = hub_engine(args)
    try:
        done = accounts.remove_viewer(engine, args.login)
    finally:
        engine.dispose()
    if not done:
        raise errors.KnownError(
            f"Không có tài khoản {args.login}; xem danh sách bằng: hub viewers",
            f"There is no account {args.login}; list them with: hub viewers",
        )
    print(msg(f"Đã xoá tài khoản {args.login}.", f"Account {args.login} removed."))
    return 0
