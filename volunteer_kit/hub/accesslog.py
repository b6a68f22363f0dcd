"""The hub's access log: one JSON line per request, to a file in the data folder and to stderr."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from volunteer_kit import paths

access_log = logging.getLogger("volunteer_kit.hub.access")
ACCESS_LOG_FILE = "hub-access.log"


def setup_access_log(folder: Path, *, stderr: bool = True) -> Path:
    """Send access lines to <folder>/logs/hub-access.log (rotating) and to stderr."""
    import logging.handlers

    logs = paths.logs_dir(folder)
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / ACCESS_LOG_FILE
    for handler in list(access_log.handlers):
        access_log.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(path, maxBytes=20_000_000, backupCount=10, encoding="utf-8")
    ]
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False
    return path


class AccessLogMiddleware:
    """A plain ASGI middleware (no buffering of bodies): times each request and logs one line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        counts = {"status": 500, "out": 0, "in": 0}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                counts["in"] += len(message.get("body", b""))
            return message

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                counts["status"] = message["status"]
            elif message["type"] == "http.response.body":
                counts["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, counting_send)
        finally:
            state = scope.get("state") or {}
            client = scope.get("client")
            access_log.info(
                json.dumps(
                    {
                        "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "status": counts["status"],
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                        "device_id": state.get("device_id") if isinstance(state, dict) else None,
                        "bytes_in": counts["in"],
                        "bytes": counts["out"],
                        "client": client[0] if client else None,
                    },
                    ensure_ascii=False,
                )
            )
