"""The hub's engine: SQLite in the data folder by default, PostgreSQL by URL; migrated at open."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import uuid
import zlib
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Literal

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, select
from sqlalchemy.exc import IntegrityError

from volunteer_kit import errors, paths
from volunteer_kit.hub.gate import AT_ONCE
from volunteer_kit.hub.models import commune_t, meta_t, record_t

log = logging.getLogger("volunteer_kit.hub")

HUB_DB_FILE = "hub.sqlite3"
ENV_HUB_DB = "VOLUNTEER_KIT_HUB_DB"
BUSY_TIMEOUT_MS = 10_000
# Connections a hub process keeps open to PostgreSQL: the gate lets AT_ONCE pushes/pulls work at
# once, and health checks, enrollment, admin and pack downloads (not gated) use a few more.
# Across a deployment, processes x (pool_size + MAX_OVERFLOW) must stay below max_connections
# (docs/hub-deployment.md).
EXTRA_CONNECTIONS = 3
MAX_OVERFLOW = 2

# What opening a hub database may make: the programmatic default makes the file and its folders;
# the command line makes a file only in a folder that exists (hub serve) or nothing at all.
Creation = Literal["with_folders", "in_existing_folder", "never"]


class HubDatabaseMissing(errors.KnownError):
    def __init__(self, where: object) -> None:
        super().__init__(
            f"Không có cơ sở dữ liệu máy chủ tại {where}; hãy chạy máy chủ ở đó trước bằng "
            "hub serve --data-dir THƯ_MỤC, hoặc chỉ rõ --db.",
            f"No hub database at {where}; start the hub there first with hub serve --data-dir DIR, "
            "or give --db.",
        )


class HubFolderMissing(errors.KnownError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"Thư mục {folder} không tồn tại; hãy kiểm tra --db (máy chủ chỉ tạo tệp cơ sở dữ liệu "
            "trong một thư mục đã có).",
            f"The folder {folder} does not exist; check --db (the hub makes its database file only "
            "in a folder that exists).",
        )


def sqlite_url(path: Path) -> str:
    """A sqlite:/// URL of `path`, quoted so `%`, `#`, `?` and spaces in folder names survive."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def default_url() -> str:
    """$VOLUNTEER_KIT_HUB_DB, else hub.sqlite3 in the data folder."""
    env = os.environ.get(ENV_HUB_DB)
    if env:
        return env
    return sqlite_url(paths.data_dir() / HUB_DB_FILE)


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL opens, as SQLAlchemy reads it (it decodes %XX); None for other databases
    and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def shown_url(url: str) -> str:
    """The database as told to a person: the file of SQLite, else the URL without its password."""
    file = sqlite_file(url)
    return str(file) if file is not None else make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The pysqlite driver's own BEGIN handling is off: we send BEGIN IMMEDIATE ourselves (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # an accepted record must survive a power cut
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock at BEGIN (IMMEDIATE), so two pushes never deadlock upgrading
    # a read lock; readers (pull) begin deferred and never wait for each other.
    immediate = conn.get_execution_options().get("hub_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writing(engine: Engine) -> AbstractContextManager[Connection]:
    """A write transaction: on SQLite it holds the write lock from its start."""
    return engine.execution_options(hub_write=True).begin()


def default_pool_size() -> int:
    return AT_ONCE + EXTRA_CONNECTIONS


def make_hub_engine(url: str | None = None, *, pool_size: int | None = None) -> Engine:
    """An engine for the hub database at `url`; on PostgreSQL a pool of `pool_size` connections
    (default: the gate's AT_ONCE + EXTRA_CONNECTIONS) plus MAX_OVERFLOW at a peak."""
    url = url or default_url()
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    size = pool_size if pool_size is not None else default_pool_size()
    return create_engine(url, pool_pre_ping=True, pool_size=size, max_overflow=MAX_OVERFLOW)


def province_of(conn: Connection, commune_code: str) -> str:
    """The province of a commune as the hub files its records (hub_record's partition key);
    "" when the hub has none (its records are in the DEFAULT partition)."""
    found = conn.execute(select(commune_t.c.province_code).where(commune_t.c.code == commune_code)).scalar()
    return found or ""


# Any 64-bit constant: two processes seeing a new province at once make its partition once.
PARTITION_LOCK = 0x564B_5041_5254
_PARTITION_CODE = re.compile(r"^[0-9]{2}$")


def ensure_province_partition(conn: Connection, province_code: str) -> bool:
    """On PostgreSQL, give a province hub_record has no partition for (it appeared after
    migration 0008) its own, `hub_record_p<code>`, moving its records out of DEFAULT; True when
    one was made. Rare (a new province code), so the moment's locks are fine: DEFAULT is locked
    while its rows move, other provinces' pushes go on."""
    if conn.dialect.name != "postgresql" or not _PARTITION_CODE.match(province_code):
        return False
    name = f"hub_record_p{province_code}"
    if conn.exec_driver_sql("SELECT to_regclass(%(name)s)", {"name": name}).scalar() is not None:
        return False
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PARTITION_LOCK})")
    if conn.exec_driver_sql("SELECT to_regclass(%(name)s)", {"name": name}).scalar() is not None:
        return False  # another process made it while this one waited
    conn.exec_driver_sql(f"CREATE TABLE {name} (LIKE hub_record INCLUDING DEFAULTS)")
    conn.exec_driver_sql(
        f"WITH moved AS (DELETE FROM hub_record_default WHERE province_code = '{province_code}' "
        f"RETURNING *) INSERT INTO {name} SELECT * FROM moved"
    )
    conn.exec_driver_sql(f"ALTER TABLE hub_record ATTACH PARTITION {name} FOR VALUES IN ('{province_code}')")
    log.info("made the partition %s of hub_record for a new province", name)
    return True


def open_hub_engine(
    url: str | None = None, *, create: Creation = "with_folders", pool_size: int | None = None
) -> Engine:
    """The hub database at `url` (created as `create` allows, migrated to head), with its hub id
    made once. Raises HubDatabaseMissing / HubFolderMissing where `create` forbids making it,
    HubDatabaseTooNew (hub.migrations) for a database of a newer Volunteer Kit."""
    from volunteer_kit.hub.migrations import upgrade_to_head

    url = url or default_url()
    file = sqlite_file(url)
    if file is not None and not file.exists():
        if create == "never":
            raise HubDatabaseMissing(file)
        if create == "in_existing_folder" and not file.parent.is_dir():
            raise HubFolderMissing(file.parent)
    if file is not None:  # token hashes and every commune's records: owner-only on POSIX
        paths.ensure_private_dir(file.parent)
        paths.ensure_private_database(file)
    engine = make_hub_engine(url, pool_size=pool_size)
    if create == "never" and not _has_hub_schema(engine):
        engine.dispose()
        raise HubDatabaseMissing(shown_url(url))
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    hub_id(engine)
    return engine


def _has_hub_schema(engine: Engine) -> bool:
    """Whether a hub was ever served on this database (its migrations ran)."""
    from volunteer_kit.hub.migrations import VERSION_TABLE

    with engine.connect() as conn:
        return inspect(conn).has_table(VERSION_TABLE)


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


# Key space of pg_advisory_xact_lock(int, int) taken by a commune's pushes: "VK".
PUSH_LOCK_SPACE = 0x564B


def lock_commune(conn: Connection, commune_code: str) -> None:
    """Serialize pushes of one commune on PostgreSQL, so its seqs commit in increasing order.

    A sequence hands out numbers before COMMIT, not at it: two concurrent pushes could
    commit seq 11 before seq 10, and a device pulling "after 11" in between would never see 10.
    Pulls are per commune and every record of a push belongs to the token's commune, so a
    transaction-level advisory lock per commune is enough (communes still push in parallel,
    and the lock ends with the transaction, even if the hub process dies). SQLite needs no
    lock: BEGIN IMMEDIATE already lets one writer at a time.
    """
    if conn.dialect.name != "postgresql":
        return
    key = int(commune_code) if commune_code.isdigit() else zlib.crc32(commune_code.encode()) & 0x7FFFFFFF
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PUSH_LOCK_SPACE}, {key})")


def move_commune_records(conn: Connection, commune_code: str, province_code: str) -> int:
    """File every record of a commune under `province_code` (its province changed in hub_commune),
    so a pull, which reads the commune's province only, still finds them all; returns how many
    moved. On PostgreSQL the rows change partition. Rare (a commune made with no province, then
    given one), so a plain scan will do; the commune's pushes wait for it (lock_commune)."""
    lock_commune(conn, commune_code)
    moved = conn.execute(
        record_t.update()
        .where(record_t.c.commune_code == commune_code, record_t.c.province_code != province_code)
        .values(province_code=province_code)
    ).rowcount
    if moved:
        log.info("moved %d records of commune %s to province %r", moved, commune_code, province_code)
    return moved
