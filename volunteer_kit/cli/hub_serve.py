"""`hub serve`: the hub's options, its data folder, its TLS certificate, and what it says once
it listens."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from volunteer_kit import errors, paths
from volunteer_kit.cli.common import hub_engine, hub_known, msg


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
    hserve.set_defaults(handler=cmd_hub_serve)


@hub_known
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
        engine = hub_engine(args, create="in_existing_folder")  # migrate and report a bad --db now
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
