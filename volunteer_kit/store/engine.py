"""The one engine factory, and opening a store safely.

Opening a store never harms an existing file: a file that is not a SQLite
database is refused untouched, and a database from an older schema is copied
aside (with SQLite's backup API, so WAL content is included) before its
migrations run.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from volunteer_kit import paths
from volunteer_kit.errors import DatabaseDamaged, DatabaseTooNew, DataFolderUnusable, KnownError
from volunteer_kit.errors import translate_database_error as _translate

log = logging.getLogger("volunteer_kit.store")

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 8192
# The newest migration; tests check it equals Alembic's head.
SCHEMA_HEAD = "0008"


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: a volunteer's last attendance must survive a power cut.
    cursor.execute("PRAGMA synchronous = FULL")
    # 8 MB of page cache per connection: the app holds a few connections (writer and readers).
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine for the SQLite file at `path`, with the connect-time pragmas."""
    # URL.create, not an f-string: a path with "%" or "#" must not be parsed as URL syntax.
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def check_database_file(path: Path) -> None:
    """Refuse a file that exists but is not a SQLite database; never modify it."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseDamaged(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseDamaged(path) from exc
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(path)


def current_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, or None for a new/empty database."""
    if not path.exists():
        return None
    uri = f"{path.absolute().as_uri()}?mode=ro"  # percent-encoded: "#", "%" and "?" in a path stay literal
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseDamaged(path)  # a SQLite file, but not ours
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) or DatabaseDamaged(path) from exc


def backup_database(path: Path) -> Path:
    """Copy the database aside (consistently, WAL included) before a migration."""
    folder = paths.backups_dir(path.parent)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{path.stem}-{stamp}-{n}.sqlite3"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("copied %s to %s before migrating", path, target)
    return target


def migrate(engine: Engine) -> None:
    """Run Alembic's migrations up to head on this engine."""
    from volunteer_kit.store.migrations import upgrade_to_head

    upgrade_to_head(engine)


def open_store(path: Path | None = None) -> Engine:
    """Open (creating or migrating as needed) the store at `path` and return its engine."""
    path = path or paths.database_path()
    try:
        paths.ensure_private_dir(path.parent)
    except OSError as exc:
        raise DataFolderUnusable(path.parent, exc.strerror or type(exc).__name__) from exc
    check_database_file(path)
    revision = current_revision(path)
    try:
        paths.ensure_private_database(path)  # the token and personal data: owner-only (POSIX)
    except OSError as exc:
        raise DataFolderUnusable(path.parent, exc.strerror or type(exc).__name__) from exc
    if revision is not None and revision != SCHEMA_HEAD:
        from volunteer_kit.store.migrations import known_revisions

        if revision not in known_revisions():
            raise DatabaseTooNew(path, revision)
    engine = make_engine(path)
    try:
        if revision != SCHEMA_HEAD:
            if revision is not None:
                backup_database(path)
            migrate(engine)
            log.info("store at %s migrated from %s to %s", path, revision, SCHEMA_HEAD)
        # Touch the database so damage shows now, not in the middle of a page.
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError as exc:
        engine.dispose()
        known = _translate(exc.orig or exc, path)
        if known:
            raise known from exc
        raise
    except KnownError:
        engine.dispose()
        raise
    return engine
