"""Running the hub: uvicorn in this process (or in N worker processes it supervises), on a socket
bound here, with the access log and the hub's database; the public address devices are told."""

from __future__ import annotations

import errno
import ipaddress
import logging
import re
import socket
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Engine, select

from volunteer_kit import errors
from volunteer_kit.hub.accesslog import setup_access_log
from volunteer_kit.hub.db import set_meta, writing
from volunteer_kit.hub.models import meta_t
from volunteer_kit.sync.transport import is_loopback_url

if TYPE_CHECKING:
    from volunteer_kit.hub.settings import HubSettings
    from volunteer_kit.hub.tls import HubTls

__all__ = [
    "bind_listener",
    "check_hub_url",
    "configure_url",
    "is_loopback_url",
    "public_url",
    "record_start",
    "serve",
    "spawn_local_hub",
]

log = logging.getLogger("volunteer_kit.hub")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
BACKLOG = 2048  # uvicorn's own default
GRACEFUL_S = 30  # how long a stopping hub lets the requests in flight finish
# pg_advisory_xact_lock key of the public address ("VKURL"): a start and `hub set-url` in turn.
URL_LOCK = 0x564B_5552_4C
_HOST_NAME = re.compile(r"[\w-]+(\.[\w-]+)*\.?")


def _codes(name: str) -> set[int]:
    """An errno and its Windows socket twin (WSA...), which is what Windows sockets raise."""
    return {getattr(errno, name), getattr(errno, f"WSA{name}", getattr(errno, name))}


_IN_USE, _NOT_HERE, _DENIED = _codes("EADDRINUSE"), _codes("EADDRNOTAVAIL"), _codes("EACCES")


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), else 127.0.0.1."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        address: str = probe.getsockname()[0]
        return address
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def public_url(host: str, port: int, *, tls: bool = False) -> str:
    """The address devices are told when the operator gave none: the LAN address when listening
    on every network, else the listening address itself; https when the hub serves TLS."""
    shown = lan_address() if host in ("0.0.0.0", "::", "") else host
    scheme = "https" if tls else "http"
    return f"{scheme}://[{shown}]:{port}" if ":" in shown else f"{scheme}://{shown}:{port}"


def check_hub_url(text: str) -> str:
    """The hub's public address as QR codes and links carry it: http(s)://host[:port], nothing more
    (a path, query or user name would end up inside every enrollment QR code)."""
    parts = urlsplit(text.strip())
    try:
        port = parts.port
    except ValueError:
        port = 0
    host = parts.hostname or ""
    if (
        parts.scheme.lower() not in ("http", "https")
        or not _is_host(host, bracketed="[" in parts.netloc)
        or port == 0
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username is not None
    ):
        raise errors.InvalidInput(
            f"Địa chỉ máy chủ không hợp lệ: {text!r}; hãy viết dạng http://192.168.1.10:8765 "
            "(http hoặc https, tên máy hoặc địa chỉ IP, cổng nếu cần, không có đường dẫn).",
            f"Not a hub address: {text!r}; write it as http://192.168.1.10:8765 "
            "(http or https, a host name or IP address, a port if needed, no path).",
        )
    return f"{parts.scheme.lower()}://{parts.netloc}"


def trusted_proxies(text: str) -> list[str]:
    """The proxies whose X-Forwarded-For the hub believes, from `--forwarded-allow-ips`: addresses
    or networks, comma-separated. Not "*": a hub reachable around its proxy would then take any
    client's word for its address, and the enrollment limits with it."""
    found: list[str] = []
    for item in (part.strip() for part in text.split(",")):
        try:
            # uvicorn compares a network by membership and a lone address by equality.
            found.append(
                str(ipaddress.ip_network(item, strict=False) if "/" in item else ipaddress.ip_address(item))
            )
        except ValueError:
            raise errors.InvalidInput(
                f"--forwarded-allow-ips: {item!r} không phải địa chỉ IP hay mạng (ví dụ 127.0.0.1 hoặc "
                "10.0.0.0/8); hãy ghi địa chỉ của proxy phía trước máy chủ, cách nhau bằng dấu phẩy.",
                f"--forwarded-allow-ips: {item!r} is not an IP address or network (e.g. 127.0.0.1 or "
                "10.0.0.0/8); give the addresses of the proxy in front of the hub, separated by commas.",
            ) from None
    return found


def _is_host(host: str, *, bracketed: bool) -> bool:
    if bracketed:
        try:
            return ipaddress.ip_address(host).version == 6
        except ValueError:
            return False
    return bool(_HOST_NAME.fullmatch(host)) and not host.startswith("-")


def bind_listener(host: str, port: int) -> socket.socket:
    """The hub's socket, bound before anything is made or said, so a bad port, a busy port or an
    unknown --host is one plain sentence (uvicorn would log English and exit 3). It listens only
    once the hub is ready (see serve): until then a device is refused at once, not left waiting."""
    if not 1 <= port <= 65535:
        raise errors.InvalidInput(
            f"--port phải từ 1 đến 65535 (đã cho {port}).", f"--port must be 1 to 65535 (given {port})."
        )
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as exc:
        raise errors.InvalidInput(
            f"Không tìm thấy địa chỉ {host!r}; hãy kiểm tra --host (ví dụ 127.0.0.1, hoặc 0.0.0.0 "
            "cho mọi mạng của máy).",
            f"Cannot find the address {host!r}; check --host (e.g. 127.0.0.1, or 0.0.0.0 for every "
            "network of this computer).",
        ) from exc
    listener = socket.socket(family, kind, proto)
    try:
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: SO_REUSEADDR would let two hubs share a port
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:  # a restarted hub binds at once while the last run's connections linger in TIME_WAIT
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError as exc:
        listener.close()
        raise _bind_refusal(exc, host, port) from exc
    return listener


def _bind_refusal(exc: OSError, host: str, port: int) -> errors.KnownError:
    if exc.errno in _IN_USE:
        return errors.KnownError(
            f"Cổng {port} đang được dùng bởi chương trình khác; hãy chọn cổng khác bằng --port.",
            f"Port {port} is in use by another program; choose another port with --port.",
        )
    if exc.errno in _NOT_HERE:
        return errors.KnownError(
            f"Máy này không có địa chỉ {host}; hãy kiểm tra --host (0.0.0.0 là mọi mạng của máy).",
            f"This computer has no address {host}; check --host (0.0.0.0 means every network of it).",
        )
    if exc.errno in _DENIED:
        return errors.KnownError(
            f"Hệ thống không cho mở cổng {port}; hãy chọn cổng khác bằng --port "
            "(cổng dưới 1024 cần quyền quản trị).",
            f"The system does not allow port {port}; choose another port with --port "
            "(ports below 1024 need administrator rights).",
        )
    return errors.KnownError(
        f"Không mở được cổng {port} trên {host} ({exc.strerror}); hãy kiểm tra --host và --port.",
        f"Cannot open port {port} on {host} ({exc.strerror}); check --host and --port.",
    )


def _start_listening(listener: socket.socket) -> None:
    try:
        listener.listen(BACKLOG)
    except OSError as exc:  # another hub bound the same port a moment ago and listens first
        host, port = listener.getsockname()[:2]
        raise _bind_refusal(exc, host, port) from exc


def configure_url(engine: Engine, url: str) -> str:
    """Store `url` as the hub's public address, chosen by the operator (`hub set-url`, `hub serve
    --url`): QR codes and links carry it whichever process makes them, and no start without --url
    replaces it."""
    return _store_url(engine, url, configured=True)


def _store_url(engine: Engine, url: str, *, configured: bool) -> str:
    """The public address devices are told, after this start: `url` when chosen (configured) or
    when no address was chosen yet (a guess replaces an earlier guess: a commune hub whose laptop
    got a new LAN address); else the chosen one, untouched. One transaction, so a start racing
    `hub set-url` never overwrites it."""
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({URL_LOCK})")
        source = conn.execute(select(meta_t.c.value).where(meta_t.c.key == "url_source")).scalar()
        stored = conn.execute(select(meta_t.c.value).where(meta_t.c.key == "url")).scalar()
        if not configured and source == "configured" and stored:
            return str(stored)
        _put_meta(conn, "url", url)
        _put_meta(conn, "url_source", "configured" if configured else "guessed")
    return url


def _put_meta(conn: Connection, key: str, value: str) -> None:
    if conn.execute(select(meta_t.c.key).where(meta_t.c.key == key)).first():
        conn.execute(meta_t.update().where(meta_t.c.key == key).values(value=value))
    else:
        conn.execute(meta_t.insert().values(key=key, value=value))


def record_start(engine: Engine, url: str, *, url_given: bool, tls: HubTls | None) -> str:
    """What a starting process tells every process of the hub through the database: its address
    (see _store_url) and its certificate's fingerprint, which enrollment codes carry for devices to
    pin (empty for plain http or a CA's certificate: all processes of one hub serve the same
    certificate, or sit behind one TLS proxy). Returns the address devices are told."""
    shown = _store_url(engine, url, configured=url_given)
    set_meta(engine, "tls_fingerprint", tls.pin if tls else "")
    return shown


def _uvicorn_options(tls: HubTls | None, forwarded_allow_ips: Sequence[str]) -> dict[str, Any]:
    return {
        "access_log": False,
        "log_level": "warning",
        "server_header": False,
        # uvicorn trusts 127.0.0.1 when given no list; the hub trusts only the proxies named.
        "proxy_headers": bool(forwarded_allow_ips),
        "forwarded_allow_ips": list(forwarded_allow_ips) or None,
        "ssl_certfile": str(tls.cert) if tls else None,
        "ssl_keyfile": str(tls.key) if tls else None,
        # On SIGTERM/SIGINT: stop accepting, let the requests in flight (a push's transaction
        # runs to its end in its thread) answer, for up to this long.
        "timeout_graceful_shutdown": GRACEFUL_S,
    }


def serve(
    *,
    engine: Engine,
    listener: socket.socket,
    url: str,
    data_dir: Path,
    at_once: int | None = None,
    tls: HubTls | None = None,
    on_listening: Callable[[], None] | None = None,
    forwarded_allow_ips: Sequence[str] = (),
    read_engine: Engine | None = None,
    workers: int = 1,
    settings: HubSettings | None = None,
) -> None:
    """Serve on the bound `listener` until stopped; `url` is the address devices are told, and
    `on_listening` is called once the socket listens (to say the hub runs). With `tls`, HTTPS
    only. X-Forwarded-For is believed only from `forwarded_allow_ips` (addresses or networks of
    the hub's own proxy); from nobody by default. Pulls read `read_engine` when given.

    With `workers` > 1, uvicorn's supervisor runs that many worker processes on the one listener;
    each builds its app from `settings` (through the environment, volunteer_kit.hub.asgi) and
    this process only watches them. Disposes the engines and closes the socket at the end."""
    import uvicorn

    from volunteer_kit.hub.api import create_app
    from volunteer_kit.hub.gate import AT_ONCE, Gate

    try:
        host, port = listener.getsockname()[:2]
        log.info("hub serving on %s:%s for %s (%s)", host, port, url, engine.url.render_as_string())
        if workers > 1:
            if settings is None:
                raise ValueError("workers > 1 needs the settings the workers start from")
            settings.to_env()  # spawned workers inherit the environment, and only it
            engine.dispose()
            if read_engine is not None:
                read_engine.dispose()
            config = uvicorn.Config(
                "volunteer_kit.hub.asgi:app",
                factory=True,
                workers=workers,
                **_uvicorn_options(tls, forwarded_allow_ips),
            )
            _start_listening(listener)
            if on_listening is not None:
                on_listening()
            from volunteer_kit.hub.asgi import Supervisor

            supervisor = Supervisor(config, sockets=[listener])
            supervisor.run()
            if supervisor.failed_to_start():
                raise errors.KnownError(
                    "Các tiến trình của máy chủ không khởi động được (xem thông báo ở trên).",
                    "The hub's worker processes could not start (see the message above).",
                )
            return
        setup_access_log(data_dir)
        app = create_app(
            engine, data_dir=data_dir, gate=Gate(at_once=at_once or AT_ONCE), read_engine=read_engine
        )
        config = uvicorn.Config(app, **_uvicorn_options(tls, forwarded_allow_ips))
        _start_listening(listener)
        if on_listening is not None:
            on_listening()
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        listener.close()
        engine.dispose()
        if read_engine is not None:
            read_engine.dispose()


def spawn_local_hub(
    data_dir: Path, *, db_url: str | None = None, timeout: float = 30, options: tuple[str, ...] = ()
) -> tuple[Any, str]:
    """A hub as a child process (`volunteer-kit hub serve`) on a free port of 127.0.0.1, for
    benchmarks and scripts; returns (the process, its URL) once /api/v1/health answers."""
    import os
    import subprocess
    import sys
    import time

    import requests

    with socket.socket() as sock:
        sock.bind((DEFAULT_HOST, 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("VOLUNTEER_KIT_HOME", "VOLUNTEER_KIT_HUB_DB")}
    command = [sys.executable, "-m", "volunteer_kit", "hub", "serve", "--data-dir", str(data_dir)]
    command += ["--port", str(port), *options] + (["--db", db_url] if db_url else [])
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cert = served_certificate(data_dir, options)
    url = f"{'https' if cert else 'http'}://{DEFAULT_HOST}:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with local_hub_session(url, cert) as session:
                if session.get(f"{url}/api/v1/health", timeout=1).ok:
                    return process, url
        except (requests.RequestException, OSError, errors.KnownError):  # starting, or no certificate yet
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the hub did not start (data folder {data_dir})")


def served_certificate(data_dir: Path, options: Sequence[str]) -> Path | None:
    """The certificate file a `hub serve` with these options serves (None: plain http)."""
    from volunteer_kit.hub.tls import CERT_FILE

    if "--tls-cert" in options:
        return Path(options[list(options).index("--tls-cert") + 1])
    return data_dir / CERT_FILE if "--self-signed" in options else None


def local_hub_session(url: str, cert: Path | None) -> Any:
    """A requests session to a hub of this computer, pinned to the certificate file it serves
    (for scripts and tests that start one; devices pin what their enrollment code says)."""
    from volunteer_kit.hub.tls import file_fingerprint
    from volunteer_kit.sync.transport import hub_session

    return hub_session(url, fingerprint=file_fingerprint(cert) if cert else "")
