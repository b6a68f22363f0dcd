"""The province dashboard served by the hub at /province/ (issue 19): server-rendered Jinja2 pages
for viewer accounts of one province, reading only the pre-aggregated figures of hub.analytics.

`install(app)` mounts it. The desktop bundle leaves Jinja2 and argon2 out (build.spec): without
them the dashboard is not mounted and the hub serves the sync API alone.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI

log = logging.getLogger("volunteer_kit.hub")

HERE = Path(__file__).resolve().parent
# Tests and single-purpose processes may keep the background rebuilder off.
ENV_NO_REBUILDER = "VOLUNTEER_KIT_HUB_NO_REBUILDER"
STOP_WAIT = 5.0  # seconds a stopping hub waits for a rebuild round under way


def available() -> bool:
    """Whether the dashboard's own libraries are installed (a pip install of the hub has them)."""
    try:
        import argon2  # noqa: F401
        import jinja2  # noqa: F401
    except ImportError:
        return False
    return True


def install(app: FastAPI) -> None:
    """Mount /province (pages and static files) on the hub's app, and run analytics' Rebuilder
    for as long as the app runs; without Jinja2/argon2, log one line and mount nothing."""
    if not available():
        log.info("province dashboard not served: jinja2 or argon2-cffi is not installed")
        return
    from starlette.staticfiles import StaticFiles

    from volunteer_kit.hub.web import pages

    app.include_router(pages.router)
    app.mount(pages.STATIC_PATH, StaticFiles(directory=HERE / "static"), name="province-static")
    _run_rebuilder(app)


def _run_rebuilder(app: FastAPI) -> None:
    """Start analytics.Rebuilder with the app and stop it at shutdown, wrapped around the app's own
    lifespan (create_app makes the app before we are called)."""
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(the_app: Any) -> AsyncIterator[Any]:
        rebuilder = None
        if not os.environ.get(ENV_NO_REBUILDER):
            from volunteer_kit.hub import analytics

            rebuilder = analytics.Rebuilder(the_app.state.engine, data_dir=the_app.state.data_dir)
            rebuilder.start()
        try:
            async with inner(the_app) as state:
                yield state
        finally:
            if rebuilder is not None:
                # Waited for off the event loop, and not long: a round cut short by the exit loses
                # nothing (its swap is one transaction), and a stopping hub must not hang on it.
                await anyio.to_thread.run_sync(lambda: rebuilder.stop(timeout=STOP_WAIT))

    app.router.lifespan_context = lifespan
