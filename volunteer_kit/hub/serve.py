"""Running the hub: uvicorn in this process, with the access log and the hub's database."""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any

from volunteer_kit.hub.accesslog import setup_access_log
from volunteer_kit.hub.db import open_hub_engine, set_meta

log = logging.getLogger("volunteer_kit.hub")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), else 127.0.0.1."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def public_url(host: str, port: int) -> str:
    shown = lan_address() if host in ("0.0.0.0", "::", "") else host
    return f"http://{shown}:{port}"


def serve(*, db_url: str | None, host: str, port: int, data_dir: Path, at_once: int | None = None) -> None:
    import uvicorn

    from volunteer_kit.hub.api import create_app
    from volunteer_kit.hub.gate import AT_ONCE, Gate

    engine = open_hub_engine(db_url)
    # Remembered so `hub enroll-code --qr` can point devices at this hub.
    set_meta(engine, "url", public_url(host, port))
    setup_access_log(data_dir)
    app = create_app(engine, data_dir=data_dir, gate=Gate(at_once=at_once or AT_ONCE))
    log.info("hub serving on %s:%s (%s)", host, port, engine.url.render_as_string(hide_password=True))
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )
    try:
        uvicorn.Server(config).run()
    finally:
        engine.dispose()


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
    url = f"http://{DEFAULT_HOST}:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return process, url
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the hub did not start (data folder {data_dir})")
