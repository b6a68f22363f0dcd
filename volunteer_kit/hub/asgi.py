"""The hub as an ASGI app factory, for servers that start their own processes:

    uvicorn --factory volunteer_kit.hub.asgi:app --workers 4 --uds /run/vk-hub.sock
    gunicorn -k uvicorn.workers.UvicornWorker 'volunteer_kit.hub.asgi:app()'

and for the workers of `hub serve --workers N`. Its settings come from the environment
(hub.settings.HubSettings.from_env). It never migrates: many workers starting together must not
race to change the schema, so the schema is made once (`hub migrate`, or the `hub serve` parent)
and a worker that finds the database un-migrated, older or newer than its code refuses to start.
"""

from __future__ import annotations

import logging
import sys

from fastapi import FastAPI
from sqlalchemy import Engine, column, select, table
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import SQLAlchemyError
from uvicorn.supervisors import Multiprocess

from volunteer_kit import errors
from volunteer_kit.hub.db import make_hub_engine, shown_url
from volunteer_kit.hub.settings import HubSettings

log = logging.getLogger("volunteer_kit.hub")

# uvicorn's own exit code for a worker that could not start: its supervisor then stops instead of
# starting the same broken worker again and again.
STARTUP_FAILURE = 3


def make_engine(url: str, pool_size: int | None = None) -> Engine:
    """The hub's engine with `pool_size` connections (hub.db's default when None)."""
    return make_hub_engine(url, pool_size=pool_size)


def schema_revision(engine: Engine) -> str | None:
    """The revision the hub database was migrated to, or None when it never was."""
    from volunteer_kit.hub.migrations import VERSION_TABLE

    with engine.connect() as conn:
        if not sa_inspect(conn).has_table(VERSION_TABLE):
            return None
        found = conn.execute(select(column("version_num")).select_from(table(VERSION_TABLE))).scalar()
    return str(found) if found else None


def check_schema(engine: Engine) -> None:
    """Refuse, in one sentence, a database this code must not serve: never migrated, migrated by an
    older version (run `hub migrate`), or by a newer one (update Volunteer Kit)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    from volunteer_kit.hub.migrations import alembic_config, head_revision

    where = shown_url(engine.url.render_as_string(hide_password=False))
    try:
        found = schema_revision(engine)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise errors.KnownError(
            f"Không mở được cơ sở dữ liệu máy chủ {where} ({reason}); hãy kiểm tra VOLUNTEER_KIT_HUB_DB.",
            f"Cannot open the hub database {where} ({reason}); check VOLUNTEER_KIT_HUB_DB.",
        ) from exc
    head = head_revision()
    if found == head:
        return
    if found is None:
        raise errors.KnownError(
            f"Cơ sở dữ liệu máy chủ {where} chưa được tạo; hãy chạy một lần: "
            "volunteer-kit hub migrate --db URL.",
            f"The hub database {where} has no hub schema yet; run once: volunteer-kit hub migrate --db URL.",
        )
    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(found) is not None
    except CommandError:
        known = False
    if known:
        raise errors.KnownError(
            f"Cơ sở dữ liệu máy chủ {where} ở phiên bản cũ {found} (mã này cần {head}); "
            "hãy chạy: volunteer-kit hub migrate --db URL.",
            f"The hub database {where} is at the older revision {found} (this code needs {head}); "
            "run: volunteer-kit hub migrate --db URL.",
        )
    raise errors.KnownError(
        f"Cơ sở dữ liệu máy chủ {where} mới hơn phiên bản này ({found}); hãy cập nhật Volunteer Kit.",
        f"The hub database {where} is newer than this version ({found}); update Volunteer Kit.",
    )


def build_app(settings: HubSettings) -> FastAPI:
    """The hub's app for `settings`, on a database that is already at this code's revision."""
    from volunteer_kit import paths
    from volunteer_kit.hub.accesslog import setup_access_log
    from volunteer_kit.hub.api import create_app
    from volunteer_kit.hub.gate import AT_ONCE, Gate
    from volunteer_kit.logs import setup_logging

    paths.set_data_dir(settings.data_dir)  # a worker is a fresh interpreter: its log goes there too
    setup_logging()
    engine = make_engine(settings.db_url, settings.connections())
    read_engine = None
    try:
        check_schema(engine)
        if settings.db_read_url:
            read_engine = make_engine(settings.db_read_url, settings.connections())
            check_schema(read_engine)
        setup_access_log(settings.data_dir)
        return create_app(
            engine,
            data_dir=settings.data_dir,
            gate=Gate(at_once=settings.at_once or AT_ONCE),
            read_engine=read_engine,
        )
    except BaseException:
        engine.dispose()
        if read_engine is not None:
            read_engine.dispose()
        raise


def app() -> FastAPI:
    """The app factory: settings from the environment; a refusal is one line on stderr and uvicorn's
    startup-failure exit code (no traceback, and its supervisor does not respawn the worker)."""
    try:
        return build_app(HubSettings.from_env())
    except errors.KnownError as exc:
        print(exc.message(), file=sys.stderr, flush=True)
        raise SystemExit(STARTUP_FAILURE) from None


class Supervisor(Multiprocess):
    """uvicorn's supervisor of `hub serve --workers N`, which also closes its own copy of the
    listening socket when told to stop: once the workers have closed theirs, a new connection is
    refused at once instead of waiting in the backlog of a hub that is going away."""

    def handle_int(self) -> None:
        self._stop_listening()
        super().handle_int()

    def handle_term(self) -> None:
        self._stop_listening()
        super().handle_term()

    def _stop_listening(self) -> None:
        for sock in self.sockets:
            sock.close()

    def failed_to_start(self) -> bool:
        """Whether a worker ended with uvicorn's startup failure (its message is above, on stderr)."""
        return any(process.exitcode == STARTUP_FAILURE for process in self.processes)
