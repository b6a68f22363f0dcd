"""The hub's engine: SQLite in the data folder by default, PostgreSQL by URL; migrated at open."""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import IntegrityError

from volunteer_kit import paths
from volunteer_kit.hub.models import meta_t

log = logging.getLogger("volunteer_kit.hub")

HUB_DB_FILE = "hub.sqlite3"
ENV_HUB_DB = "VOLUNTEER_KIT_HUB_DB"
BUSY_TIMEOUT_MS = 10_000


def default_url() -> str:
    """$VOLUNTEER_KIT_HUB_DB, else hub.sqlite3 in the data folder."""
    env = os.environ.get(ENV_HUB_DB)
    if env:
        return env
    return f"sqlite:///{paths.data_dir() / HUB_DB_FILE}"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The pysqlite driver's own BEGIN handling is off: we send BEGIN IMMEDIATE ourselves (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # an accepted record must survive a power cut
    cursor.close()


def _sqlite_begin(conn) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
    # A writer takes the write lock at BEGIN (IMMEDIATE), so two pushes never deadlock upgrading
    # a read lock; readers (pull) begin deferred and never wait for each other.
    immediate = conn.get_execution_options().get("hub_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writing(engine: Engine):  # noqa: ANN201 - a context manager yielding a Connection
    """A write transaction: on SQLite it holds the write lock from its start."""
    return engine.execution_options(hub_write=True).begin()


def make_hub_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def open_hub_engine(url: str | None = None) -> Engine:
    """The hub database at `url` (created, migrated to head), with its hub id made once."""
    from volunteer_kit.hub.migrations import upgrade_to_head

    url = url or default_url()
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_hub_engine(url)
    upgrade_to_head(engine)
    hub_id(engine)
    return engine


def get_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(meta_t.c.value).where(meta_t.c.key == key)).scalar()


def set_meta(engine: Engine, key: str, value: str) -> None:
    with writing(engine) as conn:
        if conn.execute(select(meta_t.c.key).where(meta_t.c.key == key)).first():
            conn.execute(meta_t.update().where(meta_t.c.key == key).values(value=value))
        else:
            conn.execute(meta_t.insert().values(key=key, value=value))


def hub_id(engine: Engine) -> str:
    """This hub's id, made at first start and kept in the database (bundles name it)."""
    value = get_meta(engine, "hub_id")
    if value:
        return value
    try:
        with writing(engine) as conn:
            conn.execute(meta_t.insert().values(key="hub_id", value=str(uuid.uuid4())))
    except IntegrityError:
        pass  # another hub process made it first
    return get_meta(engine, "hub_id") or ""
