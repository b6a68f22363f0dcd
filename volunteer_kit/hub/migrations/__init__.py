"""Alembic migrations of the hub's schema, run programmatically (no alembic.ini).

As the device store does (store.engine.open_store): a database whose revision this code does not
know (made by a newer Volunteer Kit) is refused untouched; a SQLite database is copied aside with
sqlite3's backup API before a pending migration runs. PostgreSQL gets no file copy (the log says
to take a pg_dump); hub processes starting together migrate one at a time (an advisory lock, env.py).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, inspect

from volunteer_kit import errors, paths
from volunteer_kit.store.migrations import escaped

log = logging.getLogger("volunteer_kit.hub")

HERE = Path(__file__).resolve().parent
# The hub keeps its own version table, so a hub and a device store could even share a database.
VERSION_TABLE = "hub_alembic_version"


class HubDatabaseTooNew(errors.KnownError):
    def __init__(self, revision: str) -> None:
        super().__init__(
            f"Cơ sở dữ liệu máy chủ mới hơn phiên bản này (lược đồ {revision}); hãy cập nhật Volunteer Kit.",
            f"The hub database is newer than this version (schema {revision}); update Volunteer Kit.",
        )


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", escaped(str(HERE)))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", escaped(engine.url.render_as_string(hide_password=False)))
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    return Path(database)


def current_revision(engine: Engine) -> str | None:
    """The revision the hub database is at; None for a database the hub never migrated.

    A SQLite file is read through a read-only connection, so a database this code refuses is
    left byte for byte as it was."""
    file = _sqlite_file(engine)
    if file is not None:
        if not file.exists():
            return None
        conn = sqlite3.connect(f"{file.absolute().as_uri()}?mode=ro", uri=True)
        try:
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
            ).fetchone():
                return None
            row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        finally:
            conn.close()
        return str(row[0]) if row else None
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        value = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()
    return str(value) if value else None


def backup_before_migrating(file: Path, revision: str, head: str) -> Path:
    """Copy the SQLite hub database beside itself, as hub.sqlite3.before-<head>-<YYYYmmdd-HHMMSS>
    (consistent, WAL included, owner-only like the database), before migrating it to `head`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.name}.before-{head}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = file.with_name(f"{file.name}.before-{head}-{stamp}-{n}")
    paths.ensure_private_database(target)
    src = sqlite3.connect(f"{file.absolute().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("hub database %s (schema %s) copied to %s before migrating to %s", file, revision, target, head)
    return target


def upgrade_to_head(engine: Engine) -> None:
    """Migrate the hub database to this code's head: refuse a newer one (HubDatabaseTooNew, nothing
    changed), copy a SQLite one aside first, say on PostgreSQL to keep a pg_dump."""
    revision = current_revision(engine)
    head = head_revision()
    if revision == head:
        return
    if revision is not None:
        if revision not in known_revisions():
            raise HubDatabaseTooNew(revision)
        file = _sqlite_file(engine)
        if file is not None:
            backup_before_migrating(file, revision, head)
        else:
            log.warning(
                "migrating the hub database %s from schema %s to %s; keep a backup (pg_dump) of it",
                engine.url.render_as_string(hide_password=True),
                revision,
                head,
            )
    try:
        command.upgrade(alembic_config(engine), "head")
    except CommandError:
        # Another process of a newer Volunteer Kit migrated it while this one was starting.
        now = current_revision(engine)
        if now is not None and now not in known_revisions():
            raise HubDatabaseTooNew(now) from None
        raise
    if revision is not None:
        log.info("hub database migrated from schema %s to %s", revision, head)
