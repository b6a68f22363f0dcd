"""`hub serve`: the hub's options, its data folder, its TLS certificate, and what it says once
it listens; `hub set-url` and `hub migrate`, which a hub of several processes needs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.cli.common import hub_engine, hub_known, msg

MAX_WORKERS = 64  # as volunteer_kit.hub.serve.MAX_WORKERS (not imported: `--help` stays quick)


def register(hub_sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    """`hub serve`, among the actions of `hub` (volunteer_kit.cli.hub adds the others)."""
    hserve = hub_sub.add_parser(
        "serve",
        parents=parents,
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
    hserve.add_argument(
        "--workers",
        metavar="N",
        help=f"worker processes serving the one port, 1 to {MAX_WORKERS} (default 1); on PostgreSQL, "
        "about one per core",
    )
    hserve.add_argument(
        "--db-read",
        metavar="URL",
        help="a PostgreSQL read replica of --db that pulls read from (default: --db itself)",
    )
    hserve.add_argument(
        "--pool-size",
        type=int,
        default=None,
        metavar="N",
        help="database connections per process (default: --at-once plus a few); every process's "
        "pool counts against PostgreSQL's max_connections",
    )
    hserve.add_argument(
        "--db-at-once",
        type=int,
        default=None,
        metavar="N",
        help="PostgreSQL: pushes applied at once by all processes of the hub together, kept in the "
        "database for every process (0: no such limit, the default)",
    )
    hserve.set_defaults(handler=cmd_hub_serve)
    hurl = hub_sub.add_parser(
        "set-url",
        parents=parents,
        help="set the address laptops reach the hub at (QR codes and links carry it)",
        description="Set the hub's public address for every hub process on this database; a "
        "hub serve without --url never replaces it.",
    )
    hurl.add_argument("url", metavar="URL", help="e.g. https://hub.tinh.gov.vn or http://192.168.1.10:8765")
    hurl.set_defaults(handler=cmd_hub_set_url)
    hmigrate = hub_sub.add_parser(
        "migrate",
        parents=parents,
        help="make or update the hub database's schema (before starting worker processes)",
        description="Make or update the hub database's schema and print its revision. Worker "
        "processes started by uvicorn or gunicorn (volunteer_kit.hub.asgi:app) never migrate.",
    )
    hmigrate.set_defaults(handler=cmd_hub_migrate)


@hub_known
def cmd_hub_serve(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.serve import (
        bind_listener,
        check_hub_url,
        public_url,
        record_start,
        serve,
        trusted_proxies,
    )
    from volunteer_kit.hub.settings import AT_ONCE_RANGE, DB_AT_ONCE_RANGE, POOL_SIZE_RANGE, check_number

    workers = _workers(args.workers)
    proxies = trusted_proxies(args.forwarded_allow_ips) if args.forwarded_allow_ips else []
    check_number("--at-once", args.at_once, AT_ONCE_RANGE)
    check_number("--pool-size", args.pool_size, POOL_SIZE_RANGE)
    if args.db_at_once:
        check_number("--db-at-once", args.db_at_once, DB_AT_ONCE_RANGE)
    elif args.db_at_once is not None and args.db_at_once < 0:
        check_number("--db-at-once", args.db_at_once, (0, DB_AT_ONCE_RANGE[1]))
    tls_on = _hub_tls_wanted(args)
    url = check_hub_url(args.url) if args.url else public_url(args.host, args.port, tls=tls_on)
    listener = bind_listener(args.host, args.port)  # a busy port is refused before anything is made
    engine = read_engine = None
    try:
        data_dir = _hub_serve_data_dir()
        tls = _hub_tls(args, data_dir, url) if tls_on else None
        settings = _serve_settings(args, data_dir, hub_engine(args, create="in_existing_folder"))
        engine, read_engine = _serve_engines(settings)
        url = record_start(engine, url, url_given=bool(args.url), tls=tls)
        if args.db_at_once is not None:
            _store_db_at_once(engine, args.db_at_once)
    except BaseException:
        listener.close()
        for made in (engine, read_engine):
            if made is not None:
                made.dispose()
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
        read_engine=read_engine,
        workers=workers,
        settings=settings,
    )
    return 0


def _workers(text: str | None) -> int:
    """--workers as a number from 1 to MAX_WORKERS, checked before anything is bound or made."""
    if text is None:
        return 1
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_WORKERS:
        raise errors.InvalidInput(
            f"--workers phải là số từ 1 đến {MAX_WORKERS} (đã cho {text!r}).",
            f"--workers must be a number from 1 to {MAX_WORKERS} (given {text!r}).",
        )
    return value


def _serve_settings(args: argparse.Namespace, data_dir: Path, migrated: Any) -> Any:
    """The settings of this start, from the database `hub_engine` just opened and migrated (then
    closed: each process opens its own, with its own pool)."""
    from volunteer_kit.hub.settings import HubSettings

    try:
        db_url = migrated.url.render_as_string(hide_password=False)
    finally:
        migrated.dispose()
    return HubSettings(
        db_url=db_url,
        data_dir=data_dir,
        db_read_url=args.db_read,
        at_once=args.at_once,
        pool_size=args.pool_size,
        db_at_once=args.db_at_once,
        url=args.url,
    )


def _serve_engines(settings: Any) -> tuple[Any, Any]:
    """The engine of --db, with this process's pool, and the read replica's if --db-read names one
    (a PostgreSQL database that holds the hub's schema at this code's revision)."""
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    from volunteer_kit.hub.asgi import make_engine

    engine = make_engine(settings.db_url, settings.connections())
    if not settings.db_read_url:
        return engine, None
    try:
        backend = make_url(settings.db_read_url).get_backend_name()
    except ArgumentError:
        backend = ""
    if backend != "postgresql":
        engine.dispose()
        raise errors.InvalidInput(
            "--db-read phải là địa chỉ PostgreSQL của một bản sao chỉ đọc, ví dụ "
            "postgresql+psycopg://hub@replica/hub.",
            "--db-read must be the PostgreSQL URL of a read replica, e.g. postgresql+psycopg://hub@replica/hub.",
        )
    read_engine = make_engine(settings.db_read_url, settings.connections())
    try:
        _check_replica(read_engine)
    except BaseException:
        engine.dispose()
        read_engine.dispose()
        raise
    return engine, read_engine


def _check_replica(read_engine: Any) -> None:
    """--db-read holds the hub's schema at this code's revision (a replica of --db), in one line."""
    from sqlalchemy.exc import SQLAlchemyError

    from volunteer_kit.hub.asgi import schema_revision
    from volunteer_kit.hub.db import shown_url
    from volunteer_kit.hub.migrations import head_revision

    where = shown_url(read_engine.url.render_as_string(hide_password=False))
    try:
        found = schema_revision(read_engine)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise errors.KnownError(
            f"Không mở được cơ sở dữ liệu đọc {where} ({reason}); hãy kiểm tra --db-read.",
            f"Cannot open the read database {where} ({reason}); check --db-read.",
        ) from exc
    head = head_revision()
    if found != head:
        raise errors.KnownError(
            f"--db-read {where} không phải bản sao của cơ sở dữ liệu máy chủ ở phiên bản này (lược đồ "
            f"{found or 'không có'}, cần {head}); hãy trỏ tới một bản sao chỉ đọc của cơ sở dữ liệu --db.",
            f"--db-read {where} is not a replica of the hub database at this version (schema "
            f"{found or 'none'}, needs {head}); point it at a read replica of the --db database.",
        )


def _store_db_at_once(engine: Any, slots: int) -> None:
    """--db-at-once for every process of the hub (hub_meta "db_at_once"; 0 removes the limit)."""
    from volunteer_kit.hub.db import set_meta
    from volunteer_kit.hub.gate import DB_AT_ONCE_KEY

    set_meta(engine, DB_AT_ONCE_KEY, str(slots) if slots > 0 else "")


@hub_known
def cmd_hub_set_url(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.serve import check_hub_url, configure_url

    url = check_hub_url(args.url)  # a bad address is refused before the database is opened
    engine = hub_engine(args)
    try:
        configure_url(engine, url)
    finally:
        engine.dispose()
    print(
        msg(
            f"Địa chỉ máy chủ cho mã QR và đường dẫn: {url}",
            f"The hub's address for QR codes and links: {url}",
        )
    )
    return 0


@hub_known
def cmd_hub_migrate(args: argparse.Namespace) -> int:
    from volunteer_kit.hub.asgi import schema_revision

    engine = hub_engine(args, create="in_existing_folder")  # migrates
    try:
        revision = schema_revision(engine)
    finally:
        engine.dispose()
    print(revision)
    return 0


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
    on = msg(f" (nghe trên {listening})", f" (listening on {listening})") if listening != url else ""
    print(
        msg(
            f"Máy chủ đồng bộ chạy tại {url}{on} (Ctrl+C để dừng).",
            f"Hub serving at {url}{on} (Ctrl+C to stop).",
        ),
        file=sys.stderr,
    )
    if tls is not None and tls.pin:
        print(
            msg(
                f"Dấu vân tay chứng chỉ (mã ghi danh mang nó): {fingerprint_groups(tls.pin)}",
                f"Certificate fingerprint (enrollment codes carry it): {fingerprint_groups(tls.pin)}",
            ),
            file=sys.stderr,
        )
    scheme = "https" if tls is not None else "http"
    if is_loopback_url(url):
        print(
            msg(
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
            msg(
                "Cảnh báo: máy chủ không mã hóa (http), nên máy khác chỉ ghi danh được với --insecure; "
                "hãy chạy với --self-signed (hoặc --tls-cert/--tls-key).",
                "Warning: the hub is not encrypted (http), so other laptops can enroll only with "
                "--insecure; serve it with --self-signed (or --tls-cert/--tls-key).",
            ),
            file=sys.stderr,
        )
